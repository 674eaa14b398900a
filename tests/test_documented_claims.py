"""What the documentation promises, held against what the code does.

Each test names the page (or docstring) and the claim it pins.  They cover
claims no other test states; the real parts throughout, no stand-ins.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Closure,
    Draft,
    Event,
    EventKind,
    Facts,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Letter,
    NaiveDatetimeError,
    Performance,
    PluginError,
    RuleConfigurationError,
    StepKind,
    Window,
    WorkingCalendar,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
    plan_many,
)
from followup.ics import interview_uid_prefix, sequence_of, step_uid, to_ics_many
from strategies import instants, interviews, situations, zone_names

NEW_YORK = ZoneInfo("America/New_York")
AT = "2026-11-23T10:00:00-05:00[America/New_York]"
UTC = dt.timezone.utc


def _utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


# -- Facts ----------------------------------------------------------------


def test_performance_ranks_weak_below_adequate_and_unknown_below_strong():
    """Performance.rank: "weak < adequate = unknown < strong"."""
    rank = {performance: performance.rank for performance in Performance}
    assert rank[Performance.WEAK] < rank[Performance.ADEQUATE]
    assert rank[Performance.ADEQUATE] == rank[Performance.UNKNOWN]
    assert rank[Performance.UNKNOWN] < rank[Performance.STRONG]


@given(situations())
def test_an_unknown_performance_is_followed_up_like_an_adequate_one(situation):
    """Performance: "`UNKNOWN` is followed up like `ADEQUATE`"."""
    interview, history, now = situation
    unknown = plan_followups(
        attrs.evolve(interview, performance=Performance.UNKNOWN), history, now=now
    )
    adequate = plan_followups(
        attrs.evolve(interview, performance=Performance.ADEQUATE), history, now=now
    )
    assert unknown.steps == adequate.steps
    assert unknown.findings == adequate.findings


@given(instants(), zone_names)
def test_one_interview_written_in_two_zones_is_equal_and_hashes_equal(moment, zone):
    """Interview: "Two interviews at the same instant written in different
    zones compare equal"."""
    here = Interview("Ada", "Acme", moment)
    there = Interview("Ada", "Acme", moment.astimezone(ZoneInfo(zone)))
    assert here == there
    assert hash(here) == hash(there)


@given(interviews())
def test_the_end_of_the_call_is_in_the_zone_of_its_start(interview):
    """Interview.ends_at: "`at` plus `duration`, in the zone of `at`"."""
    assert interview.ends_at.tzinfo == interview.at.tzinfo
    assert interview.ends_at - interview.at == interview.duration


def test_the_repeated_hour_compares_as_two_instants_in_the_public_types():
    """docs/time.md: "01:30 EDT equals 01:30 EST" in Python, but "the public
    types compare their datetimes as instants"."""
    first = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0)
    second = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1)
    assert first == second  # what Python says, by wall clock
    assert Interview("Ada", "Acme", first) != Interview("Ada", "Acme", second)
    assert Event(EventKind.THANK_YOU_SENT, first) != Event(
        EventKind.THANK_YOU_SENT, second
    )
    assert Window(first, first) != Window(second, second)
    assert not Window(first, first).contains(second)
    assert Window(first, second).length == dt.timedelta(hours=1)


def test_a_later_reply_that_names_no_day_leaves_no_decision_day():
    """Facts.until: for a reply, "a later reply that names no day leaves none"."""
    interview = Interview("Ada", "Acme", AT)
    named = Event(EventKind.REPLIED, "2026-11-24T10:00:00-05:00", until="2026-12-10")
    unnamed = Event(EventKind.REPLIED, "2026-11-25T10:00:00-05:00")
    now = "2026-11-26T10:00:00-05:00"
    assert Facts.gather(interview, [named], now).until(EventKind.REPLIED) == dt.date(
        2026, 12, 10
    )
    assert (
        Facts.gather(interview, [named, unnamed], now).until(EventKind.REPLIED) is None
    )


def test_other_steps_come_after_every_step_the_advice_names():
    """StepKind: `OTHER` "comes after the advice's steps"; the kinds are "in
    the order the advice takes them"."""
    stages = [kind.stage for kind in StepKind]
    assert stages == sorted(stages)
    assert len(set(stages)) == len(stages)
    assert StepKind.OTHER.stage == max(stages)


# -- Plans ----------------------------------------------------------------


