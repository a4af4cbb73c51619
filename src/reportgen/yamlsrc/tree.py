"""A YAML text's scalars in document order, each with its field path and its parent's column."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reportgen.yamlsrc.loader import Loader

Path_ = tuple[str | int, ...]
"""A field path: ("body", 2, "title") is body[2].title."""


def format_path(path: Path_) -> str:
    """("body", 2, "title") -> "body[2].title"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Located:
    """One scalar of the document: where it sits in the data and in the text."""

    path: Path_
    """The field path of the value; for a key, the path of the value it names."""
    node: ScalarNode
    parent_indent: int
    """The column of the block collection holding it, -1 at the top or in a flow collection
    (what an indentation indicator such as `>2` counts from)."""
    key: bool = False


def compose(text: str) -> Node | None:
    """The node tree of a one-document YAML text (None if empty); raises yaml.YAMLError."""
    loader = Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def scalars(root: Node | None) -> Iterator[Located]:
    """Every scalar under `root`, keys included, in the order they are written."""
    if root is None:
        return
    stack: list[tuple[Node, Path_, int, bool]] = [(root, (), -1, False)]
    while stack:
        node, path, parent, key = stack.pop()
        if isinstance(node, ScalarNode):
            yield Located(path, node, parent, key)
            continue
        column = -1 if node.flow_style else node.start_mark.column
        children: list[tuple[Node, Path_, int, bool]] = []
        if isinstance(node, SequenceNode):
            children = [(child, path + (i,), column, False) for i, child in enumerate(node.value)]
        elif isinstance(node, MappingNode):
            for key_node, value in node.value:
                name = key_node.value if isinstance(key_node, ScalarNode) else str(len(children))
                children += [(key_node, path + (name,), column, True),
                             (value, path + (name,), column, False)]
        stack.extend(reversed(children))
