"""Registry faces as reportlab fonts: registered once per process, embedded as subsets.

reportlab writes a character beyond U+FFFF (𫖯 U+2B5AF) into the ToUnicode CMap as five hex
digits, so copied or searched text gets another character; `UnicodeTTFont` rewrites that CMap
with UTF-16 code units (surrogate pairs), as the PDF specification (9.10.3) asks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont

from reportgen.errors import EXIT_INTERNAL, fail
from reportgen.fontface import Face
from reportgen.writers.pdf.fontcache import load_face

# A bfchar block may hold at most 100 entries (PDF 32000-1:2008, 9.7.6.2).
_BFCHAR_LIMIT = 100

_registered: dict[str, str] = {}
"""Face pdf_name -> the reportlab name it was registered under in this process."""


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

    @classmethod
    def from_face(cls, name: str, face) -> UnicodeTTFont:
        """The font for an already parsed face (what TTFont.__init__ does after parsing)."""
        font = cls.__new__(cls)
        font.fontName = name
        font.face = face
        font.encoding = TTEncoding()
        font.state = WeakKeyDictionary()
        font._asciiReadable = rl_config.ttfAsciiReadable
        font.shapable = False  # reportgen places every glyph itself; no HarfBuzz shaping
        return font

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 (reportlab's name)
        """As reportlab's, but a character no font has gets a code of its own (drawn as the
        .notdef box, which the build warned about) instead of code 0, so that copied and
        searched text still holds it. The face is left as it was: reportlab's subsetter maps
        a code it does not know to .notdef by itself."""
        codes = set(map(ord, text))
        self.face.ensure(codes)
        known = self.face.charToGlyph
        missing = {code for code in codes.difference(known) if code != 0xA0}
        known.update(dict.fromkeys(missing, 0))
        try:
            return super().splitString(text, doc, encoding)
        finally:
            for code in missing:
                del known[code]

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 (reportlab's name)
        self.face.ensure(map(ord, text))
        return super().stringWidth(text, size, encoding)

    def addObjects(self, doc) -> None:  # noqa: N802 (reportlab's name)
        """reportlab's subsets, each tagged after what it holds (``subset_tag``) instead of by
        its number (AAAAAA+ for the first subset of every font), with our ToUnicode CMap."""
        state = self._assignState(doc)
        subsets = [list(subset) for subset in state.subsets]
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        taken = doc.__dict__.setdefault("_reportgen_subset_tags", set())
        for name, codes in zip(names, subsets, strict=True):
            font = fonts[name]
            base = font.BaseFont.partition("+")[2]
            tag = subset_tag(base, codes, taken)
            font.BaseFont = f"{tag}+{base}"
            doc.idToObject[font.FontDescriptor.name].dict["FontName"] = PDFName(font.BaseFont)
            doc.idToObject[font.ToUnicode.name].content = to_unicode_cmap(font.BaseFont, codes)


def subset_tag(font: str, codes: Sequence[int], taken: set[str]) -> str:
    """Six capital letters naming the subset of `font` that holds `codes` (in that order), not
    in `taken`, which it joins. ISO 32000-1 9.6.4: different subsets in one file have different
    tags; derived from the subset's content, a tag is the same in every build of one input."""
    seed = f"{font}:{','.join(map(str, codes))}".encode()
    while True:
        number = int.from_bytes(hashlib.sha256(seed).digest()[:8], "big")
        tag = "".join(chr(65 + number // 26 ** k % 26) for k in range(6))
        if tag not in taken:
            taken.add(tag)
            return tag
        seed += b"+"


def register(face: Face) -> str:
    """The reportlab font name of `face`, registering the font on first use in this process."""
    if face.pdf_name in _registered:
        return _registered[face.pdf_name]
    name = _free_name(face.pdf_name)
    try:
        loaded = load_face(face.path, face.index)
    except Exception as exc:  # reportlab raises many kinds for a font it cannot read
        if face.bundled:
            raise
        raise fail(f"the font {face.family!r} cannot be used in a PDF: {exc}", file=face.path,
                   hint="remove it from the fonts folder, or replace it") from None
    font = UnicodeTTFont.from_face(name, loaded)
    # reportlab shares one font object among fonts whose face has the same PostScript name, so
    # two user files (or someone else's registration) of one name would print in one of them:
    # the face takes the unique name too, and the PDF shows it as its BaseFont.
    font.face.name = name.encode("ascii")
    pdfmetrics.registerFont(font)
    if pdfmetrics.getFont(name) is not font:
        raise fail(f"reportlab font {name} could not be registered", exit_code=EXIT_INTERNAL,
                   hint="this is a bug in reportgen; please report it with the fonts folder "
                        "you used")
    _registered[face.pdf_name] = name
    return name


def _free_name(wanted: str) -> str:
    """`wanted`, or `wanted-2`, `-3` … if another registration in this process holds it."""
    taken = set(pdfmetrics.getRegisteredFontNames()) | {
        n.decode("latin-1") if isinstance(n, bytes) else n for n in pdfmetrics._dynFaceNames}
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted}-{n}"
    return name
