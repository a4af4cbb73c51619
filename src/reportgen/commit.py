"""Moving a build's files into place together: locked temp files, a journal, repair after a kill.

Each file is first written in full to a temp file beside it, `.NAME~reportgen-XXXXXXXX.part`,
which its writer holds open under an exclusive lock (flock) for as long as it lives. The renames
that put one build's files in place are listed in a journal first (`….journal`, held the same
way), and they happen under an exclusive lock on the folder. So:

- a build killed while writing leaves a temp file that no one holds: the next build into the
  folder deletes it (`recover`);
- a build killed between two renames (a new DOCX beside the old PDF) leaves its journal: the
  next build into the folder finishes the renames before it does anything else;
- a full disk fails the write of a temp file, which is deleted; nothing is renamed.

Names are shortened, by whole characters, to fit the 255 bytes a file system allows. Where
flock does not exist (Windows), an unheld file counts as abandoned an hour after it was last
written.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

NAME_MAX = 255
"""Bytes in one file name on the file systems reportgen writes to (ext4, APFS, NTFS, exFAT)."""
MARK = "~reportgen-"
_OURS = re.compile(r"\..*~reportgen-[0-9a-f]{8}\.(part|journal)", re.DOTALL)
_EARLIER = re.compile(r"\..+\.(docx|pdf)\.[a-z0-9_]{8}\.part", re.DOTALL)
"""Temp files of reportgen versions that neither held nor named them as above."""
_ABANDONED_AFTER = 3600.0
"""Seconds after which an unlockable temp file (no flock, or an earlier version's) is stale."""
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def fitted(stem: str, suffix: str, prefix: str = "") -> str:
    """`prefix + stem + suffix`, the stem shortened by whole characters to fit NAME_MAX bytes."""
    room = NAME_MAX - len(os.fsencode(prefix + suffix))
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return prefix + stem + suffix


class _Held:
    """A file of ours, open (and locked, where flock exists) for as long as it matters."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self.fd = path, fd

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _create(folder: Path, name: str, kind: str) -> _Held:
    """A new empty file `.NAME~reportgen-XXXXXXXX.KIND` in `folder`, open and locked.

    Called under the folder's shared lock, so that `recover` (which takes it exclusively)
    never sees the file between its creation and its lock."""
    while True:
        path = folder / fitted(name, f"{MARK}{os.urandom(4).hex()}.{kind}", prefix=".")
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                pass  # a file system without locks: the hour's grace protects it instead
        return _Held(path, fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class _FolderLock:
    """flock on the folder itself (no lock file is left behind), taken and released as often
    as needed through one descriptor; on a file system that cannot lock a folder, the blocks
    run unlocked."""

    def __init__(self, folder: Path) -> None:
        self._fd = -1
        if fcntl is not None:
            try:
                self._fd = os.open(folder, os.O_RDONLY | _O_CLOEXEC)
            except OSError:
                pass

    @contextmanager
    def held(self, *, shared: bool = False) -> Iterator[None]:
        locked = False
        if self._fd >= 0:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
                locked = True
            except OSError:
                pass
        try:
            yield
        finally:
            if locked:
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class Commit:
    """The files of one build in one folder: each written to a temp file (`write`), then all
    moved into place together (`finish`), or none (`abort`, also on leaving a `with` block
    unfinished)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = _FolderLock(folder)
        self._moves: list[tuple[_Held, Path]] = []
        self._done = False

    def write(self, target: Path, data: bytes) -> None:
        """Write `data` to a temp file for `target`; OSError (a full disk …) leaves none."""
        if target.parent != self.folder:
            raise ValueError(f"{target} is not in {self.folder}")
        with self._lock.held(shared=True):
            held = _create(self.folder, target.name, "part")
        self._moves.append((held, target))
        _write_all(held.fd, data)

    def finish(self, prepare: Callable[[], None] = lambda: None) -> None:
        """Under the folder's lock: `prepare()` (which may still refuse, by raising), then the
        journal, then the renames."""
        with self._lock.held():
            prepare()
            journal = self._journal() if len(self._moves) > 1 else None  # one rename is atomic
            try:
                for held, target in self._moves:
                    os.replace(held.path, target)
            except OSError:
                if journal is not None:
                    journal.close()  # the next build completes what is listed
                raise
            if journal is not None:
                journal.path.unlink()
                journal.close()
        self._done = True
        self._close()

    def abort(self) -> None:
        """Delete the temp files; nothing was moved."""
        for held, _ in self._moves:
            held.path.unlink(missing_ok=True)
        self._close()

    def _journal(self) -> _Held:
        moves = [[held.path.name, target.name] for held, target in self._moves]
        journal = _create(self.folder, self._moves[0][1].stem if self._moves else "", "journal")
        try:
            _write_all(journal.fd, json.dumps({"moves": moves}).encode())
        except BaseException:
            journal.path.unlink(missing_ok=True)
            journal.close()
            raise
        return journal

    def _close(self) -> None:
        for held, _ in self._moves:
            held.close()
        self._lock.close()

    def __enter__(self) -> Commit:
        return self

    def __exit__(self, *exc_info) -> None:
        if not self._done:
            self.abort()


def recover(folder: Path, *, earlier: re.Pattern = _EARLIER) -> None:
    """Finish the renames of a build into `folder` that was killed between them, and delete
    temp files whose writer is gone (`earlier` names those of earlier versions, which are
    deleted once an hour old). Costs one listing of the folder when there is nothing to do;
    a file another build still holds is left alone."""
    try:
        names = [n for n in os.listdir(folder)
                 if n.startswith(".") and _OURS.fullmatch(n) or earlier.fullmatch(n)]
    except OSError:
        return
    if not names:
        return
    names.sort(key=lambda n: not n.endswith(".journal"))  # renames before deletions
    lock = _FolderLock(folder)
    try:
        with lock.held():
            for name in names:
                held = _claim(folder / name, unlocked_too=bool(earlier.fullmatch(name)))
                if held is None:
                    continue
                try:
                    if name.endswith(".journal"):
                        _replay(folder, held.fd)
                    held.path.unlink(missing_ok=True)
                except OSError:
                    pass  # best effort: the next build tries again
                finally:
                    held.close()
    finally:
        lock.close()


def _claim(path: Path, *, unlocked_too: bool) -> _Held | None:
    """`path` opened and locked when no one holds it any more, else None. A file that was
    never locked (`unlocked_too`), or any file where flock does not exist, is abandoned once
    it is an hour old."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if (fcntl is None or unlocked_too) and time.time() - info.st_mtime < _ABANDONED_AFTER:
            raise OSError
    except OSError:  # BlockingIOError: its writer still holds it
        os.close(fd)
        return None
    return _Held(path, fd)


def _replay(folder: Path, fd: int) -> None:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    try:
        moves = json.loads(b"".join(chunks))["moves"]
    except (ValueError, KeyError, TypeError):
        return  # cut short while being written: no rename had begun
    for temp, target in moves:
        if not (_OURS.fullmatch(temp) and _plain_name(target)):
            continue  # not a journal of ours
        source = folder / temp
        if os.path.lexists(source):
            os.replace(source, folder / target)


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name \
        and os.sep not in name
