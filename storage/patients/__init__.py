"""Patients: records, the consent ledger, imports, export and erasure."""
