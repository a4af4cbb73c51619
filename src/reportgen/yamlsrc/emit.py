"""New YAML text for values that were not in the file: entries written as the file writes its own.

Text is written plain where it reads back as the same text, else double-quoted; a list of short
texts in a flow list where the file writes them so; mappings in block style. Moved entries
(edits.Moved) may stand among the values: a new section can hold paragraphs carried from
elsewhere, which keep their own text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from reportgen.yamlsrc.blocks import indented
from reportgen.yamlsrc.edits import Moved, Part, plain_ok, quoted


@dataclass(frozen=True)
class Flow:
    """A list to write in flow style, `[a, b, c]` (a table row)."""

    items: tuple[Any, ...]


class Parts(tuple):
    """A list item already written (strings and moved entries), put in as it is."""


@dataclass(frozen=True)
class Raw:
    """A value written exactly as given: a number as the editor typed it (1.50 stays 1.50)."""

    text: str


@dataclass(frozen=True)
class Indents:
    """How the file indents: a list under a key (`body:` then `- …`), and a mapping under a
    key (`table:` then `caption: …`), in columns from the key."""

    sequence: int = 2
    mapping: int = 2

    @classmethod
    def of(cls, root: Node | None) -> Indents:
        """The indents the file itself uses (the first of each kind found), else 2 and 2."""
        found: dict[str, int] = {}
        stack = [root] if root is not None else []
        while stack and len(found) < 2:
            node = stack.pop()
            if isinstance(node, MappingNode) and not node.flow_style:
                for key, value in node.value:
                    if isinstance(value, (SequenceNode, MappingNode)) and not value.flow_style \
                            and value.start_mark.line > key.start_mark.line:
                        kind = "sequence" if isinstance(value, SequenceNode) else "mapping"
                        found.setdefault(kind, value.start_mark.column - key.start_mark.column)
                    stack.append(value)
            elif isinstance(node, SequenceNode):
                stack.extend(reversed(node.value))
        return cls(**found)


def scalar(value: Any) -> str:
    """One value on one line: a text plain where that reads back as the text, else quoted;
    a number, a boolean or None as YAML writes it."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, str):
        return value if plain_ok(value) else quoted(value)
    if value is None:
        return "null"
    return yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()


def item(value: Any, indents: Indents = Indents()) -> tuple[Part, ...]:
    """`value` as a sequence item at column 0 (`- …`), ending with a line break."""
    if isinstance(value, Moved):
        return (value,)
    if isinstance(value, Parts):
        return tuple(value)
    if isinstance(value, Mapping):
        return _mapping(value, indents, first_prefix="- ", indent=2)
    if isinstance(value, Flow):
        return (f"- {_flow(value)}\n",)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ("-\n", *indented(_sequence(value, indents), 2))
    return (f"- {scalar(value)}\n",)


def entry(key: str, value: Any, indents: Indents = Indents()) -> tuple[Part, ...]:
    """`key: value` at column 0, ending with a line break."""
    if isinstance(value, Mapping):
        return (f"{key}:\n", *indented(_mapping(value, indents), indents.mapping))
    if isinstance(value, Flow):
        return (f"{key}: {_flow(value)}\n",)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return (f"{key}:\n", *indented(_sequence(value, indents), indents.sequence))
    return (f"{key}: {scalar(value)}\n",)


def _sequence(values: Sequence, indents: Indents) -> tuple[Part, ...]:
    return tuple(part for value in values for part in item(value, indents))


def _mapping(values: Mapping, indents: Indents, first_prefix: str = "",
             indent: int = 0) -> tuple[Part, ...]:
    parts: list[Part] = []
    for n, (key, value) in enumerate(values.items()):
        written = entry(key, value, indents)
        if n == 0 and first_prefix:  # `- key: …` on the item's line
            parts += [first_prefix + written[0], *indented(written[1:], indent)]
        else:
            parts += indented(written, indent)
    return tuple(parts)


def _flow(value: Flow) -> str:
    return "[" + ", ".join(_in_flow(v) for v in value.items) + "]"


def _in_flow(value: Any) -> str:
    """A value inside [ ]: a mapping as `{key: value, …}` (a merged table cell)."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    return scalar(value)
