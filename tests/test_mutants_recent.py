"""Tests for the mutants of the last session's changes that no test killed.

Each test names the mutant it kills: a small change to the code (a dropped
condition, the wrong day, a lost check) that every other test let pass,
though a user would have seen it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import caldav
import pytest

from followup import (
    DEFAULT_RULES,
    Event,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    RuleError,
    StepKind,
    plan_followups,
)
from followup.example import example_interview
from followup.ics import calendar_objects, interview_uid_prefix
from followup.json import from_json
from followup.sync import SyncError, _content, sync_plan
from own_steps import AT, ByHand
from radicale_server import PASSWORD, USER
from shell import run

if TYPE_CHECKING:
    from followup import FollowUpPlan

UTC = dt.timezone.utc
NOW = "2026-11-23T10:20:00-05:00"

# --- cli: a days option given a negative or malformed value -----------------


@pytest.mark.parametrize("option", ["--within", "--quiet-after"])
@pytest.mark.parametrize("value", ["-1d", "-2w", "-1", "-0d", "-1.5d", "-.5d", "3x"])
@pytest.mark.parametrize("joined", [False, True])
def test_a_bad_number_of_days_is_named_with_its_option(
    option: str, value: str, joined: bool
) -> None:
    # `due --within -1d` was read as an option of its own, "-1d", and
    # argparse said only "argument --within: expected one argument".
    given = [f"{option}={value}"] if joined else [option, value]
    result = run("due", *given, "--on", "2026-12-01", stdin="")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: argument {option}: give days (3d) or weeks (2w), "
        f"not {value!r} (see followup due --help)\n"
    )


@pytest.mark.parametrize("after", ["--on", "-x"])
def test_an_option_after_a_days_option_is_still_no_value_of_it(after: str) -> None:
    # Only what reads as a negative number is taken as the value: a days
    # option followed by an option (or a slip that reads as one) says so.
    result = run("due", "--within", after, "2026-12-01", stdin="")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "followup: error: argument --within: expected one argument "
        "(see followup due --help)\n"
    )


# --- working time: a sliver rolled east of UTC ------------------------------


def test_a_late_sliver_rolls_to_a_whole_working_day_east_of_utc() -> None:
    # Mutant: the close of the day the window lands on taken from the UTC
    # date of its start.  In Auckland (UTC+13) 09:00 on Friday is still
    # Thursday in UTC, whose close (Thursday 17:00 there) is long past: the
    # follow-up kept a window of 09:00 to 09:28.
    auckland = dt.timezone(dt.timedelta(hours=13))
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-16T10:00:00+13:00[Pacific/Auckland]"
    )
    plan = plan_followups(interview, now="2026-11-19T23:32:00+13:00[Pacific/Auckland]")
    (follow_up,) = (step for step in plan.steps if step.kind is StepKind.FOLLOW_UP)
    assert follow_up.window.start == dt.datetime(2026, 11, 20, 9, tzinfo=auckland)
    assert follow_up.window.end == dt.datetime(2026, 11, 20, 17, tzinfo=auckland)
    assert follow_up.due == follow_up.window.start


# --- time: zones without an IANA name ---------------------------------------


class _OneDayZone(dt.tzinfo):
    """A zone of one's own that answers for November 2026 only."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        if moment is None or (moment.year, moment.month) != (2026, 11):
            raise ValueError("no offset known for that day")
        return dt.timedelta(hours=2)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: dt.datetime | None) -> str:
        return "OWN"


