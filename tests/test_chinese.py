"""Which characters read as Chinese, and the rule for joining two lines."""

from reportgen.chinese import is_chinese, is_han, joins_with_space


def test_ideographs_and_full_width_marks_are_chinese_latin_and_ambiguous_marks_are_not():
    assert all(is_chinese(ch) for ch in "汉𫖯〇，。、：（）《》々")
    assert not any(is_chinese(ch) for ch in "aZ9 ,.“”—…é")
    assert not is_chinese("")


def test_han_are_the_ideographs_of_every_extension_not_marks_kana_or_hangul():
    assert all(is_han(ch) for ch in "汉㐀𫖯䶮㮾〇豈１")  # 𫖯: Extension C; 豈: compatibility
    assert not any(is_han(ch) for ch in "。，）あア한a9")
    assert not is_han("")


def test_lines_join_with_a_space_only_between_latin_words_and_numbers():
    assert not joins_with_space("，", "较")
    assert not joins_with_space("n", "资")
    assert not joins_with_space("段", "2")
    assert joins_with_space("n", "A") and joins_with_space("5", "6")
