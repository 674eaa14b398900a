"""Third-party rules, from the entry-point group ``followup.rules``.

Nothing is loaded on import: `RuleSet.with_plugins` asks for them.  Plugins
load in the sorted order of their entry-point names, so the same
installation gives the same rule set on every run.  Every way a plugin can
fail is a `PluginError` naming the distribution and its version:

* an entry point that cannot be imported, whatever it raises on import
  (``SystemExit`` included) or whose value is malformed;
* one that gives something that is not a rule (or a sequence of rules), or
  a rule whose metadata cannot be read or is malformed;
* a rule whose code uses followup's own prefix ``FU``.

All broken plugins are reported together, one line each.  An entry point
may give a rule, a sequence of rules, or something callable with no
arguments (a rule class, a factory) that returns either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, final

import attrs

from followup._fields import sequence_of
from followup._rule_metadata import check_rule
from followup.errors import (
    PluginError,
    RuleConfigurationError,
    _shown_key,
    did_you_mean,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib import metadata

    from followup._rule import Rule

__all__ = ["GROUP", "RESERVED_PREFIX", "Origin", "PluginError", "load_plugins"]

#: The entry-point group plugins register their rules under.
GROUP = "followup.rules"

#: The code prefix that belongs to followup's own rules.
RESERVED_PREFIX = "FU"


@final
@attrs.frozen
class Origin:
    """Where a plugin rule came from: its entry point and distribution.

    >>> print(Origin("blackout", "followup-blackout", "1.0.0"))
    followup-blackout 1.0.0
    """

    entry_point: str
    distribution: str
    version: str

    def __str__(self) -> str:
        return f"{self.distribution} {self.version}"


def _origin(point: metadata.EntryPoint) -> Origin:
    return _origin_in(point.name, getattr(point, "dist", None))


def _origin_in(entry_point: str, dist: metadata.Distribution | None) -> Origin:
    try:
        name, version = dist.name, dist.version  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - metadata may be missing or malformed
        name = version = None
    if not isinstance(name, str) or not name:
        name = "an unknown distribution"
    if not isinstance(version, str) or not version:
        version = "(no version)"
    return Origin(entry_point, name, version)


def _entry_points() -> list[tuple[metadata.EntryPoint, Origin]]:
    """The group's entry points, each with where it comes from."""
    # importlib.metadata costs ~15 ms to import: only when plugins are asked for.
    from importlib import metadata  # noqa: PLC0415

    try:
        found = metadata.entry_points(group=GROUP)
    except ValueError:
        # On Python 3.10, importlib.metadata reads the distributions that the
        # importlib_metadata package finds through that package's classes,
        # and its newer releases refuse a malformed value while listing: one
        # broken plugin would hide every other.  Read them one by one then.
        return _read_one_by_one()
    return [(point, _origin(point)) for point in found]


def _read_one_by_one() -> list[tuple[metadata.EntryPoint, Origin]]:
    """The group's entry points, read from each distribution's own file.

    Unchecked, as Python 3.11's `importlib.metadata` lists them: a malformed
    value fails when its plugin is loaded, and is reported with the others.
    The first distribution of a name wins, as it does there.
    """
    import configparser  # noqa: PLC0415 - for a broken installation only
    from importlib import metadata  # noqa: PLC0415

    found: list[tuple[metadata.EntryPoint, Origin]] = []
    seen: set[str] = set()
    for dist in metadata.distributions():
        origin = _origin_in("", dist)
        key = re.sub(r"[-_.]+", "-", origin.distribution).lower()
        if key in seen:
            continue
        seen.add(key)
        text = dist.read_text("entry_points.txt")
        if not text:
            continue
        # The entry-point file format: sections of name = value, case kept.
        parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        try:
            parser.read_string(text)
        except configparser.Error:
            continue
        if parser.has_section(GROUP):
            found.extend(
                (
                    metadata.EntryPoint(name, value, GROUP),
                    attrs.evolve(origin, entry_point=name),
                )
                for name, value in parser.items(GROUP)
            )
    return found


