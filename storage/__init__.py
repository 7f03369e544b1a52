"""Data of record: configuration, database sessions, models, migrations and the data domains."""
