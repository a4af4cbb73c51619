"""styles.xml: a named paragraph style per template role, so the text carries no direct formatting.

Word's built-in styles stand in where Word has one (Normal is 正文 in a Chinese Word, Heading 1
is 标题 1, so the navigation pane and tables of contents work); the other roles get styles with
Chinese names. Every style states its faces (East Asian and Latin), size, weight, alignment,
indents in characters and spacing in grid lines, so nothing depends on a reader's defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen import model
from reportgen.keeps import Keep
from reportgen.layout.columns import width_chars
from reportgen.tablefit import line_pitch
from reportgen.template import ROLES, RoleStyle
from reportgen.writers.docx import oxml
from reportgen.writers.docx.fonts import Faces
from reportgen.writers.docx.layout import Grid, pt

if TYPE_CHECKING:
    from reportgen.writers.docx.numbering import Numbering

# role: (style id, style name). Built-in names are Word's own, which Word shows translated.
PARAGRAPH_STYLES: dict[str, tuple[str, str]] = {
    "body": ("Normal", "Normal"),
    "title": ("Title", "Title"),
    **{f"heading{n}": (f"Heading{n}", f"heading {n}") for n in range(1, 6)},
    "caption": ("Caption", "caption"),
    "signature": ("Signature", "Signature"),
    "date": ("Date", "Date"),
    "page_number": ("Footer", "footer"),
    "label": ("DocLabel", "文首标注"),
    "doc_number": ("DocNumber", "发文字号"),
    "addressee": ("Addressee", "主送机关"),
    "preamble": ("Preamble", "导语"),
    "plan_item": ("PlanItem", "计划条目"),
    "table": ("TableText", "表格文字"),
    "table_header": ("TableHeader", "表头"),
    "closing": ("Closing", "文末说明"),
    "attachment": ("Attachment", "附件说明"),
    "note": ("Note", "附注"),
    "imprint": ("Imprint", "版记"),
    "copy_number": ("CopyNumber", "份号"),
    "secrecy": ("Secrecy", "密级和保密期限"),
    "urgency": ("Urgency", "紧急程度"),
    "mark": ("IssuerMark", "发文机关标志"),
    "signers": ("Signers", "签发人"),
    "attachment_label": ("AttachmentLabel", "附件标识"),
    "attendance": ("Attendance", "出席名单"),
    "attendance_label": ("AttendanceLabel", "出席标识"),
}
assert set(PARAGRAPH_STYLES) == set(ROLES)

RUN_IN_TEXT = "RunInText"
"""The character style of the text a run-in heading runs into (一、压实责任。|各部门……): the
paragraph is the heading's, in its style, so that its number, the navigation pane and Enter
(a body paragraph follows) work as for any heading; the text after the heading is in the body's
face, and so is what an editor types at its end, since Word goes on in the style of the run
before the cursor."""

CHARACTER_ROLES = ("signers", "attendance_label")
"""Roles set as runs inside another role's paragraph (the names of the 签发人 after 签发人： on
the 发文字号's line, the label of an attendance list before its names); each has a character
style linked to its paragraph style."""

ATTACHMENT_CONTINUED = "AttachmentContinued"
FOOTER_ODD, FOOTER_EVEN = "FooterOdd", "FooterEven"
TABLE_STYLE = "ReportTable"

ATTACHMENT_WORD = "附件："
RULE_THICK, RULE_THIN = 8, 6
"""版记 rules in 1/8 pt: 0.35 mm outside, 0.25 mm between (GB/T 9704 7.4.1)."""


def style_id(role: str) -> str:
    return PARAGRAPH_STYLES[role][0]


def char_style_id(role: str) -> str:
    """The character style of one of the `CHARACTER_ROLES` (SignersChar …)."""
    return style_id(role) + "Char"


def build(document: model.Document, grid: Grid, faces: Faces, numbering: Numbering,
          footer_line: int, extra: list[oxml.Element] = ()) -> oxml.Element:
    """The `w:styles` root for `document`, headings and plan points bound to their lists in
    `numbering`; `footer_line` is the page number's line height in twips; `extra` are further
    paragraph styles (the tables' sizes)."""
    template = document.template
    body = template.role("body")
    root = oxml.el(
        "w:styles", None,
        oxml.el("w:docDefaults", None,
                oxml.el("w:rPrDefault", None,
                        oxml.r_pr(face=faces.name("body"), size_pt=body.size_pt, language="zh-CN")),
                oxml.el("w:pPrDefault", None, oxml.p_pr(
                    widow_control=True, overflow_punct=False, auto_space=False,
                    snap_to_grid=False,
                    line_spacing=oxml.spacing(line=grid.line_pitch, before=0, after=0)))),
        _builtin("character", "DefaultParagraphFont", "Default Paragraph Font"),
        _builtin("table", "TableNormal", "Normal Table"),
        _builtin("numbering", "NoList", "No List"),
    )
    extras = _extras(document, grid)
    extras["page_number"] = {"line": footer_line}
    for role in ROLES:
        root.append(_paragraph_style(role, template.role(role), grid, faces, numbering,
                                     extras.get(role)))
    root.append(_run_in_text_style(body, grid, faces))
    for role in CHARACTER_ROLES:
        root.append(_character_style(role, template.role(role), grid, faces))
    root.extend(_numbered_styles(numbering))
    root.extend(_derived_styles(document, grid))
    root.extend(extra)
    root.append(_table_style())
    return root


def _builtin(kind: str, sid: str, name: str) -> oxml.Element:
    """One of the default styles Word expects to find (plain runs, tables and lists)."""
    node = oxml.el("w:style", {"w:type": kind, "w:styleId": sid, "w:default": True},
                   oxml.val("w:name", name), oxml.el("w:semiHidden"),
                   oxml.el("w:unhideWhenUsed"))
    if kind == "table":
        node.append(oxml.el("w:tblPr", None, oxml.el("w:tblCellMar", None,
                            oxml.el("w:left", {"w:w": 108, "w:type": "dxa"}),
                            oxml.el("w:right", {"w:w": 108, "w:type": "dxa"}))))
    return node


def _paragraph_style(role: str, rs: RoleStyle, grid: Grid, faces: Faces, numbering: Numbering,
                     extra: dict | None) -> oxml.Element:
    sid, name = PARAGRAPH_STYLES[role]
    level = int(role[-1]) if role.startswith("heading") else None
    extra = extra or {}
    node = oxml.el("w:style", {"w:type": "paragraph", "w:styleId": sid,
                               "w:default": True if sid == "Normal" else None},
                   oxml.val("w:name", name))
    if sid != "Normal":
        node.append(oxml.val("w:basedOn", "Normal"))
        node.append(oxml.val("w:next", sid if role in _REPEATING else "Normal"))
    if role in CHARACTER_ROLES:
        node.append(oxml.val("w:link", char_style_id(role)))
    node.append(oxml.val("w:uiPriority", 9 if level else 10 if sid == "Title" else 1))
    node.append(oxml.el("w:qFormat"))
    num = oxml.num_pr(numbering.heading_num_id, level - 1) if level else \
        oxml.num_pr(numbering.plan_num_id, 0) if role == "plan_item" else None
    node.append(oxml.p_pr(
        keep_next=style_keep(role, rs).with_next or None,
        keep_lines=style_keep(role, rs).together or None,
        num=num,
        borders=extra.get("borders", ()),
        tabs=extra.get("tabs"),
        line_spacing=_spacing(role, rs, grid, extra.get("line")),
        indent=extra["indent"] if "indent" in extra else _indent(rs, grid),
        contextual=bool(rs.space_before_lines or rs.space_after_lines),
        align=rs.align,
        outline_level=level - 1 if level else None,
    ))
    node.append(_run_properties(role, rs, grid, faces))
    return node


_REPEATING = ("body", "preamble", "closing", "attachment", "plan_item", "table", "signature",
              "imprint")
"""Roles whose next paragraph (after Enter in Word) keeps the same style."""

_KEPT_WITH_NEXT = ("signature",)
"""Roles that never end a page whatever the template says: 落款 stays with its date."""

_KEPT_TOGETHER = ("title", "signature", *(f"heading{n}" for n in range(1, 6)), "plan_item")
"""Roles whose lines never break across pages (reportgen.keeps: the title, the signature, a
heading and a plan point that does not run in)."""


def style_keep(role: str, rs: RoleStyle) -> Keep:
    """The keeps a role's paragraph style carries; a paragraph whose block keeps otherwise
    (reportgen.keeps: a heading with nothing under it, a run-in heading) says so itself."""
    return Keep(with_next=rs.keep_with_next or role in _KEPT_WITH_NEXT,
                together=role in _KEPT_TOGETHER)

_OFF_GRID = ("table", "table_header", "page_number")
"""Roles set at their own line height; every other role's lines are whole grid lines high."""


def _spacing(role: str, rs: RoleStyle, grid: Grid, line: int | None) -> oxml.Element:
    """Space before and after in grid lines; the exact line height `line` (twips) if given,
    else whole grid lines, or 1.25 times the size for roles off the grid."""
    before, before_lines = grid.lines(rs.space_before_lines)
    after, after_lines = grid.lines(rs.space_after_lines)
    if line is None and role in ("table", "table_header"):
        line = pt(line_pitch(rs.size_pt))
    elif line is None and role in _OFF_GRID:
        line = pt(rs.size_pt * 1.25)
    elif line is None:
        line = grid.line_pitch * max(1, -(-pt(rs.size_pt) // grid.line_pitch))
    return oxml.spacing(line=line, before=before, before_lines=before_lines, after=after,
                        after_lines=after_lines)


def _indent(rs: RoleStyle, grid: Grid) -> oxml.Element:
    first, first_chars = grid.chars(rs.indent_chars, rs.size_pt)
    return oxml.ind(left=0, left_chars=0, right=0, right_chars=0, first_line=first,
                    first_line_chars=first_chars)


def _run_properties(role: str, rs: RoleStyle, grid: Grid, faces: Faces) -> oxml.Element:
    return oxml.r_pr(face=faces.name(role), bold=rs.bold or faces.bold(role),
                     color=rs.color if rs.color != "000000" else None,
                     spacing=grid.char_spacing(rs.size_pt), size_pt=rs.size_pt,
                     language="zh-CN")


def _run_in_text_style(body: RoleStyle, grid: Grid, faces: Faces) -> oxml.Element:
    """段中正文: the body's face, size and weight, for the text a run-in heading runs into."""
    return oxml.el("w:style", {"w:type": "character", "w:styleId": RUN_IN_TEXT},
                   oxml.val("w:name", "段中正文"), oxml.val("w:basedOn", "DefaultParagraphFont"),
                   oxml.val("w:uiPriority", 1), oxml.el("w:qFormat"),
                   _run_properties("body", body, grid, faces))


def _character_style(role: str, rs: RoleStyle, grid: Grid, faces: Faces) -> oxml.Element:
    sid, name = PARAGRAPH_STYLES[role]
    return oxml.el("w:style", {"w:type": "character", "w:styleId": char_style_id(role)},
                   oxml.val("w:name", f"{name} Char"),
                   oxml.val("w:basedOn", "DefaultParagraphFont"),
                   oxml.val("w:link", sid),
                   oxml.val("w:uiPriority", 9),
                   _run_properties(role, rs, grid, faces))


def _numbered_styles(numbering: Numbering) -> list[oxml.Element]:
    """The points of plans in plan points (计划条目 2), and headings and plan points numbered
    their own way (标题 3（01））: the style they are based on, bound to their own list level or
    instance, offered in the style list beside it."""
    plan = style_id("plan_item")
    return [oxml.el("w:style", {"w:type": "paragraph", "w:styleId": d.style_id},
                    oxml.val("w:name", d.name), oxml.val("w:basedOn", d.based_on),
                    oxml.val("w:next", d.style_id if d.style_id.startswith(plan) else "Normal"),
                    oxml.val("w:uiPriority", 9), oxml.el("w:qFormat"),
                    oxml.p_pr(num=oxml.num_pr(d.num_id, d.ilvl)))
            for d in (*numbering.nested_plans, *numbering.derived.values())]


def _extras(document: model.Document, grid: Grid) -> dict[str, dict]:
    """Indents, tabs and rules that depend on the document's own text (落款, 附件说明, 版记)."""
    template = document.template
    out: dict[str, dict] = {}
    for block in document.blocks:
        if isinstance(block, model.Signature):
            size = template.role("signature").size_pt
            sig_right, date_right = signature_indents(block)
            out["signature"] = {"indent": _right_indent(sig_right, size, grid)}
            out["date"] = {"indent": _right_indent(date_right, template.role("date").size_pt,
                                                   grid)}
        elif isinstance(block, model.Attachments):
            rs = template.role("attachment")
            left, hang = attachment_indents(block, rs.indent_chars)
            out["attachment"] = {"indent": _hanging(left, hang, rs.size_pt, grid)}
    rs = template.role("attendance")
    label = width_chars("出席：")
    out["attendance"] = {"indent": _hanging(rs.indent_chars + label, label, rs.size_pt, grid)}
    rs = template.role("imprint")
    inset, inset_chars = grid.chars(rs.indent_chars, rs.size_pt)
    ruled = template.head.layout != "letter"  # GB/T 9704 10.1: a letter's 版记 has no rules
    out["imprint"] = {  # the rules on its lines' edges, as the PDF draws them on the grid's
        "borders": (oxml.border("top", RULE_THICK, 0), oxml.border("bottom", RULE_THICK, 0),
                    oxml.border("between", RULE_THIN, 0)) if ruled else (),
        "tabs": oxml.tab(grid.text_width - inset),
        "indent": oxml.ind(left=0, left_chars=0, right=0, right_chars=0, first_line=inset,
                           first_line_chars=inset_chars),
    }
    return out


def signature_indents(signature: model.Signature) -> tuple[float, float]:
    """Right indents (characters) of 落款 and date: the signature 2 characters in from the right
    and the date starting 2 characters right of its first character; when the date is the
    longer, the date sits 2 in and the signature moves left (GB/T 9704 7.3.5.2)."""
    name = max((width_chars(o) for o in signature.organisations), default=0.0)
    date = width_chars(signature.date)
    sig_right = max(2.0, date - name + 4.0)
    return sig_right, sig_right + name - 2.0 - date


def attachment_indents(attachments: model.Attachments, first_line: float) -> tuple[float, float]:
    """Left and hanging indents (characters) so wrapped names align under the first name."""
    number = width_chars(f"{len(attachments.names)}.") if len(attachments.names) > 1 else 0.0
    hang = width_chars(ATTACHMENT_WORD) + number
    return first_line + hang, hang


def _right_indent(chars: float, size_pt: float, grid: Grid) -> oxml.Element:
    right, right_chars = grid.chars(chars, size_pt)
    return oxml.ind(left=0, left_chars=0, right=right, right_chars=right_chars, first_line=0,
                    first_line_chars=0)


def _hanging(left_chars: float, hanging_chars: float, size_pt: float,
             grid: Grid) -> oxml.Element:
    left, left_hundredths = grid.chars(left_chars, size_pt)
    hang, hang_hundredths = grid.chars(hanging_chars, size_pt)
    return oxml.ind(left=left, left_chars=left_hundredths, hanging=hang,
                    hanging_chars=hang_hundredths)


def _derived_styles(document: model.Document, grid: Grid) -> list[oxml.Element]:
    """Footers for odd and even pages, and the attachment lines after the first."""
    page_number = document.template.page.page_number
    size = page_number.size_pt
    inset, inset_chars = grid.chars(page_number.inset_chars, size)
    odd, even = {"outside": ("right", "left"), "center": ("center", "center"),
                 "right": ("right", "right")}.get(page_number.placement, ("right", "left"))

    def footer(sid: str, name: str, align: str) -> oxml.Element:
        indent = oxml.ind(left=inset if align == "left" else 0,
                          left_chars=inset_chars if align == "left" else 0,
                          right=inset if align == "right" else 0,
                          right_chars=inset_chars if align == "right" else 0,
                          first_line=0, first_line_chars=0)
        return _derived(sid, name, "Footer", oxml.p_pr(indent=indent, align=align))

    styles = [footer(FOOTER_ODD, "页码（单页）", odd), footer(FOOTER_EVEN, "页码（双页）", even)]
    rs = document.template.role("attachment")
    names = next((b for b in document.blocks if isinstance(b, model.Attachments)), None)
    if names is not None:
        left, hang = attachment_indents(names, rs.indent_chars)
        number = hang - width_chars(ATTACHMENT_WORD)
        styles.append(_derived(ATTACHMENT_CONTINUED, "附件说明（续）", "Attachment", oxml.p_pr(
            indent=_hanging(left, number, rs.size_pt, grid),
            line_spacing=oxml.spacing(before=0, before_lines=0))))
    return styles


def _derived(sid: str, name: str, based_on: str, p_pr: oxml.Element) -> oxml.Element:
    return oxml.el("w:style", {"w:type": "paragraph", "w:styleId": sid},
                   oxml.val("w:name", name), oxml.val("w:basedOn", based_on),
                   oxml.val("w:next", sid), oxml.val("w:uiPriority", 1), p_pr)


def _table_style() -> oxml.Element:
    """A table style with single rules all round and between cells."""
    sides = [oxml.border(side, 4) for side in
             ("top", "left", "bottom", "right", "insideH", "insideV")]
    return oxml.el("w:style", {"w:type": "table", "w:styleId": TABLE_STYLE},
                   oxml.val("w:name", "公文表格"), oxml.val("w:basedOn", "TableNormal"),
                   oxml.val("w:uiPriority", 1),
                   oxml.el("w:tblPr", None, oxml.val("w:jc", "center"),
                           oxml.el("w:tblBorders", None, *sides)))
