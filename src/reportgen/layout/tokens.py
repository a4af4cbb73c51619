"""Cut a paragraph into segments: unbreakable tokens, dash and ellipsis runs, spaces, characters."""

from __future__ import annotations

import re

from reportgen.layout.charclass import DASHES, ELLIPSES

WORD = "word"  # Latin word or number token: V2.3, 12.8TB, 3 274人, 0772-2822404, a URL
DASH = "dash"  # a run of em dashes: —— is one 破折号, a lone — a connector
ELLIPSIS = "ellipsis"  # a run of …
SPACE = "space"  # a run of breakable spaces
CHAR = "char"  # any other single character: an ideograph, a punctuation mark

# Spaces that offer a line break; no-break spaces (U+00A0, U+2007, U+202F) are not among them.
_BREAKABLE_SPACES = " \t\n\u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"

# Measure words and units that stay with the number before them (3 274人, 46809册, 2024-2025年度,
# 40余场). A number takes at most four of them, or date parts like 1月, 26日. So 192万人次 is one
# token: 万 is part of the quantity and 人次 its unit; it is cut (after 万, by preference) only
# when it, with any marks glued to it, is wider than a line.
UNITS = (
    "人万亿千百十个名位次场册本部种条件项篇期届年月日号时点分秒"
    "元角米克吨斤亩家所座处批份页章节卷辑倍岁天周户套台辆间张幅首集季度余多级类层楼"
)
_DATE_PART = "月日号时分秒"
# Units of two characters or more whose first character is no unit alone (24小时, 30分钟).
MULTI_UNITS = ("小时", "分钟", "公里", "千米", "厘米", "毫米", "平方米", "平方公里", "立方米",
               "公斤", "千克", "个月", "周年", "学时", "课时", "人民币")

_ALNUM = (
    "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0391-\u03c9\u0400-\u04ff"
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
)
_RUN = f"[{_ALNUM}]+"
# Connectors allowed between two alphanumeric runs: 0772-2822404, office@example.org, V2.3,
# 9:00—17:00, 2024–2025, 1,000, GB/T, don't.
_JOIN = "[.\\-/:_@+'\u2019&=?#,~\u2010-\u2015\uff5e]"
_WORD = f"{_RUN}(?:{_JOIN}+{_RUN})*"
# Digits grouped by a (thin, no-break or plain) space: 3 274, 12 345 678.
_SEP = "[ \u00a0\u2009\u202f]"
_GROUPED = f"(?<![0-9])[0-9]{{1,3}}(?:{_SEP}[0-9]{{3}}(?![0-9]))+[{_ALNUM}]*(?:{_JOIN}+{_RUN})*"
_SIGN = "(?:[+\\-\u2212\u00b1](?=[0-9]))?"
# A standard's designation and its number: GB/T 9704—2012, ISO 8601:2004.
_STANDARD = f"[A-Z]{{1,5}}(?:/[A-Z]{{1,3}})?[ \u00a0](?=[0-9]){_WORD}"
_URL = (
    "(?:(?:https?|ftp)://|www\\.)[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*[A-Za-z0-9\\-_~/#=&%+@]"
)
_SUFFIX = "[%‰‱℃℉°]*"
_MULTI = "|".join(sorted(MULTI_UNITS, key=len, reverse=True))
_TAIL = (f"(?:(?<=[0-9０-９%‰])(?:{_MULTI}|[{UNITS}]|[0-9]{{1,2}}[{_DATE_PART}]){{1,4}})?")
_TOKEN = f"(?:{_URL}|{_STANDARD}|{_SIGN}(?:{_GROUPED}|{_WORD})){_SUFFIX}{_TAIL}"

_DASH_CHARS = "".join(sorted(DASHES))
_ELLIPSIS_CHARS = "".join(sorted(ELLIPSES))
_SEGMENT = re.compile(
    f"({_TOKEN})|([{_DASH_CHARS}]+)|([{_ELLIPSIS_CHARS}]+)|([{_BREAKABLE_SPACES}]+)|(.)",
    re.DOTALL,
)
_KINDS = (None, WORD, DASH, ELLIPSIS, SPACE, CHAR)


Segment = tuple[int, int, str]  # (start, end, kind): text[start:end] is one WORD, DASH, ...


def segments(text: str) -> list[Segment]:
    """Cut ``text`` into consecutive segments covering every character, in order."""
    kinds = _KINDS
    return [(*m.span(), kinds[m.lastindex]) for m in _SEGMENT.finditer(text)]
