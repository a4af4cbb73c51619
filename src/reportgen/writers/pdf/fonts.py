"""Registry faces as reportlab fonts: registered once per process, embedded as subsets.

reportlab writes a character beyond U+FFFF (𫖯 U+2B5AF) into the ToUnicode CMap as five hex
digits, so copied or searched text gets another character; `UnicodeTTFont` rewrites that CMap
with UTF-16 code units (surrogate pairs), as the PDF specification (9.10.3) asks.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.errors import EXIT_INTERNAL, fail
from reportgen.fontset import Face

# A bfchar block may hold at most 100 entries (PDF 32000-1:2008, 9.7.6.2).
_BFCHAR_LIMIT = 100

_registered: set[str] = set()


def to_unicode_cmap(name: str, codes: Sequence[int]) -> str:
    """A ToUnicode CMap for a one-byte font subset whose byte `i` shows the character `codes[i]`."""
    entries = [
        f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for i, code in enumerate(codes)
    ]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(codes) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), _BFCHAR_LIMIT):
        chunk = entries[start : start + _BFCHAR_LIMIT]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class UnicodeTTFont(TTFont):
    """reportlab's TrueType font with a ToUnicode CMap that is right beyond U+FFFF."""

    def addObjects(self, doc) -> None:  # noqa: N802 (reportlab's name)
        state = self._assignState(doc)
        subsets = [list(subset) for subset in state.subsets]
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, codes in zip(names, subsets, strict=True):
            font = fonts[name]
            doc.idToObject[font.ToUnicode.name].content = to_unicode_cmap(font.BaseFont, codes)


def register(face: Face) -> str:
    """The reportlab font name of `face`, registering the font on first use in this process."""
    name = face.pdf_name
    if name not in _registered:
        font = UnicodeTTFont(name, str(face.path), subfontIndex=face.index)
        # reportlab shares one font object among fonts with the same PostScript name, so two
        # user files with the same name would print in one of them: use the unique name.
        font.face.name = name.encode("ascii")
        pdfmetrics.registerFont(font)
        if pdfmetrics.getFont(name) is not font:
            raise fail(
                f"reportlab font {name} was registered before, not through reportgen's registry",
                exit_code=EXIT_INTERNAL,
            )
        _registered.add(name)
    return name
