"""The time limit of a build holds in every stage: reading, and laying out in each writer."""

from __future__ import annotations

import time

import pytest

from reportgen.budget import Deadline
from reportgen.build import font_registry, render
from reportgen.errors import ReportError
from reportgen.reader.report import read_report
from reportgen.writers.options import WriteOptions
from tests.conftest import EXAMPLE


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_writer_stops_once_the_report_is_past_its_time(fmt):
    document = read_report(EXAMPLE)
    deadline = Deadline(0.001, file=EXAMPLE)
    time.sleep(0.01)
    options = WriteOptions(fonts=font_registry(()), deadline=deadline)
    with pytest.raises(ReportError) as caught:
        render(fmt, document, options)
    assert f"{EXAMPLE}: building this report took longer than 0.001 s" in str(caught.value)


def test_a_deadline_not_yet_passed_lets_the_work_through():
    Deadline(60).check()
    assert Deadline().seconds == 60
