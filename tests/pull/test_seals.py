"""The seals over a 落款: one the editor deleted, of one seal or of several, or a picture added,
is named where `seal:` stands; the YAML keeps its seals (pull/seals.py says why)."""

from __future__ import annotations

import re
import shutil

from reportgen.cli import main
from reportgen.pull.run import pull
from tests.conftest import DATA
from tests.pull.helpers import built, edit_document

REPORT = """\
template: notice
title: 关于联合举办新春活动的通知
body: [正文。]
signature:
  organisation: [柳州市图书馆, 柳州市群众艺术馆]
  date: 2026-02-03
  seal:
    - seals/library.svg
    - seals/art-centre.svg
"""
SEAL = r'<w:r [^>]*><w:drawing>(?:(?!</w:drawing>).)*?descr="{}".*?</w:drawing></w:r>'
"""The run of the seal picture of a file."""


def pulled(tmp_path, change, text: str = REPORT):
    (tmp_path / "seals").mkdir()
    for name in ("library.svg", "art-centre.svg"):
        shutil.copy(DATA / "seal-liuzhou-library.svg", tmp_path / "seals" / name)
    report = tmp_path / "report.yaml"
    report.write_text(text, encoding="utf-8")
    docx = built(report, tmp_path / "out")
    edit_document(docx, change)
    result = pull(docx)
    assert result.after == result.before  # a seal is never taken out of, or put into, `seal:`
    return result


def deleted(xml: str, seal: str) -> str:
    """`xml` without the picture of seal file `seal`."""
    return re.sub(SEAL.format(seal), "", xml, count=1, flags=re.S)


def test_one_seal_of_two_deleted_is_named_with_its_organisation(tmp_path):
    result = pulled(tmp_path, lambda xml: deleted(xml, "art-centre.svg"))
    [loss] = result.losses
    assert loss.where == "line 9 (signature.seal[1])"
    assert loss.what.startswith("the seal of 柳州市群众艺术馆 (art-centre.svg) was deleted in "
                                "the DOCX")
    assert "every organisation has its seal, or none" in loss.what


def test_both_seals_deleted_are_each_named(tmp_path):
    result = pulled(tmp_path, lambda xml: deleted(deleted(xml, "library.svg"), "art-centre.svg"))
    assert [loss.where for loss in result.losses] == ["line 8 (signature.seal[0])",
                                                      "line 9 (signature.seal[1])"]


def test_a_picture_pasted_on_the_signatures_line_is_named(tmp_path):
    def paste(xml: str) -> str:
        seal = re.search(SEAL.format("library.svg"), xml, re.S).group(0)
        return xml.replace(seal, seal + seal.replace("library.svg", "扫描的公章.png"), 1)

    result = pulled(tmp_path, paste)
    [loss] = result.losses
    assert loss.what.startswith("a picture (扫描的公章.png) added on the 落款 line of "
                                "柳州市图书馆、柳州市群众艺术馆: a seal comes from `seal:`")
    assert loss.where == "line 5 (signature.organisation)"


def test_a_seal_deleted_beside_one_a_program_left_nameless_is_named_once(tmp_path):
    """A picture without its file's name stands for a seal; which one is gone cannot be told,
    so the deletion is named for the seals among which it is."""
    result = pulled(tmp_path, lambda xml: re.sub(r' descr="[^"]*"', "",
                                                 deleted(xml, "library.svg")))
    [loss] = result.losses
    assert loss.where == "line 8 (signature.seal)"
    assert loss.what.startswith("1 of the seals of 柳州市图书馆、柳州市群众艺术馆 (library.svg, "
                                "art-centre.svg) was deleted in the DOCX")


def test_the_user_reads_which_seal_went_and_where_seal_stands(tmp_path, capsys):
    pulled(tmp_path, lambda xml: deleted(xml, "art-centre.svg"))
    capsys.readouterr()
    assert main(["pull", str(tmp_path / "out" / "report.docx")]) == 0
    err = capsys.readouterr().err
    assert ("warning: report.docx: line 9 (signature.seal[1]): not carried back: the seal of "
            "柳州市群众艺术馆 (art-centre.svg) was deleted in the DOCX;") in err
    assert "`build` will ask for --force" in err  # the DOCX holds what the YAML does not
