"""Mutants of a country's calendar loaded alone, and of a rule's parameters.

Two pieces of code: `followup._country_calendars`, which runs one country's
module of ``holidays`` on its own, and `followup._rule_metadata.parameters`,
which names a rule's parameters by the names ``__init__`` takes.  Each test
here kills a single-point change of one of them that the tests beside them
let live (the mutant each kills is named in its docstring), or fuzzes them
over every country code and over parameters classes with private fields,
``init=False`` fields and explicit aliases.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import inspect
import json
import os
import subprocess
import sys
import textwrap
import warnings
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import holidays
import pytest
from holidays import registry
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import DEFAULT_RULES, RuleConfigurationError, RuleSet
from followup import _country_calendars as calendars
from followup._configuration import rule_set_to_mapping
from followup._reference import rule_reference
from followup._rule_metadata import parameters
from followup.rules._params import whole

if TYPE_CHECKING:
    import pathlib

    from followup import Draft

_alone = calendars._alone  # noqa: SLF001 - the loader under test

#: Every code and alias of every country: (code, its module, its class).
CODES = sorted(
    (code, module, names[0])
    for module, names in registry.COUNTRIES.items()
    for code in names[1:]
)


def _quiet(make: Any, *args: Any, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        # Years without data warn; so does a deprecated alias of the
        # package's (``holidays.Korea``), which the class run alone does not.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return make(*args, **kwargs)


# -- A country loaded alone, in a process that has not loaded them all -------

_FRESH = textwrap.dedent(
    """
    import json, sys, warnings
    warnings.simplefilter("ignore")
    from followup import _country_calendars as calendars
    from followup._contact import subdivisions_of

    def loaded():
        return sorted(
            name for name in sys.modules
            if name.startswith(("holidays.countries", "followup._country_calendars."))
        )

    bavaria = calendars.country_holidays(
        "DE", subdiv="BY", years=2026, language="en_US"
    )
    ukrainian = calendars.country_holidays("DE", years=2026, language="uk")
    us = calendars.country_class("US")
    found = {
        "bavaria": {str(day): name for day, name in bavaria.items()},
        "bavaria_years": sorted(bavaria.years),
        "bavaria_module": type(bavaria).__module__,
        "ukrainian": {str(day): name for day, name in ukrainian.items()},
        "us_module": us.__module__,
        "us_subdivisions": list(subdivisions_of("US")),
        "loaded_alone": loaded(),
    }
    # American Samoa's module imports the United States': that loads them all.
    samoa = calendars.country_holidays("AS", years=2026, language="en_US")
    found["samoa"] = {str(day): name for day, name in samoa.items()}
    found["samoa_module"] = type(samoa).__module__
    found["loaded_after_samoa"] = "holidays.countries" in sys.modules
    found["own_copies"] = [
        name for name in sys.modules if name.startswith("followup._country_calendars.")
    ]
    import holidays
    own = holidays.country_holidays
    found["bavaria_own"] = {
        str(day): name
        for day, name in own("DE", subdiv="BY", years=2026, language="en_US").items()
    }
    found["samoa_own"] = {
        str(day): name for day, name in own("AS", years=2026, language="en_US").items()
    }
    found["ukrainian_own"] = {
        str(day): name for day, name in own("DE", years=2026, language="uk").items()
    }
    found["us_subdivisions_own"] = list(holidays.US.subdivisions)
    print(json.dumps(found))
    """
)


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    """What a fresh process finds, country by country (see `_FRESH`)."""
    # The machine's language made English, whatever it is here: a calendar
    # not told the Ukrainian asked would read in English (or in German, the
    # country's own).  gettext reads LANGUAGE first; no locale need exist.
    machine = {"LANGUAGE": "en_US"}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **machine},
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_alone_a_subdivision_keeps_its_own_days(fresh: dict[str, Any]) -> None:
    """Kills C4: the loaded-alone path calling the class without ``subdiv``."""
    assert fresh["bavaria_module"] == "followup._country_calendars.germany"
    assert fresh["bavaria"]["2026-01-06"] == "Epiphany"
    assert fresh["bavaria"] == fresh["bavaria_own"]


def test_alone_the_days_are_named_in_the_language_asked(
    fresh: dict[str, Any],
) -> None:
    """Kills C6: the loaded-alone path dropping ``language``.

    Then the machine's language (English, as the fixture sets it) or the
    country's own (German) would name the days, not the Ukrainian asked.
    """
    assert fresh["ukrainian"] == fresh["ukrainian_own"]
    assert fresh["ukrainian"]["2026-12-25"] not in {
        "Christmas Day",
        "Erster Weihnachtstag",
    }
    assert fresh["bavaria"]["2026-12-25"] == "Christmas Day"
    assert fresh["bavaria_years"] == [2026]


def test_alone_a_country_s_class_is_its_module_s_own(fresh: dict[str, Any]) -> None:
    """Kills C7 and C9: `country_class` loading all countries while none is.

    Nothing of the package's countries, nor any copy of followup's, is left
    in ``sys.modules`` (kills C22 in a fresh process, and C3 again).
    """
    assert fresh["us_module"] == "followup._country_calendars.united_states"
    assert fresh["us_subdivisions"] == fresh["us_subdivisions_own"]
    assert fresh["loaded_alone"] == []


def test_a_country_whose_module_imports_another_is_right_and_loads_them_all(
    fresh: dict[str, Any],
) -> None:
    """American Samoa imports the United States: the dates are still the package's.

    Kills C3 (the package's class, not the one run alone); the edge of a
    module importing another country, which loads ``holidays.countries``.
    """
    assert fresh["samoa_module"] == "followup._country_calendars.american_samoa"
    assert fresh["samoa"] == fresh["samoa_own"]
    assert "2026-11-26" in fresh["samoa"]  # Thanksgiving, from the parent
    assert fresh["loaded_after_samoa"] is True
    assert fresh["own_copies"] == []


_THREADS = textwrap.dedent(
    """
    import json, threading, warnings
    warnings.simplefilter("ignore")
    from followup import _country_calendars as calendars

    # American Samoa loads every country while the others run theirs alone.
    codes = ["US", "US", "US", "AS", "FR", "FR", "DE", "MC", "JP", "GB", "GB"]
    start = threading.Barrier(len(codes))
    found, errors = [], []

    def plan(code):
        start.wait()
        try:
            days = calendars.country_holidays(code, years=2026, language="en_US")
            found.append((code, {str(day): name for day, name in days.items()}))
        except Exception as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=plan, args=(code,)) for code in codes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    import holidays
    wrong = [
        code for code, days in found
        if days != {
            str(day): name
            for day, name in holidays.country_holidays(
                code, years=2026, language="en_US"
            ).items()
        }
    ]
    print(json.dumps({"errors": errors, "wrong": wrong, "done": len(found)}))
    """
)


def test_countries_asked_at_once_from_threads_have_the_package_s_days() -> None:
    """Threads that ask at once (the same country too) get the package's days.

    An edge, not a mutant: the cache lets two threads that miss at once
    each run the module (two equal classes, one kept), which is harmless;
    this holds that nothing raises and no day is lost meanwhile.
    """
    done = subprocess.run(
        [sys.executable, "-c", _THREADS], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == {"errors": [], "wrong": [], "done": 11}


# -- In this process ----------------------------------------------------------


def test_once_all_are_loaded_a_country_s_class_is_the_package_s() -> None:
    """Kills C8: `country_class` running the module alone even when all are loaded."""
    import holidays.countries  # noqa: PLC0415 - loads them all, as a user may

    # The package's own entry (a lazy loader of its class), not a copy.
    found = calendars.country_class("GB")
    assert found is holidays.GB  # type: ignore[attr-defined]
    assert found.subdivisions == holidays.countries.UnitedKingdom.subdivisions  # type: ignore[attr-defined]


def test_a_country_is_run_alone_once_per_code() -> None:
    """Kills C10: without the cache each call runs the module again."""
    assert _alone("FR") is _alone("FR")


@pytest.mark.parametrize("name", ["UnitedStates", "France", "Germany"])
def test_a_class_name_is_no_code_to_run_alone(name: str) -> None:
    """Kills C11: matching a class name (``names[0]``) as if it were a code.

    The package takes a class name (``holidays.UnitedStates``), so the
    dates are the same either way: only the way they are loaded tells.
    """
    assert _alone(name) is None


def test_running_a_module_alone_puts_nothing_in_sys_modules() -> None:
    """Kills C22: the module run alone kept in ``sys.modules``."""
    assert _alone.__wrapped__("NO") is not None
    assert not [
        name for name in sys.modules if name.startswith(f"{calendars.__name__}.")
    ]


def _folder(
    monkeypatch: pytest.MonkeyPatch, where: pathlib.Path | None
) -> importlib.machinery.ModuleSpec:
    """Make ``holidays.countries`` be found at `where` (no folder when `None`)."""
    spec = importlib.machinery.ModuleSpec("holidays.countries", None)
    if where is not None:
        spec.submodule_search_locations = [str(where)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda _name: spec)
    return spec


def test_a_package_that_is_one_file_is_asked_its_own_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kills C16: a ``holidays.countries`` with no folder to look in."""
    _folder(monkeypatch, None)
    assert _alone.__wrapped__("US") is None


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("import followup_no_such_module\n", "C24: ImportError"),
        ("raise OSError('unreadable')\n", "C25: OSError"),
        ("raise ValueError('odd')\n", "C26: ValueError"),
        ("SomethingElse = 1\n", "C23: no class of that name"),
    ],
)
def test_a_module_that_will_not_run_alone_is_left_to_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path, body: str, why: str
) -> None:
    """Kills C23-C26 (see `why`): each is the package's way, not an error."""
    (tmp_path / "united_states.py").write_text(body, encoding="utf-8")
    _folder(monkeypatch, tmp_path)
    assert _alone.__wrapped__("US") is None, why


