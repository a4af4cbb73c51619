"""Tables (表格) on both sides, and a changed table carried into the YAML.

A table is compared position by position on its grid, as the model holds it: header rows
first, one text per column, "" under a merged cell. Each grid position of a table written in
the YAML knows its cell's path (a row leaves out the positions merged cells above it cover, a
cell `{text: …, columns: 2}` takes two), so a changed cell is edited where it is written. A
table read from a CSV or XLSX file is never written back: its changed cells are listed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportgen import figures, model
from reportgen.pull.doc import Block, TableText
from reportgen.pull.plan import Plan
from reportgen.pull.records import Change
from reportgen.pull.revised import bare_notes, bare_units, join_lines
from reportgen.pull.texts import literal
from reportgen.reader.tables import TableError, read_table
from reportgen.yamlsrc import emit
from reportgen.yamlsrc.loader import reads_as_number
from reportgen.yamlsrc.tree import Path_

Cells = dict[tuple[int, int], Path_]
"""Grid position (row, column; header rows first) → the path of the cell written there."""



def yaml_table(spec: dict, table: model.Table, path: Path_) -> tuple[TableText, Cells]:
    """A table of the YAML (its `table:` mapping at `path`, as the model holds it): its texts
    and where each of its cells is written."""
    spans = tuple((s.row, s.column, s.rows, s.columns) for s in table.spans)
    text = TableText(table.caption, table.header, table.rows,
                     bare_units(table.units) if table.units else None,
                     bare_notes(list(table.notes)), spans, (table.units, table.notes))
    header = spec.get("header")
    written: list[tuple[list, Path_]] = []
    if header is not None:
        many = bool(header) and isinstance(header[0], list)
        written += [(row, path + ("header", r)) for r, row in enumerate(header)] if many \
            else [(header, path + ("header",))]
    if "source" not in spec:
        written += [(row, path + ("rows", r)) for r, row in enumerate(spec.get("rows") or [])]
    covered = {(s.row + dr, s.column + dc) for s in table.spans for dr in range(s.rows)
               for dc in range(s.columns) if (dr, dc) != (0, 0)}
    width = len(table.grid[0]) if table.grid else 0
    cells: Cells = {}
    for g, (row, at) in enumerate(written):
        k = 0
        for i, value in enumerate(row):
            while k < width and (g, k) in covered:
                k += 1
            cells[(g, k)] = at + ((i, "text") if isinstance(value, dict) else (i,))
            k += value.get("columns", 1) if isinstance(value, dict) else 1
    return text, cells


def written_rows(table: TableText) -> tuple[list[emit.Flow], list[emit.Flow]]:
    """A table's header rows and body rows as YAML writes them: a merged cell as
    `{text: …, rows: 2, columns: 2}`, the positions it covers left out."""
    origins = {(r, c): (rows, columns) for r, c, rows, columns in table.spans}
    covered = {(r + dr, c + dc) for r, c, rows, columns in table.spans for dr in range(rows)
               for dc in range(columns) if (dr, dc) != (0, 0)}
    written = []
    for g, row in enumerate((*table.header, *table.rows)):
        header = g < len(table.header)
        cells = []
        for k, text in enumerate(row):
            if (g, k) in covered:
                continue
            value = literal(join_lines(text.split("\n"))) if header else cell(text)
            if (g, k) in origins:
                rows, columns = origins[(g, k)]
                value = {"text": value, **({"rows": rows} if rows > 1 else {}),
                         **({"columns": columns} if columns > 1 else {})}
            cells.append(value)
        written.append(emit.Flow(tuple(cells)))
    return written[:len(table.header)], written[len(table.header):]


def same_cell(docx: str, yaml_text: str) -> bool:
    """Whether a DOCX cell reads as the YAML's: a header cell the writer broke into lines
    may have lost a space at each break."""
    parts = [re.escape(part) for part in docx.split("\n")]
    return re.fullmatch(r"[ \t\u3000]*".join(parts), yaml_text) is not None


def cell(text: str) -> Any:
    """A new cell as YAML: a number bare, as typed (it prints as written), else text."""
    if figures.is_bare(text) and reads_as_number(text):
        return emit.Raw(text)
    return literal(text) if text else ""


class TableSync:
    """Brings a YAML table to read as the DOCX's."""

    def __init__(self, plan: Plan, folder: Path):
        self.plan, self.folder = plan, folder

    def run(self, old: Block, new: Block) -> None:
        plan, path = self.plan, old.path + ("table",)
        spec = old.source if isinstance(old.source, dict) else {}
        was, now = old.table, new.table
        self.optional(path, "caption", "table caption", was.caption, was.caption, now.caption)
        self.optional(path, "units", "table units", was.units, was.written[0], now.units)
        self.notes(path, spec, was, now.notes)
        if was.spans != now.spans or len(was.header) != len(now.header):
            self.plan.loss(plan.where(old.path), "merged cells or header rows changed in the "
                                                 "table; its cells are not carried back")
            plan.kept.add(id(old))
            return
        if "source" in spec:
            self.sourced(old, new, spec, path)
            return
        cells = old.cells or {}
        width = len(was.header[0]) if was.header else 0
        if now.header and len(now.header[0]) != width:
            self.columns(path, spec, old, now)
            return
        self.grid(cells, was.header, now.header, 0, "table header")
        if was.spans and len(was.rows) != len(now.rows):
            plan.loss(plan.where(old.path), "rows added or removed in a table with merged "
                                            "cells; not carried back")
            plan.kept.add(id(old))
            return
        self.rows(path, cells, len(was.header), was.rows, now.rows)

    def optional(self, path: Path_, key: str, what: str, was: str | None,
                 printed: str | None, now: str | None) -> None:
        """A caption or units line (`was` bare, `printed` as the YAML prints it): changed,
        added or removed."""
        plan = self.plan
        if was is not None and now is not None:
            if was != now:
                plan.set_text(path + (key,), printed, redress(now, printed), what)
        elif now is not None:
            plan.insert(path, 0, literal(now), key=key,
                        change=Change("added", what, path, 0, None, now))
        elif was is not None:
            plan.delete(path + (key,))
            plan.changes.append(Change("removed", what, path + (key,),
                                       plan.line(path + (key,)), was))

    def notes(self, path: Path_, spec: dict, table: TableText, now: tuple) -> None:
        plan, was, printed = self.plan, table.notes, table.written[1]
        if was == now:
            return
        single = isinstance(spec.get("notes"), str)
        if len(was) == len(now) and (not single or len(now) == 1):
            for i, (a, b, c) in enumerate(zip(was, now, printed, strict=True)):
                if a != b:
                    plan.set_text(path + (("notes",) if single else ("notes", i)), c,
                                  redress(b, c), "table note")
            return
        if "notes" in spec:
            at = plan.collection(path).index("notes")
            plan.delete(path + ("notes",))
        else:
            at = len(plan.collection(path).entries)
        if now:
            plan.insert(path, at, [literal(n) for n in now], key="notes")
        plan.changes.append(Change("changed", "table notes", path, plan.line(path),
                                   " / ".join(was), " / ".join(now)))

    def grid(self, cells: Cells, was: tuple, now: tuple, first: int, what: str) -> None:
        """Cells changed in place, row by row (row `first` of the grid first)."""
        for r, (a_row, b_row) in enumerate(zip(was, now, strict=False)):
            for k, (a, b) in enumerate(zip(a_row, b_row, strict=False)):
                at = cells.get((first + r, k))
                if at is not None and not same_cell(b, a):
                    self.plan.set_text(at, a, join_lines(b.split("\n")), what)

    def rows(self, path: Path_, cells: Cells, first: int, old: tuple, new: tuple) -> None:
        from difflib import SequenceMatcher

        plan = self.plan
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            self.grid(cells, old[i1:i1 + pairs], new[j1:j1 + pairs], first + i1, "table cell")
            for r in range(i1 + pairs, i2):
                plan.delete(path + ("rows", r))
                plan.changes.append(Change("removed", "table row", path + ("rows", r),
                                           plan.line(path + ("rows", r)), " | ".join(old[r])))
            for r in range(j1 + pairs, j2):
                plan.insert(path + ("rows",), i2, emit.Flow(tuple(cell(c) for c in new[r])),
                            change=Change("added", "table row", path + ("rows",), 0, None,
                                          " | ".join(new[r])))

    def columns(self, path: Path_, spec: dict, old: Block, now: TableText) -> None:
        """A table whose columns changed: its header and rows written anew, where nothing
        else of the YAML counts its columns."""
        plan = self.plan
        if old.table.spans or any(k in spec for k in ("align", "columns")) or \
                len(now.header) != 1:
            plan.loss(plan.where(old.path), "columns added or removed in the table; not "
                                            "carried back")
            plan.kept.add(id(old))
            return
        coll = plan.collection(path)
        header, rows = written_rows(now)
        for key, value in (("header", header[0]), ("rows", rows)):
            at = coll.index(key)
            plan.delete(path + (key,))
            plan.insert(path, at, value, key=key)
        plan.changes.append(Change("changed", "table columns", path, plan.line(path), None,
                                   " | ".join(now.header[0])))

    def sourced(self, old: Block, new: Block, spec: dict, path: Path_) -> None:
        """A table read from a CSV or XLSX file: a header the YAML gives is carried back; the
        file's cells are listed where the editor changed them, never written."""
        plan, was, now = self.plan, old.table, new.table
        file = self.folder / str(spec["source"])
        try:
            places = [n for n, _ in read_table(file, spec.get("sheet")).rows]
        except TableError:
            places = []
        if "header" in spec:
            self.grid(old.cells or {}, was.header, now.header, 0, "table header")
        else:
            for r, (a, b) in enumerate(zip(was.header, now.header, strict=False)):
                self.listed(file, places[r] if r < len(places) else None, a, b)
            places = places[len(was.header):]
        if len(was.rows) != len(now.rows):
            plan.loss(file.name, f"rows added or removed in its table ({len(was.rows)} → "
                                 f"{len(now.rows)} rows): the file is not rewritten; change it "
                                 "there")
        for r, (a, b) in enumerate(zip(was.rows, now.rows, strict=False)):
            self.listed(file, places[r] if r < len(places) else None, a, b)

    def listed(self, file: Path, row: int | None, old: tuple, new: tuple) -> None:
        for k, (a, b) in enumerate(zip(old, new, strict=False)):
            if not same_cell(b, a):
                where = f"{file.name} row {row if row is not None else '?'} column {k + 1}"
                self.plan.loss(where, f"cell {a!r} → {join_lines(b.split(chr(10)))!r}: the "
                                      "file is not rewritten; change it there")


def redress(new: str, old: str) -> str:
    """The editor's bare text (units, a note) dressed as the YAML wrote it: with the 单位：
    or 注： it was written with."""
    kept = old[:len(old) - len(bare_notes([bare_units(old)])[0])] \
        if old.startswith(("单位", "注", "说明")) else ""
    return kept + new
