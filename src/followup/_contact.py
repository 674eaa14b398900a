"""The interviewer: who the follow-up goes to, and on which calendar."""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, final

import attrs

from followup._fields import NAME_LENGTH, optional_single_line
from followup._time import coerce_zone_name
from followup._trusted import rebuilder
from followup.errors import InvalidTypeError, InvalidValueError, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["Contact"]


def _email(value: str | None) -> str | None:
    return _email_address(value)


def _email_address(value: object, field: str = "Contact.email") -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "an email address (str)")
    # Imported here: email-validator pulls in dnspython, which `import
    # followup` should not pay for.
    import email_validator  # noqa: PLC0415

    try:
        return _normalized_email(value.strip())
    except email_validator.EmailNotValidError as error:
        raise InvalidValueError(
            field, value, f"is not a valid email address: {error}"
        ) from None


# A tracker names the same interviewers in many applications: each address
# and number is checked once (about 50 and 30 µs) and its answer kept.  A
# refused one raises, and is not kept.
_CHECKED_CONTACTS = 4096


@functools.lru_cache(maxsize=_CHECKED_CONTACTS)
def _normalized_email(text: str) -> str:
    import email_validator  # noqa: PLC0415 - see `_email_address`

    return str(
        email_validator.validate_email(text, check_deliverability=False).normalized
    )


def _zone_name(value: str | None) -> str | None:
    return None if value is None else coerce_zone_name(value, "Contact.timezone")


@functools.lru_cache(maxsize=1)
def country_codes() -> Mapping[str, str]:
    """Every code holidays has a calendar for, to its ISO 3166-1 alpha-2 code.

    Aliases and alpha-3 codes included: ``UK`` and ``GBR`` are ``GB``,
    ``USA`` is ``US``.  A contact keeps the alpha-2 code, which phone
    numbers, the letters' locale and the JSON Schema read.
    """
    if "holidays.registry" not in sys.modules:
        # Importing holidays costs 35-60 ms (its version through
        # importlib.metadata, its base classes) before a contact could say
        # whether "US" is a country: read the registry's table instead.
        found = _codes_in_registry_file()
        if found:
            return found
    from holidays import registry  # noqa: PLC0415 - loaded, or only now

    return _alpha_2(names[1:] for names in registry.COUNTRIES.values())


def _alpha_2(countries: Iterable[Sequence[str]]) -> Mapping[str, str]:
    # Each country's codes, its alpha-2 code first (then alpha-3, aliases);
    # longer names are the classes holidays also offers.
    return {
        code: codes[0] for codes in countries for code in codes if 2 <= len(code) <= 3
    }


def _codes_in_registry_file() -> Mapping[str, str] | None:
    """The codes of ``holidays.registry.COUNTRIES``, read without importing it.

    The registry holds them as a literal table, one country a line:
    ``"united_states": ("UnitedStates", "US", "USA"),`` (the class, then
    its codes and aliases).  Reading it takes about a millisecond.  `None`
    when the file is not where a plain installation puts it, or reads
    otherwise: the caller then imports the registry.
    """
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.submodule_search_locations:
            return None
        # Read as the import system reads a module's source (from a folder
        # or a zip file alike), without running it.
        get_data = getattr(spec.loader, "get_data", None)
        if get_data is None:
            return None
        where = next(iter(spec.submodule_search_locations))
        text = get_data(str(Path(where, "registry.py"))).decode("utf-8")
    except (ImportError, OSError, ValueError):
        return None
    start = text.find("\nCOUNTRIES: RegistryDict = {\n")
    end = text.find("\n}\n", start)
    if start < 0 or end < 0:
        return None
    codes = _alpha_2(
        _QUOTED.findall(names)[1:] for names in _ENTRY.findall(text, start, end)
    )
    # A table that reads as nothing, or without the best-known code, is not
    # the one this expects.
    return codes if codes.get("US") == "US" else None


_ENTRY = re.compile(r"\(([^()]*)\)")
_QUOTED = re.compile(r'"([^"]*)"')


@functools.cache
def subdivisions_of(code: str) -> tuple[str, ...]:
    """The subdivisions holidays knows for a country code of `country_codes`."""
    # Only for a contact that names a subdivision: the country's module,
    # loaded as its plan would load it.
    from followup._country_calendars import country_class  # noqa: PLC0415

    return tuple(country_class(code).subdivisions)


def subdivision_aliases(code: str) -> dict[str, str]:
    """Other names holidays gives the subdivisions of `code`: ``Kedah`` for ``02``."""
    from followup._country_calendars import country_class  # noqa: PLC0415

    # Newer releases of holidays have them; an older one, none.
    aliases = getattr(country_class(code), "subdivisions_aliases", None) or {}
    return {str(alias): str(sub) for alias, sub in aliases.items()}


def _country(value: str | None) -> str | None:
    return _country_code(value)


