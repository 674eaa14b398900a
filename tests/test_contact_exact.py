"""Contacts: pickling keeps the subdivision; the registry table is read exactly.

The country codes come from holidays' registry file, read as text: only the
table under its own heading counts, wherever it sits in the file, and only
codes of two or three letters are codes.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import pickle

import pytest

from followup import Contact
from followup._contact import _codes_in_registry_file, _e164, _normalized_email
from followup.errors import InvalidValueError, UnknownTimeZoneError
from followup.json import from_json, to_json
from test_scale import codes_in_registry

TABLE = '\nCOUNTRIES: RegistryDict = {\n    "united_states": ("UnitedStates", "US", "USA", "USAX", "U"),\n}\n'


def test_a_pickled_contact_keeps_its_subdivision():
    grace = Contact("Grace", country="US", subdivision="NY")
    again = pickle.loads(pickle.dumps(grace))
    assert again == grace
    assert again.subdivision == "NY"


def test_no_holidays_package_found_reads_nothing(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert _codes_in_registry_file() is None


@pytest.mark.parametrize(
    "text",
    [
        TABLE,  # the heading on the file's first line
        "import x\n" + TABLE,
        "OTHER = {\n    'a': ('A', 'AB'),\n}\n" + TABLE,  # another table before
    ],
    ids=["first-line", "after-imports", "after-another-table"],
)
def test_the_table_under_its_heading_gives_codes_of_two_or_three_letters(
    tmp_path, monkeypatch, text
):
    assert codes_in_registry(tmp_path, monkeypatch, text) == {"US": "US", "USA": "US"}


def test_entries_without_the_heading_are_not_taken(tmp_path, monkeypatch):
    text = '    "united_states": ("UnitedStates", "US"),\n}\n'
    assert codes_in_registry(tmp_path, monkeypatch, text) is None


def test_an_address_and_a_number_are_checked_once_and_a_refusal_every_time() -> None:
    _normalized_email.cache_clear()
    _e164.cache_clear()
    for _ in range(3):
        contact = Contact("Grace", email=" Grace@Example.COM ", phone="+1 212 555 0123")
        assert contact.email == "Grace@example.com"
        assert contact.phone == "+12125550123"
    assert _normalized_email.cache_info()[:2] == (2, 1)  # hits, misses
    assert _e164.cache_info()[:2] == (2, 1)
    for _ in range(2):
        with pytest.raises(
            InvalidValueError, match=r"Contact\.email: 'not an address'"
        ):
            Contact("Grace", email="not an address")
        with pytest.raises(InvalidValueError, match=r"Contact\.phone: '123'"):
            Contact("Grace", phone="123", country="US")
    assert _normalized_email.cache_info().currsize == 1
    assert _e164.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("given", "kept"), [("UK", "GB"), ("gbr", "GB"), ("USA", "US"), ("DEU", "DE")]
)
def test_a_country_alias_is_kept_as_its_alpha_2_code(given, kept):
    # Kept as written, "UK" and "USA" reached phonenumbers and the letters'
    # locale, which know neither, and the schema refused what to_json wrote.
    contact = Contact("Grace", country=given)
    assert contact.country == kept
    assert contact == Contact("Grace", country=kept)


def test_a_national_number_is_read_in_the_country_an_alias_names():
    assert Contact("Grace", country="USA", phone="212 555 0123").phone == "+12125550123"


@pytest.mark.parametrize(
    "written", [" Asia/Kolkata", "Asia/Kolkata ", "\tAsia/Kolkata\n"]
)
def test_a_zone_with_spaces_around_it_is_the_zone(written):
    # As a name's or an instant's spaces are none of it: a zone copied out of
    # a spreadsheet cell often ends in one.
    contact = Contact("Grace Hopper", timezone=written)
    assert contact.timezone == "Asia/Kolkata"
    assert contact == Contact("Grace Hopper", timezone="Asia/Kolkata")


def test_spaces_inside_a_zone_name_are_still_refused():
    with pytest.raises(UnknownTimeZoneError, match=r"^Contact\.timezone: "):
        Contact("Grace Hopper", timezone="Asia/ Kolkata")


@pytest.mark.parametrize(
    ("given", "country", "kept"),
    [
        ("+1 212 555 0123 ext. 4567", None, "+12125550123;ext=4567"),
        ("(212) 555-0123 x12", "US", "+12125550123;ext=12"),
        ("+12125550123;ext=4567", None, "+12125550123;ext=4567"),
        ("+44 20 7946 0958 #77", None, "+442079460958;ext=77"),
        (
            "+1 212 555 0123 ext. \uff14\uff15\uff16\uff17",
            None,
            "+12125550123;ext=4567",
        ),
        (
            "+1 212 555 0123 ext. \u0664\u0665\u0666\u0667",
            None,
            "+12125550123;ext=4567",
        ),
        ("+1 212 555 0123", None, "+12125550123"),
    ],
)
def test_a_phone_extension_is_kept_after_the_number(given, country, kept):
    # E.164 holds no extension; dropped, the call reaches the switchboard.
    contact = Contact("Grace Hopper", phone=given, country=country)
    assert contact.phone == kept
    # It reads back the same, from JSON and as given again.
    assert from_json(to_json(contact), Contact) == contact
    assert Contact("Grace Hopper", phone=kept).phone == kept


@pytest.mark.parametrize(
    ("country", "given", "kept"),
    [
        ("MY", "Kedah", "02"),
        ("MY", "kdh", "02"),
        ("GB", "Scotland", "SCT"),
        ("US", "California", "CA"),
        ("CH", "Zürich", "ZH"),
        # Decomposed: "u" and a combining diaeresis, as a Mac may give it.
        ("CH", "Zu\u0308rich", "ZH"),
        ("DE", "Baden-Wu\u0308rttemberg", "BW"),
        ("US", "US-CA", "CA"),
        ("MY", "02", "02"),
    ],
)
def test_a_subdivision_is_given_by_its_code_or_a_name_holidays_knows(
    country, given, kept
):
    assert Contact("Dana", country=country, subdivision=given).subdivision == kept


def test_a_subdivision_no_name_fits_is_refused_with_a_code():
    with pytest.raises(InvalidValueError) as raised:
        Contact("Dana", country="US", subdivision="Calif")
    assert str(raised.value) == (
        "Contact.subdivision: 'Calif' is not a subdivision of US (did you mean 'CA'?)"
    )
