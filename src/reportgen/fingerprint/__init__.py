"""Fingerprints: every DOCX and PDF we write records a digest of all of itself, so that a rebuild
can tell our untouched output from a file someone has edited (or never was ours) and refuse to
overwrite it. `ooxml` and `pdf` say where each format keeps it."""

from __future__ import annotations

import os
from pathlib import Path

from reportgen.files import open_regular
from reportgen.fingerprint import ooxml, pdf
from reportgen.fingerprint import properties as _properties
from reportgen.fingerprint.state import MAX_OUTPUT_BYTES, State

__all__ = ["State", "stamp", "state_of", "signature", "properties", "record_pull"]

SOURCE = "reportgen-source"
"""The report a DOCX was built from, relative to the DOCX's folder (with `/`)."""
SOURCE_PATH = "reportgen-source-path"
"""The same report's absolute path, for a DOCX that was moved away from it."""
SOURCE_DIGEST = "reportgen-source-digest"
"""sha256 of the report's bytes when the DOCX was built, or when it was last pulled into it."""
TEMPLATE = "reportgen-template"
"""The template `build --template` chose instead of the report's own, if any."""
DOCX_FONTS = "reportgen-docx-fonts"
"""The font profile of `build --docx-fonts`, if not the standard one."""

_FORMATS = {".docx": ooxml, ".pdf": pdf}


def stamp(fmt: str, data: bytes, extra: dict[str, str] | None = None) -> bytes:
    """`data`, a DOCX or PDF (`fmt`) just written, with its fingerprint; a DOCX also with the
    custom properties `extra` (where it comes from: SOURCE …)."""
    if fmt == "docx":
        return ooxml.stamp(data, extra)
    return _FORMATS[f".{fmt}"].stamp(data)


def properties(path: Path) -> dict[str, str]:
    """The custom document properties of the DOCX at `path` (empty if it has none, or is no
    DOCX)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as docx:
            info = docx.getinfo("docProps/custom.xml")
            if info.file_size > 16 * 1024 * 1024:
                return {}
            return _properties.read(docx.read(info))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return {}


def record_pull(path: Path, extra: dict[str, str], complete: bool = True) -> None:
    """Record in the DOCX at `path` that its text is in its report now: the properties `extra`
    (the report's new digest) and, when the pull was `complete` (nothing was left out), the
    digest of the file as it is, which lets a build replace it. Only docProps/custom.xml
    changes; the file is replaced in one step. Raises ReportError if it cannot be written."""
    from reportgen.outputs import write_atomically

    with open_regular(path) as handle:
        data = handle.read(MAX_OUTPUT_BYTES + 1)
    if len(data) > MAX_OUTPUT_BYTES or state_of(path) is State.FOREIGN:
        return
    write_atomically({path: ooxml.pulled(data, extra, complete)})


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
