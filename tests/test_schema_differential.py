"""The published JSON Schemas against the readers, both ways.

`followup.json.schema(...)` promises the shapes that `from_json`, the
interview files (JSON and TOML) and the JSON Lines batch accept
(docs/edges.md, "JSON").  Three checks hold the two together:

1. every instance a schema accepts is read, or refused only for one of
   `ALLOWED_REFUSALS`, reasons a schema cannot express that the docs state;
2. every value the library writes passes its schema;
3. near misses the schema refuses (a wrong type, an unknown key, a missing
   key) are refused by the reader too, or are listed in `READER_IS_LOOSER`
   with the doc line that says the reader's way is right.

Instances are drawn from the schemas with ``hypothesis-jsonschema``: its
string, number, array and format strategies for every leaf.  Its object
strategy calls a private ``many.more()`` that Hypothesis no longer has:
0.23.1, the latest release (its own CI pins Hypothesis 6.148.5), fails on
any object with ``AttributeError: 'many' object has no attribute 'more'``
under Hypothesis 6.170.  So objects are put together here from the
schema's own ``properties`` and ``required``, and every draw is kept only
if the whole schema accepts it.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from referencing import Registry, Resource

from followup import (
    Channel,
    Event,
    EventKind,
    FollowUpError,
    Interview,
    Outcome,
    plan_followups,
)
from followup._fields import BIDI_CONTROLS, shows_anything
from followup._inputs import Line, read_entry, read_history, read_interview
from followup.json import InvalidDocumentError, from_json, schema, structure, to_json
from followup.json import unstructure as plain
from shell import run as run_command
from strategies import contacts, event_documents, instants, interviews, situations

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NAMES = ("interview", "event", "history", "batch-line")
BASE = "https://followup.invalid/schemas/"
REGISTRY: Registry[Any] = Registry().with_resources(
    (f"{BASE}{name}.schema.json", Resource.from_contents(schema(name)))
    for name in NAMES
)


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """The schema `name`, with the others it refers to by `$id`."""
    return jsonschema.Draft202012Validator(schema(name), registry=REGISTRY)


# --------------------------------------------------------------------------
# Instances drawn from a schema


#: Real values mixed in where the schema's own strategy seldom makes one the
#: reader takes: four random digits make a real date one time in a hundred,
#: and random text is almost never a zone name, an email address or a phone
#: number.  Without them, the rules across fields would hardly ever be met.
REAL_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "interview#/$defs/instant": instants().map(plain),
    "interview#/$defs/contact": contacts().map(plain),
}


def _pointed(document: str, pointer: str) -> dict[str, Any]:
    node: dict[str, Any] = schema(document)
    for part in pointer.strip("/").split("/") if pointer else ():
        node = node[part]
    return node


def drawn(document: str, pointer: str = "") -> st.SearchStrategy[Any]:
    """Instances of the schema `document` (or the part at `pointer`)."""
    made = _instances(document, _pointed(document, pointer))
    key = f"{document}#{pointer}"
    if key in REAL_VALUES:
        made = st.one_of(made, REAL_VALUES[key])
    if pointer == "":
        # The rules across fields (`allOf`, `anyOf`) are the schema's to say.
        made = made.filter(validator(document).is_valid)
    return made


def _instances(document: str, node: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        return drawn(target.removesuffix(".schema.json") or document, pointer)
    if "properties" in node:
        fields = {
            key: _instances(document, part) for key, part in node["properties"].items()
        }
        required = node.get("required", [])
        return st.fixed_dictionaries(
            {key: fields[key] for key in required},
            optional={key: part for key, part in fields.items() if key not in required},
        )
    branches = node.get("oneOf", node.get("anyOf"))
    if branches is not None and "type" not in node:
        return st.one_of([_instances(document, branch) for branch in branches])
    if node.get("type") == "array":
        return st.lists(_instances(document, node["items"]), max_size=3)
    # A leaf: text, a number, an enum.  "format" is checked by the reader,
    # not by jsonschema's default validator, and hypothesis-jsonschema
    # draws only values of the format: drawn without it too.
    leaf = {key: part for key, part in node.items() if key != "description"}
    if "pattern" in leaf:
        # Drawn as UTF-8 text, which holds no surrogate: the pattern's
        # refusal of them draws the same strings without it, and Hypothesis
        # 6.100, the oldest this project allows, cannot draw from a class
        # that names them.
        leaf["pattern"] = leaf["pattern"].replace("\\ud800-\\udfff", "")
    if "format" in leaf:
        loose = {key: part for key, part in leaf.items() if key != "format"}
        return st.one_of(from_schema(leaf), from_schema(loose))
    return from_schema(leaf)


# --------------------------------------------------------------------------
# The refusals a schema cannot express


class Refusal(NamedTuple):
    """A reason the reader may refuse what the schema takes, and where it is said."""

    reason: str
    cites: str
    #: Whether the reason holds of the refused value; the reader's word for
    #: it is not enough where one message covers two mistakes.
    holds: Any = None


_ISO = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2}))?(?:[.][0-9]+)?"
    r"(?:[+-](?P<offset_hour>[0-9]{2}):?(?P<offset_minute>[0-9]{2})"
    r"(?::?(?P<offset_second>[0-9]{2}))?)?"
)


def _not_on_the_calendar(value: object) -> bool:
    """Whether an instant the schema takes names a day, time or offset that never is."""
    found = _ISO.match(str(value))
    if found is None:
        return False
    try:
        dt.date.fromisoformat(found["date"])
        dt.time(int(found["hour"]), int(found["minute"]), int(found["second"] or 0))
        dt.time(
            int(found["offset_hour"] or 0),
            int(found["offset_minute"] or 0),
            int(found["offset_second"] or 0),
        )
    except ValueError:
        return True
    return False


def _not_a_day(value: object) -> bool:
    """Whether a day the schema takes (``YYYY-MM-DD``) is none on the calendar."""
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return True
    return False


ALLOWED_REFUSALS = (
    Refusal(
        "is not an ISO 8601 date and time",
        "docs/edges.md:53 -- offset that does not exist (30 February, 25:00, +30:00)",
        _not_on_the_calendar,
    ),
    *(
        Refusal(
            f"names a {part} that does not exist",
            "docs/edges.md:53 -- day, time or offset that does not exist",
            _not_on_the_calendar,
        )
        for part in ("month", "day", "time")
    ),
    # "format": "date" is a note to validators, not a check, in draft 2020-12.
    Refusal(
        "is not a date (YYYY-MM-DD)",
        "docs/edges.md:53 -- day, time or offset that does not exist",
        _not_a_day,
    ),
    Refusal("does not use at that time", "docs/time.md:25 -- zone does not use"),
    Refusal("is outside the supported range", "docs/time.md:43 -- 1900-01-01"),
    Refusal("is outside 1900-2199", "docs/time.md:43 -- to 2199-12-31"),
    Refusal("is not an IANA time zone name", "docs/time.md:55 -- zone names must be"),
    Refusal("depends on the machine it is read on", "docs/time.md:56 -- localtime"),
    Refusal("is not a positive duration", "docs/time.md:52 -- a positive duration"),
    Refusal("is longer than a phone interview", "docs/time.md:53 -- most 12 hours"),
    Refusal(
        "expected minutes (int) or an ISO 8601 duration, got float",
        "docs/edges.md:57 -- counts `45.0` as an integer",
        lambda value: isinstance(value, float) and value.is_integer(),
    ),
    Refusal("is before the day of the event", "docs/edges.md:156 -- on or after"),
    Refusal(
        "is not after the call it was agreed on",
        "docs/edges.md:149 -- agreed (after the call)",
    ),
    Refusal(
        "holds only characters that show nothing",
        "docs/model.md:20 -- show nothing",
        lambda value: isinstance(value, str) and not shows_anything(value.strip()),
    ),
    Refusal("is not a valid email address", "docs/model.md:199 -- validated"),
    Refusal("is not a phone number", "docs/model.md:201 -- phone numbers are"),
    Refusal("is not a valid phone number", "docs/model.md:202 -- kept in E.164"),
    Refusal("is not an ISO 3166-1 alpha-2 code", "docs/model.md:203 -- alpha-2"),
    Refusal(
        "is not a subdivision of",
        "docs/edges.md:56 -- country or subdivision that does not exist",
    ),
)


def _value_at(document: object, path: str) -> object:
    """The value at ``$.interviewer.email`` or ``$[1].at`` in `document`."""
    value = document
    for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", path.removeprefix("$")):
        if isinstance(value, dict) and set(value) == {"events"} and index:
            # A history in the form TOML needs: its paths name the list.
            value = value["events"]
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and index:
            value = value[int(index)]
        else:
            return None
    return value


def unexplained(document: object, problems: list[str]) -> list[str]:
    """The problems that no allowed refusal explains."""
    left = []
    for problem in problems:
        path, _, detail = problem.partition(": ")
        if not any(
            refusal.reason in detail
            and (refusal.holds is None or refusal.holds(_value_at(document, path)))
            for refusal in ALLOWED_REFUSALS
        ):
            left.append(problem)
    return left


def problems_reading(document: object, cls: Any) -> list[str]:
    """The problems `from_json` finds in `document` as a `cls`; none if it reads."""
    try:
        from_json(json.dumps(document), cls)
    except InvalidDocumentError as error:
        return error.problems
    return []


def _toml_text(value: object) -> str:
    # JSON text is TOML text for numbers; strings are written with TOML's own
    # escapes, since JSON leaves DEL and C1 controls bare, which TOML refuses.
    if isinstance(value, str):
        escaped = "".join(
            char if char.isprintable() and char not in '"\\' else f"\\U{ord(char):08X}"
            for char in value
        )
        return f'"{escaped}"'
    if isinstance(value, dict):
        pairs = (
            f"{key} = {_toml_text(part)}"
            for key, part in value.items()
            if part is not None
        )
        return "{ " + ", ".join(pairs) + " }"
    return json.dumps(value)


def _problem_reading(path: Path) -> str:
    """What `followup plan FILE` says of the interview file, or nothing."""
    try:
        read_interview(str(path))
    except FollowUpError as error:
        return str(error)
    return ""


def problems_in_files(document: dict[str, Any]) -> tuple[str, str]:
    """What `followup plan` says of `document` as a JSON and as a TOML file.

    TOML has no null: a key set to null is left out, as the schema says
    null and absent mean the same.
    """
    with tempfile.TemporaryDirectory(prefix="h57") as folder:
        as_json = Path(folder, "interview.json")
        as_json.write_text(json.dumps(document), encoding="utf-8")
        as_toml = Path(folder, "interview.toml")
        lines = [
            f"{key} = {_toml_text(value)}"
            for key, value in document.items()
            if value is not None
        ]
        as_toml.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return _problem_reading(as_json), _problem_reading(as_toml)


# --------------------------------------------------------------------------
# 1. What the schema takes, the reader reads (or refuses for a stated reason)


#: Three times the profile's examples: most draws name a day that does not
#: exist, and are refused before the rules across fields are met.
MORE = settings(max_examples=3 * settings.default.max_examples)


def _read_as_the_schema_says(
    name: str, document: dict[str, Any], problems: list[str]
) -> bool:
    """Whether the schema takes `document`, checking the reader agrees.

    Taken, the reader refuses it only for reasons the docs give; refused
    (an example given by hand), the reader refuses it too.
    """
    if not validator(name).is_valid(document):
        # An example given by hand that the schema refuses: so does the reader.
        assert problems != []
        return False
    assert unexplained(document, problems) == []
    return True


@MORE
@given(drawn("interview"))
# What hypothesis-jsonschema never draws: a lone surrogate (from a JSON
# escape, "\ud800"), and minutes that JSON Schema counts as an integer.
@example({"candidate": "Ada\ud800", "company": "Acme", "at": AT})
@example({"candidate": "Ada", "company": "Acme", "at": AT, "duration": 45.0})
@example(
    {
        "candidate": "Ada",
        "company": "Acme",
        "at": AT,
        "interviewer": {"country": "US", "subdivision": ""},
    }
)
def test_an_interview_the_schema_takes_is_read(document: dict[str, Any]) -> None:
    problems = problems_reading(document, Interview)
    if not _read_as_the_schema_says("interview", document, problems):
        return
    # The interview files read it as `from_json` does, JSON and TOML alike.
    in_json, in_toml = problems_in_files(document)
    assert bool(in_json) == bool(problems), (in_json, problems)
    assert bool(in_toml) == bool(problems), (in_toml, problems)


@MORE
@given(drawn("event"))
@example({"kind": "called", "at": AT, "channel": "email"})
@example({"kind": "thank-you-sent", "at": AT, "channel": "other"})
def test_an_event_the_schema_takes_is_read(document: dict[str, Any]) -> None:
    problems = problems_reading(document, Event)
    _read_as_the_schema_says("event", document, problems)


@MORE
@given(drawn("history"))
def test_a_history_the_schema_takes_is_read(document: object) -> None:
    with tempfile.TemporaryDirectory(prefix="h57") as folder:
        path = Path(folder, "history.json")
        path.write_text(json.dumps(document), encoding="utf-8")
        try:
            read_history(str(path))
        except FollowUpError as error:
            problems = str(error).removeprefix(f"{path}: ").split("; $")
            problems = [problems[0], *(f"${rest}" for rest in problems[1:])]
        else:
            problems = []
    assert unexplained(document, problems) == []


@MORE
@given(drawn("batch-line"))
@example(
    {"id": "acme\udc80", "interview": {"candidate": "A", "company": "B", "at": AT}}
)
@example({"interview": {"candidate": "0", "company": "\xad", "at": AT}})  # from CI
def test_a_batch_line_the_schema_takes_is_read(document: dict[str, Any]) -> None:
    entry = read_entry(Line("h57.jsonl", 1, json.dumps(document).encode()))
    if not validator("batch-line").is_valid(document):
        # An example given by hand that the schema refuses: so does the reader.
        assert entry.problem is not None
        return
    # The line's problems are its interview's and its history's, each read
    # as a document of its own.
    expected = [
        *(
            f"$.interview{p[1:]}"
            for p in problems_reading(document["interview"], Interview)
        ),
    ]
    events = document.get("history")
    if isinstance(events, dict):
        events = events["events"]
    expected += [
        f"$.history{p[1:]}" for p in problems_reading(events or [], list[Event])
    ]
    assert unexplained(document, expected) == []
    if expected:
        assert entry.problem == f"h57.jsonl:1: {'; '.join(expected)}"
    else:
        assert entry.problem is None
        assert entry.interview == structure(document["interview"], Interview)


# --------------------------------------------------------------------------
# 2. What the library writes, the schema takes


@given(interviews())
def test_every_interview_written_passes_the_schema(interview: Interview) -> None:
    validator("interview").validate(json.loads(to_json(interview)))


@given(situations())
def test_every_history_and_plan_written_passes_the_schemas(situation: Any) -> None:
    interview, history, now = situation
    events = json.loads(to_json(tuple(history)))
    validator("history").validate(events)
    for event in events:
        validator("event").validate(event)
    plan = json.loads(to_json(plan_followups(interview, history, now=now)))
    validator("interview").validate(plan["interview"])
    line = {"id": "h57", "interview": plan["interview"], "history": events}
    validator("batch-line").validate(line)


@settings(max_examples=max(5, settings.default.max_examples // 4))
@given(st.lists(situations(), min_size=1, max_size=4))
def test_every_plan_line_the_command_writes_holds_an_interview_of_the_schema(
    batch: list[Any],
) -> None:
    # `followup plan - --format jsonl`: a plan a line, each with the
    # interview it was made for, which a tracker may send back as a line.
    lines = [
        json.dumps({"interview": plain(interview), "history": plain(tuple(history))})
        for interview, history, _ in batch
    ]
    now = max((now for _, _, now in batch), key=lambda moment: moment.timestamp())
    result = run_command(
        "plan",
        "-",
        "--format",
        "jsonl",
        "--now",
        now.isoformat(),
        stdin="\n".join(lines),
    )
    assert (result.returncode, result.stderr) == (0, "")
    written = result.stdout.splitlines()
    assert len(written) == len(batch)
    for line in written:
        validator("interview").validate(json.loads(line)["plan"]["interview"])


def _every_event_document() -> list[dict[str, object]]:
    # Every kind with every outcome, channel, `until` and call-back time
    # that `event_documents` draws from, or none: a few thousand, each read
    # in microseconds, so all of them rather than a sample.
    optional = {
        "outcome": [None, *(outcome.value for outcome in Outcome)],
        "channel": [None, *(channel.value for channel in Channel)],
        "until": [None, "2026-11-23", "2026-11-24", "2026-12-01"],
        "call_back_at": [None, "2026-11-24T09:00:00Z", "2026-11-26T15:00:00Z"],
    }
    return [
        {"kind": kind.value, "at": "2026-11-24T10:00:00Z"}
        | {
            key: value
            for key, value in zip(optional, values, strict=True)
            if value is not None
        }
        for kind in EventKind
        for values in itertools.product(*optional.values())
    ]


def test_every_event_the_reader_takes_passes_the_schema() -> None:
    # Read, then written again: every event the reader takes, not only
    # those the project's histories draw (they set no channel).
    taken = []
    for document in _every_event_document():
        try:
            event = structure(document, Event)
        except InvalidDocumentError:
            continue
        taken.append(json.loads(to_json(event)))
    refused = [
        document for document in taken if not validator("event").is_valid(document)
    ]
    assert refused == []
    # Each of the reader's kinds and channels is among those it took.
    assert {document["kind"] for document in taken} == {
        kind.value for kind in EventKind
    }
    channels = {document["channel"] for document in taken}
    assert channels == {None, *(channel.value for channel in Channel)}


@given(event_documents())
def test_an_event_document_is_read_as_the_schema_says(
    document: dict[str, str],
) -> None:
    # The project's own event documents, most of them breaking a rule across
    # fields: the schema and the reader agree on each, both ways.
    problems = problems_reading(document, Event)
    if validator("event").is_valid(document):
        assert unexplained(document, problems) == []
    else:
        assert problems != [], document


# --------------------------------------------------------------------------
# 3. Near misses: what the schema refuses, the reader refuses too

INTERVIEW: dict[str, Any] = {
    "candidate": "Ada Lovelace",
    "company": "Acme",
    "at": AT,
    "interviewer": {
        "name": "Grace Hopper",
        "email": "grace@example.com",
        "phone": "+1 212 555 0123",
        "timezone": "America/New_York",
        "country": "US",
        "subdivision": "NY",
    },
    "position": "data engineer",
    "id": "acme-42",
    "duration": "PT45M",
    "performance": "strong",
}
EVENTS: list[dict[str, Any]] = [
    {"kind": "thank-you-sent", "at": "2026-11-23T10:50:00Z", "channel": "email"},
    {
        "kind": "called",
        "at": "2026-12-07T16:00:00Z",
        "outcome": "undecided",
        "call_back_at": "2026-12-10T16:00:00Z",
        "channel": "phone",
    },
    {"kind": "replied", "at": "2026-12-11T09:00:00Z", "until": "2026-12-18"},
    {"kind": "away", "at": "2026-12-12T09:00:00Z", "until": "2026-12-20"},
    {"kind": "decision-received", "at": "2026-12-21T09:00:00Z", "outcome": "offer"},
]
#: One value of each JSON type: each field is given every one but its own.
OTHER_TYPES: tuple[object, ...] = (None, True, 7, 2.5, "text", [], {})


def near_misses(document: dict[str, Any]) -> list[dict[str, Any]]:
    """`document` with a key left out, one added, or a value of another type.

    Nested objects (an interview's interviewer) get the same, in place.
    """
    missed: list[dict[str, Any]] = [{**document, "extra": 1}]
    for key, value in document.items():
        missed.append({k: v for k, v in document.items() if k != key})
        missed.extend(
            {**document, key: other}
            for other in OTHER_TYPES
            if type(other) is not type(value)
        )
        if isinstance(value, dict):
            missed.extend({**document, key: inner} for inner in near_misses(value))
    return missed


def _refused_by_schema(name: str, documents: list[Any]) -> list[Any]:
    return [
        document for document in documents if not validator(name).is_valid(document)
    ]


def history_problems(document: object) -> str | None:
    """What `followup plan --history` says of `document`, or None if it reads it."""
    with tempfile.TemporaryDirectory(prefix="h57") as folder:
        path = Path(folder, "history.json")
        path.write_text(json.dumps(document), encoding="utf-8")
        try:
            read_history(str(path))
        except FollowUpError as error:
            return str(error)
    return None


def test_an_interview_the_schema_refuses_is_refused() -> None:
    misses = _refused_by_schema("interview", near_misses(INTERVIEW))
    assert len(misses) > 40
    taken = [miss for miss in misses if problems_reading(miss, Interview) == []]
    assert taken == []


def test_an_event_the_schema_refuses_is_refused() -> None:
    misses = _refused_by_schema(
        "event", [miss for event in EVENTS for miss in near_misses(event)]
    )
    assert len(misses) > 100
    taken = [miss for miss in misses if problems_reading(miss, Event) == []]
    assert taken == []


def test_a_history_the_schema_refuses_is_refused() -> None:
    events = [
        [*EVENTS[:index], miss, *EVENTS[index + 1 :]]
        for index, event in enumerate(EVENTS)
        for miss in near_misses(event)
    ]
    candidates = [
        *events,
        *({"events": history} for history in events[::7]),
        {"events": EVENTS, "extra": 1},
        {},
        *({"events": other} for other in OTHER_TYPES if type(other) is not list),
        *(other for other in OTHER_TYPES if type(other) not in {list, dict}),
    ]
    misses = _refused_by_schema("history", candidates)
    assert len(misses) > 100
    taken = [miss for miss in misses if history_problems(miss) is None]
    assert taken == []


def test_a_batch_line_the_schema_refuses_is_refused() -> None:
    line = {"id": "acme-42", "interview": INTERVIEW, "history": EVENTS}
    candidates = [
        *near_misses(line),
        *({**line, "interview": miss} for miss in near_misses(INTERVIEW)),
        *({**line, "history": [miss]} for miss in near_misses(EVENTS[1])),
    ]
    misses = _refused_by_schema("batch-line", candidates)
    assert len(misses) > 100
    taken = [
        miss
        for miss in misses
        if read_entry(Line("h57.jsonl", 1, json.dumps(miss).encode())).problem is None
    ]
    assert taken == []


class Looser(NamedTuple):
    """A value the reader takes and the schema refuses, and why the reader is right."""

    field: str
    value: object
    cites: str
    #: The first Python whose `fromisoformat` reads it (docs/time.md says
    #: so); before it the reader refuses it, as the schema does.
    since: tuple[int, int] = (3, 10)


_ISO_8601 = "docs/time.md:6 -- an ISO 8601 string with an offset"
_A_DAY = "docs/edges.md:155 -- `until` is a date"

#: Where the reader is looser than the schema, on purpose: the schema
#: describes the extended form that the library writes and most programs
#: do; the reader takes ISO 8601, as the docs promise, in its other forms too.
READER_IS_LOOSER = (
    # ISO 8601's basic format, a week date, a lower-case t, a decimal comma,
    # an offset in whole hours: ISO 8601 all, as the docs promise.
    Looser("at", "20261123T100000Z", _ISO_8601, (3, 11)),
    Looser("at", "2026-W48-1T10:00:00Z", _ISO_8601, (3, 11)),
    Looser("at", "2026-11-23t10:00:00Z", _ISO_8601),
    Looser("at", "2026-11-23T10:00:00,5Z", _ISO_8601, (3, 11)),
    Looser("at", "2026-11-23T10:00-05", _ISO_8601, (3, 11)),
    # `until` is read as Python reads an ISO 8601 day, in these forms too.
    Looser("until", "20261220", _A_DAY, (3, 11)),
    Looser("until", "2026-W51-7", _A_DAY, (3, 11)),
)

#: Values of the right type that the schema refuses: the reader refuses
#: them too, unless `READER_IS_LOOSER` says why it should not.
VALUE_MISSES: tuple[tuple[str, object], ...] = (
    *((looser.field, looser.value) for looser in READER_IS_LOOSER),
    # ISO 8601 digits are 0-9; Python's `\d` and `float` take any script's.
    ("duration", "PT\u0664\u0665M"),
    ("duration", "PT4\u0665M"),
    ("at", "2026-11-23T1\u0660:00:00Z"),
    ("until", "2026-12-2\u0660"),
    ("duration", "P1M"),
    ("duration", "PT"),
    # No time at all is no interview: the schema says so too.
    ("duration", "P0W"),
    ("duration", "PT0M"),
    ("duration", "P0DT0.0S"),
    ("at", "2026-11-23T10:00:00"),
    ("at", "2026-11-23T10:00:00+01:0000"),
    ("candidate", "Ada\ud800"),
    ("candidate", "Ada\u2028Lovelace"),
    ("performance", "Strong"),
    ("until", "2026-12-20T00:00:00Z"),
)


def _with_value(field: str, value: object) -> tuple[str, dict[str, Any]]:
    if field == "until":
        return "event", {**EVENTS[3], "until": value}
    return "interview", {**INTERVIEW, field: value}


@pytest.mark.parametrize(("field", "value"), VALUE_MISSES)
def test_a_value_the_schema_refuses_is_refused_unless_the_docs_say(
    field: str, value: object
) -> None:
    name, document = _with_value(field, value)
    assert not validator(name).is_valid(document)
    problems = problems_reading(document, Interview if name == "interview" else Event)
    looser = (field, value) in {
        (entry.field, entry.value)
        for entry in READER_IS_LOOSER
        if sys.version_info >= entry.since
    }
    assert (problems == []) == looser, problems


@pytest.mark.parametrize("field", ["timezone", "phone"])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_zone_or_phone_of_the_interviewer_is_refused_by_both(
    field: str, value: str
) -> None:
    document = {**INTERVIEW, "interviewer": {"name": "Grace Hopper", field: value}}
    assert not validator("interview").is_valid(document)
    assert problems_reading(document, Interview) != []


def test_the_near_misses_start_from_documents_both_take() -> None:
    assert problems_reading(INTERVIEW, Interview) == []
    validator("interview").validate(INTERVIEW)
    for event in EVENTS:
        assert problems_reading(event, Event) == []
        validator("event").validate(event)
    assert history_problems(EVENTS) is None
    line = {"id": "acme-42", "interview": INTERVIEW, "history": EVENTS}
    validator("batch-line").validate(line)
    assert read_entry(Line("h57.jsonl", 1, json.dumps(line).encode())).problem is None


DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize(
    "cites",
    [entry.cites for entry in (*ALLOWED_REFUSALS, *READER_IS_LOOSER)],
)
def test_each_reason_cites_a_doc_line_that_says_it(cites: str) -> None:
    place, _, words = cites.partition(" -- ")
    file, _, line = place.partition(":")
    text = (DOCS.parent / file).read_text(encoding="utf-8").splitlines()
    assert words.lower() in text[int(line) - 1].lower(), (cites, text[int(line) - 1])


def test_the_schemas_refuse_the_controls_the_reader_refuses():
    checker = validator("interview")
    for control in BIDI_CONTROLS:
        document = {
            "candidate": "Ada",
            "company": f"Acme{control}",
            "at": "2026-11-23T10:00:00Z",
        }
        assert not checker.is_valid(document), repr(control)
    assert checker.is_valid(
        {"candidate": "Ada", "company": "Acme\u200f", "at": "2026-11-23T10:00:00Z"}
    )
    line = validator("batch-line")
    interview = {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z"}
    # Python's `$` matches before a last line break, as ECMA-262's does not:
    # the id says what it may not hold, which both read alike.
    for ending in ("\n", "\r\n", "\u2028", "\u202e"):
        assert not line.is_valid({"id": f"acme-42{ending}", "interview": interview})
    assert not line.is_valid({"id": "a\u202eb", "interview": interview})
    assert line.is_valid({"id": "a\u200eb", "interview": interview})
