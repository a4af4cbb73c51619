"""Official documents as issued, measured in the PDF against GB/T 9704-2012: the red 版头 (7.2),
seals (7.3.5.1), 附件 pages (7.3.7), the 版记 at the foot (7.4), 纪要 (10.3) and 信函 (10.1)."""

from __future__ import annotations

import re
from functools import cache

import pdfplumber
import pytest
from fontTools.ttLib import TTFont

from reportgen.cli import main
from reportgen.fontset import default_fonts_dir
from tests.conftest import DATA

MM = 72 / 25.4
TOP, LEFT, RIGHT, BOTTOM = 37 * MM, 28 * MM, 184 * MM, 262 * MM
PITCH = 225 * MM / 22
CH = 156 * MM / 28  # one body character on the grid
RED = (1.0, 0.0, 0.0)
EXAMPLES = ("culture-bureau-safety-notice", "library-upward-report", "library-meeting-minutes",
            "library-letter")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("official")
    for name in EXAMPLES:
        assert main(["build", str(DATA / f"{name}.yaml"), "-o", str(out), "--format",
                     "pdf"]) == 0
    return out


def pages_of(path):
    with pdfplumber.open(path) as pdf:
        return [(page.chars, page.lines, page.images) for page in pdf.pages]


def text_of(chars) -> str:
    return "".join(c["text"] for c in chars)


def find(chars, text: str) -> list[dict]:
    """The characters of the first occurrence of `text` in reading order."""
    joined = text_of(chars)
    at = joined.find(text)
    assert at >= 0, f"{text!r} not in {joined[:200]!r}"
    return chars[at:at + len(text)]


def red_lines(lines):
    return [line for line in lines if tuple(line["stroking_color"] or ()) == RED]


def baseline(char: dict) -> float:
    """The baseline `char` is set on, from the page's top. Characters of one line share it
    whatever their faces; their boxes' tops differ with each face's em box."""
    return char["bottom"] + char["y0"] - char["matrix"][5]


@cache
def _descender(font: str) -> float:
    """The typographic descender (OS/2) of a bundled face, in ems, read from its file. `font`
    is its PostScript name as a PDF gives it: ours (ReportgenSong-Bold), or the name of the
    subset a DOCX embeds (ReportgenSongZERUEH-Bold), which LibreOffice keeps."""
    path = default_fonts_dir() / f"{font}.ttf"
    if not path.exists():
        path = default_fonts_dir() / (re.sub(r"[A-Z]{6}(?=-)", "", font, count=1) + ".ttf")
    with TTFont(path, lazy=True) as face:
        return face["OS/2"].sTypoDescender / face["head"].unitsPerEm


def em_top(char: dict) -> float:
    """The top of the ideographic em box of the face that drew `char`, from the page's top:
    one em above the face's descender (880/−120 in Song, Hei and Kai, 850/−150 in the bundled
    仿宋), measured from the baseline with the face's own metrics."""
    return baseline(char) - char["size"] * (1 + _descender(char["fontname"].split("+")[-1]))


def em_bottom(char: dict) -> float:
    """The bottom of the ideographic em box of the face that drew `char` (see `em_top`)."""
    return baseline(char) - char["size"] * _descender(char["fontname"].split("+")[-1])


# -- 下行文 notice ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def notice(built):
    return pages_of(built / "culture-bureau-safety-notice.pdf")


def test_the_mark_is_red_centred_and_35_mm_below_the_block_top(notice):
    chars, _, _ = notice[0]
    mark = find(chars, "柳州市图书馆文件")
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    assert em_top(mark[0]) == pytest.approx(TOP + 35 * MM, abs=0.5 * MM)
    centre = (mark[0]["x0"] + mark[-1]["x1"]) / 2
    assert centre == pytest.approx((LEFT + RIGHT) / 2, abs=0.5 * MM)


def test_copy_number_secrecy_and_urgency_stand_top_left_on_lines_1_to_3(notice):
    chars, _, _ = notice[0]
    for row, text in enumerate(("000086", "秘密★6个月", "特急")):
        first = find(chars, text)[0]
        assert first["x0"] == pytest.approx(LEFT, abs=0.3)
        assert (first["top"] - TOP) // PITCH == row
    assert all("Hei" in c["fontname"] for c in find(chars, "秘密") + find(chars, "特急"))


