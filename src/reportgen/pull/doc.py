"""A report's text as pull compares it: fields and body blocks, one shape for the YAML and the DOCX.

Both sides are read into these: the report from its YAML (pull/source.py), with the field path
of every text, and the editor's DOCX (pull/revised.py), with the number of the paragraph of
every text. Texts are as printed: expressions evaluated, numbers of headings left out, the
decorations the writer adds (附件：, the parentheses of 附注, 抄送：) taken off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.yamlsrc.tree import Path_

PARAGRAPH, SECTION, PLAN, POINT, TABLE = "paragraph", "section", "plan", "point", "table"

LISTS = ("preamble", "title", "attachments", "organisation", "closing", "signers",
         "mark_organisations", "present", "on_leave", "observers")
"""Fields of several texts, each a line or paragraph of its own (the names of an attendance
list or of the 签发人 share a line)."""


@dataclass(frozen=True)
class TableText:
    """A table's texts: caption (表题), units (单位), header rows, body rows, notes (注), each
    row holding one text per column ("" where a merged cell covers the position), and the
    merged cells as (row, column, rows, columns), header rows counted first."""

    caption: str | None
    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    units: str | None = None
    notes: tuple[str, ...] = ()
    """Units and notes without what the writer adds (单位：, 注：, 1. 2.)."""
    spans: tuple[tuple[int, int, int, int], ...] = ()
    written: tuple[str | None, tuple[str, ...]] = (None, ())
    """In the YAML: the units and notes as written there (单位： and 注： where they have it)."""

    def cells(self) -> list[str]:
        return [cell for row in (*self.header, *self.rows) for cell in row]

    def key(self) -> tuple:
        """What must be equal for two tables to be the same: a header cell's spaces left out,
        as the writer breaks a long one into lines where a space may have stood."""
        header = tuple(tuple("".join(c.split()) for c in row) for row in self.header)
        return (self.caption, self.units, self.notes, header, self.rows, self.spans)


@dataclass(eq=False)
class Block:
    """A block of the body: a paragraph, a section (its heading and what is under it), a plan,
    a point of a plan, or a table."""

    kind: str
    text: str = ""
    """A paragraph's text; the heading of a section or point."""
    run_in: str | None = None
    """The text a run-in heading runs into (一、压实责任。|各部门……)."""
    level: int = 0
    """A section's depth (一、 is 1); in the DOCX, its heading level."""
    table: TableText | None = None
    children: list[Block] = field(default_factory=list)
    """What is under a section or point; the points of a plan."""
    path: Path_ | None = None
    """In the YAML: the field path of the list item (("body", 1, "body", 0))."""
    para: int | None = None
    """In the DOCX: the number of its (first) paragraph."""
    plan: int | None = None
    """In the DOCX, a point: which plan it counts in."""
    nested: int = 0
    """In the DOCX, a point or plan: how many plans its plan stands in (a plan in a point's
    body: 1)."""
    sections_at: int | None = None
    """In the YAML, a point: the level its sections are numbered at (（1） under 1.)."""
    losses: list[str] = field(default_factory=list)
    match: Block | None = None
    """In the DOCX: the YAML block it is (set by align.py), None for a new one."""
    cells: dict | None = None
    """In the YAML, a table: grid position → the path of the cell written there."""
    source: object = None
    """In the YAML: the data the item holds (for a table, its `table:` mapping)."""

    def key(self) -> tuple:
        """What must be equal for two blocks to be the same, unchanged."""
        return (self.kind, self.text, self.run_in, self.table.key() if self.table else None)

    def walk(self):
        """This block and every block under it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(eq=False)
class Text:
    """One text outside the body: a title line, the addressee, an attachment's name …"""

    field: str
    text: str
    path: Path_ | None = None
    para: int | None = None
    losses: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Page:
    """An attachment set on pages of its own (附件, GB/T 9704 7.3.7): its label (附件1), title
    and body."""

    label: Text
    title: Text | None = None
    body: list[Block] = field(default_factory=list)
    """As Report.body: in the YAML a tree, in the DOCX flat until structure.py arranges it."""
    path: Path_ | None = None
    """In the YAML: the path of its entry of `attachments`."""


@dataclass(frozen=True)
class SealLine:
    """In the DOCX: a line of a sealed 落款, its organisations and the pictures on it."""

    para: int
    organisations: tuple[str, ...]
    pictures: tuple[str, ...]
    """The file name of each picture (wordml.Picture), "" where a program dropped it."""


@dataclass
class Report:
    """A report's texts: the fields outside the body, and the body's blocks."""

    fields: dict[str, list[Text]] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    """In the YAML the top-level blocks (a tree); in the DOCX every block in reading order,
    flat, until structure.py arranges them."""
    other: list[Text] = field(default_factory=list)
    """In the DOCX: paragraphs of the writer's roles that pull does not carry back (a role
    added to the writer before pull learnt it): compared with a build of the YAML."""
    losses: list[tuple[int, str]] = field(default_factory=list)
    """In the DOCX: what paragraphs without text hold (a picture alone on its line)."""
    aligned: list[tuple[int, str, str]] = field(default_factory=list)
    """In the DOCX: (paragraph, role, alignment) of paragraphs aligned otherwise than their
    style says."""
    pages: list[Page] = field(default_factory=list)
    """The attachments set on pages of their own, in order."""
    seals: list[SealLine] = field(default_factory=list)
    """In the DOCX: the lines of a sealed 落款."""

    def flat(self) -> list[Block]:
        """The body's blocks in reading order, plans left out (their points are in)."""
        return flat(self.body)


def flat(body: list[Block]) -> list[Block]:
    """The blocks of the tree `body` in reading order, plans left out (their points are in)."""
    return [b for top in body for b in top.walk() if b.kind != PLAN]
