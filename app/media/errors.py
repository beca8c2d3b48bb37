"""Errors raised by the media helpers.

The import service shows these messages to the user next to the file name, so they are short,
human-readable sentences that name the problem; they never contain traceback text or the
internal exception's repr. The original exception stays available as ``__cause__`` for logs.
"""

from __future__ import annotations


class MediaError(Exception):
    """Base class, so the import service can catch every media refusal in one place."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ImageRejected(MediaError):
    """The image is refused on purpose (e.g. too many pixels: a decompression bomb).

    Distinct from :class:`ImageUnreadable` because the file may be perfectly valid; the user
    needs to know it was a policy decision, not damage.
    """


class ImageUnreadable(MediaError):
    """The image is damaged, truncated or not an image at all, so it cannot be decoded."""
