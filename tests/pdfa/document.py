"""A PDF as the PDF/A checker sees it: its bytes, its objects (pypdf), and a violation record.

The checker shares no code with reportgen's writer: it reads the file with pypdf, fontTools and
the standard library only, and names every rule by its clause of ISO 19005-2 (ISO 19005-3 for
PDF/A-3's associated files).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject


@dataclass(frozen=True)
class Violation:
    """One requirement the file does not meet: the clause of ISO 19005-2 and what is wrong."""

    clause: str
    message: str

    def __str__(self) -> str:
        return f"ISO 19005-2 {self.clause}: {self.message}"


class Pdf:
    """A parsed PDF; objects are read once and shared by the checks."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reader = PdfReader(io.BytesIO(data), strict=False)

    @property
    def trailer(self) -> DictionaryObject:
        return self.reader.trailer

    @property
    def catalog(self) -> DictionaryObject:
        return self.reader.trailer["/Root"].get_object()

    @property
    def info(self) -> DictionaryObject:
        info = self.reader.trailer.get("/Info")
        return info.get_object() if info is not None else DictionaryObject()

    @cached_property
    def objects(self) -> dict[int, object]:
        """Every object of the cross-reference table by number (generation 0 only)."""
        found = {}
        for number in self.reader.xref.get(0, {}):
            try:
                found[number] = self.reader.get_object(IndirectObject(number, 0, self.reader))
            except Exception:  # noqa: BLE001 - a broken object is reported by qpdf --check
                continue
        return found

    @cached_property
    def dictionaries(self) -> list[tuple[int, DictionaryObject]]:
        """Every dictionary of the file, direct ones inside others too, with the number of the
        object that holds it (a stream counts as its dictionary)."""
        found = []
        for number, obj in self.objects.items():
            stack = [obj]
            while stack:
                item = stack.pop()
                if isinstance(item, DictionaryObject):
                    found.append((number, item))
                    stack.extend(item.values())
                elif isinstance(item, ArrayObject):
                    stack.extend(item)
        return found

    @cached_property
    def fonts(self) -> dict[int, DictionaryObject]:
        """Every font in the pages' resources, by object number (each once)."""
        found = {}
        for page in self.reader.pages:
            resources = page.get("/Resources")
            fonts = resources.get_object().get("/Font") if resources is not None else None
            if fonts is None:
                continue
            for ref in fonts.get_object().values():
                number = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
                found[number] = ref.get_object()
        return found

    @cached_property
    def shown_codes(self) -> dict[int, set[int]]:
        """The character codes each font (by object number) shows in the pages' content
        streams, in any text rendering mode. Fonts are simple fonts (one byte a code)."""
        shown: dict[int, set[int]] = {}
        for page in self.reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", DictionaryObject()).get_object()
            content = ContentStream(page.get_contents(), self.reader)
            current = None
            for operands, operator in content.operations:
                if operator == b"Tf":
                    ref = fonts.get(operands[0])
                    current = ref.idnum if isinstance(ref, IndirectObject) else None
                elif operator in (b"Tj", b"'", b'"', b"TJ") and current is not None:
                    strings = operands[0] if operator == b"TJ" else operands[-1:]
                    for item in strings:  # a TJ array holds numbers (kerning) too
                        raw = getattr(item, "original_bytes", None)
                        if raw is not None:
                            shown.setdefault(current, set()).update(raw)
        return shown
