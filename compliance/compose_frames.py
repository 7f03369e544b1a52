"""Frames composed from concept classes (issue 17: recall on wording no rule was written for).

Phrase frames plateaued: each new batch of unseen messages found about half the violations, because a frame
listed the phrases its probe round used. Here a family is a product of *classes*: inducement = a benefit ×
an offer or condition, guarantee = an outcome × a promise or refund, comparison = another provider (named or
implied) × a contrast, defamation = another provider × a bad practice or verdict, testimonial = a patient ×
a first-person artefact or reported speech, health data = a test × a finding, a named lab value × a number.
Each class is written once (``CONCEPTS``) and reused by every frame that needs it.

``python -m compliance.compose_frames`` writes ``rules/frames_s14.json`` (the loader reads every
``rules/frames*.json``); the file keeps the classes under ``concepts`` so a reader sees what each role means.
Every frame is a model-free ``window`` frame whose roles start with literal words: the prefilter skips it on
messages without them, and the kiwipiepy model is never loaded for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .findings import RULES_DIR

OUT: Path = RULES_DIR / "frames_s14.json"

CONCEPTS: dict[str, list[str]] = {
    # --- comparison / defamation -------------------------------------------------------------------------------
    # another provider, named by kind ("다른 치과") or implied by a practice ("…하는 곳", "싼 곳")
    "other_provider": [
        "(타|다른|여느|딴|남의)(병원|의원|안과|피부과|치과|성형외과|한의원|클리닉|곳|데|원)(들)?",
        "타원",
        "남들보다",
        "남보다",
        "(어디|어느곳|누구)보다",
    ],
    # a verdict or advice another provider gave, retold to win the patient (they could not, would not)
    "their_verdict": [
        "(불가|불가능|어렵|안된|안돼|못한|포기)[가-힣]{0,3}(다는|라는|는)?(말|얘기|이야기|소리|판정|진단|답변)",
        "(불가|불가능|어렵다는|안된다는)(판정|진단|소견|답)",
    ],
    "heard": ["들으셨", "들으신", "받으셨", "받으신", "들었", "받았"],
    # a hasty, cheap or mass-production practice that the message pins on "places that …"
    "bad_practice": [
        "((?<!처음)부터|만에|대충|서둘러|급하게|빨리|찍어내|공장|떼우|밀어붙|권하|팔아|과잉|끼워)[가-힣0-9]{0,10}(는|은|던)(곳|병원|데|의원|치과|안과|피부과|성형외과)",
        "(싼|저렴한|값싼|싸구려|가격만보는|가격만보고)(곳|병원|데|의원|치과|안과|피부과|성형외과)",
    ],
    # providers the message implies without naming one: the one before, a chain, an inexperienced doctor
    "implied_provider": [
        "(다른|타|엉뚱한|이전|예전|전|처음|대형|체인|동네|아무)(데|곳|병원|의원|치과|안과|피부과|성형외과|한의원|클리닉)",
        "경험(이)?(적은|없는|부족한|얕은)(의사|원장|곳|병원|의원)",
        "(싸게|저렴하게|싸다고|저렴하다고)[가-힣]{0,8}(믿고|갔|받았|했)",
        "체인",
        "영업실장",
        "(전에|이전에|예전에)?(다니|다니시|다녔|가시|가셨)(던|시던|셨던)(곳|데|병원|의원|치과|안과|피부과|성형외과|한의원)",
    ],
    # what went wrong there
    "their_failure": [
        "잘못(된|한|끼운|심은|한|받은|된)?",
        "망(친|쳐|가진)",
        "덧(난|나)",
        "흉(이|터가|터)?[가-힣]{0,2}(남|진|생긴)",
        "실패(한|했|하신)",
        "엉망",
        "틀어진",
        "비대칭",
        "낭비",
        "영업",
        "(권하|강요하|밀어붙이)(죠|는|던)",
        "부작용(이|을)?[가-힣]{0,2}(생긴|난|겪)",
    ],
    # the patient was not satisfied there: a contrast, not yet a put-down (probes3 comparison-11)
    "not_satisfied": ["만족(못|하지못|스럽지못|없)"],
    # a provider pinned down by a shabby trait, or choice by price alone (disparaging without a name)
    "shabby_provider": [
        "(바쁜|화려한|급급한|요란한|번지르르한|채우기바쁜|찍어내기바쁜)(곳|병원|데|의원|치과|안과|피부과|성형외과)",
        "광고만(화려|요란|번지르르|그럴듯)",
        "(이름|간판|말)만[가-힣]{0,4}(인|뿐인)(곳|병원|데|의원|치과|안과|피부과|성형외과)",
        "(형식적|기계적|건성|대충)[가-힣]{0,2}(검진|진료|상담|수술|시술|치료)(이|가|은|는)?아닙",
        "(discount|cheap|budget|bargain)[a-z]{0,12}(factory|mill|chain|clinics?)",
        "(fix|correct|redo|repair)what(others|otherclinics|otherdoctors|otherdentists)",
        "(others|otherclinics|otherdoctors|otherdentists)(got|did|left)[a-z]{0,6}wrong",
        "whatother(clinics|doctors|dentists|surgeons)(won't|wont|don't|dont|never)",
    ],
    # another profession or method the message belittles (ministry checklist: a rival 직역's method)
    # (a particle is required so a sender name such as "라온한의원" is not taken for the rival)
    "other_method": ["(한의원|관리실|마사지샵|에스테틱|보건소|약국)(에서|에|의|처럼|보다|은|는)", "침치료", "침맞"],
    # the same, medical providers only: running down a skin-care shop or a massage parlour is a comparison, not the
    # disparagement of another medical provider (의료법 제56조 제2항 제5호) that MSA-DEFAME is
    "other_clinic_method": ["(한의원|보건소)(에서|에|의|처럼|보다|은|는)", "침치료", "침맞"],
    "wasted": ["낭비", "해결(안|못|이안)", "효과(없|를못|가없)", "소용없", "헛"],
    # "ordinary" providers the message sets itself against, and what it says they do (hide, pull, push)
    "ordinary_provider": [
        "(보통|일반|흔한|대부분의|여느|웬만한|대다수)(의)?(병원|의원|치과|안과|피부과|성형외과|한의원|클리닉|곳)(들)?",
    ],
    "their_practice": [
        "(알려주|설명하|설명해주|말해주|말하|신경쓰|챙기|봐주)지(않|못|도않)",
        "(뽑|빼|깎|자르|절개하|수술하|씌우)(자고|자는|라고|라는)",
        "부터(권하|권유|잡|하자)",
    ],
    "nearby_provider": [
        "(주변|근처|인근|동네|다른|타|여러)(병원|의원|치과|안과|피부과|성형외과|클리닉|곳)(들)?(과|와|이랑|하고)"
    ],
    "compare_word": ["비교"],
    "en_their_verdict": [
        "saidno",
        "said(it|that)?(was|is|'?s)?(impossible|notpossible|hopeless)",
        "toldyou(no|it|that)",
        "turnedyou(down|away)",
    ],
    "price_only": ["(가성비|가격|값|비용)만(따지|보고|보다|보시)"],
    "who_does_it": ["(누가|누구에게|누구한테|어디서|어디에서)(하느냐|받느냐|하는지|받는지|하냐|받냐)(에)?(따라|가)"],
    "tier_claim": ["(대학병원|대형병원|교수|상급병원|종합병원)(급|수준|못지않)"],
    "others_do": [
        "남들(다|이|도)?(하는|받는)[가-힣]{0,8}(말고|대신|보다)",
        "어디(에서|서)도[가-힣]{0,4}(들을|볼|받을|못|없)",
    ],
    "en_switch": [
        "(last|previous|old|other|current)(dentist|doctor|clinic|surgeon|practice)",
        "switchto(us|our)",
        "settlefor(a|an|the)?[a-z]{0,10}(clinic|dentist|doctor)",
        "chainclinic",
    ],
    "regret": [
        "아니라",
        "아닙니",
        "마세요",
        "후회",
        "두번",
        "다시",
        "재수술",
        "고생",
        "비교해",
        "다릅",
        "다르",
        "달라",
    ],
    "same_everywhere": ["어디서(하셔|받으셔|하시|받으시|해|받아|하든|받든)[가-힣]{0,4}(같|똑같|비슷|다르|다를)"],
    "switch_to_us": [
        "(저희|우리|본원|이곳)(병원|치과|의원|안과|피부과)?(로|에|쪽으로|으로)[가-힣]{0,3}(옮겨|갈아타|바꿔|넘어)"
    ],
    "en_other": [
        "(most|many|other|typical|chain|cheap|ordinary|big-?name|high-?volume)[a-z]{0,10}(clinics|dentists|surgeons|doctors|practices|providers|hospitals)",
        "(clinics?|dentists?|doctors?|surgeons?|practices?)that",
    ],
    "en_bad_practice": [
        "rush",
        "overbook",
        "upsell",
        "ignore",
        "botch",
        "cutcorners",
        "conveyorbelt",
        "inandout",
        "rushed",
        "pushyou",
    ],
    # --- guarantee ---------------------------------------------------------------------------------------------
    "outcome": [
        "시력",
        "결과",
        "효과",
        "회복",
        "변화",
        "개선",
        "완치",
        "라인",
        "만족",
        "모발",
        "머리",
        "치아",
        "피부",
        "교정",
        "자신감",
    ],
    "promise": [
        "약속(드립|드려|합니|해요|할게|드릴)",
        "장담(합|해|드)",
        "보증(합|해드|드립)",
        "책임(지겠|집니다|져드)",
    ],
    "certainty": ["반드시", "확실하게", "틀림없이", "무조건", "꼭", "기필코"],
    "restore": ["되돌려", "돌려놓", "되찾아", "되살려", "살려드", "살려놓", "복원해", "채워드", "채워놓"],
    "effect_certain": ["(효과|결과|변화)(가|는|도|만큼은)?(확실|분명)(합니다|해요|하다|한|하게)"],
    "never_again": [
        "다시(는)?[가-힣]{0,4}(처질|생길|찔|날|빠질|재발할|나빠질|늘어날|돌아올|쓸|낄)일(이|은|도)?없",
    ],
    "one_session": ["(단|딱)?(한|1)번(의|만의)?(시술|수술|치료|주사|관리)(로|으로|만으로|이면)"],
    "done": ["끝(?![나내까])", "해결", "완성", "졸업"],
    "en_forever": [
        "forgood",
        "lifelong(clarity|vision|results?|smile|change)",
        "(ditch|dump|throwaway|binyour|goodbyeto)[a-z]{0,8}(glasses|lenses|contacts|dentures)",
    ],
    # --- safety ------------------------------------------------------------------------------------------------
    "no_sting": [
        "(따끔|아프|시리|쓰라리|욱신|얼얼)(하)?지(도)?않(은|는|게|아요|습니다|고)",
        "(따끔|아픔|통증|시림|고통)(함|감)?(이|은|도)?(거의|전혀|하나도)?없(는|이|어요|습니다)(?!삶|일상|생활|하루|노후|인생|세상|노년|미래|내일)",
    ],
    "harm": ["흉", "흉터", "자국", "멍", "붓기", "부기", "출혈", "다운타임", "회복기간"],
    "worry_free": ["걱정(없이|없는|마세요|끝|뚝|zero|제로)", "(없이|없는|zero|제로)"],
    # care advice, not a promise: "흉터 없이 아물도록", "없는지 살펴"
    "worry_free_exceptions": ["(없이|없도록)아물", "없는지"],
    # --- inducement --------------------------------------------------------------------------------------------
    "companion": ["지인", "친구", "가족", "동반", "함께오", "같이오", "둘이", "커플"],
    "companion_benefit": [
        "(두분|모두|둘다|각각|같이|함께)[가-힣0-9]{0,6}(서비스|무료|혜택|드려|드립|증정|선물|할인|해드)",
        "서비스(로|를)?(드려|드립|해드|제공)?",
    ],
    "price_gate": [
        "(오늘|당일|지금|이번주|이번달|이달|선착순|첫)[가-힣0-9]{0,14}(만|한정|까지)[가-힣]{0,3}(이가격|특가|가격에|가격으로|혜택)",
        "(이|특별한|파격|착한|놀라운)가격(에|으로)(모십|모시|드립|드려|진행|만나)",
    ],
    "sns_action": [
        "(태그|공유|업로드|리그램|해시태그|인증샷)[가-힣]{0,4}(해|하|해주|해서)?",
        "(인스타|인스타그램|블로그|sns|유튜브|틱톡|카페)(에|에서)?[가-힣]{0,10}(올려|올리|게시|태그|공유)",
    ],
    "photo_post": [
        "(사진|셀카|인증샷|영상|릴스|전후)[가-힣]{0,6}(태그|올려|올리|게시|업로드)",
        "해시태그",
        "태그해",
    ],
    "reward": [
        "드려",
        "드립",
        "해드",
        "무료",
        "증정",
        "서비스",
        "[0-9]+회",
        "적립",
        "쿠폰",
        "선물",
        "할인",
        "기프티콘",
    ],
    "bundle_goods": [
        "([0-9]+(년|개월)치|세트|키트|케이스|세척액|앰플|마스크팩|선크림|인공눈물)[가-힣]{0,6}(포함|증정|챙겨|얹어|덤)"
    ],
    "purchase": ["(맞추|하|결제하|구매하|등록하|예약하|받으)시면", "(맞추|결제|구매|등록|예약)시"],
    # --- testimonial -------------------------------------------------------------------------------------------
    "patient": [
        "고객님?",
        "환자분?",
        "어머님",
        "아버님",
        "어르신",
        "수험생",
        "학생",
        "직장인",
        "주부",
        "[0-9]+대",
        "고[0-9]",
        "(끝낸|마친|받은|받으신|하신|끝내신)분",
    ],
    "authored": [
        "(직접)?(써|적어|보내|남겨|올려|찍어)(주신|오신|주셨|준|온|주셔)",
        "손글씨",
        "감사카드",
        "감사편지",
        "감사문자",
        "카드를",
    ],
    "reported": [
        "(었|았|였|졌|했|됐|웠|셨)(대요|답니다|다며|다고(하|전|말|들)|다시며|다는군요)",
        "(찍|웃|먹|씹|보|읽)(었|으셨)대요",
    ],
    "quoted_claim": ["(졌|됐|었|았|였|해졌|좋아졌|달라졌)다(는|고)(말|얘기|이야기|평|소리|칭찬|후문)"],
    "hear_often": ["(듣|들어|들었|하십|하세요|하셨|많이|가장많이|자주)"],
    # --- health data (SMS) -------------------------------------------------------------------------------------
    "test": [
        "검사",
        "결과",
        "소견",
        "판독",
        "엑스레이",
        "x-?ray",
        "ct",
        "mri",
        "초음파",
        "파노라마",
        "oct",
        "내시경",
        "시야검사",
    ],
    "disease_found": [
        "[가-힣]{1,8}(증|염|암|종양|병|질환|변성|결석|빈혈|각화증|낭종|용종)(으로|로)(나왔|확인|진단|판정|의심|보여|밝혀)",
        "[가-힣]{1,8}(증|염|암|종양|병|질환|변성|결석|빈혈|낭종|용종)(이|가)(확인|의심|발견|보여|보이|진단)",
        "(양성|음성)(반응|판정|소견)?(이|으로|로)?(나왔|확인|입니다|이에요)",
        "(매복|골절|파절|천공|협착|석회화|유착)(되어|돼|이|가)?(있|확인|보여|의심)",
    ],
    "lab_value": [
        "(헤모글로빈|혈색소|혈당|당화혈색소|hba1c|콜레스테롤|중성지방|간수치|ast|alt|ggt|크레아티닌|갑상선|tsh|골밀도|bmi|체질량|요산|혈소판|백혈구|적혈구|안압|치주낭|시력)(수치|깊이|지수)?(가|이|는|은)?(좌|우|좌안|우안|양안)?[0-9]+(?![0-9]|시|월|일|분|층|번|세|살)"
    ],
    "lab_exceptions": [
        "[0-9]+(%|mmhg|mg|mgdl|도|점)?(을|를|이|가|은|는|으로|로)?(자주|계속|여러번|다시|또|갑자기|한번이라도|꾸준히)?(넘으면|넘을|넘는|넘게|넘어|초과|이상|이하|미만|밑으로|아래로|보다높|보다낮)"
        "(?!(으로|이|가)?(나와|나왔|나오셨|측정되|측정됐|확인되|확인됐))",
        "(목표|정상|기준|권장|적정)(치|수치|범위|혈압|혈당|안압|체중)?(은|는|이|가)?[0-9]+",
        "[0-9]+(%|mmhg|mg|mgdl)?(정도|쯤|내외|전후)?(가|이|는|은|면|이면)?(정상|목표|기준|적당|적정)",
    ],
    # --- celebrity ---------------------------------------------------------------------------------------------
    "celebrity": [
        "걸그룹",
        "보이그룹",
        "아이돌",
        "배우(?!자)",
        "가수",
        "연예인",
        "셀럽",
        "방송인",
        "유튜버",
        "인플루언서",
        "선수",
        "메달리스트",
        "국가대표",
        "모델(?!하우스|명)",
        "아나운서",
        "개그맨",
        "개그우먼",
        "코미디언",
        "연습생",
        "트로트",
        "크리에이터",
    ],
    "visit": [
        "들르",
        "들러",
        "들렀",
        "다니",
        "오는",
        "찾아오",
        "찾아온",
        "다녀",
        "관리받",
        "꼭찾",
        "단골",
        "이용하",
        "받았",
        "했습니다",
        # a recommendation rather than a visit
        "추천(한|하는|했|하신|해주)",
        "소개(한|하신|했|해주)",
        "맡긴",
        "믿고찾",
        "받고간",
        "받은",
        "올린",
        "인증한",
        "선택",
    ],
    "en_celebrity_pick": [
        "(celebs?|celebrities|idols|k-?popstars|actors|actresses|influencers|youtubers)'?s?'?(favou?rite|go-?to|choice|pick|secret)",
        # a doctor sold by a show (a programme "as seen on TV" alone is ARTICLE-FORM only, as dev d047 labels it)
        "(doctor|dentist|surgeon|dermatologist)(from|on|of)(the)?[a-z]{0,12}(show|tvshow|program|programme|series)",
        "(doctor|dentist|surgeon|dermatologist)(asseen|featured)on(tv|television)",
    ],
    "en_celebrity_by": [
        "(loved|trusted|chosen|visited|recommended|favou?red|preferred)by[a-z0-9-]{0,16}(actors|actresses|idols|celebrities|celebs|stars|influencers|youtubers|athletes|models)",
    ],
    # --- English superlatives ----------------------------------------------------------------------------------
    "en_superlative": [
        "most(trusted|experienced|advanced|popular|effective|reliable|skilled|famous|recommended|sought|loved|awarded)",
        "(highest|top)-?rated",
        "bestreviewed",
    ],
}


def frame(rule: str, roles: list[list[str]], window: int = 20, **extra: Any) -> dict[str, Any]:
    """One composed frame: ``roles`` (each a list of patterns) within ``window`` characters; scope ``ad`` unless
    given."""
    return {"rule": rule, "scope": extra.pop("scope", "ad"), "roles": roles, "window": window, **extra}


def _c(*names: str) -> list[str]:
    return [pattern for name in names for pattern in CONCEPTS[name]]


def frames() -> list[dict[str, Any]]:
    return [
        # comparison and disparagement
        frame("MSA-DEFAME", [_c("their_verdict"), _c("heard")], 16),
        frame("MSA-DEFAME", [_c("other_provider"), _c("their_verdict")], 20),
        frame("MSA-DEFAME", [_c("bad_practice"), _c("regret")], 30),
        frame("MSA-COMPARISON", [_c("bad_practice"), _c("regret")], 30),
        frame("MSA-DEFAME", [_c("implied_provider"), _c("their_failure")], 30),
        frame("MSA-COMPARISON", [_c("implied_provider"), _c("not_satisfied")], 30),
        frame("MSA-DEFAME", [_c("shabby_provider")]),
        frame("MSA-DEFAME", [_c("price_only"), _c("regret")], 24),
        frame("MSA-COMPARISON", [_c("price_only"), _c("regret")], 24),
        frame("MSA-COMPARISON", [_c("who_does_it")]),
        frame("MSA-COMPARISON", [_c("tier_claim")]),
        frame("MSA-COMPARISON", [_c("others_do")]),
        frame("MSA-COMPARISON", [_c("en_switch")]),
        frame("MSA-COMPARISON", [_c("same_everywhere")]),
        frame("MSA-COMPARISON", [_c("switch_to_us")]),
        frame("MSA-COMPARISON", [["남들보다", "남보다", "(어디|누구)보다"]]),
        frame("MSA-COMPARISON", [_c("en_other"), ["we", "our", "unlike", "instead", "here", "same", "paymore"]], 40),
        frame("MSA-DEFAME", [_c("en_other"), _c("en_their_verdict")], 20),
        frame("MSA-DEFAME", [_c("ordinary_provider"), _c("their_practice")], 20),
        frame("MSA-COMPARISON", [_c("nearby_provider"), _c("compare_word")], 16),
        frame("MSA-DEFAME", [_c("en_other"), _c("en_bad_practice")], 30),
        frame("MSA-DEFAME", [_c("other_clinic_method"), _c("wasted")], 24),
        frame("MSA-COMPARISON", [_c("other_method"), _c("wasted")], 24),
        # guarantee
        frame("MSA-GUARANTEE", [_c("outcome"), _c("promise")], 14),
        frame("MSA-GUARANTEE", [_c("certainty"), _c("restore")], 12),
        frame("MSA-GUARANTEE", [_c("effect_certain")]),
        frame("MSA-GUARANTEE", [_c("never_again")]),
        frame("MSA-GUARANTEE", [_c("one_session"), _c("done")], 16),
        frame("MSA-GUARANTEE", [_c("en_forever")]),
        # safety
        frame("MSA-SAFETY-CLAIM", [_c("no_sting")]),
        frame("MSA-SAFETY-CLAIM", [_c("harm"), _c("worry_free")], 6, exceptions=_c("worry_free_exceptions")),
        # inducement and review rewards
        frame("MSA-INDUCEMENT", [_c("companion"), _c("companion_benefit")], 24),
        frame("MSA-INDUCEMENT", [_c("price_gate")]),
        frame("MSA-INDUCEMENT", [_c("sns_action"), _c("reward")], 30),
        frame("MSA-REVIEW-INCENTIVE", [_c("photo_post"), _c("reward")], 30),
        frame("MSA-INDUCEMENT", [_c("purchase"), _c("bundle_goods")], 30),
        # testimonial
        frame("MSA-TESTIMONIAL", [_c("patient"), _c("authored")], 20),
        frame("MSA-TESTIMONIAL", [_c("patient"), _c("reported")], 40),
        frame("MSA-TESTIMONIAL", [_c("quoted_claim"), _c("hear_often")], 30),
        # health data in carrier messages
        frame("PII-HEALTH-IN-SMS", [_c("test"), _c("disease_found")], 24, scope="any"),
        frame("PII-HEALTH-IN-SMS", [_c("lab_value")], scope="any", exceptions=_c("lab_exceptions")),
        # celebrity by role and English superlatives
        frame("MSA-CELEBRITY", [_c("celebrity"), _c("visit")], 20),
        frame("MSA-CELEBRITY", [_c("en_celebrity_by")]),
        frame("MSA-CELEBRITY", [_c("en_celebrity_pick")]),
        frame("MSA-SUPERLATIVE", [_c("en_superlative")]),
    ]


def write_frames(out: Path, concepts: dict[str, list[str]], composed: list[dict[str, Any]]) -> None:
    """The rules file the frame loader reads (rules/frames*.json): the concept classes and the frames."""
    doc = {"concepts": concepts, "frames": composed}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{out}: {len(composed)} frames")


def main() -> None:
    write_frames(OUT, CONCEPTS, frames())


if __name__ == "__main__":
    main()
