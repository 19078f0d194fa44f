#!/usr/bin/env bash
# CI's short run of CPython's own test files under Coil (docs/conformance.md): the
# quick files of tests/cpython/ci_floor.txt, each of which must pass at least as many
# tests as its floor. The whole list runs by hand: python3 tests/cpython/run.py
set -euo pipefail
cd "$(dirname "$0")/../.."
COIL="${1:-target/release/coil}"
if [ ! -f /usr/lib/python3.11/test/test_int.py ]; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq libpython3.11-testsuite
fi
FILES=$(grep -v '^#' tests/cpython/ci_floor.txt | awk 'NF == 2 {print $1}')
# shellcheck disable=SC2086
python3 tests/cpython/run.py --coil "$COIL" --timeout 120 --floor tests/cpython/ci_floor.txt $FILES
