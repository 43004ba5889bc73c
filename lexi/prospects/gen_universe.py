"""The rows of a universe: ``generate_rows(seed, people)`` (no database here).

Everything derives from one ``random.Random(seed)``, consumed in a fixed order, so the same
seed always makes the same companies, people and ids. Buying signals (``gen_signals``) draw from
a second stream seeded from the same seed; their dates count back from ``as_of`` (today unless
given), so the same seed and day make the same universe. Rows come in batches (memory stays flat
whatever N is). ``lexi.prospects.generator`` writes them to the database.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Callable
from datetime import date
from functools import cache
from itertools import accumulate

from lexi.kit.clock import utc_now
from lexi.prospects import gen_signals
from lexi.prospects.gen_companies import INDUSTRY_WEIGHTS, ascii_fold, family_of, make_company, slug
from lexi.prospects.gen_names import COUNTRY_NAMES, NAMES
from lexi.prospects.gen_places import Sampler, Town, hq_sampler, places
from lexi.prospects.gen_staff import org_chart, staff_size
from lexi.prospects.places import loc_key
from lexi.prospects.taxonomy import SECTOR_OF
from lexi.prospects.vocabulary import role, vocabulary

# Share of companies headquartered in each country.
COUNTRY_WEIGHTS = {
    "US": 58,
    "GB": 9,
    "CA": 6,
    "DE": 6,
    "AU": 4,
    "FR": 4,
    "NL": 3,
    "CH": 2.5,
    "SG": 2.5,
    "IE": 2.5,
    "AT": 2.5,
}
REMOTE_SHARE = 0.10  # people who live anywhere in the country, away from the company's metro
HQ_CITY_SHARE = 0.55  # of the people in the company's metro, those in the HQ's own city
LEADERS_AT_HQ = 0.75  # executives and VPs mostly work at the head office
_LEADERS = frozenset({"owner", "founder", "c_suite", "partner", "vp"})
_FOUNDERS = frozenset({"owner", "founder"})  # a company's first leader of these started it
OFFICE_SHARE = 0.25  # people of a company with offices who work at one of them
POSTING_REMOTE = 0.1  # job postings open to remote candidates (country only)
POSTING_OFFICES = 0.3  # of a company with offices, postings at one of them
PREV_SAME_GROUP = 0.62  # people whose previous company is in their company's industry group
PREV_OTHER_GROUP = 0.18  # ... in another group (the rest have no known previous company)
PREV_POOL = 4000  # previous companies are drawn from this many earlier companies per group
# Cities where large companies open offices abroad.
ABROAD = (
    ("GB", "London"),
    ("US", "New York"),
    ("US", "San Francisco"),
    ("CA", "Toronto"),
    ("DE", "Berlin"),
    ("FR", "Paris"),
    ("NL", "Amsterdam"),
    ("SG", "Singapore"),
    ("AU", "Sydney"),
    ("IE", "Dublin"),
    ("CH", "Zürich"),
    ("DE", "Munich"),
)
EMAIL_STATUS = (("verified", 0.55), ("guessed", 0.85), ("unavailable", 1.0))
PHONE_SHARE = 0.6
THIS_YEAR = 2026
_CALLING = {
    "US": "1",
    "CA": "1",
    "GB": "44",
    "IE": "353",
    "AU": "61",
    "DE": "49",
    "AT": "43",
    "CH": "41",
    "FR": "33",
    "NL": "31",
    "SG": "65",
}
_EMAIL_PATTERNS = (
    ("{f}.{l}", 45),
    ("{fi}{l}", 20),
    ("{f}", 8),
    ("{f}{li}", 5),
    ("{f}_{l}", 5),
    ("{l}{fi}", 5),
    ("{fi}.{l}", 12),
)
_PATTERNS, _PATTERN_CUM = zip(*_EMAIL_PATTERNS, strict=True)
_PATTERN_CUM = tuple(accumulate(_PATTERN_CUM))
# The patterns as functions of (first, last): the same strings as ``str.format``, cheaper.
_LOCAL_PART: dict[str, Callable[[str, str], str]] = {
    "{f}.{l}": lambda f, la: f + "." + la,
    "{fi}{l}": lambda f, la: f[:1] + la,
    "{f}": lambda f, la: f,
    "{f}{li}": lambda f, la: f + la[:1],
    "{f}_{l}": lambda f, la: f + "_" + la,
    "{l}{fi}": lambda f, la: la + f[:1],
    "{fi}.{l}": lambda f, la: f[:1] + "." + la,
}
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


# Three base-36 digits, least significant first, for each of 0..36**3-1.
_B36_3 = [a + b + c for c in _B36 for b in _B36 for a in _B36]


# A person's LinkedIn handle: six base-36 digits (least significant first, two _B36_3 parts) of
# person_id * _HANDLE_STEP % _HANDLES, a bijection on 0..36**6-1.
_HANDLE_STEP = 1_000_003
_HANDLES = 2_176_782_336  # 36**6


def _below(getrandbits: Callable[[int], int], n: int) -> int:
    """``Random._randbelow(n)`` (what ``choice`` and ``randint`` draw), without the method calls."""
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


@cache
def _email_part(name: str) -> str:
    return "".join(ch for ch in ascii_fold(name).lower() if ch.isalnum())


class _Universe:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.countries = Sampler(list(COUNTRY_WEIGHTS), list(COUNTRY_WEIGHTS.values()))
        self.industries = Sampler(
            [n for n, _ in INDUSTRY_WEIGHTS], [w for _, w in INDUSTRY_WEIGHTS]
        )
        self.places = places()
        self.abroad = [
            next(t for t in self.places[c].towns if t.name == name) for c, name in ABROAD
        ]
        self.locales = {
            code: Sampler([loc for loc, _ in shares], [w for _, w in shares])
            for code, shares in COUNTRY_NAMES.items()
        }
        self.vocabulary = vocabulary()
        self.titles: dict[str, int] = {}
        self.new_titles: list[tuple] = []
        # industry -> title -> (title id, seniority, department) of that title there.
        self.roles: dict[str, dict[str, tuple[int, str, str]]] = {}
        self.domains: set[str] = set()
        self.locs: dict[Town, str | None] = {}
        # (title, sector) -> (seniority, department): ``role`` depends on the industry's sector
        self.sector_roles: dict[tuple[str, str | None], tuple[str, str]] = {}
        # locale -> the email parts of its first names and surnames, in the lists' order
        self.parts: dict[str, tuple[list[str], list[str]]] = {}

    def name_parts(self, locale: str) -> tuple[list[str], list[str]]:
        found = self.parts.get(locale)
        if found is None:
            firsts, lasts = NAMES[locale]
            found = self.parts[locale] = (
                [_email_part(n) for n in firsts],
                [_email_part(n) for n in lasts],
            )
        return found

    def title_id(self, title: str, industry: str) -> tuple[int, str, str]:
        roles = self.roles.get(industry)
        if roles is None:
            roles = self.roles[industry] = {}
        found = roles.get(title)
        if found is None:
            found = roles[title] = self._role(title, industry)
        return found

    def _role(self, title: str, industry: str) -> tuple[int, str, str]:
        tid = self.titles.get(title)
        if tid is None:
            tid = len(self.titles) + 1
            self.titles[title] = tid
            seniority, department = self.vocabulary[title]
            self.new_titles.append((tid, title, seniority, department))
        key = (title, SECTOR_OF.get(industry))
        found = self.sector_roles.get(key)
        if found is None:
            found = self.sector_roles[key] = role(title, industry)
        return tid, *found

    def loc(self, town: Town) -> str | None:
        key = self.locs.get(town)
        if key is None:
            key = self.locs[town] = loc_key(town.country, town.region, town.name)
        return key

    def unique_domain(self, domain: str) -> str:
        if domain not in self.domains:
            self.domains.add(domain)
            return domain
        stem, _, tld = domain.partition(".")
        n = 2
        while f"{stem}{n}.{tld}" in self.domains:
            n += 1
        domain = f"{stem}{n}.{tld}"
        self.domains.add(domain)
        return domain


def _phone(getrandbits: Callable[[int], int], country: str) -> str:
    """A phone number; draws what ``randint(201, 989)`` etc. would from the same stream."""
    cc = _CALLING[country]
    if cc == "1":
        return f"+1 {201 + _below(getrandbits, 789)} 555 {100 + _below(getrandbits, 100):04d}"
    return f"+{cc} {10 + _below(getrandbits, 90)} {1_000_000 + _below(getrandbits, 9_000_000)}"


# ``_phone``'s North American numbers in two parts: "+1 <area code> 555 " and the line number,
# each indexed by its draw.
_NANP_AREA = [f"+1 {201 + k} 555 " for k in range(789)]
_NANP_LINE = [f"{100 + k:04d}" for k in range(100)]


def _offices(u: _Universe, rng: random.Random, hq: Town, employees: int) -> list[Town]:
    """Other offices of a company: other big metros of its country from 500 people, abroad from 1,000."""
    if employees < 500:
        return []
    home = [t for t in u.places[hq.country].big_metros if t.metro != hq.metro]
    n = min(len(home), 1 + int(2 * math.log10(employees / 500)))
    offices = rng.sample(home, n)
    if employees >= 1000 and rng.random() < 0.6:
        abroad = [t for t in u.abroad if t.country != hq.country]
        offices += rng.sample(abroad, min(len(abroad), 1 + int(math.log10(employees / 1000) * 1.5)))
    return offices


def generate_rows(seed: int, people: int, batch_size: int = 20_000, as_of: date | None = None):
    """Yield (titles, companies, people, technologies, postings) row batches for a universe of
    ``people`` people, its dates counted back from ``as_of`` (today)."""
    u = _Universe(seed)
    rng = u.rng
    srng = random.Random(f"signals-{seed}")
    as_of = as_of or utc_now().date()
    day = gen_signals.Days(as_of)
    day_cache = day.cache
    srandom = srng.random
    rrandom = rng.random
    getrandbits = rng.getrandbits
    email_part = _email_part
    log = math.log
    tenure_mean = gen_signals.TENURE_MEAN_DAYS
    tech_rate = 1 / gen_signals.TECH_RECENT_MEAN_DAYS
    today = as_of.toordinal()
    locs = u.locs
    calling = _CALLING
    nanp_area, nanp_line = _NANP_AREA, _NANP_LINE
    b36 = _B36_3
    handle = 0  # person_id * _HANDLE_STEP % _HANDLES, stepped with person_id
    # Earlier companies people may have come from: (id, name, founded ordinal), per group and
    # across groups, each a bounded pool (memory stays flat).
    group_pools: dict[str, list[tuple[int, str, int]]] = {}
    any_pool: list[tuple[int, str, int]] = []
    prev_any = PREV_SAME_GROUP + PREV_OTHER_GROUP
    person_id = 0
    company_id = 0
    posting_id = 0
    companies: list[tuple] = []
    persons: list[tuple] = []
    techs: list[tuple] = []
    postings: list[tuple] = []
    while person_id < people:
        company_id += 1
        country = u.countries(rng)
        here = u.places[country]
        industry = u.industries(rng)
        hq = hq_sampler(country, family_of(industry))(rng)
        locale = u.locales[country](rng)
        firsts, lasts = NAMES[locale]
        first_parts, last_parts = u.name_parts(locale)
        spec = make_company(rng, industry, country, lasts, hq.name, THIS_YEAR)
        domain = u.unique_domain(spec.domain)
        hq_loc = u.loc(hq)
        # Signals: founded some day of its founding year (never after as_of).
        founded_on = date(spec.founded_year, 1, 1).toordinal() + int(srng.random() * 365)
        age_days = max(as_of.toordinal() - founded_on, 1)
        funded = gen_signals.funding(srng, spec.family, spec.employees, age_days)
        grown = gen_signals.growth(srng, spec.employees, age_days, funded, day)
        backers = (
            ", ".join(gen_signals.round_investors(srng, funded.stage, spec.family))
            if funded
            else None
        )
        for tech in spec.technologies:
            # gen_signals.tech_days, inlined (the same draw and arithmetic as expovariate)
            seen = int(-log(1.0 - srandom()) / tech_rate)
            if seen > age_days:
                seen = age_days
            techs.append((company_id, tech.lower(), tech, day_cache.get(seen) or day(seen)))
        companies.append(
            (
                company_id,
                spec.name,
                domain,
                industry,
                spec.employees,
                spec.revenue_usd,
                spec.founded_year,
                hq.name,
                hq.region,
                country,
                hq_loc,
                spec.description,
                ", ".join(spec.keywords),
                ", ".join(spec.technologies),
                f"https://www.linkedin.com/company/{slug(spec.name)[:60]}-{company_id}",
                funded.stage if funded else None,
                day(funded.days_ago) if funded else None,
                funded.amount_usd if funded else None,
                funded.total_usd if funded else None,
                grown.headcount_6m_ago,
                grown.headcount_12m_ago,
                grown.growth_6m_pct,
                grown.growth_12m_pct,
                backers,
                grown.history,
            )
        )
        count = min(staff_size(spec.employees), people - person_id)
        titles = org_chart(rng, spec.family, spec.employees, THIS_YEAR - spec.founded_year, count)
        local_part = _LOCAL_PART[
            _PATTERNS[bisect.bisect_right(_PATTERN_CUM, rng.random() * _PATTERN_CUM[-1])]
        ]
        metro = here.metros[hq.metro]
        offices = _offices(u, rng, hq, spec.employees)
        used: set[str] = set()
        group_pool = group_pools.setdefault(spec.family, [])
        roles = u.roles.setdefault(industry, {})
        # Random.choice(firsts) and choice(lasts), inlined (the same draws): see _below.
        n_firsts, n_lasts = len(firsts), len(lasts)
        k_firsts, k_lasts = n_firsts.bit_length(), n_lasts.bit_length()
        employees, revenue_usd = spec.employees, spec.revenue_usd
        for i, title in enumerate(titles):
            person_id += 1
            tid, seniority, department = roles.get(title) or u.title_id(title, industry)
            # Role start (gen_signals.tenure_days, inlined: it runs once per person).
            if i == 0 and seniority in _FOUNDERS:
                tenure = age_days
            else:
                tenure = int(-tenure_mean * log(1.0 - srandom()))
                if tenure > age_days:
                    tenure = age_days
            started = day_cache.get(tenure) or day(tenure)
            # Previous company: an earlier one founded before this role started.
            r = srandom()
            prev = group_pool if r < PREV_SAME_GROUP else any_pool if r < prev_any else None
            prev_id = prev_name = None
            if prev:
                entry = prev[int(srandom() * len(prev))]
                if entry[2] + tenure < today:
                    prev_id, prev_name = entry[0], entry[1]
            r = rrandom()
            if i < 3 or (
                seniority in _LEADERS and r < LEADERS_AT_HQ
            ):  # leaders work at the head office
                place = hq
            elif offices and r < OFFICE_SHARE:
                place = offices[int(r / OFFICE_SHARE * len(offices))]
            elif r > 1.0 - REMOTE_SHARE:
                place = here.anywhere(rng)
            else:
                place = hq if rrandom() < HQ_CITY_SHARE else metro(rng)
            where = place.country
            if where != country:
                first = rng.choice(NAMES[u.locales[where](rng)][0])
                last = rng.choice(NAMES[u.locales[where](rng)][1])
                f, la = email_part(first), email_part(last)
            else:
                j = getrandbits(k_firsts)
                while j >= n_firsts:
                    j = getrandbits(k_firsts)
                first, f = firsts[j], first_parts[j]
                j = getrandbits(k_lasts)
                while j >= n_lasts:
                    j = getrandbits(k_lasts)
                last, la = lasts[j], last_parts[j]
            local = local_part(f, la)
            if local in used:
                local = f"{local}{len(used) + 1}"
            used.add(local)
            r = rrandom()
            status = "verified" if r < 0.55 else "guessed" if r < 0.85 else "unavailable"
            email = None if status == "unavailable" else f"{local}@{domain}"
            if rrandom() >= PHONE_SHARE:
                phone = None
            elif calling[where] == "1":  # _phone's draws, inlined
                j = getrandbits(10)
                while j >= 789:
                    j = getrandbits(10)
                k = getrandbits(7)
                while k >= 100:
                    k = getrandbits(7)
                phone = nanp_area[j] + nanp_line[k]
            else:
                phone = _phone(getrandbits, where)
            handle += _HANDLE_STEP
            if handle >= _HANDLES:
                handle -= _HANDLES
            persons.append(
                (
                    person_id,
                    company_id,
                    tid,
                    first,
                    last,
                    seniority,
                    department,
                    email,
                    status,
                    phone,
                    place.name,
                    place.region,
                    where,
                    locs.get(place) or u.loc(place),
                    f"https://www.linkedin.com/in/{f}-{la}-{b36[handle % 46_656]}{b36[handle // 46_656]}",
                    industry,
                    employees,
                    revenue_usd,
                    hq_loc,
                    started,
                    prev_id,
                    prev_name,
                )
            )
        open_roles = gen_signals.postings(srng, spec.employees, grown.yearly_rate)
        if open_roles:
            # Openings for roles of the company's own org chart (rarely its leader's), after its
            # people so that title keys follow the main stream alone; mostly at
            # the head office, some at its other offices, some remote (country only).
            pool = titles[1:] or titles
            for _ in range(open_roles):
                posting_id += 1
                tid, seniority, department = u.title_id(
                    pool[int(srng.random() * len(pool))], industry
                )
                r = srandom()
                if r < POSTING_REMOTE:
                    at: Town | None = None
                elif offices and r < POSTING_REMOTE + POSTING_OFFICES:
                    at = offices[int(srandom() * len(offices))]
                else:
                    at = hq
                postings.append(
                    (
                        posting_id,
                        company_id,
                        tid,
                        seniority,
                        department,
                        day(gen_signals.posting_days(srng)),
                        at.name if at else None,
                        at.region if at else None,
                        at.country if at else country,
                        at is None,
                    )
                )
        entry = (company_id, spec.name, founded_on)
        for shared in (group_pool, any_pool):
            if len(shared) < PREV_POOL:
                shared.append(entry)
            else:
                shared[int(srandom() * PREV_POOL)] = entry
        if len(persons) >= batch_size:
            yield u.new_titles, companies, persons, techs, postings
            u.new_titles, companies, persons, techs, postings = [], [], [], [], []
    if persons or companies:
        yield u.new_titles, companies, persons, techs, postings
