"""The words the negation rules compare token norms with (negation.py and its helpers).

Each is a set of hashed NORMs (or one hash), built once at import: the words are passed through the
same normaliser as the tokens (`norm("shall")` -> "shal"), so a set holds what a token's `norm` is.
The cue phrases themselves are data in the taxonomy (`negation:`); these are the words the rules
around the cues look for: clause breaks, modal and requirement words, who provides, answer marks
and labels of tables and Q&A, the words of today's situation, and so on. A comment above a set says
what it is for where its name does not.
"""

from __future__ import annotations

import re

from spacy.strings import hash_string

from triage.tag.normalise import norm

COLON = hash_string(":")
COMMA = hash_string(",")
CAN = hash_string(norm("can"))
BAR = hash_string("|")
NON = hash_string(norm("non"))
HYPHEN = hash_string("-")
# "drag and drop" / "dragging and dropping" is a way of building, not a thing "dropped" (abandoned)
DRAG = hash_string(norm("drag"))
DROP = hash_string(norm("drop"))
STOP_MARKS = {hash_string(w) for w in (";", ":", ".")}
HEADS = ("clause", "weak", "forward", "forward_short", "forward_np")
PAIN_GROUPS = ("forward", "forward_np", "weak")
WHICH = hash_string("which")
RATHER = hash_string(norm("rather"))
WITH = hash_string(norm("with"))
TO = hash_string("to")
TO_FOR = {TO, hash_string("for")}
PROVIDED = {
    hash_string(norm(w))
    for w in (
        "needed",
        "required",
        "wanted",
        "planned",
        "foreseen",
        "envisaged",
        "expected",
        "included",
        "connected",
        "integrated",
        "provided",
        "offered",
        "supported",
        "built",
        "developed",
        "delivered",
        "implemented",
        "evaluated",
        "necessary",
        "mandatory",
        "sought",
        "requested",
        "procured",
        "purchased",
    )
}
BE = hash_string(norm("be"))
BEING = hash_string(norm("being"))
NEED = hash_string(norm("need"))
# verbs whose subject provides what their object names: "The extranet will not offer SSO" excludes
# SSO, not the extranet
OBJECT_VERBS = {
    hash_string(norm(w))
    for w in (
        "offer",
        "include",
        "contain",
        "provide",
        "support",
        "feature",
        "expose",
        "host",
        "supply",
        "deliver",
        "pay",
    )
}
BE_FORMS = {hash_string(norm(w)) for w in ("is", "are", "was", "were", "be", "been", "being")}
RELATIVES = {hash_string(norm(w)) for w in ("that", "which", "who")}
REASONS = {hash_string(norm(w)) for w in ("as", "since", "because", ";")}
# words of a clause that puts something in scope: "...; integration with Salesforce is in scope"
IN_SCOPE = {
    hash_string(norm(w))
    for w in (
        "scope",
        "included",
        "includes",
        "include",
        "covers",
        "cover",
        "priority",
        "want",
        "wants",
        "sought",
    )
}
# "will keep / continue / remain" after a modal is today's way carried on, not a requirement of its own
STATUS_QUO = {hash_string(norm(w)) for w in ("keep", "continue", "remain", "stay", "carry")}
# words that make a clause a requirement of its own, beside the modal verbs
DEMANDS = {
    hash_string(norm(w))
    for w in (
        "required",
        "requirement",
        "mandatory",
        "mandated",
        "need",
        "needed",
        "necessary",
        "compulsory",
        "essential",
        "expected",
    )
}
# "as" that does not give a reason: "as described in Section 4", "as well as", "as follows"
NOT_REASONS = {
    hash_string(norm(w))
    for w in (
        "described",
        "follows",
        "set",
        "well",
        "per",
        "stated",
        "outlined",
        "defined",
        "specified",
        "noted",
        "shown",
        "listed",
        "detailed",
        "explained",
        "such",
        "part",
        "appropriate",
        "needed",
        "required",
        "necessary",
        "applicable",
    )
}
# breaks after which a clause may point back at what the clause before it named
BACK_BREAKS = {hash_string(norm(w)) for w in (";", "but", "however", "whereas")}
# a clause that starts with these has its subject left out: "WordPress is used today but is not ..."
LEFT_OUT = {hash_string(norm(w)) for w in ("is", "are", "was", "were", "does", "do", "not", "need")}
# the object pronouns a later clause points back with: "..., but the portal must sync contacts with it"
# (_used_later, _asked_back); any pronoun that points back (_used_after)
BACK_OBJECTS = frozenset({"it", "them"})
BACK_OBJECT_NORMS = {hash_string(norm(w)) for w in BACK_OBJECTS}
PRONOUNS = {hash_string(norm(w)) for w in BACK_OBJECTS | {"they", "those", "these"}}
# the modal verbs, once: the sets below are built from this one
MODAL_WORDS = frozenset({"shall", "must", "will", "should", "may", "can", "could", "would", "might"})
# modals of a rule, not of a forecast ("will") nor of what is done today
MUST_WORDS = frozenset({"shall", "must", "should"})
# modal verbs that make a clause a requirement ("may" and "can" describe what is done today)
REQUIRING = {hash_string(norm(w)) for w in MUST_WORDS | {"will"}}
# verbs of access: what someone may see or change (a "but not" after one forbids: negation_scopes, answers)
ACCESS_WORDS = frozenset({"see", "view", "access", "read", "edit", "change", "modify", "delete", "download"})
ACCESS_VERBS = {hash_string(norm(w)) for w in ACCESS_WORDS}
# whose data a question of leave asks about: someone else's ("each other's", "another", "other")
OTHERS_WORDS = frozenset({"other", "another", "others", "other's", "others'"})
# what a vendor may be spared making or supplying while the solution must still use it (_used_after)
MADE = {
    hash_string(norm(w))
    for w in (
        "build",
        "built",
        "develop",
        "developed",
        "supply",
        "supplied",
        "provide",
        "provided",
        "deliver",
    )
}
USE_WORDS = frozenset({"use", "call", "consume", "connect", "read", "query"})
USES = {hash_string(norm(w)) for w in USE_WORDS}
AS = hash_string(norm("as"))
# who provides the solution: what they are "not asked to" do is excluded
PROVIDERS = {
    hash_string(norm(w))
    for w in (
        "supplier",
        "contractor",
        "vendor",
        "bidder",
        "tenderer",
        "provider",
        "offeror",
        "bidders",
        "suppliers",
    )
}
# what a provider does under a contract: "The Contractor shall not administer / configure ..." leaves it out
SOW_VERBS = {
    hash_string(norm(w))
    for w in (
        "administer",
        "design",
        "configure",
        "run",
        "operate",
        "maintain",
        "migrate",
        "perform",
        "conduct",
        "manage",
        "install",
        "deploy",
        "undertake",
        "license",
        "set",
        "carry",
        "produce",
        "create",
        "write",
        "test",
        "monitor",
    )
}
AND = hash_string(norm("and"))
ONLY = {hash_string(norm(w)) for w in ("only", "just", "except")}
# a question whether a need may be dropped, which an answer "No" keeps
DROPPED = {
    hash_string(norm(w))
    for w in (
        "ignored",
        "dropped",
        "skipped",
        "omitted",
        "waived",
        "deferred",
        "excluded",
        "removed",
        "postponed",
    )
}
CONDITIONS = {hash_string(norm(w)) for w in ("unless", "if")}
# words that make "will not order through the portal" describe today or a condition, no exclusion
# ("do not order through the portal today", "will not order ... unless it shows their prices")
NOT_YET_WORDS = frozenset({"today", "currently", "yet", "until", "unless", "if"})
# the ninth round's cues that tell what people or systems do ("will not talk to", "nobody logs in",
# "is left out"): words that mark them, and the subjects that make "is left out" a double negation
TELLING_CUE_WORDS = {hash_string(norm(w)) for w in ("talk", "left", "nobody", "logs", "signs")}
LEFT = hash_string(norm("left"))
ONE = hash_string(norm("one"))
NOBODY_SUBJECTS = {hash_string(norm(w)) for w in ("no", "nobody", "none", "neither")}
BUT = {hash_string(norm(w)) for w in ("but", "whereas")}
YES = hash_string(norm("yes"))
# "follows in Phase 2", "belongs to Lot 1": a cue that ends in a phase's or lot's number
PHASE = {hash_string(norm(w)) for w in ("phase", "lot")}
WITHOUT = hash_string(norm("without"))
IT = hash_string(norm("it"))
FOR_THAT = {hash_string(norm(w)) for w in ("for", "that")}
ASKS = {hash_string(norm(w)) for w in ("ask", "require", "force", "make", "expect", "oblige", "compel")}
# a "no X would be visible / accessible" forbids who sees X: a requirement, no exclusion
VISIBLE = {hash_string(norm(w)) for w in ("visible", "accessible", "readable", "viewable", "shown")}
PERSONS = {hash_string(norm(w)) for w in ("we", "they", "you")}
DO_FORMS = {hash_string(norm(w)) for w in ("do", "does", "did")}
# words that start a clause of their own before "we do not": "so we do not need SSO"
LINKS = {
    hash_string(norm(w))
    for w in [
        "and",
        "or",
        "but",
        "so",
        "because",
        "as",
        "since",
        "if",
        "that",
        "which",
        "where",
        "when",
        "then",
        "yet",
        "therefore",
        "now",
        "thus",
        "hence",
        "today",
        "currently",
        "also",
        "still",
        "why",
        "what",
        "how",
    ]
}
SEMICOLON = hash_string(";")
# words that say today's way goes on: "that already works well", "will keep doing so"
KEPT = {
    hash_string(norm(w))
    for w in ("already", "keep", "keeps", "continue", "continues", "still", "stay", "stays")
}
# words that still give someone something of their own: no audiences alike then
DIFFERENCE = {
    hash_string(norm(w))
    for w in (
        "different",
        "differently",
        "differ",
        "own",
        "separate",
        "tailored",
        "tailor",
        "each",
        "only",
        "whereas",
        # "must tell apart what an inspector, a contractor and an employee may download from the same
        # project area": the audiences are to be told apart
        "apart",
        "distinguish",
        "distinguishes",
    )
}
# what "the same" of audiences can be without being the same view: one login, one moment
SAME_NOT_VIEW = {
    hash_string(norm(w))
    for w in (
        "credentials",
        "credential",
        "password",
        "passwords",
        "login",
        "logins",
        "log",
        "sign",
        "sso",
        "mfa",
        "username",
        "usernames",
        "account",
        "accounts",
        "identity",
        "id",
        "time",
        "day",
        "moment",
    )
}
QUESTION = hash_string("?")
NO = hash_string("no")
NOT = hash_string("not")
NOT_ONLY = {
    hash_string(norm(w))
    for w in (
        "only",
        "just",
        "merely",
        "simply",
        "limited",
        "least",
        "all",
        "every",
        "everyone",
        "everybody",
        "many",
        "much",
    )
}
# a subject that names the lack of a thing ("Non-compliance with the GDPR", "Any failure to encrypt",
# "Lack of SSO"): "not acceptable" of it is a double negation, a need for the thing
LACKS = {hash_string(norm(w)) for w in ("lack", "absence", "failure", "failing", "inability", "omission")}
# the first word of a subject that names a practice, not a thing offered: "Manual re-keying", "Shared
# administrator accounts", "Unencrypted transfer of ...": "not acceptable" of it forbids the practice,
# a need for what replaces it (not "A separate partner portal is not acceptable")
PRACTICES = {
    hash_string(norm(w))
    for w in (
        "manual",
        "manually",
        "shared",
        "generic",
        "duplicate",
        "double",
        "unencrypted",
        "paper",
        "spreadsheet",
        "spreadsheets",
    )
}
# ... or a failure: "Unplanned downtime", "Any loss of application data", "A data breach", "Delays in"
FAILURES = {
    hash_string(norm(w))
    for w in (
        "downtime",
        "unplanned",
        "outage",
        "outages",
        "loss",
        "breach",
        "breaches",
        "delay",
        "delays",
        "disruption",
        "disruptions",
        "leak",
        "leaks",
        "leakage",
        "errors",
    )
}
# the words that open a relative clause of failure: "a portal that cannot scale", "that does not
# support", "that never loads", "that fails to integrate", "that is unable to", "that lacks SSO":
# "not acceptable" of the thing that fails forbids the failure, a need for what it fails at
FAILS_TO = {
    hash_string(norm(w)) for w in ("not", "n't", "never", "cannot", "fail", "unable", "lack", "lacking")
}
# the words that open the manner of a thing: "Integration with SAP via nightly file transfer",
# "Single sign-on through a second identity store", "by means of", "by way of": "not acceptable" of
# a thing done that way refuses the way, not the thing
MANNERS = {hash_string(norm(w)) for w in ("via", "through", "using")}
MEANS = {hash_string(norm(w)) for w in ("means", "way")}
BY = hash_string(norm("by"))
# "in clear text", "in plain text": how a practice stores or sends a thing
CLEAR_TEXT = {hash_string(norm(w)) for w in ("clear", "plain")}
TEXT = hash_string(norm("text"))
# words in "-ing" that name a thing, not an activity: "Anything less than 99.9 % is not acceptable"
THING_INGS = {
    hash_string(norm(w))
    for w in (
        "anything",
        "something",
        "nothing",
        "everything",
        "thing",
        "building",
        "buildings",
        "string",
        "ring",
        "ceiling",
        "morning",
        "evening",
    )
}
RE = hash_string(norm("re"))
# a subject that falls short of a figure: "Anything less than 99.9 % availability", "Fewer than ..."
ANYTHING = hash_string(norm("anything"))
SHORT_OF = {hash_string(norm(w)) for w in ("less", "fewer", "lower", "short", "below", "under")}
# "any system other than those listed": a "not" before it waives everything but those
ANY = {hash_string(norm(w)) for w in ("any", "anyone", "anybody", "anything")}
LIST_WORDS = {hash_string(w) for w in ("and", "or", "nor", ",")}
# what a noun of linking takes after it: "integration with the ERP", "a link to SAP", "feeds into"
LINKED_TO = {hash_string(norm(w)) for w in ("with", "between", "into")}
# ... and "to" after a noun of linking: "a link to SAP", "an interface to the ERP"
LINK_NOUNS = {
    hash_string(norm(w))
    for w in ("link", "links", "interface", "interfaces", "connection", "connector", "feed", "integration")
}
OF = hash_string(norm("of"))
OUR = hash_string(norm("our"))
LONGER = hash_string(norm("longer"))
# words of whose a thing is, that open a noun phrase: "WordPress is no longer our standard"
OWNERS = {hash_string(norm(w)) for w in ("our", "their", "its", "his", "her", "my", "your")}
THERE = hash_string(norm("there"))
# words that give the cause of a pain: "..., because there is no shared library"
CAUSES = {hash_string(norm(w)) for w in ("because", "since", "as")}
# what a buyer wishes, beside `DEMANDS`: "None of our dealers want a portal" excludes, it is no pain
WISHES = {
    hash_string(norm(w))
    for w in ("want", "wants", "wish", "wishes", "desire", "plan", "plans", "intend", "expect", "seek", "ask")
}
# "will not meet / satisfy the need for X": what the refused thing falls short of is a need
MEETS = {hash_string(norm(w)) for w in ("meet", "satisfy", "fulfil", "fulfill", "address", "cover")}
NEED_OF = {hash_string(norm(w)) for w in ("for", "of", "to")}
# a manual workaround: "by e-mail", "on paper", "manually" (clauses.by_workaround)
BY_ON = {hash_string(norm(w)) for w in ("by", "on", "via")}
MANUALLY = hash_string(norm("manually"))
SO = hash_string(norm("so"))
FEWER = {hash_string(norm(w)) for w in ("less", "fewer")}
THAN = hash_string(norm("than"))
ACCEPTS = {
    hash_string(norm(w))
    for w in (
        "accept",
        "acceptable",
        "accepted",
        "tolerate",
        "tolerated",
        "tolerable",
        "permitted",
        "allowed",
    )
}
CELL_MARKS = {hash_string(w) for w in ("|", "-", "—", "–")}
# what ends an answer cell: "Single sign-on required | No", "Integration with SAP: No.", "...: No, ..."
ANSWER_ENDS = {hash_string(w) for w in (".", ",", ";", "|", "!", "(")}
HAVE = hash_string(norm("have"))
YES_NO = {hash_string(norm(w)) for w in ("yes", "no")}
# a "Not ..." answer that does not answer: "Not sure yet", "Not yet decided", "Not known"
UNDECIDED = {
    hash_string(norm(w))
    for w in (
        "sure",
        "yet",
        "decided",
        "known",
        "certain",
        "clear",
        "determined",
        "confirmed",
        "finalised",
        "finalized",
        "agreed",
    )
}
ANSWER_BREAKS = {
    hash_string(norm(w)) for w in (";", ",", ".", "but", "however", "whereas", "although", "though")
}
# a question that asks for content, not Yes / No
WH = {hash_string(norm(w)) for w in ("what", "which", "how", "when", "where", "who", "whom")}
ANSWER_LABELS = {hash_string(norm(w)) for w in ("answer", "a", "response", "reply")}
OPTIONAL = {hash_string(norm(w)) for w in ("optional", "desirable", "preferred", "desired")}
N = hash_string("n")
MUSTS = {hash_string(norm(w)) for w in ("mandatory", "must", "compulsory", "essential")}
NO_NONE = {hash_string(norm(w)) for w in ("no", "none")}
# the words of a row's label that ask only whether the row is wanted ("In scope: No", "Phase 1: No")
ROW_ASKS = {
    hash_string(norm(w))
    for w in (
        "in",
        "scope",
        "applicable",
        "required",
        "included",
        "contractor",
        "contractor's",
        "vendor",
        "supplier",
        "phase",
        "base",
        "year",
        "option",
        "years",
        "release",
        "lot",
        "wanted",
        "needed",
    )
}
SLASH = hash_string("/")
NUMBERED_ANSWER = re.compile(r"[AR]\d{1,3}")  # the answer to question Q8: "A8", "R8"
ANSWER_MARKS = {hash_string(w) for w in (":", "-", ".", "—")}
FILLER = ("the", "of", "in", "is", "are", "be", "this", "with", "to", "a", "from", "part", "scope", "there")
DETERMINERS = {hash_string(w) for w in ("a", "an", "any", "the", "one", "some")}
# words a `forward_np` cue reaches over to the noun phrase it negates: "in lieu of an online portal",
# "instead of through an approval workflow"
NP_LEADS = {
    hash_string(norm(w))
    for w in (
        "a",
        "an",
        "any",
        "the",
        "some",
        "through",
        "by",
        "via",
        "with",
        "online",
        "separate",
        "new",
        "anything",
    )
}
# compared with token norms, so through the same normaliser ("shall" -> "shal", "will" -> "wil")
MODALS = {hash_string(norm(w)) for w in MODAL_WORDS}

