"""Where clauses, noun phrases and lists start and end in a sentence, for the negation rules.

Pure functions over the token norms of a doc (`doc_norms`) and token offsets: the start of the clause
that holds a token, the next break, an aside set off by commas, the noun phrase a "not a" negates,
a short list of noun phrases after "without", a passive verb, a subject that names a lack, whether
a stretch states a requirement of its own, and where a second clause with its own modal is joined by
"and" / "or". negation.py, negation_scopes.py and answers.py build on them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from triage.tag.negation_words import (
    ANY,
    ANYTHING,
    ASIDE_NEGATIONS,
    BE_FORMS,
    BY,
    BY_ON,
    CLEAR_TEXT,
    COLON,
    COMMA,
    CONCESSIONS,
    COORDINATORS,
    DEMANDS,
    DETERMINERS,
    DO_FORMS,
    FAILS_TO,
    FAILURES,
    FEWER,
    HYPHEN,
    IN_SCOPE,
    LACKS,
    LATER,
    LIST_COORDINATORS,
    MANNERS,
    MANUALLY,
    MEANS,
    MODALS,
    NEW_SUBJECT_LINKS,
    NEW_SYSTEM,
    NON,
    NOT,
    NOT_ITEMS,
    OF,
    OUR,
    PRACTICES,
    PROVIDED,
    RE,
    RELATIVES,
    REQUIRING,
    SHORT_OF,
    SO,
    SPLICE_SUBJECTS,
    STATE_ADVERBS,
    STATE_BE_DO,
    STATE_VERBS,
    STATUS_QUO,
    STOP_MARKS,
    TEXT,
    THAN,
    THING_INGS,
    WANTS,
)

_COORDINATED_WITHIN = 6
_LIST_ITEM_MAX = 5
_MARKER_CHARS = 4  # "(a)", "(iv)", "12."
_BULLETS = frozenset("-–•▪◦●■►*")
_WORKAROUNDS = re.compile(r"(?:e-?mail|hand|post|fax|phone|telephone|paper|spreadsheets?)\b")


def clause_start(cuts: list[int], a: int, s_start: int) -> int:
    """Where the clause holding token `a` starts: after the last of the sorted `cuts` before it."""
    i = bisect_left(cuts, a)
    return cuts[i - 1] + 1 if i else s_start


def first_from(xs: list[int], b: int, default: int) -> int:
    """The first of the sorted `xs` at or after `b`, else `default`."""
    i = bisect_left(xs, b)
    return xs[i] if i < len(xs) else default


def first_comma(norms: list[int], lo: int, hi: int) -> int:
    """The first comma in tokens [lo, hi), else `hi`."""
    return next((i for i in range(lo, hi) if norms[i] == COMMA), hi)


def aside(norms: list[int], a: int, s_end: int, stops: list[int]) -> bool:
    """Whether the clause break at token `a` opens an aside set off by commas before the verb of the
    clause it stands in: ", while desirable, is", ", however attractive, is", ", however, is" (not ",
    however, MFA is")."""
    if norms[a] not in CONCESSIONS or a == 0 or norms[a - 1] != COMMA:
        return False
    if a + 2 < s_end and norms[a + 1] == COMMA and first_from(stops, a + 2, -1) == a + 2:
        return True  # ", however, is excluded": the verb of the clause it stands in follows
    for c in range(a + 1, min(a + 6, s_end - 1)):
        if norms[c] in ASIDE_NEGATIONS:
            return False  # ", although not mandatory, is desirable": the negation is the aside's own
        if c == a + 1:
            continue
        if norms[c] == COMMA:
            return norms[c + 1] not in STOP_MARKS and first_from(stops, c + 1, -1) == c + 1
        if first_from(stops, c, -1) == c:
            return False  # a verb of its own: ", while MFA is needed, ..."
    return False


def predicate_end(norms: list[int], b: int, stop: int, s_end: int) -> int:
    """Where the noun phrase that a "not a" / "not be a" negates ends, given the next `stop`: at an
    "and" / "but" before a new subject when a verb follows it ("not a large organisation and a small
    website will do"), else at `stop` ("not a portal and a shop.")."""
    if stop >= s_end or norms[stop] in STOP_MARKS:
        return stop
    for k in range(b + 1, stop - 1):
        if norms[k] in NEW_SUBJECT_LINKS and norms[k + 1] in DETERMINERS:
            return k
    return stop


def np_list(norms: list[int], b: int, end: int, s_end: int, doc: Doc | None = None) -> list[int]:
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
        if t != COMMA and t not in LIST_COORDINATORS:
            k += 1
            continue
        if not 0 < k - items[-1] <= _LIST_ITEM_MAX:
            return []
        if last:
            return items[1:]  # the coordinated last item ends the list
        j = k + 1
        if t == COMMA and j < end and norms[j] in LIST_COORDINATORS:
            j += 1
        if j >= end:
            break  # "... , and shall ...": the list (if any) ended before this separator
        last = t != COMMA or norms[j - 1] in LIST_COORDINATORS
        items.append(j)
        k = j
    if not last or not 0 < min(k, end) - items[-1] <= _LIST_ITEM_MAX:
        return []
    if end < s_end and norms[end] not in STOP_MARKS:
        return []  # the subject of a verb after it
    if doc is not None:
        gerund = doc[b].lower_.endswith("ing")
        for j in items[1:]:
            # "without passwords, via single sign-on or MFA", "without registering, track orders and ...":
            # a lead word or a change of kind (a gerund, then a verb) ends the list at its first item
            if norms[j] in NOT_ITEMS or doc[j].lower_.endswith("ing") != gerund:
                return []
    return items[1:]


def passive(doc: Doc, norms: list[int], b: int, s_end: int) -> bool:
    """Whether the words from `b` are a passive verb: "be replaced", "be included" (not "be responsible
    for", "connect to")."""
    return (
        b + 1 < s_end
        and norms[b] in BE_FORMS
        and (norms[b + 1] in PROVIDED or doc[b + 1].text.lower().endswith(("ed", "en", "ilt")))
    )


def names_a_lack(norms: list[int], lo: int, a: int) -> bool:
    """Whether the clause starting at token `lo` names, before token `a`, the lack of something as its
    first words: "Non-compliance with", "Any failure to", "The absence of", "Lack of", "Not encrypting",
    or a shortfall: "Anything less than 99.9 % availability", "Less than ..."."""
    i = lo
    while i < a and norms[i] in DETERMINERS:
        i += 1
    if i < a and norms[i] == ANYTHING:
        i += 1
        return i < a and norms[i] in SHORT_OF
    return i < a and (
        norms[i] in LACKS
        or norms[i] == NOT
        or (norms[i] == NON and i + 1 < a and norms[i + 1] == HYPHEN)
        or (norms[i] in FEWER and i + 1 < a and norms[i + 1] == THAN)  # "Less than 99.9 % ..."
    )


_FAILING_REACH = 3  # words from "that" / "which" / "who" to the word of failure: "that it cannot"


def failing_relative(norms: list[int], lo: int, a: int) -> int | None:
    """Where the clause starting at token `lo` names, before token `a`, a thing by what it fails at:
    the token of the "that" / "which" / "who" of a relative clause of failure ("A portal that cannot
    scale to 20,000 users", "Any solution which does not support SSO", "A CMS that fails to integrate
    with SAP", "a product that lacks an API"), after at least one word; else None. "Not acceptable" of
    it forbids the failure, a need for what the thing fails at; the thing named before it is refused
    ("An off-the-shelf product that cannot be tailored"). A relative clause that fails at nothing ("A
    portal that is hosted outside the EU") is none."""
    for r in range(lo + 1, a):
        if norms[r] in RELATIVES:
            if any(norms[k] in FAILS_TO for k in range(r + 1, min(r + 1 + _FAILING_REACH, a))):
                return r
            return None
    return None


def manner_refused(norms: list[int], lo: int, a: int) -> int | None:
    """Where the clause starting at token `lo` names, before token `a`, the manner of the thing it
    names first: the token of "via" / "through" / "using" / "by means of" / "by way of" after at
    least one word ("Integration with SAP via nightly file transfer"), else None. "Not acceptable" of
    a thing done that way refuses the way (from that token on), not the thing: the next clause
    usually asks for it another way ("...; a real-time API is required")."""
    for k in range(lo + 1, a):
        if norms[k] in MANNERS:
            return k
        if norms[k] == BY and k + 2 < a and norms[k + 1] in MEANS and norms[k + 2] == OF:
            return k
    return None


def names_a_practice(doc: Doc, norms: list[int], lo: int, a: int) -> bool:
    """Whether the clause starting at token `lo` names, before token `a`, a practice (something done)
    rather than a thing offered as its first words: a gerund ("Storing passwords in clear text",
    "Hosting outside the EU"), a redoing ("Re-entry of orders", "Manual re-keying"), a word of
    `PRACTICES` ("Shared administrator accounts", "Unencrypted transfer of ...") or of `FAILURES`
    ("Unplanned downtime", "A data breach"), or what is kept "in clear text". "Not acceptable" of a
    practice forbids it; of a thing ("A separate partner portal is not acceptable") it refuses it."""
    i = lo
    while i < a and norms[i] in DETERMINERS:
        i += 1
    if i >= a:
        return False
    if norms[i] in PRACTICES or any(norms[k] in FAILURES for k in range(i, min(i + 2, a))):
        return True
    if any(norms[k] in CLEAR_TEXT and norms[k + 1] == TEXT for k in range(i, a - 1)):
        return True  # "Passwords in clear text"
    if norms[i] == RE and i + 2 < a and norms[i + 1] == HYPHEN:
        return True  # "Re-keying", "Re-entry"
    word = doc[i].lower_
    return len(word) > 4 and word.endswith("ing") and word.isalpha() and norms[i] not in THING_INGS


def list_marker(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the words [lo, hi) open with the marker of a list item: "(a)", "b)", "(iv)", "2.", "(3)",
    a bullet ("-", "•")."""
    while lo < hi and doc[lo].is_space:
        lo += 1
    if lo >= hi:
        return False
    first = doc[lo].text
    if first in _BULLETS:
        return True
    if first == "(":
        lo += 1
        if lo >= hi:
            return False
        first = doc[lo].text
    return (
        lo + 1 < hi
        and len(first) <= _MARKER_CHARS
        and first.isalnum()
        and (first.isdigit() or first.islower())
        and (doc[lo + 1].text == ")" or (doc[lo + 1].text == "." and first.isdigit()))
    )


def last_word(doc: Doc, lo: int, hi: int) -> int:
    """The index of the last token of [lo, hi) that is no white space, else `lo`."""
    k = hi - 1
    while k > lo and doc[k].is_space:
        k -= 1
    return k


def by_workaround(doc: Doc, norms: list[int], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) say a thing is done by a manual workaround: "by e-mail", "by hand", "by
    post", "by phone", "on paper", "manually"."""
    for k in range(lo, hi):
        if norms[k] == MANUALLY:
            return True
        if norms[k] in BY_ON and k + 1 < hi:
            after = doc[k + 1 : min(k + 4, hi)].text.lower()
            if _WORKAROUNDS.match(after):
                return True
    return False


def own_requirement(norms: list[int], lo: int, hi: int, modals: set[int]) -> bool:
    """Whether tokens [lo, hi) state a requirement of their own (a modal of `modals` not carrying on
    today's way, "will keep"; a word of `DEMANDS`; a verb that ends the clause for the one left out
    before it: "...; integration with Salesforce is.") or put something in scope."""
    last = hi - 1
    while last > lo and norms[last] in STOP_MARKS:
        last -= 1
    return (
        last > lo and (norms[last] in BE_FORMS or norms[last] in REQUIRING or norms[last] in DO_FORMS)
    ) or any(
        (norms[i] in modals and (i + 1 >= hi or norms[i + 1] not in STATUS_QUO))
        or norms[i] in DEMANDS
        or norms[i] in IN_SCOPE
        for i in range(lo, hi)
    )


def joined_clause(norms: list[int], lo: int, a: int, negatives: list[int]) -> int:
    """Where the clause of a negation cue at token `a` starts when "and" / "or" joins it to a clause
    with its own verb before it ("The portal must support 5,000 users, and single sign-on is not
    required" -> "single sign-on ..."), else `lo`. The cue's clause must have a subject and a verb of
    its own ("single sign-on is not") within a few words of the "and", so a list of subjects ("Printing,
    scanning and mailing are out of scope") is no clause; and a clause before that negates something
    of its own (`negatives`: "Document libraries are not in the brief, and a wiki is not wanted
    either") shares the exclusion."""
    join = lo
    for i in range(a - 1, max(lo, a - 1 - _COORDINATED_WITHIN), -1):
        if norms[i] in (COMMA, COLON):
            break
        if norms[i] in COORDINATORS:
            join = i  # the first word of the cue's clause is after the leftmost "and" / "or"
    if join == lo or not any(norms[j] in BE_FORMS or norms[j] in MODALS for j in range(join + 2, a + 1)):
        return lo
    if any(lo <= x < join for x in negatives):
        return lo
    if not any(norms[k] in MODALS or norms[k] in BE_FORMS for k in range(lo, join)):
        return lo
    return join + 1


def coordinated_clauses(norms: list[int], s_start: int, s_end: int) -> list[int]:
    """Where a second clause with its own modal verb is joined by "and" / "or" ("SSO is not required,
    and the portal must support 5,000 users"): a negation before it ends there. The modal must come
    within a few words and before any comma, so a list ("printing, scanning and mailing are out of
    scope") or a relative clause ("the ERP and the CRM, which will be replaced") is no new clause. A
    form of "be" does too after ", and" when a clause with its own verb stands before it ("The
    intranet will be built on SharePoint Online, and discussion forums are not part of it"). So does a
    comma before "we" / "they" and a modal or a verb of wanting ("We don't need a forum, we need a way
    for tenants to report repairs")."""
    ends = []
    verb_before = False  # a modal or a form of "be" before: the words before ", and" are a clause
    for i in range(s_start, s_end - 1):
        if (
            norms[i] == COMMA
            and i + 2 < s_end
            and norms[i + 1] in SPLICE_SUBJECTS
            and (norms[i + 2] in MODALS or norms[i + 2] in WANTS)
        ):
            # a clause of its own after a comma alone: "We don't need a forum, we need a way for
            # tenants to report repairs online"
            ends.append(i)
            continue
        if norms[i] not in COORDINATORS:
            verb_before = verb_before or norms[i] in MODALS or norms[i] in BE_FORMS
            continue
        for j in range(i + 1, min(s_end, i + 1 + _COORDINATED_WITHIN)):
            if norms[j] == COMMA or norms[j] == COLON:
                break
            if (
                norms[j] in MODALS
                or (j == i + 1 and norms[j] in WANTS)
                # "The intranet will be built on SharePoint, and discussion forums are not part of it"
                # (not a list: "printing, scanning, and mailing are out of scope")
                or (
                    norms[j] in BE_FORMS
                    and j > i + 1
                    and verb_before
                    and i > s_start
                    and norms[i - 1] == COMMA
                )
            ):
                ends.append(i - 1 if i > s_start and norms[i - 1] == COMMA else i)
                break
    return ends


def describes_state(doc: Doc, norms: list[int], lo: int, a: int, hi: int, today: list[int]) -> bool:
    """Whether the "not" at token `a`, in the clause [lo, hi), tells how things are rather than what
    is wanted: "is / are / was / does not" without a modal, before a verb of what systems do with each
    other or with content (`STATE_VERBS`), in a clause that says it is today's state (a word of
    `today`, at the token offsets given), what follows from it (", so ...") or that the things are the
    buyer's own ("our"), and names no phase, no new system and nothing "any". That is the pain a need
    comes from: "News is not translated across our 9 regional websites", "The web shop is not
    integrated with SAP, so every order is typed in twice", "Our 4 brand websites are not connected
    today". Not "will not be connected", "is not to be connected", "is not integrated in phase one",
    "The new portal is not linked to the CRM", "Data is not exchanged with any external system", nor
    a bare statement ("The intranet is not connected to the internet")."""
    if a <= lo or norms[a - 1] not in STATE_BE_DO:
        return False
    k = a + 1
    if k < hi and norms[k] in STATE_ADVERBS:
        k += 1
    if k >= hi or norms[k] not in STATE_VERBS:
        return False
    clause = norms[lo:hi]
    if not (LATER.isdisjoint(clause) and ANY.isdisjoint(clause)):
        return False
    if not NEW_SYSTEM.isdisjoint(t.lower_ for t in doc[lo:hi]):
        return False
    # ", so ..." within the clause or right at its end (a clause of its own after it ends the clause)
    so = any(norms[i] == COMMA and norms[i + 1] == SO for i in range(a, min(hi + 1, len(norms) - 1)))
    return so or OUR in clause or any(lo <= x < hi for x in today)
