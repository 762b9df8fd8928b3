#!/usr/bin/python3
"""Dump the errors of the quote finder on one PolNeAR split, by class.

usage: quotes_errors.py POLNEAR.jsonl PREDICTIONS.jsonl --split NAME [--class C]

Subset direct+mixed, lenient rule (the figures of eval/quotes.sh).  Each
error is printed on one line with its class first, then the document and
the text around it, so `sort | uniq -c` on the first column counts them:
  MISS  a gold quote no prediction matched
  FP    a predicted quote matching no gold one
  SPAN  matched, the predicted speaker does not overlap the gold source
  NOSPK matched, gold has a source, nothing predicted
  RES   matched, gold source is a pronoun, resolved to the wrong name
For tuning on train and dev only; test is for the final figure.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_polnear as sp  # noqa: E402


def ctx(text, a, b, pad=60):
    s = max(0, a - pad)
    e = min(len(text), b + pad)
    return (text[s:a] + b"[[" + text[a:b] + b"]]" + text[b:e]).decode("utf-8", "replace").replace("\n", "/")


def main():
    args = sys.argv[1:]
    split, only = None, None
    files = []
    i = 0
    while i < len(args):
        if args[i] == "--split":
            split = args[i + 1]
            i += 2
        elif args[i] == "--class":
            only = args[i + 1]
            i += 2
        else:
            files.append(args[i])
            i += 1
    labels = sp.load_antecedents(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "data", "polnear_antecedents.jsonl"))
    preds = {}
    with open(files[1], encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            preds[d["doc_id"]] = d["quotes"]
    out = []
    with open(files[0], encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if split and d["split"] != split or d["doc_id"] not in preds:
                continue
            text = d["text"].encode("utf-8")
            anns = [a for a in d["annotations"] if a["content"]]
            anns.sort(key=lambda a: a["content"]["bspans"][0][0])
            last_named = None
            for a in anns:
                a["_ante"] = None
                src = a["source"]
                if src:
                    st = src["text"].strip().lower()
                    if st in sp.PRONOUNS:
                        a["_ante"] = last_named
                        key = (d["doc_id"], src["bspans"][0][0])
                        if st in sp.THIRD and key in labels:
                            a["_ante"] = labels[key]
                    elif st not in sp.RELATIVE:
                        last_named = src["text"] if sp.has_name(src["text"]) else None
            gold = []
            for a in anns:
                if a["quote_type"] not in ("direct", "mixed"):
                    continue
                src = a["source"]
                gold.append({"c": sp.chars(a["content"]["bspans"], text),
                             "src": sp.chars(src["bspans"], text) if src else None, "a": a})
            pred = []
            for q in preds[d["doc_id"]]:
                if q["kind"] not in ("direct", "partial"):
                    continue
                c = sp.chars(q["spans"], text) if q["kind"] == "direct" else sp.chars([q["content"]], text)
                pred.append({"c": c, "q": q, "spk": set(range(*q["speaker"])) if q["speaker"] else set()})
            m = sp.match(gold, pred, 0.3)
            mg = {gi for gi, _ in m}
            mp = {pi for _, pi in m}
            doc = d["doc_id"]
            for gi, g in enumerate(gold):
                if gi not in mg:
                    a = g["a"]
                    s0, e0 = min(g["c"]), max(g["c"]) + 1
                    out.append(("MISS", "%s %s | src=%s" % (doc, ctx(text, s0, e0),
                                a["source"] and a["source"]["text"])))
            for pi, p in enumerate(pred):
                if pi not in mp and p["c"]:
                    s0, e0 = min(p["c"]), max(p["c"]) + 1
                    out.append(("FP", "%s %s %s" % (doc, p["q"]["kind"], ctx(text, s0, e0))))
            for gi, pi in m:
                g, p = gold[gi], pred[pi]
                if g["src"] is None:
                    continue
                a = g["a"]
                gs = a["source"]["text"]
                q = p["q"]
                pspk = text[q["speaker"][0]:q["speaker"][1]].decode("utf-8", "replace") if q["speaker"] else None
                s0 = min(min(g["c"]), min(g["src"]))
                e0 = max(max(g["c"]), max(g["src"])) + 1
                if not q["speaker"]:
                    out.append(("NOSPK", "%s gold=%r | %s" % (doc, gs, ctx(text, s0, e0, 40))))
                elif not (g["src"] & p["spk"]):
                    out.append(("SPAN", "%s gold=%r pred=%r | %s" % (doc, gs, pspk, ctx(text, s0, e0, 40))))
                elif gs.strip().lower() in sp.THIRD and a["_ante"]:
                    nm = q.get("name", "")
                    if not (sp.words(nm) & sp.words(a["_ante"])):
                        out.append(("RES", "%s %r -> %r want %r | %s" % (doc, gs, nm, a["_ante"],
                                    ctx(text, s0, e0, 40))))
    for cls, line in out:
        if only is None or cls == only:
            print(cls, line)


if __name__ == "__main__":
    main()
