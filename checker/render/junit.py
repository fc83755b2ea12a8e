"""``--format junit``: JUnit XML for CI test-report viewers.

One ``<testsuite>`` per story, one ``<testcase classname=STORY name=SLOT>`` per
figure the reports speak of (its timeline) or that a finding is about.
Findings at or above ``fail_on`` become one ``<failure>`` per test case (the
body lists every one); the others go to ``<system-out>``. Input errors make
a suite of their own, one ``<error>`` per file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.records import Finding, InputError, Report
from checker.render.options import RenderOptions
from checker.render.serialize import Index, fails

INPUT_SUITE = "(input errors)"

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _describe(finding: Finding, index: Index) -> str:
    lines = [f"[{finding.severity.value}] {finding.type.value} ({finding.id}): {finding.message}"]
    for claim in index.claims_of(finding.claim_ids):
        position = index.position(claim)
        where = f"{position.path}:{position.line}" if position else claim.article_id
        lines.append(f"  {where}: {claim.quote}")
    return "\n".join(lines)


def _failure_message(failing: list[Finding]) -> str:
    if len(failing) == 1:
        return failing[0].message
    kinds = ", ".join(dict.fromkeys(f.type.value for f in failing))
    return f"{len(failing)} findings ({kinds}): {failing[0].message}"


def _testcase(
    suite: ET.Element, story: str, slot: str, findings: list[Finding], index: Index, fail_on: str
) -> bool:
    case = ET.SubElement(suite, "testcase", {"classname": clean(story), "name": clean(slot)})
    failing = [f for f in findings if fails(f.severity, fail_on)]
    passing = [f for f in findings if not fails(f.severity, fail_on)]
    if failing:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": ",".join(dict.fromkeys(f.type.value for f in failing)),
                "message": clean(_failure_message(failing)),
            },
        )
        failure.text = clean("\n\n".join(_describe(f, index) for f in failing))
    if passing:
        out = ET.SubElement(case, "system-out")
        out.text = clean("\n\n".join(_describe(f, index) for f in passing))
    return bool(failing)


def _input_suite(errors: tuple[InputError, ...]) -> ET.Element:
    suite = ET.Element("testsuite", {"name": INPUT_SUITE})
    by_path: dict[str, list[InputError]] = defaultdict(list)
    for error in errors:
        by_path[error.path].append(error)
    for path in sorted(by_path):
        case = ET.SubElement(suite, "testcase", {"classname": INPUT_SUITE, "name": clean(path)})
        problems = by_path[path]
        element = ET.SubElement(case, "error", {"message": clean(problems[0].describe())})
        element.text = clean("\n".join(e.describe() for e in problems))
    suite.attrib.update(
        {"tests": str(len(by_path)), "failures": "0", "errors": str(len(by_path)), "skipped": "0"}
    )
    return suite


def render_junit(report: Report, options: RenderOptions) -> str:
    index = Index(report)
    cases: dict[str, dict[str, list[Finding]]] = defaultdict(dict)
    for timeline in report.timelines:
        cases[timeline.story].setdefault(timeline.slot, [])
    for finding in report.findings:
        cases[finding.story].setdefault(finding.slot, []).append(finding)

    root = ET.Element("testsuites", {"name": "checker"})
    total_tests = total_failures = total_errors = 0
    for story in sorted(cases):
        suite = ET.SubElement(root, "testsuite", {"name": clean(story)})
        slots = cases[story]
        failures = sum(
            _testcase(suite, story, slot, slots[slot], index, options.fail_on)
            for slot in sorted(slots)
        )
        suite.attrib.update(
            {"tests": str(len(slots)), "failures": str(failures), "errors": "0", "skipped": "0"}
        )
        total_tests += len(slots)
        total_failures += failures
    if report.errors:
        suite = _input_suite(report.errors)
        root.append(suite)
        total_tests += int(suite.attrib["tests"])
        total_errors += int(suite.attrib["errors"])
    root.attrib.update(
        {"tests": str(total_tests), "failures": str(total_failures), "errors": str(total_errors)}
    )
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
