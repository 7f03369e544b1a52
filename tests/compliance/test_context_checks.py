"""Precision on informational context (issue 17 item 4; compliance/context.py, rules/context_checks.json): each
class of false reading the session-16 writer files showed is withdrawn by a general context check, in wording of
its own (probes_s16_prec.jsonl), while the violation next to it is still found."""

from __future__ import annotations

import json
import re

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR, rule_catalogue
from tests.compliance.probe_files import assert_no_false_finding
from tests.support.compliance import rule_ids

AD = "(광고) 하늘숲치과 {} 무료수신거부 080-410-1200"


def test_every_check_compiles_names_known_rules_and_has_a_class() -> None:
    doc = json.loads((RULES_DIR / "context_checks.json").read_text("utf-8"))
    known = set(rule_catalogue()) | {"PROMO"}
    for check in doc["checks"]:
        assert check["class"] and set(check["rules"]) <= known, check
        assert check.get("where", "near") in ("near", "sentence", "message", "ends_in", "original"), check
        for key in ("re", "unless"):
            for pattern in check.get(key, []):
                re.compile(pattern)
    assert set(doc["scored_cues"]) <= known


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        # a factual fee notice, in Korean and in English
        (
            "(광고) 하늘숲치과 스케일링 비용 안내: 보험 적용 시 본인부담금 약 1만 8천 원입니다. 무료수신거부 080-410-1200",
            "sms",
            "advertising",
        ),
        (
            "(광고) Haneulsoop Dental Whitening: 2 sessions are usually needed, ₩150,000 per session incl. VAT. Sensitivity may occur; results vary. 무료수신거부 080-410-1200",
            "friendtalk",
            "advertising",
        ),
        # free because the state pays, free parking, a free health lecture
        (
            "(광고) 하늘숲내과 어린이 인플루엔자 국가예방접종(무료) 10월부터 시행합니다. 무료수신거부 080-410-1200",
            "sms",
            "advertising",
        ),
        (
            "(광고) 하늘숲내과 지하 주차장은 진료 중 3시간까지 무료입니다. 무료수신거부 080-410-1200",
            "sms",
            "advertising",
        ),
        (
            "(광고) 하늘숲내과 당뇨 교실: 12월 5일 오후 2시, 누구나 무료로 참석하실 수 있습니다. 무료수신거부 080-410-1200",
            "sms",
            "advertising",
        ),
        # care: re-attaching the patient's appliance, a warranty card, a threshold in advice
        ("[하늘숲치과] 유지장치가 떨어진 경우 다시 붙이는 비용은 받지 않습니다.", "sms", "informational"),
        (
            "[하늘숲치과] 보철 보증서가 발급되었습니다. 보증 기간은 3년이며 정기검진을 받지 않으시면 보증이 제한됩니다.",
            "alimtalk",
            "informational",
        ),
        ("[하늘숲내과] 혈압이 170/100 이상으로 나오거나 두통이 심하면 바로 내원하세요.", "sms", "informational"),
        # words misread: 배우자, 반영구, 책임 집도, a thank-you
        ("[하늘숲정형외과] 배우자분도 무릎이 불편하시면 진료 때 함께 말씀해 주세요.", "sms", "informational"),
        ("[하늘숲내과] 올 한 해 찾아 주신 모든 분께 감사드립니다. 1월 1일은 휴진합니다.", "sms", "informational"),
        # footage denied, a broadcast as a closure's reason
        ("[하늘숲성형외과] 저희는 수술 장면을 촬영하거나 공개하지 않습니다.", "sms", "informational"),
        ("[하늘숲안과] 원장님 방송 출연 일정으로 토요일 진료는 쉽니다.", "sms", "informational"),
    ],
)
def test_informational_context_raises_nothing(text: str, channel: str, purpose: str) -> None:
    assert rule_ids(text, channel, purpose) == set()


def test_a_real_offer_next_to_a_factual_one_is_still_found() -> None:
    """The context checks name what keeps a finding: a discount in the fee notice, a free scaling besides the
    national vaccination, a patient's own result besides the threshold."""
    assert "MSA-INDUCEMENT" in rule_ids(AD.format("스케일링 비용 안내: 1만 8천 원, 이번 달 30% 할인."))
    assert "MSA-INDUCEMENT" in rule_ids(AD.format("국가예방접종 오시면 스케일링도 무료로 해 드립니다."))
    assert "PII-HEALTH-IN-SMS" in rule_ids(
        "[하늘숲내과] 홍길동님 오늘 혈압 172/104로 높게 나오셨습니다.", "sms", "informational"
    )


