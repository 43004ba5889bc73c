"""Buying signals in a request: funding, hiring, growth, job changes and newly adopted technologies.

"Series A fintech founders", "companies that raised in 2024", "hiring SDRs", "fast-growing SaaS
companies", "VPs new in role", "who just adopted Salesforce": each phrase becomes a filter of the
search (``lexi.prospects.filters``) and is blanked out of the clause, so it never turns into a
keyword or a limit. Runs before ``unsupported`` (which keeps what no filter expresses, such as
intent data). Relative phrases ("recently funded", "in the last 90 days") resolve against
``today``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from lexi.prospects.taxonomy import FUNDING_STAGES
from lexi.prospects.vocabulary import canonical_title

from . import prefilter
from .lexicon import TECHNOLOGY_SPELLING, technology_named
from .text import MULTIPLIERS

# What the words mean in numbers (also said in the reply, see ``phrases.signal_notes``).
GROWING_FAST_PCT = 20
RECENT_FUNDING_DAYS = 180
NEW_IN_ROLE_DAYS = 90
JUST_ADOPTED_DAYS = 90

_I = re.IGNORECASE
_PLUS = r"(?:\s*\+|\s+(?:or|and)\s+(?:later|above|beyond|higher)\b)?"
_SEEDS = r"(?:pre[\s-]?seed|seed)"
# Between stages: a list ("A, B or C", "seed/A") or a range ("Series B-C", "A to C").
_SEP = r"(?:,|or|and|/|&|-|\u2013|to|through|thru)"
_STAGE = (
    rf"(?:{_SEEDS}(?:\s*{_SEP}\s*(?:{_SEEDS}|series\s+[a-f]\b{_PLUS}))*"
    rf"|series\s+[a-f]\b{_PLUS}(?:\s*{_SEP}\s*(?:series\s+)?[a-f]\b{_PLUS})*)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A start in time: "since March" (the last March that has begun), "since June 2025", "since
# last month", "since the start of the year", "after June 2026" (from July); a quarter: "in Q3",
# "in the second quarter of 2025".
_SINCE = (
    rf"(?:since\s+(?:(?P<sm>{_MONTHS})\.?(?:\s+(?P<sd>\d{{1,2}})(?:st|nd|rd|th)?,?)?(?:\s+(?P<sy>(?:19|20)\d\d))?"
    r"|(?P<slast>last|this)\s+(?P<sunit>month|quarter|year)"
    r"|(?:the\s+)?(?:start|beginning)\s+of\s+(?:(?:the\s+|this\s+)?(?P<sstart>year|quarter|month)"
    r"|(?P<ssy>(?:19|20)\d\d)))"
    rf"|after\s+(?:the\s+end\s+of\s+)?(?P<am>{_MONTHS})\.?(?:\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?)?"
    rf"(?:\s+(?P<ay>(?:19|20)\d\d))?)\b"
)
_QUARTER = (
    r"in\s+(?:the\s+)?(?:(?P<qn>q[1-4])|(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
    r"(?:\s+(?:of\s+)?(?P<qy>(?:19|20)\d\d))?\b"
)
# When the round was: "in 2024", "last year", "in the last 18 months", "since June 2025",
# "between January and June 2026".
_WHEN = (
    rf"(?:\s+in\s+(?P<year>(?:19|20)\d\d)\b|\s+(?:in\s+)?(?P<rel>last|this)\s+year\b"
    rf"|\s+(?:in|within|over|during)\s+(?:the\s+)?(?:last|past)\s+(?P<sn>\d+)\s+(?P<su>days?|weeks?|months?|years?)\b"
    rf"|,?\s+{_SINCE}|\s+{_QUARTER}"
    rf"|\s+between\s+(?P<bm1>{_MONTHS})\s+and\s+(?P<bm2>{_MONTHS})\s+(?P<by>(?:19|20)\d\d)\b)?"
)
_STAGE_WORDS = re.compile(
    rf"(?:\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:recently\s+|just\s+)?(?:raised|closed)\s+(?:a|an|their)?\s*"
    rf"(?P<raised>{_STAGE})(?:\s+(?:round|funding))?"
    rf"|\b(?P<series>(?:{_SEEDS}\s*{_SEP}\s*)?series\s+[a-f]\b{_PLUS}(?:\s*{_SEP}\s*(?:series\s+)?[a-f]\b{_PLUS})*)"
    rf"(?![\s-]*size)(?:[\s-]+(?:stage|funded|round))?"
    # "raised a private equity round in 2026", "whose last round was private equity"
    r"|\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:recently\s+|just\s+)?(?:raised|closed|took|got)\s+"
    r"(?:a|an)\s+(?P<peround>pe|private[\s-]equity)\s+(?:round|investment|deal)"
    r"|\b(?:whose\s+|their\s+)?(?:last|latest|most\s+recent)\s+(?:round|funding(?:\s+round)?)\s+(?:was|is)\s+"
    rf"(?:a\s+)?(?P<pelast>pe|private[\s-]equity)(?:\s+(?:round|one|deal))?){_WHEN}"
    rf"|\b(?P<seed>pre[\s-]?seed|seed)[\s-](?:stage|funded|round)\b"
    rf"|\b(?P<seeds>{_SEEDS}\s*(?:,|or|and|/|&)\s*{_SEEDS})\b"
    rf"|(?:^|(?<=[,;:|]))\s*(?P<lone>{_SEEDS})(?:\s+only)?\s*(?=[,;|.]|$)"
    # "only private equity rounds", "PE deals only": the rounds' kind
    r"|\b(?P<perounds>pe|private[\s-]equity)\s+(?:rounds?|deals|investments)\b"
    rf"|\b(?P<pe>(?:pe|private[\s-]equity)[\s-](?:backed|owned|funded)"
    r"|(?:backed|owned|funded|bought|acquired)\s+by\s+(?:an?\s+)?(?:pe|private[\s-]equity)"
    r"(?:\s+(?:firms?|funds?|investors?|sponsors?))?)\b"
    rf"|\b(?:at\s+(?:the\s+)?)(?P<at>pre[\s-]?seed|seed)\b(?:[\s-]stage\b)?(?=\s+(?:stage|startups?|compan))",
    _I,
)
# Verbs of a funding round: "raised", "got funding", "received investment".
_RAISE = (
    r"(?:raised|funded|closed\s+a\s+round|(?:received|receive|receives|got|get|gets|secured|"
    r"secure|secures|landed)\s+(?:an?\s+)?(?:new\s+)?"
    r"(?:investment|funding|financing|capital|money|(?:vc|venture)\s+(?:funding|money|capital)))"
)
_RAISED_YEAR = re.compile(
    rf"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?{_RAISE}"
    r"(?:\s+(?:money|funding|capital|a\s+round))?\s+(?:in\s+(?P<year>(?:19|20)\d\d)"
    # "raised money in 2025 or 2026": the years from the first to the last
    r"(?:\s*(?:or|and|-|\u2013|to|through)\s*(?:in\s+)?(?P<year2>(?:19|20)\d\d))?"
    r"|(?:in\s+)?(?P<rel>last|this)\s+year)\b",
    _I,
)
# "raised since March", "who raised money in Q3": a round that started then.
_RAISED_SINCE = re.compile(
    rf"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?{_RAISE}"
    rf"(?:\s+(?:money|funding|capital|a\s+round))?\s+(?:{_SINCE}|{_QUARTER})",
    _I,
)
_RECENT = re.compile(
    r"(?:\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:were\s+)?(?:recently|newly|just)\s+(?:funded|raised(?:\s+(?:money|funding|capital))?)"
    r"|\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?raised\s+(?:money|funding|capital)\s+recently)"
    # "recently raised money, say within the last 12 months": the span said is the span meant
    r"(?:\s*,?\s*(?:say|so|i\.e\.?|meaning|like|roughly|about)?\s*,?\s*(?:in|within|over)\s+(?:the\s+)?"
    r"(?:last|past)\s+(?P<n2>\d+)\s+(?P<unit2>days?|weeks?|months?|years?)\b)?"
    rf"|\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?{_RAISE}\s+(?:money|funding|capital)?\s*"
    r"(?:in\s+|within\s+)?(?:the\s+)?(?:last|past)\s+"
    r"(?P<n>\d+)\s*(?P<unit>days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)\b",
    _I,
)
_OP = r"(?P<op>more\s+than|over|at\s+least|under|less\s+than|up\s+to|no\s+more\s+than|at\s+most|below)"
_AMOUNT = re.compile(
    rf"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:raised\s+)?{_OP}\s+"
    r"\$\s?(?P<n>\d[\d,.]*)\s?(?P<unit>k|m|mm|mn|b|bn|million|billion)?\+?"
    r"(?:\s+(?:in\s+)?(?:total\s+)?(?:funding|raised|venture\s+funding|vc\s+funding)(?:\s+in\s+total)?)?",
    _I,
)
# "raised $20M+ in total", "raised 5M+": a plus sign says "at least"
_AMOUNT_PLUS = re.compile(
    r"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?raised\s+(?P<op>)\$?\s?(?P<n>\d[\d,.]*)\s?"
    r"(?P<unit>k|m|mm|mn|b|bn|million|billion)?\+(?:\s+(?:in\s+)?(?:total\s+)?(?:funding|in\s+total|total))?",
    _I,
)
# "raised more than 20M in total": money raised without a "$"
_AMOUNT_RAISED = re.compile(
    rf"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?raised\s+{_OP}\s+"
    r"(?P<n>\d[\d,.]*)\s?(?P<unit>k|m|mm|mn|b|bn|million|billion)\+?"
    r"(?:\s+(?:in\s+)?(?:total\s+)?(?:funding|in\s+total|total))?",
    _I,
)
_MONEY_UNIT = r"(?:k|m|mm|mn|b|bn|million|billion)"
# "$50M-$150M raised", "between $5M and $20M in funding", "raised $10-50M in total"
_AMOUNT_RANGE = re.compile(
    rf"(?:\b(?:with|that\s+raised|who\s+raised|raised)\s+)?(?:\bbetween\s+)?\$\s?(?P<n1>\d[\d,.]*)\s?"
    rf"(?P<u1>{_MONEY_UNIT})?\s*(?:-|\u2013|to|and)\s*\$?\s?(?P<n2>\d[\d,.]*)\s?(?P<u2>{_MONEY_UNIT})\b"
    r"(?P<what>\s+(?:in\s+)?(?:total\s+)?(?:funding|raised|venture\s+funding|vc\s+funding)(?:\s+in\s+total)?"
    r"|\s+in\s+total)?",
    _I,
)
# "with $50M+ raised", "$10M+ in funding": a plus sign before the word for money raised
_PLUS_RAISED = re.compile(
    rf"(?:\bwith\s+)?\$\s?(?P<n>\d[\d,.]*)\s?(?P<unit>{_MONEY_UNIT})?\+\s+(?:in\s+)?(?:total\s+)?"
    r"(?:funding|raised|venture\s+funding|vc\s+funding)\b(?:\s+in\s+total)?",
    _I,
)
# "whose last round was in 2025", "with a latest funding round in 2024", "most recent raise was
# last year", "whose last round was since March" / "in Q3".
_LAST_ROUND = re.compile(
    r"\b(?:(?:whose|with\s+(?:a|an|their|its)|where\s+the|and\s+the)\s+)?(?:last|latest|most\s+recent)\s+"
    r"(?:funding\s+|financing\s+|venture\s+|equity\s+)?(?:round|raise|funding|investment|financing)\s+"
    r"(?:was\s+|closed\s+|happened\s+|took\s+place\s+|came\s+|(?:was\s+)?made\s+)?"
    rf"(?:in\s+(?P<year>(?:19|20)\d\d)\b|(?:in\s+)?(?P<rel>last|this)\s+year\b|{_SINCE}|{_QUARTER})",
    _I,
)
_BACKED = re.compile(r"\b(?:vc|venture)[\s-](?:backed|funded)\b", _I)
_GROWING = re.compile(
    r"\b(?:that\s+are\s+|which\s+are\s+)?(?:fast[\s-]growing|rapidly\s+growing|growing\s+(?:fast|quickly|rapidly)"
    # "only where headcount grow fast"
    r"|(?:headcount|team)\s+(?:is\s+)?grow(?:s|ing)?\s+(?:fast|quickly|rapidly)"
    r"|high[\s-]growth|hyper[\s-]?growth)\b",
    _I,
)
# "headcount up 20%+ in the last 6 mo", "whose headcount grew 50% or more in 6 months",
# "grew 30%+ last year" (a company that grew: its headcount).
_HEADCOUNT = re.compile(
    r"\(?\s*(?:(?:with|whose)\s+(?:a\s+)?)?(?:(?:headcount|team\s+size|employee\s+count)\s*"
    r"(?:(?:(?:is|was|has\s+been)\s+)?(?:up|grew|growing|growth|has\s+grown|increased)|\+(?=\s*\d))|(?<=,)\s*grew"
    # "that grew", "what grow headcount" (non-native), "which have grown"
    r"|\b(?:that|which|what|who)\s+(?:grew|grow|grows|have\s+grown|has\s+grown|increased)"
    r"(?:\s+(?:their\s+|its\s+)?(?:headcount|team\s+size|employee\s+count))?)(?:\s+|(?<=\+))"
    r"(?:of\s+|by\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?(?P<n>\d+)\s*%(?:\s*\+|\s+or\s+more)?"
    r"(?:\s+(?:in|over|during)\s+(?:the\s+)?(?:(?:last|past)\s+)?(?P<months>6|12|six|twelve)\s*"
    r"(?:months?|mos?|mths?)\b\.?|\s+(?:in\s+|over\s+)?(?:the\s+)?(?:last|past)\s+year\b)?\s*\)?",
    _I,
)
_SHRINKING_WORDS = r"\b(?:that\s+are\s+)?(?:shrinking|downsizing)\b"
# The span a headcount change is measured over: 6 or 12 months ("in the last 6 months", "over
# the past year", "year over year").
_SPAN = (
    r"(?:\s*,?\s+(?:in|over|during|within)\s+(?:the\s+)?(?:(?:last|past)\s+)?(?P<months>6|12|six|twelve)\s*"
    r"(?:months?|mos?|mths?)\b|\s+(?:in\s+|over\s+)?(?:the\s+)?(?:last|past)\s+(?:year|12\s+months)\b"
    r"|\s+(?:year\s+over\s+year|yoy|y/y)\b)?"
)
_HC = r"(?:(?:their|its|the)\s+)?(?:headcount|team\s+size|employee\s+count|staff\s+numbers)"
_AT_LEAST = r"(?:by\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+|>=?\s*)?"
# Growth said other ways: "grew headcount by at least 15% in the last 6 months", "growing at
# least 10% over 12 months", "growing headcount 50% or more year over year", "headcount growth
# between 10% and 30% over 6 months".
_GROWTH = re.compile(
    rf"(?:\b(?<!revenue\s)(?<!revenues\s)(?<!sales\s)(?<!arr\s)(?<!turnover\s)(?:(?:that|which|and)\s+)?(?:grew|growing|have\s+grown|has\s+grown|increased)\s+(?:{_HC}\s*,?\s*)?"
    rf"{_AT_LEAST}(?P<n>\d+)\s*%(?:\s*\+|\s+or\s+more)?(?:\s+(?:in\s+)?headcount)?"
    rf"|\b{_HC}\s+growth\s+(?:of\s+)?(?:between\s+)?(?P<lo>-?\d+)\s*%?\s*(?:and|to|-|\u2013)\s*"
    rf"(?P<hi>-?\d+)\s*%"
    # "minimum 20% more people in the last 12 months", "with 20% more staff than a year ago"
    # "headcount grow at least 20% in last 6 months": the headcount first, the verb in any form
    rf"|\b{_HC}\s+(?:grow|grows|grew|growing|grown|increase|increased|up)\s+(?:by\s+)?{_AT_LEAST}"
    r"(?P<n4>\d+)\s*%(?:\s*\+|\s+or\s+more)?"
    r"|\b(?:(?:with|added|adding|have|has|having)\s+)?(?:(?:a\s+)?minimum(?:\s+of)?\s+|at\s+least\s+)?"
    r"(?P<n3>\d+)\s*%\s*\+?\s*more\s+(?:people|employees|staff|headcount|workers|ftes?)"
    r"(?:\s+than\s+(?:a\s+year\s+ago|last\s+year|12\s+months\s+ago))?"
    # "30%+ headcount growth over 12 mo", "20%+ headcount over the last 6 mo": the share first
    rf"|(?<![\w.])(?P<n5>\d+)\s*%\s*\+?\s*(?:or\s+more\s+)?(?:{_HC}(?:\s+growth)?|growth(?=\s+(?:over|in)\s))"
    rf"){_SPAN}",
    _I,
)
# A headcount that went down: "negative headcount growth over 12 months", "whose headcount went
# down over the last 12 months", "headcount shrank 10% or more in the last 6 months".
_DECLINE = re.compile(
    rf"\b(?:with\s+|whose\s+)?(?:negative\s+{_HC}\s+growth|{_HC}\s+(?:went\s+down|declined|dropped|"
    rf"fell|shrank|shrunk|has\s+shrunk|decreased|is\s+down|(?:is\s+|are\s+)?(?:going|gone)\s+down|"
    rf"(?:is\s+)?(?:shrinking|falling|decreasing|declining|dropping)|down)"
    rf"(?:\s+{_AT_LEAST}(?P<n>\d+)\s*%(?:\s*\+|\s+or\s+more)?)?"
    rf"|(?:shrank|shrunk|cut|reduced)\s+{_HC}\s+{_AT_LEAST}(?P<n2>\d+)\s*%(?:\s*\+|\s+or\s+more)?)"
    rf"{_SPAN}",
    _I,
)
# "shrinking over the last 6 months": over its span
_SHRINKING = re.compile(_SHRINKING_WORDS + _SPAN, _I)
# "in the last 60 days", "(<=45 days)", "less than 60 days": how recent a change is.
_UP_TO = r"(?:last\s+|past\s+|<=?|under\s+|less\s+than\s+|fewer\s+than\s+|at\s+most\s+|up\s+to\s+)"
_NEW_IN_ROLE = re.compile(
    r"(?:\b(?:(?:who\s+are|who're)\s+)?new\s+(?:in|to)\s+(?:their|the)?\s*(?:role|job|position|seat|function|post)s?\b"
    r"|\b(?:who\s+)?(?:recently\s+)?(?:changed|started|switched|moved)\s+(?:in\s+)?(?:their\s+|a\s+|the\s+|his\s+|her\s+)?(?:new\s+|current\s+)?"
    r"(?:jobs?|roles?|positions?|companies|firms|employers|brokerages|agencies|practices|teams|banks|schools)"
    r"(?:\s+(?:recently|lately))?"
    r"|\b(?<!\ba\s)(?:recently|newly)\s+(?:promoted|hired|appointed)\b"
    r"|\bnew\s+hires\b|\bjob\s+changers?\b"
    r"|\bwho\s+(?:recently\s+|just\s+)?(?:started|joined)(?=\s+(?:in|within)\s+(?:the\s+)?(?:last|past)\s+\d))"
    rf"(?:\s*,?\s*\(?\s*(?:(?:in|within)\s+)?(?:the\s+)?{_UP_TO}?\s*(?P<n>\d+)\s*"
    r"(?P<unit>days?|weeks?|months?|years?)\b\s*\)?)?",
    _I,
)
# Time in the job as its own phrase: "(in role less than 60 days)", "(started in the last 45
# days)", "who joined their company in the past 120 days".
_IN_ROLE_FOR = re.compile(
    r"\(?\s*\b(?:who\s+(?:have\s+been\s+|'ve\s+been\s+)?)?(?:(?:been\s+)?in\s+(?:the\s+|their\s+)?"
    r"(?:role|seat|job|position)\s+(?:for\s+)?|(?:recently\s+|just\s+)?(?:started|joined|began|begun|"
    r"took\s+(?:up|on|over)|assumed|stepped\s+into)"
    r"(?:\s+(?:their|the|a|his|her)\s+(?:new\s+|current\s+)?(?:company|employer|job|role|position|post|"
    r"hotel|hospital|firm|bank|school|practice|agency|team|business|organi[sz]ation)s?)?\s+)"
    rf"(?:(?:in|within)\s+)?(?:the\s+)?{_UP_TO}\s*(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?)\b\s*\)?",
    _I,
)
# "new VPs of Sales in the last 3 months", "CFOs hired in the past 6 months": people in a role
# they took within the window (the role words stay for the role reading).
_NEW_IN_WINDOW = re.compile(
    r"\b(?:(?P<new>new)\s+(?P<role>(?:(?!in\b|at\b|with\b|who\b)[A-Za-z&/.-]+\s+){1,4}?)"
    r"|(?P<verb>(?:who\s+(?:were|was|have\s+been|got)\s+)?(?:hired|appointed|promoted|named)\s+)"
    # "who started at UK insurers within the last 30 days": the companies stay to be read
    r"|(?P<joined>who\s+(?:recently\s+|just\s+)?(?:started|joined|moved)\s+(?:at|with|to)\s+)"
    r"(?P<mid>(?:(?!in\b|within\b|over\b)[A-Za-z&/.'-]+\s+){1,5}?))"
    r"(?:(?:in|within|over|during)\s+)?(?:the\s+)?(?:last|past)\s+(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?)\b",
    _I,
)
_ADOPTED = re.compile(
    r"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:just|recently|newly)\s+(?:adopted|start(?:ed)?\s+(?:using|to\s+use)|switched\s+to|"
    r"moved\s+(?:over\s+)?to|migrated\s+to|rolled\s+out|implemented|bought|purchased|deployed|picked\s+up)\s+"
    r"(?P<tech>[A-Za-z0-9][\w.+#-]*(?:\s+(?-i:[A-Z0-9])[\w.+#-]*){0,2}"
    # "just adopted Wiz or Snowflake": every one named
    r"(?:\s*(?:\bor\b|\band\b|/)\s*(?-i:[A-Z0-9])[\w.+#-]*(?:\s+(?-i:[A-Z0-9])[\w.+#-]*){0,2})*)"
    # "just adopted NetSuite in the last 60 days": the window said after it
    r"(?:\s+(?:in|within|over)\s+the\s+(?:last|past)\s+(?P<n1>\d+)\s+(?P<unit1>days?|weeks?|months?|years?)\b)?"
    r"|\b(?:(?:that|who|which)\s+)?(?:adopted|start(?:ed)?\s+(?:using|to\s+use)|switched\s+to|moved\s+(?:over\s+)?to|migrated\s+to)\s+"
    r"(?P<tech2>[A-Za-z0-9][\w.+#-]*(?:\s+[A-Z0-9][\w.+#-]*){0,2})\s+(?:recently|lately|this\s+year)\b"
    r"|\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?:adopted|start(?:ed)?\s+(?:using|to\s+use)|switched\s+to|rolled\s+out|"
    # "that moved onto Webfleet in the last 90 days": onto a platform, not to a town
    r"moved\s+onto|switched\s+onto|migrated\s+onto|"
    # "that moved to GCC High in the last 90 days" (a town is no technology: ``adopted``)
    r"moved\s+(?:over\s+)?to|migrated\s+to|"
    r"implemented|bought|purchased|picked\s+up|picked(?=\s+(?:it|them|that)\s+up\b)|went\s+live\s+(?:on|with))\s+(?P<tech3>[A-Za-z0-9][\w.+#-]*(?:\s+[A-Z0-9][\w.+#-]*){0,2})\s+"
    r"(?:up\s+)?"
    r"(?:in|within|over)\s+the\s+(?:last|past)\s+(?P<n>\d+)\s+(?P<unit>days?|weeks?|months?|years?)\b",
    _I,
)
# "just added Klaviyo in the past 30 days", "that added Datadog in the last 60 days": a
# technology the company took on (read only when the word is a known technology).
_ADDED = re.compile(
    r"\b(?:(?:that|who|which)\s+)?(?:have\s+|has\s+)?(?P<just>just\s+|recently\s+|newly\s+)?added\s+"
    r"(?P<tech>[A-Za-z0-9][\w.+#-]*(?-i:\s+[A-Z0-9][\w.+#-]*){0,2})"
    r"(?:\s+(?:in|within|over)\s+the\s+(?:last|past)\s+(?P<n>\d+)\s+(?P<unit>days?|weeks?|months?|years?)\b)?",
    _I,
)
_NEXT_WORDS = re.compile(r"\s+([\w.+#-]+)(?:\s+([\w.+#-]+))?")


def _whole_name(tech: str, after: str) -> str:
    """The technology's whole name when it goes on in lower case after the words read ("just
    adopted sage intacct": Sage Intacct, not Sage)."""
    m = _NEXT_WORDS.match(after)
    if not m or " " in tech:
        return tech
    for longer in (f"{tech} {m[1]} {m[2]}" if m[2] else "", f"{tech} {m[1]}"):
        if longer and longer.lower() in TECHNOLOGY_SPELLING:
            return TECHNOLOGY_SPELLING[longer.lower()]
    return tech


