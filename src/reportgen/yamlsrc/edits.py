"""Minimal edits to a YAML file: change a scalar's text in place, keeping everything else.

An edit replaces a span of the file's text, so comments, key order, quoting, line folding and
the layout of every other line stay as they were: no re-dump. `replace_span` rewrites part of
a scalar in its own style (escaping as the style needs); `replace_value` rewrites a whole
scalar, keeping its style where the new text fits it. `apply` makes the edits and `check`
composes the result again and compares every scalar with what was meant, so an edit can never
silently change another value or leave invalid YAML. `locate` finds a scalar by its field path.

Structural edits (blocks.py) put text of the file elsewhere: a `Moved` part stands for a span
of the file with the edits inside it made, so an entry moved to another list keeps the changes
made inside it. An edit inside the span of another edit belongs to that span: it is made where
the span is carried (a `Moved`), and dropped where the span is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Union

import yaml

from reportgen.yamlsrc.loader import plain_tag
from reportgen.yamlsrc.scalars import DOUBLE, FOLDED, LITERAL, PLAIN, SINGLE, ScalarText, scan
from reportgen.yamlsrc.tree import Located, Path_, compose, scalars


class EditError(ValueError):
    """An edit that cannot be made (in place): the message says why."""


@dataclass(frozen=True)
class Moved:
    """The file's text[start:end] with the edits inside it made, every line shifted `indent`
    columns (to the left where negative): an entry carried to another place."""

    start: int
    end: int
    indent: int = 0
    inner: int | None = None
    """Where the entry's own value starts (after its `-` or key): see Edit.within."""


Part = Union[str, Moved]  # noqa: UP007 - a runtime alias


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] of the file by `text` (a string, or strings and moved spans)."""

    start: int
    end: int
    text: str | tuple[Part, ...]
    within: tuple[int, int] | None = None
    """For an insertion: the span of the collection it adds to. An insertion at the very
    start or end of an entry that is moved or deleted belongs to that entry only if its
    collection is inside the entry's value (a new last item of a moved section's body), not
    if it is the entry's own list (a new item after it, or in place of it)."""
    inner: int | None = None
    """For an edit removing an entry: where the entry's value starts."""


def locate(text: str, path: Path_) -> ScalarText:
    """The scalar whose value is at field path `path` of the YAML `text` (("body", 2,
    "section") is body[2].section), with its characters' spans; raises EditError if there is
    none, or it cannot be read span by span."""
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        raise EditError(f"not valid YAML: {exc}") from None
    for located in scalars(root):
        if located.path == tuple(path) and not located.key:
            found = scan(text, located.node, located.parent_indent)
            if found is None:
                raise EditError("this scalar cannot be read span by span")
            return found
    raise EditError(f"no text at {'/'.join(map(str, path)) or 'the top'}")


def replace_span(scalar: ScalarText, start: int, end: int, new: str) -> Edit:
    """The edit that makes value[start:end] of `scalar` read `new`, written in the scalar's own
    style. Raises EditError where the span holds a character made by line folding (changing
    it would change the lines) or `new` cannot be written in place in this style."""
    if not 0 <= start <= end <= len(scalar.value):
        raise EditError(f"span {start}:{end} is outside the text")
    if any(i in scalar.folded for i in range(start, end)):
        raise EditError("the span crosses a line break of the file")
    if "\n" in new and scalar.style != DOUBLE:
        raise EditError("a line break cannot be added in place")
    if start < end:
        where = (scalar.spans[start][0], scalar.spans[end - 1][1])
    elif start < len(scalar.value):
        where = (scalar.spans[start][0],) * 2
    elif scalar.value:
        where = (scalar.spans[-1][1],) * 2
    else:
        raise EditError("an empty scalar has no place to insert at")
    return Edit(*where, _in_style(new, scalar.style))


def _in_style(text: str, style: str) -> str:
    if style == DOUBLE:
        return quoted(text)[1:-1]
    if style == SINGLE:
        return text.replace("'", "''")
    return text


def replace_value(scalar: ScalarText, new: str) -> Edit:
    """The edit that rewrites the whole of `scalar` to read `new`: in its own style where
    that can hold the text, else double-quoted (which holds any text on one line)."""
    style = scalar.style
    if style == PLAIN and plain_ok(new) or style == SINGLE and _single_ok(new):
        written = new if style == PLAIN else "'" + new.replace("'", "''") + "'"
    elif style in (LITERAL, FOLDED) and scalar.indent is not None and _block_ok(new):
        written = _block(new, scalar.indent, LITERAL if "\n" in new.rstrip("\n") else style)
    else:
        written = quoted(new) + ("\n" if scalar.ends_line else "")
    return Edit(scalar.start, scalar.end, written)


def apply(text: str, edits: Iterable[Edit]) -> str:
    """`text` with the edits made; raises EditError if two of them overlap without one
    holding the other. Insertions at one place are made in the order given."""
    return _made(text, list(edits), 0, len(text), None)


def position(text: str, edits: Iterable[Edit], at: int) -> int:
    """Where index `at` of `text` is once the edits are made (before anything they insert
    right there)."""
    before = [e for e in edits if e.end <= at and not e.start == e.end == at]
    return len(_made(text, before, 0, at, None))


