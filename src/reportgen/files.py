"""Opening the user's files without surprises: sizes known before reading, FIFOs never waited on.

A FIFO, a device or a socket where a font, a table or an earlier output should be would block
a build forever (opening a FIFO waits for a writer) or feed it without end (/dev/zero). Such
paths are opened without blocking and refused unless they are regular files; a report itself
may come from a pipe (`reportgen build /dev/stdin`), read up to its size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

STDIN_FILE = Path("<stdin>")
"""The name a report read from standard input goes by: in messages, `<stdin>:12:5: …`; its
relative paths (a table's `source:`, a seal, a template file) resolve against the current
folder."""

UNREADABLE_HINT = "check that the file can be opened (its permissions, the drive it is on)"
"""The hint of an error that a file exists but cannot be read."""


def relative_to(named_in: Path | None) -> str:
    """Where the relative paths a file names are looked for, as a hint says it: the file's
    folder, or the current folder for a report read from standard input (None: a report)."""
    if named_in == STDIN_FILE:
        return f"{relative_to_current()}, as the report came from standard input"
    if named_in is None:
        return "relative to the report's folder"
    return f"relative to the folder of {named_in.name} ({named_in.parent.absolute()})"


def relative_to_current() -> str:
    """Where a path given on the command line is looked for, as a hint says it."""
    return f"relative to the current folder ({Path.cwd()})"


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class SpecialFile(OSError):
    """A path that exists but is not a regular file; the message says what it is."""


class TooLarge(ValueError):
    """A file over its size limit; `size` is its size in bytes, None for a stream."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size


def describe(mode: int) -> str:
    """What a file of st_mode `mode` is, in words: `a folder`, `a FIFO (named pipe)` …"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading when it is a regular file; SpecialFile when it is anything
    else, found without blocking; OSError when it cannot be opened."""
    fd = os.open(path, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SpecialFile(f"is {describe(mode)}, not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (following links), asked without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_limited(path: Path, limit: int, *, streams: bool = False) -> bytes:
    """The bytes of `path`, refused (TooLarge) before reading when the file is over `limit`.

    With `streams`, a pipe or a device the user named (/dev/stdin, a shell's <(…)) is read
    too, and refused once more than `limit` bytes have come; without, only regular files are
    read (SpecialFile otherwise)."""
    if streams:
        mode = os.stat(path).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            with open(path, "rb") as stream:  # blocking: the user asked for this stream
                data = stream.read(limit + 1)
            if len(data) > limit:
                raise TooLarge(None)
            return data
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise TooLarge(size)
        data = handle.read(size + 1)
        if len(data) > size:  # the file grew since: read on, as far as the limit
            data += handle.read(limit + 1 - len(data))
            if len(data) > limit:
                raise TooLarge(len(data))
        return data
