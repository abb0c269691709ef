"""Key facts: deadline, budget, dates, size."""

from __future__ import annotations

from triage.facts import find_facts
from triage.types import Document, Passage


def doc(*texts: str, pages: int | None = 3) -> Document:
    passages = tuple(Passage(id=f"p1.{i}", text=t, kind="paragraph", page=1) for i, t in enumerate(texts))
    return Document(path="x.pdf", sha256="0" * 64, format="pdf", pages=pages, passages=passages)


def test_deadline_is_the_date_in_the_submission_sentence_not_the_questions_date():
    facts = find_facts(
        doc(
            "Questions must be submitted by March 1, 2025.",
            "Proposals must be received no later than 2:00 PM on 15 March 2025.",
            "The contract starts on 2025-06-01.",
        )
    )
    assert facts["deadline"] == "2025-03-15"
    assert facts["deadline_evidence"]["location"] == "p. 1"
    assert [d["date"] for d in facts["dates"]] == ["2025-03-01", "2025-03-15", "2025-06-01"]


def test_no_deadline_when_no_date_is_tied_to_submission():
    facts = find_facts(doc("The portal went live on June 3, 2019."))
    assert facts["deadline"] is None
    assert facts["dates"][0]["date"] == "2019-06-03"


def test_budget_takes_the_largest_amount_stated_as_a_budget():
    facts = find_facts(
        doc(
            "The estimated contract value is $1,250,000 over three years.",
            "A bid bond of $5,000 is required.",
            "Funding of up to EUR 2.5 million is available.",
        )
    )
    assert facts["budget"] == "EUR 2.5 million"
    assert facts["budget_value"] == 2_500_000


def test_amounts_without_budget_words_are_not_a_budget():
    assert find_facts(doc("Insurance cover of $1,000,000 per claim is required."))["budget"] is None


def test_an_amount_too_large_for_a_number_is_not_the_budget():
    huge = "9" * 400
    facts = find_facts(doc(f"The budget is not to exceed ${huge} billion.", "The budget is $80,000."))
    assert facts["budget"] == "$80,000" and facts["budget_value"] == 80000.0


def test_size_facts():
    facts = find_facts(doc("one two three", "four five", pages=7))
    assert facts["pages"] == 7
    assert facts["words"] == 5


def test_impossible_dates_are_ignored():
    assert find_facts(doc("Proposals are due 31 February 2025."))["dates"] == []
