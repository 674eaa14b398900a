"""The `Rule` protocol and `RuleSet`, the immutable ordered value that holds rules.

A rule set is a value, not a registry: there is no global list to mutate, so
two parts of a program can hold different sets without stepping on each
other, and a set read back from JSON (by its codes) means what it meant.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol, final, runtime_checkable

import attrs

from followup.errors import (
    DuplicateRuleError,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    did_you_mean,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Mapping

    from followup.draft import Draft
    from followup.facts import Facts
    from followup.letters import Letter
    from followup.plan import Finding, Step

__all__ = ["LetterRule", "Rule", "RuleSet", "check_rule"]

_CODE = re.compile(r"[A-Z]{1,8}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ADVICE = re.compile(r"A(?:[1-9]|1[0-4])")


@runtime_checkable
class Rule(Protocol):
    """What a rule is: metadata, validated parameters, a planner and a checker.

    * `code` is stable and never reused (``FU003``; third parties use their
      own prefix), `name` is readable (``thank-you-immediately``), `summary`
      is one line, and `advice` holds the advice ids it encodes (empty for a
      rule that refines the advice, such as working time).
    * `params` is a frozen attrs instance, validated on construction;
      `RuleSet.configure` makes a new rule with new params.
    * `plan` returns a new draft (proposing, adjusting or dropping steps);
      it never mutates.  `check` returns findings about a plan or a user's
      own schedule.  A plan the rule helped make must pass its check.
    """

    @property
    def code(self) -> str:
        """Stable identifier: a prefix of capitals and three digits."""

    @property
    def name(self) -> str:
        """Readable identifier in kebab-case."""

    @property
    def summary(self) -> str:
        """One line saying what the rule does."""

    @property
    def advice(self) -> tuple[str, ...]:
        """The advice ids (A1-A14) the rule encodes."""

    @property
    def params(self) -> attrs.AttrsInstance:
        """The rule's parameters: a frozen attrs instance."""

    def plan(self, draft: Draft, /) -> Draft:
        """Return the draft with this rule's proposals and adjustments."""

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> Iterable[Finding]:
        """Return the findings this rule has about `steps`, given `facts`."""


@runtime_checkable
class LetterRule(Protocol):
    """A rule that also reads letters: `check_letter` returns findings about one.

    A rule need not read letters; `check_letter` asks only those that do.
    """

    def check_letter(self, letter: Letter, /) -> Iterable[Finding]:
        """Return the findings this rule has about the letter's text."""


def check_rule(rule: object) -> Rule:
    """Return `rule` if it satisfies the protocol and its metadata is well formed.

    Raises:
        RuleConfigurationError: it is not a rule, or its code, name or advice
            ids are malformed.
    """
    if not isinstance(rule, Rule):
        raise RuleConfigurationError(
            f"{rule!r} is not a rule: a rule has code, name, summary, advice, "
            "params, plan() and check()"
        )
    if not isinstance(rule.code, str) or not _CODE.fullmatch(rule.code):
        raise RuleConfigurationError(
            f"rule {rule!r} has code {rule.code!r}; a code is a prefix of capital "
            "letters and three digits, such as 'FU003'"
        )
    if not isinstance(rule.name, str) or not _NAME.fullmatch(rule.name):
        raise RuleConfigurationError(
            f"rule {rule.code} has name {rule.name!r}; a name is kebab-case, "
            "such as 'thank-you-immediately'"
        )
    for advice in rule.advice:
        if not _ADVICE.fullmatch(advice):
            raise RuleConfigurationError(
                f"rule {rule.code} cites {advice!r}; advice ids run from A1 to A14"
            )
    return rule


def _owner(rule: Rule) -> str:
    kind = type(rule)
    return f"{rule.code} {rule.name} ({kind.__module__}.{kind.__qualname__})"


def _rules(values: Iterable[object]) -> tuple[Rule, ...]:
    rules = tuple(check_rule(rule) for rule in values)
    by_code: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for rule in rules:
        for seen, key, what in (
            (by_code, rule.code, "code"),
            (by_name, rule.name, "name"),
        ):
            if key in seen:
                raise DuplicateRuleError(
                    f"two rules share the {what} {key!r}: {_owner(seen[key])} "
                    f"and {_owner(rule)}"
                )
            seen[key] = rule
    return rules


