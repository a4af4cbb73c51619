"""Ahead of a layout: load the faces a template sets text in and measure a text's characters.

The PDF of a single report is laid out in a helper process that is ready well before the
report has been read and checked (build.py). The first layout in a process spends about a
third of its time on work that needs no document: reading each face, registering it with
reportlab, finding which face covers each character and how wide it is. Done here while the
helper waits, that work is off the critical path; the layout then finds it in the caches of
`fonts.register` and `text.Setter`, which live as long as the font registry.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.fontset import FontRegistry
from reportgen.template import DEFAULT_TEMPLATE, Template, load_template
from reportgen.writers.pdf.fonts import register
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.text import Setter, Style


def warm_up(fonts: FontRegistry, template: Template, text: str) -> None:
    """Register the face of every role of `template`, and measure every distinct character of
    `text` (the report's source: what its body will mostly hold) in the body's style."""
    setter = Setter(fonts, Grid.of(template).scale)
    for face in {fonts.resolve(role.faces) for role in template.roles.values()}:
        register(face)
    body = setter.metrics(Style.of(template.role("body")))
    for ch in set(text):
        if not ch.isspace():
            body.glyph(ch)


_TEMPLATE_LINE = re.compile(r"""^template:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def warm_up_on_source(fonts: FontRegistry, source: str, template: str | None,
                      report: Path) -> None:
    """`warm_up` on a report's source text, not yet read: with the template named `template`,
    else the one its top-level `template:` line names (a guess: the report is read later),
    else the default. Raises what loading the template or a face raises."""
    named = _TEMPLATE_LINE.search(source) if template is None else None
    name = template or (named.group(1) if named else DEFAULT_TEMPLATE)
    warm_up(fonts, load_template(name, report), source)
