#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Compile the device-tree and ATAG front ends (src/firmware/fdt_*.c,
# atags*.c) for bare-metal aarch64 and armv7a and fail on any undefined
# symbol other than libfdt (fdt_*), the memblock core and firmware layer
# (mb_*, fwdt_*), memcpy/memmove/memset/memcmp and their ARM EABI names.
# libfdt's own libfdt_env.h includes libc headers; a copy without them
# (prototypes of the string functions instead) stands in for the
# freestanding libfdt of the bare-metal build.
#
# Usage: check_fw_freestanding.sh SOURCE_DIR [CLANG] [NM] [LIBFDT_INCLUDE]
set -eu
src=${1:?source dir}
cc=${2:-clang}
nm=${3:-llvm-nm}
inc=${4:-/usr/include}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

cp "$inc/libfdt.h" "$inc/fdt.h" "$tmp/"
{
	echo '#include <stdbool.h>'
	echo '#include <stddef.h>'
	echo '#include <stdint.h>'
	echo '#include <limits.h>'
	for p in 'void *memcpy(void *, const void *, size_t);' \
		'void *memset(void *, int, size_t);' \
		'void *memmove(void *, const void *, size_t);' \
		'int memcmp(const void *, const void *, size_t);' \
		'size_t strlen(const char *);' \
		'size_t strnlen(const char *, size_t);' \
		'int strcmp(const char *, const char *);' \
		'int strncmp(const char *, const char *, size_t);' \
		'char *strchr(const char *, int);' \
		'char *strrchr(const char *, int);' \
		'void *memchr(const void *, int, size_t);' \
		'unsigned long strtoul(const char *, char **, int);'; do
		echo "$p"
	done
	grep -v '^#include <' "$inc/libfdt_env.h"
} >"$tmp/libfdt_env.h"

for target in aarch64-none-elf armv7a-none-eabi; do
	for f in "$src"/src/firmware/fdt_*.c "$src"/src/firmware/atags*.c; do
		base=$(basename "$f")
		o="$tmp/$target-${base%.c}.o"
		if ! "$cc" --target=$target -std=c11 -ffreestanding -nostdlib \
			-fno-builtin -Wall -Wextra -Werror -O2 -I"$tmp" \
			-I"$src/include" -I"$src/src/firmware" -c "$f" -o "$o"; then
			echo "FAIL $target: $base does not compile"
			status=1
			continue
		fi
		for sym in $("$nm" -u "$o" | awk '{print $NF}'); do
			case "$sym" in
			fdt_* | mb_* | fwdt_* | memcpy | memmove | memset | memcmp) ;;
			__aeabi_memcpy* | __aeabi_memmove* | __aeabi_memset* | __aeabi_memclr*) ;;
			*)
				echo "FAIL $target: $base needs $sym"
				status=1
				;;
			esac
		done
	done
	echo "$target: checked"
done
exit $status
