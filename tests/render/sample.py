"""A small synthetic Report that exercises every output format.

Two stories, counts/dates/names, every finding type and severity, input
errors, and text with characters that need escaping in CSV, XML, SARIF and
GitHub workflow commands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.records import (
    Article,
    Behaviour,
    Claim,
    Finding,
    FindingType,
    InputError,
    Kind,
    PublishedBasis,
    Report,
    Severity,
    Timeline,
    TimelinePoint,
)
from tests.factories import article, count_claim, date_claim, name_claim

LIMA = "lima-1996"
FLOOD = "flood, 2024: river"  # commas and colons, for escaping

TEXT_A = (
    "LIMA, Peru -- Guerrillas holding 74 hostages at the ambassador's home\n"
    "fired four shots early Friday, police said.\n"
    "The compound was stormed by about 20 rebels Dec. 17.\n"
)
TEXT_B = (
    "Rebels still hold 72 hostages.\n"
    "The residence was stormed by 14 rebels on Dec. 18, officials said.\n"
    "Néstor Cerpa leads the group.\n"
)
TEXT_C = "Flood waters rose; 12 dead and more than 40 injured.\nThe river crested at 9.5 m.\n"


def _at(claim: Claim, text: str, quote: str, line: int | None = None) -> Claim:
    start = text.index(quote)
    return replace(claim, quote=quote, start=start, end=start + len(quote), line=line)


def sample_report() -> Report:
    a = replace(
        article("wire/a", dt.date(1997, 1, 10), text=TEXT_A, story=LIMA, title="Shots ring out"),
        path="reports/wire/a.md",
        line_offset=5,
        url="https://example.org/a",
        published_evidence="published: 1997-01-10",
    )
    b = replace(
        article(
            "wire/b",
            dt.datetime(1997, 1, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            text=TEXT_B,
            story=LIMA,
            source="Другое агентство",
        ),
        path="reports/wire/b with space.md",
    )
    c = Article(
        id="flood/c",
        path="reports/flood/c.txt",
        text=TEXT_C,
        story=FLOOD,
        published=None,
        published_basis=PublishedBasis.INFERRED,
    )

    hostages_a = _at(
        count_claim("wire/a", "hostages", 74, as_of=dt.date(1997, 1, 10), story=LIMA, id="c-h-a"),
        TEXT_A,
        "holding 74 hostages",
    )
    hostages_b = _at(
        count_claim("wire/b", "hostages", 72, as_of=dt.date(1997, 1, 11), story=LIMA, id="c-h-b"),
        TEXT_B,
        "hold 72 hostages",
        line=1,
    )
    rebels_a = _at(
        count_claim(
            "wire/a", "rebels", 15, 25, as_of=dt.date(1996, 12, 17), story=LIMA, id="c-r-a"
        ),
        TEXT_A,
        "about 20 rebels",
    )
    rebels_b = _at(
        count_claim("wire/b", "rebels", 14, as_of=dt.date(1996, 12, 17), story=LIMA, id="c-r-b"),
        TEXT_B,
        "14 rebels",
    )
    date_a = _at(
        date_claim("wire/a", "attack.date", dt.date(1996, 12, 17), story=LIMA, id="c-d-a"),
        TEXT_A,
        "Dec. 17",
    )
    date_b = _at(
        date_claim("wire/b", "attack.date", dt.date(1996, 12, 18), story=LIMA, id="c-d-b"),
        TEXT_B,
        "Dec. 18",
    )
    leader_b = _at(
        name_claim("wire/b", "leader", "Néstor Cerpa", story=LIMA, id="c-n-b"),
        TEXT_B,
        "Néstor Cerpa",
    )
    dead_c = _at(
        count_claim("flood/c", "dead", 12, as_of=None, story=FLOOD, id="c-dead-c"),
        TEXT_C,
        "12 dead",
    )
    injured_c = _at(
        count_claim("flood/c", "injured", 41, None, as_of=None, story=FLOOD, id="c-inj-c"),
        TEXT_C,
        "more than 40 injured",
    )
    crest_c = replace(
        _at(
            count_claim("flood/c", "river.crest", 9.5, as_of=None, story=FLOOD, id="c-cr-c"),
            TEXT_C,
            "9.5 m",
        ),
        kind=Kind.QUANTITY,
        unit="m",
    )
    claims = (
        hostages_a,
        rebels_a,
        date_a,
        hostages_b,
        rebels_b,
        date_b,
        leader_b,
        dead_c,
        injured_c,
        crest_c,
    )
    findings = (
        Finding(
            id="f-contra-rebels",
            type=FindingType.CONTRADICTION,
            severity=Severity.ERROR,
            story=LIMA,
            slot="rebels",
            claim_ids=("c-r-b", "c-r-a"),
            message='wire/b says "14 rebels", wire/a says "about 20 rebels": 100% sure?',
            outliers=("c-r-b",),
            outlier_reports=("wire/b",),
        ),
        Finding(
            id="f-contra-date",
            type=FindingType.CONTRADICTION,
            severity=Severity.ERROR,
            story=LIMA,
            slot="attack.date",
            claim_ids=("c-d-a", "c-d-b"),
            message="attack date: Dec. 17 vs Dec. 18\nsecond line, with comma",
        ),
        Finding(
            id="f-stale",
            type=FindingType.STALE,
            severity=Severity.WARNING,
            story=LIMA,
            slot="rebels",
            claim_ids=("c-r-a",),
            message="wire/a keeps <about 20> & the old figure",
        ),
        Finding(
            id="f-rev",
            type=FindingType.REVISION,
            severity=Severity.INFO,
            story=LIMA,
            slot="hostages",
            claim_ids=("c-h-a", "c-h-b"),
            message="hostages revised 74 → 72",
        ),
        Finding(
            id="f-reg",
            type=FindingType.REGRESSION,
            severity=Severity.WARNING,
            story=FLOOD,
            slot="dead",
            claim_ids=("c-dead-c",),
            message="dead fell\r\nfrom 14 to 12\x0b",
        ),
        Finding(
            id="f-spell",
            type=FindingType.SPELLING,
            severity=Severity.WARNING,
            story=LIMA,
            slot="leader",
            claim_ids=("c-n-b", "missing-claim"),
            message="Néstor Cerpa / Nestor Serpa",
        ),
        Finding(
            id="f-meta",
            type=FindingType.METADATA,
            severity=Severity.INFO,
            story=FLOOD,
            slot="published",
            claim_ids=(),
            message="flood/c has no publication date; inferred",
            outlier_reports=("flood/c",),
        ),
    )
    timelines = (
        Timeline(
            story=LIMA,
            slot="hostages",
            behaviour=Behaviour.LEVEL,
            kind=Kind.COUNT,
            points=(
                TimelinePoint(dt.date(1997, 1, 10), 74.0, 74.0, ("c-h-a",), "first"),
                TimelinePoint(dt.date(1997, 1, 11), 72.0, 72.0, ("c-h-b",), "down"),
            ),
        ),
        Timeline(
            story=LIMA,
            slot="rebels",
            behaviour=Behaviour.FIXED,
            kind=Kind.COUNT,
            points=(
                TimelinePoint(dt.date(1996, 12, 17), 14.0, 25.0, ("c-r-a", "c-r-b"), "conflict"),
            ),
        ),
        Timeline(
            story=LIMA,
            slot="attack.date",
            behaviour=Behaviour.FIXED,
            kind=Kind.DATE,
            points=(
                TimelinePoint(
                    dt.date(1996, 12, 17),
                    None,
                    None,
                    ("c-d-a",),
                    "first",
                    start_date=dt.date(1996, 12, 17),
                    end_date=dt.date(1996, 12, 17),
                ),
                TimelinePoint(
                    dt.date(1996, 12, 18),
                    None,
                    None,
                    ("c-d-b",),
                    "conflict",
                    start_date=dt.date(1996, 12, 18),
                    end_date=dt.date(1996, 12, 18),
                ),
            ),
        ),
        Timeline(
            story=LIMA,
            slot="leader",
            behaviour=Behaviour.FIXED,
            kind=Kind.NAME,
            points=(TimelinePoint(None, None, None, ("c-n-b",), "first"),),
        ),
        Timeline(
            story=FLOOD,
            slot="injured",
            behaviour=Behaviour.TALLY,
            kind=Kind.COUNT,
            points=(TimelinePoint(None, 41.0, None, ("c-inj-c",), "first"),),
        ),
        Timeline(
            story=FLOOD,
            slot="river.crest",
            behaviour=Behaviour.LEVEL,
            kind=Kind.QUANTITY,
            points=(TimelinePoint(None, 9.5, 9.5, ("c-cr-c",), "up"),),
        ),
    )
    errors = (
        InputError(path="reports/broken.jsonl", message="not JSON: line 3", row=3),
        InputError(path="reports/empty.md", message="empty file"),
    )
    return Report(
        articles=(a, b, c),
        claims=claims,
        findings=findings,
        timelines=timelines,
        errors=errors,
    )


def empty_report() -> Report:
    return Report(articles=(), claims=(), findings=(), timelines=())
