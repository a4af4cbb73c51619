"""Office fonts by any of their names: which face key (fangsong, hei …) a font of the user's is.

Chinese offices install the faces GB/T 9704 asks for under many names: the Chinese family name
(仿宋_GB2312, 方正仿宋_GBK), an English one (FangSong, FZFangSong-Z02) and a PostScript name
(SimFang, FZFSK--GBK1-0); a font's name table may hold any of them, in any language. Each font
below is listed with all its names, its Chinese name first; the fonts of a key are listed best
first, so that when an office has several (仿宋_GB2312 and 方正仿宋_GBK), the body gets the
first. A template that wants another one names its family in the role's `faces`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

OFFICE_FONTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "fangsong": (
        ("仿宋_GB2312", "FangSong_GB2312"),
        ("仿宋", "FangSong", "SimFang"),
        ("方正仿宋_GBK", "FZFangSong-Z02", "FZFSK--GBK1-0"),
        ("方正仿宋简体", "FZFangSong-Z02S", "FZFSJW--GB1-0"),
        ("华文仿宋", "STFangsong"),
    ),
    "xiaobiaosong": (
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0"),
        ("方正小标宋_GBK", "FZXiaoBiaoSong-B05", "FZXBSK--GBK1-0"),
        ("方正小标宋", "FZXiaoBiaoSong"),
        ("华文中宋", "STZhongsong"),
    ),
    "hei": (
        ("黑体", "SimHei"),
        ("方正黑体_GBK", "FZHei-B01", "FZHTK--GBK1-0"),
        ("方正黑体简体", "FZHei-B01S", "FZHTJW--GB1-0"),
        ("华文黑体", "STHeiti"),
    ),
    "kai": (
        ("楷体_GB2312", "KaiTi_GB2312"),
        ("楷体", "KaiTi", "SimKai"),
        ("方正楷体_GBK", "FZKai-Z03", "FZKTK--GBK1-0"),
        ("方正楷体简体", "FZKai-Z03S", "FZKTJW--GB1-0"),
        ("华文楷体", "STKaiti"),
    ),
    "song": (
        ("宋体", "SimSun", "NSimSun", "新宋体"),
        ("方正书宋_GBK", "FZShuSong-Z01", "FZSSK--GBK1-0"),
        ("方正书宋简体", "FZShuSong-Z01S", "FZSSJW--GB1-0"),
        ("华文宋体", "STSong"),
    ),
}
"""Face key -> the office fonts that stand for it, best first, each as all its names."""


def normalize(name: str) -> str:
    """A name as compared: without spaces, underscores and hyphens, case folded
    (FZFSK--GBK1-0 and fzfsk gbk10 are one name; 仿宋_GB2312 and 仿宋 are not)."""
    return re.sub(r"[\s_\-]", "", name).casefold()


@dataclass(frozen=True, order=True)
class OfficeFont:
    """What a font is to an office: the face `key` it stands for, its `rank` among that key's
    fonts (0 best) and its usual Chinese `name`."""

    key: str
    rank: int
    name: str


_BY_NAME = {
    normalize(name): OfficeFont(key, rank, names[0])
    for key, fonts in OFFICE_FONTS.items()
    for rank, names in enumerate(fonts)
    for name in names
}


def recognise(names: Iterable[str]) -> OfficeFont | None:
    """The office font that any of `names` (a font's family, full and PostScript names, in
    any language) is, the best-ranked if several; None for a font of no office name."""
    found = {_BY_NAME.get(normalize(name)) for name in names} - {None}
    return min(found, key=lambda font: (font.rank, font.key), default=None)