class _AutumnChange(dt.tzinfo):
    """A zone that moves its clocks on for good on 1 October: +03:00, then +04:00."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        late = moment is not None and (moment.year, moment.month) >= (2026, 10)
        return dt.timedelta(hours=4 if late else 3)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: dt.datetime | None) -> str:
        return "AUT"


def test_a_zone_that_cannot_answer_for_other_days_is_kept_as_its_offset() -> None:
    # Mutant: the ValueError of a zone asked about other days of the year
    # let through: the interview could not be made at all.
    at = dt.datetime(2026, 11, 23, 10, tzinfo=_OneDayZone())
    interview = Interview("Ada Lovelace", "Acme", at)
    assert interview.at.isoformat() == "2026-11-23T10:00:00+02:00"


def test_a_zone_whose_offset_changes_in_the_autumn_is_refused() -> None:
    # Mutant: the year looked at from January to June only.  A change in
    # its second half is a change in the year all the same.
    at = dt.datetime(2026, 5, 4, 10, tzinfo=_AutumnChange())
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada Lovelace", "Acme", at)
    assert str(caught.value).startswith("Interview.at: ")
    assert "whose offset changes in the year" in str(caught.value)


# --- json: a kind to read that is no type -----------------------------------


@pytest.mark.parametrize("text", ["{", "", b"\xff"])
def test_a_kind_to_read_that_is_no_type_is_named_before_the_text_is_read(
    text: str | bytes,
) -> None:
    # Mutant: from_json checked `cls` only once the text was read, so text
    # that is no JSON blamed the document, "5 document", for the caller's
    # mistake.
    with pytest.raises(InvalidTypeError) as caught:
        from_json(text, 5)  # type: ignore[call-overload]
    assert str(caught.value) == (
        "cls: expected a type to read (Interview, list[Event], Interview | None), "
        "got int 5"
    )


# --- a step built by hand, each of its moments checked ----------------------

_TEXT = "2026-12-01T14:30Z"
_NAIVE = dt.datetime(2026, 12, 1, 14, 30)


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (
            ByHand(due=_TEXT),
            (
                "InvalidTypeError: due: expected an aware datetime (new_step and "
                f"moved_step read text), got str {_TEXT!r}"
            ),
        ),
        (
            ByHand(due=_NAIVE),
            (
                "NaiveDatetimeError: due: '2026-12-01T14:30:00' has no time zone; "
                "give an offset (+01:00) or a zone ([Europe/Paris]), or pass an "
                "aware datetime"
            ),
        ),
        (
            ByHand(end=_TEXT),
            (
                "InvalidTypeError: window.end: expected an aware datetime (new_step "
                f"and moved_step read text), got str {_TEXT!r}"
            ),
        ),
        (
            ByHand(end=_NAIVE),
            (
                "NaiveDatetimeError: window.end: '2026-12-01T14:30:00' has no time "
                "zone; give an offset (+01:00) or a zone ([Europe/Paris]), or pass "
                "an aware datetime"
            ),
        ),
    ],
)
def test_a_hand_built_steps_due_and_end_are_checked_by_name(
    rule: ByHand, problem: str
) -> None:
    # Mutants: the due time, or the window's end, left out of the moments
    # checked: a comparison then failed naming no field, or a naive time
    # passed as if it were UTC.
    with pytest.raises(RuleError) as caught:
        plan_followups(Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(rule))
    assert caught.value.code == "OWN009"
    assert str(caught.value) == (
        f"rule OWN009 by-hand (own_steps.ByHand) failed in plan(): {problem}"
    )


# --- sync: whose items are the plan's ---------------------------------------


def _client(url: str) -> caldav.DAVClient:
    return caldav.DAVClient(url, username=USER, password=PASSWORD)


def _raw(url: str) -> dict[str, str]:
    """Each resource's text as the server holds it, by resource name."""
    client = _client(url)
    calendar = client.calendar(url=url)  # type: ignore[no-untyped-call]
    names = [str(resource.url) for resource in calendar.objects(load_objects=False)]
    return {name: client.request(name).raw for name in names}


def _sync(plan: FollowUpPlan, url: str) -> Any:
    return sync_plan(plan, url, username=USER, password=PASSWORD)


def _rejected() -> FollowUpPlan:
    no = Event("decision-received", "2026-11-24T09:00:00-05:00", outcome="rejected")
    return plan_followups(example_interview(), [no], now="2026-11-24T10:00:00-05:00")


def test_another_interviews_items_are_not_cancelled(calendar_url: str) -> None:
    # Mutant: an item counted as the plan's by its "@followup" ending alone.
    # Two interviews in one calendar: the rejection of one cancelled the
    # other's items too.
    other = Interview("Grace Hopper", "Navy", "2026-11-23T09:00:00-05:00")
    assert interview_uid_prefix(other) != interview_uid_prefix(example_interview())
    _sync(plan_followups(other, now=NOW), calendar_url)
    before = _raw(calendar_url)
    assert len(before) == 3

    assert not _sync(
        plan_followups(example_interview(), now=NOW), calendar_url
    ).cancelled
    synced = _sync(_rejected(), calendar_url)

    assert len(synced.cancelled) == 4
    assert all(interview_uid_prefix(other) not in uid for uid in synced.cancelled)
    after = _raw(calendar_url)
    assert {name: after[name] for name in before} == before


