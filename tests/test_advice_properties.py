"""Each piece of the advice (A1-A14) stated as a property, as the user reads it.

The broader properties (tests/test_properties.py) check that a plan passes
its own rules' checks; a mutant that changes a rule's plan and its check
alike passes those.  These state the advice itself, from the interview and
its history, without asking the rules what they meant.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    Facts,
    Finding,
    Interview,
    NoParams,
    Outcome,
    Performance,
    Severity,
    Step,
    StepKind,
    check_letter,
    draft_follow_up,
    new_step,
    plan_followups,
)
from followup._letters import count_lines
from followup._time import instant_key
from strategies import histories, interviews, situations

if TYPE_CHECKING:
    from followup import Draft, FollowUpPlan, Step

_CALLS = (StepKind.CALL, StepKind.CALL_BACK)
_FOLLOWING_UP = {StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK}
_LETTERS = {Channel.EMAIL, Channel.PRINTED_LETTER, Channel.HANDWRITTEN_LETTER}
_DETAILS = {"name": "name", "email": "email address", "phone": "phone number"}


def _facts(interview: Interview, history: list[Event], now: dt.datetime) -> Facts:
    return Facts.gather(interview, history, now, DEFAULT_RULES.calendar)


def _of_kind(plan: FollowUpPlan, *kinds: StepKind) -> list[Step]:
    return [step for step in plan.steps if step.kind in kinds]


def _missing(interview: Interview) -> list[str]:
    contact = interview.interviewer
    return [
        words
        for key, words in _DETAILS.items()
        if contact is None or getattr(contact, key) is None
    ]


@st.composite
def during_the_call(draw: st.DrawFn) -> tuple[Interview, dt.datetime]:
    """An interview and a moment from its start to its end, both included."""
    interview = draw(interviews())
    minutes = draw(st.integers(0, int(interview.duration.total_seconds()) // 60))
    return interview, interview.at + dt.timedelta(minutes=minutes)


@st.composite
def around_the_call(draw: st.DrawFn) -> tuple[Interview, dt.datetime]:
    """An interview and a moment from two hours before it to two hours after."""
    interview = draw(interviews())
    length = int(interview.duration.total_seconds()) // 60
    minutes = draw(st.integers(-120, length + 120))
    return interview, interview.at + dt.timedelta(minutes=minutes)


@st.composite
def calls_made(draw: st.DrawFn) -> tuple[Interview, list[Event], dt.datetime]:
    """An interview and one to five calls after it that brought no decision.

    The shared histories hold a call in one event of eight and end at the
    first decision, so three calls made, where A14 starts to bite, are rare
    there.  Here they are common: calls 1 to 20 days apart, any of them
    agreeing a time to call back, and a `now` up to a month after the last.
    """
    interview = draw(interviews(years=(2000, 2100)))
    moment = interview.ends_at
    events = []
    for _ in range(draw(st.integers(1, 5))):
        moment += dt.timedelta(minutes=draw(st.integers(24 * 60, 20 * 24 * 60)))
        outcome = draw(st.sampled_from([None, Outcome.UNDECIDED, Outcome.NO_ANSWER]))
        call_back = None
        if outcome is not Outcome.NO_ANSWER and draw(st.booleans()):
            minutes = draw(st.integers(10, 21 * 24 * 60))
            call_back = moment + dt.timedelta(minutes=minutes)
        events.append(
            Event(EventKind.CALLED, moment, outcome=outcome, call_back_at=call_back)
        )
    now = moment + dt.timedelta(minutes=draw(st.integers(0, 30 * 24 * 60)))
    return interview, events, now


# A1, A2 --------------------------------------------------------------------


@given(around_the_call())
def test_the_close_of_the_call_is_planned_in_its_last_minutes_while_it_lasts(
    case: tuple[Interview, dt.datetime],
) -> None:
    """A1, A2: thank and ask before hanging up; once the call ended, no more."""
    interview, now = case
    plan = plan_followups(interview, now=now)
    closes = _of_kind(plan, StepKind.CLOSE_CALL)
    ends = instant_key(interview.ends_at)
    if instant_key(now) >= ends:
        assert closes == []
        return
    (close,) = closes
    # The last five minutes of the call, or the whole of a shorter one;
    # never before `now`, when planned in its last minutes.
    opens = max(
        instant_key(interview.at),
        ends - dt.timedelta(minutes=5),
        instant_key(now),
    )
    assert instant_key(close.window.start) == opens
    assert instant_key(close.window.end) == ends
    assert instant_key(close.due) == opens
    assert close.channel is Channel.PHONE
    points = close.requirements.talking_points
    assert points[0] == "thank the interviewer for the opportunity (A1)"
    # A2: ask for exactly what the follow-up still lacks.
    asked = [point for point in points if point.startswith("ask for")]
    missing = _missing(interview)
    assert len(asked) == (1 if missing else 0)
    for words in missing:
        assert words in asked[0]
    for words in set(_DETAILS.values()) - set(missing):
        assert words not in " ".join(asked)


@given(situations())
def test_missing_contact_details_warn_by_name_until_the_company_decides(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A2: a missing name, phone or email is named; planning goes on."""
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    warnings = [f for f in plan.findings if f.code == "FU002"]
    missing = _missing(interview)
    if _facts(interview, history, now).decision is not None or not missing:
        assert warnings == []
        return
    (warning,) = warnings
    assert warning.severity is Severity.WARNING
    for words in missing:
        assert words in warning.message
    for words in set(_DETAILS.values()) - set(missing):
        assert f"no {words}" not in (warning.actual or "")
    # Never a reason to stop: the plan is what it is with every detail known.
    # The close of the call asks for what is missing: its words differ.
    asked = [s for s in plan.steps if s.kind is not StepKind.CLOSE_CALL]
    assert asked == _with_every_detail(interview, history, now)


