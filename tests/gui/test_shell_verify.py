"""Verify from the window: the real app/verify on a worker's own connections, the result
in plain words."""

from __future__ import annotations

from tumar.app import people


def test_verify_says_everything_checks_out(kit, shot) -> None:
    session = kit.unlock()
    people.add_person(session.archive, "Someone")
    dialog = kit.window.show_verify()
    dialog.run_button.click()
    assert dialog.heading.text() == "Everything checks out"
    assert "records were checked" in dialog.explain.text()
    assert dialog.fingerprint.text() and not dialog.problems.isVisible()
    shot(dialog, "verify")


def test_verify_names_a_record_changed_behind_tumars_back(kit) -> None:
    session = kit.unlock()
    person = people.add_person(session.archive, "Original name").person
    session.archive.records_db.execute(
        "UPDATE person SET display_name = 'Forged' WHERE id = ?", (person.id,)
    )  # tampering, as an attacker with the key could do outside Tumar
    dialog = kit.window.show_verify()
    dialog.run_button.click()
    assert dialog.heading.text() == "Problems were found"
    assert dialog.problems.isVisible() and dialog.problems.count() >= 1
