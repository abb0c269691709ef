"""Every labelled sentence set that takes the shared checks, with its Spec: the coverage minimums its
README section promises and which of the checks some sets take it takes. tests/test_sentence_sets.py runs
the checks over SPECS; a set's own checks (what that set exists for) stay in
tests/test_sentence_set_<name>.py. The records are read once a session, and the checks read the files'
shape and counts only: no failure prints another set's text, and none prints a held-out set's sentence."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sentence_checks import ANY_CUE, PROHIBITION, OtherTexts, WordBags
from test_sentence_set import DATA, load

README = DATA / "README.md"


@dataclass(frozen=True)
class Spec:
    """One sentence set and the minimums its README section promises. The first block holds for every
    set; a field of the second block left at its default (None, False, 0 or empty) means the set does not
    take that check (`prohibition` and `min_negation_forms` only set what min_prohibitions and
    negation_forms check)."""

    path: Path
    prefix: str  # of its ids: "h3-"
    section: str  # its README section's heading
    min_sentences: int
    min_positives: int  # per tag of ALL_TAGS
    min_traps: int  # per tag, counted from `about`
    min_negations: int  # per tag, counted from `about`
    min_per_modality: int = 25
    min_paraphrase_share: float = 0.25
    untagged_share: tuple[float, float] = (0.15, 0.30)
    min_multi_tag: int = 50
    min_with_number: int = 80

    # Checks only some sets take.
    # the set whose minimums these are (only the file, prefix and section differ)
    same_minimums_as: str | None = None
    min_requirement_positives: int | None = None  # per requirement tag
    min_trap_sentences: int | None = None
    min_negation_sentences: int | None = None
    negation_forms: tuple[str, ...] = ()  # forms a negation takes here ...
    min_negation_forms: int = 0  # ... of which the negations use at least this many
    prohibition: re.Pattern[str] = PROHIBITION  # "must never ...": a need, not a negation ...
    min_prohibitions: int | None = None  # ... stated with its tags at least this often
    min_paraphrases: int | None = None  # each carrying a tag
    min_refusals: int | None = None  # refused customisation: negated extensibility, positive turnkey
    negation_modality: bool = False  # "need not" is optional, a bare scope statement info
    need_not_unless: re.Pattern[str] | None = None  # "need not" is optional where none of these cues stands
    info_unless: re.Pattern[str] | None = None  # a sentence with none of these cues is info
    mandatory_when: re.Pattern[str] | None = None  # a sentence this matches at its start is mandatory
    user_stories_desirable: bool = False  # "As a ..., I want" is desirable unless a mandatory cue stands
    user_stories_by_verb: bool = False  # a story's "I need" is mandatory, "I want / would like" desirable
    # "we'd like / we want" is desirable unless a mandatory cue stands, an opening "We need" mandatory
    wishes_and_needs: bool = False
    registers: Mapping[str, tuple[re.Pattern[str], int]] = field(default_factory=dict)  # at least n each
    named_traps: Mapping[str, str] = field(default_factory=dict)  # phrase -> tag it imitates, untagged
    bought_out_of_scope: Mapping[str, str] = field(default_factory=dict)  # what -> regex, twice each
    min_fragments: int | None = None  # headings and table cells: at most eight words, untagged
    min_untagged_plain: int | None = None  # boilerplate: plain sentences without a tag
    full_table: bool = False  # every README table row equal to sentence_checks.count_rows
    plain_json_lines: bool = False  # one compact object a line, keys in the README's order

    def __post_init__(self) -> None:
        # a check whose minimum is left at its default could never fail: set the two together
        if bool(self.negation_forms) != bool(self.min_negation_forms):
            raise ValueError(f"{self.prefix}: negation_forms and min_negation_forms go together")


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, flags=re.IGNORECASE)


# Modality cues (README, "Labelling rules and decisions").
# tune9: the buyer's hopes, aims and goals are cues too
ANY_CUE_TUNE9 = _ci(
    r"\b(shall|must|requir\w*|needs?|needed|has to|have to|had to|is to be|are to be|mandat\w*|will|won't"
    r"|should|prefer\w*|desir\w*|ideally|would like|'d like|wants?|would rather|'d rather|advantage|may|might"
    r"|optional\w*|nice[- ]to[- ]have|hope\w*|aim|goal|ambition|wish\w*|would love|could|would help|expect\w*"
    r"|keen)\b"
)
# tune16: non-native writers' words for "must" count as mandatory cues (README, the tune16 decisions)
ANY_CUE_TUNE16 = _ci(ANY_CUE.pattern + r"|\b(obligatory|compulsory|is requested|are requested)\b")
# holdout7 (and the sets with its minimums)
MODAL_CUES_HOLDOUT7 = _ci(
    r"\b(shall|must|should|will|may|need|needs|needed|required|requires|require|is to be|are to be|preferred"
    r"|ideally|want|wants|would like|we'd like|would rather|looking for|mandatory|could|won't|optional"
    r"|desirable|has to|have to|expected|nice to have|nice-to-have|prefers)\b"
)
STRONGER_THAN_NEED_NOT = _ci(r"\b(shall|must|required|should)\b")
USER_STORY_WANT = _ci(r"^As an? [^,]+, I want\b")
USER_STORY_ANY = _ci(r"^(\S+ \| )*as an? [^,]+, i (want|need|would like)\b")
WE_WOULD_LIKE = _ci(r"\b(we'd like|we would like|we want|we would rather|we'd rather)\b")
WE_NEED = _ci(r"^(we|i) (really |just |also |only )?need\b")

# Forms a negation takes; a set whose negations all read "is not required" would test little.
HELD_OUT_NEGATION_FORMS = (
    "not required",
    "out of scope",
    "need not",
    "will not",
    "excluded",
    "not part of",
    "deferred",
    "procured separately",
    "won't have",
    "no requirement",
    "not sought",
    "not needed",
    "not in scope",
    "should not",
    "falls outside",
    "no longer",
    "neither",
    "no ",
)

HOLDOUT3 = Spec(
    path=DATA / "sentences_holdout3.jsonl",
    prefix="h3-",
    section="## The third held-out set (sentences_holdout3.jsonl)",
    min_sentences=420,
    min_positives=18,
    min_traps=5,
    min_negations=3,
)
HOLDOUT4 = Spec(
    path=DATA / "sentences_holdout4.jsonl",
    prefix="h4-",
    section="## The fourth held-out set (sentences_holdout4.jsonl)",
    min_sentences=450,
    min_positives=20,
    min_traps=5,
    min_negations=4,
    negation_forms=(
        "not required",
        "out of scope",
        "need not",
        "will not",
        "excluded",
        "not part of",
        "should not",
        "no ",
        "not needed",
        "not mandated",
        "not in scope",
    ),
    min_negation_forms=7,
    prohibition=_ci(r"\b(must|shall|should) (not|never)\b|\bmust never\b|\bcannot have\b"),
    min_prohibitions=8,
)
HOLDOUT5 = Spec(
    path=DATA / "sentences_holdout5.jsonl",
    prefix="h5-",
    section="## The fifth held-out set (sentences_holdout5.jsonl)",
    min_sentences=500,
    min_positives=20,
    min_traps=5,
    min_negations=4,
    min_multi_tag=60,
    min_with_number=80,
    negation_forms=HELD_OUT_NEGATION_FORMS,
    min_negation_forms=14,
    min_prohibitions=15,
    negation_modality=True,
)
HOLDOUT6 = Spec(
    path=DATA / "sentences_holdout6.jsonl",
    prefix="h6-",
    section="## The sixth held-out set (sentences_holdout6.jsonl)",
    min_sentences=520,
    min_positives=20,  # every tag, walk-away signals included
    min_traps=5,
    min_negations=4,
    min_per_modality=30,
    untagged_share=(0.20, 0.30),
    min_multi_tag=65,
    min_with_number=120,
    min_requirement_positives=28,
    min_paraphrases=135,
    negation_forms=HELD_OUT_NEGATION_FORMS,
    min_negation_forms=16,
    min_prohibitions=15,
    negation_modality=True,
    min_refusals=8,
)
# The seventh set adds the registers of real procurement documents; the eighth and ninth take its minimums.
HOLDOUT7 = Spec(
    path=DATA / "sentences_holdout7.jsonl",
    prefix="h7-",
    section="## The seventh held-out set (sentences_holdout7.jsonl)",
    min_sentences=520,
    min_positives=20,  # every tag, walk-away signals included
    min_traps=5,
    min_negations=4,
    min_per_modality=30,
    untagged_share=(0.20, 0.30),
    min_multi_tag=70,
    min_with_number=130,
    min_requirement_positives=28,
    min_paraphrases=135,
    negation_forms=HELD_OUT_NEGATION_FORMS,
    min_negation_forms=17,
    min_prohibitions=15,
    negation_modality=True,
    min_refusals=8,
    registers={
        "user story": (USER_STORY_ANY, 25),
        "statement of work": (_ci(r"\bthe contractor (shall|will)\b"), 30),
        "RFI question": (_ci(r"^(rfi )?q\d*[:.]|^(describe|please (explain|describe|give))\b"), 20),
        "US federal wording": (
            _ci(r"\b(fedramp|section 508|nist|login\.gov|offerors?|contracting officer|far \d|cor\b|clin)"),
            35,
        ),
    },
    min_untagged_plain=40,  # instructions, invoicing, clauses, evaluation
    user_stories_by_verb=True,
    info_unless=MODAL_CUES_HOLDOUT7,
    full_table=True,
)
HOLDOUT8 = dataclasses.replace(
    HOLDOUT7,
    path=DATA / "sentences_holdout8.jsonl",
    prefix="h8-",
    section="## The eighth held-out set (sentences_holdout8.jsonl)",
    same_minimums_as="holdout7",
)
HOLDOUT9 = dataclasses.replace(
    HOLDOUT7,
    path=DATA / "sentences_holdout9.jsonl",
    prefix="h9-",
    section="## The ninth held-out set (sentences_holdout9.jsonl)",
    same_minimums_as="holdout7",
)

TUNE4 = Spec(
    path=DATA / "sentences_tune4.jsonl",
    prefix="t4-",
    section="## tune4: a training set for the trained tag classifier",
    min_sentences=600,
    min_positives=25,
    min_traps=6,
    min_negations=5,
    min_per_modality=40,
    min_paraphrase_share=0.20,
    untagged_share=(0.15, 0.25),
    min_multi_tag=80,
    min_with_number=80,
    negation_forms=(
        "not required",
        "out of scope",
        "need not",
        "will not",
        "excluded",
        "not part of",
        "deferred",
        "procured separately",
        "n/a",
        "won't have",
        "no longer",
        "neither",
        "falls outside",
        "do not want",
        "no requirement",
        "handled by",
        "not in scope",
        "not sought",
        "should not",
    ),
    min_negation_forms=15,
    plain_json_lines=True,
)
TUNE5 = Spec(
    path=DATA / "sentences_tune5.jsonl",
    prefix="t5-",
    section="## tune5: a second training set for the trained tag classifier",
    min_sentences=600,
    min_positives=25,
    min_traps=6,
    min_negations=5,
    min_per_modality=40,
    min_paraphrase_share=0.05,
    untagged_share=(0.15, 0.25),
    min_multi_tag=80,
    min_with_number=80,
    negation_forms=(
        "not required",
        "out of scope",
        "need not",
        "will not",
        "excluded",
        "not part of",
        "deferred to",
        "procured separately",
        "n/a",
        "won't have",
        "no longer needed",
        "falls outside",
        "there is no requirement",
        "is not sought",
        "does not intend",
        "not in scope",
    ),
    min_negation_forms=14,
)
TUNE6 = Spec(
    path=DATA / "sentences_tune6.jsonl",
    prefix="t6-",
    section="## tune6: document-like text for the trained tag classifier",
    min_sentences=650,
    min_positives=6,
    min_traps=4,
    min_negations=2,
    min_per_modality=25,
    min_paraphrase_share=0.02,
    untagged_share=(0.60, 0.80),
    min_multi_tag=30,
    min_with_number=120,
    min_trap_sentences=200,  # decoy words in their procurement sense (tagged or not)
    min_negation_sentences=40,  # "is not required", "not part of", "need not", "excluded", Q&A "No"
    min_fragments=60,
    mandatory_when=_ci(
        r"(The )?(Offerors?|Bidders?|Proposers?|Tenderers?|Respondents?|Vendors?|Contractor|Supplier|SI)"
        r"('s [a-z ]+)? (shall|must)\b"
    ),
    plain_json_lines=True,
)
TUNE7 = Spec(
    path=DATA / "sentences_tune7.jsonl",
    prefix="t7-",
    section="## tune7: software requirement specifications (SRS) register",
    min_sentences=650,
    min_positives=6,
    min_traps=2,
    min_negations=1,
    min_per_modality=30,
    min_paraphrase_share=0.10,
    untagged_share=(0.30, 0.50),
    min_multi_tag=50,
    min_with_number=80,
    min_negation_sentences=40,
    need_not_unless=STRONGER_THAN_NEED_NOT,
    plain_json_lines=True,
)
TUNE8 = Spec(
    path=DATA / "sentences_tune8.jsonl",
    prefix="t8-",
    section="## tune8: negation, its scope, and negative words that are not negation",
    min_sentences=580,
    min_positives=13,
    min_traps=10,
    min_negations=14,
    min_per_modality=25,
    min_paraphrase_share=0.02,
    untagged_share=(0.35, 0.50),
    min_multi_tag=45,
    min_with_number=90,
    plain_json_lines=True,
)
TUNE9 = Spec(
    path=DATA / "sentences_tune9.jsonl",
    prefix="t9-",
    section="## tune9: needs in the buyer's own words",
    min_sentences=580,
    min_positives=15,
    min_traps=6,
    min_negations=2,
    min_per_modality=15,
    min_paraphrase_share=0.60,
    untagged_share=(0.20, 0.35),
    min_multi_tag=80,
    min_with_number=150,
    info_unless=ANY_CUE_TUNE9,
    wishes_and_needs=True,
    plain_json_lines=True,
)
TUNE10 = Spec(
    path=DATA / "sentences_tune10.jsonl",
    prefix="t10-",
    section="## tune10: the tags that generalise worst",
    min_sentences=500,
    min_positives=6,
    min_traps=1,
    min_negations=1,
    min_per_modality=20,
    min_paraphrase_share=0.45,
    untagged_share=(0.25, 0.40),
    min_multi_tag=50,
    min_with_number=100,
    info_unless=ANY_CUE,
    wishes_and_needs=True,
    plain_json_lines=True,
)
TUNE11 = Spec(
    path=DATA / "sentences_tune11.jsonl",
    prefix="t11-",
    section="## tune11: the register of real procurement documents",
    min_sentences=650,
    min_positives=8,
    min_traps=1,
    min_negations=1,
    min_per_modality=25,
    min_paraphrase_share=0.05,
    untagged_share=(0.35, 0.45),
    min_multi_tag=55,
    min_with_number=150,
    min_trap_sentences=110,  # procurement words in their other sense: panel workflow, clearances, badges
    min_negation_sentences=20,
    min_fragments=60,
    named_traps={
        "workflow of the evaluation": "workflow",
        "security clearance": "security_ops",
        "integration of the": "integration",
        "access badges": "access_control",
        "scale of the effort": "scale",
    },
    bought_out_of_scope={
        "bottled water": r"bottle",
        "infrastructure hosting only": r"\bIaaS\b|Infrastructure as a Service",
        "managed security services": r"managed security|\bMSSP\b|Security Operations Center as a service",
        "staff augmentation": r"staff augmentation|labor only|qualified labor",
        "office support": r"\bmail\b|visitor badges?",
        "construction": r"construct|renovat",
    },
    mandatory_when=_ci(
        r"(The )?(Offerors?|Bidders?|Proposers?|Respondents?|Vendors?|Contractor|Provider|Consultant)"
        r"('s [a-z ]+)? (shall|must)\b"
    ),
    info_unless=ANY_CUE,
    user_stories_desirable=True,
    plain_json_lines=True,
)
TUNE12 = Spec(
    path=DATA / "sentences_tune12.jsonl",
    prefix="t12-",
    section="## tune12: negation in the register of real procurement documents",
    min_sentences=450,
    min_positives=10,
    min_traps=0,
    min_negations=8,  # every tag id of ALL_TAGS negated at least this often (counted from `about`)
    min_per_modality=40,
    min_paraphrase_share=0.05,
    untagged_share=(0.38, 0.50),
    min_multi_tag=70,
    min_with_number=85,
    info_unless=ANY_CUE,
    full_table=True,
    plain_json_lines=True,
)
TUNE13 = Spec(
    path=DATA / "sentences_tune13.jsonl",
    prefix="t13-",
    section="## tune13: account services, workflow, user roles, B2B portals and out-of-scope procurements",
    min_sentences=490,
    min_positives=5,
    min_traps=1,
    min_negations=1,
    min_per_modality=25,
    min_paraphrase_share=0.10,
    untagged_share=(0.30, 0.40),
    min_multi_tag=70,
    min_with_number=80,
    min_negation_sentences=40,
    min_paraphrases=1,
    negation_modality=True,
    registers={
        "user stories": (USER_STORY_WANT, 25),
        "requirement-matrix rows": (re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-?\d+ \| "), 30),
        "Q&A answers": (re.compile(r"\bA\d*[:.] "), 15),
        "US SOW / PWS / SOO sentences": (
            re.compile(r"\b(Contractor|Offeror|Government|COR|Agency|State)\b"),
            50,
        ),
    },
    named_traps={
        "evaluation panel": "user_roles",
        "key personnel": "user_roles",
        "procurement portal": "b2b_portal",
        "tender portal": "b2b_portal",
        "portal frame": "b2b_portal",
        "register on": "account_services",
        "account manager": "account_services",
        "methodology": "workflow",
        "claims for payment": "workflow",
        "print style sheet": "out_of_scope",
    },
    bought_out_of_scope={
        "hardware": r"laptop|hardware|tablets|desktop|printers\b|kiosk",
        "printing": r"\bprint",
        "staffing": r"staff augmentation|agency staff|temporary staff|staffing|labor only",
        "construction": r"construct|renovat|fit-out|refurbish",
        "janitorial": r"janitorial|cleaning",
        "call centre": r"call cent|contact cent|call-cent|contact-cent",
        "bottled water": r"bottle",
    },
    mandatory_when=_ci(
        r"(The )?(Offerors?|Bidders?|Tenderers?|Proposers?|Respondents?|Vendors?|Contractor|Supplier|Provider)"
        r"('s [a-z ]+)? (shall|must)\b"
    ),
    info_unless=ANY_CUE,
    user_stories_desirable=True,
    plain_json_lines=True,
)
TUNE14 = Spec(
    path=DATA / "sentences_tune14.jsonl",
    prefix="t14-",
    section="## tune14: the register of software requirements specifications",
    min_sentences=640,
    min_positives=15,
    min_traps=4,
    min_negations=3,
    min_per_modality=25,
    min_paraphrase_share=0.10,
    untagged_share=(0.28, 0.38),
    min_multi_tag=60,
    min_with_number=100,
    min_negation_sentences=50,
    min_paraphrases=1,
    negation_modality=True,
    need_not_unless=STRONGER_THAN_NEED_NOT,
    registers={
        "system / product / application shall or must": (
            re.compile(
                r"\bThe (system|product|application|app|platform|site|portal|software)\b[^.]*?\b(shall|must)\b"
            ),
            50,
        ),
        "users able to": (re.compile(r"\b(shall|must|should|may) be able to\b"), 50),
        "only X shall / can": (re.compile(r"\bOnly\b[^.]*?\b(shall|must|can|may)\b"), 12),
        "user stories": (USER_STORY_WANT, 30),
        "numbered lines": (re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-\d+[a-z]?\b"), 50),
        "imperative backlog lines": (
            re.compile(
                r"^(?:[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+:? )?(Add|Allow|Let|Show|Send|Lock|Keep|Hide|Record"
                r"|Store|Remove|Limit|Notify|Block|Encrypt|Export|Import|Support|Provide|Display|Log|Make|Offer"
                r"|Ask|Require|Delete|Mask|Warn|Email|E-mail|Print|Check|Use|Give|Translate|Sync|Route|Flag)\b"
            ),
            20,
        ),
    },
    # words that look like a security tag in another sense
    named_traps={
        "step-free access": "access_control",
        "key fob": "access_control",
        "bank account": "account_services",
        "sign in at reception": "account_services",
        "style guide": "compliance",
        "tone-of-voice guide": "compliance",
        "error log": "security_ops",
        "security guard": "security_ops",
    },
    info_unless=ANY_CUE,  # a backlog line "Add CSV export to the reports page" has no requirement word
    user_stories_desirable=True,
    plain_json_lines=True,
)
TUNE15 = Spec(
    path=DATA / "sentences_tune15.jsonl",
    prefix="t15-",
    section="## tune15: the six tags recall misses, said in many words, and accounts that are not accounts",
    min_sentences=640,
    min_positives=5,
    min_traps=1,
    min_negations=1,
    min_per_modality=25,
    min_paraphrase_share=0.10,
    untagged_share=(0.25, 0.38),
    min_multi_tag=60,
    min_with_number=100,
    min_negation_sentences=60,
    min_paraphrases=1,
    min_refusals=5,
    negation_modality=True,
    need_not_unless=_ci(r"\b(shall|must|required|should|will)\b"),
    registers={
        "requirement rows": (re.compile(r"^[A-Z][A-Za-z0-9]*(-[A-Z0-9]+)*-?\d* \| .+ \| .+"), 15),
        "user stories": (USER_STORY_WANT, 15),
        "questions to bidders": (re.compile(r"^(B\.\d+ |Q\d+ \| )?(Describe|How|Is|Can|Please)\b|\?$"), 8),
        "contractor / supplier shall": (
            re.compile(
                r"\bThe (Contractor|Supplier|supplier|contractor|Provider|provider|vendor)\b[^.]*?\b(shall|must|will)\b"
            ),
            40,
        ),
        "the buyer's we / our": (re.compile(r"\b(We|we|Our|our)\b"), 100),
    },
    mandatory_when=re.compile(r"^(Bidders|Tenderers|The Contractor|The Supplier|Each bidder) (shall|must)\b"),
    info_unless=ANY_CUE,
    user_stories_desirable=True,
    plain_json_lines=True,
)
TUNE16 = Spec(
    path=DATA / "sentences_tune16.jsonl",
    prefix="t16-",
    section="## tune16: recall on registers and words the rules never met",
    min_sentences=690,
    min_positives=30,
    min_traps=6,
    min_negations=5,
    min_per_modality=25,
    min_paraphrase_share=0.17,
    untagged_share=(0.28, 0.38),
    min_multi_tag=70,
    min_with_number=150,
    min_negation_sentences=85,
    negation_forms=(
        "not required",
        "no ",
        "not ",
        "none",
        "need not",
        "out of scope",
        "excluded",
        "not part of",
        "without",
        "nor ",
        "never",
        "do not",
        "does not",
        "is not",
        "not in scope",
        "will not",
        "rather than",
        "instead of",
        "no longer",
        "not needed",
    ),
    min_negation_forms=12,
    min_paraphrases=1,
    negation_modality=True,
    need_not_unless=STRONGER_THAN_NEED_NOT,
    registers={
        "minutes actions": (re.compile(r"^Action: "), 15),
        "Q&A answers": (re.compile(r"^(Q|Query )\d+: .+\? (A|Reply): "), 50),
        "evaluation criteria": (re.compile(r"^Criterion \d"), 12),
        "slide bullets (no closing stop)": (re.compile(r"[^.?!]$"), 70),
        "non-native phrasing": (
            _ci(
                r"\b(permit to|in the frame of|foreseen|foresee|dispose of|has to happen|shall can|must can"
                r"|it is requested|in conformity with|the respect of|according to their profile|realised on"
                r"|realise their|is admitted|will not be retained|actual system)\b"
            ),
            20,
        ),
        "vision statement": (_ci(r"\b(vision|imagine|in 2030|by 2030)\b"), 15),
    },
    named_traps={
        "scale of": "scale",
        "procurement portal": "b2b_portal",
        "bank account": "account_services",
        "into account": "account_services",
        "roles and responsibilities": "user_roles",
        "bid security": "security_ops",
        "card access": "access_control",
        "board approval": "workflow",
        "evaluation panel": "workflow",
        "site visit": "multi_site",
    },
    # "Tenderers must ...", "The bidder shall ...": boilerplate keeps its modality
    mandatory_when=re.compile(
        r"(Tenderers|Bidders|The bidder|Proponents|Respondents)\b[^.;]*\b(shall|must)\b"
    ),
    info_unless=ANY_CUE_TUNE16,
    plain_json_lines=True,
)

SPECS: dict[str, Spec] = {
    "holdout3": HOLDOUT3,
    "holdout4": HOLDOUT4,
    "holdout5": HOLDOUT5,
    "holdout6": HOLDOUT6,
    "holdout7": HOLDOUT7,
    "holdout8": HOLDOUT8,
    "holdout9": HOLDOUT9,
    "tune4": TUNE4,
    "tune5": TUNE5,
    "tune6": TUNE6,
    "tune7": TUNE7,
    "tune8": TUNE8,
    "tune9": TUNE9,
    "tune10": TUNE10,
    "tune11": TUNE11,
    "tune12": TUNE12,
    "tune13": TUNE13,
    "tune14": TUNE14,
    "tune15": TUNE15,
    "tune16": TUNE16,
}


def names_where(field_name: str) -> list[str]:
    """The names of the sets that take the check a Spec field of the second block stands for (the field
    is set: not None, False, 0 or empty)."""
    return [name for name, spec in SPECS.items() if getattr(spec, field_name) not in (None, False, (), {})]


@functools.cache
def _load(path: Path) -> tuple[dict, ...]:
    return tuple(load(path))


def load_set(name: str) -> list[dict]:
    """The records of the set `name` (read once a session: do not change them)."""
    return list(_load(SPECS[name].path))


def other_texts(name: str) -> OtherTexts:
    """The sentences of every other sentences_*.jsonl in tests/data (dev, holdout, tune and any later set)
    beside the set `name`; their repr hides them, so a failure never prints their wording."""
    own = SPECS[name].path.name
    texts = OtherTexts()
    for path in sorted(DATA.glob("sentences_*.jsonl")):
        if path.name != own:
            texts += [rec["text"] for rec in _load(path)]
    return texts


@functools.cache
def _every_sentence() -> tuple[list[str], WordBags]:
    """The file name of every sentence of every sentences_*.jsonl in tests/data, and their bags of words,
    indexed once a session for the near-copy checks of all the sets."""
    names: list[str] = []
    texts: list[str] = []
    for path in sorted(DATA.glob("sentences_*.jsonl")):
        records = _load(path)
        names += [path.name] * len(records)
        texts += [rec["text"] for rec in records]
    return names, WordBags(texts)


def near_other_sets(name: str) -> Callable[[set[str]], bool]:
    """Whether a bag of words shares 80 % of the words of the two together with a sentence of one of the
    other sets (the sentences other_texts(name) gives), from the one index of every set's sentences."""
    own = SPECS[name].path.name
    files, bags = _every_sentence()
    return lambda bag: any(files[i] != own for i in bags.close_to(bag))


def records_of(name: str):
    """A module-scoped `records` fixture for the set `name`: a set's own test file says
    `records = records_of("tune7")` and its tests take `records`."""

    @pytest.fixture(scope="module", name="records")
    def records() -> list[dict]:
        return load_set(name)

    return records
