"""DOCX fingerprints: our own untouched output is recognised; edits and foreign files are not."""

import io
import zipfile

import docx

from reportgen.fingerprint import State, stamp, state_of


def plain_docx(text: str = "正文") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_stamped_docx_is_ours_and_unchanged(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(stamp(plain_docx()))
    assert state_of(path) is State.UNCHANGED
    assert docx.Document(str(path)).paragraphs[0].text == "正文"


def test_an_edit_in_word_is_noticed(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(stamp(plain_docx()))
    edited = docx.Document(str(path))
    edited.paragraphs[0].text = "编辑改过的正文"
    edited.save(str(path))
    assert state_of(path) is State.EDITED


def test_files_we_did_not_write_are_foreign(tmp_path):
    (tmp_path / "a.docx").write_bytes(plain_docx())
    (tmp_path / "b.docx").write_text("not a zip")
    assert state_of(tmp_path / "a.docx") is State.FOREIGN
    assert state_of(tmp_path / "b.docx") is State.FOREIGN
    assert state_of(tmp_path / "missing.docx") is State.ABSENT


def test_stamping_is_deterministic_and_keeps_every_part():
    original = plain_docx()
    once, twice = stamp(original), stamp(original)
    assert once == twice
    names = set(zipfile.ZipFile(io.BytesIO(once)).namelist())
    assert set(zipfile.ZipFile(io.BytesIO(original)).namelist()) < names
    assert "docProps/custom.xml" in names
