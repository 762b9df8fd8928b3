#!/usr/bin/env python3
"""Write the MPI test corpus from the project's own sample (sample/news.jsonl,
invented articles): OUT/a.jsonl (plain: read in byte ranges) and
OUT/b.jsonl.gz (compressed: read whole by every rank), with copies placed so
that they fall on other ranks than their originals: an exact copy under
another outlet, a copy with the same URL, a copy with the same outlet and id,
and a syndicated near-copy (another outlet, a sentence added)."""
import gzip, json, sys

src, out = sys.argv[1], sys.argv[2]
arts = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
a, b = arts[:16], arts[16:]

exact = dict(arts[2]); exact.update(id="x-exact", source="Relay Daily",
                                    url="https://relay.example/exact")
same_url = dict(arts[9]); same_url.update(id="x-url", source="Relay Daily",
                                          title=arts[9]["title"] + " (updated)",
                                          text=arts[9]["text"] + "\n\nThis story has been updated.")
same_id = dict(arts[20]); same_id.update(url="https://other.example/same-id",
                                         text=arts[20]["text"] + "\n\nCorrection appended.")
near = dict(arts[4]); near.update(id="x-near", source="Coastal Syndicate",
                                  url="https://coastal.example/near",
                                  text=arts[4]["text"] + "\n\nThe syndicate contributed to this report.")
b = b[:3] + [exact, same_url] + b[3:8] + [near, same_id] + b[8:]
a = a[:10] + [dict(arts[25], id="x-early", source="Relay Daily",
                   url="https://relay.example/early")] + a[10:]

with open(out + "/a.jsonl", "w", encoding="utf-8") as f:
    for x in a:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
with gzip.open(out + "/b.jsonl.gz", "wt", encoding="utf-8") as f:
    for x in b:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
print(len(a) + len(b))
