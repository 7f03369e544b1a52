"""The fake provider fixtures (pytest_plugins only works in the root conftest, so import them)."""

from tests.support.fakes.fixtures import nhncloud_fake, solapi_fake, webhook_sink

__all__ = ["nhncloud_fake", "solapi_fake", "webhook_sink"]
