"""Text rules: lint one message on its channel and purpose (RULES.md), with offsets into the original text.

Word lists live in ``rules/*.json`` (one file per rule family): ``patterns`` apply to every message,
``ad_patterns`` only to advertising content, ``exceptions`` cancel any match they overlap. Each family is
compiled once into one alternation and matched on the compact normalised text (:mod:`.normalize`).

Scope decisions (RULES.md: MSA rules "apply to any message that advertises"):

* *Advertising content* is a message whose purpose is advertising (FriendTalk always) **or** an
  informational message with promotional content — the latter is also reported as
  ADV-PURPOSE-MISMATCH (SMS) or KAKAO-ALIMTALK-PROMO (AlimTalk).
* On advertising content every MSA pattern applies. On ordinary informational messages only the
  unambiguous patterns apply (국내 최초, 100% 만족, 부작용 없는 …) so that care text such as "최고 기온",
  "통증이 없으시더라도" or "흉터 없이 아물도록" raises no false alarm.
* ADV-LABEL / ADV-OPTOUT / ADV-SENDER apply to advertising purpose only; AlimTalk is always informational.

What a channel is comes from the channel table (:mod:`nodes.channels`): advertising-only channels
(FriendTalk) are always advertising, informational-only ones never; Kakao's informational channel
(AlimTalk) gets Kakao's promo and blacklist rules and its character limit; byte-counted carrier channels
(SMS/LMS) get the health-data and byte-length rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import attrgetter
from typing import Any

from nodes.channels import CHANNELS as CHANNEL_TABLE
from nodes.channels import PURPOSES as CHANNEL_PURPOSES
from nodes.channels import Channel, ChannelName, Purpose, euckr_len

from . import conventions, defame_scope
from .analysis import TextAnalysis, analyse
from .context import Context, sentences
from .defame import disparaging
from .findings import RULES_DIR, Finding, Severity, make_finding
from .frames import FrameMatch, Span
from .negation import is_cued, negated
from .normalize import SHORT_MATCH, Normalized, normalize
from .overlaps import resolve as resolve_overlaps
from .person_names import inside_a_name, person_name_spans
from .prefilter import GatedAlternation, GateIndex
from .purpose import PurposeVerdict, classify
from .ranking import ranking_only
from .scorer import best_sentence, scored_rules
from .sender_name import named_after_label, names_sender_in_words
from .suggestions import suggest
from .variables import unknown_variable_spans

# a text's alternatives that can match, per word list (:class:`.prefilter.GateIndex`)
Masks = dict[GatedAlternation, int]
TextChannel = ChannelName
TextPurpose = Purpose
CHANNELS: tuple[str, ...] = tuple(CHANNEL_TABLE)  # the lint-text contract: every channel of the table
PURPOSES: tuple[str, ...] = CHANNEL_PURPOSES

_MSA_FAMILY_FILES = (
    "msa_superlative",
    "msa_guarantee",
    "msa_safety_claim",
    "msa_testimonial",
    "msa_before_after",
    "msa_comparison",
    "msa_unverified",
    "msa_celebrity",
    "msa_review_incentive",
    "msa_defame",
    "msa_surgery_scene",
    "msa_fake_title",
    "msa_article_form",
    "msa_student_lure",
    "msa_appearance",
)


def _alternation(patterns: Iterable[str]) -> re.Pattern[str] | None:
    items = [p for p in patterns if p]
    return re.compile("|".join(f"(?:{p})" for p in items)) if items else None


def _gated(patterns: Iterable[str]) -> GatedAlternation | None:
    """A word list as one alternation scanned, per text, with only the words that can occur in it."""
    items = [p for p in patterns if p]
    return GatedAlternation(items) if items else None


@dataclass(frozen=True)
class _Family:
    rule: str
    any_re: GatedAlternation | None
    exceptions: GatedAlternation | None
    both_re: GatedAlternation | None = None  # patterns and ad_patterns in one pass, for advertising content

    def matches(self, norm: Normalized, advertising: bool, masks: Masks) -> list[tuple[int, int]]:
        """Compact-text spans of this family's matches, exceptions and word-splitting respected; ``masks``: the
        text's alternatives that can match (:meth:`_Rules.masks`)."""
        gated = (self.both_re or self.any_re) if advertising else self.any_re
        if gated is None or (met := masks.get(gated)) is None:  # no gram of the list in the text (most lists,
            return []  # most texts): nothing to search
        text = norm.text
        found: list[tuple[int, int]] = []
        pattern = gated.searcher(met)
        if pattern is not None:
            pos = 0
            while (m := pattern.search(text, pos)) is not None:
                a, b = m.span()
                if b > a and norm.crosses_words_cleanly(a, b):
                    found.append((a, b))
                    pos = b
                else:  # rejected (a word split by chance): look again from the next character
                    pos = a + 1
        if found and person_name_spans(norm.original):  # "Dear Ms. Sales," names a patient, offers no sale
            found = [s for s in found if not inside_a_name(norm.original, *norm.span(*s))]
        if not found:
            return []
        exceptions = self.exceptions.searcher(masks.get(self.exceptions, 0)) if self.exceptions is not None else None
        if exceptions is not None:
            excluded = [m.span() for m in exceptions.finditer(text)]
            if excluded:
                found = [s for s in found if not any(s[0] < e[1] and e[0] < s[1] for e in excluded)]
        return _merge(found)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps merged (one finding per highlighted phrase)."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:  # overlapping or touching: one phrase
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RULES_DIR / f"{name}.json").read_text("utf-8"))
    return data


