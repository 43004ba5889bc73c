"""Requests that are neither searches, lists nor campaigns: account questions and refusals."""

from __future__ import annotations

import re

from . import prefilter
from .actions import NOT_NAMING, NOT_REACHING_LATER
from .lexicon import data_file
from .types import Intent, IntentKind

I = re.IGNORECASE

# ------------------------------------------------------------------ attempts to change the rules

_INJECTION = [
    re.compile(
        r"\b(?:ignore|disregard|forget|override|bypass|skip|drop)\b[^.?!]{0,40}"
        # (not "drop the headcount limit", "forget the size restriction": a search's filter)
        r"\b(?<!headcount\s)(?<!size\s)(?<!revenue\s)(?<!employee\s)(?<!staff\s)(?<!location\s)"
        r"(?<!funding\s)(?<!date\s)(?<!search\s)(?<!result\s)(?<!age\s)"
        r"(?:rules?|instructions?|prompts?|guidelines?|restrictions?|polic(?:y|ies)|"
        r"guardrails?|limits?|safeguards?|programming|constraints?|system)\b",
        I,
    ),
    re.compile(
        r"\b(?:system\s+prompt|developer\s+mode|jailbreak|dan\s+mode|you\s+are\s+now|"
        r"act\s+as\s+(?:an?\s+)?(?:admin|administrator|root|superuser|developer)|"
        r"pretend\s+(?:to\s+be|you)|sudo|god\s+mode|admin\s+mode|as\s+an?\s+admin)\b",
        I,
    ),
    re.compile(
        r"\b(?:show|list|open|switch|access|read|give|display|use|dump|export|see|go|view|enter|"
        r"join|log\s+into|load)\b(?:(?!named\b|called\b)[^.?!]){0,40}(?<!google\s)(?<!slack\s)(?<!notion\s)(?<!zoho\s)\b(?:workspaces?|tenants?)\b",
        I,
    ),
    re.compile(
        r"\b(?:other|another|different|all)\s+(?:workspaces?|tenants?|customers?'?\s+data)\b", I
    ),
    re.compile(
        r"\b(?:approve|accept|confirm|authori[sz]e|greenlight|rubber[\s-]?stamp|"
        r"dismiss|reject|decline|cancel|clear|execute|reset|undo|revoke|bypass)\b[^.?!]{0,25}"
        r"\b(?:tasks?|approvals?|requests?|everything|all\s+of\s+them|jobs?)\b",
        I,
    ),
    # Approving happens through the tasks API, never through chat.
    re.compile(
        # (not "waiting for my approve": the approval, said by someone learning English)
        # (nor "purchasing managers who approve the PO": what the people found do)
        r"(?<!to\s)(?<!my\s)(?<!who\s)(?<!that\s)(?<!can\s)\b(?:approve|approving|authori[sz]e|"
        r"authori[sz]ing)\b|\bauto[\s-]?approve\b",
        I,
    ),
    re.compile(
        r"\b(?:set|give|add|grant|increase|raise|top\s+up|change|reset|make|update|transfer|"
        r"refill|bump|double|put|load|award|assign|restore|refund|gift|boost)\b[^.?!\u2014\u2013;]{0,30}"
        # (not "our 48 hour credit decisions", "credit union", "credit card": credit as a trade)
        r"\b(?:credits?|balance)\b(?!\s+(?:decisions?|cards?|unions?|checks?|risk|scores?|lines?|"
        r"facilit(?:y|ies)|applications?|approvals?|analysts?|officers?|insurance|bureaus?|"
        r"reports?|terms?|products?|solutions?))",
        I,
    ),
    re.compile(r"\b(?:credits?|balance)\b[^.?!]{0,20}\b(?:to|=)\s*\$?\d", I),
    # "can you top us up with another 2,000?"
    re.compile(
        r"\btop\s+(?:us|me|my\s+account|our\s+account|the\s+account)\s+up\b"
        # ("let's top it up: directors of operations at 3PLs": more people, not credits)
        r"|\btop\s+it\s+up\b(?=[^.?!:]*\b(?:credits?|balance|account|\$|\d))",
        I,
    ),
    re.compile(r"\b(?:free|unlimited|infinite)\s+credits?\b", I),
    re.compile(
        r"\b(?:show|give|reveal|create|make|delete|revoke|list|print|tell|share|leak|grant|"
        r"change|elevate|escalate|upgrade|what\s+(?:is|are))\b[^.?!]{0,30}\b(?:api[\s-]?keys?|"
        r"secrets?|passwords?|tokens?|credentials?|permissions?|scopes?|admin\s+(?:rights|access|role))\b",
        I,
    ),
    # "make my coworker Jenna an admin", "make Sophie an admin on the workspace"
    re.compile(r"\bmake\s+(?:[\w'-]+\s+){1,3}(?:an?\s+)?(?:admin|administrator|owner)\b", I),
    re.compile(r"\bdrop\s+table\b|;\s*--|\bunion\s+select\b", I),
    re.compile(
        r"\b(?:delete|wipe|erase|destroy|truncate|purge)\s+(?:all|every|everything|the\s+whole|"
        r"my\s+whole|the\s+entire)\b",
        I,
    ),
    re.compile(
        r"\b(?:send|launch|start)\b[^.?!]{0,20}\bwithout\s+(?:approval|asking|confirmation)\b", I
    ),
    # "just skip the approval step", "send it without the approval step, I'm the partner"
    re.compile(
        r"\b(?:skip|skipping|bypass|bypassing|ignore|ignoring|without(?:\s+waiting\s+for)?|forget|no\s+need\s+for)\s+"
        r"(?:the\s+|any\s+|an\s+|your\s+|all\s+the\s+)?(?:approvals?|confirmations?|quotes?)"
        r"(?:\s+(?:step|process|part|thing|stuff|bit))?\b",
        I,
    ),
]


