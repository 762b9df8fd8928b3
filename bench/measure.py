#!/usr/bin/env python3
"""measure.py - the one clock of the benchmarks.

usage: measure.py [--runs N] [--warmup W] [--stdout FILE] [--stdin FILE]
                  [--label NAME] -- COMMAND [ARG...]

Runs COMMAND W times unmeasured, then N times measured, each as a whole
process (process start, loading and everything it does, its threads and
child processes included).  For each measured run it takes the wall time
and the CPU time (user + system, from getrusage of the waited-for
children), and prints one JSON object:

  {"label", "runs", "warmup", "wall": median, "cpu": median,
   "walls": [...], "cpus": [...], "max_rss_mb": largest peak}

A run that exits non-zero (or is killed) fails the measurement: its stderr
is shown and measure.py exits 1 without printing a figure.  --stdout keeps
the standard output of the last run in FILE (otherwise it is discarded).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--stdout")
    ap.add_argument("--stdin")
    ap.add_argument("--label", default="")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd or a.runs < 1 or a.warmup < 0:
        ap.error("a command and --runs >= 1 are needed")
    walls, cpus, rss = [], [], 0
    for r in range(a.warmup + a.runs):
        out = open(a.stdout if a.stdout else os.devnull, "wb")
        inp = open(a.stdin, "rb") if a.stdin else subprocess.DEVNULL
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, stdout=out, stdin=inp, stderr=subprocess.PIPE)
        except OSError as e:
            print(f"measure: {cmd[0]}: {e}", file=sys.stderr)
            return 1
        wall = time.monotonic() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.close()
        if a.stdin:
            inp.close()
        if p.returncode != 0:
            sys.stderr.write(p.stderr.decode("utf-8", "replace")[-4000:])
            print(f"measure: {' '.join(cmd)}: exit status {p.returncode} in run {r + 1}; no figure",
                  file=sys.stderr)
            return 1
        if r < a.warmup:
            continue
        walls.append(wall)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rss = max(rss, after.ru_maxrss)  # children's largest peak so far, KiB
    print(json.dumps({"label": a.label, "runs": a.runs, "warmup": a.warmup,
                      "wall": statistics.median(walls), "cpu": statistics.median(cpus),
                      "walls": [round(x, 4) for x in walls], "cpus": [round(x, 4) for x in cpus],
                      "max_rss_mb": round(rss / 1024, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
