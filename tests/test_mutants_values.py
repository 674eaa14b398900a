"""Values where a hand-made mutant of the code went unseen, each pinned by example.

JSON read back (tuples, bytearrays, strict numbers), a plan's order of
steps at one instant, pickles of findings and events, events that differ
only in the fold of a repeated hour, the order of events at one instant,
what `Facts` reads from the history, and what `followup.testing` promises.
"""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    Facts,
    Finding,
    FollowUpPlan,
    Interview,
    InvalidValueError,
    Phase,
    Step,
    StepKind,
    Window,
    new_step,
)
from followup._draft import Draft
from followup.json import (
    InvalidDocumentError,
    from_json,
    structure,
    to_json,
    unstructure,
)
from followup.testing import (
    ZONE_NAMES,
    Situation,
    assert_rule_keeps_the_contract,
    histories,
    situations,
    transitions,
)

NEW_YORK = "America/New_York"
AT = f"2026-11-23T10:00:00-05:00[{NEW_YORK}]"
INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
NOW = f"2026-12-20T10:00:00-05:00[{NEW_YORK}]"
TUESDAY = f"2026-11-24T10:00:00-05:00[{NEW_YORK}]"
WEDNESDAY = f"2026-11-25T10:00:00-05:00[{NEW_YORK}]"
WIDE = Window(
    f"2026-11-24T09:00:00-05:00[{NEW_YORK}]", f"2026-11-26T17:00:00-05:00[{NEW_YORK}]"
)
# 01:30 comes twice in London on 25 October 2026: first in summer time.
FIRST_0130 = "2026-10-25T01:30:00+01:00[Europe/London]"
SECOND_0130 = "2026-10-25T01:30:00+00:00[Europe/London]"
LONDON_CALL = "2026-10-25T00:30:00+01:00[Europe/London]"


def _step(kind: str, number: int, due: str, channel: str = "phone") -> Step:
    return Step(kind, channel, WIDE, due, rule="ME1", reason="r", number=number)


# --- json.py -----------------------------------------------------------------


def test_a_tuple_of_events_is_read_back_as_a_tuple() -> None:
    # `_sequence_hook` makes what the type asks for: a tuple, not a list.
    event = Event("thank-you-sent", TUESDAY)
    again = from_json(to_json((event,)), tuple[Event, ...])
    assert type(again) is tuple
    assert again == (event,)
    assert from_json("[]", tuple[Event, ...]) == ()


def test_plain_data_from_python_may_hold_a_tuple_for_an_array() -> None:
    # A tuple is an array in plain data from Python, as a list is.
    event = Event("thank-you-sent", TUESDAY)
    assert structure((unstructure(event),), list[Event]) == [event]


def test_true_is_no_whole_number() -> None:
    # bool is a subclass of int; the strict hook refuses it all the same.
    with pytest.raises(InvalidDocumentError) as caught:
        structure(True, int)  # noqa: FBT003 - the value under test
    assert caught.value.problems == ["$: expected int, got bool True"]


# --- _plan.py ------------------------------------------------------------------


def test_a_plan_sorts_its_steps_by_due_then_stage_then_number() -> None:
    # Due first; at one instant the advice's order (a thank-you before a
    # call) comes before the number, and the number orders the calls.
    second_call = _step("call", 2, WEDNESDAY)
    second_thanks = _step("thank-you", 2, WEDNESDAY, channel="email")
    first_call = _step("call", 1, WEDNESDAY)
    letter = _step("follow-up", 1, TUESDAY, channel="email")
    plan = FollowUpPlan(
        INTERVIEW,
        (second_call, second_thanks, first_call, letter),
        (),
        (),
        AT,
    )
    assert plan.steps == (letter, second_thanks, first_call, second_call)


def test_a_plan_passes_with_warnings_and_fails_with_an_error() -> None:
    # `passes` is false for an ERROR alone, not for every finding but INFO.
    warned = Finding("ME1", "warning", "late")
    failed = Finding("ME1", "error", "wrong")
    assert FollowUpPlan(INTERVIEW, (), (warned,), (), AT).passes
    assert not FollowUpPlan(INTERVIEW, (), (warned, failed), (), AT).passes


