"""Plans pinned where a mutant of the engine or a timing rule went unnoticed.

A mutation campaign over the sheet, the engine, the shared days and the
timing rules (FU007, FU010 to FU013) left these mutants alive; each test
names the mutant it kills.  They go through the public API with realistic
interviews, and pin exact values: a date, a reason, a finding, whole.
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
    Draft,
    Event,
    Facts,
    Finding,
    Interview,
    NoParams,
    Phase,
    RuleError,
    Severity,
    Step,
    StepKind,
    Window,
    check_letter,
    check_plan,
    moved_step,
    plan_followups,
)
from followup._sheet import Sheet
from followup._time import coerce_instant
from followup.errors import InvalidValueError
from own_steps import Proposer

NY = "America/New_York"
# Monday 23 November 2026, 10:00 in New York; Thanksgiving is Thursday 26.
MONDAY = "2026-11-23T10:00:00-05:00[America/New_York]"
GRACE = Contact(
    "Grace Hopper", email="grace@acme.example", phone="+1 212 555 0100", timezone=NY
)


def at(text: str, zone: str = NY) -> dt.datetime:
    """A wall time in `zone` as an aware datetime (pendulum's, as steps hold)."""
    return coerce_instant(f"{text}[{zone}]", "moment")


def ny(text: str) -> dt.datetime:
    """A wall time in New York in late 2026 (EST, UTC-5), as a stdlib datetime."""
    return dt.datetime.fromisoformat(text + "-05:00")


def own_step(plan_steps: tuple[Step, ...]) -> Step:
    """The one step of one's own (`Proposer`'s) in a plan."""
    (step,) = (s for s in plan_steps if s.kind is StepKind.OTHER)
    return step


# -- the shared days: a country's week read date by date ----------------------


def test_a_week_across_new_year_is_read_from_its_monday_in_the_emirates() -> None:
    # The Emirates rested on Friday and Saturday until 2021 and on Saturday
    # and Sunday from 2022.  A call due on Sat 1 Jan 2022 is outside working
    # time; the week it is in runs Mon 27 Dec to Sun 2 Jan: Monday to
    # Thursday work (Fri 31 Dec is a 2021 weekend day), and the finding says
    # so.  (Mutants: `Days.week` counts seven days from the day asked about,
    # Sat 1 to Fri 7 Jan, which reads Mon-Fri; FU011's check describes the
    # week of the interview, Sun-Thu, instead of the week of the step.)
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2021-12-22T10:00:00+04:00[Asia/Dubai]",
        interviewer=Contact(
            "Omar", email="omar@acme.example", country="AE", timezone="Asia/Dubai"
        ),
    )
    due = at("2022-01-01T10:00:00+04:00", "Asia/Dubai")
    call = Step(
        StepKind.CALL,
        Channel.PHONE,
        Window(due, due + dt.timedelta(hours=1)),
        due,
        "FU006",
        "My own call.",
    )
    assert [f for f in check_plan([call], interview) if f.code == "FU011"] == [
        Finding(
            "FU011",
            Severity.WARNING,
            "the call is due outside the recipient's working time",
            step=call,
            expected="Mon-Thu 09:00-17:00",
            actual="Sat 1 Jan 2022 10:00 +04",
        )
    ]


# -- the days a reason names --------------------------------------------------


def test_two_closures_of_one_name_with_a_working_day_between_are_named_apart() -> None:
    # Stocktaking closes the office on Tue 24 and Thu 26 Nov; Wed 25 works.
    # The follow-up's reason names two closures, not one span from Tuesday
    # to Thursday.  (Mutants: `days_off` keeps a run open across the working
    # Wednesday, or continues any last run of the same name.)
    rules = DEFAULT_RULES.configure(
        "FU011",
        holidays=False,
        closed={"2026-11-24": "stocktaking", "2026-11-26": "stocktaking"},
    )
    plan = plan_followups(Interview("Ada Lovelace", "Acme", MONDAY), rules=rules)
    (follow_up,) = (s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.isoformat() == "2026-11-27T09:00:00-05:00"
    assert follow_up.reason == (
        "The follow-up comes 2 to 3 business days after the interview "
        "(stocktaking on Tue 24 Nov and stocktaking on Thu 26 Nov are no business "
        "days there) (A5), by email (A7), naming you and the date and time of the "
        "call, your interest in the company and why you fit (A8), in under 10 "
        "lines (A9)."
    )


def test_a_closure_named_as_a_holiday_is_no_holiday_when_holidays_are_off() -> None:
    # Holidays are not skipped, but the company closes on Thanksgiving and
    # calls the closure by the holiday's name.  The call a week after a
    # Thursday interview moves past it: a closure, "no working day there",
    # not "a public holiday".  (Mutant: `DayOff.holiday` ignores whether
    # the calendar skips holidays, and goes by the name alone.)
    rules = DEFAULT_RULES.configure(
        "FU011", holidays=False, closed={"2026-11-26": "Thanksgiving Day"}
    )
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-19T10:00:00-05:00[America/New_York]",
        interviewer=attrs.evolve(GRACE, country="US"),
    )
    plan = plan_followups(interview, rules=rules)
    (call,) = (s for s in plan.steps if s.kind is StepKind.CALL)
    assert call.due.isoformat() == "2026-11-27T09:00:00-05:00"
    assert call.reason.endswith(
        " Moved past Thanksgiving Day on Thu 26 Nov: no working day there."
    )


