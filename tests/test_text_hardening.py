"""Text that people read: no control characters, and errors that stay short."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from followup import (
    Contact,
    Finding,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Requirements,
)
from followup._fields import BIDI_CONTROLS, shows_anything, single_line

AT = "2026-11-23T10:00:00-05:00"


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x1f", "\x7f", "\x9b", "\t"])
def test_names_refuse_control_characters_by_field(control):
    with pytest.raises(
        InvalidValueError, match=r"^Interview.candidate: .* holds a control character"
    ):
        Interview(f"Ada{control}Lovelace", "Acme", AT)
    with pytest.raises(InvalidValueError, match=r"^Contact.name: .* control"):
        Contact(f"Grace{control}[31mHopper")
    with pytest.raises(
        InvalidValueError, match=r"^Requirements.talking_points\[1\]: .* control"
    ):
        Requirements(talking_points=("fine", f"ring{control}"))
    with pytest.raises(InvalidValueError, match=r"^Finding.actual: .* control"):
        Finding("ME1", "info", "noted", actual=f"x{control}")


def test_the_unit_separator_can_no_longer_join_two_names_into_one():
    # ("A\x1fB", "C") and ("A", "B\x1fC") once shared calendar UIDs.
    with pytest.raises(InvalidValueError, match="U\\+001F"):
        Interview("A\x1fB", "C", AT)


controls = st.characters(categories=["Cc"])
visible = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"),
    blacklist_characters="\x85" + BIDI_CONTROLS,
)


# Between visible characters: white space at either end is stripped, and
# Python counts U+001C to U+001F as white space.
@given(
    st.text(visible, min_size=1, max_size=20),
    controls,
    st.text(visible, min_size=1, max_size=20),
)
def test_any_control_character_is_refused(before, control, after):
    with pytest.raises(InvalidValueError):
        single_line(before + control + after, "name")


@given(st.text(visible, min_size=1, max_size=40))
@example("\xad")  # what CI drew: a soft hyphen alone
@example("A\xad")
def test_text_without_controls_is_kept(text):
    if shows_anything(text):
        assert single_line(text, "name") == text
    else:
        # Only format characters, lone combining marks or blank letters
        # (a soft hyphen alone): refused, as a letter would greet no one.
        with pytest.raises(InvalidValueError, match="show nothing"):
            single_line(text, "name")


def test_a_huge_value_is_shown_cut_short_with_its_length():
    huge = "A" * 10_000_000
    with pytest.raises(InvalidValueError) as raised:
        Interview(huge, "Acme", AT)
    message = str(raised.value)
    assert len(message) < 250
    assert message.startswith("Interview.candidate: 'AAAA")
    assert "…' (10000000 characters)" in message
    assert raised.value.value is huge  # the value itself is kept whole


def test_a_huge_value_of_another_type_keeps_both_ends():
    numbers = list(range(100_000))
    with pytest.raises(InvalidTypeError) as raised:
        Interview(numbers, "Acme", AT)  # type: ignore[arg-type]
    message = str(raised.value)
    assert len(message) < 500
    assert "got list [0, 1, 2," in message
    assert message.endswith("99998, 99999]")
    assert "characters left out" in message


def test_a_short_value_is_shown_whole():
    name = "x" * 79 + "\x00"
    with pytest.raises(InvalidValueError) as raised:
        Interview(name, "Acme", AT)
    assert f"Interview.candidate: {name!r} holds" in str(raised.value)


def test_a_lone_surrogate_is_no_character_and_is_refused():
    # A JSON "\udcff" escape reads as one; no UTF-8 output can hold it.
    with pytest.raises(
        InvalidValueError, match=r"^Interview.candidate: .* lone surrogate \(U\+DCFF\)"
    ):
        Interview("Ada \udcff", "Acme", AT)
    with pytest.raises(InvalidValueError, match=r"^Contact.name: .* lone surrogate"):
        Contact("Grace \ud800")


@given(st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3))
def test_any_surrogate_is_refused(surrogates):
    with pytest.raises(InvalidValueError):
        single_line(f"a{surrogates}b", "name")


# --------------------------------------------------------------------------
# Bidirectional controls: an override in a company name turns round every
# word a terminal or a calendar shows after it, the plan's own included.


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_names_refuse_each_bidirectional_control_by_field(control):
    point = rf"U\+{ord(control):04X}"
    with pytest.raises(
        InvalidValueError,
        match=rf"^Interview.company: .* holds a bidirectional control character, "
        rf"which reorders the text shown after it \({point}\)$",
    ):
        Interview("Ada Lovelace", f"Acme{control} Corp", AT)
    with pytest.raises(InvalidValueError, match=rf"^Contact.name: .*{point}"):
        Contact(f"Grace{control}Hopper")
    with pytest.raises(InvalidValueError, match=rf"^Interview.id: .*{point}"):
        Interview("Ada", "Acme", AT, id=f"acme{control}42")


def test_exactly_the_nine_bidirectional_controls_are_refused():
    # The embeddings and overrides U+202A-U+202E and the isolates
    # U+2066-U+2069; the format characters around them pass.
    refused = [
        point
        for point in range(0x2000, 0x2070)
        if point not in (0x2028, 0x2029)  # line breaks, refused as such
        and _refuses(chr(point))
    ]
    assert refused == [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _refuses(character: str) -> bool:
    try:
        single_line(f"a{character}b", "name")
    except InvalidValueError:
        return True
    return False


@pytest.mark.parametrize(
    "name",
    [
        "\u05d3\u05d5\u05d3 \u05db\u05d4\u05df",  # Hebrew, right to left
        "\u0634\u0631\u0643\u0629 \u0627\u0644\u0646\u0648\u0631",  # Arabic
        'Acme \u200f\u05d1\u05e2"\u05de\u200e Ltd',  # right- and left-to-right marks
        "\u0634\u0631\u0643\u0629\u061c 42",  # the Arabic letter mark
    ],
)
def test_names_in_right_to_left_scripts_and_their_marks_pass(name):
    assert Interview("Ada", name, AT).company == name
