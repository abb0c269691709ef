"""The tag stage as a user of `triage.tag` meets it: tags with their sense, negation, modality,
quantities, sentences, boilerplate, vertical, and a user's taxonomy merged over the default."""

from __future__ import annotations

import pytest

from triage.tag import load_pipeline, tag, tag_text
from triage.tag.normalise import norm
from triage.tag.segment import boundaries
from triage.types import ALL_TAGS, Document, Passage


def tags_of(text: str) -> list[str]:
    return tag_text(text)["tags"]


# each tag: two ways of saying it ...
FIRES = [
    ("integration", "The portal shall exchange customer data with Salesforce every night."),
    ("integration", "Orders must flow into the ERP without anyone typing them in again."),
    (
        "user_roles",
        "Residents, businesses and visiting tourists each need their own journey through the site.",
    ),
    ("user_roles", "The intranet must offer different experiences for each user group."),
    ("workflow", "Grant applications shall be routed to a reviewer and then to the finance manager."),
    ("workflow", "A multi-step approval process is needed before any payment is released."),
    ("b2b_portal", "Resellers should be able to place orders and see their negotiated prices online."),
    ("b2b_portal", "The extranet shall give each distributor its own catalogue."),
    ("collaboration", "Staff should share documents and discuss them in team spaces."),
    ("collaboration", "A wiki for the engineering community is desired."),
    ("access_control", "All staff shall sign in through single sign-on with Azure AD."),
    (
        "access_control",
        "Users must only see the records of their own organisation, following role-based access.",
    ),
    ("account_services", "Visitors shall be able to create an account and reset their password online."),
    ("account_services", "Members must manage their own profile and change their postal address."),
    ("compliance", "Personal data must be processed in line with the GDPR."),
    ("compliance", "The public site shall meet WCAG 2.1 AA accessibility."),
    ("security_ops", "All traffic shall be encrypted with TLS 1.3."),
    ("security_ops", "The supplier must run an annual penetration test and fix the vulnerabilities found."),
    ("scale", "The platform must handle 40,000 concurrent users at peak."),
    ("scale", "Hosting shall be highly available with automatic failover between two data centres."),
    ("multi_site", "The group runs twelve country sites in nine languages."),
    ("multi_site", "Content must be localised for each market, including right-to-left scripts."),
    ("extensibility", "The platform should expose REST APIs and webhooks for our developers."),
    ("extensibility", "A headless option is preferred so that our app can reuse the content."),
    ("simple_site", "We need a small brochure website of about five pages."),
    ("simple_site", "A basic CMS for a static website is all that is needed."),
    ("turnkey", "We prefer an off-the-shelf SaaS product that needs no customisation."),
    ("turnkey", "The solution should be ready to use out of the box."),
    ("platform_mandate", "The new intranet must be built on SharePoint Online."),
    ("platform_mandate", "All sites shall be developed on Drupal, our corporate standard."),
    ("out_of_scope", "The Contractor shall supply and install 400 laptops for the schools."),
    ("out_of_scope", "This tender covers the construction of a new fire station."),
]

