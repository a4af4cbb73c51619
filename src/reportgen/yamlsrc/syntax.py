"""YAML syntax errors told where the trouble starts, with a hint that fits each kind.

PyYAML says where it gave up (`found unexpected end of stream` at the last line), which is
seldom where the author went wrong: a quote opened on line 1 and never closed, a `[` with no
`]`, a key one space out of line, `title:测试` without its space. Each kind of error is
recognised from PyYAML's problem and context, the marks it gives and the lines around them,
and reported at the opening quote or bracket, the misplaced key or the line missing its space.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.tokens import FlowMappingEndToken, FlowSequenceEndToken, ScalarToken

from reportgen.errors import ReportError, fail
from reportgen.yamlsrc.loader import Loader

_KEY = re.compile(r"^((?:\s*-\s+)*\s*)([^\s#'\"\[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?):(\s|$)")
"""A line that starts a `key:` (after any `- `): group 1 is what stands before the key."""
_NO_SPACE = re.compile(r"^((?:\s*-\s+)*\s*)([A-Za-z_][\w-]*):(?=[^\s/])")
"""`title:测试`: a key followed by text without the space YAML needs."""
_BLOCK = re.compile(r"(?:^|[:\-]\s)[|>][-+0-9]*\s*(?:#.*)?$")
_INDICATOR_NAMES = {"*": "alias", "&": "anchor", "!": "tag", "%": "directive"}
_GENERIC = "check the indentation and that every `key:` is followed by a space"


class _Where:
    """The text and the marks of one error."""

    def __init__(self, text: str, exc: yaml.MarkedYAMLError):
        self.text = text
        self.lines = text.split("\n")
        self.problem = (exc.problem or "").strip()
        self.context = (exc.context or "").strip()
        self.mark = exc.problem_mark or exc.context_mark
        self.opened = exc.context_mark

    def char(self, mark=None) -> str:
        mark = mark or self.mark
        return self.text[mark.index] if mark is not None and mark.index < len(self.text) else ""

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def content_above(self, number: int) -> int | None:
        """The nearest line above `number` holding more than a comment."""
        for above in range(number - 1, -1, -1):
            stripped = self.line(above).strip()
            if stripped and not stripped.startswith("#"):
                return above
        return None


def syntax_error(file: Path, text: str, exc: yaml.MarkedYAMLError) -> ReportError:
    """The error for `exc`, raised while reading `text` (of `file`), at its true place."""
    where = _Where(text, exc)
    for kind in (_tab, _unclosed_quote, _unclosed_flow, _after_closing, _no_space,
                 _misplaced_key, _colon_in_text, _stray_line, _indicator, _block_header,
                 _escape, _second_document, _misplaced_item, _outdented_text):
        found = kind(where)
        if found is not None:
            message, mark, hint = found
            return _at(file, message, mark, hint)
    return _at(file, where.problem or where.context, where.mark, _GENERIC)


def _at(file: Path, message: str, mark, hint: str) -> ReportError:
    if isinstance(mark, tuple):
        line, column = mark
    else:
        line, column = (mark.line, mark.column) if mark is not None else (None, None)
    return fail(f"YAML syntax: {message}", file=file,
                line=None if line is None else line + 1,
                column=None if column is None else column + 1, hint=hint)


def _tab(w: _Where):
    if "tab" in w.problem or w.char() == "\t":
        return ("a tab in the indentation", w.mark,
                "YAML indentation must use spaces, not tabs")
    return None


def _quote_hint(quote: str) -> str:
    if quote == '"':
        return ('end the text with " too; a " inside it is written \\" (or use the Chinese '
                "quotes “ ”, which need nothing)")
    return ("end the text with ' too; a ' inside it is written '' (or use the Chinese quotes "
            "‘ ’, which need nothing)")


def _unclosed_quote(w: _Where):
    if "quoted scalar" not in w.context or "end of stream" not in w.problem and \
            "document" not in w.problem:
        return None
    quote = w.char(w.opened)
    return (f"the quote {quote} opened here is never closed", w.opened, _quote_hint(quote))


def _unclosed_flow(w: _Where):
    if not w.context.startswith("while parsing a flow") or "did not find expected" not in \
            w.problem:
        return None
    opening, closing = ("[", "]") if "sequence" in w.context else ("{", "}")
    message = (f"the `{opening}` opened here has no `{closing}` (YAML reached line "
               f"{w.mark.line + 1}, column {w.mark.column + 1} without finding it)")
    if opening == "[":
        hint = ("close the list with ], or write it one `- item` per line; an item holding "
                ", [ ] { } or `: ` must be quoted")
    else:
        hint = ('a text that starts with { must be quoted ("{{ visitors }}人次"); a mapping '
                "written in braces ends with }")
    return message, w.opened, hint


def _tokens_before(w: _Where) -> list:
    """The tokens of the text up to the error."""
    loader = Loader(w.text)
    tokens = []
    try:
        while loader.check_token():
            tokens.append(loader.get_token())
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return tokens


def _after_closing(w: _Where):
    """Text after a closing quote or bracket (`"好"的`, `[注]文本`, `{{ a }}年`); or a quote
    closed lines later than it was opened, since it was not closed where it should be."""
    if "did not find expected" not in w.problem or w.mark is None:
        return None
    before = w.text[:w.mark.index].rstrip(" ")
    if not before or before[-1] not in "\"']}":
        return None
    ended = [t for t in _tokens_before(w) if t.end_mark.index == len(before)]
    if not ended:
        return None
    token = ended[-1]
    if isinstance(token, ScalarToken) and token.style in ('"', "'"):
        quote = token.style
        if token.start_mark.line != token.end_mark.line:
            return (f"the quote {quote} opened here runs on to line {token.end_mark.line + 1}, "
                    "column " f"{token.end_mark.column}", token.start_mark, _quote_hint(quote))
        return (f"text goes on after the closing {quote}; YAML ends a quoted text at its "
                "closing quote", w.mark,
                f"put the whole text inside the quotes ({quote}“好”的{quote} or "
                "\"\\\"好\\\"的\"), or write it without quotes, with the Chinese quotes “ ”")
    if isinstance(token, (FlowSequenceEndToken, FlowMappingEndToken)):
        return (f"text goes on after `{before[-1]}`: a text that starts with [ or {{ is read "
                "as a list or mapping", w.mark,
                "quote the whole text: \"[注]文本\", \"{{ year }}年\"")
    return None


def _key_column(line: str) -> int | None:
    found = _KEY.match(line)
    return len(found.group(1)) if found else None


def _no_space(w: _Where):
    """`title:测试`: YAML reads the key and the text as one text, and stops a line or more
    later; the line without the space is the one to point at."""
    if "mapping values are not allowed" not in w.problem and "expected ':'" not in w.problem:
        return None
    for number in range(w.mark.line, max(w.mark.line - 3, -1), -1):
        found = _NO_SPACE.match(w.line(number))
        if found and _KEY.match(w.line(number)) is None:
            key = found.group(2)
            rest = w.line(number)[found.end():].strip()
            return (f"`{key}:{rest}` needs a space after the colon", (number, found.end(1)),
                    f"write `{key}: {rest}`")
    return None


def _misplaced_key(w: _Where):
    """A `key:` that is not in line with the fields of its mapping (`  - section: 一` then
    `   body:`, or `  body:` under `title:`)."""
    if w.mark is None or ("mapping values are not allowed" not in w.problem and
                          "did not find expected" not in w.problem):
        return None
    line = w.line(w.mark.line)
    found = _KEY.match(line)
    if found is None:
        return None
    column, key = found.start(2), found.group(2)
    if w.mark.column != (found.end(2) if "mapping values" in w.problem else column):
        return None  # the colon or the key YAML stopped at is not this key's
    above = w.content_above(w.mark.line)
    expected = _key_column(w.line(above)) if above is not None else None
    if expected is None or expected == column:
        if "'-' indicator" in w.problem:
            return (f"`{key}:` stands among the items of a list", (w.mark.line, column),
                    "a field of the report starts at column 1; a field of the item above is "
                    "indented past its `- `")
        return None
    sibling = _KEY.match(w.line(above)).group(2)
    return (f"`{key}:` is at column {column + 1}, but `{sibling}:` on line {above + 1} is at "
            f"column {expected + 1}", (w.mark.line, column),
            f"fields of one mapping start in one column: move `{key}:` to column "
            f"{expected + 1} if it belongs with `{sibling}:`")


def _colon_in_text(w: _Where):
    if "mapping values are not allowed" not in w.problem:
        return None
    return ("a `: ` inside a text", w.mark,
            "a text containing `: ` must be quoted, or write the colon full-width as ：")


def _stray_line(w: _Where):
    """A line that is neither `key: value` nor `- item`, or the lines of a `|` or `>` text
    not indented past their key."""
    if "expected ':'" not in w.problem or w.opened is None:
        return None
    above = w.content_above(w.opened.line)
    if above is not None and _BLOCK.search(w.line(above)):
        return ("the lines of a `|` or `>` text must be indented more than the line with "
                "the `|` or `>`", w.opened, "indent this line (and the text's other lines) "
                "two spaces more than the key or `- ` above it")
    return ("this line is neither `key: value` nor a `- ` item", w.opened,
            "a paragraph is a list item (`  - 正文`), a field is `name: value`; a line that "
            "continues the text above is indented past its key; or a quote above is not "
            "closed")


def _indicator(w: _Where):
    char = w.char()
    if "cannot start any token" in w.problem and char in "@`":
        return (f"a text cannot start with {char}", w.mark, f'quote it: "{char}…"')
    for indicator, name in _INDICATOR_NAMES.items():
        if f"scanning an {name}" in w.context or f"scanning a {name}" in w.context:
            return (f"a text cannot start with {indicator}", w.opened,
                    f'quote it: "{indicator}…"; reports hold plain text')
    return None


def _block_header(w: _Where):
    if "block scalar" not in w.context:
        return None
    return ("after `|` or `>` the text starts on the next line", w.mark,
            "write `|` (or `>`) at the end of the line and the text indented on the lines "
            "below it; if `|` or `>` belongs to the text, quote the whole text")


def _escape(w: _Where):
    if "escape" not in w.problem:
        return None
    found = w.text[w.mark.index:w.mark.index + 2]
    return (f"`{found}` is no escape that double quotes know", w.mark,
            "write \\\\ for a backslash, or quote the text with ' ', where \\ is an "
            "ordinary character")


def _second_document(w: _Where):
    if "single document" not in w.context:
        return None
    return ("a second YAML document starts here (`---`)", w.mark,
            "a report is one document: delete this `---`, or put each report in a file of "
            "its own")


def _misplaced_item(w: _Where):
    if w.char() != "-" or "did not find expected" not in w.problem:
        return None
    above = w.content_above(w.mark.line)
    items = [n for n in range(w.mark.line - 1, -1, -1)
             if w.line(n).lstrip().startswith("- ")][:1]
    if items and above is not None:
        column = len(w.line(items[0])) - len(w.line(items[0]).lstrip())
        if column != w.mark.column:
            return (f"this `- ` item is at column {w.mark.column + 1}, the item on line "
                    f"{items[0] + 1} at column {column + 1}", w.mark,
                    "items of one list start in one column; an item of a field's list is "
                    "indented under its key (`body:`, then `  - 正文`)")
    return ("a `- ` item where a `key:` was expected", w.mark,
            "indent list items under the key they belong to (`body:`, then `  - 正文`)")


def _outdented_text(w: _Where):
    """A line of text less indented than the text it continues (`- >` with its lines), so
    that YAML ends the text above and finds this one where it expects a key or an item."""
    if "did not find expected" not in w.problem or w.mark is None:
        return None
    line = w.line(w.mark.line)
    if w.mark.column != len(line) - len(line.lstrip(" ")) or _KEY.match(line):
        return None
    above = w.content_above(w.mark.line)
    if above is None:
        return None
    column = len(w.line(above)) - len(w.line(above).lstrip(" "))
    return (f"this line, at column {w.mark.column + 1}, is out of line with the text above it "
            f"(column {column + 1})", w.mark,
            "the lines of a text go on at one indentation, past its key or `- `; a new item "
            "starts with `- `")
