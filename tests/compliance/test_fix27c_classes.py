"""Session 27 (fix27c): keyword-free safety, superlative, unverified, appearance, guarantee and testimonial classes the
blind training writer writer_s27_c showed missed at landing (``rules/frames_s27_c.json``,
``rules/context_checks_s27_c.json``) — each on sentences written for these tests (not corpus lines), beside the
counterpart a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support import compliance as support
from tests.support.compliance import care_note, korean_ad, rule_ids

AD = "(광고) 다솜의원 "

ad = partial(korean_ad, clinic="다솜의원")
english_ad = partial(support.english_ad, clinic="Dasom Clinic")
care = partial(care_note, clinic="다솜의원")


# --- class 1: safety claims without a pain, side-effect or scar word


@pytest.mark.parametrize(
    "body",
    [
        "토닝 받고 저녁 약속에 나가셔도 다녀온 흔적이 피부에 보이지 않습니다.",
        "눈밑 지방 재배치, 사흘이면 회사 동료들도 눈치채지 못합니다.",
        "필러 맞은 자리요? 가까이서 봐도 모르실 정도예요.",
        "절개 없이 진행해 자국을 걱정하실 필요가 없습니다.",
        "레이저 받고 온 줄 가족도 몰라요.",
        "절개선을 찾기도 어려울 만큼 깔끔하게 아뭅니다.",
        "사흘이면 부기가 빠져 주변에서도 알아채지 못합니다.",
    ],
)
def test_nothing_showing_afterwards_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "시술 부위에 자국이 남지 않도록 2주간 자외선 차단제를 꼭 발라 주세요.",
        "진료실은 1인실이라 아무도 눈치채지 못하게 조용히 안내해 드립니다.",
        "아무도 눈치채지 못할 만큼 자연스러운 라인을 만듭니다.",
        "상처가 없이 아물 때까지 연고를 하루 두 번 발라 주세요.",
    ],
)
def test_advice_against_marks_and_privacy_are_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "수면 없이도 아무 감각 없이 끝나는 신경치료.",
        "주사 들어가는 줄도 모르실 만큼 가는 바늘을 씁니다.",
        "뻐근함조차 느낄 틈 없이 끝나는 체외충격파 치료.",
    ],
)
def test_no_sensation_at_all_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "췌장암은 초기에 통증도 느끼기 어려워 정기 검진이 중요합니다. 복부 초음파 예약 받습니다.",
        "마취 후 아무 느낌이 없으시면 바로 말씀해 주세요. 진료 예약 받습니다.",
    ],
)
def test_a_disease_felt_late_or_a_question_is_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "20년 동안 탈이 난 적이 단 한 번도 없는 수술법으로 치료합니다.",
        "녹는 실을 써서 나중에 말썽 생길 일이 없습니다.",
        "민감한 잇몸도 아무 탈 없이 받는 스케일링.",
    ],
)
def test_nothing_ever_going_wrong_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "예전에 마취로 문제가 생긴 적이 있으시면 상담 때 알려 주세요.",
        "이전 수술에서 합병증이 생긴 적이 없는지 문진표에 적어 주세요.",
    ],
)
def test_asking_about_past_trouble_is_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "걸어서 들어와 걸어서 나가시는 하지정맥류 시술.",
        "휴가를 낼 필요도 없는 주말 지방흡입.",
        "레이저 받고 바로 헬스 가셔도 되는 저출력 장비입니다.",
        "오전에 받고 오후 미팅 잡으셔도 됩니다. 보톡스 상담 예약 받습니다.",
        "사랑니 발치 당일 저녁에 삼겹살 드셔도 됩니다.",
        "코 필러 다음 날 출근하셔도 됩니다.",
        "병가를 낼 필요 없는 당일 시술.",
        "토요일에 수술받고 월요일에 회사 복귀하세요.",
        "회복 기간이요? 주말 이틀이면 충분합니다.",
    ],
)
def test_straight_back_to_normal_life_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "시술 후 바로 운동하셔도 되는지는 진료 때 여쭤 주세요. 보톡스 상담 예약 받습니다.",
        "수술 당일 음주는 삼가시고, 출근은 보통 사흘 뒤부터 가능합니다. 쌍꺼풀 상담 예약 받습니다.",
        "수면마취 후에는 바로 운전하지 마시고 회복실에서 쉬다 가세요. 내시경 예약 받습니다.",
        "수술 다음 날 출근이 가능한지는 수술 방법에 따라 다릅니다. 상담 예약 받습니다.",
        "주말에 수술받고 월요일에 출근하시기는 어렵습니다. 상담 예약 받습니다.",
    ],
)
def test_return_times_with_a_caution_are_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our fractional laser leaves nothing to heal from.",
        "Back at the office 24 hours after your eyelid surgery.",
        "Back to the gym the next day after our body contouring.",
        "Book at noon, walk out ready for dinner.",
        "No need to take days off for this peel.",
    ],
)
def test_english_recovery_waved_away_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Most patients can usually get back to work 3 to 5 days after surgery.",
        "Please avoid the gym for 2 weeks after liposuction.",
        "Walk in with glasses, walk out with a consultation plan from our surgeon.",
    ],
)
def test_english_return_times_given_as_care_are_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "멍들까 봐 하시던 걱정은 이제 접어 두세요. 필러 상담 받습니다.",
        "교정 장치가 아플까 걱정하실 필요 없습니다.",
        "부기 걱정은 이제 내려놓으세요. 리프팅 상담 받습니다.",
    ],
)
def test_a_fear_of_pain_waved_away_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


def test_an_offer_of_help_for_that_fear_is_not() -> None:
    assert "MSA-SAFETY-CLAIM" not in ad("아플까 봐 걱정되시면 마취 크림을 요청해 주세요. 레이저 상담 예약 받습니다.")


# --- class 2: superlative idioms


@pytest.mark.parametrize(
    "body",
    [
        "임플란트 식립 경험은 어느 곳에도 밀리지 않는 치과입니다.",
        "무릎 통증이라면 이보다 확실한 방법은 없습니다.",
        "갑상선 초음파에서 이 원장을 따라올 의사는 없습니다.",
        "리프팅 분야에서 타의 추종을 불허합니다.",
        "이보다 정확할 수 없는 검사 장비를 갖췄습니다.",
        "보존 치료에서는 정점에 오른 의료진이 진료합니다.",
        "국내 모발이식의 교과서를 써 온 병원입니다.",
        "부산을 대표하는 소아청소년과 의료진이 함께합니다.",
        "세상에 단 하나뿐인 무릎 관절 클리닉.",
        "이런 레이저를 갖춘 병원은 전국에서 손에 꼽힙니다.",
        "국내에서 몇 안 되는 척추 내시경 수술 병원입니다.",
        "코 성형이라면 둘째가라면 서러운 의료진입니다.",
        "More than good: the top of the top in eyelid surgery.",
    ],
)
def test_above_all_others_in_an_idiom_is_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "더 나은 치료 방법은 없는지 상담 때 함께 찾아보겠습니다.",
        "가장 가까운 공영주차장은 병원 뒤편입니다. 진료 예약 받습니다.",
        "통증이 더 이상 좋아지지 않으면 정밀 검사를 권해 드립니다.",
        "대표원장 진료는 화·목요일입니다. 상담 예약 받습니다.",
        "손에 꼽을 만큼 드문 부작용도 상담 때 모두 설명드립니다.",
    ],
)
def test_plain_uses_of_the_same_words_are_not(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in ad(body)


# --- class 3: unverified methods and awards


@pytest.mark.parametrize(
    "body",
    [
        "대표원장이 직접 개발한 '숨결 교정 요법'으로 코골이를 치료합니다.",
        "원장 이름을 딴 턱관절 교정 장치를 씁니다.",
        "유럽 학회에서 화제가 된 새로운 흉터 레이저 기법을 들여왔습니다.",
        "일본 대학병원이 인정한 침 치료법으로 진료합니다.",
        "자기 골수에서 추출한 세포를 무릎에 주입합니다.",
        "몸속 중금속을 빼내는 킬레이션 수액 요법을 시작했습니다.",
        "종양세포만 선택적으로 태워 없애는 고주파 치료.",
        "면역력을 깨우는 고농도 비타민 주사, 상담 받습니다.",
        "지역 신문 독자 투표에서 올해의 치과 대상을 받았습니다.",
        "주부들이 뽑은 추천 소아과로 이름을 올렸습니다.",
        "원장님이 15년 연구 끝에 완성한 '곧은목 요법'으로 치료합니다.",
        "국제 학술대회에서 호평받은 새 탈모 치료법을 시작했습니다.",
        "혈관 세척 수액으로 피로를 풀어 드립니다.",
        "자기 피에서 뽑은 PRP 주사로 관절 연골이 되살아납니다.",
    ],
)
def test_an_unverified_method_or_a_poll_award_is_flagged(body: str) -> None:
    assert "MSA-UNVERIFIED" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "원장님 학회 참석으로 금요일 오후는 휴진합니다.",
        "보건복지부 의료기관 인증을 받은 병원입니다. 진료 예약 받습니다.",
        "물을 충분히 드시면 노폐물 배출에 도움이 됩니다. 검진 예약 받습니다.",
        "원장님이 직접 만든 재활 운동 안내지를 드립니다. 진료 예약 받습니다.",
    ],
)
def test_a_conference_trip_accreditation_or_advice_is_not(body: str) -> None:
    assert "MSA-UNVERIFIED" not in ad(body)


# --- class 4: appearance appeals told as a scene


@pytest.mark.parametrize(
    "body",
    [
        "졸업 사진 찍는 날마다 입을 가리셨나요? 치아 미백 상담 받습니다.",
        "수영복 앞에서 망설이시던 뱃살, 지방흡입으로 정리하세요.",
        "맞선 자리에서 작아지시던 분들께, 눈매교정 상담을 권해 드립니다.",
        "면접 첫인상, 턱선 하나로 달라집니다.",
        "돌잔치 사진은 두고두고 남습니다. 그날만큼은 환한 피부로.",
        "모임 사진 속 내 얼굴만 늙어 보였다면 리프팅 상담 받아 보세요.",
        "아내 앞에서 옷 입기 망설여지셨다면, 복부 지방흡입 상담 받으세요.",
        "마스크 벗기가 두려우셨던 분, 여드름 흉터 상담 받으세요.",
        "비키니 입기 망설여지는 허벅지, 지방흡입으로 정리하세요.",
    ],
)
def test_a_social_scene_where_looks_are_judged_is_an_appearance_appeal(body: str) -> None:
    assert "MSA-APPEARANCE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "여름철 수영장에 다녀온 뒤 눈이 충혈되면 망설이지 말고 내원하세요.",
        "경과 기록용 사진은 진료 목적으로만 보관합니다. 진료 예약 받습니다.",
        "치과가 무서우셨던 분도 편하게 오세요. 스케일링 예약 받습니다.",
    ],
)
def test_care_advice_and_chart_photos_are_not(body: str) -> None:
    assert "MSA-APPEARANCE" not in ad(body)


# --- class 5: guarantee


@pytest.mark.parametrize(
    "body",
    [
        "여드름 흉터, 다섯 번이면 충분히 매끈해지도록 짜 드립니다. 네 번이면 사라집니다.",
        "교정 받으신 분들 모두 만족하고 가십니다.",
    ],
)
def test_enough_sessions_or_everyone_satisfied_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "하루 두 번이면 충분한 목 스트레칭 영상을 보내 드립니다.",
        "모두 만족하실 수 있도록 상담 시간을 넉넉히 잡았습니다.",
        "주사 한 번이면 끝나는 간단한 시술입니다.",
    ],
)
def test_an_exercise_count_an_aim_or_a_short_procedure_is_not(body: str) -> None:
    assert "MSA-GUARANTEE" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Acne scars? This is the only peel you will ever need.",
        "With our implants you'll never need another denture again.",
        "Meet the last filler you will ever need.",
    ],
)
def test_english_the_last_treatment_you_need_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in english_ad(body)


def test_the_last_visit_before_surgery_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in english_ad("This is the last appointment you need before surgery: the pre-op check.")


def test_a_photo_kept_for_life_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in ad("졸업 사진은 평생 간직됩니다. 2월 진료 예약 받습니다.")


# --- class 6: a patient's own account without 후기


@pytest.mark.parametrize(
    "body",
    [
        "수술받은 환자분이 직접 들려주시는 회복 과정, 블로그에 올렸습니다.",
        "치료받으신 어머님들이 직접 전해 주신 이야기를 모았습니다.",
    ],
)
def test_a_treated_patients_own_account_is_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in ad(body)


def test_a_consent_form_the_patient_signs_is_not() -> None:
    assert "MSA-TESTIMONIAL" not in ad("수술받으실 분이 직접 서명하셔야 하는 동의서가 있습니다. 상담 예약 받습니다.")


# --- class 7: precision


@pytest.mark.parametrize(
    "body",
    [
        "필러 상담 예약 받습니다. 시술 후 멍이 일주일가량 지속될 수 있고 결과는 사람마다 다릅니다.",
        "리프팅 상담 예약 받습니다. 회복 속도는 개인에 따라 다릅니다.",
    ],
)
def test_a_risk_notice_in_plain_words_counts(body: str) -> None:
    assert "MSA-OMIT-RISK" not in rule_ids(AD + body + " 무료수신거부 080-414-2290", "friendtalk", "advertising")


def test_a_procedure_without_any_notice_still_omits_risk() -> None:
    assert "MSA-OMIT-RISK" in rule_ids(
        AD + "필러 상담 예약 받습니다. 무료수신거부 080-414-2290", "friendtalk", "advertising"
    )


@pytest.mark.parametrize(
    "body",
    [
        "검사 결과 최고 혈압은 다음 진료 때 원장님이 설명해 드립니다.",
        "어제 측정한 최대 안압 수치는 다음 진료 때 원장님이 안내해 드립니다.",
    ],
)
def test_a_measured_maximum_in_a_care_message_is_no_promotion(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in care(body)


def test_the_clinics_rank_in_a_care_message_stays_a_promotion() -> None:
    assert "KAKAO-ALIMTALK-PROMO" in care("판독은 국내 최고 실력의 원장님이 직접 해 드립니다.")
