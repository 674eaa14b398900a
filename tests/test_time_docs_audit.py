"""What docs/time.md, docs/edges.md and docs/model.md promise, held to the code.

Each test here failed on the code before the commit that added it (a claim
the pages made that the code did not keep), but one: the test of a passed
agreed call-back pins what docs/model.md now says, which the page, not the
code, had wrong.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import math

import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    FollowUpError,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    WorkingCalendar,
    plan_followups,
)
from followup.json import InvalidDocumentError, from_json, schema, to_json

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def test_a_duration_shorter_than_a_microsecond_is_no_positive_duration() -> None:
    # docs/time.md: "An interview lasts a positive duration".  A tenth of a
    # microsecond is kept as a timedelta of nothing: an interview of no
    # length, which to_json writes as PT0S and from_json then refuses.
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada", "Acme", AT, duration="PT0.0000001S")
    assert "Interview.duration" in str(caught.value)
    assert "'PT0.0000001S'" in str(caught.value)
    assert "positive" in str(caught.value)


def test_every_interview_that_is_made_reads_back_from_its_json() -> None:
    # docs/edges.md: "Every public value type round-trips exactly".
    for duration in ("PT0.0000005S", "PT0.000001S", dt.timedelta(microseconds=1)):
        try:
            interview = Interview("Ada", "Acme", AT, duration=duration)
        except InvalidValueError:
            continue
        assert from_json(to_json(interview), Interview) == interview


@pytest.mark.parametrize("zeros", [12, 13, 40])
def test_leading_zeros_do_not_make_a_duration_long(zeros: int) -> None:
    # The interview schema takes "PT000…030M" (digits, then M), and
    # docs/edges.md says what a schema takes the reader reads, but for a
    # duration beyond 12 hours: thirty minutes is not one.
    text = f"PT{'0' * zeros}30M"
    assert Interview("Ada", "Acme", AT, duration=text).duration == dt.timedelta(
        minutes=30
    )


@pytest.mark.parametrize("name", ["offsite\x00", "off\x1bsite", "offsite\ud800"])
def test_a_closure_name_with_a_control_character_is_refused_when_configured(
    name: str,
) -> None:
    # docs/time.md: closures are "a mapping from either to a name", and the
    # name goes into the reasons, which refuse control characters.  Taken
    # at configuration, it made every plan fail later, in FU004, as a
    # RuleError blaming a built-in rule for the user's setting.
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("working-time", closed={"2026-11-24": name})
    assert "closed" in str(caught.value)
    assert "U+" in str(caught.value)
    with pytest.raises(InvalidValueError, match=r"WorkingCalendar\.closed"):
        WorkingCalendar(closed={"2026-11-24": name})


def _nested(depth: int) -> list[object]:
    deep: list[object] = []
    for _ in range(depth):
        deep = [deep]
    return deep


def test_a_value_too_deep_to_show_is_refused_by_its_field() -> None:
    # docs/time.md: what is not an instant is "refused by field name".  The
    # message quotes the value, and the repr of a list nested deeper than
    # Python recurses raised RecursionError in place of the error.
    with pytest.raises(InvalidTypeError, match=r"^Interview\.at: expected .*got list"):
        Interview("Ada", "Acme", _nested(100_000))  # type: ignore[arg-type]


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_to_json_refuses_a_number_json_has_no_form_for(number: float) -> None:
    # docs/edges.md: to_json refuses "what JSON has no form for, with an
    # InvalidTypeError".  NaN and the infinities were written as NaN and
    # Infinity, which are no JSON (RFC 8259) and which other readers refuse.
    # Named by its place, as the docstring of to_json says.
    with pytest.raises(InvalidTypeError) as raised:
        to_json({"score": number})
    assert str(raised.value) == (
        "value['score']: expected a finite number: JSON has no form for NaN or "
        f"an infinity, got float {number!r}"
    )
    # A whole number too long for Python to write, likewise.
    with pytest.raises(
        InvalidTypeError, match=r"^value\['score'\]\[1\]: expected a whole"
    ):
        to_json({"score": [1, 10**5000]})


def test_to_json_refuses_data_that_holds_itself_or_nests_too_deep() -> None:
    looped: list[object] = []
    looped.append(looped)
    for data in (looped, _nested(100_000)):
        with pytest.raises(InvalidTypeError, match=r"^value: "):
            to_json(data)


@pytest.mark.parametrize(
    ("duration", "written"),
    [
        (dt.timedelta(minutes=-5), "-PT5M"),
        (dt.timedelta(days=-1, hours=-2), "-P1DT2H"),
        (dt.timedelta(microseconds=-1), "-PT0.000001S"),
    ],
)
def test_a_negative_duration_is_written_as_iso_8601(
    duration: dt.timedelta, written: str
) -> None:
    # docs/edges.md: durations are written "as ISO 8601".  A negative one
    # came out as timedelta's own parts, "P-1DT23H55M" for minus five
    # minutes: no ISO 8601 duration, and five minutes short of a day plus.
    assert to_json(duration) == f'"{written}"'


def test_a_member_too_deep_to_show_is_refused_by_its_field() -> None:
    # As for Interview.at above: an enum field is looked up by value, and
    # the enum's own ValueError quotes the value with repr().
    with pytest.raises(InvalidValueError, match=r"^Interview\.performance: "):
        Interview("Ada", "Acme", AT, performance=_nested(100_000))  # type: ignore[arg-type]


@pytest.mark.parametrize("document", ["{}", "[]", '{"candidate": "Ada"}'])
def test_an_optional_document_that_is_wrong_is_reported(document: str) -> None:
    # docs/edges.md: reading "reports every problem at once with its path".
    # For `Interview | None` the report named the document by
    # `cls.__name__`, which a union has not: AttributeError instead.
    with pytest.raises(
        InvalidDocumentError, match=r"in the Interview \| None document: \$"
    ):
        from_json(document, Interview | None)  # type: ignore[arg-type]


@pytest.mark.parametrize("reader", [["Europe/Paris"], {"zone": "Europe/Paris"}])
def test_explain_refuses_a_zone_that_is_no_name_by_the_field(reader: object) -> None:
    # FollowUpPlan.explain(zone=...) takes an IANA name; the zone cache
    # hashed the value before its type was checked: TypeError (unhashable).
    plan = plan_followups(Interview("Ada", "Acme", AT))
    with pytest.raises(InvalidTypeError, match=r"^zone: expected an IANA time zone"):
        plan.explain(zone=reader)  # type: ignore[arg-type]


def test_a_schema_changed_by_its_caller_is_not_changed_for_the_next() -> None:
    # docs/edges.md: the schemas "ship in the package".  schema() handed
    # every caller one cached dict, so a caller that added to it (a field
    # of its own made required, say) changed it for every later caller.
    shipped = json.loads(
        importlib.resources.files("followup")
        .joinpath("schemas/interview.schema.json")
        .read_text(encoding="utf-8")
    )
    mine = schema("interview")
    mine["required"].append("position")
    mine["title"] = "my interview"
    assert schema("interview") == shipped


@pytest.mark.parametrize("name", [["interview"], {"interview": 1}])
def test_a_schema_name_that_is_no_text_is_refused_as_the_others(name: object) -> None:
    with pytest.raises(FollowUpError, match="the schemas are 'interview'"):
        schema(name)  # type: ignore[arg-type]


def test_a_passed_agreed_call_back_moves_into_working_time_unspaced() -> None:
    # docs/model.md said an agreed call-back is exempt from working time
    # "even when the agreed time has passed"; a passed one moves to the
    # next working time (FU011), as docs/rules.md says, and only the
    # exemption from FU008's week apart holds.
    interviewer = Contact("Dana", timezone="America/New_York")
    interview = Interview("Ada", "Acme", AT, interviewer=interviewer)
    call = Event(
        "called",
        "2026-11-30T10:00:00-05:00[America/New_York]",
        call_back_at="2026-12-01T20:00:00-05:00[America/New_York]",
    )
    history = [
        Event("thank-you-sent", "2026-11-23T10:45:00-05:00"),
        Event("follow-up-sent", "2026-11-25T09:00:00-05:00"),
        call,
    ]
    kept = plan_followups(interview, history, now=call.at).steps[0]
    assert kept.agreed
    assert kept.due.isoformat() == "2026-12-01T20:00:00-05:00"
    passed = plan_followups(interview, history, now="2026-12-01T22:00:00-05:00")
    (step,) = passed.steps
    assert step.kind.value == "call-back"
    assert "FU011" in step.adjusted_by
    # Wednesday at 09:00, two days after the call: no week apart.
    assert step.due.isoformat() == "2026-12-02T09:00:00-05:00"


@pytest.mark.parametrize(
    ("country", "written", "kept"),
    [("US", "US-CA", "CA"), ("GB", "GB-ENG", "ENG"), ("CA", "ca-qc", "QC")],
)
def test_a_subdivision_in_its_iso_3166_2_form_is_read(
    country: str, written: str, kept: str
) -> None:
    # docs/time.md: the public holidays are the country's "(and
    # subdivision)".  ISO 3166-2 writes a subdivision with its country in
    # front; "US-CA" was refused with "did you mean 'SC'?", South Carolina.
    contact = Contact("Dana", country=country, subdivision=written)
    assert contact.subdivision == kept