def _belongs(edit: Edit, lo: int, hi: int, inner: int | None = None) -> bool:
    """Whether `edit` is part of the span [lo, hi), an entry whose value starts at `inner`
    (see Edit.within)."""
    if edit.start < edit.end:
        return lo <= edit.start and edit.end <= hi
    if lo < edit.start < hi:
        return True
    return edit.start in (lo, hi) and edit.within is not None and \
        (lo if inner is None else inner) <= edit.within[0] and edit.within[1] <= hi


def _made(text: str, edits: list[Edit], lo: int, hi: int, carried: Moved | None) -> str:
    """text[lo:hi] with the outermost edits inside it made: those inside a span that another
    edit replaces go with that span (not the edit that removes the span being `carried`)."""
    whole = carried is None
    inner = None if whole else carried.inner
    inside = [(n, e) for n, e in enumerate(edits)
              if (lo <= e.start and e.end <= hi if whole else _belongs(e, lo, hi, inner))
              and not (e.start == lo and e.end == hi and lo < hi and not whole)]
    spans = sorted(((n, e) for n, e in inside if e.start < e.end),
                   key=lambda ne: (ne[1].start, -ne[1].end, ne[0]))
    outer: list[tuple[int, Edit]] = []
    for n, edit in spans:
        if outer and edit.start < outer[-1][1].end:
            if edit.end <= outer[-1][1].end:
                continue  # inside an edit already made: part of what that one replaces
            raise EditError(f"edits overlap at index {edit.start}")
        outer.append((n, edit))
    points = [(n, e) for n, e in inside if e.start == e.end
              and not any(_belongs(e, o.start, o.end, o.inner) for _, o in outer)]
    made = sorted(outer + points, key=lambda ne: (ne[1].start, ne[1].start != ne[1].end, ne[0]))
    parts, at = [], lo
    for _, edit in made:
        parts += [text[at:edit.start], _text_of(text, edits, edit.text)]
        at = edit.end
    result = "".join(parts) + text[at:hi]
    return result if whole else _shifted(result, carried.indent)


def _text_of(text: str, edits: list[Edit], replacement: str | tuple[Part, ...]) -> str:
    if isinstance(replacement, str):
        return replacement
    return "".join(part if isinstance(part, str) else _made(text, edits, part.start, part.end,
                                                            part)
                   for part in replacement)


def _shifted(block: str, by: int) -> str:
    """Every line of `block` moved `by` columns (to the left where negative: as far as its
    leading spaces allow)."""
    if by == 0:
        return block
    lines = block.split("\n")
    if by > 0:
        return "\n".join(" " * by + line if line.strip() else line for line in lines)
    return "\n".join(line[min(-by, len(line) - len(line.lstrip(" "))):] for line in lines)


def raw_value(text: str, located: Located) -> str:
    """A scalar's value as the composer reads it."""
    return located.node.value


def check(before: str, after: str, meant: Mapping[Path_, str],
          read: Callable[[str, Located], str] = raw_value) -> None:
    """Raise EditError unless `after` composes to the data of `before` with the values of the
    paths in `meant` changed to those texts, and nothing else changed (keys, tags, structure).
    `read` reads a scalar's text (the default: as the composer does)."""
    try:
        old, new = list(scalars(compose(before))), list(scalars(compose(after)))
    except yaml.YAMLError as exc:
        raise EditError(f"the edited file is not valid YAML: {exc}") from None
    if [(s.path, s.key) for s in old] != [(s.path, s.key) for s in new]:
        raise EditError("the edit changed the structure of the file")
    for was, now in zip(old, new, strict=True):
        if was.key:
            wanted, got, tag_ok = was.node.value, now.node.value, True
        elif was.path in meant:
            wanted, got, tag_ok = meant[was.path], read(after, now), now.node.tag == _STR
        else:
            wanted, got, tag_ok = read(before, was), read(after, now), now.node.tag == was.node.tag
        if got != wanted or not tag_ok:
            raise EditError(f"the edit would give {got!r} instead of {wanted!r} at "
                            f"{'/'.join(map(str, was.path)) or 'the top'}")


_STR = "tag:yaml.org,2002:str"
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_FLOW = ",[]{}"  # would end a plain scalar inside [ ] or { }


def plain_ok(text: str) -> bool:
    """Whether `text` written bare reads back as this very text (a string), in a block or
    inside [ ]."""
    if not text or text != text.strip() or text[0] in _INDICATORS or text.endswith(":") \
            or any(c in text for c in _FLOW + "\n\t") or ": " in text or " #" in text:
        return False
    return plain_tag(text) == _STR and text.isprintable()


def _single_ok(text: str) -> bool:
    return "\n" not in text and text == text.strip() and text.isprintable()


def _block_ok(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    return bool(text.strip()) and not text[0].isspace() and all(
        line.isprintable() for line in lines)


def _block(text: str, indent: int, style: str) -> str:
    """`text` as a block scalar whose lines start at column `indent`, ending with a line
    break (the block runs to the start of the next line)."""
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomping = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = [(" " * indent + line) if line else "" for line in body.split("\n")]
    return f"{style}{chomping}\n" + "\n".join(lines) + "\n" * max(trailing, 1)


def quoted(text: str) -> str:
    """`text` double-quoted, escaped where YAML needs it: any text fits on one line."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif not ch.isprintable() or ch in "\x85\u2028\u2029\ufeff":
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else
                       f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
