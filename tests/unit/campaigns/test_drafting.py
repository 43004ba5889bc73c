"""The built-in writer's drafts, measured on a grid of 30 topics x 5 audiences."""

from __future__ import annotations

import re

import pytest

from lexi.campaigns import content
from lexi.campaigns.drafting import (
    SPAM_TRIGGERS,
    Audience,
    Step,
    TemplateWriter,
    first_line,
    flesch_reading_ease,
    industry_phrase,
    parse_instruction,
    rewrite_steps,
    role_word,
    spam_triggers_in,
    words,
)
from lexi.errors import ValidationFailed

TOPICS = [
    "legal automation", "contract management", "cloud cost optimisation", "payroll software",
    "cybersecurity training", "sales pipeline analytics", "employee onboarding",
    "customer support automation", "inventory forecasting", "GDPR compliance",
    "marketing attribution", "solar panels for offices", "e-signatures", "appointment scheduling",
    "patient intake forms", "AI document review", "expense management", "fleet tracking",
    "webinar hosting", "recruiting software", "data warehouse migration", "help desk software",
    "budget planning", "office coffee service", "team retreats", "corporate gifting",
    "podcast production", "translation services", "warehouse robotics", "benefits administration",
]  # fmt: skip
AUDIENCES = [
    Audience(("CEO",), ("Law Practice",)),
    Audience(("CTO",), ("Computer Software",)),
    Audience(("VP of Sales",), ("Financial Services",)),
    Audience(("Head of People",), ("Hospital & Health Care",)),
    Audience(("Operations Manager",), ("Logistics and Supply Chain",)),
]
TONES = ["professional", "warm", "formal", "casual"]


@pytest.fixture(scope="module")
def grid() -> list[tuple[str, Audience, list[Step]]]:
    writer = TemplateWriter()
    return [
        (topic, audience, writer.draft(topic, audience, TONES[i % len(TONES)]))
        for i, (topic, audience) in enumerate((t, a) for t in TOPICS for a in AUDIENCES)
    ]


def test_the_grid_is_30_topics_by_5_audiences(grid) -> None:
    assert len(TOPICS) == 30 and len(set(TOPICS)) == 30 and len(AUDIENCES) == 5
    assert len(grid) == 150


def test_every_draft_is_a_three_step_sequence(grid) -> None:
    for _, _, steps in grid:
        assert len(steps) == 3
        assert [s.send_condition for s in steps] == ["always", "if_no_reply", "if_no_reply"]
        assert steps[0].delay_days == 0 and steps[1].delay_days > 0 and steps[2].delay_days > 0


def test_subjects_have_at_most_8_words(grid) -> None:
    too_long = [s[0].subject for _, _, s in grid if len(words(s[0].subject)) > 8]
    assert too_long == []


def test_opening_emails_have_at_most_120_words(grid) -> None:
    counts = [len(words(s[0].body)) for _, _, s in grid]
    assert max(counts) <= 120


def test_flesch_reading_ease_is_at_least_60(grid) -> None:
    low = [
        (topic, round(flesch_reading_ease(s[0].body), 1))
        for topic, _, s in grid
        if flesch_reading_ease(s[0].body) < 60
    ]
    assert low == []


def test_no_spam_trigger_in_any_step(grid) -> None:
    hits = [(t, spam_triggers_in(st.subject + "\n" + st.body)) for t, _, s in grid for st in s]
    assert [h for h in hits if h[1]] == []


def test_at_least_90_percent_distinct_subjects_and_first_lines(grid) -> None:
    subjects = [s[0].subject for _, _, s in grid]
    firsts = [first_line(s[0].body) for _, _, s in grid]
    assert len(set(subjects)) / len(subjects) >= 0.9
    assert len(set(firsts)) / len(firsts) >= 0.9


def test_not_one_template_with_the_topic_pasted_in(grid) -> None:
    """With the topic and audience words masked, the drafts still take many shapes."""

    def shape(text: str, topic: str, audience: Audience) -> str:
        for word in (topic, topic.title(), industry_phrase(audience), role_word(audience)):
            text = re.sub(re.escape(word), "_", text, flags=re.I)
        return text

    subjects = {shape(s[0].subject, t, a) for t, a, s in grid}
    firsts = {shape(first_line(s[0].body), t, a) for t, a, s in grid}
    assert len(subjects) >= 8 and len(firsts) >= 10


def test_first_lines_fit_the_role_or_industry(grid) -> None:
    for _, audience, steps in grid:
        line = first_line(steps[0].body).lower()
        assert (
            industry_phrase(audience).lower() in line
            or role_word(audience).lower() in line
            or "{{job_title" in line
        ), line


