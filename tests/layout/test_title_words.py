"""Title break places: inside a known word, between two known words, or unknown."""

from reportgen.layout.title_words import BETWEEN_WORDS, INSIDE_A_WORD, UNKNOWN, break_kind


def at(text: str, marked: str) -> int:
    """The index of the break marked with | in `marked` (which is `text` with a |)."""
    assert marked.replace("|", "") == text
    return marked.index("|")


def test_a_break_inside_a_known_word_or_phrase_is_recognised():
    # set phrases count as words: 文化场馆, 工作总结
    for marked in ("文|化场馆", "文化|场馆", "图书|馆", "普|及工作", "安全|生产", "工作|总结"):
        text = marked.replace("|", "")
        assert break_kind(text, at(text, marked)) == INSIDE_A_WORD, marked


def test_a_break_between_two_known_words_is_a_word_edge():
    for marked in ("春季|文化场馆", "柳州市|图书馆", "消防|演练", "读者|借阅"):
        text = marked.replace("|", "")
        assert break_kind(text, at(text, marked)) == BETWEEN_WORDS, marked


def test_a_break_next_to_unknown_text_is_unknown():
    for marked in ("鼎|沸", "某某|乙丙"):
        text = marked.replace("|", "")
        assert break_kind(text, at(text, marked)) == UNKNOWN, marked
