"""Patient-facing appointment links: signed, expiring tokens (tokens.py), the public page (api.py, page.py)."""
