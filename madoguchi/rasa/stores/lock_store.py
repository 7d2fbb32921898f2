"""Rasa's conversation lock store: in memory for one process, the shop database for several
workers on one machine, Redis for several instances."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Callable, Iterator, TypeVar
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import Column, Float, String, Text, delete, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import create_tables, database, make_engine, normalize_url

T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store, each read-change-write of a conversation's lock made atomic.

    Rasa's `RedisLockStore` reads a conversation's lock, changes it and writes it back in
    separate commands: two instances taking a ticket at the same moment both get the same
    number and handle the conversation at once, and an instance cleaning up can delete a
    lock on which another has just queued. Here every such step holds a short Redis mutex
    of the conversation (`madoguchi:mutex:<sender_id>`), so tickets are served in order
    across instances.
    """

    MUTEX_TIMEOUT = 10.0  # seconds: a crashed holder frees the mutex after this

    def _mutex(self, conversation_id: str):
        return self.red.lock(
            f"{self.mutex_prefix}{conversation_id}",
            timeout=self.MUTEX_TIMEOUT,
            sleep=0.005,
            blocking_timeout=self.MUTEX_TIMEOUT,
            thread_local=False,
        )

    @property
    def mutex_prefix(self) -> str:
        return self.key_prefix.replace("lock:", "mutex:")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)
            if not self.is_someone_waiting(conversation_id):
                self.delete_lock(conversation_id)


def redis_lock_store(url: str) -> AtomicRedisLockStore:
    """A Redis lock store from a `redis://[:password@]host[:port][/db]` URL."""
    parts = urlsplit(url)
    db = parts.path.strip("/") or "1"
    return AtomicRedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(db),
        username=parts.username or None,
        password=parts.password or None,
        use_ssl=parts.scheme == "rediss",
        key_prefix="madoguchi",
    )


LockBase = declarative_base()


class SqlLock(LockBase):
    """A conversation's ticket lock (Rasa's `TicketLock` as JSON), while a message is handled."""

    __tablename__ = "madoguchi_locks"
    conversation_id = Column(String(255), primary_key=True)
    lock = Column(Text, nullable=False)
    expires = Column(Float, nullable=False, index=True)  # when its last ticket expires (epoch s)


# Plain SQL, ready once: SQLAlchemy building `select(...)` and `update(...)` cost more than
# running them (a ticket's round trip reads the lock three times and writes it twice).
_TABLE = SqlLock.__tablename__
_SELECT = text(f'SELECT "lock" FROM {_TABLE} WHERE conversation_id = :conversation')
_INSERT = text(f'INSERT INTO {_TABLE} (conversation_id, "lock", expires) VALUES (:conversation, :lock, :expires)')
_UPDATE = text(f'UPDATE {_TABLE} SET "lock" = :lock, expires = :expires WHERE conversation_id = :conversation')
_DELETE = text(f"DELETE FROM {_TABLE} WHERE conversation_id = :conversation")

# The first of the two keys of PostgreSQL's advisory locks on a conversation (the second
# is the hash of its id); a space of its own, apart from db.py's one-key lock.
_PG_LOCK_SPACE = 0x6C6F636B  # "lock"


