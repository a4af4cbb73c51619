"""The PDF/A checker finds what it claims to: each clause's check, on a good PDF/A broken in
just that way (bytes changed in place, or objects changed with pypdf)."""

from __future__ import annotations

import io
import zlib

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

from reportgen.build import BuildSettings, build
from tests.conftest import EXAMPLE
from tests.helpers.qpdf import QPDF, qpdf_check
from tests.pdfa import Pdf, check_pdfa
from tests.pdfa.files import check_embedded_files
from tests.pdfa.fonts import check_fonts
from tests.pdfa.intents import check_output_intent
from tests.pdfa.metadata import check_metadata
from tests.pdfa.structure import check_structure


@pytest.fixture(scope="module")
def pdfa(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("checker")
    found = {}
    for level in ("2u", "3u"):
        build(EXAMPLE, BuildSettings(out_dir=out / level, formats=("pdf",), reproducible=True,
                                     pdfa=level, parallel_formats=False))
        found[level] = (out / level / f"{EXAMPLE.stem}.pdf").read_bytes()
    return found


def clauses(violations) -> set[str]:
    return {v.clause for v in violations}


def edited(data: bytes, change) -> bytes:
    """`data` rewritten by pypdf after `change(writer)` edited its objects."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def same_length(data: bytes, old: bytes, new: bytes, count: int = 1) -> bytes:
    assert len(old) == len(new) and old in data
    return data.replace(old, new, count)


def first_font(writer: PdfWriter) -> DictionaryObject:
    fonts = writer.pages[0]["/Resources"]["/Font"].get_object()
    return next(iter(fonts.values())).get_object()


def test_the_good_files_pass(pdfa):
    assert check_pdfa(pdfa["2u"], 2, "U") == []
    assert check_pdfa(pdfa["3u"], 3, "U") == []


# -- 6.1 file structure --------------------------------------------------------------------------
def test_6_1_2_header_needs_a_binary_comment(pdfa):
    data = same_length(pdfa["2u"], b"%PDF-1.7\n%\x93\x8c\x8b\x9e", b"%PDF-1.7\n%abcd")
    assert "6.1.2" in clauses(check_structure(Pdf(data)))


def test_6_1_3_trailer_needs_an_id_and_nothing_after_eof(pdfa):
    trailer = pdfa["2u"].rindex(b"trailer")
    data = pdfa["2u"][:trailer] + same_length(pdfa["2u"][trailer:], b"/ID", b"/XX")
    assert "6.1.3" in clauses(check_structure(Pdf(data)))
    assert "6.1.3" in clauses(check_structure(Pdf(pdfa["2u"] + b"junk")))


def test_6_1_4_xref_keyword_is_followed_by_an_eol(pdfa):
    data = pdfa["2u"]
    at = data.rindex(b"xref\n0 ")
    broken = data[:at] + b"xref 0 " + data[at + 7:]
    assert "6.1.4" in clauses(check_structure(Pdf(broken)))


def test_6_1_7_1_endstream_needs_an_eol_before_it(pdfa):
    data = same_length(pdfa["2u"], b"\nendstream\n", b"endstream\n\n", count=3)
    assert "6.1.7.1" in clauses(check_structure(Pdf(data)))


def test_reportlabs_own_streams_miss_the_eol_that_reportgen_adds(tmp_path):
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 72, "reportlab")
    canvas.save()
    assert "6.1.7.1" in clauses(check_structure(Pdf(out.getvalue())))


def test_6_1_7_2_lzw_is_forbidden(pdfa):
    pdf = Pdf(pdfa["2u"])
    intent = pdf.catalog["/OutputIntents"][0].get_object()
    number = intent.raw_get("/DestOutputProfile").idnum
    at = pdfa["2u"].index(b"\n%d 0 obj" % number)
    data = pdfa["2u"][:at] + same_length(pdfa["2u"][at:], b"/FlateDecode", b"/LZWDecode  ")
    assert "6.1.7.2" in clauses(check_structure(Pdf(data)))


def test_6_5_1_javascript_is_forbidden(pdfa):
    def add_script(writer):
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")})

    assert "6.5.1" in clauses(check_structure(Pdf(edited(pdfa["2u"], add_script))))


def test_6_2_10_transparency_is_reported(pdfa):
    def add_alpha(writer):
        resources = writer.pages[0]["/Resources"]
        resources[NameObject("/ExtGState")] = DictionaryObject({
            NameObject("/G0"): DictionaryObject({NameObject("/ca"): FloatObject(0.5)})})

    assert "6.2.10" in clauses(check_structure(Pdf(edited(pdfa["2u"], add_alpha))))


# -- 6.2.11 fonts --------------------------------------------------------------------------------
def test_6_2_11_4_1_fonts_must_be_embedded(pdfa):
    def unembed(writer):
        del first_font(writer)["/FontDescriptor"].get_object()["/FontFile2"]

    assert "6.2.11.4.1" in clauses(check_fonts(Pdf(edited(pdfa["2u"], unembed))))


def test_6_2_11_5_widths_must_match_the_font_program(pdfa):
    def widen(writer):
        font = first_font(writer)
        widths = font["/Widths"]
        for i in range(len(widths)):
            widths[i] = NumberObject(int(widths[i]) + 50)

    assert "6.2.11.5" in clauses(check_fonts(Pdf(edited(pdfa["2u"], widen))))


def test_6_2_11_6_a_symbolic_truetype_font_has_no_encoding(pdfa):
    def encode(writer):
        first_font(writer)[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")

    assert "6.2.11.6" in clauses(check_fonts(Pdf(edited(pdfa["2u"], encode))))


def test_6_2_11_7_2_level_u_needs_a_unicode_map(pdfa):
    def drop(writer):
        del first_font(writer)["/ToUnicode"]

    broken = Pdf(edited(pdfa["2u"], drop))
    assert "6.2.11.7.2" in clauses(check_fonts(broken, "U"))
    assert "6.2.11.7.2" not in clauses(check_fonts(broken, "B"))


def test_6_2_11_7_2_a_code_mapped_to_zero_is_reported(pdfa):
    def zero(writer):
        cmap = first_font(writer)["/ToUnicode"].get_object()
        text = cmap.get_data().decode("latin-1")
        stream = DecodedStreamObject()
        stream.set_data(text.replace("<20> <0020>", "<20> <0000>").encode("latin-1"))
        first_font(writer)[NameObject("/ToUnicode")] = writer._add_object(stream)

    assert "6.2.11.7.2" in clauses(check_fonts(Pdf(edited(pdfa["2u"], zero))))


# -- 6.2.2, 6.2.3 output intent ------------------------------------------------------------------
def test_6_2_2_an_output_intent_is_required(pdfa):
    def drop(writer):
        del writer._root_object["/OutputIntents"]

    assert clauses(check_output_intent(Pdf(edited(pdfa["2u"], drop)))) == {"6.2.2"}


def test_6_2_3_the_profile_matches_its_components(pdfa):
    def four(writer):
        intent = writer._root_object["/OutputIntents"][0].get_object()
        intent["/DestOutputProfile"].get_object()[NameObject("/N")] = NumberObject(4)

    assert "6.2.3" in clauses(check_output_intent(Pdf(edited(pdfa["2u"], four))))


# -- 6.6 metadata --------------------------------------------------------------------------------
def test_6_6_2_3_1_info_and_xmp_must_agree(pdfa):
    def retitle(writer):
        writer.add_metadata({"/Title": "另一个标题"})

    assert "6.6.2.3.1" in clauses(check_metadata(Pdf(edited(pdfa["2u"], retitle)), 2, "U"))


def replace_xmp(data: bytes, old: bytes, new: bytes, *, compress: bool = False) -> bytes:
    def change(writer):
        stream = writer._root_object["/Metadata"].get_object()
        xmp = stream.get_data().replace(old, new)
        if compress:
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
            xmp = zlib.compress(xmp)
        stream._data = xmp

    return edited(data, change)


def test_6_6_2_1_the_metadata_stream_is_not_filtered(pdfa):
    data = replace_xmp(pdfa["2u"], b"", b"", compress=True)
    assert "6.6.2.1" in clauses(check_metadata(Pdf(data), 2, "U"))


def test_6_6_2_3_1_xmp_must_be_well_formed(pdfa):
    data = replace_xmp(pdfa["2u"], b"</rdf:RDF>", b"</rdf:RDX>")
    assert "6.6.2.3.1" in clauses(check_metadata(Pdf(data), 2, "U"))


def test_6_6_2_3_1_value_types_of_dublin_core(pdfa):
    data = replace_xmp(pdfa["2u"], b"rdf:Seq", b"rdf:Bag")
    assert "6.6.2.3.1" in clauses(check_metadata(Pdf(data), 2, "U"))


def test_6_6_2_3_3_a_custom_property_needs_an_extension_schema(pdfa):
    data = replace_xmp(pdfa["2u"], b"<pdfaid:part>",
                       b'<rg:fingerprint xmlns:rg="urn:reportgen">x</rg:fingerprint>'
                       b"<pdfaid:part>")
    assert "6.6.2.3.3" in clauses(check_metadata(Pdf(data), 2, "U"))


def test_6_6_4_the_identification_names_the_part(pdfa):
    assert "6.6.4" in clauses(check_metadata(Pdf(pdfa["2u"]), 3, "U"))
    assert "6.6.4" in clauses(check_metadata(Pdf(pdfa["3u"]), 2, "U"))


# -- 6.8 embedded files --------------------------------------------------------------------------
def test_6_8_a_pdfa_2_embeds_no_other_files(pdfa):
    assert "6.8" in clauses(check_embedded_files(Pdf(pdfa["3u"]), 2))


def test_6_8_an_associated_file_needs_its_relationship_and_af(pdfa):
    def loosen(writer):
        writer._root_object[NameObject("/AF")] = ArrayObject(writer._root_object["/AF"][:1])
        spec = writer._root_object["/AF"][0].get_object()
        del spec["/AFRelationship"]

    found = [v.message for v in check_embedded_files(Pdf(edited(pdfa["3u"], loosen)), 3)]
    assert any("/AFRelationship" in m for m in found)
    assert any("in no /AF array" in m for m in found)


def test_6_8_the_checksum_is_the_md5_of_the_file(pdfa):
    def tamper(writer):
        spec = writer._root_object["/AF"][0].get_object()
        spec["/EF"]["/F"].get_object()["/Params"][NameObject("/Size")] = NumberObject(1)

    found = check_embedded_files(Pdf(edited(pdfa["3u"], tamper)), 3)
    assert any("/Size 1" in v.message for v in found)


# -- qpdf ----------------------------------------------------------------------------------------
@pytest.mark.skipif(QPDF is None, reason="needs qpdf")
def test_qpdf_check_fails_a_broken_pdf(pdfa):
    qpdf_check(pdfa["2u"])
    cut = pdfa["2u"][:len(pdfa["2u"]) // 2]
    with pytest.raises(AssertionError, match="qpdf --check failed"):
        qpdf_check(cut)


def test_every_pdf_the_writer_saves_in_the_tests_goes_through_qpdf():
    from reportgen.writers.pdf import writer

    assert writer.Canvas.__name__ == "CheckedCanvas"
