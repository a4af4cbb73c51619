"""Deterministic stress paragraphs: every hard mark and token kind at every offset of a line."""

from __future__ import annotations

import unicodedata

COLUMN = 442.2  # GB/T 9704 text block, 156 mm in points
PER_LINE = 28  # characters per full line on the grid
PITCH = COLUMN / PER_LINE  # advance of a full-width character on the grid
LATIN = 8.0  # advance of a letter or digit in the test metrics
NARROW = 5.0  # advance of other half-width characters
SPACE = 4.0

# Realistic running text, ideographs only, cut into fillers of any length.
FILLER = (
    "柳州市图书馆围绕市委市政府工作部署扎实推进各项工作两馆各项工作顺利运行"
    "深化免费开放加强服务数据分析与读者意见收集持续优化服务流程服务覆盖面扩大"
    "围绕馆藏发展政策与读者需求科学制定采购计划实现馆藏稳步增长与经费使用效益最大化"
    "推进珍贵古籍数字化项目为后续数字化利用奠定基础激发公众对传统文化的认同与热爱"
    "开展城市记忆史料征集充实工业文献库建设丰富县域及少数民族文献馆藏"
)
# What follows each subject: ordinary prose with its own punctuation, two lines or more.
TAIL = (
    "全年策划开展线上线下阅读推广活动，较上年同期明显增长；联合社会各界举办系列活动，"
    "拓宽读者知识视野，让阅读直达基层。"
)

CLOSING_MARKS = "，。、；：？！）》」』】〕〉〗”’…‥·％℃々,.;:?!)]}%"
OPENING_MARKS = "（《「『【〔〈〖“‘([{"
_MATCHING = dict(zip(OPENING_MARKS, "）》」』】〕〉〗”’)]}", strict=True))
CLUSTERS = ("——", "……", "。”", "，”", "！”", "？”", "）。", "》，", "”。", "……”", "——“", "。）",
            # adjacent marks compressed to 1.5 ems (标点挤压), and stops that are not
            "》《", "、“", "）（", "”“", "：“", "）、", "“《", "？！")

# One token of each kind that must stay whole (unless wider than the whole line).
TOKENS = (
    "V2.3",
    "12.8TB",
    "3 274人",
    "46809册",
    "192万人次",
    "159.05万次",
    "0772-2822404",
    "office@example.org",
    "https://example.org/a/b",
    "9:00—17:00",
    "GB/T 9704—2012",
    "+33.3%",
    "2024-2025年度",
    "2026年2月3日",
    "2026-02-03",
    "35%",
    "ISO 8601:2004",
    "Windows",
    "lib@163.com",  # short: stays whole
    "www.lzlib.com.cn/notice",  # over a quarter line: may break after / . - @
    "3月26日",
    "3 000字",  # a number keeps its measure word (量词)
    "第12期",  # and its ordinal prefix
    "10 km",  # and a unit symbol after a space
    "ISBN 978-7-5013-6543-2",  # long: cut at a seam rather than leave a line too loose
    "（桂文旅发〔2026〕12号）",  # a document number (发文字号): may part only before 〔
    "〔2026〕12号",
    "[2026]12号",
    "【2026】12号",
)
# Wider than a 28-character line: must be cut, at a good inner point, without overflowing.
LONG_TOKEN = "https://example.org/reports/2025/annual-summary-and-work-plan-of-the-library.pdf"


def grid_advance(ch: str) -> float:
    """Test metrics: full-width (and ambiguous, as in a Chinese font) characters on the grid,
    letters and digits 8 pt, spaces 4 pt, other half-width characters 5 pt."""
    if ch == " ":
        return SPACE
    if unicodedata.east_asian_width(ch) in "WFA":
        return PITCH
    if ch.isalnum():
        return LATIN
    return NARROW


def filler(length: int, seed: int = 0) -> str:
    """``length`` ideographs of running text, starting at a place chosen by ``seed``."""
    start = (seed * 7) % len(FILLER)
    text = FILLER[start:] + FILLER
    while len(text) < length:
        text += FILLER
    return text[:length]


def subjects() -> list[str]:
    """Everything placed at each offset: marks, clusters, tokens, and text they enclose."""
    items = list(CLOSING_MARKS)
    items += [f"{mark}阅读推广{_MATCHING[mark]}" for mark in OPENING_MARKS]
    items += list(CLUSTERS)
    items += list(TOKENS)
    items += [f"“{token}”，" for token in TOKENS]
    items.append("完成 8部 入选“国家珍贵古籍名录”")
    return items


def stress_paragraphs() -> list[str]:
    """Each subject after k filler ideographs, k = 0..29, followed by ordinary prose."""
    return [
        filler(k, seed=n) + subject + TAIL
        for n, subject in enumerate(subjects())
        for k in range(PER_LINE + 2)
    ]


def long_token_paragraphs() -> list[str]:
    """The over-long token after k filler ideographs, k = 0..29."""
    return [filler(k, seed=k) + "网址：" + LONG_TOKEN + "。" + TAIL for k in range(PER_LINE + 2)]
