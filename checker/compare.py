"""Comparison: claims -> findings and timelines (polars).

Claims are compared only within one story, slot, kind and unit (a *group*).
Every claim value is an interval: counts and quantities ``[low, high]`` with
open bounds as -inf/+inf, dates ``[start, end]`` as day ordinals, names as
one code per normalised spelling. Two intervals agree when they overlap
(closed intervals); ``config.tolerance[slot]`` widens both bounds by that
fraction first. A set of intervals agrees pairwise exactly when
``max(low) <= min(high)`` (Helly in one dimension), so "does this group
contain a disagreement?" is a plain aggregation, and "is this claim involved
in one?" is ``high < max(low)`` or ``low > min(high)`` of its group: no
pairwise joins are needed except between the few claims already known to
disagree.

How each behaviour is compared (see ``checker.behaviour``):

**Fixed** slots (and claims of level/tally slots whose ``as_of`` is unknown,
which are compared among themselves as fixed facts). Reports are ordered by
publication (timestamp, else date; same-day reports count as simultaneous);
undated reports cannot revise or be stale. When a group disagrees:

1. *Tail*: the claims of the reports published on the latest publication
   day. If the group has at least two dated reports and the tail agrees, its
   common interval ``V`` is the candidate *converged* value.
2. ``t_V`` is the first publication day of a claim agreeing with ``V``.
   The group *converges* when, among reports published on or after ``t_V``,
   at least two reports carry ``V`` and more reports carry ``V`` than carry
   another value. (So a lone last report with a new value, or a tie, is not
   a consensus: everything stays a contradiction.)
3. In a converged group, a claim disagreeing with ``V`` is a
   - ``revision`` (info) when its report predates ``t_V`` (an *old value*),
     or was published on ``t_V`` itself and repeats an old value;
   - ``stale`` (warning) when its report came after ``t_V`` and it repeats an
     old value (one held by some report before ``t_V``);
   - ``contradiction`` (error) otherwise: a value never held before the
     consensus appeared (one report prints Dec. 18 for an attack every other
     report dates Dec. 17), or a claim from an undated report.
   One contradiction per deviant report names its claims and the consensus.
4. A group that does not converge (the latest reports disagree, a tie, only
   one dated report) is split into clusters of agreeing claims: when one
   cluster holds more reports than any other (at least two), each report
   outside it is one contradiction, its odd one out; otherwise one
   contradiction lists every claim involved.

Every finding names its odd ones out (``Finding.outliers``, listed first in
``claim_ids``) and its id comes from them (:mod:`checker.ids`): the reports
that agree are evidence, never identity.

**Level** slots: claims disagree only when they speak of the same time: the
same ``as_of`` day, widened to ``config.same_time_window_days``. Within that
window, timestamped claims (``as_of_time``) at different times are an
evolution, never a conflict; untimed claims are compared with everything in
the window, except that when the timed claims show the figure moving, an
untimed claim only conflicts if it lies outside every value the figure took
(the envelope of the timed claims). Different days are evolution, shown in the
timeline. Conflicting claims of one window cluster are split as in step 4
above: one contradiction per odd report when a majority agrees, else one.

**Tally** slots: same-time disagreement as for level. In addition a claim
lying entirely below the highest earlier figure (an earlier ``as_of`` day
outside the window, or an earlier time on the same day) is a ``regression``
(warning), unless the claim says it ``corrects``: then each earlier report
above it is a ``revision`` (info), a later report still giving one of those
superseded figures is ``stale`` (warning) and sets no record, and the
correction restarts the running maximum, so later reports repeating the
corrected figure are not regressions. A claim already in a same-time
contradiction neither sets the record nor breaks it. One regression per
lower report, against the earlier (reference) claim it falls below.

Timelines: per story, slot and kind (names excluded), one point per distinct
``(as_of, low, high)``, ordered by ``(as_of, as_of_time, publication)``,
unknown ``as_of`` last. ``change`` is ``first`` for the first point,
``conflict`` when the point holds a claim in a contradiction, ``revised`` when
it holds a correcting claim, else ``up``/``down``/``same`` against the
previous point.

Output is deterministic: findings sorted by ``(story, slot, type, id)``,
ids from :func:`checker.ids.finding_id`.
"""

from __future__ import annotations

import datetime as dt
import gc
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import polars as pl

from checker.behaviour import slot_behaviour
from checker.config import Config
from checker.frames import whole_slot
from checker.ids import finding_id, outlier_key, value_key
from checker.messages import Wording, day_text, ordinal_text, seconds_day_text
from checker.records import (
    Article,
    Behaviour,
    Claim,
    CountValue,
    DateValue,
    Finding,
    FindingType,
    Kind,
    NameValue,
    Severity,
    Timeline,
    TimelinePoint,
)

DEFAULT_SEVERITY: Mapping[FindingType, Severity] = {
    FindingType.CONTRADICTION: Severity.ERROR,
    FindingType.STALE: Severity.WARNING,
    FindingType.REGRESSION: Severity.WARNING,
    FindingType.SPELLING: Severity.WARNING,
    FindingType.METADATA: Severity.WARNING,
    FindingType.REVISION: Severity.INFO,
}

_INF = float("inf")
# Slots whose disagreement is doubtful by nature: at most a warning, saying why.
AT_MOST_WARNING = {"age": " (a birthday may fall between the reports)"}
_MIN_SUPPORT = 2  # reports that must carry a corrected fixed value before it counts
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Comparison:
    findings: tuple[Finding, ...]
    timelines: tuple[Timeline, ...]


def severity_of(type: FindingType, config: Config) -> Severity:
    return config.severity.get(type, DEFAULT_SEVERITY[type])


