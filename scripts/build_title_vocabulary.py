"""Build lexi/prospects/data/titles.tsv: the title vocabulary of the prospect universe.

    python scripts/build_title_vocabulary.py

Every title the generator's org charts can produce (``lexi.prospects.gen_staff``), plus the
common titles of real exports listed below, each with its seniority and department. The rules
of ``lexi.prospects.titles.normalize`` give the first answer; this script then fixes what a
token rule cannot know: company leaders ("Superintendent", "Chancellor", "Managing Partner")
are executives, C-suite roles are C-suite whatever they are called ("Provost"), a controller
runs accounting at director level, and roles without a function word ("Teller", "Paralegal",
"Copywriter", "Welder") belong to the department that employs them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lexi.prospects.gen_families import FAMILIES  # noqa: E402
from lexi.prospects.gen_staff import possible_titles  # noqa: E402
from lexi.prospects.taxonomy import DEPARTMENTS, SENIORITIES  # noqa: E402
from lexi.prospects.titles import normalize  # noqa: E402

OUT = ROOT / "lexi" / "prospects" / "data" / "titles.tsv"

# Titles seen in real CRM and sales-tool exports that the org charts do not produce.
EXTRA = """
Founder and CEO|Co-Founder and CEO|CEO and Founder|Co-Founder and CTO|Founder and President|Chairman|Chairwoman
|Chairman of the Board|Board Member|Board Director|Non-Executive Director|Advisor|Strategic Advisor|Investor
|Angel Investor|Self-Employed|Freelancer|Independent Consultant|Contractor|Sole Proprietor|Managing Member
|Vice Chairman|Vice Chair|Executive Chairman|Deputy CEO|Group CEO|Country Manager|Regional Manager
|Head of Distribution|General Manager|Area Manager|Senior Manager|Manager|Supervisor|Team Lead|Team Leader|Associate Director
|Executive Director of Operations|Executive Director of Sales|Executive Director of Marketing
|Director of Sales and Marketing|VP of Sales and Marketing|Vice President of Sales and Marketing
|Head of Sales and Marketing|Sales and Marketing Manager|Director of Finance and Operations
|VP of Finance and Operations|Head of Finance and Operations|Head of Operations and Finance
|Global Head of Sales|Head of EMEA Sales|VP of EMEA Sales|Head of North America Sales|VP of North America Sales
|Country Director|Managing Director, Europe|General Manager, EMEA|Head of International
|Chief Digital Officer|Chief Innovation Officer|Chief AI Officer|Chief Business Officer
|Chief Transformation Officer|Chief Administrative Officer|Chief Accounting Officer|Chief Investment Officer
|Chief Privacy Officer|Chief Security Officer|Chief Procurement Officer|Chief Sales Officer
|Chief Partnerships Officer|Chief Impact Officer|Chief Of Staff to the CEO|Executive Assistant to the CEO
|Assistant to the CEO|Personal Assistant|Virtual Assistant|Secretary|Office Coordinator
|Founding Engineer|Founding Account Executive|Member of Technical Staff|Distinguished Engineer|Fellow
|Software Engineer II|Software Engineer III|Senior Software Engineer II|Engineer|Senior Engineer
|Data Engineer II|Solutions Engineer|Sales Engineer II|Pre-Sales Consultant|Presales Engineer
|Growth Lead|Growth Hacker|Demand Generation Specialist|Marketing Lead|Marketing Director|Sales Director
|Sales Lead|Sales Specialist|Sales Agent|Commercial Director|Commercial Manager|Head of Commercial
|Key Account Director|Global Account Director|Strategic Account Manager|Enterprise Sales Director
|Head of Revenue|VP of Revenue|VP of Growth|Head of Partnerships|VP of Partnerships|Head of Customer Success
|VP of Customer Success|Head of Customer Experience|Head of Support|Head of People|VP of People|Head of HR
|HR Director|HR Business Partner Lead|Head of Recruiting|VP of Talent|Head of Finance|Finance Director
|Head of Accounting|Chief Accountant|Group Financial Controller|Financial Controller|Finance Business Partner
|Head of Legal and Compliance|Legal Counsel|Senior Legal Counsel|In-House Counsel|Company Secretary
|Head of Engineering|VP of Engineering|Engineering Director|Engineering Lead|Head of Product|VP of Product
|Head of Design|Creative Lead|Head of Marketing|VP of Marketing|Marketing Head|Head of IT|IT Director
|Head of Security|Head of Data|Data Lead|Head of Analytics|Analytics Manager|BI Analyst|BI Developer
|Head of Procurement|Head of Supply Chain|Head of Logistics|Head of Facilities|Head of Quality
|Head of Manufacturing|Plant Director|Operations Director|Head of Operations|VP of Operations
|Food and Beverage Director|Hiring Partner|Orthodontist|Periodontist|Endodontist|Oral Surgeon
|Executive Pastor|Lead Pastor|Associate Pastor|Church Administrator|Food Safety Manager
|Director of Materials Management|Materials Manager|Executive Housekeeper|Site Superintendent
|Director of Public Works|Public Works Director|Director of Instructional Technology
|Director of Real Estate|Head of Real Estate|VP of Real Estate|Dean of Admissions|Dean of Students
|VP of Transmission and Distribution|Paralegal Manager|Office Services Manager|Call Center Manager
|Call Center Director|M&A Associate|E-Commerce Director|Head of Clinical Operations
|Project Executive|Preconstruction Manager|Preconstruction Director|Chief Estimator
|OR Director|OR Manager|Shipping Manager|Director of Food and Beverage
|Director of International Expansion|Head of International Expansion|VP of International Expansion
|Head of Expansion|Director of Expansion|VP of Expansion|Expansion Manager|Director of Business Expansion
|Employee Experience Manager|Employee Experience Director|Director of Employee Experience
|Head of Employee Experience|VP of Employee Experience|Employee Experience Specialist
|Accounts Payable Supervisor|Accounts Receivable Manager|Accounts Receivable Supervisor
|Accounts Receivable Clerk|Firm Administrator|General Sales Manager|F&I Manager|F&I Director
|BDC Manager|BDC Director|BDC Representative|Dealer Principal|Internet Sales Manager
|Service Technician|Harbormaster|Golf Course Superintendent|Water Superintendent|Utility Director
|Real Estate Attorney|Beer Buyer|Wine Buyer|Library Director|ICU Nurse Manager|ER Nurse Manager
|NICU Nurse Manager|Listing Agent|Head of Benefits|Packaging Buyer|Director of Medical Staff Services
|Chef de Cuisine|Executive Sous Chef|Banquet Chef|Head of Maintenance|Head of Production
|Head of Transportation|Head of Warehouse|Maintenance Director|Production Director
|Transportation Director|Warehouse Director|Head Chef|Head Sommelier|Sommelier
|Mine Manager|Mine General Manager|Quarry Manager|Maintenance Superintendent|Mine Superintendent
|Mining Superintendent|Processing Superintendent|Mill Superintendent|Maintenance Planner
|Bursar|School Bursar|Finance Bursar|Drilling Superintendent|Completions Superintendent
|Equipment Buyer|Equipment Manager|Legal Operations Manager|Legal Operations Director
|Director of Business Intelligence|Head of Business Intelligence|Payroll Executive
|Senior Payroll Executive|Practice Manager|Dental Practice Manager
|CRM Manager|CRM Director|Head of CRM|E-commerce Manager|E-commerce Director|Head of E-commerce
|Growth Manager|Growth Director|Treasury Manager|Treasury Director|Head of Treasury
|Environmental Services Manager|Environmental Services Supervisor
|Head of Regulatory Reporting|Director of Regulatory Reporting|VP of Regulatory Reporting
|Regulatory Reporting Manager|Regulatory Reporting Analyst|Head of Internal Audit|Chief Audit Executive
|Head of Actuarial|Appointed Actuary|Head of Biometrics|Director of Biostatistics
|Health and Safety Director|Head of Health and Safety|Director of Health and Safety|Transport Manager
|Transport Planner|Fleet Manager|Class 1 Driver|HGV Driver
|Hotel Manager|Cluster General Manager|Head of Alliances|VP of Alliances|Alliances Manager
|Partner Manager|Accounts Payable Clerk|Regional Controller|Farm Manager|Orchard Manager|Agronomist
|Head of Events|Head of ESG|Director of Physical Therapy|Director of Respiratory Therapy
|Director of Occupational Therapy|Director of Rehabilitation Services|Physical Therapy Manager
|Commodity Manager|Senior Commodity Manager|Commodity Buyer|Strategic Sourcing Manager|Director of Strategic Sourcing
|FinOps Manager|FinOps Analyst|FinOps Engineer|FinOps Lead|Cloud Cost Manager|Head of Cloud|Director of Cloud Operations
|Localization Producer|Designated Broker|Principal Broker|Mine Overseer|Shift Boss|Mine Foreman
|Outsourcing Manager|Clinical Outsourcing Manager|Director of Clinical Outsourcing|Head of Outsourcing
|Vice Principal|Medical Superintendent|Head of Talent|Beauty Buyer|Head of Beauty|Beauty Category Manager
"""


def keyword_table() -> list[tuple[str, re.Pattern[str]]]:
    rules = {
        "legal": r"attorney|counsel|paralegal|\blegal\b|law clerk|conflicts|docketing|judge|magistrate|"
        r"court clerk|solicitor|barrister|company secretary",
        "finance": r"controller|accounts (payable|receivable)|billing|audit|\btax\b|actuar|underwrit|"
        r"\bloan\b|credit|teller|banker|banking|\bfund\b|investment|portfolio|trader|bookkeep|budget|"
        r"collections|\baml\b|\bkyc\b|\bbsa\b|fraud|acquisitions|asset manager|apprais|equity research|"
        r"wealth|financial|fixed income|quantitative|treasur|escrow|title officer|deposit|enrolled agent|"
        r"paraplanner|cpa|investor|general partner|venture partner|operating partner|"
        r"scout|entrepreneur in residence|claims|chief accountant|founder & cio",
        "sales": r"broker|\bagent\b|realtor|\bproducer\b.*insurance|leasing|sales|account executive|"
        r"account manager|account director|relationship manager|territory|key account|private banker|"
        r"commercial banker|personal banker|universal banker|agency manager|agency owner|casino host|"
        r"dealer|travel consultant",
        "human_resources": r"recruit|staffing|talent|sourcer|compensation|benefits|onboarding|\bhr\b|people partner|employee experience",
        "customer_success": r"customer|guest services|concierge|client service|patient (services|access)|"
        r"front desk|front office|receptionist|call center|host$",
        "information_technology": r"cyber|service desk|database|\bit\b|help desk|network|systems administrator",
        "design": r"user experience|art director|designer|animator|\bartist\b|photograph|videograph|drafter|\bcad\b|"
        r"creative|motion|\bbim\b|architect$|^architect|landscape|interior|visual merchandiser",
        "marketing": r"copywrit|media (planner|buyer|director)|brand|publicist|content|communications|"
        r"development (officer|director|manager|associate)|director of development|grant|major gifts|"
        r"fundraising|advancement|public (relations|information)|marketing|social media|seo|strategist|"
        r"editor|reporter|journalist|writer|podcast|advocacy|campaign|outreach|ad sales",
        "engineering": r"\bai\b|analytics|platform|scrum|tech lead|engineer|scientist|chemist|geolog|geophysic|biostatist|bioinformatic|researcher|"
        r"research (associate|assistant|analyst)|\blab\b|developer|r&d|machinist|tool and die|technologist|"
        r"surveyor|planner$|urban planner|environmental",
        "product": r"product develop|product owner",
        "executive": r"managing member|advisor|self-employed|freelancer|contractor|head of (strategy|commercial|international)|expansion",
        "operations": r"clerk|driver|harbormaster|warehouse|dispatch|technician|operator|assembler|welder|production|"
        r"plant|logistic|inventory|buyer|category manager|store|cashier|server|chef|\bcook\b|housekeep|"
        r"bartender|nurse|nursing|physician|surgeon|medical|clinical|therap|pharmac|dentist|dental|odontist|"
        r"chiropract|optometr|veterinar|psychiatr|psycholog|counselor|social worker|case (manager|worker)|"
        r"teacher|professor|lecturer|instructor|tutor|dean|principal|superintendent|registrar|admissions|"
        r"academic|librar|coach|trainer|paraprofessional|school|curriculum|provost|chancellor|rector|"
        r"farm|ranch|grower|agronom|herdsman|harvest|greenhouse|fisherman|deckhand|aquaculture|"
        r"carpenter|electrician|plumber|laborer|foreman|superintendent|estimator|scheduler|construction|"
        r"security (officer|guard|supervisor)|janitor|custodian|groundskeeper|maintenance|facilities|"
        r"police|sergeant|lieutenant|detective|firefighter|fire captain|paramedic|officer$|inspector|"
        r"pilot|flight attendant|mechanic|captain|lineman|installer|meter reader|utility worker|"
        r"program|project|operations|office|administrat|coordinator|assistant|secretary|"
        r"property manager|community manager|restaurant|kitchen|food and beverage|catering|event|"
        r"tour guide|recreation|housekeeper|merchandis|e-commerce|loss prevention|quality|safety|hse|ehs|"
        r"regulatory|planner|analyst|consultant|specialist|manager|hospitalist|anesthesiolog|attending|"
        r"resident|dietitian|chaplain|pastor|worship|youth|family advocate|volunteer|organizer|"
        r"museum|curator|archivist|musician|talent manager|ticketing|athletic|camera|audio|sound|"
        r"video editor|production assistant|eligibility|lobbyist|legislative|foreign service|intelligence|"
        r"trade specialist|emergency|clerk|winemaker|brewer|food scientist|packing|director of operations",
    }
    return [(dept, re.compile(pattern, re.I)) for dept, pattern in rules.items()]


def classify() -> dict[str, tuple[str, str]]:
    tops: set[str] = set()
    cores: set[str] = set()
    csuite: set[str] = set()
    for fam in FAMILIES.values():
        tops |= set(fam.top) | set(fam.small_top)
        cores |= set(fam.core) | set(fam.core_leaders)
        for _, _, variants in fam.csuite:
            csuite |= set(variants)
    titles = set(possible_titles()) | {t.strip() for t in EXTRA.split("|") if t.strip()}
    table = keyword_table()
    out: dict[str, tuple[str, str]] = {}
    for title in sorted(titles):
        seniority, department = normalize(title)
        low = title.lower()
        if (
            title in tops
            and title not in cores
            and seniority not in ("owner", "founder", "c_suite", "partner")
        ):
            seniority, department = "c_suite", "executive"
        elif title in csuite and seniority in ("entry", "senior", "manager", "director"):
            seniority = "c_suite"
        if re.search(r"\bcontroller\b", low) or low in ("treasurer", "chief accountant"):
            seniority = "manager" if low.startswith("assistant") else "director"
            department = "finance"
        if low in ("associate principal", "assistant principal", "associate dean"):
            seniority = "director"
        if low in ("judge", "magistrate", "of counsel", "counsel", "principal"):
            seniority = "senior"
        if low == "founder & cio":
            department = "executive"
        if low == "dealer principal":  # the owner who runs a car dealership
            seniority, department = "owner", "executive"
        if low.startswith(("bdc ", "internet sales")):  # a dealership's business development centre
            department = "sales"
        if low.startswith("f&i "):  # finance and insurance products sold with a car
            department = "finance"
        if department in ("other", "executive") and seniority not in (
            "owner",
            "founder",
            "c_suite",
        ):
            for dept, pattern in table:
                if pattern.search(low):
                    department = dept
                    break
        if department == "other" and seniority in ("owner", "founder", "c_suite", "partner"):
            department = "executive"
        assert seniority in SENIORITIES and department in DEPARTMENTS, title
        out[title] = (seniority, department)
    return out


def main() -> None:
    rows = classify()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("title\tseniority\tdepartment\n")
        for title, (seniority, department) in rows.items():
            f.write(f"{title}\t{seniority}\t{department}\n")
    others = sum(1 for _, d in rows.values() if d == "other")
    print(f"{len(rows)} titles ({others} in 'other') -> {OUT}")


if __name__ == "__main__":
    main()
