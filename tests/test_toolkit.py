"""new_step and moved_step: what they build, and every mistake they refuse."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    Facts,
    FollowUpError,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoParams,
    Phase,
    Requirements,
    StepKind,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
)
from followup._fields import _REFUSED, shows_anything

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
FACTS = Facts.gather(Interview("Ada", "Acme", AT))
MONDAY = ("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00")


def call(**changes):
    fields = {"rule": "ME001", "reason": "Call on Monday.", **changes}
    return new_step(FACTS, StepKind.CALL, Channel.PHONE, MONDAY, **fields)


def hm(moment):
    """A draft step's time (UTC) on the recipient's calendar, for people."""
    return FACTS.local(moment).strftime("%a %-d %b %H:%M")


def test_a_new_step_holds_instants_and_is_due_at_its_start():
    step = call(requirements=Requirements(call_minutes=(3, 4)), advice=("A10",))
    assert (hm(step.window.start), hm(step.window.end), hm(step.due)) == (
        "Mon 30 Nov 09:00",
        "Mon 30 Nov 17:00",
        "Mon 30 Nov 09:00",
    )
    # The draft holds instants in UTC; the plan shows them in New York.
    assert step.due.tzinfo is dt.timezone.utc
    assert (step.rule, step.advice, step.number, step.agreed) == (
        "ME001",
        ("A10",),
        1,
        False,
    )
    utc = dt.datetime(2026, 11, 30, 14, tzinfo=dt.timezone.utc)
    assert hm(call(due=utc).due) == "Mon 30 Nov 09:00"


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"due": "2026-12-01T09:00:00-05:00"},
            InvalidValueError,
            r"^due: .* is outside its window",
        ),
        (
            {"due": dt.datetime(2026, 11, 30, 10)},
            NaiveDatetimeError,
            r"^due: .* has no time zone",
        ),
        ({"due": 3}, InvalidTypeError, r"^due: expected an aware datetime"),
        ({"rule": ""}, InvalidValueError, r"^rule: '' is empty$"),
        ({"reason": "  "}, InvalidValueError, r"^reason: '  ' is empty$"),
        (
            {"advice": ["A10"]},
            InvalidTypeError,
            r"^advice: expected a tuple of advice ids",
        ),
        (
            {"requirements": "short"},
            InvalidTypeError,
            r"^requirements: expected a Requirements",
        ),
        ({"number": 0}, InvalidValueError, r"^number: 0 is not 1 or more"),
        ({"number": True}, InvalidTypeError, r"^number: expected a whole number"),
        ({"number": 1000}, InvalidValueError, r"^number: 1000 is more than 999"),
        ({"agreed": "yes"}, InvalidTypeError, r"^agreed: expected true or false"),
        (
            {"kind_name": "linkedin"},
            InvalidValueError,
            r"^kind_name: 'linkedin' goes with kind 'other'",
        ),
        (
            {"channel_name": "Linked In"},
            InvalidValueError,
            r"^channel_name: 'Linked In' is not a kebab-case name",
        ),
    ],
)
def test_a_new_step_refuses_what_a_rule_got_wrong(changes, error, message):
    with pytest.raises(error, match=message):
        call(**changes)


def test_a_window_must_be_a_pair_that_does_not_end_before_it_starts():
    with pytest.raises(
        InvalidTypeError, match=r"^window: expected a \(start, end\) pair"
    ):
        new_step(FACTS, "call", "phone", MONDAY[:1], rule="ME001", reason="x")
    with pytest.raises(
        InvalidValueError, match=r"^window: .* ends before it starts \(ME001\)"
    ):
        new_step(FACTS, "call", "phone", MONDAY[::-1], rule="ME001", reason="x")
    with pytest.raises(InvalidValueError, match=r"^kind: 'postcard' is not a StepKind"):
        new_step(FACTS, "postcard", "phone", MONDAY, rule="ME001", reason="x")


def test_moving_at_keeps_the_length_and_records_who_and_why():
    moved = moved_step(
        call(), FACTS, at="2026-12-01T10:00:00-05:00", by="ME002", why="Tuesday."
    )
    assert (hm(moved.window.start), hm(moved.window.end), hm(moved.due)) == (
        "Tue 1 Dec 10:00",
        "Tue 1 Dec 18:00",
        "Tue 1 Dec 10:00",
    )
    assert (moved.adjusted_by, moved.reason) == (("ME002",), "Call on Monday. Tuesday.")


def test_moving_one_edge_brings_the_due_time_inside():
    step = call(due="2026-11-30T12:00:00-05:00")
    later = moved_step(step, FACTS, start="2026-11-30T14:00:00-05:00", by=None)
    assert (hm(later.window.start), hm(later.due), later.adjusted_by) == (
        "Mon 30 Nov 14:00",
        "Mon 30 Nov 14:00",
        (),
    )
    earlier = moved_step(step, FACTS, end="2026-11-30T10:00:00-05:00", by="ME002")
    assert (hm(earlier.window.end), hm(earlier.due)) == (
        "Mon 30 Nov 10:00",
        "Mon 30 Nov 10:00",
    )
    kept = moved_step(step, FACTS, end="2026-11-30T16:00:00-05:00", by="ME002")
    assert hm(kept.due) == "Mon 30 Nov 12:00"
    assert kept.window.start is step.window.start


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"at": MONDAY[0], "due": MONDAY[0]},
            InvalidValueError,
            r"^at: .* moves the whole window",
        ),
        (
            {"due": "2026-12-05T09:00:00-05:00"},
            InvalidValueError,
            r"^due: .* is outside its window",
        ),
        (
            {"start": "2026-12-05T09:00:00-05:00"},
            InvalidValueError,
            r"^window: .* ends before it starts \(ME002\)",
        ),
        ({"why": ""}, InvalidValueError, r"^why: '' is empty$"),
    ],
)
def test_a_move_refuses_what_a_rule_got_wrong(changes, error, message):
    with pytest.raises(error, match=message):
        moved_step(call(), FACTS, by="ME002", **changes)
    with pytest.raises(
        InvalidTypeError, match=r"^step: expected a DraftStep or a Step"
    ):
        moved_step("a call", FACTS, by="ME002")


@attrs.frozen
class Proposes:
    """Someone else's rule: proposes one step of a kind, at a given time."""

    code: ClassVar[str] = "OTH001"
    name: ClassVar[str] = "proposes"
    summary: ClassVar[str] = "Proposes a step."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)
    kind: StepKind = StepKind.THANK_YOU
    channel: Channel = Channel.EMAIL
    at: str = "2026-11-23T10:05:00-05:00"

    def plan(self, draft):
        step = new_step(
            draft.facts,
            self.kind,
            self.channel,
            (self.at, self.at),
            rule=self.code,
            reason="Mine.",
            # A second of its kind: the built-in rule proposed number 1.
            number=2,
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize(
    ("kind", "channel", "at", "due", "governor"),
    [
        # During the call: no thank-you before it ends (A3).
        (
            StepKind.THANK_YOU,
            Channel.EMAIL,
            "2026-11-23T10:05:00-05:00",
            "Mon 23 Nov 10:30",
            "FU003",
        ),
        # Tomorrow: no follow-up before 2 business days (A5), then working time.
        (
            StepKind.FOLLOW_UP,
            Channel.EMAIL,
            "2026-11-24T10:00:00-05:00",
            "Wed 25 Nov 09:00",
            "FU004",
        ),
        # After the call: the close of the call belongs in its last minutes.
        (
            StepKind.CLOSE_CALL,
            Channel.PHONE,
            "2026-11-23T11:00:00-05:00",
            "Mon 23 Nov 10:25",
            "FU001",
        ),
        (
            StepKind.CLOSE_CALL,
            Channel.PHONE,
            "2026-11-23T09:00:00-05:00",
            "Mon 23 Nov 10:25",
            "FU001",
        ),
    ],
)
def test_the_rule_of_a_kind_governs_every_step_of_it(kind, channel, at, due, governor):
    rules = DEFAULT_RULES.extend(Proposes(kind=kind, channel=channel, at=at))
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    (theirs,) = [s for s in plan.steps if s.rule == "OTH001"]
    assert hm(theirs.due) == due
    assert theirs.adjusted_by[0] == governor
    assert not [f for f in check_plan(plan, rules=rules) if f.severity.value == "error"]


def test_an_agreed_step_of_anyones_is_left_where_it_was_agreed():
    @attrs.frozen
    class Agreed(Proposes):
        def plan(self, draft):
            step = new_step(
                draft.facts,
                StepKind.FOLLOW_UP,
                Channel.EMAIL,
                (self.at, self.at),
                rule=self.code,
                reason="Agreed.",
                agreed=True,
                number=2,
            )
            return draft.proposing(step)

    rules = DEFAULT_RULES.extend(Agreed(at="2026-11-24T08:00:00-05:00"))
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    (theirs,) = [s for s in plan.steps if s.rule == "OTH001"]
    assert (hm(theirs.due), theirs.adjusted_by) == ("Tue 24 Nov 08:00", ())


def test_toolkit_errors_are_followup_errors():
    with pytest.raises(FollowUpError):
        call(number=-1)


def test_a_kind_of_ones_own_needs_its_name():
    with pytest.raises(
        InvalidValueError, match=r"^kind_name: None goes with kind 'other'"
    ):
        new_step(FACTS, "other", "email", MONDAY, rule="ME001", reason="x")
    with pytest.raises(
        InvalidValueError, match=r"^channel_name: None goes with channel"
    ):
        new_step(FACTS, "call", "other", MONDAY, rule="ME001", reason="x")


def test_an_agreed_step_moved_into_the_past_by_another_rule_is_late_like_any():
    @attrs.frozen
    class Backdates(Proposes):
        phase: ClassVar[Phase] = Phase.ADJUST

        def plan(self, draft):
            past = draft.facts.now - dt.timedelta(hours=1)
            for step in draft.of_kind(StepKind.CALL_BACK):
                moved = moved_step(step, draft.facts, at=past, by=self.code)
                draft = draft.replacing(step, moved)
            return draft

    agreed = Event(
        "called",
        "2026-12-01T11:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-03T16:00:00-05:00",
    )
    rules = DEFAULT_RULES.extend(Backdates())
    plan = plan_followups(
        Interview("Ada", "Acme", AT),
        [agreed],
        now="2026-12-01T12:00:00-05:00",
        rules=rules,
    )
    (back,) = plan.steps
    assert back.agreed
    assert hm(back.due) == "Tue 1 Dec 12:00"
    assert back.adjusted_by == ("OTH001", "FU010")
    assert [f.code for f in plan.findings] == ["FU002", "FU010"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rule": "ME\x1b001"}, "rule"),
        ({"reason": "Call\x00 on Monday."}, "reason"),
        ({"advice": ("A10", "A\x071")}, r"advice\[1\]"),
    ],
)
def test_a_new_step_refuses_control_characters(changes, field):
    with pytest.raises(InvalidValueError, match=rf"^{field}: .* control character"):
        call(**changes)


