"""Pulling the DOCX of an official document (GB/T 9704: 版头, seals, 附件 pages, 纪要, 信函): each
part edited as Word saves an edit comes back where its value stands in the YAML, and the YAML
rebuilds to the editor's text (pull/official.py reads the parts, officialsync.py fits them)."""

from __future__ import annotations

import re
import shutil

import pytest

from reportgen.errors import EXIT_INVALID_INPUT, ReportError
from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import LETTERHEAD, built, edit_document, retyped, texts


@pytest.fixture
def copied(tmp_path):
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edited(copied, name: str, old: str, new: str):
    """Build example `name`, replace the first `old` in its DOCX's text by `new`, pull it."""
    docx = built(copied / f"{name}.yaml", copied / "out")
    edit_document(docx, lambda xml: xml.replace(old, new, 1) if old in xml else pytest.fail(old))
    return pull(docx)


def carried(copied, name: str, old: str, new: str, part: str = "word/document.xml", nth=1):
    """Build example `name`, retype `old` as `new` in its DOCX as Word saves it, pull, write
    the pulled YAML and check that it rebuilds to the edited DOCX's text; the pull's result."""
    report = copied / f"{name}.yaml"
    docx = built(report, copied / "out")
    edit_document(docx, retyped(old, new, nth), part)
    result = pull(docx)
    report.write_text(result.after, encoding="utf-8")
    assert texts(built(report, copied / "again")) == texts(docx)
    return result


def changed_lines(result) -> list[tuple[str, str]]:
    """(before, after) of each line the pull changes."""
    before, after = result.before.splitlines(), result.after.splitlines()
    assert len(before) == len(after)
    return [(a, b) for a, b in zip(before, after, strict=True) if a != b]


@pytest.mark.parametrize(("name", "old", "new"), [
    ("culture-bureau-safety-notice", "也是火灾等安全事故易发期", "也是火灾等事故易发期"),
    ("library-upward-report", "数字图书馆和24小时", "数字图书馆与24小时"),
    ("library-meeting-minutes", "研究春节期间读者服务", "研究春节期间的读者服务"),
    ("library-letter", "如蒙同意", "如承同意"),
])
def test_one_edited_paragraph_of_an_official_document_comes_back_alone(copied, name, old, new):
    """The 版头, seals, attachments set on pages of their own, attendance lists and a letter's
    head around it stay as the YAML has them: one line changes, nothing is named."""
    result = edited(copied, name, old, new)
    ((before, after),) = changed_lines(result)
    assert old in before and after == before.replace(old, new)
    assert not result.losses and len(result.changes) == 1


@pytest.mark.parametrize(("name", "old", "new"), [
    ("culture-bureau-safety-notice", "柳图发〔2026〕5号", "柳图发〔2026〕6号"),  # alone
    ("library-upward-report", "柳图报〔2026〕2号", "柳图报〔2026〕3号"),  # with its 签发人
    ("library-letter", "柳图函〔2026〕7号", "柳图函〔2026〕8号"),  # after a letter's 份号
])
def test_the_doc_number_comes_back_from_where_the_writer_put_it(copied, name, old, new):
    result = edited(copied, name, old, new)
    assert changed_lines(result) == [(f"doc_number: {old}", f"doc_number: {new}")]
    assert not result.losses


