"""Scanning scalars: the same value as libyaml for every style, each character's source span."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.yamlsrc.scalars import DOUBLE, FOLDED, LITERAL, PLAIN, SINGLE, scan

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scalars(text: str) -> list[tuple[yaml.ScalarNode, int]]:
    """Every scalar node of `text` with the column of the block collection holding it."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    found = []

    def walk(node, parent):
        if isinstance(node, yaml.ScalarNode):
            found.append((node, parent))
            return
        column = -1 if node.flow_style else node.start_mark.column
        children = node.value if isinstance(node, yaml.SequenceNode) else \
            [part for pair in node.value for part in pair]
        for child in children:
            walk(child, column)

    walk(root, -1)
    return found


def scanned(text: str, key: str):
    """The scan of the value of `key` (a top-level or nested key)."""
    nodes = scalars(text)
    for (key_node, _), (node, parent) in zip(nodes, nodes[1:], strict=False):
        if key_node.value == key:
            return scan(text, node, parent)
    raise KeyError(key)


@pytest.mark.parametrize("source, style, value, folded", [
    ("a: 全年，\n  较上年\n", PLAIN, "全年， 较上年", [3]),
    ("a: one\n\n  two\n", PLAIN, "one\ntwo", [3]),
    ("a: 'it''s\n   fine  \n\n  ok'\n", SINGLE, "it's fine\nok", [4, 9]),
    ('a: "x \\\n    y\\"\\u00e9\\t"\n', DOUBLE, 'x y"é\t', []),
    ('a: "  lead and trail  "\n', DOUBLE, "  lead and trail  ", []),
    ("a: >\n  one\n  two\n\n  three\n    more\n  four\n", FOLDED,
     "one two\nthree\n  more\nfour\n", [3, 7]),
    ("a: |-\n  l1\n\n  l2\n", LITERAL, "l1\n\nl2", []),
    ("a: >+\n  kept\n\n\nb: 1\n", FOLDED, "kept\n\n\n", []),
    ("a: >-\n  stripped\n\n", FOLDED, "stripped", []),
])
def test_each_style_gives_the_composers_value_and_marks_its_folds(source, style, value, folded):
    found = scanned(source, "a")
    assert (found.style, found.value, sorted(found.folded)) == (style, value, folded)


@pytest.mark.parametrize("source", [
    "a: >2\n   x\n   y\n",  # content one space deeper than the indicator asks: kept
    "list:\n  - >1\n    x\n    y\n",
    "list:\n- |2-\n    x\n   y\n",  # an indentless sequence counts from the mapping
    "outer:\n  inner: >3-\n       deep\n      line\n",
    "a: >\n\n  after a blank line\n",
    "a: >\n \n  a blank line with a space\n",
    "a: >\n  x\n      \n  y\n",  # a blank line with more spaces than the text
    "a: |+\n  x\n",  # no final line break at the end of the file
])
def test_indentation_indicators_and_blank_lines_match_libyaml(source):
    for node, parent in scalars(source):
        assert scan(source, node, parent) is not None, (source, node.value)


def test_spans_point_at_the_source_of_each_character():
    source = 'a: "他说\\"好\\"，\n  然后 x"\n'
    found = scanned(source, "a")
    assert found.value == '他说"好"， 然后 x'
    assert [source[s:e] for s, e in found.spans[:5]] == ["他", "说", '\\"', "好", '\\"']
    space = found.value.index(" ")
    assert space in found.folded and source[slice(*found.spans[space])] == "\n  "
    assert found.line_starts() == [space + 1]


def test_joined_drops_only_folding_spaces_the_rule_refuses():
    found = scanned("a: 全年， 较上年\n  增长 Open\n  Access\n", "a")
    joined = found.joined(lambda before, after: before.isascii() and after.isascii())
    assert joined.value == "全年， 较上年增长 Open Access"  # the typed space stays
    assert len(joined.spans) == len(joined.value)


def test_a_scan_that_differs_from_the_composer_gives_none():
    source = "a: one\n  two\n"
    node, parent = scalars(source)[1]
    node.value = "something else"
    assert scan(source, node, parent) is None


_WORD = st.text(st.sampled_from(list("全年较上增长abZ09,.:#-'\"\\é𫖯")), min_size=1, max_size=8)
TEXT = st.one_of(
    st.lists(_WORD, max_size=12).map(" ".join),  # words and spaces: every style can hold them
    st.text(st.sampled_from(list("全年ab Z09,.:#-'\"\\\t\n é𫖯")), max_size=60))
EXAMPLES = 400 if os.environ.get("CI") else 150


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXT, st.sampled_from([None, "'", '"', "|", ">"]), st.integers(4, 30),
       st.sampled_from(["top", "mapping", "sequence", "nested"]))
def test_any_text_in_any_style_scans_to_the_composers_value(value, style, width, place):
    data = {"top": value, "mapping": {"key": value}, "sequence": [value],
            "nested": {"a": [{"b": value}]}}[place]
    try:
        text = yaml.dump(data, default_style=style, width=width, allow_unicode=True)
    except yaml.YAMLError:
        return
    for node, parent in scalars(text):
        found = scan(text, node, parent)
        assert found is not None, (text, node.value)
        assert len(found.spans) == len(found.value)
