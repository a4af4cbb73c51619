"""The 版头, 落款 and attendance of the DOCX fitted to the YAML's shape before they come back: a
mark written in parts, names written as lists, and what the YAML could not take named."""

from __future__ import annotations

import re
import shutil

from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import built, edit_document, retyped, texts

JOINT = """\
template: notice
mark:
  organisations: [柳州市图书馆, 柳州市群众艺术馆]   # 联合行文
  suffix: 文件
doc_number: 柳图联发〔2026〕1号
signers: [叶伟伶, 黄喆, 覃一平]
title: 关于联合举办新春活动的报告
body: [正文。]
signature:
  organisation: [柳州市图书馆, 柳州市群众艺术馆]
  date: 2026-02-03
  seal: [seal-a.svg, seal-b.svg]
"""
ONE = """\
template: notice
mark: {organisations: [柳州市图书馆], suffix: 文件}
doc_number: 柳图发〔2026〕1号
title: 关于新春活动的通知
body: [正文。]
"""
MINUTES = """\
template: minutes
mark: 柳州市图书馆会议纪要
title: 会议纪要
body: [会议议定事项。]
attendance:
  present:
    - 叶伟伶
    - 黄喆      # 副馆长
    - 覃一平
  observers: 办公室 龙小云
"""


def pulled(tmp_path, text: str, change, rebuilds: bool = True):
    """Build `text` (seal-a.svg and seal-b.svg beside it), revise its DOCX with `change`, pull;
    where `rebuilds`, write the pulled YAML and check it rebuilds to the revised text."""
    folder = tmp_path / f"pull{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    for name in ("seal-a.svg", "seal-b.svg"):
        shutil.copy(DATA / "seal-liuzhou-library.svg", folder / name)
    report = folder / "r.yaml"
    report.write_text(text, encoding="utf-8")
    docx = built(report, folder / "out")
    edit_document(docx, change)
    result = pull(docx)
    if rebuilds:
        report.write_text(result.after, encoding="utf-8")
        assert texts(built(report, folder / "again")) == texts(docx)
    return result


def last(old: str, new: str):
    """A change: the last `old` in the document replaced by `new`."""
    def change(xml: str) -> str:
        at = xml.rindex(old)
        return xml[:at] + new + xml[at + len(old):]
    return change


def test_a_joint_marks_organisation_and_suffix_come_back_into_their_keys(tmp_path):
    def change(xml: str) -> str:
        return retyped("文件", "联合文件")(retyped("柳州市群众艺术馆", "柳州市群艺馆")(xml))

    result = pulled(tmp_path, JOINT, change)
    assert result.after == JOINT.replace("柳州市群众艺术馆]   #", "柳州市群艺馆]   #").replace(
        "suffix: 文件", "suffix: 联合文件")
    assert not result.losses


def test_a_one_line_mark_written_in_parts_changes_the_part_the_editor_changed(tmp_path):
    result = pulled(tmp_path, ONE, retyped("柳州市图书馆文件", "柳州市图书馆通知"))
    assert result.after == ONE.replace("suffix: 文件", "suffix: 通知")
    result = pulled(tmp_path, ONE, retyped("柳州市图书馆文件", "柳州图书馆文件"))
    assert result.after == ONE.replace("[柳州市图书馆]", "[柳州图书馆]")


def test_a_one_line_mark_that_cannot_be_split_into_its_parts_is_named(tmp_path):
    result = pulled(tmp_path, ONE, retyped("柳州市图书馆文件", "市馆通知"), rebuilds=False)
    assert result.after == result.before
    [loss] = result.losses
    assert loss.where == "line 2 (mark)" and "「市馆通知」 cannot be told apart" in loss.what


def test_a_joint_mark_typed_as_one_line_is_named_not_written(tmp_path):
    def flattened(xml: str) -> str:
        table = re.search(r"<w:tbl>(?:(?!<w:tbl>).)*?柳州市群众艺术馆.*?</w:tbl>", xml, re.S)
        line = ('<w:p><w:pPr><w:pStyle w:val="IssuerMark"/></w:pPr><w:r><w:t>'
                '柳州市图书馆柳州市群众艺术馆文件</w:t></w:r></w:p>')
        return xml[:table.start()] + line + xml[table.end():]

    result = pulled(tmp_path, JOINT, flattened, rebuilds=False)
    assert result.after == result.before
    assert [loss.where for loss in result.losses] == ["line 3 (mark)"]
    assert "lost its form" in result.losses[0].what


