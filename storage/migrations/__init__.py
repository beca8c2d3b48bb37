"""Schema migrations, one module each, applied in order by storage.schema."""
