"""The trained part of the tagger: a per-tag linear classifier of sentences, OR-ed with the rules.

Hand-written rules reach a macro F1 of about 0.8 on wording they were not written from and gain
little more per round of tuning; a logistic regression per tag over the words and word pairs of a
sentence, trained on the labelled tuning sentences (`tests/data/sentences_{dev,tune*}.jsonl`), finds
much of what they miss (`make eval` prints both, alone and together, on held-out sets). The
component `icp_classifier` runs after `icp_sense` and before modality and negation:

- each sentence of the Doc is scored for every tag (one sparse matrix product per Doc, in numpy);
- a tag whose probability passes its threshold, and that the rules did not already find in that
  sentence, gets a span on the word that weighs most for it (`span.id_` = ``classifier``), so the
  modality, negation and quantity components treat it like any other: a negated sentence still
  turns it off;
- a tag whose words a rule found in the sentence but dropped for their sense (a word the rule
  forbids, a number out of range: "security guards", "a scale of 1:500") is the rules' to decide:
  the classifier does not add it there (`rules.VETOED_KEY`).

Each tag's threshold was chosen when it was trained: the probability (0.5 to 0.9) at which it,
OR-ed with the rules, did best on the validation sentences, or off (+inf) where it did not beat the
rules alone (scripts/train_tag_classifier.py; the card in models/tagger says which).

Features, the same in training (`scripts/train_tag_classifier.py`) and here: the inflection-free word
forms of the sentence (`Token.norm_`, numbers folded to their count of digits: "#4" for 2,500),
words of one character and punctuation dropped, plus adjacent pairs; weighted 1 + ln(tf) times idf
and scaled to unit length, as scikit-learn's `TfidfVectorizer(sublinear_tf=True)` does.

The model is a plain `.npz` of arrays (no pickle: `numpy.load(allow_pickle=False)` cannot run code)
with a card beside it (`models/tagger/`); its sha256 is checked at load. Scoring needs numpy only,
never scikit-learn. Set `TRIAGE_TAG_CLASSIFIER=off` to tag with the rules alone, or to the path of
another `.npz` (for example one trained on your own labelled sentences).
"""

from __future__ import annotations

import json
import os
import zipfile
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from triage.errors import TriageError
from triage.hashing import sha256_file
from triage.tag.normalise import norm
from triage.tag.rules import ICP_KEY, VETOED_KEY, doc_norms, get_spans, sentence_starts, set_spans

RULE_ID = "classifier"
OFF = ("off", "none", "0", "false", "no")
MODEL_FILE = "classifier.npz"
CARD_FILE = "card.json"
ENV = "TRIAGE_TAG_CLASSIFIER"
MIN_WORDS = 4  # a sentence needs this many words the model knows before it speaks


def default_model_path() -> Path | None:
    """`$TRIAGE_TAG_CLASSIFIER` if set (None when it says ``off``), else `models/tagger/classifier.npz`
    beside the package."""
    env = os.environ.get(ENV, "").strip()
    if env.lower() in OFF:
        return None
    if env:
        return Path(env)
    import triage

    return Path(triage.__file__).resolve().parent.parent / "models" / "tagger" / MODEL_FILE


#: Words that say how a sentence is put, not what it is about: never shown as a tag's evidence (a
#: tag's weight on "shall" is an accident of the data). They stay features: dropping them lost "out
#: of scope", "out of the box" and cost held-out F1.
_STOP = """a an the and or but if then than that this these those there here it its it's they them their
    we our us you your he she his her i me my of to in on at by for from with into onto over under
    about as be is are was were been being am do does did done doing have has had having shall must should
    may might can could will would which who whom whose what when where while also such so all any
    each every both either other some same own just only very up out per via etc e.g i.e"""
NOT_EVIDENCE = frozenset(norm(word) for word in _STOP.split())


def word_key(norm_text: str) -> str | None:
    """The feature a token's NORM stands for: the word, or None for punctuation, numbers and words
    of one character. Numbers are left to the rules and the quantity component: real documents are
    full of clause numbers, dates and prices, which the labelled sentences taught to read as `scale`."""
    if (
        len(norm_text) < 2
        or not any(ch.isalpha() for ch in norm_text)
        or any(ch.isdigit() for ch in norm_text)
    ):
        return None
    return norm_text