# ... and two traps that must stay quiet
QUIET = [
    ("integration", "The integration of the two departments will take a year."),
    ("integration", "Bidders shall describe how new staff are integrated into the team."),
    ("user_roles", "The Contractor's staff shall report to the project manager."),
    ("user_roles", "Roles and responsibilities of the project board are listed in Annex A."),
    ("workflow", "The project workflow we follow is described in our quality manual."),
    ("workflow", "Disputes shall follow the escalation procedure in clause 9."),
    ("b2b_portal", "The harbour's portal crane was overhauled last spring."),
    ("b2b_portal", "Quotes submitted in response to this RFQ shall remain valid for 60 days."),
    ("collaboration", "The bidder shall collaborate with the incumbent supplier during handover."),
    ("collaboration", "The public library extends its opening hours in summer."),
    ("access_control", "Door access control for the server room is managed by facilities."),
    ("access_control", "Permission to enter the site must be requested one day ahead."),
    ("account_services", "Bidders must register on the procurement portal before submitting."),
    ("account_services", "The Contractor shall take into account local holidays."),
    ("compliance", "The Contractor shall comply with the site's health and safety rules."),
    ("compliance", "Bidders shall confirm compliance in the compliance matrix."),
    ("security_ops", "Security guards patrol the car park at night."),
    ("security_ops", "The firewall between the two buildings has a fire rating of 90 minutes."),
    ("scale", "Answers are marked on a scale of 1 to 5."),
    ("scale", "Economies of scale are expected from joint purchasing."),
    ("multi_site", "A site visit is planned for 3 May."),
    ("multi_site", "Proposals must be written in English."),
    ("extensibility", "The contract may be extended by one year."),
    ("extensibility", "Tanks shall be built to API 650."),
    ("simple_site", "The interface shall be simple and intuitive."),
    ("simple_site", "A simple majority of the panel decides the award."),
    ("turnkey", "Off-the-shelf chairs may be used in the staff room."),
    ("turnkey", "The turnkey construction of the depot is Lot 3."),
    ("platform_mandate", "The current site was built on WordPress in 2012 and will be replaced."),
    ("platform_mandate", "Trains leave from platform 4."),
    ("out_of_scope", "Pages shall have a print-friendly stylesheet."),
    ("out_of_scope", "The portal must work on phones, tablets and laptops."),
]


def test_the_tables_cover_every_tag():
    assert {t for t, _ in FIRES} == set(ALL_TAGS)
    assert {t for t, _ in QUIET} == set(ALL_TAGS)


@pytest.mark.parametrize(("tag_id", "text"), FIRES)
def test_tag_fires_on_paraphrase(tag_id, text):
    assert tag_id in tags_of(text)


@pytest.mark.parametrize(("tag_id", "text"), QUIET)
def test_tag_stays_quiet_on_trap(tag_id, text):
    assert tag_id not in tags_of(text)


@pytest.mark.parametrize(
    ("text", "tag_id"),
    [
        ("Single sign-on is not required.", "access_control"),
        ("No integration with the ERP is in scope.", "integration"),
        ("Out of scope: the partner portal.", "b2b_portal"),
        ("The supplier need not provide a knowledge base.", "collaboration"),
        ("The portal will not exchange data with SAP.", "integration"),
        ("All modules excluding the dealer portal shall be delivered.", "b2b_portal"),
        ("Load testing is outside the scope of this contract.", "scale"),
    ],
)
def test_negated_mention_does_not_count(text, tag_id):
    out = tag_text(text)
    assert tag_id not in out["tags"]
    assert any(s["tag"] == tag_id and s["negated"] for s in out["spans"])


def test_negation_has_a_scope():
    out = tag_text(
        "Single sign-on is not required; multi-factor authentication is, and data shall be encrypted."
    )
    assert "security_ops" in out["tags"]
    negated = {s["text"]: s["negated"] for s in out["spans"]}
    assert negated["Single sign-on"] is True
    assert negated["multi-factor authentication"] is False


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Question 12: Is single sign-on required? Answer: No; staff keep their own logins.", False),
        ("Q: Will the portal need SSO? A: No.", False),
        ("Does the portal need single sign-on? No, not in this phase.", False),
        ("Does the portal need single sign-on? Yes, for all staff.", True),
        ("Is single sign-on required? No integration with SAP is planned.", True),
    ],
)
def test_a_question_answered_no_states_no_need(text, stated):
    assert ("access_control" in tag_text(text)["tags"]) is stated


@pytest.mark.parametrize("reason", [", as", ", since", " because"])
def test_the_reason_for_an_excluded_need_does_not_state_it_again(reason):
    text = f"A security operations centre is not required{reason} the bank's own SOC already monitors all systems."
    out = tag_text(text)
    assert "security_ops" not in out["tags"]
    assert all(s["negated"] for s in out["spans"] if s["tag"] == "security_ops")


