"""Rich synthetic Reports for the HTML renderer's tests and goldens.

``rich_report()``: three stories, findings of every type and severity, count,
date and name timelines, open intervals, undated and time-stamped reports.
``previous_of(report)``: a previous run's JSON with one finding resolved, one
new and figures changed. ``xss_report()``: report text built from
``tests/fixtures/xss/payloads.json``. All ids are explicit: same bytes every run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.records import (
    Article,
    Behaviour,
    Claim,
    CountValue,
    DateValue,
    Finding,
    FindingType,
    InputError,
    Kind,
    NameValue,
    PublishedBasis,
    Qualifier,
    Report,
    Severity,
    Timeline,
    TimelinePoint,
    Value,
)

XSS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "xss"
D = dt.date


@dataclass(frozen=True)
class Fig:
    """A figure to find in an article's text: (slot, quote, value)."""

    id: str
    slot: str
    quote: str
    value: Value
    qualifier: Qualifier = Qualifier.EXACT
    as_of: dt.date | None = None
    attribution: str | None = None
    unit: str | None = None


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1].strip()


def _kind(value: Value, unit: str | None) -> Kind:
    if isinstance(value, DateValue):
        return Kind.DATE
    if isinstance(value, NameValue):
        return Kind.NAME
    return Kind.QUANTITY if unit else Kind.COUNT


def build(
    article: Article, figs: Sequence[Fig], *, published: dt.date | None
) -> tuple[Article, list[Claim]]:
    claims = []
    for fig in figs:
        start = article.text.index(fig.quote)
        end = start + len(fig.quote)
        claims.append(
            Claim(
                id=fig.id,
                article_id=article.id,
                story=article.story,
                slot=fig.slot,
                kind=_kind(fig.value, fig.unit),
                value=fig.value,
                qualifier=fig.qualifier,
                as_of=fig.as_of or published,
                quote=fig.quote,
                sentence=_sentence(article.text, start, end),
                start=start,
                end=end,
                unit=fig.unit,
                attribution=fig.attribution,
                line=article.text.count("\n", 0, start) + 1,
            )
        )
    return article, claims


def art(
    id: str,
    story: str,
    published: dt.date | dt.datetime | None,
    source: str,
    title: str,
    text: str,
    *,
    url: str | None = None,
    basis: PublishedBasis = PublishedBasis.METADATA,
) -> Article:
    return Article(
        id=id,
        path=f"reports/{id}.md",
        text=text,
        title=title,
        source=source,
        url=url,
        story=story,
        published=published,
        published_basis=basis if published else PublishedBasis.UNKNOWN,
    )


def n(low: float | None, high: float | None = None, *, exact: bool = True) -> CountValue:
    return CountValue(low, low if high is None and exact else high)


LIMA = "lima-1996"
CAVE = "tham-luang-2018"
QUAKE = "quake-2023"


