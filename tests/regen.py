#!/usr/bin/env python3
"""Regenerate expected outputs for differential test programs.

Usage:
    python3 tests/regen.py              # all programs under tests/programs/*/*.py
    python3 tests/regen.py FILE...      # only the given programs

For each program <name>.py (names starting with '_' are helpers and skipped),
runs `python3 <name>.py` with cwd = the program's directory,
PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, stdin from <name>.in if present
(else /dev/null), and a 20 s timeout. Writes:

  <name>.out     stdout bytes exactly
  <name>.status  exit code on the first line; if nonzero, a second line with
                 the last non-empty line of stderr
  <name>.err     full stderr, only for area 'tracebacks' with nonzero exit
                 (otherwise any stale .err is removed); the program's directory
                 is written as <DIR> so the file does not depend on the checkout
"""
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PROGRAMS = TESTS / "programs"
TIMEOUT = 20


def find_programs(args):
    if not args:
        return sorted(
            p for p in PROGRAMS.glob("*/*.py") if not p.name.startswith("_")
        )
    out = []
    for a in args:
        p = Path(a).resolve()
        if p.suffix != ".py":
            # allow passing the .out/.in/.status or a stem
            p = p.with_suffix(".py")
        if not p.exists():
            print(f"regen: no such program: {a}", file=sys.stderr)
            continue
        if p.name.startswith("_"):
            print(f"regen: skipping helper module: {a}", file=sys.stderr)
            continue
        out.append(p)
    return out


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def regen(prog):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    stem = prog.with_suffix("")
    inp = stem.with_suffix(".in")
    stdin = open(inp, "rb") if inp.exists() else open(os.devnull, "rb")
    try:
        proc = subprocess.run(
            ["python3", prog.name],
            cwd=str(prog.parent),
            env=env,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        print(f"regen: TIMEOUT {prog}", file=sys.stderr)
        return None
    finally:
        stdin.close()
    stem.with_suffix(".out").write_bytes(proc.stdout)
    status = f"{proc.returncode}\n"
    if proc.returncode != 0:
        status += last_nonempty_line(proc.stderr) + "\n"
    stem.with_suffix(".status").write_text(status, encoding="utf-8")
    err = stem.with_suffix(".err")
    area = prog.parent.name
    if area == "tracebacks" and proc.returncode != 0:
        # Tracebacks name the script by absolute path; keep the file portable.
        err.write_bytes(proc.stderr.replace(str(prog.parent).encode() + b"/", b"<DIR>/"))
    elif err.exists():
        err.unlink()
    return proc.returncode


def main(argv):
    progs = find_programs(argv[1:])
    ok = failed = timeouts = 0
    for p in progs:
        rc = regen(p)
        if rc is None:
            timeouts += 1
        elif rc == 0:
            ok += 1
        else:
            failed += 1
    print(
        f"regen: {len(progs)} programs: {ok} exit 0, {failed} nonzero exit, "
        f"{timeouts} timeouts"
    )
    return 1 if timeouts else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
