"""A report's document properties: their length, the title's, and the date in every form."""

import pytest

from reportgen import model
from reportgen.errors import ReportError
from reportgen.reader.report import read_report


def report(write_yaml, body: str, head: str = "") -> model.Document:
    return read_report(write_yaml(f"title: 标题\n{head}body:\n{body}"))


def test_document_properties_longer_than_word_holds_are_located(write_yaml):
    with pytest.raises(ReportError) as caught:
        read_report(write_yaml("title: 标题\nmetadata:\n  author: " + "作" * 300
                               + "\n  keywords: [" + ", ".join(["关键词"] * 90)
                               + "]\nbody: [正文]\n"))
    message = str(caught.value)
    assert "report.yaml:3:11: metadata.author: has 300 characters; a document property holds " \
           "at most 255" in message
    assert "metadata.keywords: has 448 characters" in message


def test_a_title_longer_than_a_property_is_printed_whole_and_cut_in_the_properties(
        write_yaml):
    document = read_report(write_yaml("title: " + "标" * 300 + "\nbody: [正文]\n"))
    assert document.blocks[0].text == "标" * 300
    assert document.metadata.title == "标" * 254 + "…"


@pytest.mark.parametrize("written, day", [
    ("2026-01-26", "2026-01-26"), ('"2026-01-26"', "2026-01-26"), ("2026-1-6", "2026-01-06"),
    ("2026年1月26日", "2026-01-26"), ("2026 年 1 月 6 日", "2026-01-06"),
    ("2026-01-26 10:30:00", "2026-01-26"),
])
def test_the_report_date_is_read_in_the_forms_dates_are_written(write_yaml, written, day):
    document = report(write_yaml, "  - 正文。\n", head=f"metadata:\n  date: {written}\n")
    assert document.metadata.date.isoformat() == day


@pytest.mark.parametrize("written, message", [
    ("明年", "`明年` is not a date"), ("2026年", "`2026年` is not a date"),
    ("26/01/2026", "`26/01/2026` is not a date"),
    ('"2026-02-30"', "`2026-02-30` is not a valid date: day is out of range for month"),
    ("2026年13月1日", "`2026年13月1日` is not a valid date: month must be in 1..12"),
])
def test_a_report_date_that_is_no_date_is_a_located_error(write_yaml, written, message):
    with pytest.raises(ReportError) as caught:
        report(write_yaml, "  - 正文。\n", head=f"metadata:\n  date: {written}\n")
    [problem] = caught.value.diagnostics
    assert (problem.line, problem.column, problem.field) == (3, 9, "metadata.date")
    assert problem.message == message
    assert "2026-01-15 or 2026年1月15日" in problem.hint
