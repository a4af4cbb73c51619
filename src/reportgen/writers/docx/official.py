"""The parts of an official document as issued, as paragraphs an editor keeps working with.

The 版头 (GB/T 9704 7.2) is paragraphs in its own styles: the red 发文机关标志 at its height,
the 发文字号 with the red rule as its bottom border, then the title back on the grid; a joint
mark is a borderless table. A letter (10.1) has its mark and double rules in the first page's
header and footer, which shows no page number. A seal (7.3.5.1) is a picture anchored behind
the organisation and date; an attachment (7.3.7) starts a page; a 纪要's attendance list (10.3)
hangs after its label.

Word and LibreOffice set a line of exact height with its glyphs' em box `0.8 × height − size`
below the line's top (measured in LibreOffice 7.4), which places the mark where the PDF has it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from reportgen import model
from reportgen.advances import measure
from reportgen.layout import seals
from reportgen.layout.columns import width_chars
from reportgen.tablefit import fit
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid, mm, pt
from reportgen.writers.docx.seal import Pictures, anchor
from reportgen.writers.docx.styles import char_style_id

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry
    from reportgen.writers.docx.blocks import Body

EXACT_ASCENT = 0.8
"""Share of an exact line's height above the glyphs' em bottom, less the size (see above)."""
GRID_EM_SHIFT = 0.7
"""Points by which LibreOffice sets a body line's em box higher in its grid line than centred
(5.8 pt below the top of a 28.95 pt line, measured), so the first line a letter's header pushes
down comes out that much lower than the PDF's."""
MARK_LEADING = 1.2
"""The step between the names of a joint mark, in ems (as the PDF)."""
SIGNERS_PER_LINE = 2
LETTER_GAP = 7 / 8
PT_PER_MM = 72 / 25.4


