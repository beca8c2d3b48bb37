"""The audit chain's two hashes, computed for verify's pass over every entry and record.

Byte for byte the hashes of audit.entry_hash and canonical.record_hash (the format is
fixed: every existing archive and bundle carries them); only the way there is shorter.
Why: verify hashes each audit entry and each record once, 730,000 hashes for 100,000
testimonies, and the general encoder spent more time setting itself up, sorting keys and
checking for cycles than encoding such small objects.

- An entry's fields are seven known keys: when they have the types the log writes (an
  int and six strings), the canonical text is put together from JSON's own string
  escaping in sorted-key order; anything else goes through canonical_json.
- A record's columns are sorted once per table (records_sql selects them in that order),
  so one encoder made once, without key sorting or a cycle check, gives the same text.
"""

from __future__ import annotations

import hashlib
from json import encoder as _json
from typing import Any

from .canonical import canonical_json

#: JSON's string escaping (C), the one canonical_json's encoder uses with ensure_ascii=False
_escape = _json.encode_basestring


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# (markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys,
#  allow_nan): canonical.py's options, keys already in order, no cycles in database rows
_encode_sorted = _json.c_make_encoder(None, _not_json, _escape, None, ":", ",", False, False, True)


def entry_text(
    seq: Any, at: Any, device: Any, action: Any, table: Any, record_id: Any, rec_hash: Any
) -> bytes:
    """canonical_json of an entry's fields (audit.append's dict)."""
    if type(seq) is int and all(
        type(v) is str for v in (at, device, action, table, record_id, rec_hash)
    ):
        return (
            f'{{"action":{_escape(action)},"at":{_escape(at)},"device":{_escape(device)},'
            f'"record_hash":{_escape(rec_hash)},"record_id":{_escape(record_id)},'
            f'"seq":{int.__repr__(seq)},"table_name":{_escape(table)}}}'
        ).encode()
    return canonical_json(
        {"seq": seq, "at": at, "device": device, "action": action, "table_name": table,
         "record_id": record_id, "record_hash": rec_hash}
    )  # fmt: skip


def entry_digest(prev_hash: str, *fields: Any) -> str:
    """audit.entry_hash(fields, prev_hash), fields in audit_log's column order."""
    return hashlib.sha256(prev_hash.encode("ascii") + entry_text(*fields)).hexdigest()


class RecordHasher:
    """canonical.record_hash for the rows of one table, read by `sql` (columns sorted)."""

    def __init__(self, table: str, columns: list[str]) -> None:
        self.table = table
        self.columns = sorted(columns)
        quoted = ", ".join(f'"{c}"' for c in self.columns)
        self.sql = f'SELECT {quoted} FROM "{table}" ORDER BY id'  # noqa: S608

    def row(self, values: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(self.columns, values, strict=True))

    def digest(self, row: dict[str, Any]) -> str | None:
        """None: a value JSON cannot hold (a blob written with the key): no hash matches."""
        try:
            text = "".join(_encode_sorted({"row": row, "table": self.table}, 0))
        except (TypeError, ValueError):
            return None
        return hashlib.sha256(text.encode()).hexdigest()