def test_the_red_rule_is_block_wide_4_mm_below_the_doc_number(notice):
    chars, lines, _ = notice[0]
    (rule,) = red_lines(lines)
    number = find(chars, "柳图发〔2026〕5号")
    assert rule["x0"] == pytest.approx(LEFT, abs=0.3) and rule["x1"] == pytest.approx(RIGHT,
                                                                                       abs=0.3)
    assert rule["top"] - em_bottom(number[0]) == pytest.approx(4 * MM, abs=0.05 * MM)
    centre = (number[0]["x0"] + number[-1]["x1"]) / 2
    assert centre == pytest.approx((LEFT + RIGHT) / 2, abs=1)
    # The doc number two lines below the mark, the title two lines below the rule (7.2.5, 7.3.1).
    mark_bottom = find(chars, "柳州市图书馆文件")[0]["bottom"]
    assert 2 <= (number[0]["top"] - mark_bottom) / PITCH < 3
    title = next(c for c in chars if c["size"] == pytest.approx(22))
    assert int((title["top"] - TOP) // PITCH) == int((rule["top"] - TOP) // PITCH) + 2


def test_the_seal_lies_over_the_organisation_and_the_date(notice):
    page = next(p for p in notice if p[2])
    chars, _, (image,) = page
    org, date = find(chars, "柳州市图书馆"), find(chars, "2026年1月26日")
    for c in org + date:  # both inside the seal
        assert image["x0"] < c["x0"] and c["x1"] < image["x1"]
        assert image["top"] < c["top"] and c["bottom"] < image["bottom"]
    seal_centre = (image["x0"] + image["x1"]) / 2
    assert (org[0]["x0"] + org[-1]["x1"]) / 2 == pytest.approx(seal_centre, abs=0.5 * MM)
    assert (date[0]["x0"] + date[-1]["x1"]) / 2 == pytest.approx(seal_centre, abs=0.5 * MM)
    assert date[-1]["x1"] == pytest.approx(RIGHT - 4 * CH, abs=0.3)  # 4 characters in
    assert org[0]["top"] > (image["top"] + image["bottom"]) / 2 - 0.5 * PITCH  # 居中偏下
    above = max(c["bottom"] for c in chars if c["bottom"] < image["top"] + 1)
    assert 0 < image["top"] - above < PITCH  # within one line of the text above
    assert image["x1"] - image["x0"] == pytest.approx(42 * MM, abs=1.5 * MM)


def test_each_attachment_starts_a_page_with_its_label_and_title_on_the_third_line(notice):
    starts = []
    for number, (chars, _, _) in enumerate(notice, start=1):
        text = text_of(chars)
        for label in ("附件1", "附件2"):
            if text.startswith(label):
                starts.append(number)
                first = chars[0]
                assert first["x0"] == pytest.approx(LEFT, abs=0.3)
                assert (first["top"] - TOP) // PITCH == 0 and "Hei" in first["fontname"]
                title = next(c for c in chars if c["size"] == pytest.approx(22))
                assert (title["top"] - TOP) // PITCH == 2
    assert starts == [3, 4]
    assert "附件：1.2026年春节前后安全检查分工安排表" in text_of(notice[1][0])
    assert "安全检查分工安排" in text_of(notice[2][0])  # the table's caption


def test_page_numbers_run_on_through_the_attachments(notice):
    for number, (chars, _, _) in enumerate(notice, start=1):
        foot = "".join(c["text"] for c in chars if c["top"] > BOTTOM + 2 * MM).replace(" ", "")
        assert foot == f"—{number}—"


def test_the_imprint_ends_on_the_block_bottom_of_the_last_page(notice):
    chars, lines, _ = notice[-1]
    rules = sorted((line for line in lines if line["x0"] == pytest.approx(LEFT, abs=0.3)
                    and line["x1"] == pytest.approx(RIGHT, abs=0.3)), key=lambda r: r["top"])
    rules = rules[-3:]
    assert rules[-1]["top"] == pytest.approx(BOTTOM, abs=0.3)
    widths = [r["linewidth"] for r in rules]
    assert widths[0] == pytest.approx(0.35 * MM, abs=0.01) == widths[2]
    assert widths[1] == pytest.approx(0.25 * MM, abs=0.01)
    copies, issued = find(chars, "抄送："), find(chars, "印发")
    assert rules[0]["top"] < copies[0]["top"] < rules[1]["top"] < issued[0]["top"]
    assert all(c["size"] == pytest.approx(14) for c in copies)
    assert len(notice) % 2 == 0  # printed on both sides: the 版记 on an even page


# -- 上行文 -------------------------------------------------------------------------------------

def test_an_upward_report_puts_its_doc_number_left_and_the_signers_right(built):
    chars, lines, _ = pages_of(built / "library-upward-report.pdf")[0]
    number = find(chars, "柳图报〔2026〕2号")
    label, first, second = find(chars, "签发人："), find(chars, "叶伟伶"), find(chars, "黄喆")
    assert number[0]["x0"] == pytest.approx(LEFT + CH, abs=0.5)  # 1 character in
    assert second[-1]["x1"] == pytest.approx(RIGHT - CH, abs=0.5)  # 1 character in
    line = number + label + first + second  # one line: 仿宋 and 楷体 on one baseline
    assert {round(baseline(c), 2) for c in line} == {round(baseline(number[0]), 2)}
    assert all("Kai" in c["fontname"] for c in first + second)
    assert not any("Kai" in c["fontname"] for c in label)
    assert label[-1]["x1"] <= first[0]["x0"] + 0.5
    (rule,) = red_lines(lines)
    assert rule["top"] - em_bottom(number[0]) == pytest.approx(4 * MM, abs=0.05 * MM)


def test_more_than_two_signers_go_on_further_lines_under_the_first_name(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "template: notice\nmark: 柳州市图书馆\ndoc_number: 柳图报〔2026〕2号\n"
        "signers: [叶伟伶, 黄喆, 覃一平]\ntitle: 报告\nbody: [正文。]\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--format", "pdf"]) == 0
    chars, _, _ = pages_of(tmp_path / "r.pdf")[0]
    first, third, number = find(chars, "叶伟伶"), find(chars, "覃一平"), find(chars, "柳图报")
    assert third[0]["x0"] == pytest.approx(first[0]["x0"], abs=0.1)
    assert baseline(third[0]) - baseline(first[0]) == pytest.approx(PITCH, abs=0.1)
    assert baseline(number[0]) == pytest.approx(baseline(third[0]), abs=0.01)  # the last line


