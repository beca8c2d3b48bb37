"""Every bad bundle: a one-line error, and a full export of the archive is unchanged."""

from __future__ import annotations

import io
import random
import shutil
import tarfile
from pathlib import Path

import pyrage
import pytest

from tumar.app.sync import bundle_format, bundle_io, export, merge, team
from tumar.app.sync.errors import BundleError
from tumar.storage.archive import Archive
from tumar.storage.bulk import VersionRejected
from tumar.storage.records import Person, Testimony

from .support import join, lying_bundle, new_archive, replicas, snapshot

SEED = 20261127


def _pair(tmp: Path) -> tuple[list[Archive], Path]:
    a, _ = new_archive(tmp / "a.tumar")
    p = a.repo.insert(Person(display_name="Witness"))
    b = join(a, tmp, "b")
    b.repo.insert(Testimony(witness_id=p.id, text="told on B " * 50))
    bundle = tmp / "b.tumar-bundle"
    export.write_bundle(b, bundle)
    return [a, b], bundle


@pytest.fixture
def pair(tmp_path: Path):
    """Replica A and a bundle from replica B (encrypted to A) with something new in it:
    this test's own copies of laptops and bundle made once per session (support.replicas)."""
    made = replicas("bad-bundles-pair", _pair)
    a, b = made.open_copies(tmp_path)
    bundle = Path(shutil.copyfile(made.extra, tmp_path / "b.tumar-bundle"))
    yield a, b, bundle
    a.close()
    b.close()


def refused(a, bundle: Path, match: str = "") -> str:
    before = snapshot(a)
    with pytest.raises(BundleError) as caught:
        merge.merge(a, bundle)
    assert snapshot(a) == before
    message = str(caught.value)
    assert "\n" not in message and match in message
    return message


def test_good_bundle_merges(pair) -> None:
    a, _b, bundle = pair
    before = snapshot(a)
    merge.merge(a, bundle)
    assert snapshot(a) != before  # the bad-input tests below would notice a change


def test_truncated_at_random_offsets(pair, tmp_path: Path) -> None:
    a, _b, bundle = pair
    data = bundle.read_bytes()
    rng = random.Random(SEED)
    for offset in [0, 10, 100, len(data) - 1, *rng.sample(range(len(data)), 6)]:
        cut = tmp_path / "cut.tumar-bundle"
        cut.write_bytes(data[:offset])
        refused(a, cut)


