"""Generate the synthetic seed deals that the default fit model of `triage` is trained on.

Usage::

    python scripts/make_corpus.py --out corpus/generated [--n 300] [--seed 7] [--formats pdf,docx,md]
    python scripts/make_corpus.py --sample-inbox corpus/sample-inbox

Each deal draws hidden ("latent") levels of complexity, security and enterprise scale, walk-away
signals and a vertical; the RFP text is then written FROM those latents with paraphrase banks
(``corpus_banks.py``), and the outcome is drawn from the true win probability. The model and its
formula are documented in ``corpus/README.md``. Everything is deterministic in ``seed``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import random
import re
import sys
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_banks as B

# ---------------------------------------------------------------------------------------------
# The latent model
# ---------------------------------------------------------------------------------------------
VERTICAL_WEIGHTS = {
    "financial_services": 0.16,
    "government": 0.16,
    "healthcare": 0.12,
    "manufacturing": 0.12,
    "energy_utilities": 0.09,
    "education": 0.09,
    "retail_distribution": 0.09,
    "telecom": 0.08,
    "other": 0.09,
}
#: Shift of the security latent's mean by vertical (security-first sectors need more of it).
SECURITY_SHIFT = {
    "financial_services": 0.7,
    "government": 0.6,
    "healthcare": 0.6,
    "manufacturing": -0.2,
    "energy_utilities": 0.1,
    "education": -0.1,
    "retail_distribution": -0.3,
    "telecom": 0.1,
    "other": -0.3,
}
#: Direct effect of the vertical on the win logit (where the platform has won most).
VERTICAL_EFFECT = {
    "financial_services": 0.5,
    "government": 0.4,
    "healthcare": 0.4,
    "manufacturing": 0.0,
    "energy_utilities": 0.0,
    "education": -0.2,
    "retail_distribution": -0.1,
    "telecom": 0.1,
    "other": -0.4,
}
#: The sectors the seed names as security-first, where the platform has won most.
FAVOURED = ("financial_services", "government", "healthcare")
INTERCEPT = -0.3
COEF = {"complexity": 0.8, "security": 0.7, "enterprise": 0.6}
WALKAWAY_EFFECT = {"simple_site": -2.0, "turnkey": -1.6, "platform_mandate": -1.3, "out_of_scope": -2.2}
NOISE_SD = 0.4
#: How a tag's level departs from its dimension's latent, the mean number of statements at level 0, and a cap.
TAG_SD = 0.3
RATE = 1.4
MAX_STATEMENTS = 8
#: A tag is negated ("... is not required") with probability sigmoid(NEG_BIAS - 2.5 z): often when z is low.
NEG_BIAS = -2.0
WALKAWAYS = tuple(WALKAWAY_EFFECT)
FORMATS = ("pdf", "docx", "md")
CSV_COLUMNS = (
    "path",
    "outcome",
    "closed",
    "value",
    "vertical",
    "p_win",
    "complexity",
    "security",
    "enterprise",
    "walkaway",
)


def sigmoid(x: float) -> float:
    """The logistic function."""
    return 1.0 / (1.0 + math.exp(-x))


@dataclass
class Deal:
    """One synthetic deal: its latents, its true win probability, its drawn outcome."""

    index: int
    vertical: str
    complexity: float
    security: float
    enterprise: float
    walkaway: tuple[str, ...]
    oos_kind: str
    logit_latent: float
    noise: float
    p_win: float
    won: bool
    closed: dt.date
    value: int
    fmt: str = "pdf"
    path: str = ""
    extra: dict = field(default_factory=dict)


def draw_deal(seed: int, index: int, formats: Sequence[str] = FORMATS) -> Deal:
    """Draw the latents and outcome of deal ``index`` (independent of how its text is written)."""
    rng = random.Random(f"deal:{seed}:{index}")
    verticals = list(VERTICAL_WEIGHTS)
    vertical = rng.choices(verticals, weights=[VERTICAL_WEIGHTS[v] for v in verticals])[0]
    c = rng.gauss(0.0, 1.0)
    s = rng.gauss(SECURITY_SHIFT[vertical], 1.0)
    e = rng.gauss(0.0, 1.0)
    signals = []
    if rng.random() < sigmoid(-2.4 - 1.2 * c):
        signals.append("simple_site")
    if rng.random() < sigmoid(-2.4 - 0.8 * e):
        signals.append("turnkey")
    if rng.random() < 0.07:
        signals.append("platform_mandate")
    oos_kind = ""
    if rng.random() < 0.05:
        signals.append("out_of_scope")
        oos_kind = rng.choice(sorted(B.OUT_OF_SCOPE))
    logit_latent = (
        INTERCEPT
        + COEF["complexity"] * c
        + COEF["security"] * s
        + COEF["enterprise"] * e
        + VERTICAL_EFFECT[vertical]
        + sum(WALKAWAY_EFFECT[w] for w in signals)
    )
    noise = rng.gauss(0.0, NOISE_SD)
    p_win = sigmoid(logit_latent + noise)
    won = rng.random() < p_win
    closed = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    value = round(math.exp(12.0 + 0.5 * e + 0.3 * c + rng.gauss(0, 0.6)), -3)
    fmt = random.Random(f"fmt:{seed}:{index}").choice(list(formats))
    return Deal(
        index,
        vertical,
        c,
        s,
        e,
        tuple(signals),
        oos_kind,
        logit_latent,
        noise,
        p_win,
        won,
        closed,
        int(value),
        fmt,
    )


# ---------------------------------------------------------------------------------------------
# Metrics of the latent model (the best any reader of the documents could do)
# ---------------------------------------------------------------------------------------------
def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """ROC AUC by the rank-sum (Mann-Whitney) formula, ties given half credit."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    npos = sum(1 for y in labels if y)
    nneg = len(labels) - npos
    if not npos or not nneg:
        return float("nan")
    rsum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rsum - npos * (npos + 1) / 2) / (npos * nneg)


def brier(probs: Sequence[float], labels: Sequence[bool]) -> float:
    """Mean squared error of probabilities against 0/1 outcomes."""
    return sum((p - y) ** 2 for p, y in zip(probs, labels, strict=True)) / len(probs)


def log_loss(probs: Sequence[float], labels: Sequence[bool]) -> float:
    """Mean negative log-likelihood."""
    eps = 1e-12
    return -sum(
        math.log(max(p, eps)) if y else math.log(max(1 - p, eps)) for p, y in zip(probs, labels, strict=True)
    ) / len(probs)


def _p_given_latents(logit_latent: float) -> float:
    """E[sigmoid(l + NOISE_SD * Z)], Z ~ N(0, 1), by 20-point Gauss-Hermite quadrature."""
    import numpy as np

    x, w = np.polynomial.hermite.hermgauss(20)
    vals = 1.0 / (1.0 + np.exp(-(logit_latent + math.sqrt(2.0) * NOISE_SD * x)))
    return float((w * vals).sum() / math.sqrt(math.pi))


