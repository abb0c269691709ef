"""The checks every labelled sentence set of tests/sentence_sets.py takes, and those some take, run with
each set's Spec: well-formed records, ids numbered in order, the labelling invariants of
tests/data/README.md, the coverage minimums of its README section, and no sentence (or near copy of one)
shared with any other sentence set. Each test is parametrised by set name (`-k tune7` runs one set's).
They read the files' shape and counts only; nothing here tunes the tagger on a set's text, and a failure
prints ids, counts and names of forms, never another set's sentence nor a held-out one: no assert has a
record or a sentence in its expression, since pytest prints what an assert's expression holds."""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter

import pytest
import sentence_checks
from sentence_sets import (
    README,
    SPECS,
    USER_STORY_WANT,
    WE_NEED,
    WE_WOULD_LIKE,
    load_set,
    names_where,
    near_other_sets,
    other_texts,
)
from test_sentence_set import KINDS, MODALITIES

from triage.types import ALL_TAGS, REQUIREMENT_TAGS

NAMES = list(SPECS)
NEED_NOT = re.compile(r"\bneed not\b", flags=re.IGNORECASE)


def pairs(field_name: str, values_of) -> list[tuple[str, str]]:
    """(set, value) for every set that takes `field_name`, over the values `values_of(spec)`."""
    return [(name, value) for name in names_where(field_name) for value in values_of(SPECS[name])]


# --- the checks every set takes (first written for the third held-out set) ---


@pytest.mark.parametrize("name", NAMES)
def test_records_are_well_formed(name: str) -> None:
    spec = SPECS[name]
    sentence_checks.check_well_formed(load_set(name), re.compile(re.escape(spec.prefix) + r"\d{4}"))


@pytest.mark.parametrize("name", NAMES)
def test_ids_are_unique_and_numbered_in_order(name: str) -> None:
    sentence_checks.check_numbered(load_set(name), SPECS[name].prefix)


@pytest.mark.parametrize("name", NAMES)
def test_traps_and_negations_say_what_they_are_about(name: str) -> None:
    sentence_checks.check_traps_and_negations(load_set(name))


@pytest.mark.parametrize("name", NAMES)
def test_no_sentence_is_repeated_or_copied_from_another_set(name: str) -> None:
    """Independent wording: no sentence twice, none from the other sets, none sharing 80 % of its
    words with one of theirs."""
    sentence_checks.check_no_copies(load_set(name), other_texts(name), near_other_sets(name))


@pytest.mark.parametrize("name", NAMES)
def test_no_sentence_is_a_near_copy_of_another_in_this_set(name: str) -> None:
    close = sentence_checks.near_pairs(load_set(name))
    assert not close, close


@pytest.mark.parametrize("name", NAMES)
def test_size_and_shares(name: str) -> None:
    spec, records = SPECS[name], load_set(name)
    size = len(records)
    assert size >= spec.min_sentences
    untagged = sum(not rec["tags"] for rec in records) / size
    low, high = spec.untagged_share
    assert low <= untagged <= high, untagged
    modalities = Counter(rec["modality"] for rec in records)
    assert all(modalities[m] >= spec.min_per_modality for m in MODALITIES), modalities
    kinds = Counter(rec["kind"] for rec in records)
    assert set(kinds) == KINDS, kinds
    assert kinds["paraphrase"] / size >= spec.min_paraphrase_share, kinds
    assert sum(len(rec["tags"]) >= 2 for rec in records) >= spec.min_multi_tag
    with_number = sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", rec["text"].lower())) for rec in records)
    assert with_number >= spec.min_with_number


