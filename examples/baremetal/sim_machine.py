#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""sim_machine.py UART.log DTB|- CMDLINE [ATAGS.bin] - a `memblock boot`
machine file (docs/boot.md) describing the boot logged in UART.log, so the
host simulator boots the same input as this kernel, the way this kernel
does it ("reservations firmware-only": the front ends, then only the
kernel's own image and stack, none of Linux's arch reservations):

  * device-tree boots: the tree QEMU passed (DTB, from -machine dumpdtb=),
    where it lay and its size, as the kernel reported them;
  * ATAG boots: the list the kernel printed in hex, written to ATAGS.bin
    (default: atags.bin beside UART.log), given as "atags"; its own
    ATAG_CMDLINE is the command line (no cmdline line);
  * x86 multiboot boots: one e820 line per entry of the multiboot map the
    kernel printed in hex, and the first MiB reserved (as the kernel does);
  * the kernel's image ("kernel") and its stack ("reserve ... stack").
"""
import os
import re
import struct
import sys


def hex_lines(text, tag):
    return bytes.fromhex("".join(re.findall(rf"^baremetal: input {tag} ([0-9a-f]+)$", text, re.M)))


def main():
    log, dtb, cmdline = sys.argv[1], sys.argv[2], sys.argv[3]
    atags_out = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(log), "atags.bin")
    with open(log, errors="replace") as f:
        text = f.read().replace("\r", "")
    arch = re.search(r"^baremetal: arch (\S+)", text, re.M).group(1)
    layout = re.search(r"^baremetal: layout image (0x[0-9a-f]+) (0x[0-9a-f]+) "
                       r"stack (0x[0-9a-f]+) (0x[0-9a-f]+)", text, re.M)
    img, img_end, stk, stk_end = (int(layout.group(i), 16) for i in range(1, 5))
    out = ["arch " + ("x86_64" if arch == "x86" else arch), "reservations firmware-only"]
    m = re.search(r"^baremetal: input dtb (0x[0-9a-f]+) size (0x[0-9a-f]+)", text, re.M)
    atags = hex_lines(text, "atags")
    own_cmdline = False
    if m and dtb != "-":
        out += [f"dtb {dtb}", f"dtb-at {m.group(1)}", f"dtb-size {m.group(2)}"]
    elif atags:
        with open(atags_out, "wb") as f:
            f.write(atags)
        out.append(f"atags {atags_out}")
        own_cmdline = True
    mmap = hex_lines(text, "mmap")
    off = 0
    while off + 24 <= len(mmap):
        size, base, length, kind = struct.unpack_from("<IQQI", mmap, off)
        out.append(f"e820 {base:#x} {length:#x} {kind}")
        off += size + 4
    # In the kernel's order: image, stack, then (x86) the first MiB.
    out.append(f"kernel {img:#x} {img_end - img:#x}")
    if stk_end > stk:
        out.append(f"reserve {stk:#x} {stk_end - stk:#x} stack")
    if mmap:
        out.append("reserve 0 0x100000 firstmib")  # 6.1 keeps the first MiB
    if not own_cmdline:
        out.append("cmdline " + cmdline)
    print("\n".join(out))


if __name__ == "__main__":
    main()