def test_a_finding_about_the_second_step_pickles_as_that_step() -> None:
    # Within a plan a finding names its step by index: index 1 is steps[1].
    first = _step("call", 1, TUESDAY)
    second = _step("call", 2, WEDNESDAY)
    finding = Finding("ME1", "info", "noted", step=second)
    plan = FollowUpPlan(INTERVIEW, (first, second), (finding,), (), AT)
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan
    assert again.findings[0].step is again.steps[1]


def test_a_plan_made_as_of_after_2199_is_refused() -> None:
    # `as_of` is a moment of planning: it ends with 2199, though a plan's
    # steps may lie in 2200 and later (`LATEST_PLANNED`).
    with pytest.raises(InvalidValueError) as caught:
        FollowUpPlan(INTERVIEW, (), (), (), "2200-06-01T00:00:00+00:00")
    assert caught.value.field == "FollowUpPlan.as_of"


def test_a_window_moved_keeps_both_ends_on_its_starts_calendar() -> None:
    # A window whose ends are in two zones moves onto its start's zone.
    window = Window(
        "2026-11-24T15:00:00+01:00[Europe/Paris]",
        f"2026-11-24T10:00:00-05:00[{NEW_YORK}]",
    )
    moved = window.moved_to("2026-11-25T12:00:00+00:00")
    assert moved.start.timezone_name == "Europe/Paris"
    assert moved.end.timezone_name == "Europe/Paris"
    assert moved.end.isoformat() == "2026-11-25T14:00:00+01:00"


# --- _draft.py -----------------------------------------------------------------


def test_steps_proposed_later_come_after_those_proposed_first() -> None:
    # `proposing` appends: the draft keeps the order the rules proposed in.
    facts = Facts.gather(INTERVIEW)
    first = new_step(
        facts, "call", "phone", (WEDNESDAY, WEDNESDAY), rule="ME1", reason="r"
    )
    then = new_step(
        facts, "call", "phone", (TUESDAY, TUESDAY), rule="ME1", reason="r", number=2
    )
    draft = Draft(facts).proposing(first).proposing(then)
    assert draft.steps[0] is first
    assert draft.steps[1] is then


# --- _history.py ---------------------------------------------------------------


def test_events_at_the_two_0130s_of_a_repeated_hour_differ() -> None:
    # Compared as instants: the fold tells the two apart, wall times do not.
    assert Event("thank-you-sent", FIRST_0130) != Event("thank-you-sent", SECOND_0130)
    first = Event("called", LONDON_CALL, outcome="undecided", call_back_at=FIRST_0130)
    second = Event("called", LONDON_CALL, outcome="undecided", call_back_at=SECOND_0130)
    assert first != second


def test_a_pickled_event_keeps_its_call_back_fold_and_its_until() -> None:
    # Every field of an event comes back from a pickle, the fold included.
    call = Event("called", LONDON_CALL, outcome="undecided", call_back_at=SECOND_0130)
    again = pickle.loads(pickle.dumps(call))
    assert again == call
    assert again.call_back_at is not None
    assert again.call_back_at.fold == 1
    assert again.call_back_at.isoformat() == "2026-10-25T01:30:00+00:00"
    reply = Event("replied", TUESDAY, until=dt.date(2026, 12, 4))
    assert pickle.loads(pickle.dumps(reply)).until == dt.date(2026, 12, 4)


def test_until_is_checked_against_the_day_of_the_event_in_its_own_zone() -> None:
    # 23:30 in New York on 1 December is 2 December in UTC: until 1 December
    # is the day of the event, not a day before it.
    late = Event(
        "replied", f"2026-12-01T23:30:00-05:00[{NEW_YORK}]", until="2026-12-01"
    )
    assert late.until == dt.date(2026, 12, 1)


# --- _facts.py -----------------------------------------------------------------


