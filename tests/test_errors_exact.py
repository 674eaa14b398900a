"""How an error shows the value it refuses: whole when short, cut when long.

An error names the value, but a 10 MB field must not come back whole in a
message or on a terminal line (hardening #11).  Text keeps its first 80
characters and says how long it was; any other value keeps the first and
last 160 characters of its repr once the repr passes 320, and says how much
was left out.  Pickling keeps every field.
"""

from __future__ import annotations

import pickle

import pytest

from followup import (
    InvalidTypeError,
    InvalidValueError,
    PluginError,
    RuleError,
)
from followup.errors import did_you_mean


@pytest.mark.parametrize("length", [0, 1, 79, 80])
def test_text_of_up_to_80_characters_is_shown_whole(length: int) -> None:
    value = "é" * length
    error = InvalidValueError("Interview.company", value, "is refused")
    assert str(error) == f"Interview.company: {value!r} is refused"


@pytest.mark.parametrize("length", [81, 82, 10_000])
def test_longer_text_keeps_its_first_80_characters_and_its_length(length: int) -> None:
    value = "ab" * (length // 2) + "c" * (length % 2)
    error = InvalidValueError("Interview.company", value, "is refused")
    assert str(error) == (
        f"Interview.company: {value[:80] + '…'!r} ({length} characters) is refused"
    )


@pytest.mark.parametrize("length", [4, 319, 320])
def test_a_repr_of_up_to_320_characters_is_shown_whole(length: int) -> None:
    value = ["x" * (length - 4)]  # ['xx…x']: four characters more
    assert len(repr(value)) == length
    error = InvalidTypeError("Interview.duration", value, "a duration")
    assert str(error) == f"Interview.duration: expected a duration, got list {value!r}"


@pytest.mark.parametrize("length", [321, 322, 2000])
def test_a_longer_repr_keeps_both_ends_and_says_how_much_is_left_out(
    length: int,
) -> None:
    value = ["".join(chr(ord("a") + i % 26) for i in range(length - 4))]
    text = repr(value)
    error = InvalidTypeError("Interview.duration", value, "a duration")
    assert str(error) == (
        "Interview.duration: expected a duration, got list "
        f"{text[:160]} … ({len(text) - 320} characters left out) … {text[-160:]}"
    )


def test_a_value_whose_repr_fails_is_named_by_its_type() -> None:
    # A 5,000-digit integer refuses to become text (hardening #5).
    value = 10**5000
    error = InvalidValueError("Interview.duration", value, "is too long")
    assert str(error) == (
        f"Interview.duration: an integer of {value.bit_length()} bits is too long"
    )
    assert value.bit_length() == 16610


@pytest.mark.parametrize(
    "error",
    [
        InvalidValueError("Interview.company", "x" * 500, "is refused"),
        InvalidTypeError("Interview.duration", [1] * 500, "a duration"),
        PluginError("two plugins are broken", ("one", "two")),
        RuleError("FU003", "acme 1.0", "rule FU003 failed"),
    ],
    ids=["value", "type", "plugin", "rule"],
)
def test_an_error_comes_back_from_pickle_with_every_field(
    error: Exception,
) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)


def test_a_rule_error_keeps_the_rule_and_its_plugin_for_tools() -> None:
    error = RuleError("FU003", "acme-rules 1.0", "rule FU003 failed")
    assert (error.code, error.origin, str(error)) == (
        "FU003",
        "acme-rules 1.0",
        "rule FU003 failed",
    )


@pytest.mark.parametrize(
    ("wrong", "choices", "said"),
    [
        # difflib's ratio is 2 * matches / total length: 0.5 here, which is
        # close enough ("abcd" and "abxy" share "ab").
        ("abcd", ["abxy"], " (did you mean 'abxy'?)"),
        ("abcd", ["wxyz"], ""),
        ("start", ["stat", "end"], " (did you mean 'stat'?)"),
        ("start", [], ""),
    ],
)
def test_did_you_mean_offers_the_closest_choice_from_half_alike(
    wrong: str, choices: list[str], said: str
) -> None:
    assert did_you_mean(wrong, choices) == said
