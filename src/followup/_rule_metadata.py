"""What a rule says about itself, checked once when it joins a rule set.

A rule is anything that satisfies the `Rule` protocol; this module checks
that what it declares is well formed (its code, name, advice ids and
phases) and says who a rule belongs to in error messages.  A property that
raises, or metadata of the wrong type, is reported as a configuration
error naming the rule, never as a raw exception.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from followup._advice import advice_problem
from followup._rule import LetterRule, Phase, Rule
from followup.errors import RuleConfigurationError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["check_rule", "owner", "parameters", "phases_of", "reads_letters"]

_CODE = re.compile(r"[A-Z]{1,8}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def owner(rule: object, origin: str | None = None) -> str:
    """Who a rule is, for messages: code, name, class and, if known, package."""
    kind = type(rule)
    where = f"{kind.__module__}.{kind.__qualname__}"
    if origin is not None:
        where = f"plugin {origin}, {where}"
    try:
        code, name = rule.code, rule.name  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a broken rule is still named by its class
        return f"({where})"
    if isinstance(code, str) and isinstance(name, str):
        return f"{code} {name} ({where})"
    return f"({where})"


def parameters(params: object) -> dict[str, attrs.Attribute[Any]]:
    """The parameters of attrs `params`, by the names they are given by.

    A parameter is a field its class's ``__init__`` takes, under that
    argument's name: a private field ``_limit`` is given as ``limit``
    (attrs' alias), and a field with ``init=False`` is worked out, not
    given.  `RuleSet.configure`, a rules file and the rule reference all
    name parameters so.  Empty for parameters that are not attrs.
    """
    kind: Any = type(params)
    if not attrs.has(kind):
        return {}
    return {field.alias: field for field in attrs.fields(kind) if field.init}


def check_rule(rule: object) -> Rule:
    """Return `rule` if it satisfies the protocol and its metadata is well formed.

    Raises:
        RuleConfigurationError: it is not a rule, or its code, name, advice
            ids or phases are malformed, or reading them raised.
    """
    try:
        return _checked(rule)
    except RuleConfigurationError:
        raise
    except Exception as error:
        raise RuleConfigurationError(
            f"rule {owner(rule)} cannot be read: {type(error).__name__}: {error}"
        ) from error


def _checked(rule: object) -> Rule:
    if isinstance(rule, type):
        # The protocol is met by a class's attributes as well: it would fail
        # only when planning, calling plan() without a draft.
        raise RuleConfigurationError(
            f"{rule.__module__}.{rule.__qualname__} is a rule class; give a rule "
            f"made of it, such as {rule.__qualname__}()"
        )
    if not isinstance(rule, Rule):
        parts = ("code", "name", "summary", "advice", "params", "plan()", "check()")
        missing = [part for part in parts if not hasattr(rule, part.rstrip("()"))]
        # What an object that is almost a rule lacks: the rest is there.
        lacks = (
            f"; it has no {_joined(missing)}" if 0 < len(missing) < len(parts) else ""
        )
        raise RuleConfigurationError(
            f"{rule!r} is not a rule: a rule has code, name, summary, advice, "
            f"params, plan() and check(){lacks}"
        )
    code, name = rule.code, rule.name
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise RuleConfigurationError(
            f"rule {owner(rule)} has code {code!r}; a code is a prefix of capital "
            "letters and three digits, such as 'FU003'"
        )
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise RuleConfigurationError(
            f"rule {code} has name {name!r}; a name is kebab-case, "
            "such as 'thank-you-immediately'"
        )
    summary = rule.summary
    if not isinstance(summary, str) or not summary.strip() or not summary.isprintable():
        # Printed as one cell of `followup rules`, and as one line of docs.
        raise RuleConfigurationError(
            f"rule {code} has summary {summary!r}; a summary is one line of text"
        )
    advice: object = rule.advice
    if isinstance(advice, str) or not isinstance(advice, (tuple, list)):
        raise RuleConfigurationError(
            f"rule {code} has advice {advice!r}; advice is a tuple of ids "
            "such as ('A3', 'A4')"
        )
    for item in advice:
        problem = advice_problem(item, code)
        if problem is not None:
            raise RuleConfigurationError(f"rule {code} {problem}")
    phases_of(rule)
    return rule


def phases_of(rule: Rule) -> tuple[Phase, ...]:
    """The phases a rule's `plan` runs in, in order; `PROPOSE` when it names none.

    Raises:
        RuleConfigurationError: `phase` is neither a `Phase` nor a tuple of them.
    """
    declared: object = getattr(rule, "phase", Phase.PROPOSE)
    items: Iterable[object] = (
        declared if isinstance(declared, (tuple, list, frozenset)) else (declared,)
    )
    phases = set()
    for item in items:
        if not isinstance(item, Phase):
            allowed = ", ".join(f"Phase.{phase.name}" for phase in Phase)
            raise RuleConfigurationError(
                f"rule {rule.code} declares phase {item!r}; a phase is one of "
                f"{allowed}, or a tuple of them"
            )
        phases.add(item)
    if not phases:
        raise RuleConfigurationError(f"rule {rule.code} declares no phase at all")
    return tuple(phase for phase in Phase if phase in phases)


def reads_letters(rule: Rule) -> bool:
    """Whether the rule reads letters (has ``check_letter``)."""
    return isinstance(rule, LetterRule)


def _joined(parts: list[str]) -> str:
    # "params", "params or check()", "code, params or check()".
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} or {parts[-1]}"
