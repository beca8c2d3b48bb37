"""Bech32 (BIP 173) encoding, as age uses it for recipients and identities.

Written from the specification so that a key derived here (from the recovery code) is a
string stock `age` and pyrage accept. Decoding is used by the backup's own age writer,
which needs a recipient's raw X25519 key (app.sync.age_x25519).
"""

from __future__ import annotations

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, gen in enumerate(_GENERATOR):
            if (top >> i) & 1:
                check ^= gen
    return check


def _expand_hrp(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _to_five_bits(data: bytes) -> list[int]:
    acc = bits = 0
    out: list[int] = []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append((acc >> bits) & 31)
    if bits:
        out.append((acc << (5 - bits)) & 31)
    return out


def encode(hrp: str, data: bytes) -> str:
    """Lower-case bech32 string of `data` under the human-readable part `hrp`."""
    five = _to_five_bits(data)
    poly = _polymod(_expand_hrp(hrp) + five + [0] * 6) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[d] for d in five + checksum)


def decode(text: str) -> tuple[str, bytes]:
    """(human-readable part, data) of a bech32 string; ValueError if it is not one."""
    lowered = text.lower()
    hrp, sep, rest = lowered.rpartition("1")
    if text not in (lowered, text.upper()) or not sep or not hrp or len(rest) < 6:
        raise ValueError("not a bech32 string")
    if any(c not in _CHARSET for c in rest):
        raise ValueError("not a bech32 string")
    values = [_CHARSET.index(c) for c in rest]
    if _polymod(_expand_hrp(hrp) + values) != 1:
        raise ValueError("bech32 checksum does not match")
    acc = bits = 0
    out = bytearray()
    for value in values[:-6]:
        acc, bits = (acc << 5) | value, bits + 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    if bits >= 5 or acc & ((1 << bits) - 1):
        raise ValueError("bech32 padding is not zero")
    return hrp, bytes(out)
