"""Drafts of the thank-you (A3, A4) and the follow-up letter (A5, A7-A9).

A draft is short, plain text that passes `check_letter` with the same rules,
in English, German, French or Spanish.  It greets the interviewer the way
the caller asks (full name, title and surname, first name; "hiring team"
only when no name is known), names the position, writes the date and time
of the call the way the recipient's locale writes them (date order, 12- or
24-hour clock) with a zone label no reader can take for another zone, and
picks one of a few phrasings from the interview itself, so the same input
always gives the same letter.  The follow-up falls back to more compact
wording when long names would push it past its line limit.

The wording does not depend on who writes: no adjective that French or
Spanish would inflect for the writer's gender ("intéressé", "interesado").
The user's strings (names, company, position, fit, topic) are inserted as
written and never interpreted: ``{0.__class__}``, ``%s`` and ``${x}`` come
out as they went in.
"""

from __future__ import annotations

import functools
import zlib
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, TypedDict

from followup._engine import check_letter
from followup._fields import single_line
from followup._interview import Interview, interview_there
from followup._languages import LANGUAGES, language_hint
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._vocabulary import Severity, StepKind
from followup._written_times import unambiguous_label
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = [
    "FIT_LENGTH",
    "GREETINGS",
    "Greeting",
    "Style",
    "draft_follow_up",
    "draft_thank_you",
    "letter_style",
    "written_day",
    "written_when",
]

#: The longest reason to fit a draft takes: one sentence.
FIT_LENGTH = 160
#: The longest topic of the call a thank-you names.
TOPIC_LENGTH = 120
#: The longest title before a surname ("Dr.", "Prof. Dr.", "Frau").
TITLE_LENGTH = 30

#: How a draft greets the interviewer.
Greeting = Literal["name", "title", "first-name"]
GREETINGS: Final[tuple[Greeting, ...]] = ("name", "title", "first-name")

_STOPS = (".", "!", "?", "…")


class _Words(NamedTuple):
    """What a draft says in one language; {placeholders} are filled in."""

    greet_name: str  # {dear} {name}
    greet_first: str
    greet_team: str
    sign_off: str
    when: str  # {date} {time} {zone}
    role: str  # {position}; {de}, in French: "de " or "d'"
    # {when} {role} {role_about} {company} {topic}; one is picked
    thank_you: tuple[str, ...]
    topic: str  # {topic}
    follow_up: tuple[str, ...]  # {when} {role} {company} {reason} {close}
    compact: str  # {when} {company} {reason}
    closes: tuple[str, ...]
    fit_given: str  # {fit}
    fit_general: str
    default_locale: str
    #: How "Dear" agrees with the person greeted: not known, a woman, a man.
    dear: tuple[str, str, str] = ("", "", "")
    #: The role where the sentence speaks about it ({role_about}): "speak
    #: with me about the X position", not "for the X position".
    role_about: str | None = None


