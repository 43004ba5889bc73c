"""Criteria Lexi cannot filter on: recognised, blanked out and returned as codes.

"Series A fintech founders" must not become a keyword "Series A" that empties the result, nor
"raised a Series B in 2024" a limit of 2024. Each phrase here is named in the reply instead
(``phrases.UNSUPPORTED``) and the search runs on what can be filtered.
"""

from __future__ import annotations

import re

from . import prefilter

_AMOUNT = r"(?:\$\s?)?\d[\d,.]*\s?(?:k|m|mm|mn|b|bn|million|billion|thousand)?\+?"
# "40 facilities managers", "20 locations directors": a count of people with a title, no sites
_NO_ROLE_AFTER = (
    r"(?!\s+(?:managers?|mgrs?|directors?|dirs?|supervisors?|coordinators?|engineers?|leads?|"
    r"heads?|administrators?|admins?|technicians?|techs?|officers?|executives?|specialists?|"
    r"planners?|operators?|vps?|gms?|ceos?|cfos?|coos?|owners?|founders?|presidents?)\b)"
)
# Names of companies as typed: capitalised words, several joined by commas, "and", "or", "&".
_NAMES = (
    r"(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3}"
    r"(?:\s*(?:,|\band\b|\bor\b|&)\s*(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3})*"
)

# The languages people ask their prospects to speak ("French-speaking", "who speak Afrikaans").
_LANGUAGE_NAMES = (
    r"english|spanish|german|french|italian|portuguese|mandarin|chinese|cantonese|arabic|dutch|flemish|"
    r"japanese|korean|hindi|urdu|bengali|tamil|telugu|punjabi|gujarati|marathi|russian|ukrainian|polish|"
    r"czech|slovak|hungarian|romanian|bulgarian|croatian|serbian|greek|turkish|hebrew|persian|farsi|"
    r"swedish|danish|norwegian|finnish|icelandic|welsh|irish|gaelic|catalan|basque|bahasa(?:\s+(?:indonesia|"
    r"melayu|malaysia))?|malay|indonesian|thai|vietnamese|tagalog|filipino|swahili|afrikaans|zulu|xhosa|"
    r"sotho|tswana|shona|amharic|yoruba|igbo|hausa"
)

