"""Session 31 (lead): the classes session 30's note left open — a review answered by the doctor is no reward for it;
a promise of a service step (a call back) is no promise of a result; another clinic's records compared for the
patient are no rival; a perk said not to be included is a fee notice; a scan that "shows up" in the portal names
no finding; English promotion in a care message with no discount word (scarcity, "reserve yours", new equipment
introduced, a package announced) is promotion; a rewrite keeps an English greeting and an ad's procedure — each
beside its violating twin, on sentences written for these tests (not corpus lines)."""

from __future__ import annotations

from functools import partial

import pytest

from compliance.suggestions import suggest
from compliance.text_rules import lint_text
from tests.support.compliance import english_ad, info_alimtalk, info_sms, korean_ad


@pytest.mark.parametrize(
    "body",
    ["리뷰를 남겨 주시면 원장님이 직접 답글 달아 드립니다.", "방문 후기에는 상담실장이 하나하나 답변을 남겨 드려요."],
)
def test_a_review_answered_is_no_reward(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in korean_ad(body, clinic="밝은눈안과")


@pytest.mark.parametrize(
    "body",
    [
        "리뷰를 남겨 주시면 원장님이 답글 달아 드리고 커피 쿠폰도 보내 드립니다.",
        "후기를 남겨 주시면 답글과 함께 적립금 5천 원을 드립니다.",
    ],
)
def test_a_review_answered_and_rewarded_stays_an_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in korean_ad(body, clinic="밝은눈안과")


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("We promise to call you back within one business day.", False),
        ("We promise to keep your data private and never share it.", False),
        ("We promise you perfect vision after one session.", True),
        ("We promise results you will love, or your money back.", True),
    ],
)
def test_a_promised_service_step_is_no_guarantee_but_a_promised_result_is(body: str, kept: bool) -> None:
    assert ("MSA-GUARANTEE" in english_ad(body, clinic="Seoul Clear Eye Clinic")) is kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("다른 병원 검사지를 가져오시면 비교해 보고 자세히 설명해 드립니다.", False),
        ("이전 병원에서 찍은 사진과 자료를 가져오시면 상담이 빨라집니다.", False),
        ("다른 병원보다 검사가 훨씬 꼼꼼합니다.", True),
        ("다른 병원에서 받은 결과지와 달리 저희는 실패가 없습니다.", True),
    ],
)
def test_another_clinics_records_are_no_rival(body: str, kept: bool) -> None:
    assert ("MSA-COMPARISON" in korean_ad(body, clinic="밝은눈안과")) is kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("숙소와 공항 픽업은 포함되어 있지 않습니다.", False),
        ("Revisions are not free of charge.", False),
        ("라식 예약 시 숙소와 공항 픽업이 포함되어 있습니다.", True),
        ("Revisions are free of charge this month.", True),
    ],
)
def test_a_perk_said_not_to_be_included_is_a_fee_notice(body: str, kept: bool) -> None:
    assert ("MSA-INDUCEMENT" in korean_ad(body, clinic="밝은눈안과")) is kept


def test_an_informational_fee_notice_that_revisions_are_not_free_is_no_mismatch() -> None:
    found = info_sms("[Seoul Clear Eye] Revisions are not free of charge; the fee is 300,000 won.")
    assert not found & {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Hi Anna, your scan shows up in the portal now. - Seoul Clear Eye", False),
        ("Hi Anna, your scan shows a suspicious spot on the retina; please call us. - Seoul Clear Eye", True),
    ],
)
def test_a_scan_that_shows_up_in_the_portal_names_no_finding(text: str, kept: bool) -> None:
    assert ("PII-HEALTH-IN-SMS" in info_sms(text)) is kept


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Hi Anna, your biopsy showed a benign cyst and your HbA1c was 7.9%. See you Monday.", "Hi Anna, we will"),
        (
            "[Seoul Clear Eye] Dear Mr. Kim, your eye pressure was 28 mmHg. Please call us.",
            "[Seoul Clear Eye] Dear Mr. Kim, we",
        ),
        ("Hello {{ patient.name }}, your HbA1c was 8.1%. See you soon.", "Hello {{ patient.name }}, we will"),
    ],
)
def test_a_health_rewrite_keeps_an_english_greeting(text: str, head: str) -> None:
    relint = partial(lint_text, channel="sms", purpose="informational")
    finding = next(f for f in relint(text) if f.rule == "PII-HEALTH-IN-SMS")
    suggestion = suggest(finding, text, relint)
    assert suggestion is not None
    rewritten = suggestion.apply(text)
    assert rewritten.startswith(head), rewritten
    assert "PII-HEALTH-IN-SMS" not in {f.rule for f in relint(rewritten)}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "(광고) Seoul Clear Eye Clinic Hi! The LASIK in Korea, zero pain. Side effects may occur. "
            "무료수신거부 080-123-4567",
            "LASIK consultations are available.",
        ),
        (
            "(광고) 밝은눈안과 다른 병원에서 실패한 라식, 저희는 다릅니다. 이번 달 상담 예약 받습니다. 무료수신거부 080-123-4567",
            "라식 상담을",
        ),
    ],
)
def test_an_ad_whose_claim_took_its_procedure_keeps_naming_it(text: str, subject: str) -> None:
    relint = partial(lint_text, channel="sms", purpose="advertising")
    finding = next(f for f in relint(text) if f.rule in ("MSA-SAFETY-CLAIM", "MSA-DEFAME", "MSA-COMPARISON"))
    suggestion = suggest(finding, text, relint)
    assert suggestion is not None
    assert subject in suggestion.apply(text)


@pytest.mark.parametrize(
    ("text", "promo"),
    [
        (
            "[Seoul Lumi Eye] Your visit is confirmed for May 3. Only 4 spots left this month for ICL, reserve yours today.",
            True,
        ),
        ("[Seoul Lumi Eye] Your frames are ready for pickup. Our winter package for couples is now available.", True),
        ("[Seoul Lumi Eye] Your results are ready. We are thrilled to introduce a new femtosecond laser.", True),
        (
            "[Seoul Lumi Eye] Your slot on May 3 is held until 5 pm; only 2 slots are left that day, please confirm.",
            False,
        ),
        ("[Seoul Lumi Eye] Your package includes the airport pickup and two nights at the partner hotel.", False),
        (
            "[Seoul Lumi Eye] We are pleased to introduce our new online booking system; change your visit in the app.",
            False,
        ),
        ("[Seoul Lumi Eye] Your surgery is on May 3. Please book your follow-up for May 4 at the desk.", False),
    ],
)
def test_english_promotion_in_an_alimtalk_names_no_discount(text: str, promo: bool) -> None:
    assert ("KAKAO-ALIMTALK-PROMO" in info_alimtalk(text)) is promo


@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("We are proud to introduce the latest femtosecond laser, the first in Asia.", True),
        ("Korea's first clinic with the new EX500 laser.", True),
        ("Be the first in line for our summer consultations.", False),
        ("Your first visit includes a full eye exam.", False),
    ],
)
def test_an_english_first_in_a_country_is_a_superlative(body: str, claim: bool) -> None:
    assert ("MSA-SUPERLATIVE" in english_ad(body, clinic="Seoul Lumi Eye Clinic")) is claim
