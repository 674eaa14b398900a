"""Planning at scale: streaming batches, pickling for process pools, and Dask."""

from __future__ import annotations

import concurrent.futures
import copyreg
import datetime as dt
import importlib.machinery
import importlib.util
import itertools
import pickle
import subprocess
import sys
import zoneinfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    Interview,
    InvalidTypeError,
    Letter,
    Performance,
    StepKind,
    Window,
    plan_followups,
    plan_many,
)
from followup._contact import (
    _codes_in_registry_file,
    country_codes,
    subdivisions_of,
)
from followup._draft import Draft
from followup._facts import Facts
from strategies import YEARS, histories, transitions
from strategies import interviews as any_interviews

ZONES = ("America/New_York", "Europe/Paris", "Asia/Tokyo", "Australia/Sydney")
ADA = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")


def interviews(count=None):
    for index in itertools.count() if count is None else range(count):
        at = dt.datetime(
            2026,
            1 + index % 12,
            1 + index % 28,
            9 + index % 8,
            tzinfo=zoneinfo.ZoneInfo(ZONES[index % 4]),
        )
        yield Interview(
            f"Candidate {index}",
            "Acme",
            at,
            interviewer=Contact(
                "Grace",
                timezone=ZONES[(index + 1) % 4],
                country="FR" if index % 3 else None,
            ),
            performance=list(Performance)[index % 4],
        )


def test_plan_many_streams_an_endless_iterable():
    plans = plan_many(interviews())
    first = list(itertools.islice(plans, 25))
    assert [p.interview.candidate for p in first] == [
        f"Candidate {i}" for i in range(25)
    ]


def test_plan_many_plans_as_plan_followups_does():
    batch = list(interviews(40))
    assert list(plan_many(batch)) == [plan_followups(i) for i in batch]
    now = "2026-12-31T12:00:00Z"
    rules = DEFAULT_RULES.ignore("FU011")
    assert list(plan_many(batch, now=now, rules=rules)) == [
        plan_followups(i, (), now=now, rules=rules) for i in batch
    ]


def test_plan_many_takes_interviews_with_their_history():
    interview = next(interviews(1))
    sent = [Event(EventKind.THANK_YOU_SENT, interview.ends_at)]
    (plan,) = plan_many([(interview, sent)], now=interview.ends_at)
    assert StepKind.THANK_YOU not in {s.kind for s in plan.steps}


def test_plan_many_names_the_item_it_cannot_plan():
    plans = plan_many([next(interviews(1)), "Ada"])
    next(plans)
    with pytest.raises(
        InvalidTypeError,
        match=r"^interviews\[1\]: expected an Interview or \(Interview, history\)",
    ):
        next(plans)


def _public_values():
    interview = next(interviews(1))
    plan = plan_followups(interview)
    facts = Facts.gather(interview)
    return [
        interview,
        interview.interviewer,
        Event(
            EventKind.CALLED,
            interview.ends_at,
            outcome="undecided",
            call_back_at=interview.ends_at + dt.timedelta(days=2),
        ),
        plan,
        *plan.steps,
        plan.steps[0].window,
        plan.steps[0].requirements,
        *plan.findings,
        DEFAULT_RULES,
        DEFAULT_RULES.configure("FU008", max_calls=2),
        *DEFAULT_RULES,
        Letter("Thank you", interview, "thank-you"),
        facts,
        Draft(facts, plan.steps, plan.findings),
        StepKind.CALL,
    ]


@pytest.mark.parametrize("value", _public_values(), ids=lambda v: type(v).__name__)
def test_every_public_type_pickles_and_unpickles_equal(value):
    assert pickle.loads(pickle.dumps(value)) == value


def test_plans_come_back_equal_from_a_process_pool():
    batch = list(interviews(60))
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(plan_followups, batch, chunksize=15))
    assert pooled == list(plan_many(batch))
    assert [p.steps[0].due.timezone_name for p in pooled] == [
        p.steps[0].due.timezone_name for p in plan_many(batch)
    ]


def test_a_dask_bag_plans_as_plan_many_does():
    bag = pytest.importorskip("dask.bag")
    batch = list(interviews(2000))
    planned = (
        bag.from_sequence(batch, npartitions=8)
        .map(plan_followups)
        .compute(scheduler="processes", num_workers=2)
    )
    assert planned == list(plan_many(batch))


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        # The natural slip: plan_many's list.
        ([ADA], "list [Interview(candidate='Ada', company='Acme', "),
        (None, "NoneType None"),
        ("interviews.jsonl", "str 'interviews.jsonl'"),
        (iter([ADA]), "list_iterator <list_iterator object at "),
    ],
)
def test_plan_bag_refuses_what_is_not_a_bag_naming_it(given, shown):
    pytest.importorskip("dask.bag")
    from followup.scale import plan_bag  # noqa: PLC0415 - only with the dask extra

    with pytest.raises(InvalidTypeError) as caught:
        plan_bag(given)
    assert (caught.value.field, caught.value.value) == ("bag", given)
    assert str(caught.value).startswith(
        f"bag: expected a Dask bag (dask.bag.Bag), got {shown}"
    )


