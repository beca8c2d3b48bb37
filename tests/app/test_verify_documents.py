"""app.verify: the search-document check rides on the audit walk's reads, and when it
cannot finish there it runs alone, as it did before: the same findings either way."""

from __future__ import annotations

from tumar.app import verify
from tumar.storage.archive import Archive
from tumar.storage.records import Person, Testimony

REWRITTEN = "(search results and snippets would show other text)"


def _tampered(archive: Archive) -> str:
    repo = archive.repo
    witness = repo.insert(Person(display_name="Aru Tabarak", notes="Жаркент"))
    told = repo.insert(Testimony(witness_id=witness.id, text="They took my passport."))
    archive.records_db.execute(
        "UPDATE search_doc SET body = 'The witness retracted everything.' WHERE record_id = ?",
        (told.id,),
    )
    return told.id


def _rewritten(problems: list[str], record_id: str) -> list[str]:
    return [p for p in problems if record_id in p and REWRITTEN in p]


def test_verify_names_a_rewritten_document_once(new_archive: Archive) -> None:
    told = _tampered(new_archive)
    problems = verify.verify_archive(new_archive).problems
    assert len(_rewritten(problems, told)) == 1, problems


def test_the_walk_feeds_the_check_and_a_failed_one_runs_alone(new_archive: Archive) -> None:
    told = _tampered(new_archive)
    fed = verify._DocumentsBeside.start(new_archive)
    assert fed is not None  # a writable archive with its index: the shared path
    report = verify.VerifyReport()
    try:
        verify._walk(new_archive, report, fed)
    finally:
        fed.close()
    assert not fed.failed and len(_rewritten(report.problems, told)) == 1, report.problems

    broken = verify._DocumentsBeside.start(new_archive)
    assert broken is not None
    broken.close()  # its own connection gone: every read of its own fails
    alone = verify.VerifyReport()
    verify._walk(new_archive, alone, broken)
    assert broken.failed
    assert alone.problems == report.problems
