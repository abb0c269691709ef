"""The tag stage: ICP tags with evidence, modality, negation and quantities, on spaCy rules.

    from triage.tag import tag, tag_text
    tagged = tag(document)            # Document -> TaggedDocument
    tag_text("SSO is not required.")  # one text -> the JSON-lines object of `triage tag --jsonl`

The rules are data, in `triage/tag/taxonomy.yaml`; extend or override them with your own YAML file,
passed as `taxonomy=PATH` or set in the TRIAGE_TAXONOMY environment variable (taxonomy.py says how
the two merge). The pipeline and its components are described in pipeline.py.
"""

from __future__ import annotations

from triage.tag.spacy_import import skip_spacy_cli

skip_spacy_cli()  # before anything below imports spaCy

from triage.tag.document import tag, tag_many, tag_text  # noqa: E402
from triage.tag.pipeline import load_pipeline  # noqa: E402

__all__ = ["load_pipeline", "tag", "tag_many", "tag_text"]