def _country_code(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError("Contact.country", value, "an ISO 3166 code (str)")
    code = country_codes().get(value.strip().upper())
    if code is None:
        raise InvalidValueError(
            "Contact.country",
            value,
            "is not an ISO 3166-1 alpha-2 code with a public-holiday calendar "
            "(e.g. 'US', 'GB', 'DE')",
        )
    return code


def _contact_name(value: str | None) -> str | None:
    return optional_single_line(value, "Contact.name", most=NAME_LENGTH)


def _contact_subdivision(value: str | None) -> str | None:
    return optional_single_line(value, "Contact.subdivision")


@final
@attrs.frozen
class Contact:
    """The interviewer, as the advice asks the candidate to note them (A2).

    Every detail is optional (a recruiter may be known by an email address
    and a time zone alone), but a contact must hold one: missing details
    never stop planning, they come back as findings, and a letter to a
    contact without a name greets the hiring team.  The email address is
    validated and normalised (the domain is lower-cased; no network look-up
    is made) and the phone number is kept in E.164.  A number written
    without ``+`` needs `country` to be read.
    `timezone` (an IANA name) puts the plan on the interviewer's calendar;
    `country` (ISO 3166-1 alpha-2) and `subdivision` select public holidays.

    >>> grace = Contact("Grace Hopper", email="grace@example.com",
    ...                 phone="+1 212 555 0123")
    >>> grace.phone
    '+12125550123'
    """

    name: str | None = attrs.field(default=None, converter=_contact_name)
    email: str | None = attrs.field(default=None, converter=_email)
    phone: str | None = attrs.field(default=None)
    timezone: str | None = attrs.field(default=None, converter=_zone_name)
    country: str | None = attrs.field(default=None, converter=_country)
    subdivision: str | None = attrs.field(default=None, converter=_contact_subdivision)

    def __attrs_post_init__(self) -> None:
        if all(value is None for value in contact_values(self)):
            raise InvalidValueError(
                "Contact",
                "",
                "holds nothing: give a name, an email address, a phone number, "
                "a time zone or a country",
            )
        # The phone number needs the country to be read, and converters see
        # one field only; E.164 reads back to itself, so evolve stays stable.
        if self.phone is not None:
            object.__setattr__(self, "phone", _phone(self.phone, self.country))
        if self.subdivision is not None:
            object.__setattr__(
                self, "subdivision", _subdivision(self.subdivision, self.country)
            )

    def __reduce__(self) -> tuple[Callable[..., Contact], tuple[ContactValues]]:
        return contact_from, (contact_values(self),)


#: A contact as plain values, in field order, for pickling.
ContactValues: TypeAlias = tuple[
    str | None, str | None, str | None, str | None, str | None, str | None
]


def contact_values(contact: Contact) -> ContactValues:
    """The fields of `contact` as plain values: `contact_from` rebuilds it."""
    return (
        contact.name,
        contact.email,
        contact.phone,
        contact.timezone,
        contact.country,
        contact.subdivision,
    )


_new_contact = rebuilder(Contact)


def contact_from(values: ContactValues) -> Contact:
    """Rebuild a pickled contact, validated when it was first made."""
    # Name, email, phone, zone, country and subdivision: the fields in order.
    return _new_contact(*values)


def _phone(value: object, country: str | None) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError("Contact.phone", value, "a phone number (str)")
    return _e164(value, country)


@functools.lru_cache(maxsize=_CHECKED_CONTACTS)
def _e164(value: str, country: str | None) -> str:
    import phonenumbers  # noqa: PLC0415 - large metadata; only when a phone is given

    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        hint = "" if country else "; write it with + and the country code"
        raise InvalidValueError(
            "Contact.phone", value, f"is not a phone number{hint}"
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidValueError("Contact.phone", value, "is not a valid phone number")
    e164: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    # E.164 holds no extension: kept after it as RFC 3966 writes one
    # ("+12125550123;ext=4567"), which reads back the same.  Dropped, the
    # call would reach the switchboard, not the interviewer.
    if not number.extension:
        return e164
    # In ASCII digits, as RFC 3966 and the number itself have them.
    return f"{e164};ext={phonenumbers.normalize_digits_only(number.extension)}"


def _subdivision(value: str, country: str | None) -> str:
    if country is None:
        raise InvalidValueError(
            "Contact.subdivision", value, "needs Contact.country to be set"
        )
    known = subdivisions_of(country)
    # Most codes are capitals (NY, ENG), some are names ("Zone A",
    # "Augsburg"): match regardless of case and keep holidays' spelling.
    names = {name.casefold(): name for name in known}
    # Composed, as holidays spells its names: a Mac's file names and some
    # keyboards give "Zürich" as "Zu" and a combining diaeresis.
    wanted = unicodedata.normalize("NFC", value.strip()).casefold()
    # ISO 3166-2 writes the country in front ("US-CA"); the holidays package
    # does not, and "US-CA" was answered with another state ('SC').
    code = names.get(wanted) or names.get(wanted.removeprefix(f"{country.casefold()}-"))
    if code is None:
        # A name holidays knows the subdivision by ("Kedah", "California",
        # "Scotland", "Zürich"), as the docs' own examples name them.
        aliases = {
            unicodedata.normalize("NFC", alias).casefold(): sub
            for alias, sub in subdivision_aliases(country).items()
        }
        code = aliases.get(wanted)
    if code is None:
        raise InvalidValueError(
            "Contact.subdivision",
            value,
            f"is not a subdivision of {country}{did_you_mean(value.upper(), known)}",
        )
    return code
