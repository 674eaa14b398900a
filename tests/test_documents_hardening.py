"""Hostile documents: every reader answers with the library's own errors."""

from __future__ import annotations

import json
import os

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Event,
    FollowUpError,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    RuleConfigurationError,
    RuleSet,
)
from followup._inputs import Line, read_entry
from followup.cli import main
from followup.json import InvalidDocumentError, from_json, structure, to_json

DEEP = "[" * 100_000 + "]" * 100_000
ADA = {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00-05:00"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (DEEP, "nested too deeply"),
        (json.dumps({**ADA, "at": None})[:-1] + ', "x": ' + DEEP + "}", "nested"),
        ('{"candidate": ' + "9" * 5000 + "}", "more digits than can be read"),
        (b"\x80\x81", "is not UTF-8 text"),
        ("", "Expecting value"),
    ],
)
def test_from_json_reports_what_no_parser_can_read(text, reason):
    with pytest.raises(InvalidDocumentError, match=reason):
        from_json(text, Interview)


ADA_TEXT = json.dumps(ADA)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (ADA_TEXT.encode("utf-16"), "is not UTF-8 text (not JSON)"),
        (ADA_TEXT.encode("utf-16-le"), "is not UTF-8 text (not JSON)"),
        (ADA_TEXT.encode("utf-16-be"), "is not UTF-8 text (not JSON)"),
        (ADA_TEXT.encode("utf-32"), "is not UTF-8 text (not JSON)"),
        (ADA_TEXT.encode("utf-32-le"), "is not UTF-8 text (not JSON)"),
        (
            ADA_TEXT.encode("utf-8-sig"),
            "line 1 column 1: Unexpected UTF-8 BOM (decode using utf-8-sig) (not JSON)",
        ),
        (
            bytearray(ADA_TEXT.encode("utf-8-sig")),
            "line 1 column 1: Unexpected UTF-8 BOM (decode using utf-8-sig) (not JSON)",
        ),
    ],
    ids=[
        "UTF-16 with a mark",
        "UTF-16-LE",
        "UTF-16-BE",
        "UTF-32 with a mark",
        "UTF-32-LE",
        "UTF-8 with a mark",
        "a bytearray with a mark",
    ],
)
def test_from_json_reads_bytes_as_utf8_and_nothing_else(data, problem):
    # `json.loads` guesses UTF-16 and UTF-32 and skips a UTF-8 mark; the
    # docstring promises bytes that are not UTF-8 are refused, and text
    # with a mark is refused, so bytes with one are too.
    with pytest.raises(InvalidDocumentError) as caught:
        from_json(data, Interview)
    assert caught.value.problems == [problem]
    assert from_json(ADA_TEXT.encode(), Interview) == from_json(ADA_TEXT, Interview)
    assert from_json(bytearray(ADA_TEXT.encode()), Interview) == from_json(
        ADA_TEXT, Interview
    )


@given(
    st.tuples(st.sampled_from(["", "\ufeff", "\x00", " "]), st.text(max_size=200)).map(
        "".join
    )
)
def test_bytes_and_the_text_they_encode_read_the_same(text):
    # Whatever the text, its UTF-8 bytes make the same value or fail the
    # same way; save that a NUL, which no JSON holds, is read as UTF-16.
    as_text, as_bytes = _outcome(text), _outcome(text.encode())
    if "\x00" in text:
        assert as_bytes == ("refused", ["is not UTF-8 text (not JSON)"])
    else:
        assert as_bytes == as_text


def _outcome(data):
    try:
        return ("read", from_json(data, Interview))
    except InvalidDocumentError as error:
        return ("refused", error.problems)


@pytest.mark.parametrize("value", [None, 5, ["{}"], {"candidate": "Ada"}])
def test_from_json_wants_text(value):
    with pytest.raises(InvalidTypeError, match=r"^text: expected JSON text"):
        from_json(value, Interview)


