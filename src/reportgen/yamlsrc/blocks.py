"""The entries of a YAML collection in the file's text, and edits that insert, delete and move them.

A block entry (`- item`, `key: value`) owns whole lines: from the comment lines right above
it (they describe it) to the line break of its last line, with the blank lines after it. So
deleting an entry takes its comments along, and moving one carries its comments, quoting and
line folding to its new place, indented to fit there. A flow entry (`[a, b]`) is its value;
the comma between entries goes with the entry that is deleted. Every edit is a span of the
file's text (edits.py), so the lines around it stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reportgen.yamlsrc.edits import Edit, EditError, Moved, Part
from reportgen.yamlsrc.tree import Path_, compose


@dataclass(frozen=True)
class Entry:
    """One entry of a collection: a sequence item, or a mapping's key with its value."""

    start: int
    """Where its text starts: a block entry at the start of its first line (its comment lines
    included); a flow entry at its key or value."""
    end: int
    """Where its text ends: a block entry after the line break of its last line (or at the end
    of the file); a flow entry after its value."""
    value: Node
    key: ScalarNode | None = None


@dataclass(frozen=True)
class Collection:
    """A sequence or mapping of the file, with where each entry is."""

    node: SequenceNode | MappingNode
    entries: tuple[Entry, ...]
    column: int
    """The column of a block collection's `-` or keys; -1 for a flow collection."""

    @property
    def flow(self) -> bool:
        return self.column < 0

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.node, SequenceNode)

    def index(self, key: str) -> int:
        """The position of the entry named `key` in a mapping (-1 if there is none)."""
        return next((i for i, e in enumerate(self.entries)
                     if e.key is not None and e.key.value == key), -1)


def find(text: str, path: Path_, root: Node | None = None) -> Collection:
    """The collection at field path `path` of the YAML `text` (() is the top); raises
    EditError if there is none there."""
    if root is None:
        try:
            root = compose(text)
        except yaml.YAMLError as exc:
            raise EditError(f"not valid YAML: {exc}") from None
    node = root
    for part in path:
        node = _child(node, part)
        if node is None:
            raise EditError(f"nothing at {'/'.join(map(str, path))}")
    if not isinstance(node, (SequenceNode, MappingNode)):
        raise EditError(f"{'/'.join(map(str, path)) or 'the top'} is not a list or mapping")
    return collection(text, node)


def node_at(root: Node | None, path: Path_) -> Node | None:
    """The node at field path `path` under `root`, or None."""
    node = root
    for part in path:
        node = _child(node, part) if node is not None else None
    return node


def _child(node: Node, part: str | int) -> Node | None:
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    if isinstance(node, MappingNode):
        return next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part),
                    None)
    return None


def collection(text: str, node: SequenceNode | MappingNode) -> Collection:
    """The entries of `node`, a collection composed from `text`."""
    pairs = [(None, v) for v in node.value] if isinstance(node, SequenceNode) else node.value
    if node.flow_style:
        return Collection(node, tuple(Entry((k or v).start_mark.index, content_end(text, v), v, k)
                                      for k, v in pairs), -1)
    heads = [_head(text, k, v) for k, v in pairs]
    starts = [_with_comments(text, head, content_end(text, pairs[i - 1][1]) if i else 0)
              for i, head in enumerate(heads)]
    ends = starts[1:] + ([line_end(text, content_end(text, pairs[-1][1]))] if pairs else [])
    entries = tuple(Entry(s, e, v, k) for s, e, (k, v) in zip(starts, ends, pairs, strict=True))
    column = heads[0] - line_start(text, heads[0]) if heads else node.start_mark.column
    return Collection(node, entries, column)


def _head(text: str, key: ScalarNode | None, value: Node) -> int:
    """Where a block entry begins: its key, or the `-` before a sequence item."""
    if key is not None:
        return key.start_mark.index
    at = value.start_mark.index
    if text.startswith("-", at) and (value.start_mark.index == value.end_mark.index
                                     or isinstance(value, SequenceNode) and not value.flow_style):
        return at  # an empty item, or a nested block sequence starting at its own dash
    dash = text.rfind("-", 0, at)
    if dash < 0 or text[dash + 1:at].strip():
        raise EditError(f"no `-` before the item at index {at}")
    return dash


def _with_comments(text: str, head: int, floor: int) -> int:
    """The start of the line of `head`, moved up over the comment lines right above it (not
    above `floor`, where the previous entry's text ends)."""
    start = line_start(text, head)
    while start > floor:
        above = line_start(text, start - 1)
        if above < floor or not text[above:start].strip().startswith("#"):
            break
        start = above
    return start


def line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def line_end(text: str, at: int) -> int:
    """The index after the line break of the line holding index `at` (or the end of text)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end + 1


def content_end(text: str, node: Node) -> int:
    """Where `node`'s own text ends: after its last character, not after the blank lines and
    comments the composer's end mark may run on to."""
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            end = node.end_mark.index
            while end > node.start_mark.index and text[end - 1] in " \t\n":
                end -= 1
            return end
        return node.end_mark.index
    if node.flow_style or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return content_end(text, last[1] if isinstance(node, MappingNode) else last)


