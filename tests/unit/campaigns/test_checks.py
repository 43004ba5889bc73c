"""The checks every model-written email must pass (merge variables, placeholders, length, spam
phrases, facts not in the inputs), and that the built-in writer's own drafts pass them."""

from __future__ import annotations

import pytest

from lexi.campaigns.checks import Limits, check_emails
from lexi.campaigns.drafting import Step, TemplateWriter
from tests.unit.campaigns.test_drafting import AUDIENCES, TONES, TOPICS

INPUTS = ["legal automation", "professional", "CEO", "Law Practice"]
GOOD = (
    "Hi {{first_name|there}},\n\nMany law firms still lose hours to contract review by hand. "
    "We help teams at {{company_name|firms like yours}} automate it.\n\n"
    "Worth a 15-minute chat on Tuesday?\n\nBest,"
)


def kinds(body: str, subject: str = "Legal automation for law firms", **kw) -> set[str]:
    return {p.kind for p in check_emails([Step(subject, body)], INPUTS, **kw)}


def test_a_plain_grounded_email_passes() -> None:
    assert kinds(GOOD) == set()
    assert kinds(GOOD, subject="Legal Automation for Busy Law Firms") == set()
    scheduling = GOOD.replace("Worth a 15-minute chat on Tuesday?", "Is this a Q1 priority? "
                              "Worth 20 minutes on Tuesday at 10am, or 2:30 pm?")  # fmt: skip
    assert kinds(scheduling) == set()


def test_scheduling_numbers_do_not_excuse_other_numbers() -> None:
    body = GOOD.replace("Worth a", "Firms see results in 2 weeks. Worth a")
    assert "invented_fact" in kinds(body)
    assert "invented_fact" in kinds(GOOD.replace("Many law firms", "15 law firms"))


@pytest.mark.parametrize(
    "body",
    [
        "Hi {{first_name|there}},\n\nI saw that Acme just opened an office.\n\nBest,",
        "Hi {{first_name|there}},\n\nClio users save time.\n\nBest,",
        "Hi {{first_name|there}},\n\nWe cut review time by 40% last year.\n\nBest,",
        "Hi {{first_name|there}},\n\nOur tool saves $5,000 a year.\n\nBest,",
        "Hi {{first_name|there}},\n\nWe work with 200 firms.\n\nBest,",
        "Hi {{first_name|there}},\n\nSarah on your team suggested I write.\n\nBest,",
        "Hi {{first_name|there}},\n\nBoston firms love this.\n\nBest,",
        "Hi {{first_name|there}},\n\nAre you the right person at {{company_name|Acme Corp}}?",
        "Hi {{first_name|there}},\n\nSee lexi-legal.com for a demo.\n\nBest,",
        "Hi {{first_name|there}},\n\nWorth a chat?\n\nBest,\nAlex Morgan",
    ],
    ids=["company", "product", "percent", "money", "count", "person", "place", "fallback",
         "link", "signature"],
)  # fmt: skip
def test_facts_not_in_the_inputs_are_invented(body: str) -> None:
    assert "invented_fact" in kinds(body)


def test_facts_in_the_inputs_may_be_repeated() -> None:
    body = "Hi {{first_name|there}},\n\nClio users in Boston save 40% of their time.\n\nBest,"
    assert "invented_fact" in kinds(body)
    grounded = check_emails([Step("Clio for Boston", body)], [*INPUTS, "Clio in Boston, 40%"])
    assert grounded == []


@pytest.mark.parametrize(
    "body", ["Hi {{firstname}},\n\nA note.", "Hi [First Name],\n\nA note.", "Hi {name},\n\nA note."]
)
def test_unknown_variables_and_placeholders(body: str) -> None:
    assert "unknown_variable" in kinds(body)


def test_length_and_spam_limits() -> None:
    assert "too_long" in kinds(GOOD, subject="A subject line that is far too long to read well")
    assert "too_long" in kinds("Hi,\n\n" + "Law firms automate work. " * 40)
    assert "spam_phrase" in kinds(GOOD.replace("Worth", "Act now: worth"))
    # A rewrite may keep the length an email had; "shorter" must be shorter.
    long = "Hi,\n\n" + "Law firms automate work. " * 40
    assert check_emails([Step("Hi", long)], [*INPUTS, long], limits=[Limits(body_words=200)]) == []
    assert {
        p.kind for p in check_emails([Step("Hi", GOOD)], INPUTS, limits=[Limits(shorter_than=20)])
    } == {"too_long"}


def test_the_built_in_writers_drafts_pass_on_the_whole_grid() -> None:
    writer = TemplateWriter()
    flagged = []
    for i, (topic, audience) in enumerate((t, a) for t in TOPICS for a in AUDIENCES):
        tone = TONES[i % len(TONES)]
        steps = writer.draft(topic, audience, tone)
        problems = check_emails(steps, [topic, tone, *audience.titles, *audience.industries])
        if problems:
            flagged.append((topic, audience, [str(p) for p in problems]))
    assert flagged == []
