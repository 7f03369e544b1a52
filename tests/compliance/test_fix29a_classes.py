"""Session 29 (fix29a): classes the blind training writer writer_s29_a showed — a named patient's medicine in an SMS
(by its INN stem or brand, with a dose or its prescription), a service whose name reveals the condition, findings in
receptionist wordings, promotion in informational messages without a sales word — and the false readings beside them.
Each on sentences written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves
clean."""

from __future__ import annotations

import pytest

from tests.support.compliance import info_alimtalk, info_sms, rule_ids

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


# 2. a named patient's booking for a service only a patient with the condition receives
@pytest.mark.parametrize(
    "text",
    [
        "[한빛대학병원] 오세훈님 정신건강의학과 진료가 5/3(금) 14:00에 잡혀 있습니다.",
        "이하늘님, 시험관 시술 난자 채취일이 4/11로 정해졌어요. 전날 밤 10시 이후 금식입니다. -봄날여성의원",
        "정미숙님 복막투석 교육이 다음 주 화요일로 옮겨졌습니다. -하나신장내과",
        "한상철님 방사선치료 일정이 4/15부터 시작됩니다. 지하 1층으로 오세요.",
        "[늘봄내과] 강민지님 다음 당뇨 상담은 6/2 오전 10시입니다.",
        "Hi Anna, your next dialysis session moves to 1 pm on Wednesday. - Seoul Kidney Center",
        "Ms. Lee, your embryo transfer is confirmed for March 20 at 9 am. - Gangnam Fertility",
        "Tom, your psychiatry follow-up is on Friday at 3 pm, 2nd floor.",
    ],
)
def test_a_service_that_reveals_the_condition_in_a_named_booking_is_health_data(text: str) -> None:
    assert HEALTH in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[맑은정신건강의학과] 이하늘님, 내일 오후 2시 진료 예약을 알려 드립니다.",
        "[하나신장내과] 투석 받으시는 분은 주차권을 2층에서 받아 가세요.",
        "[늘봄내과] 당뇨 교육을 원하시는 분은 접수처에 말씀해 주세요.",
        "오세훈님, 내일 위내시경 예약이 오전 9시입니다. 전날 저녁 8시 이후 금식해 주세요.",
        "[Seoul IVF Clinic] Your appointment is on March 20 at 9 am. Please arrive 10 minutes early.",
        "Hi Anna, your check-up is on Friday at 3 pm. - Seoul Kidney Center",
        "[봄날여성의원] 시험관 시술 설명회가 토요일 오후 2시에 열립니다. 누구나 참석 가능합니다.",
        "[봄빛여성의원] 인공수정 세 번 만에 임신에 성공하신 고객님의 이야기를 대기실에 걸어 두었습니다.",
    ],
)
def test_the_senders_department_a_routine_booking_or_a_notice_to_anyone_is_no_health_data(text: str) -> None:
    assert HEALTH not in info_sms(text)


# 3. a finding said as it came out of a test, in a receptionist's words
@pytest.mark.parametrize(
    "text",
    [
        "한지우님, 위 조직검사 결과가 장상피화생으로 나왔어요. 다음 진료 때 설명드릴게요. -맑은속내과",
        "[튼튼정형외과] 무릎 MRI 판독상 반월상연골 파열로 나왔습니다. 편한 날 예약 주세요.",
        "서지유님 피검사에서 페리틴이 8로 낮게 나와 철분 주사를 권해 드립니다.",
        "이준서 어린이 보호자님, 키 성장 검사에서 뼈나이가 또래보다 2년 느리게 나왔습니다.",
        "김도윤님 갑상선 초음파 결과 결절이 1.2cm로 나왔습니다. 세침검사 예약 도와드릴게요.",
        "[밝은이비인후과] 청력 검사에서 오른쪽 귀 청력이 많이 낮게 나왔어요. 다시 한번 오세요.",
        "Hi Yuna, your strep test this morning was positive. Dr. Park has sent antibiotics to the pharmacy.",
        "Chris, your thyroid panel from last week came back high. Please book a follow-up.",
    ],
)
def test_a_finding_said_as_it_came_out_is_health_data(text: str) -> None:
    assert HEALTH in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "한지우님, 조직검사 결과가 나왔습니다. 내원하셔서 원장님께 설명 들으세요. -맑은속내과",
        "[튼튼정형외과] MRI 판독 결과지가 나왔어요. 다음 진료 때 함께 보실게요.",
        "서지유님 피검사 결과 모두 정상으로 나왔습니다. 다음 검진은 1년 뒤입니다.",
        "[하늘내과] 내시경 검사 결과 이상 없음으로 나왔습니다. 1년 뒤 다시 뵙겠습니다.",
        "[밝은내과] 검사 후 1층 수납 창구로 나와 주시면 약 처방전을 드립니다.",
        "[밝은내과] 혈당이 평소보다 높게 나오면 물을 충분히 드시고 다시 재 보세요.",
        "이준서님 검사 결과가 생각보다 빠르게 나왔습니다. 내일 오전에 결과 상담 가능합니다.",
        "Hi Yuna, your test results are ready. Please log in to the patient portal to see them.",
        "If your home pregnancy test is positive, call us to book your first scan.",
    ],
)
def test_results_ready_a_normal_result_or_a_conditional_is_no_health_data(text: str) -> None:
    assert HEALTH not in info_sms(text)


