"""Start, create and unlock screens: the window before an archive is open."""
