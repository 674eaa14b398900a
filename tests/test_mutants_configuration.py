"""Pins what survivors of a hand-mutation campaign showed untested.

The modules: rule configuration (`_configuration.py`), plugin loading
(`plugins.py`), rule metadata (`_rule_metadata.py`), JSON lines
(`_json_lines.py`) and the worker processes (`_workers.py`).  Each test
names, in a comment, the mutant it kills; the expected values come from the
documentation (the module docstrings, docs/writing-plugins.md).
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import time
import types
from importlib import metadata
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    NoParams,
    Phase,
    PluginError,
    RuleConfigurationError,
    RuleSet,
)
from followup._calendar import Closure
from followup._configuration import (
    _plain,
    rule_set_from_mapping,
    rule_set_from_toml,
    rule_set_to_mapping,
)
from followup._json_lines import _encoder, json_line_of_stdlib
from followup._rule_metadata import owner, phases_of
from followup._workers import _CALLERS_ENDS, in_order
from followup.plugins import GROUP, _read_one_by_one, load_plugins

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterator

    from followup import Draft, Facts, Finding, Step

SOURCE = "rule configuration"


def refusal(settings: dict[str, Any], base: RuleSet = DEFAULT_RULES) -> str:
    """The message with which `settings` are refused."""
    with pytest.raises(RuleConfigurationError) as raised:
        rule_set_from_mapping(settings, base=base)
    return str(raised.value)


# --- select, ignore and order -------------------------------------------


@pytest.mark.parametrize("verb", ["select", "ignore", "order"])
@pytest.mark.parametrize("value", ["", 0, False])
def test_an_empty_value_that_is_no_list_is_refused(verb: str, value: object) -> None:
    # Kills `if not keys: return rules, []` for `if keys is None`: only a
    # missing key means "every rule"; text, a number or false is no list.
    assert refusal({verb: value}) == (
        f"{SOURCE}: {verb}: expected a list of codes or names"
    )


def test_select_and_ignore_take_rule_names() -> None:
    # Kills `_matches` without the rule's name (`selector == rule.code or
    # rule.code.startswith(selector)`): "a code, a name or a code prefix".
    kept = rule_set_from_mapping(
        {"select": ["working-time", "FU008"]}, base=DEFAULT_RULES
    )
    assert kept.codes == ("FU008", "FU011")
    dropped = rule_set_from_mapping(
        {"ignore": ["ask-for-contact-details"]}, base=DEFAULT_RULES
    )
    assert "FU002" not in dropped
    assert len(dropped.codes) == len(DEFAULT_RULES.codes) - 1


# --- plugins ------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [(0, "0"), ("", "''"), (None, "None")])
def test_plugins_that_are_neither_true_false_nor_a_list_are_refused(
    value: object, shown: str
) -> None:
    # Kills `elif not plugins: names = []` for `elif plugins is False`: a
    # value that is merely falsy is not `false`.
    assert refusal({"plugins": value}) == (
        f"{SOURCE}: plugins: expected true, false or a list of plugin names, "
        f"got {shown}"
    )


def test_plugin_names_must_be_text() -> None:
    # Kills dropping `all(isinstance(name, str) ...)`: [1] is no list of names.
    assert refusal({"plugins": ["blackout", 1]}) == (
        f"{SOURCE}: plugins: expected true, false or a list of plugin names, "
        "got ['blackout', 1]"
    )


PAIR = """
import attrs
from typing import ClassVar

@attrs.frozen
class Params:
    level: int = 1

@attrs.frozen
class First:
    code: ClassVar[str] = "PAR001"
    name: ClassVar[str] = "pair-first"
    summary: ClassVar[str] = "The first of two."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Params = attrs.field(factory=Params)

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()

@attrs.frozen
class Second(First):
    code: ClassVar[str] = "PAR002"
    name: ClassVar[str] = "pair-second"
    summary: ClassVar[str] = "The second of two."

