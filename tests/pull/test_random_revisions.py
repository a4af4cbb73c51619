"""Random revisions of random reports: a pull either carries the revision back, so that the
YAML then says what the DOCX says (a second pull finds nothing), or stops with a documented
error, writing nothing; never an internal error."""

from __future__ import annotations

import copy
import os
import shutil

import docx
import yaml
from docx.text.paragraph import Paragraph
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportgen.errors import EXIT_INTERNAL, ReportError
from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import built
from tests.test_properties import report as random_report
from tests.test_properties import text as random_text

STYLES = ["Normal", "Heading 1", "Heading 2", "Heading 3", "计划条目"]
operation = st.tuples(st.sampled_from(["reword", "delete", "duplicate", "restyle", "insert"]),
                      st.integers(0, 10_000), random_text, st.sampled_from(STYLES))


def revise(path, operations) -> None:
    document = docx.Document(str(path))
    known = {style.name for style in document.styles}
    for kind, pick, text, style in operations:
        style = style if style in known else "Normal"
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
    whole_or_nothing(path, report)


def whole_or_nothing(path, report) -> None:
    """Pull the revised DOCX at `path` into `report`: a documented error, or the YAML then
    says what the DOCX says (a second pull changes nothing)."""
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


OFFICIAL_STYLES = STYLES + ["份号", "密级和保密期限", "紧急程度", "发文机关标志", "出席名单",
                            "附件标识", "签名", "版记"]
official_operation = st.tuples(
    st.sampled_from(["reword", "delete", "duplicate", "restyle", "insert"]),
    st.integers(0, 10_000), random_text, st.sampled_from(OFFICIAL_STYLES))


@settings(max_examples=60 if os.environ.get("CI") else 15)
@given(st.sampled_from(sorted(DATA.glob("*.yaml"))),
       st.lists(official_operation, min_size=1, max_size=4))
# found by random draws: the attendance list restyled as body text (its 出席： label keeps its
# character style); a 份号 typed above a notice's label (a 版头 and a label together)
@example(DATA / "library-meeting-minutes.yaml",
         [("reword", 0, "一", "Normal"), ("restyle", 271, "一", "Normal")])
@example(DATA / "library-spring-festival-notice.yaml", [("insert", 0, "000012", "份号")])
def test_a_random_revision_of_an_official_example_comes_back_whole_or_not_at_all(
        tmp_path_factory, example, operations):
    """Any paragraph of the examples (版头, 签发人's line, attendance, 落款, attachment pages,
    版记) reworded, deleted, copied or restyled, the official styles among the styles."""
    folder = tmp_path_factory.mktemp("r")
    for path in DATA.iterdir():
        shutil.copy(path, folder / path.name)
    report = folder / example.name
    path = built(report, folder / "out")
    revise(path, operations)
    whole_or_nothing(path, report)
