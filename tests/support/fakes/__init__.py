"""Fake provider servers (real local HTTP servers) for any package's tests.

Every test may ask for the fixtures ``solapi_fake``, ``nhncloud_fake``, ``webhook_sink`` (fixtures.py, a plugin of
tests/conftest.py), or start a fake directly: ``with SolapiFake() as fake: client = SolapiClient(fake.settings())``.
See docs/providers/README.md for failure scripts, outcomes and webhooks.
"""

from tests.support.fakes.nhncloud_fake import NhnCloudFake
from tests.support.fakes.solapi_fake import SolapiFake
from tests.support.fakes.webhook_sink import WebhookSink

__all__ = ["NhnCloudFake", "SolapiFake", "WebhookSink"]
