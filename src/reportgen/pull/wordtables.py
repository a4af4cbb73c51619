"""A table of a revised DOCX read onto its grid: merged cells, header rows, rows changed (修订).

The methods of `TableReader` are those of the body reader (wordread.py) that read tables; a
cell's paragraphs are read as the body's are, and joined into one text.
"""

from __future__ import annotations

from lxml import etree

from reportgen.chinese import joins_with_space
from reportgen.pull.styles import W
from reportgen.pull.wordml import Body, Para, Revision, Table, joined
from reportgen.pull.wordxml import add_once, children, integer, on, val


class TableReader:
    """The table-reading half of the body reader (which supplies count, body, styles,
    in_cell and blocks)."""

    def table(self, node: etree._Element) -> Table:
        self.count += 1
        table = Table(self.count)
        going: dict[int, list[int]] = {}  # column → the merged cell running down it
        for tr in children(node, W + "tr"):
            trpr = tr.find(f"{W}trPr")
            if trpr is not None:
                if self._row_revision(trpr, tr, table.number):
                    continue
                if on(trpr.find(f"{W}tblHeader")) and len(table.rows) == table.header_rows:
                    table.header_rows += 1
            r, row = len(table.rows), []
            for tc in children(tr, W + "tc"):
                k, across, down = len(row), _grid_span(tc), _v_merge(tc)
                text = self.cell(tc, table)
                if down == "continue" and k in going:
                    going[k][2] += 1
                    row += [""] * across
                    continue
                going.pop(k, None)
                if down == "restart" or across > 1:
                    span = [r, k, 1, across]
                    table.spans.append(span)
                    if down == "restart":
                        going[k] = span
                row += [text] + [""] * (across - 1)
            table.rows.append(row)
        table.spans = [s for s in table.spans if s[2] > 1 or s[3] > 1]
        if table.rows and not table.header_rows:
            table.header_rows = 1
        return table

    def _row_revision(self, trpr: etree._Element, tr: etree._Element, number: int) -> bool:
        """Record a row inserted or deleted with tracked changes; True if it is gone."""
        for tag, kind in ((W + "ins", "row inserted"), (W + "del", "row deleted")):
            mark = trpr.find(tag)
            if mark is not None:
                text = " | ".join("".join(t.text or "" for t in tc.iter(W + "t", W + "delText"))
                                  for tc in tr.iter(W + "tc"))
                self.body.revisions.append(Revision(kind, mark.get(f"{W}author", ""),
                                                    mark.get(f"{W}date", ""), text, number))
                return tag == W + "del"
        return False

    def cell(self, tc: etree._Element, table: Table) -> str:
        """A cell's text: its paragraphs joined as lines are (a line broken in it stays)."""
        tcpr = tc.find(f"{W}tcPr")
        if tcpr is not None:
            if tcpr.find(f"{W}hMerge") is not None:
                add_once(table.losses, "cells merged across in the old way (hMerge)")
            for tag in ("cellIns", "cellDel", "cellMerge", "tcPrChange"):
                mark = tcpr.find(W + tag)
                if mark is not None:
                    self.body.revisions.append(Revision(
                        "cell changed", mark.get(f"{W}author", ""), mark.get(f"{W}date", ""),
                        "", table.number))
        paragraphs: list[Para | Table] = []
        self.in_cell = True
        try:
            self.blocks(tc, paragraphs)
        finally:
            self.in_cell = False
        lines = []
        for block in joined(Body(paragraphs)).blocks:
            if isinstance(block, Table):
                add_once(table.losses, "a table inside a cell")
                continue
            table.losses.extend(block.losses)
            table.roles.add(self.styles.role(block.style))
            if block.text.strip():
                lines.append(block.text.strip())
        if len(lines) > 1:
            add_once(table.losses, "several paragraphs in a cell (joined into one)")
        text = lines[0] if lines else ""
        for line in lines[1:]:
            text += (" " if joins_with_space(text[-1], line[0]) else "") + line
        return text


def _grid_span(tc: etree._Element) -> int:
    value = val(tc.find(f"{W}tcPr/{W}gridSpan"))
    return max(1, integer(value)) if value else 1


def _v_merge(tc: etree._Element) -> str | None:
    """"restart" for the first cell of a vertical merge, "continue" below it, else None."""
    found = tc.find(f"{W}tcPr/{W}vMerge")
    if found is None:
        return None
    return "restart" if val(found) == "restart" else "continue"
