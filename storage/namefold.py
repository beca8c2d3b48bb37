"""Placeholder until the real folding lands (helper is writing it)."""


def fold_name(text: str) -> str:
    return " ".join(text.casefold().split())


def name_key(text: str) -> str:
    return fold_name(text)
