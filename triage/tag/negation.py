"""`icp_negation`: what the sentence around a mention says against it, its negation.

`icp_negation` marks a span `Span._.negated` when a negation cue (`negation:`) has it in scope:
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
Fifth round: "not acceptable" / "will not be accepted" of a practice ("Storing passwords in clear
text", "Manual re-keying of orders", "Shared administrator accounts"), of a failure ("Unplanned
downtime") or of a shortfall ("Anything less than 99.9 % availability") forbids it, a need (not of a
thing offered: "A separate partner portal is not acceptable"); so does a "not" of a manual
workaround ("shall not be exchanged by e-mail"); the items of a lettered, numbered or bulleted list
whose lead-in excludes them ("The following are excluded: (a) ...; (b) ...", each item a sentence of
its own) are negated up to an item that asks for something; "No X shall ... without Y" is a rule
that keeps X; a relative clause with a negation of its own ("a product that cannot be changed") and
what a refused thing "will not meet the need for" are needs; "not required to ... any system other
than those listed" asks for those; a question that asks what / which / how is answered No by an
answer that denies its tag; "None of our systems ..." and "..., because there is no shared library"
describe today; "has no more than 50" is a bound; "without forcing anyone to register" / "without
requiring X" set aside what is not asked for, and "without any integration with the ERP" what it
links to; a clause joined by "and" with a subject and verb of its own ("..., and discussion forums
are not part of it") excludes only itself; MoSCoW's "Won't" in a cell after its need answers the
row; a clause that keeps today's way ("Dealers will keep ordering through the EDI link, so ...")
before an exclusion says how the excluded need is met today.
Sixth round: "not acceptable" of a thing named by what it fails at ("A portal that cannot scale to
20,000 users", "that fails to integrate with SAP") forbids the failure, a need, and refuses only the
thing named before it; of a thing done a certain way ("Integration with SAP via nightly file
transfer") it refuses the way, not the thing; a sentence followed in its passage by a bare asking
label answered no ("... payroll system. In scope: No") states no need.
Ninth round (minutes, slide bullets, Q&A logs, non-native wording): cues for "is left out", "will not
talk to", "will not do for us", "would be overkill", "nobody will log in", "not a condition of award";
"does not have to be built on X" waives the platform, not the thing built on it; users who "will not
order through the new site", a bullet "Not another static site", what a thing is "far more than", a
lesser thing that "would do" after ";", what is "already" done before ", so no ...", and a kind of
product that "will not be retained" for what it fails at are exclusions. On the other side, needs kept:
the manual work a link spares ("without retyping"), the service kept up ("without taking it
offline"), a wish "nice to have but not essential", an audience a cue refuses as its object is no
second audience after "but", "should not land on the same menu as" or a complaint about sameness, a
clause after "but" that asks for a span by name ("shall require registration"), a rule's own phrase
that opens with its "never" ("who can never be the one who raised them").
Tenth round (the review's near misses of the ninth): its telling cues ("will not talk to", "nobody
logs in", "is left out") describe in a clause of today's words or a sentence with a condition, and "No
X is left out" is a double negation; users who "do not order through the portal today" or "will not
... unless" it does something are an audience; "already ..., so no X" keeps what a later clause asks
done "with it"; a "no" ends at "and supports" though "supports" is a word of provision.
Eleventh round (forms near the tuning sets' leftovers): "drag and drop" is no cue of a thing "dropped";
a "rather than a ..." inside a clause sets aside a noun phrase as long as the one it is set against
("need a visit rather than a letter | goes with her"); ", not by X" excludes only the means X; a
turnkey span that names the build refused ("not looking to fund development") and an integration span
that names the re-work a link spares ("should not need to re-enter") state their tag when negated; an
object refused that opens with a word of building ("a bespoke portal for our 300 dealers") refuses the
build only; "is / are / does not" before a verb of linking or translating without a modal ("News is
not translated across our 9 regional websites") and "no longer" before a verb of its own ("Dealers no
longer order by fax") tell today's situation; a "not" or "neither ... nor" before a verb of linking
excludes the link, not its subject ("The dealer portal will not integrate with SAP"); a clause after a
comma with "we" and a verb of wanting is a clause of its own; an audience span across "but" into a
clause that excludes a feature for the second audience names two audiences; a question answered No
gives the `negated_as` tag of what it named ("Will customisation be needed? A: No." -> turnkey).
The per-sentence steps after the scopes take one `SentenceView`. The scopes of the cues are
read in negation_scopes.py, answers to questions and table rows in answers.py, clause bounds
in clauses.py, and the words the rules look for are in negation_words.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.answers import answer_denies, answered_by_label, answered_no
from triage.tag.clauses import clause_start, first_comma, first_from, last_word, list_marker, own_requirement
from triage.tag.modality import cue_phrases
from triage.tag.negation_scopes import cue_scopes
from triage.tag.negation_words import (
    AGNOSTIC,
    ALLOWED,
    ALREADY,
    ALWAYS_TODAYS,
    APART,
    AS,
    ASKING_VERBS,
    BACK_BREAKS,
    BACK_OBJECT_NORMS,
    BACK_OBJECTS,
    BE_FORMS,
    BUILD_NAMES,
    BUT,
    CHANGE_VERBS,
    CLAUSE_WORDS,
    COLON,
    COMMA,
    COMPLAINTS,
    CONDITIONS,
    COUNT_WORDS,
    DATA_NOUNS,
    DEMANDS,
    DENIAL_VERBS,
    DENIALS,
    DETERMINERS,
    DIFFERENCE,
    DO_FORMS,
    DO_VERB,
    ENOUGH,
    ENOUGH_MODALS,
    FAILED_PHRASES,
    FILLER,
    FROM,
    HEADS,
    INSTEAD_CUES,
    ITSELF,
    KEPT,
    LATER,
    LATER_WORDS,
    LEFT_OUT,
    LINK_AUX,
    LINK_TAG,
    LINK_VERBS,
    LIST_JOINS,
    LOGIN_WORDS,
    MADE,
    MODALS,
    MORE_THAN_BEFORE,
    MUSTS_STRONG,
    NEITHER,
    NEW_WORDS,
    NO_MORE,
    NONE_WORDS,
    NOR,
    NOT_ONLY_AFTER,
    NOT_ONLY_BEFORE,
    NOT_OPENERS,
    NOT_REASONS,
    NOT_THE_SAME_NP,
    NOT_YET_WORDS,
    NOTHING,
    NOTHING_ENDS,
    NOTHING_NEEDS,
    NOW_WORDS,
    NP_STOPS,
    OFFERED_THINGS,
    ONLINE,
    ONLY_WORDS,
    OTHER_THAN,
    OTHERS_KEEP,
    OWN_LOGIN,
    PACKAGE_NOUNS,
    PHRASE_ENDS,
    PLURAL_TAGS,
    PROBLEMS,
    PRODUCT_TAGS,
    PRONOUNS,
    PURPOSE_WORDS,
    QUESTION,
    REASONS,
    REFUSING,
    RELATIVE_WORDS,
    REQUIREMENT_WORDS,
    REQUIRING,
    RESTRICTS,
    RETAINED,
    REWORK,
    ROLES_TAG,
    SAME_NOT_VIEW,
    SCOPE_NOUNS,
    SECURITY_TAG_IDS,
    SEMICOLON,
    SEVERAL,
    SHOWN,
    SIGN_IN,
    SITE_ACTS,
    SITE_WAYS,
    SITE_WORDS,
    SO,
    SPARED,
    SPARED_CUES,
    SPREAD,
    STOP_MARKS,
    STRONG_MODALS,
    THING_NOUNS,
    TO,
    TO_FOR,
    TODAYS,
    TRIED,
    TURNKEY,
    USE_WORDS,
    USES,
    VERBS_AFTER,
    WANTING,
    WAYS,
    WEAK_NOTS,
    WHO,
)
from triage.tag.normalise import norm
from triage.tag.rules import (
    ICP_KEY,
    Context,
    doc_norms,
    get_spans,
    part_bounds,
    sentence_bounds,
    set_spans,
    span_info,
)

_LINK_AUX_MAX = 5  # words from a "not" to its verb of linking: "does not need to be integrated"

# A lead-in with these words speaks of today ("We do not currently have the following:"), and a cue
# followed by these is a double negative ("The following are required, not optional:"): no exclusion.
_LEAD_IN_TODAY = frozenset({"currently", "today", "presently", "present", "existing"})
_LEAD_IN_DOUBLE = frozenset({"optional", "negotiable", "exhaustive", "limited"})


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
                self.matcher.add(group, cue_phrases(nlp, spec[group]))
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
            for phrase in cue_phrases(nlp, spec.get(group))
            for t in phrase
        } - {strings.add(w) for w in FILLER}

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        if not spans:
            return doc
        norms = doc_norms(doc)
        by_sentence: dict[int, list[Span]] = defaultdict(list)
        ends: dict[int, int] = {}  # each sentence's end, by its start: both passes below read it
        for span in spans:
            s_start, s_end = sentence_bounds(doc, span.start)
            by_sentence[s_start].append(span)
            ends[s_start] = s_end
        before = self._negated_heirless(spans)
        answered_no(doc, norms, by_sentence)
        if COLON in norms or QUESTION in norms:  # an answer by its label: "In scope: No", "Required? No"
            answered_by_label(doc, by_sentence)
        strings = doc.vocab.strings
        added: list[tuple[Span, Span]] = []  # (heir, the negated span it stands for)
        # a question answered No that named a thing a rule turns into another tag: "Does the Authority
        # expect the supplier to build custom integrations? A: No, a configurable product ..." (turnkey)
        added += self._heirs(doc, spans, before)
        listed = self._listed(doc, norms, by_sentence)
        for s_start, sent_spans in by_sentence.items():
            s_end = ends[s_start]
            items = listed.get(s_start)
            if items is None and self.cue_words.isdisjoint(norms[s_start:s_end]):
                continue
            cues = [(strings[m], a, b) for m, a, b in self.matcher(doc[s_start:s_end])]  # doc offsets
            if not cues and items is None:
                continue
            refusals: list[tuple[int, int]] = []
            failing_things: list[tuple[int, int]] = []
            negated = cue_scopes(doc, cues, s_start, s_end, self.excludes_within, refusals, failing_things)
            if items:
                negated = sorted([*negated, *items])
            # a rule's own phrase that holds "without" says what it means ("without waiting for the vendor")
            own = [a for g, a, _ in cues if g == "forward_np"]
            # the first token of the longest weak cue ending at each token: "cannot" before "see"
            weak_from: dict[int, int] = {}
            for g, a, b in cues:
                if g == "weak" and a < weak_from.get(b, b):
                    weak_from[b] = a
            # where a "never" / "not" opens a rule's own phrase ("who can never be the one who raised
            # them"); not "cannot", today's pain ("cannot see the pension records")
            weak_at = {
                a
                for g, a, _ in cues
                if g == "weak"
                and (
                    doc[a].lower_ == "never"
                    # "cannot" is "can" + "not" ("can't" is "ca" + "n't", never "not"); a "not"
                    # that opens the sentence has no word before it
                    or (doc[a].lower_ == "not" and (a == s_start or doc[a - 1].lower_ != "can"))
                )
            }
            for span in sent_spans:
                rule = self.rules.get(span.id_)
                if not self._may_negate(span):
                    continue
                scopes = [*negated, *refusals] if rule is not None and rule.negated_as else negated
                if failing_things and span.label_ in PRODUCT_TAGS:
                    # "An off-the-shelf product that cannot be tailored is not acceptable" refuses the
                    # product; "A partner portal that cannot scale ..." still wants the portal
                    scopes = [*scopes, *failing_things]
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
                        # a rule's own phrase that opens with its "never" / "not": "who can never be
                        # the one who raised them" forbids, a need
                        and span.start not in weak_at
                    )
                    for lo, hi in scopes
                ):
                    span_info(span)["negated"] = True
                    if rule is not None and rule.negated_as:
                        added.append(self._heir(doc, span, rule.negated_as, rule.id))
            view = SentenceView(norms, cues, negated, sent_spans, s_start, s_end)
            if negated:
                self._link_only(view)
            self._reasons_inherit(view)
            if self.alike_tags:
                self._audiences_alike(view)
            if negated:
                self._points_back(view)
                self._restated(view)
                self._used_after(view)
                self._kept_today(view)
                self._kept_before(view)
                self._enough_after(view)
                self._context_lost(view)
                self._audience_asked(view)
                self._audience_kept(view)
                self._condition_inherits(view)
        lowers: list[int] | None = None  # the words scope_forms reads, as LOWER hashes, once a doc
        for s_start, sent_spans in by_sentence.items():
            s_end = ends[s_start]
            if TELLING.isdisjoint(norms[s_start:s_end]) and all(s.label_ not in UNTOLD for s in sent_spans):
                continue  # no form of scope_forms can apply: none of their words is there
            if lowers is None:
                lowers = doc.to_array(LOWER).tolist()
            words = [strings[h] for h in lowers[s_start:s_end]]
            scope_forms(doc, s_start, s_end, sent_spans, self._may_negate, words)
        if QUESTION in norms:
            before = self._negated_heirless(spans)
            answer_denies(doc, norms, by_sentence)
            added += self._heirs(doc, spans, before)
        # an heir whose span a later clause restated ("..., but is required for partners") goes
        heirs = [heir for heir, span in added if span_info(span).get("negated")]
        if heirs:
            set_spans(doc, self.key, sorted([*spans, *heirs], key=lambda s: (s.start, s.end, s.label_)))
        return doc

    def _negated_heirless(self, spans: list[Span]) -> set[int]:
        """The positions in `spans` of the spans already negated, before an answer negates more."""
        return {i for i, span in enumerate(spans) if span_info(span).get("negated")}

    def _heirs(self, doc: Doc, spans: list[Span], before: set[int]) -> list[tuple[Span, Span]]:
        """The heirs (`negated_as`) of the spans an answer negated since `before` was taken: a need
        answered No that a rule turns into another tag, as the cue pass makes them."""
        out = []
        for i, span in enumerate(spans):
            rule = self.rules.get(span.id_)
            if i in before or rule is None or not rule.negated_as or not span_info(span).get("negated"):
                continue
            out.append(self._heir(doc, span, rule.negated_as, rule.id))
        return out

    @staticmethod
    def _heir(doc: Doc, span: Span, label: str, rule_id: str) -> tuple[Span, Span]:
        """(heir, span): the span of tag `label` that a negated `span` stands for, with its modality."""
        heir = Span(doc, span.start, span.end, label=label, span_id=rule_id)
        span_info(heir)["modality"] = span._.modality
        return heir, span

    def _may_negate(self, span: Span) -> bool:
        """Whether `span` may be negated: not where its rule is `negatable: false` (it names today's
        pain, or carries its own negation), nor where it is a turnkey span that names the build
        refused ("is not looking to fund development", "a configurable product rather than a custom
        build"): refusing a build is what turnkey means; nor an integration span that names the manual
        re-work a link spares ("Customers should not need to re-enter their details"). A turnkey span
        that names the product ("not looking to buy a packaged product") is negated as any other."""
        rule = self.rules.get(span.id_)
        if rule is not None and not rule.negatable:
            return False
        if span.label_ == LINK_TAG and REWORK.search(span.text):
            return False
        return span.label_ != TURNKEY or BUILD_NAMES.isdisjoint(t.lower_ for t in span)

    def _listed(
        self, doc: Doc, norms: list[int], by_sentence: dict[int, list[Span]]
    ) -> dict[int, list[tuple[int, int]]]:
        """The items of lettered, numbered or bulleted lists whose lead-in excludes them, per sentence
        start: "The following are excluded from this contract: (a) integration with the payroll system;
        (b) load testing above 500 users; (c) a partner extranet." Each item is a sentence of its own
        (segment.py starts one at each marker); a lead-in ends in ":" and a cue covers it up to its
        colon ("Out of scope:", "The Contractor is not required to:"), not "The following are required:".
        The list ends at an item that states a need of its own ("(d) the portal shall ..."). Items of
        a sentence are the stretches between its ";" ("i) ...; ii) ...")."""
        out: dict[int, list[tuple[int, int]]] = {}
        heads: dict[int, bool] = {}  # lead-in start -> whether it excludes its list
        for s_start in by_sentence:
            s_end = sentence_bounds(doc, s_start)[1]
            if not list_marker(doc, s_start, s_end):
                continue
            first = part_bounds(doc, s_start)[0]
            k, head = s_start, -1
            while k > first:
                p_start, p_end = sentence_bounds(doc, k - 1)
                if norms[last_word(doc, p_start, p_end)] == COLON:
                    head = p_start
                    break
                if not list_marker(doc, p_start, p_end) or _states_need(norms, p_start, p_end):
                    break  # no item, or the list of exclusions ended at an item that asks for something
                k = p_start
            if head < 0:
                continue
            if head not in heads:
                heads[head] = self.lead_in_excludes(doc, head)
            if not heads[head]:
                continue
            items, lo = [], s_start
            for i in range(s_start, s_end + 1):
                if i == s_end or norms[i] == SEMICOLON:
                    if _states_need(norms, lo, i):
                        break
                    items.append((lo, i))
                    lo = i + 1
            out[s_start] = items
        return out

    def lead_in_excludes(self, doc: Doc, start: int) -> bool:
        """Whether the sentence of `doc` that starts at token `start` is a lead-in that excludes the list
        after it: it ends in ":" and a negation cue covers it up to the colon ("The following are out of
        scope:", "The Contractor is not required to:"; not "The following are required:"). For a stage
        that sees list items as passages of their own (document.py), as `_listed` does for the items
        of one passage."""
        end = sentence_bounds(doc, start)[1]
        colon = last_word(doc, start, end)
        if doc_norms(doc)[colon] != COLON:
            return False
        words = [t.lower_ for t in doc[start:colon]]
        if _LEAD_IN_TODAY.intersection(words):
            return False  # "We do not currently have the following:": today's pain, the needs to come
        # the clause that governs the colon is the last one ("Apart from hosting, which is out of
        # scope, the supplier shall provide:" asks for its list)
        last_clause = start + max((i + 1 for i, w in enumerate(words) if w in (",", ";")), default=0)
        strings = doc.vocab.strings
        cues = [(strings[m], a, b) for m, a, b in self.matcher(doc[start:end])]
        for lo, hi in cue_scopes(doc, cues, start, end, self.excludes_within):
            if not lo < colon <= hi or lo < last_clause - 1:
                continue
            after = {t.lower_ for t in doc[lo : min(colon, lo + 3)]}
            # "not optional", "not negotiable": it asks; "shall not apply if any claim:": a condition
            if after.isdisjoint(_LEAD_IN_DOUBLE) and not {"if", "unless"}.intersection(words[lo - start :]):
                return True
        return False

    def _audiences_alike(self, view: SentenceView) -> None:
        """Audiences named only to say they get the same ("Volunteers and donors will see the same
        site", "Our visitors are all the same kind of people") deny different views: the spans of the
        `alike_tags` (user_roles) in the clause of an `alike` cue are negated, unless the sentence
        still gives someone something different or their own outside what it excludes ("Staff and
        students use the same portal but see different pages"). Not a "not" a few words before the
        cue ("Alumni should not land on the same menu as first-year students": a need for different
        views), nor a sentence that complains of the sameness ("..., and both complain that it is not
        for them"): the pain a need comes from."""
        norms = view.norms
        alike = [
            (a, b)
            for g, a, b in view.cues
            if g == "alike"
            and (b >= view.end or norms[b] != AS)
            # "log in with the same credentials", "at the same time": no view of the site
            and SAME_NOT_VIEW.isdisjoint(norms[b : min(b + 2, view.end)])
        ]
        if not alike:
            return
        if any(g == "today" for g, _, _ in view.cues):
            return  # "Patients and referrers read the same pages today": the pain a need comes from
        if not COMPLAINTS.isdisjoint(norms[view.start : view.end]):
            return  # "Alumni get the same newsletter as first-years, and both complain ...": a pain
        hidden = {i for lo, hi in view.negated for i in range(lo, hi)}
        if any(
            view.norms[i] in DIFFERENCE
            and i not in hidden
            # "tell apart" asks for different views; "Apart from the board, ..." names an exception
            and not (view.norms[i] == APART and i + 1 < view.end and view.norms[i + 1] == FROM)
            for i in range(view.start, view.end)
        ):
            return
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        for a, b in alike:
            lo, hi = clause_start(cuts, a, view.start), first_from(cuts, b, view.end)
            if any(g == "weak" and lo <= w < a and a - w <= 4 for g, w, _ in view.cues):
                continue  # "Alumni should not land on the same menu as first-years": they ask for different
            if not view.negated and REQUIRING.isdisjoint(view.norms[lo:hi]):
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
            b for g, a, b in view.cues if g == "clause_breaks" and view.norms[b - 1] in BACK_BREAKS
        )
        if not breaks:
            return
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            if not any(lo == k and hi > k for lo, hi in view.negated):
                continue  # the clause after the break is no exclusion of its own
            hi = max(h for lo, h in view.negated if lo == k)
            clause = view.norms[k:hi]
            if not (view.norms[k] in LEFT_OUT or not PRONOUNS.isdisjoint(clause)):
                continue
            if COLON in view.norms[k : min(k + 5, hi)]:
                continue  # a list head of its own: "In scope: ...; not in scope: the interface to ..."
            before = view.norms[prev : k - 1]
            if not REQUIRING.isdisjoint(before) or not DEMANDS.isdisjoint(before):
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
            if g == "clause_breaks" and norms[b - 1] in BACK_BREAKS and b < view.end
        )
        if not breaks:
            return
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            end = first_from(breaks, k + 1, view.end + 1) - 1
            last = end - 1
            while last > k and norms[last] in STOP_MARKS:
                last -= 1
            # "...; partners do.", "... but for partners it is."
            elliptic = last - k < 5 and (norms[last] in BE_FORMS or norms[last] in DO_FORMS)
            if not (elliptic or norms[k] in BE_FORMS or norms[k] in REQUIRING):
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
            if not elliptic and TO_FOR.isdisjoint(norms[k:end]):
                continue  # no one else it is for: "..., but will be commissioned by the Council"
            if not LATER.isdisjoint(norms[k:end]):
                continue  # a need put off: "not required in phase one but will be needed in phase two"
            if not own_requirement(norms, k, end, REQUIRING):
                continue
            for span in view.spans:
                if prev <= span.start < k - 1:
                    span_info(span)["negated"] = False

    def _used_after(self, view: SentenceView) -> None:
        """A thing the vendor is spared building or supplying, that the clause after "but" / ";"
        requires the solution to use ("The vendor will not build the ERP connector, which our
        integration team maintains, but the portal must use it", "...; the portal shall call it for
        every order"), is still a need: who makes it is excluded, not the use of it. The spans of
        the object, after the excluding word, count again; the verb's own span ("build") stays
        negated."""
        norms = view.norms
        breaks = sorted(
            b
            for g, a, b in view.cues
            if g == "clause_breaks" and norms[b - 1] in BACK_BREAKS and b < view.end
        )
        for prev, k in pairwise([view.start, *breaks]):
            end = first_from(breaks, k + 1, view.end + 1) - 1
            used = next((i for i in range(k, end - 1) if norms[i] in USES), None)
            if used is None or PRONOUNS.isdisjoint(norms[used + 1 : min(used + 4, end)]):
                continue
            if REQUIRING.isdisjoint(norms[k:used]) or any(lo < end and k < hi for lo, hi in view.negated):
                continue
            spared = [
                a for g, a, b in view.cues if g == "excludes" and prev <= a < k - 1 and norms[a] in MADE
            ]
            if not spared:
                continue
            for span in view.spans:
                if spared[0] < span.start < k - 1:
                    span_info(span)["negated"] = False

    def _kept_today(self, view: SentenceView) -> None:
        """A clause after ";" that says how today's way already meets a need excluded before it, that
        clause naming no tagged thing itself, speaks of the same need: "Password self-service is not
        required; the service desk resets passwords today and will keep doing so", "We are not after
        a place to swap files; that already works well on the shared drive". Not when the clause
        after states a requirement of its own or puts something in scope."""
        breaks = sorted(b for g, a, b in view.cues if g == "clause_breaks" and view.norms[a] == SEMICOLON)
        if not breaks:
            return
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        starts = [view.start, *breaks]
        for prev, k in pairwise(starts):
            if not any(lo == prev and hi >= k - 1 for lo, hi in view.negated):
                continue  # the clause before is no exclusion as a whole
            if any(prev <= span.start < k - 1 for span in view.spans):
                continue  # it names its own thing; _reasons_inherit speaks for the clause after it
            end = first_from(cuts, k, view.end)
            if KEPT.isdisjoint(view.norms[k:end]) and not any(
                g == "today" and k <= a < end for g, a, _ in view.cues
            ):
                continue
            if own_requirement(view.norms, k, end, REQUIRING):
                continue
            self._negate_from(view.spans, k, end)

    def _kept_before(self, view: SentenceView) -> None:
        """A clause saying that today's way goes on, before ";" or ", so" and a clause that excludes a
        need, says how that need is met today: "Customers will keep managing their details through
        the branch; an online profile is not part of this phase", "Dealers will keep ordering through
        the EDI link, so no ordering pages are required". Its spans are negated. Only a clause with
        "will keep" / "will continue" / "continue to" and no exclusion of its own; a clause that says
        something is "already" done ("Staff already share files in Teams, so no document libraries or
        forums are wanted") only of the tags the clause after excludes (not "Staff already use Azure
        AD, so no separate login is needed": the link to Azure AD is still wanted), and not when a
        later clause asks for something done with it by a strong modal and "it" / "them" ("We already
        run Salesforce, so no separate CRM is needed, but the portal must sync contacts with it")."""
        norms = view.norms
        joints = sorted(
            [b for g, a, b in view.cues if g == "clause_breaks" and norms[a] == SEMICOLON]
            + [i + 2 for i in range(view.start, view.end - 2) if norms[i] == COMMA and norms[i + 1] == SO]
        )
        starts = [view.start, *joints]
        for prev, k in pairwise(starts):
            end = first_from(joints, k + 1, view.end)
            if not any(k <= lo < end for lo, _ in view.negated):
                continue  # the clause after excludes nothing
            if any(lo < k and prev < hi for lo, hi in view.negated):
                continue  # the clause before excludes something itself
            if any(
                norms[i] in KEPT and (norms[i - 1] in MODALS or (i + 1 < k and norms[i + 1] == TO))
                for i in range(prev + 1, k)
            ):
                self._negate_from(view.spans, prev, k)
            elif ALREADY in norms[prev:k] and not _asked_back(norms, k, view.end):
                tags = {s.label_ for s in view.spans if k <= s.start < end and span_info(s).get("negated")}
                self._negate_from([s for s in view.spans if s.label_ in tags], prev, k)

    def _enough_after(self, view: SentenceView) -> None:
        """A clause after ";" that says a lesser thing is enough ("We would rather not pay for
        clustering; a single server restored from backup would do", "...; the host's standard checks
        are enough") speaks of the need excluded before it: its spans of the tags negated before the
        ";" are negated. Not a clause that asks with a strong modal ("...; nightly backups must be
        kept"), nor spans of other tags ("SSO is not needed; a password login will do" keeps the
        login)."""
        norms = view.norms
        breaks = sorted(b for g, a, b in view.cues if g == "clause_breaks" and norms[a] == SEMICOLON)
        for k in breaks:
            end = next((b - 1 for b in breaks if b > k), view.end)
            last = end - 1
            while last > k and norms[last] in STOP_MARKS:
                last -= 1
            enough = not ENOUGH.isdisjoint(norms[k:end]) or (
                norms[last] == DO_VERB and norms[last - 1] in ENOUGH_MODALS
            )
            if not enough or not MUSTS_STRONG.isdisjoint(norms[k:end]):
                continue
            tags = {s.label_ for s in view.spans if s.start < k - 1 and span_info(s).get("negated")}
            if tags:
                self._negate_from([s for s in view.spans if s.label_ in tags], k, end)

    def _audience_asked(self, view: SentenceView) -> None:
        """A span that runs from an excluded clause across "but" / "whereas" into a clause that asks for
        something of its own names the audience asked as well as the one excluded: "Single sign-on is
        not needed for the public, but agency staff must sign in" keeps "the public, but agency staff"
        (two audiences, one of them asked). Not an audience that a clause cue refuses as its object:
        "The platform will not serve external users, but it must handle 8,000 staff" asks for no second
        audience."""
        norms = view.norms
        objects = {b for g, _, b in view.cues if g == "clause"}
        breaks = sorted(
            b for g, a, b in view.cues if g == "clause_breaks" and norms[b - 1] in BUT and b < view.end
        )
        if not breaks:
            return
        for span in view.spans:
            if not span_info(span).get("negated"):
                continue
            inside = [k for k in breaks if span.start < k < span.end]
            if (
                not inside
                or span.start in objects
                or (span.start - 1 in objects and norms[span.start - 1] in DETERMINERS)
            ):
                continue
            k = inside[-1]
            end = first_from(breaks, k + 1, view.end)
            if any(lo < end and k < hi for lo, hi in view.negated):
                continue  # the clause after excludes something itself
            if own_requirement(norms, k, end, REQUIRING):
                span_info(span)["negated"] = False

    def _audience_kept(self, view: SentenceView) -> None:
        """A user_roles span that runs from a clause that excludes nothing across "but" / "whereas" into
        a clause that excludes a feature for the second audience (a span of another tag negated
        there) names two audiences, both of them served: "Single sign-on for staff is in scope, but
        SSO for partners is not", "Staff will use the intranet, but partners will not need a login"
        keep it. Not where the clause after excludes the audience itself, naming no feature: "The
        portal is for staff, but partners will not use it"."""
        norms = view.norms
        breaks = sorted(
            b for g, a, b in view.cues if g == "clause_breaks" and norms[b - 1] in BUT and b < view.end
        )
        if not breaks:
            return
        for span in view.spans:
            if span.label_ != ROLES_TAG or not span_info(span).get("negated"):
                continue
            inside = [k for k in breaks if span.start < k < span.end]
            if not inside:
                continue
            k = inside[0]
            lo = clause_start(breaks, span.start, view.start)
            end = first_from(breaks, k + 1, view.end)
            if any(x < k - 1 and lo < y for x, y in view.negated):
                continue  # the clause before excludes something itself
            if any(
                k <= s.start < end and s.label_ != ROLES_TAG and span_info(s).get("negated")
                for s in view.spans
            ):
                span_info(span)["negated"] = False

    def _condition_inherits(self, view: SentenceView) -> None:
        """A condition that opens the sentence ("Unless enrolment passes 5,000 students, ...") speaks
        of the need its main clause removes ("... no load balancing is needed"): its spans of a tag
        that the main clause negates are negated too."""
        norms = view.norms
        if norms[view.start] not in CONDITIONS or COMMA not in norms[view.start : view.end]:
            return
        comma = norms.index(COMMA, view.start, view.end)
        removed = {
            span.label_ for span in view.spans if span.start > comma and span_info(span).get("negated")
        }
        if removed:
            self._negate_from([s for s in view.spans if s.label_ in removed], view.start, comma)

    def _link_only(self, view: SentenceView) -> None:
        """A "not" or a "neither ... nor" before a verb of linking (`LINK_VERBS`) excludes the link, not
        the things it would link: "The dealer portal will not integrate with SAP", "Neither the dealer
        portal nor the web shop needs to integrate with SAP", "The intranet does not need to connect to
        Workday" keep the spans of their subject of tags other than integration. Not where another cue
        of the clause excludes the subject too ("The dealer portal is out of scope and will not
        integrate with SAP"), nor before a verb of another kind ("Neither the partner portal nor SSO is
        required")."""
        norms = view.norms
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")
        heads = [(g, a, b) for g, a, b in view.cues if g in HEADS]
        for g, a, b in heads:
            lo = clause_start(cuts, a, view.start)
            hi = first_from(cuts, a + 1, view.end)
            if g == "weak":
                subject, verb = (lo, a), b
            elif g == "forward" and norms[a] == NEITHER:
                verb = next((k for k in range(b, hi) if norms[k] in LINK_AUX and norms[k] != TO), hi)
                subject = (b, verb)
            else:
                continue
            k = verb
            while k < min(hi, verb + _LINK_AUX_MAX) and norms[k] in LINK_AUX:
                k += 1
            if k >= hi or norms[k] not in LINK_VERBS or subject[0] >= subject[1]:
                continue
            # another cue of the clause ("is out of scope and will not ..."); not the "nor" of "neither
            # ... nor", nor a cue that holds this "not" ("need not")
            if any(
                lo <= x < hi and not x <= a < y and not (h == "forward" and norms[x] == NOR)
                for h, x, y in heads
            ):
                continue
            for span in view.spans:
                if (
                    subject[0] <= span.start
                    and span.end <= subject[1]
                    and span.label_ != LINK_TAG
                    and span_info(span).get("negated")
                ):
                    span_info(span)["negated"] = False

    def _negate_from(self, sent_spans: list[Span], lo: int, hi: int) -> None:
        """Marks negated each span of the sentence that starts in tokens [lo, hi) and whose rule may be
        negated (a `negatable: false` rule names today's pain, which no exclusion turns off)."""
        for span in sent_spans:
            if lo <= span.start < hi and self._may_negate(span):
                span_info(span)["negated"] = True

    def _context_lost(self, view: SentenceView) -> None:
        """A span that counts only beside words its rule `requires` loses them when they stand only
        in what the sentence excludes: "trade customers" is b2b_portal beside "ordering portal", but
        not in "a PDF will be offered to trade customers in lieu of an online ordering portal". Only
        where a span of the same tag is negated in the sentence (the partner noun of a negated
        portal), so a need of its own with the same words elsewhere stands. Nor a span that a clause
        asks for by name, with "shall" / "must" / "should" and a verb of asking right before it, and
        that excludes nothing itself ("Patients will not create accounts for the symptom checker, but
        the refill service shall require registration and sign-in"): a need of its own (not "...,
        but the member area must be protected by MFA", whose "protected" is security only beside
        the encryption excluded)."""
        tags = {span.label_ for span in view.spans if span_info(span).get("negated")}
        if not tags:
            return
        cuts = sorted(a for g, a, _ in view.cues if g == "clause_breaks")

        def asks_itself(span: Span) -> bool:
            lo = clause_start(cuts, span.start, view.start)
            hi = first_from(cuts, span.start + 1, view.end)
            before = view.norms[max(lo, span.start - 2) : span.start]
            return (
                not MUSTS_STRONG.isdisjoint(view.norms[lo:hi])
                and not ASKING_VERBS.isdisjoint(before)
                and not any(a < hi and lo < b for a, b in view.negated)
            )

        candidates = [
            span
            for span in view.spans
            if span.label_ in tags
            and not span_info(span).get("negated")
            and (rule := self.rules.get(span.id_)) is not None
            and rule.requires
            and self._may_negate(span)
            and not asks_itself(span)
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
                stop = first_comma(view.norms, span.end, stop)
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
            if g != "clause_breaks" or (view.norms[b - 1] not in REASONS and view.norms[b - 1] != WHO):
                continue
            if b < len(view.norms) and view.norms[b] in NOT_REASONS:
                continue
            end = first_from(breaks, a + 1, view.end)
            # ", who will use email-and-password accounts": a relative clause's "will" tells what the
            # audience excluded does instead; only "shall" / "must" / "should" ask of it
            modals = MUSTS_STRONG if view.norms[b - 1] == WHO else MODALS
            if own_requirement(view.norms, b, end, modals):
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
            if self._may_negate(span) and any(start < lo <= span.start < hi for lo, hi in reasons):
                span_info(span)["negated"] = True


def _states_need(norms: list[int], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a modal verb or a word of `DEMANDS`: a list item that asks for
    something of its own ("(d) the portal shall integrate with the CRM")."""
    return any(norms[k] in MODALS or norms[k] in DEMANDS for k in range(lo, hi))


# Seventh round: forms of exclusion that carry no cue of the taxonomy's, read off the sentence's
# lower-case words (local offsets: word k is token s_start + k).


def scope_forms(
    doc: Doc,
    s_start: int,
    s_end: int,
    spans: list[Span],
    may_negate: Callable[[Span], bool],
    words: list[str] | None = None,
) -> None:
    """Marks negated the spans of one sentence that its other forms of exclusion have in scope:
    a scope cut to one ("Only one brand is in scope", "covers only the Irish business customers"),
    products tried and found wanting ("Ready-made tools were tried and could not handle ..."), a "not"
    that a following clause restricts ("...not process the applications itself; it shall pass ...",
    "...; the portal only publishes the guidance"), the audience of a thing refused for another
    ("offered to trade customers in lieu of an online ordering portal"), a platform named in a
    procurement that is "platform-agnostic", "nothing ... needs to" and a simple site that is the
    one being replaced ("The Agency's current static brochure site", "The successor to our brochure
    site"). `may_negate` says whether a span's rule may be negated at all; `words`, the sentence's words
    in lower case where the caller has read them."""
    local = [(span, span.start - s_start) for span in spans if may_negate(span)]
    if not local:
        return
    if words is None:
        words = [t.lower_ for t in doc[s_start:s_end]]
    present = set(words)
    hit: list[Span] = []
    # each form only where its first word is in the sentence: most sentences hold none of them
    for form, needs in _FORMS:
        if needs is None or not needs.isdisjoint(present):
            hit += form(words, local)
    for span in hit:
        span_info(span)["negated"] = True
    if "without" in present:
        for span in _wanting_what_lacks(words, local):
            span_info(span)["negated"] = False


def _bounds(words: list[str], at: int, breaks: frozenset[str], and_too: bool = False) -> tuple[int, int]:
    """The clause [lo, hi) holding word `at`, cut at the words of `breaks` (and at ", and" if `and_too`)."""

    def cut(k: int) -> bool:
        return words[k] in breaks or (and_too and words[k] == "and" and k > 0 and words[k - 1] == ",")

    lo = at
    while lo > 0 and not cut(lo - 1):
        lo -= 1
    hi = at
    while hi < len(words) and not cut(hi):
        hi += 1
    return lo, hi


def _only_one(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A scope cut to one thing or one audience ("Only one brand is in scope", "There will be only one
    audience, the Bank's own employees", "this first release covers only the Irish business customers",
    "Only our own staff will use it") speaks against several sites, brands or audiences: the spans of
    `PLURAL_TAGS` in its clause, or in a clause beside it that asks for nothing ("and the subsidiaries
    keep their own websites", "We trade in three countries, but ..."). Not "only" of two ("Only staff
    and partners ..."), of a condition or a way ("only if", "only through"), nor an "only" clause with
    a modal of its own ("Only editors shall publish"), which restricts who may do what."""
    out: list[Span] = []
    for i, w in enumerate(words):
        if w not in ONLY_WORDS or (i and words[i - 1] in NOT_ONLY_BEFORE):
            continue
        if i + 1 >= len(words) or words[i + 1] in NOT_ONLY_AFTER:
            continue
        j = i + 1
        while j < len(words) and words[j] not in NP_STOPS:
            j += 1
        phrase = set(words[i + 1 : j])
        if not phrase or phrase & LIST_JOINS or not phrase & SCOPE_NOUNS:
            continue
        lo, hi = _bounds(words, i, CLAUSE_WORDS, and_too=True)
        if STRONG_MODALS & set(words[lo:hi]):
            continue
        # "Only our staff use the current site; the new portal adds dealers, ...": today's scope
        today = bool(TODAYS & set(words[lo:hi]) or NOW_WORDS & set(words[lo:hi]))
        for span, at in local:
            if span.label_ not in PLURAL_TAGS or at < 0:
                continue
            c_lo, c_hi = _bounds(words, at, CLAUSE_WORDS, and_too=True)
            if (c_lo, c_hi) == (lo, hi) and at >= j and _counts_several(words, at, len(span)):
                continue  # "serve only the business customers in 8 countries": several all the same
            beside = words[c_lo:c_hi] if (c_lo, c_hi) != (lo, hi) else words[hi : at + len(span)]
            if today and NEW_WORDS & set(beside):
                continue  # the clause beside today's scope (or the span's end in it) speaks of the new one
            if (c_lo, c_hi) == (lo, hi) or not REQUIREMENT_WORDS & set(words[c_lo:c_hi]):
                out.append(span)
    return out


def _counts_several(words: list[str], at: int, n: int) -> bool:
    """Whether the span of `n` words at word `at` counts more than one in its first words or the word
    before it: "8 countries", "all 12 sites", "several markets"."""
    return any(
        (w.replace(",", "").isdigit() and int(w.replace(",", "")) > 1) or w in SEVERAL
        for w in words[max(at - 1, 0) : at + min(n, 2)]
    )


def _find(words: list[str], phrase: tuple[str, ...], start: int = 0) -> int:
    """Where `phrase` starts in `words` at or after `start`, else -1."""
    n = len(phrase)
    return next((k for k in range(start, len(words) - n + 1) if tuple(words[k : k + n]) == phrase), -1)


def _tried_and_failed(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """Products that were tried or evaluated and failed ("Ready-made tools were tried in 2022 and could
    not handle our pricing rules", "were evaluated ... and found unable to support", "We have tried
    ready-made products twice, and neither could cope") are what the buyer is not after: the spans of
    `PRODUCT_TAGS` in the clause up to the failure, when it asks for nothing of its own."""
    tried = next((k for k, w in enumerate(words) if w in TRIED), -1)
    if tried < 0:
        return []
    fails = [k for phrase in FAILED_PHRASES if (k := _find(words, phrase, tried + 1)) >= 0]
    if not fails:
        return []
    failed = min(fails)
    lo, _ = _bounds(words, tried, frozenset({";", ":"}))
    if STRONG_MODALS & set(words[lo:failed]):
        return []
    return [
        span
        for span, at in local
        if span.label_ in PRODUCT_TAGS and lo <= at < failed and not _named_again(span, at, lo, failed, words)
    ]


def _named_again(span: Span, at: int, lo: int, failed: int, words: list[str]) -> bool:
    """Whether a name of the clause of a product tried ("The existing Sitecore platform was procured
    ... and could not be upgraded") is named again after the failure, in a clause that asks for it
    ("; the replacement must be on Sitecore XM Cloud"): that platform is still the one wanted."""
    doc, base = span.doc, span.start - at
    names = {words[k] for k in range(lo + 1, failed) if doc[base + k].text[:1].isupper()}
    for k in range(failed, len(words)):
        if words[k].rstrip(".") in names:  # "be SaaS." is one token
            c_lo, c_hi = _bounds(words, k, frozenset({";", ":"}))
            if c_lo > failed and STRONG_MODALS & set(words[c_lo:c_hi]):
                return True
    return False


def _not_restricted(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A "not" that the clause after ";" / ":" restricts to something less ("The platform will not
    process the applications itself; it shall pass each form to the case system", "The form shall not
    route submissions for approval; each submission is simply emailed", "Applications are not reviewed
    or approved online; the portal only publishes the guidance") excludes what it names, though no
    word of `excludes` follows it: the spans of each tag named after the "not" in its clause (up to a
    relative clause: "..., which stays in the core system"). Not a way of doing it ("must never be
    extracted by screen scraping; only the vendor's APIs may be used"), nor of a
    security tag (a prohibition there is the need: "shall not store card numbers; it shall only pass
    them to ..."), nor of a tag the clause after names too ("...; only a manager may approve them")."""
    out: list[Span] = []
    breaks = frozenset({";", ":"})
    for n, w in enumerate(words):
        if w not in WEAK_NOTS:
            continue
        lo, hi = _bounds(words, n, breaks)
        if hi >= len(words) - 1:
            continue
        _, next_hi = _bounds(words, hi + 1, breaks)
        after = set(words[hi + 1 : next_hi])
        if not (after & RESTRICTS or ITSELF & set(words[n:hi])) or WAYS & set(words[n:hi]):
            continue
        # what the "not" names ends at a relative clause ("..., which stays in the core system")
        end = next(
            (k for k in range(n + 1, hi - 1) if words[k] == "," and words[k + 1] in RELATIVE_WORDS), hi
        )
        named_after = {span.label_ for span, at in local if hi < at < next_hi}
        # "not duplicated across the 12 country sites; each site simply ...": where, not what
        spread = {span.label_ for span, at in local if n < at < end and SPREAD & set(words[n:at])}
        tags = {span.label_ for span, at in local if n < at < end} - SECURITY_TAG_IDS - named_after - spread
        out += [span for span, at in local if span.label_ in tags and lo <= at < end]
    return out


def _refused_for_another(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """When a thing is refused for another ("A catalogue PDF will be offered to trade customers in lieu
    of an online ordering portal", "will keep phoning suppliers rather than ask them to use a supplier
    portal"), the other spans of its tag that name no thing of their own (the trade customers, the
    suppliers) go with it. Not when one of them names a thing ("Suppliers must use the supplier
    portal instead of the old supplier extranet"), nor in a sentence that asks or wishes for what it
    prefers ("Trade customers must see their contract prices rather than list prices")."""
    cues = [(k, k + len(p)) for p in INSTEAD_CUES if (k := _find(words, p)) >= 0]
    if not cues:
        return []
    end = min(b for _, b in cues)
    refused = {span.label_ for span, at in local if at >= end and span_info(span).get("negated")}
    out: list[Span] = []
    for tag in refused:
        kept = [span for span, _ in local if span.label_ == tag and not span_info(span).get("negated")]
        if (
            kept
            and not any(THING_NOUNS & {t.lower_ for t in span} for span in kept)
            and not WANTING & set(words)
        ):
            out += kept
    return out


def _agnostic(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A procurement that is "platform-agnostic" / "vendor-neutral" mandates no platform: the
    platform_mandate spans of clauses that ask for nothing ("Although the intranet runs on
    SharePoint, ..."); not a clause that does ("The portal must run on SharePoint; ...")."""
    joined = [f"{a}-{c}" for a, b, c in zip(words, words[1:], words[2:], strict=False) if b == "-"]
    if not AGNOSTIC & {*words, *joined}:
        return []
    out = []
    for span, at in local:
        if span.label_ == "platform_mandate":
            lo, hi = _bounds(words, at, CLAUSE_WORDS | {","})
            if not STRONG_MODALS & set(words[lo:hi]):
                out.append(span)
    return out


def _nothing_needs(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "nothing (about it) needs to / has to be ..." excludes what follows it in its clause ("and
    nothing about it needs to be built for peaks"); not "nothing must be lost", a requirement."""
    out: list[Span] = []
    for i, w in enumerate(words):
        if w != NOTHING:
            continue
        verb = next((k for k in range(i + 1, min(i + 6, len(words))) if words[k] in NOTHING_NEEDS), -1)
        if verb < 0 or verb + 1 >= len(words) or words[verb + 1] not in {"to", "required", "needed"}:
            continue
        # "Nothing ... needs to change for the SAP integration": what stays as it is, not what is spared
        if CHANGE_VERBS & set(words[verb + 2 : verb + 4]):
            continue
        _, hi = _bounds(words, i, CLAUSE_WORDS)
        hi = _nothing_scope_end(words, verb + 2, hi)
        out += [span for span, at in local if i < at < hi]
    return out


def _nothing_scope_end(words: list[str], start: int, hi: int) -> int:
    """Where what "nothing ... needs to" excludes ends, from word `start` to at most `hi`: at a comma
    or a word that opens a clause of its own ("Nothing needs to be re-keyed, because the portal must
    integrate with SAP", "..., which must stay real time"), or at an "and" / "so" that a requirement
    of its own follows ("Nothing needs to be installed and the portal must integrate with SAP")."""
    for k in range(start, hi):
        if words[k] in NOTHING_ENDS:
            return k
        if words[k] in {"and", "or", "so"} and REQUIREMENT_WORDS & set(words[k + 1 : hi]):
            return k
    return hi


def _todays_site(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A simple site named as today's ("The Agency's current static brochure site is the problem",
    "The current intranet is a set of static pages", "The successor to our brochure site") is the one
    being replaced, not one asked for; not one named as what replaces it ("replace our current
    portal with a simple brochure site"). A "current" / "existing" site only where its clause says it
    is a problem or replaced: a current site that "has served us well" may be what is wanted."""
    out = []
    for span, at in local:
        if span.label_ != "simple_site":
            continue
        lo, hi = _bounds(words, at, frozenset({";", ":"}))
        clause = words[lo:hi]
        problem = bool(PROBLEMS & set(clause)) or _find(clause, ("can", "not")) >= 0  # "cannot": two tokens
        for k in range(at - 1, max(at - 7, -1), -1):
            if words[k] in NOT_THE_SAME_NP:
                break
            if words[k] in ALWAYS_TODAYS or (problem and words[k] in TODAYS):
                out.append(span)
                break
    return out


def _none_other_than(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "No system other than the identity provider will connect to the portal": what the sentence
    says after the exception is denied of all else; its spans of tags the exception does not name
    are negated, up to what the verb is for ("No CMS other than AEM shall be used | for the new brand
    sites"); not a security tag, whose "no one other than" is a rule of access."""
    out: list[Span] = []
    for i, w in enumerate(words):
        if w not in NONE_WORDS:
            continue
        found = [(k, len(p)) for p in OTHER_THAN if 0 <= (k := _find(words, p, i + 1)) <= i + 3]
        if not found or DATA_NOUNS & set(words[i + 1 : min(found)[0]]):
            continue  # "No data other than order data will be exchanged with SAP": what, not whether
        k, n = min(found)
        verb = next(
            (v for v in range(k + n, len(words)) if words[v] in VERBS_AFTER or words[v] in CLAUSE_WORDS), -1
        )
        if verb < 0 or words[verb] in CLAUSE_WORDS:
            continue
        _, hi = _bounds(words, verb, CLAUSE_WORDS)
        # what is denied is the verb's own phrase, not what it is for ("shall be used for the brand sites")
        hi = next((p for p in range(verb + 2, hi) if words[p] in PURPOSE_WORDS), hi)
        excepted = {span.label_ for span, at in local if k <= at < verb}
        out += [
            span
            for span, at in local
            if verb < at < hi and span.label_ not in excepted and span.label_ not in SECURITY_TAG_IDS
        ]
    return out


def _spared_after(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A clause before ";" saying who already does a thing, followed by one that spares the vendor
    it and names nothing of its own ("The City's managed security provider monitors all City
    systems; the vendor need not supply a SOC"), speaks of what is not asked: its spans are
    negated. Not when that clause asks for something ("must be monitored")."""
    out: list[Span] = []
    for k, w in enumerate(words):
        if w != ";":
            continue
        _, hi = _bounds(words, k + 1, frozenset({";"}))
        after = words[k + 1 : hi]
        if not SPARED & set(after[:4]) or not any(_find(after, p) >= 0 for p in SPARED_CUES):
            continue
        if any(k < at < hi for _, at in local):
            continue  # the clause after names a thing of its own
        lo, _ = _bounds(words, k - 1, frozenset({";"}))
        if REQUIREMENT_WORDS & set(words[lo:k]):
            continue
        out += [span for span, at in local if lo <= at < k]
    return out


def _denied_after(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A clause answered by a bare denial after ";" ("Offerors should not assume that the system will
    hold any protected health information; it will not.") has its spans negated."""
    out: list[Span] = []
    for k, w in enumerate(words):
        if w != ";" or k + 3 >= len(words) + 1:
            continue
        rest = [x for x in words[k + 1 :] if x not in {".", "!"}]
        if 3 <= len(rest) <= 4 and rest[0] in DENIALS and rest[1] in DENIAL_VERBS and rest[-1] in WEAK_NOTS:
            lo, _ = _bounds(words, k - 1, frozenset({";"}))
            out += [span for span, at in local if lo <= at < k]
    return out


def _itself_not(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "The platform shall be able to host a dealer portal in a later phase ..., although the dealer
    portal itself is not built under this contract": a thing negated with "itself" takes with it the
    earlier mention of the same words, when that mention is put off to a later phase."""
    out: list[Span] = []
    for span, at in local:
        end = at + len(span)
        if not span_info(span).get("negated") or end >= len(words) or words[end] not in ITSELF:
            continue
        text = span.text.lower()
        for other, o_at in local:
            if o_at < at and other.text.lower() == text and not span_info(other).get("negated"):
                lo, hi = _bounds(words, o_at, CLAUSE_WORDS)
                if LATER_WORDS & set(words[lo:hi]):
                    out.append(other)
    return out


def _done_by_others(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A "not" whose object a relative clause says someone else keeps or handles ("trade users will
    not manage their own login details, which the sales desk keeps", "will not handle claims
    processing, which stays in the core insurance system") excludes that object: its spans between
    the "not" and the relative clause. Not a "not" of what one is allowed to do ("shall not be able
    to change their own roles, which the administrator manages"), a rule of access."""
    out: list[Span] = []
    for n, w in enumerate(words):
        if w not in WEAK_NOTS or n + 1 >= len(words) or words[n + 1] in ALLOWED:
            continue
        _, hi = _bounds(words, n, frozenset({";", ":"}))
        rel = next(
            (k for k in range(n + 2, hi - 1) if words[k] == "," and words[k + 1] in RELATIVE_WORDS), -1
        )
        if rel < 0:
            continue
        r_hi = next((k for k in range(rel + 2, hi) if words[k] in {",", ";", ":"}), hi)
        if not OTHERS_KEEP & set(words[rel + 2 : r_hi]) or STRONG_MODALS & set(words[rel + 2 : r_hi]):
            continue
        if _used_later(words, r_hi):
            continue  # "..., which our integration team maintains, but the portal must use it": a need
        out += [span for span, at in local if n < at < rel]
    return out


def _asked_back(norms: list[int], start: int, end: int) -> bool:
    """Whether tokens [start, end) require something done with what was named before: a strong
    modal (`MUSTS_STRONG`) with "it" / "them" after it ("..., but the portal must sync contacts with
    it"). The NORM-hash twin of `_used_later`, which also asks for a verb of use."""
    modal = next((k for k in range(start, end) if norms[k] in MUSTS_STRONG), -1)
    return modal >= 0 and not BACK_OBJECT_NORMS.isdisjoint(norms[modal + 1 : end])


def _used_later(words: list[str], start: int) -> bool:
    """Whether words from `start` on require the solution to use what was named before, by a pronoun
    ("..., but the portal must use it", "; the portal shall call them"): `USES` after a strong modal,
    with "it" / "them" right after."""
    modal = next((k for k in range(start, len(words)) if words[k] in STRONG_MODALS), -1)
    if modal < 0:
        return False
    return any(
        words[k] in USE_WORDS and BACK_OBJECTS & set(words[k + 1 : k + 4])
        for k in range(modal + 1, len(words))
    )


def _not_shown_online(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "Dealer prices will not be shown online": what is not put online is not asked of the portal;
    the spans of its subject are negated. Not a security tag ("Passwords will not be shown online" is
    a rule of protection), nor what is kept from someone ("not be shown to the public online")."""
    for n, w in enumerate(words):
        if w not in WEAK_NOTS or (n and words[n - 1] in {"can", "could"}):
            continue  # "that we cannot put online": today's pain
        k = n + 1
        if k < len(words) and words[k] in {"be", "been"}:
            k += 1
        elif not n or words[n - 1] not in {"is", "are"}:
            continue
        if k >= len(words) or words[k] not in SHOWN:
            continue
        _, hi = _bounds(words, n, CLAUSE_WORDS | {","})
        where = words[k + 1 : hi]
        if not ONLINE & set(where) or "to" in where:
            continue
        lo, _ = _bounds(words, n, CLAUSE_WORDS | {","})
        return [span for span, at in local if lo <= at < n and span.label_ not in SECURITY_TAG_IDS]
    return []


def _no_own_login(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "The intranet should not need a separate login: staff must be signed in automatically from
    their Windows session", "will not issue passwords of its own: brokers sign in with the credentials
    of the market identity service": no login of the site's own, so the signing in the next clause
    describes is single sign-on, no account service: its sign-in spans of `account_services` are
    negated (not a password reset or a registration asked there)."""
    for n, w in enumerate(words):
        if w not in WEAK_NOTS and w != "no":
            continue
        _, hi = _bounds(words, n, frozenset({";", ":"}))
        clause = set(words[n:hi])
        own = OWN_LOGIN & clause or _find(words[n:hi], ("of", "its", "own")) >= 0
        if not own or not LOGIN_WORDS & clause or hi >= len(words):
            continue
        _, next_hi = _bounds(words, hi + 1, frozenset({";", ":"}))
        return [
            span
            for span, at in local
            if span.label_ == "account_services" and hi < at < next_hi and SIGN_IN.match(span.text.lower())
        ]
    return []


def _wanting_what_lacks(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A thing refused for lacking something ("COTS software without room for customisation falls
    outside what the Agency is looking for", "An off-the-shelf product without an API is not
    acceptable") asks for what it lacks: the negated span right after "without" is a need, and no
    heir of it is counted. Only where the refusal says the thing is unacceptable, not where it is
    merely out of scope ("A portal without SSO is out of scope")."""
    if not REFUSING & set(words) or "scope" in words:
        return []
    out: list[Span] = []
    for w, word in enumerate(words):
        if word != "without":
            continue
        thing = any(span_info(s).get("negated") and at < w <= at + len(s) + 1 for s, at in local)
        thing = thing or (w > 0 and words[w - 1] in OFFERED_THINGS)  # "A solution without ... rejected"
        if thing:
            out += [s for s, at in local if w < at <= w + 4 and span_info(s).get("negated")]
    return out


def _not_through_site(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "Resellers will not order through the new site", "Members won't book online": the users who
    will not order, buy or book on the site are no audience of it; the spans of the clause are
    negated. Only "will / would not" of the future (not "must not order through the portal without
    approval", a rule, nor "do not order through the portal today", today's pain), only in a sentence
    without today's words or a condition (not "will not order through the portal unless it shows
    their own prices": a need, `NOT_YET_WORDS`), and only of a site, portal or "online" (not "will
    not order through the call centre any more", where the site is what replaces the old way)."""
    out: list[Span] = []
    if not NOT_YET_WORDS.isdisjoint(words):
        return out
    for n, w in enumerate(words):
        if w not in WEAK_NOTS or not n or words[n - 1] not in {"will", "wo", "would"}:
            continue
        if n + 2 >= len(words) or words[n + 1] not in SITE_ACTS or words[n + 2] not in SITE_WAYS:
            continue
        lo, hi = _bounds(words, n, CLAUSE_WORDS)
        rest = set(words[n + 2 : hi])
        if not SITE_WORDS & rest or NO_MORE & rest:
            continue
        out += [span for span, at in local if lo <= at < hi]
    return out


def _not_opening(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """A sentence that opens with "Not" and a noun phrase, as a slide bullet or heading does ("Not
    another static information site", "Not a brochure site - a members' service"; any sentence, since
    a bullet's marker may be gone), sets that thing aside: its spans up to the end of the phrase are
    negated. Not "Not a single order may be lost" (a count), nor what follows a
    comma, dash or "but" ("Not a brochure site, but a portal for 60,000 members")."""
    f = next((k for k, w in enumerate(words) if w[:1].isalnum()), len(words))
    if f + 2 >= len(words) or words[f] != "not" or words[f + 1] not in NOT_OPENERS:
        return []
    if words[f + 2] in COUNT_WORDS:
        return []
    hi = next((k for k in range(f + 2, len(words)) if words[k] in PHRASE_ENDS), len(words))
    return [span for span, at in local if f < at < hi]


def _more_than_a(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "This is far more than a brochure website", "We need more than just an off-the-shelf
    product": what the thing is more than is set aside; the spans of that noun phrase are negated.
    Not a number or a span of `scale` ("more than a million visits a month", "more than a dozen
    countries"), nor "more than a" after a word that does not compare the thing ("for more than a
    year")."""
    out: list[Span] = []
    for i in range(1, len(words) - 3):
        if words[i] != "more" or words[i + 1] != "than" or words[i - 1] not in MORE_THAN_BEFORE:
            continue
        j = i + 2 + (words[i + 2] == "just")
        if j + 1 >= len(words) or words[j] not in {"a", "an"}:
            continue
        if words[j + 1] in COUNT_WORDS or words[j + 1][:1].isdigit():
            continue
        hi = next((k for k in range(j + 1, len(words)) if words[k] in PHRASE_ENDS), len(words))
        out += [span for span, at in local if j < at < hi and span.label_ != "scale"]
    return out


def _not_retained(words: list[str], local: list[tuple[Span, int]]) -> list[Span]:
    """ "A standard package that cannot be adapted to our procedures will not be retained", "An
    off-the-shelf product that lacks an API will not be selected": a kind of product offered and not
    chosen is refused as "not acceptable" is; its spans of `PRODUCT_TAGS` before the relative clause
    are negated (what it fails at stays a need). Only where the clause's subject names an offered
    thing (not "Personal data will not be retained beyond six years", a rule of retention)."""
    out: list[Span] = []
    for n, w in enumerate(words):
        if w not in WEAK_NOTS:
            continue
        k = n + 1 + (n + 1 < len(words) and words[n + 1] == "be")
        if k >= len(words) or words[k] not in RETAINED:
            continue
        lo, _ = _bounds(words, n, CLAUSE_WORDS)
        rel = next((r for r in range(lo + 1, n) if words[r] in RELATIVE_WORDS or words[r] == "that"), n)
        if not (OFFERED_THINGS | PACKAGE_NOUNS) & set(words[lo:rel]):
            continue
        out += [span for span, at in local if lo <= at < rel and span.label_ in PRODUCT_TAGS]
    return out


# The forms of `scope_forms`, in the order they run, each with the words one of which its sentence must
# hold for it to apply (None: no such word, it always runs).
_FORMS: tuple[
    tuple[Callable[[list[str], list[tuple[Span, int]]], list[Span]], frozenset[str] | None], ...
] = (
    (_only_one, ONLY_WORDS),
    (_tried_and_failed, TRIED),
    (_not_restricted, WEAK_NOTS),
    (_refused_for_another, frozenset({"instead", "lieu", "rather"})),  # INSTEAD_CUES' telling words
    (_agnostic, AGNOSTIC | {"agnostic", "neutral", "independent"}),
    (_nothing_needs, frozenset({NOTHING})),
    (_todays_site, None),
    (_none_other_than, NONE_WORDS),
    (_spared_after, frozenset({";"})),
    (_denied_after, frozenset({";"})),
    (_itself_not, ITSELF),
    (_done_by_others, WEAK_NOTS),
    (_not_shown_online, WEAK_NOTS),
    (_no_own_login, WEAK_NOTS | {"no"}),
    (_not_through_site, WEAK_NOTS),
    (_not_opening, frozenset({"not"})),
    (_more_than_a, frozenset({"more"})),
    (_not_retained, RETAINED),
)
# the words one of which a sentence must hold for a form of `scope_forms` to apply, as the NORM hashes
# of any casing of them (only an upper-case plural reads apart: "THEMSELVES"), and the tags whose form
# applies without one
TELLING = frozenset(
    hash_string(norm(casing))
    for word in {w for _, needs in _FORMS if needs for w in needs} | {"without"}
    for casing in (word, word.upper())
)
UNTOLD = frozenset({"simple_site"})  # _todays_site
