#!/usr/bin/env bash
# AArch64 cross testing: builds the workspace for aarch64-unknown-linux-gnu and runs
# the whole test suite under qemu-user (.cargo/config.toml names the linker and the
# runner; COIL_TEST_RUNNER makes the program tests run the cross-built coil through
# qemu too). Installs the cross gcc, qemu-user and the Rust target when missing.
#
# The program suite runs in four of its seven modes here (interp, jit, jit-hot1 and
# one chaos mode) to keep the emulated run short; COIL_ARM64_MODES overrides that
# (`all` for every mode).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=aarch64-unknown-linux-gnu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

need=()
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
if [ ${#need[@]} -gt 0 ]; then
    echo "== aarch64: installing ${need[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
if ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi

export COIL_TEST_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu"
modes="${COIL_ARM64_MODES:-interp,jit,jit-hot1,jit-chaos}"
if [ "$modes" != all ]; then
    export COIL_TEST_MODES="$modes"
fi

echo "== aarch64: cross build"
time cargo build --release --target "$TARGET" --workspace --tests

echo "== aarch64: the whole test suite under qemu-aarch64 (program modes: $modes)"
time cargo test --release --target "$TARGET" --workspace
