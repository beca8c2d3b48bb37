"""`tumar conflicts show`'s text for views the end-to-end tests do not reach easily:
a clash between two other laptops, and a deletion on one side."""

from __future__ import annotations

import pytest

from tumar.app.cli import conflict_commands
from tumar.app.conflict_view import ConflictView, Difference, Side


def _view(mine: Side, theirs: Side, differences: tuple[Difference, ...] = ()) -> ConflictView:
    return ConflictView(7, "testimony", "Qaisha Aqan", "2026-11-28T03:30:26+00:00", mine,
                        theirs, differences, goes_with_it=("note",))  # fmt: skip


def test_a_clash_of_two_other_laptops_says_what_mine_means(capsys: pytest.CaptureFixture) -> None:
    other = Side(held=True, made_here=False, deleted=False, edited_at="2026-11-28T03:30")
    conflict_commands._show(_view(other, other, (Difference("text", "a", "b"),)))
    said = capsys.readouterr().out
    assert "neither version was made on this laptop: mine is the version it shows now" in said
    assert "keeping the deletion" not in said


def test_a_deletion_says_what_goes_with_it(capsys: pytest.CaptureFixture) -> None:
    here = Side(held=True, made_here=True, deleted=True, edited_at="2026-11-28T03:30")
    other = Side(held=True, made_here=False, deleted=False, edited_at="2026-11-28T03:31")
    conflict_commands._show(_view(here, other))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == 'Conflict #7: testimony "Qaisha Aqan", found 2026-11-28T03:30:26+00:00'
    assert lines[1] == "  mine:    this laptop, deleted the record on 2026-11-28T03:30"
    assert lines[2] == "  theirs:  another laptop, edited on 2026-11-28T03:31"
    assert "  keeping the deletion also deletes its note (kept in history)" in lines
    assert "neither version" not in "\n".join(lines)
    assert lines[-1] == "Settle it: tumar conflicts resolve 7 --keep mine   (or theirs)"
