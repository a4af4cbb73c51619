"""The repairs of one report file: half-width punctuation in its texts, as edits of its source.

Each text is read as the reader reads it (lines joined, yamlsrc/folding.py), its marks are found
(punctuation.py), and each repair becomes an edit of the text span it came from
(yamlsrc/edits.py). The edited file is composed again and must give exactly the repaired texts
and every other value unchanged, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import EXIT_INTERNAL, fail
from reportgen.punctuation import Repair, fixable, repaired
from reportgen.yamlsrc import edits
from reportgen.yamlsrc.folding import read_scalar
from reportgen.yamlsrc.scalars import ScalarText
from reportgen.yamlsrc.source import load, read_text
from reportgen.yamlsrc.tree import Located, compose, scalars

NOT_TEXT = frozenset({"template", "source", "sheet", "align", "numbering", "format", "base"})
"""Fields whose values are names, paths or numbering styles, not text to print (anywhere but
under `data:`, whose every text may be printed by an expression)."""

_STR = "tag:yaml.org,2002:str"
_NEAR = 8
"""Repairs this close together are shown as one change."""


@dataclass(frozen=True)
class Change:
    """One change to show: `line` of the file, a stretch of the text before and after."""

    line: int
    old: str
    new: str


@dataclass
class FileRepairs:
    """What fixing one file does: its text before and after, and the changes in between."""

    file: Path
    before: str
    after: str
    changes: list[Change] = field(default_factory=list)
    left: list[Change] = field(default_factory=list)
    """Repairs that cannot be made in place (shown, not made)."""
    encoding: tuple[bytes, str] = (b"", "\n")
    """The file's byte-order mark and line end, restored when it is written."""

    def data(self) -> bytes:
        """The repaired file's bytes, with its original BOM and line ends."""
        return self.encoding[0] + self.after.replace("\n", self.encoding[1]).encode("utf-8")


def repair_file(file: Path) -> FileRepairs:
    """The repairs of `file`; raises ReportError if it cannot be read as YAML."""
    text = read_text(file)
    load(file, text)  # every YAML problem as the reader names it
    raw = file.read_bytes()
    encoding = (b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b"",
                "\r\n" if b"\r\n" in raw else "\n")
    found = FileRepairs(file, text, text, encoding=encoding)
    planned: list[edits.Edit] = []
    meant = {}
    for located in scalars(compose(text)):
        if located.key or located.node.tag != _STR or located.path[:1] != ("data",) and \
                NOT_TEXT & set(map(str, located.path)):
            continue
        scalar = read_scalar(text, located.node, located.parent_indent)
        if scalar is None:  # read differently from libyaml: no span is known for sure
            if fixable(located.node.value):
                line = located.node.start_mark.line + 1
                found.left.append(Change(line, located.node.value[:20], located.node.value[:20]))
            continue
        todo = fixable(scalar.value)
        if not todo:
            continue
        made = []
        for group in _groups(todo):
            try:
                planned += [_edit(scalar, repair) for repair in group]
                made += group
                found.changes.append(_change(text, scalar, group))
            except edits.EditError:
                found.left.append(_change(text, scalar, group))
        meant[located.path] = repaired(scalar.value, made)
    if planned:
        found.after = edits.apply(text, planned)
        try:
            edits.check(text, found.after, meant, read=_value)
        except edits.EditError as exc:
            raise fail(f"internal error: the repair would not read back ({exc}); nothing was "
                       "written", file=file, exit_code=EXIT_INTERNAL,
                       hint="this is a bug in reportgen; please report it with the file")
    return found


def _value(text: str, located: Located) -> str:
    scanned = read_scalar(text, located.node, located.parent_indent)
    return scanned.value if scanned is not None else located.node.value


def _edit(scalar: ScalarText, repair: Repair) -> edits.Edit:
    """The edit for one repair. Spaces that folding made stay out of it: the line break stays
    where it is, and once the mark is full-width the reader joins there without a space."""
    start, end = repair.start, repair.end
    while start < repair.at and start in scalar.folded:
        start += 1
    while end > repair.at + len(repair.mark) and end - 1 in scalar.folded:
        end -= 1
    return edits.replace_span(scalar, start, end, repair.new)


def _groups(found: list[Repair]) -> list[list[Repair]]:
    groups: list[list[Repair]] = []
    for repair in found:
        if groups and repair.start - groups[-1][-1].end <= _NEAR:
            groups[-1].append(repair)
        else:
            groups.append([repair])
    return groups


def _change(text: str, scalar: ScalarText, group: list[Repair]) -> Change:
    start, end = max(0, group[0].start - 4), min(len(scalar.value), group[-1].end + 4)
    old = scalar.value[start:end]
    new = repaired(old, [Repair(r.start - start, r.end - start, r.new, r.mark, r.at - start)
                          for r in group])
    line = text.count("\n", 0, scalar.spans[group[0].at][0]) + 1
    return Change(line, old.replace("\n", " "), new.replace("\n", " "))
