"""The gold annotations of the bundled stories are well-formed and match the corpus.

For every ``tests/gold/<story>.yaml``: it validates against ``schemas/gold.schema.json``,
it has exactly one entry per report of its story in ``reports/`` and ``seeds/`` (article
ids and stories computed here, independently of the checker's reader), every quote is
found in its report's text, and findings and must-not-flag entries only refer to
annotated reports and to claims of their frame.
"""

from __future__ import annotations

import csv
import fnmatch
import json
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from checker.evaluation import plain

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
SCHEMA = ROOT / "schemas" / "gold.schema.json"
CORPUS_ROOTS = ("reports", "seeds")
TEXT_SUFFIXES = {".md", ".txt"}
ROW_SUFFIXES = {".jsonl", ".csv"}


GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml"))
STORY_GLOBS: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"
]["checker"]["stories"]


@dataclass(frozen=True)
class SourceReport:
    id: str
    path: str
    row: int | None
    text: str
    published: str | None
    story: str


def _split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    if not raw.startswith("---\n"):
        return {}, raw
    end = raw.find("\n---\n", 4)
    assert end != -1, "unterminated front matter"
    meta = yaml.safe_load(raw[4:end]) or {}
    return plain(meta), raw[end + len("\n---\n") :]


def _story(rel: str, meta_story: Any) -> str:
    if meta_story:
        return str(meta_story)
    for pattern, story in STORY_GLOBS.items():
        if fnmatch.fnmatchcase(rel, pattern):
            return story
    return rel.split("/")[1]


def _read_corpus() -> list[SourceReport]:
    reports: list[SourceReport] = []
    for root_name in CORPUS_ROOTS:
        root = ROOT / root_name
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix in TEXT_SUFFIXES:
                meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
                default_id = path.relative_to(root).with_suffix("").as_posix()
                reports.append(
                    SourceReport(
                        str(meta.get("id", default_id)),
                        rel,
                        None,
                        body,
                        meta.get("published"),
                        _story(rel, meta.get("story")),
                    )
                )
            elif path.suffix == ".jsonl":
                lines = path.read_text(encoding="utf-8").splitlines()
                for number, line in enumerate((ln for ln in lines if ln.strip()), start=1):
                    record = json.loads(line)
                    reports.append(
                        SourceReport(
                            record["id"],
                            rel,
                            number,
                            record["text"],
                            record.get("published"),
                            _story(rel, record.get("story")),
                        )
                    )
            elif path.suffix == ".csv":
                with path.open(encoding="utf-8", newline="") as handle:
                    for number, record in enumerate(csv.DictReader(handle), start=1):
                        reports.append(
                            SourceReport(
                                record["id"],
                                rel,
                                number,
                                record["text"],
                                record.get("published") or None,
                                _story(rel, record.get("story")),
                            )
                        )
    return reports


@pytest.fixture(scope="module", params=[p.stem for p in GOLD_FILES])
def gold(request: pytest.FixtureRequest) -> dict[str, Any]:
    data: dict[str, Any] = plain(
        yaml.safe_load((GOLD_DIR / f"{request.param}.yaml").read_text(encoding="utf-8"))
    )
    return data


@pytest.fixture(scope="module")
def all_reports() -> dict[str, SourceReport]:
    reports = _read_corpus()
    counts = Counter(report.id for report in reports)
    duplicates = sorted(name for name, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate article ids in the corpus: {duplicates}"
    return {report.id: report for report in reports}


@pytest.fixture(scope="module")
def corpus(gold: dict[str, Any], all_reports: dict[str, SourceReport]) -> dict[str, SourceReport]:
    return {k: r for k, r in all_reports.items() if r.story == gold["story"]}


def test_every_bundled_story_has_gold(all_reports: dict[str, SourceReport]) -> None:
    stories = {r.story for r in all_reports.values()}
    assert stories == {p.stem for p in GOLD_FILES}


def test_gold_validates_against_schema(gold: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(gold), key=lambda e: list(map(str, e.absolute_path)))
    messages = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:20]]
    assert not errors, "\n".join(messages)


