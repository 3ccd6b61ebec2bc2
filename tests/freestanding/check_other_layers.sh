#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The layers the other freestanding checks do not cover: the e820, UEFI,
# multiboot and command-line front ends (src/firmware/, everything but
# fdt_* and atags*, which tests/firmware_dt checks) and the Linux face
# (src/linux/). Each file is compiled for bare-metal aarch64 and armv7a
# with -ffreestanding against a <string.h> that declares only memcpy,
# memmove, memset and memcmp (so any other libc call fails to compile),
# and may leave undefined only:
#   - those four and their ARM EABI names (__aeabi_memcpy* ...),
#   - the library's own symbols (mb_*, fw*_*, memblock_*),
#   - ARM EABI integer division helpers (__aeabi_[u]idiv[mod],
#     __aeabi_[u]ldivmod): compiler runtime (libgcc / compiler-rt) that
#     every bare-metal ARM link already has, not libc. They are listed.
#
# Usage: check_other_layers.sh SOURCE_DIR [CLANG] [NM]
set -eu
src=${1:?source dir}
cc=${2:-clang}
nm=${3:-llvm-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

mkdir "$tmp/inc"
cat >"$tmp/inc/string.h" <<'H'
#include <stddef.h>
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
H

files=
for f in "$src"/src/firmware/*.c "$src"/src/linux/*.c; do
	case "$(basename "$f")" in
	fdt_* | atags*) continue ;;
	esac
	files="$files $f"
done
[ -n "$files" ] || { echo "FAIL: no sources found under $src"; exit 1; }

for target in aarch64-none-elf armv7a-none-eabi; do
	n=0
	runtime=
	for f in $files; do
		base=$(basename "$f")
		o="$tmp/$target-${base%.c}.o"
		if ! "$cc" --target=$target -std=c11 -ffreestanding -nostdlib \
			-fno-builtin -Wall -Wextra -Werror -O2 -I"$tmp/inc" \
			-I"$src/include" -I"$src/src/firmware" \
			-I"$src/src/core" -c "$f" -o "$o"; then
			echo "FAIL $target: $base does not compile freestanding"
			status=1
			continue
		fi
		n=$((n + 1))
		for sym in $("$nm" -u "$o" | awk '{print $NF}'); do
			case "$sym" in
			memcpy | memmove | memset | memcmp) ;;
			__aeabi_memcpy* | __aeabi_memmove* | __aeabi_memset* | \
				__aeabi_memclr*) ;;
			mb_* | fw*_* | memblock_*) ;;
			__aeabi_idiv | __aeabi_uidiv | __aeabi_idivmod | \
				__aeabi_uidivmod | __aeabi_ldivmod | \
				__aeabi_uldivmod)
				runtime="$runtime $base:$sym" ;;
			*)
				echo "FAIL $target: $base needs undefined symbol $sym"
				status=1
				;;
			esac
		done
	done
	echo "$target: $n objects checked"
	[ -z "$runtime" ] || echo "$target: compiler-runtime helpers:$runtime"
done
exit $status
