"""Metamorphic rewrites (compliance/metamorphic.py): each changes one surface of a message and nothing a rule is
about, and the measure counts what the checker keeps on them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import metamorphic as meta
from tests.support.compliance import rule_ids

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
        (meta.formal_to_polite, "습니다. 감사합니다", "습니다. 감사해요"),  # no stem before 습니다: left as written
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


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # speech level: the 해요체 of claims older frames knew in 합니다체 (and back)
        ("(광고) 다온피부과 지긋지긋한 기미, 이번 겨울에 끝내요. ※부작용·개인차가 있을 수 있어요. 무료수신거부 080-432-1140", "MSA-GUARANTEE"),
        ("(광고) 바른척추의원 디스크, 수술 없이 나아요. ※부작용·개인차가 있을 수 있어요. 무료거부 080-432-1141", "MSA-GUARANTEE"),
        ("(광고) 새결피부과\n첫 회는 저희가 쏴요.\n※ 효과는 개인마다 다를 수 있어요.\n무료수신거부 080-906-3000", "MSA-INDUCEMENT"),
        ("(광고) 새봄안과 가족 모두 검사받으시면 아이 검사비는 저희가 내겠습니다. 무료수신거부 080-800-2000", "MSA-INDUCEMENT"),
        ("(광고) 바른척추의원 다른 통증의학과에서 받던 치료와는 접근부터 달라요. 무료수신거부 0808702231", "MSA-COMPARISON"),
        ("(광고) 한결안과 보건소처럼 형식적인 검진이 아니에요. 정밀하게 봐요. 무료수신거부 080-555-0142", "MSA-DEFAME"),
        ("(광고) 소담치과 사랑니 발치, 전혀 안 아픕니다! ※부작용·개인차가 있을 수 있습니다. 무료수신거부 080-321-7700", "MSA-SAFETY-CLAIM"),
        # 병원 → 클리닉
        ("(광고) 새솔정형외과 가는 클리닉마다 수술부터 하자고 했나요? 비수술 치료로 먼저 시작해 보세요. 무료수신거부 080-600-1414", "MSA-DEFAME"),
        # an unnamed place run down: the disparagement alone (session 25; its training line s15-probe4-round4-08 too)
        ("(광고) 하람치과 경험 없는 클리닉에서 생긴 염증, 저희가 치료합니다. 무료수신거부 080-321-7000", "MSA-DEFAME"),
        # the last claim next to the opt-out footer (sentence order)
        ("(광고) 하람안과 부작용이 있을 수 있습니다. 만족하지 않으시면 100% 환불. 무료수신거부 080-123-4567", "MSA-GUARANTEE"),
        # an English procedure name in a Korean sentence
        ("(광고) 숲속치과\n저가 implant의 함정, 나중에 더 큰 비용이 듭니다.\n*개인에 따라 부작용이 있을 수 있습니다\n무료거부 080-600-5000", "MSA-DEFAME"),
        ("(광고) 하늘숲치과 남들 다 하는 Botox 말고, 제대로 된 관리를 받으세요. 무료수신거부 080-111-2222", "MSA-COMPARISON"),
        # one line per part
        ("(광고) 하늘정원치과\n아이돌 그룹 멤버들이 단체로 교정받는 치과 ※개인차 있음\n무료수신거부 080-200-7711", "MSA-CELEBRITY"),
        ("(광고) 맑음치과\n틀니는 잇몸뼈가 녹아내립니다.\n이제 임플란트로 바꾸세요.\n부작용이 있을 수 있습니다.\n무료수신거부 080-904-3000", "MSA-DEFAME"),
    ],
)  # fmt: skip
def test_rewritten_training_lines_keep_their_finding(text: str, rule: str) -> None:
    assert rule in rule_ids(text)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[이음치과] 주차는 건물 지하에 공짜로 2시간 가능합니다. 접수 시 차량 번호를 알려 주세요.", "alimtalk"),
        ("[밝은빛안과] 진료비 세부내역서와 영수증은 창구에서 비용 없이 재발급해 드립니다.", "sms"),
        ("[도담내과] 공짜 독감 예방접종 대상(65세 이상)이시면 신분증을 지참해 주세요.", "alimtalk"),
        ("[미소담치과] 장치가 떨어지면 버리지 말고 가져와 주세요. 다시 붙이는 비용은 받지 않아요.", "alimtalk"),
    ],
)  # fmt: skip
def test_rewritten_clean_traps_stay_clean(text: str, channel: str) -> None:
    assert not rule_ids(text, channel, "informational")
