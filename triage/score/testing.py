"""Hand-built tagged documents, for tests and examples of the score stage without spaCy or files.

`tagged_document(...)` builds one `TaggedDocument` from a few (tag, modality) mentions;
`synthetic_deals(n, seed)` draws `n` deals from a small latent model (fit drives both the mentions
and the outcome), so that a model trained on them has something to learn.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterable

from triage.types import (
    COMPLEXITY_TAGS,
    ENTERPRISE_TAGS,
    SECURITY_TAGS,
    SIGNAL_TAGS,
    VERTICALS,
    Document,
    Modality,
    Passage,
    Quantity,
    TaggedDocument,
    TagSpan,
    Vertical,
)

Mention = tuple  # (tag, modality) or (tag, modality, {"negated": .., "boilerplate": .., "text": .., "quantity": ..})


def tagged_document(
    mentions: Iterable[Mention],
    *,
    words: int = 2000,
    vertical: str = "other",
    boilerplate_share: float = 0.1,
    name: str = "hand-built.pdf",
    filler: str = "The portal serves the members of the association and their staff.",
) -> TaggedDocument:
    """One tagged document of about `words` words with the given mentions, one per page."""
    spans: list[TagSpan] = []
    passages: list[Passage] = []
    for i, mention in enumerate(mentions):
        tag, modality = mention[0], mention[1]
        extra = mention[2] if len(mention) > 2 else {}
        text = extra.get("text", tag.replace("_", " "))
        verb = {"mandatory": "shall", "desirable": "should", "optional": "may"}.get(modality, "has")
        sentence = f"The solution {verb} provide {text}."
        page = i + 1
        passage = Passage(id=f"p{page}.1", text=sentence, kind="paragraph", page=page)
        passages.append(passage)
        q = extra.get("quantity")
        spans.append(
            TagSpan(
                tag=tag,
                text=text,
                sentence=sentence,
                start=sentence.index(text),
                end=sentence.index(text) + len(text),
                passage_id=passage.id,
                location=passage.location,
                page=page,
                modality=modality,
                negated=bool(extra.get("negated", False)),
                rule_id=f"test.{tag}",
                quantity=Quantity(float(q), "units", str(q)) if q is not None else None,
                boilerplate=bool(extra.get("boilerplate", False)),
            )
        )
    used = sum(len(p.text.split()) for p in passages)
    filler_words = len(filler.split())
    for j in range(max(0, (words - used) // filler_words)):
        passages.append(Passage(id=f"l{j + 1}", text=filler, kind="paragraph", line=j + 1))
    sha = hashlib.sha256(
        repr((name, [(s.tag, s.modality, s.text) for s in spans], words)).encode()
    ).hexdigest()
    document = Document(
        path=name, sha256=sha, format="pdf", pages=len(passages) or 1, passages=tuple(passages)
    )
    return TaggedDocument(
        document=document,
        spans=tuple(spans),
        vertical=Vertical(id=vertical, confidence=0.8),
        sentences=len(passages),
        boilerplate_share=boilerplate_share,
    )


SYSTEMS = ("SAP", "Salesforce", "Dynamics 365", "the billing system", "the document store", "the ERP", "Okta")


def synthetic_deals(n: int = 120, seed: int = 0) -> list[tuple[TaggedDocument, bool, float]]:
    """`n` deals (tagged document, won, true win probability) from a small latent model of the ICP."""
    rng = random.Random(seed)
    deals = []
    for i in range(n):
        levels = {"complexity": rng.gauss(0, 1), "security": rng.gauss(0, 1), "enterprise": rng.gauss(0, 1)}
        signal = rng.random() < 0.2
        vertical = rng.choice(VERTICALS)
        words = rng.randint(800, 12000)
        mentions: list[Mention] = []
        for dim, tags in (
            ("complexity", COMPLEXITY_TAGS),
            ("security", SECURITY_TAGS),
            ("enterprise", ENTERPRISE_TAGS),
        ):
            rate = math.exp(0.8 * levels[dim]) * words / 2500
            for tag in tags:
                for _ in range(_poisson(rng, rate)):
                    modality: Modality = rng.choice(("mandatory", "mandatory", "desirable", "info"))
                    extra: dict = {"boilerplate": rng.random() < 0.1, "negated": rng.random() < 0.05}
                    if tag == "integration":
                        extra["text"] = rng.choice(SYSTEMS)
                    if tag in ("scale", "multi_site") and rng.random() < 0.3:
                        extra["quantity"] = round(math.exp(rng.gauss(5 + levels[dim], 1.5)))
                    mentions.append((tag, modality, extra))
        if signal:
            mentions.append((rng.choice(SIGNAL_TAGS), "mandatory"))
        rng.shuffle(mentions)
        logit = (
            0.9 * levels["complexity"] + 0.9 * levels["security"] + 0.6 * levels["enterprise"] - 1.5 * signal
        )
        logit += 0.4 * (vertical in ("financial_services", "government", "healthcare")) - 0.3
        p = 1 / (1 + math.exp(-logit))
        won = rng.random() < p
        doc = tagged_document(mentions, words=words, vertical=vertical, name=f"deal-{seed}-{i:04d}.pdf")
        deals.append((doc, won, p))
    return deals


def _poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth), good enough for small rates."""
    limit, k, p = math.exp(-min(lam, 30.0)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
