"""Errors: one line, `error: FILE:LINE:COLUMN: FIELD: message (hint: …)`, and every error made
anywhere in reportgen passes a hint (the bad-input catalogue checks the lines themselves)."""

from __future__ import annotations

import ast
from pathlib import Path

from reportgen.errors import Diagnostic

SRC = Path(__file__).resolve().parents[1] / "src" / "reportgen"

# The calls that make an error, and the index of their hint among positional arguments.
HINT_AT = {"fail": None, "Diagnostic": 5, "usage_error": 1, "diagnostic": 2, "error": 2,
           "warn": 2, "report": 2, "TableError": 1, "SealError": 1, "SvgError": 1,
           "ExpressionError": 1}


def _hint_of(call: ast.Call, at: int | None) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "hint" or keyword.arg is None:  # hint=… or **where
            return keyword.value
    if at is not None and len(call.args) > at:
        return call.args[at]
    if any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[-1]
    return None


def _lacking_hints(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in HINT_AT or not node.args and not node.keywords:
            continue  # no message: a method of that name that makes no error (Walk.report())
        hint = _hint_of(node, HINT_AT[name])
        bare_guess = isinstance(hint, ast.Call) and getattr(hint.func, "id", "") == "did_you_mean"
        if hint is None or isinstance(hint, ast.Constant) and hint.value is None or bare_guess:
            found.append(f"{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_every_error_made_in_reportgen_passes_a_hint():
    lacking = []
    for path in sorted(SRC.rglob("*.py")):
        lacking += [f"{path.relative_to(SRC)}:{line}"
                    for line in _lacking_hints(path.read_text(encoding="utf-8"))]
    assert lacking == []


def test_the_check_finds_an_error_without_a_hint():
    assert _lacking_hints('raise fail("no", file=path)\nfail("yes", hint="h")\n') == [
        "1: fail('no', file=path)"]
    assert _lacking_hints("self.error(path, 'x')\nself.error(path, 'x', 'h')\n"
                          "self.error(path, 'x', did_you_mean(a, b))\n") == [
        "1: self.error(path, 'x')", "3: self.error(path, 'x', did_you_mean(a, b))"]


def test_an_error_reads_as_one_line_with_its_place_and_hint():
    diagnostic = Diagnostic("expected text", file=Path("report.yaml"), line=12, column=5,
                            field="body[2].title", hint="quote it")
    assert diagnostic.format() == \
        "error: report.yaml:12:5: body[2].title: expected text (hint: quote it)"
