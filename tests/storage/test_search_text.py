"""folded_words against its definition: the folds of a text's words minus every token the
plain index already has for any of its words. The cache (storage.search_text.FoldCache)
keeps per-word shortcuts across documents; these tests make sure the shortcuts never change
a document's folds, whatever was cached before it."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.storage.namefold import fold_name
from tumar.storage.search_text import CJK_RUN, FoldCache, _plain_tokens, folded_words


def by_definition(texts: list[str]) -> str:
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(unicodedata.normalize("NFC", text).split())
    folds: set[str] = set()
    plain: set[str] = set()
    for word in words:
        alphabetic = CJK_RUN.sub(" ", word)
        folds.update(fold_name(alphabetic).split())
        plain.update(_plain_tokens(alphabetic))
    return " ".join(sorted(folds - plain))


# words that fold onto each other across scripts, so collisions are common
PIECES = [
    "Алматы", "Almaty", "almati", "Almati", "Қорғас", "Qorğas", "korgas", "Korgas", "Жаркент",
    "jarkent", "Zharkent", "ٴۇرىمجى", "Үрімжі", "urimji", "霍尔果斯", "Ile", "Іле",
    "O'Brien", "obrien", "Şeker", "sheker", "ş", "e\u0301", "é", "the", "a-b", "А-б",
]  # fmt: skip
word = st.one_of(
    st.sampled_from(PIECES),
    st.text(alphabet="aqkyzhшжқңәöüи'’-.,é\u0301霍 ", min_size=1, max_size=8),
)
text = st.lists(word, max_size=12).map(" ".join)


def test_a_fold_that_another_word_indexes_plainly_is_left_out() -> None:
    cache = FoldCache()
    assert folded_words(["Алматы"], cache) == "almati"
    assert folded_words(["Almati"], cache) == ""
    # both words now cached: the fold of one is the plain token of the other
    assert folded_words(["Алматы сот", "Almati"], cache) == "sot"
    assert folded_words(["Алматы", None, ""], cache) == "almati"  # type: ignore[list-item]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(text, min_size=1, max_size=3), min_size=1, max_size=8))
def test_equal_to_the_definition_with_one_cache_across_documents(documents) -> None:
    cache = FoldCache()
    for texts in documents:
        assert folded_words(texts, cache) == by_definition(texts)
        assert folded_words(texts) == by_definition(texts)  # and without a cache


def test_clearing_the_cache_forgets_words_and_owners() -> None:
    cache = FoldCache()
    assert folded_words(["Алматы Almati"], cache) == ""
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and not cache.owners
    assert folded_words(["Алматы"], cache) == "almati"
