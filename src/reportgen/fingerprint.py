"""DOCX fingerprints: each DOCX we write records a digest of its text part, so that a rebuild can
tell an editor's revised file from our own untouched output and refuse to overwrite it.

The same custom document properties say where the DOCX came from (the report's path, relative
to the DOCX and absolute, and a digest of the report's text) for `reportgen pull`, and record
a pull: the digest of the DOCX as it was when its text went back into the report, so that a
rebuild replaces it without --force until someone edits it again."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from enum import Enum
from pathlib import Path

PROPERTY = "reportgen-fingerprint"
SOURCE = "reportgen-source"
"""The report the DOCX was built from, relative to the DOCX's folder (with `/`)."""
SOURCE_PATH = "reportgen-source-path"
"""The same report's absolute path, for a DOCX that was moved away from it."""
SOURCE_DIGEST = "reportgen-source-digest"
"""sha256 of the report's bytes when the DOCX was built, or when it was last pulled into it."""
DOCX_FONTS = "reportgen-docx-fonts"
"""The font profile of `build --docx-fonts`, if not the standard one."""
TEMPLATE = "reportgen-template"
"""The template `build --template` chose instead of the report's own, if any."""
PULLED = "reportgen-pulled"
"""The digest of the DOCX when it was pulled into its report."""
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "custom-properties")
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_DIGESTED = ("word/document.xml", "word/numbering.xml", "word/styles.xml")


class State(Enum):
    """What is at an output path before we write there."""

    ABSENT = "absent"
    UNCHANGED = "unchanged"  # written by reportgen and not edited since
    EDITED = "edited"  # written by reportgen, then changed (or re-saved) by someone
    PULLED = "pulled"  # edited, then pulled into its report and not changed since
    FOREIGN = "foreign"  # not written by reportgen (no fingerprint), or not a DOCX at all


def digest(parts: dict[str, bytes]) -> str:
    hasher = hashlib.sha256()
    for name in _DIGESTED:
        hasher.update(name.encode() + b"\0" + parts.get(name, b"") + b"\0")
    return "sha256:" + hasher.hexdigest()


def stamp(docx: bytes, extra: dict[str, str] | None = None) -> bytes:
    """`docx` with custom document properties: the digest of its content parts, and `extra`
    (the report it was built from)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        infos = source.infolist()
    parts[_CUSTOM_PART] = _custom_xml({PROPERTY: digest(parts), **(extra or {})})
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
    names = [i.filename for i in infos]
    if _CUSTOM_PART not in names:
        names.append(_CUSTOM_PART)
    return _zipped(names, parts)


def _zipped(names: list[str], parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name])
    return out.getvalue()


def _custom_xml(properties: dict[str, str], keep: bytes | None = None) -> bytes:
    """docProps/custom.xml holding `properties`, and the other properties of `keep` (the
    part as it was: an editor's program may have put its own there)."""
    from lxml import etree  # imported by the DOCX writer anyway; not by a PDF-only build

    root = etree.fromstring(keep) if keep else etree.Element(
        f"{{{_NS_CUSTOM}}}Properties", nsmap={None: _NS_CUSTOM, "vt": _NS_VT})
    by_name = {p.get("name"): p for p in root.iter(f"{{{_NS_CUSTOM}}}property")}
    pid = max((int(p.get("pid", "1")) for p in by_name.values() if p.get("pid", "").isdigit()),
              default=1)
    for name, value in properties.items():
        prop = by_name.get(name)
        if prop is None:
            pid += 1
            prop = etree.SubElement(root, f"{{{_NS_CUSTOM}}}property", fmtid=_FMTID,
                                    pid=str(pid), name=name)
        for child in list(prop):
            prop.remove(child)
        etree.SubElement(prop, f"{{{_NS_VT}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def properties(path: Path) -> dict[str, str]:
    """The custom document properties of the DOCX at `path` (empty if it has none or is not
    a DOCX)."""
    try:
        with zipfile.ZipFile(path) as docx:
            raw = docx.read(_CUSTOM_PART) if _CUSTOM_PART in docx.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return {}
    return _read_properties(raw)


def _read_properties(raw: bytes) -> dict[str, str]:
    if not raw:
        return {}
    from lxml import etree

    try:
        root = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False,
                                                            no_network=True))
    except etree.XMLSyntaxError:
        return {}
    return {p.get("name", ""): "".join(p.itertext())
            for p in root.iter(f"{{{_NS_CUSTOM}}}property")}


def record_pull(path: Path, extra: dict[str, str], complete: bool = True) -> None:
    """Record in the DOCX at `path` that its text is in its report now: `extra` (the report's
    new digest) and, when the pull was `complete` (nothing was left out), the digest of its
    content as it is. Only docProps/custom.xml changes; the file is replaced in one step.
    Raises OSError if it cannot be written."""
    with zipfile.ZipFile(path) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    names = [i.filename for i in infos]
    if _CUSTOM_PART not in names:
        return  # not a DOCX of ours: nothing to record in
    recorded = {PULLED: digest(parts), **extra} if complete else extra
    parts[_CUSTOM_PART] = _custom_xml(recorded, parts[_CUSTOM_PART])
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_zipped(names, parts))
        os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise


def state_of(path: Path) -> State:
    """Whether `path` is absent, our untouched output, our output edited since (and perhaps
    pulled into its report since), or foreign."""
    if not path.exists():
        return State.ABSENT
    try:
        with zipfile.ZipFile(path) as docx:
            parts = {name: docx.read(name) for name in _DIGESTED if name in docx.namelist()}
            custom = docx.read(_CUSTOM_PART) if _CUSTOM_PART in docx.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return State.FOREIGN
    found = _read_properties(custom)
    if PROPERTY not in found:
        return State.FOREIGN
    now = digest(parts)
    if found[PROPERTY] == now:
        return State.UNCHANGED
    return State.PULLED if found.get(PULLED) == now else State.EDITED
