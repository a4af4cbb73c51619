"""The editor's DOCX as report texts: each paragraph by its style's role, decorations taken off.

Numbers of headings and plan points are live numbering, not text; a number an editor typed by
hand at the start of a heading is taken off when it is written in the numbering style of its
level (三、 on a 标题 1, （2） on a 标题 4, 3. on a plan point). What the writer adds around a
text (附件： and 1. of the attachment list, the parentheses of 附注, 抄送： and 印发 of the 版记,
the colon after the addressee) is taken off here and put back where the YAML had it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reportgen.chinese import joins_with_space
from reportgen.numbering import NumberStyle
from reportgen.pull import official, wordml
from reportgen.pull.doc import PARAGRAPH, POINT, SECTION, TABLE, Block, Report, TableText, Text
from reportgen.pull.lists import Lists
from reportgen.pull.styles import BODY, CONTINUED, Styles

Labels = Callable[[str, int], Iterable[NumberStyle]]
"""The numbering styles of (kind, level): ("section", 2) or ("point", 0)."""

_FIELD_OF_ROLE = {"label": "label", "doc_number": "doc_number", "preamble": "preamble",
                  "title": "title", "addressee": "addressee", "attachment": "attachments",
                  CONTINUED: "attachments", "signature": "organisation", "date": "date",
                  "note": "note", "closing": "closing"}
_BODY_ROLES = {BODY, "table", "table_header"}
_IN_BODY = _BODY_ROLES | {None, "caption", "plan_item"} | {f"heading{n}" for n in range(1, 6)}
"""Roles of the paragraphs that make the body (a style none of ours reads as a paragraph)."""
_TOC = re.compile(r"^(toc|目录)\s*\d$", re.I)
"""The styles of a table of contents' lines (toc 1, 目录 1): a table Word makes, not text."""
_ATTACHMENT_WORD = re.compile(r"^附件\s*[：:]\s*")
_ATTACHMENT_NUMBER = re.compile(r"^\d+\s*[.．、]\s*")
_COPIES = re.compile(r"^抄送\s*[：:]\s*")
_ISSUED = re.compile(r"(\d{1,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")


def revised_report(body: wordml.Body, styles: Styles, labels: Labels, lists: Lists,
                   header: list[wordml.Para] = ()) -> Report:
    """The texts of the DOCX: fields, the body's blocks in reading order (flat), and those
    of each attachment set on pages of its own; `lists` (numbering.xml) tells where a plan
    starts, `header` holds the first page's header (a letter's mark)."""
    report = Report()
    blocks = body.blocks
    plans = _Plans(lists)
    official.writers_page_breaks(blocks, styles)
    official.letterhead(header, styles, report)
    target, page = report.body, None
    for n, block in enumerate(blocks):
        if isinstance(block, wordml.Table):
            if page is not None or not official.joint_mark(block, report):
                target.append(_table(blocks, n, styles))
            continue
        if block.align is not None:
            report.aligned.append((block.number, styles.table_part(block.style)
                                   or styles.role(block.style) or "", block.align))
        role = styles.role(block.style)
        if role == "attachment_label":
            page = official.start_page(block, report)
            target, plans = page.body, _Plans(lists)
            continue
        if _belongs_to_table(blocks, n, styles):
            continue
        if _TOC.match(styles.name(block.style)):
            if "a table of contents (目录)" not in [loss for _, loss in report.losses]:
                report.losses.append((block.number, "a table of contents (目录)"))
            continue
        if not block.text.strip() or role == "page_number":
            report.losses += [(block.number, loss) for loss in block.losses]
            continue
        field = _FIELD_OF_ROLE.get(role)
        losses = list(block.losses)
        if role is None or not styles.is_ours(block.style):
            losses.append(f"its style {styles.name(block.style)}")
        if page is not None and role == "title" and page.title is None and not page.body:
            page.title = Text("title", _line(block, losses, keep_breaks=True),
                              para=block.number, losses=losses)
        elif page is not None and role not in _IN_BODY and role != "imprint":
            losses.append(f"its style {styles.name(block.style)} on an attachment's pages "
                          "(read as a paragraph)")
            target.append(_body_block(block, None, styles, labels, plans, losses))
        elif role in (*official.NOTES, "doc_number"):
            number = official.head_line(block, role, report, losses)
            if number is not None:
                report.fields.setdefault("doc_number", []).append(
                    Text("doc_number", number, para=block.number, losses=losses))
        elif role == "signature":
            report.fields.setdefault("organisation", []).extend(
                Text("organisation", name, para=block.number, losses=losses)
                for name in official.organisations(block, losses, report))
        elif role == official.MARK:
            official.mark_line(block, report, losses)
        elif role == "attendance":
            official.attendance(block, report, losses)
        elif field is None and role != "imprint" and role not in _IN_BODY:
            report.other.append(Text(role, block.text.strip(), para=block.number,
                                     losses=losses))
        elif field is not None:
            report.fields.setdefault(field, []).append(
                Text(field, _line(block, losses, keep_breaks=field == "title"), para=block.number,
                     losses=losses))
        elif role == "imprint":
            _imprint(block, report, losses)
        else:
            target.append(_body_block(block, role, styles, labels, plans, losses))
    _attachments(report.fields.get("attachments", []))
    for name in ("note",):
        for text in report.fields.get(name, []):
            text.text = bare_note(text.text)
    for text in report.fields.get("addressee", []):
        text.text = bare_addressee(text.text)
    return report


