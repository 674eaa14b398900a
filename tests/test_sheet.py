"""The built-in rules' work on the sheet is the fold over drafts, made faster.

`plan_followups` runs the built-in rules on a mutable sheet and passes a
draft only to other rules (`followup._sheet`); `fold` runs every rule's
public `plan(draft)`.  These tests hold the two equal over every zone, with
rules of other people's in between, and hold the sheet's moves equal to the
toolkit's `new_step` and `moved_step`.
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import ClassVar

import attrs
import pytest
from followup_blackout import BlackoutDays, BlackoutParams
from hypothesis import example, given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    Finding,
    FollowUpPlan,
    Interview,
    Phase,
    RuleError,
    RuleSet,
    Severity,
    Step,
    StepKind,
    Window,
    moved_step,
    new_step,
    plan_followups,
)
from followup._draft import Draft
from followup._engine import fold, plan_parts_of
from followup._facts import Facts
from followup._plan import plan_parts, plan_with
from followup._sheet import KERNELS, Sheet, worked
from followup._time import to_pendulum
from followup.errors import FollowUpError
from followup.json import to_json
from followup.rules import NoParams
from followup.testing import situations
from test_phases import Generic, generic_rules

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


@attrs.frozen
class Noting:
    """Someone else's rule: a night-time message, and findings about steps.

    It proposes a LinkedIn message at 03:00 the day after the call, notes a
    finding about it, and one about a step it made but never proposed.
    """

    code: ClassVar[str] = "NOTE001"
    name: ClassVar[str] = "noting"
    summary: ClassVar[str] = "Proposes a message and notes findings about steps."
    advice: ClassVar[tuple[str, ...]] = ("NOTE:anything",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        facts = draft.facts
        night = facts.start_of(facts.interview_day + dt.timedelta(days=1))
        night += dt.timedelta(hours=3)

        def message(reason: str) -> object:
            return new_step(
                facts,
                StepKind.OTHER,
                Channel.OTHER,
                (night, night + dt.timedelta(hours=2)),
                rule=self.code,
                reason=reason,
                kind_name="linkedin-message",
                channel_name="linkedin",
            )

        proposed, never = message("Say hello."), message("Never proposed.")
        return draft.proposing(proposed).noting(  # type: ignore[arg-type]
            Finding(self.code, Severity.INFO, "about the message", step=proposed),  # type: ignore[arg-type]
            Finding(self.code, Severity.INFO, "about another", step=never),  # type: ignore[arg-type]
        )

    def check(self, facts: Facts, steps: object) -> tuple[Finding, ...]:
        return ()


@st.composite
def rule_sets(draw: st.DrawFn, interview: Interview) -> RuleSet:
    """The default rules, configured or not, with other people's rules or not."""
    rules = draw(
        st.sampled_from(
            [
                DEFAULT_RULES,
                DEFAULT_RULES.configure("FU004", days="calendar", earliest_days=0),
                DEFAULT_RULES.configure("FU008", max_calls=1, min_days_between=1),
                DEFAULT_RULES.configure(
                    "FU011",
                    weekdays=[0, 2, 4],
                    start="07:30",
                    end="11:00",
                    closed=["2026-12-24/2027-01-01"],
                ),
                DEFAULT_RULES.configure("FU012", follow_up_after=0, call_after=4),
            ]
        )
    )
    day = interview.at.date()
    blackout = draw(
        st.lists(
            st.integers(0, 20).map(lambda n: day + dt.timedelta(days=n)),
            max_size=6,
        )
    )
    extra = draw(
        st.lists(
            st.one_of(
                generic_rules(),
                st.just(Noting()),
                st.just(BlackoutDays(BlackoutParams(tuple(blackout)))),
            ),
            max_size=2,
            unique_by=lambda rule: rule.code,
        )
    )
    return rules.extend(*extra) if extra else rules


