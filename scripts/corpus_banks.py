"""Paraphrase banks for the synthetic seed corpus (see corpus/README.md).

The wording here was written apart from the tagger's patterns, on purpose: a model trained on these
documents should learn what buyers say, not re-learn the rules that tag them. Many statements are
indirect (they describe today's pain, not the feature), several registers are mixed (formal clause
language, plain speech, table shorthand) and most carry quantities.

Each concept has four lists:
- ``req``:   verb phrases that complete a requirement clause ("The Supplier shall <req>.");
- ``fact``:  whole sentences about the buyer's situation (background, indirect evidence);
- ``short``: table shorthand for a requirement table row;
- ``neg``:   negated or out-of-scope statements (they must not count as the concept).

Templates use ``{slot}`` fields filled per deal by ``make_corpus.py``; the slots are listed in
``SLOTS`` below.
"""

from __future__ import annotations

SLOTS = [
    "org",
    "buyer",
    "Buyer",
    "systems",
    "system",
    "system2",
    "erp",
    "crm",
    "n_systems",
    "partners",
    "partner",
    "n_partners",
    "customers",
    "n_users",
    "n_staff",
    "n_langs",
    "n_countries",
    "n_sites",
    "n_brands",
    "uptime",
    "peak",
    "reg",
    "reg2",
    "n_roles",
    "other_platform",
    "case",
    "idp",
    "year",
    "n_docs",
    "n_tx",
]

# ---------------------------------------------------------------------------------------------
# Complexity
# ---------------------------------------------------------------------------------------------
INTEGRATION = {
    "req": [
        "exchange customer, order and invoice data with {systems} without manual re-entry",
        "connect to {n_systems} back-office applications, including {systems}",
        "read stock levels and prices from {erp} at least every fifteen minutes",
        "write completed {case} straight into {system} so that staff no longer copy them by hand",
        "pass contact and consent changes to {crm} within one minute of the change",
        "consume the existing middleware services that front {system} and {system2}",
        "provide scheduled file exchanges (CSV or XML) for the {n_systems} legacy systems that offer no web services",
        "keep the master record in {erp} and mirror it to the portal, never the other way round",
        "retrieve documents from the archive in {system2} on demand and display them in the user's account",
        "hand payments over to the payment service provider and reconcile them in {erp} overnight",
        "call the address lookup, credit check and e-signature services already licensed by {buyer}",
        "publish events (for example 'order shipped', '{case} approved') to the enterprise message bus",
        "take over the nightly batch jobs that today copy data between {system} and {system2}",
        "show live order and shipment status pulled from {erp}, not a copy that is a day old",
    ],
    "fact": [
        "Staff re-key every order from the web shop into {erp} today, which costs about {n_staff} hours a month.",
        "Information on a single {partner} currently lives in {n_systems} different systems that do not talk to each other.",
        "Our {partners} phone the contact centre to find out whether an invoice has been paid, because {erp} is not visible to them.",
        "{Buyer} runs {systems}; each was bought separately and each keeps its own copy of the customer record.",
        "When the status of one of our {case} changes in {system}, a clerk sends an e-mail by hand to the person concerned.",
        "Price lists are exported from {erp} as spreadsheets every Monday and e-mailed to {n_partners} {partners}.",
        "The mainframe that holds policy and account data will remain in place for at least five more years.",
        "Our current website is an island: nothing entered on it reaches {crm} unless somebody types it in again.",
        "We estimate that {n_systems} systems will need to send data to, or receive data from, the new service.",
        "Around a third of calls to our service desk are about information that already exists in {system2} but cannot be seen online.",
        "Every evening a member of the finance team exports the day's web payments and imports them into {erp} by hand.",
        "Our {case} arrive by e-mail and are then typed into {system}, which takes two full-time staff.",
        "We have counted {n_systems} places where the same address is stored, and they rarely agree.",
        "Our field engineers carry printed job sheets because the scheduling tool and the customer records are separate.",
    ],
    "short": [
        "Two-way sync with {erp} (orders, invoices)",
        "Customer master from {crm}",
        "Interfaces to {n_systems} back-end systems",
        "Documents from {system2} shown in account",
        "Payment hand-off and overnight reconciliation",
        "Flat-file feeds for legacy apps",
        "Events to message bus",
        "Real-time stock/price lookup ({erp})",
        "No double keying of {case}",
        "Re-use existing middleware services",
        "Replace nightly batch copies",
        "Live status from {erp}",
        "Address master shared across {n_systems} systems",
    ],
    "story": [
        "As a customer service agent, I want to see a customer's orders from {erp} on one screen so that I do not switch between systems.",
        "As a finance officer, I want online payments to appear in {erp} the next morning so that I do not reconcile them by hand.",
        "As a {partner}, I want my invoices to show up online as soon as they are issued so that I can stop calling for copies.",
        "As a case worker, I want a submitted form to arrive in {system} complete so that I never type it in again.",
    ],
    "neg": [
        "Integration with {erp} is out of scope for this phase and will be tendered separately.",
        "No connection to back-office systems is required; content will be maintained by hand.",
        "The portal will not exchange data with {crm} during the initial contract period.",
        "Links to other systems are not needed: the site is self-contained.",
        "Interfaces to {system} are explicitly excluded from this procurement.",
        "We do not expect the supplier to connect the website to any internal application.",
        "Data will continue to be exchanged by spreadsheet; no system connections are required.",
        "The supplier will not be asked to work with {system}.",
    ],
}

USER_ROLES = {
    "req": [
        "offer distinct experiences for {customers}, {partners}, internal staff and administrators",
        "support at least {n_roles} user types, each seeing only the menus, content and data meant for them",
        "let a {partner} principal appoint colleagues and decide what each of them may see",
        "show different content to prospects, existing {customers} and former {customers}",
        "let contact-centre agents act on behalf of a customer with that person's consent",
        "separate what head-office staff, regional managers and branch staff can view and change",
        "distinguish between {n_roles} audiences in navigation, content and permitted actions",
        "allow each {partner} organisation to manage its own users without calling {buyer}",
        "provide a dedicated area for auditors and inspectors with read-only rights",
        "tailor the home page to the user's relationship with {buyer}",
        "let {partners} and their own staff log in to the same account with different rights",
    ],
    "fact": [
        "The people who will use the service range from {customers} and their representatives to {partners}, inspectors and our own {n_staff} employees.",
        "Today everyone sees the same website, whether they are a first-time visitor or a {partner} who deals with us every day.",
        "A single {partner} firm may have a dozen people who deal with us, from the owner to the bookkeeper, and each needs something different.",
        "We count {n_roles} groups of people with different needs, listed in Annex B.",
        "Brokers, intermediaries and direct {customers} currently call different phone numbers because there is nowhere online that serves them all.",
        "Our field staff, back-office teams and external advisers all need their own view of the same case.",
        "Some of our {customers} are represented by a carer, a lawyer or an accountant who must be able to act for them.",
        "The content for a {partner} is quite different from what a member of the public should see.",
        "Regional managers want to see the figures for their region only, while head office sees everything.",
        "A single household may have a main account holder, a partner and a power of attorney, each needing their own access.",
        "Our call-centre agents, {partners} and {customers} currently use three different tools to look at the same records.",
    ],
    "short": [
        "{n_roles} distinct user types",
        "Per-audience navigation and content",
        "Delegated admin for {partner} organisations",
        "Act-on-behalf (assisted service)",
        "Read-only auditor view",
        "Staff / {partners} / {customers} separation",
        "Personalised home page by relationship",
        "Regional visibility rules",
        "Assisted access for carers / representatives",
        "Different landing page per audience",
    ],
    "story": [
        "As a {partner} office manager, I want to decide what each of my colleagues can see so that our figures stay private.",
        "As a carer, I want to act for the person I look after so that I can sort things out without them on the phone.",
        "As a regional manager, I want to see only my region's accounts so that I am not lost in national data.",
        "As a first-time visitor, I want to find what applies to me without creating an account.",
    ],
    "neg": [
        "All visitors will see the same content; no differentiation by audience is required.",
        "There is a single audience for this site: the general public.",
        "Separate areas for different user groups are not required at this stage.",
        "No personalisation or audience-specific content is needed.",
        "Only the marketing team will use the system; there are no external users.",
    ],
}

WORKFLOW = {
    "req": [
        "route {case} through review, approval and sign-off steps that administrators can change without code",
        "let a submission pass through up to {n_roles} approval stages depending on its value and type",
        "escalate {case} that have not been picked up within two working days",
        "track {case} from receipt to closure and show each applicant where theirs stands",
        "apply business rules to decide automatically which team handles a request",
        "support four-eyes approval for changes to bank details and other sensitive data",
        "allow forms to be saved as drafts, returned for correction and resubmitted",
        "notify the next person in the chain when it is their turn to act",
        "record who decided what at each step and keep that history with the case",
        "let business users design new request types with their own stages and deadlines",
        "pause the clock on {case} while the applicant is asked for more information",
    ],
    "fact": [
        "Our {n_partners} {partners} phone in their {case} today and the details are written down on paper forms.",
        "A typical {case} changes hands five or six times before a decision is made, mostly by e-mail.",
        "Nobody can tell an applicant where their file is without ringing round three departments.",
        "About {n_tx} {case} a year are handled by hand, and each one needs a manager's signature.",
        "Requests above a certain amount must be countersigned by a second officer, which today means printing them.",
        "Deadlines are kept in personal calendars, so requests are sometimes forgotten when someone is on leave.",
        "Applicants often send the same documents twice because they do not know whether the first set arrived.",
        "Each of our departments has its own way of handling requests, and we would like to bring them into line.",
        "The sign-off chain for a new {partner} agreement currently takes around six weeks.",
        "Our {n_partners} {partners} phone in their {case} today, and a clerk keys each one in after the call.",
        "Complaints are logged in a spreadsheet and chased by the team leader on Fridays.",
        "A missing signature can hold up a request for weeks, because nobody is told it is missing.",
    ],
    "short": [
        "Configurable multi-step approvals",
        "Status tracking for {case}",
        "Escalation after 2 working days",
        "Rules-based routing to teams",
        "Four-eyes check on sensitive changes",
        "Draft / return / resubmit forms",
        "Task notifications to next approver",
        "Business-user design of request types",
        "Pause SLA clock while awaiting info",
        "Audit history per case",
    ],
    "story": [
        "As an applicant, I want to see which stage my request has reached so that I do not have to call.",
        "As a team leader, I want overdue requests flagged to me so that nothing sits unnoticed.",
        "As an approver, I want a list of what is waiting for my decision so that I can clear it in one go.",
        "As a clerk, I want incomplete submissions sent back automatically with the reason.",
    ],
    "neg": [
        "No case handling or approval steps are needed; enquiries go to a shared mailbox.",
        "Back-office processing of {case} remains in the existing system and is not part of this contract.",
        "The site needs a simple contact form only; no further processing is expected.",
        "Approval routing is not required in this phase.",
        "Case handling will stay in the line-of-business system; the website only links to it.",
    ],
}

