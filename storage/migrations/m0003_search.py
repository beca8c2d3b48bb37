"""Schema 3: the full-text search index (one document per searchable record).

Layout, and why:

* ``search_doc`` is an ordinary table with one row per searchable record (person, case,
  event, testimony, note): the text that was indexed plus the columns results are filtered
  and shown by (kind, dates, consent-withdrawn flag). A document may combine several rows
  (a testimony with its translations; a person with all their names) and derived text
  (folded spellings, name keys, CJK runs), so it cannot point straight at one record table.
* ``search_words`` (unicode61, diacritics removed, combining marks kept inside words so
  Arabic-script words are not cut at a vowel sign) and ``search_grams`` (trigram, over the
  CJK runs only) are *external-content* FTS5 tables over ``search_doc``. The text is then
  stored once and shared by both indexes, and ``snippet()``/``highlight()`` still work —
  which a contentless table cannot do. A regular FTS5 table would store the text a second
  and third time. The price of external content is that deleting an entry needs the exact
  old values; storage/fts.py always reads them from ``search_doc`` itself, never from the
  (already changed) record, so index and content cannot drift apart.
* The trigram index covers CJK text only, the scripts where word tokenizing fails; its
  content is the view ``search_cjk`` (documents that have CJK runs). Indexing all text as
  trigrams measured ~1.6x the text size for little gain (alphabetic words are matched by
  prefix and by folded spelling instead); see bench/RESULTS.md, "Search".
* CJK queries of 1-2 characters are too short for a trigram. The CJK column is padded
  with two spaces, so every CJK character starts at least one trigram; such a query looks
  up the trigrams starting with it in ``search_grams_vocab`` and matches any of them. A
  character so common that it starts hundreds of trigrams is matched with LIKE over the
  CJK column instead, scanning recent documents first (matches are dense, so the scan
  stops early).
"""

from __future__ import annotations

VERSION = 3

WORDS_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
#: bm25 weights for (title, body, keys, nkeys): a hit in a title or a name counts most.
WORDS_RANK = "bm25(8.0, 1.0, 1.0, 4.0)"

STATEMENTS = [
    # small columns first: filters read them without walking a long body's overflow pages
    """CREATE TABLE search_doc (
        doc_id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        date TEXT, date_lower TEXT, date_upper TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
        nkeys TEXT NOT NULL DEFAULT '',
        cjk TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        keys TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX search_doc_kind ON search_doc(kind)",
    f"""CREATE VIRTUAL TABLE search_words USING fts5(
        title, body, keys, nkeys,
        content='search_doc', content_rowid='doc_id',
        tokenize="{WORDS_TOKENIZER}")""",
    # only documents that contain CJK text are in the trigram index
    "CREATE VIEW search_cjk AS SELECT doc_id, cjk FROM search_doc WHERE cjk <> ''",
    """CREATE VIRTUAL TABLE search_grams USING fts5(
        cjk, content='search_cjk', content_rowid='doc_id', tokenize='trigram')""",
    # the trigram vocabulary: 1-2 character CJK queries look up the trigrams they start
    "CREATE VIRTUAL TABLE search_grams_vocab USING fts5vocab(search_grams, 'row')",
    f"INSERT INTO search_words(search_words, rank) VALUES ('rank', '{WORDS_RANK}')",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    # An archive made before search existed gets its records indexed now, in the
    # migration's transaction (a no-op for a new, empty archive).
    from .. import fts

    fts.rebuild(conn)
