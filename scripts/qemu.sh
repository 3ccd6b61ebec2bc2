#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/qemu.sh check|demo|build - the bare-metal examples under QEMU.
#
#   check  build the images (examples/baremetal/Makefile) and the host
#          reference tool, boot every case below with a timeout and judge
#          each UART log with examples/baremetal/check_uart.py
#   demo   build, boot vexpress-a9 (the seed's board) once, print the UART
#   build  only build
#
# libfdt for the targets is compiled from the Linux kernel's copy in
# Debian's linux-source-6.1 (scripts/dtc/libfdt, GPL-2.0+ OR BSD-2-Clause),
# fetched with apt-get download and unpacked into $O/libfdt the first time;
# it is never committed. Environment: QEMU_BUILD (default build-qemu),
# MEMBLOCK_SHARED_DIR (default ../shared), QEMU_TIMEOUT (seconds, 30),
# MEMBLOCK_BIN (the host simulator; default build/bin/memblock: when it
# exists, `memblock boot` in "reservations firmware-only" mode on each
# boot's input must print the kernel's dumps, or stay as silent as a quiet
# boot).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
O=${QEMU_BUILD:-build-qemu}
case "$O" in /*) ;; *) O="$root/$O" ;; esac
SHARED=${MEMBLOCK_SHARED_DIR:-$root/../shared}
TIMEOUT=${QEMU_TIMEOUT:-30}
MEMBLOCK_BIN=${MEMBLOCK_BIN:-$root/build/bin/memblock} # host simulator, if built
jobs=$(nproc 2>/dev/null || echo 2)
export QEMU_AUDIO_DRV=none # vexpress has a sound chip; no host audio here

# The unpacked sources are also kept in a per-user cache outside the tree,
# so that fresh clones on the same machine (CI) skip the 139 MB download.
LIBFDT_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/memblock/libfdt-linux-source-6.1

fetch_libfdt() {
	[ -f "$O/libfdt/fdt_ro.c" ] && return 0
	mkdir -p "$O/libfdt"
	if [ -f "$LIBFDT_CACHE/fdt_ro.c" ]; then
		cp "$LIBFDT_CACHE"/*.[ch] "$O/libfdt/"
		return 0
	fi
	echo "qemu.sh: fetching libfdt sources (Debian linux-source-6.1)"
	local tmp="$O/libfdt-fetch"
	rm -rf "$tmp" && mkdir -p "$tmp"
	# An old or missing package list: refresh it once and try again.
	(cd "$tmp" && apt-get download linux-source-6.1 >/dev/null 2>&1) ||
		{ apt-get update -qq >/dev/null 2>&1 || true
		  (cd "$tmp" && apt-get download linux-source-6.1 >/dev/null 2>&1); } || {
		echo "qemu.sh: 'apt-get download linux-source-6.1' failed" >&2
		exit 1
	}
	dpkg-deb --fsys-tarfile "$tmp"/linux-source-6.1_*.deb |
		tar -xO ./usr/src/linux-source-6.1.tar.xz |
		tar -xJ -C "$tmp" --wildcards '*/scripts/dtc/libfdt/*'
	cp "$tmp"/linux-source-6.1/scripts/dtc/libfdt/*.[ch] "$O/libfdt/"
	# The kernel's libfdt_env.h needs a hosted libc; the examples bring
	# their own (examples/baremetal/common/libfdt_env.h).
	rm -f "$O/libfdt/libfdt_env.h"
	rm -rf "$tmp"
	mkdir -p "$LIBFDT_CACHE" && cp "$O/libfdt"/*.[ch] "$LIBFDT_CACHE/" || true
}

build() {
	fetch_libfdt
	make -C examples/baremetal O="$O" -j"$jobs" --no-print-directory \
		>"$O/build.log" 2>&1 || {
		cat "$O/build.log" >&2
		echo "qemu.sh: build failed" >&2
		exit 1
	}
	grep -i "warning" "$O/build.log" | sed "s/^/qemu.sh: build: /" >&2 || true
}

# qemu_cmd ARCH IMAGE MEM DTB APPEND [EXTRA...] - prints the command line
# (one word a line) of one boot; DTB "-" means none.
qemu_cmd() {
	local arch=$1 image=$2 mem=$3 dtb=$4 append=$5
	shift 5
	case "$arch" in
	arm) printf '%s\n' qemu-system-arm -M vexpress-a9 -semihosting ;;
	arm64) printf '%s\n' qemu-system-aarch64 -M virt,dtb-randomness=off -cpu cortex-a57 -semihosting ;;
	x86) printf '%s\n' qemu-system-i386 -device isa-debug-exit,iobase=0xf4,iosize=0x04 ;;
	esac
	printf '%s\n' -m "$mem" -display none -monitor none -no-reboot -nodefaults \
		-kernel "$image" -append "$append"
	[ "$dtb" = - ] || printf '%s\n' -dtb "$dtb"
	[ $# -eq 0 ] || printf '%s\n' "$@"
}

image_of() {
	case "$1" in
	x86) echo "$O/x86/kernel.elf" ;;
	*) echo "$O/$1/kernel.img" ;;
	esac
}

pass=0
fail=0
compared=0 # boots whose dumps (quiet: silence) matched memblock boot's
# boot NAME TARGET MEM DTB APPEND [EXTRA...] - one test case.
boot() {
	local name=$1 target=$2 mem=$3 dtb=$4 append=$5
	shift 5
	local arch=${target%-*} dir="$O/runs/$name" rc=0 want=0
	[ "$arch" = x86 ] && want=33 # isa-debug-exit: (0x10 << 1) | 1
	rm -rf "$dir" && mkdir -p "$dir"
	mapfile -t cmd < <(qemu_cmd "$arch" "$(image_of "$target")" "$mem" "$dtb" "$append" "$@")
	if [[ "$append" == *baremetal.exit=psci* ]]; then
		# The kernel leaves through PSCI: prove it needs no semihosting.
		local c kept=()
		for c in "${cmd[@]}"; do [ "$c" = -semihosting ] || kept+=("$c"); done
		cmd=("${kept[@]}")
	fi
	printf '%q ' "${cmd[@]}" >"$dir/cmd"
	echo >>"$dir/cmd"
	if [ "$arch" != x86 ]; then
		# The very tree the kernel gets: QEMU's own dump of it.
		timeout "$TIMEOUT" "${cmd[@]}" -machine dumpdtb="$dir/qemu.dtb" \
			>"$dir/dumpdtb.log" 2>&1 || true
	fi
	timeout "$TIMEOUT" "${cmd[@]}" -serial file:"$dir/uart.log" \
		>"$dir/qemu.log" 2>&1 || rc=$?
	local expect_rc=0
	if [ "$arch" = x86 ]; then
		"$O/host/expect" "$dir/uart.log" >"$dir/expected" 2>"$dir/expect.err" || expect_rc=$?
	else
		"$O/host/expect" "$dir/uart.log" "$dir/qemu.dtb" >"$dir/expected" 2>"$dir/expect.err" || expect_rc=$?
	fi
	# The host simulator, when built, boots the same input as this
	# kernel does ("reservations firmware-only": front ends, image and
	# stack; machine file from the UART's lines) and must print the same
	# dumps; a quiet boot's simulation must be as silent.
	local sim=()
	if [ -x "$MEMBLOCK_BIN" ]; then
		python3 examples/baremetal/sim_machine.py "$dir/uart.log" \
			"$([ -f "$dir/qemu.dtb" ] && echo "$dir/qemu.dtb" || echo -)" \
			"$append" "$dir/atags.bin" >"$dir/machine"
		"$MEMBLOCK_BIN" boot "$dir/machine" >"$dir/simulated" 2>&1 || true
		sim=("$dir/simulated" full)
	fi
	if [[ "$append" != *memblock=debug* ]]; then
		sim=(quiet "${sim[@]:0:1}")
	fi
	if [ "$expect_rc" -eq 0 ] &&
		python3 examples/baremetal/check_uart.py "$dir/uart.log" \
			"$dir/expected" "$rc" "$want" "${sim[@]}" >"$dir/verdict"; then
		pass=$((pass + 1))
		grep -q "as memblock boot\|memblock boot as silent" "$dir/verdict" &&
			compared=$((compared + 1))
		echo "  ok    $name ($(sed -n 's/^ok   [^:]*: //p' "$dir/verdict")$(
			[ -x "$MEMBLOCK_BIN" ] ||
				echo "; not compared: no $MEMBLOCK_BIN"))"
	else
		fail=$((fail + 1))
		echo "  FAIL  $name (QEMU exit $rc; logs in $dir)" >&2
		{ cat "$dir/expect.err" "$dir/verdict" 2>/dev/null || true; } | sed "s/^/        /" | head -20
	fi
}

check() {
	# Issue 7's check compares every boot with the host simulator: without
	# it the run would prove less, so refuse rather than pass quietly.
	if [ ! -x "$MEMBLOCK_BIN" ] && [ -z "${QEMU_NO_SIM:-}" ]; then
		echo "qemu.sh: $MEMBLOCK_BIN not built (make build first, or set" \
			"MEMBLOCK_BIN; QEMU_NO_SIM=1 skips the comparison)" >&2
		exit 1
	fi
	build
	local vexpress="$SHARED/dtbs/arm__vexpress-v2p-ca9.dtb"
	local dbg="memblock=debug"
	echo "bare-metal boots (each under ${TIMEOUT}s):"
	# vexpress-a9: DTB and ATAG hand-off, two sizes, both bootmem back ends,
	# HighMem (above 0x90000000) with each.
	boot vexpress-dtb-128M arm 128M "$vexpress" "console=ttyAMA0 $dbg"
	boot vexpress-atag-128M arm 128M - "console=ttyAMA0 $dbg"
	boot vexpress-dtb-512M arm 512M "$vexpress" "$dbg"
	boot vexpress-atag-512M arm 512M - "$dbg"
	boot vexpress-dtb-1G-highmem arm 1G "$vexpress" "$dbg"
	boot vexpress-dtb-128M-quiet arm 128M "$vexpress" "console=ttyAMA0"
	boot vexpress-nobootmem-dtb-256M-cma arm-nobootmem 256M "$vexpress" "$dbg cma=16M"
	boot vexpress-nobootmem-atag-1G-mem arm-nobootmem 1G - "$dbg mem=768M"
	boot vexpress-nobootmem-dtb-1G-highmem arm-nobootmem 1G "$vexpress" "$dbg"
	# arm64 virt: the DTB QEMU generates; two sizes; two NUMA nodes; the
	# bitmap bootmem on a 64-bit machine (64-page blocks at hand-over);
	# exit through PSCI SYSTEM_OFF (conduit from /psci), no semihosting.
	boot arm64-256M arm64 256M - "$dbg"
	boot arm64-1G-mem768M arm64 1G - "$dbg mem=768M"
	boot arm64-bitmap-1G arm64-bitmap 1G - "$dbg"
	boot arm64-512M-psci arm64 512M - "$dbg baremetal.exit=psci"
	boot arm64-2G-numa2 arm64 2G - "$dbg" -smp 2 \
		-object memory-backend-ram,id=m0,size=1G \
		-object memory-backend-ram,id=m1,size=1G \
		-numa node,nodeid=0,cpus=0,memdev=m0 \
		-numa node,nodeid=1,cpus=1,memdev=m1
	# x86 multiboot: two sizes, one with memmap= edits of the e820 map.
	boot x86-128M x86 128M - "$dbg"
	boot x86-512M-memmap x86 512M - "$dbg memmap=16M\$256M memmap=8M#384M"
	# DTB sweep: every tree of the corpus, arm64 ones on the arm64 image,
	# 32-bit ones on vexpress-a9 (QEMU replaces /memory; /reserved-memory,
	# /memreserve/ and /chosen are what is exercised).
	local dtb
	mkdir -p "$O/sweep-dtbs"
	for dtb in "$SHARED"/dtbs/*.dtb; do
		[ -f "$dtb" ] || continue
		local target=arm64 mem=2G
		case "$(basename "$dtb")" in
		arm64__* | qemu__a*64*) ;;
		# 32-bit trees on vexpress-a9 (its UART and RAM, their
		# reservations), through the bitmap back end: keystone's
		# reservation lies below RAM, which bootmem_arm_init must skip.
		arm__* | qemu__arm_*) target=arm mem=512M ;;
		*) continue ;;
		esac
		# QEMU re-randomises an existing /chosen rng-seed or kaslr-seed
		# at every reset, so its dumpdtb would differ from the blob the
		# kernel reads: drop them (nothing here uses them).
		local copy="$O/sweep-dtbs/$(basename "$dtb")"
		cp "$dtb" "$copy"
		fdtput -d "$copy" /chosen rng-seed 2>/dev/null || true
		fdtput -d "$copy" /chosen kaslr-seed 2>/dev/null || true
		boot "sweep-$(basename "$dtb" .dtb)" "$target" "$mem" "$copy" "$dbg"
	done
	echo "compared with memblock boot --bare (registration console and every dump up to the firmware dump; quiet: silence): $compared of $((pass + fail))"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

demo() {
	build
	local dtb="$SHARED/dtbs/arm__vexpress-v2p-ca9.dtb"
	mapfile -t cmd < <(qemu_cmd arm "$O/arm/kernel.img" 128M "$dtb" \
		"console=ttyAMA0 memblock=debug")
	echo "\$ $(printf "%q " "${cmd[@]}")-serial stdio"
	local rc=0
	timeout "$TIMEOUT" "${cmd[@]}" -serial stdio </dev/null 2>/dev/null | tr -d '\r' || rc=$?
	echo "(QEMU exit status ${PIPESTATUS[0]:-$rc})"
}

case "${1:-check}" in
check) check ;;
demo) demo ;;
build) build ;;
*)
	echo "usage: scripts/qemu.sh check|demo|build" >&2
	exit 2
	;;
esac
