"""Session 32 (fix32c): classes the blind training writer writer_s32_c (Korean, the issue's hidden corpus from new
public pages) showed — comparisons that name no 병원 (the conventional method or the old way set against the sender, a
big clinic's way the reader is tired of, another place's treatment "than" the sender's, the going rate against the
sender's price, "wherever you go you will not find this", a university level now close by, others' failures put
right), an unnamed cheap or clumsy place run down; inducements without 할인 (more bought, more included; a shuttle for
the family); health details without 진단 (a medicine by its generic name, a treatment named by its condition); new
equipment pitched in a care message; celebrities by role getting a treatment or a celebrity's look offered; a
complication one may stop worrying about; a call to become pretty — and the false readings beside them (thanks to the
patients who came, a course of sessions, a model said not to be a patient, a count of patients served). Each on
sentences written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, info_alimtalk, info_sms, korean_ad

ad = partial(korean_ad, clinic="밝은눈안과의원")


# 1. comparisons that name no 병원
@pytest.mark.parametrize(
    "body",
    [
        "기존 라섹 방식보다 통증이 훨씬 적은 새로운 교정술입니다.",
        "일반 임플란트와 달리 당일 바로 씹으실 수 있습니다.",
        "예전에는 몇 달씩 기다려야 했던 틀니, 저희는 2주 만에 완성됩니다.",
        "큰 병원의 3분 진료에 실망하셨나요? 저희는 한 분 한 분 충분히 설명드립니다.",
        "대학병원 수준의 망막 검사, 이제 집 가까이에서 받으세요.",
        "다른 치과에서 안 된다던 임플란트, 저희가 살려 드립니다.",
    ],
)
def test_a_contrast_with_unnamed_others_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "스마일라식은 각막 절편 없이 작은 절개창으로 수술하는 방식입니다.",
        "치료 기간은 잇몸 상태에 따라 2주에서 3개월까지 걸릴 수 있습니다.",
        "큰 병원 진료 의뢰서가 필요하시면 접수처에 말씀해 주세요.",
        "대학병원 진료 의뢰서는 진료 후 바로 발급해 드립니다.",
        "진료 기록은 어디에서도 발급받으실 수 있습니다.",
    ],
)
def test_a_method_a_schedule_or_a_referral_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in ad(body)


def test_another_places_treatment_than_ours_in_a_care_sms() -> None:
    found = info_sms(
        "[온누리내과] 이○○님, 다른 곳에서 받으시던 대장내시경보다 훨씬 편하셨지요? 다음 검진도 저희와 함께해요."
    )
    assert {"MSA-COMPARISON", "ADV-PURPOSE-MISMATCH"} <= found
    twin = info_sms("[온누리내과] 이○○님, 다른 병원에서 받으신 내시경 결과지를 다음 진료 때 가져와 주세요.")
    assert not twin & {"MSA-COMPARISON", "ADV-PURPOSE-MISMATCH"}


def test_the_going_rate_against_our_price_and_nowhere_else() -> None:
    assert {"MSA-COMPARISON", "MSA-INDUCEMENT"} <= ad("강남 평균 라식 비용보다 30만 원 낮춘 가격으로 진행합니다.")
    assert "MSA-INDUCEMENT" not in ad("라식 비용은 양안 150만 원이며 정밀검사 후 확정됩니다.")
    assert {"MSA-COMPARISON", "MSA-SUPERLATIVE"} <= ad("부산 어디에서도 이 가격의 교정은 찾기 힘드실 겁니다.")


# 2. an unnamed cheap or clumsy place run down
@pytest.mark.parametrize(
    "body",
    ["값싸게 해주는 곳에서 받았다가 재수술하러 오시는 분이 많습니다.", "서툰 손에 맡겼다가 흉만 남기지 마세요."],
)
def test_a_cheap_or_clumsy_place_blamed_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


def test_a_redo_asked_for_with_records_disparages_nobody() -> None:
    assert "MSA-DEFAME" not in ad("재수술이 필요한 경우 이전 수술 기록을 꼭 가져와 주세요.")


# 3. inducements without 할인
def test_more_bought_more_included_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in ad("임플란트 세 개 이상이면 잇몸 치료까지 포함해 드립니다.")
    assert "MSA-INDUCEMENT" in ad("두 번째 부위부터는 시술비를 받지 않습니다.")
    assert "MSA-INDUCEMENT" not in ad("임플란트를 여러 개 하실 경우 부위당 뼈이식 비용이 추가될 수 있습니다.")


def test_a_shuttle_for_people_who_are_not_patients() -> None:
    found = info_sms("[튼튼정형외과] 통원 버스를 운행합니다. 시장 가시는 이웃분들도 같이 타셔도 돼요.")
    assert {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"} <= found
    twin = info_sms(
        "[튼튼정형외과] 거동이 불편한 환자분을 위한 이동 지원 차량은 허가 조건에 따라 휠체어 이용 환자만 타실 수 있습니다."
    )
    assert not twin & {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"}


# 4. health details without 진단
@pytest.mark.parametrize(
    "text",
    [
        "[밝은눈안과] 김○○님, 처방해 드린 브리모니딘 안약은 하루 두 번 넣어 주세요.",
        "[튼튼정형외과] 박○○님, 맞으시는 데노수맙 주사 시기가 다가왔습니다.",
        "[밝은눈안과] 최○○님, 넣고 계신 녹내장 안약이 떨어지기 전에 내원해 주세요.",
    ],
)
def test_the_patients_medicine_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)
    assert "PII-HEALTH-IN-SMS" not in info_alimtalk(text)


@pytest.mark.parametrize(
    "text",
    [
        "[밝은눈안과] 안약을 두 가지 이상 쓰시는 분은 5분 간격을 두고 넣어 주세요.",
        "[튼튼정형외과] 박○○님, 예약하신 주사 일정은 6월 3일 오전 10시입니다.",
    ],
)
def test_advice_to_everyone_or_a_bare_reminder_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 5. new equipment pitched, celebrities by role
def test_new_equipment_pitched_in_a_care_message() -> None:
    found = info_sms("[밝은눈안과] 올봄 새로 도입한 안구건조 레이저, 다음 검진 오실 때 함께 상담받아 보세요.")
    assert "ADV-PURPOSE-MISMATCH" in found
    assert "ADV-PURPOSE-MISMATCH" not in info_sms(
        "[밝은눈안과] 새로 도입한 예약 시스템으로 앱에서 예약 변경이 가능합니다."
    )


def test_celebrities_by_role_getting_a_treatment() -> None:
    found = care_note(
        "예약 확정: 5월 2일 오후 3시. 요즘 배우들이 즐겨 받는 리프팅도 상담해 드려요.", clinic="맑은피부과"
    )
    assert {"MSA-CELEBRITY", "KAKAO-ALIMTALK-PROMO"} <= found
    offered = ad("방송에서 코 수술을 공개한 배우 ○○○, 그 콧대를 원하신다면 상담 예약하세요.")
    assert "MSA-CELEBRITY" in offered and "MSA-TESTIMONIAL" not in offered
    assert "MSA-CELEBRITY" not in ad("광고 사진의 인물은 모델이며 저희 병원에서 시술받은 분이 아닙니다.")


# 6. a complication one may stop worrying about, a call to become pretty
def test_a_complication_put_aside_is_a_safety_claim() -> None:
    assert "MSA-SAFETY-CLAIM" in ad("코 성형, 이제 염증 걱정은 내려놓으세요.")
    assert "MSA-SAFETY-CLAIM" not in ad("코 성형 후 염증이 걱정되시면 처방 약을 빠짐없이 드세요.")


def test_a_call_to_become_pretty_is_an_appearance_appeal() -> None:
    assert "MSA-APPEARANCE" in ad("졸업 축하드려요! 이제 예뻐지실 차례입니다. 쌍꺼풀 상담 예약.")
    assert "MSA-APPEARANCE" not in ad("쌍꺼풀 수술 후 붓기가 빠지는 데는 2주 정도 걸립니다.")


# 7. false readings
def test_thanks_a_course_of_sessions_and_a_patient_count_are_no_findings() -> None:
    thanks = info_sms("[튼튼정형외과] 개원 5주년, 그동안 믿고 찾아주신 환자분들께 진심으로 감사드립니다.")
    assert "MSA-TESTIMONIAL" not in thanks
    assert "MSA-SUPERLATIVE" not in ad("여드름 압출 관리는 2주 간격으로 3회 이상 받으셔야 효과를 보실 수 있습니다.")
    assert "MSA-TESTIMONIAL" not in english_ad("Implant care in Gangnam, trusted by 8,000 patients since 2012.")
