"""An offset refused for a wall time: the message is told from the wall time written.

It used to be told from the instant that the wrong offset made of it, so
for a time the clocks skip each offset was refused with the other one
suggested.  Now a skipped time is named as such, with what it reads as
without the offset, and a repeated hour's two offsets are both given.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup._time import coerce_instant
from followup.errors import InvalidValueError


def _refusal(text: str) -> str:
    with pytest.raises(InvalidValueError) as error:
        coerce_instant(text, "--now")
    return str(error.value)


@pytest.mark.parametrize(
    ("text", "forward", "reads_as"),
    [
        (
            "2026-03-08T02:30:00-05:00[America/New_York]",
            "1 hour",
            "2026-03-08T03:30:00-04:00",
        ),
        (
            "2026-03-08T02:30:00-04:00[America/New_York]",
            "1 hour",
            "2026-03-08T03:30:00-04:00",
        ),
        (
            "2026-10-04T02:15:00+10:30[Australia/Lord_Howe]",
            "30 minutes",
            "2026-10-04T02:45:00+11:00",
        ),
        (
            "2026-03-29T01:30:00+00:00[Europe/London]",
            "1 hour",
            "2026-03-29T02:30:00+01:00",
        ),
        (
            "2011-12-30T10:00:00-10:00[Pacific/Apia]",
            "24 hours",
            "2011-12-31T10:00:00+14:00",
        ),
    ],
)
def test_a_skipped_wall_time_is_named_with_its_reading(text, forward, reads_as):
    wall, zone = text[:19], text.split("[")[1].rstrip("]")
    assert _refusal(text) == (
        f"--now: {text!r} names a wall time that {zone} skips, as its clocks go "
        f"forward {forward} that day: give a time that exists, or leave out the "
        f"offset and it reads as {reads_as}"
    )
    # What it reads as without the offset is what the message says.
    assert coerce_instant(f"{wall}[{zone}]", "--now").isoformat() == reads_as


def test_a_repeated_hour_gives_both_its_offsets():
    assert _refusal("2026-11-01T01:30:00-03:00[America/New_York]").endswith(
        "has an offset that America/New_York does not use at that time (it uses "
        "-04:00, or -05:00 when the hour repeats at a daylight-saving change)"
    )


def test_the_offset_given_is_the_wall_time_s_not_the_instant_s():
    # 01:30 on the morning New York springs forward is EST.  Written with
    # -08:00 it makes 09:30Z, which is 05:30 EDT: the instant's offset,
    # -0400, written instead would be refused in turn.
    assert _refusal("2026-03-08T01:30:00-08:00[America/New_York]").endswith(
        "(it uses -05:00)"
    )


_ZONES = ("America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Tehran")


# Wall times where the clocks change in those zones in 2026, to draw near.
_CHANGES = tuple(
    dt.datetime.fromisoformat(text)
    for text in (
        "2026-03-08T02:00",
        "2026-11-01T01:00",
        "2026-03-29T01:00",
        "2026-10-25T01:00",
        "2026-04-05T01:30",
        "2026-10-04T02:00",
        "2026-03-21T00:00",
    )
)
_WALLS = st.one_of(
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2037, 1, 1)),
    st.builds(
        lambda change, minutes: change + dt.timedelta(minutes=minutes),
        st.sampled_from(_CHANGES),
        st.integers(min_value=-120, max_value=120),
    ),
)


@given(
    st.sampled_from(_ZONES),
    _WALLS,
    st.integers(min_value=-14 * 4, max_value=14 * 4),
)
def test_every_offset_suggested_for_a_wall_time_is_accepted(name, wall, quarters):
    wall = wall.replace(microsecond=0)
    offset = dt.timedelta(minutes=15 * quarters)
    sign = "-" if offset < dt.timedelta(0) else "+"
    hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
    text = f"{wall.isoformat()}{sign}{hours:02}:{minutes:02}[{name}]"
    try:
        coerce_instant(text, "at")
    except InvalidValueError as error:
        message = str(error)
    else:
        return
    zone = zoneinfo.ZoneInfo(name)
    if "skips" in message:
        # Truly skipped: the wall time does not come back from its instant.
        local = wall.replace(tzinfo=zone)
        assert (
            local.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
            != wall
        )
        return
    # Each offset the message names, written instead, is taken.
    uses = message.split("(it uses ")[1]
    for suggested in (uses[:6], uses.split("or ")[-1][:6]):
        accepted = coerce_instant(f"{wall.isoformat()}{suggested}[{name}]", "at")
        assert accepted.replace(tzinfo=None) == wall
