"""Which report role each style of a revised DOCX stands for: the one table pull reads styles by.

The DOCX writer names a paragraph style per role (writers/docx/styles.py). Word keeps the
writer's style ids; LibreOffice renames the ids of styles it has no built-in for (文首标注
becomes Style9) but keeps their names; WPS and a Chinese Word may show built-in styles under
Chinese names (标题 1, 正文). So a style is known by its id, else by its name, else by the
style it is based on (a style derived from 标题 3, as the writer makes for sections numbered
their own way, is a heading 3). Character styles mark run-in headings: the text a heading runs
into is in 段中正文 (or, in DOCX written before that style, the heading is in 标题 N Char).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from reportgen.writers.docx.styles import (
    ATTACHMENT_CONTINUED,
    CHARACTER_ROLES,
    PARAGRAPH_STYLES,
    RUN_IN_TEXT,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

BODY = "body"
CONTINUED = "attachment_continued"
"""The role of the attachment lines after the first (附件说明（续）)."""

_ALIASES: dict[str, tuple[str, ...]] = {
    "body": ("正文", "Default Paragraph Style", "Standard", "默认段落样式"),
    "title": ("标题",),
    **{f"heading{n}": (f"标题 {n}", f"标题{n}") for n in range(1, 6)},
    "caption": ("题注",),
    "signature": ("签名",),
    "date": ("日期",),
    "page_number": ("页脚",),
}
"""Names other programs show our built-in styles by (Word keeps the English names in the file;
WPS may write the Chinese ones)."""

_BODY_LIKE = ("Body Text", "正文文本", "Text Body", "Plain Text", "纯文本", "Normal (Web)",
              "普通(网站)", "No Spacing", "无间隔", "List Paragraph", "列表段落")
"""Styles editors apply to ordinary text: read as body paragraphs without a word about it."""

RUN_IN_NAME = "段中正文"
"""The name of the character style (RUN_IN_TEXT) of the text a run-in heading runs into."""

_BY_NAME = {name.casefold(): role for role, (_, name) in PARAGRAPH_STYLES.items()}
_BY_NAME.update({alias.casefold(): role for role, names in _ALIASES.items() for alias in names})
_BY_NAME.update({name.casefold(): BODY for name in _BODY_LIKE})
_BY_NAME["附件说明（续）"] = CONTINUED
_BY_ID = {sid: role for role, (sid, _) in PARAGRAPH_STYLES.items()}
_BY_ID[ATTACHMENT_CONTINUED] = CONTINUED


Look = dict[str, str]
"""Run properties as pull compares them: `b` `i` `u` `strike` `dstrike` `caps` `smallCaps` `em`
`vertAlign` `highlight` `color` → "on" or "off", `size` (half-points) and `face`."""


@dataclass
class Style:
    sid: str
    name: str
    kind: str
    based_on: str | None
    link: str | None
    look: Look
    align: str | None
    list_level: int | None = None
    """The level of the list its `w:numPr` numbers it at (计划条目 2: 1), None without one."""


@dataclass
class Styles:
    """The styles of one DOCX (word/styles.xml), resolved to report roles."""

    styles: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str = "Normal"
    defaults: Look = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes | None) -> Styles:
        if not xml:
            return cls()
        root = etree.fromstring(xml, parser=SAFE_PARSER)
        found = cls()
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        found.defaults = look_of(rpr)
        for node in root.iter(f"{W}style"):
            sid = node.get(f"{W}styleId", "")
            name = _val(node.find(f"{W}name")) or sid
            kind = node.get(f"{W}type", "paragraph")
            jc = node.find(f"{W}pPr/{W}jc")
            ilvl = _val(node.find(f"{W}pPr/{W}numPr/{W}ilvl"))
            found.styles[sid] = Style(sid, name, kind, _val(node.find(f"{W}basedOn")),
                                      _val(node.find(f"{W}link")),
                                      look_of(node.find(f"{W}rPr")),
                                      ALIGN.get(_val(jc) or "", _val(jc)),
                                      int(ilvl) if ilvl and ilvl.isdigit() else None)
            if kind == "paragraph" and node.get(f"{W}default") in ("1", "true", "on"):
                found.default_paragraph = sid
        return found

    def role(self, sid: str | None) -> str | None:
        """The role of paragraph style `sid` (None: the default style), following the styles
        it is based on; None for a style that is none of ours."""
        seen: set[str] = set()
        sid = sid or self.default_paragraph
        while sid and sid not in seen:
            seen.add(sid)
            style = self.styles.get(sid)
            if style is not None and style.name.casefold() in _BY_NAME:
                return _BY_NAME[style.name.casefold()]
            if sid in _BY_ID:
                return _BY_ID[sid]
            sid = style.based_on if style else None
        return None

    def name(self, sid: str | None) -> str:
        """The style's name as editors see it."""
        style = self.styles.get(sid or self.default_paragraph)
        return style.name if style else (sid or "")

    def is_ours(self, sid: str | None) -> bool:
        """Whether the style is one the writer names, or a plain body style an editor may
        pick for text (Body Text, 纯文本 …), rather than a style of another document."""
        style = self.styles.get(sid or self.default_paragraph)
        if style is None:
            return sid is None or sid in _BY_ID
        return style.name.casefold() in _BY_NAME or style.sid in _BY_ID or (
            style.based_on is not None and self.role(style.based_on) in _DERIVED_FROM)

    def of_role(self, role: str) -> str | None:
        """The id of the style the writer names for `role` (not one derived from it): by the
        writer's very name first (LibreOffice adds a `Caption` of its own beside the writer's
        `caption`), then by its id, then by a name other programs give it."""
        sid, name = PARAGRAPH_STYLES.get(role, (None, None))
        paragraph = {k: v for k, v in self.styles.items() if v.kind == "paragraph"}
        return next((k for k, v in paragraph.items() if v.name == name), None) or (
            sid if sid in paragraph else None) or next(
            (k for k, v in paragraph.items() if _BY_NAME.get(v.name.casefold()) == role), None)

    def table_part(self, sid: str | None) -> str | None:
        """"units" or "note" for the styles of a table's units line and notes (表格单位,
        表注, at any size), else None."""
        for one in reversed(self._chain(sid)):
            style = self.styles[one]
            for part, prefixes in _TABLE_PARTS.items():
                if style.name.startswith(prefixes[0]) or one.startswith(prefixes[1]):
                    return part
        return None

    def run_kind(self, sid: str | None) -> str | None:
        """What a character style marks: "text" for the text a run-in heading runs into,
        the role of a heading for a heading's own character style (标题 1 Char), of the
        signers or an attendance label for theirs (签发人 Char), else None."""
        if not sid:
            return None
        style = self.styles.get(sid)
        if sid == RUN_IN_TEXT or style is not None and style.name == RUN_IN_NAME:
            return "text"
        if style is not None and style.link:
            role = self.role(style.link)
            if role is not None and (role.startswith("heading") or role == "plan_item"
                                     or role in CHARACTER_ROLES):
                return role
        return None

    def look(self, paragraph: str | None, character: str | None = None) -> Look:
        """The run properties a paragraph style (and a character style) give, through the
        styles they are based on."""
        look = dict(self.defaults)
        for sid in (*self._chain(paragraph or self.default_paragraph),
                    *self._chain(character)):
            look.update(self.styles[sid].look)
        return look

    def list_level(self, sid: str | None) -> int:
        """The list level a paragraph of style `sid` counts at, through the styles it is
        based on (0 where none says)."""
        for one in reversed(self._chain(sid or self.default_paragraph)):
            if self.styles[one].list_level is not None:
                return self.styles[one].list_level
        return 0

    def align(self, sid: str | None) -> str | None:
        for one in reversed(self._chain(sid or self.default_paragraph)):
            if self.styles[one].align:
                return self.styles[one].align
        return None

    def _chain(self, sid: str | None) -> list[str]:
        """The style and those it is based on, the most basic first."""
        chain: list[str] = []
        while sid and sid in self.styles and sid not in chain:
            chain.append(sid)
            sid = self.styles[sid].based_on
        return chain[::-1]


