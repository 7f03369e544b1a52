"""Session 21 (fp21): classes the training writers found missed, each on new sentences (in no corpus file) with its
clean twin — ``rules/frames_s21_fp.json`` (students' papers as an offer's condition, exam takers' own slot or
programme, a student benefit, a group's special rate in English, an expiring coupon urged), the widened
expiry-notice pattern and checks (``rules/kakao_blacklist.json``, ``rules/context_checks.json``) and the false readings
``rules/context_checks_s21_fp.json`` withdraws (course videos, image models, clock times, post-op follow-ups, numbered
tips, denied discounts, an offer's target, lifetime vouchers, reviews asked for)."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR, rule_catalogue
from tests.support.compliance import rule_ids

OPT = "무료수신거부 080-111-2222"


def test_every_session_21_frame_names_a_known_rule_and_says_why() -> None:
    known = set(rule_catalogue()) | {"PROMO"}
    frames = json.loads((RULES_DIR / "frames_s21_fp.json").read_text("utf-8"))["frames"]
    assert frames and all(f["rule"] in known and f["comment"] for f in frames)


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        # a student's papers as the condition of an offer (RULES.md: 수험표 지참), with or without money
        (
            f"(광고) 새봄치과 수험표 지참 시 사랑니 발치 상담을 당일 진행합니다 ※부작용·개인차 있음 {OPT}",
            "sms",
            {"MSA-STUDENT-LURE"},
        ),
        (
            f"(광고) 새봄치과 수능 마친 고3 교정 상담, 학생증을 보여주시면 상담비 무료 ※부작용·개인차 있음 {OPT}",
            "sms",
            {"MSA-STUDENT-LURE", "MSA-INDUCEMENT"},
        ),
        (
            "(광고) Glow Skin: Show your student ID for 20% off acne care. Redness may occur; results vary. "
            "Free opt-out 080-111-2222",
            "friendtalk",
            {"MSA-STUDENT-LURE", "MSA-INDUCEMENT"},
        ),
        # exam takers given their own slot or programme, no price
        (
            "(광고) Glow Skin: Exams over? Students get priority booking for acne care this December. Redness may "
            "occur; results vary. Free opt-out 080-111-2222",
            "sms",
            {"MSA-STUDENT-LURE"},
        ),
        (
            f"(광고) 온결피부과 고3 전담 여드름 클리닉을 이번 겨울방학에 엽니다. 붉어짐 등 개인차 있음. {OPT}",
            "friendtalk",
            {"MSA-STUDENT-LURE"},
        ),
        # a benefit for exam takers or new entrants
        (
            f"(광고) 고운성형외과 수시 합격 기념 쌍꺼풀 수술 30만원 지원 ※부작용·개인차 있음 {OPT}",
            "sms",
            {"MSA-STUDENT-LURE", "MSA-INDUCEMENT"},
        ),
        # clean twins: exam-day advice, students as patients, a greeting, a school's paper
        (f"(광고) 새봄안과 수능 날 수험표와 안경을 꼭 챙기세요. 시험 전날 렌즈는 빼 두세요. {OPT}", "sms", set()),
        (
            f"(광고) 다온소아청소년과 수험생 독감 예방접종 예약을 받습니다. 접종 후 발열 등 이상반응이 있을 수 있습니다. {OPT}",
            "friendtalk",
            set(),
        ),
        (
            f"(광고) 하늘정신건강의학과 수험생 시험 불안, 혼자 견디지 마세요. 상담은 예약제로 운영합니다. {OPT}",
            "sms",
            set(),
        ),
        (f"(광고) 새봄정형외과 고3 학생도 도수치료는 보호자 동의가 우선입니다. {OPT}", "friendtalk", set()),
        (f"(광고) 새봄안과 대학 합격을 축하드립니다! 새 학기 시력 관리 안내를 보내드립니다. {OPT}", "sms", set()),
        (f"(광고) 맑은피부과 학생증 분실 시 재발급은 학교에 문의하세요. {OPT}", "friendtalk", set()),
    ],
)
def test_offers_aimed_at_students(text: str, channel: str, expected: set[str]) -> None:
    assert rule_ids(text, channel) == expected


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        # urged before it lapses: the majority of the writers (corpus README) read a promotion and an inducement
        (
            "[다온치과] 보유하신 미백 할인 쿠폰이 이번 주 금요일 만료됩니다. 만료 전에 꼭 예약하세요!",
            "alimtalk",
            {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"},
        ),
        (
            "[다온치과] 보유하신 미백 할인 쿠폰이 이번 주 금요일 만료됩니다. 만료 전에 꼭 예약하세요!",
            "sms",
            {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"},
        ),
        (
            "[Dalbit Dental] Your 10% whitening coupon expires Friday. Book before it's gone!",
            "alimtalk",
            {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"},
        ),
        (
            "[소담피부과] #{name}님 보유 쿠폰(토닝 20% 할인)이 1/15 소멸됩니다. 서둘러 사용하세요!",
            "alimtalk",
            {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"},
        ),
        # stated plainly: the black list alone (RULES.md: expiring coupons)
        (
            "[다온치과] 보유하신 스케일링 쿠폰이 12월 31일에 소멸됩니다. 기간 안에 사용해 주세요.",
            "alimtalk",
            {"KAKAO-ALIMTALK-BLACKLIST"},
        ),
        ("[다온치과] 적립 포인트 5,000점이 이달 말 소멸될 예정입니다.", "alimtalk", {"KAKAO-ALIMTALK-BLACKLIST"}),
        (
            "[Dalbit Dental] Your reward points expire on Apr 30. Please use them before they expire.",
            "alimtalk",
            {"KAKAO-ALIMTALK-BLACKLIST"},
        ),
        # the same urging words in care: nothing
        ("[다온치과] 홍길동님, 내일 오전 10시 예약입니다. 늦지 않게 서둘러 출발해 주세요.", "alimtalk", set()),
    ],
)
def test_an_expiring_coupon_urged(text: str, channel: str, expected: set[str]) -> None:
    assert rule_ids(text, channel, "informational") == expected


@pytest.mark.parametrize(
    ("text", "channel", "purpose", "rule", "present"),
    [
        # a video of the course after the operation is no surgery footage; the operation itself is
        (
            f"(광고) 새솔안과 스마일라식 수술 다음 날 시력 측정 영상 보러 가기 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SURGERY-SCENE",
            False,
        ),
        (
            f"(광고) 새솔안과 스마일라식 수술 장면 풀영상 유튜브 공개 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SURGERY-SCENE",
            True,
        ),
        # a celebrity as image model (RULES.md allows it) vs a celebrity treated
        (
            f"(광고) 결피부과 전속모델 배우 ○○○과 함께하는 봄맞이 보습 캠페인. ※ 홍조 등 부작용 가능, 개인차 있음. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-CELEBRITY",
            False,
        ),
        (
            f"(광고) 결피부과 홍보모델 배우 ○○○도 직접 받은 레이저 토닝, 상담 예약하세요. ※ 홍조 등 부작용 가능, 개인차 있음. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-CELEBRITY",
            True,
        ),
        # a clock time vs the first persons
        (
            "[다올검진센터] 검진 당일 오전 7시 30분까지 2층 접수처로 와 주세요. 주차는 2시간 무료입니다.",
            "sms",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            f"(광고) 결피부과 선착순 30분 한정 무료 피부 상담! {OPT}",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        # the follow-up of the patient's own operation at no charge (care) vs a free check advertised
        (
            "[새결치과] 발치 후 3일 안에 오시면 소독은 무료입니다. 예약은 02-515-3300.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        # a numbered tip vs a ranking
        (
            f"(광고) 결피부과 No. 1 여름철 피부 수칙: 외출 전 자외선 차단제. ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SUPERLATIVE",
            False,
        ),
        (
            f"(광고) 라온치과 No.1 임플란트 치과 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SUPERLATIVE",
            True,
        ),
        # discounts denied in a list vs a discount with a denial of others
        (
            f"(광고) Raon Dental Scaling: 50,000 KRW. No discounts or promotions are offered. Results vary. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            f"(광고) Raon Dental Get 20% off scaling this week — no other discounts or promotions apply. Results vary. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        # who gets an offer vs a result promised to everyone
        (
            "[Raon Dental] Your cleaning is confirmed for Dec 18. This month only: 30% off whitening for every patient!",
            "alimtalk",
            "informational",
            "MSA-GUARANTEE",
            False,
        ),
        (
            f"(광고) Daon Spine Clinic Every patient walks out pain-free. Results vary. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-GUARANTEE",
            True,
        ),
        # a lifetime voucher vs a lifetime result
        (
            f"(광고) 새솔안과 라식 후기 영상 출연자께 평생 검진권을 드립니다. ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-GUARANTEE",
            False,
        ),
        (
            f"(광고) 새솔안과 스마일라식 평생 유지되는 시력! ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-GUARANTEE",
            True,
        ),
        # reviewers recruited or reviews asked for vs a review quoted
        (
            f"(광고) 새솔안과 라식 후기단 모집! 참여하시면 검진비 무료 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-TESTIMONIAL",
            False,
        ),
        (
            f"(광고) 새솔안과 라식 후기단 모집! 참여하시면 검진비 무료 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-REVIEW-INCENTIVE",
            True,
        ),
        (
            f"(광고) 바른치과 리뷰를 쓰시든 안 쓰시든 진료비는 같습니다. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-TESTIMONIAL",
            False,
        ),
        (
            f'(광고) 새솔안과 리뷰를 남겨 주신 고객님 말씀: "수술 다음 날부터 잘 보였어요" ※부작용·개인차 있음 {OPT}',
            "friendtalk",
            "advertising",
            "MSA-TESTIMONIAL",
            True,
        ),
        # a technique without an incision named vs no scar promised
        (
            f"(광고) 모담치과 무절개 임플란트 상담 가능합니다. ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SAFETY-CLAIM",
            False,
        ),
        (
            f"(광고) 모담의원 무절개 모발이식, 흉터 걱정 없이! ※개인차 있음 {OPT}",
            "friendtalk",
            "advertising",
            "MSA-SAFETY-CLAIM",
            True,
        ),
    ],
)
def test_false_readings_withdrawn_and_their_violating_twins(
    text: str, channel: str, purpose: str, rule: str, present: bool
) -> None:
    assert (rule in rule_ids(text, channel, purpose)) is present


@pytest.mark.parametrize(
    ("text", "channel", "rule", "present"),
    [
        # a free redo for life is a guarantee even on a warranty card; a warranty's terms are not
        (
            f"(광고) 새솔치과 임플란트 평생 무상 보증서 발급, 흔들리면 다시 심어 드립니다. ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "MSA-GUARANTEE",
            True,
        ),
        (
            f"(광고) 새솔치과 임플란트 보증서를 발급해 드립니다. 보증 기간과 조건은 상담 시 안내합니다. ※부작용·개인차 있음 {OPT}",
            "sms",
            "MSA-GUARANTEE",
            False,
        ),
        # comparison shots of a patient's body; a doctor interviewed on the news
        (
            f"(광고) 라인성형외과 복부 지방흡입 2개월 차 비교샷 공개! ※붓기·멍 등 부작용, 개인차 있음 {OPT}",
            "friendtalk",
            "MSA-BEFORE-AFTER",
            True,
        ),
        (
            f"(광고) 라인피부과 KBS 뉴스에서 인터뷰한 원장이 직접 상담합니다. ※부작용·개인차 있음 {OPT}",
            "sms",
            "MSA-ARTICLE-FORM",
            True,
        ),
        # real patients' before/after pictures: before/after, not a testimonial; their stories are
        (
            f"(광고) Lumen Skin Real patient before/after photos of 10 toning sessions. Results vary. {OPT}",
            "sms",
            "MSA-TESTIMONIAL",
            False,
        ),
        (
            f"(광고) Lumen Skin Read real patient stories on our blog. Results vary. {OPT}",
            "sms",
            "MSA-TESTIMONIAL",
            True,
        ),
        # the clinic's own post pointed to; the doctor named after a dash
        (
            f"(광고) 맑은결피부과 | 기미 토닝 8회 전후 사진, 채널 게시글에서 확인하세요. ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "MSA-REVIEW-INCENTIVE",
            False,
        ),
        (
            f"(광고) 새봄정형외과 유튜브로 보는 무릎 관절경 수술 장면 – 원장님 집도 영상 공개 ※부작용·개인차 있음 {OPT}",
            "friendtalk",
            "MSA-TESTIMONIAL",
            False,
        ),
        # a price for a deadline (오늘만)
        (
            f"(광고) 은결피부과 이번 주 일요일까지만! 레이저 토닝 19,000원 ※부작용·개인차 있음 {OPT}",
            "sms",
            "MSA-INDUCEMENT",
            True,
        ),
    ],
)
def test_missed_classes_found(text: str, channel: str, rule: str, present: bool) -> None:
    assert (rule in rule_ids(text, channel)) is present


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the training writers: a first *introduction* or development is both (13 of 13 lines); a first without it
        # (시작, 시술, a first clinic) is the superlative alone (10 of 10)
        (
            f"(광고) 하람피부과 국내 최초 도입! 5세대 피코 레이저 ※부작용·개인차 있음 {OPT}",
            {"MSA-SUPERLATIVE", "MSA-UNVERIFIED"},
        ),
        (
            f"(광고) 하람피부과 세계 최초 3중 파장 토닝 장비로 시술합니다. ※부작용·개인차 있음 {OPT}",
            {"MSA-SUPERLATIVE"},
        ),
        (
            f"(광고) 하람치과 디지털 임플란트, 경남에서 최초로 시작한 치과입니다. ※부작용·개인차 있음 {OPT}",
            {"MSA-SUPERLATIVE"},
        ),
    ],
)
def test_a_first_introduction_is_unverified_a_first_alone_superlative(text: str, expected: set[str]) -> None:
    assert rule_ids(text, "friendtalk") == expected


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "[새온검진센터] 결과지가 발송되었습니다. 내년 검진을 미리 예약하시면 갑상선 초음파 일정도 함께 잡아 드립니다.",
            False,
        ),
        ("[새온내과] 홍길동님, 갑상선 약 처방이 준비되었습니다. 내일 오전에 받아 가세요.", True),
    ],
)
def test_the_yak_of_a_booking_is_no_medicine(text: str, present: bool) -> None:
    assert ("PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")) is present


@pytest.mark.parametrize(
    ("text", "channel", "purpose", "rule", "present"),
    [
        # an anniversary that introduces a promotion vs the anniversary greeting alone (black list)
        (
            "[윤슬치과] 검진 안내: 개원 5주년을 맞아 새 진료실을 열었습니다. 이번 기회에 꼭 예약하세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-BLACKLIST",
            False,
        ),
        (
            "[윤슬치과] 홍길동님, 개원 5주년을 맞아 감사 인사 드립니다. 늘 건강하세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-BLACKLIST",
            True,
        ),
        # a payment or receipt notice vs a discount on the receipt
        (
            "[해솔정형외과] 오늘 진료비 8,900원이 결제되었습니다. 진료비 세부내역서는 앱에서 내려받으실 수 있습니다.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "[해솔정형외과] 진료비 8,900원이 결제되었습니다. 다음 방문 시 도수치료 20% 할인 쿠폰을 드립니다.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            True,
        ),
        # English: a service at no cost vs a free amenity
        (
            f"(광고) Haesol Orthopedics Complimentary X-ray review with every consultation in May. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            f"(광고) Haesol Orthopedics Parking is free of charge for patients. Results vary. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            False,
        ),
        # exam takers seen without waiting (no price)
        (
            f"(광고) 가람이비인후과 수험생은 대기 없이 바로 진료해 드립니다. {OPT}",
            "friendtalk",
            "advertising",
            "MSA-STUDENT-LURE",
            True,
        ),
    ],
)
def test_writer_s21_classes(text: str, channel: str, purpose: str, rule: str, present: bool) -> None:
    assert (rule in rule_ids(text, channel, purpose)) is present
