#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""memblock map: usage test_map.py MEMBLOCK SHARED_DIR CASE."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MB, SHARED, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
SVG = "{http://www.w3.org/2000/svg}"
LOGS = os.path.join(SHARED, "logs")


def run(*args, check=True):
    p = subprocess.run([MB, *args], capture_output=True, text=True,
                       timeout=120)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: memblock {' '.join(args)} -> {p.returncode}\n"
                 f"{p.stderr}")
    return p


def regions(svg_path):
    """data-region -> list of <g> elements; every one must have a title."""
    root = ET.parse(svg_path).getroot()  # raises if not well-formed
    assert root.tag == SVG + "svg"
    out = {}
    for g in root.iter(SVG + "g"):
        r = g.get("data-region")
        if r:
            title = g.find(SVG + "title")
            assert title is not None and title.text, r
            out.setdefault(r, []).append(g)
    return out


def case_svg_boot():
    with tempfile.TemporaryDirectory() as d:
        svg = os.path.join(d, "m.svg")
        j = json.loads(run("boot", "--json", "--map", svg).stdout)
        got = regions(svg)
        # one labelled element (at least) per region of both tables
        for i in range(len(j["memory"])):
            assert f"memory[{i}]" in got, i
        for i in range(len(j["reserved"])):
            assert f"reserved[{i}]" in got, i
        # kinds at the seed's addresses (seed lines 119-121)
        by_base = {g.get("data-base"): g.get("data-kind")
                   for gs in got.values() for g in gs}
        assert by_base["0x60100000"] == "kernel"
        assert by_base["0x60004000"] == "pagetable"
        assert by_base["0x64000000"] == "dtb"
        assert by_base["0x67ef9000"] == "memmap"   # alloc_node_mem_map
        assert by_base["0x67eac000"] == "percpu"   # pcpu_dfl_fc_alloc


def case_svg_log():
    with tempfile.TemporaryDirectory() as d:
        svg = os.path.join(d, "m.svg")
        run("map", os.path.join(LOGS, "arm_vexpress_128M.log"), "-o", svg)
        got = regions(svg)
        assert "memory[0]" in got and "memory[1]" not in got
        kinds = {g.get("data-base"): g.get("data-kind")
                 for gs in got.values() for g in gs}
        # "cma: Reserved 16 MiB at 0x67000000" (arm_vexpress_128M.log:36)
        assert kinds["0x67000000"] == "cma"
        # memblock_reserve [0x60300000-...] arm_memblock_init (line 31)
        assert kinds["0x60300000"] == "kernel"


def case_holes():
    # x86_4G_smp4.log: usable RAM below the PCI hole ends at 0xbffdffff
    # and resumes at 4 GiB (its BIOS-e820 lines); the ACPI tables reserved
    # just above 0xbffe0000 are not memory but reserved, so the hole runs
    # from a little above 0xbffe0000 to 0x100000000: about 1 GiB, drawn
    # small and labelled with its size.
    with tempfile.TemporaryDirectory() as d:
        svg = os.path.join(d, "m.svg")
        run("map", os.path.join(LOGS, "x86_4G_smp4.log"), "-o", svg)
        root = ET.parse(svg).getroot()
        holes = [g for g in root.iter(SVG + "g")
                 if (g.get("class") or "").split()[:2] == ["seg", "hole"]]
        ends = [(int(g.get("data-base"), 16), int(g.get("data-size"), 16))
                for g in holes]
        assert any(0xbffe0000 <= b < 0xc0000000 and b + s == 0x100000000
                   for b, s in ends), ends
        text = open(svg).read()
        assert "hole of 1.0 GiB" in text
        # readable: a 4 KiB range and a 1 GiB one are both drawn, and the
        # whole 4 GiB span fits in a few thousand pixels
        h = int(root.get("height"))
        assert h < 20000, h
        rects = [int(r.get("height")) for r in root.iter(SVG + "rect")
                 if r.get("height") and r.get("height").isdigit()]
        assert min(rects) >= 8


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return name
    return None


