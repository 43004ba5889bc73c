"""Companies for the generator: industry mix, names, domains, sizes, revenue and descriptions.

Each industry belongs to a *family* that decides how its companies are named ("Hartley & Moss
LLP" for a law firm, "Stackwise" for a software company), described, sized and staffed.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from lexi.prospects.gen_company_text import COMMON_TECH, DESCRIBE, KEYWORDS, NOUNS, TECH
from lexi.prospects.taxonomy import INDUSTRIES, SECTOR_OF

_FAMILY_BY_INDUSTRY = {
    "Law Practice": "law",
    "Legal Services": "law",
    "Alternative Dispute Resolution": "law",
    "Judiciary": "public",
    "Accounting": "accounting",
    "Biotechnology": "life_sciences",
    "Pharmaceuticals": "life_sciences",
    "Medical Devices": "life_sciences",
    "Management Consulting": "consulting",
    "Market Research": "consulting",
    "Outsourcing/Offshoring": "consulting",
    "Professional Training & Coaching": "consulting",
    "Research": "consulting",
    "Think Tanks": "consulting",
    "Program Development": "consulting",
    "Executive Office": "consulting",
    "Human Resources": "consulting",
    "Staffing and Recruiting": "staffing",
    "Real Estate": "real_estate",
    "Commercial Real Estate": "real_estate",
    "Architecture & Planning": "real_estate",
    "Facilities Services": "construction",
    "Security and Investigations": "construction",
}
_FAMILY_BY_SECTOR = {
    "Legal": "law",
    "Technology": "software",
    "Finance": "finance",
    "Healthcare": "health",
    "Professional Services": "agency",
    "Real Estate & Construction": "construction",
    "Manufacturing & Industry": "industrial",
    "Consumer & Retail": "retail",
    "Transportation & Logistics": "logistics",
    "Energy & Environment": "industrial",
    "Education": "education",
    "Media & Entertainment": "media",
    "Government & Non-Profit": "public",
    "Agriculture": "industrial",
}


def family_of(industry: str) -> str:
    return _FAMILY_BY_INDUSTRY.get(industry) or _FAMILY_BY_SECTOR[SECTOR_OF[industry]]


_WEIGHT = {
    "Law Practice": 6,
    "Legal Services": 3,
    "Computer Software": 8,
    "Information Technology and Services": 8,
    "Internet": 4,
    "Financial Services": 5,
    "Banking": 2,
    "Insurance": 3,
    "Hospital & Health Care": 5,
    "Real Estate": 5,
    "Construction": 5,
    "Marketing and Advertising": 5,
    "Management Consulting": 4,
    "Retail": 4,
    "E-Commerce": 3,
    "Accounting": 3,
    "Staffing and Recruiting": 3,
    "Higher Education": 2,
    "Non-Profit Organization Management": 3,
    "Restaurants": 3,
    "Medical Practice": 3,
    "Biotechnology": 2,
    "Pharmaceuticals": 1.5,
    "Logistics and Supply Chain": 2,
    "Telecommunications": 1.5,
    "Oil & Energy": 1.5,
    "Government Administration": 1.5,
    "Automotive": 2,
    "Machinery": 2,
    "Computer & Network Security": 2,
    "Hospitality": 2,
    "Investment Management": 2,
    "Venture Capital & Private Equity": 1.5,
}
INDUSTRY_WEIGHTS = [(name, float(_WEIGHT.get(name, 0.6))) for name in INDUSTRIES]

# Pareto shape of headcount per family (smaller = heavier tail) and revenue per employee (USD).
_SIZE_ALPHA = {
    "law": 0.8,
    "software": 0.6,
    "finance": 0.55,
    "accounting": 0.8,
    "health": 0.5,
    "life_sciences": 0.55,
    "consulting": 0.65,
    "staffing": 0.6,
    "agency": 0.8,
    "real_estate": 0.8,
    "construction": 0.7,
    "industrial": 0.5,
    "retail": 0.6,
    "logistics": 0.55,
    "education": 0.45,
    "media": 0.7,
    "public": 0.45,
}
_REVENUE_PER_EMPLOYEE = {
    "law": 310_000,
    "software": 220_000,
    "finance": 400_000,
    "accounting": 180_000,
    "health": 120_000,
    "life_sciences": 350_000,
    "consulting": 200_000,
    "staffing": 150_000,
    "agency": 140_000,
    "real_estate": 260_000,
    "construction": 210_000,
    "industrial": 260_000,
    "retail": 170_000,
    "logistics": 190_000,
    "education": 90_000,
    "media": 160_000,
    "public": 80_000,
}

_WORDS = """Summit Harbor Cedar Northstar Bluewater Keystone Pinnacle Evergreen Ironwood Meridian
Silverline Redwood Granite Beacon Crescent Horizon Lakeshore Oakridge Riverstone Sterling Vantage
Atlas Apex Clearwater Brightpath Falcon Highland Juniper Liberty Maple Nova Orion Pacific Prairie
Quantum Sequoia Stonebridge Trident Union Vertex Willow Aspen Boulder Cobalt Driftwood Ember Fairway
Goldcrest Hawthorne Inlet Kestrel Lantern Magnolia Northwind Opal Pioneer Ridgeline Sagebrush
Tidewater Westbrook Alder Bayside Copperleaf Elmwood Foxglove Greystone Hillcrest Ivywood Larkspur
Millbrook Newhaven Oakmont Pinecrest Rosewood Sandstone Thornbury Wildflower""".split()
_TECH_PARTS_A = """Cloud Data Stack Flow Signal Bright Pixel Byte Logic Sync Core Grid Spark Quant
Hyper Meta Deep Open Swift Smart Rapid True Clear Zen Nimbus Astra Vector Tensor Orbit Pulse Beam
Loop Forge Shift Relay Lumen Kite Hive Nest""".split()
_TECH_PARTS_B = """ly wise base hub stack works labs forge logic loop sense mint grid flow bit scale
ify io able path point shift desk layer""".split()

_LAW_SUFFIX = {
    "US": ["LLP", "PC", "PLLC", "LLP"],
    "GB": ["LLP", "Solicitors", "LLP"],
    "IE": ["LLP", "Solicitors"],
    "AU": ["Lawyers", "Legal"],
    "CA": ["LLP"],
    "DE": ["Rechtsanwälte", "PartG mbB"],
    "AT": ["Rechtsanwälte GmbH"],
    "CH": ["Rechtsanwälte AG", "Avocats"],
    "FR": ["Avocats", "AARPI"],
    "NL": ["Advocaten", "N.V."],
    "SG": ["LLC", "LLP"],
}
_CORP_SUFFIX = {
    "US": ["Inc.", "LLC", "Corp.", "Inc."],
    "CA": ["Inc.", "Ltd."],
    "GB": ["Ltd", "plc", "Ltd"],
    "IE": ["Ltd", "DAC"],
    "AU": ["Pty Ltd"],
    "DE": ["GmbH", "AG", "GmbH"],
    "AT": ["GmbH"],
    "CH": ["AG", "GmbH", "SA"],
    "FR": ["SAS", "SA"],
    "NL": ["B.V.", "N.V."],
    "SG": ["Pte. Ltd."],
}
_TLD = {
    "US": "com",
    "CA": "ca",
    "GB": "co.uk",
    "IE": "ie",
    "AU": "com.au",
    "DE": "de",
    "AT": "at",
    "CH": "ch",
    "FR": "fr",
    "NL": "nl",
    "SG": "com.sg",
}

def ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", ascii_fold(text).lower())


@dataclass
class CompanySpec:
    name: str
    domain: str
    industry: str
    family: str
    employees: int
    revenue_usd: int
    founded_year: int
    description: str
    keywords: list[str]
    technologies: list[str]


def _employees(rng: random.Random, family: str) -> int:
    alpha = _SIZE_ALPHA[family]
    value = int((1.0 - rng.random()) ** (-1.0 / alpha))
    return max(1, min(value, 250_000))


def _name(
    rng: random.Random, family: str, country: str, lasts: list[str], city: str
) -> tuple[str, str]:
    """(display name, domain stem)."""
    if family == "law":
        a, b, c = rng.choice(lasts), rng.choice(lasts), rng.choice(lasts)
        suffix = rng.choice(_LAW_SUFFIX.get(country, ["LLP"]))
        pattern = rng.random()
        if pattern < 0.45:
            return f"{a} & {b} {suffix}", slug(a + b)
        if pattern < 0.65:
            return f"{a}, {b} & {c} {suffix}", slug(a + b + c)
        if pattern < 0.8:
            return f"{a} Law Group", slug(a) + "law"
        if pattern < 0.9:
            return f"{a} & Partners {suffix}", slug(a) + "partners"
        return f"{a} Legal", slug(a) + "legal"
    if family == "accounting":
        a, b = rng.choice(lasts), rng.choice(lasts)
        if rng.random() < 0.5:
            return (
                f"{a} & {b} CPAs" if country == "US" else f"{a} & {b} Chartered Accountants",
                slug(a + b),
            )
        return f"{a} Accounting Group", slug(a) + "accounting"
    if family == "software":
        stem = rng.choice(_TECH_PARTS_A) + rng.choice(_TECH_PARTS_B)
        if rng.random() < 0.25:
            stem = rng.choice(_TECH_PARTS_A) + rng.choice(_TECH_PARTS_A).lower()
        extra = rng.choice(["", "", "", " Labs", " AI", " Technologies", " Software", " Systems"])
        return stem + extra, slug(stem + extra)
    word = rng.choice(_WORDS)
    noun = rng.choice(NOUNS[family])
    r = rng.random()
    if family == "health" and r < 0.3:
        return f"{city} {noun}", slug(city + noun)
    if family in ("public", "education") and r < 0.3:
        return f"{city} {noun}", slug(city + noun)
    if r < 0.35:
        last = rng.choice(lasts)
        return f"{last} {noun}", slug(last + noun)
    name = f"{word} {noun}"
    if family not in ("public", "education") and rng.random() < 0.4:
        name += " " + rng.choice(_CORP_SUFFIX.get(country, ["Inc."]))
    return name, slug(word + noun)


def make_company(
    rng: random.Random, industry: str, country: str, lasts: list[str], city: str, this_year: int
) -> CompanySpec:
    family = family_of(industry)
    employees = _employees(rng, family)
    name, stem = _name(rng, family, country, lasts, city)
    tld = "io" if family == "software" and rng.random() < 0.3 else _TLD.get(country, "com")
    if family == "public" and country == "US":
        tld = "org"
    # Small companies are mostly young; big ones mostly old.
    age_scale = 6 + 4 * len(str(employees))
    founded = max(1850, this_year - int(rng.expovariate(1 / age_scale)))
    revenue = employees * _REVENUE_PER_EMPLOYEE[family] * rng.lognormvariate(0, 0.35)
    revenue_usd = int(float(f"{revenue:.3g}"))
    keywords = rng.sample(KEYWORDS[family], k=min(len(KEYWORDS[family]), rng.randint(2, 5)))
    tech_pool = TECH.get(family, [])
    technologies = (
        rng.sample(tech_pool, k=min(len(tech_pool), rng.randint(1, 4))) if tech_pool else []
    )
    technologies += rng.sample(COMMON_TECH, k=rng.randint(1, 4))
    size = (
        "boutique"
        if employees <= 10
        else "small"
        if employees <= 50
        else ("mid-sized" if employees <= 1000 else "large")
    )
    what = DESCRIBE[family].format(
        size=size,
        kw=", ".join(keywords[:-1]) + " and " + keywords[-1] if len(keywords) > 1 else keywords[0],
    )
    description = f"{name} is {what}, based in {city}. Founded in {founded}."
    return CompanySpec(
        name=name,
        domain=f"{stem}.{tld}",
        industry=industry,
        family=family,
        employees=employees,
        revenue_usd=revenue_usd,
        founded_year=founded,
        description=description,
        keywords=keywords,
        technologies=technologies,
    )
