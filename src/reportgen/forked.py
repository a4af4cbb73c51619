"""Running one piece of work in a forked child while the parent does another (POSIX only).

A single report is written in two formats; on a machine with two cores the DOCX can be made in
a child process while the parent lays out the PDF. The child inherits everything already
loaded (the document, fonts), sends back its result or its exception pickled through a pipe,
and leaves with os._exit so that nothing of the parent's (buffers, atexit) runs twice.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether forking is possible and worth it here (POSIX, more than one core)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    """`work()` running in a forked child; `result()` waits for it and returns or raises."""

    def __init__(self, work: Callable[[], T]):
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child
            os.close(read)
            try:
                outcome = (True, work())
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                outcome = (False, exc)
            try:
                payload = pickle.dumps(outcome)
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
                payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(write)
        self._read = read

    def result(self) -> T:
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        if not payload:
            raise RuntimeError(f"the child process ended without a result (status {status})")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value