def test_one_value_point_from_the_topic_and_one_call_to_action(grid) -> None:
    for topic, _, steps in grid:
        body = steps[0].body
        assert topic.lower() in body.lower() or topic in body
        assert body.count("?") == 1  # exactly one ask


def test_personal_details_are_only_merge_variables_with_fallbacks(grid) -> None:
    for _, _, steps in grid:
        for step in steps:
            text = step.subject + step.body
            assert content.unknown_variables(text) == []
            for m in re.finditer(r"\{\{([^}]*)\}\}", text):
                assert "|" in m.group(1), m.group(0)
    assert "{{first_name|there}}" in grid[0][2][0].body


def test_drafts_are_deterministic() -> None:
    a = TemplateWriter().draft("legal automation", AUDIENCES[0])
    assert a == TemplateWriter().draft("legal automation", AUDIENCES[0])


def test_the_spam_list_is_documented_and_non_trivial() -> None:
    assert len(SPAM_TRIGGERS) >= 30 and "click here" in SPAM_TRIGGERS


class TestRewrites:
    STEP = TemplateWriter().draft("legal automation", AUDIENCES[0], "professional")

    def one(self, instruction: str, index: int = 0) -> dict:
        steps = [s.as_dict() for s in self.STEP]
        out, _ = rewrite_steps(TemplateWriter(), steps, instruction, topic="legal automation")
        return out[index]

    def test_more_casual_changes_greeting_and_keeps_merge_fields(self) -> None:
        body = self.one("make it more casual")["body"]
        assert body.startswith("Hey {{first_name|there}},")
        assert body != self.STEP[0].body

    def test_more_formal_uses_a_formal_greeting_and_sign_off(self) -> None:
        body = self.one("more formal please")["body"]
        assert body.startswith("Dear {{first_name|there}},")
        assert body.rstrip().endswith(("Kind regards,", "Best regards,"))
        assert "'" not in body.replace("{{", "")

    def test_shorter_has_fewer_words_and_keeps_the_ask(self) -> None:
        before = len(words(self.STEP[0].body))
        body = self.one("make it shorter")["body"]
        assert len(words(body)) < before and "?" in body

    def test_question_at_the_end(self) -> None:
        body = self.one("add a question at the end")["body"]
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        assert paragraphs[-2].endswith("?") and paragraphs[-2] not in self.STEP[0].body

    def test_free_trial(self) -> None:
        assert "free trial" in self.one("mention our free trial")["body"]

    def test_subject_line(self) -> None:
        assert (
            self.one('change the subject line to "Quick question, {{first_name|there}}"')["subject"]
            == "Quick question, {{first_name|there}}"
        )

    def test_unsupported_instruction_lists_what_is_supported(self) -> None:
        with pytest.raises(ValidationFailed) as info:
            parse_instruction("translate it into Klingon")
        assert "more casual" in info.value.details["supported"]


class TestGrammarWithAnyTopic:
    """Pains and topics are as often plural ("reports that take days to build", "paid social
    ads") as singular, so no phrase puts a verb that agrees with only one of them after them."""

    BANKS = ("_SUBJECTS", "_FIRST_LINES", "_VALUES", "_FOLLOW_OPEN", "_FOLLOW_ANGLE", "_LAST_BODY")

    def test_no_phrase_conjugates_a_verb_for_the_pain_or_topic(self) -> None:
        from lexi.campaigns import drafting

        # The pain or topic as the subject of a verb (not the object of a preposition: "our
        # take on {topic} is simple" is about the take).
        agreeing = re.compile(
            r"(?<!\bon )(?<!\bto )(?<!\bwith )(?<!\bof )(?<!\babout )"
            r"\{(?:pain|Pain|topic|Topic)\}\s+(?:\w+\s+)?"
            r"(?:is|was|takes|lets|slows|comes|makes|has|does|needs|means)\b"
        )
        for bank in self.BANKS:
            for phrase in getattr(drafting, bank):
                assert not agreeing.search(phrase), (bank, phrase)

    def test_short_pains_in_subjects_are_whole_nouns(self, grid) -> None:
        for _, _, steps in grid:
            subject = steps[0].subject
            assert not re.search(
                r"\b(?:that|you|to|too|stuck|built|the hard parts)\s+for\b", subject
            ), subject

    def test_a_plural_pain_reads_right_in_a_draft(self) -> None:
        writer = TemplateWriter()
        for tone in TONES:
            body = writer.draft("sales pipeline analytics", Audience(("CTO",), ()), tone)[0].body
            assert "build still slows" not in body and "build is" not in body

    def test_acronyms_keep_their_capitals(self) -> None:
        steps = TemplateWriter().draft("GDPR compliance", Audience(("CEO",), ("Law Practice",)))
        text = " ".join(s.subject + " " + s.body for s in steps)
        assert "GDPR compliance" in text and "gdpr" not in text
