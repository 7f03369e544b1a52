"""Staff screens show that a message carried the patient's confirm/cancel link, never its token: whoever holds
the token can confirm or cancel her appointment (real app, real SQLite, the real runtime on a virtual clock)."""

from __future__ import annotations

from typing import Any

from runtime.context import Runtime
from storage.identity import hide_link_tokens
from tests.patient_links.test_links import CONFIRM_THEN_REMIND, LATER, _link
from tests.support.documents import event
from tests.support.runtime import outbox, publish_document, start


def test_a_token_is_cut_and_everything_else_is_kept() -> None:
    token = "AQAAAAEAAAAAAAAAB2d3ZX3abcdefghij0123456789"
    text = f"[밝은눈안과] 예약 확인: https://eye.example.kr/p/{token} 온라인 예약: https://eye.example.kr/p/book/bright"
    assert hide_link_tokens(text) == (
        "[밝은눈안과] 예약 확인: https://eye.example.kr/p/… 온라인 예약: https://eye.example.kr/p/book/bright"
    )
    # a link in parentheses or before a full stop, and a text with no link at all
    assert hide_link_tokens(f"(https://x.kr/p/{token}).") == "(https://x.kr/p/…)."
    assert hide_link_tokens("내일 오후 3시 예약입니다.") == "내일 오후 3시 예약입니다."


async def test_the_appointment_panel_the_message_list_and_the_patient_page_show_no_token(
    client_as: Any, rt: Runtime, clinic_id: int
) -> None:
    # Given a booking whose workflow texted the patient her confirm link
    await publish_document(rt.settings, clinic_id, CONFIRM_THEN_REMIND)
    await start(rt, clinic_id, event("appointment.booked", "naver-900", appointment=LATER))
    [sent] = await outbox(rt)
    token = _link(sent.text)
    staff = await client_as("staff")
    # When the front desk opens the appointment, the message list and the patient's page
    book = (await staff.get("/api/appointments", params={"from": "2027-01-10", "to": "2027-01-10"})).json()
    [appointment] = book["appointments"]
    panel = (await staff.get(f"/api/appointments/{appointment['id']}")).json()
    listed = (await staff.get("/api/messages")).json()["messages"]
    activity = (await staff.get(f"/api/patients/{appointment['patient']['id']}/activity")).json()["messages"]
    texts = [m["text"] for m in panel["message_list"] + listed + activity]
    # Then each shows that the link was sent, cut after /p/, never the token
    assert len(texts) == 3
    assert all("예약 확인: " in t and "/p/…" in t and token not in t for t in texts), texts
