"""How an interval of figures is written, everywhere: "14", "15–25", "≥ 400", "≤ 10".

One function for the terminal, the HTML report, the diff and the quantity API;
each passes how it writes one number. Imports nothing of the checker, so every
layer can use it.
"""

from __future__ import annotations

from collections.abc import Callable


def interval_text(
    low: float | None,
    high: float | None,
    number: Callable[[float], str],
    *,
    unbounded: str = "?",
    spaced: bool = True,
) -> str:
    """``low``–``high`` with ``number`` for each bound; ``unbounded`` when both are
    open; ``spaced`` puts a space after ≥ and ≤ ("≥ 400"; the terminal's "≥400")."""
    gap = " " if spaced else ""
    if low is None and high is None:
        return unbounded
    if low is None:
        assert high is not None
        return f"≤{gap}{number(high)}"
    if high is None:
        return f"≥{gap}{number(low)}"
    if low == high:
        return number(low)
    return f"{number(low)}–{number(high)}"
