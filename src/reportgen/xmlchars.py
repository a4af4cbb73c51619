"""Characters an XML 1.0 document, hence a DOCX, cannot hold (C0 and C1 controls other than
tab and newline, DEL, lone surrogates, U+FFFE and U+FFFF), and the escaping of text written into
XML by hand.

The escaping is here rather than taken from xml.sax.saxutils, which imports urllib.request (and
with it http.client, ssl and email): 20-45 ms on every build."""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def first_forbidden(text: str) -> int | None:
    """The index of the first character of `text` a DOCX cannot hold, or None."""
    found = _FORBIDDEN.search(text)
    return found.start() if found else None


_NAMES = {"\x00": "NULL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
          "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE", "\x85": "NEXT LINE (NEL)",
          "\ufffe": "not a character", "\uffff": "not a character"}
"""Names of the controls one meets in pasted text (Unicode gives controls no name)."""


def describe(ch: str) -> str:
    """`U+000C (FORM FEED)`, `U+0007 (control character)`: a character as an error message
    names it."""
    name = _NAMES.get(ch) or unicodedata.name(ch, "control character")
    return f"U+{ord(ch):04X} ({name})"


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def escaped(text: str) -> str:
    """`text` as XML character data: `&`, `<` and `>` escaped."""
    return text.translate(_TEXT_ESCAPES)


def quoted_attribute(text: str) -> str:
    """`text` as an XML attribute value in double quotes, whitespace kept as references."""
    return f'"{text.translate(_ATTRIBUTE_ESCAPES)}"'
