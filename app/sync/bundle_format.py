"""The plaintext inside a bundle: a tar stream of JSON-lines parts, media, and a signed manifest.

Layout (FORMAT.md documents it for people who read their data without Tumar):

    records/000001.jsonl   record versions, current and kept, one JSON object a line
    audit/000001.jsonl     audit-chain entries, one a line
    media/<sha256>         stored content, byte for byte
    manifest.json          what the parts are, with the SHA-256 and size of each
    manifest.sig           Ed25519 signature (hex) of manifest.json by the source replica

The manifest comes last because it names every part's hash, which is known only once the
part is written; a reader therefore makes two passes (scan, then apply), and the apply pass
checks each part against the manifest again, so a file swapped between the passes is
caught. JSON-lines parts are cut at PART_BYTES so a part fits in memory; media stream.
"""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tumar.storage.replica_keys import public_key

from .errors import NEWER, BundleError, changed_while_read

FORMAT_NAME = "tumar-bundle"
FORMAT_VERSION = 1
PART_BYTES = 4 << 20  # a JSON-lines part is cut after this many bytes
MAX_PART_BYTES = 64 << 20  # larger parts are refused (a forged size must not exhaust memory)
MAX_MANIFEST_BYTES = 64 << 20
MAX_MEDIA_BYTES = 1 << 40
_PART_NAME = re.compile(r"^(records|audit)/\d{6}\.jsonl$")
_MEDIA_NAME = re.compile(r"^media/([0-9a-f]{64})$")


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    """Fixed owner, mode and time: a member header says nothing about the laptop."""
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime, info.uid, info.gid = size, 0o600, 0, 0, 0
    info.uname = info.gname = ""
    return info


