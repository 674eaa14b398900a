"""The command's readers, entry by entry: exact messages, places and sizes.

A batch goes on past a bad entry, so each entry's `where`, `size` and
`problem` is all a user learns about it; these tests pin them whole, with
the messages for files that cannot be read.
"""

from __future__ import annotations

import io
import json
import pathlib
import sys

import pytest

from followup import Event, Interview
from followup._inputs import (
    Batch,
    Entry,
    InputError,
    open_batch,
    read_document,
    read_history,
    read_interview,
    read_text,
)
from followup.json import to_json

PARIS = "2026-11-23T10:00:00+01:00[Europe/Paris]"
LATER = "2026-11-24T10:00:00+01:00[Europe/Paris]"
INTERVIEW = {"candidate": "Ada", "company": "Acme", "at": PARIS}
TOML = f'candidate = "Ada"\ncompany = "Acme"\nat = "{PARIS}"\n'
HISTORY_TOML = f'[[events]]\nkind = "called"\nat = "{LATER}"\n'
ADA = Interview("Ada", "Acme", PARIS)
CALLED = Event("called", LATER)


def line(data):
    return (json.dumps(data) + "\n").encode()


def entries_of(tmp_path, *lines):
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"".join(lines))
    return path, list(open_batch(str(path)).entries)


def test_reading_a_directory_as_a_file_says_it_is_a_directory(tmp_path):
    with pytest.raises(InputError) as caught:
        read_text(str(tmp_path))
    assert str(caught.value) == f"{tmp_path}: is a directory, not a file"