# 4. the patient asked to drop by at a stated time for their own result or prescription: a care call
@pytest.mark.parametrize(
    "text",
    [
        "[맑은내과] 이수민님 위내시경 조직검사 결과를 원장님이 직접 설명드리려 하니 내일 들러 주세요.",
        "한지우님, 혈압약 용량을 바꿔 처방해 드리려고 합니다. 이번 주 안에 한번 들러 주세요. -늘봄의원",
        "[튼튼정형외과] 오정민님 MRI 판독 결과 설명이 필요하니 다음 주 중에 들러 주세요.",
    ],
)
def test_a_care_call_to_drop_by_is_no_promotion(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" not in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[맑은내과] 새 내시경 장비를 들였습니다. 이번 주 안에 한번 들러 주세요.",
        "오정민님 오랜만이에요! 리모델링을 마쳤으니 이번 주말에 들러 주세요. 검사 결과도 함께 봐 드려요.",
        "[하늘피부과] 개원 5주년 기념 행사를 합니다. 내일 꼭 들러 주세요. 상담 결과에 따라 혜택을 드려요.",
    ],
)
def test_an_invitation_beside_news_of_the_clinic_stays_promotion(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


# 5. 리모델링 (a refit of the clinic): its 모델 is no fashion model
@pytest.mark.parametrize(
    "text",
    [
        "고객님, 오랜만이에요! 대기실 리모델링을 마쳤으니 한번 들러 주세요. -하람치과",
        "[하람치과] 리모델링 공사로 3월 한 달은 2층에서 진료합니다. 편하게 들러 주세요.",
    ],
)
def test_a_clinic_refit_is_no_celebrity(text: str) -> None:
    assert "MSA-CELEBRITY" not in info_sms(text)


def test_a_celebrity_named_beside_a_refit_stays() -> None:
    ad = "(광고) 하람의원 리모델링 후 걸그룹 멤버도 다녀갔어요! 부작용이 있을 수 있습니다. 무료수신거부 080-414-2291"
    assert "MSA-CELEBRITY" in rule_ids(ad, "friendtalk", "advertising")


# 6. a referral or review ask with no reward in an informational message: promotion, not a review reward
@pytest.mark.parametrize(
    "text",
    [
        "[밝은치과] 38,000원 결제가 완료되었습니다. 저희 치과를 가족·친구분께 소개해 주세요. 소개하신 분 성함 남겨 주시면 기억해 둘게요.",
        "[하람치과] 진료 잘 받으셨나요? 주변에 소개해 주시면 큰 힘이 됩니다. 소개하신 분 이름을 접수처에 남겨 주세요.",
    ],
)
def test_an_ask_without_a_reward_is_no_review_incentive(text: str) -> None:
    found = info_sms(text)
    assert "MSA-REVIEW-INCENTIVE" not in found
    assert "ADV-PURPOSE-MISMATCH" in found


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 하람치과 리뷰 남겨 주시면 스케일링 1회 무료! 무료수신거부 080-414-2291",
        "(광고) 하람의원 방문 후기 작성 시 다음 시술 10% 할인해 드립니다. 부작용이 있을 수 있습니다. 무료수신거부 080-414-2291",
    ],
)
def test_a_review_with_a_reward_stays_an_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in rule_ids(text, "friendtalk", "advertising")


MISMATCH, ALIMTALK_PROMO = "ADV-PURPOSE-MISMATCH", "KAKAO-ALIMTALK-PROMO"


