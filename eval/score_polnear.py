#!/usr/bin/python3
"""Score quote predictions against PolNeAR gold attributions.

usage: score_polnear.py POLNEAR.jsonl.gz PREDICTIONS.jsonl --split NAME [--show N]
                        [--label NAME] [--no-speakers]

--no-speakers: the predictions name no speaker (a peer without attribution):
only quote detection is printed.

Rules (from the corpus README, /work/shared/data/polnear/README.md):
  * units: gold attributions of the primary annotator against predicted
    quotes, matched per article, greedy 1:1 by score;
  * score = |gold chars covered by the prediction| / |gold chars|, on UTF-8
    byte offsets ("bspans"), whitespace at the ends of spans not counted;
    a match needs score > 0.3 (lenient) or > 0.8 (strict);
  * subsets: gold "direct", gold "direct+mixed" (against predicted direct and
    partial quotes) and all attributions (against everything predicted,
    indirect speech included); scare quotes and titles are never predictions;
  * speaker accuracy over matched pairs with a gold source: the predicted
    speaker span overlaps the gold source by at least one byte (the Gender
    Gap Tracker rule).  "resolved" is stricter for he/she/they/it sources:
    the pronoun must be found and the name it was resolved to must share a
    word with the nearest earlier gold source that is not a pronoun (the
    corpus has no coreference links; that source stands in for the
    antecedent).  When that source names nobody ("the admiral", "aides"),
    the resolution cannot be checked and the span rule alone counts.
    For dev and test the antecedents were labelled by hand
    (eval/data/polnear_antecedents.jsonl: doc_id, byte offset of the
    pronoun, the referent's name or null when the text never names it);
    there the labelled name replaces the stand-in, and a null label leaves
    the span rule.
The predicted content is the union of a quote's spans for direct quotes and
its content range (the reported clause) for partial and indirect ones.
"""
import gzip
import json
import sys

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
THIRD = {"he", "she", "they", "it", "him", "her", "them"}
STOP = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "for",
        "in", "to", "president", "who", "on"}


def chars(spans, text):
    s = set()
    for a, b in spans:
        while a < b and text[a:a + 1].isspace():
            a += 1
        while b > a and text[b - 1:b].isspace():
            b -= 1
        s.update(range(a, b))
    return s


RELATIVE = {"who", "which", "that", "whom"}


def has_name(s):
    toks = s.replace(",", " ").split()
    for i, t in enumerate(toks):
        w = t.strip("\"'()“”’‘")
        if i == 0 and w.lower() in ("the", "a", "an"):
            continue
        if w[:1].isupper() and w.lower() not in STOP:
            return True
    return False


def words(s):
    out = set()
    for w in s.lower().replace(",", " ").replace(".", " ").replace("'s", " ").split():
        w = w.strip("\"'()“”’‘")
        if w and w not in STOP and w not in PRONOUNS:
            out.add(w)
    return out


def load_antecedents(path):
    """(doc_id, pronoun byte offset) -> labelled name or None."""
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                out[(d["doc_id"], d["bstart"])] = d["antecedent"]
    except FileNotFoundError:
        pass
    return out


