"""The vocabulary files of understanding (``lexi/assistant/understanding/data/*.toml``) hold only
values the rest of Lexi knows: a bad edit fails here, not as a search that finds nobody."""

from __future__ import annotations

from functools import cache

import pytest

from lexi.assistant.understanding import industries, lexicon
from lexi.assistant.understanding.slots import INDUSTRY_KEYS, ROLE_KEYS
from lexi.assistant.understanding.text import norm_key
from lexi.prospects.taxonomy import DEPARTMENTS, INDUSTRIES, SECTORS, SENIORITIES
from lexi.prospects.titles import canonical_tokens, match_kind, query_variants
from lexi.prospects.vocabulary import canonical_title, vocabulary

ROLES = lexicon.data_file("roles.toml")["roles"]
DEPARTMENT_DATA = lexicon.data_file("departments.toml")
SIZES = lexicon.data_file("sizes.toml")["sizes"]
INDUSTRY_TABLE = lexicon.data_file("industries.toml")["industries"]

# Real titles the generated title vocabulary does not have yet; a search for them still matches
# imported people. Remove a title here once the vocabulary has it (a test below insists).
VOCABULARY_GAPS = {
    "Business Affairs Director",
    "Centre Director",
    "Director of Business Affairs",
    "Educational Leader",
    "Head of Business Affairs",
    "Line Producer",
    "Post Production Supervisor",
    "Production Accountant",
    "Production Controller",
    "Unit Production Manager",
    "Business Office Director",
    "Business Office Manager",
    "Health Information Management Director",
    "Health Information Manager",
    "Studio Manager",
    "AI Engineer",
    "Bar Operations Manager",
    "Biobank Manager",
    "Biorepository Manager",
    "Box Office Manager",
    "Cellar Manager",
    "Corporate Chef",
    "EU Affairs Director",
    "FF&E Buyer",
    "FF&E Manager",
    "FF&E Procurement Manager",
    "EU Affairs Lead",
    "EU Affairs Manager",
    "EU Government Affairs Manager",
    "Head of EU Affairs",
    "Secretary General",
    "Chief Pharmacist",
    "Cold Chain Manager",
    "Head Roaster",
    "Head of Cold Chain",
    "Q Grader",
    "Principal Investigator",
    "Qualified Person",
    "Roastmaster",
    "Drinks Manager",
    "Facility Security Officer",
    "Head Bartender",
    "Head of Drinks",
    "Information System Security Manager",
    "Information System Security Officer",
    "Authorized Signatory",
    "Barrister",
    "Board Chair",
    "Board President",
    "Campus Recruiter",
    "Campus Recruiting Manager",
    "Cardiac Surgeon",
    "Chief Architect",
    "Commercial Lines Producer",
    "Compensation and Benefits Manager",
    "Data Protection Officer",
    "Director General",
    "Director of Financial Aid",
    "Director of Health Information Management",
    "Director of Sustainability",
    "Dispatch Manager",
    "Export Manager",
    "Fire Chief",
    "Franchisee",
    "Frontend Developer",
    "HIM Director",
    "Head Teacher",
    "Headmaster",
    "Headmistress",
    "Head Buyer",
    "IT Administrator",
    "Lawyer",
    "Marine Superintendent",
    "Neurosurgeon",
    "Orthopedic Surgeon",
    "Owner's Representative",
    "Personal Lines Producer",
    "Plastic Surgeon",
    "Produce Buyer",
    "Radiologist",
    "SDR Manager",
    "School Business Manager",
    "School Secretary",
    "Solicitor",
    "Spine Surgeon",
    "Technical Superintendent",
    "Technical Writer",
    "University Recruiting Manager",
    "University Relations Manager",
    "VP of Payments",
    "iOS Developer",
}


@cache
def _vocabulary_tokens() -> list[tuple[str, ...]]:
    return [canonical_tokens(t) for t in vocabulary()]


def _known_title(title: str) -> bool:
    """In the vocabulary, or found by a title search among the vocabulary's titles."""
    if canonical_title(title) is not None:
        return True
    variants = query_variants(title)
    return any(match_kind(tokens, variants) is not None for tokens in _vocabulary_tokens())


def _titles() -> list[str]:
    return sorted({t for role in lexicon.ROLES.values() for t in role.titles})


