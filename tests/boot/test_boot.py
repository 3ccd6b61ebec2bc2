#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""memblock boot: usage test_boot.py MEMBLOCK SHARED_DIR CASE.

Expected values come from the seed text (shared/seed), the real 6.1 logs
(shared/logs) or arithmetic written down next to them.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

MB, SHARED, CASE = sys.argv[1], sys.argv[2], sys.argv[3]


def run(*args, check=True):
    p = subprocess.run([MB, *args], capture_output=True, text=True,
                       timeout=120)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: memblock {' '.join(args)} -> {p.returncode}\n"
                 f"{p.stderr}")
    return p


def norm(line):
    return re.sub(r"\s+", " ", line.strip())


MEMBLOCK_LINE = re.compile(
    r"^(memblock_|__memblock_|MEMBLOCK configuration| memory| reserved|"
    r"Built \d+ zonelists|percpu:|cma:)")


def memblock_lines(text):
    out = []
    for raw in text.splitlines():
        line = re.sub(r"^\[[ 0-9.]+\] ", "", raw.rstrip("\r"))
        if MEMBLOCK_LINE.match(line):
            out.append(norm(line))
    return out


def seed_excerpt():
    text = open(os.path.join(SHARED, "seed", "memblock-and-bootmem.md"),
                encoding="utf-8").read()
    start = text.index("memblock_reserve: [0x60100000")
    end = text.index("Total pages: 32512", start)
    return text[start:end + len("Total pages: 32512")]


def case_seed():
    # Every memblock line of the seed's log (its lines 119-196), in order,
    # byte for byte apart from blank runs (the blog turned tabs to spaces).
    want = memblock_lines(seed_excerpt())
    got = memblock_lines(run("boot").stdout)
    # seed lines 119-196 are 78 lines; 2 are not memblock's (CPU:, random:)
    assert len(want) == 76, len(want)
    for i, (w, g) in enumerate(zip(want, got)):
        assert w == g, f"line {i}: seed {w!r}\n         got  {g!r}"
    assert len(got) == len(want), (len(got), len(want))


def case_seed_dump():
    out = run("boot").stdout
    dump = out[out.index("MEMBLOCK configuration:"):].splitlines()[:8]
    # the seed's first dump (seed lines 122-129)
    assert norm(dump[1]) == "memory size = 0x08000000 reserved size = 0x009a70fe"
    assert "[0x60000000-0x67ffffff]" in dump[3]
    assert "reserved.cnt = 0x3" in norm(dump[4])
    assert "[0x60004000-0x60007fff], 0x00004000" in dump[5]   # pgdir
    assert "[0x60100000-0x60a96fb3], 0x00996fb4" in dump[6]   # kernel
    assert "[0x64000000-0x6400c149], 0x0000c14a" in dump[7]   # DTB
    # 0x4000 + 0x996fb4 + 0xc14a = 0x9a70fe (the dump's reserved size)
    assert 0x4000 + 0x996fb4 + 0xc14a == 0x9a70fe
    # allocation addresses of the seed (lines 130, 137, 162, 193)
    for a in ("[0x67ffe000-0x67ffffff]", "[0x67ef9000-0x67ff8fff]",
              "[0x67eac000-0x67eebfff]", "[0x67ffc0c0-0x67ffc137]"):
        assert a in out, a
    # 32768 pages - 1 MiB of 32-byte struct pages (256 pages) = 32512
    assert "Total pages: 32512" in out


def case_machines():
    # Total pages of the real logs each built-in machine mirrors.
    want = {"vexpress-a9": 32512,       # seed
            "vexpress-a9-6.1": 32480,   # arm_vexpress_128M.log:150
            "virt-arm64": 129024,       # arm64_virt_512M_smp1.log:638
            "pc-x86_64": 128736}        # x86_512M.log:204
    for name, pages in want.items():
        out = run("boot", name).stdout
        assert out.count("MEMBLOCK configuration:") >= 1, name
        assert f"Total pages: {pages}" in out, (name, out[-400:])
        assert re.search(r"^Memory: \d+K/\d+K available", out, re.M), name
        j = json.loads(run("boot", name, "--json").stdout)
        assert j["handover"]["ok"] and j["failed_allocations"] == 0, name
    # x86: the e820 map printed as QEMU's SeaBIOS gave it (x86_512M.log)
    out = run("boot", "pc-x86_64").stdout
    assert "BIOS-e820: [mem 0x0000000000100000-0x000000001ffdffff] usable" in out
    # arm64 page tables come from early_pgtable_alloc with NOLEAKTRACE (0x1)
    out = run("boot", "virt-arm64").stdout
    assert "max_addr=0x0000000000000001 early_pgtable_alloc" in out


