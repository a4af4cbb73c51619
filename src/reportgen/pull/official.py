"""An official document's parts (GB/T 9704) in a revised DOCX, read as report texts.

The 版头: 份号, 密级 and 紧急程度 each on a line of its own, but that a letter's first line holds
the 发文字号 after a tab (10.1); the 发文机关标志, a joint one a table of the mark's paragraphs
(names left, suffix right), a letter's in the first page's header; the 发文字号 alone or on the
line of the 签发人, whose names are in their character style. The organisations of a sealed 落款
stand on a line between tabs, each seal a picture anchored to its line. A 纪要's attendance
list is its label (出席：, in its character style) and the names. An attachment set on pages of
its own starts at its 附件1 paragraph, its title next, then its body.
"""

from __future__ import annotations

import re

from reportgen.model import SIGNERS_LABEL
from reportgen.pull import wordml
from reportgen.pull.doc import Page, Report, SealLine, Text
from reportgen.pull.styles import Styles
from reportgen.reader.official import ATTENDANCE_LABELS

NOTES = ("copy_number", "secrecy", "urgency")
"""份号, 密级 and 紧急程度: a letter has its 发文字号 after the first of them, on its line."""
MARK = "mark"
ATTENDANCE_KEYS = {label: key for key, label in ATTENDANCE_LABELS.items()}
"""出席 → present, 请假 → on_leave, 列席 → observers: the field each attendance list is."""
_LABEL = re.compile(rf"^\s*({'|'.join(ATTENDANCE_KEYS)})\s*[：:]")


def writers_page_breaks(blocks: list, styles: Styles) -> None:
    """An attachment starts a page (its 附件1 paragraph breaks the page before it); LibreOffice
    saves that as a page break at the end of the paragraph before: the writer's, not one the
    editor typed."""
    for block, after in zip(blocks, blocks[1:], strict=False):
        if isinstance(block, wordml.Para) and isinstance(after, wordml.Para) \
                and styles.role(after.style) == "attachment_label" \
                and "a page break" in block.losses:
            block.losses.remove("a page break")


def joint_mark(block: wordml.Table, report: Report) -> bool:
    """Read a joint 发文机关标志 (a table of the mark's paragraphs) into its organisations (the
    first column) and suffix (the next); False for a table of another kind."""
    if block.roles != {MARK}:
        return False
    texts = report.fields.setdefault("mark_organisations", [])
    texts += [Text("mark_organisations", row[0], para=block.number, losses=block.losses)
              for row in block.rows if row and row[0]]
    suffix = next((cell for row in block.rows for cell in row[1:] if cell), None)
    if suffix is not None:
        report.fields.setdefault("mark_suffix", []).append(
            Text("mark_suffix", suffix, para=block.number))
    return True


def head_line(para: wordml.Para, role: str, report: Report, losses: list[str]) -> str | None:
    """A paragraph of the 版头 that may hold the 发文字号: the 发文字号's own (with the 签发人
    after it), or a 份号, 密级 or 紧急程度 line (a letter's first holds the 发文字号 too). Its
    other texts become fields; the 发文字号 is returned, None where the line has none."""
    if role == "doc_number":
        names = "".join(p.text for p in para.pieces if p.kind == "signers")
        text = "".join(p.text for p in para.pieces if p.kind != "signers")
        text, _, typed = text.partition(SIGNERS_LABEL)
        parts = text.split("\t")
        if len(parts) > 2:  # a 上行文's line: \t发文字号\t签发人：names, the names after the tab
            parts, typed = parts[:2], "\t".join(parts[2:]) + " " + typed
        # names typed over without their character style are names all the same
        report.fields.setdefault("signers", []).extend(
            Text("signers", name, para=para.number) for name in f"{typed} {names}".split())
        parts = [part.strip() for part in parts]
    else:
        first, *parts = [part.strip() for part in para.text.split("\t")]
        if first:
            report.fields.setdefault(role, []).append(Text(role, first, para=para.number,
                                                           losses=losses))
    number = " ".join(part for part in parts if part)
    return number or None


def mark_line(para: wordml.Para, report: Report, losses: list[str]) -> None:
    """A paragraph of the 发文机关标志 (or 纪要标志): the mark's text."""
    report.fields.setdefault(MARK, []).append(Text(MARK, para.text.strip(), para=para.number,
                                                   losses=losses))


def letterhead(paragraphs: list[wordml.Para], styles: Styles, report: Report) -> None:
    """A letter's mark, in the first page's header (10.1)."""
    for para in paragraphs:
        if styles.role(para.style) == MARK and para.text.strip():
            mark_line(para, report, [])


def attendance(para: wordml.Para, report: Report, losses: list[str]) -> None:
    """A 纪要's 出席, 请假 or 列席 list: the label (in its character style, or typed over
    without it) and the names after its colon."""
    label = "".join(p.text for p in para.pieces if p.kind == "attendance_label")
    text = para.text.strip()
    if not label.strip():
        found = _LABEL.match(text)
        label = found.group(0) if found else ""
    key = ATTENDANCE_KEYS.get(re.sub(r"[\s：:]", "", label))
    if key is None:
        report.losses.append((para.number, f"an attendance list 「{text[:20]}」 without the "
                                           "label 出席：, 请假： or 列席："))
        return
    names = text[text.index(label.strip()) + len(label.strip()):].lstrip("：: \u3000")
    report.fields.setdefault(key, []).append(Text(key, names, para=para.number, losses=losses))


def organisations(para: wordml.Para, losses: list[str], report: Report) -> list[str]:
    """A 落款 line's organisations (a sealed one puts a row of them between tabs). The seals
    anchored to it are recorded for pull/seals.py to compare with `seal:`, not named as
    pictures the report cannot hold."""
    names = [part.strip() for part in para.text.split("\t") if part.strip()]
    if para.pictures:
        if "a picture" in losses:
            losses.remove("a picture")
        report.seals.append(SealLine(para.number, tuple(names),
                                     tuple(p.name for p in para.pictures)))
    return names


def start_page(para: wordml.Para, report: Report) -> Page:
    """The attachment whose pages the 附件1 paragraph `para` starts. The page break before it
    is the writer's, whether as the paragraph's own (as written) or as a break in it
    (LibreOffice's, after a table)."""
    losses = [loss for loss in para.losses if loss not in ("a page break before it",
                                                           "a page break")]
    page = Page(Text("attachment_label", para.text.strip(), para=para.number, losses=losses))
    report.pages.append(page)
    return page
