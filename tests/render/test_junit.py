"""``--format junit``: parsed back with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from checker.render import Format, RenderOptions, render
from checker.render.junit import INPUT_SUITE
from tests.render.sample import FLOOD, LIMA, empty_report, sample_report


def _root(fail_on: str = "error") -> ET.Element:
    text = render(sample_report(), Format.JUNIT, RenderOptions(fail_on=fail_on))
    return ET.fromstring(text.encode("utf-8"))


def _case(root: ET.Element, story: str, slot: str) -> ET.Element:
    found = root.find(f"testsuite[@name='{story}']/testcase[@name='{slot}']")
    assert found is not None, (story, slot)
    return found


def test_suites_per_story_cases_per_slot() -> None:
    root = _root()
    assert [s.attrib["name"] for s in root] == [FLOOD, LIMA, INPUT_SUITE]
    lima = root.find(f"testsuite[@name='{LIMA}']")
    assert lima is not None
    assert [c.attrib["name"] for c in lima] == ["attack.date", "hostages", "leader", "rebels"]
    assert {c.attrib["classname"] for c in lima} == {LIMA}
    flood = root.find(f"testsuite[@name='{FLOOD}']")
    assert flood is not None
    # timelines give injured/river.crest; findings add dead and published
    assert [c.attrib["name"] for c in flood] == ["dead", "injured", "published", "river.crest"]


def test_errors_fail_warnings_go_to_system_out() -> None:
    root = _root()
    rebels = _case(root, LIMA, "rebels")
    failure = rebels.find("failure")
    assert failure is not None
    assert failure.attrib["type"] == "contradiction"
    assert failure.attrib["message"].startswith('wire/b says "14 rebels"')
    out = rebels.find("system-out")
    assert out is not None and "stale (f-stale)" in (out.text or "")
    assert _case(root, LIMA, "leader").find("failure") is None
    assert _case(root, FLOOD, "injured").find("failure") is None
    assert list(_case(root, FLOOD, "injured")) == []
    assert root.attrib["failures"] == "2"


def test_fail_on_warning() -> None:
    root = _root("warning")
    rebels = _case(root, LIMA, "rebels")
    failure = rebels.find("failure")
    assert failure is not None
    assert failure.attrib["type"] == "contradiction,stale"
    assert failure.attrib["message"].startswith("2 findings (contradiction, stale): ")
    assert "f-contra-rebels" in (failure.text or "") and "f-stale" in (failure.text or "")
    assert rebels.find("system-out") is None
    assert _case(root, LIMA, "leader").find("failure") is not None
    assert _case(root, LIMA, "hostages").find("failure") is None  # info only
    assert root.attrib["failures"] == "4"


def test_fail_on_never() -> None:
    root = _root("never")
    assert root.attrib["failures"] == "0"
    assert root.findall(".//failure") == []
    assert len(root.findall(".//system-out")) == 6


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_counts(fail_on: str) -> None:
    root = _root(fail_on)
    suites = list(root)
    assert int(root.attrib["tests"]) == sum(int(s.attrib["tests"]) for s in suites)
    for suite in suites:
        assert int(suite.attrib["tests"]) == len(suite.findall("testcase"))
        assert int(suite.attrib["failures"]) == len(suite.findall("testcase/failure"))
        assert int(suite.attrib["errors"]) == len(suite.findall("testcase/error"))


def test_input_errors_suite() -> None:
    suite = _root().find(f"testsuite[@name='{INPUT_SUITE}']")
    assert suite is not None
    assert suite.attrib["errors"] == "2"
    error = suite.find("testcase[@name='reports/broken.jsonl']/error")
    assert (
        error is not None and error.attrib["message"] == "reports/broken.jsonl:3: not JSON: line 3"
    )


def test_escaping_and_invalid_characters() -> None:
    text = render(sample_report(), Format.JUNIT, RenderOptions(fail_on="warning"))
    assert "&lt;about 20&gt; &amp; the old figure" in text
    assert "\x0b" not in text
    root = ET.fromstring(text.encode("utf-8"))
    failure = _case(root, FLOOD, "dead").find("failure")
    assert failure is not None
    assert failure.attrib["message"] == "dead fell\r\nfrom 14 to 12\ufffd"


def test_empty_report() -> None:
    root = ET.fromstring(render(empty_report(), Format.JUNIT).encode("utf-8"))
    assert root.tag == "testsuites" and list(root) == []
    assert root.attrib["tests"] == "0"
