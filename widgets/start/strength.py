"""Passphrase strength with zxcvbn, its feedback said in the UI language.

zxcvbn's warnings and suggestions are fixed English sentences; each is listed here once so
lupdate collects it and the screen shows the translation. A sentence zxcvbn adds in a newer
version and that is missing here is shown in English rather than dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from zxcvbn import zxcvbn

from tumar.storage.archive import MIN_PASSPHRASE_CHARS

ACCEPT_SCORE = 3  # zxcvbn 0..4; 3 = "safely unguessable: moderate protection offline"
SCORED_CHARS = 100  # zxcvbn's cost grows with length; the first 100 characters decide
_CTX = "Strength"

_MESSAGES = (
    QT_TRANSLATE_NOOP("Strength", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("Strength", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP("Strength", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("Strength", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Use a longer keyboard pattern with more turns."),
    QT_TRANSLATE_NOOP("Strength", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP(
        "Strength", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'
    ),
    QT_TRANSLATE_NOOP("Strength", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("Strength", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("Strength", "Avoid sequences."),
    QT_TRANSLATE_NOOP("Strength", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Avoid recent years."),
    QT_TRANSLATE_NOOP("Strength", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("Strength", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("Strength", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("Strength", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("Strength", "This is a very common password."),
    QT_TRANSLATE_NOOP("Strength", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("Strength", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("Strength", "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("Strength", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP(
        "Strength", "Predictable substitutions like '@' instead of 'a' don't help very much."
    ),
)

_LEVELS = (
    QT_TRANSLATE_NOOP("Strength", "Very weak"),
    QT_TRANSLATE_NOOP("Strength", "Weak"),
    QT_TRANSLATE_NOOP("Strength", "Fair"),
    QT_TRANSLATE_NOOP("Strength", "Strong"),
    QT_TRANSLATE_NOOP("Strength", "Very strong"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    level: str  # translated word for the score
    advice: str  # translated warning and suggestions, one sentence per line
    acceptable: bool


def rate(passphrase: str) -> Strength:
    """Score a candidate passphrase; too short is always unacceptable, whatever zxcvbn says."""
    if not passphrase:
        return Strength(0, "", "", False)
    result = zxcvbn(passphrase[:SCORED_CHARS])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    lines = [feedback.get("warning") or "", *(feedback.get("suggestions") or [])]
    advice = [_t(line) for line in lines if line]
    too_short = len(passphrase) < MIN_PASSPHRASE_CHARS
    if too_short:
        advice.insert(
            0,
            QCoreApplication.translate(
                "Strength", "Use at least %n characters.", "", MIN_PASSPHRASE_CHARS
            ),
        )
        score = min(score, 1)
    if score < ACCEPT_SCORE and not advice:
        advice.append(_t("Add another word or two. Uncommon words are better."))
    return Strength(score, _t(_LEVELS[score]), "\n".join(advice), score >= ACCEPT_SCORE)
