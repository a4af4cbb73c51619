"""Which characters read as Chinese, and whether two lines of text join with a space."""

from __future__ import annotations

import unicodedata


def is_chinese(ch: str) -> bool:
    """A character set on the full-width grid: 汉字 of any extension, 。，、“ of the CJK
    punctuation and full-width forms (，：（）), kana; False for the empty string.

    Curly quotes, —— and …… are of ambiguous width (English uses them too), so they count on
    neither side: what is beside them decides.
    """
    return len(ch) == 1 and unicodedata.east_asian_width(ch) in ("W", "F")


_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
"""The blocks of 汉字: CJK Unified Ideographs, Extension A, B to H, Compatibility Ideographs."""


def is_han(ch: str) -> bool:
    """A 汉字 (or 〇, or a full-width digit): the characters a Chinese sentence's last word ends
    with, unlike kana, hangul or punctuation; False for the empty string."""
    if len(ch) != 1:
        return False
    code = ord(ch)
    return ch == "〇" or 0xFF10 <= code <= 0xFF19 or any(low <= code <= high
                                                         for low, high in _HAN)


def joins_with_space(before: str, after: str) -> bool:
    """Whether a line ending in `before` and the next starting with `after` are joined with a
    space: never where either side is Chinese (全年完成，|较上年 → 全年完成，较上年), one space
    between Latin words and numbers (Open|Access → Open Access)."""
    return not (is_chinese(before) or is_chinese(after))
