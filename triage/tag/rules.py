"""The tagger proper: taxonomy rules matched into `doc.spans["icp"]`, then filtered by their sense.

Two components:

- `icp_rules` finds every candidate: a `PhraseMatcher` on the normalised form (`NORM`, see
  normalise.py) holds every phrase of the taxonomy, and a `Matcher` the few token patterns. Each
  candidate is a Span labelled with its tag and with `span.id_` = the rule id that fired.
- `icp_sense` keeps a candidate only if its rule's context holds: words it `requires` in the
  sentence, words it `forbids` in the sentence or near the match, a number in range, enough distinct
  phrases. Of the spans of one tag that overlap, the longest stays.

The vertical rules are matched and filtered the same way into `doc.spans["vertical"]` (vertical.py).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.attrs import LIKE_NUM, NORM
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.normalise import norm
from triage.tag.segment import PART_STARTS_KEY, STARTS_KEY
from triage.tag.taxonomy import Rule

ICP_KEY = "icp"
NORMS_KEY = "triage_norms"
SPANS_KEY = "triage_spans"
VETOED_KEY = "triage_vetoed"  # (sentence start, tag) that a rule's context ruled out, see RuleSet.keep
ANCHOR_PREFIX = "anchor:"  # match keys of the anchors of token patterns
ANCHOR_WINDOW = 8  # a token pattern must fit within this many tokens either side of its anchor
NUMBER_MARGIN = 3  # for a pattern that needs a number: the words it may hold before or after the numbers
VERTICAL_KEY = "vertical"

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
# the letters a number may end in: "250k", "1.5m", "2bn"
SUFFIX_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
# the words after a number that multiply it: "2 million", and India's "50 lakh" (100,000) and "3 crore" (10 million)
WORD_MULTIPLIERS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# "5.000", "2.500" and "1.250.000": thousands grouped with stops, as much of Europe writes them. Read so only
# where a decimal is unlikely: two stops or more, or three digits after the stop that end in "00" ("99.999 %"
# and "12.345" stay decimals)
_STOP_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.\d00")


def parse_number(text: str) -> float | None:
    """`250,000` -> 250000.0, `99.95` -> 99.95, `twelve` -> 12.0, `5.000` -> 5000.0; None when it is not a
    number."""
    t = text.lower().replace(",", "")
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    if _STOP_GROUPED.fullmatch(t):
        return float(t.replace(".", ""))
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|mn|bn)?", t)
    if not m:
        return None
    return float(m.group(1)) * SUFFIX_MULTIPLIERS.get(m.group(2) or "", 1.0)


def span_info(span: Span) -> dict[str, Any]:
    """What the components found out about one span (modality, negated, quantity), kept in
    `doc.user_data`. spaCy's own `Span._` values are keyed by character offsets alone, so two spans
    of different tags over the same words would share them; these are keyed by tag and rule too.
    Read them as `span._.modality`, `span._.negated`, `span._.quantity`."""
    store = span.doc.user_data.setdefault("triage_span", {})
    return store.setdefault((span.start, span.end, span.label, span.id), {})


def _register_extensions() -> None:
    for name, default in (("modality", "info"), ("negated", False), ("quantity", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=lambda span, n=name, d=default: span_info(span).get(n, d))


_register_extensions()


def get_spans(doc: Doc, key: str) -> list[Span]:
    """The spans of `doc.spans[key]` as the last component left them (a Python list kept beside
    the SpanGroup, so that each component does not rebuild every Span object from it)."""
    cached = doc.user_data.get((SPANS_KEY, key))
    return cached if cached is not None else list(doc.spans.get(key, ()))


def set_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Write `doc.spans[key]` (and the list kept beside it)."""
    doc.user_data[(SPANS_KEY, key)] = spans
    doc.spans[key] = spans


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start of `doc` (set by `rfp_sentences`, else from doc.sents)."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        doc.user_data[STARTS_KEY] = starts
    return starts


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token `i`."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = sentence_starts(doc)
    if len(starts) == 1:
        return 0, len(doc)
    k = bisect_right(starts, i)
    return starts[k - 1], (starts[k] if k < len(starts) else len(doc))


