"""Billing: message rates (₩ per provider and kind) and the monthly cost ledger."""