@cache
def omit_risk_lists() -> dict[str, list[str]]:
    """MSA-OMIT-RISK's procedure names and notice patterns: ``msa_omit_risk.json`` and, after it, every
    ``msa_omit_risk_*.json`` (one file per owner: more names by specialty, more notice forms)."""
    merged = _load("msa_omit_risk")
    procedures, disclosures = list(merged["procedures"]), list(merged["disclosures"])
    for extra in sorted(RULES_DIR.glob("msa_omit_risk_*.json")):
        data = json.loads(extra.read_text("utf-8"))
        procedures.extend(data.get("procedures", []))
        disclosures.extend(data.get("disclosures", []))
    return {"procedures": procedures, "disclosures": disclosures}


def _family(name: str) -> _Family:
    data = _load(name)
    patterns, ad_patterns = data.get("patterns", []), data.get("ad_patterns", [])
    return _Family(
        data["rule"], _gated(patterns), _gated(data.get("exceptions", [])), _gated([*patterns, *ad_patterns])
    )


@dataclass(frozen=True)
class _Rules:
    msa: tuple[_Family, ...]
    promo: _Family
    blacklist: _Family
    health: _Family
    inducement_strong: _Family
    inducement_soft: _Family
    procedures: GatedAlternation
    disclosures: GatedAlternation
    optout_phrase: re.Pattern[str]
    optout_method: re.Pattern[str]
    optout_free: re.Pattern[str]
    sender: re.Pattern[str]
    approval: re.Pattern[str]
    index: GateIndex  # every family's gated word lists, looked up together once per text

    def masks(self, norm: Normalized) -> Masks:
        """The word lists' alternatives that can match in this text (:class:`.prefilter.GateIndex`)."""
        return self.index.masks(norm.grams)


@cache
def _rules() -> _Rules:
    induce = _load("msa_inducement")
    exceptions = _gated(induce["exceptions"])
    strong = [p["re"] for p in induce["patterns"] if not p.get("soft")]
    soft = [p["re"] for p in induce["patterns"] if p.get("soft") and not p.get("ad_only")]
    soft_ad = [p["re"] for p in induce["patterns"] if p.get("soft") and p.get("ad_only")]
    omit = omit_risk_lists()
    adv = _load("adv")

    def required(patterns: list[str]) -> re.Pattern[str]:
        compiled = _alternation(patterns)
        assert compiled is not None, "empty word list"
        return compiled

    msa = tuple(_family(name) for name in _MSA_FAMILY_FILES)
    promo, blacklist, health = _family("promo"), _family("kakao_blacklist"), _family("pii_health")
    inducement_strong = _Family("MSA-INDUCEMENT", _gated(strong), exceptions)
    inducement_soft = _Family("MSA-INDUCEMENT", _gated(soft), exceptions, _gated([*soft, *soft_ad]))
    families = (*msa, promo, blacklist, health, inducement_strong, inducement_soft)
    gates = [g for f in families for g in (f.any_re, f.both_re, f.exceptions) if g is not None]
    return _Rules(
        msa=msa,
        promo=promo,
        blacklist=blacklist,
        health=health,
        inducement_strong=inducement_strong,
        inducement_soft=inducement_soft,
        procedures=GatedAlternation(omit["procedures"]),
        disclosures=GatedAlternation([*omit["disclosures"], *_load("risk_notices")["disclosures"]]),
        optout_phrase=required(adv["optout_phrases"]),
        optout_method=required(adv["optout_methods"]),
        optout_free=required(adv["optout_free_methods"]),
        sender=required(adv["sender"]),
        approval=required(adv["approval_number"]),
        index=GateIndex(gates),
    )


# a discount is only a warning when the offer states its period, its target and the original price
_PERIOD_RE = re.compile(r"기간|까지|[0-9]{1,2}월[0-9]{1,2}일?(부터|[0-9]{1,2}월|[0-9]{1,2}일)")
_TARGET_RE = re.compile(r"대상|해당자|고객님께|환자분")
_ORIGINAL_PRICE_RE = re.compile(r"정상가|원가|기존가|정가|[0-9]+원[^0-9]{0,3}[0-9]+원")

