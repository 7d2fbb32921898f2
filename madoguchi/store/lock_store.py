"""Rasa's conversation lock store: in memory for one instance, Redis for several."""

from __future__ import annotations

from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig


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


class EnvLockStore(LockStore):
    """Redis when REDIS_URL is set, else in memory; chosen once at start."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, redis_url: str | None = None) -> None:
        from madoguchi.settings import settings

        url = redis_url if redis_url is not None else settings().redis_url
        self.inner: LockStore = redis_lock_store(url) if url else InMemoryLockStore()
        super().__init__()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.inner.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.inner.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.inner.save_lock(lock)

    # The steps that read, change and write a lock go to the inner store whole, so that
    # the Redis store can make each of them atomic.

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self.inner.issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        self.inner.update_lock(conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.inner.cleanup(conversation_id, ticket_number)