def _body_block(para: wordml.Para, role: str | None, styles: Styles, labels: Labels,
                plans: _Plans, losses: list[str]) -> Block:
    pieces = para.pieces
    head_role = role if _heading_kind(role) else None
    if head_role is None and pieces and _heading_kind(pieces[0].kind):
        head_role = pieces[0].kind  # a run-in heading written before 段中正文: 标题 N Char
    if head_role is None:
        if role in ("caption", "table", "table_header"):
            losses.append(f"its style {styles.name(para.style)} (read as a paragraph)")
        return Block(PARAGRAPH, _line(para, losses), para=para.number, losses=losses)
    if any(p.kind == "text" for p in pieces):  # the text it runs into is in 段中正文
        split = next(i for i, p in enumerate(pieces) if p.kind == "text")
    elif pieces and pieces[0].kind not in (None, "text"):  # the heading in 标题 N Char
        split = next((i for i, p in enumerate(pieces) if p.kind != pieces[0].kind), len(pieces))
    else:
        split = len(pieces)
    head = _text("".join(p.text for p in pieces[:split]), para, losses)
    run_in = _text("".join(p.text for p in pieces[split:]), para, losses) \
        if split < len(pieces) else None
    if head_role == "plan_item":
        own = para.num is not None and para.num[0] > 0  # numId 0: numbering taken off
        level = para.num[1] if own else styles.list_level(para.style)
        plan, nested = plans.plan_of(para, level)
        return Block(POINT, strip_label(head, labels("point", 0)), run_in or None,
                     para=para.number, plan=plan, nested=nested, losses=losses)
    level = int(head_role[-1])
    return Block(SECTION, strip_label(head, labels("section", level)), run_in or None,
                 level=level, para=para.number, losses=losses)


