"""The shared readers: each reason a text cannot be read, in words.

Every reader of documents reports these reasons to users as they are, so
each is compared whole, with where it was found when that is known.
"""

from __future__ import annotations

import pytest

from followup._parsing import Unreadable, read_json, read_toml


def unreadable(read, text):
    with pytest.raises(Unreadable) as caught:
        read(text)
    error = caught.value
    return str(error), error.reason, error.where()


def test_text_nested_too_deeply_says_so_and_where_is_unknown():
    assert unreadable(read_json, "[" * 100_000) == (
        "nested too deeply to read",
        "nested too deeply to read",
        "",
    )


def test_bytes_that_are_not_utf8_say_so():
    assert unreadable(read_json, b"\xff") == ("is not UTF-8 text",) * 2 + ("",)


def test_a_number_of_too_many_digits_says_so():
    assert unreadable(read_json, "1" * 5000) == (
        "holds a number of more digits than can be read",
    ) * 2 + ("",)


def test_json_that_is_not_json_is_placed_by_line_and_column():
    assert unreadable(read_json, '{\n  "a": }') == (
        "Expecting value",
        "Expecting value",
        " at line 2 column 8",
    )


def test_toml_that_is_not_toml_keeps_the_parsers_words():
    assert unreadable(read_toml, "a = ") == (
        "Invalid value (at end of document)",
        "Invalid value (at end of document)",
        "",
    )
