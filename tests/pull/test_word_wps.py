"""DOCX shaped as Word and WPS write them back after an editor's revision (hand-written XML in
tests/fixtures/pull/, modelled on what those programs save), pulled into the report."""

from __future__ import annotations

import shutil

import pytest
import yaml

from reportgen.cli import main
from reportgen.pull.run import pull
from tests.conftest import ROOT
from tests.pull.helpers import built, parts, rezipped

FIXTURES = ROOT / "tests" / "fixtures" / "pull"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPES = {"comments": "application/vnd.openxmlformats-officedocument.wordprocessingml."
                      "comments+xml",
          "commentsExtended": "application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.commentsExtended+xml"}


def revised(tmp_path, program: str):
    """handout.yaml built, then its DOCX replaced by what `program` saved: (report, docx)."""
    for name in ("handout.yaml", "branches.csv"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    report = tmp_path / "handout.yaml"
    docx = built(report, tmp_path / "out")
    data = parts(docx)
    data["word/document.xml"] = (FIXTURES / f"{program}-document.xml").read_bytes()
    if (FIXTURES / f"{program}-styles.xml").exists():
        data["word/styles.xml"] = (FIXTURES / f"{program}-styles.xml").read_bytes()
    rels = data["word/_rels/document.xml.rels"].decode()
    types = data["[Content_Types].xml"].decode()
    for part, file, kind in (("comments", "comments", _OFFICE + "comments"),
                             ("commentsExtended", "comments-extended",
                              "http://schemas.microsoft.com/office/2011/relationships/"
                              "commentsExtended")):
        if (FIXTURES / f"{program}-{file}.xml").exists():
            data[f"word/{part}.xml"] = (FIXTURES / f"{program}-{file}.xml").read_bytes()
            rels = rels.replace("</Relationships>", f'<Relationship Id="rId9{len(part)}" '
                                f'Type="{kind}" Target="{part}.xml"/></Relationships>')
            types = types.replace("</Types>", f'<Override PartName="/word/{part}.xml" '
                                  f'ContentType="{_TYPES[part]}"/></Types>')
    data["word/_rels/document.xml.rels"] = rels.encode()
    data["[Content_Types].xml"] = types.encode()
    docx.write_bytes(rezipped(data))
    return report, docx


def test_word_tracked_changes_are_refused_with_who_and_what(tmp_path, capsys):
    report, docx = revised(tmp_path, "word")
    before = report.read_bytes()
    assert main(["pull", str(docx)]) == 1
    messages = capsys.readouterr().err
    assert "2 tracked changes" in messages and "--accept-revisions" in messages
    assert "inserted (张三, 2026-03-05): 「主要」" in messages
    assert "deleted (张三, 2026-03-05): 「报办公室」" in messages
    assert "handout.yaml:17 (body[1].body[0])" in messages  # where each one is in the YAML
    assert report.read_bytes() == before


def test_word_revision_accepted_carries_every_change_back(tmp_path, capsys):
    report, docx = revised(tmp_path, "word")
    assert main(["pull", str(docx), "--accept-revisions"]) == 0
    captured = capsys.readouterr()
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    text = report.read_text(encoding="utf-8")
    assert data["data"]["checks"] == 29  # 27 typed over as 29: the figure, not the sentence
    assert "checks: 29            # 安全检查次数" in text
    assert "{{ checks }}" in text
    body = data["body"]
    assert body[1]["body"] == ["各部门主要负责人是本部门安全生产第一责任人。", "3月10日前备案。"]
    assert "   # who answers for safety" in text
    assert [b.get("section") for b in body[1:]] == ["压实安全责任", "全面排查隐患", "落实值班值守",
                                                    "加强应急演练"]
    assert body[3] == {"section": "落实值班值守", "body": ["节假日实行领导带班和24小时值班。"]}
    assert "branches.csv row 2 column 2: not carried back: cell '352' → '353': the file is " \
           "not rewritten" in captured.err
    assert (tmp_path / "branches.csv").read_text(encoding="utf-8") == \
        (FIXTURES / "branches.csv").read_text(encoding="utf-8")
    review = captured.out
    assert "批注 (comments) in handout.docx: 2" in review
    assert "李四, 2026-03-05 on 「疏散演练」: 请写明演练的具体日期" in review
    assert "↳ 张三, 2026-03-05: 已与保卫科确认，4月20日" in review
    assert "changed data `checks`: 27 → 29" in review


def test_wps_changed_computed_figure_is_a_conflict_and_nothing_is_written(tmp_path, capsys):
    report, docx = revised(tmp_path, "wps")
    before = report.read_bytes()
    assert main(["pull", str(docx)]) == 1
    err = capsys.readouterr().err
    assert "body[0]: the editor changed text an expression computes from `visitors`, " \
           "`visitors_before`" in err
    assert "the YAML prints: …18.6万人次，同比+22.4%。" in err
    assert "the DOCX reads:  …18.6万人次，同比+25.0%。" in err
    assert "--prefer docx" in err
    assert report.read_bytes() == before


def test_wps_revision_pulled_keeping_the_expression(tmp_path, capsys):
    report, docx = revised(tmp_path, "wps")
    assert main(["pull", str(docx), "--prefer", "yaml"]) == 0
    captured = capsys.readouterr()
    text = report.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert "{{ growth(visitors, visitors_before) }}" in text
    assert data["addressee"] == "馆内各部门、各分馆"
    assert data["body"][1]["body"] == ["各部门负责人是本部门安全生产第一责任人。"]
    plan = data["body"][3]["body"][0]["plan"]
    assert plan == ["组织消防疏散演练", "开展突发事件应急处置演练"]  # the typed 2. taken off
    assert data["attachments"] == ["安全检查安排表", "隐患整改台账（样表）"]
    assert data["signature"]["date"].isoformat() == "2026-03-06"
    assert "  date: 2026-03-06\n" in text
    for loss in ("bold on 「消防设施」", "a picture", "a field (DATE), kept as its text"):
        assert f"not carried back: {loss}" in captured.err
    assert "kept paragraph (computed; the editor's text left out)" in captured.out
    assert "王五, 2026-03-06 on 「科李堃」: 请补上联系电话" in captured.out


def test_wps_computed_text_given_to_the_editor(tmp_path, capsys):
    report, docx = revised(tmp_path, "wps")
    assert main(["pull", str(docx), "--prefer", "docx"]) == 0
    out = capsys.readouterr().out
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    assert data["body"][0] == "全馆开展安全检查27次，接待群众18.6万人次，同比+25.0%。"
    assert "its expression replaced by the editor's text" in out


@pytest.mark.parametrize("program", ["word", "wps"])
def test_a_pulled_revision_rebuilds_to_the_editors_text_and_pulls_as_nothing(tmp_path, program,
                                                                              capsys):
    report, docx = revised(tmp_path, program)
    flags = ["--accept-revisions"] if program == "word" else ["--prefer", "docx"]
    assert main(["pull", str(docx), *flags]) == 0
    edited = tmp_path / "edited.docx"
    shutil.copy(docx, edited)
    # what the report cannot hold (the CSV cell, a picture) stays in the DOCX: build asks for
    # --force and keeps it as a backup
    assert main(["build", str(report), "-o", str(tmp_path / "out"), "--format", "docx"]) == 3
    assert main(["build", str(report), "-o", str(tmp_path / "out"), "--format", "docx",
                 "--force"]) == 0
    after = report.read_bytes()
    result = pull(edited, report, accept_revisions=True, prefer="docx")
    assert not result.changes and result.after.encode("utf-8") == after
