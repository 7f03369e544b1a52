"""Testimonials as other people write them, without 후기 (compliance/compose_frames_s16_testimonial.py →
rules/frames_s16_testimonial.json), before/after photos as MSA-BEFORE-AFTER only, and the clean sentences
next to them: a clinic's own explanation, survey and rating requests, grade notices, care instructions."""

from __future__ import annotations

import json

import pytest

from compliance import compose_frames_s16_testimonial
from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("소담피부과", "080-555-0199")
T, BA = "MSA-TESTIMONIAL", "MSA-BEFORE-AFTER"


@pytest.mark.parametrize(
    "body",
    [
        # a quoted sentence relayed with a verb of saying, recommending or writing
        "회원님 한 분이 '주름이 펴지니 인상이 밝아졌다'고 하셨던 그 관리입니다.",
        "'이 가격에 이 정도면 대만족'이라며 친구가 추천해 준 곳이 바로 여기예요.",
        '"매일 아침 화장이 잘 먹어요"라는 댓글이 계속 달리고 있어요.',
        '"흉터가 거의 안 보여요" — 20대 대학생 이○○ 님',
        # influencers' own posts, videos, streams of the treatment
        "구독자 30만 유튜버가 리프팅 받고 솔직한 후기 영상을 남겼어요.",
        "인스타그래머 ○○님의 토닝 시술 과정을 라이브로 함께 보세요.",
        "Watch YouTuber Hana's laser journey on our channel.",
        # a patient's course recorded
        "무릎 통증으로 계단을 못 오르던 60대 어르신의 재활 일기를 연재합니다.",
        "여드름으로 고민하던 고등학생 환자의 치료 과정을 영상으로 담았습니다.",
        "다이어트 한약 드신 30대 직장인 고객님이 직접 쓰신 식단 기록장을 공개해요.",
        # relayed posts, ratings, staff and family
        "'광고 아니고 내돈내산'이라는 블로그 글을 모아 봤어요.",
        "동네 맘카페에 저희 이야기가 담긴 글이 또 올라왔어요.",
        "지도 앱 평점 4.8, 리뷰 2,300건이 말해 줍니다.",
        "Rated 4.9 stars by 1,200 patients.",
        "저희 실장님도 여기서 기미 토닝 받고 얼굴이 달라졌어요.",
        "원장님 어머님도 이곳에서 임플란트 치료를 받으셨습니다.",
        "Even our own receptionists get their peels here.",
    ],
)
def test_testimonials_without_the_word_review_are_found(body: str) -> None:
    assert T in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "코 수술 고객님들의 수술 전·후 모습을 갤러리에 새로 올렸어요.",
        "시작할 때와 두 달 후 체형 사진을 공개합니다.",
        "교정 전 사진과 1년 뒤 사진을 한 장에 나란히 올렸어요.",
        "시술 6주 뒤 달라진 턱선, 나란히 놓고 비교해 보세요.",
    ],
)
def test_before_after_photos_are_before_after_not_testimonial(body: str) -> None:
    found = rule_ids(AD.format(body), "friendtalk")
    assert BA in found
    assert T not in found


@pytest.mark.parametrize(
    "body",
    [
        "원장이 직접 쓴 '자외선 차단제 고르는 법' 글을 블로그에 올렸습니다.",
        '"천천히, 꼼꼼하게"라는 진료 원칙을 지키겠습니다.',
        "다른 병원에서 '나이 들면 다 그래요' 한마디 듣고 오셨나요? 원인부터 찾겠습니다.",
        "저희 간호사들이 감염관리 교육을 받았습니다.",
        "시술 전후 주의사항을 홈페이지에 정리했습니다.",
        "배우 ○○ 씨가 SNS에 올린 그 피부과입니다.",
        "VIP 라운지 운영 시간이 저녁 8시까지로 바뀌었습니다.",
        "시술 후 고객님의 피부 상태를 매번 기록해 드립니다.",
        "이벤트 — 회원 가입 고객님께 보습 샘플을 드려요.",
        "저는 요즘 환자분들께 보습부터 권해 드려요.",
        "가수 ○○ 씨가 출연한 생방송에서 소개된 관리법을 안내합니다.",
        # quoted words that nobody says: a label on a document, a button, a noun ending in 요 (필요, 중요)
        "처방전에 '안약 점안 필요'라고 쓰여 있으면 꼭 지켜 주세요.",
        "앱에서 '예약하기' 버튼을 눌러 주세요.",
        "게시물에 '좋아요'를 누르신 분께 보습 샘플 안내를 보내 드려요.",
        "'자외선 차단이 가장 중요' — 여름철 관리 수칙을 정리했습니다.",
    ],
)
def test_a_clinics_own_voice_and_requests_are_no_testimonial(body: str) -> None:
    assert T not in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[소담피부과] 진료 만족도 설문 링크를 보내 드립니다. 응답은 익명으로 처리됩니다.", "sms"),
        ("[소담피부과] 고객님의 회원 등급이 골드로 변경되었습니다. 문의는 02-555-0101로 주세요.", "sms"),
        ('[소담피부과] 레이저 후 환자분들이 흔히 "화끈거린다"고 하십니다. 냉찜질을 해 주세요.', "alimtalk"),
        ("[소담피부과] 경과 확인을 위해 시술 전후 사진을 촬영하며 진료기록으로만 보관합니다.", "sms"),
        ("[소담피부과] 관리 일기에 매일 가려움 정도를 적어 다음 진료 때 가져오세요.", "alimtalk"),
    ],
)
def test_care_and_notice_messages_stay_free_of_testimonial(text: str, channel: str) -> None:
    assert not rule_ids(text, channel, "informational") & {T, BA}


def test_probe_file_testimonial_and_before_after_lines() -> None:
    """Every line of probes_s16_testimonial: the two rules exactly as labelled."""
    for row in load("probes_s16_testimonial"):
        found = rule_ids(row["text"], row["channel"], row["purpose"]) & {T, BA}
        assert found == set(row["expected"]) & {T, BA}, row["id"]


def test_frames_file_is_what_the_composer_writes() -> None:
    written = json.loads((RULES_DIR / "frames_s16_testimonial.json").read_text("utf-8"))
    expected = {"about": compose_frames_s16_testimonial.ABOUT, "frames": compose_frames_s16_testimonial.frames()}
    assert written == json.loads(json.dumps(expected))


def test_every_frame_is_model_free_for_advertising_content() -> None:
    for frame in compose_frames_s16_testimonial.frames():
        assert frame.get("kind", "window") in ("window", "original")
        assert frame["scope"] == "ad"
        if frame.get("kind", "window") == "window":
            alternations = ["|".join(f"(?:{p})" for p in role) for role in frame["roles"]]
            assert any(required_grams(a) for a in alternations), frame["roles"][0][:2]


def test_the_senders_own_name_is_no_other_provider() -> None:
    """한방병원 in "참좋은한방병원" is the sender, not a rival: a patient's story there is no comparison, while a
    rival named in the sentence still is one."""
    own = (
        "(광고) 바른숲한방병원 어깨가 굳어 잠 못 들던 환자분의 회복 수기가 채널에 올라왔어요. 무료수신거부 080-454-7878"
    )
    assert rule_ids(own, "friendtalk") & {"MSA-COMPARISON", "MSA-DEFAME", T} == {T}
    rival = "(광고) 바른숲한방병원 양방병원에서 못 고친 어깨 통증, 상담해 보세요. 무료수신거부 080-454-7878"
    assert "MSA-COMPARISON" in rule_ids(rival, "friendtalk")