# -- FU011: windows of steps of one's own --------------------------------------


def test_working_hours_a_clock_change_cuts_to_nothing_do_not_end_a_window() -> None:
    # Night hours, 02:30 to 03:00, every day.  On Sun 8 Mar 2026 New York's
    # clocks jump from 02:00 to 03:00: 02:30 reads as 03:30, after the close,
    # and Sunday holds no working time.  A window from Friday noon to Sunday
    # noon ends at Saturday's close.  (Mutant: `_last` takes Sunday's cut
    # hours, and ends the window at 03:00 on Sunday, outside working time.)
    rules = DEFAULT_RULES.configure(
        "FU011", weekdays=list(range(7)), start="02:30", end="03:00", holidays=False
    ).extend(
        Proposer(
            steps=(
                (
                    (
                        dt.datetime.fromisoformat("2026-03-06T12:00-05:00"),
                        dt.datetime.fromisoformat("2026-03-08T12:00-04:00"),
                    ),
                    None,
                    1,
                    False,
                ),
            )
        )
    )
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-03-06T10:00:00-05:00[America/New_York]"
    )
    step = own_step(plan_followups(interview, rules=rules).steps)
    assert step.window.start.isoformat() == "2026-03-07T02:30:00-05:00"
    assert step.window.end.isoformat() == "2026-03-07T03:00:00-05:00"
    assert step.due.isoformat() == "2026-03-07T02:30:00-05:00"


def test_a_due_time_after_the_last_working_time_goes_to_the_windows_start() -> None:
    # A step of one's own, in a window from Mon 30 Nov to Wed 2 Dec, due on
    # Wednesday evening: no working time is left after it in the window, so
    # it is due when the narrowed window opens, Monday 09:00.  (Mutant: it
    # is due at the window's end, Wednesday 17:00.)
    rules = DEFAULT_RULES.extend(
        Proposer(
            steps=(
                (
                    (ny("2026-11-30T00:00"), ny("2026-12-02T23:59")),
                    ny("2026-12-02T20:00"),
                    1,
                    False,
                ),
            )
        )
    )
    step = own_step(plan_followups(Interview("Ada", "Acme", MONDAY), rules=rules).steps)
    assert step.window.start.isoformat() == "2026-11-30T09:00:00-05:00"
    assert step.window.end.isoformat() == "2026-12-02T17:00:00-05:00"
    assert step.due.isoformat() == "2026-11-30T09:00:00-05:00"
    assert step.reason == "Step 0 of mine."


def test_days_off_are_named_from_the_due_time_not_from_the_windows_start() -> None:
    # A step of one's own from Wed 25 to Mon 30 Nov, due on Friday at 08:00:
    # working time moves it to Friday 09:00.  Thanksgiving (Thursday) lies
    # between the window's start and the due time, but the due time did not
    # pass over it, and the reason does not name it.  (Mutant: the days off
    # are counted from the window's start.)
    rules = DEFAULT_RULES.extend(
        Proposer(
            steps=(
                (
                    (ny("2026-11-25T00:00"), ny("2026-11-30T23:59")),
                    ny("2026-11-27T08:00"),
                    1,
                    False,
                ),
            )
        )
    )
    interview = Interview(
        "Ada", "Acme", MONDAY, interviewer=attrs.evolve(GRACE, country="US")
    )
    step = own_step(plan_followups(interview, rules=rules).steps)
    assert step.window.start.isoformat() == "2026-11-25T09:00:00-05:00"
    assert step.due.isoformat() == "2026-11-27T09:00:00-05:00"
    assert step.reason == "Step 0 of mine."
    assert step.adjusted_by == ("FU011",)


