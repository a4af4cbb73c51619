"""A font face: what it covers, read from the bundled fonts' manifest as from the font itself."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from reportgen.fontset import FontRegistry


def test_manifest_coverage_is_each_file_s_cmap():
    registry = FontRegistry()
    for face in registry.primaries + registry.fallbacks:
        with TTFont(face.path, lazy=True) as font:
            cmap = font.getBestCmap()
        assert [chr(c) for c in cmap if not face.covers(chr(c))] == []
        assert sum(hi - lo + 1 for lo, hi in zip(*face._ranges, strict=True)) == len(cmap)
