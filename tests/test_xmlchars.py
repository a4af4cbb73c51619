"""Escaping text written into XML by hand: whatever the text, a parser reads it back unchanged."""

from xml.etree import ElementTree

import pytest

from reportgen.xmlchars import escaped, quoted_attribute

TEXTS = ["仿宋_GB2312", 'A & B <C> "D" \'E\'', "行一\n行二\t制表\r", "]]>", "&amp; already"]


@pytest.mark.parametrize("text", TEXTS)
def test_a_parser_reads_escaped_text_and_attributes_back_unchanged(text):
    element = ElementTree.fromstring(f"<a value={quoted_attribute(text)}>{escaped(text)}</a>")
    assert element.get("value") == text
    assert element.text == text.replace("\r", "\n")  # XML normalises line ends in content