class TestRoles:
    @pytest.mark.parametrize("title", _titles())
    def test_every_title_is_known_to_the_title_vocabulary(self, title):
        if title in VOCABULARY_GAPS:
            pytest.skip("a title the vocabulary lacks (VOCABULARY_GAPS)")
        if title in lexicon.COMPOSED_TITLE_BASES and not _known_title(title):
            # "Drinks Buyer", "Head Nurse": searched as said; when it finds nobody, the plain
            # title is the near search offered ("Buyer", "Nurse"), which the vocabulary must know
            title = lexicon.COMPOSED_TITLE_BASES[title]
        assert _known_title(title), f"{title!r} matches no title of lexi/prospects/data/titles.tsv"

    def test_the_vocabulary_gaps_are_still_gaps(self):
        assert not [t for t in VOCABULARY_GAPS if _known_title(t)]
        assert set(_titles()) >= VOCABULARY_GAPS

    def test_seniorities_and_departments_are_the_enums(self):
        for phrase, role in lexicon.ROLES.items():
            assert set(role.seniorities) <= set(SENIORITIES), phrase
            assert set(role.departments) <= set(DEPARTMENTS), phrase

    def test_every_phrase_means_something(self):
        for phrase, role in lexicon.ROLES.items():
            assert role.titles or role.seniorities or role.departments or role.generic, phrase

    def test_no_two_phrases_collapse_to_one_key_with_different_roles(self):
        seen: dict[str, lexicon.Role] = {}
        for phrase, role in lexicon.ROLES.items():
            key = norm_key(phrase)
            assert seen.setdefault(key, role) == role, f"{phrase!r} and another are both {key!r}"

    def test_an_unknown_field_fails_loudly(self):
        with pytest.raises(ValueError, match="unknown fields"):
            lexicon._role("vp", {"seniority": ["vp"]})

    @pytest.mark.parametrize(
        "word",
        "VPE SVP EVP GC CRO CISO CHRO CPO CMO RevOps SDR AE BDR CSM".split(),
    )
    def test_sales_abbreviations_are_known(self, word):
        assert norm_key(word) in ROLE_KEYS


class TestDepartments:
    def test_every_value_is_a_department(self):
        assert set(DEPARTMENT_DATA["departments"].values()) <= set(DEPARTMENTS)

    def test_words_after_of_only_are_department_words(self):
        assert set(DEPARTMENT_DATA["after_of_only"]) <= set(DEPARTMENT_DATA["departments"])

    def test_cased_only_words_are_their_capitals(self):
        for key, written in DEPARTMENT_DATA["cased_only"].items():
            assert written.lower() == key


class TestSizes:
    def test_every_size_is_a_range(self):
        for word, bounds in SIZES.items():
            assert bounds and set(bounds) <= {"min", "max"}, word
            assert all(isinstance(v, int) and v > 0 for v in bounds.values()), word
            assert bounds.get("min", 0) <= bounds.get("max", 10**9), word


class TestIndustries:
    def test_every_target_is_in_the_taxonomy(self):
        for target in INDUSTRY_TABLE:
            if target.startswith("@"):
                assert target[1:] in SECTORS, target
            names = industries.targets(target)
            assert names and set(names) <= set(INDUSTRIES), target

    def test_a_phrase_means_one_target(self):
        seen: dict[str, str] = {}
        for target, phrases in INDUSTRY_TABLE.items():
            for phrase in phrases:
                assert seen.setdefault(norm_key(phrase), target) == target, phrase

    def test_a_target_outside_the_taxonomy_fails_loudly(self):
        with pytest.raises(ValueError, match="not a taxonomy industry"):
            industries._parse({"Fintech": ["fintech"]})

    @pytest.mark.parametrize(
        "word",
        "fintech healthtech proptech edtech biotech medtech insurtech martech D2C DTC CPG 3PL".split(),
    )
    def test_industry_shorthand_is_known(self, word):
        assert norm_key(word) in INDUSTRY_KEYS


class TestTechnologies:
    TECH = lexicon.data_file("technologies.toml")

    def test_every_technology_the_universe_uses_is_understood(self):
        from lexi.prospects.gen_company_text import COMMON_TECH, TECH

        used = {*COMMON_TECH, *(t for names in TECH.values() for t in names)}
        assert sorted(t for t in used if lexicon.TECHNOLOGY_SPELLING.get(t.lower()) != t) == []

    def test_each_spelling_names_one_technology(self):
        spellings = [s.lower() for n, o in self.TECH["technologies"].items() for s in (n, *o)]
        assert len(spellings) == len(set(spellings))

    def test_ambiguous_names_are_spellings_of_a_technology(self):
        assert sorted(lexicon.AMBIGUOUS_TECHNOLOGIES - set(lexicon.TECHNOLOGIES)) == []


