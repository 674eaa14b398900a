"""followup.json: exact round trips, every problem at once, and the shipped schemas."""

from __future__ import annotations

import datetime as dt
import enum
import json
import pathlib
import sys

import jsonschema
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from referencing import Registry, Resource

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Draft,
    Event,
    Facts,
    Finding,
    FollowUpError,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Requirements,
    Severity,
    Step,
    StepKind,
    Window,
    new_step,
    plan_followups,
)
from followup.json import (
    InvalidDocumentError,
    format_duration,
    from_json,
    schema,
    structure,
    to_json,
    unstructure,
)
from followup.sync import CredentialsError
from strategies import contacts, event_documents, histories, interviews

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
AT = "2026-11-23T10:00:00+01:00[Europe/Paris]"


def round_trip(value):
    text = to_json(value)
    again = from_json(text, type(value))
    assert again == value
    # The text is the same too: zone names, durations and all.
    assert to_json(again) == text
    return again


@st.composite
def plans(draw):
    interview = draw(interviews())
    events, now = draw(histories(interview))
    return plan_followups(interview, events, now=now), events


@given(plans())
def test_plans_and_histories_round_trip_exactly(drawn):
    plan, events = drawn
    again = round_trip(plan)
    for before, after in zip(plan.steps, again.steps, strict=True):
        assert after.due.timezone_name == before.due.timezone_name
        assert isinstance(after.due, pendulum.DateTime)
    text = json.dumps(unstructure(events))
    assert structure(json.loads(text), list[Event]) == events


@given(contacts())
def test_contacts_round_trip(contact):
    round_trip(contact)


@pytest.mark.parametrize(
    "value",
    [
        Interview("Ada", "Acme", AT, duration=dt.timedelta(minutes=45, seconds=30)),
        Event("called", AT, outcome="undecided", call_back_at="2026-11-30T10:00:00Z"),
        Window(AT, "2026-11-24T10:00:00-05:00"),
        Requirements(max_lines=9, must_mention=("Ada",), call_minutes=(3, 4)),
        Finding("FU001", "warning", "late", expected="soon", actual="later"),
        Finding(
            "FU001",
            "info",
            "about a step",
            step=Step("call", "phone", Window(AT, AT), AT, rule="FU006", reason="why"),
        ),
    ],
)
def test_each_public_type_round_trips(value):
    round_trip(value)


def test_a_fixed_offset_stays_a_fixed_offset_and_a_zone_a_zone():
    text = to_json(Interview("Ada", "Acme", "2026-11-23T10:00:00+01:00"))
    assert '"at": "2026-11-23T10:00:00+01:00"' in text
    text = to_json(Interview("Ada", "Acme", AT))
    assert '"at": "2026-11-23T10:00:00+01:00[Europe/Paris]"' in text


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2026-11-23T10:00:00+00:00", "2026-11-23T10:00:00+00:00"),
        ("2026-11-23T10:00:00-00:00", "2026-11-23T10:00:00+00:00"),
        ("2026-11-23T10:00:00Z", "2026-11-23T10:00:00+00:00[UTC]"),
        ("2026-11-23T10:00:00+00:00[UTC]", "2026-11-23T10:00:00+00:00[UTC]"),
    ],
)
def test_a_zero_offset_is_an_offset_and_z_the_zone_utc(written, kept):
    interview = Interview("Ada", "Acme", written)
    assert f'"at": "{kept}"' in to_json(interview)
    round_trip(interview)
    round_trip(plan_followups(interview))


@given(
    st.datetimes(
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
    ),
    st.integers(-14 * 60, 14 * 60),
)
def test_plans_at_a_fixed_offset_round_trip_exactly(moment, minutes):
    offset = dt.timezone(dt.timedelta(minutes=minutes))
    at = moment.replace(second=0, microsecond=0, tzinfo=offset)
    text = at.isoformat()
    interview = Interview("Ada", "Acme", pendulum.parse(text))
    round_trip(interview)
    round_trip(plan_followups(interview))
    # As text, the same: an offset is never taken for a zone.
    assert round_trip(Interview("Ada", "Acme", text)).at.isoformat() == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.timedelta(minutes=30), "PT30M"),
        (dt.timedelta(hours=1, minutes=30), "PT1H30M"),
        (dt.timedelta(days=2), "P2D"),
        (dt.timedelta(seconds=1, microseconds=500000), "PT1.5S"),
        (dt.timedelta(0), "PT0S"),
    ],
)
def test_durations_are_written_as_iso_8601(value, text):
    assert format_duration(value) == text


