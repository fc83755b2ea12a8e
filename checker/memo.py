"""The memo layer: a stage's results kept under a key, outside the stage.

A :class:`Memo` joins a store (bytes under a key) and a codec (a record to
bytes and back). The pipeline asks it for a key's record before running a
stage and hands it the stage's result afterwards; the stage itself never
knows. Without a cache the store is a :class:`NullStore`: every look-up
misses and nothing is kept, so a run without a cache takes the same path as
a cold run with one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from checker.codec import Codec

T = TypeVar("T")


class Store(Protocol):
    """Bytes under a key (:class:`checker.cache.ClaimCache` on disk)."""

    def load(self, key: str) -> bytes | None:
        """The checked payload under ``key``, or None."""
        ...

    def save(self, key: str, encode: Callable[[], bytes]) -> None:
        """Keep ``encode()`` under ``key``; a value that cannot be encoded (ValueError)
        or written is skipped, never fatal."""
        ...


class NullStore:
    """The store of a run without a cache: nothing is found, nothing is kept."""

    def load(self, key: str) -> bytes | None:
        return None

    def save(self, key: str, encode: Callable[[], bytes]) -> None:
        return None


@dataclass
class Memo(Generic[T]):
    """A store and the codec of one record type, with a count of hits and misses."""

    store: Store
    codec: Codec[T]
    hits: int = 0
    misses: int = 0

    def load(self, key: str) -> bytes | None:
        """The raw payload under ``key`` (decode it with :meth:`decode`)."""
        return self.store.load(key)

    def decode(self, payload: bytes | None) -> T | None:
        """The record of a payload, or None when there is none or it does not decode
        (then the stage runs again and its result replaces the entry)."""
        if payload is None:
            self.misses += 1
            return None
        try:
            value = self.codec.loads(payload)
        except ValueError:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def get(self, key: str) -> T | None:
        return self.decode(self.load(key))

    def put(self, key: str, value: T) -> None:
        self.store.save(key, lambda: self.codec.dumps(value))

    def through(self, key: str, stage: Callable[[], T]) -> T:
        """The record under ``key``, else ``stage()``, kept under ``key``."""
        value = self.get(key)
        if value is None:
            value = stage()
            self.put(key, value)
        return value
