"""Building a report's DOCX for pull tests, and editing it as an editor's program would."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.table import Table as DocxTable
from lxml import etree

from reportgen.build import BuildSettings, build, font_registry, render
from reportgen.fingerprint.ooxml import PROPERTY
from reportgen.pull.styles import Styles
from reportgen.pull.wordml import Body
from reportgen.pull.wordread import read_body
from reportgen.reader.report import read_report
from reportgen.writers.options import WriteOptions


def built(report: Path, out: Path) -> Path:
    """Build `report`'s DOCX into folder `out` as `reportgen build` does; its path."""
    settings = BuildSettings(out_dir=out, formats=("docx",), parallel_formats=False)
    result = build(report, settings)
    return result.outputs[0]


def docx_bytes(report: Path) -> bytes:
    """The DOCX of `report`, rendered in memory (stamped, without a source)."""
    options = WriteOptions(fonts=font_registry(()), reproducible=True)
    return render("docx", read_report(report), options)


def parts(docx: Path | bytes) -> dict[str, bytes]:
    source = io.BytesIO(docx) if isinstance(docx, bytes) else docx
    with zipfile.ZipFile(source) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def rezipped(data: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in data.items():
            zf.writestr(name, blob)
    return out.getvalue()


def touched(docx: Path) -> None:
    """Mark the DOCX at `docx` as edited without changing its text: its fingerprint no longer
    matches, so pull reads it through (as after an editor's save)."""
    data = parts(docx)
    custom = data["docProps/custom.xml"].decode()
    data["docProps/custom.xml"] = re.sub(rf'(name="{PROPERTY}"><vt:lpwstr>)', r"\g<1>0",
                                         custom, count=1).encode()
    docx.write_bytes(rezipped(data))


def edit_document(docx: Path, change, part: str = "word/document.xml") -> None:
    """Rewrite `part` (word/document.xml) of `docx` with `change(xml_text) -> xml_text`."""
    data = parts(docx)
    data[part] = change(data[part].decode()).encode()
    docx.write_bytes(rezipped(data))


LETTERHEAD = "word/header1.xml"
"""The part a letter's letterhead (its mark) stands in: the first page's header."""

_RUN = re.compile(r"<w:r(?: [^>]*)?>((?:(?!</w:r>).)*?)<w:t(?: [^>]*)?>([^<]*)</w:t></w:r>",
                  re.S)


def retyped(old: str, new: str, nth: int = 1):
    """A change for edit_document: in the `nth` run whose text holds `old`, `old` retyped as
    `new` the way Word and WPS save an edit: the run split where the typing was (each piece
    with its own copy of the run's properties and revision ids), spelling marks and Word's
    _GoBack bookmark between the pieces. Fails the test where no such run is."""
    def change(xml: str) -> str:
        found = [m for m in _RUN.finditer(xml) if old in m.group(2)]
        if len(found) < nth:
            raise AssertionError(f"no run holds 「{old}」")
        run = found[nth - 1]
        props, text = run.group(1), run.group(2)
        before, _, after = text.partition(old)
        half = max(1, len(new) // 2)

        def piece(part: str, rsid: str) -> str:
            return (f'<w:r w:rsidR="{rsid}" w:rsidRPr="{rsid}">{props}<w:t xml:space='
                    f'"preserve">{part}</w:t></w:r>') if part else ""

        typed = (piece(before, "00A12B34") + '<w:proofErr w:type="spellStart"/>'
                 + piece(new[:half], "00C56D78") + '<w:bookmarkStart w:id="901" '
                 'w:name="_GoBack"/><w:bookmarkEnd w:id="901"/>' + piece(new[half:], "00C56D78")
                 + '<w:proofErr w:type="spellEnd"/>' + piece(after, "00A12B34"))
        return xml[:run.start()] + typed + xml[run.end():]

    return change


def split_runs(xml: str) -> str:
    """`xml` with every run of two characters or more split in the middle as Word saves runs
    it has seen edited: revision ids on each half, a spelling mark around them."""
    def split(run: re.Match) -> str:
        props, text = run.group(1), run.group(2)
        if len(text) < 2:
            return run.group(0)
        half = len(text) // 2
        return ('<w:proofErr w:type="spellStart"/>' + "".join(
            f'<w:r w:rsidR="00B{n}C2D3E" w:rsidRPr="00B{n}C2D3E">{props}<w:t xml:space='
            f'"preserve">{part}</w:t></w:r>' for n, part in enumerate((text[:half],
                                                                         text[half:])))
            + '<w:proofErr w:type="spellEnd"/>')

    return _RUN.sub(split, xml)


def texts(path: Path) -> list[str]:
    """What a reader of the DOCX at `path` sees, as python-docx reads it: the first page's
    header (a letter's mark), then paragraph by paragraph, a table's cells row by row."""
    document = docx.Document(str(path))
    section = document.sections[0]
    header = section.first_page_header.paragraphs \
        if section.different_first_page_header_footer else []
    seen = [p.text for p in header if p.text]
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            seen += [" | ".join(cell.text for cell in row.cells) for row in block.rows]
        elif block.text:
            seen.append(block.text)
    return seen


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLES = f"""<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
  <w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr>
</w:style></w:styles>"""


def body_of(xml: str) -> Body:
    """The body `xml` (the children of `w:body`) read by pull, with a Normal, a heading 1 and
    a Strong style."""
    root = etree.fromstring(f'<w:document xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats'
                            f'.org/markup-compatibility/2006"><w:body>{xml}</w:body>'
                            '</w:document>')
    return read_body(root, Styles.parse(_STYLES.encode()))
