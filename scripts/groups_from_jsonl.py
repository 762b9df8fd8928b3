#!/usr/bin/env python3
"""groups_from_jsonl.py INPUT.jsonl[.xz|.gz|.zst] [FIELD=DIMENSION ...] > groups.tsv

Write an outlet groups file for `parallax serve --groups` from the fields of
an input dump: for each outlet (field `source`, else `source_domain`,
`domain`, `outlet`, `publisher`), the value its articles carry in each given
field, as lines "outlet<TAB>dimension<TAB>group".  The default picks up
AllSides' rating: bias_text=lean.  An outlet whose articles disagree gets its
most frequent value.  Reads only the named fields, never article text."""
import collections, gzip, io, json, lzma, subprocess, sys

SOURCE_FIELDS = ("source", "source_domain", "domain", "outlet", "publisher")


def open_any(path):
    with open(path, "rb") as f:
        magic = f.read(6)
    if magic.startswith(b"\xfd7zXZ"):
        return io.TextIOWrapper(lzma.open(path), encoding="utf-8", errors="replace")
    if magic.startswith(b"\x1f\x8b"):
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace")
    if magic.startswith(b"\x28\xb5\x2f\xfd"):
        p = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
        return io.TextIOWrapper(p.stdout, encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    maps = [a.split("=", 1) for a in sys.argv[2:]] or [["bias_text", "lean"]]
    votes = collections.defaultdict(collections.Counter)
    bad = 0
    for n, line in enumerate(open_any(sys.argv[1]), 1):
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            bad += 1
            print("%s:%d: not JSON, skipped" % (sys.argv[1], n), file=sys.stderr) if bad <= 5 else None
            continue
        outlet = next((rec[k] for k in SOURCE_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None)
        if not outlet:
            continue
        for field, dim in maps:
            v = rec.get(field)
            if isinstance(v, (str, int)) and str(v).strip():
                votes[(outlet.strip(), dim)][str(v).strip().capitalize()] += 1
    for (outlet, dim), c in sorted(votes.items()):
        clean = outlet.replace("\t", " ").replace("\n", " ")
        print("%s\t%s\t%s" % (clean, dim, c.most_common(1)[0][0]))
    if bad:
        print("%d lines were not JSON" % bad, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