def test_a_move_refuses_control_characters_and_names_who_moved_it():
    with pytest.raises(InvalidValueError, match=r"^why: .* control character"):
        moved_step(call(), FACTS, by="ME002", why="Moved\x1b[2J.")
    with pytest.raises(InvalidValueError, match=r"^by: .* control character"):
        moved_step(call(), FACTS, by="ME\x00")
    with pytest.raises(InvalidTypeError, match=r"^by: expected the code of the rule"):
        moved_step(call(), FACTS, by=5)


# Reasons as words with something between them, and perhaps before and
# after: single spaces, runs of them, line breaks and other whitespace;
# words with controls, lone surrogates or invisible characters in them.
_GAPS = st.sampled_from(
    [" ", "  ", "\t", "\n", " \n ", "\xa0", "\u2028", "\u3000", "\x1c"]
)
_WORDS = st.sampled_from(
    ["Call", "Monday.", "é", "A\x001", "\x1b[2J", "\ud800", "a\u200bb"]
)
_REASONS = st.builds(
    lambda before, first, rest, after: before + first + "".join(rest) + after,
    st.sampled_from(["", " ", "\n"]),
    _WORDS,
    st.lists(st.builds(str.__add__, _GAPS, _WORDS), max_size=4),
    st.sampled_from(["", " ", "\t"]),
)


