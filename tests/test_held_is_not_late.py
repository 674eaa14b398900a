"""A step the history holds past its window is not late, nor overdue, while held.

The interviewer said they would decide by a date, or is away: FU013 holds
the call (and the follow-up, for an absence) until the next business day
after.  Its window closes meanwhile, but that is the company's word, not
the candidate's lateness: FU010 says nothing of it, and `followup due`
does not list it as overdue before it may be done.  Once the hold has run
out and the step is still not done, it is late as any other.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    Interview,
    NoParams,
    Phase,
    ReminderStatus,
    StepKind,
    check_plan,
    new_step,
    plan_followups,
    reminders_on,
)
from new_york import INTERVIEW

THANKED = Event("thank-you-sent", "2026-11-23T10:45:00-05:00")
FOLLOWED_UP = Event("follow-up-sent", "2026-11-25T09:30:00-05:00")
# They will decide by Friday 11 December: the call waits until Monday 14th.
REPLIED = Event("replied", "2026-11-26T12:00:00-05:00", until=dt.date(2026, 12, 11))
HISTORY = (THANKED, FOLLOWED_UP, REPLIED)


def _call(plan):
    (call,) = [step for step in plan.steps if step.kind is StepKind.CALL]
    return call


@pytest.mark.parametrize("day", [8, 10, 11])
def test_a_call_held_past_its_window_is_not_late(day):
    now = f"2026-12-{day:02d}T08:00:00-05:00"
    plan = plan_followups(INTERVIEW, HISTORY, now=now)
    call = _call(plan)
    assert call.due.isoformat() == "2026-12-14T09:00:00-05:00"
    assert "FU010" not in call.adjusted_by
    assert "Late" not in call.reason
    assert call.reason.count("Held until Mon 14 Dec 2026") == 1
    assert [f.code for f in plan.findings] == []
    assert check_plan(plan, history=HISTORY) == ()


@pytest.mark.parametrize("day", [8, 10, 11, 14])
def test_a_held_call_is_due_not_overdue(day):
    found = reminders_on(INTERVIEW, HISTORY, on=dt.date(2026, 12, day), within_days=3)
    statuses = {(r.step.kind, r.status) for r in found if r.step is not None}
    assert (StepKind.CALL, ReminderStatus.OVERDUE) not in statuses
    # Listed as due once the Monday is within the three days.
    assert ((StepKind.CALL, ReminderStatus.DUE) in statuses) is (day >= 11)


def test_a_call_still_not_made_after_the_hold_is_late():
    plan = plan_followups(INTERVIEW, HISTORY, now="2026-12-22T08:00:00-05:00")
    call = _call(plan)
    assert "FU010" in call.adjusted_by
    assert [f.code for f in plan.findings] == ["FU010"]
    # The close it missed is the held window's, not the first one's.
    assert plan.findings[0].expected == "by the end of Mon 21 Dec 2026"
    (late,) = reminders_on(INTERVIEW, HISTORY, on=dt.date(2026, 12, 22))
    assert late.status is ReminderStatus.OVERDUE


def test_a_follow_up_held_by_an_absence_is_not_late():
    # Grace is away from the day after the call until Monday 7 December.
    away = Event("away", "2026-11-23T11:00:00-05:00", until=dt.date(2026, 12, 7))
    history = (THANKED, away)
    plan = plan_followups(INTERVIEW, history, now="2026-12-01T08:00:00-05:00")
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert "FU010" not in follow_up.adjusted_by
    assert [f.code for f in plan.findings] == []
    found = reminders_on(INTERVIEW, history, on=dt.date(2026, 12, 1))
    assert [r.status for r in found] == []


@pytest.mark.parametrize("at", ["00:30", "08:59", "10:00", "10:17", "15:42", "23:00"])
def test_a_late_plan_s_windows_end_at_a_close_whatever_the_minute(at):
    # Planned on a Sunday, late for the follow-up and with the call's window
    # cut: the windows ended at the minute of now (Wed 09:59:59.999999 for
    # 10:00, 10:16:59.999999 for 10:17), and a calendar synced on each
    # replan got a new deadline every time.  The follow-up's three days
    # move as days: Sunday to Tuesday, whenever on the Sunday.
    plan = plan_followups(INTERVIEW, (THANKED,), now=f"2026-12-06T{at}:00-05:00")
    ends = {
        step.kind.value: step.window.end.isoformat()
        for step in plan.steps
        if step.kind in {StepKind.FOLLOW_UP, StepKind.CALL}
    }
    assert ends == {
        "follow-up": "2026-12-08T17:00:00-05:00",
        "call": "2026-12-09T17:00:00-05:00",
    }


def test_a_hold_begun_after_the_window_closed_excuses_no_lateness():
    # The thank-you was due by Tue 24 Nov; a pause recorded on Fri 27th came
    # after it was missed.  It is late, and overdue, as without the pause.
    paused = Event("paused", "2026-11-27T12:00:00-05:00", until=dt.date(2026, 12, 4))
    plan = plan_followups(INTERVIEW, (paused,), now="2026-12-01T09:00:00-05:00")
    (thanks,) = [s for s in plan.steps if s.kind is StepKind.THANK_YOU]
    assert "FU010" in thanks.adjusted_by
    assert [f.code for f in plan.findings] == ["FU010"]
    found = reminders_on(INTERVIEW, (paused,), on=dt.date(2026, 12, 1))
    assert (StepKind.THANK_YOU, ReminderStatus.OVERDUE) in {
        (r.step.kind, r.status) for r in found if r.step is not None
    }
    # So with an absence recorded after the follow-up's window closed.
    away = Event("away", "2026-12-02T09:00:00-05:00", until=dt.date(2026, 12, 14))
    plan = plan_followups(INTERVIEW, (THANKED, away), now="2026-12-03T09:00:00-05:00")
    assert "FU010" in [f.code for f in plan.findings]


@pytest.mark.parametrize(
    "at", ["2026-12-16T10:00", "2026-12-16T10:17", "2026-12-21T16:00"]
)
def test_a_call_held_until_a_day_now_past_is_planned_where_the_hold_put_it(at):
    # The hold ended on Monday 14th; its week of days runs to Mon 21st.  The
    # call is not late, its reason says why it is where it is, and its
    # window does not follow the minute of now.
    plan = plan_followups(INTERVIEW, HISTORY, now=f"{at}:00-05:00")
    call = _call(plan)
    assert "Held until Mon 14 Dec 2026" in call.reason
    assert "Late" not in call.reason
    assert [f.code for f in plan.findings] == []
    assert call.window.end.isoformat() == "2026-12-21T17:00:00-05:00"


def test_a_late_window_counted_in_calendar_days_closed_on_its_last_business_day():
    # The follow-up counted in calendar days ends on Thanksgiving, which the
    # plan made on time left out (its window closed Wed 25 Nov at 17:00).
    rules = DEFAULT_RULES.configure("FU004", days="calendar")
    on_time = plan_followups(
        INTERVIEW, (THANKED,), now="2026-11-23T12:00:00-05:00", rules=rules
    )
    (follow_up,) = [s for s in on_time.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.window.end.isoformat() == "2026-11-25T17:00:00-05:00"
    late = plan_followups(
        INTERVIEW, (THANKED,), now="2026-11-30T10:00:00-05:00", rules=rules
    )
    (finding,) = [f for f in late.findings if f.code == "FU010"]
    assert finding.expected == "by the end of Wed 25 Nov 2026"


@attrs.frozen
class Slot:
    """A half-hour slot the recruiter gave, for an upload of one's own."""

    code: ClassVar[str] = "SL001"
    name: ClassVar[str] = "slot"
    summary: ClassVar[str] = "Upload in the recruiter's half-hour slot."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        step = new_step(
            draft.facts,
            StepKind.OTHER,
            Channel.EMAIL,
            ("2026-11-25T14:00:00-05:00", "2026-11-25T14:30:00-05:00"),
            rule=self.code,
            reason="Upload in the recruiter's slot.",
            kind_name="portfolio-upload",
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


def test_a_plugin_s_narrow_window_planned_late_keeps_its_length():
    rules = DEFAULT_RULES.extend(Slot())
    plan = plan_followups(
        INTERVIEW, (THANKED,), now="2026-11-30T10:00:00-05:00", rules=rules
    )
    (slot,) = [s for s in plan.steps if s.rule == "SL001"]
    assert slot.window.end - slot.window.start == dt.timedelta(minutes=30)


def test_a_pause_extended_still_excuses_the_call():
    # Paused from 1 December until the 9th, then, on the 8th, until the
    # 14th: the first pause excused the call (its window closed on the 7th),
    # and extending it makes nothing late.
    first = Event("paused", "2026-12-01T09:00:00-05:00", until=dt.date(2026, 12, 9))
    again = Event("paused", "2026-12-08T20:00:00-05:00", until=dt.date(2026, 12, 14))
    history = (THANKED, FOLLOWED_UP, first, again)
    now = "2026-12-09T08:00:00-05:00"
    plan = plan_followups(INTERVIEW, history, now=now)
    assert _call(plan).due.isoformat() == "2026-12-14T09:00:00-05:00"
    assert [f.code for f in plan.findings] == []
    assert check_plan(plan, history=history) == ()
    assert reminders_on(INTERVIEW, history, on=dt.date(2026, 12, 9)) == ()


@pytest.mark.parametrize("day", [10, 18, 21])
def test_a_reply_while_the_interviewer_is_away_carries_the_hold_on(day):
    # Away from the 3rd to the 8th (the call's window closed on the 7th),
    # then a reply on the 9th: they decide by the 21st.
    away = Event("away", "2026-12-03T09:00:00-05:00", until=dt.date(2026, 12, 8))
    replied = Event("replied", "2026-12-09T09:00:00-05:00", until=dt.date(2026, 12, 21))
    history = (THANKED, FOLLOWED_UP, away, replied)
    plan = plan_followups(INTERVIEW, history, now=f"2026-12-{day}T12:00:00-05:00")
    assert _call(plan).due.isoformat() == "2026-12-22T09:00:00-05:00"
    assert [f.code for f in plan.findings] == []
    assert check_plan(plan, history=history) == ()
    statuses = {
        r.status for r in reminders_on(INTERVIEW, history, on=dt.date(2026, 12, day))
    }
    assert ReminderStatus.OVERDUE not in statuses


def test_a_step_placed_where_a_hold_put_it_is_the_same_either_side_of_its_end():
    # Replied: they decide by Tuesday 8th, so the call waits until Wednesday
    # 9th.  Planned a minute before and a minute after midnight, the call is
    # the same step (it lost FU013 from `adjusted_by`, and read as moved).
    replied = Event("replied", "2026-11-26T12:00:00-05:00", until=dt.date(2026, 12, 8))
    history = (THANKED, FOLLOWED_UP, replied)
    before = plan_followups(INTERVIEW, history, now="2026-12-08T23:59:00-05:00")
    after = plan_followups(INTERVIEW, history, now="2026-12-09T00:01:00-05:00")
    assert _call(before) == _call(after)
    assert _call(after).adjusted_by == ("FU013", "FU011")


def test_a_short_pause_long_over_does_not_break_a_chain_of_holds():
    # Away until 21 December; a pause of three days, over long before; a
    # reply on the 10th, while the absence still excused the call.
    away = Event("away", "2026-11-24T11:00:00-05:00", until=dt.date(2026, 12, 21))
    pause = Event("paused", "2026-11-24T12:00:00-05:00", until=dt.date(2026, 11, 27))
    reply = Event("replied", "2026-12-10T12:00:00-05:00", until=dt.date(2027, 1, 8))
    for history in ((THANKED, away, pause, reply), (THANKED, away, reply)):
        plan = plan_followups(INTERVIEW, history, now="2027-01-12T10:00:00-05:00")
        assert [f.code for f in plan.findings] == []
        assert check_plan(plan, history=history) == ()
        (found,) = reminders_on(INTERVIEW, history, on=dt.date(2027, 1, 12))
        assert found.status is ReminderStatus.DUE


@pytest.mark.parametrize("day", [19, 20, 21])
def test_a_hold_recorded_on_the_last_day_another_excused_carries_it_on(day):
    # Away until Saturday 12 December: the call is excused to the end of
    # Monday 21st.  A pause recorded on the Saturday, the Sunday or that
    # Monday carries the hold on alike.
    away = Event("away", "2026-11-27T09:00:00-05:00", until=dt.date(2026, 12, 12))
    pause = Event(
        "paused", f"2026-12-{day}T08:00:00-05:00", until=dt.date(2026, 12, 28)
    )
    history = (THANKED, FOLLOWED_UP, away, pause)
    plan = plan_followups(INTERVIEW, history, now="2026-12-29T09:00:00-05:00")
    assert [f.code for f in plan.findings] == []
    assert _call(plan).adjusted_by == ("FU013", "FU011")


def test_of_two_holds_the_later_ending_one_places_the_step():
    # Away until Monday 14th; a reply naming Wednesday 16th holds the call
    # until Thursday 17th.  Either side of midnight on the 21st the call is
    # the reply's, and its window the same.
    away = Event("away", "2026-12-01T09:00:00-05:00", until=dt.date(2026, 12, 14))
    reply = Event("replied", "2026-12-02T09:00:00-05:00", until=dt.date(2026, 12, 16))
    history = (THANKED, FOLLOWED_UP, away, reply)
    plans = [
        plan_followups(INTERVIEW, history, now=now)
        for now in ("2026-12-17T12:00:00-05:00", "2026-12-21T23:59:00-05:00")
    ]
    for plan in plans:
        call = _call(plan)
        assert "Held until Thu 17 Dec 2026: they said" in call.reason
        assert call.window.end.isoformat() == "2026-12-24T17:00:00-05:00"


@pytest.mark.parametrize("back", [28, 29])
def test_an_interviewer_back_on_the_day_clocks_go_forward_excuses_no_more(back):
    # London: the follow-up's two days, Wed 25 and Thu 26 March.  Back on
    # Saturday 28th or on Sunday 29th (when clocks go forward), the moved
    # window ends Monday 30th, and the follow-up is late on Tuesday 31st.
    london = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-03-23T10:00:00+00:00[Europe/London]",
        interviewer=Contact("Grace Hopper", timezone="Europe/London", country="GB"),
    )
    thanked = Event("thank-you-sent", "2026-03-23T10:45:00+00:00")
    away = Event("away", "2026-03-24T09:00:00+00:00", until=dt.date(2026, 3, back))
    history = (thanked, away)
    held = plan_followups(london, history, now="2026-03-30T10:00:00+01:00")
    assert "FU010" not in [f.code for f in held.findings]
    late = plan_followups(london, history, now="2026-03-31T10:00:00+01:00")
    assert "FU010" in [f.code for f in late.findings]


