"""`reportgen build --pdfa`: the example as PDF/A-2u and PDF/A-3u, checked clause by clause by the
independent checker, and the points of the issue asserted on what a reader of the file sees."""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportgen.cli import main
from tests.conftest import DATA, EXAMPLE
from tests.helpers.qpdf import QPDF
from tests.pdfa import Pdf, check_pdfa
from tests.pdfa.metadata import DC, PDFAID, read_properties

HANDOUT = DATA / "wenhuaguan-safety-handout.yaml"


def build(out: Path, *args) -> int:
    return main(["build", *map(str, args), "-o", str(out), "--reproducible"])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example and the handout built plain, as PDF/A-2u and as PDF/A-3u."""
    root = tmp_path_factory.mktemp("pdfa")
    for folder, options in (("plain", ()), ("2u", ("--pdfa",)), ("3u", ("--pdfa=3u",))):
        assert build(root / folder, EXAMPLE, HANDOUT, *options) == 0
    return root


def pdf_of(built: Path, folder: str, report: Path = EXAMPLE) -> bytes:
    return (built / folder / f"{report.stem}.pdf").read_bytes()


def test_the_example_as_pdfa_2u_passes_every_implemented_clause(built):
    for report in (EXAMPLE, HANDOUT):
        assert [str(v) for v in check_pdfa(pdf_of(built, "2u", report), 2, "U")] == []


def test_the_example_as_pdfa_3u_passes_every_implemented_clause(built):
    for report in (EXAMPLE, HANDOUT):
        assert [str(v) for v in check_pdfa(pdf_of(built, "3u", report), 3, "U")] == []


def test_a_plain_pdf_is_no_pdfa_but_keeps_to_the_file_structure_and_font_rules(built):
    clauses = {v.clause for v in check_pdfa(pdf_of(built, "plain"), 2, "U")}
    assert clauses == {"6.2.2", "6.6.2.1"}  # no output intent, no XMP; the rest holds


def test_xmp_claims_pdfa_2u_and_says_what_the_info_dictionary_says(built):
    pdf = Pdf(pdf_of(built, "2u"))
    properties, problems = read_properties(ET.fromstring(
        pdf.catalog["/Metadata"].get_object().get_data()))
    assert problems == []
    assert properties[PDFAID, "part"] == "2" and properties[PDFAID, "conformance"] == "U"
    info = pdf.info
    assert info["/Title"] == properties[DC, "title"]["x-default"] == \
        "柳州市图书馆2025年工作总结及2026年工作计划"
    assert [info["/Author"]] == properties[DC, "creator"] == ["柳州市图书馆"]
    assert info["/Subject"] == properties[DC, "description"]["x-default"]
    assert properties[DC, "subject"] == ["工作总结", "工作计划", "公共图书馆", "全民阅读"]
    # the dates are the report's metadata: date, in China time
    assert info["/CreationDate"] == info["/ModDate"] == "D:20260126000000+08'00'"
    assert "/Trapped" not in info


def test_the_pdfa_has_an_srgb_output_intent_an_id_and_its_language(built):
    pdf = Pdf(pdf_of(built, "2u"))
    (intent,) = [i.get_object() for i in pdf.catalog["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[16:20] == b"RGB "
    first, second = pdf.trailer["/ID"]
    # Both strings are reportgen's fingerprint, the SHA-256 of the file (fingerprint/pdf.py).
    assert first.original_bytes == second.original_bytes and len(first.original_bytes) == 32
    assert pdf.catalog["/Lang"] == "zh-CN"
    assert pdf.data.startswith(b"%PDF-1.7\n")


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_poppler_finds_every_font_embedded_with_a_unicode_map(built):
    listed = subprocess.run(["pdffonts", built / "2u" / f"{EXAMPLE.stem}.pdf"],
                            capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert len(listed) >= 4
    for line in listed:
        emb, sub, uni = line.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line


def test_the_pdfa_has_bookmarks_for_its_headings(built):
    reader = PdfReader(io.BytesIO(pdf_of(built, "2u")))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["一、2025年工作总结", "二、2026年工作计划"]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_pdfa_3u_carries_the_yaml_and_the_docx_as_associated_files(built):
    pdf = Pdf(pdf_of(built, "3u"))
    files = {}
    for ref in pdf.catalog["/AF"]:
        spec = ref.get_object()
        stream = spec["/EF"]["/F"].get_object()
        files[spec["/UF"]] = (spec["/AFRelationship"], stream["/Subtype"], stream.get_data())
    docx = (built / "3u" / f"{EXAMPLE.stem}.docx").read_bytes()
    assert files == {
        EXAMPLE.name: ("/Source", "/application/yaml", EXAMPLE.read_bytes()),
        f"{EXAMPLE.stem}.docx": (
            "/Alternative",
            "/application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
    }
    names = pdf.catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[::2] == sorted(files)


def test_pdfa_3u_also_carries_the_table_files_a_report_reads(built):
    pdf = Pdf(pdf_of(built, "3u", HANDOUT))
    specs = {ref.get_object()["/UF"]: ref.get_object() for ref in pdf.catalog["/AF"]}
    csv = specs["branch-visits-2025.csv"]
    assert csv["/AFRelationship"] == "/Source"
    stream = csv["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/text/csv"
    assert stream.get_data() == (DATA / "branch-visits-2025.csv").read_bytes()


def test_a_pdfa_build_is_reproducible(built, tmp_path):
    assert build(tmp_path, EXAMPLE, "--pdfa=3u") == 0
    assert (tmp_path / f"{EXAMPLE.stem}.pdf").read_bytes() == pdf_of(built, "3u")


def test_pdfa_3u_of_the_pdf_alone_still_attaches_the_docx(tmp_path):
    assert build(tmp_path, EXAMPLE, "--pdfa=3u", "--format", "pdf") == 0
    assert [p.name for p in tmp_path.iterdir()] == [f"{EXAMPLE.stem}.pdf"]
    reader = PdfReader(tmp_path / f"{EXAMPLE.stem}.pdf")
    assert sorted(reader.attachments) == [f"{EXAMPLE.stem}.docx", EXAMPLE.name]


def test_a_character_no_font_has_stops_a_pdfa_build_but_not_a_plain_one(write_yaml, tmp_path,
                                                                       capsys):
    # U+2B740 (Extension D) is in no bundled face: a plain PDF shows the .notdef box, which the
    # checker finds (6.2.11.8); a PDF/A build refuses, naming the place
    report = write_yaml("title: 标题\nbody:\n  - 罕见字\U0002B740在此。\n")
    assert build(tmp_path / "plain", report) == 0
    plain = (tmp_path / "plain" / "report.pdf").read_bytes()
    assert "6.2.11.8" in {v.clause for v in check_pdfa(plain, 2, "U")}
    capsys.readouterr()
    assert build(tmp_path / "pdfa", report, "--pdfa") == 1
    err = capsys.readouterr().err
    assert "report.yaml:3:5: body[0]: no font can draw \U0002B740 (U+2B740)" in err
    assert "PDF/A" in err and not (tmp_path / "pdfa").exists()


def test_characters_beyond_u_ffff_stay_searchable_in_a_pdfa(write_yaml, tmp_path):
    report = write_yaml("title: 标题\nbody:\n  - 赵孟𫖯书法，䶮、㮾。\n")
    assert build(tmp_path, report, "--pdfa") == 0
    data = (tmp_path / "report.pdf").read_bytes()
    assert check_pdfa(data, 2, "U") == []
    assert "赵孟𫖯书法，䶮、㮾。" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_a_bad_pdfa_level_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["build", str(EXAMPLE), "-o", str(tmp_path), "--pdfa=1b"])
    assert exited.value.code == 2
    assert "--pdfa" in capsys.readouterr().err


@pytest.mark.skipif(QPDF is None, reason="needs qpdf")
def test_qpdf_finds_no_fault_in_the_pdfa_files(built):
    for folder in ("2u", "3u"):
        for path in (built / folder).glob("*.pdf"):
            done = subprocess.run([QPDF, "--check", path], capture_output=True, text=True)
            assert done.returncode == 0, done.stdout + done.stderr


def test_pdfa_3u_of_a_report_from_standard_input_carries_that_text(tmp_path, monkeypatch):
    text = "title: 标题\nbody:\n  - 正文。\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["build", "-", "--name", "plan", "-o", str(tmp_path), "--pdfa=3u",
                 "--reproducible"]) == 0
    attached = PdfReader(tmp_path / "plan.pdf").attachments
    assert sorted(attached) == ["plan.docx", "plan.yaml"]
    assert attached["plan.yaml"] == [text.encode()]
    assert attached["plan.docx"] == [(tmp_path / "plan.docx").read_bytes()]
