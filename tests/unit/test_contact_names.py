"""How typed names and email addresses become first, last and full names."""

import pytest

from lexi.contacts import names


class TestSplitFullName:
    @pytest.mark.parametrize(
        ("typed", "first", "last"),
        [
            ("John Smith", "John", "Smith"),
            ("Smith, John", "John", "Smith"),
            ("  smith ,  John  ", "John", "smith"),
            ("Mary Ann van der Berg", "Mary", "Ann van der Berg"),
            ("Dr. Jane Doe", "Jane", "Doe"),
            ("Madonna", "Madonna", None),
            ("Smith,", "Smith", None),
            ("John   Smith", "John", "Smith"),
            ("", None, None),
            ("   ", None, None),
        ],
    )
    def test_splits(self, typed, first, last):
        assert names.split_full_name(typed) == (first, last)


class TestNameFromEmail:
    @pytest.mark.parametrize(
        ("email", "first", "last"),
        [
            ("john.smith@acme.com", "John", "Smith"),
            ("JOHN_SMITH@acme.com", "John", "Smith"),
            ("john-paul.jones@acme.com", "John", "Paul Jones"),
            ("john.smith+crm@acme.com", "John", "Smith"),
            ("john.smith85@acme.com", "John", "Smith"),
            ("jsmith@acme.com", "Jsmith", None),
            ("j.smith@acme.com", None, "Smith"),
            ("info@acme.com", None, None),
            ("Sales@acme.com", None, None),
            ("1234@acme.com", None, None),
            ("x@acme.com", None, None),
            ("not-an-email", None, None),
            (None, None, None),
        ],
    )
    def test_guesses(self, email, first, last):
        assert names.from_email(email) == (first, last)


class TestResolve:
    def test_parts_win_over_full_name(self):
        assert names.resolve("Ann", "Lee", "Someone Else", None) == ("Ann", "Lee", "Ann Lee")

    def test_full_name_wins_over_email(self):
        assert names.resolve(None, None, "Lee, Ann", "john.smith@x.com") == (
            "Ann",
            "Lee",
            "Ann Lee",
        )

    def test_email_is_the_last_resort(self):
        assert names.resolve(None, None, None, "ann.lee@x.com") == ("Ann", "Lee", "Ann Lee")

    def test_first_name_alone_is_a_name(self):
        assert names.resolve("Cher", None, None, None) == ("Cher", None, "Cher")

    def test_nothing_gives_nothing(self):
        assert names.resolve(None, "  ", "", "info@x.com") == (None, None, None)

    def test_whitespace_is_collapsed(self):
        assert names.resolve("  Ann ", " van  Lee ", None, None) == (
            "Ann",
            "van Lee",
            "Ann van Lee",
        )