def latent_model_cv(deals: Sequence[Deal], folds: int = 5) -> dict:
    """AUC / Brier of a logistic regression fitted on the TRUE latents, by stratified k-fold.

    A practical ceiling for a model trained on this many deals: it reads every latent perfectly and
    still has to estimate its coefficients from the outcomes. None when there are too few deals.
    """
    y = [d.won for d in deals]
    if len(deals) < 10 * folds or min(sum(y), len(y) - sum(y)) < 2 * folds:
        return {}
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    x = np.array(
        [
            [d.complexity, d.security, d.enterprise, float(d.vertical in FAVOURED)]
            + [float(w in d.walkaway) for w in WALKAWAYS]
            for d in deals
        ]
    )
    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    p = cross_val_predict(LogisticRegression(max_iter=1000), x, np.array(y), cv=cv, method="predict_proba")[
        :, 1
    ]
    return {
        "cv_auc_true_latents": round(roc_auc(list(p), y), 4),
        "cv_brier_true_latents": round(brier(list(p), y), 4),
    }


def perfect_tagger_cv(deals: Sequence[Deal], statements: Sequence[dict], folds: int = 5) -> dict:
    """AUC / Brier of a logistic regression on what the documents SAY, counted from the generator's log.

    Features per deal: for each dimension, log(1 + statements), log(1 + mandatory ones) and
    log(1 + negations); each walk-away signal stated; a security-first vertical. This is what a
    perfect tagger with simple features would reach. Empty when there are too few deals.
    """
    y = [d.won for d in deals]
    if len(deals) < 10 * folds or min(sum(y), len(y) - sum(y)) < 2 * folds:
        return {}
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    dims = ("complexity", "security", "enterprise")
    counts = {d.path: np.zeros(3 * len(dims) + len(WALKAWAYS)) for d in deals}
    for e in statements:
        row, tag = counts[e["path"]], e["tag"]
        if tag in TAGS:
            k = dims.index(TAGS[tag][1])
            if e["kind"] == "negation":
                row[3 * k + 2] += 1
            else:
                row[3 * k] += 1
                row[3 * k + 1] += e["modality"] == "M"
        elif tag in WALKAWAYS:
            row[3 * len(dims) + WALKAWAYS.index(tag)] = 1
    x = np.array([np.append(np.log1p(counts[d.path]), float(d.vertical in FAVOURED)) for d in deals])
    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    p = cross_val_predict(LogisticRegression(max_iter=1000), x, np.array(y), cv=cv, method="predict_proba")[
        :, 1
    ]
    return {
        "cv_auc_perfect_tagger": round(roc_auc(list(p), y), 4),
        "cv_brier_perfect_tagger": round(brier(list(p), y), 4),
    }


def bayes_figures(deals: Sequence[Deal], cv: bool = True) -> dict:
    """Bayes-optimal AUC / Brier / log loss of the true p_win, and of p given the latents only.

    With ``cv``, also the cross-validated figures of a logistic regression on the true latents.
    """
    y = [d.won for d in deals]
    p = [d.p_win for d in deals]
    q = [_p_given_latents(d.logit_latent) for d in deals]
    return {
        "n": len(deals),
        "won": sum(y),
        "win_rate": round(sum(y) / len(y), 4),
        "auc": round(roc_auc(p, y), 4),
        "brier": round(brier(p, y), 4),
        "log_loss": round(log_loss(p, y), 4),
        "auc_latents_only": round(roc_auc(q, y), 4),
        "brier_latents_only": round(brier(q, y), 4),
        **(latent_model_cv(deals) if cv else {}),
        "note": "auc/brier: the true p_win (latents + noise) against the drawn outcomes, the Bayes-optimal "
        "figures. *_latents_only: P(win | latents), the noise integrated out - the best a reader who "
        "recovered every latent exactly from the text could reach. cv_*_true_latents: a logistic "
        "regression on the true latents, 5-fold stratified CV - what such a reader reaches when it must "
        "also learn its coefficients from this many deals. cv_*_perfect_tagger: the same on counts of "
        "what each document states per dimension (from statements.jsonl) - a perfect tagger.",
    }


# ---------------------------------------------------------------------------------------------
# Slots and text helpers
# ---------------------------------------------------------------------------------------------
_LATIN1_MAP = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "€": "EUR ",
        "•": "-",
        "\u00a0": " ",
    }
)


def latin1(text: str) -> str:
    """Text safe for a PDF core font: common typography mapped, anything else replaced by '?'."""
    return text.translate(_LATIN1_MAP).encode("latin-1", "replace").decode("latin-1")


def nice(x: float) -> str:
    """A round number as a buyer would write it: two significant digits, thousands separators."""
    x = max(1.0, x)
    digits = math.floor(math.log10(x))
    r = round(x, -digits + 1) if digits >= 1 else round(x)
    return f"{int(r):,}"