def _history(events: list[Event]) -> tuple[Event, ...]:
    return Facts.gather(INTERVIEW, events, NOW).history


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            # By kind: "follow-up-sent" < "thank-you-sent".
            [Event("thank-you-sent", TUESDAY), Event("follow-up-sent", TUESDAY)],
            [Event("follow-up-sent", TUESDAY), Event("thank-you-sent", TUESDAY)],
            id="kind",
        ),
        pytest.param(
            # By call-back: none first, then the earlier call-back.
            [
                Event(
                    "called",
                    TUESDAY,
                    call_back_at=f"2026-11-27T10:00:00-05:00[{NEW_YORK}]",
                ),
                Event("called", TUESDAY, call_back_at=WEDNESDAY),
                Event("called", TUESDAY),
            ],
            [
                Event("called", TUESDAY),
                Event("called", TUESDAY, call_back_at=WEDNESDAY),
                Event(
                    "called",
                    TUESDAY,
                    call_back_at=f"2026-11-27T10:00:00-05:00[{NEW_YORK}]",
                ),
            ],
            id="call-back",
        ),
        pytest.param(
            # By channel: none first, then "email" < "printed-letter".
            [
                Event("follow-up-sent", TUESDAY, channel="printed-letter"),
                Event("follow-up-sent", TUESDAY, channel="email"),
                Event("follow-up-sent", TUESDAY),
            ],
            [
                Event("follow-up-sent", TUESDAY),
                Event("follow-up-sent", TUESDAY, channel="email"),
                Event("follow-up-sent", TUESDAY, channel="printed-letter"),
            ],
            id="channel",
        ),
        pytest.param(
            # By until: none first, then the earlier day.
            [
                Event("replied", TUESDAY, until="2026-12-10"),
                Event("replied", TUESDAY, until="2026-12-05"),
                Event("replied", TUESDAY),
            ],
            [
                Event("replied", TUESDAY),
                Event("replied", TUESDAY, until="2026-12-05"),
                Event("replied", TUESDAY, until="2026-12-10"),
            ],
            id="until",
        ),
    ],
)
def test_events_at_one_instant_are_ordered_by_what_they_say(
    events: list[Event], expected: list[Event]
) -> None:
    # The order at one instant does not depend on the caller's order.
    assert list(_history(events)) == expected
    assert list(_history(events[::-1])) == expected


def test_the_decision_is_the_latest_one_heard() -> None:
    # A next round, then an offer: the offer is where things stand.
    next_round = Event("decision-received", TUESDAY, outcome="next-round")
    offer = Event("decision-received", WEDNESDAY, outcome="offer")
    for history in ([next_round, offer], [offer, next_round]):
        assert Facts.gather(INTERVIEW, history, NOW).decision == offer


def test_until_is_read_from_the_latest_event_of_its_kind() -> None:
    # The latest absence says when the interviewer is back; a later reply
    # naming no day leaves none.
    facts = Facts.gather(
        INTERVIEW,
        [
            Event("away", TUESDAY, until="2026-12-01"),
            Event("away", WEDNESDAY, until="2026-11-28"),
            Event("replied", TUESDAY, until="2026-12-03"),
            Event("replied", WEDNESDAY),
        ],
        NOW,
    )
    assert facts.until(Event("away", TUESDAY, until="2026-12-01").kind) == dt.date(
        2026, 11, 28
    )
    assert facts.until(Event("replied", TUESDAY).kind) is None


def test_the_last_call_is_the_latest_and_no_answer_leaves_us_waiting() -> None:
    # `last_call` is the latest call; a call no one answered keeps the
    # company to be heard from, as an undecided one does.
    first = Event("called", TUESDAY, outcome="undecided", call_back_at=WEDNESDAY)
    unanswered = Event("called", WEDNESDAY, outcome="no-answer")
    facts = Facts.gather(INTERVIEW, [first, unanswered], NOW)
    assert facts.last_call == unanswered
    assert facts.agreed_call_back is None
    assert facts.waiting_on_company


def test_the_interview_day_and_its_week_are_the_recipients() -> None:
    # 02:00 on Monday 27 December 2021 in Dubai is still Sunday in UTC.  The
    # week of that Monday holds 1 January 2022, when the Emirates' weekend
    # moved to Saturday and Sunday: Friday (old weekend), Saturday and Sunday
    # are off, so Monday to Thursday work.  The week before (UTC's Sunday)
    # worked Sunday to Thursday.
    grace = Contact("Grace", country="AE", timezone="Asia/Dubai")
    interview = Interview(
        "Ada", "Acme", "2021-12-27T02:00:00+04:00[Asia/Dubai]", interviewer=grace
    )
    facts = Facts.gather(interview)
    assert facts.interview_day == dt.date(2021, 12, 27)
    assert facts.weekdays == frozenset({0, 1, 2, 3})