def test_every_problem_is_reported_at_once_with_its_path():
    document = {
        "candidate": 1,
        "company": "",
        "at": "2026-11-23T10:00:00",
        "interviewer": {"name": "Grace", "email": "grace@", "timezone": "Mars/Base"},
        "duration": "soon",
        "candiate": "Ada",
    }
    with pytest.raises(InvalidDocumentError) as raised:
        structure(document, Interview)
    assert raised.value.problems == [
        "$.candidate: expected text (str), got int 1",
        "$.company: '' is empty",
        (
            "$.at: '2026-11-23T10:00:00' has no time zone; give an offset (+01:00) or a "
            "zone ([Europe/Paris]) after the time"
        ),
        (
            "$.interviewer.email: 'grace@' is not a valid email address: There must be "
            "something after the @-sign."
        ),
        (
            "$.interviewer.timezone: 'Mars/Base' is not an IANA time zone name "
            "(e.g. 'Europe/Paris')"
        ),
        "$.duration: 'soon' is not an ISO 8601 duration (e.g. PT30M) or minutes",
        "$: unknown key 'candiate' (did you mean 'candidate'?)",
    ]
    assert str(raised.value).startswith("7 problems in the Interview document: ")


def test_missing_keys_wrong_shapes_and_bad_json():
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.company: required key is missing"
    ):
        from_json('{"candidate": "Ada", "at": "2026-11-23T10:00:00Z"}', Interview)
    with pytest.raises(
        InvalidDocumentError, match=r"\$: expected an object \(Interview\)"
    ):
        from_json("[1, 2]", Interview)
    with pytest.raises(
        InvalidDocumentError,
        match=r"line 1 column 13: Expecting .:. delimiter \(not JSON\)",
    ):
        from_json('{"candidate"', Interview)
    with pytest.raises(
        InvalidDocumentError, match=r"\$\[1\]\.kind: 'emailed' is not an EventKind"
    ):
        from_json(
            '[{"kind": "called", "at": "2026-11-23T10:00:00Z"}, {"kind": "emailed", "at": "2026-11-23T10:00:00Z"}]',
            list[Event],
        )
    with pytest.raises(
        InvalidDocumentError,
        match=r"\$\[0\]\.outcome: None given, but a decision-received event needs",
    ):
        from_json(
            '[{"kind": "decision-received", "at": "2026-11-23T10:00:00Z"}]', list[Event]
        )


@pytest.mark.parametrize(
    ("document", "cls", "problem"),
    [
        (
            {"kind": "away", "at": "2026-11-24T10:00:00Z"},
            Event,
            "$.until: None given, but an event of kind away needs the day it ends",
        ),
        (
            {"kind": "decision-received", "at": "2026-11-24T10:00:00Z"},
            Event,
            (
                "$.outcome: None given, but a decision-received event needs the "
                "decision ('offer', 'rejected' or 'next-round')"
            ),
        ),
        (
            {"kind": "called", "at": "2026-11-24T10:00:00Z", "channel": "email"},
            Event,
            "$.channel: 'email' does not fit a called event",
        ),
        (
            {"kind": "called", "at": "2026-11-24T10:00:00Z", "until": "2026-12-01"},
            Event,
            (
                "$.until: '2026-12-01' belongs to a reply, an absence or a pause, not "
                "to called"
            ),
        ),
        (
            [
                {"kind": "called", "at": "2026-11-24T10:00:00Z"},
                {"kind": "away", "at": "2026-11-24T10:00:00Z"},
            ],
            list[Event],
            "$[1].until: None given, but an event of kind away needs the day it ends",
        ),
        (
            {"name": "Grace", "phone": "abc"},
            Contact,
            (
                "$.phone: 'abc' is not a phone number; write it with + and the "
                "country code"
            ),
        ),
        (
            {"name": "Grace", "country": "US", "subdivision": "ZZ"},
            Contact,
            "$.subdivision: 'ZZ' is not a subdivision of US (did you mean 'AZ'?)",
        ),
        (
            {
                "candidate": "Ada",
                "company": "Acme",
                "at": "2026-11-23T10:00:00Z",
                "interviewer": {"name": "Grace", "subdivision": "NY"},
            },
            Interview,
            "$.interviewer.subdivision: 'NY' needs Contact.country to be set",
        ),
        # A problem of the whole object stays at the object's path.
        (
            {},
            Contact,
            (
                "$: '' holds nothing: give a name, an email address, a "
                "phone number, a time zone or a country"
            ),
        ),
    ],
)
def test_a_check_across_fields_names_its_field_in_a_document(document, cls, problem):
    # Python names the field (Event.until); a document names its path.
    with pytest.raises(InvalidDocumentError) as caught:
        from_json(json.dumps(document), cls)
    assert caught.value.problems == [problem]


