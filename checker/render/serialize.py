"""Records -> JSON-able dicts, the one place that follows the output contract.

Every machine-readable format builds on these functions, so that a field is
spelled, ordered and formatted the same way everywhere (``schemas/*.schema.json``).
Which fields of a record the outputs show, and in which order, is declared once
in :data:`checker.codec.PUBLIC_FIELDS` (and :data:`checker.codec.CLAIMS_TABLE_FIELDS`
for the flat table); this module writes each with the outputs' scalars: numbers
that are whole as ints (74, not 74.0), open or non-finite bounds as null, dates
as ISO strings, enums as their values. Nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from checker.baseline import BaselineEntry, BaselineSummary
from checker.codec import CLAIMS_TABLE_FIELDS, PUBLIC_FIELDS
from checker.records import (
    Article,
    Claim,
    CountValue,
    DateValue,
    Finding,
    FindingType,
    InputError,
    Kind,
    NameValue,
    Report,
    Severity,
    Timeline,
    TimelinePoint,
    Value,
)

REPORT_VERSION = 1
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


# --- scalars -----------------------------------------------------------------


def num(x: float | None) -> int | float | None:
    """A JSON number: whole floats as ints, open or non-finite bounds as None."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, int):
        return x
    if not math.isfinite(x):
        return None
    if x.is_integer():
        return int(x)
    return x


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601 text of a date or timestamp (a timestamp keeps its time zone)."""
    return None if value is None else value.isoformat()


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def _line(value: Any) -> str:
    # no indent: json's C encoder, several times faster than the indenting one
    if isinstance(value, JSONText):
        return str.__str__(value)
    return _ENCODER.encode(value)


def dumps(doc: Any) -> str:
    """The JSON text of every JSON output, UTF-8 as is, with a trailing newline.

    The top-level object is indented and each element of its lists (an
    article, a claim, a finding) stands on one line: readable, diff-friendly,
    and written by the C encoder even for reports of 100,000 claims.
    """
    return "".join(dumps_pieces(doc))


# Elements of a top-level list written per piece of :func:`dumps_pieces`.
PIECE_ITEMS = 5_000


def dumps_pieces(doc: Any) -> Iterator[str]:
    """:func:`dumps`'s text in pieces, in order; a top-level value may be an iterator
    (of claims, say), read as the pieces are written, so a report of a million
    claims is never one string."""
    if not isinstance(doc, dict):
        yield _line(doc) + "\n"
        return
    yield "{\n"
    for k, (key, value) in enumerate(doc.items()):
        name = _line(key)
        comma = ",\n" if k else ""
        items = iter(value) if isinstance(value, list | Iterator) else None
        first = next(items, _NONE) if items is not None else _NONE
        if first is _NONE:
            yield f"{comma}  {name}: {_line([] if items is not None else value)}"
            continue
        yield f"{comma}  {name}: [\n    {_line(first)}"
        batch: list[str] = []
        for item in items:  # type: ignore[union-attr]
            batch.append(_line(item))
            if len(batch) >= PIECE_ITEMS:
                yield ",\n    " + ",\n    ".join(batch)
                batch = []
        if batch:
            yield ",\n    " + ",\n    ".join(batch)
        yield "\n  ]"
    yield "\n}\n"


_NONE = object()


# --- records -----------------------------------------------------------------


def value_to_dict(value: Value) -> dict[str, Any]:
    if isinstance(value, CountValue):
        return {"low": num(value.low), "high": num(value.high)}
    if isinstance(value, DateValue):
        return {"start": iso(value.start), "end": iso(value.end)}
    if isinstance(value, NameValue):
        return {"text": value.text, "canonical": value.canonical}
    raise TypeError(f"not a claim value: {value!r}")


def article_to_dict(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "published": iso(article.published),
        "published_basis": article.published_basis.value,
    }
    if article.published_evidence is not None:
        out["published_evidence"] = article.published_evidence
    if article.published_candidates:
        out["published_candidates"] = [d.isoformat() for d in article.published_candidates]
    if article.published_upper_bound is not None:
        out["published_upper_bound"] = article.published_upper_bound.isoformat()
    out["story"] = article.story
    if article.url is not None:
        out["url"] = article.url
    return out


def public(value: Any) -> Any:
    """One field of a record as the JSON outputs write it."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [public(v) for v in value]
    if isinstance(value, CountValue | DateValue | NameValue):
        return value_to_dict(value)
    if isinstance(value, float):
        return num(value)
    return value


_CLAIM_FIELDS = PUBLIC_FIELDS[Claim]
_FINDING_FIELDS = PUBLIC_FIELDS[Finding]


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {name: public(getattr(claim, name)) for name in _CLAIM_FIELDS}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {name: public(getattr(finding, name)) for name in _FINDING_FIELDS}


