"""Where clauses, noun phrases and lists start and end in a sentence, for the negation rules.

Pure functions over the token norms of a doc (`doc_norms`) and token offsets: the start of the clause
that holds a token, the next break, an aside set off by commas, the noun phrase a "not a" negates,
a short list of noun phrases after "without", a passive verb, a subject that names a lack, whether
a stretch states a requirement of its own, and where a second clause with its own modal is joined by
"and" / "or". negation.py, negation_scopes.py and answers.py build on them.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from triage.tag.negation_words import (
    ASIDE_NEGATIONS,
    BE_FORMS,
    COLON,
    COMMA,
    CONCESSIONS,
    COORDINATORS,
    DEMANDS,
    DETERMINERS,
    DO_FORMS,
    HYPHEN,
    IN_SCOPE,
    LACKS,
    LIST_COORDINATORS,
    MODALS,
    NEW_SUBJECT_LINKS,
    NON,
    NOT,
    NOT_ITEMS,
    PROVIDED,
    REQUIRING,
    STATUS_QUO,
    STOP_MARKS,
    WANTS,
)

_COORDINATED_WITHIN = 6
_LIST_ITEM_MAX = 5


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
    first words: "Non-compliance with", "Any failure to", "The absence of", "Lack of", "Not encrypting"."""
    i = lo
    while i < a and norms[i] in DETERMINERS:
        i += 1
    return i < a and (
        norms[i] in LACKS or norms[i] == NOT or (norms[i] == NON and i + 1 < a and norms[i + 1] == HYPHEN)
    )


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


def coordinated_clauses(norms: list[int], s_start: int, s_end: int) -> list[int]:
    """Where a second clause with its own modal verb is joined by "and" / "or" ("SSO is not required,
    and the portal must support 5,000 users"): a negation before it ends there. The modal must come
    within a few words and before any comma, so a list ("printing, scanning and mailing are out of
    scope") or a relative clause ("the ERP and the CRM, which will be replaced") is no new clause."""
    ends = []
    for i in range(s_start, s_end - 1):
        if norms[i] not in COORDINATORS:
            continue
        for j in range(i + 1, min(s_end, i + 1 + _COORDINATED_WITHIN)):
            if norms[j] == COMMA or norms[j] == COLON:
                break
            if norms[j] in MODALS or (j == i + 1 and norms[j] in WANTS):
                ends.append(i - 1 if i > s_start and norms[i - 1] == COMMA else i)
                break
    return ends
