"""Text setting: styled text broken, justified and cut into runs of glyphs that share one font."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from weakref import WeakKeyDictionary

from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.fontface import Face
from reportgen.fontset import FontRegistry
from reportgen.layout.justify import Placed, justify
from reportgen.layout.linebreak import Line as Broken
from reportgen.layout.linebreak import break_lines
from reportgen.template import RoleStyle
from reportgen.writers.pdf.fonts import register

# Runs whose gaps differ by less than this share one character spacing (points).
_SAME_GAP = 0.005


@dataclass(frozen=True)
class Style:
    """How a span of text is set: faces in order of preference, size, (synthetic) bold and
    colour (six hex digits)."""

    faces: tuple[str, ...]
    size: float
    bold: bool = False
    color: str = "000000"

    @classmethod
    def of(cls, role: RoleStyle) -> Style:
        return cls(tuple(role.faces), role.size_pt, role.bold, role.color)


@dataclass(frozen=True)
class Run:
    """Glyphs drawn with one font from `x` (points from the text block's left edge), each
    followed by `spacing` points beyond its advance. `bold` asks for a stroked (synthetic)
    bold because the face itself is not bold."""

    font: str
    size: float
    bold: bool
    text: str
    x: float
    spacing: float = 0.0
    color: str = "000000"


Line = tuple[Run, ...]
"""One line of text as drawn: its runs, left to right."""

Span = tuple[str, Style]


class Metrics:
    """Which font draws each character of one style, and its advance at a horizontal scale."""

    def __init__(self, fonts: FontRegistry, style: Style, scale: float) -> None:
        self._fonts = fonts
        self._face = fonts.resolve(style.faces)
        self._style = style
        self._scale = scale
        self._glyphs: dict[str, tuple[str, float, bool]] = {}

    def glyph(self, ch: str) -> tuple[str, float, bool]:
        """(reportlab font name, advance in points, synthetic bold) for the character `ch`."""
        found = self._glyphs.get(ch)
        if found is None:
            face: Face = self._fonts.split_by_coverage(ch, self._face)[0][0]
            font = register(face)
            size = self._style.size
            advance = stringWidth(ch, font, size) * self._scale
            found = self._glyphs[ch] = (font, advance, self._style.bold and not face.bold)
        return found

    @property
    def size(self) -> float:
        return self._style.size

    @property
    def color(self) -> str:
        return self._style.color

    def advance(self, ch: str) -> float:
        return self.glyph(ch)[1]

    def width(self, text: str) -> float:
        return sum(self.glyph(ch)[1] for ch in text)


# Metrics live as long as their font registry, so that later documents reuse the widths.
_METRICS: WeakKeyDictionary[FontRegistry, dict[tuple[Style, float], Metrics]] = \
    WeakKeyDictionary()


class Setter:
    """Sets text for one document: metrics per style, lines per paragraph."""

    def __init__(self, fonts: FontRegistry, scale: float) -> None:
        self.fonts = fonts
        self.scale = scale
        self._metrics = _METRICS.setdefault(fonts, {})

    def metrics(self, style: Style, scale: float | None = None) -> Metrics:
        key = (style, self.scale if scale is None else scale)
        if key not in self._metrics:
            self._metrics[key] = Metrics(self.fonts, style, key[1])
        return self._metrics[key]

    def em(self, style: Style) -> float:
        """The advance of one full-width character of `style` on the grid."""
        return style.size * self.scale

    def paragraph(self, spans: Sequence[Span], width: float, *, first_indent: float = 0.0,
                  indent: float = 0.0, align: str = "justify") -> list[Line]:
        """Spans set as one paragraph `width` points wide; all lines but the last justified when
        `align` is justify. Every span is broken and justified as one text."""
        text, advance, metrics_at = self._combined(spans)
        broken = break_lines(text, advance, width, first_indent=first_indent, indent=indent)
        last_align = "left" if align == "justify" else align
        return [self._line(text, line, justify(line, advance,
                                                align=last_align if line.last else align),
                           metrics_at) for line in broken]

    def centred(self, text: str, style: Style, width: float) -> list[Line]:
        """A line of a title (``titlefit`` found it fits) centred in `width`."""
        metrics = self.metrics(style)
        return [self._line(text, line, justify(line, metrics.advance, align="center"),
                           lambda _: metrics) for line in break_lines(text, metrics.advance, width)]

    def single(self, text: str, style: Style, x: float, scale: float | None = None) -> Line:
        """`text` set unbroken at natural advances from `x`."""
        metrics = self.metrics(style, scale)
        chars = []
        for ch in text:
            font, advance, bold = metrics.glyph(ch)
            chars.append((ch, font, style.size, bold, style.color, x, advance))
            x += advance
        return _runs(chars)

    def _combined(self, spans: Sequence[Span]):
        """The spans' text, its advance function and the metrics of the span holding index i.

        A character that occurs in two spans set in faces of different widths (digits of a
        run-in heading) gets the wider advance, so that glyphs never overlap.
        """
        text = "".join(t for t, _ in spans)
        if len(spans) == 1:
            metrics = self.metrics(spans[0][1])
            return text, metrics.advance, lambda _: metrics
        widths: dict[str, float] = {}
        ends = []
        end = 0
        for part, style in spans:
            metrics = self.metrics(style)
            for ch in set(part):
                widths[ch] = max(widths.get(ch, 0.0), metrics.advance(ch))
            end += len(part)
            ends.append((end, metrics))

        def advance(ch: str) -> float:  # the breaker also asks for characters not in the text
            width = widths.get(ch)
            if width is None:
                width = widths[ch] = max(m.advance(ch) for _, m in ends)
            return width

        def metrics_at(index: int) -> Metrics:
            return next(m for e, m in ends if index < e)

        return text, advance, metrics_at

    @staticmethod
    def _line(text: str, line: Broken, placed: Sequence[Placed], metrics_at) -> Line:
        chars = []
        at = line.start
        for piece in placed:  # the pieces' texts joined are text[line.start:line.end]
            metrics = metrics_at(at)
            x = piece.x + piece.shift
            size, color = metrics.size, metrics.color
            for ch in piece.text:
                font, advance, bold = metrics.glyph(ch)
                chars.append((ch, font, size, bold, color, x, advance))
                x += advance
            at += len(piece.text)
        return _runs(chars)


def _runs(chars: Iterable[tuple[str, str, float, bool, str, float, float]]) -> Line:
    """Characters (ch, font, size, bold, colour, x, advance) grouped into runs of one font and
    colour whose gaps between glyphs are all equal, so that each run is one string with a
    character spacing."""
    runs: list[Run] = []
    text: list[str] = []
    current: tuple[str, float, bool, str] | None = None
    start = end = 0.0
    gap: float | None = None
    for ch, font, size, bold, color, x, advance in chars:
        here = (font, size, bold, color)
        if current == here and (gap is None or abs(x - end - gap) < _SAME_GAP):
            if gap is None:
                gap = x - end
            text.append(ch)
        else:
            if current is not None:
                runs.append(_run(current, text, start, gap))
            current, text, start, gap = here, [ch], x, None
        end = x + advance
    if current is not None:
        runs.append(_run(current, text, start, gap))
    return tuple(runs)


def _run(current: tuple[str, float, bool, str], text: list[str], start: float,
         gap: float | None) -> Run:
    font, size, bold, color = current
    return Run(font, size, bold, "".join(text), start, gap or 0.0, color)


def shifted(line: Line, dx: float) -> Line:
    """`line` moved `dx` points to the right."""
    return tuple(replace(run, x=run.x + dx) for run in line)