def folded(
    interview: Interview, history: list, now: dt.datetime, rules: RuleSet
) -> FollowUpPlan:
    """The plan of the fold over drafts, made public as `plan_followups` does."""
    facts = Facts.gather(interview, history, now, rules.calendar)
    draft = fold(rules, facts)
    steps, findings = Sheet.of(draft).public()
    return FollowUpPlan(
        interview, steps, findings, rules=rules.codes, as_of=to_pendulum(facts.now)
    )


@given(st.data())
def test_the_sheet_plans_what_the_fold_of_drafts_plans(data: st.DataObject) -> None:
    interview, history, now = data.draw(situations())
    rules = data.draw(rule_sets(interview))
    try:
        plan = plan_followups(interview, history, now=now, rules=rules)
    except FollowUpError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        # Other people's rules may never agree; the fold says so in the
        # same words.
        with pytest.raises(FollowUpError) as expected:
            folded(interview, history, now, rules)
        assert str(expected.value) == str(refused)
        return
    assert plan == folded(interview, history, now, rules)
    # Byte for byte too: the zones and offsets of every time, every reason.
    assert to_json(plan) == to_json(folded(interview, history, now, rules))


def _same_parts(
    interview: Interview, history: list, now: object, rules: RuleSet
) -> FollowUpPlan:
    """Hold `plan_parts_of` to the parts of the plan, and return the plan."""
    plan = plan_followups(interview, history, now=now, rules=rules)
    parts = plan_parts_of(interview, history, now=now, rules=rules)
    assert parts == plan_parts(plan)
    # The caller makes the plan again of them, after their trip between
    # processes: equal, byte for byte, and with one value for a step due
    # when its window opens, as the engine makes it.
    again = plan_with(interview, pickle.loads(pickle.dumps(parts)))
    assert again == plan
    assert to_json(again) == to_json(plan)
    assert [step.due is step.window.start for step in again.steps] == [
        step.due is step.window.start for step in plan.steps
    ]
    return plan


@given(st.data())
def test_the_parts_of_a_sheet_are_those_of_the_plan_made_public(
    data: st.DataObject,
) -> None:
    interview, history, now = data.draw(situations())
    rules = data.draw(rule_sets(interview))
    try:
        plan_followups(interview, history, now=now, rules=rules)
    except FollowUpError as error:
        refused = error
    else:
        _same_parts(interview, history, now, rules)
        return
    # Refused in the same words, whichever way the plan is made.
    with pytest.raises(FollowUpError) as expected:
        plan_parts_of(interview, history, now=now, rules=rules)
    assert str(expected.value) == str(refused)