def test_an_item_of_another_program_that_shares_the_prefix_is_left_alone(
    calendar_url: str,
) -> None:
    # Mutant: an item counted as the plan's by the interview's prefix alone.
    # Another program's item whose UID begins the same way (a copy of one
    # of the plan's items, given a UID of its own) was cancelled.
    uid = f"{interview_uid_prefix(example_interview())}copy@example.com"
    theirs = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//me//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261120T100000Z\r\n"
        "DTSTART:20261124T100000Z\r\nSUMMARY:Copy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    _client(calendar_url).put(
        f"{calendar_url}copy.ics", theirs, {"Content-Type": "text/calendar"}
    )
    before = _raw(calendar_url)[f"{calendar_url}copy.ics"]

    first = _sync(plan_followups(example_interview(), now=NOW), calendar_url)
    synced = _sync(_rejected(), calendar_url)

    assert uid not in first.cancelled + synced.cancelled
    assert _raw(calendar_url)[f"{calendar_url}copy.ics"] == before


def test_an_unreadable_item_of_the_plan_is_found_by_a_uid_with_parameters(
    calendar_url: str,
) -> None:
    # Mutant: the UID line of an item icalendar cannot read looked for with
    # no parameters (UID;X-...=...:value), as RFC 5545 allows any property.
    # The item went unrecognised: the push wrote around it and failed on
    # the server's conflict instead of naming the item.
    _sync(plan_followups(example_interview(), now=NOW), calendar_url)
    client = _client(calendar_url)
    calendar = client.calendar(url=calendar_url)  # type: ignore[no-untyped-call]
    (broken,) = (
        resource
        for resource in calendar.objects(load_objects=True)
        if "-follow-up-" in str(resource.url)
    )
    uid = str(broken.icalendar_component["uid"])
    text = broken.data.replace(f"UID:{uid}", f"UID;X-FROM=phone:{uid}")
    text = re.sub(r"SEQUENCE:\d+", "SEQUENCE:two", text)
    assert f"UID;X-FROM=phone:{uid}" in text
    assert "SEQUENCE:two" in text
    client.put(str(broken.url), text, {"Content-Type": "text/calendar"})
    before = _raw(calendar_url)

    with pytest.raises(SyncError) as caught:
        _sync(_rejected(), calendar_url)

    assert f"item {uid} cannot be read (" in str(caught.value)
    assert "nothing was written" in str(caught.value)
    assert _raw(calendar_url) == before


def test_an_unreadable_item_of_another_program_naming_one_of_ours_is_left_alone(
    calendar_url: str,
) -> None:
    # Mutant: the UID line looked for anywhere in a line, not at its start.
    # Another program's item that cannot be read, and whose description
    # names one of the plan's items by its UID, was taken for that item: the
    # push stopped, blaming it.  (Radicale writes an item's properties in
    # order of their names: the description comes before the UID.)
    plan = plan_followups(example_interview(), now=NOW)
    _sync(plan, calendar_url)
    (ours, *_) = sorted(_raw(calendar_url).values())
    (uid,) = re.findall(r"^UID:(.*)$", ours, re.MULTILINE)
    theirs = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//me//EN\r\n"
        f"BEGIN:VTODO\r\nDESCRIPTION:Copied from UID:{uid.strip()}\r\n"
        "UID:chores@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
        "SEQUENCE:two\r\nSUMMARY:Chores\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    _client(calendar_url).put(
        f"{calendar_url}chores.ics", theirs, {"Content-Type": "text/calendar"}
    )
    before = _raw(calendar_url)[f"{calendar_url}chores.ics"]

    synced = _sync(_rejected(), calendar_url)

    assert len(synced.cancelled) == len(plan.steps)
    assert _raw(calendar_url)[f"{calendar_url}chores.ics"] == before


@pytest.mark.parametrize("fold", ["\r\n ", "\n "])
def test_an_item_folded_elsewhere_says_the_same(fold: str) -> None:
    # Mutant: the lines of an item compared as they are folded.  A server
    # may fold a long line at another place (RFC 5545, 3.1) than icalendar
    # did; read folded, every such item was rewritten at each push, a new
    # version for every device.  (Radicale folds as icalendar does, so this
    # is said of the comparison itself.)
    (_, text), *_ = calendar_objects(plan_followups(example_interview(), now=NOW))
    item = text.decode()
    unfolded = item.replace("\r\n ", "")
    assert unfolded != item
    refolded = "\r\n".join(
        fold.join(line[i : i + 40] for i in range(0, len(line), 40))
        for line in unfolded.split("\r\n")
    )
    assert refolded != item
    assert _content(refolded) == _content(item)
