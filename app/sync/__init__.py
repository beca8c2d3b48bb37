"""Encrypted bundles, backup/restore, team keys and hand-carried sync (see FORMAT.md)."""
