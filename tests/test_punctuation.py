"""Half-width punctuation in Chinese context: what is found, what it becomes, what is left."""

from __future__ import annotations

import pytest

from reportgen.punctuation import (
    fix_hint,
    half_width_hint,
    half_width_message,
    repaired,
    repairs,
)


@pytest.mark.parametrize("text, wanted", [
    ("上午,召开大会;下午:讨论?好!", "上午，召开大会；下午：讨论？好！"),
    ("33.3%,现场", "33.3%，现场"),  # after a unit
    ("系统V2.3),新增功能", "系统V2.3），新增功能"),  # after a version and a bracket
    ("12.8TB,全部", "12.8TB，全部"),
    ("升级系统(V2.3),新增", "升级系统（V2.3），新增"),  # a pair in Chinese context
    ("GDP (国内生产总值) 增长", "GDP（国内生产总值）增长"),  # spaces outside the pair go
    ("现场 , 全部", "现场，全部"),
    ("他说\"你好\",然后'走了'。", "他说“你好”，然后‘走了’。"),
    ("“读”'书'", "“读”‘书’"),
    ("等等...", "等等……"),
    ("等等......还有", "等等……还有"),
    ("他--一个人", "他——一个人"),
    ("英文原文:The fox, he said: go!", "英文原文：The fox, he said: go!"),
    ("中文, English", "中文，English"),
    ("第一行 Word,\n第二行", "第一行 Word，\n第二行"),  # lines of a | block join at the break
    # after a figure, a unit or a bracket that follows Chinese, at the end of the text
    ("其中(少儿读者)占30%!", "其中（少儿读者）占30%！"),
    ("占30%?", "占30%？"), ("占30%;", "占30%；"), ("占30%:", "占30%："), ("占30% !", "占30%！"),
    ("共12.8TB!", "共12.8TB！"), ("会议于10:30!", "会议于10:30！"), ("比例为3:2!", "比例为3:2！"),
    ("增长1.5!", "增长1.5！"), ("约{{ p }}%!", "约{{ p }}%！"), ("增长30%...", "增长30%……"),
    ("网址https://a.b/c!", "网址https://a.b/c！"), ("邮箱a@b.cn;", "邮箱a@b.cn；"),
    ("分别为30%,40%和30%", "分别为30%，40%和30%"),  # between figures in a Chinese sentence
    ("30%,40%和30%", "30%，40%和30%"),
    # a full stop at the end of the text, after a 汉字 or a closing mark
    ("合计.", "合计。"), ("以及（附件）.", "以及（附件）。"), ("完成 .", "完成。"),
    ("王𫖯.", "王𫖯。"),
    ("详见(附件).", "详见（附件）。"),  # the bracket is repaired too, in the same pass
    ("他说\"好\".", "他说“好”。"), ("“读书”.", "“读书”。"),
    ("他说：“完成.”", "他说：“完成。”"), ("（见附件.）", "（见附件。）"),  # before closing marks
])
def test_half_width_marks_in_chinese_context_become_full_width(text, wanted):
    assert repaired(text) == wanted


@pytest.mark.parametrize("text", [
    "价格1,234元",  # a number
    "时间9:00—17:00，比分3:2",  # times and ratios
    "访问https://example.org/a,b?x=1;y=(2)查看",  # a URL
    "来信office@lib.example.org",
    "版本V2.3.1-beta",
    "The quick fox, he said: go! (really)",  # a Latin sentence
    "It's fine, isn't it?",
    "运行 reportgen build --force 即可",  # a command-line option
    "增长{{ growth(a, b) }}",  # an expression
    "{% if a %}有{% endif %}",
    "他说\"你好",  # an unpaired quote: which one was meant is the author's call
    "f(x) = 1",
    "I have 3!", "in 2025, we grew 3%!", "3%!",  # figures in Latin text
    "使用CNKI, Wanfang等",  # between Latin words
    "Open Access: 30%的读者",
    "2024--2025年",  # a range of figures, not a dash
    "共3,4两项",
    # a `.` that ends no Chinese sentence
    "增长1.5", "第3.2节", "于2025.1.5召开", "版本V2.3.1", "版本升级到V2.",  # figures, versions
    "主要有：1.加强管理；2.提升服务。", "见表1.示意图", "1.概述",  # numbering a list
    "访问https://example.org/a.html查看", "见附件.pdf",  # addresses and file names
    "e.g.中文", "参照U.S.标准", "The end.", "他说OK.",  # abbreviations and Latin
    "감사합니다.", "完成。.", "他说：“好。”.",  # hangul; after a full stop already there
])
def test_numbers_times_urls_addresses_and_latin_are_untouched(text):
    assert repairs(text) == []


@pytest.mark.parametrize("text", [
    "电话0772-2822404.", "增长11.9%.", "共3.", "增长{{ rate }}%.",  # after a figure
    "邮箱a@b.cn.", "详见https://a.cn/x.",  # after an address
    "完成.下一步", "增长30%.下一步", "阿卜杜拉.艾买提",  # inside a text: may join a name
])
def test_a_full_stop_that_may_be_meant_is_warned_about_but_not_repaired(text):
    (stop,) = repairs(text)
    assert (stop.mark, stop.new, stop.sure) == (".", "。", False)
    assert repaired(text) == text


def test_the_hint_says_what_fix_repairs_and_which_full_stops_it_leaves():
    assert fix_hint(repairs("上午,召开大会.下午,讨论."), "r.yaml") == (
        "`reportgen fix r.yaml` makes them full-width in place: ，。; write 。 for the `.` at "
        "character 8 where it ends a sentence (fix leaves it to you: a `.` there may belong to "
        "a figure, an address or a name)")


def test_the_warning_names_each_mark_once_and_where_they_are():
    found = repairs("上午,召开大会(第一次),时间")
    assert half_width_message(found) == (
        "half-width `,` `(` `)` in Chinese text at characters 3, 8, 12, 13")
    assert half_width_hint(found) == "，（）"
    many = repairs("甲,乙,丙,丁,戊,己,庚,辛,")
    assert half_width_message(many).endswith("at characters 2, 4, 6, 8, 10, 12 and 2 more")
