"""Requests that are not searches and must never become one: drafting an email, sending, deleting
things other than lists, and things Lexi cannot do. Each is answered plainly and costs no search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import prefilter
from .lexicon import TECHNOLOGY_SPELLING
from .types import Intent, IntentKind

# Before "call them": not "we prefer call them", "so we'll call them", "want to call them",
# which say how the user reaches people later, not a call asked of Lexi.
NOT_REACHING_LATER = r"(?<!prefer\s)(?<!prefer\sto\s)(?<!rather\s)(?<!'ll\s)(?<!want\sto\s)"
# After "call them": not "the bigger practices call them that", "some call them practice
# administrators instead" (what people are called).
NOT_NAMING = r"(?!\s+(?:that|this|something|by\s+(?!phone|telephone|mobile|cell)|(?:[\w-]+\s+){0,2}?instead|differently)\b)"

I = re.IGNORECASE

_DRAFT = prefilter.compile(
    r"\b(?:write|draft|compose|prepare|craft|pen|create)\s+(?:me\s+|us\s+|them\s+|him\s+|her\s+|each\s+(?:of\s+them\s+)?)?"
    r"(?:up\s+)?"
    # ("write cold email to ...": the article left out before the kind of email)
    # ("draft email to the MUSC CNO": no article, but whom it is to)
    r"(?:an?\s+|the\s+|one\s+|some\s+|(?=(?:cold|short|quick|personal|intro|outreach)\w*\s+e-?mail)|"
    r"(?=e-?mail\s+(?:to|for)\s))"
    r"(?:(?:cold|short|quick|one[\s-]off|personal(?:i[sz]ed)?|intro(?:ductory)?|"
    r"follow[\s-]?up|outreach|first)\s+)*"
    # "a quick congrats-on-the-new-role email": what the email is for, in a word or two
    r"(?:(?!(?:lists?|campaigns?|sequences?|called|named|new|of|for|to|with|and)\b)[\w'-]+\s+){0,2}?"
    r"(?:e-?mails?|messages?|notes?|letters?|intros?|inmails?|"
    r"linkedin\s+messages?)\b",
    I,
)
# Who is sent to: "them", "all of these people", "every one of them", "the whole list", "all 25".
_RECIPIENTS = (
    r"(?:(?:all|each|both|every\s+(?:single\s+)?one)\s+(?:of\s+)?(?=the\b|these\b|those\b|them\b|my\b)|"
    r"all\s+(?=these\b|those\b))?"
    r"(?:them|'?em(?=\s+all\b)|these|those|everyone|everybody|all\s+of\s+them|him|her|each\s+of\s+them|all\s+\d+|"
    r"(?:the|these|those)\s+(?:\d+\s+|whole\s+|entire\s+)?(?:list|lot|bunch|results|people|ppl|folks|"
    r"guys|names|ceos?|contacts|leads|prospects)|my\s+\w+|"
    # "all people from the list": everyone on it
    r"all\s+(?:the\s+)?(?:people|ppl|contacts|leads|prospects|names)(?=\s+(?:from|in|on|of)\s+(?:the|my|our|this|that)\s+list\b))"
)
_SEND = prefilter.compile(
    rf"\b(?:send|e-?mail|message|ping|reach\s+out\s+to|contact|blast)\s+(?:an?\s+e-?mail\s+to\s+)?"
    rf"{_RECIPIENTS}\b|"
    r"\bsend\s+(?:them|these|those|him|her|everyone)?\s*(?:an?\s+|the\s+)?(?:e-?mails?|messages?|"
    r"intro|note)\b|"
    # "shoot them all an email", "fire off an email to all of these people", "drop them a line"
    rf"\b(?:shoot|fire\s+off|drop|send\s+off|send\s+out|flick)\s+(?:{_RECIPIENTS}\s+(?:all\s+)?)?"
    rf"(?:an?\s+)?(?:e-?mails?|messages?|notes?|line)\b(?:\s+to\s+{_RECIPIENTS}\b)?|"
    # "send it to everyone on the list now": an email, when the conversation has no campaign
    rf"\bsend\s+(?:it|this|that)(?:\s+(?:e-?mail|message|draft|one))?\s+(?:out\s+|off\s+)?to\s+{_RECIPIENTS}\b",
    I,
)
_DELETE_OTHER = re.compile(
    r"^\W*(?:please\s+)?(?:delete|remove|erase|wipe|destroy|purge)\s+(?!.*\blists?\b)"
    r"(?:the\s+|my\s+|our\s+|these\s+|those\s+|this\s+|that\s+)?(?:contacts?|conversations?|"
    r"campaigns?|tasks?|people|prospects|leads|them|it|everything|history|account|searche?s?)\b"
    # ("remove the people I already saved": those left out of the search)
    r"(?!\s+(?:(?:that|who|which)\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:saved|have|added|got)\b)",
    I,
)
_UNSUPPORTED = prefilter.compile(
    r"\b(?:calendar|(?:book|schedule|set\s+up|arrange)\s+(?:a\s+|an\s+)?(?:(?:zoom|teams|video|phone|"
    r"discovery|quick|short|15[\s-]min(?:ute)?|30[\s-]min(?:ute)?)\s+)?(?:meeting|call|demo|intro)s?|"
    # visits arranged with the people found: "arrange face-to-face meetings with these persons",
    # "set up property tours for next week", "organise site visits with them"
    r"(?:book|schedule|set\s+up|arrange|organi[sz]e)\s+(?:[\w-]+\s+){0,2}?(?:meetings?|demos?|tours?|"
    r"visits?|appointments?|viewings?|showings?|walks?|walk-?throughs?|lunch(?:es)?|coffees?|"
    r"lunch[\s-]and[\s-]learns?|workshops?|sessions?|dinners?)\s+(?:with|for)\b|"
    # "message them on LinkedIn", "DM these folks on linkedin"
    r"(?:message|dm|ping|inmail)\s+(?:them|these|those|him|her|everyone|the\s+\w+)\b[^.?!]{0,25}\blinkedin|"
    # "pull each CIO's direct dial and mobile number"
    r"(?:pull|get|find|grab|fetch|give\s+me)\s+(?:each|every|all\s+the|the)\s+[\w-]+(?:'s|s')\s+(?:direct\s+dials?|"
    r"mobiles?|cells?|(?:mobile\s+|cell\s+)?(?:phone\s+)?numbers?)\b|"
    # "pull their LinkedIn posts from the past month", "like their linkedin posts for me"
    r"(?:pull|get|show|read|find|grab|fetch|see|like|comment\s+on|share)\s+(?:me\s+)?(?:their|his|her|the)\s+"
    r"(?:recent\s+|latest\s+|last\s+)?(?:linkedin|twitter|x|social(?:\s+media)?)\s+(?:posts?|activity|updates?|feeds?)\b|"
    # lists of people on other websites: "scrape the speaker list from the Infosecurity site"
    r"scrape\b[^.?!]{0,40}\b(?:websites?|site|pages?|web|urls?|attendees?|speakers?|exhibitors?|"
    r"members?|directory|directories|sponsors?|linkedin|sales\s+nav(?:igator)?)\b|"
    # "book a zoom with the CMO of Koala", "set up a teams call with him"
    r"(?:book|schedule|set\s+up|arrange)\s+(?:a\s+|an\s+)?(?:quick\s+)?(?:zoom|teams|google\s+meet|meet|"
    r"catch[\s-]?up|chat)(?:\s+(?:call|meeting))?\s+(?:with|for)\b|"
    # data Lexi does not hold: "pull their policy renewal dates from the carriers"
    r"(?:policy|contract|lease|insurance)\s+(?:renewal|expiration|expiry|end)\s+dates?|"
    r"(?:book|schedule|set\s+up|arrange|organi[sz]e)\s+(?:[\w-]+\s+)?(?:tours?|visits?|viewings?|showings?)\b|"
    # LinkedIn actions: "connect with all of them on LinkedIn", "send them connection requests"
    r"connect\s+with\b[^.?!]*\blinkedin|connection\s+requests?|linkedin\s+(?:invites?|connections?)|"
    # contact data Lexi does not hold
    r"(?:home|personal|postal)\s+addresse?s?|whatsapp|kakao\s*talk|wechat|viber|"
    r"(?:personal|private|gmail|yahoo|hotmail)\s+(?:e-?mail\s+)?(?:addresses|e-?mails)|"
    # "send them samples by post", "mail them a brochure": things sent that are no email
    r"\b(?:by|via)\s+(?:post|snail\s+mail|courier|fedex|dhl)\b|"
    r"send\s+(?:them|these|those|each\s+of\s+them)\s+(?:some\s+|free\s+)?(?:samples?|gifts?|swag|"
    r"brochures?|packages?|flowers|cookies)\b|"
    # messages by other ways than email
    r"send\s+[^.?!]{0,30}?\b(?:sms(?:es)?|text\s+messages?|texts|voice\s+(?:notes?|messages?))\b|"
    # advice about other products: "what's the best CRM for a 5 person agency?"
    r"(?:best|recommend(?:ed)?|good)\s+(?:crm|email\s+tool|tool|software|app|platform)s?\s+for\b|"
    rf"{NOT_REACHING_LATER}(?:call|phone|text)\s+(?:them|him|her){NOT_NAMING}|dm\s+them|"
    # whole words: "printing companies", "an excellent list" ask for none of these
    r"(?:google\s+sheets?|excel|print(?:ed|s|outs?)?|translate|weather|stock\s+price|jokes?)\b|"
    # checks of other registers: "are these companies on the OFAC sanctions list?"
    r"\b(?:ofac|sanctions?\s+(?:lists?|screening|checks?)|pep\s+(?:lists?|checks?|screening))\b|"
    # the news asked for: "any news about which dealer groups just got acquired?"
    r"(?:any|latest|recent)\s+news\s+(?:about|on|regarding|from)\b|"
    # what people earn
    r"salary\s+bands?|salary\s+expectations?|salaries|(?:their|his|her)\s+(?:salary|pay|compensation)\b|"
    r"what\s+(?:they|he|she)\s+earns?\b|how\s+much\s+(?:they|he|she)\s+(?:earns?|makes?|make)\b|"
    r"(?:export|download)\s+(?:them|these|those|the\s+results|the\s+people|everyone|it)\b|"
    r"\bcsv\b(?!.*\blists?\b)|"
    # "sync my saved contacts to Salesforce as leads": no CRM connection yet
    r"\b(?:sync|push|send|upload|export|import|copy)\b[^.?!]*?\b(?:to|into|with)\s+(?:my\s+|our\s+|the\s+)?"
    r"(?:salesforce|hubspot|pipedrive|zoho|dynamics|close\.com|crm)\b)",
    I,
)


# Asks about people already found that no list, campaign or search can serve, recognised before
# any of those reads them: pushing them into a CRM ("push them straight into my HubSpot" is no
# list), calling them ("set up a cold calling sequence" is no campaign), LinkedIn actions, phone
# numbers, their taxes or finances, predictions about them.
_CRM_PUSH = (
    # "connect to our Salesforce and sync my contacts": a CRM connection
    r"(?:\b(?:connect|hook\s+up|link\s+up)\s+(?:to|with|into)|\blink|"
    r"\b(?:sync|integrate)\b(?:(?!\b(?:about|campaign|email|mention)\b)[^.?!]){0,40}?"
    r"\b(?:to|into|with)|\b(?:push|send|upload|export|import|copy|move|load|transfer|pipe|put|add)"
    r"\b(?:(?!\b(?:about|campaign|email|mention)\b)[^.?!]){0,40}?\b(?:to|into))\s+"
    r"(?:my\s+|our\s+|the\s+)?(?:salesforce|hubspot|pipedrive|zoho|dynamics|close\.com|"
    r"outreach\.io|salesloft|crm|apollo|lemlist|instantly|"
    # "push them to outreach": the sales engagement tool, not a list or campaign named so
    r"outreach(?!\s+(?:lists?|campaigns?|sequences?|emails?)\b))\b"
    # "push these into servicetitan as leads": whichever tool, fed with the people as records
    r"|\b(?:push|sync|upload|load|import|export|pipe|transfer)\b[^.?!]{0,30}?\b(?:to|into)\s+"
    r"(?:my\s+|our\s+|the\s+)?[a-z][\w.]*\s+as\s+(?:new\s+)?(?:leads|contacts|deals|accounts|opportunities)\b"
)
# Phone calls to the people found: "call these ppl tmrw", "call the top 5 on the new list and
# pitch them", "give each of them a ring" ("call it Texas CFOs" names a list; "who should I call
# first?" asks no call of Lexi).
_CALLED = (
    r"(?:them|these|those|him|her|everyone|everybody|all\s+of\s+them|each\s+(?:one\s+)?of\s+them|"
    r"(?:each|all|every\s+one)\s+of\s+(?:these|those|the)\s+\w+|"
    r"(?:the|these|those)\s+(?:\d+\s+)?(?:people|ppl|folks|guys|contacts|leads|prospects|names|"
    r"results|ones|individuals)|"
    # "call these dueños", "ring those CFOs": whoever they are, already found
    r"(?:these|those)\s+\w+(?=\s+(?:and|to|about|for|tomorrow|today|tmrw|now|next|this|please|pls)\b|\s*[.,;!?]|\s*$)|"
    r"(?:the\s+)?(?:top|first|last|best)\s+(?:\d+|one|two|three|four|five|six|ten|few|couple)\b(?!\s+of\s+(?:the\s+)?(?:list|results))|"
    r"(?:everyone|everybody|the\s+people|the\s+contacts)\s+on\s+(?:the|that|this|my)\b)"
)
_CALL = (
    rf"{NOT_REACHING_LATER}\b(?:call|phone|ring|dial|cold[\s-]?call|text)\s+(?:up\s+)?{_CALLED}(?!\s*qtok\d)"
    rf"{NOT_NAMING}|"
    rf"\bgive\s+{_CALLED}\s+a\s+(?:quick\s+)?(?:call|ring|buzz|phone\s+call)\b|"
    r"\bmake\s+(?:the\s+|some\s+)?(?:phone\s+|cold\s+)?calls?\s+to\b"
)
_OUT_OF_REACH = prefilter.compile(
    rf"(?P<crm>{_CRM_PUSH})|{_CALL}"
    r"|\benrich(?:ed|ing)?\s+(?:them|these|those|it|my|our|the|this|that)\b"
    r"|\bcold[\s-]?call(?:s|ing)?\b|\bcall(?:ing)?\s+(?:sequence|cadence|script|list|campaign)s?\b|"
    r"\b(?:power\s+)?dialer\b|"
    r"\blinkedin\s+(?:connect(?:ion)?s?|invites?|invitations?|inmails?|outreach)\b|"
    r"\boutreach\s+(?:on|via|through|over)\s+linkedin\b|"
    r"\bconnect\s+(?:with|w/?)\s+(?:all\s+(?:of\s+)?)?(?:them|these|those|everyone|each)\b|"
    r"\b(?:their|his|her|these\s+people'?s)\s+(?:personal\s+|direct\s+|work\s+|private\s+)?"
    r"(?:(?:cell(?:\s+phone)?|mobile(?:\s+phone)?|phone|telephone|direct[\s-]dial)\s*(?:numbers?|nos?\b|#|lines?)|"
    r"direct[\s-]dials?|direct\s+lines?|cells|mobiles)|"
    r"\b(?:(?:cell|mobile|phone|direct[\s-]dial)\s+numbers?|direct[\s-]dials?)\s+(?:for|of)\s+"
    r"(?:them|these|those|everyone|all|the\s+[\w-]+\s+(?:you|we)\s+(?:just\s+)?(?:pulled|found|got|saved))\b|"
    r"\b(?:behind\s+on|owe|owes|owing|unpaid|late\s+on|pay(?:ing)?)\s+(?:their\s+|any\s+)?"
    r"(?:back\s+)?tax(?:es)?\b|\btax\s+(?:returns?|records?|liens?|debts?)\b|"
    r"\b(?:credit\s+scores?|net\s+worth|criminal\s+records?|background\s+checks?)\b|"
    # records Lexi does not hold: public tenders and contract awards, job-seeking status
    r"\b(?:rfps?|rfqs?|requests?\s+for\s+(?:proposals?|quotes?)|contract\s+awards?|sam\.gov)\b|"
    # ("flag which of these are #OpenToWork"; "SDRs who are #OpenToWork" is a search)
    r"\b(?:these|those|them)\b[^.?!]{0,40}?\bopen\s*to\s*work\b|"
    r"\b(?:predict|forecast)(?:s|ing)?\s+(?:which|who|whether|if|when|what|how)\b|"
    # building things for them: "build them a new website mockup", "design a logo for each"
    # (asked of Lexi: not "companies that make mobile apps")
    r"(?:^\W*(?:(?:please|pls|and|also|now|then|ok(?:ay)?|so)\W+)*|\b(?:can|could|would|will)\s+(?:you|u)\s+"
    r"(?:also\s+|please\s+|pls\s+|maybe\s+)?|\b(?:i|we)\s+(?:want|need)\s+(?:you|u)\s+to\s+)"
    r"(?:build|design|create|make|mock\s+up|code|develop|generate)\s+(?:them|him|her|me|us|each\s+of\s+them)?"
    r"\s*(?:an?\s+|the\s+|their\s+|some\s+)?(?:(?:new|quick|custom|fresh|better|simple)\s+)*"
    r"(?:web\s*sites?|landing\s+pages?|mock-?ups?|logos?|wireframes?|(?:mobile\s+|web\s+)?apps?|"
    r"pitch\s+decks?|slide\s+decks?|brochures?|flyers?)\b|"
    # what organisations gave or spent: "which foundations gave grants to arts groups last year"
    r"\b(?:which|what)\s+(?:(?!(?:have|has|had|did|do|does|is|are|was|were|i|we|you|u|they|it|"
    r"did\s+i)\b)[\w&'-]+\s+){1,3}?(?:gave|donated|granted|awarded|sponsored|spent|paid|"
    r"pledged)\b|"
    # the sending set-up: "warm up my sending domains", "inbox warmup", "set up DKIM"
    r"\bwarm(?:ing)?[\s-]?up\s+(?:(?:my|our|the|all|these|those|of)\s+)*(?:(?:sending|e-?mail|new|"
    r"cold|secondary|outreach)\s+)*(?:domains?|inbox(?:es)?|mailbox(?:es)?|e-?mail\s+accounts?|ips?)\b|"
    r"\b(?:domains?|inbox(?:es)?|mailbox(?:es)?|e-?mail)\s+warm(?:ing)?[\s-]?ups?\b|"
    r"\b(?:set\s+up|setup|configure|fix)\s+(?:my\s+|our\s+|the\s+)?(?:spf|dkim|dmarc)\b|"
    # posting for the user: "write and publish a LinkedIn post about our new warehouse"
    r"\b(?:publish|post|schedule|write|draft|create)\b(?:(?!\babout\b|\be-?mails?\b)[^.?!]){0,30}?\b(?:linkedin|social(?:\s+media)?|"
    r"facebook|instagram|twitter|x)\s+posts?\b|"
    # "can u post about our hemp fiber on linkedin", "share it on facebook" (asked of Lexi, not
    # "CTOs who post on LinkedIn")
    r"(?:^\W*(?:(?:please|pls|ok|okay|and|also|now|then|so)\W+)*|\b(?:can|could|would|will)\s+(?:you|u)\s+"
    r"(?:please\s+|pls\s+|also\s+)?|\bhelp\s+(?:me\s+)?|\bi\s+(?:want|need)\s+(?:you|u)\s+to\s+)"
    r"(?:post|share|publish|tweet)\b[^.?!]{0,60}?\b(?:on|to)\s+(?:my\s+|our\s+|the\s+|their\s+)?"
    r"(?:linkedin|facebook|instagram|twitter|x|threads|tiktok|social(?:\s+media)?)\b",
    I,
)
# "sync that list to bullhorn", "push them into Greenhouse": into a system the user has (a known
# technology, the clause's last words), not a list or a campaign named so.
_INTO_SYSTEM = re.compile(
    r"\b(?:sync|integrate|push|upload|export|copy|transfer|pipe|import|log|enter|load|connect|link|"
    r"hook\s+up)\b"
    r"(?:(?!\b(?:about|campaign|e-?mail|mention)\b)[^.?!]){0,40}?\b(?:to|into|with)\s+"
    r"(?:my\s+|our\s+|the\s+)?(?P<system>[\w.]+(?:\s+[\w.]+)??)"
    r"(?:\s+(?:account|instance|crm|ats|please|pls|for\s+me|now|too|as\s+well|asap))*\s*"
    r"(?:[.,;!?]|$|(?=so\s+(?:that\s+)?(?:the|they|it|we|i|our|my|contacts|leads)\b)"
    r"|(?=and\s+(?:pull|import|sync|bring|get|grab)\b))",
    I,
)


_EDITIONS = frozenset(
    {"online", "cloud", "crm", "desktop", "enterprise", "pro", "one", "360", "business"}
)
# "I wanna load it into Epic": what the user will do with it, not asked of Lexi
_THE_USER_WILL = re.compile(
    r"\b(?:i|we)(?:'ll|\s+(?:wanna|want\s+to|will|gonna|am\s+going\s+to|are\s+going\s+to|need\s+to|"
    r"plan\s+to|have\s+to|can|could))\s+$",
    I,
)


def _into_a_system(clause: str) -> re.Match[str] | None:
    m = _INTO_SYSTEM.search(clause)
    if m and _THE_USER_WILL.search(clause, 0, m.start()):
        return None
    if m and (
        m["system"].lower() in TECHNOLOGY_SPELLING
        # "QuickBooks Online", "Salesforce CRM": a system and the edition of it
        or (
            m["system"].split()[0].lower() in TECHNOLOGY_SPELLING
            and m["system"].split()[-1].lower() in _EDITIONS
        )
    ):
        return m
    return None


# What an email or a campaign is about: "a campaign about faster background checks" asks for
# the campaign, whatever its topic names.
_TOPIC_BEFORE = re.compile(
    r"\b(?:about|regarding|re:|pitching|promoting|introducing|mention(?:ing)?|highlight(?:ing)?|"
    r"on\s+the\s+topic\s+of|focused\s+on)\b",
    I,
)


def _in_a_list_name(clause: str, at: int, list_names: Sequence[str]) -> bool:
    """Whether the word ending at ``at`` is part of a list's name ("copy them to Apollo Targets"
    when the workspace has a list "Apollo Targets": the list, not the tool)."""
    low = clause.lower()
    return any(
        m.start() < at <= m.end()
        for name in list_names
        if name
        for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", low)
    )


def out_of_reach(clause: str, list_names: Sequence[str] = ()) -> Intent | None:
    """ "push them into my HubSpot", "pull their cell numbers": unsupported, whatever the verb."""
    m = next(
        (
            m
            for m in _OUT_OF_REACH.finditer(clause)
            if not _TOPIC_BEFORE.search(clause, 0, m.start())
            and not (m["crm"] and _in_a_list_name(clause, m.end(), list_names))
            # ("I want to load it into my CRM": what the user will do with the file)
            and not (m["crm"] and _THE_USER_WILL.search(clause, 0, m.start()))
        ),
        None,
    )
    if not m:
        system = _into_a_system(clause)
        if system and not _in_a_list_name(clause, system.end("system"), list_names):
            return Intent(
                kind=IntentKind.unsupported,
                params={"what": system.group(0).strip(" .,;!?").lower(), "reason": "crm_push"},
            )
        return None
    params = {"what": m.group(0).strip().lower()}
    if m["crm"]:
        params["reason"] = "crm_push"  # named as such in the reply
    return Intent(kind=IntentKind.unsupported, params=params)


def drafting(clause: str) -> Intent | None:
    """ "Write a cold email to the CEO of Holmes & Andrews PC": drafting, whoever it is for."""
    m = _DRAFT.search(clause)
    if not m:
        return None
    return Intent(kind=IntentKind.email_draft, params={"request": clause.strip()})


# "send them a WhatsApp message": sent another way than email, which Lexi cannot do.
_OTHER_CHANNEL = re.compile(
    r"\b(?:whatsapp|sms|text\s+messages?|linkedin|inmails?|voice\s+(?:notes?|messages?)|telegram|"
    r"kakao\s*talk|wechat|viber|(?:by|via)\s+(?:post|snail\s+mail|courier|fedex|dhl)|samples?|gifts?|swag)\b",
    I,
)


def sending(clause: str) -> Intent | None:
    if (
        _SEND.search(clause)
        and not re.search(r"\b(?:campaign|sequence)\b", clause, I)
        and not _OTHER_CHANNEL.search(clause)
    ):
        return Intent(kind=IntentKind.email_send, params={"request": clause.strip()})
    return None


def unsupported(clause: str) -> Intent | None:
    """Something Lexi cannot do (deleting contacts from chat, meetings, exports of results)."""
    m = _DELETE_OTHER.search(clause) or _UNSUPPORTED.search(clause)
    if m:
        return Intent(kind=IntentKind.unsupported, params={"what": m.group(0).strip().lower()})
    return None


def not_a_search(clause: str) -> Intent | None:
    """Drafting, sending or an unsupported request: recognised before any search is tried."""
    return drafting(clause) or sending(clause) or unsupported(clause)


# "Do you happen to know how many members each of these churches has?", "whats the roof age on
# their buildings", "can you pull the PUE numbers for their facilities?": a question about the
# people or companies found, asking for a fact no filter or field of Lexi's holds.
_ASKS_A_FACT = prefilter.compile(
    r"^\W*(?:(?:and|also|ok(?:ay)?|so|hm+|oh|btw|quick\s+q(?:uestion)?)\W+)*(?:"
    r"(?:do|did)\s+(?:you|u)\s+(?:happen\s+to\s+|also\s+|maybe\s+)?(?:know|have)\b|"
    r"(?:can|could|would)\s+(?:you|u)\s+(?:also\s+|please\s+|maybe\s+)?(?:tell\s+me|let\s+me\s+know|"
    r"check|see|find\s+out|look\s+up|pull|get|give\s+me|show\s+me|figure\s+out)\b|"
    r"is\s+there\s+(?:any\s+|a\s+)?(?:way|chance)\b|(?:any\s+)?chance\s+(?:you\s+|u\s+)?(?:can|could)\b|"
    r"what'?s|whats|what\s+(?:is|are)\b|how\s+(?:many|much|big|old|often)\b|"
    r"which\s+(?:of\s+)?(?:these|them|those)\b|(?:i'?d|i\s+would)\s+(?:love|like)\s+to\s+(?:know|see)\b)",
    I,
)
# "Do you know what the current rates on farm operating loans are?": a question of fact.
_KNOW_WHAT = re.compile(
    r"^\W*(?:(?:and|also|ok(?:ay)?|so|hm+|oh|btw)\W+)*(?:do|did)\s+(?:you|u)\s+(?:happen\s+to\s+)?know\s+"
    r"(?:what|how|whether|if|when|who|which)\b",
    I,
)
_ABOUT_THEM = re.compile(r"\b(?:their|these|those|them|they|each|every|per)\b", I)
# What Lexi does show about them, or a filter of a search: asked about, it is no fact out of reach.
_SHOWN = re.compile(
    r"\b(?:e-?mails?|titles?|names?|compan(?:y|ies)|linkedin|locations?|industr(?:y|ies)|size|"
    r"employees|headcount|revenue|funding|raised|tech(?:nolog(?:y|ies))?|stack|hiring|verified|"
    r"credits?|cost|list|campaign|results?|more|others|else|saved|added|found|left|remaining|"
    r"open(?:ed)?|repl(?:y|ied|ies)|click(?:ed|s)?|bounced?|sent|tasks?|email\s+status)\b",
    I,
)


def asks_a_fact(clause: str, has_criteria: bool) -> Intent | None:
    """A question about the prospects found that asks for something Lexi does not hold."""
    if has_criteria or not _ASKS_A_FACT.match(clause):
        return None
    if not (_ABOUT_THEM.search(clause) or _KNOW_WHAT.match(clause)):
        return None
    if _SHOWN.search(clause):
        return None
    return Intent(kind=IntentKind.unsupported, params={"what": "facts", "reason": "prospect_facts"})
