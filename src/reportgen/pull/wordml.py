"""What pull reads from a revised DOCX's body: paragraphs and tables of plain text, and notes.

Word, WPS and LibreOffice split runs anywhere and wrap text in proofing marks, bookmarks,
fields and the like; wordread.py (paragraphs) and wordtables.py (tables) read through all of
that into these shapes. Tracked changes are read as accepted and each is recorded as a
`Revision`, comments (批注) by the text they are anchored to, and what the report format
cannot hold (a picture, bold inside a paragraph, a page break) as a loss of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Revision:
    """A tracked change (修订): what it did, who made it and when, and its text."""

    kind: str
    author: str
    date: str
    text: str
    paragraph: int
    """The number of the paragraph it is in (1-based, in reading order)."""


@dataclass
class Piece:
    """Consecutive text of one paragraph in one character style."""

    text: str
    kind: str | None = None
    """What the character style marks (pull/styles.py, Styles.run_kind)."""


@dataclass(frozen=True)
class Picture:
    """A picture of a paragraph, by the file name its description (`wp:docPr descr`) gives
    ("" where it gives none)."""

    name: str


@dataclass
class Para:
    """A paragraph as the editor left it."""

    number: int
    style: str | None
    num: tuple[int, int] | None = None
    """Its own `w:numPr` (list instance, level), None where its style numbers it."""
    pieces: list[Piece] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    """What it holds that the report format cannot: "bold on 「…」", "a picture" …"""
    pictures: list[Picture] = field(default_factory=list)
    """The pictures in it (a seal over a 落款 is one), in reading order."""
    joins_next: bool = False
    """Its paragraph mark was deleted with tracked changes: the next paragraph runs on here."""
    breaks: int = 0
    """Line breaks (Shift+Enter) typed in it."""
    align: str | None = None
    """Its own alignment where its style's is another (the writer sets some itself, so
    whether it is the editor's is decided by comparing with a fresh build)."""

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass
class Table:
    """A table: rows of cell texts on the table's grid, the header rows first, "" where a
    merged cell covers a position; the merged cells as [row, column, rows, columns]."""

    number: int
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 0
    spans: list[list[int]] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    roles: set[str | None] = field(default_factory=set)
    """The roles of its cells' paragraph styles (a joint 发文机关标志 is a table of the mark's)."""


@dataclass
class Body:
    """What the body of a DOCX holds, in reading order."""

    blocks: list[Para | Table] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    anchors: dict[str, str] = field(default_factory=dict)
    """Comment id → the text it is anchored to."""
    anchored_in: dict[str, int] = field(default_factory=dict)
    """Comment id → the number of the paragraph where its anchor starts."""
    losses: list[str] = field(default_factory=list)
    """What the body holds outside any paragraph (a table of contents …)."""
    section_breaks: list[int] = field(default_factory=list)
    """The numbers of the paragraphs that end a section (the writer makes some, for a table
    on landscape pages: compared with a fresh build)."""


def joined(body: Body) -> Body:
    """Paragraphs whose mark was deleted (tracked) run on into the next one, which keeps its
    own style: as in Word, when the change is accepted."""
    out: list[Para | Table] = []
    carry: Para | None = None
    for block in body.blocks:
        if carry is not None and isinstance(block, Para):
            block.pieces[:0] = carry.pieces
            block.losses[:0] = carry.losses
            block.breaks += carry.breaks
            block.number = carry.number
            carry = None
        elif carry is not None:
            out.append(carry)
            carry = None
        if isinstance(block, Para) and block.joins_next:
            carry = block
            continue
        out.append(block)
    if carry is not None:
        out.append(carry)
    body.blocks = out
    return body
