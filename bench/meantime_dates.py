"""Date normalisation accuracy of ``find_dates`` on MEANTIME (English Wikinews).

Usage: ``.venv/bin/python bench/meantime_dates.py [DATA_DIR]``; the data
directory defaults to ``$CHECKER_SHARED/data/meantime-en`` (CHECKER_SHARED
defaults to ``../shared``). Exits 0 with a message when the data is absent.

For each document the text is rebuilt from its tokens (offsets kept per
token) and ``find_dates`` runs with the CREATION_TIME timex as anchor. A gold
TIMEX3 of type DATE counts as correct when a predicted mention overlaps its
tokens and the predicted interval lies inside the gold value's interval at
the gold's granularity (gold "2009-06" = June 2009; "2009-W20" = that ISO
week; "2009-Q3" = July-September; "197" = the 1970s; "2009-05-14TMO" = that
day). Gold values that are not calendar values (PRESENT_REF, PAST_REF,
FUTURE_REF, XXXX-..., FY2009) are skipped and counted. Writes
``bench/results/meantime_dates.json``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract.dates import find_dates  # noqa: E402
from checker.records import DateMention  # noqa: E402

NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    ")",
    "'s",
    "n't",
    "%",
    "?",
    "!",
    "'",
    "''",
    "]",
    "'re",
    "'ll",
}
NO_SPACE_AFTER = {"(", "$", "``", "["}


@dataclass(frozen=True)
class Gold:
    doc: str
    value: str
    start: int
    end: int
    text: str


def data_dir(argv: list[str]) -> Path:
    positional = [a for a in argv[1:] if not a.startswith("-")]
    if positional:
        return Path(positional[0])
    shared = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "meantime-en"


def rebuild(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_tok = ""
    prev_sent = None
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if parts:
            if sent != prev_sent:
                sep = "\n" if prev_sent in ("0", "1") else " "
            elif word in NO_SPACE_BEFORE or prev_tok in NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_tok, prev_sent = word, sent
    return "".join(parts), offsets


def gold_interval(value: str) -> tuple[dt.date, dt.date] | None:
    v = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d\d)", v)
    if m:
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v)
    if m:
        mon = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return mon + dt.timedelta(days=5), mon + dt.timedelta(days=6)
        return mon, mon + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", v)
    if m:
        y, q = int(m[1]), int(m[3])
        months = 3 if m[2] == "Q" else 6
        a = dt.date(y, months * (q - 1) + 1, 1)
        end_m = months * q
        return a, dt.date(y, end_m, calendar.monthrange(y, end_m)[1])
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v)
    if m:
        y = int(m[1])
        rng = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}.get(m[2])
        if rng is None:
            return dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
        return dt.date(y, rng[0], 1), dt.date(y, rng[1], calendar.monthrange(y, rng[1])[1])
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
    m = re.fullmatch(r"(\d{3})", v)
    if m:
        return dt.date(int(v) * 10, 1, 1), dt.date(int(v) * 10 + 9, 12, 31)
    m = re.fullmatch(r"(\d{2})", v)
    if m:
        return dt.date(int(v) * 100, 1, 1), dt.date(int(v) * 100 + 99, 12, 31)
    return None


def classify(gold: Gold, preds: list[DateMention], gi: tuple[dt.date, dt.date]) -> str:
    over = [p for p in preds if p.start < gold.end and gold.start < p.end]
    if not over:
        return "missed"
    for p in over:
        ok = p.start_date is not None and p.end_date is not None
        if ok and gi[0] <= p.start_date <= p.end_date <= gi[1]:  # type: ignore[operator]
            return "correct"
    p = over[0]
    if p.start_date is None or p.end_date is None:
        return "unresolved"
    if p.start_date > gi[1]:
        return "too late"
    if p.end_date < gi[0]:
        return "too early"
    return "wrong granularity"


def main(argv: list[str]) -> int:
    base = data_dir(argv)
    files = sorted(base.glob("*/*.xml")) if base.is_dir() else []
    if not files:
        print(f"meantime_dates: no MEANTIME data at {base}; skipped")
        return 0
    outcome: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    errors: list[dict[str, str]] = []
    predicted = 0
    contexts: list[str] = []  # stdout only: the corpus text stays out of the project
    for path in files:
        root = ET.parse(path).getroot()
        text, offsets = rebuild(root)
        timexes = list(root.iter("TIMEX3"))
        anchor: dt.date | None = None
        for tx in timexes:
            if tx.get("functionInDocument") == "CREATION_TIME":
                iv = gold_interval(tx.get("value", ""))
                anchor = iv[0] if iv else None
        preds = find_dates(text, anchor)
        predicted += len(preds)
        for tx in timexes:
            if tx.get("type") != "DATE":
                continue
            tids = [a.get("t_id", "") for a in tx.iter("token_anchor")]
            spans = [offsets[t] for t in tids if t in offsets]
            if not spans:
                continue
            value = tx.get("value", "")
            gi = gold_interval(value)
            if gi is None:
                skipped[re.sub(r"\d", "9", value)] += 1
                continue
            g = Gold(path.stem, value, min(s for s, _ in spans), max(e for _, e in spans), "")
            g = Gold(g.doc, g.value, g.start, g.end, text[g.start : g.end])
            cls = classify(g, preds, gi)
            outcome[cls] += 1
            if cls != "correct":
                over = [p for p in preds if p.start < g.end and g.start < p.end]
                errors.append(
                    {
                        "class": cls,
                        "doc": g.doc.split("_", 1)[0],
                        "gold_value": value,
                        "anchor": anchor.isoformat() if anchor else "",
                        "predicted": "; ".join(
                            f"{p.start_date}..{p.end_date} ({p.granularity})" for p in over
                        ),
                    }
                )
                contexts.append(
                    f"  [{cls}] {g.text!r} gold={value} anchor={errors[-1]['anchor']} pred="
                    + "; ".join(
                        f"{p.text!r} -> {p.start_date}..{p.end_date} ({p.granularity})"
                        for p in over
                    )
                    + "\n      "
                    + text[max(0, g.start - 90) : g.end + 50].replace("\n", " ")
                )
    total = sum(outcome.values())
    acc = outcome["correct"] / total if total else 0.0
    print(f"MEANTIME DATE timexes: {total} scored, {sum(skipped.values())} skipped (non-calendar)")
    print(f"accuracy: {acc:.3f} ({outcome['correct']}/{total}); predicted mentions: {predicted}")
    print("outcomes:", dict(sorted(outcome.items())))
    print("skipped values:", dict(skipped.most_common()))
    if "-v" in argv or os.environ.get("VERBOSE"):
        print("\n".join(contexts))
    out = ROOT / "bench" / "results" / "meantime_dates.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "accuracy": round(acc, 4),
                "scored": total,
                "correct": outcome["correct"],
                "outcomes": dict(sorted(outcome.items())),
                "skipped": dict(sorted(skipped.items())),
                "errors": errors,
            },
            indent=2,
            sort_keys=True,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
