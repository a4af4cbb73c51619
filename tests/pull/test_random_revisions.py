"""Random revisions of random reports: a pull either carries the revision back, so that the
YAML then says what the DOCX says (a second pull finds nothing), or stops with a documented
error, writing nothing; never an internal error."""

from __future__ import annotations

import copy

import docx
import yaml
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st

from reportgen.errors import EXIT_INTERNAL, ReportError
from reportgen.pull.run import pull
from tests.pull.helpers import built
from tests.test_properties import report as random_report
from tests.test_properties import text as random_text

STYLES = ["Normal", "Heading 1", "Heading 2", "Heading 3", "计划条目"]
operation = st.tuples(st.sampled_from(["reword", "delete", "duplicate", "restyle", "insert"]),
                      st.integers(0, 10_000), random_text, st.sampled_from(STYLES))


def revise(path, operations) -> None:
    document = docx.Document(str(path))
    for kind, pick, text, style in operations:
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        if not paragraphs:
            return
        paragraph = paragraphs[pick % len(paragraphs)]
        if kind == "reword":
            runs = paragraph.runs
            runs[pick % len(runs)].text = text
        elif kind == "delete":
            paragraph._element.getparent().remove(paragraph._element)
        elif kind in ("duplicate", "insert"):
            new = copy.deepcopy(paragraph._element)
            paragraph._element.addnext(new)
            if kind == "insert":
                added = Paragraph(new, paragraph._parent)
                for run in added.runs[1:]:
                    run._element.getparent().remove(run._element)
                added.runs[0].text = text
                added.style = document.styles[style]
        else:
            paragraph.style = document.styles[style]
    document.save(str(path))


@given(random_report, st.lists(operation, min_size=1, max_size=4))
def test_a_random_revision_comes_back_whole_or_not_at_all(tmp_path_factory, data, operations):
    folder = tmp_path_factory.mktemp("r")
    report = folder / "report.yaml"
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        path = built(report, folder / "out")
    except ReportError:
        return
    revise(path, operations)
    try:
        result = pull(path, report, accept_revisions=True, prefer="docx")
    except ReportError as exc:
        assert exc.exit_code != EXIT_INTERNAL, exc
        assert "cannot be written into the YAML in place" in str(exc) or "would be empty" in \
            str(exc) or exc.diagnostics[0].file == report, exc
        return
    report.write_text(result.after, encoding="utf-8")
    again = pull(path, report, accept_revisions=True, prefer="docx")
    assert not again.changes, again.changes
    assert again.after == result.after
