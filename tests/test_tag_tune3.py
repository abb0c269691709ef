"""The tagger's behaviour that the tune3 round added, and the shape of the tune3 sentence set.

Each new rule of taxonomy.yaml fires on two paraphrases and stays quiet on two traps; the negation
changes (modals "shall" / "will", refusals after a modal, clauses joined by "and" with their own modal,
"deferred" / "procured separately" / "N/A", pain that is no negation: "no way of ...") are checked the
same way. The sentences are new, not taken from any labelled set."""

from __future__ import annotations

import json
import re

import pytest
from sentence_checks import check_numbered, check_traps_and_negations, check_well_formed
from test_sentence_set import DATA

from triage.tag import tag_text
from triage.types import ALL_TAGS

TUNE3 = DATA / "sentences_tune3.jsonl"


def tags_of(text: str) -> list[str]:
    return tag_text(text)["tags"]


# (rule, tag, sentence): the tag must be found
FIRES = [
    # security_ops.protect / protect_word: protection against attacks is a security operation
    ("security_ops.protect", "security_ops", "The gateway shall protect against credential-stuffing bots."),
    ("security_ops.protect", "security_ops", "Uploaded files must be protected from malware before filing."),
    # security_ops.monitoring: monitoring beside security words
    (
        "security_ops.monitoring",
        "security_ops",
        "The supplier shall provide 24/7 monitoring of security alerts.",
    ),
    (
        "security_ops.monitoring",
        "security_ops",
        "Monitoring of network traffic shall flag intrusion attempts.",
    ),
    # security_ops.controls: lost devices, floods of traffic
    (
        "security_ops.controls",
        "security_ops",
        "Case files on a lost laptop must be unreadable to its finder.",
    ),
    ("security_ops.controls", "security_ops", "The booking site went down when bogus traffic hit it in May."),
    # workflow.handoff: an item stuck, lost or waiting for someone
    (
        "workflow.handoff",
        "workflow",
        "Licence requests are stuck for weeks and nobody can say who is holding them.",
    ),
    ("workflow.handoff", "workflow", "Repair requests get lost between the contact centre and the depot."),
    # workflow.checked_by: a review before going live, signatures, vetting before activation
    ("workflow.checked_by", "workflow", "Every web page is checked by an editor before publication."),
    ("workflow.checked_by", "workflow", "Refund forms need signatures from two managers before payment."),
    # collaboration.tools / people
    ("collaboration.tools", "collaboration", "Tenants want a question-and-answer forum to help one another."),
    (
        "collaboration.tools",
        "collaboration",
        "Project pages shall carry threaded conversations for the team.",
    ),
    ("collaboration.people", "collaboration", "Staff must be able to find subject-matter experts quickly."),
    ("collaboration.tools", "collaboration", "When Sam is away, nobody else knows where the templates live."),
    # out_of_scope.works
    ("out_of_scope.works", "out_of_scope", "This lot covers window cleaning at all council offices."),
    ("out_of_scope.works", "out_of_scope", "We need drivers and vehicles for the day-centre service."),
    (
        "out_of_scope.procurement_object",
        "out_of_scope",
        "The College seeks a supplier of modular classrooms.",
    ),
    (
        "out_of_scope.works",
        "out_of_scope",
        "The supplier shall provide three people to staff the ticket office.",
    ),
    # access_control
    (
        "access_control.identity",
        "access_control",
        "Each tenant's records must stay invisible to other tenants.",
    ),
    (
        "access_control.identity",
        "access_control",
        "Managers shall grant or withdraw module rights for their staff.",
    ),
    ("access_control.identity", "access_control", "Today the finance team logs in with one shared password."),
    (
        "access_control.idle_logout",
        "access_control",
        "The portal shall sign users out after 20 minutes of inactivity.",
    ),
    ("access_control.idle_logout", "access_control", "Idle sessions are logged out after ten minutes."),
    ("access_control.identity", "access_control", "Clerks shall never approve their own payment requests."),
    # multi_site.sites
    ("multi_site.sites", "multi_site", "The trust runs 14 hospital websites that look nothing alike."),
    ("multi_site.sites", "multi_site", "All council websites shall move onto the new platform."),
    # simple_site.brochure
    ("simple_site.brochure", "simple_site", "A one-page site is needed for the bridge reopening."),
    ("simple_site.brochure", "simple_site", "We only want a small landing site for the appeal."),
    # negation: pain described with "no way of" is a need
    (
        "negation.pseudo",
        "collaboration",
        "Nurses have no way of sharing tips with colleagues on other wards.",
    ),
    ("negation.pseudo", "workflow", "Managers have no view of where each complaint is stuck."),
    # negation: a clause joined by "and" with its own modal is not negated
    (
        "negation.coordinated",
        "scale",
        "Translation is not required, and the site must serve 10,000 concurrent users.",
    ),
    ("negation.coordinated", "compliance", "Printing is out of scope and the portal shall meet WCAG 2.2 AA."),
    # negation: "shall never" after a modal is a prohibition that keeps its tag
    ("negation.modal", "access_control", "Brokers shall never see other customers' policy documents."),
    ("negation.modal", "turnkey", "The supplier will not customise the product in any way."),
    # round 2: classic NFR access rules, reminders, sharing and reuse, goods and works bought
    (
        "access_control.restrict_to",
        "access_control",
        "The system shall restrict every officer to the screens of his or her team.",
    ),
    (
        "access_control.restrict_to",
        "access_control",
        "The product shall limit users to the modules they are licensed for.",
    ),
    (
        "access_control.without_right",
        "access_control",
        "Administrators shall decide who can view payroll records.",
    ),
    (
        "access_control.without_right",
        "access_control",
        "The owner of a folder shall choose which users may edit it.",
    ),
    (
        "access_control.identity",
        "access_control",
        "Each user shall enter a username and password to reach the system.",
    ),
    ("access_control.identity", "access_control", "Staff log on with a user ID and password issued by IT."),
    (
        "workflow.tasks",
        "workflow",
        "The system shall remind the officer when a case has had no action for a week.",
    ),
    ("workflow.tasks", "workflow", "It reminds approvers of every request still waiting after two days."),
    (
        "collaboration.tools",
        "collaboration",
        "Mechanics want to write up repairs so others can reuse the fix.",
    ),
    ("collaboration.share", "collaboration", "Tutors shall share worksheets and slides with other tutors."),
    (
        "out_of_scope.bought_goods",
        "out_of_scope",
        "The Board intends to purchase 30 defibrillators for its leisure centres.",
    ),
    (
        "out_of_scope.works",
        "out_of_scope",
        "Tree maintenance and grass cutting across the estate are to be tendered.",
    ),
    # round 3: a user's own settings and information, reallocating work, more works and goods, crowdsourcing
    ("account_services.own_settings", "account_services", "On first login users choose a memorable word."),
    ("account_services.own_settings", "account_services", "Visitors who sign up can keep saved searches."),
    (
        "account_services.own_details",
        "account_services",
        "Patients shall view the personal information we hold about them.",
    ),
    (
        "account_services.account_action",
        "account_services",
        "Account closure shall be possible online at any time.",
    ),
    ("workflow.process", "workflow", "Team leaders need to reallocate work when an officer is on leave."),
    ("workflow.process", "workflow", "The tool shall redistribute work evenly across the claims team."),
    ("out_of_scope.works", "out_of_scope", "The lot covers scaffolding hire for the library roof."),
    ("out_of_scope.works", "out_of_scope", "Supply and fitting of photovoltaic panels on two depots."),
    ("collaboration.tools", "collaboration", "Staff should be able to crowdsource ideas for saving energy."),
    (
        "collaboration.tools",
        "collaboration",
        "Scientists shall annotate each other's datasets in the portal.",
    ),
    # round 4: lessons shared between colleagues, who may do what
    (
        "collaboration.reuse_knowledge",
        "collaboration",
        "The intranet must help staff share what they have learned on projects.",
    ),
    (
        "collaboration.reuse_knowledge",
        "collaboration",
        "Nurses want to pass on what they learnt on courses to their team.",
    ),
    (
        "access_control.without_right",
        "access_control",
        "Each head of service shall decide which of their staff may sign orders.",
    ),
    (
        "access_control.without_right",
        "access_control",
        "The owner shall set which employees can open the archive.",
    ),
]

