"""The media helpers must not write anything to disk (no temp files, no caches).

Two independent checks while every helper runs on every supported image format:
* TMPDIR/TEMP/TMP point at an empty folder that must still be empty afterwards;
* a Python audit hook records every file opened for writing (open(), os.open()).
Native libraries writing through C stdio would escape the hook but not the TMPDIR check.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tumar.app.media.avprobe import probe_av
from tumar.app.media.exif import read_image_metadata
from tumar.app.media.sniff import SNIFF_BYTES, sniff_mime
from tumar.app.media.strip import write_stripped_image
from tumar.app.media.thumbnails import make_thumbnail

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_recording: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _recording is None or event != "open":
        return
    path, mode, flags = args
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & _WRITE_FLAGS
    )
    if writes:
        _recording.append(f"{path!r} mode={mode!r} flags={flags!r}")


sys.addaudithook(_audit)  # hooks cannot be removed; it is inert unless _recording is a list


@contextmanager
def _nothing_written(tmp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if the block opens any file for writing or leaves anything in the temp folder."""
    global _recording
    tmp_dir.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(tmp_dir))
    monkeypatch.setattr(tempfile, "tempdir", None)  # make tempfile re-read the environment
    _recording = []
    try:
        yield
        recorded = list(_recording)
    finally:
        _recording = None
    assert recorded == [], f"files opened for writing: {recorded}"
    assert sorted(tmp_dir.rglob("*")) == []


def _image_inputs(folder: Path, photos: Path) -> list[tuple[Path, str]]:
    """One file per supported format (written before the watch starts: inputs, not outputs)."""
    picture = Image.new("RGB", (90, 60), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    files = []
    formats = [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("TIFF", "tif")]
    formats += [("GIF", "gif"), ("HEIF", "heic")]
    for fmt, ext in formats:
        path = folder / f"sample.{ext}"
        params = {} if fmt == "GIF" else {"exif": exif.tobytes()}
        picture.save(path, format=fmt, **params)
        files.append(path)
    files.append(photos / "gps" / "DSCN0010.jpg")
    return [(p, sniff_mime(p.read_bytes()[:SNIFF_BYTES], p.name)) for p in files]


def test_image_helpers_write_nothing(
    tmp_path: Path, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    samples = _image_inputs(inputs, photos)
    before = sorted(inputs.iterdir())
    with _nothing_written(tmp_path / "tmpdir", monkeypatch):
        for path, mime in samples:
            assert mime.startswith("image/"), path
            read_image_metadata(path)
            assert make_thumbnail(path)
            out = io.BytesIO()
            write_stripped_image(path, out, mime)
            assert out.getvalue()
    assert sorted(inputs.iterdir()) == before


def test_failures_write_nothing_either(
    tmp_path: Path, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    truncated = tmp_path / "cut.jpg"
    truncated.write_bytes((photos / "gps" / "DSCN0010.jpg").read_bytes()[:40_000])
    with _nothing_written(tmp_path / "tmpdir", monkeypatch):
        read_image_metadata(truncated)
        with pytest.raises(Exception, match="damaged|incomplete"):
            make_thumbnail(truncated)


def test_audio_probe_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "voice.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 800)
    with _nothing_written(tmp_path / "tmpdir", monkeypatch):
        info = probe_av(path)
    assert info is not None and info.duration_s == pytest.approx(0.1, abs=0.01)
