"""`plan --previous` with the plan of another interview says so on standard error.

Such a plan shares no calendar item with the new one, so all its items are
written as dropped.  That is right after a rename, and wrong for a file
given by mistake; either way the user is told, and the calendar is the same.
"""

from __future__ import annotations

import pathlib

import attrs
import icalendar
import pytest

from followup import FollowUpPlan
from followup.json import from_json, to_json
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
NOW = "2026-11-23T10:20:00-05:00"


def _previous(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    interview = tmp_path / "before.toml"
    interview.write_text(text)
    old = tmp_path / "old.json"
    made = run("plan", interview, "--now", NOW, "--format", "json", "--output", old)
    assert made.returncode == 0, made.stderr
    return old


def _replan(tmp_path: pathlib.Path, text: str, old: pathlib.Path):
    interview = tmp_path / "now.toml"
    interview.write_text(text)
    result = run(
        "plan", interview, "--now", NOW, "--format", "ics", "--previous", old
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    items = [
        item
        for item in icalendar.Calendar.from_ical(result.stdout).walk()
        if item.name in {"VEVENT", "VTODO"}
    ]
    return result.stderr, items


@pytest.mark.parametrize(
    ("before", "after", "named"),
    [
        (
            ("Ada Lovelace", "Ada Lovelace"),
            ("Ada Lovelace", "Grace Hopper"),
            (
                "'Ada Lovelace, Acme Analytics, data engineer' and not "
                "'Grace Hopper, Acme Analytics, data engineer'"
            ),
        ),
        (
            ('position = "data engineer"', 'id = "acme-1"'),
            ('position = "data engineer"', 'id = "acme-2"'),
            "id 'acme-1' and not id 'acme-2'",
        ),
    ],
    ids=["another candidate", "another id"],
)
def test_a_plan_of_another_interview_is_named(tmp_path, before, after, named):
    base = INTERVIEW.read_text()
    assert 'position = "data engineer"' in base
    old = _previous(tmp_path, base.replace(*before))
    stderr, items = _replan(tmp_path, base.replace(*after), old)
    assert stderr == (
        f"followup: warning: --previous {old} is the plan of another interview, "
        f"{named}: none of its 4 items match this plan's, and all are written "
        "as dropped\n"
    )
    # Told, and written as before: the old four dropped, the new four added.
    statuses = sorted(str(item.get("status")) for item in items)
    assert statuses.count("CANCELLED") == 4
    assert len(items) == 8


def test_a_plan_of_the_same_interview_says_nothing(tmp_path):
    base = INTERVIEW.read_text()
    old = _previous(tmp_path, base)
    # Moved a day: the same identity, so its items are updated in place.
    stderr, items = _replan(
        tmp_path, base.replace("2026-11-23T10:00:00", "2026-11-22T10:00:00"), old
    )
    assert stderr == ""
    assert len(items) == 4


def test_a_single_item_is_spoken_of_as_one(tmp_path):
    base = INTERVIEW.read_text()
    old = _previous(tmp_path, base)
    plan = from_json(old.read_text(), FollowUpPlan)
    old.write_text(to_json(attrs.evolve(plan, steps=plan.steps[:1], findings=())))
    stderr, _ = _replan(tmp_path, base.replace("Ada Lovelace", "Grace Hopper"), old)
    assert stderr.endswith(
        ": its item matches none of this plan's and is written as dropped\n"
    )


def test_an_empty_previous_plan_says_nothing(tmp_path):
    base = INTERVIEW.read_text()
    old = _previous(tmp_path, base)
    plan = from_json(old.read_text(), FollowUpPlan)
    old.write_text(to_json(attrs.evolve(plan, steps=(), findings=())))
    stderr, items = _replan(tmp_path, base.replace("Ada Lovelace", "Grace Hopper"), old)
    assert stderr == ""
    assert len(items) == 4