def singular(noun: str) -> str:
    """Singular of the plural nouns used in the banks (good enough for them, not in general)."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes")):
        return noun[:-2]
    if noun.endswith("s"):
        return noun[:-1]
    return noun


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_ARTICLE = re.compile(r"\b([Aa]) (?=(?!one\b)[aeioAEIO])")


def finish(sentence: str) -> str:
    """Capitalise the first letter and fix 'a' before a vowel sound."""
    sentence = _ARTICLE.sub(lambda m: m.group(1) + "n ", sentence)
    return sentence[:1].upper() + sentence[1:]


def make_slots(deal: Deal, rng: random.Random) -> dict[str, str]:
    """Fill the template slots of ``corpus_banks`` for one deal, scaled by its latents."""
    v = B.VERTICALS[deal.vertical]
    c, e = deal.complexity, deal.enterprise
    systems = rng.sample(v["systems"], k=min(len(v["systems"]), 4))
    erp = next(
        (x for x in v["systems"] if any(k in x for k in ("SAP", "Oracle", "Infor", "Business Central"))),
        "the ERP",
    )
    crm = next((x for x in v["systems"] if any(k in x for k in ("Salesforce", "Dynamics", "CRM"))), "the CRM")
    partners = rng.choice(v["partners"])
    n_users = 10 ** (4.3 + 0.7 * e + rng.gauss(0, 0.3))
    n_langs = 1 + round(math.exp(0.6 + 0.8 * e + rng.gauss(0, 0.2)))
    uptime = "99.99 %" if e > 1.2 else "99.95 %" if e > 0.4 else "99.9 %" if e > -0.4 else "99.5 %"
    regs = rng.sample(v["regs"], k=2)
    org = f"{rng.choice(v['org_a'])} {rng.choice(v['org_b'])}"
    buyer = rng.choice(v["buyer"])
    for noun in B.BUYER_NOUNS:
        if noun in org.split():
            buyer = f"the {noun}"
            break
    return {
        "org": org,
        "buyer": buyer,
        "Buyer": buyer[:1].upper() + buyer[1:],
        "systems": join_names(systems[: rng.choice((2, 3))]),
        "system": systems[0],
        "system2": systems[1],
        "erp": erp,
        "crm": crm,
        "n_systems": str(max(2, round(math.exp(1.0 + 0.55 * c + rng.gauss(0, 0.3))))),
        "partners": partners,
        "partner": singular(partners),
        "n_partners": nice(math.exp(5.0 + 0.8 * c + rng.gauss(0, 0.4))),
        "customers": rng.choice(v["customers"]),
        "n_users": nice(n_users),
        "n_staff": nice(10 ** (2.8 + 0.5 * e + rng.gauss(0, 0.2))),
        "n_langs": str(n_langs),
        "n_countries": str(max(2, round(n_langs * rng.uniform(0.8, 1.6)))),
        "n_sites": str(max(3, round(math.exp(1.5 + 0.7 * e + rng.gauss(0, 0.3))))),
        "n_brands": str(2 + round(math.exp(0.3 * e))),
        "uptime": uptime,
        "peak": nice(n_users / rng.uniform(15, 50)),
        "reg": regs[0],
        "reg2": regs[1],
        "n_roles": str(3 + max(0, round(1.5 * c + rng.gauss(0, 0.7)))),
        "other_platform": rng.choice(B.OTHER_PLATFORMS),
        "case": rng.choice(v["case"]),
        "idp": rng.choice(B.IDPS),
        "year": str(deal.closed.year + 3),
        "n_docs": nice(10 ** (2.5 + 0.5 * c + rng.gauss(0, 0.2))),
        "n_tx": nice(10 ** (4.0 + 0.6 * e + rng.gauss(0, 0.3))),
    }


def fill(template: str, slots: dict[str, str]) -> str:
    """A bank template with its slots filled, ready to print."""
    return finish(template.format_map(slots))


# ---------------------------------------------------------------------------------------------
# The document model: a list of blocks, rendered to PDF, DOCX or Markdown
# ---------------------------------------------------------------------------------------------
# Blocks: ("cover", dict) ("h1", text) ("h2", text) ("p", text) ("clause", number, text)
#         ("bullets", [text]) ("table", [header], [[cell]]) ("pagebreak",)
Block = tuple

TAGS = {
    "integration": (B.INTEGRATION, "complexity"),
    "user_roles": (B.USER_ROLES, "complexity"),
    "workflow": (B.WORKFLOW, "complexity"),
    "b2b_portal": (B.B2B_PORTAL, "complexity"),
    "collaboration": (B.COLLABORATION, "complexity"),
    "access_control": (B.ACCESS_CONTROL, "security"),
    "account_services": (B.ACCOUNT_SERVICES, "security"),
    "compliance": (B.COMPLIANCE, "security"),
    "security_ops": (B.SECURITY_OPS, "security"),
    "scale": (B.SCALE, "enterprise"),
    "multi_site": (B.MULTI_SITE, "enterprise"),
    "extensibility": (B.EXTENSIBILITY, "enterprise"),
}
WALKAWAY_BANKS = {"simple_site": B.SIMPLE_SITE, "turnkey": B.TURNKEY, "platform_mandate": B.PLATFORM_MANDATE}

SECTION_HEADINGS = {
    "complexity": [
        "Functional requirements",
        "Business processes and users",
        "Functional scope",
        "Services to be delivered",
    ],
    "security": [
        "Information security and data protection",
        "Security, privacy and access",
        "Security requirements",
        "Trust, privacy and access",
    ],
    "enterprise": [
        "Non-functional requirements",
        "Performance, reach and architecture",
        "Technical requirements",
        "Platform and operation",
    ],
}

US_FRAMES = B.US_FRAMES
FRAMES = {
    "M": [
        "The Supplier shall {vp}.",
        "The solution must {vp}.",
        "The platform shall {vp}.",
        "The Contractor is required to {vp}.",
        "We need the new service to {vp}.",
        "It is mandatory that the solution can {vp}.",
    ],
    "S": [
        "The solution should {vp}.",
        "The Supplier should be able to {vp}.",
        "It is desirable that the platform can {vp}.",
        "Ideally the new service would {vp}.",
        "We would like the portal to {vp}.",
        "Please describe how your solution would {vp}.",
        "Bidders should explain how they would {vp}.",
    ],
    "C": [
        "The solution may optionally {vp}.",
        "As an option, bidders may offer to {vp}.",
        "If budget allows, we would like the service to {vp}.",
        "It would be useful, though not essential, to {vp}.",
    ],
}


@dataclass
class Content:
    """The deal-specific statements, before they are laid out into sections."""

    clauses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # dimension -> (priority, text)
    rows: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # dimension -> (priority, short)
    general: list[tuple[str, str]] = field(default_factory=list)  # (priority, clause) that say little
    general_rows: list[tuple[str, str]] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)  # every statement: tag, kind, modality, text

    def note(self, tag: str | None, kind: str, modality: str, text: str) -> str:
        """Record a statement in the log (the generator's ground truth) and return its text."""
        self.log.append({"tag": tag, "kind": kind, "modality": modality, "text": text})
        return text

    facts: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)  # walk-away and out-of-scope statements
    negations: list[str] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)  # the tag of each negation
    fact_tags: list[str] = field(default_factory=list)  # the tag of each fact, before shuffling


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth; lam is small here)."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def write_content(
    deal: Deal, slots: dict[str, str], rng: random.Random, frames: dict[str, list[str]] | None = None
) -> Content:
    """Write the statements of a deal FROM its latents: each latent is expressed with a probability."""
    frames = frames or FRAMES
    content = Content()
    latent = {"complexity": deal.complexity, "security": deal.security, "enterprise": deal.enterprise}
    for dim in latent:
        content.clauses[dim] = []
        content.rows[dim] = []
    sector = B.VERTICAL_FACTS.get(deal.vertical, {})
    # User stories ("As a broker, I want ...") in about a third of the documents, as agile RFPs have.
    story_weight = 0.25 if rng.random() < 0.35 else 0.0
    for tag, (bank, dim) in TAGS.items():
        z = latent[dim] + rng.gauss(0.0, TAG_SD)
        k = min(MAX_STATEMENTS, poisson(rng, RATE * math.exp(0.9 * z)))
        reqs = rng.sample(bank["req"], k=len(bank["req"]))
        facts = rng.sample(bank["fact"], k=len(bank["fact"]))
        # Sector-specific statements are likelier to be picked (they go to the end: popped first).
        facts += rng.sample(sector.get(tag, []), k=len(sector.get(tag, [])))
        shorts = rng.sample(bank["short"], k=len(bank["short"]))
        stories = rng.sample(bank.get("story", []), k=len(bank.get("story", [])))
        for _ in range(k):
            kind = rng.choices(("req", "fact", "short", "story"), weights=(0.45, 0.25, 0.2, story_weight))[0]
            pick = {"req": reqs, "fact": facts, "short": shorts, "story": stories}[kind]
            if not pick:
                kind, pick = "req", reqs
            if not pick:
                break
            text = pick.pop()
            prio = "M" if rng.random() < sigmoid(0.2 + 0.9 * z) else ("S" if rng.random() < 0.7 else "C")
            if kind == "req":
                frame = rng.choice(frames[prio])
                content.clauses[dim].append(
                    (prio, content.note(tag, "clause", prio, fill(frame.format(vp=text), slots)))
                )
            elif kind == "story":
                content.clauses[dim].append((prio, content.note(tag, "story", "info", fill(text, slots))))
            elif kind == "fact":
                content.facts.append(content.note(tag, "fact", "info", fill(text, slots)))
                content.fact_tags.append(tag)
            else:
                content.rows[dim].append((prio, content.note(tag, "row", prio, fill(text, slots))))
        if rng.random() < sigmoid(NEG_BIAS - 2.5 * z):
            content.negations.append(
                content.note(tag, "negation", "info", fill(rng.choice(bank["neg"]), slots))
            )
            content.negated.append(tag)
    for signal in deal.walkaway:
        if signal == "out_of_scope":
            oos = B.OUT_OF_SCOPE[deal.oos_kind]
            content.scope.extend(content.note(signal, "fact", "info", fill(t, slots)) for t in oos["fact"])
            for vp in oos["req"]:
                text = content.note(signal, "clause", "M", fill(f"The Supplier shall {vp}.", slots))
                content.clauses["complexity"].insert(0, ("M", text))
            continue
        bank = WALKAWAY_BANKS[signal]
        n = 1 + poisson(rng, 1.5)
        pool = (
            [("req", t) for t in bank["req"]]
            + [("fact", t) for t in bank["fact"]]
            + [("short", t) for t in bank["short"]]
        )
        for kind, text in rng.sample(pool, k=min(n, len(pool))):
            if kind == "req":
                content.scope.append(
                    content.note(signal, "clause", "M", fill(rng.choice(frames["M"]).format(vp=text), slots))
                )
            elif kind == "fact":
                content.scope.append(content.note(signal, "fact", "info", fill(text, slots)))
            else:
                content.rows["complexity"].append(("M", content.note(signal, "row", "M", fill(text, slots))))
    # Requirements that nearly every RFP has, whatever the deal (content migration, training, ...).
    general = rng.sample(B.GENERAL["req"], k=rng.randint(2, 6))
    for text in general:
        prio = rng.choice("MMMS")
        text = fill(rng.choice(frames[prio]).format(vp=text), slots)
        content.general.append((prio, content.note(None, "general", prio, text)))
    for text in rng.sample(B.GENERAL["short"], k=rng.randint(0, 4)):
        prio = rng.choice("MMSC")
        content.general_rows.append((prio, content.note(None, "general", prio, fill(text, slots))))
    pairs = list(zip(content.facts, content.fact_tags, strict=True))
    rng.shuffle(pairs)
    content.facts = [f for f, _ in pairs]
    content.fact_tags = [t for _, t in pairs]
    return content