# 7. promotion in an informational message without a sales word: review asks, solicited thank-you notes for display,
# referral asks, a new package, equipment praised, a birthday invitation, a talk, a new service nudged
@pytest.mark.parametrize(
    "text",
    [
        "[하람한의원] 오늘 진료 어떠셨나요? 지도 앱에 리뷰 한 줄 남겨 주시면 큰 힘이 됩니다.",
        "결제가 완료되었습니다. 만족하셨다면 네이버에 별점 5개 부탁드려요! -하람치과",
        "[하람내과] 진료 감사합니다. 카카오맵에 후기를 남겨 주세요. 다른 분들이 저희를 찾는 데 도움이 됩니다.",
        "[하람치과] 스케일링 예약 3/4 10:00. 주변 분들께 저희 치과를 알려 주시면 감사하겠습니다.",
        "[하람검진센터] 결과지를 우편으로 보냈습니다. 올해는 췌장 MRI까지 담은 VIP 검진 코스도 마련했으니 문의 주세요.",
        "[하람안과] 검사 예약 3/8 10:00. 이번에 최신 OCT 장비로 교체해서 초기 녹내장도 더 정확하게 찾아냅니다!",
        "이서준님 생일 축하드립니다! 생일 달에 오셔서 잇몸 검진 한번 받아 보세요. -하람치과",
        "[하람내과] 개원 5주년을 맞아 원장님 당뇨 건강 강좌를 엽니다. 이웃분들과 많이 오세요!",
        "[하람한의원] 이번 토요일 척추 건강 세미나를 엽니다. 누구나 참석하실 수 있어요.",
        "[하람한의원] 침 치료 예약 5/2 14:00. 올해부터 추나 치료도 보험으로 받으실 수 있게 됐어요. 한번 받아 보세요.",
    ],
)
def test_promotion_without_a_sales_word_in_an_sms_is_a_purpose_mismatch(text: str) -> None:
    assert MISMATCH in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[하람내과] 담당 선생님께 감사 메시지를 남겨 주세요! 보내 주신 글은 병원 블로그에 소개됩니다.",
        "[하람치과] 치료 후 달라진 점을 적어 보내 주세요. 채택된 글은 홈페이지 치료 이야기 게시판에 올라갑니다.",
        "[하람검진센터] 가족분이 예약하실 때 고객님 성함을 말씀해 주세요. 소중한 분들께도 저희 센터를 알려 주세요.",
        "[하람위장내과] 검사 예약 안내 5/2(목) 08:00. 이제 위·대장 내시경을 하루에 함께 받으실 수 있게 되었어요. 다음엔 한 번에 받아 보세요.",
    ],
)
def test_promotion_without_a_sales_word_in_an_alimtalk_is_promo(text: str) -> None:
    assert ALIMTALK_PROMO in info_alimtalk(text)


def test_a_solicited_note_is_no_testimonial_itself() -> None:
    text = "[하람내과] 담당 선생님께 감사 메시지를 남겨 주세요! 보내 주신 글은 병원 블로그에 소개됩니다."
    assert "MSA-TESTIMONIAL" not in info_alimtalk(text)


@pytest.mark.parametrize(
    "text",
    [
        "[하람내과] 진료가 도움이 되셨다면 지도 앱에 솔직한 리뷰를 남겨 주셔도 됩니다. 작성 여부와 관계없이 혜택이나 불이익은 없습니다.",
        "[하람내과] 진료 중 불편하셨던 점은 홈페이지 고객의 소리에 남겨 주세요. 담당자가 확인 후 연락드립니다.",
        "[하람내과] 다른 병원에서 진료를 받으셨다면 결과를 저희에게도 알려 주세요.",
        "[하람검진센터] 검진 결과지를 준비했으니 결과 상담 예약 주세요.",
        "[하람내과] 내시경 장비 교체 공사로 3/8(금)은 휴진합니다.",
        "[하람치과] 이서준님 생일을 진심으로 축하드립니다. 늘 건강하세요!",
        "[하람내과] 정우진님 당뇨 교실 예약은 화요일 오후 2시입니다.",
        "[하람내과] 4월부터 토요일에도 진료를 받으실 수 있게 되었습니다. 진료 시간은 오전 9시~오후 1시입니다.",
        "[하람내과] 이제 검사 결과를 문자로 받으실 수 있게 되었습니다. 결과가 나오면 바로 안내드립니다.",
    ],
)
def test_notices_feedback_channels_and_greetings_stay_informational(text: str) -> None:
    assert MISMATCH not in info_sms(text)
    assert ALIMTALK_PROMO not in info_alimtalk(text)


# 8. the words of these classes where they disclose nothing: the sender's own name, a rank, a refund, a normal
# result, a new product "나왔어요", a month name, an offer to anyone
@pytest.mark.parametrize(
    "text",
    [
        "[맑은정신건강의학과] 진료 예약 안내: 홍길동님 내일 오후 2시입니다.",
        "[하나투석내과] 정미숙님, 다음 주 월요일은 휴진입니다.",
        "[하람내과] 고객님, 올해 서비스 평가 결과 우수기관으로 나왔습니다. 감사합니다.",
        "[하람치과] 홍길동님 실손보험 청구 결과 환급금이 3만원으로 나왔습니다. 계좌를 알려 주세요.",
        "[하람내과] 홍길동님 검사 결과 모두 양호로 나왔습니다. 1년 뒤 뵙겠습니다.",
        "[하람검진센터] 검진 결과지를 우편으로 보냈습니다. 가족 검진 안내 책자가 새로 나왔어요.",
        "[하람내과] 홍길동님, 당뇨 상담이 필요하시면 언제든 예약해 주세요.",
        "[하람치과] 홍길동님, 발치 전 와파린을 드시고 계시면 알려 주세요.",
        "Hi Amy, your visit in April is confirmed. - Hanbit Clinic",
        "Hi Amy, see your doctor in April 10 am slot. - Hanbit Clinic",
    ],
)
def test_the_classes_words_that_disclose_nothing_stay_clean(text: str) -> None:
    assert HEALTH not in info_sms(text)


def test_a_medicine_beside_the_senders_specialty_name_is_still_read() -> None:
    assert HEALTH in info_sms("[하람정신건강의학과] 홍길동님, 설트랄린 50mg 처방이 준비되었습니다.")