def test_every_report_has_exactly_one_gold_entry(
    gold: dict[str, Any], corpus: dict[str, SourceReport]
) -> None:
    ids = [article["id"] for article in gold["articles"]]
    repeated = sorted(name for name, n in Counter(ids).items() if n > 1)
    assert not repeated, f"articles annotated more than once: {repeated}"
    unknown = sorted(set(ids) - set(corpus))
    assert not unknown, f"gold articles missing from the story's reports: {unknown}"
    missing = sorted(set(corpus) - set(ids))
    assert not missing, f"reports without a gold entry: {missing}"


def test_gold_paths_and_rows_match_the_corpus(
    gold: dict[str, Any], corpus: dict[str, SourceReport]
) -> None:
    for article in gold["articles"]:
        source = corpus[article["id"]]
        assert article["path"] == source.path, article["id"]
        assert article.get("row") == source.row, article["id"]
        if article["published_basis"] == "metadata":
            assert str(article["published"]) == str(source.published), article["id"]
        else:
            assert source.published is None, f"{article['id']}: has metadata, basis is not"


def test_every_quote_is_in_its_report(
    gold: dict[str, Any], corpus: dict[str, SourceReport]
) -> None:
    problems = []
    for article in gold["articles"]:
        text = corpus[article["id"]].text
        quotes = [c["quote"] for c in article["claims"] or []]
        quotes += [n["quote"] for n in article.get("non_claims") or []]
        for quote, n in sorted(Counter(quotes).items()):
            found = text.count(quote)
            if found < n:
                problems.append(f"{article['id']}: {quote!r} used {n}x, found {found}x")
    assert not problems, "\n".join(problems)


def test_claim_intervals_are_ordered(gold: dict[str, Any]) -> None:
    for article in gold["articles"]:
        for claim in article["claims"] or []:
            where = f"{article['id']}: {claim['quote']!r}"
            if claim["kind"] in ("count", "quantity"):
                low, high = claim["low"], claim["high"]
                assert low is not None or high is not None, where
                assert low is None or high is None or low <= high, where
            elif claim["kind"] == "date":
                assert claim["start"] <= claim["end"], where


def _frames(gold: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (article["id"], claim["kind"], claim.get("frame", "name"))
        for article in gold["articles"]
        for claim in article["claims"] or []
    }


def test_findings_refer_to_annotated_claims(gold: dict[str, Any]) -> None:
    frames = _frames(gold)
    articles = {article["id"] for article in gold["articles"]}
    for finding in gold["findings"] or []:
        assert set(finding["articles"]) <= articles, finding
        assert finding["articles"][0] == finding["focus"], finding
        if finding["type"] in ("spelling", "metadata"):
            continue
        key = (finding["kind"], finding["frame"])
        with_frame = [a for a in finding["articles"] if (a, *key) in frames]
        assert with_frame == finding["articles"], (finding, with_frame)


def test_must_not_flag_quotes_pin_claims_of_their_frame(gold: dict[str, Any]) -> None:
    by_id = {article["id"]: article for article in gold["articles"]}
    for entry in gold["must_not_flag"] or []:
        assert set(entry["articles"]) <= set(by_id), entry
        quotes = entry.get("quotes")
        if quotes is None:
            continue
        assert len(quotes) == len(entry["articles"]), entry
        for aid, quote in zip(entry["articles"], quotes, strict=True):
            claims = by_id[aid]["claims"] or []
            matching = [
                c for c in claims if c["quote"] == quote and c.get("frame") == entry["frame"]
            ]
            non_claims = [n for n in by_id[aid].get("non_claims") or [] if n["quote"] == quote]
            assert matching or non_claims, f"{aid}: no {entry['frame']} claim quoted {quote!r}"


def test_must_not_flag_pairs_are_not_part_of_a_flag(gold: dict[str, Any]) -> None:
    flagging = [
        f for f in gold["findings"] or [] if f["type"] in ("contradiction", "stale", "regression")
    ]
    for entry in gold["must_not_flag"] or []:
        pair = set(entry["articles"])
        if len(pair) < 2:
            continue
        for finding in flagging:
            if (finding["kind"], finding["frame"]) == (entry["kind"], entry["frame"]):
                assert not pair <= set(finding["articles"]), (entry, finding["focus"])