# The same patterns searched in the lower-cased text, which Python's ``re`` does about twice as
# fast as a case-insensitive search; only while no pattern spells an upper-case letter.
_LOWER_CASE_ONLY = not any(re.search(r"(?<!\\)[A-Z]", p.pattern) for p in _INJECTION)
_INJECTION_LOWER = (
    [prefilter.compile(p.pattern) for p in _INJECTION] if _LOWER_CASE_ONLY else _INJECTION
)


def is_injection(text: str) -> bool:
    """A request to change rules, credits, tasks or tenancy through chat: never acted on."""
    low = text.lower() if _LOWER_CASE_ONLY else text
    return any(p.search(low) for p in _INJECTION_LOWER)


# ------------------------------------------------------------------ account questions

# Thanks in the languages users write in, and the ways a session is ended: "muchas gracias!",
# "obrigado, tchau", "Thank you, that will be all.", "You're the best, have a good one".
_OTHER_THANKS = (
    r"(?:muchas\s+)?gracias|obrigad[oa]|merci(?:\s+beaucoup)?|danke(?:\s+sch[oö]n)?|grazie(?:\s+mille)?|"
    r"dank\s+je(?:\s+wel)?|tack|takk|tak|ciao|tchau|adi[oó]s|au\s+revoir|tsch[uü]ss|shukran|"
    r"much\s+appreciated|appreciate\s+it|you'?re\s+(?:the\s+best|a\s+star|amazing|awesome)|"
    r"thnx|thanx|tnx|tks|"
    r"(?:thanks?|thank\s+you)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:your|the|all\s+(?:your|the))\s+"
    r"(?:help|assistance|time|support|work)(?:\s+today)?|"
    r"you'?ve\s+been\s+(?:a\s+(?:lifesaver|star|great\s+help)|(?:so\s+|really\s+|very\s+)?(?:helpful|great|amazing))"
    r"(?:\s+today)?|"
    # "I'll approve it later after my coffee": a promise, nothing asked now
    r"i'?ll\s+(?:approve|look\s+at|review|check|start|launch|finish)\s+(?:it|that|this|them|the\s+rest)\s+"
    r"(?:later|tomorrow|after\s+[^.!?]{1,30})(?:\s+after\s+[^.!?]{1,30})?"
)
_DONE = (
    r"that(?:'?s|\s+is|\s+will\s+be|'?ll\s+be)\s+(?:all|everything|it)(?:\s+(?:for\s+)?(?:today|now|"
    r"the\s+day|the\s+moment))?|have\s+a\s+(?:good|great|nice|lovely)\s+(?:one|day|evening|weekend|night)|good\s+night|"
    r"talk\s+(?:to\s+you\s+)?(?:later|soon|tomorrow)|see\s+ya(?:\s+later)?|signing\s+off|"
    r"i'?m\s+done(?:\s+for\s+(?:today|now))?|thank\s+u"
)
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day)|"
    r"hey\s+there|hi\s+there|hello\s+there|thanks?(?:\s+you)?|thank\s+you|thx|ty|cheers|"
    r"ok(?:ay)?|kk?|cool|great|awesome|nice|perfect|sup|what'?s\s+up|lexi|bye|goodbye|see\s+you|"
    rf"that'?s\s+(?:all|it)|nothing\s+else|all\s+good|got\s+it|{_OTHER_THANKS}|{_DONE})"
    r"(?:[\s,!.]+(?:lexi|there|"
    r"again|so\s+much|a\s+lot|everyone|team|that'?s\s+(?:all|it|great|perfect)|bye|goodbye|for\s+now|"
    r"thanks?|thank\s+you|thx|ty|cheers|cool|great|perfect|awesome|got\s+it|all\s+good|"
    rf"nothing\s+else|see\s+you|for\s+(?:the\s+)?help|{_OTHER_THANKS}|{_DONE}))*\W*$",
    I,
)
_CAPABILITIES = re.compile(
    r"\bwhat\s+(?:exactly\s+)?(?:can|could|do|else\s+can)\s+(?:you|u|ye|ya|lexi|i|it|"
    r"(?:this|the)\s+(?:thing|tool|app|bot|software|platform))\s+(?:actually\s+|really\s+|exactly\s+)?"
    r"(?:do|help|ask|offer|use)|"
    # "what else you are able to do with lists?", "what are you able to do?"
    r"\bwhat\s+(?:else\s+)?(?:are\s+)?(?:you|lexi)\s+(?:are\s+|is\s+)?able\s+to\s+do\b|"
    # "what kind of buying signals can you search on?", "can you search by what software a company uses?"
    r"\bwhat\s+(?:kinds?\s+of\s+|kinda\s+|sorts?\s+of\s+|sorta\s+|types?\s+of\s+)?(?:buying\s+)?"
    r"(?:signals|filters|criteria|data)\s+(?:can|could|do)\s+(?:you|u|i)\s+(?:search|filter|use)\b|"
    # "what kind of filter Lexi is supporting?", "what kinds of things can I filter on?"
    r"\bwhat\s+(?:kinds?|sorts?|types?)\s+of\s+(?:filters?|criteria|things|data|fields|searches)\b"
    r"[^?.!]{0,40}?\b(?:support(?:s|ing)?|filter(?:ing)?|search(?:ing)?|offer(?:s|ing)?)\b|"
    r"\bwhat\s+(?:filters?|criteria)\s+(?:does|do|can|is|are)\s+(?:lexi|you|u|it|there)\b|"
    r"^\W*(?:can|could|do)\s+(?:you|u|i)\s+(?:search|filter)\s+(?:by|on|for)\s+(?:what|which|how|whether)\b|"
    r"\bwhat\s+(?:exactly\s+|all\s+)?(?:you|u)\s+(?:can|could)\s+do\b|"
    r"\bwhat\s+(?:kinds?\s+of\s+|kinda\s+|sorts?\s+of\s+|sorta\s+|types?\s+of\s+)?(?:stuff|things)\s+(?:can|could|do)\s+(?:you|u)\b|"
    r"\bwhat\s+are\s+(?:you|your\s+(?:features|capabilities|skills|abilities|commands))|"
    r"\bhow\s+(?:do|does|can)\s+(?:i\s+use\s+(?:you|this|lexi)|(?:this|it|you|lexi)\s+work)|"
    r"\bwho\s+are\s+you\b|\bhelp\b|\bwhat\s+are\s+you\s+(?:able\s+to\s+do|capable\s+of|good\s+(?:at|for))|\bcapabilit|\bfeatures?\b|\bcommands?\b|\bwhat\s+is\s+lexi\b|"
    r"\bhow\s+(?:can|could)\s+you\s+help|\bwhat\s+do\s+you\s+(?:know|support)|\bexamples?\b|"
    r"\b(?:what|which)\s+(?:filters|fields|criteria|search\s+options)\s+(?:do|can|are)\s+(?:you|u|i|there)\b|"
    # "which filters I can use for search?"
    r"\b(?:what|which)\s+(?:filters|fields|criteria)\s+(?:i|we)\s+(?:can|could)\s+use\b|"
    r"\bwhat\s+should\s+i\s+ask\b|\bgetting\s+started\b|\bintroduce\s+yourself\b|"
    # "how do lists work in this?", "how does the campaign stuff work"
    r"\bhow\s+(?:do|does)\s+(?:the\s+)?(?:lists?|campaigns?|credits?|exports?|searches|search|filters?|"
    r"tasks?|approvals?|signals?)(?:\s+(?:stuff|thing|feature|part))?\s+work\b|"
    # "whats all you can do", "what all can you do"
    r"\bwhat(?:'?s|\s+is)?\s+all\s+(?:you|u)\s+(?:can|could)\s+do\b|\bwhat\s+all\s+(?:can|could)\s+(?:you|u)\s+do\b|"
    # "an overview of the functions you are able to perform"
    r"\b(?:functions|things|tasks|services)\s+(?:that\s+)?(?:you|lexi)\s+(?:are\s+able\s+to|can|could)\s+"
    r"(?:perform|do|handle|carry\s+out|offer)\b|"
    # what a filter or a value means: "what does a 'guessed' email status mean?"
    r"\bwhat\s+(?:does|do|is|are)\s+(?:an?\s+|the\s+)?[^.?!]{1,40}?\b(?:filters?|status|statuses|"
    r"fields?|options?|settings?|seniority|signals?|qtok\d+)\s+(?:actually\s+|really\s+)?(?:mean|do)\b",
    I,
)
# Questions about what Lexi can do that no search reads differently, answered before a search
# is looked for in the same message: "which are the filters that you can search with?", "could
# you explain what kinds of searches and filters you support? I'm trying to figure out whether
# you can help a travel nurse staffing agency."
_ABOUT_LEXI = prefilter.compile(
    # ("I would be grateful if you could help me find ..." asks for the search itself)
    r"\b(?:whether|if)\s+(?:you|u|lexi)\s+(?:can|could)\s+(?:help(?!\s+(?:me|us)\s+(?:to\s+)?(?:find|get|"
    r"search|look|pull|build|identify|locate|compile|put|source|list|make|prospect|reach|create))|"
    r"work\s+for)\b|"
    # "do u understand requests in spanish too?", "can you speak german?"
    r"^\W*(?:do|can|could)\s+(?:you|u|lexi)\s+(?:understand|speak|read|handle|work\s+in)\s+"
    r"(?:requests?\s+in\s+|messages?\s+in\s+)?(?:spanish|german|french|italian|portuguese|dutch|"
    r"other\s+languages?|languages?)\b|"
    r"\bwhat\s+(?:else\s+)?(?:can|could)\s+(?:you|u)\s+(?:actually\s+)?do\b[^.?!]{0,20}\b(?:apart\s+from|besides|"
    r"other\s+than|then)\b|"
    # "can you search on things like bed count, or whether a hospital is public or private?"
    r"^\W*(?:(?:quick\s+q(?:uestion)?|so|and|hey|morning|before\s+i\s+start)\W+)*(?:can|could|do)\s+(?:you|u|i)\s+"
    r"(?:search|filter)\s+(?:by|on|for)\s+(?:things|stuff|criteria|data)\s+like\b|"
    # "can you filter by funding stage and hiring signals, or just title/geo?": the filters there are
    r"^\W*(?:(?:quick\s+q(?:uestion)?|so|and|hey)\W+)*(?:can|could|do)\s+(?:you|u|i)\s+(?:search|filter)\s+(?:by|on)\s+"
    r"(?:funding(?:\s+stage)?|hiring(?:\s+signals?)?|signals?|titles?|geo(?:graphy)?|locations?|industr(?:y|ies)|"
    r"size|headcount|revenue|tech(?:nolog(?:y|ies))?|tech\s+stack|seniority|departments?)"
    r"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:just\s+)?(?:funding(?:\s+stage)?|hiring(?:\s+signals?)?|signals?|titles?|"
    r"geo(?:graphy)?|locations?|industr(?:y|ies)|size|headcount|revenue|tech(?:nolog(?:y|ies))?|seniority|"
    r"departments?))*(?=\s*(?:$|[,;?]))|"
    # "what else can lexi do besides finding people"
    r"\bwhat\s+else\s+(?:can|could|does|do|will)\s+(?:you|u|lexi|it)\s+do\b|"
    # "what can you actually do for ABM list building?": what Lexi offers for a kind of work
    r"^\W*what\s+(?:exactly\s+)?(?:can|could|do|does)\s+(?:you|u|lexi)\s+(?:actually\s+|really\s+|exactly\s+)?"
    r"(?:do|offer)\s+(?:for|to\s+help\s+with|with)\s+(?!(?:me|us)\s+(?:to\s+)?(?:find|get|pull)\b)[^?.!]{1,40}\?\s*$|"
    # "what can you do besides finding people?", "can you do anything other than search?",
    # "apart from prospecting, what can you help with?"
    r"\bwhat\s+(?:other\s+(?:things|stuff)\s+)?(?:can|could|do|does)\s+(?:you|u|lexi|it)\s+"
    r"(?:(?:also|actually|really)\s+)?(?:do|help(?:\s+(?:me\s+|us\s+)?with)?|offer)\s+"
    r"(?:besides|other\s+than|apart\s+from|aside\s+from|except|beyond|in\s+addition\s+to|on\s+top\s+of)\b|"
    r"\b(?:can|could|do|does)\s+(?:you|u|lexi|it)\s+(?:do|help\s+with)\s+anything\s+(?:else\s+)?"
    r"(?:besides|other\s+than|apart\s+from|aside\s+from|except|beyond)\b|"
    r"^\W*(?:besides|other\s+than|apart\s+from|aside\s+from|beyond)\s+[^,?]{1,40},?\s+what\s+"
    r"(?:else\s+)?(?:can|could|do|does)\s+(?:you|u|lexi|it)\b|"
    # "what are you able to do for a cold chain sales team?", "what can you do for recruiters"
    r"\bwhat\s+(?:are\s+(?:you|u)\s+able\s+to|(?:can|could)\s+(?:you|u|lexi))\s+(?:do|offer)\s+for\b|"
    r"\b(?:what|which)\s+are\s+(?:the\s+)?(?:filters|fields|criteria|search\s+options)\b|"
    # "new here - what kinds of filters can I use when searching for people?"
    r"\bwhat\s+(?:kinds?\s+of\s+|sorts?\s+of\s+|types?\s+of\s+)?(?:buying\s+)?(?:signals|filters|"
    r"criteria|search\s+options)\s+(?:can|could|do|should)\s+(?:you|u|i|we)\s+(?:search|filter|use|apply)\b|"
    r"\b(?:filters|searches|criteria|fields)\s+(?:that\s+)?(?:do\s+)?(?:you|u|lexi)\s+"
    r"(?:support|offer|have|can\s+(?:use|do|search|filter|handle))\b",
    I,
)