_RULES: list[tuple[str, str]] = [
    (
        "funding_amount",
        (
            rf"\b(?:that\s+|who\s+|which\s+)?(?:have\s+|has\s+)?raised\s+(?:more\s+than\s+|over\s+|at\s+least\s+"
            rf"|under\s+|less\s+than\s+)?{_AMOUNT}(?:\s+(?:in\s+)?(?:funding|total))?"
            rf"|\b(?:with\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+|under\s+|less\s+than\s+)?{_AMOUNT}\s+"
            rf"(?:in\s+)?(?:total\s+)?(?:funding|raised|venture\s+funding|vc\s+funding)\b"
        ),
    ),
    (
        "funding_date",
        (
            r"\b(?:that\s+|who\s+)?(?:have\s+|has\s+)?(?:recently\s+|just\s+)?raised\s+(?:money|funding|capital)"
            r"(?:\s+(?:in\s+)?(?:the\s+)?(?:last|past)\s+\w+\s+\w+)?"
        ),
    ),
    (
        "funding_stage",
        (
            r"\b(?:that\s+|who\s+|which\s+)?(?:have\s+|has\s+)?(?:recently\s+|just\s+)?raised\s+(?:a\s+|their\s+)?"
            r"(?:series\s+[a-f]|seed|pre[\s-]?seed)(?:\s+round)?(?:\s+in\s+(?:19|20)\d\d)?"
            r"|\bseries\s+[a-f](?:\s*\+|\s+(?:or|and|/)\s+(?:series\s+)?[a-f]\b(?:\s*\+)?)?"
            r"(?:[\s-]+(?:stage|size[d]?|funded|round))?(?:\s+only)?"
            r"|\b(?:pre[\s-]?seed|seed)[\s-](?:stage|funded|round)\b"
            r"|\b(?:vc|venture|yc|y\s+combinator)[\s-]backed\b|\bbootstrapped\b|\bpre[\s-]?ipo\b"
        ),
    ),
    (
        "aum",
        rf"\b(?:with\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?{_AMOUNT}\s*(?:in\s+)?(?:aum|assets\s+under\s+management)\b"
        rf"|\b(?:with\s+)?(?:an?\s+)?(?:aum|assets\s+under\s+management)\s+(?:of\s+|over\s+|above\s+|"
        rf"under\s+|below\s+|more\s+than\s+|less\s+than\s+|at\s+least\s+|>\s*|<\s*)?{_AMOUNT}",
    ),
    (
        # "banks with over $1B in assets": a balance sheet, not revenue
        "total_assets",
        rf"\b(?:with\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+|under\s+|less\s+than\s+)?{_AMOUNT}\s*"
        rf"(?:in\s+)?(?:total\s+)?assets\b(?!\s+under)"
        rf"|\b(?:with\s+)?(?:total\s+)?assets\s+(?:of\s+|over\s+|above\s+|under\s+|more\s+than\s+)?{_AMOUNT}",
    ),
    (
        "ownership_type",
        (
            r"\bfamily[\s-](?:owned|run)\b|\b(?:for|not[\s-]for)[\s-]profit\b|"
            r"\b(?:state|government|govt|employee|founder|privately|foreign|physician|doctor|clinician|"
            r"dentist|veteran|minority|women|woman|black|owner|family|pe|sponsor)[\s-]owned\b|"
            r"\bpsu\s+(?=banks?|compan|firms?|insurers?|enterprises?|undertakings?)|"
            r"\b(?:publicly[\s-]traded|publicly[\s-]listed|privately[\s-]held)\b|"
            r"\b(?:listed|public)(?=\s+(?:\w+\s+)?(?:compan|firm|business|"
            r"manufactur|corporation|saas|software|bank))|\bfamily\s+(?=business)|"
            # "leave out the private hospitals": a kind of the search's companies, left out whole
            r"\b(?:leave\s+out|leaving\s+out|exclude|excluding|skip|without|minus|drop|remove|not|no)\s+"
            r"(?:the\s+|any\s+)?(?:private|privately[\s-]run|public|state[\s-]run)\s+(?:hospitals?|clinics?|"
            r"hospital\s+groups?|schools?|universit(?:y|ies)|colleges?)\b|"
            # "private hospitals", "public or private clinics", "private companies"
            r"\b(?:(?:public|private|state|nhs)\s+(?:or|and|/|vs\.?)\s+)?(?:private|privately[\s-]run|public|state[\s-]run)"
            r"(?=\s+(?:hospitals?|clinics?|hospital\s+groups?|health\s*care\s+providers?|compan(?:y|ies)|firms?|"
            r"schools?|universit(?:y|ies)|colleges?)\b)|"
            # "iwi-owned", "woman-owned" (any owner said with a hyphen); "independent schools"
            # (not part of a chain or the state)
            r"\b[a-z]+-owned\b|\bindependent\s+(?!school\s+districts?\b)(?=(?:[\w-]+\s+)?(?:schools?|pharmac|hotels?|restaurants?|"
            r"stores?|shops?|retailers?|bookstores?|dealers(?:hips)?|garages?|grocers?|coffee))"
        ),
    ),
    (
        "company_list",
        (
            r"\b(?:fortune|global)\s+(?:500|1000|100)\b|\binc\.?\s*5000\b|\bftse\s*(?:100|250|350)\b|"
            # "Top 50 accountancy firms", "top 100 law firms": a ranking Lexi does not hold
            r"\btop\s+\d{2,3}\s+(?=(?:[\w-]+\s+){0,2}(?:firms|companies|practices|brands|banks|insurers|"
            r"retailers|employers|agencies|hospitals|universities|schools|manufacturers|producers|makers|"
            r"suppliers|distributors|groups|chains|players|vendors)\b)|"
            # "on the Deloitte Top 200 list", "the Gartner MQ leaders": a published list
            r"\b(?:deloitte|forbes|inc\.?|fortune|gartner|crain'?s)\s+top\s*\d{2,4}\b|\bgartner\s+mq\b|"
            r"\brussell\s+group\b|\bivy\s+league\b|"
            # stock indexes: "ASX 200 miners", "CAC 40 companies", "Russell 2000", "Nikkei 225"
            r"\b(?:asx\s*(?:20|50|100|200|300)|cac\s*40|sbf\s*120|m?dax(?:\s*(?:30|40))?|tec\s*dax|"
            r"nasdaq[\s-]*100|russell\s*(?:1000|2000|3000)|s\s*&\s*p\s*(?:400|600|midcap|smallcap)|"
            r"tsx\s*60|nikkei\s*225|hang\s+seng|sensex|nifty\s*(?:50|100|500)|ibex\s*35|aex|smi|"
            r"omxs?\s*30|euro\s*stoxx\s*50|stoxx\s*(?:50|600)|jse\s+top\s*40|forbes\s*(?:2000|global\s+2000)|"
            # published rankings: "Forbes Cloud 100", "Deloitte Fast 500", "Inc. 5000"
            r"forbes\s+(?:cloud|ai|fintech)\s*(?:50|100)|(?:deloitte\s+)?(?:technology\s+)?fast\s*(?:50|500)|"
            r"cb\s+insights\s+\w+\s*(?:50|100)|gartner\s+magic\s+quadrant)\b|"
            r"\bs\s*&\s*p\s*500\b|\bdax\s*40\b|\bam\s*law\s*(?:100|200)\b|\bnlj\s*(?:250|500)\b|"
            r"\bglobal\s+200\b|"
            r"\b(?:at\s+)?(?:the\s+)?(?:\d+\s+)?(?:companies|accounts|facilities|firms|hospitals|orgs)?\s*(?:on|in|from)\s+"
            r"(?:my|our|the)\s+(?:[\w-]+\s+){0,4}(?:sheet|spreadsheet|list\s+of\s+accounts|account\s+list|"
            r"target\s+list|csv|excel|crm)\b"
        ),
    ),
    (
        "exclude_companies",
        r"\b(?:but\s+)?(?:no|not\s+the|excluding(?:\s+the)?)\s+big\s*(?:four|4)\b|"
        # "exclude anyone at Salesforce, Oracle", "not at Salesforce": named employers left out
        r"\b(?:exclude|excluding|except(?:\s+for)?|leave\s+out|leaving\s+out|but\s+not|not|no\s+one|nobody|"
        r"skip|skipping|minus|without|drop)\s+"
        r"(?:anyone|anybody|people|folks|those|employees|the\s+ones)?\s*(?:who\s+works?\s+|working\s+)?(?:at|from)\s+"
        r"(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}"
        r"(?:\s*(?:,|\band\b|\bor\b|&)\s*(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})*|"
        # "exclude our portcos Keystone IT and Lakeshore Tech Partners", "skip our clients":
        # the user's own companies left out, named or not
        # ("suppress existing customers": said as marketing ops say it)
        r"\b(?:exclude|excluding|except|skip|skipping|leave\s+out|leaving\s+out|minus|without|drop|"
        r"remove|not|no|suppress|suppressing)\s+(?:any\s+of\s+|all\s+)?(?:(?:our|my)\s+(?:existing\s+|current\s+|own\s+)?|"
        r"(?:existing|current)\s+)"
        r"(?:portcos|portfolio\s+compan(?:y|ies)|clients|customers|accounts|competitors)\b"
        r"(?:\s*[:(,]?\s*(?:like\s+|such\s+as\s+|i\.?e\.?\s+|e\.?g\.?\s+)?" + _NAMES + r")?|"
        # "skip Anglo and Sibanye they're already customers", "skip Cegeka and NRB pls, they are
        # already our clients": companies named, and said to be the user's
        r"\b(?:exclude|excluding|except|skip|skipping|leave\s+out|minus|drop|remove|not|no)\s+"
        + _NAMES
        + r"(?:\s+(?:pls|please|too|as\s+well))?\s*[,;:\u2014\u2013-]?\s*(?:as\s+|since\s+|because\s+|cuz\s+)?"
        r"(?:they(?:'re|\s+are)|both\s+are|those\s+are|these\s+are|(?:that|which)\s+are)\s+"
        r"(?:already\s+|all\s+|both\s+)*(?:our\s+|my\s+|existing\s+|current\s+)*"
        r"(?:customers|clients|portcos|portfolio\s+companies|competitors|accounts)\b|"
        # "skip exxon, chevron and conoco (already clients)": names in any case, said to be ours
        r"\b(?:skip|exclude|excluding|except|leave\s+out|minus|drop|remove|not|no)\s+"
        r"[\w&.'-]+(?:\s+[\w&.'-]+)?(?:\s*(?:,|\band\b|\bor\b|&)\s*[\w&.'-]+(?:\s+[\w&.'-]+)?){0,6}\s*"
        r"\(\s*(?:they(?:'re|\s+are)\s+)?(?:already\s+|existing\s+|current\s+)*(?:our\s+|my\s+)?"
        r"(?:clients|customers|portcos|accounts|partners)\s*\)",
    ),
    (
        # "(CFO OR Controller) AND NOT interim", 'CISO NOT "Physical Security"': words of a title
        # to leave out, which no filter expresses
        "exclude_titles",
        r"\b(?:but\s+)?no\s+(?:[\w-]+\s+){0,2}?(?:assistants?|interns?|coordinators?|juniors?)"
        r"(?:\s+or\s+(?:[\w-]+\s+)?(?:assistants?|interns?|coordinators?|juniors?))?(?:\s+in\s+the\s+(?:results|list))?\b|"
        r"\b(?:but\s+not|and\s+not|not)\s+(?:interim|acting|deputy|assistants?|junior|interns?|"
        r"coordinators?|contractors?|freelancers?|physical\s+security)\b|"
        # "exclude anyone with interim in the title", "no one with 'assistant' in their title"
        r"\b(?:exclude|excluding|skip|drop|remove|no|not|without|leave\s+out)\s+(?:anyone|anybody|people|"
        r"those|the\s+ones|one|titles?)\s+(?:with|that\s+(?:have|has)|having|containing)\s+\S+(?:\s+\S+)?\s+"
        r"in\s+(?:the(?:ir)?|his|her)\s+(?:job\s+)?titles?\b",
    ),
    ("bed_count", r"\b\d[\d,]*\+?\s+(?:staffed\s+|licensed\s+|inpatient\s+|acute\s+)?beds?\b"),
    (
        "location_count",
        (
            r"\b(?:with\s+|that\s+(?:have|operate|run|own)\s+|having\s+|running\s+|operating\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?"
            r"\d+\+?(?:\s+or\s+more)?\s+(?:(?:office|retail|physical|store|branch|clinic|practice|restaurant|production|"
            r"manufacturing|distribution|operating)\s+)?(?:locations|dcs|distribution\s+centers|hotels|properties|venues|gyms|schools|pharmacies|vestigingen|filialen|standorte|locaties|sedi|sucursales|stores|branches|outlets|restaurants|sites|clinics|offices|rooftops|dealerships|franchises|units|campuses|facilities|warehouses|plants)\b"
            rf"{_NO_ROLE_AFTER}"
            # "clinics with more than one location", "multi-location practices"
            r"|\b(?:with\s+|that\s+have\s+|having\s+)?(?:more\s+than\s+one|multiple|several|many)\s+"
            r"(?:locations?|sites?|branch(?:es)?|offices?|clinics?|stores?|outlets?)\b|\bmulti[\s-](?:location|site|unit)\b"
            # "with offices in 10+ countries", "present in 20 countries", "3+ plants"
            r"|\b(?:with\s+|that\s+have\s+|having\s+|which\s+(?:has|have)\s+)?(?:offices|operations|presence|employees|teams)\s+in\s+"
            r"(?:more\s+than\s+|over\s+|at\s+least\s+)?\d+\+?\s+(?:countries|country|states|cities|markets)\b"
            # "somewhere between 20 and 50 locations", "5-10 stores"
            r"|\b(?:with\s+|that\s+have\s+|having\s+|running\s+|operating\s+)?(?:somewhere\s+)?(?:between\s+)?"
            r"\d+\s*(?:-|to|and)\s*\d+\s+(?:locations|stores|branches|outlets|restaurants|sites|clinics|"
            r"offices|rooftops|dealerships|franchises|units|campuses|facilities|warehouses|plants)\b"
            r"|\b(?:with\s+|that\s+have\s+|having\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?\d+\+?"
            r"(?:\s+or\s+more)?\s+(?:plants|factories|facilities|warehouses|campuses|hospitals|schools)\b"
            rf"{_NO_ROLE_AFTER}"
        ),
    ),
    (
        # "hotels with over 300 rooms", "properties with 150+ keys"
        "room_count",
        r"\b(?:with\s+|that\s+have\s+|having\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+|under\s+|fewer\s+than\s+)?"
        r"\d[\d,]*\+?(?:\s+or\s+more)?\s+(?:hotel\s+|guest\s+)?(?:rooms|keys|suites)\b",
    ),
    (
        "fleet_size",
        (
            r"\b(?:with\s+|that\s+have\s+|having\s+|running\s+|operating\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?"
            r"\d[\d,]*\+?(?:\s+or\s+more)?\s+(?:(?:reefer|refrigerated|semi|box|delivery|service|"
            r"company|heavy|commercial|pool|fleet)\s+)?(?:trucks|tractors|trailers|vehicles|vans|cars|rigs|power\s+units|"
            r"lorries|forklifts|buses|coaches|aircraft|planes|vessels|ships|boats|railcars|locomotives)\b"
            r"|\b(?:running|operating|with|having)\s+(?:a\s+)?fleet\s+of\s+(?:more\s+than\s+|over\s+|at\s+least\s+)?"
            r"\d[\d,]*\+?(?:\s+or\s+more)?(?:\s+[a-z]+)?"
        ),
    ),
    (
        # "school districts with more than 20,000 students", "colleges with 10k+ students"
        "enrollment",
        (
            r"\b(?:with\s+|that\s+have\s+|having\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+|under\s+|"
            r"fewer\s+than\s+|less\s+than\s+)?\d[\d,.]*\s?k?\+?(?:\s+or\s+more)?\s+"
            r"(?:(?:enrolled|full[\s-]time)\s+)?(?:students|pupils|learners)\b"
            r"|\b(?:with\s+)?(?:an\s+)?enrol(?:l)?ment\s+(?:of\s+|over\s+|above\s+|under\s+)?\d[\d,.]*\s?k?\+?"
        ),
    ),
    (
        # "law firms with 100+ attorneys", "agencies that have more than 50 nurses": how many
        # of one occupation a company employs (the employee count is a filter; this is not)
        "role_headcount",
        (
            r"\b(?:with|w/?|(?:that|which|who)\s+(?:have|has|employs?)|having|employing)\s+(?:more\s+than\s+|"
            r"over\s+|at\s+least\s+|"
            r"under\s+|fewer\s+than\s+|less\s+than\s+)?(?:\d[\d,]*\s*(?:-|to|\u2013)\s*)?\d[\d,]*\s?k?\+?(?:\s+or\s+more)?\s+"
            r"(?:attorneys|lawyers|solicitors|nurses|physicians|doctors|dentists|engineers|developers|"
            r"drivers|agents|accountants|cpas|consultants|teachers|technicians|sales\s+reps|reps|"
            r"salespeople|recruiters|providers|pilots|beds?\s+nurses|dvms|vets|veterinarians|"
            r"hygienists|pharmacists|therapists|advisors|advisers|brokers|partners)\b(?:\s+on\s+staff)?"
            r"|\bwhere\s+the\s+(?:[\w-]+\s+)?(?:team|department)\s+(?:is|has)\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?"
            r"\d[\d,]*\+?\s+(?:people|staff|members|employees|fte)\b"
            r"|\b(?:with|having|that\s+have|that\s+has|and)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:teams?|departments?|staff)\s+(?:of\s+)?"
            r"(?:(?:bigger|larger|more)\s+than\s+|over\s+|at\s+least\s+)?\d[\d,]*\+?"
            r"(?:\s+(?!(?:and|or|in|at|with|who|that)\b)\w+)?(?:\s+or\s+more)?"
            r"|\b(?:w/?|with|having|that\s+have)?\s*\d[\d,]*\+?\s+(?:[A-Za-z]+\s+)?(?:engineers|developers|nurses|"
            r"lawyers|attorneys|doctors|physicians|reps|salespeople|agents|drivers|teachers|accountants)\s+"
            r"(?:on\s+(?:the\s+)?(?:team|staff|payroll)|in\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:team|department))\b"
        ),
    ),
    (
        # "companies on AWS that spend over $1M a year on cloud", "$500k+ cloud spend"
        "technology_spend",
        (
            r"\b(?:that\s+|who\s+|which\s+)?(?:spends?|spending)\s+(?:more\s+than\s+|over\s+|at\s+least\s+|"
            rf"under\s+|less\s+than\s+)?{_AMOUNT}(?:\s+(?:a|per|each)\s+(?:year|month|yr|mo))?\s+on\s+"
            r"(?:(?!\b(?:in|at|with|and|that|who|based)\b)[\w/&-]+\s*){1,3}"
            rf"|\b{_AMOUNT}\s+(?:(?:annual|yearly|monthly)\s+)?(?:cloud|it|software|tech|technology|saas|"
            r"marketing|ad|media)\s+spend\b"
            r"|\b(?:cloud|it|software|tech|technology|saas|marketing|ad|media)\s+spend\s+(?:of\s+|over\s+|"
            rf"above\s+|under\s+|more\s+than\s+)?{_AMOUNT}"
        ),
    ),
    (
        "podcast",
        r"\b(?:who|that)\s+(?:have|has|host|hosts|run|runs)\s+(?:their\s+own\s+|a\s+|an\s+)?podcasts?\b"
        r"|\bwith\s+(?:their\s+own\s+|a\s+)podcasts?\b|\bpodcast(?:ers|\s+hosts)\b"
        # "who were a guest on an HR podcast", "who've been guests on data podcasts"
        r"|\b(?:who|that)\s+(?:were|was|have\s+been|'ve\s+been|has\s+been|are|appeared)\s+(?:an?\s+)?"
        r"(?:guests?\s+)?(?:on|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}podcasts?\b",
    ),
    (
        "founded_year",
        (
            r"\b(?:that\s+were\s+|which\s+were\s+)?(?:founded|started|established|incorporated)\s+"
            r"(?:in|after|before|since|between)\s+(?:19|20)\d\d(?:\s+(?:and|-|to)\s+(?:19|20)\d\d)?\b"
            # "founded 2020 or later", "founded >= 2018", "founded pre-2010"
            r"|\b(?:founded|established|incorporated)\s*(?:(?:in|>=?|<=?|pre-?|post-?|after|before)\s*)?"
            r"(?:19|20)\d\d(?:\s+(?:or|and)\s+(?:later|after|newer|earlier|before|older|up|on))?\b"
            r"|\b(?:that\s+were\s+|which\s+were\s+)?(?:founded|started|established)\s+(?:in\s+)?(?:the\s+)?"
            r"(?:last|past)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b"
            r"|\b(?:that\s+|which\s+|who\s+)?(?:have|has)\s+been\s+(?:around|in\s+business|operating|trading)\s+"
            r"(?:for\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?\d+\+?\s*(?:years?|yrs?)\b(?:\s+or\s+more)?"
        ),
    ),
    (
        "intent_data",
        (
            r"\b(?:showing|with)\s+(?:(?:buying|purchase|purchasing)\s+)?intent(?:\s+(?:for|on|in)\s+[^,;.]+)?"
            r"|\b(?:that\s+|who\s+|which\s+)?(?:are\s+)?in[\s-]market\s+for\s+[^,;.]+"
            r"|\b(?:that\s+|who\s+|which\s+)?(?:are\s+)?(?:actively\s+)?(?:researching|evaluating|shopping\s+for|"
            r"in\s+the\s+market\s+for|looking\s+(?:for|at)|considering)\s+(?:new\s+)?"
            # "looking for CMOs at health systems" is the user looking for people
            r"(?:(?!\b(?:at|in|from|with|of)\b)[\w\s-]){0,40}?"
            r"(?:solutions?|tools?|software|platforms?|vendors?|products?|systems?|apps?|services)\b"
            r"|\b(?:that\s+|who\s+)?visited\s+(?:our|my)\s+[^,;.]+"
            # "that are researching zero trust", "companies actively shopping for a dev agency":
            # what a company is researching or buying, whatever it is, up to the next criterion.
            r"|\b(?:(?:that|who|which)\s+(?:are\s+|is\s+)?|(?:(?<=companies\s)|(?<=cos\s)|(?<=ones\s)|(?<=firms\s)|"
            r"(?<=orgs\s)|(?<=accounts\s)|(?<=vendors\s))(?:are\s+|is\s+)?)"
            r"(?:actively\s+|currently\s+|now\s+)?(?:researching|evaluating|shopping\s+(?:around\s+)?for|"
            r"in\s+the\s+market\s+for|comparing)\s+"
            r"(?:(?!\b(?:in|at|with|based|that|who|which|and|but|headquartered)\b)[\w'/&-]+\s*){1,5}"
            # a company's pains and plans: "who are struggling with production scheduling",
            # "likely looking to automate document review", "looking to consolidate travel spend"
            r"|\b(?:(?:that|who|which)\s+)?(?:are\s+|is\s+)?(?:likely\s+|probably\s+|actively\s+|"
            r"currently\s+|clearly\s+)?(?:struggling\s+with|frustrated\s+with|unhappy\s+with|"
            r"having\s+(?:trouble|issues|problems)\s+with|in\s+need\s+of|"
            r"(?:looking|planning|trying|needing|wanting)\s+to\s+(?:automate|consolidate|replace|switch|"
            r"upgrade|moderni[sz]e|improve|reduce|cut|outsource|streamline|migrate|buy|fix|solve))\b"
            r"[^,;.]*?(?=\s+and\s+(?:are|is|still|currently|have|has|who|that|use|uses|run|runs|"
            r"running)\b|[,;.!?]|$)"
        ),
    ),
    (
        "hiring_signals",
        (
            r"\b(?:that\s+|who\s+|which\s+)?(?:are\s+|is\s+)(?:currently\s+|actively\s+)?hiring\b[^,;.]*"
            r"|\b(?:that\s+|which\s+)(?:currently\s+|actively\s+)?hiring\b[^,;.]*"
        ),
    ),
    (
        "job_change",
        (
            r"\b(?:who\s+)?(?:started|joined|changed)\s+(?:their|a|the)?\s*(?:new\s+)?(?:jobs?|roles?|positions?)"
            r"(?:\s+(?:in\s+)?(?:the\s+)?(?:last|past)\s+\d+\s+\w+)?"
            r"|\bwith\s+a\s+(?:recently|newly)\s+(?:hired|appointed)\s+\w+"
            r"|\b(?:recently|newly)\s+(?:promoted|hired|appointed)\b"
        ),
    ),
    (
        "headcount_growth",
        r"\(?\s*headcount\s+(?:up|grew|growing|growth)[^)]*\)?|\bfast[\s-]growing\b|\brapidly\s+growing\b",
    ),
    (
        "revenue_growth",
        r"\bgrowing\s+revenue\s+\d+\s*%[^,;.]*|\brevenue\s+growth\s+of\s+\d+\s*%[^,;.]*|"
        r"\b(?:whose\s+|with\s+|which\s+|where\s+)?(?:revenues?|turnover|sales)\s+(?:grew|growing|grows|is\s+growing|increased|up|has\s+grown)\s+"
        r"(?:by\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+)?\d+\s*%\+?[^,;.]*|"
        r"\b(?:whose\s+|with\s+|which\s+)?(?:revenues?|turnover)\s+(?:doubled|tripled|grew\s+fast|is\s+growing\s+fast)\b[^,;.]*",
    ),
    (
        "years_of_experience",
        r"\b(?:(?:that|who)\s+(?:have|has)\s+)?(?:with\s+)?(?:at\s+least\s+|over\s+|more\s+than\s+|between\s+)?"
        # "3 to 5 years of experience", "3-5 yrs exp": a range of years too
        r"(?:\d+\s*(?:-|\u2013|to|and)\s*)?\d+\+?\s*"
        r"(?:years?|yrs?)'?\s+(?:of\s+)?(?:experience|exp)\b|"
        # "chiropractors who've been practicing 10+ years", "in practice for over 20 years"
        r"\b(?:who(?:'ve|\s+have|\s+has)\s+been\s+|been\s+)?(?:practi[cs]ing|in\s+practice|in\s+business|licensed|"
        r"in\s+the\s+(?:industry|business|field|trade))\s+(?:for\s+)?(?:at\s+least\s+|over\s+|more\s+than\s+)?"
        r"\d+\+?\s*(?:years?|yrs?)\b(?:\s+or\s+more)?",
    ),
    (
        "tenure",
        (
            r"\b(?:who(?:'ve|\s+have)?\s+)?been\s+in\s+(?:their|the)\s+(?:current\s+)?(?:role|job|position|seat)\s+"
            r"(?:for\s+)?(?:at\s+least|less|more|under|over)\s+(?:than\s+)?(?:a|an|\d+|two|three|four|five|six|seven|"
            r"eight|nine|ten|fifteen|twenty)\s+(?:years?|months?)"
            # "who have held the role for 10+ years", "held their seat for over five years"
            r"|\b(?:held|had|kept)\s+(?:the|their|that|this|his|her)\s+(?:current\s+)?(?:role|job|position|seat|title|post)\s+"
            r"for\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|"
            r"twenty)\s*\+?\s*(?:years?|yrs?)\b"
            # "at least 5 years in their current job": the years said first
            r"|\b(?:at\s+least\s+|over\s+|more\s+than\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
            r"\s*\+?\s*(?:years?|yrs?)\s+in\s+(?:the\s+|their\s+)?(?:current\s+|same\s+)?(?:role|job|position|seat|post)\b"
            # "in role 5+ yrs", "3+ years in the seat": years in the job, not a recent change
            r"|\bin\s+(?:the\s+|their\s+)?(?:current\s+|same\s+)?(?:role|job|position|seat|post)\s+(?:for\s+|since\s+)?"
            r"(?:at\s+least\s+|over\s+|more\s+than\s+)?\d+\s*\+?\s*(?:years?|yrs?)\b(?:\s+or\s+more)?"
            # "in their role longer than 3 years", "in role more then 2 years"
            r"|\bin\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:current\s+)?(?:role|job|position|seat|post)\s+"
            r"(?:for\s+)?(?:longer|more|less|shorter|fewer)\s+th[ae]n\s+(?:a|an|one|two|three|\d+)\s*(?:years?|yrs?|months?)\b"
            # "who've been there 5+ yrs"
            r"|\b(?:who(?:'ve|\s+have)?\s+)?been\s+(?:there|at\s+(?:the|their)\s+(?:company|practice|firm))\s+(?:for\s+)?"
            r"(?:at\s+least\s+|over\s+|more\s+than\s+)?\d+\s*\+?\s*(?:years?|yrs?)\b"
            r"|\b(?:at\s+least\s+|over\s+|more\s+than\s+)?\d+\s*\+?\s*(?:years?|yrs?)\s+in\s+"
            r"(?:the\s+|their\s+)?(?:current\s+)?(?:role|job|position|seat|post)\b"
        ),
    ),
    (
        "education",
        r"\b(?:who\s+)?(?:went\s+to|went\s+through|graduated\s+from|studied\s+at|qualified\s+(?:at|from)|trained\s+at|alumni\s+of)\s+(?:(?-i:[A-Z])[\w&.-]*(?:\s+(?:(?:of|de|for|the|and)\s+)?(?-i:[A-Z])[\w&.-]*)*(?:\s*(?:,|\bor\b|/)\s*(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*)*|(?:a\s+|an\s+|the\s+)?[\w&.-]+(?:\s+(?!(?:at|in|with|from|and|who|that|for|or)\b)[\w&.-]+){0,2})|"
        # (not "harbour masters", "scrum masters", "quiz masters": roles)
        r"\b(?:with\s+)?(?:an?\s+)?(?:mba|ph\.?d\.?|doctorate|(?<!harbour\s)(?<!harbor\s)(?<!scrum\s)(?<!quiz\s)"
        r"(?<!post\s)(?<!yard\s)(?<!dock\s)(?<!station\s)(?<!ring\s)(?<!head\s)(?<!toast\s)"
        r"master'?s(?:\s+degree)?|bachelor'?s(?:\s+degree)?)\b"
        r"(?:\s+(?:from|at)\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*)?|"
        r"\b(?:who\s+are\s+)?(?-i:[A-Z])[\w&.-]*\s+(?:alumni|grads|graduates)\b",
    ),
    (
        "languages",
        # "bilingual spanish speaking nurse managers": both said together
        rf"\b(?:bilingual\s+)?(?:{_LANGUAGE_NAMES}|bilingual)[\s-]speaking\b|"
        # "bilingual English/French account managers", "bilingual (Spanish)"
        rf"\bbilingual\b(?:\s+\(?(?:in\s+)?(?:{_LANGUAGE_NAMES})(?:\s*(?:/|and|&|-|\+)\s*(?:{_LANGUAGE_NAMES}))?\)?)?|"
        rf"\b(?:ideally\s+|only\s+|preferably\s+)?(?:{_LANGUAGE_NAMES})\s+speakers?\b|"
        r"\b(?:(?:who|that|they|he|she)\s+(?:also\s+)?(?:(?:must|should|need\s+to|have\s+to|has\s+to|can)\s+)?"
        r"speaks?\s+|fluent\s+in\s+|speaking\s+)(?:(?:fluent|decent|good|basic|native|business)\s+)?"
        rf"(?:{_LANGUAGE_NAMES})\b",
    ),
    (
        "phone",
        r"\b(?:with\s+)?(?:direct\s+dials?|mobile\s+(?:phone\s+)?numbers?|cell(?:\s+phone)?\s+(?:numbers?|#s?)|"
        r"phone\s+(?:numbers?|#s?)|hand\s?phone(?:\s+numbers?)?)(?:\b|(?<=#)|(?<=#s))",
    ),
    (
        "past_employer",
        # "ex-Deloitte controllers", "former McKinsey consultants" (not "ex-CFOs": a past role)
        r"\b(?:ex-|ex\s+|former\s+)(?!(?:C[A-Z]{1,3}Os?|[SE]?VPs?|GCs?|MDs?|Heads?|Directors?|"
        r"Managers?|Presidents?|Founders?|Partners?|Chiefs?|Vice)\b)(?-i:[A-Z])[\w&.]*"
        # "ex-Standard Bank people": the employer's whole name (not "ex-Big Four FDs": a role)
        r"(?:\s+(?!(?:C[A-Z]{1,3}Os?|FDs?|[SE]?VPs?|GCs?|MDs?|Heads?|Directors?|Managers?|Partners?|"
        r"Founders?|Owners?|Presidents?|SREs?|AEs?|SDRs?|BDRs?|CSMs?|PMs?|EMs?|SWEs?|Engineers?|"
        r"Developers?|Designers?|Consultants?|Analysts?|Accountants?|Controllers?|Recruiters?|"
        r"Lawyers?|Attorneys?|Associates?|Sales|Marketing|Product|Engineering)\b)(?-i:[A-Z])[\w&.]*)*\b|"
        # "ex big four", "former faang": a kind of past employer, in any case
        r"\b(?:ex-|ex\s+|former\s+)(?:big\s*(?:four|4|three|3)|faang|mbb|big\s+tech)\b|"
        # "only ones who came from one of the big 4 firms before"
        r"\b(?:who\s+)?(?:came|come|coming|moved)\s+(?:over\s+)?from\s+(?:one\s+of\s+)?(?:the\s+)?"
        r"(?:big\s*(?:four|4|three|3)|faang|mbb|big\s+tech)\b(?:\s+(?:firms?|consultanc(?:y|ies)|"
        r"accounting\s+firms?))?(?:\s+(?:before|previously|earlier))?|"
        r"\b(?:who\s+|which\s+)?(?:used\s+to\s+(?:work|be)|previously\s+worked|formerly\s+worked|worked\s+previously|"
        r"(?:were|was)\s+previously\s+working|previously\s+working|worked\s+(?:before|previously|earlier)|"
        r"(?:were|was)\s+(?:previously|formerly)|previously|formerly)\s+(?:at|for)\s+(?:(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*"
        r"(?:\s*(?:,|\bor\b|\band\b|/|&)\s*(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*)*|(?:a\s+|an\s+|the\s+)?[\w&.-]+(?:\s+(?!(?:at|in|with|from|and|who|that|for|or)\b)[\w&.-]+){0,2})|"
        # "who worked before in Marriott": the employer after "in"
        r"\b(?:who\s+|that\s+)?worked\s+(?:before|previously|earlier)\s+in\s+(?-i:[A-Z])[\w&.-]*"
        r"(?:\s+(?-i:[A-Z])[\w&.-]*)*|"
        # "the ones who worked at Stripe before", "who work at Stripe before" (the tense unsaid)
        r"\b(?:who|that|which)\s+(?:have\s+|has\s+)?(?:worked|work)\s+(?:at|for)\s+"
        r"(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*(?:\s*(?:,|\bor\b|\band\b|/|&)\s*(?-i:[A-Z])[\w&.-]*)*"
        r"\s+(?:before|previously|in\s+the\s+past|earlier)\b",
    ),
    (
        "work_model",
        r"\b(?:remote[\s-]first|fully[\s-]remote|remote[\s-]only|hybrid[\s-]first|hybrid[\s-]working|"
        r"remote[\s-]working|office[\s-]first)\b|"
        r"\bwork(?:ing)?\s+(?:remotely|from\s+home)\b|"
        # "SDR | SaaS | Remote", "remote roles": the word alone at the end of a part
        r"\b(?:remote|hybrid|on[\s-]?site)(?=\s*(?:$|[|,;.)/])|\s+(?:only|roles?|positions?|"
        r"jobs?|workers?|employees|teams?|staff)\b)|"
        # "remote SDRs", "on-site IT managers": the work model before the role
        r"\b(?:fully\s+)?(?:remote|hybrid|on[\s-]site|onsite)\b(?!\s+(?:monitoring|sensing|patient|"
        r"access|desktop|cloud|vehicle|car|work\s+(?:software|tools?)|first|only))(?=\s+[A-Za-z])",
    ),
    (
        "news_events",
        r"\b(?:that\s+)?(?:recently\s+)?(?:got|were|was|have\s+been)\s+(?:acquired|bought(?:\s+out)?)\b[^,;.]*|"
        r"\b(?:that\s+|which\s+)?(?:just|recently)\s+(?:opened|launched|announced|built)\s+(?:a\s+|an\s+|their\s+)?"
        r"(?:new\s+)?[\w\s-]{1,40}?(?=\s+(?:in|at)\s|[,;.!?]|$)|\b(?:that\s+)?had\s+layoffs\b[^,;.]*"
        # "that just won a DoD contract", "that recently got a state grant": an award in the news
        r"|\b(?:that\s+|which\s+)?(?:just|recently)\s+(?:won|got|received|landed|(?:were|was)\s+awarded)\s+"
        r"(?:a\s+|an\s+|their\s+)?(?:new\s+|big\s+|major\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:contracts?|awards?|grants?|tenders?|bids?)\b"
        # "biotechs that announced positive Ph II data this quarter": trial read-outs in the news
        r"|\b(?:that\s+|which\s+|who\s+)?(?:recently\s+|just\s+)?(?:announced|reported|released|published|read\s+out)\s+"
        r"(?:(?:positive|negative|topline|top-line|new|their|its)\s+)*(?:ph(?:ase)?\.?\s*(?:i{1,3}|[123])[ab]?\s+)?"
        r"(?:trial\s+)?(?:data|results|read-?outs?)\b(?:\s+(?:this|last)\s+(?:quarter|month|year|week))?"
        # "councils that have had a ransomware attack in the news this year"
        r"|\b(?:that\s+|which\s+|who\s+)?(?:have\s+|has\s+)?(?:recently\s+)?(?:had|suffered|experienced|"
        r"reported|been\s+hit\s+by)\s+(?:a\s+|an\s+)?(?:recent\s+|major\s+)?(?:ransomware(?:\s+attacks?)?|"
        r"cyber\s*-?attacks?|data\s+breach(?:es)?|breach(?:es)?|hacks?|security\s+incidents?)\b[^,;.]*"
        r"|\b(?:that\s+|which\s+)?(?:were|was|have\s+been|has\s+been|are|is|been)\s+in\s+the\s+news\b[^,;.]*"
        # "that announced a new plant this year", "opening a new facility"
        # "that have just merged or been acquired"
        r"|\b(?:that\s+|which\s+)?(?:have\s+|has\s+)?(?:just|recently)\s+(?:merged|been\s+acquired|been\s+bought)"
        r"(?:\s+or\s+(?:been\s+)?(?:acquired|merged|bought))?\b"
        # "that announced a merger or acquisition this year", "announced moving their hq"
        r"|\b(?:that\s+|which\s+|who\s+)?(?:recently\s+|just\s+)?(?:announced|did|completed|closed|made)\s+"
        r"(?:a\s+|an\s+)?(?:merger|acquisition|m\s*&\s*a|ipo|layoffs?|restructuring|reorg(?:ani[sz]ation)?|rebrand|relocation|"
        r"partnership|moving\s+(?:their|its)\s+(?:hq|headquarters|offices?))\b[^,;.]*"
        r"|\b(?:that\s+|which\s+)?(?:were|was|have\s+been|has\s+been)\s+in\s+the\s+news\s+recently\b[^,;.]*"
        # "districts that had a lockdown in the news this year", "the ones recently in the news"
        r"|\b(?:that\s+|which\s+)?(?:had|have\s+had|has\s+had)\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}?in\s+the\s+news\b[^,;.]*"
        r"|\b(?:recently\s+|lately\s+)?in\s+the\s+news(?:\s+(?:recently|lately|this\s+(?:year|month|week|quarter)))?\b"
        r"|\b(?:that\s+|which\s+|who\s+)?(?:recently\s+|just\s+)?(?:announced|opened|are\s+opening|is\s+opening|"
        r"opening|broke\s+ground\s+on|are\s+building|is\s+building)\s+(?:a\s+|an\s+)?(?:new\s+)?"
        r"(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|sites?|offices?|locations?|expansions?|headquarters|warehouses?)\b[^,;.]*",
    ),
    (
        "social_activity",
        r"\b(?:who\s+)?(?:post|posts|posted|are\s+active|is\s+active|tweet|tweets|write|writes|blog|blogs)\s+"
        r"(?:(?:a\s+lot|often|regularly|frequently|daily|a\s+bunch)\s+)?"
        # "who post about platform engineering on LinkedIn"
        r"(?:(?:about|on)\s+(?:[\w&/-]+\s+){1,4}?)?on\s+(?:linkedin|twitter|x)\b[^,;.]*",
    ),
]
_COMPILED = [(code, prefilter.compile(pattern, re.IGNORECASE)) for code, pattern in _RULES]
# Words without which no rule above can match: a message with none of them skips the
# rules. Substrings of the lower-cased text ("evaluat" covers evaluating and evaluation).
_HINTS = tuple(
    """
    series seed raised funding backed bootstrap ipo aum assets public listed private family
    fortune inc ftse s&p dax asx cac sbf nasdaq russell tsx nikkei hang sensex nifty ibex aex smi
    omx stoxx jse forbes big bed locations stores branch outlets restaurants sites clinics
    offices intent research evaluat shopping market looking consider visited hiring started
    joined changed recently newly headcount growing growth experience exp yrs been went
    graduated studied alumni speak fluent dial mobile cell phone used previously formerly remote
    hybrid site acquired layoffs linkedin mba phd ph.d doctorate master bachelor grads graduates
    grew increased revenue exclud except leav not aren't isn't nobody truck tractor trailer vehicle vans rigs
    units founded established incorporated ex- former amlaw am law nlj global countries plants
    factories facilities warehouses campuses struggl frustrat unhappy trouble issues
    problems planning trying wanting turnover qualified trained won awarded contract grant tender student pupil learner enrol attorney lawyer solicitor
    nurse physician doctor dentist engineer developer driver agent accountant cpa consultant
    teacher technician reps salespeople recruiter provider pilot spend podcast assets rooms
    keys suites news breach ransomware attack hack incident role seat bahasa malay thai
    vietnamese hebrew turkish swahili tagalog cantonese urdu bengali tamil telugu profit owned skip minus drop remove without customers clients portcos
    announced opened opening building since rooftops dealerships franchises speakers
    hybrid-working hybrid lorries forklifts fleet around bought doubled tripled working sheet
    spreadsheet team staff tweet worked skip minus without drop title merger acquisition announc
    psu owned ipo layoff rebrand relocation top merged speaking hotels properties venues gyms
    pharmacies vestigingen filialen standorte locaties sedi sucursales reorg guest podcast results
    independent ivy operate bilingual suppress before location dcs multi cars railcars locomotives
    apps job position
    """.split()
)


