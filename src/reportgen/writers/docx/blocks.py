"""The document body: each model block as styled paragraphs and tables, numbers left to the lists.

Paragraphs carry a style and text only. The exceptions are what a style cannot know: a count
that starts anew (`w:numPr`), the body's character style for the text a run-in heading runs
into, a keep with what follows (the paragraph before a signature, the lines of one attachment
list), no space before the document's first line, and the alignment of a table column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from copy import deepcopy
from itertools import accumulate, pairwise

from docx.oxml.ns import qn

from reportgen import model
from reportgen.keeps import Keep, keep, keeps_previous
from reportgen.layout.columns import Measure, column_widths
from reportgen.layout.linebreak import balanced_lines
from reportgen.template import Template, heading_role
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import CELL_MARGIN, SUBSTITUTE_OTHER, Grid, pt, width_chars
from reportgen.writers.docx.numbering import Numbering
from reportgen.writers.docx.styles import (
    ATTACHMENT_CONTINUED,
    ATTACHMENT_WORD,
    RUN_IN_TEXT,
    TABLE_STYLE,
    attachment_indents,
    style_id,
    style_keep,
)


class Body:
    """Appends the blocks of a document to `w:body`, before its section properties."""

    def __init__(self, body: oxml.Element, numbering: Numbering, grid: Grid, template: Template,
                 fallback: Fallback | None = None):
        self._sect_pr = body.find(qn("w:sectPr"))
        self._body = body
        self._numbering = numbering
        self._grid = grid
        self._template = template
        self._fallback = fallback
        self._last: oxml.Element | None = None  # the paragraph written last, None after a table

    def write(self, blocks: Iterable[model.Block], fresh: bool = False) -> None:
        """Write `blocks`; with `fresh`, the first section among them counts from 1 again
        (sections under a plan point, which no heading above restarts)."""
        for block in blocks:
            if keeps_previous(block):  # the text before a 落款, the date before a 附注
                self._keep_last()
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
            elif isinstance(block, model.Signature):
                for organisation in block.organisations:
                    self._paragraph("signature", organisation)
                self._paragraph("date", block.date)
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
        self._last = node if node.tag == qn("w:p") else None

    def _keep_last(self) -> None:
        if self._last is not None:
            oxml.keep_with_next(self._last)

    def _paragraph(self, role: str, text: str, *, style: str | None = None,
                   num: oxml.Element | None = None, run_in: str | None = None,
                   kept: Keep | None = None) -> oxml.Element:
        """A paragraph of `role` in `style` (default: the role's own), kept as `kept` says
        where that differs from its style (reportgen.keeps). A run-in heading's paragraph has
        the heading's role and style and its heading as `text`; `run_in` is the text that
        follows, in the body's character style, set as the body is."""
        sid = style or style_id(role)
        layout = self._run_in_layout(role) if run_in is not None else {}
        if kept is not None:
            styled = style_keep(role, self._template.role(role))
            if kept.with_next != styled.with_next:
                layout["keep_next"] = kept.with_next
            if kept.together != styled.together:
                layout["keep_lines"] = kept.together
        if len(self._body) == (self._sect_pr is not None) and \
                self._template.role(role).space_before_lines:
            # the first line of the first page is the text block's first line (GB/T 9704)
            layout["line_spacing"] = oxml.spacing(before=0, before_lines=0)
        p = oxml.el("w:p", None, oxml.p_pr(style=None if sid == "Normal" else sid, num=num,
                                           **layout))
        p.extend(_runs(text, None, self._fallback))
        if run_in is not None:
            p.extend(_runs(run_in, oxml.r_pr(style=RUN_IN_TEXT), self._fallback))
        self._append(p)
        return p

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

    def _section(self, section: model.Section, restart: bool) -> None:
        binding = self._numbering.heading(section.level, section.numbering.style, restart)
        self._paragraph(heading_role(section.level), section.title, style=binding.style,
                        num=binding.num, run_in=section.run_in,
                        kept=keep(section, self._template))
        self.write(section.blocks)

    def _plan(self, plan: model.Plan) -> None:
        for n, item in enumerate(plan.items):
            binding = self._numbering.plan_point(item.numbering.style, restart=n == 0)
            self._paragraph("plan_item", item.title, style=binding.style, num=binding.num,
                            run_in=item.run_in, kept=keep(item, self._template))
            self.write(item.blocks, fresh=True)

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
        if imprint.copies_to:
            text = imprint.copies_to
            self._paragraph("imprint", text if text.startswith("抄送") else f"抄送：{text}")
        if imprint.issuer or imprint.issued:
            issued = imprint.issued or ""
            if issued and not issued.endswith("印发"):
                issued += "印发"
            self._paragraph("imprint", f"{imprint.issuer or ''}\t{issued}")

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


MIN_LINES = 2
"""Lines of a paragraph kept together at the foot and the head of a page, as the PDF keeps them
(writers/pdf/paginate.py): what is shorter than twice that moves to the next page whole."""


def _together(paragraphs: list[oxml.Element]) -> None:
    """Keep `paragraphs` on one page, as the PDF keeps the lines of a short box (closing lines,
    an attachment list of fewer than 4 lines): each but the last keeps with the next."""
    for p in paragraphs[:-1]:
        oxml.keep_with_next(p)


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