@given(interviews(), st.randoms(use_true_random=False))
def test_a_plan_made_by_hand_sorts_its_steps_by_due(interview, random):
    """FollowUpPlan: "`steps` are sorted by `due` as instants", however
    they are given."""
    plan = plan_followups(interview)
    shuffled = list(plan.steps)
    random.shuffle(shuffled)
    again = FollowUpPlan(
        plan.interview, tuple(shuffled), plan.findings, plan.rules, plan.as_of
    )
    assert again.steps == plan.steps
    dues = [step.due.timestamp() for step in again.steps]
    assert dues == sorted(dues)


def test_a_schedule_is_checked_as_of_the_last_event_by_default():
    """check_plan: "For a sequence of steps ... `now` defaults to the latest
    known fact (the interview or the last event)"."""
    interview = Interview("Ada", "Acme", AT)
    steps = plan_followups(interview).steps
    sent = Event(EventKind.THANK_YOU_SENT, "2026-11-30T10:00:00-05:00")
    by_default = check_plan(steps, interview, [sent])
    assert by_default == check_plan(steps, interview, [sent], now=sent.at)
    later = "2026-12-21T10:00:00-05:00"
    assert by_default != check_plan(steps, interview, [sent], now=later)
    assert check_plan(steps, interview) == check_plan(
        steps, interview, now=interview.at
    )


def test_next_step_takes_a_moment_up_to_the_end_of_2204():
    """docs/time.md: the moments given to "`FollowUpPlan.next_step` may run
    five years further, to 2204-12-31"."""
    plan = plan_followups(Interview("Ada", "Acme", AT))
    assert plan.next_step("2204-12-31T23:59:59Z") is None
    with pytest.raises(InvalidValueError, match=r"^now: .* 2204-12-31, UTC\)$"):
        plan.next_step("2205-01-01T00:00:00Z")


def test_plan_many_without_now_plans_each_interview_as_of_its_own_start():
    """plan_many: "`now` applies to every interview; ``None`` plans each as
    of its own start"."""
    batch = [
        Interview("Ada", "Acme", "2026-12-01T10:00:00Z"),
        Interview("Ada", "Beta", "2026-12-03T16:00:00+01:00[Europe/Paris]"),
    ]
    plans = list(plan_many(batch))
    assert [plan.as_of for plan in plans] == [interview.at for interview in batch]
    assert [plan.steps[0].kind for plan in plans] == [StepKind.CLOSE_CALL] * 2


# -- Rules ----------------------------------------------------------------


@given(st.lists(st.sampled_from(DEFAULT_RULES.codes), unique=True, min_size=1))
def test_reordered_puts_the_named_first_and_keeps_the_rest_in_order(named):
    """RuleSet.reordered: "those named ... first, in that order ... the rules
    not named keep their order after the named ones"."""
    codes = DEFAULT_RULES.reordered(*named).codes
    rest = [code for code in DEFAULT_RULES.codes if code not in named]
    assert codes == (*named, *rest)


def test_of_kind_gives_the_steps_in_the_order_they_were_proposed():
    """Draft.of_kind: "The steps of the given kinds, in the order they were
    proposed" (not the order the kinds are asked in)."""
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    window = (_utc(2026, 11, 30, 14), _utc(2026, 11, 30, 22))
    call = new_step(facts, "call", "phone", window, rule="OWN001", reason="r")
    back = new_step(facts, "call-back", "phone", window, rule="OWN001", reason="r")
    draft = Draft(facts).proposing(call, back)
    assert draft.of_kind("call-back", "call") == (call, back)
    assert Draft(facts).proposing(back, call).of_kind("call", "call-back") == (
        back,
        call,
    )


def test_a_due_time_left_outside_a_moved_window_goes_to_its_nearest_edge():
    """moved_step: "a due time left outside the new window is brought to its
    nearest edge"."""
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    step = new_step(
        facts,
        "call",
        "phone",
        (_utc(2026, 11, 30, 14), _utc(2026, 11, 30, 22)),
        due=_utc(2026, 11, 30, 18),
        rule="OWN001",
        reason="r",
    )
    later = moved_step(step, facts, start=_utc(2026, 11, 30, 20), by="OWN001")
    assert later.due == _utc(2026, 11, 30, 20)
    assert later.window.end == step.window.end
    sooner = moved_step(step, facts, end=_utc(2026, 11, 30, 16), by="OWN001")
    assert sooner.due == _utc(2026, 11, 30, 16)
    assert sooner.window.start == step.window.start


