#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Usage: scripts/demo.sh [BUILD_DIR]   (default: build)
# The seed's boot: through the `memblock` simulator when it is built (and a
# picture of the memory map in demo-out/), else through the stand-alone
# memblock-demo.
set -e
b=${1:-build}
if [ -x "$b/bin/memblock" ]; then
	mkdir -p demo-out
	"$b/bin/memblock" boot vexpress-a9 --map demo-out/vexpress-a9.svg
	echo "demo: memory map drawn in demo-out/vexpress-a9.svg" \
		"(memblock map LOG -o FILE.html for an interactive one)" >&2
	exit 0
fi
exec "$b/bin/memblock-demo"
