"""Duration and codec of audio/video files, best effort.

Audio is read with ``mutagen`` (pure Python, always installed). Video needs ``ffprobe``, which
the archive does not ship: if it is on ``PATH`` it is run (JSON output, 30 s timeout, only the
``file`` protocol allowed so a hostile playlist cannot make it reach the network); if it is
missing, fails or times out, whatever mutagen found is returned. Probing is an optional nicety
for the media list, so nothing here ever raises: the worst outcome is ``None``.

Neither tool writes files: mutagen only reads, ffprobe prints to our pipe.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from dataclasses import dataclass, replace
from typing import Any

import mutagen

from tumar.app.hardening import minimal_env

__all__ = ["FFPROBE_TIMEOUT_S", "AvInfo", "probe_av"]

FFPROBE_TIMEOUT_S = 30.0

# mutagen file types that can only hold audio, with the codec name to report.
_AUDIO_ONLY_CODECS: dict[str, str] = {
    "OggVorbis": "vorbis",
    "OggOpus": "opus",
    "OggFLAC": "flac",
    "OggSpeex": "speex",
    "FLAC": "flac",
    "WAVE": "pcm",
    "AIFF": "pcm",
    "ASF": "wma",
    "MonkeysAudio": "ape",
    "WavPack": "wavpack",
    "TrueAudio": "tta",
}


@dataclass(frozen=True)
class AvInfo:
    """What could be learnt about a recording; every field may be unknown (None).

    ``codec`` is the main stream's codec: the video codec when there is video, otherwise the
    audio codec. ``has_video`` is None when it could not be determined (no ffprobe).
    """

    duration_s: float | None = None
    codec: str | None = None
    width: int | None = None
    height: int | None = None
    audio_codec: str | None = None
    sample_rate: int | None = None
    channels: int | None = None
    has_video: bool | None = None


def probe_av(path: str | os.PathLike[str], mime: str | None = None) -> AvInfo | None:
    """Probe an audio or video file; ``mime`` (the sniffed type) is an optional hint.

    Pure-audio formats are answered by mutagen alone. Containers that may hold video (MP4,
    MOV, Matroska/WebM, Ogg Theora) are sent to ffprobe when available, and mutagen's answer
    (e.g. the MP4 duration) fills whatever ffprobe could not tell.
    """
    try:
        from_mutagen, audio_only = _probe_mutagen(path)
        if audio_only and not (mime or "").startswith("video/"):
            return from_mutagen
        from_ffprobe = _probe_ffprobe(path)
        if from_ffprobe is not None:
            return _merge(from_ffprobe, from_mutagen)
        if from_mutagen is None:
            return None
        if (mime or "").startswith("audio/"):
            return replace(from_mutagen, has_video=False)
        # Video or unknown container without ffprobe: the codec mutagen saw is the audio
        # track's, so it must not be reported as the file's main codec.
        return replace(from_mutagen, codec=None)
    except Exception:  # noqa: BLE001 - probing must never break an import
        return None


def _positive_float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _positive_int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number > 0 else None


def _probe_mutagen(path: str | os.PathLike[str]) -> tuple[AvInfo | None, bool]:
    """(info, audio_only) from mutagen; (None, False) if mutagen does not know the file."""
    try:
        parsed = mutagen.File(os.fspath(path))
    except Exception:  # noqa: BLE001 - mutagen raises many types on damaged files
        return None, False
    if parsed is None or getattr(parsed, "info", None) is None:
        return None, False
    info = parsed.info
    kind = type(parsed).__name__
    codec: str | None
    if kind in ("MP3", "EasyMP3"):
        layer = getattr(info, "layer", 3)
        codec = "mp3" if layer == 3 else f"mp{layer}"
        audio_only = True
    elif kind in ("MP4", "EasyMP4"):
        codec = getattr(info, "codec", None) or None
        audio_only = False  # an MP4/MOV may well hold video that mutagen does not describe
    else:
        codec = _AUDIO_ONLY_CODECS.get(kind, kind.lower())
        audio_only = kind in _AUDIO_ONLY_CODECS
    result = AvInfo(
        duration_s=_positive_float(getattr(info, "length", None)),
        codec=codec,
        audio_codec=codec,
        sample_rate=_positive_int(getattr(info, "sample_rate", None)),
        channels=_positive_int(getattr(info, "channels", None)),
        has_video=False if audio_only else None,
    )
    return result, audio_only


def _probe_ffprobe(path: str | os.PathLike[str]) -> AvInfo | None:
    """Run ffprobe if it is on PATH; None when absent, failing, timing out or unparseable."""
    exe = shutil.which("ffprobe")
    if exe is None:
        return None
    # "file:" + absolute path: a name starting with "-" or looking like "http:..." stays a file.
    url = "file:" + os.path.abspath(os.fspath(path))
    command = [
        exe,
        "-v",
        "error",
        "-hide_banner",
        "-protocol_whitelist",
        "file",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        "-i",
        url,
    ]
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=FFPROBE_TIMEOUT_S,
            check=False,
            creationflags=flags,
            env=minimal_env(),  # never our environment: it may hold TUMAR_PASSPHRASE
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    try:
        report = json.loads(done.stdout.decode("utf-8", "replace"))
    except ValueError:
        return None
    return _from_ffprobe_report(report) if isinstance(report, dict) else None


def _from_ffprobe_report(report: dict[str, Any]) -> AvInfo | None:
    """Pick the first real video stream (not cover art) and the first audio stream."""
    streams = [s for s in report.get("streams") or [] if isinstance(s, dict)]
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video"
            and not (s.get("disposition") or {}).get("attached_pic")
        ),
        None,
    )
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    fmt = report.get("format") if isinstance(report.get("format"), dict) else {}
    duration = _positive_float(fmt.get("duration"))
    for stream in (video, audio):
        if duration is None and stream is not None:
            duration = _positive_float(stream.get("duration"))
    if video is None and audio is None and duration is None:
        return None
    audio_codec = _text(audio.get("codec_name")) if audio else None
    return AvInfo(
        duration_s=duration,
        codec=_text(video.get("codec_name")) if video else audio_codec,
        width=_positive_int(video.get("width")) if video else None,
        height=_positive_int(video.get("height")) if video else None,
        audio_codec=audio_codec,
        sample_rate=_positive_int(audio.get("sample_rate")) if audio else None,
        channels=_positive_int(audio.get("channels")) if audio else None,
        has_video=video is not None,
    )


def _text(value: Any) -> str | None:
    return value[:64] if isinstance(value, str) and value else None


def _merge(primary: AvInfo, fallback: AvInfo | None) -> AvInfo:
    """Fields of ``primary`` (ffprobe), with its gaps filled from ``fallback`` (mutagen)."""
    if fallback is None:
        return primary
    return AvInfo(
        duration_s=primary.duration_s if primary.duration_s is not None else fallback.duration_s,
        codec=primary.codec or (None if primary.has_video else fallback.codec),
        width=primary.width,
        height=primary.height,
        audio_codec=primary.audio_codec or fallback.audio_codec,
        sample_rate=primary.sample_rate or fallback.sample_rate,
        channels=primary.channels or fallback.channels,
        has_video=primary.has_video,
    )
