"""Models arrive with the survivors issue; the app is wired so the layout and dependency rules hold from the start."""
