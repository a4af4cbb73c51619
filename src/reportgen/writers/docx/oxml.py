"""Raw WordprocessingML (ECMA-376 Part 1) elements that python-docx has no API for, by schema name.

Each helper returns one element, named after the schema element it builds (`r_fonts` is
`w:rFonts`). Children are appended in the order the schema requires, so callers pass keyword
arguments and never think about sequence. Lengths are in twips (1/20 pt) unless the name says
`chars` (1/100 of a character) or `lines` (1/100 of a grid line).
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement
from lxml import etree

Element = etree._Element
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}
"""Template alignment names to `w:jc` values; Chinese text justifies with `both`."""


def el(tag: str, attrs: dict[str, object] | None = None, *children: Element | None) -> Element:
    """`<tag attrs…>children…</tag>`; attribute names carry their prefix (`w:val`)."""
    node = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        if value is not None:
            node.set(qn(name), _text(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def val(tag: str, value: object) -> Element:
    """An element whose only attribute is `w:val`."""
    return el(tag, {"w:val": value})


# -- run properties -------------------------------------------------------------------------------

def r_fonts(face: str) -> Element:
    """`w:rFonts` naming one face for every script: East Asian, Latin (ascii, hAnsi) and complex."""
    return el("w:rFonts", {"w:ascii": face, "w:eastAsia": face, "w:hAnsi": face, "w:cs": face})


def lang(east_asia: str = "zh-CN", latin: str = "en-US") -> Element:
    return el("w:lang", {"w:val": latin, "w:eastAsia": east_asia})


def r_pr(*, style: str | None = None, face: str | None = None, bold: bool | None = None,
         color: str | None = None, spacing: int | None = None, scale: int | None = None,
         size_pt: float | None = None, language: str | None = None) -> Element:
    """`w:rPr`; None leaves a property to the style or the defaults. `scale` is the width of
    the characters in percent (`w:w`, 字符缩放)."""
    half_points = None if size_pt is None else round(size_pt * 2)
    return el(
        "w:rPr", None,
        val("w:rStyle", style) if style else None,
        r_fonts(face) if face else None,
        val("w:b", bold) if bold is not None else None,
        val("w:bCs", bold) if bold is not None else None,
        val("w:color", color) if color else None,
        val("w:spacing", spacing) if spacing else None,
        val("w:w", scale) if scale and scale != 100 else None,
        val("w:sz", half_points) if half_points else None,
        val("w:szCs", half_points) if half_points else None,
        lang(language) if language else None,
    )


# -- paragraph properties -------------------------------------------------------------------------

def spacing(*, line: int | None = None, rule: str = "exact", before: int | None = None,
            before_lines: int | None = None, after: int | None = None,
            after_lines: int | None = None) -> Element:
    """`w:spacing`: before/after in twips and in 1/100 grid lines, the line height in twips."""
    return el("w:spacing", {
        "w:before": before, "w:beforeLines": before_lines,
        "w:after": after, "w:afterLines": after_lines,
        "w:line": line, "w:lineRule": rule if line is not None else None,
    })


def ind(*, left: int | None = None, left_chars: int | None = None, right: int | None = None,
        right_chars: int | None = None, first_line: int | None = None,
        first_line_chars: int | None = None, hanging: int | None = None,
        hanging_chars: int | None = None) -> Element:
    """`w:ind`, in twips (what LibreOffice reads) and characters (what Word and WPS prefer)."""
    return el("w:ind", {
        "w:left": left, "w:leftChars": left_chars, "w:right": right, "w:rightChars": right_chars,
        "w:hanging": hanging, "w:hangingChars": hanging_chars,
        "w:firstLine": first_line, "w:firstLineChars": first_line_chars,
    })


def num_pr(num_id: int, ilvl: int) -> Element:
    """`w:numPr`: the paragraph is item `ilvl` (0-based level) of list `num_id`."""
    return el("w:numPr", None, val("w:ilvl", ilvl), val("w:numId", num_id))


def border(side: str, size_eighths: int, space: int = 0, color: str = "000000",
           kind: str = "single") -> Element:
    """One side of a `w:pBdr` or `w:tblBorders`: a line of `kind`, width in 1/8 pt, `space`
    points from the text."""
    return el(f"w:{side}", {"w:val": kind, "w:sz": size_eighths, "w:space": space,
                            "w:color": color})


def tab(position: int, alignment: str = "right") -> Element:
    return tabs((position, alignment))


def tabs(*stops: tuple[int, str]) -> Element:
    """`w:tabs`: stops as (position in twips, alignment: left, center, right)."""
    return el("w:tabs", None, *(el("w:tab", {"w:val": alignment, "w:pos": position})
                                for position, alignment in stops))


def frame_pr(*, width: int | None = None, x_align: str | None = None, x: int | None = None,
             y_align: str | None = None, y: int | None = None, v_anchor: str = "margin",
             h_anchor: str = "margin", wrap: str = "notBeside") -> Element:
    """`w:framePr`: the paragraph stands in a frame placed on the page (the 版记 at the foot of
    the text block); paragraphs with equal frame properties share one frame."""
    return el("w:framePr", {"w:w": width, "w:wrap": wrap, "w:vAnchor": v_anchor,
                            "w:hAnchor": h_anchor, "w:x": x, "w:xAlign": x_align, "w:y": y,
                            "w:yAlign": y_align})


def p_pr(*, style: str | None = None, keep_next: bool | None = None,
         keep_lines: bool | None = None, page_break_before: bool = False,
         frame: Element | None = None, widow_control: bool | None = None,
         num: Element | None = None,
         borders: Iterable[Element] = (), tabs: Element | None = None,
         overflow_punct: bool | None = None, auto_space: bool | None = None,
         snap_to_grid: bool | None = None, line_spacing: Element | None = None,
         indent: Element | None = None, contextual: bool = False, align: str | None = None,
         outline_level: int | None = None, mark: Element | None = None) -> Element:
    """`w:pPr`; None leaves a property to the style. `mark` is the paragraph mark's `w:rPr`.

    `overflow_punct` False keeps punctuation inside the margin (Word and LibreOffice let
    。，、 hang past it by default); `auto_space` False turns off the extra space Word and
    LibreOffice put between Chinese and Latin text or digits (2025 年), which GB/T 9704
    documents do not have."""
    sides = list(borders)
    return el(
        "w:pPr", None,
        val("w:pStyle", style) if style else None,
        (el("w:keepNext") if keep_next else val("w:keepNext", False))
        if keep_next is not None else None,
        (el("w:keepLines") if keep_lines else val("w:keepLines", False))
        if keep_lines is not None else None,
        el("w:pageBreakBefore") if page_break_before else None,
        frame,
        val("w:widowControl", widow_control) if widow_control is not None else None,
        num,
        el("w:pBdr", None, *sides) if sides else None,
        tabs,
        val("w:overflowPunct", overflow_punct) if overflow_punct is not None else None,
        val("w:autoSpaceDE", auto_space) if auto_space is not None else None,
        val("w:autoSpaceDN", auto_space) if auto_space is not None else None,
        val("w:snapToGrid", snap_to_grid) if snap_to_grid is not None else None,
        line_spacing,
        indent,
        el("w:contextualSpacing") if contextual else None,
        val("w:jc", JC.get(align, align)) if align else None,
        val("w:outlineLvl", outline_level) if outline_level is not None else None,
        mark,
    )


def keep_with_next(p: Element) -> None:
    """Give the paragraph `p` a `w:keepNext`, in its place in `w:pPr` (after `w:pStyle`); one
    that said off (a heading with nothing under it) now says on."""
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = el("w:pPr")
        p.insert(0, p_pr)
    kept = p_pr.find(qn("w:keepNext"))
    if kept is not None:
        kept.attrib.pop(qn("w:val"), None)
        return
    style = p_pr.find(qn("w:pStyle"))
    p_pr.insert(0 if style is None else 1, el("w:keepNext"))


# -- numbering.xml --------------------------------------------------------------------------------

def lvl(ilvl: int, num_fmt: str, text: str, *, indent: Element, style: str | None = None,
        start: int = 1) -> Element:
    """`w:lvl`: a level counting in `num_fmt`, printed as `text` (%1 … %9), no tab after it."""
    return el(
        "w:lvl", {"w:ilvl": ilvl},
        val("w:start", start),
        val("w:numFmt", num_fmt),
        val("w:pStyle", style) if style else None,
        val("w:suff", "nothing"),
        val("w:lvlText", text),
        val("w:lvlJc", "left"),
        el("w:pPr", None, indent),
    )


def abstract_num(abstract_id: int, name: str, levels: Iterable[Element]) -> Element:
    """`w:abstractNum`: a list definition; `name` shows in Word's list library."""
    levels = list(levels)
    kind = "multilevel" if len(levels) > 1 else "singleLevel"
    return el("w:abstractNum", {"w:abstractNumId": abstract_id},
              val("w:multiLevelType", kind), val("w:name", name), *levels)