# "where does your contact data actually come from?", "how fresh is your data?", "how often is
# the data updated?": where Lexi's data comes from and how good it is.
_ABOUT_DATA = prefilter.compile(
    r"\bwhere\s+(?:does|do|did)\s+(?:your|the|lexi'?s|all\s+(?:the|your|this)|this|that)\s+"
    r"(?:(?:contact|prospect|people|company|email)\s+)?(?:data|info(?:rmation)?|contacts|e-?mails|"
    r"numbers|leads|database)(?:\s+(?:on|about|for)\s+[^?.!]{1,30}?)?\s+(?:actually\s+|even\s+|really\s+)?"
    r"come\s+from\b"
    # "does your data cover the UK and Ireland properly?"
    r"|\b(?:does|do|will)\s+(?:your|the|lexi'?s)\s+(?:(?:contact|prospect|people|company)\s+)?(?:data|database|"
    r"coverage)\s+(?:really\s+|actually\s+|also\s+)?(?:cover|include|reach|extend\s+to)\b"
    r"|\bwhere\s+(?:do|does)\s+(?:you|u|lexi|it)\s+(?:actually\s+|even\s+|really\s+)?(?:get|source|pull|"
    r"obtain|buy)\s+(?:your|the|its|all\s+(?:the|your|its)|this|these)?\s*(?:contact\s+)?(?:data|"
    r"info(?:rmation)?|contacts|e-?mails|leads|numbers)\b"
    r"|\bhow\s+(?:fresh|accurate|up[\s-]to[\s-]date|current|reliable|old|recent|complete)\s+(?:is|are)\s+"
    r"(?:your|the|lexi'?s)\s+(?:(?:contact|prospect|people|company|email)\s+)?(?:data|info(?:rmation)?|"
    r"contacts|e-?mails|database|records)\b"
    r"|\bhow\s+often\s+(?:is|are|do\s+you|does\s+lexi)\s+(?:your\s+|the\s+)?(?:data|database|contacts|"
    r"e-?mails)?\s*(?:updated|refreshed|update|refresh)\b"
    # "from where you are getting the email data?", "from which sources is the contact information
    # obtained?", "your data for Vietnam companies is accurate? where it come from?"
    r"|\bfrom\s+(?:where|which\s+sources?|what\s+sources?)\s+(?:(?:are|do|does)\s+)?(?:you|u|lexi|it)\s+"
    r"(?:are\s+|is\s+)?(?:getting|get|gets|sourcing|source|pulling|obtaining|obtain|buying)\b"
    r"|\bfrom\s+(?:where|which\s+sources?|what\s+sources?)\s+(?:is\s+|are\s+)?(?:the\s+|your\s+|this\s+)?"
    r"(?:(?:contact|prospect|people|company|email)\s+)?(?:data|info(?:rmation)?|contacts|e-?mails|numbers)\s+"
    r"(?:is\s+|are\s+)?(?:obtained|sourced|collected|gathered|coming|taken|bought)\b"
    r"|^\W*where\s+(?:does\s+|do\s+)?(?:it|they|this|that)\s+(?:all\s+)?(?:comes?|coming)\s+from\W*$"
    r"|\b(?:your|lexi'?s)\s+(?:(?:contact|prospect|people|company|email)\s+)?(?:data|info(?:rmation)?|"
    r"contacts|e-?mails|database)\s+(?:(?:on|about|for|in)\s+[^?.!]{1,30}?\s+)?(?:is|are)\s+(?:really\s+)?"
    r"(?:accurate|reliable|correct|fresh|up[\s-]to[\s-]date|current|complete|legit)\b"
    # "is it GDPR compliant?", "whether it is compliant with the GDPR"
    r"|\b(?:whether|if|is|are)\s+(?:it|this|that|they|you|lexi|(?:your|the|this)\s+(?:\w+\s+)?data)\s+"
    r"(?:is\s+|are\s+)?(?:fully\s+|really\s+)?(?:(?:gdpr|ccpa)[\s-]compliant|compliant\s+with\s+(?:the\s+)?"
    r"(?:gdpr|ccpa))\b",
    I,
)


