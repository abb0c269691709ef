"""Which tokens the negation cues of one sentence cover: `cue_scopes`, the core of `icp_negation`.

A `clause` cue ("not", "out of scope", "is excluded") covers its whole clause (clauses end at ";" and
at "but", "however", ...; a ":" right after a cue does not end it: "Out of scope: the partner
portal"); a `weak` cue ("not", "never") covers its clause only when a word of `excludes` follows it;
a `forward` cue ("no", "neither") covers the words after it up to the next verb ("No integration with
the ERP | is in scope"); `forward_short` cues ("excluding") also stop at a comma; `forward_np` cues
("without", "instead of", "rather than") negate only the noun phrase right after them. `pseudo` cues
look like negation but are not ("no later than"). Double negations, today's situation, answered table
rows and statements of work are read here too (the docstring of `cue_scopes` and its comments say
how).
"""

from __future__ import annotations

from bisect import insort

from spacy.tokens import Doc

from triage.tag.answers import answered_row, wont_after_need
from triage.tag.clauses import (
    aside,
    by_workaround,
    clause_start,
    coordinated_clauses,
    describes_state,
    failing_relative,
    first_comma,
    first_from,
    joined_clause,
    manner_refused,
    names_a_lack,
    names_a_practice,
    np_list,
    passive,
    predicate_end,
)
from triage.tag.negation_words import (
    ACCEPTS,
    ACCESS_VERBS,
    AND,
    ANY,
    ASKS,
    BAR,
    BE,
    BE_FORMS,
    BEING,
    BUILD_ADJECTIVES,
    BUILT_IN_GENERAL,
    BUT,
    BY,
    CAN,
    CAUSES,
    COLON,
    COMMA,
    CONCESSIONS,
    CONDITIONS,
    DEMANDS,
    DETERMINERS,
    DO_FORMS,
    DRAG,
    DROP,
    FOR_THAT,
    HEADS,
    HYPHEN,
    IT,
    LEFT,
    LINK_NOUNS,
    LINK_NOUNS_BUILT,
    LINKED_TO,
    LINKS,
    LIST_WORDS,
    LONGER,
    MANNERS,
    MEETS,
    MODALS,
    NEED,
    NEED_OF,
    NO,
    NO_NONE,
    NOBODY_SUBJECTS,
    NON,
    NOT,
    NP_LEADS,
    OBJECT_VERBS,
    OF,
    ONE,
    OUR,
    OWNERS,
    PAIN_GROUPS,
    PERSONS,
    PHASE,
    PROVIDED,
    PROVIDERS,
    RATHER,
    RELATIVES,
    REQUIRING,
    SEMICOLON,
    SOW_VERBS,
    STOP_MARKS,
    TELLING_CUE_WORDS,
    THERE,
    TO,
    TO_FOR,
    VISIBLE,
    WHICH,
    WISHES,
    WITH,
    WITHOUT,
)
from triage.tag.rules import doc_norms

_BURDEN_REACH = 6  # words from "without forcing" to its "to": "without forcing any of them to"
_ACCESS_REACH = 6  # words from a modal to its verb of access: "shall be able to see", "may only view"
_RELATIVE_REACH = 3  # words from a relative pronoun to the "not" of its clause: "that it cannot"
_PARALLEL_REACH = 5  # words back from "rather than" to the determiner of what it is set against


def _told_not_refused(
    norms: list[int], a: int, b: int, lo: int, cuts: list[int], s_end: int, today: list[int]
) -> bool:
    """Whether a cue that tells what people or systems do (the ninth round's "will not talk to",
    "nobody logs in", "is left out", tokens [a, b)) describes, rather than excludes: in a clause of
    today's situation ("Today the website will not talk to SAP, so staff re-key every order", "Today
    nobody logs in to the extranet because ..."), in a sentence with a condition ("Nobody will log in
    to the portal unless single sign-on ... is provided"), or "left out" of a subject that is "no" /
    "nobody" ("No dealer is left out: all 1,200 dealers must get a login"), a double negation."""
    if TELLING_CUE_WORDS.isdisjoint(norms[a:b]) and not (
        norms[a] == NO and b - a > 1 and norms[a + 1] == ONE
    ):
        return False
    clause_end = first_from(cuts, b, s_end)
    if any(lo <= x < clause_end for x in today) or not CONDITIONS.isdisjoint(norms[lo:s_end]):
        return True
    return LEFT in norms[a:b] and not NOBODY_SUBJECTS.isdisjoint(norms[lo:a])


