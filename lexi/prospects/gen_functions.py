"""The generic functions every organisation has, with their career ladders, for the org charts.

Each function names itself the way titles spell it ("Sales" in "VP of Sales"), says whether it
gets a vice president at large companies, and lists its managers, senior individual
contributors, individual contributors and junior roles. ``lexi.prospects.gen_orgs`` decides who a
company employs; this module only says what the roles are called.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Function:
    names: tuple[str, ...]  # as in "VP of {name}", first is the usual one
    managers: tuple[str, ...]
    seniors: tuple[str, ...]
    ics: tuple[str, ...]
    juniors: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()  # director-level titles beyond "Director of {name}"
    vp: bool = True  # large companies have a VP of this function
    extra_heads: tuple[str, ...] = field(default=())


FUNCTIONS: dict[str, Function] = {
    "sales": Function(
        names=("Sales",),
        directors=("Regional Sales Director", "Director of Sales Operations", "Director of Enterprise Sales",
                   "Director of Inside Sales", "National Sales Director"),
        managers=("Sales Manager", "Regional Sales Manager", "Area Sales Manager", "District Sales Manager",
                  "Inside Sales Manager", "Sales Operations Manager", "Key Account Manager",
                  "Channel Sales Manager", "Territory Manager"),
        seniors=("Senior Account Executive", "Enterprise Account Executive", "Strategic Account Executive",
                 "Senior Sales Representative", "Senior Account Manager", "Sales Engineer",
                 "Solutions Consultant"),
        ics=("Account Executive", "Account Manager", "Sales Representative", "Inside Sales Representative",
             "Outside Sales Representative", "Territory Sales Representative", "Sales Consultant",
             "Sales Executive", "Business Development Manager"),
        juniors=("Sales Development Representative", "Business Development Representative",
                 "Sales Coordinator", "Sales Assistant", "Sales Associate"),
    ),
    "revops": Function(
        names=("Revenue Operations",),
        vp=True,
        managers=("Revenue Operations Manager", "Sales Operations Manager", "Sales Enablement Manager",
                  "CRM Manager"),
        seniors=("Senior Revenue Operations Analyst", "Salesforce Administrator", "Senior Sales Operations Analyst"),
        ics=("Revenue Operations Analyst", "Sales Operations Analyst", "Sales Enablement Specialist",
             "Deal Desk Analyst"),
        juniors=("Sales Operations Coordinator",),
    ),
    "bizdev": Function(
        names=("Business Development", "Partnerships", "Strategic Partnerships"),
        managers=("Business Development Manager", "Partnerships Manager", "Channel Partner Manager",
                  "Alliances Manager"),
        seniors=("Senior Business Development Manager", "Senior Partnerships Manager"),
        ics=("Business Development Associate", "Partnerships Associate", "Business Development Executive"),
        juniors=("Business Development Coordinator",),
    ),
    "marketing": Function(
        names=("Marketing",),
        directors=("Director of Product Marketing", "Director of Demand Generation", "Director of Brand",
                   "Director of Digital Marketing", "Director of Growth", "Director of Content",
                   "Director of Marketing Operations", "Director of Field Marketing"),
        extra_heads=("Head of Growth", "Head of Brand", "Head of Demand Generation",
                     "Head of Product Marketing", "Head of Content"),
        managers=("Marketing Manager", "Product Marketing Manager", "Digital Marketing Manager",
                  "Content Marketing Manager", "Growth Manager", "Brand Manager", "Demand Generation Manager",
                  "Field Marketing Manager", "Marketing Operations Manager", "Social Media Manager",
                  "Email Marketing Manager", "Events Manager", "Partner Marketing Manager",
                  "Performance Marketing Manager", "SEO Manager", "Lifecycle Marketing Manager"),
        seniors=("Senior Product Marketing Manager", "Senior Marketing Manager", "Senior Brand Manager",
                 "Senior Content Strategist", "Senior Growth Marketer", "Marketing Analytics Lead"),
        ics=("Marketing Specialist", "Content Marketing Specialist", "Digital Marketing Specialist",
             "SEO Specialist", "Growth Marketer", "Social Media Specialist", "Content Writer",
             "Marketing Analyst", "Email Marketing Specialist", "Copywriter", "Content Strategist",
             "Marketing Automation Specialist", "Paid Media Specialist"),
        juniors=("Marketing Coordinator", "Marketing Assistant", "Marketing Associate",
                 "Social Media Coordinator", "Events Coordinator"),
    ),
    "communications": Function(
        names=("Communications", "Corporate Communications", "Public Relations"),
        managers=("Communications Manager", "Public Relations Manager", "Internal Communications Manager",
                  "Media Relations Manager"),
        seniors=("Senior Communications Manager", "Senior Communications Specialist"),
        ics=("Communications Specialist", "Public Relations Specialist", "Communications Officer"),
        juniors=("Communications Coordinator", "Communications Assistant"),
    ),
    "finance": Function(
        names=("Finance",),
        directors=("Controller", "Corporate Controller", "Financial Controller", "Director of FP&A",
                   "Director of Financial Planning and Analysis", "Director of Accounting", "Treasurer",
                   "Director of Tax", "Director of Internal Audit", "Director of Finance and Administration"),
        extra_heads=("Head of FP&A", "Head of Tax", "Head of Treasury"),
        managers=("Finance Manager", "Accounting Manager", "Assistant Controller", "FP&A Manager",
                  "Payroll Manager", "Tax Manager", "Treasury Manager", "Accounts Payable Manager",
                  "Billing Manager", "Credit Manager", "Internal Audit Manager", "Senior Finance Manager"),
        seniors=("Senior Accountant", "Senior Financial Analyst", "Senior Tax Accountant",
                 "Senior Internal Auditor", "General Ledger Accountant"),
        ics=("Accountant", "Financial Analyst", "Staff Accountant", "Tax Accountant", "Internal Auditor",
             "Accounts Receivable Specialist", "Accounts Payable Specialist", "Payroll Specialist",
             "Billing Specialist", "Cost Accountant", "Treasury Analyst", "Credit Analyst", "Bookkeeper"),
        juniors=("Accounting Clerk", "Accounts Payable Clerk", "Junior Accountant", "Finance Assistant",
                 "Accounting Assistant", "Billing Coordinator"),
    ),
    "operations": Function(
        names=("Operations",),
        directors=("Director of Business Operations", "Director of Strategy and Operations",
                   "Director of Program Management"),
        extra_heads=("Head of Business Operations",),
        managers=("Operations Manager", "Project Manager", "Program Manager", "Office Manager",
                  "Business Operations Manager", "Senior Project Manager", "Facilities Manager",
                  "Senior Program Manager"),
        seniors=("Senior Operations Analyst", "Senior Business Analyst", "Strategy and Operations Lead"),
        ics=("Operations Analyst", "Business Analyst", "Operations Specialist", "Project Coordinator",
             "Executive Assistant", "Office Administrator", "Operations Associate"),
        juniors=("Operations Coordinator", "Administrative Assistant", "Receptionist",
                 "Office Assistant", "Data Entry Clerk"),
    ),
    "procurement": Function(
        names=("Procurement", "Purchasing", "Supply Chain"),
        directors=("Director of Supply Chain", "Director of Procurement", "Director of Logistics"),
        managers=("Procurement Manager", "Purchasing Manager", "Supply Chain Manager", "Logistics Manager",
                  "Materials Manager", "Category Manager", "Sourcing Manager", "Inventory Manager"),
        seniors=("Senior Buyer", "Senior Supply Chain Analyst", "Strategic Sourcing Specialist"),
        ics=("Buyer", "Purchasing Agent", "Procurement Specialist", "Supply Chain Analyst",
             "Logistics Coordinator", "Inventory Analyst", "Demand Planner", "Supply Planner"),
        juniors=("Purchasing Assistant", "Inventory Clerk", "Shipping and Receiving Clerk"),
    ),
    "hr": Function(
        names=("Human Resources", "People", "Talent", "People Operations"),
        directors=("Director of Talent Acquisition", "Director of Total Rewards",
                   "Director of Learning and Development", "HR Director", "Director of People Operations"),
        extra_heads=("Head of Talent Acquisition", "Head of People Operations", "Head of Talent"),
        managers=("HR Manager", "Talent Acquisition Manager", "People Operations Manager",
                  "Human Resources Manager", "Recruiting Manager", "Compensation Manager",
                  "Benefits Manager", "Learning and Development Manager", "HR Business Partner"),
        seniors=("Senior HR Business Partner", "Senior Recruiter", "Senior Technical Recruiter",
                 "Senior Talent Acquisition Partner"),
        ics=("Recruiter", "HR Generalist", "Talent Acquisition Specialist", "Technical Recruiter",
             "People Partner", "Compensation Analyst", "Benefits Specialist", "HR Specialist",
             "Training Specialist", "Sourcer"),
        juniors=("HR Coordinator", "Recruiting Coordinator", "HR Assistant", "People Operations Coordinator"),
    ),
    "it": Function(
        names=("IT", "Information Technology", "Infrastructure"),
        directors=("IT Director", "Director of Information Security", "Director of Infrastructure",
                   "Director of Enterprise Applications"),
        extra_heads=("Head of IT", "Head of Information Security"),
        managers=("IT Manager", "IT Project Manager", "Security Operations Manager", "Network Manager",
                  "Infrastructure Manager", "Service Desk Manager", "Systems Manager"),
        seniors=("Senior Systems Administrator", "Senior Network Engineer", "Information Security Analyst",
                 "Senior IT Business Analyst", "Systems Architect", "Security Engineer", "Cloud Architect"),
        ics=("IT Support Specialist", "Systems Administrator", "Network Administrator", "Network Engineer",
             "Systems Engineer", "IT Business Analyst", "Database Administrator", "IT Specialist",
             "Desktop Support Technician", "Systems Analyst"),
        juniors=("Help Desk Technician", "IT Support Technician", "Service Desk Analyst", "IT Technician"),
    ),
    "engineering": Function(
        names=("Engineering",),
        directors=("Director of Software Engineering", "Director of Platform Engineering",
                   "Director of Data Engineering", "Director of Infrastructure Engineering",
                   "Director of Quality Assurance", "Director of Data Science"),
        extra_heads=("Head of Data", "Head of Platform", "Head of Infrastructure", "Head of Data Science",
                     "Head of AI", "Head of Machine Learning"),
        managers=("Engineering Manager", "Software Engineering Manager", "Senior Engineering Manager",
                  "QA Manager", "Data Engineering Manager", "Technical Program Manager",
                  "Data Science Manager"),
        seniors=("Senior Software Engineer", "Staff Software Engineer", "Principal Engineer",
                 "Senior Backend Engineer", "Senior Frontend Engineer", "Senior Data Engineer",
                 "Senior Data Scientist", "Senior DevOps Engineer", "Senior Site Reliability Engineer",
                 "Tech Lead", "Software Architect", "Staff Engineer", "Principal Software Engineer",
                 "Senior Machine Learning Engineer", "Senior Full Stack Engineer", "Lead Software Engineer"),
        ics=("Software Engineer", "Backend Engineer", "Frontend Engineer", "Full Stack Engineer",
             "Full Stack Developer", "Software Developer", "DevOps Engineer", "Data Engineer", "QA Engineer",
             "Data Scientist", "Site Reliability Engineer", "Machine Learning Engineer", "Mobile Engineer",
             "iOS Engineer", "Android Engineer", "Platform Engineer", "Cloud Engineer", "Data Analyst",
             "Security Engineer", "Test Automation Engineer", "Web Developer", "Analytics Engineer"),
        juniors=("Junior Software Engineer", "Associate Software Engineer", "Junior Developer",
                 "Software Engineer I", "QA Analyst"),
    ),
    "product": Function(
        names=("Product", "Product Management"),
        directors=("Director of Product Management", "Group Product Manager"),
        managers=("Product Manager", "Senior Product Manager", "Principal Product Manager",
                  "Technical Product Manager"),
        seniors=("Lead Product Manager", "Senior Product Owner"),
        ics=("Product Owner", "Product Analyst", "Associate Product Manager", "Product Operations Specialist"),
        juniors=("Product Management Intern", "Product Coordinator"),
    ),
    "design": Function(
        names=("Design", "Product Design", "User Experience"),
        directors=("Design Director", "Director of UX", "Director of Product Design"),
        extra_heads=("Head of Product Design", "Head of UX"),
        managers=("Design Manager", "UX Manager"),
        seniors=("Senior Product Designer", "Senior UX Designer", "Lead Designer", "Principal Designer",
                 "UX Researcher", "Senior UX Researcher"),
        ics=("Product Designer", "UX Designer", "UI Designer", "Graphic Designer", "Visual Designer",
             "Interaction Designer", "UX Writer"),
        juniors=("Junior Designer", "Design Assistant"),
    ),
    "customer_success": Function(
        names=("Customer Success", "Customer Experience", "Customer Service", "Customer Support"),
        directors=("Director of Client Services", "Director of Customer Support", "Director of Professional Services"),
        managers=("Customer Success Manager", "Customer Support Manager", "Customer Service Manager",
                  "Client Services Manager", "Implementation Manager", "Support Manager",
                  "Professional Services Manager", "Onboarding Manager"),
        seniors=("Senior Customer Success Manager", "Enterprise Customer Success Manager",
                 "Senior Implementation Consultant", "Technical Account Manager", "Solutions Architect"),
        ics=("Customer Support Specialist", "Customer Service Representative", "Implementation Specialist",
             "Client Services Associate", "Technical Support Engineer", "Customer Success Associate",
             "Support Engineer", "Onboarding Specialist", "Client Relationship Manager"),
        juniors=("Customer Service Associate", "Customer Support Representative", "Call Center Agent",
                 "Client Services Coordinator"),
    ),
    "legal": Function(
        names=("Legal",),
        directors=("Deputy General Counsel", "Associate General Counsel", "Director of Compliance",
                   "Chief Compliance Officer"),
        extra_heads=("Head of Legal", "Head of Compliance"),
        managers=("Legal Operations Manager", "Contracts Manager", "Compliance Manager", "Privacy Manager"),
        seniors=("Senior Corporate Counsel", "Corporate Counsel", "Senior Counsel", "Senior Compliance Analyst",
                 "Product Counsel", "Employment Counsel", "Privacy Counsel"),
        ics=("Paralegal", "Compliance Analyst", "Contracts Administrator", "Legal Analyst",
             "Compliance Specialist", "Compliance Officer"),
        juniors=("Legal Assistant", "Legal Coordinator"),
    ),
    "quality": Function(
        names=("Quality", "Quality Assurance"),
        directors=("Director of Quality", "Quality Director", "Director of Regulatory Affairs"),
        managers=("Quality Manager", "Quality Assurance Manager", "Quality Control Manager",
                  "EHS Manager", "Health and Safety Manager", "Regulatory Affairs Manager"),
        seniors=("Senior Quality Engineer", "Senior Regulatory Affairs Specialist", "EHS Specialist"),
        ics=("Quality Engineer", "Quality Inspector", "Quality Assurance Specialist", "Quality Control Analyst",
             "Regulatory Affairs Specialist", "Safety Coordinator", "Environmental Health and Safety Coordinator"),
        juniors=("Quality Control Technician", "Quality Technician"),
    ),
    "facilities": Function(
        names=("Facilities",),
        vp=False,
        managers=("Facilities Manager", "Maintenance Manager", "Building Manager"),
        seniors=("Facilities Supervisor", "Maintenance Supervisor"),
        ics=("Maintenance Technician", "Facilities Coordinator", "Building Engineer", "HVAC Technician",
             "Electrician"),
        juniors=("Custodian", "Janitor", "Groundskeeper"),
    ),
}

# Role names that stand for a function in C-suite and VP titles.
VP_PATTERNS = (
    ("Vice President of {F}", 20), ("VP of {F}", 25), ("VP, {F}", 12), ("VP {F}", 4),
    ("Vice President, {F}", 8), ("SVP, {F}", 5), ("Senior Vice President of {F}", 4),
    ("EVP, {F}", 2), ("Executive Vice President, {F}", 1), ("Regional Vice President, {F}", 1),
)
HEAD_PATTERNS = (("Head of {F}", 10), ("Global Head of {F}", 1))
DIRECTOR_PATTERNS = (
    ("Director of {F}", 20), ("{F} Director", 8), ("Senior Director of {F}", 5), ("Director, {F}", 5),
    ("Senior Director, {F}", 3), ("Associate Director of {F}", 2),
)
SENIOR_PREFIXES = (("Senior {T}", 6), ("Sr. {T}", 1), ("Lead {T}", 1))
INTERN_PATTERNS = (("{F} Intern", 4), ("Summer {F} Intern", 1))
