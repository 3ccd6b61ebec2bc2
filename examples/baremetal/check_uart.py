#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""check_uart.py - judge one bare-metal boot from its UART output.

usage: check_uart.py UART.log EXPECTED_DUMP QEMU_EXIT SUCCESS_EXIT [SIMULATED [full|memory]]
       check_uart.py UART.log EXPECTED_DUMP QEMU_EXIT SUCCESS_EXIT quiet [SIMULATED]

"quiet": a boot without memblock=debug; only the exit status, the PASS
summary and the absence of any trace or dump line are checked (and, with
SIMULATED, that `memblock boot` on the same input is as silent and still
reaches the hand-over).

Checks (each failure is printed; exit status 1 if any):
  * QEMU exited with SUCCESS_EXIT and the kernel's summary says PASS;
  * memblock=debug took effect: kernel-format trace lines are present;
  * the registration's trace (memblock_* lines without their %pS caller,
    and the front ends' messages) and the dump after "baremetal: dump
    firmware" equal EXPECTED_DUMP, which the host replayed from the same
    firmware input with the same library (host/expect);
  * with SIMULATED (the output of `memblock boot` on the machine file
    sim_machine.py writes: the same tree, ATAG list or e820 map, the same
    DTB address, the kernel's image and stack, "reservations
    firmware-only"): every dump the kernel printed up to its firmware dump
    equals the simulator's dumps in order, line for line ("full", the
    default of scripts/qemu.sh), and so does the whole registration
    console (trace lines without their %pS caller, the front ends'
    messages) up to it; or only the memory tables ("memory");
  * every allocation made through memblock has its memblock_reserve trace
    line (same range) right before its report;
  * every allocation lies in RAM (dump firmware's memory) and outside every
    reservation made before it (dump firmware's reserved), and no two
    allocations overlap;
  * every buddy page lies in RAM, outside every reservation of the dump
    before the hand-over (the bitmap back end's own bitmap excepted: it
    is released at hand-over) and outside every boot allocation;
  * the hand-over's page count equals the buddy's free count and the count
    computed here from the hand-over dump (memory pages not touched by a
    reservation or, with the bitmap back end, by a bootmem allocation).
"""
import re
import sys

RANGE = re.compile(r"^ (memory|reserved)\[0x[0-9a-f]+\]\t\[0x([0-9a-f]+)-0x([0-9a-f]+)\], "
                   r"0x([0-9a-f]+) bytes(?: on node \d+)? flags: 0x([0-9a-f]+)$")
PAGE = 4096


def dump_after(lines, marker):
    """The dump lines following the marker line (empty if absent)."""
    try:
        i = lines.index(marker)
    except ValueError:
        return []
    out = []
    for line in lines[i + 1:]:
        if out and not line.startswith(" "):
            break
        if not out and line != "MEMBLOCK configuration:":
            break
        out.append(line)
    return out


def dumps(lines):
    """Every "MEMBLOCK configuration:" dump in @lines, in order."""
    out = []
    for i, l in enumerate(lines):
        if l == "MEMBLOCK configuration:":
            out.append(dump_after(["x"] + lines[i:], "x"))
    return out


def ranges(dump, kind):
    res = []
    for line in dump:
        m = RANGE.match(line)
        if m and m.group(1) == kind and int(m.group(4), 16):
            res.append((int(m.group(2), 16), int(m.group(3), 16) + 1,
                        int(m.group(5), 16)))
    return res


def inside(base, end, regions):
    return any(b <= base and end <= e for b, e, _ in regions)


def overlaps(base, end, regions):
    return any(base < e and b < end for b, e, *_ in regions)


def main():
    log, expected, qemu_exit, success = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    quiet = len(sys.argv) > 5 and sys.argv[5] == "quiet"
    simulator = sys.argv[5] if len(sys.argv) > 5 and not quiet else None
    quiet_sim = sys.argv[6] if quiet and len(sys.argv) > 6 else None
    sim_mode = sys.argv[6] if len(sys.argv) > 6 else "memory"
    with open(log, errors="replace") as f:
        lines = [l.rstrip("\r\n").replace("\r", "") for l in f]
    with open(expected) as f:
        want = [l.rstrip("\n") for l in f]
    errors = []

    def fail(msg):
        errors.append(msg)

    if qemu_exit != success:
        fail(f"QEMU exit status {qemu_exit}, expected {success}")
    summary = [l for l in lines if l.startswith("baremetal: summary ")]
    if not summary or not summary[-1].endswith("result PASS"):
        fail("no 'result PASS' summary")
    for l in lines:
        if l.startswith("baremetal: CHECK FAILED") or l.startswith("baremetal: PANIC"):
            fail(f"kernel: {l}")
    if quiet:
        # Booted without memblock=debug: the kernel must stay silent.
        for l in lines:
            if l.startswith("memblock_") or l == "MEMBLOCK configuration:":
                fail(f"trace without memblock=debug: {l!r}")
                break
        # memblock boot on the same input, without memblock=debug either:
        # it must stay as silent (no trace line, no dump) and still boot.
        if quiet_sim:
            with open(quiet_sim) as f:
                sim = [l.rstrip("\n") for l in f]
            loud = [l for l in sim if l.startswith("memblock_") or l == "MEMBLOCK configuration:"]
            if loud:
                fail(f"memblock boot traced without memblock=debug: {loud[0]!r}")
            if not any(l.startswith("Memory: ") for l in sim):
                fail("memblock boot did not reach the hand-over: " + " ".join(sim[-1:]))
            return report(log, errors, "quiet boot, no trace; memblock boot as silent")
        return report(log, errors, "quiet boot, no trace")
    sim_summary = ""
    if not any(l.startswith("memblock_reserve: [") for l in lines):
        fail("no memblock_reserve trace line: memblock=debug not honoured")

    # The registration's trace and messages: the kernel's lines between
    # its input lines and the dump marker against the host replay's; the
    # %pS caller ends every memblock_* line and differs (other binary).
    def trace(ls):
        out = []
        for l in ls:
            if l == "baremetal: dump firmware":
                break
            if l.startswith("baremetal:") or l.startswith("qemu"):
                continue
            m = re.match(r"^(memblock_\w+: .*) \S+$", l)
            out.append(m.group(1) if m else l)
        return out
    start = max((i for i, l in enumerate(lines) if l.startswith("baremetal: layout")), default=0)
    got_trace, want_trace = trace(lines[start:]), trace(want)
    if got_trace != want_trace:
        fail("registration trace differs from the host's:")
        for a, b in zip(got_trace + [""] * len(want_trace), want_trace + [""] * len(got_trace)):
            if a != b:
                fail(f"  kernel: {a!r}\n    host: {b!r}")
                break
    if not want_trace:
        fail("the host replay printed no trace")
    want = dump_after(want, "baremetal: dump firmware")

    fw = dump_after(lines, "baremetal: dump firmware")
    if fw != want:
        fail("dump after firmware registration differs from the host's:")
        for a, b in zip(fw + [""] * len(want), want + [""] * len(fw)):
            if a != b:
                fail(f"  kernel: {a!r}\n    host: {b!r}")
    # The host simulator (memblock boot, "reservations firmware-only") on
    # the same input: every dump the kernel printed up to and including
    # its firmware dump (x86: the e820 setup's dump first) must equal the
    # simulator's dumps in the same order, line for line ("full"); the
    # older "memory" mode compares the memory tables only.
    if simulator:
        with open(simulator) as f:
            sim = [l.rstrip("\n") for l in f]
        got_dumps = dumps(lines[start:lines.index("baremetal: dump firmware")]
                          if "baremetal: dump firmware" in lines else []) + [fw]
        sim_dumps = dumps(sim)[:len(got_dumps)]
        if sim_mode != "full":
            def memory_only(d):
                return [re.sub(r" reserved size = .*", "", l) for l in d if l.startswith(" memory")]
            got_dumps = [memory_only(d) for d in got_dumps]
            sim_dumps = [memory_only(d) for d in sim_dumps]
        if len(sim_dumps) < len(got_dumps):
            fail(f"memblock boot printed {len(sim_dumps)} dump(s), the kernel "
                 f"{len(got_dumps)}: " + " ".join(sim[-1:]))
        else:
            for n, (a_d, b_d) in enumerate(zip(got_dumps, sim_dumps)):
                if a_d != b_d:
                    fail(f"{'dump' if sim_mode == 'full' else 'memory table'} {n + 1} "
                         "differs from memblock boot's:")
                    for a, b in zip(a_d + [""] * len(b_d), b_d + [""] * len(a_d)):
                        if a != b:
                            fail(f"  kernel: {a!r}\n    memblock boot: {b!r}")
                            break
        sim_summary = (f", {len(got_dumps)} dump(s) as memblock boot" if sim_mode == "full"
                       else ", memory as memblock boot")
        # "full": the whole registration console too (trace lines without
        # their %pS caller, the front ends' messages, the dumps), from the
        # kernel's input lines to its firmware dump, against the
        # simulator's console up to the end of its matching dump.
        if sim_mode == "full" and len(sim_dumps) == len(got_dumps):
            k = [i for i, l in enumerate(sim) if l == "MEMBLOCK configuration:"][len(got_dumps) - 1]
            sim_console = trace(sim[:k + len(sim_dumps[-1])])
            got_console = got_trace + fw
            if sim_console != got_console:
                fail("registration console differs from memblock boot's:")
                for a, b in zip(got_console + [""] * len(sim_console),
                                sim_console + [""] * len(got_console)):
                    if a != b:
                        fail(f"  kernel: {a!r}\n    memblock boot: {b!r}")
                        break
            else:
                sim_summary = (f", console and {len(got_dumps)} dump(s) "
                               "as memblock boot")

    memory = ranges(fw, "memory")
    reserved = ranges(fw, "reserved")
    if not memory:
        fail("no memory in the firmware dump")

    backend = ""
    for l in lines:
        m = re.match(r"^baremetal: handover \d+ pages backend (\w+)$", l)
        if m:
            backend = m.group(1)

    def from_bootmem(what):
        return "bootmem" in what or what == "mem_map"

    allocs = []
    for i, l in enumerate(lines):
        m = re.match(r"^baremetal: alloc 0x([0-9a-f]+) 0x([0-9a-f]+) (.*)$", l)
        if not m:
            continue
        base, size, what = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
        end = base + size
        # Every allocation that goes through memblock (all of them but the
        # bitmap back end's) shows as the memblock_reserve line just before.
        if backend == "memblock" or not from_bootmem(what):
            traced = False
            for t in lines[max(0, i - 2):i]:
                r = re.match(r"^memblock_reserve: \[0x([0-9a-f]+)-0x([0-9a-f]+)\] ", t)
                if r and int(r.group(1), 16) == base and int(r.group(2), 16) == end - 1:
                    traced = True
            if not traced:
                fail(f"allocation {what} [{base:#x}-{end:#x}) has no memblock_reserve trace line")
        if not inside(base, end, memory):
            fail(f"allocation {what} [{base:#x}-{end:#x}) not in RAM")
        if overlaps(base, end, reserved):
            fail(f"allocation {what} [{base:#x}-{end:#x}) overlaps a firmware reservation")
        if overlaps(base, end, allocs):
            fail(f"allocation {what} [{base:#x}-{end:#x}) overlaps another allocation")
        allocs.append((base, end, what))
    if len(allocs) < 10:
        fail(f"only {len(allocs)} allocations reported")

    ho = dump_after(lines, "baremetal: dump handover")
    ho_memory, ho_reserved = ranges(ho, "memory"), ranges(ho, "reserved")
    bitmap = None
    for l in lines:
        m = re.match(r"^baremetal: bootmem bitmap 0x([0-9a-f]+) 0x([0-9a-f]+)$", l)
        if m:
            bitmap = (int(m.group(1), 16), int(m.group(1), 16) + int(m.group(2), 16))

    pages = []
    for l in lines:
        m = re.match(r"^baremetal: page 0x([0-9a-f]+) 0x([0-9a-f]+) order (\d+)$", l)
        if not m:
            continue
        base, size = int(m.group(1), 16), int(m.group(2), 16)
        end = base + size
        if not inside(base, end, ho_memory):
            fail(f"page [{base:#x}-{end:#x}) not in RAM")
        for b, e, _ in ho_reserved:
            lo, hi = max(b, base), min(e, end)
            if lo < hi and not (bitmap and bitmap[0] <= lo and hi <= bitmap[1]):
                fail(f"page [{base:#x}-{end:#x}) overlaps reservation [{b:#x}-{e:#x})")
        if overlaps(base, end, allocs):
            fail(f"page [{base:#x}-{end:#x}) overlaps a boot allocation")
        if overlaps(base, end, pages):
            fail(f"page [{base:#x}-{end:#x}) handed out twice")
        pages.append((base, end))
    if len(pages) < 5:
        fail(f"only {len(pages)} buddy blocks reported")

    handover = buddy = None
    for l in lines:
        m = re.match(r"^baremetal: handover (\d+) pages backend (\w+)$", l)
        if m:
            handover, backend = int(m.group(1)), m.group(2)
        m = re.match(r"^baremetal: buddy free (\d+) managed (\d+)$", l)
        if m:
            buddy = int(m.group(1))
    if handover is None or buddy is None:
        fail("no handover/buddy lines")
    else:
        if handover != buddy:
            fail(f"handover {handover} pages != buddy free {buddy}")
        # Independent count: whole pages of NONE-flagged memory, minus pages
        # touched by a reservation (bitmap: bootmem allocations too).
        taken = set()
        busy = [(b, e) for b, e, _ in ho_reserved]
        if backend == "bitmap":
            busy += [(b, e) for b, e, w in allocs if from_bootmem(w)]
        for b, e in busy:
            taken.update(range(b // PAGE, (e + PAGE - 1) // PAGE))
        if bitmap:
            taken.difference_update(range(bitmap[0] // PAGE, bitmap[1] // PAGE))
        free = 0
        for b, e, flags in ho_memory:
            if flags:
                continue
            for pfn in range((b + PAGE - 1) // PAGE, e // PAGE):
                if pfn not in taken:
                    free += 1
        if free != handover:
            fail(f"handover {handover} pages, the hand-over dump gives {free}")

    return report(log, errors, f"{len(allocs)} allocations, {len(pages)} buddy blocks, "
                  f"handover {handover} pages ({backend})" + sim_summary)


def report(name, errors, summary):
    if errors:
        print(f"FAIL {name}")
        for e in errors:
            print(f"  {e}")
        return 1
    print(f"ok   {name}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
