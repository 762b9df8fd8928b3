#!/usr/bin/env python3
"""Fit the sentence-similarity model of lib/align (lib/align/simmodel.c) on
the project's own labels of real coverage: the fact labels of BASIL events
in eval/data/real (never a reserved event, never MRPC).

Pairs: within one event, every two sentences of two different outlets that
were both judged (the scope of each article, and every fact member) are a
pair; it is positive when one labelled fact holds both, negative otherwise.
The train split fits the model, the dev split is printed beside it; the
test split is not read.  The sentences are taken from the BASIL file at run
time into a temporary directory (no article text enters the repository) and
eval_mrpc fits the logistic regression and boosted trees on them.

usage: train_sim.py EVAL_MRPC LABELS_DIR BASIL_JSONL_GZ RESERVED [--write lib/align/simmodel.c]
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

TREES = os.environ.get("PX_SIM_TREES", "40")  # boosted trees: few, the set is small


def load_docs(labels, reserved):
    res = {l.strip() for l in open(reserved) if l.strip() and not l.startswith("#")}
    docs = []
    for name in sorted(os.listdir(labels)):
        if name.startswith("basil-") and name.endswith(".json"):
            d = json.load(open(os.path.join(labels, name)))
            if d["event"] in res:
                sys.exit("train_sim: %s labels a reserved BASIL event" % name)
            docs.append(d)
    return docs, res


def pairs(d, sents):
    """(label, (outlet, i), (outlet, j)) for every judged cross-outlet pair."""
    judged = {(s, i) for s, n in d.get("scope", {}).items() for i in range(n)}
    fact_of = {}
    for k, f in enumerate(d["facts"]):
        for s, i in f["members"]:
            judged.add((s, i))
            fact_of.setdefault((s, i), set()).add(k)
    judged = sorted(judged)
    out = []
    for x in range(len(judged)):
        for y in range(x + 1, len(judged)):
            a, b = judged[x], judged[y]
            if a[0] == b[0]:
                continue
            pos = bool(fact_of.get(a, set()) & fact_of.get(b, set()))
            out.append((int(pos), a, b))
    return out


def main():
    args = sys.argv[1:]
    write = None
    if "--write" in args:
        i = args.index("--write")
        write = args[i + 1]
        del args[i:i + 2]
    if len(args) != 4:
        sys.exit(__doc__)
    eval_mrpc, labels, basil, reserved = args
    docs, res = load_docs(labels, reserved)
    want = {a for d in docs if d["split"] in ("train", "dev") for a in d["articles"].values()}
    arts = {}
    with gzip.open(basil, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in want and a["event_id"] not in res:
                arts[a["id"]] = a
    tmp = tempfile.mkdtemp(prefix="px-train-sim-")
    paths, counts = {}, {}
    clean = lambda s: s.replace("\t", " ").replace("\n", " ")
    ids = {}
    for split in ("train", "dev"):
        npairs = npos = 0
        paths[split] = os.path.join(tmp, split + ".tsv")
        with open(paths[split], "w", encoding="utf-8") as f:
            f.write("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\tStory\n")
            for d in docs:
                if d["split"] != split:
                    continue
                sents = {s: arts[aid]["sentences"] for s, aid in d["articles"].items()}
                story = d["event"]
                # Every sentence of the story first: the IDF is the story's,
                # as `compare` computes it.
                for s in sorted(sents):
                    for i, text in enumerate(sents[s]):
                        k = ids.setdefault((story, s, i), len(ids) + 1)
                        f.write(f"-\t{k}\t\t{clean(text)}\t\t{story}\n")
                for lab, a, b in pairs(d, sents):
                    ka, kb = ids[(story,) + a], ids[(story,) + b]
                    f.write(f"{lab}\t{ka}\t{kb}\t{clean(sents[a[0]][a[1]])}\t"
                            f"{clean(sents[b[0]][b[1]])}\t{story}\n")
                    npairs += 1
                    npos += lab
        ndocs = sum(d["split"] == split for d in docs)
        counts[split] = (ndocs, npairs, npos)
        print(f"{split}: {ndocs} events, {npairs} pairs, {npos} positive")
    cmd = [eval_mrpc, "--train", "--trees", TREES]
    if write:
        n, p, pos = counts["train"]
        cmd += ["--source", f"the {p} sentence pairs ({pos} positive) of the {n} train events of "
                "eval/data/real (the project's labels of real BASIL coverage) by eval/train_sim.py",
                "--write", write]
    cmd += [paths["train"], paths["dev"]]
    try:
        sys.stdout.flush()
        rc = subprocess.run(cmd).returncode
    finally:
        for p in paths.values():
            os.unlink(p)
        os.rmdir(tmp)
    sys.exit(rc)


if __name__ == "__main__":
    main()
