"""Building values the engine already trusts, without validating them again.

The public constructors validate every field, which is right at the boundary
(a user's input) and wasted inside the engine, which builds steps and
windows from parts that were validated once.  `assemble`, `replaced` and
`rebuilder` fill the slots of a frozen attrs instance directly; the property
tests check that what the engine builds this way is what the constructors
would accept.

Each runs a function written once per class, the way attrs writes its own
``__init__``: straight-line code that sets each slot, with no loop over the
fields and no converter.

Only the engine, the built-in rules and the built-in example use these.
Rules written elsewhere build their values with the public constructors
and the toolkit.
"""

from __future__ import annotations

import functools
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["assemble", "rebuilder", "replaced"]

T = TypeVar("T")

#: Stands for "not given" in `replaced`: None is a field value.
_UNSET = object()


#: How the written function takes the fields: keywords with the defaults
#: filled in (`assemble`), a value and the changes (`replaced`), or every
#: field in order (`rebuilt`).
_KEYWORDS, _COPY, _IN_ORDER = "keywords", "copy", "in order"


def _source(cls: type[Any], form: str) -> str:
    fields = attrs.fields(cls)
    if form == _COPY:
        head = ["value", *(f"{field.name}=_UNSET" for field in fields)]
    elif form == _IN_ORDER:
        head = [field.name for field in fields]
    else:
        # Constants are the parameters' own defaults; a factory is called when
        # its field is not given; a field without a default must be given.
        head = [
            field.name
            if field.default is attrs.NOTHING
            else f"{field.name}=_default_{index}"
            for index, field in enumerate(fields)
        ]
        head.insert(0, "*")
    lines = [f"def written({', '.join(head)}):", "    made = _new(_cls)"]
    for index, field in enumerate(fields):
        name = field.name
        if form == _COPY:
            given = f"value.{name} if {name} is _UNSET else {name}"
        elif form == _KEYWORDS and isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            given = f"_factory_{index}() if {name} is _UNSET else {name}"
        else:
            given = name
        # The slot's own setter, which a frozen class's __setattr__ does not
        # stand in front of: a third of the time of object.__setattr__.
        lines.append(f"    _set_{index}(made, {given})")
    lines.append("    return made")
    return "\n".join(lines)


def _write(cls: type[Any], form: str) -> Any:
    namespace: dict[str, Any] = {"_UNSET": _UNSET, "_new": object.__new__, "_cls": cls}
    for index, field in enumerate(attrs.fields(cls)):
        slot = cls.__dict__.get(field.name)
        if isinstance(slot, MemberDescriptorType):
            namespace[f"_set_{index}"] = slot.__set__
        else:
            # A class without slots keeps its fields in the instance's dict.
            namespace[f"_set_{index}"] = functools.partial(
                _set_attribute, name=field.name
            )
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_factory_{index}"] = default.factory
            namespace[f"_default_{index}"] = _UNSET
        else:
            namespace[f"_default_{index}"] = default
    exec(_source(cls, form), namespace)  # noqa: S102 - our own text, as attrs does
    return namespace["written"]


def _set_attribute(made: object, value: object, *, name: str) -> None:
    object.__setattr__(made, name, value)


_ASSEMBLE: dict[type[Any], Any] = {}
_REPLACE: dict[type[Any], Any] = {}
_REBUILD: dict[type[Any], Any] = {}


def assemble(cls: type[T], /, **values: Any) -> T:
    """Make a `cls` from trusted `values`, filling in the defaults."""
    written = _ASSEMBLE.get(cls)
    if written is None:
        written = _ASSEMBLE[cls] = _write(cls, _KEYWORDS)
    made: T = written(**values)
    return made


def replaced(value: T, /, **changes: Any) -> T:
    """Copy a trusted `value` with some fields changed (`attrs.evolve`, unchecked)."""
    cls = type(value)
    written = _REPLACE.get(cls)
    if written is None:
        written = _REPLACE[cls] = _write(cls, _COPY)
    made: T = written(value, **changes)
    return made


def rebuilder(cls: type[T], /) -> Callable[..., T]:
    """A function that makes a `cls` from trusted values of every field, in order.

    For the unpicklers, which hold every field already: no keywords and no
    defaults, half the time of `assemble`.
    """
    written = _REBUILD.get(cls)
    if written is None:
        written = _REBUILD[cls] = _write(cls, _IN_ORDER)
    made: Callable[..., T] = written
    return made
