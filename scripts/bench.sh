#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Usage: scripts/bench.sh [BUILD_DIR]   (default: build)
# Builds memblock-bench if needed and runs the fixed workloads (docs/bench.md).
# For figures worth comparing, configure BUILD_DIR with -DCMAKE_BUILD_TYPE=Release.
set -e
b=${1:-build}
[ -x "$b/bin/memblock-bench" ] || cmake --build "$b" --target memblock-bench
exec "$b/bin/memblock-bench"
