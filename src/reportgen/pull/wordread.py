"""The body of a revised DOCX read as editors leave it, into paragraphs and tables (wordml.py).

Word, WPS and LibreOffice split runs anywhere (a word, a number), and wrap text in proofing
marks, bookmarks, smart tags, content controls, hyperlinks and fields; none of that changes
the text, so all of it is read through. Tracked changes are read as accepted (inserted text
in, deleted text out, a deleted paragraph mark joins two paragraphs) and each is recorded, so
that pull can refuse them unless told to accept them. Comments (批注) are recorded with the
text they are anchored to. What the report format cannot hold (a picture, a text box, bold
inside a paragraph, a page break, a footnote, a link) is recorded as a loss of its paragraph.
Tables are read by wordtables.py.
"""

from __future__ import annotations

from lxml import etree

from reportgen.pull.styles import ALIGN, Styles, W, look_of
from reportgen.pull.wordml import Body, Para, Picture, Piece, Revision, joined
from reportgen.pull.wordtables import TableReader
from reportgen.pull.wordxml import CONTAINERS, add_once, excerpt, integer, on, text_in, val

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_PASS_THROUGH = {W + name for name in ("smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
                                       "dir", "bdo", "ins", "moveTo")}
"""Inline containers whose runs are read as if they stood in the paragraph itself."""
_DROPPED = {W + name for name in ("del", "moveFrom")}
_PICTURES = {W + "drawing": "a picture", W + "pict": "a picture or shape",
             W + "object": "an embedded object", _MC + "AlternateContent": "a drawing"}
_REVISION_KIND = {W + "ins": "inserted", W + "del": "deleted", W + "moveTo": "moved here",
                  W + "moveFrom": "moved away"}
_EMPHASIS = {"b": "bold", "i": "italic", "u": "underline", "strike": "strikethrough",
             "dstrike": "strikethrough", "caps": "capitals", "smallCaps": "capitals",
             "em": "emphasis marks (着重号)", "vertAlign": "superscript or subscript",
             "highlight": "highlighting", "color": "colour", "size": "a font size",
             "face": "a font"}


def read_body(document: etree._Element, styles: Styles) -> Body:
    """The paragraphs and tables of `document` (the root of word/document.xml)."""
    reader = _Reader(styles)
    body = document.find(f"{W}body")
    if body is not None:
        reader.blocks(body, reader.body.blocks)
    return joined(reader.body)


def read_story(root: etree._Element, styles: Styles) -> list[Para]:
    """Every paragraph of a header or footer (`root`, a `w:hdr` or `w:ftr`), those in its
    text boxes included: LibreOffice saves a letter's letterhead as a frame, a text box with
    a fallback copy of itself, which is left out."""
    reader = _Reader(styles)
    return [reader.paragraph(p) for p in root.iter(f"{W}p")
            if not any(a.tag == _MC + "Fallback" for a in p.iterancestors())]


class _Reader(TableReader):
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
                add_once(self.body.losses, "a table of contents (目录)")
            elif tag in CONTAINERS or tag in (W + "ins", W + "moveTo"):
                self.blocks(node, out)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                self.comment_mark(node, None)
            elif tag == W + "altChunk":
                self.body.losses.append("imported content (altChunk)")

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, node: etree._Element) -> Para:
        self.count += 1
        ppr = node.find(f"{W}pPr")
        style = val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        para = Para(self.count, style)
        self.fields = []
        if ppr is not None:
            self.paragraph_properties(ppr, para)
        self.inline(node, para, None)
        return para

    def paragraph_properties(self, ppr: etree._Element, para: Para) -> None:
        num = ppr.find(f"{W}numPr")
        if num is not None:
            num_id, ilvl = val(num.find(f"{W}numId")), val(num.find(f"{W}ilvl"))
            if num_id is not None:
                para.num = (integer(num_id), integer(ilvl or "0"))
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
        if on(ppr.find(f"{W}pageBreakBefore")):
            para.losses.append("a page break before it")
        align = ALIGN.get(val(ppr.find(f"{W}jc")) or "", val(ppr.find(f"{W}jc")))
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
                    self.revision(node, kind, text_in(node), para)
                if tag == W + "fldSimple":
                    add_once(para.losses, f"a field ({_field_name(node.get(f'{W}instr', ''))}), "
                                          "kept as its text")
                self.inline(node, para, "deleted" if tag in _DROPPED else revision)
            elif tag == W + "hyperlink":
                add_once(para.losses, f"a link on 「{excerpt(text_in(node))}」")
                self.inline(node, para, revision)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                self.comment_mark(node, para)
            elif tag in (_MATH + "oMath", _MATH + "oMathPara"):
                add_once(para.losses, "an equation")
            elif tag in _PICTURES:
                self.picture(node, para)
            elif tag in (W + "subDoc",):
                add_once(para.losses, "a subdocument")

    def run(self, run: etree._Element, para: Para, revision: str | None) -> None:
        rpr = run.find(f"{W}rPr")
        char_style = val(rpr.find(f"{W}rStyle")) if rpr is not None else None
        kind = self.styles.run_kind(char_style)
        if rpr is not None:
            change = rpr.find(f"{W}rPrChange")
            if change is not None:
                self.revision(change, "format changed", text_in(run), para)
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
                    add_once(para.losses, "a page break" if node.get(f"{W}type") == "page"
                             else "a column break")
                else:
                    text.append("\n")
            elif tag == W + "noBreakHyphen":
                text.append("-")
            elif tag == W + "sym":
                add_once(para.losses, f"a symbol character (font {node.get(f'{W}font', '?')})")
            elif tag in _PICTURES:
                self.picture(node, para)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                add_once(para.losses, "a footnote" if "foot" in tag else "an endnote")
            elif tag == W + "ruby":
                base = node.find(f"{W}rubyBase")
                if base is not None:
                    text.append(text_in(base))
                add_once(para.losses, "a phonetic guide (拼音)")
        if deleted or any(not in_result for _, in_result in self.fields):
            return
        joined_text = "".join(text)
        if not joined_text:
            return
        self.emphasis(rpr, para.style, char_style, joined_text, para)
        para.breaks += joined_text.count("\n")
        for comment in self.open_comments:
            self.body.anchors[comment] = self.body.anchors.get(comment, "") + joined_text
        if para.pieces and para.pieces[-1].kind == kind:
            para.pieces[-1].text += joined_text
        else:
            para.pieces.append(Piece(joined_text, kind))

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
            add_once(para.losses, f"{_EMPHASIS[name]} on 「{excerpt(text)}」")

    def field_char(self, node: etree._Element, para: Para) -> None:
        kind = node.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            instruction = self.fields.pop()[0]
            add_once(para.losses, f"a field ({_field_name(instruction)}), kept as its text")

    def picture(self, node: etree._Element, para: Para) -> None:
        boxed = [t for box in node.iter(f"{W}txbxContent") for t in [text_in(box)] if t]
        if boxed:
            add_once(para.losses, f"a text box 「{excerpt(boxed[0])}」")
            return
        add_once(para.losses, _PICTURES.get(node.tag, "a picture"))
        described = next(node.iter(f"{_WP}docPr"), None)
        if described is not None:
            para.pictures.append(Picture(described.get("descr") or ""))

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


def _gallery(sdt: etree._Element) -> str | None:
    """The building-block gallery a content control holds (Word's table of contents is one)."""
    return val(sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery"))


def _field_name(instruction: str) -> str:
    return (instruction.split() or ["?"])[0].upper()
