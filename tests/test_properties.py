"""Property-based tests: random reports either build, with every character in both outputs,
or fail with a documented ReportError; nothing else ever comes out.

In CI (`CI` set) each property runs 500 examples; locally 60, to keep the loop short.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections import Counter

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reportgen import model
from reportgen.build import font_registry, render
from reportgen.errors import ReportError
from reportgen.model import block_texts
from reportgen.reader.report import read_report
from reportgen.writers.options import WriteOptions

EXAMPLES = 500 if os.environ.get("CI") else 60
settings.register_profile("reportgen", deadline=None, max_examples=EXAMPLES,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.function_scoped_fixture])
settings.load_profile("reportgen")

COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
)
RARE = "𫖯䶮㮾堃喆燊𠀀𠮷𡈽𪚥𬌗"
LATIN = ["AI", "V2.3", "12.8TB", "0772-2822404", "office@example.org", "9:00—17:00",
         "GB/T 9704—2012", "3 274人", "+33.3%", "https://example.org/a/b", "Word", "WPS"]
MARKS = list("，。、；：？！（）《》“”‘’——……·") + list(",.;:?!()")

piece = st.one_of(
    st.text(alphabet=COMMON, min_size=1, max_size=30),
    st.text(alphabet=RARE, min_size=1, max_size=3),
    st.sampled_from(LATIN),
    st.sampled_from(MARKS),
    st.just(" "),
)
text = st.lists(piece, min_size=1, max_size=25).map("".join).filter(lambda t: t.strip())


def blocks(depth: int):
    """A block of a body at `depth` (plans in a plan point's body too)."""
    paragraph = text
    point = st.one_of(text, st.fixed_dictionaries(
        {"point": text},
        optional={"text": text,  # its sections take the level after the point's, (1) under 1.
                  "body": st.deferred(lambda: st.lists(blocks(depth + 2), max_size=3))}))
    plan = st.fixed_dictionaries({"plan": st.lists(point, min_size=1, max_size=13)})
    def table_of(n: int):
        cell = st.one_of(text, st.integers(0, 10**7), st.none(), st.just(""),
                         st.sampled_from(LATIN))
        return st.fixed_dictionaries({"table": st.fixed_dictionaries({
            "header": st.lists(text, min_size=n, max_size=n),
            "rows": st.lists(st.lists(cell, min_size=n, max_size=n), max_size=4)})})

    table = st.integers(1, 4).flatmap(table_of)
    options = [paragraph, plan, table]
    if depth < 6:  # 6 levels is one past the numbering: a documented error
        options.append(st.fixed_dictionaries(
            {"section": text},
            optional={"body": st.deferred(lambda: st.lists(blocks(depth + 1), max_size=3)),
                      "text": text}))
    return st.one_of(*options)


title = st.one_of(text, st.lists(text, min_size=1, max_size=3))
body = st.lists(blocks(1), min_size=1, max_size=6)
annual_report = st.fixed_dictionaries(
    {"title": title, "body": body},
    optional={"preamble": st.lists(text, min_size=1, max_size=2),
              "closing": st.lists(text, min_size=1, max_size=2)})
handout_fields = {
    "label": text, "addressee": text, "attachments": st.lists(text, min_size=1, max_size=4),
    "signature": st.fixed_dictionaries({"organisation": st.one_of(text, st.lists(
        text, min_size=1, max_size=3)), "date": st.dates().map(str)}),
    "note": text,
}
handout = st.fixed_dictionaries({"template": st.just("handout"), "title": title, "body": body},
                                optional=handout_fields)
notice = st.fixed_dictionaries(
    {"template": st.just("notice"), "title": title, "body": body},
    optional={**handout_fields, "doc_number": text,
              "imprint": st.fixed_dictionaries({}, optional={
                  "copies_to": text, "issuer": text, "issued": st.dates().map(str)})})
report = st.one_of(annual_report, handout, notice)


def visible(texts) -> str:
    return "".join(ch for t in texts for ch in t if not ch.isspace())


def in_order(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    import re

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@given(report)
def test_random_reports_build_with_every_character_or_fail_as_documented(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("r") / "report.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        document = read_report(path)
    except ReportError as exc:
        assert exc.diagnostics and all(d.file == path for d in exc.diagnostics)
        event(f"documented error: {exc.diagnostics[0].message.split(';')[0][:40]}")
        return
    event("built")
    options = WriteOptions(fonts=font_registry(()), reproducible=True)
    flowing, unnumbered, cells = [], [], []
    for block in document.walk():
        texts = list(block_texts(block))
        if isinstance(block, model.Table):
            cells.extend(texts)  # cells wrap side by side: compare them as a multiset
            continue
        flowing.extend(texts)
        # DOCX numbers are live numbering, not text: the label is left out there.
        numbered = isinstance(block, (model.Section, model.PlanItem))
        unnumbered.extend(texts[1:] if numbered else texts)
    pdf = visible([pdf_text(render("pdf", document, options))])
    assert in_order(visible(flowing), pdf), "PDF lost or reordered characters"
    assert not Counter(visible(flowing + cells)) - Counter(pdf), "PDF lost table characters"
    docx = visible([docx_text(render("docx", document, options))])
    assert in_order(visible(unnumbered), docx), "DOCX lost or reordered characters"
    assert not Counter(visible(unnumbered + cells)) - Counter(docx), "DOCX lost table text"
