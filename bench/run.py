#!/usr/bin/env python3
"""Coil benchmark runner (standard library only).

Measures bench/<name>.py under several implementations, checks that every
implementation prints exactly what CPython prints, saves raw measurements as
JSON (bench/results.json) and renders a markdown report (docs/perf.md).

    python3 bench/run.py                  # build coil, full run, write docs/perf.md
    python3 bench/run.py --quick          # small sizes, one run, output checks only
    python3 bench/run.py --only nbody,richards --runs 3
    python3 bench/run.py --coil /path/to/coil
    python3 bench/run.py --render-only    # re-render docs/perf.md from bench/results.json

See bench/README.md for details.
"""

import argparse
import datetime
import difflib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
NATIVE_DIR = os.path.join(BENCH_DIR, "native")

# name: (default size, quick size).  The default size makes CPython 3.11 run
# for roughly 1-3 s; the quick size keeps each run well under 0.5 s.
# Programs whose file does not exist yet are skipped silently.
BENCHMARKS = [
    ("int_loop", 8000000, 200000),
    ("float_loop", 6000000, 200000),
    ("calls", 6000000, 200000),
    ("attr_access", 3000000, 100000),
    ("list_index", 2400, 80),
    ("nbody", 400000, 20000),
    ("spectral_norm", 500, 100),
    ("fannkuch", 9, 7),
    ("richards", 40, 2),
    ("nqueens", 9, 7),
    ("float_bench", 15, 1),
    ("raytrace", 250, 30),
    ("chaos", 75000, 4000),
    ("pidigits", 6000, 1000),
    ("unpack_sequence", 2500000, 75000),
    ("generators", 4500000, 150000),
    ("binary_trees", 16, 10),
    ("mandelbrot", 600, 100),
    ("pystone", 500000, 15000),
    ("method_calls", 3000000, 100000),
    ("dict_access", 4500000, 150000),
    ("string_build", 1800000, 60000),
    ("closures", 2500000, 120000),
    ("exceptions_loop", 1500000, 60000),
    ("deltablue", 400, 20),
    ("go", 40, 3),
    ("hexiom", 20, 2),
    ("text_pipeline", 150000, 5000),
    ("toy_vm", 8000, 300),
    ("inventory", 16000, 800),
    ("log_pipeline", 250000, 8000),
    ("data_report", 350, 12),
    ("fs_tree", 700, 25),
    ("json_parse", 700, 25),
    ("event_sim", 160, 6),
]

# Goal (b): these must run within 3x of their C versions.
NUMERIC_KERNELS = ["nbody", "spectral_norm", "fannkuch", "mandelbrot"]

# Warm-up: an iteration is "steady" when its time is within this fraction of
# the steady time (median of the last half of the iterations).
STEADY_TOLERANCE = 0.10
STEADY_RUN = 3      # ... and so are the next STEADY_RUN - 1 iterations
ANALYSIS_MARKER = "<!-- analysis -->"

ALL_IMPLS = ["coil", "coil-jit", "cpython", "pypy", "c"]

JIT_COLUMNS = [
    # (header, candidate keys, scale to the displayed unit)
    ("traces", ("traces", "trace_count", "ntraces", "compiled"), 1.0),
    ("compile ms", ("compile_ms", "compile_time_ms", "jit_ms"), 1.0),
    ("compile ms", ("compile_us", "compile_time_us"), 1e-3),
    ("compile ms", ("compile_s", "compile_time_s", "compile_time"), 1e3),
    ("code bytes", ("code_bytes", "code_size", "bytes", "machine_code_bytes"), 1.0),
    ("meta bytes", ("meta_bytes", "metadata_bytes", "jit_meta_bytes", "side_bytes"), 1.0),
]

