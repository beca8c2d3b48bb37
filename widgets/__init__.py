"""Qt widgets: the desktop window. Only this layer imports Qt; it never runs SQL."""
