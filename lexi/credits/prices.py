"""The one price list, in credits."""

CHAT_MESSAGE = 1
PROSPECT_SEARCH = 5
PERSONALIZE_EMAIL = 2
