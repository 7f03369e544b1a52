"""Frames of session 16 for comparison/disparagement, celebrity and guarantee (issue 17: recall on wording no
rule was written for), composed from concept classes like :mod:`compliance.compose_frames_s15`.

Written from the misses of the retired independent set (``independent_dev2``) and of an outside writer's
training file (``writer_s16_a``), each generalised to the family of phrasings it belongs to:

* comparison — the patient's rounds of other clinics told by new words (발품, 견적 비교, 병원 투어, "shopping",
  "다녀도" / "다니며"), moving or settling here after them (옮겨오시는, 정착하는, 갈아타는), another clinic named and
  then "저희는/여기는" (its flaw set against ours), "다른 곳과 비교해 보시면", a franchise or chain clinic's quote,
  "than at the clinic down the street", "Tired of <Korean clinic>?";
* disparagement — a place described by a bad habit ("…하는 병원이 아직도 많습니다", "항생제부터 쓰는 소아과"),
  a patient fobbed off elsewhere ("한마디 듣고 돌아오셨나요", "해줄 게 없다고 했던", "힘들다는 소리"), harm
  suffered there ("아팠다고들", "잘못돼서 저희를 찾아오시는", "번지고 흉이 졌다면"), another field's method run
  down (양방·양약·진통제·칼 대는 수술 + 그때뿐·위장만 상합니다·못 찾은), money wasted on the rounds, being tired of
  a place ("…나오는 피부과, 지겨우시죠?"), "somewhere else told you no";
* celebrity — a public figure by role tied to the clinic by a visit, a consultation, a quote or a video of the
  treatment ("미스코리아 본선 진출자들이 상담받고 가는 곳", "배우 ○○○ 님이 직접 받고 남긴 한마디", "Celeb들이
  다녀가는"), a doctor sold by a talk show panel, "as featured on MBC … Dr.", "like your favourite girl-group star";
* guarantee — a number of sessions followed by a definite outcome ("주사 세 번이면 사라집니다", "5회면 털과 영원히
  이별"), never again ("다시 아플 일 없게", "다시는 없습니다", "마지막 치료가 될 겁니다"), a promise after an outcome
  ("여기서 멈춥니다. 약속드립니다"), redo until satisfied, a refund when an outcome verb fails ("못 빼시면 환불",
  "안 펴지면 환불"), restoration as it was ("그대로 되돌려 드립니다"), worry put down ("재발 걱정은 내려놓으셔도"),
  English "gone in three visits", "or the next one is on us", "or we refund the rest".

``python -m compliance.compose_frames_s16_compare`` writes ``rules/frames_s16_compare.json`` (the loader reads
every ``rules/frames*.json``). Every frame is a model-free window frame whose roles carry literal words, so the
prefilter skips it on ordinary messages and linting never loads the analyser (tests/compliance/test_model_free.py).
Disparaging frames name MSA-DEFAME only (the checker reports the comparison it implies). Frames whose classes a
care message never uses also feed the purpose step (PROMO), so the same comparison inside an AlimTalk or an
informational SMS is advertising content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .compose_frames import frame, write_frames
from .compose_frames_s15 import _BROADCAST_AS_REASON
from .compose_frames_s15 import CONCEPTS as S15
from .findings import RULES_DIR

OUT: Path = RULES_DIR / "frames_s16_compare.json"

_PROVIDER = "(병원|의원|치과|안과|피부과|성형외과|정형외과|한의원|소아과|내과|클리닉|센터)"
_OTHER = (
    "(다른|타|딴|여느|남의|주변|근처|인근|동네|가까운|여러|대형|큰|체인|프랜차이즈|네트워크|기업형|공장형|일반|보통|흔한|"
    "웬만한|대부분의|이전|예전|기존)"
)
_PLACE = f"(곳|데|{_PROVIDER})"
# outcome verbs a treatment promises (the stems of 사라지다, 없어지다, 펴지다, 빠지다, 낫다, 멈추다 …)
_OUTCOME_END = (
    "(사라집|사라져요|없어집|없어져요|펴집|펴져요|빠집|빠져요|끝납|끝나요|낫습|나아요|멈춥|멈춰요|해결됩|좋아집|좋아져요|"
    "지워집|지워져요|나아집|줄어듭|회복됩|돌아옵|늘어납|자랍니|이별)"
)

CONCEPTS: dict[str, list[str]] = {
    # --- comparison ----------------------------------------------------------------------------------------------
    "other_provider": [
        f"{_OTHER}{_PROVIDER}(들)?",
        "(다른|딴|엉뚱한)(곳|데)(들)?",
        "타원",
        "타의원",
        # mixed Korean and English: "다른 clinic", "other 병원"
        f"{_OTHER}(clinics?|dentists?|doctors?|hospitals?)",
        f"(other|another|previous)({_PROVIDER}|곳|데)",
    ],
    # the rounds of other clinics, in words the s15 class lacks
    "rounds": [
        "발품",
        "견적(을|서를)?(비교|받아보|받아보시)",
        "(병원|상담|견적)투어",
        "shopping",
        "쇼핑",
        f"여러{_PROVIDER}",
        "(두|세|네|다섯|여섯|몇|여러|[0-9]+)(군데|곳)(에서|에서는|을|를|이나|씩|의|만|에|도)?",
        "여기저기",
        "이곳저곳",
    ],
    "went_round": [
        "(다녀|다니|가봐|가봤|받아|받았|알아봐|알아봤|비교하)(도|봐도|보셔도|봤지만|보셨지만|봤는데|며|면서|느라)",
        "(다녀|다니|가보|상담|받아|비교|알아)[가-힣]{0,4}(보시|보셨|보신|보면|보고)",
        "헤매",
        "전전",
        "돌아다니",
        "돌아보",
        "둘러보",
        "에서(받은|받으신|들은|들으신)",
    ],
    # moving here after the others
    "moved_here": [
        "옮겨(오|왔)",
        "옮기(시|신)",
        "갈아타",
        "정착(하|했|한)",
        "결국(여기|저희|이곳|본원)",
        "마지막에(찾|오)",
    ],
    # the others named, then "we" as the topic: their flaw set against ours (RULES.md "저희는 다릅니다 (after
    # naming others)")
    "we_topic": ["(저희|우리|여기|이곳|본원)(는|선|에선|에서는|에겐|에게는)(?!어떤|무엇)"],
    "compare_us": [
        "비교해(보시|보면|보세요|보십)",
        "비교하시면",
        "비교(가|도)?(안되|불가|할수없)",
        "차이(를|가)[가-힣]{0,3}(아실|느끼|보실|확인)",
        "(왜|얼마나)[가-힣]{0,8}(다른지|다르|합리적인지|편한지)",
    ],
    # words that name the rounds by themselves
    "rounds_named": [
        "발품",
        "견적(을|서를)?(비교하|비교해|비교받)",
        "(병원|상담|견적)투어",
        "(병원|피부과|성형|안과|치과)쇼핑",
        "shopping(하|했)",
    ],
    "price_shock": ["견적[가-힣]{0,4}(놀라|깜짝|부담)", "(놀라|놀라셨|깜짝)[가-힣]{0,8}견적"],
    "contrast_far": [
        f"{_PLACE}(와|과)(는|도)?[가-힣]{{0,6}}(다를|다릅|다른|다르|달라|차원이다|비교(가|도)?(안|불가|할수없))",
    ],
    "en_than_there": [
        "than(at|in)?(the|your|any|other|a)?(clinic|dentist|doctor|surgeon|practice|office)s?"
        "(downthestreet|nextdoor|aroundthecorner|nearby|elsewhere|youwentto|youvisited)",
        "than(at|in)?(any|other|most)(other)?(clinic|dentist|doctor|surgeon|practice|office)s?",
    ],
    "mixed_tired_of": [f"(tiredof|sickof|fedupwith|frustratedwith|donewith)[가-힣a-z0-9]{{0,20}}{_PROVIDER}"],
    # passing over the nearer or usual clinic to come here ("가까운 치과 놔두고")
    "passed_over": ["(놔두고|놓아두고|제쳐두고|마다하고|두고서|건너뛰고)"],
    # English: most or many of a kind of provider, then "we" (their habit set against ours)
    "en_most_others": [
        "(most|many|other|typical|some|cheaper|budget)[a-z]{0,10}"
        "(clinics?|dentists?|doctors?|surgeons?|offices|practices|chains|places|hospitals|medspas?|spas|salons|injectors)",
    ],
    "en_we": ["wenever", "wedont", "wedonot", "wewont", "weuse", "weonly", "notus", "nothere", "herewe", "atourclinic"],
    # --- disparagement -------------------------------------------------------------------------------------------
    # a treatment the patient is stuck in elsewhere ("물리치료만 몇 달째 받고 계신가요?")
    "stuck_in": [
        "(만|뿐)(몇달째|몇년째|몇주째|수년째|몇달|몇년|계속|언제까지|평생)[가-힣]{0,4}(받|드시|맞|다니|바르|먹)",
    ],
    # went there, and then a bad surprise ("싸게 한다는 광고 보고 가셨다가 … 폭탄 맞으셨죠")
    "went_there_then": ["(가셨|갔|하셨|받으셨|맡기셨|심으셨|심었|맞으셨|했)다가"],
    "bad_surprise": [
        "폭탄",
        "후회",
        "고생",
        "낭패",
        "실망",
        "망치",
        "망쳐",
        "덧나",
        "재수술",
        "재치료",
        "바가지",
        "추가비용",
        "다시(오시|찾아오|오신)",
    ],
    "cheap_ad": ["(싸게|저렴하게|최저가|반값)[가-힣]{0,4}(한다는|라는|해준다는|해준다던|한다던)광고"],
    # "there are (still) many places that …"
    "many_such_places": [
        f"(는|은|던)[가-힣]{{0,2}}{_PLACE}(이|가|도)(아직도|아직|여전히|생각보다|의외로|꽤|참|정말|너무)?(많|수두룩|적지않|흔)",
    ],
    # a place reduced to one habit (verbs the s15 class lacks)
    "habit_place": [
        f"[가-힣]{{1,8}}(만|부터)(쓰는|처방하는|넣는|뽑는|깎는|자르는|놓는|놔주는|찍는|파는|바르는|권하는)[가-힣]{{0,4}}{_PLACE}",
        f"(찍어내는|대충하는|대충보는|돌리는|밀어붙이는|끼워파는)[가-힣]{{0,4}}{_PLACE}",
    ],
    # a patient fobbed off or turned away elsewhere
    "others_at": [
        f"{_OTHER}{_PROVIDER}(들)?(이|에서|에선|은|는|도|에서도|에서는)",
        f"{_OTHER}(곳|데)(이|에서|에선|은|는|도|에서도|에서는)",
        "(대학|큰|대형|종합)병원(에서|에선|에서도|에서는)",
        "(타원|타의원)(이|에서|에선|은|는|도)",
        f"(other|another|previous)({_PROVIDER}|곳|데)(이|에서|에선|은|는|도)",
        f"{_OTHER}(clinics?|dentists?|doctors?|hospitals?)(이|에서|에선|은|는|도)",
        "somewhereelse",
        "elsewhere",
    ],
    "fobbed_off": [
        "(해줄|해드릴|할|해줄수있는)(게|것이|것도|수있는게)(더는|더)?없",
        "방법이없다(고|며|던|는)",
        "[가-힣]{1,4}밖에(없|답이없|방법이없)다(고|며|던|는)",
        "(어렵|힘들|안되|안된|불가능하|늦었|위험하|괜찮)다(는)?(소리|말|얘기|판정|답)",
        "(한마디|말만|소리만|얘기만)(듣고|들으시고|들으셨|들으신|들었)",
        "(그냥|그대로)돌아(오셨|오신|왔)",
        "아팠다(고|며|는)",
        "(told|said)you(were|was|are)?(nt|not|no)",
        "(turned|sent)youaway",
    ],
    # harm done to the patient there, then the patient comes here
    "harm_then_here": [
        "(잘못|실패|망가|망쳐|틀어|부작용)[가-힣]{0,6}(저희|여기|본원|이곳)[가-힣]{0,3}(찾아|오시|오신|오세)",
    ],
    "done_properly_elsewhere": [f"처음부터(제대로|잘)(하는|된)[가-힣]{{0,2}}{_PLACE}"],
    # a non-medical place or another field, and its harm or failure
    "rival_place": [
        "(한의원|한방|양방|양약|관리실|피부관리실|에스테틱|피부샵|마사지샵|미용실|네일샵|왁싱샵|반영구샵|문신샵)"
        "(에서|에|의|처럼|보다|은|는|도|으로|로|만|치료|약)",
        "(진통제|스테로이드|항생제)(랑|와|과|만|로|부터|에)",
        "병원(약|치료)(에|만|으로|로|을|은)",
        "양약",
        "양방(?!향)",
        "칼(을)?대는",
    ],
    "rival_harm": [
        "더나빠",
        "악화",
        "의존하",
        "내성",
        "(붉어|빨개|뒤집어|상해|망가|덧나|번져|부어|곪아|헐어)[가-힣]{0,2}(진|졌|서|버린|버려)",
        "그때뿐",
        "임시방편",
        "(위장|간|몸|피부)(만|이|을)?(상합|상해|상하|망가|버립)",
        "(흉터|재발|부작용)(와|과|이|가|만)[가-힣]{0,6}(남습|남아|생깁)",
        "(번지|번졌|번진)",
        "흉(이)?(졌|지고|진)",
        "(못|안)(찾은|찾던|고친|고치던|잡은|잡던)",
        "안(낫|빠지|없어지|좋아지|나아지|줄)[가-힣]{0,2}(던|었|았|는)",
        "(받아|다녀|먹어|드셔|맞아)도[가-힣]{0,4}(안|못)",
    ],
    # money or years thrown away on the rounds
    "wasted": ["돈(만)?(버리|버린|날리|날린|쓰고)", "시간(만)?(버리|날리|낭비)", "(헛|괜히)돈"],
    # tired of a place described by what it does
    "described_place": [f"[가-힣](는|은|던|한){_PROVIDER}"],
    "tired": ["지겨우", "지겹", "지치셨", "지치신", "질리셨", "실망하셨", "실망하신", "답답하셨"],
    "like_others": [f"{_OTHER}({_PROVIDER}|곳|데)(들)?(처럼|같이|마냥)"],
    "not_here": ["(저희|우리|여기|본원)(에겐|에게는|에선|는)[가-힣]{0,3}(없|안)"],
    # --- celebrity -----------------------------------------------------------------------------------------------
    "public_role": [
        "연예인",
        "아이돌",
        "걸그룹",
        "보이그룹",
        "배우(?!자|고|러|기|시|신|셨|세|면|며|던|다|어|지)",
        "가수(?!원)",
        "셀럽",
        "celeb(?!rat)",
        "kpop",
        "k-pop",
        "kdrama",
        "idols?",
        "(?<!f)actors?",  # not "factory"
        "(?<!f)actress(es)?",
        "singers?",
        "athletes?",
        "방송인",
        "인플루언서",
        "influencers?",
        "유튜버",
        "youtubers?",
        "미스코리아",
        "스트리머",
        "틱톡커",
        "크리에이터",
        "개그맨",
        "개그우먼",
        "아나운서",
        "한류스타",
        "(프로|국가대표|올림픽)[가-힣]{0,3}선수",
    ],
    "tied_here": [
        "상담받",
        "받고(가|간|갔|남긴)",
        "다녀(가|간|갔)",
        "찾아(오|온|와)",
        "(가|다니)는곳",
        "직접받",
        "(이|라)고했",
        "한마디",
        "시술하는",
        "수술하는",
        "장면",
        "풀영상",
        "영상",
        "journey",
        "vlog",
        "visit(s|ed|ing)?",
        "cameto",
        "comehere",
        "trust(s|ed)?",
        "swearby",
        "favou?rite",
        "후기",
    ],
    "talk_show": [
        "(토크쇼|건강프로|교양프로|예능|종편|방송|tv|라디오)[가-힣]{0,8}(패널|게스트|출연|나온|나오신|고정|화제(가|를)?(된|되|모은))",
    ],
    "healer": ["원장", "의사", "한의사", "치과의사", "전문의", "의료진", "선생님", "교수", "닥터"],
    "en_featured": ["(asfeatured|asseen|featured|appeared)(on|in)"],
    "en_doctor": ["dr", "doctor", "surgeon", "dentist"],
    "en_like_star": [
        "like(your|a|the)?favou?rite[a-z]{0,12}(star|idol|celeb|actress|actor|singer)",
        "like(a|the)?(kpop|girlgroup|boyband|hollywood|kdrama)[a-z]{0,8}(star|idol|celeb|actress|actor|singer)",
        "(idol|celeb|kpop|girlgroup)(package|look|line|nose|lips)",
    ],
    # --- guarantee -----------------------------------------------------------------------------------------------
    "n_sessions": [
        "(한|두|세|네|[0-9]+)(달|주|개월|주일)(이면|만에|만|안에|후면)",
        "([0-9]+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)(번|회|회차|차례|번의|회의)(만)?(이면|만에|만으로|으로|면|이내|안에|후엔|후면)",
    ],
    "definite_outcome": [
        f"{_OUTCOME_END}",
        "(영원히|평생|다시는)[가-힣]{0,4}(이별|안녕|해방|작별|졸업)",
        "바로(펴|없어|사라|빠)",
        "고민(해결|끝|탈출)",
    ],
    # "X와 작별", "흉터, 이제 안녕": what the treatment makes go for good
    "farewell": [
        "(흉터|주름|기미|잡티|여드름|탈모|통증|뱃살|군살|안경|렌즈|돋보기|틀니|처짐|다크서클|모공|털|냄새|코골이)"
        "(와|과|여|이여)?(이제|영원히|평생)?(안녕|작별|이별|굿바이|bye)",
    ],
    # a symptom or aesthetic target, then a definite outcome verb in the declarative (no "-ㄹ 수 있습니다" hedge):
    # "탈모, 여기서 멈춥니다", "기미가 옅어집니다" (post-treatment swelling and bruising are left out: "붓기는 사흘이면
    # 빠집니다" is care advice)
    "symptom_gone": [
        "(기미|주름|흉터|여드름|탈모|뱃살|군살|지방|처짐|잡티|모공|다크서클|두통|비염|거북목|코골이|색소|주근깨|검버섯|"
        "셀룰라이트|이중턱|팔자주름|목주름|튼살|잔주름|요실금|디스크|오십견|안구건조)"
        "(이|가|은|는|도|까지|만)?[가-힣]{0,6}"
        "(사라집|없어집|펴집|빠집|낫습|멈춥|옅어집|지워집|사라져요|없어져요|빠져요|지워져요|녹아내립|녹아요|해결됩|완치됩|"
        "끝냅|끝내드|끝내겠|잡아드|고쳐드)",
    ],
    "sure_thing": ["확실히", "확실하게", "반드시", "틀림없이", "기필코", "책임지고", "100%"],
    "deliver_verb": ["(빼|지워|없애|펴|세워|올려|줄여|바꿔|만들어|잡아|채워|되돌려)(드립|드려|드릴|드리겠)"],
    "never_again": [
        "다시(는)?[가-힣]{0,4}(아플|재발할|처질|생길|고생할|걱정할|찾으실)(일|걱정|필요)?(은|이|도)?(없|없게|없을)",
        "다시는(없습|없어요|없을|생기지|돌아오지|오지)",
        "(두번)?다시(는)?[가-힣]{0,10}(올|갈|찾을|아플|고생할|걱정할|받을)일(은|이|도)?없",
        "마지막[가-힣]{0,8}(치료|수술|시술|병원)(가|이)?될",
    ],
    "promise": ["약속드(립|려|릴)", "약속합니다", "장담(합|드립|해)", "자신(합|있습)"],
    "until_satisfied": ["(마음에드실|만족하실|만족스러우실|원하시는결과가나올|원하시는모양이나올)때까지"],
    "free_again": ["(무료|무상|비용없이)(로)?[가-힣]{0,2}(다시|재시술|재수술|해드|리터치|교정)"],
    "outcome_fails": [
        "(못|안)(빼|빠지|빠져|줄|줄이|펴|펴지|낫|나으|나아지|좋아지|나오|자라|바뀌|변하|달라지|효과보|늘|늘어나|차오르|"
        "올라가|내려가|떨어지|사라지|없어지|개선되)[가-힣]{0,3}면",
        "(목표|원하시는)[가-힣]{0,6}(못|안)[가-힣]{1,3}면",
        "(효과|변화|결과|개선)(를|가|을|이)?(못|안)(느끼|보|나오|나타나)[가-힣]{0,3}면",
    ],
    "money_back": ["환불", "돌려드", "차액", "반환", "refund"],
    "restore_as_was": ["(그대로|원래대로|예전|그시절|시절)[가-힣]{0,8}(되돌려|되찾아)(드립|드려|드릴)"],
    "clean_sweep": ["남김없이[가-힣]{0,6}(빼|없애|제거해|지워|녹여)"],
    # mimetic words asserting the result (의사협회 심의 기준: '싹', '쏙'), then what disappears
    "mimetic_sweep": [
        "(싹|쏙|말끔히|깨끗이|감쪽같이|씻은듯이)[가-힣]{0,3}(지워|사라|없어|빠|낫|나아|해결|제거|녹아|정리)",
    ],
    # another clinic where the money or sessions went for nothing (English)
    "en_elsewhere": [
        "somewhereelse",
        "elsewhere",
        "anotherclinic",
        "otherclinics?",
        "yourlastclinic",
        "previousclinic",
    ],
    "en_no_result": ["nothingtoshow", "noresults?", "didntwork", "noimprovement", "nochange", "wasted", "gotnowhere"],
    "worry_down": [
        "(재발|요요|부작용|통증|실패)[가-힣]{0,3}걱정(은|을|도|일랑)?(내려놓|놓으셔|접으셔|안하셔|하지않으셔|마세요|그만)",
    ],
    "en_gone_in": [
        "(gone|fixed|cured|cleared|solved|straight|clear)(in|within|after)"
        "(one|two|three|four|five|[0-9]+)(visits?|sessions?|treatments?|weeks?|days?)",
    ],
    # the ad's own claim ("Look 10 years younger"), not a quoted patient's past ("I looked 5 years younger")
    "en_years_younger": [
        "(?<!looked)(?<!felt)(?<!ilook)(?<!ifeel)(?<!imlooking)(?<![0-9])([0-9]+|five|ten|fifteen|twenty)yearsyounger"
    ],
    # no gain after the sessions, then the money back ("No improvement after 4 sessions? Full refund.")
    "en_no_gain": [
        "no(improvement|results?|change|difference|effect)(after|in|within|by)",
        "(didnt|doesnt|dont)(work|improve|see(results?|improvement))",
    ],
    "en_refund": ["(full|total)?refund", "moneyback", "yourmoney", "wepay", "onthehouse"],
    "en_on_us": [
        "or(the)?(next|another|extra|following)(one|session|treatment|visit)(is|s)?onus",
        "or(we|well|wewill)refund",
        "or(your)?(next|another|extra|following)[a-z]{0,12}(is|s)?(free|onus)",
        "orwegiveyou(your)?moneyback",
    ],
}


def _c(*names: str) -> list[str]:
    return [pattern for name in names for pattern in CONCEPTS[name]]


# Literal words every match of a one-class frame contains (its ``also`` cue group). A one-role frame without
# cues is merged into its rule's one big alternation, which is tried on most texts and costs lint speed for
# every branch; with its cues it stays a frame of its own, looked at only when one of these words is present.
CUES: dict[str, list[str]] = {
    "many_such_places": ["많", "수두룩", "적지않", "흔"],
    "habit_place": [
        *("쓰는", "처방하는", "넣는", "뽑는", "깎는", "자르는", "놓는", "놔주는", "찍는", "파는", "바르는"),
        *("권하는", "찍어내는", "대충", "돌리는", "밀어붙이는"),
    ],
    "rounds_named": ["발품", "견적", "투어", "쇼핑", "shopping"],
    "price_shock": ["견적"],
    "en_than_there": ["than"],
    "mixed_tired_of": ["tiredof", "sickof", "fedupwith", "frustratedwith", "donewith"],
    "harm_then_here": ["찾아", "오시", "오신", "오세"],
    "done_properly_elsewhere": ["처음부터"],
    "en_like_star": ["like", "package", "look", "line", "nose", "lips"],
    "never_again": ["다시", "마지막"],
    "restore_as_was": ["되돌려", "되찾아"],
    "clean_sweep": ["남김없이"],
    "worry_down": ["걱정"],
    "mimetic_sweep": ["싹", "쏙", "말끔히", "깨끗이", "감쪽같이", "씻은듯이"],
    "en_gone_in": ["gone", "fixed", "cured", "clear", "solved", "straight"],
    "en_on_us": ["onus", "refund", "free", "moneyback"],
    "en_years_younger": ["younger"],
    "stuck_in": ["만", "뿐"],
    "cheap_ad": ["광고"],
    "farewell": ["안녕", "작별", "이별", "굿바이", "bye"],
    "symptom_gone": [
        *("사라집", "없어집", "펴집", "빠집", "낫습", "멈춥", "옅어집", "지워집", "사라져요", "없어져요", "빠져요"),
        *("지워져요", "녹아내립", "녹아요", "해결됩", "완치됩", "끝냅", "끝내드", "끝내겠", "잡아드", "고쳐드"),
    ],
}


def _solo(rule: str, name: str, **extra: Any) -> dict[str, Any]:
    """A frame of one class, kept out of the merged alternation by its literal cue words (:data:`CUES`)."""
    return frame(rule, [_c(name)], also=[CUES[name]], **extra)


def _s15(*names: str) -> list[str]:
    return [pattern for name in names for pattern in S15[name]]


_PROMO_REASON = "다른 의료기관과의 비교·비방 / comparison with or disparagement of other clinics"


def _promo_frames() -> list[dict[str, Any]]:
    """Comparison classes a care message never uses: the same comparison in an AlimTalk or informational SMS is
    advertising content. ("다른 병원 다녀오셨다면 검사지를 가져오세요" stays care: a contrast is required.)"""

    def promo(roles: list[list[str]], window: int = 20, **extra: Any) -> dict[str, Any]:
        return frame("PROMO", roles, window, scope="any", reason=_PROMO_REASON, **extra)

    return [
        promo([_c("rounds"), _c("went_round"), _c("compare_us", "moved_here", "we_topic", "wasted")], 40),
        promo([_c("rounds"), _c("moved_here")], 24),
        promo([_c("other_provider"), _c("compare_us")], 24),
        promo([_c("others_at"), _s15("refused"), _c("we_topic")], 40),
        promo([_c("others_at"), _c("fobbed_off"), _c("we_topic")], 40),
        _solo("PROMO", "many_such_places", scope="any", reason=_PROMO_REASON),
        _solo("PROMO", "habit_place", scope="any", reason=_PROMO_REASON),
    ]


def frames() -> list[dict[str, Any]]:
    return [
        *_promo_frames(),
        # comparison
        frame("MSA-COMPARISON", [_c("rounds"), _c("went_round")], 16),
        _solo("MSA-COMPARISON", "rounds_named"),
        frame("MSA-COMPARISON", [_c("rounds", "other_provider"), _c("moved_here")], 24),
        frame("MSA-COMPARISON", [_c("other_provider"), _c("we_topic")], 40, sentences=2),
        frame("MSA-COMPARISON", [_c("other_provider"), _c("compare_us")], 24),
        _solo("MSA-COMPARISON", "price_shock"),
        frame("MSA-COMPARISON", [_c("contrast_far"), ["다를", "다릅", "다른", "다르", "달라", "차원", "비교"]], 12),
        _solo("MSA-COMPARISON", "en_than_there"),
        _solo("MSA-COMPARISON", "mixed_tired_of"),
        # disparagement
        _solo("MSA-DEFAME", "many_such_places"),
        _solo("MSA-DEFAME", "habit_place"),
        frame("MSA-DEFAME", [_c("others_at"), _c("fobbed_off")], 30),
        _solo("MSA-DEFAME", "harm_then_here"),
        _solo("MSA-DEFAME", "done_properly_elsewhere"),
        _solo("MSA-DEFAME", "stuck_in"),
        _solo("MSA-DEFAME", "cheap_ad"),
        frame("MSA-DEFAME", [_c("went_there_then"), _c("bad_surprise")], 30),
        frame("MSA-COMPARISON", [_c("other_provider"), _c("passed_over")], 12),
        frame("MSA-COMPARISON", [_c("en_most_others"), _c("en_we")], 60, sentences=2),
        frame("MSA-DEFAME", [_c("rival_place"), _c("rival_harm")], 30),
        frame("MSA-DEFAME", [_c("rounds"), _c("wasted")], 16),
        frame("MSA-DEFAME", [_c("described_place"), _c("tired")], 16),
        frame("MSA-DEFAME", [_c("like_others"), _c("not_here")], 50),
        frame("MSA-DEFAME", [_c("en_elsewhere"), _c("en_no_result")], 40),
        # celebrity
        frame("MSA-CELEBRITY", [_c("public_role"), _c("tied_here")], 30, exceptions=["이미지모델", "전속모델아님"]),
        frame("MSA-CELEBRITY", [_c("talk_show"), _c("healer")], 16, exceptions=_BROADCAST_AS_REASON),
        frame("MSA-ARTICLE-FORM", [_c("talk_show"), _c("healer")], 16, exceptions=_BROADCAST_AS_REASON),
        frame("MSA-CELEBRITY", [_c("en_featured"), _c("en_doctor")], 40),
        _solo("MSA-CELEBRITY", "en_like_star"),
        # guarantee
        frame("MSA-GUARANTEE", [_c("n_sessions"), _c("definite_outcome")], 20),
        _solo("MSA-GUARANTEE", "never_again"),
        frame("MSA-GUARANTEE", [_c("definite_outcome"), _c("promise")], 30, sentences=2),
        frame("MSA-GUARANTEE", [_c("until_satisfied"), _c("free_again")], 20),
        frame("MSA-GUARANTEE", [_c("outcome_fails"), _c("money_back")], 20),
        _solo("MSA-GUARANTEE", "restore_as_was"),
        _solo("MSA-GUARANTEE", "clean_sweep"),
        _solo("MSA-GUARANTEE", "worry_down"),
        _solo("MSA-GUARANTEE", "mimetic_sweep"),
        _solo("MSA-GUARANTEE", "farewell"),
        _solo("MSA-GUARANTEE", "symptom_gone"),
        frame("MSA-GUARANTEE", [_c("sure_thing"), _c("deliver_verb")], 12),
        _solo("MSA-GUARANTEE", "en_gone_in"),
        _solo("MSA-GUARANTEE", "en_on_us"),
        frame("MSA-GUARANTEE", [_c("en_no_gain"), _c("en_refund")], 40, sentences=2),
        _solo("MSA-GUARANTEE", "en_years_younger"),
    ]


def main() -> None:
    write_frames(OUT, CONCEPTS, frames())


if __name__ == "__main__":
    main()
