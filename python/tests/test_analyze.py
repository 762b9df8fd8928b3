import json
import threading
import time

import pytest

import parallax
from conftest import rss_kib, run_cli

KIM = ('PYONGYANG (Northern Wire) - "We are ready to talk," Kim Jong Un said on Monday. '
       "He met Vladimir Putin in Vladivostok, the Kremlin said.")


def test_analyze_text():
    a = parallax.analyze(KIM)
    assert a.dateline == parallax.Dateline("PYONGYANG", "Northern Wire")
    assert a.sentences[0].text == '"We are ready to talk," Kim Jong Un said on Monday.'
    assert len(a.sentences) == 2
    keys = {e.key for e in a.entities}
    assert {"kim jong un", "vladimir putin"} <= keys
    for e in a.entities:
        for m in e.mentions:
            assert a.body[m.start:m.end] == m.text
    q = a.quotes[0]
    assert q.kind == "direct" and q.text == "We are ready to talk"
    assert q.speaker == "Kim Jong Un" and q.speaker_key == "kim jong un"
    assert a.body[q.speaker_start:q.speaker_end] == "Kim Jong Un"


def test_offsets_are_characters():
    a = parallax.analyze("Élodie Brünhilde-Søren met Zoë Ångström in Malmö. “It was fine,” "
                         "Zoë Ångström said.")
    for s in a.sentences:
        assert a.body[s.start:s.end] == s.text
    names = {e.name for e in a.entities}
    assert "Zoë Ångström" in names
    q = a.quotes[0]
    assert a.body[q.speaker_start:q.speaker_end] == "Zoë Ångström"


def test_record_and_bytes():
    a = parallax.analyze({"title": "T", "source": "Harbor Post", "text": KIM})
    assert a.title == "T" and a.source == "Harbor Post" and a.quotes
    b = parallax.analyze(KIM.encode("utf-8"))
    assert b.sentences == a.sentences


def test_same_as_cli(cli, sample_path, sample_records):
    out = run_cli(cli, "analyze", "--format", "json", sample_path)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(sample_records)
    for rec, row in zip(sample_records, rows):
        a = parallax.analyze(rec)
        assert [s.text for s in a.sentences] == [s["text"] for s in row["sentences"]]
        assert [e.key for e in a.entities] == [e["key"] for e in row["entities"]]
        assert len(a.quotes) == len(row["quotes"])
        assert (a.dateline.place if a.dateline else None) == \
            (row["dateline"]["place"] if row["dateline"] else None)


@pytest.mark.parametrize("bad", [42, None, 3.5, ["text"], object()])
def test_not_text(bad):
    with pytest.raises(parallax.InvalidType) as e:
        parallax.analyze(bad)
    assert isinstance(e.value, TypeError)
    assert e.value.status == -2 and e.value.code == "PX_EINVAL"


def test_not_utf8():
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.analyze(b"Caf\xe9 au lait \xff")
    assert "not UTF-8" in str(e.value) and "offset 3" in str(e.value)
    assert e.value.code == "PX_EFORMAT"
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.analyze({"body": b"\xc3\x28 broken"})
    assert "body" in str(e.value)


def test_lone_surrogate():
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.analyze("abc \ud800 def")
    assert "not valid Unicode" in str(e.value)


def test_record_without_body():
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.analyze({"title": "No text here", "source": "X"})
    assert e.value.code == "PX_ENOBODY" and "no body" in e.value.message
    with pytest.raises(parallax.InvalidType):
        parallax.analyze({"body": 12})


def test_body_over_the_limit():
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.analyze("word " * (17 << 20 // 5) + "x" * (17 << 20))
    assert e.value.code == "PX_ETOOBIG"


def test_analyzer_context_and_closed():
    with parallax.Analyzer() as an:
        assert an.analyze(KIM).entities
    with pytest.raises(parallax.ClosedError):
        an.analyze(KIM)


def test_threads_in_parallel(sample_records):
    bodies = [r["text"] for r in sample_records]
    want = [[(s.start, s.end) for s in parallax.analyze(b).sentences] for b in bodies]
    errors, results = [], {}

    def work(k):
        try:
            for _ in range(3):
                got = [[(s.start, s.end) for s in parallax.analyze(b).sentences] for b in bodies]
                results[k] = got
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[k] == want for k in range(4))


def test_one_analyzer_two_threads():
    an = parallax.Analyzer()
    long_text = " ".join(f"Minister {i} met Anneli Korhonen in Tampere on day {i}."
                         for i in range(40000))
    started, caught = threading.Event(), []

    def other():
        started.wait()
        for _ in range(2000):
            try:
                an.analyze("Short text.")
            except parallax.BusyError as e:
                caught.append(e)
                return
            time.sleep(0.001)

    t = threading.Thread(target=other)
    t.start()
    started.set()
    an.analyze(long_text)
    t.join()
    assert caught and "another thread" in str(caught[0])
    an.close()


def test_gil_released_during_long_call():
    text = " ".join(f"Officials said {i} ships reached Rotterdam, Kim Jong Un said." for i in range(60000))
    span = {}

    def work():
        t0 = time.monotonic()
        parallax.analyze(text)
        span["t"] = (t0, time.monotonic())

    ticks = []
    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.0005)
    t.join()
    t0, t1 = span["t"]
    inside = [x for x in ticks if t0 <= x <= t1]
    # With the GIL held through the call this thread could not run at all
    # while it lasts (no tick inside it); released, it ticks all along.  On a
    # loaded machine both threads may wait for a core for a long stretch, so
    # the test asks for ticks in each half of the call, not for a bound on
    # the longest gap between ticks.
    assert t1 - t0 > 0.2
    mid = (t0 + t1) / 2
    assert len(inside) > 10
    assert any(x < mid for x in inside) and any(x > mid for x in inside)


def test_memory_flat_over_a_loop(sample_records):
    bodies = [r["text"] for r in sample_records]
    for b in bodies * 10:
        parallax.analyze(b)
    before = rss_kib()
    for i in range(3000):
        parallax.analyze(bodies[i % len(bodies)])
    grown = rss_kib() - before
    assert grown < 4096, f"RSS grew by {grown} KiB over 3000 analyze() calls"


def test_help_reads_well():
    doc = parallax.__doc__
    assert "analyze(" in doc and "Store(" in doc and "to_pandas()" in doc
    for name in ("analyze", "compare", "Store", "Analyzer"):
        assert getattr(parallax, name).__doc__
    for name in dir(parallax.Store):
        if not name.startswith("_"):
            assert getattr(parallax.Store, name).__doc__, name
