"""Metamorphic rewrites (compliance/metamorphic.py): each changes one surface of a message and nothing a rule is
about, and the measure counts what the checker keeps on them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import metamorphic as meta

AD = "(광고) 모아모발의원 한 번 이식한 모발은 평생 빠지지 않습니다. 상담 02-566-2020 무료수신거부 080-566-2021"


@pytest.mark.parametrize(
    ("rewrite", "before", "after"),
    [
        (
            meta.formal_to_polite,
            "할인합니다. 부작용이 없습니다! 저희 치과입니다.",
            "할인해요. 부작용이 없어요! 저희 치과예요.",
        ),
        (
            meta.formal_to_polite,
            "드립니다 좋아집니다 아닙니다 아픕니다 다릅니다",
            "드려요 좋아져요 아니에요 아파요 달라요",
        ),
        (meta.formal_to_polite, "웃었답니다 오십니다 쏩니다", "웃었대요 오세요 쏴요"),
        (
            meta.polite_to_formal,
            "돌려드려요 있어요 알아요 아실 거예요 드릴게요",
            "돌려드립니다 있습니다 압니다 아실 것입니다 드리겠습니다",
        ),
        (meta.polite_to_formal, "불편한 데 없으신가요? 예약하세요", "불편한 데 없으신가요? 예약하세요"),
        (meta.benefactive, "비용을 환불합니다.", "비용을 환불해 드립니다."),
        (meta.benefactive, "비용을 환불해 드립니다.", "비용을 환불합니다."),
        (meta.free_gongjja, "무료 상담", "공짜 상담"),
        (meta.free_cost, "무료로 해 드립니다", "비용 없이 해 드립니다"),
        (meta.free_cost, "공짜 상담", "무료 상담"),
        (meta.clinic_word, "다른 병원과 달리 대학병원 수준", "다른 곳과 달리 대학병원 수준"),
        (meta.clinic_word, "타 병원 재수술", "타 클리닉 재수술"),
        (meta.spacing_tight, "해 드립니다. 할 수 있어요. 무료 상담", "해드립니다. 할수있어요. 무료상담"),
        (meta.spacing_loose, "해드립니다. 무료상담", "해 드립니다. 무료 상담"),
        (meta.numbers, "30% 할인, 50만 원, 1+1, 100%, 99%, 12월 5일", "40% 할인, 60만 원, 1+1, 100%, 99%, 12월 5일"),
        (meta.procedure_english, "보톡스와 필러 상담", "Botox와 filler 상담"),
        (meta.procedure_korean, "LASIK 수술 후, a LASIK patient", "라식 수술 후, a LASIK patient"),
    ],
)
def test_rewrite_examples(rewrite: Callable[[str], str], before: str, after: str) -> None:
    assert rewrite(before) == after


def test_sentence_order_keeps_a_question_with_its_answer() -> None:
    body = " 치과 가기 무서우셨죠? 저희는 달라요. 토요일에도 진료합니다 "
    assert meta.sentence_order(body) == " 토요일에도 진료합니다. 치과 가기 무서우셨죠? 저희는 달라요. "
    assert meta.sentence_order(" No. 1 클리닉 ") == " No. 1 클리닉 "  # an abbreviation's stop ends nothing


def test_envelope_rewrites() -> None:
    assert meta.envelope_off(AD) == "모아모발의원 한 번 이식한 모발은 평생 빠지지 않습니다. 상담 02-566-2020"
    assert (
        meta.envelope_on("새솔치과 토요일 진료", "advertising")
        == "(광고) 새솔치과 토요일 진료 무료수신거부 080-500-1234"
    )
    assert meta.envelope_on("예약이 확정되었습니다.", "informational") == "[새솔의원] 예약이 확정되었습니다."
    assert meta.line_breaks(AD).splitlines()[0] == "(광고) 모아모발의원"
    assert meta.line_breaks(meta.line_breaks(AD)) == AD.replace("  ", " ")
    assert meta.clinic_name(AD).startswith("(광고) 새솔의원 ")
    assert meta.clinic_name_english(AD).startswith("(광고) Saesol Clinic ")


_BODY = st.text(alphabet="가나다라마바사아자차카타파하입니다습요해드려 .!?0123456789%\n", max_size=60)


@settings(max_examples=150, deadline=None)
@given(_BODY)
def test_body_rewrites_leave_the_envelope_as_written(body: str) -> None:
    text = f"(광고) 새솔의원 {body} 무료수신거부 080-500-1234"
    for rewrite in meta.REWRITES:
        if rewrite.name.startswith(("envelope", "clinic_name", "line_breaks")):
            continue
        out = rewrite.apply(text, "advertising")
        assert out.startswith("(광고) 새솔의원 "), rewrite.name
        assert out.endswith("무료수신거부 080-500-1234"), rewrite.name


def test_measure_counts_kept_findings_and_clean_traps() -> None:
    rows = [
        ("t", {"id": "v", "channel": "sms", "purpose": "advertising", "expected": ["MSA-GUARANTEE"],
               "text": "(광고) 새솔치과 임플란트 결과 불만족 시 100% 환불해 드립니다. 부작용·개인차가 있을 수 있습니다. "
               "무료수신거부 080-500-1234"}),
        ("t", {"id": "c", "channel": "sms", "purpose": "informational", "expected": [],
               "text": "[새솔치과] 내일 오전 10시 예약입니다. 변경은 02-123-4567로 연락 주세요."}),
    ]  # fmt: skip
    result = meta.measure(rows=rows)
    assert result.count() > 0 and result.ratio() == 1.0
    assert sum(result.clean_total.values()) > 0 and result.clean_ratio() == 1.0
