"""Tests for reportgen.layout.linebreak."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.layout.justify import justify
from reportgen.layout.linebreak import Line, break_lines
from tests.layout.stress_corpus import (
    CLOSING_MARKS,
    COLUMN,
    LONG_TOKEN,
    OPENING_MARKS,
    PER_LINE,
    PITCH,
    TOKENS,
    filler,
    grid_advance,
    long_token_paragraphs,
    stress_paragraphs,
)

# The checker's own tables, written from CLREQ and GB/T 15834, not taken from the breaker.
NEVER_FIRST = set(CLOSING_MARKS)
NEVER_LAST = set(OPENING_MARKS)
FULL_WIDTH_MARKS = set("，。、；：？！）》」』】〕〉〗”’（《「『【〔〈〖“‘")
ADDRESS_BREAKS = "/.-@"  # a URL or e-mail over a quarter of a line may break after these
SEAM_DASHES = "-‐‑‒–—―"  # any token may break after these rather than leave a line too loose
YEAR_OPENINGS = "〔［【["  # a document number may break before its bracketed year
TOO_LOOSE = 0.5  # ems between characters
TOLERANCE = 0.01


def violations(text: str, lines: list[Line]) -> list[str]:
    """Every broken rule, described; an empty list for a good set of lines."""
    found = []
    if [line.text for line in lines] != [text[line.start : line.end] for line in lines]:
        found.append("a line's text is not its slice of the paragraph")
    edges = [0] + [i for line in lines for i in (line.start, line.end)] + [len(text)]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        if text[a:b].strip(" "):
            found.append(f"characters lost between lines: {text[a:b]!r}")
    for a, b in zip(lines, lines[1:], strict=False):
        if b.text[0] in NEVER_FIRST:
            found.append(f"closing mark starts a line: {a.text}|{b.text}")
        if a.text[-1] in NEVER_LAST:
            found.append(f"opening mark ends a line: {a.text}|{b.text}")
        if a.text[-1] in "—…" and b.text[0] == a.text[-1]:
            found.append(f"dash or ellipsis split: {a.text}|{b.text}")
    for token in (*TOKENS, LONG_TOKEN):
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            home = next(line for line in lines if line.start <= start < line.end)
            if glued_width(text, start, end) <= home.width:
                address = "://" in token or "@" in token or token.startswith("www.")
                long_address = address and sum(map(grid_advance, token)) > home.width / 4
                for line in lines:
                    if not start < line.end < end:
                        continue
                    date_parts = text[line.end - 1] in "年月" and text[line.end].isdigit()
                    too_loose = too_loose_without(text, line, start)
                    address_break = text[line.end - 1] in ADDRESS_BREAKS and (
                        long_address or address and too_loose)
                    seam = at_a_seam(text, line.end) and too_loose
                    if not (date_parts or address_break or seam or before_a_year(text, line.end)):
                        found.append(f"token broken: {token}")
            start = text.find(token, end)
    for line in lines:
        natural = sum(map(grid_advance, line.text))
        if abs(natural - line.natural) > TOLERANCE:
            found.append(f"natural width {line.natural} should be {natural}: {line.text}")
        if natural - sum(amount for _, amount in line.squeeze) > line.width + TOLERANCE:
            found.append(f"over the margin: {line.text}")
        found += squeeze_violations(line)
    return found


def at_a_seam(text: str, end: int) -> bool:
    """Whether a line ending at ``end`` parts a token after a hyphen or dash joining two letters
    or digits, or at the space after a designation (ISBN| 978-…)."""
    before = text[end - 1]
    if text[end] == " ":
        return before.isalpha()
    return before in SEAM_DASHES and text[end - 2].isalnum() and text[end].isalnum()


def before_a_year(text: str, end: int) -> bool:
    """Whether a line ending at ``end`` parts a document number between its issuer's code and
    its bracketed year (桂文旅发|〔2026〕12号), as a date parts between its units."""
    return text[end] in YEAR_OPENINGS and "\u4e00" <= text[end - 1] <= "\u9fff"


def too_loose_without(text: str, line: Line, token_start: int) -> bool:
    """Whether ``line`` without the head of the token starting at ``token_start`` (and the
    opening marks glued to it) would have opened gaps wider than half an em."""
    start = token_start
    while start > line.start and text[start - 1] in NEVER_LAST:
        start -= 1
    rest = text[line.start:start].rstrip(" ")
    if len(rest) < 2:
        return True
    return (line.width - sum(map(grid_advance, rest))) / (len(rest) - 1) > TOO_LOOSE * PITCH


def glued_width(text: str, start: int, end: int) -> float:
    """Width of text[start:end] with the opening marks before it and closing marks after it."""
    while start > 0 and text[start - 1] in NEVER_LAST:
        start -= 1
    while end < len(text) and text[end] in NEVER_FIRST:
        end += 1
    return sum(map(grid_advance, text[start:end]))


def squeeze_violations(line: Line) -> list[str]:
    """A squeeze takes half of a full-width mark, and only at the line end, beside another mark
    or, in a line pushed in, anywhere; no more than one em beyond what pairs of marks give."""
    found = []
    alone = 0.0
    for index, amount in line.squeeze:
        k = index - line.start
        mark = line.text[k]
        beside = line.text[k - 1 : k] + line.text[k + 1 : k + 2]
        if mark not in FULL_WIDTH_MARKS or abs(amount - grid_advance(mark) / 2) > 1e-9:
            found.append(f"bad squeeze of {mark!r} by {amount}")
        elif k != len(line.text) - 1 and not set(beside) & FULL_WIDTH_MARKS:
            alone += amount
            if line.fit != "push-in":
                found.append(f"squeezed {mark!r} neither at the line end nor beside a mark")
    if alone > PITCH + 1e-9:
        found.append(f"{alone:.1f} pt squeezed out of lone marks, more than an em")
    return found


def justified_width(line: Line) -> float:
    placed = justify(line, grid_advance)
    return placed[-1].x + placed[-1].width - line.offset


def test_the_stress_corpus_is_large_and_covers_every_offset():
    paragraphs = stress_paragraphs()
    assert len(paragraphs) >= 300
    assert len(set(paragraphs)) == len(paragraphs)
    for mark in "，。）”——……":
        offsets = {p.index(mark) for p in paragraphs if mark in p[:40]}
        assert set(range(30)) <= offsets


@pytest.mark.parametrize(
    ("width", "first_indent"),
    [
        (COLUMN, 0.0),
        (COLUMN, 2 * PITCH),
        (12 * PITCH, 0.0),
        (12 * PITCH, 2 * PITCH),
        (5 * PITCH, 0),
    ],
    ids=["28-chars", "28-chars-indented", "12-chars", "12-chars-indented", "5-chars"],
)
def test_the_stress_corpus_breaks_without_violations(width, first_indent):
    for text in stress_paragraphs() + long_token_paragraphs():
        lines = break_lines(text, grid_advance, width, first_indent=first_indent)
        assert violations(text, lines) == [], text
        for line in lines[:-1]:
            if len(line.text) > 1:  # one character alone cannot be spread over a line
                assert justified_width(line) == pytest.approx(line.width, abs=TOLERANCE)


def test_a_token_longer_than_the_line_is_cut_after_a_slash_without_overflow():
    lines = break_lines("网址：" + LONG_TOKEN + "。", grid_advance, COLUMN)
    assert lines[0].text.endswith("/") or lines[0].text.endswith("-")
    assert all(line.set_width <= line.width + TOLERANCE for line in lines)
    assert "".join(line.text for line in lines) == "网址：" + LONG_TOKEN + "。"


@pytest.mark.parametrize("mark", CLOSING_MARKS)
def test_a_closing_mark_due_at_a_line_start_pulls_a_character_with_it(mark):
    text = filler(28) + mark + filler(10, seed=3)
    lines = break_lines(text, grid_advance, COLUMN)
    assert lines[1].text[0] not in NEVER_FIRST
    assert mark in lines[0].text or lines[1].text[1] == mark


@pytest.mark.parametrize("mark", OPENING_MARKS)
def test_an_opening_mark_due_at_a_line_end_goes_down(mark):
    text = filler(27) + mark + filler(10, seed=3)
    lines = break_lines(text, grid_advance, COLUMN)
    assert lines[0].text[-1] == filler(27)[-1]
    assert lines[1].text[0] == mark
    assert lines[0].fit == "push-out"


@pytest.mark.parametrize("pair", ["——", "……"])
def test_a_dash_or_ellipsis_pair_is_never_parted(pair):
    text = filler(27) + pair + filler(10, seed=3)
    lines = break_lines(text, grid_advance, COLUMN)
    assert pair in lines[0].text or lines[1].text.startswith(pair) or pair in lines[1].text


def test_a_whole_dash_may_start_a_line_but_a_lone_connector_may_not():
    dash = break_lines(filler(28) + "——" + filler(10, seed=3), grid_advance, COLUMN)
    assert dash[0].text == filler(28)
    assert dash[1].text.startswith("——")
    connector = break_lines(filler(28) + "—" + filler(10, seed=3), grid_advance, COLUMN)
    assert connector[1].text[0] != "—"


def test_a_middle_dot_stays_with_the_character_before_it():
    lines = break_lines(filler(28) + "·柳州站", grid_advance, COLUMN)
    assert lines[1].text.startswith(filler(28)[-1] + "·")


def test_a_closing_quote_after_a_full_stop_is_pushed_in():
    text = filler(27) + "。”" + filler(10, seed=3)
    first = break_lines(text, grid_advance, COLUMN)[0]
    assert first.text.endswith("。”")
    assert first.fit == "push-in"
    assert first.squeeze == ((27, PITCH / 2), (28, PITCH / 2))
    assert first.set_width == pytest.approx(COLUMN)


def test_a_lone_comma_due_at_a_line_start_pushes_the_last_character_out():
    text = filler(28) + "，" + filler(10, seed=3)
    first, second = break_lines(text, grid_advance, COLUMN)[:2]
    assert first.fit == "push-out"
    assert first.text == filler(27)
    assert second.text.startswith(filler(28)[-1] + "，")
    assert justified_width(first) == pytest.approx(COLUMN, abs=TOLERANCE)


def test_a_small_overrun_is_pushed_in_by_squeezing_the_line_end_mark():
    text = filler(26) + "AB。" + filler(10, seed=3)  # 27 em + 16 pt: 0.2 pt over
    first = break_lines(text, grid_advance, COLUMN)[0]
    assert first.text.endswith("AB。")
    assert first.fit == "push-in"
    assert first.squeeze == ((28, pytest.approx(PITCH / 2)),)  # half width, not a sliver
    assert first.set_width == pytest.approx(COLUMN - PITCH / 2 + 0.2, abs=0.05)
    placed = justify(first, grid_advance)
    assert placed[-1].x + placed[-1].width == pytest.approx(COLUMN)


def test_a_number_with_its_unit_is_not_parted():
    text = filler(26) + "192万人次" + filler(10, seed=3)
    lines = break_lines(text, grid_advance, COLUMN)
    assert any("192万人次" in line.text for line in lines)


def test_a_token_is_cut_after_wan_when_with_its_comma_it_outgrows_the_line():
    lines = break_lines("读者192万人次，新办读者证", grid_advance, 5 * PITCH)
    assert [line.text for line in lines][:3] == ["读者", "192万", "人次，新办"]
    assert lines[1].fit == "split"


def test_spaces_between_latin_words_break_and_are_dropped():
    text = "Reading promotion activities were held across the city library network"
    lines = break_lines(text, grid_advance, 12 * PITCH)
    assert len(lines) > 1
    assert all(not line.text.startswith(" ") and not line.text.endswith(" ") for line in lines)
    assert " ".join(line.text for line in lines) == text


def test_a_space_between_ideographs_is_kept_mid_line_and_dropped_at_the_ends():
    text = "  推进珍贵古籍数字化项目，完成 8部 入选文献的影像制作  "
    lines = break_lines(text, grid_advance, COLUMN)
    assert [line.text for line in lines] == [text.strip()]
    narrow = break_lines("古籍数字化项目完成 8部", grid_advance, 7 * PITCH)
    assert [line.text for line in narrow] == ["古籍数字化项目", "完成 8部"]


def test_indents_set_offsets_and_widths():
    text = filler(80)
    lines = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH, indent=3 * PITCH)
    assert (lines[0].offset, lines[0].width) == (2 * PITCH, COLUMN - 2 * PITCH)
    assert all((ln.offset, ln.width) == (3 * PITCH, COLUMN - 3 * PITCH) for ln in lines[1:])
    assert [len(line.text) for line in lines] == [26, 25, 25, 4]
    assert [line.last for line in lines] == [False, False, False, True]


def test_an_empty_paragraph_has_no_lines():
    assert break_lines("", grid_advance, COLUMN) == []
    assert break_lines("   ", grid_advance, COLUMN) == []


ALPHABET = st.sampled_from(
    list("柳州市图书馆阅读推广古籍") * 4
    + list("，。、；：？！）》」”’（《「“…—·％")
    + list("aZ09 .-@/:%()")
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=120), chars=st.integers(4, 30))
def test_every_character_lands_once_in_order_and_nothing_overflows(text, chars):
    width = chars * PITCH
    lines = break_lines(text, grid_advance, width, first_indent=2 * PITCH)
    # Invariant: ''.join(line texts) is the text less the spaces dropped at breaks, because each
    # line is its own slice of the text, the slices come in order, and only spaces lie outside.
    edges = [0] + [i for line in lines for i in (line.start, line.end)] + [len(text)]
    assert all(a <= b for a, b in zip(edges, edges[1:], strict=False))
    assert set("".join(text[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True))) <= {" "}
    for line in lines:
        assert line.text == text[line.start : line.end]
        assert line.text.strip(" ") == line.text != ""
        assert line.set_width <= line.width + TOLERANCE
    for a, b in zip(lines, lines[1:], strict=False):
        if b.text[0] in NEVER_FIRST or a.text[-1] in NEVER_LAST:
            assert a.fit == "forced", (a.text, b.text)
    assert [line.last for line in lines] == [False] * (len(lines) - 1) + [True] * bool(lines)


@pytest.mark.parametrize("pair", ["），", "。”", "》《", "、“", "）（", "”“", "（「", "：“", "”。"])
def test_adjacent_marks_around_a_bracket_or_quote_take_one_and_a_half_ems(pair):
    text = filler(10) + pair + filler(5, seed=2)
    [line] = break_lines(text, grid_advance, COLUMN)
    assert line.set_width == pytest.approx((len(text) - 0.5) * PITCH)
    assert [amount for _, amount in line.squeeze] == [PITCH / 2]
    squeezed = text[line.squeeze[0][0]]
    assert squeezed == (pair[1] if pair == "（「" else pair[0])  # the blank between the inks


@pytest.mark.parametrize("pair", ["？！", "。，", "！！"])
def test_two_stops_side_by_side_keep_their_full_widths(pair):
    [line] = break_lines(filler(10) + pair + filler(5), grid_advance, COLUMN)
    assert line.squeeze == ()


def test_a_line_compresses_marks_before_it_spreads_its_characters():
    # 19 ideographs after the 2-em indent leave 7 ems: “1924万人次”， (7.5 ems) does not fit,
    # and moving it down would open 0.37 em between the ideographs. Squeezing “ and ， fits it.
    quoted = "“1924万人次”，"
    text = filler(19) + quoted + filler(30, seed=3)
    first = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)[0]
    assert first.text == filler(19) + quoted and first.fit == "push-in"
    assert first.squeeze == ((19, PITCH / 2), (27, PITCH / 2), (28, PITCH / 2))  # “ ”， ，
    assert first.set_width <= first.width + TOLERANCE
    # With room for all but half an em of a quote after a full line, nothing is squeezed.
    tight = break_lines(filler(24) + quoted + filler(30, seed=3), grid_advance, COLUMN)[0]
    assert tight.text == filler(24) and tight.squeeze == ()


def test_a_long_address_is_cut_after_a_mark_rather_than_leaving_a_loose_line():
    lines = break_lines(filler(22) + "office@example.org全年", grid_advance, COLUMN)
    assert lines[0].text == filler(22) + "office@" and lines[0].fit == "split"
    url = break_lines(filler(22) + "https://example.org/a/b全年", grid_advance, COLUMN)
    assert url[0].text == filler(22) + "https://"
    short = break_lines(filler(24) + "lib@163.com全年", grid_advance, COLUMN)  # 5.2 ems
    assert short[0].text == filler(24) and short[1].text.startswith("lib@163.com")


def test_a_date_is_cut_between_its_parts_rather_than_leaving_a_loose_line():
    lines = break_lines(filler(22) + "2026年2月3日召开", grid_advance, COLUMN)
    assert lines[0].text == filler(22) + "2026年2月" and lines[1].text.startswith("3日")


def test_a_token_that_must_stay_whole_goes_down_whole_up_to_half_an_em_of_gaps():
    lines = break_lines(filler(22) + "GB/T 9704—2012规定", grid_advance, COLUMN)
    assert lines[0].text == filler(22) and lines[1].text.startswith("GB/T 9704—2012")


@pytest.mark.parametrize("before", range(12, 27))
def test_a_number_stays_with_its_measure_word_and_ordinal_at_every_offset(before):
    for token in ("3 000字", "第12期", "10 km", "2026年3月5日"):
        text = filler(before) + token + "以内" + filler(20, seed=2)
        lines = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)
        start = text.index(token)
        breaks = [line.end for line in lines if start < line.end < start + len(token)]
        assert all(text[end - 1] in "年月" for end in breaks), [line.text for line in lines]


def test_a_token_is_cut_at_a_seam_rather_than_open_gaps_over_half_an_em():
    """17 ideographs after the indent leave 9 ems, too few for the ISBN (11 ems here): moved
    whole, it would spread the 17 over 26 ems, 0.56 em between each. Cut after a hyphen, the
    line is full; the same cut is refused where moving the token whole opens no more than
    half an em (20 ideographs: 0.32 em)."""
    isbn = "ISBN 978-7-5013-6543-2"
    for before in range(12, 27):
        text = filler(before) + isbn + "后续文字。"
        first = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)[0]
        placed = justify(first, grid_advance)
        gaps = [b.x - a.x - a.width for a, b in zip(placed, placed[1:], strict=False)]
        assert max(gaps) <= 0.5 * PITCH
        cut = filler(before) < first.text < filler(before) + isbn
        assert not cut or first.text[-1] in "-" or first.text.endswith("ISBN")
    cut = break_lines(filler(17) + isbn, grid_advance, COLUMN, first_indent=2 * PITCH)
    assert cut[0].text.startswith(filler(17) + "ISBN") and cut[0].fit == "split"
    whole = break_lines(filler(20) + isbn, grid_advance, COLUMN, first_indent=2 * PITCH)
    assert whole[0].text == filler(20) and whole[1].text.startswith(isbn)


@pytest.mark.parametrize("run", ["…" * 2000, "—" * 2000, "_" * 2000, "·" * 2000])
def test_a_run_of_marks_longer_than_a_line_fills_lines_instead_of_one_mark_each(run):
    """2,000 marks fill about 72 lines of 28; one mark a line made 2,000 lines (181 pages)."""
    text = f"前文{run}后文。"
    lines = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)
    assert len(lines) <= len(text) // 28 + 2
    assert "".join(line.text for line in lines) == text
    assert all(line.natural <= line.width + TOLERANCE for line in lines)
    assert all(line.natural > line.width - PITCH for line in lines[:-1])  # no line left short
    assert len(lines[0].text) > 2  # (前 alone, then 文____… was the line before)
    if run[0] in "…—":  # the two halves of …… and —— stay together
        marks = [line.text.count(run[0]) for line in lines[:-1]]
        assert all(count % 2 == 0 for count in marks), marks


@pytest.mark.parametrize("number", ["桂文旅发〔2026〕12号", "（国卫办医政函〔2021〕123号）",
                                    "市委〔2026〕12号", "〔2026〕12号", "[2026]12号",
                                    "国办发［2026］3号", "【2026】12号", "第12号"])
def test_a_document_number_parts_only_before_its_bracketed_year(number):
    """发文字号 (GB/T 9704 7.2.4): 〔2026〕|12号 broke here. Its code and its bracketed year may
    part, as a date's parts may, rather than leave the line before it loose."""
    year = next((k for k, ch in enumerate(number) if ch in YEAR_OPENINGS), 0)
    for before in range(PER_LINE + 2):
        text = filler(before) + number + "文件精神" + filler(20, seed=2)
        lines = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)
        start = text.index(number)
        breaks = [line.end - start for line in lines if start < line.end < start + len(number)]
        assert breaks in ([], [year]), [line.text for line in lines]
        if breaks:  # only where the whole number did not fit
            assert sum(map(grid_advance, text[lines[0].start:start + len(number)])) > \
                lines[0].width
        for line in lines[:-1]:
            placed = justify(line, grid_advance)
            gaps = [b.x - a.x - a.width for a, b in zip(placed, placed[1:], strict=False)]
            assert max(gaps) <= TOO_LOOSE * PITCH + TOLERANCE


def test_a_document_number_wider_than_its_line_is_cut_before_its_year():
    """With the six ideographs before it taken for its code, the number is wider than a line
    of 12: cut where it may part, not where the line is full (〔2026〕12|号)."""
    lines = break_lines("用效益最大化〔2026〕12号全年策划", grid_advance, 12 * PITCH)
    assert [line.text for line in lines] == ["用效益最大化", "〔2026〕12号全年策划"]
