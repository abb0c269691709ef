"""What the sentence around a mention says about it: modality and negation.

- `icp_modality` gives each sentence a modality from the cue words of the taxonomy (`modality:`):
  `mandatory` (shall, must, is required, "The Contractor will ..."), `desirable` (should, preferred),
  `optional` (may, nice to have, need not), else `info`. The longest cue wins where cues overlap
  ("not needed" over "needed"); then mandatory > desirable > optional; cues of the `info` list
  ("not needed") count as no requirement language. A sentence of a list that a lead-in ending in ":"
  introduces inherits the lead-in's modality. Sets `Span._.modality` on every ICP span and keeps
  the modality of every sentence with a cue in `doc.user_data["triage_modality"]`.
- `icp_negation` marks a span `Span._.negated` when a negation cue (`negation:`) has it in scope:
  a `clause` cue ("not", "out of scope", "is excluded") covers its whole clause (clauses end at ";"
  and at "but", "however", ...; a ":" right after a cue does not end it: "Out of scope: the partner
  portal"); a `forward` cue ("no", "neither") covers the words after it up to the next verb
  ("No integration with the ERP | is in scope"); `forward_short` cues ("excluding") also stop at a
  comma. `pseudo` cues look like negation but are not ("no later than", "must not be visible to").
  A span of a rule with `negated_as: TAG` that is negated adds a span of TAG, not negated
  ("No customisation is foreseen" -> turnkey).
  `forward_np` cues ("without", "instead of", "in lieu of", "rather than") negate only the noun
  phrase right after them ("launch without single sign-on", not "without anyone retyping them").
  A double negation states a need ("No claim shall be paid without a second approver", "must not be
  built on anything other than Umbraco", bids "not based on X will be rejected" by a `rejects` cue).
  Words of today's situation (`today`: "each other", "today", "has no") make a "no" / "none" /
  "without" in their clause describe the pain a need comes from, not an exclusion. A list head
  excluded before its colon ("Out of scope for this lot: SSO, ...") covers the list; a question
  answered "No" / "Not ..." (next sentence or the next cell of a table row) states no need; a clause
  after ";" or a reason (", as ...") without requirement words of its own speaks of the need
  excluded before it.
  Second round: "rather than" sets aside its whole phrase up to a comma; a span whose rule `requires`
  words that stand only in what the sentence excludes loses them ("trade customers" beside a negated
  "broker portal"); a clause that excludes what the clause before it named, by "it" / "them" or with
  its subject left out, negates that clause ("WordPress is used today but is not a requirement");
  a clause after ";" saying today's way already meets an excluded need speaks of it; audiences
  named only to say they get the same (`alike`: "will see the same site") are no different
  audiences; a "with no" phrase ends at its comma.
  Third round: "not acceptable" of a lack ("Non-compliance with the GDPR", "Failure to encrypt") is a
  double negation, a need; a need answered in a cell of its own ("SSO required | No", "Integration with
  SAP: N/A") is excluded, from its row or its label only; an answer still open ("Not sure yet") is no
  No, and a question's answer ends at the next question; an answer or a clause after "but" / ";" that
  asks again for what was excluded ("No, but SSO is required for partners", "not required for staff but
  is required for partners", "...; partners do") keeps the need; "the same credentials" / "the same
  time" are no same view; every item of a short noun-phrase list after "without" is set aside; a rule's
  own phrase that starts with its "not" ("but not see the revenue reports") is a prohibition.
  The per-sentence steps after the scopes take one `SentenceView`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.normalise import norm
from triage.tag.rules import (
    ICP_KEY,
    Context,
    doc_norms,
    get_spans,
    part_bounds,
    sentence_bounds,
    sentence_starts,
    set_spans,
    span_info,
    within_parts,
)
from triage.tag.segment import part_starts

_COLON = hash_string(":")
_COMMA = hash_string(",")
_CAN = hash_string(norm("can"))
_BAR = hash_string("|")
_NON = hash_string(norm("non"))
_HYPHEN = hash_string("-")
_STOP_MARKS = {hash_string(w) for w in (";", ":", ".")}
_HEADS = ("clause", "weak", "forward", "forward_short", "forward_np")
_PAIN_GROUPS = ("forward", "forward_np", "weak")
_WHICH = hash_string("which")
_RATHER = hash_string(norm("rather"))
_WITH = hash_string(norm("with"))
_TO = hash_string("to")
_TO_FOR = {_TO, hash_string("for")}
_PROVIDED = {
    hash_string(norm(w))
    for w in (
        "needed",
        "required",
        "wanted",
        "planned",
        "foreseen",
        "envisaged",
        "expected",
        "included",
        "connected",
        "integrated",
        "provided",
        "offered",
        "supported",
        "built",
        "developed",
        "delivered",
        "implemented",
        "evaluated",
        "necessary",
        "mandatory",
        "sought",
        "requested",
        "procured",
        "purchased",
    )
}
_BE = hash_string(norm("be"))
_NEED = hash_string(norm("need"))
# verbs whose subject provides what their object names: "The extranet will not offer SSO" excludes
# SSO, not the extranet
_OBJECT_VERBS = {
    hash_string(norm(w))
    for w in (
        "offer",
        "include",
        "contain",
        "provide",
        "support",
        "feature",
        "expose",
        "host",
        "supply",
        "deliver",
        "pay",
    )
}
_BE_FORMS = {hash_string(norm(w)) for w in ("is", "are", "was", "were", "be", "been", "being")}
_RELATIVES = {hash_string(norm(w)) for w in ("that", "which", "who")}
_REASONS = {hash_string(norm(w)) for w in ("as", "since", "because", ";")}
# words of a clause that puts something in scope: "...; integration with Salesforce is in scope"
_IN_SCOPE = {
    hash_string(norm(w))
    for w in (
        "scope",
        "included",
        "includes",
        "include",
        "covers",
        "cover",
        "priority",
        "want",
        "wants",
        "sought",
    )
}
# "will keep / continue / remain" after a modal is today's way carried on, not a requirement of its own
_STATUS_QUO = {hash_string(norm(w)) for w in ("keep", "continue", "remain", "stay", "carry")}
# words that make a clause a requirement of its own, beside the modal verbs
_DEMANDS = {
    hash_string(norm(w))
    for w in (
        "required",
        "requirement",
        "mandatory",
        "mandated",
        "need",
        "needed",
        "necessary",
        "compulsory",
        "essential",
        "expected",
    )
}
# "as" that does not give a reason: "as described in Section 4", "as well as", "as follows"
_NOT_REASONS = {
    hash_string(norm(w))
    for w in (
        "described",
        "follows",
        "set",
        "well",
        "per",
        "stated",
        "outlined",
        "defined",
        "specified",
        "noted",
        "shown",
        "listed",
        "detailed",
        "explained",
        "such",
        "part",
        "appropriate",
        "needed",
        "required",
        "necessary",
        "applicable",
    )
}
# breaks after which a clause may point back at what the clause before it named
_BACK_BREAKS = {hash_string(norm(w)) for w in (";", "but", "however", "whereas")}
# a clause that starts with these has its subject left out: "WordPress is used today but is not ..."
_LEFT_OUT = {hash_string(norm(w)) for w in ("is", "are", "was", "were", "does", "do", "not", "need")}
_PRONOUNS = {hash_string(norm(w)) for w in ("it", "them", "they", "those", "these")}
# modal verbs that make a clause a requirement ("may" and "can" describe what is done today)
_REQUIRING = {hash_string(norm(w)) for w in ("shall", "must", "will", "should")}
_AS = hash_string(norm("as"))
# who provides the solution: what they are "not asked to" do is excluded
_PROVIDERS = {
    hash_string(norm(w))
    for w in (
        "supplier",
        "contractor",
        "vendor",
        "bidder",
        "tenderer",
        "provider",
        "offeror",
        "bidders",
        "suppliers",
    )
}
# what a provider does under a contract: "The Contractor shall not administer / configure ..." leaves it out
_SOW_VERBS = {
    hash_string(norm(w))
    for w in (
        "administer",
        "design",
        "configure",
        "run",
        "operate",
        "maintain",
        "migrate",
        "perform",
        "conduct",
        "manage",
        "install",
        "deploy",
        "undertake",
        "license",
        "set",
        "carry",
        "produce",
        "create",
        "write",
        "test",
        "monitor",
    )
}
_AND = hash_string(norm("and"))
_ONLY = {hash_string(norm(w)) for w in ("only", "just", "except")}
# a question whether a need may be dropped, which an answer "No" keeps
_DROPPED = {
    hash_string(norm(w))
    for w in (
        "ignored",
        "dropped",
        "skipped",
        "omitted",
        "waived",
        "deferred",
        "excluded",
        "removed",
        "postponed",
    )
}
_CONDITIONS = {hash_string(norm(w)) for w in ("unless", "if")}
_BUT = {hash_string(norm(w)) for w in ("but", "whereas")}
_YES = hash_string(norm("yes"))
# "follows in Phase 2", "belongs to Lot 1": a cue that ends in a phase's or lot's number
_PHASE = {hash_string(norm(w)) for w in ("phase", "lot")}
_WITHOUT = hash_string(norm("without"))
_IT = hash_string(norm("it"))
_FOR_THAT = {hash_string(norm(w)) for w in ("for", "that")}
_ASKS = {hash_string(norm(w)) for w in ("ask", "require", "force", "make", "expect", "oblige", "compel")}
# a "no X would be visible / accessible" forbids who sees X: a requirement, no exclusion
_VISIBLE = {hash_string(norm(w)) for w in ("visible", "accessible", "readable", "viewable", "shown")}
_PERSONS = {hash_string(norm(w)) for w in ("we", "they", "you")}
_DO_FORMS = {hash_string(norm(w)) for w in ("do", "does", "did")}
# words that start a clause of their own before "we do not": "so we do not need SSO"
_LINKS = {
    hash_string(norm(w))
    for w in [
        "and",
        "or",
        "but",
        "so",
        "because",
        "as",
        "since",
        "if",
        "that",
        "which",
        "where",
        "when",
        "then",
        "yet",
        "therefore",
        "now",
        "thus",
        "hence",
        "today",
        "currently",
        "also",
        "still",
        "why",
        "what",
        "how",
    ]
}
_SEMICOLON = hash_string(";")
# words that say today's way goes on: "that already works well", "will keep doing so"
_KEPT = {
    hash_string(norm(w))
    for w in ("already", "keep", "keeps", "continue", "continues", "still", "stay", "stays")
}
# words that still give someone something of their own: no audiences alike then
_DIFFERENCE = {
    hash_string(norm(w))
    for w in (
        "different",
        "differently",
        "differ",
        "own",
        "separate",
        "tailored",
        "tailor",
        "each",
        "only",
        "whereas",
    )
}
# what "the same" of audiences can be without being the same view: one login, one moment
_SAME_NOT_VIEW = {
    hash_string(norm(w))
    for w in (
        "credentials",
        "credential",
        "password",
        "passwords",
        "login",
        "logins",
        "log",
        "sign",
        "sso",
        "mfa",
        "username",
        "usernames",
        "account",
        "accounts",
        "identity",
        "id",
        "time",
        "day",
        "moment",
    )
}
_QUESTION = hash_string("?")
_NO = hash_string("no")
_NOT = hash_string("not")
_NOT_ONLY = {
    hash_string(norm(w))
    for w in (
        "only",
        "just",
        "merely",
        "simply",
        "limited",
        "least",
        "all",
        "every",
        "everyone",
        "everybody",
        "many",
        "much",
    )
}
# a subject that names the lack of a thing ("Non-compliance with the GDPR", "Any failure to encrypt",
# "Lack of SSO"): "not acceptable" of it is a double negation, a need for the thing
_LACKS = {hash_string(norm(w)) for w in ("lack", "absence", "failure", "failing", "inability", "omission")}
_ACCEPTS = {
    hash_string(norm(w))
    for w in (
        "accept",
        "acceptable",
        "accepted",
        "tolerate",
        "tolerated",
        "tolerable",
        "permitted",
        "allowed",
    )
}
_CELL_MARKS = {hash_string(w) for w in ("|", "-", "—", "–")}
# what ends an answer cell: "Single sign-on required | No", "Integration with SAP: No.", "...: No, ..."
_ANSWER_ENDS = {hash_string(w) for w in (".", ",", ";", "|", "!", "(")}
_YES_NO = {hash_string(norm(w)) for w in ("yes", "no")}
# a "Not ..." answer that does not answer: "Not sure yet", "Not yet decided", "Not known"
_UNDECIDED = {
    hash_string(norm(w))
    for w in (
        "sure",
        "yet",
        "decided",
        "known",
        "certain",
        "clear",
        "determined",
        "confirmed",
        "finalised",
        "finalized",
        "agreed",
    )
}
_ANSWER_BREAKS = {
    hash_string(norm(w)) for w in (";", ",", ".", "but", "however", "whereas", "although", "though")
}
_ANSWER_LABELS = {hash_string(norm(w)) for w in ("answer", "a", "response", "reply")}
_OPTIONAL = {hash_string(norm(w)) for w in ("optional", "desirable", "preferred", "desired")}
_N = hash_string("n")
_MUSTS = {hash_string(norm(w)) for w in ("mandatory", "must", "compulsory", "essential")}
_NO_NONE = {hash_string(norm(w)) for w in ("no", "none")}
# the words of a row's label that ask only whether the row is wanted ("In scope: No", "Phase 1: No")
_ROW_ASKS = {
    hash_string(norm(w))
    for w in (
        "in",
        "scope",
        "applicable",
        "required",
        "included",
        "contractor",
        "contractor's",
        "vendor",
        "supplier",
        "phase",
        "base",
        "year",
        "option",
        "years",
        "release",
        "lot",
        "wanted",
        "needed",
    )
}
_SLASH = hash_string("/")
_NUMBERED_ANSWER = re.compile(r"[AR]\d{1,3}")  # the answer to question Q8: "A8", "R8"
_ANSWER_MARKS = {hash_string(w) for w in (":", "-", ".", "—")}
_FILLER = ("the", "of", "in", "is", "are", "be", "this", "with", "to", "a", "from", "part", "scope", "there")
_DETERMINERS = {hash_string(w) for w in ("a", "an", "any", "the", "one", "some")}
# words a `forward_np` cue reaches over to the noun phrase it negates: "in lieu of an online portal",
# "instead of through an approval workflow"
_NP_LEADS = {
    hash_string(norm(w))
    for w in (
        "a",
        "an",
        "any",
        "the",
        "some",
        "through",
        "by",
        "via",
        "with",
        "online",
        "separate",
        "new",
        "anything",
    )
}
# compared with token norms, so through the same normaliser ("shall" -> "shal", "will" -> "wil")
_MODALS = {
    hash_string(norm(w)) for w in ("shall", "must", "will", "should", "may", "can", "could", "would", "might")
}
MODALITY_RANK = {"mandatory": 3, "desirable": 2, "optional": 1, "info": 0}


def _phrases(nlp: Language, words: Any) -> list[Doc]:
    return list(nlp.tokenizer.pipe(str(w) for w in words or ()))


class ModalityCues:
    """The cue matcher of modality and the rule that turns cues into one modality per sentence."""

    def __init__(self, nlp: Language, spec: dict[str, Any]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for level in ("mandatory", "desirable", "optional", "info"):
            if spec.get(level):
                self.matcher.add(f"MOD_{level}", _phrases(nlp, spec[level]))
        self.conditional: dict[str, tuple[str, Context, int]] = {}
        for k, cond in enumerate(spec.get("conditional") or ()):
            key = f"MODC_{k}"
            self.matcher.add(key, _phrases(nlp, [cond["phrase"]]))
            self.conditional[key] = (
                cond.get("modality", "mandatory"),
                Context(nlp, cond.get("preceded_by") or ()),
                int(cond.get("within", 5)),
            )

    def by_sentence(self, doc: Doc, only: set[int] | None = None) -> dict[int, str]:
        """The modality of each sentence of `doc` that holds a cue, keyed by its first token;
        with `only`, of the sentences starting at those tokens (and the lead-ins before them)."""
        strings = doc.vocab.strings
        spans = []
        matches = within_parts(doc, self.matcher(doc))  # one pass over the doc, not one per sentence
        if only is not None:
            starts = sentence_starts(doc)
            wanted = set(only)
            for s in only:  # a list sentence may inherit from the one before it
                k = bisect_right(starts, s) - 1
                if k > 0:
                    wanted.add(starts[k - 1])
            matches = [m for m in matches if starts[bisect_right(starts, m[1]) - 1] in wanted]
        for match_id, start, end in matches:
            key = strings[match_id]
            if key == "MOD_optional" and doc[start].text == "May" and self._date(doc, start):
                continue
            spans.append(Span(doc, start, end, label=key))
        # a conditional cue whose condition holds wins over a plain cue of the same words
        valid: list[tuple[Span, str]] = []
        plain: list[Span] = []
        for span in spans:
            key = span.label_
            if not key.startswith("MODC_"):
                plain.append(span)
                continue
            level, before, within = self.conditional[key]
            s_start, _ = sentence_bounds(doc, span.start)
            lo = max(s_start, span.start - within)
            if before.found_near(doc, lo, span.start):
                valid.append((span, level))
        taken = {(s.start, s.end) for s, _ in valid}
        levels = {(s.start, s.end, s.label_): level for s, level in valid}
        chosen = filter_spans([s for s, _ in valid] + [s for s in plain if (s.start, s.end) not in taken])
        best: dict[int, str] = {}
        for span in chosen:
            level = levels.get((span.start, span.end, span.label_)) or span.label_[4:]
            s_start, _ = sentence_bounds(doc, span.start)
            if s_start not in best or MODALITY_RANK[level] > MODALITY_RANK[best[s_start]]:
                best[s_start] = level
        # a list introduced by "... shall:" inherits the lead-in's modality (inside one passage)
        starts = sentence_starts(doc)
        parts = set(part_starts(doc))
        for prev, cur in pairwise(starts):
            if cur not in best and prev in best and doc[cur - 1].text == ":" and cur not in parts:
                best[cur] = best[prev]
        return best

    @staticmethod
    def _date(doc: Doc, i: int) -> bool:
        """Whether "May" at token `i` stands beside a number of its own passage ("2 May 2026")."""
        first, end = part_bounds(doc, i)
        near = [doc[j] for j in (i - 1, i + 1) if first <= j < end]
        return any(t.like_num for t in near)


@Language.factory(
    "icp_modality",
    assigns=["span._.modality"],
    requires=["token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY, "only_tagged": True},
)
def make_icp_modality(
    nlp: Language, name: str, taxonomy: str, spans_key: str, only_tagged: bool
) -> IcpModality:
    """The modality of each sentence, on every ICP span (`Span._.modality`). With `only_tagged`
    (the default, for speed) only the sentences that hold a span get one; `sentence_modalities()`
    gives every sentence's."""
    return IcpModality(nlp, taxonomy, spans_key, only_tagged)


