"""Use cases and services of Tumar: everything the GUI and the CLI do, without Qt."""