def case_backends():
    m = json.loads(run("boot", "--json").stdout)["handover"]
    b = json.loads(run("boot", "--json", "--bootmem", "bitmap").stdout)["handover"]
    assert m["ok"] and b["ok"]
    assert m["total_pages"] == b["total_pages"] == 32512
    assert m["present_pages"] == b["present_pages"] == 32768
    # memblock back end, pages kept reserved (seed placements):
    #   pgdir 0x60004000-0x60007fff            4
    #   kernel 0x60100000-0x60a96fb3            0x60a97-0x60100 = 2455
    #   DTB 0x64000000 + 0xc14a                 13 (12 pages + 0x14a)
    #   top 0x67eac000-0x67ffffff               0x154 = 340
    #     minus the two whole pages freed by the percpu frees
    #     [0x67eec000-0x67eee3ff]               -2
    #   = 4 + 2455 + 13 + 338 = 2810 -> free 32768 - 2810 = 29958
    assert m["reserved_pages"] == 2810 and m["free_pages"] == 29958
    # bitmap back end: the bitmap (4096 bytes for 32768 pages = 1 page) is
    # released with the rest, so it costs nothing. What differs: bootmem
    # allocates bottom-up and free_bootmem releases whole pages only, so
    # the two 4096-byte percpu blocks freed at 64-byte alignment free no
    # page (2 pages stay), and the small requests the memblock back end
    # packed into the page-table page take a page of their own (1 page):
    #   2810 + 2 + 1 = 2813 -> free 29955
    assert b["bitmap_pages"] == 1
    assert b["reserved_pages"] == 2813 and b["free_pages"] == 29955
    assert m["free_pages"] - b["free_pages"] == 3
    # Every built-in machine reaches the hand-over through both back ends
    # with the same Total pages; the free pages differ only by what
    # bootmem's page granularity keeps (a few pages of sub-page frees and
    # packing), never by whole allocations.
    for name in ("vexpress-a9-6.1", "virt-arm64", "pc-x86_64"):
        m = json.loads(run("boot", name, "--json").stdout)["handover"]
        b = json.loads(run("boot", name, "--json", "--bootmem",
                           "bitmap").stdout)["handover"]
        assert m["ok"] and b["ok"], name
        assert m["total_pages"] == b["total_pages"], name
        assert b["bitmap_pages"] >= 1, name
        assert 0 <= m["free_pages"] - b["free_pages"] <= 4, (name, m, b)


def log_until_built(name, first=None):
    log = open(os.path.join(SHARED, "logs", name + ".log"),
               encoding="utf-8", errors="replace").read()
    lines = memblock_lines(log)
    start = next(i for i, l in enumerate(lines) if first in l) if first else 0
    end = next(i for i, l in enumerate(lines) if l.startswith("Built"))
    return lines[start:end + 1]


def same_lines(machine, want):
    got = memblock_lines(run("boot", machine).stdout)
    assert got == want, next(((i, w, g) for i, (w, g) in
                              enumerate(zip(want, got)) if w != g),
                             (len(want), len(got)))


def case_arm_logs():
    # Machine files in tools/memblock/machines/ for the other device-tree
    # logs: every memblock line of each to "Built", exactly (mem= and
    # cma= from the command line, CMA in HighMem, a QEMU-generated tree,
    # one CPU, two NUMA nodes, a crash kernel).
    machines = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "tools", "memblock", "machines")
    for machine, log, n in (
            ("vexpress-a9-1G.txt", "arm_vexpress_1G_smp4", 91),
            ("vexpress-a9-512M-mem256M-cma.txt",
             "arm_vexpress_512M_mem256M_cma", 125),
            ("arm-virt-512M.txt", "arm_virt_512M_smp1", 92),
            # arm64: two NUMA nodes (NODE_DATA and sparse map per node,
            # a per-cpu chunk per node), and crashkernel= with cma=
            ("arm64-virt-2G-numa2.txt", "arm64_virt_2G_numa2", 2147),
            ("arm64-virt-1G-crashkernel-cma.txt",
             "arm64_virt_1G_crashkernel_cma", 1115),
            # x86: memmap= edits of the e820 map (14 resource records)
            ("pc-x86_64-1G-memmap.txt", "x86_1G_memmap", 139),
            # x86: SRAT NUMA (NODE_DATA and sparse map per node, a per-cpu
            # group of one 2 MiB unit per node)
            ("pc-x86_64-2G-numa2-uneven.txt", "x86_2G_numa2_uneven", 136),
            # x86: movable_node (bottom-up until the SRAT, no scratch block)
            ("pc-x86_64-2G-numa2-movable-node.txt",
             "x86_2G_numa2_movable_node", 133)):
        want = log_until_built(log)
        assert len(want) == n, (log, len(want))
        same_lines(os.path.join(machines, machine), want)


