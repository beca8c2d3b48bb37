"""Media dialogs of the window: import with progress and Cancel, export with a warning."""
