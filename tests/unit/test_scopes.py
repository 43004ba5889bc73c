"""Scope names and the aliases accepted when a key is created."""

import pytest

from lexi.auth.scopes import ALL_SCOPES, normalize_scope, normalize_scopes
from lexi.auth.service import Caller, check_scope
from lexi.errors import InsufficientPermissions


class TestCanonicalScopes:
    @pytest.mark.parametrize("scope", ALL_SCOPES)
    def test_each_scope_maps_to_itself(self, scope: str) -> None:
        assert normalize_scope(scope) == [scope]

    def test_case_and_whitespace_are_ignored(self) -> None:
        assert normalize_scope("  Contacts:Read ") == ["contacts:read"]


class TestAliases:
    def test_read_means_every_read_scope(self) -> None:
        assert set(normalize_scope("read") or []) == {s for s in ALL_SCOPES if s.endswith(":read")}
        assert "contacts:write" not in (normalize_scope("read") or [])

    def test_write_means_every_write_scope(self) -> None:
        assert set(normalize_scope("write") or []) == {
            s for s in ALL_SCOPES if s.endswith(":write")
        }

    def test_reversed_word_order_is_accepted(self) -> None:
        assert normalize_scope("read:contacts") == ["contacts:read"]
        assert normalize_scope("write:campaigns") == ["campaigns:write"]

    def test_unknown_scopes_are_reported_not_dropped(self) -> None:
        canonical, unknown = normalize_scopes(["contacts:read", "contacts:delete", "nope"])
        assert canonical == ["contacts:read"]
        assert unknown == ["contacts:delete", "nope"]

    def test_result_is_deduplicated_in_a_stable_order(self) -> None:
        canonical, _ = normalize_scopes(["read:contacts", "contacts:read", "lexi", "read"])
        assert canonical == [s for s in ALL_SCOPES if s in set(canonical)]
        assert len(canonical) == len(set(canonical))


class TestCheckScope:
    def _caller(self, scopes: set[str]) -> Caller:
        import uuid

        return Caller(uuid.uuid4(), uuid.uuid4(), "wbk_abcd", frozenset(scopes), "standard", "pro")

    def test_held_scope_passes(self) -> None:
        check_scope(self._caller({"lexi"}), "lexi")

    def test_missing_scope_is_insufficient_permissions(self) -> None:
        with pytest.raises(InsufficientPermissions) as err:
            check_scope(self._caller({"contacts:read"}), "contacts:write")
        assert err.value.status_code == 403
        assert err.value.details == {"required_scope": "contacts:write"}