# resident registration number (RULES.md): 6 digits, an optional hyphen, 7 digits starting 1–4; the date
# part is not validated so that made-up numbers are caught too
_RRN_RE = re.compile(r"(?<![0-9])[0-9]{6}[ \t]?[-‐‑–—]?[ \t]?[1-4][0-9]{6}(?![0-9])")
_SIX_DIGITS_RE = re.compile(r"[0-9\uff10-\uff19]{6}")  # before folding: ASCII or full-width digits
_DIGIT_FOLD = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"－": "-", "﹣": "-"})
_CLINIC_VARIABLE_RE = re.compile(r"\{\{\s*clinic\.name\b")
_OPTOUT_VARIABLE_RE = re.compile(r"\{\{\s*clinic\.optout_number\b")
_PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_VISIBLE_RE = re.compile(r"[^\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e\u3164\u115f\u1160\uffa0]")
_LABEL = "(광고)"
# the sender's name where senders put it, right after the label: "(광고)[바노바기]", "(광고) Banobagi", "(광고) DR.PARK"
# (a Korean word there may be the offer itself, "(광고) 가을맞이 …": only brackets or Latin script count)
_NAMED_AFTER_LABEL_RE = re.compile(
    r"\s*\(광고\)\s*(?:[\[【<〈「][^\]】>〉」\n]{2,30}[\]】>〉」]|(?!(?i:sale|event|new|hot|best|open|free|special|grand|vip|only|today|last|big|mega|super)\b)"
    r"[A-Za-z][A-Za-z0-9.&'’-]*[A-Za-z0-9](?=[\s,:·)]))"
)


def sms_bytes(text: str) -> int:
    """Bytes as carriers count them (the channel table's count, as the sender uses it); a ``{{ variable }}``
    counts as 10 bytes (an estimate)."""
    if "{" in text:
        text = _PLACEHOLDER_RE.sub("x" * 10, text)
    return euckr_len(text)


_CACHED_TEXT_CHARS = 4000  # longer texts (bulk imports, pasted documents) are linted without caching


def lint_text(text: str, channel: str, purpose: str, *, use_cache: bool = True) -> list[Finding]:
    """Every text-rule finding of one message; ``start``/``end`` are offsets into ``text``.

    Results are cached per (text, channel, purpose): the editor re-lints the same templates on every
    change, preview and publish. Findings are frozen; each call gets its own list. ``use_cache=False``
    runs every rule again (the morphological analysis stays cached per text).
    Raises ``ValueError`` for an unknown channel or purpose.
    """
    if not use_cache or len(text) > _CACHED_TEXT_CHARS:
        return _lint_text(text, channel, purpose)
    return list(_lint_text_cached(text, channel, purpose))


@lru_cache(maxsize=2048)  # bounded: a bulk lint-text stream of unique messages must stay small in memory
def _lint_text_cached(text: str, channel: str, purpose: str) -> tuple[Finding, ...]:
    return tuple(_lint_text(text, channel, purpose))


@cache  # a few settings: one set each (a key of the text's analysis, kept per text)
def _skipped(advertising: bool, not_carrier: bool, kakao_informational: bool) -> frozenset[str]:
    """Rules that cannot apply to a message of this setting: no need to look."""
    return frozenset(
        (("PROMO",) if advertising else ())
        + (("PII-HEALTH-IN-SMS",) if not_carrier else ())
        + (() if kakao_informational else ("KAKAO-ALIMTALK-BLACKLIST",))
    )


