"""Examples that pin time, calendar, contact, interview and rule-set details.

Each test kills a hand-made mutant of `_time`, `_calendar`, `_contact`,
`_interview` or `_ruleset` that the rest of the suite let live; the comment
above it names what it pins.  Expected values are worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    RuleSet,
    WorkingCalendar,
)
from followup._calendar import closures, country_weekend, weekdays
from followup._time import (
    calendar_date,
    coerce_duration,
    coerce_instant,
    coerce_zone_name,
    describe_for,
    format_instant,
    long_date,
    pack_instant,
    unpack_instant,
    zone,
)
from followup.errors import NaiveDatetimeError, UnknownTimeZoneError

# ---- _time: the repeated hour, parsing, durations, dates


def test_a_pickled_interview_in_the_repeated_hour_keeps_its_second_reading():
    # Pins pack_instant's pickle protocol 4: protocol 3 drops the fold, and
    # 01:30 EST (06:30 UTC) would come back as 01:30 EDT (05:30 UTC).
    interview = Interview("Ada", "Acme", "2026-11-01T01:30:00-05:00[America/New_York]")
    back = pickle.loads(pickle.dumps(interview))
    assert back.at.isoformat() == "2026-11-01T01:30:00-05:00"
    assert back == interview


def test_a_packed_instant_names_its_zone_by_its_iana_name():
    # Pins pack_instant: a named zone is packed as its name (plain values).
    at = coerce_instant("2026-11-23T10:00:00+05:45[Asia/Kathmandu]", "at")
    packed = pack_instant(at)
    assert packed[1] == "Asia/Kathmandu"
    assert unpack_instant(packed).isoformat() == "2026-11-23T10:00:00+05:45"


def test_a_naive_datetime_is_refused_showing_it_as_iso_text():
    # Pins the value of NaiveDatetimeError: the ISO text the user wrote.
    with pytest.raises(NaiveDatetimeError) as caught:
        coerce_instant(dt.datetime(2026, 11, 23, 10, 0), "Interview.at")
    assert caught.value.field == "Interview.at"
    assert caught.value.value == "2026-11-23T10:00:00"


def test_a_lower_case_z_is_utc_like_an_upper_case_one():
    # Pins the "z" of _parse: fromisoformat alone refuses a lower-case z.
    at = coerce_instant("2026-11-23T15:00:00z", "at")
    assert format_instant(at) == "2026-11-23T15:00:00+00:00[UTC]"


def test_an_offset_of_zero_is_kept_as_an_offset_not_as_utc():
    # Pins _parse's "+00:00": written back without a [UTC] zone suffix.
    at = coerce_instant("2026-11-23T15:00:00+00:00", "at")
    assert format_instant(at) == "2026-11-23T15:00:00+00:00"


def test_a_critical_zone_suffix_is_read():
    # Pins the "!" of RFC 9557's critical flag in the zone suffix.
    at = coerce_instant("2026-11-23T10:00:00+13:45[!Pacific/Chatham]", "at")
    assert format_instant(at) == "2026-11-23T10:00:00+13:45[Pacific/Chatham]"


def test_a_zone_name_that_is_a_folder_of_the_database_is_no_zone():
    # Pins the OSError caught in `zone`: "America" is a folder of zone files.
    with pytest.raises(UnknownTimeZoneError) as caught:
        coerce_zone_name("America", "Contact.timezone")
    assert (caught.value.field, caught.value.value) == ("Contact.timezone", "America")


def test_a_call_of_exactly_twelve_hours_is_the_longest_accepted():
    # Pins `seconds > LONGEST_CALL`: 720 minutes is allowed, 721 is not.
    assert coerce_duration(720, "d") == dt.timedelta(hours=12)
    with pytest.raises(InvalidValueError, match="longer than a phone interview"):
        coerce_duration(721, "d")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("pt30m", 30),  # re.IGNORECASE: lower-case designators
        ("PT0,5H", 30),  # a decimal comma, as ISO 8601 allows
        ("P0.0625W", 630),  # a week is 604800 s: 0.0625 W = 37800 s
        ("PT1800.5S", 30 + 0.5 / 60),  # a decimal fraction of seconds
    ],
)
def test_iso_durations_in_their_less_common_forms(text, minutes):
    assert coerce_duration(text, "d") == dt.timedelta(minutes=minutes)


def test_a_time_designator_with_nothing_after_it_is_no_duration():
    # Pins the lookahead after "T": "P0.1DT" (2.4 hours) is malformed.
    with pytest.raises(InvalidValueError, match="is not an ISO 8601 duration"):
        coerce_duration("P0.1DT", "d")


def test_instants_a_microsecond_apart_are_written_apart():
    # Pins format_instant's cache key: the whole wall time, microseconds too.
    first = coerce_instant("2026-11-23T10:00:00.000001-05:00[America/New_York]", "a")
    second = coerce_instant("2026-11-23T10:00:00.000002-05:00[America/New_York]", "a")
    assert format_instant(first).startswith("2026-11-23T10:00:00.000001")
    assert format_instant(second).startswith("2026-11-23T10:00:00.000002")


def test_a_date_with_spaces_around_it_is_read():
    # Pins calendar_date's strip().
    assert calendar_date(" 2026-12-24\n", "f") == dt.date(2026, 12, 24)


def test_the_last_supported_date_is_the_end_of_2199():
    # Pins `day < LATEST.date()`: 2199-12-31 is in, 2200-01-01 is out.
    assert calendar_date("2199-12-31", "f") == dt.date(2199, 12, 31)
    with pytest.raises(InvalidValueError) as caught:
        calendar_date("2200-01-01", "f")
    assert (caught.value.field, caught.value.value) == ("f", "2200-01-01")


def test_a_datetime_is_not_cut_to_a_date():
    # Pins calendar_date's refusal of a datetime (whose date needs a zone).
    with pytest.raises(InvalidTypeError) as caught:
        calendar_date(dt.datetime(2026, 12, 24, 23, 30), "closed")
    assert caught.value.field == "closed"


def test_a_reader_a_day_behind_sees_the_recipients_day_named():
    # Pins `mine.date() != moment.date()`: 09:00 Tuesday in Tokyo is 19:00
    # Monday in New York (JST is UTC+9, EST UTC-5: 14 hours apart).
    at = coerce_instant("2026-11-24T09:00:00+09:00[Asia/Tokyo]", "at")
    assert describe_for(at, zone("America/New_York")) == (
        "Mon 23 Nov 2026 19:00 EST (Tue 24 Nov 09:00 JST there)"
    )


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 12, 31), "31 December 2026"),
        (dt.date(2027, 1, 1), "1 January 2027"),
    ],
)
def test_a_long_date_names_its_own_month(day, text):
    # Pins MONTH_NAMES[day.month - 1] at both ends of the year.
    assert long_date(day) == text


# ---- _calendar: weeks, closures, a country's weekend


def test_a_day_range_written_as_one_string_is_refused_not_read_as_its_first_day():
    # Bug: "Mon-Fri" (as reasons write a week) was read as "Mon" alone, so
    # a week configured that way planned on Mondays only.
    with pytest.raises(InvalidValueError) as caught:
        weekdays("Mon-Fri", "WorkingCalendar.weekdays")
    assert (caught.value.field, caught.value.value) == (
        "WorkingCalendar.weekdays",
        "Mon-Fri",
    )
    with pytest.raises(InvalidValueError):
        weekdays(["monkey"], "w")


def test_day_names_are_read_whole_or_shortened():
    # The fix keeps every spelling that names one day: "tues", "thurs", full names.
    assert weekdays(["Tues", "thurs", "SATURDAY", "sun"], "w") == (1, 3, 5, 6)


@pytest.mark.parametrize("word", ["t", "s", "mo", "su"])
def test_fewer_than_three_letters_name_no_day(word):
    # Pins the three-letter minimum: "t" is Tuesday or Thursday, "s" Saturday
    # or Sunday; two letters were refused before the fix and still are.
    with pytest.raises(InvalidValueError) as caught:
        weekdays([word], "w")
    assert (caught.value.field, caught.value.value) == ("w", word)


def test_true_is_not_tuesday():
    # Pins `not isinstance(value, bool)`: True would be weekday 1.
    with pytest.raises(InvalidValueError) as caught:
        weekdays([True], "w")
    assert (caught.value.field, caught.value.value) == ("w", True)


def test_a_closure_of_a_whole_leap_year_is_accepted():
    # Pins _LONGEST_CLOSURE = 366 days: a leap year is a year.
    (closure,) = closures("2028-01-01/2028-12-31", "closed")
    assert (closure.first, closure.last) == (dt.date(2028, 1, 1), dt.date(2028, 12, 31))
    with pytest.raises(InvalidValueError, match="longer than a year"):
        closures("2028-01-01/2029-01-01", "closed")


def test_a_hundred_closures_are_accepted_and_a_hundred_and_one_refused():
    # Pins `len(pairs) > _MOST_CLOSURES` at its boundary.
    start = dt.date(2026, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(101)]
    assert len(closures(days[:100], "closed")) == 100
    with pytest.raises(InvalidValueError) as caught:
        closures(days, "closed")
    assert (caught.value.field, caught.value.value) == ("closed", 101)


def test_where_closures_overlap_the_one_that_starts_first_names_the_day():
    # Pins the sort by first day and setdefault in _closed_days: a shutdown
    # across the year end holds a one-day closure given before it.
    calendar = WorkingCalendar(
        closed={"2026-12-24": "Christmas Eve", "2026-12-21/2027-01-01": "shutdown"}
    )
    assert [str(c) for c in calendar.closed] == ["2026-12-21/2027-01-01", "2026-12-24"]
    assert calendar.closure(dt.date(2026, 12, 24)) == "shutdown"
    assert calendar.closure(dt.date(2027, 1, 1)) == "shutdown"
    assert calendar.closure(dt.date(2027, 1, 2)) is None


def test_holidays_must_be_true_or_false():
    # Pins WorkingCalendar's type check of `holidays`.
    with pytest.raises(InvalidTypeError) as caught:
        WorkingCalendar(holidays="no")
    assert (caught.value.field, caught.value.value) == (
        "WorkingCalendar.holidays",
        "no",
    )


class _Calendar:
    def __init__(self, weekend):
        self.weekend = weekend


def _fake_holidays(monkeypatch, weekends):
    from followup import _country_calendars  # noqa: PLC0415

    country_weekend.cache_clear()
    monkeypatch.setattr(
        _country_calendars,
        "country_holidays",
        lambda country, subdiv=None: _Calendar(weekends[country, subdiv]),
    )


def test_a_weekend_of_the_whole_week_is_not_believed(monkeypatch):
    # Pins `len(weekend) >= 7` and the fallback to Saturday and Sunday.
    _fake_holidays(monkeypatch, {("XX", None): {0, 1, 2, 3, 4, 5, 6}})
    try:
        assert country_weekend("XX", None) == frozenset({5, 6})
    finally:
        country_weekend.cache_clear()


def test_a_subdivision_is_asked_for_its_own_weekend(monkeypatch):
    # Pins subdiv=subdivision: a state may keep another weekend (Friday).
    _fake_holidays(monkeypatch, {("XX", None): {5, 6}, ("XX", "JH"): {4, 5}})
    try:
        assert country_weekend("XX", "JH") == frozenset({4, 5})
        assert country_weekend("XX", None) == frozenset({5, 6})
    finally:
        country_weekend.cache_clear()


# ---- _contact


def test_a_country_code_with_spaces_and_lower_case_is_read():
    # Pins _country_code's strip().
    assert Contact(country=" np ").country == "NP"


@pytest.mark.parametrize(
    "fields", [{"timezone": "Asia/Kathmandu"}, {"country": "NP"}, {"name": "Sita"}]
)
def test_a_contact_of_one_detail_is_a_contact(fields):
    # Pins the "holds nothing" check over every field, zone and country too.
    assert Contact(**fields) == Contact(**fields)


def test_a_subdivision_with_spaces_is_read_with_holidays_spelling():
    # Pins the subdivision read regardless of spaces and case, kept as
    # holidays spells it.
    assert Contact(country="US", subdivision=" ny ").subdivision == "NY"


def test_an_unknown_subdivision_names_the_country():
    # Pins the country in the message: "XX" is no state of the US.
    with pytest.raises(InvalidValueError) as caught:
        Contact(country="US", subdivision="XX")
    assert caught.value.field == "Contact.subdivision"
    assert "is not a subdivision of US" in str(caught.value)


# ---- _interview


def test_a_call_ends_in_the_zone_it_started_in():
    # Pins ends_at's zone: a 45-minute call at 10:00 in Kathmandu (+05:45).
    interview = Interview(
        "Ada", "Acme", "2026-11-23T10:00:00+05:45[Asia/Kathmandu]", duration=45
    )
    assert format_instant(interview.ends_at) == (
        "2026-11-23T10:45:00+05:45[Asia/Kathmandu]"
    )


def test_a_call_across_lord_howes_half_hour_change_lasts_its_duration():
    # Lord Howe goes back from +11:00 to +10:30 at 02:00 on 2027-04-04: a
    # 60-minute call from 01:15 (+11:00, 14:15 UTC) ends at 15:15 UTC, which
    # is 01:45 +10:30, the second reading of that wall time.
    interview = Interview(
        "Ada", "Acme", "2027-04-04T01:15:00+11:00[Australia/Lord_Howe]", duration=60
    )
    assert interview.ends_at.isoformat() == "2027-04-04T01:45:00+10:30"


def test_a_call_lasts_thirty_minutes_unless_told():
    # Pins the default duration.
    assert Interview("Ada", "Acme", "2026-11-23T10:00:00Z").duration == dt.timedelta(
        minutes=30
    )


# ---- _ruleset


def test_a_string_is_not_a_sequence_of_rules():
    # Pins the str check of _rules: "FU001" is not five rules.
    with pytest.raises(InvalidTypeError) as caught:
        RuleSet("FU001")
    assert (caught.value.field, caught.value.value) == ("rules", "FU001")


def test_too_few_origins_are_refused():
    # Pins `len(origins) != len(self.rules)`: fewer origins than rules.
    with pytest.raises(InvalidValueError) as caught:
        RuleSet(DEFAULT_RULES.rules[:2], origins=(None,))
    assert (caught.value.field, caught.value.value) == ("RuleSet.origins", 1)


def test_a_set_lists_only_the_phases_its_rules_use():
    # Pins the removal of empty phases: FU006 proposes, and does nothing else.
    phases = DEFAULT_RULES.select("FU006").phases
    assert [phase.value for phase, _ in phases] == ["propose"]
    assert RuleSet().phases == ()


@attrs.frozen
class _OwnCalendar:
    code: ClassVar[str] = "CAL001"
    name: ClassVar[str] = "own-calendar"
    summary: ClassVar[str] = "keeps a calendar"
    advice: ClassVar[tuple[str, ...]] = ()
    calendar: ClassVar[WorkingCalendar] = WorkingCalendar(weekdays=("sat",))
    params: None = None

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


def test_the_first_rule_with_a_calendar_gives_the_sets_calendar():
    # Pins RuleSet._calendar: the first such rule wins, not the last.
    own = _OwnCalendar()
    assert DEFAULT_RULES.extend(own).calendar == DEFAULT_RULES.calendar
    assert RuleSet([own, *DEFAULT_RULES]).calendar.weekdays == (5,)


def test_from_toml_builds_on_the_base_it_is_given(tmp_path):
    # Pins from_toml's `base`: the file configures a set without FU002.
    path = tmp_path / "rules.toml"
    path.write_text("[rules.FU008]\nmax_calls = 2\n", encoding="utf-8")
    rules = RuleSet.from_toml(path, base=DEFAULT_RULES.ignore("FU002"))
    assert "FU002" not in rules
    assert rules["FU008"].params.max_calls == 2


def test_an_empty_selector_names_no_rule():
    # Bug: "" is a prefix of every code, so `ignore("")` (or a rules file's
    # `ignore = ["FU002", ""]`) silently dropped every rule and `select("")`
    # kept them all.  It names no rule, as any unknown selector.
    for operation in (DEFAULT_RULES.ignore, DEFAULT_RULES.select):
        with pytest.raises(RuleConfigurationError, match="no rule '' in this set"):
            operation("")
    with pytest.raises(RuleConfigurationError, match="no rule ''"):
        RuleSet.from_mapping({"ignore": ["FU002", ""]})


@pytest.mark.parametrize("text", ["/2026-12-24", "2026-12-24/", " / "])
def test_a_closure_with_a_day_missing_is_refused_as_written(text):
    # Either side alone was reported as "'' is not a date", not as given.
    with pytest.raises(InvalidValueError) as caught:
        closures(text, "closed")
    assert (caught.value.field, caught.value.value) == ("closed", text)
    assert str(caught.value) == (
        f"closed: {text!r} is not a span of days (YYYY-MM-DD/YYYY-MM-DD)"
    )
