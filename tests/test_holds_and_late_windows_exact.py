"""Holds, late windows and the rest of this release's edges, case by case.

Each case is one a mutant of the code got wrong while the broader tests
passed: a chain of holds read a step too far, a boundary off by a
microsecond, a condition with one half gone.  Together with
tests/test_held_is_not_late.py they pin where a held or late step goes,
what it is called, and the smaller rules the same changes brought.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    InvalidValueError,
    NoParams,
    Phase,
    RuleError,
    StepKind,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
    reminders_on,
)
from followup._html_text import shown_text
from new_york import INTERVIEW
from shell import run
from test_dropped_by_a_rule import NoneOf

THANKED = Event("thank-you-sent", "2026-11-23T10:45:00-05:00")
FOLLOWED_UP = Event("follow-up-sent", "2026-11-25T09:30:00-05:00")
SENT = (THANKED, FOLLOWED_UP)


def _hold(kind, at, until):
    return Event(kind, at, until=until)


def _step(plan, kind):
    (step,) = [s for s in plan.steps if s.kind is kind]
    return step


# (the story, the history, now, the step, the findings' codes and expected)
HOLDS = [
    (
        # Away 1-9 Dec excused the call (window closed Mon 7th) to the end of
        # Wed 16th; a pause recorded on the 20th came after: late, from the
        # window the absence put it in.
        "a hold after the excuse ran out chains nothing",
        (
            *SENT,
            _hold("away", "2026-12-01T09:00:00-05:00", dt.date(2026, 12, 9)),
            _hold("paused", "2026-12-20T09:00:00-05:00", dt.date(2026, 12, 28)),
        ),
        "2026-12-29T12:00:00-05:00",
        StepKind.CALL,
        [("FU010", "by the end of Wed 16 Dec 2026")],
    ),
    (
        # Away until Sat 12th: excused to the end of Mon 21st; a pause at its
        # last microsecond carries the hold on.
        "a hold at the excuse's last microsecond chains",
        (
            *SENT,
            _hold("away", "2026-11-27T09:00:00-05:00", dt.date(2026, 12, 12)),
            _hold("paused", "2026-12-21T23:59:59.999999-05:00", dt.date(2026, 12, 28)),
        ),
        "2026-12-29T09:00:00-05:00",
        StepKind.CALL,
        [],
    ),
    (
        # A reply's hold ends the business day after the day it names
        # (Mon 14th for Fri 11th): excused to the end of Mon 21st.
        "a reply's hold ends a business day on",
        (
            *SENT,
            _hold("replied", "2026-11-26T12:00:00-05:00", dt.date(2026, 12, 11)),
            _hold("paused", "2026-12-19T09:00:00-05:00", dt.date(2026, 12, 28)),
        ),
        "2026-12-29T12:00:00-05:00",
        StepKind.CALL,
        [],
    ),
    (
        # An absence holds no thank-you: it starts no chain for one.
        "a hold of other steps chains nothing",
        (
            _hold("away", "2026-11-23T11:00:00-05:00", dt.date(2026, 12, 9)),
            _hold("paused", "2026-11-27T12:00:00-05:00", dt.date(2026, 12, 4)),
        ),
        "2026-12-01T09:00:00-05:00",
        StepKind.THANK_YOU,
        [("FU010", "by Tue 24 Nov 2026 10:30 EST")],
    ),
    (
        # Begun at the window's very last instant: in time.
        "a hold begun as the window closes",
        (
            *SENT,
            _hold("paused", "2026-12-07T23:59:59.999999-05:00", dt.date(2026, 12, 14)),
        ),
        "2026-12-10T12:00:00-05:00",
        StepKind.CALL,
        [],
    ),
    (
        # Planned at the last microsecond of the excuse, after hours: late
        # for want of working time, not for the closed window.
        "planned at the excuse's last microsecond",
        (*SENT, _hold("replied", "2026-11-26T12:00:00-05:00", dt.date(2026, 12, 11))),
        "2026-12-21T23:59:59.999999-05:00",
        StepKind.CALL,
        [("FU011", "by the end of Mon 21 Dec 2026")],
    ),
]


@pytest.mark.parametrize(
    ("history", "now", "kind", "findings"),
    [case[1:] for case in HOLDS],
    ids=[case[0] for case in HOLDS],
)
def test_a_held_step_is_late_only_where_no_hold_excuses_it(
    history, now, kind, findings
):
    plan = plan_followups(INTERVIEW, history, now=now)
    step = _step(plan, kind)
    assert [(f.code, f.expected) for f in plan.findings] == findings
    late = any(code == "FU010" for code, _ in findings)
    assert ("FU010" in step.adjusted_by) is late
    # A late step still tells the hold that put it past its first window.
    told = not late or kind is StepKind.THANK_YOU or "FU013" in step.adjusted_by
    assert ("Held until" in step.reason) is told


def test_the_hold_that_ends_later_places_the_step_whichever_kind_it_is():
    # Away until Thu 17th; a reply naming Fri 11th holds the call only to
    # Mon 14th.  The absence, ending later, places it.
    history = (
        *SENT,
        _hold("away", "2026-12-01T09:00:00-05:00", dt.date(2026, 12, 17)),
        _hold("replied", "2026-12-02T09:00:00-05:00", dt.date(2026, 12, 11)),
    )
    call = _step(
        plan_followups(INTERVIEW, history, now="2026-12-18T12:00:00-05:00"),
        StepKind.CALL,
    )
    assert call.reason.endswith(
        "Held until Thu 17 Dec 2026: the interviewer is away until then."
    )
    assert call.window.end.isoformat() == "2026-12-24T17:00:00-05:00"


@attrs.frozen
class Slot:
    """An upload of one's own, in a window the test gives."""

    code: ClassVar[str] = "SL001"
    name: ClassVar[str] = "slot"
    summary: ClassVar[str] = "Upload in the slot."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)
    start: str = "2026-11-24T16:00:00-05:00"
    end: str = "2026-11-25T00:00:00-05:00"

    def plan(self, draft):
        step = new_step(
            draft.facts,
            StepKind.OTHER,
            Channel.EMAIL,
            (self.start, self.end),
            rule=self.code,
            reason="Upload in the slot.",
            kind_name="portfolio-upload",
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize("paused", [False, True])
def test_a_hold_ending_as_the_window_closes_excuses_nothing(paused):
    # The slot closes at midnight; the interviewer is back at that instant:
    # the hold ends with the window, not after it, and a pause recorded
    # that morning cannot chain to it.
    history = [
        THANKED,
        _hold("away", "2026-11-24T09:00:00-05:00", dt.date(2026, 11, 25)),
    ]
    if paused:
        history.append(
            _hold("paused", "2026-11-25T08:00:00-05:00", dt.date(2026, 11, 30))
        )
    now = "2026-11-26T10:00:00-05:00" if paused else "2026-11-25T10:00:00-05:00"
    plan = plan_followups(
        INTERVIEW, history, now=now, rules=DEFAULT_RULES.extend(Slot())
    )
    assert [(f.code, f.expected) for f in plan.findings] == [
        ("FU010", "by Wed 25 Nov 2026 00:00 EST")
    ]


@pytest.mark.parametrize(
    ("start", "closed"),
    [
        # A window of a weekend: its own last day, never one before it.
        ("2026-11-28T00:00:00-05:00", "Sun 29 Nov 2026"),
        # Wednesday to Sunday: its last business day, Friday.
        ("2026-11-25T00:00:00-05:00", "Fri 27 Nov 2026"),
    ],
)
def test_a_late_window_of_days_closed_at_the_end_of_its_last_business_day(
    start, closed
):
    slot = Slot(start=start, end="2026-11-29T23:59:59.999999-05:00")
    plan = plan_followups(
        INTERVIEW,
        SENT,
        now="2026-12-01T10:00:00-05:00",
        rules=DEFAULT_RULES.extend(slot),
    )
    late = [f.expected for f in plan.findings if f.step and f.step.rule == "SL001"]
    assert late == [f"by the end of {closed}"]


@pytest.mark.parametrize(
    ("kind", "change", "code"),
    [
        (StepKind.FOLLOW_UP, {"rule": "XX001"}, "FU004"),
        (StepKind.CALL, {"rule": "XX001"}, "FU006"),
        (StepKind.CALL, {"number": 2}, "FU006"),
    ],
)
def test_a_first_step_of_another_rule_s_or_this_rule_s_numbered_two_is_timed(
    kind, change, code
):
    plan = plan_followups(INTERVIEW)
    first = _step(plan, kind)
    late = attrs.evolve(
        first,
        window=attrs.evolve(first.window, end=first.window.end.add(weeks=3)),
        due=first.due.add(weeks=3),
        **change,
    )
    steps = [late if s is first else s for s in plan.steps]
    assert code in [f.code for f in check_plan(steps, INTERVIEW)]


def test_a_call_back_a_plugin_drops_is_still_timed_when_one_is_planned():
    history = [
        Event(
            "called",
            "2026-11-30T10:00:00-05:00",
            call_back_at="2026-12-03T14:00:00-05:00",
        )
    ]
    now = "2026-11-30T11:00:00-05:00"
    plan = plan_followups(INTERVIEW, history, now=now)
    back = _step(plan, StepKind.CALL_BACK)
    moved = attrs.evolve(
        back,
        due=back.due.add(days=1),
        window=attrs.evolve(back.window, end=back.window.end.add(days=1)),
    )
    steps = [moved if s is back else s for s in plan.steps]
    rules = DEFAULT_RULES.extend(NoneOf(kind=StepKind.CALL_BACK))
    found = check_plan(steps, INTERVIEW, history, now=now, rules=rules)
    assert [(f.code, f.actual) for f in found if f.code == "FU007"] == [
        ("FU007", "Fri 4 Dec 2026 14:00 EST")
    ]


@attrs.frozen
class VideoInPropose:
    """Makes the call a video call while proposing: the call stays FU006's."""

    code: ClassVar[str] = "VC002"
    name: ClassVar[str] = "video-while-proposing"
    summary: ClassVar[str] = "Video."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        for call in draft.of_kind(StepKind.CALL):
            video = attrs.evolve(
                call,
                channel=Channel.OTHER,
                channel_name="video",
                adjusted_by=(*call.adjusted_by, self.code),
            )
            draft = draft.replacing(call, video)
        return draft

    def check(self, facts, steps):
        return ()


def test_a_proposing_rule_may_change_a_step_it_keeps_the_identity_of():
    plan = plan_followups(INTERVIEW, rules=DEFAULT_RULES.extend(VideoInPropose()))
    call = _step(plan, StepKind.CALL)
    assert (call.rule, call.channel_name) == ("FU006", "video")


def test_other_may_name_a_kind_and_a_channel_of_one_s_own():
    step = plan_followups(INTERVIEW).steps[-1]
    mine = attrs.evolve(step, kind=StepKind.OTHER, kind_name="other")
    assert mine.label == "other"
    assert (
        attrs.evolve(step, channel=Channel.OTHER, channel_name="other").how == "other"
    )


def test_an_unquoted_attribute_value_ends_at_a_space():
    markup = (
        '<p>Dear Grace,</p><p><a href=https://x.example/a title="a>b">our call</a> '
        "was great.</p>"
    )
    assert shown_text(markup) == "Dear Grace,\nour call was great."


@attrs.frozen
class MailHours:
    """Places the follow-up in the two hours the recruiter reads mail."""

    code: ClassVar[str] = "MV001"
    name: ClassVar[str] = "mail-hours"
    summary: ClassVar[str] = "Mail hours."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        start, end = "2026-11-25T10:00:00-05:00", "2026-11-25T12:00:00-05:00"
        for step in draft.of_kind(StepKind.FOLLOW_UP):
            moved = moved_step(
                step, draft.facts, start=start, end=end, due=start, by=self.code
            )
            draft = draft.replacing(step, moved)
        return draft

    def check(self, facts, steps):
        return ()


def test_a_window_a_plugin_narrowed_is_not_stretched_by_working_time():
    rules = DEFAULT_RULES.extend(MailHours())
    plan = plan_followups(INTERVIEW, now="2026-11-23T12:00:00-05:00", rules=rules)
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    assert follow_up.window.end.isoformat() == "2026-11-25T12:00:00-05:00"


_BASE = dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@attrs.frozen
class Upload(Slot):
    code: ClassVar[str] = "OW001"
    name: ClassVar[str] = "own"
    start: str = _BASE.isoformat()
    end: str = (_BASE + dt.timedelta(hours=3)).isoformat()


@attrs.frozen
class Creep(MailHours):
    """Moves the upload a minute on each time, for a thousand minutes."""

    code: ClassVar[str] = "CR001"
    name: ClassVar[str] = "creep"

    def plan(self, draft):
        for step in draft.steps:
            if step.kind_name == "portfolio-upload" and step.due < _BASE + dt.timedelta(
                minutes=1000
            ):
                moved = moved_step(
                    step,
                    draft.facts,
                    due=step.due + dt.timedelta(minutes=1),
                    by=self.code,
                )
                draft = draft.replacing(step, moved)
        return draft


@attrs.frozen
class Fidget(MailHours):
    """Changes the upload's reason each time, moving nothing."""

    code: ClassVar[str] = "FD001"
    name: ClassVar[str] = "fidget"

    def plan(self, draft):
        for step in draft.steps:
            if step.kind_name == "portfolio-upload":
                draft = draft.replacing(
                    step, attrs.evolve(step, reason=step.reason + ".")
                )
        return draft


def test_rules_that_never_settle_are_named_by_their_moves_not_their_words():
    rules = DEFAULT_RULES.extend(Upload(), Creep(), Fidget())
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, now="2026-11-23T12:00:00-05:00", rules=rules)
    assert raised.value.code == "CR001"
    assert "move steps after 64 rounds: CR001 creep;" in str(raised.value)


def test_due_quotes_a_later_event_s_time_with_its_zone():
    history = (
        THANKED,
        Event("follow-up-sent", "2026-11-27T09:30:00-05:00[America/New_York]"),
    )
    with pytest.raises(
        InvalidValueError, match=r"'2026-11-27T09:30:00-05:00\[America/New_York\]'"
    ):
        reminders_on(INTERVIEW, history, on=dt.date(2026, 11, 24))


def test_a_json_lines_file_whose_last_line_has_no_line_break_is_read(tmp_path):
    from test_batch_cli import INTERVIEW as LINE  # noqa: PLC0415

    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(LINE))
    result = run("due", source, "--on", "2026-11-23")
    assert (result.returncode, result.stderr) == (0, "")
    assert "close-call" in result.stdout
