"""Database engine and sessions: SQLite by default (WAL), PostgreSQL by URL."""

from __future__ import annotations

import contextlib
import functools
import threading
import weakref
from pathlib import Path
from typing import Iterator

from sqlalchemy import MetaData, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError
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
_CREATE_ATTEMPTS = 5


def create_tables(engine: Engine, metadata: MetaData) -> None:
    """Create the missing tables of `metadata`.

    Several processes starting together (Rasa instances or workers, the action server,
    the web service) race to create the same tables. On PostgreSQL they would fail on
    each other's half-made types and indexes; there, one creates them at a time under an
    advisory lock. On SQLite the loser of a race finds a table it had just seen missing:
    it looks again and creates what is still missing.
    """
    if engine.dialect.name != "postgresql":
        for attempt in range(_CREATE_ATTEMPTS):
            try:
                metadata.create_all(engine)
                with engine.begin() as connection:
                    add_missing_columns(connection, metadata)
                return
            except OperationalError as e:
                if not any(m in str(e) for m in ("already exists", "duplicate column")) or attempt == _CREATE_ATTEMPTS - 1:
                    raise
        return
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CREATE_TABLES_LOCK})
        metadata.create_all(connection)
        add_missing_columns(connection, metadata)


def add_missing_columns(connection: Connection, metadata: MetaData) -> None:
    """Add the columns a model gained since an existing database was created.

    Only nullable columns or columns with a server default can be added this way, which
    is how new columns are declared (`CatalogRequest.status`, for one).
    """
    inspector = inspect(connection)
    for table in metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            ddl = f"ALTER TABLE {table.name} ADD COLUMN {column.name} {column.type.compile(connection.dialect)}"
            if column.server_default is not None:
                ddl += f" DEFAULT '{column.server_default.arg}' NOT NULL"
            connection.execute(text(ddl))


_created: dict[int, weakref.WeakSet[Engine]] = {}
_created_lock = threading.Lock()


def create_tables_once(engine: Engine, metadata: MetaData) -> None:
    """`create_tables` the first time this process meets the engine with these tables."""
    with _created_lock:
        seen = _created.setdefault(id(metadata), weakref.WeakSet())
        if engine not in seen:
            create_tables(engine, metadata)
            seen.add(engine)


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
