#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# src/bootmem and src/buddy compile for bare-metal armv7a and aarch64 and
# need nothing outside the memblock layers but memset/memcpy (and the ARM
# EABI names of those): no libc, no libgcc division helpers.
# Usage: check_freestanding.sh SOURCE_DIR CLANG NM
set -eu
src=${1:?source dir}
cc=${2:-clang}
nm=${3:-llvm-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
for target in armv7a-none-eabi aarch64-none-elf; do
	for f in "$src"/src/bootmem/*.c "$src"/src/buddy/*.c; do
		o="$tmp/$target-$(basename "$(dirname "$f")")-$(basename "$f" .c).o"
		if ! "$cc" --target=$target -std=c11 -ffreestanding -nostdlib \
			-fno-builtin -Wall -Wextra -Werror -O2 -I"$src/include" \
			-I"$(dirname "$f")" -c "$f" -o "$o"; then
			echo "FAIL $target: $f does not compile"
			status=1
			continue
		fi
		for sym in $("$nm" -u "$o" | awk '{print $NF}'); do
			case "$sym" in
			mb_* | bootmem_* | bitmap_* | shim_* | buddy_* | \
				free_all_bootmem | __alloc_bootmem* | \
				memset | memcpy | __aeabi_memset* | \
				__aeabi_memclr* | __aeabi_memcpy*) ;;
			*)
				echo "FAIL $target: $f needs $sym"
				status=1
				;;
			esac
		done
	done
done
[ $status -eq 0 ] && echo "bootmem and buddy layers are freestanding"
exit $status