# "why so few?", "how come only 3?": why a search found what it found; "are those locations
# where the person is or where the company is?": what a filter applies to.
_ABOUT_RESULTS = prefilter.compile(
    r"^\W*(?:(?:hm+|ok(?:ay)?|so|but|and|wait|huh|quick\s+q(?:uestion)?)\W+)*(?:why|how\s+come)\s+"
    r"(?:(?:are|were|is)\s+there\s+|there(?:'s|\s+(?:are|were|is))\s+|did\s+(?:i|we|you)\s+(?:only\s+)?(?:get|find)\s+|(?:are|were)\s+"
    r"(?:they|there)\s+)?(?:so\s+(?:few|little|many)|only\s+(?:\d+|a\s+few|a\s+handful))"
    r"(?:\s+(?:results|people|matches|hits|contacts|of\s+them|this\s+time))?\W*$"
    r"|\blocations?\b[^.!?]*\b(?:person|people|contact|prospect|individual|they\s+(?:live|are|sit))\b"
    r"[^.!?]*\bor\b[^.!?]*\b(?:company|companies|hq|headquarters|office)\b"
    r"|\blocations?\b[^.!?]*\b(?:company|companies|hq|headquarters|office)\b[^.!?]*\bor\b[^.!?]*"
    r"\b(?:person|people|contact|prospect|individual|they\s+(?:live|are|sit))\b",
    I,
)


