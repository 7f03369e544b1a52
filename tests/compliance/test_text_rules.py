"""Every text rule id of RULES.md: one message that triggers it and one close message that must not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import lint_text
from compliance.findings import rule_catalogue
from tests.support.compliance import rule_ids

AD_TAIL = " 무료수신거부 080-500-1234"
CLEAN_AD = "(광고) 밝은눈안과 겨울철 눈 건강 검진 안내입니다." + AD_TAIL

# (rule, channel, purpose, triggering text, close text that must not trigger it)
CASES = [
    (
        "MSA-SUPERLATIVE",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 국내 최초 장비!" + AD_TAIL,
        "(광고) 밝은눈안과 최초 내원 시 신분증 지참." + AD_TAIL,
    ),
    (
        "MSA-SUPERLATIVE",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 강남 넘버원 안과." + AD_TAIL,
        "(광고) 밝은눈안과 오늘 최고 기온 30도." + AD_TAIL,
    ),
    (
        "MSA-GUARANTEE",
        "sms",
        "advertising",
        "(광고) 밝은눈안과 효과 100% 보장!" + AD_TAIL,
        "(광고) 밝은눈안과 100% 예약제로 운영합니다." + AD_TAIL,
    ),
    (
        "MSA-SAFETY-CLAIM",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 부작용 없는 검사." + AD_TAIL,
        "(광고) 밝은눈안과 부작용이 있을 수 있습니다." + AD_TAIL,
    ),
    (
        "MSA-TESTIMONIAL",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 치료 후기 보러 오세요." + AD_TAIL,
        "(광고) 밝은눈안과 수술 후 기간 동안 안약 점안." + AD_TAIL,
    ),
    (
        "MSA-BEFORE-AFTER",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 전후 사진 공개." + AD_TAIL,
        "(광고) 밝은눈안과 수술 전후 주의사항 안내." + AD_TAIL,
    ),
    (
        "MSA-COMPARISON",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 타 병원보다 저렴합니다." + AD_TAIL,
        "(광고) 밝은눈안과 타 병원 진료 기록을 지참하세요." + AD_TAIL,
    ),
    (
        "MSA-INDUCEMENT",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 검진 50% 할인!" + AD_TAIL,
        "(광고) 밝은눈안과 검진비는 할인 불가입니다." + AD_TAIL,
    ),
    (
        "MSA-UNVERIFIED",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 신의료기술 도입." + AD_TAIL,
        "(광고) 밝은눈안과 보건복지부 의료기관 인증 병원." + AD_TAIL,
    ),
    ("MSA-CELEBRITY", "friendtalk", "advertising", "(광고) 밝은눈안과 연예인도 선택한 병원." + AD_TAIL, CLEAN_AD),
    (
        "MSA-OMIT-RISK",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 라식 상담 안내." + AD_TAIL,
        "(광고) 밝은눈안과 라식 상담 안내. 부작용이 있을 수 있으며 개인차가 있습니다." + AD_TAIL,
    ),
    (
        "MSA-REVIEW-INCENTIVE",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 후기 작성 시 쿠폰 증정." + AD_TAIL,
        CLEAN_AD,
    ),
    (
        "MSA-DEFAME",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈안과 다른 병원에서 실패한 분도 환영." + AD_TAIL,
        "(광고) 밝은눈안과 다른 병원에서 받으신 검사지 지참." + AD_TAIL,
    ),
    ("MSA-SURGERY-SCENE", "friendtalk", "advertising", "(광고) 밝은눈안과 라이브 수술 공개." + AD_TAIL, CLEAN_AD),
    (
        "MSA-FAKE-TITLE",
        "friendtalk",
        "advertising",
        "(광고) 밝은눈 노안 전문병원." + AD_TAIL,
        "(광고) 밝은눈안과 보건복지부 지정 전문병원." + AD_TAIL,
    ),
    ("MSA-ARTICLE-FORM", "friendtalk", "advertising", "(광고) 밝은눈안과 TV에 나온 병원." + AD_TAIL, CLEAN_AD),
    ("MSA-STUDENT-LURE", "friendtalk", "advertising", "(광고) 밝은눈안과 수험표 지참 시 검진." + AD_TAIL, CLEAN_AD),
    ("MSA-APPEARANCE", "friendtalk", "advertising", "(광고) 밝은눈안과 콤플렉스를 벗으세요." + AD_TAIL, CLEAN_AD),
    ("MSA-PREREVIEW", "sms", "informational", "[밝은눈안과] 특가 이벤트 진행 중", "[밝은눈안과] 내일 10시 예약입니다."),
    (
        "KAKAO-ALIMTALK-PROMO",
        "alimtalk",
        "informational",
        "{{ patient.name }}님, 오픈 기념 이벤트 안내!",
        "{{ patient.name }}님, 내일 10시 예약입니다. 무료 주차 가능합니다.",
    ),
    (
        "KAKAO-ALIMTALK-BLACKLIST",
        "alimtalk",
        "informational",
        "수술하신 부위는 좀 어떠신지요?",
        "수술 후 통증이 심하면 연락 주세요.",
    ),
    ("MSG-ALIMTALK-LENGTH", "alimtalk", "informational", "안" * 1001, "안" * 1000),
    ("ADV-LABEL", "sms", "advertising", "[광고] 밝은눈안과 검진 안내." + AD_TAIL, CLEAN_AD),
    (
        "ADV-LABEL",
        "sms",
        "advertising",
        "(광.고) 밝은눈안과 검진 안내." + AD_TAIL,
        "  (광고) 밝은눈안과 검진 안내." + AD_TAIL,
    ),
    ("ADV-OPTOUT", "friendtalk", "advertising", "(광고) 밝은눈안과 검진 안내.", CLEAN_AD),
    (
        "ADV-SENDER",
        "sms",
        "advertising",
        "(광고) 검진 시기입니다." + AD_TAIL,
        "(광고) {{ clinic.name }} 검진 시기입니다." + AD_TAIL,
    ),
    (
        "ADV-PURPOSE-MISMATCH",
        "sms",
        "informational",
        "[밝은눈안과] 특가 이벤트 진행 중",
        "[밝은눈안과] 내일 10시 예약입니다.",
    ),
    ("PII-RRN", "alimtalk", "informational", "주민번호 900101-1234567", "전화 010-1234-5678, 차트 900101"),
    (
        "PII-HEALTH-IN-SMS",
        "sms",
        "informational",
        "녹내장으로 진단되어 안약 처방이 필요합니다.",
        "검사 결과 안내를 위해 내원해 주세요.",
    ),
    ("MSG-EMPTY", "sms", "informational", " \u200b\n", "."),
    ("MSG-SMS-LENGTH", "sms", "informational", "가" * 46, "가" * 45),
    ("MSG-UNKNOWN-VARIABLE", "sms", "informational", "{{ patient.nmae }}님", "{{ patient.name }}님"),
]


@pytest.mark.parametrize(("rule", "channel", "purpose", "positive", "negative"), CASES)
def test_rule_fires_on_positive_and_not_on_negative(
    rule: str, channel: str, purpose: str, positive: str, negative: str
) -> None:
    found = lint_text(positive, channel, purpose)
    hits = [f for f in found if f.rule == rule]
    assert hits, f"{rule} not found in {[f.rule for f in found]}"
    for finding in hits:
        assert finding.start is not None and finding.end is not None
        assert 0 <= finding.start <= finding.end <= len(positive)
        assert finding.citation == rule_catalogue()[rule].citation
    assert rule not in rule_ids(negative, channel, purpose, labelled_only=False)


def test_every_text_rule_id_of_the_catalogue_is_exercised() -> None:
    graph_only = {
        "KAKAO-TEMPLATE-UNAPPROVED",
        "KAKAO-TEMPLATE-VARIABLES",
        "ADV-NIGHT",
        "CONSENT-MARKETING-GATE",
        "CONSENT-NIGHT-GATE",
        "MSG-IMAGE-UNSUPPORTED",  # a node rule (send.friendtalk), see its golden image_refused.json
        "MSG-EMPTY-VARIABLE",  # needs the clinic's values: tests/clinic_gates/test_empty_variables.py
    }
    assert {c[0] for c in CASES} == set(rule_catalogue()) - graph_only


def test_advertising_rules_do_not_apply_to_informational_messages() -> None:
    # Given a care message without "(광고)" or an opt-out
    found = rule_ids("수술 후 안약을 하루 4회 점안해 주세요.", "sms", "informational")
    # Then no ADV rule fires
    assert not {r for r in found if r.startswith("ADV-")}


def test_offsets_point_at_the_evasion_in_the_original_text() -> None:
    text = "(광고) 밝은눈안과 최.🔥고 의 병원" + AD_TAIL
    [finding] = [f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-SUPERLATIVE"]
    assert text[finding.start : finding.end].startswith("최.🔥고")
    assert finding.excerpt == text[finding.start : finding.end]


def test_discount_with_period_target_and_original_price_is_a_warning() -> None:
    text = "(광고) 밝은눈안과 12월 1일~12월 31일, 기존 환자 대상 검진비 정상가 50,000원 → 40,000원 할인." + AD_TAIL
    [finding] = [f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-INDUCEMENT"]
    assert finding.severity == "warning"


def test_bare_discount_is_an_error() -> None:
    [finding] = [
        f
        for f in lint_text("(광고) 밝은눈안과 검진 할인!" + AD_TAIL, "friendtalk", "advertising")
        if f.rule == "MSA-INDUCEMENT"
    ]
    assert finding.severity == "error"


def test_lms_over_2000_bytes_is_an_error() -> None:
    [finding] = [f for f in lint_text("가" * 1001, "sms", "informational") if f.rule == "MSG-SMS-LENGTH"]
    assert finding.severity == "error"


def test_ordinary_care_text_raises_nothing() -> None:
    for text in [
        "오늘 최고 기온 35도, 안약은 반드시 점안하세요.",
        "통증이 없으시더라도 안약은 계속 점안해 주세요.",
        "상처가 흉터 없이 아물도록 연고를 발라 주세요.",
        "가장 가까운 역은 강남역입니다. 무료 주차 가능.",
        "비용은 진료 후 안내해 드립니다. 할인 불가 항목입니다.",
        "최소 2주간 사우나를 피해 주세요. 부작용 발생 시 내원 바랍니다.",
    ]:
        assert lint_text(text, "alimtalk", "informational") == [], text


def test_unknown_channel_or_purpose_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="channel"):
        lint_text("안녕하세요", "email", "informational")
    with pytest.raises(ValueError, match="purpose"):
        lint_text("안녕하세요", "sms", "other")


def test_rrn_with_and_without_hyphen_and_full_width_digits() -> None:
    for text in [
        "주민번호 123456-1234567",
        "9001012345678",
        "주민번호 ９００１０１－１２３４５６７",
        "880512 - 2345678",
    ]:
        [finding] = [f for f in lint_text(text, "sms", "informational") if f.rule == "PII-RRN"]
        assert (
            text[finding.start : finding.end].replace(" ", "")[-7].translate({0xFF11 + i: str(i + 1) for i in range(9)})
            in "1234"
        )
    for text in ["900101-5234567", "전화 010-1234-5678", "12345-1234567", "주문번호 19900101-1234567"]:
        assert "PII-RRN" not in rule_ids(text, "sms", "informational"), text


def test_public_api_is_complete() -> None:
    import types

    import compliance

    public = {
        name
        for name in dir(compliance)
        if not name.startswith("_") and not isinstance(getattr(compliance, name), types.ModuleType)
    }
    assert set(compliance.__all__) == public


def test_the_friendtalk_default_text_with_the_optout_variable_passes() -> None:
    text = "(광고) {{ clinic.name }}\n\n정기 검진 안내입니다.\n무료수신거부 {{ clinic.optout_number }}"
    assert rule_ids(text, "friendtalk", labelled_only=False) == {"MSA-PREREVIEW"}


def test_hangul_filler_inside_a_word_is_an_evasion() -> None:
    text = "(광고) 밝은눈안과 최\u3164고의 병원" + AD_TAIL
    assert "MSA-SUPERLATIVE" in rule_ids(text, "friendtalk")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("(광고) 밝은눈안과 검진 안내. 무료수신거부 080-500-1234", True),
        ("(광고) 밝은눈안과 검진 안내. 무료 수신 거부: 0805001234", True),
        ("(광고) 밝은눈안과 검진 안내. 무료거부: 채널 차단", True),
        ("(광고) 밝은눈안과 검진 안내. 수신거부 080-500-1234", False),
        ("(광고) 밝은눈안과 검진 안내. 무료수신거부", False),
        (
            "(광고) 밝은눈안과 카카오톡 채널에서 예약하세요. 검진 항목이 많고 시간이 걸리니 여유 있게 오세요. 무료수신거부",
            False,
        ),
    ],
)
def test_free_optout_needs_the_phrase_and_a_number_or_method(text: str, ok: bool) -> None:
    assert ("ADV-OPTOUT" not in rule_ids(text)) is ok


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"최고후기부작용광고무료수신거부080-() .%１０ㅊㅚ🔥\u200b{}#\n", "{{ patient.name }}", "{{ x.y }}"]
        )
    ).map("".join)
    | st.text(),
    st.sampled_from(["alimtalk", "friendtalk", "sms"]),
    st.sampled_from(["informational", "advertising"]),
)
def test_lint_text_never_raises_and_offsets_stay_inside(text: str, channel: str, purpose: str) -> None:
    for finding in lint_text(text, channel, purpose):
        assert finding.start is not None and finding.end is not None
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.severity in {"error", "warning", "info"}


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 밝은눈피부과 피부과 전문의 원장이 직접 상담합니다." + AD_TAIL,
        "(광고) 밝은눈안과 안과 전문의 원격 상담 예약을 받습니다." + AD_TAIL,
    ],
)
def test_a_specialist_doctor_is_not_a_specialist_clinic(text: str) -> None:
    # "전문의 원장" compacts to "전문의원장": the doctor's real title must not read as a "…전문의원" clinic name.
    assert "MSA-FAKE-TITLE" not in rule_ids(text, "friendtalk")


def test_a_specialist_clinic_name_is_still_a_fake_title() -> None:
    text = "(광고) 밝은눈 피부 전문의원에서 상담받으세요." + AD_TAIL
    assert "MSA-FAKE-TITLE" in rule_ids(text, "friendtalk")
