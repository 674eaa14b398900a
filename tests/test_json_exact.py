"""JSON written and refused, exactly: the default layout and every message.

`to_json`'s output is a document users keep and diff, and a refused document
is explained only by the error's text, so both are compared whole here.
"""

from __future__ import annotations

import datetime as dt
import json

import pendulum
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    FollowUpPlan,
    Interview,
    Performance,
    Step,
    StepKind,
    plan_followups,
)
from followup.errors import InvalidTypeError, InvalidValueError
from followup.json import InvalidDocumentError, _within, from_json, structure, to_json

PARIS = "2026-11-23T10:00:00+01:00[Europe/Paris]"


def test_json_is_indented_by_two_and_keeps_non_ascii_letters():
    assert to_json(Interview("Zoë", "Café", PARIS)) == (
        "{\n"
        '  "candidate": "Zoë",\n'
        '  "company": "Café",\n'
        f'  "at": "{PARIS}",\n'
        '  "interviewer": null,\n'
        '  "position": null,\n'
        '  "duration": "PT30M",\n'
        '  "performance": "unknown",\n'
        '  "id": null\n'
        "}"
    )


def test_json_on_one_line_when_asked_without_indent():
    assert to_json(Event("called", PARIS), indent=None) == (
        f'{{"kind": "called", "at": "{PARIS}", "outcome": null, '
        '"call_back_at": null, "channel": null, "until": null}'
    )


def test_several_problems_are_counted_and_joined_by_semicolons():
    with pytest.raises(InvalidDocumentError) as caught:
        from_json('{"candidate": "Ada"}', Interview)
    assert str(caught.value) == (
        "2 problems in the Interview document: "
        "$.company: required key is missing; $.at: required key is missing"
    )


def test_every_unknown_key_is_named_even_one_holding_an_at_sign():
    text = f'{{"candidate": "A", "company": "B", "at": "{PARIS}", "x @ y": 1, "zz": 2}}'
    with pytest.raises(InvalidDocumentError) as caught:
        from_json(text, Interview)
    assert caught.value.problems == ["$: unknown key 'x @ y'; unknown key 'zz'"]


def test_keys_from_python_that_are_not_text_are_named_as_unknown():
    # A mapping built in Python may have any keys; the close names are
    # offered for text alone, and the keys come in the order of their text.
    document = {"candidate": "A", "company": "B", "at": PARIS, 2: 0, 10: 0}
    with pytest.raises(InvalidDocumentError) as caught:
        structure(document, Interview)
    assert caught.value.problems == ["$: unknown key 10; unknown key 2"]
    # Beside every other problem of the document, with any version of cattrs.
    del document["company"]
    with pytest.raises(InvalidDocumentError) as caught:
        structure({**document, "compan": 1}, Interview)
    assert sorted(caught.value.problems) == [
        "$.company: required key is missing",
        "$: unknown key 'compan' (did you mean 'company'?)",
        "$: unknown key 10; unknown key 2",
    ]


def test_text_too_deep_to_read_is_refused_without_a_line_number():
    with pytest.raises(InvalidDocumentError) as caught:
        from_json("[" * 100_000, Interview)
    assert str(caught.value) == (
        "1 problem in the Interview document: nested too deeply to read (not JSON)"
    )


def test_text_that_is_not_json_is_placed_by_line_and_column():
    with pytest.raises(InvalidDocumentError) as caught:
        from_json('{\n  "candidate": }', Interview)
    assert caught.value.problems == ["line 2 column 16: Expecting value (not JSON)"]


def test_a_value_that_is_not_text_is_refused_naming_it():
    with pytest.raises(InvalidTypeError) as caught:
        from_json(5, Interview)
    assert (caught.value.field, caught.value.value) == ("text", 5)
    assert str(caught.value) == "text: expected JSON text (str or bytes), got int 5"


