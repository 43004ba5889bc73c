"""Where Lexi keeps its files: the per-user data directory, overridable, and never the real one in
tests."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from lexi import paths
from lexi.config import Settings


class TestDataDirectory:
    def test_lexi_data_dir_wins(self, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
        monkeypatch.setenv("LEXI_DATA_DIR", str(tmp_path / "mine"))
        assert paths.data_dir() == tmp_path / "mine"
        assert Settings().data_dir == tmp_path / "mine"

    def test_without_it_the_platforms_user_data_directory(  # type: ignore[no-untyped-def]
        self, monkeypatch, tmp_path
    ) -> None:
        from platformdirs import user_data_dir

        monkeypatch.delenv("LEXI_DATA_DIR")
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
        assert paths.data_dir() == Path(user_data_dir("lexi", appauthor=False))
        if os.name == "posix" and "darwin" not in os.uname().sysname.lower():
            assert paths.data_dir() == tmp_path / "share" / "lexi"

    def test_the_default_database_is_lexi_db_in_the_data_directory(  # type: ignore[no-untyped-def]
        self, monkeypatch, tmp_path
    ) -> None:
        monkeypatch.setenv("LEXI_DATA_DIR", str(tmp_path))
        assert Settings().database_url == f"sqlite:///{tmp_path / 'lexi.db'}"
        assert paths.database_url() == Settings().database_url

    def test_lexi_database_url_wins_over_the_data_directory(  # type: ignore[no-untyped-def]
        self, monkeypatch, tmp_path
    ) -> None:
        monkeypatch.setenv("LEXI_DATA_DIR", str(tmp_path))
        monkeypatch.setenv("LEXI_DATABASE_URL", "postgresql+psycopg://u@h/db")
        assert Settings().database_url == "postgresql+psycopg://u@h/db"
        assert paths.database_url() == "postgresql+psycopg://u@h/db"
        assert paths.database_url("sqlite:///x.db") == "sqlite:///x.db"

    def test_sqlite_file_of_a_url(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        assert paths.sqlite_file(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
        assert paths.sqlite_file("sqlite://") is None
        assert paths.sqlite_file("sqlite:///:memory:") is None
        assert paths.sqlite_file("postgresql+psycopg://u@h/db") is None


class TestTheTestSessionIsHermetic:
    def test_the_data_directory_is_a_temporary_one(self) -> None:
        here = paths.data_dir().resolve()
        assert here.is_relative_to(Path(tempfile.gettempdir()).resolve())
        assert Settings().data_dir.resolve() == here

    def test_child_processes_that_drop_lexi_variables_still_miss_the_real_directory(self) -> None:
        from platformdirs import user_data_dir

        # What a child process sees when a test strips LEXI_* from its environment.
        assert (
            Path(os.environ["XDG_DATA_HOME"])
            .resolve()
            .is_relative_to(Path(tempfile.gettempdir()).resolve())
        )
        assert (
            Path(user_data_dir("lexi", appauthor=False))
            .resolve()
            .is_relative_to(Path(tempfile.gettempdir()).resolve())
            or os.uname().sysname == "Darwin"
        )


@pytest.mark.parametrize(
    "name", ["lexi.db", "lexi.db-wal", "lexi.db-shm", "demo-key", "lexi.demo-key"]
)
def test_files_lexi_may_write_into_a_checkout_are_ignored_by_git(name: str) -> None:
    import subprocess

    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-ignore", "-q", name], cwd=root, capture_output=True, check=False
    )
    assert result.returncode == 0, f"{name} is not in .gitignore"