def test_a_module_that_fails_otherwise_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    """Kills C27: catching every exception would hide a country module's bug."""
    (tmp_path / "united_states.py").write_text(
        "raise RuntimeError('a bug of its own')\n", encoding="utf-8"
    )
    _folder(monkeypatch, tmp_path)
    with pytest.raises(RuntimeError, match="a bug of its own"):
        _alone.__wrapped__("US")


def test_a_module_alone_from_the_folder_found_is_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    """The folder the spec names is the one read (the tests above rely on it)."""
    (tmp_path / "united_states.py").write_text(
        "class UnitedStates:\n    made_here = True\n", encoding="utf-8"
    )
    _folder(monkeypatch, tmp_path)
    found: Any = _alone.__wrapped__("US")
    assert found.made_here is True


@pytest.mark.parametrize("spec", ["none", "no loader"], ids=["C20", "C19"])
def test_a_file_no_loader_can_read_is_left_to_the_package(
    monkeypatch: pytest.MonkeyPatch, spec: str
) -> None:
    """Kills C19 and C20: no spec, or a spec without a loader, for the file."""
    made = (
        None
        if spec == "none"
        else importlib.machinery.ModuleSpec("followup._country_calendars.x", None)
    )
    monkeypatch.setattr(
        importlib.util, "spec_from_file_location", lambda *_args, **_kw: made
    )
    assert _alone.__wrapped__("US") is None