# The topic of the call ({topic}: its sentence and a space before it, or
# nothing) comes before the sentence on the next steps, which closes the
# letter.  The date follows the interview it is the date of, and the
# position comes after it where the language would otherwise read the date
# as the position's ("le poste de X du lundi").
_WORDS: Final = {
    "en": _Words(
        greet_name="Dear {name},",
        greet_first="Dear {name},",
        greet_team="Dear Hiring Team,",
        sign_off="Best regards,",
        when="{date} at {time} {zone}",
        role=" for the {position} position",
        thank_you=(
            (
                "Thank you for the phone interview{role} on {when}. Our conversation "
                "confirmed my interest in {company}.{topic} I would be glad to hear "
                "about the next steps."
            ),
            (
                "Thank you for taking the time to speak with me{role_about} on "
                "{when}. I came away even more interested in {company}.{topic} I "
                "look forward to hearing about the next steps."
            ),
        ),
        topic="I especially enjoyed talking about {topic}.",
        follow_up=(
            (
                "I am writing to follow up on our phone interview{role} on {when}. I "
                "remain very interested in {company}. {reason} {close}"
            ),
        ),
        compact=(
            "Following up on our phone interview on {when}: I remain very "
            "interested in {company}. {reason}"
        ),
        closes=(
            "I would welcome the chance to discuss the next steps.",
            "I would be glad to talk about the next steps.",
        ),
        fit_given="I believe I am a strong fit: {fit}",
        fit_general="I believe my experience and skills fit the job well.",
        default_locale="en_US",
        role_about=" about the {position} position",
    ),
    "de": _Words(
        greet_name="Guten Tag {name},",
        greet_first="Hallo {name},",
        greet_team="Sehr geehrte Damen und Herren,",
        sign_off="Mit freundlichen Grüßen",
        when="{date} um {time} Uhr ({zone})",
        role=" für die Stelle als {position}",
        thank_you=(
            (
                "vielen Dank für das Telefoninterview{role} am {when}. Das Gespräch "
                "hat mein Interesse an {company} bestärkt.{topic} Ich freue mich auf "
                "die nächsten Schritte."
            ),
            (
                "herzlichen Dank, dass Sie sich am {when} Zeit für das Telefoninterview"
                "{role} genommen haben. Mein Interesse an {company} ist dadurch noch "
                "gewachsen.{topic} Ich freue mich, von Ihnen zu hören."
            ),
        ),
        # "Austausch", not "Gespräch": the sentence before it may say that.
        topic="Besonders interessant fand ich unseren Austausch über {topic}.",
        follow_up=(
            (
                "gerne komme ich auf unser Telefoninterview{role} am {when} zurück. "
                "Mein Interesse an {company} ist weiterhin groß. {reason} {close}"
            ),
        ),
        compact=(
            "ich komme auf unser Telefoninterview am {when} zurück: Mein Interesse "
            "an {company} ist weiterhin groß. {reason}"
        ),
        closes=(
            "Über ein weiteres Gespräch würde ich mich freuen.",
            "Gerne bespreche ich mit Ihnen die nächsten Schritte.",
        ),
        fit_given="Ich passe gut zur Stelle: {fit}",
        fit_general="Meine Erfahrung und meine Kenntnisse passen gut zur Stelle.",
        default_locale="de_DE",
    ),
    "fr": _Words(
        greet_name="Bonjour {name},",
        greet_first="Bonjour {name},",
        greet_team="Madame, Monsieur,",
        sign_off="Cordialement,",
        when="{date} à {time} ({zone})",
        role=" concernant le poste {de}{position}",
        thank_you=(
            (
                "Je vous remercie pour notre entretien téléphonique du {when}{role}. "
                "Notre échange a renforcé mon intérêt pour {company}.{topic} Je me "
                "réjouis de connaître la suite."
            ),
            (
                "Merci d'avoir pris le temps d'échanger avec moi le {when}{role}. Cet "
                "entretien a confirmé mon intérêt pour {company}.{topic} Je reste à "
                "votre disposition pour la suite."
            ),
        ),
        # "nos discussions", not "notre échange": the sentence before it
        # may say that.
        topic="J'ai particulièrement apprécié nos discussions sur {topic}.",
        follow_up=(
            (
                "Je reviens vers vous à la suite de notre entretien téléphonique du "
                "{when}{role}. Mon intérêt pour {company} reste entier. {reason} "
                "{close}"
            ),
        ),
        compact=(
            "Suite à notre entretien téléphonique du {when}, mon intérêt pour "
            "{company} reste entier. {reason}"
        ),
        closes=(
            "Je me tiens à votre disposition pour échanger sur la suite.",
            "Je reste à votre disposition pour un prochain échange.",
        ),
        fit_given="Mon profil correspond bien au poste : {fit}",
        fit_general="Mon expérience et mes compétences correspondent bien au poste.",
        default_locale="fr_FR",
    ),
    "es": _Words(
        greet_name="{dear} {name}:",
        greet_first="Hola, {name}:",
        greet_team="Estimado equipo de selección:",
        sign_off="Saludos cordiales,",
        when="{date} a las {time} ({zone})",
        role=" sobre el puesto de {position}",
        thank_you=(
            (
                "Muchas gracias por la entrevista telefónica del {when}{role}. La "
                "conversación reforzó mi interés en {company}.{topic} Me encantaría "
                "conocer los próximos pasos."
            ),
            (
                "Le agradezco el tiempo que me dedicó en la entrevista telefónica del "
                "{when}{role}. Mi interés en {company} es ahora aún mayor.{topic} "
                "Quedo a la espera de los próximos pasos."
            ),
        ),
        # Not "la conversación": the sentence before it may say that.
        topic="Disfruté especialmente de hablar sobre {topic}.",
        follow_up=(
            (
                "Le escribo para dar seguimiento a nuestra entrevista telefónica del "
                "{when}{role}. Mi interés en {company} sigue intacto. {reason} {close}"
            ),
        ),
        compact=(
            "En seguimiento a nuestra entrevista telefónica del {when}: mi interés "
            "en {company} sigue intacto. {reason}"
        ),
        closes=(
            "Me encantaría conversar sobre los próximos pasos.",
            "Quedo a su disposición para una próxima conversación.",
        ),
        fit_given="Creo que mi perfil encaja bien con el puesto: {fit}",
        fit_general=(
            "Creo que mi experiencia y mis habilidades encajan bien con el puesto."
        ),
        default_locale="es_ES",
        # "Buenos días" assumed the letter is read in the morning; "Estimado"
        # is the formal opening at any hour, and agrees with the title when
        # the title says whether it greets a woman or a man ("Estimada
        # Dra. García"), else it is written "Estimado/a", as Spanish forms do.
        dear=("Estimado/a", "Estimada", "Estimado"),
    ),
}