def test_null_for_a_list_is_refused_as_null():
    with pytest.raises(InvalidDocumentError) as caught:
        structure(None, list[Event])
    assert caught.value.problems == ["$: is null but a value is required"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "bool True"), (5, "int 5"), ("x", "str 'x'"), ({"a": 1}, "dict {'a': 1}")],
)
def test_what_is_no_array_is_refused_as_a_whole(value, shown):
    # Not iterated: a string's characters, an object's keys.
    document = json.loads(to_json(plan_followups(Interview("Ada", "Acme", PARIS))))
    for key, item in (("steps", "Step"), ("findings", "Finding")):
        with pytest.raises(InvalidDocumentError) as caught:
            structure({**document, key: value}, FollowUpPlan)
        assert caught.value.problems == [
            f"$.{key}: expected an array of {item}, got {shown}"
        ]
    with pytest.raises(InvalidDocumentError) as caught:
        structure(value, list[Event])
    assert caught.value.problems == [f"$: expected an array of Event, got {shown}"]
    if not isinstance(value, bool):
        with pytest.raises(InvalidDocumentError) as caught:
            structure({**document, "rules": value}, FollowUpPlan)
        assert caught.value.problems == [
            f"$.rules: expected a sequence of strings, got {shown}"
        ]


def test_a_bad_item_of_a_field_that_checks_its_own_items_is_named_by_index():
    document = json.loads(to_json(plan_followups(Interview("Ada", "Acme", PARIS))))
    document["rules"] = ["FU001", 1, "FU003"]
    document["steps"][0]["advice"] = ["A1", 2]
    document["steps"][1]["adjusted_by"] = [None]
    document["steps"][1]["reason"] = 5
    with pytest.raises(InvalidDocumentError) as caught:
        structure(document, FollowUpPlan)
    assert caught.value.problems == [
        "$.steps[0].advice[1]: expected text (str), got int 2",
        "$.steps[1].reason: expected text (str), got int 5",
        "$.steps[1].adjusted_by[0]: expected text (str), got NoneType None",
        "$.rules[1]: expected text (str), got int 1",
    ]


@pytest.mark.parametrize(
    ("problem", "name", "beyond"),
    [
        (InvalidTypeError("rules[1]", 1, "text"), "rules", "[1]"),
        (InvalidTypeError("Step.advice[1]", 1, "text"), "advice", "[1]"),
        (InvalidValueError("window.start", "x", "is late"), "window", ".start"),
        (InvalidValueError("Step.window.end", "x", "is late"), "window", ".end"),
        (InvalidValueError("kind_name", None, "is missing"), "kind", ""),
        (InvalidValueError("Step.kind_name", None, "is missing"), "kind", ""),
        (InvalidValueError("Window.advice[1]", None, "is late"), "advice", ""),
        (InvalidValueError("rules", None, "is missing"), "rules", ""),
        (InvalidValueError("Step.advice", None, "is missing"), "advice", ""),
        (InvalidValueError("due", None, "is missing"), "rules", ""),
        (ValueError("rules[1]"), "rules", ""),
    ],
)
def test_only_a_fields_own_items_go_on_the_path(problem, name, beyond):
    # "kind_name" is no item of the field "kind", nor a field of another
    # class one of this one's: only "[" or "." after the field's own name
    # (bare, or after its class's) goes on the path.
    assert _within(problem, name, Step) == beyond


def test_an_unexpected_error_is_named_by_its_own_type():
    # No document of the library's holds a list of numbers: cattrs' own
    # error, named by its type.
    with pytest.raises(InvalidDocumentError) as caught:
        structure(5, list[int])
    assert caught.value.problems == ["$: TypeError: 'int' object is not iterable"]


def test_a_plain_number_is_checked_strictly():
    with pytest.raises(InvalidDocumentError) as caught:
        structure("1", int)
    assert str(caught.value) == (
        "1 problem in the int document: $: expected int, got str '1'"
    )


def test_a_list_of_events_names_each_bad_item_by_index():
    with pytest.raises(InvalidDocumentError) as caught:
        structure([None, {"kind": "called", "at": PARIS}], list[Event], what="history")
    assert str(caught.value) == (
        "1 problem in the history: $[0]: expected an object (Event), got NoneType None"
    )