# -- edits ------------------------------------------------------------------------------------

def delete(text: str, coll: Collection, index: int) -> Edit:
    """The edit that removes entry `index` (with its comments); removing the last entry of a
    block collection leaves its key without a value, which the caller removes instead."""
    entries = coll.entries
    entry = entries[index]
    inner = entry.value.start_mark.index
    if not coll.flow:
        if index == 0 and not coll.is_sequence and _inline_with_parent(text, coll):
            if len(entries) == 1:
                raise EditError("the only key of a list item cannot be removed in place")
            # `- first: …` then `  second: …`: the second moves up onto the item's line
            return Edit(entry.key.start_mark.index,
                        entries[1].key.start_mark.index, "", inner=inner)
        return Edit(entry.start, entry.end, "", inner=inner)
    if len(entries) == 1:
        return Edit(entry.start, entry.end, "", inner=inner)
    if index < len(entries) - 1:
        return Edit(entry.start, entries[index + 1].start, "", inner=inner)
    return Edit(entries[index - 1].end, entry.end, "", inner=inner)


def insert(text: str, coll: Collection, index: int, entry: str | tuple[Part, ...]) -> Edit:
    """The edit that puts a new entry before entry `index` (after the last one if `index` is
    their number). A block entry is written at column 0, ending with a line break, and is
    indented to the collection's column; a flow entry is its value's text."""
    entries = coll.entries
    within = (coll.node.start_mark.index, content_end(text, coll.node))
    if coll.flow:
        parts = (entry,) if isinstance(entry, (str, Moved)) else entry
        if not entries:
            return Edit(within[0] + 1, within[0] + 1, parts, within)
        if index < len(entries):
            return Edit(entries[index].start, entries[index].start, (*parts, ", "), within)
        return Edit(entries[-1].end, entries[-1].end, (", ", *parts), within)
    parts = indented((entry,) if isinstance(entry, (str, Moved)) else entry, coll.column)
    if index == 0 and not coll.is_sequence and _inline_with_parent(text, coll):
        # `- new: …` on the item's line, the old first key on a line of its own below it
        at = entries[0].key.start_mark.index
        first = parts[0]
        if not isinstance(first, str):
            raise EditError("a moved entry cannot go before the first key of a list item")
        return Edit(at, at, (first[coll.column:], *parts[1:], " " * coll.column), within)
    if index < len(entries):
        at = entries[index].start
    else:
        at = entries[-1].end if entries else line_end(text, coll.node.start_mark.index)
        if at == len(text) and not text.endswith("\n"):
            parts = ("\n", *parts)
    return Edit(at, at, parts, within)


def move(text: str, source: Collection, index: int, target: Collection,
         to: int) -> list[Edit]:
    """The edits that move entry `index` of `source` to before entry `to` of `target` (same
    kind of collection), its text indented for its new place."""
    if source.flow != target.flow or source.is_sequence != target.is_sequence:
        raise EditError("an entry moves only between collections of the same kind")
    return [delete(text, source, index), insert(text, target, to, carried(text, source, index))]


def carried(text: str, coll: Collection, index: int) -> Moved:
    """Entry `index` of `coll` as text to put elsewhere: a block entry at column 0, without
    the blank lines after it (they space it from its neighbours where it stands)."""
    entry = coll.entries[index]
    inner = entry.value.start_mark.index
    if coll.flow:
        return Moved(entry.start, entry.end, inner=inner)
    end = entry.end
    while end > entry.start:
        above = line_start(text, end - 1)
        if text[above:end].strip() or above == entry.start:
            break
        end = above
    return Moved(entry.start, end, -coll.column, inner)


def _inline_with_parent(text: str, coll: Collection) -> bool:
    """Whether a block mapping starts on its parent's line, as `- key: value` does."""
    first = coll.entries[0].key if coll.entries else None
    if first is None:
        return False
    start = line_start(text, first.start_mark.index)
    return text[start:first.start_mark.index].strip() != ""


def indented(parts: tuple[Part, ...], by: int) -> tuple[Part, ...]:
    """Text written at column 0 (strings and moved entries) shifted `by` columns: each line
    that starts inside a string gets `by` spaces, and each moved entry that starts a line is
    shifted as well (one inside a line, a one-line value, is not)."""
    if by == 0:
        return parts
    out: list[Part] = []
    at_line_start = True
    for part in parts:
        if isinstance(part, Moved):  # a block entry (whole lines) moves with the lines
            out.append(Moved(part.start, part.end, part.indent + by, part.inner)
                       if at_line_start else part)
            continue
        lines = part.split("\n")
        shifted = [(" " * by + line if line and (i or at_line_start) else line)
                   for i, line in enumerate(lines)]
        out.append("\n".join(shifted))
        at_line_start = part.endswith("\n") or (not part and at_line_start)
    return tuple(out)
