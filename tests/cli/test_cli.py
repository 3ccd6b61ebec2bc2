#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""memblock command line: usage test_cli.py MEMBLOCK MAN_PAGE CASE [SHARED].

The expected options are those issue 5 names for each subcommand
(boot: --dtb --cmdline --bootmem --map --json, and --atags --bare of
issue 7; replay: --json -v;
report: --dtb --json; map: --dtb -o) plus replay's --profile; the exit
codes are the ones docs/memblock.1 documents (0 ok, 2 bad usage)."""
import os
import pty
import re
import subprocess
import sys

MB, MAN, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
SHARED = sys.argv[4] if len(sys.argv) > 4 else None

OPTIONS = {
    "boot": ["--dtb", "--cmdline", "--bootmem", "--map", "--json", "--atags",
             "--bare"],
    "replay": ["--json", "-v", "--profile"],
    "report": ["--dtb", "--json"],
    "map": ["--dtb", "-o"],
}


def run(*args):
    return subprocess.run([MB, *args], capture_output=True, text=True,
                          timeout=60)


def described(text, opt):
    """opt starts an indented description line of the help text."""
    return re.search(r"^\s+" + re.escape(opt) + r"(\s|$)", text, re.M)


def case_help():
    top = run("--help")
    assert top.returncode == 0 and top.stderr == "", top
    for cmd, opts in OPTIONS.items():
        # the top-level help lists the command with a one-line summary
        assert re.search(r"^\s+" + cmd + r"\s+\S", top.stdout, re.M), cmd
        for flag in ("--help", "-h"):
            p = run(cmd, flag)
            assert p.returncode == 0, (cmd, flag, p.returncode)
            assert p.stderr == "", (cmd, flag, p.stderr)
            out = p.stdout
            assert out.startswith("usage: memblock " + cmd), (cmd, out)
            synopsis = out.split("\n\n")[0]
            for o in opts:
                assert o in synopsis, (cmd, o, "not in the synopsis")
                assert described(out, o), (cmd, o, "not described")
            assert re.search(r"^Exit: 0 ", out, re.M), (cmd, "exit codes")
    v = run("--version")
    assert v.returncode == 0 and re.fullmatch(r"memblock \d+\.\d+\.\d+\n",
                                              v.stdout), v.stdout


def one_line_error(args, code):
    p = run(*args)
    assert p.returncode == code, (args, p.returncode, p.stderr)
    err = p.stderr.strip()
    assert err and "\n" not in err, (args, err)
    assert p.stdout == "", (args, p.stdout)
    return err


def case_bad_usage():
    # no command: the usage on stderr, status 2
    p = run()
    assert p.returncode == 2 and p.stderr.startswith("usage: memblock"), p
    assert "unknown command 'frob'" in one_line_error(["frob"], 2)
    for cmd in OPTIONS:
        err = one_line_error([cmd, "--frobnicate"], 2)
        assert err.startswith("memblock " + cmd + ":"), err
        assert "--help" in err, err   # it says where to look
    # a value-taking option without its value is bad usage, not a crash
    for cmd, opt in (("boot", "--dtb"), ("boot", "--bootmem"), ("boot", "--atags"),
                     ("report", "--dtb"), ("map", "-o")):
        one_line_error([cmd, "x", opt] if cmd == "map" else [cmd, opt], 2)
    err = one_line_error(["boot", "--bootmem", "buddy"], 2)
    assert "bitmap or memblock" in err, err
    one_line_error(["map", "vexpress-a9"], 2)   # no -o
    one_line_error(["report"], 2)               # no input


def case_man_page():
    man = open(MAN, encoding="utf-8").read()
    # troff writes '-' as '\-' in option names
    plain = man.replace("\\-", "-")
    ver = run("--version").stdout.split()[1]
    th = re.search(r'^\.TH MEMBLOCK 1 "[^"]*" "memblock ([^"]+)"', man, re.M)
    assert th and th.group(1) == ver, (th and th.group(1), ver)
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS",
                    "EXAMPLES", "SEE ALSO"):
        assert re.search(r"^\.SH " + section + r"\s*$", man, re.M), section
    for cmd, opts in OPTIONS.items():
        assert re.search(r"^\.B memblock " + cmd, man, re.M), cmd
        for o in opts:
            assert o in plain, (cmd, o)
        # one example per command
        assert re.search(r"^memblock " + cmd + r"\b", plain, re.M), cmd


def replay_stderr(args, tty):
    """stderr of `memblock replay ARGS`, through a pseudo-terminal if tty."""
    if not tty:
        p = subprocess.run([MB, "replay", *args], capture_output=True,
                           timeout=120)
        return p.returncode, p.stderr
    master, slave = pty.openpty()
    p = subprocess.Popen([MB, "replay", *args], stdout=subprocess.DEVNULL,
                         stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            b = os.read(master, 4096)
        except OSError:      # EIO: the child closed its end
            break
        if not b:
            break
        chunks.append(b)
    os.close(master)
    return p.wait(timeout=120), b"".join(chunks)


def case_progress():
    # Issue 5: long replays show progress on stderr only when it is a
    # terminal. x86_4G_smp4.log has well over 256 records, so a progress
    # line ("\rreplay: <file>: i/n records") must appear at record 0 and
    # be erased at the end ("\r" ESC "[K").
    log = os.path.join(SHARED, "logs", "x86_4G_smp4.log")
    rc, err = replay_stderr([log], tty=True)
    assert rc == 0, (rc, err)
    assert re.search(rb"\rreplay: [^\r]*x86_4G_smp4\.log: 0/\d+ records",
                     err), err[:200]
    assert err.endswith(b"\r\x1b[K"), err[-40:]
    rc, err = replay_stderr([log], tty=False)      # a pipe: nothing
    assert rc == 0 and err == b"", (rc, err[:200])
    rc, err = replay_stderr(["--json", log], tty=True)  # JSON: nothing
    assert rc == 0 and b"records" not in err, (rc, err[:200])


globals()["case_" + CASE]()
print(f"cli_{CASE}: ok")