class BundleWriter:
    """Writes the tar stream into `plain` (an encrypting writer); finish() seals it.

    The tar framing is written here, headers from tarfile's own TarInfo.tobuf (pax), so
    each stored chunk goes to the encrypting writer as the very bytes object the database
    returned: tarfile's stream mode copied every byte into its record buffer and out again
    (≈ 11 % of a backup). The output is what `tarfile.open(mode="w|", format=PAX_FORMAT)`
    writes: members padded to 512 bytes, two zero blocks, the whole padded to 10 KiB.
    """

    def __init__(self, plain: BinaryIO, signing_key: Ed25519PrivateKey) -> None:
        self._plain = plain
        self._offset = 0
        self._key = signing_key
        self.parts: list[dict[str, Any]] = []
        self._numbers = {"records": 0, "audit": 0}
        self.counts = {"records": 0, "audit": 0, "media": 0}

    def _write(self, data: bytes) -> None:
        self._plain.write(data)
        self._offset += len(data)

    def _header(self, name: str, size: int) -> None:
        self._write(_tarinfo(name, size).tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape"))

    def _pad(self, size: int) -> None:
        if size % tarfile.BLOCKSIZE:
            self._write(tarfile.NUL * (tarfile.BLOCKSIZE - size % tarfile.BLOCKSIZE))

    def _member(self, name: str, data: bytes) -> None:
        self._header(name, len(data))
        self._write(data)
        self._pad(len(data))

    def _add(self, name: str, data: bytes) -> None:
        self._member(name, data)
        self.parts.append(
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def add_lines(self, kind: str, items: Iterable[dict[str, Any]]) -> None:
        buffer, lines = bytearray(), 0
        for item in items:
            buffer += json.dumps(item, ensure_ascii=False, sort_keys=True).encode() + b"\n"
            lines += 1
            if len(buffer) >= PART_BYTES:
                self._flush(kind, buffer, lines)
                buffer, lines = bytearray(), 0
        if lines:
            self._flush(kind, buffer, lines)

    def _flush(self, kind: str, buffer: bytearray, lines: int) -> None:
        self._numbers[kind] += 1
        self._add(f"{kind}/{self._numbers[kind]:06d}.jsonl", bytes(buffer))
        self.counts[kind] += lines

    def add_media(self, sha256: str, size: int, chunks: Iterable[bytes]) -> None:
        """One stored file from its chunks, hashed again on the way out.

        The hash is recomputed, although media.db is content-addressed and SQLCipher checks
        every page's HMAC, because those checks cover pages, not which rows a blob is made
        of, nor a page put back from an older copy of the file: the manifest must name the
        SHA-256 of the bytes really sent, and a damaged archive must fail its backup, not
        its restore. hashlib releases the GIL on these 1 MiB blocks, so the hashing runs
        beside the media.db readers and the encrypting thread (≈ 0.6 s of CPU per GiB).
        """
        self._header(f"media/{sha256}", size)
        digest, sent = hashlib.sha256(), 0
        for chunk in chunks:
            sent += len(chunk)
            if sent > size:
                break
            digest.update(chunk)
            self._write(chunk)
        if sent != size or digest.hexdigest() != sha256:
            raise BundleError(f"Stored media {sha256[:12]} is damaged; run tumar verify")
        self._pad(size)
        self.parts.append({"name": f"media/{sha256}", "size": size, "sha256": sha256})
        self.counts["media"] += 1

    def finish(self, manifest: dict[str, Any]) -> dict[str, Any]:
        full = {
            **manifest, "format": FORMAT_NAME, "format_version": FORMAT_VERSION,
            "counts": dict(self.counts), "parts": self.parts,
        }  # fmt: skip
        data = json.dumps(full, ensure_ascii=False, sort_keys=True, indent=1).encode()
        self._member("manifest.json", data)
        self._member("manifest.sig", self._key.sign(data).hex().encode())
        self._write(tarfile.NUL * (2 * tarfile.BLOCKSIZE))  # end of archive
        if self._offset % tarfile.RECORDSIZE:
            self._write(tarfile.NUL * (tarfile.RECORDSIZE - self._offset % tarfile.RECORDSIZE))
        return full


@dataclass
class Manifest:
    data: dict[str, Any]
    raw: bytes
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def _damaged(what: str = "") -> BundleError:
    return BundleError(f"The bundle is damaged or incomplete{what}; copy it again from its source")


def _members(plain: BinaryIO) -> Iterator[tuple[tarfile.TarInfo, tarfile.TarFile]]:
    try:
        tar = tarfile.open(fileobj=plain, mode="r|")
        for info in tar:
            if not info.isfile():
                raise _damaged(" (unexpected entry)")
            yield info, tar
    except (tarfile.TarError, EOFError, UnicodeDecodeError):
        raise _damaged() from None


class _MemberStream:
    """A member's content as it is read: a member cut short (its header claims more than
    follows) is the bundle's damage, said in one line, not tarfile's ReadError."""

    def __init__(self, handle: BinaryIO | None) -> None:
        self._handle = handle

    def read(self, size: int = -1) -> bytes:
        if self._handle is None:
            return b""
        try:
            return self._handle.read(size)
        except (tarfile.TarError, EOFError):
            raise _damaged() from None


def _read_member(tar: tarfile.TarFile, info: tarfile.TarInfo, limit: int) -> bytes:
    if info.size > limit:
        raise BundleError(f"The bundle claims a part of {info.size} bytes; refused as forged")
    data = _MemberStream(tar.extractfile(info)).read()
    if len(data) != info.size:
        raise _damaged()
    return data


def scan(plain: BinaryIO, max_total: int) -> Manifest:
    """First pass: hash every part, then check manifest, signature and hashes. Reads all."""
    seen: dict[str, tuple[int, str]] = {}
    raw = sig = None
    total = 0
    for info, tar in _members(plain):
        total += info.size
        if total > max_total:
            raise BundleError("The bundle claims more data than its file holds; refused")
        if info.name in ("manifest.json", "manifest.sig"):
            if info.name == "manifest.json":
                raw = _read_member(tar, info, MAX_MANIFEST_BYTES)
            else:
                sig = _read_member(tar, info, 256)
            continue
        if raw is not None or info.name in seen:
            raise _damaged(" (parts after the manifest)")
        if _PART_NAME.match(info.name):
            data = _read_member(tar, info, MAX_PART_BYTES)
            seen[info.name] = (len(data), hashlib.sha256(data).hexdigest())
        elif _MEDIA_NAME.match(info.name):
            if info.size > MAX_MEDIA_BYTES:
                raise BundleError("The bundle claims a media file too large to be real")
            handle = _MemberStream(tar.extractfile(info))
            digest, size = hashlib.sha256(), 0
            while block := handle.read(1 << 20):
                digest.update(block)
                size += len(block)
            seen[info.name] = (size, digest.hexdigest())
        else:
            raise _damaged(" (unknown part)")
    if raw is None or sig is None:
        raise _damaged(" (no manifest)")
    manifest = _parse_manifest(raw, sig)
    listed = manifest.parts
    if set(listed) != set(seen):
        raise BundleError("The bundle's parts do not match its manifest; refused as tampered")
    for name, (size, digest) in seen.items():
        if listed[name]["size"] != size or listed[name]["sha256"] != digest:
            raise BundleError(f"The bundle part {name} does not match its manifest hash")
    return manifest


def _parse_manifest(raw: bytes, sig: bytes) -> Manifest:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise _damaged(" (unreadable manifest)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BundleError("This file is not a Tumar bundle")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleError(
            f"The bundle was written in format {version}, newer than this Tumar reads "
            f"({FORMAT_VERSION}); update Tumar",
            NEWER,
        )
    try:
        public_key(str(data["signing_key"])).verify(bytes.fromhex(sig.decode("ascii")), raw)
        parts = {str(p["name"]): p for p in data["parts"]}
        for p in parts.values():
            if not isinstance(p["size"], int) or not isinstance(p["sha256"], str):
                raise ValueError
        for key in ("archive_id", "source_replica", "counts"):
            data[key]  # noqa: B018 - presence check
    except InvalidSignature:
        raise BundleError("The bundle's signature does not match; refused as tampered") from None
    except (KeyError, TypeError, ValueError, UnicodeDecodeError):
        raise _damaged(" (manifest fields)") from None
    return Manifest(data, raw, parts)


def _no_constant(name: str) -> None:
    """NaN and Infinity are not JSON, and no database value can be one (SQLite stores a NaN
    as NULL): a part holding one was not written by Tumar."""
    raise ValueError(f"{name} in a bundle")


#: what json.loads does for a str, minus NaN/Infinity
_decode = json.JSONDecoder(parse_constant=_no_constant).decode
#: a UTF-16 surrogate written as an escape: JSON allows a lone one, but it is not text
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


@dataclass
class Part:
    kind: str  # "records", "audit" or "media"
    name: str
    data: bytes = b""  # a JSON-lines part, already checked against the manifest
    stream: BinaryIO | None = None
    sha256: str = ""
    size: int = 0

    def parse(self) -> list[dict[str, Any]]:
        """The part's JSON lines. Parsed on demand, so a restore can parse one part on a
        helper thread while the part before it is written."""
        try:  # decoded once, not per line (restore parses ~365,000 lines at 100k testimonies)
            items = [_decode(line) for line in self.data.decode("utf-8").split("\n") if line]
            if _ESCAPED_SURROGATE.search(self.data):  # rare: see that each pairs up
                json.dumps(items, ensure_ascii=False).encode()
        except (ValueError, UnicodeError):
            raise _damaged(" (unreadable part)") from None
        return items


def parts(plain: BinaryIO, manifest: Manifest) -> Iterator[Part]:
    """Second pass: yield each part, JSON-lines parts already checked against the manifest.

    A media part is yielded as a stream; the consumer checks its hash (the name is the
    SHA-256 the manifest lists), because checking here would mean holding it in memory.
    """
    for info, tar in _members(plain):
        if info.name in ("manifest.json", "manifest.sig"):
            continue
        listed = manifest.parts.get(info.name)
        if listed is None or listed["size"] != info.size:
            raise changed_while_read()
        media = _MEDIA_NAME.match(info.name)
        if media:
            stream = cast(BinaryIO, _MemberStream(tar.extractfile(info)))
            yield Part("media", info.name, stream=stream, sha256=media.group(1), size=info.size)
            continue
        data = _read_member(tar, info, MAX_PART_BYTES)
        if hashlib.sha256(data).hexdigest() != listed["sha256"]:
            raise changed_while_read()
        yield Part(info.name.split("/")[0], info.name, data=data)
