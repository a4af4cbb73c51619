"""Sections under a plan point are numbered at the level after the point's, in the PDF and in
the DOCX's live numbering, where a sub-item an editor adds renumbers the ones after it."""

from __future__ import annotations

import shutil

import docx
import pytest

from tests.conftest import ROOT, build_copy
from tests.helpers.libreoffice import convert
from tests.writers.docx.test_docx_libreoffice import assert_in_order, pdf_text

REPORT = ROOT / "tests" / "fixtures" / "plan-point-sections.yaml"
NUMBERED = ["一、2026年工作计划", "（一）总体要求", "1.推进品牌建设。", "（1）子项目甲", "①细项一",
            "②细项二", "（2）子项目乙", "2.抓好安全生产", "3.做好数字化转型工作", "（1）子项目丙",
            "（二）保障措施", "1.加强组织领导", "二、其他事项"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_copy(REPORT, tmp_path_factory.mktemp("plan"))


def test_the_pdf_numbers_a_points_sections_below_the_point(built):
    assert_in_order(NUMBERED, pdf_text(built[1]))


def test_the_docx_sets_them_in_the_heading_styles_of_their_level(built):
    styles = {p.text: p.style.name for p in docx.Document(str(built[0])).paragraphs}
    assert (styles["推进品牌建设。深化“书香柳州”全民阅读品牌。"], styles["子项目甲"],
            styles["细项一"], styles["子项目丙"], styles["保障措施"]) == (
        "计划条目", "Heading 4", "Heading 5", "Heading 4", "Heading 2")


@pytest.mark.libreoffice
def test_libreoffice_numbers_them_live_and_renumbers_an_added_one(built, tmp_path):
    assert_in_order(NUMBERED, pdf_text(convert(built[0])))
    edited = tmp_path / "edited.docx"
    document = docx.Document(str(built[0]))
    second = next(p for p in document.paragraphs if p.text == "子项目乙")
    second.insert_paragraph_before("新增子项目", style="Heading 4")
    document.save(str(edited))
    assert_in_order(["（1）子项目甲", "①细项一", "（2）新增子项目", "（3）子项目乙",
                     "3.做好数字化转型工作", "（1）子项目丙", "（二）保障措施"],
                    pdf_text(convert(edited)))


def test_pull_takes_a_sub_item_an_editor_added_under_a_point_back_into_its_body(tmp_path):
    from reportgen.pull.run import pull
    from tests.pull.helpers import built as built_docx

    report = tmp_path / REPORT.name
    shutil.copy(REPORT, report)
    path = built_docx(report, tmp_path / "out")
    document = docx.Document(str(path))
    second = next(p for p in document.paragraphs if p.text == "子项目乙")
    second.insert_paragraph_before("新增子项目", style="Heading 4")
    document.save(str(path))
    result = pull(path)
    assert not result.conflicts and not result.losses
    assert [c.action for c in result.changes] == ["added"]
    lines = result.after.splitlines()
    at = lines.index("              - section: 新增子项目")
    assert (lines[at - 1], lines[at + 1]) == ("                  - section: 细项二",
                                              "              - section: 子项目乙")
