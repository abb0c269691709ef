"""Answers in RFP text that say No to a need, for the negation rules.

- A question answered "No" states no need: "Is a knowledge base required? Answer: No; ..." (the
  buyer's answers to bidders' questions), also in one row of a table ("Q4 | Is a portal for brokers
  required? | No.") and answered "Not at this stage." (`answered_no`); an answer that opens with "No"
  and denies the need in its own words answers it too (`answer_denies`). An answer still open ("Not
  sure yet") is no No, a question's answer ends at the next question, and a clause of the answer after
  "but" / ";" that asks for the need again keeps it ("No, but SSO is required for partners").
- A need answered in a cell of its own ("SSO required | No", "Integration with SAP: N/A") is
  excluded, from its row or its label only (`answered_row`); a field about the row itself
  ("Mandatory: No", "In scope: No") starts no new row.
- Ninth round: "None;" answers a question whether there are any; "No, only the two web editors will
  sign in" answers No (so few that the need is none; "No, only for agency staff" still asks for
  them); an answer that says the thing comes "under a separate RFP" speaks of it as bought apart; a
  label answered "none planned" is a No; and a question whether someone "should see" another's data
  answered "No" forbids, a rule of access that stays (`_asks_leave`).
- Tenth round: "No, only the one million taxpayers will sign in" is no answer of few (a number word
  that starts a larger number); "separate" says bought apart only before a word of buying ("under a
  separate RFQ", not "None, but dealers need separate price lists"); a question of leave only of
  someone else's data ("each other's", "another", "other").
- A sentence followed in its passage by a bare asking label answered no ("... payroll system. In
  scope: No") states no need (`answered_by_label`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from triage.tag.clauses import first_from, own_requirement
from triage.tag.negation_words import (
    ACCESS_WORDS,
    ANSWER_BREAKS,
    ANSWER_ENDS,
    ANSWER_LABELS,
    ANSWER_MARKS,
    BAR,
    BOUGHT_APART,
    CELL_MARKS,
    COLON,
    COMMA,
    COUNT_WORDS,
    DEMANDS,
    DROPPED,
    ELSEWHERE,
    FEW,
    HAVE,
    LEAVE_MODALS,
    MUSTS,
    MUSTS_STRONG,
    NEED_WORDS,
    NO,
    NO_NONE,
    NONE_PARTICIPLES,
    NOT,
    NOT_ONLY,
    NUMBERED_ANSWER,
    ONLY,
    OPTIONAL,
    OTHERS_WORDS,
    QUESTION,
    REQUIRING,
    ROW_ASKS,
    SEPARATE,
    SLASH,
    STOP_MARKS,
    UNDECIDED,
    WH,
    YES,
    YES_NO,
    N,
)
from triage.tag.rules import doc_norms, part_bounds, sentence_bounds, span_info
from triage.tag.table_rows import labelled_no, period_alone

_LABEL_ANSWER_TOKENS = 16  # "Is it required (Y/N)? No (handled by IT)": a label and its answer
_WH_REACH = 5  # the words of a question's start where its wh-word stands: "Q4: What ...", "Question 9: How"


def _questions(
    doc: Doc,
    norms: list[int],
    by_sentence: dict[int, list[Span]],
    skip: frozenset[int] | set[int] = frozenset(),
) -> Iterator[tuple[int, list[Span], int, int]]:
    """For each sentence that asks a question: its start, its spans, its last "?" and the first token
    after it past spaces (and the `skip` marks, such as a table's "|")."""
    for s_start, sent_spans in list(by_sentence.items()):
        s_end = sentence_bounds(doc, s_start)[1]
        if QUESTION not in norms[s_start:s_end]:
            continue
        q = max(k for k in range(s_start, s_end) if norms[k] == QUESTION)
        i = q + 1
        while i < len(doc) and (doc[i].is_space or norms[i] in skip):
            i += 1
        yield s_start, sent_spans, q, i


def _after_label(doc: Doc, norms: list[int], i: int) -> int | None:
    """Where the answer starts after an answer label at `i` ("A:", "Answer -", "A8:"); None if there
    is no label."""
    if i >= len(doc) or not (norms[i] in ANSWER_LABELS or NUMBERED_ANSWER.fullmatch(doc[i].text)):
        return None
    i += 1
    if i < len(doc) and norms[i] in ANSWER_MARKS:
        i += 1
    return i


def answered_no(doc: Doc, norms: list[int], by_sentence: dict[int, list[Span]]) -> None:
    """A question answered "No" states no need: "Is a knowledge base required? Answer: No; the
    existing knowledge base will continue to be used." (the buyer's answers to bidders' questions),
    also in one row of a table ("Q4 | Is a portal for brokers required? | No.") and answered "Not at
    this stage.". The question's spans are negated, and those of the same tags in the answer's
    sentence."""
    for _, sent_spans, q, i in _questions(doc, norms, by_sentence, CELL_MARKS):  # "...? | No."
        if i >= len(doc) or part_bounds(doc, q) != part_bounds(doc, i):
            continue
        i = _after_label(doc, norms, i) or i
        if i >= len(doc) or part_bounds(doc, q) != part_bounds(doc, i):
            continue
        if i + 1 >= part_bounds(doc, i)[1]:  # a bare "No" that ends the passage: "SSO required? No"
            if norms[i] != NO:
                continue
        elif _ends_in_no(doc, norms, i):
            # "A: Only if it can be extended with custom modules; as it comes, no.": the thing asked
            # about is refused; what the answer sets as its condition is asked for
            for span in sent_spans:
                if span.start < q:
                    span_info(span)["negated"] = True
            continue
        elif (
            # "No." / "No, ..."; "None;" of a question whether there are any ("Are there different
            # user types? A: None; every user is ...")
            not (norms[i] in NO_NONE and doc[i + 1].is_punct)
            # "Not at this stage.", not "Not only ..." nor an answer still open ("Not sure yet")
            and not (norms[i] == NOT and norms[i + 1] not in NOT_ONLY and norms[i + 1] not in UNDECIDED)
            and not (norms[i] == N and norms[i + 1] == SLASH)  # "N/A"
        ):
            continue
        only = norms[i] == NO and i + 2 < len(doc) and norms[i + 1] == COMMA and norms[i + 2] in ONLY
        # "No, only the two web editors will sign in": so few that the need is none, in the answer too
        # ... not a number word that a larger number follows ("only the one million registered
        # taxpayers will sign in", "only the two thousand members"): many people, the need stands
        few = only and any(
            norms[k] in FEW and not _number_follows(doc, k) for k in range(i + 3, min(i + 6, len(doc)))
        )
        if only and not few:
            continue  # "No, only for agency staff": asked for another audience
        q_start = sentence_bounds(doc, q)[0]
        if not DROPPED.isdisjoint(norms[q_start:q]):
            continue  # "Can the peak of 9,000 users be ignored? No": the need stands
        asked = [span for span in sent_spans if span.start < q]
        if _asks_leave(doc, norms, q_start, q):
            # "Should brokers see each other's clients? No": a rule of access, the need itself
            asked = [span for span in asked if span.label_ != "access_control"]
        tags = {span.label_ for span in asked}
        for span in asked:
            span_info(span)["negated"] = True
        a_start, a_end = sentence_bounds(doc, i)
        if QUESTION in norms[i:a_end]:  # "No. Is MFA required? Yes.": the answer ends before it
            q2 = norms.index(QUESTION, i, a_end)
            a_end = max([k for k in range(i + 1, q2) if norms[k] in STOP_MARKS], default=i + 1)
        # a clause of the answer after "but" / ";" that asks for the need of its own stays: "No, but
        # SSO is required for partners" (not "No; the existing knowledge base will continue ...")
        breaks = [k for k in range(i + 1, a_end) if norms[k] in ANSWER_BREAKS]
        for span in by_sentence.get(a_start, ()):
            if span.label_ not in tags or not i <= span.start < a_end:
                continue
            k = bisect_right(breaks, span.start) - 1
            if k >= 0:
                lo, hi = breaks[k] + 1, first_from(breaks, span.start, a_end)
                # "No; the translation office will handle Spanish pages separately": done by others
                # ... of what it names before the word: not "... separately in the portal's 14 language sites"
                where = next((k for k in range(lo, hi) if _elsewhere(norms, k, hi)), hi)
                elsewhere = span.start < where < hi and MUSTS_STRONG.isdisjoint(norms[lo:hi])
                # the clause of the few ("only the two web editors will sign in") asks nothing
                if not (elsewhere or (few and lo <= i + 2)) and own_requirement(norms, lo, hi, REQUIRING):
                    continue
            span_info(span)["negated"] = True


def _number_follows(doc: Doc, k: int) -> bool:
    """Whether a number or a word of counting follows token `k` ("one million", "two thousand",
    "5 000"), so the word at `k` starts a larger number."""
    return k + 1 < len(doc) and (doc[k + 1].like_num or doc[k + 1].lower_ in COUNT_WORDS)


def _elsewhere(norms: list[int], k: int, hi: int) -> bool:
    """Whether token `k` says the thing is done or bought apart: "separately", "elsewhere",
    "in-house", or "separate" before a word of buying ("under a separate RFQ"; not "need separate
    price lists", a need)."""
    return norms[k] in ELSEWHERE or (norms[k] == SEPARATE and k + 1 < hi and norms[k + 1] in BOUGHT_APART)


def _asks_leave(doc: Doc, norms: list[int], q_start: int, q: int) -> bool:
    """Whether the question in tokens [q_start, q) asks whether someone may see or change something
    ("Should brokers see each other's clients?", "Can a branch edit another branch's prices?"):
    answered "No", it forbids, a rule of access that is itself the need. Only of someone else's data
    (`OTHERS_WORDS`); not a question of whether access is needed or required ("Will staff need
    access to the HR data?")."""
    words = [t.lower_ for t in doc[q_start:q]]
    if not LEAVE_MODALS.intersection(words[:_WH_REACH]) or not ACCESS_WORDS.intersection(words):
        return False
    # someone else's data ("each other's clients", "another branch's prices", "other dealers'
    # orders"): a feature asked about ("Should partners access the extranet through single
    # sign-on?") answered No is no rule of access
    if OTHERS_WORDS.isdisjoint(words):
        return False
    return NEED_WORDS.isdisjoint(words)


def _ends_in_no(doc: Doc, norms: list[int], i: int) -> bool:
    """Whether the answer that starts at `i` ends in a "no" after a comma that follows a condition or
    a way ("Only if it can be extended ...; as it comes, no.", "Otherwise, no."), in its sentence."""
    a_end = sentence_bounds(doc, i)[1]
    if QUESTION in norms[i:a_end] or norms[i] == YES:  # "A: Yes, in real time; ..., no.": granted
        return False
    last = a_end - 1
    while last > i and (doc[last].is_space or norms[last] in STOP_MARKS):
        last -= 1
    return (
        last - i >= 3
        and norms[last] == NO
        and norms[last - 1] == COMMA
        and any(doc[k].lower_ in _CONDITIONAL_NO for k in range(i, last))
    )


_CONDITIONAL_NO = frozenset({"only", "otherwise", "comes", "is", "unless", "without", "box", "standard"})


def answered_by_label(doc: Doc, by_sentence: dict[int, list[Span]]) -> None:
    """A sentence answered no by a bare asking label right after it in the same passage states no
    need: "R-9 Integration with the payroll system. In scope: No", "Load testing above 5,000 users.
    Required? No" (table_rows.py reads the same answer standing in a passage or a cell of its own).
    Its spans are negated; not when the answer puts the need off ("In scope: No (phase 2)")."""
    for s_start, sent_spans in by_sentence.items():
        s_end = sentence_bounds(doc, s_start)[1]
        part_end = part_bounds(doc, s_start)[1]
        if s_end >= part_end:
            continue
        n_end = sentence_bounds(doc, s_end)[1]
        if doc[n_end - 1].text == "?" and n_end < part_end:  # "Required?" "No": two sentences
            n_end = sentence_bounds(doc, n_end)[1]
        if n_end - s_end > _LABEL_ANSWER_TOKENS:
            continue
        label = doc[s_end:n_end].text
        # "... in phase 2. Phase 1: No": one period answered no says when, not whether
        if labelled_no(label) and not period_alone([label]):
            for span in sent_spans:
                span_info(span)["negated"] = True


def answer_denies(doc: Doc, norms: list[int], by_sentence: dict[int, list[Span]]) -> None:
    """An answer that opens with "No" and denies the need the question asked for in its own words
    ("Q: Is an online community expected? A: No community features are planned.") answers the
    question No: the question's spans of each tag whose spans in the answer are all negated are
    negated too. So does any answer to a question that asks what, which or how ("Q: What peak load
    should vendors plan for? A: Traffic is modest; there is no performance target."). Only after an
    answer label ("A:", "Answer:", "A8:")."""
    for s_start, sent_spans, q, after in _questions(doc, norms, by_sentence):
        i = _after_label(doc, norms, after)
        if i is None:
            continue
        if i + 1 >= len(doc) or (doc[i + 1].is_punct and norms[i] == NO):
            continue  # a bare "No" / "No," is answered_no's
        if norms[i] != NO and WH.isdisjoint(norms[s_start : min(s_start + _WH_REACH, q)]):
            # a question that asks what, how much, which ... is answered by what the answer denies too:
            # "Q: What peak load should vendors plan for? A: ... there is no performance target"
            continue
        a_start, a_end = sentence_bounds(doc, i)
        answer = [span for span in by_sentence.get(a_start, ()) if i <= span.start < a_end]
        denied = {span.label_ for span in answer if span_info(span).get("negated")} - {
            span.label_ for span in answer if not span_info(span).get("negated")
        }
        for span in sent_spans:
            if span.start < q and span.label_ in denied:
                span_info(span)["negated"] = True


def _cell_mark(doc: Doc, norms: list[int], x: int) -> bool:
    """Whether token `x` separates two cells of a row: "|", or a dash with a space before it ("SAP – No";
    not the hyphen of "sign-on")."""
    return norms[x] == BAR or (norms[x] in CELL_MARKS and x > 0 and bool(doc[x - 1].whitespace_))


def _answer_ends(doc: Doc, norms: list[int], i: int, s_end: int) -> bool:
    """Whether the answer whose last token is `i - 1` fills its cell: the sentence ends at `i`, or a
    stop, a bracket or a cell mark follows ("No.", "No (phase 2)", "No | ...", "No – Lot 2")."""
    return i >= s_end or norms[i] in ANSWER_ENDS or _cell_mark(doc, norms, i)


def _answer_cell(doc: Doc, norms: list[int], i: int, s_start: int, s_end: int) -> bool:
    """Whether token `i` is a bare "Yes" / "No" answer cell of a row in the sentence [s_start, s_end):
    after a cell mark or a colon, and last in its cell ("SSO required | No", "Hosting in the EU: Yes.")."""
    return (
        norms[i] in YES_NO
        and i > s_start
        and (norms[i - 1] == COLON or _cell_mark(doc, norms, i - 1))
        and _answer_ends(doc, norms, i + 1, s_end)
    )


def answered_row(
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
    wont = group == "weak" and a - 1 > s_start and doc[a - 1].lower_ == "wo"
    if wont:
        # MoSCoW's "Won't" / "Won't have" in a cell of its own: "Registration | Won't (this release)"
        a -= 1
        b = b + 1 if b < s_end and norms[b] == HAVE else b
    if a <= s_start:
        return None
    colon = norms[a - 1] == COLON
    if not (colon or _cell_mark(doc, norms, a - 1)):
        return None
    if group == "forward":
        end = b if norms[a] in NO_NONE and b == a + 1 else -1
        if end == b and b < s_end and doc[b].lower_ in NONE_PARTICIPLES:
            end = b + 1  # "Custom development: none planned"
    elif group == "weak":
        end = b if wont else b + 1 if b in excludes_at else -1
    else:
        end = b if group == "clause" else -1
    if end < 0:
        return None
    if not (_answer_ends(doc, norms, end, s_end) or (colon and group != "forward")):
        return None  # a "Not required ..." after a label may go on: "Single sign-on: not required yet"
    if any(
        norms[x] in OPTIONAL and norms[x + 1] == COLON and norms[x + 2] == YES for x in range(end, s_end - 2)
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
    if not REQUIRING.isdisjoint(norms[row:a]):
        return (
            None  # "SR-04 | The solution shall provide SSO | No": a column (Mandatory? Compliant?), no answer
        )
    if not colon:
        # "Integration with SAP | Optional | No" answers whether it is optional, not whether it is needed
        return None if a - 1 - cell == 1 and norms[cell] in OPTIONAL else row
    if a - 1 - cell == 1 and norms[cell] in MUSTS:
        return None  # "Mandatory: No": asked for, only not as a must
    if a - 1 - cell == 1 and norms[cell] in DEMANDS:
        return row
    # a label that only asks whether the row is wanted, in scope or in a phase: "In scope: No",
    # "Applicable: No", "Contractor scope: None", "Phase 1: No", "Base year: Not required"
    if 0 < a - 1 - cell <= 3 and all(norms[x] in ROW_ASKS or doc[x].like_num for x in range(cell, a - 1)):
        return row
    return cell  # the label


def wont_after_need(doc: Doc, a: int, s_start: int) -> bool:
    """Whether the "n't" at token `a` is MoSCoW's "Won't" in a cell after the need it answers: the
    cell before it holds words ("Self-registration for suppliers | Won't have"), not only a
    requirement's id ("REQ-055 | Won't have | Self-registration", whose need comes after)."""
    w = a - 1
    if w - 1 <= s_start or doc[w].lower_ != "wo" or not _cell_mark(doc, doc_norms(doc), w - 1):
        return False
    k = w - 2
    while k >= s_start and not _cell_mark(doc, doc_norms(doc), k):
        if doc[k].is_alpha and doc[k].is_lower:
            return True
        k -= 1
    return False


def _row_field(doc: Doc, norms: list[int], colon: int, s_start: int) -> bool:
    """Whether the label that ends at `colon` (a colon) is a field about its row, not a need of its
    own: "Mandatory", "In scope", "Phase 1", "Contractor scope" (at most three words, after a cell mark)."""
    if colon <= s_start or norms[colon] != COLON:
        return False
    cell = colon - 1
    while cell > s_start and colon - cell <= 3 and not _cell_mark(doc, norms, cell - 1):
        cell -= 1
    if cell <= s_start or not _cell_mark(doc, norms, cell - 1):
        return False
    return all(
        norms[x] in ROW_ASKS or norms[x] in MUSTS or norms[x] in OPTIONAL or doc[x].like_num
        for x in range(cell, colon)
    )
