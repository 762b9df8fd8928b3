#!/usr/bin/env bash
# Story clustering quality on BASIL, ECB+ and GoogleNews-MStream, beside the
# scikit-learn baseline (TF-IDF, cosine, average-linkage agglomerative).
#
# parallax runs as 'parallax ingest' runs it (eval_cluster --ingest: the
# articles go through px_ingest into a fresh store and px_ingest_finish
# clusters them) with the SHIPPED DEFAULTS: one configuration for every set,
# nothing tuned per set.  Each set is split by gold event (BASIL: event,
# ECB+: topic, GoogleNews: story) into two halves, alternating over the
# sorted ids; the baseline's distance threshold is tuned on the dev half
# (best BCubed F1, the centre of the plateau), and both are scored on the
# test half.  parallax is also shown on the whole set, fed in 10 successive
# ingests in time order (a feed arriving day by day), and fed in a shuffled
# order (BCubed of the two orders' stories against each other).
# BASIL: the events of basil/reserved.txt are left out (never read here).
# Scores come from ../shared/data/cluster_score.py.
# Times: one clock for both (bench/measure.py), each a whole process (start,
# reading the JSON, analysis, clustering, all its threads: BLAS's and
# OpenMP's for scikit-learn, stated in the output), the same PX_EVAL_RUNS
# measured runs (default 1) after the same PX_WARMUP unmeasured ones
# (default 0); medians of wall and of CPU time (user + system).  A failed run
# fails the evaluation.
#
# env: PX_BUILD (build dir with eval_cluster), PX_DATA, PX_ROOT,
#      PX_EVAL_RUNS, PX_WARMUP.
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
export PX_EVAL_RUNS=${PX_EVAL_RUNS:-1} PX_WARMUP=${PX_WARMUP:-0}
/usr/bin/python3 - "$@" <<'PYEOF'
import gzip, json, os, subprocess, sys
sys.path.insert(0, os.environ["PX_EVAL_DATA"])
sys.path.insert(0, os.path.join(os.environ["PX_EVAL_ROOT"], "eval"))
from cluster_score import score
from sklearn_baseline import Baseline, doc_text

BIN, DATA, TMP = os.environ["PX_EVAL_BIN"], os.environ["PX_EVAL_DATA"], os.environ["PX_EVAL_TMP"]
SK_GRID = [round(0.40 + 0.02 * i, 3) for i in range(30)]      # 0.40 .. 0.98

SETS = [
    # name, file, id key, gold key, split key, text keys (baseline), reader field map
    ("basil", "basil/basil.jsonl.gz", "id", "event_id", "event_id", ["title", "body"], []),
    ("ecbplus", "ecbplus/ecbplus.jsonl.gz", "id", "subtopic", "topic", ["title", "body"], []),
    ("googlenews-T", "googlenews-mstream/news-t.jsonl.gz", "Id", "clusterNo", "clusterNo",
     ["textCleaned"], ["id=Id", "text=textCleaned"]),
]

def reserved():
    p = os.path.join(DATA, "basil", "reserved.txt")
    if not os.path.exists(p):
        return set()
    return {l.strip() for l in open(p) if l.strip() and not l.startswith("#")}

def load(path, name):
    skip = reserved() if name == "basil" else set()
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for l in f:
            if not l.strip():
                continue
            d = json.loads(l)
            if name == "basil" and d.get("event_id") in skip:
                continue
            out.append(d)
    return out, len(skip)

def split(docs, key):
    groups = sorted({str(d[key]) for d in docs}, key=lambda g: (len(g), g))
    dev = {g for i, g in enumerate(groups) if i % 2 == 0}
    return ([d for d in docs if str(d[key]) in dev], [d for d in docs if str(d[key]) not in dev])

RUNS, WARM = int(os.environ["PX_EVAL_RUNS"]), int(os.environ["PX_WARMUP"])
MEASURE = os.path.join(os.environ["PX_EVAL_ROOT"], "bench", "measure.py")
SKPROG = os.path.join(os.environ["PX_EVAL_ROOT"], "eval", "sklearn_baseline.py")

