"""`RuleSet`, the immutable ordered value that holds rules, and `DEFAULT_RULES`.

A rule set is a value, not a registry: there is no global list to mutate, so
two parts of a program can hold different sets without stepping on each
other, and a set read back from JSON (by its codes) means what it meant.  It
remembers which plugin each of its rules came from, so that an error names
the package and a configuration written back loads the same plugins.
"""

from __future__ import annotations

import bisect
import os
from typing import TYPE_CHECKING, Any, cast, final

import attrs

from followup._calendar import WorkingCalendar
from followup._configuration import (
    rule_set_from_mapping,
    rule_set_from_toml,
    rule_set_to_mapping,
)
from followup._fields import instance_of, sequence_of
from followup._rule import LetterRule, Phase, Rule
from followup._rule_metadata import (
    check_rule,
    owner,
    parameters,
    phases_of,
    reads_letters,
)
from followup.errors import (
    DuplicateRuleError,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    _shown,
    _shown_key,
    did_you_mean,
)
from followup.plugins import RESERVED_PREFIX, Origin, _loaded_plugins, _plugin_error
from followup.rules import (
    AskForContactDetails,
    CallAfterWeeks,
    CallBackAsAgreed,
    CallSparingly,
    CloseOnPositiveNote,
    DecisionEndsFollowUp,
    FollowUpAfterDays,
    FollowUpOnPerformance,
    LateStepsStillPlanned,
    StepsInOrder,
    ThankYouImmediately,
    WaitForThem,
    WorkingTime,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping


__all__ = ["DEFAULT_RULES", "RuleSet"]


def _rules(values: Iterable[object]) -> tuple[Rule, ...]:
    given = sequence_of(values, "rules", "a sequence of rules")
    rules = tuple(check_rule(rule) for rule in given)
    by_code: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for rule in rules:
        for seen, key, what in (
            (by_code, rule.code, "code"),
            (by_name, rule.name, "name"),
        ):
            if key in seen:
                raise DuplicateRuleError(
                    f"two rules share the {what} {key!r}: {owner(seen[key])} "
                    f"and {owner(rule)}"
                )
            seen[key] = rule
    return rules


def _origins(values: Iterable[Origin | None] | None) -> tuple[Origin | None, ...]:
    if values is None:
        return ()
    # Refused here, by name: taken, a wrong origin came back from
    # `origin_of` and broke `to_mapping` and plugin messages much later.
    origins = sequence_of(
        values, "RuleSet.origins", "a sequence of Origin or None", alone=Origin
    )
    for index, origin in enumerate(origins):
        if origin is not None and type(origin) is not Origin:
            raise InvalidTypeError(
                f"RuleSet.origins[{index}]",
                origin,
                "an Origin (the plugin the rule came from) or None",
            )
    return cast("tuple[Origin | None, ...]", origins)


@final
@attrs.frozen(repr=False)
class RuleSet:
    """An immutable, ordered set of rules; every operation returns a new set.

    Rules apply phase by phase (`Phase`), in the set's order within a phase:
    a rule added at the end still proposes before any rule drops or places,
    so the built-in rules govern what it proposes.  A rule is found by its
    code or its name; `select` and `ignore` also take code prefixes
    (``"FU00"``).  `origins` says, for each rule, the plugin it came from
    (``None`` for a rule that came from no plugin).

    >>> from followup import DEFAULT_RULES
    >>> DEFAULT_RULES["thank-you-immediately"].code
    'FU003'
    >>> len(DEFAULT_RULES.ignore("FU002")) == len(DEFAULT_RULES) - 1
    True
    """

    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)
    origins: tuple[Origin | None, ...] = attrs.field(
        default=None, converter=_origins, kw_only=True
    )
    _phases: tuple[tuple[Phase, tuple[Rule, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    _letter_rules: tuple[LetterRule, ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    _calendar: WorkingCalendar = attrs.field(init=False, eq=False, repr=False)
    _codes: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    # Each rule by its code and by its name, and the codes in sorted order:
    # finding rules by scanning the set for each key given made naming every
    # rule of a large set (`select`, `ignore`, `reordered`) quadratic.
    _by_key: dict[str, Rule] = attrs.field(init=False, eq=False, repr=False)
    _sorted_codes: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        origins = self.origins or (None,) * len(self.rules)
        if len(origins) != len(self.rules):
            raise InvalidValueError(
                "RuleSet.origins",
                len(origins),
                f"origins are given for {len(origins)} rules, not {len(self.rules)}",
            )
        declared = [(rule, phases_of(rule)) for rule in self.rules]
        schedule = tuple(
            (phase, tuple(rule for rule, phases in declared if phase in phases))
            for phase in Phase
        )
        object.__setattr__(self, "origins", origins)
        object.__setattr__(self, "_phases", tuple(p for p in schedule if p[1]))
        object.__setattr__(self, "_codes", tuple(rule.code for rule in self.rules))
        # Codes and names are unique, and no code is a name (see `check_rule`).
        by_key = {rule.code: rule for rule in self.rules}
        by_key.update((rule.name, rule) for rule in self.rules)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_sorted_codes", tuple(sorted(self._codes)))
        object.__setattr__(
            self,
            "_letter_rules",
            tuple(rule for rule in self.rules if reads_letters(rule)),
        )
        # The first rule that keeps a working calendar (FU011 by default)
        # sets it for every rule: one calendar per recipient.
        kept = (getattr(rule, "calendar", None) for rule in self.rules)
        object.__setattr__(
            self,
            "_calendar",
            next(
                (found for found in kept if isinstance(found, WorkingCalendar)),
                WorkingCalendar(),
            ),
        )

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_key

    def __getitem__(self, key: str) -> Rule:
        rule = self._by_key.get(key) if isinstance(key, str) else None
        if rule is None:
            raise self._unknown(_named(key, "key"))
        return rule

    def __repr__(self) -> str:
        inside = ", ".join(f"{rule.code} {rule.name}" for rule in self.rules)
        return f"RuleSet({inside})"

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the rules, in order."""
        return self._codes

    @property
    def phases(self) -> tuple[tuple[Phase, tuple[Rule, ...]], ...]:
        """The rules as they apply: each phase with its rules, in order.

        >>> from followup import DEFAULT_RULES
        >>> [(phase.value, len(rules)) for phase, rules in DEFAULT_RULES.phases]
        [('propose', 6), ('drop', 2), ('place', 8)]
        """
        return self._phases

    @property
    def letter_rules(self) -> tuple[LetterRule, ...]:
        """The rules that read letters (those with ``check_letter``), in order."""
        return self._letter_rules

    @property
    def calendar(self) -> WorkingCalendar:
        """The recipient's working calendar every rule of this set plans on.

        The first rule with a ``calendar`` attribute holding a
        `WorkingCalendar` gives it (FU011, from its `weekdays`, `holidays`
        and `closed`); without one, the country's week and holidays.
        """
        return self._calendar

    def origin_of(self, key: str) -> Origin | None:
        """The plugin a rule (by code or name) came from, or ``None``."""
        rule = self[key]
        return self.origins[self.rules.index(rule)]

    def select(self, *selectors: str) -> RuleSet:
        """Keep only the rules matching a selector (code, name or code prefix)."""
        chosen = self._matching(selectors)
        return self._keeping(lambda rule: rule.code in chosen)

    def ignore(self, *selectors: str) -> RuleSet:
        """Drop the rules matching a selector (code, name or code prefix)."""
        dropped = self._matching(selectors)
        return self._keeping(lambda rule: rule.code not in dropped)

    def extend(self, *rules: Rule) -> RuleSet:
        """Add rules at the end of the set (each still applies in its phase).

        A rule of one's own needs a code prefix of its own: codes that start
        with ``FU`` belong to followup, and one it does not use today may be
        a rule of its own tomorrow.  Its own rules may come back (after
        `ignore`, say) under their codes, configured or not; a rule of
        another class under one of them would be taken for followup's by
        `check_plan` (`replace` puts one in on purpose).

        Raises:
            RuleConfigurationError: a rule is not one, or takes an ``FU``
                code without being followup's rule of that code.
        """
        ours = {rule.code: type(rule) for rule in DEFAULT_RULES}
        for rule in rules:
            code = check_rule(rule).code
            if (
                code.startswith(RESERVED_PREFIX)
                and ours.get(code) is not type(rule)
                # A code the set holds already: two rules share it, as the
                # set says, naming both.
                and code not in self.codes
            ):
                raise RuleConfigurationError(
                    f"rule {owner(rule)}: the prefix {RESERVED_PREFIX!r} belongs "
                    "to followup; give the rule a code of your own, such as 'QF001'"
                )
        return RuleSet(
            (*self.rules, *rules), origins=(*self.origins, *(None for _ in rules))
        )

    def replace(self, rule: Rule) -> RuleSet:
        """Put `rule` in the place of the rule with the same code.

        A rule of the same class as the one it replaces (the same rule with
        other parameters) keeps that one's plugin; any other is your own.
        """
        rule = check_rule(rule)
        self[rule.code]
        return RuleSet(
            (rule if old.code == rule.code else old for old in self.rules),
            origins=(
                origin if old.code != rule.code or type(old) is type(rule) else None
                for old, origin in zip(self.rules, self.origins, strict=True)
            ),
        )

    def reordered(self, *keys: str) -> RuleSet:
        """The same rules, those named (codes or names) first, in that order.

        Order matters only within a phase; the rules not named keep their
        order after the named ones.

        >>> from followup import DEFAULT_RULES
        >>> DEFAULT_RULES.reordered("FU011", "FU010").codes[:3]
        ('FU011', 'FU010', 'FU001')
        """
        first = [self[key] for key in keys]
        if len({id(rule) for rule in first}) != len(first):
            raise RuleConfigurationError(f"a rule is named twice in {_shown(keys)}")
        named = {id(rule) for rule in first}
        rest = [rule for rule in self.rules if id(rule) not in named]
        order = [*first, *rest]
        origins = {
            id(rule): origin
            for rule, origin in zip(self.rules, self.origins, strict=True)
        }
        return RuleSet(order, origins=[origins[id(rule)] for rule in order])

    def configure(self, key: str, /, **params: Any) -> RuleSet:
        """Give one rule new parameter values, validated as on construction.

        >>> from followup import DEFAULT_RULES
        >>> DEFAULT_RULES.configure("FU008", max_calls=2)["FU008"].params.max_calls
        2
        """
        rule = self[key]
        if not attrs.has(type(rule)) or not attrs.has(type(rule.params)):
            raise RuleConfigurationError(
                f"rule {rule.code} is not an attrs class with attrs params, "
                "so it cannot be configured; use replace() with a new rule"
            )
        made: Any = type(rule)
        if not any(
            field.init and field.alias == "params" for field in attrs.fields(made)
        ):
            # `params` a class attribute, not an argument: `attrs.evolve`
            # would fail with a bare TypeError.
            raise RuleConfigurationError(
                f"rule {rule.code} takes no params when it is made, so it cannot "
                "be configured; use replace() with a new rule"
            )
        current: Any = rule.params
        known = list(parameters(current))
        for param in params:
            if param not in known:
                raise RuleConfigurationError(
                    f"rule {rule.code} ({rule.name}) has no parameter "
                    f"{_shown_key(param)}{did_you_mean(param, known)}; it has "
                    f"{', '.join(known) or 'none'}"
                )
        try:
            new_params = attrs.evolve(current, **params)
        except (InvalidValueError, InvalidTypeError) as error:
            # A validator names the field (``PrivParams._limit``); the
            # parameter is given by its alias (``limit``), as a rules file
            # and the reference name it.
            where, _, named = error.field.rpartition(".")
            aliases = {
                field.name: alias for alias, field in parameters(current).items()
            }
            said = aliases.get(named, named)
            field = f"{where}.{said}" if where else said
            raise RuleConfigurationError(
                f"rule {rule.code}: {field}: {error.detail}"
            ) from error
        except (ValueError, TypeError) as error:
            # A plugin's parameters may use attrs' own validators (`instance_of`,
            # `in_`), whose errors carry their message first, then the field.
            said = error.args[0] if error.args else ""
            raise RuleConfigurationError(
                f"rule {rule.code}: {type(error).__name__}: "
                f"{said if isinstance(said, str) else error}"
            ) from error
        return self.replace(attrs.evolve(rule, params=new_params))  # type: ignore[misc]

    def with_plugins(self, *names: str) -> RuleSet:
        """This set with the rules of installed plugins added at the end.

        Plugins come from the entry-point group ``followup.rules``; `names`
        picks them by entry-point name, none means every installed plugin.
        They load now, not on import, in the sorted order of their names.

        Raises:
            PluginError: a plugin cannot be loaded, or a rule reuses a code
                or name already in the set (both owners are named); every
                broken plugin is reported at once, one line each in
                `problems`.
        """
        taken: dict[str, str] = {}
        for rule, origin in zip(self.rules, self.origins, strict=True):
            taken[rule.code] = taken[rule.name] = owner(rule, _text(origin))
        loaded, problems = _loaded_plugins(names)
        added: list[Rule] = []
        origins: list[Origin | None] = []
        # Every broken plugin at once: one that takes a code or a name
        # already taken is reported with those that cannot be loaded, and a
        # rule that takes both, each: mending one must not reveal the other.
        for rule, origin in loaded:
            for clash in (rule.code, rule.name):
                if clash in taken:
                    problems.append(
                        f"{clash!r} is taken twice: by {taken[clash]} and by the "
                        f"plugin rule {owner(rule, str(origin))}"
                    )
            # Taken even by a rule that clashes: a third rule that takes the
            # same code clashes with it too.
            taken.setdefault(rule.code, owner(rule, str(origin)))
            taken.setdefault(rule.name, owner(rule, str(origin)))
            added.append(rule)
            origins.append(origin)
        if problems:
            raise _plugin_error(problems)
        return RuleSet((*self.rules, *added), origins=(*self.origins, *origins))

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        *,
        base: RuleSet | None = None,
        source: str = "rule configuration",
    ) -> RuleSet:
        """Build a rule set from configuration data (as read from TOML or JSON).

        The keys are those of a rules file (see the docs' page on plugins);
        `base` defaults to `DEFAULT_RULES`.

        Raises:
            InvalidTypeError: `base` is no `RuleSet`.
            RuleConfigurationError: the data make no rule set; every problem
                is named at once, with `source` and the key.
        """
        return rule_set_from_mapping(data, base=_base(base), source=source)

    @classmethod
    def from_toml(
        cls, path: str | os.PathLike[str], *, base: RuleSet | None = None
    ) -> RuleSet:
        """Build a rule set from a TOML file; errors name the file and the key.

        Raises:
            InvalidTypeError: `path` is no path, or `base` no `RuleSet`.
            RuleConfigurationError: the file cannot be read, or its settings
                make no rule set (see `from_mapping`).
        """
        given: object = path
        # Refused by name: os.fspath raises a bare TypeError for None or a
        # number, and Path one for bytes.
        if not isinstance(given, (str, os.PathLike)):
            raise InvalidTypeError("path", given, "a file's path (str or os.PathLike)")
        return rule_set_from_toml(path, base=_base(base))

    def to_mapping(self) -> dict[str, Any]:
        """This set as configuration data: `from_mapping` rebuilds it."""
        return rule_set_to_mapping(self, DEFAULT_RULES)

    def _keeping(self, keep: Any) -> RuleSet:
        pairs = [
            (rule, origin)
            for rule, origin in zip(self.rules, self.origins, strict=True)
            if keep(rule)
        ]
        return RuleSet(
            (rule for rule, _ in pairs), origins=[origin for _, origin in pairs]
        )

    def _matching(self, selectors: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for selector in selectors:
            _named(selector, "selector")
            hits = self._prefixed(selector)
            rule = self._by_key.get(selector)
            if rule is not None:
                hits.add(rule.code)
            if not hits:
                raise self._unknown(selector)
            chosen |= hits
        return chosen

    def _prefixed(self, prefix: str) -> set[str]:
        """The codes that start with `prefix`, found in the sorted codes."""
        codes = self._sorted_codes
        found: set[str] = set()
        if not prefix:
            # "" is a prefix of every code, but names no rule.
            return found
        index = bisect.bisect_left(codes, prefix)
        while index < len(codes) and codes[index].startswith(prefix):
            found.add(codes[index])
            index += 1
        return found

    def _unknown(self, key: str) -> RuleConfigurationError:
        choices = [*self.codes, *(rule.name for rule in self.rules)]
        return RuleConfigurationError(
            f"no rule {_shown_key(key)} in this set{did_you_mean(key, choices)}"
        )


def _named(key: object, field: str) -> str:
    # A rule is named by its code or name; a set is no sequence to index.
    if not isinstance(key, str):
        raise InvalidTypeError(field, key, "a rule's code or name (str)")
    return key


def _base(base: RuleSet | None) -> RuleSet:
    # A set the configuration starts from: anything else broke deep inside,
    # with an AttributeError, once the data had been read.
    if base is None:
        return DEFAULT_RULES
    return instance_of(base, RuleSet, "base", "a RuleSet (such as DEFAULT_RULES)")


def _text(origin: Origin | None) -> str | None:
    return None if origin is None else str(origin)


#: The rules that encode the advice.  They apply phase by phase; this is
#: their order within each phase.
DEFAULT_RULES = RuleSet(
    (
        CloseOnPositiveNote(),
        AskForContactDetails(),
        ThankYouImmediately(),
        FollowUpAfterDays(),
        CallAfterWeeks(),
        CallBackAsAgreed(),
        FollowUpOnPerformance(),
        CallSparingly(),
        DecisionEndsFollowUp(),
        LateStepsStillPlanned(),
        StepsInOrder(),
        WaitForThem(),
        WorkingTime(),
    )
)
