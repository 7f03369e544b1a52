"""Session 25 (lead): classes the blind training writer writer_s25_a showed missed at landing — a disease with its
KCD/ICD code in brackets in an SMS, the press said to have noticed the clinic or carried its doctor's interview, and an
English "check out" inviting to a new service in an AlimTalk — each on sentences written for these tests (not corpus
lines), beside the counterpart a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from compliance.negation import negated_by_analysis, negated_in_writing
from compliance.text_rules import lint_text
from tests.support.compliance import SHORT_RISK_FOOTER, rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "[맑은마음의원] 김하늘님, 공황장애(F41.0) 소견서가 준비되었습니다.",
        "[바른내과] 이서준님 고혈압(I10) 처방전이 발행되었습니다.",
        "[연세피부과] 박민지님, 아토피 피부염 (L20) 진료비 세부내역서 발급 완료.",
    ],
)
def test_a_disease_with_its_code_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[맑은마음의원] 김하늘님, 요청하신 소견서가 준비되었습니다.",
        "[바른내과] 이서준님, 주차권(A10) 발급 위치는 1층 안내데스크입니다.",
        "[연세피부과] 박민지님, 진료비 세부내역서(양식 B20) 발급 완료.",
    ],
)
def test_a_document_or_a_code_without_a_disease_is_not(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[고운피부과] 각종 매체가 주목한 여드름 흉터 치료, 상담 예약 받습니다." + SHORT_RISK_FOOTER,
        "(광고)[새빛안과] 원장 인터뷰 기사가 게재된 건강 잡지, 로비에서 보실 수 있습니다." + SHORT_RISK_FOOTER,
        "(광고)[새빛안과] 대표원장 인터뷰가 실린 건강 잡지, 로비에서 보실 수 있습니다." + SHORT_RISK_FOOTER,
    ],
)
def test_the_press_noticing_the_clinic_is_article_form(text: str) -> None:
    assert "MSA-ARTICLE-FORM" in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[고운피부과] 12월 진료 일정 안내: 24일은 오후 5시까지 진료합니다." + SHORT_RISK_FOOTER,
        "[새빛안과] 홍길동님, 요청하신 진료 기록 사본이 준비되었습니다.",
    ],
)
def test_no_press_no_article_form(text: str) -> None:
    assert "MSA-ARTICLE-FORM" not in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "[Glow Dental] Your cleaning on Jan 8 at 10 AM is confirmed. Check out our new whitening treatment on our site!",
        "[Glow Dental] Your cleaning on Jan 8 at 10 AM is confirmed. Check out our brand-new whitening program on our channel!",
    ],
)
def test_check_out_a_new_treatment_in_an_alimtalk_is_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


def test_a_booking_confirmation_with_check_in_advice_is_not() -> None:
    text = "[Glow Dental] Your cleaning on Jan 8 at 10 AM is confirmed. Please check in at the front desk 10 minutes early."
    assert "KAKAO-ALIMTALK-PROMO" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[온누리정형외과] 진료의뢰서와 타 병원 MRI 영상 CD를 지참하시면 중복 촬영 없이 진료합니다."
        + SHORT_RISK_FOOTER,
        "(광고)[온누리정형외과] 타 병원 검사 결과지를 챙겨 오시면 첫 상담이 빨라집니다." + SHORT_RISK_FOOTER,
    ],
)
def test_another_providers_records_brought_along_are_paperwork(text: str) -> None:
    assert not {"MSA-COMPARISON", "MSA-DEFAME"} & rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[온누리정형외과] 타 병원에서 잘못된 수술 사진을 가져오시면 재수술 상담해 드립니다." + SHORT_RISK_FOOTER,
        "(광고)[온누리정형외과] 타 병원보다 정확합니다. 타 병원 영상 CD를 지참하시면 비교해 드립니다."
        + SHORT_RISK_FOOTER,
    ],
)
def test_records_beside_a_contrast_or_a_failure_stay_a_comparison(text: str) -> None:
    assert "MSA-COMPARISON" in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[하얀미소치과] 교정 체험담을 블로그에 올려 주시면 커피 쿠폰을 드립니다." + SHORT_RISK_FOOTER,
        "(광고)[하얀미소치과] 임플란트 경험담 1편 게시 시 3만원 지급!" + SHORT_RISK_FOOTER,
        "(광고)[하얀미소치과] 환자 평가단 모집: 선정되시면 미백 1회 제공" + SHORT_RISK_FOOTER,
    ],
)
def test_a_reward_for_a_treatment_story_is_a_review_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[하얀미소치과] 최신 수술기구를 도입해 12월부터 진료에 사용합니다." + SHORT_RISK_FOOTER,
        "(광고)[하얀미소치과] 구강 관리 사용기를 홈페이지에 정리해 두었습니다." + SHORT_RISK_FOOTER,
    ],
)
def test_no_reward_no_review_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[바른한의원] 추나 5회 등록 시 1회 추가 제공, 본인부담금은 묻지도 따지지도 않습니다.",
        "(광고)[바른한의원] 도수치료 10회 등록 시 2회 추가, 예약금은 받지 않습니다.",
    ],
)
def test_a_charge_waived_after_an_offer_does_not_withdraw_it(text: str) -> None:
    end = text.index("추가") + len("추가")
    assert not negated_in_writing(text, end) and not negated_by_analysis(text, end)


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[맑은눈안과] 1회로 끝나는 노안 교정, 지금 상담하세요." + SHORT_RISK_FOOTER,
        "(광고)[맑은피부과] 점 제거, 단 한 번에 해결됩니다." + SHORT_RISK_FOOTER,
    ],
)
def test_one_session_and_done_is_a_guarantee(text: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(text, "friendtalk", "advertising")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[맑은피부과] 기미 치료는 1회로 끝나지 않으며 보통 여러 차례 필요합니다." + SHORT_RISK_FOOTER,
        "(광고)[맑은피부과] 점 제거 상담은 1회에 30분 정도 걸립니다." + SHORT_RISK_FOOTER,
    ],
)
def test_a_session_count_denied_or_timed_is_not(text: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(text, "friendtalk", "advertising")


def test_the_surgery_process_filmed_is_surgery_footage() -> None:
    text = "(광고)[라인성형외과] 코 수술 전 과정을 카메라에 그대로 담았습니다. 채널에서 보세요." + SHORT_RISK_FOOTER
    assert "MSA-SURGERY-SCENE" in rule_ids(text, "friendtalk", "advertising")


def test_the_surgery_process_explained_is_not() -> None:
    text = "(광고)[라인성형외과] 코 수술 과정을 상담 때 자세히 설명해 드립니다." + SHORT_RISK_FOOTER
    assert "MSA-SURGERY-SCENE" not in rule_ids(text, "friendtalk", "advertising")


def test_a_photo_album_posted_on_the_channel_in_a_care_message_is_promotion() -> None:
    text = "[라인성형외과] 홍길동님, 수술 후 2주 차 안내입니다. 이번 달 전후 사진첩을 채널에 올렸어요."
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(text, "sms", "informational")


def test_a_provider_named_by_a_letter_is_named_and_the_senders_own_bracketed_name_is_not() -> None:
    # named: either reading since session 28 (None), not the unnamed place's False
    assert disparagement_compares("(광고)[하늘성형외과] B성형외과에서 망가진 코, 다시 살려 드립니다.") is None
    assert disparagement_compares("(광고)[K성형외과] 싸게 받은 코 수술, 결국 두 번 돈 듭니다.") is False


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("(광고)[소담치과] 정가 대비 40% 저렴! 싸게 했다가 두 번 돈 드는 임플란트, 이제 그만.", False),
        ("(광고)[소담치과] 정상가보다 30만 원 낮춘 교정비, 싸게 했다가 망친 교정은 다시 못 돌립니다.", False),
        ("(광고)[소담치과] 다른 곳보다 꼼꼼합니다. 싸게 했다가 망친 교정은 다시 못 돌립니다.", True),
    ],
)
def test_a_price_against_its_own_list_price_is_no_comparison_with_a_provider(text: str, compares: bool) -> None:
    assert disparagement_compares(text) is compares


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [으뜸미소치과] 스케일링 예약 받습니다." + SHORT_RISK_FOOTER,
        "(광고) [예뻐지는성형외과] 12월 상담 일정 안내드립니다." + SHORT_RISK_FOOTER,
    ],
)
def test_a_word_inside_the_clinics_bracketed_name_is_the_name(text: str) -> None:
    assert not {"MSA-SUPERLATIVE", "MSA-APPEARANCE"} & rule_ids(text, "friendtalk", "advertising")


def test_a_claim_beside_the_name_in_the_head_stays() -> None:
    assert "MSA-SUPERLATIVE" in rule_ids("(광고) [No.1 으뜸미소치과] 스케일링 예약 받습니다." + SHORT_RISK_FOOTER)


def test_removing_a_guarantee_that_starts_inside_a_decimal_leaves_no_value_behind() -> None:
    text = "(광고) [밝은빛안과] 스마일라식, 시력 1.0 확실하게 나옵니다. 수술 후 빛번짐 등 부작용이 있을 수 있습니다. 무료수신거부 080-404-3333"
    guarantee = [f for f in lint_text(text, "sms", "advertising") if f.rule == "MSA-GUARANTEE"]
    assert guarantee and guarantee[0].suggestion is not None
    after = guarantee[0].suggestion.apply(text)
    assert "1." not in after and not {"MSA-GUARANTEE", "PII-HEALTH-IN-SMS"} & rule_ids(after, "sms", "advertising")