def test_a_file_the_system_refuses_names_the_system_reason(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        read_text(str(tmp_path / "a.toml"))
    assert (
        str(caught.value)
        == f"{tmp_path / 'a.toml'}: cannot be read (Permission denied)"
    )


@pytest.mark.parametrize("name", ["many.jsonl", "MANY.JSONL"])
def test_a_json_lines_file_given_as_one_interview_points_to_the_batch_commands(
    tmp_path, name
):
    path = tmp_path / name
    path.write_text(json.dumps({"interview": INTERVIEW}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path))
    assert str(caught.value) == (
        f"{path}: a JSON Lines file holds many interviews; "
        "give it to 'followup plan' or 'followup due'"
    )


def test_a_bad_interview_file_is_caused_by_the_interview_document(tmp_path):
    path = tmp_path / "ada.toml"
    path.write_text('candidate = "Ada"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_interview(str(path))
    problems = "$.company: required key is missing; $.at: required key is missing"
    assert str(caught.value) == f"{path}: {problems}"
    assert str(caught.value.__cause__) == f"2 problems in the interview: {problems}"


def test_a_bad_history_file_is_caused_by_the_history_document(tmp_path):
    path = tmp_path / "ada.history.toml"
    path.write_text('[[events]]\nkind = "called"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_history(str(path))
    assert str(caught.value) == f"{path}: $[0].at: required key is missing"
    assert str(caught.value.__cause__) == (
        "1 problem in the history: $[0].at: required key is missing"
    )


def test_standard_input_is_a_batch_of_bytes_named_stdin(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(b"\n" + line({"interview": INTERVIEW})))
    monkeypatch.setattr(sys, "stdin", stdin)
    batch = open_batch("-")
    assert batch[:3] == ("<stdin>", None, "B")
    assert list(batch.entries) == [
        Entry("<stdin>:1", 1),
        Entry("<stdin>:2", len(line({"interview": INTERVIEW})), None, ADA),
    ]


def test_a_folder_is_a_batch_counting_its_interview_files(tmp_path):
    (tmp_path / "ada.toml").write_text(TOML, encoding="utf-8")
    (tmp_path / "bob.toml").write_text(TOML, encoding="utf-8")
    batch = open_batch(str(tmp_path))
    assert batch[:3] == (str(tmp_path), 2, "file")


def test_a_json_lines_file_is_a_batch_of_its_bytes(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_bytes(line({"interview": INTERVIEW}) + b"\n")
    batch = open_batch(str(path))
    assert isinstance(batch, Batch)
    assert batch[:3] == (str(path), path.stat().st_size, "B")


def test_a_missing_json_lines_file_is_refused_before_any_entry(tmp_path):
    path = tmp_path / "missing.jsonl"
    with pytest.raises(InputError) as caught:
        open_batch(str(path))
    assert str(caught.value) == f"{path}: no such file"


def test_a_json_lines_file_the_system_refuses_names_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "many.jsonl"
    path.write_bytes(line({"interview": INTERVIEW}))

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        open_batch(str(path))
    assert str(caught.value) == f"{path}: cannot be read (Permission denied)"


def test_each_entry_of_a_file_carries_its_place_and_its_bytes(tmp_path):
    good = line({"id": "ada-1", "interview": INTERVIEW, "history": [CALLED_DATA]})
    not_utf8 = b'{"interview": "\xff"}\n'
    not_json = b"{nope\n"
    not_object = b"[1]\n"
    path, entries = entries_of(tmp_path, b"  \n", not_utf8, not_json, not_object, good)
    assert entries == [
        Entry(f"{path}:1", 3),
        Entry(f"{path}:2", len(not_utf8), problem=f"{path}:2: is not UTF-8 text"),
        Entry(
            f"{path}:3",
            len(not_json),
            problem=(
                f"{path}:3: not valid JSON: Expecting property name enclosed "
                "in double quotes at column 2"
            ),
        ),
        Entry(
            f"{path}:4",
            len(not_object),
            problem=(
                f"{path}:4: $: expected an object with an 'interview' "
                "(and 'history', 'id'), got list"
            ),
        ),
        Entry(f"{path}:5", len(good), "ada-1", ADA, (CALLED,)),
    ]


CALLED_DATA = {"kind": "called", "at": LATER}


def test_a_byte_order_mark_opens_only_the_first_line(tmp_path):
    bom = "\ufeff".encode()
    first = bom + line({"interview": INTERVIEW})
    second = bom + line({"interview": INTERVIEW})
    path, entries = entries_of(tmp_path, first, second)
    assert entries == [
        Entry(f"{path}:1", len(first), None, ADA),
        Entry(
            f"{path}:2",
            len(second),
            problem=(
                f"{path}:2: not valid JSON: Unexpected UTF-8 BOM "
                "(decode using utf-8-sig) at column 1"
            ),
        ),
    ]


def test_a_line_missing_its_interview_says_so_with_its_size(tmp_path):
    missing = line({"id": "x"})
    path, entries = entries_of(tmp_path, missing)
    assert entries == [
        Entry(
            f"{path}:1",
            len(missing),
            problem=f"{path}:1: $.interview: required key is missing",
        )
    ]


def test_a_history_of_events_tables_is_read_as_its_list(tmp_path):
    wrapped = line({"interview": INTERVIEW, "history": {"events": [CALLED_DATA]}})
    path, entries = entries_of(tmp_path, wrapped)
    assert entries == [Entry(f"{path}:1", len(wrapped), None, ADA, (CALLED,))]


def test_a_history_object_with_other_keys_is_not_a_list(tmp_path):
    other = line({"interview": INTERVIEW, "history": {"event": [CALLED_DATA]}})
    path, entries = entries_of(tmp_path, other)
    assert entries == [
        Entry(
            f"{path}:1",
            len(other),
            problem=f"{path}:1: $.history: expected a list of events",
        )
    ]


def test_problems_of_a_lines_history_are_placed_under_history(tmp_path):
    bad = line({"interview": INTERVIEW, "history": [{"kind": "called"}]})
    path, entries = entries_of(tmp_path, bad)
    assert entries == [
        Entry(
            f"{path}:1",
            len(bad),
            problem=f"{path}:1: $.history[0].at: required key is missing",
        )
    ]


def test_a_lines_problem_across_fields_names_the_field(tmp_path):
    # The check runs in Event's __init__, not in a field's converter.
    away = {"kind": "away", "at": LATER}
    called = {**CALLED_DATA, "channel": "email"}
    interviewer = {"name": "Grace", "phone": "abc"}
    bad = line(
        {
            "interview": {**INTERVIEW, "interviewer": interviewer},
            "history": [CALLED_DATA, away, called],
        }
    )
    path, entries = entries_of(tmp_path, bad)
    assert entries == [
        Entry(
            f"{path}:1",
            len(bad),
            problem=(
                f"{path}:1: $.interview.interviewer.phone: 'abc' is not a phone "
                "number; write it with + and the country code; "
                "$.history[1].until: None given, but an event of kind away needs "
                "the day it ends; $.history[2].channel: 'email' does not fit a called "
                "event"
            ),
        )
    ]


def test_a_folder_reads_every_entry_with_its_file_as_its_place(tmp_path):
    (tmp_path / "ada.toml").write_text(TOML, encoding="utf-8")
    (tmp_path / "ada.history.toml").write_text(HISTORY_TOML, encoding="utf-8")
    (tmp_path / "bad.toml").write_text('candidate = "Bob"\n', encoding="utf-8")
    (tmp_path / "lost.history.toml").write_text(HISTORY_TOML, encoding="utf-8")
    entries = list(open_batch(str(tmp_path)).entries)
    lost = tmp_path / "lost.history.toml"
    bad = tmp_path / "bad.toml"
    assert entries == [
        Entry(
            str(lost), 0, problem=f"{lost}: a history without its interview (lost.toml)"
        ),
        Entry(
            str(tmp_path / "ada.toml"),
            1,
            "ada",
            ADA,
            (CALLED,),
            history_file=str(tmp_path / "ada.history.toml"),
        ),
        Entry(
            str(bad),
            1,
            problem=(
                f"{bad}: $.company: required key is missing; "
                "$.at: required key is missing"
            ),
        ),
    ]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = "ada\udcff.toml"
    (tmp_path / name).write_text(TOML, encoding="utf-8")
    entries = list(open_batch(str(tmp_path)).entries)
    shown = f"{tmp_path}/ada\\udcff.toml"
    assert entries == [
        Entry(shown, 1, problem=f"{shown}: the file's name is not UTF-8")
    ]


def test_a_folder_the_system_refuses_to_list_names_the_reason(tmp_path, monkeypatch):
    def refuse(_self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "iterdir", refuse)
    with pytest.raises(InputError) as caught:
        open_batch(str(tmp_path))
    assert str(caught.value) == f"{tmp_path}: cannot be read (Permission denied)"


@pytest.mark.parametrize(
    ("at", "written"),
    [
        # TOML gives Z, +00:00 and -00:00 alike as UTC (docs/edges.md).
        ("2026-11-23T10:00:00Z", "2026-11-23T10:00:00+00:00[UTC]"),
        ("2026-11-23T10:00:00+00:00", "2026-11-23T10:00:00+00:00[UTC]"),
        ("2026-11-23T10:00:00-00:00", "2026-11-23T10:00:00+00:00[UTC]"),
        # A string keeps what it says.
        ('"2026-11-23T10:00:00+00:00"', "2026-11-23T10:00:00+00:00"),
        ('"2026-11-23T10:00:00Z"', "2026-11-23T10:00:00+00:00[UTC]"),
        ("2026-11-23T10:00:00-05:00", "2026-11-23T10:00:00-05:00"),
    ],
)
def test_a_toml_offset_datetime_keeps_its_offset_and_utc_is_utc(tmp_path, at, written):
    path = tmp_path / "interview.toml"
    path.write_text(f'candidate = "Ada"\ncompany = "Acme"\nat = {at}\n')
    interview = read_interview(str(path))
    assert json.loads(to_json(interview))["at"] == written
