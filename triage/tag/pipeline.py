"""The spaCy pipeline of the tag stage, assembled in code from `spacy.blank("en")`.

No pretrained model exists here and none is needed: the components are rule components, their rules
read from the taxonomy (taxonomy.py), and one small classifier trained here on our own labelled
sentences (classifier.py). In order:

| component        | assigns                         | module          |
|------------------|---------------------------------|-----------------|
| (vocabulary)     | `Token.norm_`: inflection-free  | normalise.py    |
| `rfp_sentences`  | `Token.is_sent_start`           | segment.py      |
| `icp_rules`      | candidate spans (user_data)     | rules.py        |
| `icp_sense`      | `doc.spans["icp"]` filtered     | rules.py        |
| `icp_classifier` | `doc.spans["icp"]`: tags the rules missed; doubts | classifier.py |
| `icp_modality`   | `Span._.modality`               | modality.py     |
| `icp_negation`   | `Span._.negated`                | negation.py (+ negation_scopes, answers, clauses, negation_words) |
| `icp_doubt`      | `doc.spans["icp"]`: drops the rules' tags the classifier doubts | classifier.py |
| `icp_quantities` | `Span._.quantity`               | quantities.py   |
| `icp_vertical`   | `doc.spans["vertical"]`         | vertical.py     |

The trained classifier earns its place on held-out sentences: `make eval` prints every held-out set
scored with the rules alone and with the classifier beside them (macro F1 +0.04 to +0.05 on the three
untouched written sets; even on sentences sampled from real RFPs). It is a per-tag logistic
regression over words and word pairs; each tag's threshold is one at which, on real RFP text, it adds
no more wrong tags than right ones, and it never overrules a rule that found the tag's words used in
another sense. Where it finds a rule's tag very unlikely in its sentence (a veto chosen the same way),
`icp_doubt` drops that span, unless negation spoke about the tag in that sentence (classifier.py). `TRIAGE_TAG_CLASSIFIER=off` tags
with the rules alone.

Word forms: `normalise.install()` sets an inflection-free NORM on the vocabulary (no
spacy-lookups-data, see normalise.py); the components match on NORM.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from triage.tag import classifier, modality, negation, quantities, rules, segment, vertical  # noqa: F401  (factories)
from triage.tag import taxonomy as taxonomy_mod
from triage.tag.normalise import install
from triage.tag.segment import TEXT_KEY

COMPONENTS = (
    "rfp_sentences",
    "icp_rules",
    "icp_sense",
    "icp_classifier",
    "icp_modality",
    "icp_negation",
    "icp_doubt",
    "icp_quantities",
    "icp_vertical",
)


class TextKeepingTokenizer:
    """spaCy's tokenizer, keeping the text it was given in `doc.user_data` for the components.

    `Doc.text` is rebuilt from every token each time it is read, which cost more than the whole
    rest of the pipeline when the segmenter read it once per passage."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def build_pipeline(user_taxonomy: str = "", tag_classifier: str = "") -> Language:
    """A new pipeline with the default taxonomy, and the user file `user_taxonomy` merged over it.

    `tag_classifier`: the trained classifier's `.npz`, ``off`` for the rules alone, or empty for
    `$TRIAGE_TAG_CLASSIFIER` / `models/tagger/classifier.npz` (classifier.py)."""
    taxonomy_mod.load(user_taxonomy)  # fail early, with a clear message, on a broken user file
    nlp = spacy.blank("en")
    install(nlp.vocab)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        if name == "rfp_sentences":
            config = {}
        elif name == "icp_classifier":
            config = {"model": tag_classifier}
        elif name == "icp_doubt":
            config = {}
        else:
            config = {"taxonomy": user_taxonomy}
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def _cached(user_taxonomy: str, tag_classifier: str, classifier_version: tuple[int, int]) -> Language:
    return build_pipeline(user_taxonomy, tag_classifier)


def load_pipeline(taxonomy: str | Path | None = None) -> Language:
    """The pipeline, built once per process and per taxonomy.

    `taxonomy` is a user YAML file merged over the default taxonomy; without it, the file named by
    the TRIAGE_TAXONOMY environment variable is used, if set (see triage/tag/taxonomy.py). The
    trained classifier is the one TRIAGE_TAG_CLASSIFIER names, else the shipped one (classifier.py).
    """
    model = classifier.default_model_path()
    if model is None:
        return _cached(taxonomy_mod.resolve(taxonomy), "off", (0, -1))
    # a model retrained at the same path is a new pipeline, not a stale one
    return _cached(taxonomy_mod.resolve(taxonomy), str(model), classifier.file_version(model))
