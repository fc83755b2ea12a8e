"""A one-line progress display on stderr for long runs.

Shown only when the stream is a terminal, the run is not ``--quiet`` and no
``CI`` environment variable is set; otherwise every call is a no-op. The line
is redrawn at most every ``interval`` seconds (and at the end) with a carriage
return, and cleared when the run finishes, so nothing is left in logs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

__all__ = ["ProgressLine", "should_show"]


def should_show(
    stream: TextIO, *, quiet: bool = False, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether a progress line belongs on ``stream``."""
    env = os.environ if environ is None else environ
    if quiet or env.get("CI") or env.get("CHECKER_NO_PROGRESS") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed stream
        return False


class ProgressLine:
    """``progress(n)`` advances by ``n`` items; ``close()`` clears the line.

    ``total`` may be set (or changed) after creation; ``enabled=False``
    makes every call a no-op.
    """

    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        stream: TextIO | None = None,
        enabled: bool = True,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.interval = interval
        self.clock = clock
        self.done = 0
        self._started = clock()
        self._last_draw: float | None = None
        self._width = 0

    def __call__(self, n: int = 1) -> None:
        if not self.enabled:
            return
        self.done += n
        now = self.clock()
        finished = self.total is not None and self.done >= self.total
        if self._last_draw is None or now - self._last_draw >= self.interval or finished:
            self._draw(now)

    def render(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            share = min(1.0, self.done / self.total)
            bar = "#" * int(share * 20)
            left = (self.total - self.done) / rate if rate > 0 else 0.0
            return (
                f"checker: {self.label} [{bar:<20}] {self.done}/{self.total} "
                f"({rate:.1f}/s, {_clock(left)} left)"
            )
        return f"checker: {self.label} {self.done} ({rate:.1f}/s)"

    def _draw(self, now: float) -> None:
        line = self.render(now)
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        self._last_draw = now
        self._write("\r" + line + pad)

    def close(self) -> None:
        """Erase the line (a finished run leaves nothing behind)."""
        if self.enabled and self._last_draw is not None:
            self._write("\r" + " " * self._width + "\r")
        self._last_draw = None
        self._width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _clock(seconds: float) -> str:
    seconds = int(max(0.0, seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}:{seconds % 60:02d}"
