"""Character classes for Chinese line breaking, after W3C CLREQ and GB/T 15834—2011."""

from __future__ import annotations

# 点号 (GB/T 15834 appendix: set in the lower left of their box, never at the start of a line).
STOPS = "，。、；：？！．｡､"
# Closing halves of 引号、括号、书名号: ink in the left half, never at the start of a line.
CLOSING_BRACKETS = "）〕］｝》〉」』】〗〙〛｠｣”’"
# Opening halves: ink in the right half, never at the end of a line.
OPENING_BRACKETS = "（〔［｛《〈「『【〖〘〚｟｢“‘"

# 破折号 —— is two of these; 省略号 …… two of these. Runs of either are never split.
DASHES = frozenset("\u2014\u2015\u2e3a\u2e3b")
ELLIPSES = frozenset("\u2026\u2025\u22ef")

# Full-width punctuation whose blank half may be squeezed (CLREQ "punctuation adjustment"):
# the blank is on the right of stops and closing marks, on the left of opening marks.
BLANK_RIGHT = frozenset(STOPS + CLOSING_BRACKETS)
BLANK_LEFT = frozenset(OPENING_BRACKETS)

OPENING = frozenset(OPENING_BRACKETS + "([{")

_SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
_COMBINING_RANGES = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0x3099, 0x309A),
    (0xFE00, 0xFE0F),  # variation selectors: an ideographic variation sequence stays whole
    (0xFE20, 0xFE2F),
    (0xE0100, 0xE01EF),
)
_COMBINING = "".join(chr(c) for lo, hi in _COMBINING_RANGES for c in range(lo, hi + 1))
# No-break spaces and joiners hold both neighbours together.
_GLUE = "\u00a0\u2007\u202f\u2060\ufeff\u200d"
# Straight quotes do not say whether they open or close, so they bind both ways (UAX #14 QU).
_AMBIGUOUS_QUOTES = "\"'"

NO_START = frozenset(
    STOPS
    + CLOSING_BRACKETS
    + "…‥⋯"  # 省略号 (a run of them is one unit)
    + "·・‧"  # 间隔号: GB/T 15834 keeps it off the start of a line
    + "％‰‱℃℉°′″々〻ゝゞヽヾー"
    + _SMALL_KANA
    + "\u2014\u2015～〜‐‑–"  # a lone 一字线/浪纹线 connector (连接号) never starts a line
    + ",.;:?!)]}%"
    + "+*&=#~^|\\<>/_-@`"  # other ASCII symbols cling to what precedes them
    + _AMBIGUOUS_QUOTES
    + _GLUE
    + _COMBINING
)

NO_END = frozenset(
    OPENING_BRACKETS
    + "([{"
    + "/"  # 分隔号 neither starts nor ends a line
    + "$£¥€￥＄￡"  # currency signs prefix their number
    + _AMBIGUOUS_QUOTES
    + _GLUE
)

# Inclusive ranges of CJK ideographs: URO, Extensions A–I, compatibility ideographs, 〇.
IDEOGRAPH_RANGES = (
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0x2CEB0, 0x2EBEF),
    (0x2EBF0, 0x2EE5F),
    (0x2F800, 0x2FA1F),
    (0x30000, 0x3134F),
    (0x31350, 0x323AF),
)


def is_ideograph(ch: str) -> bool:
    """Whether ``ch`` is a CJK ideograph (any extension, or a compatibility ideograph)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in IDEOGRAPH_RANGES)


IDEOGRAPHS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in IDEOGRAPH_RANGES)
"""The ideographs as the inside of a regular expression's character class."""
