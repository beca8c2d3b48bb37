"""app.text_diff: the words two versions of a text do not share, and nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.app.text_diff import MAX_TOKENS, Piece, word_diff

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
    assert _changed(mine) == [] and _changed(theirs) == ["younger "]


def test_short_values_and_unrelated_texts_are_compared_whole() -> None:
    assert word_diff("Qaisha Aqan", "Kaisha Akan") is None  # a name: two words
    assert word_diff(BASE, "An entirely different statement about a hearing in Almaty.") is None
    huge = "word " * (MAX_TOKENS // 2 + 1)
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
