"""Baseline: the schema of the first stores (documents, events, actors, statements,
allegations, demands, evidence, failures, full-text search, schema_version).

Databases made before migrations existed carry no Alembic stamp; the store stamps them with
this revision and upgrades from here.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to do: every database at this revision was created whole by ``create_all``."""


def downgrade() -> None:
    """The baseline is the floor."""
