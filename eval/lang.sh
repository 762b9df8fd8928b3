#!/usr/bin/env bash
# Language identification: px_langid beside libexttextcat's own first choice
# (the library parallax builds on), on the same texts in the same run.
#
# The labelled sample is assembled here, at run time, from two sources whose
# licences allow it (no text is copied into the repository):
#  1. golden-rules-multi ($PX_DATA, MIT): pySBD's sentence-splitting cases in
#     23 languages, short texts (a few words to three sentences).  Cases
#     whose text is also an English case are dropped: pySBD's Danish and
#     other files reuse English rules verbatim, so their label is wrong.
#  2. Debian's translated manual pages (manpages-l10n, GPL-3+; English from
#     the manual pages already installed): per language, the first prose
#     paragraph of 300 bytes or more of each page in /usr/share/man/LANG/man1,
#     25 per language, as "long"; the first sentence (30 to 120 bytes) of the
#     same paragraphs as "short" (headline-sized).  Translations often leave
#     paragraphs in English: a paragraph of another language is dropped when
#     over 15 % of its words are English function words (the, and, of, to,
#     is, ...), so that its label can be trusted.
#  3. Real English news: the first 2,000 AllSides articles ($PX_DATA,
#     allsides-news), title and body, labelled "en": what matters most there
#     is how few English articles are taken for another language (they would
#     lose their entities and quotes); and their titles alone, the shortest
#     real texts.
# Install the pages with: apt-get install manpages-de manpages-fr ... (the
# list is in docs/text-analysis.md); languages whose pages are missing are
# skipped.  Machine shared: CPU times are given, wall times are not.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}"
bin="$build/eval_lang"
if [[ ! -x "$bin" ]]; then echo "lang: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap '[[ -n "${PX_KEEP:-}" ]] || rm -rf "$tmp"' EXIT
python3 - "$data/golden-rules-multi/golden_rules_multi.jsonl" "$data/allsides-news/allsides_articles.jsonl.xz" > "$tmp/sample.tsv" <<'PY'
import gzip, json, lzma, os, re, sys

out = sys.stdout
def emit(s, lang, text):
    text = re.sub(r"\s+", " ", text).strip()
    if text:
        out.write(f"{s}\t{lang}\t{text}\n")

# 1. golden-rules-multi
path = sys.argv[1]
if os.path.exists(path):
    cases = [json.loads(l) for l in open(path, encoding="utf-8")]
    english = {c["input"].strip() for c in cases if c["lang"] == "en"}
    for c in cases:
        if c["lang"] != "en" and c["input"].strip() in english:
            continue
        emit("short-golden-rules", c["lang"], c["input"])
else:
    sys.stderr.write("lang: golden-rules-multi absent, that set skipped\n")

# 3. real English news
if os.path.exists(sys.argv[2]):
    with lzma.open(sys.argv[2], "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 2000:
                break
            o = json.loads(line)
            emit("news-allsides-en", "en", (o.get("title") or "") + "\n" + (o.get("body") or o.get("text") or ""))
            emit("titles-allsides-en", "en", o.get("title") or "")
else:
    sys.stderr.write("lang: allsides-news absent, that set skipped\n")

# 2. manual pages
dirs = {"en": "man1", "cs": "cs/man1", "da": "da/man1", "de": "de/man1", "es": "es/man1",
        "fi": "fi/man1", "fr": "fr/man1", "hu": "hu/man1", "id": "id/man1", "it": "it/man1",
        "ja": "ja/man1", "nl": "nl/man1", "pl": "pl/man1", "pt": "pt_BR/man1", "ro": "ro/man1",
        "ru": "ru/man1", "sv": "sv/man1", "tr": "tr/man1", "uk": "uk/man1", "vi": "vi/man1",
        "el": "el/man1", "zh": "zh_CN/man1"}
FUNC = set("the and of to is in that for are with be this it as or by on an not".split())
def paragraphs(raw):
    para = []
    for line in raw.splitlines():
        if line.startswith((".", "'")):
            if re.match(r"[.'](PP|LP|P|SH|SS|TP|IP|HP|sp|br|RS|RE|nf|fi|EX|EE)\b", line) and para:
                yield " ".join(para); para = []
            continue
        line = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", line)
        line = re.sub(r"\\\*?\((..)", "", line)
        line = re.sub(r"\\\[[^\]]*\]", "", line)
        line = line.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "").replace("\\ ", " ")
        line = re.sub(r"\\.", "", line)
        if line.strip():
            para.append(line.strip())
        elif para:
            yield " ".join(para); para = []
    if para:
        yield " ".join(para)
for lang, d in dirs.items():
    full = os.path.join("/usr/share/man", d)
    if not os.path.isdir(full):
        continue
    n = 0
    for name in sorted(os.listdir(full)):
        if n >= 25 or not name.endswith(".gz"):
            continue
        try:
            raw = gzip.open(os.path.join(full, name), "rt", encoding="utf-8").read()
        except Exception:
            continue
        for p in paragraphs(raw):
            if len(p.encode()) < 300:
                continue
            letters = sum(ch.isalpha() for ch in p)
            if letters < 0.6 * len(p):
                continue
            words = re.findall(r"\w+", p.lower())
            if lang != "en" and words and sum(w in FUNC for w in words) > 0.15 * len(words):
                continue
            emit("long-manpages", lang, p)
            m = re.match(r"(.{30,120}?[.!?。])(\s|$)", p)
            if m:
                emit("short-manpages", lang, m.group(1))
            n += 1
            break
PY
echo "labelled sample: $(wc -l < "$tmp/sample.tsv") texts"
"$bin" < "$tmp/sample.tsv"