# -- Edges ----------------------------------------------------------------


def test_many_plans_in_one_calendar_write_each_zone_once():
    """docs/edges.md: `to_ics_many(plans)` writes several plans as one
    calendar, "and each zone gets one VTIMEZONE"."""
    plans = [
        plan_followups(Interview(name, "Acme", at))
        for name, at in [
            ("Ada", AT),
            ("Bo", "2026-11-23T16:00:00+01:00[Europe/Paris]"),
            ("Cy", "2026-11-24T16:00:00+01:00[Europe/Paris]"),
            ("Di", "2026-11-25T10:00:00-05:00[America/New_York]"),
        ]
    ]
    lines = to_ics_many(plans).decode().splitlines()
    zones = [line for line in lines if line.startswith("TZID:")]
    assert sorted(zones) == ["TZID:America/New_York", "TZID:Europe/Paris"]
    assert lines.count("BEGIN:VTIMEZONE") == 2


# -- Fixed: what the docs promised and the code did not do ------------------


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda f, w: new_step(f, "call", "phone", w, rule="", reason="r"), "rule", ""),
        (
            lambda f, w: new_step(f, "call", "phone", w, rule="OWN001", reason=""),
            "reason",
            "",
        ),
        (
            lambda f, w: new_step(f, "call", "phone", w, rule="OWN001", reason="  "),
            "reason",
            "  ",
        ),
        (
            lambda f, w: moved_step(
                new_step(f, "call", "phone", w, rule="OWN001", reason="r"),
                f,
                at=w[1],
                by="",
            ),
            "by",
            "",
        ),
        (
            lambda f, w: moved_step(
                new_step(f, "call", "phone", w, rule="OWN001", reason="r"),
                f,
                at=w[1],
                by="OWN001",
                why=" ",
            ),
            "why",
            " ",
        ),
    ],
    ids=["rule", "reason", "blank-reason", "by", "why"],
)
def test_an_empty_text_for_a_step_is_a_value_error_as_for_step(call, field, value):
    """new_step: "InvalidValueError: ... a value is out of range.
    InvalidTypeError: a value is of the wrong type"; followup.errors:
    InvalidTypeError is "a value of a type it does not accept".  An empty
    text is text: refused as `Step` refuses it, "'' is empty"."""
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    window = (_utc(2026, 11, 30, 14), _utc(2026, 11, 30, 22))
    with pytest.raises(InvalidValueError) as raised:
        call(facts, window)
    assert type(raised.value) is InvalidValueError
    assert str(raised.value) == f"{field}: {value!r} is empty"
    assert (raised.value.field, raised.value.value) == (field, value)


def test_dropping_a_step_the_draft_does_not_hold_is_refused():
    """Draft: "Every method checks what it is given" — `replacing` refuses a
    step that is not in the draft; `dropping` one (a step the rule moved
    since, say) must not drop nothing in silence."""
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    window = (_utc(2026, 11, 30, 14), _utc(2026, 11, 30, 22))
    call = new_step(facts, "call", "phone", window, rule="OWN001", reason="r")
    draft = Draft(facts).proposing(call)
    moved = moved_step(call, facts, at=window[1], by="OWN001")
    moved_draft = draft.replacing(call, moved)
    with pytest.raises(
        InvalidValueError, match=r"^dropping\[0\]: 'call' is not a step of this draft$"
    ):
        moved_draft.dropping(call)
    assert moved_draft.dropping(moved).steps == ()
    assert draft.dropping(call, call).steps == ()


