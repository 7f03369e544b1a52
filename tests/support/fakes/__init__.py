"""Fake provider servers (real local HTTP servers) for any package's tests.

Use the fixtures by importing them into your conftest (``from tests.support.fakes.fixtures import solapi_fake``),
or start a fake directly: ``with SolapiFake() as fake: client = SolapiClient(fake.settings())``.
See docs/providers/README.md for failure scripts, outcomes and webhooks.
"""

from tests.support.fakes.nhncloud_fake import NhnCloudFake
from tests.support.fakes.solapi_fake import SolapiFake
from tests.support.fakes.webhook_sink import WebhookSink

__all__ = ["NhnCloudFake", "SolapiFake", "WebhookSink"]
