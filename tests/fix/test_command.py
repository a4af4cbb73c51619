"""`reportgen fix` on real pasted text: the repaired file, the printed changes, --check, --diff."""

from __future__ import annotations

import shutil
from difflib import SequenceMatcher

import pytest

from reportgen.cli import main
from tests.conftest import ROOT

PASTED = ROOT / "tests" / "fixtures" / "pasted-news.yaml"
"""A paragraph of a news release pasted with its half-width marks, in several YAML styles,
with comments, a URL, times, a phone number, an e-mail address, numbers and Latin text."""
FIXED = ROOT / "tests" / "golden" / "pasted-news.fixed.yaml"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def pasted(tmp_path):
    path = tmp_path / "news.yaml"
    shutil.copy(PASTED, path)
    return path


def test_fix_repairs_the_pasted_text_in_place_and_leaves_only_full_stops_after_figures(
        pasted, capsys, request):
    code, out, err = run(capsys, "validate", "--strict", pasted)
    assert code == 4 and "half-width" in err
    code, out, err = run(capsys, "fix", pasted)
    assert code == 0 and err == "fixed 13 places in 1 file\n"
    fixed = pasted.read_text(encoding="utf-8")
    if request.config.getoption("--update-goldens"):
        FIXED.write_text(fixed, encoding="utf-8")
    assert fixed == FIXED.read_text(encoding="utf-8")
    # What fix leaves to the author: the `.` ending a sentence after 11.9% and after an
    # e-mail address, where a full stop might belong to the figure or the address.
    code, _, err = run(capsys, "validate", "--strict", pasted)
    assert code == 4 and [line.split(": ", 3)[2:] for line in err.splitlines()] == [
        ["body[0]", "half-width `.` in Chinese text at character 116 (hint: write 。 for the "
                    "`.` at character 116 where it ends a sentence (fix leaves it to you: a `.` "
                    "there may belong to a figure, an address or a name))"],
        ["body[1]", "half-width `.` in Chinese text at character 150 (hint: write 。 for the "
                    "`.` at character 150 where it ends a sentence (fix leaves it to you: a `.` "
                    "there may belong to a figure, an address or a name))"]]
    assert run(capsys, "fix", "--check", pasted)[:2] == (0, "")


def test_each_change_is_printed_as_file_line_old_and_new(pasted, capsys):
    _, out, _ = run(capsys, "fix", pasted)
    lines = out.splitlines()
    assert len(lines) == 13 and all(line.startswith(f"{pasted}:") for line in lines)
    assert f"{pasted}:15: 工作安排(2026年) → 工作安排（2026年）" in lines
    assert f"{pasted}:10: 3311(工作日9 → 3311（工作日9" in lines


def test_only_the_marks_change_comments_numbers_times_urls_and_layout_stay(pasted, capsys):
    before = pasted.read_text(encoding="utf-8").splitlines()
    run(capsys, "fix", pasted)
    after = pasted.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        # Each line keeps every character but the repaired marks (with the spaces beside them
        # and the backslash of an escaped quote).
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op != "equal":
                assert set(old[i1:i2]) <= set(",;:?!()\"'.- \\") and i1 > 0, (old, new)
                assert set(new[j1:j2]) <= set("，；：？！（）“”‘’……——。"), (old, new)
    text = "\n".join(after)
    for untouched in ("# 导语：从新闻稿复制，半角标点未改", "# 原文链接", "rate: 7.10",
                      "https://www.stats.gov.cn/sj/zxfb/202601/t20260126_1958123.html",
                      "9:00-17:00", "010-68783311", "info@stats.gov.cn", "141 212亿元",
                      "Web 3.0, AI and VR, as he said: \"not a bubble\".",
                      "[增长率, 6.00, 7.10]", "{{ rate }}", "{{ site }}", "增长11.9%.",
                      "info@stats.gov.cn."):
        assert untouched in text


def test_check_writes_nothing_and_exits_1_when_something_would_change(pasted, capsys):
    before = pasted.read_bytes()
    code, out, err = run(capsys, "fix", "--check", pasted)
    assert code == 1 and out.count("→") == 13 and err == "would fix 13 places in 1 file\n"
    assert pasted.read_bytes() == before


def test_diff_prints_a_unified_diff_and_writes_nothing(pasted, capsys):
    before = pasted.read_bytes()
    code, out, _ = run(capsys, "fix", "--diff", pasted)
    assert code == 0 and pasted.read_bytes() == before
    assert out.startswith(f"--- {pasted}\n+++ {pasted} (fixed)\n@@ ")
    assert "-  - section: 下一步工作安排(2026年)\n+  - section: 下一步工作安排（2026年）" in out
    assert run(capsys, "fix", "--diff", "--check", pasted)[0] == 1


def test_quoted_text_stays_valid_yaml_whatever_its_quotes(write_yaml, capsys):
    report = write_yaml("title: 标题\nbody:\n"
                        "  - \"他说\\\"好\\\",然后\\t离开\"\n"
                        "  - '这是''引文''的例子,对吧'\n"
                        "  - '一个''撇号: it''s fine'\n")
    assert run(capsys, "fix", report)[0] == 0
    assert report.read_text(encoding="utf-8") == (
        "title: 标题\nbody:\n"
        "  - \"他说“好”，然后\\t离开\"\n"
        "  - '这是‘引文’的例子，对吧'\n"
        "  - '一个''撇号：it''s fine'\n")