def cue_scopes(
    doc: Doc,
    cues: list[tuple[str, int, int]],
    s_start: int,
    s_end: int,
    excludes_within: int = 4,
    refusals: list[tuple[int, int]] | None = None,
    failing_things: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) that the negation cues of one sentence cover.

    A `weak` cue ("not", "never") covers its clause only when a word of `excludes` starts at most
    `excludes_within` tokens after it, inside the clause ("is not required", "will not include",
    "do not want", "not be part of"): that is a need excluded. Otherwise the sentence forbids or
    describes something ("shall not see invoice amounts", "passwords shall never be stored in clear
    text", "good practice is not shared"), which is still a statement on its topic; the cue then
    covers only the noun phrase it introduces ("not a brochure site") or the one word right after
    it ("configured but not customised").

    `refusals`, where given, collects the scopes that only a rule with `negated_as` may take ("the
    vendor shall not customise the product"); `failing_things`, the things refused for what they fail
    at ("An off-the-shelf product that cannot be tailored is not acceptable"), which only a kind of
    product is (else they join the scopes)."""
    norms = doc_norms(doc)
    pseudo = [(a, b) for g, a, b in cues if g == "pseudo"]

    def is_pseudo(group: str, a: int, b: int) -> bool:
        # a clause cue that starts before the pseudo phrase stays: "not expose" forbids, "need not
        # expose" waives; so does one that holds the pseudo phrase and goes on: "not have to
        # register" (not "not have to re-enter"), and a forward cue that holds it and goes on: "does
        # not have to be built on SharePoint"
        return any(
            pa < b
            and a < pb
            and not (group == "clause" and (a < pa or (a == pa and b > pb)))
            and not (group == "forward" and a <= pa and b > pb)
            for pa, pb in pseudo
        )

    heads = [
        (g, a, b)
        for g, a, b in cues
        if g in HEADS
        and not is_pseudo(g, a, b)
        # "non-compliance", "non-English": the prefix, not "none"
        and not (norms[a] == NON and a + 1 < s_end and norms[a + 1] == HYPHEN)
        # "a no-code page builder", "no-reply address": a compound, no negation
        and not (norms[a] == NO and b < s_end and norms[b] == HYPHEN and not doc[a].whitespace_)
        # the "no" of "no longer" is that clause cue's, no "no" of its own
        and not (g == "forward" and norms[a] == NO and a + 1 < s_end and norms[a + 1] == LONGER)
        # "build small services by dragging and dropping": a way of building, not a thing "dropped"
        and not (norms[b - 1] == DROP and a > s_start and norms[a - 1] == DRAG)
    ]
    if not heads:
        return []
    words = norms[s_start:s_end]
    stops = sorted(a for g, a, _ in cues if g == "forward_stops")
    # "Single sign-on, while desirable, is not required": an aside between a subject and its verb
    # opens no clause of its own
    breaks = sorted(a for g, a, _ in cues if g == "clause_breaks" and not aside(norms, a, s_end, stops))
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
        [i for i in range(s_start, s_end - 1) if norms[i] == COMMA and norms[i + 1] == WHICH]
        if WHICH in words
        else []
    )
    # the words of `excludes` that say a thing is (not) provided, after a forward cue's verb
    excluded = [a for g, a, _ in cues if g == "excludes" and norms[a] in PROVIDED]
    # a "not" in a relative clause before the cue: "Bids that do not use X will not be evaluated"
    relative_nots = [
        a
        for g, a, _ in cues
        if g == "weak"
        and CAN not in norms[max(a - 1, 0) : a + 1]
        and (
            RELATIVES.intersection(norms[max(a - 2, 0) : a])
            # a relative clause without "that": "shall not ask for information we do not need"
            or (
                a - 3 >= s_start
                and norms[a - 2] in PERSONS
                and norms[a - 1] in DO_FORMS
                and doc[a - 3].is_alpha
                and norms[a - 3] not in LINKS
            )
        )
    ]
    colon_ok = {b for _, _, b in heads}  # "Out of scope: ..." keeps going after the colon
    # ... and so does a list head that a cue excludes: "Excluded from this lot: forums, ..."
    colons = [i for i in range(s_start, s_end) if norms[i] == COLON] if COLON in words else []
    verbs = [a for g, a, _ in cues if g == "forward_stops" and norms[a] not in STOP_MARKS]
    for c in colons:
        if any(norms[i] in MODALS or norms[i] in DEMANDS for i in range(c + 1, s_end)) or any(
            c < x for x in verbs
        ):
            continue  # a clause of its own follows ("...: we need APIs", "...: SaaS is what we want")
        for g, _a, b in heads:
            waives = g == "clause" or (g == "weak" and any(b <= x < b + excludes_within for x in excludes))
            if waives and b <= c and not any(b <= x < c for x in breaks):
                colon_ok.add(c)
    cuts = sorted({a for a in breaks} | {i for i in colons if i not in colon_ok})
    if norms[s_start] in CONCESSIONS and COMMA in words:
        # a sentence that opens with a concession ends it at its first comma: "While no co-authoring
        # is required, the system shall route ..." (the main clause after it asks for its own)
        insort(cuts, s_start + words.index(COMMA))
    ends = coordinated_clauses(norms, s_start, s_end)
    # a double negation says "only": "No claim shall be paid without a second approver", "must not
    # be built on anything other than Umbraco". The "without" / "other than" after a negative word
    # of its clause negates nothing, and the negation before it stops there.
    negatives = [a for g, a, _ in cues if g in ("clause", "weak", "forward", "pseudo")]
    only = set()
    # a "not" before "acceptable" / "be accepted": "A portal without SSO is not acceptable"
    unacceptable = [
        w for w in weak_starts if any(norms[x] in ACCEPTS and 0 < x - w <= excludes_within for x in excludes)
    ]
    withouts = [a for g, a, _ in heads if g == "forward_np" and norms[a] == WITHOUT]
    for g, a, _ in heads:
        if g in ("forward_short", "forward_np"):
            lo = clause_start(cuts, a, s_start)
            if any(lo <= x < a for x in negatives):
                only.add(a)
            elif a in withouts and any(a < w < first_from(cuts, a, s_end) for w in unacceptable):
                only.add(a)  # ... and the "without" before it names a need
    # words of today's situation; "has no" that starts a bound ("has no more than 50 users") is none
    today = [a for g, a, b in cues if g == "today" and not any(a < pa < b < pb for pa, pb in pseudo)]
    for g, a, b in cues:
        # the buyer's own things described ("None of our 9 systems exchange data") and a lack given as
        # the cause of a pain ("Nobody can find the procedures, because there is no shared library"):
        # today's situation too; not "None of our dealers need a portal", nor the reason for an
        # exclusion ("SSO is not required, as there is no staff login")
        if g != "forward" or any(norms[k] in DEMANDS or norms[k] in WISHES for k in range(b, s_end)):
            continue
        if (norms[a] in NO_NONE and b + 1 < s_end and norms[b] == OF and norms[b + 1] == OUR) or (
            norms[a] == THERE
            and a > s_start
            and norms[a - 1] in CAUSES
            and not any(x < a and norms[x - 1] != CAN and norms[x] != CAN for x in negatives)
        ):
            today.append(a)
    # "that" / "which" / "who" that opens a relative clause with a negation of its own: "a product
    # that cannot be changed", "uploads that have not passed a scan"
    lacking_relatives = [
        r
        for w in weak_starts
        for r in range(max(w - _RELATIVE_REACH, s_start), w)
        if norms[r] in RELATIVES and not any(r < x < w for x in cuts)
    ]
    scopes = []
    for group, a, b in heads:
        if a in only or (
            group in ("clause", "weak") and _forbids_after_but(norms, cuts, a, s_start, excludes)
        ):
            continue
        if group == "clause" and _told_not_refused(
            norms, a, b, clause_start(cuts, a, s_start), cuts, s_end, today
        ):
            continue
        row = answered_row(doc, group, a, b, s_start, s_end, excludes_at)
        if row is None and group == "forward" and norms[a] == NO and b < s_end and norms[b] == COMMA:
            continue  # an answer ("No, SSO is required for partners only"): answered_no reads it
        if row is not None:
            # "Single sign-on required | No", "Integration with SAP: N/A", "Partner portal: out of
            # scope": the row's need answered No (not today's state: "Single sign-on today: No")
            if not any(row <= x < a for x in today):
                scopes.append((row, a))
            if (
                group == "forward"
                or (norms[a - 1] == COLON and BAR in norms[b:s_end])
                or wont_after_need(doc, a, s_start)
            ):
                # a "No" negates nothing after it: "SSO | No | SAP link | Yes"; nor does a "Not
                # required" cell the cells after it: "SSO: Not required | Interface to the ERP: Required",
                # nor a "Won't have" after its need: "Self-registration | Won't have | SSO | Must have"
                continue
        lo = subject = clause_start(cuts, a, s_start)
        if group in ("clause", "weak"):
            lo = subject = joined_clause(norms, lo, a, negatives)
        if (
            group in ("clause", "weak")
            and a - 2 > lo
            and norms[a - 1] in MODALS
            and norms[a - 2] == AND
            and not passive(doc, norms, b, s_end)
        ):
            # a second active predicate of the same subject ("The microsite shall be a few static
            # pages and shall not connect to the CRM") excludes from its own modal on, not the first
            # predicate; a passive one still speaks of the subject ("... and will not be replaced")
            lo = a - 1
        if (
            today
            and group in PAIN_GROUPS
            and (group != "weak" or (b < s_end and norms[b] in DETERMINERS))  # "Not one of our ..."
            # not "There is currently no requirement for", "no need to"
            and not (group == "forward" and any(norms[k] in DEMANDS for k in range(a, b)))
        ):
            # "None of our systems talk to each other", "No single sign-on exists today": today's
            # situation, the pain a need comes from, not a need excluded
            clause_end = first_from(cuts, b, s_end)
            verb = min([x for x in stops if x >= b] + [clause_end])
            # ... unless its verb excludes a need: "No integration is needed at the moment" (not "no
            # customer would need to call us", not "what it needs")
            # "keep phoning suppliers rather than ask them to use a portal": today's way is what
            # is kept, the thing after "rather than" what is set aside
            first = b if group == "forward_np" and norms[a] == RATHER else lo
            if any(first <= x < clause_end for x in today) and not any(
                verb < x < verb + 3 and (x + 1 >= s_end or norms[x + 1] != TO) for x in excluded
            ):
                continue
        # a forward cue ("No dealer or partner portal shall be ...") stops at its verb anyway
        hi = min(
            [c for c in [*cuts, *only, *(ends if group in ("clause", "weak") else ())] if c >= b],
            default=s_end,
        )
        if group in ("clause", "weak"):
            # what the refused thing lacks is a need: "would rather not buy a product that cannot be
            # changed by our own developers", "must never accept uploads that have not passed a malware
            # scan": the relative clause with a negation of its own is out of the cue's scope
            hi = min([r for r in lacking_relatives if b <= r < hi] + [hi])
            if (
                hi in only
                and norms[hi] != WITHOUT
                and not ANY.isdisjoint(norms[b:hi])
                and LIST_WORDS.isdisjoint(norms[b:hi])
            ):
                # "is not required to develop interfaces with any system other than those listed",
                # "SSO is not needed for anyone except administrators": the need, for those alone (not
                # a second item: "need not support right-to-left scripts or any language other than")
                continue
        if group == "weak":
            if (
                (b >= s_end or norms[b] in STOP_MARKS)
                and s_start < lo < a - 1
                and norms[a - 1] in BE_FORMS
                and any(s_start <= x < lo for x in excludes)
            ):
                # a clause whose predicate is left out after the one before it: "Accessibility
                # testing is in scope; load testing is not."
                scopes.append((lo, a))
                continue
            if a > lo and norms[a - 1] == COMMA and b < hi and (norms[b] == BY or norms[b] in MANNERS):
                # ", not by X" sets a means against the one the clause asks for: only that means is
                # excluded ("Editors should extend the portal through configuration, not by building
                # custom modules", "Partners should sign in through Azure AD, not by registering")
                scopes.append((b, first_comma(norms, b, hi)))
                continue
            if describes_state(doc, norms, lo, a, hi, today):
                continue  # "News is not translated across our 9 regional websites": today's situation
            if a == lo and any(
                a < w < hi and any(norms[x] in ACCEPTS for x in excludes if w < x <= w + excludes_within)
                for w in weak_starts
            ):
                continue  # "Not encrypting data at rest is not acceptable": a need for it
            # "cannot add a field" is today's pain, and a second "not" in the clause makes a double
            # negation ("Bids that do not use X will not be evaluated"): neither excludes the need
            cannot = CAN in norms[max(a - 1, lo) : a + 1]
            # a double negation states a need: "Bids not based on Drupal will be rejected", "any call
            # that does not carry a token", "Bids that do not use X will not be evaluated"
            inner = a in relative_nots or any(b <= r < hi for r, _ in rejections)
            outer = any(r <= a < re for r, re in rejections) and any(lo <= x < a for x in weak_starts)
            # "A portal that cannot scale to 20,000 users is not acceptable": the failure is forbidden,
            # a need; the thing named before it, refused
            failing = failing_relative(norms, lo, a) if a in unacceptable else None
            excluding = not (cannot or inner or outer) and (
                failing is not None or not any(lo <= x < a for x in relative_nots)
            )
            if excluding and a in unacceptable:
                # "Non-compliance with the GDPR is not acceptable": the thing lacking is a need (not
                # "Lack of SSO is not a concern"); "It is not acceptable for dealers to see each other's
                # prices" forbids
                k = next(x for x in excludes if norms[x] in ACCEPTS and 0 < x - a <= excludes_within)
                # "Storing passwords in clear text is not acceptable", "Shared administrator accounts
                # will not be accepted": a practice forbidden, a need for what replaces it
                excluding = not (
                    names_a_lack(norms, lo, a)
                    or names_a_practice(doc, norms, lo, a)
                    or norms[lo] == IT
                    or (k + 1 < hi and norms[k + 1] in FOR_THAT)
                )
                if excluding and failing is not None:
                    # "An off-the-shelf product that cannot be tailored ... is not acceptable": the
                    # product is refused (as "... without APIs" is), what it fails at is a need; a
                    # caller that keeps `failing_things` apart refuses only kinds of product there
                    # ("A partner portal that cannot scale ..." still wants the portal)
                    (scopes if failing_things is None else failing_things).append((lo, failing))
                    continue
            # "should not ask citizens to create an account": a burden not put on users waives the
            # feature it names (not "shall not ask users to re-enter data")
            asks = (
                b < hi
                and norms[b] in ASKS
                and any(norms[t] == TO and t + 1 in excludes_at for t in range(b + 1, min(hi - 1, b + 5)))
            )
            # "be asked / expected / made to" waives what follows only when that is a need ("shall not
            # be asked to provide SSO") or the provider is asked ("The supplier is not asked to run
            # penetration tests"); else it spares users a burden ("shall not be asked to re-enter data")
            waived = [
                x
                for x in excludes
                if b <= x < min(hi, b + excludes_within)
                and (
                    norms[exclude_ends[x] - 1] != TO
                    or ASKS.isdisjoint(norms[x : exclude_ends[x]])  # "not meant to be a landing page"
                    or exclude_ends[x] in excludes_at
                    or not PROVIDERS.isdisjoint(norms[lo:a])
                )
            ]
            if excluding and waived and by_workaround(doc, norms, b, hi):
                # "Data shall not be exchanged with the benefit system by e-mail": the workaround is
                # refused, the exchange is a need
                excluding = False
            if (
                excluding
                and not (asks or waived)
                and a > lo
                and b < hi
                and norms[b] in SOW_VERBS
                and norms[a - 1] in REQUIRING
                and not PROVIDERS.isdisjoint(norms[subject:a])
            ):
                # a statement of work that says what the provider shall not do puts it out of the
                # contract: "The Contractor shall not configure the case routing" (not "Users shall
                # not configure ...", a rule on them)
                scopes.append((a, min([w for w in relatives if w > b] + [hi])))
                continue
            if excluding and (asks or waived):
                # an active verb excludes its object, not its subject: "The extranet will not offer
                # SSO"; a passive one its subject: "SSO is not required", "SSO will not be provided"
                active = (a == lo or norms[a - 1] not in BE_FORMS) and norms[b] in OBJECT_VERBS
                built = _built_object(doc, norms, waived, exclude_ends, hi)
                if built is not None:
                    # "We are not looking for a bespoke portal for our 300 dealers": the build is
                    # refused (turnkey), not the portal the dealers are to use
                    scopes.append((a if active else lo, built))
                    continue
                lacking = [x for x in withouts if lo <= x < a and a in unacceptable]
                if lacking:
                    # "An off-the-shelf product without APIs is not acceptable": the product is
                    # refused, the APIs are a need
                    scopes.append((lo, lacking[0]))
                    continue
                manner = manner_refused(norms, lo, a) if a in unacceptable and not active else None
                if manner is not None:
                    # "Integration with SAP via nightly file transfer is not acceptable": the way
                    # is refused, the integration is a need
                    scopes.append((manner, a))
                    continue
                if norms[b] in MEETS and any(
                    norms[k] in DEMANDS and norms[k + 1] in NEED_OF for k in range(b + 1, min(b + 3, hi - 1))
                ):
                    # "A blog-style site will not meet the need for client sign-in": the site is
                    # refused, what it lacks is a need
                    scopes.append((lo, a))
                    continue
                scopes.append((a if active else lo, min([w for w in relatives if w > b] + [hi])))
            elif b < hi and norms[b] in DETERMINERS:  # "not a brochure site", "never any forums"
                end = predicate_end(norms, b, min([s for s in stops if s >= b] + [hi]), s_end)
                scopes.append((b, _before_dash(doc, b, end)))
            elif b + 1 < hi and norms[b] == BE and norms[b + 1] in DETERMINERS:  # "not be a package"
                end = predicate_end(norms, b + 1, min([s for s in stops if s > b] + [hi]), s_end)
                scopes.append((b + 1, _before_dash(doc, b + 1, end)))
            elif a in relative_nots:
                continue  # a condition: "Pages that are not translated shall fall back to English"
            elif (
                cannot
                and any(a < w < hi for w in unacceptable)
                and RELATIVES.intersection(norms[max(a - _RELATIVE_REACH, lo) : a])
            ):
                continue  # "A portal that cannot scale ... is not acceptable": the failure forbidden
            elif (a == lo or norms[a - 1] not in MODALS) and not (
                cannot and a > lo and norms[a - 1] in RELATIVES and b < hi and norms[b] == BE
            ):
                # only what the cue stands right before: "configured but not customised"; after a
                # modal it forbids ("must never see another dealer's quotes") and negates nothing;
                # a relative "that cannot be ..." says what a thing fails at, a need ("a package that
                # cannot be adapted to our procedures"; not "equipment that cannot route data")
                scopes.append((b, b + 1))
            elif refusals is not None:
                # ... except a refusal that a rule turns into another tag: "the vendor shall not
                # customise the product" refuses customisation (turnkey)
                refusals.append((b, b + 1))
            continue
        if group == "clause":
            if b < hi and (doc[b].like_num or doc[b].text[:1].isdigit()) and norms[b - 1] not in PHASE:
                continue  # a range of time or numbers: "shall fall outside 07:00 to 22:00"
            if _no_longer_done(doc, norms, a, b, hi, excludes_at):
                continue  # "Dealers no longer order by fax": how things are now, not a need excluded
            if norms[a] == NOT and (
                RELATIVES.intersection(norms[max(a - 2, lo) : a]) or any(b <= r < hi for r, _ in rejections)
            ):
                continue  # a double negation: "Proposals that do not include SSO will be rejected"
            if norms[a] == NOT and names_a_lack(norms, lo, a + 1) and any(a < w < hi for w in unacceptable):
                continue  # "Not providing SSO is not acceptable": a need for it
            if a > s_start and norms[a - 1] == COLON and BAR in norms[b:hi]:
                # the value of a labelled field in a table row ("| Waiver: not applicable | The
                # portal shall ..."): it speaks of its own cell only
                continue
            if norms[a] == NEED and b < hi and norms[b] in OBJECT_VERBS:
                scopes.append((a, hi))  # "The extranet need not offer SSO": the extranet stays
                continue
            if lo == s_start and hi < s_end and norms[hi] == SEMICOLON and COLON in norms[a:hi]:
                # a list of exclusions runs on past its semicolons ("Exclusions: (a) team sites; (b)
                # forums"), up to an item that states a need of its own ("...; the portal shall ...")
                while hi < s_end and norms[hi] == SEMICOLON:
                    nxt = first_from(cuts, hi + 1, s_end)
                    if any(norms[k] in MODALS or norms[k] in DEMANDS for k in range(hi + 1, nxt)):
                        break
                    hi = nxt
            scopes.append((lo, hi))
            continue
        end = min([s for s in stops if s >= b] + [hi])
        if group == "forward" and norms[a] == NO and VISIBLE.intersection(norms[end : min(end + 3, hi)]):
            continue  # "no team space would be visible outside its team": a rule on who sees what
        if (
            group == "forward"
            and norms[a] == NO
            and end < hi
            and norms[end] in MODALS
            and hi in withouts
            and COMMA not in norms[end:hi]
            and DEMANDS.isdisjoint(norms[end:hi])
        ):
            # "No personal data shall be transferred without an adequacy decision", "No page shall go
            # live without its Spanish version": a rule that the thing comes only with the other (not
            # "No partner portal will be needed, without exception")
            continue
        if group == "forward" and end in only:
            # "No personal data other than e-mail addresses shall be stored": a rule on the data,
            # not its exclusion (not "No integration other than the SAP link is required")
            verb = first_from(stops, end + 1, s_end)
            if not any(verb <= x < verb + 3 for x in excluded):
                continue
        asked = b + 1 if b + 1 < hi and norms[b] == BEING else b  # "without being forced to"
        if group == "forward_np" and norms[a] == WITHOUT and asked < hi and norms[asked] in ASKS:
            # "without forcing any of them to register", "without requiring visitors to create an
            # account", "without requiring any integration with SAP": what is not asked for is set
            # aside, up to a comma
            to = next((t for t in range(asked + 1, min(asked + _BURDEN_REACH, hi)) if norms[t] == TO), -1)
            if to > 0:
                scopes.append((to + 1, first_comma(norms, to + 1, hi)))
            else:  # "without requiring any integration with SAP"
                scopes.append((asked + 1, first_comma(norms, asked + 1, first_from(stops, asked + 1, hi))))
            continue
        if group == "forward_np" and (
            a == lo or (norms[a] == RATHER and not (b < s_end and norms[b] in DETERMINERS))
        ):
            # what is set aside runs to the next comma: "Instead of a portal for brokers, quotes will
            # ...", "rather than ask them to use a supplier portal" (not "instead of e-mailing
            # attachments back and forth", today's pain); inside a clause, a "rather than a ..." sets
            # aside its noun phrase only (below)
            scopes.append((b, first_comma(norms, b, end)))
            continue
        if group == "forward_np" and norms[a] == RATHER:
            # "... rather than a ..." inside a clause sets aside a noun phrase as long as the one it is
            # set against, not the rest of the clause: "which tenants need a visit rather than a letter
            # | goes with her", "a partner portal rather than the existing brochure | site"
            det = next(
                (k for k in range(a - 1, max(a - _PARALLEL_REACH, lo) - 1, -1) if norms[k] in DETERMINERS),
                a - 2,
            )
            scopes.append((b, min(first_comma(norms, b, end), b + max(a - det, 2))))
            continue
        if group == "forward_np":
            # the noun phrase right after: "without (any) approval step", and each one of a list
            # of them: "without plug-ins, custom code or manual re-keying"
            items = [b, *np_list(norms, b, end, s_end, doc)]
            for item, nxt in zip(items, [*items[1:], end], strict=True):
                reach = item + 1
                while reach < end and reach < item + 3 and norms[reach - 1] in NP_LEADS:
                    reach += 1
                if reach < nxt and (
                    norms[reach] in LINKED_TO or (norms[reach] == TO and norms[reach - 1] in LINK_NOUNS)
                ):
                    # "without any integration with the finance system", "without a link to SAP": what
                    # it would link to is part of what is set aside, up to a comma (not "without
                    # disruption to ongoing appeals")
                    reach = first_comma(norms, reach, nxt)
                scopes.append((item, min(end, reach)))
            continue
        if group == "forward_short" or (group == "forward" and a > lo and norms[a - 1] == WITH):
            # "with no custom code, for routing each claim ...": a "with no" phrase ends at a comma
            end = first_comma(norms, b, end)
        elif norms[b - 1] in TO_FOR or (
            any(end <= x < end + 3 for x in excluded) and not (end < hi and norms[end] == AND)
        ):
            # "there is no requirement for the platform to be built on Drupal", and a verb that
            # excludes: "Neither the CRM nor the ERP will be connected to the site", "No role-based
            # permissions are needed beyond a single editor role"; not a verb of the thing's own
            # after "and" ("a product that has no bespoke development and supports 5,000 users")
            end = min([w for w in relatives if w > b] + [hi])
        scopes.append((b, end))
    return scopes


def _built_object(
    doc: Doc, norms: list[int], waived: list[int], exclude_ends: dict[int, int], hi: int
) -> int | None:
    """Where the object refused by the first of the `waived` words ends, when it opens with a word of
    building (`BUILD_ADJECTIVES`: "not looking for a bespoke portal for our 300 dealers", "do not want a
    custom-built partner portal"): what is refused is the build, so the scope ends after that word (and
    its hyphenated tail: "custom-built", and a word after it that names a build or a product in
    general: "a custom build", "a bespoke solution | for our 12 country sites"); the thing built, and
    who it is for, is still wanted. None for any other object, nor for a link built to measure ("custom
    integration with SAP"), which is refused as a whole."""
    if not waived:
        return None
    k = exclude_ends[waived[0]]
    while k < hi and norms[k] in DETERMINERS:
        k += 1
    if k >= hi or doc[k].lower_ not in BUILD_ADJECTIVES:
        return None
    end = k + 3 if k + 2 < hi and norms[k + 1] == HYPHEN and not doc[k].whitespace_ else k + 1
    if end >= hi or doc[end].lower_ in LINK_NOUNS_BUILT:
        return None  # "custom integration with SAP": the link itself is refused
    while end < hi and doc[end].lower_ in BUILT_IN_GENERAL:
        end += 1  # "a custom build", "a bespoke solution | for our 12 country sites": the build refused
    return end


def _no_longer_done(doc: Doc, norms: list[int], a: int, b: int, hi: int, excludes_at: set[int]) -> bool:
    """Whether the "no longer" of tokens [a, b) tells what people or systems have stopped doing, today's
    situation and the pain a need comes from ("Dealers no longer order by fax", "Staff no longer share
    knowledge since the forum was switched off", "Our CRM no longer talks to the web shop", "Our 14
    country websites are no longer maintained"): a verb of its own follows it. Not a word of
    `excludes` ("no longer needed", "no longer requires", "no longer meets our needs") nor "be" or a
    noun phrase ("is no longer our standard", "no longer a requirement"): a need excluded. After "can"
    it is today's pain, as "cannot" is ("Partners can no longer log in")."""
    if b - a != 2 or norms[a] != NO or norms[a + 1] != LONGER or b >= hi:
        return False
    if norms[a - 1] == CAN:
        return True  # "Partners can no longer log in to the extranet": today's pain, as "cannot" is
    if b in excludes_at:
        return False
    word = doc[b]
    return (
        word.is_alpha and norms[b] not in BE_FORMS and norms[b] not in DETERMINERS and norms[b] not in OWNERS
    )


def _before_dash(doc: Doc, lo: int, hi: int) -> int:
    """Where the noun phrase from token `lo` to at most `hi` ends at a dash set apart by spaces, which
    on a slide says what the thing is instead ("Not a brochure site - a partner portal for 400
    resellers"); a hyphen inside a word ("off-the-shelf") ends nothing."""
    return next(
        (
            k
            for k in range(lo + 1, hi)
            if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k].whitespace_
        ),
        hi,
    )


def _forbids_after_but(norms: list[int], cuts: list[int], a: int, s_start: int, excludes: list[int]) -> bool:
    """Whether the "not" at token `a` right after "but" denies, under the modal of the clause before,
    what that clause's verb of access allows (`ACCESS_VERBS`, within a few words of the modal: "Dealers
    may see their own orders but not the prices of other dealers", "Warehouse staff must see delivery
    addresses but not what customers paid"). That is a prohibition, a rule of access, and excludes
    nothing. Not a verb of work ("The supplier must redesign the intranet but not the single sign-on":
    SSO is excluded), nor one that provides or includes ("shall support English but not Welsh"), nor a
    clause with no modal ("Today staff see orders but not prices")."""
    if a - 1 <= s_start or norms[a - 1] not in BUT:
        return False
    lo = clause_start(cuts, a - 1, s_start)
    modal = next((k for k in range(lo, a - 1) if norms[k] in MODALS), None)
    if modal is None or any(modal < x < a - 1 for x in excludes):
        return False
    return any(norms[k] in ACCESS_VERBS for k in range(modal + 1, min(modal + _ACCESS_REACH, a - 1)))