@attrs.frozen
class NotingPublic:
    """Someone else's rule: a finding about a public step of no plan."""

    code: ClassVar[str] = "NOTE002"
    name: ClassVar[str] = "noting-public"
    summary: ClassVar[str] = "Notes a finding about a step of no plan."
    advice: ClassVar[tuple[str, ...]] = ("NOTE:anything",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        at = draft.facts.interview.at
        step = Step(
            StepKind.CALL, Channel.PHONE, Window(at, at), at, self.code, "Elsewhere."
        )
        return draft.noting(Finding(self.code, Severity.INFO, "elsewhere", step=step))

    def check(self, facts: Facts, steps: object) -> tuple[Finding, ...]:
        return ()


@pytest.mark.parametrize(
    "at",
    [
        AT,
        "2026-11-23T10:00:00+05:45",
        # London's repeated hour: the close of the call and the thank-you
        # open in its second pass.
        "2026-10-25T01:10:00+00:00[Europe/London]",
    ],
)
def test_a_sheets_parts_hold_the_findings_about_steps(at: str) -> None:
    interview = Interview("Ada", "Acme", at, duration=20)
    rules = DEFAULT_RULES.extend(Noting(), NotingPublic())
    plan = _same_parts(interview, [], None, rules)
    about, another, elsewhere = [f for f in plan.findings if f.code[:4] == "NOTE"]
    # One finding names a step of the plan by its place in it; the others a
    # step never proposed and a step of no plan, packed whole.
    assert about.step in plan.steps
    assert another.step not in plan.steps
    assert elsewhere.step is not None
    assert elsewhere.step.reason == "Elsewhere."
    parts = plan_parts_of(interview, rules=rules)
    noted = [finding for finding in parts[1] if finding[0][:4] == "NOTE"]
    assert noted[0][3] == plan.steps.index(about.step)
    assert isinstance(noted[1][3], tuple)
    assert isinstance(noted[2][3], tuple)


@attrs.frozen
class DueLater:
    """Someone else's rule: a message whose window opens before it is due."""

    code: ClassVar[str] = "LATER001"
    name: ClassVar[str] = "due-later"
    summary: ClassVar[str] = "Proposes a message due after its window opens."
    advice: ClassVar[tuple[str, ...]] = ("LATER:anything",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        facts = draft.facts
        opens = facts.start_of(facts.interview_day + dt.timedelta(days=1))
        opens += dt.timedelta(hours=10)
        step = new_step(
            facts,
            StepKind.OTHER,
            Channel.OTHER,
            (opens, opens + dt.timedelta(hours=6)),
            rule=self.code,
            reason="Say hello.",
            kind_name="linkedin-message",
            channel_name="linkedin",
        )
        later = moved_step(step, facts, by=None, due=opens + dt.timedelta(hours=3))
        return draft.proposing(later)

    def check(self, facts: Facts, steps: object) -> tuple[Finding, ...]:
        return ()


def test_a_sheets_parts_keep_a_due_time_after_its_window_opens() -> None:
    plan = _same_parts(
        Interview("Ada", "Acme", AT), [], None, DEFAULT_RULES.extend(DueLater())
    )
    (message,) = [step for step in plan.steps if step.rule == "LATER001"]
    assert message.due.format("ddd HH:mm") == "Tue 13:00"
    assert message.window.start.format("ddd HH:mm") == "Tue 10:00"


@given(situations())
def test_a_settled_draft_is_returned_as_it_is_by_every_placing_rule(
    situation: tuple[Interview, list, dt.datetime],
) -> None:
    interview, history, now = situation
    draft = fold(DEFAULT_RULES, Facts.gather(interview, history, now))
    assert draft.phase is Phase.PLACE
    for _, rules in DEFAULT_RULES.phases[-1:]:
        for rule in rules:
            assert rule.plan(draft) is draft, rule.code


def test_every_built_in_rule_works_on_the_sheet_and_no_other() -> None:
    for rule in DEFAULT_RULES:
        assert KERNELS[type(rule)] is type(rule).__dict__["_work"], rule.code
    assert type(Noting()) not in KERNELS
    assert BlackoutDays not in KERNELS


def test_findings_follow_a_step_that_a_built_in_rule_moves() -> None:
    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(Noting())
    )
    (message,) = [step for step in plan.steps if step.rule == "NOTE001"]
    # Proposed at 03:00 on Tuesday; working time moved it to 09:00.
    assert message.due.format("ddd HH:mm") == "Tue 09:00"
    assert message.adjusted_by == ("FU011",)
    about, another = [f for f in plan.findings if f.code == "NOTE001"]
    assert about.step == message
    # The step it never proposed is shown as it was made.
    assert another.step is not None
    assert another.step.reason == "Never proposed."
    assert another.step.due.format("ddd HH:mm") == "Tue 03:00"


def test_rules_of_others_in_a_row_see_one_draft_while_nothing_changes() -> None:
    seen: list[Draft] = []

    @attrs.frozen
    class Watching:
        code: ClassVar[str] = "WATCH001"
        name: ClassVar[str] = "watching"
        summary: ClassVar[str] = "Looks."
        advice: ClassVar[tuple[str, ...]] = ("WATCH:looks",)
        phase: ClassVar[Phase] = Phase.PLACE
        params: NoParams = attrs.field(factory=NoParams)
        label: str = "a"

        def plan(self, draft: Draft) -> Draft:
            seen.append(draft)
            return draft

        def check(self, facts: Facts, steps: object) -> tuple[Finding, ...]:
            return ()

    class Again(Watching):  # a second rule, the same behaviour
        code: ClassVar[str] = "WATCH002"
        name: ClassVar[str] = "watching-again"

    rules = DEFAULT_RULES.extend(Watching(), Again())
    plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    # The watchers come after working time, the last rule to move anything:
    # each looks once, and the second at the draft the first gave back.
    assert len(seen) == 2
    assert seen[0] is seen[1]
    assert seen[0].phase is Phase.PLACE
    assert [step.adjusted_by for step in seen[0].steps][2:] == [("FU011",)] * 2


# -- the sheet's moves are the toolkit's ------------------------------------

FACTS = Facts.gather(Interview("Ada", "Acme", AT))
BASE = dt.datetime(2026, 11, 24, 14, tzinfo=dt.timezone.utc)
minutes = st.integers(-3 * 24 * 60, 3 * 24 * 60).map(
    lambda n: BASE + dt.timedelta(minutes=n)
)
# Near the windows drawn, so that most moves make a window.
near = st.integers(-120, 720).map(lambda n: BASE + dt.timedelta(minutes=n))
words = st.text(
    st.sampled_from(["a", "b", " ", "\t", "\n", "\x00", "\u2028"]), min_size=1
)


def drafted(start: dt.datetime, length: int, reason: str = "Call.") -> Draft:
    step = new_step(
        FACTS,
        StepKind.CALL,
        Channel.PHONE,
        (start, start + dt.timedelta(minutes=length)),
        rule="ME001",
        reason=reason,
    )
    return Draft(FACTS).proposing(step)


@given(
    minutes,
    st.integers(0, 600),
    st.fixed_dictionaries(
        {},
        optional={"start": near, "end": near, "due": near, "at": near},
    ),
    st.one_of(st.none(), st.just("ME002")),
    st.one_of(st.none(), words),
)
# The three ways a due time is kept or brought in: given, left inside the
# new window, and left outside it.
@example(BASE, 60, {"due": BASE + dt.timedelta(minutes=1)}, None, None)
@example(BASE, 60, {"start": BASE - dt.timedelta(minutes=5)}, "ME002", "Why.")
@example(BASE, 60, {"end": BASE - dt.timedelta(minutes=0)}, None, None)
@example(BASE, 60, {"start": BASE + dt.timedelta(minutes=30)}, None, None)
def test_a_move_on_the_sheet_is_moved_step(
    start: dt.datetime,
    length: int,
    changes: dict[str, dt.datetime],
    by: str | None,
    why: str | None,
) -> None:
    draft = drafted(start, length)
    (step,) = draft.steps
    try:
        expected = moved_step(step, FACTS, by=by, why=why, **changes)
    except FollowUpError as error:
        refused = error
    else:
        refused = None
    sheet = Sheet.of(draft)
    (entry,) = sheet.steps
    if "at" in changes and len(changes) > 1:
        # The toolkit refuses `at` with the rest; the sheet's callers never
        # mix them.
        assert refused is not None
        return
    if refused is not None and why is not None and not why.strip():
        # An empty reason is the toolkit's refusal alone: the built-in
        # rules always give one.
        return
    if refused is not None:
        with pytest.raises(type(refused)) as raised:
            sheet.move(entry, by=by, why=why, **changes)
        assert str(raised.value) == str(refused)
        return
    sheet.move(entry, by=by, why=why, **changes)
    assert entry.draft_step() == expected
    # A move that changes no time is no change, as `moved_step` returns the
    # step it was given.
    assert sheet.changes == (0 if expected is step else 1)


@given(minutes, st.integers(-60, 600), words)
def test_a_step_proposed_on_the_sheet_is_new_step(
    start: dt.datetime, length: int, reason: str
) -> None:
    window = (start, start + dt.timedelta(minutes=length))
    try:
        expected = new_step(
            FACTS, StepKind.CALL, Channel.PHONE, window, rule="ME001", reason=reason
        )
    except FollowUpError as error:
        refused = error
    else:
        refused = None
    sheet = Sheet(FACTS)
    if refused is not None and not reason.strip():
        return  # an empty reason: the toolkit's refusal alone, as above
    if refused is not None:
        with pytest.raises(type(refused)) as raised:
            sheet.propose(
                StepKind.CALL, Channel.PHONE, window, rule="ME001", reason=reason
            )
        assert str(raised.value) == str(refused)
        assert sheet.steps == []
        return
    entry = sheet.propose(
        StepKind.CALL, Channel.PHONE, window, rule="ME001", reason=reason
    )
    assert entry.draft_step() == expected
    assert sheet.steps == [entry]


def test_a_rule_that_changes_nothing_gives_back_its_draft_and_its_steps() -> None:
    draft = drafted(BASE, 60)
    assert worked(lambda sheet: None, draft) is draft
    # A move to where the step is changes nothing either.
    assert (
        worked(
            lambda sheet: sheet.move(sheet.steps[0], start=BASE, by="ME2", why="Why."),
            draft,
        )
        is draft
    )
    later = BASE + dt.timedelta(minutes=5)
    moved = worked(
        lambda sheet: sheet.move(sheet.steps[0], start=later, by="ME002", why="Why."),
        draft,
    )
    assert moved is not draft
    assert moved.steps[0].adjusted_by == ("ME002",)
    assert moved.steps[0].reason == "Call. Why."


def test_a_dropped_step_takes_its_findings_with_it() -> None:
    sheet = Sheet.of(drafted(BASE, 60))
    (entry,) = sheet.steps
    assert repr(entry) == "Entry(call, due 2026-11-24T14:00:00+00:00)"
    sheet.note(Finding("ME001", Severity.INFO, "about it"), about=entry)
    sheet.note(Finding("ME001", Severity.INFO, "about nothing"))
    sheet.drop()
    assert sheet.changes == 2  # dropping nothing changes nothing
    sheet.drop(entry)
    assert sheet.steps == []
    assert [f.message for f, _ in sheet.findings] == ["about nothing"]
    assert sheet.draft().findings == (Finding("ME001", Severity.INFO, "about nothing"),)


def test_a_built_in_rule_that_fails_on_the_sheet_is_named() -> None:
    # Closed for two years: no working time within the 400 days searched for
    # the message of `Noting`.  (The follow-up counts its business days past
    # the closures, so it has no need to search.)
    rules = DEFAULT_RULES.configure(
        "FU011", closed=["2026-11-01/2027-10-31", "2027-11-01/2028-10-30"]
    ).extend(Noting())
    with pytest.raises(RuleError) as raised:
        plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    assert raised.value.code == "FU011"
    assert str(raised.value) == (
        "rule FU011 working-time (followup.rules.working_time.WorkingTime) failed "
        "in plan(): FollowUpError: FU011 working-time: no working time within 400 "
        "days of 2026-11-24T08:00:00+00:00 (Mon-Fri 09:00-17:00, holidays on, 2 "
        "closures)"
    )
    assert isinstance(raised.value.__cause__, FollowUpError)


def test_a_follow_up_of_someone_elses_waits_for_its_window_without_a_call() -> None:
    # No call in the plan (FU006 ignored): FU004 still keeps a follow-up,
    # proposed by another rule a day after the interview, out of the days
    # before its window opens (Wed 25 Nov, two business days after).
    early = Generic(
        kind=StepKind.FOLLOW_UP, channel=Channel.EMAIL, offset=dt.timedelta(days=1)
    )
    rules = DEFAULT_RULES.ignore("FU006").extend(early)
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    kinds = [step.kind for step in plan.steps]
    assert StepKind.CALL not in kinds
    theirs = [step for step in plan.steps if step.rule == "GEN001"]
    assert [step.due.format("ddd D MMM HH:mm") for step in theirs] == [
        "Wed 25 Nov 09:00"
    ]
    assert theirs[0].adjusted_by[0] == "FU004"
