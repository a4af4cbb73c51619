"""`reportgen pull`: an editor's revised DOCX carried back into its report, or shown (--diff,
--check), with the review list of its comments and a word for all it cannot carry back."""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen import fingerprint
from reportgen.errors import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_WARNINGS_STRICT,
    Diagnostic,
    ReportError,
)
from reportgen.pull.records import Change
from reportgen.pull.run import Pulled, pull
from reportgen.yamlsrc.tree import format_path

EXIT_CHANGES = 1
"""`pull --check`: the DOCX holds changes the YAML does not have yet."""

Print = Callable[[str], None]


@dataclass(frozen=True)
class PullOptions:
    """What the command line says for one pull."""

    into: Path | None = None
    check: bool = False
    diff: bool = False
    accept_revisions: bool = False
    prefer: str | None = None
    strict: bool = False
    force: bool = False
    template: str | None = None


def run_pull(docx: Path, options: PullOptions, out: Print, err: Print) -> int:
    """Pull `docx` as `options` say; the exit code."""
    result = pull(docx, options.into, accept_revisions=options.accept_revisions,
                  prefer=options.prefer, template=options.template)
    name = docx.name
    if result.unedited:
        out(f"{name} is as reportgen built it: nothing to pull")
        return EXIT_OK
    if result.revisions and not options.accept_revisions:
        _refuse_revisions(result, err)
        return EXIT_INVALID_INPUT
    if result.comments:
        _review(result, out)
    for loss in result.losses:
        err(f"warning: {name}: {loss.where}: not carried back: {loss.what}")
    if result.conflicts:
        _conflicts(result, err)
        return EXIT_INVALID_INPUT
    if result.stale and result.changed and not (options.force or options.check
                                                or options.diff):
        raise ReportError([Diagnostic(
            f"{result.report.name} has changed since {name} was built (or last pulled into "
            "it); pulling takes the DOCX's text wherever it differs, which would undo those "
            "changes", file=result.report,
            hint=f"look with `reportgen pull --diff {docx}`, then add --force to pull anyway")])
    if not result.changed:
        out(f"nothing to pull: {result.report} already says what {name} says")
        if not (options.check or options.diff):
            _record(result, err)
        return EXIT_OK
    if options.diff:
        out(_unified(result))
    else:
        for change in result.changes:
            out(_describe(result.report, change))
    count = len(result.changes)
    noun = f"{count} change{'s' if count != 1 else ''}"
    if options.check or options.diff:
        err(f"{name} holds {noun} that {result.report} does not have yet")
        return EXIT_CHANGES if options.check else EXIT_OK
    if options.strict and result.losses:
        err(f"error: {len(result.losses)} thing(s) cannot be carried back (--strict); "
            "nothing was written")
        return EXIT_WARNINGS_STRICT
    _write(result)
    err(f"pulled {noun} into {result.report}")
    _record(result, err)
    return EXIT_OK


def _write(result: Pulled) -> None:
    """Replace the report with its pulled text in one step, keeping its byte-order mark, line
    ends and permissions."""
    from reportgen.outputs import write_atomically

    target = result.report.resolve()
    raw = target.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    eol = "\r\n" if b"\r\n" in raw else "\n"
    mode = target.stat().st_mode & 0o7777
    write_atomically({target: bom + result.after.replace("\n", eol).encode("utf-8")})
    os.chmod(target, mode)


