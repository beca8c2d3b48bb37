"""Signed, consent-aware PDF dossiers and the archive signing identity."""
