#!/usr/bin/env python3
"""Code bytes per trace for every benchmark at its quick size, from `--jit-stats`.

    python3 bench/code_size.py target/release/coil
    python3 bench/code_size.py target/aarch64-unknown-linux-gnu/release/coil \\
        qemu-aarch64 -L /usr/aarch64-linux-gnu

Prints one markdown row per benchmark: traces, code bytes, bytes per trace.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import BENCHMARKS  # noqa: E402

coil = sys.argv[1]
runner = sys.argv[2:]
here = os.path.dirname(os.path.abspath(__file__))
for name, _, quick in BENCHMARKS:
    prog = os.path.join(here, name + ".py")
    if not os.path.exists(prog):
        continue
    r = subprocess.run(runner + [coil, "--trace-jit", "--jit-stats", prog, str(quick)],
                       capture_output=True, text=True, timeout=600)
    line = next((l for l in r.stderr.splitlines() if l.startswith("jit:")), "")
    f = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
    traces = int(f.get("traces", 0))  # side traces included
    code = int(f.get("code_bytes", 0))
    per = "%.0f" % (code / traces) if traces else "-"
    print("| %s | %d | %d | %s |" % (name, traces, code, per), flush=True)
