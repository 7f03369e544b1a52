"""Accounts: users and roles, browser sessions, API tokens, signed webhooks, and the guards of every route.

Public entry points: :func:`storage.accounts.guards.requires` (what a route needs),
:func:`storage.accounts.webhooks.verify_signature` and :data:`storage.accounts.permissions.ROLE_PERMISSIONS`.
"""
