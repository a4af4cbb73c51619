"""Work in a forked child: results and exceptions come back; the two-format build is the same."""

import os

import pytest

from reportgen import forked
from reportgen.build import font_registry, render_all
from reportgen.errors import ReportError, fail
from reportgen.reader.report import read_report
from reportgen.writers.options import WriteOptions
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")


def test_a_child_returns_its_result():
    assert forked.Child(lambda: b"x" * 200_000).result() == b"x" * 200_000


def test_a_report_error_in_the_child_is_raised_in_the_parent_intact():
    def failing():
        raise fail("broken in the child", line=3)

    with pytest.raises(ReportError) as caught:
        forked.Child(failing).result()
    assert caught.value.diagnostics[0].message == "broken in the child"
    assert caught.value.diagnostics[0].line == 3


def test_an_unpicklable_exception_still_comes_back_as_an_error():
    class Local(Exception):
        pass

    def failing():
        raise Local("cannot be pickled: defined inside a function")

    with pytest.raises(RuntimeError, match="Local"):
        forked.Child(failing).result()


def test_parallel_and_sequential_builds_give_the_same_bytes():
    document = read_report(EXAMPLE)
    options = WriteOptions(fonts=font_registry(()), reproducible=True)
    both = render_all(("docx", "pdf"), document, options, parallel=True)
    one_by_one = render_all(("docx", "pdf"), document, options, parallel=False)
    assert both == one_by_one