@given(event_documents())
def test_a_document_reports_the_constructors_problem_at_the_field_it_names(
    document,
):
    try:
        expected = Event(**document)
    except InvalidValueError as error:
        problem = f"{error.field.removeprefix('Event.')}: {error.detail}"
    else:
        assert structure(document, Event) == expected
        return
    with pytest.raises(InvalidDocumentError) as caught:
        structure(document, Event)
    assert caught.value.problems == [f"$.{problem}"]


def test_no_silent_coercion_of_numbers_strings_or_booleans():
    step = json.loads(
        to_json(Step("call", "phone", Window(AT, AT), AT, rule="FU006", reason="why"))
    )
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.number: expected int, got str '2'"
    ):
        structure({**step, "number": "2"}, Step)
    with pytest.raises(
        InvalidDocumentError,
        match=r"\$\.agreed: expected true or false, got str 'false'",
    ):
        structure({**step, "agreed": "false"}, Step)
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.rule: expected text \(str\), got int 6"
    ):
        structure({**step, "rule": 6}, Step)


@pytest.mark.parametrize(
    "document",
    [
        {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z"},
        {
            "candidate": "Ada Lovelace",
            "company": "Acme",
            "at": "2026-11-23T10:00:00-05:00[America/New_York]",
            "interviewer": {
                "name": "Grace",
                "email": "grace@example.com",
                "country": "US",
            },
            "position": "data engineer",
            "duration": "PT45M",
            "performance": "strong",
        },
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-07-01T10:00:00[Europe/Paris]",
            "duration": 20,
        },
        # Local mean time, an offset with seconds, as `to_json` writes it.
        {"candidate": "Ada", "company": "Acme", "at": "1911-01-01T00:00:00-00:16:08"},
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "1930-06-01T12:00:00+01:19:32[Europe/Amsterdam]",
        },
    ],
)
def test_valid_interviews_pass_the_schema_and_load(document):
    jsonschema.validate(document, schema("interview"))
    assert structure(document, Interview).candidate == document["candidate"]


@pytest.mark.parametrize(
    "document",
    [
        {"candidate": "Ada", "company": "Acme"},
        {"candidate": "", "company": "Acme", "at": "2026-11-23T10:00:00Z"},
        {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00"},
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
            "duration": 0,
        },
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
            "performance": "great",
        },
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
            "extra": 1,
        },
        {"candidate": "Ada\nBcc: x", "company": "Acme", "at": "2026-11-23T10:00:00Z"},
        # A control character that is no line break: the loader refuses it.
        {"candidate": "Ada\x1b[2J", "company": "Acme", "at": "2026-11-23T10:00:00Z"},
        {"candidate": "Ada", "company": "Acme\x7f", "at": "2026-11-23T10:00:00Z"},
        {"candidate": "A" * 101, "company": "Acme", "at": "2026-11-23T10:00:00Z"},
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
            "interviewer": {},
        },
        {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
            "interviewer": {"name": None, "email": None},
        },
    ],
)
def test_invalid_interviews_fail_the_schema_and_the_loader(document):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema("interview"))
    with pytest.raises(InvalidDocumentError):
        structure(document, Interview)