def sentence_terms(norm_texts: Iterable[str]) -> list[str]:
    """The terms of one sentence: its word keys and each adjacent pair of them ("a b")."""
    words = [k for k in map(word_key, norm_texts) if k is not None]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True)
class TagClassifier:
    """A fitted per-tag linear model over sentence terms: what `classifier.npz` holds."""

    tags: tuple[str, ...]
    words: tuple[str, ...]  # feature i < len(words): the word words[i]
    pairs: np.ndarray  # (n_pairs, 2) int: feature len(words) + k is the pair of words pairs[k]
    idf: np.ndarray  # (n_features,)
    coef: np.ndarray  # (n_features, n_tags)
    intercept: np.ndarray  # (n_tags,)
    threshold: np.ndarray  # (n_tags,) on the log-odds: a tag fires when its log-odds > threshold
    info: dict

    @property
    def n_features(self) -> int:
        return len(self.words) + len(self.pairs)

    def save(self, path: Path) -> None:
        """Write the model as a pickle-free `.npz`."""
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh,
                tags=np.array(self.tags),
                words=np.array(self.words),
                pairs=self.pairs.astype(np.int32),
                idf=self.idf.astype(np.float32),
                coef=self.coef.astype(np.float32),
                intercept=self.intercept.astype(np.float32),
                threshold=self.threshold.astype(np.float32),
                info=np.array(json.dumps(self.info, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path, sha256: str | None = None) -> TagClassifier:
        """Read a model written by `save`; refuse it if `sha256` is given and differs."""
        if not path.is_file():
            raise TriageError(f"{path}: no tag classifier there (set {ENV}=off to tag with the rules alone)")
        if sha256 is not None and sha256_file(path) != sha256:
            raise TriageError(f"{path}: the tag classifier differs from the one its card describes; refused")
        try:
            with np.load(path, allow_pickle=False) as z:
                model = cls(
                    tags=tuple(str(t) for t in z["tags"]),
                    words=tuple(str(w) for w in z["words"]),
                    pairs=z["pairs"].astype(np.int64),
                    idf=z["idf"].astype(np.float64),
                    coef=z["coef"].astype(np.float64),
                    intercept=z["intercept"].astype(np.float64),
                    threshold=z["threshold"].astype(np.float64),
                    info=json.loads(str(z["info"])),
                )
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise TriageError(f"{path}: not a tag classifier ({exc})") from exc
        n = model.n_features
        if model.idf.shape != (n,) or model.coef.shape != (n, len(model.tags)):
            raise TriageError(f"{path}: not a tag classifier (its arrays do not fit together)")
        return model

    # -- scoring ---------------------------------------------------------------------------------

    def vocabulary(self) -> tuple[dict[str, int], dict[tuple[int, int], int]]:
        words = {w: i for i, w in enumerate(self.words)}
        base = len(self.words)
        pairs = {(int(a), int(b)): base + k for k, (a, b) in enumerate(self.pairs)}
        return words, pairs

    def log_odds(self, rows: Sequence[dict[int, int]]) -> np.ndarray:
        """(n_rows, n_tags) log-odds of rows of term counts {feature: tf}."""
        out = np.tile(self.intercept, (len(rows), 1))
        lengths = [len(r) for r in rows]
        if not any(lengths):
            return out
        cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=sum(lengths))
        tfs = np.fromiter((t for r in rows for t in r.values()), dtype=np.float64, count=len(cols))
        owner = np.repeat(np.arange(len(rows)), lengths)
        values = (1.0 + np.log(tfs)) * self.idf[cols]
        norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(rows)))
        values /= norms[owner]
        contributions = self.coef[cols] * values[:, None]
        nonempty = np.flatnonzero(lengths)
        starts = np.concatenate(([0], np.cumsum(lengths)))[nonempty]
        out[nonempty] += np.add.reduceat(contributions, starts, axis=0)
        return out

    def predict_terms(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """(n, n_tags) booleans for sentences given as their terms (`sentence_terms`); for tests and
        training checks."""
        words, pairs = self.vocabulary()
        rows = []
        known = []
        for terms in sentences:
            row: dict[int, int] = {}
            n = 0
            for term in terms:
                if " " in term:
                    a, b = term.split(" ", 1)
                    i = pairs.get((words.get(a, -1), words.get(b, -1)))
                else:
                    i = words.get(term)
                    n += i is not None
                if i is not None:
                    row[i] = row.get(i, 0) + 1
            rows.append(row)
            known.append(n)
        return self.decide(rows, known)

    def decide(self, rows: Sequence[dict[int, int]], known_words: Sequence[int]) -> np.ndarray:
        """(n_rows, n_tags) booleans: the tags each row's log-odds put above their threshold, for rows
        with at least MIN_WORDS words the model knows (a heading, a table cell or a date line is not
        the kind of sentence it learned from, and a lone word weighs everything there)."""
        enough = np.asarray(known_words) >= MIN_WORDS
        return (self.log_odds(rows) > self.threshold) & enough[:, None]


def load_classifier(path: str) -> TagClassifier:
    """The classifier at `path`, checked against the sha256 in the card beside it (if there is one);
    read once per process and version of the file."""
    try:
        st = os.stat(path)
    except OSError:
        return _load(path, 0, -1)
    return _load(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> TagClassifier:
    p = Path(path)
    card = p.parent / CARD_FILE
    sha = None
    if card.is_file():
        sha = json.loads(card.read_text(encoding="utf-8")).get("sha256", {}).get(p.name)
    return TagClassifier.load(p, sha)


class IcpClassifier:
    """Adds a span for each tag the classifier finds in a sentence where the rules found none."""

    def __init__(self, nlp: Language, model: str, spans_key: str):
        path = default_model_path() if not model else (None if model.lower() in OFF else Path(model))
        self.model = load_classifier(str(path)) if path is not None else None
        self.key = spans_key
        if self.model is not None:
            self.words, self.pairs = self.model.vocabulary()
            self.evidence = [w not in NOT_EVIDENCE for w in self.model.words]
        # NORM hash -> its word feature; -1: no word (punctuation), -2: a word the model does not know
        self._word_of: dict[int, int] = {}

    def _word(self, doc: Doc, h: int) -> int:
        key = word_key(doc.vocab.strings[h])
        i = self._word_of[h] = -1 if key is None else self.words.get(key, -2)
        return i

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is None or not len(doc):
            return doc
        norms = doc_norms(doc)
        starts = sentence_starts(doc)
        bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
        rows: list[dict[int, int]] = []
        words_at: list[list[tuple[int, int]]] = []  # per sentence: (token, word feature) of kept words
        word_of, pairs = self._word_of, self.pairs
        for lo, hi in bounds:
            row: dict[int, int] = {}
            kept: list[tuple[int, int]] = []
            prev = None
            for t in range(lo, hi):
                h = norms[t]
                i = word_of.get(h)
                if i is None:
                    i = self._word(doc, h)
                if i == -1:
                    continue
                if i >= 0:
                    row[i] = row.get(i, 0) + 1
                    kept.append((t, i))
                    if prev is not None and prev >= 0:
                        j = pairs.get((prev, i))
                        if j is not None:
                            row[j] = row.get(j, 0) + 1
                prev = i
            rows.append(row)
            words_at.append(kept)
        fired = np.argwhere(model.decide(rows, [len(kept) for kept in words_at]))
        if not len(fired):
            return doc
        spans = get_spans(doc, self.key)
        # a tag the rules found, or ruled out as another sense, in a sentence is theirs to decide
        found = {(starts[bisect_right(starts, s.start) - 1], s.label_) for s in spans}
        found |= doc.user_data.get(VETOED_KEY, set())
        added: list[Span] = []
        for k, t in fired:
            tag = model.tags[t]
            lo = bounds[k][0]
            if (lo, tag) in found:
                continue
            content = [ti for ti in words_at[k] if self.evidence[ti[1]]] or words_at[k]
            token = max(content, key=lambda ti: model.coef[ti[1], t])[0]
            added.append(Span(doc, token, token + 1, label=tag, span_id=RULE_ID))
        if added:
            set_spans(doc, self.key, sorted([*spans, *added], key=lambda s: (s.start, s.end, s.label_)))
        return doc


@Language.factory(
    "icp_classifier",
    assigns=["doc.spans"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={"model": "", "spans_key": ICP_KEY},
)
def make_icp_classifier(nlp: Language, name: str, model: str, spans_key: str) -> IcpClassifier:
    """Tags the sentences the rules missed with a trained per-tag classifier (`model`: a `.npz`
    path, ``off``, or empty for `$TRIAGE_TAG_CLASSIFIER` / `models/tagger/classifier.npz`)."""
    return IcpClassifier(nlp, model, spans_key)
