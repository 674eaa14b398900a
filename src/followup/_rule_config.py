"""Rule sets as configuration data: a mapping, or a TOML file.

```toml
plugins = true                  # or a list of entry-point names
select = ["FU", "BLK"]          # codes, names or code prefixes to keep
ignore = ["ask-for-contact-details"]

[rules.FU008]                   # a rule by code or by name
max_calls = 2

[rules.working-time]
weekdays = ["sun", "mon", "tue", "wed", "thu"]
start = "08:00"
```

The steps run in this order: load the plugins, configure the rules, keep the
selected ones, drop the ignored ones.  Everything is validated when the
configuration is read: an unknown key, rule or parameter is refused with a
did-you-mean suggestion, and a value of the wrong type or out of range with
its bounds, each naming the file and the key.  All problems are reported
together.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from followup.errors import RuleConfigurationError, did_you_mean

if TYPE_CHECKING:
    from followup._ruleset import RuleSet

__all__ = ["rule_set_from_mapping", "rule_set_from_toml", "rule_set_to_mapping"]

_KEYS = ("plugins", "select", "ignore", "rules")


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
    """
    if not isinstance(data, Mapping):
        raise RuleConfigurationError(f"{source}: expected a table of settings")
    problems = [
        f"{source}: unknown key {key!r}{did_you_mean(str(key), _KEYS)}; "
        f"the keys are {', '.join(_KEYS)}"
        for key in data
        if key not in _KEYS
    ]
    rules = _with_plugins(base, data.get("plugins", False), source)
    configured = data.get("rules", {})
    if not isinstance(configured, Mapping):
        problems.append(f"{source}: rules: expected a table of rules")
        configured = {}
    for key, params in configured.items():
        rules = _configure(rules, str(key), params, source, problems)
    for verb in ("select", "ignore"):
        selectors = data.get(verb)
        if selectors is None:
            continue
        if isinstance(selectors, str) or not isinstance(selectors, list):
            problems.append(f"{source}: {verb}: expected a list of codes or names")
            continue
        try:
            rules = getattr(rules, verb)(*map(str, selectors))
        except RuleConfigurationError as error:
            problems.append(f"{source}: {verb}: {error}")
    if problems:
        raise RuleConfigurationError("; ".join(problems))
    return rules


def _with_plugins(rules: RuleSet, plugins: object, source: str) -> RuleSet:
    if plugins is False:
        return rules
    if plugins is True:
        return rules.with_plugins()
    if isinstance(plugins, list) and all(isinstance(name, str) for name in plugins):
        return rules.with_plugins(*plugins)
    raise RuleConfigurationError(
        f"{source}: plugins: expected true, false or a list of plugin names, "
        f"got {plugins!r}"
    )


def _configure(
    rules: RuleSet, key: str, params: object, source: str, problems: list[str]
) -> RuleSet:
    where = f"{source}: rules.{key}"
    try:
        rule = rules[key]
    except RuleConfigurationError as error:
        problems.append(f"{where}: {error}")
        return rules
    if not isinstance(params, Mapping):
        problems.append(f"{where}: expected a table of parameters")
        return rules
    fine = {}
    for name, value in params.items():
        # One at a time first, so that each problem names its parameter.
        try:
            rules.configure(key, **{str(name): value})
        except RuleConfigurationError as error:  # noqa: PERF203 - read once, not hot
            cause = error.__cause__
            detail = getattr(cause, "detail", None) or str(error).removeprefix(
                f"rule {rule.code}: "
            )
            problems.append(f"{where}.{name}: {detail}")
        else:
            fine[str(name)] = value
    if len(fine) != len(params):
        return rules
    try:
        return rules.configure(key, **fine)
    except RuleConfigurationError as error:
        problems.append(f"{where}: {str(error).removeprefix(f'rule {rule.code}: ')}")
        return rules


def rule_set_from_toml(path: str | os.PathLike[str], *, base: RuleSet) -> RuleSet:
    """Read a rule set from a TOML file.

    Raises:
        RuleConfigurationError: the file cannot be read, is not TOML, or holds
            settings that do not make a rule set; the file and key are named.
    """
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # noqa: PLC0415

    source = os.fspath(path)
    try:
        data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleConfigurationError(
            f"{source}: cannot be read ({error.strerror})"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise RuleConfigurationError(f"{source}: not valid TOML: {error}") from None
    return rule_set_from_mapping(data, base=base, source=source)


def rule_set_to_mapping(rules: RuleSet, base: RuleSet) -> dict[str, Any]:
    """The configuration data that rebuilds `rules` from `base`.

    Every parameter that differs from its default is written, as TOML and
    JSON can hold it (enums by value, times as ``"HH:MM"``, sets as sorted
    lists); ``plugins = true`` is written when a rule is not a default one.
    """
    mapping: dict[str, Any] = {}
    if any(rule.code not in base for rule in rules):
        mapping["plugins"] = True
    mapping["select"] = list(rules.codes)
    configured: dict[str, dict[str, Any]] = {}
    for rule in rules:
        params: Any = rule.params
        if not attrs.has(type(params)):
            continue
        defaults = type(params)()
        changed = {
            field.name: _plain(getattr(params, field.name))
            for field in attrs.fields(type(params))
            if getattr(params, field.name) != getattr(defaults, field.name)
        }
        if changed:
            configured[rule.code] = changed
    if configured:
        mapping["rules"] = configured
    return mapping


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(item) for item in value)
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