def part_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the passage holding token `i` (several passages can share a Doc)."""
    parts = doc.user_data.get(PART_STARTS_KEY)
    if not parts:
        return 0, len(doc)
    k = bisect_right(parts, i)
    return parts[k - 1], (parts[k] if k < len(parts) else len(doc))


def within_parts(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches `(key, start, end)` that do not run from one joined passage into the next."""
    parts = doc.user_data.get(PART_STARTS_KEY)
    if not parts:
        return matches
    return [m for m in matches if (k := bisect_right(parts, m[1])) == len(parts) or parts[k] >= m[2]]


def doc_attr(doc: Doc, attr: int) -> list[int]:
    """The value of `attr` (a spacy.attrs id) for every token of `doc`, read once through numpy,
    without making a Token object per token; kept in doc.user_data."""
    key = (NORMS_KEY, attr)
    values = doc.user_data.get(key)
    if values is None:
        values = doc.to_array(attr).tolist() if len(doc) else []
        doc.user_data[key] = values
    return values


def doc_norms(doc: Doc) -> list[int]:
    """The NORM hash of every token of `doc`."""
    return doc_attr(doc, NORM)


# The NORM hashes of each context word, per pipeline: the same few hundred words ("tender",
# "bidder", ...) recur in thousands of rules, and tokenizing each again cost a tenth of the set-up.
_WORD_NORMS: weakref.WeakKeyDictionary[Language, dict[str, tuple[int, ...]]] = weakref.WeakKeyDictionary()


def _norms_of(nlp: Language, word: str) -> tuple[int, ...]:
    known = _WORD_NORMS.setdefault(nlp, {})
    norms = known.get(word)
    if norms is None:
        strings = nlp.vocab.strings
        norms = known[word] = tuple(strings.add(t.norm_) for t in nlp.make_doc(word))
    return norms


class Context:
    """Word sequences to look for around a match (`requires`, `forbids`, ...), as NORM hashes."""

    def __init__(self, nlp: Language, words: Iterable[str]):
        self.singles: set[int] = set()
        self.sequences: dict[int, list[tuple[int, ...]]] = {}  # by their first word
        for w in words:
            norms = _norms_of(nlp, str(w))
            if len(norms) == 1:
                self.singles.add(norms[0])
            elif norms:
                self.sequences.setdefault(norms[0], []).append(norms)

    def __bool__(self) -> bool:
        return bool(self.singles or self.sequences)

    def found_in(self, norms: Sequence[int], norm_set: set[int] | None = None) -> bool:
        """Whether any word or sequence stands in `norms` (a list of NORM hashes)."""
        if norm_set is None:
            norm_set = set(norms)
        if self.singles and not self.singles.isdisjoint(norm_set):
            return True
        if self.sequences and not norm_set.isdisjoint(self.sequences):
            sequences = self.sequences
            for i, first in enumerate(norms):
                for seq in sequences.get(first, ()):
                    if tuple(norms[i : i + len(seq)]) == seq:
                        return True
        return False

    def last_end(self, norms: Sequence[int]) -> int | None:
        """The index just after the last word or sequence found in `norms`, or None."""
        best = None
        for i, first in enumerate(norms):
            if first in self.singles:
                best = i + 1
            for seq in self.sequences.get(first, ()):
                if tuple(norms[i : i + len(seq)]) == seq:
                    best = max(best or 0, i + len(seq))
        return best

    def found_near(self, doc: Doc, start: int, end: int) -> bool:
        """Whether any word or sequence stands in doc[start:end]."""
        return self.found_in(doc_norms(doc)[start:end])