# -- Fuzz: every code, and what is no code ------------------------------------


@pytest.mark.parametrize(("code", "module", "name"), CODES)
def test_every_code_and_alias_runs_its_country_alone(
    code: str, module: str, name: str
) -> None:
    """Every code, alpha-3 code and alias gives its module's class, alone.

    Kills C12-C14 again, for alpha-3 codes and aliases (``UK``,
    ``HolidaysAS``) as well as alpha-2 codes.
    """
    found = _alone(code)
    assert found is not None
    assert (found.__name__, found.__module__) == (
        name,
        f"{calendars.__name__}.{module}",
    )
    assert found.subdivisions == calendars.country_class(code).subdivisions


@settings(deadline=None, max_examples=80)
@given(
    entry=st.sampled_from(CODES),
    year=st.integers(1995, 2055),
    data=st.data(),
)
def test_fuzz_a_country_alone_has_the_package_s_days(
    entry: tuple[str, str, str], year: int, data: st.DataObject
) -> None:
    """Any code, year, subdivision and language: the package's own days."""
    code = entry[0]
    alone: Any = _alone(code)
    subdiv = data.draw(st.sampled_from([None, *alone.subdivisions]), label="subdiv")
    language = data.draw(
        st.sampled_from([None, *alone.supported_languages]), label="language"
    )
    options = {"subdiv": subdiv, "years": year, "language": language}
    found = _quiet(alone, **options)
    expected = _quiet(holidays.country_holidays, code, **options)
    assert dict(found.items()) == dict(expected.items())
    assert found.weekend == expected.weekend
    assert found.weekend_workdays == expected.weekend_workdays
    made = _quiet(calendars.country_holidays, code, **options)
    assert dict(made.items()) == dict(expected.items())


