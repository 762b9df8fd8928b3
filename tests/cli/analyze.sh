#!/bin/bash
# analyze.sh - parallax analyze: JSON Lines fields, offsets, merged entities,
# text form, stdin, usage errors.  usage: analyze.sh PARALLAX SOURCE_DIR
set -u
PX="$1"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Two invented articles.
cat > "$tmp/news.jsonl" <<'JSON'
{"id":"a1","source":"Daily Ledger","title":"Putin warns West","text":"MOSCOW (Reuters) - Russian President Vladimir Putin said on Tuesday that new sanctions would fail.\n\nPutin's spokesman, Dmitry Peskov, told reporters the Kremlin would respond. \"We will not accept this,\" Mr. Putin said in Sochi.\n\nThe Russian president also spoke with officials of the United Nations."}
{"id":"a2","source":"Harbor Times","title":"Missile test","text":"North Korean leader Kim Jong-Un watched the launch from Wonsan on Friday. Analysts in Kiev said the North Korean leader wanted attention. However, Kim has stayed silent."}
JSON

"$PX" analyze --format json "$tmp/news.jsonl" > "$tmp/out.jsonl" || fail "analyze exited $?"
$PY - "$tmp/out.jsonl" "$tmp/news.jsonl" <<'PYEOF' || fail "JSON checks"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
bodies = [json.loads(l)["text"].encode() for l in open(sys.argv[2], encoding="utf-8")]
assert len(docs) == 2, len(docs)
for d, body in zip(docs, bodies):
    for k in ("id", "title", "source", "dateline", "sentences", "entities"):
        assert k in d, k
    # offsets are UTF-8 byte offsets into the body: each sentence's and each
    # mention's text is the body's slice at its offsets
    for s in d["sentences"]:
        assert s["start"] < s["end"]
        assert body[s["start"]:s["end"]].decode() == s["text"], s
    for e in d["entities"]:
        for m in e["spans"]:
            assert body[m["start"]:m["end"]].decode() == m["text"], m
    for e in d["entities"]:
        assert e["type"] in ("person", "organization", "place", "other")
        assert e["key"] == e["key"].lower()
        assert e["mentions"]
        for m in e["spans"]:
            assert m["start"] < m["end"]
            assert m["kind"] in ("name", "partial", "acronym", "role")
a, b = docs
assert a["ext_id"] == "a1" and a["id"] is None and a["source"] == "Daily Ledger"
assert a["dateline"] == {"place": "MOSCOW", "agency": "Reuters"}, a["dateline"]
assert b["dateline"] is None
by_key = {e["key"]: e for e in a["entities"]}
p = by_key["vladimir putin"]
assert p["type"] == "person" and p["name"] == "Vladimir Putin", p
texts = [m["text"] for m in p["spans"]]
assert texts.count("Putin") >= 2 and "Russian president" in texts, texts
assert by_key["kremlin"]["type"] == "organization"
assert by_key["united nations"]["type"] == "organization"
assert by_key["reuters"]["type"] == "organization"
assert by_key["moscow"]["type"] == "place"
assert "the" not in by_key and "we" not in by_key
kb = {e["key"]: e for e in b["entities"]}
k = kb["kim jong un"]
assert k["type"] == "person"
assert [m["kind"] for m in k["spans"]] == ["name", "role", "partial"], k["spans"]
assert k["mentions"] == len(k["spans"])
assert kb["kyiv"]["type"] == "place"
assert "however" not in kb and "analysts" not in kb and "north korean" not in kb
PYEOF

# Mention offsets index the body as bytes: check against the input text.
$PY - "$tmp/news.jsonl" "$tmp/out.jsonl" <<'PYEOF' || fail "offsets"
import json, sys
src = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
out = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for s, d in zip(src, out):
    body = s["text"].encode("utf-8")
    for e in d["entities"]:
        for m in e["spans"]:
            assert body[m["start"]:m["end"]].decode("utf-8") == m["text"], m
    for x in d["sentences"]:
        assert body[x["start"]:x["end"]].decode("utf-8") == x["text"], x
PYEOF

# The output follows docs/schema/analyze.schema.json (when jsonschema is installed).
$PY "$2/tests/tools/schema_check.py" "$2/docs/schema" analyze "$tmp/out.jsonl" || fail "schema"

# Standard input, text form.
"$PX" analyze - < "$tmp/news.jsonl" > "$tmp/out.txt" || fail "stdin exited $?"
grep -q "Vladimir Putin" "$tmp/out.txt" || fail "text form lacks the entity"
grep -q "kim jong un" "$tmp/out.txt" || fail "text form lacks the key"
grep -q "^   1  " "$tmp/out.txt" || fail "text form lacks numbered sentences"

# --limit, usage errors, help.
n=$("$PX" analyze --format json --limit 1 "$tmp/news.jsonl" | wc -l)
[ "$n" -eq 1 ] || fail "--limit 1 printed $n lines"
"$PX" analyze > /dev/null 2>&1; [ $? -eq 2 ] || fail "no input should be a usage error"
"$PX" analyze --bogus x > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option should be a usage error"
"$PX" analyze --help | grep -q "usage: parallax analyze" || fail "--help"
"$PX" analyze "$tmp/missing.jsonl" > /dev/null 2>&1; [ $? -eq 1 ] || fail "missing input should exit 1"
echo "analyze: ok"
