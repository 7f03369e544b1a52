"""A clinic's AlimTalk templates: stored rows (``store``) and their HTTP API (``api``).

The template model, lifecycle, placeholders and the shipped library are pure and live with the node that
sends them, in :mod:`nodes.send_alimtalk`.
"""