def _registry():
    return Registry().with_resources(
        (
            f"https://followup.invalid/schemas/{name}.schema.json",
            Resource.from_contents(schema(name)),
        )
        for name in ("interview", "event", "history")
    )


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        ({"kind": "thank-you-sent", "at": "2026-11-23T10:45:00Z"}, True),
        (
            {
                "kind": "follow-up-sent",
                "at": "2026-11-25T09:00:00Z",
                "channel": "printed-letter",
            },
            True,
        ),
        (
            {
                "kind": "called",
                "at": "2026-11-30T11:00:00Z",
                "outcome": "undecided",
                "call_back_at": "2026-12-03T16:00:00Z",
            },
            True,
        ),
        (
            {
                "kind": "decision-received",
                "at": "2026-12-05T09:00:00Z",
                "outcome": "offer",
            },
            True,
        ),
        ({"kind": "decision-received", "at": "2026-12-05T09:00:00Z"}, False),
        (
            {
                "kind": "decision-received",
                "at": "2026-12-05T09:00:00Z",
                "outcome": "undecided",
            },
            False,
        ),
        (
            {
                "kind": "thank-you-sent",
                "at": "2026-11-23T10:45:00Z",
                "outcome": "offer",
            },
            False,
        ),
        (
            {
                "kind": "called",
                "at": "2026-11-30T11:00:00Z",
                "outcome": "no-answer",
                "call_back_at": "2026-12-03T16:00:00Z",
            },
            False,
        ),
        ({"kind": "emailed", "at": "2026-11-23T10:45:00Z"}, False),
        ({"kind": "called"}, False),
        ({"kind": "away", "at": "2026-11-24T09:00:00Z", "until": "2026-12-07"}, True),
        ({"kind": "away", "at": "2026-11-24T09:00:00Z"}, False),
        ({"kind": "paused", "at": "2026-11-24T09:00:00Z", "until": None}, False),
        ({"kind": "paused", "at": "2026-11-24T09:00:00Z", "until": "2026-12-01"}, True),
        (
            {
                "kind": "paused",
                "at": "2026-11-24T09:00:00Z",
                "until": "2026-12-01",
                "channel": "email",
            },
            False,
        ),
        ({"kind": "replied", "at": "2026-11-25T09:00:00Z"}, True),
        (
            {
                "kind": "replied",
                "at": "2026-11-25T09:00:00Z",
                "until": "2026-12-04",
                "channel": "phone",
            },
            True,
        ),
        (
            {"kind": "replied", "at": "2026-11-25T09:00:00Z", "outcome": "undecided"},
            False,
        ),
        ({"kind": "replied", "at": "2026-11-25T09:00:00Z", "until": "4 Dec"}, False),
        (
            {
                "kind": "thank-you-sent",
                "at": "2026-11-23T10:45:00Z",
                "until": "2026-12-01",
            },
            False,
        ),
        (
            {"kind": "called", "at": "2026-11-30T11:00:00Z", "until": "2026-12-01"},
            False,
        ),
    ],
)
def test_the_event_schema_agrees_with_the_loader(document, valid):
    validator = jsonschema.Draft202012Validator(schema("event"), registry=_registry())
    assert validator.is_valid(document) is valid
    if valid:
        structure(document, Event)
    else:
        with pytest.raises(InvalidDocumentError):
            structure(document, Event)


def test_the_example_files_pass_their_schemas():
    with (EXAMPLES / "interview.toml").open("rb") as handle:
        interview = tomllib.load(handle)
    jsonschema.validate(interview, schema("interview"))
    with (EXAMPLES / "interview.history.toml").open("rb") as handle:
        history = tomllib.load(handle)
    jsonschema.Draft202012Validator(schema("history"), registry=_registry()).validate(
        history
    )
    jsonschema.Draft202012Validator.check_schema(schema("interview"))


@pytest.mark.parametrize("name", ["plan", ["interview"], None])
def test_unknown_schema_names_are_refused_as_a_bad_value(name):
    with pytest.raises(ValueError, match=r"^name: .* names no schema") as raised:
        schema(name)  # type: ignore[arg-type]
    assert isinstance(raised.value, InvalidValueError)
    assert raised.value.value == name