class IcpModality:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str, only_tagged: bool = True):
        self.cues = ModalityCues(nlp, taxonomy_mod.load(taxonomy).modality)
        self.key = spans_key
        self.only_tagged = only_tagged

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        wanted = {sentence_bounds(doc, s.start)[0] for s in spans}
        if len(doc):
            norms = doc_norms(doc)
            for end in [*part_starts(doc)[1:], len(doc)]:  # the end of each passage in the doc
                if norms[end - 1] == _COLON:  # a lead-in hands its modality on to the list after it
                    wanted.add(sentence_bounds(doc, end - 1)[0])
        by_sentence = self.cues.by_sentence(doc, wanted if self.only_tagged else None)
        doc.user_data["triage_modality"] = by_sentence
        for span in spans:
            span_info(span)["modality"] = by_sentence.get(sentence_bounds(doc, span.start)[0], "info")
        return doc


def sentence_modalities(nlp: Language, doc: Doc) -> dict[int, str]:
    """The modality of every sentence of `doc` with a cue (after the pipeline ran), by first token."""
    return nlp.get_pipe("icp_modality").cues.by_sentence(doc)


def sentence_modality(doc: Doc, sentence_start: int) -> str:
    """The modality of the sentence starting at token `sentence_start` (after `icp_modality` ran)."""
    return doc.user_data.get("triage_modality", {}).get(sentence_start, "info")


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence as the negation methods see it: the token norms of the whole doc, the negation
    cues matched in the sentence (group, start, end in doc offsets), the token ranges [lo, hi) its cues
    negate, the ICP spans that start in it, and its bounds [start, end)."""

    norms: list[int]
    cues: list[tuple[str, int, int]]
    negated: list[tuple[int, int]]
    spans: list[Span]
    start: int
    end: int


@Language.factory(
    "icp_negation",
    assigns=["span._.negated", "doc.spans"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY},
)
def make_icp_negation(nlp: Language, name: str, taxonomy: str, spans_key: str) -> IcpNegation:
    """Marks the ICP spans that a negation cue has in scope (`Span._.negated`)."""
    return IcpNegation(nlp, taxonomy, spans_key)


class IcpNegation:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str):
        tax = taxonomy_mod.load(taxonomy)
        spec = tax.negation
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for group in (
            "clause",
            "weak",
            "excludes",
            "forward",
            "forward_short",
            "forward_np",
            "pseudo",
            "rejects",
            "today",
            "clause_breaks",
            "forward_stops",
            "alike",
        ):
            if spec.get(group):
                self.matcher.add(group, _phrases(nlp, spec[group]))
        self.excludes_within = int(spec.get("excludes_within", 4))
        self.rules = {r.id: r for r in tax.rules}
        self.alike_tags = set(spec.get("alike_tags") or ()) if spec.get("alike") else set()
        self.nlp = nlp
        self.requires: dict[str, Context] = {}  # built when first needed
        self.key = spans_key
        # a sentence without any word of a negation cue needs no cue matching at all
        strings = nlp.vocab.strings
        self.cue_words = {
            strings.add(t.norm_)
            for group in ("clause", "weak", "forward", "forward_short", "forward_np", "alike")
            for phrase in _phrases(nlp, spec.get(group))
            for t in phrase
        } - {strings.add(w) for w in _FILLER}

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        if not spans:
            return doc
        norms = doc_norms(doc)
        by_sentence: dict[int, list[Span]] = defaultdict(list)
        for span in spans:
            by_sentence[sentence_bounds(doc, span.start)[0]].append(span)
        self._answered_no(doc, norms, by_sentence)
        strings = doc.vocab.strings
        added: list[tuple[Span, Span]] = []  # (heir, the negated span it stands for)
        for s_start, sent_spans in by_sentence.items():
            s_end = sentence_bounds(doc, s_start)[1]
            if self.cue_words.isdisjoint(norms[s_start:s_end]):
                continue
            cues = [(strings[m], a, b) for m, a, b in self.matcher(doc[s_start:s_end])]  # doc offsets
            if not cues:
                continue
            refusals: list[tuple[int, int]] = []
            negated = self._scopes(doc, cues, s_start, s_end, self.excludes_within, refusals)
            # a rule's own phrase that holds "without" says what it means ("without waiting for the vendor")
            own = [a for g, a, _ in cues if g == "forward_np"]
            # the first token of the longest weak cue ending at each token: "cannot" before "see"
            weak_from: dict[int, int] = {}
            for g, a, b in cues:
                if g == "weak" and a < weak_from.get(b, b):
                    weak_from[b] = a
            for span in sent_spans:
                rule = self.rules.get(span.id_)
                if rule is not None and not rule.negatable:
                    continue
                scopes = [*negated, *refusals] if rule is not None and rule.negated_as else negated
                if any(span.start <= a < span.end for a in own):
                    continue
                # a span that runs into a scope is negated with it; into the one word after a "not" only
                # when it starts inside the cue ("cannot see"), not from words before it ("Staff and alumni
                # will use the portal, but not external examiners") nor at the cue's start, its own phrase
                # ("shall check guests in but not see the revenue reports")
                if any(
                    lo <= span.start < hi
                    or (
                        span.start < lo < span.end
                        and (hi - lo > 1 or weak_from.get(lo, span.start) < span.start == lo - 1)
                    )
                    for lo, hi in scopes
                ):
                    span_info(span)["negated"] = True
                    if rule is not None and rule.negated_as:
                        heir = Span(doc, span.start, span.end, label=rule.negated_as, span_id=rule.id)
                        span_info(heir)["modality"] = span._.modality
                        added.append((heir, span))
            view = SentenceView(norms, cues, negated, sent_spans, s_start, s_end)
            self._reasons_inherit(view)
            if self.alike_tags:
                self._audiences_alike(view)
            if negated:
                self._points_back(view)
                self._restated(view)
                self._kept_today(view)
                self._context_lost(view)
                self._audience_asked(view)
                self._condition_inherits(view)
        if _QUESTION in norms:
            self._answer_denies(doc, norms, by_sentence)
        # an heir whose span a later clause restated ("..., but is required for partners") goes
        heirs = [heir for heir, span in added if span_info(span).get("negated")]
        if heirs:
            set_spans(doc, self.key, sorted([*spans, *heirs], key=lambda s: (s.start, s.end, s.label_)))
        return doc

    def _audiences_alike(self, view: SentenceView) -> None:
        """Audiences named only to say they get the same ("Volunteers and donors will see the same
        site", "Our visitors are all the same kind of people") deny different views: the spans of the
        `alike_tags` (user_roles) in the clause of an `alike` cue are negated, unless the sentence
        still gives someone something different or their own outside what it excludes ("Staff and
        students use the same portal but see different pages")."""
        norms = view.norms
        alike = [
            (a, b)
            for g, a, b in view.cues
            if g == "alike"
            and (b >= view.end or norms[b] != _AS)
            # "log in with the same credentials", "at the same time": no view of the site
            and _SAME_NOT_VIEW.isdisjoint(norms[b : min(b + 2, view.end)])
        ]
        if not alike:
            return
        if any(g == "today" for g, _, _ in view.cues):
            return  # "Patients and referrers read the same pages today": the pain a need comes from
        hidden = {i for lo, hi in view.negated for i in range(lo, hi)}
        if any(view.norms[i] in _DIFFERENCE and i not in hidden for i in range(view.start, view.end)):
            return
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        for a, b in alike:
            lo, hi = _clause_start(cuts, a, view.start), _next(cuts, b, view.end)
            if not view.negated and _REQUIRING.isdisjoint(view.norms[lo:hi]):
                # a plan ("will see the same site") or a need denied beside it ("no need to treat them
                # differently"); else a description ("all land on the same home page and get ...")
                continue
            for span in view.spans:
                if span.label_ in self.alike_tags and (lo <= span.start < hi or span.start < lo < span.end):
                    span_info(span)["negated"] = True

    def _points_back(self, view: SentenceView) -> None:
        """A clause that excludes what the clause before it named, by a pronoun or with its subject
        left out, negates that clause's spans: "WordPress is used today but is not a requirement", "The
        Council runs its intranet on SharePoint, but the new portal is not required to be built on
        it", "Officers handle appeals by email; the new system does not need to route them". Not when
        the clause before states a requirement of its own ("The portal must support SSO, but it need
        not ...")."""
        breaks = sorted(
            b for g, a, b in view.cues if g == "clause_breaks" and view.norms[b - 1] in _BACK_BREAKS
        )
        if not breaks:
            return
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            if not any(lo == k and hi > k for lo, hi in view.negated):
                continue  # the clause after the break is no exclusion of its own
            hi = max(h for lo, h in view.negated if lo == k)
            clause = view.norms[k:hi]
            if not (view.norms[k] in _LEFT_OUT or not _PRONOUNS.isdisjoint(clause)):
                continue
            if _COLON in view.norms[k : min(k + 5, hi)]:
                continue  # a list head of its own: "In scope: ...; not in scope: the interface to ..."
            before = view.norms[prev : k - 1]
            if not _REQUIRING.isdisjoint(before) or not _DEMANDS.isdisjoint(before):
                continue
            self._negate_from(view.spans, prev, k - 1)

    def _restated(self, view: SentenceView) -> None:
        """A clause after "but" / "however" / ";" that asks again for what the clause before it
        excluded, with its subject left out and naming nothing of its own, or with its verb left out,
        keeps that clause's spans: "Single sign-on is not required for staff but is required for
        partners", "..., but must be offered to partners", "Staff do not need SSO; partners do". The
        exclusion was of one audience, not of the need."""
        norms = view.norms
        # a break that ends the sentence opens no clause after it ("... for staff but" at the very end)
        breaks = sorted(
            b
            for g, a, b in view.cues
            if g == "clause_breaks" and norms[b - 1] in _BACK_BREAKS and b < view.end
        )
        if not breaks:
            return
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            end = _next(breaks, k + 1, view.end + 1) - 1
            last = end - 1
            while last > k and norms[last] in _STOP_MARKS:
                last -= 1
            # "...; partners do.", "... but for partners it is."
            elliptic = last - k < 5 and (norms[last] in _BE_FORMS or norms[last] in _DO_FORMS)
            if not (elliptic or norms[k] in _BE_FORMS or norms[k] in _REQUIRING):
                continue
            if any(lo < end and k < hi for lo, hi in view.negated):
                continue  # the clause after excludes something itself
            before_tags = {s.label_ for s in view.spans if prev <= s.start < k - 1}
            if elliptic and any(
                k <= s.start < end and s.label_ not in before_tags and s.label_ != "user_roles"
                for s in view.spans
            ):
                continue  # "Integration with the ERP is not required; a partner portal is."
            if not elliptic and any(k <= span.start < end for span in view.spans):
                continue  # it asks for a thing of its own: "..., but must be encrypted at rest"
            if not elliptic and _TO_FOR.isdisjoint(norms[k:end]):
                continue  # no one else it is for: "..., but will be commissioned by the Council"
            if not _LATER.isdisjoint(norms[k:end]):
                continue  # a need put off: "not required in phase one but will be needed in phase two"
            if not _own_requirement(norms, k, end, _REQUIRING):
                continue
            for span in view.spans:
                if prev <= span.start < k - 1:
                    span_info(span)["negated"] = False

    def _kept_today(self, view: SentenceView) -> None:
        """A clause after ";" that says how today's way already meets a need excluded before it, that
        clause naming no tagged thing itself, speaks of the same need: "Password self-service is not
        required; the service desk resets passwords today and will keep doing so", "We are not after
        a place to swap files; that already works well on the shared drive". Not when the clause
        after states a requirement of its own or puts something in scope."""
        breaks = sorted(b for g, a, b in view.cues if g == "clause_breaks" and view.norms[a] == _SEMICOLON)
        if not breaks:
            return
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            if not any(lo == prev and hi >= k - 1 for lo, hi in view.negated):
                continue  # the clause before is no exclusion as a whole
            if any(prev <= span.start < k - 1 for span in view.spans):
                continue  # it names its own thing; _reasons_inherit speaks for the clause after it
            end = _next(cuts, k, view.end)
            if _KEPT.isdisjoint(view.norms[k:end]) and not any(
                g == "today" and k <= a < end for g, a, _ in view.cues
            ):
                continue
            if _own_requirement(view.norms, k, end, _REQUIRING):
                continue
            self._negate_from(view.spans, k, end)

    def _audience_asked(self, view: SentenceView) -> None:
        """A span that runs from an excluded clause across "but" / "whereas" into a clause that asks for
        something of its own names the audience asked as well as the one excluded: "Single sign-on is
        not needed for the public, but agency staff must sign in" keeps "the public, but agency staff"
        (two audiences, one of them asked)."""
        norms = view.norms
        breaks = sorted(
            b for g, a, b in view.cues if g == "clause_breaks" and norms[b - 1] in _BUT and b < view.end
        )
        if not breaks:
            return
        for span in view.spans:
            if not span_info(span).get("negated"):
                continue
            inside = [k for k in breaks if span.start < k < span.end]
            if not inside:
                continue
            k = inside[-1]
            end = _next(breaks, k + 1, view.end)
            if any(lo < end and k < hi for lo, hi in view.negated):
                continue  # the clause after excludes something itself
            if _own_requirement(norms, k, end, _REQUIRING):
                span_info(span)["negated"] = False

    def _condition_inherits(self, view: SentenceView) -> None:
        """A condition that opens the sentence ("Unless enrolment passes 5,000 students, ...") speaks
        of the need its main clause removes ("... no load balancing is needed"): its spans of a tag
        that the main clause negates are negated too."""
        norms = view.norms
        if norms[view.start] not in _CONDITIONS or _COMMA not in norms[view.start : view.end]:
            return
        comma = norms.index(_COMMA, view.start, view.end)
        removed = {
            span.label_ for span in view.spans if span.start > comma and span_info(span).get("negated")
        }
        if removed:
            self._negate_from([s for s in view.spans if s.label_ in removed], view.start, comma)

    def _negate_from(self, sent_spans: list[Span], lo: int, hi: int) -> None:
        """Marks negated each span of the sentence that starts in tokens [lo, hi) and whose rule may be
        negated (a `negatable: false` rule names today's pain, which no exclusion turns off)."""
        for span in sent_spans:
            rule = self.rules.get(span.id_)
            if lo <= span.start < hi and (rule is None or rule.negatable):
                span_info(span)["negated"] = True

    def _context_lost(self, view: SentenceView) -> None:
        """A span that counts only beside words its rule `requires` loses them when they stand only
        in what the sentence excludes: "trade customers" is b2b_portal beside "ordering portal", but
        not in "a PDF will be offered to trade customers in lieu of an online ordering portal". Only
        where a span of the same tag is negated in the sentence (the partner noun of a negated
        portal), so a need of its own with the same words elsewhere stands."""
        tags = {span.label_ for span in view.spans if span_info(span).get("negated")}
        if not tags:
            return
        candidates = [
            span
            for span in view.spans
            if span.label_ in tags
            and not span_info(span).get("negated")
            and (rule := self.rules.get(span.id_)) is not None
            and rule.requires
            and rule.negatable
        ]
        if not candidates:
            return
        # what is excluded: the view.negated ranges, and each view.negated span up to the end of its phrase
        # ("online ordering" + "portal")
        bounds = [*sorted(a for g, a, _ in view.cues if g in ("clause_breaks", "forward_stops")), view.end]
        hidden = set()
        for lo, hi in view.negated:
            hidden.update(range(max(lo, view.start), min(hi, view.end)))
        for span in view.spans:
            if span_info(span).get("negated"):
                stop = min([x for x in bounds if x >= span.end] + [span.end + 3, len(view.norms)])
                stop = _first_comma(view.norms, span.end, stop)
                hidden.update(range(span.start, stop))
        if not hidden:
            return
        words = view.norms[view.start : view.end]
        shown = [0 if view.start + k in hidden else w for k, w in enumerate(words)]
        for span in candidates:
            context = self.requires.get(span.id_)
            if context is None:
                context = self.requires[span.id_] = Context(self.nlp, self.rules[span.id_].requires)
            if context.found_in(words) and not context.found_in(shown):
                span_info(span)["negated"] = True

    @staticmethod
    def _answered_no(doc: Doc, norms: list[int], by_sentence: dict[int, list[Span]]) -> None:
        """A question answered "No" states no need: "Is a knowledge base required? Answer: No; the
        existing knowledge base will continue to be used." (the buyer's answers to bidders' questions),
        also in one row of a table ("Q4 | Is a portal for brokers required? | No.") and answered "Not at
        this stage.". The question's spans are negated, and those of the same tags in the answer's
        sentence."""
        for s_start, sent_spans in list(by_sentence.items()):
            s_end = sentence_bounds(doc, s_start)[1]
            if _QUESTION not in norms[s_start:s_end]:
                continue
            q = max(k for k in range(s_start, s_end) if norms[k] == _QUESTION)
            i = q + 1
            while i < len(doc) and (doc[i].is_space or norms[i] in _CELL_MARKS):  # "...? | No."
                i += 1
            if i >= len(doc) or part_bounds(doc, q) != part_bounds(doc, i):
                continue
            if norms[i] in _ANSWER_LABELS or _NUMBERED_ANSWER.fullmatch(doc[i].text):  # "A:", "A8:"
                i += 1
                if i < len(doc) and norms[i] in _ANSWER_MARKS:
                    i += 1
            if i >= len(doc) or part_bounds(doc, q) != part_bounds(doc, i):
                continue
            if i + 1 >= part_bounds(doc, i)[1]:  # a bare "No" that ends the passage: "SSO required? No"
                if norms[i] != _NO:
                    continue
            elif (
                not (norms[i] == _NO and doc[i + 1].is_punct)  # "No." / "No, ..."
                # "Not at this stage.", not "Not only ..." nor an answer still open ("Not sure yet")
                and not (
                    norms[i] == _NOT and norms[i + 1] not in _NOT_ONLY and norms[i + 1] not in _UNDECIDED
                )
                and not (norms[i] == _N and norms[i + 1] == _SLASH)  # "N/A"
            ):
                continue
            if norms[i] == _NO and i + 2 < len(doc) and norms[i + 1] == _COMMA and norms[i + 2] in _ONLY:
                continue  # "No, only for agency staff": asked for another audience
            q_start = sentence_bounds(doc, q)[0]
            if not _DROPPED.isdisjoint(norms[q_start:q]):
                continue  # "Can the peak of 9,000 users be ignored? No": the need stands
            asked = [span for span in sent_spans if span.start < q]
            tags = {span.label_ for span in asked}
            for span in asked:
                span_info(span)["negated"] = True
            a_start, a_end = sentence_bounds(doc, i)
            if _QUESTION in norms[i:a_end]:  # "No. Is MFA required? Yes.": the answer ends before it
                q2 = norms.index(_QUESTION, i, a_end)
                a_end = max([k for k in range(i + 1, q2) if norms[k] in _STOP_MARKS], default=i + 1)
            # a clause of the answer after "but" / ";" that asks for the need of its own stays: "No, but
            # SSO is required for partners" (not "No; the existing knowledge base will continue ...")
            breaks = [k for k in range(i + 1, a_end) if norms[k] in _ANSWER_BREAKS]
            for span in by_sentence.get(a_start, ()):
                if span.label_ not in tags or not i <= span.start < a_end:
                    continue
                k = bisect_right(breaks, span.start) - 1
                if k >= 0 and _own_requirement(
                    norms, breaks[k] + 1, _next(breaks, span.start, a_end), _REQUIRING
                ):
                    continue
                span_info(span)["negated"] = True

    @staticmethod
    def _answer_denies(doc: Doc, norms: list[int], by_sentence: dict[int, list[Span]]) -> None:
        """An answer that opens with "No" and denies the need the question asked for in its own words
        ("Q: Is an online community expected? A: No community features are planned.") answers the
        question No: the question's spans of each tag whose spans in the answer are all negated are
        negated too. Only after an answer label ("A:", "Answer:", "A8:")."""
        for s_start, sent_spans in list(by_sentence.items()):
            s_end = sentence_bounds(doc, s_start)[1]
            if _QUESTION not in norms[s_start:s_end]:
                continue
            q = max(k for k in range(s_start, s_end) if norms[k] == _QUESTION)
            i = q + 1
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i >= len(doc) or not (norms[i] in _ANSWER_LABELS or _NUMBERED_ANSWER.fullmatch(doc[i].text)):
                continue
            i += 1
            if i < len(doc) and norms[i] in _ANSWER_MARKS:
                i += 1
            if i + 1 >= len(doc) or norms[i] != _NO or doc[i + 1].is_punct:
                continue  # a bare "No" / "No," is _answered_no's
            a_start, a_end = sentence_bounds(doc, i)
            answer = [span for span in by_sentence.get(a_start, ()) if i <= span.start < a_end]
            denied = {span.label_ for span in answer if span_info(span).get("negated")} - {
                span.label_ for span in answer if not span_info(span).get("negated")
            }
            for span in sent_spans:
                if span.start < q and span.label_ in denied:
                    span_info(span)["negated"] = True

    def _reasons_inherit(self, view: SentenceView) -> None:
        """A clause that gives the reason for an excluded need speaks of the same need, not a new one:
        "A SOC is not required, as the Council's own SOC already monitors all services" states no
        `security_ops`. A span in the clause right after such a break (", as", ", since", "because",
        up to the next clause break) is negated when a span of its tag before the break is, unless
        that clause is a requirement of its own ("..., as SSO for employees is mandatory") or the "as"
        gives no reason ("as described in Section 4", "as well as")."""
        breaks = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        reasons = []
        for g, a, b in view.cues:
            if g != "clause_breaks" or view.norms[b - 1] not in _REASONS:
                continue
            if b < len(view.norms) and view.norms[b] in _NOT_REASONS:
                continue
            end = _next(breaks, a + 1, view.end)
            if _own_requirement(view.norms, b, end, _MODALS):
                continue  # the clause states a requirement of its own, or puts something in scope
            reasons.append((a, end))
        if not reasons:
            return
        first_negated: dict[str, int] = {}
        for span in view.spans:
            if span_info(span).get("negated"):
                first_negated.setdefault(span.label_, span.start)
        for span in view.spans:
            start = first_negated.get(span.label_)
            if start is None or span_info(span).get("negated"):
                continue
            rule = self.rules.get(span.id_)
            if (rule is None or rule.negatable) and any(start < lo <= span.start < hi for lo, hi in reasons):
                span_info(span)["negated"] = True

    @staticmethod
    def _scopes(
        doc: Doc,
        cues: list[tuple[str, int, int]],
        s_start: int,
        s_end: int,
        excludes_within: int = 4,
        refusals: list[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int]]:
        """Token ranges [lo, hi) that the negation cues of one sentence cover.

        A `weak` cue ("not", "never") covers its clause only when a word of `excludes` starts at most
        `excludes_within` tokens after it, inside the clause ("is not required", "will not include",
        "do not want", "not be part of"): that is a need excluded. Otherwise the sentence forbids or
        describes something ("shall not see invoice amounts", "passwords shall never be stored in clear
        text", "good practice is not shared"), which is still a statement on its topic; the cue then
        covers only the noun phrase it introduces ("not a brochure site") or the one word right after
        it ("configured but not customised")."""
        norms = doc_norms(doc)
        pseudo = [(a, b) for g, a, b in cues if g == "pseudo"]

        def is_pseudo(group: str, a: int, b: int) -> bool:
            # a clause cue that starts before the pseudo phrase stays: "not expose" forbids, "need not
            # expose" waives; so does one that holds the pseudo phrase and goes on: "not have to
            # register" (not "not have to re-enter")
            return any(
                pa < b and a < pb and not (group == "clause" and (a < pa or (a == pa and b > pb)))
                for pa, pb in pseudo
            )

        heads = [
            (g, a, b)
            for g, a, b in cues
            if g in _HEADS
            and not is_pseudo(g, a, b)
            # "non-compliance", "non-English": the prefix, not "none"
            and not (norms[a] == _NON and a + 1 < s_end and norms[a + 1] == _HYPHEN)
            # "a no-code page builder", "no-reply address": a compound, no negation
            and not (norms[a] == _NO and b < s_end and norms[b] == _HYPHEN and not doc[a].whitespace_)
        ]
        if not heads:
            return []
        words = norms[s_start:s_end]
        stops = sorted(a for g, a, _ in cues if g == "forward_stops")
        # "Single sign-on, while desirable, is not required": an aside between a subject and its verb
        # opens no clause of its own
        breaks = sorted(a for g, a, _ in cues if g == "clause_breaks" and not _aside(norms, a, s_end, stops))
        excludes = sorted(a for g, a, _ in cues if g == "excludes")
        weak_starts = [a for g, a, _ in cues if g == "weak"]
        excludes_at = set(excludes)
        exclude_ends: dict[int, int] = {}
        for g, a, b in cues:
            if g == "excludes" and b > exclude_ends.get(a, 0):
                exclude_ends[a] = b
        rejections = [(a, b) for g, a, b in cues if g == "rejects"]
        # a relative clause after the cue says something of its own: "..., which calls for integrations"
        relatives = (
            [i for i in range(s_start, s_end - 1) if norms[i] == _COMMA and norms[i + 1] == _WHICH]
            if _WHICH in words
            else []
        )
        # the words of `excludes` that say a thing is (not) provided, after a forward cue's verb
        excluded = [a for g, a, _ in cues if g == "excludes" and norms[a] in _PROVIDED]
        # a "not" in a relative clause before the cue: "Bids that do not use X will not be evaluated"
        relative_nots = [
            a
            for g, a, _ in cues
            if g == "weak"
            and _CAN not in norms[max(a - 1, 0) : a + 1]
            and (
                _RELATIVES.intersection(norms[max(a - 2, 0) : a])
                # a relative clause without "that": "shall not ask for information we do not need"
                or (
                    a - 3 >= s_start
                    and norms[a - 2] in _PERSONS
                    and norms[a - 1] in _DO_FORMS
                    and doc[a - 3].is_alpha
                    and norms[a - 3] not in _LINKS
                )
            )
        ]
        colon_ok = {b for _, _, b in heads}  # "Out of scope: ..." keeps going after the colon
        # ... and so does a list head that a cue excludes: "Excluded from this lot: forums, ..."
        colons = [i for i in range(s_start, s_end) if norms[i] == _COLON] if _COLON in words else []
        verbs = [a for g, a, _ in cues if g == "forward_stops" and norms[a] not in _STOP_MARKS]
        for c in colons:
            if any(norms[i] in _MODALS or norms[i] in _DEMANDS for i in range(c + 1, s_end)) or any(
                c < x for x in verbs
            ):
                continue  # a clause of its own follows ("...: we need APIs", "...: SaaS is what we want")
            for g, _a, b in heads:
                waives = g == "clause" or (
                    g == "weak" and any(b <= x < b + excludes_within for x in excludes)
                )
                if waives and b <= c and not any(b <= x < c for x in breaks):
                    colon_ok.add(c)
        cuts = sorted({a for a in breaks} | {i for i in colons if i not in colon_ok})
        if norms[s_start] in _CONCESSIONS and _COMMA in words:
            # a sentence that opens with a concession ends it at its first comma: "While no co-authoring
            # is required, the system shall route ..." (the main clause after it asks for its own)
            insort(cuts, s_start + words.index(_COMMA))
        ends = _coordinated_clauses(norms, s_start, s_end)
        # a double negation says "only": "No claim shall be paid without a second approver", "must not
        # be built on anything other than Umbraco". The "without" / "other than" after a negative word
        # of its clause negates nothing, and the negation before it stops there.
        negatives = [a for g, a, _ in cues if g in ("clause", "weak", "forward", "pseudo")]
        only = set()
        # a "not" before "acceptable" / "be accepted": "A portal without SSO is not acceptable"
        unacceptable = [
            w
            for w in weak_starts
            if any(norms[x] in _ACCEPTS and 0 < x - w <= excludes_within for x in excludes)
        ]
        withouts = [a for g, a, _ in heads if g == "forward_np" and norms[a] == _WITHOUT]
        for g, a, _ in heads:
            if g in ("forward_short", "forward_np"):
                lo = _clause_start(cuts, a, s_start)
                if any(lo <= x < a for x in negatives):
                    only.add(a)
                elif a in withouts and any(a < w < _next(cuts, a, s_end) for w in unacceptable):
                    only.add(a)  # ... and the "without" before it names a need
        today = [a for g, a, _ in cues if g == "today"]
        scopes = []
        for group, a, b in heads:
            if a in only:
                continue
            row = _answered_row(doc, group, a, b, s_start, s_end, excludes_at)
            if row is None and group == "forward" and norms[a] == _NO and b < s_end and norms[b] == _COMMA:
                continue  # an answer ("No, SSO is required for partners only"): _answered_no reads it
            if row is not None:
                # "Single sign-on required | No", "Integration with SAP: N/A", "Partner portal: out of
                # scope": the row's need answered No (not today's state: "Single sign-on today: No")
                if not any(row <= x < a for x in today):
                    scopes.append((row, a))
                if group == "forward" or (norms[a - 1] == _COLON and _BAR in norms[b:s_end]):
                    # a "No" negates nothing after it: "SSO | No | SAP link | Yes"; nor does a "Not
                    # required" cell the cells after it: "SSO: Not required | Interface to the ERP: Required"
                    continue
            lo = subject = _clause_start(cuts, a, s_start)
            if (
                group in ("clause", "weak")
                and a - 2 > lo
                and norms[a - 1] in _MODALS
                and norms[a - 2] == _AND
                and not _passive(doc, norms, b, s_end)
            ):
                # a second active predicate of the same subject ("The microsite shall be a few static
                # pages and shall not connect to the CRM") excludes from its own modal on, not the first
                # predicate; a passive one still speaks of the subject ("... and will not be replaced")
                lo = a - 1
            if (
                today
                and group in _PAIN_GROUPS
                and (group != "weak" or (b < s_end and norms[b] in _DETERMINERS))  # "Not one of our ..."
                # not "There is currently no requirement for", "no need to"
                and not (group == "forward" and any(norms[k] in _DEMANDS for k in range(a, b)))
            ):
                # "None of our systems talk to each other", "No single sign-on exists today": today's
                # situation, the pain a need comes from, not a need excluded
                clause_end = _next(cuts, b, s_end)
                verb = min([x for x in stops if x >= b] + [clause_end])
                # ... unless its verb excludes a need: "No integration is needed at the moment" (not "no
                # customer would need to call us", not "what it needs")
                # "keep phoning suppliers rather than ask them to use a portal": today's way is what
                # is kept, the thing after "rather than" what is set aside
                first = b if group == "forward_np" and norms[a] == _RATHER else lo
                if any(first <= x < clause_end for x in today) and not any(
                    verb < x < verb + 3 and (x + 1 >= s_end or norms[x + 1] != _TO) for x in excluded
                ):
                    continue
            # a forward cue ("No dealer or partner portal shall be ...") stops at its verb anyway
            hi = min(
                [c for c in [*cuts, *only, *(ends if group in ("clause", "weak") else ())] if c >= b],
                default=s_end,
            )
            if group == "weak":
                if (
                    (b >= s_end or norms[b] in _STOP_MARKS)
                    and s_start < lo < a - 1
                    and norms[a - 1] in _BE_FORMS
                    and any(s_start <= x < lo for x in excludes)
                ):
                    # a clause whose predicate is left out after the one before it: "Accessibility
                    # testing is in scope; load testing is not."
                    scopes.append((lo, a))
                    continue
                if a == lo and any(
                    a < w < hi and any(norms[x] in _ACCEPTS for x in excludes if w < x <= w + excludes_within)
                    for w in weak_starts
                ):
                    continue  # "Not encrypting data at rest is not acceptable": a need for it
                # "cannot add a field" is today's pain, and a second "not" in the clause makes a double
                # negation ("Bids that do not use X will not be evaluated"): neither excludes the need
                cannot = _CAN in norms[max(a - 1, lo) : a + 1]
                # a double negation states a need: "Bids not based on Drupal will be rejected", "any call
                # that does not carry a token", "Bids that do not use X will not be evaluated"
                inner = a in relative_nots or any(b <= r < hi for r, _ in rejections)
                outer = any(r <= a < re for r, re in rejections) and any(lo <= x < a for x in weak_starts)
                excluding = not (cannot or inner or outer) and not any(lo <= x < a for x in relative_nots)
                if excluding and a in unacceptable:
                    # "Non-compliance with the GDPR is not acceptable": the thing lacking is a need (not
                    # "Lack of SSO is not a concern"); "It is not acceptable for dealers to see each other's
                    # prices" forbids
                    k = next(x for x in excludes if norms[x] in _ACCEPTS and 0 < x - a <= excludes_within)
                    excluding = not (
                        _names_a_lack(norms, lo, a)
                        or norms[lo] == _IT
                        or (k + 1 < hi and norms[k + 1] in _FOR_THAT)
                    )
                # "should not ask citizens to create an account": a burden not put on users waives the
                # feature it names (not "shall not ask users to re-enter data")
                asks = (
                    b < hi
                    and norms[b] in _ASKS
                    and any(
                        norms[t] == _TO and t + 1 in excludes_at for t in range(b + 1, min(hi - 1, b + 5))
                    )
                )
                # "be asked / expected / made to" waives what follows only when that is a need ("shall not
                # be asked to provide SSO") or the provider is asked ("The supplier is not asked to run
                # penetration tests"); else it spares users a burden ("shall not be asked to re-enter data")
                waived = [
                    x
                    for x in excludes
                    if b <= x < min(hi, b + excludes_within)
                    and (
                        norms[exclude_ends[x] - 1] != _TO
                        or _ASKS.isdisjoint(norms[x : exclude_ends[x]])  # "not meant to be a landing page"
                        or exclude_ends[x] in excludes_at
                        or not _PROVIDERS.isdisjoint(norms[lo:a])
                    )
                ]
                if (
                    excluding
                    and not (asks or waived)
                    and a > lo
                    and b < hi
                    and norms[b] in _SOW_VERBS
                    and norms[a - 1] in _REQUIRING
                    and not _PROVIDERS.isdisjoint(norms[subject:a])
                ):
                    # a statement of work that says what the provider shall not do puts it out of the
                    # contract: "The Contractor shall not configure the case routing" (not "Users shall
                    # not configure ...", a rule on them)
                    scopes.append((a, min([w for w in relatives if w > b] + [hi])))
                    continue
                if excluding and (asks or waived):
                    # an active verb excludes its object, not its subject: "The extranet will not offer
                    # SSO"; a passive one its subject: "SSO is not required", "SSO will not be provided"
                    active = (a == lo or norms[a - 1] not in _BE_FORMS) and norms[b] in _OBJECT_VERBS
                    lacking = [x for x in withouts if lo <= x < a and a in unacceptable]
                    if lacking:
                        # "An off-the-shelf product without APIs is not acceptable": the product is
                        # refused, the APIs are a need
                        scopes.append((lo, lacking[0]))
                        continue
                    scopes.append((a if active else lo, min([w for w in relatives if w > b] + [hi])))
                elif b < hi and norms[b] in _DETERMINERS:  # "not a brochure site", "never any forums"
                    scopes.append(
                        (b, _predicate_end(norms, b, min([s for s in stops if s >= b] + [hi]), s_end))
                    )
                elif b + 1 < hi and norms[b] == _BE and norms[b + 1] in _DETERMINERS:  # "not be a package"
                    scopes.append(
                        (b + 1, _predicate_end(norms, b + 1, min([s for s in stops if s > b] + [hi]), s_end))
                    )
                elif a in relative_nots:
                    continue  # a condition: "Pages that are not translated shall fall back to English"
                elif a == lo or norms[a - 1] not in _MODALS:
                    # only what the cue stands right before: "configured but not customised"; after a
                    # modal it forbids ("must never see another dealer's quotes") and negates nothing
                    scopes.append((b, b + 1))
                elif refusals is not None:
                    # ... except a refusal that a rule turns into another tag: "the vendor shall not
                    # customise the product" refuses customisation (turnkey)
                    refusals.append((b, b + 1))
                continue
            if group == "clause":
                if b < hi and (doc[b].like_num or doc[b].text[:1].isdigit()) and norms[b - 1] not in _PHASE:
                    continue  # a range of time or numbers: "shall fall outside 07:00 to 22:00"
                if norms[a] == _NOT and (
                    _RELATIVES.intersection(norms[max(a - 2, lo) : a])
                    or any(b <= r < hi for r, _ in rejections)
                ):
                    continue  # a double negation: "Proposals that do not include SSO will be rejected"
                if (
                    norms[a] == _NOT
                    and _names_a_lack(norms, lo, a + 1)
                    and any(a < w < hi for w in unacceptable)
                ):
                    continue  # "Not providing SSO is not acceptable": a need for it
                if a > s_start and norms[a - 1] == _COLON and _BAR in norms[b:hi]:
                    # the value of a labelled field in a table row ("| Waiver: not applicable | The
                    # portal shall ..."): it speaks of its own cell only
                    continue
                if norms[a] == _NEED and b < hi and norms[b] in _OBJECT_VERBS:
                    scopes.append((a, hi))  # "The extranet need not offer SSO": the extranet stays
                    continue
                if lo == s_start and hi < s_end and norms[hi] == _SEMICOLON and _COLON in norms[a:hi]:
                    # a list of exclusions runs on past its semicolons ("Exclusions: (a) team sites; (b)
                    # forums"), up to an item that states a need of its own ("...; the portal shall ...")
                    while hi < s_end and norms[hi] == _SEMICOLON:
                        nxt = _next(cuts, hi + 1, s_end)
                        if any(norms[k] in _MODALS or norms[k] in _DEMANDS for k in range(hi + 1, nxt)):
                            break
                        hi = nxt
                scopes.append((lo, hi))
                continue
            end = min([s for s in stops if s >= b] + [hi])
            if (
                group == "forward"
                and norms[a] == _NO
                and _VISIBLE.intersection(norms[end : min(end + 3, hi)])
            ):
                continue  # "no team space would be visible outside its team": a rule on who sees what
            if group == "forward" and end in only:
                # "No personal data other than e-mail addresses shall be stored": a rule on the data,
                # not its exclusion (not "No integration other than the SAP link is required")
                verb = _next(stops, end + 1, s_end)
                if not any(verb <= x < verb + 3 for x in excluded):
                    continue
            if group == "forward_np" and (a == lo or norms[a] == _RATHER):
                # what is set aside runs to the next comma: "Instead of a portal for brokers, quotes will
                # ...", "rather than ask them to use a supplier portal" (not "instead of e-mailing
                # attachments back and forth", today's pain)
                scopes.append((b, _first_comma(norms, b, end)))
                continue
            if group == "forward_np":
                # the noun phrase right after: "without (any) approval step", and each one of a list
                # of them: "without plug-ins, custom code or manual re-keying"
                for item in [b, *_np_list(norms, b, end, s_end, doc)]:
                    reach = item + 1
                    while reach < end and reach < item + 3 and norms[reach - 1] in _NP_LEADS:
                        reach += 1
                    scopes.append((item, min(end, reach)))
                continue
            if group == "forward_short" or (group == "forward" and a > lo and norms[a - 1] == _WITH):
                # "with no custom code, for routing each claim ...": a "with no" phrase ends at a comma
                end = _first_comma(norms, b, end)
            elif norms[b - 1] in _TO_FOR or any(end <= x < end + 3 for x in excluded):
                # "there is no requirement for the platform to be built on Drupal", and a verb that
                # excludes: "Neither the CRM nor the ERP will be connected to the site", "No role-based
                # permissions are needed beyond a single editor role"
                end = min([w for w in relatives if w > b] + [hi])
            scopes.append((b, end))
        return scopes


_COORDINATORS = {hash_string(w) for w in ("and", "or", "so", "yet")}
_COORDINATED_WITHIN = 6
# a verb of the buyer's own wish right after "and": "decided not to build its own platform and wants SaaS"
_WANTS = {hash_string(norm(w)) for w in ("wants", "needs", "requires", "prefers", "expects", "seeks")}


def _clause_start(cuts: list[int], a: int, s_start: int) -> int:
    """Where the clause holding token `a` starts: after the last of the sorted `cuts` before it."""
    i = bisect_left(cuts, a)
    return cuts[i - 1] + 1 if i else s_start


def _next(xs: list[int], b: int, default: int) -> int:
    """The first of the sorted `xs` at or after `b`, else `default`."""
    i = bisect_left(xs, b)
    return xs[i] if i < len(xs) else default


def _first_comma(norms: list[int], lo: int, hi: int) -> int:
    """The first comma in tokens [lo, hi), else `hi`."""
    return next((i for i in range(lo, hi) if norms[i] == _COMMA), hi)


_ASIDE_NEGATIONS = {hash_string(norm(w)) for w in ("not", "no", "never", "n't")}
_CONCESSIONS = {hash_string(norm(w)) for w in ("while", "although", "though", "however", "whereas")}


def _aside(norms: list[int], a: int, s_end: int, stops: list[int]) -> bool:
    """Whether the clause break at token `a` opens an aside set off by commas before the verb of the
    clause it stands in: ", while desirable, is", ", however attractive, is", ", however, is" (not ",
    however, MFA is")."""
    if norms[a] not in _CONCESSIONS or a == 0 or norms[a - 1] != _COMMA:
        return False
    if a + 2 < s_end and norms[a + 1] == _COMMA and _next(stops, a + 2, -1) == a + 2:
        return True  # ", however, is excluded": the verb of the clause it stands in follows
    for c in range(a + 1, min(a + 6, s_end - 1)):
        if norms[c] in _ASIDE_NEGATIONS:
            return False  # ", although not mandatory, is desirable": the negation is the aside's own
        if c == a + 1:
            continue
        if norms[c] == _COMMA:
            return norms[c + 1] not in _STOP_MARKS and _next(stops, c + 1, -1) == c + 1
        if _next(stops, c, -1) == c:
            return False  # a verb of its own: ", while MFA is needed, ..."
    return False


def _predicate_end(norms: list[int], b: int, stop: int, s_end: int) -> int:
    """Where the noun phrase that a "not a" / "not be a" negates ends, given the next `stop`: at an
    "and" / "but" before a new subject when a verb follows it ("not a large organisation and a small
    website will do"), else at `stop` ("not a portal and a shop.")."""
    if stop >= s_end or norms[stop] in _STOP_MARKS:
        return stop
    for k in range(b + 1, stop - 1):
        if norms[k] in _NEW_SUBJECT_LINKS and norms[k + 1] in _DETERMINERS:
            return k
    return stop


_LATER = {
    hash_string(norm(w)) for w in ("phase", "later", "future", "subsequent", "next", "release", "stage")
}
_NEW_SUBJECT_LINKS = {hash_string(w) for w in ("and", "but")}
_LIST_COORDINATORS = {hash_string(w) for w in ("and", "or", "nor")}
_LIST_ITEM_MAX = 5
_NOT_ITEMS = {
    hash_string(norm(w))
    for w in (
        "via",
        "using",
        "through",
        "by",
        "with",
        "then",
        "thus",
        "so",
        "instead",
        "plus",
        "including",
        "and",
        "or",
    )
}  # tokens of one item: "manual re-keying" is four


def _np_list(norms: list[int], b: int, end: int, s_end: int, doc: Doc | None = None) -> list[int]:
    """Where the further items start of a list of short noun phrases that begins at token `b` and
    ends by `end` (the next verb or stop): "plug-ins, custom code or manual re-keying" -> the starts
    of "custom code" and "manual re-keying". None unless "and" / "or" / "nor" brings in its last
    item; a comma then ends it (", the platform shall ..."), and so does a coordinator right before
    a verb ("..., and shall support 5,000 users"). A "list" right before a verb is the subject of a
    clause of its own ("without SSO, staff and students must ..."): none either."""
    items = [b]
    last = False  # the item being read came after a coordinator
    k = b
    while k < end:
        t = norms[k]
        if t != _COMMA and t not in _LIST_COORDINATORS:
            k += 1
            continue
        if not 0 < k - items[-1] <= _LIST_ITEM_MAX:
            return []
        if last:
            return items[1:]  # the coordinated last item ends the list
        j = k + 1
        if t == _COMMA and j < end and norms[j] in _LIST_COORDINATORS:
            j += 1
        if j >= end:
            break  # "... , and shall ...": the list (if any) ended before this separator
        last = t != _COMMA or norms[j - 1] in _LIST_COORDINATORS
        items.append(j)
        k = j
    if not last or not 0 < min(k, end) - items[-1] <= _LIST_ITEM_MAX:
        return []
    if end < s_end and norms[end] not in _STOP_MARKS:
        return []  # the subject of a verb after it
    if doc is not None:
        gerund = doc[b].lower_.endswith("ing")
        for j in items[1:]:
            # "without passwords, via single sign-on or MFA", "without registering, track orders and ...":
            # a lead word or a change of kind (a gerund, then a verb) ends the list at its first item
            if norms[j] in _NOT_ITEMS or doc[j].lower_.endswith("ing") != gerund:
                return []
    return items[1:]


def _cell_mark(doc: Doc, norms: list[int], x: int) -> bool:
    """Whether token `x` separates two cells of a row: "|", or a dash with a space before it ("SAP – No";
    not the hyphen of "sign-on")."""
    return norms[x] == _BAR or (norms[x] in _CELL_MARKS and x > 0 and bool(doc[x - 1].whitespace_))


def _answer_ends(doc: Doc, norms: list[int], i: int, s_end: int) -> bool:
    """Whether the answer whose last token is `i - 1` fills its cell: the sentence ends at `i`, or a
    stop, a bracket or a cell mark follows ("No.", "No (phase 2)", "No | ...", "No – Lot 2")."""
    return i >= s_end or norms[i] in _ANSWER_ENDS or _cell_mark(doc, norms, i)


def _answer_cell(doc: Doc, norms: list[int], i: int, s_start: int, s_end: int) -> bool:
    """Whether token `i` is a bare "Yes" / "No" answer cell of a row in the sentence [s_start, s_end):
    after a cell mark or a colon, and last in its cell ("SSO required | No", "Hosting in the EU: Yes.")."""
    return (
        norms[i] in _YES_NO
        and i > s_start
        and (norms[i - 1] == _COLON or _cell_mark(doc, norms, i - 1))
        and _answer_ends(doc, norms, i + 1, s_end)
    )


def _answered_row(
    doc: Doc, group: str, a: int, b: int, s_start: int, s_end: int, excludes_at: set[int]
) -> int | None:
    """Where the need starts that a negation cue answers as a cell of its own, or None when the cue at
    tokens [a, b) is no such answer. The answer follows a cell mark or a colon and fills its cell:
    "No", "N/A", "Not applicable", "Out of scope", "Not required" (after a colon the words of a cue may
    go on: "Single sign-on: not required at this stage"). After a cell mark it answers the
    row from its start (or from the Yes / No answer before it: "SSO required | No | SAP | Yes"); after
    a colon, the label before the colon ("Integration with SAP: No", not "... | Supplier comment: No"),
    or the row when the label only asks for the need ("Single sign-on via Entra ID | Required: No")."""
    norms = doc_norms(doc)
    if a <= s_start:
        return None
    colon = norms[a - 1] == _COLON
    if not (colon or _cell_mark(doc, norms, a - 1)):
        return None
    if group == "forward":
        end = b if norms[a] in _NO_NONE and b == a + 1 else -1
    elif group == "weak":
        end = b + 1 if b in excludes_at else -1
    else:
        end = b if group == "clause" else -1
    if end < 0:
        return None
    if not (_answer_ends(doc, norms, end, s_end) or (colon and group != "forward")):
        return None  # a "Not required ..." after a label may go on: "Single sign-on: not required yet"
    if any(
        norms[x] in _OPTIONAL and norms[x + 1] == _COLON and norms[x + 2] == _YES
        for x in range(end, s_end - 2)
    ):
        return None  # "GraphQL API | Required: No | Optional: Yes": asked for as an option
    # an answer of a field about the row itself ("... | Mandatory: No | In scope: No") starts no new row
    row = max(
        [
            x + 1
            for x in range(s_start, a - 1)
            if _answer_cell(doc, norms, x, s_start, s_end) and not _row_field(doc, norms, x - 1, s_start)
        ],
        default=s_start,
    )
    cell = max([x + 1 for x in range(row, a - 1) if _cell_mark(doc, norms, x)], default=row)
    if not _REQUIRING.isdisjoint(norms[row:a]):
        return (
            None  # "SR-04 | The solution shall provide SSO | No": a column (Mandatory? Compliant?), no answer
        )
    if not colon:
        # "Integration with SAP | Optional | No" answers whether it is optional, not whether it is needed
        return None if a - 1 - cell == 1 and norms[cell] in _OPTIONAL else row
    if a - 1 - cell == 1 and norms[cell] in _MUSTS:
        return None  # "Mandatory: No": asked for, only not as a must
    if a - 1 - cell == 1 and norms[cell] in _DEMANDS:
        return row
    # a label that only asks whether the row is wanted, in scope or in a phase: "In scope: No",
    # "Applicable: No", "Contractor scope: None", "Phase 1: No", "Base year: Not required"
    if 0 < a - 1 - cell <= 3 and all(norms[x] in _ROW_ASKS or doc[x].like_num for x in range(cell, a - 1)):
        return row
    return cell  # the label


def _row_field(doc: Doc, norms: list[int], colon: int, s_start: int) -> bool:
    """Whether the label that ends at `colon` (a colon) is a field about its row, not a need of its
    own: "Mandatory", "In scope", "Phase 1", "Contractor scope" (at most three words, after a cell mark)."""
    if colon <= s_start or norms[colon] != _COLON:
        return False
    cell = colon - 1
    while cell > s_start and colon - cell <= 3 and not _cell_mark(doc, norms, cell - 1):
        cell -= 1
    if cell <= s_start or not _cell_mark(doc, norms, cell - 1):
        return False
    return all(
        norms[x] in _ROW_ASKS or norms[x] in _MUSTS or norms[x] in _OPTIONAL or doc[x].like_num
        for x in range(cell, colon)
    )


def _passive(doc: Doc, norms: list[int], b: int, s_end: int) -> bool:
    """Whether the words from `b` are a passive verb: "be replaced", "be included" (not "be responsible
    for", "connect to")."""
    return (
        b + 1 < s_end
        and norms[b] in _BE_FORMS
        and (norms[b + 1] in _PROVIDED or doc[b + 1].text.lower().endswith(("ed", "en", "ilt")))
    )


def _names_a_lack(norms: list[int], lo: int, a: int) -> bool:
    """Whether the clause starting at token `lo` names, before token `a`, the lack of something as its
    first words: "Non-compliance with", "Any failure to", "The absence of", "Lack of", "Not encrypting"."""
    i = lo
    while i < a and norms[i] in _DETERMINERS:
        i += 1
    return i < a and (
        norms[i] in _LACKS or norms[i] == _NOT or (norms[i] == _NON and i + 1 < a and norms[i + 1] == _HYPHEN)
    )


def _own_requirement(norms: list[int], lo: int, hi: int, modals: set[int]) -> bool:
    """Whether tokens [lo, hi) state a requirement of their own (a modal of `modals` not carrying on
    today's way, "will keep"; a word of `_DEMANDS`; a verb that ends the clause for the one left out
    before it: "...; integration with Salesforce is.") or put something in scope."""
    last = hi - 1
    while last > lo and norms[last] in _STOP_MARKS:
        last -= 1
    return (
        last > lo and (norms[last] in _BE_FORMS or norms[last] in _REQUIRING or norms[last] in _DO_FORMS)
    ) or any(
        (norms[i] in modals and (i + 1 >= hi or norms[i + 1] not in _STATUS_QUO))
        or norms[i] in _DEMANDS
        or norms[i] in _IN_SCOPE
        for i in range(lo, hi)
    )


def _coordinated_clauses(norms: list[int], s_start: int, s_end: int) -> list[int]:
    """Where a second clause with its own modal verb is joined by "and" / "or" ("SSO is not required,
    and the portal must support 5,000 users"): a negation before it ends there. The modal must come
    within a few words and before any comma, so a list ("printing, scanning and mailing are out of
    scope") or a relative clause ("the ERP and the CRM, which will be replaced") is no new clause."""
    ends = []
    for i in range(s_start, s_end - 1):
        if norms[i] not in _COORDINATORS:
            continue
        for j in range(i + 1, min(s_end, i + 1 + _COORDINATED_WITHIN)):
            if norms[j] == _COMMA or norms[j] == _COLON:
                break
            if norms[j] in _MODALS or (j == i + 1 and norms[j] in _WANTS):
                ends.append(i - 1 if i > s_start and norms[i - 1] == _COMMA else i)
                break
    return ends
