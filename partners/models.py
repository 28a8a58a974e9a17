"""Models arrive with the partners issue; the app is wired so the layout and dependency rules hold from the start."""
