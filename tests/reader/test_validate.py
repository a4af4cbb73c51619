"""Validation: all problems at once, each located, with hints a user can act on."""

import pytest

from reportgen.errors import ReportError
from reportgen.reader.report import read_report


def errors_of(write_yaml, text):
    with pytest.raises(ReportError) as caught:
        read_report(write_yaml(text))
    return [d.format() for d in caught.value.diagnostics]


def test_a_misspelt_field_gets_did_you_mean(write_yaml):
    (line,) = errors_of(write_yaml, "titel: 标题\nbody: [段落]\ntitle: 标题\n")
    assert "report.yaml:1:1" in line and "unknown field `titel`" in line
    assert "did you mean `title`?" in line


def test_all_errors_of_a_file_come_in_one_run(write_yaml):
    lines = errors_of(write_yaml, "\n".join([
        "title: 标题",
        "body:",
        "  - section: 一",
        "    bdy: [x]",
        "  - plan: 计划",
        "  - tabel: {}",
        "metadata:",
        "  date: [1]",
    ]) + "\n")
    assert len(lines) == 4
    assert any(":4:" in line and "`bdy`" in line and "`body`" in line for line in lines)
    assert any(":5:" in line and "body[1].plan" in line and "a list" in line for line in lines)
    assert any(":6:" in line and "`tabel`" in line and "`table`" in line for line in lines)
    assert any(":8:" in line and "metadata.date" in line for line in lines)


def test_missing_required_fields_are_named(write_yaml):
    lines = errors_of(write_yaml, "format: 1\n")
    assert any("`title` is missing" in line for line in lines)
    assert any("`body` is missing" in line for line in lines)


def test_a_colon_in_a_paragraph_gets_a_hint(write_yaml):
    lines = errors_of(write_yaml, "title: 标题\nbody:\n  - 供稿: 业务推广部\n")
    assert "report.yaml:3" in lines[0] and "full-width colon" in lines[0]


def test_a_number_where_text_is_expected_gets_quoting_hint(write_yaml):
    (line,) = errors_of(write_yaml, "title: 2026\nbody: [x]\n")
    assert "expected text" in line and "quote" in line


def test_a_block_with_two_kinds_is_refused(write_yaml):
    (line,) = errors_of(write_yaml, "title: t\nbody:\n  - section: a\n    plan: [b]\n")
    assert "only one of" in line


@pytest.mark.parametrize("field, written, hint", [
    ("signature", "{organisation: 某局, date: 20260131}",
     "write it as 2026-01-31 or 2026年1月31日"),
    ("imprint", "{issued: 20260201}", "write it as 2026-02-01 or 2026年2月1日"),
    ("metadata", "{date: 20260131}", "write it as 2026-01-31 or 2026年1月31日"),
    ("metadata", "{date: '20260131'}", "write it as 2026-01-31 or 2026年1月31日"),
    ("signature", "{organisation: 某局, date: 20261301}", "write the date as 2026-01-15 or "),
    ("signature", "{organisation: 某局, date: 2026.5}", "write the date as 2026-01-15 or "),
])
def test_a_number_where_a_date_is_expected_gets_the_date_it_may_mean(write_yaml, field, written,
                                                                     hint):
    text = f"template: notice\ntitle: 标题\nbody: [x]\n{field}: {written}\n"
    (line,) = errors_of(write_yaml, text)
    assert f"(hint: {hint}" in line and "quote" not in line