@pytest.mark.parametrize(
    ("text", "tag_id"),
    [
        # a clause with its own requirement, or an "as" that gives no reason, keeps what it states
        (
            "Single sign-on is not required, as staff will use the portal to encrypt files at rest.",
            "security_ops",
        ),
        ("Traffic shall be encrypted, because the SIEM is not required.", "security_ops"),
        (
            "Single sign-on for contractors is not required, as single sign-on for employees is mandatory.",
            "access_control",
        ),
        (
            "Single sign-on is not required for the pilot, as described in Section 4, but the production "
            "portal must support single sign-on.",
            "access_control",
        ),
    ],
)
def test_a_clause_after_a_negation_can_still_state_a_need(text, tag_id):
    assert tag_id in tag_text(text)["tags"]


@pytest.mark.parametrize(
    "text",
    [
        "Pages shall load in no more than 2 seconds for 5,000 concurrent users.",
        "Passwords must not be stored in clear text and shall be hashed.",
        "Data of one dealer must never be visible to another dealer on the partner portal.",
    ],
)
def test_pseudo_negation_keeps_the_tag(text):
    out = tag_text(text)
    assert out["tags"], out
    assert not any(s["negated"] for s in out["spans"])


def test_walk_away_phrase_that_carries_its_own_negation_is_not_negated():
    assert "turnkey" in tags_of("The product shall be used without customisation.")


def test_negated_customisation_reads_as_turnkey():
    out = tag_text("Bespoke development is excluded.")
    assert out["tags"] == ["turnkey"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The portal shall support SSO.", "mandatory"),
        ("The Contractor will host the portal.", "mandatory"),
        ("Single sign-on is required.", "mandatory"),
        ("The portal should support SSO.", "desirable"),
        ("A headless option is preferred.", "desirable"),
        ("The vendor may offer a wiki.", "optional"),
        ("A mobile app would be nice to have.", "optional"),
        ("The supplier need not provide a wiki.", "optional"),
        ("Our citizens use the portal daily.", "info"),
        ("A site visit will be held on 4 March.", "info"),
        ("The tender closes in May 2027.", "info"),
        ("No high-availability setup is needed.", "info"),
    ],
)
def test_modality(text, modality):
    assert tag_text(text)["modality"] == modality


def _quantity(text: str, tag_id: str):
    doc = Document(
        path="q.txt",
        sha256="0" * 64,
        format="txt",
        pages=None,
        passages=(Passage(id="l1", text=text, kind="paragraph", line=1),),
    )
    spans = [s for s in tag(doc).spans if s.tag == tag_id and s.quantity is not None]
    return spans[0].quantity if spans else None


@pytest.mark.parametrize(
    ("text", "tag_id", "value", "unit"),
    [
        ("The portal shall integrate with 14 systems.", "integration", 14, "systems"),
        ("Content must be translated into 23 languages.", "multi_site", 23, "languages"),
        ("The site must serve 250,000 users.", "scale", 250_000, "users"),
        ("Availability shall be 99.95 % per month.", "scale", 99.95, "%"),
        ("The platform must scale to 1.2 million visitors a month.", "scale", 1_200_000, "visitors"),
    ],
)
def test_quantity_attached_to_its_tag(text, tag_id, value, unit):
    q = _quantity(text, tag_id)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_number_without_a_unit_of_the_tag_is_no_quantity():
    assert _quantity("By 2027 the portal shall integrate with SAP.", "integration") is None


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The portal shall support SSO. It must also support MFA.", 2),
        ("See e.g. Sec. 3.2 and No. 4 of the annex for details.", 1),
        ("Availability shall be 99.95 %. Version 2.1.3 is current.", 2),
        ("Approx. 400 users, i.e. staff and partners, will log in.", 1),
        ("The system shall: (a) support SSO; (b) support MFA; (c) log all access.", 4),
        ("Requirements:\n• single sign-on\n• audit logging", 3),
        ("3.1 The portal shall support SSO. 3.2 The portal shall log access.", 2),
        ("Dr. Smith of Acme Inc. signed it.", 1),
    ],
)
def test_sentence_splitting_inside_a_passage(text, sentences):
    doc = load_pipeline()(text)
    assert len(list(doc.sents)) == sentences, [s.text for s in doc.sents]


