"""The edits that bring the editor's text into the YAML file, and the list of what they do.

A `Plan` collects edits of the file's text (yamlsrc/edits.py, yamlsrc/blocks.py) and, for the
summary, a `Change` per block or text changed, added, removed or moved, each with its line in
the YAML. A changed text is edited character by character in its scalar (pull/texts.py); a
text that an expression computed is left alone and recorded as a `Conflict`, unless the user
said which side wins (`prefer`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reportgen.expressions import Expressions
from reportgen.pull import texts
from reportgen.reader.folding import read_scalar
from reportgen.reader.source import format_path
from reportgen.yamlsrc import blocks, emit
from reportgen.yamlsrc.edits import (
    Edit,
    EditError,
    Moved,
    Part,
    apply,
    replace_span,
    replace_value,
)
from reportgen.yamlsrc.edits import position as edits_position
from reportgen.yamlsrc.tree import Path_, compose

_STR = "tag:yaml.org,2002:str"
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")
_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Change:
    """One thing the pull does to the YAML, for the summary."""

    action: str
    """changed, added, removed, moved, data, kept (a conflict settled for the YAML)."""
    what: str
    path: Path_
    line: int
    old: str | None = None
    new: str | None = None
    at: int | None = None
    """For an entry added: where it goes in the file's text (its line is known once the
    edits are made)."""


@dataclass(frozen=True)
class Conflict:
    """A text an expression computes that the editor changed: the sentence before and after,
    and the `data:` names it uses."""

    path: Path_
    line: int
    old: str
    new: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Loss:
    """Something of the DOCX the report format cannot hold: where, and what."""

    where: str
    what: str


@dataclass
class Plan:
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

    # -- texts ---------------------------------------------------------------------------------
    def set_text(self, path: Path_, old: str, new: str, what: str) -> None:
        """Make the text at `path`, printing `old`, print `new` instead."""
        if old == new:
            return
        node = self.node(path)
        line = self.line(path)
        if not isinstance(node, ScalarNode):
            raise EditError(f"no text at {format_path(path)}")
        if node.tag != _STR:
            self.edit(replace_value_typed(self.text, node, new))
            self._changed(path, what, old, new, line)
            return
        scalar = read_scalar(self.text, node, self._parent_indent(path))
        trace = texts.printed(scalar.value, self.expressions) if scalar is not None else None
        if scalar is None or trace is None or trace.text != old:
            if scalar is not None and not texts.has_expression(scalar.value):
                self._whole(path, scalar, new, what, old, line)
            else:
                self._computed(path, old, new, (), what, line)
            return
        outcome = texts.outcome(trace, new)
        if outcome.conflict:
            self._computed(path, old, new, tuple(outcome.names), what, line)
            return
        if outcome.data:
            if not all(self._data_unambiguous(name) for name in outcome.data):
                self._computed(path, old, new, tuple(outcome.data), what, line)
                return
            for name, printed in outcome.data.items():
                if self.data_updates.get(name, printed) != printed:
                    self._computed(path, old, new, (name,), what, line)
                    return
            self.data_updates.update(outcome.data)
        if outcome.whole:
            self._whole(path, scalar, new, what, old, line)
            return
        try:
            made = [replace_span(scalar, s, e, t) for s, e, t in outcome.edits]
            self._reads(path, made, new if not outcome.data else None)
        except EditError:
            if trace.expressions:
                self._computed(path, old, new, tuple(outcome.names), what, line)
            else:
                self._whole(path, scalar, new, what, old, line)
            return
        self.edits += made
        self.expected[path] = new
        if outcome.edits:
            self._changed(path, what, old, new, line)

    def _reads(self, path: Path_, made: list[Edit], new: str | None) -> None:
        """Raise EditError unless the scalar at `path`, with `made` edits in it, is still a
        text that reads as `new` (characters put into a plain scalar may make it something
        else: a trailing `:`, a line starting with `#`); None: still a text."""
        trial = apply(self.text, made)
        try:
            node = blocks.node_at(compose(trial), path)
        except yaml.YAMLError:
            raise EditError("the text cannot take the change in its style") from None
        if not isinstance(node, ScalarNode) or node.tag != _STR:
            raise EditError("the text cannot take the change in its style")
        if new is not None:
            scalar = read_scalar(trial, node, self._parent_indent(path))
            trace = texts.printed(scalar.value, self.expressions) if scalar else None
            if trace is None or trace.text != new:
                raise EditError("the text cannot take the change in its style")

    def _whole(self, path: Path_, scalar, new: str, what: str, old: str, line: int) -> None:
        self.edit(replace_value(scalar, texts.literal(new)))
        self.expected[path] = new
        self._changed(path, what, old, new, line)

    def _changed(self, path: Path_, what: str, old: str, new: str, line: int) -> None:
        self.changes.append(Change("changed", what, path, line, old, new))

    def _computed(self, path: Path_, old: str, new: str, names: tuple[str, ...], what: str,
                  line: int) -> None:
        """The editor changed computed text: settle it as the user said, or record it."""
        if self.prefer == "docx":
            self.edit(replace_value(self._scalar(path), texts.literal(new)))
            self.expected[path] = new
            self.changes.append(Change("changed", f"{what} (its expression replaced by the "
                                                  "editor's text)", path, line, old, new))
        elif self.prefer == "yaml":
            self.expected[path] = old
            self.changes.append(Change("kept", f"{what} (computed; the editor's text left out)",
                                       path, line, old, new))
        else:
            self.expected[path] = old
            known = (self.data.get("data") or {}).keys()
            self.conflicts.append(Conflict(path, line, old, new,
                                           tuple(n for n in names if n in known)))

    def _scalar(self, path: Path_):
        node = self.node(path)
        scalar = read_scalar(self.text, node, self._parent_indent(path))
        if scalar is None:
            raise EditError(f"the text at {format_path(path)} cannot be edited in place")
        return scalar

    def _parent_indent(self, path: Path_) -> int:
        parent = self.node(path[:-1])
        return -1 if parent is None or parent.flow_style else parent.start_mark.column

    def _data_unambiguous(self, name: str) -> bool:
        """Whether `data.name` is a plain value printed by exactly one expression in the file:
        then a changed figure can change it without changing any other text."""
        if not isinstance((self.data.get("data") or {}).get(name), (str, int, float)) or \
                isinstance((self.data.get("data") or {}).get(name), bool):
            return False
        uses = 0
        pattern = re.compile(r"\{\{[^}]*\b" + re.escape(name) + r"\b[^}]*\}\}")
        for located_text in _texts_outside_data(self.root):
            uses += len(pattern.findall(located_text))
        return uses == 1

    def apply_data(self) -> None:
        """Write the `data:` values that changed figures ask for."""
        for name, printed in self.data_updates.items():
            path = ("data", name)
            node = self.node(path)
            old = (self.data.get("data") or {}).get(name)
            self.edit(replace_value_typed(self.text, node, printed, old))
            self.changes.append(Change("data", f"data `{name}`", path, self.line(path),
                                       str(old), printed))

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

    def delete(self, path: Path_) -> None:
        """Remove the entry at `path` from its collection (a list item, or a key)."""
        coll = self.collection(path[:-1])
        index = path[-1] if coll.is_sequence else coll.index(str(path[-1]))
        self.edit(blocks.delete(self.text, coll, index))


def replace_value_typed(text: str, node: Node, new: str, old: Any = None) -> Edit:
    """Rewrite a number, date or empty value so that it prints `new`, keeping its type where
    `new` fits it (a number stays a bare number, 2026年2月5日 a date 2026-02-05)."""
    scalar = read_scalar(text, node, -1) if isinstance(node, ScalarNode) else None
    start, end = node.start_mark.index, node.end_mark.index
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") or isinstance(
            old, (int, float)) and not isinstance(old, bool):
        if _NUMBER.fullmatch(new) and yaml.safe_load(new) is not None and \
                not isinstance(yaml.safe_load(new), str):
            return Edit(start, end, new)
    if node.tag == "tag:yaml.org,2002:timestamp" or isinstance(old, _dt.date):
        found = _CHINESE_DATE.fullmatch(new)
        if found:
            try:
                day = _dt.date(*(int(g) for g in found.groups()))
                return Edit(start, end, day.isoformat())
            except ValueError:
                pass
    if scalar is not None and node.tag == _STR:
        return replace_value(scalar, texts.literal(new))
    written = emit.scalar(texts.literal(new))
    return Edit(start, end, written if start < end else " " + written)  # `key:` with no value


def _texts_outside_data(root: Node | None):
    """The values of every text in the file but those under `data:`."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            yield node.value
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(v for k, v in node.value if not (node is root and k.value == "data"))
