"""Publication dates of reports: metadata, then the text, then internal evidence.

Pure functions over text and metadata (no I/O):

* :func:`find_text_date` reads a dated dateline ("LIMA, Peru, Dec. 23, 1996 --",
  "LIMA, Peru (Reuters) - Dec 23 -") or a "Published:"/"Posted:" line in the
  first lines of a report.
* :func:`find_upper_bound` reads "Last Updated", "Updated", copyright and
  archive lines: the report cannot be later, but that is not its date.
* :func:`infer_published` places a report from internal evidence: the same
  event given both as a calendar date and as "N days ago" ("stormed ... Dec.
  17" and "stormed ... 24 days ago" make Jan. 10), a weekday in the lead
  ("early Friday": the report's own day is a Friday), the upper bound and the
  years of the story's other reports.
* :func:`resolve_published` applies the order metadata -> text -> inferred ->
  unknown; :func:`check_consistency` lists what in a report disagrees with its
  publication date.
"""

from checker.published.choose import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    Inference,
    PublishedResult,
    infer_published,
    resolve_published,
)
from checker.published.consistency import check_consistency
from checker.published.evidence import event_stems
from checker.published.lines import TZ_OFFSETS, TextDate, is_timestamp_line
from checker.published.text_dates import find_text_date, find_update_day, find_upper_bound

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "TZ_OFFSETS",
    "Inference",
    "PublishedResult",
    "TextDate",
    "check_consistency",
    "event_stems",
    "find_text_date",
    "find_update_day",
    "find_upper_bound",
    "infer_published",
    "is_timestamp_line",
    "resolve_published",
]
