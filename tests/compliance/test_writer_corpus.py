"""The writer files of sessions 16 and 17 (training lines written by helpers who read neither the rules nor the other
corpus texts) are well formed: real rule ids, cited sources of their own (every listed page cited), channel and purpose
allowed together, the families each writer was asked for, a clean share near a third, and no text or source shared
with any other corpus file. writerC's lines from pages independent3 also cites sit in ``writer_s16_c_unseen``
(never trained on) and count as writerC's here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from compliance.corpus_score import CORPUS_DIR, UNLABELLED, load
from compliance.findings import rule_catalogue
from nodes.channels import CHANNELS

ALL_FAMILIES = {"testimonial", "comparison", "inducement", "guarantee", "safety", "celebrity", "english", "health",
                "purpose", "transmission", "other", "mixed", "clean"}  # fmt: skip

PAIR_TOPICS = frozenset({"compare", "rundown", "review", "celeb", "media", "student", "refund", "story", "offer", "best",
                         "clean"})  # fmt: skip
C_TOPICS = frozenset({"safety", "title", "risk", "offer", "student", "first", "info", "clean"})
D_TOPICS = frozenset(ALL_FAMILIES - {"transmission", "mixed"} | {"form"})  # "form": the advertisement's form
F_TOPICS = frozenset({"clean", "engclean", "testimonial", "beforeafter", "compare", "inducement", "review", "guarantee",
                      "safety", "superlative", "celebrity", "unverified", "appearance", "omitrisk", "health", "purpose",
                      "transmission", "eng"})  # fmt: skip
G_TOPICS = frozenset(ALL_FAMILIES - {"mixed"})
CLEAN23_TOPICS = frozenset(
    ALL_FAMILIES - {"transmission", "mixed", "clean"} | {"adform"}
)  # clean lines under their family
# session 24: SMS that talk about health, informational AlimTalk against Kakao's black list, plain superlative words
CLEAN24_TOPICS = frozenset({"healthsms", "testprep", "result", "refill", "paperwork", "alimtalk", "kakaoblack",
                            "kakaopromo", "mismatch", "superlative", "adform", "other"})  # fmt: skip
# session 25: one-fault lines where a second rule is tempting (disparagement with or without naming others, promotion
# in informational messages with or without a concrete offer, guarantee beside safety, broadcast headlines …)
S25A_TOPICS = frozenset({"clean", "channel", "defame", "testimonial", "guarantee", "kakao", "inducement", "review", "adv",
                         "article", "celebrity", "pii", "comparison", "safety", "superlative", "omitrisk", "unverified",
                         "title", "surgery", "beforeafter", "student", "appearance"})  # fmt: skip
E_TOPICS = frozenset({"testimonial", "compare", "induce", "guarantee", "safety", "celeb", "english", "health", "purpose",
                      "form", "other", "clean"})  # fmt: skip


@dataclass(frozen=True)
class Writer:
    stems: tuple[str, ...]  # the writer's files (the first is the training file)
    prefix: str  # id and source-key prefix
    families: frozenset[str]
    clean_share: tuple[float, float]
    lines: int
    topics: frozenset[str] = frozenset(ALL_FAMILIES)  # the id's middle part
    clean_twins: bool = False  # clean lines sit under their situation's topic too, not only under "clean"


WRITERS = {
    "a": Writer(("writer_s16_a",), "wa",
                frozenset({"comparison", "celebrity", "guarantee", "mixed", "english", "health", "clean"}),
                (0.25, 0.40), 220),
    "b": Writer(("writer_s16_b",), "wb",
                frozenset({"inducement", "testimonial", "purpose", "english", "safety", "transmission", "health",
                           "other", "clean"}),
                (0.30, 0.40), 220),
    "c": Writer(("writer_s16_c", "writer_s16_c_unseen"), "wc", frozenset(ALL_FAMILIES), (0.28, 0.38), 240),
    "e": Writer(("writer_s17_e",), "we",
                frozenset({"english", "mixed", "celebrity", "comparison", "purpose", "health", "transmission", "clean"}),
                (0.27, 0.35), 240),
    # session 17: every family from the staff of eight specialties, ~40 % close clean traps
    "f": Writer(("writer_s17_f",), "wf", frozenset(ALL_FAMILIES), (0.35, 0.42), 240),
    # session 17: writerD (guarantee, safety, testimonial, inducement, other; about 30 % close clean traps)
    "d": Writer(("writer_s17_d",), "wd",
                frozenset({"guarantee", "safety", "testimonial", "inducement", "other", "mixed", "clean"}),
                (0.27, 0.36), 240),
    # session 17: writerG, an agency copywriter for plastic surgery, dermatology, hair and obesity clinics (~35 % clean)
    "g": Writer(("writer_s17_g",), "wg", frozenset(ALL_FAMILIES), (0.30, 0.40), 240),
    # session 17: writerH, a small local clinic's receptionist (internal medicine, paediatrics, ENT, family medicine,
    # dental, Korean medicine, rehabilitation, screening): every family, about 35 % close clean traps
    "h": Writer(("writer_s17_h",), "wh", frozenset(ALL_FAMILIES), (0.32, 0.40), 240),
    # session 18: writerI, from the kinds of sources issue 17 names (ministry cases, review standards, FTC/ASA
    # cases, AlimTalk and consent guides) across twelve specialties; mostly one fault per line, ~40 % close clean traps
    "i": Writer(("writer_s18_i",), "wi", frozenset(ALL_FAMILIES), (0.36, 0.44), 230),
    # session 18: writerJ, a clinic marketer's Naver blog / Instagram / KakaoTalk channel campaigns (eye, plastic
    # surgery, dermatology, dental, Korean medicine, weight-loss, hair): one main fault per line, ~40 % close clean traps
    "j": Writer(("writer_s18_j",), "wj", frozenset(ALL_FAMILIES), (0.35, 0.45), 240),
    # session 18: writerK, clinics serving foreigners (medical-tourism coordinators): English and mixed Korean/English
    # lines of every family, with purpose, AlimTalk, transmission and health-in-SMS lines; about 40 % close clean traps
    "k": Writer(("writer_s18_k",), "wk", frozenset(ALL_FAMILIES), (0.36, 0.44), 240),
    # session 19: writerM, paraphrases of the cases issue 17's sources name (ministry/보건소 crackdowns, association
    # review limits, FTC, AlimTalk and KISA guides) for seven clinics; about a quarter English or mixed, ~39 % clean
    # session 19: writerL, ten local clinics of less covered specialties (orthopaedics, Korean medicine, dental, women's
    # clinic, weight, hair, check-ups, paediatrics, ENT, laser dermatology): the everyday messages DoctorsFlow sends
    "l": Writer(("writer_s19_l",), "w19l", frozenset(ALL_FAMILIES), (0.36, 0.45), 245),
    "m": Writer(("writer_s19_m",), "w19m", frozenset(ALL_FAMILIES), (0.35, 0.44), 250),
    # session 20: two blind writers given only RULES.md and issue 17, on the situations where two rules meet (review
    # rewards, a doctor on television, disparagement, students, refunds …); they decided the corpus conventions
    "s20a": Writer(("writer_s20_a",), "w20a", PAIR_TOPICS, (0.26, 0.34), 150, PAIR_TOPICS, True),
    "s20b": Writer(("writer_s20_b",), "w20b", PAIR_TOPICS, (0.24, 0.32), 160, PAIR_TOPICS, True),
    # session 21, blind as above: writerC on the families least sure (safety claims, titles, risk notices, offers,
    # students, first/only, informational drift); writerD (eye, plastic, skin, dental: the everyday messages) and
    # writerE (orthopaedics, Korean medicine, women's, ENT, check-ups, hair; many innocent ad-looking words) like the
    # hidden corpus, asked for one rule per violating line
    "s21c": Writer(("writer_s21_c",), "w21c", C_TOPICS, (0.33, 0.42), 155, C_TOPICS, True),
    "s21d": Writer(("writer_s21_d",), "w21d", D_TOPICS, (0.34, 0.43), 160, D_TOPICS),
    "s21e": Writer(("writer_s21_e", "writer_s21_e_unseen"), "w21e", E_TOPICS, (0.33, 0.42), 160, E_TOPICS),
    # session 22, blind as above and asked to label every rule a line breaks: writerF, advertisements (skin, plastic,
    # eye, dental, weight, regenerative) each with one fault among compliant look-alikes; writerG, informational
    # messages (internal medicine, paediatrics, women's, orthopaedics, rehabilitation, ENT, dental) full of innocent
    # ad-looking words. WriterF's 2 lines from a page independent9 also cites sit in ``writer_s22_f_unseen``.
    "s22f": Writer(("writer_s22_f", "writer_s22_f_unseen"), "w22f", F_TOPICS, (0.34, 0.42), 160, F_TOPICS, True),
    "s22g": Writer(("writer_s22_g",), "w22g", G_TOPICS, (0.34, 0.43), 160, G_TOPICS),
    # writerH: the hidden corpus's own mix, every family in equal parts (Korean medicine, psychiatry, urology, pain,
    # family medicine, care hospitals, hair transplant, LASIK/LASEK)
    "s22h": Writer(("writer_s22_h",), "w22h", frozenset(ALL_FAMILIES), (0.35, 0.44), 159),
    # writerI: foreign patients (medical tourism: plastic surgery, skin, dental, check-ups, fertility), 65 % English or
    # mixed, every family
    "s22i": Writer(("writer_s22_i",), "w22i", frozenset(ALL_FAMILIES), (0.33, 0.42), 170),
    # session 23: near-miss clean traps (~70 % clean) of every family and channel, blind as above; its 72 lines from six
    # pages independent10/11 (written at the same time) also cite sit in ``writer_s23_clean_unseen``
    "s23c": Writer(("writer_s23_clean", "writer_s23_clean_unseen"), "w23c", CLEAN23_TOPICS, (0.64, 0.74), 200, CLEAN23_TOPICS, True),
    # session 24: near-miss health-adjacent and informational lines (~67 % clean, clean lines under their family),
    # blind as above: SMS about health without a patient's data, AlimTalk Kakao accepts, superlative words used plainly
    "s24c": Writer(("writer_s24_clean",), "w24c", CLEAN24_TOPICS, (0.62, 0.72), 205, CLEAN24_TOPICS, True),
    # session 25, blind as above: one-fault lines where a second rule is tempting, each second rule decided on its own
    # merits (40 of 143 violating lines name two rules), ~38 % clean, ~16 % English or mixed
    "s25a": Writer(("writer_s25_a",), "w25", S25A_TOPICS, (0.33, 0.43), 230, S25A_TOPICS),
    # session 26, writer26: precision traps (informational lines with risky words, one-fault ads where a second rule
    # tempts, English); blind at landing P 0.977 / R 0.956. Its 25 lines from two pages independent16/17 (written at the
    # same time) also cite sit in ``writer_s26_a_unseen``: never trained on, never read
    # session 26, writer26b: precision traps B (disparagement vs neutral mentions, price facts, FAQ-style care lines)
    "s26b": Writer(("writer_s26_b",), "w26b", frozenset(ALL_FAMILIES), (0.38, 0.48), 298, frozenset(ALL_FAMILIES), True),
    # session 26, writer26c (English and mixed, long agency copy) and writer26d (informational channels)
    "s26c": Writer(("writer_s26_c",), "w26c", frozenset(ALL_FAMILIES), (0.39, 0.49), 230, frozenset(ALL_FAMILIES), True),
    "s26d": Writer(("writer_s26_d",), "w26d", frozenset(ALL_FAMILIES), (0.37, 0.47), 269, frozenset(ALL_FAMILIES), True),
    "s26a": Writer(("writer_s26_a", "writer_s26_a_unseen"), "w26", frozenset(ALL_FAMILIES), (0.37, 0.46), 225, frozenset(ALL_FAMILIES), True),
    # session 27, writer27a: disparagement and comparison without the obvious words (≈ 58 % of lines, each with a clean
    # twin: referrals, records, second opinions); writer27b: keyword-free inducement, guarantee, testimonial and
    # health information, each with a clean twin. Blind at landing: P 0.786 / R 0.815 and P 0.969 / R 0.939
    "s27a": Writer(("writer_s27_a",), "w27a", frozenset(ALL_FAMILIES | {"defame"}), (0.36, 0.46), 225, frozenset(ALL_FAMILIES | {"defame"}), True),
    "s27b": Writer(("writer_s27_b",), "w27b", frozenset(ALL_FAMILIES), (0.37, 0.47), 225, frozenset(ALL_FAMILIES), True),
    # writer27d: English and mixed Korean/English of every family (medical tourism, expat patients); blind at landing
    # P 0.913 / R 0.779
    # writer27c: safety, superlative, unverified and appearance claims without the tell-tale words; blind at landing
    # P 0.967 / R 0.617
    "s27c": Writer(("writer_s27_c",), "w27c", frozenset(ALL_FAMILIES), (0.37, 0.47), 235, frozenset(ALL_FAMILIES | {"superlative", "unverified", "appearance"}), True),
    "s27d": Writer(("writer_s27_d",), "w27d", frozenset(ALL_FAMILIES), (0.37, 0.48), 235, frozenset(ALL_FAMILIES), True),
    # session 28, writer28a: disparagement of other clinics or their methods without the obvious words, Korean and
    # English (≈ 73 % of lines with their clean twins); writer28b: implied inducement, safety claims, celebrity by role
    # and advertisements naming procedures without a risk notice. Blind at landing: P 0.894 / R 0.427 and P 0.947 / R 0.838
    "s28a": Writer(("writer_s28_a",), "w28a", frozenset(ALL_FAMILIES), (0.38, 0.48), 226, frozenset(ALL_FAMILIES), True),
    "s28b": Writer(("writer_s28_b",), "w28b", frozenset(ALL_FAMILIES), (0.37, 0.47), 246, frozenset(ALL_FAMILIES), True),
    "s29a": Writer(("writer_s29_a",), "w29a", frozenset(ALL_FAMILIES) - {"clean"}, (0.36, 0.46), 212, frozenset(ALL_FAMILIES), True),
    "s29b": Writer(("writer_s29_b",), "w29b", frozenset(ALL_FAMILIES), (0.40, 0.50), 238, frozenset(ALL_FAMILIES), True),
    "s29c": Writer(("writer_s29_c",), "w29c", frozenset(ALL_FAMILIES), (0.39, 0.49), 243, frozenset(ALL_FAMILIES), True),
    "s30a": Writer(("writer_s30_a",), "w30a", frozenset(ALL_FAMILIES), (0.38, 0.48), 264, frozenset(ALL_FAMILIES), True),
    "s30b": Writer(
        ("writer_s30_b",), "w30b", frozenset(ALL_FAMILIES), (0.37, 0.47), 209, frozenset(ALL_FAMILIES | {"superlative"}), True
    ),
    "s30c": Writer(("writer_s30_c",), "w30c", frozenset(ALL_FAMILIES), (0.58, 0.68), 220, frozenset(ALL_FAMILIES), True),
    # session 31, writer31a: English and mixed messages for foreign patients (comparisons with home, travel perks, health
    # details in English SMS); writer31c: precision traps (57 % clean), each beside its violating twin. Blind at landing
    # (main c5c6026): P 0.967 / R 0.779 and P 0.896 / R 0.870; writer31b: the hidden corpus's five source kinds from
    # new pages, one case per line (P 0.970 / R 0.919). Lines citing a page a session-31 blind set also cites (the
    # writers and the blind sets' writers searched at the same time) are in *_unseen: never trained on
    # (test_independent_corpus)
    "s31b": Writer(("writer_s31_b", "writer_s31_b_unseen"), "w31b", frozenset(ALL_FAMILIES), (0.37, 0.47), 220, frozenset(ALL_FAMILIES), True),
    "s31a": Writer(("writer_s31_a", "writer_s31_a_unseen"), "w31a", frozenset(ALL_FAMILIES), (0.40, 0.50), 226, frozenset(ALL_FAMILIES), True),
    "s31c": Writer(
        ("writer_s31_c", "writer_s31_c_unseen"), "w31c", frozenset(ALL_FAMILIES), (0.52, 0.62), 265,
        frozenset(ALL_FAMILIES | {"review", "broadcast", "beforeafter", "superlative", "alimtalk", "records"}), True,
    ),
    # session 32, blind at landing (main 119636b): writer32a, English idioms of comparison, disparagement, safety,
    # guarantees and superlatives (P 0.889 / R 0.752); writer32b, English and mixed perks, reviews, testimonials,
    # celebrities, health details in English SMS, promotion in informational messages (P 0.948 / R 0.830); writer32c,
    # the hidden corpus's source kinds from new pages without the tell-tale words (P 0.964 / R 0.831)
    "s32a": Writer(("writer_s32_a",), "w32a", frozenset(ALL_FAMILIES), (0.40, 0.50), 226,
                   frozenset(ALL_FAMILIES | {"defame", "superlative"}), True),
    "s32b": Writer(("writer_s32_b",), "w32b", frozenset(ALL_FAMILIES), (0.37, 0.47), 217,
                   frozenset(ALL_FAMILIES | {"review", "beforeafter"}), True),
    "s32c": Writer(("writer_s32_c",), "w32c", frozenset(ALL_FAMILIES), (0.37, 0.47), 218, frozenset(ALL_FAMILIES), True),
    # writer32e: Korean precision traps on the families that over-fire (factual fees and points, other clinics' records,
    # general test explanations, notices about reviews and broadcasts, sender-name variants), 57 % clean; blind at
    # landing P 0.894 / R 0.920
    "s32e": Writer(("writer_s32_e",), "w32e", frozenset(ALL_FAMILIES), (0.52, 0.62), 235, frozenset(ALL_FAMILIES), True),
    # writer32d: English and mixed precision traps (care, logistics, FAQ, records and fee messages to foreign patients),
    # 58 % clean, each beside its violating twin; blind at landing P 0.911 / R 0.844
    "s32d": Writer(("writer_s32_d",), "w32d", frozenset(ALL_FAMILIES), (0.53, 0.63), 230, frozenset(ALL_FAMILIES), True),
    # session 33: precision traps on the families that over-fired in blind sets 42–45, each clean line beside its
    # violating twin; writer33a English and mixed (blind at landing P 0.910 / R 0.867), writer33b Korean (P 0.900 / R 0.912)
    "s33a": Writer(("writer_s33_a",), "w33a", frozenset(ALL_FAMILIES), (0.50, 0.60), 232, frozenset(ALL_FAMILIES), True),
    "s33b": Writer(("writer_s33_b",), "w33b", frozenset(ALL_FAMILIES), (0.48, 0.58), 214, frozenset(ALL_FAMILIES), True),
}  # fmt: skip


def _source_keys() -> set[str]:
    table = (CORPUS_DIR / "SOURCES.md").read_text("utf-8")
    return set(re.findall(r"^\| ([a-z0-9-]+) \| http", table, re.M))


def _rows(writer: Writer) -> list[dict[str, Any]]:
    return [row for stem in writer.stems for row in load(stem)]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writer_lines_are_labelled_with_known_rules_and_cited(name: str) -> None:
    writer, rules, sources = WRITERS[name], set(rule_catalogue()), _source_keys()
    rows = _rows(writer)
    assert len(rows) >= writer.lines and len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "channel", "purpose", "text", "expected", "source"}, row["id"]
        assert re.fullmatch(rf"{writer.prefix}-[a-z]+-\d{{2,3}}", row["id"]), row["id"]
        assert row["id"].split("-")[1] in writer.topics, row["id"]
        assert row["purpose"] in CHANNELS[row["channel"]].purposes, row["id"]
        assert row["text"].strip(), row["id"]
        assert set(row["expected"]) <= rules - UNLABELLED, row["id"]
        assert row["expected"] == sorted(set(row["expected"])), row["id"]
        assert row["source"] in sources and row["source"].startswith(f"{writer.prefix}-"), row["id"]
        if row["id"].split("-")[1] == "clean" or not writer.clean_twins:
            assert (row["id"].split("-")[1] == "clean") == (not row["expected"]), row["id"]
    assert {row["id"].split("-")[1] for row in rows} >= writer.families
    low, high = writer.clean_share
    assert low <= sum(1 for row in rows if not row["expected"]) / len(rows) <= high


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_page_a_writer_lists_is_cited(name: str) -> None:
    writer = WRITERS[name]
    listed = {key for key in _source_keys() if key.startswith(f"{writer.prefix}-")}
    assert {row["source"] for row in _rows(writer)} == listed


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writer_file_shares_no_text_or_source_with_any_other_corpus_file(name: str) -> None:
    writer = WRITERS[name]
    rows = _rows(writer)
    texts, cited = {row["text"] for row in rows}, {row["source"] for row in rows}
    assert len(texts) == len(rows)
    for path in CORPUS_DIR.glob("*.jsonl"):
        if path.stem in writer.stems:
            continue
        others = load(path.stem)
        assert not texts & {row["text"] for row in others}, path.name
        assert not cited & {row.get("source") for row in others}, path.name
