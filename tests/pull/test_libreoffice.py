"""The editors' loop: build, revise (python-docx), re-save in LibreOffice, pull, build again."""

from __future__ import annotations

import copy
import shutil

import docx
import pytest
from docx.text.paragraph import Paragraph

from reportgen.cli import main
from reportgen.fingerprint import State, state_of
from reportgen.pull.run import pull
from tests.conftest import DATA, EXAMPLE
from tests.helpers.libreoffice import convert
from tests.pull.helpers import LETTERHEAD, edit_document, retyped

pytestmark = pytest.mark.libreoffice

CHANGED = ("推行“五学联动”学习机制", "推行“六学联动”学习机制")
POINT = ("整合社会资源，搭建共享平台", "整合社会资源，搭建共建共享平台")
DELETED = "开展文明劝导、咨询解答服务"
AFTER = "召开2025年度全民阅读研讨会"
ADDED = "新增一段：全年组织馆际交流活动12场，参与馆员300余人次。"


def revise(path) -> None:
    """An editor's revision: a paragraph and a plan point changed, one deleted, one added."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        text = paragraph.text
        if CHANGED[0] in text:
            paragraph.runs[0].text = text.replace(*CHANGED)
        elif text == POINT[0]:
            paragraph.runs[0].text = POINT[1]
        elif text.startswith(DELETED):
            paragraph._element.getparent().remove(paragraph._element)
        elif text.startswith(AFTER):
            new = copy.deepcopy(paragraph._element)
            paragraph._element.addnext(new)
            added = Paragraph(new, paragraph._parent)
            for run in added.runs[1:]:
                run._element.getparent().remove(run._element)
            added.runs[0].text = ADDED
    document.save(str(path))


def texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_the_editors_loop_through_libreoffice(tmp_path, capsys):
    report = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, report)
    before = report.read_text(encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(report), "-o", str(out), "--format", "docx"]) == 0
    built = out / f"{EXAMPLE.stem}.docx"
    revise(built)
    saved = convert(built, "docx", tmp_path / "saved")  # LibreOffice re-saves it
    shutil.copy(saved, built)
    assert state_of(built) is State.EDITED
    capsys.readouterr()

    assert main(["pull", str(built)]) == 0
    printed = capsys.readouterr().out
    assert "changed paragraph" in printed and "added paragraph" in printed
    assert "removed paragraph" in printed and "changed plan point" in printed
    after = report.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    gone = set(before.splitlines()) - set(after.splitlines())
    new = set(after.splitlines()) - set(before.splitlines())
    assert sorted(line.strip()[2:12] for line in gone) == sorted(
        ["扎实开展深入贯彻中央", POINT[0][:10], DELETED[:10]])
    assert sorted(line.strip()[2:] for line in new if CHANGED[1] not in line) == sorted(
        [POINT[1], ADDED])
    assert len(new) == 3 and len(after.splitlines()) == len(before.splitlines())
    assert state_of(built) is State.PULLED

    assert main(["build", str(report), "-o", str(out), "--format", "docx"]) == 0
    rebuilt = texts(built)
    assert any(CHANGED[1] in t for t in rebuilt) and not any(CHANGED[0] in t for t in rebuilt)
    assert POINT[1] in rebuilt and POINT[0] not in rebuilt
    assert ADDED in rebuilt and not any(t.startswith(DELETED) for t in rebuilt)
    assert rebuilt.index(ADDED) == next(i for i, t in enumerate(rebuilt)
                                        if t.startswith(AFTER)) + 1

    capsys.readouterr()
    assert main(["pull", str(saved), "--into", str(report)]) == 0
    assert "nothing to pull" in capsys.readouterr().out
    assert report.read_text(encoding="utf-8") == after


@pytest.mark.parametrize("example", sorted(DATA.glob("*.yaml")), ids=lambda p: p.stem)
def test_an_example_resaved_by_libreoffice_pulls_as_nothing(tmp_path, example):
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    report = tmp_path / example.name
    out = tmp_path / "out"
    assert main(["build", str(report), "-o", str(out), "--format", "docx"]) == 0
    saved = convert(out / f"{example.stem}.docx", "docx", tmp_path / "saved")
    result = pull(saved, report)
    assert not result.changes and not result.losses and not result.conflicts
    assert result.after == report.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "edits"), [
    # a letter's 份号, and its mark in the first page's header (saved there as a frame)
    ("library-letter", [("000012", "000013", "word/document.xml"),
                        ("柳州市图书馆", "柳州市少年儿童图书馆", LETTERHEAD)]),
    # a 纪要's mark and a name of its attendance list
    ("library-meeting-minutes", [("馆长办公会议纪要", "馆务会议纪要", "word/document.xml"),
                                 ("莫晓蓉", "莫小蓉", "word/document.xml")]),
    # a notice's 密级, and a paragraph on the pages of 附件1
    ("culture-bureau-safety-notice", [("秘密★6个月", "机密★1年", "word/document.xml"),
                                      ("检查结束后填写检查记录", "检查后填写记录",
                                       "word/document.xml")]),
])
def test_official_parts_edited_and_resaved_by_libreoffice_come_back(tmp_path, name, edits):
    """Each edit (in the YAML's order) changes its own line, as the editor typed it."""
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    report = tmp_path / f"{name}.yaml"
    out = tmp_path / "out"
    assert main(["build", str(report), "-o", str(out), "--format", "docx"]) == 0
    for old, new, part in edits:
        edit_document(out / f"{name}.docx", retyped(old, new), part)
    saved = convert(out / f"{name}.docx", "docx", tmp_path / "saved")
    result = pull(saved, report)
    assert not result.losses and not result.conflicts
    before, after = result.before.splitlines(), result.after.splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == len(edits)
    for (old, new, _), (was, now) in zip(edits, changed, strict=True):
        assert old in was and now == was.replace(old, new)
