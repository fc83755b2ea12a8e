"""Which recognised PERSON/ORG spans are names (checker.name_spans)."""

from __future__ import annotations

import pytest

from checker.name_spans import is_name

CASES = [
    # (text, the recognised span, is a name)
    ("LIMA -- Rebels freed 20 hostages on Sunday.", "LIMA", False),
    ("KATHMANDU, Nepal — Climbers died on the mountain.", "KATHMANDU", False),
    ("BESLAN, Russia, Sept. 1 (CPA) -- Gunmen seized a school.", "BESLAN", False),
    ("LONDON, June 14 (TWS) -- Six people have died.", "TWS", False),
    ("CORRESPONDENT: The mood there has changed.", "CORRESPONDENT", False),
    ("Updated 07:37 a.m. UTC on Monday", "UTC", False),
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "HKT", False),
    ("UPDATED: TUESDAY, MARCH 12, 2013, 9:36 AM", "MARCH", False),
    ("MAN HELD AFTER STABBING IN LEEDS\nA man was arrested.", "MAN", False),
    ("A FIRE has badly damaged the store. Fire crews attended.", "FIRE", False),
    ('The mayor called the crowd "Rapt" in his speech.', "Rapt", False),
    ("“ Don ’ t move! ” the driver yelled.", "Don", False),
    # names stay names
    ("The NYPD said one person was arrested. NYPD officers attended.", "NYPD", True),
    ("Gray's school principal spoke to reporters.", "Gray", True),
    ("Police said Michael DelGiudice, 41, had left.", "Michael DelGiudice", True),
    ("He told 'The Times' that Alberto Fujimori would not yield.", "Alberto Fujimori", True),
    ("Sohel Rana, the owner, was arrested.", "Sohel Rana", True),
    ("LIMA -- Alberto Fujimori said on Sunday he would not yield.", "Alberto Fujimori", True),
]


@pytest.mark.parametrize(("text", "span", "expected"), CASES)
def test_is_name(text: str, span: str, expected: bool) -> None:
    start = text.index(span)
    assert is_name(text, start, start + len(span)) is expected