REJECTED_FLAG_PATTERNS = [
    "unexpected argument", "unrecognized", "unknown option", "unknown flag",
    "usage:", "invalid option", "no such option",
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Running one process
# ---------------------------------------------------------------------------

class RunResult:
    def __init__(self, cmd, exitcode, stdout, stderr, wall, cpu, rss_kib, timed_out):
        self.cmd = cmd
        self.exitcode = exitcode
        self.stdout = stdout
        self.stderr = stderr
        self.wall = wall
        self.cpu = cpu
        self.rss_kib = rss_kib
        self.timed_out = timed_out


# ru_maxrss survives exec and, after fork (or vfork), starts at the forking
# process's resident size: a child forked straight from this ~17 MiB Python
# process would never report less than that.  So, when a C compiler is
# available, children are started through this tiny helper: it forks from its
# own ~1 MiB image, waits for the benchmark with wait4 and reports the
# benchmark's rusage.  Without a compiler we fall back to forking directly.
SPAWN_HELPER_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
    if (argc < 3) return 120;
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 121; }
    if (pid == 0) { execvp(argv[2], argv + 2); perror(argv[2]); _exit(127); }
    int status; struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {}
    FILE *f = fopen(argv[1], "w");
    if (!f) return 122;
    fprintf(f, "%d %ld.%06ld %ld.%06ld %ld\n", status,
            (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
            (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, ru.ru_maxrss);
    fclose(f);
    return 0;
}
"""

_spawn_helper = None


def setup_spawn_helper(tmpdir, cc):
    global _spawn_helper
    if not cc:
        return None
    src = os.path.join(tmpdir, "spawn_helper.c")
    exe = os.path.join(tmpdir, "spawn_helper")
    with open(src, "w") as f:
        f.write(SPAWN_HELPER_C)
    r = subprocess.run([cc, "-O2", "-o", exe, src], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if r.returncode == 0:
        _spawn_helper = exe
    return _spawn_helper


def run_process(cmd, timeout, env=None, cwd=None):
    """Run cmd, returning output, wall time, child CPU time and peak RSS."""
    fd, rusage_file = tempfile.mkstemp(prefix="coil-rusage-")
    os.close(fd)
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            full = [_spawn_helper, rusage_file] + list(cmd) if _spawn_helper else list(cmd)
            timed_out = [False]
            t0 = time.perf_counter()
            proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, env=env, cwd=cwd,
                                    start_new_session=True)

            def kill():
                timed_out[0] = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass

            timer = threading.Timer(timeout, kill) if timeout else None
            if timer:
                timer.start()
            try:
                while True:
                    try:
                        _, status, ru = os.wait4(proc.pid, 0)
                        break
                    except InterruptedError:
                        continue
            finally:
                t1 = time.perf_counter()
                if timer:
                    timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            cpu = ru.ru_utime + ru.ru_stime
            rss = ru.ru_maxrss
            exitcode = proc.returncode
            if _spawn_helper and exitcode == 0:
                with open(rusage_file) as f:
                    fields = f.read().split()
                exitcode = os.waitstatus_to_exitcode(int(fields[0]))
                cpu = float(fields[1]) + float(fields[2])
                rss = int(fields[3])
            elif _spawn_helper and not timed_out[0]:
                exitcode = 200 + exitcode  # the helper itself failed
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode("utf-8", "replace")
            stderr = err.read().decode("utf-8", "replace")
    finally:
        try:
            os.unlink(rusage_file)
        except OSError:
            pass
    return RunResult(cmd, exitcode, stdout, stderr, t1 - t0, cpu, rss, timed_out[0])


# ---------------------------------------------------------------------------
# jit: stats
# ---------------------------------------------------------------------------

_KV_RE = re.compile(r"([A-Za-z_][\w.\-]*)\s*[=:]\s*([^\s,;]+)")


def _number(text):
    t = text.strip().rstrip(",;")
    try:
        if re.fullmatch(r"[+-]?\d+", t):
            return int(t)
        return float(t)
    except ValueError:
        return t


def parse_jit_stats(stderr):
    """Parse `jit: key=value ...` lines; later lines override earlier keys.

    Tolerant of `key: value`, commas/semicolons between pairs and non-numeric
    values.  Returns {} if no such lines are present."""
    stats = {}
    for line in stderr.splitlines():
        s = line.strip()
        if not s.lower().startswith("jit:"):
            continue
        body = s[4:]
        tokens = body.split()
        if tokens and all("=" in t for t in tokens):
            # coil's own format: space-separated key=value, where a value may
            # be a comma-separated list (residual_sites, interpreted, ...)
            for t in tokens:
                key, value = t.split("=", 1)
                stats[key] = _number(value)
            continue
        for key, value in _KV_RE.findall(body):
            stats[key] = _number(value)
    return stats


def jit_column_values(stats):
    """Map parsed stats to the report's JIT columns (None when unknown)."""
    values = {}
    for header, keys, scale in JIT_COLUMNS:
        if values.get(header) is not None:
            continue
        for k in keys:
            v = stats.get(k)
            if isinstance(v, (int, float)):
                values[header] = v * scale
                break
        else:
            values.setdefault(header, None)
    return values


# ---------------------------------------------------------------------------
# Environment discovery
# ---------------------------------------------------------------------------

def cmd_output(cmd, cwd=None):
    try:
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0:
        return None
    return r.stdout.decode("utf-8", "replace").strip()


def machine_info():
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = "%.1f GiB" % (int(line.split()[1]) / 1048576.0)
                    break
    except OSError:
        pass
    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "memory": mem,
        "os": "%s %s %s" % (platform.system(), platform.release(), platform.machine()),
    }


def git_commit():
    c = cmd_output(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT)
    if not c:
        return "unknown (no commit)"
    dirty = cmd_output(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT)
    return c + ("+dirty" if dirty else "")


def version_of(exe):
    v = cmd_output([exe, "--version"])
    if v is None:
        return None
    return " ".join(v.split())


def find_pypy(try_install):
    exe = shutil.which("pypy3")
    if exe or not try_install:
        return exe
    log("pypy3 not found; trying `apt-get install -y pypy3` once ...")
    try:
        r = subprocess.run(["apt-get", "install", "-y", "pypy3"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=900)
        if r.returncode != 0:
            tail = r.stdout.decode("utf-8", "replace").strip().splitlines()[-3:]
            log("  apt-get failed: " + " | ".join(tail))
    except (OSError, subprocess.TimeoutExpired) as e:
        log("  apt-get failed: %s" % e)
    exe = shutil.which("pypy3")
    log("  pypy3 %s" % ("installed: " + exe if exe else "unavailable; column will be n/a"))
    return exe


def build_coil():
    log("building coil: cargo build --release (in %s)" % REPO_ROOT)
    r = subprocess.run(["cargo", "build", "--release"], cwd=REPO_ROOT)
    if r.returncode != 0:
        log("ERROR: cargo build --release failed (exit %d)" % r.returncode)
        sys.exit(2)
    exe = os.path.join(REPO_ROOT, "target", "release", "coil")
    if not os.path.exists(exe):
        log("ERROR: build succeeded but %s does not exist" % exe)
        sys.exit(2)
    return exe


def compile_native(name, tmpdir, cc):
    src = os.path.join(NATIVE_DIR, name + ".c")
    if not os.path.exists(src):
        return None, None
    exe = os.path.join(tmpdir, name)
    cmd = [cc, "-O2", "-ffp-contract=off", "-o", exe, src, "-lm"]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        return None, "compile failed: %s\n%s" % (" ".join(cmd), r.stdout.decode("utf-8", "replace"))
    return exe, None


# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------

def flag_rejected(res):
    if res.exitcode == 0:
        return False
    text = (res.stderr + res.stdout).lower()
    return any(p in text for p in REJECTED_FLAG_PATTERNS)


def output_diff(expected, actual, name, impl):
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile="%s [cpython]" % name, tofile="%s [%s]" % (name, impl), n=2))
    if len(lines) > 60:
        lines = lines[:60] + ["... (%d more diff lines)\n" % (len(lines) - 60)]
    return "".join(lines)


