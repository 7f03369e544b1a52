"""Session 29 (fix29a): classes the blind training writer writer_s29_a showed — a named patient's medicine in an SMS
(by its INN stem or brand, with a dose or its prescription), a service whose name reveals the condition, findings in
receptionist wordings, promotion in informational messages without a sales word — and the false readings beside them.
Each on sentences written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves
clean."""

from __future__ import annotations

import pytest

from tests.support.compliance import info_alimtalk, info_sms

HEALTH = "PII-HEALTH-IN-SMS"


# 1. a named patient's medicine, with its dose or its prescription
@pytest.mark.parametrize(
    "text",
    [
        "김하준님, 다음 주부터 플루옥세틴 20mg으로 올려서 처방해 드립니다. -늘봄의원",
        "[하나내과] 이수민님 로수바스타틴 10mg 90일분 처방전이 준비되었습니다.",
        "오정민님, 알프라졸람 0.25mg은 불안할 때만 한 알 드세요. -숲속의원",
        "[연세신경과] 최윤아님, 드시고 계신 레베티라세탐이 다음 주에 떨어지니 재처방 받으러 오세요.",
        "문서진님 피나스테리드 재처방 준비됐습니다. 오후에 찾아가세요. -모아비뇨의학과",
        "Hi Daniel, your refill of escitalopram 10 mg is ready at the front desk. - Hannam Clinic",
        "Jenny, please keep taking your levothyroxine 50mcg every morning before breakfast.",
        "Hi Mark, your prescription for quetiapine has been sent to the pharmacy downstairs.",
    ],
)
def test_a_named_patients_medicine_in_an_sms_is_health_data(text: str) -> None:
    assert HEALTH in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[하나내과] 와파린을 드시는 분은 시술 5일 전 담당의와 상의해 주세요.",
        "[늘봄의원] 수면제(졸피뎀 등)를 복용 중인 경우 내시경 전에 알려 주세요.",
        "김하준님, 처방전이 준비되었습니다. 1층 약국에서 받아 가세요. -늘봄의원",
        "이수민님, 진통제는 식후 30분에 드시고 통증이 심하면 연락 주세요.",
        "이수민님, 타이레놀 500mg은 6시간 간격으로 드셔도 됩니다. -밝은치과",
        "If you take warfarin or apixaban, tell us before your extraction on Monday.",
        "[Hannam Clinic] Patients on metformin 1000mg or more should skip the morning dose before a CT scan.",
    ],
)
def test_advice_to_anyone_or_a_painkiller_is_no_health_data(text: str) -> None:
    assert HEALTH not in info_sms(text)


def test_a_medicine_in_an_alimtalk_is_no_sms_health_finding() -> None:
    assert HEALTH not in info_alimtalk("김하준님, 플루옥세틴 20mg 처방이 준비되었습니다.")
