"""English and mixed Korean/English messages, session 19 (eng2): the frames of ``rules/frames_s19_eng.json``, the
context checks of ``rules/context_checks_s19_eng.json`` and the English names and notices added to
``rules/msa_omit_risk.json``, each class with its clean twin (``corpus/probes_s19_eng.jsonl``, four rounds, each
scored once before its fixes). The sentences below are new wordings, in none of the probe rounds."""

from __future__ import annotations

import json

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR, rule_catalogue
from tests.support.compliance import rule_ids

OPTOUT = " 무료수신거부 080-221-4470"


def ad(text: str, channel: str = "friendtalk") -> set[str]:
    return rule_ids(text + OPTOUT, channel)


def test_the_english_probe_rounds_are_labelled_exactly() -> None:
    """Every line of probes_s19_eng.jsonl gets exactly its labels: no false finding on a clean twin, no miss."""
    rows = load("probes_s19_eng")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("p19e-") for row in rows)
    assert sum(not row["expected"] for row in rows) >= len(rows) // 3
    for row in rows:
        assert rule_ids(row["text"], row["channel"], row["purpose"]) == set(row["expected"]), row["id"]


def test_every_session_19_english_frame_and_check_names_known_rules() -> None:
    known = set(rule_catalogue()) | {"PROMO"}
    frames = json.loads((RULES_DIR / "frames_s19_eng.json").read_text("utf-8"))["frames"]
    assert frames and all(f["rule"] in known and f["comment"] for f in frames)
    checks = json.loads((RULES_DIR / "context_checks_s19_eng.json").read_text("utf-8"))["checks"]
    assert checks and all(set(c["rules"]) <= known and c["class"] for c in checks)


@pytest.mark.parametrize(
    "text",
    [
        # health details told to the patient by SMS
        "Hana Clinic: Mr. Dale, you tested negative for hepatitis B antibodies; a vaccine dose is due.",
        "Hana Clinic: Your urine culture came back positive for E. coli; collect the antibiotics today.",
        "Hana Clinic: The lump removed from your neck was confirmed as a lipoma. No further surgery.",
        "Hana Clinic: Your ferritin this week was 6, so please start the iron tablets tonight.",
        "Hana Clinic: The scan this morning showed a 4 mm stone in your left kidney, Ms. Roy.",
        "Hana Clinic: Your right eye now reads 20/80; please keep Thursday's appointment.",
    ],
)
def test_english_health_details_in_an_sms_are_found(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "(광고) Hana Skin / Members collect 3% back in reward points on every facial. Results vary.",
            "MSA-INDUCEMENT",
        ),
        (
            "(광고) Hana Dental / Coming from Osaka? Your train and hotel are on us with any full-arch plan. Results vary.",
            "MSA-INDUCEMENT",
        ),
        (
            "(광고) Hana Skin / Each Morpheus8 course comes with a home-care kit as a gift. Redness may occur.",
            "MSA-INDUCEMENT",
        ),
        (
            "(광고) Hana Skin / Limited places at this rate, first come first served. Redness may occur.",
            "MSA-INDUCEMENT",
        ),
        (
            "(광고) 하나성형외과 / facelift 예약 시 리조트 2박 포함! 붓기·멍 등 부작용이 있을 수 있습니다.",
            "MSA-INDUCEMENT",
        ),
        ("(광고) Hana Skin / Bring us any lower quote and we will match it. Redness may occur.", "MSA-INDUCEMENT"),
        (
            "(광고) Hana Dental / Your check-up and X-rays are free when you book a crown this month. Results vary.",
            "MSA-INDUCEMENT",
        ),
        ("(광고) Hana Dental / Aligners 40% under the average Busan fee. Results vary.", "MSA-INDUCEMENT"),
        (
            "(광고) Hana Skin / Come along with your partner and you both save 15% on the peel. Redness may occur.",
            "MSA-INDUCEMENT",
        ),
        ("(광고) Hana Skin / Write a Google review and earn 10,000 KRW credit. Results vary.", "MSA-REVIEW-INCENTIVE"),
        ("(광고) Hana Skin / Rosacea redness cured once and for all. Results vary.", "MSA-GUARANTEE"),
        ("(광고) Hana Skin / Eliminate stubborn cellulite in three visits. Bruising may occur.", "MSA-GUARANTEE"),
        ("(광고) Hana Dental / Six shades whiter after one appointment. Sensitivity may occur.", "MSA-GUARANTEE"),
        (
            "(광고) Hana Dental / Our aligners straighten teeth permanently. Soreness may occur; results vary.",
            "MSA-GUARANTEE",
        ),
        ("(광고) Hana Skin / Age spots melt away after a single session. Redness may occur.", "MSA-GUARANTEE"),
        ("(광고) Hana Dental / Under sedation you will feel absolutely nothing. Results vary.", "MSA-SAFETY-CLAIM"),
        (
            "(광고) Hana Skin / Gangnam's go-to dermatologist for melasma. Redness may occur; results vary.",
            "MSA-SUPERLATIVE",
        ),
        (
            "(광고) Hana Eye / Cataract lenses at a third of what clinics in Singapore charge. Glare may occur.",
            "MSA-COMPARISON",
        ),
        (
            "(광고) Hana Skin / The peel trusted by several K-pop idols. Redness may occur; results vary.",
            "MSA-CELEBRITY",
        ),
        (
            "(광고) Hana Hair / Watch Dr. Kang perform a hairline transplant live on our YouTube channel. Results vary.",
            "MSA-SURGERY-SCENE",
        ),
        ("(광고) Hana Dental / Week 1 vs week 30 of Noah's braces — see the photos. Results vary.", "MSA-BEFORE-AFTER"),
        (
            "(광고) Hana Skin / Tired of hiding your freckles under foundation? Redness may occur; results vary.",
            "MSA-APPEARANCE",
        ),
        ("(광고) Hana Hair / A scalp-therapy breakthrough from our own laboratory. Results vary.", "MSA-UNVERIFIED"),
    ],
)
def test_new_wordings_of_the_english_advertising_classes_are_found(text: str, rule: str) -> None:
    assert rule in ad(text)


