"""The tumar command line."""