# "quick q - can you screen for companies that never raised institutional capital, i.e. truly
# bootstrapped?": whether Lexi filters on something, asked of a criterion it cannot filter on.
_CAN_YOU_SCREEN = re.compile(
    r"^\W*(?:(?:quick\s+q(?:uestion)?|so|and|also|hey|hi|btw)\W+)*(?:(?:can|could|do|does|will)\s+"
    r"(?:you|u|lexi|i|we)|is\s+(?:it|there\s+a\s+way)\s+(?:possible\s+)?to)\s+(?:actually\s+|even\s+)?"
    r"(?:screen|filter|segment|narrow)\s+(?:for|by|on|down\s+to)\b",
    I,
)


def asks_to_screen_on(clause: str, unsupported_codes: list[str]) -> bool:
    return bool(unsupported_codes) and bool(_CAN_YOU_SCREEN.search(clause))


# "do I have to approve each search or do you save the contacts automatically?", "do you need me
# to approve everything before you do it?": how Lexi works, asked before anything is done
_HOW_IT_WORKS = re.compile(
    r"^\W*(?:(?:quick|one|a)\s+(?:question|q)\W+)?(?:do|will|would|must)\s+(?:i|we)\s+(?:have|need)\s+to\s+"
    r"approve\b|\bdo\s+(?:you|u)\s+need\s+(?:me|us)\s+to\s+approve\b|"
    r"\bdo\s+(?:you|u|lexi)\s+(?:save|add|approve|spend|charge|send)\b[^.?!]{0,40}\bautomatically\b",
    I,
)


def asks_how_it_works(clause: str) -> bool:
    return bool(_HOW_IT_WORKS.search(clause))


def asks_about_lexi(clause: str) -> bool:
    return bool(
        _ABOUT_LEXI.search(clause) or _ABOUT_DATA.search(clause) or _ABOUT_RESULTS.search(clause)
    )


# "can lexi write the emails for me?", "does lexi do phone numbers": a question about Lexi, in
# the third person, before anything it names is done.
_LEXI_THIRD_PERSON = re.compile(r"^\W*(?:can|could|does|will|is)\s+lexi\b(?!\s*,)", I)


def asks_lexi_in_third_person(clause: str) -> bool:
    return bool(_LEXI_THIRD_PERSON.search(clause))


_WHO_DOES = r"(?:it|you|u|lexi|this(?:\s+(?:thing|tool|app))?)"
# "so it can find people's emails for me?", "can you also get work emails?": whether Lexi gives
# a kind of data, asked without anyone to find.
_ASKS_ABILITY = prefilter.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|wait|oh|hm+|but|also|just\s+to\s+(?:check|confirm)|quick\s+q(?:uestion)?)"
    rf"\W+)*(?:{_WHO_DOES}\s+(?:can|could|will|does|do)|(?:can|could|does|do|will)\s+{_WHO_DOES})\s+"
    r"(?:also\s+|actually\s+|really\s+|even\s+)?(?:find|get|give|pull|look\s+up|dig\s+up|provide|"
    r"verify|check)\s+(?:me\s+|us\s+)?(?:(?:people|persons|someone|somebody|anyone|contacts|prospects|"
    r"leads)(?:'s|s'|')?\s+|the\s+|their\s+)?(?:(?:work|business|personal|verified|valid|real)\s+)?"
    r"(?:e-?mails?|e-?mail\s+addresses|contact\s+(?:info|information|details|data))"
    r"(?:\s+(?:for\s+(?:me|us)|too|as\s+well|also))*\W*$",
    I,
)


# "does it send a follow-up automatically if they don't answer?": what Lexi does by itself.
_ASKS_AUTOMATIC = prefilter.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|wait|oh|also|quick\s+q(?:uestion)?)\W+)*(?:does|do|will|can|would)\s+"
    r"(?:it|lexi|you|u|the\s+(?:campaign|sequence|tool|app|system))\s+(?:also\s+)?(?:send|do|write|"
    r"schedule|handle|follow\s+up|stop|pause)\b[^?]*\b(?:automatically|by\s+itself|on\s+its\s+own)\b",
    I,
)


def asks_ability(clause: str) -> bool:
    """Whether the clause asks if Lexi gives some kind of data (emails, contact details), or
    does something by itself (a follow-up when nobody answers)."""
    return bool(_ASKS_ABILITY.match(clause) or _ASKS_AUTOMATIC.match(clause))


