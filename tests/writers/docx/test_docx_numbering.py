"""numbering.xml: live multilevel lists linked to the heading styles, overrides and plans."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest

from reportgen import model
from reportgen.numbering import parse_style
from reportgen.template import load_template
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.numbering import NUM_FMT, Numbering
from tests.writers.docx import samples
from tests.writers.docx.parts import NS, part, w


def abstract_of(numbering, num_id: str):
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(w("val"))
    return numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)


def level(abstract, ilvl: int) -> dict[str, str | None]:
    lvl = abstract.find(f"w:lvl[@w:ilvl='{ilvl}']", NS)
    ind = lvl.find("w:pPr/w:ind", NS)
    return {
        "fmt": lvl.find("w:numFmt", NS).get(w("val")),
        "text": lvl.find("w:lvlText", NS).get(w("val")),
        "suff": lvl.find("w:suff", NS).get(w("val")),
        "start": lvl.find("w:start", NS).get(w("val")),
        "style": lvl.find("w:pStyle", NS).get(w("val"))
        if lvl.find("w:pStyle", NS) is not None else None,
        "first": ind.get(w("firstLine")), "first_chars": ind.get(w("firstLineChars")),
    }


def num_id_of(paragraph) -> str | None:
    """The list of a paragraph: its own numPr, else its style's."""
    for pr in (paragraph._p.pPr, paragraph.style.element.pPr):
        num = pr.find("w:numPr/w:numId", NS) if pr is not None else None
        if num is not None:
            return num.get(w("val"))
    return None


def test_the_heading_list_counts_like_gbt_9704(example_docx):
    numbering = part(example_docx, "word/numbering.xml")
    style = part(example_docx, "word/styles.xml").find("w:style[@w:styleId='Heading1']", NS)
    main = abstract_of(numbering, style.find("w:pPr/w:numPr/w:numId", NS).get(w("val")))
    got = [(level(main, i)["fmt"], level(main, i)["text"]) for i in range(5)]
    assert got == [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                   ("decimal", "%3."), ("decimal", "（%4）"), ("decimalEnclosedCircle", "%5")]
    for i in range(5):
        lvl = level(main, i)
        assert lvl["suff"] == "nothing" and lvl["start"] == "1"
        assert (lvl["first"], lvl["first_chars"]) == ("640", "200")
        assert lvl["style"] == f"Heading{i + 1}"


def test_heading_styles_carry_the_list_and_an_outline_level(example_docx):
    styles = part(example_docx, "word/styles.xml")
    num_ids = set()
    for n in range(1, 6):
        style = styles.find(f"w:style[@w:styleId='Heading{n}']", NS)
        assert style.find("w:name", NS).get(w("val")) == f"heading {n}"
        assert style.find("w:pPr/w:outlineLvl", NS).get(w("val")) == str(n - 1)
        assert style.find("w:pPr/w:numPr/w:ilvl", NS).get(w("val")) == str(n - 1)
        num_ids.add(style.find("w:pPr/w:numPr/w:numId", NS).get(w("val")))
    assert len(num_ids) == 1


def instance(numbering, num_id: str):
    return numbering.find(f"w:num[@w:numId='{num_id}']", NS)


def test_subsections_numbered_01_have_a_style_of_their_own_in_the_heading_list(example_docx):
    document = docx.Document(str(example_docx))
    numbering = part(example_docx, "word/numbering.xml")
    numbered_01 = [p for p in document.paragraphs if p.style.name == "标题 3（01）"]
    assert [p.text[:4] for p in numbered_01[:2]] == ["深化免费", "优化文献"]
    assert len(numbered_01) == 9
    style = numbered_01[0].style
    assert style.base_style.style_id == "Heading3"  # in the style list beside 标题 3
    assert all(p._p.find("w:pPr/w:numPr", NS) is None for p in numbered_01)
    num = instance(numbering, num_id_of(numbered_01[0]))
    heading1 = instance(numbering, num_id_of(document.paragraphs[[
        p.style.style_id for p in document.paragraphs].index("Heading1")]))
    # the same list definition as 一、（一）, so 01 restarts under each （N）
    assert num.find("w:abstractNumId", NS).get(w("val")) == \
        heading1.find("w:abstractNumId", NS).get(w("val"))
    lvl = num.find("w:lvlOverride[@w:ilvl='2']/w:lvl", NS)
    assert lvl.find("w:numFmt", NS).get(w("val")) == "decimalZero"
    assert lvl.find("w:lvlText", NS).get(w("val")) == "%3"
    assert lvl.find("w:pStyle", NS).get(w("val")) == style.style_id
    assert num.find("w:lvlOverride/w:startOverride", NS) is None


