#!/usr/bin/env bash
# Story clustering quality on BASIL, ECB+ and GoogleNews-MStream, beside the
# scikit-learn baseline (TF-IDF, cosine, average-linkage agglomerative).
#
# Each set is split by gold event (BASIL: event, ECB+: topic, GoogleNews:
# story) into two halves, alternating over the sorted ids: the dev half tunes
# the join threshold of parallax and the distance threshold of the baseline
# (best BCubed F1), the test half is clustered on its own and reported.
# Scores come from ../shared/data/cluster_score.py.  parallax runs in batch
# mode (the archive mode); the online mode is shown below it for reference.
#
# env: PX_BUILD (build dir with eval_cluster), PX_DATA, PX_ROOT.
set -uo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
bin=$build/eval_cluster
if [[ ! -x $bin ]]; then echo "stories: $bin not built; skipped"; exit 0; fi
if [[ ! -f $data/cluster_score.py ]]; then echo "stories: no $data/cluster_score.py; skipped"; exit 0; fi
if ! /usr/bin/python3 -c 'import sklearn, scipy' 2>/dev/null; then
  echo "stories: /usr/bin/python3 lacks sklearn/scipy (apt-get install python3-sklearn); skipped"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PX_EVAL_BIN=$bin PX_EVAL_DATA=$data PX_EVAL_TMP=$tmp PX_EVAL_ROOT=$root
/usr/bin/python3 - "$@" <<'EOF'
import gzip, json, os, subprocess, sys, time
sys.path.insert(0, os.environ["PX_EVAL_DATA"])
sys.path.insert(0, os.path.join(os.environ["PX_EVAL_ROOT"], "eval"))
from cluster_score import score
from sklearn_baseline import Baseline, doc_text

BIN, DATA, TMP = os.environ["PX_EVAL_BIN"], os.environ["PX_EVAL_DATA"], os.environ["PX_EVAL_TMP"]
MODE = os.environ.get("PX_EVAL_MODE", "--batch")
MY_GRID = [round(0.02 + 0.02 * i, 3) for i in range(30)]      # 0.02 .. 0.60
SK_GRID = [round(0.40 + 0.02 * i, 3) for i in range(30)]      # 0.40 .. 0.98

SETS = [
    # name, file, id key, gold key, split key, text keys (baseline), reader field map
    ("basil", "basil/basil.jsonl.gz", "id", "event_id", "event_id", ["title", "body"], []),
    ("ecbplus", "ecbplus/ecbplus.jsonl.gz", "id", "subtopic", "topic", ["title", "body"], []),
    ("googlenews-T", "googlenews-mstream/news-t.jsonl.gz", "Id", "clusterNo", "clusterNo",
     ["textCleaned"], ["id=Id", "text=textCleaned"]),
]

def load(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

def split(docs, key):
    groups = sorted({str(d[key]) for d in docs}, key=lambda g: (len(g), g))
    dev = {g for i, g in enumerate(groups) if i % 2 == 0}
    return ([d for d in docs if str(d[key]) in dev], [d for d in docs if str(d[key]) not in dev])

def mine(docs, name, idk, fields, grid, mode=None):
    path = os.path.join(TMP, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    args = [BIN, mode or MODE, "--threshold", ",".join(str(t) for t in grid)]
    for fm in fields:
        args += ["--field", fm]
    t0 = time.time()
    out = subprocess.run(args + [path], capture_output=True, text=True, check=True).stdout
    el = time.time() - t0
    preds = {t: {} for t in grid}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(grid) > 1:
            preds[float(parts[0])][parts[1]] = parts[2]
        else:
            preds[grid[0]][parts[0]] = parts[1]
    # The output's threshold column is printed with 4 decimals.
    return {t: preds.get(t) or preds.get(round(t, 4)) for t in grid}, el

def sk(docs, keys, grid):
    t0 = time.time()
    b = Baseline([doc_text(d, keys) for d in docs])
    res = {t: b.cut(t) for t in grid}
    return res, time.time() - t0

def gold_of(docs, idk, gk):
    return {str(d[idk]): str(d[gk]) for d in docs}

def best(preds_by_t, gold):
    """The middle of the thresholds whose dev BCubed F1 is within 0.002 of the best
    (a plateau's edge generalises worse than its centre)."""
    scored = sorted((t, score(gold, p)) for t, p in preds_by_t.items())
    top = max(s["bcubed_f1"] for _, s in scored)
    near = [(t, s) for t, s in scored if s["bcubed_f1"] >= top - 0.002]
    return near[len(near) // 2]

def line(who, t, s, extra=""):
    print(f"  {who:<9} thr {t:<5} BCubed P/R/F1 {s['bcubed_p']:.3f}/{s['bcubed_r']:.3f}/{s['bcubed_f1']:.3f}"
          f"  pairwise P/R/F1 {s['pairwise_p']:.3f}/{s['pairwise_r']:.3f}/{s['pairwise_f1']:.3f}"
          f"  ARI {s['ari']:.3f}  NMI {s['nmi']:.3f}  clusters {s['n_pred_clusters']}{extra}")

only = set(sys.argv[1:])
for name, rel, idk, gk, sk_key, keys, fields in SETS:
    if only and name not in only:
        continue
    path = os.path.join(DATA, rel)
    if not os.path.exists(path):
        print(f"{name}: {path} absent; skipped")
        continue
    docs = load(path)
    dev, test = split(docs, sk_key)
    gdev, gtest = gold_of(dev, idk, gk), gold_of(test, idk, gk)
    print(f"{name}: {len(docs)} docs, {len(set(gold_of(docs, idk, gk).values()))} gold clusters; "
          f"dev {len(dev)} docs / test {len(test)} docs (split by {sk_key}, alternating)")
    mp, _ = mine(dev, name + "-dev", idk, fields, MY_GRID)
    mt, ms = best(mp, gdev)
    bp, _ = sk(dev, keys, SK_GRID)
    bpd = {t: {str(d[idk]): str(l) for d, l in zip(dev, labs)} for t, labs in bp.items()}
    bt, bs = best(bpd, gdev)
    print(f"  dev:  parallax best threshold {mt} (BCubed F1 {ms['bcubed_f1']:.3f}); "
          f"sklearn best distance {bt} (BCubed F1 {bs['bcubed_f1']:.3f})")
    tp, tel = mine(test, name + "-test", idk, fields, [mt])
    sp, sel = sk(test, keys, [bt])
    s1 = score(gtest, tp[mt])
    s2 = score(gtest, {str(d[idk]): str(l) for d, l in zip(test, sp[bt])})
    print("  test:")
    line("parallax", mt, s1, f"  ({tel:.2f}s incl. reading)")
    line("sklearn", bt, s2, f"  ({sel:.2f}s)")
    # The online mode (what ingest uses), tuned the same way, for reference.
    op, _ = mine(dev, name + "-dev-online", idk, fields, MY_GRID, "--online")
    ot, _ = best(op, gdev)
    otp, otel = mine(test, name + "-test-online", idk, fields, [ot], "--online")
    line("online", ot, score(gtest, otp[ot]), f"  ({otel:.2f}s incl. reading)")
    d = s1["bcubed_f1"] - s2["bcubed_f1"]
    print(f"  test BCubed F1 parallax (batch) - sklearn: {d:+.3f}")
EOF
