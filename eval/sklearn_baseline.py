#!/usr/bin/python3
"""sklearn_baseline.py - the clustering a user would reach for instead of parallax:
scikit-learn TF-IDF (sublinear tf, English stop words, title + body), cosine
distance, average-linkage agglomerative clustering cut at a distance threshold.

Run it with Debian's /usr/bin/python3 (python3-sklearn, python3-scipy).

As a module (used by eval/stories.sh and bench/stories.sh):
    tree = Baseline(texts)          # vectorize + average-linkage tree, once
    labels = tree.cut(0.8)          # flat clusters at cosine distance 0.8
Cutting scipy's average-linkage tree at a distance gives the same clusters as
sklearn.cluster.AgglomerativeClustering(metric="cosine", linkage="average",
distance_threshold=t, n_clusters=None); building the tree once lets a sweep
over thresholds cost one clustering.

As a program (the whole process is what eval/stories.sh and bench/stories.sh
time, with bench/measure.py, beside parallax's):
    sklearn_baseline.py INPUT.jsonl[.gz] --threshold 0.8 [--id-key id]
        [--text-keys title,body] > pred.tsv       (id<TAB>cluster per line)
    sklearn_baseline.py --threads   (one line: the BLAS library this Python
        loads and the thread pools it runs, with the environment that sets them)
"""
import argparse
import gzip
import json
import os
import sys

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer


def doc_text(obj, keys):
    parts = []
    for k in keys:
        v = obj.get(k)
        if isinstance(v, str) and v:
            parts.append(v)
    return "\n\n".join(parts)


class Baseline:
    def __init__(self, texts):
        self.n = len(texts)
        vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
        x = vec.fit_transform(texts)  # rows are L2-normalized
        sim = (x @ x.T).toarray()
        np.clip(sim, 0.0, 1.0, out=sim)
        dist = 1.0 - sim
        np.fill_diagonal(dist, 0.0)
        dist = (dist + dist.T) / 2.0
        self.tree = linkage(squareform(dist, checks=False), method="average") if self.n > 1 else None

    def cut(self, threshold):
        if self.tree is None:
            return [0] * self.n
        # fcluster "distance" keeps merges with height <= t; sklearn merges while < t.
        return list(fcluster(self.tree, t=threshold - 1e-12, criterion="distance"))


def threads_note():
    """The BLAS library loaded and the thread pools the baseline runs with,
    as one line (the timing of the baseline depends on them)."""
    import scipy.linalg  # noqa: F401  (loads the BLAS and LAPACK the baseline can use)
    blas = set()
    with open("/proc/self/maps") as f:
        for ln in f:
            path = ln.split()[-1] if len(ln.split()) >= 6 else ""
            name = os.path.basename(path).lower()
            if name.startswith("lib") and any(k in name for k in ("blas", "lapack", "blis", "mkl")):
                blas.add(os.path.realpath(path))
    try:
        import threadpoolctl
        pools = [f"{p.get('internal_api')} ({p.get('prefix')}) {p.get('num_threads')} threads"
                 for p in threadpoolctl.threadpool_info()]
    except ImportError:
        pools = ["threadpoolctl absent: pools unknown"]
    env = [f"{k}={os.environ[k]}" for k in
           ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
           if k in os.environ]
    ref = any("/blas/libblas" in b for b in blas)
    return ("BLAS " + (", ".join(sorted(blas)) or "none loaded")
            + (" (the reference BLAS: one thread)" if ref else "")
            + "; thread pools: " + ("; ".join(pools) or "none reported")
            + "; " + (" ".join(env) if env else "no *_NUM_THREADS set"))


def load_jsonl(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(ln) for ln in f if ln.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?")
    ap.add_argument("--threads", action="store_true", help="describe the BLAS and thread pools and exit")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--id-key", default="id")
    ap.add_argument("--text-keys", default="title,body")
    a = ap.parse_args()
    if a.threads:
        print(threads_note())
        return
    if a.input is None:
        ap.error("an input file is needed")
    docs = load_jsonl(a.input)
    keys = a.text_keys.split(",")
    b = Baseline([doc_text(d, keys) for d in docs])
    for d, lab in zip(docs, b.cut(a.threshold)):
        sys.stdout.write(f"{d[a.id_key]}\t{lab}\n")


if __name__ == "__main__":
    main()
