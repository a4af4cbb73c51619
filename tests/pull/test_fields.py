"""The texts outside the body carried back: a list of texts gains and loses items where the
editor added or deleted them."""

from __future__ import annotations

from reportgen.pull.run import pull
from tests.pull.helpers import built, edit_document

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
