"""A changed text written into its YAML scalar: character by character, typed, or settled.

The methods of `TextChanges` are those of the pull's `Plan` (plan.py) that change texts: a
text is edited where its characters stand (pull/texts.py says which), read back in its scalar
before the edit is kept; a number, a date or an empty value keeps its type where the new text
fits it; a figure printed by `{{ name }}` alone changes `data:` where that is unambiguous; and
a change to computed text is a `Conflict` unless the user said which side wins.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reportgen import dates, figures
from reportgen.pull import texts
from reportgen.pull.records import Change, Conflict
from reportgen.yamlsrc import blocks, emit
from reportgen.yamlsrc.edits import Edit, EditError, apply, replace_span, replace_value
from reportgen.yamlsrc.folding import read_scalar
from reportgen.yamlsrc.loader import reads_as_number
from reportgen.yamlsrc.tree import Path_, compose, format_path

_STR = "tag:yaml.org,2002:str"


class TextChanges:
    """The text-changing half of Plan (which supplies text, data, root, node, line, edit,
    changes, conflicts, expected, data_updates, expressions and prefer)."""

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


def replace_value_typed(text: str, node: Node, new: str, old: Any = None) -> Edit:
    """Rewrite a number, date or empty value so that it prints `new`, keeping its type where
    `new` fits it (a number stays a bare number, 2026年2月5日 a date 2026-02-05)."""
    scalar = read_scalar(text, node, -1) if isinstance(node, ScalarNode) else None
    start, end = node.start_mark.index, node.end_mark.index
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") or isinstance(
            old, (int, float)) and not isinstance(old, bool):
        if figures.is_bare(new) and reads_as_number(new):
            return Edit(start, end, new)
    if node.tag == "tag:yaml.org,2002:timestamp" or isinstance(old, _dt.date):
        try:
            day = dates.parse(new)
        except ValueError:
            day = None
        if day is not None:
            return Edit(start, end, day.isoformat())
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