def _with_every_detail(
    interview: Interview, history: list[Event], now: dt.datetime
) -> list[Step]:
    contact = interview.interviewer
    assume(contact is not None)
    assert contact is not None
    known = attrs.evolve(
        contact,
        name=contact.name or "Grace Hopper",
        email=contact.email or "grace@example.com",
        phone=contact.phone or "+1 212 555 0123",
    )
    plan = plan_followups(attrs.evolve(interview, interviewer=known), history, now=now)
    return [s for s in plan.steps if s.kind is not StepKind.CLOSE_CALL]


# A3, A4 --------------------------------------------------------------------


@given(during_the_call())
def test_the_thank_you_is_due_right_after_the_call_for_every_zone_and_length(
    case: tuple[Interview, dt.datetime],
) -> None:
    """A3: the thank-you email is the first follow-up, sent the moment the call ends."""
    interview, now = case
    plan = plan_followups(interview, now=now)
    (thanks,) = _of_kind(plan, StepKind.THANK_YOU)
    ends = instant_key(interview.ends_at)
    assert instant_key(thanks.due) == ends
    assert instant_key(thanks.window.start) == ends
    # 24 hours of elapsed time, whatever the clocks do that night.
    assert instant_key(thanks.window.end) - ends == dt.timedelta(hours=24)
    assert thanks.channel is Channel.EMAIL
    after = [s for s in plan.steps if s.kind is not StepKind.CLOSE_CALL]
    assert after[0] is thanks
    # A4: it names the candidate and the date and time of the interview.
    start = _facts(interview, [], now).start
    mentions = thanks.requirements.must_mention
    assert mentions[0] == interview.candidate
    assert f"{start.hour:02d}:{start.minute:02d}" in mentions
    assert str(start.year) in " ".join(mentions)


_COVERED_BY = {
    # Each event covers its own step and every earlier stage (DESIGN.md).
    EventKind.THANK_YOU_SENT: {StepKind.CLOSE_CALL, StepKind.THANK_YOU},
    EventKind.FOLLOW_UP_SENT: {
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
    },
    EventKind.CALLED: {
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
        StepKind.CALL,
    },
}