@pytest.mark.parametrize(
    ("text", "purpose", "rule"),
    [
        # a result, not a threshold in advice (no condition follows the value)
        (
            "[하늘숲내과] 홍길동님 혈압이 170/100 이상으로 나와 약을 조정하시기 바랍니다.",
            "informational",
            "PII-HEALTH-IN-SMS",
        ),
        # an outcome promised by 책임지는, a bundle bonus that is no remedy, 100% of a result
        (AD.format("교정 결과까지 끝까지 책임지는 치과. ※부작용·개인차 있음"), "advertising", "MSA-GUARANTEE"),
        (AD.format("임플란트 3회 시술 시 1회 무료 재시술 제공. ※부작용·개인차 있음"), "advertising", "MSA-INDUCEMENT"),
        (AD.format("100% 자연스러운 결과를 약속합니다. ※부작용·개인차 있음"), "advertising", "MSA-GUARANTEE"),
    ],
)
def test_the_classes_stop_at_their_edges(text: str, purpose: str, rule: str) -> None:
    assert rule in rule_ids(text, "sms", purpose)


def test_a_free_redo_is_the_guarantee_only() -> None:
    found = rule_ids(AD.format("교정 후 치아가 다시 틀어지면 평생 무료로 다시 잡아 드립니다. ※부작용·개인차 있음"))
    assert "MSA-GUARANTEE" in found and "MSA-INDUCEMENT" not in found


def test_an_alimtalk_survey_prize_is_the_black_list_only() -> None:
    found = rule_ids(
        "[하늘숲피부과] 만족도 설문에 참여해 주시면 추첨을 통해 상품권을 드립니다.", "alimtalk", "informational"
    )
    assert found == {"KAKAO-ALIMTALK-BLACKLIST"}


def test_the_clinics_own_name_is_no_other_provider() -> None:
    found = rule_ids(
        "(광고) 참솔한방병원\n교통사고 후유증으로 잠 못 이루던 분의 회복 수기를 올렸습니다.\n무료수신거부 080-410-1200"
    )
    assert not found & {"MSA-COMPARISON", "MSA-DEFAME"}


def test_probe_file_is_cited_and_precise() -> None:
    """The clean traps of every class pass; precision on the file stays at the target."""
    rows = load("probes_s16_prec")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("s16-prec-") for row in rows)
    tp = fp = 0
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        if not row["expected"]:
            assert found == set(), row["id"]
        tp += len(found & set(row["expected"]))
        fp += len(found - set(row["expected"]))
    assert tp / (tp + fp) >= 0.95


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        # a lab abbreviation inside an English word is no lab value (the compact text glues "Plastic Surgery 2")
        (
            "(광고) Saesol Plastic Surgery 2만 건의 상담 경험, 토요일 진료. 무료수신거부 080-500-7001",
            "sms",
            "advertising",
        ),
        (
            "[예쁨성형외과] rhinoplasty 3개월 후 경과 사진 촬영이 있으니 12일 오전에 내원해 주세요.",
            "sms",
            "informational",
        ),
        ("[Saesol Clinic] Your last 2 sessions are on Friday. Call us to reschedule.", "sms", "informational"),
        # a charge waived for a re-attachment, in either speech level
        (
            "[하늘숲치과] 장치가 떨어지면 버리지 말고 가져와 주세요. 다시 붙이는 비용은 받지 않아요.",
            "alimtalk",
            "informational",
        ),
    ],
)
def test_session_17_classes_stay_clean(text: str, channel: str, purpose: str) -> None:
    assert not rule_ids(text, channel, purpose)


def test_a_lab_value_written_as_its_own_word_is_still_health_data() -> None:
    found = rule_ids("[한빛내과] 이정훈님 간기능 검사 ALT 98, AST 76으로 정상보다 높습니다.", "sms", "informational")
    assert found == {"PII-HEALTH-IN-SMS"}


