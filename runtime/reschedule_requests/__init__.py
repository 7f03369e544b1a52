"""Patients' reschedule requests (from their appointment link) and what staff do with them."""