@given(reason=_REASONS | st.text(min_size=1))
@example(reason="Call  on Monday.")
@example(reason="Call on Monday. ")
@example(reason="Call\xa0on Monday.")
@example(reason="\u200b\xad")  # shows nothing
def test_a_reason_is_its_words_on_one_line_or_refused(reason):
    # new_step keeps a reason that is single-spaced words as it is and
    # respaces any other; either way the step holds the words of the reason
    # joined by single spaces, or the reason is refused by name.
    words = " ".join(reason.split())
    if not words:
        with pytest.raises(InvalidValueError, match=r"^reason: .* is empty$"):
            call(reason=reason)
    elif _REFUSED.search(words):
        with pytest.raises(InvalidValueError, match=r"^reason: .* (control|surrogate)"):
            call(reason=reason)
    elif not shows_anything(words):
        with pytest.raises(InvalidValueError, match=r"^reason: .* show nothing"):
            call(reason=reason)
    else:
        assert call(reason=reason).reason == words


def test_a_move_that_changes_no_time_returns_the_step_and_records_nothing():
    step = call()
    for unmoved in (
        moved_step(step, FACTS, by="ME002", why="Kept.", at=MONDAY[0]),
        moved_step(step, FACTS, by="ME002", start=MONDAY[0], end=MONDAY[1]),
        moved_step(step, FACTS, by="ME002", due=step.due),
    ):
        assert unmoved is step
    moved = moved_step(step, FACTS, by="ME002", why="Later.", due=MONDAY[1])
    assert (moved.adjusted_by, moved.reason) == (("ME002",), "Call on Monday. Later.")
    # What it is given is checked all the same.
    with pytest.raises(InvalidValueError, match=r"^why: 'a\\x1bb' holds a control"):
        moved_step(step, FACTS, by="ME002", why="a\x1bb", at=MONDAY[0])


@attrs.frozen
class NoLaterThanItIs:
    """A placing rule that asks for every step's due time to stay where it is."""

    code: ClassVar[str] = "STY001"
    name: ClassVar[str] = "stay"
    summary: ClassVar[str] = "Asks each step to stay where it is."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        for step in draft.steps:
            kept = moved_step(step, draft.facts, by=self.code, due=step.due)
            draft = draft.replacing(step, kept)
        return draft

    def check(self, facts, steps):
        return ()


def test_a_placing_rule_that_asks_for_moves_it_does_not_need_settles():
    # Each no-move used to add STY001 to the step, a change every round, and
    # the place phase gave up after eight.
    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(NoLaterThanItIs())
    )
    assert plan.steps
    assert all("STY001" not in step.adjusted_by for step in plan.steps)
    assert plan.steps == plan_followups(Interview("Ada", "Acme", AT)).steps