class Official:
    """Writes the official parts of one document into a `Body`."""

    def __init__(self, body: Body, grid: Grid, template: Template, fonts: FontRegistry,
                 pictures: Pictures | None) -> None:
        self.body = body
        self.grid = grid
        self.template = template
        self.fonts = fonts
        self.pictures = pictures

    def size(self, role: str) -> float:
        return self.template.role(role).size_pt

    # -- 版头 ------------------------------------------------------------------------------------
    def masthead(self, head: model.Masthead) -> None:
        if self.template.head.layout == "letter":
            self._letter_head(head)
        else:
            self._document_head(head)

    def _notes(self, head: model.Masthead) -> list[tuple[str, str]]:
        return [(text, role) for text, role in ((head.copy_number, "copy_number"),
                                               (head.secrecy, "secrecy"),
                                               (head.urgency, "urgency")) if text]

    def _document_head(self, head: model.Masthead) -> None:
        spec = self.template.head
        pitch = self.grid.line_pitch
        notes = self._notes(head)
        for text, role in notes:
            self.body._paragraph(role, text)
        end = len(notes) * pitch  # twips below the block's top where the next paragraph starts
        bottom = end
        if head.mark is not None:
            top = mm(spec.mark_top_mm)
            end = self._mark(head.mark, top, end)
            size = pt(self.size("mark"))
            bottom = top + round((len(head.mark.organisations) - 1) * MARK_LEADING * size) + size
        # As the PDF: the mark takes the grid lines it reaches, two lines stay empty below it.
        pdf_pitch = mm(self.template.page.text_height_mm) / self.template.page.lines
        row = math.ceil(bottom / pdf_pitch - 1e-6) + (2 if head.mark is not None else 0)
        if head.mark is None and head.doc_number is None:
            return
        rule = self._rule_border(spec)
        lines = self._number_lines(head) if head.doc_number is not None else [("", "", None)]
        for i, (text, names, tabs) in enumerate(lines):
            last = i == len(lines) - 1
            before = row * pitch - end if i == 0 else 0
            p = self.body._paragraph(
                "doc_number", text, align="left" if head.signers else "center",
                line_spacing=oxml.spacing(before=max(0, before), before_lines=0, after=0,
                                          after_lines=0),
                borders=[rule] if last else (), tabs=tabs,
                indent=oxml.ind(left=0, left_chars=0, right=0, right_chars=0, first_line=0,
                                first_line_chars=0))
            if names:
                p.extend(self.body.runs(names, oxml.r_pr(style=char_style_id("signers"))))
        # The title two lines below the rule: the border's height taken off its spacing.
        border = 20 * (int(rule.get(qn("w:space"))) + spec.rule_pt)
        self.body._before = round(2 * pitch - border)

    def _rule_border(self, spec) -> oxml.Element:
        """The red rule as the 发文字号's bottom border, `rule_below_mm` below its glyphs: in
        a grid line the em box ends 6.5 pt above the line's bottom (the PDF's centring)."""
        below = spec.rule_below_mm * 72 / 25.4 - (self.grid.line_pitch / 20 - 16) / 2
        space = max(0, round(below - spec.rule_pt / 2))
        return oxml.border("bottom", round(spec.rule_pt * 8), space, spec.color)

    def _number_lines(self, head: model.Masthead) -> list[tuple[str, str, oxml.Element | None]]:
        """(text, names in 楷体, tabs) of each line of the 发文字号 and the 签发人 (7.2.5,
        7.2.6): the number centred; or 1 character in on the line of the last name, the names
        two a line, 1 character in from the right, later lines under the first name. Tabs,
        not indents, keep the paragraph and its rule as wide as the block."""
        if not head.signers:
            return [(head.doc_number, "", None)]
        em = pt(self.size("doc_number"))
        names_em = pt(self.size("signers"))
        width = self.grid.text_width
        rows = [head.signers[i:i + SIGNERS_PER_LINE]
                for i in range(0, len(head.signers), SIGNERS_PER_LINE)]
        joined = ["\u3000".join(row) for row in rows]
        widest = max(width_chars(text) for text in joined) * names_em
        names_x = width - em - round(widest)
        label_x = names_x - round(width_chars(model.SIGNERS_LABEL) * em)
        lines = []
        for i, text in enumerate(joined):
            number = head.doc_number if i == len(joined) - 1 else ""
            if i == 0:
                stops = oxml.tabs((em, "left"), (label_x, "left"))
                lines.append((f"\t{number}\t{model.SIGNERS_LABEL}", text, stops))
            else:
                lines.append((f"\t{number}\t", text, oxml.tabs((em, "left"), (names_x, "left"))))
        return lines

    def _mark(self, mark: model.IssuerMark, top: int, start: int) -> int:
        """The mark with its em box's top `top` twips below the block's top, after what ends
        at `start`; where what follows starts."""
        size_pt = self.size("mark")
        size = pt(size_pt)
        names = [width_chars(name) * size for name in mark.organisations]
        suffix = width_chars(mark.suffix) * size if mark.suffix else 0
        joint = len(names) > 1
        gap = size / 2 if joint and mark.suffix else 0
        total = (max(names) if joint else names[0] + suffix) + gap + (suffix if joint else 0)
        scale = min(100, math.floor(100 * self.grid.text_width / total))
        props = oxml.r_pr(scale=scale) if scale < 100 else None
        if not joint:
            line = round(size * 1.25)  # an exact line whose em box starts at its top
            before = top - start - round(EXACT_ASCENT * line - size)
            p = self.body._paragraph(
                "mark", "", snap_to_grid=False,
                line_spacing=oxml.spacing(line=line, before=max(0, before), before_lines=0,
                                          after=0, after_lines=0))
            p.extend(self.body.runs(mark.organisations[0] + mark.suffix, props))
            return start + max(0, before) + line
        step = round(size * MARK_LEADING)
        lead = top - start - round(EXACT_ASCENT * step - size)  # the table's top
        self.body._paragraph("mark", "", snap_to_grid=False, line_spacing=oxml.spacing(
            line=max(20, lead), before=0, before_lines=0, after=0, after_lines=0))
        self.body._append(self._joint_mark(mark, step, scale, names, suffix, gap))
        return start + max(20, lead) + step * len(names)

    def _joint_mark(self, mark: model.IssuerMark, step: int, scale: int,
                    names: list[float], suffix: float, gap: float) -> oxml.Element:
        """A borderless table: the names spread to one width in the left column, the suffix
        in the right, centred across them (GB/T 9704 7.2.4)."""
        left = round(max(names) * scale / 100)
        right = round((suffix + gap) * scale / 100) if mark.suffix else 0
        widths = [left] + ([right] if right else [])
        props = oxml.r_pr(scale=scale) if scale < 100 else None
        none = [oxml.el(f"w:{side}", {"w:val": "nil"}) for side in
                ("top", "left", "bottom", "right", "insideH", "insideV")]
        tbl = oxml.el(
            "w:tbl", None,
            oxml.el("w:tblPr", None,
                    oxml.el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
                    oxml.val("w:jc", "center"),
                    oxml.el("w:tblBorders", None, *none),
                    oxml.el("w:tblLayout", {"w:type": "fixed"}),
                    oxml.el("w:tblCellMar", None,
                            *(oxml.el(f"w:{side}", {"w:w": 0, "w:type": "dxa"})
                              for side in ("top", "left", "bottom", "right")))),
            oxml.el("w:tblGrid", None, *(oxml.el("w:gridCol", {"w:w": w}) for w in widths)))
        for i, name in enumerate(mark.organisations):
            tr = oxml.el("w:tr", None, oxml.el("w:trPr", None, oxml.el(
                "w:trHeight", {"w:val": step, "w:hRule": "exact"})))
            tr.append(self._cell(left, name, props, step, "distribute"))
            if right:
                merge = oxml.val("w:vMerge", "restart") if i == 0 else oxml.el("w:vMerge")
                tr.append(self._cell(right, mark.suffix if i == 0 else "", props, step,
                                     "right", merge))
            tbl.append(tr)
        return tbl

    def _cell(self, width: int, text: str, props, step: int, align: str,
              merge: oxml.Element | None = None) -> oxml.Element:
        p = oxml.el("w:p", None, oxml.p_pr(
            style="IssuerMark", snap_to_grid=False, align=align,
            line_spacing=oxml.spacing(line=step, before=0, before_lines=0, after=0,
                                      after_lines=0)))
        p.extend(self.body.runs(text, props))
        return oxml.el("w:tc", None,
                       oxml.el("w:tcPr", None, oxml.el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                               merge, oxml.val("w:vAlign", "center")), p)

    def _letter_head(self, head: model.Masthead) -> None:
        """The mark and the first double rule in the first page's header, the second double
        rule in its footer (no page number there); 份号, 密级, 紧急程度 and the 发文字号 as the
        first paragraphs, the title two lines below them."""
        spec = self.template.head
        page = self.template.page
        pitch = self.grid.line_pitch
        if self.pictures is None:
            return
        header, footer = self.pictures.first_page()
        size = pt(self.size("mark"))
        line = round(size * 1.25)
        length = mm(spec.rule_length_mm) if spec.rule_length_mm else self.grid.text_width
        outside = (mm(page.width_mm) - length) // 2

        def indent() -> oxml.Element:  # the rules 170 mm long, centred on the paper
            return oxml.ind(left=outside - mm(page.left_mm), right=outside - mm(page.right_mm),
                            first_line=0)

        thick, thin = round(spec.rule_pt * 8), round(spec.thin_rule_pt * 8)
        below = spec.rule_below_mm * 72 / 25.4 - 0.25 * size / 20
        if head.mark is not None:
            p = oxml.el("w:p", None, oxml.p_pr(
                style="IssuerMark", snap_to_grid=False,
                line_spacing=oxml.spacing(line=line, before=0, after=0)))
            p.extend(self.body.runs(head.mark.organisations[0] + head.mark.suffix))
            header.append(p)
        header.append(oxml.el("w:p", None, oxml.p_pr(
            snap_to_grid=False, indent=indent(),
            borders=[oxml.border("top", thick, max(0, round(below)), spec.color),
                     oxml.border("bottom", thin, 0, spec.color)],
            line_spacing=oxml.spacing(line=max(20, round(20 * spec.rule_gap_pt)),
                                      before=0, after=0))))
        footer.append(oxml.el("w:p", None, oxml.p_pr(
            snap_to_grid=False, indent=indent(),
            borders=[oxml.border("top", thin, 0, spec.color),
                     oxml.border("bottom", thick, 0, spec.color)],
            line_spacing=oxml.spacing(line=max(20, round(20 * spec.rule_gap_pt)),
                                      before=0, after=0))))
        notes = self._notes(head)
        rows = max(len(notes), 1 if head.doc_number else 0)
        for i in range(rows):
            text, role = notes[i] if i < len(notes) else ("", "body")
            if i == 0 and head.doc_number:
                text += "\t" + head.doc_number
            self.body._paragraph(role, text, tabs=oxml.tab(self.grid.text_width),
                                 indent=oxml.ind(left=0, left_chars=0, first_line=0,
                                                 first_line_chars=0))
        # The body starts below the header, where the reader puts it: the title is placed
        # from the first line, as far below it as in the PDF (two lines below the last line).
        body_pt = self.grid.size_pt
        pdf = self.template.page.text_height_mm * 72 / 25.4 / self.template.page.lines
        size = self.size("mark") if head.mark is not None else 0.0
        below = (spec.mark_top_mm - page.top_mm) * 72 / 25.4 + size \
            + spec.rule_below_mm * 72 / 25.4 + spec.rule_pt + spec.rule_gap_pt \
            + spec.thin_rule_pt
        first = below + LETTER_GAP * body_pt  # the first line's em top, below the block's top
        last = first + max(rows - 1, 0) * pdf + body_pt
        title_row = math.ceil(last / pdf - 1e-6) + 2
        title_pt = self.size("title")
        title_top = title_row * pdf + (pdf - body_pt) / 2 + 0.88 * (body_pt - title_pt)
        line = pitch / 20
        before = title_top - first - rows * line - EXACT_ASCENT * line + title_pt \
            + (line - body_pt) / 2 - GRID_EM_SHIFT
        self.body._before = max(0, round(before * 20))

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
            size=grid.size_pt)
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
        first = page.blocks[0] if page.blocks else None
        turned = isinstance(first, model.Table) and fit(first, self.template).landscape
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

