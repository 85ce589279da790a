"""Bring a database's schema to the newest Alembic revision, on an open connection.

Three cases, decided under the store's write lock so concurrent openers cannot race:
a database without the store's tables (new, or emptied) is built from ``schema.metadata``
and stamped with the head revision;
a database made before migrations existed (tables, no stamp) is stamped with the baseline
and upgraded; a stamped one is upgraded (nothing to do when already at head).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from . import schema as S

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"


@dataclass(frozen=True, slots=True)
class Migration:
    before: str | None  # the revision found (None: a new or unstamped database)
    after: str
    created: bool  # the tables were built just now


def _config(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    """The newest revision shipped with this wirecoder (the schema version it writes)."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None, "no migration revisions shipped"
    return head


def current_revision(conn: sa.Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: sa.Connection) -> Migration:
    """Migrate the database behind ``conn`` (inside its open transaction) to the head revision."""
    before = current_revision(conn)
    cfg = _config(conn)
    created = False
    if not sa.inspect(conn).has_table(S.documents.name):  # nothing to migrate (new, or emptied)
        S.metadata.create_all(conn)
        command.stamp(cfg, "head")
        created = True
    else:
        if before is None:
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")
    return Migration(before, head_revision(), created)
