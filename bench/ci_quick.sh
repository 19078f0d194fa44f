#!/bin/sh
# Quick benchmark check for CI: every program at its small size under the
# Coil interpreter and CPython (and C where a version exists and cc is
# installed), outputs compared with CPython's, including the BENCH_WARMUP=1
# runs.  Writes no report; exits nonzero on any difference or crash.
#
#   bench/ci_quick.sh [path/to/coil]     (default target/release/coil)
set -eu
cd "$(dirname "$0")/.."
COIL="${1:-target/release/coil}"
if [ ! -x "$COIL" ]; then
    echo "bench/ci_quick.sh: $COIL not found; building it with cargo build --release" >&2
    cargo build --release
fi
IMPLS=coil,coil-jit,cpython
if command -v "${CC:-cc}" >/dev/null 2>&1; then
    IMPLS=coil,coil-jit,cpython,c
fi
exec python3 bench/run.py --quick --warmup --no-install --coil "$COIL" --impls "$IMPLS" --timeout 120