def case_vexpress61():
    # The 6.1 board: every memblock line of arm_vexpress_128M.log from the
    # kernel's reservation to "Built 1 zonelists" (107 lines, percpu: too),
    # exactly.
    want = log_until_built("arm_vexpress_128M", "[0x60300000-")
    assert len(want) == 107, len(want)
    same_lines("vexpress-a9-6.1", want)


def x86_lines(text):
    keep = re.compile(r"^(memblock_|MEMBLOCK configuration| memory| reserved|"
                      r"e820|BIOS-e820)")
    out = []
    for raw in text.splitlines():
        line = re.sub(r"^\[[ 0-9.]+\] ", "", raw.rstrip("\r"))
        if keep.match(line):
            out.append(norm(line))
    return out


def case_x86_log():
    # pc-x86_64 against x86_512M.log: the e820 map, its trimming, the
    # MP-table and kernel reservations, both dumps (one fake node, the
    # ACPI tables above RAM without a node), real-mode trampoline, the
    # init_mem_mapping scratch block, NODE_DATA, sparse_init and the
    # vmemmap page tables: the log's first 57 such lines, exactly.
    log = open(os.path.join(SHARED, "logs", "x86_512M.log"),
               encoding="utf-8", errors="replace").read()
    want = x86_lines(log)[:57]
    assert want[-1].startswith("memblock_reserve: [0x000000001ffa9000-")
    got = x86_lines(run("boot", "pc-x86_64").stdout)[:57]
    assert got == want, next((w, g) for w, g in zip(want, got) if w != g)
    # and every memblock line to "Built" (124 lines: the firmware-map and
    # nosave records, per-cpu with 2 MiB units and their freed tails)
    want = log_until_built("x86_512M")
    assert len(want) == 124, len(want)
    same_lines("pc-x86_64", want)


def case_arm64_log():
    # virt-arm64 against arm64_virt_512M_smp1.log: every memblock line from
    # the first (arm64_memblock_init's removals) to "Built": 259 page-table
    # pages, the paging_init free, NUMA faking, NODE_DATA, the sparse map,
    # CMA, the dump, per-cpu areas: 600 lines, exactly.
    want = log_until_built("arm64_virt_512M_smp1")
    assert len(want) == 600, len(want)
    assert sum("early_pgtable_alloc" in l for l in want) == 259
    same_lines("virt-arm64", want)


def dts_has_memory(dts):
    """Does the .dts give RAM? A node with device_type "memory" whose
    linux,usable-memory (which overrides reg) or reg has a non-zero size
    (root #address-cells / #size-cells decide the layout)."""
    sc = int(re.search(r"#size-cells = <0x([0-9a-f]+)>;", dts).group(1), 16)
    ac = int(re.search(r"#address-cells = <0x([0-9a-f]+)>;", dts).group(1),
             16)
    for node in re.finditer(r"\n\t[\w@,.-]+ \{\n(.*?)\n\t\};", dts, re.S):
        body = node.group(1)
        if not re.search(r'^\t\tdevice_type = "memory";', body, re.M):
            continue
        prop = (re.search(r"^\t\tlinux,usable-memory = <([^>]*)>", body, re.M)
                or re.search(r"^\t\treg = <([^>]*)>", body, re.M))
        if not prop:
            continue
        cells = [int(x, 16) for x in prop.group(1).split()]
        for i in range(0, len(cells) - ac - sc + 1, ac + sc):
            if any(cells[i + ac:i + ac + sc]):
                return True
    return False


