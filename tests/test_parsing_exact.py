"""The shared readers: each reason a text cannot be read, in words.

Every reader of documents reports these reasons to users as they are, so
each is compared whole, with where it was found when that is known.
"""

from __future__ import annotations

import sys

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

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


def dotted(parts):
    return ".".join(f"k{number}" for number in range(parts))


def test_a_key_of_64_parts_is_read_and_of_65_refused_with_its_line():
    data = read_toml(f"{dotted(64)} = 1\n")
    for number in range(64):
        data = data[f"k{number}"]
    assert data == 1
    assert unreadable(read_toml, f'a = 1\n{dotted(65)} = "x"\n') == (
        "A key of more than 64 dotted parts (at line 2, column 1)",
    ) * 2 + ("",)


def test_a_table_header_of_65_parts_and_quoted_parts_count_too():
    assert unreadable(read_toml, f"[{dotted(65)}]\n")[0] == (
        "A key of more than 64 dotted parts (at line 1, column 1)"
    )
    quoted = ".".join(f'"k {number}"' for number in range(65))
    assert unreadable(read_toml, f"{quoted} = 1\n")[0] == (
        "A key of more than 64 dotted parts (at line 1, column 1)"
    )


@pytest.mark.parametrize(
    "text",
    [
        'note = """\n' + "." * 500 + '\n"""\n',
        'note = """\n' + "Yes. " * 100 + '\n"""\n',
        "note = '" + "x." * 100 + "'\n",
        "# " + "a." * 100 + "\n",
    ],
    ids=["a row of dots", "sentences", "a dotted value", "a comment"],
)
def test_dots_in_text_are_no_key(text):
    # Only a line that reads as a key is held to the limit.
    assert read_toml(text) is not None


def test_a_key_of_many_parts_never_reaches_the_parser(monkeypatch):
    # tomllib checks every leading part of a key as it reads the next: a
    # key of 100,000 parts took it minutes.  The count is refused first.
    real = tomllib.loads
    calls = []

    def counted(text, **kwargs):
        calls.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counted)
    assert read_toml(f"{dotted(64)} = 1\n") is not None
    with pytest.raises(Unreadable):
        read_toml(f"{dotted(100_000)} = 1\n")
    assert len(calls) == 1
