"""The written-time reader's exact result for noon, midnight and zone labels.

Other tests ask whether a letter names the interview's time; these pin what
`times_in` reads for the words noon and midnight (a fixed half of the day,
their zone), which anchors a caller's reading is limited to, and the label
`unambiguous_label` writes for a zone at UTC with no abbreviation.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from followup._letters import times_in
from followup._written_times import (
    WrittenTime,
    _second_half_of_a_word,
    time_anchors,
    times_written,
    unambiguous_label,
)


def test_noon_at_the_end_of_the_text_is_twelve_o_clock():
    assert times_in("see you at noon") == (
        WrittenTime("noon", 12, 0, twelve_hour=True),
    )


def test_noon_with_a_zone_carries_that_zone_and_its_label():
    assert times_in("at noon EST") == (
        WrittenTime(
            "noon",
            12,
            0,
            twelve_hour=True,
            zones=("-05:00", "America/New_York"),
            label="est",
        ),
    )


def test_midnight_with_an_offset_is_hour_0_at_that_offset():
    assert times_in("by midnight (UTC+1)") == (
        WrittenTime("midnight", 0, 0, twelve_hour=True, zones=("+01:00",)),
    )


def test_noon_run_into_a_digit_or_an_underscore_is_no_time():
    assert times_in("see noon2 and noon_slot") == ()


def test_only_the_anchors_given_are_read():
    folded = "at 10:00 or 11:00"
    assert times_written(folded, "en", [(folded.index("11"), "11")]) == (
        WrittenTime("11:00", 11, 0, twelve_hour=False),
    )


def test_the_anchors_of_spanish_times_are_a_noon_and_midnight():
    assert time_anchors("es") == frozenset({"a", "mediodia", "medianoche"})


def test_a_zone_at_utc_without_an_abbreviation_is_labelled_utc_plus_zero():
    summer_in_the_azores = dt.datetime(
        2026, 7, 1, 12, tzinfo=zoneinfo.ZoneInfo("Atlantic/Azores")
    )
    assert unambiguous_label(summer_in_the_azores) == "UTC+00:00"


def test_the_afternoon_in_french_is_not_noon():
    assert times_in("lundi 23 novembre après-midi", "fr") == ()
    assert times_in("lundi 23 novembre à midi", "fr") == (
        WrittenTime("midi", 12, 0, twelve_hour=True),
    )


@pytest.mark.parametrize("text", ["call in Kyiv 10:00", "Bruno 10:00", "Juno 10:00"])
def test_a_word_ending_like_a_number_sign_leaves_the_time_after_it(text):
    assert times_in(text) == (WrittenTime("10:00", 10, 0, twelve_hour=False),)


@pytest.mark.parametrize("text", ["version 10.30", "v10.30", "nr 10:30", "#10:30"])
def test_a_number_after_a_number_sign_is_no_time(text):
    assert times_in(text) == ()


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("apres-midi", True),  # the afternoon, not noon
        ("a-midi", True),  # a one-letter first half, at the very start
        (" a-midi", True),
        ("12-midi", False),  # a number before the hyphen: noon it is
        ("--midi", False),
        ("-midi", False),
        ("midi", False),
    ],
)
def test_noon_after_a_hyphen_is_the_second_half_of_a_word_only_after_a_letter(
    folded: str, expected: bool
) -> None:
    start = folded.index("midi")
    assert _second_half_of_a_word(folded, start) is expected
