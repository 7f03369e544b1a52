"""Recall on phrasing no word list names (issue 17): the eighth- and ninth-round frames, inflected forms through
morphology, and the clean traps they must leave alone."""

from __future__ import annotations

import pytest

from tests.support.compliance import rule_ids

AD = "(광고) 해든피부과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-432-1002"


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("시술받은 분들이 입을 모아 말합니다. 생각보다 편했다고.", "MSA-TESTIMONIAL"),
        ("3개월 만에 12kg을 감량한 30대 직장맘의 비결을 인터뷰했습니다.", "MSA-TESTIMONIAL"),
        ("Watch Kevin's hair transplant journey.", "MSA-TESTIMONIAL"),
        ("큰 병원 가서 몇 시간씩 기다리지 마세요.", "MSA-COMPARISON"),
        ("Why pay more elsewhere?", "MSA-COMPARISON"),
        ("저가 임플란트의 함정, 나중에 더 큰 비용이 듭니다.", "MSA-DEFAME"),
        ("리프팅 정가 120만 원, 이번 달 69만 원.", "MSA-INDUCEMENT"),
        ("3회 결제하시면 1회 더 해 드려요.", "MSA-INDUCEMENT"),
        ("Buy 2 sessions, get the 3rd on us.", "MSA-INDUCEMENT"),
        ("검사비는 일절 받지 않겠습니다.", "MSA-INDUCEMENT"),  # lemma: 받다 지 않다 in any inflection
        ("한 분은 상담료를 안 받아요.", "MSA-INDUCEMENT"),
        ("효과를 못 보시면 다음 달 비용은 저희가 부담하겠습니다.", "MSA-GUARANTEE"),  # lemma: 못 보다 … 부담 하다
        ("원하시는 라인, 반드시 만들어 드립니다.", "MSA-GUARANTEE"),
        ("Your hair will grow back. We promise.", "MSA-GUARANTEE"),
        ("위험 부담 없는 비수술 리프팅.", "MSA-SAFETY-CLAIM"),
        ("드라마 주연 배우들을 담당하는 원장님.", "MSA-CELEBRITY"),
        ("As featured in Vogue Korea.", "MSA-ARTICLE-FORM"),
        ("지방흡입 실제 수술 모습, 영상으로 확인하세요.", "MSA-SURGERY-SCENE"),
        ("전국에서 손꼽히는 피부과.", "MSA-SUPERLATIVE"),
        ("See the transformation: photos from week 1 to week 12.", "MSA-BEFORE-AFTER"),
        ("Leave us a Google review and get a free LED session.", "MSA-REVIEW-INCENTIVE"),
    ],
)
def test_unseen_phrasing_is_found(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("[해든의원] 헬리코박터 양성으로 제균 치료를 시작합니다.", "PII-HEALTH-IN-SMS"),
        ("Hadeun Clinic: your biopsy showed abnormal cells.", "PII-HEALTH-IN-SMS"),
        ("{{ patient.name }}님 처방: 에스시탈로프람 10mg 30일분", "PII-HEALTH-IN-SMS"),
        ("[해든안과] 최신 각막 지형도 장비를 들였습니다. 정밀한 검사를 경험해 보세요.", "ADV-PURPOSE-MISMATCH"),
        ("[해든한의원] 환절기 면역 관리, 공진단으로 미리 준비하세요.", "ADV-PURPOSE-MISMATCH"),
    ],
)
def test_sms_health_data_and_promotion(text: str, rule: str) -> None:
    assert rule in rule_ids(text, "sms", "informational")


def test_post_op_check_in_question_is_blacklisted() -> None:
    text = "{{ patient.name }}님 수술하신 지 한 달이 되었네요. 요즘 잘 보이시나요?"
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        ("시술 받아본 직원이 말하는 통증 정도는 개인마다 다릅니다.", "alimtalk", "informational"),  # 통증 정도 ≠ 증정
        ("마취가 풀리면 통증 정도에 따라 진통제를 드세요.", "sms", "informational"),
        ("주차권은 접수처에서 드립니다. 2시간 무료입니다.", "alimtalk", "informational"),
        ("다른 곳이 아프시거나 열이 나면 진료 전에 말씀해 주세요.", "alimtalk", "informational"),
        ("[해든의원] 만 65세 이상은 독감 예방접종이 무료입니다(국가예방접종).", "sms", "informational"),
        ("현금은 받지 않습니다. 카드 결제만 가능합니다.", "alimtalk", "informational"),
        ("드물게 출혈이 있을 수 있으니 붓거나 열이 나면 연락 주세요.", "sms", "informational"),
        (
            "(광고) Hadeun Eye Clinic 토요일 오후 진료를 시작합니다. 무료수신거부 080-432-1001",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) BARUN MADI ORTHOPEDICS 물리치료실 운영 시간 변경 안내. 무료수신거부 080-600-1000",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) 해든피부과 레이저 토닝 상담 안내 *개인차·부작용 있음 무료수신거부 080-432-1002",
            "friendtalk",
            "advertising",
        ),
    ],
)
def test_clean_traps_stay_clean(text: str, channel: str, purpose: str) -> None:
    assert rule_ids(text, channel, purpose) == set()


def test_a_guarantee_remedy_is_not_also_an_inducement() -> None:
    found = rule_ids(AD.format("결과가 마음에 안 드시면 재수술은 무상으로 해 드립니다."), "friendtalk")
    assert "MSA-GUARANTEE" in found
    assert "MSA-INDUCEMENT" not in found
