"""Alembic environment: runs on the connection (and inside the transaction) the store
passes in ``config.attributes["connection"]``, so a migration commits with the write lock
held and rolls back whole on error."""

from __future__ import annotations

from alembic import context

from wirecoder.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("wirecoder migrations run through wirecoder.store.migrate (a store connection), not a URL")
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # ALTER on SQLite goes through table copies
)
with context.begin_transaction():
    context.run_migrations()
