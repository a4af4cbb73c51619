"""Derive the bundled fonts in fonts/ from installed Debian font packages; commit the output.

Sources, all read from installed Debian packages (the versions of Debian 12 used for the committed
files; a build records the versions it used in fonts/manifest.json and fonts/README.md):

- fonts-noto-cjk 1:20220127+repack1-1: Noto Serif CJK SC Regular and Bold, Noto Sans CJK SC
  Regular (OFL-1.1), the SC members of NotoSerifCJK-*.ttc / NotoSansCJK-Regular.ttc, CFF.
- fonts-lxgw-wenkai 1.250+repack-1: LXGW WenKai Regular (OFL-1.1), TrueType outlines.
- fonts-hanazono 20170904-2.1: HanaMinB (Hanazono Font License or OFL-1.1), TrueType outlines.

Each output file is a subset (fontTools.subset, hinting dropped, glyph names dropped), converted
from cubic CFF to quadratic TrueType outlines after subsetting (reportlab cannot read CFF), and
renamed (OFL Reserved Font Names such as "LXGW" may not be used by a modified version). Timestamps
are copied from the source font and never recalculated, so re-running gives identical bytes.

    apt-get install fonts-noto-cjk fonts-lxgw-wenkai fonts-hanazono
    python scripts/build_fonts.py            # all files, about 3 minutes on 2 cores
    python scripts/build_fonts.py kai song   # only these faces; manifest and README rewritten
    python scripts/build_fonts.py --out /tmp/fonts && diff -r /tmp/fonts fonts  # reproducible?
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FONTS = Path(__file__).resolve().parent.parent / "fonts"

# Largest distance, in font units (1000 per em), between a CFF cubic and its quadratic stand-in.
MAX_ERR = 1.0

# Layout features kept. Left out: kern/vkrn (no use in CJK body text), aalt, locl, hist, ruby and
# dlig, which pull in about 5,500 Japanese, Korean and traditional variant glyphs that a
# simplified-Chinese document never selects.
LAYOUT_FEATURES = (
    "ccmp calt liga mark fwid hwid pwid halt palt vhal vpal vert vrt2 ljmo tjmo vjmo"
).split()

BLOCKS = {
    "URO": (0x4E00, 0x9FFF),
    "ExtA": (0x3400, 0x4DBF),
    "ExtB": (0x20000, 0x2A6DF),
    "ExtC": (0x2A700, 0x2B73F),
    "Compat": (0xF900, 0xFAFF),
}

# Non-hanzi ranges every primary face keeps (intersected with what the source has).
PRIMARY_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: — … · “ ” ‘ ’
    (0x2100, 0x218F),  # letterlike symbols and number forms: ℃ № Ⅰ–Ⅻ
    (0x2190, 0x22FF),  # arrows, mathematical operators
    (0x2460, 0x24FF),  # enclosed alphanumerics: ①–⑳ ⑴ ⒈
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x26FF),  # geometric shapes, miscellaneous symbols: ■ □ ● ○ ★ ☆
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals (text copied out of PDFs often has them)
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、 。 《 》 【 】
    (0x31C0, 0x31EF),  # CJK strokes
    (0x3200, 0x33FF),  # enclosed CJK letters (㈠ ㊀), CJK compatibility (㎡ ㎏)
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]

README = """\
# Bundled fonts

Written by `scripts/build_fonts.py`; do not edit by hand. Rebuild with
`python scripts/build_fonts.py` after `apt-get install fonts-noto-cjk fonts-lxgw-wenkai
fonts-hanazono`; the output is byte-for-byte the same for the same package versions.
`manifest.json` lists the same facts, and each file's exact character coverage, for
`src/reportgen/fontset.py`, which finds this directory next to `src/` (an editable install or a
checkout) or through the `REPORTGEN_FONTS_DIR` environment variable (any other install).

Every file is TrueType (glyf outlines; reportlab cannot read CFF), well under 65,535 glyphs, with
its own family and PostScript name (reportlab silently reuses a font that has the PostScript
name of one registered before). Total size: {total:.1f} MB.

## Files

