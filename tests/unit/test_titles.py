"""Job titles: normalisation to (seniority, department) and synonym-aware matching."""

from __future__ import annotations

from typing import ClassVar

import pytest

from lexi.kit.text import plural_title
from lexi.prospects.title_index import TitleIndex
from lexi.prospects.titles import canonical_tokens, match_kind, normalize, query_variants


class TestNormalize:
    @pytest.mark.parametrize(
        ("title", "industry", "seniority", "department"),
        [
            ("Chief Executive Officer", None, "c_suite", "executive"),
            ("CEO & Co-Founder", None, "founder", "executive"),
            ("Founder and CEO", None, "founder", "executive"),
            ("Owner", None, "owner", "executive"),
            ("Product Owner", None, "senior", "product"),
            ("CTO", None, "c_suite", "engineering"),
            ("Chief Financial Officer", None, "c_suite", "finance"),
            ("Chief Marketing Officer", None, "c_suite", "marketing"),
            ("General Counsel", None, "c_suite", "legal"),
            ("Chief Information Security Officer", None, "c_suite", "information_technology"),
            ("VP, Sales", None, "vp", "sales"),
            ("Vice President of Sales", None, "vp", "sales"),
            ("SVP, Engineering", None, "vp", "engineering"),
            ("Head of Growth", None, "head", "marketing"),
            ("Director of Engineering", None, "director", "engineering"),
            ("Engineering Manager", None, "manager", "engineering"),
            ("Senior Software Engineer", None, "senior", "engineering"),
            ("Sr. Account Executive", None, "senior", "sales"),
            ("Software Engineer", None, "entry", "engineering"),
            ("Marketing Intern", None, "intern", "marketing"),
            ("Managing Partner", "Law Practice", "partner", "executive"),
            ("Partner", "Law Practice", "partner", "legal"),
            ("Of Counsel", "Law Practice", "senior", "legal"),
            ("Senior Associate", "Law Practice", "senior", "legal"),
            ("Associate", "Law Practice", "entry", "legal"),
            ("Paralegal", "Law Practice", "entry", "legal"),
            ("Partner", "Accounting", "partner", "finance"),
            ("Chief of Staff", None, "senior", "other"),
            ("Assistant to the CEO", None, "entry", "other"),
            ("Customer Success Manager", None, "manager", "customer_success"),
            ("IT Manager", None, "manager", "information_technology"),
        ],
    )
    def test_maps_title_to_seniority_and_department(
        self, title: str, industry: str | None, seniority: str, department: str
    ) -> None:
        assert normalize(title, industry) == (seniority, department)


class TestCanonicalForm:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("VP, Sales", "Vice President of Sales"),
            ("VP of Sales", "Vice President - Sales"),
            ("CEO", "Chief Executive Officer"),
            ("GC", "General Counsel"),
            ("Co-Founder", "Cofounder"),
            ("SVP Marketing", "Senior Vice President, Marketing"),
        ],
    )
    def test_spellings_of_one_title_share_a_form(self, a: str, b: str) -> None:
        assert canonical_tokens(a) == canonical_tokens(b)


TITLES = [
    "CEO",
    "Chief Executive Officer",
    "CEO & Co-Founder",
    "Managing Partner & CEO",
    "Assistant to the CEO",
    "CEO's Assistant",
    "Executive Assistant to the CEO",
    "Office of the CFO",
    "President",
    "Vice President of Sales",
    "VP, Sales",
    "SVP, Sales",
    "Assistant Vice President",
    "General Counsel",
    "Deputy General Counsel",
    "Associate General Counsel",
    "Chief Legal Officer",
    "Founder",
    "Co-Founder & CTO",
    "Founding Partner",
    "Head of Growth",
    "Sales Manager",
]


def _match(query: str) -> tuple[set[str], set[str]]:
    index = TitleIndex(enumerate(TITLES))
    exact, partial = index.match([query])
    return {TITLES[i] for i in exact}, {TITLES[i] for i in partial}


class TestTitleSearch:
    def test_ceo_finds_the_spelled_out_title_and_compound_titles(self) -> None:
        exact, partial = _match("CEO")
        assert exact == {"CEO", "Chief Executive Officer"}
        assert partial == {"CEO & Co-Founder", "Managing Partner & CEO"}

    def test_a_title_searched_again_finds_the_same_and_its_lists_are_the_callers(self) -> None:
        index = TitleIndex(enumerate(TITLES))
        exact, partial = index.match(["CEO"])
        first = (list(exact), list(partial))
        exact.append(-1)  # a caller's change to its lists stays its own
        partial.clear()
        assert index.match(["CEO"]) == first
        assert index.match(["CEO", "CTO"]) != first
        assert {TITLES[i] for i in index.match(["CEO"])[0]} == {"CEO", "Chief Executive Officer"}

    def test_ceo_never_finds_the_assistants_of_a_ceo(self) -> None:
        exact, partial = _match("Chief Executive Officer")
        assert not (
            {"Assistant to the CEO", "CEO's Assistant", "Executive Assistant to the CEO"}
            & (exact | partial)
        )

    def test_president_is_not_a_vice_president(self) -> None:
        exact, partial = _match("President")
        assert exact == {"President"} and not partial

    def test_vp_sales_matches_every_spelling(self) -> None:
        exact, partial = _match("VP Sales")
        assert exact == {"Vice President of Sales", "VP, Sales"}
        assert partial == {"SVP, Sales"}

    def test_gc_means_general_counsel_but_not_its_deputies(self) -> None:
        exact, partial = _match("GC")
        assert exact == {"General Counsel", "Chief Legal Officer"}
        assert not partial

    def test_founder_finds_co_founders(self) -> None:
        exact, partial = _match("Founder")
        assert "Founder" in exact
        assert {"Co-Founder & CTO", "Founding Partner"} <= exact | partial

    def test_unknown_title_matches_nothing(self) -> None:
        assert _match("Chief Galactic Officer") == (set(), set())


