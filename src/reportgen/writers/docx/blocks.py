"""The document body: each model block as styled paragraphs and tables, numbers left to the lists.

Paragraphs carry a style and text only. The exceptions are what a style cannot know: the list a
numbered paragraph belongs to (`w:numPr`), the character style of a run-in heading, and the
alignment of a table column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from copy import deepcopy
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from reportgen import model
from reportgen.layout.columns import Measure, column_widths
from reportgen.layout.linebreak import balanced_lines
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import CELL_MARGIN, SUBSTITUTE_OTHER, Grid, pt, width_chars
from reportgen.writers.docx.numbering import NumberedList, Numbering
from reportgen.writers.docx.official import Official
from reportgen.writers.docx.seal import Pictures
from reportgen.writers.docx.styles import (
    ATTACHMENT_CONTINUED,
    ATTACHMENT_WORD,
    TABLE_STYLE,
    char_style_id,
    heading_role,
    style_id,
)

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

    def _append(self, node: oxml.Element) -> None:
        if self._sect_pr is not None:
            self._sect_pr.addprevious(node)
        else:
            self._body.append(node)

    def _paragraph(self, role: str, text: str, *, num: oxml.Element | None = None,
                   run_in: tuple[str, str] | None = None, style: str | None = None,
                   align: str | None = None, **properties) -> oxml.Element:
        """A paragraph in `style` (or the role's style); `run_in` is (heading role, heading);
        `properties` are further `w:pPr` settings of this paragraph (see `oxml.p_pr`)."""
        sid = style or style_id(role)
        mark = oxml.el("w:rPr", None, oxml.val("w:rStyle", char_style_id(run_in[0]))) \
            if run_in else None
        if self._before is not None and "line_spacing" not in properties:
            properties["line_spacing"] = oxml.spacing(before=self._before, before_lines=0)
        self._before = None
        p = oxml.el("w:p", None, oxml.p_pr(style=None if sid == "Normal" else sid, num=num,
                                           align=align, mark=mark, **properties))
        if run_in:
            p.extend(_runs(run_in[1], oxml.r_pr(style=char_style_id(run_in[0])),
                           self._fallback))
        p.extend(_runs(text, None, self._fallback))
        self._append(p)
        return p

    def keep_last_with_next(self) -> None:
        """The paragraph written last stays on the page of the one that follows it."""
        last = self._sect_pr.getprevious() if self._sect_pr is not None else self._body[-1]
        if last is None or last.tag != qn("w:p"):
            return
        p_pr = last.find(qn("w:pPr"))
        if p_pr is None:
            p_pr = oxml.el("w:pPr")
            last.insert(0, p_pr)
        if p_pr.find(qn("w:keepNext")) is None:
            at = 1 if p_pr.find(qn("w:pStyle")) is not None else 0
            p_pr.insert(at, oxml.el("w:keepNext"))

    def runs(self, text: str, properties: oxml.Element | None = None) -> list[oxml.Element]:
        """Runs of `text` sharing `properties`, rare characters in their fallback family."""
        return _runs(text, properties, self._fallback)

    def _title_lines(self, text: str) -> list[str]:
        """`text` in balanced lines with words kept whole, as the PDF sets it; the paragraph
        gets line breaks there, as an editor would type them, because Word and LibreOffice
        would fill the first line and split 节|日 or leave 的意见 alone on the second.
        Widths are counted in characters (full-width 1, others ½) against the text width less
        one character, room for the office fonts' own spacing of digits."""
        size = self._template.role("title").size_pt
        width = self._grid.page.text_width_mm * 72 / 25.4 - size
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
        if table.caption:
            self._paragraph("caption", table.caption)
        template = self._template
        widths = _column_widths(table, self._grid.text_width, template.role("table").size_pt,
                                template.role("table_header").size_pt)
        tbl = oxml.el(
            "w:tbl", None,
            oxml.el("w:tblPr", None, oxml.val("w:tblStyle", TABLE_STYLE),
                    oxml.el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
                    oxml.val("w:jc", "center"),
                    oxml.el("w:tblLayout", {"w:type": "fixed"}),
                    oxml.el("w:tblLook", {"w:firstRow": 1, "w:lastRow": 0, "w:firstColumn": 0,
                                          "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1})),
            oxml.el("w:tblGrid", None, *(oxml.el("w:gridCol", {"w:w": w}) for w in widths)),
        )
        tbl.append(_row(table.header, widths, "TableHeader", None, header=True,
                        fallback=self._fallback))
        for cells in table.rows:
            tbl.append(_row(cells, widths, "TableText", table.align, header=False,
                            fallback=self._fallback))
        self._append(tbl)


def _row(cells: tuple[str, ...], widths: list[int], sid: str, align: tuple[str, ...] | None,
         *, header: bool, fallback: Fallback | None = None) -> oxml.Element:
    """A table row; the header row repeats on each page and no row splits across pages."""
    tr = oxml.el("w:tr", None, oxml.el("w:trPr", None, oxml.el("w:cantSplit"),
                                       oxml.el("w:tblHeader") if header else None))
    for k, text in enumerate(cells):
        column_align = align[k] if align and align[k] != "left" else None
        p = oxml.el("w:p", None, oxml.p_pr(style=sid, align=column_align))
        p.extend(_runs(text, None, fallback))
        tr.append(oxml.el("w:tc", None,
                          oxml.el("w:tcPr", None,
                                  oxml.el("w:tcW", {"w:w": widths[k], "w:type": "dxa"}),
                                  oxml.val("w:vAlign", "center")),
                          p))
    return tr


def _column_widths(table: model.Table, total: int, size_pt: float,
                   header_pt: float) -> list[int]:
    """Column widths in twips summing to `total`, shared as the PDF shares them; the text is
    measured in characters of its size, Latin and digits as a substitute face prints them, so
    that no number wraps where the office face is missing."""
    def measure(size: float) -> Measure:
        return lambda text: pt(size) * width_chars(text, SUBSTITUTE_OTHER)

    widths = column_widths(table.header, table.rows, total, measure(size_pt),
                           margins=2 * CELL_MARGIN, em=pt(size_pt),
                           header_measure=measure(header_pt))
    edges = [0, *(round(edge) for edge in accumulate(widths))]
    return [right - left for left, right in pairwise(edges)]


Fallback = Callable[[str], "str | None"]
"""The family that draws a character none of the document's own faces has, or None."""


def _runs(text: str, properties: oxml.Element | None = None,
          fallback: Fallback | None = None) -> list[oxml.Element]:
    """Runs for `text`: line breaks become `w:br`, tabs `w:tab`; each run shares `properties`.
    A character that `fallback` gives a family gets a run naming that family."""
    runs = []
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            runs.append(oxml.el("w:r", None, _copy(properties), oxml.el("w:br")))
        for part_no, part in enumerate(line.split("\t")):
            if part_no:
                runs.append(oxml.el("w:r", None, _copy(properties), oxml.el("w:tab")))
            for family, piece in _by_family(part, fallback):
                runs.append(oxml.text_run(piece, _with_family(properties, family)))
    return runs


def _by_family(text: str, fallback: Fallback | None) -> list[tuple[str | None, str]]:
    """`text` cut where the family that draws it changes (None: the style's own)."""
    if not text:
        return []
    if fallback is None:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = []
    for ch in text:
        family = fallback(ch)
        if pieces and pieces[-1][0] == family:
            pieces[-1] = (family, pieces[-1][1] + ch)
        else:
            pieces.append((family, ch))
    return pieces


def _with_family(properties: oxml.Element | None, family: str | None) -> oxml.Element | None:
    """A copy of `properties`, naming `family` for every script when it is given."""
    if family is None:
        return _copy(properties)
    rpr = _copy(properties) if properties is not None else oxml.el("w:rPr")
    at = 1 if rpr.find(qn("w:rStyle")) is not None else 0  # rFonts follows rStyle
    rpr.insert(at, oxml.r_fonts(family))
    return rpr


def _copy(node: oxml.Element | None) -> oxml.Element | None:
    return None if node is None else deepcopy(node)
