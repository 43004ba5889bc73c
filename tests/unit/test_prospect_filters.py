"""The Filters object: canonical values, ranges, limits and errors that list the valid values."""

from __future__ import annotations

import pytest

from lexi.errors import ValidationFailed
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.taxonomy import INDUSTRIES, SENIORITIES


class TestCanonicalValues:
    def test_industries_are_matched_case_and_punctuation_insensitively(self) -> None:
        f = ProspectFilters.parse({"industries": ["law practice", "COMPUTER-SOFTWARE"]})
        assert f.industries == ["Law Practice", "Computer Software"]

    def test_locations_take_the_contract_format(self) -> None:
        f = ProspectFilters.parse({"locations": ["new york, ny", "California", "DE", "London"]})
        assert f.locations == ["New York, NY, US", "CA, US", "DE", "London, GB"]

    def test_headcount_strings_become_a_range(self) -> None:
        assert ProspectFilters.parse({"employees": "51-200"}).employees == {"min": 51, "max": 200}
        assert ProspectFilters.parse({"employees": "10001+"}).employees == {
            "min": 10001,
            "max": None,
        }
        assert ProspectFilters.parse({"employees": ["11-50", "51-200"]}).employees == {
            "min": 11,
            "max": 200,
        }

    def test_canonical_form_omits_empty_fields(self) -> None:
        f = ProspectFilters.parse({"titles": ["CEO"], "keywords": [], "employees": {"min": 50}})
        assert f.to_dict() == {
            "titles": ["CEO"],
            "employees": {"min": 50, "max": None},
            "limit": 25,
        }
        assert ProspectFilters.parse(f.to_dict()) == f

    def test_empty_filters_are_allowed_with_the_default_limit(self) -> None:
        f = ProspectFilters.parse({})
        assert f.is_empty() and f.limit == 25


class TestUnknownValues:
    def test_unknown_industry_lists_the_valid_ones(self) -> None:
        with pytest.raises(ValidationFailed) as err:
            ProspectFilters.parse({"industries": ["Law Practice", "Lawfirms"]})
        assert err.value.details["invalid"] == ["Lawfirms"]
        assert err.value.details["valid"] == INDUSTRIES

    def test_unknown_seniority_lists_the_valid_ones(self) -> None:
        with pytest.raises(ValidationFailed) as err:
            ProspectFilters.parse({"seniorities": ["boss"]})
        assert err.value.details["valid"] == SENIORITIES

    def test_unknown_place_gives_suggestions(self) -> None:
        with pytest.raises(ValidationFailed) as err:
            ProspectFilters.parse({"locations": ["Atlantis"]})
        assert err.value.details["invalid"] == ["Atlantis"]
        assert "suggestions" in err.value.details

    def test_unknown_filter_key_is_rejected(self) -> None:
        with pytest.raises(ValidationFailed) as err:
            ProspectFilters.parse({"titel": ["CEO"]})
        assert "titel" in err.value.details["fields"]

    @pytest.mark.parametrize(
        "data",
        [
            {"limit": 0},
            {"limit": 101},
            {"limit": "ten"},
            {"limit": True},
            {"employees": {"min": 200, "max": 50}},
            {"employees": "lots"},
            {"employees": {"min": -1}},
            {"revenue_usd": {"low": 1}},
            {"titles": "x" * 201},
            {"titles": [1, 2]},
            {"email_status": ["bounced"]},
            {"departments": ["magic"]},
        ],
    )
    def test_bad_values_are_validation_errors(self, data: dict) -> None:
        with pytest.raises(ValidationFailed):
            ProspectFilters.parse(data)

    def test_approved_tasks_may_select_up_to_ten_thousand(self) -> None:
        f = ProspectFilters.parse({"titles": ["CEO"], "limit": 10_000}, max_limit=10_000)
        assert f.limit == 10_000
        with pytest.raises(ValidationFailed):
            ProspectFilters.parse({"titles": ["CEO"], "limit": 10_001}, max_limit=10_000)

    def test_empty_filters_keep_the_ordinary_cap_even_for_approved_tasks(self) -> None:
        with pytest.raises(ValidationFailed):
            ProspectFilters.parse({"limit": 5000}, max_limit=10_000)


def test_places_take_every_country_and_other_lists_fifty() -> None:
    import tomllib
    from pathlib import Path

    import lexi.geo

    regions = tomllib.loads(
        (Path(lexi.geo.__file__).parent / "data" / "regions.toml").read_text(encoding="utf-8")
    )
    bay_area = regions["regions"]["Bay Area"]["places"]
    assert len(bay_area) > 50
    parsed = ProspectFilters.parse({"locations": bay_area}).to_dict()
    assert len(parsed["locations"]) == len(bay_area)
    emea = regions["regions"]["EMEA"]["places"]
    assert len(emea) > 100
    assert ProspectFilters.parse({"locations": emea}).to_dict()["locations"] == emea
    everywhere = [c.code for c in lexi.geo.countries()]
    assert len(ProspectFilters.parse({"locations": everywhere}).to_dict()["locations"]) == len(
        everywhere
    )
    with pytest.raises(ValidationFailed, match="At most 250"):
        ProspectFilters.parse({"locations": ["DE"] * 251})
    with pytest.raises(ValidationFailed):
        ProspectFilters.parse({"keywords": [f"word {i}" for i in range(51)]})
