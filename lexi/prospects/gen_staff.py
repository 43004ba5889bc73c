"""Org charts for the generator: who works at a company of a given family and size.

Every company gets one top executive (a CEO, a managing partner at a law firm, an executive
director at a non-profit), co-founders when it is young and small, a C-suite that grows with
headcount, then VPs, heads, directors, managers and individual contributors drawn from the
family's own roles (partners, associates and paralegals at law firms; physicians and nurses at
hospitals) mixed with the generic functions every company has.
"""

from __future__ import annotations

import random
from itertools import accumulate

from lexi.prospects.gen_roles import SPECIALISTS

_F = {
    "sales": ["Sales"],
    "marketing": ["Marketing"],
    "engineering": ["Engineering"],
    "finance": ["Finance"],
    "operations": ["Operations"],
    "human_resources": ["People", "Human Resources", "Talent"],
    "information_technology": ["IT", "Information Technology"],
    "product": ["Product"],
    "customer_success": ["Customer Success"],
    "design": ["Design"],
    "legal": ["Legal"],
}
_VP = [
    "VP, {F}",
    "VP of {F}",
    "Vice President of {F}",
    "Vice President, {F}",
    "SVP, {F}",
    "Senior Vice President, {F}",
    "EVP, {F}",
]
_HEAD = ["Head of {F}"]
_DIRECTOR = ["Director of {F}", "{F} Director", "Senior Director, {F}", "Director, {F}"]
_MANAGERS = {
    "sales": [
        "Sales Manager",
        "Regional Sales Manager",
        "Account Manager",
        "Sales Operations Manager",
    ],
    "marketing": [
        "Marketing Manager",
        "Product Marketing Manager",
        "Growth Manager",
        "Content Marketing Manager",
    ],
    "engineering": ["Engineering Manager", "Software Engineering Manager", "QA Manager"],
    "finance": ["Finance Manager", "Accounting Manager", "Payroll Manager"],
    "operations": ["Operations Manager", "Project Manager", "Office Manager", "Program Manager"],
    "human_resources": ["HR Manager", "Talent Acquisition Manager", "People Operations Manager"],
    "information_technology": ["IT Manager", "Security Operations Manager"],
    "product": ["Product Manager", "Senior Product Manager"],
    "customer_success": ["Customer Success Manager", "Support Manager"],
    "design": ["Design Manager"],
    "legal": ["Legal Operations Manager", "Contracts Manager"],
}
_ICS = {
    "sales": [
        "Account Executive",
        "Sales Development Representative",
        "Business Development Representative",
        "Sales Representative",
        "Inside Sales Representative",
    ],
    "marketing": [
        "Marketing Specialist",
        "Content Marketing Specialist",
        "Marketing Coordinator",
        "SEO Specialist",
        "Growth Marketer",
        "Social Media Specialist",
    ],
    "engineering": [
        "Software Engineer",
        "Backend Engineer",
        "Frontend Engineer",
        "Full Stack Developer",
        "DevOps Engineer",
        "Data Engineer",
        "QA Engineer",
        "Data Scientist",
        "Site Reliability Engineer",
        "Machine Learning Engineer",
    ],
    "finance": [
        "Accountant",
        "Financial Analyst",
        "Staff Accountant",
        "Accounts Payable Specialist",
        "Bookkeeper",
    ],
    "operations": [
        "Operations Coordinator",
        "Project Coordinator",
        "Office Administrator",
        "Operations Analyst",
        "Administrative Assistant",
    ],
    "human_resources": [
        "Recruiter",
        "HR Generalist",
        "Talent Acquisition Specialist",
        "HR Coordinator",
    ],
    "information_technology": [
        "IT Support Specialist",
        "Systems Administrator",
        "Network Administrator",
        "Help Desk Technician",
    ],
    "product": ["Product Analyst", "Product Owner"],
    "customer_success": [
        "Customer Support Specialist",
        "Customer Service Representative",
        "Implementation Specialist",
        "Client Services Associate",
    ],
    "design": ["Product Designer", "UX Designer", "Graphic Designer", "UI Designer"],
    "legal": ["Paralegal", "Legal Assistant", "Compliance Analyst"],
}
_SENIOR_PREFIX = ["Senior {T}", "Senior {T}", "Sr. {T}", "Lead {T}"]
_INTERN = ["{F} Intern", "{F} Intern", "Summer {F} Intern"]

_DEPT_WEIGHTS = {
    "software": {
        "engineering": 30,
        "sales": 18,
        "marketing": 9,
        "product": 8,
        "customer_success": 10,
        "design": 4,
        "finance": 4,
        "operations": 5,
        "human_resources": 4,
        "information_technology": 4,
        "legal": 1,
    },
    "default": {
        "sales": 20,
        "marketing": 10,
        "operations": 25,
        "finance": 10,
        "human_resources": 7,
        "information_technology": 8,
        "engineering": 6,
        "customer_success": 9,
        "product": 2,
        "design": 2,
        "legal": 1,
    },
}

