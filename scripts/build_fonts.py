"""Derive the bundled fonts in fonts/ from Debian font packages and Zhuque Fangsong; commit them.

Sources, read from installed Debian packages (the versions of Debian 12 used for the committed
files; a build records the versions it used in fonts/manifest.json and fonts/README.md) and, for
the 仿宋 face, from ../shared/fonts/zhuque-fangsong/ (no package carries a free 仿宋):

- fonts-noto-cjk 1:20220127+repack1-1: Noto Serif CJK SC Regular and Bold, Noto Sans CJK SC
  Regular (OFL-1.1), the SC members of NotoSerifCJK-*.ttc / NotoSansCJK-Regular.ttc, CFF.
- fonts-lxgw-wenkai 1.250+repack-1: LXGW WenKai Regular (OFL-1.1), TrueType outlines.
- fonts-hanazono 20170904-2.1: HanaMinB (Hanazono Font License or OFL-1.1), TrueType outlines.
- Zhuque Fangsong 0.211 (朱雀仿宋, OFL-1.1), built from TrionesType/zhuque at commit 227319a1
  (see PROVENANCE.md beside it; the file's SHA-256 is checked), TrueType outlines.

Each output file is a subset (fontTools.subset, hinting dropped, glyph names dropped), converted
from cubic CFF to quadratic TrueType outlines after subsetting (reportlab cannot read CFF), and
renamed (OFL Reserved Font Names such as "LXGW" may not be used by a modified version). Timestamps
are copied from the source font and never recalculated, so re-running gives identical bytes.

    apt-get install fonts-noto-cjk fonts-lxgw-wenkai fonts-hanazono
    python scripts/build_fonts.py            # all files, about 3 minutes on 2 cores
    python scripts/build_fonts.py kai song   # only these faces; manifest and README rewritten
    python scripts/build_fonts.py fangsong   # needs no Debian package: the others' recorded
                                             # versions are kept from fonts/manifest.json
    python scripts/build_fonts.py --out /tmp/fonts && diff -r /tmp/fonts fonts  # reproducible?
"""

from __future__ import annotations

import argparse
import hashlib
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

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
ZHUQUE = ROOT.parent / "shared" / "fonts" / "zhuque-fangsong"

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

README = Path(__file__).with_name("fonts-README.template.md")
"""fonts/README.md, with {placeholders} filled from the manifest by `readme()`."""


@dataclass(frozen=True)
class Source:
    """One font inside an installed Debian package, or a font file built from upstream source
    (then `sha256` pins the file, `version` says what it is, `licence_text` is its licence)."""

    package: str  # the Debian package, or the upstream repository
    path: str
    ps_name: str  # picks the member of a .ttc: the SC one for Noto CJK
    upstream: str
    licence: str  # SPDX expression
    licence_file: str  # written next to the fonts
    sha256: str = ""
    version: str = ""
    licence_text: str = ""

    @property
    def debian(self) -> bool:
        return not self.sha256


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
ZHUQUE_FANGSONG = Source(
    "TrionesType/zhuque",
    str(ZHUQUE / "ZhuqueFangsong-Regular.ttf"),
    "ZhuqueFangsong-Regular",
    "Zhuque Fangsong Regular (朱雀仿宋)",
    "OFL-1.1",
    "LICENSE-ZhuqueFangsong.txt",
    sha256="b00320e39a718613a681a95b14f1432cb0f6a487851af8b241d4e7934a25fed7",
    version="0.211 (commit 227319a1)",
    licence_text=str(ZHUQUE / "LICENSE.txt"),
)


@dataclass(frozen=True)
class Target:
    """One bundled file: a face key of src/reportgen/fontset.py and how it is made."""

    key: str
    family: str
    style: str
    source: Source
    blocks: tuple[str, ...] = ()  # fallback faces: the BLOCKS whose chars earlier files lack
    own_ideographs: bool = False  # a primary face that keeps every ideograph its source has,
    # rather than GBK and LXGW WenKai's selection beyond it (a source smaller than GBK)
    full_width_quotes: bool = False  # “ ” ‘ ’ mapped to the source's full-width variants

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
    # Last, so that the fallback files never depend on it; the registry tries it with the
    # other primaries (for a 仿宋 run, first).
    Target("fangsong", "Reportgen Fangsong", "Regular", ZHUQUE_FANGSONG, own_ideographs=True,
           full_width_quotes=True),
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


def primary_chars(target: Target) -> set[int]:
    """PRIMARY_RANGES, GB2312 and GBK, and the ideographs beyond GBK that LXGW WenKai has (or,
    for a target with `own_ideographs`, all of the four blocks)."""
    chars = {c for lo, hi in PRIMARY_RANGES for c in range(lo, hi + 1)}
    chars |= codec_chars("gb2312") | codec_chars("gbk")
    ideographs = block_chars(["URO", "ExtA", "ExtB", "ExtC"])
    if target.own_ideographs:
        return chars | ideographs
    return chars | (set(open_source(WENKAI).getBestCmap()) & ideographs)


def block_chars(names: Iterable[str]) -> set[int]:
    return {c for name in names for c in range(BLOCKS[name][0], BLOCKS[name][1] + 1)}


