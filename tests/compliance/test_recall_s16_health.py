"""Session 16 (hfam): health data, purpose, inducement, testimonial, safety and before/after wording no frame was
written for (rules/frames_s16_health.json), and the informational-context false positives they must leave alone."""

from __future__ import annotations

import re

import pytest

from compliance.corpus_score import CORPUS_DIR, load
from compliance.normalize import normalize
from tests.support.compliance import ad_template, rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "[새솔내과] 혈압약은 아침에 드시고, 혈압이 160/100 이상이면 바로 연락 주세요.",
        "[새솔내과] 집에서 잰 혈당이 300 이상 나오면 바로 내원하세요.",
        "[새솔내과] 공복혈당 70 미만으로 떨어지면 사탕을 드시고 병원에 연락하세요.",
        "[새솔내과] 목표 혈압은 130/80 미만입니다. 매일 아침 재서 적어 오세요.",
        "[바른눈안과] 안압이 30 이상 오르면 두통과 구역질이 생길 수 있으니 바로 오세요.",
        "[새솔내과] 혈압이 180/110 넘게 나오거나 가슴이 답답하면 응급실로 가세요.",
        "[새솔내과] 혈압은 120/80 정도가 정상이니 드시는 약을 꾸준히 챙기세요.",
    ],
)
def test_a_threshold_in_advice_is_not_a_patients_result(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[새솔내과] 김민지님 오늘 혈압이 162/98로 높게 나왔습니다. 약 용량을 조절하겠습니다.",
        "[새솔내과] 혈당이 280으로 측정되어 내일 재검이 필요합니다.",
        "[새솔내과] 지난번 검사에서 LDL 콜레스테롤이 190으로 높아 약을 시작합니다.",
    ],
)
def test_a_measured_value_is_still_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


def test_a_long_match_does_not_begin_on_another_words_last_syllable() -> None:
    norm = normalize("약을 드시고 혈압을 재세요")
    start = norm.text.index("고혈압")
    assert not norm.crosses_words_cleanly(start, start + 3)  # 드시고 + 혈압 is not 고혈압
    norm = normalize("날짜만 잡고 오셨나요")
    start = norm.text.index("만잡고")
    assert norm.crosses_words_cleanly(start, start + 3)  # a pattern may begin on a particle (만)
    norm = normalize("고 혈 압 약 처방")
    assert norm.crosses_words_cleanly(0, 3)  # a word split apart letter by letter is still that word


def test_probe_lines_are_cited_and_labelled() -> None:
    rows = load("probes_s16_health")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["source"].startswith("s16h-") for row in rows)
    table = (CORPUS_DIR / "SOURCES.md").read_text("utf-8")
    assert {row["source"] for row in rows} <= set(re.findall(r"^\| ([a-z0-9-]+) \| http", table, re.M))
    assert sum(not row["expected"] for row in rows) >= len(rows) // 4  # clean traps in the same vocabulary


