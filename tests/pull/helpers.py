"""Building a report's DOCX for pull tests, and editing it as an editor's program would."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

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


def edit_document(docx: Path, change) -> None:
    """Rewrite word/document.xml of `docx` with `change(xml_text) -> xml_text`."""
    data = parts(docx)
    data["word/document.xml"] = change(data["word/document.xml"].decode()).encode()
    docx.write_bytes(rezipped(data))


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
