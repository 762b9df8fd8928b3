#!/usr/bin/env python3
"""iorun.py LABEL -- COMMAND...: run COMMAND and print one line: its wall,
user and system time, peak resident memory, and the bytes it moved through
read and write system calls (rchar, wchar of /proc/PID/io, sampled every
0.2 s until it exits, so the last 0.2 s may be missing), then the line of
COMMAND's standard error that holds "CPU" (parallax ingest --timings)."""
import os
import resource
import subprocess
import sys
import time

if len(sys.argv) < 4 or sys.argv[2] != "--":
    sys.exit("usage: iorun.py LABEL -- COMMAND...")
label, cmd = sys.argv[1], sys.argv[3:]
t0 = time.time()
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
io = {}
while p.poll() is None:
    try:
        with open(f"/proc/{p.pid}/io") as f:
            io = dict(line.split(": ") for line in f.read().splitlines() if line)
    except OSError:
        pass
    time.sleep(0.2)
err = p.stderr.read().decode(errors="replace")
wall = time.time() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = [line for line in err.splitlines() if "CPU" in line]
print(f"{label}\trc={p.returncode}\twall={wall:.1f}\tuser={ru.ru_utime:.1f}\tsys={ru.ru_stime:.1f}"
      f"\tmaxrss={ru.ru_maxrss // 1024}MB\tread={int(io.get('rchar', 0)) / 1e9:.2f}GB"
      f"\twritten={int(io.get('wchar', 0)) / 1e9:.2f}GB\t{cpu[0] if cpu else err[-300:]}", flush=True)
