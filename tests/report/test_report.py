#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""memblock report: usage test_report.py MEMBLOCK SHARED_DIR CASE."""
import json
import os
import subprocess
import sys
import tempfile

MB, SHARED, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
LOGS = os.path.join(SHARED, "logs")
MiB = 1 << 20


def run(*args, check=True):
    p = subprocess.run([MB, *args], capture_output=True, text=True,
                       timeout=120)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: memblock {' '.join(args)} -> {p.returncode}\n"
                 f"{p.stderr}")
    return p


def consistent(j):
    assert j["total"] == j["reserved"] + j["free"] + j["nomap"]
    assert sum(z["total"] for z in j["zones"]) == j["total"]
    for z in j["zones"]:
        assert z["total"] == z["reserved"] + z["free"] + z["nomap"], z


def callers(j):
    return {c["function"]: c["bytes"] for c in j["by_caller"]}


def case_machine():
    j = json.loads(run("report", "vexpress-a9", "--json").stdout)
    consistent(j)
    assert j["total"] == 128 * MiB  # the seed's board
    c = callers(j)
    assert c["arm_memblock_init"] == 0x996fb4          # seed line 119
    assert c["arm_mm_memblock_reserve"] == 0x4000      # seed line 120
    assert c["alloc_node_mem_map"] == 1048576          # seed line 136
    assert c["pcpu_dfl_fc_alloc"] == 262144            # seed line 161
    big = j["largest_reservations"][0]
    assert big["base"] == 0x60100000 and big["kind"] == "kernel"
    # largest free range: from the DTB's end 0x64000000 + 0xc14a to the
    # percpu chunk at 0x67eac000 (seed lines 121, 162)
    assert j["largest_free"] == 0x67eac000 - (0x64000000 + 0xc14a)
    # free pages the hand-over releases: 32768 - 2810 = 29958 (arithmetic
    # in tests/boot/test_boot.py case_backends)
    assert j["release_pages_lowmem"] == 29958
    assert j["release_pages_highmem"] == 0
    text = run("report", "vexpress-a9").stdout
    assert "free ranges" in text and "hand-over will release: 29958" in text


def case_log():
    j = json.loads(run("report", os.path.join(LOGS, "arm_vexpress_128M.log"),
                       "--json").stdout)
    consistent(j)
    assert j["total"] == 0x08000000  # memory[0x0] of the log's dump
    # the log's Zone ranges: "DMA [mem 0x60000000-0x67ffffff]"
    assert [z["zone"] for z in j["zones"]] == ["DMA"]
    c = callers(j)
    # memblock_reserve lines of the log and the requests they serve:
    assert c["free_area_init"] == 1179648                   # line 84
    assert c["early_alloc"] == 12 * 4096 + 8192             # lines 48-75
    assert c["arm_memblock_init"] == 0x1307588 + 0x4000     # lines 31-32
    cma = [r for r in j["largest_reservations"] if r["kind"] == "cma"]
    assert cma and cma[0]["base"] == 0x67000000 and cma[0]["size"] == 16 * MiB


def case_memory_line():
    # 32-bit ARM kernels release every free page at the hand-over and
    # print the count right after: "Memory: <free>K/<present>K available".
    # The report's release estimate from the log's own lines must be that
    # figure, and its total the present one, for every 32-bit ARM log.
    import re
    for name in ("arm_vexpress_128M", "arm_vexpress_1G_smp4",
                 "arm_vexpress_512M_mem256M_cma", "arm_virt_512M_smp1"):
        path = os.path.join(LOGS, name + ".log")
        text = open(path, encoding="utf-8", errors="replace").read()
        free_k, present_k = map(int, re.search(
            r"Memory: (\d+)K/(\d+)K available", text).groups())
        j = json.loads(run("report", path, "--json").stdout)
        consistent(j)
        pages = j["release_pages_lowmem"] + j["release_pages_highmem"]
        assert pages * 4 == free_k, (name, pages * 4, free_k)
        assert j["total"] // 1024 == present_k, (name, j["total"], present_k)


def case_dtb():
    dtb = os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb")
    j = json.loads(run("report", "--dtb", dtb, "--json").stdout)
    consistent(j)
    # memory@60000000 reg = <0x60000000 0x40000000> in the .dts: 1 GiB;
    # HighMem from 0x90000000 (arm_vexpress_1G_smp4.log): 768 + 256 MiB
    assert j["total"] == 1 << 30
    zones = {z["zone"]: z["total"] for z in j["zones"]}
    assert zones == {"Normal": 768 * MiB, "HighMem": 256 * MiB}, zones
    # the default CMA area (16 MiB) goes to HighMem first
    cma = [r for r in j["largest_reservations"] if r["kind"] == "cma"]
    assert cma and cma[0]["size"] == 16 * MiB and cma[0]["base"] >= 0x90000000


def case_bad_input():
    log = open(os.path.join(LOGS, "arm_vexpress_128M.log"), "rb").read()
    dtb = open(os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb"),
               "rb").read()
    with tempfile.TemporaryDirectory() as d:
        cases = {
            "cut_dump.log": (log[:log.index(b"reserved.cnt") + 5], "truncated"),
            "cut_line.log": (log[:log.index(b"memblock_alloc_try_nid: 40") + 30],
                             "truncated"),
            "garbage.log": (bytes(range(256)) * 40, "no memblock lines"),
            "plain.log": (b"Booting Linux\nno tracing here\n" * 5,
                          "no memblock lines"),
        }
        for name, (data, word) in cases.items():
            path = os.path.join(d, name)
            open(path, "wb").write(data)
            p = run("report", path, check=False)
            err = p.stderr.strip()
            assert p.returncode > 0 and "\n" not in err and word in err, (
                name, p.returncode, err)
        bad = os.path.join(d, "bad.dtb")
        open(bad, "wb").write(dtb[:200])
        for args in (["--dtb", bad], [os.path.join(d, "missing.log")],
                     ["--frobnicate"], []):
            p = run("report", *args, check=False)
            err = p.stderr.strip()
            assert p.returncode > 0 and err and "\n" not in err, (args, err)


globals()["case_" + CASE]()
print(f"report_{CASE}: ok")