def test_flipped_bytes(pair, tmp_path: Path) -> None:
    a, _b, bundle = pair
    data = bundle.read_bytes()
    rng = random.Random(SEED)
    for offset in [30, len(data) // 2, len(data) - 5, *rng.sample(range(len(data)), 5)]:
        flipped = bytearray(data)
        flipped[offset] ^= 0x40
        bad = tmp_path / "flip.tumar-bundle"
        bad.write_bytes(bytes(flipped))
        refused(a, bad)


def test_wrong_identity(pair, tmp_path: Path) -> None:
    a, _b, _bundle = pair
    stranger, _ = new_archive(tmp_path / "s.tumar")
    with stranger:
        other = tmp_path / "stranger.tumar-bundle"
        export.write_bundle(stranger, other)
    assert "key" in refused(a, other)


def test_wrong_passphrase(pair, tmp_path: Path) -> None:
    a, b, _bundle = pair
    bundle = tmp_path / "p.tumar-bundle"
    export.write_bundle(b, bundle, passphrase="right passphrase")
    with pytest.raises(BundleError):
        bundle_io.scan(bundle, bundle_io.Secret(passphrase="wrong passphrase"))
    refused(a, bundle, "passphrase")


def test_bundle_of_another_archive(pair, tmp_path: Path) -> None:
    a, _b, _bundle = pair
    other, _ = new_archive(tmp_path / "o.tumar")
    with other:
        team.add_member(other, team.keys(a).recipient, "A")
        bundle = tmp_path / "o.tumar-bundle"
        export.write_bundle(other, bundle)
    refused(a, bundle, "another archive")


def test_newer_format(pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, _bundle = pair
    monkeypatch.setattr(bundle_format, "FORMAT_VERSION", 99)
    bundle = tmp_path / "new.tumar-bundle"
    export.write_bundle(b, bundle)
    monkeypatch.undo()
    refused(a, bundle, "newer")


def test_inner_hash_mismatch(pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A correctly signed manifest whose listed hash is not the part's (a buggy writer)."""
    a, b, _bundle = pair
    original = bundle_format.BundleWriter.finish

    def lying_finish(self, manifest):
        self.parts[0]["sha256"] = "0" * 64
        return original(self, manifest)

    monkeypatch.setattr(bundle_format.BundleWriter, "finish", lying_finish)
    bundle = tmp_path / "lie.tumar-bundle"
    export.write_bundle(b, bundle)
    monkeypatch.undo()
    refused(a, bundle, "manifest hash")


def test_manifest_claiming_a_huge_size(pair, tmp_path: Path) -> None:
    a, _b, _bundle = pair
    info = tarfile.TarInfo("media/" + "a" * 64)
    info.size = 1 << 40
    plain = info.tobuf(format=tarfile.PAX_FORMAT) + b"x" * 1024
    recipient = pyrage.x25519.Recipient.from_str(team.keys(a).recipient)
    bundle = tmp_path / "huge.tumar-bundle"
    bundle.write_bytes(pyrage.encrypt(plain, [recipient]))
    refused(a, bundle, "refused")


def test_bundle_replaced_while_being_read(pair, tmp_path: Path) -> None:
    a, b, bundle = pair
    manifest = bundle_io.scan(bundle, merge.own_secret(a))  # the first pass saw this file
    b.repo.insert(Person(display_name="Later on B"))
    export.write_bundle(b, bundle)  # ... then the file was replaced before the second pass
    before = snapshot(a)
    with pytest.raises(BundleError, match="changed while"):
        merge.merge(a, bundle, manifest=manifest)
    assert snapshot(a) == before


def test_not_an_age_file(pair, tmp_path: Path) -> None:
    a, _b, _bundle = pair
    junk = tmp_path / "junk.tumar-bundle"
    junk.write_bytes(b"PK\x03\x04 not a bundle at all")
    refused(a, junk)
    empty = tmp_path / "empty.tumar-bundle"
    empty.write_bytes(b"")
    refused(a, empty)


def test_manifest_part_list_is_checked_against_the_tar(tmp_path: Path) -> None:
    """A tar whose manifest omits a part: refused by scan, independent of encryption."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    sink = io.BytesIO()
    writer = bundle_format.BundleWriter(sink, key)
    writer.add_lines("records", [{"x": 1}])
    writer.parts.clear()
    writer.finish({"archive_id": "x", "source_replica": "y", "signing_key": _pub(key)})
    with pytest.raises(BundleError, match="do not match"):
        bundle_format.scan(io.BytesIO(sink.getvalue()), max_total=1 << 20)


def _pub(key) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


@pytest.mark.parametrize("value", [["held", "released"], {"held": True}, 2**70, -(2**63) - 1])
def test_version_values_that_do_not_fit(pair, tmp_path: Path, value: object) -> None:
    """A version whose value no column can hold exactly (a list, an object, an integer
    beyond SQLite's 64 bits) is refused: nothing stored as JSON text or a rounded REAL."""
    a, b, _bundle = pair

    def lying(items: list[dict]) -> None:
        items[-1]["row"]["created_at"] = value

    bundle = lying_bundle(b, tmp_path / "lie.tumar-bundle", lying)
    before = snapshot(a)
    with pytest.raises(VersionRejected, match="does not fit"):
        merge.merge(a, bundle)
    assert snapshot(a) == before
