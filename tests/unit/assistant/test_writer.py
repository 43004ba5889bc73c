"""The writer: short, specific replies built from what the turn did."""

from __future__ import annotations

import pytest

from lexi.assistant import phrases, writer


class TestInterpretationInWords:
    @pytest.mark.parametrize(
        ("filters", "text"),
        [
            (
                {
                    "titles": ["CEO"],
                    "industries": ["Law Practice"],
                    "locations": ["New York, NY, US"],
                },
                "CEOs at law firms in New York City",
            ),
            (
                {
                    "titles": ["CTO"],
                    "industries": ["Computer Software"],
                    "locations": ["CA, US"],
                    "employees": {"min": 50, "max": 200},
                },
                "CTOs at software companies with 50-200 employees in California",
            ),
            (
                {"seniorities": ["vp"], "departments": ["sales"], "locations": ["DE"]},
                "VPs of Sales in Germany",
            ),
            (
                {"titles": ["CFO"], "exclude_locations": ["TX, US"], "email_status": ["verified"]},
                "CFOs outside Texas with verified emails",
            ),
            (
                {"titles": ["Founder"], "employees": {"min": 1000, "max": None}},
                "Founders with 1,000+ employees",
            ),
        ],
    )
    def test_filters_are_described(self, filters, text):
        assert phrases.describe_filters(filters) == text


SEARCH = {
    "type": "prospect_search",
    "status": "completed",
    "filters": {"titles": ["CEO"], "limit": 20},
    "total_matches": 118,
    "prospects": [{}] * 20,
    "offset": 0,
}


class TestSentences:
    def test_a_saved_search_says_counts_and_where(self):
        text = writer.sentence(
            {**SEARCH, "list_name": "Q1 Leads", "added": 18, "contact_count": 40}
        )
        assert text == (
            'I found 118 CEOs; here are the first 20. I added 18 people to "Q1 Leads" '
            '(2 were already there), which now holds 40 contacts. Say "show me more" for the '
            "next ones."
        )

    def test_an_unsaved_search_says_how_to_save(self):
        assert "add them to" in writer.sentence(SEARCH)

    def test_no_matches_is_honest(self):
        text = writer.sentence({**SEARCH, "total_matches": 0, "prospects": []})
        assert text.startswith("I found no CEOs")

    def test_approval_states_the_cost(self):
        text = writer.sentence(
            {
                **SEARCH,
                "status": "pending_approval",
                "prospects": [],
                "quote": {"credits": 5, "contacts": 50, "emails": 41},
            }
        )
        assert text == (
            "I found 118 CEOs. Saving 50 of them (41 with an email) to your contacts costs "
            '5 credits once you approve. Say "approve it" to run it, or "cancel that task".'
        )

    def test_unavailable_and_forbidden(self):
        assert "not yet available" in writer.sentence(
            {"type": "some_future_kind", "status": "failed", "error": "not_available"}
        )
        assert "prospects:read" in writer.sentence(
            {
                "type": "prospect_search",
                "status": "failed",
                "error": "insufficient_permissions",
                "required_scope": "prospects:read",
            }
        )

    def test_one_paragraph_per_action(self):
        reply = writer.write([SEARCH, {"type": "credits", "status": "completed", "balance": 1}])
        assert reply.split("\n\n")[1] == "You have 1 credit left."


def _stats(status: str, sent: int, scheduled: int) -> dict[str, object]:
    counts = dict.fromkeys(
        ("opened_count", "clicked_count", "replied_count", "bounced_count", "unsubscribed_count"), 0
    )
    rates = dict.fromkeys(("open_rate", "click_rate", "reply_rate"), 0.0)
    return {
        "type": "campaign_stats",
        "status": "completed",
        "campaign_id": "c1",
        "campaign_name": "Q1 Leads: Legal automation",
        "campaign_status": status,
        "stats": {"sent_count": sent, "scheduled_count": scheduled, **counts, **rates},
    }


class TestCampaignSentences:
    def test_a_started_campaign_that_has_sent_nothing_says_what_is_scheduled(self):
        assert writer.sentence(_stats("active", 0, 32)) == (
            '"Q1 Leads: Legal automation" (active) has not sent any emails yet; '
            "32 emails are scheduled."
        )

    def test_a_paused_campaign_says_its_emails_wait_for_a_restart(self):
        assert writer.sentence(_stats("paused", 0, 1)) == (
            '"Q1 Leads: Legal automation" (paused) has not sent any emails yet; '
            "1 email waits until you start it again."
        )
        assert writer.sentence(_stats("paused", 4, 28)).endswith(
            "4 emails sent, 0 opened (0%), 0 clicked (0%), 0 replied (0%), 0 bounced, "
            "0 unsubscribed. 28 more emails wait until you start it again."
        )

    def test_a_sending_campaign_counts_what_went_out_and_what_is_next(self):
        assert writer.sentence(_stats("active", 4, 1)).endswith(
            "4 emails sent, 0 opened (0%), 0 clicked (0%), 0 replied (0%), 0 bounced, "
            "0 unsubscribed. 1 more email is scheduled."
        )

    @pytest.mark.parametrize(
        ("step", "said"),
        [
            (None, 'the emails of "Q1" now end with a question'),
            (0, 'the email of "Q1" now ends with a question'),
        ],
    )
    def test_a_rewrite_agrees_with_how_many_emails_it_changed(self, step, said):
        action = {
            "type": "email_rewrite",
            "status": "completed",
            "campaign_id": "c1",
            "campaign_name": "Q1",
            "change": "added a question",
            "revision": 2,
            "previous_revision": 1,
            "rewritten_step": step,
            "steps": [{"index": 0, "subject": "Hi", "body": "Hello"}],
        }
        assert writer.sentence(action).startswith(f"Done: {said} (revision 2;")

    def test_asking_for_one_email_points_to_campaigns(self):
        reply = writer.sentence(
            {"type": "email_draft", "status": "failed", "error": "not_available"}
        )
        assert "Create an outreach campaign for my Q1 Leads list" in reply
        assert "draft and run email campaigns" in reply

    def test_a_draft_with_signal_variables_says_what_they_become(self):
        action = {
            "type": "campaign_create",
            "status": "completed",
            "campaign_id": "c1",
            "campaign_name": "UK: Ads",
            "list_name": "UK",
            "contact_count": 39,
            "topic": "ads",
            "revision": 1,
            "steps": [{"index": 0, "subject": "Hi", "body": "Hi,\n\n{{signal_opener}}Few ..."}],
        }
        assert "{{signal_opener}} and {{signal_followup}} become a sentence" in writer.sentence(
            action
        )
        action["steps"] = [{"index": 0, "subject": "Hi", "body": "Hi,\n\nFew ..."}]
        assert "become a sentence" not in writer.sentence(action)
