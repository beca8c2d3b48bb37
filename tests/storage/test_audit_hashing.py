"""storage.audit_hashing: verify's shortcuts must give the very bytes of the canonical
hashes (audit.entry_hash, canonical.record_hash), or every existing archive would fail
verify; and a value no hash can cover is a changed record, not a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.audit_hashing import RecordHasher, entry_digest, entry_text
from tumar.storage.canonical import canonical_json, record_hash
from tumar.storage.records import Person

ODD_TEXT = [
    "", "plain", 'quo"te', "back\\slash", "new\nline\ttab\r", "\x00\x1f\x7f", "Жаркент",
    "伊犁", "\u2028\u2029", "😀 emoji", "/slash", "\ufffd",
]  # fmt: skip
FIELDS = ("seq", "at", "device", "action", "table_name", "record_id", "record_hash")


def _canonical_entry(values: tuple) -> bytes:
    return canonical_json(dict(zip(FIELDS, values, strict=True)))


def test_entry_text_is_canonical_json_for_odd_strings() -> None:
    for text in ODD_TEXT:
        for position in range(1, 7):
            values = [7, "2026-11-27T15:00:00.000+00:00", "dev", "create", "person", "id", "h"]
            values[position] = text
            assert entry_text(*values) == _canonical_entry(tuple(values)), (position, text)
    for seq in (True, False, 1.0, "7", None, 2**70, -1, 0):
        values = (seq, "at", "dev", "create", "person", "id", "h")
        assert entry_text(*values) == _canonical_entry(values), seq


@settings(max_examples=150, deadline=None)
@given(
    seq=st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70), st.booleans(), st.floats(),
        st.text(max_size=5), st.none(),
    ),
    texts=st.one_of(
        st.lists(st.text(max_size=12), min_size=6, max_size=6),
        st.lists(
            st.one_of(st.text(max_size=12), st.integers(), st.none()), min_size=6, max_size=6
        ),
    ),
)  # fmt: skip
def test_entry_text_is_canonical_json_for_any_values(seq, texts) -> None:
    """Types the log never writes (a bool, a float, a text seq, a number as a field) take
    the general encoder: the result is still canonical_json's."""
    values = (seq, *texts)
    assert entry_text(*values) == _canonical_entry(values)


def test_entry_digest_is_entry_hash() -> None:
    values = (12, "2026-11-27T15:00:00.000+00:00", "dev", "update", "note", "n-1", "ab" * 32)
    fields = dict(zip(FIELDS, values, strict=True))
    assert entry_digest("f" * 64, *values) == audit.entry_hash(fields, "f" * 64)
    assert entry_digest("e" * 64, *values) != audit.entry_hash(fields, "f" * 64)


@settings(max_examples=100, deadline=None)
@given(
    row=st.dictionaries(
        st.text(min_size=1, max_size=8),
        st.one_of(
            st.text(max_size=20), st.integers(), st.none(),
            st.floats(allow_nan=False), st.booleans(),
        ),
        max_size=8,
    )
)  # fmt: skip
def test_record_digest_is_record_hash(row) -> None:
    row = {"id": "r-1", **row}
    hasher = RecordHasher("person", list(reversed(list(row))))  # any column order in
    assert hasher.digest(hasher.row(tuple(row[c] for c in hasher.columns))) == record_hash(
        "person", row
    )


def test_record_digest_refuses_a_blob() -> None:
    hasher = RecordHasher("person", ["id", "notes"])
    assert hasher.digest(hasher.row(("p-1", b"\x00"))) is None


def test_a_blob_written_with_the_key_is_a_changed_record(new_archive: Archive) -> None:
    """canonical_json cannot encode a blob: verify names the record instead of failing."""
    person = new_archive.repo.insert(Person(display_name="Aru"))
    conn = new_archive.records_db
    assert audit.verify(conn).problems == []
    conn.execute("UPDATE person SET notes = x'00ff' WHERE id = ?", (person.id,))
    problems = audit.verify(conn).problems
    assert problems == [
        f"person {person.id} was changed outside Tumar (it no longer matches audit entry #1)"
    ]


def test_a_kept_version_that_is_not_json_any_more_is_named(new_archive: Archive) -> None:
    """Rewritten with the key into something json cannot read: named, not a traceback."""
    person = new_archive.repo.insert(Person(display_name="Aru"))
    person.display_name = "Aru T"
    new_archive.repo.update(person)
    conn = new_archive.records_db
    for data in ("not json", b"\xff\xfe", 5):
        conn.execute("UPDATE record_history SET data = ?", (data,))
        assert audit.verify(conn).problems == [
            f"kept version #1 of person {person.id} was changed outside Tumar"
        ], data
