"""Third-party rules, from the entry-point group ``followup.rules``.

Nothing is loaded on import: `RuleSet.with_plugins` asks for them.  Plugins
load in the sorted order of their entry-point names, so the same
installation gives the same rule set on every run, and every failure names
the distribution at fault:

* an entry point that cannot be imported;
* one that gives something that is not a rule (or a sequence of rules);
* a rule whose code uses followup's own prefix ``FU``;
* a code or name already taken (both owners are named).

An entry point may give a rule, a sequence of rules, or something callable
with no arguments (a rule class, a factory) that returns either.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

from followup.errors import RuleConfigurationError, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup.ruleset import Rule

__all__ = ["GROUP", "PluginError", "load_plugins", "owner"]

#: The entry-point group plugins register their rules under.
GROUP = "followup.rules"

#: The code prefix that belongs to followup's own rules.
RESERVED_PREFIX = "FU"


class PluginError(RuleConfigurationError):
    """A plugin could not be loaded; the message names its distribution."""


def _distribution(entry_point: metadata.EntryPoint) -> str:
    dist = getattr(entry_point, "dist", None)
    return (
        f"{dist.name} {dist.version}" if dist is not None else "an unknown distribution"
    )


def owner(rule: object) -> str:
    """Who a rule belongs to: its code, name, class and distribution."""
    from followup.ruleset import Rule  # noqa: PLC0415 - import cycle

    kind = type(rule)
    top = kind.__module__.split(".")[0]
    dists = metadata.packages_distributions().get(top) or [top]
    code = f"{rule.code} {rule.name} " if isinstance(rule, Rule) else ""
    return f"{code}({kind.__module__}.{kind.__qualname__}, from {', '.join(dists)})"


def load_plugins(names: Iterable[str] = ()) -> tuple[tuple[Rule, str], ...]:
    """Load the plugins' rules, each with the distribution it came from.

    `names` picks entry points by name; none means all of them.

    Raises:
        PluginError: a plugin cannot be imported, gives no rule, uses the
            reserved prefix, or a name asked for is not installed.
    """
    from followup.ruleset import check_rule  # noqa: PLC0415 - import cycle

    points = sorted(metadata.entry_points(group=GROUP), key=lambda point: point.name)
    wanted = list(names)
    known = [point.name for point in points]
    for name in wanted:
        if name not in known:
            installed = ", ".join(known) or "none"
            raise PluginError(
                f"no plugin {name!r} in the entry-point group {GROUP!r}"
                f"{did_you_mean(name, known)}; installed: {installed}"
            )
    loaded: list[tuple[Rule, str]] = []
    for point in points:
        if wanted and point.name not in wanted:
            continue
        dist = _distribution(point)
        try:
            value: Any = point.load()
        except Exception as error:
            raise PluginError(
                f"plugin {point.name!r} ({point.value}) from {dist} cannot be "
                f"imported: {type(error).__name__}: {error}"
            ) from error
        for rule in _rules(value, point, dist):
            try:
                checked = check_rule(rule)
            except RuleConfigurationError as error:
                raise PluginError(
                    f"plugin {point.name!r} from {dist}: {error}"
                ) from None
            if checked.code.startswith(RESERVED_PREFIX):
                raise PluginError(
                    f"plugin {point.name!r} from {dist} gives rule {checked.code}: the "
                    f"prefix {RESERVED_PREFIX!r} belongs to followup; use your own"
                )
            loaded.append((checked, dist))
    return tuple(loaded)


def _rules(value: Any, point: metadata.EntryPoint, dist: str) -> list[object]:
    if isinstance(value, type) or (callable(value) and not hasattr(value, "code")):
        try:
            value = value()
        except Exception as error:
            raise PluginError(
                f"plugin {point.name!r} from {dist}: calling {point.value} failed: "
                f"{type(error).__name__}: {error}"
            ) from error
    if isinstance(value, (list, tuple)):
        if not value:
            raise PluginError(f"plugin {point.name!r} from {dist} gives no rules")
        return list(value)
    return [value]