class TestNamedRolesMatchThatRole:
    """A named role finds that role, not everyone at the seniority in the department."""

    TITLES: ClassVar[list[str]] = [
        "Sales Manager",
        "Manager, Sales",
        "Regional Sales Manager",
        "Account Manager",
        "Relationship Manager",
        "VP of Engineering",
        "SVP, Engineering",
        "VP of Information Technology",
        "Marketing Director",
        "Director of Marketing",
        "Communications Director",
        "Head of Growth",
        "Head of Marketing",
        "Chief People Officer",
        "CHRO",
        "VP, Human Resources",
        "HR Director",
        "Head of People",
        "HR Coordinator",
        "Revenue Operations Manager",
        "Director of Revenue Operations",
    ]

    def _match(self, query: str) -> set[str]:
        from lexi.prospects.title_index import TitleIndex

        index = TitleIndex(enumerate(self.TITLES))
        exact, partial = index.match([query])
        return {self.TITLES[i] for i in (*exact, *partial)}

    def test_sales_managers_are_not_account_managers(self):
        assert self._match("Sales Manager") == {
            "Sales Manager",
            "Manager, Sales",
            "Regional Sales Manager",
        }

    def test_vp_of_engineering_is_not_vp_of_it(self):
        assert self._match("VP of Engineering") == {"VP of Engineering", "SVP, Engineering"}

    def test_marketing_directors_are_not_communications_directors(self):
        assert self._match("Marketing Director") == {"Marketing Director", "Director of Marketing"}

    def test_heads_of_growth_are_not_heads_of_marketing(self):
        assert self._match("Head of Growth") == {"Head of Growth"}

    def test_head_of_hr_and_head_of_people_find_the_hr_leaders(self):
        leaders = {
            "Chief People Officer",
            "CHRO",
            "VP, Human Resources",
            "HR Director",
            "Head of People",
        }
        assert self._match("Head of HR") == leaders
        assert self._match("Head of People") == leaders

    def test_revops_leaders(self):
        assert self._match("Head of RevOps") == {"Director of Revenue Operations"}


class TestPartnersOfAFirm:
    """A searched "Partner" is a partner of a firm, not a role named after partnering."""

    def _match(self, query: str) -> set[str]:
        from lexi.prospects.vocabulary import vocabulary

        titles = sorted(vocabulary())
        exact, partial = TitleIndex(enumerate(titles)).match([query])
        return {titles[i] for i in (*exact, *partial)}

    def test_partner_finds_partners_and_no_business_partners(self):
        found = self._match("Partner")
        assert {"Partner", "Managing Partner", "General Partner", "Venture Partner"} <= found
        assert (
            not {
                "HR Business Partner",
                "Senior HR Business Partner",
                "Finance Business Partner",
                "People Partner",
                "Talent Partner",
                "Senior Talent Acquisition Partner",
                "Channel Partner Manager",
                "Partner Marketing Manager",
            }
            & found
        )

    def test_hr_business_partner_still_finds_itself(self):
        assert self._match("HR Business Partner") == {
            "HR Business Partner",
            "HR Business Partner Lead",
            "Senior HR Business Partner",
        }

    @pytest.mark.parametrize(
        ("title", "seniority", "department"),
        [
            ("HR Business Partner", "senior", "human_resources"),
            ("People Partner", "senior", "human_resources"),
            ("Finance Business Partner", "senior", "finance"),
            ("Channel Partner Manager", "manager", "sales"),
            ("Partner Marketing Manager", "manager", "marketing"),
            ("General Partner", "partner", "finance"),
        ],
    )
    def test_business_partners_are_not_of_partner_seniority(
        self, title: str, seniority: str, department: str
    ):
        from lexi.prospects.vocabulary import vocabulary

        assert normalize(title)[0] == seniority
        assert vocabulary()[title] == (seniority, department)


@pytest.mark.parametrize(
    ("title", "plural"),
    [
        ("Account Executive", "Account Executives"),
        ("SDR", "SDRs"),
        ("VP of Sales", "VPs of Sales"),
        ("Head of Marketing", "Heads of Marketing"),
        ("Director of Operations", "Directors of Operations"),
        ("Business Development Manager", "Business Development Managers"),
        ("Data Engineer", "Data Engineers"),
        ("Attorney", "Attorneys"),
        ("Legal Secretary", "Legal Secretaries"),
        ("Sales", "Sales"),
    ],
)
def test_a_job_title_in_the_plural(title: str, plural: str) -> None:
    assert plural_title(title) == plural


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Head of Localisation", "Head of Localization"),
        ("Organisational Development Manager", "Organizational Development Manager"),
        ("Digitalisation Lead", "Digitalization Lead"),
    ],
)
def test_british_spellings_match_the_american_titles(british, american):
    assert canonical_tokens(british) == canonical_tokens(american)
    assert match_kind(canonical_tokens(american), query_variants(british)) == 0


@pytest.mark.parametrize("written", ["Head of Ecommerce", "Head of eCom", "Head of E-Commerce"])
def test_ecommerce_written_any_way_is_one_function(written):
    assert canonical_tokens(written) == ("head", "ecommerce")
