"""Headlines in title case, written in sentence case for the parser.

"Powerful Quake in Iran Kills 10; 80 Hurt" is parsed with "Kills" and
"Hurt" as proper nouns, so its figures count nothing; "Powerful quake in
iran kills 10; 80 hurt" parses as a sentence. The parser reads the
sentence-cased text, of the same length, so every offset holds; quotes and
sentences are taken from the original (:func:`restore_case`), and names
come from the recogniser's reading of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from checker.records import Claim

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_CONTENT_WORDS = 3
TITLE_SHARE = 0.75


def is_title_case(line: str) -> bool:
    """A headline in title case: no full stop at its end, and most of its words of four
    letters or more capitalised ("Hiller Kills Two In Kraft Plant Shooting")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 160 or stripped[-1] in ".?!\"'”’":
        return False
    content = [w for w in _WORD.findall(stripped) if len(w) >= 4]
    if len(content) < MIN_CONTENT_WORDS:
        return False
    capitalised = [w for w in content if w[0].isupper() and not w.isupper()]
    return len(capitalised) >= TITLE_SHARE * len(content)


def sentence_cased(text: str) -> str:
    """``text`` with its title-case lines in sentence case (same length): every word
    after a line's first loses its capital, words in capitals (NYPD) keep theirs."""
    lines = text.split("\n")
    if not any(is_title_case(line) for line in lines):
        return text
    out = []
    for line in lines:
        if is_title_case(line):
            first = _WORD.search(line)
            start = first.end() if first is not None else 0
            line = line[:start] + _WORD.sub(_lower_word, line[start:])
        out.append(line)
    return "\n".join(out)


def _lower_word(m: re.Match[str]) -> str:
    word = m.group()
    return word if word.isupper() else word[0].lower() + word[1:]


def restore_case(claims: Sequence[Claim], text: str, parsed: str) -> list[Claim]:
    """Quotes and sentences of claims read from the sentence-cased ``parsed`` text, as
    ``text`` writes them."""
    if parsed == text:
        return list(claims)
    out = []
    for c in claims:
        # the sentence holds the claim: it is looked for around it, not to the text's end
        at = parsed.find(c.sentence, max(0, c.start - len(c.sentence)), c.end + len(c.sentence))
        sentence = text[at : at + len(c.sentence)] if at >= 0 else c.sentence
        out.append(replace(c, quote=text[c.start : c.end], sentence=sentence))
    return out
