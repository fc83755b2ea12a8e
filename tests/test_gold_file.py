"""The gold annotations of the bundled dataset are well-formed and match the corpus.

Checks that ``tests/gold/lima-1996.yaml`` validates against ``schemas/gold.schema.json``,
that it has exactly one entry per report in ``reports/`` and ``seeds/`` (article ids as
the checker computes them), that every quote is found in its report's text, and that
findings and must-not-flag pairs only refer to annotated reports and claims.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
SCHEMA = ROOT / "schemas" / "gold.schema.json"
CORPUS_ROOTS = ("reports", "seeds")
TEXT_SUFFIXES = {".md", ".txt"}
ROW_SUFFIXES = {".jsonl", ".csv"}


@dataclass(frozen=True)
class SourceReport:
    id: str
    path: str
    row: int | None
    text: str
    published: str | None


def _plain(value: Any) -> Any:
    """YAML dates and timestamps -> ISO strings, recursively."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    if not raw.startswith("---\n"):
        return {}, raw
    end = raw.find("\n---\n", 4)
    assert end != -1, "unterminated front matter"
    meta = yaml.safe_load(raw[4:end]) or {}
    return _plain(meta), raw[end + len("\n---\n") :]


def _read_corpus() -> list[SourceReport]:
    reports: list[SourceReport] = []
    for root_name in CORPUS_ROOTS:
        root = ROOT / root_name
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix in TEXT_SUFFIXES:
                meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
                default_id = path.relative_to(root).with_suffix("").as_posix()
                published = meta.get("published")
                reports.append(
                    SourceReport(str(meta.get("id", default_id)), rel, None, body, published)
                )
            elif path.suffix == ".jsonl":
                lines = path.read_text(encoding="utf-8").splitlines()
                for number, line in enumerate((ln for ln in lines if ln.strip()), start=1):
                    record = json.loads(line)
                    reports.append(
                        SourceReport(
                            record["id"], rel, number, record["text"], record.get("published")
                        )
                    )
            elif path.suffix == ".csv":
                with path.open(encoding="utf-8", newline="") as handle:
                    for number, record in enumerate(csv.DictReader(handle), start=1):
                        reports.append(
                            SourceReport(
                                record["id"], rel, number, record["text"], record["published"]
                            )
                        )
    return reports


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = _plain(
        yaml.safe_load((GOLD_DIR / "lima-1996.yaml").read_text(encoding="utf-8"))
    )
    return data


@pytest.fixture(scope="module")
def corpus() -> dict[str, SourceReport]:
    reports = _read_corpus()
    counts = Counter(report.id for report in reports)
    duplicates = sorted(name for name, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate article ids in the corpus: {duplicates}"
    return {report.id: report for report in reports}


def test_gold_validates_against_schema(gold: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(gold), key=lambda e: list(e.absolute_path))
    messages = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20]]
    assert not errors, "\n".join(messages)


def test_every_report_has_exactly_one_gold_entry(
    gold: dict[str, Any], corpus: dict[str, SourceReport]
) -> None:
    ids = [article["id"] for article in gold["articles"]]
    repeated = sorted(name for name, n in Counter(ids).items() if n > 1)
    assert not repeated, f"articles annotated more than once: {repeated}"
    unknown = sorted(set(ids) - set(corpus))
    assert not unknown, f"gold articles missing from reports/ and seeds/: {unknown}"
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
            assert article["published"] == source.published, article["id"]
        else:
            assert source.published is None, f"{article['id']}: has metadata, basis is not"


def test_every_quote_is_in_its_report(
    gold: dict[str, Any], corpus: dict[str, SourceReport]
) -> None:
    problems = []
    for article in gold["articles"]:
        text = corpus[article["id"]].text
        uses = Counter(claim["quote"] for claim in article["claims"])
        for quote, n in sorted(uses.items()):
            found = text.count(quote)
            if found < n:
                problems.append(f"{article['id']}: {quote!r} used {n}x, found {found}x")
    assert not problems, "\n".join(problems)


def test_claim_intervals_are_ordered(gold: dict[str, Any]) -> None:
    for article in gold["articles"]:
        for claim in article["claims"]:
            where = f"{article['id']}: {claim['quote']!r}"
            if claim["kind"] in ("count", "quantity"):
                low, high = claim["low"], claim["high"]
                assert low is not None or high is not None, where
                assert low is None or high is None or low <= high, where
            elif claim["kind"] == "date":
                assert claim["start"] <= claim["end"], where


def test_findings_and_must_not_flag_refer_to_annotated_claims(gold: dict[str, Any]) -> None:
    articles = {article["id"]: article for article in gold["articles"]}
    slots = {
        (article["id"], claim["slot"])
        for article in gold["articles"]
        for claim in article["claims"]
    }
    for finding in gold["findings"]:
        assert set(finding["articles"]) <= set(articles), finding
        focus = finding.get("focus")
        if focus is not None:
            assert finding["articles"][0] == focus, finding
            assert (focus, finding["slot"]) in slots, finding
        if finding["type"] != "spelling":
            with_slot = [aid for aid in finding["articles"] if (aid, finding["slot"]) in slots]
            assert with_slot == finding["articles"], finding
    for entry in gold["must_not_flag"]:
        assert set(entry["articles"]) <= set(articles), entry
        quotes = entry.get("quotes")
        if quotes is not None:
            assert len(quotes) == len(entry["articles"]), entry
            for aid, quote in zip(entry["articles"], quotes, strict=True):
                matching = [
                    c
                    for c in articles[aid]["claims"]
                    if c["quote"] == quote and c["slot"] == entry["slot"]
                ]
                assert matching, f"{aid}: no {entry['slot']} claim quoted {quote!r}"


def test_must_not_flag_pairs_are_not_part_of_a_flag(gold: dict[str, Any]) -> None:
    flagging = [
        f for f in gold["findings"] if f["type"] in ("contradiction", "stale", "regression")
    ]
    for entry in gold["must_not_flag"]:
        pair = set(entry["articles"])
        for finding in flagging:
            if finding["slot"] == entry["slot"]:
                assert not pair <= set(finding["articles"]), (entry, finding["focus"])
