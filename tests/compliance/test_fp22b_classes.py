"""Session 22 (fp22b): an advertising claim written into a care or booking message (a quoted patient in a post-op
reminder, a lifelong result promised at a check-up, a comparison with other clinics before the appointment time) is
the MSA rule's in any message; the care text around such claims stays clean. Sentences written for these tests (not
corpus lines)."""

from __future__ import annotations

import pytest

from tests.support.compliance import rule_ids

CLAIMS = {
    "MSA-TESTIMONIAL",
    "MSA-GUARANTEE",
    "MSA-SAFETY-CLAIM",
    "MSA-COMPARISON",
    "MSA-DEFAME",
    "MSA-SUPERLATIVE",
    "MSA-FAKE-TITLE",
}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "[새빛정형외과] 인공관절 수술 2주차 안내입니다. 같은 수술을 받으신 70대 환자분도 '한 달 만에 산책을 다녔다'고"
            " 하셨어요.",
            "MSA-TESTIMONIAL",
        ),
        (
            "[해맑은치과] '이제 사과도 베어 먹어요'라는 환자분 말씀이 저희의 보람입니다. 다음 점검은 3월 4일입니다.",
            "MSA-TESTIMONIAL",
        ),
        (
            "[봄빛산부인과] 출산하신 산모님들의 감사 편지를 로비에 전시하고 있습니다. 다음 진료는 1월 9일입니다.",
            "MSA-TESTIMONIAL",
        ),
        (
            "[온담내과] 수면 대장내시경이 생각보다 좋았다는 리뷰가 많습니다. 1월 6일 오전 8시에 오세요.",
            "MSA-TESTIMONIAL",
        ),
        (
            "[Haneul Dental] Hear from patients who finished their implants with us. Check-up: Feb 2, 10 AM.",
            "MSA-TESTIMONIAL",
        ),
        ("[푸른치과] 임플란트는 평생 사용하실 수 있으니 걱정하지 마세요. 점검일은 2월 3일입니다.", "MSA-GUARANTEE"),
        (
            "[한빛재활의학과] 재활 치료를 꾸준히 받으시면 허리 통증은 반드시 사라집니다. 다음 예약은 1월 8일입니다.",
            "MSA-GUARANTEE",
        ),
        ("[봄빛산부인과] 시험관 시술 일정 안내. 저희 프로그램이면 임신은 확실합니다.", "MSA-GUARANTEE"),
        ("[Sora ENT] Reminder: sinus check Jan 4. Results guaranteed after one laser session.", "MSA-GUARANTEE"),
        ("[다온치과] 저희는 아프지 않은 무통 치료만 합니다. 예약은 1월 7일 오후 2시입니다.", "MSA-SAFETY-CLAIM"),
        ("[가람이비인후과] 편도 수술 후에도 통증이 없어 다음 날 바로 등교할 수 있습니다.", "MSA-SAFETY-CLAIM"),
        ("[하나로내과] 종합병원처럼 5분 진료하지 않습니다. 1월 8일 오전 10시 예약입니다.", "MSA-COMPARISON"),
        ("[새싹소아청소년과] 근처 소아과들보다 대기가 짧습니다. 접종일은 1월 5일입니다.", "MSA-COMPARISON"),
        (
            "[가람이비인후과] 다른 이비인후과와 달리 저희는 검사부터 꼼꼼히 합니다. 결과 상담은 1월 6일입니다.",
            "MSA-COMPARISON",
        ),
        ("[Haneul Dental] Thanks for visiting the best dental clinic in Seoul! See you on Feb 2.", "MSA-SUPERLATIVE"),
        ("[새봄검진센터] 지역 최고의 검진센터에서 1월 9일 검진을 진행합니다.", "MSA-SUPERLATIVE"),
        ("[튼튼척추외과] 허리 명의 박○○ 원장의 진료는 1월 5일입니다.", "MSA-SUPERLATIVE"),
        ("[튼튼척추외과] 허리 명의 박○○ 원장의 진료는 1월 5일입니다.", "MSA-FAKE-TITLE"),
        ("[든든정형외과] 척추 전문병원 든든에서 안내드립니다. 다음 물리치료는 1월 6일입니다.", "MSA-FAKE-TITLE"),
    ],
)
def test_a_claim_in_a_care_message_is_the_msa_rules(text: str, rule: str) -> None:
    assert rule in rule_ids(text, "alimtalk", "informational")
    assert rule in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[새빛정형외과] 수술 후 통증이 없으시더라도 처방약은 끝까지 드세요.",
        "[해맑은치과] 임플란트도 평생 쓸 수 있는 것은 아니니 6개월마다 점검을 받으세요.",
        "[Sora ENT] We cannot guarantee results; every patient heals differently. See you on Jan 4.",
        "[온담내과] 다른 병원에서 받은 검사 결과지가 있으면 가져오세요.",
        "[봄빛산부인과] 환자분들이 흔히 '배가 당긴다'고 표현하시는 증상은 정상입니다.",
        "[가람이비인후과] 오늘 최고 기온은 영하 5도입니다. 수술 부위를 따뜻하게 해 주세요.",
        "[튼튼척추외과] 예약자 명의 변경은 전화로 가능합니다.",
        "[든든정형외과] 보건복지부 지정 관절 전문병원으로 전원 의뢰서를 발급해 드렸습니다.",
        "[Haneul Dental] The best way to reach us after hours is 010-1234-5678.",
        "[다온치과] 무통 마취를 원하시면 접수 때 말씀해 주세요.",
        "[해맑은치과] 환자분의 편지는 원장님께 잘 전달하겠습니다.",
        "[한빛재활의학과] 반드시 보호자와 함께 오셔야 합니다. 통증이 반드시 사라지는 것은 아니니 무리하지 마세요.",
        "[하나로내과] 예약은 그대로 유지됩니다. 변경을 원하시면 전화 주세요.",
        "[새싹소아청소년과] 원장님이 '열이 나면 바로 오라'고 하셨습니다. 해열제는 4시간 간격으로 드세요.",
    ],
)
def test_care_text_with_claim_words_stays_clean(text: str) -> None:
    assert not CLAIMS & rule_ids(text, "alimtalk", "informational")
    assert not CLAIMS & rule_ids(text, "sms", "informational")


