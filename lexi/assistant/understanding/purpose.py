"""Words about the user or the occasion, removed before a message is read for constraints.

"event invites: HR directors in Chicago" wants HR directors in Chicago, not event companies;
"Recruiter here. Looking for registered nurses" wants nurses, not recruiters; "heads of
content at SaaS companies for a podcast" has no podcast constraint. The words that mark
these live in ``data/purpose.toml``.
"""

from __future__ import annotations

import re

from . import prefilter
from .lexicon import data_file

_DATA = data_file("purpose.toml")


def _alternatives(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# "Recruiter here.", "Marketing here,", "founder here -": who is writing.
_HERE = prefilter.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?[\w-]+\s+here\s*[.,:;!\u2014-]+\s*", re.IGNORECASE
)
# "recruiter, need electricians in Houston": who is writing, then what they need.
_PERSONA = re.compile(
    rf"^\W*(?:an?\s+)?(?:{_alternatives(_DATA['persona'])})\s*,\s*"
    rf"(?=(?:need|needs|looking|want|find|searching|get|show)\b)",
    re.IGNORECASE,
)
# "event invites: ...", "legal tech meetup invites -> ...", "marketing event in Austin - ...".
_LEAD_IN = re.compile(
    r"^(?P<pre>[^:;>\n]{1,90}?)\s*(?::|->|=>|\s[\u2014\u2013-]\s)\s*(?P<rest>\S.*)$", re.DOTALL
)
# "build a campaign for LA Chem Plants about our shutdown crews - certified welders ...": the
# words before the dash are the request itself (its topic goes on after the dash)
_MAKES_A_CAMPAIGN = re.compile(
    r"\b(?:build|create|make|set\s+up|start|draft|write|launch|spin\s+up)\s+(?:a\s+|an\s+|the\s+|new\s+)*"
    r"(?:campaign|sequence|drip)\b",
    re.IGNORECASE,
)
_REGARDING_LAST = re.compile(r"\bre$", re.IGNORECASE)
_LEAD_WORD = re.compile(rf"\b(?:{_alternatives(_DATA['lead_in'])})\b", re.IGNORECASE)
# "... for a podcast", "... for our CMO dinner in Miami", "... for a staffing client" ("the one
# for the Q4 Webinar export" names a task).
_OCCASION = re.compile(
    # ("stats for the Q1 Benefits campaign" asks about that campaign)
    rf"(?<!preparing)(?<!ready)(?<!\bone)(?<!stats)(?<!numbers)(?<!results)(?<!metrics)(?<!status)"
    rf"(?<!performance)(?<!analytics)(?<!progress)\s+for\s+(?:a|an|our|my|the|this|that)\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:{_alternatives(_DATA['occasion'])})s?\b(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
    # "for the Summit Sponsors 2027 list": a list's name, not an occasion
    r"(?!\s+(?:[\w'-]+\s+){0,3}?lists?\b)",
    re.IGNORECASE,
)
# "a campaign about early-bird packages for our Austin event": what the emails are about.
_EMAILS_ABOUT = re.compile(
    r"\b(?:cam(?:paign|pain|paing)|sequence|drip|e-?mails?)\b.*\b(?:about|regarding|pitching|"
    r"promoting|introducing|inviting|topic)\b",
    re.IGNORECASE,
)


def _occasion(m: re.Match[str]) -> str:
    return m[0] if _EMAILS_ABOUT.search(m.string, 0, m.start()) else ""


# "... I could poach", "... we could pitch": the user's plan for the people.
_PLAN = re.compile(
    # (not a sentence of its own: "I would like to reach manufacturers in Ohio." is the request)
    r"(?<![.!?])\s+(?:that\s+|whom?\s+)?(?:i|we)\s+(?:could|can|might|want\s+to|would\s+like\s+to)\s+"
    r"(?:poach|hire|recruit|pitch|contact|invite|reach|call|email)\b[^,.;!?]*",
    re.IGNORECASE,
)
# "As a founder raising a seed round I want ...": the user, then what they want.
_AS_A = re.compile(r"^\W*as\s+an?\s+[^,]*?(?:,\s*|\s+(?=(?:i|we)\s))", re.IGNORECASE)
# "I run a coding bootcamp and want to partner with employers. <the request>".
_ABOUT_ME_SENTENCE = prefilter.compile(
    rf"(?:^|(?<=[.!?]\s))\W*(?:i|we|i'?m|we'?re|i\s+am|we\s+are)\s+"
    rf"(?:{_alternatives(_DATA['about_me_verbs'])})\b[^.!?]*[.!?]\s+(?=\S)",
    re.IGNORECASE,
)
# "Hello, we are translation company, we search ...", "I'm a cybersecurity vendor. Find ...":
# what the user's business is, then the request.
_WE_ARE = prefilter.compile(
    r"^\W*(?:(?:hello|hi|hey|good\s+(?:morning|afternoon))\W+)?(?:we\s+are|we're|i\s+am|i'm)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w&-]+\s+){0,3}?(?:company|agency|firm|startup|vendor|provider|"
    r"consultancy|shop|business|team|distributor|reseller|integrator|msp|recruiter|broker)\s*"
    r"(?:[,.;:!]|\s+and\s+)\s*",
    re.IGNORECASE,
)
# "Hi, good afternoon. We sell a supply chain finance platform and want to reach supply chain
# directors at ...": what the user sells, then whom they want to reach.
_WE_SELL_AND_WANT = prefilter.compile(
    r"^\W*(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|greetings)\W+)*(?:we|i)\s+"
    r"(?:sell|make|offer|provide|build|run|distribute)\b[^.!?]*?\band\s+(?:we\s+|i\s+)?"
    r"(?:want|need|would\s+like|'?d\s+like|are\s+looking|am\s+looking|hope)\s+to\s+"
    r"(?:reach|find|target|contact|talk\s+to|get\s+in\s+front\s+of|meet|connect\s+with)\s+",
    re.IGNORECASE,
)
# "before I pull more, what's my credit balance?", "while I'm at it, ...": when the user will
# do something, said before the request.
_WHEN_I = re.compile(
    r"^\W*(?:before|until|till|once|after|while)\s+(?:i|we)(?:'m|'re)?\s+(?:[\w'-]+\s+){0,5}?[\w'-]+\s*"
    r"[,;\u2014]\s*(?=\S)",
    re.IGNORECASE,
)
# "our PR agency needs communications directors": the user's company wanting them.
_OUR_NEEDS = re.compile(
    r"^\W*(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:agency|company|firm|team|startup|client|business)\s+"
    r"(?:needs|wants|is\s+looking\s+for|is\s+after)\s+",
    re.IGNORECASE,
)


