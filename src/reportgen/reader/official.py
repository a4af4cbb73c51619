"""The parts of an official document as issued (GB/T 9704): 版头, seals, 附件 pages, 纪要 lists.

Functions here read those fields of a report for the YAML reader's builder (`report._Builder`):
they use its `text`, `date`, `error` and `body`, and add the blocks of the model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from reportgen import model
from reportgen.reader.seal import SealError, read_seal
from reportgen.suggest import did_you_mean

if TYPE_CHECKING:
    from reportgen.reader.report import _Builder
    from reportgen.yamlsrc.source import Path_

MASTHEAD_FIELDS = ("copy_number", "secrecy", "urgency", "mark", "doc_number", "signers")
"""Top-level fields that make the 版头 together; `doc_number` alone is a plain 发文字号."""

ATTENDANCE_LABELS = {"present": "出席", "on_leave": "请假", "observers": "列席"}
"""Attendance fields of a 纪要 and their labels, in print order (GB/T 9704 10.3)."""

ATTACHMENT_WORD = "附件"


def has_masthead(data: dict) -> bool:
    """Whether the report asks for a 版头: any of its fields other than a bare 发文字号."""
    return any(name in data for name in MASTHEAD_FIELDS if name != "doc_number")


def masthead(builder: _Builder, data: dict) -> model.Masthead:
    """The 版头 from the report's top-level fields."""
    mark = None
    if "mark" in data:
        mark = _mark(builder, data["mark"], ("mark",))
    copy_number = None
    if "copy_number" in data:
        copy_number = builder.text(data["copy_number"], ("copy_number",))
        problem = copy_number_problem(copy_number)
        if problem is not None:
            builder.error(("copy_number",), *problem)
        copy_number = copy_number.zfill(6)
    secrecy = None
    if "secrecy" in data:
        secrecy = builder.text(data["secrecy"], ("secrecy",))
        problem = secrecy_problem(secrecy)
        if problem is not None:
            builder.error(("secrecy",), *problem)
    urgency = builder.text(data["urgency"], ("urgency",)) if "urgency" in data else None
    doc_number = builder.text(data["doc_number"], ("doc_number",)) \
        if "doc_number" in data else None
    signers = tuple(builder.text(name, ("signers", i))
                    for i, name in enumerate(data.get("signers", ())))
    if signers and doc_number is None:
        builder.error(("signers",), "签发人 stand on the line of the 发文字号, which is missing",
                      "add `doc_number:` (GB/T 9704 7.2.5)")
    return model.Masthead(mark, copy_number, secrecy, urgency, doc_number, signers)


def copy_number_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with `text` as a 份号 (message, hint); None if nothing."""
    if re.fullmatch(r"\d{1,6}", text):
        return None
    return (f"`{text}` is not a copy number",
            "份号 is up to 6 digits, quoted: \"000123\" (GB/T 9704 7.2.1)")


def secrecy_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with `text` as a 密级和保密期限 (message, hint); None if nothing."""
    if text.startswith(model.SECRECY_LEVELS):
        return None
    return (f"`{text}` does not start with a 密级",
            (did_you_mean(text[:2], model.SECRECY_LEVELS) or "绝密, 机密 or 秘密")
            + ", with the period after ★: 机密★1年 (GB/T 9704 7.2.2)")


def _mark(builder: _Builder, value: Any, path: Path_) -> model.IssuerMark:
    if isinstance(value, dict):
        names = tuple(builder.text(name, path + ("organisations", i))
                      for i, name in enumerate(value["organisations"]))
        suffix = builder.text(value["suffix"], path + ("suffix",)) if "suffix" in value else ""
        return model.IssuerMark(names, suffix)
    return model.IssuerMark((builder.text(value, path),))


def attachment_names(builder: _Builder, entries: list) -> tuple[str, ...]:
    """The names the 附件说明 lists: a text entry, or the `title` of an attachment set in full."""
    names = []
    for i, entry in enumerate(entries):
        if isinstance(entry, dict):
            names.append(_attachment_name(builder, entry["title"], ("attachments", i, "title")))
        else:
            names.append(_attachment_name(builder, entry, ("attachments", i)))
    return tuple(names)


def _attachment_name(builder: _Builder, value: Any, path: Path_) -> str:
    text = builder.text(value, path)
    if text.endswith(("。", ".")):
        builder.error(path, "an attachment name has no full stop at its end (GB/T 9704 7.3.4)",
                      "delete the final 。")
    return text


def attachment_pages(builder: _Builder, entries: list,
                     names: tuple[str, ...]) -> list[model.AttachmentPage]:
    """Each attachment that has a body, on pages of its own, numbered as the 附件说明 numbers
    it: 附件1, 附件2 … or 附件 alone when there is only one attachment (GB/T 9704 7.3.7)."""
    pages = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        label = ATTACHMENT_WORD + (str(i + 1) if len(entries) > 1 else "")
        path: Path_ = ("attachments", i, "body")
        with builder.own_numbering(f"attachment-{i + 1}"):
            blocks = tuple(builder.body(entry.get("body", []), path, depth=1,
                                        styles=builder.template.levels))
        pages.append(model.AttachmentPage(label, names[i], blocks))
    return pages


def signature(builder: _Builder, value: dict, default_seal_mm: float) -> model.Signature:
    """落款, with a seal image for each organisation when `seal:` gives them."""
    path: Path_ = ("signature",)
    orgs = value["organisation"]
    orgs = orgs if isinstance(orgs, list) else [orgs]
    organisations = tuple(builder.text(o, path + ("organisation", i))
                          for i, o in enumerate(orgs))
    date = builder.date(value["date"], path + ("date",))
    files = value.get("seal", [])
    listed = isinstance(files, list)
    files = files if listed else [files]
    if files and len(files) != len(organisations):
        builder.error(path + ("seal",), f"{len(files)} seals for {len(organisations)} "
                                        "organisations",
                      "give one seal file per organisation, in the same order (GB/T 9704 "
                      "7.3.5.1)")
        files = []
    seals = []
    for i, name in enumerate(files):
        where = path + (("seal", i) if listed else ("seal",))
        seal = _seal(builder, name, where, value.get("seal_mm"), default_seal_mm)
        if seal is not None:
            seals.append(seal)
    return model.Signature(organisations, date, tuple(seals) if len(seals) == len(files) else ())


def _seal(builder: _Builder, name: Any, path: Path_, size_mm: float | None,
          default_mm: float) -> model.Seal | None:
    from reportgen.resources import resource_dir

    file = builder.source.file.parent / str(name)
    try:
        read = read_seal(file, size_mm, default_mm, (resource_dir("fonts", "REPORTGEN_FONTS_DIR"),),
                         builder.deadline, builder.source.file)
    except SealError as exc:
        builder.error(path, str(exc), exc.hint)
        return None
    if read.warning is not None:
        builder.warn(path, *read.warning)
    return read.seal


def attendance(builder: _Builder, value: dict) -> list[model.Attendance]:
    """出席, 请假 and 列席 in that order; a list of names is joined with 、."""
    out = []
    for key, label in ATTENDANCE_LABELS.items():
        if key not in value:
            continue
        path: Path_ = ("attendance", key)
        names = value[key]
        if isinstance(names, list):
            text = "、".join(builder.text(n, path + (i,)) for i, n in enumerate(names))
        else:
            text = builder.text(names, path)
        out.append(model.Attendance(label, text))
    return out
