"""The texts outside the body carried back: a list of texts gains and loses items where the
editor added or deleted them."""

from __future__ import annotations

import shutil

from reportgen.pull.fields import bare_text, redecorated
from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import LETTERHEAD, built, edit_document

JOINT = """\
template: notice
title: 通知
body: [正文。]
signature:
  organisation:
    - 甲单位
    - 乙单位   # 联合发文
  date: 2026-02-03
"""


def test_an_organisation_added_to_a_joint_signature_is_a_new_item_of_its_list(tmp_path):
    """Each organisation of a joint 落款 (without seals) is a paragraph of its own: one the
    editor added is inserted where it stands, the others keep their lines and comments."""
    report = tmp_path / "r.yaml"
    report.write_text(JOINT, encoding="utf-8")
    docx = built(report, tmp_path / "out")
    line = '<w:p><w:pPr><w:pStyle w:val="Signature"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    edit_document(docx, lambda xml: xml.replace(line.format("甲单位"), line.format("甲单位")
                                                + line.format("丙单位"), 1))
    result = pull(docx)
    assert result.after == JOINT.replace("    - 甲单位\n", "    - 甲单位\n    - 丙单位\n")
    assert not result.losses


def test_a_copy_number_written_without_its_zeros_is_changed_without_them():
    """The reader pads a 份号 to 6 digits (86 prints 000086): the editor's 000090 compares
    with the padded number and goes back as the YAML wrote it."""
    assert bare_text("copy_number", "86") == "000086"
    assert redecorated("copy_number", "000090", "86") == "90"
    assert redecorated("copy_number", "000090", "000086") == "000090"


def test_a_mark_gone_from_the_docx_is_named_and_kept(tmp_path):
    """A letter's mark stands in the first page's header, which a program may drop."""
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    docx = built(tmp_path / "library-letter.yaml", tmp_path / "out")
    edit_document(docx, lambda xml: xml.replace("<w:t>柳州市图书馆</w:t>", ""), LETTERHEAD)
    result = pull(docx)
    assert result.after == result.before
    [loss] = result.losses
    assert loss.where == "line 14 (mark)"
    assert loss.what.startswith("the 发文机关标志 was deleted in the DOCX; a program may lose it")
