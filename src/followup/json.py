"""JSON for every public type, through one configured cattrs converter.

`to_json` and `from_json` round-trip every public value exactly: datetimes
are written as ISO 8601 with their RFC 9557 zone suffix, so an instant in
``Europe/Paris`` comes back in ``Europe/Paris``, not as ``+01:00``.  Reading
runs the same validation as the constructors, refuses keys a type does not
have, and reports every problem of a document at once, each with its path.

>>> from followup import Interview, plan_followups
>>> from followup.json import from_json, to_json
>>> paris = "2026-11-23T10:00:00+01:00[Europe/Paris]"
>>> plan = plan_followups(Interview("Ada", "Acme", paris))
>>> again = from_json(to_json(plan), type(plan))
>>> again == plan, again.steps[1].due.timezone_name
(True, 'Europe/Paris')

Users who need their own hooks copy the converter (`converter.copy()`) and
register on the copy; the module's converter is never changed after import.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import math
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from types import NoneType, UnionType
from typing import Any, Final, NoReturn, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.cols import is_sequence, list_structure_factory
from cattrs.errors import AttributeValidationNote
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.json import make_converter

from followup._fields import enum_member
from followup._parsing import Unreadable, read_json
from followup._rule import Rule
from followup._ruleset import RuleSet
from followup._time import (
    NO_ZONE,
    NO_ZONE_IN_TEXT,
    coerce_duration,
    coerce_instant,
    format_instant,
)
from followup.errors import (
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    _shown,
    _shown_key,
    did_you_mean,
    notes_state,
)

__all__ = [
    "InvalidDocumentError",
    "converter",
    "format_duration",
    "from_json",
    "schema",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")


class InvalidDocumentError(FollowUpError, ValueError):
    """A JSON document (or a parsed TOML one) that does not make the value asked for.

    `problems` lists every problem found, each as ``$.path: what is wrong``.
    """

    def __init__(self, what: str, problems: list[str]) -> None:
        self.what = what
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in the {what}: " + "; ".join(problems))

    def __reduce__(
        self,
    ) -> tuple[
        type[InvalidDocumentError], tuple[str, list[str]], dict[str, object] | None
    ]:
        # Raised in a worker process, it travels back pickled: Python's own
        # way would call __init__ with the message alone.
        return type(self), (self.what, self.problems), notes_state(self)


def format_duration(value: dt.timedelta) -> str:
    """Write a duration as ISO 8601 (``PT30M``), exactly, without months or years.

    >>> format_duration(dt.timedelta(days=1, minutes=90, microseconds=5))
    'P1DT1H30M0.000005S'
    >>> format_duration(dt.timedelta(minutes=-5))
    '-PT5M'

    Raises:
        InvalidTypeError: `value` is no `datetime.timedelta`.
    """
    if not isinstance(value, dt.timedelta):
        raise InvalidTypeError("value", value, "a datetime.timedelta")
    if value < dt.timedelta(0):
        # A timedelta keeps a negative one as negative days and positive
        # seconds ("P-1DT23H55M" for minus five minutes), which no ISO 8601
        # reader takes: the sign goes in front (ISO 8601-2).
        return f"-{format_duration(-value)}"
    days, seconds = value.days, value.seconds
    text = f"P{days}D" if days else "P"
    hours, rest = divmod(seconds, 3600)
    minutes, whole = divmod(rest, 60)
    time = ""
    if hours:
        time += f"{hours}H"
    if minutes:
        time += f"{minutes}M"
    if whole or value.microseconds:
        fraction = (
            f".{value.microseconds:06d}".rstrip("0") if value.microseconds else ""
        )
        time += f"{whole}{fraction}S"
    if time or text == "P":
        text += "T" + (time or "0S")
    return text


def _passthrough(value: object, _: object) -> object:
    # The value types' own converters validate and name the field; cattrs'
    # default hooks would coerce first (1 -> "1", "false" -> True) and hide
    # the mistake.
    return value


def _instant(value: object, _: object) -> pendulum.DateTime:
    return coerce_instant(value, "instant")


def _duration(value: object, _: object) -> dt.timedelta:
    return coerce_duration(value, "duration")


def _member(value: object, kind: type[enum.Enum]) -> enum.Enum:
    return enum_member(kind, value, kind.__name__)


def _is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _enum_hook(kind: type[enum.Enum], made: cattrs.Converter) -> Any:
    # A member written as its value.  Every enum of followup's holds text,
    # which needs no hook of its own: read from the slot, not through the
    # `value` property, which takes longer than the rest of the work.
    if all(type(member._value_) is str for member in kind):
        return operator.attrgetter("_value_")
    return lambda member: made.unstructure(member.value)


def _is_optional(kind: object) -> bool:
    args = get_args(kind)
    return (
        get_origin(kind) in (Union, UnionType) and len(args) == 2 and NoneType in args
    )


def _optional_hook(kind: object, made: cattrs.Converter) -> Any:
    # cattrs writes an optional value through a function that tests for None
    # and calls the value's hook, field after field: a plan has about thirty
    # of them.  Optional text needs neither, and the function that cattrs
    # knows for that inlines the field's value.
    (value,) = (arg for arg in get_args(kind) if arg is not NoneType)
    hook = made.get_unstructure_hook(value)
    if hook is identity:
        return identity
    return lambda given: None if given is None else hook(given)


def _strict(kind: type[Any]) -> Any:
    def structure(value: object, _: object) -> object:
        if type(value) is not kind:
            got = f"{type(value).__name__} {_shown(value)}"
            raise FollowUpError(f"expected {kind.__name__}, got {got}")
        return value

    return structure


def _holds_attrs(kind: object) -> bool:
    return attrs.has(kind) or any(_holds_attrs(arg) for arg in get_args(kind))  # type: ignore[arg-type]


def _through(convert: Any) -> Any:
    def structure(value: object, _: object) -> object:
        return convert(value)

    return structure


def _is_value_type(kind: object) -> bool:
    return (
        isinstance(kind, type)
        and attrs.has(kind)
        and kind.__module__.startswith("followup.")
    )


_CHECKED_BY_THE_CLASS: Final = (str, str | None, dt.datetime, dt.datetime | None)


def _value_type_hook(kind: type[Any], made: cattrs.Converter) -> Any:
    # A document that is right goes straight to the class, whose __init__
    # runs each field's converter once.  One that is not is walked again
    # with each converter run while cattrs walks it, so that every bad field
    # is reported at once with its path, not only the first one __init__
    # would meet.  Fields holding other value types are left to their own
    # hooks either way.
    attrs.resolve_types(kind)
    own = [field for field in attrs.fields(kind) if not _holds_attrs(field.type)]
    # Text or an instant in a field without a converter is checked by the
    # class (`Contact.phone` in its __attrs_post_init__): passed through, as
    # given, not told what a reader of text alone would say.
    given = {
        field.name: override(struct_hook=_passthrough)
        for field in own
        if field.converter is not None or field.type in _CHECKED_BY_THE_CLASS
    }
    make: Any = make_dict_structure_fn  # its typed keywords hide **overrides
    structure_checked = make(
        kind,
        made,
        **{
            **given,
            **{
                field.name: override(struct_hook=_through(field.converter))
                for field in own
                if field.converter is not None
            },
        },
    )
    structure_given = make(kind, made, **given)
    fields = attrs.fields_dict(kind)

    def structure_named(value: object, cls: object) -> object:
        # A check across fields (an away event without `until`) runs in
        # __init__, after cattrs has left the fields: cattrs reports its
        # error as the object's, at the object's path.  The field it names
        # is its place in the document.
        try:
            return structure_checked(value, cls)
        except cattrs.ClassValidationError as error:
            for problem in error.exceptions:
                if isinstance(problem, (InvalidValueError, InvalidTypeError)):
                    _note_field(problem, kind, fields)
            raise

    def structure(value: object, cls: object) -> object:
        if not isinstance(value, Mapping):
            got = f"{type(value).__name__} {_shown(value)}"
            raise FollowUpError(f"expected an object ({kind.__name__}), got {got}")
        try:
            return structure_given(value, cls)
        except Exception:  # noqa: BLE001 - any mistake: found again, with its path
            odd = [key for key in value if type(key) is not str]
            if not odd:
                return structure_named(value, cls)
            # Keys that are not text (from Python; JSON's always are): cattrs
            # before 25 fails on them while it words its own error, so they
            # are reported here, beside whatever else is wrong.
            unknown = FollowUpError(_unknown_keys(odd, kind))
            rest = {key: item for key, item in value.items() if type(key) is str}
            try:
                structure_named(rest, cls)
            except cattrs.ClassValidationError as error:
                problems = [*error.exceptions, unknown]
                message = error.message
                raise cattrs.ClassValidationError(message, problems, kind) from None
            raise unknown from None

    return structure


def _note_field(
    problem: InvalidValueError | InvalidTypeError,
    kind: type[Any],
    fields: Mapping[str, attrs.Attribute[Any]],
) -> None:
    """Note on `problem` the field of `kind` that it names, as cattrs notes its own.

    ``Event.until`` names `until`, ``FollowUpPlan.steps[1]`` names `steps`;
    a problem that cattrs noted already, or that names no field of `kind`
    (``Contact``, of the whole contact), is left as it is.
    """
    notes = getattr(problem, "__notes__", [])
    if any(type(note) is AttributeValidationNote for note in notes):
        return
    name = problem.field.removeprefix(f"{kind.__name__}.")
    name = name.partition("[")[0].partition(".")[0]
    field = fields.get(name)
    if field is None:
        return
    note = f"Structuring class {kind.__qualname__} @ attribute {name}"
    # `add_note` is Python 3.11's; cattrs sets the list itself.
    problem.__notes__ = [*notes, AttributeValidationNote(note, name, field.type)]


def _is_sequence_of_values(kind: object) -> bool:
    return is_sequence(kind) and _holds_attrs(kind)


def _sequence_hook(kind: Any, made: cattrs.Converter) -> Any:
    # A JSON array of value types (a plan's steps, a history's events).
    # cattrs would iterate whatever it is given: a string's characters, an
    # object's keys, or fail on a number with a bare TypeError.
    (item,) = get_args(kind)[:1]
    items = list_structure_factory(list[item], made)  # type: ignore[valid-type]
    make = tuple if get_origin(kind) is tuple else list

    def structure(value: object, _: object) -> object:
        # (null is reported as every other null is.)
        if value is not None and type(value) is not list and type(value) is not tuple:
            # No field name: the problem's path names where it is.
            raise InvalidTypeError("", value, f"an array of {item.__name__}")
        return make(items(value, kind))

    return structure


_PLAIN = "a public value of followup, or plain data"

# What a rule's class holds, whatever it derives from: `Rule` is a protocol
# with data members, which `issubclass` cannot test.
_RULE_MEMBERS = ("code", "name", "summary", "advice", "plan", "check")
_AS_SETTINGS = f"{_PLAIN}; a rule set is written as settings, RuleSet.to_mapping()"


def _is_rule_kind(cls: object) -> bool:
    return isinstance(cls, type) and (
        issubclass(cls, RuleSet) or all(hasattr(cls, name) for name in _RULE_MEMBERS)
    )


def _refusing(expected: str) -> Callable[[type], Callable[[object], NoReturn]]:
    """A hook factory that refuses a value of the types it is asked for.

    A rule or a rule set inside other data (a dict of them) would be written
    as its parameters alone; a rule's working value is no document at all.
    """

    def factory(_: type) -> Callable[[object], NoReturn]:
        def refused(value: object) -> NoReturn:
            raise InvalidTypeError("value", value, expected)

        return refused

    return factory


#: What the rules work with while a plan is made or a letter read: values of
#: followup's, but no documents (a `Letter` keeps its reading, a `Draft` its
#: facts); the plan, the interview and the letter's text are what is kept.
_WORKING_VALUES: Final = frozenset(
    {
        ("followup._draft", "Draft"),
        ("followup._draft_step", "DraftStep"),
        ("followup._draft_step", "DraftWindow"),
        ("followup._facts", "Facts"),
        ("followup._letters", "Letter"),
    }
)
_NO_DOCUMENT = (
    "a public value of followup that is a document (a rule's working values, "
    "Facts, Draft, DraftStep and Letter, are none)"
)


def _is_working_value(cls: object) -> bool:
    return (getattr(cls, "__module__", None), getattr(cls, "__name__", None)) in (
        _WORKING_VALUES
    )


def _names_working_value(cls: object) -> bool:
    # `Letter`, or `list[Letter]`, `dict[str, Draft]`, `Facts | None`.
    return _is_working_value(cls) or any(map(_names_working_value, get_args(cls)))


def _make() -> cattrs.Converter:
    made = make_converter(forbid_extra_keys=True)
    made.register_unstructure_hook_factory(_is_rule_kind, _refusing(_AS_SETTINGS))
    made.register_unstructure_hook_factory(_is_working_value, _refusing(_NO_DOCUMENT))
    made.register_unstructure_hook(pendulum.DateTime, format_instant)
    made.register_unstructure_hook(dt.timedelta, format_duration)
    made.register_unstructure_hook_factory(_is_enum, _enum_hook)
    made.register_unstructure_hook_factory(_is_optional, _optional_hook)
    # Text and instants asked for on their own, or in a list or dict of
    # them, are checked as a field's would be: a reader never coerces.
    made.register_structure_hook(str, _strict(str))
    made.register_structure_hook(dt.datetime, _instant)
    # Fields run their own converters (`_value_type_hook`); these read an
    # instant, a duration or a member asked for on its own, as the fields do.
    made.register_structure_hook(pendulum.DateTime, _instant)
    made.register_structure_hook(dt.timedelta, _duration)
    # By the base class, not by a test of the type: cattrs before 25 sends an
    # enum asked for on its own to its own hook for Enum, ahead of any test.
    made.register_structure_hook(enum.Enum, _member)
    made.register_structure_hook(int, _strict(int))
    made.register_structure_hook(bool, _strict(bool))
    made.register_structure_hook_factory(_is_value_type, _value_type_hook)
    made.register_structure_hook_factory(_is_sequence_of_values, _sequence_hook)
    return made


#: The configured converter behind `to_json` and `from_json`.
converter = _make()


def unstructure(value: object) -> Any:
    """Turn a public value into plain data (dicts, lists, strings, numbers).

    Raises:
        InvalidTypeError: `value` is plain data that holds itself, or nests
            deeper than Python recurses (as `to_json` says).
    """
    try:
        return converter.unstructure(value)
    except RecursionError:
        raise _too_deep(value) from None


def _document(cls: object) -> str:
    """What a document of `cls` is called: ``Interview document``."""
    return f"{_named(cls)} document"


def _named(cls: object) -> str:
    if cls is NoneType:
        return "None"
    # `list[Event]` is named "list": a history document says what it holds.
    origin, members = get_origin(cls), get_args(cls)
    if origin in {list, tuple} and members:
        return f"{origin.__name__} of {_named(members[0])}"
    name = getattr(cls, "__name__", None)
    if isinstance(name, str):
        return name
    # `Interview | None` has no name of its own, but its members have.
    members = get_args(cls)
    return " | ".join(map(_named, members)) if members else repr(cls)


def structure(data: object, cls: type[T], *, what: str | None = None) -> T:
    """Build a `cls` from plain data, reporting every problem at once.

    Raises:
        InvalidDocumentError: the data does not make a `cls`; its `problems`
            name each path.
    """
    _check_kind(cls)
    try:
        return converter.structure(data, cls)
    except Exception as error:
        raise InvalidDocumentError(what or _document(cls), _problems(error)) from error


def _check_kind(cls: object) -> None:
    # A class or a typing form (list[Event], Interview | None): anything else
    # is the caller's mistake, not the document's, and its repr may not even
    # be written (a list nested deeper than repr recurses).
    if not isinstance(cls, type) and get_origin(cls) is None:
        raise InvalidTypeError(
            "cls", cls, "a type to read (Interview, list[Event], Interview | None)"
        )
    if _names_working_value(cls):
        raise InvalidTypeError("cls", cls, _NO_DOCUMENT)


def to_json(value: object, *, indent: int | None = 2) -> str:
    """Write a public value as JSON text.

    Raises:
        InvalidTypeError: `value` is a rule set or a rule, which are written
            as settings (`RuleSet.to_mapping`, for a rules file), a rule's
            working value (`Facts`, `Draft`, `DraftStep`, `Letter`), or holds
            something JSON has no form for: bytes, a key that is not text
            (``{1: ...}``), NaN or an infinity, or a whole number of more
            digits than Python writes; the message names its place
            (``value['scores'][1]``).  Or `indent` is not a whole number.
        InvalidValueError: `indent` is below 0 or above 16.
        NaiveDatetimeError: `value` holds a datetime without a time zone,
            named by its place.
    """
    _check_indent(indent)
    # A rule and a rule set would be written as their parameters alone, a
    # document nothing reads back: their form is a rules file's settings.
    if isinstance(value, (RuleSet, Rule)):
        raise InvalidTypeError("value", value, _AS_SETTINGS)
    _refuse_what_has_no_form(value)
    try:
        data = unstructure(value)
    except FollowUpError:  # a value's own, or a rule inside: named already
        raise
    except RecursionError:
        raise _too_deep(value) from None
    except (TypeError, ValueError) as error:
        raise _own_failure("value", value, error) from None
    try:
        # allow_nan=False: json.dumps would write NaN and Infinity, which are
        # no JSON (RFC 8259) and which other readers refuse.
        return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except TypeError:
        raise InvalidTypeError("value", value, _PLAIN) from None
    except RecursionError:
        raise _too_deep(value) from None
    except ValueError:
        # From allow_nan: data that holds itself stopped cattrs already.
        raise InvalidTypeError(
            "value", value, f"{_PLAIN}, without NaN or an infinity"
        ) from None


#: The most spaces `to_json` indents a level by.
_MOST_INDENT = 16


def _check_indent(indent: object) -> None:
    # json.dumps takes a float, and a billion spaces a line, as given.
    if indent is None:
        return
    if type(indent) is not int:
        raise InvalidTypeError("indent", indent, "a whole number, or None")
    if not 0 <= indent <= _MOST_INDENT:
        raise InvalidValueError("indent", indent, f"is not from 0 to {_MOST_INDENT}")


def _own_failure(field: str, value: object, error: Exception) -> InvalidTypeError:
    # A value's own method failed while it was read (a zone whose
    # `utcoffset` raises): what it said is all there is to tell.
    return InvalidTypeError(field, value, f"{_PLAIN} ({type(error).__name__}: {error})")


def _too_deep(value: object) -> InvalidTypeError:
    # Data that holds itself, or nests deeper than from_json reads.
    return InvalidTypeError("value", value, f"{_PLAIN}, nested less deeply")


_CONTAINERS = (dict, list, tuple, set, frozenset)
_SCALARS = frozenset({str, int, float, bool, NoneType})


def _refuse_what_has_no_form(value: object) -> None:
    """Refuse, by its place, what plain data holds that followup writes no form for.

    The converter would write a naive datetime without a zone (which
    `from_json` and every constructor refuse), bytes as Base85 text that
    nothing reads back, and a key that is not text as text, where ``1`` and
    ``"1"`` then make one key twice: a document that reads back as
    something else, or not at all.  Only plain containers are walked (each
    once, so data that holds itself ends); the library's own values are
    aware and keyed by text already.  The path of the place is written only
    for the one refused, so that deep data is walked in linear time.
    """
    if not isinstance(value, (*_CONTAINERS, dt.datetime, bytes, bytearray)):
        return
    # Each place: its parent's index in `places`, and its key or index.
    places: list[tuple[int, object]] = [(-1, None)]
    todo: list[tuple[object, int]] = [(value, 0)]
    seen: set[int] = set()
    while todo:
        item, at = todo.pop()
        if isinstance(item, dt.datetime):
            try:
                offset = item.utcoffset()
            except (TypeError, ValueError) as error:
                raise _own_failure(_place(places, at), item, error) from None
            if offset is None:
                raise NaiveDatetimeError(
                    _place(places, at),
                    item,
                    "has no time zone: followup writes every datetime with its "
                    "offset or zone; make it aware first",
                )
        elif isinstance(item, (bytes, bytearray)):
            raise InvalidTypeError(
                _place(places, at), item, "text, a number, a list or an object"
            )
        elif isinstance(item, (float, int)):
            # Only what `_no_form` found comes here.
            raise InvalidTypeError(
                _place(places, at),
                item,
                "a finite number: JSON has no form for NaN or an infinity"
                if isinstance(item, float)
                else f"a whole number of at most {_most_digits()} digits",
            )
        elif isinstance(item, _CONTAINERS) and id(item) not in seen:
            seen.add(id(item))
            # Text and numbers need no look, and most of plain data is them.
            # The rest goes onto the stack reversed: the first place refused
            # is the first in the document.
            for key, inner in reversed(_inside(item, places, at)):
                places.append((at, key))
                todo.append((inner, len(places) - 1))


def _inside(
    item: Iterable[object], places: list[tuple[int, object]], at: int
) -> list[tuple[object, object]]:
    """What container `item`, at place `at`, holds that needs a look, by key or index.

    Raises:
        InvalidTypeError: `item` is a dict with a key that is not text.
    """
    if isinstance(item, dict):
        for key in item:
            if not isinstance(key, str):
                raise InvalidTypeError(
                    _place(places, at), key, "text as each key of an object"
                )
        pairs: Iterable[tuple[object, object]] = item.items()
    else:
        pairs = enumerate(item)
    return [
        pair for pair in pairs if type(pair[1]) not in _SCALARS or _no_form(pair[1])
    ]


def _most_digits() -> int:
    # The digits Python writes of a whole number at most (0: no limit); a
    # Python 3.10 before 3.10.7 has no limit, nor the function.
    most: int = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return most


#: The lowest limit `sys.set_int_max_str_digits` takes (0 aside).
_LEAST_LIMIT = 640


def _no_form(scalar: object) -> bool:
    # NaN or an infinity, or a whole number too long for Python to write
    # (`sys.get_int_max_str_digits`): JSON holds neither.
    if type(scalar) is float:
        return not math.isfinite(scalar)
    # Python writes 640 digits at least, whatever its limit: most numbers
    # are far shorter, and need no look at the limit.
    if type(scalar) is not int or scalar.bit_length() <= 3 * _LEAST_LIMIT:
        return False
    most = _most_digits()
    # Fewer than 3 bits a digit: only a number this long may be too long.
    if not most or scalar.bit_length() <= 3 * most:
        return False
    try:
        str(scalar)
    except ValueError:
        return True
    return False


def _place(places: list[tuple[int, object]], at: int) -> str:
    """``value['when'][0]``: where place `at` is in the value given to `to_json`."""
    steps: list[str] = []
    while at > 0:
        at, key = places[at]
        steps.append(f"[{_shown_key(key)}]")
    return "value" + "".join(reversed(steps))


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read a `cls` from JSON text.

    Raises:
        InvalidDocumentError: the text is not JSON (nested too deeply, a
            number of thousands of digits, bytes that are not UTF-8 and a
            byte order mark included), or does not make a `cls`; every
            problem is listed with its path.
        InvalidTypeError: `text` is neither text nor bytes, or `cls` is no
            type, or a rule's working value (`Facts`, `Draft`, `DraftStep`,
            `Letter`), of which no document is written.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise InvalidTypeError("text", text, "JSON text (str or bytes)")
    _check_kind(cls)
    try:
        data = read_json(text)
    except Unreadable as error:
        where = (
            "" if error.line is None else f"line {error.line} column {error.column}: "
        )
        raise InvalidDocumentError(
            _document(cls), [f"{where}{error.reason} (not JSON)"]
        ) from None
    return structure(data, cls)


def _problems(error: BaseException) -> list[str]:
    """Each problem in `error` on a line: ``$.steps[0].due: what is wrong``."""
    return [
        f"{path}: {_describe(problem, path, outer)}"
        for path, problem, outer in _found(error, "$", ())
    ]


#: A value being read, with its path: a document's, or one of its tables'.
_Enclosing = tuple[str, type[Any]]


def _found(
    error: BaseException, path: str, outer: tuple[_Enclosing, ...]
) -> Iterator[tuple[str, BaseException, tuple[_Enclosing, ...]]]:
    # `cattrs.transform_error`'s walk, with one step more: a field that
    # checks its own items names the bad one ("rules[1]"), which cattrs,
    # seeing one field, cannot.  The values it is inside go along, for a key
    # written in the wrong one of them.
    if isinstance(error, cattrs.IterableValidationError):
        items, bare = error.group_exceptions()
        inner = [(f"{path}[{note.index!r}]", problem) for problem, note in items]
        within = outer
    elif isinstance(error, cattrs.ClassValidationError):
        fields, bare = error.group_exceptions()
        inner = [
            (f"{path}.{note.name}{_within(problem, note.name, error.cl)}", problem)
            for problem, note in fields
        ]
        within = (*outer, (path, error.cl))
    else:
        yield path, error, outer
        return
    for where, problem in inner:
        yield from _found(problem, where, within)
    for problem in bare:
        yield path, problem, outer


def _within(problem: BaseException, name: str, owner: type[Any]) -> str:
    # "[1]" for a problem with the field "rules[1]" (or "FollowUpPlan.rules[1]")
    # in the field `rules`.
    if isinstance(problem, (InvalidValueError, InvalidTypeError)):
        for field in (name, f"{owner.__name__}.{name}"):
            beyond = problem.field[len(field) : len(field) + 1]
            if problem.field.startswith(field) and beyond in {"[", "."}:
                return problem.field[len(field) :]
    return ""


def _unknown_keys(
    keys: Iterable[object],
    kind: type[Any],
    path: str = "$",
    outer: tuple[_Enclosing, ...] = (),
) -> str:
    known = [field.name for field in attrs.fields(kind)]
    # A key from Python need not be text (JSON's always is); a key of
    # 100,000 characters is cut short, as a value is.
    return "; ".join(
        f"unknown key {_shown_key(key)}"
        + (
            _misplaced(key, path, outer) or did_you_mean(key, known)
            if isinstance(key, str)
            else ""
        )
        for key in sorted(keys, key=str)
    )


def _misplaced(key: str, path: str, outer: tuple[_Enclosing, ...]) -> str:
    """Where `key` belongs, if a value this table is inside has it.

    In TOML, the keys after a table's header are that table's: the
    interview's ``duration`` written below ``[interviewer]`` is read as the
    interviewer's, and "did you mean 'timezone'?" sends the user the wrong
    way.
    """
    for where, kind in reversed(outer):
        if key not in attrs.fields_dict(kind):
            continue
        table = path[len(where) + 1 :]
        if "[" in table:
            # An item of a list, whose TOML header is not its path.
            return ""
        return (
            f" (a key of the {_named(kind).lower()}, not of its {table}; in a TOML "
            f"file, write it above [{table}]: the keys below a table's header "
            "are that table's)"
        )
    return ""


def _detail(error: InvalidValueError | InvalidTypeError) -> str:
    if isinstance(error, NaiveDatetimeError) and error.problem.startswith(NO_ZONE):
        # A document's instant is text its writer typed (a TOML local
        # datetime too): "pass an aware datetime" is no help there.
        return f"{_shown(error.value)} {NO_ZONE_IN_TEXT}"
    return error.detail


def _describe(error: BaseException, path: str, outer: tuple[_Enclosing, ...]) -> str:
    if isinstance(error, (InvalidValueError, InvalidTypeError)):
        return _detail(error)
    if isinstance(error, FollowUpError):
        return str(error)
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return _unknown_keys(error.extra_fields, error.cl, path, outer)
    if isinstance(error, KeyError):
        return "required key is missing"
    if isinstance(error, TypeError) and "NoneType" in str(error):
        return "is null but a value is required"
    return f"{type(error).__name__}: {error}"


_SCHEMAS = ("interview", "event", "history", "batch-line")


def schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema shipped for input documents, by name.

    The names are ``interview``, ``event``, ``history`` and ``batch-line``
    (one line of a JSON Lines file of interviews).  Each call returns a
    schema of its own, to change as the caller likes.

    The schema is whole: the others it refers to by their ``$id`` (a history
    to its events, an event to the interview's instants) come with it under
    ``$defs``, each with its ``$id``, as JSON Schema 2020-12 bundles them.
    So a validator takes it as it is, ``jsonschema.validate(document,
    schema("batch-line"))``, and never looks for them on the network.  The
    files under ``followup/schemas/`` are the same schemas, one a file.

    >>> schema("interview")["title"]
    'followup interview'
    >>> sorted(schema("history")["$defs"])
    ['event.schema.json', 'interview.schema.json']
    """
    # A tuple, not a set: a name that is no text (a list) is then as unknown
    # as any other, not unhashable.
    if name not in _SCHEMAS:
        raise InvalidValueError(
            "name",
            name,
            "names no schema: the schemas are 'interview', 'event', 'history' "
            "and 'batch-line'",
        )
    # Parsed anew from the cached text: a dict handed to every caller would
    # carry one caller's changes to the next.
    loaded: dict[str, Any] = json.loads(_schema_text(name))
    bundled = {
        other: json.loads(_schema_text(other.removesuffix(".schema.json")))
        for other in sorted(_referred(loaded, set()))
    }
    if bundled:
        loaded.setdefault("$defs", {}).update(bundled)
    return loaded


def _referred(node: object, found: set[str]) -> set[str]:
    """The schema files `node` refers to (``interview.schema.json``), and theirs."""
    if isinstance(node, dict):
        target = node.get("$ref")
        if isinstance(target, str) and not target.startswith("#"):
            other = target.partition("#")[0]
            if other not in found:
                found.add(other)
                _referred(
                    json.loads(_schema_text(other.removesuffix(".schema.json"))), found
                )
        for value in node.values():
            _referred(value, found)
    elif isinstance(node, list):
        for value in node:
            _referred(value, found)
    return found


@functools.cache
def _schema_text(name: str) -> str:
    return (
        resources.files("followup")
        .joinpath(f"schemas/{name}.schema.json")
        .read_text(encoding="utf-8")
    )
