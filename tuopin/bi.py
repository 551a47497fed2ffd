"""Connect BI tools: a read-only SQLAlchemy URL through duckdb-engine (what Superset uses)."""
from __future__ import annotations

from pathlib import Path


def sqlalchemy_url(db_path: Path) -> str:
    """Return the read-only SQLAlchemy URL of a warehouse file."""
    return f"duckdb:///{Path(db_path).resolve()}?access_mode=read_only"


def engine(db_path: Path):
    """Return a read-only SQLAlchemy engine on the warehouse."""
    import sqlalchemy
    return sqlalchemy.create_engine(sqlalchemy_url(db_path))