# "In Germany", "at chains this size": where or when the sentence after it holds.
_SETTING = r"(?:(?:in|at|for|with|on)\s+(?:[\w-]+\s+){1,3}?)?"
_AUX = (
    r"(?:will|would|can|could|should|might|may|must|have|had|am|are|was|were|did|do|does)"
    r"(?:n'?t)?"
)
# Read as a verb after "I" or "we" only with the verb after them: "I would like" is a want.
_MODAL = r"(?:will|would|can|could|should|might|may|must|wo|ca)(?:n'?t)?"
_ADVERB = (
    r"(?:just|already|really|still|usually|always|never|often|probably|actually|mostly|all|"
    r"both|even|personally|typically|generally|normally|recently|finally|honestly|not)"
)
# A word of a sentence's subject ("regional hospitals"), not of a clause that qualifies or
# joins ("companies that don't", "but never VPs").
_SUBJECT_WORD = (
    r"(?!(?:that|who|which|whose|where|but|and|or|not|no|only|just|except|also|plus|so|if|when|"
    r"without|with|exclude|skip|drop|remove)\b)[\w-]+(?:['\u2019]s?(?!\w))?"  # "superintendents' offices"
)
# What someone says they want, right after "I"/"we": a request, not a reason.
_WANTS = (
    r"(?:want|wanna|need|like|love|prefer|rather|only|also|mean|meant|said|say|typed|wrote|"
    r"think|guess|take|looking|look|target|targeting|focus|care|hope|asked|wish|sell\s+only|"
    r"include|exclude|add|skip|get|find|go|pick|choose|do\s+(?:\d+|a|the)|"
    r"can\s+do|could\s+do|'?ll\s+take|am|are|is)"
)


# Where a reason or an aside ends: the sentence's end, or a comma before the next thing asked
# (", and I'd really prefer verified emails only", ", and please leave out Boston", ", so I'd
# love it if they were hiring").
_TO_SENTENCE_END = (
    r"(?:(?!,?\s+(?:and|but|so|also|plus|then)\s+(?:(?:i|we)(?:'d|\s+would)?(?:\s+(?:really|just|also))?\s+(?:want|need|"
    r"like|love|prefer|only)\b|please|pls|also|only|could|can|would|"
    r"ideally|preferably|if\s+possible|maybe|give|find|get|show|pull|make|save|add|send|exclude|"
    r"include|skip|leave|drop|limit)\b)[^.!?])*[.!?]?"
)


