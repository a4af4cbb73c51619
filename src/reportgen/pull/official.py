"""An official document's parts (GB/T 9704) in a revised DOCX: what pull carries, what it names.

The 发文字号 is carried back wherever the writer put it: alone, on the line of the 签发人 (whose
names, in their character style, are left out of it), or after a letter's 份号, 密级 or 紧急程度
on their line (10.1). The organisations of a sealed 落款 stand on one line between tabs, each
its own. Everything else of the 版头, the seals, the attendance lists and the attachments set on
pages of their own (from 附件1 on) are not carried back yet: they are texts pull compares
with a build of the YAML (compare.others), so that each the editor changed is named, and never
read as body paragraphs or as the title.
"""

from __future__ import annotations

from reportgen.model import SIGNERS_LABEL
from reportgen.pull import wordml
from reportgen.pull.doc import Report, Text

NOTES = ("copy_number", "secrecy", "urgency")
"""份号, 密级 and 紧急程度: a letter has its 发文字号 after the first of them, on its line."""
ATTACHMENT_PAGE = "attachment page"
"""What the texts of an attachment set on pages of its own are named as."""
SEAL = "seal"
MARK = "mark"


class Pages:
    """Whether the paragraphs read are on an attachment's pages: from its 附件1 to the end,
    but for the 版记 (which the writer puts last, and LibreOffice, as it saves the frame the
    版记 stands in, before the last paragraph)."""

    def __init__(self) -> None:
        self.on = False

    def holds(self, role: str | None) -> bool:
        if role == "attachment_label":
            self.on = True
        return self.on and role != "imprint"


def writers_page_breaks(blocks: list, styles) -> None:
    """An attachment starts a page (its 附件1 paragraph breaks the page before it); LibreOffice
    saves that as a page break at the end of the paragraph before: the writer's, not one the
    editor typed."""
    for block, after in zip(blocks, blocks[1:], strict=False):
        if isinstance(block, wordml.Para) and isinstance(after, wordml.Para) \
                and styles.role(after.style) == "attachment_label" \
                and "a page break" in block.losses:
            block.losses.remove("a page break")


def table(block: wordml.Table, pages: Pages, report: Report) -> bool:
    """Take a table on an attachment's pages, or a joint 发文机关标志 (a table of the mark's
    paragraphs), as a text to compare; False for a table of the body."""
    if not pages.on and (not block.roles or block.roles != {MARK}):
        return False
    cells = " | ".join(cell for row in block.rows for cell in row if cell)
    report.other.append(Text(ATTACHMENT_PAGE if pages.on else MARK, cells, para=block.number))
    return True


def head_line(para: wordml.Para, role: str, report: Report) -> str | None:
    """A paragraph of the 版头 that may hold the 发文字号: the 发文字号's own (and the 签发人
    after it), or a letter's 份号, 密级 or 紧急程度 line. Its other texts go to be compared;
    the 发文字号 is returned, None where the line has none."""
    if role == "doc_number":
        names = "".join(p.text for p in para.pieces if p.kind == "signers").strip()
        if names:
            report.other.append(Text("signers", names, para=para.number))
        text = "".join(p.text for p in para.pieces if p.kind != "signers")
        parts = [part.strip() for part in text.split("\t")]
        parts = parts[:next((i for i, part in enumerate(parts)
                             if part.startswith(SIGNERS_LABEL)), len(parts))]
    else:
        first, *parts = [part.strip() for part in para.text.split("\t")]
        report.other.append(Text(role, first, para=para.number))
    number = " ".join(part for part in parts if part)
    return number or None


def organisations(para: wordml.Para, losses: list[str], report: Report) -> list[str]:
    """A 落款 line's organisations (a sealed one puts a row of them between tabs). The seals
    anchored to it are the writer's, given by `seal:`: each line with seals is compared, not
    named as a picture the report cannot hold."""
    if "a picture" in losses:
        losses.remove("a picture")
        report.other.append(Text(SEAL, "", para=para.number))
    return [part.strip() for part in para.text.split("\t") if part.strip()]


def count_seals(report: Report) -> None:
    """The 落款 lines with seals, counted as one text to compare: the number changes when the
    editor deletes or adds a seal picture (one among others on its line is not noticed)."""
    lines = [text for text in report.other if text.field == SEAL]
    if lines:
        report.other = [text for text in report.other if text.field != SEAL]
        report.other.append(Text(SEAL, f"seals on {len(lines)} lines", para=lines[0].para))