#: Every name the package answers to, codes and classes and modules alike.
_PACKAGE_NAMES = frozenset(dir(holidays))


@settings(deadline=None)
@given(
    st.one_of(
        st.text(max_size=6),
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=3),
        st.sampled_from([code.lower() for code, _, _ in CODES]),
        st.sampled_from([f" {code}" for code, _, _ in CODES]),
    ).filter(lambda text: text not in _PACKAGE_NAMES)
)
def test_fuzz_what_is_no_code_is_the_package_s_error(text: str) -> None:
    """Anything the package has no name for: holidays' NotImplementedError.

    (Names the package has that are no country, ``registry`` or
    ``HolidayBase``, go their own way there; callers pass codes only.)
    """
    assert _alone(text) is None
    with pytest.raises(NotImplementedError):
        _quiet(calendars.country_holidays, text, years=2026)


# -- A rule's parameters -------------------------------------------------------


@attrs.frozen
class Started:
    """Parameters with a private field whose default is told in words."""

    _start: int = attrs.field(default=0, metadata={"default": "the call's hour"})
    _ceiling: int = attrs.field(default=5, alias="most")
    _floor: int = attrs.field(default=1, alias="_floor")


@attrs.frozen
class Starting:
    code: ClassVar[str] = "ST001"
    name: ClassVar[str] = "starting"
    summary: ClassVar[str] = "Changes nothing, from a start."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Started = attrs.field(factory=Started)

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: object, steps: object) -> tuple[()]:
        return ()


def test_the_reference_tells_a_private_default_by_its_given_name() -> None:
    """Kills U11 and U12: the reference naming a private field by its own name."""
    text = rule_reference([Starting()])
    assert "| `start` | the call's hour |" in text
    assert "| `most` | `5` |" in text
    assert "_start" not in text


def test_an_explicit_alias_names_the_parameter() -> None:
    """Kills P7 and P8: an alias of one's own, kept as written.

    ``most`` is no field's name with its underscore taken off, and
    ``_floor`` keeps its underscore because the class says so.
    """
    assert list(parameters(Started())) == ["start", "most", "_floor"]
    rules = DEFAULT_RULES.extend(Starting()).configure("ST001", most=7, _floor=2)
    params: Any = rules["ST001"].params
    assert (params._ceiling, params._floor) == (7, 2)  # noqa: SLF001


def test_a_parameters_class_is_not_parameters() -> None:
    """Kills P9: a class itself (not made) held as params has no parameters.

    As `RuleSet.configure` says of it: not attrs params, so not configurable.
    """
    assert parameters(Started) == {}


# -- Fuzz: parameters classes of every shape -----------------------------------


class _Rule:
    code = "FZ001"
    name = "fuzzed"
    summary = "Changes nothing, with fuzzed parameters."
    advice = ()

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: object, steps: object) -> tuple[()]:
        return ()


_WORDS = ["alpha", "beta", "gamma", "delta", "omega"]
_ALIASES = ["first", "second", "third", "_fourth", "fifth"]


