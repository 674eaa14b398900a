"""The pieces the built-in rules share, pinned where a rule's words come from.

`timeliness` judges a message against its window (FU003, FU004), `later`
picks the later of two instants, `days_off_in_words` names the days a
step's window passed over, and `check_plan` takes the latest known fact as
"now" when it is not given.
"""

from __future__ import annotations

import datetime as dt

import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    Facts,
    Finding,
    Interview,
    Step,
    StepKind,
    Window,
    WorkingCalendar,
    check_plan,
    new_step,
)
from followup._draft import Draft
from followup._sheet import Sheet
from followup._time import coerce_instant, utc
from followup._vocabulary import Severity
from followup.rules._shared import (
    DayOff,
    days_off,
    days_off_in_words,
    timeliness,
)

INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)
FACTS = Facts.gather(INTERVIEW, now="2026-11-30T10:00:00-05:00")
START = coerce_instant("2026-11-24T09:00:00-05:00[America/New_York]", "start")
END = coerce_instant("2026-11-25T17:00:00-05:00[America/New_York]", "end")
STEP = Step(
    StepKind.FOLLOW_UP, Channel.EMAIL, Window(START, END), START, "FU004", "on time"
)


def judged(moment: str, step: Step | None) -> tuple[Finding, ...]:
    return tuple(
        timeliness(
            "FU004",
            FACTS,
            coerce_instant(moment, "moment"),
            (START, END),
            step,
            kind=StepKind.FOLLOW_UP,
            too_early="too early",
            too_late="too late",
        )
    )


@pytest.mark.parametrize("moment", [START.isoformat(), END.isoformat()])
def test_a_message_at_either_end_of_its_window_is_on_time(moment: str) -> None:
    assert judged(moment, STEP) == ()
    assert judged(moment, None) == ()


def test_too_early_is_an_error_for_a_planned_step_and_names_both_times() -> None:
    assert judged("2026-11-24T08:59:00-05:00[America/New_York]", STEP) == (
        Finding(
            "FU004",
            Severity.ERROR,
            "too early",
            step=STEP,
            expected="on or after Tue 24 Nov 2026 09:00 EST",
            actual="Tue 24 Nov 2026 08:59 EST",
        ),
    )


def test_too_early_is_a_warning_for_a_message_already_sent() -> None:
    (finding,) = judged("2026-11-24T13:59:00+00:00", None)
    assert (finding.severity, finding.step) == (Severity.WARNING, None)
    # The moment is shown on the recipient's clock, whatever zone it came in.
    assert finding.actual == "Tue 24 Nov 2026 08:59 EST"


@pytest.mark.parametrize("step", [STEP, None], ids=["planned", "sent"])
def test_too_late_is_a_warning_with_the_window_end_and_the_moment(
    step: Step | None,
) -> None:
    assert judged("2026-11-25T17:01:00-05:00[America/New_York]", step) == (
        Finding(
            "FU004",
            Severity.WARNING,
            "too late",
            step=step,
            expected="by Wed 25 Nov 2026 17:00 EST",
            actual="Wed 25 Nov 2026 17:01 EST",
        ),
    )


@pytest.mark.parametrize(
    ("minutes", "now", "opens"),
    [
        (30, None, "10:25"),  # before the call: its last five minutes
        (30, "2026-11-23T10:27:00-05:00", "10:27"),  # in them: from now
        (3, None, "10:00"),  # a three-minute call: from its start
        (3, "2026-11-23T15:01:00+00:00", "10:01"),  # now, written in UTC
    ],
)
def test_the_close_of_the_call_opens_at_the_latest_of_three(
    minutes: int, now: str | None, opens: str
) -> None:
    interview = Interview("Ada", "Acme", INTERVIEW.at, duration=minutes)
    facts = Facts.gather(interview, now=now)
    start, end = DEFAULT_RULES["FU001"].window(facts)  # type: ignore[attr-defined]
    assert (start.strftime("%H:%M"), start.tzinfo) == (opens, facts.zone)
    assert end == facts.call_ends


@pytest.mark.parametrize(
    ("found", "words"),
    [
        (
            [DayOff("Thanksgiving Day on Thu 26 Nov", holiday=True, days=1)],
            "a public holiday",
        ),
        ([DayOff("Christmas on Fri 25 Dec", holiday=True, days=2)], "public holidays"),
        ([DayOff("shutdown on Thu 24 Dec", holiday=False, days=1)], "no working day"),
        (
            [DayOff("shutdown from Thu 24 Dec to Tue 29 Dec", holiday=False, days=4)],
            "no working days",
        ),
        (
            [
                DayOff("Thanksgiving Day on Thu 26 Nov", holiday=True, days=1),
                DayOff("shutdown on Fri 27 Nov", holiday=False, days=1),
            ],
            "no working days",
        ),
    ],
)
def test_days_off_are_named_and_counted(found: list[DayOff], words: str) -> None:
    texts = " and ".join(day.text for day in found)
    assert days_off_in_words(found) == f"{texts}: {words} there"


