"""A clinic's stored provider credentials and the messaging settings API (test connection, save, delete)."""
