"""Text written over several lines, joined as a Chinese reader expects, and the slips a fold hides.

YAML folds the lines of a plain, quoted or `>` scalar with a space, which Chinese text must
not have (全年完成，较上年). The join is decided here, at the fold itself, from the scalar's
source: a space the author typed inside a line is never touched.
"""

from __future__ import annotations

from yaml.nodes import ScalarNode

from reportgen.chinese import joins_with_space
from reportgen.yamlsrc.scalars import LITERAL, ScalarText, scan

Slip = tuple[int, str, str]
"""Where in the file (an index into its text), what, and the hint."""


def fold(text: str, node: ScalarNode, parent_indent: int) -> tuple[str, list[Slip]] | None:
    """The scalar's value with Chinese-aware joins, and the lines that a fold pulled into the
    text but that look like something else: `- ` (a list item indented too far) or `#` (a
    comment inside the text). None where YAML's own value must stand.
    """
    scanned = scan(text, node, parent_indent)
    if scanned is None:
        return None
    return scanned.joined(joins_with_space).value, _slips(scanned, text, parent_indent)


def read_scalar(text: str, node: ScalarNode, parent_indent: int) -> ScalarText | None:
    """A scalar's characters with their spans as the reader reads it: the lines of a plain,
    quoted or `>` text joined without a space beside Chinese (a `|` text keeps its lines; the
    reader joins them later). None where it cannot be read span by span."""
    scanned = scan(text, node, parent_indent)
    if scanned is None or scanned.style == LITERAL:
        return scanned
    return scanned.joined(joins_with_space)


def _slips(scalar: ScalarText, text: str, parent_indent: int) -> list[Slip]:
    found = []
    for i in scalar.line_starts():
        rest = scalar.value[i:]
        if not (rest.startswith("- ") or rest.startswith("#")):
            continue
        at = scalar.spans[i][0]
        shown = rest.split("\n", 1)[0][:20]
        if rest.startswith("- "):
            column = at - (text.rfind("\n", 0, at) + 1)
            found.append((at, f"`{shown}` is joined to the text above, not a list item of its "
                              "own", _item_hint(column, parent_indent)))
        else:
            found.append((at, f"`{shown}` is part of the text above, not a comment",
                          _comment_hint(scalar)))
    return found


def _item_hint(column: int, parent_indent: int) -> str:
    if parent_indent >= 0 and column > parent_indent:
        extra = column - parent_indent
        return (f"to start a new item, indent its `-` like the item above (column "
                f"{parent_indent + 1}): remove {extra} space{'s' if extra > 1 else ''}")
    return "to start a new item, put its `-` in the column of the other items' `-`"


def _comment_hint(scalar: ScalarText) -> str:
    if scalar.indent is not None:
        return (f"a comment inside a `>` text must be indented less than the text (column "
                f"{scalar.indent} or less); or write the # mark full-width, ＃")
    return "a comment goes after the closing quote; or write the # mark full-width, ＃"
