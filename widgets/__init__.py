"""Qt widgets (the desktop window arrives in a later issue). Only this layer imports Qt."""