# clause bounds, asides and lists (clauses.py)
COORDINATORS = {hash_string(w) for w in ("and", "or", "so", "yet")}
# a verb of the buyer's own wish right after "and": "decided not to build its own platform and wants SaaS"
WANTS = {hash_string(norm(w)) for w in ("wants", "needs", "requires", "prefers", "expects", "seeks")}
# the subjects of a clause joined to the one before by a comma alone: "..., we need a way to ..."
SPLICE_SUBJECTS = {hash_string(norm(w)) for w in ("we", "they", "i", "you")}
ASIDE_NEGATIONS = {hash_string(norm(w)) for w in ("not", "no", "never", "n't")}
CONCESSIONS = {hash_string(norm(w)) for w in ("while", "although", "though", "however", "whereas")}
LATER = {hash_string(norm(w)) for w in ("phase", "later", "future", "subsequent", "next", "release", "stage")}
# a "not" of how things are (clauses.describes_state): a present or past verb without a modal ("is not",
# "are not", "does not") before a verb of what systems do with each other or with content ("are not
# connected", "is not translated"), in a clause that names no new system or phase of the work
STATE_BE_DO = {hash_string(norm(w)) for w in ("is", "are", "am", "was", "were", "do", "does", "did")}
STATE_ADVERBS = {hash_string(norm(w)) for w in ("yet", "currently", "fully", "properly", "always", "even")}
# verbs of what systems do with each other: a "not" before one excludes the link (integration), not the
# things it would link ("The dealer portal will not integrate with SAP" keeps the portal)
LINK_WORDS = (
    "connect",
    "connected",
    "integrate",
    "integrated",
    "link",
    "linked",
    "exchange",
    "exchanged",
    "sync",
    "synced",
    "synchronise",
    "synchronised",
    "synchronize",
    "synchronized",
    "interface",
    "interfaced",
    "talk",
)
LINK_VERBS = {hash_string(norm(w)) for w in LINK_WORDS}
STATE_VERBS = {hash_string(norm(w)) for w in (*LINK_WORDS, "translate", "translated", "share", "shared")}
# the words between a "not" / "neither ... nor ..." and its verb of linking: "does not need to be
# integrated", "will not be required to connect", "nor the shop needs to integrate"
LINK_AUX = {
    hash_string(norm(w))
    for w in (
        "need",
        "needs",
        "needed",
        "to",
        "be",
        "been",
        "have",
        "has",
        "required",
        "expected",
        "able",
        "will",
        "shall",
        "must",
        "should",
        "do",
        "does",
        "is",
        "are",
        "directly",
        "ever",
    )
}
NEITHER = hash_string(norm("neither"))
NOR = hash_string(norm("nor"))
LINK_TAG = "integration"
ROLES_TAG = "user_roles"
# manual re-work that a link spares: an integration span that names it ("should not need to re-enter
# their details") states the need for the link when the sentence says it should not be done
REWORK = re.compile(r"\bre-?(?:enter|key|typ)|\btwice\b|\bmanual", re.IGNORECASE)
# compared with the words as written: "News" is no new system
NEW_SYSTEM = frozenset({"new", "future", "proposed", "replacement", "successor"})
NEW_SUBJECT_LINKS = {hash_string(w) for w in ("and", "but")}
LIST_COORDINATORS = {hash_string(w) for w in ("and", "or", "nor")}
NOT_ITEMS = {
    hash_string(norm(w))
    for w in (
        "via",
        "using",
        "through",
        "by",
        "with",
        "then",
        "thus",
        "so",
        "instead",
        "plus",
        "including",
        "and",
        "or",
    )
}  # tokens of one item: "manual re-keying" is four