B2B_PORTAL = {
    "req": [
        "let {partners} order online against their own negotiated prices and payment terms",
        "give each {partner} account a company hierarchy with branches, buyers and approvers",
        "allow {partners} to request a quote, accept it and convert it into an order in one place",
        "show each trading account its open orders, deliveries, invoices and credit limit",
        "let {partners} download certificates, price lists and technical sheets relevant to their contract",
        "support re-ordering from past orders and from saved lists",
        "let {partner} buyers raise returns and warranty requests online",
        "provide a secure area where {partners} exchange forecasts and contract documents with account managers",
        "support purchase approval limits inside a customer organisation",
        "register new {partners} online, with credit checks and approval before they can trade",
        "let a {partner} see stock availability and lead times for the items on its contract",
    ],
    "fact": [
        "Our {n_partners} {partners} phone in their {case} today, or send them by fax.",
        "Most of our revenue comes from {n_partners} trade accounts, each with its own price agreement.",
        "{partners} cannot see their own invoices or delivery dates without calling their account manager.",
        "Quotes are prepared in spreadsheets and sent by e-mail; about half are never followed up.",
        "Large accounts have several sites and several buyers, each with a different spending limit.",
        "We sell through {n_partners} {partners}, who account for most of our volume in {n_countries} countries.",
        "New {partners} are signed up with a paper form that takes two weeks to process.",
        "A {partner} who wants to re-order the same items as last month must phone and read out the item numbers.",
        "Our 900 dealers phone in their warranty claims today.",
        "Each of our top 50 accounts has a bespoke price list, which sales staff look up by hand when a customer rings.",
        "Orders from {partners} arrive by e-mail, fax and phone, and about one in twenty contains an error.",
    ],
    "short": [
        "Contract pricing per trade account",
        "Quote-to-order online",
        "Account hierarchy (sites, buyers, approvers)",
        "Invoices, deliveries, credit limit view",
        "{partner} onboarding with approval",
        "Re-order from history / saved lists",
        "Online returns and warranty",
        "Secure document exchange with account managers",
        "Stock and lead time per contract item",
        "Spending limits inside customer orgs",
    ],
    "story": [
        "As a {partner} buyer, I want to reorder last month's items in a few clicks so that I do not read out part numbers on the phone.",
        "As a {partner}, I want to see my own prices and credit limit before I order.",
        "As a purchasing manager, I want orders above my team's limit to come to me for approval.",
        "As a {partner}, I want to submit a warranty claim with photos online and follow it to the end.",
    ],
    "neg": [
        "Online ordering for {partners} is not part of this project.",
        "The site is for consumers only; trade customers continue to use the existing EDI link.",
        "No extranet or trade area is required.",
        "A partner area is out of scope; it may be considered in a later phase.",
        "Trade customers are not in scope; they are served by our sales team directly.",
    ],
}

COLLABORATION = {
    "req": [
        "provide shared spaces where project teams, {partners} and staff can work on the same documents",
        "host a searchable library of guidance, procedures and FAQs maintained by subject experts",
        "support discussion threads where {partners} can ask questions and answer each other",
        "allow teams to co-edit pages and keep the version history",
        "let experts publish articles with an owner, a review date and a rating by readers",
        "offer community spaces per region or interest group, with moderators",
        "let users follow topics and receive a digest of what changed",
        "provide an internal news feed with comments and reactions",
        "let staff find colleagues by skill, location and team",
        "provide a place where working groups can publish minutes, papers and decisions",
        "let readers flag content that is out of date so that its owner is asked to review it",
        "let {partners} share good practice with one another in moderated groups",
    ],
    "fact": [
        "Our procedures are spread over {n_docs} documents on shared drives, and nobody is sure which version is current.",
        "The same questions arrive from different {partners} every week, and each is answered separately by e-mail.",
        "Staff who leave take their know-how with them; there is no place where lessons are written down.",
        "Teams in different offices send each other large attachments because there is no shared workspace.",
        "Our {partners} have told us they would like to learn from one another, not only from us.",
        "New starters spend weeks finding out who knows what.",
        "Guidance for field staff is printed once a year and is out of date within weeks.",
        "We keep {n_docs} policies and procedures, of which perhaps half are current.",
        "Our regional teams have each built their own intranet pages, so the same guidance exists in several versions.",
        "Experienced staff spend hours each week answering the same questions from newer colleagues.",
    ],
    "short": [
        "Shared workspaces with version history",
        "Searchable guidance library",
        "Q&A forum for {partners}",
        "Expert articles with review dates",
        "Moderated community spaces",
        "People directory by skill",
        "Follow topics / digest",
        "Working-group spaces (minutes, papers)",
        "Flag outdated content to owner",
    ],
    "story": [
        "As a new starter, I want to find the current version of a procedure without asking around.",
        "As a {partner}, I want to ask other {partners} how they solved a problem.",
        "As a subject expert, I want to be reminded when my articles are due for review.",
        "As a project member, I want to work on a document with colleagues in other offices at the same time.",
    ],
    "neg": [
        "Forums, wikis and community features are not required.",
        "Document collaboration will remain in the existing office suite and is out of scope.",
        "No knowledge base is required as part of this work.",
        "Internal communication is handled by the existing intranet and is not part of this tender.",
        "Discussion or community features will not be used.",
    ],
}

# ---------------------------------------------------------------------------------------------
# Security
# ---------------------------------------------------------------------------------------------
ACCESS_CONTROL = {
    "req": [
        "let staff sign in once with their corporate identity ({idp}) and reach every part of the service",
        "federate with {idp} using SAML 2.0 or OpenID Connect",
        "require a second factor (authenticator app, hardware key or SMS fallback) for all external users",
        "grant rights by role and by organisation, so that one {partner} never sees another's data",
        "keep the data of each client organisation strictly apart, including in search results",
        "apply permissions down to individual documents, pages and fields",
        "synchronise groups and accounts from the corporate directory every hour",
        "withdraw all access within fifteen minutes when a person leaves",
        "allow administrators to review who has access to what and export that list",
        "support step-up verification before high-risk actions such as changing bank details",
        "let a {partner} administrator switch off a colleague's access immediately",
        "hide fields such as salary, diagnosis or account balance from anyone without a business need",
    ],
    "fact": [
        "Staff currently keep a separate password for each of our {n_systems} systems, and many write them down.",
        "Last year a {partner} was able to see another firm's invoices because of a shared login.",
        "Auditors from the regulator visit twice a year and ask who could see what, and we struggle to answer.",
        "Leavers often keep access to external sites for weeks because accounts are removed by hand.",
        "Our identity team has standardised on {idp} for all new applications.",
        "Several of our business customers share one user name among the whole office.",
        "Access to sensitive records must be restricted to named individuals on a need-to-know basis.",
        "When someone moves to another team they keep their old rights, because nobody takes them away.",
        "Each of our {n_partners} {partners} must only ever see its own {customers}.",
        "We found last year that 40 former contractors could still log in to the current extranet.",
    ],
    "short": [
        "SSO via {idp}",
        "MFA for external users",
        "Role- and organisation-based permissions",
        "Strict tenant data separation",
        "Directory group sync (hourly)",
        "Leaver access revoked < 15 min",
        "Access review export",
        "Step-up auth for risky actions",
        "Partner admin can disable users",
        "Field-level visibility rules",
    ],
    "story": [
        "As an employee, I want to sign in once in the morning and reach every tool I need.",
        "As a security officer, I want leavers to lose access the day they leave.",
        "As an administrator, I want to see who can see what, and why, at any moment.",
        "As a {partner}, I want to be sure that no other firm can see my clients.",
    ],
    "neg": [
        "Single sign-on is not required in this phase.",
        "The site is public; no login or access restrictions are needed.",
        "Multi-factor authentication is not needed for this service.",
        "Integration with the corporate directory is not required.",
        "A shared password for the editors is acceptable for this small site.",
        "Access control beyond a simple editor login is not required.",
    ],
}

ACCOUNT_SERVICES = {
    "req": [
        "let {customers} create an account themselves and confirm it by e-mail or text message",
        "let users reset a forgotten password without calling the help desk",
        "allow users to update their address, phone number and contact preferences",
        "let users see and manage the consents they have given",
        "let users close their account and download their data",
        "verify a new user's identity against data we already hold before activating the account",
        "show users when and where their account was last used",
        "let a user link several contracts or policies to one login",
        "let users choose how we contact them (letter, e-mail, text message) and change it at any time",
        "send a security notice to the user whenever the e-mail address or password is changed",
        "let users see the letters and statements we have sent them",
        "let new {customers} start an application without an account and create one only when they submit it",
    ],
    "fact": [
        "A quarter of the calls to our help desk are requests to reset a password.",
        "Changing an address today means printing, signing and posting a form.",
        "We have {n_users} {customers}, but fewer than one in five has ever logged in to the current site.",
        "{customers} tell us they have three different logins for three of our services.",
        "Registration currently takes five working days because each request is checked by hand.",
        "People who move house often forget to tell us, so letters go to the wrong address.",
        "Our paper forms for changing personal details are the most downloaded documents on the current site.",
        "Users who have forgotten their customer number cannot get into the current site at all.",
        "Around {n_tx} address changes are processed by hand each year.",
    ],
    "short": [
        "Self-registration with verification",
        "Self-service password reset",
        "Profile and preference management",
        "Consent centre",
        "Account closure and data download",
        "One login for several contracts",
        "Contact preferences self-service",
        "Security notice on credential change",
        "Statements and letters online",
        "Guest start, register on submit",
    ],
    "story": [
        "As a customer, I want to reset my password myself at midnight without waiting for the help desk.",
        "As a customer who has moved house, I want to change my address once for all my contracts.",
        "As a user, I want to see and withdraw the consents I have given.",
        "As a new customer, I want to open an account online in minutes.",
    ],
    "neg": [
        "No user accounts are needed; visitors browse anonymously.",
        "Registration and login are not part of this phase.",
        "Self-service account management is out of scope.",
        "Users will not have personal accounts on the site.",
        "Password reset is handled by the identity provider and is not part of this work.",
    ],
}

