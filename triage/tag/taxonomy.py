"""The taxonomy: the tagger's rules as data, read from YAML, merged with a user's file, checked.

The default rules live in `triage/tag/taxonomy.yaml` (its header documents every key). A user extends
or overrides them with a YAML file of the same shape, given either as the `taxonomy=` argument of
`triage.tag.load_pipeline()` / `tag()` or in the `TRIAGE_TAXONOMY` environment variable (the argument
wins). The user file is merged over the default:

- under `tags.TAG` and `verticals.ID`, a rule with the `id` of a default rule replaces it, a new `id`
  is added, and a rule with `disabled: true` removes the default rule of that id;
- any other key (`modality`, `negation`, `quantities`, `boilerplate`, `window`) replaces the default
  value of that key, one level down (`negation.pseudo` replaces only the list of pseudo-negations).

Example, `my-taxonomy.yaml`:

    tags:
      platform_mandate:
        - id: platform_mandate.named          # replaces the default rule of that id
          phrases: [WordPress, Drupal, Sitecore, Liferay]
          requires: [built, "built on", mandate]
      integration:
        - id: integration.named_system
          disabled: true                      # switched off
        - id: integration.ours                # added
          phrases: ["Acme ERP", "Acme billing"]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from triage.errors import UsageError
from triage.types import ALL_TAGS, VERTICALS

ENV_VAR = "TRIAGE_TAXONOMY"
RULE_KEYS = frozenset(
    {
        "id",
        "phrases",
        "tokens",
        "requires",
        "forbids",
        "forbids_near",
        "min_distinct",
        "min_quantity",
        "max_quantity",
        "negatable",
        "negated_as",
        "disabled",
        "weight",
        "match",
        "preceded_by",
        "within",
    }
)


@dataclass(frozen=True)
class Rule:
    """One pattern of the taxonomy and the context it needs to count."""

    id: str
    label: str  # a tag id (or a vertical id for the rules under `verticals`)
    phrases: tuple[str, ...] = ()
    tokens: tuple[tuple[dict[str, Any], ...], ...] = ()
    requires: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    forbids_near: tuple[str, ...] = ()
    min_distinct: int = 1
    min_quantity: float | None = None
    max_quantity: float | None = None
    negatable: bool = True
    negated_as: str | None = None
    weight: float = 1.0
    match: str = "norm"  # how phrases compare: norm (inflections), lower (case only), exact
    preceded_by: tuple[str, ...] = ()  # one of these must stand at most `within` tokens before
    within: int = 5


@dataclass(frozen=True)
class Taxonomy:
    """The rules, plus the cue lists of modality, negation, quantities and boilerplate."""

    rules: tuple[Rule, ...]
    vertical_rules: tuple[Rule, ...]
    window: int = 6
    modality: dict[str, Any] = field(default_factory=dict)
    negation: dict[str, Any] = field(default_factory=dict)
    quantities: dict[str, list[str]] = field(default_factory=dict)
    boilerplate: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules + self.vertical_rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


def default_path() -> Path:
    """Where the default taxonomy file of the package lives."""
    return Path(str(resources.files("triage.tag").joinpath("taxonomy.yaml")))


# libyaml's safe loader where PyYAML was built with it: the pure-Python one takes about 0.5 s of
# every command's start-up on the taxonomy file. Both build only plain data (no Python objects).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except OSError as exc:
        raise UsageError(f"cannot read the taxonomy file: {exc.strerror or exc}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"the taxonomy file is not valid YAML: {exc}", path=str(path)) from exc
    if not isinstance(data, dict):
        raise UsageError("the taxonomy file must be a YAML mapping (tags:, modality:, ...)", path=str(path))
    return data


def _merge_rules(base: dict[str, list], extra: dict[str, list], where: str) -> dict[str, list]:
    merged = {label: list(rules or []) for label, rules in base.items()}
    for label, rules in (extra or {}).items():
        current = merged.setdefault(label, [])
        for rule in rules or []:
            if not isinstance(rule, dict) or "id" not in rule:
                raise UsageError(f"every rule under {where}.{label} needs an id")
            current[:] = [r for r in current if r.get("id") != rule["id"]]
            if not rule.get("disabled"):
                current.append(rule)
    return merged


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`extra` (a user's taxonomy) over `base` (the default), as the module docstring says."""
    out = dict(base)
    for key, value in extra.items():
        if key in ("tags", "verticals"):
            out[key] = _merge_rules(base.get(key) or {}, value or {}, key)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out


