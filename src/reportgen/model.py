"""The document model: what a report is, independent of YAML, DOCX and PDF.

Readers build a `Document`; writers consume it. Nothing here knows a backend. Every block is a
frozen dataclass; a writer dispatches on the block's type. Text is plain Unicode exactly as the
reader should see it; numbers of sections and plan items are never part of the text, they are
carried as `Numbering` so that a writer can either print the label (PDF) or emit live numbering
(DOCX).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from reportgen.numbering import NumberStyle

if TYPE_CHECKING:
    from reportgen.template import Template


SIGNERS_LABEL = "签发人："
"""What precedes the names of the 签发人 (GB/T 9704 7.2.6)."""


@dataclass(frozen=True)
class Numbering:
    """The number of a section or plan item: its level, its style and its ordinal (1-based)."""

    level: int
    style: NumberStyle
    ordinal: int
    list_id: str
    """Identifies the numbered sequence this number belongs to (one per plan, one for sections)."""

    @property
    def label(self) -> str:
        """The number as printed, e.g. 一、 or （三） or 01."""
        return self.style.label(self.ordinal)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph (正文段落), indented two characters on its first line."""

    text: str
    role: str = "body"
    """`body`, `preamble` (the meeting paragraphs before the title) or `closing` (供稿 / 审核)."""


@dataclass(frozen=True)
class Title:
    """The document title (标题); each entry of `lines` is a line the author asked for, or one
    line to be broken and balanced by the writer."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.lines)


@dataclass(frozen=True)
class Label:
    """A label set flush left above the title, such as 会议材料之三 (handout label)."""

    text: str


@dataclass(frozen=True)
class DocumentNumber:
    """发文字号, the issuing number of a notice, e.g. 柳图发〔2026〕3号, centred above the title."""

    text: str


@dataclass(frozen=True)
class Addressee:
    """主送机关: the addressee line, flush left, ending with a full-width colon."""

    text: str


@dataclass(frozen=True)
class Section:
    """A numbered heading (一、 （一） 1. （1） ①) and the blocks under it.

    When `run_in` is not None the heading runs into that text in one paragraph
    (一、压实责任。各部门负责人……), the heading in the heading face.
    """

    title: str
    numbering: Numbering
    blocks: tuple[Block, ...] = ()
    run_in: str | None = None

    @property
    def level(self) -> int:
        return self.numbering.level


@dataclass(frozen=True)
class PlanItem:
    """One point of an N-point plan (工作计划), with optional paragraphs under it."""

    title: str
    numbering: Numbering
    blocks: tuple[Block, ...] = ()
    run_in: str | None = None


@dataclass(frozen=True)
class Plan:
    """An N-point plan: a numbered list of its own, numbered 1. 2. … by default."""

    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class Span:
    """A merged cell (合并单元格): its text stands at (`row`, `column`) of the table's grid,
    header rows counted first, and it covers `rows` × `columns` grid positions."""

    row: int
    column: int
    rows: int = 1
    columns: int = 1


@dataclass(frozen=True)
class Column:
    """How one column is set: `align` is `left`, `center`, `right` or `decimal` (numbers on
    their decimal point); `width` is the author's width in characters of the table's text, None
    for a width from the content."""

    align: str = "left"
    width: float | None = None


@dataclass(frozen=True)
class Table:
    """A table (表格): optional caption (表题) and units line (单位：万元) above, header rows
    (表头, repeated on every page), body rows, and notes (注：…) below.

    Every row holds one text per column; a position covered by a `Span` (other than the span's
    own first position) holds "". `totals` are indices of body rows set apart as 合计 / 总计.
    `orientation` is `auto` (landscape only when the table is too wide for the page),
    `portrait` or `landscape` (GB/T 9704-2012 §8 横排表格).
    """

    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    columns: tuple[Column, ...]
    caption: str | None = None
    units: str | None = None
    notes: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    totals: tuple[int, ...] = ()
    orientation: str = "auto"

    @classmethod
    def simple(cls, header: Sequence[str], rows: Sequence[Sequence[str]],
               align: Sequence[str], caption: str | None = None) -> Table:
        """A table of one header row and no merged cells."""
        return cls((tuple(header),), tuple(tuple(row) for row in rows),
                   tuple(Column(a) for a in align), caption)

    @property
    def grid(self) -> tuple[tuple[str, ...], ...]:
        """Header rows then body rows: the rows `spans` count in."""
        return self.header + self.rows

    @property
    def align(self) -> tuple[str, ...]:
        return tuple(column.align for column in self.columns)


@dataclass(frozen=True)
class ClosingLines:
    """Closing lines such as 供稿：业务推广部 / 审核：叶伟伶, one line each after the body."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Attachments:
    """附件说明: the attachment list below the body (附件：1.XXX)."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Seal:
    """印章: a seal image laid over the organisation's name and the date (GB/T 9704 7.3.5.1).

    `png` is the picture both writers draw (RGBA, its paper white made transparent); `svg` the
    file it was rendered from, when it was an SVG (a DOCX keeps it for Word to draw sharp).
    """

    png: bytes
    width_mm: float
    height_mm: float
    svg: bytes | None = None
    name: str = "seal"
    """The file's name, for the DOCX picture's description."""


@dataclass(frozen=True)
class Signature:
    """落款: the issuing organisation(s) and the date, set towards the right; with `seals`
    (one per organisation, or none) as GB/T 9704 7.3.5.1 lays a sealed 落款, else 7.3.5.2."""

    organisations: tuple[str, ...]
    date: str
    """The date as printed, e.g. 2026年2月3日."""
    seals: tuple[Seal, ...] = ()


@dataclass(frozen=True)
class Note:
    """附注: a note in parentheses on the line after the date."""

    text: str


@dataclass(frozen=True)
class IssuerMark:
    """发文机关标志 (GB/T 9704 7.2.4) or 纪要标志 (10.3): red, centred; several organisations of
    a joint document stack, with `suffix` (文件) to their right, centred on them."""

    organisations: tuple[str, ...]
    suffix: str = ""


SECRECY_LEVELS = ("绝密", "机密", "秘密")
"""The 密级 a 密级和保密期限 mark starts with (GB/T 9704 7.2.2), highest first."""


@dataclass(frozen=True)
class Masthead:
    """版头 (GB/T 9704 7.2): 份号, 密级和保密期限, 紧急程度 top left, the 发文机关标志, the 发文字号
    with 签发人 (a 上行文 when `signers` is not empty) and the red rule below them."""

    mark: IssuerMark | None = None
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    doc_number: str | None = None
    signers: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttachmentPage:
    """附件 (GB/T 9704 7.3.7): an attachment set on pages of its own after the main text;
    `label` is 附件1 (or 附件 when it is the only one), `title` as in the 附件说明."""

    label: str
    title: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Attendance:
    """出席 / 请假 / 列席 (纪要, GB/T 9704 10.3): a label in 黑体 and the names after its colon."""

    label: str
    names: str


@dataclass(frozen=True)
class Imprint:
    """版记: 抄送 and 印发机关 / 印发日期 between rules at the end of a notice."""

    copies_to: str | None
    issuer: str | None
    issued: str | None


Block = Union[  # noqa: UP007 - a runtime alias listing every block kind
    Paragraph,
    Title,
    Label,
    DocumentNumber,
    Addressee,
    Section,
    Plan,
    Table,
    ClosingLines,
    Attachments,
    Signature,
    Note,
    Imprint,
    Masthead,
    AttachmentPage,
    Attendance,
]


MAX_PROPERTY = 255
"""Characters in one document property: Word (and python-docx) hold no more."""


@dataclass(frozen=True)
class Metadata:
    """Document properties: what a PDF's Info dictionary and a DOCX's core properties hold,
    each text at most MAX_PROPERTY characters long."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    date: _dt.date | None = None
    language: str = "zh-CN"