@pytest.mark.parametrize("name", NAMES)
def test_readme_counts_match_the_file(name: str) -> None:
    """The README section's counts table is regenerated when sentences are added, so it cannot drift."""
    spec, records = SPECS[name], load_set(name)
    text = README.read_text(encoding="utf-8")
    has_section = spec.section in text
    assert has_section, spec.section
    section = text.split(spec.section, 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", section, flags=re.MULTILINE))
    size = len(records)
    assert table.get("sentences") == str(size), table.get("sentences")
    for tag in ALL_TAGS:
        assert table.get(f"`{tag}` positive") == str(sum(tag in rec["tags"] for rec in records)), tag
    assert table.get("no tag") == str(sum(not rec["tags"] for rec in records))


@pytest.mark.parametrize(("name", "tag"), [(name, tag) for name in NAMES for tag in ALL_TAGS])
def test_every_tag_is_covered(name: str, tag: str) -> None:
    spec, records = SPECS[name], load_set(name)
    assert sum(tag in rec["tags"] for rec in records) >= spec.min_positives
    assert sum(rec["kind"] == "trap" and tag in rec.get("about", []) for rec in records) >= spec.min_traps
    negations = sum(rec["kind"] == "negation" and tag in rec.get("about", []) for rec in records)
    assert negations >= spec.min_negations


# --- the checks some sets take, where their Spec sets the field ---


@pytest.mark.parametrize("name", names_where("same_minimums_as"))
def test_the_minimums_are_those_of_the_set_named(name: str) -> None:
    """Only the file, prefix and section differ from the named set's Spec: the two figures are comparable."""
    spec = SPECS[name]
    model = SPECS[spec.same_minimums_as]
    differ = {f.name for f in dataclasses.fields(spec) if getattr(spec, f.name) != getattr(model, f.name)}
    assert differ == {"path", "prefix", "section", "same_minimums_as"}


@pytest.mark.parametrize(("name", "tag"), pairs("min_requirement_positives", lambda spec: REQUIREMENT_TAGS))
def test_requirement_tags_have_more_positives(name: str, tag: str) -> None:
    """The twelve requirement tags carry the score, so each has more positives than the signals need."""
    assert sum(tag in rec["tags"] for rec in load_set(name)) >= SPECS[name].min_requirement_positives


@pytest.mark.parametrize(
    "name",
    [n for n in NAMES if n in names_where("min_trap_sentences") + names_where("min_negation_sentences")],
)
def test_enough_traps_and_negations(name: str) -> None:
    spec = SPECS[name]
    kinds = Counter(rec["kind"] for rec in load_set(name))
    if spec.min_trap_sentences is not None:
        assert kinds["trap"] >= spec.min_trap_sentences, kinds
    if spec.min_negation_sentences is not None:
        assert kinds["negation"] >= spec.min_negation_sentences, kinds


@pytest.mark.parametrize("name", names_where("negation_forms"))
def test_negations_vary_in_form(name: str) -> None:
    spec = SPECS[name]
    sentence_checks.check_negation_forms(load_set(name), spec.negation_forms, spec.min_negation_forms)


@pytest.mark.parametrize("name", names_where("min_prohibitions"))
def test_prohibitions_keep_their_tags(name: str) -> None:
    """ "A broker must never see another firm's clients" states a need; the set holds enough of these,
    labelled with their tags, to catch a tagger that drops every sentence with "not"."""
    spec = SPECS[name]
    sentence_checks.check_prohibitions_tagged(load_set(name), spec.min_prohibitions, spec.prohibition)


@pytest.mark.parametrize("name", names_where("min_paraphrases"))
def test_paraphrases_in_the_buyers_words(name: str) -> None:
    """Buyers' own words are where wording is newest; paraphrases carry tags (they are not traps)."""
    sentence_checks.check_paraphrases_tagged(load_set(name), SPECS[name].min_paraphrases)


@pytest.mark.parametrize("name", names_where("min_refusals"))
def test_refused_customisation_is_labelled_turnkey(name: str) -> None:
    """A refusal of customisation ("no custom development will be funded") is a negation about
    extensibility with a positive turnkey (README, "Labelling rules and decisions")."""
    sentence_checks.check_refusals_turnkey(load_set(name), SPECS[name].min_refusals)


@pytest.mark.parametrize("name", names_where("negation_modality"))
def test_negations_keep_the_modality_of_their_words(name: str) -> None:
    """The README's modality rules hold on negations: "need not" is optional, a bare scope statement
    ("is out of scope", "is excluded", "is not part of this lot") with no requirement word is info."""
    sentence_checks.check_negation_modality(load_set(name))


@pytest.mark.parametrize("name", names_where("need_not_unless"))
def test_need_not_alone_is_optional(name: str) -> None:
    """ "X need not be ..." with no stronger cue in the sentence is `optional`, whatever its kind."""
    stronger = SPECS[name].need_not_unless
    sentence_checks.check_modality_where(
        load_set(name), "optional", lambda text: NEED_NOT.search(text) and not stronger.search(text)
    )


@pytest.mark.parametrize("name", names_where("info_unless"))
def test_sentences_without_a_modal_cue_are_info(name: str) -> None:
    """A background sentence, a scope line, a slide bullet or a question with no requirement word carries
    no obligation."""
    cues = SPECS[name].info_unless
    sentence_checks.check_modality_where(load_set(name), "info", lambda text: not cues.search(text))


@pytest.mark.parametrize("name", names_where("mandatory_when"))
def test_boilerplate_keeps_its_modality(name: str) -> None:
    """ "Offerors shall submit ...", "Tenderers must ...": boilerplate, untagged as a rule, but still
    `mandatory` (README)."""
    sentence_checks.check_modality_where(load_set(name), "mandatory", SPECS[name].mandatory_when.match)


@pytest.mark.parametrize("name", names_where("user_stories_desirable"))
def test_user_stories_are_desirable(name: str) -> None:
    """A user story's "I want" is `desirable` (holdout2's rule) unless a stronger cue stands in it."""
    sentence_checks.check_modality_where(
        load_set(name),
        "desirable",
        lambda text: USER_STORY_WANT.match(text) and not sentence_checks.MANDATORY_CUE.search(text),
    )


@pytest.mark.parametrize("name", names_where("user_stories_by_verb"))
def test_user_stories_take_the_modality_of_their_verb(name: str) -> None:
    """README (holdout2, holdout4): a user story's "I want" / "I would like" is desirable, "I need" is
    mandatory, unless a stronger cue (shall, must) stands in the sentence."""
    story = SPECS[name].registers["user story"][0]
    for rec in load_set(name):
        match = story.search(rec["text"])
        if not match or re.search(r"\b(shall|must)\b", rec["text"], re.IGNORECASE):
            continue
        expected = "mandatory" if match.group(2).lower() == "need" else "desirable"
        assert rec["modality"] == expected, rec["id"]


@pytest.mark.parametrize("name", names_where("wishes_and_needs"))
def test_the_buyers_own_wishes_and_needs_keep_their_modality(name: str) -> None:
    """ "We'd like / we want" is `desirable` unless a stronger cue is there; a sentence opening with
    "We need" is `mandatory`."""
    records = load_set(name)
    wishes = [
        rec["id"]
        for rec in records
        if WE_WOULD_LIKE.search(rec["text"])
        and not sentence_checks.MANDATORY_CUE.search(rec["text"])
        and rec["modality"] != "desirable"
    ]
    assert not wishes, wishes
    needs = [rec["id"] for rec in records if WE_NEED.match(rec["text"]) and rec["modality"] != "mandatory"]
    assert not needs, needs


@pytest.mark.parametrize(("name", "register"), pairs("registers", lambda spec: sorted(spec.registers)))
def test_each_register_is_there(name: str, register: str) -> None:
    """The registers real documents use (user stories, statement-of-work tasks, RFI questions, minutes
    ...), each at least as often as the set's README section promises."""
    pattern, minimum = SPECS[name].registers[register]
    found = sum(bool(pattern.search(rec["text"])) for rec in load_set(name))
    assert found >= minimum, (register, found)


@pytest.mark.parametrize(("name", "phrase"), pairs("named_traps", lambda spec: sorted(spec.named_traps)))
def test_the_named_traps_are_there_untagged(name: str, phrase: str) -> None:
    """ "The evaluation panel", "a bank account", "security clearance" name a tag's word in another sense:
    a trap about the tag, without it."""
    tag = SPECS[name].named_traps[phrase]
    found = [
        rec["id"]
        for rec in load_set(name)
        if phrase in rec["text"].lower()
        and rec["kind"] == "trap"
        and tag in rec.get("about", [])
        and tag not in rec["tags"]
    ]
    assert found, phrase


@pytest.mark.parametrize(
    ("name", "what"), pairs("bought_out_of_scope", lambda spec: sorted(spec.bought_out_of_scope))
)
def test_each_kind_of_non_software_procurement_is_out_of_scope(name: str, what: str) -> None:
    pattern = re.compile(SPECS[name].bought_out_of_scope[what], flags=re.IGNORECASE)
    bought = [
        rec["id"] for rec in load_set(name) if pattern.search(rec["text"]) and "out_of_scope" in rec["tags"]
    ]
    assert len(bought) >= 2, what


@pytest.mark.parametrize("name", names_where("min_fragments"))
def test_document_fragments_are_there_and_untagged(name: str) -> None:
    """Real documents are full of headings and table cells; the set must hold enough of them, untagged."""
    fragments = sum(len(rec["text"].split()) <= 8 and not rec["tags"] for rec in load_set(name))
    assert fragments >= SPECS[name].min_fragments, fragments


@pytest.mark.parametrize("name", names_where("min_untagged_plain"))
def test_boilerplate_without_tags(name: str) -> None:
    """Instructions to offerors, invoicing, contract clauses and evaluation criteria fill real documents;
    the set holds enough of them, untagged and stated plainly, to count a tagger's false alarms."""
    boilerplate = sum(rec["kind"] == "plain" and not rec["tags"] for rec in load_set(name))
    assert boilerplate >= SPECS[name].min_untagged_plain, boilerplate


@pytest.mark.parametrize("name", names_where("full_table"))
def test_every_row_of_the_readme_table_matches_the_file(name: str) -> None:
    """Every row of the section's counts table (kinds, modalities, traps and negations per tag included),
    so the table a reader trusts cannot drift. Sets with rows of their own compare them in their file."""
    sentence_checks.check_readme_table(
        README, SPECS[name].section, sentence_checks.count_rows(load_set(name))
    )


@pytest.mark.parametrize("name", names_where("plain_json_lines"))
def test_file_is_plain_json_lines(name: str) -> None:
    sentence_checks.check_plain_json_lines(SPECS[name].path)


# --- the index behind the copy checks ---


def test_the_word_index_finds_what_comparing_every_pair_finds() -> None:
    """WordBags (prefix filtering, size bounds) is exact: on made-up sentences drawn from a small
    vocabulary, with copies edited a word or two, it finds the same close pairs as comparing every pair
    (and finds some, so the comparison means something)."""
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(60)]
    texts = [" ".join(rng.sample(vocabulary, rng.randint(1, 14))) for _ in range(300)]
    for text in texts[:100]:  # near copies: one word dropped, swapped or added
        tokens = text.split()
        tokens[rng.randrange(len(tokens))] = rng.choice(vocabulary)
        texts.append(" ".join(tokens + rng.sample(vocabulary, rng.randint(0, 1))))
    index = sentence_checks.WordBags(texts)
    bags = [sentence_checks.words(t) for t in texts]
    for own in bags:
        every = [i for i, bag in enumerate(bags) if bag and 5 * len(own & bag) >= 4 * len(own | bag)]
        assert index.close_to(own) == every
    records = [{"id": f"x-{i}", "text": t} for i, t in enumerate(texts)]
    pairs = [
        (f"x-{i}", f"x-{j}")
        for i in range(len(bags))
        for j in range(i + 1, len(bags))
        if len(bags[i] & bags[j]) / len(bags[i] | bags[j]) >= 0.8
    ]
    assert pairs and sentence_checks.near_pairs(records) == pairs