# Words that point back at a technology already named rather than naming one.
_PRONOUN = re.compile(
    r"(?:it|them|that|this|those|these|one|either|both|the\s+(?:same|tool|platform|software|"
    r"product|tech|technology|stack))(?:\s+(?:one|tool|platform|software|product|tech|technology))?\b",
    _I,
)
# "in the last 30 days", "from the past 2 weeks", "last 30d", "past 2 wks": a posting window.
_LAST_N = (
    r"(?:(?:in|within|over|from|during)\s+)?(?:the\s+)?(?:last|past|previous)\s+(?P<hn>\d+)\s*"
    r"(?P<hu>days?|d|weeks?|wks?|w|months?|mos?)\b"
)
# Words that say the hiring is going on now and name no role: "hiring AP clerks atm",
# "hiring nurses at the moment", "hiring accountants currently", "hiring SDRs right now".
_NOW_WORDS = (
    r"(?:right\s+)?now\b|right\b|atm\b|currently\b|presently\b|at\s+the\s+moment\b|"
    r"at\s+present\b|these\s+days\b|as\s+we\s+speak\b"
)
# ... and after the role only: "hiring an Event Manager rn" (not "hiring RNs", nurses)
_NOW_AFTER = rf"{_NOW_WORDS}|rn\b|asap\b"
# The departments a hiring is said in ("hiring in sales", "hiring in sales and engineering").
_HIRING_DEPARTMENTS = (
    "sales|marketing|engineering|finance|hr|it|legal|ops|operations|product|design|support"
)
# "hiring on the finance team": hiring in finance, the team said with it
_HIRING_ON_TEAM = re.compile(
    rf"\bhiring\s+(?:on|in|for)\s+(?:the|their)\s+({_HIRING_DEPARTMENTS}|data|security|procurement)\s+"
    r"(?:team|side|department|dept|org)\b",
    re.IGNORECASE,
)
_HIRING = re.compile(
    r"\b(?:(?:that|who|which)\s+(?:are|is)\s+)?(?:(?:currently|actively)\s+)?(?<!\bthe\s)(?<!\bany\s)hiring\b"
    # ("hiring managers", "hiring partners" are titles; "hiring partner managers" is a hiring)
    r"(?!\s+(?:filter|constraint|requirement|part|bit|one|criteria|criterion|condition|thing|"
    r"partners?(?!\s+(?:managers?|mgrs?|directors?))|managers?|committee)\b)"
    rf"(?:\s+(?:for\s+|in\s+(?=(?:{_HIRING_DEPARTMENTS})\b))?"
    rf"(?:an?\s+|more\s+|new\s+)?(?P<what>(?!in\b|at\b|with\b|and\b|{_NOW_WORDS})"
    rf"[A-Za-z][\w&/-]*(?:\s+(?!in\b|at\b|with\b|and\b|who\b|whose\b|which\b|where\b|that\b|based\b|posted\b|or\b|"
    # ("hiring bartenders instead", "hiring SDRs too": no part of the role)
    r"instead\b|too\b|also\b|as\s+well\b|please\b|pls\b|"
    # ("hiring travel nurses last 30d": the window, said without "in the")
    rf"(?:last|past|previous)\s+\d|{_NOW_AFTER})[A-Za-z][\w&/-]*){{0,3}}))?"
    # "hiring in sales and engineering": a second department
    rf"(?:\s+(?:and|&|or)\s+(?P<dept2>{_HIRING_DEPARTMENTS}|engineers|developers|marketers|designers|lawyers)\b"
    # "hiring HR business partners or payroll accountants": a second title
    r"|\s+(?:or|and|&)\s+(?P<what2>(?:(?!in\b|at\b|with\b|any\b|the\b)[A-Za-z][\w&/-]*\s+){0,2}"
    r"(?!in\b|at\b|with\b|any\b|the\b)[A-Za-z][\w&/-]*s\b)"
    r"(?=\s*(?:$|[,;.!?)]|\s+(?:in|at|with|who|that|which|posted|last|past|right|now)\b)))?"
    rf"(?:\s+(?:{_NOW_AFTER}))?"
    # "hiring SDRs in the last 30 days", "hiring RevOps analysts, posted in the past 2 weeks"
    # "(jobs posted in the last 30 days)"
    rf"(?:\s*[,(]?\s*(?:(?:jobs?|roles?|positions?|openings?|postings?)\s+)?(?:posted\s+)?"
    rf"{_LAST_N}\)?)?",
    _I,
)
# Other ways to say a company is hiring for a role: "companies with an open Head of RevOps role",
# "firms looking to hire a controller", "startups that are trying to recruit SDRs".
_WHAT = (
    r"(?P<what>(?!in\b|at\b|with\b|and\b|an?\b|the\b)[A-Za-z][\w&/-]*"
    r"(?:\s+(?!in\b|at\b|with\b|and\b|who\b|whose\b|which\b|where\b|that\b|based\b|posted\b|or\b)[A-Za-z0-9][\w&/-]*){0,3})"
)
_OPEN_ROLE = re.compile(
    rf"\b(?:with|has|have|having)\s+(?:an?\s+)?open\s+{_WHAT}\s+"
    r"(?:roles?|positions?|jobs?|postings?|openings?|reqs?|vacanc(?:y|ies))\b"
    rf"(?:\s+posted)?(?:\s+{_LAST_N})?",  # "... job posted in the last 30 days"
    _I,
)
# "firms which have open positions for HR business partner", "with job openings for nurses".
_OPEN_FOR = re.compile(
    r"\b(?:with|has|have|having)\s+(?:an?\s+|any\s+|some\s+)?(?:open|vacant|unfilled|job)\s+"
    rf"(?:roles?|positions?|jobs?|postings?|openings?|reqs?|vacanc(?:y|ies))\s+(?:for|as)\s+"
    rf"(?:an?\s+|the\s+)?{_WHAT}",
    _I,
)
_LOOKING_TO_HIRE = re.compile(
    rf"\b(?:(?:that|who|which)\s+(?:are|is)\s+)?(?:looking|seeking|trying|aiming)\s+to\s+"
    rf"(?:hire|recruit)\s+(?:an?\s+|more\s+|new\s+)?{_WHAT}",
    _I,
)
# Job postings named as such: "companies that posted marketing jobs in the last 14 days",
# "with SDR jobs posted in the last 14 days", "with engineering job posts from the last 30 days".
_JOBS = r"(?:jobs?|roles?|positions?|openings?|job\s+(?:posts?|postings?|ads?)|postings?|reqs?|requisitions?|vacanc(?:y|ies))"
_WINDOW = rf"(?:\s+posted)?(?:\s+{_LAST_N})?"
# Verbs of putting a job up: "posted", "advertised", "advertising", "listed".
_ADVERTISED = r"(?:posted|advertised|advertising|listed|listing)"
_POSTED = [
    re.compile(pattern, _I)
    for pattern in (
        rf"\b(?:(?:that|which|who)\s+(?:have\s+|has\s+|are\s+|is\s+)?)?(?:recently\s+)?{_ADVERTISED}\s+"
        rf"(?:an?\s+|new\s+|open\s+)?{_WHAT}\s+{_JOBS}{_WINDOW}",
        rf"(?:\b(?:with|having)\s+|\bw/\s*)(?:new\s+|open\s+|any\s+)?{_WHAT}\s+{_JOBS}\s+posted{_WINDOW}",
        rf"(?:\b(?:with|having)|\bw/)\s*(?:new\s+|open\s+)?{_WHAT}\s+job\s+(?:posts?|postings?|ads?)"
        rf"{_WINDOW}",
        # "w/ ML engineer postings from the last 2 weeks", "with open SDR reqs"
        rf"(?:\b(?:with|having)|\bw/)\s*(?:an?\s+)?(?:new\s+|open\s+|active\s+)?{_WHAT}\s+"
        rf"(?:postings?|reqs?|requisitions?|job\s+openings?|vacanc(?:y|ies))\b{_WINDOW}",
        # "with job posts for HR business partners in the last 30 days"
        rf"(?:\b(?:with|having)|\bw/)\s*(?:new\s+|open\s+|active\s+|recent\s+)?{_JOBS}\s+(?:for|as)\s+"
        rf"(?:an?\s+)?{_WHAT}{_WINDOW}",
        # "that posted jobs for HVAC technicians in the last 30 days"
        rf"\b(?:(?:that|which|who)\s+(?:have\s+|has\s+|are\s+|is\s+)?)?(?:recently\s+)?{_ADVERTISED}\s+(?:an?\s+)?(?:new\s+|open\s+)?"
        rf"{_JOBS}\s+(?:for|as)\s+(?:an?\s+)?{_WHAT}{_WINDOW}",
        # "only companies which have HR job postings open", "then any HR job posting"
        rf"\b(?:(?:which|that|who)\s+(?:have|has)\s+(?:any\s+|open\s+|new\s+)?|(?<![\w-])any\s+)"
        rf"{_WHAT}\s+(?:job\s+)?(?:postings?|posts|openings?|ads|vacanc(?:y|ies)|reqs?)\b(?:\s+open)?{_WINDOW}",
        # "that are advertising for data engineers": postings for that role
        rf"\b(?:(?:that|which|who)\s+(?:have\s+|has\s+|are\s+|is\s+)?)?(?:recently\s+)?"
        rf"advertis(?:ed|ing)\s+for\s+(?:an?\s+|new\s+)?{_WHAT}{_WINDOW}",
    )
]
# Hiring words read as a department of the postings rather than a title.
_DEPARTMENTS = {
    "engineers": "engineering",
    "engineering": "engineering",
    "developers": "engineering",
    "salespeople": "sales",
    "sales": "sales",
    "marketers": "marketing",
    "marketing": "marketing",
    "designers": "design",
    "design": "design",
    "product": "product",
    "finance": "finance",
    "it": "information_technology",
    "legal": "legal",
    "lawyers": "legal",
    "support": "customer_success",
    "customer success": "customer_success",
    "hr": "human_resources",
    "human resources": "human_resources",
    "people ops": "human_resources",
    "operations": "operations",
    "ops": "operations",
    "accounting": "finance",
}
# Words after a department that name no title: "finance roles", "sales jobs", "HR positions".
_ROLE_NOUNS = re.compile(r"\s+(?:roles?|jobs?|positions?|people|staff|folks|hires|talent)$", re.I)
_ANYONE = {"people", "staff", "talent", "anyone", "everyone"}
_UNITS = {
    "day": 1,
    "d": 1,
    "week": 7,
    "wk": 7,
    "w": 7,
    "month": 30,
    "mo": 30,
    "year": 365,
    "yr": 365,
}
_NUMBERS = {"six": 6, "twelve": 12}


