#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The UART judge (check_uart.py) on hand-made logs: a consistent boot
passes; each kind of wrong boot fails with its own message.

The machine: 16 MiB of RAM at 0x60000000 (4096 pages of 4 KiB); the
firmware reserves the image [0x60010000, 0x60020000) = 16 pages; ten
allocations of one page each at 0x60f00000 + i * 0x1000 (10 pages); the
hand-over therefore releases 4096 - 16 - 10 = 4070 pages.
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "..", "check_uart.py")
SIM = os.path.join(HERE, "..", "sim_machine.py")

DUMP_FW = [
    "MEMBLOCK configuration:",
    " memory size = 0x01000000 reserved size = 0x00010000",
    " memory.cnt  = 0x1",
    " memory[0x0]\t[0x60000000-0x60ffffff], 0x01000000 bytes flags: 0x0",
    " reserved.cnt  = 0x1",
    " reserved[0x0]\t[0x60010000-0x6001ffff], 0x00010000 bytes flags: 0x0",
]
DUMP_HO = [
    "MEMBLOCK configuration:",
    " memory size = 0x01000000 reserved size = 0x0001a000",
    " memory.cnt  = 0x1",
    " memory[0x0]\t[0x60000000-0x60ffffff], 0x01000000 bytes flags: 0x0",
    " reserved.cnt  = 0x2",
    " reserved[0x0]\t[0x60010000-0x6001ffff], 0x00010000 bytes flags: 0x0",
    " reserved[0x1]\t[0x60f00000-0x60f09fff], 0x0000a000 bytes flags: 0x0",
]


def kernel_log(allocs=None, handover=4070, buddy=4070, pages=None, fw=None, untraced=None):
    allocs = allocs or [(0x60f00000 + i * 0x1000, 0x1000) for i in range(10)]
    pages = pages or [(0x60100000 + i * 0x2000, 0x2000) for i in range(5)]
    out = ["baremetal: arch arm32 board test",
           "baremetal: layout image 0x60010000 0x60020000 stack 0x60020000 0x60020000 phys_offset 0x60000000",
           "memblock_reserve: [0x60010000-0x6001ffff] setup_reserve_kernel+0x30/0x68",
           "baremetal: dump firmware"] + (fw or DUMP_FW)
    for b, s in allocs:
        if b != untraced:
            out.append(f"memblock_reserve: [{b:#x}-{b + s - 1:#x}] memblock_alloc_range_nid+0xd0/0x168")
        out.append(f"baremetal: alloc {b:#x} {s:#x} mb_alloc")
    out += ["baremetal: dump handover"] + DUMP_HO
    out += [f"baremetal: handover {handover} pages backend memblock",
            f"baremetal: buddy free {buddy} managed {buddy}"]
    out += [f"baremetal: page {b:#x} {s:#x} order 1" for b, s in pages]
    out += ["baremetal: summary target test result PASS"]
    return "\r\n".join(out) + "\r\n"


# What memblock boot prints for the image (its own %pS caller).
SIM_RESERVE = "memblock_reserve: [0x60010000-0x6001ffff] memblock_reserve+0x0/0x0"

# What the host replay prints: same trace (another caller), same dump.
HOST = "\n".join(["memblock_reserve: [0x60010000-0x6001ffff] 0x55d0c0ffee",
                  "baremetal: dump firmware"] + DUMP_FW) + "\n"


