"""Models arrive with the reporting issue; the app is wired so the layout and dependency rules hold from the start."""