@attrs.frozen
class Evenings:
    """Someone else's placing rule: an own step moves to Tue 1 Dec, 18:00 to 20:00.

    It records no move (``by=None``): no rule said why the window is there.
    """

    code: ClassVar[str] = "OWN002"
    name: ClassVar[str] = "evenings"
    summary: ClassVar[str] = "Moves steps of one's own to an evening."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        evening = ny("2026-12-01T18:00")
        for step in draft.steps:
            if step.kind is StepKind.OTHER and step.window.start < evening:
                moved = moved_step(
                    step,
                    draft.facts,
                    by=None,
                    start=evening,
                    end=ny("2026-12-01T20:00"),
                    due=evening,
                )
                draft = draft.replacing(step, moved)
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


def test_a_window_only_working_time_moved_before_says_it_held_none() -> None:
    # FU011 narrowed the step to Monday 09:00-10:00, then another rule put
    # it on Tuesday evening without saying why.  FU011 rolls it to
    # Wednesday morning and says the window held no working time: only its
    # own earlier move is on record.  (Mutant: any earlier move counts as
    # another rule's, and the reason reads "the next working time".)
    rules = DEFAULT_RULES.extend(
        Proposer(
            steps=(((ny("2026-11-30T07:00"), ny("2026-11-30T10:00")), None, 1, False),)
        ),
        Evenings(),
    )
    step = own_step(plan_followups(Interview("Ada", "Acme", MONDAY), rules=rules).steps)
    assert step.window.start.isoformat() == "2026-12-02T09:00:00-05:00"
    # Its two hours rolled forward reach the close of that day.
    assert step.window.end.isoformat() == "2026-12-02T17:00:00-05:00"
    # FU011 moved it twice, and is named once.
    assert step.adjusted_by == ("FU011",)
    assert step.reason == (
        "Step 0 of mine. Moved to Wed 2 Dec 2026 09:00 EST: its window "
        "(Tue 1 Dec 2026 18:00 EST to Tue 1 Dec 2026 20:00 EST) held no working "
        "time."
    )


# -- FU012: one set of facts, two schedules -----------------------------------


def test_the_call_counts_from_the_thank_you_when_no_follow_up_is_planned() -> None:
    # One set of facts checks two schedules.  In the first, the follow-up
    # goes out on the thank-you's day, and the call, too soon, is judged
    # against the follow-up; in the second, with no follow-up, against the
    # thank-you on that same day.  The two gaps start on one day: the rule
    # keeps them apart.  (Mutant: the gaps are kept by kind and day alone,
    # and the second finding names the follow-up.)
    facts = Facts.gather(Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE))
    rule = DEFAULT_RULES["FU012"]

    def step(kind: StepKind, when: str) -> Step:
        due = at(when)
        return Step(
            kind,
            Channel.EMAIL,
            Window(due, due + dt.timedelta(hours=1)),
            due,
            "MINE",
            "Mine.",
        )

    thank_you = step(StepKind.THANK_YOU, "2026-11-24T09:00:00-05:00")
    follow_up = step(StepKind.FOLLOW_UP, "2026-11-24T12:00:00-05:00")
    call = step(StepKind.CALL, "2026-11-25T09:00:00-05:00")
    expected = "on or after Thu 26 Nov 2026 00:00 EST"
    assert [f.message for f in rule.check(facts, (thank_you, follow_up, call))] == [
        "the follow-up comes sooner than a business day after the thank-you",
        "the call comes sooner than 2 business days after the follow-up",
    ]
    assert list(rule.check(facts, (thank_you, call))) == [
        Finding(
            "FU012",
            Severity.WARNING,
            "the call comes sooner than 2 business days after the thank-you",
            step=call,
            expected=expected,
            actual="Wed 25 Nov 2026 09:00 EST",
        )
    ]


# -- FU007 and FU013: call-backs ---------------------------------------------


def _undecided(call_back_at: str | None = None) -> Event:
    # The call of Tue 1 Dec brought no decision.
    return Event(
        "called",
        "2026-12-01T10:00:00-05:00",
        outcome="undecided",
        call_back_at=call_back_at,
    )


SENT = (
    Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),
    Event("follow-up-sent", "2026-11-25T09:30:00-05:00"),
)