class CheckUart(unittest.TestCase):
    def run_check(self, log, host=HOST, qemu_exit=0):
        with tempfile.TemporaryDirectory() as d:
            lp, hp = os.path.join(d, "uart.log"), os.path.join(d, "expected")
            with open(lp, "w") as f:
                f.write(log)
            with open(hp, "w") as f:
                f.write(host)
            r = subprocess.run([sys.executable, CHECK, lp, hp, str(qemu_exit), "0"],
                               capture_output=True, text=True)
            return r.returncode, r.stdout

    def test_consistent_boot_passes(self):
        rc, out = self.run_check(kernel_log())
        self.assertEqual(rc, 0, out)
        self.assertIn("handover 4070 pages", out)

    def test_exit_status(self):
        rc, out = self.run_check(kernel_log(), qemu_exit=1)
        self.assertEqual(rc, 1)
        self.assertIn("QEMU exit status 1", out)

    def test_dump_differs_from_host(self):
        host = HOST.replace("0x00010000 bytes", "0x00011000 bytes")
        rc, out = self.run_check(kernel_log(), host=host)
        self.assertEqual(rc, 1)
        self.assertIn("differs from the host's", out)

    def test_trace_differs_from_host(self):
        host = HOST.replace("[0x60010000-0x6001ffff] 0x55", "[0x60010000-0x6001efff] 0x55")
        rc, out = self.run_check(kernel_log(), host=host)
        self.assertEqual(rc, 1)
        self.assertIn("registration trace differs", out)

    def test_allocation_over_reservation(self):
        allocs = [(0x6001f000, 0x1000)] + [(0x60f00000 + i * 0x1000, 0x1000) for i in range(9)]
        rc, out = self.run_check(kernel_log(allocs=allocs))
        self.assertEqual(rc, 1)
        self.assertIn("overlaps a firmware reservation", out)

    def test_allocation_outside_ram(self):
        allocs = [(0x61000000, 0x1000)] + [(0x60f00000 + i * 0x1000, 0x1000) for i in range(9)]
        rc, out = self.run_check(kernel_log(allocs=allocs))
        self.assertEqual(rc, 1)
        self.assertIn("not in RAM", out)

    def test_allocation_without_trace(self):
        rc, out = self.run_check(kernel_log(untraced=0x60f03000))
        self.assertEqual(rc, 1)
        self.assertIn("[0x60f03000-0x60f04000) has no memblock_reserve trace line", out)

    def test_page_over_reservation(self):
        pages = [(0x60f08000, 0x2000)] + [(0x60100000 + i * 0x2000, 0x2000) for i in range(4)]
        rc, out = self.run_check(kernel_log(pages=pages))
        self.assertEqual(rc, 1)
        self.assertIn("overlaps reservation", out)

    def test_handover_not_buddy_count(self):
        rc, out = self.run_check(kernel_log(buddy=4069))
        self.assertEqual(rc, 1)
        self.assertIn("!= buddy free 4069", out)

    def test_handover_not_dump_count(self):
        # Both kernel numbers agree, but 4071 is not what the dump gives.
        rc, out = self.run_check(kernel_log(handover=4071, buddy=4071))
        self.assertEqual(rc, 1)
        self.assertIn("the hand-over dump gives 4070", out)

    def test_quiet_boot(self):
        quiet = "baremetal: arch arm32\r\nbaremetal: summary target t result PASS\r\n"
        with tempfile.TemporaryDirectory() as d:
            lp, hp = os.path.join(d, "uart.log"), os.path.join(d, "expected")
            for log, want in ((quiet, 0), (kernel_log(), 1)):
                with open(lp, "w") as f:
                    f.write(log)
                open(hp, "w").close()
                r = subprocess.run([sys.executable, CHECK, lp, hp, "0", "0", "quiet"],
                                   capture_output=True, text=True)
                self.assertEqual(r.returncode, want, r.stdout)

    def test_no_summary(self):
        rc, out = self.run_check(kernel_log().replace("result PASS", "result FAIL"))
        self.assertEqual(rc, 1)
        self.assertIn("no 'result PASS' summary", out)

    def run_sim(self, log, sim, quiet=False):
        with tempfile.TemporaryDirectory() as d:
            lp, hp, sp = (os.path.join(d, n) for n in ("uart.log", "expected", "sim"))
            for path, text in ((lp, log), (hp, "" if quiet else HOST), (sp, sim)):
                with open(path, "w") as f:
                    f.write(text)
            args = ["quiet", sp] if quiet else [sp, "full"]
            r = subprocess.run([sys.executable, CHECK, lp, hp, "0", "0", *args],
                               capture_output=True, text=True)
            return r.returncode, r.stdout

    def test_simulator_same_dump(self):
        sim = "\n".join([SIM_RESERVE] + DUMP_FW + ["Memory: 16280K/16384K available"]) + "\n"
        rc, out = self.run_sim(kernel_log(), sim)
        self.assertEqual(rc, 0, out)
        self.assertIn("console and 1 dump(s) as memblock boot", out)

    def test_simulator_other_console(self):
        # Same dump, but the simulator reserved the image in two pieces:
        # the registration console differs.
        sim = "\n".join(["memblock_reserve: [0x60010000-0x60017fff] x",
                         "memblock_reserve: [0x60018000-0x6001ffff] x"] + DUMP_FW) + "\n"
        rc, out = self.run_sim(kernel_log(), sim)
        self.assertEqual(rc, 1)
        self.assertIn("registration console differs from memblock boot's", out)
        self.assertNotIn("dump 1 differs", out)

    def test_simulator_other_reservations(self):
        # Linux's own reservations (a page directory) make the dump differ.
        dump = DUMP_FW[:4] + [" reserved.cnt  = 0x2", DUMP_FW[5],
                              " reserved[0x1]\t[0x60004000-0x60007fff], 0x00004000 bytes flags: 0x0"]
        rc, out = self.run_sim(kernel_log(), "\n".join(dump) + "\n")
        self.assertEqual(rc, 1)
        self.assertIn("dump 1 differs from memblock boot's", out)

    def test_simulator_fewer_dumps(self):
        # The kernel printed a dump during registration (x86's e820 setup)
        # and the firmware dump: the simulator must print both.
        log = kernel_log().replace("baremetal: dump firmware\r\n",
                                   "\r\n".join(DUMP_FW) + "\r\nbaremetal: dump firmware\r\n", 1)
        host = HOST.replace("baremetal: dump firmware\n", "\n".join(DUMP_FW) + "\nbaremetal: dump firmware\n")
        with tempfile.TemporaryDirectory() as d:
            lp, hp, sp = (os.path.join(d, n) for n in ("uart.log", "expected", "sim"))
            for path, text in ((lp, log), (hp, host), (sp, "\n".join(DUMP_FW) + "\n")):
                with open(path, "w") as f:
                    f.write(text)
            r = subprocess.run([sys.executable, CHECK, lp, hp, "0", "0", sp, "full"],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 1, r.stdout)
            self.assertIn("memblock boot printed 1 dump(s), the kernel 2", r.stdout)
            with open(sp, "w") as f:
                f.write("\n".join([SIM_RESERVE] + DUMP_FW + DUMP_FW) + "\n")
            r = subprocess.run([sys.executable, CHECK, lp, hp, "0", "0", sp, "full"],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stdout)
            self.assertIn("console and 2 dump(s) as memblock boot", r.stdout)

    def test_quiet_simulator(self):
        quiet = "baremetal: arch arm32\r\nbaremetal: summary target t result PASS\r\n"
        rc, out = self.run_sim(quiet, "Memory: 16280K/16384K available\n", quiet=True)
        self.assertEqual(rc, 0, out)
        self.assertIn("memblock boot as silent", out)
        rc, out = self.run_sim(quiet, "\n".join(DUMP_FW) + "\nMemory: 1K\n", quiet=True)
        self.assertEqual(rc, 1)
        self.assertIn("memblock boot traced without memblock=debug", out)


