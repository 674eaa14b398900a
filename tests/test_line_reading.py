"""A batch line's interview and history, made straight by their classes when right.

`followup._inputs` reads a right line's interview, interviewer and events
by calling the classes, not through the JSON converter's hooks; whatever is
not plainly right goes to `followup.json.structure`.  These tests hold the
two ways to the same values and the same problems, and pin what makes them
the same: a field without a converter of its own is one the converter's
hook passes through unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup.json
from followup import Contact, Event, Interview
from followup._fields import has_controls
from followup._inputs import Line, _events, _interview, _is_id, _line
from followup.json import InvalidDocumentError, structure, unstructure
from strategies import event_documents, interviews

PARIS = "2026-11-23T10:00:00+01:00[Europe/Paris]"
LATER = "2026-11-24T10:00:00+01:00[Europe/Paris]"


def _read(read: Any, data: object) -> tuple[str, object]:
    try:
        return "value", read(data)
    except InvalidDocumentError as error:
        return "problems", error.problems


#: A document of each class, the least it needs.
_LEAST = {
    Interview: {"candidate": "Ada", "company": "Acme", "at": PARIS},
    Contact: {"name": "Grace Hopper"},
    Event: {"kind": "called", "at": LATER},
}


@pytest.mark.parametrize("cls", [Interview, Contact, Event])
def test_a_field_without_a_converter_reaches_the_class_as_given(cls):
    # So a class given a right document makes what `structure` makes, and a
    # wrong one is told what the class tells (`Contact.phone` is checked in
    # its __attrs_post_init__), not what a reader of text would say.
    marker = object()
    for field in attrs.fields(attrs.resolve_types(cls)):
        if field.converter is None:
            document = {**_LEAST[cls], field.name: marker}
            with pytest.raises(Exception) as own:  # noqa: PT011 - the class's own
                cls(**document)
            kind, problems = _read(lambda data: structure(data, cls), document)
            assert kind == "problems"
            assert problems == [f"$.{field.name}: {own.value.detail}"]


def test_a_right_line_is_read_without_the_converter(monkeypatch):
    def refused(*_: object, **__: object) -> None:
        raise AssertionError("read through the converter")

    monkeypatch.setattr(followup.json, "structure", refused)
    contact = {"name": "Grace Hopper", "timezone": "America/New_York"}
    record = {
        "id": "app-1",
        "interview": {"candidate": "Ada", "company": "Acme", "at": PARIS},
        "history": [{"kind": "called", "at": LATER, "outcome": "undecided"}],
    }
    entry = _line(Line("many.jsonl", 1, json.dumps(record).encode()))
    assert entry.interview == Interview("Ada", "Acme", PARIS)
    assert entry.history == (Event("called", LATER, outcome="undecided"),)
    record["interview"]["interviewer"] = contact
    entry = _line(Line("many.jsonl", 2, json.dumps(record).encode()))
    assert entry.interview == Interview("Ada", "Acme", PARIS, Contact(**contact))


# What a document of a tracker may hold in place of a field's value.
_ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 200),
    st.text(max_size=8),
    st.just(PARIS),
    st.just({}),
    st.just({"name": "Grace"}),
    st.just({"timezone": "Mars/Olympus"}),
    st.just([]),
)


def _changed(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    changed = dict(document)
    for _ in range(data.draw(st.integers(0, 2))):
        key = data.draw(st.sampled_from([*changed, "interviewr", "notes"]))
        if data.draw(st.booleans()) and key in changed:
            del changed[key]
        else:
            changed[key] = data.draw(_ODD)
    return changed


@given(interviews(), st.data())
def test_an_interview_is_read_as_structure_reads_it(interview, data):
    document = unstructure(interview)
    if document["interviewer"] is not None and data.draw(st.booleans()):
        document["interviewer"] = _changed(document["interviewer"], data)
    document = _changed(document, data)
    alone = _read(lambda given: structure(given, Interview, what="interview"), document)
    assert _read(_interview, document) == alone


# Events as trackers write them, right; then any mix of fields.
_EVENTS = st.one_of(
    st.sampled_from(
        [
            {"kind": "thank-you-sent", "at": LATER},
            {"kind": "called", "at": LATER, "outcome": "no-answer"},
            {"kind": "follow-up-sent", "at": LATER, "channel": "email"},
        ]
    ),
    event_documents(),
    st.dictionaries(st.text(max_size=3), _ODD, max_size=2),
)


@given(st.lists(_EVENTS, max_size=3), st.data())
def test_a_history_is_read_as_structure_reads_it(events, data):
    events = [
        _changed(event, data) if data.draw(st.booleans()) else event for event in events
    ]
    alone = _read(
        lambda given: tuple(structure(given, list[Event], what="history")), events
    )
    assert _read(_events, events) == alone


@given(st.one_of(st.text(), st.text(st.characters(max_codepoint=127)), st.integers()))
def test_an_id_is_one_line_of_utf8_text_without_control_characters(tracker_id):
    # Printable ASCII is let through at once; the rest is looked at closely.
    utf8 = isinstance(tracker_id, str) and not any(
        0xD800 <= ord(character) <= 0xDFFF for character in tracker_id
    )
    expected = (
        utf8 and len(tracker_id.splitlines()) == 1 and not has_controls(tracker_id)
    )
    assert _is_id(tracker_id) == expected
