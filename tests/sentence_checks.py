"""Checks the labelled sentence sets share (tests/test_sentence_sets.py, tests/test_sentence_set_*.py):
well-formed records, ids numbered in order, traps and negations that say what they are about, and the
other sets' sentences kept out of failure messages. An assert here never has a record or a sentence in
its expression (pytest would print it when it fails): counts and flags are computed first, and a failure
names ids, counts and forms only."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from test_sentence_set import KEYS, KINDS, MODALITIES, OPTIONAL_KEYS

from triage.types import ALL_TAGS


class OtherTexts(list):
    """The sentences of the other sets; its repr hides them so a failure never prints their wording."""

    def __repr__(self) -> str:
        return f"<{len(self)} sentences of the other sets>"


def normalised(text: str) -> str:
    """Lower case with runs of white space folded, so trivial re-spacing does not hide a copy."""
    return " ".join(text.lower().split())


def check_well_formed(records: list[dict], id_pattern: re.Pattern[str]) -> None:
    for rec in records:
        where = rec.get("id")
        keys = set(rec)
        assert KEYS <= keys <= KEYS | OPTIONAL_KEYS, where
        assert id_pattern.fullmatch(rec["id"]), where
        text = rec["text"]
        clean = isinstance(text, str) and bool(text) and text.strip() == text
        assert clean, f"{where}: text empty or with white space around it"
        assert rec["modality"] in MODALITIES, where
        assert rec["kind"] in KINDS, where
        for field in ("tags", *(["about"] if "about" in rec else [])):
            values = rec[field]
            assert isinstance(values, list), where
            assert set(values) <= set(ALL_TAGS), f"{where}: unknown tag in {values}"
            assert values == [t for t in ALL_TAGS if t in values], f"{where}: {field} not in ALL_TAGS order"


def check_numbered(records: list[dict], prefix: str) -> None:
    ids = [rec["id"] for rec in records]
    assert ids == [f"{prefix}{n:04d}" for n in range(1, len(ids) + 1)]


def check_traps_and_negations(records: list[dict]) -> None:
    for rec in records:
        if rec["kind"] in ("trap", "negation"):
            about = bool(rec.get("about"))
            assert about, f"{rec['id']}: a {rec['kind']} needs 'about'"
        if rec["kind"] == "negation":
            negated_and_tagged = set(rec["about"]) & set(rec["tags"])
            assert not negated_and_tagged, f"{rec['id']}: negated tag also labelled {negated_and_tagged}"


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def check_no_copies(
    records: list[dict], other_texts: list[str], near: Callable[[set[str]], bool] | None = None
) -> None:
    """No sentence twice, none shared with the other sets, none sharing 80 % of its words with one.
    `near` (a bag of words -> whether one of the other sets' sentences is that close) may be given where
    the other sets' bags are already indexed; by default it is built from `other_texts`."""
    mine = [normalised(rec["text"]) for rec in records]
    repeated = [rec["id"] for rec, text in zip(records, mine, strict=True) if mine.count(text) > 1]
    assert not repeated, repeated
    theirs = {normalised(t) for t in other_texts}
    shared = [rec["id"] for rec, text in zip(records, mine, strict=True) if text in theirs]
    assert not shared, shared
    near = near or near_copies(other_texts)
    close = [rec["id"] for rec in records if near(words(rec["text"]))]
    assert not close, close


class WordBags:
    """The bags of words of `texts`, indexed so that the bags sharing 80 % of the words of the two together
    (Jaccard >= 0.8) with a given bag are found without comparing every pair. Exact, by prefix filtering:
    with the words of every bag in one fixed order (rarest first), two bags that close share a word among
    the first n - ceil(0.8 n) + 1 words of each, so only the bags sharing one of those are compared."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.bags = [words(t) for t in texts]
        self.sizes = [len(bag) for bag in self.bags]
        self.df: dict[str, int] = {}
        for bag in self.bags:
            for w in bag:
                self.df[w] = self.df.get(w, 0) + 1
        self.index: dict[str, list[int]] = {}
        for i, bag in enumerate(self.bags):
            for w in self.prefix(bag):
                self.index.setdefault(w, []).append(i)

    def prefix(self, bag: set[str]) -> list[str]:
        ordered = sorted(bag, key=lambda w: (self.df.get(w, 0), w))
        return ordered[: len(bag) - (4 * len(bag) + 4) // 5 + 1]  # n - ceil(4n / 5) + 1, in integers

    def close_to(self, own: set[str]) -> list[int]:
        """The positions, in order, of the bags sharing 80 % of their words with `own`."""
        if not own:
            return []
        n, bags, sizes = len(own), self.bags, self.sizes
        candidates = {i for w in self.prefix(own) for i in self.index.get(w, ())}
        # a bag that close is no smaller than 0.8 n and no larger than n / 0.8 words
        fit = [i for i in candidates if 5 * sizes[i] >= 4 * n and 4 * sizes[i] <= 5 * n]
        return sorted(i for i in fit if 5 * len(own & bags[i]) >= 4 * len(own | bags[i]))


def near_copies(texts: Sequence[str]) -> Callable[[set[str]], bool]:
    """A test of whether a bag of words shares 80 % of the words of the two together (Jaccard >= 0.8)
    with the words of one of `texts` (see WordBags)."""
    bags = WordBags(texts)
    return lambda own: bool(bags.close_to(own))


def near_pairs(records: list[dict]) -> list[tuple[str, str]]:
    """The pairs of ids (in file order) of the records of one set whose words are 80 % the same."""
    bags = WordBags([rec["text"] for rec in records])
    ids = [rec["id"] for rec in records]
    return [(ids[i], ids[j]) for i, own in enumerate(bags.bags) for j in bags.close_to(own) if j > i]


def count_rows(
    recs: list[dict],
    extra: Sequence[tuple[str, int]] = (),
    per_tag: Callable[[str], list[tuple[str, int]]] | None = None,
) -> list[tuple[str, int]]:
    """The rows of a training set's README counts table: sizes, `extra` set-wide rows, kinds,
    modalities, and per tag its positives, the rows `per_tag(tag)` adds, its traps and negations."""
    rows = [("sentences", len(recs)), ("no tag", sum(not r["tags"] for r in recs))]
    rows += [("two or more tags", sum(len(r["tags"]) >= 2 for r in recs))]
    rows += [
        ("with a number", sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", r["text"].lower())) for r in recs))
    ]
    rows += list(extra)
    rows += [(f"kind `{k}`", n) for k, n in sorted(Counter(r["kind"] for r in recs).items())]
    rows += [(f"modality `{m}`", n) for m, n in sorted(Counter(r["modality"] for r in recs).items())]
    for tag in ALL_TAGS:
        rows.append((f"`{tag}` positive", sum(tag in r["tags"] for r in recs)))
        rows += per_tag(tag) if per_tag is not None else []
        rows.append((f"`{tag}` trap", sum(r["kind"] == "trap" and tag in r.get("about", []) for r in recs)))
        rows.append(
            (f"`{tag}` negation", sum(r["kind"] == "negation" and tag in r.get("about", []) for r in recs))
        )
    return rows


def check_readme_table(readme: Path, section: str, rows: list[tuple[str, int]]) -> None:
    """The counts table of the README section titled `section` holds exactly `rows`."""
    text = readme.read_text(encoding="utf-8").split(section, 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", text, flags=re.MULTILINE))
    assert table == {name: str(n) for name, n in rows}


def check_plain_json_lines(path: Path) -> None:
    """One compact object a line, keys in the README's order, so diffs stay readable."""
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert list(rec)[:5] == ["id", "text", "tags", "modality", "kind"], rec.get("id")


# A negative word that does not negate the tag: a prohibition is itself the requirement.
# Modality cues of the README's rules: a sentence with none of ANY_CUE is `info`; MANDATORY_CUE makes a
# user story `mandatory` ("I need") rather than `desirable` ("I want").
ANY_CUE = re.compile(
    r"\b(shall|must|requir\w*|needs?|needed|has to|have to|had to|is to be|are to be|mandat\w*|will|won't"
    r"|should|prefer\w*|desir\w*|ideally|would like|'d like|wants?|wanted|would rather|'d rather|advantage|may"
    r"|might|optional\w*|nice[- ]to[- ]have|wish\w*|could|expect\w*)\b",
    flags=re.IGNORECASE,
)
MANDATORY_CUE = re.compile(
    r"\b(shall|must|required|requires|need|needs|has to|have to|is to be|mandatory|mandated)\b",
    flags=re.IGNORECASE,
)


PROHIBITION = re.compile(r"\b(must|shall|should) (not|never)\b", re.IGNORECASE)


def check_paraphrases_tagged(records: list[dict], minimum: int) -> None:
    """At least `minimum` paraphrases (the buyer's own words), each carrying a tag (they are not traps)."""
    paraphrases = [rec for rec in records if rec["kind"] == "paraphrase"]
    count = len(paraphrases)
    assert count >= minimum, count
    assert all(rec["tags"] for rec in paraphrases), [rec["id"] for rec in paraphrases if not rec["tags"]]


def check_negation_forms(records: list[dict], forms: Sequence[str], minimum: int) -> None:
    """The negations take at least `minimum` of `forms`: a set whose negations all read "is not
    required" would test little."""
    negations = [rec["text"].lower() for rec in records if rec["kind"] == "negation"]
    found = {form for form in forms if any(form in text for text in negations)}
    assert len(found) >= minimum, sorted(found)


def check_prohibitions_tagged(
    records: list[dict], minimum: int, pattern: re.Pattern[str] = PROHIBITION
) -> None:
    """At least `minimum` prohibitions (sentences `pattern` finds: "must never ...") stated as needs, each
    with its tags: enough to catch a tagger that drops every sentence with "not"."""
    prohibitions = [
        rec for rec in records if rec["kind"] in ("plain", "paraphrase") and pattern.search(rec["text"])
    ]
    count = len(prohibitions)
    assert count >= minimum, count
    untagged = [rec["id"] for rec in prohibitions if not rec["tags"]]
    assert not untagged, untagged


def check_negation_modality(records: list[dict]) -> None:
    """The README's modality rules hold on negations: "need not" is optional, a bare scope statement
    ("is out of scope", "is excluded", "is not part of this lot") with no requirement word is info."""
    for rec in records:
        if rec["kind"] != "negation":
            continue
        text = rec["text"].lower()
        if "need not" in text and not re.search(r"\b(shall|must|required|should|will)\b", text):
            assert rec["modality"] == "optional", rec["id"]
        cues = r"\b(shall|must|should|will|may|need|needs|required|requires|is to be|preferred|ideally)\b"
        if re.search(r"out of scope|excluded|not part of", text) and not re.search(cues, text):
            assert rec["modality"] == "info", rec["id"]


def check_modality_where(records: list[dict], modality: str, where: Callable[[str], object]) -> None:
    """Every record whose text `where` holds for has `modality` (failures print ids only): "Offerors
    shall submit ..." boilerplate is mandatory, a sentence with no modal cue is info, a user story
    desirable."""
    wrong = [rec["id"] for rec in records if where(rec["text"]) and rec["modality"] != modality]
    assert not wrong, wrong


def check_refusals_turnkey(records: list[dict], minimum: int) -> None:
    """At least `minimum` refusals of customisation, each a negation about extensibility with a
    positive turnkey (README, "Labelling rules and decisions")."""
    refusals = [
        rec["id"]
        for rec in records
        if rec["kind"] == "negation" and "extensibility" in rec["about"] and "turnkey" in rec["tags"]
    ]
    assert len(refusals) >= minimum, refusals


def ids_without_keywords(records: list[dict], tag: str, keywords: Mapping[str, str]) -> list[str]:
    """Ids of the records carrying `tag` whose text holds none of its obvious words (`keywords[tag]`, a
    regex, case-insensitive): the needs a keyword rule cannot find."""
    pattern = re.compile(keywords[tag], flags=re.IGNORECASE)
    return [rec["id"] for rec in records if tag in rec["tags"] and not pattern.search(rec["text"])]


def register_rows(
    records: list[dict], registers: Mapping[str, tuple[re.Pattern[str], object]]
) -> list[tuple[str, int]]:
    """Counts-table rows of a set's registers, in name order: how many sentences each pattern finds."""
    return [
        (register, sum(bool(pattern.search(r["text"])) for r in records))
        for register, (pattern, _) in sorted(registers.items())
    ]


def about(rec: dict) -> list[str]:
    """The tags a trap or negation imitates or negates (README: `about`), [] where it names none."""
    return rec.get("about", [])
