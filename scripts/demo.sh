#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Usage: scripts/demo.sh [BUILD_DIR]   (default: build)
# The seed's boot: through the `memblock` simulator when it is built,
# else through the stand-alone memblock-demo.
set -e
b=${1:-build}
if [ -x "$b/bin/memblock" ]; then
	mkdir -p demo-out
	exec "$b/bin/memblock" boot vexpress-a9 --map demo-out/vexpress-a9.svg
fi
exec "$b/bin/memblock-demo"