# --- testing.py ----------------------------------------------------------------


def test_the_zone_names_leave_out_the_two_that_name_no_place() -> None:
    # "Every IANA zone name but the two that name no place."
    assert "localtime" not in ZONE_NAMES
    assert "Factory" not in ZONE_NAMES
    assert "Europe/Paris" in ZONE_NAMES


def test_transitions_are_found_to_the_minute() -> None:
    # New York in 2026: 2:00 EST on 8 March (07:00 UTC) and 2:00 EDT on
    # 1 November (06:00 UTC).
    utc = dt.timezone.utc
    assert transitions(NEW_YORK, 2026) == (
        dt.datetime(2026, 3, 8, 7, 0, tzinfo=utc),
        dt.datetime(2026, 11, 1, 6, 0, tzinfo=utc),
    )


@settings(max_examples=300, deadline=None)
@given(histories(INTERVIEW))
def test_a_drawn_history_is_strictly_in_order_and_ends_at_a_decision(
    drawn: tuple[list[Event], dt.datetime],
) -> None:
    # "Up to five events after the interview, oldest first"; "a decision,
    # received or heard on a call, ends the history".
    interview, (events, now) = INTERVIEW, drawn
    moments = [interview.ends_at.timestamp()] + [e.at.timestamp() for e in events]
    assert all(a < b for a, b in itertools.pairwise(moments))
    decided = [e.outcome is not None and e.outcome.is_decision for e in events]
    assert not any(decided[:-1])
    if events:
        assert now.timestamp() >= events[-1].at.timestamp()


def test_max_examples_caps_the_situations_planned() -> None:
    # `max_examples` overrides the active profile's number of examples.
    seen: list[Situation] = []

    def counted(situation: Situation) -> Situation:
        seen.append(situation)
        return situation

    assert_rule_keeps_the_contract(
        (),
        base=DEFAULT_RULES,
        among=situations(years=(2026, 2026)).map(counted),
        max_examples=2,
    )
    assert 1 <= len(seen) <= 2


@attrs.frozen
class _NeverParams:
    """Hours that keep calls and never work, described without being told."""

    kinds: frozenset[StepKind] = frozenset({StepKind.CALL})

    def describe(self) -> str:
        return "never"


@attrs.frozen
class _NoKindsParams:
    """Hours that never work, naming no kinds of step they keep."""


@attrs.frozen
class _NeverWorking:
    """A working-time rule of one's own, under FU011's name, that places nothing."""

    code: ClassVar[str] = "FU011"
    name: ClassVar[str] = "working-time"
    summary: ClassVar[str] = "Never working."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: _NeverParams | _NoKindsParams = attrs.field(factory=_NeverParams)

    def is_working(self, facts: Facts, moment: dt.datetime) -> bool:
        return False

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


def _with_calls() -> st.SearchStrategy[Situation]:
    # An interview on Monday 23 November 2026 and nothing since, planned a
    # week later: the plan holds the follow-up call.
    now = dt.datetime(2026, 11, 30, 12, tzinfo=dt.timezone.utc)
    return st.just((INTERVIEW, [], now))


def test_a_working_time_rule_may_describe_its_hours_without_being_told() -> None:
    # `params.describe()` without the week: its words name the hours broken.
    rules = DEFAULT_RULES.replace(_NeverWorking())
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(rules, among=_with_calls(), max_examples=1)
    assert "outside working time (never)" in str(raised.value)


def test_a_working_time_rule_without_kinds_promises_no_working_time() -> None:
    # "a set with neither keeps no working time": no `params.kinds`, no check.
    rules = DEFAULT_RULES.replace(_NeverWorking(_NoKindsParams()))
    assert_rule_keeps_the_contract(rules, among=_with_calls(), max_examples=1)
