"""Styles known by id, by name, or by the style they are based on, as each program saves them."""

from __future__ import annotations

import pytest

from reportgen.pull.styles import CONTINUED, Styles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def styles(*defs: str) -> Styles:
    return Styles.parse(f'<w:styles xmlns:w="{W}">{"".join(defs)}</w:styles>'.encode())


def style(sid: str, name: str, based: str | None = None, kind: str = "paragraph",
          link: str | None = None, default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"{flag}><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + (f'<w:link w:val="{link}"/>' if link else "") + "</w:style>")


@pytest.mark.parametrize("sid, name, role", [
    ("Heading2", "heading 2", "heading2"),      # Word keeps both
    ("2", "heading 2", "heading2"),             # a Chinese Word's built-in id
    ("3", "标题 2", "heading2"),                # WPS's Chinese name
    ("Style13", "计划条目", "plan_item"),        # LibreOffice renamed the id
    ("Caption1", "caption", "caption"),
    ("Style22", "附件说明（续）", CONTINUED),
    ("Normal", "正文", "body"),
    ("TextBody", "Body Text", "body"),
])
def test_a_style_is_known_by_its_id_or_name(sid, name, role):
    assert styles(style(sid, name)).role(sid) == role


def test_a_derived_style_is_the_style_it_is_based_on():
    found = styles(style("Heading3", "heading 3"),
                   style("Heading3Num1", "标题 3（01）", based="Heading3"))
    assert found.role("Heading3Num1") == "heading3" and found.is_ours("Heading3Num1")


def test_a_foreign_style_based_on_normal_is_body_but_not_ours():
    found = styles(style("Normal", "Normal", default=True), style("Quote", "Quote", "Normal"))
    assert found.role("Quote") == "body" and not found.is_ours("Quote")
    assert found.role(None) == "body" and found.is_ours(None)


def test_character_styles_mark_run_in_headings():
    found = styles(style("Heading1", "heading 1", link="Heading1Char"),
                   style("Heading1Char", "Heading 1 Char", kind="character", link="Heading1"),
                   style("X1", "段中正文", kind="character"),
                   style("Emphasis", "Emphasis", kind="character"))
    assert found.run_kind("Heading1Char") == "heading1"
    assert found.run_kind("RunInText") == "text" and found.run_kind("X1") == "text"
    assert found.run_kind("Emphasis") is None and found.run_kind(None) is None
