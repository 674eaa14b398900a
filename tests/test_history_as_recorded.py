"""A history as a tracker records it: late, repeated, in its own order.

People record a call the morning after, export an event twice, list the
newest first.  None of that changes what happened, and none of it may
change the plan, what a replan says was done, or which event a message
names.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import (
    Event,
    Interview,
    InvalidValueError,
    plan_changes,
    plan_followups,
    reminders_on,
)
from followup.testing import situations
from shell import run

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
THANKS = Event("thank-you-sent", "2026-11-23T10:45:00-05:00")
FOLLOW_UP = Event("follow-up-sent", "2026-11-25T09:30:00-05:00")
SENT = [THANKS, FOLLOW_UP]


def _call(at: str, outcome: str = "no-answer") -> Event:
    return Event("called", at, outcome=outcome)


# -- a call recorded after the next replan --------------------------------------


def test_a_call_recorded_after_a_replan_that_still_showed_it_is_done():
    # Made at 10:00; the 18:00 replan still plans it; recorded next morning.
    before = plan_followups(INTERVIEW, SENT, now="2026-11-30T18:00:00-05:00")
    assert [step.kind.value for step in before.steps] == ["call"]
    called = [*SENT, _call("2026-11-30T10:00:00-05:00", "rejected")]
    after = plan_followups(INTERVIEW, called, now="2026-12-01T09:00:00-05:00")
    changes = plan_changes(before, after, called)
    assert ([s.kind.value for s in changes.done], changes.cancelled) == (["call"], ())


@pytest.mark.parametrize("made", [1, 2])
def test_call_back_k_is_done_once_k_calls_follow_the_first(made):
    calls = [
        _call(f"2026-12-{day:02d}T10:00:00-05:00") for day in (1, 8, 15, 22)[: made + 1]
    ]
    before = plan_followups(
        INTERVIEW, [*SENT, *calls[:made]], now="2026-12-23T12:00:00-05:00"
    )
    (open_step,) = before.steps
    assert (open_step.kind.value, open_step.number) == ("call-back", made)
    # The next call, recorded after a replan made later than it.
    history = [*SENT, *calls[: made + 1]]
    after = plan_followups(INTERVIEW, history, now="2026-12-24T12:00:00-05:00")
    changes = plan_changes(before, after, history)
    assert [(s.kind.value, s.number) for s in changes.done] == [("call-back", made)]
    assert changes.cancelled == ()


def test_a_call_back_ended_by_a_decision_without_a_call_is_cancelled():
    history = [*SENT, _call("2026-12-01T10:00:00-05:00")]
    before = plan_followups(INTERVIEW, history, now="2026-12-02T12:00:00-05:00")
    decided = [
        *history,
        Event("decision-received", "2026-12-03T10:00:00-05:00", outcome="rejected"),
    ]
    after = plan_followups(INTERVIEW, decided, now="2026-12-04T12:00:00-05:00")
    changes = plan_changes(before, after, decided)
    assert [s.kind.value for s in changes.cancelled] == ["call-back"]
    assert changes.done == ()


def test_the_previous_plan_s_file_marks_a_call_recorded_late_done(tmp_path):
    interview = tmp_path / "acme.toml"
    interview.write_text(
        f'candidate = "Ada Lovelace"\ncompany = "Acme"\nat = "{AT}"\n', encoding="utf-8"
    )
    sent = "".join(
        f'[[events]]\nkind = "{event.kind.value}"\nat = "{event.at.isoformat()}"\n'
        for event in SENT
    )
    (tmp_path / "sent.toml").write_text(sent, encoding="utf-8")
    called = sent + (
        '[[events]]\nkind = "called"\nat = "2026-11-30T10:00:00-05:00"\n'
        'outcome = "rejected"\n'
    )
    (tmp_path / "called.toml").write_text(called, encoding="utf-8")
    previous = tmp_path / "previous.json"
    first = run(
        "plan", interview, "--history", tmp_path / "sent.toml",
        "--now", "2026-11-30T18:00:00-05:00", "--format", "json", "--output", previous,
    )  # fmt: skip
    assert (first.returncode, first.stderr) == (0, "")
    second = run(
        "plan", interview, "--history", tmp_path / "called.toml",
        "--now", "2026-12-01T09:00:00-05:00", "--previous", previous, "--format", "ics",
    )  # fmt: skip
    assert (second.returncode, second.stderr) == (0, "")
    assert "-call-1@followup" in second.stdout
    assert "STATUS:CANCELLED" not in second.stdout


# -- an event recorded twice ------------------------------------------------------


def test_a_call_recorded_twice_is_one_call():
    call = _call("2026-12-01T10:00:00-05:00")
    once = plan_followups(INTERVIEW, [*SENT, call], now="2026-12-02T12:00:00-05:00")
    assert [(s.kind.value, s.number) for s in once.steps] == [("call-back", 1)]
    for copies in (2, 3):
        again = plan_followups(
            INTERVIEW, [*SENT, *[call] * copies], now="2026-12-02T12:00:00-05:00"
        )
        assert again == once


def test_two_calls_at_one_instant_that_say_different_things_are_both_kept():
    # Not a repeat: equal events only are one.
    calls = [
        _call("2026-12-01T10:00:00-05:00", "no-answer"),
        _call("2026-12-01T10:00:00-05:00", "undecided"),
    ]
    plan = plan_followups(INTERVIEW, [*SENT, *calls], now="2026-12-02T12:00:00-05:00")
    assert [(s.kind.value, s.number) for s in plan.steps] == [("call-back", 2)]


@settings(max_examples=60)
@given(situations(), st.randoms(use_true_random=False))
def test_repeating_events_changes_no_plan(situation, pick):
    interview, history, now = situation
    repeated = [*history, *pick.sample(history, k=pick.randint(0, len(history)))]
    pick.shuffle(repeated)
    assert plan_followups(interview, repeated, now=now) == plan_followups(
        interview, history, now=now
    )


# -- which event a message names --------------------------------------------------


@pytest.mark.parametrize("place", [0, 1, 2])
def test_an_event_after_now_is_named_where_the_caller_put_it(place):
    late = _call("2026-12-05T10:00:00-05:00")
    history = [THANKS, FOLLOW_UP]
    history.insert(place, late)
    with pytest.raises(InvalidValueError) as raised:
        plan_followups(INTERVIEW, history, now="2026-12-01T09:00:00-05:00")
    assert raised.value.field == f"history[{place}].at"


@pytest.mark.parametrize("place", [0, 1, 2])
def test_an_event_before_the_interview_is_named_where_the_caller_put_it(place):
    early = Event("thank-you-sent", "2026-11-22T10:00:00-05:00")
    history = [FOLLOW_UP, _call("2026-11-30T10:00:00-05:00")]
    history.insert(place, early)
    with pytest.raises(InvalidValueError) as raised:
        plan_followups(INTERVIEW, history, now="2026-12-01T09:00:00-05:00")
    assert raised.value.field == f"history[{place}].at"


# -- the latest decision ----------------------------------------------------------


def test_a_next_round_then_an_offer_ends_in_the_offer():
    history = [
        *SENT,
        Event("decision-received", "2026-12-02T10:00:00-05:00", outcome="next-round"),
        Event("decision-received", "2026-12-10T10:00:00-05:00", outcome="offer"),
    ]
    plan = plan_followups(INTERVIEW, history, now="2026-12-11T12:00:00-05:00")
    (said,) = [f.message for f in plan.findings if f.code == "FU009"]
    assert said.startswith("the company decided (offer) on Thu 10 Dec 2026 10:00 EST")


# -- due: an event after the day asked --------------------------------------------


def test_due_refuses_an_event_after_the_day_asked():
    # 2027 typed for 2026: every step would be planned after it, and
    # nothing listed.
    typo = _call("2027-12-05T10:00:00-05:00")
    with pytest.raises(InvalidValueError) as raised:
        reminders_on(INTERVIEW, [THANKS, typo], on=dt.date(2026, 12, 1))
    assert raised.value.field == "history[1].at"
    assert str(raised.value) == (
        "history[1].at: '2027-12-05T10:00:00-05:00' is after the day asked "
        "(2026-12-01) and the day after it (2026-12-02), days where the "
        "recipient is (America/New_York)"
    )


def test_due_takes_an_event_up_to_the_end_of_the_day_after_the_day_asked():
    # The day after: a candidate's evening is a recipient's next morning.
    next_evening = Event("follow-up-sent", "2026-12-02T23:59:59.999999-05:00")
    listed = reminders_on(INTERVIEW, [THANKS, next_evening], on=dt.date(2026, 12, 1))
    assert [r.status.value for r in listed] == []
    two_days_on = Event("follow-up-sent", "2026-12-03T00:00:00-05:00")
    with pytest.raises(InvalidValueError):
        reminders_on(INTERVIEW, [THANKS, two_days_on], on=dt.date(2026, 12, 1))


def test_due_reports_the_line_and_lists_the_others(tmp_path):
    typo = {"kind": "called", "at": "2027-12-05T10:00:00-05:00"}
    lines = [
        {"id": "typo", "interview": {"candidate": "Ada", "company": "Acme", "at": AT}},
        {"id": "fine", "interview": {"candidate": "Bo", "company": "Acme", "at": AT}},
    ]
    lines[0]["history"] = [typo]
    batch = tmp_path / "tracker.jsonl"
    batch.write_text("".join(f"{json.dumps(line)}\n" for line in lines))
    result = run("due", batch, "--on", "2026-11-23")
    assert result.returncode == 2
    assert result.stderr == (
        f"{batch}:1: history[0].at: '2027-12-05T10:00:00-05:00' is after the day "
        "asked (2026-11-23) and the day after it (2026-11-24), days where the "
        "recipient is (America/New_York)\n"
    )
    assert "(fine)" in result.stdout
    assert "(typo)" not in result.stdout
