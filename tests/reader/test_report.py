"""The report reader: numbering, overrides, templates, fields, tables, the example and its seed."""

import unicodedata

import pytest

from reportgen import model
from reportgen.errors import ReportError
from reportgen.reader.report import read_report
from tests.conftest import EXAMPLE, SEED, SHARED_SEED


def labels(document):
    return [(b.numbering.label, b.title) for b in document.walk()
            if isinstance(b, (model.Section, model.PlanItem))]


def test_the_example_numbers_as_the_published_report():
    found = labels(read_report(EXAMPLE))
    assert found[0] == ("一、", "2025年工作总结")
    assert [label for label, _ in found if label.startswith("（")] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]
    assert [label for label, _ in found if label.isdigit()] == [
        "01", "02", "03", "04", "01", "02", "03", "04", "05"]
    assert [label for label, _ in found if label.endswith(".")] == [f"{n}." for n in range(1, 9)]
    assert ("二、", "2026年工作计划") in found


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared is not beside this checkout")
def test_the_fixture_is_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8").split("\n| 地址")[0]
    return "".join(ch for ch in text if not ch.isspace())


def test_the_example_holds_every_character_of_the_seed_in_order():
    """The seed copy is NFKC-folded (， became ,); folding ours the same way gives it back."""
    document = read_report(EXAMPLE)
    texts = list(document.texts())
    # The seed puts the meeting paragraphs first, then the title, then the report.
    ours = "".join(ch for t in texts for ch in unicodedata.normalize("NFKC", t)
                   if not ch.isspace())
    assert ours == seed_text()


def test_the_example_has_no_half_width_punctuation_between_chinese(tmp_path):
    warnings = []
    read_report(EXAMPLE, warnings=warnings)
    assert warnings == []


def report(write_yaml, body: str, head: str = "") -> model.Document:
    return read_report(write_yaml(f"title: 标题\n{head}body:\n{body}"))


def test_twelve_point_plan_and_eleven_subsections(write_yaml):
    plan = "".join(f"          - 第{n}点\n" for n in range(1, 13))
    subs = "".join(f"      - section: 小节{n}\n" for n in range(1, 12))
    document = report(write_yaml, f"  - section: 甲\n    body:\n{subs}"
                                  f"  - section: 乙\n    body:\n      - plan:\n{plan}")
    found = labels(document)
    assert [lab for lab, _ in found if lab.startswith("（")][-2:] == ["（十）", "（十一）"]
    assert [lab for lab, _ in found if lab.endswith(".")] == [f"{n}." for n in range(1, 13)]


def test_first_level_goes_on_to_twelve(write_yaml):
    body = "".join(f"  - section: 节{n}\n" for n in range(1, 13))
    assert [lab for lab, _ in labels(report(write_yaml, body))][-3:] == ["十、", "十一、", "十二、"]


def test_five_levels_and_a_sixth_is_an_error(write_yaml):
    deep = ("  - section: a\n    body:\n      - section: b\n        body:\n"
            "          - section: c\n            body:\n              - section: d\n"
            "                body:\n                  - section: e\n")
    assert [lab for lab, _ in labels(report(write_yaml, deep))] == ["一、", "（一）", "1.", "（1）",
                                                                    "①"]
    deeper = deep + "                    body:\n                      - section: f\n"
    with pytest.raises(ReportError, match="nested 6 deep"):
        report(write_yaml, deeper)


def test_document_numbering_overrides_levels_and_plan(write_yaml):
    document = report(write_yaml, "  - section: a\n    body:\n      - section: b\n"
                                   "  - plan: [x, y]\n",
                      head="numbering:\n  levels: [第一部分, 一、]\n  plan: （1）\n")
    assert [lab for lab, _ in labels(document)] == ["第一部分\u3000", "一、", "（1）", "（2）"]


def test_a_field_the_template_lacks_is_an_error_with_the_kinds_fields(write_yaml):
    with pytest.raises(ReportError) as caught:
        report(write_yaml, "  - x\n", head="addressee: 各部门\n")
    assert "annual-report template has no `addressee`" in str(caught.value)