def test_check_plan_takes_the_latest_fact_as_now_across_a_fall_back() -> None:
    # On 1 November 2026 New York's clocks go back from 02:00 EDT to 01:00
    # EST.  The call at 01:50 EDT comes before a thank-you at 01:10 EST,
    # though its wall clock reads later: "now" is the thank-you's instant.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-01T01:50:00-04:00[America/New_York]",
        duration=15,
    )
    sent = Event(
        EventKind.THANK_YOU_SENT, "2026-11-01T01:10:00-05:00[America/New_York]"
    )
    assert sent.at.fold == 1
    assert interview.at.fold == 0
    findings = check_plan([], interview, history=[sent])
    # The thank-you counts as sent; what is missing is the contact and the
    # later steps.
    assert [finding.code for finding in findings] == ["FU002", "FU005", "FU005"]
    assert dt.timedelta(minutes=20) == sent.at - interview.at


def _follow_up_draft(due: str) -> Draft:
    step = new_step(
        FACTS,
        StepKind.FOLLOW_UP,
        Channel.EMAIL,
        (START, coerce_instant("2026-11-24T17:00:00-05:00", "end")),
        due=coerce_instant(due, "due"),
        rule="FU004",
        reason="on time",
    )
    return Draft(FACTS).proposing(step)


def _moved(due: str, moment: str) -> tuple[str, ...]:
    sheet = Sheet.of(_follow_up_draft(due))
    sheet.none_before(
        StepKind.FOLLOW_UP,
        utc(coerce_instant(moment, "moment")),
        by="FU999",
        why="not before then",
    )
    (entry,) = sheet.steps
    return tuple(
        FACTS.local(t).strftime("%d %H:%M") for t in (entry.start, entry.end, entry.due)
    )


def test_a_window_cut_by_the_moment_keeps_a_due_time_after_it() -> None:
    # 09:00-17:00, due at 15:00, nothing before noon: 12:00-17:00, still 15:00.
    assert _moved("2026-11-24T15:00:00-05:00", "2026-11-24T12:00:00-05:00") == (
        "24 12:00",
        "24 17:00",
        "24 15:00",
    )
    # Due at 10:00, before the moment: it moves to noon.
    assert _moved("2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00") == (
        "24 12:00",
        "24 17:00",
        "24 12:00",
    )


def test_a_window_that_ends_at_the_moment_is_cut_to_it_not_moved() -> None:
    assert _moved("2026-11-24T15:00:00-05:00", "2026-11-24T17:00:00-05:00") == (
        "24 17:00",
        "24 17:00",
        "24 17:00",
    )
    # One minute later, the window is over: it moves whole, keeping its
    # eight hours, due as it opens.
    assert _moved("2026-11-24T15:00:00-05:00", "2026-11-24T17:01:00-05:00") == (
        "24 17:01",
        "25 01:01",
        "24 17:01",
    )


@pytest.mark.parametrize("more", [False, True])
def test_at_most_eight_days_off_are_named_the_eighth_whole_and_more_said(
    more: bool,
) -> None:
    closed = {
        "2026-11-24": "A",
        "2026-11-25": "B",
        "2026-11-26": "C",
        "2026-11-27": "D",
        "2026-11-30/2026-12-02": "E",
        "2026-12-03": "F",
        "2026-12-04": "G",
        "2026-12-07/2026-12-08": "H",
    }
    if more:
        closed["2026-12-09"] = "I"
    facts = Facts.gather(INTERVIEW, calendar=WorkingCalendar(closed=closed))
    found = days_off(facts, dt.date(2026, 11, 24), dt.date(2026, 12, 11))
    named = [
        ("A on Tue 24 Nov", False, 1),
        ("B on Wed 25 Nov", False, 1),
        ("C on Thu 26 Nov", False, 1),
        ("D on Fri 27 Nov", False, 1),
        ("E from Mon 30 Nov to Wed 2 Dec", False, 3),
        ("F on Thu 3 Dec", False, 1),
        ("G on Fri 4 Dec", False, 1),
        ("H from Mon 7 Dec to Tue 8 Dec", False, 2),
    ]
    if more:
        named.append(("other days off after them", False, 2))
    assert [tuple(day) for day in found] == named