def _lint_text(text: str, channel: str, purpose: str) -> list[Finding]:
    entry = CHANNEL_TABLE.get(channel)
    if entry is None:
        known = ", ".join(CHANNELS)
        raise ValueError(f"알 수 없는 채널: {channel!r} / unknown channel ({known})")
    if purpose not in PURPOSES:
        raise ValueError(f"알 수 없는 목적: {purpose!r} / unknown purpose (informational, advertising)")
    if _VISIBLE_RE.search(text) is None:
        return [make_finding("MSG-EMPTY", 0, len(text))]
    # FriendTalk is always advertising; AlimTalk always informational (RULES.md definitions)
    advertising = entry.advertising_only or (purpose == "advertising" and not entry.informational_only)
    kakao_informational = entry.kakao and entry.informational_only  # AlimTalk: Kakao reviews every text
    # what the text alone decides is read once per text (:mod:`.analysis`); every rule's decision runs each time
    analysis = analyse(text)
    norm = analysis.norm
    rules = _rules()
    masks = analysis.memo("masks", lambda: rules.masks(norm))
    findings: list[Finding] = []

    skip = _skipped(advertising, entry.max_bytes is None, kakao_informational)
    # frames for any message, before the purpose is known (offers said not to exist left out)
    matches = list(analysis.frames(False, skip))
    context = Context(text, not advertising, kakao_informational, norm.text, analysis)
    matches = context.keep(matches, _RULE_OF, _SPAN_OF, "frame")  # readings the words around them withdraw
    if not advertising:  # the scorer's view of the purpose
        matches += _scored(norm, "info", [], matches, context)
    blacklisted: list[Span] = []
    scored_blacklist: list[Span] = []  # reported, but (a whole sentence) it does not hide a promotion in it
    if kakao_informational:
        listed = analysis.memo(
            "blacklist", lambda: tuple(norm.span(a, b) for a, b in rules.blacklist.matches(norm, True, masks))
        )
        blacklisted = context.keep(listed, lambda _: "KAKAO-ALIMTALK-BLACKLIST", _SAME)  # (reviews shown, …)
        blacklisted += [m.span for m in matches if m.rule == "KAKAO-ALIMTALK-BLACKLIST"]
        if not blacklisted:
            scored_blacklist = [m.span for m in _scored(norm, "kakao", [], matches, context)]
    offers: list[Span] = []  # in an informational message, the spans that make it a promotion
    if advertising:
        ad_content = True
    else:  # purpose classification, its own step: promotional content in an informational message
        word_spans = context.keep(analysis.memo("promo", lambda: _words(norm, rules.promo, masks)), _PROMO, _SAME)
        benefit_words = analysis.memo("benefit", lambda: _words(norm, rules.inducement_strong, masks))
        benefit = context.keep(benefit_words, lambda _: "MSA-INDUCEMENT", _SAME)
        benefit += [m.span for m in matches if m.rule == "MSA-INDUCEMENT"]
        promo = [m for m in matches if m.rule == "PROMO" and not _overlaps(m.span, blacklisted)]
        verdict = classify(word_spans, promo, benefit)  # a black-listed greeting is that, not a promotion
        ad_content = verdict.advertising
        offers = word_spans + [m.span for m in promo] + benefit
        if verdict.advertising:
            mismatch = "KAKAO-ALIMTALK-PROMO" if kakao_informational else "ADV-PURPOSE-MISMATCH"
            findings.extend(_mismatch(norm, mismatch, verdict, entry))

    for rule, spans in analysis.memo(("msa", ad_content), lambda: _msa_spans(norm, rules, ad_content, masks)):
        findings.extend(_spans(norm, rule, spans))
    findings.extend(
        _inducement(norm, analysis.memo(("inducement", ad_content), lambda: _offers(norm, rules, ad_content, masks)))
    )
    if ad_content:
        matches += context.keep(analysis.frames(True), _RULE_OF, _SPAN_OF, "frame")
        matches += [
            m
            for m in _scored(norm, "ad", findings, matches, context)
            if advertising or m.rule not in _FRAMES_ONLY_IN_INFO
        ]
    by_rule: dict[str, list[Span]] = {}
    for match in matches:
        by_rule.setdefault(match.rule, []).append(match.span)
    for rule, spans in by_rule.items():
        if rule in ("PROMO", "KAKAO-ALIMTALK-BLACKLIST") or (rule == "PII-HEALTH-IN-SMS" and entry.max_bytes is None):
            continue
        severity = None
        if rule == "MSA-INDUCEMENT":  # the offer is already reported by its discount word (one its context keeps)
            if any(f.rule == rule and context.withdrawn(rule, (f.start or 0, f.end or 0)) is None for f in findings):
                continue
            severity = _frame_inducement_severity(norm, findings)
        findings.extend(_original_spans(norm, rule, _new_spans(findings, rule, spans), severity))
    if ad_content:
        # in a care or booking message the procedure may be only the patient's own ("임플란트 수술 후 …"); the
        # promotion beside it names what it offers: a procedure counts there when a claim is made or the offer's
        # sentence names it (README: "MSA-OMIT-RISK when the promotion offers or names the procedure")
        within = None if advertising or _claims(findings) else offers + _offer_spans(findings)
        findings.extend(_omit_risk(analysis, rules, within, context.own_name()))
        findings.append(_prereview(norm, analysis.memo("approval", lambda: _approval(norm, rules))))
    if advertising:
        form = analysis.memo("advertising form", lambda: tuple(_advertising_form(text, norm, rules)))
        findings.extend(make_finding(*args) for args in form)
    if kakao_informational:
        findings.extend(_original_spans(norm, "KAKAO-ALIMTALK-BLACKLIST", blacklisted + scored_blacklist))
        if entry.max_chars is not None and len(text) > entry.max_chars:
            detail = f"{len(text)}자 / {len(text)} characters"
            findings.append(make_finding("MSG-ALIMTALK-LENGTH", entry.max_chars, len(text), detail))
    if entry.max_bytes is not None:  # a carrier message (SMS/LMS): no health data, byte limits
        health = analysis.memo("health", lambda: tuple(rules.health.matches(norm, True, masks)))
        findings.extend(_spans(norm, "PII-HEALTH-IN-SMS", health))
        findings.extend(_sms_length(text, entry))
    findings = context.keep_findings(findings)
    if ad_content:  # a comparison whose sentence runs down the other party is a disparagement (second step)
        findings.extend(context.keep_findings(disparaging(text, findings)))
        # … and a sentence that speaks of another party, read by the model scoped to such sentences (session 28)
        findings.extend(context.keep_findings(defame_scope.disparaging(text, findings)))
    # The scorer's veto (scorer.vetoed) is measured (make scorer-veto-lofo), not applied: it gains little on unseen
    # writers (+0.001 precision) and dropped a textbook superlative ("최고의 의료진이 확인했습니다" in a care
    # message), because writers' superlative lines are all advertisements.
    findings = conventions.apply(text, findings)  # the one rule a reviewer names where two see the same words
    findings = resolve_overlaps(text, findings)  # a second rule on the words another rule explains (learned pairs)
    findings.extend(make_finding(*args) for args in analysis.memo("plain", lambda: tuple(_plain_args(text))))
    return _finish(
        text,
        findings,
        partial(lint_text, channel=channel, purpose=purpose),
    )


