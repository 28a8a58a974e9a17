"""Models arrive with the referrals issue; the app is wired so the layout and dependency rules hold from the start."""
