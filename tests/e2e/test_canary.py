"""No plaintext on disk: a random canary written into every kind of record never shows up
in any file under the archive folder, TMPDIR or HOME (UTF-8, UTF-16-LE or UTF-16-BE).

HOME, TMPDIR (and the XDG folders, SQLITE_TMPDIR) point at fresh folders before anything
runs, for the CLI child processes and for this process alike, so a stray cache, temp or
journal file would land where the scan looks. The scan is checked against a plaintext
file written on purpose, so "zero hits" cannot come from a scan that finds nothing.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from tumar.app import lifecycle, testimonies
from tumar.storage.namefold import fold_name, name_key
from tumar.storage.records import (
    NAME_KINDS,
    SCRIPTS,
    Case,
    Event,
    Note,
    Person,
    PersonName,
    Tag,
    Tagging,
    Testimony,
    Translation,
)

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
ARCHIVE_FILES = {"tumar.json", "archive.db", "media.db"}


def needles(canaries: Iterable[str]) -> dict[bytes, str]:
    """Byte patterns to look for: each canary and the forms storage derives from it."""
    found: dict[bytes, str] = {}
    for canary in canaries:
        for form in {canary, canary.lower(), canary.upper(), fold_name(canary), name_key(canary)}:
            for encoding in ENCODINGS:
                found[form.encode(encoding)] = f"{form!r} as {encoding}"
    return found


def scan(roots: Iterable[Path], patterns: dict[bytes, str]) -> tuple[list[str], list[Path]]:
    """(hits as 'path: what', files scanned) for every regular file below `roots`."""
    hits: list[str] = []
    scanned: list[Path] = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            scanned.append(path)
            data = path.read_bytes() + b"\0" + str(path.relative_to(root)).encode("utf-8")
            hits += [f"{path}: {what}" for pattern, what in patterns.items() if pattern in data]
    return hits, scanned


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Fresh HOME and TMPDIR for this process and every child; returns the folders."""
    home, tmp, work = (tmp_path / name for name in ("home", "tmp", "work"))
    for folder in (home, tmp, work):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("TMPDIR", "TMP", "TEMP", "SQLITE_TMPDIR"):
        monkeypatch.setenv(var, str(tmp))
    for var, sub in (
        ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):  # fmt: skip
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setattr(tempfile, "tempdir", None)  # forget the temp dir chosen earlier
    assert Path(tempfile.gettempdir()) == tmp
    return {"home": home, "tmp": tmp, "work": work}


def test_scan_finds_a_plaintext_canary(tmp_path: Path) -> None:
    """Control: the scanner sees every encoding and derived form it claims to look for."""
    latin, cyrillic = "TumarCanary" + secrets.token_hex(8), "Канарейка" + secrets.token_hex(8)
    patterns = needles([latin, cyrillic])
    samples = {
        "a.txt": latin.encode("utf-8"),
        "b.txt": b"\xff\xfe" + f"x {cyrillic} y".encode("utf-16-le"),
        "c.bin": b"\x00" * 100 + latin.encode("utf-16-be") + b"\x01" * 100,
        "d/e.txt": f"folded: {fold_name(cyrillic)}".encode(),
        "f.txt": cyrillic.encode("utf-8"),
    }
    for name, data in samples.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / "clean.txt").write_text("nothing to see", encoding="utf-8")
    hits, scanned = scan([tmp_path], patterns)
    assert len(scanned) == len(samples) + 1
    for name in samples:
        assert any(hit.startswith(f"{tmp_path / name}:") for hit in hits), name
    assert not any("clean.txt" in hit for hit in hits)


