"""Comparison, disparagement, celebrity, inducement, AlimTalk-purpose and health-in-SMS wordings of
rules/frames_s17_cfam.json (and the wider DEFAME cues), on wording other than the training lines they were written
from, and the close clean traps each must leave alone; corpus/probes_s17_cfam.jsonl must score without a miss or a
false finding."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from compliance.corpus_score import load
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("새봄클리닉")


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("Shady agencies book you with unlicensed surgeons. We never do.", {"MSA-COMPARISON"}),
        ("Unlike nail salons, our nurses are trained for every reaction.", {"MSA-COMPARISON"}),
        # others' used equipment implied, no provider named and no contrast: a disparagement alone (session 25)
        ("중고 장비 불안은 이제 끝, 올해 들여온 새 레이저입니다.", {"MSA-DEFAME"}),
        ("사진만 찍어 주고 보내는 곳과는 다릅니다. 원장이 직접 설명합니다.", {"MSA-COMPARISON"}),
        ("안과를 이곳저곳 옮겨 다니셨다면 한 번 들러 보세요.", {"MSA-COMPARISON"}),
        # named, the sender set against it: the comparison is either reading (session 28)
        ("다른 곳에서 교정 후 이가 더 벌어지셨나요? 저희가 바로잡습니다.", {"MSA-DEFAME"}),
        ("Unlike the big chains, we never water down fillers.", {"MSA-COMPARISON", "MSA-DEFAME"}),
        ("보약 3제 하시면 1제는 무료로 지어 드립니다.", {"MSA-INDUCEMENT"}),
        ("Second syringe is half price for new patients.", {"MSA-INDUCEMENT"}),
        ("Booking fee waived for appointments made this week.", {"MSA-INDUCEMENT"}),
        ("VIP 등급 전용 혜택으로 관리 받아 보세요.", {"MSA-INDUCEMENT"}),
        ("상담 예약 고객께는 홈케어 키트를 선물로 드립니다.", {"MSA-INDUCEMENT"}),
        ("Free airport pickup for overseas patients.", {"MSA-INDUCEMENT"}),
        ("현역 프로배구 선수가 선택한 재활 프로그램.", {"MSA-CELEBRITY"}),
        ("팔로워 12만 인플루언서도 받고 간 관리.", {"MSA-CELEBRITY"}),
        ("Pro athletes trust our sports medicine team.", {"MSA-CELEBRITY"}),
    ],
)
def test_the_family_is_found_in_new_wording(sentence: str, rules: set[str]) -> None:
    assert rules <= rule_ids(AD.format(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "레이저 토닝 1회 5만 원, 10회 45만 원(비급여).",
        "Unlike a sunburn, a laser mark fades within a week.",
        "국가건강검진은 본인부담금 없이 받으실 수 있으며 기한은 12월 31일까지입니다.",
        "다른 병원 진료기록이 있으시면 가져와 주세요.",
        "주차는 2시간 무료입니다.",
        "두 번째 방문부터는 예약 없이 오셔도 됩니다.",
        "선수 출신 트레이너가 운동 방법을 알려 드립니다.",
        "The last appointment of the day starts at 5 pm.",
    ],
)
def test_close_clean_ad_sentences_stay_clean(sentence: str) -> None:
    found = rule_ids(AD.format(sentence))
    assert not found & {"MSA-COMPARISON", "MSA-DEFAME", "MSA-INDUCEMENT", "MSA-CELEBRITY"}, (sentence, found)


@pytest.mark.parametrize(
    "text",
    [
        "[새봄클리닉] 추석 인사 올립니다. 풍성한 한가위 보내세요.",
        "[Saebom Clinic] Happy Lunar New Year from all of us!",
        "[Saebom Clinic] How is your knee recovering after the injection? Reply anytime.",
        "[새봄클리닉] 시술 후 결과는 만족스러우신가요?",
        "[새봄클리닉] 설문에 답해 주신 분께 추첨으로 상품권을 드립니다.",
    ],
)
def test_alimtalk_greetings_and_check_ins_are_blacklisted(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(text, "alimtalk", "informational"), text


@pytest.mark.parametrize(
    "text",
    [
        "[새봄클리닉] 추석 연휴 휴진 안내: 9월 16일~18일 휴진하며 19일부터 정상 진료합니다.",
        "[새봄클리닉] 새 담당 간호사가 인사드립니다. 다음 진료부터 함께합니다.",
        "[새봄클리닉] 내일 오전 10시 무릎 주사 예약이 있습니다.",
    ],
)
def test_alimtalk_care_and_notices_stay_clean(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(text, "alimtalk", "informational"), text


def test_health_values_in_sms_are_found_and_advice_thresholds_are_not() -> None:
    found = "[새봄클리닉] 지난 검진에서 콜레스테롤이 높게 나오셨던 분께 재검사를 안내드립니다."
    refraction = "[새봄안과] 검사 결과 우 -0.75D, 좌 -1.25D로 나왔습니다."
    advice = "[새봄클리닉] 혈압이 180/110 이상으로 높게 나오면 바로 내원하세요."
    assert "PII-HEALTH-IN-SMS" in rule_ids(found, "sms", "informational")
    assert "PII-HEALTH-IN-SMS" in rule_ids(refraction, "sms", "informational")
    assert "PII-HEALTH-IN-SMS" not in rule_ids(advice, "sms", "informational")


def test_the_probe_file_scores_without_a_miss_or_a_false_finding() -> None:
    wrong = []
    for row in load("probes_s17_cfam"):
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        differs = found ^ set(row["expected"])
        if differs == {"MSA-COMPARISON"} and "MSA-DEFAME" in found and disparagement_compares(row["text"]) is None:
            continue  # a named provider run down with no comparison drawn: either reading (session 28's convention)
        if differs:
            wrong.append((row["id"], sorted(differs)))
    assert not wrong


def test_english_purpose_forms_are_read_and_care_notes_stay_clean() -> None:
    coupon = "[Saebom Clinic] Your coupon expires this Friday. Book now to use it."
    pitch = "[Saebom Dental] We have a new 3D CT scanner! Come and see how precise it is."
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(coupon, "alimtalk", "informational")
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(pitch, "sms", "informational")
    for care in (
        "[Saebom Dental] Our new CT machine will be installed on May 2; the clinic is closed that day.",
        "[Saebom Clinic] Your prescription expires in 30 days; book a visit to renew it.",
    ):
        assert not rule_ids(care, "sms", "informational") & {"ADV-PURPOSE-MISMATCH"}, care
        assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(care, "alimtalk", "informational"), care


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Why wait 3 months at a university hospital? See a specialist this week.", "MSA-COMPARISON"),
        ("Tired of being treated like a number? Come see us.", "MSA-COMPARISON"),
        ("First consultation on us.", "MSA-INDUCEMENT"),
        ("Free teeth whitening with every implant.", "MSA-INDUCEMENT"),
        ("Earn double points this weekend.", "MSA-INDUCEMENT"),
        ("인근 병원 대비 30% 저렴합니다.", "MSA-COMPARISON"),
        ("100만 유튜버 협찬 시술.", "MSA-CELEBRITY"),
    ],
)
def test_english_and_baseline_forms_are_found(sentence: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Please wait in the lobby at the clinic until your name is called.",
        "If you have waited at a hospital for more than an hour, please tell the desk.",
        "No deposit required for insurance patients.",
        "Free parking with every visit.",
    ],
)
def test_english_waits_and_policies_stay_clean(sentence: str) -> None:
    found = rule_ids(AD.format(sentence))
    assert not found & {"MSA-COMPARISON", "MSA-INDUCEMENT"}, (sentence, found)
