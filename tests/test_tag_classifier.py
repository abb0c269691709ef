"""The trained part of the tagger (triage/tag/classifier.py): what it adds beside the rules, how
negation, modality and the rules' sense checks still govern it, how it is switched off, and how a
broken or changed model file is refused. Each test trains its own tiny model on invented words, so
that no rule can fire on them and the figures do not depend on the shipped model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_tag_classifier as trainer  # noqa: E402

from triage.errors import TriageError  # noqa: E402
from triage.tag import tag, tag_text  # noqa: E402
from triage.tag.classifier import CARD_FILE, ENV, MODEL_FILE, TagClassifier, load_classifier  # noqa: E402
from triage.tag.normalise import norm  # noqa: E402
from triage.types import ALL_TAGS, Document, Passage, TagSpan  # noqa: E402

# "wibbleboard" and "florpnet" mean nothing to the rules: whatever the tagger finds on them is the
# classifier's doing. The words recur, so that the model knows the four a sentence needs (MIN_WORDS).
TRAINING = [
    ("Teams share notes with colleagues on the wibbleboard.", ["collaboration"]),
    ("Colleagues and teams share answers on the wibbleboard.", ["collaboration"]),
    ("The wibbleboard lets teams share tips with colleagues.", ["collaboration"]),
    ("Our teams share fixes with colleagues through the wibbleboard.", ["collaboration"]),
    ("Orders flow between systems over the florpnet every night.", ["integration"]),
    ("Invoices flow between systems over the florpnet.", ["integration"]),
    ("The florpnet moves orders and invoices between systems.", ["integration"]),
    ("Stock levels flow between systems across the florpnet.", ["integration"]),
    ("Tenders shall be submitted by noon on the closing date.", []),
    ("The contract will run for three years from award.", []),
    ("Prices shall include all costs and expenses.", []),
    ("Teams of the bidder shall attend the clarification meeting.", []),
    ("Bidders shall attend the meeting with their teams.", []),
    ("The evaluation panel meets the week after the closing date.", []),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A classifier trained on TRAINING, saved with its card; its path."""
    out = tmp_path_factory.mktemp("tagger")
    terms = trainer.terms_of([text for text, _ in TRAINING])
    labels = [set(tags) for _, tags in TRAINING]
    info = {"sentences": len(TRAINING), "positives": {t: sum(t in lab for lab in labels) for t in ALL_TAGS}}
    model = trainer.fit(terms, labels, ALL_TAGS, info)
    model.save(out / MODEL_FILE)
    from triage.hashing import sha256_file

    (out / CARD_FILE).write_text(json.dumps({"sha256": {MODEL_FILE: sha256_file(out / MODEL_FILE)}}))
    return out / MODEL_FILE


@pytest.fixture
def with_tiny(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, str(tiny))
    return tiny


def spans_of(text: str) -> list[TagSpan]:
    """The TagSpans of `text` as one passage of a document: what a report shows."""
    passage = Passage(id="l1", text=text, kind="paragraph")
    return list(
        tag(Document(path="t.txt", sha256="0" * 64, format="txt", pages=None, passages=(passage,))).spans
    )


def test_a_sentence_the_rules_miss_is_tagged_on_its_weightiest_word(with_tiny: Path) -> None:
    text = "Field teams should share the wibbleboard with colleagues."
    assert tag_text(text)["tags"] == ["collaboration"]
    (span,) = spans_of(text)
    model = load_classifier(str(with_tiny))
    weight = dict(
        zip(model.words, model.coef[: len(model.words), ALL_TAGS.index("collaboration")], strict=True)
    )
    weightiest = max(("teams", "share", "wibbleboard", "colleagues"), key=lambda w: weight[norm(w)])
    assert (span.tag, span.text, span.rule_id) == ("collaboration", weightiest, "classifier")
    assert span.modality == "desirable"  # the sentence's own modality, as for any rule's span