def test_a_sentence_without_end_is_cut_into_pieces_of_bounded_length():
    """A table dumped as one line or text without stops is no sentence of thousands of words (the
    components that read a sentence whole would cost the square of its length)."""
    from triage.tag.segment import MAX_SENTENCE_TOKENS

    text = " ; ".join(["single sign-on is not required but Salesforce integration is"] * 200)
    doc = load_pipeline()(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)
    assert len(lengths) >= len(doc) // MAX_SENTENCE_TOKENS
    # an ordinary passage is untouched
    assert len(list(load_pipeline()("The portal shall support SSO. It must also support MFA.").sents)) == 2


def test_boundaries_never_split_decimals():
    assert boundaries("Uptime of 99.95 % and version 3.2.1 are needed.") == []


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("integrates", "integrate"),
        ("integrated", "integrating"),
        ("portals", "portal"),
        ("policies", "policy"),
        ("cookies", "cookie"),
        ("movies", "movie"),
    ],
)
def test_word_forms_share_a_norm(word, form):
    assert norm(word) == norm(form)


def test_inflected_forms_match_the_taxonomy():
    assert "integration" in tags_of("The CMS integrated with the billing system last year.")
    assert "integration" in tags_of("The portal is integrating with our payroll system.")


def _document(*passages: Passage) -> Document:
    return Document(path="rfp.pdf", sha256="a" * 64, format="pdf", pages=3, passages=passages)


def test_tag_document_gives_evidence_with_its_place():
    doc = _document(
        Passage(id="p1.1", text="Scope of work", kind="heading", page=1),
        Passage(
            id="p1.2",
            text="The City of Springfield needs a resident portal. It shall support single sign-on.",
            kind="paragraph",
            page=1,
            section="Scope of work",
        ),
        Passage(id="p2.1", text="Header text SSO", kind="paragraph", page=2, region="header"),
    )
    tagged = tag(doc)
    spans = [s for s in tagged.spans if s.tag == "access_control"]
    assert len(spans) == 1
    s = spans[0]
    assert s.sentence == "It shall support single sign-on."
    assert s.sentence[s.start : s.end] == s.text == "single sign-on"
    assert (s.passage_id, s.page, s.location, s.modality) == ("p1.2", 1, "p. 1", "mandatory")
    assert s.rule_id.startswith("access_control.")
    assert not s.negated and not s.boilerplate
    assert tagged.sentences == 3  # the header is not body


def test_boilerplate_sections_are_marked():
    doc = _document(
        Passage(id="p1.1", text="Instructions to Bidders", kind="heading", page=1),
        Passage(
            id="p1.2",
            text="Bidders must describe their approach to single sign-on.",
            kind="paragraph",
            page=1,
            section="Instructions to Bidders",
        ),
        Passage(
            id="p2.1",
            text="The portal shall support single sign-on.",
            kind="paragraph",
            page=2,
            section="Technical requirements",
        ),
    )
    tagged = tag(doc)
    flags = {s.passage_id: s.boilerplate for s in tagged.spans if s.tag == "access_control"}
    assert flags == {"p1.2": True, "p2.1": False}
    assert 0 < tagged.boilerplate_share < 1


def test_list_items_inherit_the_modality_of_their_lead_in():
    doc = _document(
        Passage(id="p1.1", text="The portal shall provide:", kind="paragraph", page=1),
        Passage(id="p1.2", text="single sign-on for staff", kind="list_item", page=1),
        Passage(id="p1.3", text="Our residents like the current site.", kind="paragraph", page=1),
        Passage(id="p1.4", text="a knowledge base", kind="list_item", page=1),
    )
    modality = {s.tag: s.modality for s in tag(doc).spans}
    assert modality["access_control"] == "mandatory"
    assert modality["collaboration"] == "info"


def test_vertical_with_evidence():
    text = (
        "The Hospital Trust runs three hospitals. Patients book appointments online. "
        "Clinicians need the patient portal to show results from the EHR."
    )
    tagged = tag(_document(Passage(id="p1.1", text=text, kind="paragraph", page=1)))
    assert tagged.vertical.id == "healthcare"
    assert tagged.vertical.evidence and all(e.tag == "healthcare" for e in tagged.vertical.evidence)
    assert 0 < tagged.vertical.confidence <= 1


