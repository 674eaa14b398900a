"""Building values the engine already trusts, without validating them again.

The public constructors validate every field, which is right at the boundary
(a user's input) and wasted inside the engine, which builds steps and
windows from parts that were validated once.  `assemble` and `replaced` fill
the slots of a frozen attrs instance directly; the property tests check that
what the engine builds this way is what the constructors would accept.

Only the engine uses these.  Rules written elsewhere build their values with
the public constructors.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import attrs

__all__ = ["assemble", "replaced"]

T = TypeVar("T")

_set = object.__setattr__


@functools.cache
def _slots(cls: Any) -> tuple[tuple[str, Any], ...]:
    return tuple((field.name, field.default) for field in attrs.fields(cls))


def assemble(cls: type[T], /, **values: Any) -> T:
    """Make a `cls` from trusted `values`, filling in the defaults."""
    made = object.__new__(cls)
    kind: Any = cls
    for name, default in _slots(kind):
        if name in values:
            _set(made, name, values[name])
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            _set(made, name, default.factory())
        elif default is attrs.NOTHING:
            msg = f"{cls.__name__} needs {name}"
            raise TypeError(msg)
        else:
            _set(made, name, default)
    return made


def replaced(value: T, /, **changes: Any) -> T:
    """Copy a trusted `value` with some fields changed (`attrs.evolve`, unchecked)."""
    kind: Any = type(value)
    made: T = object.__new__(kind)
    for name, _ in _slots(kind):
        _set(made, name, changes[name] if name in changes else getattr(value, name))
    return made
