"""Approving or cancelling the conversation's pending task by chat ("approve it", "yes, go
ahead", "cancel that task"). Only ever the one task this conversation proposed; "approve all
tasks" and "auto-approve" stay refused (see ``commands.is_injection``). "Approve the pending
one" and "the newest one" are that task; "the one for X" or "the other one" pick among several,
which chat cannot do, so with more than one waiting they are asked about instead of acting on
the newest.
"""

from __future__ import annotations

import re

from .purpose import without_reasons
from .types import ConversationState, Intent, IntentKind

I = re.IGNORECASE

_THE_TASK = (
    r"(?:it|this|that|them|em|'em|them\s+all|both(?:\s+of\s+them)?|"
    r"the\s+(?:task|search|proposal|request|pending\s+(?:task|search|prospect\s+search))|"
    # what the pending task does: "approve the deletion", "confirm the launch", "cancel the send"
    r"(?:the|this|that)\s+(?:deletion|delete|launch|start|send(?:ing)?|campaign\s+launch|list\s+deletion|"
    r"save|saving|list\s+save|export|enrichment|(?:list\s+)?(?:merge|merging|rename|renaming)|removal)|"
    r"this\s+(?:task|search|one|request|approval)|that\s+(?:task|search|one|request|approval)|the\s+one|my\s+task|"
    # terse: "approve task", "dismiss pending task"
    r"(?:(?:pending|waiting|open)\s+)?task|"
    # "dismiss whatever task that made"
    r"whatever\s+(?:task|that|it|this)(?:\s+(?:that|it|this|you|i|we)(?:\s+just)?\s+(?:made|created|"
    r"queued|started|set\s+up|proposed|is))?|"
    # "approve the pending one", "cancel the newest task": the one the conversation proposed last
    r"(?:the|that|this|my)\s+(?:(?:pending|waiting|outstanding|newest|latest|most\s+recent)\s+)+"
    r"(?:one|task|request|item|approval)|"
    r"the\s+one\s+(?:that'?s\s+|that\s+is\s+|which\s+is\s+)?(?:pending|waiting)(?:\s+(?:for|on)\s+"
    r"(?:my\s+|an?\s+)?(?:approval|me))?)"
)
# "approve the one for MN Nonprofit EDs", "dismiss the other one": one task picked among several.
# Chat only ever acts on the task this conversation proposed last, so a pick is taken only when
# there is nothing to pick among (see ``approval``).
_PICKED = (
    r"(?P<picked>the\s+one\s+(?:for|about|on|to|into|with|concerning|regarding|re|saving|adding|"
    r"that\s+(?:saves|adds))\s+"
    r"(?:(?!\b(?:and|then|also)\b)[^,;.!?]){1,60}?|"
    r"the\s+(?:other|older|oldest|first|earlier|previous|second)\s+(?:one|task|request|search)|"
    # a task said by what it is: "the BambooHR search task", "the Workday one", "the Q4 export"
    r"the\s+(?!(?:other|older|oldest|first|earlier|previous|second)\b)(?:[\w&'+-]+\s+){1,4}?"
    r"(?:search\s+task|one|task|search|request|export|deletion|launch))"
)
# Why, said after a cancel: "that was a mistake", "I don't need it anymore".
_REASON = (
    r"(?:[\s,.;!\u2014\u2013-]+(?:(?:that|it|this)(?:\s+(?:was|is)|\s*'?s)\s+[^.!?]{1,40}|"
    r"(?:i|we)\s+(?:don'?t|do\s+not|no\s+longer)\s+need\s+it[^.!?]{0,20}|"
    r"(?:because|since|cause|cuz|as)\s+(?:it|that|this|i|we)\b[^.!?]{1,50}|"
    r"(?:by|my)\s+mistake|my\s+bad|(?:the\s+)?wrong\s+(?:[\w-]+\s*){1,3}|"
    r"(?:i|we)\s+made\s+a\s+mistake[^.!?]{0,40}|"
    # "cancel that i want to look at it tonight": what the user will do instead
    r"(?:i|we)(?:'d|\s+would)?\s+(?:want|wanna|need|rather|prefer)\s+(?:to\s+)?(?:look|check|review|read|go\s+over|"
    r"think|see)\b[^.!?]{0,40}|"
    r"(?:too\s+(?:broad|narrow|big|small|many|few|wide)|not\s+needed(?:\s+any\s*more)?)|"
    r"not\s+what\s+(?:i|we)\s+(?:wanted|meant|asked\s+for)))?"
)
# Assent before the approval: "yep", "sounds good to me", "looks good", "that's fine".
_ASSENT = (
    # ("ja", "oui", "sí", "da": yes said in other languages)
    r"(?:yes|yeah|yep|yup|ya|yah|yea|aye|ja|oui|s[ií]|da|tak|evet|sure(?:\s+thing)?|ok(?:ay)?|alright|all\s+right|cool|great|perfect|"
    r"i\s+(?:confirm|agree)|confirmed|"
    r"fine|good|right|correct|lgtm|(?:sounds|looks)\s+(?:good|great|fine|right|ok(?:ay)?|alright|perfect|solid)(?:\s+to\s+me)?|"
    r"(?:that'?s|that\s+is|this\s+is|it'?s)\s+(?:fine|good|great|right|correct|perfect)|"
    r"(?:that|this)\s+works(?:\s+for\s+me)?|works\s+for\s+me)"
)
# "go ahead and", "you can", "please": before the verb.
_LEAD_IN = r"(?:(?:and|then|also|please|pls|kindly|you\s+can|you\s+may|feel\s+free\s+to|go\s+on)[\s,]+)*(?:go\s+ahead\s+(?:and\s+)?)?"
_APPROVE = re.compile(
    rf"^\W*(?:{_ASSENT}[\s,.!]*)*{_LEAD_IN}"
    rf"(?:(?:approve|confirm|accept|run|do)\s+{_THE_TASK}|(?:approve|confirm|accept)\s+{_PICKED}|"
    rf"(?:i\s+)?approve(?:d)?|go\s+ahead|do\s+it|do\s+the\s+needful|run\s+it|let'?s\s+do\s+it|proceed|go\s+for\s+it|"
    rf"approved|confirm(?:ed)?)"
    rf"(?:[\s,.!]+(?:please|pls|thanks|thank\s+you|go\s+ahead|do\s+it|(?:kindly\s+)?do\s+the\s+needful|approve(?:\s+it)?|run\s+it|go|"
    rf"confirm(?:ed)?|proceed|carry\s+on|you\s+may\s+proceed))*\W*$",
    I,
)
_JUST_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|yea|aye|ja|oui|sure|ok(?:ay)?|kk?)(?:\s+please)?\W*$", I
)
_DISMISS = re.compile(
    rf"^\W*(?:(?:and|also|then|actually|hm+|wait|oh|oops|sorry|i'?m\s+sorry|i\s+am\s+sorry|apologies|excuse\s+me|"
    rf"no\s+need|no|nah|naw|nope|ok(?:ay)?|ugh|on\s+second\s+thoughts?|"
    rf"scratch\s+that|changed\s+my\s+mind|i\s+changed\s+my\s+mind|nvm|never\s*mind|nevermind|"
    rf"hold\s+on|hang\s+on|on\s+second\s+thought)[\s,.!]*)*(?:(?:please|kindly|pls)\s+)?(?:(?:cancel|dismiss|reject|decline|drop|scrap|forget|"
    rf"kill|nix|bin|ditch|axe|abort|trash|"
    rf"don'?t\s+(?:run|do))\s+{_THE_TASK}|(?:cancel|dismiss|reject|decline)\s+{_PICKED})(?:[\s,.!]+(?:please|thanks|not\s+yet|too|as\s+well|"
    rf"(?:don'?t|do\s+not)\s+(?:send|run|start|launch)(?:\s+(?:it|anything))?(?:\s+(?:yet|now))?))*{_REASON}\W*$|"
    rf"^\W*(?:no|nope|nvm|never\s*mind|nevermind|cancel|don'?t)(?:[\s,.!]+(?:thanks|cancel\s+it|"
    rf"don'?t\s+do\s+it))*\W*$",
    I,
)


