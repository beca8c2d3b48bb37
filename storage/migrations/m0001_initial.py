"""Schema 1: records, history, audit log and replica metadata in archive.db.

Foreign keys are DEFERRABLE INITIALLY DEFERRED so that a sync bundle may deliver a link
before the records it links, as long as the whole bundle is consistent at commit.
"""

VERSION = 1

ENVELOPE = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""


def _ref(table: str) -> str:
    return f"REFERENCES {table}(id) DEFERRABLE INITIALLY DEFERRED"


STATEMENTS = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    f"""CREATE TABLE person ({ENVELOPE},
        display_name TEXT NOT NULL, birth_date TEXT, sex TEXT,
        notes TEXT NOT NULL DEFAULT '', risk_flags TEXT NOT NULL DEFAULT '[]')""",
    f"""CREATE TABLE person_name ({ENVELOPE},
        person_id TEXT NOT NULL {_ref("person")}, name TEXT NOT NULL,
        script TEXT NOT NULL, kind TEXT NOT NULL,
        folded TEXT NOT NULL DEFAULT '', name_key TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX person_name_person ON person_name(person_id)",
    "CREATE INDEX person_name_key ON person_name(name_key)",
    f"""CREATE TABLE case_file ({ENVELOPE},
        title TEXT NOT NULL, status TEXT NOT NULL, jurisdiction TEXT NOT NULL DEFAULT '',
        court TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '')""",
    f"""CREATE TABLE case_person ({ENVELOPE},
        case_id TEXT NOT NULL {_ref("case_file")}, person_id TEXT NOT NULL {_ref("person")},
        role TEXT NOT NULL)""",
    "CREATE INDEX case_person_case ON case_person(case_id)",
    "CREATE INDEX case_person_person ON case_person(person_id)",
    f"""CREATE TABLE event ({ENVELOPE},
        case_id TEXT NOT NULL {_ref("case_file")}, kind TEXT NOT NULL, date TEXT NOT NULL,
        date_lower TEXT, date_upper TEXT, place TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX event_case ON event(case_id, date_lower)",
    "CREATE INDEX event_lower ON event(date_lower)",
    f"""CREATE TABLE event_person ({ENVELOPE},
        event_id TEXT NOT NULL {_ref("event")}, person_id TEXT NOT NULL {_ref("person")})""",
    "CREATE INDEX event_person_event ON event_person(event_id)",
    f"""CREATE TABLE testimony ({ENVELOPE},
        witness_id TEXT NOT NULL {_ref("person")}, text TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '', recorded_at TEXT,
        recorded_where TEXT NOT NULL DEFAULT '', recorded_by TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        consent_scope TEXT NOT NULL
            CHECK (consent_scope IN ('none', 'lawyer_only', 'anonymised', 'public')),
        consent_date TEXT, consent_how TEXT NOT NULL DEFAULT '',
        consent_withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (consent_withdrawn IN (0, 1)))""",
    "CREATE INDEX testimony_witness ON testimony(witness_id)",
    f"""CREATE TABLE testimony_case ({ENVELOPE},
        testimony_id TEXT NOT NULL {_ref("testimony")},
        case_id TEXT NOT NULL {_ref("case_file")})""",
    "CREATE INDEX testimony_case_case ON testimony_case(case_id)",
    "CREATE INDEX testimony_case_testimony ON testimony_case(testimony_id)",
    f"""CREATE TABLE translation ({ENVELOPE},
        testimony_id TEXT NOT NULL {_ref("testimony")}, language TEXT NOT NULL,
        text TEXT NOT NULL, translator TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX translation_testimony ON translation(testimony_id)",
    f"""CREATE TABLE note ({ENVELOPE},
        text TEXT NOT NULL, case_id TEXT {_ref("case_file")},
        person_id TEXT {_ref("person")}, testimony_id TEXT {_ref("testimony")},
        CHECK (case_id IS NOT NULL OR person_id IS NOT NULL OR testimony_id IS NOT NULL))""",
    "CREATE INDEX note_case ON note(case_id)",
    f"""CREATE TABLE tag ({ENVELOPE}, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '')""",
    f"""CREATE TABLE tagging ({ENVELOPE},
        tag_id TEXT NOT NULL {_ref("tag")}, target_table TEXT NOT NULL,
        target_id TEXT NOT NULL)""",
    "CREATE INDEX tagging_target ON tagging(target_table, target_id)",
    """CREATE TABLE record_history (
        seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
        hlc TEXT NOT NULL, data TEXT NOT NULL, superseded_at TEXT NOT NULL)""",
    "CREATE INDEX record_history_record ON record_history(table_name, record_id)",
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, device TEXT NOT NULL,
        action TEXT NOT NULL, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
        record_hash TEXT NOT NULL, prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL)""",
    "CREATE INDEX audit_log_record ON audit_log(table_name, record_id)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
