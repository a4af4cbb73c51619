"""`reportgen fonts`: the face of each role and where it comes from, and every user font's fate;
and the office font it names really draws the PDF."""

from __future__ import annotations

import pdfplumber

from reportgen.cli import main
from tests.conftest import EXAMPLE
from tests.helpers.fonts import make_font, renamed_font


def fonts_command(capsys, *args) -> tuple[int, dict[str, str], str]:
    """Exit code, the role table as role -> its line, and the whole output."""
    code = main(["fonts", *map(str, args)])
    output = capsys.readouterr().out
    rows = {line.split()[0]: line for line in output.splitlines()[3:] if line.strip()}
    return code, rows, output


def body_fonts(pdf) -> set[str]:
    """The fonts of the ideographs of paragraphs' continuation lines (flush left, 16 pt)."""
    with pdfplumber.open(pdf) as document:
        lines = [line for page in document.pages for line in page.extract_text_lines()
                 if line["x0"] < 80 and line["chars"][0]["size"] == 16]
    return {c["fontname"].split("+")[-1] for line in lines for c in line["chars"]
            if "\u4e00" <= c["text"] <= "\u9fff"}


def test_without_fonts_of_its_own_the_body_is_the_bundled_fangsong(capsys, tmp_path):
    code, rows, output = fonts_command(capsys, EXAMPLE)
    assert code == 0
    assert "Reportgen Fangsong" in rows["body"] and "bundled: ReportgenFangsong" in rows["body"]
    assert "Reportgen Song Bold" in rows["title"] and "Reportgen Hei" in rows["heading1"]
    assert "xiaobiaosong: none of your fonts is 方正小标宋简体" in output
    assert "Your fonts: none found" in output
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert body_fonts(tmp_path / "liuzhou-library-2025.pdf") == {"ReportgenFangsong-Regular"}


def test_a_font_renamed_to_fangzheng_fangsong_draws_the_body_and_is_named(capsys, tmp_path):
    fonts = tmp_path / "office"
    fonts.mkdir()
    renamed_font(fonts / "fzfs.ttf", "FZFangSong-Z02", "FZFSK--GBK1-0", chinese="方正仿宋_GBK")
    renamed_font(fonts / "stfs.ttf", "STFangsong", "STFangsong", chinese="华文仿宋",
                 face="ReportgenKai-Regular.ttf")
    make_font(fonts / "babel.ttf", {"en": "BabelStone Han"}, extra="\U00030000")
    make_font(fonts / "cff.otf", {"en": "FangSong"}, cff=True)
    code, rows, output = fonts_command(capsys, EXAMPLE, "--fonts", fonts)
    assert code == 0
    assert "方正仿宋_GBK (FZFangSong-Z02)" in rows["body"] and f"your font: {fonts}" in rows[
        "body"]
    assert "Reportgen Song Bold" in rows["title"]
    fates = dict(zip(output.splitlines()[-8::2], output.splitlines()[-7::2], strict=True))
    assert fates[f"  方正仿宋_GBK / FZFangSong-Z02 / FZFSK--GBK1-0  {fonts / 'fzfs.ttf'}"] \
        .strip().startswith("used (fangsong): draws ")
    assert "not used for fangsong: 方正仿宋_GBK (FZFangSong-Z02) comes first" in \
        fates[f"  华文仿宋 / STFangsong  {fonts / 'stfs.ttf'}"]
    assert "fallback" in fates[f"  BabelStone Han / TestFont-Regular  {fonts / 'babel.ttf'}"]
    assert "in this report: none" in fates[
        f"  BabelStone Han / TestFont-Regular  {fonts / 'babel.ttf'}"]
    assert "left out: FangSong has PostScript (CFF) outlines" in \
        fates[f"  (unusable)  {fonts / 'cff.otf'}"]
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--format", "pdf",
                 "--fonts", str(fonts)]) == 0
    [used] = body_fonts(tmp_path / "out" / "liuzhou-library-2025.pdf")
    assert used.startswith("FZFSK--GBK1-0-")


def test_without_a_report_it_shows_a_template_and_a_missing_report_is_a_usage_error(capsys,
                                                                                   tmp_path):
    code, rows, _ = fonts_command(capsys, "--template", "notice")
    assert code == 0 and "doc_number" in rows and "imprint" in rows
    code, rows, _ = fonts_command(capsys)
    assert code == 0 and "imprint" not in rows and "closing" in rows  # annual-report's roles
    assert main(["fonts", str(tmp_path / "missing.yaml")]) == 2