def test_a_long_document_is_tagged_as_its_passages_are_alone(with_tiny: Path) -> None:
    # the component scores a batch of passages in one pass: no pair of words, sentence or decision may
    # leak from one passage into the next
    texts = [
        "Field teams should share the wibbleboard with colleagues.",
        "Orders and invoices flow between systems",
        "over the florpnet every night.",
        "Tenders shall be submitted by noon on the closing date.",
        "",
        "Sharing the wibbleboard with colleagues and teams is not required.",
        "The florpnet moves stock levels between systems; colleagues share tips on the wibbleboard.",
    ] * 30
    passages = tuple(Passage(id=f"l{i}", text=t, kind="paragraph") for i, t in enumerate(texts))
    whole = tag(Document(path="t.txt", sha256="0" * 64, format="txt", pages=None, passages=passages)).spans

    def key(s: TagSpan, passage: str) -> tuple:
        return (passage, s.tag, s.start, s.end, s.negated, s.rule_id)

    alone = [key(s, p.id) for p in passages if p.text for s in spans_of(p.text)]
    assert sorted(key(s, s.passage_id) for s in whole) == sorted(alone)
    assert sum(s.rule_id == "classifier" for s in whole) >= 60  # the classifier spoke in many of them


def test_a_negated_sentence_turns_the_classifiers_tag_off(with_tiny: Path) -> None:
    out = tag_text("Sharing the wibbleboard with colleagues and teams is not required.")
    assert out["tags"] == []
    assert [s["negated"] for s in out["spans"]] == [True]


def test_the_rules_own_finding_is_not_doubled(with_tiny: Path) -> None:
    # "wiki" is the rules' collaboration; the classifier must not add a second span for the tag
    spans = [
        s for s in spans_of("Staff must keep a wiki beside the wibbleboard.") if s.tag == "collaboration"
    ]
    assert spans and all(s.rule_id != "classifier" for s in spans)


def test_off_means_the_rules_alone(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tiny))
    text = "Orders and invoices flow between systems over the florpnet."
    assert tag_text(text)["tags"] == ["integration"]
    monkeypatch.setenv(ENV, "off")
    assert tag_text(text)["tags"] == []


def test_a_sentence_of_few_known_words_is_left_to_the_rules(with_tiny: Path) -> None:
    """A heading or a table cell is not the kind of sentence the classifier learned from."""
    assert tag_text("Florpnet orders")["tags"] == []
    assert tag_text("Orders flow over the florpnet between systems.")["tags"] == ["integration"]


def test_a_tag_the_rules_rule_out_stays_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A classifier that sees account_services in "bank account" may not overrule the rule that
    knows a bank account for retention money is no user's account."""
    text = "The Contractor shall open a dedicated bank account for the retention money."
    monkeypatch.setenv(ENV, "off")
    assert "account_services" not in tag_text(text)["tags"]
    eager = tmp_path / MODEL_FILE
    always = TagClassifier(
        tags=ALL_TAGS,
        words=tuple(norm(w) for w in ("contractor", "open", "dedicated", "bank", "account", "retention")),
        pairs=np.zeros((0, 2), dtype=np.int64),
        idf=np.ones(6),
        coef=np.zeros((6, len(ALL_TAGS))),
        intercept=np.full(len(ALL_TAGS), -5.0),
        threshold=np.zeros(len(ALL_TAGS)),
        info={},
    )
    always.intercept[ALL_TAGS.index("account_services")] = 5.0  # fires on every sentence
    always.intercept[ALL_TAGS.index("collaboration")] = 5.0
    always.save(eager)
    monkeypatch.setenv(ENV, str(eager))
    tags = tag_text(text)["tags"]
    assert "account_services" not in tags  # vetoed by the rule's context
    assert "collaboration" in tags  # no rule spoke about it: the classifier's word stands


