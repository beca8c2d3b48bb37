"""search_query's pieces with exact expected FTS5 text: what reaches FTS5 is decided here,
so each rule (quoting, phrases, prefixes, limits, CJK runs) is pinned on its own."""

from __future__ import annotations

import unicodedata

from tumar.app import search_query as sq


def words(text: str) -> list[tuple[list[str], bool, list[str]]]:
    return [(t.words, t.phrase, t.cjk) for t in sq.parse(text)]


def test_clean_makes_any_input_bounded_nfc_text() -> None:
    assert sq.clean(None) == "" and sq.clean(12) == "12"
    assert sq.clean("a\ud800") == "a?"
    assert sq.clean("x" * 600) == "x" * sq.MAX_QUERY_CHARS and sq.MAX_QUERY_CHARS == 500
    assert sq.clean(unicodedata.normalize("NFD", "Ürümqi")) == "Ürümqi"


def test_quotes_make_phrases_and_a_lone_quote_is_a_separator() -> None:
    assert words('a "b c" "d') == [(["a"], False, []), (["b", "c"], True, []), (["d"], False, [])]
    assert words('"b c"') == [(["b", "c"], True, [])]
    assert words('"one"') == [(["one"], False, [])]  # a one-word phrase is a word
    assert words('x"y') == [(["x"], False, []), (["y"], False, [])]
    assert words('"a b" "c d" e"f') == [
        (["a", "b"], True, []), (["c", "d"], True, []), (["e"], False, []), (["f"], False, []),
    ]  # fmt: skip


def test_words_keep_letters_digits_and_marks_only() -> None:
    assert words("Zaisan, 2019! (court)") == [(["Zaisan"], False, []), (["2019"], False, []),
                                              (["court"], False, [])]  # fmt: skip
    assert words("a\u0301b \u0301 \u0301\u0308") == [(["\u00e1b"], False, [])]  # NFC
    assert words("Zaisan 伊犁哈萨克 x") == [
        (["Zaisan"], False, []), ([], False, ["伊犁哈萨克"]), (["x"], False, []),
    ]  # fmt: skip
    assert words("abc伊犁def") == [(["abc", "def"], False, ["伊犁"])]
    assert words("🙂 ( ) * :") == []


def test_at_most_sixteen_terms() -> None:
    assert len(sq.parse(" ".join(f"w{i}" for i in range(40)))) == sq.MAX_TERMS == 16
    assert sq.parse(" ".join(f"w{i}" for i in range(40)))[-1].words == ["w15"]


def test_quoting_doubles_inner_quotes() -> None:
    assert sq.quote('a"b') == '"a""b"' and sq.quote("") == '""'


def test_term_expressions() -> None:
    [short] = sq.parse("ab")
    assert sq.term_expression(short) == '(({title body keys} : "ab") OR {nkeys} : "ab")'
    [word] = sq.parse("Tilek")
    assert sq.term_expression(word) == '(({title body keys} : "tilek"*) OR {nkeys} : "tlk")'
    [phrase] = sq.parse('"Жаркент Қорғас"')
    assert sq.term_expression(phrase) == (
        '(({title body keys} : "жаркент қорғас"* OR {title body} : "jarkent korgas"*)'
        ' OR {nkeys} : ("jrknt" AND "krgs"))'
    )
    [loose] = sq.parse("Zharkent Korgas")[:1]
    assert sq.term_expression(loose) == (
        '(({title body keys} : "zharkent"* OR {title body keys} : "jarkent"*) OR {nkeys} : "jrknt")'
    )
    assert sq.term_expression(sq.parse("伊犁")[0]) is None


def test_words_expression_joins_terms_with_and() -> None:
    assert sq.words_expression(sq.parse("ab cd")) == (
        '(({title body keys} : "ab") OR {nkeys} : "ab") AND '
        '(({title body keys} : "cd") OR {nkeys} : "cd")'
    )
    assert sq.words_expression(sq.parse("伊犁")) is None
    assert sq.words_expression([]) is None


def test_cjk_runs_by_length() -> None:
    terms = sq.parse("伊犁哈 伊犁 营 伊犁哈萨克")
    assert sq.trigram_runs(terms) == ["伊犁哈", "伊犁哈萨克"] and sq.TRIGRAM_CHARS == 3
    assert sq.short_cjk(terms) == ["伊犁", "营"]


def test_name_keys_only_for_names_of_two_words_or_more() -> None:
    assert sq.name_query_keys(sq.parse("Tilek Tabarak")) == '{nkeys} : ("tlk" AND "tbrk")'
    assert sq.name_query_keys(sq.parse('"Tilek Tabarak"')) == '{nkeys} : ("tlk" AND "tbrk")'
    assert sq.name_query_keys(sq.parse("Tilek")) is None
    assert sq.name_query_keys(sq.parse("Tilek Tabarak 伊犁")) is None


def test_spelling_expression_for_full_names_only() -> None:
    assert sq.spelling_expression(["tilek tabarak", "x"]) == (
        '{title body keys} : ("tilek"* AND "tabarak"*)'
    )
    assert sq.spelling_expression(["ab cd", "ef gh"]) == (
        '{title body keys} : ("ab" AND "cd") OR {title body keys} : ("ef" AND "gh")'
    )
    assert sq.spelling_expression(["single"]) is None and sq.spelling_expression([]) is None


def test_survivors_of_the_first_mutation_run() -> None:
    """Each line was a mutant that survived (tests/MUTATION.md)."""
    # a lone quote before two words leaves them loose words, not a phrase
    assert words('a "b c') == [(["a"], False, []), (["b"], False, []), (["c"], False, [])]
    # the term keeps what was typed for it
    assert [t.text for t in sq.parse('a "b c" d')] == ["a", "b c", "d"]
    # private-use characters (names in fonts of their own) are word characters
    assert words("\ue000\ue001") == [(["\ue000\ue001"], False, [])]
    # three letters are enough for a prefix match
    assert sq.term_expression(sq.parse("abc")[0]) == (
        '(({title body keys} : "abc"*) OR {nkeys} : "abc")'
    )
    # words joined by punctuation are separate words, not a phrase
    assert sq.term_expression(sq.parse("ab-cd")[0]) == (
        '(({title body keys} : ("ab" AND "cd")) OR {nkeys} : ("ab" AND "cd"))'
    )