def source_version(source: Source) -> str:
    """The installed Debian package's version ("" if not installed), or the pinned version."""
    return source.version if not source.debian else package_version(source.package)


def package_version(package: str) -> str:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], check=False, capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def open_source(source: Source) -> TTFont:
    path = Path(source.path)
    if not source.debian:
        if not path.exists():
            sys.exit(f"error: {path} is missing: it is built as {path.parent}/PROVENANCE.md says")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != source.sha256:
            sys.exit(f"error: {path} is not the file this script was written for (SHA-256 "
                     f"{digest}, expected {source.sha256}): update ZHUQUE_FANGSONG")
        return TTFont(path, recalcTimestamp=False)
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


def full_width_quotes(font: TTFont) -> None:
    """Map “ ” ‘ ’ to the variants that are one em wide, where the source reaches them only by
    a variation selector (cmap format 14): Chinese text sets these quotes full width."""
    em = font["head"].unitsPerEm
    advances = font["hmtx"].metrics
    variants = {}
    for table in font["cmap"].tables:
        if table.format == 14:
            for pairs in table.uvsDict.values():
                for code, glyph in pairs:
                    if code in QUOTES and glyph is not None and advances[glyph][0] == em:
                        variants[code] = glyph
    if set(variants) != set(QUOTES):
        sys.exit(f"error: no full-width variant of {sorted(set(QUOTES) - set(variants))}")
    for table in font["cmap"].tables:
        if table.format in (4, 12):
            table.cmap.update(variants)


QUOTES = (0x2018, 0x2019, 0x201C, 0x201D)


def check_side_bearings(font: TTFont, file: str) -> None:
    """Every left side bearing equals its outline's xMin: renderers draw an outline from the
    bearing, so a wrong one moves the ink inside its box (brackets on the wrong side)."""
    glyf, hmtx = font["glyf"], font["hmtx"].metrics
    wrong = [name for name in font.getGlyphOrder()
             if glyf[name].numberOfContours and hmtx[name][1] != glyf[name].xMin]
    if wrong:
        sys.exit(f"error: {file}: {len(wrong)} glyphs whose side bearing is not their xMin")


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
        10: f"Subset of {source.upstream} from "
        + (f"Debian {source.package} {version}" if source.debian
           else f"{source.package} {version}")
        + ", made by reportgen scripts/build_fonts.py"
        + (", with full-width quotes." if target.full_width_quotes else "."),
        13: licence,
        14: url,
    }
    old.names = []
    for name_id, text in names.items():
        old.setName(text, name_id, 3, 1, 0x409)


def cmap_ranges(chars: set[int]) -> str:
    """The code points as "20-7E,A0-FF,101,…" (hex): what fontface.py reads, not the cmap."""
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
    for source in {t.source for t in TARGETS if not t.source.debian}:
        head = [f"Licence of the fonts derived from {source.upstream} {source.version}, "
                f"{source.package}.", "", "From its LICENSE.txt:", ""]
        text = Path(source.licence_text).read_text(encoding="utf-8")
        (out / source.licence_file).write_text("\n".join(head) + "\n" + text, encoding="utf-8")
    for file, (package, names) in LICENCE_TEXTS.items():
        if package not in versions:  # not installed: the licence file written before is kept
            if not (out / file).exists():
                (out / file).write_bytes((FONTS / file).read_bytes())
            continue
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
    return README.read_text(encoding="utf-8").format(
        faces="\n".join(rows),
        blocks="\n".join(blocks),
        unicode=manifest["unicode"],
        total=total / 1e6,
        max_err=MAX_ERR,
        features=" ".join(LAYOUT_FEATURES),
    )


def recorded_versions(out: Path) -> dict[str, str]:
    """Face key -> the source version recorded in the manifest of `out` (or of fonts/)."""
    for manifest in (out / "manifest.json", FONTS / "manifest.json"):
        if manifest.is_file():
            faces = json.loads(manifest.read_text(encoding="utf-8"))["faces"]
            return {face["key"]: face["source"]["version"] for face in faces}
    return {}


def build(target: Target, chars: set[int], version: str, out: Path) -> tuple[TTFont, float]:
    started = time.perf_counter()
    font = open_source(target.source)
    keep = chars & set(font.getBestCmap())
    if not keep:
        sys.exit(f"error: {target.source.upstream} has none of the characters for {target.file}")
    if target.full_width_quotes:
        full_width_quotes(font)
    subset_font(font, keep)
    if "CFF " in font:
        cff_to_glyf(font)
    check_side_bearings(font, target.file)
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
    recorded = recorded_versions(out)
    versions = {}  # of the Debian packages whose licence texts are (re)written
    covered: set[int] = set()
    entries, notices = [], {}
    for target in TARGETS:
        path = out / target.file
        rebuild = target.key in wanted or not path.exists()
        if rebuild:
            version = source_version(target.source)
            chars = (block_chars(target.blocks) - covered if target.blocks
                     else primary_chars(target))
            font, seconds = build(target, chars, version, out)
            print(f"{target.file}: {seconds:.1f} s", file=sys.stderr)
        else:  # the file as it is, made from the version recorded when it was built
            version = recorded.get(target.key) or source_version(target.source)
            font = TTFont(path, lazy=True)
        if target.source.debian and package_version(target.source.package) == version:
            versions[target.source.package] = version
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