@pytest.mark.parametrize(("name", "old", "new", "line", "part"), [
    # 份号 (its quotes kept), 密级和保密期限, 紧急程度 and the mark of a 下行文
    ("culture-bureau-safety-notice", "000086", "000090", ('"000086"', '"000090"'), None),
    ("culture-bureau-safety-notice", "秘密★6个月", "机密★1年", ("秘密★6个月", "机密★1年"), None),
    ("culture-bureau-safety-notice", "特急", "加急", ("urgency: 特急", "urgency: 加急"), None),
    ("culture-bureau-safety-notice", "柳州市图书馆文件", "柳州市文化馆文件",
     ("mark: 柳州市图书馆文件", "mark: 柳州市文化馆文件"), None),
    # a 上行文's 签发人, in their own character style on the 发文字号's line
    ("library-upward-report", "叶伟伶", "叶伟玲",
     ("signers: [叶伟伶, 黄喆]", "signers: [叶伟玲, 黄喆]"), None),
    # a letter: its 份号 before the 发文字号 on one line, its mark in the first page's header
    ("library-letter", "000012", "000013", ('"000012"', '"000013"'), None),
    ("library-letter", "柳州市图书馆", "柳州市少年儿童图书馆",
     ("mark: 柳州市图书馆", "mark: 柳州市少年儿童图书馆"), LETTERHEAD),
    # a 纪要's mark and its attendance: a name of a list, and lists written as one text
    ("library-meeting-minutes", "馆长办公会议纪要", "馆务会议纪要",
     ("柳州市图书馆馆长办公会议纪要", "柳州市图书馆馆务会议纪要"), None),
    ("library-meeting-minutes", "莫晓蓉", "莫小蓉", ("莫晓蓉, 韦海燕", "莫小蓉, 韦海燕"), None),
    ("library-meeting-minutes", "外出学习", "病假", ("蒙丽华（外出学习）", "蒙丽华（病假）"), None),
    ("library-meeting-minutes", "黎建国", "黎建华", ("保卫科 黎建国", "保卫科 黎建华"), None),
    # the 版记: 抄送, 印发机关, and 印发日期, which stays a YAML date
    ("culture-bureau-safety-notice", "市消防救援支队", "市应急管理局",
     ("市消防救援支队。", "市应急管理局。"), None),
    ("culture-bureau-safety-notice", "柳州市图书馆办公室", "柳州市图书馆综合办公室",
     ("issuer: 柳州市图书馆办公室", "issuer: 柳州市图书馆综合办公室"), None),
    ("culture-bureau-safety-notice", "2026年1月26日印发", "2026年1月27日印发",
     ("issued: 2026-01-26", "issued: 2026-01-27"), None),
    # the pages of 附件1 and 附件2: a paragraph, a table's cell, a section's heading
    ("culture-bureau-safety-notice", "检查结束后填写检查记录", "检查后填写记录",
     ("检查结束后填写检查记录", "检查后填写记录"), None),
    ("culture-bureau-safety-notice", "第二组", "第贰组", ("[第二组,", "[第贰组,"), None),
    ("culture-bureau-safety-notice", "消防设施", "消防器材",
     ("section: 消防设施", "section: 消防器材"), None),
])
def test_an_edited_part_comes_back_where_its_value_stands(copied, name, old, new, line, part):
    """Only the characters changed, on the value's own line; quoting and the rest of the file
    as they were; the rebuilt DOCX reads as the edited one."""
    nth = 2 if old == "消防设施" else 1  # the body's 消防设施器材 comes first
    result = carried(copied, name, old, new, part or "word/document.xml", nth)
    ((before, after),) = changed_lines(result)
    assert line[0] in before and after == before.replace(*line)
    assert not result.losses and not result.conflicts and len(result.changes) == 1


@pytest.mark.parametrize(("name", "old", "new", "why"), [
    ("culture-bureau-safety-notice", "特急", "很急", "`很急` is not a 紧急程度"),
    ("culture-bureau-safety-notice", "000086", "00008A", "`00008A` is not a copy number"),
    ("culture-bureau-safety-notice", "秘密★6个月", "内部★6个月", "does not start with a 密级"),
])
def test_a_masthead_value_the_reader_would_refuse_is_named_and_kept(copied, name, old, new,
                                                                    why):
    docx = built(copied / f"{name}.yaml", copied / "out")
    edit_document(docx, retyped(old, new))
    result = pull(docx)
    assert result.after == result.before
    [loss] = result.losses
    assert why in loss.what and f"the YAML keeps 「{old}」" in loss.what
    assert re.fullmatch(r"line \d+ \((urgency|copy_number|secrecy)\)", loss.where)


def test_a_deleted_copy_number_goes_from_the_yaml(copied):
    docx = built(copied / "culture-bureau-safety-notice.yaml", copied / "out")
    edit_document(docx, lambda xml: re.sub(r'<w:p><w:pPr><w:pStyle w:val="CopyNumber"/>.*?'
                                           r"</w:p>", "", xml, count=1, flags=re.S))
    result = pull(docx)
    assert 'copy_number: "000086"\n' in result.before
    assert result.after == result.before.replace('copy_number: "000086"\n', "")
    assert not result.losses


