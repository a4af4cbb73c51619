"""Operators compute with numbers only: a text in arithmetic or compared with a number is a
located error with the fix, never a figure that looks right."""

import pytest

from reportgen.errors import ReportError
from reportgen.expressions import ExpressionError, Expressions
from reportgen.reader.report import read_report

DATA = {"y": "3 274", "q": "1e3", "u": "192万", "s": "柳州", "z": "500", "n": 2}


@pytest.mark.parametrize("text, message", [
    ("{{ y * 2 }}", "`*` needs numbers, but got `y` in `data:`, the text \"3 274\""),
    ("{{ 2 * y }}", "`*` needs numbers"),
    ("{{ y + 1 }}", "`+` needs numbers"),
    ("{{ y + y }}", "`+` needs numbers"),
    ("{{ y - 1 }}", "`-` needs numbers"),
    ("{{ y / 2 }}", "`/` needs numbers"),
    ("{{ y // 2 }}", "`//` needs numbers"),
    ("{{ y % 2 }}", "`%` needs numbers"),
    ("{{ y ** 2 }}", "`**` needs numbers"),
    ("{{ -y }}", "a sign `-` needs a number"),
    ("{{ +y }}", "a sign `+` needs a number"),
    ("{{ y > 2 }}", "`>` compares a number with `y`"),
    ("{{ 3274 == y }}", "`==` compares a number with `y` in `data:`, the text \"3 274\", so "
                        "they are never equal"),
    ("{% if y != 3274 %}x{% endif %}", "`!=` compares a number"),
    ("{{ 1 < n < y }}", "`<` compares a number"),
    ("{{ y < z }}", "`<` compares `y` in `data:`, the text \"3 274\" with another text, "
                    "character by character"),
    ("{{ (y ~ '') * 2 }}", "`*` needs numbers, but got the text \"3 274\""),
])
def test_a_text_in_arithmetic_or_compared_with_a_number_is_an_error(text, message):
    with pytest.raises(ExpressionError) as caught:
        Expressions(DATA).render(text)
    assert message in str(caught.value)


@pytest.mark.parametrize("text, hint", [
    ("{{ y * 2 }}", "write it in `data:` as a bare number, `y: 3274`, and print it grouped "
                    "with `{{ y | thousands }}`"),
    ("{{ q * 2 }}", "`q: 1000`"),
    ("{{ u * 2 }}", "write the bare number in `data:` (`u: 1920000`) and the unit"),
    ("{{ s + s }}", "to join texts write ~"),
    ("{{ s * 2 }}", "arithmetic works on numbers"),
])
def test_the_hint_says_how_to_compute_with_what_was_written(text, hint):
    with pytest.raises(ExpressionError) as caught:
        Expressions(DATA).render(text)
    assert hint in caught.value.hint


@pytest.mark.parametrize("text, shown", [
    ("{{ n * 2 }} {{ -n }} {{ n ** 3 }} {{ 7 // n }} {{ 7 % n }}", "4 -2 8 3 1"),
    ("{{ '%.1f' % n }} {{ '%d%%' % n }}", "2.0 2%"),
    ("{{ s ~ s }} {{ s == '柳州' }} {{ s != y }} {{ s < '北' }}", "柳州柳州 True True False"),
    ("{{ n in [1, 2] }} {{ 'x' not in s }} {{ 1 < n <= 2 }}", "True True True"),
    ("{{ [1] * 2 + [3] }}", "[1, 1, 3]"),
    ("{{ (y | int) * 2 }} {{ q | float }} {{ s | int(0) }}", "6548 1000 0"),
])
def test_numbers_texts_and_lists_keep_their_own_operators(text, shown):
    assert Expressions(DATA).render(text) == shown


def test_int_and_float_of_a_text_that_is_no_number_are_errors_not_zero():
    for text in ("{{ s | int }}", "{{ u | float }}"):
        with pytest.raises(ExpressionError, match="needs a number"):
            Expressions(DATA).render(text)


def test_the_error_is_located_at_the_text_with_its_field(write_yaml):
    path = write_yaml('title: 测试\ndata:\n  y: "3 274"\nbody:\n'
                      '  - 甲。\n  - "y={{ y * 2 }}"\n')
    with pytest.raises(ReportError) as caught:
        read_report(path)
    [problem] = caught.value.diagnostics
    assert (problem.line, problem.column, problem.field) == (6, 5, "body[1]")
    assert "`*` needs numbers" in problem.message and "`y: 3274`" in problem.hint
