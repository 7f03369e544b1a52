"""Testimonials as other people write them, without 후기 (issue 17, session 16): the frames of
``rules/frames_s16_testimonial.json`` for MSA-TESTIMONIAL and MSA-BEFORE-AFTER.

The training misses of the writer files were testimonials whose artefact is named by its form, not by the word
후기: a quoted sentence relayed with a verb of saying or writing ("…"라고 했던, "…"며 소개해 준, "…"는 글이 또
올라왔네요), an influencer's post, video or live stream of the treatment, a patient's course recorded (수기, 일기,
기록장, 인터뷰, 브이로그, "…하기까지 그 과정을 영상으로"), posts relayed from bloggers and forums (내돈내산, 맘카페),
ratings and review counts shown as proof, and the clinic's own staff or a doctor's family treated there. Each
frame is a family of phrasings (roles multiplied), written once here; before/after photos of patients are
MSA-BEFORE-AFTER only (``conventions._before_after_photos`` drops a testimonial finding overlapping one).

Traps they leave alone: a place that says something is another provider ("…"라고 하는 곳), a verdict the reader
heard elsewhere ("'…' 한마디 듣고 돌아오셨나요"), requests to write or rate (a review incentive, a survey), the
clinic's own blog and principles, staff training, clinical photos kept as records, before/after care instructions.
Every frame is model-free (window or original kind) and applies to advertising content only.

``python -m compliance.compose_frames_s16_testimonial`` writes the JSON (the loader reads every ``rules/frames*.json``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .findings import RULES_DIR

OUT: Path = RULES_DIR / "frames_s16_testimonial.json"
ABOUT = (
    "Session 16: MSA-TESTIMONIAL without 후기 (quoted sentences relayed, influencers' posts and videos, a patient's "
    "course recorded, relayed posts, ratings as proof, staff or a doctor's family treated here) and MSA-BEFORE-AFTER "
    "named by its two moments or laid side by side. Written by compliance/compose_frames_s16_testimonial.py."
)

# verbs of saying: "…"라고 한/말한 (a place that says so is another provider: _NOT_OTHER below)
_SAY = (
    "(했던|했다던|한(?![가-힣])|했(?:어요|습니다|죠|대요|답니다)|하신|하셨|하시던|말한|말했|말하신|말씀하신|말씀하셨)"
)
# verbs of relaying, praising or writing it down: "…"며 소개해 준, "…"라고 써 주신
_RELAY = (
    "(소개한|소개했|소개하신|(소개|추천|자랑)(해|하여)?\\s*(준|줬|주신|주셨)|극찬한|극찬했|칭찬한|칭찬해\\s*주신|감탄한|"
    "적은|적어\\s*주신|쓴|썼|써\\s*주신|써\\s*주셨|올린|올렸|올려\\s*주신|올려\\s*주셨|남긴|남겼|남겨\\s*주신|남겨\\s*주셨|"
    "전한|전해\\s*주신|보내\\s*주신|보내\\s*주셨)"
)
_ARTEFACT = "(글|후기|리뷰|댓글|평|칭찬|소감|감사\\s*인사|감사\\s*문자|문자|메시지|편지|카드|쪽지|dm|DM|말씀|한마디)"
_Q_OPEN, _Q_CLOSE = "[\"“‘'「『]", "[\"”’'」』]"
_BODY = "[^\"“”‘’'「」『』\\n]{2,80}"
_NOT_OTHER = "(?!\\s*(곳|병원|의원|치과|안과|피부과|성형외과|한의원|데(?![가-힣])|의사|원장))"
_HEARD = "(?![^\\n]{0,14}(들으셨|들으신|들으시|들어\\s*보셨|듣고\\s*(오|돌아|포기|계|실망)|듣게\\s*되))"
_TESTIMONIAL: list[dict[str, Any]] = [
    # 1. a quoted sentence attributed to someone by a verb of saying/writing (its speaker may stand between:
    # "…"이라며 친구가 추천해 준), or named as their post/comment
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "kind": "original",
        "pattern": f"{_Q_OPEN}{_BODY}{_Q_CLOSE}\\s*(이?라고|고|며|라며|이라며)\\s*([가-힣]{{1,6}}(이|가|께서)\\s*)?({_SAY}{_NOT_OTHER}|{_RELAY})"
        f"|{_Q_OPEN}{_BODY}{_Q_CLOSE}\\s*(이?라는|는|란|이란)\\s*{_ARTEFACT}(?![가-힣]{{0,2}}(드리|드립|드려))"
        + _HEARD,
        "exceptions": ["말씀(드리|드립|드려)", "(작성|참여|남겨|올려|써)(주시면|주세요|주신분께|하시면)"],
    },
    # 1b. a sentence signed by a patient: "… - 고객 A님", "… — 30대 주부 김○○ 님"
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "kind": "original",
        "pattern": "[\"”’']\\s*[-–—―]\\s*(a|an|one of our|our)?\\s*[A-Za-z ]{0,24}\\b(patient|client|customer|mum|mom|dad|student)s?\\b"
        "|[-–—―]\\s*(고객|환자|회원|[0-9]{2}\\s*대[가-힣 ]{0,6})(님|분)?\\s*[A-Za-z가-힣○*□△]{1,4}\\s*(님|씨|고객님?)(?![가-힣])(?=\\s*($|[\\n.,!)\\]※*]))",  # a signature ends its line or sentence
    },
    # 1c. a first-person sentence about life now ("제가 이제 맨얼굴로 출근해요")
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "window": 30,
        "roles": [
            ["(?<!희)(제가|저는|저도|나는|내가)"],
            ["(이제|요즘|지금은|드디어|처음으로|덕분에)[가-힣0-9]{0,14}(요|니다|죠)(?![가-힣])"],
        ],
        # the clinic speaking in the first person offers or explains; it tells no story of its own treatment
        "exceptions": [
            "원장",
            "의사",
            "전문의",
            "상담실장",
            "대표",
            "드려",
            "드립",
            "드리",
            "권해",
            "권하",
            "진료",
            "상담",
            "안내",
            "설명",
        ],
    },
    # 2. an influencer, creator or entertainer's own post, video or course with the treatment
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "window": 30,
        "roles": [
            [
                "인플루언서",
                "크리에이터",
                "유튜버",
                "블로거",
                "방송인(?!스타|터뷰|기)",
                "셀럽",
                "연예인",
                "아이돌",
                "배우(?![고는기러며면세시신실셨었어자다])",
                "가수",
                "bj",
                "스트리머",
                "틱톡커",
                "인스타그래머",
                "influencer",
                "youtuber",
                "creator",
                "blogger",
                "vlogger",
                "tiktoker",
                "celebrity",
            ],
            [
                "(올린|올렸|올려주신|올라온|올라왔|공개한|소개한|소개했|리뷰한|남긴|남겼|말한|고백한|밝힌)",
                "(영상|사진|글|기록|후기)(으로|로)(남|담|올|기록)",
                "솔직한[가-힣]{0,2}(영상|후기|리뷰)",
                "후기",
                "리뷰",
                "브이로그",
                "vlog",
                "(풀|후기|리뷰|체험)영상",
                # a stream of their own treatment, not any broadcast they appear on (MSA-CELEBRITY / ARTICLE-FORM)
                "(과정|장면|시술|수술)(을|를)?(라이브|생방송|실시간)",
                "(시술|수술|치료|관리|교정)(하는|받는)?(과정|장면)",
                "(회복|치료|시술|수술|관리|교정|변화)[가-힣]{0,4}(과정|여정|기록)",
                "담은",
                "기록",
                "일기",
                "journey",
                "(treatment|procedure|surgery)video",
                "livestream",
                "(go|went)live",
                "diary",
                "recovery",
            ],
        ],
        "exceptions": [
            "모집",
            "체험단",
            "광고모델",
            "화보",
            "cf",
            "촬영현장",
            "다녀간",
            "방문한",
            "찾는",
            "찾은",
            "(채널|계정)(을|를)?(운영|개설)",
            # what they posted is the clinic itself (an endorsement: MSA-CELEBRITY only), not their treatment
            "(올린|올렸|소개한|소개했|남긴|말한)(그|바로그|이)?(피부과|병원|치과|안과|의원|성형외과|한의원|곳|클리닉)",
        ],
    },
    # 3. a patient's course recorded or told: 수기, 일기, 회복기, interview, documentary, a video of their course
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "window": 40,
        "roles": [
            [
                "환자분?(들)?",
                "고객님?(들)?",
                "어르신",
                "어머님",
                "아버님",
                "산모",
                "수험생",
                "회사원",
                "직장인",
                "주부",
                "(대학|고등|중)?학생",
                "[0-9]+대[가-힣]{0,3}(여성|남성|엄마|아빠|맘|가장|회사원|직장인|주부|학생|환자|고객|분|님|어르신|선수|군인|교사)",
                "[0-9]+세",
                "[가-힣]{1,3}씨(?![가-힣])",
            ],
            [
                "(투병|회복|치료|극복|도전|관리|교정|감량|다이어트|재활|수술|시술|체험)(기|수기|일기|기록|스토리)(?![가-힣]{0,1}(간|관|능|술|기간))",
                "수기",
                "일기",
                "브이로그",
                "vlog",
                "인터뷰",
                "다큐",
                "(과정|여정|일상|하루|변화|기까지)[가-힣]{0,4}(을|를)?(영상|사진|카메라|브이로그|기록)[가-힣]{0,2}(으로|에|로)?(담|기록|남|공개)",
                "영상(으로|에)담",
                "(쓰신|적으신|기록하신|남기신|쓴|적은)[가-힣0-9]{0,8}(기록장|일기|수첩|노트|기록|다이어리|일지)",
                "기록장",
                "일지",
                "(만족|성공|변화|회복|극복|완치|졸업)[가-힣]{0,2}(스토리|이야기|사연)",
                # the reader is to hear it; a clinic that listens (이야기를 들어 드립니다) tells no story
                "(이야기|사연|스토리)(를|을)?(영상|소개|공개|담|들어보|들어주세요|전해드)",
            ],
        ],
        "exceptions": [
            "(수술|시술)(하는)?(과정|장면)(영상|을|를)",
            "수술실",
            "(작성|참여|응모|남겨|올려|써|보내)(주시|주세|하시|해주)",
            "모집",
            "(원장|선생|실장|교수|간호사|팀장|대표)님",
        ],
    },
    # 4. relayed posts: 내돈내산, bloggers', a forum's posts about the clinic, what patients wrote
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "roles": [
            [
                "내돈내산",
                "내돈주고",
                "광고아니(고|고요|에요|예요)",
                "협찬아니",
                "블로거(님)?(들)?(이|께서|의|가)",
                "블로거(님)?들",
                "(맘카페|지역카페|동네카페|커뮤니티|지식인|카페)[가-힣]{0,6}(에|에서)[가-힣]{0,12}(글|후기|리뷰|포스팅|게시글|댓글|사연)(이|가)?(또|계속|매일|연일|잔뜩|많이|자꾸)?(올라왔|올라오|달렸|달리|쏟아|화제)",
                "(글|후기|리뷰|포스팅|게시글|댓글|사연)(이|가)(또|계속|매일|연일|잔뜩|많이|자꾸)(올라|달리|달렸|쏟아)",
                "(써|올려|남겨|보내)주신[가-힣]{0,8}(글|포스팅|게시글|사연|편지|손편지)[가-힣]{0,3}(을|를)?(모아|소개|공유|링크|읽어|보세요|확인)",
            ]
        ],
        "exceptions": ["(드립|드려|증정|추첨|적립|쿠폰|선물|사은품)", "(작성|참여|응모)(하시|해주|주시)"],
    },
    # 5. ratings and review counts shown as proof
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "roles": [
            [
                "(별점|평점|리뷰평점|후기평점|평균평점)(평균)?[0-9](\\.[0-9]+)?(점|/5)?",
                "[0-9]\\.[0-9]+(점)?(의)?(별점|평점)",
                "(리뷰|후기|평가|별점)[0-9,]{2,}(건|개|명|회)",
                "[0-9,]{2,}(건|개|명)의(리뷰|후기|평가|별점)",
                "[0-9]{1,2}-?stars?(rating|rated|reviews?)",
                "(rated|rating)(of)?[0-9]{1,2}(stars?|outof|/)",
                "(by|from)(over|morethan)?[0-9,]{3,}(happy)?(patients|clients|customers|reviews)",
                "[0-9,]{2,}(five|5)-?star",
                "(five|5)-?starreviews?",
                "(google|naver|yelp|kakao)(map)?(reviews?|ratings?)",
            ]
        ],
        "exceptions": [
            "(남겨|남기|인증|작성|참여|등록|써|올려)(주시|주세|하시|해주|시면|면)",
            "leave(us)?a",
            "(드립|드려|증정|쿠폰|적립)",
        ],
    },
    # 6. the clinic's own staff or a doctor's family treated here (told as the proof)
    {
        "rule": "MSA-TESTIMONIAL",
        "scope": "ad",
        "window": 30,
        "roles": [
            [
                "(저희|우리|본원)?(직원|간호사|실장님?|팀장님?|스태프|코디네이터|상담실장님?|치위생사|물리치료사)(분|선생님|쌤)?(들)?(도|이|가|께서)",
                "원장님?(의)?(어머님|아버님|부모님|가족|아내|남편|딸|아들|장모님|장인어른|자녀|와이프)(들)?(도|이|가|께서)?",
                "(직원|의료진)(가족|의가족)(들)?(도|이|가)",
                "(our|my)(own)?(nurses?|staff|team|employees|receptionists?|therapists?|hygienists?)(members)?(get|got|had|have|chose|choose|trust|come|came|went)",
                "(doctor|dr|surgeon|dentist)'?s(own)?(wife|husband|mother|mom|father|dad|daughter|son|family|parents)",
            ],
            [
                "(their|her|his|our|my|the)[a-z]{0,12}(here|withus|atour)",
                "받았",
                "받으셨",
                "받고",
                "받은",
                "받아보",
                "(치료|시술|수술|교정|관리|라식|라섹|임플란트)(받|했|하셨|중)",
                "맡기",
                "맡겼",
                "편해졌",
                "좋아졌",
                "달라졌",
                "먼저해보",
                "직접해보",
                "직접받",
            ],
        ],
        "exceptions": [
            "(예약|상담|안내|문의|전화|연락|답변|접수|결제|교육|연수|훈련|자격|면허|인증|감염관리)(을|를|해|받|드)",
            "(도와|안내해|설명해|연락)드",
            "(백신|예방)접종",
        ],
    },
]
_BEFORE_AFTER: list[dict[str, Any]] = [
    # the same body before and after, named by its two moments
    {
        "rule": "MSA-BEFORE-AFTER",
        "scope": "ad",
        "roles": [
            [
                "(시작|처음|치료|시술|수술|관리|교정|다이어트)[가-힣]{0,3}(할때|했을때|하기전|전|前)(과|와|이랑|하고|vs)[가-힣0-9]{0,8}(후|뒤|後|지금|현재|오늘)[가-힣]{0,6}(사진|모습|체형|얼굴|피부|몸매|라인|비교)",
                "(전|before)(vs|대)(후|after)",
                "(전|후|뒤|차|before|after)(사진|모습|photos?)(과|와|이랑|하고|and|vs)[가-힣a-z0-9]{0,10}(전|후|뒤|차|before|after)(사진|모습|photos?)",
            ]
        ],
        "exceptions": ["주의사항", "촬영(은|하|합|해)", "진료기록", "공개하지", "외부", "동의"],
    },
    # a change since the treatment laid side by side for the reader
    {
        "rule": "MSA-BEFORE-AFTER",
        "scope": "ad",
        "window": 30,
        "roles": [
            [
                "(나란히|나란이|좌우로|한화면에|한장에|한눈에)[가-힣]{0,4}(놓고|두고|붙여|펼쳐|보며)?비교",
                "(나란히|나란이|좌우로|한화면에|한장에)[가-힣]{0,3}(올렸|올린|올려|붙였|붙인|담았|담은|보여)",
                "(side-?by-?side|compare)",
            ],
            [
                "달라진",
                "변화",
                "(수술|시술|치료|교정|관리)[가-힣0-9]{0,6}(후|뒤|전)",
                "(전|후|뒤|차)(사진|모습)",
                "(before|after|results?|transformation)",
            ],
        ],
        "exceptions": ["(가격|비용|요금|견적)", "price"],
    },
]


def frames() -> list[dict[str, Any]]:
    """Every frame of the file, testimonial first."""
    return [*_TESTIMONIAL, *_BEFORE_AFTER]


def main() -> None:
    doc = {"about": ABOUT, "frames": frames()}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{OUT}: {len(doc['frames'])} frames")


if __name__ == "__main__":
    main()