def test_a_mark_at_the_end_of_a_folded_line_joins_the_next_line_without_a_space(
        write_yaml, capsys):
    report = write_yaml("title: 标题\nbody:\n  - 馆藏增加,\n    Open Access资源上线\n")
    run(capsys, "fix", report)
    assert report.read_text(encoding="utf-8").endswith("  - 馆藏增加，\n    Open Access资源上线\n")
    from reportgen.reader.report import read_report

    assert read_report(report).blocks[1].text == "馆藏增加，Open Access资源上线"


def test_byte_order_mark_line_ends_and_permissions_are_kept(tmp_path, capsys):
    report = tmp_path / "r.yaml"
    report.write_bytes(b"\xef\xbb\xbf" + "title: 标题\r\nbody:\r\n  - 上午,开会\r\n".encode())
    report.chmod(0o640)
    assert run(capsys, "fix", report)[0] == 0
    assert report.read_bytes() == (b"\xef\xbb\xbf"
                                   + "title: 标题\r\nbody:\r\n  - 上午，开会\r\n".encode())
    assert report.stat().st_mode & 0o777 == 0o640


def test_nothing_to_fix_leaves_the_file_alone(write_yaml, capsys):
    report = write_yaml("title: 标题\nbody:\n  - 时间9:00—17:00，地点A, B，网址https://a.cn/?y=1,2\n")
    stamp = report.stat().st_mtime_ns
    assert run(capsys, "fix", report) == (0, "", "nothing to fix\n")
    assert report.stat().st_mtime_ns == stamp


def test_names_paths_and_numbering_styles_are_not_text(write_yaml, capsys):
    text = ("template: annual-report\nnumbering:\n  plan: (1)\ntitle: 标题\nbody:\n"
            "  - table:\n      source: 表(1),2025.csv\n")
    report = write_yaml(text)
    assert run(capsys, "fix", "--check", report)[0] == 0
    report = write_yaml(text + "data:\n  source: 国家统计局(2025年)\n")
    _, out, _ = run(capsys, "fix", report)
    assert out.count("→") == 1 and "source: 国家统计局（2025年）" in report.read_text("utf-8")


def test_a_file_that_is_not_yaml_is_an_error_with_its_line(write_yaml, capsys):
    report = write_yaml("title: 标题\nbody:\n  - \"未闭合,\n")
    code, _, err = run(capsys, "fix", report)
    assert code == 1 and err.startswith(f"error: {report}:") and "YAML syntax" in err


def test_a_folder_fixes_every_report_in_it(tmp_path, capsys):
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        text = "title: 标题\nbody:\n  - 上午,开会\n" if name != "c.yaml" else "title: 标题\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "fix", tmp_path)
    assert code == 0 and out.count("→") == 2 and err == "fixed 2 places in 2 files\n"


def test_a_mark_after_a_figure_at_the_end_of_a_paragraph_is_fixed_and_strict_sees_it(
        tmp_path, capsys):
    report = tmp_path / "marks.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "marks-after-figures.yaml", report)
    assert run(capsys, "validate", "--strict", report)[0] == 4
    code, out, _ = run(capsys, "fix", report)
    fixed = report.read_text(encoding="utf-8").splitlines()
    assert code == 0 and "占30%！" in out
    assert fixed[3] == "  - 全年接待读者192万人次，同比增长12%；其中（少儿读者）占30%！"
    assert fixed[5] == "  - 'Open Access, CNKI and Wanfang: databases.'   # Latin sentence stays"
    assert "9:00--17:00，网址https://a.b/c?x=1,y=2，邮箱a@b.cn；版本V2.3.1，数量1,234册" in fixed[6]
    assert run(capsys, "validate", "--strict", report)[0] == 0


def test_a_full_stop_ending_a_text_after_chinese_is_fixed_one_after_a_figure_is_warned(
        tmp_path, capsys):
    report = tmp_path / "stops.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "pasted-full-stops.yaml", report)
    code, out, _ = run(capsys, "fix", report)
    assert code == 0 and f"{report}:6: ?x=1 ,以及(附件). → ?x=1，以及（附件）。" in out
    fixed = report.read_text(encoding="utf-8").splitlines()
    assert fixed[3] == ("  - 会议于9:30开始，请准时参加；联系电话：0772-2822404.   # comment "
                        "stays")  # the `.` may belong to the number: left, and warned about
    assert fixed[5] == "  - 详见https://www.example.gov.cn/a,b?x=1，以及（附件）。"
    assert fixed[8] == "  - 'It''s fine, we said (in English).'"
    code, _, err = run(capsys, "validate", "--strict", report)
    assert code == 4 and len(err.splitlines()) == 1
    assert ":4:5: body[0]: half-width `.` in Chinese text at character 34 (hint: write 。" in err
