"""Worker processes for a batch, one job each at a time: a worker that dies fails its job alone.

concurrent.futures ends the whole pool when one worker dies (BrokenProcessPool), and cannot
say which job killed it. Here each worker has its own pipe: when a worker is killed (the
out-of-memory killer, kill -9, a crash in a C library) its pipe closes, the job it held gets
`died(job, how)` as its result, and a new worker takes its place for the jobs left.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

Job = TypeVar("Job")


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _serve(conn: Connection, work: Callable[[Any], Any]) -> None:
    """A worker's life: jobs in, results out, until it is sent None."""
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(work(job))


def how_it_ended(exitcode: int | None) -> str:
    """A worker's end, in words: `killed by signal 9 (SIGKILL)`, `exited with status 1`."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "unknown"
        return f"killed by signal {-exitcode} ({name})"
    return f"exited with status {exitcode}"


def run(jobs: Iterable[Job], workers: int, work: Callable[[Job], Any],
        died: Callable[[Job, str], Any], done: Callable[[Job, Any], None]) -> None:
    """Run `work(job)` for every job in up to `workers` processes; `done(job, result)` is
    called in this process as each finishes, with `died(job, how)` as the result of a job
    whose worker died. `work` must be picklable where processes are not forked."""
    context = _context()
    pending = list(jobs)[::-1]
    busy: dict[Connection, tuple[Any, Job]] = {}

    def start() -> tuple[Any, Connection]:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, work), daemon=True)
        process.start()
        theirs.close()  # only the worker holds its end: its death closes the pipe
        return process, ours

    def give(process, conn: Connection) -> None:
        if pending:
            job = pending.pop()
            conn.send(job)
            busy[conn] = (process, job)
        else:
            conn.send(None)
            conn.close()
            process.join()

    everyone = []
    try:
        for _ in range(min(workers, len(pending))):
            everyone.append(start())
            give(*everyone[-1])
        while busy:
            for conn in wait(list(busy)):
                process, job = busy.pop(conn)
                try:
                    result = conn.recv()
                except (EOFError, OSError):
                    process.join()
                    conn.close()
                    done(job, died(job, how_it_ended(process.exitcode)))
                    if pending:
                        everyone.append(start())
                        give(*everyone[-1])
                    continue
                done(job, result)
                give(process, conn)
    finally:
        for process, conn in everyone:
            if process.is_alive():
                process.terminate()
            process.join()
            conn.close()