@st.composite
def _shapes(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Fields: a name, private or not, given or worked out, maybe an alias."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5, unique=True))
    aliases = iter(draw(st.permutations(_ALIASES)))
    shapes = []
    for word in words:
        init = draw(st.booleans()) or draw(st.booleans())
        shapes.append(
            {
                "name": f"_{word}" if draw(st.booleans()) else word,
                "init": init,
                "alias": next(aliases) if init and draw(st.booleans()) else None,
                "kw_only": draw(st.booleans()),
                "default": draw(st.integers(0, 9)),
                # followup's own validator (naming ``Fuzzed._alpha``) or one
                # that fails as attrs' do (its message, then the field).
                "ours": draw(st.booleans()),
            }
        )
    return shapes


def _within(_instance: object, field: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"'{field.name}' must be an int", field, int, value)
    if not 0 <= value <= 99:
        raise ValueError(f"'{field.name}' must be within 0..99", field, value)


def _rule_of(shapes: list[dict[str, Any]]) -> Any:
    fields = {
        shape["name"]: attrs.field(
            default=shape["default"],
            init=shape["init"],
            kw_only=shape["kw_only"],
            validator=(whole(0, 99) if shape["ours"] else _within)
            if shape["init"]
            else None,
            **({"alias": shape["alias"]} if shape["alias"] else {}),
        )
        for shape in shapes
    }
    params = attrs.make_class("Fuzzed", fields, frozen=True)
    rule = attrs.make_class(
        "FuzzedRule",
        {"params": attrs.field(factory=params)},
        bases=(_Rule,),
        frozen=True,
    )
    return rule()


def _given_name(shape: dict[str, Any]) -> str:
    return str(shape["alias"] or shape["name"].lstrip("_"))


_VALUES = st.one_of(st.integers(-3, 120), st.sampled_from(["7", None, 2.5, True]))


def _good(value: object) -> bool:
    return type(value) is int and 0 <= value <= 99


@settings(deadline=None, max_examples=150)
@given(shapes=_shapes(), data=st.data())
def test_fuzz_configure_takes_what_init_takes(
    shapes: list[dict[str, Any]], data: st.DataObject
) -> None:
    """`parameters` are `__init__`'s arguments; `configure` takes them, or says no.

    Never another exception than `RuleConfigurationError`; a value it takes
    is the field's value afterwards.
    """
    rule = _rule_of(shapes)
    named = parameters(rule.params)
    taken = [
        name
        for name in inspect.signature(type(rule.params)).parameters
        if name != "self"
    ]
    assert sorted(named) == sorted(taken)
    assert sorted(named) == sorted(_given_name(s) for s in shapes if s["init"])
    names = st.sampled_from(
        [*named, *(s["name"] for s in shapes), "_" + _WORDS[0], "unknown"]
    )
    wanted = data.draw(st.dictionaries(names, _VALUES, max_size=4), label="wanted")
    rules = DEFAULT_RULES.extend(rule)
    if all(name in named for name in wanted) and all(map(_good, wanted.values())):
        params = rules.configure("FZ001", **wanted)["FZ001"].params
        for name, value in wanted.items():
            assert getattr(params, named[name].name) == value
    else:
        with pytest.raises(RuleConfigurationError):
            rules.configure("FZ001", **wanted)


@settings(deadline=None, max_examples=150)
@given(shapes=_shapes(), data=st.data())
def test_fuzz_a_rules_file_names_each_wrong_parameter_and_writes_back(
    shapes: list[dict[str, Any]], data: st.DataObject
) -> None:
    """A rules file's table: each wrong key named as given; a right one round-trips."""
    rule = _rule_of(shapes)
    named = parameters(rule.params)
    base = DEFAULT_RULES.extend(rule)
    names = st.sampled_from([*named, *(s["name"] for s in shapes), "unknown"])
    table = data.draw(st.dictionaries(names, _VALUES, max_size=4), label="table")
    wrong = [
        name for name, value in table.items() if name not in named or not _good(value)
    ]
    if not wrong:
        rules = RuleSet.from_mapping({"rules": {"FZ001": table}}, base=base)
        params = rules["FZ001"].params
        for name, value in table.items():
            assert getattr(params, named[name].name) == value
        written = rule_set_to_mapping(rules, base)
        assert RuleSet.from_mapping(written, base=base) == rules
        return
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"rules": {"FZ001": table}}, base=base, source="f.toml")
    message = str(raised.value)
    if not named:
        # No parameter at all (every field worked out): `_configure` checks
        # names one by one only when there are some, so today the table is
        # named, with its first unknown key only, and configure's "it has "
        # lists none.  Either way it says there is no such parameter.
        assert "has no parameter" in message
        return
    for name in wrong:
        assert f"rules.FZ001.{name}: " in message
