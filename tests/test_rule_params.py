"""The validators rule parameters share: bounds, types and messages, word for word.

A rule file is written by hand, so what these say is what a user reads on a
mistake: the parameter as ``Class.field``, the value, and what is allowed.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    StepKind,
)
from followup.errors import did_you_mean
from followup.rules._params import (
    DayCount,
    boolean,
    call_minutes,
    check_order,
    clock_time,
    kinds,
    letter_channel,
    whole,
)


@attrs.frozen
class Knobs:
    count: int = attrs.field(default=3, validator=whole(1, 5))
    loud: bool = attrs.field(default=True, validator=boolean)


@attrs.frozen
class Span:
    low: object
    high: object


@pytest.mark.parametrize("count", [1, 3, 5])
def test_a_whole_number_is_taken_up_to_and_including_its_bounds(count):
    assert Knobs(count=count).count == count


@pytest.mark.parametrize("count", [0, 6, -1])
def test_a_whole_number_outside_its_bounds_is_refused_with_them(count):
    with pytest.raises(InvalidValueError) as caught:
        Knobs(count=count)
    assert str(caught.value) == f"Knobs.count: {count} is outside 1..5"
    assert (caught.value.field, caught.value.value) == ("Knobs.count", count)


@pytest.mark.parametrize(
    ("value", "shown"), [(True, "bool True"), ("3", "str '3'"), (3.0, "float 3.0")]
)
def test_a_whole_number_of_another_type_is_refused(value, shown):
    with pytest.raises(InvalidTypeError) as caught:
        Knobs(count=value)
    assert str(caught.value) == f"Knobs.count: expected a whole number, got {shown}"


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_takes_true_and_false(value):
    assert Knobs(loud=value).loud is value


@pytest.mark.parametrize(("value", "shown"), [(1, "int 1"), ("yes", "str 'yes'")])
def test_a_boolean_refuses_truthy_values(value, shown):
    with pytest.raises(InvalidTypeError) as caught:
        Knobs(loud=value)
    assert str(caught.value) == f"Knobs.loud: expected true or false, got {shown}"


@pytest.mark.parametrize(("low", "high"), [(1, 2), (2, 2), (dt.time(9), dt.time(9))])
def test_an_order_that_holds_passes(low, high):
    assert check_order(Span(low, high), "low", "high") is None


def test_an_order_that_fails_names_both_fields_and_values():
    with pytest.raises(InvalidValueError) as caught:
        check_order(Span(3, 2), "low", "high")
    assert str(caught.value) == "Span.low: 3 is after high (2); low <= high is required"
    assert caught.value.value == 3


def test_an_order_of_times_shows_the_low_one_as_iso_text():
    with pytest.raises(InvalidValueError) as caught:
        check_order(Span(dt.time(10), dt.time(9)), "low", "high")
    assert caught.value.value == "10:00:00"
    assert str(caught.value) == (
        "Span.low: '10:00:00' is after high (09:00:00); low <= high is required"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("09:00", dt.time(9)),
        (" 09:30\n", dt.time(9, 30)),
        ("17:45:30", dt.time(17, 45, 30)),
        (dt.time(8), dt.time(8)),
    ],
)
def test_a_clock_time_is_read_from_text_or_taken_as_it_is(value, expected):
    assert clock_time(value, "start") == expected


@pytest.mark.parametrize("value", ["25:00", "9", "", "nine", 9, None])
def test_a_clock_time_that_is_none_is_refused(value):
    with pytest.raises(InvalidValueError) as caught:
        clock_time(value, "start")
    assert caught.value.field == "start"
    assert caught.value.problem == "is not a wall-clock time such as '09:00'"


def test_a_clock_time_is_called_time_unless_named():
    with pytest.raises(InvalidValueError, match=r"^time: 'x' is not"):
        clock_time("x")


@pytest.mark.parametrize("value", ["09:00+05:00", dt.time(9, tzinfo=dt.timezone.utc)])
def test_a_clock_time_with_an_offset_is_refused(value):
    with pytest.raises(InvalidValueError) as caught:
        clock_time(value, "end")
    assert caught.value.field == "end"
    assert caught.value.value == value
    assert caught.value.problem == (
        "has an offset; give the wall-clock time in the recipient's zone"
    )


@pytest.mark.parametrize(
    ("value", "channel"),
    [
        ("email", Channel.EMAIL),
        ("printed-letter", Channel.PRINTED_LETTER),
        (Channel.HANDWRITTEN_LETTER, Channel.HANDWRITTEN_LETTER),
    ],
)
def test_a_letter_channel_is_a_written_one(value, channel):
    assert letter_channel(value) is channel


@pytest.mark.parametrize("value", ["phone", Channel.OTHER])
def test_a_letter_channel_refuses_the_phone_and_other(value):
    with pytest.raises(InvalidValueError) as caught:
        letter_channel(value)
    assert str(caught.value).startswith("channel: '")
    assert caught.value.problem == "is not written: use email or a letter (A7)"
    assert caught.value.value == Channel(value).value


def test_a_letter_channel_that_is_no_channel_names_the_choices():
    with pytest.raises(InvalidValueError) as caught:
        letter_channel("fax")
    assert caught.value.field == "channel"
    assert "'email', 'printed-letter', 'handwritten-letter'" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("call", {StepKind.CALL}),
        (StepKind.THANK_YOU, {StepKind.THANK_YOU}),
        (["call", "thank-you"], {StepKind.CALL, StepKind.THANK_YOU}),
        (("follow-up",), {StepKind.FOLLOW_UP}),
        ({"call-back"}, {StepKind.CALL_BACK}),
        (frozenset(), set()),
    ],
)
def test_kinds_are_read_from_one_or_many(value, expected):
    assert kinds(value) == frozenset(expected)


@pytest.mark.parametrize(("value", "shown"), [(5, "int 5"), ({"a": 1}, "dict")])
def test_kinds_refuse_what_is_not_a_list(value, shown):
    with pytest.raises(InvalidTypeError) as caught:
        kinds(value)
    assert str(caught.value).startswith(
        f"kinds: expected a list of step kinds, got {shown}"
    )


def test_kinds_name_an_unknown_kind():
    with pytest.raises(InvalidValueError) as caught:
        kinds(["call", "nope"])
    assert caught.value.field == "kinds"
    assert caught.value.value == "nope"


@pytest.mark.parametrize(
    ("value", "expected"), [((5, 10), (5, 10)), ([1, 60], (1, 60)), ((7, 7), (7, 7))]
)
def test_call_minutes_take_a_pair_in_bounds(value, expected):
    assert call_minutes(value) == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ((0, 5), "needs whole minutes in 1..60"),
        ((5, 61), "needs whole minutes in 1..60"),
        ((10, 5), "has its low bound above its high"),
    ],
)
def test_call_minutes_out_of_bounds_are_refused(value, problem):
    with pytest.raises(InvalidValueError) as caught:
        call_minutes(value)
    assert caught.value.field == "call_minutes"
    assert caught.value.problem == problem


def test_days_are_counted_on_the_calendar_or_in_business_days():
    assert [member.value for member in DayCount] == ["calendar", "business"]


@pytest.mark.parametrize(
    ("wrong", "choices", "hint"),
    [
        # Half the letters in common is close enough to suggest.
        ("abcd", ["abxy"], " (did you mean 'abxy'?)"),
        ("strat", ["end", "start", "kinds"], " (did you mean 'start'?)"),
        ("zzzz", ["start", "end"], ""),
        ("start", [], ""),
    ],
)
def test_the_suggestion_is_the_closest_choice_at_least_half_alike(wrong, choices, hint):
    assert did_you_mean(wrong, iter(choices)) == hint


@pytest.mark.parametrize(
    ("value", "shown"), [("x", "str 'x'"), ((1, 2, 3), "tuple (1, 2, 3)"), (5, "int 5")]
)
def test_call_minutes_that_are_no_pair_are_refused(value, shown):
    with pytest.raises(InvalidTypeError) as caught:
        call_minutes(value)
    assert str(caught.value) == (
        f"call_minutes: expected a pair of minutes (low, high), got {shown}"
    )


@pytest.mark.parametrize("value", [(True, 5), (3, 4.0), ("3", 4)])
def test_call_minutes_take_whole_numbers_only(value):
    # A bound of the wrong kind is a TypeError, as errors.py says.
    with pytest.raises(InvalidTypeError) as caught:
        call_minutes(value)
    assert str(caught.value) == (
        f"call_minutes: expected a pair of whole minutes (low, high), got tuple {value!r}"
    )


def test_call_minutes_the_wrong_way_round_show_the_pair():
    with pytest.raises(InvalidValueError) as caught:
        call_minutes((10, 5))
    assert str(caught.value) == "call_minutes: (10, 5) has its low bound above its high"


@pytest.mark.parametrize(
    ("required", "message"),
    [
        (
            ["fax"],
            (
                "rule FU002: ContactDetailsParams.required: 'fax' is not one of "
                "('name', 'email', 'phone')"
            ),
        ),
        (
            5,
            (
                "rule FU002: ContactDetailsParams.required: expected a sequence of "
                "strings, got int 5"
            ),
        ),
        (
            ["name", 5],
            (
                "rule FU002: ContactDetailsParams.required[1]: expected text (str), "
                "got int 5"
            ),
        ),
    ],
)
def test_the_contact_details_asked_for_are_named_in_errors(required, message):
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU002", required=required)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("required", "kept"),
    [("phone", ("phone",)), (["phone", "name"], ("name", "phone")), ([], ())],
)
def test_the_contact_details_asked_for_keep_one_order(required, kept):
    rules = DEFAULT_RULES.configure("FU002", required=required)
    assert rules["FU002"].params.required == kept