Counts are characters in the file's cmap: of the 7,445 characters of GB2312 (6,763 hanzi), of
the 21,791 of GBK (as Python's `gb2312` and `gbk` codecs decode them), and in the CJK blocks URO
(U+4E00–9FFF), Ext A (U+3400–4DBF), Ext B (U+20000–2A6DF) and Ext C (U+2A700–2B73F).

| file | face key | family, style | source (Debian package, version: font) | licence \
| size | glyphs | chars | GB2312 | GBK | URO | Ext A | Ext B | Ext C |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
{faces}

Every assigned ideograph of the four blocks (Unicode {unicode}, the version of this Python's
`unicodedata`) is in some file:

| block | range | assigned | covered |
|---|---|---|---|
{blocks}

## How each file was made

1. The source font is read from the installed package; for Noto CJK `.ttc` collections the
   member whose PostScript name ends in `sc` (simplified Chinese) is used, so its cmap gives the
   mainland forms.
2. It is subset with fontTools (`fontTools.subset`): hinting dropped, glyph names dropped (post
   format 3), the layout features `{features}` kept with their glyphs (kerning, and `aalt`,
   `locl`, `hist`, `ruby`, `dlig`, which would add some 5,500 Japanese, Korean and traditional
   variant glyphs that simplified Chinese never selects, are dropped).
   - Primary faces (`song`, `song-bold`, `hei`, `kai`) keep: ASCII, Latin-1, general
     punctuation, letterlike symbols and number forms (℃ № Ⅰ), arrows and mathematical
     operators, enclosed alphanumerics (①–⑳ ⑴ ⒈), box drawing, geometric shapes and
     miscellaneous symbols (■ ● ★), CJK and Kangxi radicals, CJK strokes, CJK symbols and
     punctuation, enclosed CJK letters and CJK compatibility (㈠ ㎡), vertical and CJK
     compatibility forms, half-width and full-width forms; every character of Python's
     `gb2312` and `gbk` codecs (GBK holds all 20,902 hanzi of U+4E00–9FA5); and the ideographs
     of URO and Ext A–C beyond GBK that LXGW WenKai has (1,226 of them, among them name
     characters such as 䶮 𫖯 and the ideographs added in Unicode 13 and 14), as far as the
     source font has them.
   - `fallback-a`: every character of URO, Ext A and CJK Compatibility Ideographs
     (U+F900–FAFF) that Noto Serif CJK SC has and no primary face has; `fallback-b`: all of
     Ext B that HanaMinB has and no file before; `fallback-c`: the same for Ext C.
3. CFF outlines (Noto CJK) are converted after subsetting to quadratic TrueType outlines with
   fontTools' `Cu2QuPen` (at most {max_err} unit of 1,000 per em away from the cubic curve,
   contours reversed to TrueType direction) and `TTGlyphPen`; `VORG` is dropped.
4. The names are replaced (`Reportgen …`): the OFL forbids a modified version to use a Reserved
   Font Name ("LXGW", "霞鹜", "Source", "HanaMinA/B", "Hanazono Font"), and a subset must not pass
   for the full font. The source's copyright notice (name ID 0) and licence (IDs 13, 14) are
   kept; ID 10 names the source. `head.created`/`head.modified` are the source's.

Why GBK rather than only GB2312 in the primary faces: names of people and places often use
hanzi outside GB2312 (堃 喆 燊 are in GBK), and a heading or title in 黑体 or bold 宋体 should
not switch style for them. Measured for Noto Serif CJK SC Regular: the GB2312 character set makes
a 3.2 MB file, the GBK set a 9.9 MB one. The LXGW WenKai selection beyond GBK (LXGW WenKai has
all 8,105 characters of 通用规范汉字表, the current official list) adds about 0.4 MB to a Noto face.
LXGW WenKai's outlines are heavier, so `kai` is the largest file among the primary faces. The
ideographs of Unicode 13 and 14 (U+9FEB–9FFF, U+4DB6–4DBF, U+2A6D7–2A6DF, U+2B735–2B738),
which neither Noto CJK 2.001 nor Hanazono 2017 has, are therefore only in `kai`; the registry
tries every primary face before the fallbacks, so they print.

Noto Sans CJK SC Bold (a bold `hei`) is not bundled: 黑体 headings are not set in bold, and it
would add about 10 MB. Ext B and Ext C come from Hanazono Mincho, which has all but the 13
added in Unicode 13 and 14; Noto CJK has 2,057 of Ext B and 46 of Ext C, LXGW WenKai 525 and
107, BabelStone Han 14,133 and 2,205 (and it is under the Arphic Public Licence with CC BY-SA
glyphs, so it is not used).