@pytest.mark.parametrize(
    "value",
    [
        *StepKind,
        *Channel,
        *EventKind,
        *Performance,
        pendulum.datetime(2026, 3, 29, 2, 30, tz="Europe/London"),
        pendulum.parse(PARIS.partition("[")[0]),
        dt.timedelta(minutes=45),
        dt.timedelta(hours=1, microseconds=5),
    ],
    ids=repr,
)
def test_a_member_an_instant_or_a_duration_on_its_own_comes_back_equal(value):
    again = from_json(to_json(value), type(value))
    assert (type(again), again) == (type(value), value)


def test_an_instant_on_its_own_keeps_its_zone():
    paris = pendulum.datetime(2026, 11, 23, 10, tz="Europe/Paris")
    again = from_json(to_json(paris), pendulum.DateTime)
    assert (again.isoformat(), again.timezone_name) == (
        "2026-11-23T10:00:00+01:00",
        "Europe/Paris",
    )


@pytest.mark.parametrize(
    ("text", "kind", "problem"),
    [
        (
            '"bogus"',
            StepKind,
            (
                "$: 'bogus' is not a StepKind (one of 'close-call', 'thank-you', "
                "'follow-up', 'call', 'call-back', 'other')"
            ),
        ),
        (
            "1",
            Channel,
            (
                "$: 1 is not a Channel (one of 'email', 'printed-letter', "
                "'handwritten-letter', 'phone', 'other')"
            ),
        ),
        (
            '"2026-11-23T10:00:00"',
            pendulum.DateTime,
            (
                "$: '2026-11-23T10:00:00' has no time zone; give an offset (+01:00) "
                "or a zone ([Europe/Paris]) after the time"
            ),
        ),
        (
            '"soon"',
            dt.timedelta,
            "$: 'soon' is not an ISO 8601 duration (e.g. PT30M) or minutes",
        ),
    ],
)
def test_a_bad_member_instant_or_duration_on_its_own_is_refused(text, kind, problem):
    with pytest.raises(InvalidDocumentError) as raised:
        from_json(text, kind)
    assert raised.value.problems == [problem]


@pytest.mark.parametrize(
    "value",
    [DEFAULT_RULES, DEFAULT_RULES.ignore("FU011"), DEFAULT_RULES["FU004"]],
    ids=["the default rules", "rules without FU011", "a rule"],
)
def test_a_rule_set_or_a_rule_is_no_json_document(value):
    # Written as their parameters alone, no reader took them back, and the
    # default rules (FU011's opening hours) raised a bare TypeError.
    with pytest.raises(InvalidTypeError) as caught:
        to_json(value)
    assert str(caught.value).startswith(
        "value: expected a public value of followup, or plain data; a rule set is "
        f"written as settings, RuleSet.to_mapping(), got {type(value).__name__} "
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.time(9, 30), "time datetime.time(9, 30)"),
        ({"at": dt.time(9, 30)}, "dict {'at': datetime.time(9, 30)}"),
    ],
)
def test_what_json_has_no_form_for_is_refused_by_name(value, shown):
    with pytest.raises(InvalidTypeError) as caught:
        to_json(value)
    assert str(caught.value) == (
        f"value: expected a public value of followup, or plain data, got {shown}"
    )


@pytest.mark.parametrize("cls", [5, "Interview", None, [[1]]])
@pytest.mark.parametrize("read", [from_json, lambda text, cls: structure({}, cls)])
def test_a_kind_to_read_that_is_no_type_is_the_callers_mistake(read, cls):
    # It was reported as the document's ("5 document: Unsupported type").
    with pytest.raises(InvalidTypeError) as caught:
        read("{}", cls)
    assert str(caught.value).startswith("cls: expected a type to read (")


@pytest.mark.parametrize(
    ("text", "cls", "read"),
    [("[]", list[Event], []), ("null", Interview | None, None)],
)
def test_typing_forms_are_types_to_read(text, cls, read):
    assert from_json(text, cls) == read
