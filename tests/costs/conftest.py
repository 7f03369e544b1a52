"""Cost-ledger fixtures: the runtime's virtual clock and in-process runtime (tests/runtime/conftest.py)."""

from tests.runtime.conftest import clinic_id, clock, rt  # noqa: F401 - fixtures re-used by name
