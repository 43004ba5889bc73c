"""The fixed vocabularies of the prospect universe.

Industries follow LinkedIn's industry list (the one sales tools and their users already know),
grouped into sectors, plus "E-Commerce", which LinkedIn folds into Internet/Retail but which
prospecting users ask for by name. Seniorities and departments are the contract's enums.
"""

from __future__ import annotations

import re
from typing import TypedDict

SECTORS: dict[str, list[str]] = {
    "Legal": [
        "Law Practice",
        "Legal Services",
        "Alternative Dispute Resolution",
        "Judiciary",
    ],
    "Technology": [
        "Computer Software",
        "Information Technology and Services",
        "Internet",
        "Computer & Network Security",
        "Computer Hardware",
        "Computer Networking",
        "Computer Games",
        "Semiconductors",
        "Wireless",
        "Telecommunications",
        "Information Services",
        "Nanotechnology",
        "Consumer Electronics",
        "E-Learning",
    ],
    "Finance": [
        "Financial Services",
        "Banking",
        "Insurance",
        "Investment Banking",
        "Investment Management",
        "Venture Capital & Private Equity",
        "Capital Markets",
        "Accounting",
    ],
    "Healthcare": [
        "Hospital & Health Care",
        "Medical Practice",
        "Medical Devices",
        "Biotechnology",
        "Pharmaceuticals",
        "Mental Health Care",
        "Health, Wellness and Fitness",
        "Alternative Medicine",
        "Veterinary",
    ],
    "Professional Services": [
        "Management Consulting",
        "Marketing and Advertising",
        "Staffing and Recruiting",
        "Human Resources",
        "Public Relations and Communications",
        "Market Research",
        "Outsourcing/Offshoring",
        "Professional Training & Coaching",
        "Research",
        "Translation and Localization",
        "Design",
        "Graphic Design",
        "Architecture & Planning",
        "Security and Investigations",
        "Events Services",
        "Facilities Services",
        "Program Development",
        "Writing and Editing",
        "Photography",
        "Think Tanks",
        "Executive Office",
    ],
    "Real Estate & Construction": [
        "Real Estate",
        "Commercial Real Estate",
        "Construction",
        "Building Materials",
        "Civil Engineering",
    ],
    "Manufacturing & Industry": [
        "Machinery",
        "Industrial Automation",
        "Mechanical or Industrial Engineering",
        "Electrical/Electronic Manufacturing",
        "Chemicals",
        "Plastics",
        "Automotive",
        "Aviation & Aerospace",
        "Defense & Space",
        "Mining & Metals",
        "Textiles",
        "Paper & Forest Products",
        "Packaging and Containers",
        "Glass, Ceramics & Concrete",
        "Railroad Manufacture",
        "Shipbuilding",
        "Furniture",
        "Printing",
        "Business Supplies and Equipment",
    ],
    "Consumer & Retail": [
        "Retail",
        "E-Commerce",
        "Consumer Goods",
        "Consumer Services",
        "Apparel & Fashion",
        "Cosmetics",
        "Luxury Goods & Jewelry",
        "Sporting Goods",
        "Supermarkets",
        "Wholesale",
        "Import and Export",
        "Food & Beverages",
        "Food Production",
        "Wine and Spirits",
        "Dairy",
        "Tobacco",
        "Restaurants",
        "Hospitality",
        "Leisure, Travel & Tourism",
        "Gambling & Casinos",
        "Recreational Facilities and Services",
        "Individual & Family Services",
    ],
    "Transportation & Logistics": [
        "Logistics and Supply Chain",
        "Transportation/Trucking/Railroad",
        "Package/Freight Delivery",
        "Warehousing",
        "Airlines/Aviation",
        "Maritime",
    ],
    "Energy & Environment": [
        "Oil & Energy",
        "Utilities",
        "Renewables & Environment",
        "Environmental Services",
    ],
    "Education": [
        "Higher Education",
        "Primary/Secondary Education",
        "Education Management",
    ],
    "Media & Entertainment": [
        "Media Production",
        "Broadcast Media",
        "Online Media",
        "Publishing",
        "Newspapers",
        "Entertainment",
        "Motion Pictures and Film",
        "Music",
        "Animation",
        "Performing Arts",
        "Fine Art",
        "Arts and Crafts",
        "Sports",
        "Museums and Institutions",
        "Libraries",
    ],
    "Government & Non-Profit": [
        "Government Administration",
        "Government Relations",
        "Public Policy",
        "Public Safety",
        "Law Enforcement",
        "Military",
        "Legislative Office",
        "International Affairs",
        "International Trade and Development",
        "Political Organization",
        "Non-Profit Organization Management",
        "Philanthropy",
        "Fund-Raising",
        "Civic & Social Organization",
        "Religious Institutions",
    ],
    "Agriculture": ["Farming", "Ranching", "Fishery"],
}

INDUSTRIES: list[str] = [name for names in SECTORS.values() for name in names]
SECTOR_OF: dict[str, str] = {name: sector for sector, names in SECTORS.items() for name in names}

SENIORITIES = [
    "owner",
    "founder",
    "c_suite",
    "partner",
    "vp",
    "head",
    "director",
    "manager",
    "senior",
    "entry",
    "intern",
]
DEPARTMENTS = [
    "executive",
    "engineering",
    "sales",
    "marketing",
    "finance",
    "legal",
    "operations",
    "human_resources",
    "information_technology",
    "product",
    "customer_success",
    "design",
    "other",
]
EMAIL_STATUSES = ["verified", "guessed", "unavailable"]
# The stage of a company's last funding round, earliest first.
FUNDING_STAGES = [
    "pre_seed",
    "seed",
    "series_a",
    "series_b",
    "series_c",
    "series_d_plus",
    "private_equity",
]
FUNDING_STAGE_LABELS = {
    "pre_seed": "Pre-seed",
    "seed": "Seed",
    "series_a": "Series A",
    "series_b": "Series B",
    "series_c": "Series C",
    "series_d_plus": "Series D+",
    "private_equity": "Private equity",
}


class HeadcountBucket(TypedDict):
    label: str
    min: int
    max: int | None


# LinkedIn's company-size bands.
HEADCOUNT_BUCKETS: list[HeadcountBucket] = [
    {"label": "1-10", "min": 1, "max": 10},
    {"label": "11-50", "min": 11, "max": 50},
    {"label": "51-200", "min": 51, "max": 200},
    {"label": "201-500", "min": 201, "max": 500},
    {"label": "501-1000", "min": 501, "max": 1000},
    {"label": "1001-5000", "min": 1001, "max": 5000},
    {"label": "5001-10000", "min": 5001, "max": 10000},
    {"label": "10001+", "min": 10001, "max": None},
]


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def _key(value: str) -> str:
    return _NOT_KEY.sub("", value.lower())


_INDUSTRY_BY_KEY = {_key(name): name for name in INDUSTRIES}


def canonical_industry(value: str) -> str | None:
    """The canonical name for an industry given in any case/punctuation ("law-practice")."""
    return _INDUSTRY_BY_KEY.get(_key(value))


def industry_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def headcount_bucket(employees: int) -> str:
    for b in HEADCOUNT_BUCKETS:
        if b["max"] is None or employees <= b["max"]:
            return b["label"]
    return HEADCOUNT_BUCKETS[-1]["label"]