class _Plans:
    """Which plan each point counts in. A point counts at the level of its list (计划条目 at 0,
    计划条目 2 at 1: a plan in a point's body), in the plan open at that level, which closes
    the plans open deeper; it starts a plan of its own where none is open at its level or
    where its own `w:numPr` restarts the count (lists.py): the first paragraph to name an
    instance that restarts does, not those after it (Enter at the end of a first point copies
    its `w:numPr`), in Word as here."""

    def __init__(self, lists: Lists):
        self.lists = lists
        self.seen: set[int] = set()
        self.count = 0
        self.open: list[tuple[int, int | None]] = []
        """(plan, list definition) of the plan open at each level, the outermost first."""

    def plan_of(self, para: wordml.Para, level: int) -> tuple[int, int]:
        """The plan of point `para` listed at `level`, and the level it counts at: at most
        one below the plans open."""
        level = min(max(level, 0), len(self.open))
        num_id, ilvl = para.num if para.num and para.num[0] > 0 else (None, level)
        definition = self.lists.definition(num_id) if num_id is not None else None
        del self.open[level + 1:]
        first = num_id is not None and num_id not in self.seen
        if first:
            self.seen.add(num_id)
        if level < len(self.open):
            plan, was = self.open[level]
            restarts = first and (self.lists.restarts(num_id, ilvl) or
                                  None not in (definition, was) and definition != was)
            if not restarts:
                self.open[level] = (plan, was if definition is None else definition)
                return plan, level
            del self.open[level:]
        self.count += 1
        self.open.append((self.count, definition))
        return self.count, level


def strip_label(text: str, styles: Iterable[NumberStyle]) -> str:
    """`text` without a number typed at its start in one of `styles` (三、 （二） 3.)."""
    for style in styles:
        found = _label_pattern(style).match(text)
        if found and found.end() < len(text):
            return text[found.end():].lstrip(" \u3000")
    return text


_COUNTERS = {"chinese": "[一二三四五六七八九十百千零〇]+", "decimal": r"\d+",
             "decimal-zero": r"\d{2,}", "circled": "[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]",
             "upper-letter": "[A-Z]", "lower-letter": "[a-z]"}
_ALIKE = (".．", "(（", ")）", "、,，", ":：")
_WIDE = {ch: f"[{group}]" for group in _ALIKE for ch in group}
"""Marks an editor may type half- or full-width in a number: 3. or 3．, (2) or （2）."""


def _label_pattern(style: NumberStyle) -> re.Pattern:
    def marks(text: str) -> str:
        return "".join(_WIDE.get(ch, re.escape(ch)) for ch in text.strip())

    tail = r"(?!\d)" if style.counter in ("decimal", "decimal-zero") else ""
    return re.compile(rf"^\s*{marks(style.prefix)}{_COUNTERS[style.counter]}"
                      rf"{marks(style.suffix)}{tail}\s*")


def _table(blocks: list, n: int, styles: Styles) -> Block:
    """The table at `n` with its caption and units line (the paragraphs right before it) and
    notes (right after it)."""
    table: wordml.Table = blocks[n]
    units = blocks[n - 1] if n and _table_paragraph(blocks[n - 1], styles) == "units" else None
    at = n - 1 - (units is not None)
    caption = blocks[at] if at >= 0 and _table_paragraph(blocks[at], styles) == "caption" \
        else None
    notes = []
    for para in blocks[n + 1:]:
        if _table_paragraph(para, styles) != "note":
            break
        notes.append(para)
    losses = [loss for p in (caption, units, *notes) if p is not None for loss in p.losses]
    heads = table.header_rows
    return Block(TABLE, table=TableText(
        caption.text.strip() if caption else None,
        tuple(tuple(row) for row in table.rows[:heads]),
        tuple(tuple(join_lines(c.split("\n")) for c in row) for row in table.rows[heads:]),
        bare_units(units.text.strip()) if units else None,
        bare_notes([p.text.strip() for p in notes]),
        tuple(tuple(s) for s in table.spans)),
        para=(caption or units or table).number, losses=losses + table.losses)


def _table_paragraph(block, styles: Styles) -> str | None:
    """"caption", "units" or "note" for the paragraphs set around a table, else None."""
    if not isinstance(block, wordml.Para) or not block.text.strip():
        return None
    part = styles.table_part(block.style)
    if part is not None:
        return part
    return "caption" if styles.role(block.style) == "caption" else None