_CREDITS = prefilter.compile(
    # (not credit as a function: "credit managers", "heads of credit", "credit analysts")
    r"(?<!\btax\s)(?<!\btax-)(?<!\bstore\s)(?<!\bhead\sof\s)(?<!\bheads\sof\s)(?<!\bdirector\sof\s)"
    r"(?<!\bdirectors\sof\s)(?<!\bvp\sof\s)(?<!\bvps\sof\s)(?<!\bchief\s)"
    # (not "letters of credit", "lines of credit": instruments of trade finance)
    r"(?<!\bletters\sof\s)(?<!\bletter\sof\s)(?<!\blines\sof\s)(?<!\bline\sof\s)"
    r"\b(?:credits?|creds)\b(?!\s+(?:unions?|cards?|risk|bureaus?|scores?|ratings?|managers?|mgrs?|analysts?|"
    r"officers?|directors?|controllers?|control|heads?|leads?|teams?|committees?|underwriters?|specialists?|"
    r"administrators?|assistants?|collectors?|collections|and\s+collections|departments?|dept|functions?|"
    r"operations|ops|portfolios?|lending|insurance|facilities|lines?)\b)|\bbalance\b(?!\s+sheets?)|"
    r"\bhow\s+much\s+(?:do\s+i\s+have\s+)?left\b|\bquota\b|(?<!\bwrong\s)(?<!\bour\s)\bpric(?:e|es|ing)\b(?!\s+(?:lists?|sheets?|increases?|changes?|managers?|analysts?|directors?|leads?|heads?|strateg\w*|teams?|specialists?|officers?|in\s+(?:the\s+)?(?:e-?mail|mail|step|copy|message|second|first|third)))|"
    r"\bhow\s+much\s+(?:more\s+|extra\s+|less\s+)?(?:is|does|do|will|would|did|has)\b[^.?!]*\b(?:search|message|cost|charge)|"
    r"\bwhat(?:\s+(?:does|will|would|did)|'ll|\u2019ll|ll|'s|\u2019s)\s+(?:it|that|this|a|the)\s*(?:(?:last|previous|first)\s+)?"
    r"(?:search|message|one|lookup)?"
    r"\s+cost\b|"
    r"\bhow\s+much\s+(?:have\s+(?:i|we)|did\s+(?:i|we))\s+(?:spent|spend|used|use)|\busage\b|"
    r"\bwhat\s+(?:have|did)\s+(?:i|we)\s+(?:spent|spend)\b|"
    r"^\W*(?:and\s+|so\s+)?how\s+much\s+was\s+(?:that|it|this)(?:\s+(?:search|one|lookup))?\W*$|"
    # "what do you charge per contact saved?", "how much per lead?"
    r"\bwhat\s+(?:do|does|will|would)\s+(?:you|u|it|lexi)\s+charge\b|\bhow\s+much\s+(?:is\s+it\s+|does\s+it\s+cost\s+)?"
    r"(?:per|a|for\s+(?:a|each|one))\s+(?:contact|lead|prospect|person|save|search|email)\b",
    I,
)
_TASKS = prefilter.compile(
    r"\btasks?\b|\bapprovals?\b|\bawaiting\b|\bwaiting\s+(?:(?:for|on)\s+)?(?:my\s+)?(?:approval|approve|sign[\s-]?off|ok|okay)\b|"
    r"\bpending\b|\bto[\s-]?do\s+list\b|\bmy\s+to[\s-]?dos?\b|\bqueue\b|\bin\s+progress\b|"
    # "whats waiting on me", "show me what's been dismissed"
    r"\bwaiting\s+(?:on|for)\s+me\b|"
    r"\b(?:what|everything|anything|all)\s+(?:i|we)(?:'ve|\s+have)?\s+(?:dismissed|approved|rejected|declined|cancell?ed)\b|"
    r"\b(?:what|everything|anything|all|which\s+ones?)(?:'?s|\s+has|\s+have|\s+(?:that|which)(?:'?s|\s+has|\s+have|\s+were|\s+was)?)?"
    r"\s+(?:been|got|gotten|were|was)\s+(?:dismissed|approved|rejected|declined|cancell?ed)\b|"
    # "anything i need to approve rn?", "what do I have to sign off on", "stuff for me to approve"
    r"\b(?:anything|something|stuff|things?|what)\b[^.?!,;]{0,25}?\bto\s+(?:approve|sign[\s-]?off\b|okay\b|greenlight)",
    I,
)
_TASK_STATUS = re.compile(
    r"\b(pending|approved|dismissed|completed|finished|done|failed)\b|"
    r"\b(awaiting|waiting\s+(?:(?:for|on)\s+)?(?:my\s+|an?\s+)?(?:approval|approve|sign[\s-]?off|me)\b|"
    r"to\s+(?:approve|sign[\s-]?off\b|okay\b|greenlight))",
    I,
)