def test_an_agreed_call_back_says_when_it_was_agreed_for() -> None:
    # (Mutant: the reason names now, the time of planning, as the time agreed.)
    history = (*SENT, _undecided("2026-12-08T10:00:00-05:00"))
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    plan = plan_followups(interview, history, now="2026-12-01T11:00:00-05:00")
    (back,) = plan.steps
    assert back.kind is StepKind.CALL_BACK
    assert back.agreed
    assert back.due.isoformat() == "2026-12-08T10:00:00-05:00"
    assert back.window.end.isoformat() == "2026-12-08T10:15:00-05:00"
    assert back.reason == (
        "The company had not decided and you agreed to call back at "
        "Tue 8 Dec 2026 10:00 EST (A11): keep the time as agreed; 3 to 4 minutes "
        "(A13)."
    )


def test_a_decision_after_an_agreed_call_back_leaves_nothing_to_check() -> None:
    # An offer came the day after the call that agreed a call-back: the
    # follow-up is over, and the empty plan passes FU007's check.  (Mutant:
    # FU007 checks the agreed time whether or not a decision came.)
    history = (
        *SENT,
        _undecided("2026-12-08T10:00:00-05:00"),
        Event("decision-received", "2026-12-02T10:00:00-05:00", outcome="offer"),
    )
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    plan = plan_followups(interview, history, now="2026-12-02T11:00:00-05:00")
    assert plan.steps == ()
    assert check_plan(plan, history=history) == ()


def test_an_agreed_call_back_while_the_interviewer_is_away_is_not_held() -> None:
    # The call-back was agreed for Tue 8 Dec; then an out-of-office says the
    # interviewer is away until Mon 14 Dec.  The agreed time is kept, and
    # checking the plan finds what planning found, FU007's word to confirm
    # the time, and nothing of FU013: an agreed step is not held.
    # (Mutant: FU013's check flags agreed steps too.)
    history = (
        *SENT,
        _undecided("2026-12-08T10:00:00-05:00"),
        Event("away", "2026-12-01T12:00:00-05:00", until="2026-12-14"),
    )
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    plan = plan_followups(interview, history, now="2026-12-01T13:00:00-05:00")
    (back,) = plan.steps
    assert back.due.isoformat() == "2026-12-08T10:00:00-05:00"
    assert [f.code for f in plan.findings] == ["FU007"]
    assert check_plan(plan, history=history) == plan.findings


def test_a_call_back_waits_for_the_day_they_said_they_would_decide_by() -> None:
    # No time was agreed on the call of Tue 1 Dec; the next day they wrote
    # that they would decide by Fri 18 Dec.  The call-back, due a week after
    # the call, waits until the next business day, Mon 21 Dec.  (Mutant:
    # FU013 holds the call but not the call-back.)
    history = (
        *SENT,
        _undecided(),
        Event("replied", "2026-12-02T10:00:00-05:00", until="2026-12-18"),
    )
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    plan = plan_followups(interview, history, now="2026-12-02T11:00:00-05:00")
    (back,) = plan.steps
    assert back.kind is StepKind.CALL_BACK
    assert back.window.start.isoformat() == "2026-12-21T09:00:00-05:00"
    assert back.window.end.isoformat() == "2026-12-28T17:00:00-05:00"
    assert back.due == back.window.start
    assert back.reason == (
        "On the last call the company had not decided and no time was agreed: call "
        "back 7 to 14 days later (A11); 3 to 4 minutes (A13). Held until Mon 21 "
        "Dec 2026: they said they would decide by Fri 18 Dec 2026; with no word by "
        "then, call once (A10)."
    )


# -- FU010: a window that closes as of now -----------------------------------


def test_a_window_that_closes_at_now_is_not_late() -> None:
    # Checked at the very last instant of its window, the follow-up is not
    # late yet.  (Mutant: FU010's check flags a window ending at now.)
    start = at("2026-11-25T09:00:00-05:00")
    end = at("2026-11-25T17:00:00-05:00")
    follow_up = Step(
        StepKind.FOLLOW_UP, Channel.EMAIL, Window(start, end), start, "MINE", "Mine."
    )
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    assert [
        f for f in check_plan([follow_up], interview, now=end) if f.code == "FU010"
    ] == []


# -- letters: a relative day read with the send time --------------------------


def test_a_relative_day_read_with_the_send_time_needs_no_hint() -> None:
    # Sent on Thursday, "yesterday" is Wednesday, not the day of the
    # interview: the date is missing, and the finding says what was found
    # without the hint about send times, which were given.  (Mutant: the
    # hint is added whether or not the letter has a send time.)
    interview = Interview("Ada Lovelace", "Acme", MONDAY)
    findings = check_letter(
        "Dear Grace, thank you for yesterday's interview at Acme. Ada Lovelace",
        interview,
        "thank-you",
        sent="2026-11-26T09:00:00-05:00",
    )
    assert findings[0] == Finding(
        "FU003",
        Severity.ERROR,
        "the thank-you does not name the date of the interview (A4)",
        expected="23 November 2026 (or Nov. 23, 11/23, 2026-11-23, Monday)",
        actual="yesterday",
    )


