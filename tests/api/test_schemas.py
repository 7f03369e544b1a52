"""The literals of the API's shapes are the storage layer's value lists (one source for the generated UI enums)."""

from __future__ import annotations

from typing import get_args

from runtime.billing import rates as costs
from runtime.billing.schemas import RateProvider
from runtime.credentials import service as credentials
from runtime.credentials.schemas import StoredProvider
from runtime.schemas import MessageStatus, RunStatus, StepStatus
from storage.accounts.schemas import Role
from storage.models.consent import METHODS, PURPOSES
from storage.models.outbox import OUTBOX_STATUSES
from storage.models.run import RUN_STATUSES
from storage.models.run_step import STEP_STATUSES
from storage.names import ROLES
from storage.patients.schemas import ConsentMethod, ConsentPurpose


def test_schema_literals_match_the_stored_value_lists() -> None:
    assert get_args(RunStatus) == RUN_STATUSES
    assert get_args(StepStatus) == STEP_STATUSES
    assert get_args(MessageStatus) == OUTBOX_STATUSES
    assert get_args(Role) == ROLES
    assert get_args(ConsentPurpose) == PURPOSES
    assert get_args(ConsentMethod) == METHODS
    assert get_args(StoredProvider) == credentials.STORED_PROVIDERS
    assert get_args(RateProvider) == costs.RATE_PROVIDERS