_UNSUPPORTED = prefilter.compile(
    # "export" of a title or an industry ("export managers", "import/export companies") is no ask
    r"\b(?:(?<!import/)(?<!import-)(?<!import\s)(?<!import\sand\s)(?<!import\s&\s)(?<!imports/)"
    r"export(?![\s-]+(?:managers?|directors?|sales|coordinators?|specialists?|compliance|control|"
    r"compan(?:y|ies)|firms?|business(?:es)?|cos|houses?|trad(?:e|ers?|ing)|industry|sector|"
    r"oriented|focused|led|heavy)\b)|"
    r"download|csv|excel|spreadsheet|google\s+sheets?|calendar|"
    # contact data Lexi does not hold, asked for itself: "get me direct dial phone numbers for the
    # people in my list", "I need personal emails for the founders in my list"
    # (the clause's own ask: "facilities directors in Ohio, need direct dials" is a search)
    r"^\W*(?:(?:ok(?:ay)?|so|and|also|now|then|please|pls|can|could|would|will|you|u|i|we|just|"
    r"really|hey|hi)\W+)*"
    r"(?:get|find|pull|give|need|want|grab|fetch|look\s+up)\s+(?:me\s+|us\s+)?(?:their\s+|the\s+|all\s+)?"
    r"(?:[\w-]+(?:'s|s'|\u2019s|s\u2019)\s+)?"  # "the owners' cell numbers"
    r"(?:direct\s+dials?|(?:direct[\s-]dial\s+|mobile\s+|cell(?:\s+phone)?\s+)?phone\s+numbers?|"
    r"(?:cell|phone|mobile)\s*#s?|direct\s+lines?|"
    r"mobile\s+numbers?|cell\s+numbers?|personal\s+e-?mails?(?:\s+addresses)?|home\s+addresses|"
    r"(?:github|twitter|x|instagram|tiktok|telegram)\s+(?:handles?|usernames?|profiles?|accounts?))"
    # ... of people already found or saved, not a search for people with them
    r"(?=\s*(?:\([^)]*\)\s*)?(?:[?.!]*$|(?:for|of|on)\s+(?:them|these|those|everyone|everybody|all|my|our|"
    r"(?:the\s+)?(?:people|ones|contacts|leads|founders|names)\s+(?:in|on|from)\b|"
    # "for these ppl", "for the buyers on Wichita Tier 1s": people found or saved already
    r"(?:these|those)\s+(?:ppl|people|folks|guys|contacts|leads|ones|prospects)\b|"
    r"the\s+[\w-]+\s+on\s+(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,3}\s*[?.!]*$)))|"
    # "enrich CFO Dinner Austin with mobile numbers": a list given contact data Lexi does not hold
    r"^\W*(?:(?:can|could|would)\s+(?:you|u)\s+|please\s+)?enrich\s+[^?.!]{1,60}?\s+with\s+(?:their\s+)?"
    r"(?:mobile|cell|phone|direct|personal|home)\b|"
    # reading other sites: "scrape www.example.com", "crawl their website"
    r"(?:^\W*(?:please\s+)?|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|\bto\s+)"
    r"(?:scrape|crawl)\s+(?!(?:companies|firms|vendors)\b)|"
    r"(?:book|schedule|set\s+up|set|arrange)\s+(?:a\s+|an\s+)?(?:(?!the\b|my\b|our\b|those\b|these\b)[\w-]+\s+){0,2}?"
    r"(?:meeting|call|demo|intro)s?\b|"
    # "prepone my demo with Ramesh to 3 pm", "reschedule the call": a calendar Lexi does not keep
    r"(?:prepone|postpone|reschedule|move|push\s+back|bring\s+forward)\s+(?:my|our|the)\s+(?:[\w-]+\s+)?"
    r"(?:meeting|call|demo|intro|appointment)s?\b|"
    # "what's the EBITDA on these companies?", "pull the cap tables": financials Lexi does not hold
    r"\b(?:what'?s|what\s+is|what\s+are|get|pull|show|give)\s+(?:me\s+)?(?:the\s+|their\s+)?"
    r"(?:ebitda|margins?|profits?|profitability|valuations?|cap\s+tables?|p&l|balance\s+sheets?)\b|"
    # "what salary do payroll managers in Pune usually get?": pay, which no profile holds
    r"\b(?:what|how\s+much)\s+(?:salary|salaries|pay|compensation|ctc)\s+(?:do|does|would|will|might)\b|"
    r"\bhow\s+much\s+(?:do|does)\s+[\w\s-]{1,40}?\s+(?:earn|make|get\s+paid)\b|"
    rf"{NOT_REACHING_LATER}(?:call|phone|ring)\s+(?:them|him|her|(?:these|those|the)\s+(?:people|contacts|leads))"
    rf"{NOT_NAMING}|"
    r"text\s+(?:them|him|her)|dm\s+them|post\s+(?:this|it|that)\s+(?:on|to)\s+linkedin|"
    r"linkedin\s+messages?|print|translate|weather|stock\s+price|joke|"
    # posts, parcels and guesses Lexi has no means for: "write a LinkedIn post announcing ...",
    # "arrange for sample bottles to be shipped to them", "estimate the roof size of ..."
    r"(?:write|draft|create|make)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:linkedin|social(?:\s+media)?|twitter|"
    r"facebook|instagram|blog)\s+posts?|"
    r"(?:ship|mail|deliver|courier|send)\s+(?:them|him|her)\s+(?:\w+\s+){0,2}?(?:samples?|gifts?|"
    r"swag|bottles?|brochures?)|"
    r"(?:ship|mail|deliver|courier|send)\s+(?:\w+\s+){0,2}?(?:samples?|gifts?|swag|bottles?|"
    r"brochures?|packages?|parcels?|boxes)\s+to\s+(?:them|him|her|each|these|those|every)|"
    r"(?:samples?|gifts?|swag|bottles?|brochures?)\s+(?:\w+\s+){0,3}?"
    r"(?:shipped|mailed|delivered|couriered)|"
    r"estimate\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){0,2}?(?:size|sizes|square\s+footage|"
    r"budgets?|spend|value|worth)|"
    # travel bookings, integrations with the user's own systems, what companies pay vendors
    r"(?:book\s+(?:me|us)\s+|(?:can|could|would)\s+(?:you|u)\s+book\s+|^\W*(?:please\s+)?book\s+)"
    r"(?:a\s+|an\s+)?(?:flights?|hotels?|trips?|tables?|rooms?|travel)|"
    r"(?:connect|integrate|link|hook\s+up)\s+(?:to|with|into)\s+(?:our|my|the)\s+(?:\w+\s+){0,2}?"
    r"(?:system|crm|erp|database|instance|account|data\s+warehouse)|"
    r"(?:what|how\s+much)\s+(?:each\s+of\s+them|they|each\s+one|each|it|these\s+companies)\s+"
    r"(?:pays?|spends?)|(?:pays?|spends?)\s+(?:on\s+)?\w+\s+per\s+(?:month|year)|"
    # any booking for the people: "book them a site visit", "could you arrange a lunch with them"
    r"(?:book|schedule|arrange|organi[sz]e)\s+(?:them|him|her)\b|"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|^\W*(?:please\s+)?)"
    r"(?:book|schedule|arrange|organi[sz]e|set\s+up)\s+(?:(?:a|an|some)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:site\s+)?visits?|tours?|walk-?throughs?|lunch(?:es)?|dinners?|coffees?|appointments?|"
    r"sessions?|interviews?|consultations?|meetings?|calls?|demos?)"
    # "book tours of our space with them", "arrange visits to the plant for them"
    r"(?:\s+(?:of|at|to|in|around)(?:\s+[\w'-]+){1,3}?)?\s+(?:with|for)\s+"
    r"(?:them|him|her|each|all|every|these|those|the\s+first)|"
    # what Lexi holds no data on: reviews and ratings of the companies
    r"(?:pull|get|fetch|grab|find|look\s+up|check|show\s+me|give\s+me|add|include|see)\s+"
    r"(?:their|its|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:reviews?|ratings?|review\s+scores?|"
    r"star\s+ratings?|stars|trustpilot\s+scores?|nps(?:\s+scores?)?)|"
    # figures about places and organisations, not people: "pull student enrollment numbers for
    # each district in georgia", "get me the population of every county in ohio"
    r"(?:pull|get|fetch|grab|find|look\s+up|show\s+me|give\s+me|tell\s+me|list|compile)\s+(?:me\s+|us\s+)?"
    r"(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:numbers|figures|statistics|stats|data|totals|counts|"
    r"rates|rankings?|scores)\s+(?:for|of|per|by|across|in|on)\s+(?:each|every|all|every\s+single)\b|"
    r"(?:population|enrol+ments?|census\s+data|crime\s+rates?|test\s+scores|graduation\s+rates?)"
    r"\s+(?:numbers\s+|figures\s+|data\s+)?(?:of|for|in|per|by)\s+(?:each|every|all|the)\b)\b",
    I,
)


