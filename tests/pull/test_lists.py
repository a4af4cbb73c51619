"""numbering.xml as pull reads it: each instance's list definition and the levels it restarts."""

from __future__ import annotations

from reportgen.pull.lists import Lists

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_instances_their_definitions_and_restarts():
    xml = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="1"/>'
           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
           '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"/>'
           '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
           '<w:num w:numId="x"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()
    lists = Lists.parse(xml)
    assert lists.definitions == {2: 1, 3: 1}
    assert lists.restarts(3, 1) and not lists.restarts(3, 0) and not lists.restarts(2, 0)
    assert lists.definition(9) is None and Lists.parse(None).definitions == {}
