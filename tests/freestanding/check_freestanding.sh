#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Compile every src/core/*.c for bare-metal aarch64 and armv7a and fail on
# any undefined symbol other than memcpy, memmove, memset, memcmp (and the
# ARM EABI names of those same functions, __aeabi_memcpy*/memmove*/
# memset*/memclr*, which clang emits for struct copies and zeroing on
# arm-none-eabi). Symbols defined by another core file are fine.
#
# The same again with Debian's arm-none-eabi-gcc for a Cortex-A9 when it is
# installed: gcc, unlike clang, turns some builtins into libgcc calls
# (__builtin_ctzll -> __ctzdi2), which the core must not need either.
#
# Usage: check_freestanding.sh SOURCE_DIR [CLANG] [NM] [TOLERATED]
# TOLERATED: space-separated "file.c:symbol" pairs reported as WARNING
# instead of failing (temporary, each one named in the output).
set -eu
src=${1:?source dir}
cc=${2:-clang}
nm=${3:-llvm-nm}
tolerated=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

allowed() {
	case "$1" in
	memcpy | memmove | memset | memcmp) return 0 ;;
	__aeabi_memcpy* | __aeabi_memmove* | __aeabi_memset* | __aeabi_memclr*)
		return 0 ;;
	esac
	return 1
}

# compile TARGET SOURCE OBJECT: clang for the two triples, gcc for "gcc-arm".
compile() {
	case "$1" in
	gcc-arm)
		arm-none-eabi-gcc -mcpu=cortex-a9 -marm -std=c11 -ffreestanding \
			-nostdlib -fno-builtin -Wall -Wextra -Werror -O2 \
			-I"$src/include" -I"$src/src/core" -c "$2" -o "$3" ;;
	*)
		"$cc" --target="$1" -std=c11 -ffreestanding -nostdlib \
			-fno-builtin -Wall -Wextra -Werror -O2 \
			-I"$src/include" -I"$src/src/core" -c "$2" -o "$3" ;;
	esac
}

targets="aarch64-none-elf armv7a-none-eabi"
command -v arm-none-eabi-gcc >/dev/null 2>&1 && targets="$targets gcc-arm"

for target in $targets; do
	: >"$tmp/def"
	: >"$tmp/undef"
	for f in "$src"/src/core/*.c; do
		base=$(basename "$f")
		o="$tmp/$target-${base%.c}.o"
		if ! compile "$target" "$f" "$o"; then
			echo "FAIL $target: $base does not compile"
			status=1
			continue
		fi
		"$nm" --defined-only "$o" | awk '{print $NF}' >>"$tmp/def"
		"$nm" -u "$o" | awk -v f="$base" '{print f, $NF}' >>"$tmp/undef"
	done
	while read -r file sym; do
		allowed "$sym" && continue
		grep -qx "$sym" "$tmp/def" && continue
		case " $tolerated " in
		*" $file:$sym "*)
			echo "WARNING $target: $file needs $sym (tolerated)"
			continue
			;;
		esac
		echo "FAIL $target: $file needs undefined symbol $sym"
		status=1
	done <"$tmp/undef"
	echo "$target: $(ls "$tmp"/$target-*.o | wc -l) objects checked"
done
exit $status
