"""Writing outputs safely: complete files only (temp file + rename), and never over a user's work.

A DOCX is replaced only when it is our own untouched output, or an edited one whose text
`reportgen pull` has since carried into its report; another edited or foreign file needs
`--force`, and then it is kept as a backup beside the new one. A PDF is replaced only when we
wrote it (its Creator names reportgen).
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from pathlib import Path

from reportgen.errors import EXIT_IO, EXIT_OUTPUT_PROTECTED, fail
from reportgen.fingerprint import State, state_of

PDF_CREATOR_MARK = b"reportgen"


def check_writable(path: Path, *, force: bool) -> Path | None:
    """Raise unless `path` may be written; with `force`, return where the old file goes."""
    state = _state(path)
    if state in (State.ABSENT, State.UNCHANGED, State.PULLED):
        return None
    if not force:
        why = ("has been edited since reportgen wrote it" if state is State.EDITED
               else "was not written by reportgen")
        raise fail(f"{path.name} {why}; not overwriting it", file=path,
                   exit_code=EXIT_OUTPUT_PROTECTED,
                   hint="carry the editor's text into the report first with `reportgen pull "
                        f"{path}`; or build into another folder with -o, or add --force to "
                        "replace it (the old file is kept as a backup beside it)"
                   if state is State.EDITED else
                   "build into another folder with -o, or add --force to replace it "
                   "(the old file is kept as a backup beside it)")
    return backup_path(path)


def _state(path: Path) -> State:
    if path.suffix.lower() == ".docx":
        return state_of(path)
    if not path.exists():
        return State.ABSENT
    if path.is_dir():
        return State.FOREIGN
    with path.open("rb") as handle:
        head = handle.read(4096)
        handle.seek(max(0, path.stat().st_size - 65536))
        tail = handle.read()
    return State.UNCHANGED if head.startswith(b"%PDF") and PDF_CREATOR_MARK in head + tail \
        else State.FOREIGN


def backup_path(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    return candidate


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(outputs: dict[Path, bytes], backups: dict[Path, Path]) -> None:
    """Write every output to a temp file, then move them all into place (backups first)."""
    temps: dict[Path, Path] = {}
    try:
        for path, data in outputs.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                            dir=path.parent)
            with os.fdopen(handle, "wb") as temp:
                temp.write(data)
            os.chmod(name, _default_mode())  # mkstemp makes 0600; outputs are ordinary files
            temps[path] = Path(name)
        for path, backup in backups.items():
            os.replace(path, backup)
        for path, temp in temps.items():
            os.replace(temp, path)
    except OSError as exc:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise fail(f"cannot write: {exc.strerror}", file=Path(exc.filename or ""),
                   exit_code=EXIT_IO) from None