def case_dtb_corpus():
    # Every shared DTB as a machine: trees with RAM boot to the hand-over;
    # trees whose /memory is a placeholder (or lacks device_type) give one
    # clear error line. Which is which comes from the .dts text.
    dtbs = os.path.join(SHARED, "dtbs")
    booted = 0
    for name in sorted(os.listdir(dtbs)):
        if not name.endswith(".dtb"):
            continue
        dts = open(os.path.join(dtbs, name[:-4] + ".dts")).read()
        p = run("boot", os.path.join(dtbs, name), check=False)
        if dts_has_memory(dts):
            assert p.returncode == 0, (name, p.stderr)
            assert "Total pages:" in p.stdout, name
            booted += 1
        else:
            err = p.stderr.strip()
            assert p.returncode == 1 and "no memory" in err, (name, err)
            assert "\n" not in err
    assert booted >= 10, booted
    # a placeholder tree given RAM by a machine file, as a boot loader
    # would: the Raspberry Pi 4 tree (2/1 cells, /memreserve/ 0+0x1000)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "rpi4.txt")
        with open(path, "w") as f:
            f.write("arch arm64\nram 0 1G\ndtb-set-memory yes\n"
                    f"dtb {os.path.join(dtbs, 'arm64__broadcom__bcm2711-rpi-4-b.dtb')}\n"
                    "kernel 0x200000 32M\ndtb-at 0x2eff2000\n")
        out = run("boot", path).stdout
        assert "memory[0x0]\t[0x0000000000000000-0x000000003fffffff]" in out
        # /memreserve/ 0x0 0x1000 from the tree
        assert "[0x0000000000000000-0x0000000000000fff], 0x0000000000001000" in out


def case_machine_file():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "board.txt")
        with open(path, "w") as f:
            f.write("# two banks, no device tree\n"
                    "name twobank\narch arm32\nstyle 6\n"
                    "ram 0x80000000 64M\nram 0x90000000 64M\n"
                    "kernel 0x80100000 4M\npgdir 0x80004000 16K\n"
                    "initrd 0x82000000 2M\n"
                    "reserve 0x8ff00000 1M firmware\n")
        out = run("boot", path).stdout
        assert " memory.cnt  = 0x2" in out
        assert "[0x80100000-0x804fffff]" in out  # 4 MiB kernel
        assert "[0x82000000-0x821fffff]" in out  # initrd
        assert "[0x8ff00000-0x8fffffff]" in out  # the reserve line
        assert "Total pages:" in out
        bad = os.path.join(d, "bad.txt")
        with open(bad, "w") as f:
            f.write("name x\nram 0x80000000 64M\nflux 3\n")
        p = run("boot", bad, check=False)
        assert p.returncode != 0
        assert p.stderr.strip().count("\n") == 0 and "line 3" in p.stderr


def one_line_error(args):
    p = run(*args, check=False)
    assert p.returncode not in (0,) and p.returncode > 0, (args, p.returncode)
    err = p.stderr.strip()
    assert err and "\n" not in err, (args, err)
    return err