## Licences

All files may be redistributed and embedded in documents. Noto CJK (© Adobe, for Google) and
LXGW WenKai: SIL Open Font License 1.1. Hanazono: Hanazono Font License (free use, copying and
redistribution, with or without modification) or SIL Open Font License 1.1, at your choice.
The licence files here carry the texts from each package's `/usr/share/doc/PKG/copyright`.
"""


@dataclass(frozen=True)
class Source:
    """One font inside an installed Debian package."""

    package: str
    path: str
    ps_name: str  # picks the member of a .ttc: the SC one for Noto CJK
    upstream: str
    licence: str  # SPDX expression
    licence_file: str  # written next to the fonts


NOTO_LICENCE = "LICENSE-NotoCJK.txt"
NOTO = "/usr/share/fonts/opentype/noto/"
SERIF = Source(
    "fonts-noto-cjk",
    NOTO + "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKsc-Regular",
    "Noto Serif CJK SC Regular",
    "OFL-1.1",
    NOTO_LICENCE,
)
SERIF_BOLD = Source(
    "fonts-noto-cjk",
    NOTO + "NotoSerifCJK-Bold.ttc",
    "NotoSerifCJKsc-Bold",
    "Noto Serif CJK SC Bold",
    "OFL-1.1",
    NOTO_LICENCE,
)
SANS = Source(
    "fonts-noto-cjk",
    NOTO + "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular",
    "Noto Sans CJK SC Regular",
    "OFL-1.1",
    NOTO_LICENCE,
)
WENKAI = Source(
    "fonts-lxgw-wenkai",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "LXGWWenKai-Regular",
    "LXGW WenKai Regular",
    "OFL-1.1",
    "LICENSE-LXGWWenKai.txt",
)
HANA_B = Source(
    "fonts-hanazono",
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
    "HanaMinB",
    "HanaMinB (Hanazono Mincho B)",
    "LicenseRef-Hanazono OR OFL-1.1",
    "LICENSE-Hanazono.txt",
)


@dataclass(frozen=True)
class Target:
    """One bundled file: a face key of src/reportgen/fontset.py and how it is made."""

    key: str
    family: str
    style: str
    source: Source
    blocks: tuple[str, ...] = ()  # fallback faces: the BLOCKS whose chars earlier files lack

    @property
    def ps_name(self) -> str:
        return self.family.replace(" ", "") + "-" + self.style

    @property
    def file(self) -> str:
        return self.ps_name + ".ttf"

    @property
    def role(self) -> str:
        return "fallback" if self.blocks else "primary"


TARGETS = [
    Target("song", "Reportgen Song", "Regular", SERIF),
    Target("song-bold", "Reportgen Song", "Bold", SERIF_BOLD),
    Target("hei", "Reportgen Hei", "Regular", SANS),
    Target("kai", "Reportgen Kai", "Regular", WENKAI),
    Target("fallback-a", "Reportgen Fallback A", "Regular", SERIF, ("URO", "ExtA", "Compat")),
    Target("fallback-b", "Reportgen Fallback B", "Regular", HANA_B, ("ExtB",)),
    Target("fallback-c", "Reportgen Fallback C", "Regular", HANA_B, ("ExtC",)),
]


def codec_chars(codec: str) -> set[int]:
    """Every character a double-byte Chinese codec can encode (GB2312: 7,445; GBK: 21,791)."""
    chars = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                chars.add(ord(bytes((lead, trail)).decode(codec)))
            except UnicodeDecodeError:
                pass
    return chars


def primary_chars() -> set[int]:
    """PRIMARY_RANGES, GB2312 and GBK, and the ideographs beyond GBK that LXGW WenKai has."""
    chars = {c for lo, hi in PRIMARY_RANGES for c in range(lo, hi + 1)}
    chars |= codec_chars("gb2312") | codec_chars("gbk")
    ideographs = block_chars(["URO", "ExtA", "ExtB", "ExtC"])
    return chars | (set(open_source(WENKAI).getBestCmap()) & ideographs)


def block_chars(names: Iterable[str]) -> set[int]:
    return {c for name in names for c in range(BLOCKS[name][0], BLOCKS[name][1] + 1)}


def package_version(package: str) -> str:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], check=False, capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def open_source(source: Source) -> TTFont:
    path = Path(source.path)
    if not path.exists() or not package_version(source.package):
        sys.exit(
            f"error: {path} is missing: install the Debian package {source.package} "
            f"(apt-get install {source.package})"
        )
    if path.suffix == ".ttc":
        for index in range(len(TTCollection(path, lazy=True).fonts)):
            font = TTFont(path, fontNumber=index, recalcTimestamp=False)
            if font["name"].getDebugName(6) == source.ps_name:
                return font
        sys.exit(f"error: {path} has no member named {source.ps_name}")
    return TTFont(path, recalcTimestamp=False)


def subset_font(font: TTFont, chars: set[int]) -> None:
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.glyph_names = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["FFTM", "prop"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by quadratic TrueType outlines (contour direction reversed)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    hmtx = font["hmtx"].metrics
    for name, glyph in glyf.glyphs.items():
        # A fresh glyph has no bounds until computed; the left side bearing must equal xMin,
        # or renderers shift the outline by the difference (brackets land on the wrong side).
        glyph.recalcBounds(glyf)
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, target: Target, version: str) -> None:
    """New names (OFL: no Reserved Font Name in a modified version); copyright and licence kept."""
    old = font["name"]
    source = target.source
    notice = old.getDebugName(0) or ""
    licence = old.getDebugName(13) or f"{source.licence}; see {source.licence_file}"
    url = old.getDebugName(14) or "https://scripts.sil.org/OFL"
    names = {
        0: notice,
        1: target.family,
        2: target.style,
        3: f"{target.ps_name};{source.package} {version}",
        4: f"{target.family} {target.style}" if target.style != "Regular" else target.family,
        5: old.getDebugName(5) or "Version 1.000",
        6: target.ps_name,
        10: f"Subset of {source.upstream} from Debian {source.package} {version}, "
        "made by reportgen scripts/build_fonts.py.",
        13: licence,
        14: url,
    }
    old.names = []
    for name_id, text in names.items():
        old.setName(text, name_id, 3, 1, 0x409)


def cmap_ranges(chars: set[int]) -> str:
    """The code points as "20-7E,A0-FF,101,…" (hex): what fontset.py reads, not the cmap."""
    ranges: list[list[int]] = []
    for code in sorted(chars):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ",".join(f"{lo:X}-{hi:X}" if hi > lo else f"{lo:X}" for lo, hi in ranges)


def coverage(chars: set[int], gb2312: set[int], gbk: set[int]) -> dict[str, int]:
    counts = {name: sum(lo <= c <= hi for c in chars) for name, (lo, hi) in BLOCKS.items()}
    counts["GB2312"] = len(chars & gb2312)
    counts["GBK"] = len(chars & gbk)
    return counts


def debian_licence(package: str, licence_names: Iterable[str]) -> str:
    """The `Files: *` copyright and the named licence texts from /usr/share/doc/PKG/copyright."""
    text = Path(f"/usr/share/doc/{package}/copyright").read_text(encoding="utf-8")
    out = []
    for para in text.split("\n\n"):
        lines = para.splitlines()
        if lines and lines[0] == "Files: *":
            out += [line.strip() for line in lines if line.startswith(("Copyright", " "))]
        elif lines and lines[0].startswith("License: ") and lines[0][9:] in licence_names:
            out += ["", "=" * 72, lines[0], ""]
            body = "\n".join("" if line.strip() == "." else line for line in lines[1:])
            out.append(textwrap.dedent(body))
    return "\n".join(out) + "\n"


LICENCE_TEXTS = {
    NOTO_LICENCE: ("fonts-noto-cjk", ["SIL-1.1"]),
    WENKAI.licence_file: ("fonts-lxgw-wenkai", ["OFL-1.1"]),
    HANA_B.licence_file: ("fonts-hanazono", ["Hanazono-Font-License", "Open-Font-License"]),
}


def write_licences(out: Path, versions: dict[str, str], notices: dict[str, set[str]]) -> None:
    for file, (package, names) in LICENCE_TEXTS.items():
        head = [
            f"Licence of the fonts derived from the Debian package {package} {versions[package]}.",
            "",
            "Copyright notices in the source fonts:",
        ]
        head += sorted(n.replace("\r", "") for n in notices.get(file, ()))
        head += ["", f"From /usr/share/doc/{package}/copyright:"]
        (out / file).write_text(
            "\n".join(head) + "\n" + debian_licence(package, names), encoding="utf-8"
        )


def readme(manifest: dict) -> str:
    """fonts/README.md: the fixed text below, then tables filled from the manifest."""
    rows = []
    for face in manifest["faces"]:
        src, cov = face["source"], face["coverage"]
        rows.append(
            f"| `{face['file']}` | `{face['key']}` | {face['family']} {face['style']} "
            f"| {src['package']} {src['version']}: {src['font']} | {face['licence']} "
            f"([{face['licence_file']}]({face['licence_file']})) | {face['size'] / 1e6:.2f} MB "
            f"| {face['glyphs']:,} | {face['chars']:,} | {cov['GB2312']:,} | {cov['GBK']:,} "
            f"| {cov['URO']:,} | {cov['ExtA']:,} | {cov['ExtB']:,} | {cov['ExtC']:,} |"
        )
    total = sum(face["size"] for face in manifest["faces"])
    blocks = [
        f"| {name} | {BLOCKS[name][0]:04X}–{BLOCKS[name][1]:04X} | {count:,} "
        f"| {manifest['covered'][name]:,} |"
        for name, count in manifest["assigned"].items()
    ]
    return README.format(
        faces="\n".join(rows),
        blocks="\n".join(blocks),
        unicode=manifest["unicode"],
        total=total / 1e6,
        max_err=MAX_ERR,
        features=" ".join(LAYOUT_FEATURES),
    )


def build(target: Target, chars: set[int], version: str, out: Path) -> tuple[TTFont, float]:
    started = time.perf_counter()
    font = open_source(target.source)
    keep = chars & set(font.getBestCmap())
    if not keep:
        sys.exit(f"error: {target.source.upstream} has none of the characters for {target.file}")
    subset_font(font, keep)
    if "CFF " in font:
        cff_to_glyf(font)
    rename(font, target, version)
    font.save(out / target.file)
    return TTFont(out / target.file, lazy=True), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="face keys to rebuild (default: all)")
    parser.add_argument("--out", type=Path, default=FONTS, help="output directory (fonts/)")
    args = parser.parse_args()
    wanted = set(args.keys) or {t.key for t in TARGETS}
    out = args.out
    out.mkdir(exist_ok=True)
    gb2312, gbk = codec_chars("gb2312"), codec_chars("gbk")
    wanted_primary = primary_chars()
    versions = {t.source.package: package_version(t.source.package) for t in TARGETS}
    covered: set[int] = set()
    entries, notices = [], {}
    for target in TARGETS:
        path = out / target.file
        if target.blocks:
            chars = block_chars(target.blocks) - covered
        else:
            chars = wanted_primary
        version = versions[target.source.package]
        if target.key in wanted or not path.exists():
            font, seconds = build(target, chars, version, out)
            print(f"{target.file}: {seconds:.1f} s", file=sys.stderr)
        else:
            font = TTFont(path, lazy=True)
        cmap = set(font.getBestCmap())
        covered |= cmap
        notices.setdefault(target.source.licence_file, set()).add(font["name"].getDebugName(0))
        entries.append(
            {
                "key": target.key,
                "file": target.file,
                "family": target.family,
                "style": target.style,
                "bold": target.style == "Bold",
                "ps_name": target.ps_name,
                "role": target.role,
                "blocks": list(target.blocks),
                "licence": target.source.licence,
                "licence_file": target.source.licence_file,
                "source": {
                    "package": target.source.package,
                    "version": version,
                    "font": target.source.upstream,
                },
                "size": path.stat().st_size,
                "glyphs": font["maxp"].numGlyphs,
                "chars": len(cmap),
                "coverage": coverage(cmap, gb2312, gbk),
                "cmap": cmap_ranges(cmap),
            }
        )
    assigned = {
        name: {c for c in block_chars([name]) if unicodedata.name(chr(c), "")} for name in BLOCKS
    }
    union = {name: len(chars & covered) for name, chars in assigned.items()}
    manifest = {
        "unicode": unicodedata.unidata_version,
        "assigned": {name: len(chars) for name, chars in assigned.items()},
        "covered": union,
        "faces": entries,
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    write_licences(out, versions, notices)
    (out / "README.md").write_text(readme(manifest), encoding="utf-8")
    print(json.dumps({"assigned": manifest["assigned"], "covered": union}), file=sys.stderr)


if __name__ == "__main__":
    main()
