"""Templates: the bundled kinds, inheritance with base:, and located errors in a user's copy."""

import pytest

from reportgen.errors import ReportError
from reportgen.template import ROLES, available_kinds, load_template


def test_the_bundled_kinds_follow_gb_t_9704():
    kinds = available_kinds()
    assert set(kinds) == {"annual-report", "handout", "notice", "minutes", "letter"}
    report = load_template("annual-report")
    page = report.page
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (37, 35, 28, 26)
    assert (page.lines, page.chars, page.text_width_mm, page.text_height_mm) == (22, 28, 156, 225)
    assert [style.sample for style in report.levels] == ["一、", "（一）", "1.", "（1）", "①"]
    assert report.role("title").size_pt == 22 and report.role("body").size_pt == 16
    assert report.role("heading1").faces == ("hei",) and report.role("heading2").faces == ("kai",)
    assert set(report.roles) == set(ROLES)


def test_a_kind_starts_from_its_base_and_changes_only_what_it_says():
    handout, notice = load_template("handout"), load_template("notice")
    assert notice.role("addressee") == handout.role("addressee")
    assert notice.role("imprint").size_pt == 14 and "imprint" in notice.fields
    assert "imprint" not in handout.fields and handout.page.lines == notice.page.lines
    assert notice.page.double_sided and not handout.page.double_sided  # GB/T 9704 6.2


def test_a_users_copy_is_checked_with_locations_and_hints(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("base: annual-report\nroles:\n  titel: {size_pt: 24}\n  body:\n"
                    "    align: centre\n    size_pt: big\npage:\n  page_number:\n"
                    "    format: \"第{x}页\"\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_template(str(path))
    lines = [d.format() for d in caught.value.diagnostics]
    assert len(lines) == 4
    assert any("mine.yaml:3:3" in x and "did you mean `title`?" in x for x in lines)
    assert any("mine.yaml:5:12" in x and "did you mean `center`?" in x for x in lines)
    assert any("mine.yaml:6:14" in x and "expected a number" in x for x in lines)
    assert any("{n}" in x for x in lines)


def test_a_users_copy_changes_the_page_number(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("base: annual-report\npage:\n  page_number: {format: \"第{n}页\"}\n",
                    encoding="utf-8")
    assert load_template(str(path)).page.page_number.format == "第{n}页"


@pytest.mark.parametrize("page, message, hint", [
    ("{lines: 0}", "page.lines: 0 is out of range", "from 1 to 80"),
    ("{lines: 22.5}", "page.lines: expected a whole number", "22"),
    ("{top_mm: 300}", "text block of 156 × -38 mm", "at least 20 mm"),
    ("{left_mm: 100, right_mm: 100}", "text block of 10 × 225 mm", "at least 20 mm"),
    ("{chars: 40}", "40 chars in 156 mm give each 0.69 times the 16 pt body size",
     "28 for 16 pt"),
    ("{chars: 10}", "10 chars in 156 mm give each 2.76 times", "between 0.9 and 2"),
    ("{lines: 60}", "60 lines in 225 mm give each 0.66 times the 16 pt body size",
     "22 for 16 pt"),
    ("{page_number: {size_pt: 0}}", "page.page_number.size_pt: 0 is out of range", "4 to 96"),
])
def test_page_settings_that_cannot_make_a_page_are_errors(tmp_path, page, message, hint):
    path = tmp_path / "mine.yaml"
    path.write_text(f"base: annual-report\npage: {page}\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_template(str(path))
    [diagnostic] = caught.value.diagnostics
    assert message in f"{diagnostic.field}: {diagnostic.message}"
    assert hint in diagnostic.hint and diagnostic.line == 2


def test_a_page_of_other_proportions_is_accepted(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("base: annual-report\npage: {chars: 26, lines: 20, top_mm: 40}\n",
                    encoding="utf-8")
    page = load_template(str(path)).page
    assert (page.chars, page.lines, page.top_mm) == (26, 20, 40.0)


def test_an_unquoted_numbering_style_names_its_item_and_the_fix(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("base: annual-report\nnumbering:\n"
                    "  levels: [第一部分, 一、, （一）, 1., （1）]\n"
                    "  plan: 甲\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_template(str(path))
    number, plan = caught.value.diagnostics
    assert number.field == "numbering.levels[3]" and "found the number `1.`" in number.message
    assert 'quote it' in number.hint and number.line == 3
    assert plan.field == "numbering.plan" and plan.line == 4


@pytest.mark.parametrize("text, field, message", [
    ("page:\n  page_number:\n    format: \"{n}{n:>100000000}\"\n", "page.page_number.format",
     "needs {n}, and no other braces"),
    ("page:\n  page_number:\n    format: \"{n!r}\"\n", "page.page_number.format",
     "no other braces"),
    ("page:\n  page_number:\n    below_text_mm: 100\n", "page.page_number.below_text_mm",
     "ends below the page: the bottom margin is 35 mm"),
    ("page:\n  page_number:\n    size_pt: 96\n", "page.page_number.below_text_mm",
     "ends below the page"),
    ("page:\n  page_number:\n    size_pt: 40\n    inset_chars: 20\n    below_text_mm: 0\n",
     "page.page_number.inset_chars", "wider than the text block (156 mm)"),
    ("page: {width_mm: 50, height_mm: 50, top_mm: 5, bottom_mm: 12, left_mm: 5, right_mm: 5,"
     " chars: 7, lines: 5}\n", "page.page_number.below_text_mm", "ends below the page"),
    ("roles:\n  body:\n    office_faces: [\"仿\\x07宋\"]\n", "roles.body.office_faces[0]",
     "U+0007"),
    ("description: \"年度\\x1b总结\"\n", "description", "U+001B"),
    ("roles: [body, title]\n", "roles", "expected `name: value` fields"),
    ("numbering: 5\n", "numbering", "expected `name: value` fields"),
    ("fields: title\n", "fields", "expected a list"),
])
def test_values_a_page_or_a_document_cannot_hold_are_located_errors(tmp_path, text, field,
                                                                    message):
    path = tmp_path / "mine.yaml"
    path.write_text("base: annual-report\n" + text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_template(str(path))
    assert any(d.field == field and message in d.message and d.file == path.resolve()
               for d in caught.value.diagnostics), caught.value


def test_every_documented_page_number_setting_that_passes_builds(tmp_path, capsys):
    from reportgen.cli import main

    report = tmp_path / "r.yaml"
    report.write_text("template: mine.yaml\ntitle: 标题\nbody: [正文。]\n", encoding="utf-8")
    for setting in ("inset_chars: 20", "size_pt: 4", "size_pt: 30", "below_text_mm: 0",
                    "below_text_mm: 20", "placement: center"):
        (tmp_path / "mine.yaml").write_text(
            f"base: annual-report\npage:\n  page_number:\n    {setting}\n", encoding="utf-8")
        assert main(["build", str(report), "-o", str(tmp_path / "out"), "--force"]) == 0, setting
    capsys.readouterr()


def test_an_unknown_base_is_named_in_the_template_that_gives_it(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("kind: mine\nbase: anual-report\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_template(str(path))
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.field) == (path.resolve(), 2, "base")
    assert "did you mean `annual-report`?" in diagnostic.hint
