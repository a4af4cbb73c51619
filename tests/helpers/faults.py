"""The command in a child process with a fault planted: killed at a chosen point, a file-size
limit, a memory limit. The fault is Python run before `main()` (it may replace a function of
reportgen's with one that kills the process at the moment under test)."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap

_SCRIPT = """
import os, signal, sys
{fault}
from reportgen.cli import main
sys.exit(main(sys.argv[1:]))
"""

KILL = "os.kill(os.getpid(), signal.SIGKILL)"
"""A statement that ends the process as `kill -9` (or the out-of-memory killer) would."""


def run(*args, fault: str = "", memory_mb: int | None = None, file_size: int | None = None,
        timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    """`reportgen ARGS` in a child process with `fault` run first; `memory_mb` caps its
    address space (RLIMIT_AS), `file_size` the size of any file it writes (RLIMIT_FSIZE, with
    SIGXFSZ ignored so that a write past it fails as on a full disk)."""

    def limits() -> None:
        if memory_mb is not None:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if file_size is not None:
            import signal

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    script = _SCRIPT.format(fault=textwrap.dedent(fault))
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limits)
