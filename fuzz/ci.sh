#!/usr/bin/env bash
# CI fuzzing step (called by .ci/run): runs every cargo-fuzz target for a bounded
# time with nightly, installing cargo-fuzz when missing. A finding (crash, panic,
# timeout) fails the step; libFuzzer leaves the input in fuzz/artifacts/<target>/.
# FUZZ_SECONDS overrides the time per target (default 60).
set -euo pipefail
cd "$(dirname "$0")"

secs="${FUZZ_SECONDS:-60}"
targets=(frontend trace_exits deopt_programs regalloc natives)

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo +nightly install cargo-fuzz --locked
fi
cargo +nightly fuzz --version
# The VM keeps interned objects to the end: LeakSanitizer's exit-time report is no
# finding (-detect_leaks=0 below covers libFuzzer's own leak check).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

for t in "${targets[@]}"; do
    echo "== fuzz $t for ${secs}s"
    # new inputs go to a scratch directory: the checked-in corpus only seeds the run
    scratch="$(mktemp -d)"
    seeds=()
    if [ -d "corpus/$t" ]; then seeds=("corpus/$t"); fi
    cargo +nightly fuzz run "$t" "$scratch" "${seeds[@]}" -- \
        -max_total_time="$secs" -timeout=20 -detect_leaks=0 -rss_limit_mb=4096 -print_final_stats=1
    rm -rf "$scratch"
done
