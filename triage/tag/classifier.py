"""The trained part of the tagger: a per-tag linear classifier of sentences beside the rules.

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
  the classifier does not add it there (`rules.VETOED_KEY`);
- a rule's span of a tag that the classifier finds very unlikely (log-odds below the tag's `veto`, a
  probability of 0.3 or less, on tags where that was chosen), in its sentence and in its own segment
  of it (between commas, semicolons and colons), is doubted, and the component `icp_doubt`, after
  negation, drops it unless negation spoke about that tag in the sentence: the rules read a word, the
  classifier the whole sentence ("the portal of the old town hall", "workflow" in a sentence about
  the bidder's own project method). A negated mention stays, as evidence of what the buyer excluded,
  and so does a `negated_as` heir of negation. Never doubted: a sentence with too few known words, a
  span of words the model never saw.

Each tag's threshold was chosen when it was trained (scripts/train_tag_classifier.py; the card in
models/tagger says which): a probability of 0.5 to 0.9 at which, on sentences sampled from real RFPs,
it adds no more wrong tags than right ones, and which raises the tag's F1 on the written validation
sentences; otherwise off (+inf). Its veto likewise: a probability below which, on the real
sentences, it drops more wrong tags than right ones and which raises the tag's F1 on the written
ones; otherwise off (-inf). A model saved before vetoes existed has none.

Features, the same in training (`scripts/train_tag_classifier.py`) and here: the inflection-free word
forms of the sentence (`Token.norm_`; numbers, words of one character and punctuation dropped, see
`word_key`), plus adjacent pairs; weighted 1 + ln(tf) times idf and scaled to unit length, as
scikit-learn's `TfidfVectorizer(sublinear_tf=True)` does. The rules' hits as features too were tried
and not kept (scripts/train_tag_classifier.py says why).

The model is a plain `.npz` of arrays (no pickle: `numpy.load(allow_pickle=False)` cannot run code)
with a card beside it (`models/tagger/`); its sha256 is checked at load. Scoring needs numpy only,
never scikit-learn. Set `TRIAGE_TAG_CLASSIFIER=off` to tag with the rules alone, or to the path of
another `.npz` (for example one trained on your own labelled sentences).
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Span

from triage.atomic import write_atomic
from triage.errors import TriageError
from triage.hashing import sha256_file
from triage.tag.normalise import norm
from triage.tag.rules import ICP_KEY, VETOED_KEY, get_spans, sentence_starts, set_spans, span_info
from triage.types import ALL_TAGS

RULE_ID = "classifier"
DOUBTED_KEY = "triage_doubted"  # (start, end, label, id) of the rules' spans the classifier doubts
OFF = ("off", "none", "0", "false", "no")
MODEL_FILE = "classifier.npz"
CARD_FILE = "card.json"
ENV = "TRIAGE_TAG_CLASSIFIER"
MIN_WORDS = 4  # a sentence needs this many words the model knows before it speaks


def default_model_path() -> Path | None:
    """`$TRIAGE_TAG_CLASSIFIER` if set (None when it says ``off``; a folder means its classifier.npz),
    else `models/tagger/classifier.npz` beside the package, or None when that is absent (an install
    without the repository's models: the rules alone, said once on standard error)."""
    env = os.environ.get(ENV, "").strip()
    if env.lower() in OFF:
        return None
    if env:
        return Path(env) / MODEL_FILE if Path(env).is_dir() else Path(env)
    import triage

    shipped = Path(triage.__file__).resolve().parent.parent / "models" / "tagger" / MODEL_FILE
    if not shipped.is_file():
        _say_once(f"triage: no tag classifier at {shipped}; tagging with the rules alone")
        return None
    return shipped


@cache
def _say_once(message: str) -> None:
    print(message, file=sys.stderr)


#: Words that say how a sentence is put, not what it is about: never shown as a tag's evidence (a
#: tag's weight on "shall" is an accident of the data). They stay features: dropping them lost "out
#: of scope", "out of the box" and cost held-out F1.
_STOP = """a an the and or but if then than that this these those there here it its it's they them their
    we our us you your he she his her i me my of to in on at by for from with into onto over under
    about as be is are was were been being am do does did done doing have has had having shall must should
    may might can could will would which who whom whose what when where while also such so all any
    each every both either other some same own just only very up out per via etc e.g i.e 's b."""
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
    veto: np.ndarray | None = None  # (n_tags,) log-odds: a rule's tag is doubted below it; None: -inf

    def __post_init__(self) -> None:
        if self.veto is None:
            object.__setattr__(self, "veto", np.full(len(self.tags), -np.inf))

    @property
    def n_features(self) -> int:
        return len(self.words) + len(self.pairs)

    def save(self, path: Path) -> None:
        """Write the model as a pickle-free `.npz`, atomically (a reader never sees half a file)."""
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            tags=np.array(self.tags),
            words=np.array(self.words),
            pairs=self.pairs.astype(np.int32),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            threshold=self.threshold.astype(np.float32),
            veto=self.veto.astype(np.float32),
            info=np.array(json.dumps(self.info, sort_keys=True)),
        )
        write_atomic(Path(path), buffer.getvalue())

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
                    veto=z["veto"].astype(np.float64) if "veto" in z.files else None,
                )
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise TriageError(f"{path}: not a tag classifier ({exc})") from exc
        n, t = model.n_features, len(model.tags)
        fits = (
            model.idf.shape == (n,)
            and model.coef.shape == (n, t)
            and model.intercept.shape == model.threshold.shape == model.veto.shape == (t,)
            and model.pairs.ndim == 2
            and model.pairs.shape[1] == 2
            and (not len(model.pairs) or (model.pairs.min() >= 0 and model.pairs.max() < len(model.words)))
        )
        if not fits:
            raise TriageError(f"{path}: not a tag classifier (its arrays do not fit together)")
        if np.isnan(model.veto).any() or (model.veto >= model.threshold).any():
            raise TriageError(f"{path}: not a tag classifier (a veto at or above its tag's threshold)")
        unknown = sorted(set(model.tags) - set(ALL_TAGS))
        if unknown:
            raise TriageError(
                f"{path}: the tag classifier names tags triage does not know: {', '.join(unknown)}"
            )
        return model

    # -- scoring ---------------------------------------------------------------------------------

    def vocabulary(self) -> tuple[dict[str, int], dict[tuple[int, int], int]]:
        words = {w: i for i, w in enumerate(self.words)}
        base = len(self.words)
        pairs = {(int(a), int(b)): base + k for k, (a, b) in enumerate(self.pairs)}
        return words, pairs

    def log_odds(self, owner: np.ndarray, features: np.ndarray, n_rows: int) -> np.ndarray:
        """(n_rows, n_tags) log-odds of rows given as feature occurrences: `features[i]` occurs once
        in row `owner[i]`. Weighted (1 + ln tf) * idf and scaled to unit length per row, as training does."""
        out = np.tile(self.intercept, (n_rows, 1))
        if not len(features):
            return out
        n = self.n_features
        keys, tf = np.unique(owner.astype(np.int64) * n + features, return_counts=True)
        rows, cols = keys // n, keys % n
        values = (1.0 + np.log(tf)) * self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
        values /= norms[rows]
        first = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])  # keys are sorted: rows in order
        out[rows[first]] += np.add.reduceat(self.coef[cols] * values[:, None], first, axis=0)
        return out

    def decide(
        self, owner: np.ndarray, features: np.ndarray, known_words: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Two (n_rows, n_tags) boolean arrays: the tags each row's log-odds put above their threshold
        (the classifier adds them) and below their veto (a rule's tag is dropped), both only for rows
        with at least MIN_WORDS words the model knows (a heading, a table cell or a date line is not
        the kind of sentence it learned from, and a lone word weighs everything there)."""
        enough = np.asarray(known_words)[:, None] >= MIN_WORDS
        log_odds = self.log_odds(owner, features, len(enough))
        return (log_odds > self.threshold) & enough, (log_odds < self.veto) & enough

    def predict_terms(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """`decide` for sentences given as their terms (`sentence_terms`): the same decisions as the
        pipeline component's, read from strings; for training checks and tests."""
        words, pairs = self.vocabulary()
        owner: list[int] = []
        features: list[int] = []
        known = np.zeros(len(sentences), dtype=np.int64)
        for k, terms in enumerate(sentences):
            for term in terms:
                if " " in term:
                    a, b = term.split(" ", 1)
                    i = pairs.get((words.get(a, -1), words.get(b, -1)))
                else:
                    i = words.get(term)
                    known[k] += i is not None
                if i is not None:
                    owner.append(k)
                    features.append(i)
        return self.decide(np.array(owner, dtype=np.int64), np.array(features, dtype=np.int64), known)


def load_classifier(path: str) -> TagClassifier:
    """The classifier at `path`, checked against the sha256 in the card beside it (if there is one);
    read once per process and version of the file."""
    return _load(path, *file_version(path))


def file_version(path: str | Path) -> tuple[int, int]:
    """(mtime_ns, size) of a file, (0, -1) where there is none: a cache key that changes when it does."""
    try:
        st = os.stat(path)
    except OSError:
        return 0, -1
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> TagClassifier:
    p = Path(path)
    card = p.parent / CARD_FILE
    sha = None
    if card.is_file():
        try:
            sha = json.loads(card.read_text(encoding="utf-8")).get("sha256", {}).get(p.name)
        except (OSError, ValueError, AttributeError) as exc:
            raise TriageError(f"{card}: not a readable tag classifier card ({exc})") from exc
    return TagClassifier.load(p, sha)


@dataclass(frozen=True)
class DocWords:
    """One Doc as the classifier reads it: per token its NORM (`norms`) and feature (`ids`: a word
    feature, -1 for no word, -2 for a word the model does not know); per word (a token that is one)
    its token index, feature, sentence and whether the model knows it; and the sentence starts."""

    doc: Doc
    starts: np.ndarray
    norms: np.ndarray
    ids: np.ndarray
    tokens: np.ndarray
    word: np.ndarray
    sentence: np.ndarray
    known: np.ndarray


class IcpClassifier:
    """Adds a span for each tag the classifier finds in a sentence where the rules found none, and
    records the rules' spans it doubts (`_doubt`) for `icp_doubt`.

    A batch of Docs (`pipe`; a document's passages) is scored at once in numpy: each token's NORM is
    looked up once per distinct word (`_classes`), word pairs are looked up in a sorted array of pair
    keys, and the sentences' rows are weighed and scored by `TagClassifier.decide`, as `predict_terms`
    does for strings; only the Docs with a sentence to add to or doubt are then visited one by one.
    One call per short passage cost four times as much in numpy overhead as the scoring itself."""

    def __init__(self, nlp: Language, model: str, spans_key: str):
        path = default_model_path() if not model else (None if model.lower() in OFF else Path(model))
        self.model = load_classifier(str(path)) if path is not None else None
        self.key = spans_key
        if self.model is not None:
            m = self.model
            self.words = m.vocabulary()[0]
            keys = m.pairs[:, 0] * len(m.words) + m.pairs[:, 1]
            order = np.argsort(keys)
            self.pair_keys = keys[order]
            self.pair_features = (len(m.words) + np.arange(len(keys)))[order]
            self.evidence = np.array([w not in NOT_EVIDENCE for w in m.words], dtype=bool)
            self.column = {tag: t for t, tag in enumerate(m.tags)}
            self.breaks = np.array([nlp.vocab.strings.add(norm(p)) for p in ",;:"], dtype=np.uint64)
        # NORM hash -> its word feature; -1: no word (punctuation, number), -2: a word the model does not know
        self._word_of: dict[int, int] = {}

    def _classes(self, doc: Doc, hashes: np.ndarray) -> np.ndarray:
        word_of, strings = self._word_of, doc.vocab.strings
        out = np.empty(len(hashes), dtype=np.int64)
        for k, h in enumerate(hashes.tolist()):
            i = word_of.get(h)
            if i is None:
                key = word_key(strings[h])
                i = word_of[h] = -1 if key is None else self.words.get(key, -2)
            out[k] = i
        return out

    def _rows(self, word: np.ndarray, group: np.ndarray, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The feature occurrences (owner row, feature) of words grouped into rows by `group` (a sentence
        or a segment per word, in order): each known word, and each adjacent pair of known words of one
        row that the model knows as a pair."""
        adjacent = (group[1:] == group[:-1]) & known[1:] & known[:-1]
        keys = word[:-1][adjacent] * len(self.model.words) + word[1:][adjacent]
        at = np.minimum(np.searchsorted(self.pair_keys, keys), max(len(self.pair_keys) - 1, 0))
        hit = self.pair_keys[at] == keys if len(self.pair_keys) else np.zeros(len(keys), dtype=bool)
        owner = np.concatenate((group[known], group[1:][adjacent][hit]))
        return owner, np.concatenate((word[known], self.pair_features[at[hit]]))

    def _doubt(self, w: DocWords, spans: list[Span], vetoes: np.ndarray) -> None:
        """Records in `doc.user_data[DOUBTED_KEY]` the rules' spans it doubts, for `icp_doubt`: a span
        of a tag whose probability is below its veto both in the sentence and in the span's own segment
        of it (between commas, semicolons and colons; when that segment has MIN_WORDS known words), and
        that holds a word the model knows (a low probability over words it never saw is ignorance, not
        another sense). A sentence about many things is weak evidence for each of them; its segment
        often is not ("... approval workflows for content, role-based access for staff, ...")."""
        model = self.model
        candidates = []
        for s in spans:
            t = self.column.get(s.label_)
            if t is not None and (w.ids[s.start : s.end] >= 0).any():
                k = bisect_right(w.starts, s.start) - 1
                if vetoes[k, t]:
                    candidates.append((s, t))
        if not candidates:
            return
        # segments of the doubted sentences: a new one at each sentence start and each , ; :
        boundary = np.isin(w.norms, self.breaks)
        boundary[w.starts] = True
        segment_of = np.cumsum(boundary)
        mine = np.isin(w.sentence, np.unique([bisect_right(w.starts, s.start) - 1 for s, _ in candidates]))
        rows, group = np.unique(segment_of[w.tokens[mine]], return_inverse=True)
        owner, features = self._rows(w.word[mine], group, w.known[mine])
        log_odds = model.log_odds(owner, features, len(rows))
        counts = np.bincount(group[w.known[mine]], minlength=len(rows))
        doubted = w.doc.user_data.setdefault(DOUBTED_KEY, set())
        for s, t in candidates:
            r = int(np.searchsorted(rows, segment_of[s.start]))
            supported = r < len(rows) and rows[r] == segment_of[s.start] and counts[r] >= MIN_WORDS
            if not (supported and log_odds[r, t] >= model.veto[t]):
                doubted.add((s.start, s.end, s.label, s.id))

    def __call__(self, doc: Doc) -> Doc:
        return self._batch([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The docs of `stream`, scored a batch at a time: one numpy pass for the batch's sentences
        (a document comes as many short passages, and per-call overhead would dominate)."""
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        model = self.model
        docs_with_words = [d for d in docs if len(d)]
        if model is None or not docs_with_words:
            return docs
        # the batch as one stream of tokens: per doc its NORMs, its token offset and its sentence starts
        arrays = [d.to_array(NORM) for d in docs_with_words]
        norms = np.concatenate(arrays)
        offsets = np.cumsum([0] + [len(a) for a in arrays])
        doc_starts = [np.asarray(sentence_starts(d)) for d in docs_with_words]
        first_sentence = np.cumsum([0] + [len(st) for st in doc_starts])
        starts = np.concatenate([st + o for st, o in zip(doc_starts, offsets[:-1], strict=True)])
        distinct, inverse = np.unique(norms, return_inverse=True)
        ids = self._classes(docs_with_words[0], distinct)[inverse.ravel()]
        tokens = np.flatnonzero(ids != -1)  # the words, known or not (pairs never skip an unknown word)
        word = ids[tokens]
        sentence = np.searchsorted(starts, tokens, side="right") - 1  # sentences never span two docs
        known = word >= 0
        owner, features = self._rows(word, sentence, known)
        counts = np.bincount(sentence[known], minlength=len(starts))
        adds, vetoes = model.decide(owner, features, counts)
        busy = np.flatnonzero(adds.any(axis=1) | vetoes.any(axis=1))
        for j in np.unique(np.searchsorted(first_sentence, busy, side="right") - 1).tolist():
            lo, hi = offsets[j], offsets[j + 1]
            mine = slice(*np.searchsorted(tokens, [lo, hi]))
            rows = slice(first_sentence[j], first_sentence[j + 1])
            words = DocWords(
                doc=docs_with_words[j],
                starts=doc_starts[j],
                norms=arrays[j],
                ids=ids[lo:hi],
                tokens=tokens[mine] - lo,
                word=word[mine],
                sentence=sentence[mine] - first_sentence[j],
                known=known[mine],
            )
            self._one(words, adds[rows], vetoes[rows])
        return docs

    def _one(self, w: DocWords, adds: np.ndarray, vetoes: np.ndarray) -> None:
        """One doc's doubts and additions, from its rows of the batch's decisions."""
        model, doc, starts = self.model, w.doc, w.starts
        spans = get_spans(doc, self.key)
        self._doubt(w, spans, vetoes)
        fired = np.argwhere(adds)
        if not len(fired):
            return
        # a tag the rules found, or ruled out as another sense, in a sentence is theirs to decide
        found = {(starts[bisect_right(starts, s.start) - 1], s.label_) for s in spans}
        found |= doc.user_data.get(VETOED_KEY, set())
        added: list[Span] = []
        for k, t in fired.tolist():
            tag = model.tags[t]
            if (int(starts[k]), tag) in found:
                continue
            mine = (w.sentence == k) & w.known  # never empty: `decide` wants MIN_WORDS known words
            candidates = np.flatnonzero(mine & self.evidence[np.where(w.known, w.word, 0)])
            if not len(candidates):
                candidates = np.flatnonzero(mine)
            best = candidates[np.argmax(model.coef[w.word[candidates], t])]
            token = int(w.tokens[best])
            added.append(Span(doc, token, token + 1, label=tag, span_id=RULE_ID))
        if added:
            set_spans(doc, self.key, sorted([*spans, *added], key=lambda s: (s.start, s.end, s.label_)))


@Language.factory(
    "icp_classifier",
    assigns=["doc.spans"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={"model": "", "spans_key": ICP_KEY},
)
def make_icp_classifier(nlp: Language, name: str, model: str, spans_key: str) -> IcpClassifier:
    """Tags the sentences the rules missed with a trained per-tag classifier, and doubts the rules'
    tags it finds very unlikely (`model`: a `.npz` path, ``off``, or empty for
    `$TRIAGE_TAG_CLASSIFIER` / `models/tagger/classifier.npz`)."""
    return IcpClassifier(nlp, model, spans_key)


class IcpDoubt:
    """Drops the rules' spans that `icp_classifier` doubted, unless negation spoke about their tag in
    their sentence: a negated mention is evidence of what the buyer excludes (and counts for nothing),
    and where one is, the sentence's low probability is the negation's, whose scope decides ("SSO is
    not required for the pilot, but production must support SSO"). Spans born after the classifier
    ran (a `negated_as` heir of negation) were never doubted and stay."""

    def __init__(self, spans_key: str):
        self.key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doubted = doc.user_data.get(DOUBTED_KEY)
        if not doubted:
            return doc
        starts = sentence_starts(doc)
        spans = get_spans(doc, self.key)

        def where(s: Span) -> tuple[int, str]:
            return starts[bisect_right(starts, s.start) - 1], s.label_

        negated = {where(s) for s in spans if span_info(s).get("negated")}
        kept = [s for s in spans if (s.start, s.end, s.label, s.id) not in doubted or where(s) in negated]
        if len(kept) < len(spans):
            set_spans(doc, self.key, kept)
        return doc


@Language.factory(
    "icp_doubt",
    assigns=["doc.spans"],
    requires=["doc.spans", "span._.negated"],
    default_config={"spans_key": ICP_KEY},
)
def make_icp_doubt(nlp: Language, name: str, spans_key: str) -> IcpDoubt:
    """Drops the rules' spans the classifier doubted (`icp_classifier`), once negation has run."""
    return IcpDoubt(spans_key)
