"""Build ``dev.jsonl``: hand-written seed messages (each citing a source key of SOURCES.md), each placed in a
few realistic envelopes (channel, clinic name in Korean or English, greeting). Run from the repository root:
``.venv/bin/python -m compliance.corpus.build_dev``. The held-out split is written separately, by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

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
    ("alimtalk", "informational", "{{ patient.name }}님, 생신을 진심으로 축하드립니다.", ["KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO"], "kisa-label"),
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
    (_S.format("피부과 여러 곳 다녀도 안 낫던 여드름이라면."),"F",{"MSA-COMPARISON"}, "dent-cases"),
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
    ("진료 만족도 조사에 응답해 주시면 추첨으로 모바일 상품권을 드립니다.","A",{"KAKAO-ALIMTALK-BLACKLIST","KAKAO-ALIMTALK-PROMO","MSA-INDUCEMENT"}, "alimtalk-review"),
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
    return rows


if __name__ == "__main__":
    out = Path(__file__).parent / "dev.jsonl"
    rows = build()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(len(rows), "rows,", sum(1 for r in rows if not r["expected"]), "clean")
