"""DOCX fingerprints: a digest of every part of the package, kept in a custom document property.

The digest covers each part's name and bytes (the property's own value counted as zeros), so
an edit anywhere (text, a footer, settings, document properties, an added or removed part) is
seen. Files written before this covered every part carry a digest of the three text parts
only (`sha256:…`); such a file, if those parts are unchanged, is `EARLIER`.

A pull (`reportgen pull`) records in an edited DOCX the digest of all of it as it is then, in
a property of its own (counted as zeros likewise): while that holds, the file is `PULLED`, its
text in its report, and a build may replace it.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib

from reportgen.fingerprint import properties
from reportgen.fingerprint.state import MAX_UNPACKED, State

PROPERTY = "reportgen-fingerprint"
PULLED = "reportgen-pulled"
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "custom-properties")
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_PREFIX = "2:sha256:"
_BLANK = (_PREFIX + "0" * 64).encode()
_VALUE = re.compile(rf'name="{PROPERTY}"><vt:lpwstr>([^<]+)<'.encode())
_PULLED_VALUE = re.compile(rf'name="{PULLED}"><vt:lpwstr>([^<]+)<'.encode())
_EARLIER_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml")


def _digest(parts: dict[str, bytes]) -> str:
    hasher = hashlib.sha256()
    for name in sorted(parts):
        encoded = name.encode()
        hasher.update(len(encoded).to_bytes(4, "big") + encoded)
        hasher.update(len(parts[name]).to_bytes(8, "big") + parts[name])
    return _PREFIX + hasher.hexdigest()


def _earlier_digest(parts: dict[str, bytes]) -> str:
    hasher = hashlib.sha256()
    for name in _EARLIER_PARTS:
        hasher.update(name.encode() + b"\0" + parts.get(name, b"") + b"\0")
    return "sha256:" + hasher.hexdigest()


def stamp(docx: bytes, extra: dict[str, str] | None = None) -> bytes:
    """`docx` with a custom document property holding the digest of all its parts, and the
    properties `extra` (where it comes from)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        names = [info.filename for info in source.infolist()]
        parts = {name: source.read(name) for name in names}
    parts[_CUSTOM_PART] = properties.written({PROPERTY: _BLANK.decode(), **(extra or {})})
    if _CUSTOM_PART not in names:
        names.append(_CUSTOM_PART)
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
    value = _digest(parts).encode()
    parts[_CUSTOM_PART] = parts[_CUSTOM_PART].replace(_BLANK, value)
    return _zipped(names, parts)


def pulled(docx: bytes, extra: dict[str, str], complete: bool) -> bytes:
    """`docx` (an edited DOCX of ours) with the properties `extra` set and, when the pull was
    `complete` (it left nothing out), the digest of all of it as it is: `PULLED` while that
    holds. Only docProps/custom.xml changes."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        names = [info.filename for info in source.infolist()]
        parts = {name: source.read(name) for name in names}
    parts[_CUSTOM_PART] = properties.written(
        {**extra, **({PULLED: _BLANK.decode()} if complete else {})}, parts[_CUSTOM_PART])
    if complete:
        value = _digest(parts).encode()
        parts[_CUSTOM_PART] = parts[_CUSTOM_PART].replace(_BLANK, value)
    return _zipped(names, parts)


def _zipped(names: list[str], parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name])
    return out.getvalue()


def state(data: bytes) -> State:
    """Whether the DOCX bytes `data` are our untouched output, our output edited since, our
    output of an earlier version (`EARLIER`), or foreign."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            infos = docx.infolist()
            names = [info.filename for info in infos]
            if _CUSTOM_PART not in names or sum(i.file_size for i in infos) > MAX_UNPACKED:
                return State.FOREIGN
            custom = docx.read(_CUSTOM_PART)
            found = _VALUE.search(custom)
            if not found:
                return State.FOREIGN
            value = found.group(1).decode("ascii", "replace")
            if not value.startswith(_PREFIX):
                parts = {n: docx.read(n) for n in _EARLIER_PARTS if n in names}
                return State.EARLIER if value == _earlier_digest(parts) else State.EDITED
            if len(set(names)) != len(names):  # two parts of one name: which one counts?
                return State.EDITED
            parts = {name: docx.read(name) for name in names}
    except (zipfile.BadZipFile, zlib.error, OSError, KeyError, ValueError, EOFError,
            NotImplementedError):  # not a zip, a damaged one, or one of an unknown method
        return State.FOREIGN
    start, end = found.span(1)
    parts[_CUSTOM_PART] = custom[:start] + _BLANK + custom[end:]
    if _digest(parts) == value:
        return State.UNCHANGED
    pull = _PULLED_VALUE.search(custom)
    if pull is None:
        return State.EDITED
    start, end = pull.span(1)
    parts[_CUSTOM_PART] = custom[:start] + _BLANK + custom[end:]
    return State.PULLED if _digest(parts) == pull.group(1).decode("ascii", "replace") \
        else State.EDITED
