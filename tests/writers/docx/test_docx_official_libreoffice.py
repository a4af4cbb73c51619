"""The official documents' DOCX as LibreOffice lays it out: the same 版头, seal, 附件 pages,
版记, attendance lists and letterhead as the PDF, in the same places (±1 mm).

The DOCX is built with the bundled faces (`--docx-fonts bundled`), so that LibreOffice draws
every character in the face the PDF draws it with, and places are compared by the tops of the
characters' em boxes, read from those faces. What the 版头 places in points (the mark, the
发文字号 and its rule, a letter's 份号 and letterhead), the seal and the 版记 stand where the
PDF has them; a line of the grid (the title, 附件1, a 落款, an attendance list) stands where
LibreOffice sets every grid line, 0.45 pt below the PDF's (its centring of the grid in the
block, README).
"""

from __future__ import annotations

import pdfplumber
import pytest

from reportgen.cli import main
from tests.conftest import DATA
from tests.helpers.libreoffice import convert
from tests.test_official_documents import em_top

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4
RED = (1.0, 0.0, 0.0)
TOLERANCE = 1 * MM


@pytest.fixture(scope="module")
def renderings(tmp_path_factory):
    """name -> (our PDF's pages, LibreOffice's PDF of our DOCX, pages)."""
    out = tmp_path_factory.mktemp("official-lo")
    found = {}
    for name in ("culture-bureau-safety-notice", "library-upward-report",
                 "library-meeting-minutes", "library-letter"):
        assert main(["build", str(DATA / f"{name}.yaml"), "-o", str(out), "--docx-fonts",
                     "bundled"]) == 0
        office = convert(out / f"{name}.docx", out_dir=out / "lo")
        found[name] = (_read(out / f"{name}.pdf"), _read(office))
    return found


def _read(path):
    with pdfplumber.open(path) as pdf:
        return [([c for c in page.chars if c["text"].strip()], page.lines, page.images)
                for page in pdf.pages]


def where(pages, text: str, size: float | None = None) -> tuple[int, dict, dict]:
    """(page number, first char, last char) of the first occurrence of `text` (white space
    ignored, optionally only characters of about `size`)."""
    for number, (chars, _, _) in enumerate(pages, start=1):
        chars = [c for c in chars if size is None or abs(c["size"] - size) < 1]
        joined = "".join(c["text"] for c in chars)
        at = joined.find(text)
        if at >= 0:
            return number, chars[at], chars[at + len(text) - 1]
    raise AssertionError(f"{text!r} not found")


def same_place(ours, theirs, text: str, size: float | None = None, edge: str = "x0") -> None:
    """`text` on the same page, its em box's top as high and its `edge` as far across, within
    1 mm."""
    page, first, last = where(ours, text, size)
    page_lo, first_lo, last_lo = where(theirs, text, size)
    assert page_lo == page, f"{text}: page {page_lo} in LibreOffice, {page} in the PDF"
    assert em_top(first_lo) == pytest.approx(em_top(first), abs=TOLERANCE), text
    if edge == "centre":  # centred text: the faces' digits differ in width
        ours_x, theirs_x = (first["x0"] + last["x1"]) / 2, (first_lo["x0"] + last_lo["x1"]) / 2
    else:
        ours_x = first[edge] if edge == "x0" else last[edge]
        theirs_x = first_lo[edge] if edge == "x0" else last_lo[edge]
    assert theirs_x == pytest.approx(ours_x, abs=TOLERANCE), text


def red(lines):
    """The red rules, each once (LibreOffice draws a border's line twice)."""
    found = {(round(line["top"], 1), round(line["x0"], 1), round(line["x1"], 1)): line
             for line in lines if tuple(line["stroking_color"] or ()) == RED}
    return [found[key] for key in sorted(found)]


def same_rules(ours, theirs) -> None:
    for a, b in zip(ours, theirs, strict=True):
        assert b["top"] == pytest.approx(a["top"], abs=TOLERANCE)
        assert b["x0"] == pytest.approx(a["x0"], abs=TOLERANCE)
        assert b["x1"] == pytest.approx(a["x1"], abs=TOLERANCE)


def same_seal(ours, theirs) -> None:
    seals = [(n, image) for n, (_, _, images) in enumerate(ours) for image in images]
    seals_lo = [(n, image) for n, (_, _, images) in enumerate(theirs) for image in images]
    assert [n for n, _ in seals_lo] == [n for n, _ in seals]
    for (_, a), (_, b) in zip(seals, seals_lo, strict=True):
        for key in ("x0", "x1", "top", "bottom"):
            assert b[key] == pytest.approx(a[key], abs=TOLERANCE), key


def test_the_notice_has_its_head_seal_attachments_and_imprint_in_place(renderings):
    ours, theirs = renderings["culture-bureau-safety-notice"]
    for text in ("000086", "秘密★6个月", "特急"):
        same_place(ours, theirs, text)
    same_place(ours, theirs, "柳州市图书馆文件", size=42)
    same_place(ours, theirs, "柳州市图书馆文件", size=42, edge="x1")
    same_place(ours, theirs, "柳图发〔2026〕5号", edge="centre")
    same_rules(red(ours[0][1]), red(theirs[0][1]))
    same_place(ours, theirs, "关于开展2026年春节前后", size=22, edge="centre")
    same_seal(ours, theirs)
    same_place(ours, theirs, "柳州市图书馆", size=16, edge="x1")
    same_place(ours, theirs, "2026年1月26日", size=16, edge="x1")
    for label in ("附件1", "附件2"):
        same_place(ours, theirs, label)
    same_place(ours, theirs, "2026年春节前后安全检查分工安排表", size=22, edge="centre")
    # The 版记 at the foot of the last page: its last rule on the block's lower edge, its first
    # above 抄送 (LibreOffice does not draw the thin rule between its lines).
    assert len(theirs) == len(ours)
    same_place(ours, theirs, "抄送", size=14)
    same_place(ours, theirs, "柳州市图书馆办公室", size=14)
    for edge in (min, max):
        rule = edge(line["top"] for line in ours[-1][1])
        rule_lo = edge(line["top"] for line in theirs[-1][1])
        assert rule_lo == pytest.approx(rule, abs=TOLERANCE)