def test_vertical_is_other_without_evidence():
    tagged = tag(
        _document(Passage(id="p1.1", text="The portal shall support SSO.", kind="paragraph", page=1))
    )
    assert tagged.vertical.id == "other"


def test_vertical_ignores_boilerplate_insurance():
    passages = tuple(
        Passage(
            id=f"p1.{i}",
            text="The Contractor shall hold insurance and banking details on file.",
            kind="paragraph",
            page=1,
            section="Insurance requirements",
        )
        for i in range(5)
    )
    assert tag(_document(*passages)).vertical.id == "other"


def test_tag_text_shape():
    out = tag_text("The portal must integrate with SAP.")
    assert set(out) == {"text", "tags", "modality", "spans"}
    assert out["tags"] == ["integration"]
    for s in out["spans"]:
        assert set(s) == {"tag", "start", "end", "text", "negated"}
        assert out["text"][s["start"] : s["end"]] == s["text"]


@pytest.mark.usefixtures("rules_only")
def test_user_taxonomy_merges_over_the_default(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "tags:\n"
        "  integration:\n"
        "    - id: integration.named_system\n"
        "      disabled: true\n"
        "    - id: integration.acme\n"
        "      phrases: [Acme Ledger]\n"
        "  platform_mandate:\n"
        "    - id: platform_mandate.named\n"
        "      phrases: [Liferay]\n"
        "      requires: [built]\n"
        "    - id: platform_mandate.built_on\n"
        "      disabled: true\n",
        encoding="utf-8",
    )
    out = tag_text("The portal shall read invoices from Acme Ledger and SAP.", taxonomy=user)
    assert [(s["tag"], s["text"]) for s in out["spans"]] == [("integration", "Acme Ledger")]
    assert "platform_mandate" in tag_text("It must be built on Liferay.", taxonomy=user)["tags"]
    assert "platform_mandate" not in tag_text("It must be built on Drupal.", taxonomy=user)["tags"]
    assert "platform_mandate" in tag_text("It must be built on Drupal.")["tags"]


@pytest.mark.usefixtures("rules_only")
def test_taxonomy_from_environment(tmp_path, monkeypatch):
    user = tmp_path / "env.yaml"
    user.write_text("tags:\n  collaboration:\n    - id: collaboration.zibbly\n      phrases: [Zibbly]\n")
    monkeypatch.setenv("TRIAGE_TAXONOMY", str(user))
    assert "collaboration" in tag_text("Staff post news on Zibbly.")["tags"]
    monkeypatch.delenv("TRIAGE_TAXONOMY")
    assert "collaboration" not in tag_text("Staff post news on Zibbly.")["tags"]


def test_broken_user_taxonomy_is_a_clear_error(tmp_path):
    from triage.errors import UsageError

    user = tmp_path / "bad.yaml"
    user.write_text("tags:\n  not_a_tag:\n    - id: x\n      phrases: [y]\n")
    with pytest.raises(UsageError, match="unknown tag"):
        load_pipeline(user)


def test_pipeline_is_built_once_per_process_and_taxonomy():
    assert load_pipeline() is load_pipeline()
    assert [name for name, _ in load_pipeline().pipeline] == [
        "rfp_sentences",
        "icp_rules",
        "icp_sense",
        "icp_classifier",
        "icp_modality",
        "icp_negation",
        "icp_doubt",
        "icp_quantities",
        "icp_vertical",
    ]


def test_tag_many_yields_each_document_in_order():
    from triage.tag import tag_many

    docs = [
        _document(Passage(id="p1.1", text="The portal shall support SAML.", kind="paragraph", page=1)),
        _document(
            Passage(id="p1.1", text="Content shall be published in 12 languages.", kind="paragraph", page=1)
        ),
    ]
    tagged = list(tag_many(iter(docs)))
    assert [t.document for t in tagged] == docs
    assert [{s.tag for s in t.spans} for t in tagged] == [{"access_control"}, {"multi_site"}]
