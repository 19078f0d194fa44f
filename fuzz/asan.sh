#!/usr/bin/env bash
# AddressSanitizer run (issue 15, "No Python input crashes Coil"): builds coil with
# nightly's -Zsanitizer=address and runs under it
#   1. every program in tests/programs in tests/programs.rs's seven modes
#      (interpreter, JIT, JIT at hot thresholds 1, four chaos modes), and in the
#      interpreter and JIT at hot thresholds 1 with a collection at every safepoint
#      (COIL_GC_STRESS=1); ASAN_MODES=interp,jit,... picks modes;
#   2. tests/native_surface.py's seeded samples of hostile calls (seeds 1 and 2, as
#      tests/natives.rs), plus, with ASAN_SURFACE=full, every target of the full
#      surface in a process of its own (`--drive`, long);
#   3. the checked-in corpus of every cargo-fuzz target, replayed once by cargo fuzz
#      (which builds with ASan itself, in fuzz/target); ASAN_CORPORA=0 skips it.
# ASAN_PROGRAMS=0 and ASAN_SURFACE=0 skip steps 1 and 2.
# Any AddressSanitizer report fails the run, and so does a crash, a hang, a Rust
# panic (`SystemError: internal error`) or a program whose output differs from
# CPython's expected output (tests/known_failures.txt aside).
#
# Not part of .ci/run: it takes longer than CI's budget allows (docs/fuzzing.md
# records the last run). Needs nightly (`rustup toolchain install nightly`) and, for
# step 3, cargo-fuzz. ASAN_JOBS (default: the number of cores) runs programs in
# parallel; ASAN_FILTER=substring runs only matching programs.
#
# Swept objects are freed at once under this script (COIL_GC_FREE=1) instead of
# being kept for reuse (or quarantined under COIL_GC_STRESS), so a use of a collected
# object is a reported use after free.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

host="$(rustc -vV | sed -n 's/^host: //p')"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
coil="$target_dir/$host/release/coil"
jobs="${ASAN_JOBS:-$(nproc)}"

# The VM keeps interned objects until exit: LeakSanitizer's report is no finding.
# A distinct exit status tells an ASan report from a Python error's status 1.
export ASAN_OPTIONS="detect_leaks=0:exitcode=86:abort_on_error=0:handle_abort=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export COIL_GC_FREE=1

echo "== build $coil (nightly, -Zsanitizer=address, no mimalloc)"
# --target keeps the sanitizer flag away from build scripts and proc macros
RUSTFLAGS="-Zsanitizer=address ${RUSTFLAGS:-}" \
    cargo +nightly build --release --no-default-features --target "$host" --bin coil
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src guards asm deopt || echo '+changes')"
echo "== commit $commit"

fail=0
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

if [ "${ASAN_PROGRAMS:-1}" = 1 ]; then
echo "== programs (jobs: $jobs)"
python3 - "$coil" "$jobs" "$scratch" <<'EOF' || fail=1
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

coil, jobs, scratch = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# tests/programs.rs's seven modes, and two with a collection at every safepoint
modes = {
    "interp": ([], {}),
    "jit": (["--trace-jit"], {}),
    "jit-hot1": (["--trace-jit", "--jit-hotloop=1", "--jit-hotexit=1"], {}),
    "jit-chaos": (["--trace-jit", "--jit-hotloop=1", "--jit-chaos=7:0.05"], {}),
    "jit-chaos1": (["--trace-jit", "--jit-hotloop=1", "--jit-chaos=3:1"], {}),
    "jit-chaos-b": (["--trace-jit", "--jit-hotloop=1", "--jit-chaos=11:0.2"], {}),
    "jit-chaos-c": (["--trace-jit", "--jit-hotloop=2", "--jit-chaos=29:0.01",
                     "--jit-opt=-ifconv"], {}),
    "interp-gc-stress": ([], {"COIL_GC_STRESS": "1"}),
    "jit-hot1-gc-stress": (["--trace-jit", "--jit-hotloop=1", "--jit-hotexit=1"],
                           {"COIL_GC_STRESS": "1"}),
}
only = os.environ.get("ASAN_MODES")
if only:
    modes = {k: v for k, v in modes.items() if k in only.split(",")}
known = set()
for line in open("tests/known_failures.txt"):
    line = line.split("#")[0].strip()
    if line and not line.endswith("[aarch64]"):
        known.add(line.replace("[no-gc-stress]", "").strip())
flt = os.environ.get("ASAN_FILTER", "")
progs = sorted(
    os.path.join(d, f)
    for d, _, fs in os.walk("tests/programs")
    for f in fs
    if f.endswith(".py") and os.path.exists(os.path.join(d, f[:-3] + ".out"))
)
progs = [p for p in progs if flt in p]