# A care or notice message addresses its own patient (고객님, 받으신 분, 회원 등급이 올라갔습니다): the scorer's
# character grams read that address as a patient's story. In a message declared informational a testimonial is left
# to the word lists and frames, which name the story's form (a quote relayed, 수기, 영상, 회복 이야기).
_FRAMES_ONLY_IN_INFO = frozenset({"MSA-TESTIMONIAL"})
# how the context step (:mod:`.context`) reads a frame match, and a bare span
_RULE_OF, _SPAN_OF, _SAME = attrgetter("rule"), attrgetter("span"), lambda span: span
# a finding as its make_finding arguments: what a text alone decides is kept per text, the finding made each time
_FindingArgs = tuple[str, int, int, str]


def _scored(
    norm: Normalized, scope: str, findings: list[Finding], matches: list[FrameMatch], context: Context
) -> list[FrameMatch]:
    """The scorer's second opinion (:mod:`.scorer`): a rule of ``scope`` that no word list or frame found,
    pointing at the sentence that scores highest for it, unless its context withdraws it (:mod:`.context`) or, for
    a comparison, that sentence is only a ranking among the sender's own kind (:mod:`.ranking`)."""
    found = {f.rule for f in findings} | {m.rule for m in matches}
    if "MSA-DEFAME" in found:  # a disparagement is reported as a comparison too, at its own place
        found.add("MSA-COMPARISON")
    if "MSA-BEFORE-AFTER" in found:  # a result shown in pictures reads like a patient's story to the character
        found.add("MSA-TESTIMONIAL")  # grams; it is the before/after rule's (a frame or word list still finds a story)
    scored = [
        m
        for m in (FrameMatch(rule, best_sentence(norm, rule), SCORED_REASON) for rule in scored_rules(norm, scope))
        if m.rule not in found and not (m.rule == "MSA-COMPARISON" and ranking_only(norm.original[slice(*m.span)]))
    ]
    return context.keep(scored, _RULE_OF, _SPAN_OF, "scored") if scored else scored


def lint_plain_text(text: str) -> list[Finding]:
    """The rules of text that is no message to a patient (a staff notice): unknown variables and RRNs."""
    return _finish(text, list(_plain(text)), lint_plain_text)


def _plain(text: str) -> Iterator[Finding]:
    return (make_finding(*args) for args in _plain_args(text))


def _plain_args(text: str) -> Iterator[_FindingArgs]:
    yield from _rrn(text)
    if "{{" in text:
        for start, end, name in unknown_variable_spans(text):
            detail = f"'{name}' 변수는 제공되지 않습니다 / variable '{name}' is not provided"
            yield "MSG-UNKNOWN-VARIABLE", start, end, detail


def _finish(text: str, findings: list[Finding], relint: Callable[[str], list[Finding]]) -> list[Finding]:
    findings = _one_per_phrase(sorted(findings, key=lambda f: (f.start or 0, -(f.end or 0), f.rule)))
    findings.sort(key=lambda f: (f.start or 0, f.end or 0, f.rule))
    for finding in findings:  # the flagged words and a rewrite, for reports (frozen dataclass: set once, here)
        if finding.end:
            object.__setattr__(finding, "excerpt", text[finding.start : finding.end])
        # the rewrite is worked out when asked for (it re-checks its candidates with ``relint``)
        object.__setattr__(finding, "rewrite", partial(suggest, finding, text, relint))
    return findings


