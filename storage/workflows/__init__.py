"""Workflows: editable drafts and their immutable published versions."""
