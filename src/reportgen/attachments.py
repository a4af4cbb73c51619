"""What a PDF/A-3 carries inside: the report's sources (YAML, CSV, XLSX) and its DOCX."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import EXIT_IO, fail
from reportgen.model import Document
from reportgen.writers.options import Attachment

MIME_TYPES = {
    ".yaml": "application/yaml",  # RFC 9512
    ".yml": "application/yaml",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_KINDS = {".yaml": "报告源文件", ".yml": "报告源文件", ".csv": "表格数据", ".xlsx": "表格数据"}


def attachments(document: Document, docx: bytes, name: str,
                report: bytes | None = None) -> tuple[Attachment, ...]:
    """Each source file of `document` as a `Source`, then `docx` as its `Alternative`, both
    named as the build names its outputs (`name`.docx). `report` is the report's own bytes when
    they cannot be read again from its file (standard input); it is then `name`.yaml."""
    found = []
    for index, path in enumerate(document.sources):
        if index == 0 and report is not None:
            path, data = Path(f"{name}.yaml"), report
        else:
            data = _read(path)
        suffix = path.suffix.lower()
        found.append(Attachment(path.name, data, mime_type(path), "Source",
                                f"{_KINDS.get(suffix, '源文件')}（{suffix[1:].upper()}）"))
    found.append(Attachment(f"{name}.docx", docx, MIME_TYPES[".docx"], "Alternative",
                            "可编辑版本（DOCX）"))
    return tuple(found)


def mime_type(path: Path) -> str:
    """The MIME type of a file by its name; application/octet-stream when unknown."""
    return MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read it to attach to the PDF/A-3: {exc.strerror}", file=path,
                   exit_code=EXIT_IO, hint="--pdfa=3u needs the report and its table files "
                                           "as files; --pdfa (2u) does not") from None