def tail(text, n=15):
    lines = text.rstrip().splitlines()
    return "\n".join(lines[-n:])


def measure(args):
    selected = [b for b in BENCHMARKS if os.path.exists(os.path.join(BENCH_DIR, b[0] + ".py"))]
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        known = {b[0] for b in BENCHMARKS}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            log("ERROR: unknown benchmark(s): %s" % ", ".join(unknown))
            sys.exit(2)
        selected = [b for b in selected if b[0] in wanted]
        missing = [w for w in wanted if w not in {b[0] for b in selected}]
        if missing:
            log("ERROR: benchmark file(s) missing: %s" % ", ".join(missing))
            sys.exit(2)

    impls = ALL_IMPLS
    if args.impls:
        impls = [i.strip() for i in args.impls.split(",") if i.strip()]
        bad = [i for i in impls if i not in ALL_IMPLS]
        if bad:
            log("ERROR: unknown implementation(s): %s (known: %s)" % (", ".join(bad), ", ".join(ALL_IMPLS)))
            sys.exit(2)

    python = args.python
    if not shutil.which(python):
        log("ERROR: %s not found; CPython is the reference implementation" % python)
        sys.exit(2)

    coil = None
    if "coil" in impls or "coil-jit" in impls:
        coil = os.path.abspath(args.coil) if args.coil else build_coil()
        if not os.path.exists(coil):
            log("ERROR: coil executable %s does not exist" % coil)
            sys.exit(2)

    # --quick (CI) never installs anything.
    pypy = find_pypy(not args.no_install and not args.quick) if "pypy" in impls else None
    cc = shutil.which(os.environ.get("CC", "cc")) if "c" in impls else None

    runs = 1 if args.quick else args.runs
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"

    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "commit": git_commit(),
        "machine": machine_info(),
        "python3": version_of(python),
        "pypy3": version_of(pypy) if pypy else None,
        "cc": version_of(cc).split(" Copyright")[0] if cc and version_of(cc) else None,
        "coil": coil,
        "runs": runs,
        "quick": bool(args.quick),
        "impls": impls,
        "load_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }

    unavailable = {}          # impl -> reason, for the whole session
    if "pypy" in impls and not pypy:
        unavailable["pypy"] = "pypy3 not installed"
    if "c" in impls and not cc:
        unavailable["c"] = "no C compiler"

    results = {"meta": meta, "benchmarks": {}}
    failures = []
    tmpdir = tempfile.mkdtemp(prefix="coil-bench-")
    helper_cc = shutil.which(os.environ.get("CC", "cc"))
    meta["rss_method"] = ("fork from a small C helper" if setup_spawn_helper(tmpdir, helper_cc)
                          else "direct fork from the runner (RSS floor = runner size)")

    try:
        for name, default_size, quick_size in selected:
            size = quick_size if args.quick else default_size
            if args.size is not None:
                size = args.size
            prog = os.path.join(BENCH_DIR, name + ".py")
            log("== %s (size %s)" % (name, size))

            cmds = {}
            bench = {"size": size, "impls": {}}
            results["benchmarks"][name] = bench
            for impl in impls:
                entry = {"status": "ok", "runs": []}
                bench["impls"][impl] = entry
                if impl in unavailable:
                    entry["status"] = "n/a"
                    entry["reason"] = unavailable[impl]
                    continue
                if impl == "coil":
                    cmds[impl] = [coil, prog, str(size)]
                elif impl == "coil-jit":
                    # timed without --jit-stats (it counts every interpreted
                    # bytecode: 16% on mostly interpreted programs); the stats
                    # come from one more run with it, after the timed ones
                    cmds[impl] = [coil, "--trace-jit", prog, str(size)]
                elif impl == "cpython":
                    cmds[impl] = [python, prog, str(size)]
                elif impl == "pypy":
                    cmds[impl] = [pypy, prog, str(size)]
                elif impl == "c":
                    exe, err = compile_native(name, tmpdir, cc)
                    if exe is None and err is None:
                        entry["status"] = "n/a"
                        entry["reason"] = "no native version"
                        continue
                    if exe is None:
                        entry["status"] = "failed"
                        entry["reason"] = err
                        failures.append((name, impl, err))
                        log("FAIL %s [c]: %s" % (name, err))
                        continue
                    cmds[impl] = [exe, str(size)]

            # The CPython output is the reference.  If cpython is not among the
            # measured implementations, run it once just for the reference.
            expected = None
            if "cpython" not in cmds:
                ref = run_process([python, prog, str(size)], args.timeout, env=env)
                if ref.exitcode != 0:
                    msg = "cpython exited with %d:\n%s" % (ref.exitcode, tail(ref.stderr))
                    failures.append((name, "cpython", msg))
                    log("FAIL %s [cpython]: %s" % (name, msg))
                    if not args.keep_going:
                        break
                    continue
                expected = ref.stdout

            # CPython goes first in every round so its output is the reference
            # before anything else is checked.
            active = [i for i in impls if i in cmds]
            if "cpython" in active:
                active.remove("cpython")
                active.insert(0, "cpython")
            stop = False
            for run_no in range(runs):
                for impl in active:
                    entry = bench["impls"][impl]
                    if entry["status"] != "ok":
                        continue
                    res = run_process(cmds[impl], args.timeout, env=env)
                    if impl == "coil-jit" and run_no == runs - 1 and not flag_rejected(res):
                        stats_cmd = cmds[impl][:2] + ["--jit-stats"] + cmds[impl][2:]
                        stats_res = run_process(stats_cmd, args.timeout, env=env)
                        if stats_res.exitcode == 0 and not stats_res.timed_out:
                            res.stderr = stats_res.stderr + res.stderr
                    if impl == "coil-jit" and flag_rejected(res):
                        reason = "coil rejected --trace-jit/--jit-stats: %s" % tail(res.stderr, 2).replace("\n", " ")
                        unavailable[impl] = reason
                        entry["status"] = "n/a"
                        entry["reason"] = reason
                        log("  coil-jit: flag rejected, column n/a from now on")
                        continue
                    err = None
                    if res.timed_out:
                        err = "timed out after %ss" % args.timeout
                    elif res.exitcode != 0:
                        err = "exited with status %d\n--- stderr (tail) ---\n%s" % (res.exitcode, tail(res.stderr))
                    elif impl == "cpython" and expected is None:
                        expected = res.stdout
                    elif res.stdout != expected:
                        err = "output differs from CPython:\n" + output_diff(expected, res.stdout, name, impl)
                    if err is None and impl == "cpython" and res.stdout != expected:
                        err = "cpython output not deterministic:\n" + output_diff(expected, res.stdout, name, impl)
                    if err is not None:
                        entry["status"] = "failed"
                        entry["reason"] = err
                        failures.append((name, impl, err))
                        log("FAIL %s [%s] (size %s, run %d): %s" % (name, impl, size, run_no + 1, err))
                        if not args.keep_going:
                            stop = True
                            break
                        if impl == "cpython":
                            # Without a reference nothing else can be checked.
                            for other in active:
                                if bench["impls"][other]["status"] == "ok":
                                    bench["impls"][other]["status"] = "failed"
                                    bench["impls"][other]["reason"] = "no CPython reference"
                        continue
                    run = {"wall": res.wall, "cpu": res.cpu, "rss_kib": res.rss_kib}
                    if impl == "coil-jit":
                        stats = parse_jit_stats(res.stderr)
                        if stats:
                            run["jit"] = stats
                    entry["runs"].append(run)
                    log("  %-8s run %d: %8.3fs wall %8.3fs cpu %8d KiB" % (impl, run_no + 1, res.wall, res.cpu, res.rss_kib))
                if stop:
                    break
            if stop:
                break
            if args.warmup:
                warmup_runs(bench, active, cmds, expected, env, args, name, failures)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    if hasattr(os, "getloadavg"):
        meta["load_end"] = list(os.getloadavg())

    return results, failures


