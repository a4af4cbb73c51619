"""The parts of an official document as issued, laid out for the PDF (GB/T 9704-2012).

The 版头 (7.2, or a letter's 10.1) is a `Fixed` item at the top of the first page; a sealed 落款
(7.3.5.1) a box whose seal is a picture over the organisation and the date; an attachment
(7.3.7) starts a page with 附件1 and its title; a 纪要's attendance list (10.3) hangs after its
colon. Positions are in points from the text block's top left, rows in grid lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from reportgen import model
from reportgen.fontmetrics import em_descent
from reportgen.layout import seals
from reportgen.template import Template
from reportgen.titlefit import title_lines
from reportgen.writers.pdf.flow import Band, Box, Fixed, Item, PageBreak, Picture, Rule
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.text import Line, Setter, Style

MARK_LEADING = 1.2
"""The step between the names of a joint mark, in ems of the mark's size."""
SIGNER_GAP_CHARS = 1.0
"""Space between two 签发人 names on a line, in characters."""
SIGNERS_PER_LINE = 2
"""GB/T 9704 7.2.6: two names a line, further lines aligned under the first name."""
LETTER_GAP = 7 / 8
"""GB/T 9704 10.1: elements under a letter's first rule, 7/8 of a 3号 character below it."""


def descent(font: str) -> float:
    """The font's descent (negative, in ems) as it declares it, which PDF readers use for the
    lower edge of a glyph's box."""
    return pdfmetrics.getFont(font).face.descent / 1000


def em_above(line: Line) -> float:
    """Points from the baseline up to the top of the highest ideographic em box of `line`.

    A face's em box spans one em up from its declared descent, so faces differ: Song, Hei and
    Kai stand 0.88 em above the baseline, the bundled 仿宋 0.85 em. GB/T 9704 measures to the
    characters, so a distance from a rule is taken to the em box of the face that draws them.
    """
    return max(run.size * (1 + descent(run.font)) for run in line)


def em_below(line: Line) -> float:
    """Points from the baseline down to the bottom of the lowest ideographic em box of `line`."""
    return max(-run.size * descent(run.font) for run in line)