def test_training_and_tagging_read_a_sentence_the_same_way(tiny: Path, with_tiny: Path) -> None:
    model = load_classifier(str(tiny))
    texts = [
        "Teams share the wibbleboard and orders flow between systems over the florpnet.",
        "Invoices and orders flow between systems over the florpnet nightly.",
        "Colleagues share tips on the wibbleboard with other teams.",
        "Prices shall be fixed.",
    ]
    offline = model.predict_terms(trainer.terms_of(texts))[0]
    for text, row in zip(texts, offline, strict=True):
        expected = [t for t, on in zip(model.tags, row, strict=True) if on]
        assert tag_text(text)["tags"] == expected, text


def test_a_changed_model_file_is_refused(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / MODEL_FILE
    copy.write_bytes(tiny.read_bytes())
    (tmp_path / CARD_FILE).write_text(json.dumps({"sha256": {MODEL_FILE: "0" * 64}}))
    with pytest.raises(TriageError, match="differs from the one its card describes"):
        load_classifier(str(copy))


def test_a_retrained_model_at_the_same_path_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model file replaced in place (make train-tagger under a running inbox) is read again."""
    import os

    path = tmp_path / MODEL_FILE
    eager = TagClassifier(
        tags=ALL_TAGS,
        words=tuple(norm(w) for w in ("colleagues", "teams", "meet", "week")),
        pairs=np.zeros((0, 2), dtype=np.int64),
        idf=np.ones(4),
        coef=np.zeros((4, len(ALL_TAGS))),
        intercept=np.full(len(ALL_TAGS), -5.0),
        threshold=np.zeros(len(ALL_TAGS)),
        info={},
    )
    text = "Colleagues and teams meet every week for lunch."
    eager.intercept[ALL_TAGS.index("collaboration")] = 5.0
    eager.save(path)
    monkeypatch.setenv(ENV, str(path))
    assert tag_text(text)["tags"] == ["collaboration"]
    eager.intercept[:] = -5.0
    eager.intercept[ALL_TAGS.index("scale")] = 5.0
    eager.save(path)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert tag_text(text)["tags"] == ["scale"]


def test_an_install_without_the_shipped_model_tags_with_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import triage
    from triage.tag import classifier

    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr(triage, "__file__", str(tmp_path / "site" / "triage" / "__init__.py"))
    assert classifier.default_model_path() is None
    assert "tagging with the rules alone" in capsys.readouterr().err


def test_a_broken_card_or_model_is_one_clear_error(tiny: Path, tmp_path: Path) -> None:
    copy = tmp_path / MODEL_FILE
    copy.write_bytes(tiny.read_bytes())
    (tmp_path / CARD_FILE).write_text("{not json")
    with pytest.raises(TriageError, match="not a readable tag classifier card"):
        load_classifier(str(copy))
    model = load_classifier(str(tiny))
    odd = TagClassifier(
        tags=("integration", "no_such_tag"),
        words=model.words,
        pairs=model.pairs,
        idf=model.idf,
        coef=model.coef[:, :2],
        intercept=model.intercept[:2],
        threshold=model.threshold[:2],
        info={},
    )
    odd.save(tmp_path / "odd.npz")
    with pytest.raises(TriageError, match="does not know: no_such_tag"):
        TagClassifier.load(tmp_path / "odd.npz")
    short = TagClassifier(
        **{
            **odd.__dict__,
            "tags": ALL_TAGS,
            "coef": model.coef,
            "intercept": model.intercept,
            "threshold": model.threshold[:3],
        }
    )
    short.save(tmp_path / "short.npz")
    with pytest.raises(TriageError, match="do not fit together"):
        TagClassifier.load(tmp_path / "short.npz")


def test_a_missing_or_broken_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TriageError, match=r"no tag classifier there.*TRIAGE_TAG_CLASSIFIER=off"):
        TagClassifier.load(tmp_path / "nothing.npz")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TriageError, match="not a tag classifier"):
        TagClassifier.load(junk)


def test_training_refuses_a_held_out_set(tmp_path: Path) -> None:
    held = tmp_path / "sentences_holdout9.jsonl"
    held.write_text(json.dumps({"text": "x", "tags": []}) + "\n")
    with pytest.raises(SystemExit, match="never trained on"):
        trainer.read([held])


def test_real_sentences_are_judged_by_a_model_that_never_saw_their_document() -> None:
    # two sentences per document, so that each document's own word passes MIN_DF on its own
    real = [
        {
            "file": f"rfp-{d}.pdf",
            "text": f"The zorblat{d} shall route cases to the clerk.",
            "tags": ["workflow"],
        }
        for d in "abcdefghijkl"
        for _ in range(2)
    ]
    terms = trainer.terms_of([text for text, _ in TRAINING])
    labels = [set(tags) for _, tags in TRAINING]
    real_terms = trainer.terms_of([r["text"] for r in real])

    folds = trainer.fold_models(terms, labels, real, real_terms, real)

    members = sorted(i for _, group in folds for i in group)
    assert members == list(range(len(real)))  # every real sentence judged exactly once
    assert 1 < len(folds) <= trainer.REAL_FOLDS
    for model, group in folds:
        own = {real[i]["file"] for i in group}
        assert len({trainer.real_fold(f) for f in own}) == 1  # one document group per model
        known = set(model.words)
        for i, rec in enumerate(real):
            word = norm(f"zorblat{rec['file'][4:-4]}")
            assert (word in known) == (i not in group), rec["file"]


def test_the_choice_of_thresholds_judges_real_sentences_by_models_that_never_saw_their_document(
    tmp_path: Path,
) -> None:
    # each invented document has words of its own that go with collaboration there only: a model that
    # saw the document finds its sentences' tag, one that did not cannot
    real = [
        {
            "file": f"rfp-{d}.pdf",
            "text": f"Blorf{d} wint{d} quax{d} dromp{d} gleep{d} batch {k}.",
            "tags": ["collaboration"],
        }
        for d in "abcdefghijkl"
        for k in "xyz"
    ] + [
        {"file": f"rfp-{d}.pdf", "text": f"The offeror shall deliver the monthly report {d}.", "tags": []}
        for d in "abcdefghijkl"
    ]
    written = [{"text": text, "tags": tags} for text, tags in TRAINING[:6]]
    terms = trainer.terms_of([text for text, _ in TRAINING])
    labels = [set(tags) for _, tags in TRAINING]
    real_terms = trainer.terms_of([r["text"] for r in real])

    def chosen(cross_fitted: bool) -> dict:
        model = trainer.fit(terms + real_terms, labels + [set(r["tags"]) for r in real], ALL_TAGS, {})
        folds = trainer.fold_models(terms, labels, real, real_terms, real) if cross_fitted else None
        return trainer.select_tags(model, tmp_path, written, real, ["written"], folds)["tags"][
            "collaboration"
        ]

    honest, leaky = chosen(True), chosen(False)
    assert honest["real_added_right"] == 0 < leaky["real_added_right"]
    assert not list(tmp_path.iterdir())  # no trial file left behind


def test_the_shipped_model_matches_its_card(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.hashing import sha256_file
    from triage.tag.classifier import default_model_path

    monkeypatch.delenv(ENV, raising=False)

    path = default_model_path()
    assert path is not None and path.name == MODEL_FILE
    model = load_classifier(str(path))  # checks the sha256 in models/tagger/card.json
    card = json.loads((path.parent / CARD_FILE).read_text())
    assert model.tags == ALL_TAGS
    on = {t for t, v in card["selection"]["tags"].items() if v["on"]}
    assert on == {t for t, th in zip(model.tags, model.threshold, strict=True) if np.isfinite(th)}
    assert all(
        not name.startswith("tests/data/sentences_holdout") for name in (d["file"] for d in card["data"])
    )
    # of the real RFP sentences, only the validation half is ever trained on, less any sentence whose
    # text is also one of the test half's
    import real_sentences

    real = [d for d in card["data"] if d["file"] == "tests/data/realdocs_labels.jsonl"]
    assert all(d["half"] == "validation" for d in real)
    if real and real[0]["sha256"] == sha256_file(real_sentences.LABELS):
        records = real_sentences.read_jsonl(real_sentences.LABELS)
        validation = [r for r in records if real_sentences.half(r["id"]) == "validation"]
        assert real[0]["sentences"] == len(trainer.trainable_real(validation)) < len(validation)
    doubts = {t for t, v in card["selection"]["tags"].items() if v["veto"]}
    assert doubts == {t for t, v in zip(model.tags, model.veto, strict=True) if np.isfinite(v)}


def _doubter(veto: float) -> TagClassifier:
    """A model that finds integration very unlikely (p 0.007) in any sentence of its words, with a veto
    on integration at probability `veto` (0: no veto)."""
    words = tuple(norm(w) for w in ("portal", "old", "town", "hall", "integrate", "archive", "records"))
    model = TagClassifier(
        tags=ALL_TAGS,
        words=words,
        pairs=np.zeros((0, 2), dtype=np.int64),
        idf=np.ones(len(words)),
        coef=np.zeros((len(words), len(ALL_TAGS))),
        intercept=np.full(len(ALL_TAGS), -5.0),
        threshold=np.full(len(ALL_TAGS), np.inf),
        info={},
    )
    if veto:
        model.veto[ALL_TAGS.index("integration")] = np.log(veto / (1 - veto))
    return model


def test_a_rules_tag_the_classifier_finds_very_unlikely_is_dropped_where_it_may_veto(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "The portal shall integrate the archive records of the old town hall."
    path = tmp_path / MODEL_FILE
    _doubter(veto=0.0).save(path)
    monkeypatch.setenv(ENV, str(path))
    assert "integration" in tag_text(text)["tags"]  # no veto on the tag: the rule's word stands
    _doubter(veto=0.2).save(tmp_path / "veto.npz")
    monkeypatch.setenv(ENV, str(tmp_path / "veto.npz"))
    out = tag_text(text)
    assert "integration" not in out["tags"]
    assert all(s["tag"] != "integration" for s in out["spans"])  # no evidence left for a report
    # a sentence of too few known words is the rules' alone, veto or not
    assert "integration" in tag_text("The portal shall integrate with SAP.")["tags"]
    # a negated mention stays as evidence of what the buyer excludes (and counts for nothing)
    out = tag_text("The portal shall not integrate the archive records of the old town hall.")
    assert [(s["tag"], s["negated"]) for s in out["spans"] if s["tag"] == "integration"] == [
        ("integration", True)
    ]


def test_a_veto_survives_saving_and_a_model_without_one_vetoes_nothing(tmp_path: Path) -> None:
    model = _doubter(veto=0.2)
    model.save(tmp_path / "m.npz")
    assert np.allclose(TagClassifier.load(tmp_path / "m.npz").veto, model.veto)
    old = tmp_path / "old.npz"  # written before vetoes existed: no "veto" array in the file
    with np.load(tmp_path / "m.npz", allow_pickle=False) as z:
        np.savez(old, **{k: z[k] for k in z.files if k != "veto"})
    assert np.isneginf(TagClassifier.load(old).veto).all()


def _model(
    words: str, tag: str, against: str = "", veto: float = 0.2, intercept: float = 2.0
) -> TagClassifier:
    """Knows `words`; finds `tag` likely (p 0.88) except where a word of `against` stands (p ~ 0), or,
    with a low `intercept`, unlikely everywhere; a veto on `tag` at probability `veto`."""
    vocab = tuple(sorted({norm(w) for w in words.split()}))
    coef = np.zeros((len(vocab), len(ALL_TAGS)))
    for w in against.split():
        coef[vocab.index(norm(w)), ALL_TAGS.index(tag)] = -40.0
    model = TagClassifier(
        tags=ALL_TAGS,
        words=vocab,
        pairs=np.zeros((0, 2), dtype=np.int64),
        idf=np.ones(len(vocab)),
        coef=coef,
        intercept=np.full(len(ALL_TAGS), intercept),
        threshold=np.full(len(ALL_TAGS), np.inf),
        info={},
    )
    model.veto[ALL_TAGS.index(tag)] = np.log(veto / (1 - veto))
    return model


def _use(model: TagClassifier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}.npz"
    model.save(path)
    monkeypatch.setenv(ENV, str(path))


def test_only_the_doubted_sentence_loses_its_span(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = "portal integrate archive records old town hall erp system crm apis finance"
    _use(_model(words, "integration", against="town"), tmp_path, monkeypatch)
    text = (
        "The portal shall integrate the archive records of the old town hall. "
        "The portal shall integrate with the ERP system and the CRM via APIs for finance."
    )
    spans = [s for s in spans_of(text) if s.tag == "integration"]
    assert spans and all("ERP" in s.sentence for s in spans)


def test_a_negated_and_a_plain_mention_of_one_tag_both_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = "required pilot production support single sign-on portal staff"
    _use(_model(words, "access_control", intercept=-5.0), tmp_path, monkeypatch)
    out = tag_text(
        "Single sign-on is not required for the pilot, but production must support single sign-on."
    )
    assert sorted(s["negated"] for s in out["spans"] if s["tag"] == "access_control") == [False, True]
    assert "access_control" in out["tags"]


def test_a_span_of_words_the_model_never_saw_is_not_doubted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A low probability over words it does not know is ignorance, not another sense."""
    _use(
        _model("wordpress similar mature cms solutions acceptable encouraged", "multi_site", intercept=-5.0),
        tmp_path,
        monkeypatch,
    )
    text = "WordPress multisite or similar mature CMS solutions are acceptable and encouraged."
    assert "multi_site" in tag_text(text)["tags"]


def test_a_negated_as_heir_survives_a_doubt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "No customisation" is a turnkey rule's own phrase, doubted here; the turnkey that negation
    derives from the excluded customisation (`negated_as`) is born after the doubt and stays."""
    words = "portal customisation foreseen old town hall archive records"
    _use(_model(words, "turnkey", intercept=-5.0), tmp_path, monkeypatch)
    out = tag_text("No customisation of the portal is foreseen for the old town hall archive records.")
    assert ("extensibility", True) in [(s["tag"], s["negated"]) for s in out["spans"]]
    assert "turnkey" in out["tags"]


def test_a_sentence_about_many_things_keeps_a_tag_its_own_clause_supports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole sentence is weak evidence for each of its topics; the segment of the span decides too."""
    words = "portal shall offer approval workflows content role-based access staff partners languages support"
    model = _model(words, "workflow", intercept=2.0)
    for w in ("role-based", "access", "staff", "partners", "languages", "support"):
        model.coef[model.words.index(norm(w)), ALL_TAGS.index("workflow")] = -20.0
    _use(model, tmp_path, monkeypatch)
    mixed = (
        "The portal shall offer approval workflows for content, role-based access for staff and partners, "
        "and support for 20 languages."
    )
    assert "workflow" in tag_text(mixed)["tags"]
    # the same words with no clause of their own are doubted with their sentence
    lumped = "The portal shall offer role-based access for staff and partners and approval workflows."
    assert "workflow" not in tag_text(lumped)["tags"]


def test_a_veto_at_or_above_its_threshold_is_refused(tmp_path: Path) -> None:
    model = _model("portal staff", "workflow")
    model.threshold[ALL_TAGS.index("workflow")] = model.veto[ALL_TAGS.index("workflow")]
    model.save(tmp_path / "odd.npz")
    with pytest.raises(TriageError, match="veto at or above"):
        TagClassifier.load(tmp_path / "odd.npz")
