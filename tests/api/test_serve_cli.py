"""``wirecoder serve`` is registered and checks its database path before starting."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app


def test_serve_help_names_the_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "WIRECODER_API_KEY"):
        assert option in result.output


def test_serve_refuses_a_database_in_a_missing_folder(tmp_path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope" / "x.db")])
    assert result.exit_code == 2


def test_serve_help_offers_worker_processes() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert "--workers" in result.output


def test_worker_app_factory_reads_the_store_from_the_environment(tmp_path, monkeypatch) -> None:
    from wirecoder.api.app import app_from_env

    monkeypatch.delenv("WIRECODER_DB", raising=False)
    with pytest.raises(RuntimeError, match="WIRECODER_DB"):
        app_from_env()
    monkeypatch.setenv("WIRECODER_DB", str(tmp_path / "w.db"))
    monkeypatch.setenv("WIRECODER_MAX_BODY_BYTES", "1234")
    settings = app_from_env().state.settings
    assert settings.db_url == str(tmp_path / "w.db")
    assert settings.max_body_bytes == 1234
