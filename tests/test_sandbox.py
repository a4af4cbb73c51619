"""Expressions cannot make huge values: each way of making one is refused before it is made."""

from __future__ import annotations

import pytest

from reportgen.expressions import ExpressionError, Expressions

DATA = {"s": "柳州" * 5_000, "items": ["讲座", "展览", "培训"], "n": 3}


@pytest.mark.parametrize("greedy", [
    "{{ 'x\ny' | indent(10**9) }}",
    "{{ 'x' | center(10**9) }}",
    "{{ '%1000000000s' | format('x') }}",
    "{{ '%.*f' | format(100000000, 1.5) }}",
    "{{ '%1000000000s' % 'x' }}",
    "{{ '{:>1000000000}'.format('x') }}",
    "{{ '{:>{w}}'.format('x', w=10**9) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{{ 'x'.zfill(10**9) }}",
    "{{ ('\t' * 10000).expandtabs(10**5) }}",
    "{{ s | replace('', s) }}",
    "{{ s.replace('柳', s) }}",
    "{{ (s | list) | join(s) }}",
    "{{ s.join(s | list) }}",
    "{{ items | batch(10**9, 'x') | list }}",
    "{{ s | wordwrap(1, wrapstring=s) }}",
    "{% set t = s %}" + "{% set t = t ~ t %}" * 20 + "{{ t | length }}",
    "{% set t = items %}" + "{% set t = t + t %}" * 20 + "{{ t | length }}",
    "{{ (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60)"
    " * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60)"
    " * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60)"
    " * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) * (10 ** 60) }}",
    "{% for a in s %}{{ s }}{% endfor %}",
    "{{ [s ~ 1, s ~ 2, s ~ 3, s ~ 4, s ~ 5, s ~ 6, s ~ 7, s ~ 8, s ~ 9, s ~ 10, s ~ 11] }}",
], ids=lambda text: text[:40])
def test_a_huge_value_is_refused_by_its_size_not_by_the_clock(greedy):
    with pytest.raises(ExpressionError) as caught:
        Expressions(DATA).render(greedy)
    assert "took longer" not in str(caught.value)


@pytest.mark.parametrize("deep", [
    "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "{{ 1" + " | abs" * 5000 + " }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
])
def test_deep_nesting_and_endless_recursion_are_refused_plainly(deep):
    with pytest.raises(ExpressionError, match="nested too deeply, calls itself without end"):
        Expressions({}).render(deep)


@pytest.mark.parametrize("text, shown", [
    ("{{ items | join('、') }}", "讲座、展览、培训"),
    ("{{ items | join('、') | replace('展览', '书展') }}", "讲座、书展、培训"),
    ("{{ '%05.1f' | format(3.14159) }}", "003.1"),
    ("{{ '{:>6}'.format(n) }}", "     3"),
    ("{{ 'ab' | center(6) }}", "  ab  "),
    ("{{ '、'.join(items) }}", "讲座、展览、培训"),
    ("{{ items | map('length') | sum }}", "6"),
    ("{% for x in items %}{{ loop.index }}.{{ x }}{% endfor %}", "1.讲座2.展览3.培训"),
    ("{{ (items * 20000) | length }}", "60000"),
])
def test_ordinary_text_work_still_works(text, shown):
    assert Expressions(DATA).render(text) == shown