def _one_of(what: str, key: str) -> str:
    """The singular of a role written in the plural: "nurses", "herdsmen", "heads of sales"."""
    if " of " in f" {key} ":
        return what
    if what.endswith("men") and len(what) > 4:
        return what[:-3] + "man"
    if what.endswith(("ies", "ches", "shes")) and len(what) > 4:
        return what[:-3] + "y" if what.endswith("ies") else what[:-2]  # actuaries, coaches
    return what[:-1] if what.endswith("s") and not what.endswith("ss") else what


def _cased(title: str) -> str:
    """A title the vocabulary does not know, its lower-case words capitalised ("HVAC Tech")."""
    return " ".join(w.capitalize() if w.islower() else w for w in title.split())


def _days(n: str, unit: str) -> int:
    return int(n) * _UNITS[unit.lower().rstrip("s")]


def _span_months(m: re.Match[str]) -> int:
    months = m.group("months")
    return int(_NUMBERS.get(months.lower(), months)) if months else 12


def _stages(text: str) -> list[str]:
    t = re.sub(r"\s+(?:or|and)\s+(?:later|above|beyond|higher)\b", "+", text.lower())
    out: list[str] = []
    if re.search(r"pre[\s-]?seed", t):
        out.append("pre_seed")
    if re.search(r"\bseed\b", re.sub(r"pre[\s-]?seed", " ", t)):
        out.append("seed")
    t = re.sub(
        r"\b([a-f])\s*(?:-|\u2013|to|through|thru)\s*(?:series\s+)?([a-f])\b",
        lambda r: " ".join("abcdef"["abcdef".index(r[1]) : "abcdef".index(r[2]) + 1]),
        t,
    )
    for letter, plus in re.findall(
        r"(?:series\s+)?\b([a-f])\b(\s*\+)?", re.sub(r"pre[\s-]?seed|seed", " ", t)
    ):
        stage = {"a": "series_a", "b": "series_b", "c": "series_c"}.get(letter, "series_d_plus")
        if plus and stage != "series_d_plus":
            following = ["series_a", "series_b", "series_c", "series_d_plus"]
            for s in following[following.index(stage) :]:
                if s not in out:
                    out.append(s)
        elif stage not in out:
            out.append(stage)
    return out


