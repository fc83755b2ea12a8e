"""One codec per record, derived from its dataclass fields.

``record_codec(Claim)`` reads the field names and types of ``Claim`` once and
builds an encoder and a strict decoder per field: a record becomes a row (a
JSON list, fields in declaration order) and a row becomes the record again.
The cache stores rows; anyone who can write the cache can reseal an entry,
so a row of the wrong length, a field of the wrong type or an unknown enum
value raises :class:`ValueError` (the entry is then a miss, never a crash).

Types understood: ``str``, ``int``, ``float`` (an int stays an int, as
extraction produced it), ``bool``, ``None`` in a union, ``StrEnum``s,
``datetime.date``, ``datetime.date | datetime.datetime``, ``Literal``,
``tuple[X, ...]``, a nested dataclass (a row), and a union of dataclasses
(a row led by the class name, as ``Value``).

The outputs (JSON, CSV, Parquet) show a declared subset of a record's fields
(:data:`PUBLIC_FIELDS`); ``checker.render.serialize`` writes each of them
with the output's own scalars (whole floats as ints, open bounds as null).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import operator
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from checker.records import Article, Claim, Finding, Timeline, TimelinePoint

T = TypeVar("T")
Convert = Callable[[Any], Any]


class Codec(Generic[T]):
    """Rows of one record type: ``encode(record) -> list``, ``decode(row) -> record``."""

    def __init__(self, cls: type[T]) -> None:
        self.cls = cls
        hints = typing.get_type_hints(cls)
        self.fields = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        pairs = [_converters(hints[name]) for name in self.fields]
        self._encoders = tuple(e for e, _ in pairs)
        self._decoders = tuple(d for _, d in pairs)
        getter = operator.attrgetter(*self.fields)
        self._values: Callable[[Any], tuple[Any, ...]] = (
            getter if len(self.fields) > 1 else lambda r: (getter(r),)
        )
        self._slotted = "__slots__" in cls.__dict__

    def encode(self, record: T) -> list[Any]:
        values = self._values(record)
        return [enc(v) for enc, v in zip(self._encoders, values, strict=True)]

    def decode(self, row: Any) -> T:
        if type(row) is not list or len(row) != len(self.fields):
            raise ValueError(f"a {self.cls.__name__} row of the wrong shape")
        values = [dec(v) for dec, v in zip(self._decoders, row, strict=True)]
        record = object.__new__(self.cls)  # frozen: skip __init__ and its checks
        if self._slotted:
            for name, value in zip(self.fields, values, strict=True):
                object.__setattr__(record, name, value)
        else:
            record.__dict__.update(zip(self.fields, values, strict=True))
        return record

    def dumps(self, record: T) -> bytes:
        """The row as compact UTF-8 JSON (no NaN: a value JSON cannot hold raises)."""
        return json.dumps(
            self.encode(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")

    def loads(self, payload: bytes) -> T:
        """The record of a payload; ValueError when it is not one."""
        try:
            return self.decode(json.loads(payload))
        except (KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
            raise ValueError(f"not a {self.cls.__name__}: {exc}") from exc


_CODECS: dict[type, Codec[Any]] = {}


def record_codec(cls: type[T]) -> Codec[T]:
    """The codec of a dataclass (built once per type)."""
    found = _CODECS.get(cls)
    if found is None:
        found = _CODECS[cls] = Codec(cls)
    return found


# Fields the outputs show, in output order. Properties (``frame``, ``confidence``)
# are derived from the fields; the rest of a record stays in the cache only.
PUBLIC_FIELDS: dict[type, tuple[str, ...]] = {
    Claim: (
        "id", "article_id", "story", "slot", "kind", "value", "unit", "qualifier", "as_of",
        "quote", "sentence", "start", "end", "line", "attribution", "hedge", "event",
        "superseded", "scope", "frame", "group", "confidence", "doubt",
    ),
    Finding: (
        "id", "type", "severity", "story", "slot", "claim_ids", "outliers",
        "outlier_reports", "message",
    ),
    Timeline: ("story", "slot", "behaviour", "kind", "points"),
    TimelinePoint: ("as_of", "low", "high", "claim_ids", "change"),
    Article: ("id", "path", "title", "source", "published", "published_basis"),
}  # fmt: skip

# The claims table (``checker extract``): the public fields with the value spread
# over columns, plus what a table user filters on.
CLAIMS_TABLE_FIELDS: tuple[str, ...] = (
    "id", "article_id", "story", "slot", "kind", "low", "high", "start_date", "end_date",
    "text", "canonical", "unit", "qualifier", "as_of", "as_of_basis", "as_of_time", "quote",
    "sentence", "start", "end", "line", "attribution", "hedge", "totality", "corrects",
    "event", "superseded", "scope", "frame", "group", "confidence", "doubt",
)  # fmt: skip


# ------------------------------------------------------------------ converters


def _same(v: Any) -> Any:
    return v


def _checked(*types_: type) -> Convert:
    def decode(v: Any) -> Any:
        if type(v) not in types_:
            raise ValueError(f"{v!r} is not {' or '.join(t.__name__ for t in types_)}")
        return v

    return decode


def _optional(decode: Convert, encode: Convert) -> tuple[Convert, Convert]:
    def enc(v: Any) -> Any:
        return None if v is None else encode(v)

    def dec(v: Any) -> Any:
        return None if v is None else decode(v)

    return enc, dec


def _iso(v: dt.date) -> str:
    return v.isoformat()


def _date(v: Any) -> dt.date:
    if type(v) is not str or "T" in v:
        raise ValueError(f"{v!r} is not a date")
    return dt.date.fromisoformat(v)


def _when(v: Any) -> dt.date | dt.datetime:
    if type(v) is not str:
        raise ValueError(f"{v!r} is not a date or a timestamp")
    return dt.datetime.fromisoformat(v) if "T" in v else dt.date.fromisoformat(v)


def _converters(hint: Any) -> tuple[Convert, Convert]:
    """(encode, decode) for one field type."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        kept = tuple(a for a in args if a is not type(None))
        if len(kept) < len(args):  # optional
            inner = kept[0] if len(kept) == 1 else typing.Union[kept]  # noqa: UP007
            encode, decode = _converters(inner)
            return _optional(decode, encode)
        if set(kept) == {dt.date, dt.datetime}:
            return _iso, _when
        if all(dataclasses.is_dataclass(a) for a in kept):
            return _tagged(kept)
        raise TypeError(f"no codec for {hint!r}")
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        encode, decode = _converters(args[0])

        def enc_tuple(v: Any) -> Any:
            return [encode(x) for x in v]

        def dec_tuple(v: Any) -> Any:
            if type(v) is not list:
                raise ValueError(f"{v!r} is not a list")
            return tuple(decode(x) for x in v)

        return (_list_of_same if encode is _same else enc_tuple), dec_tuple
    if origin is typing.Literal:
        allowed = frozenset(args)

        def dec_literal(v: Any) -> Any:
            if type(v) is not str or v not in allowed:
                raise ValueError(f"{v!r} is not one of {sorted(allowed)}")
            return v

        return _same, dec_literal
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {m.value: m for m in hint}

        def dec_enum(v: Any) -> Any:
            try:
                return members[v]
            except (KeyError, TypeError):
                raise ValueError(f"{v!r} is not a {hint.__name__}") from None

        return _enum_value, dec_enum
    if hint is bool:
        return _same, _checked(bool)
    if hint is int:
        return _same, _checked(int)
    if hint is float:
        return _same, _checked(int, float)
    if hint is str:
        return _same, _checked(str)
    if hint is dt.date:
        return _iso, _date
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        nested = record_codec(hint)
        return nested.encode, nested.decode
    raise TypeError(f"no codec for {hint!r}")


def _enum_value(v: Any) -> Any:
    return v.value


def _list_of_same(v: Any) -> Any:
    return list(v)


def _tagged(classes: Sequence[type]) -> tuple[Convert, Convert]:
    """A union of records: a row led by the record's class name."""
    by_name: dict[str, Codec[Any]] = {cls.__name__: record_codec(cls) for cls in classes}

    def encode(v: Any) -> Any:
        return [type(v).__name__, *record_codec(type(v)).encode(v)]

    def decode(v: Any) -> Any:
        if type(v) is not list or not v or v[0] not in by_name:
            raise ValueError(f"{v!r} is not one of {sorted(by_name)}")
        return by_name[v[0]].decode(v[1:])

    return encode, decode
