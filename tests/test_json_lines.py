"""The batch commands' JSON Lines: compact, one value a line, the same bytes with or without orjson."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, plan_followups
from followup import _json_lines as json_lines
from followup._json_lines import json_line, json_line_of_stdlib
from followup.json import unstructure
from followup.testing import situations

PARIS = "2026-11-23T10:00:00+01:00[Europe/Paris]"

# Text as the library's values can hold it: any character but a lone
# surrogate, which neither writer can put in UTF-8.
texts = st.text(st.characters(exclude_categories=("Cs",)))
plain = (
    st.none()
    | st.booleans()
    | st.integers()  # beyond 64 bits too: orjson refuses those
    | texts
)
values = st.recursive(
    plain,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(values)
def test_the_line_is_the_standard_librarys_compact_json(value):
    line = json_line(value)
    assert line == json_line_of_stdlib(value)
    assert line == (
        json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    )
    # One line: a line break in a text is escaped, and the line's own ends it.
    assert line.count(b"\n") == 1
    assert line.endswith(b"\n")
    assert json.loads(line) == value


@given(situations())
def test_a_plan_is_written_alike_by_both(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    data = unstructure(plan)
    assert json_line(data) == json_line_of_stdlib(data)


def test_the_line_is_compact_and_keeps_letters_as_they_are():
    value = {"candidate": "Zoë", "steps": [1, None, True], "say": 'a "b"\tc\n'}
    expected = (
        b'{"candidate":"Zo\xc3\xab","steps":[1,null,true],"say":"a \\"b\\"\\tc\\n"}\n'
    )
    assert json_line(value) == expected
    assert json_line_of_stdlib(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Beyond 64 bits, and a key that is not text: orjson refuses both,
        # and the standard library writes them.
        (2**64, b"18446744073709551616\n"),
        ([-(2**63) - 1], b"[-9223372036854775809]\n"),
        ({1: "one"}, b'{"1":"one"}\n'),
    ],
)
def test_what_orjson_refuses_is_written_by_the_standard_library(value, expected):
    assert json_line(value) == expected


def test_a_lone_surrogate_is_refused_as_by_the_standard_library():
    with pytest.raises(UnicodeEncodeError):
        json_line("\ud800")


def test_orjson_writes_when_it_is_installed():
    pytest.importorskip("orjson")
    assert json_line is not json_line_of_stdlib


def test_without_orjson_the_standard_library_writes(monkeypatch):
    # An entry of None in sys.modules makes `import orjson` raise ImportError,
    # as on a machine without it.
    monkeypatch.setitem(sys.modules, "orjson", None)
    assert json_lines._encoder() is json_line_of_stdlib  # noqa: SLF001


def test_a_plan_line_reads_back_as_the_plan_data():
    plan = plan_followups(Interview("Zoë", "Café", PARIS))
    data = unstructure(plan)
    line = json_line(data)
    # The converter writes sequences as tuples; JSON has lists.
    assert json.loads(line) == json.loads(json.dumps(data))
    assert line.startswith(
        b'{"interview":{"candidate":"Zo\xc3\xab","company":"Caf\xc3\xa9","at":'
    )
