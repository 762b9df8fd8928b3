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

As a program:
    sklearn_baseline.py INPUT.jsonl[.gz] --threshold 0.8 [--id-key id]
        [--text-keys title,body] > pred.tsv       (id<TAB>cluster per line)
"""
import argparse
import gzip
import json
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


def load_jsonl(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(ln) for ln in f if ln.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--id-key", default="id")
    ap.add_argument("--text-keys", default="title,body")
    a = ap.parse_args()
    docs = load_jsonl(a.input)
    keys = a.text_keys.split(",")
    b = Baseline([doc_text(d, keys) for d in docs])
    for d, lab in zip(docs, b.cut(a.threshold)):
        sys.stdout.write(f"{d[a.id_key]}\t{lab}\n")


if __name__ == "__main__":
    main()