def load_plugins(names: Iterable[str] = ()) -> tuple[tuple[Rule, Origin], ...]:
    """Load the plugins' rules, each with the plugin it came from.

    `names` picks entry points by name; none means all of them.

    Raises:
        InvalidTypeError: `names` is a name alone, or no sequence at all.
        PluginError: a name asked for is not installed, or plugins cannot
            be loaded; every broken plugin is listed in `problems`.
    """
    loaded, problems = _loaded_plugins(names)
    if problems:
        raise _plugin_error(problems)
    return loaded


def _loaded_plugins(
    names: Iterable[str] = (),
) -> tuple[tuple[tuple[Rule, Origin], ...], list[str]]:
    """The rules of the plugins that load, and a line for each that does not.

    As `load_plugins`, without raising for broken plugins, so that a rule
    set can report them together with the rules it cannot take.

    Raises:
        PluginError: a name asked for is not installed.
    """
    # A name alone would be read letter by letter ("no plugin 'b'").
    wanted = sequence_of(names, "names", "a sequence of entry-point names")
    points = sorted(_entry_points(), key=lambda found: found[0].name)
    known = [point.name for point, _ in points]
    for name in wanted:
        if name not in known:
            installed = ", ".join(known) or "none"
            raise PluginError(
                f"no plugin {_shown_key(name)} in the entry-point group {GROUP!r}"
                f"{did_you_mean(name, known) if isinstance(name, str) else ''}"
                f"; installed: {installed}"
            )
    loaded: list[tuple[Rule, Origin]] = []
    problems: list[str] = []
    for point, origin in points:
        if wanted and point.name not in wanted:
            continue
        try:
            loaded.extend((rule, origin) for rule in _load(point, origin))
        except PluginError as error:
            problems.extend(error.problems)
    return tuple(loaded), problems


def _plugin_error(problems: list[str]) -> PluginError:
    """The error reporting every broken plugin at once, a line for each."""
    if len(problems) == 1:
        return PluginError(problems[0])
    return PluginError(
        f"{len(problems)} plugins cannot be loaded: " + "; ".join(problems),
        problems,
    )


def _load(point: metadata.EntryPoint, origin: Origin) -> list[Rule]:
    where = f"plugin {point.name!r} ({point.value}) from {origin}"
    try:
        value: Any = point.load()
    # A plugin that calls sys.exit() on import must not end the program.
    except (Exception, SystemExit) as error:
        raise PluginError(
            f"{where} cannot be imported: {type(error).__name__}: {error}"
        ) from error
    rules: list[Rule] = []
    for rule in _rules(value, where):
        try:
            checked = check_rule(rule)
        except RuleConfigurationError as error:
            raise PluginError(f"{where}: {error}") from None
        if checked.code.startswith(RESERVED_PREFIX):
            raise PluginError(
                f"{where} gives rule {checked.code}: the prefix "
                f"{RESERVED_PREFIX!r} belongs to followup; use your own"
            )
        rules.append(checked)
    return rules


def _rules(value: Any, where: str) -> list[object]:
    if isinstance(value, type) or (callable(value) and not _has_code(value, where)):
        try:
            value = value()
        except (Exception, SystemExit) as error:
            raise PluginError(
                f"{where}: calling it failed: {type(error).__name__}: {error}"
            ) from error
    if isinstance(value, (list, tuple)):
        if not value:
            raise PluginError(f"{where} gives no rules")
        return list(value)
    return [value]


def _has_code(value: object, where: str) -> bool:
    """Whether `value` has a code, so is taken as a rule rather than called.

    Raises:
        PluginError: reading the code raised; `hasattr` lets any error but
            AttributeError through, past the loader that names the plugin.
    """
    try:
        return hasattr(value, "code")
    except Exception as error:
        raise PluginError(
            f"{where}: its code cannot be read: {type(error).__name__}: {error}"
        ) from error
