"""Clean traps in the product's own message forms (session 19, prec5): the context checks of
``rules/context_checks_s19.json`` and the frames of ``rules/frames_s19_prec.json``, each class on new sentences
(neither in the probe file nor in any corpus file) with its violating twin, and the probe file
``corpus/probes_s19_clean.jsonl`` (reminders, care, recalls, result-ready, closure, legal, fee, consent and
English care messages, with violations hidden in the same forms)."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR, rule_catalogue
from tests.compliance.probe_files import assert_no_false_finding
from tests.support.compliance import rule_ids


def test_every_session_19_check_and_frame_names_known_rules() -> None:
    known = set(rule_catalogue()) | {"PROMO"}
    checks = json.loads((RULES_DIR / "context_checks_s19.json").read_text("utf-8"))["checks"]
    assert checks and all(set(c["rules"]) <= known and c["class"] for c in checks)
    frames = json.loads((RULES_DIR / "frames_s19_prec.json").read_text("utf-8"))["frames"]
    assert frames and all(f["rule"] in known and f["comment"] for f in frames)


def test_the_clean_probe_file_raises_no_false_finding() -> None:
    """No clean line of probes_s19_clean.jsonl raises anything, and no violating line gets a rule its label does
    not give; recall stays at its measured level."""
    rows = assert_no_false_finding("probes_s19_clean", "p19c-", 0.98)
    assert sum(not row["expected"] for row in rows) >= 240


@pytest.mark.parametrize(
    ("text", "channel", "purpose", "rule", "present"),
    [
        (
            "[한울검진센터] 지난 검진에서 추적검사를 권해 드린 부분이 있어 안내드립니다. 자세한 내용은 내원하시면 설명드립니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[한울검진센터] 지난 검진에서 갑상선 결절 소견으로 추적검사를 권해 드린 부분이 있어 안내드립니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[가람정형외과] 산재 승인 후에는 근로복지공단 부담이라 본인 부담 없이 치료가 이어집니다. 승인 서류를 챙겨 주세요.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "(광고) 가람정형외과 교통사고 환자분, 자동차보험으로 본인 부담 없이 치료받으세요. 개인차가 있습니다. 무료수신거부 080-700-1234",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            "[예담치과] 교정비 무이자 할부 개월 수는 카드사 정책에 따라 다릅니다. 결제 전에 카드사에 확인해 주세요.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "[예담치과] 이번 달 교정 시작하시면 무이자 할부에 10% 할인까지! 카드사 정책과 무관하게 저희가 부담합니다.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            "[예담치과] 수신거부가 처리되어 앞으로 할인·이벤트 문자는 발송되지 않습니다. 진료 예약 알림은 그대로 갑니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[Yedam Dental] As requested, you will not receive promotional texts from us any more. Appointment reminders continue.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[예담치과] 이번 달 이벤트 안내 문자를 보내 드립니다. 스케일링 고객께 미백 20% 할인!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[한울검진센터] 건강소식 수신 동의는 선택 사항이며 동의하지 않으셔도 결과 안내는 받으실 수 있습니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-BLACKLIST",
            False,
        ),
        (
            "[한울검진센터] 12월 건강소식지를 보내 드립니다. 겨울철 혈압 관리 요령을 담았어요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-BLACKLIST",
            True,
        ),
        (
            "[가람정형외과] 진료 만족도 설문을 부탁드립니다. 참여해 주신 분 가운데 추첨으로 모바일 상품권을 보내 드립니다.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "[가람정형외과] 진료 만족도 설문을 부탁드립니다. 참여해 주신 분 가운데 추첨으로 모바일 상품권을 보내 드립니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-BLACKLIST",
            True,
        ),
        (
            "(광고) 한결내과 만 65세 이상 폐렴구균 무료 예방접종을 받으실 수 있습니다. 신분증 지참. 무료수신거부 080-555-0101",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "(광고) 한결내과 만 65세 이상 독감 접종 오시면 대상포진 접종 20% 할인! 무료수신거부 080-555-0101",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            "[새눈안과] 렌즈삽입술 후 시력은 눈 상태에 따라 달라 결과를 보장할 수 없습니다. 정기검진을 꼭 받아 주세요.",
            "alimtalk",
            "informational",
            "MSA-GUARANTEE",
            False,
        ),
        (
            "(광고) 새눈안과 렌즈삽입술, 시력 1.0 이상을 평생 보장합니다. 부작용·개인차 有 무료수신거부 080-321-0000",
            "friendtalk",
            "advertising",
            "MSA-GUARANTEE",
            True,
        ),
        (
            "[한결내과] 대상포진 백신 물량이 한정되어 이번 주는 선착순 접수입니다. 접종 전 진료가 필요합니다.",
            "alimtalk",
            "informational",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "(광고) 한결내과 선착순 50명 대상포진 백신 30% 할인! 백신 물량이 한정되어 있습니다. 무료수신거부 080-555-0101",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            "[새눈안과] 시력검사 결과지는 무료로 출력해 드립니다. 운전면허 갱신에 쓰세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[Saenun Eye Clinic] Copies of your test report are provided free of charge; ask at reception.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[새눈안과] 진료 예약 확인. 이번 달 오시는 분은 시력검사를 무료로 해 드려요!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[Lumen Skin] We never share your before-and-after photos; they stay in your medical record.",
            "alimtalk",
            "informational",
            "MSA-BEFORE-AFTER",
            False,
        ),
        (
            "(AD) Lumen Skin: see our before-and-after photos from real patients! Results vary. Free opt-out 080-111-2222",
            "friendtalk",
            "advertising",
            "MSA-BEFORE-AFTER",
            True,
        ),
        (
            "[한울검진센터] 검사 결과 상담 예약이 확정되었습니다. 저희 센터는 지역 1위 검진 실적을 자랑합니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[한울검진센터] 오늘 최고 기온이 영하 5도입니다. 검진 오실 때 따뜻하게 입고 오세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[한울검진센터] 약은 최대 3일분까지 처방됩니다. 최고 혈압이 180을 넘으면 바로 연락 주세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[Saenun Eye Clinic] Your check-up is on Jan 4. We are the leading LASIK team in Seoul.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            True,
        ),
        (
            "[Saenun Eye Clinic] The best time to put in your drops is right after waking up.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            False,
        ),
        (
            "[가람정형외과] 내일 주사 치료 예약입니다. 저희 주사는 통증이 전혀 없으니 걱정 마세요.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            True,
        ),
        (
            "[가람정형외과] 주사 후 통증이 전혀 없으면 평소처럼 지내셔도 됩니다. 붓고 열이 나면 연락 주세요.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            False,
        ),
        (
            "[가람정형외과] 저희가 드리는 약도 부작용이 전혀 없는 것은 아니니 속쓰림이 있으면 알려 주세요.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            False,
        ),
        (
            "[새눈안과] 수술 1주일 경과 안내. 저희 렌즈삽입술은 평생 효과를 보장해 드립니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[새눈안과] 수술 후 시력은 개인마다 다르며, 건강보험이 보장하는 항목은 영수증에 표시됩니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[Lumen Skin] Day 3 check: how is the redness? We attached before and after photos of other patients so you can see what to expect.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[루멘피부과] 시술 전후 사진은 진료기록용으로 촬영하며 공유하지 않습니다. 세안은 내일부터 가능합니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[한결내과] 오늘 위내시경에서 용종 3개를 제거했습니다. 조직 결과는 1주 뒤 외래에서 설명드립니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[한결내과] 대장내시경 중 용종을 떼어 낸 분은 2주간 음주를 피하세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[Yedam Dental] Thanks for visiting! Leave a review on Google and get 10% off your next whitening.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            True,
        ),
        (
            "[Yedam Dental] We would love your feedback. Reviews are optional and come with no reward.",
            "sms",
            "informational",
            "ADV-PURPOSE-MISMATCH",
            False,
        ),
        (
            "[하늘치과] 교정 유지장치가 떨어졌나요? 가지고 오세요. 다시 붙이는 진료비는 받지 않습니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[하늘치과] 이번 달 교정 상담 오시면 유지장치 다시 붙이는 비용 없이 미백까지 20% 할인!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[라온피부과] 예약 변경은 이틀 전까지 가능하며 그때 취소하시면 예약금은 전액 환불됩니다. 당일 취소 시 예약금의 30%가 차감됩니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[라온피부과] 이번 주 예약하시면 예약금을 돌려 드리고 첫 시술 30% 할인 혜택도 드려요!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[라온피부과] 이벤트 소식은 마케팅 수신에 동의해 주신 분께만 보내 드립니다. 이 메시지는 진료 예약 안내입니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[하늘치과] 휴진 안내: 1/1 휴진. 새해 첫 주 검진 오시면 구강 스캔 무료!",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[하늘치과] 검진 오시면 주차는 2시간 무료입니다. 차량 번호를 접수처에 알려 주세요.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[하늘치과] 국가 구강검진 대상자는 예약하시면 본인 부담 없이 무료로 받으실 수 있습니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[라온피부과] 진료비 결제 감사합니다. 저희는 서초에서 가장 많은 분들이 선택하는 피부과입니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            True,
        ),
        (
            "[라온피부과] 가장 많은 분들이 궁금해하시는 세안 시기는 시술 다음 날 아침부터입니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "(광고) 다온한의원 겨울철 관절 건강 특강 1/20(화) 오후 2시, 교육실, 참가비 무료입니다. 무료수신거부 080-444-1200",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            False,
        ),
        (
            "(광고) 다온한의원 관절 특강 참가비 무료, 특강 오신 분께 약침 1회 무료! 무료수신거부 080-444-1200",
            "friendtalk",
            "advertising",
            "MSA-INDUCEMENT",
            True,
        ),
        (
            "[다온한의원] 한약과 함께 드시는 아스피린은 출혈 위험이 있어 수술 전에는 꼭 말씀해 주세요.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[다온한의원] 김서진님 간 수치(ALT 88)가 높아 간손상 위험이 있어 한약 복용을 중단합니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[다온한의원] 검진 결과지에 '골밀도 감소'라고 적혀 있으면 진료 때 가져와 주세요.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[다온한의원] 광고 문자를 더 받지 않으시려면 080-444-1200(무료)로 연락 주세요.",
            "alimtalk",
            "informational",
            "MSA-GUARANTEE",
            False,
        ),
        (
            "[한결검진센터] 고혈압약과 갑상선약은 검진 당일 아침에 드시고, 아스피린과 와파린은 미리 상의해 주세요.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[한결검진센터] 박은서님, 당뇨약과 인슐린 용량을 늘려 처방을 바꿨습니다. 다음 주에 혈당을 다시 봅니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[한결검진센터] 조직검사를 받으신 분은 이틀간 술과 아스피린을 피해 주세요.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[한결검진센터] 오늘 대장 용종 2개를 절제했습니다. 조직 결과는 다음 주에 나옵니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[한결검진센터] 국가건강검진에서 2차 확진검사 대상이 되신 분은 본인 부담 없이 검사받으실 수 있습니다.",
            "alimtalk",
            "informational",
            "KAKAO-ALIMTALK-PROMO",
            False,
        ),
        (
            "[한결검진센터] 소변검사 결과 중 다시 확인하셔야 할 부분이 있습니다. 내원하시면 자세히 설명드립니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[한결검진센터] 소변검사 결과 단백뇨 양성으로 다시 확인하셔야 할 부분이 있습니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
        (
            "[예쁜맘산부인과] 임신 20주 정밀 초음파 예약 안내: 1/9(금) 오후 2시. 30분 정도 걸립니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            False,
        ),
        (
            "[예쁜맘산부인과] 임신 20주 초음파에서 태아 신장 확장 소견이 있어 정밀 초음파 예약을 잡았습니다.",
            "sms",
            "informational",
            "PII-HEALTH-IN-SMS",
            True,
        ),
    ],
)
def test_each_class_withdraws_its_reading_and_keeps_its_twin(
    text: str, channel: str, purpose: str, rule: str, present: bool
) -> None:
    """Each class on a new sentence: the clean notice loses the finding, the violating twin keeps it."""
    assert (rule in rule_ids(text, channel, purpose)) is present