# A reason or an aside after the request, from a comma, a dash or a sentence end to the next
# sentence end: "..., since new risk managers often review their insurance", "exclude Illinois,
# we already covered Chicago last quarter", "and casinos too, a lot of the big F&B budgets sit
# with the casino resorts". What it names (Chicago, big companies, insurance) is no constraint.
_REASON = prefilter.compile(
    r"(?:(?<=[,;.!?(])|(?<=\s[\u2014\u2013-]))\s*(?:"
    r"(?:since|because|cause|cuz)\s+(?:(?:in|from)\s+(?:my|our)\s+experience,?\s+)?(?:new|most|many|some|all|these|those|their|our|they|we|i|it"
    r"|a\s+lot)\b"
    # "..., I want to believe that means they are building out treasury": what the user supposes
    r"|(?:i|we)\s+(?:want\s+to\s+believe|would\s+(?:imagine|assume|guess)|imagine|assume|presume|suppose)\b"
    r"|as\s+(?:they|we|i|it|these|those|their|our|my)\s"
    r"|we(?:'ve|\s+have)?\s+already\b"
    # "..., those peeps are about to get a giant quota lol", "- CFOs care about forecast accuracy
    # way more than sales does tbh": an opinion, marked as one, that asks for nothing
    r"|(?=[^.!?,;]*\b(?:lol|lmao|lmfao|haha+|tbh|ngl|imo|fwiw)\b)"
    r"(?!\s*(?:only|just|and|also|plus|but\s+not|not|no|exclude|excluding|without|with|add|make|in|at|"
    r"from|verified|series|under|over|more|less|at\s+least|find|get|give|pull|show|save|skip|"
    r"drop|remove|\d)\b)"
    # (not "those are competitors lol" after names left out: read with the names)
    r"(?!\s*(?:they|those|these|theyre)(?:'re|\s+are|\s+r)?\s+(?:all\s+|already\s+|our\s+|my\s+)*"
    r"(?:competitors?|clients?|customers?|partners?|accounts?)\b)"
    r"(?=[^.!?,;]*?\b(?:are|is|'re|re|get|gets|have|has|need|needs|care|cares|never|always|know|"
    r"think|reply|replies|work|works|want|wants|like|likes|love|loves|hate|hates|throwing|buy|"
    r"buys|sell|sells|spend|spends|afford|waste|theyre|thats|were|was)\b)"
    # "... under 50 employees, please. Small studios need the partner more, I think.": an
    # opinion, marked as one at its end, that asks for nothing
    r"|(?=[^.!?;]*,\s*i\s+(?:think|believe|guess|suppose|feel|imagine)\s*[.!?]*\s*$)"
    r"(?!\s*(?:only|just|and|also|plus|but\s+not|not|no|exclude|excluding|without|with|add|make|in|at|"
    r"from|verified|under|over|more\s+than|less\s+than|at\s+least|find|get|give|pull|show|save|skip|"
    r"drop|remove|\d)\b)"
    r"(?=[^.!?,;]*?\b(?:are|is|need|needs|have|has|want|wants|like|likes|prefer|prefers|buy|buys|"
    r"reply|replies|work|works|care|cares)\b)"
    # "..., we prefer call them": how the user will reach them
    r"|(?:we|i)(?:'d|\s+would)?\s+(?:prefer|rather|usually|always)\s+(?:to\s+)?"
    r"(?:call|phone|ring|meet|visit|text)\b"
    # "take out Athens, we have a partner there", "..., there we have already partners": the
    # place is covered by someone else (not "I have a client who needs CFOs")
    r"|there\s+(?:we|i)\s+(?:have|got)\s+(?:already\s+)?(?:[\w-]+\s+){0,3}?(?:partners?|resellers?|"
    r"distributors?|reps?|agents?|clients?|customers?|offices?|teams?|coverage|someone|people)\b"
    r"|(?:we|i)(?:'ve|\s+have|\s+got|'ve\s+got)\s+(?:an?\s+|some\s+|our\s+|two\s+|several\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:partners?|resellers?|distributors?|reps?|agents?|offices?|teams?|"
    r"coverage|someone|people)\s+(?:there|here|in\s+(?:that|those)\b)"
    r"|(?:a\s+lot|alot|lots|some|most|many|half|plenty|several|a\s+few|a\s+couple|none|both|one|two)\s+"
    r"of\s+(?:the|them|these|those|their|our|my)\b"
    r"|they\s+(?:often|usually|tend|typically|all|mostly|normally)\b"
    # "..., they're the ones who actually book the parties", "?? there are SO many here lol":
    # who the people are and how many there are, said by the way
    r"|they(?:'re|\s+are)\s+(?:the\s+ones|the\s+people|usually\s+the\s+ones)\s+(?:who|that)\b"
    # "In most schools the bursar is the one who processes the salaries."
    # "..., at GCs that size the money guy is usually the one buying the insurance"
    r"|(?:(?:in|at)\s+(?:(?:most|many|some|these|those)\s+[\w-]+|(?:[\w-]+\s+){1,3}?(?:that|this)\s+size)\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+)?[\w-]+\s+(?:is|are)\s+"
    r"(?:usually\s+|often\s+|always\s+|typically\s+)?the\s+(?:one|ones|person|people|guy|guys)\s+"
    r"(?:who|that|[a-z]+ing)\b"
    r"|there(?:'re|\s+are)\s+(?:so\s+|just\s+|really\s+|soo+\s+)?(?:many|lots|tons|loads|a\s+lot)\b"
    # "exclude hospitals, they have their own doctors", "skip banks, we don't sell to them"
    r"|(?:they|those|these)\s+(?:[\w-]+\s+){0,2}?"
    # ("they need to speak French": a requirement of the people, read as one)
    r"(?:already\s+)?(?:have|has|got|own|run|use|employ|hire|do|don'?t|"
    r"needs?(?!\s+to\s+(?:speak|be|have|know|hold|live|work|understand|read|write|sit|report)\b)|"
    r"never|won'?t|can'?t)\b"
    r"|(?:we|i)\s+(?:don'?t|do\s+not|never|can'?t|cannot|won'?t)\b"
    # "exclude the bay area, nobody there has roof space", "skip florida, none of them reply"
    r"|(?:nobody|no\s*one|none\s+of\s+(?:them|those|these|em))\s+(?:(?:there|here|over\s+there|in\s+[\w-]+)\s+)?"
    r"(?:ever\s+|really\s+|even\s+|actually\s+)?(?:has|have|had|buys?|bought|needs?|wants?|uses?|reads?|opens?|"
    r"checks?|looks?|"
    r"answers?|repl(?:y|ies)|responds?|picks?|cares?|is|are|was|were|seems?|does|do|did|can|could|"
    r"will|would)\b"
    r"|(?:(?:it'?s|that'?s|its|thats|it\s+is|that\s+is)\s+)?(?:way\s+)?too\s+(?:expensive|pricey|costly|far|"
    r"competitive|saturated|crowded|slow|risky|much\s+(?:competition|noise))\b"
    # "only the Netherlands and Belgium, Luxembourg is too small for us": why one is left out
    r"|(?:[\w'-]+\s+){1,3}?(?:is|are|was|were)\s+(?:just\s+|way\s+|much\s+|a\s+bit\s+)?too\s+"
    r"(?:small|tiny|big|large|expensive|pricey|costly|far|remote|competitive|saturated|crowded|"
    r"slow|risky|niche)\b"
    # "..., because of the currency", "due to the exchange rate"
    r"|(?:because\s+of|due\s+to|owing\s+to)\b"
    # "add wine and spirits. someone has to report on all that glass": said of someone unnamed
    r"|(?:someone|somebody|everyone|everybody)\s+(?:has|have|needs?|must|should|will|is|gets?)\b"
    # "..., the rest ain't my territory": the places or people left out, and why
    r"|the\s+(?:rest|others)\s+(?:is|are|ain'?t|isn'?t|aren'?t|belongs?|goes|go)\b"
    # "... experience mods too? that'd be huge for me": how much it would help
    r"|(?:that|it|this)(?:'d|\s+would)\s+(?:be\s+(?:\w+\s+)?(?:huge|great|amazing|awesome|ideal|perfect|helpful|"
    r"gold|a\s+game[\s-]?changer|a\s+big\s+help)|help\s+(?:a\s+lot|me|us)|make\s+my)\b"
    # "..., there's suppliers all up and down I-75": what is found there
    r"|there(?:'s|\s+is|\s+are|'re)\s+(?!no\b|(?:a\s+)?list\b)(?:\w+\s+){0,3}?(?:all\s+over|up\s+and\s+down|everywhere|"
    r"around|tons|loads|plenty|lots)\b"
    # "I think the bigger practices call them that instead", "I suspect a fair few are heads":
    # what the user believes of the people, no request
    r"|(?:i|we)\s+(?:think|guess|believe|suspect|reckon|figure)\s+(?:that\s+)?(?:the|most|many|some|a\s+lot\s+of|"
    r"a\s+fair\s+few|they|those|these|it'?s)\b(?=[^.!?]*\b(?:call|calls|are|is|have|has|use|uses|do|does|need|"
    r"needs|get|gets|run|runs)\b)"
    # "friendlier please!! these are small business owners not Fortune 500 execs": who the
    # people are, set against who they are not (a reason for the change, no search)
    r"|(?:these|those|they)(?:'re|\s+are)\s+(?:\w+\s+){1,5}?(?:not|rather\s+than)\s+(?:\w+\s+){0,4}?\w+\s*[.!]*$"
    # "..., some trusts call them that rather than 'head of'": what the role is called where
    r"|(?:some|many|most|a\s+lot\s+of|lots\s+of|other)\s+(?:[\w-]+\s+){1,2}?(?:call|calls|name|names|title|titles)\s+"
    r"(?:them|it|the\s+role|that\s+role|the\s+job)\b"
    # "... Dutch clinicians would find that a bit much": how the readers would take it
    r"|(?:[\w-]+\s+){0,3}?(?:would|will|might)\s+find\s+(?:that|it|this|them)\s+(?:a\s+bit\s+|too\s+|rather\s+|very\s+)?\w+"
    # "— in Dutch hospitals logistics and purchasing often sit together": how things usually are
    r"|(?:in\s+(?:[\w-]+\s+){1,3}?)?(?:[\w-]+\s+){1,4}?(?:often|usually|typically|generally|normally|mostly)\s+"
    r"(?:sit|sits|report|reports|work|works|fall|falls|come|comes)\s+(?:together|under|to|with|in)\b"
    # "I'd like to build some referral partnerships with CPA firms": the user's plan
    r"|(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:like|love|want)\s+to\s+(?:build|grow|start|set\s+up|develop|create|"
    r"form|establish)\s+(?:some\s+|a\s+few\s+|more\s+|a\s+couple\s+of\s+)?(?:[\w-]+\s+)?"
    r"(?:partnerships?|relationships?|alliances?|referral\s+(?:partners|network))\b"
    # "... as a CSV? I want to load it into my CRM": what the user will do with it
    r"|(?:i|we)(?:'ll|\s+(?:want|wanna|need|plan|will|am\s+going|are\s+going|'m\s+going|'re\s+going|gonna))\s+"
    r"(?:to\s+)?(?:load|import|upload|put|add|push|send|share|paste|drop)\s+(?:it|them|this|these|that|those)\b"
    # "what can you do? boss just gave me this thing": how the user came to the tool
    r"|(?:(?:my|the|our)\s+)?(?:[\w-]+\s+){0,2}?(?:just\s+)?(?:gave|got|bought|handed|set)\s+(?:me|us)\s+"
    r"(?:up\s+(?:with|on)\s+)?(?:this|the|a)\s+(?:thing|tool|app|account|software|platform|login|access|"
    r"seat|licen[cs]e)\b"
    # "rural managers at banks in NZ. keen to get a few referral partners going": the plan
    r"|(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?keen\s+(?:to|on)\b"
    # "Dismiss it; I'd rather review the list first": what the user will do instead
    r"|(?:i|we)(?:'d|\s+would)\s+rather\s+(?:review|check|look|wait|handle|talk|go\s+over|read|our|not|they|we|it)\b"
    # "...; both are current clients", "a new GC is a window": what they are
    r"|both\s+(?:are|were)\b(?!\s+(?:already\s+|existing\s+|current\s+|our\s+|my\s+)*(?:clients|customers|accounts|"
    r"partners|competitors)\b)|(?:a|an)\s+(?:new\s+)?[\w-]+\s+is\s+(?:a|an|the)\s+(?:window|opportunity|opening|door|way\s+in)\b"
    # "drop the location, our buyers are mostly remote anyway": a sentence about the user's own
    # people (not "our ICP is ...", which says what is wanted)
    r"|(?:our|my)\s+(?!(?:icp|target|focus|ideal|criteria|requirement|sweet\s+spot|market)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:are|is|have|has|were|was|tend|usually|mostly|all|already|don'?t|got|said|"
    r"says|wants|asked|told|keeps|complained|"
    r"doesn'?t|won'?t|can'?t|aren'?t|isn'?t)\b"
    # "only 50-250 employees, the big ones have in-house teams", "the bigger ones already have
    # accountants": the companies left out, and why (not "the ones at manufacturers")
    r"|the\s+(?:[\w-]+\s+){0,2}?(?:ones|guys|companies|firms|folks|people|players|places|shops|outfits|"
    r"practices|businesses)\s+"
    r"(?:(?:already|often|usually|typically|mostly|all|just|generally|probably|always)\s+)*"
    r"(?:have|has|got|don'?t|won'?t|can'?t|never|tend|use|run|own|outsource|handle|do\s+(?:it|that)|"
    r"are\s+(?:already|usually|too|all|mostly|not|never|just|covered|taken|handled)|aren'?t|isn'?t)\b"
    # "cut the clinics out, they're too small", "skip agencies, they are never a fit"
    # (not "they are already our clients" after companies named: read as companies left out)
    r"|(?:they|those|these)(?:'re|\s+are)\s+"
    r"(?!already\s+(?:our\s+|my\s+)?(?:customers|clients|portcos|accounts)\b(?<=[a-z])(?<=\w)(?![^\s).,;!?]))"
    r"(?:too|already|usually|not|never|basically|"
    r"just|way)\b"
    # "ski resorts count for us", "they qualify too"
    r"|(?:[\w-]+\s+){1,3}?(?:counts?\s+(?:for\s+us|as)|qualif(?:y|ies)\s+(?:for\s+us|too|as))\b"
    # "and dismiss the other one, that was a mistake"
    r"|(?:that|it|this)(?:'s|\s+is|\s+was)\s+(?:a\s+|my\s+|just\s+a\s+)?"
    r"(?:mistake|typo|error|accident|wrong|my\s+bad)\b"
    # "... on my behalf? We find that warming them up on LinkedIn improves our reply rates."
    r"|(?:in\s+our\s+experience|(?:i|we)(?:'ve|\s+have)?\s+(?:(?:usually|often|always|generally)\s+)?"
    r"(?:find|found|see|seen|saw|notice|noticed|learn|learned|learnt)\s+that)\b"
    # "... more formal? Superintendents' offices tend to appreciate that.": how some people are
    r"|(?:[\w'\u2019-]+\s+){1,4}?tends?\s+to\s+(?:appreciate|like|prefer|respond|reply|react|"
    r"expect|value|want|need|ignore|be|get|read)\b"
    # "... in Edison, NJ. Lot of Indian IT firms are there, good market for us": the place, said of
    r"|(?:a\s+)?lots?\s+of\s+(?:[\w-]+\s+){0,4}?(?:are|is)\s+(?:there|here|based\s+(?:there|here))\b"
    # "just 10 of them for now, dont want to burn credits": why the count is small
    r"|(?:(?:i|we)\s+)?(?:don'?t|dont|do\s+not)\s+want\s+to\s+(?:burn|waste|blow|spend|use\s+up)\b"
    # "credits left? about to run a big pull": what the user is about to do, said by the way
    r"|(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?(?:about\s+to|planning\s+(?:to|on))\s+(?!(?:search|look|find|pull|get)\s+(?:for\s+)?\d)"
    # "..., if that makes sense", "..., if it isn't too much trouble": politeness, no request
    r"|if\s+(?:that|this|it)\s+makes\s+sense|if\s+(?:it|that)\s+(?:isn'?t|is\s+not|'?s\s+not)\s+too\s+much"
    r"\s+(?:trouble|hassle|work|to\s+ask)"
    # "... verified? This is important for us because of the GDPR."
    r"|(?:this|that|it)(?:'s|\s+is)\s+(?:really\s+|very\s+|super\s+|so\s+)?(?:important|crucial|critical|"
    r"essential|vital|a\s+must)\b"
    # "..., that's when the complaints spike", "..., that's where the budget sits"
    r"|(?:that|it|this)(?:'s|\s+is|\s+was)\s+(?:usually\s+|always\s+|exactly\s+)?(?:when|where|why)\b"
    # "..., makes more sense with the new territory", "..., no point keeping both"
    r"|(?:(?:it|that|this)\s+)?makes?\s+(?:(?:a\s+lot|much|way)\s+)?(?:more|no|little|better)\s+sense\b"
    r"|(?:there'?s\s+|it'?s\s+)?no\s+(?:point|sense)\s+(?:in\s+)?[a-z]+ing\b"
    # "...; below that the legal department is usually two people": how things usually are
    r"|(?:(?:below|above|under|over|beyond|past)\s+that\s+)?(?:(?:the|their|a|an)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+"
    r"(?:is|are)\s+(?:usually|typically|often|mostly|generally|normally|rarely|always|never)\b"
    # "... in last 3 month please. new person is more open for new brand", "gulf buyer like formal
    # style": how such people are, said of them
    r"|(?:[\w-]+\s+){1,3}?(?:is|are)\s+(?:more|less|very|usually|often)\s+(?:open|receptive|likely|interested|"
    r"responsive|willing)\b"
    r"|(?:[\w-]+\s+){1,3}?(?:like|likes|prefer|prefers|love|loves|want|wants|expect|expects)\s+(?:a\s+|the\s+|more\s+)?"
    r"(?:formal|casual|polite|short|shorter|direct|friendly|warm)\s+(?:style|tone|emails?|writing|language)\b"
    # "... Chicago, those big city firms are out of my league": why they are left out
    r"|(?:[\w'-]+\s+){0,4}?(?:is|are|'re)\s+(?:way\s+|a\s+bit\s+|well\s+)?out\s+of\s+(?:my|our)\s+league\b"
    # "At a good many of these contractor firms it is the Controller who handles the Bonding": who
    # does what at such companies
    r"|(?:(?:at|in)\s+[^,.;!?]{1,50}?\s+)?it(?:'s|\s+is)\s+(?:usually\s+|often\s+|always\s+|typically\s+)?the\s+"
    r"(?:[\w-]+\s+){1,3}?(?:who|that)\s+(?:handles?|owns?|runs?|signs?|buys?|decides?|makes?|manages?|approves?)\b"
    # "... new vpe = new tooling budget": a reasoning written as a sum
    # (a sentence of its own: "Persona = Head of Finance; Geo = France" are fields)
    r"|(?<=[.!?]\s)(?=[^.!?,;]{1,40}\s=\s)(?:[\w-]+\s+){1,4}?=\s"
    # "export Series B VPEs as a csv, gonna load it into our crm": what the user does next
    r"|(?:(?:i'?m|we'?re)\s+)?(?:gonna|going\s+to|about\s+to)\s+(?:load|import|upload|put|drop|paste|copy)\s+"
    r"(?:it|them|this|that)\s+(?:into|in|to)\b"
    # "drop the staff size filter, not getting enough": what the search gives
    r"|(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?not\s+getting\s+(?:enough|many|much|any|a\s+lot)\b"
    # "verified emails only, bounce rate on the last send was brutal": how something went
    r"|(?:[\w-]+\s+){1,6}?(?:was|were)\s+(?:so\s+|really\s+|pretty\s+|super\s+|way\s+too\s+|too\s+)?"
    r"(?:brutal|terrible|awful|bad|horrible|rough|painful|high|insane|crazy|ugly|a\s+disaster|a\s+mess|"
    r"through\s+the\s+roof)\b"
    # "a couple CFOs in Austin, only need 2 to QA the sequence": what the few are for
    r"|(?:only\s+|just\s+)?need\s+(?:\d+|a\s+few|a\s+couple|two|three|them|these)\s+(?:for\s+now\s+)?to\s+"
    r"(?:qa|test|try|check|trial|sanity[\s-]check|pilot|seed|warm\s+up|proof)\b"
    # "... as a csv? the boss wants it in excel": what someone else wants of it
    r"|the\s+(?:boss|client|customer|manager|team|board|cfo|ceo|vp)\s+wants?\s+(?:it|them|this|that|these|those)\b"
    # "...; legal wants to review the claims in email 3": someone else's say before it goes out
    r"|(?!(?:i|we|you|please)\b)(?:(?:the|our|my)\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:wants?|needs?|has|have)\s+to\s+"
    r"(?:review|see|check|approve|sign\s+off|look\s+(?:at|over)|vet|okay|weigh\s+in)\b"
    # "... drop Executive Directors. Too many nonprofit-style titles coming through.": why
    r"|too\s+(?:many|much|few)\s+(?:[\w-]+\s+){0,3}?(?:coming\s+(?:through|up|back)|showing\s+up|"
    r"popping\s+up|turning\s+up|in\s+(?:there|the\s+results))\b"
    # "..., season's over", "..., the show is done": what has ended
    r"|(?:the\s+|our\s+|that\s+|this\s+)?[\w-]+(?:'s|\s+is|\s+was|\s+has\s+been)\s+"
    r"(?:over|done|finished|ended|wrapped(?:\s+up)?)\b"
    rf"){_TO_SENTENCE_END}",
    re.IGNORECASE,
)