def test_english_alimtalk_and_care_classes_are_found() -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(
        "[Hana Skin] Your 5 remaining laser credits will be forfeited on Dec 31.", "alimtalk", "informational"
    )
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(
        "Hana Eye: Your check is on Jun 2. Now available: blue-light lenses — call to upgrade your pair!",
        "sms",
        "informational",
    )
    assert "MSA-OMIT-RISK" in ad("(광고) Hana Skin / Carbon peel and pico toning every Saturday.")
    assert "MSA-OMIT-RISK" not in ad(
        "(광고) Hana Skin / Carbon peel every Saturday. Blurred vision is not expected; redness may occur."
    )


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        ("Hana Clinic: If you test positive for strep, the doctor will prescribe antibiotics.", "sms", "informational"),
        (
            "Hana Clinic: Your blood test results are ready; the doctor will go through them on Monday.",
            "sms",
            "informational",
        ),
        ("Hana Clinic: Please measure your blood pressure at 8 am and 8 pm for a week.", "sms", "informational"),
        (
            "(광고) Hana Skin / Reward points are not given on medical treatments. Results vary.",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) Hana Dental / Hotels and trains are booked and paid by you; we can recommend some. Results vary.",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) Hana Skin / Laser may help fade age spots; results vary and are not guaranteed. Redness may occur.",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) Hana Hair / Our videos explain the transplant day step by step; no surgery footage is shown. Results vary.",
            "friendtalk",
            "advertising",
        ),
        ("Hana Skin: Before and after your laser, keep the area out of the sun.", "sms", "informational"),
        (
            "[Hana Dental] Please photograph your brace wire before and after eating if it feels loose.",
            "alimtalk",
            "informational",
        ),
        ("[Hana Dental] You asked about a discount: we are not able to offer one, sorry.", "alimtalk", "informational"),
        (
            "[Hana Dental] Your implant check is on May 3 at 10:00. Our new parking lot is now open behind the clinic.",
            "alimtalk",
            "informational",
        ),
        ("(광고) Hana Eye: A cataract clinic in Ulsan. Glare may occur; results vary.", "sms", "advertising"),
        (
            "(광고) Hana Eye: First-time patients, please bring your glasses. Dry eye may occur after LASIK; results vary.",
            "sms",
            "advertising",
        ),
        (
            "Hana Dental: Please come in with a parent; both of you will get the consent forms to sign.",
            "sms",
            "informational",
        ),
    ],
)
def test_the_english_clean_twins_stay_clean(text: str, channel: str, purpose: str) -> None:
    assert not rule_ids(text + (OPTOUT if purpose == "advertising" else ""), channel, purpose)