LEGAL_PARTY = [
    "The Supplier",
    "The Contractor",
    "Each party",
    "{Buyer}",
    "The Supplier's personnel",
]
LEGAL_DUTY = [
    "shall comply with all reasonable instructions given by the contract manager",
    "shall keep full and accurate records of all work performed",
    "shall notify the other party in writing of any matter that may delay performance",
    "shall use all reasonable endeavours to mitigate any loss",
    "shall not make any public statement about the contract without consent",
    "shall cooperate with any replacement supplier",
    "shall maintain sufficient resources to perform its obligations",
    "shall provide a written progress report",
    "shall attend progress meetings when requested",
    "shall return all property belonging to the other party",
    "shall pay any sums due without set-off",
    "shall observe the rules and policies in force at the premises",
    "shall give prompt notice of any change of control",
    "shall ensure that invoices are accurate and complete",
]
LEGAL_QUALIFIER = [
    "within ten working days of a request",
    "at its own cost",
    "in accordance with good industry practice",
    "save as otherwise agreed in writing",
    "for the duration of the contract",
    "to the reasonable satisfaction of {buyer}",
    "as soon as reasonably practicable",
    "and in any event before the expiry date",
    "",
]
SCHEDULES = [
    "Schedule 1 - Charges and invoicing",
    "Schedule 2 - Data processing",
    "Schedule 3 - Service levels and service credits",
    "Schedule 4 - Change control",
    "Schedule 5 - Exit management",
    "Schedule 6 - Governance and meetings",
    "Schedule 7 - Key personnel",
    "Schedule 8 - Business continuity",
    "Schedule 9 - Staff transfer",
    "Schedule 10 - Insurance requirements",
]
DATA_PROCESSING = [
    "The parties acknowledge that for the purposes of data protection legislation {buyer} is the controller.",
    "The Supplier shall process personal data only on documented instructions from {buyer}.",
    "The Supplier shall ensure that persons authorised to process personal data are bound by confidentiality.",
    "The Supplier shall assist {buyer} in responding to requests from data subjects.",
    "The categories of personal data and data subjects are described in the table below.",
]


def legal_paragraph(rng: random.Random, slots: dict[str, str], n: int) -> str:
    """A paragraph of contract boilerplate assembled from parts (no two documents quite alike)."""
    out = []
    for _ in range(n):
        qual = rng.choice(LEGAL_QUALIFIER)
        out.append(
            fill(f"{rng.choice(LEGAL_PARTY)} {rng.choice(LEGAL_DUTY)}{' ' + qual if qual else ''}.", slots)
        )
    return " ".join(out)


def words_of(blocks: Iterable[Block]) -> int:
    """Rough word count of a block list (for page budgeting)."""
    n = 0
    for b in blocks:
        if b[0] in ("p", "h1", "h2"):
            n += len(b[1].split()) + (8 if b[0] != "p" else 2)
        elif b[0] == "clause":
            n += len(b[2].split()) + 2
        elif b[0] == "bullets":
            n += sum(len(t.split()) + 2 for t in b[1])
        elif b[0] == "table":
            n += 12 + sum(len(" ".join(r).split()) + 6 for r in b[2])
        elif b[0] in ("cover", "pagebreak"):
            n += 250
    return n


WORDS_PER_PAGE = 550


def target_pages(deal: Deal, rng: random.Random, max_pages: int) -> int:
    """How long the document will be: longer for bigger, more complex deals, with much noise."""
    u = min(1.0, max(0.0, 0.45 + 0.12 * (deal.complexity + deal.enterprise) + rng.gauss(0, 0.25)))
    lo = min(2, max_pages)
    return max(lo, min(max_pages, round(lo * (max_pages / lo) ** u)))


US_SHARE = 0.4  # share of government, healthcare and education deals written as US solicitations


def us_style(deal: Deal) -> bool:
    """Whether a deal's document is written in the US public-sector register (its own random stream)."""
    seed = deal.extra.get("seed", 0)
    return deal.vertical in B.US_VERTICALS and random.Random(f"style:{seed}:{deal.index}").random() < US_SHARE


def us_slots(deal: Deal, slots: dict[str, str]) -> dict[str, str]:
    """Slots of a US solicitation: a US buyer, its regulations and identity services."""
    rng = random.Random(f"us:{deal.extra.get('seed', 0)}:{deal.index}")
    u = B.US_VERTICALS[deal.vertical]
    buyer = rng.choice(u["buyer"])
    regs = rng.sample(u["regs"], k=2)
    return {
        **slots,
        "org": f"{rng.choice(u['org_a'])} {rng.choice(u['org_b'])}",
        "buyer": buyer,
        "Buyer": buyer[:1].upper() + buyer[1:],
        "reg": regs[0],
        "reg2": regs[1],
        "idp": rng.choice(u["idps"]),
    }


US_WORDING = {
    "the European Economic Area": "the United States",
    "EEA data residency": "US data residency",
    "outside the EEA": "outside the United States",
    "the one-month deadline set by the GDPR": "the deadlines set by the Privacy Act",
    "DSAR handling within 1 month": "Privacy Act requests on time",
    "the GDPR": "the Privacy Act",
    "EUR": "USD",
    "shortlisted bidders": "selected offerors",
    "Bidders": "Offerors",
    "bidders": "offerors",
    "this tender": "this solicitation",
    "the tender": "the solicitation",
}

_US_RE = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in US_WORDING))