def _belongs_to_table(blocks: list, n: int, styles: Styles) -> bool:
    """Whether paragraph `n` is the caption or units line right before a table (a caption
    may stand before the units line), or one of the notes right after one."""
    kind = _table_paragraph(blocks[n], styles)
    at = n + 1
    if kind == "caption" and at < len(blocks) and _table_paragraph(blocks[at], styles) == "units":
        at += 1
    if kind in ("caption", "units"):
        return at < len(blocks) and isinstance(blocks[at], wordml.Table)
    at = n - 1
    while kind == "note" and at >= 0 and _table_paragraph(blocks[at], styles) == "note":
        at -= 1
    return kind == "note" and at >= 0 and isinstance(blocks[at], wordml.Table)


def bare_units(text: str) -> str:
    """A units line without the 单位： the writer puts before it."""
    return re.sub(r"^单位\s*[：:]\s*", "", text)


def bare_notes(notes: list[str]) -> tuple[str, ...]:
    """Note lines without the 注： and numbers the writer puts before them."""
    bare = [re.sub(r"^(注|说明)\s*[：:]\s*", "", n, count=1) for n in notes]
    if len(bare) > 1:
        bare = [re.sub(r"^\d+\s*[.．、]\s*", "", n, count=1) for n in bare]
    return tuple(bare)


def _line(para: wordml.Para, losses: list[str], keep_breaks: bool = False) -> str:
    return _text(para.text, para, losses, keep_breaks)


def _text(text: str, para: wordml.Para, losses: list[str], keep_breaks: bool = False) -> str:
    """A paragraph's text as the YAML holds it: trimmed; lines broken with Shift+Enter joined
    as the reader joins a text's lines (a title keeps them: they are where it was broken)."""
    text = text.strip()
    if "\n" not in text or keep_breaks:
        return text
    if "a line break (joined)" not in losses:
        losses.append("a line break (joined)")
    return join_lines(text.split("\n"))


def join_lines(lines: list[str]) -> str:
    """Lines joined as the YAML reader joins a text's lines: a space only between Latin."""
    parts = [line.strip() for line in lines if line.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (" " if joins_with_space(out[-1], part[0]) else "") + part
    return out


def _attachments(texts: list[Text]) -> None:
    numbered = len(texts) > 1
    for text in texts:
        bare = _ATTACHMENT_WORD.sub("", text.text, count=1)
        text.text = _ATTACHMENT_NUMBER.sub("", bare, count=1) if numbered else bare


def _imprint(para: wordml.Para, report: Report, losses: list[str]) -> None:
    """版记 lines: `抄送：…`, and `印发机关<tab>印发日期印发` (either may be empty)."""
    text = para.text.strip()
    if _COPIES.match(text):
        report.fields.setdefault("copies_to", []).append(
            Text("copies_to", _COPIES.sub("", text, count=1), para=para.number, losses=losses))
        return
    if "\t" in para.text:
        issuer, _, date = para.text.partition("\t")
        date = date.strip().removesuffix("印发")
    else:  # the tab replaced by spaces, or deleted: the date is what ends in 印发
        issued = _ISSUED.search(text)
        issuer = text[:issued.start()] if issued else text
        date = re.sub(r"\s+", "", issued.group(1)) if issued else ""
    for name, value in (("issuer", issuer.strip()), ("issued", date.strip())):
        if value:
            report.fields.setdefault(name, []).append(Text(name, value, para=para.number,
                                                           losses=losses))


def bare_note(text: str) -> str:
    """附注 without the parentheses the writer puts around it."""
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1].strip()
    return text


def bare_addressee(text: str) -> str:
    """主送机关 without the colon the writer ends it with."""
    return text.removesuffix("：").removesuffix(":").rstrip()


def _heading_kind(role: str | None) -> bool:
    """Whether a paragraph or character style's role is a heading's or a plan point's (标题 N,
    标题 N Char): the text in it begins a heading, perhaps run in; not the body's 段中正文 nor
    another role's (出席： in a paragraph restyled as body text)."""
    return role is not None and (role.startswith("heading") or role == "plan_item")
