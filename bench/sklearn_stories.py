#!/usr/bin/env python3
"""sklearn_stories.py - the scikit-learn story baseline of eval/ (TF-IDF +
cosine average-linkage, cut at 0.8) over a JSON Lines file, as one process
for bench/stories.sh to time from outside.  Prints the articles and the
clusters found.

usage: sklearn_stories.py FILE.jsonl EVAL_DIR
"""
import json
import sys

sys.path.insert(0, sys.argv[2])
from sklearn_baseline import Baseline  # noqa: E402

docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
texts = ["\n\n".join(x for x in (d.get("title"), d.get("body")) if isinstance(x, str)) for d in docs]
labels = Baseline(texts).cut(0.8)
print(len(texts), len(set(labels)) if labels is not None else -1)
