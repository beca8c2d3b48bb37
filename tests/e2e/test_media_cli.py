"""`tumar media …` as a user runs it: real child processes, real archive, real files.

Includes the plaintext-canary scan for media: an image whose EXIF (ImageDescription,
UserComment) and file name carry a random canary is imported, listed, shown, thumbnailed and
verified; afterwards no file under the archive folder, TMPDIR or HOME contains the canary in
UTF-8 or UTF-16. The same scan finds the canary in the source image, so zero hits cannot
come from a scan that cannot see anything.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

from PIL import Image

from tests.templates import init_copy
from tumar.app.media.exif import read_image_metadata
from tumar.storage.archive import Archive

from ..app.media_support import exif_jpeg, noise_jpeg, photo, write

PASSPHRASE = "correct horse battery staple"  # what the conftest run_tumar fixture passes


def media_ids(listing: str) -> list[str]:
    return [line.split()[0] for line in listing.splitlines() if line[:1].isalnum()]


def test_import_list_show_export_verify(run_tumar, tmp_path: Path) -> None:  # noqa: ANN001
    archive = tmp_path / "a.tumar"
    init_copy(archive)
    case_id = run_tumar("case", "add", "-a", archive, input="Zaisan").stdout.strip()
    gps = photo("gps/DSCN0010.jpg")
    other = write(tmp_path / "other.jpg", noise_jpeg(seed=11))

    done = run_tumar(
        "media", "import", gps, other, tmp_path / "missing.jpg", "--case", case_id[:8],
        "-a", archive,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("IMPORTED")
    assert hashlib.sha256(gps.read_bytes()).hexdigest() in lines[0]
    missing = f"{tmp_path / 'missing.jpg'}: cannot read the file (No such file or directory)"
    assert lines[2] == f"FAILED     {missing}; nothing was stored"
    assert lines[3] == "2 of 3 file(s) in the archive, 1 failed"

    listing = run_tumar("media", "list", "--case", case_id, "-a", archive).stdout
    assert "DSCN0010.jpg [GPS]" in listing and "other.jpg" in listing
    gps_id = media_ids(listing)[0]
    show = run_tumar("media", "show", gps_id, "-a", archive).stdout
    assert "NIKON COOLPIX P6000" in show and "linked to case    Zaisan" in show
    assert "thumbnail    256×192 image/jpeg" in show

    exact = tmp_path / "exact.jpg"
    clean = tmp_path / "clean.jpg"
    assert run_tumar("media", "export", gps_id, exact, "--original", "-a", archive).returncode == 0
    assert exact.read_bytes() == gps.read_bytes()
    done = run_tumar("media", "export", gps_id, clean, "-a", archive)
    assert done.returncode == 0, done.stderr
    assert read_image_metadata(exact).has_gps and not read_image_metadata(clean).has_gps
    again = run_tumar("media", "export", gps_id, exact, "-a", archive)
    assert again.returncode == 1 and "already exists" in again.stderr

    verified = run_tumar("verify", archive)
    assert verified.returncode == 0 and "OK" in verified.stdout


def test_verify_reports_a_chunk_changed_behind_tumars_back(run_tumar, tmp_path: Path) -> None:  # noqa: ANN001
    archive = tmp_path / "a.tumar"
    init_copy(archive)
    src = write(tmp_path / "video.mp4", os.urandom(3 << 20))
    assert run_tumar("media", "import", src, "-a", archive).returncode == 0
    with Archive.open(archive, PASSPHRASE) as opened:
        opened.media_db.execute("UPDATE chunk SET data = zeroblob(1048576) WHERE idx = 1")
    done = run_tumar("verify", archive)
    assert done.returncode == 3
    fails = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 1 and "video.mp4" in fails[0] and "SHA-256" in fails[0]


def test_file_name_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    archive = tmp_path / "a.tumar"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")},
        "TUMAR_PASSPHRASE": PASSPHRASE, "TUMAR_KDF_PROFILE": "fast", "PYTHONIOENCODING": "utf-8",
    }  # fmt: skip
    raw = os.fsencode(tmp_path) + b"/\xd0\x9a\xff photo.jpg"
    with open(raw, "wb") as fh:
        fh.write(noise_jpeg(seed=12))
    cli = [sys.executable, "-m", "tumar.app.cli.main"]
    subprocess.run([*cli, "init", str(archive)], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [*cli, "media", "import", raw, "-a", str(archive)],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "К\\xff photo.jpg" in done.stdout.decode("utf-8")


def test_demo_archive_has_placeholder_photos_linked_to_cases(run_tumar, tmp_path: Path) -> None:  # noqa: ANN001
    archive = tmp_path / "demo.tumar"
    assert run_tumar("demo", archive).returncode == 0
    listing = run_tumar("media", "list", "-a", archive).stdout
    assert len(media_ids(listing)) == 4 and "demo-image-1.jpg" in listing
    show = run_tumar("media", "show", media_ids(listing)[2], "-a", archive).stdout
    assert "linked to case" in show and "linked to person  Kaster Musakhan" in show
    assert run_tumar("verify", archive).returncode == 0


# ---- plaintext canary --------------------------------------------------------------------


def scan(roots: list[Path], needles: list[bytes]) -> tuple[list[str], int]:
    hits, files = [], 0
    for root in roots:
        for path in root.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            files += 1
            data = path.read_bytes() + os.fsencode(path.name)
            hits += [f"{path}: {needle!r}" for needle in needles if needle in data]
    return hits, files


def test_no_canary_from_image_metadata_reaches_the_disk_in_plaintext(
    run_tumar,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    canary = "CANARY" + secrets.token_hex(8)
    home, tmp, source = tmp_path / "home", tmp_path / "tmp", tmp_path / "source"
    for folder in (home, tmp, source):
        folder.mkdir()
    env = {"HOME": str(home), "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp),
           "SQLITE_TMPDIR": str(tmp), "XDG_CACHE_HOME": str(home / ".cache")}  # fmt: skip
    image = write(source / f"{canary}.jpg", exif_jpeg(description=canary, comment=canary, gps=True))
    with Image.open(image) as check:
        assert check.getexif()[0x010E] == canary
    needles = [canary.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    assert len(scan([source], needles)[0]) >= 2  # the scan does find plaintext canaries

    archive = tmp_path / "a.tumar"
    for args in (
        ("init", archive),
        ("media", "import", image, "-a", archive),
        ("media", "list", "-a", archive),
        ("verify", archive),
    ):
        done = run_tumar(*args, env=env)
        assert done.returncode == 0, (args, done.stderr)
    media_id = media_ids(run_tumar("media", "list", "-a", archive, env=env).stdout)[0]
    shown = run_tumar("media", "show", media_id, "-a", archive, env=env).stdout
    assert canary in shown  # it really is in the archive, decrypted only on request

    assert sorted(p.name for p in archive.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    assert list(tmp.iterdir()) == []  # no temp file of any kind was left
    hits, files = scan([archive, tmp, home], needles)
    assert files >= 3
    assert hits == []
