#!/usr/bin/env python3
"""The yardstick: CPython's own test files (Debian's libpython3.11-testsuite,
/usr/lib/python3.11/test) run through unittest under Coil and under CPython,
side by side.

    python3 tests/cpython/run.py                  # every listed file, report on stdout
    python3 tests/cpython/run.py --write          # ... and into docs/conformance.md
    python3 tests/cpython/run.py test_int test_list --details
    python3 tests/cpython/run.py --coil-arg=--trace-jit --jobs 2

Each file runs in its own process (driver.py) with a timeout, in a fresh
temporary directory, once under CPython and once under Coil. The test methods
CPython reports are the denominator: a test Coil never reports (its process
crashed, hung or the module did not import) counts as an error, so a crash
costs that file but does not stop the run.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DRIVER = os.path.join(HERE, "driver.py")
TESTDIR = "/usr/lib/python3.11/test"

# The list of issue 17 (its test_str is test_unicode in 3.11); it grows as files pass.
FILES = """
test_grammar test_int test_long test_float test_complex test_bool test_list
test_tuple test_dict test_set test_string test_unicode test_bytes test_slice
test_range test_math test_exceptions test_class test_descr test_scope
test_generators test_coroutines test_contextlib test_with test_builtin
test_itertools test_functools test_collections test_operator test_random
test_struct test_re test_json test_enum test_dataclasses test_typing
test_patma test_format test_fstring test_unpack test_augassign test_compare
test_richcmp test_iter test_keywordonlyarg test_named_expressions test_raise
test_sort test_heapq test_bisect test_weakref
""".split()

OUTCOMES = ("pass", "fail", "error", "skip")


def run_one(cmd, name, timeout, verbose):
    """Runs driver.py on test file `name`; returns (outcomes, note, messages)."""
    with tempfile.TemporaryDirectory(prefix="coil-cpython-") as tmp:
        env = dict(os.environ)
        env["TMPDIR"] = tmp
        env.pop("PYTHONPATH", None)
        args = cmd + [DRIVER, name] + (["-v"] if verbose else [])
        start = time.monotonic()
        try:
            p = subprocess.run(args, cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout)
            out, err, code = p.stdout, p.stderr, p.returncode
            note = None
        except subprocess.TimeoutExpired as e:
            out, err, code = e.stdout or b"", e.stderr or b"", None
            note = f"timed out after {timeout}s"
        secs = time.monotonic() - start
    outcomes = {}
    messages = {}
    done = False
    import_error = None
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("@@@ "):
            _, tid, *msg = line.split(" ", 2)
            messages.setdefault(tid, msg[0] if msg else "")
            if tid == "import":
                import_error = msg[0] if msg else ""
            continue
        if not line.startswith("@@ "):
            continue
        parts = line.split(" ", 2)
        if parts[1] == "done":
            done = True
            continue
        if len(parts) == 3 and parts[1] in OUTCOMES:
            tid = parts[2]
            if tid.startswith("unittest.loader._FailedTest."):
                import_error = import_error or messages.get(tid, "")
            outcomes[tid] = parts[1]
    if note is None and not done:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        note = f"exited with status {code} before the end: {tail[0][:160]}"
    if import_error is not None and note is None:
        last = (import_error.strip().splitlines() or [""])[-1]
        note = ("module import failed: " + last[-200:]).strip()
    return outcomes, note, messages, secs


def compare(name, cpy, coil):
    """Counts of (CPython, Coil) outcomes over CPython's test methods."""
    c_out, _, _, _ = cpy
    k_out, _, _, _ = coil
    ccount = dict.fromkeys(OUTCOMES, 0)
    kcount = dict.fromkeys(OUTCOMES, 0)
    for tid, o in c_out.items():
        ccount[o] += 1
        kcount[k_out.get(tid, "error")] += 1
    for tid, o in k_out.items():
        if tid not in c_out and o in ("fail", "error"):
            kcount[o] += 1
    return ccount, kcount


