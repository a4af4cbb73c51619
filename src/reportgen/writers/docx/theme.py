"""theme/theme1.xml: a theme naming the document's own faces, Latin and East Asian alike.

Word offers a theme's fonts at the top of its font list (标题 and 正文) and gives them to styles
an editor creates; python-docx's template named Calibri, Cambria and ＭＳ 明朝 there. Here the
body face is the theme's body font and the first-level heading face its heading font, in every
script slot a Chinese document uses.
"""

from __future__ import annotations

from reportgen.xmlchars import quoted_attribute

_COLOURS = (("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", "44546A"), ("lt2", "E7E6E6"),
            ("accent1", "4472C4"), ("accent2", "ED7D31"), ("accent3", "A5A5A5"),
            ("accent4", "FFC000"), ("accent5", "5B9BD5"), ("accent6", "70AD47"),
            ("hlink", "0563C1"), ("folHlink", "954F72"))

_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_FORMATS = (
    "<a:fmtScheme name=\"reportgen\">"
    f"<a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>"
    "<a:lnStyleLst>"
    + "".join(f'<a:ln w="{w}">{_SOLID}</a:ln>' for w in (6350, 12700, 19050))
    + "</a:lnStyleLst>"
    "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3
    + "</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst>"
    "</a:fmtScheme>"
)


def theme_xml(body_face: str, heading_face: str) -> bytes:
    """The theme part: colours, the document's faces as its body and heading fonts, plain
    formats (no gradients, shadows or effects)."""
    colours = "".join(f'<a:{slot}><a:srgbClr val="{rgb}"/></a:{slot}>' for slot, rgb in _COLOURS)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'name="reportgen"><a:themeElements>'
        f'<a:clrScheme name="reportgen">{colours}</a:clrScheme>'
        '<a:fontScheme name="reportgen">'
        f"{_fonts('majorFont', heading_face)}{_fonts('minorFont', body_face)}"
        f"</a:fontScheme>{_FORMATS}</a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )
    return xml.encode()


def _fonts(tag: str, face: str) -> str:
    """One font collection: `face` for Latin, East Asian and Simplified Chinese (Hans) text;
    complex scripts left to the reader (an empty typeface)."""
    face = quoted_attribute(face)
    return (f"<a:{tag}><a:latin typeface={face}/><a:ea typeface={face}/>"
            f'<a:cs typeface=""/><a:font script="Hans" typeface={face}/></a:{tag}>')
