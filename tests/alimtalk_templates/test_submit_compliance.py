"""A template goes to Kakao only if the compliance checker passes its text as an informational AlimTalk."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from nodes.send_alimtalk.library import load_library

# The template lifecycle itself: the clinic starts without approved copies of the library (tests/support/clinic.py).
pytestmark = pytest.mark.own_templates

Client = AsyncTestClient[Litestar]
BASE = "/api/alimtalk-templates"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "#{이름}님, 이번 달 라식 할인 이벤트! 지금 예약하시면 50% 할인해 드립니다. #{병원전화}",
            "KAKAO-ALIMTALK-PROMO",
        ),
        ("#{이름}님, 생일을 축하드립니다! #{병원명}", "KAKAO-ALIMTALK-BLACKLIST"),
        ("#{이름}님, 부작용 없는 100% 안전한 시술로 회복 중이십니다. #{병원전화}", "MSA-SAFETY-CLAIM"),
        ("#{이름}님, 주민등록번호 900101-1234567로 접수되었습니다. #{병원전화}", "PII-RRN"),
    ],
)
async def test_submission_is_refused_with_the_findings(client: Client, text: str, rule: str) -> None:
    body = {"code": "BAD_TEMPLATE", "name": "안내", "category": "notice", "text": text}
    assert (await client.post(BASE, json=body)).status_code == 201
    refused = await client.post(f"{BASE}/BAD_TEMPLATE/submit")
    assert refused.status_code == 422, refused.text
    errors = refused.json()["errors"]
    assert rule in {e["code"] for e in errors}
    assert all(e["path"] == "/text" and " / " in e["message"] for e in errors)
    # nothing was half-done: the template is still a draft
    assert (await client.get(f"{BASE}/BAD_TEMPLATE")).json()["status"] == "draft"


async def test_every_shipped_template_can_be_submitted(client: Client) -> None:
    for code in load_library():
        assert (await client.post(f"{BASE}/library/{code}/copy")).status_code == 201
        submitted = await client.post(f"{BASE}/{code}/submit")
        assert submitted.status_code == 200, (code, submitted.text)
        assert submitted.json()["status"] == "submitted"