def test_canary_never_reaches_disk_in_plaintext(
    sandbox: dict[str, Path], run_tumar, passphrase: str
) -> None:
    latin = "TumarCanary" + secrets.token_hex(8)
    cyrillic = "Канарейка" + secrets.token_hex(8)
    canary = f"{latin} {cyrillic}"
    folder = sandbox["work"] / "canary.tumar"
    env = {"TUMAR_ARCHIVE": str(folder)}

    def cli(*args: str, stdin: str | None = None) -> str:
        result = run_tumar(*args, input=stdin, env=env)
        assert result.returncode == 0, (args[:2], result.stderr)
        return result.stdout.strip()

    cli("init", str(folder))

    def form(*args: str, **fields: object) -> str:
        return cli(*args, "--from-file", "-", stdin=json.dumps(fields, ensure_ascii=False))

    names = [f"{canary} {script}-{kind}|{script}|{kind}" for script in SCRIPTS
             for kind in NAME_KINDS]  # fmt: skip
    person_id = form(
        "person", "add", display_name=canary, notes=canary, sex=canary, risk_flags=[canary],
        birth_date="1989~", names=names,
    )  # fmt: skip
    gone_id = form("person", "add", display_name=f"{canary} (to delete)", notes=canary)
    cli("person", "delete", gone_id)
    form("person", "edit", person_id, notes=f"edited {canary}", names=[f"{canary} extra"])
    case_id = form("case", "add", title=canary, court=canary, summary=canary, jurisdiction=canary)
    form("case", "edit", case_id, summary=f"edited {canary}")
    cli("case", "link", case_id, person_id, "--role", "witness")
    event_id = form(
        "event", "add", "--case", case_id, "--kind", "detention", "--person", person_id,
        date="2019-10?", place=canary, description=canary, source=canary,
    )  # fmt: skip
    testimony_id = form(
        "testimony", "add", "--witness", person_id, "--case", case_id, "--consent",
        "lawyer_only", text=f"{canary}\n" * 50, language="kk", recorded_at="2019-11",
        recorded_where=canary, recorded_by=canary, source=canary, consent_date="2019-11",
        consent_how=canary,
    )  # fmt: skip
    form("testimony", "translate", testimony_id, language="ru", translator=canary, text=canary)
    cli("testimony", "withdraw-consent", testimony_id)
    cli("note", "add", "--case", case_id, stdin=canary)
    cli("note", "add", "--person", person_id, "--file", "-", stdin=canary)
    assert "OK" in cli("verify", str(folder))
    # reading must not spill either (sorting, result sets, temp tables)
    for args in (("person", "show", person_id), ("case", "show", case_id), ("person", "list")):
        shown = cli(*args)
        assert latin in shown and cyrillic in shown, args
    cli("testimony", "list")

    # what the CLI has no command for goes through the Python API, in this process
    with lifecycle.open_archive(folder, passphrase) as archive:
        repo = archive.repo
        tag = repo.insert(Tag(name=canary, description=canary))
        repo.insert(Tagging(tag_id=tag.id, target_table="person", target_id=person_id))
        testimonies.add_translation(archive, testimony_id, "en", canary, translator=canary)
        testimonies.add_note(archive, canary, testimony_id=testimony_id)
        tag.description = f"edited {canary}"
        repo.update(tag)

        # the canary really is in every field it was given to (else zero hits proves nothing)
        person = repo.get(Person, person_id)
        stored = [person.display_name, person.notes, person.sex, *person.risk_flags]
        person_names = repo.find(PersonName, {"person_id": person_id})
        assert {(n.script, n.kind) for n in person_names} >= {
            (s, k) for s in SCRIPTS for k in NAME_KINDS
        }
        stored += [n.name for n in person_names]
        case = repo.get(Case, case_id)
        stored += [case.title, case.court, case.summary, case.jurisdiction]
        event = repo.get(Event, event_id)
        stored += [event.place, event.description, event.source]
        testimony = repo.get(Testimony, testimony_id)
        stored += [testimony.text, testimony.recorded_where, testimony.recorded_by]
        stored += [testimony.source, testimony.consent_how]
        translations = repo.find(Translation, {"testimony_id": testimony_id})
        stored += [t.text for t in translations] + [t.translator for t in translations]
        stored += [n.text for n in repo.find(Note)]
        stored += [t.name for t in repo.find(Tag)] + [t.description for t in repo.find(Tag)]
        assert len(stored) >= 4 + 25 + 4 + 3 + 5 + 4 + 3 + 2
        assert all(latin in text and cyrillic in text for text in stored), stored
        assert repo.get(Person, gone_id, include_deleted=True).deleted
        assert testimony.consent_withdrawn and len(translations) == 2

    assert {p.name for p in folder.iterdir()} == ARCHIVE_FILES

    roots = [folder, sandbox["tmp"], sandbox["home"]]
    hits, scanned = scan(roots, needles([latin, cyrillic]))
    assert {folder / name for name in ARCHIVE_FILES} <= set(scanned)
    assert (folder / "archive.db").stat().st_size > 64 * 1024
    assert hits == []


def test_canary_stays_inside_backups_restores_syncs_and_dossiers(
    sandbox: dict[str, Path], run_tumar
) -> None:
    """The later capabilities, each through its command: a backup and a sync bundle (age
    encrypted: the canary must not be readable in them either), a restore (its helper
    process hands records over a pipe only), a merge of the other copy's bundle, and a
    dossier (a plaintext PDF by design: written outside the scanned folders, and nothing
    of it left in TMPDIR or HOME by reportlab or pyHanko; a compressed PDF stream would
    not show the canary, so this guards against plain spills, not a spilled PDF)."""
    latin = "TumarCanary" + secrets.token_hex(8)
    cyrillic = "Канарейка" + secrets.token_hex(8)
    canary = f"{latin} {cyrillic}"
    work = sandbox["work"]
    a, b = work / "a.tumar", work / "b.tumar"
    backups, share, outside = work / "backups", work / "share", work / "outside"
    for folder in (share, outside):
        folder.mkdir()

    def cli(*args: str | Path, stdin: str | None = None, archive: Path = a) -> str:
        result = run_tumar(*args, input=stdin, env={"TUMAR_ARCHIVE": str(archive)})
        assert result.returncode == 0, (args[:2], result.stderr)
        return result.stdout.strip()

    def form(*args: str, archive: Path = a, **fields: object) -> str:
        fields_json = json.dumps(fields, ensure_ascii=False)
        return cli(*args, "--from-file", "-", stdin=fields_json, archive=archive)

    cli("init", a)
    person_id = form("person", "add", display_name=canary, notes=canary)
    case_id = form("case", "add", title=canary, summary=canary)
    cli("case", "link", case_id, person_id, "--role", "witness")
    form(
        "testimony", "add", "--witness", person_id, "--case", case_id, "--consent", "public",
        text=f"{canary}\n" * 50, language="kk", recorded_where=canary,
    )  # fmt: skip
    cli("backup", backups, "--keep", "3")
    (bundle,) = backups.iterdir()
    identity = outside / "identity.txt"  # a key, not record content: kept out of the scan
    cli("team", "export-identity", identity, stdin="yes\n")
    cli("restore", bundle, b, "--identity", identity, archive=b)
    form("person", "add", display_name=f"{canary} on B", notes=canary, archive=b)
    cli("sync", share)
    cli("sync", share, archive=b)
    cli("sync", share)
    assert f"{latin} {cyrillic} on B" in cli("person", "list")
    pdf = outside / "dossier.pdf"
    cli("dossier", "export", case_id, pdf)
    assert pdf.stat().st_size > 0

    roots = [a, b, backups, share, sandbox["tmp"], sandbox["home"]]
    hits, scanned = scan(roots, needles([latin, cyrillic]))
    assert {a / "archive.db", b / "archive.db", bundle} <= set(scanned)
    assert len(list(share.iterdir())) == 2
    assert hits == []
