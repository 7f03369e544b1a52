"""Reviewers' sign-offs of workflows: stored rows, their suppressions, and the lint of a stored workflow."""
