"""Pytest fixtures for the fake providers, available to every test (a plugin of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fakes.nhncloud_fake import NhnCloudFake
from tests.support.fakes.solapi_fake import SolapiFake
from tests.support.fakes.webhook_sink import WebhookSink


@pytest.fixture
def solapi_fake() -> Iterator[SolapiFake]:
    """A running fake SOLAPI; ``solapi_fake.settings()`` gives client settings pointing at it."""
    with SolapiFake() as fake:
        yield fake


@pytest.fixture
def nhncloud_fake() -> Iterator[NhnCloudFake]:
    """A running fake NHN Cloud (SMS + KakaoTalk Bizmessage on one port)."""
    with NhnCloudFake() as fake:
        yield fake


@pytest.fixture
def webhook_sink() -> Iterator[WebhookSink]:
    """A local endpoint recording what providers post to ``webhook_sink.url``."""
    with WebhookSink() as sink:
        yield sink