# -- 纪要 ----------------------------------------------------------------------------------------

def test_minutes_have_a_red_mark_and_hanging_attendance_lists(built):
    pages = pages_of(built / "library-meeting-minutes.pdf")
    chars = pages[0][0]
    mark = find(chars, "柳州市图书馆馆长办公会议纪要")
    assert em_top(mark[0]) == pytest.approx(TOP + 35 * MM, abs=0.5 * MM)
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    every = next(page[0] for page in pages if "出席：" in text_of(page[0]))
    present = find(every, "出席：")
    assert present[0]["x0"] == pytest.approx(LEFT + 2 * CH, abs=0.5)
    assert all("Hei" in c["fontname"] for c in present)
    names = find(every, "叶伟伶")
    assert not any("Hei" in c["fontname"] for c in names)
    wrapped = next(c for c in every if c["top"] > names[0]["top"] + PITCH / 2
                   and c["top"] < names[0]["top"] + 1.5 * PITCH)
    assert wrapped["x0"] == pytest.approx(names[0]["x0"], abs=0.5)  # under the first name
    leave = find(every, "请假：")
    assert leave[0]["x0"] == pytest.approx(LEFT + 2 * CH, abs=0.5)


# -- 信函 ----------------------------------------------------------------------------------------

def test_a_letter_has_its_mark_30_mm_from_the_top_and_red_double_rules(built):
    pages = pages_of(built / "library-letter.pdf")
    chars, lines, _ = pages[0]
    mark = find([c for c in chars if c["size"] > 30], "柳州市图书馆")
    assert em_top(mark[0]) == pytest.approx(30 * MM, abs=0.5 * MM)
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    rules = sorted(red_lines(lines), key=lambda r: r["top"])
    assert len(rules) == 4
    for rule in rules:  # 170 mm, centred on the paper
        assert rule["x0"] == pytest.approx(20 * MM, abs=0.3)
        assert rule["x1"] == pytest.approx(190 * MM, abs=0.3)
    upper, lower = rules[:2], rules[2:]
    assert upper[0]["linewidth"] > upper[1]["linewidth"]  # thick over thin
    assert lower[0]["linewidth"] < lower[1]["linewidth"]  # thin over thick
    edge = upper[0]["top"] - upper[0]["linewidth"] / 2
    assert edge - em_bottom(mark[0]) == pytest.approx(4 * MM, abs=0.3 * MM)
    assert 297 * MM - (lower[1]["top"] + lower[1]["linewidth"] / 2) == pytest.approx(
        20 * MM, abs=0.3 * MM)
    copy, number = find(chars, "000012"), find(chars, "柳图函〔2026〕7号")
    below = upper[1]["top"] + upper[1]["linewidth"] / 2
    for found in (copy, number):  # 7/8 of a 3号 character under the rule, to its em box
        assert em_top(found[0]) - below == pytest.approx(7 / 8 * 16, abs=0.3)
    assert copy[0]["x0"] == pytest.approx(LEFT, abs=0.3)
    assert number[-1]["x1"] == pytest.approx(RIGHT, abs=0.3)


