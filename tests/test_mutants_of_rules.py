"""Edits of the planning rules and engine that no other test noticed, pinned.

Each test names the careless edit it stops (file: old -> new).  They are
example tests of the case a user meets; a property where the rule says
"always".
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
    Facts,
    Interview,
    NoParams,
    Phase,
    RuleError,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
)
from followup._engine import fold
from followup._time import coerce_instant

INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)


def _codes(findings, severity=None):
    return [f.code for f in findings if severity is None or f.severity is severity]


# --- _facts.py -------------------------------------------------------------


def test_a_call_recorded_twice_as_two_equal_events_counts_once():
    # _facts.in_order: `event != ordered[index - 1]` -> `is not`: a tracker's
    # export repeats the call as a new, equal event, not the same object.
    call = Event("called", "2026-11-30T10:00:00-05:00", outcome="undecided")
    again = Event("called", "2026-11-30T10:00:00-05:00", outcome="undecided")
    assert call == again
    assert call is not again
    plan = plan_followups(INTERVIEW, [call, again], now="2026-11-30T11:00:00-05:00")
    assert [(s.kind, s.number) for s in plan.steps] == [(StepKind.CALL_BACK, 1)]


# --- rules/close_call.py ---------------------------------------------------


def test_no_close_of_the_call_is_asked_for_once_the_company_decided_during_it():
    # close_call.check: `and facts.decision is None` dropped from `under_way`.
    offer = Event("decision-received", "2026-11-23T10:10:00-05:00", outcome="offer")
    findings = check_plan([], INTERVIEW, [offer], now="2026-11-23T10:15:00-05:00")
    assert "FU001" not in _codes(findings)


# --- rules/_shared.py: called_again ----------------------------------------


def test_after_a_decision_a_kept_plans_call_is_fu009s_alone_to_flag():
    # _shared.called_again: `facts.decision is not None or` dropped: FU006
    # would say "planned again" beside FU009's "the company has decided".
    plan = plan_followups(INTERVIEW)
    call = Event("called", "2026-11-30T09:05:00-05:00", outcome="undecided")
    rejected = Event(
        "decision-received", "2026-12-02T09:00:00-05:00", outcome="rejected"
    )
    findings = check_plan(plan, history=[call, rejected])
    assert _codes(findings, Severity.ERROR) == ["FU009"]


# --- rules/call_back.py ----------------------------------------------------


def test_an_agreed_call_back_checked_at_its_very_time_still_warns_of_the_absence():
    # call_back.check: `instant_key(agreed) >= instant_key(facts.now)` -> `>`:
    # the plan made at the agreed minute warns, and so does its check.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T10:00:00-05:00",
    )
    away = Event("away", "2026-11-30T12:00:00-05:00", until="2026-12-04")
    plan = plan_followups(INTERVIEW, [call, away], now="2026-12-02T10:00:00-05:00")
    warned = [f.message for f in plan.findings if f.code == "FU007"]
    assert len(warned) == 1
    assert "falls while the interviewer is away" in warned[0]
    checked = check_plan(plan, history=[call, away])
    assert [f.message for f in checked if f.code == "FU007"] == warned


# --- rules/phone_call.py ----------------------------------------------------


def test_a_late_first_call_says_weeks_for_any_whole_number_of_weeks():
    # phone_call._latest: `days % 7 == 0` -> `days == 14`.
    rules = DEFAULT_RULES.configure("FU006", latest_days=21)
    at = coerce_instant("2026-12-16T10:00:00-05:00[America/New_York]", "at")
    call = Step(StepKind.CALL, Channel.PHONE, Window(at, at), at, "FU006", "late")
    messages = [f.message for f in check_plan([call], INTERVIEW, rules=rules)]
    assert "the call comes later than 3 weeks after the interview (A10)" in messages


# --- rules/_shared.py: keeps_agreed_time ------------------------------------


def test_a_call_back_whose_window_ends_at_the_agreed_time_keeps_it():
    # _shared.keeps_agreed_time: `<= instant_key(step.window.end)` -> `<`: a
    # window that closes on the agreed minute holds it.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T20:00:00-05:00",
    )
    opens = coerce_instant("2026-12-02T19:00:00-05:00[America/New_York]", "at")
    agreed = coerce_instant("2026-12-02T20:00:00-05:00[America/New_York]", "at")
    back = Step(
        StepKind.CALL_BACK, Channel.PHONE, Window(opens, agreed), agreed, "FU007", "x"
    )
    findings = check_plan([back], INTERVIEW, [call], now="2026-11-30T11:00:00-05:00")
    assert "FU011" not in _codes(findings)


# --- plugins' steps ----------------------------------------------------------


@attrs.frozen
class _Booked:
    """A step booked by a scheduling link: a call, or a call-back, at `at`."""

    code: ClassVar[str] = "BK001"
    name: ClassVar[str] = "booked"
    summary: ClassVar[str] = "A call booked with the company."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)
    at: str = "2026-11-24T10:00:00-05:00"
    kind: StepKind = StepKind.CALL
    number: int = 2
    agreed: bool = True

    def plan(self, draft):
        step = new_step(
            draft.facts,
            self.kind,
            Channel.PHONE,
            (self.at, self.at),
            rule=self.code,
            reason="Booked.",
            agreed=self.agreed,
            number=self.number,
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


def test_a_call_a_plugin_booked_before_the_follow_up_passes_fu012_as_planned():
    # spacing.check: `and not keeps_agreed_time(facts, step)` dropped: the
    # plugin's agreed call keeps its time in planning, and so in checking.
    rules = DEFAULT_RULES.extend(_Booked())
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00", rules=rules)
    (booked,) = [s for s in plan.steps if s.rule == "BK001"]
    assert booked.due.isoformat() == "2026-11-24T10:00:00-05:00"
    assert "FU012" not in _codes(check_plan(plan, rules=rules))


def test_a_plugins_second_call_back_beside_the_agreed_one_is_spaced_as_any_call():
    # call_frequency._exempt: `step.number == len(facts.calls)` -> `>=`: only
    # the call-back after the call that agreed a time is exempt.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T10:00:00-05:00",
    )
    second = _Booked(
        at="2026-12-03T10:00:00-05:00", kind=StepKind.CALL_BACK, agreed=False
    )
    rules = DEFAULT_RULES.configure("FU008", max_calls=5).extend(second)
    plan = plan_followups(
        INTERVIEW, [call], now="2026-11-30T11:00:00-05:00", rules=rules
    )
    by_number = {s.number: s for s in plan.steps if s.kind is StepKind.CALL_BACK}
    assert by_number[1].due.isoformat() == "2026-12-02T10:00:00-05:00"
    assert by_number[2].due.isoformat() == "2026-12-09T09:00:00-05:00"
    assert "FU008" in by_number[2].adjusted_by


def test_a_call_back_agreed_for_the_first_minute_the_interviewer_is_back_is_not_doubted():
    # call_back._agreed_while_away: `at < start_of(back)` -> `<=`: the day
    # back starts at its midnight, which the absence no longer covers.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-04T00:00:00-05:00",
    )
    away = Event("away", "2026-11-30T12:00:00-05:00", until="2026-12-04")
    plan = plan_followups(INTERVIEW, [call, away], now="2026-11-30T13:00:00-05:00")
    assert "FU007" not in _codes(plan.findings)
    assert "FU007" not in _codes(check_plan(plan, history=[call, away]))


def test_a_plan_for_a_passed_call_back_time_passes_fu007s_check():
    # call_back.check: `or instant_key(agreed) < instant_key(facts.now)`
    # dropped: a time that has passed is planned at the next working time,
    # with the plan's warning; the check does not also ask for the agreed time.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T10:00:00-05:00",
    )
    plan = plan_followups(INTERVIEW, [call], now="2026-12-03T10:00:00-05:00")
    assert any("has passed" in f.message for f in plan.findings if f.code == "FU007")
    checked = check_plan(plan, history=[call])
    assert not any("not planned at the time agreed" in f.message for f in checked)


def test_a_thank_you_planned_again_is_to_be_removed_not_also_judged():
    # thank_you.check: `for step in () if again else thanks` -> `in thanks`.
    at = coerce_instant("2026-11-23T10:40:00-05:00[America/New_York]", "at")
    phoned = Step(StepKind.THANK_YOU, Channel.PHONE, Window(at, at), at, "FU003", "x")
    sent = Event("thank-you-sent", "2026-11-23T11:00:00-05:00")
    findings = [
        f
        for f in check_plan(
            [phoned], INTERVIEW, [sent], now="2026-11-23T11:00:00-05:00"
        )
        if f.code == "FU003"
    ]
    assert [(f.severity, "planned again" in f.message) for f in findings] == [
        (Severity.ERROR, True)
    ]


@attrs.frozen
class _MyFollowUp:
    code: ClassVar[str] = "MF001"
    name: ClassVar[str] = "my-follow-up"
    summary: ClassVar[str] = "A follow-up letter of my own, whatever happened."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        window = ("2026-11-26T09:00:00-05:00", "2026-11-26T17:00:00-05:00")
        return draft.proposing(
            new_step(draft.facts, StepKind.FOLLOW_UP, Channel.EMAIL, window,
                     rule=self.code, reason="Mine.", number=2)
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize(
    ("event", "did"),
    [
        (
            Event("follow-up-sent", "2026-11-25T09:00:00-05:00"),
            "the follow-up was sent",
        ),
        (Event("replied", "2026-11-24T09:00:00-05:00"), "the interviewer replied"),
    ],
)
def test_a_follow_up_of_a_plugins_is_dropped_once_the_history_is_done_with_it(
    event, did
):
    # decision._work: `drop_covered(sheet, self.code, StepKind.FOLLOW_UP)`
    # dropped: a letter is not sent twice, whoever proposed it (FU009).
    rules = DEFAULT_RULES.extend(_MyFollowUp())
    plan = plan_followups(INTERVIEW, [event], now=event.at, rules=rules)
    assert StepKind.FOLLOW_UP not in [s.kind for s in plan.steps]
    (info,) = [f for f in plan.findings if f.code == "FU009"]
    assert info.message.startswith(
        f"the follow-up MF001 proposed is not planned: {did}"
    )


def test_of_two_holds_over_an_open_window_the_later_puts_the_step_and_says_why():
    # late_steps._held_whole: `max(ends, default=None)` -> `min`: away until
    # Tue 1 Dec, paused until Tue 8 Dec, the follow-up's window open at now.
    away = Event("away", "2026-11-24T09:00:00-05:00", until="2026-12-01")
    pause = Event("paused", "2026-11-24T09:30:00-05:00", until="2026-12-08")
    plan = plan_followups(INTERVIEW, [away, pause], now="2026-11-25T10:00:00-05:00")
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert "Held until Tue 8 Dec 2026: you paused the follow-up" in follow_up.reason
    assert "away" not in follow_up.reason
    assert follow_up.window.end.isoformat() == "2026-12-09T17:00:00-05:00"


@attrs.frozen
class _Visit:
    code: ClassVar[str] = "SV001"
    name: ClassVar[str] = "site-visit"
    summary: ClassVar[str] = "A site visit on the weekend."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        window = ("2026-11-28T10:00:00-05:00", "2026-11-29T10:00:00-05:00")
        return draft.proposing(
            new_step(draft.facts, StepKind.OTHER, Channel.OTHER, window,
                     rule=self.code, reason="Visit.", kind_name="site-visit",
                     channel_name="in-person")
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


def test_a_late_step_is_said_late_once_whatever_the_order_of_the_placing_rules():
    # working_time._into_working_time: `first == facts.now_utc` -> `<=`: a
    # window wholly past, rolled by FU011 before FU010 ran, is FU010's to
    # call late; FU011 speaks only of what was left at now.
    rules = DEFAULT_RULES.extend(_Visit()).reordered("FU011")
    plan = plan_followups(INTERVIEW, now="2026-12-01T10:00:00-05:00", rules=rules)
    late = [
        f.code for f in plan.findings if f.message.startswith("the site-visit is late")
    ]
    assert late == ["FU010"]


def test_a_thank_you_held_to_the_minute_its_window_closes_keeps_its_day_to_go_out():
    # late_steps._held_whole: `hold.moment >= entry.end` -> `>`: the call
    # ends at midnight, the pause ends at the midnight the window closes.
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T23:30:00-05:00[America/New_York]"
    )
    pause = Event("paused", "2026-11-24T07:00:00-05:00", until="2026-11-25")
    plan = plan_followups(interview, [pause], now="2026-11-24T08:00:00-05:00")
    (thanks,) = [s for s in plan.steps if s.kind is StepKind.THANK_YOU]
    assert (thanks.window.start.isoformat(), thanks.window.end.isoformat()) == (
        "2026-11-25T00:00:00-05:00",
        "2026-11-26T00:00:00-05:00",
    )


@attrs.frozen
class _LaterCall:
    code: ClassVar[str] = "BK002"
    name: ClassVar[str] = "later-call"
    summary: ClassVar[str] = "A second call, due late in its window."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    window: tuple[str, str] = ("2026-12-07T00:00:00-05:00", "2026-12-07T17:00:00-05:00")
    due: str = "2026-12-07T10:00:00-05:00"

    def plan(self, draft):
        return draft.proposing(
            new_step(draft.facts, StepKind.CALL, Channel.PHONE, self.window,
                     due=self.due, rule=self.code, reason="Mine.", number=2)
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


def test_fu008_never_moves_a_call_earlier_than_it_is_due():
    # call_frequency._work: `elif entry.start < opens` -> `<=`: the window
    # opens exactly a week after the last call, the call due at 10:00.
    call = Event("called", "2026-11-30T10:00:00-05:00", outcome="undecided")
    rules = DEFAULT_RULES.ignore("FU007").extend(_LaterCall())
    plan = plan_followups(
        INTERVIEW, [call], now="2026-11-30T11:00:00-05:00", rules=rules
    )
    (later,) = [s for s in plan.steps if s.rule == "BK002"]
    assert later.due.isoformat() == "2026-12-07T10:00:00-05:00"
    assert "FU008" not in later.adjusted_by


def test_a_reply_that_will_decide_on_a_holiday_does_not_name_it_as_skipped():
    # waiting.holds_of: `skipped_days(facts, decide_by + 1 day, after)` ->
    # `(facts, decide_by, after)`: the day they decide by is theirs, not a
    # day the hold passed over.  Christmas, Fri 25 Dec 2026.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact(name="Bo", country="US", timezone="America/New_York"),
    )
    reply = Event("replied", "2026-11-24T09:00:00-05:00", until="2026-12-25")
    plan = plan_followups(interview, [reply], now="2026-11-24T10:00:00-05:00")
    (call,) = [s for s in plan.steps if s.kind is StepKind.CALL]
    assert "Held until Mon 28 Dec 2026: they said they would decide by" in call.reason
    assert "Christmas" not in call.reason


@attrs.frozen
class _AgreedSlot:
    code: ClassVar[str] = "SL001"
    name: ClassVar[str] = "agreed-slot"
    summary: ClassVar[str] = "A call in a two-hour slot the company agreed."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        window = ("2026-11-30T09:00:00-05:00", "2026-11-30T11:00:00-05:00")
        return draft.proposing(
            new_step(draft.facts, StepKind.CALL, Channel.PHONE, window,
                     rule=self.code, reason="Slot.", number=2, agreed=True)
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


def test_an_agreed_step_open_at_now_keeps_its_time_through_an_absence():
    # late_steps._work: `None if entry.agreed else _held_whole(...)` ->
    # `_held_whole(...)`: a time agreed with the company is kept, as FU013
    # keeps it; FU010 only cuts off the part that has passed.
    away = Event("away", "2026-11-30T09:30:00-05:00", until="2026-12-04")
    rules = DEFAULT_RULES.extend(_AgreedSlot())
    plan = plan_followups(
        INTERVIEW, [away], now="2026-11-30T09:45:00-05:00", rules=rules
    )
    (slot,) = [s for s in plan.steps if s.rule == "SL001"]
    assert (slot.window.start.isoformat(), slot.window.end.isoformat()) == (
        "2026-11-30T09:45:00-05:00",
        "2026-11-30T11:00:00-05:00",
    )
    assert slot.adjusted_by == ()


US_INTERVIEW_ON_THANKSGIVING = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-26T10:00:00-05:00[America/New_York]",
    interviewer=Contact(name="Bo", country="US", timezone="America/New_York"),
)


def test_fu012_does_not_name_the_day_of_the_thank_you_among_the_days_it_skipped():
    # spacing._gap: `skipped_days(facts, since + _ONE_DAY, landing)` ->
    # `(facts, since, landing)`: the thank-you goes out on Thanksgiving, the
    # day of the interview; the days counted after it skip no holiday.
    rules = DEFAULT_RULES.configure("FU012", follow_up_after=5)
    plan = plan_followups(US_INTERVIEW_ON_THANKSGIVING, rules=rules)
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert "Moved to 5 business days after the thank-you," in follow_up.reason
    assert "Thanksgiving" not in follow_up.reason.split("Moved to 5")[1]


def test_a_late_window_over_christmas_and_a_weekend_closed_on_the_last_working_day():
    # _shared.window_closed: `_SEARCH_BACK = 14` -> `2`: the call's window
    # ends on Sun 27 Dec 2026; Sat, Sun and Christmas (Fri) are off.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-12-13T10:00:00-05:00[America/New_York]",
        interviewer=Contact(name="Bo", country="US", timezone="America/New_York"),
    )
    plan = plan_followups(interview, now="2026-12-28T10:00:00-05:00")
    (late,) = [
        f
        for f in plan.findings
        if f.message == "the call is late: better late than never"
    ]
    assert late.expected == "by the end of Thu 24 Dec 2026"


class _Once:
    """A check that returns one Finding, not an iterable of them."""

    code: ClassVar[str] = "ON001"
    name: ClassVar[str] = "one-finding"
    summary: ClassVar[str] = "A rule whose check returns a Finding."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params = NoParams()

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        from followup import Finding  # noqa: PLC0415

        return Finding(self.code, Severity.INFO, "one")


def test_a_check_returning_one_finding_is_told_it_returned_no_findings():
    # _engine._findings: `(str, bytes, Finding)` -> `(str, bytes)`: iterating
    # a Finding fails with a TypeError that names nothing useful.
    rules = DEFAULT_RULES.extend(_Once())
    with pytest.raises(RuleError, match=r"returned Finding .*not findings"):
        check_plan(plan_followups(INTERVIEW), rules=rules)


def test_fu008_opens_a_window_due_just_a_week_on_at_that_week_and_keeps_its_end():
    # call_frequency._work: `entry.start < opens <= entry.due` -> `< entry.due`:
    # due on the minute a week after the last call, only the window's start
    # moves; the whole window moving would push its end a day on.
    call = Event("called", "2026-11-30T10:00:00-05:00", outcome="undecided")
    later = _LaterCall(
        window=("2026-12-06T00:00:00-05:00", "2026-12-07T17:00:00-05:00"),
        due="2026-12-07T00:00:00-05:00",
    )
    rules = DEFAULT_RULES.ignore("FU007").extend(later)
    plan = plan_followups(
        INTERVIEW, [call], now="2026-11-30T11:00:00-05:00", rules=rules
    )
    (step,) = [s for s in plan.steps if s.rule == "BK002"]
    assert step.window.end.isoformat() == "2026-12-07T17:00:00-05:00"


def test_an_emailed_thank_you_is_fine_when_the_rule_plans_a_printed_one():
    # thank_you.check: `{Channel.EMAIL, self.params.channel}` -> `{channel}`:
    # email is what the advice says (A3), whatever the configured channel.
    rules = DEFAULT_RULES.configure("FU003", channel="printed-letter")
    at = coerce_instant("2026-11-23T10:40:00-05:00[America/New_York]", "at")
    emailed = Step(StepKind.THANK_YOU, Channel.EMAIL, Window(at, at), at, "FU003", "x")
    findings = check_plan(
        [emailed], INTERVIEW, rules=rules, now="2026-11-23T10:35:00-05:00"
    )
    assert "FU003" not in _codes(findings)


def test_a_plugins_step_not_agreed_is_checked_like_any_other():
    # _shared.agreed_by_its_rule: `step.agreed and` dropped: only the rule's
    # word (its agreed flag) exempts its step from working time.
    rules = DEFAULT_RULES.extend(_Booked(agreed=False))
    at = coerce_instant("2026-12-05T10:00:00-05:00[America/New_York]", "at")  # Saturday
    saturday = Step(
        StepKind.CALL, Channel.PHONE, Window(at, at), at, "BK001", "Booked.", number=2
    )
    findings = check_plan(
        [saturday], INTERVIEW, rules=rules, now="2026-11-23T10:35:00-05:00"
    )
    assert "FU011" in _codes(findings)


def test_an_absence_recorded_at_the_instant_of_the_call_still_doubts_the_call_back():
    # call_back._agreed_while_away: `event.at < last.at` -> `<=`: an absence
    # recorded with the call (same instant) is not before it.
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T10:00:00-05:00",
    )
    away = Event("away", "2026-11-30T10:00:00-05:00", until="2026-12-04")
    plan = plan_followups(INTERVIEW, [call, away], now="2026-11-30T11:00:00-05:00")
    assert any(
        "falls while the interviewer is away" in f.message for f in plan.findings
    )


@attrs.frozen
class _Call:
    """A call of a plugin's own, with its window and due time."""

    code: str = "CL001"
    number: int = 1
    window: tuple[str, str] = ("2026-11-30T09:00:00-05:00", "2026-12-04T17:00:00-05:00")
    due: str = "2026-12-02T10:00:00-05:00"
    name: str = "call-of-my-own"
    summary: ClassVar[str] = "A call of my own."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        return draft.proposing(
            new_step(draft.facts, StepKind.CALL, Channel.PHONE, self.window,
                     due=self.due, rule=self.code, reason="Mine.",
                     number=self.number)
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


def test_fu008_counts_the_next_call_from_when_the_last_is_due():
    # call_frequency._work: `previous = entry.due` -> `entry.start`: the first
    # call is due Wed 2 Dec (its window opens Mon 30 Nov), so the second
    # waits until Wed 9 Dec, not Mon 7 Dec.
    second = _Call(
        code="CL002",
        name="second-call-of-my-own",
        number=2,
        window=("2026-12-08T09:00:00-05:00", "2026-12-10T17:00:00-05:00"),
        due="2026-12-08T10:00:00-05:00",
    )
    rules = DEFAULT_RULES.ignore("FU006").extend(_Call(), second)
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:35:00-05:00", rules=rules)
    (later,) = [s for s in plan.steps if s.rule == "CL002"]
    assert later.due.isoformat() == "2026-12-09T09:00:00-05:00"


def test_the_call_counts_from_the_follow_up_where_fu012_just_moved_it():
    # spacing._work: `if sheet.changes != before:` -> `if False:`: after moving
    # the follow-up to Thu 14 Aug, the call is spaced from there in the same
    # turn (to Mon 18 Aug), and its reason says why, not only FU011's move.
    interview = Interview(
        "Ada Lovelace", "Acme", "2025-08-10T19:27:00-05:00[America/Chicago]"
    )
    plan = plan_followups(interview, now="2025-08-13T07:28:00-05:00")
    (call,) = [s for s in plan.steps if s.kind is StepKind.CALL]
    assert call.due.isoformat() == "2025-08-18T09:00:00-05:00"
    assert call.adjusted_by == ("FU012", "FU011")
    assert call.reason.endswith(
        "Moved to 2 business days after the follow-up, so that the letter can be "
        "answered before the phone rings (A10)."
    )


def _due_setter(code: str, name: str, hours: int):
    """A placing rule that puts the thank-you due `hours` after its window opens."""

    @attrs.frozen
    class DueSetter:
        params: NoParams = attrs.field(factory=NoParams)

        def plan(self, draft):
            for step in draft.of_kind(StepKind.THANK_YOU):
                due = step.window.start + dt.timedelta(hours=hours)
                if step.due != due:
                    moved = moved_step(step, draft.facts, by=self.code, due=due)
                    draft = draft.replacing(step, moved)
            return draft

        def check(self, facts, steps):
            return ()

    DueSetter.code, DueSetter.name, DueSetter.summary = code, name, "Sets a due time."
    DueSetter.advice, DueSetter.phase = (), Phase.PLACE
    return DueSetter()


@pytest.mark.parametrize("path", ["work", "fold"])
def test_rules_moving_a_due_time_back_and_forth_are_told_so_on_both_paths(path):
    # _engine.fold: `times()` without `step.due`: the fold of drafts (the
    # reference the sheet is held to) would see no step move, and run on to
    # the 64th round with another message than `plan_followups` gives.
    rules = DEFAULT_RULES.extend(
        _due_setter("DA001", "due-at-start", 0),
        _due_setter("DB001", "due-an-hour-on", 1),
    )
    facts = Facts.gather(INTERVIEW, (), None, rules.calendar)
    planning = {
        "work": lambda: plan_followups(INTERVIEW, rules=rules),
        "fold": lambda: fold(rules, facts),
    }[path]
    with pytest.raises(RuleError, match="these rules move steps back and forth"):
        planning()