AD = ad_template("다온클리닉")


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("슈링크 결제하시면 윤곽주사는 서비스!", "MSA-INDUCEMENT"),
        ("도수치료 5회 결제 시 체외충격파 1회가 따라갑니다.", "MSA-INDUCEMENT"),
        ("방문하시면 웰컴 드링크를 드립니다.", "MSA-INDUCEMENT"),
        ("처음 오시는 분은 검안료가 없습니다.", "MSA-INDUCEMENT"),
        ("치료 과정을 블로그에 올려 주실 분께 치료비 일부를 지원합니다.", "MSA-REVIEW-INCENTIVE"),
        ("고객님들의 만족 스토리는 채널 게시판에서 보실 수 있어요.", "MSA-TESTIMONIAL"),
        ("기미 때문에 화장이 두꺼웠던 제가 이제 맨얼굴로 출근해요.", "MSA-TESTIMONIAL"),
        ("유명 유튜버가 치아 치료를 받고 영상으로 남겼어요.", "MSA-TESTIMONIAL"),
        ("수술 다음 날부터 일상생활 그대로, 회복 걱정 없는 수술.", "MSA-SAFETY-CLAIM"),
        ("수술 3개월 뒤 달라진 옆라인, 나란히 놓고 비교해 보세요.", "MSA-BEFORE-AFTER"),
    ],
)
def test_new_wording_in_advertising_content_is_found(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    ("text", "channel", "rule"),
    [
        (
            "[다온치과] 정기검진 시기입니다. 이번 달에 검진 오시면 불소도포도 함께 해드려요.",
            "sms",
            "ADV-PURPOSE-MISMATCH",
        ),
        ("[다온피부과] 가정의 달 맞이 부모님 안티에이징 상담 주간을 운영합니다!", "alimtalk", "KAKAO-ALIMTALK-PROMO"),
        (
            "[다온피부과] 실밥 제거는 5일 뒤입니다. 요즘 많이 받는 인모드 리프팅도 상담 가능해요.",
            "sms",
            "ADV-PURPOSE-MISMATCH",
        ),
        (
            "[다온치과] 치료는 잘 마무리되셨나요? 씹으실 때 불편하신 점은 없는지 궁금합니다.",
            "alimtalk",
            "KAKAO-ALIMTALK-BLACKLIST",
        ),
        ("[다온안과] 무더운 여름, 건강 잘 챙기시고 시원한 하루 보내세요.", "alimtalk", "KAKAO-ALIMTALK-BLACKLIST"),
        ("[다온치과] 파노라마 촬영 결과 매복 사랑니와 앞니 뿌리 흡수가 확인되었습니다.", "sms", "PII-HEALTH-IN-SMS"),
    ],
)
def test_new_wording_in_informational_messages_is_found(text: str, channel: str, rule: str) -> None:
    assert rule in rule_ids(text, channel, "informational")


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[다온치과] 국가검진 대상자는 검진비를 공단에서 전액 지원합니다.", "sms"),
        ("[다온치과] 만 65세 이상은 틀니 비용의 일부를 건강보험에서 지원합니다.", "sms"),
        ("[다온치과] 처음 오시는 분은 신분증을 꼭 지참해 주세요.", "sms"),
        ("[다온치과] 카드로 결제하시면 영수증은 문자 서비스로 보내 드립니다.", "sms"),
        ("[다온내과] 검사 결과가 확인되었습니다. 내원하셔서 설명 들으세요.", "sms"),
        ("[다온내과] 위내시경 결과 특별한 이상 소견이 발견되지 않았습니다.", "sms"),
        ("[다온치과] 촬영 결과상 충치가 보이면 바로 치료 일정을 잡아 드릴게요.", "sms"),
        ("[다온안과] 환절기 감기 조심하세요. 내일 오전 10시 예약 잊지 마세요.", "alimtalk"),
        ("[다온치과] 발치는 잘 받으셨나요? 오늘은 거즈를 1시간 물고 뜨거운 음식은 피해 주세요.", "alimtalk"),
        ("[다온안과] 추석 연휴 휴진 안내: 16일~18일 휴진합니다. 즐거운 명절 보내세요.", "alimtalk"),
    ],
)
def test_care_messages_with_the_same_words_stay_clean(text: str, channel: str) -> None:
    assert not rule_ids(text, channel, "informational")


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("천연 성분이라 몸에 전혀 해가 없는 주사입니다.", "MSA-SAFETY-CLAIM"),
        ("흉터 하나 남기지 않는 점 제거.", "MSA-SAFETY-CLAIM"),
        ("하나도 안 아픈 교정 치료.", "MSA-SAFETY-CLAIM"),
        ("지역에서 이 장비를 갖춘 병원은 저희뿐입니다.", "MSA-SUPERLATIVE"),
        ("현존하는 가장 강력한 리프팅 장비.", "MSA-SUPERLATIVE"),
        ("Daegu's #1 implant dentist.", "MSA-SUPERLATIVE"),
        ("The only clinic in Busan offering 3D-guided surgery.", "MSA-SUPERLATIVE"),
        ("원장이 직접 개발한 특허 시술법.", "MSA-UNVERIFIED"),
        ("Our patented hair transplant method.", "MSA-UNVERIFIED"),
        ("피곤해 보인다는 말, 이제 그만 들으세요.", "MSA-APPEARANCE"),
        ("시작할 때와 3개월 후 체형 사진 공개.", "MSA-BEFORE-AFTER"),
        ("20대 직장인이 다시 운동을 시작하기까지, 그 과정을 영상으로 담았습니다.", "MSA-TESTIMONIAL"),
        ('배우 ○○ 씨가 "피부가 숨 쉬는 느낌"이라고 했던 그 관리.', "MSA-TESTIMONIAL"),
        ("Watch YouTuber Minji's full rhinoplasty journey on our channel.", "MSA-TESTIMONIAL"),
    ],
)
def test_writer_round_wording_is_found(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "시술 부위에 흉터가 남지 않도록 재생 크림을 안내해 드립니다.",
        "상담 시 눈에 무리가 없는지 정밀 검사로 먼저 확인합니다.",
        "가장 가까운 지하철역은 시청역입니다.",
        "흔히 '노안'이라고 하는 증상은 40대 이후 나타납니다.",
        "30대 직장인에게 맞춘 거북목 운동 과정을 소개합니다.",
        "유튜브 채널에 올린 자외선 차단제 바르는 법 영상도 참고하세요.",
        "원장님이 직접 시술하는 모습을 보여 드립니다.",
        "무료 건강강좌 '겨울철 혈압 관리', 1월 9일 오후 2시.",
        "만 12세 이하 독감 무료 접종(국가 지원) 안내.",
        "5–10 sessions are usually needed. ₩60,000 per session.",
    ],
)
def test_writer_round_frames_leave_plain_ad_sentences_alone(body: str) -> None:
    found = rule_ids(AD.format(body), "friendtalk") - {"MSA-OMIT-RISK", "MSA-SURGERY-SCENE"}
    assert not found & {"MSA-SAFETY-CLAIM", "MSA-SUPERLATIVE", "MSA-TESTIMONIAL", "MSA-INDUCEMENT", "MSA-APPEARANCE"}


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("[다온치과] 치료 중 임시치아가 빠지면 다시 붙이는 비용은 받지 않습니다. 가져와 주세요.", set()),
    ],
)
def test_a_notice_with_a_benefit_word_is_not_a_promotion(text: str, rules: set[str]) -> None:
    assert rule_ids(text, "alimtalk", "informational") == rules


@pytest.mark.parametrize(
    "text",
    [
        "Daon Spine: MRI result — L4-5 disc herniation with nerve compression. Dr. Lee will call you.",
        "[다온내과] 우울 척도 검사 점수가 중등도 범위였습니다. 다음 상담 때 이야기해요.",
        "[다온치과] 파노라마 촬영 결과 #36 치아에 치근단 병소가 있어 신경치료가 필요합니다.",
        "[다온내과] 소변검사에서 단백뇨(2+)가 나와 정밀검사를 권해 드립니다.",
        "[다온이비인후과] 청력검사 결과 오른쪽 귀 45dB 감각신경성 난청입니다.",
    ],
)
def test_writer_round_health_data_is_found(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")
