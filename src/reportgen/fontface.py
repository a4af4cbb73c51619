"""One font face: its file, its names, and which characters it has (from the bundled fonts'
manifest, or from its cmap, read when first asked)."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from reportgen.officefonts import OfficeFont


@dataclass(frozen=True)
class Face:
    """One font file (or member of a collection) and what the registry knows about it.

    `coverage` is the face's code points as "20-7E,A0-FF,101,…" (hex) when known without
    opening the file (bundled faces, from the manifest); None means the cmap is read. `names`
    are every family, full and PostScript name of a user font, in every language; `office` the
    office font it is recognised as (None for bundled faces and fonts of other names).
    """

    key: str
    family: str
    path: Path
    ps_name: str
    index: int = 0
    bold: bool = False
    bundled: bool = False
    coverage: str | None = field(default=None, repr=False, compare=False)
    names: tuple[str, ...] = field(default=(), repr=False, compare=False)
    office: OfficeFont | None = field(default=None, repr=False, compare=False)

    @property
    def pdf_name(self) -> str:
        """A font name unique to this file: the PostScript name, plus a hash for user fonts."""
        if self.bundled:
            return self.ps_name
        digest = hashlib.sha1(f"{self.path.resolve()}#{self.index}".encode()).hexdigest()
        return f"{re.sub(r'[^A-Za-z0-9._+-]', '', self.ps_name) or self.key}-{digest[:8]}"

    @cached_property
    def cmap(self) -> Mapping[int, str]:
        """Code point to glyph name, read from the font's cmap table on first use."""
        from fontTools.ttLib import TTFont

        with TTFont(self.path, fontNumber=self.index, lazy=True) as font:
            return font.getBestCmap() or {}

    @property
    def loaded(self) -> bool:
        """Whether the cmap has been read (the file opened) yet."""
        return "cmap" in self.__dict__

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for the character `ch`."""
        code = ord(ch)
        if self.coverage is None:
            return code in self.cmap
        starts, ends = self._ranges
        i = bisect_right(starts, code) - 1
        return i >= 0 and code <= ends[i]

    @cached_property
    def _ranges(self) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        for item in self.coverage.split(",") if self.coverage else ():
            lo, _, hi = item.partition("-")
            starts.append(int(lo, 16))
            ends.append(int(hi or lo, 16))
        return starts, ends