def test_table_numbers_align_right_and_rows_must_match_the_header(write_yaml):
    document = report(write_yaml, "  - table:\n      header: [类别, 场次]\n"
                                   "      rows: [[讲座, 9], [展览, 6.0]]\n")
    table = document.blocks[1]
    assert table.rows == (("讲座", "9"), ("展览", "6.0")) and table.align == ("left", "right")
    with pytest.raises(ReportError, match="row has 1 cells"):
        report(write_yaml, "  - table:\n      header: [a, b]\n      rows: [[x]]\n")


def test_a_column_of_figures_in_any_written_form_aligns_right(write_yaml):
    """1e3 is a number since YAML 1.2's reading; it printed as written but stood left."""
    rows = "".join(f"        - [项{n}, {cell}]\n" for n, cell in enumerate(
        ["1e3", "1.5E-2", '"−3"', '"+1 204"', "88.7%", "12.30", "—"]))
    table = report(write_yaml, f"  - table:\n      header: [项目, 数值]\n      rows:\n{rows}")
    table = table.blocks[1]
    assert [row[1] for row in table.rows] == ["1e3", "1.5E-2", "−3", "+1 204", "88.7%", "12.30",
                                              "—"]
    assert table.align == ("left", "right")


def test_table_rows_from_csv_and_xlsx(write_yaml, tmp_path):
    (tmp_path / "t.csv").write_text("类别,场次\n讲座,9\n展览,6\n", encoding="utf-8")
    document = report(write_yaml, "  - table:\n      source: t.csv\n")
    assert document.blocks[1].header == (("类别", "场次"),)
    assert document.blocks[1].rows == (("讲座", "9"), ("展览", "6"))
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["类别", "人次"])
    book.active.append(["讲座", 2700])
    book.save(tmp_path / "t.xlsx")
    document = report(write_yaml, "  - table:\n      source: t.xlsx\n")
    assert document.blocks[1].rows == (("讲座", "2700"),)
    with pytest.raises(ReportError, match="not found"):
        report(write_yaml, "  - table:\n      source: nope.csv\n")


def test_a_problem_in_a_csv_cell_points_at_the_csv_line(write_yaml, tmp_path):
    (tmp_path / "t.csv").write_text("类别,说明\n讲座,9\n\n展览,上午,下午\n", encoding="utf-8")
    warnings = []
    with pytest.raises(ReportError) as caught:
        read_report(write_yaml("title: 标题\nbody:\n  - table:\n      source: t.csv\n"),
                    warnings=warnings)
    [problem] = caught.value.diagnostics
    assert problem.file == tmp_path / "t.csv" and problem.line == 4  # the blank line counts
    assert "row has 3 cells" in problem.message
    (tmp_path / "t.csv").write_text("类别,说明\n讲座,\"上午,下午\"\n", encoding="utf-8")
    read_report(write_yaml("title: 标题\nbody:\n  - table:\n      source: t.csv\n"),
                warnings=warnings)
    [warning] = warnings
    assert (warning.file, warning.line) == (tmp_path / "t.csv", 2) and "`,`" in warning.message