COMPLIANCE = {
    "req": [
        "comply with {reg} and demonstrate how it does so in the response",
        "meet {reg} and {reg2}, with evidence provided before go-live",
        "keep all personal data within the European Economic Area",
        "keep records for the retention periods set by {buyer}'s records policy and delete them afterwards",
        "meet WCAG 2.1 level AA for all pages and documents",
        "support data subject requests within the one-month deadline set by the GDPR",
        "produce the reports that our supervisory authority requests, on demand",
        "hold ISO/IEC 27001 certification for the hosting and support services",
        "provide a current SOC 2 Type II report every year",
        "allow {buyer}'s internal audit to inspect controls at reasonable notice",
        "provide evidence of compliance with {reg2} as part of the response",
        "let {buyer} place a legal hold on records so that they are not deleted while a dispute is open",
        "publish an accessibility statement and fix reported barriers within an agreed time",
    ],
    "fact": [
        "Auditors from the regulator visit twice a year and ask who changed what.",
        "As a body subject to {reg}, we must be able to show every change made to customer data.",
        "Our data protection officer must approve any processing of personal data outside the EEA.",
        "A recent accessibility audit found that our site fails for users of screen readers.",
        "We were fined last year for keeping personal data longer than allowed.",
        "Our sector regulator expects us to publish certain documents within 48 hours.",
        "Every supplier that handles our data must pass our third-party risk assessment.",
        "Our regulator expects us to show, on request, every version of a document that a customer was shown.",
        "Under {reg}, we must be able to show who had access to personal data at any point in the last six years.",
        "Our internal audit report last year raised eleven findings about the current website.",
    ],
    "short": [
        "Compliance with {reg}",
        "EEA data residency",
        "WCAG 2.1 AA",
        "Records retention and deletion",
        "ISO 27001 certified hosting",
        "SOC 2 Type II report yearly",
        "Regulator reporting on demand",
        "DSAR handling within 1 month",
        "Legal hold on records",
        "Accessibility statement kept current",
        "Evidence of {reg2} compliance before go-live",
    ],
    "story": [
        "As the data protection officer, I want to answer a subject access request within days, not weeks.",
        "As an auditor, I want a record of who changed what and when.",
        "As a screen-reader user, I want every page and form to work with my assistive technology.",
        "As the records manager, I want documents deleted automatically when their retention period ends.",
    ],
    "neg": [
        "No personal data will be processed by the website, so data protection requirements are minimal.",
        "Certification to ISO 27001 is not required for this contract.",
        "Accessibility conformance beyond the supplier's standard product is not required.",
        "The content is public information; no regulatory obligations apply beyond general law.",
        "Records retention will be handled in the archive system and is out of scope.",
    ],
}

SECURITY_OPS = {
    "req": [
        "encrypt data in transit (TLS 1.2 or higher) and at rest",
        "allow an independent firm appointed by {buyer} to carry out penetration tests before go-live and every year",
        "fix critical vulnerabilities within 48 hours and high ones within 14 days",
        "keep a tamper-proof log of every change to user rights and sensitive data for seven years",
        "protect the service with a web application firewall and protection against denial-of-service attacks",
        "feed security events to {buyer}'s monitoring centre in near real time",
        "notify {buyer} of any suspected breach within 24 hours",
        "provide a tested incident response plan and take part in a yearly exercise",
        "scan code and third-party libraries for known weaknesses before each release",
        "hold encryption keys in a hardware security module under {buyer}'s control",
        "separate production, test and development environments, with no live personal data outside production",
        "provide the results of security tests and the plan to fix findings to {buyer}'s security officer",
        "support a responsible-disclosure process for security researchers",
    ],
    "fact": [
        "Our public site was taken offline twice last year by floods of malicious traffic.",
        "The board has asked for an independent attack test of every internet-facing service.",
        "We cannot currently tell who changed a record, only that it was changed.",
        "A phishing campaign last spring targeted our {customers} with a copy of our login page.",
        "Our security operations centre watches all systems around the clock and expects new services to report to it.",
        "An outside review found several unpatched components on the current platform.",
        "Our insurers now ask for evidence of annual attack testing on every internet-facing system.",
        "Nobody noticed for three weeks that the current site had been defaced on a rarely visited page.",
        "Our cyber team expects every new service to send its logs to the central monitoring tool from day one.",
    ],
    "short": [
        "Encryption in transit and at rest",
        "Annual independent pen test",
        "Vuln fix SLA: 48h critical",
        "Tamper-proof audit trail (7 yrs)",
        "WAF and DDoS protection",
        "SIEM feed to SOC",
        "Breach notice < 24h",
        "Customer-held keys (HSM)",
        "Env separation, no live data in test",
        "Responsible-disclosure process",
        "Findings remediation plan to CISO",
    ],
    "story": [
        "As the security operations centre, I want the portal's logs in our monitoring tool in real time.",
        "As the information security manager, I want a yearly independent attack test and a plan to fix what it finds.",
        "As a customer, I want to be told at once if my details may have been exposed.",
        "As the service owner, I want the site to stay up when it is flooded with malicious traffic.",
    ],
    "neg": [
        "Penetration testing will be arranged by {buyer} separately and is not part of this contract.",
        "No special security measures beyond standard hosting are expected.",
        "Audit logging is not required for this website.",
        "Security monitoring is provided by the hosting partner and is not part of this contract.",
        "Encryption of stored data is not required as no sensitive data is held.",
    ],
}

# ---------------------------------------------------------------------------------------------
# Enterprise
# ---------------------------------------------------------------------------------------------
SCALE = {
    "req": [
        "serve {n_users} registered users and {peak} people at the same time without slowing down",
        "be available {uptime} of the time, measured monthly, excluding agreed maintenance",
        "answer 95 % of page requests within two seconds at peak load",
        "keep running if one data centre or availability zone fails",
        "grow to twice today's traffic without redesign",
        "handle {n_tx} transactions a year, with month-end peaks of three times the average",
        "recover from a major failure within four hours, losing no more than fifteen minutes of data",
        "be load-tested by the Supplier at 150 % of the forecast peak before go-live",
        "support {n_staff} staff and {n_users} external users from the first release",
        "keep the service up during releases, with no planned downtime in business hours",
        "scale automatically when traffic rises and shrink again afterwards",
    ],
    "fact": [
        "We have {n_users} {customers}, and around {peak} of them log in on the last day of each month.",
        "Last January the current site went down for six hours during the busiest week of the year.",
        "All {n_staff} of our employees will use the new service from day one.",
        "Traffic has doubled in three years and is expected to keep growing.",
        "An outage of more than an hour makes the national news in our sector.",
        "Around {n_tx} {case} are submitted online each year.",
        "On the day annual statements are published, traffic rises to ten times the normal level.",
        "The current platform is at the limit of what it can handle; pages take eight seconds to load at month end.",
        "Our contact centre receives {n_tx} calls a year, and we expect many of them to move online.",
    ],
    "short": [
        "{n_users} registered users",
        "{peak} concurrent sessions",
        "Availability {uptime}",
        "p95 response < 2 s",
        "Active-active across 2 zones",
        "RTO 4 h / RPO 15 min",
        "Load test at 150 % of peak",
        "Zero-downtime releases",
        "Auto-scaling on demand",
        "{n_staff} staff + {n_users} external users",
    ],
    "story": [
        "As a customer, I want the site to stay fast on the last day of the month when everyone logs in.",
        "As the service owner, I want the platform to keep running if a data centre fails.",
        "As the operations lead, I want capacity to grow with demand without a new project.",
    ],
    "neg": [
        "Traffic is low, a few hundred visits a day, and no particular performance targets apply.",
        "Standard shared hosting is sufficient; no availability commitment is required.",
        "Clustering and failover are not required.",
        "We expect fewer than 50 visitors a day.",
        "A single server is sufficient for the expected load.",
    ],
}

MULTI_SITE = {
    "req": [
        "run {n_brands} brand sites and {n_countries} country sites from one shared platform",
        "publish content in {n_langs} languages, including right-to-left scripts",
        "let local teams in each market manage their own content within central guidelines",
        "send pages for translation to our language service provider and bring them back for review",
        "let a country site inherit central content and override it where needed",
        "serve each market from its own domain, with local legal pages and cookie rules",
        "support regional variations of product ranges and prices",
        "provide a sites dashboard for central marketing covering all {n_sites} web properties",
        "let each region publish its own news and events alongside shared national content",
        "support local date, number and currency formats for each market",
        "manage the sites of newly acquired companies on the same platform within weeks",
    ],
    "fact": [
        "We operate in {n_countries} countries and publish in {n_langs} languages.",
        "Today we run {n_sites} separate websites, built by different agencies at different times.",
        "Each of our {n_brands} brands has its own site, and each looks and works differently.",
        "Translations are sent by e-mail as Word files and pasted back in by hand.",
        "Local offices often copy central content and then forget to update it.",
        "The group has grown by acquisition and every new company brought its own website.",
        "Our {n_sites} sites are maintained by {n_sites} different teams with different tools.",
        "Customers in our smaller markets often land on the English site and leave.",
        "Each acquisition adds another website that we have to keep alive for years.",
    ],
    "short": [
        "{n_langs} languages",
        "{n_countries} country sites",
        "{n_sites} sites on one platform",
        "Translation connector to LSP",
        "Central content, local override",
        "Per-market domains and legal pages",
        "Regional news alongside national content",
        "Local formats (date, currency)",
        "Onboard acquired brands quickly",
    ],
    "story": [
        "As a country marketing manager, I want to publish local news without waiting for head office.",
        "As a visitor from abroad, I want the site in my own language.",
        "As the central web team, I want one place to manage all {n_sites} sites.",
    ],
    "neg": [
        "The site will be in English only.",
        "Only one website is in scope; no multi-site capability is required.",
        "Translation is not required.",
        "One national website is required; there are no regional or foreign-language versions.",
        "Content will be written in the national language only.",
    ],
}