def test_an_attachments_title_in_its_list_is_carried_to_its_pages_title(copied):
    """附件说明 names an attachment set on pages of its own by its `title`: edited there, the
    title changes (and with it the page's, at the next build); its body stays."""
    result = edited(copied, "culture-bureau-safety-notice", "公共文化场馆安全自查要点",
                    "公共文化场馆安全检查要点")
    assert changed_lines(result) == [("  - title: 公共文化场馆安全自查要点",
                                      "  - title: 公共文化场馆安全检查要点")]


def test_an_attachment_line_added_beside_attachments_on_pages_is_named_not_written(copied):
    docx = built(copied / "culture-bureau-safety-notice.yaml", copied / "out")

    def add_line(xml: str) -> str:
        line = re.search(r"<w:p>(?:(?!<w:p>).)*?公共文化场馆安全自查要点.*?</w:p>", xml).group(0)
        return xml.replace(line, line + line.replace("公共文化场馆安全自查要点", "值班表"), 1)

    edit_document(docx, add_line)
    result = pull(docx)
    assert result.after == result.before
    assert any("added beside attachments set on pages of their own" in loss.what
               for loss in result.losses)


def test_a_deleted_seal_is_named_where_seal_stands(copied):
    docx = built(copied / "library-letter.yaml", copied / "out")
    edit_document(docx, lambda xml: re.sub(r"<w:r[^>]*><w:drawing>.*?</w:drawing></w:r>", "",
                                           xml, count=1, flags=re.S))
    result = pull(docx)
    assert result.after == result.before
    [loss] = result.losses
    line = next(n for n, text in enumerate(result.before.splitlines(), 1) if "seal:" in text)
    assert loss.where == f"line {line} (signature.seal)"
    assert loss.what.startswith("the seal of 柳州市图书馆 (seal-liuzhou-library.svg) was deleted "
                                "in the DOCX")


IMPRINTED = ("template: notice\ntitle: 通知\nbody: [正文。]\nsignature:\n  organisation: 甲单位\n"
             "  date: 2026-02-03\nimprint:\n  copies_to: 乙单位。\n  issuer: 甲单位办公室\n"
             "  issued: 2026-02-03\n")


def test_a_deleted_imprint_goes_whole_not_as_an_empty_mapping(tmp_path):
    (tmp_path / "r.yaml").write_text(IMPRINTED, encoding="utf-8")
    docx = built(tmp_path / "r.yaml", tmp_path / "out")
    edit_document(docx, lambda xml: re.sub(r'<w:p><w:pPr><w:pStyle w:val="Imprint"/>.*?</w:p>',
                                           "", xml))
    result = pull(docx)
    assert "imprint" not in result.after and "正文" in result.after


def test_a_copies_line_rewritten_as_an_issuer_line_keeps_the_new_issuer(tmp_path):
    (tmp_path / "r.yaml").write_text(IMPRINTED.split("  issuer:")[0], encoding="utf-8")
    docx = built(tmp_path / "r.yaml", tmp_path / "out")
    edit_document(docx, lambda xml: xml.replace("抄送：乙单位。", "丙单位办公室", 1))
    result = pull(docx)
    assert result.after.endswith("imprint:\n  issuer: 丙单位办公室\n"), result.after


def test_a_revision_a_report_may_not_hold_is_refused_by_name_not_as_a_bug(copied):
    """A 份号 typed into a notice that has a label above its title would give the YAML a 版头
    and a label, which a report may not hold: the pull says so and writes nothing (a random
    revision test met this as an internal error)."""
    report = copied / "library-spring-festival-notice.yaml"
    before = report.read_text(encoding="utf-8")
    docx = built(report, copied / "out")
    number = '<w:p><w:pPr><w:pStyle w:val="CopyNumber"/></w:pPr><w:r><w:t>000012</w:t></w:r></w:p>'
    edit_document(docx, lambda xml: xml.replace("<w:body>", "<w:body>" + number, 1))
    with pytest.raises(ReportError) as caught:
        pull(docx)
    assert caught.value.exit_code == EXIT_INVALID_INPUT
    [problem] = caught.value.diagnostics
    assert "cannot be carried back" in problem.message and "at label:" in problem.message
    assert problem.hint and "internal error" not in problem.message
    assert report.read_text(encoding="utf-8") == before