# (rule, tag, sentence): the tag must NOT be found
QUIET = [
    (
        "security_ops.protect",
        "security_ops",
        "The portal shall protect member records from unauthorised access.",
    ),
    (
        "security_ops.protect_word",
        "security_ops",
        "Patient files must be protected against access by unauthorized staff.",
    ),
    (
        "security_ops.monitoring",
        "security_ops",
        "The order covers 200 PCs and 400 monitors for the call centre system.",
    ),
    (
        "security_ops.monitoring",
        "security_ops",
        "The contract manager will monitor KPIs and response times monthly.",
    ),
    ("workflow.handoff", "workflow", "The lorry got stuck at the depot gate during the delivery."),
    (
        "workflow.process",
        "workflow",
        "The project plan shall show each stage of delivery from discovery to go-live.",
    ),
    ("workflow.process", "workflow", "Sign-off of the final report will be given by the project sponsor."),
    ("collaboration.word", "collaboration", "A collaboration agreement says how the two trusts split costs."),
    (
        "collaboration.tools",
        "collaboration",
        "The Supplier shall send questions about the tender to the clarification inbox.",
    ),
    (
        "out_of_scope.works",
        "out_of_scope",
        "Temporary staff shall have read-only access for the length of their contract.",
    ),
    (
        "out_of_scope.works",
        "out_of_scope",
        "The portal shall let residents book window cleaning slots online.",
    ),
    ("access_control.identity", "access_control", "The new signage should be invisible from the road."),
    (
        "access_control.idle_logout",
        "access_control",
        "The supplier shall sign out the pool cars after ten minutes of checks.",
    ),
    ("multi_site.numbered", "multi_site", "The service shall be delivered at all 9 sites listed in Annex B."),
    ("multi_site.numbered", "multi_site", "Interpreters are needed for appointments in 25 languages."),
    ("scale.capacity", "scale", "Authors must be able to edit the same policy at once."),
    (
        "extensibility.platform",
        "extensibility",
        "The supplier shall work collaboratively with our in-house team during the transition.",
    ),
    # negation: a deferred, separately procured or N/A need is excluded
    ("negation.clause", "account_services", "Customer self-registration is deferred to a later release."),
    ("negation.clause", "security_ops", "Penetration testing will be procured separately by the Council."),
    ("negation.clause", "workflow", "Approval workflow | N/A | pages are published by a single editor"),
    ("negation.clause", "collaboration", "Forums are out of scope because staff already use Teams for chat."),
    # round 2
    (
        "access_control.restrict_to",
        "access_control",
        "The contractor shall restrict each delivery to the east gate.",
    ),
    ("access_control.restrict_to", "access_control", "Bidders shall restrict each answer to 500 words."),
    ("workflow.tasks", "workflow", "Bidders are reminded that late tenders will not be opened."),
    (
        "out_of_scope.bought_goods",
        "out_of_scope",
        "The laptops and monitors in the office are replaced every four years.",
    ),
    # round 3
    (
        "account_services.own_settings",
        "account_services",
        "Bidders shall answer every security question in Annex C.",
    ),
    (
        "out_of_scope.works",
        "out_of_scope",
        "The portal shall show residents where scaffolding licences have been granted online.",
    ),
    ("multi_site.numbered", "multi_site", "Our 40 sites each keep a paper visitor book at reception."),
    ("multi_site.numbered", "multi_site", "Our 12 sites are linked by fibre to head office."),
    # round 4
    (
        "collaboration.reuse_knowledge",
        "collaboration",
        "The supplier shall explain what they have learned from similar contracts.",
    ),
    ("access_control.without_right", "access_control", "Bidders shall state which staff can start in June."),
]