# The same after a request, in general form: a sentence of its own with a subject and what it
# does ("we sell to small shops too", "I'll handle that one myself", "In Germany we write with
# Sie", "our rep just moved to Detroit", "VPs never answer us"), not what is wanted ("I need
# 50", "we only want banks", "I meant CFOs"). Read only after a request (not after "Hello,"),
# and a sentence about the user that names people ("I search the directors of sales") is the
# request itself.
_ASIDE = prefilter.compile(
    r"(?:(?<=[,;.!?(])|(?<=\s[\u2014\u2013-]))\s*(?:(?P<about>"
    # "I'd appreciate", "I would love": a polite request, not an aside
    rf"{_SETTING}(?:i|we|he|she)(?!'d\b|\s+would\b)(?:'(?:ll|ve|m|re)|(?:(?<=he)|(?<=she))'s|\s+{_AUX})?\s+(?:{_ADVERB}\s+)*"
    rf"(?!(?:{_WANTS}|{_MODAL}|{_ADVERB})\b)[a-z]+(?:'t)?\b"
    # "they sign off on ERP": what the people do (not "they can live anywhere", a place freed)
    rf"|they\s+(?:{_ADVERB}\s+)*(?!(?:{_WANTS}|{_MODAL}|{_ADVERB}|{_AUX}|are|is)\b)[a-z]+\b"
    # "our rep just moved to Detroit", "my manager will want to see it": the user's people
    # "the smaller ones buy through the dealer anyway": what some of them do
    r"|the\s+(?:[\w-]+\s+)?ones\s+(?!(?:who|that|which|with|in|at|from|on|of|we|i|you|only|please)\b)"
    r"(?:[a-z]+ly\s+)?(?:buy|use|go|have|get|tend|already|never|always|usually|don'?t|won'?t|can'?t|"
    r"are|were|do|did)\b"
    # "those are the ones with real patient tray volume", "they're usually the buyers": who
    # the people are, said of them
    r"|(?:those|these|they)(?:'re|\s+are)\s+(?:the\s+(?:ones|people|folks|guys|accounts|types)\b|"
    r"(?:usually|typically|always|often|mostly|generally)\b)"
    rf"|(?:our|my)\s+(?!list\b|new\s+list\b)(?:[\w-]+\s+){{0,5}}?(?:{_ADVERB}\s+)*(?:{_AUX}|is|isn'?t|has|hasn'?t|just|[a-z]+ed|"
    r"covers?|handles?|owns?|runs?|sells?|wants?|needs?|likes?|loves?|hates?|prefers?|thinks?|"
    r"says?|asks?|knows?|lives?|works?|sits?)\b"
    r")"
    # "I want to check the quality before I burn credits": what the user means to do themselves
    # ("Want to line up some site visits early in the new year": the same, its "I" left out)
    r"|(?:(?:i|we)(?:'d|\s+would)?\s+|(?<=[.!?]\s)(?=(?-i:[A-Z])))(?:just\s+)?(?:want|need|like|wanna)\s+(?:to\s+)?"
    r"(?:check|test|try|verify|make\s+sure|be\s+sure|gauge|sample|see\s+(?:if|whether|how)|"
    r"get\s+a\s+feel|understand|compare|avoid|double-?check|sanity-?check|spot-?check|review|"
    r"line\s+up|plan|organi[sz]e|prep(?:are)?\s+for|get\s+ahead\s+of)\b"
    # "VPs never answer us", "at chains this size the controller usually owns payroll",
    # "plenty of regional hospitals don't have a CISO title": how such people or companies are
    rf"|{_SETTING}(?:(?:the|a|an|their|most|many|some|plenty\s+of|lots\s+of|a\s+lot\s+of|"
    rf"half\s+(?:of\s+)?)\s+)?(?:{_SUBJECT_WORD}\s+){{0,2}}?{_SUBJECT_WORD}\s+"
    r"(?:usually|typically|often|generally|normally|always|never|rarely|seldom|hardly|barely|"
    # ("polish company maybe use other platform": what the companies perhaps do)
    r"maybe|probably|perhaps|likely|"
    r"tend\s+to|don'?t|doesn'?t|do\s+not|does\s+not|won'?t|can'?t|aren'?t|isn'?t|will\s+not|would\s+not|"
    r"wouldn'?t|will\s+never|would\s+never|cannot|can\s+not)\s+"
    # a verb next, not a joining word ("hospitals usually but ..."); "hq doesn't matter" asks
    # for the filter to go
    r"(?!(?:but|and|or|in|at|for|with|the|a|an|of|to|matter|count|apply)\b)[a-z]+"
    # "leave out Chicago, CPS is a separate procurement process": a name and what it is
    r"|(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z])[\w&.-]*)?\s+(?:is|are|was|were|has|have)\s+"
    r"(?:a|an|the|their|its|our|my|not|already|always|never|too|so|very|handled|covered|run|done)\b"
    r"|(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z])[\w&.-]*)?\s+belongs?\s+to\b"
    rf"){_TO_SENTENCE_END.replace('.!?', '.!?:;')}",
    re.IGNORECASE,
)
# A request inside what reads as an aside: "We run campaigns for hotels and would like to start
# with about 30 people."
# "... so I'd love it if they were also hiring drivers": the same at its start.
_ASKS = re.compile(
    r"\b(?:(?:and|but|so)\s+(?:(?:i|we)\s*)?(?:would|'d|want|need)|could\s+you|can\s+you|please)\b"
    r"|^\W*(?:i|we)(?:'d|\s+would|\s+really|\s+also)*\s+(?:love|like|want|need|prefer|appreciate|"
    r"wish|hope)\b",
    re.IGNORECASE,
)
# "we already have a partner there", "my brother is an accountant": one person the sentence is
# about, not people to find.
_SOMEONE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?[\w-]+", re.IGNORECASE)
# What may stand before an aside without being a request: "Hello,", "Hey! Quick one -".
_GREETING = re.compile(
    r"\W*(?:(?:hello|hi|hey|hiya|good\s+(?:morning|afternoon|evening|day)|morning|bonjour|hallo|"
    r"guten\s+tag|hola|ciao|dear|lexi|there|team|all|folks|quick\s+(?:one|question)|ok(?:ay)?|so|"
    r"and|um+|hm+|please|thanks|thank\s+you|sorry|(?:i'?m|i\s+am)\s+sorry|apologies|my\s+bad|"
    r"excuse\s+me)\W*)*",
    re.IGNORECASE,
)


