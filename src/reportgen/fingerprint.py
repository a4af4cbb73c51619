"""DOCX fingerprints: each DOCX we write records a digest of its text part, so that a rebuild can
tell an editor's revised file from our own untouched output and refuse to overwrite it."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from enum import Enum
from pathlib import Path

PROPERTY = "reportgen-fingerprint"
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "custom-properties")
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_DIGESTED = ("word/document.xml", "word/numbering.xml", "word/styles.xml")


class State(Enum):
    """What is at an output path before we write there."""

    ABSENT = "absent"
    UNCHANGED = "unchanged"  # written by reportgen and not edited since
    EDITED = "edited"  # written by reportgen, then changed (or re-saved) by someone
    FOREIGN = "foreign"  # not written by reportgen (no fingerprint), or not a DOCX at all


def digest(parts: dict[str, bytes]) -> str:
    hasher = hashlib.sha256()
    for name in _DIGESTED:
        hasher.update(name.encode() + b"\0" + parts.get(name, b"") + b"\0")
    return "sha256:" + hasher.hexdigest()


def stamp(docx: bytes) -> bytes:
    """`docx` with a custom document property holding the digest of its content parts."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        infos = source.infolist()
    value = digest(parts)
    prop = (f'<property fmtid="{_FMTID}" pid="2" name="{PROPERTY}"><vt:lpwstr>{value}'
            f"</vt:lpwstr></property>")
    parts[_CUSTOM_PART] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{prop}</Properties>').encode()
    types = parts["[Content_Types].xml"].decode()
    if "/docProps/custom.xml" not in types:
        types = types.replace("</Types>", f'<Override PartName="/docProps/custom.xml" '
                                          f'ContentType="{_CUSTOM_TYPE}"/></Types>')
        parts["[Content_Types].xml"] = types.encode()
    rels = parts["_rels/.rels"].decode()
    if _CUSTOM_REL not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdReportgenCustom" '
                                                f'Type="{_CUSTOM_REL}" Target="docProps/'
                                                f'custom.xml"/></Relationships>')
        parts["_rels/.rels"] = rels.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [i.filename for i in infos]
        if _CUSTOM_PART not in names:
            names.append(_CUSTOM_PART)
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name])
    return out.getvalue()


def state_of(path: Path) -> State:
    """Whether `path` is absent, our untouched output, our output edited since, or foreign."""
    if not path.exists():
        return State.ABSENT
    try:
        with zipfile.ZipFile(path) as docx:
            parts = {name: docx.read(name) for name in _DIGESTED if name in docx.namelist()}
            custom = docx.read(_CUSTOM_PART).decode() if _CUSTOM_PART in docx.namelist() else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return State.FOREIGN
    found = re.search(rf'name="{PROPERTY}"><vt:lpwstr>([^<]+)<', custom)
    if not found:
        return State.FOREIGN
    return State.UNCHANGED if found.group(1) == digest(parts) else State.EDITED