def _immediate_sqlite_engine(url: str) -> Engine:
    """An SQLite engine whose transactions begin with `BEGIN IMMEDIATE`: the database's write
    lock is taken before the lock row is read, so no other process reads it in between.
    (pysqlite would begin lazily, at the first write; SQLAlchemy's recipe for SQLite.)"""
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class SqlLockStore(LockStore):
    """Rasa's ticket locks in a table of the shop database, for several Sanic workers (or
    processes) without Redis.

    Each step that reads, changes and writes a conversation's lock (`issue_ticket`,
    `update_lock`, `finish_serving`, `cleanup`) is one transaction that holds the
    conversation exclusively from the read to the commit: on SQLite it begins with `BEGIN
    IMMEDIATE` (the database's single write lock, WAL keeps readers going), on PostgreSQL
    it takes a transaction-scoped advisory lock on the conversation. Tickets, their order
    and lifetimes are Rasa's own `TicketLock`; rows left by a crashed process expire with
    their tickets and are purged when a store starts.
    """

    def __init__(self, url: str | None = None) -> None:
        shared = database(normalize_url(url) if url else None).engine  # the settings' URL by default
        sqlite = shared.dialect.name == "sqlite"
        self.engine = _immediate_sqlite_engine(str(shared.url)) if sqlite else shared
        if sqlite:  # workers starting together: the first creates the table, one at a time
            with self.engine.begin() as connection:
                LockBase.metadata.create_all(connection)
        else:
            create_tables(self.engine, LockBase.metadata)
        with self.engine.begin() as connection:
            connection.execute(delete(SqlLock).where(SqlLock.expires < time.time()))
        super().__init__()

    @contextlib.contextmanager
    def _holding(self, conversation_id: str) -> Iterator[Connection]:
        """A transaction in which no other process reads or writes this conversation's lock."""
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:space, hashtext(:conversation))"),
                    {"space": _PG_LOCK_SPACE, "conversation": conversation_id},
                )
            yield connection

    @staticmethod
    def _read(connection: Connection, conversation_id: str) -> TicketLock | None:
        stored = connection.execute(_SELECT, {"conversation": conversation_id}).scalar()
        return TicketLock.from_dict(json.loads(stored)) if stored else None

    def _change(self, conversation_id: str, step: Callable[[TicketLock | None], tuple[TicketLock | None, T]]) -> T:
        """Read the lock, let `step` change it, and write back what it returns (None: delete)."""
        with self._holding(conversation_id) as connection:
            before = self._read(connection, conversation_id)
            after, result = step(before)
            if after is None:
                if before is not None:
                    connection.execute(_DELETE, {"conversation": conversation_id})
                return result
            row = {
                "conversation": conversation_id,
                "lock": after.dumps(),
                "expires": max((t.expires for t in after.tickets), default=0.0),
            }
            connection.execute(_INSERT if before is None else _UPDATE, row)
            return result

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        with self.engine.connect() as connection:
            return self._read(connection, conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: (None, None))

    def save_lock(self, lock: TicketLock) -> None:
        self._change(lock.conversation_id, lambda _: (lock, None))

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as e:  # as Rasa's stores say it
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def _if_locked(self, conversation_id: str, change: Callable[[TicketLock], object]) -> None:
        def step(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                change(lock)
            return lock, None

        self._change(conversation_id, step)

    def update_lock(self, conversation_id: str) -> None:
        self._if_locked(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._if_locked(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        def finish_and_delete_if_idle(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
                if not lock.is_someone_waiting():
                    lock = None
            return lock, None

        self._change(conversation_id, finish_and_delete_if_idle)


class EnvLockStore(LockStore):
    """Chosen once at start: Redis when REDIS_URL is set (several instances); else the shop
    database when the Rasa server runs several workers (MADOGUCHI_RASA_WORKERS > 1); else in
    memory, the fastest for one process."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        redis_url: str | None = None,
        workers: int | None = None,
    ) -> None:
        from madoguchi.settings import settings

        url = redis_url if redis_url is not None else settings().redis_url
        workers = workers if workers is not None else settings().rasa_workers
        if url:
            self.inner: LockStore = redis_lock_store(url)
        elif workers > 1:
            self.inner = SqlLockStore()
        else:
            self.inner = InMemoryLockStore()
        super().__init__()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.inner.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.inner.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.inner.save_lock(lock)

    # The steps that read, change and write a lock go to the inner store whole, so that
    # the Redis and SQL stores can make each of them atomic.

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self.inner.issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        self.inner.update_lock(conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.cleanup(conversation_id, ticket_number)