class Style(TypedDict, total=False):
    """How a draft is written: the keywords `draft_thank_you` takes for it."""

    language: str
    locale: str | None
    greeting: Greeting | None
    title: str | None


class _Style(NamedTuple):
    language: str
    locale: str
    greeting: Greeting
    title: str | None


def letter_style(interview: Interview, language: str, locale: str | None) -> _Style:
    """The language and locale a draft about `interview` is written in, checked."""
    return _style(interview, language, locale, "name", None)


def written_day(interview: Interview, locale: str) -> str:
    """The day of the call on the recipient's calendar, as `locale` writes it."""
    from babel.dates import format_date  # noqa: PLC0415

    start = interview_there(interview)
    return _plain_spaces(format_date(start.date(), "long", locale=locale))


def draft_thank_you(  # noqa: PLR0913 - the interview, and how to write to them
    interview: Interview,
    *,
    language: str = "en",
    locale: str | None = None,
    greeting: Greeting | None = None,
    title: str | None = None,
    topic: str | None = None,
) -> str:
    """Draft the thank-you email to send right after the call (A3, A4).

    `language` is ``en``, ``de``, ``fr`` or ``es``; `locale` (``en_GB``,
    ``de_AT``, ``fr_CA``...) sets how the date and time are written, by
    default the language in the interviewer's country when known, else
    ``en_US``, ``de_DE``, ``fr_FR``, ``es_ES``.  `greeting` is ``"name"``
    (the full name), ``"title"`` (`title` and surname: "Dear Dr. Hopper")
    or ``"first-name"``; by default it is ``"title"`` when a `title` is
    given, else ``"name"``; without a name it is the hiring team.  `topic`
    is something discussed on the call, named in a sentence of its own
    before the one on the next steps.

    >>> from followup import Contact, Interview
    >>> interview = Interview("Ada Lovelace", "Acme",
    ...                       "2026-11-23T10:00:00-05:00[America/New_York]",
    ...                       interviewer=Contact("Grace Hopper"))
    >>> draft = draft_thank_you(interview, title="Dr.")
    >>> print(draft.splitlines()[0])
    Dear Dr. Hopper,
    >>> "on Monday, November 23, 2026 at 10:00 AM EST." in draft
    True

    Raises:
        InvalidValueError: an unknown `language`, `locale` or `greeting`, a
            `locale` of another language or of a script other than Latin
            (``en_Dsrt``), a ``"title"`` greeting without `title`, a `title`
            with another greeting, or a `topic` or `title` that is empty,
            holds a line break or runs too long.
        InvalidTypeError: a `locale` that is not text.
    """
    style = _style(interview, language, locale, greeting, title)
    words = _WORDS[style.language]
    said = ""
    if topic is not None:
        topic = single_line(topic, "topic", most=TOPIC_LENGTH)
        said = " " + words.topic.format(topic=_clause(topic))
    variant = _pick(interview, StepKind.THANK_YOU, len(words.thank_you))
    body = _filled(
        words.thank_you[variant],
        **_roles(interview, words),
        when=written_when(interview, style.locale, words.when),
        company=interview.company,
        topic=said,
    )
    # A thank-you has no line limit and its sentences leave out the user's
    # strings, so one variant passes for every interview.
    return _letter(
        _greeting(interview, style), body, words.sign_off, interview.candidate
    )