def match(gold, pred, thr):
    pairs = []
    for gi, g in enumerate(gold):
        if not g["c"]:
            continue
        for pi, p in enumerate(pred):
            inter = len(g["c"] & p["c"])
            if not inter:
                continue
            sc = inter / len(g["c"])
            if sc > thr:
                pairs.append((sc, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    ug, up, out = set(), set(), []
    for sc, gi, pi in pairs:
        if gi in ug or pi in up:
            continue
        ug.add(gi)
        up.add(pi)
        out.append((gi, pi))
    return out


def main():
    args = sys.argv[1:]
    split, show, label, speakers = None, 0, "parallax", True
    files = []
    i = 0
    while i < len(args):
        if args[i] == "--split":
            split = args[i + 1]
            i += 2
        elif args[i] == "--label":
            label = args[i + 1]
            i += 2
        elif args[i] == "--no-speakers":
            speakers = False
            i += 1
        elif args[i] == "--show":
            show = int(args[i + 1])
            i += 2
        else:
            files.append(args[i])
            i += 1
    gold_path, pred_path = files
    import os
    labels = load_antecedents(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           "data", "polnear_antecedents.jsonl"))
    nlabelled = 0
    preds = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            preds[d["doc_id"]] = d["quotes"]
    opener = gzip.open if gold_path.endswith(".gz") else open
    subsets = {"direct": ({"direct"}, {"direct"}),
               "direct+mixed": ({"direct", "mixed"}, {"direct", "partial"}),
               "all": ({"direct", "mixed", "indirect"}, {"direct", "partial", "indirect"})}
    res = {(k, t): [0, 0, 0, 0, 0, 0, 0] for k in subsets for t in (0.3, 0.8)}
    shown = 0
    ndocs = 0
    with opener(gold_path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if split and d["split"] != split:
                continue
            if d["doc_id"] not in preds:
                continue
            ndocs += 1
            text = d["text"].encode("utf-8")
            anns = [a for a in d["annotations"] if a["content"]]
            anns.sort(key=lambda a: a["content"]["bspans"][0][0])
            # the stand-in antecedent of each pronoun source
            last_named = None
            for a in anns:
                a["_ante"] = None
                src = a["source"]
                if src:
                    st = src["text"].strip().lower()
                    if st in PRONOUNS:
                        a["_ante"] = last_named
                        key = (d["doc_id"], src["bspans"][0][0])
                        if st in THIRD and key in labels:
                            # hand label: a name, or None (nobody named)
                            a["_ante"] = labels[key]
                            nlabelled += 1
                    elif st not in RELATIVE:
                        # only a source with a proper name can check a
                        # resolution; a role ("the admiral") cannot
                        last_named = src["text"] if has_name(src["text"]) else None
            for name, (gkinds, pkinds) in subsets.items():
                gold = []
                for a in anns:
                    if a["quote_type"] not in gkinds:
                        continue
                    src = a["source"]
                    gold.append({"c": chars(a["content"]["bspans"], text),
                                 "src": chars(src["bspans"], text) if src else None,
                                 "pron": bool(src) and src["text"].strip().lower() in PRONOUNS,
                                 "ante": a["_ante"], "a": a})
                pred = []
                for q in preds[d["doc_id"]]:
                    if q["kind"] not in pkinds:
                        continue
                    if q["kind"] == "direct":
                        c = chars(q["spans"], text)
                    else:
                        c = chars([q["content"]], text)
                    pred.append({"c": c, "q": q,
                                 "spk": set(range(*q["speaker"])) if q["speaker"] else set()})
                for thr in (0.3, 0.8):
                    r = res[(name, thr)]
                    m = match(gold, pred, thr)
                    r[0] += len(m)
                    r[1] += len(pred)
                    r[2] += len(gold)
                    for gi, pi in m:
                        g, p = gold[gi], pred[pi]
                        if g["src"] is None:
                            continue
                        r[3] += 1
                        ok = bool(g["src"] & p["spk"])
                        r[4] += ok
                        good = ok
                        if ok and g["pron"] and g["ante"] and \
                                g["a"]["source"]["text"].strip().lower() in THIRD:
                            nm = p["q"].get("name", "")
                            good = bool(words(nm) & words(g["ante"]))
                        r[5] += good
                        r[6] += ok  # end-to-end true positives
                    if show and name == "direct+mixed" and thr == 0.3 and shown < show:
                        mg = {gi for gi, _ in m}
                        mp = {pi for _, pi in m}
                        for gi, g in enumerate(gold):
                            if gi not in mg and shown < show:
                                a = g["a"]
                                s0 = a["content"]["bspans"][0][0]
                                print("MISS %s [%d] %s | src=%s" % (d["doc_id"], s0, a["content"]["text"][:150].replace("\n", "/"),
                                      a["source"] and a["source"]["text"]))
                                shown += 1
                        for pi, p in enumerate(pred):
                            if pi not in mp and shown < show:
                                s0 = min(p["c"]) if p["c"] else 0
                                e0 = max(p["c"]) + 1 if p["c"] else 0
                                print("FP   %s [%d] %s %s" % (d["doc_id"], s0, p["q"]["kind"],
                                      text[s0:e0].decode("utf-8", "replace")[:150].replace("\n", "/")))
                                shown += 1
                        for gi, pi in m:
                            g, p = gold[gi], pred[pi]
                            if g["src"] is not None and not (g["src"] & p["spk"]) and shown < show:
                                sp = p["q"]["speaker"]
                                print("SPK  %s gold=%r pred=%r | %s" % (d["doc_id"], g["a"]["source"]["text"],
                                      text[sp[0]:sp[1]].decode() if sp else None,
                                      g["a"]["content"]["text"][:80].replace("\n", "/")))
                                shown += 1
    if not ndocs:
        sys.exit("score_polnear: no predicted article of split %s in %s" % (split, gold_path))
    print("%s on PolNeAR %s split: %d articles%s" % (
        label, split or "every", ndocs,
        "" if not speakers else "; pronoun antecedents: " +
        ("%d hand-labelled" % nlabelled if nlabelled else "nearest earlier named source")))
    for name in subsets:
        for thr in (0.3, 0.8):
            tp, np_, ng, ns, sok, sres, e2e = res[(name, thr)]
            p = tp / np_ if np_ else 0.0
            r = tp / ng if ng else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            sa = sok / ns if ns else 0.0
            sr = sres / ns if ns else 0.0
            ep = e2e / np_ if np_ else 0.0
            er = e2e / ng if ng else 0.0
            ef = 2 * ep * er / (ep + er) if ep + er else 0.0
            rule = "lenient" if thr == 0.3 else "strict"
            if not speakers:
                print("%-13s %-7s (overlap>%.1f)  P %.3f  R %.3f  F1 %.3f  | names no speaker: no speaker "
                      "or end-to-end figure   (gold %d, predicted %d)" % (name, rule, thr, p, r, f, ng, np_))
                continue
            print("%-13s %-7s (overlap>%.1f)  P %.3f  R %.3f  F1 %.3f  | end-to-end F1 %.3f (quote matched and "
                  "speaker right)  | speaker acc on matched %.3f (resolved %.3f, n=%d)   (gold %d, predicted %d)"
                  % (name, rule, thr, p, r, f, ef, sa, sr, ns, ng, np_))


if __name__ == "__main__":
    main()