def num(num_id: int, abstract_id: int, overrides: Iterable[Element] = ()) -> Element:
    """`w:num`: a list instance of an abstract definition, with its level overrides."""
    return el("w:num", {"w:numId": num_id}, val("w:abstractNumId", abstract_id), *overrides)


def lvl_override(ilvl: int, start: int | None, level: Element | None) -> Element:
    """`w:lvlOverride`: level `ilvl` of an instance restarts at `start` (None: counts on) and
    is formatted as `level` (None: as its definition says)."""
    return el("w:lvlOverride", {"w:ilvl": ilvl},
              val("w:startOverride", start) if start is not None else None, level)


# -- fields ---------------------------------------------------------------------------------------

def field_runs(instruction: str, shown: str) -> list[Element]:
    """The runs of a complex field (`w:fldChar` begin / `w:instrText` / separate / end)."""
    instr = el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    return [
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "begin"})),
        el("w:r", None, instr),
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "separate"})),
        text_run(shown),
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "end"})),
    ]


def text_run(text: str, properties: Element | None = None) -> Element:
    """`w:r` holding `text` (spaces kept)."""
    t = el("w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el("w:r", None, properties, t)


# -- section properties ---------------------------------------------------------------------------

def pg_sz(width: int, height: int) -> Element:
    return el("w:pgSz", {"w:w": width, "w:h": height})


def pg_mar(*, top: int, right: int, bottom: int, left: int, header: int, footer: int) -> Element:
    return el("w:pgMar", {"w:top": top, "w:right": right, "w:bottom": bottom, "w:left": left,
                          "w:header": header, "w:footer": footer, "w:gutter": 0})


def doc_grid(line_pitch: int, char_space: int) -> Element:
    """`w:docGrid` of lines `line_pitch` twips apart and characters `char_space` (1/4096 pt)
    wider than the body's size (see `layout.Grid`)."""
    return el("w:docGrid", {"w:type": "linesAndChars", "w:linePitch": line_pitch,
                            "w:charSpace": char_space})


# -- fontTable.xml --------------------------------------------------------------------------------

def fonts(*entries: Element) -> Element:
    """The `w:fonts` root of fontTable.xml, declaring the relationships namespace at the top."""
    return el_with_namespaces("w:fonts", ("w", "r"), *entries)


def el_with_namespaces(tag: str, prefixes: tuple[str, ...], *children: Element,
                       ignorable: tuple[str, ...] = ()) -> Element:
    """A root element declaring the namespaces of `prefixes`, so children use those prefixes;
    those also in `ignorable` are Microsoft extensions a reader may skip (`mc:Ignorable`)."""
    declared = {prefix: nsmap[prefix] for prefix in prefixes}
    if ignorable:
        declared["mc"] = MC
    node = OxmlElement(tag, nsdecls=declared)
    if ignorable:
        node.set(f"{{{MC}}}Ignorable", " ".join(ignorable))
    node.extend(children)
    return node


def font(name: str, *, alt_name: str | None = None, family: str = "auto",
         charset: str = "86", regular: tuple[str, str] | None = None,
         bold: tuple[str, str] | None = None) -> Element:
    """`w:font`; charset 86 is GB2312. `regular` and `bold` embed a face: (relationship id,
    font key GUID)."""
    return el(
        "w:font", {"w:name": name},
        val("w:altName", alt_name) if alt_name else None,
        val("w:charset", charset),
        val("w:family", family),
        val("w:pitch", "variable"),
        el("w:embedRegular", {"r:id": regular[0], "w:fontKey": regular[1]}) if regular else None,
        el("w:embedBold", {"r:id": bold[0], "w:fontKey": bold[1]}) if bold else None,
    )