def case_html_chromium():
    exe = chromium()
    if not exe:
        print("SKIP: no chromium")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as d:
        html = os.path.join(d, "m.html")
        j = json.loads(run("boot", "--json", "--map", html).stdout)
        text = open(html).read()
        assert "http://" not in text.replace(
            "http://www.w3.org/2000/svg", ""), "must be self-contained"
        p = subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu",
             "--enable-logging=stderr", "--v=0",
             f"--user-data-dir={d}/profile", "--dump-dom",
             "file://" + html],
            capture_output=True, text=True, timeout=120)
        dom = p.stdout
        errors = [l for l in p.stderr.splitlines()
                  if "CONSOLE" in l or "Uncaught" in l]
        assert not errors, errors
        mem = re.search(r'data-memory-regions="(\d+)"', dom)
        rsv = re.search(r'data-reserved-segments="(\d+)"', dom)
        assert mem and rsv, "the page's script did not run"
        assert int(mem.group(1)) == len(j["memory"]) == 1
        # the script counted the reserved segments the page shows
        assert int(rsv.group(1)) == dom.count('class="seg reserved"') > 0
        for i in range(len(j["reserved"])):
            assert f'data-region="reserved[{i}]"' in dom, i


def case_html_timeline():
    # A log drawn as HTML steps through its dumps: one frame per
    # "MEMBLOCK configuration:" block and one for the end of the log; the
    # page opens on the last, whose memory regions are those of the log's
    # last dump.
    exe = chromium()
    if not exe:
        print("SKIP: no chromium")
        sys.exit(77)
    log = os.path.join(LOGS, "x86_4G_smp4.log")
    text = open(log, encoding="utf-8", errors="replace").read()
    dumps = text.split("MEMBLOCK configuration:")
    last = dumps[-1]
    nmem = int(re.search(r"memory\.cnt\s*=\s*0x([0-9a-f]+)", last).group(1), 16)
    with tempfile.TemporaryDirectory() as d:
        html = os.path.join(d, "t.html")
        run("map", log, "-o", html)
        page = open(html).read()
        assert page.count('<div class="frame') == len(dumps)  # dumps + 1
        assert 'id="step"' in page
        p = subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu",
             "--enable-logging=stderr", "--v=0",
             f"--user-data-dir={d}/profile", "--dump-dom",
             "file://" + html],
            capture_output=True, text=True, timeout=120)
        errors = [l for l in p.stderr.splitlines()
                  if "CONSOLE" in l or "Uncaught" in l]
        assert not errors, errors
        frames = re.search(r'data-frames="(\d+)"', p.stdout)
        mem = re.search(r'data-memory-regions="(\d+)"', p.stdout)
        assert frames and int(frames.group(1)) == len(dumps)
        assert mem and int(mem.group(1)) == nmem == 3


def one_line_error(args):
    p = run(*args, check=False)
    assert p.returncode > 0, (args, p.returncode)
    err = p.stderr.strip()
    assert err and "\n" not in err, (args, err)
    return err


def bad_inputs(d):
    """(args-suffix, expected word) for every kind of bad input."""
    log = open(os.path.join(LOGS, "arm_vexpress_128M.log"), "rb").read()
    mid_dump = log.index(b"reserved.cnt") + 5
    files = {
        "cut_dump.log": log[:mid_dump],
        "cut_line.log": log[:log.index(b"memblock_reserve: [0x6030") + 20],
        "garbage.log": bytes(range(256)) * 40,
        "plain.log": b"Booting Linux on physical CPU 0x0\nHello\n" * 10,
    }
    for name, data in files.items():
        open(os.path.join(d, name), "wb").write(data)
    dtb = open(os.path.join(SHARED, "dtbs", "arm__vexpress-v2p-ca9.dtb"),
               "rb").read()
    open(os.path.join(d, "bad.dtb"), "wb").write(dtb[:100])
    return [
        ([os.path.join(d, "cut_dump.log")], "truncated"),
        ([os.path.join(d, "cut_line.log")], "truncated"),
        ([os.path.join(d, "garbage.log")], "no memblock lines"),
        ([os.path.join(d, "plain.log")], "no memblock lines"),
        ([os.path.join(d, "missing.log")], "No such file"),
        (["--dtb", os.path.join(d, "bad.dtb")], "corrupt"),
    ]


def case_bad_input():
    with tempfile.TemporaryDirectory() as d:
        for args, word in bad_inputs(d):
            err = one_line_error(["map", *args, "-o",
                                  os.path.join(d, "x.svg")])
            assert word in err, (args, err)
            assert not os.path.exists(os.path.join(d, "x.svg"))
        one_line_error(["map", "vexpress-a9", "-o", os.path.join(d, "x.png")])


globals()["case_" + CASE]()
print(f"map_{CASE}: ok")
