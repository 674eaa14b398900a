"""Rule files take what `configure` takes, and name every parameter they refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import DEFAULT_RULES, FollowUpError, RuleConfigurationError, RuleSet


@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("working-time", {"start": "18:00", "end": "23:00"}),
        ("working-time", {"start": "05:00", "end": "08:00"}),
        ("FU004", {"earliest_days": 5, "latest_days": 8}),
        ("FU006", {"earliest_days": 20, "latest_days": 30}),
        ("FU007", {"earliest_days": 20, "latest_days": 25}),
    ],
)
def test_a_file_takes_bounds_that_only_make_sense_together(key, params):
    from_file = RuleSet.from_mapping({"rules": {key: params}})
    assert from_file == DEFAULT_RULES.configure(key, **params)


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"start": "09:00+05:00"}, r"rules.working-time.start: '09:00\+05:00' has an"),
        ({"kinds": 5}, r"rules.working-time.kinds: expected a list of step kinds"),
        ({"weekdays": 0.0}, r"rules.working-time.weekdays: expected a list of"),
    ],
)
def test_values_of_the_wrong_shape_are_configuration_errors(params, problem):
    with pytest.raises(RuleConfigurationError, match=problem):
        RuleSet.from_mapping({"rules": {"working-time": params}})
    with pytest.raises(RuleConfigurationError):
        DEFAULT_RULES.configure("working-time", **params)


def test_every_wrong_parameter_of_a_rule_is_named_at_once():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {
                "rules": {
                    "working-time": {
                        "start": "19:00",
                        "end": "18:00",
                        "kinds": 5,
                        "bogus": 1,
                    }
                }
            }
        )
    message = str(raised.value)
    for part in (
        "rules.working-time.bogus: ",
        "rules.working-time.kinds: expected a list",
        "rules.working-time.start: '19:00:00' is after end",
    ):
        assert part in message


times = st.times().map(lambda t: t.replace(microsecond=0))


@given(times, times)
def test_a_file_accepts_exactly_the_working_hours_configure_accepts(start, end):
    params = {"start": start.isoformat(), "end": end.isoformat()}
    try:
        expected = DEFAULT_RULES.configure("working-time", **params)
    except FollowUpError:
        expected = None
    try:
        made = RuleSet.from_mapping({"rules": {"working-time": params}})
    except RuleConfigurationError:
        made = None
    assert made == expected
    assert (made is None) == (start >= end)


@given(st.integers(-2, 70), st.integers(-2, 70), st.sampled_from(["FU004", "FU006"]))
def test_a_file_accepts_exactly_the_day_windows_configure_accepts(low, high, key):
    params = {"earliest_days": low, "latest_days": high}
    try:
        expected = DEFAULT_RULES.configure(key, **params)
    except FollowUpError:
        expected = None
    try:
        made = RuleSet.from_mapping({"rules": {key: params}})
    except RuleConfigurationError:
        made = None
    assert made == expected


def test_a_time_object_with_an_offset_is_refused_too():
    aware = dt.time(9, tzinfo=dt.timezone.utc)
    with pytest.raises(RuleConfigurationError, match="has an offset"):
        DEFAULT_RULES.configure("working-time", start=aware)


@pytest.mark.parametrize(
    ("rule", "params", "problem"),
    [
        # The default start is after the end given: the table is named, and
        # the value quoted is the one that is wrong with it.
        (
            "FU011",
            {"end": "00:00:01"},
            r"rules.FU011: WorkingHoursParams.start: '09:00:00' is after end",
        ),
        (
            "FU004",
            {"latest_days": 1},
            r"rules.FU004: FollowUpParams.earliest_days: 2 is after latest_days",
        ),
    ],
)
def test_a_given_parameter_that_contradicts_a_default_names_both(rule, params, problem):
    with pytest.raises(RuleConfigurationError, match=problem):
        RuleSet.from_mapping({"rules": {rule: params}})


def test_working_time_cannot_govern_the_close_of_the_call():
    # FU001 keeps the close in the call; FU011 would move it out, and back.
    with pytest.raises(
        RuleConfigurationError,
        match=r"rules.FU011.kinds: 'close-call' happens during the call",
    ):
        RuleSet.from_mapping({"rules": {"FU011": {"kinds": ["close-call", "call"]}}})
    thanks = DEFAULT_RULES.configure("FU011", kinds=["thank-you", "follow-up"])
    assert "thank-you" in {kind.value for kind in thanks["FU011"].params.kinds}


def test_a_wrong_time_is_named_by_its_key_beside_others():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {"working-time": {"start": "09:00+05:00", "end": "23:00"}}}
        )
    assert "rules.working-time.start: '09:00+05:00' has an offset" in str(raised.value)


HUGE = "k" * 100_000


@pytest.mark.parametrize(
    "configure",
    [
        lambda: DEFAULT_RULES.configure(HUGE),
        lambda: DEFAULT_RULES.configure("FU011", **{HUGE: 1}),
        lambda: DEFAULT_RULES.select(HUGE),
        lambda: RuleSet.from_mapping({HUGE: 1}),
        lambda: RuleSet.from_mapping({"plugins": [HUGE]}),
        lambda: RuleSet.from_mapping({"plugins": HUGE}),
        lambda: RuleSet.from_mapping({"rules": {HUGE: {}}}),
        lambda: RuleSet.from_mapping({"rules": {"FU011": {HUGE: 1}}}),
        lambda: RuleSet.from_mapping({"order": [HUGE]}),
    ],
)
def test_a_huge_key_or_name_is_cut_short_in_the_message(configure):
    with pytest.raises(FollowUpError) as caught:
        configure()
    message = str(caught.value)
    assert "(100000 characters)" in message
    assert len(message) < 1_000


def test_a_key_of_a_names_length_is_quoted_whole():
    key = "k" * 100
    with pytest.raises(RuleConfigurationError) as caught:
        RuleSet.from_mapping({"rules": {"FU011": {key: 1}}})
    assert f"rules.FU011.{key}: " in str(caught.value)
    assert f"no parameter {key!r}" in str(caught.value)
