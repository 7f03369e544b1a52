"""Fake providers for the stored-credentials tests (pytest_plugins only works in the root conftest)."""

from tests.support.fakes.fixtures import nhncloud_fake, solapi_fake

__all__ = ["nhncloud_fake", "solapi_fake"]
