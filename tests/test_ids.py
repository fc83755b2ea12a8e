from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.ids import claim_id, finding_id
from checker.records import FindingType


def test_claim_id_shape_and_stability() -> None:
    a = claim_id("pc-1", "hostages", 10, 22)
    assert re.fullmatch(r"c-[0-9a-f]{12}", a)
    assert a == claim_id("pc-1", "hostages", 10, 22)
    assert a != claim_id("pc-1", "hostages", 10, 23)
    assert a != claim_id("pc-2", "hostages", 10, 22)
    assert a != claim_id("pc-1", "dead", 10, 22)


def test_claim_id_is_pinned() -> None:
    # changing the recipe changes every id in every saved baseline: do it on purpose only
    assert claim_id("pc-1", "hostages", 10, 22) == "c-6858c5c28c51"


def test_fields_do_not_run_together() -> None:
    assert claim_id("ab", "c", 1, 2) != claim_id("a", "bc", 1, 2)
    f = FindingType.CONTRADICTION
    assert finding_id(f, "s", "ab", ["c"]) != finding_id(f, "s", "a", ["bc"])


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=6), st.randoms())
def test_finding_id_ignores_claim_order(ids: list[str], rnd: object) -> None:
    shuffled = list(ids)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    fid = finding_id(FindingType.STALE, "lima", "rebels", ids)
    assert fid == finding_id(FindingType.STALE, "lima", "rebels", shuffled)
    assert re.fullmatch(r"f-[0-9a-f]{12}", fid)


def test_finding_id_depends_on_type_story_slot_claims() -> None:
    base = finding_id(FindingType.CONTRADICTION, "lima", "hostages", ["c1", "c2"])
    assert base != finding_id(FindingType.STALE, "lima", "hostages", ["c1", "c2"])
    assert base != finding_id(FindingType.CONTRADICTION, "quake", "hostages", ["c1", "c2"])
    assert base != finding_id(FindingType.CONTRADICTION, "lima", "dead", ["c1", "c2"])
    assert base != finding_id(FindingType.CONTRADICTION, "lima", "hostages", ["c1", "c3"])
