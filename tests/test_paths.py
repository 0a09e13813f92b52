from pathlib import Path

from adoption.paths import default_db_path, resolve_db_path


def test_cli_value_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ADOPTION_DB", str(tmp_path / "env.duckdb"))
    assert resolve_db_path(str(tmp_path / "cli.duckdb")) == tmp_path / "cli.duckdb"
    assert resolve_db_path(None) == tmp_path / "env.duckdb"


def test_default_is_outside_the_checkout(monkeypatch, tmp_path):
    monkeypatch.delenv("ADOPTION_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_db_path(None) == default_db_path() == tmp_path / "kraftsamling-ai" / "adoption.duckdb"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_db_path() == Path.home() / ".local" / "share" / "kraftsamling-ai" / "adoption.duckdb"
