"""Fingerprints: our own untouched DOCX and PDF are recognised; an edit to any part is not."""

import hashlib
import io
import os
import threading
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from reportgen.fingerprint import State, stamp, state_of
from reportgen.fingerprint.ooxml import PROPERTY


def plain_docx(text: str = "正文") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    document.sections[0].footer.paragraphs[0].text = "页脚"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_pdf(pages: int = 2, creator: str = "reportgen 0.1.0") -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setCreator(creator)
    for n in range(pages):
        canvas.drawString(100, 700, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def packed(contents: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in contents.items():
            package.writestr(name, data)
    return out.getvalue()


def at(tmp_path, data: bytes, name: str = "r.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return state_of(path)


def test_a_stamped_docx_is_ours_and_unchanged(tmp_path):
    assert at(tmp_path, stamp("docx", plain_docx())) is State.UNCHANGED
    assert docx.Document(str(tmp_path / "r.docx")).paragraphs[0].text == "正文"


def test_an_edit_in_word_is_noticed(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(stamp("docx", plain_docx()))
    edited = docx.Document(str(path))
    edited.paragraphs[0].text = "编辑改过的正文"
    edited.save(str(path))
    assert state_of(path) is State.EDITED


def test_an_edit_to_the_footer_alone_is_noticed(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(stamp("docx", plain_docx()))
    edited = docx.Document(str(path))
    edited.sections[0].footer.paragraphs[0].text = "改过的页脚"
    edited.save(str(path))
    assert state_of(path) is State.EDITED


def test_a_change_to_any_part_or_to_the_list_of_parts_is_noticed(tmp_path):
    stamped = parts(stamp("docx", plain_docx()))
    assert {"word/footer1.xml", "word/settings.xml", "docProps/core.xml"} <= set(stamped)
    for name, data in stamped.items():
        changed = dict(stamped, **{name: data + b"\n"})
        assert at(tmp_path, packed(changed)) is State.EDITED, name
    added = dict(stamped, **{"word/media/image1.png": b"\x89PNG"})
    assert at(tmp_path, packed(added)) is State.EDITED
    removed = {n: d for n, d in stamped.items() if n != "word/footer1.xml"}
    assert at(tmp_path, packed(removed)) is State.EDITED
    assert at(tmp_path, packed(stamped)) is State.UNCHANGED  # repacking alone changes nothing


def test_a_docx_of_an_earlier_version_is_told_apart_from_an_edited_one(tmp_path):
    contents = parts(plain_docx())
    hasher = hashlib.sha256()
    for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml"):
        hasher.update(name.encode() + b"\0" + contents.get(name, b"") + b"\0")
    contents["docProps/custom.xml"] = (
        f'<Properties><property name="{PROPERTY}"><vt:lpwstr>sha256:{hasher.hexdigest()}'
        "</vt:lpwstr></property></Properties>").encode()
    assert at(tmp_path, packed(contents)) is State.EARLIER
    contents["word/document.xml"] += b" "
    assert at(tmp_path, packed(contents)) is State.EDITED


def test_files_we_did_not_write_are_foreign(tmp_path):
    (tmp_path / "a.docx").write_bytes(plain_docx())
    (tmp_path / "b.docx").write_text("not a zip")
    (tmp_path / "c.docx").mkdir()
    assert state_of(tmp_path / "a.docx") is State.FOREIGN
    assert state_of(tmp_path / "b.docx") is State.FOREIGN
    assert state_of(tmp_path / "c.docx") is State.FOREIGN
    assert state_of(tmp_path / "missing.docx") is State.ABSENT


def test_stamping_is_deterministic_and_keeps_every_part():
    original = plain_docx()
    once, twice = stamp("docx", original), stamp("docx", original)
    assert once == twice
    names = set(parts(once))
    assert set(parts(original)) < names
    assert "docProps/custom.xml" in names


def test_a_stamped_pdf_is_ours_and_its_identifier_is_a_digest_of_the_file(tmp_path):
    data = stamp("pdf", plain_pdf())
    assert at(tmp_path, data, "r.pdf") is State.UNCHANGED
    identifier = PdfReader(io.BytesIO(data)).trailer["/ID"]
    assert len(identifier[0]) == 32 and identifier[0] == identifier[1]
    assert len(PdfReader(io.BytesIO(data)).pages) == 2


def test_any_edit_of_a_pdf_is_noticed(tmp_path):
    data = stamp("pdf", plain_pdf())
    appended = data + (b"5 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] >>\nendobj\n"
                       b"trailer\n<< /Size 6 /Prev 0 >>\n%%EOF\n")  # an incremental update
    assert at(tmp_path, appended, "r.pdf") is State.EDITED
    middle = len(data) // 3
    one_byte = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:]
    assert at(tmp_path, one_byte, "r.pdf") is State.EDITED
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.remove_page(0)  # another tool deletes a page: it rewrites the file, keeping /ID
    rewritten = io.BytesIO()
    writer.write(rewritten)
    assert at(tmp_path, rewritten.getvalue(), "r.pdf") is State.EDITED


def test_a_pdf_is_ours_by_its_fingerprint_not_by_a_word_near_its_start(tmp_path):
    foreign = plain_pdf(creator="Someone Else").replace(b"%PDF-1.4", b"%PDF-1.4\n%reportgen", 1)
    assert at(tmp_path, foreign, "r.pdf") is State.FOREIGN
    assert at(tmp_path, b"%PDF-1.4 /Creator (reportgen 0.1.0)", "r.pdf") is State.EARLIER
    assert at(tmp_path, plain_pdf(), "r.pdf") is State.EARLIER  # ours, before fingerprints


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_an_output_path_is_foreign_and_never_waited_on(tmp_path):
    os.mkfifo(tmp_path / "r.pdf")
    found = []
    reader = threading.Thread(target=lambda: found.append(state_of(tmp_path / "r.pdf")),
                              daemon=True)
    reader.start()
    reader.join(10)
    assert found == [State.FOREIGN]


def test_a_docx_records_where_it_comes_from_and_a_pull(tmp_path):
    from reportgen.fingerprint import SOURCE, SOURCE_DIGEST, properties, record_pull
    from reportgen.fingerprint.ooxml import PULLED

    path = tmp_path / "r.docx"
    path.write_bytes(stamp("docx", plain_docx(), {SOURCE: "../报告.yaml"}))
    assert state_of(path) is State.UNCHANGED and properties(path)[SOURCE] == "../报告.yaml"
    edited = docx.Document(str(path))
    edited.paragraphs[0].text = "编辑改过的正文"
    edited.save(str(path))
    with zipfile.ZipFile(path) as package:  # WPS keeps a property of its own there
        contents = {name: package.read(name) for name in package.namelist()}
    contents["docProps/custom.xml"] = contents["docProps/custom.xml"].replace(
        b"</Properties>", b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" '
        b'name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0</vt:lpwstr></property></Properties>')
    path.write_bytes(packed(contents))
    assert state_of(path) is State.EDITED
    record_pull(path, {SOURCE_DIGEST: "sha256:1"}, complete=False)
    assert state_of(path) is State.EDITED and PULLED not in properties(path)
    record_pull(path, {SOURCE_DIGEST: "sha256:2"})
    found = properties(path)
    assert state_of(path) is State.PULLED
    assert found[SOURCE_DIGEST] == "sha256:2" and found["KSOProductBuildVer"] == "2052-12.1.0"
    assert found[SOURCE] == "../报告.yaml"
    assert docx.Document(str(path)).paragraphs[0].text == "编辑改过的正文"
    again = docx.Document(str(path))
    again.paragraphs[0].text = "又改了"
    again.save(str(path))
    assert state_of(path) is State.EDITED  # edited after the pull
