#!/usr/bin/env python3
"""mrpc_baselines.py - baselines computed on MRPC, printed beside parallax's
scorer by eval/mrpc.sh:
  majority     every pair called a paraphrase (the larger class of train)
  word overlap Jaccard of the lower-cased \\w+ word sets of the two sentences,
               threshold tuned on train for accuracy, reported on test
  TF-IDF cosine cosine of TF-IDF vectors (IDF from the train sentences, the
               same word tokens), threshold tuned on train, reported on test
usage: mrpc_baselines.py TRAIN.tsv TEST.tsv
"""
import csv
import math
import re
import sys
from collections import Counter


def load(path):
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(r)
        for n, row in enumerate(r, 2):
            if len(row) != 5 or row[0] not in ("0", "1"):
                sys.exit(f"mrpc_baselines: {path}:{n}: not a MRPC row")
            rows.append((int(row[0]), row[3], row[4]))
    if not rows:
        sys.exit(f"mrpc_baselines: {path}: no pair")
    return rows


def words(s):
    return re.findall(r"\w+", s.lower())


def scores_f(rows, y, p):
    tp = sum(1 for a, b in zip(y, p) if a and b)
    fp = sum(1 for a, b in zip(y, p) if not a and b)
    fn = sum(1 for a, b in zip(y, p) if a and not b)
    acc = sum(1 for a, b in zip(y, p) if a == b) / len(y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return acc, f1


def tune(s_train, y_train):
    best = (-1.0, 0.0)
    for t in sorted(set(s_train)):
        acc = sum(1 for s, y in zip(s_train, y_train) if (s >= t) == bool(y)) / len(y_train)
        if acc > best[0]:
            best = (acc, t)
    return best[1]


def main():
    train, test = load(sys.argv[1]), load(sys.argv[2])
    ytr, yte = [r[0] for r in train], [r[0] for r in test]
    print(f"  baselines computed now on the same files (train {len(train)} pairs, test {len(test)}):")
    major = 1 if sum(ytr) * 2 >= len(ytr) else 0
    acc, f1 = scores_f(test, yte, [major] * len(yte))
    print(f"  majority (every pair {'a paraphrase' if major else 'not one'}): test accuracy {acc:.3f}  F1 {f1:.3f}")

    def jac(r):
        a, b = set(words(r[1])), set(words(r[2]))
        return len(a & b) / len(a | b) if a | b else 0.0
    s_tr, s_te = [jac(r) for r in train], [jac(r) for r in test]
    t = tune(s_tr, ytr)
    acc, f1 = scores_f(test, yte, [int(s >= t) for s in s_te])
    print(f"  word overlap (Jaccard, threshold {t:.3f} tuned on train): test accuracy {acc:.3f}  F1 {f1:.3f}")

    df = Counter()
    for r in train:
        df.update(set(words(r[1])))
        df.update(set(words(r[2])))
    nd = 2 * len(train)

    def vec(s):
        c = Counter(words(s))
        return {w: n * math.log((nd + 1) / (df[w] + 1)) for w, n in c.items()}

    def cos(r):
        a, b = vec(r[1]), vec(r[2])
        num = sum(v * b.get(w, 0.0) for w, v in a.items())
        den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
        return num / den if den else 0.0
    s_tr, s_te = [cos(r) for r in train], [cos(r) for r in test]
    t = tune(s_tr, ytr)
    acc, f1 = scores_f(test, yte, [int(s >= t) for s in s_te])
    print(f"  TF-IDF cosine (threshold {t:.3f} tuned on train): test accuracy {acc:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
