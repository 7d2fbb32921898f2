"""Rasa's conversation lock store: in memory for one instance, Redis for several."""

from __future__ import annotations

from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig


def redis_lock_store(url: str) -> RedisLockStore:
    """A Redis lock store from a `redis://[:password@]host[:port][/db]` URL."""
    parts = urlsplit(url)
    db = parts.path.strip("/") or "1"
    return RedisLockStore(
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
