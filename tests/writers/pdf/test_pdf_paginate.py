"""Pagination: headings kept with what follows, no widows or orphans, tables, the 版记."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen import model
from reportgen.budget import Deadline
from reportgen.errors import ReportError, fail
from reportgen.writers.pdf.flow import Band, Bookmark, Box, ImprintBox, Picture, TableBox
from reportgen.writers.pdf.paginate import paginate
from reportgen.writers.pdf.text import Run
from tests.writers.pdf.documents import (
    document,
    paragraph,
    pdf_bytes,
    read_lines,
    section,
    template,
)

LINES = 22
PITCH = 10.0  # points: a page is 220 pt high


def line(name: str) -> tuple[Run, ...]:
    return (Run("F", 16.0, False, name, 0.0),)


def box(name: str, n: int, **options) -> Box:
    return Box(tuple(line(f"{name}{i}") for i in range(n)), **options)


def layout(*items) -> list[list[tuple[int, str]]]:
    """Per page, (grid line, text) of each line placed."""
    return [[(row, ln[0].text) for row, ln in page.lines]
            for page in paginate(items, LINES, 100.0, PITCH)]


def test_a_heading_at_the_foot_moves_over_with_two_lines_of_its_paragraph():
    pages = layout(box("p", 21), box("h", 1, keep_with_next=True), box("q", 5))
    assert pages[0][-1] == (20, "p20")
    assert pages[1][:3] == [(0, "h0"), (1, "q0"), (2, "q1")]


def test_a_heading_goes_where_two_lines_of_its_paragraph_fit():
    pages = layout(box("p", 19), box("h", 1, keep_with_next=True), box("q", 5))
    assert pages[0][-3:] == [(19, "h0"), (20, "q0"), (21, "q1")]
    assert pages[1][0] == (0, "q2")


def test_headings_in_a_row_move_together():
    pages = layout(box("p", 19), box("h", 1, keep_with_next=True),
                   box("k", 1, keep_with_next=True), box("q", 5))
    assert pages[0][-1] == (18, "p18")
    assert [text for _, text in pages[1][:4]] == ["h0", "k0", "q0", "q1"]


def test_no_orphan_a_paragraph_never_leaves_one_line_at_the_foot():
    pages = layout(box("p", 21), box("q", 5))
    assert pages[0][-1] == (20, "p20")
    assert pages[1][0] == (0, "q0")


def test_no_widow_a_line_moves_over_so_that_two_end_the_paragraph():
    pages = layout(box("p", 18), box("q", 5))
    assert [text for _, text in pages[0][-3:]] == ["q0", "q1", "q2"]
    assert [text for _, text in pages[1]] == ["q3", "q4"]
    assert len(pages[0]) == 21  # the page ends short by a line


def test_a_paragraph_of_three_lines_is_never_broken():
    pages = layout(box("p", 20), box("q", 3))
    assert len(pages[0]) == 20
    assert [text for _, text in pages[1]] == ["q0", "q1", "q2"]


def test_spacing_is_whole_lines_the_larger_of_two_and_none_at_a_page_top():
    pages = layout(box("a", 1, space_after=1), box("t", 2, space_before=2, keep_together=True),
                   box("p", 17), box("b", 2, space_before=1))
    assert pages[0][:3] == [(0, "a0"), (3, "t0"), (4, "t1")]
    assert pages[1][0] == (0, "b0")


def test_a_paragraph_longer_than_a_page_runs_on():
    pages = layout(box("p", 50))
    assert [len(page) for page in pages] == [22, 22, 6]


def test_a_box_kept_with_the_next_carries_its_last_two_lines_along():
    pages = layout(box("p", 16), box("q", 5, keep_with_next=True), box("s", 2, keep_together=True))
    assert [text for _, text in pages[1]] == ["q3", "q4", "s0", "s1"]


def band(name: str, height: float) -> Band:
    return Band(height, ((height / 2, line(name)),), top=0.5)


def table(heights: list[float], *, notes: float = 0.0, landscape: bool = False) -> TableBox:
    """A table of rows `heights` points high under a 10 pt header, with notes if given."""
    return TableBox(None, band("h", 10.0), tuple(band(f"r{n}", h) for n, h in enumerate(heights)),
                    band("notes", notes) if notes else None, 0.5, landscape)


def texts(page) -> list[str]:
    return [ln[0].text for _, ln, _ in page.free]


def test_a_table_that_fits_on_a_page_moves_to_the_next_one_whole():
    pages = paginate([box("p", 15), table([10.0] * 13)], LINES, 100.0, PITCH)
    assert texts(pages[0]) == []
    assert texts(pages[1]) == ["h"] + [f"r{n}" for n in range(13)]


def test_a_long_table_repeats_its_header_and_breaks_between_rows():
    pages = paginate([box("p", 15), table([20.0] * 12)], LINES, 100.0, PITCH)
    first, second = texts(pages[0]), texts(pages[1])
    assert first == ["h", "r0", "r1", "r2"]  # 150 pt of text, 10 of header, 3 rows of 20
    assert second == ["h", *(f"r{n}" for n in range(3, 12))]
    rules = [rule.y0 for rule in pages[1].rules if rule.y0 == rule.y1]
    assert rules[0] == 0 and rules[-1] == 190  # the table's part on the page is closed


class _Checks(Deadline):
    """A deadline that passes at its `allowed + 1`-th check, whatever the clock says."""

    def __init__(self, allowed: int) -> None:
        super().__init__(float("inf"))
        self.left_checks = allowed

    def check(self) -> None:
        self.left_checks -= 1
        if self.left_checks < 0:
            raise fail("time is up")


def test_the_deadline_is_checked_on_every_page_of_a_long_table():
    """A table of 2,000 rows is one item: its pages are what the time limit is checked on."""
    items = [box("p", 3), table([20.0] * 2_000)]
    assert len(paginate(items, LINES, 100.0, PITCH)) > 150
    with pytest.raises(ReportError, match="time is up"):
        paginate(items, LINES, 100.0, PITCH, deadline=_Checks(20))


def test_at_least_two_rows_go_over_with_the_notes():
    pages = paginate([table([20.0] * 10, notes=15.0)], LINES, 100.0, PITCH)
    assert texts(pages[0]) == ["h", *(f"r{n}" for n in range(8))]
    assert texts(pages[1]) == ["h", "r8", "r9", "notes"]


def test_a_table_never_leaves_one_row_alone_at_either_end():
    pages = paginate([table([20.0] * 11)], LINES, 100.0, PITCH)
    assert [len(texts(page)) - 1 for page in pages] == [9, 2]
    pages = paginate([box("p", 17), table([20.0] * 11)], LINES, 100.0, PITCH)
    assert texts(pages[0]) == ["h", "r0", "r1"]
    pages = paginate([box("p", 18), table([20.0] * 11)], LINES, 100.0, PITCH)
    assert texts(pages[0]) == []  # one row would fit after the paragraph: the table moves


def test_text_after_a_table_goes_on_from_the_next_whole_grid_line():
    pages = paginate([table([13.0, 13.0]), box("q", 1)], LINES, 100.0, PITCH)
    assert pages[0].lines == [(4, line("q0"))]  # the table ends at 36 pt


def test_a_landscape_table_takes_turned_pages_of_its_own():
    pages = paginate([box("p", 3), table([20.0] * 8, landscape=True), box("q", 2)],
                     LINES, 100.0, PITCH)
    assert [page.landscape for page in pages] == [False, True, True, False]
    turned = pages[1]
    assert max(y for y, *_ in turned.free) < 100.0  # a turned page is as high as the block is wide
    assert max(rule.x1 for rule in turned.rules) == LINES * PITCH


def test_the_imprint_sits_at_the_foot_of_the_last_page():
    imprint = ImprintBox((line("cc"), line("issue")), ((0, 1.0), (1, 0.7), (2, 1.0)))
    pages = paginate([box("p", 4), imprint], LINES, 100.0, PITCH)
    assert [(row, ln[0].text) for row, ln in pages[0].lines][-2:] == [(20, "cc"), (21, "issue")]
    assert [rule.y0 for rule in pages[0].rules] == [200, 210, 220]
    assert len(paginate([box("p", 21), imprint], LINES, 100.0, PITCH)) == 2


def test_a_kept_run_that_would_leave_over_five_lines_empty_breaks_where_the_page_ends():
    headings = [box(f"h{n}.", 1, keep_with_next=True) for n in range(5)]
    pages = layout(box("p", 15), *headings, box("q", 3))  # 8 kept lines, 7 left on page 1
    assert len(pages[0]) == 22  # not 15: the run fills the page …
    assert [text for _, text in pages[0][15:20]] == ["h0.0", "h1.0", "h2.0", "h3.0", "h4.0"]
    assert [text for _, text in pages[1]] == ["q2"]  # … its short last box broken at its end


def test_a_kept_run_that_leaves_five_lines_or_fewer_moves_whole():
    headings = [box(f"h{n}.", 1, keep_with_next=True) for n in range(5)]
    pages = layout(box("p", 17), *headings, box("q", 3))
    assert len(pages[0]) == 17 and pages[1][0] == (0, "h0.0")


def test_a_kept_run_keeps_its_headings_with_a_line_of_text_or_moves():
    headings = [box(f"h{n}.", 1, keep_with_next=True) for n in range(7)]
    pages = layout(box("p", 15), *headings, box("q", 5))  # 7 headings and 2 lines: 9 > 7
    assert len(pages[0]) == 15 and pages[1][0] == (0, "h0.0")
    pages = layout(box("p", 14), *headings[:6], box("q", 5))  # 6 + 2 lines fit in 8
    assert [text for _, text in pages[0][-2:]] == ["q0", "q1"] and pages[1][0] == (0, "q2")


def test_a_run_followed_by_a_table_is_not_broken():
    headings = [box(f"h{n}.", 1, keep_with_next=True) for n in range(6)]
    pages = layout(box("p", 15), *headings, table([2, 2]))
    assert len(pages[0]) == 15


def test_a_kept_run_marks_the_bookmarks_of_the_headings_it_sets_as_it_comes():
    headings = [box(f"h{n}.", 1, keep_with_next=True, bookmark=Bookmark(f"h{n}", 0))
                for n in range(5)]
    pages = paginate([box("p", 15), *headings, box("q", 3)], LINES, 100.0, PITCH)
    assert pages[0].bookmarks == [(15 + n, Bookmark(f"h{n}", 0)) for n in range(5)]


SEAL = Picture(b"", 300.0, -0.2, 119.0, 119.0)


def sealed(**options) -> Box:
    """A 落款 with a seal: empty lines, the organisation and the date, kept together."""
    return box("s", 4, keep_together=True, pictures=(SEAL,), squeeze=True, **options)


def test_a_kept_run_ending_in_a_sealed_signature_never_parts_it_from_its_seal_or_date():
    """The text before a 落款 keeps with it; six lines are left and seven needed, which is more
    than five carried over, yet the 落款 is not broken: the page tightens by a line (7.3.5.5)."""
    pages = paginate([box("p", 16), box("q", 3, keep_with_next=True), sealed()], LINES, 100.0,
                     PITCH)
    assert len(pages) == 1 and pages[0].rows == LINES + 1
    assert [row for row, ln in pages[0].lines if ln[0].text.startswith("s")] == [19, 20, 21, 22]
    assert pages[0].pictures == [SEAL.__class__(b"", 300.0, 18.8, 119.0, 119.0)]


def test_a_page_tightened_below_a_table_holds_the_tables_lines_in_place():
    """The table ends in grid line 5 (50 pt): the page holds lines 0–4 and tightens the rest;
    where the lines below a table would come closer than 0.85 of a pitch, it moves on."""
    pages = paginate([table([20.0] * 2), box("p", 11), box("q", 3, keep_with_next=True),
                      sealed()], LINES, 100.0, PITCH)
    assert len(pages) == 1 and (pages[0].rows, pages[0].held) == (LINES + 1, 5)
    assert pages[0].boundary(5, LINES, PITCH) == 50.0
    assert pages[0].boundary(LINES + 1, LINES, PITCH) == LINES * PITCH
    pages = paginate([table([20.0] * 9), box("q", 1, keep_with_next=True), sealed()], LINES,
                     100.0, PITCH)  # 3 lines below the table would take 5: too tight
    assert [page.rows for page in pages] == [None, None]
    assert [ln[0].text for _, ln in pages[1].lines] == ["q0", "s0", "s1", "s2", "s3"]


def test_a_table_kept_with_a_sealed_signature_never_leaves_it_alone_on_a_page():
    """A 落款 after a table keeps with it (no seal without text above): a table that fits on
    a page moves with the 落款 to the next one; a longer one takes its last two rows along."""
    short = table([20.0] * 4)
    pages = paginate([box("p", 10), replace(short, keep_with_next=True), sealed()], LINES,
                     100.0, PITCH)
    assert texts(pages[0]) == [] and texts(pages[1])[-1] == "r3"
    assert [ln[0].text for _, ln in pages[1].lines] == ["s0", "s1", "s2", "s3"]
    long = replace(table([20.0] * 19), keep_with_next=True)
    pages = paginate([long, sealed()], LINES, 100.0, PITCH)
    assert [texts(page) for page in pages][1:] == [
        ["h", *(f"r{n}" for n in range(10, 17))], ["h", "r17", "r18"]]
    assert [row for row, _ in pages[2].lines] == [5, 6, 7, 8]


def test_a_kept_run_ending_in_a_signature_moves_it_whole_when_it_cannot_fit():
    """Three organisations and their date kept together: seven lines needed with the text
    before, six left. Page 1 ends six lines short rather than part the 落款 from its date."""
    signature = box("s", 4, keep_together=True)
    pages = layout(box("p", 16), box("q", 3, keep_with_next=True), signature)
    assert len(pages[0]) == 16
    assert [text for _, text in pages[1]] == ["q0", "q1", "q2", "s0", "s1", "s2", "s3"]


def test_three_heading_only_items_and_a_heading_with_three_lines_keep_19_lines_on_page_1(
        registry):
    items = [section(3, n, f"第{n}项重点工作") for n in (1, 2, 3)]  # nothing under them: a list
    doc = document(paragraph(15), section(1, 1, "重点工作", *items),
                   section(1, 2, "工作要求", paragraph(3)), paragraph(6))
    pages = read_lines(pdf_bytes(doc, registry))
    body = [line for line in pages[0] if not line.is_page_number]
    assert len(body) >= 19
    assert [line.text for line in body[15:19]] == [
        "一、重点工作", "1.第1项重点工作", "2.第2项重点工作", "3.第3项重点工作"]
    assert pages[1][0].text == "二、工作要求"  # kept with its three lines


def test_a_plan_point_with_text_under_it_never_ends_a_page(registry):
    point = model.PlanItem("加强阵地建设", model.Numbering(2, template().plan, 1, "plan-1"),
                           (paragraph(4),))
    pages = read_lines(pdf_bytes(document(paragraph(21), model.Plan((point,))), registry))
    assert not any(line.text.startswith("1.加强") for line in pages[0])
    assert pages[1][0].text == "1.加强阵地建设"
    bare = model.PlanItem("加强阵地建设", point.numbering)  # a bare point is a list item
    pages = read_lines(pdf_bytes(document(paragraph(21), model.Plan((bare,)), paragraph(2)),
                                 registry))
    assert pages[0][-2].text == "1.加强阵地建设"  # [-1] is the page number


@st.composite
def flows(draw):
    items = []
    for n in range(draw(st.integers(1, 40))):
        together = draw(st.booleans()) and draw(st.booleans())
        items.append(box(f"b{n}.", draw(st.integers(1, 30)),
                         space_before=draw(st.integers(0, 1)),
                         space_after=draw(st.integers(0, 1)),
                         keep_with_next=draw(st.booleans()) and draw(st.booleans()),
                         keep_together=together,
                         pictures=(Picture(f"{n}".encode(), 0.0, 0.0, 1.0, 1.0),) if together
                         else ()))
    return items


@settings(max_examples=200, deadline=None)
@given(flows())
def test_every_line_is_placed_once_in_order_without_widows_or_orphans(items):
    pages = paginate(items, LINES, 100.0, PITCH)
    placed = [ln[0].text for page in pages for _, ln in page.lines]
    assert placed == [ln[0].text for item in items for ln in item.lines]
    for page in pages:
        rows = [row for row, _ in page.lines]
        assert rows == sorted(set(rows)) and all(0 <= row < LINES for row in rows)
    for index, item in enumerate(items):
        names = {ln[0].text for ln in item.lines}
        shares = [sum(ln[0].text in names for _, ln in page.lines) for page in pages]
        shares = [n for n in shares if n]
        ends_a_run = index and items[index - 1].keep_with_next
        if item.keep_together:  # never broken, even at the end of a kept run, unless longer
            assert len(shares) == 1 or len(item.lines) > LINES  # than a page
        elif len(item.lines) >= 4:
            assert all(n >= 2 for n in shares)  # no orphan, no widow
        elif len(item.lines) <= LINES and not ends_a_run:
            assert len(shares) == 1  # too short to break, unless a kept run ends with it
    pictures = [(picture.png, page) for page in pages for picture in page.pictures]
    assert [png for png, _ in pictures] == [p.png for item in items for p in item.pictures]
    for png, page in pictures:  # on the page of its box's first line
        first = next(item.lines[0][0].text for item in items for p in item.pictures
                     if p.png == png)
        assert first in {ln[0].text for _, ln in page.lines}


def test_a_heading_forced_near_a_page_end_moves_to_the_next_page(registry):
    doc = document(paragraph(21), section(1, 1, "工作总结", paragraph(5)))
    pages = read_lines(pdf_bytes(doc, registry))
    assert pages[0][-2].text != "一、工作总结"  # [-1] is the page number
    assert pages[1][0].text == "一、工作总结"
    assert round(pages[1][0].row, 3) == 0


def test_a_body_paragraph_keeps_two_lines_at_each_end(registry):
    doc = document(paragraph(18), model.Paragraph("另起一段。"), paragraph(4))
    pages = read_lines(pdf_bytes(doc, registry))
    body = [[ln for ln in page if not ln.is_page_number] for page in pages]
    assert len(body[0]) == 21 and len(body[1]) == 2


def test_a_page_never_opens_with_the_attachment_list_before_a_signature(registry):
    """附件说明 and 落款 need seven lines where four are left: the text above them comes along
    (here the last item of a list of bare headings, which otherwise keeps with nothing), so the
    next page does not open with 附件：."""
    items = [section(2, n, f"第{n}项工作") for n in (1, 2, 3)]
    doc = document(paragraph(16), section(1, 1, "工作要求", *items),
                   model.Attachments(("值班安排表", "检查记录表")),
                   model.Signature(("柳州市图书馆",), "2026年2月3日"))
    pages = read_lines(pdf_bytes(doc, registry))
    second = [line.text for line in pages[1] if not line.is_page_number]
    assert second[0] == "（三）第3项工作"
    assert second[1].startswith("附件：1.值班安排表")
    assert second[-2:] == ["柳州市图书馆", "2026年2月3日"]