def test_plan_bag_without_dask_says_to_install_it(monkeypatch):
    from followup.scale import plan_bag  # noqa: PLC0415 - imports no dask

    # As if the extra were not installed (None: the import fails).
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(InvalidTypeError) as caught:
        plan_bag([ADA])
    assert str(caught.value).startswith(
        'bag: expected a Dask bag (Dask is not installed: pip install "followup[dask]"), '
        "got list [Interview(candidate='Ada', "
    )


def test_times_in_the_repeated_hour_survive_pickling():
    # pendulum pickles a DateTime without its fold: 01:30 EST would come back
    # as 01:30 EDT, an hour earlier.  followup's types pickle their instants
    # with the fold, so plans sent to a process pool keep their instants.
    first = "2026-11-01T01:30:00-04:00[America/New_York]"
    second = "2026-11-01T01:30:00-05:00[America/New_York]"
    window = Window(first, second)
    assert window.end.fold == 1
    again = pickle.loads(pickle.dumps(window))
    assert again == window
    assert again.end.utcoffset() == dt.timedelta(hours=-5)
    interview = Interview("Ada", "Acme", second)
    assert pickle.loads(pickle.dumps(plan_followups(interview))) == plan_followups(
        interview
    )


_REPEATED_HOUR = "2026-11-01T01:30:00-05:00[America/New_York]"

# pendulum's own pickle of a DateTime in the repeated hour, made where
# followup was never imported.
_PENDULUM_ALONE = """
import pickle, sys, pendulum
moment = pendulum.parse("2026-11-01T06:30:00Z").in_timezone("America/New_York")
assert moment.fold == 1
sys.stdout.buffer.write(pickle.dumps(moment))
"""


def test_followup_leaves_the_pickling_of_pendulum_values_alone():
    # A library must not change how the rest of the process pickles: only
    # followup's own types pickle their instants with the fold.
    assert pendulum.DateTime not in copyreg.dispatch_table
    moment = Interview("Ada", "Acme", _REPEATED_HOUR).at
    assert moment.fold == 1
    alone = subprocess.run(
        [sys.executable, "-c", _PENDULUM_ALONE], capture_output=True, check=True
    ).stdout
    assert pickle.dumps(moment) == alone


def _instants(value):
    """Each datetime in `value` as its type, ISO text, fold and zone name."""
    if isinstance(value, dt.datetime):
        name = getattr(value, "timezone_name", None)
        return [(type(value), value.isoformat(), value.fold, name)]
    if isinstance(value, (tuple, list)):
        return [found for item in value for found in _instants(item)]
    if attrs.has(type(value)):
        return _instants([getattr(value, f.name) for f in attrs.fields(type(value))])
    return []


def _assert_pickles_exactly(value):
    again = pickle.loads(pickle.dumps(value))
    assert type(again) is type(value)
    assert again == value
    # Equality compares instants; a zone name or a fold lost would still
    # compare equal, and be written differently.
    assert _instants(again) == _instants(value)
    assert repr(again) == repr(value)


def _parts(plan, history):
    interview = plan.interview
    return [
        plan,
        interview,
        interview.interviewer,
        *history,
        *plan.steps,
        *(step.window for step in plan.steps),
        *(step.requirements for step in plan.steps),
        *plan.findings,
    ]


@st.composite
def _situations(draw):
    interview = draw(any_interviews())
    history, now = draw(histories(interview))
    return interview, history, now


