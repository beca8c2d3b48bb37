"""`tumar media export` respects consent and strips metadata unless --original is asked for.

Real child processes, a real archive, a real GPS-tagged photo (tests/data/photos/gps).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.templates import init_copy
from tumar.app.media.exif import read_image_metadata

from ..app.media_support import photo, write

GPS_PHOTO = "gps/DSCN0010.jpg"


@pytest.fixture
def archive(run_tumar, tmp_path: Path) -> Path:
    folder = tmp_path / "a.tumar"
    init_copy(folder)
    return folder


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _testimony(run_tumar, archive: Path, consent: str) -> str:
    person = _ok(run_tumar("person", "add", "-a", archive, input="Witness A"))
    return _ok(
        run_tumar("testimony", "add", "--witness", person, "--consent", consent, "-a", archive,
                  input="What I saw.")
    )  # fmt: skip


def _import(run_tumar, archive: Path, path: Path, *links: str) -> str:
    out = _ok(run_tumar("media", "import", path, *links, "-a", archive))
    return out.splitlines()[0].split()[1]


def test_no_consent_refuses_then_force_exports_stripped(run_tumar, archive, tmp_path) -> None:
    testimony = _testimony(run_tumar, archive, "none")
    media = _import(run_tumar, archive, photo(GPS_PHOTO), "--testimony", testimony)
    dest = tmp_path / "out.jpg"
    refused = run_tumar("media", "export", media, dest, "-a", archive)
    assert refused.returncode == 1
    assert "no consent or withdrew it" in refused.stderr and "--force" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert not dest.exists() and os.listdir(tmp_path) == ["a.tumar"]
    forced = run_tumar("media", "export", media, dest, "--force", "-a", archive)
    assert forced.returncode == 0, forced.stderr
    assert "against the witnesses' consent" in forced.stderr
    assert dest.exists() and not read_image_metadata(dest).has_gps


def test_withdrawn_consent_refuses_until_another_testimony_allows(run_tumar, archive, tmp_path):
    withdrawn = _testimony(run_tumar, archive, "public")
    _ok(run_tumar("testimony", "withdraw-consent", withdrawn, "-a", archive))
    media = _import(run_tumar, archive, photo(GPS_PHOTO), "--testimony", withdrawn)
    refused = run_tumar("media", "export", media, tmp_path / "x.jpg", "-a", archive)
    assert refused.returncode == 1 and "withdrew" in refused.stderr
    lawyer = _testimony(run_tumar, archive, "lawyer_only")
    # the same photo given again with a second testimony: now one witness allows it
    _import(run_tumar, archive, photo(GPS_PHOTO), "--testimony", lawyer)
    _ok(run_tumar("media", "export", media, tmp_path / "x.jpg", "-a", archive))


def test_gps_stripped_by_default_original_is_exact_with_warning(run_tumar, archive, tmp_path):
    source = photo(GPS_PHOTO)
    assert read_image_metadata(source).has_gps  # the fixture really carries a location
    media = _import(run_tumar, archive, source)
    clean = run_tumar("media", "export", media, tmp_path / "clean.jpg", "-a", archive)
    assert clean.returncode == 0 and clean.stderr == "", clean.stderr
    metadata = read_image_metadata(tmp_path / "clean.jpg")
    assert not metadata.has_gps and metadata.camera_model is None and metadata.captured_at is None
    exact = run_tumar("media", "export", media, tmp_path / "exact.jpg", "--original", "-a", archive)
    assert exact.returncode == 0 and "WARNING" in exact.stderr and "GPS" in exact.stderr
    assert (tmp_path / "exact.jpg").read_bytes() == source.read_bytes()


def test_non_images_leave_only_as_exact_originals(run_tumar, archive, tmp_path) -> None:
    video = write(tmp_path / "clip.mp4", os.urandom(4096))
    media = _import(run_tumar, archive, video)
    refused = run_tumar("media", "export", media, tmp_path / "out.mp4", "-a", archive)
    assert refused.returncode == 1 and "--original" in refused.stderr
    assert not (tmp_path / "out.mp4").exists()
    _ok(run_tumar("media", "export", media, tmp_path / "out.mp4", "--original", "-a", archive))
    assert (tmp_path / "out.mp4").read_bytes() == video.read_bytes()


def test_link_and_unlink_after_import_steer_consent(run_tumar, archive, tmp_path) -> None:
    refused_by = _testimony(run_tumar, archive, "none")
    media = _import(run_tumar, archive, photo(GPS_PHOTO), "--testimony", refused_by)
    dest = tmp_path / "x.jpg"
    assert run_tumar("media", "export", media, dest, "-a", archive).returncode == 1
    allowed_by = _testimony(run_tumar, archive, "lawyer_only")
    linked = _ok(run_tumar("media", "link", media[:8], "--testimony", allowed_by, "-a", archive))
    assert linked == f"Linked {media} to testimony {allowed_by}"
    assert allowed_by in _ok(run_tumar("media", "show", media, "-a", archive))
    _ok(run_tumar("media", "export", media, dest, "-a", archive))
    dest.unlink()
    _ok(run_tumar("media", "unlink", media, "--testimony", allowed_by, "-a", archive))
    assert allowed_by not in _ok(run_tumar("media", "show", media, "-a", archive))
    assert run_tumar("media", "export", media, dest, "-a", archive).returncode == 1
    again = run_tumar("media", "unlink", media, "--testimony", allowed_by, "-a", archive)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.strip().splitlines() == [
        f"tumar: Media {media} is not linked to testimony {allowed_by}"
    ]
    assert "OK" in _ok(run_tumar("verify", archive))
