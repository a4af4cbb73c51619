"""Writing outputs safely: complete files only, moved into place together, never over a user's work.

An output is replaced only when nothing is there or it is our own untouched output (its
fingerprint holds), or an edited DOCX whose text `reportgen pull` has since carried into its
report (the pull is recorded in it). An edited or foreign file needs `--force` and is then
kept as a backup beside the new one; the output of an earlier reportgen, whose edits cannot
be told, is kept as a backup without asking. The check is made before the build, to fail
early, and again under the folder's lock just before the renames (`commit.Commit`), so that
two builds at once never take the same backup name or replace each other's backup.
"""

from __future__ import annotations

import datetime as _dt
import errno
import itertools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from reportgen.commit import Commit, fitted
from reportgen.errors import EXIT_IO, EXIT_OUTPUT_PROTECTED, ReportError, fail
from reportgen.files import open_regular
from reportgen.fingerprint import State, signature, state_of


@dataclass(frozen=True)
class Found:
    """What an output path held when it was checked."""

    path: Path
    state: State
    signature: tuple | None
    """The file's identity and times then (`fingerprint.signature`); None if absent."""

    @classmethod
    def at(cls, path: Path) -> Found:
        return cls(path, state_of(path), signature(path))


def check_writable(path: Path, *, force: bool) -> Found:
    """What is at `path`; raises (exit 3) when it is protected and `force` is not given."""
    found = Found.at(path)
    _refuse_unless_allowed(found, force)
    return found


def _refuse_unless_allowed(found: Found, force: bool) -> None:
    path = found.path
    if found.state is State.FOREIGN and os.path.isdir(path) and not os.path.islink(path):
        raise fail("is a folder; not replacing it", file=path, exit_code=EXIT_IO,
                   hint="build into another folder with -o, or rename the folder")
    if found.state in (State.EDITED, State.FOREIGN) and not force:
        why = ("has been edited since reportgen wrote it" if found.state is State.EDITED
               else "was not written by reportgen")
        pull = f"carry the editor's text into the report first with `reportgen pull {path}`; " \
            "or " if found.state is State.EDITED and path.suffix.lower() == ".docx" else ""
        raise fail(f"{path.name} {why}; not overwriting it", file=path,
                   exit_code=EXIT_OUTPUT_PROTECTED,
                   hint=f"{pull}build into another folder with -o, or add --force to replace it "
                        "(the old file is kept as a backup beside it)")


def write_outputs(outputs: dict[Path, bytes], checked: dict[Path, Found], *,
                  force: bool) -> list[Path]:
    """Write every output (all in one folder), or none; the backups kept, in order.

    `checked` holds what `check_writable` found earlier; a path whose file has changed since
    (another build wrote it meanwhile) is checked again under the folder's lock."""
    folder = _one_folder(outputs)
    backups: list[Path] = []

    def prepare() -> None:
        keep = []
        for path in outputs:
            found = checked.get(path)
            if found is None or found.signature != signature(path):
                found = Found.at(path)
                _refuse_unless_allowed(found, force)
            if found.state not in (State.ABSENT, State.UNCHANGED, State.PULLED):
                keep.append(path)
        try:
            for path in keep:
                backups.append(_backup(path))
        except OSError as exc:
            for backup in backups:  # copies of files still in place: nothing is lost
                backup.unlink(missing_ok=True)
            raise _cannot_write(path, exc) from None

    _commit(folder, outputs, prepare)
    return backups


def write_atomically(outputs: dict[Path, bytes]) -> None:
    """Write files (in one folder) complete or not at all, replacing whatever is there."""
    _commit(_one_folder(outputs), outputs, lambda: None)


def _one_folder(outputs: dict[Path, bytes]) -> Path:
    folders = {path.parent for path in outputs}
    if len(folders) != 1:
        raise ValueError(f"outputs in {len(folders)} folders")
    return folders.pop()


def _commit(folder: Path, outputs: dict[Path, bytes], prepare) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    with Commit(folder) as commit:
        for path, data in outputs.items():
            try:
                commit.write(path, data)
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        try:
            commit.finish(prepare)
        except OSError as exc:
            raise _cannot_write(Path(exc.filename) if exc.filename else folder, exc) from None


def _cannot_write(path: Path, exc: OSError) -> ReportError:
    hint = {errno.ENOSPC: "the disk is full: free some space and build again",
            errno.EDQUOT: "the disk quota is used up: free some space and build again",
            errno.EROFS: "the folder is read-only: build into another folder with -o",
            errno.EACCES: "you may not write there: build into another folder with -o",
            errno.ENAMETOOLONG: "the name is too long for this file system: shorten the "
                                "report's file name"}.get(exc.errno)
    return fail(f"cannot write: {exc.strerror or exc}", file=path, exit_code=EXIT_IO, hint=hint)


def _backup(path: Path) -> Path:
    """Keep the file at `path` as `NAME.backup-DATE[-N].EXT` beside it, under a name taken
    atomically (a hard link, or an exclusive create where links do not exist), so that two
    builds at once never choose the same one."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in itertools.count(1):
        suffix = f".backup-{stamp}{'' if n == 1 else f'-{n}'}{path.suffix}"
        candidate = path.with_name(fitted(path.stem, suffix))
        try:
            os.link(path, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EMLINK, errno.ENOSYS):
                raise
        try:  # a file system without hard links (FAT, some network shares)
            target = open(candidate, "xb")
        except FileExistsError:
            continue
        try:
            with open_regular(path) as source, target:
                shutil.copyfileobj(source, target)
        except BaseException:
            candidate.unlink(missing_ok=True)
            raise
        return candidate
    raise AssertionError("unreachable")


def set_aside(path: Path) -> Path:
    """Move the file or folder at `path` to `NAME.backup-DATE[-N]` beside it, a name taken
    atomically (created empty first, then replaced), so that two runs never take the same."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = path.is_dir() and not path.is_symlink()
    for n in itertools.count(1):
        suffix = f".backup-{stamp}{'' if n == 1 else f'-{n}'}{'' if folder else path.suffix}"
        candidate = path.with_name(fitted(path.name if folder else path.stem, suffix))
        try:
            if folder:
                candidate.mkdir()
            else:
                open(candidate, "xb").close()
        except FileExistsError:
            continue
        os.replace(path, candidate)
        return candidate
    raise AssertionError("unreachable")
