"""Reading the parts of an official document: the 版头 fields, seal files, attachments set in
full, attendance lists; each mistake a located error with a hint."""

import io

import pytest
from PIL import Image

from reportgen import model
from reportgen.errors import ReportError
from reportgen.reader.report import read_report
from tests.conftest import DATA

HEAD = "template: notice\ntitle: 通知\nbody: [正文。]\n"


def problems(path) -> list[str]:
    with pytest.raises(ReportError) as caught:
        read_report(path)
    return [d.format() for d in caught.value.diagnostics]


def test_the_masthead_fields_make_one_block_in_the_standards_order(write_yaml):
    document = read_report(write_yaml(
        HEAD + 'copy_number: "86"\nsecrecy: 秘密★6个月\nurgency: 特急\nmark: 柳州市图书馆文件\n'
               "doc_number: 柳图发〔2026〕5号\n"))
    (head,) = [b for b in document.blocks if isinstance(b, model.Masthead)]
    assert document.blocks[0] is head
    assert head.copy_number == "000086"  # 6 digits (GB/T 9704 7.2.1)
    assert head.mark == model.IssuerMark(("柳州市图书馆文件",))
    assert not any(isinstance(b, model.DocumentNumber) for b in document.blocks)


def test_a_bare_doc_number_stays_a_plain_doc_number(write_yaml):
    document = read_report(write_yaml(HEAD + "doc_number: 柳图发〔2026〕5号\n"))
    assert not any(isinstance(b, model.Masthead) for b in document.blocks)
    assert model.DocumentNumber("柳图发〔2026〕5号") in document.blocks


@pytest.mark.parametrize("fields, expected", [
    ("copy_number: 86\n", "expected text, found a number"),
    ('copy_number: "8a"\n', "份号 is up to 6 digits"),
    ("secrecy: 内部\n", "does not start with a 密级"),
    ("urgency: 特机\n", "is not one of 特急, 加急"),
    ("mark: 甲\nsigners: [张三]\n", "签发人 stand on the line of the 发文字号"),
    ("mark: 甲\nlabel: 馆内通知\n", "has no label above it"),
    ("mark:\n  organisations: []\n", "the list is empty"),
    ("signature:\n  organisation: [甲, 乙]\n  date: 2026-02-03\n  seal: a.png\n",
     "1 seals for 2 organisations"),
])
def test_a_mistake_in_the_head_is_located_with_a_hint(write_yaml, fields, expected):
    found = problems(write_yaml(HEAD + fields))
    assert any(expected in line and "report.yaml:" in line for line in found), found


def test_a_letters_imprint_has_no_issuer(write_yaml):
    found = problems(write_yaml(
        "template: letter\ntitle: 函\nbody: [正文。]\nimprint:\n  issuer: 办公室\n"))
    assert any("report.yaml:5:11: imprint.issuer" in line and "10.1" in line for line in found)


@pytest.mark.parametrize("content, expected", [
    (None, "seal image seal.png not found"),
    (b"\xff\xd8\xff\xe0JFIF", "is a JPEG image"),
    (b"plain text", "is not a PNG or SVG image"),
    (b"\x89PNG\r\n\x1a\nbroken", "is a damaged PNG"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><circle", "is not valid SVG"),
])
def test_an_unusable_seal_file_is_an_error_at_its_field(write_yaml, tmp_path, content, expected):
    if content is not None:
        (tmp_path / "seal.png").write_bytes(content)
    found = problems(write_yaml(HEAD + "signature:\n  organisation: 甲\n  date: 2026-02-03\n"
                                       "  seal: seal.png\n"))
    assert any("report.yaml:7:9: signature.seal" in line and expected in line
               for line in found), found


def _png(colour, size=(200, 200)) -> bytes:
    picture = Image.new("RGB", size, "white")
    for x in range(40, 160):
        for y in range(90, 110):
            picture.putpixel((x, y), colour)
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def test_a_scanned_seal_on_white_paper_gets_a_transparent_background(write_yaml, tmp_path):
    (tmp_path / "seal.png").write_bytes(_png((220, 20, 30)))
    warnings = []
    document = read_report(write_yaml(HEAD + "signature:\n  organisation: 甲\n"
                                             "  date: 2026-02-03\n  seal: seal.png\n"
                                             "  seal_mm: 40\n"), warnings=warnings)
    (signature,) = [b for b in document.blocks if isinstance(b, model.Signature)]
    (seal,) = signature.seals
    picture = Image.open(io.BytesIO(seal.png))
    assert picture.mode == "RGBA" and warnings == []
    assert picture.size == (120, 20)  # cropped to the ink
    assert seal.width_mm == pytest.approx(40)  # its larger side
    assert picture.getpixel((60, 10))[3] == 255


def test_a_seal_that_is_not_red_is_a_warning(write_yaml, tmp_path):
    (tmp_path / "seal.png").write_bytes(_png((40, 40, 40)))
    warnings = []
    read_report(write_yaml(HEAD + "signature:\n  organisation: 甲\n  date: 2026-02-03\n"
                                  "  seal: seal.png\n"), warnings=warnings)
    assert any("is not red" in d.format() and "signature.seal" in d.format() for d in warnings)


def test_an_svg_seal_keeps_its_own_size_and_source(write_yaml, tmp_path):
    svg = (DATA / "seal-liuzhou-library.svg").read_bytes()
    (tmp_path / "seal.svg").write_bytes(svg.replace(b'width="42mm" height="42mm"',
                                                    b'width="4cm" height="4cm"'))
    document = read_report(write_yaml(HEAD + "signature:\n  organisation: 甲\n"
                                             "  date: 2026-02-03\n  seal: seal.svg\n"))
    (seal,) = next(b for b in document.blocks if isinstance(b, model.Signature)).seals
    assert max(seal.width_mm, seal.height_mm) == pytest.approx(40)
    assert seal.svg is not None and seal.png.startswith(b"\x89PNG")


def test_attachments_with_a_body_become_pages_before_the_imprint(write_yaml):
    document = read_report(write_yaml(
        HEAD + "attachments:\n  - 名单\n  - title: 安排表\n    body:\n"
               "      - section: 甲\n        body: [乙。]\n"
               "imprint:\n  issuer: 办公室\n"))
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds[-2:] == ["AttachmentPage", "Imprint"]
    page = document.blocks[-2]
    assert (page.label, page.title) == ("附件2", "安排表")  # numbered as the 附件说明
    (section,) = page.blocks
    assert section.numbering.label == "一、" and section.numbering.list_id == "attachment-2"
    assert model.Attachments(("名单", "安排表")) in document.blocks


def test_attendance_lists_print_in_the_standards_order(write_yaml):
    document = read_report(write_yaml(
        "template: minutes\ntitle: 纪要\nbody: [正文。]\nattendance:\n  observers: 丙\n"
        "  present: [甲, 乙]\n"))
    found = [b for b in document.blocks if isinstance(b, model.Attendance)]
    assert found == [model.Attendance("出席", "甲、乙"), model.Attendance("列席", "丙")]