def test_plan_points_are_bound_to_their_style_and_each_plan_counts_from_one(example_docx):
    document = docx.Document(str(example_docx))
    numbering = part(example_docx, "word/numbering.xml")
    points = [p for p in document.paragraphs if p.style.style_id == "PlanItem"]
    assert points[0].text == "全面从严治党，筑牢思想根基"
    assert len(points) == 8
    style_num = points[0].style.element.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    plan = abstract_of(numbering, style_num)
    assert (level(plan, 0)["fmt"], level(plan, 0)["text"], level(plan, 0)["style"]) == \
        ("decimal", "%1.", "PlanItem")
    first = instance(numbering, points[0]._p.find("w:pPr/w:numPr/w:numId", NS).get(w("val")))
    assert first.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", NS).get(w("val")) == "1"
    assert abstract_of(numbering, first.get(w("numId"))) is plan
    assert all(p._p.find("w:pPr/w:numPr", NS) is None for p in points[1:])
    headings = {num_id_of(p) for p in document.paragraphs if p.style.style_id == "Heading1"}
    assert style_num not in headings


def test_eleven_sections_share_the_heading_list_with_no_direct_numbering(tmp_path):
    path = samples.write_docx(samples.eleven_sections(), tmp_path / "eleven.docx")
    document = docx.Document(str(path))
    headings = [p for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert len(headings) == 11
    assert all(p._p.find("w:pPr/w:numPr", NS) is None for p in headings)


def test_five_levels_use_all_five_heading_styles(tmp_path):
    path = samples.write_docx(samples.five_levels(), tmp_path / "five.docx")
    used = {p.style.style_id for p in docx.Document(str(path)).paragraphs}
    assert {f"Heading{n}" for n in range(1, 6)} <= used


def test_a_twelve_point_plan_numbers_its_points_by_their_style(tmp_path):
    path = samples.write_docx(samples.twelve_point_plan(), tmp_path / "plan.docx")
    points = [p for p in docx.Document(str(path)).paragraphs if p.style.style_id == "PlanItem"]
    assert len(points) == 12
    assert [p._p.find("w:pPr/w:numPr", NS) is not None for p in points] == [True] + [False] * 11


@pytest.mark.parametrize(("sample", "fmt", "text"), [
    ("一、", "chineseCounting", "%1、"), ("（一）", "chineseCounting", "（%1）"),
    ("1.", "decimal", "%1."), ("（1）", "decimal", "（%1）"), ("①", "decimalEnclosedCircle", "%1"),
    ("01", "decimalZero", "%1"), ("A.", "upperLetter", "%1."), ("a)", "lowerLetter", "%1)"),
])
def test_every_counter_maps_to_a_word_number_format(sample, fmt, text):
    template = load_template("annual-report")
    numbering = Numbering(template, Grid(template.page, 16.0))
    binding = numbering.plan_point(parse_style(sample))
    root = numbering.element()
    if sample == "1.":  # the template's own: the plan style itself
        assert binding.style == "PlanItem"
        lvl = root.find("w:abstractNum[@w:abstractNumId='1']/w:lvl", NS)
    else:
        (derived,) = numbering.derived.values()
        assert binding.style == derived.style_id and derived.name == f"计划条目（{sample}）"
        lvl = instance(root, str(derived.num_id)).find("w:lvlOverride/w:lvl", NS)
    assert (lvl.find("w:numFmt", NS).get(w("val")), lvl.find("w:lvlText", NS).get(w("val"))) \
        == (fmt, text)
    assert set(NUM_FMT) == {"chinese", "decimal", "decimal-zero", "circled", "upper-letter",
                            "lower-letter"}


def test_sections_under_plan_points_restart_their_count():
    template = load_template("annual-report")
    numbering = Numbering(template, Grid(template.page, 16.0))
    assert numbering.heading(2, template.levels[1]).num is None
    fresh = numbering.heading(2, template.levels[1], restart=True)
    assert fresh.style == "Heading2"
    num_id = fresh.num.find("w:numId", NS).get(w("val"))
    restarted = instance(numbering.element(), num_id)
    assert restarted.find("w:abstractNumId", NS).get(w("val")) == "0"
    assert restarted.find("w:lvlOverride[@w:ilvl='1']/w:startOverride", NS).get(w("val")) == "1"


def test_lists_come_after_their_definitions_in_numbering_xml(example_docx):
    tags = [child.tag for child in part(example_docx, "word/numbering.xml")]
    last_abstract = max(i for i, t in enumerate(tags) if t == w("abstractNum"))
    first_num = min(i for i, t in enumerate(tags) if t == w("num"))
    assert last_abstract < first_num


def test_run_in_sections_number_in_the_heading_list(tmp_path):
    document = samples.notice()
    path = samples.write_docx(document, tmp_path / "notice.docx")
    paragraphs = docx.Document(str(path)).paragraphs
    heading1 = [p.text[:4] for p in paragraphs if p.style.style_id == "Heading1"]
    assert heading1 == ["压实责任", "加强巡查", "工作要求"]
    assert not [p for p in paragraphs if p._p.find("w:pPr/w:numPr", NS) is not None]
    assert isinstance(document.blocks[5], model.Section)


def test_a_plan_in_a_plan_point_counts_at_the_next_level_in_a_style_of_its_own():
    template = load_template("annual-report")
    numbering = Numbering(template, Grid(template.page, 16.0))
    assert numbering.plan_point(template.plan, restart=True).style == "PlanItem"
    bracketed = parse_style("（1）")  # an inner plan's own numbering under points 1.
    inner = numbering.plan_point(bracketed, restart=True, nested=1)
    assert numbering.plan_point(bracketed, nested=1) == replace(inner, num=None)
    (style,) = numbering.nested_plans
    assert (inner.style, style.name, style.based_on, style.num_id, style.ilvl) == (
        "PlanItem2", "计划条目 2", "PlanItem", numbering.plan_num_id, 1)
    root = numbering.element()
    restarted = instance(root, inner.num.find("w:numId", NS).get(w("val")))
    assert restarted.find("w:lvlOverride[@w:ilvl='1']/w:startOverride", NS).get(w("val")) == "1"
    plan = root.find("w:abstractNum[@w:abstractNumId='1']", NS)
    assert plan.find("w:multiLevelType", NS).get(w("val")) == "multilevel"
    assert [(level(plan, i)["text"], level(plan, i)["style"]) for i in (0, 1)] == [
        ("%1.", "PlanItem"), ("（%2）", "PlanItem2")]
    numbered = numbering.plan_point(template.plan, nested=1)  # an inner plan numbered 1.
    derived = next(d for d in numbering.derived.values() if d.style_id == numbered.style)
    assert (derived.name, derived.based_on, derived.ilvl) == ("计划条目 2（1.）", "PlanItem2", 1)


def test_a_plan_in_no_plan_keeps_a_list_of_one_level(example_docx):
    plan = part(example_docx, "word/numbering.xml").find(
        "w:abstractNum[@w:abstractNumId='1']", NS)
    assert plan.find("w:multiLevelType", NS).get(w("val")) == "singleLevel"
    assert len(plan.findall("w:lvl", NS)) == 1
