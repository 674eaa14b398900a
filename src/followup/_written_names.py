"""Names as a letter writes them: the candidate's, the company's, anyone's.

A name is found as whole words, in the plain text (no case, no accents,
entities decoded: ``Zoe`` for ``Zoë``, ``AT&T`` for ``AT&amp;T``), with a
hyphen and a space alike (``Jean Luc`` for ``Jean-Luc``) and a possessive
allowed (``Acme's``).  A name inside an email address or a link does not
count: ``ada@acme.com`` names no one.

A company is also named without its legal form (``Greenfield Foods`` for
``Greenfield Foods, Inc.``), without a trailing generic word when what is
left is a word of four letters or more (``Quillon`` for ``Quillon
Analytics``), and by any alias the caller gives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from followup._languages import plain, starts_a_word

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["company_forms", "mask_addresses", "names_in", "spaced"]

# Legal forms, plain and without their final stop, longest first.
_LEGAL_FORMS: Final = (
    "gmbh & co. kg",
    "s.a. de c.v",
    "sa de cv",
    "pty ltd",
    "incorporated",
    "corporation",
    "limited",
    "company",
    "s.a.r.l",
    "s.p.a",
    "s.r.l",
    "s.a.s",
    "l.l.c",
    "sarl",
    "gmbh",
    "ltda",
    "corp",
    "b.v",
    "n.v",
    "s.a",
    "s.l",
    "s.c",
    "inc",
    "llc",
    "llp",
    "ltd",
    "plc",
    "sas",
    "slu",
    "spa",
    "srl",
    "pty",
    "ag",
    "kg",
    "se",
    "sa",
    "sl",
    "co",
    "lp",
    "bv",
    "nv",
    "oy",
    "ab",
)
_LEGAL_FORM: Final = re.compile(
    r"[\s,]+(?:" + "|".join(re.escape(form) for form in _LEGAL_FORMS) + r")\.?$"
)
# Words that say what a company does, not which company it is.
_GENERIC: Final = frozenset(
    [
        "analytics",
        "foods",
        "labs",
        "lab",
        "laboratories",
        "group",
        "technologies",
        "technology",
        "tech",
        "systems",
        "solutions",
        "software",
        "consulting",
        "consultants",
        "partners",
        "holdings",
        "bank",
        "media",
        "health",
        "healthcare",
        "robotics",
        "energy",
        "logistics",
        "logistik",
        "conseil",
        "textiles",
        "industries",
        "international",
        "global",
        "services",
        "studios",
        "studio",
        "capital",
        "ventures",
        "networks",
        "digital",
        "insurance",
        "pharma",
        "pharmaceuticals",
        "motors",
        "airlines",
        "works",
        "gruppe",
        "beratung",
        "groupe",
        "conseils",
        "soluciones",
        "grupo",
        "servicios",
    ]
)
_SHORTEST_SHORT_FORM = 4
# From the start of a run only: tried inside a long word, the run before the
# "@" would be scanned again from each of its letters (quadratic).
_ADDRESS: Final = re.compile(
    r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>()\[\]]+"
)


def company_forms(company: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The plain forms that name `company`: as given, shortened, and aliases.

    >>> company_forms("Quillon Analytics, Inc.")
    ('quillon analytics, inc.', 'quillon analytics', 'quillon')
    """
    full = plain(company).strip()
    forms = [full]
    short = full
    while (match := _LEGAL_FORM.search(short)) and match.start() > 0:
        # The match takes the commas and spaces before the form with it.
        short = short[: match.start()]
        forms.append(short)
    words = short.split()
    if len(words) > 1 and words[-1] in _GENERIC:
        rest = " ".join(words[:-1])
        if sum(character.isalpha() for character in rest) >= _SHORTEST_SHORT_FORM:
            forms.append(rest)
    forms.extend(plain(alias).strip() for alias in aliases)
    return tuple(dict.fromkeys(form for form in forms if form))


def spaced(folded: str) -> str:
    r"""`folded` with every run of spaces and hyphens one space: how names are read.

    None is left at either end.  `str.split` splits at the white space a
    pattern's "\s" matches, in C, several times faster than the pattern.

    >>> spaced(" jean-luc \t picard - ")
    'jean luc picard'
    """
    return " ".join(folded.replace("-", " ").split())


def names_in(forms: Iterable[str], text: str) -> bool:
    """Whether any of `forms` is in `text` as whole words.

    The forms are plain, `spaced` and stripped; so is the text, or it is
    plain and written with single spaces.  Plain string search, no pattern
    to compile: a letter names people and companies that the next letter
    does not.
    """
    for form in forms:
        found = text.find(form)
        while found >= 0:
            end = found + len(form)
            if starts_a_word(text, found) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_")
            ):
                return True
            found = text.find(form, found + 1)
    return False


def mask_addresses(folded: str) -> str:
    """`folded` with email addresses and links blanked out."""
    if "@" not in folded and "www." not in folded and "://" not in folded:
        return folded
    return _ADDRESS.sub(" ", folded)