def point_to_dict(point: TimelinePoint, kind: Kind) -> dict[str, Any]:
    out: dict[str, Any] = {
        "as_of": iso(point.as_of),
        "low": None if kind is Kind.DATE else num(point.low),
        "high": None if kind is Kind.DATE else num(point.high),
    }
    if kind is Kind.DATE:
        out["start"] = iso(point.start_date)
        out["end"] = iso(point.end_date)
    out["claim_ids"] = list(point.claim_ids)
    out["change"] = point.change
    return out


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    out = {name: public(getattr(timeline, name)) for name in PUBLIC_FIELDS[Timeline]}
    out["points"] = [point_to_dict(p, timeline.kind) for p in timeline.points]  # by kind
    return out


def error_to_dict(error: InputError) -> dict[str, Any]:
    return {"path": error.path, "row": error.row, "message": error.message}


def baseline_entry_to_dict(entry: BaselineEntry) -> dict[str, Any]:
    return entry.to_dict()


def baseline_summary_to_dict(summary: BaselineSummary) -> dict[str, Any]:
    return {
        "accepted": summary.accepted,
        "gone": [baseline_entry_to_dict(e) for e in summary.gone],
    }


def summary_to_dict(report: Report) -> dict[str, Any]:
    """Counts for the summary: findings by type and by severity, every key present."""
    by_type = Counter(f.type for f in report.findings)
    by_severity = Counter(f.severity for f in report.findings)
    return {
        "articles": len(report.articles),
        "claims": len(report.claims),
        "timelines": len(report.timelines),
        "findings": {t.value: by_type[t] for t in FindingType},
        "severity": {s.value: by_severity[s] for s in SEVERITY_ORDER},
        "errors": len(report.errors),
    }


def report_to_dict(report: Report, baseline: BaselineSummary | None = None) -> dict[str, Any]:
    """The JSON report (``schemas/report.schema.json``)."""
    return _report_document(report, baseline, claim_to_dict, timeline_to_dict)


def report_json(report: Report, baseline: BaselineSummary | None = None) -> str:
    """``dumps(report_to_dict(report))``, byte for byte, with claims and timelines
    written by the direct encoders below (they are nearly all of a large report)."""
    return "".join(report_json_pieces(report, baseline))


def report_json_pieces(report: Report, baseline: BaselineSummary | None = None) -> Iterator[str]:
    """:func:`report_json`'s text in pieces: claims are encoded as they are written."""
    return dumps_pieces(_report_document(report, baseline, claim_json, timeline_json, lazy=True))


def _report_document(
    report: Report,
    baseline: BaselineSummary | None,
    claim: Callable[[Claim], Any],
    timeline: Callable[[Timeline], Any],
    *,
    lazy: bool = False,
) -> dict[str, Any]:
    claims = map(claim, report.claims)
    out: dict[str, Any] = {
        "version": REPORT_VERSION,
        "articles": [article_to_dict(a) for a in report.articles],
        "claims": claims if lazy else list(claims),
        "findings": [finding_to_dict(f) for f in report.findings],
        "timelines": [timeline(t) for t in report.timelines],
        "errors": [error_to_dict(e) for e in report.errors],
        "summary": summary_to_dict(report),
    }
    if baseline is not None:
        out["baseline"] = baseline_summary_to_dict(baseline)
    return out


# --- direct encoders -----------------------------------------------------------
# ``_line(claim_to_dict(c))`` builds a dict and runs the generic encoder for each
# of 100,000+ claims; these write the same text from the record in one step.
# tests/render/test_direct_encoders.py checks them against the dict path.


class JSONText(str):
    """A value already written as JSON text; ``dumps`` copies it as it is."""


_string = json.encoder.encode_basestring  # ensure_ascii=False, as _line


def _opt_string(x: str | None) -> str:
    return "null" if x is None else _string(x)


def _number(x: float | None) -> str:
    n = num(x)
    return "null" if n is None else repr(n)


def _date_text(x: dt.date | dt.datetime | None) -> str:
    return "null" if x is None else f'"{x.isoformat()}"'


def _value_json(value: Value) -> str:
    if isinstance(value, CountValue):
        return f'{{"low": {_number(value.low)}, "high": {_number(value.high)}}}'
    if isinstance(value, DateValue):
        return f'{{"start": "{value.start.isoformat()}", "end": "{value.end.isoformat()}"}}'
    if isinstance(value, NameValue):
        return f'{{"text": {_string(value.text)}, "canonical": {_opt_string(value.canonical)}}}'
    raise TypeError(f"not a claim value: {value!r}")