def case_bad_input():
    with tempfile.TemporaryDirectory() as d:
        dtb = os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb")
        blob = open(dtb, "rb").read()
        cut = os.path.join(d, "cut.dtb")
        open(cut, "wb").write(blob[:len(blob) // 2])
        junk = os.path.join(d, "junk.dtb")
        open(junk, "wb").write(blob[:64] + b"\xff" * (len(blob) - 64))
        assert "corrupt" in one_line_error(["boot", "--dtb", cut])
        assert "corrupt" in one_line_error(["boot", "--dtb", junk])
        assert "corrupt" in one_line_error(["boot", cut])
        one_line_error(["boot", "--dtb", os.path.join(d, "none.dtb")])
        one_line_error(["boot", os.path.join(d, "none.txt")])
        one_line_error(["boot", "nosuchboard"])
        one_line_error(["boot", "--bootmem", "slab"])
    # A value the kernel refuses is ignored, as the kernel ignores a bad
    # early parameter: the boot succeeds, with one warning naming it.
    for bad, word in (("mem=abc", "mem=abc"), ("memmap=64M$", "memmap=64M$")):
        p = run("boot", "pc-x86_64", "--cmdline", bad)
        warn = [l for l in p.stderr.splitlines() if "warning" in l]
        assert len(warn) == 1 and word in warn[0], (bad, p.stderr)
    p = run("boot", "pc-x86_64", "--cmdline", "mem=256M")
    assert "warning" not in p.stderr, p.stderr


def atag(tag, words=b""):
    """One ATAG: size in 32-bit words (header included), tag, payload."""
    import struct
    return struct.pack("<II", 2 + len(words) // 4, tag) + words


def small_atags(cmdline):
    import struct
    cl = cmdline.encode() + b"\0"
    cl += b"\0" * (-len(cl) % 4)
    # CORE (flags, pagesize, rootdev), MEM (size, start), CMDLINE, NONE
    return (atag(0x54410001, struct.pack("<III", 1, 4096, 0)) +
            atag(0x54410002, struct.pack("<II", 128 << 20, 0x60000000)) +
            atag(0x54410009, cl) + struct.pack("<II", 0, 0))


def first_dump(text):
    lines = text.splitlines()
    i = lines.index("MEMBLOCK configuration:")
    out = [lines[i]]
    for l in lines[i + 1:]:
        if not l.startswith(" "):
            break
        out.append(l)
    return out


def case_atags():
    # ATAG list: CORE, MEM 128M@0x60000000, CMDLINE, NONE. The one bank is
    # [0x60000000, 0x60000000 + 0x08000000) = [0x60000000-0x67ffffff].
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "atags.bin")
        open(f, "wb").write(small_atags("console=ttyAMA0 memblock=debug"))
        # An embedded kernel's boot: the bank, the image 0x60010000+0x10000
        # and nothing else.
        m = os.path.join(d, "m")
        open(m, "w").write(f"arch arm32\natags {f}\nreservations firmware-only\n"
                           "kernel 0x60010000 0x10000\n")
        got = first_dump(run("boot", m).stdout)
        assert got[2:] == [
            " memory.cnt  = 0x1",
            " memory[0x0]\t[0x60000000-0x67ffffff], 0x08000000 bytes flags: 0x0",
            " reserved.cnt  = 0x1",
            " reserved[0x0]\t[0x60010000-0x6001ffff], 0x00010000 bytes flags: 0x0",
        ], got
        assert got[1] == " memory size = 0x08000000 reserved size = 0x00010000", got
        # The list's ATAG_CMDLINE is the command line: mem=64M there keeps
        # [0x60000000, +0x04000000) = [0x60000000-0x63ffffff].
        open(f, "wb").write(small_atags("mem=64M memblock=debug"))
        got = first_dump(run("boot", m).stdout)
        assert got[3] == " memory[0x0]\t[0x60000000-0x63ffffff], 0x04000000 bytes flags: 0x0", got
        # Without memblock=debug in the list the embedded kernel is silent.
        open(f, "wb").write(small_atags("console=ttyAMA0"))
        out = run("boot", m).stdout
        assert "MEMBLOCK configuration:" not in out and "memblock_" not in out, out
        # --atags on the Linux path (the seed's 4.x board): memory from the
        # list, so the dump's memory is the bank; Linux adds its own
        # reservations (more than the one range).
        open(f, "wb").write(small_atags("console=ttyAMA0"))
        out = run("boot", "--atags", f).stdout
        got = first_dump(out)
        assert got[3] == " memory[0x0]\t[0x60000000-0x67ffffff], 0x08000000 bytes flags: 0x0", got
        assert "Memory: " in out, out
        # a list that is not one, and ATAGs on arm64, are refused
        bad = os.path.join(d, "bad.bin")
        open(bad, "wb").write(b"\xff" * 32)
        assert "ATAG" in one_line_error(["boot", "--atags", bad])
        open(m, "w").write(f"arch arm64\natags {f}\n")
        assert "atags" in one_line_error(["boot", m])
        # a boot loader hands over a tree or a list, not both
        dtb = os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb")
        p = run("boot", "--dtb", dtb, "--atags", f, check=False)
        assert p.returncode == 2 and "exclude" in p.stderr, p


def case_bare():
    # reservations firmware-only on the vexpress tree, 128 MiB at
    # 0x60000000 (dtb-set-memory), the tree at 0x64000000. Reserved must
    # be exactly: the listed image
    # 0x60010000+0x1c280 (ends 0x6002c27f), the listed 'fw' range
    # 0x66000000+0x1000, and the tree [0x64000000, +totalsize) - no page
    # tables, page directory, CMA or unflattened tree.
    dtb = os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb")
    size = int.from_bytes(open(dtb, "rb").read()[4:8], "big")
    with tempfile.TemporaryDirectory() as d:
        m = os.path.join(d, "m")
        base = ("arch arm32\ndtb %s\nram 0x60000000 128M\ndtb-set-memory yes\n"
                "dtb-at 0x64000000\nkernel 0x60010000 0x1c280\n"
                "reserve 0x66000000 0x1000 fw\ncmdline console=ttyAMA0 memblock=debug\n" % dtb)
        open(m, "w").write(base + "reservations firmware-only\n")
        p = run("boot", m)
        got = first_dump(p.stdout)
        rsv = [l for l in got if l.startswith(" reserved[")]
        assert rsv[0] == " reserved[0x0]\t[0x60010000-0x6002c27f], 0x0001c280 bytes flags: 0x0", got
        assert rsv[2] == " reserved[0x2]\t[0x66000000-0x66000fff], 0x00001000 bytes flags: 0x0", got
        assert rsv[1].startswith(" reserved[0x1]\t[0x64000000-"), got
        assert len(rsv) == 3, got
        # the tree's reserved size is its header's totalsize (dtb-set-memory
        # may have rewritten the blob: take it from the dump's own line)
        tsize = int(rsv[1].split(", ")[1].split()[0], 16)
        assert 0 < tsize < 2 * size + 8192, (tsize, size)
        assert got[1] == " memory size = 0x08000000 reserved size = 0x%08x" % (
            0x1c280 + 0x1000 + tsize), got
        # --bare on the same file (without the key) is the key's equal
        open(m, "w").write(base)
        assert first_dump(run("boot", m, "--bare").stdout) == got
        assert "Memory: " in p.stdout, p.stdout
        # The hand-over follows the three ranges at once: pages touched by
        # the image 0x60010000-0x6002c27f: 0x6002c - 0x60010 + 1 = 29; by
        # the tree: ceil(tsize / 4096); by 'fw': 1. 128 MiB = 32768 pages.
        j = json.loads(run("boot", m, "--bare", "--json").stdout)
        assert sorted((r["base"], r["kind"]) for r in j["records"]) == [
            (0x60010000, "kernel"), (0x64000000, "dtb"), (0x66000000, "firmware")], j["records"]
        busy = 29 + (tsize + 4095) // 4096 + 1
        assert j["handover"]["free_pages"] == 32768 - busy, (j["handover"], busy)
        # Linux on the same machine makes its page tables, mem_map, ...
        j = json.loads(run("boot", m, "--json").stdout)
        assert {"pagetable", "memmap", "percpu"} <= {r["kind"] for r in j["records"]}
        # x86: e820 map, only the listed first MiB and image. usable
        # [0, 0x9fc00) and [0x100000, 0x8000000); the BIOS trim makes page 0
        # reserved, so memory starts at 0x1000: [0x1000-0x9efff] (the
        # partial page 0x9f000-0x9fbff dropped) and [0x100000-0x7ffffff].
        open(m, "w").write("arch x86_64\nreservations firmware-only\n"
                           "e820 0 0x9fc00 usable\ne820 0x9fc00 0x400 reserved\n"
                           "e820 0x100000 0x7f00000 usable\n"
                           "kernel 0x100000 0x20000\nreserve 0 0x100000 low\n"
                           "cmdline memblock=debug\n")
        dumps = [l for l in run("boot", m).stdout.splitlines()
                 if l.startswith(" memory[") or l.startswith(" reserved[")]
        assert dumps[-3:] == [
            " memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x000000000009e000 bytes flags: 0x0",
            " memory[0x1]\t[0x0000000000100000-0x0000000007ffffff], 0x0000000007f00000 bytes flags: 0x0",
            # 0 .. 0x100000 + 0x20000 - 1 merged
            " reserved[0x0]\t[0x0000000000000000-0x000000000011ffff], 0x0000000000120000 bytes flags: 0x0",
        ], dumps
        # a bad value for the key
        open(m, "w").write("arch arm32\nram 0x60000000 64M\nreservations some\n")
        assert "reservations" in one_line_error(["boot", m])


globals()["case_" + CASE]()
print(f"boot_{CASE}: ok")