@given(situations())
def test_what_was_done_is_not_planned_again_nor_what_it_passed(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A3, A5, A10: once a call was made, a thank-you never sent is moot."""
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    done: set[StepKind] = set()
    for event in history:
        done |= _COVERED_BY.get(event.kind, set())
    assert not done & {step.kind for step in plan.steps}
    if not history and instant_key(now) >= instant_key(interview.ends_at):
        # Nothing done: the thank-you is still planned, late or not (FU010).
        assert StepKind.THANK_YOU in {step.kind for step in plan.steps}


# A5, A7, A8, A9 -------------------------------------------------------------


@given(situations())
def test_the_follow_up_is_a_short_letter_no_sooner_than_two_business_days_after(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A5, A7-A9: 2 to 3 days after; email or letter; names the facts; under 10 lines."""
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = _facts(interview, history, now)
    earliest = facts.start_of(facts.days_after(facts.interview_day, 2, business=True))
    for step in _of_kind(plan, StepKind.FOLLOW_UP):
        assert instant_key(step.due) >= instant_key(earliest), step
        assert step.channel in _LETTERS
        assert step.requirements.max_lines == 9
        mentions = step.requirements.must_mention
        assert mentions[0] == interview.candidate
        assert mentions[-1] == interview.company
        points = " ".join(step.requirements.talking_points)
        assert "interest" in points
        assert "fit" in points


@given(interviews(), st.integers(0, 3))
def test_a_follow_up_letter_of_ten_lines_or_more_is_refused(
    interview: Interview, more: int
) -> None:
    """A9: shorter than ten lines; the tenth line is one too many."""
    draft = draft_follow_up(interview)
    assert check_letter(draft, interview) == ()
    lines = count_lines(draft, 80)
    longer = draft + "\n" + "\n".join(["Kind regards."] * (10 - lines + more))
    assert count_lines(longer, 80) == 10 + more
    codes = [(f.code, f.severity) for f in check_letter(longer, interview)]
    assert ("FU004", Severity.ERROR) in codes


# A6 ------------------------------------------------------------------------


@given(situations())
def test_a_weak_interview_gets_the_thank_you_alone_and_says_why(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A6: following up depends on how it went; a strong one as an adequate one."""
    interview, history, now = situation
    weak, adequate, strong = (
        plan_followups(attrs.evolve(interview, performance=p), history, now=now)
        for p in (Performance.WEAK, Performance.ADEQUATE, Performance.STRONG)
    )
    # The thank-you (and the close of the call) stay as they were, and so
    # does a call-back the company agreed to (A11): it asked for the call.
    facts = _facts(interview, history, now)
    last = facts.last_call
    agreed = last is not None and last.call_back_at is not None

    def kept(step: Step) -> bool:
        return step.kind not in _FOLLOWING_UP or (
            agreed and step.kind is StepKind.CALL_BACK
        )

    assert all(kept(step) for step in weak.steps)
    assert list(weak.steps) == [s for s in adequate.steps if kept(s)]
    said = [f for f in weak.findings if f.code == "FU005"]
    if any(s.kind in _FOLLOWING_UP for s in adequate.steps):
        (finding,) = said
        assert finding.severity is Severity.INFO
        assert "weak" in finding.message
    # At or above the threshold, the same plan.
    assert strong.steps == adequate.steps


# A10, A12, A13 -------------------------------------------------------------


@given(situations())
def test_every_call_is_a_short_phone_call_about_interest_and_the_decision(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A10, A12, A13: phone (not another email), 3 to 4 minutes, interest, decision."""
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    for step in _of_kind(plan, *_CALLS):
        assert step.channel is Channel.PHONE
        assert step.requirements.call_minutes == (3, 4)
        points = " ".join(step.requirements.talking_points)
        assert f"interested in {interview.company}" in points
        assert "decided" in points


@given(situations())
def test_with_no_word_a_call_is_planned_and_never_within_a_week(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A10: no word after 1 to 2 weeks: phone; never sooner than a week."""
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = _facts(interview, history, now)
    week = facts.start_of(facts.interview_day + dt.timedelta(days=7))
    calls = _of_kind(plan, StepKind.CALL)
    for call in calls:
        assert instant_key(call.due) >= instant_key(week), call
    no_word = facts.decision is None and not facts.calls
    if no_word and interview.performance is not Performance.WEAK:
        assert len(calls) == 1


# A11 -----------------------------------------------------------------------


@st.composite
def agreed_call_backs(
    draw: st.DrawFn,
) -> tuple[Interview, list[Event], dt.datetime, dt.datetime]:
    """A history whose last call left the company undecided, a time agreed.

    The agreed time is still to come at `now`; between the call and `now`
    the interviewer may have gone away, the candidate paused or the company
    replied: none of these moves what was agreed.  Returns ``(interview,
    history, now, agreed)``.
    """
    interview = draw(interviews(years=(2000, 2100)))
    events, then = draw(histories(interview))
    decided = any(e.outcome is not None and e.outcome.is_decision for e in events)
    assume(not decided)
    minutes = draw(st.integers(10, 21 * 24 * 60))
    agreed = then + dt.timedelta(minutes=minutes)
    call = Event(EventKind.CALLED, then, outcome=Outcome.UNDECIDED, call_back_at=agreed)
    now = then + dt.timedelta(minutes=draw(st.integers(0, minutes)))
    later: list[Event] = []
    hold = draw(
        st.sampled_from([None, EventKind.AWAY, EventKind.PAUSED, EventKind.REPLIED])
    )
    if hold is not None:
        day = now.date() + dt.timedelta(days=draw(st.integers(0, 21)))
        later.append(Event(hold, now, until=day))
    return interview, [*events, call, *later], now, agreed


@given(agreed_call_backs())
def test_an_agreed_call_back_is_planned_at_the_agreed_time(
    case: tuple[Interview, list[Event], dt.datetime, dt.datetime],
) -> None:
    """A11: the company has not decided and a time was agreed: call then."""
    interview, history, now, agreed = case
    assume(interview.performance is not Performance.WEAK)
    plan = plan_followups(interview, history, now=now)
    (call_back,) = _of_kind(plan, StepKind.CALL_BACK)
    assert call_back.agreed
    assert instant_key(call_back.due) == instant_key(agreed)
    assert call_back.channel is Channel.PHONE
    # Kept as agreed: however many calls were made, and at any hour (A11).
    assert "FU008" not in call_back.adjusted_by
    assert "FU011" not in call_back.adjusted_by


@given(calls_made())
def test_after_an_undecided_call_a_call_back_is_planned(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A11: a call that left the company undecided is followed by a call-back."""
    interview, history, now = situation
    facts = _facts(interview, history, now)
    plan = plan_followups(interview, history, now=now)
    call_backs = _of_kind(plan, StepKind.CALL_BACK)
    last = facts.last_call
    undecided = (
        last is not None
        and last.call_outcome in {Outcome.UNDECIDED, Outcome.NO_ANSWER}
        and facts.decision is None
    )
    if not undecided:
        assert call_backs == []
        return
    assert last is not None
    if interview.performance is Performance.WEAK:
        # A6: a weak interview is not followed up, but for the call the
        # company asked for (A11).
        assert len(call_backs) == (last.call_back_at is not None)
        return
    if last.call_back_at is not None:
        # Agreed: kept (A11) however many calls were made.
        assert len(call_backs) == 1
    else:
        assert len(call_backs) == (1 if len(facts.calls) < 3 else 0)


# A14 -----------------------------------------------------------------------


@given(calls_made())
def test_never_more_calls_than_three_in_all_counting_those_made(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """A14: do not call frequently: three calls at most, made and planned.

    A call-back at a time the company agreed to is the company's wish (A11)
    and counts toward no limit.
    """
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = _facts(interview, history, now)
    agreed = facts.agreed_call_back is not None
    counting = [
        step
        for step in _of_kind(plan, *_CALLS)
        if not (step.agreed or (step.kind is StepKind.CALL_BACK and agreed))
    ]
    assert len(counting) <= max(3 - len(facts.calls), 0)


@given(calls_made(), st.integers(1, 30))
def test_no_two_calls_closer_than_the_configured_spacing(
    situation: tuple[Interview, list[Event], dt.datetime], days: int
) -> None:
    """A14: calls at least `min_days_between` apart, for every such setting."""
    interview, history, now = situation
    rules = DEFAULT_RULES.configure("FU008", min_days_between=days)
    plan = plan_followups(interview, history, now=now, rules=rules)
    facts = Facts.gather(interview, history, now, rules.calendar)
    previous = facts.calls[-1].at if facts.calls else None
    agreed = facts.agreed_call_back is not None
    for call in sorted(_of_kind(plan, *_CALLS), key=lambda s: instant_key(s.due)):
        exempt = call.agreed or (call.kind is StepKind.CALL_BACK and agreed)
        if previous is not None and not exempt:
            day = facts.local(previous).date() + dt.timedelta(days=days)
            assert instant_key(call.due) >= instant_key(facts.start_of(day)), call
        previous = call.due


# Decisions ------------------------------------------------------------------


@attrs.frozen
class LinkedInNote:
    """A rule of someone else's: a message on LinkedIn the day after `now`.

    It knows nothing of decisions; the built-in rules must stop it (FU009).
    """

    code: ClassVar[str] = "LIN001"
    name: ClassVar[str] = "linkedin-note"
    summary: ClassVar[str] = "A note on LinkedIn the day after now."
    advice: ClassVar[tuple[str, ...]] = ("LIN:note",)
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        facts = draft.facts
        start = facts.now + dt.timedelta(days=1)
        return draft.proposing(
            new_step(
                facts,
                StepKind.OTHER,
                Channel.OTHER,
                (start, start + dt.timedelta(days=2)),
                rule=self.code,
                reason="A note on LinkedIn.",
                kind_name="linkedin-note",
                channel_name="linkedin",
            )
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


@given(situations())
def test_after_a_decision_nothing_is_planned_whoever_proposes_it(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    """FU009 (A10, A11): an offer, a rejection or a next round ends the follow-up."""
    interview, history, now = situation
    decided = any(
        event.outcome is not None and event.outcome.is_decision for event in history
    )
    rules = DEFAULT_RULES.extend(LinkedInNote())
    plan = plan_followups(interview, history, now=now, rules=rules)
    if not decided:
        # The note is planned while the company has not decided.
        assert StepKind.OTHER in {step.kind for step in plan.steps}
        return
    assert plan.steps == ()
    assert [f for f in plan.findings if f.severity is not Severity.INFO] == []
