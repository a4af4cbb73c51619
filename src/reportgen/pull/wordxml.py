"""Small readers of WordprocessingML elements that pull's body readers share."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from reportgen.pull.styles import W

CONTAINERS = (W + "sdt", W + "sdtContent", W + "customXml")
"""Content controls and custom XML: wrappers whose content reads as if it stood in their place."""


def children(node: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The children of `node` with `tag`, those wrapped in content controls included."""
    for child in node:
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from children(child, tag)


def text_in(node: etree._Element) -> str:
    """All the text under `node`, deleted text included."""
    return "".join(t.text or "" for t in node.iter(W + "t", W + "delText"))


def excerpt(text: str, limit: int = 16) -> str:
    """`text` with its spaces collapsed, cut after `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def add_once(losses: list[str], loss: str) -> None:
    if loss not in losses:
        losses.append(loss)


def on(node: etree._Element | None) -> bool:
    """Whether a toggle property (`w:tblHeader`, `w:pageBreakBefore` …) is there and on."""
    return node is not None and val(node) not in ("0", "false", "off")


def val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(f"{W}val")


def integer(text: str) -> int:
    """`text` as a whole number; -1 where it is none."""
    try:
        return int(text)
    except ValueError:
        return -1