def claim_json(claim: Claim) -> JSONText:
    """``_line(claim_to_dict(claim))``."""
    line = "null" if claim.line is None else repr(int(claim.line))
    return JSONText(
        f'{{"id": {_string(claim.id)}, "article_id": {_string(claim.article_id)}, '
        f'"story": {_string(claim.story)}, "slot": {_string(claim.slot)}, '
        f'"kind": {_string(claim.kind.value)}, "value": {_value_json(claim.value)}, '
        f'"unit": {_opt_string(claim.unit)}, "qualifier": {_string(claim.qualifier.value)}, '
        f'"as_of": {_date_text(claim.as_of)}, "quote": {_string(claim.quote)}, '
        f'"sentence": {_string(claim.sentence)}, "start": {int(claim.start)!r}, '
        f'"end": {int(claim.end)!r}, "line": {line}, '
        f'"attribution": {_opt_string(claim.attribution)}, "hedge": {_opt_string(claim.hedge)}, '
        f'"event": {_string(claim.event)}, '
        f'"superseded": {"true" if claim.superseded else "false"}, '
        f'"scope": {_opt_string(claim.scope)}, "frame": {_string(claim.frame)}, '
        f'"group": {_opt_string(claim.group)}, "confidence": {_string(claim.confidence)}, '
        f'"doubt": {_opt_string(claim.doubt)}}}'
    )


def _ids_json(ids: Iterable[str]) -> str:
    return "[" + ", ".join(map(_string, ids)) + "]"


def _point_json(point: TimelinePoint, kind: Kind) -> str:
    if kind is Kind.DATE:
        return (
            f'{{"as_of": {_date_text(point.as_of)}, "low": null, "high": null, '
            f'"start": {_date_text(point.start_date)}, "end": {_date_text(point.end_date)}, '
            f'"claim_ids": {_ids_json(point.claim_ids)}, "change": {_string(point.change)}}}'
        )
    return (
        f'{{"as_of": {_date_text(point.as_of)}, "low": {_number(point.low)}, '
        f'"high": {_number(point.high)}, "claim_ids": {_ids_json(point.claim_ids)}, '
        f'"change": {_string(point.change)}}}'
    )


def timeline_json(timeline: Timeline) -> JSONText:
    """``_line(timeline_to_dict(timeline))``."""
    points = ", ".join(_point_json(p, timeline.kind) for p in timeline.points)
    return JSONText(
        f'{{"story": {_string(timeline.story)}, "slot": {_string(timeline.slot)}, '
        f'"behaviour": {_string(timeline.behaviour.value)}, '
        f'"kind": {_string(timeline.kind.value)}, '
        f'"points": [{points}]}}'
    )


# --- helpers shared by the renderers ------------------------------------------


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Findings worst first; the report's own order within one severity."""
    return sorted(findings, key=lambda f: -f.severity.rank)


