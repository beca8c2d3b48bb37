"""app.text_diff: the words two versions of a text do not share, and nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.app.text_diff import MAX_WORDS, Piece, word_diff

BASE = "Қайша was taken to the camp at night, with her two brothers, in 2017."


def _changed(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces if p.changed]


def test_one_changed_word_is_the_only_mark_on_each_side() -> None:
    result = word_diff(BASE, BASE.replace("night,", "dawn,"))
    assert result is not None
    mine, theirs = result
    assert (_changed(mine), _changed(theirs)) == (["night,"], ["dawn,"])
    assert "".join(p.text for p in mine) == BASE


def test_an_insertion_is_marked_on_its_side_only() -> None:
    longer = BASE.replace("two brothers", "two younger brothers")
    mine, theirs = word_diff(BASE, longer)  # type: ignore[misc]
    assert _changed(mine) == [] and _changed(theirs) == ["younger"]


def test_short_values_and_unrelated_texts_are_compared_whole() -> None:
    assert word_diff("Qaisha Aqan", "Kaisha Akan") is None  # a name: two words
    assert word_diff(BASE, "An entirely different statement about a hearing in Almaty.") is None
    huge = "word " * (MAX_WORDS // 2 + 1)
    assert word_diff(huge, huge + "more") is None


def test_whitespace_alone_is_not_an_edit() -> None:
    mine, theirs = word_diff(BASE, BASE.replace(" at ", "  at "))  # type: ignore[misc]
    assert _changed(mine) == [] and _changed(theirs) == []


words = st.lists(st.sampled_from(["Қайша", "camp", "night", "2017", "بالا", "其", "the"]),
                 min_size=0, max_size=30)  # fmt: skip
spaces = st.sampled_from([" ", "  ", "\n", " \n\n"])


@settings(max_examples=300, deadline=None)
@given(words, words, spaces)
def test_pieces_put_back_together_are_the_texts(a: list[str], b: list[str], gap: str) -> None:
    mine, theirs = gap.join(a), gap.join(b)
    result = word_diff(mine, theirs)
    if result is None:
        return
    left, right = result
    assert "".join(p.text for p in left) == mine
    assert "".join(p.text for p in right) == theirs
    # what is not marked is the same words, in the same order, on both sides
    kept = [w for p in left if not p.changed for w in p.text.split()]
    assert kept == [w for p in right if not p.changed for w in p.text.split()]
    assert all(p.text for p in left + right)


def test_a_changed_phrase_is_one_mark_with_its_spaces() -> None:
    mine, theirs = word_diff(BASE, BASE.replace("two brothers", "three sisters"))  # type: ignore[misc]
    assert _changed(mine) == ["two brothers,"] and _changed(theirs) == ["three sisters,"]


def test_pages_of_repeated_sentences_still_match_word_for_word() -> None:
    """No "junk" heuristic: in pages of testimony every space and most words repeat, and
    difflib's autojunk would drop them and find the texts unrelated."""
    pages = "Қайша was taken to the camp at night. " * 200
    result = word_diff(pages.replace("at night.", "at dawn.", 1), pages + "She was released.")
    assert result is not None
    assert (_changed(result[0]), _changed(result[1])) == (
        ["dawn."],
        ["night.", "She was released."],
    )


def test_a_changed_phrase_at_either_end_is_one_mark() -> None:
    mine, theirs = word_diff("X Y a b c d e f", "P Q a b c d e f")  # type: ignore[misc]
    assert (_changed(mine), _changed(theirs)) == (["X Y"], ["P Q"])
    mine, theirs = word_diff("a b c d e f X Y", "a b c d e f P Q")  # type: ignore[misc]
    assert (_changed(mine), _changed(theirs)) == (["X Y"], ["P Q"])
    mine, _theirs = word_diff(" X a b c d e f Z", " Y a b c d e f W")  # type: ignore[misc]
    assert [p.text for p in mine] == [" ", "X", " a b c d e f ", "Z"]  # a leading space: unmarked


def test_the_limits_are_where_they_say() -> None:
    five, six = "a b c d e", "a b c d e f"
    assert word_diff(five, five.replace("e", "E")) is None  # MIN_WORDS = 6
    assert word_diff(six, six.replace("f", "F")) is not None
    # shared words: 3 of 10 on each side is 30 % (marked), 2 of 10 is not
    assert word_diff("a b c 1 2 3 4 5 6 7", "a b c 8 9 0 x y z w") is not None
    assert word_diff("a b 1 2 3 4 5 6 7 8", "a b 9 0 x y z w v u") is None
    # MAX_WORDS counts both texts' words together
    half = "w " * (MAX_WORDS // 2)
    assert word_diff(half, half) is not None
    assert word_diff(half, half + "x") is None
    # one word repeated for pages, changed at both ends: too many equal pairs to weigh
    many = "w " * 1500  # 1,500 × 1,500 pairs
    assert word_diff("x " + many, many + "x") is None
    assert word_diff("x " + many[:2000], many[:2000] + "x") is not None  # 1,000 × 1,000


def test_pieces_say_exactly_which_are_changed() -> None:
    """`changed` is a bool on every piece, the leading spaces' and a joined piece's too (the
    window and the CLI test it with `is`/`==` as well as for truth)."""
    mine, theirs = word_diff("  X a b c d e f", "  Y a b c d e f")  # type: ignore[misc]
    assert mine == [Piece("  ", False), Piece("X", True), Piece(" a b c d e f", False)]
    assert theirs == [Piece("  ", False), Piece("Y", True), Piece(" a b c d e f", False)]


def test_equal_pairs_at_the_limit_are_still_weighed() -> None:
    """MAX_PAIRS is the most weighed, not the first refused: 1,000 × 2,000 is marked."""
    assert word_diff("x " + "w " * 1000, "w " * 2000 + "y") is not None
    assert word_diff("x " + "w " * 1001, "w " * 2000 + "y") is None
