"""The stderr progress line."""

from __future__ import annotations

import io

from checker.progress import ProgressLine, should_show


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal_outside_ci() -> None:
    assert should_show(_Tty(), environ={})
    assert not should_show(io.StringIO(), environ={})
    assert not should_show(_Tty(), environ={"CI": "true"})
    assert not should_show(_Tty(), quiet=True, environ={})
    assert not should_show(_Tty(), environ={"TERM": "dumb"})


def test_draws_throttled_and_clears() -> None:
    now = [0.0]
    stream = _Tty()
    line = ProgressLine("extracting", total=10, stream=stream, interval=1.0, clock=lambda: now[0])
    line(1)
    first = stream.getvalue()
    assert "1/10" in first and first.startswith("\r")
    line(1)  # within the interval: not redrawn
    assert stream.getvalue() == first
    now[0] = 2.0
    line(1)
    assert "3/10" in stream.getvalue()
    line(7)  # finished: always drawn
    assert "10/10" in stream.getvalue()
    line.close()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[-2].strip() == ""


def test_disabled_writes_nothing() -> None:
    stream = _Tty()
    with ProgressLine("x", total=3, stream=stream, enabled=False) as line:
        line(3)
    assert stream.getvalue() == ""


def test_without_total() -> None:
    line = ProgressLine("reading", stream=_Tty(), clock=lambda: 2.0)
    line._started = 0.0
    line(4)
    assert line.render(2.0) == "checker: reading 4 (2.0/s)"


def test_a_broken_stream_disables_it() -> None:
    stream = _Tty()
    stream.close()
    line = ProgressLine("x", total=2, stream=stream)
    line(1)
    assert not line.enabled
