"""English and mixed Korean/English messages (session 18, eng): the frames of ``rules/frames_s18_eng.json``, the
context checks of ``rules/context_checks_eng.json`` and the sender-name reading of :mod:`compliance.sender_name`,
each class with its clean twin (``corpus/probes_s18_eng.jsonl``)."""

from __future__ import annotations

import json

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR, rule_catalogue
from tests.support.compliance import rule_ids

OPTOUT = " 무료수신거부 080-442-1090"


def test_the_english_probe_file_is_labelled_exactly() -> None:
    """Every line of probes_s18_eng.jsonl (new wordings of each class, clean twins beside them) gets exactly its
    labels: no false finding on a clean twin, no miss on its violating twin."""
    rows = load("probes_s18_eng")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("p18e-") for row in rows)
    assert sum(not row["expected"] for row in rows) >= len(rows) // 3
    for row in rows:
        assert rule_ids(row["text"], row["channel"], row["purpose"]) == set(row["expected"]), row["id"]


def test_every_english_check_and_frame_names_known_rules() -> None:
    known = set(rule_catalogue()) | {"PROMO"}
    checks = json.loads((RULES_DIR / "context_checks_eng.json").read_text("utf-8"))["checks"]
    assert checks and all(set(c["rules"]) <= known and c["class"] for c in checks)
    frames = json.loads((RULES_DIR / "frames_s18_eng.json").read_text("utf-8"))["frames"]
    assert frames and all(f["rule"] in known and f["comment"] for f in frames)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("(광고) Weekend consultations in English now open — call 02-541-7714.", False),
        ("(광고) Check-up slots for tour groups are open for February.", False),
        ("(광고) Our Gangnam clinic now welcomes international patients.", False),
        ("(광고) New hair clinic in Sinsa — consultations in English.", False),
        ("(광고) Soldam Hair Clinic — consultations in English.", True),
        ("(광고) Raonbit: consultations in English.", True),
        ("(광고) Lumière PS — consultations in English.", True),
        ("(광고) New Hairline Clinic — consultations in English.", True),
        ("(광고) [라온빛피부과] consultations in English.", True),
        ("(광고) 라온빛피부과 weekend consultations in English.", True),
    ],
)
def test_an_english_advertisement_names_its_sender_only_with_a_name(text: str, named: bool) -> None:
    """A clinic's English name is a proper noun: "our Gangnam clinic" and a sentence opening after the label name
    nobody (ADV-SENDER); "Soldam Hair Clinic", "Lumière PS" or a bracketed name do."""
    assert ("ADV-SENDER" not in rule_ids(text + OPTOUT)) is named


@pytest.mark.parametrize(
    ("text", "channel", "purpose", "rule"),
    [
        (
            "Clinic: your LDL cholesterol level was 190 mg/dL at the check-up.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
        ),
        ("Clinic: your mammogram showed a 9 mm cyst in the left breast.", "sms", "informational", "PII-HEALTH-IN-SMS"),
        (
            "(광고) Clinic: spa stay and limousine transfer included with every facelift. Results vary.",
            "sms",
            "advertising",
            "MSA-INDUCEMENT",
        ),
        ("[Clinic] Your 15% loyalty coupon expires Friday — book now!", "alimtalk", "informational", "MSA-INDUCEMENT"),
    ],
)
def test_new_wordings_of_the_english_classes_are_found(text: str, channel: str, purpose: str, rule: str) -> None:
    assert rule in rule_ids(text + (OPTOUT if purpose == "advertising" else ""), channel, purpose)


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        ("Clinic: if your LDL level is 160 mg/dL or higher, the doctor may suggest medicine.", "sms", "informational"),
        ("Clinic: results are ready; the doctor will explain them at your visit on Friday.", "sms", "informational"),
        ("(광고) Clinic: spa stay and limousine transfer are not included. Results vary.", "sms", "advertising"),
        ("[Clinic] Reply STOP to withdraw your consent — free of charge.", "alimtalk", "informational"),
        ("(광고) Clinic / We never give gifts or coupons for visits. Results vary.", "friendtalk", "advertising"),
    ],
)
def test_the_english_clean_twins_stay_clean(text: str, channel: str, purpose: str) -> None:
    assert not rule_ids(text + (OPTOUT if purpose == "advertising" else ""), channel, purpose) - {"MSA-OMIT-RISK"}
