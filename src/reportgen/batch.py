"""Many reports at once: expand folders, build in parallel worker processes, report progress."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

from reportgen.build import BuildResult, BuildSettings, build, output_paths
from reportgen.errors import (
    EXIT_BUILD_FAILED,
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_USAGE,
    Diagnostic,
    ReportError,
)
from reportgen.files import is_regular
from reportgen.forked import usable_cores


def expand_inputs(inputs: list[Path]) -> list[Path]:
    """Report files from files and folders (a folder gives its *.yaml and *.yml, sorted)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.iterdir()  # a FIFO named x.yaml would wait forever
                           if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith(".")
                           and is_regular(p))
            if not found:
                raise ReportError([Diagnostic("no .yaml reports in this folder", file=item,
                                              hint="name the reports, or a folder that holds "
                                                   "files ending in .yaml")], EXIT_IO)
            files.extend(found)
        else:
            files.append(item)
    return list(dict.fromkeys(_display_path(p) for p in files))


def _display_path(path: Path) -> Path:
    """The path as a user would write it: relative below the current folder, else absolute."""
    absolute = path.absolute()  # not resolve(): /dev/stdin must stay /dev/stdin
    try:
        return absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute


def _build_one(file: Path, settings: BuildSettings) -> BuildResult:
    try:
        return build(file, settings)
    except ReportError as exc:
        return BuildResult(file, error=exc)
    except Exception as exc:  # a bug; the batch goes on and the summary says which file
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        return BuildResult(file, error=internal_error(file, exc))


def internal_error(file: Path, exc: BaseException) -> ReportError:
    """A bug met while handling `file`, as the one-line error of that file."""
    return ReportError([Diagnostic(f"internal error: {type(exc).__name__}: {exc}", file=file,
                                   hint="this is a bug in reportgen; REPORTGEN_DEBUG=1 shows "
                                        "details")], EXIT_INTERNAL)


def _died(file: Path, how: str) -> BuildResult:
    return BuildResult(file, error=ReportError([Diagnostic(
        f"the process building this report ended abruptly ({how})", file=file,
        hint="it may have run out of memory; build it alone (REPORTGEN_DEBUG=1 shows "
             "details)")], EXIT_BUILD_FAILED))


def run_batch(files: list[Path], settings: BuildSettings, *, jobs: int | None = None,
              progress: bool = False) -> list[BuildResult]:
    """Build every file; one failure, even of a whole worker process, does not stop the
    others. Results keep input order."""
    _check_collisions(files, settings)
    jobs = max(1, min(jobs or usable_cores(), len(files)))
    if len(files) > 1:  # workers keep the cores busy, or -j 1 asked for one process
        settings = replace(settings, parallel_formats=False)
    bar = _Progress(len(files)) if progress and len(files) > 1 else None
    by_file: dict[Path, BuildResult] = {}

    def done(file: Path, result: BuildResult) -> None:
        by_file[file] = result
        if bar:
            bar.step(file)

    if jobs == 1:
        for file in files:
            done(file, _build_one(file, settings))
    else:
        from reportgen import pool

        pool.run(files, jobs, partial(_build_one, settings=settings), _died, done)
    if bar:
        bar.close()
    return [by_file[f] for f in files]


def _check_collisions(files: list[Path], settings: BuildSettings) -> None:
    seen: dict[Path, Path] = {}
    problems = []
    for file in files:
        for path in output_paths(file, settings).values():
            if path in seen:
                problems.append(Diagnostic(f"{seen[path]} and {file} would both write {path}",
                                           file=file, hint="rename one, or build them into "
                                                           "different folders with -o"))
            seen[path] = file
    if problems:
        raise ReportError(problems, EXIT_USAGE)


class _Progress:
    """A one-line progress bar on the terminal's standard error."""

    def __init__(self, total: int):
        self.total, self.done = total, 0

    def step(self, file: Path) -> None:
        self.done += 1
        filled = int(30 * self.done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} "
                         f"{file.name[:40]:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r" + " " * 80 + "\r")
        sys.stderr.flush()
