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

import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from checker.compare.findings import Builder, Context
from checker.compare.fixed import fixed_facts
from checker.compare.frame import claim_frame
from checker.compare.regressions import level_corrections, regressions
from checker.compare.same_time import overshoots, same_time
from checker.compare.timelines import timelines
from checker.config import Config
from checker.records import Article, Claim, Finding, Timeline

__all__ = ["Comparison", "compare", "is_ignored"]


@dataclass(frozen=True)
class Comparison:
    findings: tuple[Finding, ...]
    timelines: tuple[Timeline, ...]


def is_ignored(slot: str, ignore_slots: Iterable[str]) -> bool:
    return any(slot == p or fnmatchcase(slot, p) for p in ignore_slots)


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
    ctx = Context(kept, articles)
    df = claim_frame(kept, articles, config, lexicon_behaviour)
    b = Builder(ctx, config)
    window = max(0, int(config.same_time_window_days))
    fixed_facts(df, b)
    same_time(df, b, window)
    level_corrections(df, b)
    overshoots(df, b)
    regressions(df, b, window)
    findings = sorted(b.findings.values(), key=lambda f: (f.story, f.slot, f.type.value, f.id))
    return Comparison(tuple(findings), tuple(timelines(df, b)))