# "merge Trade Show Leads into Q4 HR Webinar so those folks get the sequence too", "add Michigan,
# ... so it's in range now": what the request is for, with or without a comma.
_SO_THAT = prefilter.compile(
    r"(?P<about>\s*,?\s+so\s+(?:that\s+)?)"
    # (not "so I'd love it if they were hiring", "so we'd like ...": a wish, the request itself)
    r"(?!(?:i|we)(?:'d|\s+would)\s+(?:love|like|prefer|want)|(?:i|we)\s+(?:want|need)\b|"
    # "raise the size so that we only see firms with 1,000+ employees": what is wanted
    r"(?:i|we)\s+(?:only|just)\s+(?:see|get|have|find)\b)"
    r"(?:they|those|these|we|i|he|she|it|you|our|my|everyone|everybody|nobody|everything)\b[^.!?]*",
    re.IGNORECASE,
)
# A reason inside the sentence, without a comma: "verified emails only since our domain
# reputation took a hit", "leave out Boston since a colleague already covers the city",
# "... because newly funded companies have budget" ("since March" is a date, and stays).
# "accounting firms in Sweden that could be partners for us, their managing partners": what the
# companies could be to the user, no role asked for
_COULD_BE_FOR_US = re.compile(
    r"\s+(?:that|who|which)\s+(?:could|might|would|can)\s+be\s+(?:good\s+|great\s+|potential\s+)?"
    r"(?:partners?|clients?|customers?|resellers?|referral\s+partners?|channel\s+partners?)\s+"
    r"(?:for|to|of)\s+(?:us|me)\b(?=\s*[,.;!?]|\s*$)",
    re.IGNORECASE,
)
_INLINE_REASON = prefilter.compile(
    r"(?:\s+(?:because\s+(?!of\b)|cause\s+|cuz\s+|since\s+(?:our|my|we|i|they|a\s+colleague|someone|"
    r"somebody|nobody|it'?s|that'?s|there'?s)\b)"
    # "how many credits do I have left before I save them?": when, not a second request (not
    # "Before I forget, how many ...", which says nothing of when)
    # "... verified email ids please as my manager is very particular about the bounce rate"
    r"|\s+as\s+(?:(?:my|our)\s+(?:[\w-]+\s+){1,2}?|someone\s+|somebody\s+)(?:is|are|was|were|wants|needs|likes|prefers|hates|insists|"
    r"cares|gets)\b"
    # "... are current clients and I would rather our outreach not cross wires"
    r"|\s+and\s+(?:i|we)(?:'d|\s+would)\s+rather\s+(?:our|not|they|we|it|that)\b"
    r"|(?<=[\w)])\s+before\s+(?:i|we)\s+"
    rf"(?!(?:can|could|do|did|have|had|forget|continue|begin|start|go)\b)){_TO_SENTENCE_END}",
    re.IGNORECASE,
)


