"""The parts of an official document after its 版头 (masthead.py), as paragraphs an editor keeps
working with: a seal (GB/T 9704 7.3.5.1) is a picture anchored behind the organisation and
date; an attachment (7.3.7) starts a page; a 纪要's attendance list (10.3) hangs after its
label."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen import model
from reportgen.advances import measure
from reportgen.fontmetrics import em_descent
from reportgen.layout import seals
from reportgen.tablefit import opens_turned
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.seal import Pictures, anchor
from reportgen.writers.docx.styles import char_style_id

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry
    from reportgen.writers.docx.blocks import Body

PT_PER_MM = 72 / 25.4


class Part:
    """What writes a part of one official document into a `Body` works with."""

    def __init__(self, body: Body, grid: Grid, template: Template, fonts: FontRegistry,
                 pictures: Pictures | None) -> None:
        self.body = body
        self.grid = grid
        self.template = template
        self.fonts = fonts
        self.pictures = pictures

    def size(self, role: str) -> float:
        return self.template.role(role).size_pt


class Official(Part):
    """Writes the official parts of one document after its 版头 into a `Body`."""

    # -- 落款 with seals ---------------------------------------------------------------------------
    def sealed_signature(self, block: model.Signature) -> None:
        """As the PDF: `reportgen.layout.seals` fed with the widths of the organisations and
        the date in the faces the PDF draws them with (read through the font registry), so the
        seals lie where the PDF has them. Empty lines, then each row of organisations centred
        over their seals by centre tabs, the date 4 characters in from the right under the
        last one; the seals are pictures behind the text, anchored to their row's paragraph."""
        page, grid = self.template.page, self.grid
        width = page.text_width_mm * PT_PER_MM
        scale = width / (page.chars * grid.size_pt)  # the PDF's: characters on the grid's pitch
        org_pt, date_pt = self.size("signature"), self.size("date")
        org_width = measure(self.fonts, self.template.role("signature").faces)
        names = [org_width(name) * org_pt * scale for name in block.organisations]
        date = measure(self.fonts, self.template.role("date").faces)(block.date)
        em = date_pt * scale
        layout = seals.sealed_signature(
            names, date * date_pt * scale,
            [(seal.width_mm * PT_PER_MM, seal.height_mm * PT_PER_MM) for seal in block.seals],
            em=em, width=width, pitch=page.text_height_mm * PT_PER_MM / page.lines,
            size=grid.size_pt, descent=em_descent(self.fonts, self.template.role("body").faces))
        flat = oxml.ind(left=0, left_chars=0, right=0, right_chars=0, first_line=0,
                        first_line_chars=0)
        seated = list(zip(block.organisations, names, layout.seats, block.seals, strict=True))
        row = -1
        for next_row in sorted({seat.row for seat in layout.seats}):
            for _ in range(next_row - row - 1):
                self.body._paragraph("body", "", indent=flat, keep_next=True)
            row = next_row
            members = [member for member in seated if member[2].row == row]
            stops = oxml.tabs(*((round(20 * (seat.name_x + name / 2)), "center")
                                for _, name, seat, _ in members))
            p = self.body._paragraph("signature", "".join("\t" + name for name, *_ in members),
                                     align="left", tabs=stops, keep_next=True, indent=flat,
                                     line_spacing=oxml.spacing(before=0, before_lines=0,
                                                               after=0, after_lines=0))
            for _, _, seat, seal in members:
                across, height = seal.width_mm * PT_PER_MM, seal.height_mm * PT_PER_MM
                p.append(anchor(self.pictures, seal, round(20 * (seat.centre - across / 2)),
                                round(20 * layout.seal_top(height))))
        self.body._paragraph("date", block.date, align="right",
                             indent=oxml.ind(left=0, left_chars=0,
                                             right=round(20 * seals.DATE_IN_CHARS * em),
                                             right_chars=100 * seals.DATE_IN_CHARS,
                                             first_line=0, first_line_chars=0),
                             line_spacing=oxml.spacing(before=0, before_lines=0, after=0,
                                                       after_lines=0))

    # -- 附件 and 纪要 ---------------------------------------------------------------------------
    def attachment_page(self, page: model.AttachmentPage) -> None:
        """7.3.7: a new page, 附件1 top left, the title on the third line; on the landscape
        page of the table the attachment opens with, if it is a landscape one (横排表格)."""
        turned = opens_turned(page.blocks, self.template)
        self.body._paragraph("attachment_label", page.label, page_break_before=True,
                             landscape=turned)
        self.body._paragraph("title", "\n".join(self.body._title_lines(page.title, turned)),
                             landscape=turned)

    def attendance(self, block: model.Attendance) -> None:
        """10.3: the label in 黑体 after 2 characters, the names hanging after the colon."""
        p = self.body._paragraph("attendance", "")
        p.extend(self.body.runs(block.label + "：",
                                oxml.r_pr(style=char_style_id("attendance_label"))))
        p.extend(self.body.runs(block.names))

