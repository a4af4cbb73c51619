"""Fingerprints: every DOCX and PDF we write records a digest of all of itself, so that a rebuild
can tell our untouched output from a file someone has edited (or never was ours) and refuse to
overwrite it. `ooxml` and `pdf` say where each format keeps it."""

from __future__ import annotations

import os
from pathlib import Path

from reportgen.files import open_regular
from reportgen.fingerprint import ooxml, pdf
from reportgen.fingerprint.state import MAX_OUTPUT_BYTES, State

__all__ = ["State", "stamp", "state_of", "signature"]

_FORMATS = {".docx": ooxml, ".pdf": pdf}


def stamp(fmt: str, data: bytes) -> bytes:
    """`data`, a DOCX or PDF (`fmt`) just written, with its fingerprint."""
    return _FORMATS[f".{fmt}"].stamp(data)


def state_of(path: Path) -> State:
    """What is at `path`: nothing, our untouched output, our output edited since, an earlier
    version's output, or something else (another program's file, a folder, a FIFO …). Never
    blocks, and never reads a file larger than any output of ours."""
    try:
        handle = open_regular(path)
    except FileNotFoundError:
        return State.ABSENT if not os.path.lexists(path) else State.FOREIGN
    except OSError:  # a folder, a FIFO, a device, a file we may not read
        return State.FOREIGN
    with handle:
        if os.fstat(handle.fileno()).st_size > MAX_OUTPUT_BYTES:
            return State.FOREIGN
        data = handle.read()
    kind = _FORMATS.get(path.suffix.lower())
    return kind.state(data) if kind is not None else State.FOREIGN


def signature(path: Path) -> tuple | None:
    """What changes whenever the file at `path` does (its inode, size and times), or None
    when nothing is there: a state found earlier still holds while this is the same."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
            info.st_mode)