_COST_QUESTION = re.compile(
    r"\bhow\s+(?:many\s+credits|much)\s+(?:would|will|does|do|is|did|has|to|for)\b|\bwhat\s+"
    r"(?:would|will|did)\s+(?:it|that|this)\s+cost\b|"
    # "what'll it cost to save that lot", "what's it cost to export them"
    r"\bwhat(?:'ll|\u2019ll|'s|\u2019s|s|ll|\s+does)\s+(?:it|that|this)\s+cost\b",
    I,
)


def asks_cost(clause: str) -> bool:
    """ "how many credits would it cost to save these?": a question about credits, not a save."""
    return bool(_COST_QUESTION.search(clause))


def is_unsupported(clause: str) -> bool:
    """Things Lexi cannot do from chat (exports, meetings, calls): a short "here is what I can"."""
    return bool(_UNSUPPORTED.search(clause))


_SMALL_TALK = data_file("small_talk.toml")
_SMALL_TALK_KINDS = {
    word: kind for kind in ("greeting", "thanks", "goodbye") for word in _SMALL_TALK[kind]
}
_SMALL_TALK_WORDS = frozenset(_SMALL_TALK_KINDS) | frozenset(_SMALL_TALK["filler"])
_SMALL_TALK_STYLE = {"greeting": "hello", "thanks": "thanks", "goodbye": "bye"}


def small_talk(clause: str) -> str | None:
    """ "g'day lexi", "cheers mate, that's it for today", "thanks lexi you're a gem": a short
    message of greeting, thanks or goodbye words only (``data/small_talk.toml``), as its style
    ("hello", "thanks", "bye"); None when any word asks for something."""
    words = re.findall(r"[a-zà-ÿ]+(?:'[a-z]+)?", clause.lower().replace("’", "'"))
    if not words or len(words) > 12 or any(w not in _SMALL_TALK_WORDS for w in words):
        return None
    kinds = {_SMALL_TALK_KINDS[w] for w in words if w in _SMALL_TALK_KINDS}
    for kind in ("thanks", "goodbye", "greeting"):
        if kind in kinds:
            return _SMALL_TALK_STYLE[kind]
    return None


def is_account_question(clause: str) -> bool:
    """Credits and tasks questions: checked before search ("my remaining credit" is no "more")."""
    return bool(
        _CREDITS.search(clause)
        or (_TASKS.search(clause) and not re.search(r"\bcampaign", clause, I))
    )


def account(clause: str) -> Intent | None:
    if _GREETING.match(clause):
        thanks = re.search(
            rf"\b(?:thanks?|thank\s+(?:you|u)|thx|ty|cheers|{_OTHER_THANKS})\b", clause, I
        )
        bye = re.search(
            rf"\b(?:bye|goodbye|see\s+you|that'?s\s+(?:all|it)|nothing\s+else|{_DONE})\b", clause, I
        )
        style = "thanks" if thanks else ("bye" if bye else "hello")
        return Intent(kind=IntentKind.capabilities, params={"style": style})
    if said := small_talk(clause):
        return Intent(kind=IntentKind.capabilities, params={"style": said})
    if _CREDITS.search(clause):
        return Intent(kind=IntentKind.credits)
    if _TASKS.search(clause) and not re.search(r"\bcampaign", clause, I):
        params = {}
        m = _TASK_STATUS.search(clause)
        if m:
            word = (m[1] or "pending").lower()  # "anything waiting on my approval?": pending
            params["status"] = {"finished": "completed", "done": "completed"}.get(word, word)
        return Intent(kind=IntentKind.tasks, params=params)
    if _CAPABILITIES.search(clause) or _ABOUT_LEXI.search(clause):
        return Intent(kind=IntentKind.capabilities)
    return None