@pytest.mark.parametrize(
    ("days", "field", "problem"),
    [
        (
            (dt.date(2026, 11, 27), dt.date(2026, 11, 24)),
            "last",
            "'2026-11-27/2026-11-24' ends before it begins",
        ),
        (
            (dt.date(2026, 11, 24), dt.date(2027, 12, 1)),
            "last",
            "'2026-11-24/2027-12-01' is longer than a year",
        ),
        (
            (dt.date(2026, 11, 24), dt.date(2026, 11, 27), ""),
            "name",
            "'' is not a one-line name for a closure",
        ),
        (("2026-11-24", "soon"), "last", "'soon' is not a date (YYYY-MM-DD)"),
    ],
    ids=["reversed", "too-long", "unnamed", "no-date"],
)
def test_a_closure_made_by_hand_is_validated_as_its_text_would_be(days, field, problem):
    """RuleSet.configure: "new parameter values, validated as on
    construction"; followup.errors: `FollowUpError` is the "base of every
    error the library raises on bad input or configuration".  A `Closure`
    is held to the checks its text ("2026-11-27/2026-11-24") meets when it
    is made, rather than closing nothing, garbling a reason or failing later
    with a bare `TypeError`; given as text to FU011 or a `WorkingCalendar`,
    the same problem is named by the setting."""
    with pytest.raises(InvalidValueError) as raised:
        Closure(*days)
    assert str(raised.value) == f"Closure.{field}: {problem}"
    text = "/".join(str(day) for day in days[:2])
    named = {"closed": {text: days[2]}} if len(days) > 2 else {"closed": [text]}
    with pytest.raises(RuleConfigurationError) as raised_too:
        DEFAULT_RULES.configure("FU011", **named)
    assert str(raised_too.value) == f"rule FU011: WorkingHoursParams.closed: {problem}"
    with pytest.raises(InvalidValueError) as raised_again:
        WorkingCalendar(**named)
    assert str(raised_again.value) == f"WorkingCalendar.closed: {problem}"


def test_a_closure_made_by_hand_that_is_right_is_kept_as_it_is():
    """docs/time.md: closures are "days off of one's own", named in the
    reasons; a right `Closure` passes the checks unchanged."""
    offsite = Closure(dt.date(2026, 11, 24), dt.date(2026, 11, 27), "the offsite")
    assert WorkingCalendar(closed=[offsite]).closed == (offsite,)
    rules = DEFAULT_RULES.configure("FU011", closed=(offsite,))
    follow_up = plan_followups(Interview("Ada", "Acme", AT), rules=rules).steps[2]
    assert "(the offsite from Tue 24 Nov to Fri 27 Nov are no business" in (
        follow_up.reason
    )


def test_a_window_moved_past_the_end_of_2204_is_refused_by_name():
    """docs/time.md: what a plan holds, "a `Window`'s ends", may run "to
    2204-12-31"; "anything outside is refused by field name" — a window
    moved to start late that year cannot end in 2205, as a `Window` built by
    hand with that end cannot, since JSON could not read it back."""
    window = Window("2026-11-25T09:00:00-05:00", "2026-11-26T09:00:00-05:00")
    last = window.moved_to("2204-12-30T23:59:59Z")
    assert last.end == Window(last.start, "2204-12-31T23:59:59Z").end
    with pytest.raises(
        InvalidValueError,
        match=r"^Window\.end: '2205-01-01T00:00:00\+00:00' is outside the supported "
        r"range \(1900-01-01 to 2204-12-31, UTC\)$",
    ):
        window.moved_to("2204-12-31T00:00:00Z")
    with pytest.raises(InvalidValueError, match=r"^Window\.end: .* is outside"):
        Window("2204-12-31T00:00:00Z", "2205-01-01T00:00:00Z")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"history": 42}, "history: expected a sequence of Event, got int 42"),
        ({"history": [42]}, "history[0]: expected an Event, got int 42"),
        ({"history": "ab"}, "history: expected a sequence of Event, got str 'ab'"),
        ({"interview": "Ada"}, "interview: expected an Interview, got str 'Ada'"),
    ],
    ids=["no-sequence", "no-event", "text", "no-interview"],
)
@pytest.mark.parametrize("as_steps", [False, True], ids=["plan", "steps"])
def test_check_plan_refuses_an_argument_of_the_wrong_type_as_its_own(
    arguments, message, as_steps
):
    """check_plan: "Raises: FollowUpError: an argument of the wrong type" —
    an `InvalidTypeError` naming it, as `plan_followups` raises, not a bare
    `TypeError` or `AttributeError` from inside."""
    interview = Interview("Ada", "Acme", AT)
    plan = plan_followups(interview)
    checked = list(plan.steps) if as_steps else plan
    given = {"interview": interview, **arguments}
    with pytest.raises(InvalidTypeError) as raised:
        check_plan(checked, given["interview"], given.get("history", ()))
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda plan: to_ics_many(42),
            "plans: expected an iterable of FollowUpPlan, got int 42",
        ),
        (
            lambda plan: step_uid(42, plan.steps[0]),
            "interview: expected an Interview, got int 42",
        ),
        (
            lambda plan: step_uid(plan.interview, "call"),
            "step: expected a Step, got str 'call'",
        ),
        (
            interview_uid_prefix,
            "interview: expected an Interview, got FollowUpPlan",
        ),
        (
            lambda plan: sequence_of(plan.interview),
            "plan: expected a FollowUpPlan, got Interview",
        ),
    ],
    ids=[
        "to_ics_many",
        "step_uid-interview",
        "step_uid-step",
        "uid-prefix",
        "sequence",
    ],
)
def test_the_calendar_helpers_refuse_what_they_cannot_read_by_name(call, message):
    """followup.errors: `FollowUpError` is the "base of every error the
    library raises on bad input"; `to_ics_many` raises `InvalidTypeError`
    for what is not a plan.  The UID and SEQUENCE helpers the calendar
    edge documents do the same, rather than fail with a bare `TypeError` or
    `AttributeError`."""
    plan = plan_followups(Interview("Ada", "Acme", AT))
    with pytest.raises(InvalidTypeError) as raised:
        call(plan)
    assert str(raised.value).startswith(message)