_TOP = {
    "law": {
        "Managing Partner": 40,
        "Founding Partner": 12,
        "Managing Partner & CEO": 14,
        "Chief Executive Officer": 18,
        "CEO": 8,
        "Senior Partner": 8,
    },
    "accounting": {"Managing Partner": 50, "CEO": 20, "Owner": 15, "Founder & CEO": 15},
    "consulting": {
        "CEO": 30,
        "Managing Partner": 25,
        "Chief Executive Officer": 25,
        "Managing Director": 20,
    },
    "health": {"Chief Executive Officer": 40, "President & CEO": 30, "CEO": 20, "Owner": 10},
    "public": {
        "Executive Director": 45,
        "President & CEO": 25,
        "Chief Executive Officer": 20,
        "Director": 10,
    },
    "education": {
        "President": 35,
        "Head of School": 20,
        "Executive Director": 15,
        "CEO": 15,
        "Principal": 15,
    },
    "default": {
        "Chief Executive Officer": 40,
        "CEO": 25,
        "President & CEO": 20,
        "President": 10,
        "Managing Director": 5,
    },
}
_TOP_YOUNG = {
    "CEO & Co-Founder": 30,
    "Co-Founder & CEO": 25,
    "Founder & CEO": 25,
    "Founder": 10,
    "CEO": 10,
}
_TOP_SMALL = {"Owner": 40, "Owner & President": 15, "Founder": 15, "President": 15, "Principal": 15}
_COFOUNDERS = [
    "Co-Founder",
    "Co-Founder & CTO",
    "Co-Founder & COO",
    "Co-Founder & Chief Product Officer",
    "Founding Partner",
]
_C_SUITE = [  # (min headcount, probability, variants, families excluded)
    (30, 0.5, ["Chief Financial Officer", "CFO"], ()),
    (100, 0.6, ["Chief Operating Officer", "COO"], ()),
    (100, 0.45, ["Chief Technology Officer", "CTO"], ("law", "accounting")),
    (150, 0.45, ["Chief Marketing Officer", "CMO"], ()),
    (300, 0.35, ["Chief Revenue Officer", "CRO"], ("public", "education", "health")),
    (400, 0.4, ["Chief Human Resources Officer", "Chief People Officer", "CHRO"], ()),
    (500, 0.4, ["Chief Information Officer", "CIO"], ()),
    (500, 0.5, ["General Counsel", "Chief Legal Officer"], ("law",)),
    (1500, 0.4, ["Chief Information Security Officer", "CISO"], ()),
    (300, 0.3, ["Chief Product Officer", "CPO"], ("law", "accounting", "public", "health")),
]
_LEVELS = ["vp", "head", "director", "manager", "senior", "entry", "intern"]
_LEVEL_WEIGHTS_SMALL = [2, 3, 7, 20, 28, 37, 3]
_LEVEL_WEIGHTS_LARGE = [5, 4, 9, 20, 25, 33, 4]


def _cum(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    names = list(weights)
    return names, list(accumulate(weights[n] for n in names))


_TOP_CUM = {k: _cum(v) for k, v in _TOP.items()}
_TOP_YOUNG_CUM = _cum(_TOP_YOUNG)
_TOP_SMALL_CUM = _cum(_TOP_SMALL)
_SPECIALIST_CUM = {k: (share, _cum(w)) for k, (share, w) in SPECIALISTS.items()}
_DEPT_CUM = {k: _cum(v) for k, v in _DEPT_WEIGHTS.items()}


def staff_size(employees: int) -> int:
    """How many people of a company the universe holds (a sample of its headcount)."""
    return max(1, min(employees, round(2.2 * employees**0.45)))


def _pick(rng: random.Random, cum: tuple[list[str], list[float]]) -> str:
    names, weights = cum
    return rng.choices(names, cum_weights=weights)[0]


def _generic(rng: random.Random, family: str, level: str) -> str:
    dept = _pick(rng, _DEPT_CUM.get("software" if family == "software" else "default"))
    f = rng.choice(_F[dept])
    if level == "vp":
        return rng.choice(_VP).format(F=f)
    if level == "head":
        if dept == "marketing" and rng.random() < 0.4:
            return "Head of Growth"
        return rng.choice(_HEAD).format(F=f)
    if level == "director":
        return rng.choice(_DIRECTOR).format(F=f)
    if level == "manager":
        return rng.choice(_MANAGERS[dept])
    if level == "intern":
        return rng.choice(_INTERN).format(F=f)
    ic = rng.choice(_ICS[dept])
    if level == "senior":
        if dept == "engineering" and rng.random() < 0.2:
            return rng.choice(["Staff Software Engineer", "Principal Engineer"])
        return rng.choice(_SENIOR_PREFIX).format(T=ic)
    return ic


def org_chart(rng: random.Random, family: str, employees: int, age: int, count: int) -> list[str]:
    """``count`` job titles for a company, the top executive first."""
    young = age <= 12 and employees < 500
    if (
        employees <= 10
        and family not in ("law", "health", "public", "education")
        and rng.random() < 0.6
    ):
        top = _pick(rng, _TOP_SMALL_CUM)
    elif young and family not in ("law", "public", "education") and rng.random() < 0.8:
        top = _pick(rng, _TOP_YOUNG_CUM)
    else:
        top = _pick(rng, _TOP_CUM.get(family, _TOP_CUM["default"]))
    titles = [top]
    if young and count > 2 and rng.random() < 0.6:
        titles.extend(rng.sample(_COFOUNDERS[:-1] if family != "law" else _COFOUNDERS[-1:], 1))
    for min_size, p, variants, excluded in _C_SUITE:
        if len(titles) >= count:
            break
        if employees >= min_size and family not in excluded and rng.random() < p:
            titles.append(rng.choice(variants))
    rest = count - len(titles)
    if rest <= 0:
        return titles[:count]
    weights = _LEVEL_WEIGHTS_SMALL if employees < 200 else _LEVEL_WEIGHTS_LARGE
    specialist = _SPECIALIST_CUM.get(family)
    for level in rng.choices(_LEVELS, weights=weights, k=rest):
        if specialist and rng.random() < specialist[0]:
            titles.append(_pick(rng, specialist[1]))
        else:
            titles.append(_generic(rng, family, level))
    return titles