def _trie(words: list[str]) -> str:
    """An alternation of literal words with their common beginnings said once ("se(?:ries|ed)"):
    it matches the same strings as the words joined by "|", and the engine tries a few
    alternatives at each position of the text instead of every word."""
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest)})?" if rest else ""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _trie(tails) for first, tails in by_first.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


# Searched in the lower-cased text: a case-insensitive alternation is several times slower.
_HINT = re.compile(_trie(sorted(set(_HINTS))))


# "not CBRE or JLL", "exclude HEB lol": companies named by their initials, left out
_NAME = r"(?-i:[A-Z][A-Z&]{1,5}(?:'S)?|[A-Z][a-z][\w'&.-]*(?:\s+(?:n\s+|of\s+|de\s+)?[A-Z][\w'&.-]*){0,2})"
_EXCLUDED_INITIALS = re.compile(
    r"\b(?:not|exclude|excluding|except|but\s+not|no|leave\s+out|leaving\s+out|skip|skipping|minus|"
    # "universities in Pennsylvania that aren't Penn or Carnegie Mellon"
    r"(?:that|which)\s+(?:aren'?t|are\s+not|isn'?t|is\s+not))\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|\bor\b|\band\b|&|/)\s*{_NAME})*)"
    r"(?:\s+(?:facilities|hospitals|stores|locations|sites|branches|offices|people|staff|folks|employees))?"
    r"(?=\s*(?:$|[,;.!?)]|[-\u2014\u2013](?:\s|$)|\s+(?:lol|pls|please|they|since|because|as|we|either|too|"
    r"though|tho)\b))",
    re.IGNORECASE,
)
_USED_BEFORE = re.compile(r"\b(?:use|uses|using|used|run|runs|running|on)\b[^,;.]*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/)\s*", re.IGNORECASE)


