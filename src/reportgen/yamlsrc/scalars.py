"""Where each character of a YAML scalar comes from in the file, for every scalar style.

`scan` reads a scalar's source text the way libyaml does (line folding, chomping, escapes,
indentation indicators) and records, for each character of the value, the span of the file it
was read from and whether line folding made it. It is checked against the composer: a scalar
whose scan does not give exactly the value the composer read is not scanned (None), so a
difference between this reading and libyaml's can cost a nicety, never a wrong text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from yaml.nodes import ScalarNode

PLAIN, SINGLE, DOUBLE, LITERAL, FOLDED = "plain", "'", '"', "|", ">"
STYLES = {None: PLAIN, "": PLAIN, "'": SINGLE, '"': DOUBLE, "|": LITERAL, ">": FOLDED}

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
            "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_BLANKS = " \t"


@dataclass(frozen=True)
class ScalarText:
    """A scalar's value with the source span of each of its characters.

    `spans[i]` is the [start, end) of the file text that value character i was read from: the
    character itself, an escape (`\\"`, `''`), or for a character made by folding lines the
    line break with the blanks around it. `folded` holds the indices of the characters made by
    folding (the space that joins two lines, the line breaks that blank lines leave).
    """

    style: str
    start: int
    """Where the scalar starts: its quote or `|`/`>` indicator included."""
    end: int
    """Where it ends: after its closing quote or last character; a block scalar after the line
    break of its last line of text (with `+`, after the blank lines it keeps)."""
    value: str
    spans: tuple[tuple[int, int], ...]
    folded: frozenset[int]
    indent: int | None = None
    """The column of a block scalar's content; None for the other styles."""
    ends_line: bool = False
    """Whether the span ends with a line break (a block scalar not at the end of the file)."""

    def joined(self, with_space: Callable[[str, str], bool]) -> ScalarText:
        """The scalar with each folding space kept only where `with_space(before, after)`
        says the two lines join with a space (the characters beside the space decide)."""
        drop = {i for i in self.folded if self.value[i] == " " and 0 < i < len(self.value) - 1
                and not with_space(self.value[i - 1], self.value[i + 1])}
        if not drop:
            return self
        keep = [i for i in range(len(self.value)) if i not in drop]
        renumber = {old: new for new, old in enumerate(keep)}
        return replace(self, value="".join(self.value[i] for i in keep),
                       spans=tuple(self.spans[i] for i in keep),
                       folded=frozenset(renumber[i] for i in self.folded if i in renumber))

    def line_starts(self) -> list[int]:
        """Indices of the value characters that begin a source line joined by folding."""
        return [i + 1 for i in sorted(self.folded)
                if i + 1 < len(self.value) and i + 1 not in self.folded]


def scan(text: str, node: ScalarNode, parent_indent: int = -1) -> ScalarText | None:
    """The characters of `node` with their spans in `text` (the text the node was composed
    from), or None where the scan does not give the composer's value.

    `parent_indent` is the column of the block collection holding the scalar (-1 at the top):
    an indentation indicator (`>2`) counts from it.
    """
    style = STYLES.get(node.style)
    start, end = node.start_mark.index, node.end_mark.index
    if style is None or not 0 <= start <= end <= len(text):
        return None
    try:
        if style in (LITERAL, FOLDED):
            found = _Block(text, start, style, parent_indent).scan()
        else:
            found = _scan_flow(text, start, end, style)
    except (IndexError, ValueError):
        return None
    return found if found.value == node.value else None


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.folded: set[int] = set()

    def add(self, chars: str, span: tuple[int, int], folded: bool = False) -> None:
        for ch in chars:
            if folded:
                self.folded.add(len(self.chars))
            self.chars.append(ch)
            self.spans.append(span)

    def result(self, style: str, start: int, end: int, indent: int | None = None,
               ends_line: bool = False) -> ScalarText:
        return ScalarText(style, start, end, "".join(self.chars), tuple(self.spans),
                          frozenset(self.folded), indent, ends_line)


