"""Near misses among names: the hint a misspelt field, setting or kind gets."""

from reportgen.suggest import did_you_mean


def test_a_near_miss_is_named_with_its_backquotes():
    assert did_you_mean("titel", ["title", "body", "signature"]) == "did you mean `title`?"


def test_a_word_near_nothing_gets_no_hint():
    assert did_you_mean("quarterly", ["title", "body", "signature"]) is None


def test_choices_that_are_not_text_are_compared_as_written():
    assert did_you_mean(2025, [2026, "annual-report"]) == "did you mean `2026`?"
