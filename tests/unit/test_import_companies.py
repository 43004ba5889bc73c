"""Company names in their normal form, and the choice among companies that share one."""

from __future__ import annotations

from typing import Any

import pytest

from lexi.prospects.import_companies import Book, name_key, search_words


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Acme Corp", "ACME Corporation", "Acme Corp.", "acme, inc.", "The Acme Company"], "acme"),
        (["Acme", "Acme L.L.C.", "Acme LLC", "Acme Ltd", "Acme Limited", "Acme GmbH"], "acme"),
        (
            ["Acme Pty Ltd", "Acme GmbH & Co. KG", "Acme & Co", "Acme and Company", "ACME S.A."],
            "acme",
        ),
        (["Harbor & Pine", "Harbor and Pine Ltd", "The Harbor & Pine Company"], "harbor and pine"),
        (["O'Reilly Media", "OReilly Media, Inc.", "O\u2019Reilly Media"], "oreilly media"),
        (["Zürich Versicherung AG", "Zurich Versicherung"], "zurich versicherung"),
        (["Straße Werke GmbH", "STRASSE WERKE"], "strasse werke"),
        (["Dell-EMC", "Dell EMC"], "dell emc"),
    ],
)
def test_spellings_of_one_company_share_a_key(names: list[str], key: str) -> None:
    assert {name_key(n) for n in names} == {key}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Company", "company"),  # never emptied: a legal form alone is the name
        ("Inc", "inc"),
        ("The", "the"),
        ("Acme Holdings", "acme holdings"),  # a holding is another company
        ("Acme Group", "acme group"),
        ("Johnson & Johnson", "johnson and johnson"),
        ("Théâtre du Soleil", "theatre du soleil"),
        ("---", None),
        (None, None),
    ],
)
def test_what_is_kept(name: str | None, key: str | None) -> None:
    assert name_key(name) == key


def test_search_words_leave_out_legal_forms_and_filler() -> None:
    assert search_words("The Harbor & Pine Company Ltd") == ["harbor", "pine"]
    assert search_words("O'Reilly Media, Inc.") == ["media", "reilly"]
    assert search_words("H&M") == ["h", "m"]  # only one-letter words: they are all there is


def row(**values: Any) -> dict[str, Any]:
    base = dict.fromkeys(
        (
            "company_name",
            "company_domain",
            "company_city",
            "company_country",
            "country",
            "employee_count",
        )
    )
    return {**base, **values}


def company(**values: Any) -> dict[str, Any]:
    return {"id": None, "name": None, "domain": None, "city": None, "country": None, **values}


class TestBook:
    def test_the_hq_country_keeps_same_named_companies_apart(self) -> None:
        book = Book(("employee_count",))
        us = book.resolve(
            row(company_name="Northwind Inc", company_country="US"),
            company(name="Northwind Inc", country="US"),
        )
        de = book.resolve(
            row(company_name="Northwind GmbH", company_country="DE"),
            company(name="Northwind GmbH", country="DE"),
        )
        assert us is not de and len(book.created) == 2
        assert book.resolve(row(company_name="NORTHWIND", company_country="DE"), None) is de
        # No HQ: the person's country decides, else the oldest.
        assert book.resolve(row(company_name="Northwind", country="DE"), None) is de
        assert book.resolve(row(company_name="Northwind", country="FR"), None) is us
        assert book.resolve(row(company_name="Northwind", company_country="FR"), None) is None

    def test_a_domain_fills_in_a_company_without_one_and_not_one_with_another(self) -> None:
        book = Book(("employee_count",))
        first = book.resolve(row(company_name="Acme Corp"), company(name="Acme Corp"))
        filled = book.resolve(
            row(company_name="ACME", company_domain="acme.com", employee_count=50),
            company(name="ACME", domain="acme.com"),
        )
        assert filled is first and first is not None
        assert (first.values["domain"], first.values["employee_count"]) == ("acme.com", 50)
        other = book.resolve(
            row(company_name="Acme Corp", company_domain="acme.de"),
            company(name="Acme Corp", domain="acme.de"),
        )
        assert other is not first and len(book.created) == 2
        # By domain first, whatever the name says.
        assert (
            book.resolve(row(company_name="Acme Germany", company_domain="acme.de"), None) is other
        )
