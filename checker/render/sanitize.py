"""Report strings made safe for the medium they go to.

Everything a report supplies (file names, ids, titles, outlets, quotes, the
messages built from them) is untrusted text:

- **terminal** (:func:`terminal`): C0 and C1 control characters, DEL, and the
  Unicode bidirectional and line-separator controls are shown as visible
  escapes (``\\x1b``, ``\\u202e``), so no escape sequence reaches the terminal
  and no text is reordered on screen. Line breaks are escaped too unless the
  caller keeps them (``keep_newlines``);
- **CI log lines** (:func:`log_line`): a line that would start with ``::`` (a
  GitHub Actions workflow command) or ``##[`` / ``##vso[`` (Azure) gets a
  visible escape before it, so the runner never reads a command from it;
- **GitHub workflow commands** (:func:`github_data`): ``%``, CR and LF
  percent-encoded as the runner expects, other controls and bidi characters
  replaced by a space;
- **CSV** (:func:`csv_cell`): a cell that a spreadsheet would take for a
  formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR) gets a
  leading apostrophe, as OWASP recommends against CSV injection.
"""

from __future__ import annotations

import re

__all__ = ["csv_cell", "github_data", "log_line", "markdown_cell", "terminal"]

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
_UNSAFE_OR_BREAK = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
_TAB_KEPT = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every character that could drive or reorder a terminal shown
    as an escape; tabs are kept, and line feeds when ``keep_newlines``."""
    pattern = _UNSAFE if keep_newlines else _TAB_KEPT
    return pattern.sub(_escape, text)


_COMMAND_START = re.compile(r"^(\s*)(::|##\[|##vso\[)", re.M)


def log_line(text: str) -> str:
    """``text`` (one line or several) such that no line starts a CI runner command."""
    return _COMMAND_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


_GITHUB_OTHER = _UNSAFE_OR_BREAK


def github_data(text: str) -> str:
    """``text`` as the data of a GitHub workflow command: ``%``, CR, LF encoded,
    other controls and bidi characters replaced by a space."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _GITHUB_OTHER.sub(" ", escaped)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet evaluates (OWASP: a leading apostrophe)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>#~])")


def markdown_cell(text: str) -> str:
    """Text safe in one cell of a Markdown table (the GitHub step summary): no line
    breaks, control or bidi characters, no markup."""
    flat = " ".join(_UNSAFE_OR_BREAK.sub(" ", text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
