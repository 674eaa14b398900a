"""Rule sets as configuration data: a mapping, or a TOML file.

```toml
plugins = ["blackout"]          # plugins by entry-point name, or true for all
select = ["FU", "BLK"]          # codes, names or code prefixes to keep
ignore = ["ask-for-contact-details"]
order = ["BLK001", "FU011"]     # these rules first, in this order

[rules.FU008]                   # a rule by code or by name
max_calls = 2

[rules.blackout-days]
days = [2026-12-24, 2026-12-31]

[rules.working-time]
weekdays = ["sun", "mon", "tue", "wed", "thu"]
start = "08:00"
```

Every key is optional:

``plugins``
    The plugins whose rules join the set, by the names of their entry points
    in the group ``followup.rules``; ``true`` loads every installed plugin,
    ``false`` or ``[]`` none (the default).  Their rules come after the base
    set's, plugin by plugin in the sorted order of the names.  A plugin the
    base set already holds is not loaded twice.
``select``
    Keep only the rules that an item names: a code, a name or a code prefix
    (``"FU00"``).  It filters and never reorders.  Default: every rule.
``ignore``
    Drop the rules that an item names, as for ``select``.
``order``
    Codes or names of rules to put first, in this order; the others follow
    in the order they had.  Order counts among the rules of one phase only:
    rules always apply phase by phase (propose, drop, adjust, place).
``rules``
    A table of parameters for each rule to configure, by code or by name;
    docs/rules.md lists every parameter and its default.

The steps run in this order: load the plugins, configure the rules, keep the
selected ones, drop the ignored ones, put the ordered ones first.  Everything
is validated when the configuration is read: an unknown key, rule or
parameter is refused with a did-you-mean suggestion, a value of the wrong
type or out of range with its bounds; a rule the set lacks that an installed
plugin may give is refused with the plugin to load.  Each problem names the
file and the key, and all of them are reported together.  A plugin that
cannot be loaded stops the reading at once: what follows depends on it.

`rule_set_to_mapping` writes a set back as these keys, so that reading them
rebuilds the same set: ``plugins`` lists the plugins its rules came from,
``select`` its codes, ``order`` appears when select alone would give another
order, and ``rules`` holds every parameter that differs from the one the base
set or the plugin gives.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from followup._calendar import UNNAMED, Closure
from followup._fields import shown_safely
from followup._parsing import Unreadable, read_toml
from followup._rule_metadata import owner, parameters
from followup.errors import (
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    PluginError,
    RuleConfigurationError,
    _shown,
    _shown_key,
    did_you_mean,
)
from followup.plugins import GROUP

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup._rule import Rule
    from followup._ruleset import RuleSet
    from followup.plugins import Origin

__all__ = ["rule_set_from_mapping", "rule_set_from_toml", "rule_set_to_mapping"]

_KEYS = ("plugins", "select", "ignore", "order", "rules")
# The steps after loading and configuring, in the order they run.
_STEPS = ("select", "ignore", "order")

# A key shaped like a code or a code prefix ("BLK001", "BLK"); names are
# kebab-case, in small letters.
_CODE_LIKE = re.compile(r"([A-Z]+)[0-9]*")


def rule_set_from_mapping(
    data: Mapping[str, Any],
    *,
    base: RuleSet,
    source: str = "rule configuration",
) -> RuleSet:
    """Build a rule set from configuration data; see the module for the keys.

    >>> from followup import DEFAULT_RULES
    >>> settings = {"ignore": ["FU002"], "rules": {"FU008": {"max_calls": 2}}}
    >>> rules = rule_set_from_mapping(settings, base=DEFAULT_RULES)
    >>> "FU002" in rules, rules["FU008"].params.max_calls
    (False, 2)

    Raises:
        RuleConfigurationError: every problem found, each with the source and
            the key.
        PluginError: a plugin named cannot be loaded.
    """
    if not isinstance(data, Mapping):
        raise RuleConfigurationError(f"{source}: expected a table of settings")
    problems = [
        f"{source}: unknown key {_shown_key(key)}"
        f"{did_you_mean(key, _KEYS) if isinstance(key, str) else ''}; "
        f"the keys are {', '.join(_KEYS)}"
        for key in data
        if key not in _KEYS
    ]
    rules = _with_plugins(base, data.get("plugins", False), source)
    loaded = _Loaded(rules)
    configured = data.get("rules", {})
    if not isinstance(configured, Mapping):
        problems.append(f"{source}: rules: expected a table of rules")
        configured = {}
    # The key that configured each rule, by code: a table may name a rule by
    # its code or by its name, and two tables for one rule would leave it
    # as the later one says, the earlier silently lost.
    keyed: dict[str, str] = {}
    for given_key, params in configured.items():
        key = _as_text(given_key)
        if key is None:
            problems.append(
                f"{source}: rules: {_shown_key(given_key)} is no rule's code or name"
            )
            continue
        where = f"{source}: rules.{_in_path(key)}"
        if key not in rules:
            problems.append(f"{where}: {_not_found(key, rules, loaded)}")
            continue
        code = rules[key].code
        if code in keyed:
            problems.append(
                f"{where}: rule {code} is configured by rules.{keyed[code]} "
                "already; give it one table"
            )
            continue
        keyed[code] = key
        rules = _configure(rules, key, params, where, problems)
    for verb in _STEPS:
        rules, found = _narrowed(rules, verb, data, loaded, source)
        problems.extend(found)
    if problems:
        raise RuleConfigurationError("; ".join(problems))
    return rules


def _narrowed(
    rules: RuleSet, verb: str, data: Mapping[str, Any], loaded: _Loaded, source: str
) -> tuple[RuleSet, list[str]]:
    """Apply one of the steps after configuration; the problems found, if any."""
    keys = data.get(verb)
    if keys is None:
        return rules, []
    if isinstance(keys, str) or not isinstance(keys, list):
        return rules, [f"{source}: {verb}: expected a list of codes or names"]
    written = [_as_text(key) for key in keys]
    unwritten = [key for key, text in zip(keys, written, strict=True) if text is None]
    if unwritten:
        return rules, [
            f"{source}: {verb}: {_shown(key)} is no code or name" for key in unwritten
        ]
    keys = [text for text in written if text is not None]
    # select and ignore take prefixes; order names single rules.
    missing = [
        key
        for key in keys
        if not (key in rules if verb == "order" else _matches(rules, key))
    ]
    earlier = _STEPS[: _STEPS.index(verb)]
    left_out_by = " or ".join(step for step in earlier if data.get(step) is not None)
    if missing:
        return rules, [
            f"{source}: {verb}: "
            + _not_found(key, rules, loaded, left_out_by, prefixes=verb != "order")
            for key in missing
        ]
    try:
        return _apply(rules, verb, keys), []
    except RuleConfigurationError as error:
        return rules, [f"{source}: {verb}: {error}"]


def _apply(rules: RuleSet, verb: str, keys: list[str]) -> RuleSet:
    if verb == "select":
        return rules.select(*keys)
    if verb == "ignore":
        return rules.ignore(*keys)
    return rules.reordered(*keys)


def _as_text(key: object) -> str | None:
    """`key` as the text it reads as (a TOML number as written), if it can be.

    Configuration data from Python may hold a number or a list where a name
    belongs: looked up as its text, it is reported as a name no rule has.
    Python writes no text for an integer of thousands of digits, nor for a
    list nested deeper than it recurses (a ValueError and a RecursionError,
    not the library's error): `None`, and the key is refused as it is.
    """
    if isinstance(key, str):
        return key
    try:
        return str(key)
    except (ValueError, RecursionError):
        return None


def _matches(rules: RuleSet, selector: str) -> bool:
    return any(
        selector in {rule.code, rule.name} or rule.code.startswith(selector)
        for rule in rules
    )


def _with_plugins(base: RuleSet, plugins: object, source: str) -> RuleSet:
    if plugins is True:
        names = None
    elif plugins is False:
        names = []
    elif isinstance(plugins, list) and all(isinstance(name, str) for name in plugins):
        names = list(plugins)
    else:
        raise RuleConfigurationError(
            f"{source}: plugins: expected true, false or a list of plugin names, "
            f"got {_shown(plugins)}"
        )
    try:
        return _loading(base, names)
    except PluginError as error:
        raise PluginError(
            f"{source}: plugins: {error}",
            [f"{source}: plugins: {problem}" for problem in error.problems],
        ) from error


def _loading(base: RuleSet, names: Iterable[str] | None) -> RuleSet:
    """`base` with the plugins named (``None``: every installed one) added.

    `with_plugins` with no names loads every plugin, so an empty list must
    not reach it; and a plugin already in `base` would clash with itself.
    """
    held = _plugins_of(base)
    wanted = _installed() if names is None else dict.fromkeys(names)
    missing = [name for name in wanted if name not in held]
    return base.with_plugins(*missing) if missing else base


def _plugins_of(rules: RuleSet) -> list[str]:
    """The entry points the rules came from, in the set's order, once each."""
    return list(dict.fromkeys(origin.entry_point for origin in rules.origins if origin))


def _installed() -> list[str]:
    # Metadata only: naming a plugin must not run its code.
    from importlib import metadata  # noqa: PLC0415 - ~15 ms; only for this message

    return sorted({point.name for point in metadata.entry_points(group=GROUP)})


def _not_found(
    key: str,
    rules: RuleSet,
    loaded: _Loaded,
    left_out_by: str = "",
    *,
    prefixes: bool = False,
) -> str:
    """Why `key` names no rule of `rules`, and what would make it name one.

    `loaded` holds the set as the plugins left it, before any step removed
    a rule; `left_out_by` names the steps that did.
    """
    before = loaded.rules
    text = f"no rule {_shown_key(key)} in this set"
    if left_out_by and (_matches(before, key) if prefixes else key in before):
        return f"{text}: {left_out_by} left it out"
    # Of the loaded set: a prefix whose rules `select` left out is as much
    # a prefix, and the first thing to mend.
    if not prefixes and _matches(before, key):
        return f"{text}: give codes or names here, not code prefixes"
    choices = [*rules.codes, *(rule.name for rule in rules)]
    code = _CODE_LIKE.fullmatch(key)
    if code is None:
        close = did_you_mean(key, choices)
        if close:
            return text + close
    elif any(_prefix(known) == code.group(1) for known in before.codes):
        # A code is suggested from its own family: 'BLK009' may be a slip
        # for 'BLK001', never for 'FU009', once `select` left BLK out.
        family = code.group(1)
        kin = [known for known in rules.codes if _prefix(known) == family]
        if kin:
            return text + did_you_mean(key, kin)
        # Every rule of the family was left out by a step before this one.
        return f"{text}: {left_out_by} left out every {family} rule"
    return text + loaded.hint()


class _Loaded:
    """The rule set as the plugins left it, and what to say of a missing rule."""

    __slots__ = ("_hint", "rules")

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._hint: str | None = None

    def hint(self) -> str:
        """Which plugins could give a rule no loaded one is.

        The same for every key of a file, and reading the installed plugins
        takes milliseconds: worked out once, when first needed.
        """
        if self._hint is None:
            self._hint = _plugin_hint(self.rules)
        return self._hint


def _prefix(code: str) -> str:
    return code.rstrip("0123456789")


def _plugin_hint(loaded: RuleSet) -> str:
    held = _plugins_of(loaded)
    installed = _installed()
    available = [name for name in installed if name not in held]
    if not available:
        if not held:
            return "; no plugin is loaded or installed"
        return (
            f"; none of the plugins loaded gives it ({', '.join(held)}), and no "
            "other plugin is installed"
        )
    listed = f"(installed plugins: {', '.join(installed)})"
    if len(available) == 1:
        names = json.dumps([*held, *available])
        return f"; it may come from a plugin: add plugins = {names} {listed}"
    return (
        "; it may come from a plugin: add its name to plugins, or set "
        f"plugins = true for all of them {listed}"
    )


def _in_path(key: str) -> str:
    # A key as a step of a path, bare: quoted and cut short when huge, as
    # the message after it quotes it.
    return shown_safely(key) if len(key) <= _KEY_IN_PATH else _shown_key(key)


#: The longest key a path shows whole, as `_shown_key` quotes keys.
_KEY_IN_PATH = 100


def _configure(
    rules: RuleSet, key: str, params: object, where: str, problems: list[str]
) -> RuleSet:
    rule = rules[key]
    if not isinstance(params, Mapping):
        problems.append(f"{where}: expected a table of parameters")
        return rules
    given: dict[str, object] = {}
    for name, value in params.items():
        text = _as_text(name)
        if text is None:
            problems.append(f"{where}: {_shown_key(name)} is no parameter's name")
        else:
            given[text] = value
    known = parameters(rule.params)
    aliases = {field.name: alias for alias, field in known.items()}
    if attrs.has(type(rule)) and attrs.has(type(rule.params)):
        # A name the rule does not have: `configure` says which, with a
        # suggestion; the rest are still tried.  (A rule that cannot be
        # configured at all is said once, below.)
        for unknown in [name for name in given if name not in known]:
            try:
                rules.configure(key, **{unknown: given.pop(unknown)})
            except RuleConfigurationError as error:  # noqa: PERF203 - once per mistake
                # "rule FU011 (working-time) has no parameter ...": whole.
                problems.append(f"{where}.{_in_path(unknown)}: {error}")
    # All together, as `configure` takes them: a pair of bounds may only
    # make sense with both of its values.  While that fails, the parameter
    # the error names is reported and left out, and the rest is tried
    # again, so that every wrong parameter is named at once.
    while True:
        try:
            return rules.configure(key, **given)
        except RuleConfigurationError as error:  # noqa: PERF203 - once per mistake
            culprit = _culprit(error, given, aliases)
            if culprit is None:
                detail = str(error).removeprefix(f"rule {rule.code}: ")
                problems.append(f"{where}: {detail}")
                return rules
            name, detail = culprit
            problems.append(f"{where}.{name}: {detail}")
            del given[name]


def _culprit(
    error: RuleConfigurationError, given: dict[str, object], aliases: dict[str, str]
) -> tuple[str, str] | None:
    """The given parameter a failed `configure` names, and what is wrong with it.

    Every parameter validator names its field as ``ParamsClass.field`` (and
    attrs' own validators as the `attrs.Attribute` after their message); a
    field that was not given (the default start after the end given) is
    the table's problem, not one parameter's.  `aliases` gives each
    field's name the name it is given by.
    """
    cause = error.__cause__
    if isinstance(cause, (InvalidValueError, InvalidTypeError)):
        # A validator names the field; a private one (``_limit``) is given
        # by its alias (``limit``).
        named = cause.field.rsplit(".", 1)[-1]
        name = aliases.get(named, named)
        if name in given:
            return name, cause.detail
    elif isinstance(cause, (ValueError, TypeError)) and len(cause.args) > 1:
        # attrs' own validators (`instance_of`, `in_`), which a plugin's
        # parameters may use, give their message and then the field.
        said, field = cause.args[0], cause.args[1]
        if isinstance(field, attrs.Attribute) and field.alias in given:
            return field.alias, f"{type(cause).__name__}: {said}"
    return None


def rule_set_from_toml(path: str | os.PathLike[str], *, base: RuleSet) -> RuleSet:
    """Read a rule set from a TOML file.

    Raises:
        RuleConfigurationError: the file cannot be read, is not TOML, or holds
            settings that do not make a rule set; the file and key are named.
        PluginError: a plugin the file names cannot be loaded.
    """
    source = os.fspath(path)
    try:
        data = read_toml(Path(source).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise RuleConfigurationError(
            f"{source}: cannot be read ({error.strerror})"
        ) from None
    except UnicodeDecodeError:
        raise RuleConfigurationError(f"{source}: is not UTF-8 text") from None
    except Unreadable as error:
        raise RuleConfigurationError(
            f"{source}: not valid TOML: {error.reason}"
        ) from None
    return rule_set_from_mapping(data, base=base, source=source)


def rule_set_to_mapping(rules: RuleSet, base: RuleSet) -> dict[str, Any]:
    """The configuration data that rebuilds `rules` from `base`.

    Parameters are written as TOML and JSON can hold them (enums by value,
    times as ``"HH:MM"``, dates as ``"YYYY-MM-DD"``, sets as sorted lists,
    weekdays as ``"mon"`` .. ``"sun"``).
    The plugins the set's rules came from are loaded again, to learn the
    order and the parameters they give.

    >>> from followup import DEFAULT_RULES
    >>> rules = DEFAULT_RULES.ignore("FU002").reordered("FU011")
    >>> mapping = rule_set_to_mapping(rules, DEFAULT_RULES)
    >>> mapping["order"], "FU002" in mapping["select"]
    (['FU011'], False)

    Raises:
        RuleConfigurationError: a rule came from neither `base` nor a plugin
            (it was added with `extend`, or put in with `replace`), or holds
            parameters no configuration can give; every such rule is named.
        PluginError: a plugin the set's rules came from cannot be loaded.
    """
    plugins = [name for name in _plugins_of(rules) if name not in _plugins_of(base)]
    try:
        natural = _loading(base, plugins)
    except PluginError as error:
        raise PluginError(
            f"cannot write the rule set as configuration: {error}", error.problems
        ) from error
    given = {
        rule.code: (rule, origin)
        for rule, origin in zip(natural.rules, natural.origins, strict=True)
    }
    configured: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for rule, origin in zip(rules.rules, rules.origins, strict=True):
        reference, from_plugin = given.get(rule.code, (None, None))
        if reference is None or _entry_point(origin) != _entry_point(from_plugin):
            problems.append(f"{owner(rule, _text(origin))} {_stray(origin)}")
            continue
        changed = _changes(rule, reference)
        if changed is None:
            giver = "the base set" if origin is None else f"plugin {origin}"
            problems.append(
                f"{owner(rule, _text(origin))} is not the rule {giver} gives, "
                "nor that rule with other parameters (put in with replace?)"
            )
        elif changed:
            configured[rule.code] = changed
    if problems:
        raise RuleConfigurationError(
            "cannot write the rule set as configuration, which only selects, "
            "configures and orders the rules of the base set and of plugins: "
            + "; ".join(problems)
        )
    kept = set(rules.codes)
    selected = [code for code in natural.codes if code in kept]
    mapping: dict[str, Any] = {}
    if plugins:
        mapping["plugins"] = plugins
    mapping["select"] = selected
    order = _order(list(rules.codes), selected)
    if order:
        mapping["order"] = order
    if configured:
        mapping["rules"] = configured
    return mapping


def _stray(origin: Origin | None) -> str:
    if origin is None:
        return "came from neither the base set nor a plugin (added with extend?)"
    return f"is said to come from plugin {origin.entry_point!r}, which does not give it"


def _entry_point(origin: Origin | None) -> str | None:
    return None if origin is None else origin.entry_point


def _text(origin: Origin | None) -> str | None:
    return None if origin is None else str(origin)


def _order(wanted: list[str], natural: list[str]) -> list[str]:
    """The fewest codes that `reordered` must put first to turn one into the other.

    The codes not named keep their order, so the longest tail of `wanted`
    already in its natural order can stay unnamed.
    """
    place = {code: index for index, code in enumerate(natural)}
    start = len(wanted) - 1
    while start > 0 and place[wanted[start - 1]] < place[wanted[start]]:
        start -= 1
    return wanted[:start]


def _changes(rule: Rule, reference: Rule) -> dict[str, Any] | None:
    """The parameters to write so that `reference`, configured, is `rule`.

    ``None`` when no parameters can do it: another class, or parameters that
    do not survive being written as data.
    """
    if type(rule) is not type(reference) or rule.name != reference.name:
        return None
    # A rule that is not attrs cannot be configured: it is as given.
    if rule == reference or not attrs.has(type(rule)):
        return {}
    params: Any = rule.params
    given: Any = reference.params
    if type(params) is not type(given) or not attrs.has(type(params)):
        return None
    # A field may say how it is written (FU011's weekdays, by name).
    changed = {
        alias: field.metadata.get("written", _plain)(getattr(params, field.name))
        for alias, field in parameters(params).items()
        if getattr(params, field.name) != getattr(given, field.name)
    }
    try:
        again = attrs.evolve(reference, params=attrs.evolve(given, **changed))  # type: ignore[misc]
    except (FollowUpError, ValueError, TypeError):
        return None
    return changed if again == rule else None


def _closures(closed: tuple[Closure, ...]) -> Any:
    # Spans as a rule file writes them; a mapping once any has a name.
    if all(item.name == UNNAMED for item in closed):
        return [str(item) for item in closed]
    return {str(item): item.name for item in closed}


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.time):
        # "17:30" as people write it; seconds, and below, only when there.
        exact = value.second or value.microsecond
        return value.isoformat(timespec="auto" if exact else "minutes")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(item) for item in value)
    if isinstance(value, (tuple, list)):
        return _sequence(value)
    return value


def _sequence(values: tuple[object, ...] | list[object]) -> Any:
    closed = tuple(item for item in values if isinstance(item, Closure))
    if closed and len(closed) == len(values):
        return _closures(closed)
    return [_plain(item) for item in values]