def _company_initials(name: str) -> bool:
    """A name (or initials) no table reads as a place, role, industry, department or
    technology, nor as a word of the request ("not Texas", "exclude Banking")."""
    from lexi import geo

    from .lexicon import TECHNOLOGY_SPELLING
    from .slots import read_by_a_table

    if name.endswith(("'S", "'s")):
        name = name[:-2]
    if geo.lookup(name) or name.lower() in TECHNOLOGY_SPELLING:
        return False
    if " " in name and name[:1].isupper():
        from .companies import proper_name

        if proper_name(name):
            return True  # "Beacon Hospital", "Blackrock Clinic": one organisation each
    return not any(read_by_a_table(word) for word in name.split())


# "cisos at supermarkets in the uk, not tesco", "except tesco and asda": lower-case names left
# out at the end of a request, each a single word no table reads
_EXCLUDED_LOWER = re.compile(
    r"(?:^|[,;]\s*|\s(?:but\s+)?)(?:not|except|excluding|exclude)\s+"
    # "exclude anyone at exxon or chevron"
    r"(?:(?:anyone|anybody|everyone|people|folks|ppl|those|the\s+ones)\s+(?:at|from)\s+)?"
    r"(?P<names>(?-i:[a-z])[\w&'.-]{2,}(?:\s*(?:,|\bor\b|\band\b|&|/)\s*(?-i:[a-z])[\w&'.-]{2,}){0,4})"
    r"(?=\s*(?:$|[.!?;]|\s+(?:pls|please|thanks|ta|cheers)\b))",
    re.IGNORECASE,
)