@pytest.mark.parametrize(
    ("rule", "tag", "text"), FIRES, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FIRES)]
)
def test_rule_fires_on_a_paraphrase(rule: str, tag: str, text: str) -> None:
    assert tag in tags_of(text), f"{rule} should find {tag}"


@pytest.mark.parametrize(
    ("rule", "tag", "text"), QUIET, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(QUIET)]
)
@pytest.mark.usefixtures("rules_only")
def test_rule_stays_quiet_on_a_trap(rule: str, tag: str, text: str) -> None:
    assert tag not in tags_of(text), f"{rule} should not find {tag}"


def test_a_coordinated_list_stays_negated() -> None:
    """A list joined by "and" without a modal of its own is still under the negation."""
    assert "collaboration" not in tags_of("A wiki, forums and document libraries are not required.")
    assert "b2b_portal" not in tags_of("No dealer or partner portal shall be included in the offer.")


def test_a_reason_after_the_negation_keeps_its_own_tags() -> None:
    tags = tags_of("Registration is not in scope, as every user is set up from Active Directory.")
    assert "access_control" in tags and "account_services" not in tags


# the tune3 sentence set: well formed, numbered, traps and negations say what they are about


def _records() -> list[dict]:
    return [json.loads(line) for line in TUNE3.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_tune3_is_well_formed_and_numbered() -> None:
    records = _records()
    check_well_formed(records, re.compile(r"t3-\d{4}"))
    check_numbered(records, "t3-")
    check_traps_and_negations(records)


def test_tune3_covers_the_weak_tags_with_traps_and_negations() -> None:
    records = _records()
    assert len(records) >= 300
    for tag in (
        "collaboration",
        "out_of_scope",
        "workflow",
        "account_services",
        "access_control",
        "security_ops",
    ):
        assert sum(tag in r["tags"] for r in records) >= 15, tag
        assert sum(r["kind"] == "trap" and tag in r.get("about", []) for r in records) >= 3, tag
        assert sum(r["kind"] == "negation" and tag in r.get("about", []) for r in records) >= 3, tag
    assert {t for r in records for t in r["tags"]} == set(ALL_TAGS)
