"""Editors shown in a page's detail pane (Edit → fields → Save / Cancel) and the history view."""
