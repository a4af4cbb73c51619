"""A report's texts as read: expressions, joined lines, dates, limits, forbidden characters and
half-width punctuation."""

import time

import pytest

from reportgen import model
from reportgen.errors import ReportError
from reportgen.reader.report import read_report


def report(write_yaml, body: str, head: str = "") -> model.Document:
    return read_report(write_yaml(f"title: 标题\n{head}body:\n{body}"))


def test_control_characters_are_reported_with_position(write_yaml):
    with pytest.raises(ReportError) as caught:
        report(write_yaml, '  - "前文\\x07后文"\n')
    message = str(caught.value)
    assert "U+0007" in message and "character 3" in message and "body[0]" in message


def test_half_width_punctuation_between_chinese_is_a_warning(write_yaml):
    warnings = []
    read_report(write_yaml("title: 标题\nbody:\n  - 上午,召开大会(第一次)。时间 9:00\n"),
                warnings=warnings)
    [warning] = warnings
    assert warning.message == ("half-width `,` `(` `)` in Chinese text at characters 3, 8, 12")
    assert warning.severity == "warning" and warning.line == 3
    assert "，（）" in warning.hint and "reportgen fix" in warning.hint


def test_expressions_render_and_undefined_names_are_located(write_yaml):
    document = report(write_yaml, "  - 接待{{ v | wan }}万人次\n", head="data:\n  v: 1920000\n")
    assert document.blocks[1].text == "接待192万人次"
    with pytest.raises(ReportError) as caught:
        report(write_yaml, "  - x\n  - 接待{{ visitors }}人\n")
    assert "report.yaml:4" in str(caught.value) and "body[1]" in str(caught.value)


def test_a_long_computed_decimal_is_a_located_warning_and_an_error_keeps_its_hint(write_yaml):
    warnings = []
    read_report(write_yaml("title: 标题\ndata:\n  v: 1920000\nbody:\n  - 日均{{ v / 365 }}人次\n"),
                warnings=warnings)
    [warning] = warnings
    assert warning.line == 5 and "decimal places" in warning.message and "round" in warning.hint
    with pytest.raises(ReportError) as caught:
        report(write_yaml, "  - 增幅{{ v / z }}\n", head="data:\n  v: 1\n  z: 0\n")
    assert "division by zero" in str(caught.value) and "divisor" in str(caught.value)


def test_multiline_text_joins_without_spaces_between_chinese(write_yaml):
    document = report(write_yaml, "  - |\n    第一行\n    第二行 and\n    English\n")
    assert document.blocks[1].text == "第一行第二行 and English"


def test_signature_dates_print_without_zero_padding(write_yaml):
    document = read_report(write_yaml(
        "template: handout\ntitle: t\naddressee: 各部门\nbody: [x]\n"
        "signature:\n  organisation: 某某馆\n  date: 2026-02-03\n"))
    signature = [b for b in document.blocks if isinstance(b, model.Signature)][0]
    assert signature.date == "2026年2月3日"
    addressee = [b for b in document.blocks if isinstance(b, model.Addressee)][0]
    assert addressee.text == "各部门："


def test_a_quoted_iso_date_prints_as_gb_t_9704_writes_dates(write_yaml):
    document = read_report(write_yaml(
        "template: notice\ntitle: t\nbody: [x]\nsignature:\n  organisation: 某某馆\n"
        "  date: \"2026-02-03\"\nimprint:\n  issued: \"2026-2-3\"\n"))
    signature = next(b for b in document.blocks if isinstance(b, model.Signature))
    imprint = next(b for b in document.blocks if isinstance(b, model.Imprint))
    assert signature.date == imprint.issued == "2026年2月3日"
    with pytest.raises(ReportError, match="not a valid date"):
        read_report(write_yaml("template: handout\ntitle: t\nbody: [x]\nsignature:\n"
                               "  organisation: 某某馆\n  date: \"2026-02-30\"\n"))


def test_one_text_longer_than_any_paragraph_stops_the_reading_at_once(write_yaml):
    path = write_yaml("title: 标题\nbody:\n  - 第一段。\n  - " + "长" * 100_001 + "\n")
    with pytest.raises(ReportError) as caught:
        read_report(path)
    assert "report.yaml:4:5: body[1]: this text has 100,001 characters; one text may have " \
           "at most 100,000" in str(caught.value)


def test_a_report_longer_than_the_budget_is_refused_where_it_passes_it(write_yaml):
    paragraph = "柳州市图书馆" * 10_000
    path = write_yaml("title: 标题\nbody:\n" + f"  - {paragraph}\n" * 20)
    with pytest.raises(ReportError) as caught:
        read_report(path)
    assert "body[16]: the report's texts pass 1,000,000 characters here" in str(caught.value)


def test_a_report_past_its_time_is_stopped_with_an_error(write_yaml):
    from reportgen.budget import Deadline

    path = write_yaml("title: 标题\nbody:\n  - 正文。\n")
    deadline = Deadline(0.001, file=path)
    time.sleep(0.01)
    with pytest.raises(ReportError) as caught:
        read_report(path, deadline=deadline)
    assert "report.yaml: building this report took longer than 0.001 s" in str(caught.value)


def test_the_cells_of_all_tables_together_are_bounded(write_yaml):
    rows = "".join(f"        - [{k}, {k}, {k}, {k}, {k}]\n" for k in range(5_001))
    table = "  - table:\n      header: [甲, 乙, 丙, 丁, 戊]\n      rows:\n" + rows
    with pytest.raises(ReportError) as caught:
        read_report(write_yaml("title: 标题\nbody:\n" + table + table))
    assert "50,000 cells in all tables" in str(caught.value)
    assert caught.value.diagnostics[0].line == 3 + 3 + 5_001 + 1  # the second table