def fmt(c):
    return f"{c['pass']} / {c['fail']} / {c['error']} / {c['skip']}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help="test files (default: the list)")
    ap.add_argument("--coil", default=os.path.join(ROOT, "target", "release", "coil"))
    ap.add_argument("--coil-arg", action="append", default=[],
                    help="an extra argument for coil, e.g. --coil-arg=--trace-jit")
    # Debian's own CPython 3.11 runs the same Lib/test files Coil runs
    ap.add_argument("--python", default="/usr/bin/python3.11"
                    if os.path.exists("/usr/bin/python3.11") else "python3")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per file and run")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="write docs/conformance.md")
    ap.add_argument("--floor", metavar="FILE",
                    help="lines 'test_x N': fail (exit 1) when Coil passes fewer than N "
                         "tests of test_x (CI's regression check)")
    ap.add_argument("--details", action="store_true",
                    help="print each failing test with its first message")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(TESTDIR, "test_int.py")):
        sys.exit(f"{TESTDIR} is missing: install Debian's libpython3.11-testsuite")
    files = args.files or FILES
    # each file runs in its own temporary directory, so a relative path would not resolve
    coil_cmd = [os.path.abspath(args.coil)] + args.coil_arg
    py_cmd = [args.python]

    def job(name):
        cpy = run_one(py_cmd, name, args.timeout, False)
        coil = run_one(coil_cmd, name, args.timeout, args.details)
        return name, cpy, coil

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for name, cpy, coil in ex.map(job, files):
            results[name] = (cpy, coil)
            ccount, kcount = compare(name, cpy, coil)
            total = sum(ccount.values())
            print(f"{name:28} CPython {fmt(ccount):22} Coil {fmt(kcount):22} "
                  f"({coil[3]:.1f}s) {coil[1] or ''}", flush=True)
            if args.details:
                for tid, o in sorted(coil[0].items()):
                    if o in ("fail", "error") and cpy[0].get(tid) == "pass":
                        print(f"    {o:5} {tid}: {coil[2].get(tid, '')[:240]}")
                for tid in sorted(set(cpy[0]) - set(coil[0])):
                    print(f"    never reported: {tid}")

    rows = []
    tot_c = dict.fromkeys(OUTCOMES, 0)
    tot_k = dict.fromkeys(OUTCOMES, 0)
    for name in files:
        cpy, coil = results[name]
        ccount, kcount = compare(name, cpy, coil)
        for o in OUTCOMES:
            tot_c[o] += ccount[o]
            tot_k[o] += kcount[o]
        total = sum(ccount.values())
        pct = f"{100 * kcount['pass'] / total:.0f}%" if total else "-"
        note = (coil[1] or "").replace("|", "\\|")
        rows.append(f"| {name} | {total} | {fmt(ccount)} | {fmt(kcount)} | {pct} | {note} |")
    total = sum(tot_c.values())
    pct = f"{100 * tot_k['pass'] / total:.1f}%" if total else "-"
    rows.append(f"| **all {len(files)} files** | {total} | {fmt(tot_c)} | {fmt(tot_k)} | {pct} | |")
    table = "\n".join([
        "| file | tests | CPython pass / fail / error / skip | Coil pass / fail / error / skip | Coil passes | note |",
        "|---|---|---|---|---|---|",
    ] + rows)
    print()
    print(table)
    print(f"\nCoil passes {tot_k['pass']} of {total} test methods ({pct}); "
          f"CPython passes {tot_c['pass']}.")
    if args.floor:
        low = []
        with open(args.floor) as f:
            for line in f:
                line = line.split("#")[0].split()
                if len(line) == 2 and line[0] in results:
                    got = compare(line[0], *results[line[0]])[1]["pass"]
                    if got < int(line[1]):
                        low.append(f"{line[0]}: {got} passed, the floor is {line[1]}")
        if low:
            print("\nbelow the floor:\n  " + "\n  ".join(low))
            sys.exit(1)
        print("\nevery file at or above its floor")
    if args.write:
        path = os.path.join(ROOT, "docs", "conformance.md")
        with open(path) as f:
            doc = f.read()
        begin, end = "<!-- table begin -->", "<!-- table end -->"
        i, j = doc.index(begin) + len(begin), doc.index(end)
        flags = " ".join(args.coil_arg) or "none"
        stamp = (f"\n\nCoil flags: {flags}; timeout {args.timeout}s per file; "
                 f"{time.strftime('%Y-%m-%d', time.gmtime())}.\n\n")
        with open(path, "w") as f:
            f.write(doc[:i] + stamp + table + "\n\n" + doc[j:])
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
