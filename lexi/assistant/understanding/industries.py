"""Industry aliases: the words people use for the taxonomy's industries.

One line per target: the canonical industry name(s) joined by " + " (or "@Sector" for every
industry of a sector), a colon, and the phrases that mean it. Phrases are matched as normalised
keys (``text.norm_key``: singular, lower case, "&" as "and"), so "law firms" and "Law-Firm" hit
"law firm". Continuation lines are indented.
"""

from __future__ import annotations

from lexi.prospects.taxonomy import INDUSTRIES, SECTORS

_TABLE = """
Law Practice: law firm, law practice, law office, lawfirm, legal practice, legal firm, law, firm of
    lawyer, lawyer firm, attorney firm
Law Practice + Legal Services: legal, legal industry
Legal Services: legal service, legaltech, legal tech
Alternative Dispute Resolution: arbitration, mediation
Judiciary: court
Computer Software: saas, software, software company, b2b saas, software vendor
Information Technology and Services: tech, technology, it service, it consulting, it, msp, managed
    service provider
Internet: internet, internet company, dot com
Computer & Network Security: cybersecurity, cyber security, cyber, infosec, network security
Computer Hardware: hardware
Computer Networking: networking
Computer Games: gaming, video game, game studio, game developer, game company, games company,
    game publisher
Semiconductors: semiconductor, chip, chipmaker
Wireless: wireless
Telecommunications: telecom, telco, telecommunication
Nanotechnology: nanotech
Consumer Electronics: consumer electronic, electronic
E-Learning: edtech, e learning, elearning, online learning, online education
Information Services: information service, data provider
Financial Services: fintech, financial service, financial, finance, financial technology, payment,
    lending, lender, mortgage broker, mortgage lender
Banking: bank, banking, credit union, neobank
Insurance: insurance, health insurance, health insurer, health plan, payer, insurer, insurtech,
    insurance company, insurance broker, insurance agency, insurance carrier
Logistics and Supply Chain: customs broker, logistics, logistic, supply chain, 3pl, freight forwarder,
    logistics company
Investment Banking: investment bank, investment banking
Investment Management: pension fund, endowment, asset management, asset manager, investment management, hedge fund, wealth
    management, investment firm, family office, wealth manager
Venture Capital & Private Equity: vc, venture capital, vc firm, venture firm, private equity, pe,
    pe firm, vc fund
Capital Markets: capital market, trading firm
Accounting: accounting, accounting firm, accountancy, cpa firm, cpa, audit firm, bookkeeping, tax
    firm, accountant firm
Hospital & Health Care: hospital, healthcare, health care, health system, healthcare provider,
    health, healthtech, health tech
Medical Practice: medical, medical practice, clinic, dental, dental practice, dental office, doctor
    office, physician practice
Medical Devices: medical device, medtech, medical technology, medical equipment
Biotechnology: biotech, biotechnology, life science, bio
Pharmaceuticals: pharma, pharmaceutical, drug company, drugmaker
Mental Health Care: mental health, behavioral health
Health, Wellness and Fitness: fitness, wellness, gym
Veterinary: veterinary, vet clinic, animal hospital
Management Consulting: consulting, consultancy, consulting firm, management consulting, strategy
    consulting
Marketing and Advertising: agency, marketing agency, marketing, advertising, ad agency, digital
    agency, creative agency, media agency, adtech, martech, seo agency, advertising agency,
    marketing and advertising
Staffing and Recruiting: staffing, recruiting, recruitment, staffing agency, recruitment agency,
    recruiting firm, headhunter, executive search
Human Resources: hr consulting, hr tech, hr, human resource
Public Relations and Communications: pr, pr firm, pr agency, public relation, communication agency
Market Research: market research
Outsourcing/Offshoring: outsourcing, bpo, offshoring
Professional Training & Coaching: coaching, training
Research: research, research lab
Translation and Localization: translation, localization
Design: design agency, design studio, design firm
Graphic Design: graphic design
Architecture & Planning: architecture, architectural, architecture firm, architect firm, urban
    planning
Security and Investigations: security company, private investigator
Events Services: event, event management, event planning
Facilities Services: facility management, facilities
Think Tanks: think tank
Photography: photography
Writing and Editing: writing
Real Estate: real estate, real estate developer, property developer, developer of real estate,
    realty, proptech, real estate agency, property management, brokerage, real estate brokerage
Commercial Real Estate: commercial real estate, cre
Construction: construction, builder, contractor, general contractor, homebuilder, construction
    company
Building Materials: building material
Civil Engineering: civil engineering
Machinery: machinery
Industrial Automation: industrial automation, robotics, automation
Mechanical or Industrial Engineering: mechanical engineering, industrial engineering
Electrical/Electronic Manufacturing: electronics manufacturing, electronic manufacturing
Chemicals: chemical, chemical company
Plastics: plastic
Automotive: automotive, automobile, auto, automaker, car company, car manufacturer, car dealership,
    ev
Aviation & Aerospace: aerospace, aviation, aircraft
Defense & Space: defense, defence, defense contractor
Mining & Metals: mining, metal, steel
Textiles: textile
Packaging and Containers: packaging
Paper & Forest Products: paper, forestry
Printing: printing
Furniture: furniture
Shipbuilding: shipbuilding
@Manufacturing & Industry: manufacturing, manufacturer, industrial
Retail: retail, retailer, store, retail chain, shop
E-Commerce: ecommerce, e commerce, online retail, online retailer, online store, dtc, d2c, direct
    to consumer, dtc brand, ecommerce brand, online shop
Consumer Goods: consumer good, cpg, fmcg
Consumer Services: consumer service
Apparel & Fashion: fashion, apparel, clothing, fashion brand
Cosmetics: cosmetic, beauty, skincare
Luxury Goods & Jewelry: luxury, jewelry, jewellery
Sporting Goods: sporting good
Supermarkets: supermarket, grocery, grocer, grocery store
Wholesale: wholesale, wholesaler, distributor, distribution
Import and Export: import, export, import export
Food & Beverages: food and beverage, f and b, fandb, beverage, food, food company
Food Production: food production, food manufacturer, food manufacturing
Wine and Spirits: winery, wine, spirit, brewery, distillery
Dairy: dairy
Tobacco: tobacco
Restaurants: restaurant, restaurant group, restaurant chain, cafe
Hospitality: hospitality, hotel, hotel group, hotel chain, resort
Leisure, Travel & Tourism: travel, tourism, travel agency, travel company
Gambling & Casinos: casino, gambling, betting, igaming
Transportation/Trucking/Railroad: trucking, transportation, transport, railroad, railway
Package/Freight Delivery: courier, delivery, freight, parcel delivery
Warehousing: warehousing, warehouse
Airlines/Aviation: airline
Maritime: maritime, shipping, shipping company
Oil & Energy: oil and gas, energy, oil, energy company, oil and energy
Utilities: utility, utility company, utilities
Renewables & Environment: renewable, renewable energy, renewables, clean energy, cleantech, solar,
    wind energy, climate tech, climatetech, green energy
Environmental Services: environmental service, waste management, recycling
Higher Education: higher education, higher ed, university, college
Primary/Secondary Education: school, k 12, k12, school district
Education Management: education, education management
Media Production: media, media company, media production, production company
Broadcast Media: broadcast, broadcaster, tv, radio, tv station
Online Media: online media, digital media
Publishing: publishing, publisher
Newspapers: newspaper
Entertainment: entertainment
Motion Pictures and Film: film, movie, film studio
Music: music, record label
Animation: animation
Sports: sport, sports team
Museums and Institutions: museum
Libraries: library
Government Administration: government, public sector, government agency, gov, govtech, municipality
Non-Profit Organization Management: nonprofit, non profit, not for profit, ngo, charity
Philanthropy: philanthropy
Religious Institutions: church, religious
Law Enforcement: law enforcement, police
Military: military
Farming: farming, farm, agriculture, agricultural, agtech, agribusiness
Ranching: ranching, ranch
Fishery: fishery, fishing
"""


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    entries: list[str] = []
    for line in table.strip().splitlines():
        if line.startswith("    ") and entries:
            entries[-1] += " " + line.strip()
        elif line.strip():
            entries.append(line.strip())
    for entry in entries:
        target, _, phrases = entry.partition(": ")
        if target.startswith("@"):
            industries = tuple(SECTORS[target[1:]])
        else:
            industries = tuple(name.strip() for name in target.split(" + "))
        for name in industries:
            if name not in INDUSTRIES:
                raise ValueError(f"not a taxonomy industry: {name}")
        for phrase in phrases.split(","):
            if phrase.strip():
                out[phrase.strip()] = industries
    return out


INDUSTRY_ALIASES: dict[str, tuple[str, ...]] = _parse(_TABLE)
