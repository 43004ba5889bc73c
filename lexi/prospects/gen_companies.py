"""Companies for the generator: industry mix, names, domains, sizes, revenue and descriptions.

Each industry belongs to a *family* (``lexi.prospects.gen_families``) that decides how its
companies are named ("Hartley & Moss LLP" for a law firm, "Stackwise" for a software company,
"Bayside Fisheries" for a fishery), sized, described and staffed. Headcount follows a truncated
Pareto law per family (most companies are small, a few are giants, none larger than the
family's real giants); revenue is headcount times the family's revenue per employee, with
noise.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from lexi.prospects.gen_company_text import (
    COMMON_TECH,
    DESCRIBE,
    INDUSTRY_NOUNS,
    KEYWORDS,
    NOUNS,
    TECH,
)
from lexi.prospects.gen_families import family_of
from lexi.prospects.taxonomy import INDUSTRIES

__all__ = ["INDUSTRY_WEIGHTS", "CompanySpec", "ascii_fold", "family_of", "make_company", "slug"]

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
    "Primary/Secondary Education": 1.5,
    "Food & Beverages": 1.5,
    "Consumer Goods": 1.5,
    "Mechanical or Industrial Engineering": 1.2,
    "Electrical/Electronic Manufacturing": 1.2,
}
INDUSTRY_WEIGHTS = [(name, float(_WEIGHT.get(name, 0.6))) for name in INDUSTRIES]

# (Pareto shape, smallest, largest headcount, revenue per employee in USD, earliest founding year)
_SIZE: dict[str, tuple[float, int, int, int, int]] = {
    "law": (1.05, 1, 20_000, 330_000, 1850),
    "accounting": (1.05, 1, 60_000, 180_000, 1880),
    "consulting": (1.0, 1, 80_000, 200_000, 1920),
    "staffing": (0.95, 2, 50_000, 150_000, 1950),
    "software": (0.9, 1, 200_000, 250_000, 1978),
    "it_services": (0.9, 1, 300_000, 120_000, 1965),
    "hardware": (0.85, 2, 150_000, 350_000, 1950),
    "bank": (0.8, 8, 200_000, 450_000, 1850),
    "investment": (1.0, 1, 30_000, 700_000, 1900),
    "vc_pe": (1.3, 2, 5_000, 900_000, 1946),
    "insurance": (0.9, 1, 100_000, 400_000, 1850),
    "financial_services": (0.95, 1, 80_000, 350_000, 1950),
    "hospital": (0.75, 20, 120_000, 150_000, 1850),
    "clinic": (1.1, 1, 20_000, 110_000, 1950),
    "life_sciences": (0.9, 2, 100_000, 450_000, 1900),
    "agency": (1.1, 1, 20_000, 140_000, 1950),
    "architecture": (1.05, 1, 40_000, 160_000, 1920),
    "real_estate": (1.1, 1, 30_000, 250_000, 1920),
    "construction": (1.0, 1, 60_000, 250_000, 1900),
    "manufacturing": (0.85, 2, 150_000, 280_000, 1870),
    "consumer_goods": (0.9, 1, 100_000, 300_000, 1870),
    "retail": (0.9, 1, 250_000, 200_000, 1900),
    "hospitality": (0.95, 2, 150_000, 70_000, 1920),
    "logistics": (0.9, 1, 250_000, 200_000, 1920),
    "energy": (0.85, 2, 100_000, 600_000, 1900),
    "higher_ed": (0.7, 30, 40_000, 120_000, 1800),
    "school": (0.9, 5, 30_000, 90_000, 1880),
    "media": (1.0, 1, 100_000, 250_000, 1900),
    "government": (0.8, 5, 100_000, 120_000, 1850),
    "nonprofit": (1.1, 1, 30_000, 70_000, 1900),
    "agriculture": (1.2, 1, 30_000, 200_000, 1880),
}

_WORDS = """Summit Harbor Cedar Northstar Bluewater Keystone Pinnacle Evergreen Ironwood Meridian
Silverline Redwood Granite Beacon Crescent Horizon Lakeshore Oakridge Riverstone Sterling Vantage
Atlas Apex Clearwater Brightpath Falcon Highland Juniper Liberty Maple Nova Orion Pacific Prairie
Sequoia Stonebridge Trident Union Vertex Willow Aspen Boulder Cobalt Driftwood Ember Fairway
Goldcrest Hawthorne Inlet Kestrel Lantern Magnolia Northwind Opal Pioneer Ridgeline Sagebrush
Tidewater Westbrook Alder Bayside Copperleaf Elmwood Foxglove Greystone Hillcrest Ivywood Larkspur
Millbrook Newhaven Oakmont Pinecrest Rosewood Sandstone Thornbury Wildflower Heritage Cornerstone
Landmark Compass Anchor Crestview Bridgewater Lighthouse Heartland Frontier Everest Legacy""".split()
_TECH_PARTS_A = """Cloud Data Stack Flow Signal Bright Pixel Byte Logic Sync Core Grid Spark Quant
Hyper Meta Deep Open Swift Smart Rapid True Clear Zen Nimbus Astra Vector Tensor Orbit Pulse Beam
Loop Forge Shift Relay Lumen Kite Hive Nest""".split()
_TECH_PARTS_B = """ly wise base hub stack works labs forge logic loop sense mint grid flow bit scale
ify io able path point shift desk layer""".split()
_FIN_PARTS = """Pay Ledger Coin Fund Lend Cash Bank Vault Credit Mint Wallet""".split()
_SAINTS = [
    "Mary",
    "Joseph",
    "Luke",
    "John",
    "Francis",
    "Vincent",
    "Elizabeth",
    "Anne",
    "Catherine",
    "Jude",
]

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
_NO_SUFFIX = {
    "higher_ed",
    "school",
    "government",
    "nonprofit",
    "hospital",
    "vc_pe",
    "investment",
    "bank",
}


def ascii_fold(text: str) -> str:
    if text.isascii():
        return text
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NOT_SLUG.sub("", ascii_fold(text).lower())


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
    alpha, low, high, _, _ = _SIZE[family]
    # Inverse CDF of a Pareto law of scale 3 (or the family's smallest size) truncated at the
    # family's largest, shifted down to start at its smallest: about two thirds of companies
    # have 1-10 people, a quarter 11-50, one in two hundred more than 1,000.
    scale = max(3, low)
    tail = 1.0 - (scale / high) ** alpha
    value = scale * (1.0 - rng.random() * tail) ** (-1.0 / alpha) - (scale - low)
    return max(low, min(int(value), high))


def _name(
    rng: random.Random, family: str, industry: str, country: str, lasts: list[str], city: str
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
    if family == "software" or (family == "financial_services" and rng.random() < 0.5):
        first = rng.choice(_FIN_PARTS if family == "financial_services" else _TECH_PARTS_A)
        stem = first + rng.choice(_TECH_PARTS_B)
        if rng.random() < 0.25:
            stem = first + rng.choice(_TECH_PARTS_A).lower()
        extra = rng.choice(["", "", "", " Labs", " AI", " Technologies", " Software", " Systems"])
        if family == "financial_services":
            extra = rng.choice(["", "", " Financial", " Technologies"])
        return stem + extra, slug(stem + extra)
    nouns = INDUSTRY_NOUNS.get(industry) or NOUNS[family]
    noun = rng.choice(nouns)
    word = rng.choice(_WORDS)
    r = rng.random()
    if family == "higher_ed":
        if r < 0.35:
            return f"University of {city}", "u" + slug(city)
        if r < 0.6:
            return f"{city} {noun}", slug(city + noun)
        return f"{rng.choice(lasts)} {noun}", slug(rng.choice(lasts) + noun)
    if family == "government":
        if noun == "City of":
            return f"City of {city}", "cityof" + slug(city)
        if noun == "County":
            return f"{city} County", slug(city) + "county"
        return f"{city} {noun}", slug(city + noun)
    if family == "hospital" and r < 0.2:
        saint = rng.choice(_SAINTS)
        return f"St. {saint}'s {rng.choice(['Hospital', 'Medical Center'])}", "st" + slug(
            saint + city
        )
    if family in ("hospital", "school", "nonprofit", "clinic") and r < 0.45:
        return f"{city} {noun}", slug(city + noun)
    if r < 0.3:
        last = rng.choice(lasts)
        return f"{last} {noun}", slug(last + noun)
    name = f"{word} {noun}"
    if family not in _NO_SUFFIX and not noun.endswith(".") and rng.random() < 0.4:
        name += " " + rng.choice(_CORP_SUFFIX.get(country, ["Inc."]))
    return name, slug(word + noun)


def make_company(
    rng: random.Random,
    industry: str,
    country: str,
    lasts: list[str],
    city: str,
    this_year: int,
) -> CompanySpec:
    family = family_of(industry)
    _, _, _, per_employee, earliest = _SIZE[family]
    employees = _employees(rng, family)
    name, stem = _name(rng, family, industry, country, lasts, city)
    tld = "io" if family == "software" and rng.random() < 0.3 else _TLD.get(country, "com")
    if family in ("nonprofit", "government") and country == "US":
        tld = "org" if family == "nonprofit" else "gov"
    if family == "higher_ed" and country == "US":
        tld = "edu"
    # Small companies are mostly young; big ones mostly old.
    age_scale = 5 + 5 * len(str(employees))
    founded = max(earliest, this_year - int(rng.expovariate(1 / age_scale)))
    revenue = employees * per_employee * rng.lognormvariate(0, 0.45)
    revenue_usd = int(float(f"{revenue:.3g}"))
    pool = KEYWORDS[family]
    keywords = rng.sample(pool, k=min(len(pool), rng.randint(2, 5)))
    tech_pool = TECH[family]
    technologies = rng.sample(tech_pool, k=min(len(tech_pool), rng.randint(1, 4)))
    technologies += [
        t for t in rng.sample(COMMON_TECH, k=rng.randint(1, 4)) if t not in technologies
    ]
    size = (
        "boutique"
        if employees <= 10
        else "small"
        if employees <= 50
        else "mid-sized"
        if employees <= 1000
        else "large"
    )
    kw = ", ".join(keywords[:-1]) + " and " + keywords[-1] if len(keywords) > 1 else keywords[0]
    what = DESCRIBE[family].format(size=size, kw=kw)
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