def _normalise_pattern(pattern: Sequence[dict]) -> list[dict]:
    """A token pattern whose NORM values are written as plain words, with those words normalised."""
    out = []
    for token in pattern:
        token = {k: v for k, v in token.items() if k != "ANCHOR"}
        value = token.get("NORM")
        if isinstance(value, str):
            token["NORM"] = norm(value)
        elif isinstance(value, dict) and "IN" in value:
            token["NORM"] = {**value, "IN": sorted({norm(str(v)) for v in value["IN"]})}
        out.append(token)
    return out


_COMMON_WORDS = (
    "the a an in on at to from with into of for and or by be is are our their its each only under within "
    "below between shall will can must may should & , -"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def _anchor_words(pattern: Sequence[dict]) -> list[str]:
    """The words of one required, literal token of a pattern: the Matcher runs only where one stands.

    Running spaCy's Matcher over every token of every passage costs more than all the rest of the
    pipeline; a PhraseMatcher finds these anchors almost for free, and the Matcher then runs only
    on the sentences that hold one."""
    for token in pattern:  # a token marked "ANCHOR": true in the taxonomy is the anchor
        if token.get("ANCHOR"):
            value = next(token[a] for a in ("NORM", "LOWER", "ORTH", "TEXT") if a in token)
            return [value] if isinstance(value, str) else [str(w) for w in value["IN"]]
    best: list[str] = []
    best_common = True
    for token in pattern:
        if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith("{0"):
            continue
        for attr in ("NORM", "LOWER", "ORTH", "TEXT"):
            value = token.get(attr)
            words = (
                [value]
                if isinstance(value, str)
                else list(value.get("IN", ()))
                if isinstance(value, dict)
                else []
            )
            if not words:
                continue
            common = any(str(w).lower() in _COMMON for w in words)
            # prefer a token without function words ("system" over "from"), then the fewest words
            if not best or (best_common and not common) or (common == best_common and len(words) < len(best)):
                best, best_common = [str(w) for w in words], common
    if not best:
        raise ValueError(f"token pattern {pattern!r} needs at least one required token with literal words")
    return best


def _merged(windows: list[tuple[int, int]], parts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Token ranges with the overlapping ones joined (and those that touch, unless they touch where
    a joined passage starts: a pattern must not run from one passage into the next)."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and (lo < out[-1][1] or (lo == out[-1][1] and lo not in parts)):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


class RuleSet:
    """Compiled matchers and contexts of a list of rules; `candidates()` then `keep()`."""

    def __init__(self, nlp: Language, rules: Sequence[Rule], window: int):
        self.window = window
        self.rules = {r.id: r for r in rules}
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.phrases_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.needs_number: set[str] = set()  # rules whose every pattern needs a number
        for rule in rules:
            if rule.phrases:
                matcher = {"lower": self.phrases_lower, "exact": self.phrases_exact}.get(
                    rule.match, self.phrases
                )
                matcher.add(rule.id, list(nlp.tokenizer.pipe(rule.phrases)))
            if rule.tokens:
                patterns = [_normalise_pattern(p) for p in rule.tokens]
                self.tokens.add(rule.id, patterns)
                words = sorted({w for p in rule.tokens for w in _anchor_words(p)})
                self.phrases.add(ANCHOR_PREFIX + rule.id, list(nlp.tokenizer.pipe(words)))
                if all(any(t.get("LIKE_NUM") for t in p) for p in rule.tokens):
                    self.needs_number.add(rule.id)
        self.contexts = {
            r.id: (Context(nlp, r.requires), Context(nlp, r.forbids), Context(nlp, r.forbids_near))
            for r in rules
        }
        self.preceded = {r.id: Context(nlp, r.preceded_by) for r in rules if r.preceded_by}
        self.has_tokens = any(r.tokens for r in rules)

    def candidates(self, doc: Doc) -> list[Span]:
        """Every match of every rule in `doc`, unfiltered (label = tag, id = rule id)."""
        strings = doc.vocab.strings
        rules = self.rules
        spans = []
        matches = self.phrases(doc)
        if len(self.phrases_lower):
            matches += self.phrases_lower(doc)
        if len(self.phrases_exact):
            matches += self.phrases_exact(doc)
        matches = within_parts(doc, matches)
        anchors = []  # the anchors of token patterns share the phrase matcher's one pass
        for match_id, start, end in matches:
            key = strings[match_id]
            if key.startswith(ANCHOR_PREFIX):
                anchors.append((key[len(ANCHOR_PREFIX) :], start, end))
                continue
            rule = rules[key]
            spans.append(Span(doc, start, end, label=rule.label, span_id=rule.id))
        if anchors:
            windows: list[tuple[int, int]] = []
            like_num = None
            for rule_id, start, end in anchors:
                s_start, s_end = sentence_bounds(doc, start)
                lo, hi = max(s_start, start - ANCHOR_WINDOW), min(s_end, end + ANCHOR_WINDOW)
                if rule_id in self.needs_number:
                    # the window only from the numbers, and the few words a pattern puts before or after
                    # them: "... 5,000 concurrent users", "within 2 seconds", "more than 10,000 requests"
                    like_num = like_num if like_num is not None else doc_attr(doc, LIKE_NUM)
                    numbers = [i for i in range(lo, hi) if like_num[i]]
                    if not numbers:
                        continue
                    lo = max(lo, min(min(numbers), start) - NUMBER_MARGIN)
                    hi = min(hi, max(max(numbers) + 1, end) + NUMBER_MARGIN)
                windows.append((lo, hi))
            seen: set[tuple[str, int, int]] = set()
            for lo, hi in _merged(windows, doc.user_data.get(PART_STARTS_KEY) or ()):
                for match in self.tokens(doc[lo:hi], as_spans=True):
                    key = (match.label_, match.start, match.end)
                    if key not in seen:
                        seen.add(key)
                        rule = rules[match.label_]
                        spans.append(Span(doc, match.start, match.end, label=rule.label, span_id=rule.id))
        return spans

    def _number_ok(self, rule: Rule, span: Span) -> bool:
        doc = span.doc
        for token in span:
            value = parse_number(token.text)
            if value is not None:
                after = doc[token.i + 1].lower_ if token.i + 1 < part_bounds(doc, token.i)[1] else ""
                value *= WORD_MULTIPLIERS.get(after, 1.0)
                if rule.min_quantity is not None and value < rule.min_quantity:
                    return False
                return not (rule.max_quantity is not None and value > rule.max_quantity)
        return rule.min_quantity is None

    def keep(self, doc: Doc, spans: Iterable[Span]) -> list[Span]:
        """The candidates whose context holds; per label, the longest of overlapping spans.

        A candidate dropped for a word its rule forbids, or a number out of its range, leaves
        `(sentence start, tag)` in `doc.user_data[VETOED_KEY]`: the sentence uses the tag's words in
        another sense, which the trained classifier (classifier.py) must not overrule."""
        kept: list[Span] = []
        distinct: dict[tuple[str, int], list[Span]] = {}
        cache: dict[int, tuple[list[int], set[int], int]] = {}
        all_norms = doc_norms(doc)
        vetoed: set[tuple[int, str]] = doc.user_data.setdefault(VETOED_KEY, set())
        for span in spans:
            rule = self.rules[span.id_]
            s_start, s_end = sentence_bounds(doc, span.start)
            if s_start not in cache:
                norms = all_norms[s_start:s_end]
                cache[s_start] = (norms, set(norms), s_end)
            norms, norm_set, s_end = cache[s_start]
            requires, forbids, forbids_near = self.contexts[rule.id]
            # the forbidden contexts first: they say "another sense" even where `requires` fails too
            if forbids and forbids.found_in(norms, norm_set):
                vetoed.add((s_start, span.label_))
                continue
            if forbids_near:
                lo = max(s_start, span.start - self.window)
                hi = min(s_end, span.end + self.window)
                if forbids_near.found_in(all_norms[lo:hi]):
                    vetoed.add((s_start, span.label_))
                    continue
            if requires and not requires.found_in(norms, norm_set):
                continue
            before = self.preceded.get(rule.id)
            if before is not None:
                lo = max(s_start, span.start - rule.within)
                found = before.last_end(all_norms[lo : span.start])
                if found is None:
                    continue
                if lo + found < span.start:  # the evidence runs from the cue to the match
                    span = Span(doc, lo + found, span.end, label=span.label, span_id=span.id)
            if (rule.min_quantity is not None or rule.max_quantity is not None) and not self._number_ok(
                rule, span
            ):
                vetoed.add((s_start, span.label_))
                continue
            if rule.min_distinct > 1:
                distinct.setdefault((rule.id, s_start), []).append(span)
                continue
            kept.append(span)
        for (rule_id, _), group in distinct.items():
            rule = self.rules[rule_id]
            group = filter_spans(group)  # "business customers" counts once, not as two
            names: list[str] = []
            last_end = -1
            for s in group:  # words side by side ("staff members") are one name
                name = " ".join(t.norm_ for t in s)
                if s.start == last_end and names:
                    names[-1] += " " + name
                else:
                    names.append(name)
                last_end = s.end
            if len(set(names)) >= rule.min_distinct:
                first, last = group[0], group[-1]
                span = doc[first.start : last.end] if last.end - first.start <= 15 else first
                kept.append(Span(doc, span.start, span.end, label=rule.label, span_id=rule.id))
        by_label: dict[str, list[Span]] = {}
        for span in kept:
            by_label.setdefault(span.label_, []).append(span)
        out: list[Span] = []
        for group in by_label.values():
            out.extend(filter_spans(group))
        out.sort(key=lambda s: (s.start, s.end, s.label_))
        return out


@Language.factory(
    "icp_rules",
    assigns=["doc.user_data"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY},
)
def make_icp_rules(nlp: Language, name: str, taxonomy: str, spans_key: str) -> IcpRules:
    """Every candidate mention of an ICP tag (label = tag, id = rule id), kept beside the doc for
    `icp_sense`, which writes the ones that hold to `doc.spans[spans_key]`."""
    return IcpRules(nlp, taxonomy, spans_key)


# The ICP RuleSet of each pipeline and taxonomy, built once: `icp_rules` uses its matchers and
# `icp_sense` its contexts, and compiling it twice cost about a quarter of the pipeline's set-up.
_ICP_RULESETS: weakref.WeakKeyDictionary[Language, dict[str, RuleSet]] = weakref.WeakKeyDictionary()


def icp_ruleset(nlp: Language, taxonomy: str) -> RuleSet:
    """The compiled ICP rules of `taxonomy` for `nlp`, shared by the components that need them."""
    per_taxonomy = _ICP_RULESETS.setdefault(nlp, {})
    if taxonomy not in per_taxonomy:
        tax = taxonomy_mod.load(taxonomy)
        per_taxonomy[taxonomy] = RuleSet(nlp, tax.rules, tax.window)
    return per_taxonomy[taxonomy]


class IcpRules:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str):
        self.rules = icp_ruleset(nlp, taxonomy)
        self.key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        # the candidates stay a Python list beside the doc; `icp_sense` writes doc.spans[key]
        doc.user_data[(SPANS_KEY, self.key)] = self.rules.candidates(doc)
        return doc


@Language.factory(
    "icp_sense",
    assigns=["doc.spans"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY},
)
def make_icp_sense(nlp: Language, name: str, taxonomy: str, spans_key: str) -> IcpSense:
    """Drops the candidates of `doc.spans[spans_key]` whose context says they mean something else."""
    return IcpSense(nlp, taxonomy, spans_key)


class IcpSense:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str):
        self.rules = icp_ruleset(nlp, taxonomy)  # the one icp_rules matched with: its contexts
        self.key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        set_spans(doc, self.key, self.rules.keep(doc, spans) if spans else [])
        return doc
