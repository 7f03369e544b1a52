"""Build ``dev.jsonl``: hand-written seed messages (each citing a source key of SOURCES.md), each placed in a
few realistic envelopes (channel, clinic name in Korean or English, greeting). Run from the repository root:
``.venv/bin/python -m compliance.corpus.build_dev``. The held-out split is written separately, by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from compliance.conventions import labels_by_convention

RISK = "부작용이 있을 수 있습니다."
AD_ENVELOPES = (
    ("friendtalk", "advertising", "(광고) 푸른숲안과 {body} {risk} 무료수신거부 080-500-7000"),
    ("sms", "advertising", "(광고) 다온성형외과 {body} {risk} 무료수신거부 080-500-7001"),
    ("friendtalk", "advertising", "(광고) Seoul Clear Eye Clinic {body} {risk} 무료수신거부 080-500-7002"),
    ("sms", "advertising", "(광고)\n미소피부과\n{body}\n{risk}\n무료거부 0805007003"),
)
INFO_ENVELOPES = ("{body}", "{{{{ patient.name }}}}님, {body}", "[푸른숲안과] {body}")

# (body, expected rule ids, source key); "!" prefix on the body: no risk notice is added (omit-risk case)
AD_SEEDS: list[tuple[str, list[str], str]] = [
    ("'수술 끝나고 바로 TV 자막이 읽혔어요' 40대 회사원 이○○님", ["MSA-TESTIMONIAL"], "dent-cases"),
    ("고객님 인터뷰: 울쎄라 받고 얼굴선이 정리됐다는 말을 많이 들었어요.", ["MSA-TESTIMONIAL"], "influencer"),
    ("라섹 받으신 대학생 박○○님의 회복 일기를 블로그에서 읽어보세요.", ["MSA-TESTIMONIAL"], "ftc-fake-reviews"),
    ("먼저 시술받으신 분들의 한마디를 모았습니다.", ["MSA-TESTIMONIAL"], "influencer"),
    ("시술받은 고객님들의 솔직한 사연을 소개합니다.", ["MSA-TESTIMONIAL"], "ftc-fake-reviews"),
    ("직접 받아보니 생각보다 간단했어요 - 필러 고객님", ["MSA-TESTIMONIAL"], "dent-cases"),
    ("Hear from our patients: 'Best decision of my life.'", ["MSA-TESTIMONIAL", "MSA-SUPERLATIVE"], "asa-cosmetic"),
    ("Patient stories from our LASIK clinic.", ["MSA-TESTIMONIAL"], "asa-cosmetic"),
    ("타 의원 대비 절반 가격의 제모.", ["MSA-COMPARISON"], "stibee-law"),
    ("여러 병원 상담 받아보셨나요? 비교해 보시면 다릅니다.", ["MSA-COMPARISON"], "stibee-law"),
    ("다른 곳과는 다른 정밀 검사, 직접 비교해 보세요.", ["MSA-COMPARISON"], "stibee-law"),
    ("일반 피부과와 달리 의사가 직접 시술합니다.", ["MSA-COMPARISON"], "stibee-law"),
    ("다른 병원에서 실패한 눈매교정, 재수술 상담받으세요.", ["MSA-DEFAME"], "dent-cases"),
    ("비전문의에게 받으면 부작용이 생길 수 있는 보톡스, 전문의에게 받으세요.", ["MSA-DEFAME"], "dent-cases"),
    ("Better results than other clinics in Gangnam.", ["MSA-COMPARISON"], "asa-cosmetic"),
    ("안경보다 편한 렌즈삽입술.", ["MSA-COMPARISON"], "dent-cases"),
    ("CT 촬영비 면제! 임플란트 상담 고객 대상.", ["MSA-INDUCEMENT"], "lure-27-3"),
    ("본인부담금 없이 스케일링 받으세요.", ["MSA-INDUCEMENT"], "lure-27-3"),
    ("기미 레이저 10회 80만원 → 49만원.", ["MSA-INDUCEMENT"], "lure-cases"),
    ("정상가 대비 35% 저렴한 리프팅.", ["MSA-INDUCEMENT"], "lure-cases"),
    ("첫 방문 시 적립금 2만 원 지급.", ["MSA-INDUCEMENT"], "sns-points"),
    ("방문하시는 모든 분께 텀블러를 선물로 드립니다.", ["MSA-INDUCEMENT"], "lure-cases"),
    ("가족을 소개해 주시면 관리권 1회를 드려요.", ["MSA-INDUCEMENT"], "referral-voucher"),
    ("시술 후기 공유 시 기프티콘 증정.", ["MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"], "sns-points"),
    ("블로그 리뷰 작성하시면 다음 관리 무료.", ["MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"], "sns-points"),
    ("지방에서 오시는 분 교통비 전액 지원.", ["MSA-INDUCEMENT"], "lure-cases"),
    ("보톡스 1회 추가 제공 (3회 결제 시).", ["MSA-INDUCEMENT"], "lure-cases"),
    ("Get $100 off your first filler session.", ["MSA-INDUCEMENT"], "asa-medical"),
    ("Free consultation and a bonus skin booster this month.", ["MSA-INDUCEMENT"], "asa-medical"),
    ("결제 금액의 5%를 포인트로 적립해 드립니다.", ["MSA-INDUCEMENT"], "sns-points"),
    ("효과가 없으면 시술비를 돌려드립니다.", ["MSA-GUARANTEE"], "stibee-law"),
    ("시력이 안 나오면 무상 재수술해 드립니다.", ["MSA-GUARANTEE"], "stibee-law"),
    ("한 번 받으면 5년 이상 유지되는 실리프팅.", ["MSA-GUARANTEE"], "ftc-2013"),
    ("Results guaranteed, or we treat you again for free.", ["MSA-GUARANTEE"], "asa-guaranteed"),
    ("Permanent results in a single session.", ["MSA-GUARANTEE"], "asa-medical"),
    ("임플란트 평생 책임 관리.", ["MSA-GUARANTEE"], "stibee-law"),
    ("Painless LASIK, back to work tomorrow.", ["MSA-SAFETY-CLAIM"], "asa-weight"),
    ("No side effects, no downtime.", ["MSA-SAFETY-CLAIM"], "asa-weight"),
    ("Scar-free double eyelid surgery.", ["MSA-SAFETY-CLAIM"], "asa-weight"),
    ("멍 걱정 없는 필러, 바로 출근하세요.", ["MSA-SAFETY-CLAIM"], "dent-cases"),
    ("하나도 안 아픈 레이저 제모.", ["MSA-SAFETY-CLAIM"], "dent-cases"),
    ("배우 ○○○씨가 다녀간 피부과.", ["MSA-CELEBRITY"], "dent-cases"),
    ("인기 아이돌이 관리받는 바로 그곳.", ["MSA-CELEBRITY"], "celebrity-video"),
    ("뷰티 유튜버들이 찾는 리프팅.", ["MSA-CELEBRITY"], "youtube-surgery"),
    ("The clinic K-pop stars choose.", ["MSA-CELEBRITY"], "asa-cosmetic"),
    ("SBS 건강 프로그램에 출연한 원장 직접 진료.", ["MSA-ARTICLE-FORM", "MSA-CELEBRITY"], "mohw-checklist"),
    ("As seen on TV: our lifting program.", ["MSA-ARTICLE-FORM"], "asa-cosmetic"),
    ("쌍꺼풀 수술 과정 영상을 유튜브 채널에 올렸습니다.", ["MSA-SURGERY-SCENE"], "youtube-surgery"),
    ("필러 시술 과정을 틱톡에서 그대로 보여드립니다.", ["MSA-SURGERY-SCENE"], "celebrity-video"),
    ("Watch the full procedure video on Instagram.", ["MSA-SURGERY-SCENE"], "youtube-surgery"),
    ("2만 건 이상 시술 경험의 의료진.", ["MSA-SUPERLATIVE"], "ftc-experience"),
    ("Seoul's best eye clinic.", ["MSA-SUPERLATIVE"], "stibee-law"),
    ("The No.1 lifting clinic in Gangnam.", ["MSA-SUPERLATIVE"], "stibee-law"),
    ("코 재수술 전문.", ["MSA-FAKE-TITLE"], "ftc-2013"),
    ("흉터 전문 클리닉.", ["MSA-FAKE-TITLE"], "ftc-2013"),
    ("시술 전과 후 달라진 턱선을 확인하세요.", ["MSA-BEFORE-AFTER"], "ftc-fake-reviews"),
    ("Before & after photos on our website.", ["MSA-BEFORE-AFTER"], "asa-weight"),
    ("처진 눈 때문에 늘 피곤해 보인다는 말, 이제 그만.", ["MSA-APPEARANCE"], "asa-cosmetic"),
    ("!스마일라식 토요일 상담 가능.", ["MSA-OMIT-RISK"], "mohw-checklist"),
    ("!Botox appointments this Saturday.", ["MSA-OMIT-RISK"], "mohw-checklist"),
    ("!LASEK and ICL consultations available.", ["MSA-OMIT-RISK"], "mohw-checklist"),
    ("!Liposuction consultations with our surgeons.", ["MSA-OMIT-RISK"], "asa-weight"),
    ("!필러·보톡스 예약 받습니다.", ["MSA-OMIT-RISK"], "mohw-checklist"),
    ("정기 검진 안내: 평일 오전 9시~오후 6시.", [], "sms-ad-rules"),
    ("토요일 진료 시간이 변경되었습니다.", [], "sms-ad-rules"),
    ("Our clinic hours are 9 AM to 6 PM on weekdays.", [], "sms-ad-rules"),
    ("시력교정 상담 예약 안내. 자세한 사항은 02-700-1000.", [], "mohw-checklist"),
    ("리프팅 시술 상담 안내. *시술 후 부기, 멍이 생길 수 있음", [], "mohw-checklist"),
    ("LASIK consultation hours. Risks vary by person.", [], "asa-cosmetic"),
    ("!쌍꺼풀 상담 안내. ※부작용 有", [], "mohw-checklist"),
    ("!백내장 수술 상담. 개인에 따라 결과가 다를 수 있습니다.", [], "mohw-checklist"),
]

INFO_SEEDS: list[tuple[str, str, list[str], str]] = [
    ("sms", "이번 검사에서 녹내장 초기 소견이 있습니다. 재검 바랍니다.", ["PII-HEALTH-IN-SMS"], "glaucoma-codes"),
    ("sms", "황반변성이 의심되어 정밀 검사가 필요합니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "혈압 158/96으로 측정되어 내과 진료를 권합니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "LDL 콜레스테롤 190 mg/dL입니다. 상담 예약 바랍니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "진단서 상병코드 H25.1 노년백내장이 기재되었습니다.", ["PII-HEALTH-IN-SMS"], "kcd"),
    ("sms", "진료확인서(상병 K21 위식도역류) 발급 완료.", ["PII-HEALTH-IN-SMS"], "kcd"),
    ("sms", "초음파 결과 간에 낭종이 보여 추가 검사가 필요합니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "내시경에서 용종이 발견되어 제거했습니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "Your eye pressure was 30 mmHg in the right eye.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "검진 결과 이상 소견이 있어 내원이 필요합니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "새로 도입한 레이저 장비로 잡티를 관리해 보세요.", ["ADV-PURPOSE-MISMATCH"], "sms-promo"),
    ("sms", "신규 지점 오픈! 가까운 곳에서 만나요.", ["ADV-PURPOSE-MISMATCH"], "kakao-ad-criteria"),
    ("sms", "방문 고객께 핸드크림을 선물로 드립니다.", ["ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"], "sms-promo"),
    ("sms", "재진 시 진료비 면제해 드립니다.", ["ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"], "lure-27-3"),
    (
        "alimtalk",
        "새로운 피부 관리 프로그램이 출시되었습니다. 지금 확인하세요.",
        ["KAKAO-ALIMTALK-PROMO"],
        "alimtalk-review",
    ),
    (
        "alimtalk",
        "병원 앱을 설치하면 대기 순서를 볼 수 있어요. 지금 다운로드하세요.",
        ["KAKAO-ALIMTALK-PROMO"],
        "alimtalk-2604",
    ),
    (
        "alimtalk",
        "결제 완료. 적립된 3,000포인트는 다음 시술에 사용하세요.",
        ["KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"],
        "alimtalk-2604",
    ),
    (
        "alimtalk",
        "생일을 축하드려요! 생일 선물로 관리 1회를 드립니다.",
        ["KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"],
        "alimtalk-review",
    ),
    ("alimtalk", "최신 장비를 새로 들여왔습니다. 상담받아 보세요.", ["KAKAO-ALIMTALK-PROMO"], "alimtalk-review"),
    (
        "alimtalk",
        "수술 부위는 좀 괜찮으세요? 불편한 점 있으면 연락 주세요.",
        ["KAKAO-ALIMTALK-BLACKLIST"],
        "alimtalk-review",
    ),
    ("alimtalk", "라식 수술 후 2주간은 눈을 비비지 마시고 처방 안약을 하루 4번 넣어 주세요.", [], "lasik-care"),
    ("alimtalk", "라섹 후 3~4일은 시림과 통증이 있을 수 있습니다. 보호렌즈를 빼지 마세요.", [], "lasek-care"),
    (
        "alimtalk",
        "강한 자외선은 각막 혼탁을 일으켜 영구적인 시력 저하를 남길 수 있으니 선글라스를 쓰세요.",
        [],
        "lasik-care",
    ),
    ("alimtalk", "수술 후 한 달은 음주와 흡연을 피해 주세요.", [], "lasik-care"),
    ("alimtalk", "세안은 3일째부터, 눈 화장은 한 달 뒤부터 가능합니다.", [], "lasik-faq"),
    ("alimtalk", "대기번호 No. 12번, 잠시만 기다려 주세요.", [], "alimtalk-info"),
    ("alimtalk", "예약번호 No.103 확인되었습니다.", [], "alimtalk-info"),
    ("alimtalk", "오늘 낮 최고 기온 34도, 야외 활동을 줄이세요.", [], "lasik-care"),
    (
        "alimtalk",
        "비급여 항목 비용은 원내 게시판과 홈페이지에 안내되어 있습니다. 렌즈삽입술 양안 500만원.",
        [],
        "alimtalk-info",
    ),
    ("alimtalk", "백내장 수술 본인부담금 280,000원이 결제되었습니다.", [], "alimtalk-info"),
    ("alimtalk", "다른 병원에서 받으신 검사 결과지를 지참해 주세요.", [], "alimtalk-info"),
    ("alimtalk", "이전에 다니던 병원의 소견서가 있으면 가져와 주세요.", [], "alimtalk-info"),
    ("alimtalk", "의료급여 대상자는 본인부담금이 감면됩니다. 접수처에 말씀해 주세요.", [], "lure-27-3"),
    ("alimtalk", "수술 전날 밤 12시 이후 금식해 주세요.", [], "lasik-care"),
    ("alimtalk", "필러 시술 후 부위가 창백해지거나 통증이 심하면 바로 연락 주세요.", [], "mohw-checklist"),
    ("alimtalk", "Please do not rub your eyes for two weeks after surgery.", [], "lasik-care"),
    ("alimtalk", "Your appointment at Seoul Clear Eye Clinic is tomorrow at 10 AM.", [], "alimtalk-info"),
    (
        "alimtalk",
        "Severe pain or sudden vision loss can cause permanent damage if untreated: call us right away.",
        [],
        "lasik-care",
    ),
    ("alimtalk", "검사 결과가 나왔습니다. 내원하시면 설명드리겠습니다.", [], "medical-info"),
    ("alimtalk", "수술 동의서와 부작용 설명서를 미리 읽어 주세요.", [], "mohw-checklist"),
    (
        "alimtalk",
        "광고성 정보 수신 동의를 2년마다 다시 확인드립니다. 유지하시려면 아무 조치도 필요 없습니다.",
        [],
        "kisa-label",
    ),
    ("alimtalk", "주차는 2시간 무료입니다.", [], "alimtalk-info"),
    ("alimtalk", "실손보험 청구 서류는 접수처에서 발급됩니다.", [], "alimtalk-info"),
    ("alimtalk", "회복에 가장 중요한 시기는 수술 후 첫 주입니다.", [], "lasik-care"),
    ("alimtalk", "100% 예약제로 운영됩니다. 방문 전에 예약해 주세요.", [], "alimtalk-info"),
    ("alimtalk", "시술 후 붉은기는 개인차가 있으며 보통 3일 내 가라앉습니다.", [], "lasik-faq"),
    ("alimtalk", "처방받은 약을 드신 뒤 두드러기가 나면 복용을 멈추고 연락 주세요.", [], "lasik-care"),
    ("sms", "내일 오전 10시 진료 예약입니다. 변경은 02-700-1000.", [], "alimtalk-info"),
    ("sms", "검사 결과는 문자로 안내하지 않습니다. 내원해 주세요.", [], "medical-info"),
    ("sms", "녹내장 정기 검사 예약이 다음 주 월요일입니다.", [], "glaucoma-codes"),
    ("sms", "안압 검사를 위해 콘택트렌즈를 빼고 오세요.", [], "lasik-care"),
    ("sms", "임플란트 수술 후 24시간은 빨대를 쓰지 마세요.", [], "lasek-care"),
    ("sms", "진료비 영수증이 발급되었습니다.", [], "alimtalk-info"),
    ("sms", "최초 내원 시 신분증을 지참해 주세요.", [], "alimtalk-info"),
    ("sms", "예방접종 일정 안내: 평일 오전 9시~12시.", [], "alimtalk-info"),
]

# probes: novel phrasings written after the first rules, to see what they missed (kept as dev rows)
_H = "(광고) 하람안과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"
PROBES: list[tuple[str, str, str, list[str], str]] = [
    ("friendtalk", "advertising", _H.format("수술받으신 분들이 가장 많이 하시는 말씀은 '진작 할걸'입니다."), ["MSA-TESTIMONIAL"], "dent-cases"),
    ("friendtalk", "advertising", _H.format("라식 3년 차 환자분과의 인터뷰를 공개합니다."), ["MSA-TESTIMONIAL"], "influencer"),
    ("friendtalk", "advertising", _H.format("환자분이 보내주신 감사 편지를 소개합니다."), ["MSA-TESTIMONIAL"], "ftc-fake-reviews"),
    ("friendtalk", "advertising", _H.format("시술 경험을 나눠주신 고객님 이야기"), ["MSA-TESTIMONIAL"], "influencer"),
    ("friendtalk", "advertising", _H.format("수술 후 달라진 일상, 환자분 브이로그로 확인하세요."), ["MSA-TESTIMONIAL"], "youtube-lure"),
    ("friendtalk", "advertising", _H.format("I can finally see clearly! - a LASIK patient"), ["MSA-TESTIMONIAL"], "asa-cosmetic"),
    ("friendtalk", "advertising", _H.format("다른 안과에서 라식이 안 된다고 하셨나요? 하람안과는 다릅니다."), ["MSA-COMPARISON", "MSA-DEFAME"], "dent-cases"),
    ("friendtalk", "advertising", _H.format("어디서 받아도 똑같다고요? 결과가 다릅니다."), ["MSA-COMPARISON"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("싼 곳 찾다가 재수술하는 분들 많습니다."), ["MSA-DEFAME"], "dent-cases"),
    ("friendtalk", "advertising", _H.format("대형 병원 못지않은 장비."), ["MSA-COMPARISON"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("초진 진찰료 없음!"), ["MSA-INDUCEMENT"], "lure-27-3"),
    ("friendtalk", "advertising", _H.format("상담만 받아도 인공눈물 1박스 드려요."), ["MSA-INDUCEMENT"], "lure-cases"),
    ("friendtalk", "advertising", _H.format("수술비 카드 무이자 12개월 + 안경 지원금 10만 원."), ["MSA-INDUCEMENT"], "lure-cases"),
    ("friendtalk", "advertising", _H.format("라섹 199만 원 → 149만 원"), ["MSA-INDUCEMENT"], "lure-cases"),
    ("friendtalk", "advertising", _H.format("SNS 팔로우하면 커피 쿠폰"), ["MSA-INDUCEMENT"], "sns-points"),
    ("friendtalk", "advertising", _H.format("수술 후 시력 1.0 미만이면 재수술 비용 받지 않습니다."), ["MSA-GUARANTEE"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("만족하지 않으시면 100% 환불."), ["MSA-GUARANTEE"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("한 번으로 끝나는 시력교정."), ["MSA-GUARANTEE"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("걸그룹 ○○가 수술받은 안과."), ["MSA-CELEBRITY"], "celebrity-video"),
    ("friendtalk", "advertising", _H.format("방송에서 화제가 된 원장님."), ["MSA-ARTICLE-FORM", "MSA-CELEBRITY"], "mohw-checklist"),
    ("friendtalk", "advertising", _H.format("유명 크리에이터도 다녀갔어요."), ["MSA-CELEBRITY"], "youtube-surgery"),
    ("friendtalk", "advertising", _H.format("라식 수술 현장, 네이버TV에서 생생하게."), ["MSA-SURGERY-SCENE"], "youtube-surgery"),
    ("friendtalk", "advertising", _H.format("No pain, no scars, no worries."), ["MSA-SAFETY-CLAIM"], "asa-weight"),
    ("friendtalk", "advertising", _H.format("100% satisfaction guaranteed."), ["MSA-GUARANTEE"], "asa-guaranteed"),
    ("friendtalk", "advertising", _H.format("Korea's first SMILE Pro clinic."), ["MSA-SUPERLATIVE"], "stibee-law"),
    ("friendtalk", "advertising", _H.format("World-class results, trusted by celebrities."), ["MSA-CELEBRITY", "MSA-SUPERLATIVE"], "asa-cosmetic"),
    ("sms", "informational", "[하람안과] 안압 검사 결과 정상 범위를 넘어 녹내장 가능성이 있습니다.", ["PII-HEALTH-IN-SMS"], "glaucoma-codes"),
    ("sms", "informational", "{{ patient.name }}님, 각막 두께 480μm로 라섹이 권장됩니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("sms", "informational", "[하람안과] 진단코드 H52.1(근시) 확인서가 발급되었습니다.", ["PII-HEALTH-IN-SMS"], "kcd"),
    ("sms", "informational", "[하람안과] 백내장 진행 정도가 심해 수술이 필요합니다.", ["PII-HEALTH-IN-SMS"], "medical-info"),
    ("alimtalk", "informational", "{{ patient.name }}님, 다음 주부터 신형 레이저로 시술받으실 수 있습니다. 예약 문의 주세요.", ["KAKAO-ALIMTALK-PROMO"], "alimtalk-review"),
    ("alimtalk", "informational", "{{ patient.name }}님, 생신을 진심으로 축하드립니다.", ["KAKAO-ALIMTALK-BLACKLIST"], "kisa-label"),
    ("alimtalk", "informational", "하람안과가 새 단장을 마치고 다시 문을 엽니다. 많은 방문 바랍니다.", ["KAKAO-ALIMTALK-PROMO"], "alimtalk-review"),
    ("sms", "informational", "[하람안과] 여름휴가 전 시력교정, 지금이 적기입니다.", ["ADV-PURPOSE-MISMATCH"], "sms-promo"),
    ("alimtalk", "informational", "수술 후 2주간 사우나는 피해 주세요. 감염되면 시력에 영구적 손상이 올 수 있습니다.", [], "lasik-care"),
    ("alimtalk", "informational", "접수번호 No.7 {{ patient.name }}님 3번 진료실로 오세요.", [], "alimtalk-info"),
    ("sms", "informational", "[하람안과] 비급여 진료비: 라섹 양안 1,500,000원. 결제는 수술 당일.", [], "alimtalk-info"),
    ("sms", "informational", "당뇨가 있으신 분은 수술 전 혈당 조절이 필요합니다. 복용 약을 알려 주세요.", [], "medical-info"),
    ("friendtalk", "advertising", "(광고) Haram Eye Clinic 라섹 상담 안내. 부작용 가능. 무료수신거부 080-123-4567", [], "kisa-label"),
    ("sms", "informational", "본 문자는 의료법 제45조에 따라 비급여 진료비용을 안내드리는 것입니다.", [], "alimtalk-info"),
    ("alimtalk", "informational", "{{ patient.name }}님, 최고 혈압 150 이상이 지속되면 내과 진료를 받으세요.", [], "lasik-care"),
    ("alimtalk", "informational", "수술 후 가장 흔한 증상은 눈부심이며 대부분 1~3개월 내 좋아집니다.", [], "lasik-faq"),
]  # fmt: skip

# second probe round (dental, Korean medicine): other specialties' wording
_Y = "(광고) 예담치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-777-8888"
_R = "(광고) 라온한의원 {} 개인차가 있습니다. 무료수신거부 080-777-9999"
_KINDS = {
    "F": ("friendtalk", "advertising"),
    "S": ("sms", "informational"),
    "A": ("alimtalk", "informational"),
    "SA": ("sms", "advertising"),
}
PROBES_2: list[tuple[str, str, set[str], str]] = [
    (_Y.format("치료받으신 어르신께서 '이제 틀니 없이 식사해요'라고 하시더군요."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_R.format("다이어트 한약 드신 분들의 감량 사례를 모았습니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_Y.format("교정 끝난 학생의 환한 미소, 인스타그램에서 만나보세요."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_Y.format("치과 가기 무서우셨죠? 다른 치과와 달리 예담치과는 수면 치료."),"F",{"MSA-COMPARISON"}, "dent-cases"),
    (_R.format("양방 병원에서 못 고친 허리 통증, 한방으로."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_Y.format("임플란트 1개 가격으로 2개!"),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_Y.format("스케일링 받으시면 칫솔 세트 증정"),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_R.format("첫 진료 공진단 1환 서비스"),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_Y.format("교정 기간 내 추가 비용 일절 없음, 결과 책임제."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_R.format("요요 없는 다이어트, 효과 없으면 전액 환불."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_Y.format("잇몸 절개 없이 통증 걱정 없는 임플란트."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_R.format("부작용 없는 천연 한약으로 안심하세요."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_Y.format("프로야구 선수들이 믿고 찾는 치과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_Y.format("임플란트 식립 과정 전체를 유튜브로 보여드립니다."),"F",{"MSA-SURGERY-SCENE"}, "dent-cases"),
    (_Y.format("지역 최다 임플란트 식립."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_Y.format("Painless dental implants, guaranteed."),"F",{"MSA-SAFETY-CLAIM","MSA-GUARANTEE"}, "dent-cases"),
    (_Y.format("Our patients love their new smiles!"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    ("[예담치과] {{ patient.name }}님 치주염 진단으로 잇몸 치료가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[라온한의원] {{ patient.name }}님 체지방률 32%로 측정되었습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[예담치과] 파노라마 상 사랑니가 신경관에 근접해 있습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님, 예담치과 신규 교정 장치가 도입되었습니다. 상담 예약 받습니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-info"),
    ("[라온한의원] 가을 보약 시즌입니다. 미리 예약하세요.","S",{"ADV-PURPOSE-MISMATCH"}, "medical-info"),
    ("{{ patient.name }}님, 예담치과 2호점 개원을 알려드립니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-info"),
    ("임플란트 수술 후 3일간은 딱딱한 음식을 피하고 흡연하지 마세요.","A",set(), "alimtalk-info"),
    ("발치 후 거즈는 2시간 동안 물고 계세요. 피가 계속 나면 연락 주세요.","A",set(), "alimtalk-info"),
    ("[예담치과] 스케일링은 연 1회 건강보험이 적용됩니다. 본인부담금 약 15,000원.","S",set(), "medical-info"),
    ("침 치료 후 샤워는 2시간 뒤에 하세요. 드물게 멍이 생길 수 있습니다.","A",set(), "alimtalk-info"),
    ("(광고) Yedam Dental 정기 검진 안내. 무료수신거부 080-777-8888","F",set(), "alimtalk-info"),
    ("{{ patient.name }}님 진료비 15,000원이 결제되었습니다. 감사합니다.","A",set(), "alimtalk-info"),
    ("예약 변경은 최소 하루 전에 연락 주세요.","A",set(), "alimtalk-info"),
    ("교정 장치가 빠지면 삼키지 말고 보관 후 내원하세요.","A",set(), "alimtalk-info"),
    ("최고 온도 35도 이상 폭염 시 무리한 외출을 삼가세요.","A",set(), "alimtalk-info"),
    ("다른 치과에서 찍은 엑스레이가 있으면 가져오세요.","A",set(), "alimtalk-info"),
    ("한약 복용 중 설사가 계속되면 복용을 멈추고 연락 주세요.","S",set(), "medical-info"),
]  # fmt: skip

# third probe round (plastic surgery, ophthalmology, dermatology): measured before the rules saw it
_B = "(광고) 봄빛성형외과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-321-6540"
_E = "(광고) 밝음안과 {} 개인차가 있습니다. 무료수신거부 080-321-6541"
_S = "(광고) 결피부과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-321-6542"
PROBES_3: list[tuple[str, str, set[str], str]] = [
    (_B.format("코 수술 받은 지 한 달, 친구들이 못 알아봐요 ㅎㅎ (20대 여성 고객)"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_E.format("노안 수술을 받은 60대 어머님, 손주 얼굴이 또렷해졌다며 웃으셨습니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_S.format("고객 만족 후기 4,000건 돌파!"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_S.format("리얼 체험 영상 공개 중."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_B.format("어설픈 병원에서 수술받고 후회하지 마세요."),"F",{"MSA-DEFAME"}, "dent-cases"),
    (_E.format("강남 유명 안과들과 비교해 보세요. 검사 항목부터 다릅니다."),"F",{"MSA-COMPARISON"}, "dent-cases"),
    (_S.format("피부과 여러 곳 다녀도 안 낫던 여드름이라면."),"F",{"MSA-COMPARISON", "MSA-DEFAME"}, "dent-cases"),
    (_B.format("재수술 전문의가 다른 병원 실패 사례를 바로잡습니다."),"F",{"MSA-DEFAME"}, "dent-cases"),
    (_E.format("수술비 분할 결제 시 이자 0%, 첫 달 납부 면제."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_S.format("회원가입만 해도 5천 원 적립금 즉시 지급."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_B.format("수술 고객 전원 회복 패키지 무상 제공."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_S.format("3회권 결제 시 1회 더."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_E.format("이번 주 예약 고객께 안경점 상품권 5만 원권."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_B.format("티 안 나는 자연스러운 코, 재수술 걱정 끝."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_E.format("노안, 이제 안경 없이 평생 삽니다."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_S.format("단 1회로 기미 완벽 제거."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_B.format("붓기 거의 없어 주말 수술 후 월요일 출근."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_S.format("자극 없는 레이저라 시술 직후 화장 가능."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_E.format("안전성이 입증된 수술, 걱정하지 마세요."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_B.format("미스코리아 출신 방송인이 선택한 병원."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_S.format("뷰티 인플루언서 ○○님 단골 피부과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_E.format("KBS 뉴스에 소개된 노안 교정."),"F",{"MSA-ARTICLE-FORM"}, "dent-cases"),
    (_B.format("수술실 CCTV 영상 일부를 유튜브 쇼츠로 공개했습니다."),"F",{"MSA-SURGERY-SCENE"}, "dent-cases"),
    (_E.format("국내에서 가장 먼저 도입한 렌즈."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_S.format("압도적인 시술 건수."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_B.format("The most natural nose job in Seoul."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_E.format("Say goodbye to glasses forever."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_S.format("Risk-free laser treatment for everyone."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    ("[밝음안과] {{ patient.name }}님 망막 검사에서 출혈 소견이 있습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[봄빛성형외과] {{ patient.name }}님 혈액검사 빈혈 수치 Hb 9.8로 수술 연기가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[결피부과] 조직검사 결과 흑색종으로 확인되었습니다. 대학병원 의뢰서를 준비했습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님, 밝음안과에 스마일 프로 장비가 들어왔습니다. 궁금하신 점은 상담실로 문의하세요.","A",{"KAKAO-ALIMTALK-PROMO","MSA-OMIT-RISK"}, "alimtalk-info"),
    ("[결피부과] 여름맞이 제모 예약이 시작되었습니다. 서둘러 예약하세요!","S",{"ADV-PURPOSE-MISMATCH","MSA-OMIT-RISK"}, "medical-info"),
    ("{{ patient.name }}님, 봄빛성형외과 공식 인스타그램을 팔로우하고 소식을 받아보세요.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-info"),
    ("코 수술 후 1주일간 안경 착용을 피하고, 코를 세게 풀지 마세요.","A",set(), "alimtalk-info"),
    ("레이저 시술 후 각질은 억지로 떼지 마세요. 흉터가 남을 수 있습니다.","A",set(), "alimtalk-info"),
    ("[밝음안과] 다초점 인공수정체는 비급여이며 비용은 진료 후 안내드립니다.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 수술 후 검진 결과 이상 없습니다. 다음 검진은 3개월 뒤입니다.","A",set(), "alimtalk-info"),
    ("(광고) Bomvit Plastic Surgery 상담 가능 시간 안내: 평일 10~19시. 부작용 有. 무료수신거부 080-321-6540","F",set(), "alimtalk-info"),
    ("본원은 의료법에 따라 수술실 CCTV를 운영하며, 촬영을 원하시면 요청서를 제출해 주세요.","A",set(), "alimtalk-info"),
    ("수술 당일 보호자 동반이 필요합니다. 최소 2시간 회복실에 머무르게 됩니다.","A",set(), "alimtalk-info"),
    ("No. 3 진료실 앞에서 대기해 주세요.","A",set(), "alimtalk-info"),
]  # fmt: skip

# fourth probe round (the less frequent rules: unverified, appearance, students, titles, review rewards,
# before/after, AlimTalk black list, (광고) label / opt-out / sender variants, message form)
_N = "(광고) 새솔안과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-654-3210"
PROBES_4: list[tuple[str, str, set[str], str]] = [
    (_N.format("FDA 승인 최신 장비로 더 안전하게."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_N.format("미국 특허 기술 적용 렌즈삽입술."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_N.format("2025 소비자 선호도 1위 안과 선정."),"F",{"MSA-UNVERIFIED","MSA-SUPERLATIVE"}, "mohw-checklist"),
    (_N.format("줄기세포로 노안을 되돌립니다."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_N.format("○○일보 선정 올해의 병원."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_N.format("안경 쓴 얼굴이 싫으셨죠? 맨눈으로 예뻐지세요."),"F",{"MSA-APPEARANCE"}, "mohw-checklist"),
    (_N.format("두꺼운 안경 때문에 사진 찍기 싫으셨던 분."),"F",{"MSA-APPEARANCE"}, "mohw-checklist"),
    (_N.format("수능 끝! 수험표 가져오면 검사비 할인."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "mohw-checklist"),
    (_N.format("대학 입학 전 시력교정, 새내기 특별 이벤트."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "mohw-checklist"),
    (_N.format("고3 학생 시력교정 패키지."),"F",{"MSA-STUDENT-LURE"}, "mohw-checklist"),
    (_N.format("백내장 전문 안과 새솔."),"F",{"MSA-FAKE-TITLE"}, "mohw-checklist"),
    (_N.format("시력교정 전문병원."),"F",{"MSA-FAKE-TITLE"}, "mohw-checklist"),
    (_N.format("안과계의 명의가 직접 집도."),"F",{"MSA-FAKE-TITLE","MSA-SUPERLATIVE"}, "mohw-checklist"),
    (_N.format("네이버 영수증 리뷰 남기면 다음 방문 시 5% 적립."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "mohw-checklist"),
    (_N.format("라식 체험단 10명 모집, 수술비 전액 지원."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "mohw-checklist"),
    (_N.format("별점 5점 인증하시면 인공눈물 증정."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "mohw-checklist"),
    (_N.format("수술 전 안경 쓴 모습과 수술 후 모습을 나란히 보여드립니다."),"F",{"MSA-BEFORE-AFTER"}, "mohw-checklist"),
    (_N.format("B&A 사진 보러 가기."),"F",{"MSA-BEFORE-AFTER"}, "mohw-checklist"),
    (_N.format("라이브 방송으로 수술 과정을 중계합니다."),"F",{"MSA-SURGERY-SCENE"}, "mohw-checklist"),
    ("{{ patient.name }}님 시술하신 눈은 불편하신 데 없으신가요?","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("새솔안과 소식: 3월 건강 칼럼 - 봄철 알레르기 결막염","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("추석 연휴 잘 보내세요. 새솔안과 드림","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("진료 만족도 조사에 응답해 주시면 추첨으로 모바일 상품권을 드립니다.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("{{ patient.name }}님의 적립 포인트 3,000점이 이달 말 소멸됩니다.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("<광고> 새솔안과 정기검진 안내. 무료수신거부 080-654-3210","SA",{"ADV-LABEL"}, "kisa-label"),
    ("광고) 새솔안과 정기검진 안내. 무료수신거부 080-654-3210","SA",{"ADV-LABEL"}, "kisa-label"),
    ("새솔안과 (광고) 정기검진 안내. 무료수신거부 080-654-3210","SA",{"ADV-LABEL"}, "kisa-label"),
    ("(광고) 새솔안과 정기검진 안내. 수신을 원하지 않으시면 회신 주세요.","SA",{"ADV-OPTOUT"}, "kisa-label"),
    ("(광고) 새솔안과 정기검진 안내. 수신거부 080-654-3210","SA",{"ADV-OPTOUT"}, "kisa-label"),
    ("(광고) 정기검진 안내드립니다. 무료수신거부 080-654-3210","SA",{"ADV-SENDER"}, "kisa-label"),
    ("(광고) {{ clinic.name }} 정기검진 안내. 무료수신거부 {{ clinic.optout_number }}","SA",set(), "kisa-label"),
    ("(광고) SAESOL EYE 정기검진 안내. 무료수신거부 080-654-3210","SA",set(), "kisa-label"),
    ("   ","A",{"MSG-EMPTY"}, "alimtalk-review"),
    ("{{ patient.nickname }}님 예약 안내입니다.","A",{"MSG-UNKNOWN-VARIABLE"}, "alimtalk-review"),
    ("환자 주민번호 9001011234567 확인 완료.","S",{"PII-RRN"}, "medical-info"),
    ("알레르기 결막염은 봄철에 흔합니다. 눈을 비비지 말고 인공눈물을 자주 넣으세요.","A",set(), "alimtalk-review"),
    ("라식 수술 후 1년간 정기 검진을 받으세요. 검진비는 수술비에 포함되어 있습니다.","A",set(), "alimtalk-review"),
    ("{{ patient.name }}님, 처방전은 약국에 제출하시면 됩니다. 전문의약품이니 용법을 지켜 주세요.","A",set(), "alimtalk-review"),
    ("수술 후 최소 1주일은 운전을 삼가 주세요.","A",set(), "alimtalk-review"),
    ("진료 시간: 평일 09:00~18:00, 점심시간 13:00~14:00. 토요일 휴진.","S",set(), "medical-info"),
]  # fmt: skip

# fifth probe round (whole realistic messages of one ophthalmology clinic, measured unseen at P 0.87 R 0.52)
PROBES_5: list[tuple[str, str, set[str], str]] = [
    ("(광고) [온누리안과] 봄맞이 시력교정 상담 주간! 정밀검사 44항목을 받아보세요. 상담 고객 전원 눈 영양제 1통을 챙겨드립니다. 부작용이 있을 수 있습니다. 무료거부 080-111-2020","F",{"MSA-INDUCEMENT"}, "mohw-checklist"),
    ("(광고) 온누리안과\n라섹 후 통증이 걱정이세요? 저희 환자분들은 '생각보다 괜찮았다'고 말씀하십니다.\n개인차가 있습니다.\n무료수신거부 0801112020","F",{"MSA-TESTIMONIAL"}, "mohw-checklist"),
    ("(광고) 온누리안과 누적 수술 5만 안, 경험이 다릅니다. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-SUPERLATIVE"}, "mohw-checklist"),
    ("(광고) 온누리안과 동네 안과에서 백내장이라고만 들으셨다면, 정밀 검사로 다시 확인하세요. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-COMPARISON"}, "mohw-checklist"),
    ("(광고) 온누리안과 시력교정 후 1년 안에 시력이 떨어지면 보강 수술 무료. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-GUARANTEE"}, "mohw-checklist"),
    ("(광고) 온누리안과 각막을 거의 건드리지 않아 안구건조증 걱정이 없습니다. 개인차가 있습니다. 무료수신거부 080-111-2020","F",{"MSA-SAFETY-CLAIM"}, "mohw-checklist"),
    ("(광고) 온누리안과 인기 예능 출연 원장이 직접 상담합니다. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-ARTICLE-FORM","MSA-CELEBRITY"}, "mohw-checklist"),
    ("(광고) 온누리안과 대한민국 대표 시력교정 안과. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-SUPERLATIVE"}, "mohw-checklist"),
    ("(광고) 온누리안과 스마일라식 상담 예약하세요. 무료수신거부 080-111-2020","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 온누리안과 EVO ICL 렌즈삽입술 상담 안내. 무료수신거부 080-111-2020","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 온누리안과 수술 영상 보러 가기 ▶ youtube.com/onnuri. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-SURGERY-SCENE"}, "mohw-checklist"),
    ("(광고) 온누리안과 친구와 함께 오시면 두 분 모두 검사비 반값. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-INDUCEMENT"}, "mohw-checklist"),
    ("(광고) 온누리안과 노안 수술 받고 돋보기와 작별하세요. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",{"MSA-GUARANTEE"}, "mohw-checklist"),
    ("(광고) 온누리안과 의료진 전원 대학병원 교수 출신. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2020","F",set(), "mohw-checklist"),
    ("(광고) 온누리안과 주차 2시간 무료, 토요일 오후 진료. 무료수신거부 080-111-2020","F",set(), "mohw-checklist"),
    ("[온누리안과] {{ patient.name }}님 안저검사에서 시신경 손상이 관찰되어 정밀검사가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[온누리안과] {{ patient.name }}님 교정시력 우 0.4 좌 0.5로 운전면허 기준에 미달합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[온누리안과] {{ patient.name }}님 진료비 계산서(상병: 건성안 H04.1)를 이메일로 보냈습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[온누리안과] {{ patient.name }}님, 녹내장 안약 처방이 다 떨어질 때입니다. 재진 예약해 주세요.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님, 온누리안과가 새 건물로 확장 이전했습니다. 더 넓은 공간에서 뵙겠습니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("{{ patient.name }}님, 백내장 수술 3일째입니다. 온누리안과가 최근 도입한 다초점 렌즈도 상담받아 보세요.","A",{"KAKAO-ALIMTALK-PROMO","MSA-OMIT-RISK"}, "alimtalk-review"),
    ("{{ patient.name }}님 수술 1주일이 지났습니다. 요즘 눈 상태는 어떠세요?","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("[온누리안과] 이번 달 백내장 수술 예약자 선착순 20명 렌즈 업그레이드.","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT","MSA-OMIT-RISK"}, "medical-info"),
    ("{{ patient.name }}님, 내일 오전 9시 수술입니다. 수술 전날 밤 12시 이후 금식하시고, 보호자와 함께 오세요.","A",set(), "alimtalk-review"),
    ("{{ patient.name }}님, 수술 후 한 달간은 수영장·사우나를 피하세요. 감염은 영구적인 시력 저하로 이어질 수 있습니다.","A",set(), "alimtalk-review"),
    ("[온누리안과] 비급여 진료비 안내: 스마일라식 양안 280만원, 라섹 양안 180만원 (부가세 포함).","S",set(), "medical-info"),
    ("{{ patient.name }}님, 요청하신 진료기록 사본이 준비되었습니다. 신분증을 지참하고 방문해 주세요.","A",set(), "alimtalk-review"),
    ("[온누리안과] 안약은 1가지씩 5분 간격으로 넣으세요. 넣은 뒤 1분간 눈을 감고 계세요.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 진료 예약이 확정되었습니다. 접수번호 No. 48","A",set(), "alimtalk-review"),
    ("(광고) ONNURI EYE CLINIC 토요일 진료 안내. 무료수신거부 080-111-2020","F",set(), "mohw-checklist"),
]  # fmt: skip

# sixth probe round (dermatology and plastic surgery, measured unseen at P 1.00 R 0.45)
_W = "(광고) 연우피부과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-909-1212"
_V = "(광고) 아름성형외과 {} 개인차가 있습니다. 무료수신거부 080-909-3434"
PROBES_6: list[tuple[str, str, set[str], str]] = [
    (_W.format("여드름 흉터 치료 3개월, 고객님이 직접 찍어 보내주신 사진입니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_V.format("\"거울 볼 때마다 기분이 좋아요\" 눈매교정 6개월 차 고객"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_W.format("경쟁 병원 가격표 가져오시면 더 낮춰 드립니다."),"F",{"MSA-COMPARISON","MSA-INDUCEMENT"}, "dent-cases"),
    (_V.format("값싼 필러 맞고 울퉁불퉁해진 분들, 교정해 드립니다."),"F",{"MSA-DEFAME"}, "dent-cases"),
    (_W.format("레이저 10회 + 관리 5회 = 99만원 (정상가 180만원)"),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_W.format("평일 오전 방문 시 진료비 30% 감면."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_V.format("상담 후 당일 수술 결정 시 수술비 특별 조정."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_W.format("효과 못 보시면 다음 시술은 저희가 부담합니다."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_V.format("한 번의 수술로 10년 젊어지는 얼굴."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_W.format("통증 제로 제모, 자는 동안 끝납니다."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_V.format("절개 없이, 흔적 없이."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_W.format("유명 뷰티 크리에이터 ○○도 받은 시술."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_V.format("배우들이 몰래 찾는 청담 성형외과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_W.format("시술 장면 풀버전은 인스타 하이라이트에."),"F",{"MSA-SURGERY-SCENE"}, "dent-cases"),
    (_V.format("강남 3대 성형외과."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_W.format("피부과 전문의만 10명, 업계 최대 규모."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_V.format("신의료기술 인증 대기 중인 새로운 리프팅."),"F",{"MSA-UNVERIFIED"}, "dent-cases"),
    (_W.format("Instant results with zero downtime."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_V.format("Our surgeons are the best in Korea."),"F",{"MSA-SUPERLATIVE"}, "dent-cases"),
    (_W.format("Refer a friend and get a free facial."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    ("[연우피부과] {{ patient.name }}님 알레르기 검사에서 집먼지진드기 양성 반응이 나왔습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[아름성형외과] {{ patient.name }}님 수술 전 검사 결과 간 수치(ALT 85)가 높아 내과 진료가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[연우피부과] {{ patient.name }}님 대상포진 치료 경과 확인을 위해 내원해 주세요.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님, 연우피부과 여름 한정 제모 프로그램이 오픈했습니다.","A",{"KAKAO-ALIMTALK-PROMO","MSA-OMIT-RISK"}, "alimtalk-review"),
    ("[아름성형외과] 1주년을 맞아 감사의 마음을 담은 선물을 준비했습니다. 방문 시 받아가세요.","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT"}, "medical-info"),
    ("{{ patient.name }}님, 이번 주 토요일 연우피부과 피부 건강 세미나에 초대합니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("레이저 시술 후 1주일간 사우나와 음주를 피하고, 자외선 차단제를 꼭 바르세요.","A",set(), "alimtalk-review"),
    ("{{ patient.name }}님, 지방흡입 후 압박복은 4주간 착용하셔야 합니다.","A",set(), "alimtalk-review"),
    ("[연우피부과] 처방 연고는 하루 2회 얇게 바르세요. 붉은기가 심해지면 중단하고 연락 주세요.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 수술 동의서에 적힌 부작용(출혈, 감염, 비대칭)을 한 번 더 확인해 주세요.","A",set(), "alimtalk-review"),
    ("(광고) 연우피부과 진료 시간 변경 안내: 화요일 야간 진료 시작. 무료수신거부 080-909-1212","F",set(), "dent-cases"),
    ("[연우피부과] 예약하신 레이저 토닝은 1회 5만원입니다. 결제는 시술 후 진행됩니다.","S",set(), "medical-info"),
    ("수술 부위가 심하게 붓거나 열이 나면 즉시 연락 주세요. 드물게 감염이 생길 수 있습니다.","A",set(), "alimtalk-review"),
    ("(광고) YEONWOO DERMATOLOGY 토요일 진료 안내. 무료수신거부 080-909-1212","F",set(), "dent-cases"),
]  # fmt: skip

# seventh probe round (AlimTalk/SMS promotion and health data, English claims; measured unseen at P 0.90 R 0.29)
_Z = "(광고) 청명안과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-246-8000"
PROBES_7: list[tuple[str, str, set[str], str]] = [
    ("{{ patient.name }}님, 청명안과 멤버십에 가입하시면 매달 무료 안과 검진을 받으실 수 있습니다.","A",{"KAKAO-ALIMTALK-PROMO","MSA-INDUCEMENT"}, "alimtalk-review"),
    ("{{ patient.name }}님, 가족분들도 청명안과에서 검진받아 보세요. 가족 등록 시 혜택이 있습니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("[청명안과] 스마일라식 수술 후기를 남겨주신 분께 감사 선물을 보내드렸습니다.","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT","MSA-REVIEW-INCENTIVE","MSA-OMIT-RISK"}, "medical-info"),
    ("{{ patient.name }}님, 청명안과 유튜브 채널이 개설되었습니다. 구독 부탁드립니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("[청명안과] 연말까지 노안 수술 예약 시 정밀검사를 무상으로 해드립니다.","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT","MSA-OMIT-RISK"}, "medical-info"),
    ("{{ patient.name }}님, 새로 오신 김 원장님을 소개합니다. 망막 분야 20년 경력의 명의입니다.","A",{"KAKAO-ALIMTALK-PROMO","MSA-FAKE-TITLE","MSA-SUPERLATIVE"}, "alimtalk-review"),
    ("[청명안과] {{ patient.name }}님 망막전막 진단으로 수술 일정 조율이 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[청명안과] {{ patient.name }}님 검사상 안구건조증 중등도입니다. 인공눈물 처방드렸습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[청명안과] {{ patient.name }}님 임신성 당뇨 확인으로 산과 진료를 권합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("Hi {{ patient.name }}, your glaucoma test showed elevated pressure. Please call us.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    (_Z.format("Book LASIK this month and save 30%."),"F",{"MSA-INDUCEMENT"}, "asa-cosmetic"),
    (_Z.format("Our LASIK patients see 20/20 the next day."),"F",{"MSA-GUARANTEE"}, "asa-cosmetic"),
    (_Z.format("Safer than contact lenses."),"F",{"MSA-COMPARISON","MSA-SAFETY-CLAIM"}, "asa-cosmetic"),
    (_Z.format("Award-winning eye surgeons."),"F",{"MSA-UNVERIFIED"}, "asa-cosmetic"),
    (_Z.format("'수술대에서 눈 뜨니 세상이 보였어요' 영상 인터뷰 공개."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_Z.format("주변에서 다들 어디서 했냐고 물어봐요! - 스마일 고객 후기 중"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_Z.format("비싸기만 한 병원, 이제 그만. 합리적인 청명안과."),"F",{"MSA-COMPARISON"}, "dent-cases"),
    (_Z.format("대학병원급 장비를 동네 병원 가격으로."),"F",{"MSA-COMPARISON"}, "dent-cases"),
    (_Z.format("안과 의사들이 직접 수술받는 안과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_Z.format("수술 후 시력 평균 1.2, 99% 환자 만족."),"F",{"MSA-GUARANTEE"}, "dent-cases"),
    (_Z.format("시력교정 비용, 안경값이면 충분합니다."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_Z.format("노안 렌즈 1+1 업그레이드."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    ("{{ patient.name }}님, 수술 후 안약 4종을 하루 4회 점안하세요. 최고 안압이 높아질 수 있어 다음 주 확인합니다.","A",set(), "alimtalk-review"),
    ("[청명안과] 수술비 영수증과 진료비 세부내역서를 발급해 드렸습니다. 실손보험 청구에 사용하세요.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 백내장 수술 전 복용 중인 아스피린은 담당 의사와 상의 후 중단하세요.","A",set(), "alimtalk-review"),
    ("수술 당일 운전은 불가합니다. 대중교통이나 보호자 차량을 이용해 주세요.","A",set(), "alimtalk-review"),
    ("{{ patient.name }}님, 예약 시간 10분 전까지 도착해 주세요. 늦으시면 대기가 길어질 수 있습니다.","A",set(), "alimtalk-review"),
    ("(광고) 청명안과 4월 휴진 안내: 4월 10일(목) 원장 학회 참석. 무료수신거부 080-246-8000","F",set(), "dent-cases"),
    ("[청명안과] 개인정보 처리방침이 3월 1일자로 변경됩니다. 홈페이지에서 확인하세요.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 안약이 눈에 닿지 않게 주의하시고 개봉 후 한 달이 지나면 버리세요.","A",set(), "alimtalk-review"),
]  # fmt: skip


# eighth probe round (every family of issue 17; measured unseen at P 0.97 R 0.52 before the eighth-round frames)
_K = "(광고) 해든성형외과\n{}\n※ 수술 후 붓기·멍 등 부작용이 생길 수 있습니다.\n무료수신거부 080-432-1000"
_L = "(광고) 해든안과 {} 개인에 따라 결과가 다를 수 있습니다. 무료거부 080-432-1001"
_M = "(광고) 해든피부과 {} *시술 후 홍조·색소침착 등 부작용 가능 무료수신거부 080-432-1002"
_N = "(광고) Hadeun Dental {} 부작용이 있을 수 있습니다. 무료수신거부 080-432-1003"
_O = "(광고) Glow Skin Clinic {} Side effects may occur. 무료수신거부 080-432-1004"
PROBES_8: list[tuple[str, str, set[str], str]] = [
    # testimonials without 후기
    (_L.format("“이제 아침에 눈 뜨자마자 시계가 보여요!” 스마일라식 3개월 차 직장인"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_L.format("라섹 받은 간호사 선생님이 직접 들려주는 회복 과정"),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_M.format("환자분이 남겨주신 한 줄 — 진작 올 걸 그랬어요"),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_K.format("시술받은 분들이 입을 모아 말합니다. 생각보다 훨씬 편했다고."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_L.format("덕분에 다시 운전할 수 있게 되었다는 어르신의 손글씨 카드가 도착했어요."),"F",{"MSA-TESTIMONIAL"}, "ftc-fake-reviews"),
    (_N.format("맘카페에서 입소문 난 교정, 엄마들의 생생한 목소리를 들어보세요."),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_O.format("Real patients, real results: read Jenny's story on our blog."),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_O.format("\"I wish I'd done it years ago\" — Mark, 34"),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_K.format("유튜브 채널에 환자 인터뷰 풀영상을 올렸습니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_K.format("교정 치료를 마친 고등학생의 소감을 공유합니다."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_M.format("시술 받아본 직원이 솔직하게 말하는 통증 정도, 블로그에 올렸어요."),"F",{"MSA-TESTIMONIAL"}, "ftc-experience"),
    (_K.format("코 수술 받으신 분께 직접 물었습니다. 아프셨어요?"),"F",{"MSA-TESTIMONIAL"}, "youtube-lure"),
    (_M.format("여드름 때문에 고민하던 대학생 A씨, 석 달 만에 매끈한 피부를 되찾았습니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    # comparison and disparagement
    (_L.format("큰 병원 가서 몇 시간씩 기다리지 마세요. 해든안과는 당일 검사·당일 수술."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_K.format("다른 곳에서 어렵다는 말 들으셨어도 포기하지 마세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_M.format("공장형 피부과와는 비교할 수 없는 1:1 맞춤 관리."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "mohw-checklist"),
    (_K.format("강남 어디와 비교하셔도 자신 있습니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_M.format("가격만 보고 고르셨다가 화상 입고 오시는 분들이 많습니다."),"F",{"MSA-DEFAME"}, "dent-cases"),
    (_O.format("Unlike high-street clinics, every treatment here is doctor-led."),"F",{"MSA-COMPARISON"}, "asa-cosmetic"),
    (_O.format("Why pay more elsewhere?"),"F",{"MSA-COMPARISON"}, "asa-cosmetic"),
    (_K.format("비전문의에게 수술받고 망가진 코, 재건해 드립니다."),"F",{"MSA-DEFAME"}, "dent-cases"),
    (_L.format("일반 안과에서는 하지 않는 36가지 정밀 검사."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_N.format("타 치과에서 발치하자는 말을 들으셨다면, 한 번 더 상담받아 보세요."),"F",{"MSA-COMPARISON"}, "review-blog"),
    (_N.format("다른 치과보다 저렴하고 더 꼼꼼합니다."),"F",{"MSA-COMPARISON"}, "review-blog"),
    # inducement without the word 할인
    (_L.format("초음파 검사비 받지 않습니다."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_K.format("첫 방문 진찰료 면제."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_M.format("리프팅 정가 120만 원, 이번 달 69만 원."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_M.format("3회 결제하시면 1회 더 해 드려요."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_K.format("상담만 받으셔도 커피 기프티콘을 보내 드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_K.format("수술하시는 분께 KTX 왕복 차비를 지원해 드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_N.format("지인을 소개해 주시면 소개하신 분께 5만 원 상품권."),"F",{"MSA-INDUCEMENT"}, "referral-voucher"),
    (_O.format("Book now and get 20% off your first treatment."),"F",{"MSA-INDUCEMENT"}, "asa-bbl"),
    (_O.format("Complimentary LED facial with every skin booster session."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_M.format("오늘 예약하시면 마취크림은 서비스로 해 드려요."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_M.format("두 분이 함께 오시면 한 분 시술비는 받지 않아요."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_K.format("카드 결제 시 3만 원 캐시백."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_M.format("슈링크 결제하시면 윤곽주사 1회를 얹어 드립니다."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_O.format("Buy 2 sessions, get the 3rd on us."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    # guarantees without 보장/100%
    (_L.format("시력이 기대에 못 미치면 추가 교정 비용은 저희가 책임집니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_M.format("효과 없으면 돈 안 받습니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_M.format("누구나 확실하게 빠지는 다이어트 주사."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    (_N.format("재발 걱정 없이 깨끗하게 낫습니다."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    (_K.format("결과가 마음에 안 드시면 재수술은 무상으로 해 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_O.format("Results you can count on, or your money back."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_O.format("Lasting results, guaranteed."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_K.format("원하시는 라인, 반드시 만들어 드립니다."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    (_K.format("틀림없이 달라진 얼굴을 보시게 될 겁니다."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    # safety claims
    (_M.format("마취 없이도 전혀 아프지 않은 레이저."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_K.format("붓기 없이 당일 일상 복귀."),"F",{"MSA-SAFETY-CLAIM"}, "yeoshin-kma"),
    (_N.format("출혈 걱정 없는 임플란트."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_O.format("A completely safe procedure with no recovery time."),"F",{"MSA-SAFETY-CLAIM"}, "asa-weight"),
    (_M.format("위험 부담 없는 비수술 리프팅."),"F",{"MSA-SAFETY-CLAIM"}, "yeoshin-kma"),
    (_O.format("Risk-free, pain-free fat reduction."),"F",{"MSA-SAFETY-CLAIM"}, "asa-weight"),
    # celebrity, broadcast, surgery footage
    (_M.format("인기 걸그룹 멤버들이 관리받는 피부과."),"F",{"MSA-CELEBRITY"}, "celeb-seri"),
    (_K.format("국가대표 선수도 믿고 맡긴 어깨 치료."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_M.format("드라마 주연 배우들을 담당하는 원장님."),"F",{"MSA-CELEBRITY"}, "celebrity-video"),
    (_L.format("KBS 생로병사의 비밀에 출연한 원장이 직접 집도합니다."),"F",{"MSA-ARTICLE-FORM","MSA-CELEBRITY"}, "mohw-checklist"),
    (_M.format("방송에 소개된 그 피부과."),"F",{"MSA-ARTICLE-FORM"}, "mohw-checklist"),
    (_O.format("As featured in Vogue Korea."),"F",{"MSA-ARTICLE-FORM"}, "asa-cosmetic"),
    (_O.format("Loved by K-drama actresses."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_K.format("쌍꺼풀 수술 전 과정을 인스타 릴스로 공개했어요."),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_K.format("원장님 집도 영상 보러 가기 ▶ 유튜브"),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_O.format("Watch Dr. Lee perform a thread lift live on Instagram."),"F",{"MSA-SURGERY-SCENE"}, "celebrity-video"),
    (_K.format("지방흡입 실제 수술 모습, 영상으로 확인하세요."),"F",{"MSA-SURGERY-SCENE"}, "youtube-lure"),
    # superlative, unverified, title, student, appearance, before/after, review incentive
    (_L.format("전국에서 손꼽히는 라식 안과."),"F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    (_M.format("리프팅 분야의 일인자."),"F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    (_O.format("The most trusted skin clinic in Busan."),"F",{"MSA-SUPERLATIVE"}, "aesthetic-violations"),
    (_O.format("Number one for skin boosters in Korea."),"F",{"MSA-SUPERLATIVE"}, "aesthetic-violations"),
    (_M.format("특허받은 독자 시술법."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_M.format("줄기세포 탈모 치료."),"F",{"MSA-UNVERIFIED"}, "mohw-checklist"),
    (_M.format("소비자 선정 브랜드 대상 3년 연속 수상."),"F",{"MSA-UNVERIFIED"}, "dent-cases"),
    (_K.format("안면윤곽 전문 병원."),"F",{"MSA-FAKE-TITLE"}, "ftc-2013"),
    (_K.format("수능 끝난 고3 모여라! 수험표 보여주시면 쌍꺼풀 상담 특가."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_O.format("Students get 15% off with a valid ID."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_K.format("작은 눈 때문에 주눅 들었던 날은 이제 안녕."),"F",{"MSA-APPEARANCE"}, "yeoshin-kma"),
    (_M.format("시술 전후 비교 사진 갤러리를 열었습니다."),"F",{"MSA-BEFORE-AFTER"}, "ftc-fake-reviews"),
    (_K.format("수술 3개월 만에 달라진 모습, 비교 사진으로 보세요."),"F",{"MSA-BEFORE-AFTER"}, "ftc-fake-reviews"),
    (_O.format("See the transformation: photos from week 1 to week 12."),"F",{"MSA-BEFORE-AFTER"}, "asa-bbl"),
    (_M.format("네이버 영수증 리뷰를 남기시면 다음 방문 때 5천 원을 빼 드려요."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_M.format("솔직한 평점 남겨 주시는 분께 핸드크림을 드립니다."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_O.format("Leave us a Google review and get a free LED session."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    # the missing risk notice, English and Korean procedure names
    ("(광고) Glow Skin Clinic Thread lift appointments open for May. 무료수신거부 080-432-1004","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 해든안과 렌즈삽입술 평일 야간 상담 가능. 무료거부 080-432-1001","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) Hadeun Plastic Surgery Rhinoplasty consultations with Dr. Kim every Thursday. 무료수신거부 080-432-1000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) Glow Skin Clinic Dermal filler and skin booster appointments this week. 무료수신거부 080-432-1004","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 해든모발의원 모발이식 상담 받아보세요. 무료수신거부 080-432-1005","SA",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 해든치과 임플란트 상담 예약 받습니다. 무료수신거부 080-432-1003","SA",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    # health information in SMS
    ("[해든내과] 홍길동님 공복혈당 142mg/dL로 당뇨 전단계입니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님, 갑상선 결절이 확인되어 세침검사가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[해든의원] 헬리코박터 양성으로 제균 치료를 시작합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님 골밀도 T-score -2.8로 골다공증 범위입니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[해든안과] 시야검사상 좌안 시야결손이 진행되었습니다.","S",{"PII-HEALTH-IN-SMS"}, "glaucoma-codes"),
    ("Hadeun Clinic: your A1c came back at 8.1%. Please book a follow-up.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님 처방: 에스시탈로프람 10mg 30일분 (우울증 치료제)","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[해든의원] 진단명 E11.9 제2형 당뇨병 소견서 준비되었습니다.","S",{"PII-HEALTH-IN-SMS"}, "kcd"),
    ("{{ patient.name }}님 HPV 고위험군 양성 결과가 나왔습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("{{ patient.name }}님 조직검사 결과 악성으로 나와 상의가 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("Hadeun Clinic: your biopsy showed abnormal cells. Dr. Park will call you.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    # purpose: promotion in informational messages
    ("[해든안과] 최신 각막 지형도 장비를 들였습니다. 정밀한 검사를 경험해 보세요.","S",{"ADV-PURPOSE-MISMATCH"}, "kakao-ad-criteria"),
    ("[해든피부과] 5월 가정의 달, 부모님 효도 리프팅 예약 받습니다.","S",{"ADV-PURPOSE-MISMATCH","MSA-OMIT-RISK"}, "sms-promo"),
    ("{{ patient.name }}님, 해든치과 카카오톡 채널을 추가해 주셔서 감사합니다!","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("{{ patient.name }}님, 생일 축하드립니다! 이번 달 방문하시면 작은 선물을 준비해 두었어요.","A",{"KAKAO-ALIMTALK-BLACKLIST","KAKAO-ALIMTALK-PROMO","MSA-INDUCEMENT"}, "alimtalk-review"),
    ("해든의원 수면 클리닉이 새롭게 문을 열었습니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "kakao-ad-criteria"),
    ("{{ patient.name }}님, 해든피부과 3월 소식지: 봄철 피부 관리 팁과 새로 들어온 시술을 소개합니다.","A",{"KAKAO-ALIMTALK-BLACKLIST","KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("[해든정형외과] 도수치료 10회 패키지 출시! 문의 02-555-0101","S",{"ADV-PURPOSE-MISMATCH"}, "kakao-ad-criteria"),
    ("{{ patient.name }}님, 만족도 설문에 참여해 주시면 커피 쿠폰을 드립니다.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-2604"),
    ("[해든한의원] 환절기 면역 관리, 공진단으로 미리 준비하세요.","S",{"ADV-PURPOSE-MISMATCH"}, "sms-promo"),
    ("{{ patient.name }}님 수술하신 지 한 달이 되었네요. 요즘 잘 보이시나요?","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("Hadeun Skin: our new HydraFacial machine has arrived, book yours today!","S",{"ADV-PURPOSE-MISMATCH","MSA-OMIT-RISK"}, "kakao-ad-criteria"),
    ("{{ patient.name }}님, 해든안과가 드림렌즈 클리닉을 새로 시작했습니다. 자녀분 시력이 걱정되시면 상담받아 보세요.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    # clean traps: care, safety advice, legal notices, footers, English names, everyday words
    ("{{ patient.name }}님, 수술 후 눈을 세게 비비면 각막 절편이 밀려 시력이 영구적으로 떨어질 수 있습니다.","A",set(), "lasik-care"),
    ("폭염 특보: 오늘 최고 기온 36도. 수술 부위에 땀이 들어가지 않게 주의하세요.","A",set(), "lasik-care"),
    ("[해든안과] 접수번호 No. 23 — 2번 검사실 앞에서 기다려 주세요.","S",set(), "alimtalk-info"),
    ("[해든의원] 본 문자는 의료법에 따른 비급여 진료비용 고지입니다. 도수치료 1회 80,000원.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 검사 결과가 준비되었습니다. 자세한 내용은 내원하시면 설명드립니다.","A",set(), "medical-info"),
    ("(광고) Hadeun Eye Clinic 토요일 오후 진료를 시작합니다. 무료수신거부 080-432-1001","F",set(), "kisa-label"),
    ("(광고) 해든피부과 레이저 토닝 상담 안내 *개인차·부작용 있음 무료수신거부 080-432-1002","F",set(), "mohw-checklist"),
    ("(광고) 해든성형외과 코 성형 상담 안내. 부작용: 붓기, 멍, 감염 가능. 무료수신거부 080-432-1000","F",set(), "mohw-checklist"),
    ("최고 혈압이 180을 넘거나 두통이 심하면 응급실로 가세요.","A",set(), "lasik-care"),
    ("야간에 가장 가까운 응급실은 해든대학병원 응급센터입니다.","A",set(), "alimtalk-info"),
    ("마취가 풀리면 통증이 있을 수 있으니 처방받은 진통제를 드세요.","A",set(), "lasek-care"),
    ("[해든치과] 다른 치과에서 찍은 CT가 있으면 이메일로 보내 주세요.","S",set(), "alimtalk-info"),
    ("주차권은 접수처에서 드립니다. 2시간 무료입니다.","A",set(), "alimtalk-info"),
    ("필러 시술 후 일주일간 엎드려 자지 마세요. 드물게 혈관이 막혀 피부색이 변하면 바로 연락 주세요.","A",set(), "mohw-checklist"),
    ("Your next appointment at Hadeun Dental is on May 3 at 2 PM. Reply 1 to confirm.","A",set(), "alimtalk-info"),
    ("If you notice sudden flashes or a curtain over your vision, come in immediately: it can cause permanent vision loss.","A",set(), "lasik-care"),
    ("{{ patient.name }}님은 2024년 5월 1일 광고성 정보 수신에 동의하셨습니다. 동의 유지 여부를 확인해 주세요.","A",set(), "kisa-label"),
    ("완전히 회복되기까지는 보통 3개월 정도 걸립니다. 그 전에는 무리한 운동을 피하세요.","A",set(), "lasik-faq"),
    ("[해든의원] 만 65세 이상은 독감 예방접종이 무료입니다(국가예방접종). 신분증을 지참하세요.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 오늘 시술은 최소 30분 정도 걸립니다.","A",set(), "alimtalk-info"),
    ("(광고) 해든치과 임플란트 상담 안내. 시술 후 염증, 감각 이상 등이 생길 수 있습니다. 무료수신거부 080-432-1003","F",set(), "mohw-checklist"),
    ("No. of tablets: 30. Take one after each meal.","A",set(), "alimtalk-info"),
    ("[해든안과] 저희는 후기 작성을 요청하는 문자를 보내지 않습니다. 사칭 문자에 주의하세요.","S",set(), "alimtalk-info"),
    ("해든안과 공지: 6월 6일 현충일은 휴진합니다.","A",set(), "alimtalk-info"),
    ("(광고) 해든한의원 추나요법 건강보험 적용 안내. 개인에 따라 효과가 다를 수 있습니다. 무료수신거부 080-432-1006","F",set(), "mohw-checklist"),
    ("[해든치과] 스케일링 후 이가 시릴 수 있으며 보통 1~2주 안에 좋아집니다.","S",set(), "lasek-care"),
    ("다른 곳이 아프시거나 열이 나면 진료 전에 말씀해 주세요.","A",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 다른 병원에서 치료 중이시면 드시는 약 목록을 가져와 주세요.","A",set(), "alimtalk-info"),
    ("이 안약을 먼저 넣고, 5분 뒤에 두 번째 안약을 넣으세요.","A",set(), "lasik-care"),
    ("수술 당일에는 보호자와 함께 오세요. 마취 후 운전은 절대 안 됩니다. Best regards, Hadeun Eye Clinic","A",set(), "lasik-care"),
    ("[해든의원] 건강검진 결과지를 우편으로 보내 드렸습니다.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 안약 넣는 방법을 영상으로 보실 수 있게 링크를 보내 드립니다.","A",set(), "lasik-care"),
    ("(광고) GLOW SKIN CLINIC 5월 진료 일정 안내. 무료수신거부 080-432-1004","F",set(), "kisa-label"),
    ("[해든안과] 수술비 결제가 완료되었습니다. 카드 영수증은 앱에서 확인하세요.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 처방 안약을 다 쓰셨다면 재진 예약을 잡아 주세요.","A",set(), "alimtalk-info"),
    ("(광고) 해든피부과 여름철 자외선 차단 안내 강좌를 엽니다. 무료수신거부 080-432-1002","F",set(), "mohw-checklist"),
    ("수술 후 일주일간은 세안 시 물이 눈에 들어가지 않게 하고, 보호안경을 꼭 쓰세요.","A",set(), "lasik-care"),
]  # fmt: skip


# ninth probe round (orthopaedics, women's health, obesity, hair, Korean medicine, English; written after the
# eighth-round frames and measured unseen at P 0.88 R 0.55 before the ninth-round frames)
_P = "(광고) 바른마디정형외과 {} ※ 치료 결과는 개인에 따라 다를 수 있으며 부작용이 발생할 수 있습니다. 무료수신거부 080-600-1000"
_Q = "(광고) 소담여성의원 {} 개인차가 있습니다. 무료수신거부 080-600-2000"
_R9 = "(광고) 날씬한의원 {} 부작용이 있을 수 있습니다. 무료수신거부 080-600-3000"
_T = "(광고) First Hair Clinic {} Results vary; side effects are possible. 무료수신거부 080-600-4000"
_U = "(광고) 숲속치과\n{}\n*개인에 따라 부작용이 있을 수 있습니다\n무료거부 080-600-5000"
PROBES_9: list[tuple[str, str, set[str], str]] = [
    # testimonials
    (_P.format("무릎 수술 후 손주와 산책하신다는 70대 어머님의 편지를 받았습니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_R9.format("3개월 만에 12kg을 감량한 30대 직장맘, 그 비결을 인터뷰했습니다."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_T.format("\"My hairline is back and so is my confidence.\" — Daniel, 41"),"F",{"MSA-TESTIMONIAL","MSA-APPEARANCE"}, "asa-cosmetic"),
    (_U.format("임플란트 하신 아버님께서 '이제 고기도 씹는다'며 웃으셨어요."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_Q.format("먼저 경험하신 분들의 진솔한 이야기를 홈페이지에 모았습니다."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_T.format("Watch Kevin's hair transplant journey, month by month."),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_R9.format("한약 다이어트로 인생이 바뀌었다는 고객님들의 메시지가 매일 도착합니다."),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_P.format("도수치료 받으신 환자분 왈, '허리가 이렇게 가벼울 수가!'"),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    # comparison / disparagement
    (_P.format("수술부터 권하는 병원이 불안하셨다면, 비수술 치료부터 시작하세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "mohw-checklist"),
    (_U.format("임플란트, 아무 데서나 하시면 안 됩니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_R9.format("이미 여러 한의원을 거쳐 오신 분들이 마지막으로 찾는 곳."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_T.format("Other clinics take 3 sessions. We need just one."),"F",{"MSA-COMPARISON"}, "asa-cosmetic"),
    (_Q.format("대학병원 수준의 검사를 동네에서 받으세요."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_U.format("저가 임플란트의 함정, 나중에 더 큰 비용이 듭니다."),"F",{"MSA-DEFAME"}, "dent-cases"),
    # inducement
    (_P.format("MRI 촬영 시 촬영비의 절반을 지원해 드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_R9.format("첫 달 한약값은 반만 받습니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_Q.format("산전 검사 패키지 39만 원 → 29만 원, 이번 주까지."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_T.format("First consultation on the house, plus 10% off any treatment booked this week."),"F",{"MSA-INDUCEMENT"}, "asa-bbl"),
    (_U.format("스케일링 오시는 분들께 구강 세정기를 선물로 드려요."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_R9.format("친구와 함께 등록하면 두 분 다 침 치료 5회 추가."),"F",{"MSA-INDUCEMENT"}, "referral-voucher"),
    (_P.format("지방에서 오시는 환자분께는 숙박비 일부를 지원합니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_T.format("Sign up today and we'll cover your first PRP session."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_Q.format("결제 금액의 10%를 다음 진료 때 쓰실 수 있게 돌려드립니다."),"F",{"MSA-INDUCEMENT"}, "sns-points"),
    (_U.format("교정 시작하시면 미백 1회를 덤으로 해 드립니다."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    # guarantees
    (_R9.format("감량 목표에 못 미치면 다음 달 한약은 저희가 부담합니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_T.format("Your hair will grow back. We promise."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_P.format("한 번 치료로 다시는 허리 통증 없는 삶."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    (_U.format("심은 임플란트가 빠지면 평생 무상으로 다시 심어 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_Q.format("누구든 반드시 효과를 보는 프로그램입니다."),"F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    (_T.format("Visible results in 30 days — or your money back."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    # safety
    (_P.format("칼을 대지 않아 부작용 걱정이 없는 무릎 치료."),"F",{"MSA-SAFETY-CLAIM"}, "yeoshin-kma"),
    (_U.format("잇몸을 째지 않아 통증이 거의 없습니다."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_T.format("Non-invasive, no needles, no pain."),"F",{"MSA-SAFETY-CLAIM"}, "asa-weight"),
    (_R9.format("천연 약재라 몸에 무리가 전혀 없습니다."),"F",{"MSA-SAFETY-CLAIM"}, "yeoshin-kma"),
    # celebrity / broadcast / footage
    (_P.format("프로축구 선수들의 재활을 책임지는 병원."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_R9.format("트로트 가수 ○○○ 님도 다이어트 한약을 드셨습니다."),"F",{"MSA-CELEBRITY"}, "celeb-seri"),
    (_T.format("The hair clinic trusted by Korea's top actors."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_Q.format("MBC 건강 다큐에 소개된 원장님이 진료합니다."),"F",{"MSA-ARTICLE-FORM","MSA-CELEBRITY"}, "mohw-checklist"),
    (_U.format("네이버 뉴스에도 실린 숲속치과의 무통 마취."),"F",{"MSA-ARTICLE-FORM","MSA-SAFETY-CLAIM"}, "mohw-checklist"),
    (_T.format("See the full FUE procedure on our YouTube channel."),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_P.format("관절내시경 수술 장면을 그대로 담은 영상 공개."),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    # other ad families
    (_Q.format("지역 1등 여성의원."),"F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    (_T.format("Korea's leading hair restoration experts."),"F",{"MSA-SUPERLATIVE"}, "aesthetic-violations"),
    (_U.format("업계 최초 3D 가이드 임플란트."),"F",{"MSA-SUPERLATIVE"}, "stibee-law"),
    (_R9.format("자체 개발 특허 한약으로 체지방만 쏙."),"F",{"MSA-UNVERIFIED","MSA-GUARANTEE"}, "mohw-checklist"),
    (_U.format("치과 교정 전문 병원."),"F",{"MSA-FAKE-TITLE"}, "ftc-2013"),
    (_T.format("Before and after: 12 months of results."),"F",{"MSA-BEFORE-AFTER"}, "asa-bbl"),
    (_R9.format("감량 전과 후 달라진 체형을 사진으로 확인하세요."),"F",{"MSA-BEFORE-AFTER"}, "ftc-fake-reviews"),
    (_Q.format("겨울방학 맞이 여대생 전용 검진 혜택."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_R9.format("뱃살 때문에 옷 고르기 힘드셨죠? 이제 자신 있게 입으세요."),"F",{"MSA-APPEARANCE"}, "yeoshin-kma"),
    (_U.format("구글 리뷰 5점 남겨 주시면 불소 도포를 무료로 해 드려요."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    ("(광고) First Hair Clinic FUE hair transplant consultations this month. 무료수신거부 080-600-4000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 날씬한의원 지방분해주사 상담 받아 보세요. 무료수신거부 080-600-3000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 바른마디정형외과 인공관절 수술 상담 안내. 무료수신거부 080-600-1000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    # health information in SMS
    ("[소담여성의원] {{ patient.name }}님 자궁경부 세포검사 재검이 필요합니다(ASC-US).","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[바른마디정형외과] {{ patient.name }}님 MRI상 회전근개 파열 소견으로 수술 상담이 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[소담여성의원] {{ patient.name }}님 임신 확인되었습니다. 6주 차입니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[날씬한의원] {{ patient.name }}님 체중 82.4kg, 체지방 35%로 측정되었습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("First Hair Clinic: {{ patient.name }}, your scalp biopsy confirmed alopecia areata.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[바른마디정형외과] 진단서(M17.1 원발성 무릎관절증) 발급 완료.","S",{"PII-HEALTH-IN-SMS"}, "kcd"),
    ("[숲속치과] {{ patient.name }}님 치주낭 깊이 6mm로 잇몸 수술이 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    # purpose
    ("[바른마디정형외과] 체외충격파 장비를 새로 갖췄습니다. 어깨 통증 있으시면 상담 오세요.","S",{"ADV-PURPOSE-MISMATCH"}, "kakao-ad-criteria"),
    ("{{ patient.name }}님, 소담여성의원에서 갱년기 클리닉을 시작합니다. 관심 있으시면 예약해 주세요.","A",{"KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("{{ patient.name }}님 새해 복 많이 받으세요! 올해도 숲속치과가 함께하겠습니다.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("[날씬한의원] 여름 오기 전, 지금 시작해야 8월에 달라집니다.","S",{"ADV-PURPOSE-MISMATCH"}, "sms-promo"),
    ("{{ patient.name }}님, 리뷰 이벤트에 참여해 주시면 추첨을 통해 상품권을 드립니다.","A",{"KAKAO-ALIMTALK-BLACKLIST","KAKAO-ALIMTALK-PROMO","MSA-INDUCEMENT","MSA-REVIEW-INCENTIVE"}, "alimtalk-2604"),
    ("First Hair Clinic: introducing our new scalp care program, ask us at your next visit!","S",{"ADV-PURPOSE-MISMATCH"}, "kakao-ad-criteria"),
    ("{{ patient.name }}님, 치료 끝나고 2주 지났는데 잇몸은 좀 괜찮으세요?","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("{{ patient.name }}님, 숲속치과 2호점이 판교에 문을 열었습니다.","A",{"KAKAO-ALIMTALK-PROMO"}, "kakao-ad-criteria"),
    # clean traps
    ("{{ patient.name }}님, 무릎 주사 후 이틀간은 목욕을 피하세요. 주사 부위가 붓고 열이 나면 바로 연락 주세요.","A",set(), "lasik-care"),
    ("[바른마디정형외과] 깁스 안쪽이 가렵더라도 물건을 넣어 긁지 마세요. 피부가 상하면 영구 흉터가 남을 수 있습니다.","S",set(), "lasik-care"),
    ("오늘 최고 기온 35도, 한약은 서늘한 곳에 보관하세요.","A",set(), "lasik-care"),
    ("[소담여성의원] 진료순서 No. 8, 잠시만 기다려 주세요.","S",set(), "alimtalk-info"),
    ("[숲속치과] 치과 치료비는 연말정산 의료비 공제 대상입니다. 영수증을 보관하세요.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 다른 병원에서 드시는 약이 있으면 처방전을 가져와 주세요.","A",set(), "alimtalk-info"),
    ("(광고) First Hair Clinic 5월 진료 시간 안내: 토요일 오후 휴진. 무료수신거부 080-600-4000","F",set(), "kisa-label"),
    ("(광고) 날씬한의원 다이어트 한약 상담 안내. 복용 중 두근거림·불면이 생길 수 있습니다. 무료수신거부 080-600-3000","F",set(), "mohw-checklist"),
    ("(광고) 숲속치과 임플란트 상담 안내 ※부작용 有 무료수신거부 080-600-5000","F",set(), "mohw-checklist"),
    ("수술 후 3일간은 가장 붓기가 심할 수 있습니다. 얼음찜질을 해 주세요.","A",set(), "lasik-care"),
    ("[바른마디정형외과] 실손보험 청구에 필요한 진료비 세부내역서를 발급해 드렸습니다.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 검사 결과는 문자로 알려드리지 않습니다. 다음 진료 때 설명드립니다.","A",set(), "medical-info"),
    ("Please arrive 15 minutes early. Parking is free for 2 hours with validation.","A",set(), "alimtalk-info"),
    ("If your wound becomes red, hot or painful, call us: untreated infection can cause lasting damage.","A",set(), "lasik-care"),
    ("[소담여성의원] 국가 암검진 대상자는 자궁경부암 검진 비용이 무료입니다(국민건강보험 지원).","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 도수치료는 최소 하루 전까지 예약 변경이 가능합니다.","A",set(), "alimtalk-info"),
    ("임플란트 수술 후에는 반드시 처방된 항생제를 끝까지 드세요.","A",set(), "lasek-care"),
    ("[숲속치과] 다른 곳이 아프시면 진료 때 함께 말씀해 주세요.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 광고성 정보 수신 동의 2년이 지나 재확인 안내드립니다. 유지를 원치 않으시면 080-600-5000으로 알려 주세요.","A",set(), "kisa-label"),
    ("한약 복용 중 설사나 복통이 심하면 복용을 멈추고 연락 주세요. 드물게 간 기능에 영향이 있을 수 있습니다.","A",set(), "lasik-care"),
    ("(광고) BARUN MADI ORTHOPEDICS 물리치료실 운영 시간 변경 안내. 무료수신거부 080-600-1000","F",set(), "kisa-label"),
    ("{{ patient.name }}님 진료비 12,300원이 카드로 결제되었습니다.","A",set(), "alimtalk-info"),
    ("수술 동의서의 부작용 항목(감염, 신경 손상, 재수술 가능성)을 꼭 읽어 보세요.","A",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 다음 주 월요일 오전 10시 재진 예약입니다. 변경은 02-600-1000.","A",set(), "alimtalk-info"),
    ("[날씬한의원] 택배로 보내 드린 한약이 오늘 도착합니다. 받으시면 냉장 보관하세요.","S",set(), "alimtalk-info"),
    ("수술 당일 보호자가 함께 오셔야 합니다. 전신마취 후 24시간은 운전하지 마세요.","A",set(), "lasik-care"),
]  # fmt: skip


# tenth probe round (whole realistic messages of five clinics; written after the ninth-round frames and measured
# unseen at P 0.92 R 0.57 before the tenth-round frames)
PROBES_10: list[tuple[str, str, set[str], str]] = [
    ("(광고) [라움피부과]\n벌써 여름이 코앞이죠?\n작년 여름 제모 받으신 고객님들이 '올해는 면도기 안 샀다'고 하시네요 ^^\n부작용이 있을 수 있습니다.\n무료수신거부 080-700-1000","F",{"MSA-TESTIMONIAL"}, "review-blog"),
    ("(광고) 라움피부과입니다. 이번 주 토요일까지 예약하신 분께 재생크림 미니어처를 챙겨 드려요. 시술 후 붉어짐이 있을 수 있습니다. 무료수신거부 080-700-1000","F",{"MSA-INDUCEMENT"}, "lure-cases"),
    ("(광고) 라움피부과 🌸 봄맞이 피부 리셋 🌸 기미·잡티, 이번에 확실히 끝내세요! 개인에 따라 결과가 다를 수 있습니다. 무료수신거부 080-700-1000","F",{"MSA-GUARANTEE"}, "yeoshin-kma"),
    ("(광고) 라움피부과\n피부과 쇼핑 이제 그만!\n여기저기 다녀봐도 효과 없으셨던 분들 상담 오세요.\n부작용 발생 가능\n무료수신거부 080-700-1000","F",{"MSA-COMPARISON"}, "stibee-law"),
    ("(광고) 라움피부과 인스타 팔로워 1만 명 돌파 기념! 팔로우 인증하시면 LED 관리 1회 무료. 부작용이 있을 수 있습니다. 무료수신거부 080-700-1000","F",{"MSA-INDUCEMENT"}, "sns-points"),
    ("(광고) 하나로안과 ✔ 대학병원 출신 전문의 ✔ 정밀검사 40여 항목 ✔ 수술 후 1년 무상 관리. 개인에 따라 부작용이 발생할 수 있습니다. 무료수신거부 080-700-2000","F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    ("(광고) 하나로안과 \"수술 다음 날 출근했어요!\" 시력교정 고객님 말씀처럼, 빠른 회복을 경험하세요. 부작용이 있을 수 있습니다. 무료수신거부 080-700-2000","F",{"MSA-TESTIMONIAL","MSA-SAFETY-CLAIM"}, "dent-cases"),
    ("(광고) 하나로안과 녹내장·백내장 검진 주간입니다. 50세 이상이시라면 이번 기회에 검진받아 보세요. 무료수신거부 080-700-2000","F",set(), "mohw-checklist"),
    ("(광고) 하나로안과 드림렌즈, 성장기 아이 시력 관리의 정답! 개인차가 있습니다. 무료수신거부 080-700-2000","F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    ("(광고) 하나로안과 유명 안과 체인보다 30만 원 저렴한 스마일라식. 부작용이 있을 수 있습니다. 무료수신거부 080-700-2000","F",{"MSA-COMPARISON"}, "stibee-law"),
    ("(광고) 튼튼치과 임플란트 상담 오시면 치아 스케일링을 무상으로 해 드립니다. 시술 후 통증·부기가 있을 수 있습니다. 무료수신거부 080-700-3000","F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    ("(광고) 튼튼치과 원장님이 직접 치료받은 환자분들께 감사 문자를 받는 치과. 부작용이 있을 수 있습니다. 무료수신거부 080-700-3000","F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    ("(광고) 튼튼치과 치과 공포증 있으셔도 괜찮아요. 자는 동안 끝나는 수면 임플란트, 아픈 기억 없이. 부작용이 있을 수 있습니다. 무료수신거부 080-700-3000","F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    ("(광고) 튼튼치과 SBS 뉴스에 나온 그 치과! 부작용이 있을 수 있습니다. 무료수신거부 080-700-3000","F",{"MSA-ARTICLE-FORM"}, "mohw-checklist"),
    ("(광고) 튼튼치과 교정 전문의 3인이 책임지고 끝까지! 치아가 다시 틀어지면 재교정 비용을 받지 않습니다. 부작용이 있을 수 있습니다. 무료수신거부 080-700-3000","F",{"MSA-GUARANTEE"}, "stibee-law"),
    ("(광고) 미래한방병원 교통사고 후유증, 자동차보험으로 본인 부담 없이 치료받으세요. 개인차가 있습니다. 무료수신거부 080-700-4000","F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    ("(광고) 미래한방병원 입원하시는 분께 보양식 도시락을 매일 드립니다. 개인차가 있습니다. 무료수신거부 080-700-4000","F",{"MSA-INDUCEMENT"}, "lure-cases"),
    ("(광고) 미래한방병원 병원에서 포기하라던 허리, 한방으로 다시 걷게 되었습니다 - 60대 김○○님. 개인차가 있습니다. 무료수신거부 080-700-4000","F",{"MSA-TESTIMONIAL","MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    ("(광고) 미래한방병원 국내 최대 규모 한방 척추센터. 개인차가 있습니다. 무료수신거부 080-700-4000","F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    ("(광고) Luna Aesthetic Clinic Spring glow-up! 25% off all skin boosters until March 31. Side effects may occur. 무료수신거부 080-700-5000","F",{"MSA-INDUCEMENT"}, "asa-bbl"),
    ("(광고) Luna Aesthetic Clinic Our Botox is gentle, quick and totally risk-free. 무료수신거부 080-700-5000","F",{"MSA-SAFETY-CLAIM","MSA-OMIT-RISK"}, "asa-weight"),
    ("(광고) Luna Aesthetic Clinic Join the 10,000+ happy clients who trust us with their skin. Side effects may occur. 무료수신거부 080-700-5000","F",{"MSA-TESTIMONIAL"}, "aesthetic-violations"),
    ("(광고) Luna Aesthetic Clinic The gold standard in lip filler. Side effects may occur. 무료수신거부 080-700-5000","F",{"MSA-SUPERLATIVE"}, "aesthetic-violations"),
    ("(광고) Luna Aesthetic Clinic Refer two friends and your next filler is on the house. Side effects may occur. 무료수신거부 080-700-5000","F",{"MSA-INDUCEMENT"}, "referral-voucher"),
    # informational channels
    ("[하나로안과] {{ patient.name }}님 망막 사진에서 출혈 소견이 보여 빠른 내원이 필요합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[튼튼치과] {{ patient.name }}님 충치 4개, 신경치료 1개 진행 예정입니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[미래한방병원] {{ patient.name }}님 간 기능 수치(AST 120)가 높아 한약 복용을 중단합니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("Luna Aesthetic Clinic: {{ patient.name }}, your patch test was positive for lidocaine allergy.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[하나로안과] {{ patient.name }}님 당뇨망막병증 레이저 치료 2차 예약 안내드립니다.","S",{"PII-HEALTH-IN-SMS"}, "glaucoma-codes"),
    ("{{ patient.name }}님, 라움피부과에서 새로 선보이는 '물광 리프팅' 체험 예약을 받고 있어요.","A",{"KAKAO-ALIMTALK-PROMO","MSA-OMIT-RISK"}, "alimtalk-review"),
    ("{{ patient.name }}님, 하나로안과 개원 10주년을 맞아 감사 인사 드립니다. 늘 건강하세요.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("[튼튼치과] 우리 아이 첫 치과, 튼튼치과 키즈존에서 즐겁게 시작하세요!","S",{"ADV-PURPOSE-MISMATCH"}, "sms-promo"),
    ("{{ patient.name }}님, 지난 진료 만족하셨나요? 별점을 남겨 주시면 큰 힘이 됩니다.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    ("[미래한방병원] 다이어트 한약 3개월분 구매 시 1개월분 추가 증정","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT"}, "lure-cases"),
    ("Luna Aesthetic Clinic: thank you for your visit! Book your next appointment within 30 days and save 15%.","S",{"ADV-PURPOSE-MISMATCH","MSA-INDUCEMENT"}, "asa-bbl"),
    # clean traps
    ("{{ patient.name }}님, 내일 오후 3시 라움피부과 레이저 시술 예약입니다. 시술 부위 화장은 지우고 오세요.","A",set(), "alimtalk-info"),
    ("[하나로안과] {{ patient.name }}님 검사 결과 확인을 위해 다음 주 내원 부탁드립니다.","S",set(), "medical-info"),
    ("{{ patient.name }}님, 수술 후 3개월간은 눈을 비비지 마세요. 각막에 충격이 가면 시력이 영구적으로 떨어질 수 있습니다.","A",set(), "lasik-care"),
    ("[튼튼치과] 임시 치아가 빠지면 버리지 말고 가져오세요. 다음 진료 때 다시 붙여 드립니다.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 한약은 식후 30분에 드세요. 드시는 동안 술은 피해 주세요.","A",set(), "alimtalk-info"),
    ("(광고) 라움피부과 6월 휴진 안내: 6월 3일(화) 대체공휴일 휴진합니다. 무료수신거부 080-700-1000","F",set(), "kisa-label"),
    ("(광고) Luna Aesthetic Clinic Our opening hours change from May 1. 무료수신거부 080-700-5000","F",set(), "kisa-label"),
    ("(광고) 하나로안과 백내장 수술 상담 안내. 수술 후 안구건조, 빛번짐, 감염 등 부작용이 있을 수 있습니다. 무료수신거부 080-700-2000","F",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 진료비 영수증을 이메일로 보내 드렸습니다. 다른 병원 진료 시 참고하세요.","A",set(), "alimtalk-info"),
    ("[미래한방병원] 교통사고 치료 시 보험사 접수번호를 알려 주세요. 본인부담금은 보험 처리 결과에 따라 안내드립니다.","S",set(), "alimtalk-info"),
    ("최고 기온이 30도를 넘는 날에는 수술 부위를 시원하게 유지하세요.","A",set(), "lasik-care"),
    ("{{ patient.name }}님, 예약하신 스케일링은 건강보험이 적용되어 본인부담금이 약 1만 5천 원입니다.","A",set(), "alimtalk-info"),
    ("Reminder: your appointment at Luna Aesthetic Clinic is on Friday at 11 AM. Please avoid alcohol 24 hours before.","A",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 처방받으신 연고를 하루 두 번 바르시고 증상이 나아지지 않으면 다시 내원해 주세요.","A",set(), "alimtalk-info"),
    ("[튼튼치과] 치료 후 마취가 풀릴 때까지 2시간 정도는 식사를 피해 주세요. 볼을 깨물 수 있습니다.","S",set(), "lasek-care"),
    ("{{ patient.name }}님, 병원 이전으로 6월부터 3층 진료실에서 진료합니다. 엘리베이터를 이용해 주세요.","A",set(), "alimtalk-info"),
    ("[하나로안과] 산동검사 후 4~6시간은 눈부심이 있어 운전이 어렵습니다. 보호자와 함께 오세요.","S",set(), "lasik-care"),
]  # fmt: skip


# eleventh probe round (casual SNS tone, questions, emoji, mixed Korean–English; written after the tenth-round
# frames and measured unseen at P 0.92 R 0.52 before the eleventh-round frames)
_A1 = "(광고) 온새미로피부과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-800-1000"
_A2 = "(광고) 새봄안과 {} 개인에 따라 부작용이 발생할 수 있습니다. 무료수신거부 080-800-2000"
_A3 = "(광고) Bloom Dental {} Side effects may occur. 무료수신거부 080-800-3000"
PROBES_11: list[tuple[str, str, set[str], str]] = [
    (_A1.format("언니들 이거 실화예요?? 토닝 5번 만에 기미가 싹 😍 (고객님 DM 중)"),"F",{"MSA-TESTIMONIAL","MSA-GUARANTEE"}, "review-blog"),
    (_A1.format("\"친구들이 피부 좋아졌다고 난리예요\" 20대 고객님의 한마디"),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_A2.format("라식 3년 차 간호사 쌤이 알려주는 솔직 회복기 🎥"),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_A3.format("Our patient Sarah went from hiding her smile to beaming in every photo!"),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_A1.format("피부과 유목민 졸업하세요. 여기서 끝냅니다."),"F",{"MSA-COMPARISON","MSA-GUARANTEE"}, "stibee-law"),
    (_A2.format("다른 데서 라식 불가 판정 받으셨어도 일단 오세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    # disparages how other clinics treat patients (RULES.md MSA-DEFAME: "other clinics or their methods"): both
    (_A3.format("Tired of clinics that rush you? We take our time."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "asa-cosmetic"),
    (_A1.format("원가 공개! 슈링크 300샷 39만 원"),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_A1.format("이번 달 생일이신 분, 아쿠아필 1회 쏩니다 🎁"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_A2.format("가족 모두 검사받으시면 아이 검사비는 저희가 낼게요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_A3.format("New patients: exam, X-rays and cleaning for just $49 (usually $250)."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_A3.format("Bring this message and get a free whitening kit."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_A1.format("선착순 30분만! 리프팅 첫 체험가 9.9만"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_A2.format("안 보이면 끝까지 책임집니다. 재수술까지 OK."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_A3.format("A smile that lasts a lifetime — guaranteed."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_A1.format("효과 보장 못 하면 시작도 안 합니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_A2.format("눈 감았다 뜨면 끝! 아픔 제로 🙌"),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_A3.format("100% painless, guaranteed comfort."),"F",{"MSA-SAFETY-CLAIM","MSA-GUARANTEE"}, "asa-weight"),
    (_A1.format("요즘 핫한 뷰티 유튜버 ○○님 다녀가셨어요 💕"),"F",{"MSA-CELEBRITY"}, "youtube-surgery"),
    (_A2.format("아나운서들이 많이 찾는 안과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_A3.format("The dentist behind K-pop's brightest smiles."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_A1.format("시술 과정 100% 공개! 유튜브 '온새미로TV'에서 확인"),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_A2.format("서울 최고 수준의 장비."),"F",{"MSA-SUPERLATIVE"}, "yeoshin-kma"),
    (_A3.format("Voted #1 dentist in Seoul."),"F",{"MSA-SUPERLATIVE"}, "aesthetic-violations"),
    (_A1.format("인스타 후기 올려주시면 다음 시술 10% 빼드려요!"),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_A1.format("전후 비교 보시면 깜짝 놀라실 거예요 👀"),"F",{"MSA-BEFORE-AFTER"}, "ftc-fake-reviews"),
    ("(광고) Bloom Dental Invisalign consultations now open. 무료수신거부 080-800-3000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("[새봄안과] {{ patient.name }}님 안압 좌 28 우 26으로 높게 나왔어요. 안약 꼭 넣으세요.","S",{"PII-HEALTH-IN-SMS"}, "glaucoma-codes"),
    ("[온새미로피부과] {{ patient.name }}님 조직검사상 지루각화증으로 확인되었습니다.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("Bloom Dental: {{ patient.name }}, the X-ray shows decay on two molars.","S",{"PII-HEALTH-IN-SMS"}, "medical-info"),
    ("[새봄안과] {{ patient.name }}님 시야검사 결과 녹내장 진행이 확인돼 약을 바꿔 드렸습니다.","S",{"PII-HEALTH-IN-SMS"}, "glaucoma-codes"),
    ("{{ patient.name }}님, 온새미로피부과 카톡 친구만을 위한 깜짝 혜택이 도착했어요!","A",{"KAKAO-ALIMTALK-PROMO"}, "kakao-ad-criteria"),
    ("[새봄안과] 노안이 시작되셨나요? 이제 돋보기 대신 노안 수술을 고민해 보세요.","S",{"ADV-PURPOSE-MISMATCH","MSA-OMIT-RISK"}, "sms-promo"),
    ("{{ patient.name }}님, Bloom Dental 블로그에 새 글이 올라왔어요. 구경 오세요!","A",{"KAKAO-ALIMTALK-BLACKLIST","KAKAO-ALIMTALK-PROMO"}, "alimtalk-review"),
    ("{{ patient.name }}님, 시술 후 일주일, 피부 컨디션은 어떠세요? 궁금한 점 있으면 답장 주세요.","A",{"KAKAO-ALIMTALK-BLACKLIST"}, "alimtalk-review"),
    # clean traps
    ("{{ patient.name }}님, 토닝 후 3일은 각질 제거제와 사우나를 피하세요. 자외선 차단은 필수!","A",set(), "lasik-care"),
    ("[새봄안과] 최고 안압이 30을 넘으면 응급 내원 기준입니다. 두통·구토가 있으면 바로 오세요.","S",set(), "glaucoma-codes"),
    ("(광고) Bloom Dental 추석 연휴 진료 안내: 9/16~18 휴진. 무료수신거부 080-800-3000","F",set(), "kisa-label"),
    ("(광고) 온새미로피부과 레이저 상담 안내. 시술 후 홍조, 가려움이 생길 수 있습니다. 무료수신거부 080-800-1000","F",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 다른 안과에서 처방받은 안약이 있으면 함께 가져오세요.","A",set(), "alimtalk-info"),
    ("Bloom Dental: your cleaning is booked for Tue 10:30. Reply C to cancel.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 진료비 45,000원 결제 완료. 실비 청구 서류는 앱에서 받으세요.","A",set(), "alimtalk-info"),
    ("수술 후 1주일은 눈에 물이 들어가지 않게 하세요. 감염되면 시력이 영구적으로 나빠질 수 있어요.","A",set(), "lasik-care"),
    ("[온새미로피부과] 주차는 건물 지하 2층, 2시간 무료입니다.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 가장 가까운 약국은 1층 온누리약국입니다.","A",set(), "alimtalk-info"),
]  # fmt: skip


# twelfth probe round (rules3: the MSA families issue 17 lists — testimonial without 후기, implied comparison and
# defamation, inducement without 할인, guarantee without 보장, celebrity by role, review rewards without 후기,
# English procedure names, students; written before the twelfth-round rules and scored on main's rules first: P 0.977 R 0.623)
_C1 = "(광고) 맑은눈안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-901-1000"
_C2 = "(광고) 리본성형외과 {} 수술 후 붓기·멍 등 부작용이 생길 수 있습니다. 무료수신거부 080-901-2000"
_C3 = "(광고) 담결피부과 {} 개인에 따라 결과가 다를 수 있습니다. 무료수신거부 080-901-3000"
_C4 = "(광고) 웃음치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-901-4000"
_C5 = "(광고) Lumi Aesthetic Clinic {} Side effects and results vary. 무료수신거부 080-901-5000"
PROBES_12: list[tuple[str, str, set[str], str]] = [
    # testimonial without 후기
    (_C1.format("\"안경 없이 아침을 맞는 게 이렇게 좋을 줄 몰랐어요\" - 스마일라식 3개월 차 직장인"),"F",{"MSA-TESTIMONIAL"}, "ftc-fake-reviews"),
    (_C2.format("코 성형 6개월, 고객님이 직접 쓴 회복 노트를 공개합니다."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_C3.format("여드름 흉터로 10년 고생하신 분이 보내주신 카톡 캡처 🙏"),"F",{"MSA-TESTIMONIAL"}, "ftc-fake-reviews"),
    (_C4.format("임플란트 하신 70대 어르신 왈, 이제 갈비도 뜯으신답니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_C5.format("“I finally love my nose,” says one of our rhinoplasty patients."),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_C2.format("눈 수술받은 승무원 김○○님의 솔직 인터뷰 영상 공개"),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_C3.format("피코토닝 받은 지 한 달, 회사 동료들이 먼저 알아봤대요!"),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_C1.format("노안 수술 받으신 어머님께서 손주 그림책을 다시 읽어주신다며 눈물을 보이셨어요."),"F",{"MSA-TESTIMONIAL"}, "ftc-fake-reviews"),
    # comparison / defame with implied providers
    (_C1.format("이미 세 군데서 상담받고 오셨다면, 저희 검사가 왜 2시간인지 아실 겁니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_C2.format("다른 곳에서 망친 코, 리본에서 바로잡습니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_C3.format("싸게 받았다가 화상 입고 오시는 분들이 많습니다. 제대로 받으세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_C4.format("공장형 치과에서 대충 심은 임플란트, 결국 다시 하게 됩니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_C5.format("Unlike high-street clinics, every treatment here is done by a doctor."),"F",{"MSA-COMPARISON"}, "asa-cosmetic"),
    (_C1.format("강남 어느 안과보다 꼼꼼한 검사를 약속드립니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_C2.format("재수술 환자의 70%가 타원 수술 후 찾아오십니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    # inducement without 할인
    (_C3.format("울쎄라 3회 결제하면 1회 더 해드려요!"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_C3.format("이번 주 상담 고객님께 LDM 1회 서비스로 넣어드립니다."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_C2.format("리프팅 첫 체험가 19만 원, 이달 말까지."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_C1.format("수술 당일 택시비는 저희가 드려요."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_C4.format("스케일링+불소 정가 12만 원 → 5만 9천 원"),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_C3.format("카톡 친구 추가만 해도 혜택이 쏟아집니다!"),"F",{"MSA-INDUCEMENT"}, "kakao-ad-criteria"),
    (_C4.format("검진 오시는 분 모두 전동칫솔 챙겨드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_C2.format("상담만 받아도 스타벅스 기프트카드를 드려요."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_C5.format("Book two areas, get the third on the house."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_C1.format("검안 비용은 받지 않습니다. 부담 없이 오세요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_C3.format("제모 5회권 구매 시 겨드랑이 평생 관리권 추가 증정"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_C4.format("지방 거주 환자분께 KTX 왕복 승차권을 지원합니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_C2.format("쌍꺼풀 원래 150만 원, 이번 달만 89만 원."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    # guarantee without 보장
    (_C3.format("한 번 빠진 지방은 다시 늘어나지 않습니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C1.format("단 1회 수술로 평생 안경과 이별하세요."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C3.format("여드름 완치될 때까지 책임지고 관리합니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C1.format("누구나 1.0 이상 시력을 되찾을 수 있습니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C4.format("임플란트 성공률 99.8%, 실패 걱정은 내려놓으세요."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C2.format("재수술률 0%에 도전합니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C5.format("Results that never fade. One session is all it takes."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_C3.format("기미, 다시는 올라오지 않게 뿌리까지 없애 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_C4.format("마음에 안 드시면 전액 환불해 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    # celebrity by role
    (_C2.format("미스코리아 출신 인플루언서가 선택한 윤곽 수술."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_C3.format("구독자 100만 먹방 유튜버도 관리받는 피부과."),"F",{"MSA-CELEBRITY"}, "youtube-surgery"),
    (_C4.format("현역 걸그룹 멤버의 치아 미백, 웃음치과에서 했습니다."),"F",{"MSA-CELEBRITY"}, "celeb-seri"),
    (_C1.format("프로야구 선수들이 시즌 전에 찾는 안과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_C5.format("Trusted by models and reality TV stars."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_C2.format("드라마 주연 배우 담당 원장이 직접 상담합니다."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    # review rewards without 후기
    (_C3.format("솔직 리뷰 남겨주시면 다음 방문 때 진정팩 1회 무료!"),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_C2.format("리본 서포터즈 3기 모집 — 시술비 전액 지원"),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_C4.format("인증샷 올리고 해시태그 달면 치약 세트 드려요."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_C1.format("네이버 영수증 리뷰 작성 시 인공눈물 1박스 증정."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_C3.format("시술 체험단 10명 모집! 블로그 포스팅 조건."),"F",{"MSA-REVIEW-INCENTIVE"}, "sns-points"),
    (_C5.format("Leave us a Google review and get 10% off your next visit."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "asa-medical"),
    # English procedure names without a risk notice
    ("(광고) 리본성형외과 Nose job 상담 주말에도 가능합니다. 무료수신거부 080-901-2000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) Lumi Aesthetic Clinic Botox and lip filler appointments open this Saturday. 무료수신거부 080-901-5000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 맑은눈안과 LASIK·LASEK 야간 상담 개시. 무료수신거부 080-901-1000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 리본성형외과 Double eyelid surgery consultations with Dr. Han. 무료수신거부 080-901-2000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) 웃음치과 Teeth whitening & veneers — call 02-555-0100. 무료수신거부 080-901-4000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    # students
    (_C1.format("수능 끝난 고3, 라식 25만 원에 모십니다."),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_C2.format("수험생이라면 쌍꺼풀 특별가 적용!"),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_C3.format("새내기 대학생 여드름 관리 1회 무료 체험"),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    # clean traps
    ("(광고) 맑은눈안과 백내장 수술 설명회 12월 14일(토) 오후 2시. 수술 후 안구건조·빛번짐 등 부작용과 개인차가 있을 수 있습니다. 무료수신거부 080-901-1000","F",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 오늘 받으신 코 수술 부위는 2주간 안경 착용을 피하세요. 붓기는 다시 나빠지지 않도록 냉찜질을 해 주세요.","A",set(), "lasik-care"),
    ("[웃음치과] 정기검진 안내: 스케일링은 연 1회 건강보험이 적용됩니다(본인부담 약 1만 5천 원).","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 다른 병원 진료 기록이나 복용 중인 약이 있으면 가져와 주세요.","A",set(), "alimtalk-info"),
    ("[담결피부과] 주차권은 접수처에서 드립니다. 택시 이용 시 정문 앞에서 내리세요.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 시술 후 붉은기는 누구나 2~3일 생길 수 있으며 대부분 저절로 가라앉습니다.","A",set(), "lasik-care"),
    ("[Lumi Aesthetic Clinic] Your filler follow-up is on Mon 3 pm. Reply 1 to confirm.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 완치될 때까지 처방받은 안약을 하루 4번 빠짐없이 넣어 주세요.","A",set(), "lasik-care"),
    ("(광고) 리본성형외과 연말 휴진 안내: 12/31~1/1. 진료 문의 02-555-2000. 무료수신거부 080-901-2000","F",set(), "kisa-label"),
    ("{{ patient.name }}님, 결제하신 진료비 영수증과 세부내역서는 앱에서 받으실 수 있습니다.","A",set(), "alimtalk-info"),
    ("(광고) 웃음치과 임플란트 비용 안내: 1개 120만 원(보철 포함). 잇몸 상태에 따라 부작용이 생길 수 있고 결과는 사람마다 다릅니다. 무료수신거부 080-901-4000","F",set(), "mohw-checklist"),
    ("[맑은눈안과] 수험생 시력검사 결과지는 접수처에서 받아 가세요.","S",set(), "alimtalk-info"),
]  # fmt: skip


# thirteenth probe round (rules3: the same MSA families in new wording, written after the twelfth-round frames and
# scored on them before any rule was written for it: P 0.960 R 0.480)
_D1 = "(광고) 온빛안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-902-1000"
_D2 = "(광고) 서연성형외과 {} ※ 붓기·멍·비대칭 등 부작용이 생길 수 있습니다. 무료수신거부 080-902-2000"
_D3 = "(광고) 고운결피부과 {} 시술 결과는 개인마다 다릅니다. 무료수신거부 080-902-3000"
_D4 = "(광고) 바른이치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-902-4000"
_D5 = "(광고) Aria Skin & Laser {} Results vary; side effects possible. 무료수신거부 080-902-5000"
PROBES_13: list[tuple[str, str, set[str], str]] = [
    (_D1.format("\"수술 다음 날 운전해서 출근했어요\" 30대 영업사원 최○○님"),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_D2.format("눈매교정 3주 차 환자분이 직접 보내주신 셀카, 인스타에 올렸어요."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_D3.format("리쥬란 맞으신 고객님 말씀이 화장이 먹는 게 다르대요."),"F",{"MSA-TESTIMONIAL"}, "review-blog"),
    (_D4.format("교정 끝낸 여고생이 처음으로 입 벌리고 웃었답니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_D5.format("“My skin hasn't looked this good in years” — Jenny, 34"),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_D1.format("다른 안과에서 라식 안 된다고 하셨던 분도 저희에선 가능했습니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_D2.format("어디서 했는지 티 나는 코, 서연은 다릅니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "stibee-law"),
    (_D3.format("저렴한 곳에서 받은 레이저로 색소가 더 짙어졌다면 상담 오세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_D4.format("신경치료, 아무 치과나 가면 몇 번을 다시 하게 됩니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_D5.format("Other clinics overfill. We never do."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "asa-cosmetic"),
    (_D1.format("근처 안과 세 곳 견적 비교해 보시고 오세요. 가격에서 놀라실 거예요."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_D3.format("피코토닝 10회 끊으시면 2회 더 얹어드려요."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_D3.format("이번 주 예약자에 한해 물광 1회 덤으로!"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_D2.format("상담 당일 수술 확정 시 수술비 100만 원 바로 차감"),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_D4.format("임플란트 하시는 분께 KTX·고속버스 차비 전액 드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_D1.format("검사만 받으셔도 선글라스 하나 챙겨 가세요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_D3.format("회원가 39,000원 (비회원 79,000원)"),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_D5.format("Your first laser facial is on us."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    (_D2.format("코·눈 동시 수술 시 눈 수술비는 받지 않아요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_D4.format("엄마 손 잡고 오면 아이 불소 도포는 공짜예요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_D1.format("한 번 교정하면 두 번 다시 안경 쓸 일 없습니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_D3.format("기미가 옅어질 때까지 무제한 관리해 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_D4.format("한 번 심으면 평생 쓰는 임플란트."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_D2.format("실패 없는 눈매교정, 서연의 약속입니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_D5.format("Visible results after just one treatment — every time."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_D1.format("환자 만족도 98.7%, 다음은 당신 차례입니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_D2.format("아이돌 연습생들 사이에서 입소문 난 코 성형."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_D3.format("드라마 촬영 전 여배우들이 찾는 관리 코스."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_D4.format("개그맨 ○○○씨 치아 라미네이트, 바른이치과 작품입니다."),"F",{"MSA-CELEBRITY"}, "celeb-seri"),
    (_D5.format("The go-to clinic for Seoul's top influencers."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_D3.format("네이버 블로그에 방문 글 올려주시면 LED 재생관리 1회 무료."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_D2.format("수술 과정 공개 모델 모집, 수술비 50% 지원."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT","MSA-SURGERY-SCENE"}, "sns-points"),
    (_D4.format("별 다섯 개 남겨주시면 스케일링 쿠폰 드려요."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_D5.format("Tag us on Instagram and get 15% off your next visit."),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "asa-medical"),
    ("(광고) 서연성형외과 Eyelid lift & nose job packages, consult today. 무료수신거부 080-902-2000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    ("(광고) Aria Skin & Laser Hydrafacial and microneedling now available. 무료수신거부 080-902-5000","F",{"MSA-OMIT-RISK"}, "mohw-checklist"),
    (_D1.format("수능 본 고3이라면 시력교정 상담 후 특별 혜택!"),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    (_D3.format("졸업 앞둔 학생들, 여드름 흉터 관리 반값!"),"F",{"MSA-STUDENT-LURE","MSA-INDUCEMENT"}, "student-50"),
    # clean traps
    ("{{ patient.name }}님, 다른 병원에서 받으신 수술 기록지가 있으면 내원 시 가져와 주세요.","A",set(), "alimtalk-info"),
    ("(광고) 고운결피부과 1월 진료 시간 변경: 토요일 오후 3시까지. 시술 결과는 개인마다 다릅니다. 무료수신거부 080-902-3000","F",set(), "kisa-label"),
    ("{{ patient.name }}님, 임플란트 수술 후 3일은 빨대 사용과 흡연을 피해 주세요. 다시 출혈이 생기지 않도록 거즈를 물고 계세요.","A",set(), "lasik-care"),
    ("[온빛안과] 수술비 결제 내역과 실손보험 청구 서류를 보내드립니다.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 다음 방문 때 드실 약은 처방전과 함께 드립니다.","A",set(), "alimtalk-info"),
    ("(광고) 바른이치과 비급여 진료비용 안내: 레진 1개 10만 원, 임플란트 1개 120만 원. 부작용이 있을 수 있습니다. 무료수신거부 080-902-4000","F",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 누구나 시술 후 1~2일은 붉어질 수 있으니 걱정하지 마세요.","A",set(), "lasik-care"),
    ("[서연성형외과] 상담 예약이 12/20(금) 11시로 확정되었습니다. 변경은 02-555-2000.","S",set(), "alimtalk-info"),
]  # fmt: skip


# fourteenth probe round (rules3: disparagement, guarantees, celebrities, testimonials in yet other wording; written
# after the thirteenth-round frames and scored on them before any rule was written for it: P 0.882 R 0.441)
_G1 = "(광고) 새빛안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-903-1000"
_G2 = "(광고) 미담성형외과 {} 붓기·멍 등 부작용이 있을 수 있습니다. 무료수신거부 080-903-2000"
_G3 = "(광고) 채움피부과 {} 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-903-3000"
_G4 = "(광고) 튼튼치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-903-4000"
_G5 = "(광고) Pure Smile Dental {} Individual results vary; risks apply. 무료수신거부 080-903-5000"
PROBES_14: list[tuple[str, str, set[str], str]] = [
    (_G1.format("렌즈삽입술 하고 싶어도 거절당하셨던 분들, 포기 전에 한 번만 더 오세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_G2.format("엉망이 된 코끝, 처음 수술한 곳에 다시 맡기시겠어요?"),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_G3.format("남들 다 하는 기계 시술로 효과 못 보셨다면, 채움은 접근이 다릅니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_G4.format("잇몸 다 망가뜨리는 과잉진료, 튼튼치과에는 없습니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_G5.format("Fixing botched veneers from other dentists is our specialty."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "asa-cosmetic"),
    (_G1.format("검사 10분 만에 끝내는 곳과 비교하지 마세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "stibee-law"),
    (_G2.format("다른 성형외과 견적서 가져오시면 그보다 낮게 맞춰 드려요."),"F",{"MSA-COMPARISON","MSA-INDUCEMENT"}, "stibee-law"),
    (_G3.format("여드름, 3개월 안에 안 좋아지면 관리비 전부 돌려드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_G1.format("수술 후 시력 1.0 안 나오면 끝까지 책임집니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_G4.format("한번 하면 끝! 잇몸 염증, 재발 걱정 안 하셔도 됩니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_G2.format("눈매교정, 결과로 증명합니다. 원하는 라인 반드시 만들어 드려요."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_G5.format("Perfect teeth in one visit. Every patient leaves smiling."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_G3.format("뱃살 지방분해, 안 빠지면 빠질 때까지 무료."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_G3.format("톱 여배우 피부 관리 담당 실장이 직접 관리해 드립니다."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_G2.format("○○ 드라마 여주인공도 여기서 눈 했다는 소문, 사실입니다."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_G4.format("국가대표 선수단 지정 치과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_G1.format("인기 유튜버 ○○님 라섹 브이로그에 나온 그 병원!"),"F",{"MSA-CELEBRITY","MSA-TESTIMONIAL"}, "youtube-surgery"),
    (_G5.format("As featured on a celebrity's Instagram story!"),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_G3.format("\"진작 올 걸 그랬어요\" 기미 관리 6회 차 40대 고객님"),"F",{"MSA-TESTIMONIAL"}, "ftc-fake-reviews"),
    (_G4.format("틀니 대신 임플란트 택하신 할머님, 요즘 딱딱한 것도 잘 드신다고 자랑하세요."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_G2.format("지방흡입 후 15kg 감량, 본인이 직접 전하는 변화 이야기를 들어보세요."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_G5.format("Read why 2,000 patients gave us five stars."),"F",{"MSA-TESTIMONIAL"}, "asa-cosmetic"),
    (_G1.format("수술 당일 영상, 유튜브 새빛TV에 올라갔어요."),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_G4.format("신규 환자 첫 스케일링 비용 저희가 대신 내드려요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_G3.format("3인 이상 함께 오시면 1인은 무료!"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_G2.format("수술하시는 분께 회복 기간 호텔 2박 제공."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_G5.format("Refer a friend and you both get $50 credit."),"F",{"MSA-INDUCEMENT"}, "asa-medical"),
    # clean traps
    ("{{ patient.name }}님, 다른 병원에서 찍은 CT가 있으면 파일로 보내 주세요. 검사를 중복하지 않도록 하겠습니다.","A",set(), "alimtalk-info"),
    ("(광고) 채움피부과 12월 휴진 안내 및 새 원장 부임 소식. 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-903-3000","F",set(), "kisa-label"),
    ("{{ patient.name }}님, 라식 후 시력이 안정될 때까지 1~3개월 정기검사를 꼭 받으세요.","A",set(), "lasik-care"),
    ("[튼튼치과] 임플란트 수술 후 출혈이 계속되면 거즈를 30분 더 물고 계시고, 멈추지 않으면 전화 주세요.","S",set(), "lasik-care"),
    ("{{ patient.name }}님, 증상이 좋아지지 않으면 예약 없이 바로 내원하셔도 됩니다.","A",set(), "alimtalk-info"),
    ("[Pure Smile Dental] Your crown is ready. Please book a fitting within 2 weeks.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 처방해 드린 연고는 상처가 아물 때까지 하루 2번 발라 주세요.","A",set(), "lasik-care"),
]  # fmt: skip


# fifteenth probe round (rules3: disparaging other methods — the ministry checklist's 비방광고: another method's side
# effects stressed while one's own is praised; written after the fourteenth-round frames, scored on them first: P 0.50 R 0.04)
_H1 = "(광고) 다온눈안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-904-1000"
_H2 = "(광고) 세움성형외과 {} 붓기·멍 등 부작용이 있을 수 있습니다. 무료수신거부 080-904-2000"
_H3 = "(광고) 맑음치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-904-3000"
_H4 = "(광고) 온결피부과 {} 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-904-4000"
PROBES_15: list[tuple[str, str, set[str], str]] = [
    (_H1.format("기존 라식은 각막을 깎아 건조증이 심하지만, 저희 방식은 다릅니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H2.format("절개법은 흉터와 긴 붓기로 고생하지만 비절개는 다음 날 출근 가능."),"F",{"MSA-COMPARISON","MSA-DEFAME","MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_H3.format("틀니는 잇몸뼈가 녹아내립니다. 이제 임플란트로 바꾸세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H4.format("일반 레이저는 색소침착 위험이 크지만, 온결의 토닝은 안전합니다."),"F",{"MSA-COMPARISON","MSA-DEFAME","MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_H3.format("철사 교정의 고통, 투명교정이면 끝."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H2.format("옛날 방식의 가슴 보형물, 구형 제품은 터질 위험이 있습니다. 세움은 최신 보형물만 씁니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H4.format("스테로이드 주사로 피부가 얇아진 분들, 온결 재생 관리로 오세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H1.format("안경은 눈을 더 나쁘게 만듭니다. 렌즈삽입술로 벗어나세요."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_H3.format("Traditional braces damage enamel — our clear aligners don't."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "asa-cosmetic"),
    (_H2.format("Old-school facelifts leave scars; our thread lift leaves none."),"F",{"MSA-COMPARISON","MSA-DEFAME","MSA-SAFETY-CLAIM"}, "asa-cosmetic"),
    # clean traps
    ("(광고) 세움성형외과 절개·비절개 쌍꺼풀 방식 설명회. 절개법은 흉터, 비절개는 풀림이 생길 수 있습니다. 무료수신거부 080-904-2000","F",set(), "mohw-checklist"),
    ("{{ patient.name }}님, 틀니는 밤에 빼서 세정제에 담가 두세요. 잇몸이 쉬어야 염증이 줄어듭니다.","A",set(), "lasik-care"),
    ("{{ patient.name }}님, 기존 안경은 수술 후에도 1주일간 보관해 주세요.","A",set(), "lasik-care"),
    ("(광고) 맑음치과 교정 방법 안내: 브라켓 교정과 투명교정의 기간·비용을 상담해 드립니다. 부작용이 있을 수 있습니다. 무료수신거부 080-904-3000","F",set(), "mohw-checklist"),
]  # fmt: skip


# sixteenth probe round (rules3: celebrity endorsements, guarantees as promises, safety claims and surgery footage in
# yet other wording; written after the fifteenth-round frames and scored on them first: P 0.71 R 0.31)
_J1 = "(광고) 고은안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-905-1000"
_J2 = "(광고) 라인성형외과 {} 붓기·멍 등 부작용이 있을 수 있습니다. 무료수신거부 080-905-2000"
_J3 = "(광고) 하얀피부과 {} 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-905-3000"
_J4 = "(광고) Bright Smile Dental {} Results vary; risks apply. 무료수신거부 080-905-4000"
PROBES_16: list[tuple[str, str, set[str], str]] = [
    (_J3.format("팔로워 80만 뷰티 크리에이터가 극찬한 물광 관리."),"F",{"MSA-CELEBRITY"}, "youtube-surgery"),
    (_J2.format("걸그룹 출신 방송인이 직접 고른 병원."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_J1.format("예능 출연진 여럿이 믿고 맡긴 시력교정."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_J4.format("Hollywood stars swear by our whitening."),"F",{"MSA-CELEBRITY"}, "asa-cosmetic"),
    (_J3.format("인기 BJ ○○님이 애용하는 리프팅!"),"F",{"MSA-CELEBRITY"}, "youtube-surgery"),
    (_J2.format("원하는 라인, 결과로 약속드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_J1.format("노안, 근본부터 해결해 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_J3.format("아토피 완치시켜 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_J4.format("We stand behind every smile we create — results you'll love or we'll redo it."),"F",{"MSA-GUARANTEE"}, "asa-guaranteed"),
    (_J2.format("결과에 자신 있습니다. 확실한 변화를 경험하세요."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_J1.format("통증 걱정 없이 10분이면 끝나는 스마일라식."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_J3.format("멍·붓기 없는 리프팅, 점심시간에 받고 바로 복귀."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_J2.format("흉터 걱정 끝! 보이지 않는 절개."),"F",{"MSA-SAFETY-CLAIM"}, "dent-cases"),
    (_J4.format("Totally risk-free implants with zero recovery time."),"F",{"MSA-SAFETY-CLAIM"}, "asa-weight"),
    (_J2.format("코 성형 전 과정을 인스타 라이브로 생중계합니다."),"F",{"MSA-SURGERY-SCENE"}, "youtube-surgery"),
    (_J3.format("원장님이 직접 시술하는 모습, 틱톡 풀영상 공개!"),"F",{"MSA-SURGERY-SCENE"}, "celebrity-video"),
    # clean traps
    ("{{ patient.name }}님, 수술 당일은 보호자와 함께 오시고, 통증이 심하면 처방받은 진통제를 드세요.","A",set(), "lasik-care"),
    ("(광고) 하얀피부과 1월 휴진 안내: 1/1~1/2. 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-905-3000","F",set(), "kisa-label"),
    ("{{ patient.name }}님, 상처가 완전히 아물 때까지 물에 닿지 않게 해 주세요.","A",set(), "lasik-care"),
    ("[고은안과] 수술 동의서와 주의사항 영상을 카카오톡으로 보내드렸습니다. 수술 전 꼭 확인해 주세요.","S",set(), "alimtalk-info"),
]  # fmt: skip


# seventeenth probe round (rules3: whole multi-sentence messages mixing testimonials, guarantees, inducements and
# comparisons; written after the sixteenth-round frames and scored on them first: P 1.00 R 0.53)
_L1 = "(광고) 은하수안과\n{}\n※ 부작용·개인차가 있을 수 있습니다.\n무료수신거부 080-906-1000"
_L2 = "(광고) 봄날성형외과\n{}\n※ 붓기·멍 등 부작용이 있을 수 있습니다.\n무료수신거부 080-906-2000"
_L3 = "(광고) 새결피부과\n{}\n※ 효과는 개인마다 다를 수 있습니다.\n무료수신거부 080-906-3000"
_L4 = "(광고) 가온치과\n{}\n※ 부작용이 있을 수 있습니다.\n무료수신거부 080-906-4000"
PROBES_17: list[tuple[str, str, set[str], str]] = [
    (_L1.format("작년 이맘때 수술하신 간호사 선생님이 그러시더라고요. 진작 할 걸 그랬다고요.\n올해도 12월 한 달, 검사비는 받지 않습니다."),"F",{"MSA-TESTIMONIAL","MSA-INDUCEMENT"}, "ftc-fake-reviews"),
    (_L2.format("쌍꺼풀 풀리면 몇 번이든 다시 해 드립니다.\n지금 예약하시면 붓기 관리 3회 포함!"),"F",{"MSA-GUARANTEE","MSA-INDUCEMENT"}, "stibee-law"),
    (_L3.format("여기저기 돈만 쓰고 효과 없으셨죠?\n새결은 첫 달 안에 달라진 피부를 보여 드립니다."),"F",{"MSA-COMPARISON","MSA-DEFAME","MSA-GUARANTEE"}, "stibee-law"),
    (_L4.format("치과 공포증 있던 30대 직장인도 '잠깐 졸고 나니 끝났다'고 하셨어요.\n수면 임플란트 상담은 언제든 환영합니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_L1.format("라섹 후 3일이면 일상 복귀!\n친구와 함께 예약하면 두 분 다 검사비 면제."),"F",{"MSA-SAFETY-CLAIM","MSA-INDUCEMENT"}, "dent-cases"),
    (_L3.format("한 달에 커피 두 잔 값으로 받는 관리.\n첫 회는 저희가 쏩니다."),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_L2.format("다른 데서 견적 받고 고민 중이세요?\n봄날은 수술비에 사후관리까지 전부 포함입니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_L4.format("임플란트 1개 값으로 2개를 심을 수 있는 마지막 기회.\n이번 주 금요일 마감."),"F",{"MSA-INDUCEMENT"}, "dent-cases"),
    (_L3.format("피부 고민 20년, 이제 끝내세요.\n새결 레이저면 누구나 맑은 피부가 됩니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_L1.format("환자분들이 남겨주신 손편지가 벌써 500장이 넘었습니다.\n감사합니다."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_L2.format("지방흡입 1부위 가격에 2부위까지.\n회복 기간 동안 숙소도 무료로 잡아 드립니다."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_L4.format("교정 중 장치 떨어지면 몇 번이든 무상 재부착.\n결과 마음에 안 드시면 교정비 절반 돌려드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    # clean traps
    (_L1.format("12월 진료 안내\n평일 9시~18시, 토요일 9시~13시\n백내장 수술 상담은 예약제로 운영합니다."),"F",set(), "kisa-label"),
    ("{{ patient.name }}님, 지난번 검사 결과 설명을 위해 다음 주 중 내원 부탁드립니다.\n예약 변경은 02-555-0100.","A",set(), "alimtalk-info"),
    (_L4.format("설 연휴 응급 진료 안내\n1/28 오전 진료, 1/29~30 휴진\n통증이 심하면 가까운 응급실을 이용하세요."),"F",set(), "kisa-label"),
    ("{{ patient.name }}님, 수술 후 2주 동안은 사우나와 음주를 피해 주세요.\n붓기가 오래가면 연락 주세요.","A",set(), "lasik-care"),
]  # fmt: skip


# eighteenth probe round (rules3: every MSA family once more, written after all earlier rounds' frames and scored
# on them first: P 0.82 R 0.47)
_M1 = "(광고) 푸른빛안과 {} 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-907-1000"
_M2 = "(광고) 예쁨성형외과 {} 붓기·멍 등 부작용이 있을 수 있습니다. 무료수신거부 080-907-2000"
_M3 = "(광고) 수피부과 {} 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-907-3000"
_M4 = "(광고) 미소가득치과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-907-4000"
PROBES_18: list[tuple[str, str, set[str], str]] = [
    (_M1.format("수술 1년 차 환자분이 보내온 사진 한 장: 안경 없이 떠난 첫 스노클링."),"F",{"MSA-TESTIMONIAL"}, "influencer"),
    (_M3.format("기미 때문에 사진 찍기 싫다던 어머님, 이번 가족사진은 먼저 찍자고 하셨대요."),"F",{"MSA-TESTIMONIAL"}, "dent-cases"),
    (_M2.format("코끝이 들려 재수술만 두 번, 그 마음 저희가 압니다. 이번엔 마지막이 되도록."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_M4.format("싸다고 아무 데서나 심으셨다가 잇몸 내려앉으면 돌이키기 어렵습니다."),"F",{"MSA-COMPARISON","MSA-DEFAME"}, "dent-cases"),
    (_M1.format("다른 곳은 20분, 저희는 2시간 검사합니다."),"F",{"MSA-COMPARISON"}, "stibee-law"),
    (_M3.format("레이저 토닝 1+1, 이번 주만!"),"F",{"MSA-INDUCEMENT"}, "yeoshin-kma"),
    (_M4.format("스케일링 오시면 치아 미백 체험 한 번 해 드려요."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_M2.format("수술 예약금 전액을 수술비에서 빼 드리고, 회복실 1박은 덤."),"F",{"MSA-INDUCEMENT"}, "lure-cases"),
    (_M1.format("부모님 모시고 오시면 백내장 검사비는 저희가 냅니다."),"F",{"MSA-INDUCEMENT"}, "lure-27-3"),
    (_M3.format("피부 나이 5살, 딱 한 번에 돌려 드립니다."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_M4.format("교정 기간 내 목표 치열 미달 시 추가 비용 없이 끝까지."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_M2.format("누구든 받으면 인생이 바뀌는 눈매교정."),"F",{"MSA-GUARANTEE"}, "stibee-law"),
    (_M1.format("국민 MC ○○○씨 부부가 함께 수술받은 안과."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_M3.format("걸그룹 메이크업 담당 원장이 추천하는 관리."),"F",{"MSA-CELEBRITY"}, "dent-cases"),
    (_M3.format("매장 방문 인증 후 별점 남기시면 앰플 증정!"),"F",{"MSA-REVIEW-INCENTIVE","MSA-INDUCEMENT"}, "sns-points"),
    (_M2.format("수술 전후 변화, 인스타 릴스로 올렸어요."),"F",{"MSA-BEFORE-AFTER"}, "ftc-fake-reviews"),
    ("{{ patient.name }}님, 수술 후 안경 없이 생활하셔도 됩니다. 다만 야간 운전은 1주일 뒤부터 하세요.","A",set(), "lasik-care"),
    ("[미소가득치과] 다음 정기검진은 6개월 뒤입니다. 스케일링은 건강보험이 적용됩니다.","S",set(), "alimtalk-info"),
    ("{{ patient.name }}님, 다른 병원 처방약과 함께 드셔도 되는지 약사와 상의해 주세요.","A",set(), "alimtalk-info"),
    ("(광고) 수피부과 신년 진료 시간 안내. 효과는 개인마다 다를 수 있습니다. 무료수신거부 080-907-3000","F",set(), "kisa-label"),
]  # fmt: skip


# "무조건" (unconditionally) promises a result only with an outcome after it ("무조건 예뻐집니다"); before a verb of
# recommending or a booking rule it describes a practice ("무조건 임플란트부터 권하는", "무조건 예약제"): clean traps
_GT = "(광고) 다솜치과 {} ※부작용·개인차가 있을 수 있습니다. 무료수신거부 080-904-1000"
GUARANTEE_TRAPS: list[tuple[str, str, set[str], str]] = [
    (_GT.format("임플란트 상담은 무조건 사전 예약제로 운영합니다. 진료 시간 안내는 홈페이지를 확인해 주세요."),"F",set(), "stibee-law"),
    (_GT.format("스케일링은 1년에 한 번 건강보험이 적용되니, 정기검진 때 무조건 함께 받으시길 권해 드립니다."),"F",set(), "mohw-checklist"),
]  # fmt: skip


def build() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, (body, expected, source) in enumerate(AD_SEEDS, 1):
        omit = body.startswith("!")
        for j, (channel, purpose, envelope) in enumerate(AD_ENVELOPES):
            text = envelope.format(body=body.lstrip("!"), risk="" if omit else RISK)
            rows.append({"id": f"d{i:03d}{'abcd'[j]}", "channel": channel, "purpose": purpose, "text": text,
                         "expected": sorted(expected), "source": source})  # fmt: skip
    for i, (channel, body, expected, source) in enumerate(INFO_SEEDS, 1):
        for j, envelope in enumerate(INFO_ENVELOPES):
            text = envelope.format(body=body)
            rows.append({"id": f"i{i:03d}{'abc'[j]}", "channel": channel, "purpose": "informational", "text": text,
                         "expected": sorted(expected), "source": source})  # fmt: skip
    for i, (channel, purpose, text, expected, source) in enumerate(PROBES, 1):
        rows.append({"id": f"p{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected), "source": source})  # fmt: skip
    for i, (text, kind, expected2, source) in enumerate(PROBES_2, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"q{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected2), "source": source})  # fmt: skip
    for i, (text, kind, expected3, source) in enumerate(PROBES_3, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"r{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected3), "source": source})  # fmt: skip
    for i, (text, kind, expected4, source) in enumerate(PROBES_4, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"t{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected4), "source": source})  # fmt: skip
    for i, (text, kind, expected5, source) in enumerate(PROBES_5, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"u{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected5), "source": source})  # fmt: skip
    for i, (text, kind, expected6, source) in enumerate(PROBES_6, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"w{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected6), "source": source})  # fmt: skip
    for i, (text, kind, expected7, source) in enumerate(PROBES_7, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"x{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected7), "source": source})  # fmt: skip
    for i, (text, kind, expected8, source) in enumerate(PROBES_8, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"y{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected8), "source": source})  # fmt: skip
    for i, (text, kind, expected9, source) in enumerate(PROBES_9, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"z{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected9), "source": source})  # fmt: skip
    for i, (text, kind, expected10, source) in enumerate(PROBES_10, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"v{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected10), "source": source})  # fmt: skip
    for i, (text, kind, expected11, source) in enumerate(PROBES_11, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"s{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected11), "source": source})  # fmt: skip
    for i, (text, kind, expected12, source) in enumerate(PROBES_12, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"m{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected12), "source": source})  # fmt: skip
    for i, (text, kind, expected13, source) in enumerate(PROBES_13, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"n{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected13), "source": source})  # fmt: skip
    for i, (text, kind, expected14, source) in enumerate(PROBES_14, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"o{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected14), "source": source})  # fmt: skip
    for i, (text, kind, expected15, source) in enumerate(PROBES_15, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"k{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected15), "source": source})  # fmt: skip
    for i, (text, kind, expected16, source) in enumerate(PROBES_16, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"j{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected16), "source": source})  # fmt: skip
    for i, (text, kind, expected17, source) in enumerate(PROBES_17, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"g{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected17), "source": source})  # fmt: skip
    for i, (text, kind, expected18, source) in enumerate(PROBES_18, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"h{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected18), "source": source})  # fmt: skip
    for i, (text, kind, expected19, source) in enumerate(GUARANTEE_TRAPS, 1):
        channel, purpose = _KINDS[kind]
        rows.append({"id": f"gt{i:03d}", "channel": channel, "purpose": purpose, "text": text,
                     "expected": sorted(expected19), "source": source})  # fmt: skip
    return _conventions(rows)


def _conventions(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    for row in rows:  # the corpus conventions (compliance/conventions.py), e.g. a disparagement is a comparison too
        labels, text = row["expected"], row["text"]
        if isinstance(labels, list) and isinstance(text, str):
            relabelled = labels_by_convention(text, labels)
            if set(relabelled) != set(labels):
                row["expected"] = relabelled
    return rows


def with_appended(rows: list[dict[str, object]], existing: str) -> list[dict[str, object]]:
    """``rows`` plus the lines of the existing file that ``build()`` does not make (probe batches appended to
    ``dev.jsonl`` by hand, e.g. the ``r2-…`` purpose probes): rebuilding never drops them."""
    made = {row["id"] for row in rows}
    kept = [json.loads(line) for line in existing.splitlines() if line.strip()]
    return rows + _conventions([row for row in kept if row["id"] not in made])


if __name__ == "__main__":
    out = Path(__file__).parent / "dev.jsonl"
    rows = with_appended(build(), out.read_text("utf-8") if out.exists() else "")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(len(rows), "rows,", sum(1 for r in rows if not r["expected"]), "clean")