def _one_per_phrase(findings: list[Finding]) -> list[Finding]:
    """Drop a finding whose text overlaps an earlier finding of the same rule (a word list and a frame, or
    two frames, both seeing one phrase): one finding, one suggestion per phrase. Empty spans are kept."""
    kept: list[Finding] = []
    last_end: dict[str, int] = {}
    for finding in findings:
        start, end = finding.start or 0, finding.end or 0
        if end > start and start < last_end.get(finding.rule, -1):
            continue
        if end > start:
            last_end[finding.rule] = max(end, last_end.get(finding.rule, -1))
        kept.append(finding)
    return kept


def _spans(norm: Normalized, rule: str, spans: Sequence[tuple[int, int]], detail: str = "") -> Iterator[Finding]:
    for a, b in spans:
        start, end = norm.span(a, b)
        word = norm.original[start:end]
        yield make_finding(rule, start, end, detail or f"'{word}'")


def _original_spans(
    norm: Normalized, rule: str, spans: Sequence[Span], severity: Severity | None = None
) -> Iterator[Finding]:
    for start, end in spans:
        yield make_finding(rule, start, end, f"'{norm.original[start:end]}'", severity)


def _frame_inducement_severity(norm: Normalized, findings: list[Finding]) -> Severity:
    """A price anchor or benefit in an offer that states its period, target and original price is a warning
    (RULES.md), as a disclosed discount is, unless an error-level inducement was already found."""
    if any(f.rule == "MSA-INDUCEMENT" and f.severity == "error" for f in findings):
        return "error"
    text = norm.text
    disclosed = _PERIOD_RE.search(text) and _TARGET_RE.search(text) and _ORIGINAL_PRICE_RE.search(text)
    return "warning" if disclosed else "error"


def _new_spans(findings: list[Finding], rule: str, spans: list[Span]) -> list[Span]:
    """Frame spans not already covered by a finding of the same rule (one finding per phrase)."""
    taken = [(f.start or 0, f.end or 0) for f in findings if f.rule == rule]
    return [(a, b) for a, b in spans if not any(a < e and s < b for s, e in taken)]


def _mismatch(norm: Normalized, rule: str, verdict: PurposeVerdict, channel: Channel) -> Iterator[Finding]:
    """One finding per promotional passage, its reason first (why the content counts as advertising)."""
    seen: list[tuple[int, int]] = []
    for reason in verdict.reasons:
        if any(reason.start < b and a < reason.end for a, b in seen):
            continue
        seen.append((reason.start, reason.end))
        word = norm.original[reason.start : reason.end]
        yield make_finding(rule, reason.start, reason.end, f"'{word}' — {reason.why}; {_promo_detail(channel)}")


def _promo_detail(channel: Channel) -> str:
    if channel.informational_only:
        ko, en = channel.label["ko"], channel.label["en"]
        return f"{ko}은 정보성 메시지만 보낼 수 있습니다 / {en} may carry informational content only"
    return (
        "광고성 내용이면 목적을 '광고'로 하고 동의·(광고)·수신거부를 갖추세요 / promotional content must be sent "
        "as advertising, with consent, label and opt-out"
    )


SCORED_REASON = "홍보성 표현으로 판단(표현 점수) / reads as promotion (wording score)"


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _PROMO(_: Span) -> str:
    return "PROMO"


def _words(norm: Normalized, family: _Family, masks: Masks) -> tuple[Span, ...]:
    """Original-text spans of a word list's affirmed matches (any message's patterns and the advertising ones)."""
    return tuple(_affirmed(norm.original, [norm.span(a, b) for a, b in family.matches(norm, True, masks)]))


def _msa_spans(
    norm: Normalized, rules: _Rules, ad_content: bool, masks: Masks
) -> tuple[tuple[str, list[tuple[int, int]]], ...]:
    """Each MSA word list's compact spans in the text, in list order (lists that find nothing left out)."""
    return tuple((family.rule, spans) for family in rules.msa if (spans := family.matches(norm, ad_content, masks)))


def _affirmed(text: str, spans: list[Span]) -> list[Span]:
    """Original-text spans of promotional words that are not negated or quoted in a warning (:mod:`.negation`)."""
    if not spans or not is_cued(text):
        return spans
    return [s for s in spans if not negated(text, *s)]