def timed(args, name):
    """Run args as whole processes under bench/measure.py: (stdout of the last
    run, median wall, median CPU).  A failed run ends the evaluation."""
    outp = os.path.join(TMP, name + ".out")
    r = subprocess.run([sys.executable, MEASURE, "--runs", str(RUNS), "--warmup", str(WARM),
                        "--stdout", outp, "--", *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"stories: {name}: a run failed; no figure")
    m = json.loads(r.stdout)
    with open(outp, encoding="utf-8") as f:
        return f.read(), m["wall"], m["cpu"]

def write(docs, name):
    path = os.path.join(TMP, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    return path

def tsv(out):
    pred = {}
    for line in out.splitlines():
        i, s = line.split("\t")
        pred[i] = s
    return pred

def mine(docs, name, fields, extra=()):
    args = [BIN, "--ingest", *extra]
    for fm in fields:
        args += ["--field", fm]
    out, el, cpu = timed(args + [write(docs, name)], name)
    return tsv(out), el, cpu

def sk(docs, keys, grid):
    """The baseline's tree built once in this process and cut at each
    distance of the grid (the dev sweep; not timed)."""
    b = Baseline([doc_text(d, keys) for d in docs])
    return {t: b.cut(t) for t in grid}

def sk_process(docs, name, idk, keys, t):
    """The baseline as a whole process (eval/sklearn_baseline.py) at distance t."""
    out, el, cpu = timed([sys.executable, SKPROG, write(docs, name), "--threshold", str(t),
                          "--id-key", idk, "--text-keys", ",".join(keys)], name)
    return tsv(out), el, cpu

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
    print(f"  {who:<24} {t:<10} BCubed P/R/F1 {s['bcubed_p']:.3f}/{s['bcubed_r']:.3f}/{s['bcubed_f1']:.3f}"
          f"  pairwise P/R/F1 {s['pairwise_p']:.3f}/{s['pairwise_r']:.3f}/{s['pairwise_f1']:.3f}"
          f"  ARI {s['ari']:.3f}  NMI {s['nmi']:.3f}  clusters {s['n_pred_clusters']}{extra}")

only = set(sys.argv[1:])
print("parallax: shipped defaults (one configuration for every set), clustered by px_ingest as "
      "'parallax ingest' does (online mode); sklearn: distance threshold tuned on the dev half")
note = subprocess.run([sys.executable, SKPROG, "--threads"], capture_output=True, text=True, check=True)
print(f"times: whole processes (bench/measure.py), medians of {RUNS} run(s) after {WARM} warm-up, "
      f"wall and CPU (user + system, all threads); sklearn's {note.stdout.strip()}")
for name, rel, idk, gk, sk_key, keys, fields in SETS:
    if only and name not in only:
        continue
    path = os.path.join(DATA, rel)
    if not os.path.exists(path):
        print(f"{name}: {path} absent; skipped")
        continue
    docs, nres = load(path, name)
    dev, test = split(docs, sk_key)
    gall, gdev, gtest = gold_of(docs, idk, gk), gold_of(dev, idk, gk), gold_of(test, idk, gk)
    note = f"; {nres} reserved events left out" if nres else ""
    print(f"{name}: {len(docs)} docs, {len(set(gall.values()))} gold clusters{note}; "
          f"dev {len(dev)} docs / test {len(test)} docs (split by {sk_key}, alternating)")
    bp = sk(dev, keys, SK_GRID)
    bpd = {t: {str(d[idk]): str(l) for d, l in zip(dev, labs)} for t, labs in bp.items()}
    bt, bs = best(bpd, gdev)
    print(f"  dev: sklearn best distance {bt} (BCubed F1 {bs['bcubed_f1']:.3f})")
    tp, tel, tcpu = mine(test, name + "-test", fields)
    sp, sel, scpu = sk_process(test, name + "-sklearn", idk, keys, bt)
    s1 = score(gtest, tp)
    s2 = score(gtest, sp)
    print("  test half (times: whole processes, reading included):")
    line("parallax (ingest)", "defaults", s1, f"  ({tel:.2f}s wall, {tcpu:.2f}s CPU)")
    line("sklearn", f"dist {bt}", s2, f"  ({sel:.2f}s wall, {scpu:.2f}s CPU)")
    print(f"  test BCubed F1 parallax - sklearn: {s1['bcubed_f1'] - s2['bcubed_f1']:+.3f}")
    ap, ael, acpu = mine(docs, name + "-all", fields)
    print("  whole set:")
    line("parallax (ingest)", "defaults", score(gall, ap), f"  ({ael:.2f}s wall, {acpu:.2f}s CPU)")
    cp, cel, ccpu = mine(docs, name + "-chunks", fields, ["--chunks", "10"])
    line("parallax (10 ingests)", "defaults", score(gall, cp), f"  ({cel:.2f}s wall, {ccpu:.2f}s CPU)")
    shp, _, _ = mine(docs, name + "-shuffled", fields, ["--shuffle", "7"])
    o = score(ap, shp)
    print(f"  order: input order vs shuffled, one ingest each: BCubed F1 {o['bcubed_f1']:.4f} "
          f"(1 = the same stories)")
PYEOF