def run(job):
    prog, mode = job
    d, f = os.path.split(prog)
    stem = prog[:-3]
    stdin = open(stem + ".in", "rb") if os.path.exists(stem + ".in") else subprocess.DEVNULL
    t = time.time()
    try:
        args, env = modes[mode]
        p = subprocess.run([coil, *args, f], cwd=d, stdin=stdin, capture_output=True,
                           timeout=600, env={**os.environ, **env})
    except subprocess.TimeoutExpired:
        return prog, mode, "timeout after 600 s", time.time() - t
    err = p.stderr.decode("utf-8", "replace")
    if "AddressSanitizer" in err or p.returncode == 86:
        i = err.find("=================")
        return prog, mode, "ASan report:\n" + err[i if i >= 0 else 0:][:6000], time.time() - t
    if p.returncode < 0:
        return prog, mode, f"killed by signal {-p.returncode}", time.time() - t
    if "SystemError: internal error" in err:
        return prog, mode, "Rust panic: " + err.strip().splitlines()[-1], time.time() - t
    rel = os.path.relpath(prog, "tests/programs")
    if p.stdout != open(stem + ".out", "rb").read() and rel not in known \
            and f"{rel} [{mode.replace('-gc-stress', '')}]" not in known:
        return prog, mode, "stdout differs from CPython's", time.time() - t
    return prog, mode, None, time.time() - t

jobs_list = [(p, m) for p in progs for m in modes]
bad = 0
start = time.time()
with ThreadPoolExecutor(jobs) as ex:
    for prog, mode, err, secs in ex.map(run, jobs_list):
        if err:
            bad += 1
            print(f"FAIL {prog} [{mode}] ({secs:.0f} s): {err}", flush=True)
print(f"programs: {len(jobs_list)} runs of {len(progs)} programs, {bad} failed, "
      f"{time.time() - start:.0f} s")
sys.exit(1 if bad else 0)
EOF
fi

if [ "${ASAN_SURFACE:-1}" != 0 ]; then
echo "== native surface samples"
for seed in 1 2; do
    out="$scratch/surface-$seed.txt"
    status=0
    "$coil" tests/native_surface.py --sample "$seed" 4 >"$out" 2>"$out.err" || status=$?
    calls=$(wc -l <"$out")
    if grep -q AddressSanitizer "$out.err" || [ "$status" != 0 ]; then
        echo "FAIL surface sample $seed: exit status $status after $calls calls"
        sed -n '/=================/,$p' "$out.err" | head -80
        tail -3 "$out.err"
        fail=1
    elif grep -q ': SystemError$' "$out"; then
        echo "FAIL surface sample $seed: Rust panics"
        grep ': SystemError$' "$out" | head
        fail=1
    else
        echo "surface sample $seed: $calls calls, clean"
    fi
done
fi
if [ "${ASAN_SURFACE:-}" = full ]; then
    for extra in "" --modules; do
        out="$scratch/surface-full$extra.txt"
        # --drive prints the targets that crashed or hung; ASan reports end in a
        # nonzero status, which it counts as a crash
        python3 tests/native_surface.py $extra --drive "$coil" "$out" | tee "$out.log"
        if ! grep -q '^crashed or hung: 0$' "$out.log" || grep -q ': SystemError$' "$out"; then
            echo "FAIL full surface $extra"
            fail=1
        fi
    done
fi

if [ "${ASAN_CORPORA:-1}" = 1 ]; then
    echo "== fuzz corpora (cargo fuzz, ASan)"
    for t in frontend trace_exits deopt_programs regalloc natives; do
        # trace_exits has no checked-in corpus (deopt/tests/exits.rs runs a
        # seeded set of it)
        if [ ! -d "fuzz/corpus/$t" ]; then
            echo "corpus $t: none checked in"
            continue
        fi
        # the fuzz crate's own target directory, which fuzz/ci.sh builds too
        if ! (cd fuzz && env -u CARGO_TARGET_DIR cargo +nightly fuzz run "$t" "corpus/$t" -- -runs=0 -timeout=120 \
            -detect_leaks=0 -rss_limit_mb=4096) >"$scratch/fuzz-$t.log" 2>&1; then
            echo "FAIL corpus $t"
            grep -A40 'ERROR: \|panicked\|deadly signal' "$scratch/fuzz-$t.log" | head -80
            fail=1
        else
            echo "corpus $t: $(grep -o 'Done [0-9]* runs' "$scratch/fuzz-$t.log" | tail -1), clean"
        fi
    done
fi

if [ "$fail" = 0 ]; then
    echo "== asan.sh: clean at $commit"
else
    echo "== asan.sh: FAILED at $commit"
fi
exit "$fail"
