"""Database engine and sessions: SQLite by default (WAL), PostgreSQL by URL."""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Iterator

from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from madoguchi.store.models import Base


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def normalize_url(url: str) -> str:
    """`postgres://` (as Heroku and others write it) as SQLAlchemy names it: `postgresql://`."""
    if url.startswith("postgres://"):
        return "postgresql://" + url[len("postgres://") :]
    return url


# Any fixed number: the PostgreSQL advisory lock that serializes creating the tables.
_CREATE_TABLES_LOCK = 0x6D61646F  # "mado"


def create_tables(engine: Engine, metadata: MetaData) -> None:
    """Create the missing tables of `metadata`.

    On PostgreSQL several processes starting together (Rasa instances, the action server,
    the web service) would race to create the same tables and fail on each other's
    half-made types and indexes; there, one creates them at a time under an advisory lock.
    """
    if engine.dialect.name != "postgresql":
        metadata.create_all(engine)
        return
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CREATE_TABLES_LOCK})
        metadata.create_all(connection)


def make_engine(url: str) -> Engine:
    """An engine for a URL; SQLite files get their folder, WAL and a busy timeout."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A pool of connections (SQLAlchemy 1.4 opens a new one per session for files).
        pool = {} if parsed.database in (None, "", ":memory:") else {"poolclass": QueuePool}
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


class Database:
    """An engine with its session factory; tables are created on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        create_tables(self.engine, Base.metadata)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


@functools.lru_cache(maxsize=None)
def database(url: str | None = None) -> Database:
    """The process's database (the settings' URL by default), built on first use."""
    from madoguchi.settings import settings

    return Database(url or settings().database_url)