def draft_follow_up(  # noqa: PLR0913 - the interview, and how to write to them
    interview: Interview,
    fit: str | None = None,
    *,
    rules: RuleSet = DEFAULT_RULES,
    language: str = "en",
    locale: str | None = None,
    greeting: Greeting | None = None,
    title: str | None = None,
) -> str:
    """Draft the follow-up letter for 2 to 3 days after the call (A5, A7-A9).

    `fit` is one sentence on why the candidate fits the job (A8), written as
    it should appear ("I have built payment systems for ten years"); without
    it the draft says so in general words.  It follows a colon: in English,
    French and Spanish its first word loses its capital when it is one of
    the language's ordinary openers ("My team" → "my team"; not "I", an
    acronym or any other word, which may be a name: "Python"), and in German
    a lower-case first letter takes one.
    Without a `fit`, the draft stays under the line limit of the rules
    (FU004's ``max_lines``) for every valid interview whose names are
    written in words of up to 40 characters, with the default rules; a
    longer word (a German compound) wraps badly, and under it or much
    tighter limits the most compact variant is returned, and
    `check_letter` says what is over.
    A `fit` that would push the letter over the limit (long names leave it
    little room) is refused rather than silently dropped.  `language`,
    `locale`, `greeting` and `title` are as for `draft_thank_you`.

    >>> from followup import Interview
    >>> interview = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00",
    ...                       position="data engineer")
    >>> draft = draft_follow_up(interview, fit="I have built pipelines for years")
    >>> draft.splitlines()[0], draft.splitlines()[-1]
    ('Dear Hiring Team,', 'Ada Lovelace')
    >>> "I believe I am a strong fit: I have built pipelines for years." in draft
    True

    Raises:
        InvalidValueError: `fit` is empty, holds a line break, is longer than
            `FIT_LENGTH` characters, or leaves the letter over its line limit
            where a draft without it would pass; or a style argument is
            refused as by `draft_thank_you`.
    """
    style = _style(interview, language, locale, greeting, title)
    if fit is not None:
        fit = single_line(fit, "fit", most=FIT_LENGTH)
    drafts = _follow_ups(interview, fit, style)
    draft = _first_passing(interview, StepKind.FOLLOW_UP, rules, drafts, style)
    if draft is not None:
        return draft
    if fit is not None and _first_passing(
        interview,
        StepKind.FOLLOW_UP,
        rules,
        _follow_ups(interview, None, style),
        style,
    ):
        raise InvalidValueError(
            "fit",
            fit,
            "leaves no draft under the follow-up's line limit with these names; "
            "shorten it",
        )
    return drafts[-1]


def _follow_ups(interview: Interview, fit: str | None, style: _Style) -> list[str]:
    """The follow-up drafts, from the fullest to the most compact."""
    words = _WORDS[style.language]
    if fit is None:
        reason = words.fit_general
    else:
        fit = _after_colon(fit, style.language)
        reason = words.fit_given.format(fit=_sentence(fit))
    when = written_when(interview, style.locale, words.when)
    close = words.closes[_pick(interview, StepKind.FOLLOW_UP, len(words.closes))]
    full = _filled(
        words.follow_up[0],
        **_roles(interview, words),
        when=when,
        company=interview.company,
        reason=reason,
        close=close,
    )
    compact = _filled(
        words.compact, when=when, company=interview.company, reason=reason
    )
    greeting = _greeting(interview, style)
    candidate = interview.candidate
    return [
        _letter(greeting, full, words.sign_off, candidate),
        _letter(greeting, compact, words.sign_off, candidate),
        # The sign-off and the name on one line, and no blank lines: the
        # greeting keeps the interviewer's name however long it is.
        f"{greeting}\n{compact}\n{words.sign_off.rstrip(',')}, {candidate}",
    ]


def _first_passing(
    interview: Interview,
    kind: StepKind,
    rules: RuleSet,
    drafts: Iterable[str],
    style: _Style,
) -> str | None:
    for draft in drafts:
        findings = check_letter(
            draft, interview, kind, rules=rules, language=style.language
        )
        if not any(finding.severity is Severity.ERROR for finding in findings):
            return draft
    return None


