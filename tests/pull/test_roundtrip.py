"""Build → pull with no edits leaves the YAML byte for byte: the examples, and random reports."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from hypothesis import given

from reportgen.errors import ReportError
from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import built, edit_document, parts, split_runs, touched
from tests.test_properties import report as random_report

EXAMPLES = sorted(DATA.glob("*.yaml"))


@pytest.fixture
def copied(tmp_path):
    """The examples of data/ copied to a folder of their own (with the CSV they read)."""
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_pulled_without_edits_stays_byte_for_byte(copied, example):
    report = copied / example.name
    docx = built(report, copied / "out")
    touched(docx)
    result = pull(docx)
    assert result.report.resolve() == report.resolve()
    assert not result.unedited and not result.changes and not result.losses
    assert result.after == result.before == report.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_whose_every_run_word_split_pulls_as_nothing(copied, example):
    """Runs split as Word saves them, in the body and in the first page's header (a letter's
    mark): the 版头, 签发人, attendance labels, seals and attachment pages read as built."""
    report = copied / example.name
    docx = built(report, copied / "out")
    for part in parts(docx):
        if re.fullmatch(r"word/(document|header\d+)\.xml", part):
            edit_document(docx, split_runs, part)
    result = pull(docx)
    assert not result.changes and not result.losses and not result.conflicts
    assert result.after == result.before


@given(random_report)
def test_a_random_report_pulled_without_edits_stays_byte_for_byte(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("r")
    report = folder / "report.yaml"
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        docx = built(report, folder / "out")
    except ReportError:
        return  # a documented error (tests/test_properties.py): nothing to pull
    touched(docx)
    result = pull(docx)
    assert not result.changes and not result.conflicts, result.changes or result.conflicts
    assert result.after == result.before