def _rule(raw: dict[str, Any], label: str, where: str) -> Rule:
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise UsageError(f"rule {raw.get('id')!r} under {where}.{label} has unknown keys: {sorted(unknown)}")
    if not raw.get("phrases") and not raw.get("tokens"):
        raise UsageError(f"rule {raw.get('id')!r} under {where}.{label} has neither phrases nor tokens")

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in raw.get(key) or ())

    negated_as = raw.get("negated_as")
    if negated_as is not None and negated_as not in ALL_TAGS:
        raise UsageError(f"rule {raw['id']!r}: negated_as {negated_as!r} is not a tag id")
    match = str(raw.get("match", "norm"))
    if match not in ("norm", "lower", "exact"):
        raise UsageError(f"rule {raw['id']!r}: match must be norm, lower or exact, not {match!r}")
    return Rule(
        match=match,
        id=str(raw["id"]),
        label=label,
        phrases=words("phrases"),
        tokens=tuple(tuple(p) for p in raw.get("tokens") or ()),
        requires=words("requires"),
        forbids=words("forbids"),
        forbids_near=words("forbids_near"),
        preceded_by=words("preceded_by"),
        within=int(raw.get("within", 5)),
        min_distinct=int(raw.get("min_distinct", 1)),
        min_quantity=raw.get("min_quantity"),
        max_quantity=raw.get("max_quantity"),
        negatable=bool(raw.get("negatable", True)),
        negated_as=negated_as,
        weight=float(raw.get("weight", 1.0)),
    )


def build(data: dict[str, Any], source: str = "") -> Taxonomy:
    """Check raw taxonomy data and turn it into a Taxonomy. Raises UsageError on a mistake."""
    rules: list[Rule] = []
    for label, raw_rules in (data.get("tags") or {}).items():
        if label not in ALL_TAGS:
            raise UsageError(f"unknown tag {label!r} in the taxonomy; the tags are: {', '.join(ALL_TAGS)}")
        rules.extend(_rule(r, label, "tags") for r in raw_rules or ())
    verticals: list[Rule] = []
    for label, raw_rules in (data.get("verticals") or {}).items():
        if label not in VERTICALS:
            raise UsageError(f"unknown vertical {label!r}; the verticals are: {', '.join(VERTICALS)}")
        verticals.extend(_rule(r, label, "verticals") for r in raw_rules or ())
    ids = [r.id for r in rules + verticals]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise UsageError(f"rule ids must be unique in the taxonomy; repeated: {', '.join(dupes)}")
    return Taxonomy(
        rules=tuple(rules),
        vertical_rules=tuple(verticals),
        window=int(data.get("window", 6)),
        modality=dict(data.get("modality") or {}),
        negation=dict(data.get("negation") or {}),
        quantities={k: list(v or ()) for k, v in (data.get("quantities") or {}).items()},
        boilerplate={k: list(v or ()) for k, v in (data.get("boilerplate") or {}).items()},
        source=source,
    )


def resolve(taxonomy: str | Path | None = None) -> str:
    """The user taxonomy path that applies: the argument, else $TRIAGE_TAXONOMY, else '' (default only)."""
    if taxonomy:
        return str(taxonomy)
    return os.environ.get(ENV_VAR, "")


@lru_cache(maxsize=8)
def load(user_path: str = "") -> Taxonomy:
    """The default taxonomy, with the user file at `user_path` merged over it when given."""
    data = _read(default_path())
    source = str(default_path())
    if user_path:
        path = Path(user_path).expanduser()
        data = merge(data, _read(path))
        source = f"{source} + {path}"
    return build(data, source)