_WARMUP_RE = re.compile(r"^warmup:\s+(\d+)\s+([0-9.eE+-]+)\s*$")


def parse_warmup(stderr):
    """Per-iteration seconds from `warmup: <iteration> <seconds>` lines."""
    times = []
    for line in stderr.splitlines():
        m = _WARMUP_RE.match(line.strip())
        if m:
            times.append(float(m.group(2)))
    return times


def warmup_runs(bench, active, cmds, expected, env, args, name, failures):
    """One extra run per implementation with BENCH_WARMUP=1 (C prints no lines)."""
    wenv = dict(env)
    wenv["BENCH_WARMUP"] = "1"
    for impl in active:
        entry = bench["impls"][impl]
        if entry["status"] != "ok" or impl == "c":
            continue
        res = run_process(cmds[impl], args.timeout, env=wenv)
        if res.exitcode != 0 or res.timed_out or (expected is not None and res.stdout != expected):
            why = "timed out" if res.timed_out else (
                "exited with status %d" % res.exitcode if res.exitcode != 0 else "output differs from CPython")
            entry["warmup_error"] = why
            failures.append((name, impl, "warm-up run (BENCH_WARMUP=1) " + why + "\n" + tail(res.stderr)))
            log("FAIL %s [%s] warm-up run: %s" % (name, impl, why))
            continue
        times = parse_warmup(res.stderr)
        entry["warmup"] = times
        st = steady_state(times)
        log("  %-8s warm-up: %d iterations%s" % (impl, len(times), (
            ", steady after %d (%.1f ms)" % (st["iters"], st["ms"]) if st and st["iters"] is not None else "")))