def test_the_upward_report_has_its_signers_on_the_doc_number_line(renderings):
    ours, theirs = renderings["library-upward-report"]
    same_place(ours, theirs, "柳州市图书馆", size=42)
    same_place(ours, theirs, "柳图报〔2026〕2号")
    same_place(ours, theirs, "签发人：")
    same_place(ours, theirs, "叶伟伶")
    same_place(ours, theirs, "黄喆", edge="x1")
    same_rules(red(ours[0][1]), red(theirs[0][1]))
    same_place(ours, theirs, "关于2026年春节期间", size=22, edge="centre")
    same_seal(ours, theirs)


def test_the_minutes_have_their_mark_and_attendance_lists_in_place(renderings):
    ours, theirs = renderings["library-meeting-minutes"]
    same_place(ours, theirs, "柳州市图书馆馆长办公会议纪要", size=42)
    same_place(ours, theirs, "〔2026〕3号", edge="centre")
    same_rules(red(ours[0][1]), red(theirs[0][1]))
    for text in ("出席：叶伟伶", "请假：", "列席："):
        same_place(ours, theirs, text)


def test_the_letter_has_its_letterhead_in_place(renderings):
    """The mark 30 mm from the paper's top and the double rule under it in the first page's
    header, the double rule 20 mm above the paper's foot in a frame of its footer, 份号 and
    发文字号 7/8 of a character under the upper rule: the header holds more than the top margin
    but moves nothing (a margin given as exact), and the footer's distance is the page
    number's. The 版记 stands at the foot of the last page; in the PDF, printed on both sides,
    that page is an even one (GB/T 9704 7.5), which a DOCX cannot know."""
    ours, theirs = renderings["library-letter"]
    same_place(ours, theirs, "柳州市图书馆", size=42)
    same_place(ours, theirs, "000012")
    same_place(ours, theirs, "柳图函〔2026〕7号", edge="x1")
    same_place(ours, theirs, "关于商请支持2026年新春阅读系列活动的函", size=22, edge="centre")
    rules, rules_lo = red(ours[0][1]), red(theirs[0][1])
    assert len(rules) == 4
    same_rules(rules, rules_lo)
    assert [rule["linewidth"] for rule in rules_lo] == [rule["linewidth"] for rule in rules]
    same_seal(ours, theirs)
    first_page_foot = [c for c in theirs[0][0] if 262 * MM < c["top"] < 280 * MM]
    assert first_page_foot == []  # no page number on a letter's first page
    (page, first, _), (page_lo, first_lo, _) = where(ours, "抄送"), where(theirs, "抄送")
    assert (page, page_lo) == (2, 1)
    assert em_top(first_lo) == pytest.approx(em_top(first), abs=TOLERANCE)


JOINT = """template: notice
copy_number: "000123"
secrecy: 秘密★1年
urgency: 加急
mark:
  organisations: [柳州市文化广电和旅游局, 柳州市图书馆, 柳州市群众艺术馆]
  suffix: 文件
doc_number: 柳文旅联〔2026〕1号
title: 关于联合开展2026年全民阅读活动的通知
addressee: 各县（区）文化主管部门
body:
  - 为推进书香柳州建设，现就联合开展2026年全民阅读活动有关事项通知如下。
attachments:
  - title: 活动安排表
    body:
      - table:
          header: [项目, 时间, 地点]
          rows: [[世界读书日, 4月23日, 三中路馆], [暑期阅读, 7月至8月, 各分馆]]
signature:
  organisation: [柳州市文化广电和旅游局, 柳州市图书馆, 柳州市群众艺术馆]
  date: 2026-03-20
  seal: [ring.png, seal.svg, ring.png]
"""


def test_a_joint_document_has_its_mark_and_png_and_svg_seals_in_place(tmp_path):
    """GB/T 9704 7.2.4 and 7.3.5.1 for three organisations: the joint mark (a borderless table
    in the DOCX, its suffix centred across the names) and seals of both kinds."""
    from PIL import Image, ImageDraw

    ring = Image.new("RGB", (400, 400), "white")
    ImageDraw.Draw(ring).ellipse((20, 20, 380, 380), outline=(220, 20, 30), width=16)
    ring.save(tmp_path / "ring.png")
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    (tmp_path / "joint.yaml").write_text(JOINT, encoding="utf-8")
    assert main(["build", str(tmp_path / "joint.yaml"), "-o", str(tmp_path), "--docx-fonts",
                 "bundled"]) == 0
    ours = _read(tmp_path / "joint.pdf")
    theirs = _read(convert(tmp_path / "joint.docx", out_dir=tmp_path / "lo"))
    for name in ("柳州市文化广电和旅游局", "柳州市图书馆", "柳州市群众艺术馆", "文件"):
        same_place(ours, theirs, name, size=42)
        same_place(ours, theirs, name, size=42, edge="x1")
    same_place(ours, theirs, "柳文旅联〔2026〕1号", edge="centre")
    same_rules(red(ours[0][1]), red(theirs[0][1]))
    assert len(ours[1][2]) == 3  # three seals on the 落款's page
    same_seal(ours, theirs)
    same_place(ours, theirs, "附件")