@pytest.mark.parametrize(
    "error",
    [
        InvalidDocumentError("interview", ["$.candidate: required", "$.at: bad"]),
        CredentialsError("http://host/cal/: the server refused", given=True),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_with_arguments_of_their_own_travel_between_processes(error):
    import copy  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert (type(again), str(again), again.__dict__) == (
            type(error),
            str(error),
            error.__dict__,
        )


def test_a_bad_document_in_a_process_pool_reaches_the_caller():
    import concurrent.futures  # noqa: PLC0415

    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(from_json, '{"candidate": "Ada"}', Interview)
        with pytest.raises(InvalidDocumentError, match=r"problems? in the"):
            future.result(timeout=60)


def schema_and_loader_say(document):
    """Whether the interview schema takes `document`, and the reader."""
    schema_says = jsonschema.Draft202012Validator(schema("interview")).is_valid(
        document
    )
    try:
        structure(document, Interview)
    except InvalidDocumentError:
        return schema_says, False
    return schema_says, True


@pytest.mark.parametrize(
    ("duration", "valid"),
    [
        (720, True),
        (721, False),
        ("PT1.5H", True),
        ("PT12H", True),
        ("P1M", False),
        # What the reader takes, ISO 8601's letters in either case, a
        # fraction of a day or week, and space around, the schema takes.
        ("pt30m", True),
        ("P0.5D", True),
        ("P0.05W", True),
        (" PT30M ", True),
        ("P ", False),
        ("PT", False),
        ("P1DT", False),
    ],
)
def test_the_schema_and_the_loader_agree_on_durations(duration, valid):
    document = {
        "candidate": "Ada",
        "company": "Acme",
        "at": "2026-11-23T10:00:00Z",
        "duration": duration,
    }
    assert schema_and_loader_say(document) == (valid, valid)


def test_a_fresh_converter_reads_and_writes_as_the_modules_does():
    # The module builds its converter once, at import; building one afresh
    # runs the same set-up where a test (and mutation testing) sees it.
    from followup.json import _make, _problems, converter  # noqa: PLC0415

    fresh = _make()
    plan = plan_followups(
        Interview(
            "Ada Lovelace",
            "Acme",
            "2026-11-23T10:00:00-05:00[America/New_York]",
            duration=45,
            interviewer=Contact("Grace Hopper", timezone="America/Los_Angeles"),
        )
    )
    document = converter.unstructure(plan)
    assert fresh.unstructure(plan) == document
    assert document["interview"]["at"] == "2026-11-23T10:00:00-05:00[America/New_York]"
    assert document["interview"]["duration"] == "PT45M"
    assert fresh.structure(document, FollowUpPlan) == plan
    # No coercion: a number for a name, text for a number or a flag, an
    # unknown key, and something else than an object are each refused.
    interview = converter.unstructure(plan.interview)
    for changed, problem in (
        ({"candidate": 7}, "$.candidate: expected text (str), got int 7"),
        (
            {"duration": True},
            "$.duration: expected minutes (int) or an ISO 8601 duration, got bool True",
        ),
        (
            {"performance": "splendid"},
            (
                "$.performance: 'splendid' is not a Performance (one of 'strong', "
                "'adequate', 'weak', 'unknown')"
            ),
        ),
        ({"extra": 1}, "$: unknown key 'extra'"),
    ):
        with pytest.raises(Exception) as raised:  # noqa: PT011 - cattrs' own group
            fresh.structure({**interview, **changed}, Interview)
        assert _problems(raised.value) == [problem]
    with pytest.raises(
        FollowUpError, match=r"expected an object \(Interview\), got list \[\]"
    ):
        fresh.structure([], Interview)
    with pytest.raises(FollowUpError, match=r"^expected int, got str '3'$"):
        fresh.structure("3", int)
    with pytest.raises(FollowUpError, match=r"^expected bool, got int 1$"):
        fresh.structure(1, bool)
    assert fresh.structure(3, int) == 3
    assert fresh.structure(True, bool) is True  # noqa: FBT003 - the value read


class _Length(enum.Enum):
    SHORT = "short"
    HALF_HOUR = dt.timedelta(minutes=30)


def test_a_member_is_written_as_its_value_and_a_value_as_its_own_type_is():
    # Followup's enums hold text and are written as it; an enum that holds
    # other values has each one written by the hook for its type.
    assert unstructure([StepKind.FOLLOW_UP, Channel.EMAIL, Severity.ERROR]) == [
        "follow-up",
        "email",
        "error",
    ]
    assert unstructure([_Length.SHORT, _Length.HALF_HOUR]) == ["short", "PT30M"]


@given(st.data())
def test_every_instant_the_library_writes_passes_the_schema(data):
    # Hypothesis found years before 1940 whose zones' offsets had seconds.
    interview = data.draw(interviews(years=(1900, 1975)))
    written = json.loads(to_json(interview))
    jsonschema.validate(written, schema("interview"))
    assert structure(written, Interview) == interview


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            (
                '{"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z", '
                '"performance": "strong", "performance": "weak"}'
            ),
            "performance",
        ),
        (
            (
                '{"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z", '
                '"interviewer": {"name": "Grace", "name": "Hopper"}}'
            ),
            "name",
        ),
    ],
    ids=["at the top", "nested"],
)
def test_a_key_given_twice_is_refused_not_read_as_the_last(text, key):
    # One reader keeps the first value, another the last: the same file would
    # say "strong" to one tool and "weak" to this one.
    for data in (text, text.encode()):
        with pytest.raises(InvalidDocumentError) as caught:
            from_json(data, Interview)
        assert caught.value.problems == [
            (
                f"the key {key!r} is given twice in one object, which readers take "
                "differently (not JSON)"
            )
        ]


