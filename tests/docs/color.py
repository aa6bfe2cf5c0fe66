#!/usr/bin/env python3
"""Colour stays out of pipes: `cdb --color=auto history` colours on a
pseudo-terminal, and not through a pipe, nor with NO_COLOR=1 or TERM=dumb;
--color=always and --color=never override the terminal test.

usage: color.py CDB
"""
import os
import pty
import shutil
import subprocess
import sys
import tempfile

CDB = os.path.abspath(sys.argv[1])
ESC = b"\x1b["
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def env_with(**kw):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "CDB_DATABASE_URL")}
    env["TERM"] = "xterm-256color"
    for k, v in kw.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def run_pty(args, cwd, env):
    """Run cdb with stdout and stderr on a pseudo-terminal; return its output and status."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            os.execve(CDB, [CDB] + args, env)
        finally:
            os._exit(127)
    out = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        out += data
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(status)


def run_pipe(args, cwd, env):
    p = subprocess.run([CDB] + args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.stdout + p.stderr, p.returncode


def main():
    tmp = tempfile.mkdtemp(prefix="cdb-color.")
    try:
        proj = os.path.join(tmp, "project")
        env = env_with()
        for args in (["init", proj], ["revision", "-m", "create movies"], ["revision", "-m", "add year"]):
            p = subprocess.run([CDB] + args, cwd=tmp if args[0] == "init" else proj, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if p.returncode != 0:
                print("FAIL: cdb %s: %s" % (" ".join(args), p.stdout.decode(errors="replace")))
                return 1

        hist = ["--color=auto", "history"]
        out, st = run_pty(hist, proj, env_with())
        check(st == 0, "cdb --color=auto history on a terminal exits %d" % st)
        check(b"add year" in out, "history on a terminal does not show the revisions: %r" % out)
        check(ESC in out, "no ANSI escape from --color=auto on a terminal: %r" % out)

        out, st = run_pipe(hist, proj, env_with())
        check(st == 0 and b"add year" in out, "history through a pipe failed: %r" % out)
        check(ESC not in out, "ANSI escape through a pipe: %r" % out)

        out, st = run_pty(hist, proj, env_with(NO_COLOR="1"))
        check(st == 0 and b"add year" in out, "history with NO_COLOR failed: %r" % out)
        check(ESC not in out, "ANSI escape on a terminal with NO_COLOR=1: %r" % out)

        out, st = run_pty(hist, proj, env_with(TERM="dumb"))
        check(ESC not in out, "ANSI escape on a terminal with TERM=dumb: %r" % out)

        out, st = run_pty(["history"], proj, env_with())
        check(ESC in out, "no ANSI escape on a terminal without --color (auto is the default): %r" % out)

        out, st = run_pty(["--color=never", "history"], proj, env_with())
        check(ESC not in out, "ANSI escape with --color=never on a terminal: %r" % out)

        out, st = run_pipe(["--color=always", "history"], proj, env_with(NO_COLOR="1"))
        check(ESC in out, "no ANSI escape with --color=always through a pipe: %r" % out)

        out, st = run_pipe(["--color=sometimes", "history"], proj, env_with())
        check(st == 64, "--color=sometimes exits %d, not 64 (usage error)" % st)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