@pytest.mark.parametrize(
    ("text", "technologies"),
    [
        ("recruiters at staffing firms using Bullhorn", ["Bullhorn"]),
        ("property managers at companies that use Yardi or AppFolio", ["Yardi", "AppFolio"]),
        ("CFOs at banks using nCino", ["nCino"]),
        ("software engineers at companies running k8s and postgres", ["Kubernetes", "PostgreSQL"]),
        ("admissions directors at universities using Slate", ["Slate"]),
        ("marketing directors at Salesforce shops", ["Salesforce"]),
        ("CTOs with a clever plan in Ohio", []),
        ("plant managers at Siemens customers", []),
        ("security leads at companies running crowdstrike or zscaler", ["CrowdStrike", "Zscaler"]),
        ("controllers at companies using sage intacct", ["Sage Intacct"]),
    ],
)
def test_technologies_are_read_in_their_canonical_spelling(text, technologies):
    from lexi.assistant.understanding import interpret

    (intent,) = interpret(text).intents
    assert list(intent.filters.get("technologies") or []) == technologies


class TestShorthand:
    def test_keys_are_lower_case_and_singular(self):
        from lexi.assistant.understanding.shorthand import WORDS

        for key in WORDS:
            assert key == key.lower() and " ".join(key.split()) == key, key
            assert not (key.endswith("s") and key[:-1] in WORDS), key

    def test_titles_meant_by_industry_are_known(self):
        from lexi.assistant.understanding.shorthand import BY_INDUSTRY

        for title, (_, meant, named) in BY_INDUSTRY.items():
            assert _known_title(title) and _known_title(meant), title
            assert named <= set(INDUSTRIES), title


class TestSmallTalk:
    def test_each_word_is_listed_once_in_lower_case(self):
        data = lexicon.data_file("small_talk.toml")
        words = [w for kind in ("greeting", "thanks", "goodbye", "filler") for w in data[kind]]
        assert len(words) == len(set(words)), sorted({w for w in words if words.count(w) > 1})
        assert all(w == w.lower() for w in words)


class TestMixedLanguages:
    @pytest.mark.parametrize("name", ["spanish.toml", "malay.toml"])
    def test_keys_are_lower_case_and_single_spaced(self, name):
        data = lexicon.data_file(name)
        keys = [
            *data["markers"]["words"],
            *data["markers"].get("unless", []),
            *data["phrases"],
            *data.get("asides", {}).get("starts", []),
        ]
        for key in keys:
            assert key == key.lower() and " ".join(key.split()) == key.strip(), key

    @pytest.mark.parametrize("name", ["spanish.toml", "malay.toml"])
    def test_each_marker_is_listed_once(self, name):
        words = lexicon.data_file(name)["markers"]["words"]
        assert len(words) == len(set(words)), sorted({w for w in words if words.count(w) > 1})

    @pytest.mark.parametrize(
        "text",
        [
            "find CFOs at banks in New York and save them to Q1 Leads",
            "solo practitioners at law firms in Ohio",
            "a campaign about Sobre Foods for Q1 Leads",
            "make it more casual, please",
            "CFOs at Yang Ming Marine and Dong Energy in Taipei",
            "ADA compliance consultants in Denver",
        ],
    )
    def test_english_is_left_as_written(self, text):
        from lexi.assistant.understanding.mixed import in_english

        assert in_english(text, ["Q1 Leads"]) == text

    def test_a_known_list_name_is_left_as_written(self):
        from lexi.assistant.understanding.mixed import in_english

        assert in_english("guárdalos en US SaaS en MX", ["US SaaS en MX"]) == (
            "save them to US SaaS en MX"
        )

    @pytest.mark.parametrize(
        ("text", "english"),
        [
            ("tambah Surabaya juga", "add Surabaya too"),
            ("berapa kredit sisa", "how many credits are left"),
            (
                "simpan ke list baru namanya Fashion Lokal Q1",
                "save them to new list called Fashion Lokal Q1",
            ),
            ("lebih formal ya", "more formal"),
        ],
    )
    def test_indonesian_and_malay_are_said_in_english(self, text, english):
        from lexi.assistant.understanding.mixed import in_english

        assert in_english(text, []) == english
