"""Encrypted archive storage: SQLCipher, key slots, schema, repositories. No Qt, no app/."""