def test_session_17_probe_file_raises_no_false_finding() -> None:
    """Each class of false reading the session-17 writer files showed (probes_s17_prec.jsonl, new wording): every
    clean trap passes and no line gets a finding it does not expect; the violations next to them are still found
    (recall is not this file's measure: a few lines name a violation the rules still miss)."""
    assert_no_false_finding("probes_s17_prec", "p17p-", 0.85)


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("강남 최고의 명의가 직접 봅니다.", "MSA-FAKE-TITLE"),  # a title, not a counter (3명의)
        ("이번 달 오시면 다음 관리는 무료로 해 드립니다.", "MSA-INDUCEMENT"),  # a visit rewarded, no failure
        ("할인 불가 품목 제외, 첫 방문 고객께 홍삼 1박스 증정.", "MSA-INDUCEMENT"),  # a gift beside "할인 불가"
        ("효과 없으면 재발해도 책임집니다. 재발 걱정 없는 치료.", "MSA-GUARANTEE"),  # no relapse is a promise
    ],
)
def test_the_session_17_classes_stop_at_their_edges(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body))


def test_session_18_probe_file_raises_no_false_finding() -> None:
    """Each class of false reading the checker of the commit before each writer file showed on that file (out of
    sample), in new wording (probes_s18_prec.jsonl): clean traps stay clean and violating lines get only the rules
    their writers give (an extra rule on a violating line counts as false)."""
    rows = load("probes_s18_prec")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("p18p-") for row in rows)
    found_expected = expected = 0
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        assert found <= set(row["expected"]), (row["id"], found - set(row["expected"]))
        found_expected += len(found)
        expected += len(row["expected"])
    assert found_expected / expected >= 0.75  # recall is not this file's measure: some lines name misses


@pytest.mark.parametrize(
    ("text", "channel", "purpose", "rule"),
    [
        # a procedure the promotion itself names, in a care message, is a promotion (the risk notice it lacks is
        # not named beside the channel rule since session 23: conventions.MESSAGE_CONVENTIONS)
        (
            "[다른숲안과] 내일 라식 상담 예약입니다. 이번 달 라식 20% 할인도 함께 안내드려요!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
        ),
        # a claim beside the patient's own booking makes the booked procedure the one advertised
        (
            "[새빛안과] 내일 백내장 수술 전 검사가 있습니다. 저희는 무봉합이라 수술 후 통증이 없어요. 부모님도 모시고 함께 상담받아 보세요.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
        ),
        # a new service opened is promoted, not the patient's own care
        (
            "[결고운피부과] 여름맞이 제모 예약이 시작되었습니다. 서둘러 예약하세요!",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
        ),
        # a safety claim is no risk notice ("부작용 위험 제로")
        (AD.format("라식, 합병증 위험 제로!"), "sms", "advertising", "MSA-OMIT-RISK"),
        # a national programme with the clinic's own add-on is still an offer
        (
            AD.format("국가검진 오시는 김에 갑상선 초음파 추가하면 본인부담 0원!"),
            "sms",
            "advertising",
            "MSA-INDUCEMENT",
        ),
        # a daily capacity with a price is a limited offer
        (AD.format("하루 10명만 레이저 토닝 3만 원!"), "sms", "advertising", "MSA-INDUCEMENT"),
        # a satisfaction figure promised to the reader, or 100 %, is a guarantee
        (AD.format("환자 만족도 98.7%, 다음은 당신 차례입니다."), "sms", "advertising", "MSA-GUARANTEE"),
        (AD.format("만족도 100프로!"), "sms", "advertising", "MSA-GUARANTEE"),
        # a clinic's own ranking is still a superlative beside the advice words
        (
            AD.format("No.1 임플란트 치과, 원장이 직접 수술합니다. ※부작용·개인차가 있을 수 있습니다."),
            "sms",
            "advertising",
            "MSA-SUPERLATIVE",
        ),
        # a student offer from a paediatric clinic is still a student lure
        (
            "(광고) 해온소아청소년과 수험생 독감 접종 할인 이벤트 무료수신거부 080-555-3300",
            "sms",
            "advertising",
            "MSA-STUDENT-LURE",
        ),
        # an appeal to a complex beside a younger look is still one
        (
            AD.format("사진 찍기 싫을 만큼 콤플렉스였던 팔자주름, 다섯 살은 어려 보이게"),
            "sms",
            "advertising",
            "MSA-APPEARANCE",
        ),
    ],
)
def test_the_session_18_classes_stop_at_their_edges(text: str, channel: str, purpose: str, rule: str) -> None:
    assert rule in rule_ids(text, channel, purpose)