EXTENSIBILITY = {
    "req": [
        "offer documented REST or GraphQL interfaces to all content and transactions",
        "let our own developers build new features on the platform without touching its core",
        "deliver content headless to the mobile app, kiosks and partner sites",
        "allow new forms and small applications to be assembled by trained business users",
        "provide a software development kit, a local development environment and a test sandbox",
        "allow {buyer} to take over development in-house or hand it to another supplier later",
        "expose webhooks so that other systems can react to events on the platform",
        "support versioned APIs with at least twelve months' notice before a version is withdrawn",
        "let us add our own components without waiting for the vendor's release cycle",
        "publish an open API catalogue that our partners can use under agreed terms",
        "be built so that new services can be added by configuration and code, not only by configuration",
        "keep customisations working when the platform is upgraded",
    ],
    "fact": [
        "We have a team of {n_roles} in-house developers who will extend the platform after launch.",
        "Our mobile app and our website show the same content, but it is entered twice.",
        "Every small change to the current product has to be ordered from the vendor, at a price.",
        "We expect to add new services every quarter over the next five years.",
        "Partners have asked for a way to pull our product data into their own systems.",
        "Five years ago we bought a closed product and have been unable to adapt it since.",
        "Our roadmap includes a customer app, a partner app and screens in our branches, all fed from one source.",
        "Our developers work in Java and JavaScript and want to use the tools they know.",
        "Each year we build between five and ten new digital services.",
    ],
    "short": [
        "Documented REST/GraphQL APIs",
        "Extension without core changes",
        "Headless delivery to app and kiosks",
        "Low-code forms for business users",
        "SDK + sandbox",
        "Webhooks on platform events",
        "Versioned APIs, 12-month notice",
        "Own components outside vendor cycle",
        "Partner API catalogue",
        "Customisations survive upgrades",
    ],
    "story": [
        "As a developer, I want documented APIs so that I can connect our app without asking the vendor.",
        "As the product owner, I want to add a new service each quarter without replacing the platform.",
        "As a partner developer, I want to pull product data into our own shop automatically.",
    ],
    "neg": [
        "No customisation is foreseen; the product will be used as delivered.",
        "APIs are not required.",
        "We have no in-house developers and do not plan to extend the solution.",
        "Bidders should not propose bespoke development.",
        "An API for third parties is not required.",
    ],
}

# ---------------------------------------------------------------------------------------------
# Walk-away signals
# ---------------------------------------------------------------------------------------------
SIMPLE_SITE = {
    "req": [
        "deliver a simple website of about fifteen pages presenting our services",
        "provide a home page, an about-us page, a news page and a contact form",
        "let one editor change text and images a few times a year",
        "provide a clean, attractive design that works on phones",
        "set up a one-page site for the campaign, live for three months",
        "provide a small site of no more than twenty pages with a simple page editor",
        "include a blog for occasional news items",
        "replace our current site with a fresh design of the same size",
    ],
    "fact": [
        "The website is essentially a digital leaflet: people read about us and then phone.",
        "We expect to update the site a handful of times a year.",
        "The current site has twelve pages and a contact form, and that has served us well.",
        "We are a small organisation and need a modern shop window, nothing more.",
        "Most visitors only look for our opening hours and address.",
        "A single landing page for the event with a registration link will be enough.",
        "The site has no logged-in area and none is planned.",
        "We publish around four news items a year.",
        "No transactions will take place on the website.",
    ],
    "short": [
        "c. 15-page brochure site",
        "Home / About / News / Contact",
        "Single editor, rare updates",
        "Campaign landing page",
        "Simple page editor",
        "Occasional blog posts",
    ],
    "neg": [],
}

TURNKEY = {
    "req": [
        "be a ready-made hosted product that can be switched on within four weeks",
        "work as delivered, with configuration only and no custom development",
        "be available as a monthly subscription that we can start and stop at short notice",
        "be usable by our staff on day one without a project team",
        "come with standard templates that we choose from rather than a bespoke design",
        "be configured by our staff using the vendor's standard settings, without a supplier project",
        "use the vendor's standard hosting and release schedule without changes",
        "be in use within one month of contract award",
    ],
    "fact": [
        "We do not have budget for bespoke development and will not fund it.",
        "We want something we can sign up to online, much as we did for our e-mail service.",
        "Our preference is a product we can take as it is; we will adapt our processes to it.",
        "The previous project failed because it was over-engineered; this time we want a standard package.",
        "Bids that propose custom code will be marked down.",
        "We would like to see the product working in our own trial account before we buy.",
        "Suppliers should propose their standard package; modifications will not be paid for.",
        "We have no IT staff and need a product that runs itself.",
    ],
    "short": [
        "Standard SaaS, no custom code",
        "Live within 4 weeks",
        "Monthly subscription",
        "Template-based design",
        "Trial account before purchase",
        "Vendor standard config only",
    ],
    "neg": [],
}

PLATFORM_MANDATE = {
    "req": [
        "be built on {other_platform}, the corporate standard of {buyer}",
        "extend our existing {other_platform} installation rather than introduce a new product",
        "be delivered by a certified {other_platform} partner",
        "use {other_platform} for content management, as all our other sites do",
        "run on our {other_platform} licences, which are already paid for until {year}",
        "reuse the {other_platform} templates and components of our main website",
    ],
    "fact": [
        "All our websites run on {other_platform} and the IT strategy does not allow a second product.",
        "{Buyer} has an enterprise agreement for {other_platform} and expects suppliers to use it.",
        "Our in-house team is trained on {other_platform} and will maintain the site after handover.",
        "Proposals based on any product other than {other_platform} will not be evaluated.",
        "The new portal will sit inside our {other_platform} intranet, which all staff already use.",
        "Our hosting contract only supports {other_platform}.",
        "Only bidders with at least three reference projects on {other_platform} will be shortlisted.",
    ],
    "short": [
        "Must use {other_platform}",
        "Certified {other_platform} partner",
        "Extend existing {other_platform} estate",
        "{other_platform} only",
        "Reuse {other_platform} components",
    ],
    "neg": [],
}

