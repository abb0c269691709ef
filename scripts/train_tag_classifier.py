"""Train the tagger's sentence classifier (triage/tag/classifier.py) on labelled sentences.

One logistic regression per tag (scikit-learn, `class_weight="balanced"`), over the words and word
pairs of each sentence as `triage.tag.classifier.sentence_terms` reads them, weighted like
`TfidfVectorizer(sublinear_tf=True, min_df=2)`. The fitted weights go to a pickle-free `.npz`
with a card (`card.json`, `MODEL_CARD.md`) that names the data, the date, the code and library
versions, the sha256 of every file, and the 5-fold cross-validated figures on the training data.

Trained by default on the TUNING sentence sets (`tests/data/sentences_dev.jsonl` and the
`sentences_tune*.jsonl` named in TUNING) and, where ../shared is there, the VALIDATION half of the
labelled real RFP sentences (scripts/real_sentences.py): text as the tagger really meets it, mostly
boilerplate. A held-out set (`sentences_holdout*.jsonl`) and the real sentences' test half are never
trained on. Two held-out sets, holdout and holdout2, are the VALIDATION sets: per tag, the
classifier adds the tag, or doubts the rules' finding of it, only if that raises the tag's F1 there
and does more good than harm on the real validation sentences (`select_tags`). As those are also
trained on, they are judged CROSS-FITTED: split by document into REAL_FOLDS groups, each group is
tagged by a model trained without that group's sentences, so every real sentence is judged by a model
that has seen no sentence of its document. The later held-out sets are used by nobody but `make eval`,
which reports them as data the tagger never saw.

    .venv/bin/python scripts/train_tag_classifier.py                  # -> models/tagger/
    .venv/bin/python scripts/train_tag_classifier.py --data my.jsonl --out /tmp/mytagger
    # then: TRIAGE_TAG_CLASSIFIER=/tmp/mytagger/classifier.npz triage tag FILE

Your own file uses the JSON-lines format of tests/data/README.md ({"text": ..., "tags": [...]}).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from triage.hashing import sha256_file  # noqa: E402
from triage.tag.classifier import CARD_FILE, MODEL_FILE, TagClassifier, sentence_terms  # noqa: E402
from triage.types import ALL_TAGS  # noqa: E402

DATA = ROOT / "tests" / "data"
OUT = ROOT / "models" / "tagger"
C = 10.0  # 3 and 30 both lowered the real validation figure (0.6034, 0.5992 against 0.6088; 2026-11-27)
CLASS_WEIGHT: str | None = "balanced"  # None lowered both figures (written 0.8722, real 0.5772)
MIN_DF = 2
# Also tried on 2026-11-27 and not kept (written validation macro F1 / real micro F1):
# - the rules' hits as features (per tag, whether the rules found it in the sentence): 0.8424 / 0.5558
#   with a tag's own hit, 0.8705 / 0.5949 without it, against 0.8767 / 0.6088 without the feature. The
#   rules were tuned on the training sentences, so there a rule hit is almost always right, and the
#   model trusts hits more than new text allows;
# - real RFP sentences weighed 2 (a written one 1): 0.8793 / 0.6079, and 0.8820 / 0.6031 with the 0.3
#   veto below, against 0.8782 / 0.6150 at 1; every sentence weighs 1.
TUNING = (
    "dev",
    "tune",
    "tune2",
    "tune3",
    "tune4",
    "tune5",
    "tune6",
    "tune7",
    "tune8",
    "tune9",
    "tune10",
    "tune11",
)
# Tried again on 2026-11-27 afternoon, all at one commit (c264045) with thresholds and vetoes chosen again:
# trained on tune12 to tune16 as well, the written validation macro F1 rose 0.8865 -> 0.8958 and the real
# validation micro F1 (cross-fitted) fell 0.6252 -> 0.6185; on tune13 to tune16 (without the negation set)
# 0.8937 and 0.6112. Leaving one of tune12 .. tune16 out and training on the others as well raised the
# classifier's own macro F1 on the one left out by 0.000 to 0.029 at p 0.5 and 0.017 to 0.038 at p 0.8
# (a scratch check: new written wording is learned), but real RFP text is what the tagger meets, and there
# every variant did worse: still not trained on.
# After that session's second rule round on the real validation half, the shipped classifier's thresholds
# and vetoes were chosen again on the same data (4fe1420): real validation micro F1, cross-fitted, 0.7187
# at the shipped choice -> 0.7403, but the written validation macro F1 0.8850 -> 0.8788, and workflow's
# veto fell from 0.3 to 0.1, so that "Case handling will stay in the line-of-business system" came back as
# workflow in 21 seed deals (negated generator statements counted 16 -> 37 of 894). Not shipped: the
# models/tagger of 2026-11-27 morning stays.
# tune15 and tune16 (the tags recall misses, new registers; 2026-11-27 midday) are tuning sets for the
# rules only, for the same reason: trained on, at the shipped thresholds and vetoes, the written
# validation macro F1 went 0.8805 -> 0.8800 and the real validation micro F1 0.615 -> 0.602; with the
# thresholds chosen again, 0.8810 -> 0.8785 and 0.6051 -> 0.6044 against a retrain without them.
# tune14 (the register of software requirements specifications, 2026-11-27) is a tuning set for the
# rules only: trained on, it kept the written validation macro F1 (0.8792 -> 0.8793) and lowered the
# real validation micro F1 (0.6150 -> 0.5974), and at the shipped thresholds and vetoes it lowered both
# (0.8805 -> 0.8739, 0.6150 -> 0.6043): more sentences rich in requirements make the model fire more
# on real documents, which are mostly boilerplate.
# tune12 (negation in the register of real documents) is a tuning set for the negation rules only:
# trained on, it lowered both validation figures (written macro F1 0.876 -> 0.871, real micro F1
# 0.609 -> 0.599, 2026-11-27): its many sentences whose tag words are negated teach the words less.
# tune6 sentences that reuse wording the lead quoted from the real RFPs of ../shared/rfps in its brief
# (tests/data/README.md, tune6 section): never trained on, so figures on those RFPs stay clean.
# Likewise the tune11 sentences that echo real sentences (validation half) the lead paraphrased in its
# brief for tune11 (a court's calendar section, a case closed after the decision, a rules engine, an
# applicant attaching an operating plan, reminders for required training).
FROM_REAL_RFPS = frozenset(
    f"t6-{n:04d}"
    for n in (3, 4, 39, 44, 45, 73, 129, 138, 139, 140, 144, 145, 146, 147, 148, 149, 189, 190, 259)
) | frozenset(f"t11-{n:04d}" for n in (26, 29, 31, 32, 147, 148, 457))
THRESHOLDS = (0.5, 0.65, 0.8, 0.9)  # probabilities a tag's classifier may be asked to reach
# probabilities below which it may doubt (drop) a rule's tag; 0.3 joined on 2026-11-27 (b2b_portal,
# out_of_scope and workflow took it: written validation macro F1 0.8757 -> 0.8782, real micro F1
# 0.6088 -> 0.6150); 0.4 as well lowered the real figure (0.6052)
VETOES = (0.03, 0.1, 0.2, 0.3)
VALIDATION = ("holdout", "holdout2")  # chooses the tags the classifier may add or doubt; never trained on
REAL_FOLDS = 5  # document groups of the real validation sentences, each judged by a model trained without it


def tuning_files() -> list[Path]:
    return [DATA / f"sentences_{name}.jsonl" for name in TUNING]


def read(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        if "holdout" in path.name:
            raise SystemExit(f"{path}: a held-out set is never trained on")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                if rec.get("id") in FROM_REAL_RFPS:
                    continue
                if not isinstance(rec.get("text"), str) or not isinstance(rec.get("tags"), list):
                    raise SystemExit(f"{path}:{n}: needs 'text' and 'tags'")
                records.append(rec)
    return records


def terms_of(texts: list[str]) -> list[list[str]]:
    """Each text's terms, read through the tagger's own tokenizer and word forms."""
    import spacy

    from triage.tag.normalise import install

    nlp = spacy.blank("en")  # the pipeline's own tokenizer and word forms (pipeline.build_pipeline)
    install(nlp.vocab)
    return [sentence_terms(t.norm_ for t in nlp.make_doc(text)) for text in texts]


def fit(terms: list[list[str]], labels: list[set[str]], tags: tuple[str, ...], info: dict) -> TagClassifier:
    """The classifier fitted on `terms` (one list per sentence) and their tag sets."""
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for sentence in terms:
        for term in set(sentence):
            df[term] = df.get(term, 0) + 1
    words = sorted(t for t, n in df.items() if n >= MIN_DF and " " not in t)
    index = {w: i for i, w in enumerate(words)}
    pair_terms = sorted(
        t for t, n in df.items() if n >= MIN_DF and " " in t and all(p in index for p in t.split(" ", 1))
    )
    pairs = np.array([[index[p] for p in t.split(" ", 1)] for t in pair_terms], dtype=np.int64).reshape(-1, 2)
    for k, t in enumerate(pair_terms):
        index[t] = len(words) + k
    n = len(terms)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in [*words, *pair_terms]])
    model = TagClassifier(
        tags=tags,
        words=tuple(words),
        pairs=pairs,
        idf=idf,
        coef=np.zeros((len(idf), len(tags))),
        intercept=np.zeros(len(tags)),
        threshold=np.zeros(len(tags)),
        info=info,
    )
    x = _matrix(model, terms, index)
    coef, intercept = model.coef, model.intercept
    for j, tag in enumerate(tags):
        y = np.array([tag in labelled for labelled in labels])
        if y.all() or not y.any():
            intercept[j] = 10.0 if y.all() else -10.0
            continue
        lr = LogisticRegression(C=C, class_weight=CLASS_WEIGHT, max_iter=5000).fit(x, y)
        coef[:, j] = lr.coef_[0]
        intercept[j] = lr.intercept_[0]
    return model


def _matrix(model: TagClassifier, terms: list[list[str]], index: dict[str, int]):
    """The sparse tf-idf rows of `terms`, exactly as TagClassifier.log_odds weighs them."""
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, sentence in enumerate(terms):
        for term in sentence:
            i = index.get(term)
            if i is not None:
                rows.append(r)
                cols.append(i)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), model.n_features))
    x.sum_duplicates()  # the counts tf
    x.data = (1.0 + np.log(x.data)) * model.idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms[:, None]))


def cross_validated(terms: list[list[str]], labels: list[set[str]], folds: int = 5) -> dict:
    """Per-tag F1 of the classifier alone, 5-fold on the training data (a fit check, not the accuracy
    claim: `make eval` scores held-out sets)."""
    rng = np.random.default_rng(0)
    order = rng.permutation(len(terms))
    tp = np.zeros(len(ALL_TAGS))
    fp = np.zeros(len(ALL_TAGS))
    fn = np.zeros(len(ALL_TAGS))
    for f in range(folds):
        test = order[f::folds]
        train = np.setdiff1d(order, test)
        model = fit([terms[i] for i in train], [labels[i] for i in train], ALL_TAGS, {})
        guess = model.predict_terms([terms[i] for i in test])[0]
        gold = np.array([[t in labels[i] for t in ALL_TAGS] for i in test])
        tp += (guess & gold).sum(0)
        fp += (guess & ~gold).sum(0)
        fn += (~guess & gold).sum(0)
    f1 = [2 * a / (2 * a + b + c) if a else 0.0 for a, b, c in zip(tp, fp, fn, strict=True)]
    return {
        "per_tag_f1": {t: round(v, 3) for t, v in zip(ALL_TAGS, f1, strict=True)},
        "macro_f1": round(float(np.mean(f1)), 3),
    }


def real_fold(file_name: str) -> int:
    """The document group (0 .. REAL_FOLDS - 1) of a real RFP: a fixed hash of the procurement it
    belongs to (an attachment goes with its main document: real_sentences.document_family)."""
    import real_sentences

    family = real_sentences.document_family(file_name)
    return int(hashlib.sha256(f"realfold:{family}".encode()).hexdigest(), 16) % REAL_FOLDS


def text_key(item: dict) -> str:
    """What makes two real sentences the same text: the sha1 of the text."""
    import real_sentences

    return item.get("text_sha1") or real_sentences.sha1(item["text"])


def fold_models(
    terms: list[list[str]],
    labels: list[set[str]],
    train_real: list[dict],
    train_real_terms: list[list[str]],
    judged: list[dict],
) -> list[tuple[TagClassifier, list[int]]]:
    """Per document group of the real sentences `judged`, (a model fitted on `terms` and those
    sentences of `train_real` that are of another group and share no text with this group's, the
    indices in `judged` of this group's sentences): models that judge each real sentence without having
    seen its procurement, or its text elsewhere (boilerplate recurs across documents)."""
    groups = [real_fold(item["file"]) for item in judged]
    train_groups = [real_fold(item["file"]) for item in train_real]
    folds = []
    for k in sorted(set(groups)):
        members = [i for i, g in enumerate(groups) if g == k]
        own_text = {text_key(judged[i]) for i in members}
        rest = [i for i, g in enumerate(train_groups) if g != k and text_key(train_real[i]) not in own_text]
        model = fit(
            terms + [train_real_terms[i] for i in rest],
            labels + [set(train_real[i]["tags"]) for i in rest],
            ALL_TAGS,
            {},
        )
        folds.append((model, members))
    return folds


def tag_by_folds(
    folds: list[tuple[TagClassifier, list[int]]], texts: list[str], like: TagClassifier, out: Path, name: str
) -> list[dict]:
    """The `triage tag --jsonl` row of each of `texts`, each tagged by the model of its fold
    (`fold_models`) at `like`'s thresholds and vetoes; the models are saved as trial files `name` in
    `out` (the caller removes them)."""
    from eval_tagger import tag_classifier, tag_texts

    rows: list[dict] = [{} for _ in texts]
    for k, (fold, members) in enumerate(folds):
        fold.threshold[:] = like.threshold
        fold.veto[:] = like.veto
        with tag_classifier(str(_trial(fold, out, f"{name}-fold{k}"))):
            for i, row in zip(members, tag_texts([texts[i] for i in members]), strict=True):
                rows[i] = row
    return rows


def trainable_real(validation: list[dict]) -> list[dict]:
    """The real validation sentences to train on: all but those whose text is also a sentence of the
    test half (the same boilerplate line in two places), so that no test sentence is trained on."""
    import real_sentences

    records = real_sentences.read_jsonl()
    test_text = {r["text_sha1"] for r in records if real_sentences.half(r["id"]) == "test"}
    return [item for item in validation if text_key(item) not in test_text]


def validation_items(paths: list[Path], real: bool = True) -> tuple[list[dict], list[dict], list[str]]:
    """The labelled validation sentences: those of the files `paths` (written to be rich in
    requirements), the validation half of the labelled real RFP sentences (real_sentences.py; where
    ../shared is there and `real`), and the names of both sources."""
    import real_sentences
    from eval_tagger import read_items

    written = [item for path in paths for item in read_items(path)]
    sources = [str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p) for p in paths]
    found: list[dict] = []
    if real and real_sentences.LABELS.is_file() and (real_sentences.SHARED / "rfps").is_dir():
        found = [rec for rec in real_sentences.labelled() if rec["half"] == "validation"]
        sources.append(
            f"{real_sentences.LABELS.relative_to(ROOT)} (validation half, {len(found)} real RFP sentences)"
        )
    elif real:
        print(
            "note: no labelled real RFP sentences here; choosing on the sentence sets alone", file=sys.stderr
        )
    return written, found, sources


def select_tags(
    model: TagClassifier,
    out: Path,
    written: list[dict],
    real: list[dict],
    sources: list[str],
    folds: list[tuple[TagClassifier, list[int]]] | None = None,
) -> dict:
    """Per tag, the probability threshold (of THRESHOLDS) at which the classifier may add the tag, or
    off (+inf), and the probability (of VETOES) below which it doubts (drops) a tag the rules found, or
    off (-inf); sets `model.threshold` and `model.veto` and returns the figures per tag, for the card.

    The tagger is run end to end on the validation sentences with the rules alone and with the
    classifier at each threshold. A threshold is admissible when, on the real RFP sentences (text as
    the tagger meets it: mostly boilerplate), the classifier adds no more wrong tags than right ones;
    of the admissible ones, the one with the best F1 on the written sentences wins, if it beats the
    rules alone there (ties go to the higher threshold). Then, with those thresholds, each veto: it
    is admissible when on the real sentences it drops more wrong tags than right ones (so never
    without real sentences), and the admissible one with the best F1 on the written sentences wins if
    it beats no veto (ties go to the lower probability).

    With `folds` (`fold_models`: the real sentences are trained on too), each real sentence is
    tagged by its group's model, at the same thresholds and vetoes, never by `model`."""
    try:
        return _select(model, out, written, real, sources, folds)
    finally:
        for trial in out.glob(f".trial-*-{MODEL_FILE}"):
            trial.unlink()


def _select(
    model: TagClassifier,
    out: Path,
    written: list[dict],
    real: list[dict],
    sources: list[str],
    folds: list[tuple[TagClassifier, list[int]]] | None,
) -> dict:
    from eval_tagger import prf, rules_alone, tag_classifier, tag_texts

    texts = [it["text"] for it in [*written, *real]]

    def tags_with(name: str) -> list[set[str]]:
        """Each text's tags with `model` as it is now, saved as the trial file `name` (the real
        sentences, with `folds`, by their group's model at `model`'s thresholds and vetoes)."""
        by_model = texts[: len(written)] if folds else texts
        with tag_classifier(str(_trial(model, out, name))):
            found = [set(row["tags"]) for row in tag_texts(by_model)]
        if folds:
            real_texts = texts[len(written) :]
            found += [set(row["tags"]) for row in tag_by_folds(folds, real_texts, model, out, name)]
        return found

    runs: dict[float | None, list[set[str]]] = {}
    with rules_alone():
        runs[None] = [set(row["tags"]) for row in tag_texts(texts)]
    model.veto[:] = -np.inf
    for p in THRESHOLDS:
        model.threshold[:] = math.log(p / (1 - p))
        runs[p] = tags_with(str(p))
    n = len(written)
    gold = [set(it["tags"]) for it in [*written, *real]]

    def f1(run: list[set[str]], tag: str) -> float:
        pairs = [(tag in run[i], tag in gold[i]) for i in range(n)]
        tp = sum(a and b for a, b in pairs)
        return prf(tp, sum(a and not b for a, b in pairs), sum(b and not a for a, b in pairs))["f1"]

    def gained(more: list[set[str]], less: list[set[str]], tag: str) -> tuple[int, int]:
        """(right, wrong): the real sentences where `more` has `tag` and `less` has not."""
        new = [i for i in range(n, len(gold)) if tag in more[i] and tag not in less[i]]
        return sum(tag in gold[i] for i in new), sum(tag not in gold[i] for i in new)

    def added(run: list[set[str]], tag: str) -> tuple[int, int]:
        """(right, wrong) tags the classifier adds to the rules' on the real sentences."""
        return gained(run, runs[None], tag)

    chosen = {}
    for j, tag in enumerate(model.tags):
        rules_f1 = f1(runs[None], tag)
        admissible = [p for p in THRESHOLDS if added(runs[p], tag)[1] <= added(runs[p], tag)[0]]
        best = max(admissible, key=lambda p: (f1(runs[p], tag), p), default=None)
        if best is not None and f1(runs[best], tag) <= rules_f1:
            best = None
        model.threshold[j] = np.inf if best is None else math.log(best / (1 - best))
        right, wrong = added(runs[best], tag) if best is not None else (0, 0)
        chosen[tag] = {
            "on": best is not None,
            "probability": best,
            "f1_rules": rules_f1,
            "f1_rules_or_classifier": f1(runs[best], tag) if best is not None else rules_f1,
            "real_added_right": right,
            "real_added_wrong": wrong,
        }

    # then the vetoes, with the thresholds just chosen: the tags the rules found that go at each one
    model.veto[:] = -np.inf
    base = tags_with("base")
    vetoed: dict[float, list[set[str]]] = {}
    for v in VETOES:
        model.veto[:] = math.log(v / (1 - v))
        vetoed[v] = tags_with(f"veto-{v}")

    def dropped(run: list[set[str]], tag: str) -> tuple[int, int]:
        """(right, wrong) tags a veto drops on the real sentences."""
        return gained(base, run, tag)

    for j, tag in enumerate(model.tags):
        base_f1 = f1(base, tag)
        # a filter that deletes evidence needs evidence on real text: it must drop more wrong tags than
        # right ones there (none at all without real sentences)
        admissible = [v for v in VETOES if dropped(vetoed[v], tag)[0] < dropped(vetoed[v], tag)[1]]
        best = max(admissible, key=lambda v: (f1(vetoed[v], tag), -v), default=None)
        if best is not None and f1(vetoed[best], tag) <= base_f1:
            best = None
        model.veto[j] = -np.inf if best is None else math.log(best / (1 - best))
        right, wrong = dropped(vetoed[best], tag) if best is not None else (0, 0)
        chosen[tag] |= {
            "veto": best,
            "f1_with_veto": f1(vetoed[best], tag) if best is not None else base_f1,
            "real_dropped_right": right,
            "real_dropped_wrong": wrong,
        }

    def micro(run: list[set[str]], rows: range) -> float:
        tp = sum(len(run[i] & gold[i]) for i in rows)
        fp = sum(len(run[i] - gold[i]) for i in rows)
        fn = sum(len(gold[i] - run[i]) for i in rows)
        return prf(tp, fp, fn)["f1"]

    chosen_run = tags_with("chosen")
    real_rows = range(n, len(gold))
    return {
        "validation": sources,
        "sentences": len(written),
        "real_sentences": len(real),
        "real_cross_fitted": folds is not None,
        "real_groups": len(folds) if folds else 0,
        "real_documents": len({item["file"] for item in real}),
        "real_micro_f1": {"rules": micro(runs[None], real_rows), "chosen": micro(chosen_run, real_rows)},
        "written_macro_f1": {
            "rules": round(float(np.mean([f1(runs[None], tag) for tag in model.tags])), 4),
            "chosen": round(float(np.mean([f1(chosen_run, tag) for tag in model.tags])), 4),
        },
        "thresholds": list(THRESHOLDS),
        "vetoes": list(VETOES),
        "tags": chosen,
    }


def _trial(model: TagClassifier, out: Path, name: str) -> Path:
    """`model` saved as a trial file in `out` (removed by the caller)."""
    path = out / f".trial-{name}-{MODEL_FILE}"
    model.save(path)
    return path


def write_card(out: Path, model: TagClassifier, files: list[Path], cv: dict, selection: dict) -> None:
    import real_sentences

    from triage.score.data import code_version
    from triage.score.model import library_versions

    card = {
        "what": "per-tag logistic regression over sentence words and word pairs (tf-idf): adds tags the rules miss,"
        " doubts the rules' tags it finds very unlikely",
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "code_version": code_version(),
        "libraries": library_versions(),
        "data": [
            {"file": str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p), "sha256": sha256_file(p)}
            for p in files
        ]
        + (
            [
                {
                    "file": str(real_sentences.LABELS.relative_to(ROOT)),
                    "sha256": sha256_file(real_sentences.LABELS),
                    "half": "validation",
                    "sentences": model.info["real_sentences"],
                }
            ]
            if model.info.get("real_sentences")
            else []
        ),
        "sentences": model.info["sentences"],
        "positives": model.info["positives"],
        "features": {
            "words": len(model.words),
            "pairs": len(model.pairs),
            "min_df": MIN_DF,
            "C": C,
            "class_weight": CLASS_WEIGHT,
        },
        "cv_5fold_training_data": cv,
        "selection": selection,
        "sha256": {MODEL_FILE: sha256_file(out / MODEL_FILE)},
    }
    (out / CARD_FILE).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "# Tag classifier (the trained part of the tagger)",
        "",
        "A logistic regression per ICP tag over the words and word pairs of one sentence, beside the",
        "hand-written rules (`icp_classifier` and `icp_doubt`, triage/tag/classifier.py): a tag it finds",
        "in a sentence where the rules found none gets a span on its weightiest word, and then goes",
        "through modality, negation and quantities like any rule's span; a rule's tag it finds very",
        "unlikely in its sentence and its segment is dropped, unless negation speaks of the tag there.",
        "",
        f"- Trained {card['trained']} by `scripts/train_tag_classifier.py`, code {card['code_version']},"
        f" scikit-learn {card['libraries'].get('scikit-learn', '?')}.",
        f"- Data: {model.info['sentences']} labelled sentences: "
        + (
            "the TUNING sets written for this project (synthetic, in the style of public RFPs; see"
            " tests/data/README.md)"
            if [d["file"] for d in card["data"] if "half" not in d]
            == [f"tests/data/sentences_{t}.jsonl" for t in TUNING]
            else "the files below"
        )
        + (
            f" and the {model.info['real_sentences']} sentences of the VALIDATION half of the labelled real RFP"
            " sentences (the project holds their labels only; the text is read from ../shared/rfps)"
            if model.info.get("real_sentences")
            else ""
        )
        + ":",
        *[f"  - `{d['file']}`" + (f" ({d['half']} half)" if "half" in d else "") for d in card["data"]],
        f"- Left out: the {len(FROM_REAL_RFPS)} tune6 and tune11 sentences that reuse wording quoted from the real RFPs"
        " (FROM_REAL_RFPS), so that figures on those RFPs stay clean.",
        "- Never trained on: the held-out sets `tests/data/sentences_holdout*.jsonl`, PROMISE, the test half"
        " of the real RFP sentences (nor a validation sentence of the same text as one of them) or the seed"
        " corpus. `make eval` scores the tagger with and without this model on them; those are the accuracy"
        " figures to quote. The real test half's documents are those of the validation half: `make eval`"
        " also scores it with models trained without each sentence's procurement (documents unseen).",
        f"- Features: {len(model.words)} words and {len(model.pairs)} word pairs seen in at least {MIN_DF}"
        f" sentences; C = {C}, {CLASS_WEIGHT or 'no'} class weights.",
        f"- 5-fold cross-validated macro F1 of the classifier alone on its training data: {cv['macro_f1']:.3f}"
        " (a fit check, not an accuracy claim).",
        f"- Per tag, the classifier is ON only at a probability (of {', '.join(str(p) for p in selection['thresholds'])})"
        f" where, on the {selection['real_sentences']} real RFP sentences of the validation, it adds no more wrong"
        f" tags than right ones, and where it raises the tag's F1 (OR-ed with the rules) on the"
        f" {selection['sentences']} written validation sentences; elsewhere the rules decide alone."
        f" Likewise a veto (of {', '.join(str(v) for v in selection['vetoes'])}): below that probability a tag"
        " the rules found is dropped, where on the real sentences that drops more wrong tags than right"
        " ones and raises the written sentences' F1."
        f" Validation: {', '.join('`' + v + '`' for v in selection['validation'])}. Those are no longer"
        " untouched: quote the later held-out sets and the real sentences' test half for accuracy.",
        *(
            [
                f"- The real validation sentences are trained on, so they were judged cross-fitted: split by"
                f" procurement into {selection['real_groups']} groups of the {selection['real_documents']}"
                " documents, each group tagged by a model trained without it (and without any sentence of"
                " the same text elsewhere). Micro F1 there, of those models at this classifier's thresholds"
                f" and vetoes: {selection['real_micro_f1']['chosen']:.3f} (rules alone"
                f" {selection['real_micro_f1']['rules']:.3f}); the thresholds and vetoes were chosen on these"
                " sentences, so it is optimistic: quote `make eval`'s real test half, documents unseen."
            ]
            if selection.get("real_cross_fitted")
            else []
        ),
        "",
        "| tag | training positives | CV F1 alone | written validation F1, rules | rules + classifier"
        " | real validation: added right / wrong | fires at p >= | with its veto"
        " | real validation: dropped right / wrong | vetoes at p < |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---|",
        *[
            f"| `{t}` | {model.info['positives'][t]} | {cv['per_tag_f1'][t]:.3f}"
            f" | {selection['tags'][t]['f1_rules']:.3f} | {selection['tags'][t]['f1_rules_or_classifier']:.3f}"
            f" | {selection['tags'][t]['real_added_right']} / {selection['tags'][t]['real_added_wrong']}"
            f" | {selection['tags'][t]['probability'] or 'off'}"
            f" | {selection['tags'][t]['f1_with_veto']:.3f}"
            f" | {selection['tags'][t]['real_dropped_right']} / {selection['tags'][t]['real_dropped_wrong']}"
            f" | {selection['tags'][t]['veto'] or 'off'} |"
            for t in model.tags
        ],
        "",
        "Limits: it reads words, not sense, so it can fire on a trap the rules would stay quiet on, and",
        "drop a right tag in a sentence unlike those it learned from; it has seen only the wording of",
        f"{model.info['sentences']:,} sentences, most of them invented; retrain it with your own labelled sentences",
        "(`--data`) and point `TRIAGE_TAG_CLASSIFIER` at the result, or set it to `off` for the rules alone.",
        "",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, nargs="+", help="JSON-lines files (default: the tuning sets)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: models/tagger)")
    parser.add_argument(
        "--validation",
        type=Path,
        nargs="+",
        default=[DATA / f"sentences_{name}.jsonl" for name in VALIDATION],
        help="labelled files on which each tag's classifier must raise F1 to be switched on",
    )
    parser.add_argument(
        "--no-real", action="store_true", help="do not add the labelled real RFP sentences to the validation"
    )
    parser.add_argument(
        "--real-training",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also train on the real validation sentences (default: yes with the tuning sets, no with --data)",
    )
    parser.add_argument("--no-cv", action="store_true", help="skip the 5-fold check (faster)")
    args = parser.parse_args(argv)
    files = args.data or tuning_files()
    records = read(files)
    written, real, sources = validation_items(args.validation, real=not args.no_real)
    real_training = args.data is None if args.real_training is None else args.real_training
    train_real = trainable_real(real) if real and real_training else []
    print(
        f"training on {len(records)} sentences from {len(files)} files"
        + (f" and {len(train_real)} real RFP sentences (validation half)" if train_real else ""),
        file=sys.stderr,
    )
    terms = terms_of([r["text"] for r in records])
    labels = [set(r["tags"]) for r in records]
    real_terms = terms_of([r["text"] for r in train_real])
    all_terms = terms + real_terms
    all_labels = labels + [set(r["tags"]) for r in train_real]
    positives = {t: sum(t in lab for lab in all_labels) for t in ALL_TAGS}
    info = {"sentences": len(all_terms), "positives": positives, "real_sentences": len(train_real)}
    model = fit(all_terms, all_labels, ALL_TAGS, info)
    cv = (
        cross_validated(all_terms, all_labels)
        if not args.no_cv
        else {"per_tag_f1": dict.fromkeys(ALL_TAGS, float("nan")), "macro_f1": float("nan")}
    )
    args.out.mkdir(parents=True, exist_ok=True)
    folds = fold_models(terms, labels, train_real, real_terms, real) if train_real else None
    selection = select_tags(model, args.out, written, real, sources, folds)
    model.save(args.out / MODEL_FILE)
    write_card(args.out, model, files, cv, selection)
    print(
        f"wrote {args.out / MODEL_FILE}: {len(model.words)} words, {len(model.pairs)} pairs; "
        f"5-fold CV macro F1 on the training data {cv['macro_f1']:.3f}; on for "
        + ", ".join(t for t, v in selection["tags"].items() if v["on"])
        + "; vetoes on "
        + (", ".join(t for t, v in selection["tags"].items() if v["veto"]) or "none")
        + f"; written validation macro F1 {selection['written_macro_f1']['chosen']:.4f}"
        f" (rules alone {selection['written_macro_f1']['rules']:.4f})"
        + (
            f"; real validation micro F1 {selection['real_micro_f1']['chosen']:.4f}"
            + (" (cross-fitted by document)" if selection["real_cross_fitted"] else "")
            + f", rules alone {selection['real_micro_f1']['rules']:.4f}"
            if real
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