def _style(
    interview: Interview,
    language: str,
    locale: str | None,
    greeting: Greeting | None,
    title: str | None,
) -> _Style:
    # Every draft starts here, and reads the interview's fields at once: a
    # None passed by mistake would fail as an AttributeError deep inside.
    if not isinstance(interview, Interview):
        raise InvalidTypeError("interview", interview, "an Interview")
    if language not in LANGUAGES:
        raise InvalidValueError(
            "language",
            language,
            f"is not a language drafts are written in ({', '.join(LANGUAGES)})"
            + language_hint(language, locales=True),
        )
    if greeting is None:
        # A title is given to be written: it asks for its greeting, as
        # `--title` alone does on the command line.
        greeting = "name" if title is None else "title"
    if greeting not in GREETINGS:
        raise InvalidValueError(
            "greeting", greeting, f"is not a greeting ({', '.join(GREETINGS)})"
        )
    if title is not None:
        title = single_line(title, "title", most=TITLE_LENGTH)
        if greeting != "title":
            # A title the greeting does not use would be dropped without a word.
            raise InvalidValueError(
                "title", title, f"goes with the 'title' greeting, not '{greeting}'"
            )
    elif greeting == "title":
        raise InvalidValueError(
            "title",
            title,
            "given, but the 'title' greeting needs one (say 'Dr.' or 'Ms.')",
        )
    return _Style(language, _locale(interview, language, locale), greeting, title)


def _locale(interview: Interview, language: str, locale: str | None) -> str:
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    if locale is not None:
        # Checked here, where every letter and subject reads it: a number
        # passed by mistake would otherwise fail inside `str.replace`.
        if not isinstance(locale, str):
            raise InvalidTypeError("locale", locale, "a locale name (str)")
        try:
            parsed = Locale.parse(locale.replace("-", "_"))
        except (ValueError, TypeError, UnknownLocaleError):
            raise InvalidValueError(
                "locale", locale, "is not a locale Babel knows"
            ) from None
        if parsed.language != language:
            raise InvalidValueError(
                "locale", locale, f"is not a locale of the language '{language}'"
            )
        if parsed.script not in {None, "Latn"}:
            # English in Deseret or Shavian (en_Dsrt, en_Shaw): Babel would
            # write the date in that script, which no reader of the draft,
            # nor `check_letter`, takes for the date of the interview.
            raise InvalidValueError(
                "locale",
                locale,
                f"writes the {parsed.get_script_name('en')} script; drafts are "
                "written, and checked, in the Latin script",
            )
        return str(parsed)
    contact = interview.interviewer
    if contact is not None and contact.country is not None:
        candidate = f"{language}_{contact.country}"
        if _known_locale(candidate):
            return candidate
    return _WORDS[language].default_locale


@functools.cache
def _known_locale(name: str) -> bool:
    from babel import localedata  # noqa: PLC0415

    return bool(localedata.exists(name))


def _greeting(interview: Interview, style: _Style) -> str:
    words = _WORDS[style.language]
    contact = interview.interviewer
    if contact is None or contact.name is None:
        return words.greet_team
    name = _read_name(contact.name)
    if style.greeting == "title" and style.title is not None and name.words:
        surname = " ".join(_surname(name, style.language))
        return _greeted(words, f"{style.title} {surname}", style.title)
    given = _given_name(name)
    if style.greeting == "first-name" and given is not None:
        return words.greet_first.format(name=given)
    return _greeted(words, name.written, " ".join(name.titles))


def _greeted(words: _Words, name: str, title: str) -> str:
    """The formal greeting of `name`, "Dear" agreeing with `title` where it must."""
    first = title.split(maxsplit=1)[0] if title.strip() else ""
    key = first.replace(".", "").casefold()
    dear = words.dear[1 if key in _WOMEN else 2 if key in _MEN else 0]
    return words.greet_name.format(dear=dear, name=name)


#: What may follow a name and is no part of it: "Jr.", "III", "Ph.D.".
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})

