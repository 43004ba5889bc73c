"""Every error class renders the one envelope with its documented status and code."""

import json

import pytest

from lexi import errors
from lexi.errors import ERROR_CODES, LexiError, error_response, validation_details


def _all_error_classes() -> list[type[LexiError]]:
    out, stack = [], [LexiError]
    while stack:
        cls = stack.pop()
        out.append(cls)
        stack.extend(cls.__subclasses__())
    return [c for c in out if c.__module__ == "lexi.errors"]


def _instance(cls: type[LexiError]) -> LexiError:
    if cls is errors.InsufficientCredits:
        return cls(balance=3, required=5)
    return cls()


class TestEnvelope:
    @pytest.mark.parametrize("cls", _all_error_classes(), ids=lambda c: c.__name__)
    def test_each_class_renders_its_code_and_status(self, cls: type[LexiError]) -> None:
        exc = _instance(cls)
        response = error_response(exc)
        body = json.loads(response.body)
        assert response.status_code == exc.status_code
        assert body["error"]["code"] == exc.code
        assert body["error"]["message"]
        assert ERROR_CODES[exc.code] == exc.status_code

    def test_details_are_omitted_when_absent(self) -> None:
        assert "details" not in errors.NotFound().body()["error"]

    def test_resource_specific_code_overrides_the_default(self) -> None:
        exc = errors.NotFound("List not found.", code="list_not_found")
        assert exc.body() == {"error": {"code": "list_not_found", "message": "List not found."}}
        assert exc.status_code == 404

    def test_insufficient_credits_reports_balance_and_required(self) -> None:
        body = errors.InsufficientCredits(balance=3, required=5).body()
        assert body["error"]["details"] == {"balance": 3, "required": 5}

    def test_field_helper_names_the_field(self) -> None:
        exc = errors.ValidationFailed.field("name", "Must be unique")
        assert exc.details == {"fields": {"name": "Must be unique"}}

    def test_class_defaults_are_not_shared_between_instances(self) -> None:
        errors.NotFound(code="list_not_found")
        assert errors.NotFound().code == "not_found"


class TestValidationDetails:
    def test_malformed_json_gets_its_own_message(self) -> None:
        message, fields = validation_details([{"type": "json_invalid", "loc": ("body", 3)}])
        assert "JSON" in message and fields == {"body": "Malformed JSON"}

    def test_fields_are_named_without_the_location_prefix(self) -> None:
        _, fields = validation_details(
            [
                {"type": "string_too_long", "loc": ("body", "name"), "msg": "too long"},
                {"type": "int_parsing", "loc": ("query", "page"), "msg": "not an int"},
            ]
        )
        assert fields == {"name": "too long", "page": "not an int"}


class TestResourceNotFoundCodes:
    def test_are_404_variants_distinct_from_the_generic_codes(self) -> None:
        assert errors.NOT_FOUND_CODES.isdisjoint(ERROR_CODES)
        assert all(code.endswith("_not_found") for code in errors.NOT_FOUND_CODES)

    @pytest.mark.parametrize("code", sorted(errors.NOT_FOUND_CODES))
    def test_render_as_404(self, code: str) -> None:
        response = error_response(errors.NotFound(code=code))
        assert response.status_code == 404
        assert json.loads(response.body)["error"]["code"] == code