RULES = [First(), Second()]
"""


def test_a_plugin_of_two_rules_is_written_once(install: Callable[..., None]) -> None:
    # Kills `_plugins_of` without `dict.fromkeys`: "plugins lists the
    # plugins its rules came from", each once, however many rules it gives.
    install("pair-plugin", "mutcfg_pair", PAIR, {"pair": "mutcfg_pair:RULES"})
    rules = DEFAULT_RULES.with_plugins("pair")
    mapping = rule_set_to_mapping(rules, DEFAULT_RULES)
    assert mapping["plugins"] == ["pair"]
    assert rule_set_from_mapping(mapping, base=DEFAULT_RULES) == rules


def test_a_plugin_the_base_holds_is_not_written() -> None:
    # Kills `plugins = _plugins_of(rules)` (the base's plugins not left
    # out): the mapping is read with the same base, which holds it already.
    base = DEFAULT_RULES.with_plugins("blackout")
    rules = base.ignore("FU002")
    mapping = rule_set_to_mapping(rules, base)
    assert "plugins" not in mapping
    assert rule_set_from_mapping(mapping, base=base) == rules


# --- what a missing rule's message suggests -----------------------------


def test_a_plugin_code_one_off_is_suggested_from_the_plugin() -> None:
    # Kills `_prefix` as `code[:2]`: BLK002 has the prefix of the loaded
    # BLK001, so the nearest code is suggested, no plugin to load.
    message = refusal({"plugins": ["blackout"], "rules": {"BLK002": {}}})
    assert message == (
        f"{SOURCE}: rules.BLK002: no rule 'BLK002' in this set (did you mean 'BLK001'?)"
    )


def test_a_prefix_a_loaded_plugin_gives_sends_to_no_other_plugin() -> None:
    # Kills the prefix looked up in the narrowed `rules` rather than in
    # `loaded`: BLK is the prefix of a loaded plugin's rule, which `select`
    # left out, so the message says that `order` takes no prefixes rather
    # than send the user to a plugin.
    message = refusal({"plugins": ["blackout"], "select": ["FU"], "order": ["BLK"]})
    assert message == (
        f"{SOURCE}: order: no rule 'BLK' in this set: give codes or names here, "
        "not code prefixes"
    )


@pytest.mark.parametrize("step", ["ignore", "order"])
def test_a_code_whose_family_select_left_out_is_not_matched_to_another(
    step: str,
) -> None:
    # With every BLK rule left out, 'FU009' was the nearest code left and
    # was suggested; a code of another family is no slip of the keys, so
    # the message says where the BLK rules went instead.
    message = refusal({"plugins": ["blackout"], "select": ["FU"], step: ["BLK009"]})
    assert message == (
        f"{SOURCE}: {step}: no rule 'BLK009' in this set: select left out every "
        "BLK rule"
    )


def test_a_code_is_matched_within_its_own_family() -> None:
    # Kills the family taken from `loaded` or matched with `!=`: with the
    # BLK rules in the set, the suggestion comes from them.
    message = refusal({"plugins": ["blackout"], "order": ["BLK009"]})
    assert message == (
        f"{SOURCE}: order: no rule 'BLK009' in this set (did you mean 'BLK001'?)"
    )


# --- files --------------------------------------------------------------


def test_a_rules_file_may_start_with_a_byte_order_mark(tmp_path: pathlib.Path) -> None:
    # Kills `encoding="utf-8"` for "utf-8-sig": editors on Windows write a
    # BOM, which TOML itself refuses.
    path = tmp_path / "rules.toml"
    path.write_bytes(b'\xef\xbb\xbfignore = ["FU002"]\n')
    rules = rule_set_from_toml(path, base=DEFAULT_RULES)
    assert "FU002" not in rules
    assert "FU001" in rules


# --- writing a set back -------------------------------------------------


class Renamed:
    """A rule, not attrs, whose name is given when it is made."""

    code: ClassVar[str] = "ZZZ001"
    summary: ClassVar[str] = "Named when it is made."
    advice: ClassVar[tuple[str, ...]] = ()

    def __init__(self, name: str) -> None:
        self.name = name
        self.params = NoParams()

    def plan(self, draft: Draft, /) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> tuple[Finding, ...]:
        return ()


def test_a_rule_of_the_same_class_under_another_name_cannot_be_written() -> None:
    # Kills `_changes` without `rule.name != reference.name`: a rule that is
    # not attrs is written as it is, so another name would be lost.
    base = RuleSet([Renamed("first-name")])
    rules = base.replace(Renamed("second-name"))
    with pytest.raises(RuleConfigurationError, match=r"ZZZ001 second-name .* is not"):
        rule_set_to_mapping(rules, base)


@attrs.frozen
class Derived:
    """Parameters with a field worked out from another."""

    level: int = 1
    double: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "double", 2 * self.level)


@attrs.frozen
class Leveled:
    code: ClassVar[str] = "ZZZ002"
    name: ClassVar[str] = "leveled"
    summary: ClassVar[str] = "Has a derived parameter."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Derived = attrs.field(factory=Derived)

    def plan(self, draft: Draft, /) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> tuple[Finding, ...]:
        return ()


def test_a_parameter_worked_out_by_the_rule_is_not_written() -> None:
    # Kills dropping `field.init`: `double` cannot be given, only `level`.
    base = RuleSet([Leveled()])
    rules = base.configure("ZZZ002", level=3)
    mapping = rule_set_to_mapping(rules, base)
    assert mapping["rules"] == {"ZZZ002": {"level": 3}}
    assert rule_set_from_mapping(mapping, base=base) == rules


def test_closures_some_named_are_written_as_a_mapping() -> None:
    # Kills `any` for `all` in `_closures`: one named closure is enough to
    # need a mapping, where an unnamed one keeps the default name.
    christmas = Closure(dt.date(2026, 12, 24), dt.date(2026, 12, 26), "Christmas")
    plain = Closure(dt.date(2026, 12, 31), dt.date(2026, 12, 31))
    rules = DEFAULT_RULES.configure("FU011", closed=[christmas, plain])
    mapping = rule_set_to_mapping(rules, DEFAULT_RULES)
    assert mapping["rules"]["FU011"] == {
        "closed": {"2026-12-24/2026-12-26": "Christmas", "2026-12-31": "a closure"}
    }
    assert rule_set_from_mapping(mapping, base=DEFAULT_RULES) == rules


def test_sets_are_written_as_sorted_lists() -> None:
    # Kills `_plain` writing a set in its own order: 8 and 1 share a slot
    # of a small set's table, so the set holds 8 first.
    assert list(frozenset({8, 1})) == [8, 1]
    assert _plain(frozenset({8, 1})) == [1, 8]
    rules = DEFAULT_RULES.configure("FU011", kinds=["other", "follow-up", "call"])
    written = rule_set_to_mapping(rules, DEFAULT_RULES)["rules"]["FU011"]
    assert written == {"kinds": ["call", "follow-up", "other"]}


# --- plugins read from their distributions ------------------------------


def test_a_distribution_whose_metadata_is_not_utf8_is_an_unknown_one(
    install: Callable[..., None], tmp_path: pathlib.Path
) -> None:
    # Kills `except AttributeError` for `except Exception` in `_origin_in`:
    # reading a malformed METADATA raises UnicodeDecodeError, and one such
    # distribution must not stop every plugin from loading.
    install("good-plugin", "mutcfg_good", PAIR, {"good": "mutcfg_good:RULES"})
    info = tmp_path / "bad_meta-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_bytes(b"Metadata-Version: 2.1\nName: bad\xff\n")
    (info / "entry_points.txt").write_text(f"[{GROUP}]\nbad = mutcfg_good:First\n")
    loaded = load_plugins(["good", "bad"])
    assert [(rule.code, str(origin)) for rule, origin in loaded] == [
        ("PAR001", "an unknown distribution (no version)"),
        ("PAR001", "good-plugin 1.0"),
        ("PAR002", "good-plugin 1.0"),
    ]


def test_one_by_one_a_distribution_is_read_once_under_any_spelling(
    install: Callable[..., None],
) -> None:
    # Kills `_read_one_by_one` without the normalised key, or without the
    # skip of a name seen: "The first distribution of a name wins", as the
    # standard library lists them.
    install("dup-plugin", "mutcfg_dup_one", PAIR, {"one": "mutcfg_dup_one:RULES"})
    install(
        "Dup.Plugin",
        "mutcfg_dup_two",
        PAIR,
        {"two": "mutcfg_dup_two:RULES"},
        version="2.0",
    )
    read = {(point.name, str(origin)) for point, origin in _read_one_by_one()}
    listed = {point.name for point in metadata.entry_points(group=GROUP)}
    ours = {name for name, _ in read if name in {"one", "two"}}
    assert len(ours) == 1
    assert ours == listed & {"one", "two"}


def test_one_by_one_a_malformed_file_skips_only_its_distribution(
    install: Callable[..., None], tmp_path: pathlib.Path
) -> None:
    # Kills `break` for `continue` after `configparser.Error`: the plugins
    # of the distributions after it (the example plugin, installed in the
    # environment, after the test's folder on the path) are still read.
    install("broken-file", "mutcfg_broken", PAIR, {"x": "mutcfg_broken:RULES"})
    info = tmp_path / "broken_file-1.0.dist-info"
    (info / "entry_points.txt").write_text(f"[{GROUP}\nx = mutcfg_broken:RULES\n")
    read = {(point.name, str(origin)) for point, origin in _read_one_by_one()}
    assert ("blackout", "followup-blackout 2.0.0") in read
    assert not any(name == "x" for name, _ in read)


@pytest.mark.parametrize("code", ["FU100", "FUN001"])
def test_every_code_starting_with_fu_belongs_to_followup(
    install: Callable[..., None], code: str
) -> None:
    # Kills the reserved prefix checked as "FU0": docs/writing-plugins.md
    # refuses "a rule's code [that] starts with `FU`", whatever follows.
    source = PAIR.replace("PAR001", code)
    # A module of its own for each code, and for this file: an imported
    # module is kept for the session.
    module = f"mutcfg_fu_{code.lower()}"
    install("fu-plugin", module, source, {"fu": f"{module}:First"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("fu")
    assert str(raised.value) == (
        f"plugin 'fu' ({module}:First) from fu-plugin 1.0 gives rule {code}: "
        "the prefix 'FU' belongs to followup; use your own"
    )


def test_a_factory_that_exits_is_reported_not_obeyed(
    install: Callable[..., None],
) -> None:
    # Kills `except Exception` for `except (Exception, SystemExit)` around
    # the call of a factory: like an import that exits, it is a PluginError.
    source = "import sys\n\ndef made():\n    sys.exit(3)\n"
    install("quitting-factory", "mutcfg_quitting", source, {"quits": "made"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("quits")
    assert str(raised.value) == (
        "plugin 'quits' (mutcfg_quitting:made) from quitting-factory 1.0: "
        "calling it failed: SystemExit: 3"
    )


# --- a rule's metadata --------------------------------------------------


class Declared:
    """A rule whose metadata is what it is made with."""

    summary = "Declares what it is told."
    params = NoParams()

    def __init__(
        self,
        code: object = "ABC001",
        name: object = "declared",
        advice: object = (),
        phase: object = Phase.PROPOSE,
    ) -> None:
        self.code = code
        self.name = name
        self.advice = advice
        self.phase = phase

    def plan(self, draft: Draft, /) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> tuple[Finding, ...]:
        return ()


@pytest.mark.parametrize("code", ["Q001", "ABCDEFGH001"])
def test_a_code_is_any_capitals_and_three_digits(code: str) -> None:
    # Kills a prefix of two capitals at least (`[A-Z]{2,8}`): one will do.
    assert RuleSet([Declared(code=code)]).codes == (code,)


@pytest.mark.parametrize("code", ["ABC01", "ABC0011", "ABC001X", "Abc001", "ABC-001"])
def test_a_code_of_other_digits_or_letters_is_refused(code: str) -> None:
    # Kills `[0-9]{2,3}` (two digits), `.match` for `.fullmatch` (a longer
    # code) and `[A-Za-z]` (small letters): capitals and three digits.
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet([Declared(code=code)])
    assert str(raised.value) == (
        f"rule {code} declared (test_mutants_configuration.Declared) has code "
        f"{code!r}; a code is a prefix of capital letters and three digits, "
        "such as 'FU003'"
    )


@pytest.mark.parametrize(
    "name", ["-declared", "declared-", "two--dashes", "snake_case", "dot.ted", "Up"]
)
def test_a_name_that_is_not_kebab_case_is_refused(name: str) -> None:
    # Kills `[a-z0-9-]+` (dashes anywhere), `_` let in, and `.match` for
    # `.fullmatch` (a kebab-case start is not enough).
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet([Declared(name=name)])
    assert str(raised.value) == (
        f"rule ABC001 has name {name!r}; a name is kebab-case, "
        "such as 'thank-you-immediately'"
    )


def test_advice_may_be_a_list() -> None:
    # Kills advice accepted as a tuple only: `check_rule` takes a tuple or
    # a list of ids.
    rule = Declared(advice=["A3", "ABC:own-advice"])
    assert RuleSet([rule]).codes == ("ABC001",)


@pytest.mark.parametrize(
    "declared",
    [
        [Phase.PLACE, Phase.PROPOSE],
        frozenset({Phase.PLACE, Phase.PROPOSE}),
        (Phase.PLACE, Phase.ADJUST, Phase.DROP, Phase.PROPOSE),
    ],
)
def test_phases_are_taken_from_any_collection_in_their_own_order(
    declared: object,
) -> None:
    # Kills a list or frozenset taken as one (wrong) phase, and the phases
    # given back in the set's order (`tuple(phases)`): "in order".
    rule = Declared(phase=declared)
    expected = tuple(phase for phase in Phase if phase in set(declared))  # type: ignore[call-overload]
    assert phases_of(rule) == expected  # type: ignore[arg-type]
    assert expected[0] is Phase.PROPOSE


def test_a_rule_whose_name_is_no_text_is_named_by_its_class() -> None:
    # Kills `owner` that checks the code alone: "ABC001 None (...)" would
    # name it by a name it does not have.
    assert owner(Declared(name=None)) == "(test_mutants_configuration.Declared)"
    assert owner(Declared(code=1)) == "(test_mutants_configuration.Declared)"
    assert owner(Declared(), "a-plugin 1.0") == (
        "ABC001 declared (plugin a-plugin 1.0, test_mutants_configuration.Declared)"
    )


# --- JSON lines ---------------------------------------------------------


def test_an_orjson_that_fails_to_import_leaves_the_standard_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Kills `except ModuleNotFoundError` for `except ImportError`: an orjson
    # built for another Python is installed but raises ImportError.
    real_import = builtins.__import__

    def importing(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "orjson":
            message = "orjson: undefined symbol"
            raise ImportError(message)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importing)
    assert _encoder() is json_line_of_stdlib


# --- the worker processes -----------------------------------------------


def _doubled(_: None, chunk: list[int]) -> list[int]:
    return [item * 2 for item in chunk]


def test_a_chunk_done_is_given_out_before_more_are_taken() -> None:
    # Kills `in_order` without its early `yield` of the chunks already done:
    # with no other process each chunk is done at once, so its results
    # come out once the next chunk is taken, not when HELD are held.
    taken: list[int] = []

    def chunks() -> Iterator[list[int]]:
        for index in range(10):
            taken.append(index)
            yield [index]

    results = in_order(_doubled, chunks(), 1, shared=None)
    assert next(results) == [0]
    assert taken == [0, 1]
    assert next(results) == [2]
    assert taken == [0, 1, 2]
    results.close()


def test_a_run_lets_go_of_its_sockets() -> None:
    # Kills the caller's ends left in `_CALLERS_ENDS` when a run ends: a
    # program that plans batch after batch would hold every closed socket.
    before = set(_CALLERS_ENDS)
    results = list(in_order(_doubled, [[1], [2], [3], [4]], 2, shared=None))
    assert results == [[2], [4], [6], [8]]
    assert before == _CALLERS_ENDS


def _where(parent: int, chunk: list[int]) -> list[int]:
    """The process that worked each item; slow in the other processes."""
    if os.getpid() != parent:
        time.sleep(0.05)
    return [os.getpid() for _ in chunk]


def test_every_other_process_is_handed_work() -> None:
    # Kills handing chunks to the first other process alone (`others[0]`
    # for the least loaded): "N processes work, the caller's and N - 1
    # others".
    chunks = [[index] for index in range(12)]
    results = in_order(_where, chunks, 3, shared=os.getpid())
    pids = {pid for result in results for pid in result}
    assert len(pids) == 3
    assert os.getpid() in pids


# --- more survivors: keys and values that are not plain text ------------


def test_a_selector_that_is_no_text_is_named_not_crashed_on() -> None:
    # Kills `keys = list(keys)` for `[str(key) for key in keys]`: a number
    # in a TOML list is looked up as the text it reads as.
    message = refusal({"select": [1]})
    assert message.startswith(f"{SOURCE}: select: no rule '1' in this set")


def test_a_parameter_name_that_is_no_text_is_an_unknown_parameter() -> None:
    # Kills `given = dict(params)` for the names made text: a number as a
    # parameter name is unknown, reported under its path.
    message = refusal({"rules": {"FU008": {1: 2}}})
    assert message.startswith(
        f"{SOURCE}: rules.FU008.1: rule FU008 (do-not-call-frequently) "
        "has no parameter '1'"
    )


def test_every_unknown_parameter_of_a_rule_is_named() -> None:
    # Kills the loop over unknown names cut to the first: "all of them are
    # reported together", each under its own path, then the bad value.
    message = refusal({"rules": {"FU008": {"aaa": 1, "bbb": 2, "max_calls": 0}}})
    problems = message.split(f"; {SOURCE}: ")
    assert problems[0].startswith(f"{SOURCE}: rules.FU008.aaa: ")
    assert problems[1].startswith("rules.FU008.bbb: ")
    assert problems[2] == "rules.FU008.max_calls: 0 is outside 1..20"
    assert len(problems) == 3


def test_settings_may_be_any_mapping() -> None:
    # Kills `isinstance(data, dict)` for `Mapping`: a read-only view of
    # settings is a table of settings too.
    settings = types.MappingProxyType({"ignore": ["FU002"]})
    assert "FU002" not in rule_set_from_mapping(settings, base=DEFAULT_RULES)


def _dates(values: list[object]) -> list[dt.date]:
    return [
        dt.date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[misc]
        for value in values
    ]


@attrs.frozen
class Dated:
    """Parameters holding a list, as a plugin's may; dates read from text."""

    days: list[dt.date] = attrs.field(factory=list, converter=_dates)


@attrs.frozen(eq=True, unsafe_hash=False)
class ListingRule:
    code: ClassVar[str] = "ZZZ003"
    name: ClassVar[str] = "listing"
    summary: ClassVar[str] = "Has a list of dates."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Dated = attrs.field(factory=Dated)

    def plan(self, draft: Draft, /) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> tuple[Finding, ...]:
        return ()


def test_a_list_of_dates_is_written_as_text() -> None:
    # Kills lists left out of `_sequence` (tuples alone): "dates as
    # YYYY-MM-DD", in a list as in a tuple.
    base = RuleSet([ListingRule()])
    rules = base.configure("ZZZ003", days=[dt.date(2026, 12, 24)])
    mapping = rule_set_to_mapping(rules, base)
    assert mapping["rules"] == {"ZZZ003": {"days": ["2026-12-24"]}}