def test_attendance_names_added_removed_and_changed_in_a_list_and_in_a_text(tmp_path):
    def change(xml: str) -> str:
        xml = retyped("黄喆、覃一平", "黄喆、覃一萍、莫晓蓉")(xml)  # 覃一平 changed, a name added
        xml = retyped("叶伟伶、", "")(xml)  # the first name removed
        return retyped("龙小云", "龙晓云")(xml)

    result = pulled(tmp_path, MINUTES, change)
    assert result.after == MINUTES.replace("    - 叶伟伶\n", "").replace(
        "    - 覃一平\n", "    - 覃一萍\n    - 莫晓蓉\n").replace("龙小云", "龙晓云")
    assert "# 副馆长" in result.after


def test_an_attendance_list_the_editor_deleted_goes_and_the_last_takes_attendance_along(
        tmp_path):
    def drop(label: str):
        return lambda xml: re.sub(rf'<w:p><w:pPr><w:pStyle w:val="Attendance"/>(?:(?!</w:p>).)*?'
                                  rf"{label}.*?</w:p>", "", xml, count=1, flags=re.S)

    result = pulled(tmp_path, MINUTES, drop("列席"))
    assert result.after == MINUTES.replace("  observers: 办公室 龙小云\n", "")
    result = pulled(tmp_path, MINUTES, lambda xml: drop("出席")(drop("列席")(xml)))
    assert "attendance" not in result.after and result.after.endswith("body: [会议议定事项。]\n")


def test_signers_added_removed_and_changed_in_a_flow_list(tmp_path):
    result = pulled(tmp_path, JOINT, retyped("覃一平", "覃一平\u3000莫晓蓉"))
    assert "signers: [叶伟伶, 黄喆, 覃一平, 莫晓蓉]\n" in result.after
    result = pulled(tmp_path, JOINT, retyped("黄喆", "黄哲"))
    assert "signers: [叶伟伶, 黄哲, 覃一平]\n" in result.after
    result = pulled(tmp_path, JOINT, retyped("\u3000黄喆", ""), rebuilds=False)  # lines re-laid
    assert "signers: [叶伟伶, 覃一平]\n" in result.after


def test_the_signers_typed_over_without_their_style_stay_signers(tmp_path):
    def plain(xml: str) -> str:
        return re.sub(r'<w:rStyle w:val="SignersChar"/>', "", xml)

    result = pulled(tmp_path, JOINT, plain)
    assert result.after == result.before and not result.losses


def test_an_organisation_added_to_a_sealed_signature_is_named_not_written(tmp_path):
    result = pulled(tmp_path, JOINT, last("<w:t>柳州市群众艺术馆</w:t></w:r>",
                                          "<w:t>柳州市群众艺术馆</w:t></w:r><w:r><w:tab/>"
                                          "<w:t>柳州市博物馆</w:t></w:r>"), rebuilds=False)
    assert result.after == result.before
    [loss] = result.losses
    assert loss.where == "line 10 (signature.organisation)"
    assert "3 organisation(s) in the DOCX and 2 in the YAML" in loss.what


def test_an_organisation_renamed_in_a_sealed_signature_comes_back(tmp_path):
    result = pulled(tmp_path, JOINT, last("<w:t>柳州市群众艺术馆</w:t>", "<w:t>柳州市群艺馆</w:t>"))
    assert "  organisation: [柳州市图书馆, 柳州市群艺馆]\n" in result.after
    assert not result.losses


def test_a_doc_number_deleted_from_under_its_signers_is_named_and_kept(tmp_path):
    result = pulled(tmp_path, JOINT, retyped("柳图联发〔2026〕1号", ""), rebuilds=False)
    assert result.after == result.before
    assert [loss.where for loss in result.losses] == ["line 5 (doc_number)"]


def test_a_letters_imprint_line_without_its_copies_label_is_named_not_an_issuer(tmp_path):
    """A letter's 版记 has 抄送 only: its line retyped without 抄送： is no 印发机关."""
    letter = ("template: letter\ntitle: 函\nbody: [正文。]\nsignature:\n  organisation: 甲单位\n"
              "  date: 2026-02-03\nimprint:\n  copies_to: 乙单位。\n")
    result = pulled(tmp_path, letter, retyped("抄送：乙单位。", "乙单位。"), rebuilds=False)
    assert result.after == result.before == letter
    [loss] = result.losses
    assert loss.what == ("「乙单位。」 as the 版记's 印发机关: a letter's 版记 has 抄送 only (GB/T "
                         "9704 10.1); the YAML keeps its 版记")