# A step that answers a task with its own verb: "dismiss the one for ...", "then approve it".
ANSWER_VERB = re.compile(
    r"^\W*(?:(?:and|then|also|please)\s+)*(?:approve|confirm|accept|cancel|dismiss|reject|decline)\b",
    I,
)


# "go ahead", "sure, do it": an approval only when something waits for one.
_GO_AHEAD = re.compile(
    rf"^\W*(?:{_ASSENT}[\s,.!]*)*(?:(?:please|pls|you\s+can|you\s+may)\s+)*"
    rf"(?:go\s+ahead|do\s+it|proceed|let'?s\s+do\s+it|go\s+for\s+it)\W*$",
    I,
)


_BARE_NO = re.compile(r"^\W*(?:no|nope|nvm|never\s*mind|nevermind|don'?t)\W*$", I)


# "Approve it, please. Thank you so much for all your help today!": thanks after the answer.
_THANKS_AFTER = re.compile(
    r"(?<=[.!,])\s+(?:(?:and\s+)?(?:thank\s+you|thanks|thx|ty|cheers|much\s+appreciated|"
    r"appreciate\s+it|you'?re\s+(?:a\s+star|the\s+best|a\s+lifesaver))\b[^?]{0,60}|"
    r"have\s+a\s+(?:good|great|nice|lovely)\s+(?:one|day|evening|weekend)[^?]{0,20})$",
    I,
)


