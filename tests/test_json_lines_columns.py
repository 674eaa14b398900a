"""A bad line of a JSON Lines batch is reported at its own column.

The raw line keeps its line break, and the JSON parser counted it: a line
cut short was "at column 1" (of a second line the report did not name),
where the mistake is at the end of the line.
"""

from __future__ import annotations

import json

import pytest

from followup._inputs import Line, read_entry

CUT = b'{"id": "broken", "interview": {"candidate": "Ada"'


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
def test_a_line_cut_short_is_reported_after_its_last_character(ending: bytes) -> None:
    raw = CUT + ending
    entry = read_entry(Line("t.jsonl", 3, raw))
    column = len(CUT) + 1
    assert entry.problem == (
        f"t.jsonl:3: not valid JSON: Expecting ',' delimiter at column {column}"
    )
    # The size counts the whole line, break included, for the progress bar.
    assert entry.size == len(raw)


def test_the_column_is_the_one_python_reports_for_the_line_alone() -> None:
    raw = b'{"interview": {"candidate": "Ada", "company": }}\n'
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(raw.rstrip(b"\n"))
    entry = read_entry(Line("t.jsonl", 1, raw))
    assert entry.problem == (
        f"t.jsonl:1: not valid JSON: Expecting value at column {caught.value.colno}"
    )
    assert caught.value.colno == raw.index(b"}") + 1


def test_a_line_break_inside_a_string_is_still_refused() -> None:
    # Only the line's own break at its end is left out.
    entry = read_entry(Line("t.jsonl", 2, b'{"interview": "a\rb"}\n'))
    assert entry.problem is not None
    assert entry.problem.startswith("t.jsonl:2: not valid JSON: Invalid control")
