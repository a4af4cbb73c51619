"""A plan in a plan point's body counts on its own, in the PDF and in the DOCX's live numbering,
where a point an editor adds from the style list to either plan renumbers the ones after it;
pull carries an edit to an inner or an outer point back to its own plan in the YAML."""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from docx.text.paragraph import Paragraph

from reportgen.pull.run import pull
from tests.conftest import ROOT, build_copy
from tests.helpers.libreoffice import convert
from tests.pull.helpers import built as built_docx
from tests.pull.helpers import touched
from tests.writers.docx.test_docx_libreoffice import assert_in_order, pdf_text

REPORT = ROOT / "tests" / "fixtures" / "nested-plans.yaml"
NUMBERED = ["一、重点工作", "1.全面从严治党", "2.打造阅读品牌", "（1）办好“大家讲堂”",
            "（2）开展“阅读+”进基层", "①进社区", "②进校园", "（3）评选“书香家庭”",
            "3.推进数字化转型", "（1）上线智慧借阅平台", "（2）完成古籍数字化一期", "（1）保障措施",
            "4.筑牢安全底线", "二、其他事项", "1.做好年度统计", "2.做好档案归档"]
"""Every number of the fixture and its heading, in reading order: a plan in a point's body is
numbered as the point's sections are (（1） under 1., ① under （1）), never like the points."""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_copy(REPORT, tmp_path_factory.mktemp("nested"))


def paragraph(document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text == text)


def test_the_pdf_counts_each_plan_on_its_own(built):
    assert_in_order(NUMBERED, pdf_text(built[1]))


def test_the_docx_sets_inner_points_in_a_style_of_their_own(built):
    styles = {p.text: p.style.name for p in docx.Document(str(built[0])).paragraphs}
    assert (styles["打造阅读品牌，服务直达基层"], styles["办好“大家讲堂”"], styles["进社区"],
            styles["上线智慧借阅平台"], styles["筑牢安全底线，保障两馆运行"]) == (
        "计划条目", "计划条目 2", "计划条目 3", "计划条目 2", "计划条目")


def edited(source, folder, *additions: tuple[str, str, str]):
    """The DOCX with a paragraph of (style, text) added after each paragraph of text, as an
    editor adds a point from the style list (Enter at the end of a point, then the style)."""
    path = folder / "edited.docx"
    document = docx.Document(str(source))
    for after, style, text in additions:
        anchor = paragraph(document, after)
        new = anchor._parent.add_paragraph(text, style=style)
        anchor._p.addnext(new._p)
    document.save(str(path))
    return path


ADDITIONS = (("办好“大家讲堂”", "计划条目 2", "新增内层要点"),
             ("全面从严治党，筑牢思想根基", "计划条目 2", "新增的内层计划"),
             ("评选“书香家庭”", "计划条目", "新增外层要点"))


@pytest.mark.libreoffice
def test_libreoffice_counts_each_plan_on_its_own_and_renumbers_an_added_point(built, tmp_path):
    assert_in_order(NUMBERED, pdf_text(convert(built[0])))
    revised = edited(built[0], tmp_path, *ADDITIONS)
    assert_in_order(["1.全面从严治党", "（1）新增的内层计划", "2.打造阅读品牌",
                     "（1）办好“大家讲堂”", "（2）新增内层要点", "（3）开展“阅读+”进基层",
                     "①进社区", "②进校园", "（4）评选“书香家庭”", "3.新增外层要点",
                     "4.推进数字化转型", "（1）上线智慧借阅平台", "5.筑牢安全底线",
                     "1.做好年度统计"],
                    pdf_text(convert(revised)))


@pytest.fixture
def report(tmp_path):
    copy = tmp_path / REPORT.name
    shutil.copy(REPORT, copy)
    return copy


def test_an_unedited_build_pulls_byte_for_byte(report, tmp_path):
    path = built_docx(report, tmp_path / "out")
    touched(path)
    result = pull(path)
    assert not result.changes and not result.losses and not result.conflicts
    assert result.after == result.before


def plans(data) -> tuple[list, list, list]:
    """The outer plan, the plan under its point 打造阅读品牌…, and the one under that one's
    point 开展“阅读+”进基层."""
    outer = data["body"][0]["body"][0]["plan"]
    inner = next(p for p in outer if isinstance(p, dict)
                 and p["point"] == "打造阅读品牌，服务直达基层")["body"][1]["plan"]
    return outer, inner, next(p for p in inner if isinstance(p, dict))["body"][0]["plan"]


def test_pull_carries_an_edit_of_an_inner_or_outer_point_to_its_own_plan(report, tmp_path):
    path = built_docx(report, tmp_path / "out")
    document = docx.Document(str(path))
    for old, new in (("评选“书香家庭”", "评选“书香家庭”100户"), ("进校园", "进校园、进机关"),
                     ("筑牢安全底线，保障两馆运行", "筑牢安全底线")):
        paragraph(document, old).runs[0].text = new
    document.save(str(path))
    result = pull(path)
    assert [c.action for c in result.changes] == ["changed"] * 3
    outer, inner, innermost = plans(yaml.safe_load(result.after))
    assert [p if isinstance(p, str) else p["point"] for p in outer] == [
        "全面从严治党，筑牢思想根基", "打造阅读品牌，服务直达基层", "推进数字化转型",
        "筑牢安全底线"]
    assert inner[2] == "评选“书香家庭”100户" and innermost == ["进社区", "进校园、进机关"]
    assert outer[2]["body"][1] == {"section": "保障措施", "body": ["落实专项经费。"]}


@pytest.mark.parametrize("resaved", [False, pytest.param(True, marks=pytest.mark.libreoffice)],
                         ids=["as-built", "resaved-by-libreoffice"])
def test_pull_puts_points_added_from_the_style_list_in_their_plans(report, tmp_path, resaved):
    path = built_docx(report, tmp_path / "out")
    revised = edited(path, tmp_path, *ADDITIONS)
    if resaved:  # LibreOffice gives every numbered paragraph a list instance of its own
        revised = convert(revised, "docx", tmp_path / "saved")
    shutil.copy(revised, path)
    result = pull(path)
    assert sorted(c.action for c in result.changes) == ["added", "added", "changed"]
    outer, inner, innermost = plans(yaml.safe_load(result.after))
    assert outer[0] == {"point": "全面从严治党，筑牢思想根基",
                        "body": [{"plan": ["新增的内层计划"]}]}
    assert inner == ["办好“大家讲堂”", "新增内层要点", inner[2], "评选“书香家庭”"]
    assert outer[2] == "新增外层要点" and innermost == ["进社区", "进校园"]