_THANKS_WORDS = ("thank", "thx", "cheers", "appreciat", "you'", "youre", "have a")


# "Thanks Lexi, I'll approve it later after my coffee": the answer put off, nothing to act on now.
_PUT_OFF = re.compile(
    r"^\W*(?:(?:thanks?|thank\s+(?:you|u)|thx|ty|cheers|ok(?:ay)?|great|perfect|cool)(?:\s+lexi)?[\s,.!]+)*"
    r"(?:i'?ll|i\s+will|let\s+me|i'?m\s+going\s+to|gonna)\s+(?:approve|review|check|look\s+at|sign\s+off\s+on)\s+"
    r"(?:it|that|this|them)\s+(?:later|tomorrow|in\s+a\s+bit|after\s+[^.!?]{1,40}|first\s+thing[^.!?]{0,20})"
    r"[^.!?]{0,40}\W*$",
    I,
)


def approval(text: str, state: ConversationState) -> Intent | None:
    """The pending task's fate, when the message is only about it."""
    if _PUT_OFF.match(text):
        return Intent(kind=IntentKind.capabilities, params={"style": "thanks"})
    low = text.lower()
    if any(w in low for w in _THANKS_WORDS):
        text = _THANKS_AFTER.sub("", text)
    # "dismiss it, I'll handle that one myself": the reason after the answer is no request (a
    # bare "ok" or "no" left is too little to act on)
    stripped = without_reasons(text)
    if stripped != text and not _BARE_NO.match(stripped) and not _JUST_YES.match(stripped):
        text = stripped
    if not (_APPROVE.match(text) or _DISMISS.match(text)):
        text = _without_reason_sentence(text)
    said = _APPROVE.match(text) or _DISMISS.match(text)
    if said and said.groupdict().get("picked") and len(state.pending_task_ids) > 1:
        # "approve the one for X" with several waiting: acting on the newest might be the wrong one
        return Intent(kind=IntentKind.clarify, missing=["task"], question="which_task")
    if _APPROVE.match(text) or (_JUST_YES.match(text) and state.pending_task_ids):
        if _JUST_YES.match(text) or _GO_AHEAD.match(text):
            if not state.pending_task_ids:
                return None  # "go ahead" with nothing proposed is just filler
        return Intent(kind=IntentKind.task_approve)
    if _DISMISS.match(text):
        if _BARE_NO.match(text) and not state.pending_task_ids:
            return None
        return Intent(kind=IntentKind.task_dismiss)
    return _said_around(text) if state.pending_task_ids else None