def test_a_letter_shows_no_page_number_on_its_first_page_and_no_imprint_rules(built):
    pages = pages_of(built / "library-letter.pdf")
    foot = [[c for c in chars if c["top"] > BOTTOM + 2 * MM and c["top"] < 280 * MM]
            for chars, _, _ in pages]
    assert foot[0] == [] and text_of(foot[1]).replace(" ", "") == "—2—"
    chars, lines, _ = pages[-1]
    assert "抄送：市文化广电和旅游局。" in text_of(chars)
    assert lines == []  # 10.1: no rules in a letter's 版记


# -- pagination ---------------------------------------------------------------------------------

def _notice_with(tmp_path, paragraphs: int, extra: str = "") -> list:
    body = "".join(f"  - {'第' + str(i) + '段正文内容' * 8}。\n" for i in range(paragraphs))
    (tmp_path / "r.yaml").write_text(
        f"template: notice\ntitle: 通知\nbody:\n{body}{extra}", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--format", "pdf"]) == 0
    return pages_of(tmp_path / "r.pdf")


def test_the_imprint_goes_after_a_blank_page_onto_an_even_page_unnumbered(tmp_path):
    """Text that fills page 2 leaves the 版记 no room there: page 3 stays blank, the 版记 goes
    on page 4, and neither is numbered (GB/T 9704 7.5)."""
    imprint = "imprint:\n  issuer: 柳州市图书馆办公室\n  issued: 2026-02-03\n"
    for paragraphs in range(10, 30):
        pages = _notice_with(tmp_path, paragraphs, imprint)
        if len(pages) == 4 and not text_of(pages[2][0]):
            break
    else:
        pytest.fail("no body length gave a blank third page")
    assert "印发" in text_of(pages[3][0])
    assert all(c["top"] < BOTTOM for c in pages[3][0])  # no page number
    assert "—2—" in text_of(pages[1][0]).replace(" ", "")


@pytest.mark.parametrize("diameter", [29, 35.6, 38, 42, 45, 50])
def test_a_seal_of_any_size_starts_below_the_text_above_within_a_line(tmp_path, diameter):
    """GB/T 9704 7.3.5.1: 印章顶端应当上距正文一行之内, never over the text above."""
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    pages = _notice_with(tmp_path, 2, "signature:\n  organisation: 柳州市图书馆\n"
                         f"  date: 2026-02-03\n  seal: seal.svg\n  seal_mm: {diameter}\n")
    chars, _, (image,) = next(p for p in pages if p[2])
    above = max(em_bottom(c) for c in chars if c["top"] < image["top"])
    assert 0 < image["top"] - above < PITCH


def test_a_sealed_signature_at_the_end_of_a_kept_run_keeps_its_seal_and_date(tmp_path):
    """The paragraph before a seal keeps with it; where the two would leave more than five lines
    of a page empty, the page still never parts the 落款 from its date or loses the seal."""
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    last = "  - " + "末段" * 40 + "。\n"  # three lines, kept with the 落款 after it
    pages = _notice_with(tmp_path, 7, last + "signature:\n  organisation: 柳州市图书馆\n"
                         "  date: 2026-02-03\n  seal: seal.svg\n")
    (page,) = [p for p in pages if p[2]]
    assert "柳州市图书馆" in text_of(page[0]) and "2026年2月3日" in text_of(page[0])


def test_a_seal_that_does_not_fit_tightens_its_page_instead_of_standing_alone(tmp_path):
    """GB/T 9704 7.3.5.5: the space left cannot hold seal and date, so the page's lines move
    closer together; the seal never starts a page of its own."""
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    signature = ("signature:\n  organisation: 柳州市图书馆\n  date: 2026-02-03\n"
                 "  seal: seal.svg\n")
    squeezed = False
    for paragraphs in range(4, 16):
        pages = _notice_with(tmp_path, paragraphs, signature)
        chars, _, images = next(p for p in pages if p[2])
        body = [c for c in chars if c["size"] == pytest.approx(16) and c["top"] < BOTTOM]
        assert any(c["top"] < images[0]["top"] for c in body)  # text above the seal
        tops = sorted({round(c["top"], 1) for c in body})
        steps = {round(b - a, 1) for a, b in zip(tops, tops[1:], strict=False)}
        squeezed |= min(steps) < PITCH - 0.5
    assert squeezed