def test_an_xlsx_formula_without_its_stored_value_is_an_error_naming_the_cell(write_yaml,
                                                                            tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["月份", "人次"], ["1月", 120], ["2月", None], ["合计", "=SUM(B2:B3)"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")  # openpyxl stores formulas, never their values
    with pytest.raises(ReportError) as caught:
        report(write_yaml, "  - table:\n      source: t.xlsx\n")
    message = str(caught.value)
    assert "cell B4" in message and "=SUM(B2:B3)" in message and "save it" in message


def test_a_table_too_wide_for_any_page_is_a_warning_and_one_past_the_bound_an_error(
        write_yaml):
    def table(columns: int) -> str:
        header = ", ".join(f"列{k}" for k in range(columns))
        row = ", ".join(str(k * 1000) for k in range(columns))
        return f"title: 标题\nbody:\n  - table:\n      header: [{header}]\n      rows:\n" \
               f"        - [{row}]\n"

    warnings = []
    read_report(write_yaml(table(10)), warnings=warnings)
    assert warnings == []
    read_report(write_yaml(table(60)), warnings=warnings)
    [warning] = warnings
    assert warning.line == 4 and "too wide for landscape pages" in warning.message
    with pytest.raises(ReportError, match="a table of 2 × 65 cells is more than"):
        read_report(write_yaml(table(65)))


PLAN_WITH_SECTIONS = """  - section: 2026年工作计划
    body:
      - plan:
          - point: 推进品牌建设。
            body:
              - 正文。
              - section: 子项目甲
                body:
                  - section: 细项一
              - section: 子项目乙
          - 第二点工作
          - point: 第三点工作
            body:
              - section: 子项目丙
{numbering}"""


@pytest.mark.parametrize("head, numbering, wanted", [
    ("", "", ["一、", "1.", "（1）", "①", "（2）", "2.", "3.", "（1）"]),
    ("", '        numbering: "（1）"\n', None),  # ① under （1）: 细项一 has no level left
    # never above the level below the plan's: （一） would count on with the plan's siblings
    ("numbering:\n  plan: 一、\n", "", ["一、", "一、", "1.", "（1）", "2.", "二、", "三、", "1."]),
    ("numbering:\n  plan: A.\n", "", ["一、", "A.", "1.", "（1）", "2.", "B.", "C.", "1."]),
])
def test_sections_under_a_plan_point_take_the_level_after_the_points(write_yaml, head,
                                                                     numbering, wanted):
    body = PLAN_WITH_SECTIONS.format(numbering=numbering)
    if wanted is None:
        with pytest.raises(ReportError) as caught:
            report(write_yaml, body, head=head)
        [problem] = caught.value.diagnostics
        assert problem.field == "body[0].body[0].plan[0].body[1].body[0].section"
        assert "sections are nested 6 deep" in problem.message
        return
    found = [label for label, _ in labels(report(write_yaml, body, head=head))]
    assert found == wanted


def test_a_section_under_a_point_numbered_at_the_last_level_is_an_error_saying_why(write_yaml):
    body = "  - plan:\n      - point: 甲\n        body:\n          - section: 乙\n" \
           "    numbering: ①\n"
    with pytest.raises(ReportError) as caught:
        report(write_yaml, body)
    [problem] = caught.value.diagnostics
    assert problem.field == "body[0].plan[0].body[0].section"
    assert "a section under a plan point numbered ① is numbered at the level after" in \
        problem.message


def test_a_plan_in_a_point_is_numbered_as_its_sections_unless_it_says_otherwise(write_yaml):
    """Points （1） (the document's plan style) have sections and plans ① under them; one that
    names its numbering keeps it (a black-box test saw inner （1） （2） among outer ones)."""
    body = ("  - plan:\n      - 计划一\n      - point: 计划二\n        body:\n"
            "          - section: 下级一\n          - plan: [内层一, 内层二]\n"
            "          - plan: [另列一]\n            numbering: A.\n      - 计划三\n")
    document = report(write_yaml, body, head="numbering:\n  plan: （1）\n")
    assert labels(document) == [("（1）", "计划一"), ("（2）", "计划二"), ("①", "下级一"),
                                ("①", "内层一"), ("②", "内层二"), ("A.", "另列一"),
                                ("（3）", "计划三")]


def test_plans_nest_nine_deep_and_a_tenth_is_an_error(write_yaml):
    def nested(depth: int, indent: str = "  ") -> str:
        text = f"{indent}- plan:\n{indent}    - 第{depth}层第一点\n"
        if depth > 1:
            text += (f"{indent}    - point: 第{depth}层第二点\n{indent}      body:\n"
                     + nested(depth - 1, indent + "        "))
        return text

    document = report(write_yaml, nested(9))  # each inner plan numbered as its point's
    assert [label for label, _ in labels(document)] == [  # sections: 1. （1） ①, then 1.
        "1.", "2.", "（1）", "（2）", "①", "②", *["1.", "2."] * 5, "1."]
    with pytest.raises(ReportError) as caught:
        report(write_yaml, nested(10))
    [problem] = caught.value.diagnostics
    assert problem.field == ".".join(["body[0]"] + ["plan[1].body[0]"] * 9) + ".plan"
    assert "plans are nested 10 deep" in problem.message and "9 levels" in problem.message
