#!/usr/bin/env bash
# quotes.sh PARALLAX SOURCE_DIR - parallax quotes and the quotes array of
# parallax analyze end to end: speakers across spellings, variants of one
# remark from two outlets, --speaker, JSON output, offsets, bad input.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
contains() { grep -q -- "$2" <<<"$1"; }
lacks() { ! grep -q -- "$2" <<<"$1"; }

cat > "$tmp/news.jsonl" <<'J'
{"id":"1","source":"Northern Wire","title":"Kim meets Putin","text":"VLADIVOSTOK - North Korean leader Kim Jong Un met Russian President Vladimir Putin on Wednesday.\n\n\"We will always be with Russia,\" Kim told Putin.\n\n\"We are ready,\" Putin said, \"to help our neighbours.\"\n\nThe \"strategic\" talks lasted four hours."}
{"id":"2","source":"Harbor Post","title":"Summit in the east","text":"Kim Jong-un said he would always stand with Moscow.\n\n\"I will always be standing with Russia,\" Kim Jong-un told the Russian president.\n\nPutin praised the \"heroic\" Russian army."}
J

out=$("$px" quotes "$tmp/news.jsonl" 2>"$tmp/err"); rc=$?
check "quotes exits 0" test "$rc" -eq 0
check "one speaker for Kim Jong Un and Kim Jong-un" test "$(grep -c '^Kim Jong' <<<"$out")" -eq 1
check "both renderings of the remark listed" contains "$out" "I will always be standing with Russia"
check "outlets named" contains "$out" "Harbor Post"
check "cue inside the quote joins the spans" contains "$out" "We are ready ... to help our neighbours"
check "scare quote left out" lacks "$out" "strategic"
check "summary on stderr" contains "$(cat "$tmp/err")" "2 articles"

json=$("$px" quotes --format json "$tmp/news.jsonl" 2>/dev/null)
check "JSON parses: one remark per line" python3 -c 'import json,sys; [json.loads(l) for l in sys.argv[1].splitlines()]' "$json"
same=$(python3 -c '
import json,sys
for line in sys.argv[1].splitlines():
    r=json.loads(line)
    t=" | ".join(v["text"] for v in r["variants"])
    if "always be with Russia" in t and "standing with Russia" in t:
        print(len(set(v["source"] for v in r["variants"])))
' "$json")
check "the two renderings are one remark from two outlets" test "$same" = "2"

# a person, not a shared word: from files and from the store
cat > "$tmp/trump.jsonl" <<'J'
{"id":"t1","source":"Wire A","title":"Masks","text":"\"I'm all for masks,\" Donald Trump said on Wednesday.\n\n\"The wall is going up fast,\" Melania Trump said."}
{"id":"t2","source":"Wire B","title":"Masks again","text":"\"I'm all for masks, I think masks are good,\" Donald Trump told reporters."}
{"id":"t3","source":"Wire C","title":"Masks","text":"\"Masks are fine for masks people,\" Trump said at the rally."}
J
for from in files store; do
  if [[ $from == store ]]; then
    "$px" ingest --db "$tmp/t.db" -q "$tmp/trump.jsonl" >/dev/null 2>&1
    x=$("$px" quotes --db "$tmp/t.db" --speaker "Xyzzy Trump" 2>/dev/null)
    d=$("$px" quotes --db "$tmp/t.db" --speaker "Donald Trump" 2>/dev/null)
  else
    x=$("$px" quotes --speaker "Xyzzy Trump" "$tmp/trump.jsonl" 2>/dev/null)
    d=$("$px" quotes --speaker "Donald Trump" "$tmp/trump.jsonl" 2>/dev/null)
  fi
  check "$from: --speaker 'Xyzzy Trump' matches nobody" lacks "$x" "masks"
  check "$from: --speaker 'Donald Trump' has his remark" contains "$d" "all for masks"
  check "$from: --speaker 'Donald Trump' leaves out Melania Trump's" lacks "$d" "wall is going up"
done
sp=$("$px" quotes --speaker "Vladimir Putin" "$tmp/news.jsonl" 2>/dev/null)
check "--speaker keeps that speaker" contains "$sp" "We are ready"
check "--speaker drops the others" lacks "$sp" "always be with Russia"

an=$("$px" analyze --format json --no-sentences "$tmp/news.jsonl")
check "analyze JSON has quotes" python3 -c '
import json,sys
for line in sys.argv[1].splitlines():
    d=json.loads(line)
    assert "quotes" in d
    for q in d["quotes"]:
        for k in ("start","end","text","kind","cue","speaker"):
            assert k in q, k
' "$an"
check "analyze offsets point at the quotes" python3 -c '
import json, re, sys
bodies = {}
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    bodies[d["id"]] = d["text"].encode("utf-8")
n = 0
def words(t):
    return re.findall(r"\w+", t)
for line in sys.argv[1].splitlines():
    d = json.loads(line)
    body = bodies[d["ext_id"]]
    for q in d["quotes"]:
        n += 1
        s, e = q["start"], q["end"]
        assert 0 <= s < e <= len(body), (s, e)
        # a quoted remark runs from the opening mark to the closing one
        if q["kind"] != "indirect":
            assert body[s:s + 1] == b"\"" and body[e - 1:e] == b"\"", (q["kind"], body[s:e])
        # every span is quoted text of the body, and the words of the
        # quote text are the words of its spans, in order
        got = []
        for a, b in q["spans"]:
            assert s <= a < b <= e, (a, b)
            got += words(body[a:b].decode("utf-8"))
        assert got == words(q["text"]), (got, q["text"])
        if q["cue"] is not None:
            assert body[q["cue_start"]:q["cue_end"]].decode() == q["cue"], q["cue"]
        if q["speaker_text"]:
            assert body[q["speaker_start"]:q["speaker_end"]].decode() == q["speaker_text"], q
assert n >= 4, n
' "$an" "$tmp/news.jsonl"
# Bad input: unbalanced marks never take in the rest of the article.
printf 'Title: Stray\nSource: Test\n\nA stray " in the lead\n\n"We are ready," Putin said.\n\nThe "deal was signed. "It is good," Kim said.\n\nLater paragraphs follow and follow.\n' > "$tmp/bad.txt"
out=$("$px" quotes --format json "$tmp/bad.txt" 2>/dev/null); rc=$?
check "unbalanced input exits 0" test "$rc" -eq 0
check "quote after a stray mark still found" contains "$out" "It is good"
check "nothing swallows the last paragraph" lacks "$out" "Later paragraphs"

"$px" quotes --db "$tmp/missing.db" </dev/null >/dev/null 2>&1; rc=$?
check "no input and no database fails" test "$rc" -ne 0
"$px" quotes --bogus "$tmp/news.jsonl" >/dev/null 2>&1; rc=$?
check "unknown option is a usage error" test "$rc" -eq 2
"$px" quotes --help | grep -q "usage: parallax quotes"; rc=$?
check "--help prints the usage" test "$rc" -eq 0

exit $((fails > 0))