#: What may come before a name in the four languages, and is no given name:
#: "Dr.", "Frau", "Mme", "Sra.", spelled out or abbreviated, and the degrees
#: German and Austrian letters put there ("Mag.", "Dipl.-Ing.").  Stops and
#: case do not count.  A lone initial ("M.") is left alone: it may be the
#: given name's.
_TITLES = frozenset(
    {
        *("mr", "mrs", "ms", "mx", "miss", "mister", "madam", "sir", "dame"),
        *("dr", "doctor", "prof", "professor"),
        *("herr", "frau", "doktor", "mag", "ing", "dipl-ing", "dr-ing"),
        *("monsieur", "madame", "mademoiselle", "mme", "mlle", "docteur"),
        *("professeur", "professeure", "maître", "pr"),
        *("sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña"),
        *("dra", "doctora", "profesor", "profesora", "lic", "licda", "lcdo"),
        *("lcda", "arq"),
    }
)
#: Titles that greet a woman or a man, for a greeting that agrees with them
#: ("Estimada Dra. García", "Estimado Sr. Núñez").
_WOMEN = frozenset(
    {
        *("sra", "srta", "señora", "señorita", "doña", "dra", "doctora"),
        *("profesora", "licda", "lcda", "mrs", "ms", "miss", "madam", "dame"),
        *("frau", "madame", "mademoiselle", "mme", "mlle", "professeure"),
    }
)
_MEN = frozenset(
    {
        *("sr", "señor", "don", "dr", "doctor", "profesor", "lcdo", "mr"),
        *("mister", "sir", "herr", "monsieur"),
    }
)

#: Words that belong to the surname they come before: "von der Leyen", "de
#: Gaulle", "da Vinci", "Ó Briain".  Only as words of their own, and the
#: lower-case ones only in lower case: "Van Morrison" has a given name "Van".
_PARTICLES = frozenset(
    {
        *("von", "vom", "zu", "zum", "zur", "van", "der", "den", "ter", "ten"),
        *("te", "de", "del", "della", "dei", "degli", "delle", "di", "da"),
        *("dal", "dalla", "dos", "das", "do", "du", "des", "la", "le", "las"),
        *("los", "al", "bin", "ibn"),
    }
)
#: Irish and Scottish particles, capitalised: a particle after the first
#: word only, since "Mac" or "Nic" first may be what the person is called.
_CAPITAL_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Mac", "Mhic", "Uí"})
#: Words that join two surnames into one: "Ortega y Gasset", "Puig i
#: Cadafalch", "Silva e Sousa".
_JOINERS = frozenset({"y", "e", "i"})


class _Name(NamedTuple):
    """A name as a greeting reads it."""

    #: As the greeting writes it whole: in reading order ("Hopper, Grace"
    #: is "Grace Hopper") and as given otherwise.
    written: str
    #: The titles before it ("Dr.", "Frau"), which the greeting may agree with.
    titles: list[str]
    #: Its words in reading order, the given name first, no title, no suffix.
    words: list[str]
    #: Where the surname starts in `words`, when the name says so by being
    #: written surname first ("von der Leyen, Ursula").
    surname_at: int | None


def _is_suffix(word: str) -> bool:
    return word.replace(".", "").casefold() in _SUFFIXES


def _is_title(word: str) -> bool:
    return word.replace(".", "").casefold() in _TITLES


def _untitled(words: list[str], titles: list[str], *, keep: int) -> list[str]:
    """`words` past the titles they start with, which go to `titles`.

    At least `keep` words stay: "Dr." alone, or "Don" before one word,
    may be what the person is called.
    """
    start = 0
    while start < len(words) - keep and _is_title(words[start]):
        start += 1
    titles.extend(words[:start])
    return words[start:]


def _read_name(name: str) -> _Name:
    """`name` read as people write it, titles and suffixes apart.

    "Martin Luther King Jr." and "Grace Hopper, PhD" end on the surname
    without what follows it; "Hopper, Grace" is read as "Grace Hopper".
    """
    segments = [segment.split() for segment in name.split(",")]
    suffixes: list[str] = []
    while len(segments) > 1 and all(map(_is_suffix, segments[-1])):
        suffixes.insert(0, " ".join(segments.pop()))
    titles: list[str] = []
    if len(segments) == 2 and segments[0] and segments[1]:  # "Hopper, Grace"
        surname = _untitled(_unsuffixed(segments[0]), titles, keep=1)
        given = _untitled(_unsuffixed(segments[1]), titles, keep=0)
        words = [*given, *surname]
        # Written in reading order, the suffix kept where English puts it:
        # "King, Martin Luther, Jr." greets "Martin Luther King, Jr.".
        written = ", ".join([" ".join([*titles, *words]), *suffixes])
        return _Name(written, titles, words, len(given))
    words = [word for segment in segments for word in segment]
    words = _untitled(_unsuffixed(words), titles, keep=1)
    return _Name(name, titles, words, None)


def _unsuffixed(words: list[str]) -> list[str]:
    end = len(words)
    while end > 1 and _is_suffix(words[end - 1]):
        end -= 1
    return words[:end]