@pytest.mark.parametrize(
    ("country", "valid"),
    [("GB", True), ("gb", True), ("GBR", True), ("UK", True), ("G", False)],
)
def test_the_schema_and_the_loader_agree_on_country_codes(country, valid):
    # Alpha-3 codes and holidays' aliases are read (and kept as alpha-2).
    document = {
        "candidate": "Ada",
        "company": "Acme",
        "at": "2026-11-23T10:00:00Z",
        "interviewer": {"country": country},
    }
    assert schema_and_loader_say(document) == (valid, valid)


def test_a_rule_or_rule_set_inside_other_data_is_refused_as_at_the_top():
    # Inside a dict or a list, a rule was written as its parameters alone,
    # a document nothing reads back, while one alone was refused.
    rule = DEFAULT_RULES["FU001"]
    for value in ({"r": rule}, [DEFAULT_RULES], {"rules": [rule]}):
        with pytest.raises(InvalidTypeError) as raised:
            to_json(value)
        assert raised.value.field == "value"
        assert "RuleSet.to_mapping()" in str(raised.value)


def test_a_value_whose_own_method_fails_is_named_with_what_it_said():
    # A zone whose utcoffset raised was reported as "without NaN or an
    # infinity", the one ValueError json.dumps itself raises.
    class Broken(dt.tzinfo):
        def utcoffset(self, moment):
            raise ValueError("no offset here")

        def dst(self, moment):
            return None

        def tzname(self, moment):
            return "Broken"

    moment = pendulum.DateTime(2026, 1, 1, tzinfo=Broken())
    with pytest.raises(InvalidTypeError) as raised:
        to_json(moment)
    assert raised.value.field == "value"
    assert "(ValueError: no offset here)" in str(raised.value)
    assert "NaN" not in str(raised.value)
    with pytest.raises(InvalidTypeError, match="no form for NaN or an infinity"):
        to_json({"x": float("nan")})


@pytest.mark.parametrize("value", [None, 30, "PT5M", b"x", dt.datetime(2026, 11, 23)])
def test_format_duration_names_a_value_that_is_no_timedelta(value):
    with pytest.raises(InvalidTypeError) as raised:
        format_duration(value)
    assert str(raised.value).startswith(
        f"value: expected a datetime.timedelta, got {type(value).__name__} "
    )


def test_format_duration_writes_the_longest_durations_both_ways():
    assert format_duration(dt.timedelta.max) == "P999999999DT23H59M59.999999S"
    assert format_duration(dt.timedelta.min) == "-P999999999D"


