import _thread
import inspect
import json
import os
import threading
import time

import pytest

import parallax
from conftest import rss_kib, run_cli


@pytest.fixture()
def db(tmp_path, sample_path):
    with parallax.Store(tmp_path / "news.db") as st:
        res = st.ingest(sample_path)
        assert res.stored == 30 and res.rejected == 0 and res.clustered == 30
        assert res.batches == 1
        yield st


def test_listings(db):
    df = db.quotes(speaker="Kim Jong Un").to_pandas()
    assert len(df) > 5 and set(df["speaker_key"]) == {"kim jong un"}
    assert str(df["published"].dtype).startswith("datetime64")
    # any spelling finds him
    assert len(db.quotes(speaker="Kim Jong-un").to_list()) == len(df)
    stories = db.stories(min_outlets=3).to_list()
    assert stories and all(s.outlets >= 3 for s in stories)
    ents = db.entities(limit=5).to_list()
    assert len(ents) == 5 and ents[0].articles >= ents[-1].articles
    hits = db.search("cosmodrome", limit=3).to_list()
    assert hits and "[" in hits[0].snippet
    outs = db.outlets().to_pandas()
    assert outs["articles"].sum() == 30
    arts = db.articles(source="Northern Wire").to_list()
    assert arts and all(a.source == "Northern Wire" for a in arts)
    assert db.counts()["articles"] == 30


def test_story(db):
    sid = db.stories(min_outlets=3, limit=1).to_list()[0].id
    s = db.story(sid)
    assert s.id == sid and len(s.articles) == s.info.articles
    rep = s.report("json")
    assert json.loads(rep)["articles"]
    cmp = s.compare()
    assert len(cmp.articles) == s.info.articles
    with pytest.raises(parallax.NotFound) as e:
        db.story(999999)
    assert e.value.code == "PX_ENOTFOUND"
    with pytest.raises(parallax.NotFound):
        db.get(999999)
    assert db.get(s.articles[0].id).body


def test_same_as_cli(db, cli):
    out = run_cli(cli, "quotes", "--db", db.path, "--speaker", "Kim Jong Un", "--format", "json")
    assert out.returncode == 0, out.stderr
    # one remark a line, each with its renderings
    rows = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
    assert rows and all(r["speaker"] for r in rows)
    mine = db.quotes(speaker="Kim Jong Un").to_list()
    assert len(mine) == sum(r["quotes"] for r in rows) == sum(len(r["variants"]) for r in rows)


def test_streaming_stops_early(db):
    it = db.quotes()
    first = [next(it) for _ in range(3)]
    assert len(first) == 3
    it.close()
    assert list(it) == []
    with db.entities(limit=0) as it2:
        next(it2)
    del it2  # the garbage collector stops a reader left half read


def test_ingest_dicts_and_bad_records(tmp_path, sample_records):
    recs = sample_records[:5] + [{"title": "no body"}, 17, {"body": b"\xff\xfe bad"}]
    with parallax.Store(tmp_path / "d.db") as st:
        res = st.ingest(iter(recs))
        assert res.stored == 5
        assert res.ids[:5] == [1, 2, 3, 4, 5] and res.ids[5:] == [None, None, None]
        msgs = [m for m in res.messages if m[0] == "rejected"]
        assert [m[1] for m in msgs] == ["item 5", "item 6", "item 7"]
        assert "no body" in msgs[0][2] and "not UTF-8" in msgs[2][2]
        again = st.ingest(sample_records[:5])
        assert again.stored == 0 and again.duplicates == 5
        with pytest.raises(parallax.InvalidInput):
            st.ingest([{"title": "x"}], strict=True)
        missing = st.ingest([str(tmp_path / "nope.jsonl")])
        assert missing.messages[0][0] == "input_failed"


def test_bad_query_and_types(db):
    with pytest.raises(parallax.QueryError) as e:
        list(db.search('"unbalanced'))
    assert e.value.code == "PX_EQUERY"
    with pytest.raises(parallax.InvalidType):
        db.quotes(speaker=42)
    with pytest.raises(parallax.InvalidInput):
        db.stories(since="not a date at all")


def test_closed_store(tmp_path, sample_path):
    st = parallax.Store(tmp_path / "c.db")
    st.ingest(sample_path)
    it = st.quotes()
    st.close()
    assert st.closed
    for call in (lambda: st.quotes(), lambda: st.ingest(sample_path), lambda: st.story(1),
                 lambda: st.counts(), lambda: st.search("kim")):
        with pytest.raises(parallax.ClosedError) as e:
            call()
        assert "closed" in str(e.value)
    assert len(list(it)) > 0  # a listing opened before reads on its own connection