def _lower_names_left_out(text: str) -> tuple[str, bool]:
    from .slots import COMPANY_NOUN_KEYS, SIZE_KEYS, STOPWORDS
    from .text import norm_key

    m = _EXCLUDED_LOWER.search(text)
    if not m or _USED_BEFORE.search(text, 0, m.start()):
        return text, False
    names = [n for n in _NAME_SPLIT.split(m["names"]) if n]
    if not names or any(
        n.lower() in STOPWORDS
        or norm_key(n) in COMPANY_NOUN_KEYS  # "but not startups": a kind of company
        or norm_key(n) in SIZE_KEYS
        or not _company_initials(n)
        for n in names
    ):
        return text, False
    return text[: m.start()] + " ; " + text[m.end() :], True


def _initials_left_out(text: str) -> tuple[str, bool]:
    found = False

    def repl(m: re.Match[str]) -> str:
        nonlocal found
        if _USED_BEFORE.search(m.string, 0, m.start()):
            return m[0]  # "using Zoom but not Webex": a technology not used
        if all(_company_initials(n) for n in _NAME_SPLIT.split(m["names"]) if n):
            found = True
            return " ; "
        return m[0]

    return _EXCLUDED_INITIALS.sub(repl, text), found


# "no PE backing", "NOT sponsor backed", "strip out anything PE-backed", "no PE money in the cap
# table": who owns the company, left out. No filter excludes a funding stage, so this is read
# before the buying signals, which would read "PE-backed" as wanted.
_NOT_BACKED = prefilter.compile(
    r"\b(?:no|not|non|without|exclud(?:e|ing)|strip\s+out|skip|minus|drop|remove|leave\s+out)[\s-]+"
    r"(?:(?:anything|any|anyone|companies|firms|businesses|ones|that(?:'s|\s+is|\s+are)|the)\s+)*"
    r"(?:pe|private[\s-]equity|sponsor|financial[\s-]sponsor|vc|venture)[\s-]*"
    r"(?:backed|backing|owned|ownership|money|funded|funding|investors?|involvement|platforms?)"
    r"(?:\s+in\s+the\s+cap\s+table)?\b",
    re.IGNORECASE,
)