def _affirmed_compact(norm: Normalized, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The same for compact-text spans."""
    if not spans or not is_cued(norm.original):
        return spans
    return [s for s in spans if not negated(norm.original, *norm.span(*s))]


_Offers = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], bool]  # strong, soft, disclosed


def _offers(norm: Normalized, rules: _Rules, ad_content: bool, masks: Masks) -> _Offers:
    """The inducement words' compact spans, strong and soft (the text's alone: kept per text and ``ad_content``),
    and whether the offer states its period, target and original price."""
    # inducement words are promotional by nature and apply to every message; bare "무료" only to ads
    strong = _affirmed_compact(norm, rules.inducement_strong.matches(norm, True, masks))
    soft = [
        s
        for s in _affirmed_compact(norm, rules.inducement_soft.matches(norm, ad_content, masks))
        if not any(s[0] < t[1] and t[0] < s[1] for t in strong)
    ]
    text = norm.text
    disclosed = bool(soft and _PERIOD_RE.search(text) and _TARGET_RE.search(text) and _ORIGINAL_PRICE_RE.search(text))
    return tuple(strong), tuple(soft), disclosed


def _inducement(norm: Normalized, offers: _Offers) -> Iterator[Finding]:
    strong, soft, disclosed = offers
    yield from _spans(norm, "MSA-INDUCEMENT", strong)
    if not soft:
        return
    severity: Severity = "warning" if disclosed and not strong else "error"
    detail = (
        "기간·대상·정상가를 밝힌 할인 / discount with period, target and original price stated"
        if severity == "warning"
        else "기간·대상·정상가가 명시되지 않은 할인·이벤트 / discount or event without period, target and original price"
    )
    for a, b in soft:
        start, end = norm.span(a, b)
        yield make_finding("MSA-INDUCEMENT", start, end, f"'{norm.original[start:end]}' — {detail}", severity)


# rules whose finding is an offer (what a promotion gives), not a claim about a treatment
_OFFER_RULES = frozenset({"MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE", "MSA-STUDENT-LURE"})
_NOT_CLAIMS = _OFFER_RULES | {"MSA-OMIT-RISK", "MSA-PREREVIEW"}
# the patient's own care or booking, on the compact text: after/before their operation, their appointment, a care rule
_OWN_CARE_RE = re.compile(
    r"(?:수술|시술|술|치료|검사|검진|발치|이식)(?:후|전|하신|받으신|예정|일정)|검진(?:은|일|예약)|예약(?:되어|돼|이확정|확정|안내|확인|일정|하신|은|입니다)"
    r"|(?:[0-9]+)(?:회차|차수술|차시술)|정기검진|주의하|마세요|삼가|드세요|지참|(?:pre|post)-?op|yourappointment|reminder"
)
_SHORT_ENGLISH_NAME = 4  # icl, prk, ipl, hifu: a name this short must be a word of its own
# a procedure said not to be done ("허리 디스크, 수술 없이 낫게", "수술 안 하고") is not the one advertised
_DENIED_AFTER_RE = re.compile(r"(?:없이|안하고|하지않고|말고|대신)")


def _claims(findings: list[Finding]) -> bool:
    return any(f.rule.startswith("MSA-") and f.rule not in _NOT_CLAIMS for f in findings)


def _offer_spans(findings: list[Finding]) -> list[Span]:
    return [(f.start, f.end) for f in findings if f.rule in _OFFER_RULES and f.start is not None and f.end is not None]


def _disclosed(norm: Normalized, rules: _Rules) -> bool:
    """Whether the text carries a side-effect notice (the text's alone: kept per text)."""
    disclosures = rules.disclosures.pattern_for(norm.grams)
    return disclosures is not None and disclosures.search(norm.text) is not None


def _omit_risk(
    analysis: TextAnalysis, rules: _Rules, within: list[Span] | None = None, own: Span | None = None
) -> Iterator[Finding]:
    """MSA-OMIT-RISK at the first procedure named without a notice; with ``within`` (an informational message's
    offers), only a procedure in the sentence of one of those spans counts; a name inside the sender's own name
    (``own``: "새날모발이식의원") names no procedure."""
    norm = analysis.norm
    # only the names that can occur here (lint speed)
    procedures = analysis.memo("procedures", lambda: rules.procedures.pattern_for(norm.grams))
    if procedures is None:
        return
    # a name read across a space must be a whole split word: "이제 모자" is no 제모, "Clinic Leave" no ICL
    procedure = procedures.search(norm.text)
    while procedure is not None and not _named(norm, procedure.start(), procedure.end(), within, own):
        procedure = procedures.search(norm.text, procedure.start() + 1)  # next try one character on: the LASIK
    if procedure is None:  # of "Clinic LASIK" after its ICL
        return
    if analysis.memo("disclosed", lambda: _disclosed(norm, rules)):
        return
    start, end = norm.span(*procedure.span())
    yield make_finding(
        "MSA-OMIT-RISK",
        start,
        end,
        f"'{norm.original[start:end]}' — '부작용이 있을 수 있습니다·개인차가 있습니다' 고지를 넣으세요 / "
        "add a side-effect and individual-difference notice",
    )


def _named(norm: Normalized, a: int, b: int, within: list[Span] | None, own: Span | None) -> bool:
    """The procedure at compact ``[a, b)`` is one the message names as advertised."""
    if not _whole_name(norm, a, b) or _DENIED_AFTER_RE.match(norm.text, b) is not None:
        return False
    if norm.text[a].isascii() and b - a <= _SHORT_ENGLISH_NAME and not (norm.starts_word(a) and norm.ends_word(b)):
        return False  # a short English name inside a word: the "icl" of "article"
    start, end = norm.span(a, b)
    if own is not None and own[0] <= start < own[1]:
        return False
    if within is None:
        return True
    lo, hi = sentences(norm.original, (start, end))
    if _OWN_CARE_RE.search(normalize(norm.original[lo:hi]).text) is None:
        return True  # not the patient's own care or booking: the name is what the message promotes
    return any(start < hi and lo < end for start, end in within)


def _whole_name(norm: Normalized, a: int, b: int) -> bool:
    """A procedure name read across a space starts and ends a word ("laser hair removal", "제 모"), unlike the
    ICL of "Clinic Leave" or the 제모 of "이제 모자" (English names and two-syllable Korean ones)."""
    if not norm.crosses_space(a, b):
        return True
    if norm.text[a].isascii() or b - a <= SHORT_MATCH:  # longer Korean names may start on a disease's last
        return norm.starts_word(a) and norm.ends_word(b)  # syllable by design (비염 레이저, 결석 제거술)
    return True


def _approval(norm: Normalized, rules: _Rules) -> Span | None:
    """Where the message shows a pre-review approval number (compact span), if it does."""
    approval = rules.approval.search(norm.text)
    return approval.span() if approval is not None else None


def _prereview(norm: Normalized, approval: Span | None) -> Finding:
    if approval is not None:
        start, end = norm.span(*approval)
        return make_finding(
            "MSA-PREREVIEW", start, end, "심의번호 표시 확인 / approval number shown: check it is current"
        )
    return make_finding(
        "MSA-PREREVIEW",
        0,
        0,
        "사전심의 대상 매체이면 심의필 번호를 표시하세요 / show the pre-review approval number where required",
    )


def _advertising_form(text: str, norm: Normalized, rules: _Rules) -> Iterator[_FindingArgs]:
    """The label, opt-out and sender an advertisement lacks (the text's alone: kept per text)."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if not stripped.startswith(_LABEL):
        yield (
            "ADV-LABEL",
            offset,
            min(len(text), offset + 4),
            "광고 메시지는 정확히 '(광고)'로 시작해야 합니다 / must start with exactly '(광고)'",
        )
    if not _has_free_optout(text, norm, rules):
        yield (
            "ADV-OPTOUT",
            len(text),
            len(text),
            "'무료수신거부 080-…' 같은 무료 수신거부 방법을 넣으세요 / add a free opt-out (e.g. 무료수신거부 080-…)",
        )
    if not (
        _CLINIC_VARIABLE_RE.search(text)
        or names_sender_in_words(norm, rules.sender)
        or named_after_label(text, _NAMED_AFTER_LABEL_RE)
    ):
        yield "ADV-SENDER", 0, 0, "병원 이름을 밝히세요 ({{ clinic.name }}) / show the clinic's name"


_OPTOUT_WINDOW = 40  # compact characters after "무료수신거부" in which the number or method must appear
_080_RE = re.compile(r"080[0-9]{7,8}")


def _has_free_optout(text: str, norm: Normalized, rules: _Rules) -> bool:
    """ "무료수신거부" / "무료거부" with a method next to it, or with an 080 number in the message; or blocking the
    Kakao channel, a method that costs the recipient nothing ("수신을 원치 않으시면 채널을 차단해 주세요")."""
    if rules.optout_free.search(norm.text):
        return True
    for phrase in rules.optout_phrase.finditer(norm.text):
        window = norm.text[max(0, phrase.start() - _OPTOUT_WINDOW // 4) : phrase.end() + _OPTOUT_WINDOW]
        if rules.optout_method.search(window) or _080_RE.search(norm.text) or _OPTOUT_VARIABLE_RE.search(text):
            return True
    return False


def _sms_length(text: str, channel: Channel) -> Iterator[Finding]:
    size = sms_bytes(text)
    limit = channel.max_bytes or 0
    if size > limit:
        yield make_finding(
            "MSG-SMS-LENGTH",
            0,
            len(text),
            f"{size}바이트: LMS 한도 {limit:,}바이트 초과 / {size} bytes: over the {limit:,}-byte LMS limit",
            severity="error",
        )
    elif channel.short_max_bytes is not None and size > channel.short_max_bytes:
        yield make_finding(
            "MSG-SMS-LENGTH",
            0,
            len(text),
            f"{size}바이트: LMS로 발송(요금 증가) / {size} bytes: sent as LMS (higher cost)",
        )


def _rrn(text: str) -> Iterator[_FindingArgs]:
    if _SIX_DIGITS_RE.search(text) is None:  # an RRN starts with six digits in a row (most texts have none)
        return
    folded = text.translate(_DIGIT_FOLD)  # length-preserving: offsets stay valid
    for m in _RRN_RE.finditer(folded):
        yield "PII-RRN", m.start(), m.end(), "주민등록번호는 메시지에 넣을 수 없습니다 / no RRN in messages"
