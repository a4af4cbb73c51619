"""The 版头 in the DOCX (GB/T 9704 7.2, a letter's 10.1), placed where the PDF places it.

A document's 版头 is paragraphs in their own styles: 份号, 密级 and 紧急程度 on the first grid
lines, the red 发文机关标志 at its height, the 发文字号 with the red rule as its bottom border,
then the title back on the grid; a joint mark is a borderless table. A letter has its mark and
upper double rule in the first page's header, its lower double rule in a frame of the first
page's footer (which shows no page number), and a top margin the header never moves, so that
its 份号 and 发文字号 are placed from the text block's top as a document's are.

Positions are those of the PDF (writers/pdf/official.py): the mark's em box `mark_top_mm` down,
the 发文字号 on the PDF's grid baseline, the rule `rule_below_mm` below its em box, a letter's
first line 7/8 of a character below its rule. A line of exact height has its baseline 4/5 of
the way down (reportgen.layout.baseline, as LibreOffice 7.4 sets it and the PDF does), and an
em box stands `em_ascent` of its face above the baseline; Word and WPS were not measured.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportgen import model
from reportgen.fontmetrics import em_ascent
from reportgen.layout.baseline import baseline_depth
from reportgen.layout.columns import width_chars
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid, mm, pt
from reportgen.writers.docx.official import Part
from reportgen.writers.docx.styles import FOOTER_ODD, char_style_id, style_id

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry
    from reportgen.writers.docx.blocks import Body
    from reportgen.writers.docx.seal import Pictures

MARK_LEADING = 1.2
"""The step between the names of a joint mark, in ems (as the PDF)."""
SIGNERS_PER_LINE = 2
LETTER_GAP = 7 / 8
"""GB/T 9704 10.1: a letter's 份号 and 发文字号 stand 7/8 of a 3号 character below its rule."""
MAX_BORDER_SPACE = 31
"""Points a paragraph border may stand from its text (ECMA-376 Part 1, 17.3.4)."""


