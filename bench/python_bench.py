#!/usr/bin/env python3
"""The Python module beside the CLI on the same input (run by bench/python.sh)."""
import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile
import tempfile
import time
from collections import defaultdict


def timed(cmd, env=None, ok=(0,)):
    """(wall, cpu) of a child process, cpu = user + system from wait4.  An
    exit status not in ok fails the benchmark (no figure)."""
    # stderr goes to a file, not a pipe: a child writing more than a pipe
    # holds would block on it while this process waits for it to end.
    with tempfile.TemporaryFile() as errf:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errf, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        sys.exit(f"bench: {' '.join(map(str, cmd[:4]))} failed (exit {code}): {err[-800:]}")
    if code != 0:
        print(f"  (exit {code}: {err.strip().splitlines()[-1][:200] if err.strip() else ''})")
    return wall, ru.ru_utime + ru.ru_stime


def median(runs):
    """The run of median CPU time, (wall, cpu)."""
    return sorted(runs, key=lambda x: x[1])[len(runs) // 2]


def line(name, wall, cpu, extra=""):
    print(f"  {name:<58} wall {wall:8.2f} s   cpu {cpu:8.2f} s {extra}")


def py(code, *args):
    return [sys.executable, "-c", code, *args]


ANALYZE = """
import json, sys, parallax
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        a = parallax.analyze(json.loads(line))
        n += len(a.sentences)
print(n)
"""

COMPARE = """
import json, sys, parallax
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
sys.stdout.write(parallax.compare(recs).report("json"))
"""

INGEST = """
import sys, parallax
with parallax.Store(sys.argv[1]) as db:
    r = db.ingest(sys.argv[2])
print(r.stored)
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--parts", default="analyze compare ingest memory")
    ap.add_argument("--calls", type=int, default=100000)
    a = ap.parse_args()
    parts = a.parts.split()
    allsides = os.path.join(a.data, "allsides-news", "allsides_articles.jsonl.xz")
    have = os.path.exists(allsides)
    tmp = tempfile.mkdtemp(prefix="pxpy-")
    env = dict(os.environ)
    print(f"python {sys.version.split()[0]} ({sys.executable}); parallax module and CLI of "
          f"{os.path.dirname(a.cli)}; machine shared: compare CPU, not wall")

    # inputs: the first 2000 AllSides articles and its widest (date, topic) group,
    # else the sample corpus
    if have:
        recs = []
        groups = defaultdict(list)
        with lzma.open(allsides, "rt", encoding="utf-8") as f:
            for i, l in enumerate(f):
                r = json.loads(l)
                if i < 2000:
                    recs.append(l)
                groups[(r.get("date"), r.get("topic"))].append(l)
        story = max(groups.values(), key=len)[:60]
        what = "AllSides: first 2000 articles; widest (date, topic) group"
    else:
        recs = open(a.sample, encoding="utf-8").read().splitlines(True) * 20
        story = open(a.sample, encoding="utf-8").read().splitlines(True)
        what = "sample/news.jsonl x20 (AllSides absent); its 30 articles as one story"
    many = os.path.join(tmp, "many.jsonl")
    one = os.path.join(tmp, "story.jsonl")
    open(many, "w", encoding="utf-8").writelines(recs)
    open(one, "w", encoding="utf-8").writelines(story)
    print(f"inputs: {what} ({len(story)} articles)")

    if "analyze" in parts:
        print(f"analyze: {len(recs)} articles, one process each, medians of 3 runs (by CPU), no warm-up")
        c = median([timed([a.cli, "analyze", "--format", "json", many]) for _ in range(3)])
        p = median([timed(py(ANALYZE, many), env) for _ in range(3)])
        line("CLI   parallax analyze --format json", *c)
        line("Python parallax.analyze(record) for each line", *p)
        print(f"  ratio Python/CLI: cpu {p[1] / c[1]:.2f}x, wall {p[0] / c[0]:.2f}x")
    if "compare" in parts:
        print(f"compare: one story of {len(story)} articles, one process each, medians of 3 runs (by CPU), no warm-up")
        c = median([timed([a.cli, "compare", "--format", "json", one]) for _ in range(3)])
        p = median([timed(py(COMPARE, one), env) for _ in range(3)])
        line("CLI   parallax compare --format json", *c)
        line("Python parallax.compare(records).report('json')", *p)
        print(f"  ratio Python/CLI: cpu {p[1] / c[1]:.2f}x, wall {p[0] / c[0]:.2f}x")
    if "ingest" in parts:
        if not have:
            print("ingest: skipped (AllSides corpus absent)")
        else:
            runs = int(os.environ.get("PX_PY_INGEST_RUNS", "1"))
            print(f"ingest: the whole AllSides corpus (.xz), analysis and stories, "
                  f"{runs} run(s) each, alternating")
            cs, ps = [], []
            for i in range(runs):
                for db in ("c.db", "p.db"):
                    for suf in ("", "-wal", "-shm"):
                        if os.path.exists(os.path.join(tmp, db + suf)):
                            os.remove(os.path.join(tmp, db + suf))
                # exit 3: records rejected (named on stderr), the rest stored
                cs.append(timed([a.cli, "ingest", "-q", "--db", os.path.join(tmp, "c.db"),
                                 allsides], ok=(0, 3)))
                ps.append(timed(py(INGEST, os.path.join(tmp, "p.db"), allsides), env))
            c = sorted(cs, key=lambda x: x[1])[len(cs) // 2]
            p = sorted(ps, key=lambda x: x[1])[len(ps) // 2]
            line("CLI   parallax ingest", *c)
            line("Python parallax.Store(db).ingest(path)", *p)
            d = (p[1] - c[1]) / c[1] * 100
            print(f"  Python vs CLI: cpu {d:+.1f} %, wall {(p[0] - c[0]) / c[0] * 100:+.1f} %"
                  f" ({'within' if abs(d) <= 10 else 'NOT within'} 10 %)")
    if "memory" in parts:
        code = f"""
import json, os, resource, sys, time, parallax
def rss():
    for l in open("/proc/self/status"):
        if l.startswith("VmRSS:"): return int(l.split()[1])
bodies = [json.loads(l)["text"] for l in open({a.sample!r}, encoding="utf-8")]
for b in bodies * 10: parallax.analyze(b)
r0 = rss(); t0 = time.monotonic(); c0 = time.process_time()
marks = []
for i in range({a.calls}):
    parallax.analyze(bodies[i % len(bodies)])
    if (i + 1) % ({a.calls} // 5) == 0: marks.append(rss())
print(r0, rss(), time.monotonic() - t0, time.process_time() - c0, *marks)
"""
        out = subprocess.run(py(code), capture_output=True, text=True, env=env, check=True)
        v = out.stdout.split()
        r0, r1, wall, cpu = int(v[0]), int(v[1]), float(v[2]), float(v[3])
        print(f"memory: {a.calls} parallax.analyze() calls over the sample bodies")
        line(f"{a.calls} calls", wall, cpu,
             f"  RSS {r0 / 1024:.1f} MB before, {r1 / 1024:.1f} MB after "
             f"({(r1 - r0) / 1024:+.1f} MB); at each fifth: "
             + ", ".join(f"{int(x) / 1024:.1f}" for x in v[4:]))
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