@final
@attrs.frozen(repr=False)
class RuleSet:
    """An immutable, ordered set of rules; every operation returns a new set.

    Rules apply in order when planning.  A rule is found by its code or its
    name; `select` and `ignore` also take code prefixes (``"FU00"``).

    >>> from followup import DEFAULT_RULES
    >>> DEFAULT_RULES["thank-you-immediately"].code
    'FU003'
    >>> len(DEFAULT_RULES.ignore("FU002")) == len(DEFAULT_RULES) - 1
    True
    """

    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, key: object) -> bool:
        return any(key in {rule.code, rule.name} for rule in self.rules)

    def __getitem__(self, key: str) -> Rule:
        for rule in self.rules:
            if key in {rule.code, rule.name}:
                return rule
        raise self._unknown(key)

    def __repr__(self) -> str:
        inside = ", ".join(f"{rule.code} {rule.name}" for rule in self.rules)
        return f"RuleSet({inside})"

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the rules, in order."""
        return tuple(rule.code for rule in self.rules)

    def select(self, *selectors: str) -> RuleSet:
        """Keep only the rules matching a selector (code, name or code prefix)."""
        chosen = self._matching(selectors)
        return RuleSet(rule for rule in self.rules if rule.code in chosen)

    def ignore(self, *selectors: str) -> RuleSet:
        """Drop the rules matching a selector (code, name or code prefix)."""
        dropped = self._matching(selectors)
        return RuleSet(rule for rule in self.rules if rule.code not in dropped)

    def extend(self, *rules: Rule) -> RuleSet:
        """Add rules at the end (they apply after the ones already here)."""
        return RuleSet((*self.rules, *rules))

    def replace(self, rule: Rule) -> RuleSet:
        """Put `rule` in the place of the rule with the same code."""
        self[rule.code]
        return RuleSet(rule if old.code == rule.code else old for old in self.rules)

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
        current: Any = rule.params
        known = [field.name for field in attrs.fields(type(current))]
        for param in params:
            if param not in known:
                raise RuleConfigurationError(
                    f"rule {rule.code} ({rule.name}) has no parameter {param!r}"
                    f"{did_you_mean(param, known)}; it has {', '.join(known)}"
                )
        try:
            new_params = attrs.evolve(current, **params)
        except (InvalidValueError, InvalidTypeError) as error:
            raise RuleConfigurationError(f"rule {rule.code}: {error}") from error
        return self.replace(attrs.evolve(rule, params=new_params))  # type: ignore[misc]

    def with_plugins(self, *names: str) -> RuleSet:
        """Add the rules of installed plugins (entry-point group ``followup.rules``).

        `names` picks plugins by entry-point name; none means every installed
        plugin.  Plugins load now, not on import, in sorted order, and are
        added at the end of the set.

        Raises:
            PluginError: a plugin cannot be imported, gives no rule, uses the
                prefix ``FU``, or reuses a code or name already in the set
                (both owners are named).
        """
        from followup.plugins import PluginError, load_plugins, owner  # noqa: PLC0415

        taken: dict[str, tuple[Rule, str]] = {}
        for rule in self.rules:
            taken[rule.code] = taken[rule.name] = (rule, "")
        added: list[Rule] = []
        for rule, dist in load_plugins(names):
            for key in (rule.code, rule.name):
                if key in taken:
                    first, first_dist = taken[key]
                    first_owner = (
                        f"plugin from {first_dist}" if first_dist else owner(first)
                    )
                    raise PluginError(
                        f"{key!r} is taken twice: by {first_owner} and by the "
                        f"plugin rule {owner(rule)} from {dist}"
                    )
                taken[key] = (rule, dist)
            added.append(rule)
        return self.extend(*added)

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        *,
        base: RuleSet | None = None,
        source: str = "rule configuration",
    ) -> RuleSet:
        """Build a rule set from configuration data (as read from TOML or JSON).

        See `followup.rule_config` for the keys.  `base` defaults to
        `DEFAULT_RULES`.
        """
        from followup.rule_config import rule_set_from_mapping  # noqa: PLC0415

        return rule_set_from_mapping(data, base=base, source=source)

    @classmethod
    def from_toml(
        cls, path: str | os.PathLike[str], *, base: RuleSet | None = None
    ) -> RuleSet:
        """Build a rule set from a TOML file; errors name the file and the key."""
        from followup.rule_config import rule_set_from_toml  # noqa: PLC0415

        return rule_set_from_toml(path, base=base)

    def to_mapping(self) -> dict[str, Any]:
        """This set as configuration data: `from_mapping` rebuilds it."""
        from followup.rule_config import rule_set_to_mapping  # noqa: PLC0415

        return rule_set_to_mapping(self)

    def _matching(self, selectors: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for selector in selectors:
            hits = {
                rule.code
                for rule in self.rules
                if selector in {rule.code, rule.name} or rule.code.startswith(selector)
            }
            if not hits:
                raise self._unknown(selector)
            chosen |= hits
        return chosen

    def _unknown(self, key: str) -> RuleConfigurationError:
        choices = [*self.codes, *(rule.name for rule in self.rules)]
        return RuleConfigurationError(
            f"no rule {key!r} in this set{did_you_mean(key, choices)}"
        )