@dataclass(frozen=True)
class Document:
    """A whole report: metadata, the template that lays it out, and its blocks in reading order.

    `sources` are the files it was read from: the report first, then each table file (CSV,
    XLSX) it names, each once; empty for a document made in memory.
    """

    metadata: Metadata
    template: Template
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    sources: tuple[Path, ...] = ()

    def walk(self):
        """Every block in reading order, depth first (sections before their children)."""
        yield from _walk(self.blocks)

    def texts(self):
        """Every text a reader sees, in reading order, numbers included ("一、", "2025年…")."""
        for block in self.walk():
            yield from block_texts(block)

    @property
    def doc_number(self) -> str | None:
        """发文字号 as printed, wherever it stands: in the 版头 (of a notice, report, letter or
        纪要) or on a line of its own (a notice without 版头); None if the document has none."""
        for block in self.blocks:
            if isinstance(block, DocumentNumber):
                return block.text
            if isinstance(block, Masthead) and block.doc_number:
                return block.doc_number
        return None

    @property
    def secrecy(self) -> str | None:
        """密级和保密期限 as marked in the 版头 (秘密★6个月); None if the document has none."""
        return next((b.secrecy for b in self.blocks if isinstance(b, Masthead) and b.secrecy),
                    None)

    @property
    def secrecy_level(self) -> str | None:
        """The 密级 alone, without ★ and 保密期限 (秘密 of 秘密★6个月); None if not marked."""
        marked = self.secrecy
        if marked is None:
            return None
        return next((level for level in SECRECY_LEVELS if marked.startswith(level)), marked)


def block_texts(block: Block | PlanItem):
    """The texts of one block itself (not of its children), in reading order."""
    if isinstance(block, (Section, PlanItem)):
        yield block.numbering.label
        yield block.title
        if block.run_in is not None:
            yield block.run_in
    elif isinstance(block, (Paragraph, Label, DocumentNumber, Addressee, Note)):
        yield block.text
    elif isinstance(block, Title):
        yield from block.lines
    elif isinstance(block, Table):
        yield from (t for t in (block.caption, block.units) if t)
        for row in block.grid:
            yield from (cell for cell in row if cell)
        yield from block.notes
    elif isinstance(block, ClosingLines):
        yield from block.lines
    elif isinstance(block, Attachments):
        yield from block.names
    elif isinstance(block, Signature):
        yield from block.organisations
        yield block.date
    elif isinstance(block, Imprint):
        yield from (t for t in (block.copies_to, block.issuer, block.issued) if t)
    elif isinstance(block, Masthead):
        yield from (t for t in (block.copy_number, block.secrecy, block.urgency) if t)
        if block.mark is not None:
            yield from block.mark.organisations
            if block.mark.suffix:
                yield block.mark.suffix
        if block.doc_number:
            yield block.doc_number
        if block.signers:
            yield SIGNERS_LABEL
            yield from block.signers
    elif isinstance(block, AttachmentPage):
        yield block.label
        yield block.title
    elif isinstance(block, Attendance):
        yield block.label + "："
        yield block.names


def _walk(blocks):
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from _walk(block.blocks)
        elif isinstance(block, Plan):
            for item in block.items:
                yield item
                yield from _walk(item.blocks)
        elif isinstance(block, AttachmentPage):
            yield from _walk(block.blocks)

