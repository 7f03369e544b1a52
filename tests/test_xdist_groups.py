"""make test's worker groups (tests/conftest.py ``XDIST_GROUPS``): each prefix names tests that exist, so a renamed
test does not quietly leave its group (it would still pass, on another worker, linting the corpus again)."""

from __future__ import annotations

import importlib
from pathlib import Path

from tests.conftest import XDIST_GROUPS

ROOT = Path(__file__).resolve().parents[1]


def test_every_group_prefix_names_a_test_that_exists() -> None:
    for prefix in XDIST_GROUPS:
        path, _, name = prefix.partition("::")
        assert (ROOT / path).is_file(), prefix
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        tests = [attr for attr in vars(module) if attr.startswith("test_")]
        assert [attr for attr in tests if attr.startswith(name)], prefix


def test_the_audit_and_the_rewrites_applied_in_turn_share_a_group() -> None:
    groups = {prefix.split("::")[0]: group for prefix, group in XDIST_GROUPS.items()}
    audit = groups["tests/compliance/test_suggestion_rewrites.py"]
    assert audit == groups["tests/compliance/test_suggestions_in_sequence.py"]