class Official:
    """Lays out the official parts of one document for the PDF box builder."""

    def __init__(self, template: Template, setter: Setter, grid: Grid,
                 paragraph: Callable[[str, str], list[Line]]) -> None:
        self.template = template
        self.setter = setter
        self.grid = grid
        self.width = grid.width
        self.paragraph = paragraph

    def style(self, role: str) -> Style:
        return Style.of(self.template.role(role))

    # -- 版头 ------------------------------------------------------------------------------------
    def masthead(self, head: model.Masthead) -> Fixed:
        if self.template.head.layout == "letter":
            return self._letter_head(head)
        return self._document_head(head)

    def _document_head(self, head: model.Masthead) -> Fixed:
        """GB/T 9704 7.2: notes top left on lines 1–3, the mark's upper edge `mark_top_mm`
        below the block's top, the 发文字号 two lines below the mark (with the 签发人 of a
        上行文), the red rule `rule_below_mm` below it, the title two lines below the rule."""
        spec = self.template.head
        lines: list[tuple[int, Line]] = []
        for text, role in self._notes(head):
            lines.append((len(lines), self.setter.single(text, self.style(role), 0.0)))
        free: list[tuple[float, Line, float]] = []
        bottom = len(lines) * self.grid.pitch
        if head.mark is not None:
            free, bottom = self._mark(head.mark, spec.mark_top_mm * mm)
        row = math.ceil(bottom / self.grid.pitch - 1e-6) + (2 if head.mark else 0)
        if head.mark is not None or head.doc_number is not None:
            # Without a 发文字号 the rule keeps its place below the empty line.
            number_lines = self._number_lines(head) if head.doc_number is not None else [()]
            lines += [(row + i, line) for i, line in enumerate(number_lines)]
            row += len(number_lines) - 1
            # The rule is measured from the 发文字号's own em box (an empty line's: the role's).
            number = self.setter.single(head.doc_number or "\u3000", self.style("doc_number"),
                                        0.0)
            bottom = self.grid.baseline(row) - self.grid.top + em_below(number)
        else:
            return Fixed(tuple(lines), (), (), len(lines), space_after=1)
        # The title two lines below the rule: the rule's grid line and the next stay empty.
        y = bottom + spec.rule_below_mm * mm
        rule = Rule(0.0, y, self.width, y, spec.rule_pt, spec.color)
        return Fixed(tuple(lines), tuple(free), (rule,), math.floor(y / self.grid.pitch),
                     space_after=2)

    def _notes(self, head: model.Masthead) -> list[tuple[str, str]]:
        """份号, 密级和保密期限 and 紧急程度, in that order (7.2.1–7.2.3)."""
        return [(text, role) for text, role in ((head.copy_number, "copy_number"),
                                               (head.secrecy, "secrecy"),
                                               (head.urgency, "urgency")) if text]

    def _number_lines(self, head: model.Masthead) -> list[Line]:
        """The 发文字号 centred; or, with 签发人, 1 character in from the left on the line of
        the last name, the names 1 character in from the right, two a line (7.2.5, 7.2.6)."""
        number_style = self.style("doc_number")
        metrics = self.setter.metrics(number_style)
        if not head.signers:
            x = (self.width - metrics.width(head.doc_number)) / 2
            return [self.setter.single(head.doc_number, number_style, x)]
        names_style = self.style("signers")
        names = self.setter.metrics(names_style)
        em = self.setter.em(number_style)
        gap = SIGNER_GAP_CHARS * self.setter.em(names_style)
        rows = [head.signers[i:i + SIGNERS_PER_LINE]
                for i in range(0, len(head.signers), SIGNERS_PER_LINE)]
        widest = max(sum(names.width(n) for n in row) + gap * (len(row) - 1) for row in rows)
        names_x = self.width - em - widest
        label_x = names_x - metrics.width(model.SIGNERS_LABEL)
        out = []
        for i, row in enumerate(rows):
            line: Line = ()
            if i == 0:
                line += self.setter.single(model.SIGNERS_LABEL, number_style, label_x)
            x = names_x
            for name in row:
                line += self.setter.single(name, names_style, x)
                x += names.width(name) + gap
            if i == len(rows) - 1:
                line = self.setter.single(head.doc_number, number_style, em) + line
            out.append(line)
        return out

    def _mark(self, mark: model.IssuerMark, top: float) -> tuple[list, float]:
        """The mark's lines (baseline, line, scale) with its upper edge at `top` points below
        the block's top, and its lower edge. Several organisations stack, each spread to the
        widest name's width, the suffix to their right centred on them (7.2.4); the whole is
        centred, and narrowed to fit the block when too wide."""
        style = self.style("mark")
        size = style.size
        natural = self.setter.metrics(style, 1.0)
        names = [natural.width(name) for name in mark.organisations]
        widest = max(names)
        suffix = natural.width(mark.suffix) if mark.suffix else 0.0
        gap = size / 2 if mark.suffix and len(names) > 1 else 0.0
        total = widest + gap + suffix
        scale = min(1.0, self.width / total)
        left = (self.width - total * scale) / 2
        face_descent = descent(natural.glyph(mark.organisations[0][0])[0])
        step = size * MARK_LEADING
        first = top + size * (1 + face_descent)  # first baseline: the em box's top at `top`
        free = []
        if len(names) == 1:
            line = self.setter.single(mark.organisations[0] + mark.suffix, style, left, scale)
            free.append((first, line, scale))
        else:
            for i, name in enumerate(mark.organisations):
                line = self._spread(name, style, left, widest * scale, scale)
                free.append((first + i * step, line, scale))
            if mark.suffix:
                middle = first + (len(names) - 1) * step / 2
                x = left + (widest + gap) * scale
                free.append((middle, self.setter.single(mark.suffix, style, x, scale), scale))
        bottom = top + (len(names) - 1) * step + size
        return free, bottom

    def _spread(self, text: str, style: Style, left: float, width: float,
                scale: float) -> Line:
        """`text` spread evenly over `width` points (a joint mark's name), at `scale`."""
        metrics = self.setter.metrics(style, scale)
        extra = (width - metrics.width(text)) / (len(text) - 1) if len(text) > 1 else 0.0
        line: Line = ()
        x = left
        for ch in text:
            line += self.setter.single(ch, style, x, scale)
            x += metrics.width(ch) + extra
        return line

    def _letter_head(self, head: model.Masthead) -> Fixed:
        """GB/T 9704 10.1: the mark `mark_top_mm` below the paper's top edge, a double rule
        (thick over thin) `rule_below_mm` below it and another (thin over thick) `foot_rule_mm`
        above the paper's bottom edge, both `rule_length_mm` long and centred on the paper;
        份号, 密级 and 紧急程度 at the left under the first rule, the 发文字号 at the right, the
        first 7/8 of a 3号 character below it; the title two lines below the last of them."""
        spec = self.template.head
        grid = self.grid
        free: list[tuple[float, Line, float]] = []
        bottom = spec.mark_top_mm * mm - grid.top
        if head.mark is not None:
            free, bottom = self._mark(head.mark, bottom)
        length = spec.rule_length_mm * mm or self.width
        x0 = (grid.page_width - length) / 2 - grid.left
        thick, thin, gap = spec.rule_pt, spec.thin_rule_pt, spec.rule_gap_pt
        rules = []

        def rule(y: float, width: float) -> None:
            rules.append(Rule(x0, y, x0 + length, y, width, spec.color))

        y = bottom + spec.rule_below_mm * mm + thick / 2
        rule(y, thick)
        y += thick / 2 + gap + thin / 2
        rule(y, thin)
        below = y + thin / 2
        if spec.foot_rule_mm:
            low = grid.page_height - spec.foot_rule_mm * mm - grid.top - thick / 2
            rule(low, thick)
            rule(low - thick / 2 - gap - thin / 2, thin)
        first_top = below + LETTER_GAP * grid.body_size  # the em boxes' top, one line each
        last = below
        placed = [(i, self.setter.single(text, self.style(role), 0.0))
                  for i, (text, role) in enumerate(self._notes(head))]
        if head.doc_number is not None:
            style = self.style("doc_number")
            x = self.width - self.setter.metrics(style).width(head.doc_number)
            placed.append((0, self.setter.single(head.doc_number, style, x)))
        for i, line in placed:
            baseline = first_top + i * grid.pitch + em_above(line)
            free.append((baseline, line, grid.scale))
            last = max(last, baseline + em_below(line))
        return Fixed((), tuple(free), tuple(rules), math.ceil(last / grid.pitch - 1e-6),
                     space_after=2)

    # -- 落款 with seals ---------------------------------------------------------------------------
    def sealed_signature(self, block: model.Signature) -> Box:
        """7.3.5.1 as `reportgen.layout.seals` lays it out: each seal a picture over its
        organisation, the last one over the date too; the empty lines above keep the seals'
        tops within one line of the text above."""
        org_style, date_style = self.style("signature"), self.style("date")
        org_metrics = self.setter.metrics(org_style)
        pitch = self.grid.pitch
        layout = seals.sealed_signature(
            [org_metrics.width(name) for name in block.organisations],
            self.setter.metrics(date_style).width(block.date),
            [(seal.width_mm * mm, seal.height_mm * mm) for seal in block.seals],
            em=self.setter.em(date_style), width=self.width, pitch=pitch,
            size=self.grid.body_size,
            descent=em_descent(self.setter.fonts, self.template.role("body").faces))
        lines: list[Line] = [() for _ in range(layout.date_row + 1)]
        pictures = []
        for name, seat, seal in zip(block.organisations, layout.seats, block.seals, strict=True):
            lines[seat.row] += self.setter.single(name, org_style, seat.name_x)
            width, height = seal.width_mm * mm, seal.height_mm * mm
            pictures.append(Picture(seal.png, seat.centre - width / 2,
                                    seat.row + layout.seal_top(height) / pitch, width, height))
        lines[layout.date_row] = self.setter.single(block.date, date_style, layout.date_x)
        return Box(tuple(lines), keep_together=True, pictures=tuple(pictures), squeeze=True)

    # -- 附件 and 纪要 ---------------------------------------------------------------------------
    def attachment_page(self, page: model.AttachmentPage) -> list[Item]:
        """7.3.7: a new page, 附件1 top left in 黑体, the title on the third line."""
        label = self.template.role("attachment_label")
        title = self.template.role("title")
        lines = self._title(page.title, self.setter, self.width)
        return [PageBreak(),
                Box(tuple(self.paragraph(page.label, "attachment_label")), 0,
                    round(label.space_after_lines), keep_with_next=True),
                Box(tuple(lines), round(title.space_before_lines),
                    round(title.space_after_lines), keep_with_next=True, keep_together=True)]

    def turned_attachment_head(self, page: model.AttachmentPage, setter: Setter) -> Band:
        """7.3.7 on a turned page, for an attachment that opens with a landscape table (横排
        表格): 附件1 at the top left and the title centred on the third line of the turned
        block, on the grid's pitch, set by `setter` at natural width as the table is."""
        label_role, title_role = (self.template.role(r) for r in ("attachment_label", "title"))
        width = self.grid.height  # the turned block is as wide as the portrait one is high
        label_style = self.style("attachment_label")
        indent = label_role.indent_chars * setter.em(label_style)
        label = setter.paragraph([(page.label, label_style)], width, first_indent=indent,
                                 align=label_role.align)
        title = self._title(page.title, setter, width)
        gap = round(max(label_role.space_after_lines, title_role.space_before_lines))
        rows = [*enumerate(label), *enumerate(title, start=len(label) + gap)]
        grid = self.grid
        lines = tuple((grid.baseline(row) - grid.top, line) for row, line in rows)
        return Band((rows[-1][0] + 1 + round(title_role.space_after_lines)) * grid.pitch, lines)

    def _title(self, text: str, setter: Setter, width: float) -> list[Line]:
        """An attachment's title in the lines `titlefit` breaks it into, each centred."""
        style = self.style("title")
        return [line for piece in title_lines(text, setter.fonts, self.template.role("title"),
                                              width)
                for line in setter.centred(piece, style, width)]

    def attendance(self, block: model.Attendance, first: bool) -> Box:
        """10.3: the label and a full-width colon in 黑体, 2 characters in; the names in the
        body face, wrapped lines under the first name."""
        role = self.template.role("attendance")
        style, label_style = self.style("attendance"), self.style("attendance_label")
        label = block.label + "："
        left = role.indent_chars * self.setter.em(style)
        after = left + self.setter.metrics(label_style).width(label)
        lines = self.setter.paragraph([(block.names, style)], self.width, first_indent=after,
                                      indent=after, align=role.align)
        if lines:
            lines[0] = self.setter.single(label, label_style, left) + lines[0]
        return Box(tuple(lines), round(role.space_before_lines) if first else 0)

