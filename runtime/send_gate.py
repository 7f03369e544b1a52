"""What the clinic itself must have in place before a message may leave (checked at send time, with the
consent rules of runtime/policy.py): the same rules as the publish gate, so a workflow published before a
template lost its approval, or before the opt-out number was cleared, still sends nothing wrong.

- an AlimTalk goes only with a template the clinic holds as approved by Kakao (KAKAO-TEMPLATE-UNAPPROVED);
  library originals never (the sandbox provider too: the rules do not depend on the provider);
- an advertisement goes only with a free opt-out number in it (Network Act art. 50(4)): with no 080 number in
  the rendered text and none in the clinic profile, ``{{ clinic.optout_number }}`` rendered empty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from runtime.rundata import sendable_template

_TOLL_FREE = re.compile(r"080[\s\-.]?\d{3,4}[\s\-.]?\d{4}")


def refusal(*, channel: str, purpose: str, text: str, template: str | None, clinic: Mapping[str, Any]) -> str | None:
    """Why the message must be skipped (Korean / English), or None when the clinic's side is in order."""
    if channel == "alimtalk" and not sendable_template(clinic, template):
        return (
            f"KAKAO-TEMPLATE-UNAPPROVED: 병원이 승인받은 알림톡 템플릿이 아닙니다 ({template}) / "
            f"not an AlimTalk template approved for this clinic ({template})"
        )
    if purpose == "advertising" and not str(clinic.get("optout_number") or "").strip() and not _TOLL_FREE.search(text):
        return (
            "광고 메시지의 080 무료수신거부 번호가 비어 있습니다 (병원 정보에서 입력하세요) / "
            "the advertisement's free opt-out number is empty (set it in the clinic profile)"
        )
    return None