# "drop the restaurant filter, any industry is fine": what the change allows, said again
_ANY_IS_FINE = re.compile(
    # "small firms are fine, big firms are fine": every size is
    r"[\s,;\u2014\u2013-]*\b(?:small|smaller|big|bigger|large|larger|tiny|huge)\s+(?:firms|companies|ones|"
    r"practices|businesses)\s+(?:are|is)\s+(?:fine|ok|okay|good|great)\b|"
    r"[\s,;\u2014\u2013-]*\b(?:any|all)\s+(?:industry|industries|sector|location|place|size|title|role|"
    r"company|companies|state|country|city|region)\s+(?:is|are|would\s+be|'s|works|will\s+do|does)\s*"
    r"(?:fine|ok|okay|good|great|cool|grand|alright|perfect|it)?\b|"
    # "drop the hotel part, any industry": said last, with nothing after it
    r"[\s,;\u2014\u2013-]+(?:any|all)\s+(?:industry|industries|sector|sectors|location|locations|size|"
    r"sizes|state|states|country|countries|region|regions)(?:\s+(?:please|pls|then|now))?\W*$",
    re.IGNORECASE,
)


# "export Q1 Leads to csv, I need it for a meeting just now": what the user needs it for;
# "..., boss wants it", "..., MD wants it for IC prep": who asked for it.
_NEED_IT_FOR = re.compile(
    r"[\s,;\u2014\u2013-]+(?:i|we)\s+(?:need|want|have)\s+(?:(?:it|this|that|them|these)\s+(?:for|by|before)|"
    r"to\s+(?:send|share|give|show|forward|email|pass)\s+(?:it|this|that|them|these)?)\b[^.!?]*"
    r"|\s*[,;\u2014\u2013]\s*(?:(?:my|our|the)\s+)?(?!(?:i|we|who|that|which|they)\b)[a-z&']+(?:\s+[a-z&']+)?\s+"
    r"(?:wants|needs|asked\s+for|requested|is\s+waiting\s+(?:for|on))\s+(?:to\s+(?:see|have|review|check|read)\s+)?"
    r"(?:it|this|that|them|these|those)\b[^.!?]*"
    # "export DFW Law Firms to csv, sending to my analyst": where it goes next
    # "..., need to send it to the partner team"
    r"|\s*[,;\u2014\u2013]\s*(?:(?:i|we)\s+)?(?:need|have|want|got)\s+to\s+(?:send|share|forward|pass|give|show|email)\s+"
    r"(?:it|this|that|them|these)\b[^.!?]*"
    r"|\s*[,;\u2014\u2013]\s*(?:(?:i'?m|we'?re)\s+)?(?:sending|forwarding|passing|sharing|giving)\s+"
    r"(?:it\s+|this\s+|them\s+)?(?:on\s+)?(?:to|with)\s+(?:my|our|the)\s+[^.!?]*",
    re.IGNORECASE,
)


