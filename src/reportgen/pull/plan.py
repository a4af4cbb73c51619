"""The edits that bring the editor's text into the YAML file, and the list of what they do.

A `Plan` collects edits of the file's text (yamlsrc/edits.py, yamlsrc/blocks.py) and, for the
summary, a `Change` per block or text changed, added, removed or moved, each with its line in
the YAML (records.py). Entries are added, removed and carried here; texts are changed by the
methods of rewrite.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from reportgen.expressions import Expressions
from reportgen.pull.records import Change, Conflict, Loss
from reportgen.pull.rewrite import TextChanges
from reportgen.yamlsrc import blocks, emit
from reportgen.yamlsrc.edits import Edit, EditError, Moved, Part
from reportgen.yamlsrc.edits import position as edits_position
from reportgen.yamlsrc.tree import Path_, compose, format_path


@dataclass
class Plan(TextChanges):
    """The edits of one pull and what they do."""

    text: str
    data: dict
    prefer: str | None = None
    """Which side wins where the editor changed computed text: "docx", "yaml" or None."""
    edits: list[Edit] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    data_updates: dict[str, str] = field(default_factory=dict)
    """`data:` name → the text it prints now."""
    expected: dict[Path_, str] = field(default_factory=dict)
    """What each text the pull touches must print once the edits are made."""
    fields: dict[str, list[str]] = field(default_factory=dict)
    """What each field outside the body must print once the edits are made (decorations off)."""
    kept: set[int] = field(default_factory=set)
    """The YAML tables (by id) the pull leaves as they are, their changes named as losses."""

    def __post_init__(self) -> None:
        try:
            self.root = compose(self.text)
        except yaml.YAMLError as exc:  # the reader composed it already: a bug if it fails
            raise EditError(f"not valid YAML: {exc}") from None
        self.indents = emit.Indents.of(self.root)
        self.expressions = Expressions((self.data or {}).get("data", {}) or {})
        self._collections: dict[Path_, blocks.Collection] = {}
        self._carried: dict[Moved, tuple[bool, Node | None]] = {}

    # -- where things are ---------------------------------------------------------------------
    def node(self, path: Path_) -> Node | None:
        return blocks.node_at(self.root, path)

    def has(self, path: Path_) -> bool:
        return self.node(path) is not None

    def collection(self, path: Path_) -> blocks.Collection:
        if path not in self._collections:
            self._collections[path] = blocks.find(self.text, path, self.root)
        return self._collections[path]

    def line(self, path: Path_) -> int:
        """The line (1-based) of the value at `path`, or of its nearest ancestor."""
        while path and self.node(path) is None:
            path = path[:-1]
        node = self.node(path)
        return node.start_mark.line + 1 if node is not None else 1

    def moved(self, path: Path_) -> Moved:
        """The item at `path` (a list item) as text to put elsewhere."""
        coll = self.collection(path[:-1])
        carried = blocks.carried(self.text, coll, path[-1])
        self._carried[carried] = (coll.flow, self.node(path))
        return carried

    def _parts(self, value: Any, coll: blocks.Collection, key: str | None,
               path: Path_) -> tuple[Part, ...]:
        """`value` written as an entry of `coll`."""
        if isinstance(value, Moved):
            return self._fitted(value, coll.flow)
        value = self._fit_within(value)
        if coll.flow:
            if key is not None or not isinstance(value, (str, int, float)):
                raise EditError(f"cannot add to the one-line list at {format_path(path)}")
            return (emit.scalar(value),)
        return emit.item(value, self.indents) if key is None else \
            emit.entry(key, value, self.indents)

    def _fit_within(self, value: Any) -> Any:
        """`value` with the entries carried into it (a new section's paragraphs) fitted to
        the block lists it writes."""
        if isinstance(value, Moved):
            return emit.Parts(self._fitted(value, False))
        if isinstance(value, dict):
            return {k: self._fit_within(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._fit_within(v) for v in value]
        return value

    def _fitted(self, value: Moved, flow: bool) -> tuple[Part, ...]:
        """A carried entry as an entry of a list written the other way (a point of a one-line
        plan moved into a plan of lines, or back): a one-line value moves as its text."""
        was_flow, node = self._carried.get(value, (flow, None))
        if was_flow == flow:
            return (value,)
        if was_flow:
            return ("- ", value, "\n")
        if isinstance(node, ScalarNode) and node.start_mark.line == node.end_mark.line:
            return (Moved(node.start_mark.index, node.end_mark.index),)
        raise EditError("an entry of several lines cannot move into a one-line list")

    def edit(self, edit: Edit) -> None:
        self.edits.append(edit)

    def loss(self, where: str, what: str) -> None:
        found = Loss(where, what)
        if found not in self.losses:
            self.losses.append(found)

    def where(self, path: Path_ | None, para: int | None = None) -> str:
        """`line 12 (body[1].body[0])` for a place in the YAML, else the DOCX paragraph."""
        if path is not None:
            return f"line {self.line(path)} ({format_path(path)})"
        return f"paragraph {para} of the DOCX" if para else "the DOCX"

    # -- new entries ----------------------------------------------------------------------------
    def insert(self, path: Path_, index: int, value: Any, key: str | None = None,
               change: Change | None = None) -> None:
        """Put `value` (emit's values; Moved for a carried entry) into the collection at
        `path`, before entry `index`: as `key: value` in a mapping. `change` is recorded
        with where the new entry goes."""
        coll = self.collection(path)
        parts = self._parts(value, coll, key, path)
        edit = blocks.insert(self.text, coll, index, parts)
        self.edit(edit)
        if change is not None:
            self.changes.append(replace(change, at=edit.start))

    def settle_lines(self, after: str) -> None:
        """Give each added entry its line in the edited text `after`."""
        for n, change in enumerate(self.changes):
            if change.at is not None:
                at = edits_position(self.text, self.edits, change.at)
                self.changes[n] = replace(change, line=after.count("\n", 0, at) + 1)

    def rewrite_item(self, path: Path_, value: Any) -> None:
        """Write the list item at `path` anew as `value`, in place (its `- ` and any comments
        above it stay)."""
        coll = self.collection(path[:-1])
        if coll.flow:
            raise EditError(f"cannot rewrite an item of the one-line list at "
                            f"{format_path(path[:-1])}")
        entry = coll.entries[path[-1]]
        parts = blocks.indented(self._parts(value, coll, None, path), coll.column)
        first = parts[0]
        dash = first.index("- ") + 2
        start = entry.value.start_mark.index
        end = blocks.line_end(self.text, blocks.content_end(self.text, entry.value))
        self.edit(Edit(start, end, (first[dash:], *parts[1:])))

    def delete(self, path: Path_) -> None:
        """Remove the entry at `path` from its collection (a list item, or a key)."""
        coll = self.collection(path[:-1])
        index = path[-1] if coll.is_sequence else coll.index(str(path[-1]))
        self.edit(blocks.delete(self.text, coll, index))