def localise_us(block: Block) -> Block:
    """US wording for a block of a US solicitation (privacy law, currency, 'offerors')."""

    def fix(text: str) -> str:
        return _US_RE.sub(lambda m: US_WORDING[m.group(0)], text)

    if block[0] in ("p", "h1", "h2"):
        return (block[0], fix(block[1]))
    if block[0] == "clause":
        return (block[0], block[1], fix(block[2]))
    if block[0] == "bullets":
        return (block[0], [fix(t) for t in block[1]])
    if block[0] == "table":
        return (block[0], block[1], [[fix(c) for c in r] for r in block[2]])
    return block


def number_block(block: Block, number: int) -> Block:
    """Put a section's number in place of its '§' in a heading or clause number."""
    if block[0] in ("h1", "h2"):
        return (block[0], block[1].replace("§", str(number), 1))
    if block[0] == "clause":
        return (block[0], block[1].replace("§", str(number), 1), block[2])
    return block


def build_blocks(deal: Deal, max_pages: int = 40) -> tuple[list[Block], dict[str, str]]:
    """Lay a deal out as an RFP: cover, instructions, background, requirements, evaluation, terms."""
    # The cover (names, title, dates) and the slots come from their own stream, so that editing the
    # banks changes the wording of a document but not its name.
    seed = deal.extra.get("seed", 0)
    crng = random.Random(f"cover:{seed}:{deal.index}")
    slots = make_slots(deal, crng)
    v = B.VERTICALS[deal.vertical]
    if "out_of_scope" in deal.walkaway:
        title = B.OUT_OF_SCOPE[deal.oos_kind]["title"]
    elif "simple_site" in deal.walkaway:
        title = crng.choice(B.SIMPLE_TITLES)
    else:
        title = crng.choice(v["titles"])
    kind = crng.choice(
        ["Invitation to Tender", "Request for Proposal", "Request for Quotation", "Request for Information"]
    )
    us = us_style(deal)
    if us:
        slots = us_slots(deal, slots)
        srng = random.Random(f"us-title:{seed}:{deal.index}")
        kind = srng.choice(B.US_KINDS)
        if not ({"out_of_scope", "simple_site"} & set(deal.walkaway)):
            title = srng.choice(B.US_TITLES[deal.vertical])
    deal.extra["style"] = "us" if us else "eu"
    issued = deal.closed - dt.timedelta(days=crng.randrange(90, 240))
    initials = "".join(w[0] for w in slots["org"].split() if w[0].isalpha()).upper()
    cover = {
        "title": title,
        "kind": kind,
        "org": slots["org"],
        "ref": f"{initials}-{issued.year}-{crng.randrange(10, 400):03d}",
        "issued": issued.isoformat(),
        "deadline": (issued + dt.timedelta(days=crng.choice((21, 28, 30, 35, 42)))).isoformat(),
    }
    pages = target_pages(deal, crng, max_pages)
    budget = pages * WORDS_PER_PAGE
    small = pages <= 3
    tiny = pages <= 2  # a short RFQ: one paragraph of instructions, no evaluation section

    rng = random.Random(f"text:{seed}:{deal.index}")
    content = write_content(deal, slots, rng, US_FRAMES if us else FRAMES)
    deal.extra.update(cover)
    if us:
        trap_pool = rng.sample(B.US_TRAPS, k=rng.randint(2, 4)) + rng.sample(B.TRAPS, k=rng.randint(1, 3))
    else:
        trap_pool = rng.sample(B.TRAPS, k=rng.randint(3, 7))
    traps = [content.note(None, "trap", "info", fill(t, slots)) for t in trap_pool]

    contexts = rng.sample(v["context"], k=2)  # one for the introduction, another for the background
    alias = f'the "{slots["buyer"].removeprefix("the ")}"'  # Fjord Networks (the "Company")
    head: list[Block] = [("cover", {**cover, "compact": small})]
    if not small:
        head.append(("pagebreak",))
    head.append(("h1", "§ Introduction"))
    intro = [
        fill(
            f"{{org}} ({alias}) is seeking quotations from qualified vendors for the {title}."
            if us
            else f"{{org}} ({alias}) invites suitably qualified organisations to submit proposals for the {title}.",
            slots,
        ),
        fill(contexts[0], slots),
    ]
    if content.scope:
        intro.append(content.scope[0])
    head.append(("p", " ".join(intro)))
    if traps:
        head.append(("p", traps.pop()))

    # Background, with the indirect statements of the buyer's situation.
    background: list[Block] = []
    facts = content.facts[:]
    background.append(("h1", "§ Background and current situation"))
    bg_sents = [fill(contexts[1], slots), fill(rng.choice(B.BACKGROUND_GENERIC), slots)]
    bg_sents += facts[: max(1, len(facts) // 2)]
    rest = facts[max(1, len(facts) // 2) :]
    for i in range(0, len(bg_sents), 3):
        background.append(("p", " ".join(bg_sents[i : i + 3])))
    if rest:
        background.append(("h2", "§.1 What we hear from users"))
        background.append(("bullets", rest))
    if traps:
        background.append(("p", traps.pop()))

    # Requirements.
    reqs: list[Block] = []
    sec_req = "§"
    reqs.append(("h1", f"§ {'Scope of work and objectives' if us else 'Statement of requirements'}"))
    sub = 1
    scope_text = content.scope[1:] if content.scope else []
    if scope_text or content.negations:
        reqs.append(("h2", f"{sec_req}.{sub} Scope"))
        if scope_text:
            reqs.append(("p", " ".join(scope_text)))
        if content.negations:
            reqs.append(("p", "The following are not part of this procurement:"))
            reqs.append(("bullets", content.negations))
        sub += 1
    table_no = 0
    reqs.append(("h2", f"{sec_req}.{sub} General requirements"))
    for j, (_prio, text) in enumerate(content.general, start=1):
        reqs.append(("clause", f"{sec_req}.{sub}.{j}", text))
    if content.general_rows:
        table_no += 1
        body = [[f"GEN-{k:02d}", text, prio] for k, (prio, text) in enumerate(content.general_rows, start=1)]
        reqs.append(("p", f"Table {table_no}: general requirements (M = must, S = should, C = could)."))
        reqs.append(("table", ["ID", "Requirement", "Priority"], body))
    sub += 1
    layout = random.Random(f"layout:{seed}:{deal.index}")
    matrix_rows: list[list[str]] = []
    as_matrix = layout.random() < 0.25  # the detailed requirements go to a matrix in an annex
    if as_matrix:
        reqs.append(("h2", f"{sec_req}.{sub} Detailed requirements"))
        reqs.append(
            (
                "p",
                "The detailed requirements are listed in the requirements matrix in Annex R. For each one, "
                "bidders must state whether it is met in full, in part or not at all, and explain how.",
            )
        )
        sub += 1
    for dim in ("complexity", "security", "enterprise"):
        clauses, rows = content.clauses[dim], content.rows[dim]
        if not clauses and not rows:
            continue
        if as_matrix:
            prefix = {"complexity": "F", "security": "S", "enterprise": "T"}[dim]
            items = [(prio, text) for prio, text in clauses] + rows
            matrix_rows += [
                [f"{prefix}.{k:02d}", text, prio] for k, (prio, text) in enumerate(items, start=1)
            ]
            continue
        reqs.append(("h2", f"{sec_req}.{sub} {rng.choice(SECTION_HEADINGS[dim])}"))
        for j, (_prio, text) in enumerate(clauses, start=1):
            reqs.append(("clause", f"{sec_req}.{sub}.{j}", text))
        if rows:
            table_no += 1
            prefix = {"complexity": "FR", "security": "SR", "enterprise": "NFR"}[dim]
            body = [[f"{prefix}-{k:02d}", text, prio] for k, (prio, text) in enumerate(rows, start=1)]
            reqs.append(("p", f"Table {table_no}: {prefix} requirements (M = must, S = should, C = could)."))
            reqs.append(("table", ["ID", "Requirement", "Priority"], body))
        sub += 1
    if traps:
        reqs.append(("p", traps.pop()))

    # Service, evaluation, terms, annexes: boilerplate, added until the page budget is used.
    service: list[Block] = [("h1", "§ Service management and support")]
    for j, t in enumerate(rng.sample(B.SERVICE_TEXT, k=rng.randint(3, len(B.SERVICE_TEXT))), start=1):
        service.append(("clause", f"§.{j}", fill(t, slots)))
    evaluation: list[Block] = [("h1", "§ Evaluation")]
    eval_text, eval_crit = (B.US_EVALUATION, B.US_EVAL_CRITERIA) if us else (B.EVALUATION, B.EVAL_CRITERIA)
    evaluation.append(("p", " ".join(fill(t, slots) for t in rng.sample(eval_text, k=4))))
    crit = rng.sample(eval_crit, k=rng.randint(4, len(eval_crit)))
    total = sum(w for _, w in crit)
    weights = [round(100 * w / total) for _, w in crit]
    weights[-1] += 100 - sum(weights)
    evaluation.append(
        (
            "table",
            ["Criterion", "Weighting (%)"],
            [[n, str(w)] for (n, _), w in zip(crit, weights, strict=True)],
        )
    )

    instr: list[Block] = [("h1", f"§ Instructions to {'offerors' if us else 'bidders'}")]
    timetable = [
        ["Publication of this document", issued.isoformat()],
        ["Deadline for clarification questions", (issued + dt.timedelta(days=14)).isoformat()],
        ["Closing date for responses", cover["deadline"]],
        ["Presentations (shortlisted bidders)", (issued + dt.timedelta(days=50)).isoformat()],
        ["Contract award (indicative)", (issued + dt.timedelta(days=75)).isoformat()],
    ]
    instructions = B.US_INSTRUCTIONS[:] if us else B.INSTRUCTIONS[:]
    n_instr = 1 if tiny else 2 if small else len(instructions)
    for j, (head_txt, sents) in enumerate(instructions[:n_instr], start=1):
        instr.append(("h2", f"§.{j} {head_txt}"))
        chosen = rng.sample(sents, k=min(len(sents), rng.randint(2, 4)))
        instr.append(("p", " ".join(fill(s, slots) for s in chosen)))
        if head_txt in ("Timetable", "Instructions to Offerors") and not tiny:
            instr.append(("table", ["Activity", "Date"], timetable))
    if traps:
        instr.append(("p", traps.pop()))

    if small:
        sections = [head, instr, background, reqs] + ([] if tiny else [evaluation[:2]])
    else:
        order = layout.choices(("usual", "instructions last", "evaluation first"), weights=(0.6, 0.25, 0.15))[
            0
        ]
        sections = {
            "usual": [head, instr, background, reqs, service, evaluation],
            "instructions last": [head, background, reqs, service, evaluation, instr],
            "evaluation first": [head, instr, evaluation, background, reqs, service],
        }[order]
    blocks = [number_block(b, k) for k, section in enumerate(sections, start=1) for b in section]
    sec_terms = len(sections) + 1
    matrix: list[Block] = []
    if matrix_rows:
        matrix = ([] if small else [("pagebreak",)]) + [("h1", "Annex R - Requirements matrix")]
        matrix.append(("p", "Priority: M = mandatory, S = should have, C = could have."))
        matrix.append(("table", ["Ref", "Requirement", "Priority"], matrix_rows))

    # Terms and conditions and schedules fill the remaining budget.
    tail: list[Block] = []
    used = words_of(blocks) + words_of(matrix)
    if used < budget:
        tail.append(("h1", f"{sec_terms} Terms and conditions"))
        terms = rng.sample(B.US_TERMS if us else B.TERMS, k=len(B.US_TERMS if us else B.TERMS))
        for j, (head_txt, sents) in enumerate(terms, start=1):
            if used + words_of(tail) >= budget:
                break
            tail.append(("h2", f"{sec_terms}.{j} {head_txt}"))
            chosen = rng.sample(sents, k=min(len(sents), rng.randint(2, 3)))
            text = " ".join(fill(s, slots) for s in chosen)
            if rng.random() < 0.5:
                text += " " + legal_paragraph(rng, slots, rng.randint(1, 3))
            tail.append(("p", text))
            if traps and rng.random() < 0.3:
                tail.append(("p", traps.pop()))
        for title_s in SCHEDULES:
            if used + words_of(tail) >= budget:
                break
            tail.append(("pagebreak",))
            tail.append(("h1", title_s))
            if "Data processing" in title_s:
                tail.append(("p", " ".join(fill(t, slots) for t in DATA_PROCESSING)))
            for j in range(1, rng.randint(5, 14)):
                tail.append(("clause", f"{j}.", legal_paragraph(rng, slots, rng.randint(2, 4))))
        annexes = B.ANNEX_TITLES[:]
        while used + words_of(tail) < budget:
            title_a = annexes.pop(0) if annexes else f"Annex {len(tail)} - Supplementary forms"
            tail.append(("pagebreak",))
            tail.append(("h1", title_a))
            tail.append(("p", " ".join(fill(t, slots) for t in rng.sample(B.ANNEX_TEXT, k=3))))
            rows = [
                [f"Q{j}", legal_paragraph(rng, slots, 1), "Yes / No"] for j in range(1, rng.randint(8, 20))
            ]
            tail.append(("table", ["No.", "Declaration", "Response"], rows))
            if traps:
                tail.append(("p", traps.pop()))
    blocks += tail + matrix
    if us:
        blocks = [localise_us(b) for b in blocks]
        for entry in content.log:
            entry["text"] = localise_us(("p", entry["text"]))[1]
    placed = {b[1] for b in blocks if b[0] == "p"}
    deal.extra["statements"] = [e for e in content.log if e["kind"] != "trap" or e["text"] in placed]
    return blocks, slots


# ---------------------------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------------------------
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


class _PdfWriter:
    """A minimal, fast text layout on top of fpdf2 (its own multi_cell is too slow for 300 documents).

    Greedy word wrap with the core font's glyph widths; text is placed with ``FPDF.text``.
    """

    TOP, BOTTOM, LEFT, RIGHT = 18.0, 280.0, 20.0, 190.0

    def __init__(self, header: str) -> None:
        from fpdf import FPDF

        running = latin1(header)

        class RfpPDF(FPDF):
            def header(self) -> None:
                if self.page_no() > 1:
                    self.set_font("Helvetica", "I", 8)
                    self.text(20, 11, running[:110])

            def footer(self) -> None:
                self.set_font("Helvetica", "I", 8)
                self.set_xy(0, 285)
                self.cell(210, 5, f"Page {self.page_no()} of {{nb}}", align="C")

        self.pdf = RfpPDF(format="A4")
        self.pdf.set_creation_date(FIXED_DATE)
        self.pdf.set_title(running)
        self.pdf.set_auto_page_break(False)
        self.widths: dict[str, dict[str, int]] = {}
        for style in ("", "B", "I"):
            self.pdf.set_font("Helvetica", style, 10)
            self.widths[style] = self.pdf.current_font.cw
        self.pdf.add_page()
        self.y = self.TOP

    def text_width(self, text: str, style: str, size: float) -> float:
        cw = self.widths[style]
        return sum(cw.get(ch, 556) for ch in text) * size / 1000 / self.pdf.k

    def wrap(self, text: str, width: float, style: str = "", size: float = 10) -> list[str]:
        """Greedy word wrap of one paragraph into lines no wider than ``width`` mm."""
        space = self.text_width(" ", style, size)
        lines, line, used = [], [], 0.0
        for word in latin1(text).split():
            w = self.text_width(word, style, size)
            if line and used + space + w > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + w
            line.append(word)
        if line:
            lines.append(" ".join(line))
        return lines or [""]

    def page_break(self) -> None:
        self.pdf.add_page()
        self.y = self.TOP

    def ensure(self, height: float) -> None:
        if self.y + height > self.BOTTOM:
            self.page_break()

    def para(
        self,
        text: str,
        style: str = "",
        size: float = 10,
        lh: float = 5.0,
        x: float | None = None,
        after: float = 2.0,
        keep: float = 0.0,
    ) -> None:
        x = self.LEFT if x is None else x
        self.pdf.set_font("Helvetica", style, size)
        self.ensure(lh + keep)
        for line in self.wrap(text, self.RIGHT - x, style, size):
            self.ensure(lh)
            self.pdf.text(x, self.y + lh * 0.75, line)
            self.y += lh
        self.y += after

    def table(self, header_row: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        fractions = {2: (0.6, 0.4), 3: (0.14, 0.72, 0.14)}[len(header_row)]
        total = self.RIGHT - self.LEFT
        widths = [f * total for f in fractions]
        lh, size = 4.5, 9
        for i, row in enumerate([header_row, *rows]):
            style = "B" if i == 0 else ""
            cells = [self.wrap(cell, w - 3, style, size) for cell, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in cells) * lh + 2
            self.ensure(height)
            self.pdf.set_font("Helvetica", style, size)
            x = self.LEFT
            for lines, w in zip(cells, widths, strict=True):
                self.pdf.rect(x, self.y, w, height)
                for k, line in enumerate(lines):
                    self.pdf.text(x + 1.5, self.y + 1 + lh * (k + 0.75), line)
                x += w
            self.y += height
        self.y += 3


def render_pdf(blocks: Sequence[Block], path: Path, header: str) -> None:
    """Write blocks as a simple A4 PDF with a core font, a running header and 'Page x of y'."""
    w = _PdfWriter(header)
    for b in blocks:
        kind = b[0]
        if kind == "cover":
            c = b[1]
            w.y += 0 if c.get("compact") else 40
            w.para(c["org"], "B", 12, lh=7, after=6)
            w.para(c["title"], "B", 20, lh=10, after=1)
            w.para(c["kind"], "", 14, lh=8, after=8)
            for line in (
                f"Reference: {c['ref']}",
                f"Issued: {c['issued']}",
                f"Closing date: {c['deadline']}",
            ):
                w.para(line, "", 10, lh=6, after=0)
            w.y += 6
        elif kind == "pagebreak":
            w.page_break()
        elif kind == "h1":
            w.y += 4
            w.para(b[1], "B", 13, lh=7, after=1, keep=15)
        elif kind == "h2":
            w.y += 2
            w.para(b[1], "B", 11, lh=6, after=0.5, keep=10)
        elif kind == "p":
            w.para(b[1])
        elif kind == "clause":
            w.pdf.set_font("Helvetica", "", 10)
            w.ensure(5)
            w.pdf.text(w.LEFT, w.y + 3.75, latin1(b[1]))
            w.para(b[2], x=w.LEFT + 16, after=1)
        elif kind == "bullets":
            for t in b[1]:
                w.pdf.set_font("Helvetica", "", 10)
                w.ensure(5)
                w.pdf.text(w.LEFT + 1, w.y + 3.75, "-")
                w.para(t, x=w.LEFT + 6, after=0.5)
            w.y += 1.5
        elif kind == "table":
            w.table(b[1], b[2])
    w.pdf.output(str(path))


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed timestamps so that the same seed gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(blocks: Sequence[Block], path: Path, header: str) -> None:
    """Write blocks as a DOCX with real headings, numbered clauses, tables and a page-number footer."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    props = doc.core_properties
    props.author = "Procurement"
    props.title = header
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    foot = section.footer.paragraphs[0]
    foot.add_run("Page ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    fld.append(run)
    foot._p.append(fld)
    for b in blocks:
        kind = b[0]
        if kind == "cover":
            c = b[1]
            doc.add_paragraph(c["org"])
            doc.add_heading(c["title"], level=0)
            doc.add_paragraph(c["kind"])
            doc.add_paragraph(f"Reference: {c['ref']}\nIssued: {c['issued']}\nClosing date: {c['deadline']}")
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "h1":
            doc.add_heading(b[1], level=1)
        elif kind == "h2":
            doc.add_heading(b[1], level=2)
        elif kind == "p":
            doc.add_paragraph(b[1])
        elif kind == "clause":
            doc.add_paragraph(f"{b[1]}\t{b[2]}")
        elif kind == "bullets":
            for t in b[1]:
                doc.add_paragraph(t, style="List Bullet")
        elif kind == "table":
            header_row, rows = b[1], b[2]
            table = doc.add_table(rows=len(rows) + 1, cols=len(header_row))
            table.style = "Table Grid"
            for r_i, r in enumerate([header_row, *rows]):
                cells = table.rows[r_i].cells
                for c_i, cell in enumerate(r):
                    cells[c_i].text = cell
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_deterministic_zip(buf.getvalue()))


def render_md(blocks: Sequence[Block], path: Path, header: str) -> None:
    """Write blocks as Markdown (tables as pipe tables)."""
    out: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind == "cover":
            c = b[1]
            out += [
                f"# {c['title']}",
                "",
                f"**{c['org']}** - {c['kind']}",
                "",
                f"Reference: {c['ref']}  ",
                f"Issued: {c['issued']}  ",
                f"Closing date: {c['deadline']}",
                "",
            ]
        elif kind == "pagebreak":
            continue
        elif kind == "h1":
            out += [f"## {b[1]}", ""]
        elif kind == "h2":
            out += [f"### {b[1]}", ""]
        elif kind == "p":
            out += [b[1], ""]
        elif kind == "clause":
            out += [f"**{b[1]}** {b[2]}", ""]
        elif kind == "bullets":
            out += [f"- {t}" for t in b[1]] + [""]
        elif kind == "table":
            header_row, rows = b[1], b[2]
            out.append("| " + " | ".join(header_row) + " |")
            out.append("|" + "|".join("---" for _ in header_row) + "|")
            out += ["| " + " | ".join(cell.replace("|", "/") for cell in r) + " |" for r in rows]
            out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


RENDERERS = {"pdf": render_pdf, "docx": render_docx, "md": render_md}


def slug(text: str) -> str:
    """A file-name friendly form of a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def write_document(deal: Deal, out_dir: Path, name: str, max_pages: int) -> Path:
    """Render one deal's RFP into ``out_dir / name.<fmt>`` and return the path."""
    blocks, _slots = build_blocks(deal, max_pages)
    c = deal.extra
    path = out_dir / f"{name}.{deal.fmt}"
    RENDERERS[deal.fmt](blocks, path, f"{c['org']} - {c['ref']} - {c['title']}")
    return path


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------
def draw_deals(n: int, seed: int, formats: Sequence[str] = FORMATS) -> list[Deal]:
    """The n deals of a corpus, latents and outcomes only (no files written)."""
    deals = [draw_deal(seed, i, formats) for i in range(n)]
    for d in deals:
        d.extra["seed"] = seed
    return deals


def _render_deal(job: tuple[Deal, Path, int]) -> tuple[str, list[dict]]:
    """Build and write one deal's document; return its file name and statements (also in workers)."""
    d, docs, max_pages = job
    blocks, _ = build_blocks(d, max_pages)
    c = d.extra
    name = f"{d.index + 1:04d}-{slug(c['org'])}-{slug(c['title'])}.{d.fmt}"
    RENDERERS[d.fmt](blocks, docs / name, f"{c['org']} - {c['ref']} - {c['title']}")
    return name, c["statements"]


def generate(
    out_dir: Path,
    n: int = 300,
    seed: int = 7,
    formats: Sequence[str] = FORMATS,
    max_pages: int = 40,
    jobs: int = 1,
) -> Path:
    """Write n synthetic RFPs under ``out_dir/docs/``, ``deals.csv`` and ``bayes.json``; return the CSV path.

    ``jobs`` > 1 renders in that many processes; the output is the same either way.
    """
    formats = tuple(formats)
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise ValueError(f"unknown formats {unknown}; choose from {', '.join(RENDERERS)}")
    out_dir = Path(out_dir)
    docs = out_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    deals = draw_deals(n, seed, formats)
    work = [(d, docs, max_pages) for d in deals]
    if jobs > 1 and n > 20:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            rendered = list(pool.map(_render_deal, work, chunksize=8))
    else:
        rendered = [_render_deal(job) for job in work]
    rows = []
    statements = []
    for d, (name, said) in zip(deals, rendered, strict=True):
        d.path = f"docs/{name}"
        statements += [{"path": d.path, **entry} for entry in said]
        rows.append(
            {
                "path": d.path,
                "outcome": "won" if d.won else "lost",
                "closed": d.closed.isoformat(),
                "value": d.value,
                "vertical": d.vertical,
                "p_win": f"{d.p_win:.4f}",
                "complexity": f"{d.complexity:.3f}",
                "security": f"{d.security:.3f}",
                "enterprise": f"{d.enterprise:.3f}",
                "walkaway": ";".join(d.walkaway),
            }
        )
    csv_path = out_dir / "deals.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (out_dir / "statements.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(entry, ensure_ascii=False) + "\n" for entry in statements)
    figures = bayes_figures(deals)
    figures.update(perfect_tagger_cv(deals, statements))
    figures.update({"seed": seed, "formats": list(formats), "max_pages": max_pages})
    (out_dir / "bayes.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return csv_path


SAMPLE_SEED = 2026


def sample_inbox_deals(seed: int = SAMPLE_SEED) -> list[tuple[Deal, str]]:
    """The six demo deals and their formats, chosen by true win probability from 400 draws."""
    pool = draw_deals(400, seed)
    clean = sorted((d for d in pool if not d.walkaway), key=lambda d: -d.logit_latent)
    away = sorted((d for d in pool if d.walkaway), key=lambda d: d.logit_latent)
    middle = sorted((d for d in pool if not d.walkaway), key=lambda d: abs(d.logit_latent))
    return [
        (clean[0], "pdf"),
        (next(d for d in clean if d.vertical != clean[0].vertical), "docx"),
        (next(d for d in away if "simple_site" in d.walkaway or "turnkey" in d.walkaway), "docx"),
        (next(d for d in away if "platform_mandate" in d.walkaway or "out_of_scope" in d.walkaway), "md"),
        (middle[0], "md"),
        (middle[1], "pdf"),
    ]


def make_sample_inbox(out_dir: Path, seed: int = SAMPLE_SEED, max_pages: int = 6) -> list[Path]:
    """Write the six demo documents: two clear pursues, two clear walk-aways, two in between.

    Formats: two PDF, two DOCX, two Markdown. Drawn with their own seed so they are not training deals.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    picks = sample_inbox_deals(seed)
    paths = []
    for d, fmt in picks:
        d.fmt = fmt
        blocks, _ = build_blocks(d, max_pages)
        c = d.extra
        path = out_dir / f"{slug(c['org'])}-{slug(c['title'])}.{fmt}"
        RENDERERS[fmt](blocks, path, f"{c['org']} - {c['ref']} - {c['title']}")
        paths.append(path)
    return paths


def _dir_size(paths: Iterable[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate a corpus (and print its Bayes-optimal figures) or the sample inbox."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, help="folder for docs/, deals.csv and bayes.json")
    ap.add_argument("--n", type=int, default=300, help="number of deals (default 300)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--formats", default="pdf,docx,md", help="comma-separated: pdf,docx,md")
    ap.add_argument("--max-pages", type=int, default=40, help="longest document, in pages (default 40)")
    ap.add_argument("--jobs", type=int, default=2, help="processes used to render (default 2)")
    ap.add_argument("--sample-inbox", type=Path, help="write the six demo documents into this folder")
    args = ap.parse_args(argv)
    if not args.out and not args.sample_inbox:
        ap.error("give --out DIR and/or --sample-inbox DIR")
    if args.sample_inbox:
        paths = make_sample_inbox(args.sample_inbox)
        print(
            f"sample inbox: {len(paths)} documents, {_dir_size(paths) / 1024:.0f} KB in {args.sample_inbox}"
        )
    if args.out:
        t0 = time.perf_counter()
        csv_path = generate(args.out, args.n, args.seed, args.formats.split(","), args.max_pages, args.jobs)
        elapsed = time.perf_counter() - t0
        figures = json.loads((args.out / "bayes.json").read_text())
        size = _dir_size((args.out / "docs").iterdir())
        print(f"{args.n} deals -> {csv_path} in {elapsed:.1f} s, documents {size / 1e6:.1f} MB")
        print(
            f"won {figures['won']}/{figures['n']} ({figures['win_rate']:.0%}); Bayes-optimal AUC {figures['auc']:.3f}, "
            f"Brier {figures['brier']:.3f}, log loss {figures['log_loss']:.3f}; given latents only: "
            f"AUC {figures['auc_latents_only']:.3f}, Brier {figures['brier_latents_only']:.3f}"
        )
        if "cv_auc_true_latents" in figures:
            print(
                f"logistic regression on the true latents, 5-fold CV: AUC {figures['cv_auc_true_latents']:.3f}, "
                f"Brier {figures['cv_brier_true_latents']:.3f}"
            )
        if "cv_auc_perfect_tagger" in figures:
            print(
                f"logistic regression on what the documents state (a perfect tagger), 5-fold CV: "
                f"AUC {figures['cv_auc_perfect_tagger']:.3f}, Brier {figures['cv_brier_perfect_tagger']:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
