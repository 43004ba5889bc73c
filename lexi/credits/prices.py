"""The one price list, in credits. ``docs/pricing.md`` shows the same table (a test reads both).

A chat turn costs the message credit plus what its tools spent. Lexi charges only for work that
produced something: a search that finds nobody, or a "more" past the end of the results, costs no
search fee; balance and capability questions (greetings and thanks included) are free, so they
work at a zero balance.
"""

CHAT_MESSAGE = 1
PROSPECT_SEARCH = 5
PERSONALIZE_EMAIL = 2
FREE = 0

# Row id in docs/pricing.md -> credits. Rows marked "+" there come on top of the message credit.
TABLE: dict[str, int] = {
    "message": CHAT_MESSAGE,
    "balance_question": FREE,
    "capability_question": FREE,
    "search": PROSPECT_SEARCH,
    "search_no_results": FREE,
    "more_past_the_end": FREE,
    "search_proposed": FREE,
    "task_approved": PROSPECT_SEARCH,
    "list_housekeeping": FREE,
    "list_delete_proposed": FREE,
    "campaign_chat": FREE,
    "personalize_email": PERSONALIZE_EMAIL,
}
