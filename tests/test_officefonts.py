"""Office font names: every name under which offices install the GB/T 9704 faces, to its key."""

from __future__ import annotations

import pytest

from reportgen.officefonts import OFFICE_FONTS, normalize, recognise

ISSUED_NAMES = {  # the names offices use, as the issue lists them
    "fangsong": ["仿宋_GB2312", "仿宋", "FangSong", "SimFang", "方正仿宋_GBK", "FZFSK--GBK1-0",
                 "方正仿宋简体", "华文仿宋", "STFangsong"],
    "xiaobiaosong": ["方正小标宋简体", "FZXBSJW--GB1-0", "方正小标宋_GBK", "华文中宋",
                     "STZhongsong"],
    "hei": ["黑体", "SimHei", "方正黑体_GBK"],
    "kai": ["楷体_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "华文楷体", "STKaiti"],
    "song": ["宋体", "SimSun", "方正书宋_GBK"],
}


@pytest.mark.parametrize("key, name", [(key, name) for key, names in ISSUED_NAMES.items()
                                       for name in names])
def test_each_office_name_stands_for_its_face(key, name):
    assert recognise([name]).key == key
    assert recognise(["Regular", name.lower().replace("_", " ")]).key == key


def test_names_differ_by_more_than_spacing_and_case():
    assert normalize("FZFSK--GBK1-0") == normalize("fzfsk gbk1 0")
    assert normalize("仿宋_GB2312") != normalize("仿宋")
    assert recognise(["Zhuque Fangsong", "Reportgen Song", "FangSongX"]) is None


def test_a_font_is_what_its_best_name_says_and_ranks_as_its_font():
    fz = recognise(["FZFangSong-Z02", "方正仿宋_GBK", "FZFSK--GBK1-0"])
    assert (fz.key, fz.name) == ("fangsong", "方正仿宋_GBK")
    gb = recognise(["FangSong_GB2312"])
    assert gb.name == "仿宋_GB2312" and gb.rank < fz.rank
    assert recognise(["华文中宋"]).rank > recognise(["方正小标宋简体"]).rank


def test_every_name_belongs_to_one_font():
    names = [normalize(n) for fonts in OFFICE_FONTS.values() for font in fonts for n in font]
    assert len(names) == len(set(names))
