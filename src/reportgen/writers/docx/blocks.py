"""The document body: each model block as styled paragraphs and tables, numbers left to the lists.

Paragraphs carry a style and text only. The exceptions are what a style cannot know: the list a
numbered paragraph belongs to (`w:numPr`), the character style of a run-in heading, and the
alignment of a table column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from reportgen import model
from reportgen.layout.columns import width_chars
from reportgen.layout.linebreak import balanced_lines
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.numbering import NumberedList, Numbering
from reportgen.writers.docx.official import Official
from reportgen.writers.docx.runs import Fallback, runs
from reportgen.writers.docx.seal import Pictures
from reportgen.writers.docx.sections import Sections
from reportgen.writers.docx.styles import (
    ATTACHMENT_CONTINUED,
    ATTACHMENT_WORD,
    char_style_id,
    heading_role,
    style_id,
)
from reportgen.writers.docx.tables import Tables

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry


class Body:
    """Appends the blocks of a document to `w:body`, before its section properties."""

    def __init__(self, body: oxml.Element, numbering: Numbering, grid: Grid, template: Template,
                 fonts: FontRegistry, fallback: Fallback | None = None,
                 pictures: Pictures | None = None):
        self._sect_pr = body.find(qn("w:sectPr"))
        self._body = body
        self._numbering = numbering
        self._grid = grid
        self._template = template
        self._fallback = fallback
        self._before: int | None = None
        """Space (twips) before the next paragraph, set where what precedes it is off the grid
        (the 版头): it brings that paragraph back onto the grid."""
        self._official = Official(self, grid, template, fonts, pictures)
        self.tables = Tables(template, fallback)
        self.sections = Sections()

    def write(self, blocks: Iterable[model.Block], parent: NumberedList | None = None,
              fresh: bool = False) -> None:
        """Write `blocks`; sections among them number in a list derived from `parent`, a list
        of their own when `fresh`."""
        parent = parent or self._numbering.main
        group: NumberedList | None = None
        for block in blocks:
            if isinstance(block, model.Section):
                if group is None:
                    group = self._numbering.sections(parent, block.level,
                                                     block.numbering.style, fresh)
                self._section(block, group)
            elif isinstance(block, model.Plan):
                self._plan(block, parent)
            elif isinstance(block, model.Paragraph):
                self._paragraph(block.role, block.text)
            elif isinstance(block, model.Title):
                for line in block.lines:
                    self._paragraph("title", "\n".join(self._title_lines(line)))
            elif isinstance(block, model.Label):
                self._paragraph("label", block.text)
            elif isinstance(block, model.DocumentNumber):
                self._paragraph("doc_number", block.text)
            elif isinstance(block, model.Addressee):
                self._paragraph("addressee", block.text)
            elif isinstance(block, model.Table):
                self._table(block)
            elif isinstance(block, model.ClosingLines):
                for line in block.lines:
                    self._paragraph("closing", line)
            elif isinstance(block, model.Attachments):
                self._attachments(block)
            elif isinstance(block, model.Signature) and block.seals:
                self._official.sealed_signature(block)
            elif isinstance(block, model.Signature):
                for organisation in block.organisations:
                    self._paragraph("signature", organisation)
                self._paragraph("date", block.date)
            elif isinstance(block, model.Masthead):
                self._official.masthead(block)
            elif isinstance(block, model.AttachmentPage):
                self._official.attachment_page(block)
                self.write(block.blocks, fresh=True)
            elif isinstance(block, model.Attendance):
                self._official.attendance(block)
            elif isinstance(block, model.Note):
                text = block.text
                if not (text.startswith(("（", "(")) and text.endswith(("）", ")"))):
                    text = f"（{text}）"
                self._paragraph("note", text)
            elif isinstance(block, model.Imprint):
                self._imprint(block)
            else:
                raise TypeError(f"no DOCX rendering for {type(block).__name__}")

    # -- paragraphs ---------------------------------------------------------------------------

    def _append(self, node: oxml.Element, landscape: bool = False) -> None:
        """Append `node`; a change of orientation first ends the section before it."""
        end = self.sections.switch(landscape)
        if end is not None:
            self._insert(end)
        self._insert(node)
        self.sections.appended(node)

    def _insert(self, node: oxml.Element) -> None:
        if self._sect_pr is not None:
            self._sect_pr.addprevious(node)
        else:
            self._body.append(node)

    def _paragraph(self, role: str, text: str, *, num: oxml.Element | None = None,
                   run_in: tuple[str, str] | None = None, style: str | None = None,
                   align: str | None = None, landscape: bool = False,
                   **properties) -> oxml.Element:
        """A paragraph in `style` (or the role's style); `run_in` is (heading role, heading);
        `landscape`: in a landscape section; `properties` are further `w:pPr` settings of this
        paragraph (see `oxml.p_pr`)."""
        sid = style or style_id(role)
        mark = oxml.el("w:rPr", None, oxml.val("w:rStyle", char_style_id(run_in[0]))) \
            if run_in else None
        if self._before is not None and "line_spacing" not in properties:
            properties["line_spacing"] = oxml.spacing(before=self._before, before_lines=0)
        self._before = None
        p = oxml.el("w:p", None, oxml.p_pr(style=None if sid == "Normal" else sid, num=num,
                                           align=align, mark=mark, **properties))
        if run_in:
            p.extend(runs(run_in[1], oxml.r_pr(style=char_style_id(run_in[0])),
                           self._fallback))
        p.extend(runs(text, None, self._fallback))
        self._append(p, landscape)
        return p

    def keep_last_with_next(self) -> None:
        """What was written last stays on the page of the paragraph that follows it: the last
        paragraph, or a portrait table's last row (a landscape one ends its section)."""
        last = self._sect_pr.getprevious() if self._sect_pr is not None else self._body[-1]
        if last is None:
            return
        if last.tag == qn("w:tbl") and not self.sections.landscape:
            row = last.findall(qn("w:tr"))[-1]
            paragraphs = row.findall(f"{qn('w:tc')}/{qn('w:p')}")
        elif last.tag == qn("w:p"):
            paragraphs = [last]
        else:
            return
        for p in paragraphs:
            p_pr = p.find(qn("w:pPr"))
            if p_pr is None:
                p_pr = oxml.el("w:pPr")
                p.insert(0, p_pr)
            if p_pr.find(qn("w:keepNext")) is None:
                at = 1 if p_pr.find(qn("w:pStyle")) is not None else 0
                p_pr.insert(at, oxml.el("w:keepNext"))

    def runs(self, text: str, properties: oxml.Element | None = None) -> list[oxml.Element]:
        """Runs of `text` sharing `properties`, rare characters in their fallback family."""
        return runs(text, properties, self._fallback)

    def _title_lines(self, text: str, landscape: bool = False) -> list[str]:
        """`text` in balanced lines with words kept whole, as the PDF sets it; the paragraph
        gets line breaks there, as an editor would type them, because Word and LibreOffice
        would fill the first line and split 节|日 or leave 的意见 alone on the second.
        Widths are counted in characters (full-width 1, others ½) against the text width (of a
        `landscape` page: the portrait text height) less one character, room for the office
        fonts' own spacing of digits."""
        size = self._template.role("title").size_pt
        page = self._grid.page
        width = (page.text_height_mm if landscape else page.text_width_mm) * 72 / 25.4 - size
        return [line.text for line in balanced_lines(text, lambda ch: size * width_chars(ch),
                                                     width)]

    def _section(self, section: model.Section, group: NumberedList) -> None:
        role = heading_role(section.level)
        num = oxml.num_pr(group.num_id, section.level - 1)
        if section.run_in is not None:
            self._paragraph("body", section.run_in, num=num, run_in=(role, section.title))
        else:
            linked = group.num_id == self._numbering.main.num_id and section.level <= 5
            self._paragraph(role, section.title, num=None if linked else num)
        self.write(section.blocks, group)

    def _plan(self, plan: model.Plan, parent: NumberedList) -> None:
        if not plan.items:
            return
        points = self._numbering.plan(plan.items[0].numbering.style)
        for item in plan.items:
            num = oxml.num_pr(points.num_id, 0)
            if item.run_in is not None:
                self._paragraph("plan_item", item.run_in, num=num,
                                run_in=("plan_item", item.title))
            else:
                self._paragraph("plan_item", item.title, num=num)
            self.write(item.blocks, parent, fresh=True)

    def _attachments(self, attachments: model.Attachments) -> None:
        names = attachments.names
        if len(names) == 1:
            self._paragraph("attachment", ATTACHMENT_WORD + names[0])
            return
        for n, name in enumerate(names, start=1):
            if n == 1:
                self._paragraph("attachment", f"{ATTACHMENT_WORD}{n}.{name}")
            else:
                self._paragraph("attachment", f"{n}.{name}", style=ATTACHMENT_CONTINUED)

    def _imprint(self, imprint: model.Imprint) -> None:
        """版记 in a frame at the foot of the text block, where it stays as the text above it
        grows or shrinks (GB/T 9704 7.4.1: its last rule on the block's lower edge). Each
        line takes one grid line; the rules are its style's borders: the first and last
        0.35 mm, those between 0.25 mm (a letter's 版记 has none, 10.1)."""
        texts = []
        if imprint.copies_to:
            text = imprint.copies_to
            texts.append(text if text.startswith("抄送") else f"抄送：{text}")
        if imprint.issuer or imprint.issued:
            issued = imprint.issued or ""
            if issued and not issued.endswith("印发"):
                issued += "印发"
            texts.append(f"{imprint.issuer or ''}\t{issued}")
        for text in texts:
            self._paragraph("imprint", text, frame=oxml.frame_pr(
                width=self._grid.text_width, x_align="center", y_align="bottom"))

    # -- tables -------------------------------------------------------------------------------

    def _table(self, table: model.Table) -> None:
        nodes, landscape = self.tables.elements(table)
        for node in nodes:
            self._append(node, landscape)


