"""Campaign requests: drafting, rewriting and launching (served by a campaigns feature)."""

from __future__ import annotations

import re

from .lists import list_name_in, list_target
from .types import ConversationState, Intent, IntentKind

I = re.IGNORECASE

# ------------------------------------------------------------------ campaigns

_CAMPAIGN = re.compile(
    r"\b(?:campaigns?|sequences?|cadences?|drips?|outreach|email\s+series|"
    r"nurture|follow[\s-]?ups?)\b",
    I,
)
_CAMPAIGN_CREATE = re.compile(
    r"\b(?:create|draft|write|build|set\s+up|make|put\s+together|generate|"
    r"prepare|compose|design|plan|craft|spin\s+up|come\s+up\s+with|new|"
    r"(?:start|launch|begin|kick\s+off)\s+(?:a|an|new))\b",
    I,
)
_CAMPAIGN_START = re.compile(
    r"\b(?:launch|start|kick\s+off|activate|go\s+live|send\s+(?:out|it|them)|"
    r"begin|turn\s+on|fire\s+off|ship|enable|resume|get\s+it\s+going|"
    r"start\s+sending|push\s+it\s+live|hit\s+send|send)\b",
    I,
)
_REWRITE = re.compile(
    r"\b(?:rewrite|re-write|rephrase|reword|edit|change|tweak|make|tone|shorten|"
    r"lengthen|punch\s+up|improve|revise|adjust|soften|polish|redo|update|fix|"
    r"simplify|trim|spice\s+up|warm\s+up|tighten|cut|condense|shorten|be\s+(?:more|less)|"
    r"sound\s+(?:more|less)|too\s+(?:long|short|formal|casual|pushy|salesy|stiff|wordy))\b",
    I,
)
_EMAIL_OBJ = re.compile(
    r"\b(?:e-?mails?|message|copy|draft|subject(?:\s+line)?|intro|opening|"
    r"step|sequence|body|wording|it|tone|text|cta|sign[\s-]?off|greeting|"
    r"first\s+one|second\s+one|follow[\s-]?up)\b",
    I,
)
# Tone names and the words that ask for them, checked in this order ("less formal" is casual).
_TONES: dict[str, str] = {
    "soft": (
        r"less\s+(?:salesy|pushy|aggressive|intense|hard[\s-]?sell)|softer|gentler|"
        r"tone\s+(?:it\s+)?down|too\s+(?:pushy|salesy|aggressive)"
    ),
    "casual": (
        r"casual|informal|relaxed|laid[\s-]?back|conversational|chill|less\s+formal|"
        r"less\s+stiff|loose|chatty"
    ),
    "formal": r"formal|less\s+casual|more\s+serious|stiff|corporate|buttoned[\s-]?up",
    "professional": r"professional",
    "warm": r"warm(?:er)?|friendl(?:y|ier)|personable|nicer|kinder|empathetic|human",
    "shorter": (
        r"short(?:er)?|concise|brief(?:er)?|tight(?:er)?|trim|cut\s+(?:it\s+)?down|"
        r"too\s+(?:long|wordy|verbose)|fewer\s+words|less\s+wordy|succinct|snappier|crisper|"
        r"to\s+the\s+point|shorten"
    ),
    "longer": (
        r"long(?:er)?|more\s+detail(?:ed)?|expand|lengthen|elaborate|fuller|too\s+(?:short|brief)"
    ),
    "direct": r"direct|punch(?:y|ier)|bold(?:er)?|assertive|confident|stronger|persuasive",
    "funny": r"funn(?:y|ier)|humou?r(?:ous)?|playful|witty|fun",
}
_TOPIC = re.compile(
    r"\b(?:about|on\s+the\s+topic\s+of|regarding|around|focused\s+on|on|pitching|"
    r"promoting|to\s+promote|to\s+pitch|introducing|for\s+our|re:)\s+(.+?)"
    r"(?=\s+(?:for|to|targeting|aimed\s+at|using|with)\b|[?.!]*$)",
    I,
)


def campaign(clause: str, quotes: list[str], state: ConversationState) -> Intent | None:
    has_campaign = bool(_CAMPAIGN.search(clause))
    tone = _tone(clause)
    if (
        has_campaign
        and _CAMPAIGN_CREATE.search(clause)
        and not re.search(
            r"\b(?:launch|start|kick\s+off|begin)\s+(?:the|this|that|my|our|it)\b", clause, I
        )
    ):
        params: dict = {}
        topic = _TOPIC.search(
            re.sub(
                r"\b(?:for|to)\s+(?:my|the|our|this|that)?\s*(?:qtok\d+|[^,.]*?\s+list)\b",
                "",
                clause,
                flags=I,
            )
        )
        if topic:
            t = re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], topic[1]).strip(" .,'\"")
            if t and not re.fullmatch(r"(?:it|them|this|that|the\s+list|my\s+list)", t, I):
                params["topic"] = t
        name = list_name_in(clause, quotes, state, after_prep=False)
        target, resolved = list_target(clause, name, state)
        if target:
            params["list"] = resolved
        if tone:
            params["tone"] = tone
        return Intent(
            kind=IntentKind.campaign_create, list_name=resolved, list_target=target, params=params
        )
    if (
        has_campaign
        and _CAMPAIGN_START.search(clause)
        or re.search(
            r"\b(?:start\s+sending|go\s+live|hit\s+send|send\s+(?:it|them)\s+(?:out|now)|"
            r"launch\s+it|start\s+it|ship\s+it|send\s+it|kick\s+it\s+off)\b",
            clause,
            I,
        )
    ):
        return Intent(kind=IntentKind.campaign_start, params=_which_campaign(state))
    if (
        (_REWRITE.search(clause) and (_EMAIL_OBJ.search(clause) or tone))
        and (tone or re.search(r"\b(?:e-?mails?|copy|subject|message|draft)\b", clause, I))
        or re.search(
            r"\b(?:make|have)\s+(?:it|this|that|the\s+e-?mail)\s+(?:sound|read|feel)\b", clause, I
        )
        or (
            tone
            and re.fullmatch(
                r"\W*(?:(?:and|now|ok|okay|also|but|maybe|even|please)\W+)*(?:a\s+(?:bit|little)\s+|"
                r"(?:much|way|slightly)\s+)?(?:(?:more|less)\s+\w+|shorter|longer|friendlier|warmer|punchier|"
                r"snappier|crisper|briefer|bolder|softer|gentler|tighter)(?:\s+please)?\W*",
                clause,
                I,
            )
        )
    ):
        params = {"tone": tone} if tone else {}
        step = re.search(
            r"\b(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
            r"(?:e-?mail|step|one|message|follow[\s-]?up)\b",
            clause,
            I,
        )
        if step:
            params["step"] = step[1].lower()
        if re.search(r"\bsubject\b", clause, I):
            params["part"] = "subject"
        return Intent(kind=IntentKind.email_rewrite, params={**params, **_which_campaign(state)})
    return None


def _tone(clause: str) -> str | None:
    for name, pattern in _TONES.items():
        if re.search(rf"\b(?:{pattern})\b", clause, I):
            return name
    return None


def _which_campaign(state: ConversationState) -> dict[str, str]:
    """ "the email", "the campaign": the request's campaign, else the one this conversation made."""
    if state.context_campaign_id:
        return {"campaign": "context"}
    if state.last_campaign_id:
        return {"campaign": "last"}
    return {}
