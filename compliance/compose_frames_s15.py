"""Frames of session 15 (issue 17: recall of comparison/disparagement, celebrity, guarantee and mixed
Korean + English messages on wording no rule was written for).

The families the independent held-out set still misses are those whose *other provider* is implied by the
shape of the sentence rather than named: "…하는 곳과는 다릅니다" (a place pinned down by what it does, then a
contrast), "여러 곳 다녀보셨다면" (shopping around), "처음부터 저희에게 오셨다면" (a counterfactual that
blames the one before), "다른 치과처럼 기다리실 필요 없어요" (like the others, minus their flaw), "약만 주는
피부과" (a practice reduced to one bad habit), "another surgeon said no". Each is a product of classes, as in
:mod:`compliance.compose_frames`; the classes here widen that module's (which stay as they are).

``python -m compliance.compose_frames_s15`` writes ``rules/frames_s15.json`` (the loader reads every
``rules/frames*.json``). Every frame is a model-free ``window`` frame for advertising content whose roles
start with literal words, so the prefilter skips it on ordinary messages and the kiwipiepy model is never
loaded for it (tests/compliance/test_model_free.py). MSA-DEFAME implies MSA-COMPARISON in the checker
(``conventions._disparaging_compares``), so a disparaging frame names MSA-DEFAME only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .compose_frames import frame, write_frames
from .findings import RULES_DIR

OUT: Path = RULES_DIR / "frames_s15.json"

# a provider noun, and words that make it "another" one (or an ordinary, nearby, big or previous one)
_PROVIDER = "(병원|의원|치과|안과|피부과|성형외과|한의원|클리닉|센터)"
_OTHER = "(다른|타|딴|여느|남의|주변|근처|인근|동네|여러|대형|체인|일반|보통|흔한|웬만한|대부분의|이전|예전|기존)"
_EN_PROVIDERS = "(clinics?|dentists?|doctors?|surgeons?|offices|practices|chains|places|hospitals|dermatologists?)"

CONCEPTS: dict[str, list[str]] = {
    # --- comparison / defamation -------------------------------------------------------------------------------
    # another provider, named by kind or as "elsewhere"
    "other_provider": [
        f"{_OTHER}{_PROVIDER}(들)?",
        "(다른|딴|엉뚱한|아무)(곳|데)",
        "타원",
        "타의원",
    ],
    # a place pinned down by what it does ("…잡는 곳", "흔한 피부과"): the relative clause makes it another one
    "described_provider": [
        f"[가-힣](는|은|던|한)(곳|데|{_PROVIDER})(들)?",
        f"{_OTHER}{_PROVIDER}(들)?",
    ],
    # a contrast right after the provider: "…과는 다릅니다", "차원이 다른", "비교가 안 되는", "부럽지 않은"
    "contrast_after": [
        "(와|과)(는|도)?(다릅|다른|다르|달리|달라|차원이다|비교(가|도)?(안|불가|할수없|되지않)|같을수없|같지않|급이다)",
        "(이|가)?부럽지않",
        "못지않",
    ],
    # shopping around before coming here
    "shopped_around": ["여러곳", "여러군데", "몇군데", "몇곳", "여기저기", "이곳저곳", "이병원저병원", "병원쇼핑"],
    "tried_there": [
        "(다녀|다니|가보|상담|받아|비교|알아)[가-힣]{0,4}(보시|보셨|보신|보면|보고|보다)",
        "(다니|가|상담받|받)(셨|으셨)(다면|던|는데|지만)",
    ],
    # "had you come to us first": blames whoever the patient saw before
    "had_you_come_first": [
        "(처음부터|진작|애초에|일찍)(저희|우리|본원|여기|이곳)[가-힣]{0,4}(오셨|왔|찾으셨|찾아오셨|받으셨|맡기셨)(다면|더라면|으면|더라면)",
    ],
    # someone else's refusal or verdict, retold to win the patient (without "…라는 말")
    "others": [
        f"{_OTHER}{_PROVIDER}(들)?(이|에서|에선|은|는|도)",
        "(다른|딴|엉뚱한)(곳|데)(이|에서|에선|은|는|도)",
        "남들(이|은|도)",
        "(타원|타의원)(이|에서|에선|은|는|도)",
    ],
    "refused": [
        "(안|못)(된다|한다|해준다|해준대)(고|며|던|는|더)",
        "(어렵|불가능하|힘들|위험하)다(고|며|던|는)",
        "포기하(라|래|시라)",
        "(불가|안된다는|어렵다는)(판정|진단|소견|말|얘기|답)",
        "거절(당|하|받)",
        "손(을)?놓",
    ],
    # a practice reduced to one habit ("약만 주는 피부과", "발치부터 권하는 치과", "날짜만 잡는 곳")
    "one_habit_place": [
        f"[가-힣]{{1,8}}(만|부터)(하는|주는|권하는|잡는|파는|놓는|보는|찍는|밀어붙이는|잡고|하고)[가-힣]{{0,6}}(곳|데|{_PROVIDER})",
        f"(대충|건성으로|형식적으로|기계적으로)[가-힣]{{0,8}}(는|은|던)(곳|데|{_PROVIDER})",
    ],
    # "there are still places that …", and the patient tired of them
    "still_places": [f"아직도[가-힣0-9]{{0,14}}(는|은)(곳|데|{_PROVIDER})(이|가)(많|있)"],
    # a place pinned down by neglect ("시술 후 나 몰라라 하는 곳")
    "neglect_place": [
        f"(나몰라라|모르쇠|책임지지않|연락(도)?안되|방치하)[가-힣]{{0,4}}(는|은|던)(곳|데|{_PROVIDER})",
        f"(뒷전|소홀)[가-힣]{{0,2}}(인|한|이던|하던)(곳|데|{_PROVIDER})",
        "싼게비지떡",
        "싼것이비지떡",
    ],
    # a described place the reader is asked to doubt ("원장이 수시로 바뀌는 병원, 믿을 수 있을까요?")
    "doubt": ["믿을수있을까", "믿을수있나", "믿으시겠", "맡기시겠", "맡기실건가", "괜찮을까", "안심하실수있"],
    # "the ones who do it properly are elsewhere"
    "proper_elsewhere": [f"(제대로|잘|정직하게|꼼꼼하게)(하는|보는|치료하는|수술하는)(곳|데|{_PROVIDER})(은|는)?따로"],
    # "we are different", once the reader's experience of other clinics has been evoked
    "we_differ": ["(저희|우리|본원|여기|이곳)(는|은)(좀|확실히|분명히|완전히)?(다릅|달라|다르)"],
    "their_visit": [f"(곳|데|{_PROVIDER})(들)?(가기|가면|갈때|가서|에가|에서는|에선|들은|들이)"],
    # what went wrong with a procedure done elsewhere
    "went_wrong": ["풀리", "풀렸", "풀린", "처진", "처졌", "틀어", "비뚤", "무너", "망가", "터진", "덧난"],
    # what the patient only got there ("날짜만 잡고 오셨나요?")
    "only_got": ["[가-힣]{1,8}(만|부터)(잡고|하고|권유받고|권유받으시고|듣고)(오셨|오신|왔)"],
    "tired_of_place": [f"(곳|데|{_PROVIDER})(에|에게|에서|때문에)(지치|실망하|질리|속상하|상처받)"],
    # someone without the qualification, and what it cost the patient
    "non_specialist": ["비전문(의|가|병원|의원|시술소)?", "전문의(가|도)?아닌(곳|데|의사|병원|의원|치과)"],
    "harm_done": ["고생", "부작용", "흉", "망가", "망친", "실패", "되돌리기", "후회", "재수술", "바로잡"],
    # another profession or method (a rival 직역) that did not work
    # (a particle is required after a place, so a sender name such as "라온한의원" is not taken for the rival)
    "other_method": [
        "(한의원|한방|관리실|마사지(샵)?|에스테틱|피부샵)(에서|에|의|처럼|보다|은|는|도|으로|로)",
        "침치료",
        "침맞",
        "민간요법",
    ],
    # the same, medical providers only: a skin-care shop or massage parlour that did not help is a comparison, not
    # the disparagement of another medical provider (의료법 제56조 제2항 제5호)
    "other_clinic_method": ["(한의원|한방)(에서|에|의|처럼|보다|은|는|도|으로|로)", "침치료", "침맞"],
    "did_not_work": [
        "(낫지|좋아지지|나아지지|빠지지|없어지지|사라지지|줄지)(않|못)",
        "그대로(였|인|이던|던)",
        "소용(없|이없)",
        "효과(를)?(못|없|가없)",
        "해결(못|안|이안)",
    ],
    # an unfavourable fact about other providers (Medical Service Act 56(2)5: 비방 목적의 불리한 사실): words that
    # only ever describe someone else's practice in an advertisement
    "bad_name": [
        "돌팔이",
        "엉터리",
        "야매",
        "사무장병원",
        "유령수술",
        "대리수술",
        "과잉(진료|치료|수술)",
        "바가지",
        "폭리",
    ],
    # facts that disparage only when pinned on a provider or its staff
    "bad_fact": ["무면허", "무자격", "의료사고", "행정처분", "영업정지"],
    "someone": [f"(곳|데|{_PROVIDER}|직원|의사|원장|실장)"],
    # another provider named outright, and a negative verdict on what it does (the disparagement the independent
    # dev set labels MSA-DEFAME: they fail, scar, oversell, use old equipment, examine perfunctorily)
    "named_other": [
        f"{_OTHER}{_PROVIDER}(들)?",
        f"일부(의)?{_PROVIDER}(들)?",
        "(다른|딴|엉뚱한)(곳|데)(들)?",
        "타원",
        "타의원",
        f"(경험|실력)(이)?(없는|적은|부족한)(곳|데|{_PROVIDER})",
    ],
    "their_fault": [
        "과장",
        "상술",
        "구형",
        "구식",
        "무리한",
        "무분별",
        "형식적",
        "기계적",
        "무성의",
        "무책임",
        "불친절",
        "비싸게(받|파|권|팔)",
        "부실",
        "허술",
        "미숙",
        "서툰",
        "돈벌이",
        "눈속임",
        "미끼",
        "싸구려",
        "검증(되지|안된|없)",
        "(강요|떠넘)",
        "숨기",
        "속이",
        "잘못",
        "망(친|쳐|가)",
        "실패",
        "짝짝이",
        "비대칭",
        "덧(나|난)",
        "부작용(이)?(난|생긴|생겨)",
        "흉(이|터가)?(남|진|생)",
        "엉망",
    ],
    # the reader fooled by someone's advertising or price ("과장 광고에 속지 마세요", "가격만 내세우는")
    "fooled": [
        "(광고|가격|이벤트|할인|상술|말|미끼)(에|에게)?[가-힣]{0,4}속(지마|으셨|았|지않|고)",
        "(가격|할인|이벤트|최저가)만(내세우|앞세우|강조하)",
    ],
    # "a real specialist is different"
    "real_one_differs": [f"(진짜|제대로된|참된|진정한)(전문의|전문가|의사|의료진|{_PROVIDER})(는|은)(다릅|달라|다르)"],
    # a price set against the market's ("시중 평균가보다")
    "market_price": [
        "(시중|업계|전국|지역|주변|인근)(평균)?(가|가격|시세|평균가)(보다|대비)",
        "평균(가|가격|시세)(보다|대비)",
    ],
    # "why go elsewhere"
    "why_elsewhere": [
        f"굳이(다른|딴|타)(곳|데|{_PROVIDER})",
        "다른(곳|데)(에|으로|로)?(가실|갈|찾으실|찾을)(이유|필요)",
        "(why|more|cheaper|better|instead)[a-z]{0,16}(elsewhere|anywhereelse)",
    ],
    # "like the others" followed by the flaw the patient is spared
    "like_others": [f"{_OTHER}({_PROVIDER}|곳|데)(들)?(처럼|같이|마냥)"],
    "spared": ["필요(가|는)?없", "(하|기다리|헤매|걱정하|고생하)지(않|마)", "일(이|은)?없"],
    # English: the contrast and the complaint about other providers
    "en_unlike": [f"(unlike|tiredof|sickof|fedupwith|frustratedwith|donewith)[a-z0-9]{{0,30}}{_EN_PROVIDERS}"],
    "en_complaint": ["wait", "rush", "push", "upsell", "ignore", "shuffle", "overbook", "nevercallback"],
    "en_others_habit": [
        f"(most|many|other|typical|some)[a-z]{{0,10}}{_EN_PROVIDERS}"
        "(wont|dont|never|rarely|cant|willnot|pull|push|rush|upsell|overcharge|chargemore|skip|ignore|hide)",
    ],
    "en_other_said_no": [
        "(another|other|your|previous|last)(clinic|dentist|doctor|surgeon|dermatologist|ophthalmologist)s?"
        "(said|told|turned|refused|gaveup)",
    ],
    # --- inducement (English price anchor) ---------------------------------------------------------------------
    "en_half_price": ["halfthe(price|cost)", "halfprice", "halfoff"],
    # --- celebrity and broadcast -------------------------------------------------------------------------------
    # a programme or channel the doctor appears on, advises or was shown by
    "broadcast": [
        "(방송|tv|티비|프로그램|다큐|다큐멘터리|예능|종편|라디오|유튜브채널|뉴스|드라마)(에|에서|의)?[가-힣]{0,6}"
        "(출연|자문|고정|소개된|소개되|나온|나오신|등장)",
    ],
    # public figures by role that the older celebrity class lacks (an image model is allowed, so no 모델)
    "public_figure": [
        "앵커",
        "bj",
        "스트리머",
        "틱톡커",
        "인스타그래머",
        "(여|남)(자)?주인공",
        "래퍼",
        "뮤지컬배우",
        "예능인",
        "셀러브리티",
        "(톱|한류|스포츠|아이돌)스타",
    ],
    # what ties the figure to this clinic or a procedure
    "tie_to_clinic": [
        "곳",
        "원장",
        f"{_PROVIDER}",
        "시술",
        "수술",
        "관리",
        "교정",
        "필러",
        "보톡스",
        "라인",
        "비결",
        "담당",
        "선택",
        "추천",
        "받은",
        "다듬",
        "맡긴",
        "집도",
        "완성",
    ],
    "doctor": ["원장", "의사", "전문의", "의료진", "선생님", "교수", "닥터"],
    "en_seen_on": [
        "asseenon(tv|television|kbs|mbc|sbs|jtbc|tvn|netflix|youtube)",
        "featuredon(tv|kbs|mbc|sbs|jtbc|tvn)",
    ],
    # --- guarantee ---------------------------------------------------------------------------------------------
    "certainty": ["반드시", "확실하게", "틀림없이", "기필코"],
    "delivered": [
        "(결과|효과|변화)(로|를)?(보답|보여|증명)",
        "(지워|없애|빼|바꿔|되찾아|돌려)(드립|드려|드릴|줍니다|드리겠)",
    ],
    "anyone": ["누구든", "누구나", "예외없이", "모든분(이|들이)?"],
    "changed": ["(달라진|달라집|달라져|효과를보|변화를|좋아집|좋아져)"],
    # a failure or a disappointment, then a free redo or the money back (mixed Korean and English words)
    "failure": ["실패", "탈락", "failure", "fails?", "빠지면", "재발하면", "불만족", "효과(가)?없(으면|을시)"],
    "free_redo": [
        "무상",
        "무료(로)?(재|다시)",
        "비용없이",
        "환불",
        "돌려",
        "refund",
        "moneyback",
        "free(redo|retreatment)",
    ],
    "result_confident": ["(결과|효과)(에|는|만큼은|라면|로)?[가-힣]{0,4}자신(있|합니다|만만)"],
    "en_redo_free": [
        "or(we|well|weill)(redo|refund|fix|retreat|repeat)[a-z]{0,10}(free|forfree|atnocost|nocharge)",
        "(fixed|corrected|solved|gone|straight|clear|perfect)forlife",
    ],
    "en_no_result_no_fee": [
        "no(results?|improvement|change|difference)(no|nothing)(charge|fee|cost|pay|topay)",
        "oryourmoneyback",
        "orit'?s?free",
    ],
}

# English "free"/"no" in the failure class must be words, not letters inside a word: the roles are searched on
# the compact text (no spaces), so short English words stay in multi-word patterns above.


# a broadcast given as the reason for a schedule change ("원장님 방송 출연 일정으로 오후 휴진") is a closure notice,
# not an endorsement (corpus README: "A plain closure notice that mentions a broadcast is clean")
_BROADCAST_AS_REASON = ["(방송|tv|티비)?(출연|촬영|녹화)[가-힣]{0,3}(일정|관계|때문|사정|차)(으로|로|에|상|이)"]


def _c(*names: str) -> list[str]:
    return [pattern for name in names for pattern in CONCEPTS[name]]


# Purpose: a comparison or disparagement is advertising content whatever the channel (an AlimTalk or an
# informational SMS that carries one is KAKAO-ALIMTALK-PROMO / ADV-PURPOSE-MISMATCH plus the MSA finding). Only
# the classes a care message never uses feed the purpose step (``PROMO``); "타 병원에서 어렵다는 소견을 받으셨다면
# 진료의뢰서를 가져오세요" and "다른 병원에서 잘못 처방된 약" stay informational.
_PROMO_REASON = "다른 의료기관과의 비교·비방 / comparison with or disparagement of other clinics"
_EVALUATIVE_CONTRAST = [
    "(와|과)(는|도)?(차원이다|비교(가|도)?(안|불가|할수없|되지않)|같을수없|급이다)",
    "(이|가)?부럽지않",
    "못지않",
]
_PROMO_CLASSES = (
    "had_you_come_first",
    "bad_name",
    "fooled",
    "one_habit_place",
    "still_places",
    "tired_of_place",
    "neglect_place",
    "real_one_differs",
    "proper_elsewhere",
    "why_elsewhere",
    "en_unlike",
    "en_others_habit",
)


def _promo_frames() -> list[dict[str, Any]]:
    contrast = [f"(?:{p})(?:{c})" for p in CONCEPTS["described_provider"] for c in _EVALUATIVE_CONTRAST]
    single = [frame("PROMO", [_c(name)], scope="any", reason=_PROMO_REASON) for name in _PROMO_CLASSES]
    return [
        frame("PROMO", [contrast, _EVALUATIVE_CONTRAST], 8, scope="any", reason=_PROMO_REASON),
        frame("PROMO", [_c("shopped_around"), _c("tried_there")], 14, scope="any", reason=_PROMO_REASON),
        frame("PROMO", [_c("non_specialist"), _c("harm_done")], 30, scope="any", reason=_PROMO_REASON),
        *single,
    ]


def frames() -> list[dict[str, Any]]:
    return [
        *_promo_frames(),
        # comparison and disparagement
        # one pattern, so the contrast follows the provider it is about (not the sender's "…안과" before it)
        # (the contrast again as a second role: its literal words let the prefilter skip the frame)
        frame(
            "MSA-COMPARISON",
            [[f"(?:{p})(?:{c})" for p in _c("described_provider") for c in _c("contrast_after")], _c("contrast_after")],
            8,
        ),
        frame("MSA-COMPARISON", [_c("shopped_around"), _c("tried_there")], 14),
        frame("MSA-DEFAME", [_c("had_you_come_first")]),
        frame("MSA-DEFAME", [_c("others"), _c("refused")], 24),
        frame("MSA-DEFAME", [_c("one_habit_place")]),
        frame("MSA-DEFAME", [_c("still_places")]),
        frame("MSA-DEFAME", [_c("tired_of_place")]),
        frame("MSA-DEFAME", [_c("neglect_place")]),
        frame("MSA-DEFAME", [_c("others"), _c("only_got")], 24),
        frame("MSA-DEFAME", [_c("others"), _c("did_not_work")], 24),
        frame("MSA-DEFAME", [_c("others"), _c("went_wrong")], 24),
        frame("MSA-DEFAME", [_c("described_provider"), _c("doubt")], 16),
        frame("MSA-COMPARISON", [_c("proper_elsewhere")]),
        frame("MSA-COMPARISON", [_c("we_differ"), _c("their_visit")], 40, sentences=2),
        # "Other clinics can't match our results" boasts; it says nothing bad of them
        frame(
            "MSA-DEFAME",
            [_c("en_others_habit")],
            exceptions=["(cant|wont|cannot|couldnt)(match|beat|compete|compare|equal|rival)"],
        ),
        frame("MSA-DEFAME", [_c("non_specialist"), _c("harm_done")], 30),
        frame("MSA-DEFAME", [_c("other_clinic_method"), _c("did_not_work")], 24),
        frame("MSA-COMPARISON", [_c("other_method"), _c("did_not_work")], 24),  # any rival, clinic or not
        frame("MSA-COMPARISON", [_c("why_elsewhere")]),
        frame("MSA-DEFAME", [_c("bad_name")]),
        frame("MSA-DEFAME", [_c("named_other"), _c("their_fault")], 30),
        frame("MSA-DEFAME", [_c("fooled")]),
        frame("MSA-COMPARISON", [_c("real_one_differs")]),
        frame("MSA-DEFAME", [_c("bad_fact"), _c("someone")], 16),
        frame("MSA-COMPARISON", [_c("market_price")]),
        frame("MSA-DEFAME", [_c("like_others"), _c("spared")], 24),
        frame("MSA-COMPARISON", [_c("en_unlike")]),
        frame("MSA-DEFAME", [_c("en_unlike"), _c("en_complaint")], 40, sentences=2),
        frame("MSA-DEFAME", [_c("en_other_said_no")]),
        frame("MSA-INDUCEMENT", [_c("en_half_price")]),
        # celebrity by broadcast: a doctor sold by a programme (ARTICLE-FORM and, by the labelling convention,
        # CELEBRITY)
        frame("MSA-ARTICLE-FORM", [_c("broadcast"), _c("doctor")], 12, exceptions=_BROADCAST_AS_REASON),
        frame("MSA-CELEBRITY", [_c("broadcast"), _c("doctor")], 12, exceptions=_BROADCAST_AS_REASON),
        frame("MSA-CELEBRITY", [_c("public_figure"), _c("tie_to_clinic")], 20),
        frame("MSA-ARTICLE-FORM", [_c("en_seen_on")]),
        # guarantee
        frame("MSA-GUARANTEE", [_c("certainty"), _c("delivered")], 12),
        frame("MSA-GUARANTEE", [_c("anyone"), _c("changed")], 24),
        frame("MSA-GUARANTEE", [_c("failure"), _c("free_redo")], 16),
        frame("MSA-GUARANTEE", [_c("en_no_result_no_fee")]),
        frame("MSA-GUARANTEE", [_c("result_confident")]),
        frame("MSA-GUARANTEE", [_c("en_redo_free")]),
    ]


def main() -> None:
    write_frames(OUT, CONCEPTS, frames())


if __name__ == "__main__":
    main()