def test_a_letter_names_each_wrong_date_and_time_it_holds_once() -> None:
    # The letter names Tuesday at 11:00 twice; the interview was on Monday at
    # 10:00.  Each finding says what it found once.  (Mutant: `_found` keeps
    # every mention, and reads "tuesday, tuesday".)
    interview = Interview("Ada Lovelace", "Acme", MONDAY)
    findings = check_letter(
        "Dear Grace, thank you for the interview at Acme on Tuesday at 11:00. I am "
        "excited to join Acme. See you Tuesday at 11:00! Ada Lovelace",
        interview,
        "thank-you",
    )
    assert [(f.message, f.actual) for f in findings] == [
        (
            "the thank-you does not name the date of the interview (A4)",
            "tuesday",
        ),
        (
            "the thank-you does not name the time of the interview (A4)",
            "11:00",
        ),
    ]


# -- FU007's check: the agreed time, give or take `agreed_minutes` -----------


def test_a_call_back_later_than_the_agreed_minutes_is_not_at_the_agreed_time() -> None:
    # Agreed for 10:00, planned at 10:20: past the 15 minutes FU007 allows.
    # (Mutant: the check allows twice `agreed_minutes`.)
    history = (*SENT, _undecided("2026-12-08T10:00:00-05:00"))
    interview = Interview("Ada Lovelace", "Acme", MONDAY, interviewer=GRACE)
    due = at("2026-12-08T10:20:00-05:00")
    back = Step(
        StepKind.CALL_BACK,
        Channel.PHONE,
        Window(due, due + dt.timedelta(minutes=15)),
        due,
        "MINE",
        "My own call-back.",
    )
    found = check_plan([back], interview, history, now="2026-12-01T11:00:00-05:00")
    assert [f for f in found if f.code == "FU007"] == [
        Finding(
            "FU007",
            Severity.WARNING,
            "the call-back is not planned at the time agreed with the company (A11)",
            expected="a call-back at Tue 8 Dec 2026 10:00 EST",
            actual="Tue 8 Dec 2026 10:20 EST",
        )
    ]


# -- the engine and the sheet -------------------------------------------------


@attrs.frozen
class Rewinder:
    """Someone else's placing rule that hands back its draft in the propose phase."""

    code: ClassVar[str] = "OWN003"
    name: ClassVar[str] = "rewinder"
    summary: ClassVar[str] = "Returns its draft in another phase."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        return attrs.evolve(draft, phase=Phase.PROPOSE)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


def test_a_rule_that_returns_its_draft_in_another_phase_is_named() -> None:
    # The same steps and findings, in another phase: refused, and blamed on
    # the rule.  (Mutant: the engine checks only the facts of the draft a
    # rule returns, and the plan is made as if nothing happened.)
    with pytest.raises(RuleError) as raised:
        plan_followups(
            Interview("Ada", "Acme", MONDAY), rules=DEFAULT_RULES.extend(Rewinder())
        )
    assert str(raised.value) == (
        "rule OWN003 rewinder (test_mutants_engine_rules.Rewinder) failed in "
        "plan(): it returned a draft of other facts or phase"
    )
    assert raised.value.code == "OWN003"


def test_a_move_that_breaks_a_window_blames_the_rule_that_moves() -> None:
    # FU011 moving ME001's step so that its window ends before it starts is
    # FU011's mistake, as `moved_step` says.  (Mutant: the sheet blames the
    # rule that proposed the step.)
    sheet = Sheet(Facts.gather(Interview("Ada", "Acme", MONDAY)))
    entry = sheet.propose(
        StepKind.CALL,
        Channel.PHONE,
        (ny("2026-11-30T09:00"), ny("2026-11-30T10:00")),
        rule="ME001",
        reason="Mine.",
    )
    # The sheet's times are in UTC.
    end = ny("2026-11-30T08:00").astimezone(dt.timezone.utc)
    with pytest.raises(InvalidValueError) as raised:
        sheet.move(entry, by="FU011", end=end)
    assert str(raised.value) == (
        "window: ('2026-11-30T14:00:00+00:00', '2026-11-30T13:00:00+00:00') ends "
        "before it starts (FU011)"
    )
