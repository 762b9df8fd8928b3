#!/usr/bin/env python3
"""Score `parallax compare --format json` against the labelled stories of
eval/data/stories/*/truth.json: pairwise precision and recall of fact links,
quote-variant links and numeric discrepancies.

usage: eval_facts.py PARALLAX STORIES_DIR [--split dev|test|all] [--threshold X] [-v]

Facts: a truth link is a pair of sentences of two outlets listed under one
fact; a predicted link is a pair of members of one predicted fact from two
outlets.  Precision is over predicted links between two sentences the truth
lists under some fact (a link touching an unlisted sentence -- colour,
background -- cannot be judged); "strict" precision counts those as wrong.
Quotes: pairs of renderings (by outlet) of one remark.  Discrepancies: a
truth number marked discrepant is found when a predicted discrepancy holds
values from two of its outlets that differ; a predicted discrepancy is
right when it matches a discrepant truth number, wrong otherwise.
"""
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u2018", "'")
                  .replace("\u201c", '"').replace("\u201d", '"')).strip()


def run(parallax, files, threshold):
    cmd = [parallax, "compare", "--format", "json", "-q"]
    if threshold:
        cmd += ["--threshold", threshold]
    out = subprocess.run(cmd + files, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def prf(tp_p, npred, tp_r, ntrue):
    p = tp_p / npred if npred else 0.0
    r = tp_r / ntrue if ntrue else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    split, threshold = "all", None
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        del args[i:i + 2]
    if "--threshold" in args:
        i = args.index("--threshold")
        threshold = args[i + 1]
        del args[i:i + 2]
    parallax, root = args[0], args[1]
    tot = {k: 0 for k in ("f_pred", "f_pred_j", "f_tp", "f_true", "f_found",
                           "q_pred", "q_tp", "q_true", "q_found",
                           "d_pred", "d_tp", "d_true", "d_found", "stories",
                           "s_n", "s_ok", "g_n", "g_pure")}
    for story in sorted(os.listdir(root)):
        tpath = os.path.join(root, story, "truth.json")
        if not os.path.isfile(tpath):
            continue
        truth = json.load(open(tpath, encoding="utf-8"))
        if split != "all" and truth.get("split") != split:
            continue
        tot["stories"] += 1
        slugs = sorted(truth["outlets"])
        files = [os.path.join(root, story, truth["outlets"][s]["file"]) for s in slugs]
        d = run(parallax, files, threshold)
        # article index -> slug by source name
        by_source = {truth["outlets"][s]["source"]: s for s in slugs}
        art_slug = [by_source.get(a["source"], "?%d" % a["id"]) for a in d["articles"]]

        # ---- facts
        listed = set()
        true_links = set()
        for f in truth["facts"]:
            sents = {s: [norm(x) for x in v] for s, v in f["sentences"].items()}
            for s, v in sents.items():
                for x in v:
                    listed.add((s, x))
            outs = sorted(sents)
            for i in range(len(outs)):
                for j in range(i + 1, len(outs)):
                    for a in sents[outs[i]]:
                        for b in sents[outs[j]]:
                            true_links.add(frozenset([(outs[i], a), (outs[j], b)]))
        pred_links = set()
        for f in d["facts"]:
            ms = [(art_slug[m["article"]], norm(m["text"])) for m in f["members"]]
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    if ms[i][0] != ms[j][0]:
                        pred_links.add(frozenset([ms[i], ms[j]]))
        judged = {l for l in pred_links if all(x in listed for x in l)}
        tp = len(judged & true_links)
        tot["f_pred"] += len(pred_links)
        tot["f_pred_j"] += len(judged)
        tot["f_tp"] += tp
        tot["f_true"] += len(true_links)
        tot["f_found"] += len(true_links & pred_links)
        if verbose:
            for l in sorted(judged - true_links, key=str):
                print("  FP", story, [f"{s}: {t[:70]}" for s, t in l])
            for l in sorted(true_links - pred_links, key=str):
                print("  FN", story, [f"{s}: {t[:70]}" for s, t in l])

        # ---- quotes: renderings matched by text overlap within the outlet
        # A prediction matches a truth rendering when one holds the other
        # and the shorter is at least half the longer (in words), or their
        # words overlap by half: an empty or one-word prediction no longer
        # "matches" every truth quote that contains it.
        def words(x):
            return re.findall(r"[a-z0-9']+", x)

        def same_rendering(t, tv):
            wt, wv = words(t), words(tv)
            if not wt or not wv:
                return False
            short, long_ = (wt, wv) if len(wt) <= len(wv) else (wv, wt)
            if (tv in t or t in tv) and 2 * len(short) >= len(long_):
                return True
            inter = len(set(wt) & set(wv))
            return inter * 2 >= len(set(wt) | set(wv))

        def q_of(slug, text):
            t = norm(text).strip('"\' ,.').lower()
            for g in truth["quotes"]:
                for v in g["variants"].get(slug, []):
                    tv = norm(v["text"]).strip('"\' ,.').lower()
                    if same_rendering(t, tv):
                        return (g["id"], slug)
            return None

        def speaker_ok(pred, gold):
            # the predicted name shares the gold name's surname (last word)
            if not pred:
                return False
            g = [w for w in re.findall(r"[A-Za-z\u00c0-\u024f'-]+", gold) if w[0].isupper()]
            return bool(g) and g[-1].lower() in pred.lower()
        gold_spk = {g["id"]: g.get("speaker", "") for g in truth["quotes"]}
        for g in d["quotes"]:
            spk_ids = set()
            for m in g["members"]:
                qid = q_of(art_slug[m["article"]], m["text"])
                if qid:
                    tot["s_n"] += 1
                    tot["s_ok"] += speaker_ok(m.get("speaker") or "", gold_spk.get(qid[0], ""))
                    spk_ids.add(gold_spk.get(qid[0], "").split("(")[-1].strip(") ").split(" ")[-1].lower())
            if len(spk_ids) >= 1:
                tot["g_n"] += 1
                tot["g_pure"] += len(spk_ids) == 1
        tq = set()
        for g in truth["quotes"]:
            outs = sorted(g["variants"])
            for i in range(len(outs)):
                for j in range(i + 1, len(outs)):
                    tq.add(frozenset([(g["id"], outs[i]), (g["id"], outs[j])]))
        pq, pq_ok = set(), 0
        for g in d["quotes"]:
            ms = [(art_slug[m["article"]], m["text"]) for m in g["members"]]
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    if ms[i][0] == ms[j][0]:
                        continue
                    a, b = q_of(*ms[i]), q_of(*ms[j])
                    key = (ms[i], ms[j])
                    pq.add(key)
                    if a and b and a[0] == b[0]:
                        pq_ok += 1
        found = set()
        for g in d["quotes"]:
            ids = [q_of(art_slug[m["article"]], m["text"]) for m in g["members"]]
            ids = [x for x in ids if x]
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    if ids[i][0] == ids[j][0] and ids[i][1] != ids[j][1]:
                        found.add(frozenset([ids[i], ids[j]]))
        tot["q_pred"] += len(pq)
        tot["q_tp"] += pq_ok
        tot["q_true"] += len(tq)
        tot["q_found"] += len(found & tq)

        # ---- discrepancies
        tnums = [n for n in truth["numbers"] if n.get("discrepant")]
        fnums = [n for n in truth["numbers"] if not n.get("discrepant")]

        def matches(n, disc):
            hit = set()
            for v in disc["values"]:
                s = art_slug[v["article"]]
                tv = n["values"].get(s)
                if tv and (norm(tv).lower() in norm(v["text"]).lower()
                           or norm(v["text"]).lower().split(" ")[0] in norm(tv).lower()):
                    hit.add((s, v["value"]))
            return len({s for s, _ in hit}) >= 2 and len({x for _, x in hit}) >= 2
        tot["d_true"] += len(tnums)
        tot["d_pred"] += len(d["discrepancies"])
        for n in tnums:
            if any(matches(n, x) for x in d["discrepancies"]):
                tot["d_found"] += 1
        for x in d["discrepancies"]:
            if any(matches(n, x) for n in tnums):
                tot["d_tp"] += 1
            elif verbose:
                print("  FP discrepancy", story, [v["text"] for v in x["values"]])

    fp, fr, ff = prf(tot["f_tp"], tot["f_pred_j"], tot["f_found"], tot["f_true"])
    strict = tot["f_tp"] / tot["f_pred"] if tot["f_pred"] else 0.0
    qp, qr, qf = prf(tot["q_tp"], tot["q_pred"], tot["q_found"], tot["q_true"])
    dp, dr, df = prf(tot["d_tp"], tot["d_pred"], tot["d_found"], tot["d_true"])
    print(f"stories: {tot['stories']} ({split})")
    print(f"fact links: precision {fp:.3f} (strict {strict:.3f})  recall {fr:.3f}  F1 {ff:.3f}"
          f"  [{tot['f_pred']} predicted, {tot['f_pred_j']} judgeable, {tot['f_true']} true]")
    print(f"quote links: precision {qp:.3f}  recall {qr:.3f}  F1 {qf:.3f}"
          f"  [{tot['q_pred']} predicted, {tot['q_true']} true]")
    # no row predicted: precision is undefined, never printed as 0
    dps = f"{dp:.3f}" if tot["d_pred"] else "undefined"
    print(f"discrepancies: precision {dps}  recall {dr:.3f}  F1 {df:.3f}"
          f"  [{tot['d_pred']} predicted, {tot['d_true']} true]")
    pur = tot["g_pure"] / tot["g_n"] if tot["g_n"] else 0.0
    sacc = tot["s_ok"] / tot["s_n"] if tot["s_n"] else 0.0
    print(f"quote groups: purity {pur:.3f} (one speaker, of {tot['g_n']} groups holding a labelled"
          f" quote)  speaker accuracy {sacc:.3f} (of {tot['s_n']} labelled renderings found)")


if __name__ == "__main__":
    main()
