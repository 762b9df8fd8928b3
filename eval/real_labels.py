#!/usr/bin/env python3
"""Turn the compact fact labels of real BASIL events (eval/data/real/labels.txt)
into eval/data/real/basil-<slug>.json, the files eval_facts_real.py and
train_sim.py read.  The labels hold no article text: articles by BASIL id,
sentences by their index in the set's `sentences` list.

Format of labels.txt (one event after another, '#' starts a comment):
  event EVENT-UUID SLUG SPLIT        (split: train, dev or test)
  note  free text                    (what the event is)
  scope N                            (optional, default 12: sentences 0..N-1 of
                                      each article were all read; a sentence of
                                      the scope in no fact reports nothing the
                                      other outlets report in their scope)
  fact  ID: OUTLET I J ...; OUTLET I ...
Quotes and numbers are not labelled in this format (the JSON then has no
"quotes" or "numbers" key, and the evaluation skips those figures).
Outlets are the set's `source` (fox, nyt, hpo).  Needs the BASIL file to map
outlets to article ids and to bound the scope by each article's length.

usage: real_labels.py LABELS.txt BASIL_JSONL_GZ RESERVED OUT_DIR
"""
import gzip
import json
import os
import sys


def parse(path):
    evs, cur = [], None
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip() if not line.startswith("note") else line.strip()
        if not line:
            continue
        kw, _, rest = line.partition(" ")
        if kw == "event":
            p = rest.split()
            if len(p) != 3 or p[2] not in ("train", "dev", "test"):
                sys.exit(f"{path}:{ln}: event UUID SLUG train|dev|test")
            cur = {"event": p[0], "slug": p[1], "split": p[2], "note": "", "scope": 12, "facts": []}
            evs.append(cur)
        elif cur is None:
            sys.exit(f"{path}:{ln}: '{kw}' before any event")
        elif kw == "note":
            cur["note"] = rest.strip()
        elif kw == "scope":
            cur["scope"] = int(rest)
        elif kw == "fact":
            fid, _, mem = rest.partition(":")
            members = []
            for part in mem.split(";"):
                w = part.split()
                if len(w) < 2:
                    sys.exit(f"{path}:{ln}: 'OUTLET I ...' expected, got '{part.strip()}'")
                members += [[w[0], int(i)] for i in w[1:]]
            cur["facts"].append({"id": fid.strip(), "members": members})
        else:
            sys.exit(f"{path}:{ln}: unknown keyword '{kw}'")
    return evs


def main():
    labels, basil, reserved, out = sys.argv[1:5]
    res = {l.strip() for l in open(reserved) if l.strip() and not l.startswith("#")}
    evs = parse(labels)
    want = {e["event"] for e in evs}
    bad = want & res
    if bad:
        sys.exit("real_labels: reserved BASIL events labelled: " + ", ".join(sorted(bad)))
    arts = {}
    with gzip.open(basil, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["event_id"] in want:
                arts.setdefault(a["event_id"], {})[a["source"]] = a
    for e in evs:
        ea = arts.get(e["event"])
        if not ea:
            sys.exit(f"real_labels: event {e['event']} not in {basil}")
        scope = {s: min(e["scope"], len(a["sentences"])) for s, a in ea.items()}
        for fct in e["facts"]:
            for s, i in fct["members"]:
                if s not in ea or i >= scope[s]:
                    sys.exit(f"real_labels: {e['slug']} fact {fct['id']}: {s} {i} outside the scope")
        doc = {"set": "basil", "event": e["event"], "split": e["split"],
               "articles": {s: a["id"] for s, a in sorted(ea.items())},
               "note": e["note"], "scope": scope, "facts": e["facts"]}
        with open(os.path.join(out, f"basil-{e['slug']}.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    print(f"real_labels: {len(evs)} events written to {out}")


if __name__ == "__main__":
    main()