def _lima() -> tuple[list[Article], list[Claim]]:
    out: list[tuple[Article, list[Claim]]] = []
    out.append(
        build(
            art(
                "lima/ap-1218",
                LIMA,
                D(1996, 12, 18),
                "Associated Press",
                "Rebels seize ambassador's home in Lima",
                "LIMA, Peru -- Leftist rebels stormed the Japanese ambassador's residence "
                "Dec. 17 during a party, taking hundreds of guests hostage.\n\n"
                "About 20 rebels of the Tupac Amaru Revolutionary Movement took part, "
                "police said. The group demands the release of more than 400 jailed comrades.\n\n"
                "The rebel leader, Nestor Cerpa Cartolini, spoke to a radio station by phone.",
                url="https://news.example.org/lima/ap-1218",
            ),
            [
                Fig("L01", "attack.date", "Dec. 17", DateValue(D(1996, 12, 17), D(1996, 12, 17))),
                Fig("L02", "rebels", "About 20 rebels", n(15, 25), Qualifier.ABOUT),
                Fig(
                    "L03",
                    "prisoners.demanded",
                    "more than 400 jailed comrades",
                    n(401, None, exact=False),
                    Qualifier.MORE_THAN,
                ),
                Fig("L04", "leader", "Nestor Cerpa Cartolini", NameValue("Nestor Cerpa Cartolini")),
            ],
            published=D(1996, 12, 18),
        )
    )
    out.append(
        build(
            art(
                "lima/rt-1228",
                LIMA,
                D(1996, 12, 28),
                "Reuters",
                "Rebels free 20 more hostages",
                "LIMA -- Rebels freed 20 more captives on Saturday and still hold 103 hostages, "
                "a Red Cross official said.\n\nSo far 225 hostages have been released. "
                "The residence was seized on Dec. 18, officials said.",
            ),
            [
                Fig("L05", "hostages", "still hold 103 hostages", n(103), attribution="Red Cross"),
                Fig("L06", "hostages.released", "So far 225 hostages", n(225)),
                Fig("L07", "attack.date", "Dec. 18", DateValue(D(1996, 12, 18), D(1996, 12, 18))),
            ],
            published=D(1996, 12, 28),
        )
    )
    out.append(
        build(
            art(
                "lima/afp-0102",
                LIMA,
                D(1997, 1, 2),
                "AFP",
                "Talks stall as captives wait",
                "Guerrillas were holding 81 hostages on Thursday. A total of 220 hostages have "
                "been let go since the siege began. Fourteen rebels are inside, Red Cross "
                "officials now say, and Nestor Serpa leads them.",
            ),
            [
                Fig("L08", "hostages", "holding 81 hostages", n(81)),
                Fig("L09", "hostages.released", "220 hostages have been let go", n(220)),
                Fig("L10", "rebels", "Fourteen rebels", n(14)),
                Fig("L11", "leader", "Nestor Serpa", NameValue("Nestor Serpa")),
            ],
            published=D(1997, 1, 2),
        )
    )
    out.append(
        build(
            art(
                "lima/ap-0110",
                LIMA,
                dt.datetime(1997, 1, 10, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
                "Associated Press",
                "Shots ring out in Peru compound",
                "LIMA, Peru -- Marxist guerrillas holding 74 hostages at the Japanese "
                "ambassador's home made their presence felt early Friday, police said.\n\n"
                "The compound was stormed by about 20 rebels Dec. 17. The rebels want about "
                "400 jailed comrades freed.",
            ),
            [
                Fig("L12", "hostages", "holding 74 hostages", n(74), attribution="police"),
                Fig("L13", "rebels", "about 20 rebels", n(15, 25), Qualifier.ABOUT),
                Fig(
                    "L14",
                    "prisoners.demanded",
                    "about 400",
                    n(350, 450),
                    Qualifier.ABOUT,
                ),
                Fig("L15", "attack.date", "Dec. 17", DateValue(D(1996, 12, 17), D(1996, 12, 17))),
            ],
            published=D(1997, 1, 10),
        )
    )
    out.append(
        build(
            art(
                "lima/efe-0110",
                LIMA,
                D(1997, 1, 10),
                "EFE",
                "Hostage count falls to 72",
                "The rebels are holding 72 hostages, the government said on Friday. "
                "Negotiations remain frozen.",
                url="javascript:alert(1)",
                basis=PublishedBasis.INFERRED,
            ),
            [Fig("L16", "hostages", "holding 72 hostages", n(72), attribution="the government")],
            published=D(1997, 1, 10),
        )
    )
    articles = [a for a, _ in out]
    claims = [c for _, cs in out for c in cs]
    return articles, claims


def _cave() -> tuple[list[Article], list[Claim]]:
    out = [
        build(
            art(
                "cave/bbc-0702",
                CAVE,
                D(2018, 7, 2),
                "BBC",
                "Missing Thai boys found alive in cave",
                "All 12 boys and their coach have been found alive in the Tham Luang cave, "
                "nine days after they went missing on 23 June. Divers reached them about "
                "4 km from the entrance.",
            ),
            [
                Fig("T01", "boys", "All 12 boys", n(12)),
                Fig("T02", "missing.date", "23 June", DateValue(D(2018, 6, 23), D(2018, 6, 23))),
                Fig("T03", "distance", "about 4 km", n(3500, 4500), Qualifier.ABOUT, unit="m"),
            ],
            published=D(2018, 7, 2),
        ),
        build(
            art(
                "cave/gdn-0708",
                CAVE,
                D(2018, 7, 8),
                "The Guardian",
                "First boys brought out of cave",
                "Four boys were rescued on Sunday. Eight boys remain inside with the coach, "
                "some 2.5 miles from the mouth of the cave.",
            ),
            [
                Fig("T04", "boys.rescued", "Four boys were rescued", n(4)),
                Fig("T05", "boys", "Eight boys remain", n(8)),
                Fig("T06", "distance", "some 2.5 miles", n(3600, 4400), Qualifier.ABOUT, unit="m"),
            ],
            published=D(2018, 7, 8),
        ),
        build(
            art(
                "cave/cnn-0709",
                CAVE,
                D(2018, 7, 9),
                "CNN",
                "Eight boys now out of the cave",
                "Eight boys have been rescued so far. At least four boys are still in the cave. "
                "They vanished on June 24, a relative said.",
            ),
            [
                Fig("T07", "boys.rescued", "Eight boys have been rescued", n(8)),
                Fig(
                    "T08", "boys", "At least four boys", n(4, None, exact=False), Qualifier.AT_LEAST
                ),
                Fig("T09", "missing.date", "June 24", DateValue(D(2018, 6, 24), D(2018, 6, 24))),
            ],
            published=D(2018, 7, 9),
        ),
        build(
            art(
                "cave/local-0710",
                CAVE,
                D(2018, 7, 10),
                "Bangkok Local",
                "Rescue complete",
                "Seven boys have been rescued, the provincial office said, before the last "
                "divers came out. Up to 5 boys may still be inside.",
            ),
            [
                Fig("T10", "boys.rescued", "Seven boys have been rescued", n(7)),
                Fig("T11", "boys", "Up to 5 boys", n(None, 5, exact=False), Qualifier.UP_TO),
            ],
            published=D(2018, 7, 10),
        ),
    ]
    return [a for a, _ in out], [c for _, cs in out for c in cs]


def _quake() -> tuple[list[Article], list[Claim]]:
    a, claims = build(
        art(
            "quake/undated",
            QUAKE,
            None,
            "Regional Desk",
            "Aftershocks rattle the valley",
            "At least 30 people were injured in the aftershocks, officials said.",
        ),
        [Fig("Q01", "injured", "At least 30 people", n(30, None, exact=False), Qualifier.AT_LEAST)],
        published=None,
    )
    return [a], claims


def _point(
    as_of: dt.date | None,
    low: float | None,
    high: float | None,
    ids: Sequence[str],
    change: str = "same",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> TimelinePoint:
    return TimelinePoint(as_of, low, high, tuple(ids), change, start, end)  # type: ignore[arg-type]


def _finding(
    id: str, t: FindingType, s: Severity, story: str, slot: str, ids: Sequence[str], msg: str
) -> Finding:
    return Finding(id, t, s, story, slot, tuple(ids), msg)


def rich_report() -> Report:
    la, lc = _lima()
    ca, cc = _cave()
    qa, qc = _quake()
    E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
    T = FindingType
    findings = (
        _finding(
            "F-lima-hostages-0110",
            T.CONTRADICTION,
            E,
            LIMA,
            "hostages",
            ["L12", "L16"],
            "Associated Press says 74 hostages (“holding 74 hostages”) but EFE says 72 "
            "(“holding 72 hostages”) on the same day, 1997-01-10.",
        ),
        _finding(
            "F-lima-attack-date",
            T.CONTRADICTION,
            E,
            LIMA,
            "attack.date",
            ["L01", "L07"],
            "The attack is dated Dec. 17 by Associated Press but Dec. 18 by Reuters.",
        ),
        _finding(
            "F-lima-released-regress",
            T.REGRESSION,
            W,
            LIMA,
            "hostages.released",
            ["L06", "L09"],
            "Released hostages fell from 225 (Reuters, 1996-12-28) to 220 (AFP, 1997-01-02) "
            "without a correction.",
        ),
        _finding(
            "F-lima-rebels-stale",
            T.STALE,
            W,
            LIMA,
            "rebels",
            ["L10", "L13"],
            "Associated Press (1997-01-10) still says “about 20 rebels” after AFP "
            "(1997-01-02) reported 14.",
        ),
        _finding(
            "F-lima-rebels-revised",
            T.REVISION,
            INFO,
            LIMA,
            "rebels",
            ["L02", "L10"],
            "The early estimate of about 20 rebels was revised to 14.",
        ),
        _finding(
            "F-lima-leader-spelling",
            T.SPELLING,
            INFO,
            LIMA,
            "leader",
            ["L04", "L11"],
            "“Nestor Serpa” (AFP) looks like a misspelling of “Nestor Cerpa Cartolini”.",
        ),
        _finding(
            "F-lima-efe-metadata",
            T.METADATA,
            W,
            LIMA,
            "hostages",
            ["L16"],
            "EFE's publication date was inferred from the text, not given in metadata.",
        ),
        _finding(
            "F-cave-rescued-regress",
            T.REGRESSION,
            W,
            CAVE,
            "boys.rescued",
            ["T07", "T10"],
            "Rescued boys fell from 8 (CNN, 2018-07-09) to 7 (Bangkok Local, 2018-07-10).",
        ),
        _finding(
            "F-cave-missing-date",
            T.CONTRADICTION,
            E,
            CAVE,
            "missing.date",
            ["T02", "T09"],
            "BBC dates the disappearance to 23 June, CNN to June 24.",
        ),
        _finding(
            "F-cave-boys-same-day",
            T.CONTRADICTION,
            E,
            CAVE,
            "boys",
            ["T08", "T11", "T-missing"],
            "On 2018-07-09/10 CNN says at least 4 boys are inside but Bangkok Local says "
            "up to 5; one cited claim is missing from this report.",
        ),
    )
    timelines = (
        Timeline(
            LIMA,
            "hostages",
            Behaviour.LEVEL,
            Kind.COUNT,
            (
                _point(D(1996, 12, 28), 103, 103, ["L05"], "first"),
                _point(D(1997, 1, 2), 81, 81, ["L08"], "down"),
                _point(D(1997, 1, 10), 72, 74, ["L12", "L16"], "conflict"),
            ),
        ),
        Timeline(
            LIMA,
            "hostages.released",
            Behaviour.TALLY,
            Kind.COUNT,
            (
                _point(D(1996, 12, 28), 225, 225, ["L06"], "first"),
                _point(D(1997, 1, 2), 220, 220, ["L09"], "down"),
            ),
        ),
        Timeline(
            LIMA,
            "rebels",
            Behaviour.FIXED,
            Kind.COUNT,
            (
                _point(D(1996, 12, 18), 15, 25, ["L02"], "revised"),
                _point(D(1997, 1, 2), 14, 14, ["L10"], "first"),
                _point(D(1997, 1, 10), 15, 25, ["L13"], "conflict"),
            ),
        ),
        Timeline(
            LIMA,
            "prisoners.demanded",
            Behaviour.FIXED,
            Kind.COUNT,
            (
                _point(D(1996, 12, 18), 401, None, ["L03"], "first"),
                _point(D(1997, 1, 10), 350, 450, ["L14"], "same"),
            ),
        ),
        Timeline(
            LIMA,
            "attack.date",
            Behaviour.FIXED,
            Kind.DATE,
            (
                _point(D(1996, 12, 17), None, None, ["L01", "L15"], "first", D(1996, 12, 17)),
                _point(D(1996, 12, 18), None, None, ["L07"], "conflict", D(1996, 12, 18)),
            ),
        ),
        Timeline(
            LIMA,
            "leader",
            Behaviour.FIXED,
            Kind.NAME,
            (_point(None, None, None, ["L04", "L11"], "first"),),
        ),
        Timeline(
            CAVE,
            "boys",
            Behaviour.LEVEL,
            Kind.COUNT,
            (
                _point(D(2018, 7, 2), 12, 12, ["T01"], "first"),
                _point(D(2018, 7, 8), 8, 8, ["T05"], "down"),
                _point(D(2018, 7, 9), 4, None, ["T08"], "down"),
                _point(D(2018, 7, 10), None, 5, ["T11"], "conflict"),
            ),
        ),
        Timeline(
            CAVE,
            "boys.rescued",
            Behaviour.TALLY,
            Kind.COUNT,
            (
                _point(D(2018, 7, 8), 4, 4, ["T04"], "first"),
                _point(D(2018, 7, 9), 8, 8, ["T07"], "up"),
                _point(D(2018, 7, 10), 7, 7, ["T10"], "down"),
            ),
        ),
        Timeline(
            CAVE,
            "distance",
            Behaviour.FIXED,
            Kind.QUANTITY,
            (
                _point(D(2018, 7, 2), 3500, 4500, ["T03"], "first"),
                _point(D(2018, 7, 8), 3600, 4400, ["T06"], "same"),
            ),
        ),
        Timeline(
            CAVE,
            "missing.date",
            Behaviour.FIXED,
            Kind.DATE,
            (
                _point(D(2018, 6, 23), None, None, ["T02"], "first", D(2018, 6, 23)),
                _point(D(2018, 6, 24), None, None, ["T09"], "conflict", D(2018, 6, 24)),
            ),
        ),
        Timeline(
            QUAKE,
            "injured",
            Behaviour.TALLY,
            Kind.COUNT,
            (_point(None, 30, None, ["Q01"], "first"),),
        ),
    )
    return Report(
        articles=tuple(la + ca + qa),
        claims=tuple(lc + cc + qc),
        findings=findings,
        timelines=timelines,
        errors=(InputError("reports/broken.md", "front matter is not valid YAML", row=None),),
    )


def previous_of(report: Report) -> dict[str, Any]:
    """A previous run: one finding since resolved, one not yet found, two figures changed."""

    def value(v: Value) -> dict[str, Any]:
        if isinstance(v, CountValue):
            return {"low": v.low, "high": v.high}
        if isinstance(v, DateValue):
            return {"start": v.start.isoformat(), "end": v.end.isoformat()}
        return {"text": v.text}

    claims = []
    for c in report.claims:
        val = value(c.value)
        if c.id == "L12":
            val = {"low": 75, "high": 75}  # 75 -> 74
        claims.append(
            {
                "id": c.id,
                "article_id": c.article_id,
                "story": c.story,
                "slot": c.slot,
                "kind": c.kind.value,
                "value": val,
                "quote": c.quote,
            }
        )
    # Matched by article+slot+quote although the claim id changed.
    claims.append(
        {
            "id": "old-T10",
            "article_id": "cave/local-0710",
            "slot": "boys.rescued",
            "quote": "Seven boys have been rescued",
            "value": {"low": 6, "high": 6},
        }
    )
    claims = [c for c in claims if c["id"] != "T10"]
    findings = [
        {
            "id": f.id,
            "type": f.type.value,
            "severity": f.severity.value,
            "story": f.story,
            "slot": f.slot,
            "claim_ids": list(f.claim_ids),
            "message": f.message,
        }
        for f in report.findings
        if f.id != "F-cave-rescued-regress"
    ]
    findings.append(
        {
            "id": "F-lima-hostages-old",
            "type": "contradiction",
            "severity": "error",
            "story": LIMA,
            "slot": "hostages",
            "claim_ids": ["L05", "L08"],
            "message": "Reuters said 103 hostages but AFP said 81 <b>on the same day</b>.",
        }
    )
    return {"version": 1, "articles": [], "claims": claims, "findings": findings, "timelines": []}


def xss_payloads() -> dict[str, str]:
    data = json.loads((XSS_DIR / "payloads.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


def xss_report() -> Report:
    p = xss_payloads()
    story = p["story"]
    text = (
        f"{p['script']} Officials said 12 people died. {p['img']}\n"
        f"{p['script_close']} {p['unicode']} Later 15 people died."
    )
    a = Article(
        id=p["article_id"],
        path="reports/xss.md",
        text=text,
        title=p["script"],
        source=p["img"],
        url=p["js_url"],
        story=story,
        published=D(2024, 5, 1),
        published_basis=PublishedBasis.METADATA,
    )
    b = Article(
        id="xss/second",
        path="reports/xss2.md",
        text="Fifteen people died, the mayor said.",
        title=p["unicode"],
        source=p["rtl"],
        url=p["data_url"],
        story=story,
        published=D(2024, 5, 1),
    )
    q1, q2 = "12 people died", "15 people died"
    s1 = text.index(q1)
    s2 = text.index(q2)
    c1 = Claim(
        id=p["claim_id"],
        article_id=a.id,
        story=story,
        slot=p["slot"],
        kind=Kind.COUNT,
        value=CountValue(12, 12),
        qualifier=Qualifier.EXACT,
        as_of=D(2024, 5, 1),
        quote=q1,
        sentence=f"{p['script']} Officials said 12 people died.",
        start=s1,
        end=s1 + len(q1),
        attribution=p["img"],
    )
    c2 = Claim(
        id="xss-c2",
        article_id=a.id,
        story=story,
        slot=p["slot"],
        kind=Kind.COUNT,
        value=CountValue(15, 15),
        qualifier=Qualifier.EXACT,
        as_of=D(2024, 5, 1),
        quote=q2,
        sentence=f"{p['unicode']} Later 15 people died.",
        start=s2,
        end=s2 + len(q2),
    )
    c3 = Claim(
        id="xss-c3",
        article_id=b.id,
        story=story,
        slot=p["slot"],
        kind=Kind.COUNT,
        value=CountValue(15, 15),
        qualifier=Qualifier.EXACT,
        as_of=D(2024, 5, 1),
        quote="Fifteen people died",
        sentence="Fifteen people died, the mayor said.",
        start=0,
        end=19,
    )
    f = Finding(
        id=p["finding_id"],
        type=FindingType.CONTRADICTION,
        severity=Severity.ERROR,
        story=story,
        slot=p["slot"],
        claim_ids=(c1.id, c3.id),
        message=f"{p['script']} {p['img']} {p['script_close']} {p['unicode']}",
    )
    t = Timeline(
        story,
        p["slot"],
        Behaviour.TALLY,
        Kind.COUNT,
        (_point(D(2024, 5, 1), 12, 15, [c1.id, c2.id, c3.id], "conflict"),),
    )
    return Report(
        articles=(a, b),
        claims=(c1, c2, c3),
        findings=(f,),
        timelines=(t,),
        errors=(InputError(p["script"], p["img"]),),
    )