def test_a_reading_with_its_finding_in_an_sms_is_health_data() -> None:
    finding = "[바른정형외과] CT 판독 결과 요추 골절로 입원이 필요합니다. 내일 오전에 오세요."
    assert "PII-HEALTH-IN-SMS" in rule_ids(finding, "sms", "informational")
    assert "PII-HEALTH-IN-SMS" not in rule_ids(finding, "alimtalk", "informational")
    pending = "[바른정형외과] 판독 결과는 개인정보 보호를 위해 진료실에서 안내드립니다."
    assert "PII-HEALTH-IN-SMS" not in rule_ids(pending, "sms", "informational")


def test_no_fee_for_a_document_is_no_free_service() -> None:
    notice = "[하나로내과] 진단서와 진료비 영수증은 수납창구에서 발급하며 발급 수수료는 받지 않습니다."
    assert not {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"} & rule_ids(notice, "sms", "informational")
    offer = "[하나로내과] 이번 달 내원하시면 갑상선 초음파 검사를 무료로 해 드립니다."
    assert "MSA-INDUCEMENT" in rule_ids(offer, "sms", "informational")


def test_a_place_in_the_queue_is_no_ranking() -> None:
    queue = "[새싹소아청소년과] 현재 대기 순위 1위입니다. 3번 진료실 앞에서 기다려 주세요."
    assert "MSA-SUPERLATIVE" not in rule_ids(queue, "alimtalk", "informational")
    assert "MSA-SUPERLATIVE" in rule_ids(
        "[새싹소아청소년과] 지역 소아과 만족도 1위 병원입니다. 접종일은 1월 5일입니다.", "alimtalk", "informational"
    )


def test_a_numbered_rule_of_care_advice_is_no_ranking() -> None:
    advice = "[Sora ENT] Day 2 after tonsil surgery: No. 1 rule — never skip your pain medicine schedule."
    assert "MSA-SUPERLATIVE" not in rule_ids(advice, "alimtalk", "informational")


def test_a_phone_consultation_about_results_is_no_sales_call() -> None:
    care = (
        "[봄빛산부인과] 검사 결과가 나왔습니다. 자세한 내용은 진료실에서 설명드리며, 원하시면 전화 상담도 가능합니다."
    )
    assert "KAKAO-ALIMTALK-PROMO" not in rule_ids(care, "alimtalk", "informational")
    pitch = "[봄빛산부인과] 검사 결과가 나왔습니다. 이번 기회에 레이저 질 타이트닝 시술 상담도 가능합니다."
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(pitch, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[푸른치과] 임플란트를 평생 유지하실 수 있도록 6개월마다 정기검진을 받으세요.",
        "[한빛재활의학과] 재발 없는 상태를 유지하려면 집에서도 스트레칭을 꾸준히 해 주세요.",
        "[온담내과] 다른 병원에서는 진료 기록을 보내 주셔야 저희가 확인할 수 있습니다.",
        "[든든정형외과] 화상 전문병원인 한강화상병원으로 전원 의뢰서를 보내 드렸습니다.",
        "[새빛정형외과] 환자분께서 '아프다'고 말씀하시면 바로 진통제를 드립니다.",
        "[봄빛산부인과] 보내 주신 사연을 확인하고 담당 간호사가 연락드리겠습니다.",
        "[가람이비인후과] 수술 후에도 통증이 없어야 정상입니다. 통증이 심해지면 연락 주세요.",
        "[하나로내과] 당뇨 관리는 평생 지속됩니다. 식후 혈당을 기록해 오세요.",
        "[봄빛산부인과] 초음파 검사로 임신이 확실합니다. 다음 진료는 4주 후입니다.",
        "[Sora ENT] Your test results are guaranteed to stay private and are sent only to you.",
        "[맑은내과] 환자분들이 '속이 쓰리다'고 하셨던 증상은 약 복용 2주 후 다시 확인하겠습니다.",
        "[튼튼정형외과] 수술 후에도 통증이 없어졌다가 다시 생기면 바로 오세요.",
        "[바른치과] 교정 후 유지 장치는 평생 사용하실 수도 있습니다. 자세한 내용은 상담 때 안내드립니다.",
        "[Sora ENT] Watch our patients who need a hearing test video guide before your visit.",
    ],
)
def test_care_advice_around_claim_forms_stays_clean(text: str) -> None:
    assert not CLAIMS & rule_ids(text, "alimtalk", "informational")


def test_a_finding_to_look_for_is_no_health_data() -> None:
    prep = "[온담내과] 내시경 검사 결과 용종이 발견되면 당일 제거할 수 있습니다. 전날 저녁 9시부터 금식하세요."
    assert "PII-HEALTH-IN-SMS" not in rule_ids(prep, "sms", "informational")
