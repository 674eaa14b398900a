"""Building values the engine already trusts, without validating them again.

The public constructors validate every field, which is right at the boundary
(a user's input) and wasted inside the engine, which builds steps and
windows from parts that were validated once.  `assemble` and `replaced` fill
the slots of a frozen attrs instance directly; the property tests check that
what the engine builds this way is what the constructors would accept.

Both run a function written once per class, the way attrs writes its own
``__init__``: straight-line code that sets each slot, with no loop over the
fields and no converter.

Only the engine and the built-in rules use these.  Rules written elsewhere
build their values with the public constructors and the toolkit.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["assemble", "replaced"]

T = TypeVar("T")

#: Stands for "not given" in `replaced`: None is a field value.
_UNSET = object()


def _source(cls: type[Any], *, copy: bool) -> str:
    fields = attrs.fields(cls)
    if copy:
        head = ["value", *(f"{field.name}=_UNSET" for field in fields)]
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
    lines = [
        f"def written({', '.join(head)}):",
        "    made = _new(_cls)",
        # A setter bound to the new instance: attrs' own __init__ does this.
        "    _set = _bind(made)",
    ]
    for index, field in enumerate(fields):
        name = field.name
        if copy:
            given = f"value.{name} if {name} is _UNSET else {name}"
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            given = f"_factory_{index}() if {name} is _UNSET else {name}"
        else:
            given = name
        lines.append(f"    _set({name!r}, {given})")
    lines.append("    return made")
    return "\n".join(lines)


def _write(cls: type[Any], *, copy: bool) -> Any:
    namespace: dict[str, Any] = {
        "_UNSET": _UNSET,
        "_new": object.__new__,
        "_bind": object.__setattr__.__get__,
        "_cls": cls,
    }
    for index, field in enumerate(attrs.fields(cls)):
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_factory_{index}"] = default.factory
            namespace[f"_default_{index}"] = _UNSET
        else:
            namespace[f"_default_{index}"] = default
    exec(_source(cls, copy=copy), namespace)  # noqa: S102 - our own text, as attrs does
    return namespace["written"]


_ASSEMBLE: dict[type[Any], Any] = {}
_REPLACE: dict[type[Any], Any] = {}


def assemble(cls: type[T], /, **values: Any) -> T:
    """Make a `cls` from trusted `values`, filling in the defaults."""
    written = _ASSEMBLE.get(cls)
    if written is None:
        written = _ASSEMBLE[cls] = _write(cls, copy=False)
    made: T = written(**values)
    return made


def replaced(value: T, /, **changes: Any) -> T:
    """Copy a trusted `value` with some fields changed (`attrs.evolve`, unchecked)."""
    cls = type(value)
    written = _REPLACE.get(cls)
    if written is None:
        written = _REPLACE[cls] = _write(cls, copy=True)
    made: T = written(value, **changes)
    return made
