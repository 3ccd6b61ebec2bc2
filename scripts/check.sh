#!/usr/bin/env bash
# make check: install what is missing, build, run every test, then the same
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer, then the
# optional stages (fuzz smoke, QEMU) whose scripts exist.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/install-deps.sh --all

stage() { printf '\n=== %s ===\n' "$*"; }

stage "build (RelWithDebInfo, -Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
stage "tests"
ctest --test-dir build --output-on-failure -j "$jobs"

stage "build (ASan + UBSan)"
cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DMEMBLOCK_SANITIZE=ON \
	-DCMAKE_C_COMPILER=clang >/dev/null
cmake --build build-san -j "$jobs"
stage "tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-san --output-on-failure -j "$jobs" -LE nosan

if [ -x scripts/fuzz.sh ]; then
	stage "fuzz smoke"
	scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-20}" --smoke
fi
if [ -x scripts/qemu.sh ]; then
	stage "bare-metal under QEMU"
	scripts/qemu.sh check
fi
stage "make check: all stages passed"
