"""Names the database and the command line share, in a module that imports nothing: every ``doctorsflow``
command's start builds the argument parser (entry.py), which offers the roles and the default clinic's slug."""

from __future__ import annotations

# What each role may do is data: storage/accounts/permissions.py (ROLE_PERMISSIONS).
ROLES = ("platform_admin", "manager", "staff", "reviewer")
DEFAULT_CLINIC_SLUG = "default"  # the embedded set-up's clinic (storage/migrate.py)
