"""The body's changes as YAML edits: texts changed, blocks added, removed and moved, per list.

Each list of the YAML (a body, a plan's points, a table's rows) is compared with the same list
in the DOCX by which blocks it holds (align.py said which DOCX block is which YAML block). A
block still there keeps its entry and has its texts and lists compared in turn; a block gone
is deleted; a block new to the list is written there, carried with its comments from where it
stood if the YAML has it elsewhere (a section moved), or written new.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode

from reportgen.pull.doc import PARAGRAPH, PLAN, POINT, SECTION, TABLE, Block
from reportgen.pull.plan import Plan
from reportgen.pull.records import Change
from reportgen.pull.tables import TableSync, written_rows
from reportgen.pull.texts import literal
from reportgen.yamlsrc.edits import EditError
from reportgen.yamlsrc.tree import Path_, format_path

_HEAD_KEY = {SECTION: "section", POINT: "point"}
_WHAT = {PARAGRAPH: "paragraph", SECTION: "section", PLAN: "plan", POINT: "plan point",
         TABLE: "table"}


class BodySync:
    """Compares the YAML body (a tree with paths) with the DOCX body (arranged, matched)."""

    def __init__(self, plan: Plan, report_file: Path):
        self.plan = plan
        self.folder = report_file.parent
        self.claimed: dict[int, Block] = {}

    def run(self, yaml_body: list[Block], docx_body: list[Block],
            path: Path_ = ("body",)) -> None:
        """Bring the YAML body at `path` (an attachment's: ("attachments", 0, "body")) to hold
        what the DOCX's does."""
        for block in (b for top in docx_body for b in top.walk()):
            if block.match is not None:
                if id(block.match) in self.claimed or block.match.kind != block.kind:
                    block.match = None  # the YAML block is taken by another: this one is new
                else:
                    self.claimed[id(block.match)] = block
        self.items(path, yaml_body, docx_body)

    # -- lists ---------------------------------------------------------------------------------
    def items(self, path: Path_, old: list[Block], new: list[Block]) -> None:
        """Bring the list at `path` (holding `old`, which is not empty) to hold `new`."""
        if not new:
            raise EditError(f"{format_path(path)} would be empty")
        marks = [id(b) for b in old]
        wanted = [id(b.match) if b.match is not None else -n - 1 for n, b in enumerate(new)]
        matcher = SequenceMatcher(None, marks, wanted, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    self.block(a, b)
                continue
            for a in old[i1:i2]:
                self.gone(a)
            for b in new[j1:j2]:  # after the entries deleted here, where their text ends
                added = None if b.match is not None else Change(
                    "added", self.what(b), path, 0, None, self.text(b))
                mark = len(self.plan.changes)
                self.plan.insert(path, i2, self.value(b, format_path(path)), change=added)
                if added is not None:  # listed before the blocks it carries along
                    self.plan.changes.insert(mark, self.plan.changes.pop())

    def gone(self, block: Block) -> None:
        """A YAML block not in its list any more: moved elsewhere, or deleted."""
        self.plan.delete(block.path)
        if id(block) not in self.claimed:
            self.plan.changes.append(Change("removed", self.what(block), block.path,
                                            self.plan.line(block.path), self.text(block)))

    def value(self, block: Block, into: str) -> Any:
        """What to write for a DOCX block new to a list (`into`, as the summary names it): the
        YAML's own entry carried from where it stands, or a new entry."""
        if block.match is not None:
            old = block.match
            self.plan.changes.append(Change("moved", self.what(old), old.path,
                                            self.plan.line(old.path), None, into))
            self.block(old, block)
            return self.plan.moved(old.path)
        self.lost(block, None)
        if block.kind == PARAGRAPH:
            return literal(block.text)
        if block.kind == TABLE:
            table = block.table
            spec: dict[str, Any] = {}
            if table.caption:
                spec["caption"] = literal(table.caption)
            if table.units:
                spec["units"] = literal(table.units)
            header, rows = written_rows(table)
            spec["header"] = header[0] if len(header) == 1 else header
            spec["rows"] = rows
            if table.notes:
                spec["notes"] = [literal(n) for n in table.notes]
            return {"table": spec}
        if block.kind == PLAN:
            return {"plan": [self.value(p, f"a new plan in {into}") for p in block.children]}
        if block.kind == POINT and block.run_in is None and not block.children:
            return literal(block.text)
        written: dict[str, Any] = {_HEAD_KEY[block.kind]: literal(block.text)}
        if block.run_in is not None:
            written["text"] = literal(block.run_in)
        if block.children:
            within = f"the new {self.what(block)}"
            written["body"] = [self.value(c, within) for c in block.children]
        return written

    # -- one block -------------------------------------------------------------------------------
    def block(self, old: Block, new: Block) -> None:
        """Bring YAML block `old` to read as DOCX block `new` (the same block)."""
        plan, path = self.plan, old.path
        self.lost(new, path)
        if old.kind == PARAGRAPH:
            plan.set_text(path, old.text, new.text, "paragraph")
        elif old.kind == TABLE:
            TableSync(plan, self.folder).run(old, new)
        elif old.kind == PLAN:
            self.items(path + ("plan",), old.children, new.children)
        elif old.kind == POINT and not isinstance(plan.node(path), MappingNode):
            if new.run_in is None and not new.children:
                plan.set_text(path, old.text, new.text, "plan point")
            else:
                self.expand_point(old, new)
        else:
            key = _HEAD_KEY[old.kind]
            plan.set_text(path + (key,), old.text, new.text, self.what(old))
            self.run_in(old, new)
            self.body(old, new)

    def run_in(self, old: Block, new: Block) -> None:
        plan, path = self.plan, old.path
        if old.run_in is not None and new.run_in is not None:
            plan.set_text(path + ("text",), old.run_in, new.run_in, "run-in text")
        elif new.run_in is not None:
            plan.insert(path, 1, literal(new.run_in), key="text",
                        change=Change("added", "run-in text", path, 0, None, new.run_in))
        elif old.run_in is not None:
            plan.delete(path + ("text",))
            plan.changes.append(Change("removed", "run-in text", path + ("text",),
                                       plan.line(path + ("text",)), old.run_in))

    def body(self, old: Block, new: Block) -> None:
        plan, path = self.plan, old.path + ("body",)
        if old.children and new.children:
            self.items(path, old.children, new.children)
        elif old.children:
            plan.delete(path)
            for child in old.children:
                if id(child) not in self.claimed:
                    plan.changes.append(Change("removed", self.what(child), child.path,
                                               plan.line(child.path), self.text(child)))
        elif new.children:
            coll = plan.collection(old.path)
            plan.insert(old.path, len(coll.entries),
                        [self.value(child, format_path(path)) for child in new.children],
                        key="body")

    def expand_point(self, old: Block, new: Block) -> None:
        """A point written as one text that now runs into text or holds blocks: rewritten in
        place as `point:` with `text:` and `body:` (where it stands, so that it moves along
        if it is carried elsewhere)."""
        plan, path = self.plan, old.path
        written: dict[str, Any] = {"point": literal(new.text)}
        if new.run_in is not None:
            written["text"] = literal(new.run_in)
        if new.children:
            written["body"] = [self.value(child, format_path(path + ("body",)))
                               for child in new.children]
        plan.rewrite_item(path, written)
        plan.changes.append(Change("changed", "plan point", path, plan.line(path), old.text,
                                   new.text + (f"（{new.run_in}）" if new.run_in else "")))

    # -- words -----------------------------------------------------------------------------------
    def lost(self, block: Block, path: Path_ | None) -> None:
        for loss in block.losses:
            self.plan.loss(self.plan.where(path, block.para), loss)

    @staticmethod
    def what(block: Block) -> str:
        if block.kind in (SECTION, POINT):
            return f"{_WHAT[block.kind]} 「{_short(block.text)}」"
        return _WHAT[block.kind]

    @staticmethod
    def text(block: Block) -> str:
        if block.kind == TABLE and block.table is not None:
            return block.table.caption or " | ".join(block.table.header)
        if block.kind == PLAN:
            return f"{len(block.children)} points"
        return block.text


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