# seventh round (negation.py `scope_forms`): plain lower-case words, read off `Token.lower_`
# "Only one brand is in scope", "covers only the Irish business customers": a scope cut to one
ONLY_WORDS = frozenset({"only", "just", "solely", "exclusively"})
NOT_ONLY_BEFORE = frozenset({"not", "if", "the", "an", "our", "and"})
NOT_ONLY_AFTER = frozenset(
    {
        "if",
        "when",
        "after",
        "be",
        "once",
        "where",
        "through",
        "via",
        "by",
        "to",
        "in",
        "on",
        "at",
        "with",
        "as",
        "until",
        "about",
        "from",
        "within",
        "during",
        "upon",
        "for",
        "those",
        "that",
        "what",
        "need",
        "needs",
        "see",
        "view",
        "access",
        "read",
        "edit",
        "approve",
        "publish",
    }
)
SCOPE_NOUNS = frozenset(
    {
        "brand",
        "brands",
        "site",
        "website",
        "websites",
        "sites",
        "audience",
        "audiences",
        "country",
        "countries",
        "market",
        "markets",
        "language",
        "languages",
        "region",
        "regions",
        "entity",
        "company",
        "business",
        "organisation",
        "organization",
        "department",
        "staff",
        "employees",
        "customers",
        "users",
        "members",
        "team",
        "subsidiary",
        "office",
        "agency",
        "council",
        "bank",
        "group",
        "locale",
        "unit",
        "division",
    }
)
# the words that end the noun phrase after "only"
NP_STOPS = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "is",
        "are",
        "was",
        "were",
        "will",
        "shall",
        "must",
        "should",
        "can",
        "may",
        "could",
        "would",
        "have",
        "has",
        "keep",
        "keeps",
        "use",
        "uses",
        "need",
        "needs",
        "be",
        "in",
        "who",
        "that",
        "which",
    }
)
LIST_JOINS = frozenset({"and", "or", "&", "/", "plus", "nor"})
# modals of a requirement of its own (not "will", which also forecasts: "Only our own staff will use it")
STRONG_MODALS = frozenset(
    {
        "shall",
        "must",
        "should",
        "can",
        "may",
        "able",
        "need",
        "needs",
        "require",
        "requires",
        "required",
        "want",
        "wants",
    }
)
REQUIREMENT_WORDS = STRONG_MODALS | {"will", "would"}
# the tags a scope cut to one speaks against: several audiences, sites, brands, countries
PLURAL_TAGS = frozenset({"multi_site", "user_roles"})
# words that count more than one: "only the business customers in several countries"
SEVERAL = frozenset(
    {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "several",
        "multiple",
    }
)
# an "only" clause of today ("Only our staff use the current site") and a new scope beside it
NOW_WORDS = frozenset({"today", "currently", "presently", "now", "legacy", "old"})
NEW_WORDS = frozenset({"new", "future", "successor", "replacement", "proposed", "next"})
CLAUSE_WORDS = frozenset({";", ":", "but", "although", "though", "whereas", "while"})
# "Ready-made tools were tried in 2022 and could not handle our pricing rules"
TRIED = frozenset(
    {
        "tried",
        "trialled",
        "trialed",
        "piloted",
        "tested",
        "evaluated",
        "assessed",
        "attempted",
        "bought",
        "procured",
        "implemented",
        "deployed",
    }
)
FAILED_PHRASES = (
    ("could", "not"),
    ("couldn't",),
    ("could", "n't"),
    ("unable",),
    ("failed",),
    ("neither", "could"),
    ("none", "could"),
    ("not", "able"),
    ("fell", "short"),
    ("did", "not", "cope"),
    ("did", "not", "fit"),
    ("did", "not", "meet"),
    ("were", "not", "able"),
    ("was", "not", "able"),
    ("inadequate",),
    ("unsuitable",),
)
PRODUCT_TAGS = frozenset({"turnkey", "platform_mandate", "simple_site"})
# words that name the build a turnkey buyer refuses ("fund development", "a custom build", "a lengthy
# implementation"): a turnkey span made of them states turnkey when the sentence refuses it. Compared
# with the words as written, since "building" is more often a building ("No building works")
BUILD_NAMES = frozenset(
    {
        "build",
        "builds",
        "development",
        "develop",
        "custom",
        "bespoke",
        "project",
        "projects",
        "implementation",
        "code",
        "coding",
        "programming",
        "developer",
        "developers",
        "commission",
    }
)
TURNKEY = "turnkey"
# words of building that open a refused object ("not looking for a bespoke portal", "do not want a
# custom-built extranet"): the build is refused, not the thing built (as written, lower case)
BUILD_ADJECTIVES = frozenset({"bespoke", "custom", "tailor", "tailored", "purpose", "handcrafted"})
# the words after it that name a build or a product in general: "a custom build", "bespoke software", "a
# tailored solution" are the build refused, and the scope runs over them
BUILT_IN_GENERAL = BUILD_NAMES | {
    "solution",
    "solutions",
    "software",
    "system",
    "systems",
    "platform",
    "product",
    "products",
    "application",
    "applications",
    "app",
    "apps",
    "cms",
    "package",
    "tool",
    "tools",
    "module",
    "modules",
    "feature",
    "features",
    "functionality",
    "work",
    "works",
    "built",
    "made",
}
# a link built to measure is refused as a whole ("does not require custom integration with SAP")
LINK_NOUNS_BUILT = frozenset(
    {"integration", "integrations", "interface", "interfaces", "connector", "connectors"}
)
# "...; it shall only publish the guidance", "; each submission is simply emailed", "process X itself"
RESTRICTS = frozenset({"only", "simply", "merely", "just", "solely", "instead"})
ITSELF = frozenset({"itself", "themselves"})
# "Content is not duplicated across the 12 country sites": where a thing is not done, not what
SPREAD = frozenset({"across", "between", "among", "amongst", "throughout"})
SECURITY_TAG_IDS = frozenset({"access_control", "account_services", "compliance", "security_ops"})
WEAK_NOTS = frozenset({"not", "n't", "never"})
# a span naming a thing, which a refused alternative does not take away ("the supplier portal")
THING_NOUNS = frozenset(
    {
        "portal",
        "portals",
        "extranet",
        "site",
        "website",
        "system",
        "platform",
        "app",
        "application",
        "store",
        "shop",
        "catalogue",
        "catalog",
        "ordering",
        "self-service",
        "hub",
        "interface",
        "api",
    }
)
# a clause that wants the thing it prefers to another ("would like staff to co-author ... rather than")
WANTING = STRONG_MODALS | {"would", "prefer", "prefers", "preferred", "like", "nice", "wish", "wishes"}
# the way a thing is done, whose prohibition is a need ("must never be extracted ... by screen scraping")
WAYS = frozenset({"by", "via", "using", "through"})
INSTEAD_CUES = (("instead", "of"), ("in", "lieu", "of"), ("rather", "than"))
# "this procurement is platform-agnostic"
AGNOSTIC = frozenset(
    {
        "platform-agnostic",
        "platform-neutral",
        "platform-independent",
        "technology-agnostic",
        "vendor-neutral",
        "vendor-agnostic",
        "technology-neutral",
        "product-agnostic",
        "product-neutral",
    }
)
# "nothing about it needs to be built for peaks"
NOTHING = "nothing"
NOTHING_NEEDS = frozenset({"needs", "need", "has", "have", "is", "requires"})
# "Nothing in the current setup needs to change for the SAP integration": kept as it is, not spared
CHANGE_VERBS = frozenset(
    {"change", "changed", "alter", "altered", "modify", "modified", "replace", "replaced", "move", "moved"}
)
# where what "nothing needs to" excludes ends: "Nothing needs to be re-keyed, because the portal must ..."
NOTHING_ENDS = frozenset(
    {",", "because", "since", "so", "therefore", "which", "who", "whereas", "while", "thus"}
)
# "The Agency's current static brochure site", "The successor to our brochure site"
TODAYS = frozenset({"current", "existing"})
ALWAYS_TODAYS = frozenset({"old", "legacy", "successor", "predecessor", "outgoing"})
# a today's site that is the problem: "is the problem this procurement addresses", "the reason for
# this project", "cannot take applications"; not "has served us well", "may keep its current site"
PROBLEMS = frozenset(
    {
        "problem",
        "problems",
        "reason",
        "replace",
        "replaced",
        "replacing",
        "replacement",
        "successor",
        "outgrown",
        "cannot",
        "limitations",
        "limited",
        "frustrating",
        "outdated",
        "dated",
        "inadequate",
    }
)
NOT_THE_SAME_NP = frozenset(
    {"with", "by", "into", "for", "than", ",", ";", ":", "new", "future", "replacement"}
)
RELATIVE_WORDS = frozenset({"which", "who", "where", "whose"})
# an answer's clause saying others do it ("Answer: No; the translation office will handle Spanish
# pages separately"): no need of the buyer's own
# "No, hardware will be provided by the bank under a separate RFP": bought apart
ELSEWHERE = {hash_string(norm(w)) for w in ("separately", "elsewhere", "in-house", "itself", "themselves")}
# "separate" says bought apart only before a word of buying ("under a separate RFQ"), not of a thing
# the answer asks for ("None, but dealers and distributors need separate price lists")
SEPARATE = hash_string(norm("separate"))
BOUGHT_APART = {
    hash_string(norm(w))
    for w in ("rfp", "rfq", "rfi", "itt", "tender", "contract", "procurement", "lot", "budget", "purchase")
}
MUSTS_STRONG = {hash_string(norm(w)) for w in MUST_WORDS}
WHO = hash_string(norm("who"))
# "No system other than the identity provider will connect to the portal"
OTHER_THAN = (("other", "than"), ("apart", "from"), ("except",), ("besides",))
# what a verb is for or where, beyond what it does: "shall be used for the new brand sites"
PURPOSE_WORDS = frozenset({"for", "in", "across", "by", "on", "at", "within", "to"})
NONE_WORDS = frozenset({"no", "none", "nothing"})
# "No data other than order data will be exchanged with SAP": a restriction of what passes, not whether
DATA_NOUNS = frozenset(
    {"data", "information", "content", "fields", "field", "records", "documents", "files", "attributes"}
)
VERBS_AFTER = frozenset(
    {"will", "shall", "is", "are", "can", "may", "must", "should", "would", "needs", "need"}
)
# "the vendor need not supply a SOC": who is spared
SPARED = frozenset(
    {
        "vendor",
        "contractor",
        "supplier",
        "bidder",
        "bidders",
        "offeror",
        "offerors",
        "tenderer",
        "tenderers",
        "provider",
        "successful",
        "respondent",
        "respondents",
    }
)
SPARED_CUES = (
    ("need", "not"),
    ("not", "required", "to"),
    ("not", "need", "to"),
    ("n't", "need", "to"),
    ("not", "expected", "to"),
    ("not", "asked", "to"),
)
# "; it will not.", "; it does not."
DENIALS = frozenset({"it", "they", "this", "that"})
DENIAL_VERBS = frozenset({"will", "does", "do", "is", "are", "shall", "wo", "would"})
LATER_WORDS = frozenset({"later", "future", "subsequent", "eventually"})
# "trade users will not manage their own login details, which the sales desk keeps"
OTHERS_KEEP = frozenset(
    {
        "keeps",
        "keep",
        "handles",
        "handle",
        "manages",
        "manage",
        "maintains",
        "runs",
        "does",
        "stays",
        "remains",
        "holds",
        "owns",
        "retains",
    }
)
ALLOWED = frozenset({"able", "allowed", "permitted", "be", "have", "see", "view", "access"})
# "Dealer prices will not be shown online."
SHOWN = frozenset({"shown", "published", "displayed", "offered", "available", "listed", "posted"})
ONLINE = frozenset({"online", "web", "website", "portal", "site", "internet", "extranet"})
# "should not need a separate login: staff must be signed in automatically"
OWN_LOGIN = frozenset({"separate", "own", "second", "another", "extra", "additional"})
LOGIN_WORDS = frozenset(
    {"login", "log-in", "logon", "password", "passwords", "account", "accounts", "credentials"}
)
SIGN_IN = re.compile(r"^(sign|signs|signed|signing|log|logs|logged|logging)[ -]?(in|on)$|^log-?in$|^logon$")
# a thing refused for lacking something: "COTS software without room for customisation falls outside
# what the Agency is looking for"
REFUSING = frozenset({"acceptable", "accepted", "rejected", "looking", "considered", "outside"})
# what a bid offers, refused for lacking something: "A solution without an approval workflow will not
# be considered", "Any bid without single sign-on will be rejected"
OFFERED_THINGS = THING_NOUNS | {
    "solution",
    "solutions",
    "bid",
    "bids",
    "proposal",
    "proposals",
    "product",
    "products",
    "offer",
    "offers",
    "response",
    "responses",
    "tender",
    "tenders",
    "cms",
}


