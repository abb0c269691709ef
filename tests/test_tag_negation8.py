"""The eighth round of negation: a "but not" after a clause that allows or requires seeing something
("Dealers may see their own orders but not the prices of other dealers") forbids the rest under the
same modal: a rule of access, which is the need itself, not an exclusion. A "but not" after a verb
that provides or includes ("shall support English but not Welsh") still excludes, and so does a
"but not" of a clause with no modal.

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

# (tag, sentence that must keep negating it)
STILL_EXCLUDED = [
    (
        "multi_site",
        "The first release shall include the English site but not the Welsh translation workflow.",
    ),
    ("b2b_portal", "The contract covers the public website but not the partner portal."),
]


@pytest.mark.parametrize(("tag", "text"), FORBIDDEN_AFTER_BUT)
def test_a_but_not_under_a_modal_forbids(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), STILL_EXCLUDED)
def test_a_but_not_of_what_is_provided_still_excludes(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)
