"""Top-level dialogs that grow to fit their wrapped text.

Why: Qt sizes a top-level window from its layout's minimum size, which ignores
height-for-width, so a word-wrapped label whose text grows (a verify result, a longer
translation after a language switch) is cut off at the bottom. Whenever the layout asks
to be redone, a dialog mixing this in grows to the height its layout needs at its
current width (it never shrinks under the user's hands).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


def grow_to_fit(widget: QWidget) -> None:
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(widget.width())
    if needed > widget.height():
        widget.resize(widget.width(), needed)


class FitsWrappedText:
    """Mix in before the Qt class: `class VerifyDialog(FitsWrappedText, QDialog)`."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # type: ignore[misc]
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            grow_to_fit(self)  # type: ignore[arg-type]
        return handled