def without_reasons(text: str, has_role=None) -> str:
    """The message without the reasons and asides given after what it asks for.

    ``has_role(text)`` says whether a text names people to find (see ``_ASIDE``).
    """
    low = text.lower()
    if "any " in low or "all " in low or " fine" in low:
        text = _ANY_IS_FINE.sub("", text)
    if (
        " need" in low
        or " want" in low
        or " have " in low
        or " asked " in low
        or "request" in low
        or "ing " in low
    ):
        text = _NEED_IT_FOR.sub("", text)
    out = _ASIDE.sub(lambda m: _aside(m, has_role), _REASON.sub("", text))
    out = _SO_THAT.sub(lambda m: _aside(m, has_role), out)
    out = _INLINE_REASON.sub(lambda m: "." if m[0].rstrip()[-1:] in ".!?" else "", out)
    if " be " in out:
        out = _COULD_BE_FOR_US.sub("", out)
    return out if out.strip(" ,;.!?-") else text


def _aside(m: re.Match[str], has_role) -> str:
    """Nothing in place of an aside, or the aside itself when it is the request."""
    if _GREETING.fullmatch(m.string[: m.start()]):
        return m[0]
    if m["about"] is None:
        return ""
    rest = m.string[m.end("about") : m.end()]
    if _ASKS.search(rest) or (has_role is not None and has_role(_SOMEONE.sub(" ", rest))):
        return m[0]
    return ""


# "DSI (directeurs des systèmes d'information)", "PDG (CEOs)": a role, then the same role
# spelled out in brackets.
_GLOSS = re.compile(r"(?<=\w)\s*\(([^()]{2,60})\)")


# "Einkaufsleiter, so heads of purchasing, at ...", "DSIs, i.e. CIOs, in Paris": a role, then
# the same role said in the user's own words, which are the ones searched.
_EXPLAINED = re.compile(
    r",\s*(?:so|i\.?e\.?|that\s+is|meaning|aka|a\.k\.a\.?|in\s+other\s+words)\s*,?\s+"
    r"(?P<role>[^,;()]{2,60}?)\s*(?=,|$)",
    re.IGNORECASE,
)
_ADDS = re.compile(r"\b(?:too|also|as\s+well|and|or|plus)\b", re.IGNORECASE)