# Ninth round.
# a sentence that complains of the same thing for all ("Alumni get the same newsletter as first-years,
# and both complain that it is not for them"): a pain that asks for different views, no audiences alike
COMPLAINTS = {
    hash_string(norm(w))
    for w in ("complain", "complains", "complained", "complaining", "complaint", "complaints", "frustrated")
}
ALREADY = hash_string(norm("already"))
# a clause saying a lesser thing is enough ("...; a single server restored from backup would do")
ENOUGH = {hash_string(norm(w)) for w in ("enough", "suffice", "suffices", "sufficient", "adequate")}
DO_VERB = hash_string(norm("do"))
ENOUGH_MODALS = {hash_string(norm(w)) for w in MODAL_WORDS & {"would", "will", "should", "could"}}
# a question of leave asks with these ("Should brokers see ...?", "Can a branch edit ...?"); not "must"
# / "will": "Must students see the intranet? No" asks whether it is needed (answers._asks_leave)
LEAVE_MODALS = MODAL_WORDS & {"should", "can", "could", "may", "might"}
# the words of a question that asks whether a thing is needed, not whether it is allowed
NEED_WORDS = frozenset(
    {"need", "needs", "needed", "require", "required", "requires", "necessary", "want", "wanted"}
)
# "Resellers will not order through the new site": what users will not do on a site
SITE_ACTS = frozenset({"order", "buy", "shop", "book", "pay", "transact", "trade", "purchase"})
SITE_WAYS = frozenset({"through", "on", "via", "online", "using", "in"})
SITE_WORDS = frozenset(
    {"site", "website", "portal", "platform", "extranet", "web", "online", "app", "system", "shop", "store"}
)
# words that say the way is the old one being left: "will not order through the call centre any more"
NO_MORE = frozenset({"longer", "more", "anymore"})
# a bullet that opens "Not another static information site": the words that may follow its "not"
NOT_OPENERS = frozenset({"another", "a", "an", "yet"})
# "more than a brochure website": what it is more than; not a number ("more than a million visits")
MORE_THAN_BEFORE = frozenset(
    {"far", "much", "is", "be", "are", "was", "something", "anything", "need", "want"}
)
COUNT_WORDS = frozenset(
    {
        "million",
        "thousand",
        "hundred",
        "dozen",
        "few",
        "couple",
        "handful",
        "single",
        "day",
        "week",
        "month",
        "year",
        "quarter",
        "minute",
        "second",
        "half",
        "third",
    }
)
# where the thing a phrase is more than, or a bullet's "not", ends
PHRASE_ENDS = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "-",
        "–",
        "—",
        "but",
        "rather",
        "that",
        "which",
        "who",
        "and",
        "with",
        "where",
        "is",
        "are",
        "will",
        "shall",
        "must",
        "should",
        "may",
        "can",
        "would",
        "could",
    }
)
# "No, only the two web editors will sign in": so few people that the need asked about is none
FEW_WORDS = frozenset({"two", "three", "four", "five", "2", "3", "4", "5", "one"}) | (
    COUNT_WORDS & {"few", "handful", "couple", "single"}
)
FEW = {hash_string(norm(w)) for w in FEW_WORDS}
# "Custom development: none planned": a "none" answer with its participle
NONE_PARTICIPLES = frozenset(
    {
        "planned",
        "foreseen",
        "envisaged",
        "expected",
        "required",
        "needed",
        "intended",
        "anticipated",
        "wanted",
    }
)
# "A standard package that cannot be adapted ... will not be retained": a kind of product not chosen
RETAINED = frozenset({"retained", "selected", "shortlisted", "chosen"})
PACKAGE_NOUNS = frozenset({"package", "packages", "software", "tool", "tools", "suite"})
# a verb that asks for the thing after it by name: "shall require registration and sign-in"
ASKING_VERBS = {
    hash_string(norm(w))
    for w in (
        "require",
        "requires",
        "provide",
        "provides",
        "support",
        "supports",
        "offer",
        "offers",
        "include",
    )
}
APART = hash_string(norm("apart"))
FROM = hash_string(norm("from"))