@given(_situations())
def test_every_value_of_a_plan_pickles_exactly(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    for value in _parts(plan, history):
        _assert_pickles_exactly(value)


# Zones that turn their clocks back every year in YEARS, by an hour or (Lord
# Howe) half an hour.
_FALLING_BACK = ("America/New_York", "Europe/Paris", "Australia/Lord_Howe")


@st.composite
def _repeated_hour_instants(draw):
    """An instant in the repeated hour of a change back: its fold is 1."""
    name = draw(st.sampled_from(_FALLING_BACK))
    tz = zoneinfo.ZoneInfo(name)
    year = draw(st.integers(*YEARS))
    minute = dt.timedelta(minutes=1)
    back = [
        change
        for change in transitions(name, year)
        if (change - minute).astimezone(tz).utcoffset()
        > change.astimezone(tz).utcoffset()
    ]
    change = draw(st.sampled_from(back))
    repeated = (change - minute).astimezone(tz).utcoffset() - change.astimezone(
        tz
    ).utcoffset()
    into = draw(st.integers(0, repeated // minute - 1))
    moment = (change + into * minute).astimezone(tz)
    assert moment.fold == 1
    return moment


def _after(moment, delta):
    # Elapsed time: stdlib arithmetic on an aware datetime is by wall clock,
    # and 01:30 plus a minute in the repeated hour would be an hour earlier.
    return (moment.astimezone(dt.timezone.utc) + delta).astimezone(moment.tzinfo)


@given(_repeated_hour_instants(), st.integers(31, 240))
def test_values_in_the_repeated_hour_pickle_exactly(moment, minutes):
    interview = Interview(
        "Ada",
        "Acme",
        moment,
        interviewer=Contact("Grace", timezone=moment.tzinfo.key, country="FR"),
    )
    called = Event(
        EventKind.CALLED,
        _after(moment, dt.timedelta(minutes=minutes)),
        outcome="undecided",
        call_back_at=_after(moment, dt.timedelta(days=1)),
    )
    plan = plan_followups(interview, [called], now=called.at)
    assert plan.interview.at.fold == 1
    values = [
        *_parts(plan, [called]),
        Window(moment, _after(moment, dt.timedelta(minutes=minutes))),
        Window(_after(moment, -dt.timedelta(minutes=minutes)), moment),
    ]
    for value in values:
        _assert_pickles_exactly(value)


def test_contacts_accept_the_countries_and_subdivisions_holidays_lists():
    import holidays  # noqa: PLC0415 - 100-250 ms; only this test needs it

    supported = holidays.list_supported_countries()
    codes = country_codes()
    assert set(codes) == set(supported)
    # Each to its alpha-2 code, which holidays lists too.
    assert {codes["UK"], codes["GBR"], codes["USA"]} == {"GB", "US"}
    assert all(len(code) == 2 and codes[code] == code for code in codes.values())
    for code, subdivisions in supported.items():
        assert list(subdivisions_of(code)) == subdivisions, code


def test_a_contact_with_a_country_alone_imports_no_country_calendar():
    code = (
        "import sys, followup; "
        "followup.Contact('Grace', country='US'); "
        "print(sorted(m for m in sys.modules if m.startswith('holidays')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # Not even the package: its table of countries is read, not imported.
    assert out.strip() == "[]"


def test_the_countries_read_from_the_registry_file_are_the_registrys():
    import holidays.registry  # noqa: PLC0415 - the real table, to compare

    assert _codes_in_registry_file() == {
        code: names[1]
        for names in holidays.registry.COUNTRIES.values()
        for code in names[1:]
        if 2 <= len(code) <= 3
    }
    found = _codes_in_registry_file()
    assert found is not None
    assert [found[code] for code in ("US", "USA", "GB", "UK", "DE")] == [
        "US", "US", "GB", "GB", "DE"]  # fmt: skip


@pytest.mark.parametrize(
    "table",
    [
        None,  # no registry file where holidays lives
        "COUNTRIES = {}\n",  # another shape of table
        "\nCOUNTRIES: RegistryDict = {\n}\n",  # an empty one
        '\nCOUNTRIES: RegistryDict = {\n    "x": ("X", "XX"),\n}\n',  # no US
    ],
)
def test_a_registry_file_that_reads_otherwise_is_not_taken(
    tmp_path, monkeypatch, table
):
    assert codes_in_registry(tmp_path, monkeypatch, table) is None


def codes_in_registry(tmp_path, monkeypatch, table):
    """The country codes read from `table` as a holidays package's registry.py.

    A package of that name is made in `tmp_path` and found in place of the
    real one; a `table` of None leaves registry.py out.
    """
    if table is not None:
        (tmp_path / "registry.py").write_text(table, encoding="utf-8")
    init = tmp_path / "__init__.py"
    init.write_text("", encoding="utf-8")
    loader = importlib.machinery.SourceFileLoader("holidays", str(init))
    spec = importlib.util.spec_from_file_location("holidays", init, loader=loader)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    return _codes_in_registry_file()


def test_a_holidays_without_a_folder_or_a_loader_is_not_read(monkeypatch):
    for spec in (
        importlib.machinery.ModuleSpec("holidays", None),
        importlib.machinery.ModuleSpec("holidays", None, is_package=True),
    ):
        spec.submodule_search_locations = (
            ["somewhere"] if spec.submodule_search_locations is not None else None
        )
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, s=spec: s)
        assert _codes_in_registry_file() is None


def test_without_a_registry_file_to_read_holidays_answers(tmp_path):
    # In a process of its own, where holidays is not imported yet: the table
    # found there reads as nothing, so the registry is imported after all.
    (tmp_path / "registry.py").write_text("COUNTRIES = {}\n", encoding="utf-8")
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    code = f"""
import importlib.machinery, importlib.util, sys
init = {str(tmp_path / "__init__.py")!r}
spec = importlib.util.spec_from_file_location("holidays", init)
real = importlib.util.find_spec
importlib.util.find_spec = lambda name, *rest: spec if name == "holidays" else real(name, *rest)
import followup
print(followup.Contact("Grace", country="jp").country, "holidays.registry" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["JP", "True"]
