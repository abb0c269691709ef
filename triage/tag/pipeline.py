"""The spaCy pipeline of the tag stage, assembled in code from `spacy.blank("en")`.

No pretrained model exists here and none is needed: every component is a rule component, its rules
read from the taxonomy (taxonomy.py). In order:

| component        | assigns                         | module          |
|------------------|---------------------------------|-----------------|
| (vocabulary)     | `Token.norm_`: inflection-free  | normalise.py    |
| `rfp_sentences`  | `Token.is_sent_start`           | segment.py      |
| `icp_rules`      | candidate spans (user_data)     | rules.py        |
| `icp_sense`      | `doc.spans["icp"]` filtered     | rules.py        |
| `icp_modality`   | `Span._.modality`               | context.py      |
| `icp_negation`   | `Span._.negated`                | context.py      |
| `icp_quantities` | `Span._.quantity`               | quantities.py   |
| `icp_vertical`   | `doc.spans["vertical"]`         | vertical.py     |

No trained component yet. `scripts/eval_tagger.py` trains a per-tag TF-IDF logistic regression on
the tuning sentences and scores it on two held-out sets. Trained on the 513 dev sentences it reached a
macro F1 of 0.56 and OR-ing it with the rules gained about 0.01: not worth a model file. Trained on
all 2,122 tuning sentences (dev, tune, tune2, tune3) it reaches 0.77 / 0.79 alone and lifts the rules
from 0.80 / 0.81 to 0.83 / 0.85 when OR-ed: now it would earn its place. Still to solve before it
goes in: its cost per sentence (character n-grams in Python would halve the tagging speed) and
loading it without scikit-learn at start-up (about a second).

Word forms: `normalise.install()` sets an inflection-free NORM on the vocabulary (no
spacy-lookups-data, see normalise.py); the components match on NORM.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from triage.tag import context, quantities, rules, segment, vertical  # noqa: F401  (register factories)
from triage.tag import taxonomy as taxonomy_mod
from triage.tag.normalise import install
from triage.tag.segment import TEXT_KEY

COMPONENTS = (
    "rfp_sentences",
    "icp_rules",
    "icp_sense",
    "icp_modality",
    "icp_negation",
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


def build_pipeline(user_taxonomy: str = "") -> Language:
    """A new pipeline with the default taxonomy, and the user file `user_taxonomy` merged over it."""
    taxonomy_mod.load(user_taxonomy)  # fail early, with a clear message, on a broken user file
    nlp = spacy.blank("en")
    install(nlp.vocab)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        config = {} if name == "rfp_sentences" else {"taxonomy": user_taxonomy}
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def _cached(user_taxonomy: str) -> Language:
    return build_pipeline(user_taxonomy)


def load_pipeline(taxonomy: str | Path | None = None) -> Language:
    """The pipeline, built once per process and per taxonomy.

    `taxonomy` is a user YAML file merged over the default taxonomy; without it, the file named by
    the TRIAGE_TAXONOMY environment variable is used, if set (see triage/tag/taxonomy.py).
    """
    return _cached(taxonomy_mod.resolve(taxonomy))
