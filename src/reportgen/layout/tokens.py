"""Cut a paragraph into segments: unbreakable tokens, dash and ellipsis runs, spaces, characters."""

from __future__ import annotations

import re
from functools import cache

from reportgen.layout.charclass import DASHES, ELLIPSES, IDEOGRAPHS

WORD = "word"  # a Latin word or number token: V2.3, 3 274人, a URL, 桂发〔2026〕1号
DASH = "dash"  # a run of em dashes: —— is one 破折号, a lone — a connector
ELLIPSIS = "ellipsis"  # a run of …
SPACE = "space"  # a run of breakable spaces
CHAR = "char"  # any other single character: an ideograph, a punctuation mark

# Spaces that offer a line break; no-break spaces (U+00A0, U+2007, U+202F) are not among them.
_BREAKABLE_SPACES = " \t\n\u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"

# What stays with the number before it (GB/T 15835: a number is not parted from its unit or
# measure word): a magnitude (万 亿 …), an approximation (余 多), a measure word or unit (量词:
# 3 000字, 46809册, 24小时), one of a few second syllables (人次, 年度, 月份), then date parts
# (2026年3月18日, 9时30分). So 192万人次 is one token: 万 is part of the quantity and 人次 its
# unit; it is cut (after 万, by preference) only when it, with any marks glued to it, is wider
# than a line. A measure word never takes a second one (2025年|组织: 组 is a measure word too).
MAGNITUDES = "万亿千百十"
APPROXIMATIONS = "余多"
MEASURE_WORDS = (
    "人个名位次场册本部种条件项篇期届年月日号时点分秒元角米克吨斤亩升尺寸瓦伏"
    "家所座处批份页章节卷辑倍岁天周户套台辆间张幅首集季度级类层楼字句段版轮组队支双只"
    "头匹棵株枚块片根架艘栋幢室床校班门课讲堂遍趟回番步票笔宗例封箱包袋瓶盒帧成折档款"
)
SECOND_SYLLABLES = "次度份"
_DATE_PART = "月日号时分秒"
# Units of two characters or more whose first character is no unit alone (24小时, 30分钟).
MULTI_UNITS = ("小时", "分钟", "秒钟", "公里", "千米", "厘米", "毫米", "平方米", "平方公里",
               "平方千米", "立方米", "公顷", "毫升", "公斤", "千克", "个月", "周年", "学时", "课时",
               "学年", "学期", "工作日", "个工作日", "百分点", "个百分点", "人民币")
# Unit symbols after a number and a space (10 km, 3.5 GB: SI keeps the two on one line).
LATIN_UNITS = ("km", "m", "cm", "mm", "μm", "nm", "km²", "m²", "m³", "ha", "kg", "g", "mg", "t",
               "L", "mL", "ml", "h", "min", "s", "ms", "Hz", "kHz", "MHz", "GHz", "W", "kW",
               "MW", "kWh", "V", "kV", "mA", "dB", "B", "KB", "kB", "MB", "GB", "TB", "PB",
               "bit", "kbps", "Mbps", "Gbps", "dpi", "ppi", "px", "pt", "°C", "ppm")

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
_MEASURE = f"(?:{_MULTI}|[{MEASURE_WORDS}])[{SECOND_SYLLABLES}]?"
_QUANTITY = (f"(?:[{MAGNITUDES}]{{1,2}}[{APPROXIMATIONS}]?(?:{_MEASURE})?"
             f"|[{APPROXIMATIONS}]?{_MEASURE})")
_TAIL = f"(?:(?<=[0-9０-９%‰]){_QUANTITY}(?:[0-9]{{1,2}}[{_DATE_PART}])*)?"
_LATIN_UNIT = "|".join(sorted(map(re.escape, LATIN_UNITS), key=len, reverse=True))
_SYMBOL = f"(?:(?<=[0-9]){_SEP}(?:{_LATIN_UNIT})(?![{_ALNUM}]))"
_ORDINAL = "(?:第(?=[0-9０-９]))?"  # 第12期: the ordinal prefix stays with its number
_TOKEN = (f"(?:{_URL}|{_STANDARD}|{_ORDINAL}{_SIGN}(?:{_GROUPED}|{_WORD}))"
          f"{_SUFFIX}(?:{_SYMBOL}|{_TAIL})")

# 发文字号 (GB/T 9704 7.2.4): the issuer's code (代字), the year in 〔〕 (or in [] ［］ 【】, as
# often typed) and the serial with 号. 桂文旅发〔2026〕12号 is one token, the code taken as the
# ideographs right before the bracket, up to six (国卫办医政函). Where no ideograph precedes
# the bracket the token starts after it (，〔 stays a pair of marks, compressed; 〔 may not end
# a line anyway). Its one seam is before the bracket (units.soft_cut).
YEAR_BRACKETS = ("〔〕", "[]", "［］", "【】")
_YEAR = "[0-9０-９]{4}"
_BRACKETED_YEAR = "|".join(f"{re.escape(o)}{_YEAR}{re.escape(c)}" for o, c in YEAR_BRACKETS)
_YEAR_AFTER_BRACKET = "|".join(f"(?<={re.escape(o)}){_YEAR}{re.escape(c)}"
                               for o, c in YEAR_BRACKETS)
_DOC_NUMBER = (f"(?:[{IDEOGRAPHS}]{{1,6}}(?:{_BRACKETED_YEAR})|{_YEAR_AFTER_BRACKET})"
               "第?[0-9０-９]+号")
_HAS_YEAR = re.compile(_BRACKETED_YEAR)

_DASH_CHARS = "".join(sorted(DASHES))
_ELLIPSIS_CHARS = "".join(sorted(ELLIPSES))


def _segment(token: str) -> re.Pattern[str]:
    return re.compile(
        f"({token})|([{_DASH_CHARS}]+)|([{_ELLIPSIS_CHARS}]+)|([{_BREAKABLE_SPACES}]+)|(.)",
        re.DOTALL)


_SEGMENT = _segment(_TOKEN)


@cache
def _segment_with_document_numbers() -> re.Pattern[str]:
    """With document numbers, for texts that hold a bracketed year (a quarter slower to match;
    compiled on first use, 5 ms that a report without a 发文字号 never spends)."""
    return _segment(f"{_DOC_NUMBER}|{_TOKEN}")


_KINDS = (None, WORD, DASH, ELLIPSIS, SPACE, CHAR)


Segment = tuple[int, int, str]  # (start, end, kind): text[start:end] is one WORD, DASH, ...


def segments(text: str) -> list[Segment]:
    """Cut ``text`` into consecutive segments covering every character, in order."""
    kinds = _KINDS
    pattern = _segment_with_document_numbers() if _HAS_YEAR.search(text) else _SEGMENT
    return [(*m.span(), kinds[m.lastindex]) for m in pattern.finditer(text)]
