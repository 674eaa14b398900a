"""How a letter names a company or a person: the forms looked for, and where.

Each case pins one decision of `followup._written_names`; the letters of
tests/letters show them at work.
"""

from __future__ import annotations

import pytest

from followup._written_names import company_forms, mask_addresses, names_in


@pytest.mark.parametrize(
    ("company", "forms"),
    [
        # The legal form goes, with the comma before it.
        ("Acme, Inc.", ("acme, inc.", "acme")),
        ("X Inc.", ("x inc.", "x")),
        (
            "Quillon Analytics GmbH",
            ("quillon analytics gmbh", "quillon analytics", "quillon"),
        ),
        # Two legal forms, one after the other.
        ("Grupo Norte S.A. de C.V.", ("grupo norte s.a. de c.v.", "grupo norte")),
        # A generic last word goes when four letters or more are left.
        ("Blue Sky Analytics", ("blue sky analytics", "blue sky")),
        ("Acme Analytics", ("acme analytics", "acme")),
        ("Abc Analytics", ("abc analytics",)),
        ("Solutions", ("solutions",)),
        # Without a generic last word the name stays whole.
        ("Acme Rockets", ("acme rockets",)),
    ],
)
def test_a_company_is_named_with_and_without_its_legal_form(company, forms):
    assert company_forms(company) == forms


def test_aliases_are_forms_of_their_own():
    assert company_forms("Acme", ("ACME Corp", " Wile E. ")) == (
        "acme",
        "acme corp",
        "wile e.",
    )


@pytest.mark.parametrize(
    ("forms", "text", "named"),
    [
        (["ada"], "thanks, ada.", True),
        (["ada"], "ada_lovelace", False),
        (["ada"], "ada2", False),
        (["ada"], "nevada ada", True),
        (["box"], "my inbox", False),
        (["al"], "also", False),
        (["ada lovelace", "ada"], "- ada", True),
    ],
)
def test_a_name_counts_only_as_whole_words(forms, text, named):
    assert names_in(forms, text) is named


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("see www.acme.com now", "see   now"),
        ("mail ada@acme.io today", "mail   today"),
        ("at https://acme.io/jobs.", "at  "),
        ("no address at acme", "no address at acme"),
    ],
)
def test_addresses_and_links_are_blanked_out(text, masked):
    assert mask_addresses(text) == masked
