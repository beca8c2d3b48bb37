"""Audio/video probing: mutagen for audio, ffprobe when present, never an exception."""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from tumar.app.media import avprobe
from tumar.app.media.avprobe import AvInfo, probe_av

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake ffprobe is a sh script")


def _wav(path: Path, seconds: float = 1.5, rate: int = 8000, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * channels * int(rate * seconds))
    return path


def _mp3(path: Path, frames: int = 100) -> Path:
    """MPEG-1 Layer III 128 kbit/s 44.1 kHz frames: 1152 samples each."""
    path.write_bytes((b"\xff\xfb\x90\x00" + b"\x00" * 413) * frames)
    return path


def _mp4_stub(path: Path) -> Path:
    ftyp = b"isom\x00\x00\x02\x00isomiso2avc1mp41"
    path.write_bytes(struct.pack(">I", 8 + len(ftyp)) + b"ftyp" + ftyp + b"\x00" * 64)
    return path


@pytest.fixture
def no_ffprobe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH with nothing on it: ffprobe is absent whatever the machine has installed."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def _fake_ffprobe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script_body: str) -> None:
    """Put an executable named ffprobe first on PATH (a stand-in program, not a mock)."""
    bindir = tmp_path / "fake-bin"
    bindir.mkdir()
    exe = bindir / "ffprobe"
    exe.write_text("#!/bin/sh\n" + script_body + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bindir) + os.pathsep + os.environ.get("PATH", ""))


def test_wav_duration_with_mutagen(tmp_path: Path, no_ffprobe: None) -> None:
    info = probe_av(_wav(tmp_path / "interview.wav"))
    assert isinstance(info, AvInfo)
    assert info.duration_s == pytest.approx(1.5, abs=0.01)
    assert (info.codec, info.sample_rate, info.channels) == ("pcm", 8000, 1)
    assert info.has_video is False and info.width is None


def test_stereo_wav_named_wrongly(tmp_path: Path, no_ffprobe: None) -> None:
    info = probe_av(_wav(tmp_path / "clip.mp4", seconds=0.5, rate=16000, channels=2))
    assert info is not None and info.duration_s == pytest.approx(0.5, abs=0.01)
    assert info.channels == 2


def test_mp3_duration(tmp_path: Path, no_ffprobe: None) -> None:
    info = probe_av(_mp3(tmp_path / "call.mp3"), mime="audio/mpeg")
    assert info is not None and info.codec == "mp3"
    assert info.duration_s == pytest.approx(100 * 1152 / 44100, rel=0.05)


def test_video_without_ffprobe_is_unknown(tmp_path: Path, no_ffprobe: None) -> None:
    """mutagen reads no video: without ffprobe nothing is known, and nothing is guessed."""
    assert probe_av(_mp4_stub(tmp_path / "clip.mp4"), mime="video/mp4") is None


@pytest.mark.parametrize(
    "content", [b"", b"garbage" * 100, b"\x1a\x45\xdf\xa3" + b"\x00" * 50, b"OggS" + b"\xff" * 60]
)
def test_garbage_never_raises(tmp_path: Path, no_ffprobe: None, content: bytes) -> None:
    path = tmp_path / "weird.bin"
    path.write_bytes(content)
    assert probe_av(path) is None


def test_missing_file_never_raises(tmp_path: Path) -> None:
    assert probe_av(tmp_path / "does-not-exist.mov") is None


@posix_only
def test_ffprobe_report_is_used_when_available(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = {
        "streams": [
            {"codec_type": "video", "codec_name": "mjpeg", "disposition": {"attached_pic": 1}},
            {"codec_type": "video", "codec_name": "h264", "width": 1920, "height": 1080},
            {"codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "channels": 2},
        ],
        "format": {"duration": "12.345000"},
    }
    report_file = tmp_path / "report.json"
    report_file.write_text(json.dumps(report))
    args_file = tmp_path / "args.txt"
    _fake_ffprobe(tmp_path, monkeypatch, f'echo "$@" > "{args_file}"\ncat "{report_file}"')
    video = _mp4_stub(tmp_path / "-clip.mp4")  # a name starting with "-" stays a file name
    info = probe_av(video, mime="video/mp4")
    assert info == AvInfo(
        duration_s=12.345,
        codec="h264",
        width=1920,
        height=1080,
        audio_codec="aac",
        sample_rate=48000,
        channels=2,
        has_video=True,
    )
    args = args_file.read_text()
    assert "-protocol_whitelist file" in args and f"file:{video}" in args


@posix_only
@pytest.mark.parametrize(
    "script",
    ["exit 1", "echo 'not json'", "echo '[1, 2]'", 'echo \'{"streams": "nope"}\''],
)
def test_failing_ffprobe_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    _fake_ffprobe(tmp_path, monkeypatch, script)
    assert probe_av(_mp4_stub(tmp_path / "clip.mp4"), mime="video/mp4") is None
    wav = probe_av(_wav(tmp_path / "a.wav"), mime="video/x-msvideo")  # forces ffprobe first
    assert wav is not None and wav.duration_s == pytest.approx(1.5, abs=0.01)


@posix_only
def test_hanging_ffprobe_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_ffprobe(tmp_path, monkeypatch, "exec sleep 30")
    monkeypatch.setattr(avprobe, "FFPROBE_TIMEOUT_S", 0.5)
    started = time.monotonic()
    info = probe_av(_mp4_stub(tmp_path / "clip.mov"), mime="video/quicktime")
    assert time.monotonic() - started < 10
    assert info is None


@pytest.fixture(scope="module")
def real_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One second of 160x120 MPEG-4 video with a mono 8 kHz AAC track, made by ffmpeg
    (installed by the README's test command, like ffprobe)."""
    path = tmp_path_factory.mktemp("video") / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
         "testsrc=size=160x120:rate=10:duration=1", "-f", "lavfi", "-i",
         "sine=frequency=440:sample_rate=8000:duration=1", "-c:v", "mpeg4", "-c:a", "aac",
         "-ac", "1", "-shortest", str(path)],
        check=True, timeout=120, env={"PATH": os.environ.get("PATH", "")},
    )  # fmt: skip
    return path


def test_real_ffprobe_on_a_real_video(real_video: Path) -> None:
    info = probe_av(real_video, mime="video/mp4")
    assert info is not None
    assert (info.codec, info.width, info.height, info.has_video) == ("mpeg4", 160, 120, True)
    assert (info.audio_codec, info.sample_rate, info.channels) == ("aac", 8000, 1)
    assert info.duration_s == pytest.approx(1.0, abs=0.15)


def test_the_same_video_without_ffprobe(real_video: Path, no_ffprobe: None) -> None:
    """mutagen alone knows the length and the audio of an MP4, not its picture."""
    info = probe_av(real_video, mime="video/mp4")
    assert info is not None and info.width is None and info.has_video is None
    assert info.duration_s == pytest.approx(1.0, abs=0.15)