@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_from_json_gives_a_value_or_a_followup_error(text):
    for kind in (Interview, Event, FollowUpPlan):
        made = _read_or_none(text, kind)
        if made is not None:
            assert from_json(to_json(made), kind) == made


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["candidate", "company", "at", "duration", "kind", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(json_values)
def test_any_json_document_gives_a_value_or_a_followup_error(data):
    for kind in (Interview, Event):
        made = _read_or_none(json.dumps(data), kind)
        if made is not None:
            assert from_json(to_json(made), kind) == made


def _read_or_none(text, kind):
    try:
        return from_json(text, kind)
    except FollowUpError:
        return None


def test_a_deeply_nested_input_file_is_one_line_of_error(tmp_path, capsys):
    for name, text in (
        ("deep.toml", "a = " + "[" * 100_000 + "]" * 100_000),
        ("deep.json", DEEP),
        ("huge.json", '{"duration": ' + "9" * 5000 + "}"),
    ):
        source = tmp_path / name
        source.write_text(text)
        assert main(["plan", str(source)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith(f"followup: error: {source}: not valid")
        assert err.count("\n") == 1


def test_a_deep_line_of_json_lines_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    source = tmp_path / "many.jsonl"
    good = json.dumps({"interview": {**ADA, "at": ADA["at"] + "[America/New_York]"}})
    source.write_text(DEEP + "\n" + good + "\n")
    assert main(["plan", str(source), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert f"{source}:1: not valid JSON: nested too deeply to read" in err


def test_a_deeply_nested_rule_file_is_a_configuration_error(tmp_path):
    source = tmp_path / "rules.toml"
    source.write_text("a = " + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(RuleConfigurationError, match=r"nested too deeply"):
        RuleSet.from_toml(source)
    source.write_bytes(b"\x80")
    with pytest.raises(RuleConfigurationError, match=r"is not UTF-8 text"):
        RuleSet.from_toml(source)


def test_text_no_utf8_output_can_hold_is_one_line_of_error(tmp_path, capsys):
    # Valid JSON, valid UTF-8: the escape reads as a lone surrogate.
    source = tmp_path / "interview.json"
    source.write_text(
        '{"candidate": "Ada \\udcff", "company": "Acme", '
        '"at": "2026-11-23T10:00:00-05:00[America/New_York]"}'
    )
    for extra in ([], ["--format", "ics"], ["--format", "json"]):
        assert main(["plan", str(source), *extra]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "lone surrogate (U+DCFF)" in err
        assert err.count("\n") == 1
    batch = tmp_path / "batch.jsonl"
    good = json.dumps({"interview": ADA})
    batch.write_text(
        '{"id": "job-\\udcff", "interview": ' + json.dumps(ADA) + "}\n" + good + "\n"
    )
    assert main(["due", str(batch), "--on", "2026-12-01"]) == 2
    out, err = capsys.readouterr()
    assert f"{batch}:1: $.id: expected one line of UTF-8 text" in err


def test_a_file_whose_name_is_not_utf8_is_reported_and_the_folder_goes_on(
    tmp_path, capsys
):
    folder = tmp_path / "interviews"
    folder.mkdir()
    text = (
        'candidate = "Ada"\ncompany = "Acme"\n'
        'at = "2026-11-23T10:00:00-05:00[America/New_York]"\n'
    )
    (folder / "good.toml").write_text(text)
    try:
        (folder / os.fsdecode(b"caf\xe9.toml")).write_text(text)
    except (OSError, UnicodeError):  # pragma: no cover - a file system that refuses
        pytest.skip("this file system takes UTF-8 names only")
    assert main(["plan", str(folder), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "the file's name is not UTF-8" in err


HUGE = 100_000
CUT = f"'{'k' * 80}…' ({HUGE} characters)"


@pytest.mark.parametrize(
    ("data", "kind", "problem"),
    [
        ({**ADA, "k" * HUGE: 1}, Interview, f"$: unknown key {CUT}"),
        (
            {**ADA, "interviewer": {"name": "Grace", "k" * HUGE: 1}},
            Interview,
            f"$.interviewer: unknown key {CUT}",
        ),
        ("k" * HUGE, Interview, f"$: expected an object (Interview), got str {CUT}"),
        ("k" * HUGE, int, f"$: expected int, got str {CUT}"),
    ],
    ids=["key", "nested key", "no object", "no int"],
)
def test_a_document_error_cuts_a_huge_key_or_value_short(data, kind, problem):
    with pytest.raises(InvalidDocumentError) as caught:
        structure(data, kind)
    assert caught.value.problems == [problem]
    assert len(str(caught.value)) < 300
    if isinstance(data, dict):
        with pytest.raises(InvalidDocumentError) as read:
            from_json(json.dumps(data), kind)
        assert read.value.problems == [problem]


def test_a_document_error_cuts_a_huge_key_given_twice_short():
    key = json.dumps("k" * HUGE)
    with pytest.raises(InvalidDocumentError) as caught:
        from_json("{" + key + ": 1, " + key + ": 2}", Interview)
    twice = "is given twice in one object, which readers take differently"
    assert caught.value.problems == [f"the key {CUT} {twice} (not JSON)"]


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("compny", " (did you mean 'company'?)"),
        # As long as a name may be, and as the command line quotes whole.
        ("k" * 100, ""),
        ("line\nbreak", ""),
    ],
)
def test_a_document_error_quotes_a_key_of_a_names_length_whole(key, hint):
    with pytest.raises(InvalidDocumentError) as caught:
        structure({**ADA, key: 1}, Interview)
    assert caught.value.problems == [f"$: unknown key {key!r}{hint}"]


def test_a_line_of_json_lines_cuts_a_huge_key_or_id_short():
    line = json.dumps({"id": ["x" * HUGE], "interview": ADA, "k" * HUGE: 1})
    entry = read_entry(Line("t.jsonl", 1, line.encode()))
    assert entry.problem == (
        f"t.jsonl:1: $: unknown key {CUT}; $.id: expected one line of UTF-8 text "
        f"without control characters, got ['{'x' * 158} … ({HUGE - 316} "
        f"characters left out) … {'x' * 158}']"
    )
    normal = json.dumps({"id": "x\ny", "interview": ADA, "histori": []})
    entry = read_entry(Line("t.jsonl", 2, normal.encode()))
    assert entry.problem == (
        "t.jsonl:2: $: unknown key 'histori' (did you mean 'history'?); $.id: "
        "expected one line of UTF-8 text without control characters, got 'x\\ny'"
    )


@given(
    st.one_of(
        st.text(min_size=1, max_size=20), st.text(min_size=95, max_size=400)
    ).filter(lambda key: key not in {field.name for field in attrs.fields(Interview)})
)
def test_an_unknown_key_is_quoted_whole_up_to_a_names_length(key):
    with pytest.raises(InvalidDocumentError) as caught:
        structure({**ADA, key: 1}, Interview)
    (problem,) = caught.value.problems
    if len(key) <= 100:
        assert problem.startswith(f"$: unknown key {key!r}")
    else:
        assert problem == f"$: unknown key {key[:80] + '…'!r} ({len(key)} characters)"
