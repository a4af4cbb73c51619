"""A forked helper process that gets ready while the parent works, then does one job (POSIX only).

A single report is written in two formats, and a machine with two cores can do both at once.
The helper is forked before the report is even read: it imports and sets up what its job
needs while the parent reads and checks the report, then receives its input (pickled through a
pipe), does the job and sends back its result or its exception. It leaves with os._exit so
that nothing of the parent's (buffers, atexit) runs twice. A parent that needs no result after
all (the report had errors, the DOCX failed) ends the helper wherever it is.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether forking is possible and worth it here: POSIX, and more than one core that this
    process may run on (a process pinned to one core would only pay for both imports)."""
    return hasattr(os, "fork") and usable_cores() > 1


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class HelperDied(RuntimeError):
    """The helper ended without a result (killed, or crashed); `exitcode` as
    multiprocessing gives it: negative for the signal that ended it."""

    def __init__(self, exitcode: int) -> None:
        super().__init__(f"the helper process ended without a result (exit code {exitcode})")
        self.exitcode = exitcode


class HelperTimedOut(RuntimeError):
    """The helper had no result within `seconds`; it has been ended."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the helper process had no result within {seconds:g} s")
        self.seconds = seconds


class Helper(Generic[T]):
    """A child process running `prepare()` at once; the job it returns gets the input of `send`.

    Use it as a context manager: leaving the block without `result()` ends the child.
    """

    def __init__(self, prepare: Callable[[], Callable[[Any], T]]):
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child
            os.close(job_write)
            os.close(result_read)
            _serve(prepare, job_read, result_write)  # never returns
        os.close(job_read)
        os.close(result_write)
        self._job: int | None = job_write
        self._result: int | None = result_read
        self._sender: threading.Thread | None = None

    def send(self, value: Any) -> None:
        """Hand the job its input. Written from a thread, so that a large input never holds
        the parent up while the child is still getting ready."""
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        job, self._job = self._job, None
        if job is None:
            raise RuntimeError("the helper has already had its input")

        def write() -> None:
            try:
                with os.fdopen(job, "wb") as pipe:
                    pipe.write(payload)
            except BrokenPipeError:
                pass  # the child died; result() says so

        self._sender = threading.Thread(target=write, daemon=True)
        self._sender.start()

    def result(self, timeout: float | None = None) -> T:
        """Wait for the job's return value, or raise the exception it raised; after `timeout`
        seconds without it, end the child and raise HelperTimedOut."""
        if self._result is None:
            raise RuntimeError("the helper's result has already been taken")
        if self._sender is None:
            raise RuntimeError("the helper has had no input: send() comes first")
        if timeout is not None and not select.select([self._result], [], [], max(0.0, timeout))[0]:
            self.close()
            raise HelperTimedOut(timeout)
        with os.fdopen(self._result, "rb") as pipe:
            self._result = None
            payload = pipe.read()
        status = self._reap()
        if not payload:
            raise HelperDied(os.waitstatus_to_exitcode(status))
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """End the child unless its result has been taken, and wait for it: whether it is
        still getting ready or already at work, it has nothing to finish (it writes nothing
        but its result), so an error in the parent is not held up by it."""
        if self._job is not None:
            os.close(self._job)
            self._job = None
        if self._result is not None:
            os.close(self._result)
            self._result = None
            if self._pid is not None:
                os.kill(self._pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> int:
        if self._sender is not None:
            self._sender.join()
            self._sender = None
        if self._pid is None:
            return 0
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return status

    def __enter__(self) -> Helper[T]:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _serve(prepare: Callable[[], Callable[[Any], Any]], job_read: int, result_write: int):
    """The child's whole life: get ready, wait for the input, do the job, send the outcome."""
    try:
        try:
            job = prepare()
            with os.fdopen(job_read, "rb") as pipe:
                payload = pipe.read()
            if not payload:  # the parent needs nothing after all
                os._exit(0)
            outcome = (True, job(pickle.loads(payload)))
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        with os.fdopen(result_write, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the parent sees no result and says so
        pass
    os._exit(0)
