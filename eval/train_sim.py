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

usage: train_sim.py EVAL_MRPC LABELS_DIR BASIL_JSONL_GZ RESERVED [--fit train[,dev]]
                   [--cv] [--write lib/align/simmodel.c]

--fit names the splits that fit the model (default: train; dev/0 and dev/1
are the two folds of the dev events, alternate events by id); --cv compares,
on two folds of the dev events, a model fitted on the train events alone
with one fitted on them and the other fold.
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


def write_pairs(path, docs, arts, ids):
    """The pairs of docs as an eval_mrpc TSV; (events, pairs, positive)."""
    clean = lambda s: s.replace("\t", " ").replace("\n", " ")
    npairs = npos = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\tStory\n")
        for d in docs:
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
    return len(docs), npairs, npos


def run_fit(eval_mrpc, fit_path, eval_path, extra=(), quiet=False):
    cmd = [eval_mrpc, "--train", "--trees", TREES] + list(extra) + [fit_path, eval_path]
    sys.stdout.flush()
    r = subprocess.run(cmd, capture_output=quiet, text=True)
    return r.returncode, (r.stdout if quiet else "")


def main():
    args = sys.argv[1:]
    write = None
    fit = ["train"]
    cv = False
    if "--write" in args:
        i = args.index("--write")
        write = args[i + 1]
        del args[i:i + 2]
    if "--fit" in args:
        i = args.index("--fit")
        fit = args[i + 1].split(",")
        del args[i:i + 2]
    if "--cv" in args:
        args.remove("--cv")
        cv = True
    if len(args) != 4 or any(s not in ("train", "dev", "dev/0", "dev/1") for s in fit):
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
    ids = {}
    made = []

    def tsv(name, sel):
        path = os.path.join(tmp, name + ".tsv")
        made.append(path)
        return path, write_pairs(path, sel, arts, ids)

    # The dev events in two folds, alternate events by id (dev/0, dev/1).
    dev = sorted((d for d in docs if d["split"] == "dev"), key=lambda d: d["event"])
    try:
        if cv:
            # Does fitting on more labelled events help?  Each fold is scored
            # by a model fitted on the train events alone, then by one fitted
            # on the train events and the other fold.
            train = [d for d in docs if d["split"] == "train"]
            for k in (0, 1):
                held = dev[k::2]
                other = dev[1 - k::2]
                hp, hc = tsv(f"held{k}", held)
                for name, sel in (("train", train), ("train+other fold", train + other)):
                    fp, fc = tsv(f"fit{k}{len(sel)}", sel)
                    rc, out = run_fit(eval_mrpc, fp, hp, quiet=True)
                    line = [l for l in out.splitlines() if l.startswith("test")]
                    print(f"fold {k} ({hc[0]} events, {hc[2]} positive of {hc[1]} pairs), "
                          f"fitted on {name} ({fc[2]} positive): {line[-1] if line else 'rc %d' % rc}")
            sys.exit(0)
        fold = {d["event"]: "dev/%d" % (k % 2) for k, d in enumerate(dev)}
        part = lambda d: fold.get(d["event"], d["split"])
        fit_docs = [d for d in docs if d["split"] in fit or part(d) in fit]
        show = [d for d in dev if d not in fit_docs]
        fp, fc = tsv("fit", fit_docs)
        print(f"{'+'.join(fit)}: {fc[0]} events, {fc[1]} pairs, {fc[2]} positive")
        sp, sc = tsv("dev", show if show else fit_docs)
        if show:
            print(f"dev: {sc[0]} events, {sc[1]} pairs, {sc[2]} positive")
        extra = []
        if write:
            extra = ["--source", f"the {fc[1]} sentence pairs ({fc[2]} positive) of the {fc[0]} "
                     f"{'+'.join(fit)} events of eval/data/real (the project's labels of real "
                     "BASIL coverage) by eval/train_sim.py", "--write", write]
        rc, _ = run_fit(eval_mrpc, fp, sp, extra)
    finally:
        for p in made:
            if os.path.exists(p):
                os.unlink(p)
        os.rmdir(tmp)
    sys.exit(rc)


if __name__ == "__main__":
    main()
