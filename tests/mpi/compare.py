#!/usr/bin/env python3
"""Compare two parallax stores (a single-process ingest and a parallax-mpi
output): the same articles, identical duplicate links, the same entity
counts and quotes, and stories with BCubed F1 >= a floor.  Prints one line of
figures; exits 1 on a difference.  Usage: compare.py PARALLAX DB_A DB_B [MIN_F1]"""
import json, subprocess, sys

def export(px, db, what):
    out = subprocess.run([px, "export", what, "--db", db], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.split("\n") if l.strip()]

def key(m):
    return (m["source"], m["ext_id"] or m["url"] or m["title"])

def load(px, db):
    stories = export(px, db, "stories")
    by_id, story_of = {}, {}
    for s in stories:
        for m in s["members"]:
            by_id[m["id"]] = key(m)
    dups = set()
    for s in stories:
        for m in s["members"]:
            story_of[key(m)] = s["id"]
            if m["dup_of"] is not None:
                dups.add((key(m), by_id.get(m["dup_of"]), bool(m["dup_exact"])))
    arts = {(a["source"], a["ext_id"] or a["url"] or a["title"]) for a in export(px, db, "articles")}
    ents = sorted((e["key"], e["type"], e["mentions"], e["articles"], e["outlets"])
                  for e in export(px, db, "entities"))
    quotes = sorted((q["ext_id"], q["source"], q["start"], q["end"], q["kind"], q["speaker_key"])
                    for q in export(px, db, "quotes"))
    return arts, story_of, dups, ents, quotes

def bcubed(gold, pred):
    items = list(gold)
    gc, pc = {}, {}
    for i in items:
        gc.setdefault(gold[i], set()).add(i)
        pc.setdefault(pred[i], set()).add(i)
    p = r = 0.0
    for i in items:
        g, q = gc[gold[i]], pc[pred[i]]
        inter = len(g & q)
        p += inter / len(q)
        r += inter / len(g)
    p /= len(items); r /= len(items)
    return 2 * p * r / (p + r) if p + r else 0.0

def main():
    px, a, b = sys.argv[1:4]
    floor = float(sys.argv[4]) if len(sys.argv) > 4 else 0.99
    A, B = load(px, a), load(px, b)
    bad = []
    if A[0] != B[0]:
        bad.append("articles differ: only in %s %s; only in %s %s" %
                   (a, sorted(A[0] - B[0])[:5], b, sorted(B[0] - A[0])[:5]))
    if set(A[1]) != set(B[1]):
        bad.append("clustered articles differ")
    if A[2] != B[2]:
        bad.append("duplicates differ: only in %s %s; only in %s %s" %
                   (a, sorted(A[2] - B[2])[:5], b, sorted(B[2] - A[2])[:5]))
    if A[3] != B[3]:
        bad.append("entity counts differ (%d vs %d entities)" % (len(A[3]), len(B[3])))
    if A[4] != B[4]:
        bad.append("quotes differ (%d vs %d)" % (len(A[4]), len(B[4])))
    common = set(A[1]) & set(B[1])
    f1 = bcubed({k: A[1][k] for k in common}, {k: B[1][k] for k in common}) if common else 0.0
    if f1 < floor:
        bad.append("stories BCubed F1 %.4f < %.2f" % (f1, floor))
    print("articles %d, duplicate links %d, stories %d vs %d, BCubed F1 %.4f, entities %d, quotes %d"
          % (len(A[0]), len(A[2]), len(set(A[1].values())), len(set(B[1].values())), f1,
             len(A[3]), len(A[4])))
    for m in bad:
        print("DIFFERENCE: " + m)
    sys.exit(1 if bad else 0)

main()
