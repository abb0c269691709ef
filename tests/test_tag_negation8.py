"""The eighth round of negation: a "but not" after a clause that allows or requires seeing something
("Dealers may see their own orders but not the prices of other dealers") forbids the rest under the
same modal: a rule of access, which is the need itself, not an exclusion. A "but not" after a verb
that provides or includes ("shall support English but not Welsh") still excludes, and so does a
"but not" of a clause with no modal.

A thing the vendor is spared building or supplying that the clause after requires the solution to
use ("The vendor will not build the ERP connector, which our integration team maintains, but the
portal must use it") is still a need: who makes it is excluded, not its use.

The sentences are invented for this file and tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

# (tag, sentence that must count it)
FORBIDDEN_AFTER_BUT = [
    ("access_control", "Dealers may see their own orders but not the prices of other dealers."),
    ("access_control", "Warehouse staff must see delivery addresses but not what the customers paid."),
    ("b2b_portal", "Dealers may see their own orders but not the prices of other dealers."),
    ("access_control", "Installers may see their own jobs but not the prices agreed with other installers."),
]

USED_AFTER = [
    (
        "integration",
        "The vendor will not build the ERP connector, which our integration team maintains, but the portal must use it.",
    ),
    (
        "integration",
        "The supplier will not provide the payment gateway; the portal shall call it for every order.",
    ),
]

# (tag, sentence that must keep negating it)
STILL_EXCLUDED = [
    ("integration", "The vendor will not build the ERP connector, and the portal will not use it."),
    ("integration", "Integration with the ERP is not required, but staff must use it daily."),
    (
        "multi_site",
        "The first release shall include the English site but not the Welsh translation workflow.",
    ),
    ("b2b_portal", "The contract covers the public website but not the partner portal."),
    # a verb of work, not of access, before "but not": what follows is left out of the work
    ("access_control", "The supplier must redesign the intranet but not the single sign-on."),
    ("b2b_portal", "The vendor must migrate the news pages but not the dealer extranet."),
]


@pytest.mark.parametrize(("tag", "text"), FORBIDDEN_AFTER_BUT + USED_AFTER)
def test_a_but_not_under_a_modal_forbids(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), STILL_EXCLUDED)
def test_a_but_not_of_what_is_provided_still_excludes(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)