def steady_state(times):
    """Where a warm-up curve becomes steady (see STEADY_TOLERANCE/STEADY_RUN).

    steady = median of the last half of the iterations; the curve is steady
    from the first iteration i such that iterations i .. i+STEADY_RUN-1 (as
    many as exist) are all within STEADY_TOLERANCE of it.  Returns iters (how
    many iterations came before, None if never), ms (their total time),
    steady_ms (one steady iteration), first_ms, n."""
    if not times:
        return None
    n = len(times)
    steady = statistics.median(times[n // 2:])
    lo, hi = steady * (1 - STEADY_TOLERANCE), steady * (1 + STEADY_TOLERANCE)
    iters = None
    for i in range(n):
        window = times[i:i + STEADY_RUN]
        if all(lo <= t <= hi for t in window):
            iters = i
            break
    return {
        "iters": iters,
        "ms": sum(times[:iters]) * 1e3 if iters is not None else None,
        "steady_ms": steady * 1e3,
        "first_ms": times[0] * 1e3,
        "n": n,
    }


# ---------------------------------------------------------------------------
# Rendering (works from the JSON alone)
# ---------------------------------------------------------------------------

def median_of(entry, key):
    vals = [r[key] for r in entry.get("runs", []) if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def fmt_time(t):
    if t is None:
        return "n/a"
    if t < 0.1:
        return "%.1f ms" % (t * 1e3)
    return "%.3f s" % t


def fmt_speedup(s):
    if s is None:
        return "n/a"
    return "%.2fx" % s


def fmt_num(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float) and not v.is_integer():
        return "%.*f" % (digits, v)
    return "%d" % v


def jit_summary(entry):
    """JIT columns from the last run that reported stats."""
    for r in reversed(entry.get("runs", [])):
        if r.get("jit"):
            return jit_column_values(r["jit"]), r["jit"]
    return None, None


def status_cell(entry):
    st = entry.get("status")
    if st == "n/a":
        return "n/a"
    if st == "failed":
        return "FAILED"
    return None


CHART_TITLES = {"perf-speedup.svg": "speedup vs CPython", "perf-warmup.svg": "warm-up curves"}


def geomean(vals):
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


def fmt_ratio(r):
    return "%.2fx" % r if r < 10 else "%.0fx" % r


def render_goals(w, results, speedups, geomeans):
    """The suite's goals and where Coil stands, computed from the results."""
    benches = results["benchmarks"]
    impls = results["meta"]["impls"]

    def ok_entry(name, impl):
        e = benches[name]["impls"].get(impl, {})
        return e if e.get("status") == "ok" and e.get("runs") else None

    jit_ok = any(ok_entry(n, "coil-jit") for n in benches)
    no_jit = "n/a (no JIT yet)"
    w("## Goals\n")
    w("| goal | status | numbers |")
    w("|---|---|---|")

    # (a) JIT geomean >= PyPy geomean (over the programs both ran).
    common = [n for n in benches if n in speedups.get("coil-jit", {}) and n in speedups.get("pypy", {})]
    pypy_txt = ("PyPy %s (n=%d)" % (fmt_speedup(geomeans["pypy"][0]), geomeans["pypy"][1])
                if "pypy" in geomeans else "PyPy not measured")
    if jit_ok and common:
        gj = geomean([speedups["coil-jit"][n] for n in common])
        gp = geomean([speedups["pypy"][n] for n in common])
        status = "**met**" if gj >= gp else "not met"
        nums = "coil-jit %s vs PyPy %s (geometric mean speedup over CPython, %d programs both ran)" % (
            fmt_speedup(gj), fmt_speedup(gp), len(common))
    else:
        status = no_jit if not jit_ok else "n/a (PyPy not measured)"
        nums = "%s; interpreter %s" % (pypy_txt, (
            "%s (n=%d)" % (fmt_speedup(geomeans["coil"][0]), geomeans["coil"][1]) if "coil" in geomeans else "n/a"))
    w("| (a) Coil JIT geometric-mean speedup over CPython at least PyPy's | %s | %s |" % (status, nums))

    # (b) numeric kernels within 3x of C.
    def vs_c(impl):
        parts, worst, missing = [], 0.0, []
        for n in NUMERIC_KERNELS:
            if n not in benches:
                missing.append(n)
                continue
            ce, ie = ok_entry(n, "c"), ok_entry(n, impl)
            if not ce or not ie:
                missing.append(n)
                continue
            r = median_of(ie, "wall") / median_of(ce, "wall")
            worst = max(worst, r)
            parts.append("%s %s" % (n, fmt_ratio(r)))
        return parts, worst, missing
    if jit_ok:
        parts, worst, missing = vs_c("coil-jit")
        if missing:
            status = "not met" if worst > 3 else "n/a (missing: %s)" % ", ".join(missing)
        else:
            status = "**met**" if worst <= 3 else "not met"
        nums = "coil-jit time / C time: " + ", ".join(parts)
    else:
        parts, worst, missing = vs_c("coil")
        status = no_jit
        nums = "interpreter time / C time: " + (", ".join(parts) if parts else "n/a")
    if missing:
        nums += " (no measurement: %s)" % ", ".join(missing)
    w("| (b) numeric kernels (%s) within 3x of C | %s | %s |" % (", ".join(NUMERIC_KERNELS), status, nums))

    # (c) interpreter no slower than CPython anywhere.
    sp = speedups.get("coil", {})
    if sp:
        slower = sorted((v, n) for n, v in sp.items() if v < 1.0)
        failed = [n for n in benches if benches[n]["impls"].get("coil", {}).get("status") == "failed"]
        status = "**met**" if not slower and not failed else "not met"
        if slower:
            nums = "slower on %d of %d: %s" % (len(slower), len(sp), ", ".join(
                "%s %s" % (n, fmt_speedup(v)) for v, n in slower))
        else:
            slowest = min(sp, key=sp.get)
            nums = "no slower on all %d (slowest: %s %s)" % (len(sp), slowest, fmt_speedup(sp[slowest]))
        if failed:
            nums += "; FAILED: %s" % ", ".join(failed)
    else:
        status, nums = "n/a", "interpreter not measured"
    w("| (c) Coil interpreter no slower than CPython on any program | %s | %s |" % (status, nums))

    # (d) peak RSS <= CPython's on every program; JIT code + metadata apart.
    def rss(name, impl):
        e = ok_entry(name, impl)
        return max(r["rss_kib"] for r in e["runs"]) if e else None
    cells = []
    overall = []
    for impl in ("coil", "coil-jit"):
        if impl not in impls:
            continue
        if impl == "coil-jit" and not jit_ok:
            cells.append("coil-jit n/a (no JIT yet)")
            continue
        over = []
        n_cmp = 0
        for n in benches:
            a, c = rss(n, impl), rss(n, "cpython")
            if a is None or c is None:
                continue
            n_cmp += 1
            if a > c:
                over.append((a / c, n))
        over.sort(reverse=True)
        overall.append(not over and n_cmp > 0)
        txt = "%s above CPython on %d of %d" % (impl, len(over), n_cmp)
        if over:
            txt += ": " + ", ".join("%s %.1fx" % (n, r) for r, n in over[:8]) + (" ..." if len(over) > 8 else "")
        if impl == "coil-jit":
            code = []
            for n in benches:
                e = ok_entry(n, impl)
                jit, _ = jit_summary(e) if e else (None, None)
                if jit and (jit.get("code bytes") or jit.get("meta bytes")):
                    code.append((jit.get("code bytes") or 0) + (jit.get("meta bytes") or 0))
            txt += "; JIT code + metadata: %s" % (
                "max %.1f KiB over %d programs" % (max(code) / 1024.0, len(code)) if code else "not reported")
        cells.append(txt)
    if not overall:
        status = "n/a"
    else:
        status = "**met**" if all(overall) else "not met"
    w("| (d) peak memory at most CPython's on every program (JIT code + metadata reported apart) | %s | %s |" % (
        status, "; ".join(cells) if cells else "n/a"))
    w("")
    w("Speedups are CPython's median wall time over the implementation's (whole "
      "process, startup included); memory is peak RSS. Goals (a) and (b) are for "
      "`coil --trace-jit`; until that flag exists they show the interpreter's numbers "
      "for reference.\n")


def render_warmup(w, results, charts=()):
    benches = results["benchmarks"]
    impls = [i for i in results["meta"]["impls"] if i != "c"]
    have = [i for i in impls if any(b["impls"].get(i, {}).get("warmup") for b in benches.values())]
    if not have:
        return
    w("## Warm-up\n")
    w("One extra run per implementation with `BENCH_WARMUP=1`: each program then prints the "
      "time of every outer iteration (`warmup: <i> <seconds>` on stderr, `time.perf_counter`). "
      "**Steady** time = median of the last half of the iterations; an implementation "
      "reaches steady speed at the first iteration i such that iterations i..i+%d are all "
      "within %d%% of it. Cells: iterations before that / milliseconds spent in them "
      "(steady iteration time in ms); *never* if it does not settle; the first "
      "iteration's time is in the chart." % (STEADY_RUN - 1, round(STEADY_TOLERANCE * 100)))
    w("")
    w("| benchmark | iters | " + " | ".join(have) + " |")
    w("|---|---:|" + "---:|" * len(have))
    totals = {i: [] for i in have}
    for name, b in benches.items():
        cells = []
        n_iter = None
        for impl in have:
            st = steady_state(b["impls"].get(impl, {}).get("warmup") or [])
            if not st:
                cells.append("n/a")
                continue
            n_iter = st["n"]
            if st["iters"] is None:
                cells.append("never (%.1f)" % st["steady_ms"])
            else:
                cells.append("%d / %.0f ms (%.2f)" % (st["iters"], st["ms"], st["steady_ms"]))
                totals[impl].append(st["iters"])
        w("| %s | %s | %s |" % (name, n_iter if n_iter is not None else "", " | ".join(cells)))
    w("| **programs steady after 0 / <=2 iterations** | | %s |" % " | ".join(
        "%d / %d of %d" % (sum(1 for t in totals[i] if t == 0), sum(1 for t in totals[i] if t <= 2), len(totals[i]))
        for i in have))
    w("")
    w("Iterations are sized to cost the same amount of work (1/40 of the loop, "
      "every 40th row, one scheduler run, ...); pidigits' iterations get dearer as "
      "the numbers grow and go's depend on the position, so their curves never flatten "
      "completely.\n")
    if "perf-warmup.svg" in charts:
        w("![warm-up curves: time per iteration](perf-warmup.svg)\n")


def render(results, charts=()):
    meta = results["meta"]
    impls = meta["impls"]
    out = []
    w = out.append
    w("# Coil performance report\n")
    w("Generated by `python3 bench/run.py` (raw data: `bench/results.json`; "
      "re-render with `python3 bench/run.py --render-only`).\n")
    m = meta.get("machine", {})
    w("- Date: %s" % meta.get("date"))
    w("- Git commit: `%s`" % meta.get("commit"))
    w("- Machine: %s, %s cores%s, %s" % (m.get("cpu"), m.get("cores"),
                                          ", " + m["memory"] if m.get("memory") else "", m.get("os")))
    w("- python3: %s" % (meta.get("python3") or "n/a"))
    w("- pypy3: %s" % (meta.get("pypy3") or "n/a"))
    w("- C compiler: %s (`cc -O2 -ffp-contract=off ... -lm`)" % (meta.get("cc") or "n/a"))
    if meta.get("rss_method"):
        w("- Peak RSS measured by: %s" % meta["rss_method"])
    if meta.get("load_start") or meta.get("load_end"):
        fmt_load = lambda l: "/".join("%.2f" % x for x in l) if l else "?"
        w("- Load average (1/5/15 min) at start %s, at end %s on %s cores (the runner's own "
          "benchmark process counts for about 1; more means other work shared the machine)"
          % (fmt_load(meta.get("load_start")), fmt_load(meta.get("load_end")), m.get("cores")))
    if meta.get("load_note"):
        w("- Load during the run: %s" % meta["load_note"])
    w("- Runs per implementation: %s (alternating implementations run by run); "
      "times are medians of wall-clock time" % meta.get("runs"))
    w("")

    benches = results["benchmarks"]
    speedups = {impl: {} for impl in impls}
    for name, b in benches.items():
        base = median_of(b["impls"].get("cpython", {}), "wall")
        for impl in impls:
            e = b["impls"].get(impl, {})
            t = median_of(e, "wall") if e.get("status") == "ok" else None
            if base and t:
                speedups[impl][name] = base / t

    geomeans = {}
    for impl in impls:
        vals = list(speedups[impl].values())
        if vals:
            geomeans[impl] = (geomean(vals), len(vals))

    render_goals(w, results, speedups, geomeans)

    if "perf-speedup.svg" in charts:
        w("![speedup vs CPython per benchmark](perf-speedup.svg)\n")
    if charts:
        w("Charts (drawn by `bench/plot` from `bench/results.json`): " + " · ".join(
            "[%s](%s)" % (CHART_TITLES.get(c, c), c) for c in charts) + "\n")

    # Summary table.
    w("## Summary: speedup vs CPython (higher is better)\n")
    w("| benchmark | size | " + " | ".join(impls) + " |")
    w("|---|---:|" + "---:|" * len(impls))
    for name, b in benches.items():
        cells = []
        for impl in impls:
            e = b["impls"].get(impl, {})
            sc = status_cell(e)
            cells.append(sc if sc else fmt_speedup(speedups[impl].get(name)))
        w("| %s | %s | %s |" % (name, b.get("size"), " | ".join(cells)))
    geo = []
    for impl in impls:
        if impl in geomeans:
            g, k = geomeans[impl]
            geo.append("**%s** (%d)" % (fmt_speedup(g), k))
        else:
            geo.append("n/a")
    w("| **geometric mean** (n) | | %s |" % " | ".join(geo))
    w("")

    render_warmup(w, results, charts)

    # Per-benchmark tables.
    w("## Per-benchmark results\n")
    for name, b in benches.items():
        w("### %s (size %s)\n" % (name, b.get("size")))
        w("| implementation | median wall | min wall | median CPU | speedup vs CPython | peak RSS | traces | compile ms | code bytes | meta bytes |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        notes = []
        for impl in impls:
            e = b["impls"].get(impl, {})
            sc = status_cell(e)
            if sc:
                w("| %s | %s | | | | | | | | |" % (impl, sc))
                reason = (e.get("reason") or "").strip()
                if reason:
                    first = reason.splitlines()[0]
                    notes.append("%s: %s" % (impl, first))
                continue
            if not e.get("runs"):
                continue
            walls = [r["wall"] for r in e["runs"]]
            rss = max(r["rss_kib"] for r in e["runs"])
            jit, raw = jit_summary(e)
            if jit:
                jc = [fmt_num(jit.get("traces"), 0), fmt_num(jit.get("compile ms"), 2),
                      fmt_num(jit.get("code bytes"), 0), fmt_num(jit.get("meta bytes"), 0)]
            else:
                jc = ["", "", "", ""]
            w("| %s | %s | %s | %s | %s | %.1f MiB | %s |" % (
                impl, fmt_time(statistics.median(walls)), fmt_time(min(walls)),
                fmt_time(median_of(e, "cpu")), fmt_speedup(speedups[impl].get(name)),
                rss / 1024.0, " | ".join(jc)))
            if raw:
                extra = {k: v for k, v in raw.items()}
                notes.append("%s jit stats: %s" % (impl, " ".join("%s=%s" % kv for kv in sorted(extra.items()))))
        if notes:
            w("")
            for n in notes:
                w("- " + n)
        w("")

    w("## Columns\n")
    w("- **median wall / min wall**: wall-clock time of the whole process "
      "(startup included), median and minimum over the runs.")
    w("- **median CPU**: user+system CPU time of the child process (from `wait4` rusage).")
    w("- **speedup vs CPython**: CPython median wall time / this implementation's "
      "median wall time (>1 means faster than CPython).")
    w("- **peak RSS**: maximum resident set size of the child (`ru_maxrss`), largest over the runs.")
    w("- **traces / compile ms / code bytes / meta bytes**: from the `jit:` lines coil prints on "
      "stderr in one more run with `--jit-stats` after the timed runs, which run without it "
      "(its counting of interpreted bytecodes would slow them); blank when not reported. Code bytes are the "
      "machine code, meta bytes the JIT's other data (trace IR, snapshots and, from session 23, resume points).")
    w("- **n/a**: implementation not available (not installed, flag not supported, "
      "no native version); **FAILED**: crashed, timed out, or printed output "
      "different from CPython's.")
    w("")
    return "\n".join(out)


# ---------------------------------------------------------------------------

def draw_charts(results_path, out_dir):
    """Run bench/plot (a separate Rust crate) to draw the SVG charts.

    Returns the chart file names that exist afterwards; skips with a note
    when cargo is missing or the build fails."""
    names = ["perf-speedup.svg", "perf-warmup.svg"]
    manifest = os.path.join(BENCH_DIR, "plot", "Cargo.toml")
    if not shutil.which("cargo"):
        log("note: cargo not found, charts not drawn (the report links the existing ones)")
    else:
        cmd = ["cargo", "run", "--quiet", "--release", "--manifest-path", manifest, "--",
               results_path, out_dir]
        log("drawing charts: %s" % " ".join(cmd))
        r = subprocess.run(cmd, cwd=REPO_ROOT)
        if r.returncode != 0:
            log("note: bench/plot failed (exit %d), charts not redrawn" % r.returncode)
    return [n for n in names if os.path.exists(os.path.join(out_dir, n))]


def write_report(results, args):
    """Render --out, keeping whatever follows the analysis marker in the old file."""
    out = os.path.abspath(args.out)
    out_dir = os.path.dirname(out)
    os.makedirs(out_dir, exist_ok=True)
    charts = [] if args.no_charts else draw_charts(os.path.abspath(args.results), out_dir)
    analysis = None
    if os.path.exists(out):
        with open(out) as f:
            old = f.read()
        k = old.find(ANALYSIS_MARKER)
        if k >= 0:
            analysis = old[k:]
    text = render(results, charts)
    if analysis:
        text = text.rstrip("\n") + "\n\n" + analysis
    with open(out, "w") as f:
        f.write(text if text.endswith("\n") else text + "\n")
    log("wrote %s%s" % (out, " (kept the analysis after %s)" % ANALYSIS_MARKER if analysis else ""))


def main():
    ap = argparse.ArgumentParser(description="Coil benchmark runner")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes, one run, output checks only, no report")
    ap.add_argument("--runs", type=int, default=5, help="runs per implementation (default 5)")
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--impls", help="comma-separated implementations (default: %s)" % ",".join(ALL_IMPLS))
    ap.add_argument("--coil", help="use this coil executable instead of building with cargo")
    ap.add_argument("--python", default="python3", help="reference CPython (default python3)")
    ap.add_argument("--size", type=int, help="override the size argument for every benchmark")
    ap.add_argument("--out", default=os.path.join(REPO_ROOT, "docs", "perf.md"),
                    help="markdown report path (default docs/perf.md)")
    ap.add_argument("--results", default=os.path.join(BENCH_DIR, "results.json"),
                    help="JSON results path (default bench/results.json)")
    ap.add_argument("--render-only", action="store_true",
                    help="re-render --out from --results without running anything")
    ap.add_argument("--keep-going", action="store_true",
                    help="report failures and continue (exit status is still nonzero)")
    ap.add_argument("--timeout", type=float, default=600.0, help="per-run timeout in seconds")
    ap.add_argument("--no-install", action="store_true",
                    help="do not try `apt-get install pypy3` when pypy3 is missing")
    ap.add_argument("--list", action="store_true", help="list benchmarks and sizes")
    ap.add_argument("--warmup", action="store_true",
                    help="one extra run per implementation with BENCH_WARMUP=1, recording per-iteration times")
    ap.add_argument("--no-charts", action="store_true",
                    help="do not run bench/plot to draw docs/perf-*.svg")
    args = ap.parse_args()

    if args.list:
        for name, d, q in BENCHMARKS:
            exists = os.path.exists(os.path.join(BENCH_DIR, name + ".py"))
            native = os.path.exists(os.path.join(NATIVE_DIR, name + ".c"))
            print("%-16s default %-8s quick %-7s %s%s" % (
                name, d, q, "" if exists else "(missing) ", "(native C)" if native else ""))
        return 0

    if args.render_only:
        with open(args.results) as f:
            results = json.load(f)
        write_report(results, args)
        return 0

    if args.runs < 1:
        ap.error("--runs must be >= 1")

    results, failures = measure(args)

    if not args.quick:
        with open(args.results, "w") as f:
            json.dump(results, f, indent=1, sort_keys=False)
            f.write("\n")
        log("wrote %s" % args.results)
        write_report(results, args)

    # Console summary.
    impls = results["meta"]["impls"]
    log("")
    log("%-16s " % "benchmark" + " ".join("%-9s" % i for i in impls))
    for name, b in results["benchmarks"].items():
        cells = []
        for impl in impls:
            e = b["impls"].get(impl, {})
            if e.get("status") == "ok" and e.get("runs"):
                cells.append("%-9s" % ("%.3fs" % median_of(e, "wall")))
            else:
                cells.append("%-9s" % {"ok": "-", "n/a": "n/a", "failed": "FAILED"}.get(e.get("status"), "-"))
        log("%-16s " % name + " ".join(cells))

    if failures:
        log("")
        log("%d FAILURE(S):" % len(failures))
        for name, impl, err in failures:
            log("--- %s [%s] ---" % (name, impl))
            log(err.rstrip())
        return 1
    log("all outputs match CPython")
    return 0


if __name__ == "__main__":
    sys.exit(main())
