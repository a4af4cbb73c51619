"""The body of a revised DOCX as paragraphs and tables of plain text, read as editors leave it.

Word, WPS and LibreOffice split runs anywhere (a word, a number), and wrap text in proofing
marks, bookmarks, smart tags, content controls, hyperlinks and fields; none of that changes
the text, so all of it is read through. Tracked changes are read as accepted (inserted text
in, deleted text out, a deleted paragraph mark joins two paragraphs) and each is recorded, so
that pull can refuse them unless told to accept them. Comments (批注) are recorded with the
text they are anchored to. What the report format cannot hold (a picture, a text box, bold
inside a paragraph, a page break, a footnote, a link) is recorded as a loss of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from reportgen.chinese import joins_with_space
from reportgen.pull.styles import ALIGN, Styles, W, look_of

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_PASS_THROUGH = {W + name for name in ("smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
                                       "dir", "bdo", "ins", "moveTo")}
"""Inline containers whose runs are read as if they stood in the paragraph itself."""
_DROPPED = {W + name for name in ("del", "moveFrom")}
_IGNORED = {W + name for name in (
    "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd",
    "commentReference", "lastRenderedPageBreak", "sdtPr", "sdtEndPr", "moveFromRangeStart",
    "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart",
    "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd", "annotationRef",
    "separator", "continuationSeparator", "footnoteRef", "endnoteRef", "noProof")}
_PICTURES = {W + "drawing": "a picture", W + "pict": "a picture or shape",
             W + "object": "an embedded object", _MC + "AlternateContent": "a drawing"}
_REVISION_KIND = {W + "ins": "inserted", W + "del": "deleted", W + "moveTo": "moved here",
                  W + "moveFrom": "moved away"}
_EMPHASIS = {"b": "bold", "i": "italic", "u": "underline", "strike": "strikethrough",
             "dstrike": "strikethrough", "caps": "capitals", "smallCaps": "capitals",
             "em": "emphasis marks (着重号)", "vertAlign": "superscript or subscript",
             "highlight": "highlighting", "color": "colour", "size": "a font size",
             "face": "a font"}


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


def read_body(document: etree._Element, styles: Styles) -> Body:
    """The paragraphs and tables of `document` (the root of word/document.xml)."""
    reader = _Reader(styles)
    body = document.find(f"{W}body")
    if body is not None:
        reader.blocks(body, reader.body.blocks)
    return _joined(reader.body)


class _Reader:
    def __init__(self, styles: Styles):
        self.styles = styles
        self.body = Body()
        self.count = 0
        self.open_comments: list[str] = []
        self.in_cell = False  # a cell's alignment is the table column's, which the YAML sets
        self.fields: list[list] = []  # per open complex field: [instruction, in its result?]

    # -- blocks -------------------------------------------------------------------------------
    def blocks(self, parent: etree._Element, out: list) -> None:
        for node in parent:
            tag = node.tag
            if tag == W + "p":
                out.append(self.paragraph(node))
            elif tag == W + "tbl":
                out.append(self.table(node))
            elif tag == W + "sdt" and _gallery(node) == "Table of Contents":
                _add(self.body.losses, "a table of contents (目录)")
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                self.blocks(node, out)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                self.comment_mark(node, None)
            elif tag == W + "altChunk":
                self.body.losses.append("imported content (altChunk)")

    def table(self, node: etree._Element) -> Table:
        self.count += 1
        table = Table(self.count)
        going: dict[int, list[int]] = {}  # column → the merged cell running down it
        for tr in _children(node, W + "tr"):
            trpr = tr.find(f"{W}trPr")
            if trpr is not None:
                if self._row_revision(trpr, tr, table.number):
                    continue
                if _on(trpr.find(f"{W}tblHeader")) and len(table.rows) == table.header_rows:
                    table.header_rows += 1
            r, row = len(table.rows), []
            for tc in _children(tr, W + "tc"):
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
                _add(table.losses, "cells merged across in the old way (hMerge)")
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
        for block in _joined(Body(paragraphs)).blocks:
            if isinstance(block, Table):
                _add(table.losses, "a table inside a cell")
                continue
            table.losses.extend(block.losses)
            table.roles.add(self.styles.role(block.style))
            if block.text.strip():
                lines.append(block.text.strip())
        if len(lines) > 1:
            _add(table.losses, "several paragraphs in a cell (joined into one)")
        text = lines[0] if lines else ""
        for line in lines[1:]:
            text += (" " if joins_with_space(text[-1], line[0]) else "") + line
        return text

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, node: etree._Element) -> Para:
        self.count += 1
        ppr = node.find(f"{W}pPr")
        style = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        para = Para(self.count, style)
        self.fields = []
        if ppr is not None:
            self.paragraph_properties(ppr, para)
        self.inline(node, para, None)
        return para

    def paragraph_properties(self, ppr: etree._Element, para: Para) -> None:
        num = ppr.find(f"{W}numPr")
        if num is not None:
            num_id, ilvl = _val(num.find(f"{W}numId")), _val(num.find(f"{W}ilvl"))
            if num_id is not None:
                para.num = (_int(num_id), _int(ilvl or "0"))
        mark = ppr.find(f"{W}rPr")
        if mark is not None:
            for tag, kind in ((W + "ins", "paragraph inserted"), (W + "del", "paragraph joined")):
                found = mark.find(tag)
                if found is not None:
                    self.revision(found, kind, "", para)
                    para.joins_next = tag == W + "del"
        change = ppr.find(f"{W}pPrChange")
        if change is not None:
            self.revision(change, "paragraph format changed", "", para)
        if ppr.find(f"{W}sectPr") is not None:
            self.body.section_breaks.append(para.number)
        if _on(ppr.find(f"{W}pageBreakBefore")):
            para.losses.append("a page break before it")
        align = ALIGN.get(_val(ppr.find(f"{W}jc")) or "", _val(ppr.find(f"{W}jc")))
        styled = self.styles.align(para.style)
        if align and not self.in_cell and align != (styled or "left") and not (
                align == "justify" and styled is None):
            para.align = align

    def inline(self, parent: etree._Element, para: Para, revision: str | None) -> None:
        for node in parent:
            tag = node.tag
            if tag == W + "r":
                self.run(node, para, revision)
            elif tag in _PASS_THROUGH or tag in _DROPPED:
                kind = _REVISION_KIND.get(tag)
                if kind is not None:
                    self.revision(node, kind, _text_in(node), para)
                if tag == W + "fldSimple":
                    _add(para.losses, f"a field ({_field_name(node.get(f'{W}instr', ''))}), "
                                      "kept as its text")
                self.inline(node, para, "deleted" if tag in _DROPPED else revision)
            elif tag == W + "hyperlink":
                _add(para.losses, f"a link on 「{_excerpt(_text_in(node))}」")
                self.inline(node, para, revision)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                self.comment_mark(node, para)
            elif tag in (_MATH + "oMath", _MATH + "oMathPara"):
                _add(para.losses, "an equation")
            elif tag in _PICTURES:
                self.picture(node, para)
            elif tag in (W + "subDoc",):
                _add(para.losses, "a subdocument")

    def run(self, run: etree._Element, para: Para, revision: str | None) -> None:
        rpr = run.find(f"{W}rPr")
        char_style = _val(rpr.find(f"{W}rStyle")) if rpr is not None else None
        kind = self.styles.run_kind(char_style)
        if rpr is not None:
            change = rpr.find(f"{W}rPrChange")
            if change is not None:
                self.revision(change, "format changed", _text_in(run), para)
        deleted = revision == "deleted"
        text = []
        for node in run:
            tag = node.tag
            if tag in (W + "t", W + "delText"):
                if tag == W + "t" or deleted:
                    text.append((node.text or "").replace("\u00ad", ""))
            elif tag == W + "instrText" or tag == W + "delInstrText":
                if self.fields:
                    self.fields[-1][0] += node.text or ""
            elif tag == W + "fldChar":
                self.field_char(node, para)
            elif tag in (W + "tab", W + "ptab"):
                text.append("\t")
            elif tag in (W + "br", W + "cr"):
                if (node.get(f"{W}type") or "textWrapping") in ("page", "column"):
                    _add(para.losses, "a page break" if node.get(f"{W}type") == "page"
                         else "a column break")
                else:
                    text.append("\n")
            elif tag == W + "noBreakHyphen":
                text.append("-")
            elif tag == W + "sym":
                _add(para.losses, f"a symbol character (font {node.get(f'{W}font', '?')})")
            elif tag in _PICTURES:
                self.picture(node, para)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                _add(para.losses, "a footnote" if "foot" in tag else "an endnote")
            elif tag == W + "ruby":
                base = node.find(f"{W}rubyBase")
                if base is not None:
                    text.append(_text_in(base))
                _add(para.losses, "a phonetic guide (拼音)")
        if deleted or any(not in_result for _, in_result in self.fields):
            return
        joined = "".join(text)
        if not joined:
            return
        self.emphasis(rpr, para.style, char_style, joined, para)
        para.breaks += joined.count("\n")
        for comment in self.open_comments:
            self.body.anchors[comment] = self.body.anchors.get(comment, "") + joined
        if para.pieces and para.pieces[-1].kind == kind:
            para.pieces[-1].text += joined
        else:
            para.pieces.append(Piece(joined, kind))

    def emphasis(self, rpr: etree._Element | None, style: str | None,
                 char_style: str | None, text: str, para: Para) -> None:
        """Record direct formatting of the run that its styles do not give. A font named on
        a run is not recorded: the writer itself names the face that has a rare character."""
        mine = look_of(rpr)
        if not mine:
            return
        styled = self.styles.look(style, char_style)
        for name, value in mine.items():
            if name == "face" or name == "size" and styled.get(name, value) == value:
                continue
            if name != "size" and styled.get(name, "off") == value:
                continue
            _add(para.losses, f"{_EMPHASIS[name]} on 「{_excerpt(text)}」")

    def field_char(self, node: etree._Element, para: Para) -> None:
        kind = node.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            instruction = self.fields.pop()[0]
            _add(para.losses, f"a field ({_field_name(instruction)}), kept as its text")

    def picture(self, node: etree._Element, para: Para) -> None:
        boxed = [t for box in node.iter(f"{W}txbxContent") for t in [_text_in(box)] if t]
        if boxed:
            _add(para.losses, f"a text box 「{_excerpt(boxed[0])}」")
        else:
            _add(para.losses, _PICTURES.get(node.tag, "a picture"))

    def comment_mark(self, node: etree._Element, para: Para | None) -> None:
        cid = node.get(f"{W}id", "")
        if node.tag == W + "commentRangeStart":
            self.open_comments.append(cid)
            self.body.anchors.setdefault(cid, "")
            self.body.anchored_in.setdefault(cid, para.number if para else self.count + 1)
        elif cid in self.open_comments:
            self.open_comments.remove(cid)

    def revision(self, node: etree._Element, kind: str, text: str, para: Para) -> None:
        self.body.revisions.append(Revision(kind, node.get(f"{W}author", ""),
                                            node.get(f"{W}date", ""), text, para.number))


def _joined(body: Body) -> Body:
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


def _grid_span(tc: etree._Element) -> int:
    found = tc.find(f"{W}tcPr/{W}gridSpan")
    value = _val(found)
    return max(1, _int(value)) if value else 1


def _v_merge(tc: etree._Element) -> str | None:
    """"restart" for the first cell of a vertical merge, "continue" below it, else None."""
    found = tc.find(f"{W}tcPr/{W}vMerge")
    if found is None:
        return None
    return "restart" if _val(found) == "restart" else "continue"


def _gallery(sdt: etree._Element) -> str | None:
    """The building-block gallery a content control holds (Word's table of contents is one)."""
    found = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return _val(found)


def _children(node: etree._Element, tag: str):
    """The children of `node` with `tag`, those wrapped in content controls included."""
    for child in node:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


def _text_in(node: etree._Element) -> str:
    return "".join(t.text or "" for t in node.iter(W + "t", W + "delText"))


def _field_name(instruction: str) -> str:
    return (instruction.split() or ["?"])[0].upper()


def _excerpt(text: str, limit: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _add(losses: list[str], loss: str) -> None:
    if loss not in losses:
        losses.append(loss)


def _on(node: etree._Element | None) -> bool:
    return node is not None and _val(node) not in ("0", "false", "off")


def _val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(f"{W}val")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1
