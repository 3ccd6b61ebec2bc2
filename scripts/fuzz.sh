#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/fuzz.sh SECONDS [--smoke]
#
# Builds every libFuzzer target (tests/fuzz) in build-fuzz with clang,
# ASan+UBSan and coverage instrumentation of all libraries, then runs each
# for SECONDS on a scratch copy of its committed seed corpus
# (tests/fuzz/corpus/<name>), several at a time. Prints exactly one line per
# fuzzer:
#   fuzz <name>: <execs> execs, <crashes> crashes
# and exits non-zero when any fuzzer crashed (inputs are kept in
# build-fuzz/fuzz-out/<name>/). --smoke (what make check runs) caps each
# fuzzer at 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
smoke=0
[ "${2:-}" = "--smoke" ] && smoke=1
if [ "$smoke" = 1 ] && [ "$secs" -gt 20 ]; then secs=20; fi
# The smoke in make check uses a fixed seed, so that CI replays the same
# mutation sequence every run instead of exploring anew (the long runs,
# without --smoke, take a fresh seed each time).
seedopt=()
[ "$smoke" = 1 ] && seedopt=(-seed="${FUZZ_SEED:-1}")
build=${FUZZ_BUILD:-build-fuzz}
jobs=$(nproc 2>/dev/null || echo 2)

if ! command -v clang >/dev/null; then
	echo "fuzz: clang not found" >&2
	exit 1
fi
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
	-DMEMBLOCK_FUZZ=ON -DMEMBLOCK_SANITIZE=ON \
	"-DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -O1" >/dev/null
helptext=$(cmake --build "$build" --target help 2>/dev/null |
	sed -n 's/^\.\.\. \([^ ]*\).*/\1/p')
names=()
for src in tests/fuzz/fuzz_*.c; do
	n=$(basename "$src" .c)
	n=${n#fuzz_}
	# a target exists only once the code it drives does
	if grep -qx "fuzz_${n}" <<<"$helptext"; then
		names+=("$n")
	fi
done
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" -j "$jobs" --target "${targets[@]}" >/dev/null

out="$build/fuzz-out"
rm -rf "$out"
run_one() {
	local n=$1 dir="$out/$1"
	mkdir -p "$dir/corpus" "$dir/artifacts"
	cp -r "tests/fuzz/corpus/$n/." "$dir/corpus/" 2>/dev/null || true
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$build/bin/fuzz_$n" "${seedopt[@]}" -max_total_time="$secs" -timeout=20 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/artifacts/" "$dir/corpus" \
		>"$dir/log" 2>&1 || true
}
running=0
for n in "${names[@]}"; do
	run_one "$n" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n || true
		running=$((running - 1))
	fi
done
wait

failed=0
for n in "${names[@]}"; do
	dir="$out/$n"
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
	crashes=$(find "$dir/artifacts" -type f | wc -l)
	if [ -z "$execs" ]; then
		# no final stats: the fuzzer died (a crash libFuzzer could not
		# write down counts as one)
		execs=$(grep -o '#[0-9]*' "$dir/log" | tail -1 | tr -d '#')
		execs=${execs:-0}
		[ "$crashes" -eq 0 ] && crashes=1
	fi
	echo "fuzz $n: $execs execs, $crashes crashes"
	if [ "$crashes" -gt 0 ]; then
		failed=1
		grep -m1 -A3 "ERROR\|runtime error\|mb_check\|divergence" \
			"$dir/log" | sed 's/^/  /' >&2 || true
	fi
done
exit "$failed"