# With a task waiting, the answer said among asides: "Very well. Approve it.", "Hmm, actually
# hold on, dismiss that for now. I want my boss to look at it first.", "nah kill that",
# "Approved, ta", "On reflection, I'd like my director to review it first. Could you cancel that
# request for now? Many thanks for all your help today." Each sentence or comma-part is the
# answer, a word of assent, thanks or hesitation, or a reason (no request of its own).
_PARTS = re.compile(r"\s*[,.;:!?\u2014]+\s*|\s+-\s+")
_LOOSE_APPROVE = re.compile(
    r"^(?:(?:yes|yeah|yep|ya|ok(?:ay)?|sure|alright|fine|great|perfect|very\s+well|go\s+on\s+then)\s+)*"
    r"(?:(?:please|pls|you\s+can|could\s+you|can\s+you)\s+)?(?:go\s+ahead\s+(?:and\s+)?)?(?:i\s+)?(?:approve[ds]?|confirm(?:ed)?|"
    r"go\s+ahead|go\s+for\s+it|do\s+it|proceed|ship\s+it)"
    r"(?:\s+(?:it|that|this|the\s+(?:task|request|launch|send|deletion)|that\s+(?:task|request)))?"
    r"(?:\s+(?:now|please|pls|then))*$",
    I,
)
_LOOSE_DISMISS = re.compile(
    r"^(?:(?:no|nah|nope|hm+|actually|hold\s+on|wait|ok(?:ay)?|on\s+reflection|on\s+second\s+thoughts?|"
    r"don'?t\s+(?:start|send|launch|run)\s+(?:it|that|this)(?:\s+yet)?)\s+)*"
    r"(?:(?:please|pls|could\s+you|can\s+you|would\s+you)\s+)?(?:dismiss|cancel|kill|scrap|reject|decline|"
    r"abort|bin|nix|drop|ditch|axe|trash|forget)(?:\s+(?:it|that|this|the\s+(?:task|request|launch|send|deletion)|that\s+(?:task|request)))?"
    r"(?:\s+(?:for\s+now|now|please|pls|for\s+the\s+moment|then|first))*$",
    I,
)
_ASIDE_WORDS = re.compile(
    r"^(?:thanks?|thank\s+you|ta|cheers|thx|ty|many\s+thanks|much\s+appreciated|very\s+well|yes|yeah|"
    r"ja|jawel|oui|si|s\u00ed|sim|yup|"
    r"yep|ok(?:ay)?|right|hm+|actually|hold\s+on|wait|oh|on\s+reflection|nah|no|sorry|understood|"
    r"got\s+it|perfect|great|fine|alright|for\s+now|(?:i'?ve\s+|i\s+have\s+)?changed\s+my\s+mind|eh|erm|um+|"
    r"scratch\s+that|never\s*mind|nvm)(?:\s+\S+){0,6}$",
    I,
)


def _said_around(text: str) -> Intent | None:
    parts = [p for p in _PARTS.split(text.strip()) if p]
    kinds = [_loose_answer(p) for p in parts]
    answers = {k for k in kinds if k is not None}
    if len(answers) != 1:
        return None
    for part, kind in zip(parts, kinds, strict=True):
        if kind is None and (
            _A_REQUEST.search(part) or not (_ASIDE_WORDS.match(part) or _A_STATEMENT.match(part))
        ):
            return None  # something else is asked too
    return Intent(kind=answers.pop())


def _loose_answer(part: str) -> IntentKind | None:
    if _LOOSE_APPROVE.match(part):
        return IntentKind.task_approve
    return IntentKind.task_dismiss if _LOOSE_DISMISS.match(part) else None


# A reason said as a statement: "I want my boss to look at it first", "still waiting on the
# pricing sheet from the brewery", "Legal has to review the copy first".
_A_STATEMENT = re.compile(
    r"^(?:(?:i|we|my|our|the|their|he|she|they|it|legal|boss|still|just|i'?d|i'?m|i'?ll|ill|we'?ll|we'?re|need|"
    r"waiting|want|not|that|this|looks|sounds|all|too|way\s+too)\b)",
    I,
)


# "wait no cancel it, boss wants to look at pricing first", "Actually no, cancel that. Legal has
# to review the copy first", "approve it, the client signed off": after the answer, a sentence
# about someone (what they want, must or did) is why, not another request.
_REASON_SENTENCE = re.compile(
    r"^(?P<answer>[^?]{2,60}?)\s*[,.;!\u2014]+\s*"
    r"(?:(?:my|our|the|their|his|her)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:wants?|needs?\s+to|has\s+to|have\s+to|must|should|will|would\s+like|is|are|was|were|"
    r"says?|said|asked|prefers?|signed\s+off|approved|agreed|decided)\b(?P<why>[^?]*)$",
    I,
)
# What a reason never says: a request of its own ("... the list is ready, now find CFOs").
_A_REQUEST = re.compile(
    r"\b(?:find|search|show|add|save|create|make|draft|write|export|delete|rename|remove|send|"
    r"start|launch|pause|approve|cancel|dismiss|give|get|pull)\b"
    # "list" as the verb, not "the price list for 2027 is not ready"
    r"|^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?list\b",
    I,
)


def _without_reason_sentence(text: str) -> str:
    """The answer of "cancel it, boss wants to look at pricing first" (the text unchanged when
    what follows the answer is no statement of why)."""
    m = _REASON_SENTENCE.match(text)
    if not m or _A_REQUEST.search(m["why"]):
        return text
    answer = m["answer"]
    if _BARE_NO.match(answer) or _JUST_YES.match(answer):
        return text  # "no, the client wants CFOs" corrects the search
    return answer if _APPROVE.match(answer) or _DISMISS.match(answer) else text
