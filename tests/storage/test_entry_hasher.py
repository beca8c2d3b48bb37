"""The restore's fast audit-entry hash is byte for byte audit.entry_hash (storage/bulk.py).

Record ids come from bundles, so any text: quotes, backslashes, control characters,
line separators, other scripts and astral characters must be escaped exactly as the
canonical JSON encoder escapes them, or the restored chain would not verify.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.storage.audit import GENESIS, entry_hash
from tumar.storage.bulk import EntryHasher
from tumar.storage.canonical import record_hash, record_hash_of_text, row_text

_text = st.text(
    st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be UTF-8 at all
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(
    at=_text, device=_text, action=_text, table=_text, record_id=_text,
    seq=st.integers(min_value=0, max_value=2**63), digest=_text,
)  # fmt: skip
def test_same_bytes_as_entry_hash(
    at: str, device: str, action: str, table: str, record_id: str, seq: int, digest: str
) -> None:
    fields = {
        "seq": seq, "at": at, "device": device, "action": action, "table_name": table,
        "record_id": record_id, "record_hash": digest,
    }  # fmt: skip
    hasher = EntryHasher(at, device, action)
    for prev in (GENESIS, "ab" * 32):
        assert hasher(prev, seq, table, record_id, digest) == entry_hash(fields, prev)


def test_awkward_ids() -> None:
    hasher = EntryHasher("2026-01-01T00:00:00.000+00:00", "d" * 32, "import")
    for record_id in ('a"b', "a\\b", "\x00\x1f\x7f", "\u2028\u2029", "Қайша", "𠀋", "é"):
        fields = {
            "seq": 7, "at": "2026-01-01T00:00:00.000+00:00", "device": "d" * 32,
            "action": "import", "table_name": "person", "record_id": record_id,
            "record_hash": "f" * 64,
        }  # fmt: skip
        assert hasher(GENESIS, 7, "person", record_id, "f" * 64) == entry_hash(fields, GENESIS)


_value = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False), _text,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(table=_text, row=st.dictionaries(_text, _value, max_size=12))
def test_record_hash_of_text_is_record_hash(table: str, row: dict) -> None:
    """A restore hashes each version from the canonical text it also inserts
    (storage/bulk_fresh.py): the digest must be the one verify recomputes."""
    assert record_hash_of_text(table, row_text(row)) == record_hash(table, row)