class SimMachine(unittest.TestCase):
    """sim_machine.py: the machine file for memblock boot from a UART log."""

    def test_atag_boot(self):
        # CORE (2 words + 3), MEM 128M@0x60000000, NONE, as the kernel
        # prints them in hex.
        atags = bytes.fromhex("05000000010041540100000000100000000000000400000002004154"
                              "000000080000006000000000" "00000000")
        log = ("baremetal: arch arm32 board vexpress-a9\r\n"
               "baremetal: layout image 0x60010000 0x60028280 stack 0x60028280 0x6002c280 "
               "phys_offset 0x60000000\r\n"
               f"baremetal: input atags {atags.hex()}\r\n")
        with tempfile.TemporaryDirectory() as d:
            lp, ap = os.path.join(d, "uart.log"), os.path.join(d, "a.bin")
            with open(lp, "w") as f:
                f.write(log)
            r = subprocess.run([sys.executable, SIM, lp, "-", "memblock=debug", ap],
                               capture_output=True, text=True, check=True)
            with open(ap, "rb") as f:
                self.assertEqual(f.read(), atags)
        # image 0x60028280 - 0x60010000 = 0x18280; stack 0x4000 bytes;
        # the list's own ATAG_CMDLINE: no cmdline line.
        self.assertEqual(r.stdout.split("\n"), [
            "arch arm32", "reservations firmware-only", f"atags {ap}",
            "kernel 0x60010000 0x18280", "reserve 0x60028280 0x4000 stack", ""])

    def test_multiboot_boot(self):
        # one multiboot entry: size 20, base 0x100000, length 0x7f00000, type 1
        mmap = bytes.fromhex("14000000" "0000100000000000" "0000f00700000000" "01000000")
        log = ("baremetal: arch x86 board pc\r\n"
               "baremetal: layout image 0x100000 0x113410 stack 0x113410 0x117410 phys_offset 0x0\r\n"
               f"baremetal: input mmap {mmap.hex()}\r\n")
        with tempfile.TemporaryDirectory() as d:
            lp = os.path.join(d, "uart.log")
            with open(lp, "w") as f:
                f.write(log)
            r = subprocess.run([sys.executable, SIM, lp, "-", "memblock=debug"],
                               capture_output=True, text=True, check=True)
        self.assertEqual(r.stdout.split("\n"), [
            "arch x86_64", "reservations firmware-only", "e820 0x100000 0x7f00000 1",
            "kernel 0x100000 0x13410", "reserve 0x113410 0x4000 stack",
            "reserve 0 0x100000 firstmib", "cmdline memblock=debug", ""])


if __name__ == "__main__":
    unittest.main()
