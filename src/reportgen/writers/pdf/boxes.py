"""Blocks to boxes: every block of the document set into lines on the grid, before pagination."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reportlab.lib.units import mm

from reportgen import model
from reportgen.budget import UNLIMITED, Deadline
from reportgen.keeps import Keep, keep, keeps_previous
from reportgen.layout.title_lines import balanced_lines
from reportgen.template import RoleStyle, Template, heading_role
from reportgen.titlefit import title_lines
from reportgen.writers.pdf.flow import Band, Bookmark, Box, ImprintBox, Item, TableBox
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.official import Official
from reportgen.writers.pdf.tables import table_box
from reportgen.writers.pdf.text import Line, Setter, Span, Style

ATTACHMENT_LABEL = "附件："
COPIES_TO_LABEL = "抄送："
ISSUED_SUFFIX = "印发"
THICK_RULE = 0.35 * mm  # first and last rule of the 版记 (GB/T 9704 7.4.1)
THIN_RULE = 0.25 * mm  # rules between its elements


def lay_out(document: model.Document, setter: Setter, grid: Grid, *,
            deadline: Deadline = UNLIMITED) -> list[Item]:
    """The document's blocks as boxes, in reading order, as wide as the grid's text block;
    `deadline` is checked before each block."""
    builder = _Builder(document.template, setter, grid, deadline)
    builder.blocks(document.blocks)
    return builder.items


class _Builder:
    def __init__(self, template: Template, setter: Setter, grid: Grid,
                 deadline: Deadline = UNLIMITED) -> None:
        self.template = template
        self.deadline = deadline
        self.setter = setter
        self.grid = grid
        self.width = grid.width
        self.pitch = grid.pitch
        self.natural = Setter(setter.fonts, 1.0)  # tables leave the grid, and its scale
        self.items: list[Item] = []
        self.depth = 0  # of the headings being laid out: 0 outside any section
        self.attendance_at: int | None = None  # items when the last attendance list was set
        self.official = Official(template, setter, grid,
                                 lambda text, role: self.lines_of([[(text, self.style(role))]],
                                                                  role))

    def role(self, name: str) -> RoleStyle:
        return self.template.role(name)

    def blocks(self, blocks: Iterable[model.Block]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: model.Block) -> None:
        self.deadline.check()
        if keeps_previous(block) and self.items and isinstance(self.items[-1], (Box, TableBox)):
            self.items[-1] = replace(self.items[-1], keep_with_next=True)
        if isinstance(block, model.Paragraph):
            self.text(block.text, block.role, keep(block, self.template))
        elif isinstance(block, model.Title):
            self.title(block)
        elif isinstance(block, model.Label):
            self.text(block.text, "label", keep(block, self.template))
        elif isinstance(block, model.DocumentNumber):
            self.text(block.text, "doc_number", keep(block, self.template))
        elif isinstance(block, model.Addressee):
            self.text(block.text, "addressee", keep(block, self.template))
        elif isinstance(block, model.Section):
            self.heading(block, heading_role(block.level))
        elif isinstance(block, model.Plan):
            for item in block.items:
                self.heading(item, "plan_item")
        elif isinstance(block, model.Table):
            self.items.append(table_box(block, self.template, self.natural, self.pitch))
        elif isinstance(block, model.ClosingLines):
            self.add(self.lines_of([[(line, self.style("closing"))] for line in block.lines],
                                   "closing"), "closing", keep(block, self.template))
        elif isinstance(block, model.Attachments):
            self.attachments(block)
        elif isinstance(block, model.Signature):
            self.signature(block)
        elif isinstance(block, model.Note):
            self.note(block)
        elif isinstance(block, model.Imprint):
            self.imprint(block)
        elif isinstance(block, model.Masthead):
            self.items.append(self.official.masthead(block))
        elif isinstance(block, model.AttachmentPage):
            self.attachment(block)
        elif isinstance(block, model.Attendance):
            self.items.append(self.official.attendance(block, first=self.attendance_at is None))
            self.attendance_at = len(self.items)
        else:
            raise TypeError(f"the PDF writer cannot lay out {type(block).__name__}")

    def attachment(self, page: model.AttachmentPage) -> None:
        """An attachment on pages of its own (GB/T 9704 7.3.7). One that opens with a landscape
        table has its 附件 label and title above the table, on the table's turned page."""
        head = self.official.attachment_page(page)
        at = len(self.items)
        self.items.extend(head)
        self.blocks(page.blocks)
        first = self.items[at + len(head)] if len(self.items) > at + len(head) else None
        if isinstance(first, TableBox) and first.landscape:
            band = self.official.turned_attachment_head(page, self.natural)
            self.items[at + 1:at + len(head) + 1] = [replace(first, above=band.over(first.above))]

    # -- helpers --------------------------------------------------------------------------------
    def style(self, role: str) -> Style:
        return Style.of(self.role(role))

    def lines_of(self, paragraphs: Iterable[list[Span]], role: str) -> list[Line]:
        """Each paragraph's spans set with the role's indent and alignment, lines run together."""
        spec = self.role(role)
        indent = spec.indent_chars * self.setter.em(Style.of(spec))
        lines: list[Line] = []
        for spans in paragraphs:
            lines += self.setter.paragraph(spans, self.width, first_indent=indent,
                                           align=spec.align)
        return lines

    def add(self, lines: list[Line], role: str, kept: Keep) -> None:
        if not lines:
            return
        spec = self.role(role)
        self.items.append(Box(tuple(lines), round(spec.space_before_lines),
                              round(spec.space_after_lines), kept.with_next, kept.together))

    def text(self, text: str, role: str, kept: Keep) -> None:
        self.add(self.lines_of([[(text, self.style(role))]], role), role, kept)

    # -- blocks ---------------------------------------------------------------------------------
    def title(self, title: model.Title) -> None:
        """One entry is broken into balanced lines; several entries are the author's lines
        (each balanced again only if it is too long for one line)."""
        style = self.style("title")
        lines = [line for text in title.lines if text
                 for piece in title_lines(text, self.setter.fonts, self.role("title"), self.width)
                 for line in self.setter.centred(piece, style, self.width)]
        self.add(lines, "title", keep(title, self.template))

    def heading(self, block: model.Section | model.PlanItem, role: str) -> None:
        """The number and title as one text in the heading's role; a run-in heading is one
        paragraph with its text, set in the body's face. Either is bookmarked, one level
        below the heading it stands under."""
        heading = block.numbering.label + block.title
        kept = keep(block, self.template)
        start = len(self.items)
        if block.run_in is None:
            self.text(heading, role, kept)
        else:
            spans = [(heading, self.style(role)), (block.run_in, self.style("body"))]
            self.add(self.lines_of([spans], "body"), "body", kept)
        if len(self.items) > start:
            self.items[start] = replace(self.items[start], bookmark=Bookmark(heading, self.depth))
        self.depth += 1
        self.blocks(block.blocks)
        self.depth -= 1
        following = self.items[start + 1] if len(self.items) > start + 1 else None
        if block.run_in is None and isinstance(following, TableBox) and following.landscape:
            self.onto_turned_page(start, heading, role)

    def onto_turned_page(self, at: int, heading: str, role: str) -> None:
        """The heading box at `at` set above the turned table that follows it, on the table's
        first page, instead of alone at the foot of the page before (the DOCX asks
        tablefit.opens_turned): at the turned block's width, on the grid's pitch, at the
        table's natural scale. Its bookmark leads to the turned page."""
        box, table = self.items[at], self.items[at + 1]
        spec = self.role(role)
        style = Style.of(spec)
        lines = self.natural.paragraph([(heading, style)], self.grid.height,
                                       first_indent=spec.indent_chars * self.natural.em(style),
                                       align=spec.align)
        band = Band((len(lines) + round(spec.space_after_lines)) * self.pitch,
                    tuple((self.grid.baseline(row) - self.grid.top, line)
                          for row, line in enumerate(lines)))
        self.items[at:at + 2] = [replace(table, above=band.over(table.above),
                                         bookmarks=(box.bookmark, *table.bookmarks))]

    def attachments(self, block: model.Attachments) -> None:
        """附件说明: 附件：1.名称, later numbers under 1., wrapped names under their first
        character; a single attachment has no number."""
        role = self.role("attachment")
        style = Style.of(role)
        metrics = self.setter.metrics(style)
        left = role.indent_chars * self.setter.em(style)
        after_label = left + metrics.width(ATTACHMENT_LABEL)
        numbered = len(block.names) > 1
        lines: list[Line] = []
        for n, name in enumerate(block.names, start=1):
            number = f"{n}." if numbered else ""
            lines += self.setter.paragraph([(number + name, style)], self.width,
                                           first_indent=after_label,
                                           indent=after_label + metrics.width(number),
                                           align=role.align)
        if lines:  # the label is set apart, so that justifying cannot move 1. off 2.
            lines[0] = self.setter.single(ATTACHMENT_LABEL, style, left) + lines[0]
        self.add(lines, "attachment", keep(block, self.template))

    def signature(self, block: model.Signature) -> None:
        """落款 without a seal (GB/T 9704 7.3.5.2): the organisation 2 characters in from the
        right, the date below it starting 2 characters further right; a date longer than that
        allows is set 2 characters in from the right and the organisation moves left with it.
        Further organisations stack below the first, sharing its right edge. With seals, see
        `Official.sealed_signature` (7.3.5.1)."""
        if block.seals:  # what stands before it keeps with it (`keeps_previous`)
            self.items.append(self.official.sealed_signature(block))
            return
        org_style, date_style = self.style("signature"), self.style("date")
        two = 2 * self.setter.em(org_style)
        right = self.width - two
        metrics = self.setter.metrics(org_style)
        # An organisation too long for one line is broken into balanced lines, each set flush
        # with the first line's right edge, leaving room for the date's 2-character step.
        pieces = [[line.text for line in balanced_lines(org, metrics.advance, right - 2 * two)]
                  for org in block.organisations]
        first = metrics.width(pieces[0][0]) if pieces else 0.0
        # A date wider than the line (free text) wraps, so it never pushes anything off the page.
        date_width = min(self.setter.metrics(date_style).width(block.date), right - two)
        date_x = min(right - first + two, right - date_width)
        org_right = date_x - two + first
        lines = [self.setter.single(piece, org_style, org_right - metrics.width(piece))
                 for org in pieces for piece in org]
        lines += self.flush(block.date, date_style, date_x, right - date_x, "left")
        self.add(lines, "signature", keep(block, self.template))

    def flush(self, text: str, style: Style, x: float, room: float, side: str) -> list[Line]:
        """`text` in `room` points from `x`, flush `side`, in balanced lines if it is wider."""
        metrics = self.setter.metrics(style)
        pieces = [line.text for line in balanced_lines(text, metrics.advance, room)]
        return [self.setter.single(piece, style, x if side == "left"
                                   else x + room - metrics.width(piece)) for piece in pieces]

    def note(self, block: model.Note) -> None:
        """附注 in parentheses, on the line after the date, which it stays with."""
        text = block.text if block.text.startswith(("（", "(")) else f"（{block.text}）"
        self.text(text, "note", keep(block, self.template))

    def imprint(self, block: model.Imprint) -> None:
        """版记: 抄送 (wrapped after 抄送：), then the issuer 1 character in from the left and
        the date with 印发 1 character in from the right, between full-width rules."""
        role = self.role("imprint")
        style = Style.of(role)
        metrics = self.setter.metrics(style)
        inset = role.indent_chars * self.setter.em(style)
        lines: list[Line] = []
        rules = [(0, THICK_RULE)]
        if self.template.head.layout == "letter":  # GB/T 9704 10.1: a letter's has no rules
            rules = []
        if block.copies_to:
            lines += self.setter.paragraph(
                [(COPIES_TO_LABEL + block.copies_to, style)], self.width - inset,
                first_indent=inset, indent=inset + metrics.width(COPIES_TO_LABEL),
                align=role.align)
        if block.issuer or block.issued:
            if lines and rules:
                rules.append((len(lines), THIN_RULE))
            issued = block.issued + ISSUED_SUFFIX if block.issued else ""
            room = self.width - 2 * inset
            together = metrics.width(block.issuer or "") + metrics.width(issued) + \
                self.setter.em(style)
            if together <= room:  # the usual case: both on one line, at either end
                line: Line = ()
                if block.issuer:
                    line += self.setter.single(block.issuer, style, inset)
                if issued:
                    line += self.setter.single(issued, style,
                                               self.width - inset - metrics.width(issued))
                lines.append(line)
            else:  # too long to share a line: the issuer flush left, the date flush right
                if block.issuer:
                    lines += self.flush(block.issuer, style, inset, room, "left")
                if issued:
                    lines += self.flush(issued, style, inset, room, "right")
        if rules:
            rules.append((len(lines), THICK_RULE))
        self.items.append(ImprintBox(tuple(lines), tuple(rules),
                                     round(role.space_before_lines)))

