"""`reportgen fix`: repair the half-width punctuation of reports in place, or show what would
change (--check, for CI; --diff, a unified diff)."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

from reportgen.errors import EXIT_OK, ReportError
from reportgen.fix.repair import FileRepairs, repair_file

EXIT_WOULD_CHANGE = 1
"""`fix --check`: something would change."""


def run_fix(files: list[Path], *, check: bool, diff: bool, out: Callable[[str], None],
            err: Callable[[str], None]) -> int:
    """Fix (or with `check`/`diff` only show) each file; the exit code."""
    worst, changed = EXIT_OK, []
    for file in files:
        try:
            found = repair_file(file)
        except ReportError as exc:
            for diagnostic in exc.diagnostics:
                err(diagnostic.format())
            worst = worst or exc.exit_code
            continue
        for change in found.left:
            err(f"warning: {file}:{change.line}: left as it is, it cannot be changed in place: "
                f"{change.old} (hint: edit it by hand)")
        if not found.changes:
            continue
        changed.append(found)
        if diff:
            out(_unified_diff(found))
        else:
            for change in found.changes:
                out(f"{file}:{change.line}: {change.old} → {change.new}")
        if not (check or diff):
            _write(found)
    if check and changed and not worst:
        worst = EXIT_WOULD_CHANGE
    places = sum(len(f.changes) for f in changed)
    if places:
        err(f"{'would fix' if check or diff else 'fixed'} {places} place"
            f"{'s' if places > 1 else ''} in {len(changed)} file{'s' if len(changed) > 1 else ''}")
    elif not worst:
        err("nothing to fix")
    return worst


def _unified_diff(found: FileRepairs) -> str:
    lines = difflib.unified_diff(found.before.splitlines(keepends=True),
                                 found.after.splitlines(keepends=True),
                                 fromfile=f"{found.file}", tofile=f"{found.file} (fixed)")
    return "".join(lines).rstrip("\n")


def _write(found: FileRepairs) -> None:
    """Replace the file with its repaired text, atomically, keeping its permissions."""
    from reportgen.outputs import write_atomically

    target = found.file.resolve()  # a link stays a link to the repaired file
    mode = target.stat().st_mode & 0o7777
    write_atomically({target: found.data()})
    os.chmod(target, mode)
