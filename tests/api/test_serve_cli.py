"""``wirecoder serve`` is registered and checks its database path before starting."""

from __future__ import annotations

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
