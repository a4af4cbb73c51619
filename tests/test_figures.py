"""Figures written as text: one test of what a figure is, and the number it holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.figures import is_bare, is_figure, value


@pytest.mark.parametrize("text", ["2 318", "+1 204", "88.7%", "12.30", "—", "-3.5", "−0.2", "−3",
                                  "¥1,200", "3 156 560", "0", "…", "12.5万", "1e3", "1.5E-2",
                                  "2.5e+3", "−1.2e−3", " 12 "])
def test_figures_and_placeholders_are_figures(text):
    assert is_figure(text)


@pytest.mark.parametrize("text", ["融水苗族自治县", "2025年", "合计", "第1季度", "", "1.2.3",
                                  "A级", "e3", "1e3.5"])
def test_labels_and_dates_are_not_figures(text):
    assert not is_figure(text)


@pytest.mark.parametrize(("text", "bare"), [("12", True), ("-3.5", True), ("+5", True),
                                            ("12.30", True), ("1e3", True), ("1.5E-2", True),
                                            ("3 274", False), ("88.7%", False), ("−3", False),
                                            ("1,234", False), (".5", False), ("1e", False)])
def test_a_bare_number_is_one_yaml_writes_without_grouping_or_unit(text, bare):
    assert is_bare(text) is bare


@pytest.mark.parametrize(("text", "number"), [
    ("3 274", Decimal(3274)), ("1,234", Decimal(1234)), ("−3", Decimal(-3)),
    ("1e3", Decimal(1000)), ("1.5E-2", Decimal("0.015")), ("+1 204", Decimal(1204)),
    ("12.30", Decimal("12.30")), ("3\u2009274", Decimal(3274)), ("1_000", Decimal(1000)),
])
def test_the_number_a_figure_holds(text, number):
    assert value(text) == number


@pytest.mark.parametrize("text", ["88.7%", "192万", "Infinity", "NaN", "一千", "", "—"])
def test_a_text_with_a_unit_or_no_digits_holds_no_number(text):
    assert value(text) is None
