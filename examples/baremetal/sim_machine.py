#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""sim_machine.py UART.log DTB|- CMDLINE - a `memblock boot` machine file
(docs/boot.md) describing the boot logged in UART.log, so the host
simulator can boot the same input with this kernel's placement:

  * device-tree boots: the tree QEMU passed (DTB, from -machine dumpdtb=),
    where it lay and its size, as the kernel reported them;
  * x86 multiboot boots: one e820 line per entry of the multiboot map the
    kernel printed in hex;
  * the kernel's image and stack as one range (the link scripts keep them
    adjacent), no default CMA (the examples reserve CMA only for cma=),
    the same command line.
"""
import re
import struct
import sys


def main():
    log, dtb, cmdline = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(log, errors="replace") as f:
        text = f.read().replace("\r", "")
    arch = re.search(r"^baremetal: arch (\S+)", text, re.M).group(1)
    layout = re.search(r"^baremetal: layout image (0x[0-9a-f]+) \S+ stack \S+ (0x[0-9a-f]+)",
                       text, re.M)
    start, end = int(layout.group(1), 16), int(layout.group(2), 16)
    out = ["arch " + ("x86_64" if arch == "x86" else arch)]
    m = re.search(r"^baremetal: input dtb (0x[0-9a-f]+) size (0x[0-9a-f]+)", text, re.M)
    if m and dtb != "-":
        out += [f"dtb {dtb}", f"dtb-at {m.group(1)}", f"dtb-size {m.group(2)}", "cma 0"]
    mmap = bytes.fromhex("".join(re.findall(r"^baremetal: input mmap ([0-9a-f]+)$", text, re.M)))
    off = 0
    while off + 24 <= len(mmap):
        size, base, length, kind = struct.unpack_from("<IQQI", mmap, off)
        out.append(f"e820 {base:#x} {length:#x} {kind}")
        off += size + 4
    out.append(f"kernel {start:#x} {end - start:#x}")
    out.append("cmdline " + cmdline)
    print("\n".join(out))


if __name__ == "__main__":
    main()
