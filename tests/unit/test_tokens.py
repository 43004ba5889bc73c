"""API key tokens: format, checksum, hashing, display prefix."""

from lexi.kit import tokens


class TestGeneratedTokens:
    def test_have_the_wbk_prefix_and_fixed_length(self) -> None:
        token = tokens.generate_token()
        assert token.startswith("wbk_")
        assert len(token) == 4 + 32 + 6

    def test_are_well_formed(self) -> None:
        assert all(tokens.is_well_formed(tokens.generate_token()) for _ in range(50))

    def test_are_unique(self) -> None:
        assert len({tokens.generate_token() for _ in range(500)}) == 500


class TestMalformedTokens:
    def test_a_changed_character_breaks_the_checksum(self) -> None:
        token = tokens.generate_token()
        pos = 10
        swapped = "A" if token[pos] != "A" else "B"
        assert not tokens.is_well_formed(token[:pos] + swapped + token[pos + 1 :])

    def test_wrong_prefix_length_or_alphabet_is_rejected(self) -> None:
        token = tokens.generate_token()
        assert not tokens.is_well_formed("xbk_" + token[4:])
        assert not tokens.is_well_formed(token + "a")
        assert not tokens.is_well_formed(token[:-1])
        assert not tokens.is_well_formed(token[:10] + "-" + token[11:])
        assert not tokens.is_well_formed("")
        assert not tokens.is_well_formed("wbk_bad")


class TestHashAndPrefix:
    def test_hash_is_sha256_hex_and_never_contains_the_secret(self) -> None:
        token = tokens.generate_token()
        h = tokens.hash_token(token)
        assert len(h) == 64 and all(c in "0123456789abcdef" for c in h)
        assert token[4:] not in h
        assert tokens.hash_token(token) == h

    def test_display_prefix_is_the_first_eight_characters(self) -> None:
        token = tokens.generate_token()
        assert tokens.display_prefix(token) == token[:8]