def test_a_held_step_planned_after_hours_on_its_last_excused_day_is_late():
    # Held until Monday 21st; excused to the end of Monday 28th.  Planned
    # at 17:30 that day, the call can go out only on Tuesday: the plan says
    # it is late, as `check_plan` of it does, as a plan made after midnight.
    reply = Event("replied", "2026-12-03T09:00:00-05:00", until=dt.date(2026, 12, 18))
    history = (THANKED, FOLLOWED_UP, reply)
    plan = plan_followups(INTERVIEW, history, now="2026-12-28T17:30:00-05:00")
    assert _call(plan).due.isoformat() == "2026-12-29T09:00:00-05:00"
    (late,) = plan.findings
    assert (late.code, late.expected) == ("FU011", "by the end of Mon 28 Dec 2026")
    assert [f.code for f in check_plan(plan, history=history)] == ["FU006"]


@pytest.mark.parametrize("day", [3, 4, 7, 8, 11, 14])
def test_a_held_call_s_window_does_not_follow_the_day_it_is_planned(day):
    # Held until Monday 14th.  While its own window was still open, FU010
    # cut it at now and FU013 moved what was left: planned on the 3rd it
    # ran to Friday 18th, on the 7th to Monday 14th.  Moved whole, as days.
    plan = plan_followups(INTERVIEW, HISTORY, now=f"2026-12-{day:02d}T08:00:00-05:00")
    call = _call(plan)
    assert call.window.end.isoformat() == "2026-12-21T17:00:00-05:00"
    assert call.reason.count("Held until Mon 14 Dec 2026") == 1
    assert call.adjusted_by == ("FU013", "FU011")
