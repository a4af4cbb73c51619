"""Pulling the DOCX of an official document (GB/T 9704: 版头, seals, 附件 pages, 纪要, 信函): its
body and fields come back, the 发文字号 from wherever the writer put it; what pull does not carry
back yet is named and the YAML left as it is, never read as body or title (pull/official.py)."""

from __future__ import annotations

import re
import shutil

import pytest

from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import built, edit_document

OFFICIAL = ("culture-bureau-safety-notice", "library-upward-report", "library-meeting-minutes",
            "library-letter")


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


@pytest.mark.parametrize(("name", "old", "new", "role"), [
    ("culture-bureau-safety-notice", "秘密★6个月", "秘密★1年", "secrecy"),
    ("culture-bureau-safety-notice", "柳州市图书馆文件", "柳州市图书馆通知", "mark"),
    ("library-upward-report", "黄喆", "黄哲", "signers"),
    ("library-letter", "000012", "000013", "copy_number"),
    ("library-meeting-minutes", "莫晓蓉", "莫小蓉", "attendance"),
    # on the pages of 附件1: a paragraph, a table's cell, and 附件2's section heading
    ("culture-bureau-safety-notice", "检查结束后填写检查记录", "检查后填写记录", "attachment page"),
    ("culture-bureau-safety-notice", "第二组", "第贰组", "attachment page"),
    ("culture-bureau-safety-notice", ">消防设施<", ">消防器材<", "attachment page"),
])
def test_what_pull_does_not_carry_yet_is_named_and_the_yaml_kept(copied, name, old, new, role):
    result = edited(copied, name, old, new)
    assert result.after == result.before
    assert any(f"({role}) changed or added" in loss.what for loss in result.losses), \
        result.losses
    assert not result.changes


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


def test_a_deleted_seal_is_named(copied):
    docx = built(copied / "library-letter.yaml", copied / "out")
    edit_document(docx, lambda xml: re.sub(r"<w:r[^>]*><w:drawing>.*?</w:drawing></w:r>", "",
                                           xml, count=1, flags=re.S))
    result = pull(docx)
    assert result.after == result.before
    assert any("(seal) deleted" in loss.what for loss in result.losses), result.losses


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
