"""The DOCX's paragraphs as report texts: typed numbers and the writer's decorations taken off."""

from __future__ import annotations

from reportgen.numbering import parse_style
from reportgen.pull.doc import Text
from reportgen.pull.revised import _attachments, bare_addressee, bare_note, strip_label


def test_typed_numbers_come_off_in_the_style_of_their_level():
    assert strip_label("三、加强管理", [parse_style("一、")]) == "加强管理"
    assert strip_label("（十二）加强管理", [parse_style("（一）")]) == "加强管理"
    assert strip_label("(2) 加强管理", [parse_style("（1）")]) == "加强管理"
    assert strip_label("3．加强管理", [parse_style("1.")]) == "加强管理"
    assert strip_label("05 加强管理", [parse_style("01")]) == "加强管理"
    assert strip_label("2.5万人次参与", [parse_style("1.")]) == "2.5万人次参与"
    assert strip_label("一带一路", [parse_style("一、")]) == "一带一路"
    assert strip_label("三、", [parse_style("一、")]) == "三、"  # nothing but a number
    assert strip_label("三、加强管理", [parse_style("1.")]) == "三、加强管理"


def test_the_attachment_list_loses_its_word_and_numbers():
    texts = [Text("attachments", "附件：1.甲表"), Text("attachments", "2．乙表（样表）")]
    _attachments(texts)
    assert [t.text for t in texts] == ["甲表", "乙表（样表）"]
    one = [Text("attachments", "附件: 2026年计划表")]
    _attachments(one)
    assert one[0].text == "2026年计划表"


def test_notes_and_addressees_lose_what_the_writer_adds():
    assert bare_note("（联系人：张三）") == "联系人：张三"
    assert bare_note("(联系人)") == "联系人"
    assert bare_note("联系人（张三）") == "联系人（张三）"
    assert bare_addressee("各部门：") == "各部门" and bare_addressee("各部门") == "各部门"


def test_the_imprint_lines_split_into_their_fields():
    from reportgen.pull import wordml
    from reportgen.pull.doc import Report
    from reportgen.pull.revised import _imprint

    report = Report()
    for n, line in enumerate(["抄送：市局，市支队。", "办公室\t2026年2月3日印发",
                              "办公室    2026年2月5日印发"]):
        _imprint(wordml.Para(n, None, pieces=[wordml.Piece(line)]), report, [])
    assert [t.text for t in report.fields["copies_to"]] == ["市局，市支队。"]
    assert [t.text for t in report.fields["issuer"]] == ["办公室", "办公室"]
    assert [t.text for t in report.fields["issued"]] == ["2026年2月3日", "2026年2月5日"]


def test_points_count_in_the_plan_open_at_their_list_level():
    from reportgen.pull.lists import Lists
    from reportgen.pull.revised import _Plans
    from reportgen.pull.wordml import Para

    def point(n: int, num: tuple[int, int] | None = None) -> Para:
        para = Para(n, "PlanItem")
        para.num = num
        return para

    # as built: each plan's first point restarts with an instance of its own, the rest count
    # by their style; a copy of a first point (Enter at its end) does not restart again
    lists = Lists({3: 1, 4: 1, 5: 1}, {(3, 0), (4, 1), (5, 0)})
    plans = _Plans(lists)
    got = [plans.plan_of(point(1, (3, 0)), 0), plans.plan_of(point(2, (3, 0)), 0),
           plans.plan_of(point(3, (4, 1)), 1), plans.plan_of(point(4), 1),
           plans.plan_of(point(5), 0), plans.plan_of(point(6), 2), plans.plan_of(point(7), 0),
           plans.plan_of(point(8, (5, 0)), 0)]
    assert got == [(1, 0), (1, 0), (2, 1), (2, 1), (1, 0), (3, 1), (1, 0), (4, 0)]
    # written before plan points had a style of their own: each plan a list definition
    older = _Plans(Lists({7: 6, 8: 7}))
    assert [older.plan_of(point(n, num), 0)[0] for n, num in
            enumerate([(7, 0), (7, 0), (8, 0), (8, 0)])] == [1, 1, 2, 2]