def fails(severity: Severity, fail_on: str) -> bool:
    """Whether a finding of ``severity`` fails a build under ``fail_on``."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on)
    return severity.rank >= threshold.rank


@dataclass(frozen=True)
class Position:
    """Where a claim sits in its source file; lines and columns 1-based."""

    path: str
    line: int
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def claim_position(claim: Claim, article: Article | None) -> Position | None:
    """The file, line and column of a claim's quote.

    ``claim.line`` wins when the extractor set it; otherwise the line is
    counted in the article text (plus ``line_offset``, the lines before the
    text in the file, such as front matter). Columns count code points in
    the article text and are left out when the offsets fall outside it.
    """
    if article is None:
        return None
    text = article.text
    inside = 0 <= claim.start <= len(text)
    computed = article.line_offset + text.count("\n", 0, claim.start) + 1 if inside else None
    line = claim.line if claim.line is not None else computed
    if line is None:
        line = article.line_offset + 1
    if not inside:
        return Position(path=article.path, line=line)
    column = claim.start - (text.rfind("\n", 0, claim.start) + 1) + 1
    end = min(max(claim.end, claim.start), len(text))
    end_line = line + text.count("\n", claim.start, end)
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Position(
        path=article.path, line=line, column=column, end_line=end_line, end_column=end_column
    )


class Index:
    """Look-ups of articles and claims by id, built once per render."""

    def __init__(self, report: Report) -> None:
        self.articles: Mapping[str, Article] = {a.id: a for a in report.articles}
        self.claims: Mapping[str, Claim] = {c.id: c for c in report.claims}

    def claims_of(self, claim_ids: Sequence[str]) -> list[Claim]:
        return [self.claims[i] for i in claim_ids if i in self.claims]

    def article_ids(self, claim_ids: Sequence[str]) -> list[str]:
        """The articles of these claims, each once, in claim order."""
        out: list[str] = []
        for claim in self.claims_of(claim_ids):
            if claim.article_id not in out:
                out.append(claim.article_id)
        return out

    def position(self, claim: Claim) -> Position | None:
        return claim_position(claim, self.articles.get(claim.article_id))


# --- the flat claims table (``checker extract``) -------------------------------

CLAIMS_TABLE_SCHEMA: Mapping[str, pl.DataType] = {
    "id": pl.String(),
    "article_id": pl.String(),
    "story": pl.String(),
    "slot": pl.String(),
    "kind": pl.String(),
    "low": pl.Float64(),
    "high": pl.Float64(),
    "start_date": pl.Date(),
    "end_date": pl.Date(),
    "text": pl.String(),
    "canonical": pl.String(),
    "unit": pl.String(),
    "qualifier": pl.String(),
    "as_of": pl.Date(),
    "as_of_basis": pl.String(),
    "as_of_time": pl.String(),
    "quote": pl.String(),
    "sentence": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "line": pl.Int64(),
    "attribution": pl.String(),
    "hedge": pl.String(),
    "totality": pl.Boolean(),
    "corrects": pl.Boolean(),
    "event": pl.String(),
    "superseded": pl.Boolean(),
    "scope": pl.String(),
    "frame": pl.String(),
    "group": pl.String(),
    "confidence": pl.String(),
    "doubt": pl.String(),
}


if tuple(CLAIMS_TABLE_SCHEMA) != CLAIMS_TABLE_FIELDS:  # pragma: no cover - a bug
    raise AssertionError("the claims table's schema and its declared fields differ")


def _value_columns(value: Value) -> dict[str, Any]:
    """A claim's value spread over the table's value columns."""
    out: dict[str, Any] = dict.fromkeys(_VALUE_COLUMNS)
    if isinstance(value, CountValue):
        out["low"], out["high"] = _finite(value.low), _finite(value.high)
    elif isinstance(value, DateValue):
        out["start_date"], out["end_date"] = value.start, value.end
    elif isinstance(value, NameValue):
        out["text"], out["canonical"] = value.text, value.canonical
    return out


_VALUE_COLUMNS = ("low", "high", "start_date", "end_date", "text", "canonical")


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claim as a flat row (:data:`checker.codec.CLAIMS_TABLE_FIELDS`); dates stay
    ``datetime.date``, bounds stay floats."""
    spread = _value_columns(claim.value)
    row: dict[str, Any] = {}
    for name in CLAIMS_TABLE_FIELDS:
        if name in spread:
            row[name] = spread[name]
        else:
            value = getattr(claim, name)
            row[name] = value.value if isinstance(value, enum.Enum) else value
    return row


def _finite(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return float(x)


# Rows are turned into columns this many at a time: a million claims never exist as
# a million dicts at once (bench/streaming.py measures the peak).
TABLE_BATCH = 20_000


def claims_batches(claims: Iterable[Claim], size: int | None = None) -> Iterator[pl.DataFrame]:
    """The flat claims table in pieces of ``size`` rows (default :data:`TABLE_BATCH`),
    in order: what a writer streams, so the whole table never exists at once. No
    claims: no piece."""
    size = size or TABLE_BATCH
    schema = dict(CLAIMS_TABLE_SCHEMA)
    columns: dict[str, list[Any]] = {name: [] for name in schema}
    count = 0
    for c in claims:
        for name, value in claim_row(c).items():
            columns[name].append(value)
        count += 1
        if count >= size:
            yield pl.DataFrame(columns, schema=schema)
            columns = {name: [] for name in schema}
            count = 0
    if count:
        yield pl.DataFrame(columns, schema=schema)


def claims_table(claims: Iterable[Claim]) -> pl.DataFrame:
    """The flat claims table: one row per claim, columns as ``CLAIMS_TABLE_SCHEMA``."""
    frames = list(claims_batches(claims))
    if not frames:
        return pl.DataFrame(schema=dict(CLAIMS_TABLE_SCHEMA))
    return frames[0] if len(frames) == 1 else pl.concat(frames, rechunk=True)


def json_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A claims-table row as JSON-able values (``schemas/claims-table.schema.json``)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, float):
            out[key] = num(value)
        else:
            out[key] = value
    return out


def primary_and_related(
    index: Index, finding: Finding
) -> tuple[tuple[Claim, Position] | None, list[tuple[Claim, Position]]]:
    """The claim a finding points at (its first odd one out, else its first claim) and
    the rest of its evidence, each with a position in its file."""
    located = []
    for claim in index.claims_of(finding.claim_ids):
        position = index.position(claim)
        if position is not None:
            located.append((claim, position))
    if not located:
        return None, []
    odd = set(finding.outliers)
    primary = next((p for p in located if p[0].id in odd), located[0])
    return primary, [p for p in located if p is not primary]


def report_position(index: Index, finding: Finding) -> Position | None:
    """The first line of a finding's first outlying report (for findings without claims)."""
    for aid in finding.outlier_reports:
        article = index.articles.get(aid)
        if article is not None:
            return Position(path=article.path, line=article.line_offset + 1)
    return None
