import json

import pytest

import parallax
from conftest import run_cli


def kim_story(records):
    return [r for r in records if "kim" in r["id"] or "Kim" in r["title"]][:4]


def test_compare_objects(sample_records):
    recs = kim_story(sample_records)
    assert len(recs) >= 3
    with parallax.compare(recs) as cmp:
        assert len(cmp.articles) == len(recs)
        assert cmp.outlets == list(dict.fromkeys(r["source"] for r in recs))
        facts = cmp.facts
        assert any(f.shared for f in facts) and any(not f.shared for f in facts)
        for f in facts:
            for m in f.members:
                assert m.text  # the sentence itself
        assert {f.id for f in cmp.shared_facts} == {f.id for f in facts if len(f.outlets) > 1}
        remarks = cmp.quotes
        assert remarks and all(r.members for r in remarks)
        assert any(r.speaker_key == "kim jong un" and len(set(r.outlets)) >= 3 for r in remarks)
        keys = {e.key for e in cmp.entities}
        assert "kim jong un" in keys
        assert cmp.stats["facts"] == len(facts)
        assert isinstance(cmp.discrepancies, list) and cmp.disputes == cmp.discrepancies
        df = cmp.facts.to_pandas()
        assert list(df.columns)[:3] == ["id", "shared", "outlets"] and len(df) == len(facts)
    with pytest.raises(parallax.ClosedError):
        cmp.report("text")


def test_report_formats_match_cli(cli, sample_records, tmp_path):
    recs = kim_story(sample_records)
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    cmp = parallax.compare(recs)
    for fmt, cli_fmt in (("json", "json"), ("markdown", "md"), ("html", "html")):
        out = run_cli(cli, "compare", "--format", cli_fmt, str(path))
        assert out.returncode == 0, out.stderr
        mine = cmp.report(fmt)
        if fmt == "json":
            a, b = json.loads(mine), json.loads(out.stdout)
            # the CLI names articles by where it read them when they have no id
            assert a["facts"] == b["facts"] and a["quotes"] == b["quotes"]
            assert a["entities"] == b["entities"]
        else:
            assert len(mine) > 200 and mine.split("\n")[0] == out.stdout.split("\n")[0]
    brief, full = cmp.report("markdown", top=2), cmp.report("markdown", full=True)
    assert len(full) > len(brief)
    text = cmp.report("text", width=60)
    assert max(len(line) for line in text.splitlines()) <= 60 + 20
    with pytest.raises(parallax.InvalidInput):
        cmp.report("pdf")


def test_compare_bad_input(sample_records):
    with pytest.raises(parallax.InvalidType):
        parallax.compare("one string is not a list of records")
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.compare([sample_records[0], {"title": "no body"}])
    assert "record 1" in str(e.value) and e.value.code == "PX_ENOBODY"
    with pytest.raises(parallax.InvalidType) as e:
        parallax.compare([sample_records[0], 7])
    assert "record 1" in str(e.value)
    with pytest.raises(parallax.InvalidInput) as e:
        parallax.compare(sample_records[:5], max_articles=3)
    assert e.value.code == "PX_ETOOBIG"
    with pytest.raises(parallax.InvalidInput):
        parallax.compare(sample_records[:2], threshold=1.5)


def test_compare_plain_texts_and_empty():
    cmp = parallax.compare(["The bridge opened on Monday in Porto, officials said.",
                            "Officials said the bridge in Porto opened on Monday.", ""])
    assert len(cmp.articles) == 3
    assert cmp.warnings  # the empty one is flagged, never dropped
    assert any(f.shared for f in cmp.facts)