# Out-of-scope procurements: the main object of the tender is not software of this kind.
OUT_OF_SCOPE = {
    "hardware": {
        "title": "Supply of End-User Devices and Associated Services",
        "fact": [
            "This tender is for the supply, imaging and delivery of {n_staff} laptops, docking stations and monitors.",
            "Lot 1 covers hardware supply and three-year on-site warranty; the small web component in Lot 2 is secondary.",
            "Devices must be delivered to {n_sites} offices and installed at each desk.",
        ],
        "req": [
            "supply {n_staff} laptops meeting the specification in Annex D",
            "collect and securely wipe the old devices and provide a certificate of destruction",
            "keep a stock of spare units at each site",
        ],
    },
    "printing": {
        "title": "Print, Mailing and Fulfilment Services",
        "fact": [
            "The main requirement is the printing and mailing of about {n_users} letters and leaflets a year.",
            "The contract covers design for print, print production, enveloping and postage.",
            "A simple web page announcing the mailing is a minor part of the contract.",
        ],
        "req": [
            "print and dispatch statements within two working days of receiving the data file",
            "provide proofs on paper and in PDF before each run",
            "hold a stock of pre-printed envelopes",
        ],
    },
    "staffing": {
        "title": "Provision of Temporary and Contract Staff",
        "fact": [
            "This framework is for the provision of temporary staff to work in our offices under our direction.",
            "We expect to engage around {n_roles} contractors at any one time, paid on the agreed pay scale.",
            "The Supplier will not deliver a solution; it will supply people.",
        ],
        "req": [
            "provide vetted candidates within five working days of a request",
            "carry out right-to-work and reference checks for every candidate",
            "invoice monthly on the basis of approved timesheets",
        ],
    },
    "construction": {
        "title": "Refurbishment of Offices and Reception Areas",
        "fact": [
            "The works comprise the refurbishment of the ground floor and reception of our head office.",
            "The building is a steel portal frame building built in the 1990s.",
            "Contractors will need to work outside office hours to limit disruption.",
        ],
        "req": [
            "complete the works within sixteen weeks of possession of the site",
            "provide a principal designer and a construction phase plan",
            "install new lighting, flooring and a visitor reception desk",
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# Traps: sentences a keyword tagger would misread. Placed mostly in boilerplate and background.
# ---------------------------------------------------------------------------------------------
TRAPS = [
    "Security guards for the event venue will be provided by the facilities contractor.",
    "Following the integration of the two departments after the merger, finance and procurement now sit in one building.",
    "The door access control readers at the main entrance are maintained under a separate contract and are not part of this tender.",
    "Our project workflow for this tender is set out in the timetable in Section 2.",
    "The warehouse is a steel portal frame building with a mezzanine floor.",
    "All tenders must be submitted through the e-tendering portal; login details are issued on registration.",
    "Bidders must register on the procurement portal to receive answers to clarification questions.",
    "The roles and responsibilities of the evaluation panel are described in Annex C.",
    "A site visit to the head office may be arranged on request.",
    "Compliance with these instructions is a condition of participation.",
    "The contract value may be scaled up or down in line with budget availability.",
    "The successful bidder will attend a kick-off meeting at one of our {n_sites} offices.",
    "Bidders must hold public liability insurance of at least EUR 5,000,000.",
    "Responses must not exceed 40 pages, excluding annexes.",
    "Encrypted or password-protected files cannot be opened by the evaluation panel and will be rejected.",
    "Supplier staff may need a basic security check before they are given a building pass.",
    "Members of a consortium (partners) must each sign the Form of Tender.",
    "Clarification questions must be sent through the messaging function of the tender platform.",
    "The scale of charges for late delivery is set out in Schedule 4.",
    "Knowledge of the local market will be assessed at interview.",
    "{Buyer}'s multi-storey car park is available to visitors for the presentation day.",
    "Our fire alarm and intruder alarm systems were upgraded last year.",
    "Each bidder should name a single point of contact for the procurement.",
    "The evaluation panel will use a two-stage approval process before the award is published.",
    "Bidders are reminded that user names and passwords for the tender platform must not be shared.",
    "Translations of the tender documents are provided for information only; the English version prevails.",
    "The registration number of the company must be stated on the Form of Tender.",
    "The Supplier shall be responsible for the safety and security of its own equipment while on site.",
    "Visitors must sign in at reception and wear a visitor badge at all times.",
    "Bidders must log in to the tender platform to download the full set of documents.",
    "The successful Supplier will be expected to integrate smoothly with our in-house project team.",
    "Key roles in the Supplier's team must not change without our written agreement.",
    "Experience of contracts of a similar scale will be considered at the selection stage.",
    "Our workflow for handling clarification questions is described in the instructions above.",
    "Supplier staff working on our premises will be issued with access cards for the duration of the contract.",
    "Minutes of the bidders' conference will be shared with all registered bidders.",
    "The evaluation panel of 5 members includes representatives from 3 departments.",
    "Prices must be quoted in EUR for each of the 3 years of the initial term.",
    "The building offers secure parking and step-free access for visitors.",
    "Our translation of the standard terms into other languages is provided as a courtesy only.",
    "The Supplier shall provide a single invoice covering all sites each month.",
]

# ---------------------------------------------------------------------------------------------
# Verticals: buyer names, contexts, systems, regulations, people
# ---------------------------------------------------------------------------------------------
VERTICALS: dict[str, dict[str, list[str]]] = {
    "financial_services": {
        "org_a": [
            "Northgate",
            "Harbourline",
            "Albion",
            "Westmere",
            "Crown Lane",
            "Kestrel",
            "Meridian",
            "Lindqvist",
        ],
        "org_b": [
            "Mutual",
            "Bank",
            "Life Assurance",
            "Building Society",
            "Insurance Group",
            "Savings Bank",
            "Wealth Partners",
        ],
        "buyer": ["the Bank", "the Society", "the Group", "the Insurer"],
        "customers": ["policyholders", "members", "account holders", "clients"],
        "partners": ["brokers", "intermediaries", "independent advisers", "agents"],
        "case": ["claims", "loan applications", "mortgage applications", "policy changes"],
        "systems": [
            "Guidewire ClaimCenter",
            "Temenos Transact",
            "the policy administration mainframe",
            "Salesforce Financial Services Cloud",
            "the core banking system",
            "Finastra Fusion",
            "the document archive (OpenText)",
            "the fraud-scoring service",
        ],
        "regs": [
            "DORA",
            "PSD2 strong customer authentication",
            "the GDPR",
            "PCI DSS",
            "the EBA outsourcing guidelines",
            "MiFID II record-keeping rules",
            "ISO/IEC 27001",
            "SOC 2",
        ],
        "context": [
            "{org} serves {n_users} {customers} through branches, a contact centre and a network of {n_partners} {partners}.",
            "{Buyer} has grown through acquisitions and now runs several product lines under one licence.",
            "Customer expectations have shifted quickly towards digital service, and our competitors have moved first.",
        ],
        "titles": [
            "Customer and Broker Portal",
            "Digital Self-Service Platform",
            "Member Online Services Replacement",
            "Intermediary Extranet",
        ],
    },
    "government": {
        "org_a": [
            "Eastvale",
            "Kingsmoor",
            "Riverside",
            "Ashford",
            "Northfield",
            "Saint Albury",
            "Greystone",
            "Lowmarsh",
        ],
        "org_b": [
            "County Council",
            "City Council",
            "Regional Authority",
            "Ministry of Housing",
            "Land Registry",
            "Revenue Agency",
            "Licensing Agency",
        ],
        "buyer": ["the Authority", "the Council", "the Agency", "the Ministry"],
        "customers": ["citizens", "residents", "applicants", "businesses"],
        "partners": ["agents", "accredited intermediaries", "local businesses", "housing associations"],
        "case": ["permit applications", "licence applications", "grant requests", "benefit claims"],
        "systems": [
            "the case management system",
            "Civica",
            "SAP S/4HANA",
            "the national eID gateway",
            "the GIS",
            "the revenues and benefits system",
            "Oracle E-Business Suite",
            "the electronic records store",
        ],
        "regs": [
            "the GDPR",
            "WCAG 2.1 AA and the public sector accessibility regulations",
            "the Government Security Classification policy",
            "ISO/IEC 27001",
            "the national records retention schedule",
            "NIS2",
            "the Freedom of Information Act",
        ],
        "context": [
            "{org} provides services to {n_users} {customers} and employs {n_staff} staff.",
            "{Buyer}'s digital strategy commits to making every common transaction available online.",
            "Budget pressure means that services must be delivered with fewer staff than five years ago.",
        ],
        "titles": [
            "Digital Citizen Services Platform",
            "Online Licensing and Permits Portal",
            "Public Services Portal",
            "Resident Account Programme",
        ],
    },
    "healthcare": {
        "org_a": [
            "St Brennan's",
            "Valewood",
            "Northern Lakes",
            "Harrowgate",
            "Medway Valley",
            "Clearwater",
            "Holloway",
        ],
        "org_b": [
            "Hospital Trust",
            "Health Board",
            "Care Group",
            "Clinics",
            "Health Insurance Fund",
            "Medical Centre",
        ],
        "buyer": ["the Trust", "the Board", "the Fund", "the Group"],
        "customers": ["patients", "members", "carers", "insured persons"],
        "partners": ["GP practices", "care homes", "referring clinicians", "pharmacies"],
        "case": ["referrals", "reimbursement claims", "appointment requests", "prior-authorisation requests"],
        "systems": [
            "Epic",
            "Cerner Millennium",
            "the patient administration system",
            "the HL7 FHIR integration engine",
            "SAP for Healthcare",
            "the laboratory information system",
            "the e-prescribing service",
            "Microsoft Dynamics 365",
        ],
        "regs": [
            "HIPAA",
            "the GDPR",
            "ISO/IEC 27001",
            "the Data Security and Protection Toolkit",
            "NEN 7510",
            "WCAG 2.1 AA",
            "HDS hosting certification",
        ],
        "context": [
            "{org} cares for {n_users} {customers} across {n_sites} sites and employs {n_staff} people.",
            "Demand for appointments has grown faster than clinical capacity for several years.",
            "Clinicians spend a growing share of their time on administration rather than care.",
        ],
        "titles": [
            "Patient and Referrer Portal",
            "Digital Front Door",
            "Member Self-Service Portal",
            "Clinician Extranet",
        ],
    },
    "manufacturing": {
        "org_a": ["Brandt", "Keller", "Norsk", "Valtec", "Hollis", "Aurum", "Steinberg", "Fairhaven"],
        "org_b": ["Industries", "Machinery", "Components", "Engineering", "Tools", "Pumps", "Automotive"],
        "buyer": ["the Company", "the Group", "the Manufacturer"],
        "customers": ["end customers", "machine owners", "trade customers", "OEM customers"],
        "partners": ["dealers", "distributors", "installers", "service partners"],
        "case": ["warranty claims", "spare-part orders", "service requests", "returns"],
        "systems": [
            "SAP S/4HANA",
            "SAP ECC",
            "the PLM system (Windchill)",
            "Salesforce Sales Cloud",
            "Infor LN",
            "the product information system",
            "the warranty database",
            "Microsoft Dynamics 365",
        ],
        "regs": [
            "ISO/IEC 27001",
            "the GDPR",
            "export control rules",
            "TISAX",
            "the EU Machinery Regulation documentation rules",
        ],
        "context": [
            "{org} designs and builds equipment sold through {n_partners} {partners} in {n_countries} countries.",
            "After-sales service and spare parts now provide most of {buyer}'s margin.",
            "{Buyer} employs {n_staff} people in {n_sites} plants.",
        ],
        "titles": [
            "Dealer and Service Portal",
            "B2B Spare Parts Portal",
            "Partner Extranet Renewal",
            "Customer Self-Service Portal",
        ],
    },
    "energy_utilities": {
        "org_a": ["Northwind", "Vattenberg", "Solent", "Highmoor", "Rheinland", "Clearflow", "Greenfield"],
        "org_b": ["Energy", "Water", "Power Networks", "Utilities", "Gas Distribution", "District Heating"],
        "buyer": ["the Company", "the Utility", "the Network Operator"],
        "customers": ["customers", "account holders", "households", "business customers"],
        "partners": ["installers", "contractors", "energy brokers", "field service partners"],
        "case": [
            "connection requests",
            "meter reading disputes",
            "outage reports",
            "move-in and move-out requests",
        ],
        "systems": [
            "SAP IS-U",
            "the meter data management system",
            "the outage management system",
            "Salesforce",
            "the GIS",
            "Oracle Utilities CC&B",
            "the billing engine",
        ],
        "regs": [
            "NIS2",
            "the GDPR",
            "ISO/IEC 27001",
            "the regulator's guaranteed standards of service",
            "IEC 62443",
        ],
        "context": [
            "{org} supplies {n_users} {customers} and maintains a network across {n_sites} depots.",
            "The energy transition is bringing new kinds of connection requests in growing numbers.",
            "The regulator sets targets for customer service that carry financial penalties.",
        ],
        "titles": [
            "Customer Self-Service Portal",
            "Connections Portal",
            "Contractor Extranet",
            "Digital Customer Platform",
        ],
    },
    "education": {
        "org_a": ["Westbrook", "Lakeshore", "Kingsgate", "Ravensworth", "Elmhurst", "Coastal", "Highbury"],
        "org_b": ["University", "College", "School District", "Academy Trust", "Institute of Technology"],
        "buyer": ["the University", "the College", "the Trust", "the District"],
        "customers": ["students", "applicants", "parents", "alumni"],
        "partners": ["partner schools", "placement employers", "research partners", "agents"],
        "case": ["admissions applications", "extension requests", "placement agreements", "course changes"],
        "systems": [
            "the student record system (Tribal SITS)",
            "Moodle",
            "Canvas",
            "Workday Student",
            "the finance system",
            "Microsoft 365",
            "the timetabling system",
        ],
        "regs": [
            "the GDPR",
            "WCAG 2.1 AA",
            "FERPA",
            "ISO/IEC 27001",
            "the Prevent duty record-keeping rules",
        ],
        "context": [
            "{org} has {n_users} {customers} and {n_staff} staff on {n_sites} campuses.",
            "International recruitment has grown and applicants expect answers online at any hour.",
            "Academic departments have built their own sites over the years with little coordination.",
        ],
        "titles": [
            "Student and Applicant Portal",
            "Staff Intranet Replacement",
            "Alumni and Partner Portal",
            "Website and Digital Services",
        ],
    },
    "retail_distribution": {
        "org_a": ["Fenwick", "Baltic", "Oakridge", "Marlow", "Hansa", "Greenleaf", "Vantage"],
        "org_b": ["Wholesale", "Distribution", "Retail Group", "Trading", "Cash & Carry", "Supplies"],
        "buyer": ["the Company", "the Group", "the Retailer"],
        "customers": ["customers", "trade customers", "shoppers", "members"],
        "partners": ["franchisees", "suppliers", "stores", "resellers"],
        "case": ["returns", "supplier claims", "store orders", "listing requests"],
        "systems": [
            "SAP S/4HANA",
            "the warehouse management system",
            "Microsoft Dynamics 365 Business Central",
            "the PIM (Akeneo)",
            "Salesforce Commerce Cloud",
            "the loyalty platform",
            "the EDI hub",
        ],
        "regs": ["PCI DSS", "the GDPR", "WCAG 2.1 AA", "ISO/IEC 27001"],
        "context": [
            "{org} supplies {n_partners} {partners} and serves {n_users} {customers}.",
            "Margins are thin and manual handling of orders is a large share of our cost.",
            "{Buyer} operates {n_sites} stores and depots.",
        ],
        "titles": [
            "Supplier and Franchise Portal",
            "B2B Ordering Portal",
            "Store Intranet",
            "Trade Customer Portal",
        ],
    },
    "telecom": {
        "org_a": ["Skyline", "Nordlink", "Helix", "Orbit", "Connectis", "Fjord", "Atlas"],
        "org_b": ["Telecom", "Networks", "Mobile", "Broadband", "Communications"],
        "buyer": ["the Operator", "the Company", "the Group"],
        "customers": ["subscribers", "business customers", "customers", "wholesale customers"],
        "partners": ["resellers", "wholesale partners", "installers", "retail partners"],
        "case": ["fault reports", "porting requests", "installation orders", "service changes"],
        "systems": [
            "Amdocs",
            "the OSS/BSS stack",
            "Salesforce",
            "the provisioning platform",
            "SAP S/4HANA",
            "the number-porting gateway",
            "ServiceNow",
        ],
        "regs": [
            "the GDPR",
            "the ePrivacy rules",
            "NIS2",
            "ISO/IEC 27001",
            "the electronic communications code",
        ],
        "context": [
            "{org} serves {n_users} {customers} in {n_countries} countries through {n_partners} {partners}.",
            "Business customers now expect to manage their services entirely online.",
            "Our product catalogue has grown to several hundred offers and bundles.",
        ],
        "titles": [
            "Business Customer Self-Care Portal",
            "Wholesale Partner Portal",
            "Reseller Extranet",
            "Digital Care Platform",
        ],
    },
    "other": {
        "org_a": ["Heritage", "Bluewater", "Summit", "Lantern", "Cedar", "Arden", "Pioneer"],
        "org_b": [
            "Foundation",
            "Association",
            "Museum Trust",
            "Sports Federation",
            "Charity",
            "Chamber of Commerce",
            "Events Ltd",
        ],
        "buyer": ["the Foundation", "the Association", "the Trust", "the Organisation"],
        "customers": ["members", "visitors", "supporters", "volunteers"],
        "partners": ["member clubs", "chapters", "sponsors", "affiliates"],
        "case": ["membership applications", "grant applications", "bookings", "event registrations"],
        "systems": [
            "the membership database",
            "Salesforce Nonprofit Cloud",
            "the ticketing system",
            "Xero",
            "the CRM (Dynamics 365)",
            "the donations platform",
        ],
        "regs": ["the GDPR", "WCAG 2.1 AA", "PCI DSS", "the charity regulator's reporting rules"],
        "context": [
            "{org} has {n_users} {customers} and a small team of {n_staff} staff.",
            "Most of our work is done by volunteers, who give their time generously.",
            "We depend on membership fees and donations and must keep costs under control.",
        ],
        "titles": [
            "Member Portal",
            "New Website",
            "Digital Services Platform",
            "Online Booking and Membership",
        ],
    },
}

#: When the buyer's name contains one of these words, the text calls it "the <word>".
BUYER_NOUNS = (
    "Council", "Authority", "Ministry", "Agency", "Registry", "Bank", "Society", "Trust", "Board", "Fund", "University",
    "College", "District", "Institute", "Foundation", "Association", "Federation", "Charity", "Chamber", "Academy",
)  # fmt: skip

SIMPLE_TITLES = [
    "New Corporate Website",
    "Website Redesign",
    "Campaign Microsite",
    "Brochure Website Refresh",
]
OTHER_PLATFORMS = [
    "WordPress",
    "Drupal",
    "Sitecore",
    "Adobe Experience Manager",
    "SharePoint Online",
    "Optimizely",
    "Umbraco",
]
IDPS = [
    "Microsoft Entra ID",
    "Okta",
    "our Active Directory",
    "the national eID scheme",
    "Ping Identity",
    "our Keycloak server",
]

# ---------------------------------------------------------------------------------------------
# Boilerplate: most of a real RFP. Each entry is (heading, [sentence variants]); a paragraph is
# a few sentences drawn from a clause's list, so long documents do not repeat themselves verbatim.
# ---------------------------------------------------------------------------------------------
INSTRUCTIONS = [
    (
        "Purpose of this document",
        [
            "This document sets out the requirements of {buyer} and explains how bidders should respond.",
            "Bidders should read this document in full before preparing a response.",
            "Nothing in this document constitutes an offer capable of acceptance.",
            "{Buyer} reserves the right to amend these documents at any time before the closing date.",
        ],
    ),
    (
        "Timetable",
        [
            "The closing date for responses is 12:00 noon local time on the date stated in the timetable.",
            "Late responses will not be considered unless {buyer}, at its sole discretion, decides otherwise.",
            "The dates shown are indicative and may be changed by {buyer} by notice to all bidders.",
            "Shortlisted bidders may be invited to present their proposal in the week following evaluation.",
        ],
    ),
    (
        "Clarification questions",
        [
            "Questions about this document must be submitted in writing no later than ten days before the closing date.",
            "Answers will be shared with all bidders without identifying the bidder who asked the question.",
            "Bidders may not contact any member of staff of {buyer} about this procurement other than through the named contact.",
            "If a bidder believes a question is commercially sensitive it should say so, giving reasons.",
        ],
    ),
    (
        "Format of the response",
        [
            "Responses must be written in English and follow the structure of the response template in Annex A.",
            "Each answer should be self-contained and should not refer to material elsewhere in the response.",
            "Marketing brochures will not be evaluated.",
            "Pricing must be submitted separately from the technical response, in the pricing schedule provided.",
            "Bidders must state any assumptions they have made in a separate section of their response.",
        ],
    ),
    (
        "Validity of tenders",
        [
            "Tenders shall remain valid for acceptance for a period of 120 days from the closing date.",
            "Prices must be firm and fixed for the initial term of the contract unless stated otherwise.",
            "{Buyer} will not reimburse any costs incurred by bidders in preparing their response.",
        ],
    ),
    (
        "Conflicts of interest and canvassing",
        [
            "Bidders must declare any actual or potential conflict of interest.",
            "Any attempt to canvass members of the evaluation panel will lead to disqualification.",
            "Bidders must not collude with other bidders in the preparation of their tenders.",
        ],
    ),
    (
        "Exclusion grounds",
        [
            "Bidders must complete the selection questionnaire, including the mandatory and discretionary exclusion grounds.",
            "{Buyer} may exclude a bidder that has been convicted of certain offences or has failed to pay taxes.",
            "Bidders must provide their last two years of audited accounts or equivalent evidence of financial standing.",
        ],
    ),
]

EVALUATION = [
    "Responses will be evaluated on the basis of the most economically advantageous tender.",
    "The quality score will be calculated by the evaluation panel by consensus.",
    "Each question will be scored from 0 (no response) to 5 (excellent) and weighted as shown in the table.",
    "A score of 0 or 1 on any pass/fail question will result in the tender being rejected.",
    "The price score will be calculated relative to the lowest compliant price.",
    "{Buyer} may seek clarification of any response during evaluation; answers may be used to adjust scores.",
    "References may be taken up for shortlisted bidders.",
]

EVAL_CRITERIA = [
    ("Functional fit", 25),
    ("Technical approach", 15),
    ("Implementation plan", 10),
    ("Service and support", 10),
    ("Social value", 5),
    ("Price", 30),
    ("Presentation", 5),
]

TERMS = [
    (
        "Definitions and interpretation",
        [
            "In this contract, words in the singular include the plural and vice versa.",
            "Headings are for convenience only and do not affect interpretation.",
            "References to a statute include that statute as amended or re-enacted from time to time.",
        ],
    ),
    (
        "Term",
        [
            "The contract will run for an initial term of three years from the commencement date.",
            "{Buyer} may extend the contract by up to two further periods of twelve months each.",
            "Any extension will be on the same terms unless the parties agree otherwise in writing.",
        ],
    ),
    (
        "Payment",
        [
            "The Supplier shall invoice monthly in arrears.",
            "{Buyer} shall pay undisputed invoices within 30 days of receipt.",
            "Invoices must quote the purchase order number and be sent to the accounts payable mailbox.",
            "Interest on late payment shall be payable at the statutory rate.",
        ],
    ),
    (
        "Liability",
        [
            "Neither party limits its liability for death or personal injury caused by its negligence, or for fraud.",
            "Subject to the above, each party's total liability shall not exceed 125 % of the charges paid in the preceding twelve months.",
            "Neither party shall be liable for indirect or consequential loss.",
        ],
    ),
    (
        "Insurance",
        [
            "The Supplier shall maintain professional indemnity insurance of not less than EUR 2,000,000 per claim.",
            "The Supplier shall maintain employer's liability insurance as required by law.",
            "Evidence of insurance must be provided on request.",
        ],
    ),
    (
        "Confidentiality",
        [
            "Each party shall keep confidential all information of the other that it receives under the contract.",
            "Confidential information may be disclosed where required by law or by a court of competent jurisdiction.",
            "This obligation survives the end of the contract for five years.",
        ],
    ),
    (
        "Intellectual property",
        [
            "Intellectual property in materials created specifically for {buyer} shall vest in {buyer} on creation.",
            "The Supplier grants {buyer} a perpetual licence to use any pre-existing materials incorporated in the deliverables.",
            "The Supplier warrants that the deliverables do not infringe the rights of any third party.",
        ],
    ),
    (
        "Termination",
        [
            "{Buyer} may terminate the contract on three months' written notice without giving reasons.",
            "Either party may terminate immediately if the other commits a material breach that is not remedied within 30 days.",
            "On termination the Supplier shall cooperate fully in the orderly transfer of the services.",
        ],
    ),
    (
        "Force majeure",
        [
            "Neither party shall be liable for delay caused by events beyond its reasonable control.",
            "The affected party shall notify the other promptly and use reasonable endeavours to mitigate the effects.",
            "If the event continues for more than 60 days, either party may terminate on written notice.",
        ],
    ),
    (
        "Sub-contracting and assignment",
        [
            "The Supplier shall not sub-contract any part of the services without prior written consent.",
            "The Supplier remains responsible for the acts and omissions of its sub-contractors.",
            "{Buyer} may assign the contract to any successor body.",
        ],
    ),
    (
        "Dispute resolution",
        [
            "The parties shall attempt in good faith to resolve any dispute by negotiation between senior representatives.",
            "If a dispute is not resolved within 20 working days, it may be referred to mediation.",
            "The contract is governed by the laws of the jurisdiction in which {buyer} has its seat.",
        ],
    ),
    (
        "Anti-bribery and ethical conduct",
        [
            "The Supplier shall comply with all applicable anti-bribery and anti-corruption laws.",
            "The Supplier shall take steps to ensure that slavery and human trafficking are not taking place in its supply chains.",
            "The Supplier shall comply with {buyer}'s supplier code of conduct.",
        ],
    ),
    (
        "Freedom of information and transparency",
        [
            "{Buyer} may be required to disclose information about this procurement under transparency legislation.",
            "Bidders should identify any information they consider to be commercially sensitive.",
            "The contract and its value may be published on the public contracts register.",
        ],
    ),
    (
        "Equality and social value",
        [
            "The Supplier shall not discriminate unlawfully in the provision of the services.",
            "Bidders are invited to describe the social value they would add, such as apprenticeships or local employment.",
            "The Supplier shall report on its social value commitments every year.",
        ],
    ),
    (
        "Environmental requirements",
        [
            "The Supplier shall take reasonable steps to minimise the environmental impact of the services.",
            "Travel to {buyer}'s premises should be kept to a minimum and video meetings used where possible.",
            "Bidders should describe their carbon reduction plan.",
        ],
    ),
    (
        "Audit",
        [
            "The Supplier shall keep full and accurate records relating to the contract for six years.",
            "{Buyer} or its auditors may inspect those records on reasonable notice.",
        ],
    ),
    (
        "Variation",
        [
            "No variation of the contract shall be effective unless agreed in writing by both parties.",
            "Changes shall follow the change control procedure set out in Schedule 5.",
        ],
    ),
    (
        "Warranties",
        [
            "The Supplier warrants that it will perform the services with reasonable skill and care.",
            "The Supplier warrants that it has full capacity and authority to enter into the contract.",
            "All staff shall be suitably qualified and experienced.",
        ],
    ),
]

ANNEX_TEXT = [
    "This annex forms part of the Invitation to Tender.",
    "Bidders should complete every field; incomplete forms may lead to rejection.",
    "The declarations below must be signed by a person authorised to bind the bidder.",
    "Where a question does not apply, bidders should write 'not applicable' and explain why.",
    "Information provided in this annex will be verified before contract award.",
    "Bidders must confirm that the information given is complete and accurate.",
]

ANNEX_TITLES = [
    "Annex A - Response template",
    "Annex B - Form of Tender",
    "Annex C - Pricing schedule",
    "Annex D - Selection questionnaire",
    "Annex E - Declarations",
    "Annex F - Draft contract schedules",
    "Annex G - Glossary",
    "Annex H - Non-disclosure agreement",
]

BACKGROUND_GENERIC = [
    "The current arrangements were put in place several years ago and no longer meet our needs.",
    "This procurement follows a market engagement exercise held earlier this year.",
    "A business case for the project has been approved by the executive board.",
    "The project will be led by a programme manager and overseen by a steering group.",
    "We want a long-term partner who understands our sector and our constraints.",
    "The budget for the project has been approved for the current and next financial year.",
    "We have engaged an independent adviser to support the procurement.",
    "User research carried out last year identified a number of pain points, summarised below.",
]

SERVICE_TEXT = [
    "The Supplier shall provide second- and third-line support during business hours, 08:00 to 18:00, Monday to Friday.",
    "Incidents shall be classified by priority and resolved within the times set out in the service level schedule.",
    "The Supplier shall provide a monthly service report covering incidents, changes and performance.",
    "Service credits will apply where service levels are not met in any month.",
    "The Supplier shall hold quarterly service reviews with {buyer}'s contract manager.",
    "Knowledge transfer to {buyer}'s staff shall be planned and delivered before the end of the implementation phase.",
    "The Supplier shall provide training for administrators and editors, and training materials that {buyer} may reuse.",
    "An exit plan shall be delivered within three months of contract signature and kept up to date.",
]

# ---------------------------------------------------------------------------------------------
# Sector-specific indirect statements, added to a tag's "fact" pool for deals of that vertical.
# ---------------------------------------------------------------------------------------------
VERTICAL_FACTS: dict[str, dict[str, list[str]]] = {
    "financial_services": {
        "integration": [
            "Brokers re-key every quote from their own comparison tools into our quotation system.",
            "Policy, claims and billing each sit on a different platform, so a policyholder's full picture exists nowhere.",
        ],
        "b2b_portal": ["Our {n_partners} brokers e-mail us about 2,000 quote requests a week."],
        "compliance": [
            "The supervisor's last on-site inspection asked us to prove which disclosures each client received.",
            "Every advice conversation must be kept for at least five years.",
        ],
        "access_control": [
            "A broker firm may have fifty advisers, and each may only see the clients they advise."
        ],
        "workflow": [
            "Claims above EUR 10,000 need the sign-off of a senior handler and, above EUR 50,000, of the claims committee."
        ],
    },
    "government": {
        "workflow": [
            "Planning officers print each application and pass the folder from desk to desk.",
            "A permit can need the opinion of up to six departments before a decision is made.",
        ],
        "account_services": [
            "Residents have to prove who they are again each time they contact a different department."
        ],
        "compliance": ["Freedom of information requests about our decisions have tripled in two years."],
        "multi_site": [
            "Our services must be offered in the official languages of the region and in easy-read versions."
        ],
        "access_control": [
            "Residents should be able to log in with the national digital identity, and businesses with their company credentials."
        ],
    },
    "healthcare": {
        "integration": [
            "Referral letters arrive by fax and are scanned into the patient record by medical secretaries.",
            "Test results are phoned through to practices when the results system cannot send them.",
        ],
        "user_roles": [
            "Patients, carers, GPs, consultants and pharmacists all need a different view of the same pathway."
        ],
        "compliance": ["Every access to a patient's record must be explainable if the patient asks."],
        "workflow": [
            "A referral goes through triage, booking, clinic and discharge, and each step is tracked on a whiteboard."
        ],
        "security_ops": [
            "Hospitals in our region were hit by ransomware last year, and the board wants assurance."
        ],
    },
    "manufacturing": {
        "b2b_portal": [
            "Our 900 dealers phone in their warranty claims today.",
            "Dealers order spare parts from a printed catalogue that is updated once a year.",
        ],
        "integration": ["Staff re-key every order from the web shop into SAP."],
        "multi_site": [
            "Technical documentation exists in {n_langs} languages, maintained by a translation agency in Word files."
        ],
        "collaboration": ["Service engineers share fixes for known faults in a private messaging group."],
    },
    "energy_utilities": {
        "workflow": [
            "A new connection can take eleven steps across four teams before the installer is booked."
        ],
        "scale": ["During storms, {peak} customers may check outage information within the same hour."],
        "integration": ["Meter readings submitted online are printed and typed into the billing system."],
        "user_roles": [
            "Households, landlords, installers and energy brokers all contact us about the same addresses."
        ],
    },
    "education": {
        "user_roles": [
            "Applicants, current students, alumni, parents, staff and placement providers all visit the same site today."
        ],
        "collaboration": [
            "Course teams share teaching materials by e-mail, and the latest version is hard to find."
        ],
        "account_services": ["Students receive a new login for every system they use during their studies."],
        "multi_site": ["Each of our {n_sites} faculties runs its own website with its own look."],
    },
    "retail_distribution": {
        "b2b_portal": [
            "Franchisees order stock by spreadsheet every Thursday for delivery the following week."
        ],
        "integration": ["Store staff re-key every click-and-collect order into the till system."],
        "scale": ["Black Friday traffic is twelve times that of a normal day."],
        "collaboration": ["Store managers learn about promotions from a weekly PDF that many do not open."],
    },
    "telecom": {
        "b2b_portal": [
            "Business customers with hundreds of lines phone us to add or remove a single SIM card."
        ],
        "integration": ["Orders placed online are re-entered by hand in the provisioning system."],
        "scale": ["We expect {peak} sessions at once when a new handset goes on sale."],
        "workflow": [
            "A fault report from a business customer passes through four teams before an engineer is sent."
        ],
    },
    "other": {
        "account_services": ["Members renew by cheque, and membership cards are posted each January."],
        "collaboration": ["Our member clubs would like to share their experience with each other."],
        "workflow": [
            "Grant applications are reviewed by a panel of volunteers who receive them in the post."
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# US public-sector register: the same latents, written as a federal or state solicitation
# (Statement of Objectives, Performance Work Statement, FAR clauses, "the Government", "Offerors").
# ---------------------------------------------------------------------------------------------
US_KINDS = [
    "Request for Quotation", "Statement of Objectives", "Performance Work Statement", "Request for Proposal",
    "Request for Information", "Solicitation",
]  # fmt: skip

US_VERTICALS: dict[str, dict[str, list[str]]] = {
    "government": {
        "org_a": [
            "U.S. Department of",
            "State of Dakota Department of",
            "Commonwealth Office of",
            "Federal Bureau of",
            "County of Marin Department of",
        ],
        "org_b": [
            "Housing and Community Services",
            "Revenue",
            "Veterans Services",
            "Land Management",
            "Motor Vehicles",
            "Labor Statistics",
        ],
        "buyer": ["the Government", "the Agency", "the Department"],
        "regs": [
            "Section 508 of the Rehabilitation Act",
            "FedRAMP Moderate",
            "FISMA",
            "NIST SP 800-53 Rev. 5",
            "the Privacy Act of 1974",
            "OMB M-22-09 (zero trust)",
            "StateRAMP",
        ],
        "idps": ["Login.gov", "PIV/CAC smart cards", "the Agency's Okta tenant", "Azure Government Entra ID"],
    },
    "healthcare": {
        "org_a": ["State Department of", "Office of", "County"],
        "org_b": ["Health and Human Services", "Medicaid Services", "Public Health", "Behavioral Health"],
        "buyer": ["the Department", "the State", "the Agency"],
        "regs": [
            "HIPAA",
            "Section 508 of the Rehabilitation Act",
            "42 CFR Part 2",
            "MARS-E",
            "NIST SP 800-53 Rev. 5",
            "FedRAMP Moderate",
        ],
        "idps": ["the State's single sign-on service", "Login.gov", "the Department's Active Directory"],
    },
    "education": {
        "org_a": ["State Board of", "Department of", "Office of"],
        "org_b": ["Higher Education", "Education", "Student Financial Aid", "Community Colleges"],
        "buyer": ["the Department", "the Board", "the State"],
        "regs": [
            "FERPA",
            "Section 508 of the Rehabilitation Act",
            "WCAG 2.1 AA",
            "NIST SP 800-171",
            "the state data privacy act",
        ],
        "idps": ["the State's identity service", "InCommon federation", "Microsoft Entra ID"],
    },
}

US_FRAMES = {
    "M": [
        "The Contractor shall {vp}.",
        "The solution shall {vp}.",
        "The Contractor must {vp}.",
        "The system is required to {vp}.",
    ],
    "S": [
        "The Government prefers a solution that can {vp}.",
        "The Offeror should describe how the solution will {vp}.",
        "The solution should {vp}.",
    ],
    "C": [
        "Optionally, the Contractor may propose to {vp}.",
        "As an optional task, the Contractor may {vp}.",
    ],
}

US_INSTRUCTIONS = [
    (
        "Instructions to Offerors",
        [
            "Offerors shall submit their quotations electronically to the Contracting Officer by the date and time stated on the cover page.",
            "Quotations received after the closing time will not be considered.",
            "Questions regarding this solicitation shall be submitted in writing to the Contracting Officer and the Contract Specialist.",
            "The Government will not pay for any costs incurred in the preparation of quotations.",
        ],
    ),
    (
        "Period and place of performance",
        [
            "The period of performance is one 12-month base period and up to four 12-month option periods.",
            "Work will be performed primarily at the Contractor's facilities; travel to Government sites may be required.",
            "Core hours are 9:00 a.m. to 5:00 p.m. Eastern Time, Monday through Friday, excluding federal holidays.",
        ],
    ),
    (
        "Submission format",
        [
            "Volume I (Technical) shall not exceed 20 pages; Volume II (Price) has no page limit.",
            "Pages shall be 8.5 x 11 inches with one-inch margins and a font no smaller than 11 points.",
            "Offerors shall include their Unique Entity ID (UEI) and be registered in SAM.gov at the time of submission.",
        ],
    ),
    (
        "Basis for award",
        [
            "Award will be made on a best-value tradeoff basis.",
            "Non-price factors, when combined, are significantly more important than price.",
            "The Government intends to award without discussions but reserves the right to hold them.",
        ],
    ),
]

US_EVAL_CRITERIA = [
    ("Factor 1 - Technical approach", 35), ("Factor 2 - Management approach and staffing", 20),
    ("Factor 3 - Past performance", 15), ("Factor 4 - Demonstration", 10), ("Price", 20),
]  # fmt: skip

US_TERMS = [
    (
        "FAR 52.212-4 Contract Terms and Conditions - Commercial Products and Commercial Services",
        [
            "This clause is incorporated by reference with the same force and effect as if given in full text.",
            "The Contractor shall only tender for acceptance those items that conform to the requirements of this contract.",
        ],
    ),
    (
        "FAR 52.217-9 Option to Extend the Term of the Contract",
        [
            "The Government may extend the term of this contract by written notice to the Contractor within 30 days.",
            "The total duration of this contract, including the exercise of any options, shall not exceed five years.",
        ],
    ),
    (
        "FAR 52.204-21 Basic Safeguarding of Covered Contractor Information Systems",
        [
            "The Contractor shall apply basic safeguarding requirements and procedures to protect covered contractor information systems.",
        ],
    ),
    (
        "FAR 52.232-33 Payment by Electronic Funds Transfer",
        [
            "All payments by the Government under this contract shall be made by electronic funds transfer.",
            "Invoices shall be submitted through the Invoice Processing Platform (IPP).",
        ],
    ),
    (
        "Contracting Officer's Representative",
        [
            "The Contracting Officer will designate a Contracting Officer's Representative (COR) to monitor performance.",
            "The COR is not authorized to change any terms or conditions of the contract.",
        ],
    ),
    (
        "Quality assurance",
        [
            "The Government will evaluate the Contractor's performance in accordance with the Quality Assurance Surveillance Plan.",
            "Deficiencies will be documented and provided to the Contractor for corrective action.",
        ],
    ),
    (
        "Key personnel",
        [
            "The Contractor shall notify the Contracting Officer 30 days before replacing any key personnel.",
            "Replacement personnel shall have qualifications equal to or greater than those of the person replaced.",
        ],
    ),
    (
        "Organizational conflict of interest",
        [
            "The Contractor shall disclose any actual or potential organizational conflict of interest.",
            "The Contracting Officer may impose restrictions to avoid, neutralize or mitigate such conflicts.",
        ],
    ),
    (
        "Government-furnished property",
        [
            "No Government-furnished property will be provided unless stated in the task order.",
            "The Contractor shall return all Government property at the end of the period of performance.",
        ],
    ),
    (
        "Invoicing",
        [
            "The Contractor shall submit monthly invoices in arrears, itemized by contract line item number (CLIN).",
            "Each invoice shall include the contract number, period covered and hours by labor category.",
        ],
    ),
]

US_TRAPS = [
    "Offerors must be registered in SAM.gov; registration must be active at the time of award.",
    "Contractor personnel requiring access to Government facilities shall obtain a PIV card.",
    "Physical security at the facility is provided by the Federal Protective Service.",
    "The Contractor shall comply with the Agency's badge and escort policy when on site.",
    "Past performance on contracts of similar size, scope and complexity will be evaluated.",
    "The Government's workflow for reviewing deliverables allows ten business days for comment.",
    "The Offeror's roles and responsibilities within a teaming arrangement shall be described.",
    "Invoices shall be submitted through the Invoice Processing Platform (IPP) portal.",
    "This requirement is set aside for small businesses under NAICS code 541511.",
    "The Government anticipates awarding multiple BPAs across the agency's 10 regional offices.",
]

US_TITLES = {
    "government": [
        "Digital Services Modernization",
        "Online Permitting and Licensing System",
        "Public-Facing Web Platform",
        "Case Management and Constituent Portal",
    ],
    "healthcare": [
        "Provider and Member Portal",
        "Benefits Eligibility Portal Modernization",
        "Public Health Reporting Portal",
    ],
    "education": [
        "Student Aid Portal Modernization",
        "Educator Licensure System",
        "Statewide Learning Portal",
    ],
}

US_EVALUATION = [
    "The Government will evaluate quotations using the factors listed below.",
    "Each technical factor will be rated Outstanding, Good, Acceptable, Marginal or Unacceptable.",
    "Price will be evaluated for reasonableness and completeness but will not be scored.",
    "The Government may award to other than the lowest-priced Offeror.",
    "A rating of Unacceptable on any factor makes the quotation ineligible for award.",
]

# ---------------------------------------------------------------------------------------------
# General requirements found in almost every RFP; they say little about the fit (distractors).
# ---------------------------------------------------------------------------------------------
GENERAL = {
    "req": [
        "migrate around {n_docs} pages of existing content and redirect the old addresses",
        "deliver a design that follows {buyer}'s brand guidelines and has been tested with real users",
        "train {n_roles} content editors and provide a short guide for new editors",
        "provide a project manager as the single point of contact for the duration of the project",
        "deliver the project in phases, with a first release within six months of contract award",
        "provide web analytics dashboards showing visits, searches and completed tasks",
        "make pages easy to find through the site search and external search engines",
        "provide a cookie consent banner that meets current guidance",
        "supply a test environment that mirrors production for user acceptance testing",
        "warrant the delivered work for 90 days after go-live and fix defects at no cost",
        "agree a communications plan for the launch with {buyer}'s marketing team",
        "hand over full documentation of the configuration at the end of the project",
        "support the current and previous versions of the main web browsers",
        "provide a content style guide and templates for common page types",
    ],
    "short": [
        "Content migration and redirects",
        "Brand-compliant, user-tested design",
        "Editor training and guide",
        "Phased delivery, release 1 in 6 months",
        "Analytics dashboards",
        "Site search and SEO basics",
        "Cookie consent",
        "UAT environment",
        "90-day warranty",
        "Handover documentation",
    ],
}