def _is_particle(words: list[str], at: int) -> bool:
    """Whether `words[at]` belongs to the surname that follows it."""
    word = words[at]
    if at == len(words) - 1:
        return False  # nothing follows: it is the surname itself
    if at > 0 and words[at - 1] in _PARTICLES and word.casefold() in _PARTICLES:
        return True  # capitalised after a particle: "Jean de La Fontaine"
    return word in _PARTICLES or (at > 0 and word in _CAPITAL_PARTICLES)


def _surnames(words: list[str]) -> list[list[str]]:
    """`words` cut into names, each with the particles before it.

    "Ursula von der Leyen" is [Ursula] [von der Leyen], "José Ortega y
    Gasset" [José] [Ortega y Gasset].
    """
    names: list[list[str]] = []
    pending: list[str] = []
    for at, word in enumerate(words):
        if word in _JOINERS and names and not pending and at < len(words) - 1:
            pending = [*names.pop(), word]
        elif _is_particle(words, at):
            pending.append(word)
        else:
            names.append([*pending, word])
            pending = []
    return names


def _surname(name: _Name, language: str) -> list[str]:
    """The words of the surname, the particles before it with it.

    In Spanish a name of a given name and two surnames ("José Núñez
    García") is greeted by both: the first is the one people go by, the
    second the one the last word would take, so both is never wrong.  That
    reads a compound given name and one surname ("María José López") as
    "José López"; written surname first, "López, María José", it is read
    as the name says.
    """
    if name.surname_at is not None and name.surname_at < len(name.words):
        return name.words[name.surname_at :]
    names = _surnames(name.words)
    if language == "es" and len(names) > _A_GIVEN_NAME_AND_A_SURNAME:
        return [*names[-2], *names[-1]]
    return names[-1]


_A_GIVEN_NAME_AND_A_SURNAME = 2


def _given_name(name: _Name) -> str | None:
    """The given name among a name's words, past any title.

    None when there is none to tell: no words, a title and a surname alone
    ("Dr. Hopper"), or a surname alone ("de la Cruz"), which the greeting
    then writes as given.
    """
    words = name.words
    if name.surname_at is not None:
        return words[0] if name.surname_at > 0 else None
    if not words or _is_particle(words, 0):
        return None
    if name.titles and len(_surnames(words)) < _A_GIVEN_NAME_AND_A_SURNAME:
        return None
    return words[0]


def _roles(interview: Interview, words: _Words) -> dict[str, str]:
    """The `role` and `role_about` placeholders: the position, when known."""
    position = interview.position
    if not position:
        return {"role": "", "role_about": ""}
    # French elides "de" before a vowel: "poste d'analyste".
    de = "d'" if _elides(position) else "de "
    role = words.role.format(position=position, de=de)
    about = words.role_about
    return {
        "role": role,
        "role_about": role if about is None else about.format(position=position),
    }


#: The starts of French words whose "h" is mute ("d'horloger", "d'hôtesse").
#: Before any other "h" nothing is elided: English words ("head of
#: growth", "hacker"), the most frequent in job titles, keep their "h".
_MUTE_H = ("hab", "hé", "hô", "hor", "hui", "his", "hyd", "hyg", "hom", "hum", "herb")


def _elides(word: str) -> bool:
    """Whether French elides "de" before `word`: it starts with a vowel sound."""
    folded = word.casefold()
    return folded[:1] in set("aàâäeéèêëiîïoôöuùûüœæ") or folded.startswith(_MUTE_H)


def _after_colon(fit: str, language: str) -> str:
    """`fit` as it reads after the colon that introduces it.

    A German full sentence after a colon starts with a capital; English,
    French and Spanish go on in lower case.  A capital is dropped only from
    a first word that is one of the language's ordinary openers ("My",
    "With", "Mon", "J'ai", "Mi", "Tengo"): any other capitalised word may
    be a name ("Python", "Kubernetes", "Acme's platform"), and is kept as
    the user wrote it.
    """
    if language == "de":
        if fit[:1].islower() and not fit[1:2].isupper():
            return fit[0].upper() + fit[1:]
        return fit
    first = fit.split(maxsplit=1)[0]
    if not first[:1].isupper() or first[1:2].isupper():
        return fit
    word = first.casefold()
    for apostrophe in _APOSTROPHES:
        # "J'ai", "L'équipe": the elided word is the opener.
        head, mark, _ = word.partition(apostrophe)
        if mark:
            word = f"{head}'"
            break
    if word.strip(".,;:!?…") not in _OPENERS.get(language, frozenset()):
        return fit
    return fit[0].lower() + fit[1:]


