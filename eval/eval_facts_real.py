#!/usr/bin/env python3
"""Score `parallax compare --format json` on the project's labels of REAL
multi-outlet stories (eval/data/real/*.json): claim-link precision and
recall, quote-group purity, speaker accuracy, discrepancy precision and
recall.  The labels hold no article text: they name BASIL articles by id
and sentences by their index in the set's `sentences` list; this script
reads the texts from the BASIL file at run time.  Events listed in
basil/reserved.txt are refused.

usage: eval_facts_real.py PARALLAX LABELS_DIR BASIL_JSONL_GZ RESERVED [--split S]
       [--events E1,E2,...] [--threshold T] [-v]

Mapping: a predicted fact member or quote is placed on the labelled
article's sentence whose words it shares most (at least half of the
smaller's distinct words); unplaced predictions count against strict
precision only.  Fact links are pairs of sentences of two outlets under
one fact (a sentence may carry two facts).  Precision is over predicted
links between two labelled sentences ("strict": over all predicted
links).  A quote group is pure when the labelled quotes it holds have one
speaker; a labelled quote's speaker is right when the predicted rendering
placed on it names the labelled speaker (its last name, or one of the
"|"-separated role words for a speaker the text does not name).
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("\u2019", "'"))


def place(text, sents):
    """Index of the sentence of sents that text sits on, or None."""
    w = set(words(text))
    if not w:
        return None
    best, bk = 0.0, None
    for k, sw in enumerate(sents):
        if not sw:
            continue
        inter = len(w & sw)
        score = inter / min(len(w), len(sw))
        if score > best:
            best, bk = score, k
    return bk if best >= 0.5 else None


def speaker_ok(pred, gold):
    if not pred:
        return False
    p = pred.lower()
    alts = gold.split("|")
    if len(alts) > 1:
        return any(a.lower() in p for a in alts)
    return gold.split()[-1].lower() in p


def share(n, of):
    """n / of to three places, or "undefined" when there is nothing to
    share: a figure is never printed for what was not measured."""
    return f"{n / of:.3f}" if of else "undefined"


def prf(tp_p, npred, tp_r, ntrue):
    p = tp_p / npred if npred else 0.0
    r = tp_r / ntrue if ntrue else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    split, threshold, events = "all", None, None
    if "--events" in args:
        i = args.index("--events")
        events = set(args[i + 1].split(","))
        del args[i:i + 2]
    if "--threshold" in args:
        i = args.index("--threshold")
        threshold = args[i + 1]
        del args[i:i + 2]
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        del args[i:i + 2]
    parallax, labels, basil, reserved = args[:4]
    res = {l.strip() for l in open(reserved) if l.strip() and not l.startswith("#")}
    docs = []
    for name in sorted(os.listdir(labels)):
        if name.startswith("basil-") and name.endswith(".json"):
            d = json.load(open(os.path.join(labels, name)))
            if d["event"] in res:
                sys.exit("eval_facts_real: %s labels a reserved BASIL event" % name)
            if (split == "all" or d["split"] == split) and (events is None or d["event"] in events):
                docs.append(d)
    want = {a for d in docs for a in d["articles"].values()}
    arts = {}
    with gzip.open(basil, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in want and a["event_id"] not in res:
                arts[a["id"]] = a
    t = dict(f_pred=0, f_pred_j=0, f_tp=0, f_true=0, f_found=0, q_groups=0, q_pure=0, s_n=0, s_ok=0,
             s_lab=0, d_pred=0, d_tp=0, d_true=0, d_found=0)
    for d in docs:
        slugs = sorted(d["articles"])
        sents = {s: [set(words(x)) for x in arts[d["articles"][s]]["sentences"]] for s in slugs}
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tf:
            for s in slugs:
                a = arts[d["articles"][s]]
                tf.write(json.dumps({"id": a["id"], "source": s, "title": a["title"], "date": a["date"],
                                     "text": a["body"]}) + "\n")
            path = tf.name
        try:
            cmd = [parallax, "compare", "--format", "json", "-q", path]
            if threshold:
                cmd += ["--threshold", threshold]
            out = subprocess.run(cmd,
                                 capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(path)
        c = json.loads(out)
        art_slug = [a["source"] for a in c["articles"]]
        # Sentences whose links were all judged: the members of a fact, and
        # with a scope every sentence of it (one in no fact reports nothing
        # another outlet reports within the scope).
        labelled = {(s, i) for s, n in d.get("scope", {}).items() for i in range(n)}
        true_links = set()
        for fct in d["facts"]:
            mem = [tuple(m) for m in fct["members"]]
            labelled.update(mem)
            for i in range(len(mem)):
                for j in range(i + 1, len(mem)):
                    if mem[i][0] != mem[j][0]:
                        true_links.add(frozenset([mem[i], mem[j]]))
        pred_links, unplaced = set(), 0
        for fct in c["facts"]:
            if fct.get("furniture"):
                continue
            ms = []
            for m in fct["members"]:
                s = art_slug[m["article"]]
                k = place(m["text"], sents[s])
                ms.append((s, k))
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    if ms[i][0] == ms[j][0]:
                        continue
                    if ms[i][1] is None or ms[j][1] is None:
                        unplaced += 1
                        continue
                    if ms[i] != ms[j]:
                        pred_links.add(frozenset([ms[i], ms[j]]))
        judged = {l for l in pred_links if all(x in labelled for x in l)}
        t["f_pred"] += len(pred_links) + unplaced
        t["f_pred_j"] += len(judged)
        t["f_tp"] += len(judged & true_links)
        t["f_true"] += len(true_links)
        t["f_found"] += len(true_links & pred_links)
        if verbose:
            def said(l):
                return " / ".join("%s: %s" % (sk, arts[d["articles"][sk]]["sentences"][i][:160])
                                  for sk, i in sorted(l))
            for l in sorted(judged - true_links, key=str):
                print("  FP", d["event"][:8], sorted(l), "|", said(l))
            for l in sorted(true_links - pred_links, key=str):
                print("  FN", d["event"][:8], sorted(l), "|", said(l))
        # quotes
        gold = {tuple(q["at"]): q for q in d.get("quotes", [])}
        t["s_lab"] += len(gold)
        found = {}
        for g in c["quotes"]:
            spk = set()
            for m in g["members"]:
                s = art_slug[m["article"]]
                k = place(m["text"], sents[s])
                q = gold.get((s, k))
                if q is None:
                    continue
                spk.add(q["speaker"])
                ok = speaker_ok(m.get("speaker") or "", q["speaker"])
                found[(s, k)] = found.get((s, k), False) or ok
                if verbose and not ok:
                    print("  speaker", d["event"][:8], (s, k), "gold", q["speaker"], "pred", m.get("speaker"))
            if spk:
                t["q_groups"] += 1
                t["q_pure"] += len(spk) == 1
        t["s_n"] += len(found)
        t["s_ok"] += sum(found.values())
        # discrepancies: none labelled here means every predicted one is wrong
        if "numbers" not in d:
            continue  # numbers not labelled: no discrepancy figure
        t["d_labelled"] = t.get("d_labelled", 0) + 1
        t["d_true"] += sum(1 for n in d["numbers"] if n.get("discrepant"))
        t["d_pred"] += len(c["discrepancies"])
        if verbose:
            for x in c["discrepancies"]:
                print("  discrepancy", d["event"][:8], [v["text"] for v in x["values"]])
    fp, fr, ff = prf(t["f_tp"], t["f_pred_j"], t["f_found"], t["f_true"])
    strict = t["f_tp"] / t["f_pred"] if t["f_pred"] else 0.0
    print(f"real stories: {len(docs)} ({split}), BASIL events")
    print(f"fact links: precision {fp:.3f} (strict {strict:.3f})  recall {fr:.3f}  F1 {ff:.3f}"
          f"  [{t['f_pred']} predicted, {t['f_pred_j']} judgeable, {t['f_true']} true]")
    print(f"quote groups: purity {share(t['q_pure'], t['q_groups'])} ({t['q_groups']} groups holding labelled quotes)"
          f"  speaker accuracy {share(t['s_ok'], t['s_n'])} ({t['s_n']} of {t['s_lab']} labelled quotes found)")
    print(f"discrepancies ({t.get('d_labelled', 0)} stories with numbers labelled): "
          f"precision {share(t['d_tp'], t['d_pred'])}  recall {share(t['d_found'], t['d_true'])}"
          f"  [{t['d_pred']} predicted, {t['d_true']} true]")


if __name__ == "__main__":
    main()
