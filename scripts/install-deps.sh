#!/usr/bin/env bash
# Install the Debian packages the project needs, skipping what is already
# installed. Idempotent: a second run installs nothing and makes no network
# access. Usage: scripts/install-deps.sh [--all|--core|--qemu|--browser]
#   --core     build + unit tests (cmake, cmocka, libfdt, clang for fuzzing)
#   --qemu     cross compilers and QEMU for the bare-metal examples
#   --browser  headless Chromium for the HTML map test
#   --all      everything (default)
set -euo pipefail

core=(build-essential cmake libcmocka-dev libfdt-dev device-tree-compiler
      clang lld llvm libclang-rt-14-dev clang-format python3)
qemu=(qemu-system-arm qemu-system-x86 gcc-arm-none-eabi
      gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu clang lld llvm
      libclang-rt-14-dev device-tree-compiler python3)
browser=(chromium)

want=()
case "${1:---all}" in
--core) want=("${core[@]}") ;;
--qemu) want=("${qemu[@]}") ;;
--browser) want=("${browser[@]}") ;;
--all) want=("${core[@]}" "${qemu[@]}" "${browser[@]}") ;;
-h | --help)
	sed -n '2,9p' "$0"
	exit 0
	;;
*)
	echo "install-deps: unknown option '$1' (try --help)" >&2
	exit 2
	;;
esac

missing=()
for p in "${want[@]}"; do
	if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
		missing+=("$p")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#want[@]} packages present"
	exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# A mirror that is mid-sync makes one index fail; the install below then
# says whether what we need was still found.
$SUDO apt-get update -qq || echo "install-deps: apt-get update reported errors; trying anyway" >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
