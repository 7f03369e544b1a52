"""AlimTalk templates: placeholders, filling, lifecycle, and the shipped library's review-readiness."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nodes.send_alimtalk.library import approved_templates, copy_for_clinic, get_template, load_library
from nodes.send_alimtalk.placeholders import TemplateVariablesError, placeholders
from nodes.send_alimtalk.template import (
    AlimTalkTemplate,
    Button,
    TemplateStateError,
    approve,
    fill,
    problems,
    reject,
    revise,
    submit,
)

names = st.text(alphabet=st.characters(whitelist_categories=("Lo", "Ll", "Lu", "Nd")), min_size=1, max_size=8)
plain = st.text(alphabet=st.characters(blacklist_characters="#{}\n"), max_size=20)


@given(st.lists(st.tuples(plain, names), max_size=6), plain)
def test_placeholders_are_found_in_order_without_repeats(parts: list[tuple[str, str]], tail: str) -> None:
    text = "".join(f"{before}#{{{name}}}" for before, name in parts) + tail
    expected = list(dict.fromkeys(name for _, name in parts))
    assert placeholders(text) == expected


@given(st.dictionaries(names, plain, min_size=1, max_size=5))
def test_fill_replaces_every_placeholder(values: dict[str, str]) -> None:
    template = AlimTalkTemplate(code="T_FILL", name="t", category="care", text=" ".join(f"#{{{k}}}" for k in values))
    assert fill(template, values).text == " ".join(values[k] for k in values)


def test_fill_names_missing_and_extra_variables() -> None:
    template = get_template("APPT_CONFIRM")
    with pytest.raises(TemplateVariablesError) as error:
        fill(template, {"병원명": "밝은눈안과", "이름": "김민지", "별명": "x"})
    assert error.value.missing == ["예약일시", "진료과", "병원전화", "예약확인링크"]
    assert error.value.extra == ["별명"]
    assert "빠진 변수" in str(error.value) and "missing" in str(error.value)


def test_fill_fills_button_links_too() -> None:
    values = {
        "병원명": "밝은눈안과",
        "이름": "김민지",
        "예약일시": "12월 3일 14:30",
        "진료과": "안과",
        "병원전화": "02-123-4567",
        "예약확인링크": "https://clinic.example/r/77",
    }
    filled = fill(get_template("APPT_CONFIRM"), values)
    assert filled.text.startswith("[밝은눈안과] 예약 확정 안내") and "#{" not in filled.text
    assert filled.buttons[0].link_mobile == "https://clinic.example/r/77"


def test_lifecycle_draft_submitted_approved_and_rejected_back_to_draft() -> None:
    draft = AlimTalkTemplate(code="T_LIFE", name="안내", category="care", text="#{이름}님 안내드립니다.")
    approved = approve(submit(draft))
    assert approved.status == "approved"
    rejected = reject(submit(draft), "광고성 문구")
    assert (rejected.status, rejected.rejection_reason) == ("rejected", "광고성 문구")
    edited = revise(rejected, text="#{이름}님, 진료 일정을 안내드립니다.")
    assert (edited.code, edited.status, edited.rejection_reason) == ("T_LIFE", "draft", None)
    with pytest.raises(TemplateStateError):
        approve(draft)
    with pytest.raises(TemplateStateError):
        submit(approved)
    with pytest.raises(TemplateStateError, match="under review"):
        revise(submit(draft), text="x")


def test_an_approved_text_never_changes_a_revision_is_a_new_template() -> None:
    approved = get_template("POSTOP_CATARACT_D1")
    revised = revise(approved, text=approved.text + "\n감사합니다.")
    assert approved.status == "approved" and approved.text.endswith("#{병원전화}")
    assert (revised.code, revised.version, revised.status) == ("POSTOP_CATARACT_D1_V2", 2, "draft")
    assert revise(approve(submit(revised)), name="새 이름").code == "POSTOP_CATARACT_D1_V3"
    with pytest.raises(AttributeError):
        approved.text = "changed"  # type: ignore[misc]


def test_form_problems_are_reported() -> None:
    bad = AlimTalkTemplate(
        code="bad code",
        name="x",
        category="care",
        text="가" * 1001,
        buttons=(Button("WL", "이름이 열네 글자를 넘는 아주 긴 버튼"), Button("AC", "친구 추가"), Button("ZZ", "x")),
    )
    found = " | ".join(problems(bad))
    for fragment in ("code must be", "over 1000", "1–14", "needs link_mobile", "AC button", "unknown type"):
        assert fragment in found
    with pytest.raises(TemplateStateError):
        submit(bad)


# --- the shipped library ----------------------------------------------------------------------------

LIBRARY = load_library()
# Words Kakao's AlimTalk review and the Medical Service Act refuse (compliance/RULES.md); the compliance
# package's checker is the real gate once it lands on main.
FORBIDDEN = [
    "할인",
    "특가",
    "무료",
    "이벤트",
    "혜택",
    "쿠폰",
    "프로모션",
    "최고",
    "최초",
    "유일",
    "1위",
    "후기",
    "어떠신",
    "괜찮으신가요",
    "보장",
    "100%",
    "완벽",
    "부작용 없",
    "통증 없",
    "무통",
    "전후",
    "지금 예약",
    "오픈 기념",
    "선착순",
    "생일",
]


def test_library_has_at_least_15_valid_templates_for_both_specialties() -> None:
    assert len(LIBRARY) >= 15
    specialties = {t.specialty for t in LIBRARY.values()}
    assert {"ophthalmology", "plastic_surgery", "common"} <= specialties
    for code in (
        "APPT_CONFIRM",
        "APPT_REMINDER_D1",
        "POSTOP_CATARACT_D1",
        "POSTOP_CATARACT_D3",
        "POSTOP_CATARACT_D7",
        "POSTOP_LASIK_D1",
        "POSTOP_LASEK_D1",
        "EYEDROP_SCHEDULE",
        "SUTURE_REMOVAL_REMINDER",
        "CHECKUP_RECALL",
        "RESULT_READY",
        "PAYMENT_RECEIPT",
    ):
        assert code in LIBRARY
    assert all(not problems(t) for t in LIBRARY.values())
    assert {t.code for t in approved_templates()} == set(LIBRARY)


@pytest.mark.parametrize("code", sorted(LIBRARY))
def test_library_template_is_informational_and_fits_when_filled(code: str) -> None:
    template = LIBRARY[code]
    for word in FORBIDDEN:
        assert word not in template.text, f"{code} contains {word!r}"
    assert not re.search(r"\?\s*$", template.text, re.M), f"{code}: questions read as check-ins"
    filled = fill(template, {name: "가" * 20 for name in template.variables})
    assert len(filled.text) <= 1000 and "#{" not in filled.text
    assert template.text.startswith("[#{병원명}]")


def test_a_clinic_copy_starts_as_a_draft() -> None:
    original = get_template("SUTURE_REMOVAL_REMINDER")
    copy = copy_for_clinic(original)
    assert (copy.status, copy.code, copy.text) == ("draft", original.code, original.text)


def test_unknown_template_code_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no AlimTalk template"):
        get_template("NOPE")


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_every_example_workflow_alimtalk_uses_a_library_template_with_the_same_variables() -> None:
    # Given the example workflows shipped in examples/
    nodes = [
        (path.name, node)
        for path in sorted(EXAMPLES.glob("*.json"))
        for node in json.loads(path.read_text("utf-8")).get("nodes", [])
        if node.get("type") == "send.alimtalk"
    ]
    assert nodes, "no example workflow sends an AlimTalk"
    # Then each template exists, is approved, and takes exactly the node's variables (KAKAO-TEMPLATE-VARIABLES)
    for name, node in nodes:
        template = get_template(node["params"]["template"])
        assert template.status == "approved", (name, template.code)
        assert sorted(template.variables) == sorted(node["params"].get("variables", {})), (name, template.code)


@pytest.mark.parametrize("code", sorted(LIBRARY))
def test_library_template_passes_the_compliance_checker(code: str) -> None:
    # Given the compliance package's text rules (the same checker the lint command and publishing use)
    from compliance.text_rules import lint_text

    template = LIBRARY[code]
    filled = fill(template, {name: "홍길동" for name in template.variables}).text
    # Then neither the template nor a filled message has any finding as an informational AlimTalk
    for text in (template.text, filled):
        findings = lint_text(text, "alimtalk", "informational")
        assert [(f.rule, text[f.start : f.end]) for f in findings] == [], code
