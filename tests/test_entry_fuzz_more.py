"""More hostile input for the entries that read user data, and inputs grown large.

What the fuzzing and scaling campaign of `tests/test_fuzz_entries.py` and
`tests/test_input_scaling.py` did not reach: plain data given to `to_json`
(naive datetimes, bytes, keys that are not text), configuration data whose
names Python cannot write as text, and the premise that keeps the batch
commands' two JSON Lines writers equal.  Nothing here times anything: a
large input must simply come back with the right value or error.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import sys
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Contact,
    Event,
    FollowUpError,
    Interview,
    InvalidTypeError,
    NaiveDatetimeError,
    RuleConfigurationError,
    RuleSet,
    plan_followups,
)
from followup._due import day_of, planning_moment, reminders
from followup.json import from_json, to_json, unstructure
from followup.testing import situations

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NAIVE = dt.datetime(2026, 11, 23, 10, 0)  # naive on purpose
#: More digits than Python writes out (4,300 by default): str() and repr()
#: of it raise ValueError.
HUGE = 10**5000


def _nested(depth: int, inner: object = None) -> Any:
    value: Any = inner
    for _ in range(depth):
        value = [value]
    return value


# --- to_json of plain data ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (NAIVE, "value"),
        ({"calls": [AT, NAIVE]}, "value['calls'][1]"),
        ([{"at": pendulum.naive(2026, 11, 23)}], "value[0]['at']"),
    ],
    ids=["alone", "in a list in an object", "pendulum's naive"],
)
def test_to_json_refuses_a_naive_datetime_naming_its_place(value, field):
    # It was written without a zone, "2026-11-23T10:00:00", which from_json
    # and every constructor refuse; pendulum's naive one was refused as
    # holding "NaN or an infinity".
    with pytest.raises(NaiveDatetimeError) as caught:
        to_json(value)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert "has no time zone" in str(caught.value)


def test_to_json_still_writes_an_aware_datetime_in_plain_data():
    moment = dt.datetime(2026, 11, 23, 15, tzinfo=dt.timezone.utc)
    assert json.loads(to_json({"at": moment})) == {"at": "2026-11-23T15:00:00+00:00"}


@pytest.mark.parametrize(
    ("value", "field", "shown"),
    [
        (b"abc", "value", "bytes b'abc'"),
        ({"attachment": [bytearray(b"\x00")]}, "value['attachment'][0]", "bytearray"),
    ],
)
def test_to_json_refuses_bytes_naming_their_place(value, field, shown):
    # They were written as Base85 text ("VPaz" for b"abc"), which nothing
    # reads back as bytes and which looks like any other text.
    with pytest.raises(InvalidTypeError) as caught:
        to_json(value)
    assert caught.value.field == field
    assert shown in str(caught.value)


@pytest.mark.parametrize(
    ("value", "field", "key"),
    [
        ({1: "one"}, "value", 1),
        ({"scores": {None: 1}}, "value['scores']", None),
        ([{"a": 1}, {True: 2}], "value[1]", True),
        ({1: "a", "1": "b"}, "value", 1),
    ],
)
def test_to_json_refuses_a_key_that_is_not_text(value, field, key):
    # Written as text, {1: "a", "1": "b"} became {"1": "a", "1": "b"}: one
    # key twice, which from_json refuses and other readers take differently.
    with pytest.raises(InvalidTypeError) as caught:
        to_json(value)
    assert caught.value.field == field
    assert caught.value.value == key
    assert "text as each key of an object" in str(caught.value)


def test_to_json_names_a_huge_key_on_the_way_cut_short():
    with pytest.raises(InvalidTypeError) as caught:
        to_json({"k" * 100_000: [{2: 3}]})
    assert caught.value.field.startswith("value['kkkk")
    assert "(100000 characters)][0]" in caught.value.field
    assert len(str(caught.value)) < 500


def test_to_json_finds_what_has_no_form_deep_down_and_ends_on_loops():
    # A walk by recursion would stop at Python's limit; data that holds
    # itself must not be walked for ever.
    deep = {"a": _nested(50_000, {"b": b"x"})}
    with pytest.raises(InvalidTypeError) as caught:
        to_json(deep)
    assert caught.value.field.endswith("[0][0]['b']")
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises(InvalidTypeError, match=r"^value: .*nested less deeply"):
        to_json(looped)


def test_to_json_of_a_plan_is_as_before():
    plan = plan_followups(Interview("Ada", "Acme", AT))
    assert from_json(to_json(plan), type(plan)) == plan


json_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
json_data = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | json_texts,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(json_texts, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_data)
def test_to_json_writes_plain_json_data_as_json_does(data):
    assert json.loads(to_json(data)) == data


# Where one thing JSON has no form for goes, in data that is otherwise
# JSON: the walk must find it wherever it is.
no_form = st.sampled_from([NAIVE, b"", bytearray(b"a")])


@st.composite
def with_one_bad_place(draw: st.DrawFn) -> tuple[Any, str]:
    data = draw(st.lists(json_data, min_size=1, max_size=4))
    index = draw(st.integers(0, len(data) - 1))
    if draw(st.booleans()):
        data[index] = {"x": draw(no_form)}
        return data, f"value[{index}]['x']"
    data[index] = {7: "seven"}
    return data, f"value[{index}]"


@given(with_one_bad_place())
def test_to_json_refuses_the_one_place_without_a_form_by_its_path(case):
    data, field = case
    with pytest.raises((InvalidTypeError, NaiveDatetimeError)) as caught:
        to_json(data)
    assert caught.value.field == field


# --- RuleSet.from_mapping with names Python cannot write -----------------


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"select": [HUGE]}, "select: an integer of 16610 bits is no code or name"),
        ({"ignore": ["FU002", HUGE]}, "ignore: an integer of 16610 bits is no code"),
        # Python 3.13 writes a list this deep as text (its C code has a
        # recursion limit of its own): then it is a name no rule has.
        (
            {"order": [_nested(5_000)]},
            (
                "order: <nested too deeply to show> is no code"
                if sys.version_info < (3, 13)
                else "order: no rule '[[[["
            ),
        ),
        (
            {"rules": {HUGE: {}}},
            "rules: an integer of 16610 bits is no rule's code or name",
        ),
        (
            {"rules": {"FU008": {HUGE: 1}}},
            "rules.FU008: an integer of 16610 bits is no parameter's name",
        ),
        ({HUGE: 1}, "unknown key an integer of 16610 bits; the keys are plugins"),
    ],
    ids=["select", "ignore", "order", "rule", "parameter", "key"],
)
def test_a_name_python_cannot_write_is_refused_by_its_place(settings, problem):
    # Each was made text with str(): a ValueError (an integer of more digits
    # than Python writes) or a RecursionError (a deep list) escaped.
    with pytest.raises(RuleConfigurationError) as caught:
        RuleSet.from_mapping(settings)
    assert str(caught.value).startswith(f"rule configuration: {problem}")


def test_the_other_problems_of_the_settings_are_still_named_beside_it():
    with pytest.raises(RuleConfigurationError) as caught:
        RuleSet.from_mapping(
            {"rules": {"FU008": {HUGE: 1, "max_calls": 0}}, "select": ["FU999"]}
        )
    message = str(caught.value)
    assert "rules.FU008: an integer of 16610 bits is no parameter's name" in message
    assert "rules.FU008.max_calls: 0 is outside 1..20" in message
    assert "select: no rule 'FU999'" in message


# Huge integers are left to the cases above: one inside a list is worded by
# followup.errors, whose fault that is (below).  A deep list is built by map:
# Hypothesis describes a strategy by the repr of what it holds.
hostile_settings_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([math.nan, "FU008", "FU", "working-time", ""])
    | st.text(max_size=6)
    | st.just(3_000).map(_nested),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["FU008", "FU011", "max_calls", "start", "x"])
            | st.integers()
            | st.tuples(st.integers()),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


@given(
    st.dictionaries(
        st.sampled_from(["select", "ignore", "order", "rules", "plugins", "other"]),
        hostile_settings_values,
        max_size=3,
    )
)
def test_settings_of_any_shape_make_a_rule_set_or_the_librarys_error(settings):
    try:
        rules = RuleSet.from_mapping(settings)
    except FollowUpError as error:
        message = str(error)
    else:
        message = "rule configuration: taken"
        assert isinstance(rules, RuleSet)
    assert message.startswith("rule configuration")


# --- the batch commands' JSON Lines: why the two writers agree ----------


def _floats_in(value: object) -> list[float]:
    todo = [value]
    found = []
    while todo:
        item = todo.pop()
        if isinstance(item, float):
            found.append(item)
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, (list, tuple)):
            todo.extend(item)
    return found


@given(situations())
def test_what_the_batch_commands_write_holds_no_number_with_a_fraction(situation):
    # orjson writes NaN as null and the standard library as NaN (and 1e16
    # as "1e16" against "1e+16"): the two agree on the lines only because
    # a plan's data and a reminder's record hold no float at all, whatever
    # the input (a duration is written as ISO 8601, counts as integers).
    # Refusing NaN in `json_line` would cost a walk of every line, the
    # time orjson is there to save; this holds the premise instead.
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    assert _floats_in(unstructure(plan)) == []
    # The day as the recipient has it at `now`: the history goes no further.
    day = day_of(interview, now)
    moment = planning_moment(interview, history, day)
    for reminder in reminders(
        plan_followups(interview, history, now=moment), history, day
    ):
        assert _floats_in(reminder.record("tracker-1")) == []


# --- long histories -------------------------------------------------------


def test_a_long_history_in_any_order_plans_as_in_order():
    start = pendulum.parse("2026-11-23T10:00:00-05:00")
    history = [
        Event(
            "called",
            start.add(hours=2, minutes=i),
            outcome="undecided",
            call_back_at=start.add(days=30, minutes=i),
        )
        for i in range(4_000)
    ]
    interview = Interview("Ada", "Acme", AT)
    now = start.add(days=20)
    shuffled = history[:]
    random.Random(69).shuffle(shuffled)  # noqa: S311 - an order, no secret
    in_order = plan_followups(interview, history, now=now)
    assert plan_followups(interview, shuffled, now=now) == in_order
    # The last call agreed a call-back, which would be call-back #4000: a
    # step's number is at most 999, and none is planned.
    assert in_order.steps == ()
    # Of 999 calls, the last call's agreed call-back is planned, at its time.
    fewer = plan_followups(interview, shuffled[:999], now=now)
    (step,) = fewer.steps
    assert (step.number, step.due) == (
        999,
        max(shuffled[:999], key=lambda e: e.at).call_back_at,
    )


# --- a huge integer inside a value, a zone name of hundreds of parts -------


@pytest.mark.parametrize(
    "make",
    [
        lambda: Interview("Ada", [HUGE], AT),
        lambda: Event("called", AT, outcome={"a": HUGE}),
        lambda: to_json({"score": HUGE}),
        lambda: RuleSet.from_mapping({"plugins": [HUGE]}),
    ],
    ids=["Interview", "Event", "to_json", "plugins"],
)
def test_a_value_holding_a_huge_integer_is_refused_by_name(make):
    # repr() of a list holding one raises ValueError, and the message was
    # built with int.bit_length(list): a TypeError instead of the error.
    with pytest.raises(FollowUpError):
        make()


@pytest.mark.parametrize(
    "make",
    [
        lambda name: Contact("Grace", timezone=name),
        lambda name: Interview("Ada", "Acme", f"2026-11-23T10:00:00-05:00[{name}]"),
        lambda name: Event("called", f"2026-11-23T10:00:00-05:00[{name}]"),
    ],
    ids=["Contact.timezone", "Interview.at", "Event.at"],
)
def test_a_zone_name_of_hundreds_of_parts_is_unknown(make):
    # zoneinfo imports a name's parts one inside the next: RecursionError.
    with pytest.raises(FollowUpError):
        make("A/" * 400 + "x")