_TABLE_PARTS = {"units": ("表格单位", "TableUnits"), "note": ("表注", "TableNote")}
"""A table's units line and notes: their styles' names and ids start so (表格单位 10.5磅)."""

_DERIVED_FROM = {f"heading{n}" for n in range(1, 6)} | {"plan_item"}
"""Roles whose styles the writer derives numbered variants from (标题 3（01））."""

ALIGN = {"start": "left", "end": "right", "both": "justify", "distribute": "justify"}

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                              remove_comments=True)
"""A DOCX comes from someone else: no entities, no network, no huge trees."""

_FLAGS = ("b", "i", "strike", "dstrike", "caps", "smallCaps")
_OFF = {"u": "none", "highlight": "none", "em": "none", "vertAlign": "baseline"}


def look_of(rpr: etree._Element | None) -> Look:
    """The run properties `rpr` (a `w:rPr`) states itself."""
    look: Look = {}
    if rpr is None:
        return look
    for name in _FLAGS:
        node = rpr.find(W + name)
        if node is not None:
            look[name] = "on" if _val(node) not in ("0", "false", "off") else "off"
    for name, off in _OFF.items():
        node = rpr.find(W + name)
        if node is not None:
            look[name] = "off" if (_val(node) or off) == off else "on"
    color = rpr.find(f"{W}color")
    if color is not None:
        look["color"] = "off" if _val(color) in ("auto", "000000", None) else "on"
    size = _val(rpr.find(f"{W}sz"))
    if size:
        look["size"] = size
    fonts = rpr.find(f"{W}rFonts")
    if fonts is not None:
        face = fonts.get(f"{W}eastAsia") or fonts.get(f"{W}ascii")
        if face:
            look["face"] = face
    return look


def _val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(f"{W}val")