@pytest.mark.parametrize("name", ["interview", "event", "history", "batch-line"])
def test_each_schema_validates_alone_without_the_network(name, monkeypatch):
    # Its $refs resolve in the document: a validator that tried to fetch
    # followup.invalid would fail here.
    import urllib.request  # noqa: PLC0415

    def no_network(*args, **_):
        raise AssertionError(f"fetched {args[0]!r}")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    at = "2026-11-23T10:00:00Z"
    interview = {"candidate": "Ada", "company": "Acme", "at": at}
    event = {"kind": "thank-you-sent", "at": at}
    good, bad = {
        "interview": (interview, {**interview, "at": "monday"}),
        "event": (event, {**event, "at": "monday"}),
        "history": ([event], [{**event, "at": "monday"}]),
        "batch-line": (
            {"id": "acme-42", "interview": interview, "history": [event]},
            {"interview": interview, "history": [{**event, "at": "monday"}]},
        ),
    }[name]
    checker = jsonschema.Draft202012Validator(schema(name))
    assert checker.is_valid(good)
    assert not checker.is_valid(bad)


def test_a_schema_bundles_exactly_those_it_refers_to():
    bundled = {
        name: sorted(key for key in schema(name).get("$defs", {}) if ".schema." in key)
        for name in ("interview", "event", "history", "batch-line")
    }
    assert bundled == {
        "interview": [],
        "event": ["interview.schema.json"],
        "history": ["event.schema.json", "interview.schema.json"],
        "batch-line": [
            "event.schema.json",
            "history.schema.json",
            "interview.schema.json",
        ],
    }
    # Each with its own $id, by which the $refs find it.
    line = schema("batch-line")["$defs"]["history.schema.json"]
    assert line["$id"] == schema("history")["$id"]


@pytest.mark.parametrize(
    ("text", "cls", "problem"),
    [
        ("5", str, "$: expected str, got int 5"),
        ('["a", 5]', list[str], "$[1]: expected str, got int 5"),
        ('"not a date"', dt.datetime, "$: 'not a date' is not an ISO 8601"),
        ('{"sent": "2026-11-23T10:00:00"}', dict[str, dt.datetime], "has no time zone"),
    ],
)
def test_text_and_instants_asked_for_on_their_own_are_checked(text, cls, problem):
    # As a field's are (edges.md: the reader never coerces); they came back
    # as given, a number for text, text for a datetime.
    with pytest.raises(InvalidDocumentError) as raised:
        from_json(text, cls)
    assert problem in str(raised.value)


def test_an_instant_asked_for_on_its_own_keeps_its_zone():
    read = from_json(
        '{"a": "2026-11-23T10:00:00-05:00[America/New_York]"}', dict[str, dt.datetime]
    )
    assert read["a"] == pendulum.datetime(2026, 11, 23, 10, tz="America/New_York")
    assert read["a"].timezone_name == "America/New_York"


def test_a_rule_s_working_values_are_no_documents():
    # `Letter` failed with a NameError from inside cattrs, `Draft` too; and
    # reading one blamed the document for it.
    from followup._letters import Letter  # noqa: PLC0415 - as a rule gets it

    interview = Interview("Ada", "Acme", AT)
    facts = Facts.gather(interview)
    for value in (Letter("Hi", interview, "thank-you"), facts, Draft(facts)):
        with pytest.raises(
            InvalidTypeError,
            match=r"^value: expected a public value of followup that is a document",
        ):
            to_json(value)
        with pytest.raises(InvalidTypeError, match=r"^cls: expected a public value"):
            from_json("{}", type(value))
    step = new_step(
        facts, StepKind.CALL, Channel.PHONE, (AT, AT), rule="X001", reason="r"
    )
    with pytest.raises(InvalidTypeError, match=r"^value: expected"):
        to_json(step)


def test_a_rule_s_working_values_are_no_documents_inside_others_either():
    from followup._letters import Letter  # noqa: PLC0415 - as a rule gets it

    letter = Letter("Hi", Interview("Ada", "Acme", AT), "thank-you")
    for value in ([letter], {"a": letter}):
        with pytest.raises(InvalidTypeError, match=r"that is a document"):
            to_json(value)
    for cls in (list[Letter], dict[str, Letter], Letter | None):
        with pytest.raises(InvalidTypeError, match=r"^cls: .* that is a document"):
            from_json("[]", cls)
