"""Prospect and company ids: the text form written without building a UUID is the UUID's."""

from __future__ import annotations

import uuid

import pytest

from lexi.prospects import ids


@pytest.mark.parametrize("key", [0, 1, 42, 999_999, 10_000_000, 2**40 + 7, 2**63 - 1])
def test_the_id_text_is_the_uuid_text(key: int) -> None:
    assert ids.person_id_text(key) == str(ids.person_uuid(key))
    assert ids.company_id_text(key) == str(ids.company_uuid(key))
    assert ids.person_key(uuid.UUID(ids.person_id_text(key))) == key
    assert ids.company_key(uuid.UUID(ids.company_id_text(key))) == key
    assert ids.person_key(uuid.UUID(ids.company_id_text(key))) is None
