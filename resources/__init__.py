"""Package data: demo archive facts, later fonts, icons and translations."""