class Masthead(Part):
    """Writes the 版头 of one document into a `Body`; a letter's header distance is left in
    `header_distance`."""

    def __init__(self, body: Body, grid: Grid, template: Template, fonts: FontRegistry,
                 pictures: Pictures | None) -> None:
        super().__init__(body, grid, template, fonts, pictures)
        self.header_distance: int | None = None
        """Twips from the paper's top edge to a letter's first-page header (its letterhead);
        None for a document, whose header is empty."""

    def write(self, head: model.Masthead) -> None:
        if self.template.head.layout == "letter":
            self._letter(head)
        else:
            self._document(head)

    # -- geometry -----------------------------------------------------------------------------
    def _em_offset(self, role: str, line: int) -> int:
        """Twips from the top of a line `line` twips high (exact) down to the top of the em box
        of `role`'s text in it, set in the face the PDF draws that role with."""
        face = self.fonts.resolve(self.template.role(role).faces)
        return round(baseline_depth(line) - 20 * em_ascent(face.path, face.index)
                     * self.size(role))

    def _em_below(self, role: str) -> float:
        """Twips from the baseline down to the bottom of the em box of `role`'s face."""
        face = self.fonts.resolve(self.template.role(role).faces)
        return 20 * (1 - em_ascent(face.path, face.index)) * self.size(role)

    @property
    def _pdf_pitch(self) -> float:
        """The PDF's grid pitch in twips (the DOCX's is whole twips, a little less)."""
        return mm(self.template.page.text_height_mm) / self.template.page.lines

    def _pdf_baseline(self, row: int) -> float:
        """Twips below the text block's top of the PDF's baseline of grid line `row`
        (writers/pdf/grid.py)."""
        return row * self._pdf_pitch + baseline_depth(self._pdf_pitch)

    def _notes(self, head: model.Masthead) -> list[tuple[str, str]]:
        return [(text, role) for text, role in ((head.copy_number, "copy_number"),
                                               (head.secrecy, "secrecy"),
                                               (head.urgency, "urgency")) if text]

    # -- a document's 版头 (7.2) ----------------------------------------------------------------
    def _document(self, head: model.Masthead) -> None:
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
        if head.mark is None and head.doc_number is None:
            return
        # As the PDF: the mark takes the grid lines it reaches, two lines stay empty below it.
        row = math.ceil(bottom / self._pdf_pitch - 1e-6) + (2 if head.mark is not None else 0)
        lines = self._number_lines(head) if head.doc_number is not None else [("", "", None)]
        flat = oxml.ind(left=0, left_chars=0, right=0, right_chars=0, first_line=0,
                        first_line_chars=0)
        for i, (text, names, tabs) in enumerate(lines):
            top = round(self._pdf_baseline(row + i) - baseline_depth(pitch))  # its baseline
            rule, space = self._rule(top) if i == len(lines) - 1 else (None, 0)
            p = self.body._paragraph(
                "doc_number", text, align="left" if head.signers else "center",
                line_spacing=oxml.spacing(before=max(0, top - end), before_lines=0, after=0,
                                          after_lines=0),
                borders=[rule] if rule is not None else (), tabs=tabs, indent=flat)
            if names:
                p.extend(self.body.runs(names, oxml.r_pr(style=char_style_id("signers"))))
            end = max(top, end) + pitch + pt(space + (spec.rule_pt if rule is not None else 0))
        # The title two grid lines below the rule's, on the grid as the body lines after it.
        self.body._before = max(0, (row + len(lines) + 2) * pitch - end)

    def _rule(self, top: int) -> tuple[oxml.Element, int]:
        """The red rule as the bottom border of the 发文字号's last line, which starts `top`
        twips below the block's top: `rule_below_mm` below the 发文字号's em box as the PDF
        draws it (7.2.5); and the border's space from the text, in points."""
        spec = self.template.head
        pitch = self.grid.line_pitch
        em_bottom = top + baseline_depth(pitch) + self._em_below("doc_number")
        centre = em_bottom + mm(spec.rule_below_mm)
        space = round((centre - top - pitch) / 20 - spec.rule_pt / 2)
        space = min(max(space, 0), MAX_BORDER_SPACE)
        return oxml.border("bottom", round(spec.rule_pt * 8), space, spec.color), space

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
        size = pt(self.size("mark"))
        names = [width_chars(name) * size for name in mark.organisations]
        suffix = width_chars(mark.suffix) * size if mark.suffix else 0
        joint = len(names) > 1
        gap = size / 2 if joint and mark.suffix else 0
        total = (max(names) if joint else names[0] + suffix) + gap + (suffix if joint else 0)
        scale = min(100, math.floor(100 * self.grid.text_width / total))
        props = oxml.r_pr(scale=scale) if scale < 100 else None
        if not joint:
            line = round(size * 1.25)
            before = max(0, top - start - self._em_offset("mark", line))
            p = self.body._paragraph(
                "mark", "", line_spacing=oxml.spacing(line=line, before=before, before_lines=0,
                                                      after=0, after_lines=0))
            p.extend(self.body.runs(mark.organisations[0] + mark.suffix, props))
            return start + before + line
        step = round(size * MARK_LEADING)
        lead = max(20, top - start - self._em_offset("mark", step))  # the table's top
        self.body._paragraph("mark", "", line_spacing=oxml.spacing(
            line=lead, before=0, before_lines=0, after=0, after_lines=0))
        fit = min(1.0, self.grid.text_width / total)
        self.body._append(self._joint_mark(mark, step, scale, [n * fit for n in names],
                                           (suffix + gap) * fit))
        return start + lead + step * len(names)

    def _joint_mark(self, mark: model.IssuerMark, step: int, scale: int,
                    names: list[float], suffix: float) -> oxml.Element:
        """A borderless table: the names spread to one width in the left column, the suffix
        in the right, centred across them (GB/T 9704 7.2.4). `names` and `suffix` (with the
        gap before it) are the widths the PDF gives them, narrowed as it narrows them to fit
        the block: `scale` is a whole percentage, a little narrower, and the names spread to
        the exact width as the PDF's do."""
        left = round(max(names))
        right = round(suffix) if mark.suffix else 0
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
            style=style_id("mark"), align=align,
            line_spacing=oxml.spacing(line=step, before=0, before_lines=0, after=0,
                                      after_lines=0)))
        p.extend(self.body.runs(text, props))
        return oxml.el("w:tc", None,
                       oxml.el("w:tcPr", None, oxml.el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                               merge, oxml.val("w:vAlign", "center")), p)

    # -- a letter's (10.1) ----------------------------------------------------------------------
    def _letter(self, head: model.Masthead) -> None:
        """The mark and the upper double rule in the first page's header, the lower one in a
        frame of its footer (no page number there); 份号, 密级, 紧急程度 and the 发文字号 as the
        first paragraphs, 7/8 of a character below the rule, the title two lines below them."""
        if self.pictures is None:
            return
        spec = self.template.head
        header, footer = self.pictures.first_page()
        mark_top = mm(spec.mark_top_mm)
        rule_top = mark_top + mm(spec.rule_below_mm)  # the thick line's upper edge
        self.header_distance = mark_top
        mark_line = 0
        if head.mark is not None:
            size = pt(self.size("mark"))
            mark_line = round(size * 1.25)
            self.header_distance = mark_top - self._em_offset("mark", mark_line)
            p = oxml.el("w:p", None, oxml.p_pr(style=style_id("mark"), line_spacing=oxml.spacing(
                line=mark_line, before=0, after=0)))
            p.extend(self.body.runs(head.mark.organisations[0] + head.mark.suffix))
            header.append(p)
            rule_top += size  # below the mark's em box
        header.append(self._double_rule("top", before=rule_top - self.header_distance - mark_line))
        page = self.template.page
        if spec.foot_rule_mm:
            # A frame on the page: the footer's own distance is the page number's (7.5).
            y = mm(page.height_mm - spec.foot_rule_mm) - self._double_rule_height()
            footer.append(self._double_rule("bottom", frame=oxml.frame_pr(
                width=self._rule_length(), x_align="center", h_anchor="page", v_anchor="page",
                y=y)))
        footer.append(oxml.el("w:p", None, oxml.p_pr(style=FOOTER_ODD)))  # as high as a number
        self._letter_lines(head, rule_top + self._double_rule_height() - mm(page.top_mm))

    def _rule_length(self) -> int:
        spec = self.template.head
        return mm(spec.rule_length_mm) if spec.rule_length_mm else self.grid.text_width

    def _double_rule_height(self) -> int:
        spec = self.template.head
        return pt(spec.rule_pt + spec.rule_gap_pt + spec.thin_rule_pt)

    def _double_rule(self, thick: str, before: int = 0,
                     frame: oxml.Element | None = None) -> oxml.Element:
        """A letter's double rule as an empty paragraph's borders, the thick line on the side
        `thick` (top: under the mark; bottom: at the page's foot), `rule_length_mm` long and
        centred on the paper; `before` twips above it."""
        spec, page = self.template.head, self.template.page
        wide, narrow = round(spec.rule_pt * 8), round(spec.thin_rule_pt * 8)
        top, bottom = (wide, narrow) if thick == "top" else (narrow, wide)
        outside = (mm(page.width_mm) - self._rule_length()) // 2
        indent = oxml.ind(left=0, right=0, first_line=0) if frame is not None else \
            oxml.ind(left=outside - mm(page.left_mm), right=outside - mm(page.right_mm),
                     first_line=0)
        return oxml.el("w:p", None, oxml.p_pr(
            frame=frame, indent=indent,
            borders=[oxml.border("top", top, 0, spec.color),
                     oxml.border("bottom", bottom, 0, spec.color)],
            line_spacing=oxml.spacing(line=max(20, pt(spec.rule_gap_pt)), before=max(0, before),
                                      after=0)))

    def _letter_lines(self, head: model.Masthead, below: int) -> None:
        """份号, 密级, 紧急程度 down the left and the 发文字号 at the right of the first, their
        em boxes' tops 7/8 of a character below `below` (the rule's lower edge, twips below the
        text block's top) and one PDF grid pitch apart; the title two grid lines below."""
        pitch = self.grid.line_pitch
        first = below + LETTER_GAP * pt(self.grid.size_pt)
        notes = self._notes(head)
        rows = max(len(notes), 1 if head.doc_number else 0)
        end = 0
        for i in range(rows):
            text, role = notes[i] if i < len(notes) else ("", "doc_number")
            if i == 0 and head.doc_number:
                text += "\t" + head.doc_number
            top = round(first + i * self._pdf_pitch) - self._em_offset(role, pitch)
            # The right tab stop short of the margin by the characters' negative spacing, so that
            # the last character's box ends on the margin as in the PDF.
            self.body._paragraph(
                role, text, align="left", tabs=oxml.tab(
                    self.grid.text_width + self.grid.char_spacing(self.size(role))),
                indent=oxml.ind(left=0, left_chars=0, first_line=0, first_line_chars=0),
                line_spacing=oxml.spacing(before=max(0, top - end), before_lines=0, after=0,
                                          after_lines=0))
            end = max(top, end) + pitch
        # As the PDF: the title two lines below the grid line the last of them reaches.
        last = first + (rows - 1) * self._pdf_pitch + pt(self.grid.size_pt) if rows else below
        row = math.ceil(last / self._pdf_pitch - 1e-6) + 2
        self.body._before = max(0, row * pitch - end)

