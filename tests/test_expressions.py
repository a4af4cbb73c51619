"""Text expressions: the filters Chinese reports need, and the sandbox."""

import datetime

import pytest

from reportgen.expressions import (
    THIN_SPACE,
    ExpressionError,
    Expressions,
    change,
    chinese,
    date_cn,
    growth,
    percent,
    thousands,
    wan,
    yi,
)


@pytest.mark.parametrize("now, before, text", [
    (531, 392, "+35.5%"), (392, 531, "-26.2%"), (100, 100, "0.0%"), (2, 1, "+100.0%"),
    (0, 5, "-100.0%"), (-5, -10, "+50.0%"), (1.0005, 1, "+0.1%"),
])
def test_growth_has_its_sign_and_rounds_half_up(now, before, text):
    assert growth(now, before) == text


@pytest.mark.parametrize("now, before, text", [
    (531, 392, "增长35.5%"), (392, 531, "下降26.2%"), (100, 100, "持平"), (1000, 999.99, "持平"),
])
def test_change_says_it_in_words(now, before, text):
    assert change(now, before) == text


def test_growth_from_zero_is_an_error():
    with pytest.raises(ExpressionError, match="previous value is 0"):
        growth(5, 0)


def test_growth_digits():
    assert growth(531, 392, 0) == "+35%"
    assert growth(531, 392, 2) == "+35.46%"


@pytest.mark.parametrize("value, text", [
    (1920000, "192"), (1590500, "159.05"), (556800, "55.68"), (5, "0"), (15000, "1.5"),
    (0, "0"), (-30000, "-3"),
])
def test_wan_drops_trailing_zeros(value, text):
    assert wan(value) == text


def test_yi_and_percent():
    assert yi(123400000) == "1.23"
    assert percent(0.355) == "35.5%"
    assert percent(0) == "0.0%"


@pytest.mark.parametrize("value, text", [
    (3274, f"3{THIN_SPACE}274"), (12345.6, f"12{THIN_SPACE}345.6"), (999, "999"),
    (-1234567, f"-1{THIN_SPACE}234{THIN_SPACE}567"), (0, "0"), ("46809", f"46{THIN_SPACE}809"),
])
def test_thousands_grouped_with_a_thin_space(value, text):
    assert thousands(value) == text


def test_chinese_numerals_and_dates():
    assert chinese(12) == "十二"
    with pytest.raises(ExpressionError):
        chinese(1.5)
    assert date_cn(datetime.date(2026, 1, 6)) == "2026年1月6日"
    assert date_cn("2026-02-03") == "2026年2月3日"
    with pytest.raises(ExpressionError):
        date_cn("yesterday")


@pytest.mark.parametrize("text", ["1 920 000", "1,920,000", "1.92e6", "1.92E+6"])
def test_a_figure_written_as_text_is_read_as_the_table_reads_it(text):
    assert wan(text) == "192"
    assert percent("−0.355") == "-35.5%"


def test_non_numbers_are_refused_with_the_filter_named():
    with pytest.raises(ExpressionError, match="wan needs a number"):
        wan("many")
    with pytest.raises(ExpressionError, match="wan needs a number"):
        wan("NaN")
    with pytest.raises(ExpressionError):
        wan(True)


def test_expressions_use_the_report_data():
    e = Expressions({"visitors": 1920000, "a": 531, "b": 392})
    assert e.render("接待读者{{ visitors | wan }}万人次") == "接待读者192万人次"
    assert e.render("增长{{ growth(a, b) }}") == "增长+35.5%"
    assert e.render("no expression {here}") == "no expression {here}"


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ a.__class__.__base__.__subclasses__() }}",
    "{{ growth.__globals__ }}",
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ self.__init__.__globals__ }}",
])
def test_reaching_python_internals_is_refused(attack):
    with pytest.raises(ExpressionError):
        Expressions({"a": 1}).render(attack)


def test_an_undefined_name_is_named():
    with pytest.raises(ExpressionError, match="`visitors` is not defined"):
        Expressions({}).render("{{ visitors }}")


def test_syntax_errors_are_reported_plainly():
    with pytest.raises(ExpressionError, match="expression syntax"):
        Expressions({}).render("{{ 1 + }}")


@pytest.mark.parametrize("greedy", [
    "{{ 'x' * 10**9 }}",
    "{{ [1] * 100000000 }}",
    "{{ 10 ** 100000 }}",
    "{{ 2 ** (10 ** 6) }}",
])
def test_expressions_that_would_eat_memory_or_time_are_refused(greedy):
    with pytest.raises(ExpressionError):
        Expressions({}).render(greedy)


def test_a_long_loop_is_stopped_by_the_time_limit():
    data = {"many": list(range(3000))}
    slow = "{% for a in many %}{% for b in many %}{% for c in many %}{% endfor %}{% endfor %}" \
           "{% endfor %}"
    with pytest.raises(ExpressionError, match="took longer"):
        Expressions(data).render(slow)


def test_ordinary_arithmetic_still_works():
    assert Expressions({"a": 3}).render("{{ a * 2 }} {{ -a }} {{ 2 ** 10 }} {{ 7 // a }} "
                                        "{{ 7 % a }} {{ a > 2 }} {{ '%.1f' % a }}") == \
        "6 -3 1024 2 1 True 3.0"


@pytest.mark.parametrize("text, shown", [
    ("合计{{ a + b }}万元", "合计3.3万元"),  # not 3.3000000000000003
    ("{{ 3.3 * 3 }}", "9.9"),
    ("{{ 6 / 2 }}", "3"),
    ("{{ (v / 365) | round(1) }}", "5260.3"),
    ("{{ v }}", "1920000"),
])
def test_computed_numbers_print_without_binary_noise(text, shown):
    expressions = Expressions({"a": 1.1, "b": 2.2, "v": 1920000})
    assert expressions.render(text) == shown
    assert expressions.take_notes() == []


def test_a_computed_number_with_many_decimals_prints_whole_with_a_note():
    expressions = Expressions({"v": 1920000})
    assert expressions.render("日均{{ v / 365 }}人次") == "日均5260.2739726人次"
    [(message, hint)] = expressions.take_notes()
    assert "7 decimal places" in message and "round(1)" in hint
    assert expressions.take_notes() == []


@pytest.mark.parametrize("text, message, hint", [
    ("{{ v / z }}", "division by zero", "divisor"),
    ("{{ n | wan }}", "too large or not a number", "1e400"),
    ("{{ n }}", "not a number a report can print", "1e400"),
    ("{{ growth(5, 0) }}", "previous value is 0", "in words"),
    ("{{ 'a' - 1 }}", "`-` needs numbers", "numbers"),
    ("{{ [1] - 1 }}", "cannot evaluate", "192万"),
    ("{{ missing }}", "missing", "`data:`"),
    ("{{ v | wan(", "expression syntax", "{{ name }}"),
])
def test_each_expression_error_has_its_own_hint(text, message, hint):
    expressions = Expressions({"v": 10, "z": 0, "n": float("inf")})
    with pytest.raises(ExpressionError) as caught:
        expressions.render(text)
    assert message in str(caught.value) and "decimal" not in str(caught.value)
    assert hint in caught.value.hint
