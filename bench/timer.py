"""Time one command the way a user experiences it.

measure() forks and execs the command and reaps it with wait4(): the wall
time runs from the fork to the reap, so process start-up, dynamic linking
and interpreter start-up are all counted; CPU time and peak RSS come from
the kernel's accounting of the reaped child.  The peak is the largest
resident set of the command itself or of any child it waited for (Linux
folds reaped descendants' maxrss into the child's rusage).  Server
processes (PostgreSQL) are not children, so their memory is not counted.

A child forked from Python starts with Python's memory high-water mark and
the kernel keeps it across exec, so the fork and the wait4() are done by
launch.c, a few-kilobyte C program compiled on first use (with `cc`) into
the output directory.  Without a C compiler the fork happens here and the
peak figures are floored at this interpreter's size (PEAK_EXACT is False).
"""
import os
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCH = os.path.join(HERE, "out", "launch")
PEAK_EXACT = None


class Result:
    """One measured run."""

    def __init__(self, wall, cpu, peak_kib, status):
        self.wall = wall            # seconds, fork to reap
        self.cpu = cpu              # seconds, user + system of the child tree
        self.peak_kib = peak_kib    # KiB, largest single-process peak RSS
        self.status = status        # exit code, or -signal

    def __repr__(self):
        return "Result(wall=%.4f, cpu=%.4f, peak=%d KiB, status=%d)" % (
            self.wall, self.cpu, self.peak_kib, self.status)


def _launcher():
    global PEAK_EXACT
    if PEAK_EXACT is None:
        src = os.path.join(HERE, "launch.c")
        fresh = (os.path.exists(LAUNCH)
                 and os.path.getmtime(LAUNCH) >= os.path.getmtime(src))
        if not fresh:
            os.makedirs(os.path.dirname(LAUNCH), exist_ok=True)
            fresh = subprocess.run(["cc", "-O2", "-o", LAUNCH, src]).returncode == 0
        PEAK_EXACT = fresh
    return LAUNCH if PEAK_EXACT else None


def _child(argv, cwd, env, stdin, stdout, stderr, report_fd):
    try:
        if cwd:
            os.chdir(cwd)
        fd = os.open(stdin or os.devnull, os.O_RDONLY)
        os.dup2(fd, 0)
        for path, target in ((stdout, 1), (stderr, 2)):
            fd = os.open(path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, target)
        if report_fd is not None:
            os.dup2(report_fd, 3)
            os.set_inheritable(3, True)
        os.closerange(4 if report_fd is not None else 3, 1024)
        os.execvpe(argv[0], argv, env if env is not None else os.environ)
    except BaseException as e:  # noqa: B902 - the child must never return
        try:
            os.write(2, ("timer: cannot run %s: %s\n" % (argv[0], e)).encode())
        finally:
            os._exit(127)


def measure(argv, cwd=None, env=None, stdin=None, stdout=None, stderr=None):
    """Run argv once and return a Result.

    stdin is a file to read (default /dev/null); stdout and stderr are files
    to write (default /dev/null).  env replaces the environment when given.
    """
    launch = _launcher()
    if launch is None:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            _child(argv, cwd, env, stdin, stdout, stderr, None)
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
        return Result(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, code)

    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        _child([launch] + list(argv), cwd, env, stdin, stdout, stderr, wfd)
    os.close(wfd)
    with os.fdopen(rfd) as f:
        report = f.read().split()
    _, status = os.waitpid(pid, 0)
    if len(report) != 5 or status != 0:
        raise RuntimeError("launch failed to report on %s" % argv[0])
    wall_ns, user_us, sys_us, peak, code = (int(x) for x in report)
    return Result(wall_ns / 1e9, (user_us + sys_us) / 1e6, peak, code)


if __name__ == "__main__":
    import sys
    print(measure(sys.argv[1:]))
