"""settings.xml, written whole: Word 2013 layout (compatibility mode 15), punctuation compression,
odd and even footers, embedded fonts, the theme's language, and the document's own id.

Nothing of python-docx's template is kept: its Word 2010 compatibility mode made Word open every
file in 兼容模式, and its `w14:docId` was the same in every file.
"""

from __future__ import annotations

import hashlib
import secrets

from reportgen.writers.docx import oxml

WORD_URI = "http://schemas.microsoft.com/office/word"
COMPATIBILITY = (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                 ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1))
"""What Word 2013 and later write in a new document: their own layout, not an older one's."""


def element(*, language: str, tab_stop: int, odd_and_even: bool, embed_fonts: bool,
            doc_id: int) -> oxml.Element:
    """The `w:settings` root. `tab_stop` is the default tab stop in twips; `doc_id` the
    document's `w14:docId` (see `doc_id`)."""
    root = oxml.el_with_namespaces("w:settings", ("w", "w14"), ignorable=("w14",))
    compat = oxml.el("w:compat", None, *(
        oxml.el("w:compatSetting", {"w:name": name, "w:uri": WORD_URI, "w:val": value})
        for name, value in COMPATIBILITY))
    root.extend(child for child in (
        oxml.el("w:zoom", {"w:percent": 100}),
        oxml.el("w:embedTrueTypeFonts") if embed_fonts else None,
        oxml.val("w:defaultTabStop", tab_stop),
        oxml.el("w:evenAndOddHeaders") if odd_and_even else None,
        # 标点挤压: full-width punctuation set closer where it meets other punctuation
        oxml.val("w:characterSpacingControl", "compressPunctuation"),
        compat,
        oxml.el("w:themeFontLang", {"w:val": "en-US", "w:eastAsia": language}),
        oxml.el("w:clrSchemeMapping", {f"w:{name}": value for name, value in _COLOUR_MAP}),
        oxml.val("w:decimalSymbol", "."),
        oxml.val("w:listSeparator", ","),
    ) if child is not None)
    root.append(oxml.el("w14:docId", {"w14:val": f"{doc_id:08X}"}))
    return root


_COLOUR_MAP = (("bg1", "light1"), ("t1", "dark1"), ("bg2", "light2"), ("t2", "dark2"),
               *((f"accent{n}", f"accent{n}") for n in range(1, 7)),
               ("hyperlink", "hyperlink"), ("followedHyperlink", "followedHyperlink"))


def doc_id(content: bytes | None) -> int:
    """A `w14:docId`: derived from `content` (the same document, the same id) or, when None,
    random. Word takes ids below 0x80000000 only."""
    if content is None:
        return secrets.randbelow(0x7FFFFFFF) + 1
    return int.from_bytes(hashlib.sha256(content).digest()[:4], "big") % 0x7FFFFFFF + 1
