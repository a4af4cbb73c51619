"""The document body: each model block as styled paragraphs and tables, numbers left to the lists.

Paragraphs carry a style and text only. The exceptions are what a style cannot know: a count
that starts anew (`w:numPr`), the body's character style for the text a run-in heading runs
into, a keep with what follows (the paragraph before a signature, the lines of one attachment
list), no space before the first line of the document or of a section, and the alignment of a
table column.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from reportgen import model
from reportgen.budget import UNLIMITED, Deadline
from reportgen.fontset import FontRegistry
from reportgen.keeps import Keep, keep, keeps_previous
from reportgen.layout.columns import width_chars
from reportgen.tablefit import opens_turned
from reportgen.template import Template, heading_role
from reportgen.titlefit import title_lines
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.masthead import Masthead
from reportgen.writers.docx.numbering import Numbering
from reportgen.writers.docx.official import Official
from reportgen.writers.docx.runs import Fallback, runs
from reportgen.writers.docx.seal import Pictures
from reportgen.writers.docx.sections import Sections
from reportgen.writers.docx.styles import (
    ATTACHMENT_CONTINUED,
    ATTACHMENT_WORD,
    RUN_IN_TEXT,
    attachment_indents,
    style_id,
    style_keep,
)
from reportgen.writers.docx.tables import Tables

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry


class Body:
    """Appends the blocks of a document to `w:body`, before its section properties."""

    def __init__(self, body: oxml.Element, numbering: Numbering, grid: Grid, template: Template,
                 fonts: FontRegistry, fallback: Fallback | None = None,
                 pictures: Pictures | None = None, deadline: Deadline = UNLIMITED):
        self._sect_pr = body.find(qn("w:sectPr"))
        self._deadline = deadline
        self._body = body
        self._numbering = numbering
        self._grid = grid
        self._template = template
        self._fonts = fonts  # whose title face measures the title's lines, as in the PDF
        self._fallback = fallback
        self._last: oxml.Element | None = None  # the paragraph written last, None after a table
        self._before: int | None = None
        """Space (twips) before the next paragraph, set where what precedes it is off the grid
        (the 版头): it brings that paragraph back onto the grid."""
        self._official = Official(self, grid, template, fonts, pictures)
        self.masthead = Masthead(self, grid, template, fonts, pictures)
        self.tables = Tables(template, fallback)
        self.sections = Sections()
        self._plans = 0  # how many plans the blocks being written stand in

    def write(self, blocks: Iterable[model.Block], fresh: bool = False) -> None:
        """Write `blocks`; with `fresh`, the first section among them counts from 1 again
        (sections under a plan point or in an attachment, which no heading above restarts)."""
        for block in blocks:
            self._deadline.check()
            if keeps_previous(block):  # the text before a 落款, the date before a 附注
                self.keep_last_with_next()
            if isinstance(block, model.Section):
                self._section(block, restart=fresh)
                fresh = False
            elif isinstance(block, model.Plan):
                self._plan(block)
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
                _together([self._paragraph("closing", line) for line in block.lines])
            elif isinstance(block, model.Attachments):
                paragraphs = self._attachments(block)
                if self._attachment_lines(block) < 2 * MIN_LINES:
                    _together(paragraphs)
            elif isinstance(block, model.Signature) and block.seals:
                self._official.sealed_signature(block)
            elif isinstance(block, model.Signature):
                for organisation in block.organisations:
                    self._paragraph("signature", organisation)
                self._paragraph("date", block.date)
            elif isinstance(block, model.Masthead):
                self.masthead.write(block)
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
        self._last = node if node.tag == qn("w:p") else None

    def keep_last_with_next(self) -> None:
        """What was written last stays on the page of what follows it: the last paragraph, or
        a portrait table's last row (a landscape table ends its section)."""
        if self._last is not None:
            oxml.keep_with_next(self._last)
            return
        last = self._sect_pr.getprevious() if self._sect_pr is not None else self._body[-1]
        if last is not None and last.tag == qn("w:tbl") and not self.sections.landscape:
            for p in last.findall(qn("w:tr"))[-1].findall(f"{qn('w:tc')}/{qn('w:p')}"):
                oxml.keep_with_next(p)

    def _paragraph(self, role: str, text: str, *, style: str | None = None,
                   num: oxml.Element | None = None, run_in: str | None = None,
                   kept: Keep | None = None, landscape: bool = False,
                   **properties) -> oxml.Element:
        """A paragraph of `role` in `style` (default: the role's own), kept as `kept` says
        where that differs from its style (reportgen.keeps). A run-in heading's paragraph has
        the heading's role and style and its heading as `text`; `run_in` is the text that
        follows, in the body's character style, set as the body is. `landscape`: in a
        landscape section; `properties` are further `w:pPr` settings (see `oxml.p_pr`), which
        win over those worked out here."""
        sid = style or style_id(role)
        layout = self._run_in_layout(role) if run_in is not None else {}
        if kept is not None:
            styled = style_keep(role, self._template.role(role))
            if kept.with_next != styled.with_next:
                layout["keep_next"] = kept.with_next
            if kept.together != styled.together:
                layout["keep_lines"] = kept.together
        starts_section = len(self._body) == (self._sect_pr is not None) or \
            self.sections.landscape != landscape  # a page of the other orientation begins
        if starts_section and self._template.role(role).space_before_lines:
            # the first line of a page is the text block's first line (GB/T 9704), but word
            # processors keep the space before a section's first paragraph
            layout["line_spacing"] = oxml.spacing(before=0, before_lines=0)
        if self._before is not None:  # back on the grid after the 版头
            spacing = layout.setdefault("line_spacing", oxml.spacing())
            spacing.set(qn("w:before"), str(self._before))
            spacing.set(qn("w:beforeLines"), "0")
            self._before = None
        layout.update(properties)
        p = oxml.el("w:p", None, oxml.p_pr(style=None if sid == "Normal" else sid, num=num,
                                           **layout))
        p.extend(runs(text, None, self._fallback))
        if run_in is not None:
            p.extend(runs(run_in, oxml.r_pr(style=RUN_IN_TEXT), self._fallback))
        self._append(p, landscape)
        return p

    def runs(self, text: str, properties: oxml.Element | None = None) -> list[oxml.Element]:
        """Runs of `text` sharing `properties`, rare characters in their fallback family."""
        return runs(text, properties, self._fallback)

    def _run_in_layout(self, role: str) -> dict:
        """Where a run-in heading's paragraph is laid out as the body is, the PDF's way, and
        its heading style says otherwise: the direct formatting that says so."""
        head, body = self._template.role(role), self._template.role("body")
        layout: dict = {}
        if head.align != body.align:
            layout["align"] = body.align
        if head.indent_chars != body.indent_chars:
            first, first_chars = self._grid.chars(body.indent_chars, body.size_pt)
            layout["indent"] = oxml.ind(first_line=first, first_line_chars=first_chars)
        if (head.space_before_lines, head.space_after_lines, head.size_pt) != \
                (body.space_before_lines, body.space_after_lines, body.size_pt):
            before, before_lines = self._grid.lines(body.space_before_lines)
            after, after_lines = self._grid.lines(body.space_after_lines)
            layout["line_spacing"] = oxml.spacing(
                line=self._grid.line_pitch, before=before, before_lines=before_lines,
                after=after, after_lines=after_lines)
        return layout

    def _title_lines(self, text: str, landscape: bool = False) -> list[str]:
        """`text` in the PDF's title lines (``titlefit``), on a `landscape` page as wide as the
        portrait block is high, so that the paragraph gets line breaks there, as an editor
        would type them."""
        page = self._grid.page
        width = page.text_height_mm if landscape else page.text_width_mm
        return title_lines(text, self._fonts, self._template.role("title"), width * 72 / 25.4)

    def _section(self, section: model.Section, restart: bool) -> None:
        binding = self._numbering.heading(section.level, section.numbering.style, restart)
        turned = section.run_in is None and opens_turned(section.blocks, self._template)
        self._paragraph(heading_role(section.level), section.title, style=binding.style,
                        num=binding.num, run_in=section.run_in,
                        kept=keep(section, self._template), landscape=turned)
        self.write(section.blocks)

    def _plan(self, plan: model.Plan) -> None:
        for n, item in enumerate(plan.items):
            binding = self._numbering.plan_point(item.numbering.style, restart=n == 0,
                                                 nested=self._plans)
            self._paragraph("plan_item", item.title, style=binding.style, num=binding.num,
                            run_in=item.run_in, kept=keep(item, self._template))
            self._plans += 1
            self.write(item.blocks, fresh=True)
            self._plans -= 1

    def _attachment_lines(self, attachments: model.Attachments) -> int:
        """About how many lines the 附件说明 takes: each name wraps under the first name."""
        chars = self._grid.page.chars
        left, _ = attachment_indents(attachments, self._template.role("attachment").indent_chars)
        lines = 0
        for n, name in enumerate(attachments.names, start=1):
            number = f"{n}." if len(attachments.names) > 1 else ""
            text = (ATTACHMENT_WORD if n == 1 else "") + number + name
            start = left - width_chars(ATTACHMENT_WORD + number) if n == 1 else \
                left - width_chars(number)
            lines += 1 + max(0, math.ceil((width_chars(text) - (chars - start)) / (chars - left)))
        return lines

    def _attachments(self, attachments: model.Attachments) -> list[oxml.Element]:
        names = attachments.names
        if len(names) == 1:
            return [self._paragraph("attachment", ATTACHMENT_WORD + names[0])]
        return [self._paragraph("attachment", f"{ATTACHMENT_WORD}{n}.{name}") if n == 1 else
                self._paragraph("attachment", f"{n}.{name}", style=ATTACHMENT_CONTINUED)
                for n, name in enumerate(names, start=1)]

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


MIN_LINES = 2
"""Lines of a paragraph kept together at the foot and the head of a page, as the PDF keeps them
(writers/pdf/paginate.py): what is shorter than twice that moves to the next page whole."""


def _together(paragraphs: list[oxml.Element]) -> None:
    """Keep `paragraphs` on one page, as the PDF keeps the lines of a short box (closing lines,
    an attachment list of fewer than 4 lines): each but the last keeps with the next."""
    for p in paragraphs[:-1]:
        oxml.keep_with_next(p)