def is_ignored(slot: str, ignore_slots: Iterable[str]) -> bool:
    return any(slot == p or fnmatchcase(slot, p) for p in ignore_slots)


def normalise_name(text: str) -> str:
    """Accent-, case- and space-insensitive key for a name value."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


# --------------------------------------------------------------------------- context


class _Context:
    """Python-side lookups for messages and ordering: claims by row, report labels."""

    def __init__(self, claims: Sequence[Claim], articles: Sequence[Article]) -> None:
        self.claims = claims
        self.articles = {a.id: a for a in articles}
        self.words = Wording(claims, self.articles)
        self._pub: dict[str, tuple[float, str]] = {}

    def pub_key(self, row: int) -> tuple[float, str]:
        aid = self.claims[row].article_id
        cached = self._pub.get(aid)
        if cached is None:
            art = self.articles.get(aid)
            key = _pub_seconds(art.published) if art is not None else None
            cached = self._pub[aid] = (key if key is not None else _INF, aid)
        return cached

    def pub_order(self, row: int) -> tuple[tuple[float, str], str]:
        """Publication order, ties broken by claim id: deterministic whatever the input."""
        return self.pub_key(row), self.claims[row].id

    def by_pub(self, rows: Iterable[int]) -> list[int]:
        return sorted(rows, key=self.pub_order)


def _pub_seconds(value: dt.date | dt.datetime | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return (aware - _EPOCH).total_seconds()
    return float((value.toordinal() - _EPOCH.date().toordinal()) * 86400)


def _norm_time(value: str | None) -> str | None:
    """A time of day as a sortable key: seconds after the day's midnight in UTC (offset
    by a day, so that 02:00+04:00 sorts before 23:00Z), or the local time when no zone
    is given. 22:30+01:00 is after 22:00+04:00."""
    if value is None:
        return None
    try:
        parsed = dt.time.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    seconds = parsed.hour * 3600 + parsed.minute * 60 + parsed.second
    offset = parsed.utcoffset()
    if offset is not None:
        seconds -= int(offset.total_seconds())
    return f"{seconds + 86_400:06d}"


# --------------------------------------------------------------------------- frame


def _frame(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    config: Config,
    lexicon_behaviour: Mapping[str, str],
) -> pl.DataFrame:
    values = [c.value for c in claims]
    names = sorted(
        {normalise_name(v.canonical or v.text) for v in values if isinstance(v, NameValue)}
    )
    code = {n: float(k) for k, n in enumerate(names)}

    def bounds(v: Any) -> tuple[float | None, float | None]:
        if type(v) is CountValue:
            return v.low, v.high
        if type(v) is DateValue:
            return float(v.start.toordinal()), float(v.end.toordinal())
        if isinstance(v, NameValue):
            k = code[normalise_name(v.canonical or v.text)]
            return k, k
        return v.low, v.high  # subclasses of CountValue

    pairs = [bounds(v) for v in values]
    kind_names = {k: k.value for k in Kind}
    times = {t: _norm_time(t) for t in {c.as_of_time for c in claims}}
    df = pl.DataFrame(
        {
            "i": pl.Series(range(len(claims)), dtype=pl.Int64),
            "cid": [c.id for c in claims],
            "aid": [c.article_id for c in claims],
            "story": [c.story for c in claims],
            "slot": [c.slot for c in claims],
            "kind": [kind_names[c.kind] for c in claims],
            "unit": [c.unit or "" for c in claims],
            "rlo": pl.Series([p[0] for p in pairs], dtype=pl.Float64),
            "rhi": pl.Series([p[1] for p in pairs], dtype=pl.Float64),
            "day": pl.Series(
                [c.as_of.toordinal() if c.as_of is not None else None for c in claims],
                dtype=pl.Int64,
            ),
            "tm": pl.Series([times[c.as_of_time] for c in claims], dtype=pl.String),
            "corr": pl.Series([c.corrects for c in claims], dtype=pl.Boolean),
        }
    )
    pubs = pl.DataFrame(
        {
            "aid": [a.id for a in articles],
            # publication order for fixed facts: a timestamp when the report has one,
            # else noon of its day (same-day untimed reports stay simultaneous)
            "pday": pl.Series([_publication_order(a.published) for a in articles], dtype=pl.Int64),
            "pkey": pl.Series([_pub_seconds(a.published) for a in articles], dtype=pl.Float64),
        },
    ).unique("aid", keep="first", maintain_order=True)
    slots = sorted(set(df["slot"].to_list()))
    slot_df = pl.DataFrame(
        {
            "slot": slots,
            "beh": [slot_behaviour(s, lexicon_behaviour, config.behaviour).value for s in slots],
            "tol": pl.Series(
                [float(config.tolerance.get(s, 0.0)) for s in slots], dtype=pl.Float64
            ),
        },
        schema={"slot": pl.String, "beh": pl.String, "tol": pl.Float64},
    )
    keys = (
        df.select("story", "slot", "kind", "unit")
        .unique()
        .sort("story", "slot", "kind", "unit")
        .with_row_index("g")
        .with_columns(
            # one timeline per story, slot and kind (units of one slot share an axis)
            t=pl.struct("story", "slot", "kind").rank("dense").cast(pl.Int64)
        )
    )
    numeric = pl.col("kind").is_in([Kind.COUNT.value, Kind.QUANTITY.value])
    tol = pl.when(numeric).then(pl.col("tol")).otherwise(0.0)
    lo = pl.col("rlo").fill_null(-_INF)
    hi = pl.col("rhi").fill_null(_INF)
    return (
        df.join(keys, on=["story", "slot", "kind", "unit"], how="left")
        .join(slot_df, on="slot", how="left")
        .join(pubs, on="aid", how="left")
        .with_columns(
            lo=lo - lo.abs() * tol,
            hi=hi + hi.abs() * tol,
        )
        .with_columns(
            lo=pl.col("lo").fill_nan(-_INF),
            hi=pl.col("hi").fill_nan(_INF),
        )
    )


# --------------------------------------------------------------------------- messages


def _agreement_clusters(
    ctx: _Context, rows: Sequence[int], lo: Mapping[int, float], hi: Mapping[int, float]
) -> list[list[int]]:
    """Partition claims into groups that agree pairwise (sweep by low bound)."""
    ordered = sorted(rows, key=lambda r: (lo[r], hi[r], *ctx.pub_order(r)))
    clusters: list[list[int]] = []
    cap = -_INF
    for r in ordered:
        if clusters and lo[r] <= cap:
            clusters[-1].append(r)
            cap = min(cap, hi[r])
        else:
            clusters.append([r])
            cap = hi[r]
    for cl in clusters:
        cl.sort(key=ctx.pub_order)
    clusters.sort(key=lambda cl: ctx.pub_order(cl[0]))
    return clusters


def _majority(ctx: _Context, clusters: Sequence[Sequence[int]]) -> int | None:
    """The cluster more reports share than any other (at least two), if there is one."""
    sizes = [ctx.words.count_reports(cl) for cl in clusters]
    best = max(range(len(clusters)), key=lambda k: sizes[k])
    if sizes[best] < _MIN_SUPPORT or sum(1 for n in sizes if n == sizes[best]) > 1:
        return None
    return best


_NOON = 43_200


def _publication_order(value: dt.date | dt.datetime | None) -> int | None:
    """Seconds since the epoch: the timestamp, or noon UTC of an untimed day."""
    seconds = _pub_seconds(value)
    if seconds is None:
        return None
    return int(seconds) if isinstance(value, dt.datetime) else int(seconds) + _NOON


# --------------------------------------------------------------------------- findings


class _Builder:
    def __init__(self, ctx: _Context, config: Config) -> None:
        self.ctx = ctx
        self.config = config
        self.findings: dict[str, Finding] = {}
        self.conflict_rows: set[int] = set()
        self.revised_rows: set[int] = set()

    def add(
        self,
        type: FindingType,
        rows: Iterable[int],
        message: str,
        outliers: Sequence[int] = (),
        context: Sequence[str] = (),
    ) -> None:
        """One finding citing ``rows``; its id comes from the ``outliers`` (report and
        figure) or, when none is singled out, from the figures in disagreement and
        ``context`` (the day of a same-time conflict)."""
        ctx = self.ctx
        odd = ctx.by_pub(set(outliers))
        rest = ctx.by_pub(set(rows) - set(odd))
        first = ctx.claims[(odd or rest)[0]]
        if odd:
            key = [outlier_key(ctx.claims[r]) for r in odd]
        else:
            key = ["values", *context, *(value_key(ctx.claims[r]) for r in rest)]
        ids = tuple(dict.fromkeys(ctx.claims[r].id for r in (*odd, *rest)))
        fid = finding_id(type, first.story, first.slot, key)
        if fid in self.findings:  # the same odd one out twice: tell them apart by evidence
            fid = finding_id(type, first.story, first.slot, [*key, *ids])
        severity = severity_of(type, self.config)
        doubt = AT_MOST_WARNING.get(whole_slot(first.slot)) or _doubt(
            [ctx.claims[r] for r in odd], [ctx.claims[r] for r in rest]
        )
        if severity is Severity.ERROR and doubt is not None:
            severity, message = Severity.WARNING, message + doubt
        self.findings[fid] = Finding(
            id=fid,
            type=type,
            severity=severity,
            story=first.story,
            slot=first.slot,
            claim_ids=ids,
            message=message,
            outliers=tuple(ctx.claims[r].id for r in odd),
            outlier_reports=tuple(dict.fromkeys(ctx.claims[r].article_id for r in odd)),
        )
        if type is FindingType.CONTRADICTION:
            self.conflict_rows.update(odd or rest)  # agreeing reports are not in conflict

    def in_conflict(self) -> pl.Expr:
        """Rows already in a same-time contradiction."""
        return pl.col("i").is_in(pl.Series(sorted(self.conflict_rows), dtype=pl.Int64).implode())


def _dated_outside_conflicts(df: pl.DataFrame, b: _Builder, behaviour: Behaviour) -> pl.DataFrame:
    """Dated claims of slots that move as ``behaviour``, not already in a contradiction."""
    return df.filter(
        (pl.col("beh") == behaviour.value) & pl.col("day").is_not_null() & ~b.in_conflict()
    )


def _doubt(odd: Sequence[Claim], rest: Sequence[Claim]) -> str | None:
    """Why a finding cannot be an error: an error needs sure figures on both sides (an
    odd one out that is sure, and a sure figure it disagrees with)."""
    doubtful = (
        [c for c in odd if c.doubt is not None] if odd else [c for c in rest if c.doubt is not None]
    )
    if not doubtful and odd and rest and all(c.doubt is not None for c in rest):
        doubtful = list(rest[:1])
    if not doubtful:
        return None
    c = doubtful[0]
    return f' (at most a warning: in "{c.quote}", {c.doubt})'


def _fixed(df: pl.DataFrame, b: _Builder) -> None:
    f = df.filter((pl.col("beh") == Behaviour.FIXED.value) | pl.col("day").is_null())
    stats = f.group_by("g").agg(mxlo=pl.col("lo").max(), mnhi=pl.col("hi").min())
    f = f.join(stats.filter(pl.col("mxlo") > pl.col("mnhi")), on="g", how="inner")
    if f.is_empty():
        return
    f = f.join(_candidates(f), on="g", how="left").with_columns(
        cand=pl.col("cand").fill_null(False)
    )
    f = f.with_columns(
        agree=pl.col("cand") & (pl.col("lo") <= pl.col("vhi")) & (pl.col("hi") >= pl.col("vlo"))
    )
    maj = (
        f.filter(pl.col("pday") >= pl.col("tv"))
        .group_by("g")
        .agg(
            n_ok=pl.col("aid").filter(pl.col("agree")).n_unique(),
            n_bad=pl.col("aid").filter(~pl.col("agree")).n_unique(),
        )
    )
    f = f.join(maj, on="g", how="left").with_columns(
        conv=(
            pl.col("cand") & (pl.col("n_ok") >= _MIN_SUPPORT) & (pl.col("n_ok") > pl.col("n_bad"))
        ).fill_null(False)
    )
    dis = f.filter(pl.col("conv") & ~pl.col("agree"))
    old = dis.filter(pl.col("pday") < pl.col("tv")).select("g", olo="lo", ohi="hi")
    later = dis.filter(pl.col("pday") >= pl.col("tv")).select("g", "i", "lo", "hi")
    repeats = (
        later.join(old, on="g", how="inner")
        .filter((pl.col("lo") <= pl.col("ohi")) & (pl.col("hi") >= pl.col("olo")))
        .select("i")
        .unique()
    )
    involved = (pl.col("hi") < pl.col("mxlo")) | (pl.col("lo") > pl.col("mnhi"))
    repeat = pl.col("i").is_in(repeats["i"].implode())
    status = (
        pl.when(~pl.col("conv"))
        .then(pl.when(involved).then(pl.lit("contra")))
        .when(pl.col("agree"))
        .then(pl.lit("ok"))
        .when(pl.col("pday").is_null())
        .then(pl.lit("contra"))
        .when(pl.col("pday") < pl.col("tv"))
        .then(pl.lit("revision"))
        .when(repeat & (pl.col("pday") == pl.col("tv")))
        .then(pl.lit("revision"))
        .when(repeat)
        .then(pl.lit("stale"))
        .otherwise(pl.lit("contra"))
    )
    rows = (
        f.with_columns(status=status)
        .filter(pl.col("status").is_not_null())
        .select("g", "i", "aid", "status", "pday", "tv", "conv", "lo", "hi", "beh")
        .sort("g", "i")
    )
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for rec in rows.iter_rows(named=True):
        groups[rec["g"]].append(rec)
    for g in sorted(groups):
        _fixed_group(b, groups[g])


def _vague(lo: float, hi: float, claims: Sequence[tuple[str, int, float, float]]) -> bool:
    """An interval that fits two values which exclude each other ("eight weeks ago"
    fits both Dec. 17 and Dec. 18) cannot be what the reports settled on."""
    inside = [(l2, h2) for _, _, l2, h2 in claims if l2 <= hi and h2 >= lo]
    return bool(inside) and max(l2 for l2, _ in inside) > min(h2 for _, h2 in inside)


def _candidates(f: pl.DataFrame) -> pl.DataFrame:
    """Per disagreeing group, the value the recent reports settled on, if any.

    The recent reports are the later half of the group's dated reports. Each
    recent claim's interval is a candidate; its support is the number of
    distinct recent reports whose claims overlap it. The best candidate (most
    support, then latest, then narrowest) is the consensus ``V`` when at least
    two reports support it and more recent reports support it than not. A
    single stale repeat on the last day no longer hides a consensus.
    """
    dated = f.filter(pl.col("pday").is_not_null()).select("g", "aid", "pday", "lo", "hi")
    rows: list[tuple[int, float, float, bool, int, int | None]] = []
    groups: dict[int, list[tuple[str, int, float, float]]] = defaultdict(list)
    for g, aid, pday, lo, hi in dated.sort("g", "pday", "aid").iter_rows():
        groups[g].append((aid, pday, lo, hi))
    for g, claims in groups.items():
        days = sorted({c[1] for c in claims})
        articles = sorted({(c[1], c[0]) for c in claims})
        n_articles = len({c[0] for c in claims})
        cut = articles[len(articles) // 2][0] if len(articles) > 1 else days[0]
        recent = [c for c in claims if c[1] >= cut]
        recent_articles = {c[0] for c in recent}
        best: tuple[int, int, float, float, float] | None = None
        sharp_recent = [c for c in recent if not _vague(c[2], c[3], claims)] or recent
        for _, pday, lo, hi in sharp_recent:
            support = {a for a, _, l2, h2 in recent if l2 <= hi and h2 >= lo}
            key = (len(support), pday, -(hi - lo), lo, hi)
            if best is None or key > best:
                best = key
        assert best is not None
        n_ok, _, _, vlo, vhi = best
        supporters = {a for a, _, l2, h2 in recent if l2 <= vhi and h2 >= vlo}
        n_bad = len(recent_articles - supporters)
        cand = n_articles >= 2 and n_ok >= _MIN_SUPPORT and n_ok > n_bad
        # t_V: the first report that gives V and rules out the other values; a vague
        # claim that fits both ("more than a dozen" for 14 and for about 20) is not it
        others = [(l2, h2) for _, _, l2, h2 in claims if not (l2 <= vhi and h2 >= vlo)]
        sharp = [
            pday
            for _, pday, l2, h2 in claims
            if l2 <= vhi and h2 >= vlo and not any(l2 <= oh and h2 >= ol for ol, oh in others)
        ]
        tv = min(sharp) if sharp else None
        rows.append((g, vlo, vhi, cand and tv is not None, n_articles, tv))
    return pl.DataFrame(
        rows,
        schema={"g": dated.schema["g"], "vlo": pl.Float64, "vhi": pl.Float64, "cand": pl.Boolean,
                "na": pl.Int64, "tv": dated.schema["pday"]},
        orient="row",
    )  # fmt: skip


def _disagreeing(
    b: _Builder, head: str, clusters: Sequence[Sequence[int]], context: Sequence[str] = ()
) -> None:
    """Contradictions among clusters of agreeing claims that nothing settled: one per
    odd report when most reports share one figure, else one naming every figure."""
    words = b.ctx.words
    major = _majority(b.ctx, clusters)
    if major is None:
        rows = [r for cl in clusters for r in cl]
        msg = f"{head}: {words.disagreement(clusters)}"
        b.add(FindingType.CONTRADICTION, rows, msg, context=context)
        return
    majority = clusters[major]
    others = b.ctx.by_pub(r for k, cl in enumerate(clusters) if k != major for r in cl)
    for odd in words.by_report(others):
        msg = f"{head}: {words.against(odd, majority)}"
        b.add(FindingType.CONTRADICTION, [*odd, *majority], msg, outliers=odd)


def _fixed_group(b: _Builder, recs: list[dict[str, Any]]) -> None:
    ctx, words = b.ctx, b.ctx.words
    lo = {r["i"]: r["lo"] for r in recs}
    hi = {r["i"]: r["hi"] for r in recs}
    first = ctx.claims[recs[0]["i"]]
    head = first.slot
    if recs[0]["beh"] != Behaviour.FIXED.value:
        head += " (as of an unknown date)"
    if len({ctx.claims[r["i"]].article_id for r in recs}) < 2:
        return  # one report giving two figures speaks of two things, not a contradiction
    if not recs[0]["conv"]:
        rows = [r["i"] for r in recs]
        _disagreeing(b, head, _agreement_clusters(ctx, rows, lo, hi))
        return
    agreeing = ctx.by_pub(r["i"] for r in recs if r["status"] == "ok")
    correctors = [r["i"] for r in recs if r["status"] == "ok" and r["pday"] == r["tv"]]
    deviants = ctx.by_pub(r["i"] for r in recs if r["status"] == "contra")
    for odd in words.by_report(deviants):
        msg = f"{head}: {words.against(odd, agreeing)}"
        b.add(FindingType.CONTRADICTION, [*odd, *agreeing], msg, outliers=odd)
    correcting = ctx.by_pub(r["i"] for r in recs if r["status"] == "ok" and r["pday"] is not None)
    consensus = words.consensus(agreeing)
    since = seconds_day_text(recs[0]["tv"])
    for kind in ("revision", "stale"):
        for rows in words.by_report(ctx.by_pub(r["i"] for r in recs if r["status"] == kind)):
            if kind == "revision":
                msg = (
                    f"{head}: {words.says(rows, 'gave')}; later reports settled on "
                    f'"{consensus}" from {since} ({words.reports(correcting)})'
                )
                b.add(FindingType.REVISION, [*rows, *correctors], msg, outliers=rows)
            else:
                msg = (
                    f"{head}: {words.says(rows, 'still gives')}, superseded since {since} by "
                    f'"{consensus}" ({words.reports(correcting)})'
                )
                b.add(FindingType.STALE, [*rows, *correctors], msg, outliers=rows)
            b.revised_rows.update(correctors)


def _same_time(df: pl.DataFrame, b: _Builder, window: int) -> None:
    s = df.filter((pl.col("beh") != Behaviour.FIXED.value) & pl.col("day").is_not_null())
    if window > 0:
        s = s.with_columns(anc=pl.int_ranges(pl.col("day") - window, pl.col("day") + 1)).explode(
            "anc"
        )
    else:
        s = s.with_columns(anc=pl.col("day"))
    grp = ["g", "anc"]
    s = s.with_columns(mxlo=pl.col("lo").max().over(grp), mnhi=pl.col("hi").min().over(grp)).filter(
        pl.col("mxlo") > pl.col("mnhi")
    )
    if s.is_empty():
        return
    timed = pl.col("tm").is_not_null()
    inst = ["g", "anc", "day", "tm"]
    s = s.with_columns(
        ilo=pl.when(timed).then(pl.col("lo")).max().over(inst),
        ihi=pl.when(timed).then(pl.col("hi")).min().over(inst),
        tmx=pl.when(timed).then(pl.col("lo")).max().over(grp),
        tmn=pl.when(timed).then(pl.col("hi")).min().over(grp),
        elo=pl.when(timed).then(pl.col("lo")).min().over(grp),
        ehi=pl.when(timed).then(pl.col("hi")).max().over(grp),
    )
    moved = (pl.col("tmx") > pl.col("tmn")).fill_null(False)
    outside = (
        ~timed & ((pl.col("hi") < pl.col("elo")) | (pl.col("lo") > pl.col("ehi")))
    ).fill_null(False)
    s = s.with_columns(moved=moved, outside=outside).with_columns(
        any_out=pl.col("outside").any().over(grp)
    )
    inv = (
        (timed & ((pl.col("hi") < pl.col("ilo")) | (pl.col("lo") > pl.col("ihi"))))
        | (~pl.col("moved") & ((pl.col("hi") < pl.col("mxlo")) | (pl.col("lo") > pl.col("mnhi"))))
        | (pl.col("moved") & pl.col("outside"))
        | (pl.col("moved") & timed & pl.col("any_out"))
    )
    hits = s.filter(inv.fill_null(False)).select("g", "anc", "i", "day", "lo", "hi")
    if hits.is_empty():
        return
    anchors = (
        hits.select("g", "anc")
        .unique()
        .sort("g", "anc")
        .with_columns(
            cl=((pl.col("anc") - pl.col("anc").shift(1).over("g")) > window)
            .fill_null(True)
            .cast(pl.Int64)
            .cum_sum()
        )
    )
    rows = (
        hits.join(anchors, on=["g", "anc"])
        .group_by("cl", "i")
        .agg(pl.col("day").first(), pl.col("lo").first(), pl.col("hi").first())
        .sort("cl", "i")
    )
    clusters: dict[int, list[tuple[int, int, float, float]]] = defaultdict(list)
    for cl, i, day, lo, hi in rows.iter_rows():
        clusters[cl].append((i, day, lo, hi))
    ctx = b.ctx
    for cl in sorted(clusters):
        items = clusters[cl]
        idx = [t[0] for t in items]
        if len({ctx.claims[i].article_id for i in idx}) < 2:
            continue  # one report giving two figures speaks of two things (two volleys of shots)
        days = sorted({t[1] for t in items})
        when = ordinal_text(days[0])
        if len(days) > 1:
            when += f" to {ordinal_text(days[-1])}"
        lo_map = {t[0]: t[2] for t in items}
        hi_map = {t[0]: t[3] for t in items}
        groups = _agreement_clusters(ctx, idx, lo_map, hi_map)
        head = f"{ctx.claims[idx[0]].slot} on {when}"
        _disagreeing(b, head, groups, context=[str(days[0])])


def _overshoots(df: pl.DataFrame, b: _Builder) -> None:
    """Two reports of one day whose tallies cannot both be the day's count disagree.

    A figure above the day's earlier ones that no later report reaches is no rise
    within the day ("MORE than 400 people died", rescue workers, at 22:30, against the
    prosecutors' 322 of the afternoon, where the next days give 335 and 326); a rise
    the later reports keep is the tally moving on. A figure below an earlier one of the
    same day from another report is two sources disagreeing, not a tally that fell (a
    health official's 210 children dead at 18:00, the prosecutors' 155 at 19:15).
    One report telling the day's rise ("six dead this morning, 12 by evening") is
    not in doubt."""
    t = (
        _dated_outside_conflicts(df, b, Behaviour.TALLY)
        .filter(~pl.col("corr"))
        .select("g", "i", "day", "tm", "lo", "hi")
    )
    if t.is_empty():
        return
    ctx = b.ctx
    for _g, rows in t.sort("g", "day", "tm", "i").group_by("g", maintain_order=True):
        recs = rows.to_dicts()
        lo = {r["i"]: r["lo"] for r in recs}
        hi = {r["i"]: r["hi"] for r in recs}
        for c in recs:
            if c["tm"] is None:
                continue
            same_day = [
                e for e in recs
                if e["day"] == c["day"] and e["tm"] is not None and e["tm"] < c["tm"]
                and ctx.claims[e["i"]].article_id != ctx.claims[c["i"]].article_id
            ]  # fmt: skip
            # a fall within the day between two reports: two sources disagreeing
            earlier = [e for e in same_day if e["lo"] > c["hi"]]
            if not earlier:
                earlier = [e for e in same_day if e["hi"] < c["lo"]]
                later = [x for x in recs if x["day"] > c["day"]]
                if not earlier or not later:
                    continue
                if any(x["lo"] >= c["lo"] for x in later) or not any(
                    x["hi"] < c["lo"] for x in later
                ):
                    continue  # reached later (or nothing later says otherwise): the tally rose
            rows_of = [e["i"] for e in earlier] + [c["i"]]
            groups = _agreement_clusters(ctx, rows_of, lo, hi)
            head = f"{ctx.claims[c['i']].slot} on {ordinal_text(c['day'])}"
            _disagreeing(b, head, groups, context=[str(c["day"])])


def _level_corrections(df: pl.DataFrame, b: _Builder) -> None:
    """A level the report says it corrects ("had held more than 1,100 people, not the
    354 they had announced") makes each earlier report with a figure it excludes a
    revision, and a later report still giving that figure stale, up or down."""
    t = _dated_outside_conflicts(df, b, Behaviour.LEVEL)
    if not t.is_empty() and t["corr"].any():
        _corrections(t, b, both_ways=True)


def _corrections(t: pl.DataFrame, b: _Builder, *, both_ways: bool = False) -> set[int]:
    """A tally the report says it corrects ("revised down to 71 from about 80") makes
    each earlier report above it a ``revision`` (info), and a later report that still
    gives one of those superseded figures ``stale`` (warning). Returns the stale rows,
    which set no record: the figures after them follow the correction. A level
    (``both_ways``) is corrected up as well as down."""
    ctx, words = b.ctx, b.ctx.words
    # what a report said before or after the correction is a matter of when it
    # appeared ("herded 354 hostages into the gym on Sept. 1", a week after the count
    # was corrected, is stale though it holds on the first day)
    told = [
        (g, i, day, lo, hi, corr, (pday // 86400) if pday is not None else day)
        for g, i, day, lo, hi, corr, pday in t.select(
            "g", "i", "day", "lo", "hi", "corr", "pday"
        ).iter_rows()
    ]
    rows = sorted(told, key=lambda r: (r[6], r[2]))
    stale: set[int] = set()
    for g, fix, _day, lo, hi, corr, when in rows:
        if not corr:
            continue
        same = [r for r in rows if r[0] == g]
        before = [r for r in same if r[6] < when and (r[3] > hi or (both_ways and r[4] < lo))]
        if not before:
            continue
        later = [
            r[1]
            for r in same
            if r[6] > when
            and (r[3] > hi or (both_ways and r[4] < lo))
            and any(r[3] <= s[4] and s[3] <= r[4] for s in before)
        ]
        head, since = ctx.claims[fix].slot, day_text(ctx.claims[fix].as_of)
        fixed = f'"{ctx.claims[fix].quote}" ({words.of(fix)})'
        for odd in words.by_report(ctx.by_pub(r[1] for r in before)):
            msg = f"{head}: {words.says(odd, 'gave')}; corrected on {since} to {fixed}"
            b.add(FindingType.REVISION, [*odd, fix], msg, outliers=odd)
        for odd in words.by_report(ctx.by_pub(later)):
            msg = f"{head}: {words.says(odd, 'still gives')}, corrected on {since} to {fixed}"
            b.add(FindingType.STALE, [*odd, fix], msg, outliers=odd)
        b.revised_rows.add(fix)
        stale.update(later)
    return stale


def _regressions(df: pl.DataFrame, b: _Builder, window: int) -> None:
    # a figure already in a same-time contradiction sets no record and breaks none
    t = _dated_outside_conflicts(df, b, Behaviour.TALLY).select(
        "g", "i", "cid", "day", "tm", "lo", "hi", "corr", "pday"
    )
    if t.is_empty():
        return
    stale = pl.Series("s", sorted(_corrections(t, b)), dtype=pl.Int64)
    t = t.filter(~pl.col("i").is_in(stale.implode()))
    # of the day's highest figures, the latest report's: a reference that does not
    # hang on claim ids (which follow the inputs' paths)
    best = (
        pl.col("i")
        .sort_by(["lo", "pday", "cid"], descending=[True, True, False], nulls_last=True)
        .first()
    )
    days = (
        t.group_by("g", "day")
        .agg(mlo=pl.col("lo").max(), ref=best, cday=pl.col("corr").any())
        .sort("g", "day")
        .with_columns(seg=pl.col("cday").cast(pl.Int64).cum_sum().over("g"))
        .with_columns(rec=pl.col("mlo").cum_max().over("g", "seg"))
        .with_columns(prev=pl.col("rec").shift(1).over("g", "seg"))
        .with_columns(
            rref=pl.when(pl.col("prev").is_null() | (pl.col("mlo") > pl.col("prev")))
            .then(pl.col("ref"))
            .forward_fill()
            .over("g", "seg")
        )
    )
    own = days.select("g", "day", "seg")
    look = days.select("g", pl.col("day").alias("rday"), "seg", "rec", "rref").rename(
        {"seg": "rseg"}
    )
    t = (
        t.join(own, on=["g", "day"], how="left")
        .with_columns(key=pl.col("day") - window - 1)
        .sort("key")
        .join_asof(
            look.sort("rday"),
            left_on="key",
            right_on="rday",
            by="g",
            strategy="backward",
            check_sortedness=False,
        )
    )
    prior_day = pl.when(pl.col("corr") | (pl.col("rseg") == pl.col("seg"))).then(pl.col("rec"))
    # within one day, timestamped claims at earlier times
    inst = (
        t.filter(pl.col("tm").is_not_null())
        .group_by("g", "day", "tm")
        .agg(mlo=pl.col("lo").max(), ref=best)
        .sort("g", "day", "tm")
        .with_columns(rec=pl.col("mlo").cum_max().over("g", "day"))
        .with_columns(prev=pl.col("rec").shift(1).over("g", "day"))
        .with_columns(
            tref=pl.when(pl.col("prev").is_null() | (pl.col("mlo") > pl.col("prev")))
            .then(pl.col("ref"))
            .forward_fill()
            .over("g", "day")
        )
        .with_columns(
            tprior=pl.col("rec").shift(1).over("g", "day"),
            tref=pl.col("tref").shift(1).over("g", "day"),
        )
        .select("g", "day", "tm", "tprior", "tref")
    )
    t = t.join(inst, on=["g", "day", "tm"], how="left").with_columns(pday_prior=prior_day)
    use_t = pl.col("tprior").is_not_null() & (
        pl.col("pday_prior").is_null() | (pl.col("tprior") > pl.col("pday_prior"))
    )
    t = t.with_columns(
        prior=pl.when(use_t).then(pl.col("tprior")).otherwise(pl.col("pday_prior")),
        pref=pl.when(use_t).then(pl.col("tref")).otherwise(pl.col("rref")),
    )
    hits = (
        t.filter((pl.col("hi") < pl.col("prior")).fill_null(False))
        # a correcting claim is no regression: the reports it corrects are revisions
        .filter(~pl.col("corr"))
        .select("g", "i", "pref")
        .sort("g", "pref", "i")
    )
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for g, i, pref in hits.iter_rows():
        groups[(g, pref)].append(i)
    ctx = b.ctx
    for (_g, ref), rows in sorted(groups.items()):
        head = ctx.claims[ref].slot
        ref_c = ctx.claims[ref]
        earlier = f'"{ref_c.quote}" in {ctx.words.of(ref)} (as of {_as_of(ref_c)})'
        for odd in ctx.words.by_report(ctx.by_pub(rows)):
            later = f"{ctx.words.says(odd, 'gives')} as of {_as_of(ctx.claims[odd[0]])}"
            msg = f"{head}: {later}, lower than the earlier {earlier}; a tally should not fall"
            b.add(FindingType.REGRESSION, [ref, *odd], msg, outliers=odd)


def _as_of(c: Claim) -> str:
    if c.as_of is None:
        return "an unknown date"
    return day_text(c.as_of) + (f" {c.as_of_time}" if c.as_of_time else "")


# --------------------------------------------------------------------------- timelines


def _timelines(df: pl.DataFrame, b: _Builder) -> list[Timeline]:
    d = df.filter(pl.col("kind") != Kind.NAME.value)
    if d.is_empty():
        return []
    revised = pl.Series("r", sorted(b.revised_rows), dtype=pl.Int64)
    d = d.with_columns(isc=b.in_conflict(), isr=pl.col("i").is_in(revised.implode()))
    names = {
        t: (story, slot, kind)
        for t, story, slot, kind in d.group_by("t")
        .agg(pl.col("story").first(), pl.col("slot").first(), pl.col("kind").first())
        .iter_rows()
    }
    tl = ["t"]
    pts = (
        d.group_by("t", "day", "rlo", "rhi")
        .agg(
            ids=pl.col("cid").sort(),
            tmin=pl.col("tm").min(),
            pmin=pl.col("pkey").min(),
            beh=pl.col("beh").first(),
            isc=pl.col("isc").any(),
            isr=pl.col("isr").any(),
        )
        .sort(
            ["t", "day", "tmin", "pmin", "rlo", "rhi"],
            nulls_last=[False, True, False, True, False, False],
        )
    )
    lo = pl.col("rlo").fill_null(-_INF)
    hi = pl.col("rhi").fill_null(_INF)
    pts = pts.with_columns(
        plo=lo.shift(1).over(tl),
        phi=hi.shift(1).over(tl),
        n=pl.int_range(pl.len()).over(tl),
    )
    change = (
        pl.when(pl.col("n") == 0)
        .then(pl.lit("first"))
        .when(pl.col("isc"))
        .then(pl.lit("conflict"))
        .when(pl.col("isr"))
        .then(pl.lit("revised"))
        .when(lo > pl.col("phi"))
        .then(pl.lit("up"))
        .when(hi < pl.col("plo"))
        .then(pl.lit("down"))
        .otherwise(pl.lit("same"))
    )
    pts = pts.with_columns(change=change)
    cols = [pts[c].to_list() for c in ("t", "beh", "day", "rlo", "rhi", "ids", "change")]
    tids, behs, days, rlos, rhis, idss, changes = cols
    out: list[Timeline] = []
    fromord = dt.date.fromordinal
    date_kind = Kind.DATE.value
    n = len(tids)
    begin = 0
    while begin < n:
        tid = tids[begin]
        key = names[tid]
        stop = begin + 1
        while stop < n and tids[stop] == tid:
            stop += 1
        is_date = key[2] == date_kind
        points = []
        for k in range(begin, stop):
            day = days[k]
            as_of = fromord(day) if day is not None else None
            if is_date:
                points.append(
                    _point(
                        as_of,
                        None,
                        None,
                        tuple(idss[k]),
                        changes[k],
                        fromord(int(rlos[k])),
                        fromord(int(rhis[k])),
                    )
                )
            else:
                points.append(
                    _point(as_of, rlos[k], rhis[k], tuple(idss[k]), changes[k], None, None)
                )
        out.append(
            Timeline(
                story=key[0],
                slot=key[1],
                behaviour=Behaviour(behs[begin]),
                kind=Kind(key[2]),
                points=tuple(points),
            )
        )
        begin = stop
    return out


def _point(
    as_of: dt.date | None,
    low: float | None,
    high: float | None,
    claim_ids: tuple[str, ...],
    change: str,
    start_date: dt.date | None,
    end_date: dt.date | None,
) -> TimelinePoint:
    """Build a TimelinePoint without the frozen-dataclass ``__init__`` overhead.

    Equivalent to ``TimelinePoint(...)``; there are as many points as claims at
    worst, and the generated ``__init__`` of a frozen dataclass costs a
    ``object.__setattr__`` per field.
    """
    point = object.__new__(TimelinePoint)
    point.__dict__.update(
        as_of=as_of,
        low=low,
        high=high,
        claim_ids=claim_ids,
        change=change,
        start_date=start_date,
        end_date=end_date,
    )
    return point


# --------------------------------------------------------------------------- entry point


def compare(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    config: Config,
    lexicon_behaviour: Mapping[str, str],
) -> Comparison:
    """Compare claims within each story and slot; see the module docstring for the rules."""
    # Building hundreds of thousands of small records triggers the cyclic GC again and
    # again over a heap holding every claim; nothing here creates cycles, so pause it.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _compare(claims, articles, config, lexicon_behaviour)
    finally:
        if paused:
            gc.enable()


def _compare(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    config: Config,
    lexicon_behaviour: Mapping[str, str],
) -> Comparison:
    kept: Sequence[Claim] = claims
    if config.ignore_slots:
        dropped = {s for s in {c.slot for c in claims} if is_ignored(s, config.ignore_slots)}
        if dropped:
            kept = [c for c in claims if c.slot not in dropped]
    if not kept:
        return Comparison((), ())
    ctx = _Context(kept, articles)
    df = _frame(kept, articles, config, lexicon_behaviour)
    b = _Builder(ctx, config)
    window = max(0, int(config.same_time_window_days))
    _fixed(df, b)
    _same_time(df, b, window)
    _level_corrections(df, b)
    _overshoots(df, b)
    _regressions(df, b, window)
    findings = sorted(b.findings.values(), key=lambda f: (f.story, f.slot, f.type.value, f.id))
    return Comparison(tuple(findings), tuple(_timelines(df, b)))
