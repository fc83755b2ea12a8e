"""The words of a finding: who says what, by outlet and date.

Messages are for an editor: the odd one out first, then who disagrees, each
report named once by outlet and publication day, figures quoted. Paths and ids
never appear in the prose; a finding carries them in fields (``claim_ids``,
``outliers``, ``outlier_reports``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath

from checker.records import Article, Claim

MAX_LISTED = 3
_TITLE_CHARS = 48
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def day_text(day: dt.date | None) -> str:
    """``18 Dec 1996``: unambiguous in every locale, shorter than ISO to read."""
    if day is None:
        return "undated"
    return f"{day.day} {day.strftime('%b')} {day.year}"


def ordinal_text(ordinal: int | None) -> str:
    return day_text(dt.date.fromordinal(ordinal)) if ordinal is not None else "an unknown date"


def seconds_day_text(seconds: int | None) -> str:
    """The day of a publication order (seconds since the epoch, UTC)."""
    if seconds is None:
        return "an unknown date"
    return day_text((_EPOCH + dt.timedelta(seconds=seconds)).date())


def outlet(article: Article) -> str:
    """The outlet, else the title (shortened), else the file's name."""
    if article.source:
        return " ".join(article.source.split())
    if article.title:
        title = " ".join(article.title.split())
        if len(title) > _TITLE_CHARS:
            title = title[: _TITLE_CHARS - 1].rstrip() + "…"
        return f"“{title}”"
    return PurePosixPath(article.path.replace("\\", "/")).stem or "a report"


def report_label(article: Article | None) -> str:
    if article is None:
        return "an unknown report"
    return f"{outlet(article)} ({day_text(article.published_date)})"


def plural(n: int, noun: str, many: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def quoted(quotes: Sequence[str]) -> str:
    """Each distinct quote once, in order."""
    return ", ".join(f'"{q}"' for q in dict.fromkeys(quotes))


def report_list(labels: Sequence[str]) -> str:
    """Labels, each once (with a count when several reports share one), cut with a count."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    shown = [label if n == 1 else f"{label} ×{n}" for label, n in list(counts.items())[:MAX_LISTED]]
    rest = sum(list(counts.values())[MAX_LISTED:])
    return ", ".join(shown) + (f" and {rest} more" if rest else "")


def attributed(attribution: str) -> str:
    """ "police" -> "police figure", "the hospital" -> "hospital figure"."""
    text = " ".join(attribution.split())
    lowered = text.lower()
    for prefix in ("according to ", "the "):
        if lowered.startswith(prefix):
            text = text[len(prefix) :]
            lowered = lowered[len(prefix) :]
    if not text:
        return "unattributed figure"
    if lowered.endswith("s"):
        return f"{text}' figure"
    if text[0].isupper():
        return f"{text}'s figure"
    return f"{text} figure"


class Wording:
    """Labels of the reports behind a comparison's claims (rows of ``claims``)."""

    def __init__(self, claims: Sequence[Claim], articles: Mapping[str, Article]) -> None:
        self.claims = claims
        self.articles = articles
        self._labels: dict[str, str] = {}

    def label(self, article_id: str) -> str:
        cached = self._labels.get(article_id)
        if cached is None:
            cached = self._labels[article_id] = report_label(self.articles.get(article_id))
        return cached

    def of(self, row: int) -> str:
        return self.label(self.claims[row].article_id)

    def says(self, rows: Sequence[int], verb: str = "says") -> str:
        """``Lima Herald (18 Dec 1996) says "14"``: one report's claims (rows of one report)."""
        return f"{self.of(rows[0])} {verb} {quoted([self.claims[r].quote for r in rows])}"

    def reports(self, rows: Sequence[int]) -> str:
        """The reports of ``rows``, each once, in row order, cut with a count."""
        seen = dict.fromkeys(self.claims[r].article_id for r in rows)
        return report_list([self.label(a) for a in seen])

    def count_reports(self, rows: Sequence[int]) -> int:
        return len({self.claims[r].article_id for r in rows})

    def by_report(self, rows: Sequence[int]) -> list[list[int]]:
        """``rows`` grouped by report, in first-appearance order."""
        groups: dict[str, list[int]] = {}
        for r in rows:
            groups.setdefault(self.claims[r].article_id, []).append(r)
        return list(groups.values())

    def consensus(self, rows: Sequence[int]) -> str:
        """The quote most of ``rows`` use (the earliest of equals)."""
        quotes = [self.claims[r].quote for r in rows]
        return max(quotes, key=lambda q: (quotes.count(q), -quotes.index(q)))

    def cluster(self, rows: Sequence[int]) -> str:
        """Up to two reports of an agreeing cluster, quoted, and a count of the rest."""
        per_report = self.by_report(rows)
        text = " and ".join(self.says(g) for g in per_report[:2])
        more = len(per_report) - 2
        if more > 0:
            text += f" (as do {plural(more, 'more report')})"
        return text

    def attribution_note(self, clusters: Sequence[Sequence[int]]) -> str:
        figures: list[str] = []
        for cl in clusters:
            attr = next(
                (self.claims[r].attribution for r in cl if self.claims[r].attribution), None
            )
            figures.append(attributed(attr) if attr else "unattributed figure")
        distinct = list(dict.fromkeys(figures))
        if len(distinct) < 2 or all(f == "unattributed figure" for f in distinct):
            return ""
        return " (" + " vs ".join(distinct) + ")"

    def disagreement(self, clusters: Sequence[Sequence[int]]) -> str:
        """Clusters that disagree with each other, none singled out."""
        texts = [self.cluster(cl) for cl in clusters]
        body = texts[0] + " but " + "; ".join(texts[1:]) if len(texts) > 1 else texts[0]
        return body + self.attribution_note(clusters)

    def against(self, outlier: Sequence[int], majority: Sequence[int]) -> str:
        """The odd one out first, then how many reports say otherwise, and which."""
        n = self.count_reports(majority)
        verb = "says" if n == 1 else "say"
        source = next(
            (self.claims[r].attribution for r in outlier if self.claims[r].attribution), None
        )
        cited = f" (citing {' '.join(source.split())})" if source else ""
        return (
            f"{self.says(outlier)}{cited}; {plural(n, 'other report')} {verb} "
            f'"{self.consensus(majority)}" ({self.reports(majority)})'
        )