def test_not_a_database(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("not a database, just notes\n" * 100)
    with pytest.raises(parallax.StoreError) as e:
        parallax.Store(p)
    assert e.value.code == "PX_ENOTPARALLAX"
    assert p.read_text().startswith("not a database")
    with pytest.raises(parallax.NotFound):
        parallax.Store(tmp_path / "missing.db", readonly=True)


def test_store_used_from_two_threads(tmp_path, generated):
    st = parallax.Store(tmp_path / "t.db")
    inside, tried, caught = threading.Event(), threading.Event(), []

    def progress(done, total, articles):
        if not inside.is_set():
            inside.set()
            tried.wait(30)

    def other():
        inside.wait(30)
        try:
            st.counts()
        except parallax.BusyError as e:
            caught.append(e)
        tried.set()

    t = threading.Thread(target=other)
    t.start()
    res = st.ingest(generated, progress=progress, cluster=False)
    t.join()
    assert caught and "another thread" in str(caught[0])
    assert res.stored == 2500
    assert st.counts()["articles"] == 2500
    st.close()


def test_keyboard_interrupt_during_ingest(tmp_path, generated):
    path = tmp_path / "k.db"
    st = parallax.Store(path)
    sent = []

    def ctrl_c(done, total, articles):
        # Ctrl-C while the input is being read, as a user at a terminal would
        if not sent:
            sent.append(articles)
            _thread.interrupt_main()

    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt) as e:
        st.ingest(generated, progress=ctrl_c)
    assert time.monotonic() - t0 < 10
    notes = " ".join(getattr(e.value, "__notes__", []))
    assert "ingest stopped after" in notes
    kept = st.counts()["articles"]
    assert 0 < kept < 2500
    res = st.ingest(generated)  # goes on: stores what is missing
    assert res.duplicates == kept and st.counts()["articles"] == 2500
    st.close()


def test_threads_with_a_store_each(tmp_path, sample_path):
    with parallax.Store(tmp_path / "p.db") as st:
        st.ingest(sample_path)
    errors, counts = [], []

    def work():
        try:
            with parallax.Store(tmp_path / "p.db", readonly=True) as mine:
                for _ in range(5):
                    counts.append(len(mine.quotes().to_list()))
                    mine.story(1)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(counts)) == 1 and len(counts) == 20


def test_memory_flat_store_and_compare(tmp_path, sample_path, sample_records):
    with parallax.Store(tmp_path / "m.db") as st:
        st.ingest(sample_path)
    def loop(n):
        for i in range(n):
            with parallax.Store(tmp_path / "m.db", readonly=True) as st:
                st.quotes().to_list()
                it = st.stories()
                next(it)
                del it
            parallax.compare(sample_records[:3]).facts
    loop(20)
    before = rss_kib()
    loop(150)
    grown = rss_kib() - before
    assert grown < 8192, f"RSS grew by {grown} KiB"


def test_ingest_threads_same_store(tmp_path, sample_path):
    got = []
    for n in (1, 3, None):  # None: the default, one thread per core as the CLI
        with parallax.Store(tmp_path / f"th{n}.db") as st:
            res = st.ingest(sample_path) if n is None else st.ingest(sample_path, threads=n)
            assert res.stored == 30
            got.append([(q.article, q.start, q.end, q.speaker_key) for q in st.quotes()])
    assert got[0] == got[1] == got[2] and got[0]
    assert inspect.signature(parallax.Store.ingest).parameters["threads"].default == 0
    with parallax.Store(tmp_path / "bad.db") as st:
        with pytest.raises(parallax.InvalidInput):
            st.ingest(sample_path, threads=-1)


def test_meta_ext_id_and_article_filter(tmp_path, sample_records):
    recs = [dict(r, topic="summit", bias="center") for r in sample_records[:4]]
    with parallax.Store(tmp_path / "meta.db") as st:
        res = st.ingest(recs)
        assert res.stored == 4 and not res.messages  # extra keys are the articles' meta
        art = st.get(res.ids[0])
        assert art.ext_id == recs[0]["id"]
        qs = st.quotes(article=res.ids[0]).to_list()
        assert qs and {q.article for q in qs} == {res.ids[0]}
        assert all(q.ext_id == recs[0]["id"] for q in qs)
        everything = st.quotes().to_list()
        assert st.quotes(offset=2).to_list() == everything[2:]
        hit = st.search("cosmodrome", limit=1).to_list()[0]
        assert hit.ext_id in {r["id"] for r in recs}


def test_reanalyze(tmp_path, sample_path):
    # stored without analysis, then analysed: the quotes and speakers a
    # full ingest stores; a second call has nothing to do; all=True redoes all
    with parallax.Store(tmp_path / "full.db") as full:
        full.ingest(sample_path)
        want = sorted((q.article, q.text, q.speaker_key) for q in full.quotes().to_list())
    with parallax.Store(tmp_path / "bare.db") as st:
        res = st.ingest(sample_path, analyze=False)
        assert res.stored == 30 and res.reanalyzed == 0
        assert st.quotes().to_list() == []
        res = st.reanalyze(threads=2)
        assert res.read == 30 and res.reanalyzed == 30 and res.not_analyzed == 0
        got = sorted((q.article, q.text, q.speaker_key) for q in st.quotes().to_list())
        assert got == want and len(got) > 20
        assert st.reanalyze().reanalyzed == 0
        assert st.reanalyze(all=True, threads=1).reanalyzed == 30
        assert sorted((q.article, q.text, q.speaker_key) for q in st.quotes().to_list()) == want
        with pytest.raises(parallax.Error):
            st.reanalyze(threads=65)