def _month(name: str) -> int:
    return [m[:3] for m in _MONTHS.split("|")[:12]].index(name[:3].lower()) + 1


def calendar_ago(today: date, n: int, unit: str) -> date:
    """The same day ``n`` calendar months or years back ("in the last 6 months" from 2026-12-02
    is after 2026-06-02), the month's last day when that day does not exist."""
    months = n * (12 if unit.lower().startswith("y") else 1)
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    for day in range(today.day, 27, -1):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    return date(year, month + 1, min(today.day, 28))


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _day(year: int, month: int, day: str | None, later: int) -> str:
    """The ISO date of a day of a month ("March 1"), ``later`` days on; the first when no day
    is given or the day does not exist."""
    try:
        when = date(year, month, int(day)) if day else date(year, month, 1)
    except ValueError:
        when = date(year, month, 1)
    return (when + timedelta(days=later if day else 0)).isoformat()


def _since(m: re.Match[str], today: date) -> dict[str, Any] | None:
    """The span of a "since ..." or "in Q3" phrase, None when the match has neither. A month or
    quarter without a year is the last one that has begun ("since March" in December is this
    March, in February last March)."""
    g = m.groupdict()
    quarter_start = (today.month - 1) // 3 * 3 + 1
    if g.get("sm"):
        month = _month(g["sm"])
        year = int(g["sy"]) if g.get("sy") else today.year - (month > today.month)
        return {"after": _day(year, month, g.get("sd"), 0), "before": None}
    if g.get("ssy"):  # "since the start of 2026"
        return {"after": f"{int(g['ssy'])}-01-01", "before": None}
    if g.get("am") and g.get("ad"):  # "after March 1 2026": from the day after
        month = _month(g["am"])
        year = int(g["ay"]) if g.get("ay") else today.year - (month > today.month)
        return {"after": _day(year, month, g["ad"], 1), "before": None}
    if g.get("am"):  # "after June 2026": from the first of July
        month = _month(g["am"])
        year = int(g["ay"]) if g.get("ay") else today.year - (month >= today.month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return {"after": f"{year}-{month:02d}-01", "before": None}
    if g.get("slast") or g.get("sstart"):
        unit = (g.get("sunit") or g.get("sstart") or "").lower()
        back = 1 if (g.get("slast") or "").lower() == "last" else 0
        months = {"month": 1, "quarter": 3, "year": 12}[unit] * back
        first = {"month": today.month, "quarter": quarter_start, "year": 1}[unit]
        total = today.year * 12 + first - 1 - months
        return {"after": f"{total // 12}-{total % 12 + 1:02d}-01", "before": None}
    if g.get("qn") or g.get("qord"):
        q = int(g["qn"][1]) if g.get("qn") else _ORDINALS[g["qord"].lower()]
        first = (q - 1) * 3 + 1
        year = int(g["qy"]) if g.get("qy") else today.year - (first > today.month)
        end = date(year + (q == 4), first + 3 if q < 4 else 1, 1) - timedelta(days=1)
        return {"after": f"{year}-{first:02d}-01", "before": end.isoformat()}
    return None


# "... in 2025 or later", "in 2024 onwards": the year and every one after it
_OR_LATER = re.compile(
    r"\s*(?:(?:or|and)\s+(?:later|after|since|newer)|onwards?\b|\+)", re.IGNORECASE
)


def _year(filters: dict[str, Any], year: int) -> None:
    filters["last_funding"] = {"after": f"{year}-01-01", "before": f"{year}-12-31"}


def _money(n: str, unit: str | None) -> int:
    value = float(n.replace(",", ""))
    return int(value * MULTIPLIERS.get((unit or "").lower(), 1))


_MOVED = re.compile(r"\b(?:moved|migrated|deployed)\b(?!\s+onto\b)", _I)
# Searched in the lower-cased text: a case-insensitive alternation is several times slower.
_ANY_SIGNAL = re.compile(
    r"series|seed|raised|fund|backed|grow|grew|headcount|shrink|shrank|shrunk|downsiz|new\s|changed|started|switched|"
    r"promoted|hired|appointed|hires|changer|adopt|using|rolled|implemented|bought|purchased|hiring|posted|posts|postings|closed|owned|"
    r"moved|migrated|deployed|went\s+live|"
    r"joined|\brole\b|\bseat\b|negative|went\s+down|declin|dropped|fell\b|decreas|increas|added\b|"
    r"\bhire\b|\brecruit\b|recruiting\s|\bopen\s|\bjob\s|vacan|\bround\b|\brounds\b|\bdeals\b|\braise\b|invest|financ|capital|\breqs\b|"
    r"began|begun|took\s|assumed|stepped|\broles\b|picked\s+(?:it\s+|them\s+)?up|advertis|listed|listing|%\s*\+?\s*more\s"
)


_HEDGED_WINDOW = re.compile(
    r"\s*,?\s+(?:like|say|roughly|about|around|approx(?:imately)?|maybe)\s+(?:in\s+)?(?:the\s+)?"
    r"(?=(?:last|past)\s+\d)",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
# "firms that are currently recruiting an IT manager", "actively recruiting for nurses": hiring
# (not "recruiting firms", "recruiting directors")
_RECRUITING = re.compile(
    r"(?:(?<=\bare\s)|(?<=\bis\s)|(?<=\bcurrently\s)|(?<=\bactively\s)|(?<=\bstill\s))"
    r"recruiting\s+(?=(?:an?|for|more|new)\s)",
    re.IGNORECASE,
)
# "60d", "2wks", "6mo": a span written short, right after its number
# after a word of time or before the end of its item ("3D printing" is no span)
_COMPACT_SPAN = re.compile(
    r"(?:(?<=[<(,=])|"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("last", "past", "within", "under", "than", "role", "job"))
    + r")\s*"
    r"(?P<n>\d+)(?P<unit>d|wks?|w|mos?|mths?|yrs?)\b"
    r"|\b(?P<n2>\d+)(?P<unit2>d|wks?|w|mos?|mths?|yrs?)(?=\s*(?:$|[,;.)]))",
    re.IGNORECASE,
)
# "raised a series C, last 90 days", "new in role (past 60 days)": a window in its own item,
# read with the signal before it
_DANGLING_WINDOW = re.compile(
    r"\s*[,(\u2014]\s*(?:in\s+|within\s+|over\s+)?(?:the\s+)?(?=(?:last|past)\s+\d+\s+"
    r"(?:days?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)


# "raised within 90 days", "changed jobs within 60 days": a window counted back from today
# ("within 30 days of the launch" counts from something else).
_BARE_WITHIN = re.compile(
    r"\bwithin\s+(?:the\s+)?(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?|years?)\b(?!\s+(?:of|from|after)\b)",
    re.IGNORECASE,
)


def _span_written_out(m: re.Match[str]) -> str:
    n, unit = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
    return f" {n} {_unit_word(unit)}"


def signals(text: str, today: date) -> tuple[str, dict[str, Any], list[str]]:
    """The clause with signal phrases blanked out, the filters they set, and what was read
    (codes such as ``growing_fast`` for the reply's notes), in order."""
    if not _ANY_SIGNAL.search(text.lower()):
        return text, {}, []
    reading = _Reading(today)
    text = _HEDGED_WINDOW.sub(" in the ", text)  # "just raised, like last 90 days"
    if "ecruiting" in text:
        text = _RECRUITING.sub("hiring ", text)  # "that are currently recruiting an IT manager"
    if "hiring " in text.lower():
        text = _HIRING_ON_TEAM.sub(r"hiring in \1", text)
    if _DIGIT.search(text):
        text = _COMPACT_SPAN.sub(_span_written_out, text)  # "new in role 60d"
        text = _DANGLING_WINDOW.sub(" in the ", text)  # "raised a series C, last 90 days"
        text = _BARE_WITHIN.sub(r"within the last \g<n> \g<unit>", text)  # "within 90 days"
    if "since" in text.lower() or "after" in text.lower():
        text = _dates_month_first(text)
    if _SHORT_WINDOW_NEEDLE.search(text):
        text = _SHORT_WINDOW.sub(_window_written_out, text)
        text = _ONE_SPAN.sub(
            lambda m: f"{m['prep']} the {m['last']} {_SPAN_DAYS[m['unit'].lower()]} days", text
        )
    for pattern, step in _STEPS:
        text = pattern.sub(partial(step, reading), text)
    return text, reading.filters, reading.codes


# A day written before its month or as ISO after "since" or "after" ("on or after 1 July 2025",
# "since the 3rd of March", "after 2025-07-01") is written month first, as the rules read it;
# "on or after" a day is "since" it.
_DAY_FIRST = re.compile(
    rf"\b(?P<lead>since|after)\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+"
    rf"(?P<m>{_MONTHS})\b\.?,?(?:\s+(?P<y>(?:19|20)\d\d)\b)?"
    r"|\b(?P<ilead>since|after)\s+(?P<iy>(?:19|20)\d\d)-(?P<im>0?[1-9]|1[0-2])-(?P<id>\d{1,2})\b",
    re.IGNORECASE,
)
_ON_OR_AFTER = re.compile(r"\b(?:on\s+or\s+after|from\s+and\s+including)\b", re.IGNORECASE)
MONTH_NAMES = _MONTHS.split("|")[:12]  # "january" ... "december"


def _dates_month_first(text: str) -> str:
    text = _ON_OR_AFTER.sub("since", text)

    def month_first(m: re.Match[str]) -> str:
        if m["ilead"]:
            return f"{m['ilead']} {MONTH_NAMES[int(m['im']) - 1]} {int(m['id'])} {m['iy']}"
        return f"{m['lead']} {m['m']} {m['d']}" + (f" {m['y']}" if m["y"] else "")

    return _DAY_FIRST.sub(month_first, text)


# A window written short ("last 90d", "in last 2 wks", "past 6mos") is the window written out
# ("in the last 90 days"), as every signal reads it.
_SHORT_WINDOW_NEEDLE = re.compile(r"(?:last|past|previous)\s", re.IGNORECASE)
_SHORT_WINDOW = re.compile(
    r"\b(?:(?P<prep>in|within|over|during|from)\s+)?(?:the\s+)?(?P<last>last|past|previous)\s+"
    r"(?P<n>\d+)\s*(?P<unit>d|days?|wks?|w|weeks?|mos?|mths?|months?|yrs?|years?)\b",
    re.IGNORECASE,
)
# "in the last fortnight", "over the past week": one such span, in days
_ONE_SPAN = re.compile(
    r"\b(?P<prep>in|within|over|during|from)\s+(?:the\s+)?(?P<last>last|past|previous)\s+"
    r"(?P<unit>fortnight|week)\b",
    re.IGNORECASE,
)
_SPAN_DAYS = {"fortnight": 14, "week": 7}
_UNIT_WORDS = {
    "d": "days",
    "w": "weeks",
    "wk": "weeks",
    "mo": "months",
    "mth": "months",
    "yr": "years",
}


def _unit_word(unit: str) -> str:
    """A unit of time written short ("d", "wks", "mo") as its word ("days", "weeks", "months")."""
    unit = unit.lower()
    return _UNIT_WORDS.get(unit.rstrip("s") if len(unit) > 2 else unit, unit)


def _window_written_out(m: re.Match[str]) -> str:
    prep = f"{m['prep']} the " if m["prep"] else ""
    return f"{prep}{m['last']} {m['n']} {_unit_word(m['unit'])}"


def _window_of(m: re.Match[str]) -> tuple[str | None, str | None]:
    """The window said with an adoption, from whichever alternative matched."""
    names = m.re.groupindex
    for n, unit in (("n", "unit"), ("n1", "unit1")):
        if n in names and m.group(n):
            return m.group(n), m.group(unit)
    return None, None


class _Reading:
    """The filters and codes read so far from one clause; each step reads one kind of phrase
    and returns what replaces it (a clause break, or the phrase itself when it is not a signal)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.filters: dict[str, Any] = {}
        self.codes: list[str] = []

    def note(self, code: str) -> str:
        if code not in self.codes:
            self.codes.append(code)
        return " ; "

    def stage(self, m: re.Match[str]) -> str:
        words = (
            m.group("raised")
            or m.group("series")
            or m.group("seed")
            or m.group("at")
            or m.group("seeds")
            or m.group("lone")
            or ""
        )
        equity = m.group("pe") or m.group("peround") or m.group("pelast") or m.group("perounds")
        for s in _stages(words) if not equity else ["private_equity"]:
            self.filters.setdefault("funding_stages", [])
            if s not in self.filters["funding_stages"]:
                self.filters["funding_stages"].append(s)
        self.note("funding_stage")
        if m.group("year") or m.group("rel"):
            self.year(m)
        elif m.group("sn"):
            after = calendar_ago(self.today, int(m.group("sn")), m.group("su"))
            if m.group("su").lower().startswith(("day", "week")):
                after = self.today - timedelta(days=_days(m.group("sn"), m.group("su")))
            self.filters["last_funding"] = {"after": after.isoformat(), "before": None}
            self.note("funded_within")
        elif span := _since(m, self.today):
            self.filters["last_funding"] = span
            self.note("funded_within")
        elif m.group("bm1"):
            year, first, last = int(m.group("by")), _month(m.group("bm1")), _month(m.group("bm2"))
            end = (date(year + (last == 12), last % 12 + 1, 1) - timedelta(days=1)).isoformat()
            self.filters["last_funding"] = {"after": f"{year}-{first:02d}-01", "before": end}
            self.note("funded_within")
        return " ; "

    def year(self, m: re.Match[str]) -> str:
        """ "in 2024"; "last year" and "this year" are the calendar years before and of today."""
        rel = (m.group("rel") or "").lower()
        year = int(m.group("year")) if not rel else self.today.year - (rel == "last")
        _year(self.filters, year)
        if "year2" in m.re.groupindex and m.group("year2"):
            self.filters["last_funding"]["before"] = f"{max(year, int(m.group('year2')))}-12-31"
        if rel == "this" or _OR_LATER.match(m.string, m.end()):
            # the rest of the year has not been; "in 2025 or later": from then on
            self.filters["last_funding"]["before"] = None
        return self.note("funding_year")

    def since(self, m: re.Match[str]) -> str:
        if not (span := _since(m, self.today)):
            return m[0]
        self.filters["last_funding"] = span
        return self.note("funded_within")

    def last_round(self, m: re.Match[str]) -> str:
        if m.group("year") or m.group("rel"):
            return self.year(m)
        return self.since(m)

    def recent(self, m: re.Match[str]) -> str:
        n, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
        days = _days(n, unit) if n else RECENT_FUNDING_DAYS
        after = self.today - timedelta(days=days)
        if n and unit.lower().startswith(("mo", "y")):
            after = calendar_ago(self.today, int(n), unit)
        self.filters["last_funding"] = {
            "after": after.isoformat(),
            "before": None,
        }
        return self.note("recently_funded" if not n else "funded_within")

    def amount(self, m: re.Match[str]) -> str:
        if not (
            m.group(0).lower().startswith(("raised", "that raised", "who raised", "which raised"))
            or re.search(r"funding|raised", m.group(0), _I)
        ):
            return m.group(0)  # "over $10M" alone is revenue, read elsewhere
        value = _money(m.group("n"), m.group("unit"))
        op = m.group("op").lower()
        self.filters["total_funding_usd"] = (
            {"min": value, "max": None}
            if re.sub(r"\s+", " ", op) in ("more than", "over", "at least", "")
            else {"min": None, "max": value}
        )
        return self.note("total_funding")

    def amount_range(self, m: re.Match[str]) -> str:
        if not (m.group("what") or re.search(r"raised", m.group(0), _I)):
            return m.group(0)  # "$10M-$50M" alone is revenue, read elsewhere
        unit = m.group("u2")
        low = _money(m.group("n1"), m.group("u1") or unit)
        high = _money(m.group("n2"), unit)
        if low > high:
            return m.group(0)
        self.filters["total_funding_usd"] = {"min": low, "max": high}
        return self.note("total_funding")

    def plus_raised(self, m: re.Match[str]) -> str:
        self.filters["total_funding_usd"] = {
            "min": _money(m.group("n"), m.group("unit")),
            "max": None,
        }
        return self.note("total_funding")

    def backed(self, m: re.Match[str]) -> str:
        self.filters.setdefault("total_funding_usd", {"min": 1, "max": None})
        return self.note("venture_backed")

    def growing(self, m: re.Match[str]) -> str:
        self.filters["headcount_growth_pct"] = {"min": GROWING_FAST_PCT, "max": None, "months": 12}
        return self.note("growing_fast")

    def headcount(self, m: re.Match[str]) -> str:
        months = m.group("months")
        self.filters["headcount_growth_pct"] = {
            "min": int(m.group("n")),
            "max": None,
            "months": int(_NUMBERS.get(months.lower(), months)) if months else 12,
        }
        return self.note("headcount_growth")

    def growth(self, m: re.Match[str]) -> str:
        low = m.group("n") or m.group("n3") or m.group("n4") or m.group("n5") or m.group("lo")
        high = m.group("hi")
        self.filters["headcount_growth_pct"] = {
            "min": int(low),
            "max": int(high) if high else None,
            "months": _span_months(m),
        }
        return self.note("headcount_growth")

    def decline(self, m: re.Match[str]) -> str:
        pct = m.group("n") or m.group("n2")
        self.filters["headcount_growth_pct"] = {
            "min": None,
            "max": -int(pct) if pct else -1,
            "months": _span_months(m),
        }
        return self.note("shrinking")

    def shrinking(self, m: re.Match[str]) -> str:
        self.filters["headcount_growth_pct"] = {"min": None, "max": -1, "months": _span_months(m)}
        return self.note("shrinking")

    def new_in_window(self, m: re.Match[str]) -> str:
        self.new_in_role(m)
        if m.group("joined"):
            return f" at {m.group('mid')} ; "
        return f" {m.group('role')} ; " if m.group("new") else " ; "

    def new_in_role(self, m: re.Match[str]) -> str:
        days = _days(m.group("n"), m.group("unit")) if m.group("n") else NEW_IN_ROLE_DAYS
        self.filters["job_change_within_days"] = min(days, 3650)
        return self.note("new_in_role")

    def adopted(self, m: re.Match[str]) -> str:
        names = m.re.groupindex
        tech = "".join(m.group(g) or "" for g in ("tech", "tech2", "tech3") if g in names).strip()
        tech = _whole_name(tech, m.string[m.end() :])
        if tech.lower() not in TECHNOLOGY_SPELLING and _MOVED.search(m.group(0)):
            return m.group(0)  # "who just moved to Austin": a move, not a technology
        self.filters.setdefault("technologies", [])
        for one in re.split(r"\s*(?:\bor\b|\band\b|/)\s*", tech):
            if _PRONOUN.match(one):
                continue  # "that adopted it recently": the technology already asked for
            one = technology_named(one) if one else one
            if one and one not in self.filters["technologies"]:
                self.filters["technologies"].append(one)
        n, unit = _window_of(m)
        days = _days(n, unit) if n and unit else JUST_ADOPTED_DAYS
        self.filters["technologies_added_within_days"] = min(days, 3650)
        return self.note("just_adopted")

    def added(self, m: re.Match[str]) -> str:
        tech = TECHNOLOGY_SPELLING.get(m.group("tech").lower())
        if tech is None or not (m.group("just") or m.group("n")):
            return m.group(0)  # "added to the list", "added Acme Corp": no technology
        return self.adopted(m)

    def hiring(self, m: re.Match[str]) -> str:
        what = re.sub(r"^any\s+", "", (m.group("what") or "").strip(), flags=re.I)
        what = re.sub(r"\s+jobs?$", "", what, flags=re.I)  # "HR job postings": HR
        hiring_for: dict[str, Any] = self.filters.setdefault("hiring_for", {})
        if _ROLE_NOUNS.search(what) and _ROLE_NOUNS.sub("", what).lower() in _DEPARTMENTS:
            what = _ROLE_NOUNS.sub("", what)  # "finance roles": the finance department
        if "dept2" in m.re.groupindex and m.group("dept2"):
            hiring_for.setdefault("departments", []).append(_DEPARTMENTS[m.group("dept2").lower()])
        key = what.lower()
        if not what or key in _ANYONE:
            pass
        elif key in _DEPARTMENTS:
            hiring_for.setdefault("departments", []).append(_DEPARTMENTS[key])
        else:
            # The vocabulary's spelling when it knows the title ("account executive" ->
            # "Account Executive"), so postings match however the user wrote it.
            title = _one_of(what, key)
            hiring_for.setdefault("titles", []).append(canonical_title(title) or _cased(title))
        if "what2" in m.re.groupindex and (second := m.group("what2")):
            key2 = second.lower()
            if key2 in _DEPARTMENTS:
                hiring_for.setdefault("departments", []).append(_DEPARTMENTS[key2])
            else:
                title2 = _one_of(second, key2)
                hiring_for.setdefault("titles", []).append(
                    canonical_title(title2) or _cased(title2)
                )
        if "hn" in m.re.groupindex and m.group("hn"):
            hiring_for["posted_within_days"] = min(_days(m.group("hn"), m.group("hu")), 3650)
        if not hiring_for:
            hiring_for["posted_within_days"] = 3650
        return self.note("hiring")


# In this order: a stage with its year before a bare year, amounts before "backed", growth
# before shrinking.
_RULES: tuple[tuple[re.Pattern[str], Callable[[_Reading, re.Match[str]], str]], ...] = (
    (_STAGE_WORDS, _Reading.stage),
    (_LAST_ROUND, _Reading.last_round),
    (_RAISED_YEAR, _Reading.year),
    (_RAISED_SINCE, _Reading.since),
    (_RECENT, _Reading.recent),
    (_AMOUNT_RANGE, _Reading.amount_range),
    (_PLUS_RAISED, _Reading.plus_raised),
    (_AMOUNT, _Reading.amount),
    (_AMOUNT_RAISED, _Reading.amount),
    (_AMOUNT_PLUS, _Reading.amount),
    (_BACKED, _Reading.backed),
    (_GROWING, _Reading.growing),
    (_HEADCOUNT, _Reading.headcount),
    (_GROWTH, _Reading.growth),
    (_DECLINE, _Reading.decline),
    (_SHRINKING, _Reading.shrinking),
    (_NEW_IN_ROLE, _Reading.new_in_role),
    (_IN_ROLE_FOR, _Reading.new_in_role),
    (_NEW_IN_WINDOW, _Reading.new_in_window),
    (_ADOPTED, _Reading.adopted),
    (_ADDED, _Reading.added),
    (_HIRING, _Reading.hiring),
    (_OPEN_ROLE, _Reading.hiring),
    (_OPEN_FOR, _Reading.hiring),
    (_LOOKING_TO_HIRE, _Reading.hiring),
    *((posted, _Reading.hiring) for posted in _POSTED),
)
# Each with its needle check (``prefilter``): a clause that has a signal word ("raised",
# "hiring") is still read by some thirty patterns, most of which need words it lacks.
_STEPS = tuple((prefilter.compile(p.pattern, p.flags), step) for p, step in _RULES)


# A change to the funding stages of a search: "remove series b", "make it seed instead of
# series a", "replace Series A with Series B", "include Series B", "only seed".
_ONE_STAGE = r"(?:pre[\s-]?seed|seed|series\s+[a-f]\b\+?)"
_STAGE_LIST = rf"{_ONE_STAGE}(?:\s*(?:,|or|and|/)\s*(?:{_ONE_STAGE}|[a-f]\b\+?))*"
_RESTAGE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "replace",
        re.compile(
            rf"(?P<new>{_STAGE_LIST})\s+(?:instead\s+of|rather\s+than|in\s+place\s+of|not)\s+"
            rf"(?P<old>{_STAGE_LIST})",
            _I,
        ),
    ),
    (
        "replace",
        re.compile(
            rf"\b(?:replace|swap|switch|change)\s+(?P<old>{_STAGE_LIST})\s+(?:with|for|to)\s+"
            rf"(?P<new>{_STAGE_LIST})",
            _I,
        ),
    ),
    (
        "remove",
        re.compile(
            rf"\b(?:remove|drop|no|without|exclude|excluding|minus|not|except|take\s+out|"
            rf"get\s+rid\s+of)\s+(?:the\s+)?(?P<old>{_STAGE_LIST})",
            _I,
        ),
    ),
    (
        "add",
        re.compile(
            rf"\b(?:include|including|add|also|plus)\s+(?P<new>{_STAGE_LIST})"
            rf"|(?P<new2>{_STAGE_LIST})\s+(?:too|as\s+well)\b",
            _I,
        ),
    ),
    (
        "only",
        re.compile(
            rf"\b(?:only|just|make\s+it|change\s+(?:it\s+)?to|switch\s+to|go\s+with)\s+"
            rf"(?P<new>{_STAGE_LIST})",
            _I,
        ),
    ),
)


def restaged(clause: str, old: list[str]) -> list[str] | None:
    """The funding stages of a search whose stages were ``old`` after ``clause`` changed them;
    None when the clause does not change them this way."""
    for how, pattern in _RESTAGE:
        m = pattern.search(clause)
        if not m:
            continue
        groups = m.groupdict()
        new = _stages(groups.get("new") or groups.get("new2") or "")
        gone = _stages(groups.get("old") or "")
        if how == "remove":
            return [s for s in old if s not in gone] if set(gone) & set(old) else None
        if how == "add":  # in the taxonomy's order, earliest first ("pre-seed too": pre_seed, seed)
            added = {*old, *new}
            return [s for s in FUNDING_STAGES if s in added] + [
                s for s in old if s not in FUNDING_STAGES
            ]
        kept = [s for s in old if s not in gone] if how == "replace" else []
        return [*kept, *(s for s in new if s not in kept)]
    return None
