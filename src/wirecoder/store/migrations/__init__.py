"""Alembic migrations of the store schema (SQLite and PostgreSQL alike).

A new database is built from ``schema.metadata`` and stamped with the newest revision (the
Alembic cookbook's "build from scratch" recipe); an existing one is upgraded to it when a
``Store`` opens it, or by ``wirecoder db upgrade``. To change the schema: edit ``schema.py``,
then add a revision under ``versions/`` whose ``upgrade()`` makes the same change with
``op.*`` (``alembic -c src/wirecoder/store/migrations/alembic.ini revision -m "…"`` writes
the skeleton), and bump nothing else: the head revision is the schema version.
"""