#: Words that open an ordinary sentence, never a name: after a colon they
#: go on in lower case.  "I" is no opener: it keeps its capital.
_OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "my",
            "our",
            "with",
            "in",
            "over",
            "as",
            "during",
            "for",
            "having",
            "after",
            "since",
            "the",
            "a",
            "an",
            "at",
            "both",
            "most",
            "these",
            "this",
            "that",
            "each",
            "every",
            "through",
            "from",
            "while",
            "when",
            "across",
            "on",
            "by",
            "years",
            "several",
            "many",
            "all",
            "leading",
            "building",
            "working",
        ]
    ),
    "fr": frozenset(
        [
            "mon",
            "ma",
            "mes",
            "notre",
            "nos",
            "avec",
            "en",
            "depuis",
            "pendant",
            "durant",
            "après",
            "ayant",
            "comme",
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "dans",
            "chez",
            "par",
            "grâce",
            "plus",
            "je",
            "j'",
            "l'",
            "d'",
            "c'",
            "ce",
            "cette",
            "ces",
            "cela",
            "nous",
            "au",
            "aux",
            "sur",
            "tout",
            "toute",
            "tous",
            "toutes",
            "fort",
            "forte",
        ]
    ),
    "es": frozenset(
        [
            "mi",
            "mis",
            "nuestro",
            "nuestra",
            "nuestros",
            "nuestras",
            "con",
            "en",
            "durante",
            "desde",
            "tras",
            "como",
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "unos",
            "unas",
            "he",
            "tengo",
            "soy",
            "llevo",
            "gracias",
            "por",
            "al",
            "del",
            "todo",
            "toda",
            "todos",
            "todas",
            "este",
            "esta",
            "estos",
            "estas",
            "yo",
            "cuento",
            "aporto",
            "trabajé",
            "trabajo",
        ]
    ),
}


#: The typewriter apostrophe and the typographic one (U+2019).
_APOSTROPHES = ("'", "\u2019")


def _pick(interview: Interview, kind: StepKind, choices: int) -> int:
    """One of `choices` phrasings, the same for the same interview every time."""
    key = f"{interview.candidate}\x1f{interview.company}\x1f{kind.value}"
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % choices


def _letter(greeting: str, body: str, sign_off: str, candidate: str) -> str:
    return f"{greeting}\n\n{body}\n\n{sign_off}\n{candidate}"


def written_when(
    interview: Interview, locale: str, form: str = "{date} {time} {zone}"
) -> str:
    """The date and time of the call on the recipient's calendar, written for `locale`.

    The zone is one no reader can take for another (`unambiguous_label`).
    """
    start = interview_there(interview)
    date, time = _date_and_time(start, locale)
    return form.format(date=date, time=time, zone=unambiguous_label(start))


def _date_and_time(start: dt.datetime, locale: str) -> tuple[str, str]:
    from babel.dates import format_date, format_time  # noqa: PLC0415

    # Babel writes narrow no-break spaces ("10:00 AM"); a plain-text email
    # reads better, and is read back alike, with plain ones.
    date = format_date(start.date(), "full", locale=locale)
    time = format_time(start.time(), "short", locale=locale)
    if locale.partition("_")[0] == "es":
        # CLDR writes "lunes, 23 de noviembre" as a date stands alone; in a
        # sentence ("del lunes 23 de noviembre") Spanish has no comma there.
        weekday = format_date(start.date(), "EEEE", locale=locale)
        if date.startswith(f"{weekday}, "):
            date = weekday + date[len(weekday) + 1 :]
    return _plain_spaces(date), _plain_spaces(time)


def _plain_spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _filled(template: str, **values: str) -> str:
    """`template` with its placeholders filled in, and no stop after a stop.

    A value that ends a sentence and ends with a stop of its own ("Acme
    Inc.") takes the place of the template's full stop: "interested in Acme
    Inc.", not "Acme Inc..".
    """
    for name, value in values.items():
        if value.endswith(_STOPS):
            template = template.replace(f"{{{name}}}.", f"{{{name}}}")
    return template.format(**values)


def _sentence(text: str) -> str:
    return text if text.endswith(_STOPS) else f"{text}."


def _clause(text: str) -> str:
    return text[:-1] if text.endswith(_STOPS) else text