def _scan_flow(text: str, start: int, end: int, style: str) -> ScalarText:
    """Plain, single- and double-quoted scalars: blanks around a line break are dropped, one
    break folds to a space, each further break (a blank line) is kept as a line break; in
    double quotes a `\\` before the break joins the lines with nothing."""
    quoted = style != PLAIN
    i, stop = (start + 1, end - 1) if quoted else (start, end)
    out = _Builder()
    while i < stop:
        ch = text[i]
        if ch in _BLANKS:
            j = i
            while j < stop and text[j] in _BLANKS:
                j += 1
            if j >= stop or text[j] != "\n":  # blanks inside a line (or before the quote)
                for k in range(i, j):
                    out.add(text[k], (k, k + 1))
            i = j
        elif ch == "\n" or style == DOUBLE and ch == "\\" and text[i + 1] == "\n":
            escaped = ch == "\\"
            j, breaks = i + (2 if escaped else 1), 0
            while j < stop and text[j] in " \t\n":
                breaks += text[j] == "\n"
                j += 1
            if escaped:
                out.add("\n" * breaks, (i, j))
            else:
                out.add("\n" * breaks if breaks else " ", (i, j), folded=True)
            i = j
        elif style == SINGLE and ch == "'":
            out.add("'", (i, i + 2))
            i += 2
        elif style == DOUBLE and ch == "\\":
            value, length = _escape(text, i)
            out.add(value, (i, i + length))
            i += length
        else:
            out.add(ch, (i, i + 1))
            i += 1
    return out.result(style, start, end)


def _escape(text: str, at: int) -> tuple[str, int]:
    """The character a double-quoted escape at `at` stands for, and the escape's length."""
    code = text[at + 1]
    if code in _ESCAPES:
        return _ESCAPES[code], 2
    digits = _HEX_ESCAPES[code]
    return chr(int(text[at + 2: at + 2 + digits], 16)), 2 + digits


class _Block:
    """A literal (|) or folded (>) block scalar, read line by line as libyaml does."""

    def __init__(self, text: str, start: int, style: str, parent_indent: int):
        self.text, self.start, self.style = text, start, style
        self.parent_indent = parent_indent
        self.out = _Builder()

    def scan(self) -> ScalarText:
        text, out = self.text, self.out
        i, chomping, increment = self.start + 1, "clip", None
        while text[i] in "+-123456789":
            if text[i] in "+-":
                chomping = "keep" if text[i] == "+" else "strip"
            else:
                increment = int(text[i])
            i += 1
        pos = text.index("\n", i) + 1 if "\n" in text[i:] else len(text)
        if increment is not None:
            indent = self.parent_indent + increment if self.parent_indent >= 0 else increment
        else:
            indent = self._detect_indent(pos)
        leading_break: tuple[int, int] | None = None
        leading_blank = False
        content_end = pos  # the end of the last line with text (after its line break)
        pos, column, trailing = self._breaks(pos, indent)
        while column == indent and pos < len(text):
            trailing_blank = text[pos] in _BLANKS
            if self.style == FOLDED and leading_break and not leading_blank and not trailing_blank:
                if not trailing:
                    out.add(" ", (leading_break[0], pos), folded=True)
            elif leading_break:
                out.add("\n", leading_break)
            for span in trailing:
                out.add("\n", span, folded=self.style == FOLDED)
            leading_blank = trailing_blank
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            for k in range(pos, line_end):
                out.add(text[k], (k, k + 1))
            leading_break = (line_end, line_end + 1) if line_end < len(text) else None
            content_end = min(line_end + 1, len(text))
            pos, column, trailing = self._breaks(line_end + 1, indent)
        if chomping != "strip" and leading_break:
            out.add("\n", leading_break)
        if chomping == "keep":
            for span in trailing:
                out.add("\n", span)
            content_end = trailing[-1][1] if trailing else content_end
        return out.result(self.style, self.start, content_end, indent,
                          text[content_end - 1:content_end] == "\n")

    def _detect_indent(self, pos: int) -> int:
        """The content's column: that of the first line with text (blank lines before it may
        reach further), at least one more than the parent's."""
        text, widest = self.text, 0
        while True:
            column = 0
            while pos + column < len(self.text) and text[pos + column] == " ":
                column += 1
            widest = max(widest, column)
            if pos + column < len(text) and text[pos + column] == "\n":
                pos += column + 1
                continue
            return max(widest, self.parent_indent + 1, 1)

    def _breaks(self, pos: int, indent: int) -> tuple[int, int, list[tuple[int, int]]]:
        """Skip the indentation of the lines from `pos`, collecting the breaks of blank lines:
        (where the next line's content starts, its column, the blank lines' breaks)."""
        text, breaks = self.text, []
        while True:
            column = 0
            while column < indent and pos < len(text) and text[pos] == " ":
                pos, column = pos + 1, column + 1
            if pos < len(text) and text[pos] == "\n":
                breaks.append((pos, pos + 1))
                pos += 1
                continue
            return pos, column, breaks
