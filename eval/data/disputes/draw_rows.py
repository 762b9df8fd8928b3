#!/usr/bin/env python3
"""How the "rows" stories of eval/data/disputes were drawn (kept to show
the method).  The first draw (pick_stories.py) chose stories by their
figures, which measures recall; this one measures what a reader meets on
ordinary coverage: the rows `parallax compare` prints on stories drawn at
random.  From a store of the whole AllSides set, the stories of 3 to 12
articles from 3 or more outlets are shuffled with random.Random(SEED);
in that order, each that shares no article with a label file is compared
(the articles alone, as eval_disputes.py does) and the first COUNT that
give at least one row are written as draft label files (split SPLIT), each row
an item whose figures carry a phrase of their sentence.  The drafts are
then judged by reading the articles: "dispute" is set on each item, and a
row that mixes a true pairing with a false one is split into two items.

usage: draw_rows.py PARALLAX DB ALLSIDES_JSONL_XZ SEED COUNT SPLIT OUTDIR
"""
import csv
import io
import json
import lzma
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from px_compare import run_compare  # noqa: E402


def phrase(sentence, figure):
    """At most 12 words of sentence around figure (the figure's own words
    first, then its neighbours), as found in the sentence."""
    words = sentence.split()
    fig = figure.split()
    for i in range(len(words)):
        if figure in " ".join(words[i:i + len(fig) + 1]):
            lo = max(0, i - 4)
            return " ".join(words[lo:lo + 10])
    return figure


def main():
    px, db, data, seed, count, split, outdir = sys.argv[1:8]
    seed, count = int(seed), int(count)
    taken = set()
    for name in os.listdir(outdir):
        if name.startswith("allsides-") and name.endswith(".json"):
            lab = json.load(open(os.path.join(outdir, name)))
            taken.update(a["id"] for a in lab["story"]["articles"])
    listing = subprocess.run([px, "stories", "--db", db, "--min-outlets", "3", "-f", "csv", "-q"],
                             capture_output=True, text=True, check=True).stdout
    rows = [r for r in csv.DictReader(io.StringIO(listing)) if 3 <= int(r["articles"]) <= 12]
    rows.sort(key=lambda r: int(r["id"]))
    random.Random(seed).shuffle(rows)
    arts = {}
    with lzma.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            arts[a["id"]] = a
    written = 0
    for r in rows:
        if written == count:
            break
        j = json.loads(subprocess.run([px, "story", r["id"], "--db", db, "-f", "json", "-q"],
                                      capture_output=True, text=True, check=True).stdout)
        ids = sorted(m["ext_id"] for m in j["members"])
        if taken.intersection(ids) or any(i not in arts for i in ids):
            continue
        story = [arts[i] for i in ids]
        c = run_compare(px, story)
        if not c["discrepancies"]:
            continue
        sent = {}
        for fct in c["facts"]:
            for m in fct["members"]:
                sent[(m["article"], m["sentence"])] = m["text"]
        ext = [a["external_id"] for a in c["articles"]]
        items = []
        for d in c["discrepancies"]:
            vals = []
            for v in d["values"]:
                s = re.sub(r"\s+", " ", sent.get((v["article"], v["sentence"]), v["text"]))
                vals.append({"article": ext[v["article"]], "value": v["value"],
                             "context": phrase(s, v["text"]), "sentence": s})
            items.append({"dispute": None, "what": "", "values": vals})
        a0 = story[0]
        lab = {"story": {"date": a0["date"], "topic": a0["topic"],
                         "articles": [{"id": a["id"], "source": a["source"], "url": a["url"]}
                                      for a in story]},
               "split": split, "order": written, "draw": f"rows-{seed}", "items": items}
        topic = re.sub(r"[^a-z0-9]+", "-", (a0["topic"] or "none").lower()).strip("-")
        name = f"allsides-rows{seed}-{written:02d}-{a0['date'][:10]}-{topic}.json"
        with open(os.path.join(outdir, name), "w") as f:
            json.dump(lab, f, indent=1, ensure_ascii=False)
            f.write("\n")
        written += 1
        taken.update(ids)
    print(f"{written} stories with rows written", file=sys.stderr)


if __name__ == "__main__":
    main()