def _record(result: Pulled, err: Print) -> None:
    """Note in the DOCX that its text is in the report: the report's digest, and unless the
    DOCX holds what the report cannot, its own, so that `build` may replace it."""
    digest = "sha256:" + hashlib.sha256(result.report.read_bytes()).hexdigest()
    complete = not result.losses
    try:
        fingerprint.record_pull(result.docx, {fingerprint.SOURCE_DIGEST: digest}, complete)
    except (OSError, ReportError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else exc.diagnostics[0].message
        err(f"warning: {result.docx}: could not note the pull in it ({why}); "
            "`build` will ask for --force to replace it")
        return
    if not complete:
        err(f"{result.docx.name} holds what the report cannot (listed above): `build` will "
            "ask for --force to replace it, and keep it as a backup")


def _describe(report: Path, change: Change) -> str:
    where = f"{report}:{change.line}: "
    path = format_path(change.path)
    if change.action == "changed":
        old, new = _excerpts(change.old or "", change.new or "")
        return f"{where}changed {change.what} ({path}): {old} → {new}"
    if change.action == "data":
        return f"{where}changed {change.what}: {change.old} → {change.new}"
    if change.action == "kept":
        return f"{where}kept {change.what} ({path}): {_short(change.new or '')}"
    if change.action == "moved":
        return f"{where}moved {change.what} ({path}) to {change.new}"
    if change.action == "added":
        shown = "" if (change.new or "") in change.what else f": 「{_short(change.new or '')}」"
        return f"{where}added {change.what} in {path}{shown}"
    return f"{where}removed {change.what} ({path}): 「{_short(change.old or '')}」"


def _excerpts(old: str, new: str, context: int = 8) -> tuple[str, str]:
    """The stretch of two texts around where they differ, with a little context."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    codes = [c for c in matcher.get_opcodes() if c[0] != "equal"]
    if not codes:
        return old, new
    i1, i2 = max(0, codes[0][1] - context), min(len(old), codes[-1][2] + context)
    j1, j2 = max(0, codes[0][3] - context), min(len(new), codes[-1][4] + context)
    return (("…" if i1 else "") + old[i1:i2] + ("…" if i2 < len(old) else ""),
            ("…" if j1 else "") + new[j1:j2] + ("…" if j2 < len(new) else ""))


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _unified(result: Pulled) -> str:
    lines = difflib.unified_diff(result.before.splitlines(keepends=True),
                                 result.after.splitlines(keepends=True),
                                 fromfile=str(result.report),
                                 tofile=f"{result.report} (pulled from {result.docx.name})")
    return "".join(lines).rstrip("\n")


def _place(result: Pulled, paragraph: int | None) -> str:
    if paragraph is None:
        return "the DOCX"
    return result.places.get(paragraph, f"paragraph {paragraph} of the DOCX")


def _refuse_revisions(result: Pulled, err: Print) -> None:
    count = len(result.revisions)
    err(f"error: {result.docx}: it holds {count} tracked change{'s' if count > 1 else ''} "
        "(修订); pull reads a document as it will be, so accept or reject them first (Word "
        "and WPS: 审阅 → 接受 / 拒绝) (hint: or pull with --accept-revisions to take them all "
        "as accepted)")
    for revision in result.revisions:
        who = ", ".join(filter(None, [revision.author, revision.date[:10]])) or "unknown"
        text = f": 「{_short(revision.text)}」" if revision.text else ""
        err(f"  {_place(result, revision.paragraph)}: {revision.kind} ({who}){text}")


def _review(result: Pulled, out: Print) -> None:
    count = len(result.comments)
    out(f"批注 (comments) in {result.docx.name}: {count}")
    for comment in result.comments:
        who = ", ".join(filter(None, [comment.author, comment.date[:10]])) or "unknown"
        done = " (done)" if comment.done else ""
        if comment.reply_to is not None:
            out(f"    ↳ {who}{done}: {comment.text}")
            continue
        anchor = f" on 「{_short(comment.anchor, 40)}」" if comment.anchor else ""
        out(f"  {_place(result, comment.paragraph)}: {who}{done}{anchor}: {comment.text}")


def _conflicts(result: Pulled, err: Print) -> None:
    for conflict in result.conflicts:
        names = ", ".join(f"`{n}`" for n in conflict.names)
        old, new = _excerpts(conflict.old, conflict.new, 12)
        err(f"error: {result.report}:{conflict.line}: {format_path(conflict.path)}: the editor "
            f"changed text an expression computes{' from ' + names if names else ''}")
        err(f"    the YAML prints: {old}")
        err(f"    the DOCX reads:  {new}")
    err("hint: nothing was written; change `data:` (or the text) yourself and pull again, or "
        "pull with --prefer docx (the expression gives way to the editor's text) or --prefer "
        "yaml (the editor's change of computed text is left out)")