# "raised $25M+ in their last round": the size of one round, which no filter holds (the total
# raised is another filter), read before the buying signals take the amount as the total.
_ROUND_SIZE = prefilter.compile(
    rf"\b(?:that\s+|who\s+|which\s+)?(?:have\s+|has\s+)?raised\s+(?:more\s+than\s+|over\s+|at\s+least\s+"
    rf"|under\s+|less\s+than\s+)?{_AMOUNT}\s+(?:in|on|with|for)\s+(?:their|its|the|a)\s+"
    r"(?:last|latest|most\s+recent|recent|series\s+[a-f]|seed|current)\s+(?:funding\s+)?round\b",
    re.IGNORECASE,
)
# "whose last round was more than $20M": the same, said of the round first.
_ROUND_WAS = prefilter.compile(
    rf"\b(?:(?:whose|with\s+(?:a|their))\s+)?(?:last|latest|most\s+recent|recent)\s+(?:funding\s+)?round\s+"
    rf"(?:size\s+)?(?:was|is|of|at)?\s*(?:more\s+than\s+|over\s+|at\s+least\s+|under\s+|less\s+than\s+|above\s+|below\s+|>=?\s*|<=?\s*)?"
    rf"{_AMOUNT}",
    re.IGNORECASE,
)
# "that raised a $40M+ round", "closed a $15M Series B": the size of one round.
_ROUND_OF = prefilter.compile(
    rf"\b(?:that\s+|who\s+|which\s+)?(?:have\s+|has\s+|just\s+|recently\s+)*(?:raised|closed|announced|landed)\s+"
    rf"(?:a|an)\s+{_AMOUNT}\s+(?:(?:series\s+[a-f]|seed|pre-?seed|funding|growth|venture|vc)\s+)?(?:round|raise)?\b",
    re.IGNORECASE,
)
_BEFORE_SIGNALS = (
    ("ownership_type", _NOT_BACKED),
    ("funding_amount", _ROUND_SIZE),
    ("funding_amount", _ROUND_OF),
    ("funding_amount", _ROUND_WAS),
)


def read_before_signals(text: str) -> tuple[str, list[str]]:
    """The clause without the criteria that the buying signals would misread ("no PE backing",
    "raised $25M in their last round"), and their codes."""
    codes: list[str] = []
    for code, pattern in _BEFORE_SIGNALS:
        text, n = pattern.subn(" ; ", text)
        if n and code not in codes:
            codes.append(code)
    return text, codes


def unsupported(text: str) -> tuple[str, list[str]]:
    """The clause with unsupported criteria blanked out, and their codes in order."""
    if not _HINT.search(text.lower()):
        return text, []
    codes: list[str] = []
    for code, pattern in _COMPILED:
        text, n = pattern.subn(" ; ", text)
        if n and code not in codes:
            codes.append(code)
    text, left_out = _initials_left_out(text)
    if not left_out and (" not " in text or "except" in text or "exclud" in text):
        text, left_out = _lower_names_left_out(text)
    if left_out and "exclude_companies" not in codes:
        codes.append("exclude_companies")
    return text, codes