def test_facts_local_refuses_a_naive_datetime_rather_than_read_the_machine_zone():
    """docs/time.md: "Every datetime is aware ... A naive value ... is
    refused rather than silently read"; docs/model.md: "the same inputs give
    the same plan on every machine".  `Facts.local(moment)`, which a rule
    uses to put an instant on the recipient's calendar, read a naive
    datetime in the machine's own zone, as `DraftWindow.contains` once did."""
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    with pytest.raises(
        NaiveDatetimeError, match=r"^moment: '2026-11-30T14:00:00' has no"
    ):
        facts.local(dt.datetime(2026, 11, 30, 14))
    with pytest.raises(InvalidTypeError, match=r"^moment: expected an aware datetime"):
        facts.local(dt.date(2026, 11, 30))
    aware = _utc(2026, 11, 30, 14)
    assert facts.local(aware) == aware
    assert facts.local(aware).utcoffset() == dt.timedelta(hours=-5)
    assert facts.local("2026-11-30T14:00:00Z") == aware


def test_replace_refuses_what_is_no_rule_as_extend_does():
    """followup.errors: `FollowUpError` is the "base of every error the
    library raises on bad input or configuration"; `RuleSet.extend` says
    "42 is not a rule", and `replace` must say so too, not fail with an
    `AttributeError`."""
    message = r"^42 is not a rule: a rule has code, name, summary, advice"
    with pytest.raises(RuleConfigurationError, match=message):
        DEFAULT_RULES.extend(42)
    with pytest.raises(RuleConfigurationError, match=message):
        DEFAULT_RULES.replace(42)
    quick = DEFAULT_RULES.configure("FU003", within_hours=4)["FU003"]
    assert DEFAULT_RULES.replace(quick)["FU003"] is quick


def test_with_plugins_names_a_plugin_that_is_no_text_as_not_installed():
    """RuleSet.with_plugins: "Raises: PluginError: a plugin cannot be
    loaded"; plugins.load_plugins: "a name asked for is not installed" —
    a name that is no text is not installed either, and was a bare
    `TypeError` from the did-you-mean."""
    with pytest.raises(
        PluginError, match=r"^no plugin 42 in the entry-point group 'followup.rules'"
    ):
        DEFAULT_RULES.with_plugins(42)


@pytest.mark.parametrize(
    ("ask", "error", "message"),
    [
        (
            lambda letter: letter.expresses("love"),
            InvalidValueError,
            "element: 'love' is not 'thanks', 'interest' or 'fit'",
        ),
        (
            lambda letter: letter.lines(0),
            InvalidValueError,
            "width: 0 is not 1 or more",
        ),
        (
            lambda letter: letter.lines("80"),
            InvalidTypeError,
            "width: expected a whole number of columns (int), got str '80'",
        ),
        (
            lambda letter: letter.names(42),
            InvalidTypeError,
            "phrase: expected text (str), got int 42",
        ),
    ],
    ids=["expresses", "lines-zero", "lines-text", "names"],
)
def test_a_letter_refuses_a_question_it_cannot_answer_by_name(ask, error, message):
    """Letter.expresses: `element` is "thanks", "interest" or "fit";
    followup.errors: `FollowUpError` is the "base of every error the library
    raises on bad input" — not a `KeyError`, a `ZeroDivisionError` or a
    `TypeError` from inside."""
    letter = Letter("Thank you for Monday. Ada Lovelace", Interview("Ada", "Acme", AT))
    with pytest.raises(error) as raised:
        ask(letter)
    assert type(raised.value) is error
    assert str(raised.value) == message
    assert letter.expresses("thanks")
    assert letter.lines(80) == 1