# "music companies (labels, publishers, that whole Music Row crowd)", "(e.g. banks, insurers)":
# examples of the companies already named, in brackets.
_EXAMPLES = re.compile(
    r"\s*\((?:\s*(?:e\.?g\.?|such\s+as|like)\s|(?=[^()]*(?:\bthat\s+whole\b|\betc\b|"
    r"\band\s+so\s+on\b|\band\s+the\s+like\b|\bthat\s+kind\b|\bthose\s+types?\b|\bcrowd\b)))"
    r"[^()]{2,80}\)",
    re.IGNORECASE,
)


def without_examples(text: str, names_industry) -> str:
    """The text without a bracket of examples of the companies it names already
    (``names_industry(text)``: whether a text names an industry)."""
    if "(" not in text or not (m := _EXAMPLES.search(text)):
        return text
    rest = text[: m.start()] + text[m.end() :]
    return rest if names_industry(rest) else text


def without_glosses(text: str, only_role) -> str:
    """The text without brackets that only restate the role before them, and without a role
    that the words after ", so" or ", i.e." restate.

    ``only_role(text)`` says whether a text names a role and nothing else to filter on.
    """
    if "(" in text:
        text = _GLOSS.sub(
            lambda m: "" if only_role(m[1]) and only_role(_last_words(text, m)) else m[0], text
        )
    if "," in text and (m := _EXPLAINED.search(text)):
        if not _ADDS.search(m["role"]) and only_role(m["role"]):
            words = text[: m.start()].split()
            for k in range(1, min(3, len(words)) + 1):
                if only_role(" ".join(words[-k:])):
                    kept = " ".join(words[:-k])
                    return f"{kept} {m['role']}{text[m.end() :]}".strip()
    return text


def _last_words(text: str, m: re.Match[str]) -> str:
    return " ".join(text[: m.start()].split()[-2:])


# "I shall review it with my partners", "once our CEO signs off": the user's own colleagues,
# nobody to find
_MY_PEOPLE = re.compile(
    r"\b(?:with|to|by|from|for|once|until|when|after|before|like|want|let|ask|get|have)\s+(?:my|our)\s+(?:business\s+)?"
    r"(?:partners?|boss|bosses|manager|team|colleagues?|co-?workers|ceo|cfo|coo|founders?|co-?founders?|reps?|sales\s+team|"
    r"director|board|lawyers?|legal\s+team|compliance\s+team|manager's)\b",
    re.IGNORECASE,
)
# "my manager asked whether ...", "our owner keeps telling me ...": someone of the user's own
# company who speaks in the message is nobody to find.
_WHO_SPEAKS = re.compile(
    r"\b(?:my|our)\s+(?:boss|manager|owner|owners|ceo|cfo|coo|founder|founders|director|"
    r"supervisor|team\s+lead|vp|head\s+of\s+\w+|sales\s+manager|marketing\s+manager)\s+"
    r"(?=(?:asked|asks|keeps|kept|wants|wanted|said|says|told|tells|thinks|thought|"
    r"suggested|suggests|mentioned|mentions|would|needs|needed|is|was|has|had)\b)",
    re.IGNORECASE,
)


# "the bigger dental groups are growing fast, so I'd love to see VPs of procurement at ...",
# "we've been trying to grow, so I was hoping you could find me ...": what is said before the
# ask is its setting, when the ask names the people and points back at nothing before it.
_SO_ASK = re.compile(
    r",?\s+so\s+(?=(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:love|like)\s+|i\s+was\s+hoping\b|"
    r"i'?m\s+hoping\b|(?:could|can|would)\s+you\b|please\b|if\s+it\s+(?:isn'?t|is\s+not)\b|"
    r"(?:i|we)\s+need\b)",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(r"\b(?:there|them|those|these|such|same|that\s+area)\b", re.IGNORECASE)


def _setting_before_ask(text: str, has_role) -> str:
    m = _SO_ASK.search(text)
    if m is None or m.start() < 20:
        return text
    before, after = text[: m.start()], text[m.end() :]
    if _POINTS_BACK.search(after) or has_role(before) or not has_role(after):
        return text
    return after


# "sorry one more!! marketing directors in ...", "ok, one more thing: CFOs in ...": a lead-in that
# announces the next request, no page and no count of it.
_ONE_MORE = re.compile(
    r"^\W*(?:(?:sorry|ok(?:ay)?|oh|and|also|so|hey|um+)\W+)*(?:(?:just\s+)?one\s+more|next\s+one|another\s+one)"
    r"(?:\s+(?:thing|request|search|question|ask|list|please|for\s+you))?\s*[!.:,;\u2014\u2013-]+\s*",
    re.IGNORECASE,
)


def without_purpose(text: str, has_role) -> str:
    """The message without words about the user or the occasion.

    ``has_role(text)`` says whether a text names people to find; a lead-in is dropped only
    when what follows it does (so "revenue under $1B: CIOs at insurers" keeps its revenue).
    """
    out = _PERSONA.sub("", _HERE.sub("", text))
    if (more := _ONE_MORE.match(out)) and has_role(out[more.end() :]):
        out = out[more.end() :]
    if "my " in out.lower() or "our " in out.lower():
        out = _MY_PEOPLE.sub(" ", _WHO_SPEAKS.sub("someone ", out))
    if (about := _ABOUT_ME_SENTENCE.search(out)) and has_role(out[about.end() :]):
        out = out[: about.start()] + out[about.end() :]
    out = _WHEN_I.sub("", _AS_A.sub("", out))
    if (we := _WE_ARE.match(out) or _WE_SELL_AND_WANT.match(out)) and has_role(out[we.end() :]):
        out = out[we.end() :]
    out = _OUR_NEEDS.sub("find ", out)
    m = _LEAD_IN.match(out)
    if (
        m
        and _LEAD_WORD.search(m["pre"])
        and has_role(m["rest"])
        and not _MAKES_A_CAMPAIGN.search(m["pre"])
        and not _REGARDING_LAST.search(m["pre"])  # "campaign on X re: contracts": a topic
    ):
        out = m["rest"]
    if " so " in out.lower():
        out = _setting_before_ask(out, has_role)
    out = without_reasons(_OCCASION.sub(_occasion, out), has_role)
    return _PLAN.sub("", out).strip() or text
