"""Texts that follow the UI language while a widget is open.

Why: the language can be switched with an editor or dialog open, half filled in. Qt only
posts QEvent.LanguageChange; each widget must set its texts again itself, without losing
what the user typed. A widget that mixes this in binds each text to a function that
makes it (`bind(label.setText, lambda: self.tr("Case"))`), and every binding is applied
again on LanguageChange. Binding the same setter again replaces the old binding, so a
text that changes with the widget's state (a heading, a status line) stays right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox


class Retranslating:
    """Mix in before the Qt class: `class Editor(Retranslating, QWidget)`."""

    def _text_bindings(self) -> dict[tuple[int, str], tuple[Callable, Callable[[], Any]]]:
        bindings = self.__dict__.get("_retranslate_bindings")
        if bindings is None:
            bindings = self.__dict__["_retranslate_bindings"] = {}
        return bindings

    def bind(self, setter: Callable[[Any], object], make: Callable[[], Any]) -> None:
        """Call setter(make()) now and again whenever the language changes."""
        owner = getattr(setter, "__self__", setter)
        key = (id(owner), getattr(setter, "__name__", ""))
        self._text_bindings()[key] = (setter, make)
        setter(make())

    def bind_items(self, combo: QComboBox, label_of: Callable[[Any], str]) -> None:
        """A combo whose items carry stored values as data and show label_of(value)."""

        def relabel(_unused: object = None) -> None:
            for index in range(combo.count()):
                combo.setItemText(index, label_of(combo.itemData(index)))

        self.bind(relabel, lambda: None)

    def retranslate(self) -> None:
        """Set every bound text again (widgets deleted since then are forgotten)."""
        bindings = self._text_bindings()
        for key, (setter, make) in list(bindings.items()):
            try:
                setter(make())
            except RuntimeError:  # the C++ widget is gone (a removed table row)
                del bindings[key]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
