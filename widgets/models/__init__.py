"""Lazy Qt item models over the app/ read services (no SQL here)."""
