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
from followup._facts import recipient_zone
from followup._fields import single_line
from followup._interview import Interview
from followup._languages import LANGUAGES
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._time import local
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

    greet_name: str
    greet_first: str
    greet_team: str
    sign_off: str
    when: str  # {date} {time} {zone}
    role: str  # {position}
    thank_you: tuple[str, ...]  # {when} {role} {company}; one is picked
    topic: str  # {topic}
    follow_up: tuple[str, ...]  # {when} {role} {company} {reason} {close}
    compact: str  # {when} {company} {reason}
    closes: tuple[str, ...]
    fit_given: str  # {fit}
    fit_general: str
    default_locale: str


_WORDS: Final = {
    "en": _Words(
        greet_name="Dear {name},",
        greet_first="Dear {name},",
        greet_team="Dear hiring team,",
        sign_off="Best regards,",
        when="{date} at {time} {zone}",
        role=" for the {position} position",
        thank_you=(
            (
                "Thank you for the phone interview{role} on {when}. Our conversation "
                "confirmed my interest in {company}, and I would be glad to hear about "
                "the next steps."
            ),
            (
                "Thank you for taking the time to speak with me{role} on {when}. I "
                "came away even more interested in {company} and look forward to "
                "hearing about the next steps."
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
                "hat mein Interesse an {company} bestärkt, und ich freue mich auf die "
                "nächsten Schritte."
            ),
            (
                "herzlichen Dank, dass Sie sich am {when} Zeit für das Telefoninterview"
                "{role} genommen haben. Ich bin an {company} nun noch mehr "
                "interessiert und freue mich, von Ihnen zu hören."
            ),
        ),
        topic="Besonders gefreut hat mich das Gespräch über {topic}.",
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
        fit_given="Ich passe gut zu der Stelle: {fit}",
        fit_general="Meine Erfahrung und meine Kenntnisse passen gut zu der Stelle.",
        default_locale="de_DE",
    ),
    "fr": _Words(
        greet_name="Bonjour {name},",
        greet_first="Bonjour {name},",
        greet_team="Madame, Monsieur,",
        sign_off="Cordialement,",
        when="{date} à {time} ({zone})",
        role=" pour le poste de {position}",
        thank_you=(
            (
                "Je vous remercie pour l'entretien téléphonique{role} du {when}. Notre "
                "échange a renforcé mon intérêt pour {company}, et je me réjouis de "
                "connaître la suite."
            ),
            (
                "Merci d'avoir pris le temps d'échanger avec moi{role} le {when}. Cet "
                "entretien a confirmé mon intérêt pour {company} ; je reste à votre "
                "disposition pour la suite."
            ),
        ),
        topic="J'ai particulièrement apprécié notre échange sur {topic}.",
        follow_up=(
            (
                "Je reviens vers vous après notre entretien téléphonique{role} du "
                "{when}. Mon intérêt pour {company} reste entier. {reason} {close}"
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
        greet_name="Buenos días, {name}:",
        greet_first="Hola, {name}:",
        greet_team="Estimado equipo de selección:",
        sign_off="Saludos cordiales,",
        when="{date} a las {time} ({zone})",
        role=" para el puesto de {position}",
        thank_you=(
            (
                "Muchas gracias por la entrevista telefónica{role} del {when}. La "
                "conversación reforzó mi interés en {company} y me encantaría conocer "
                "los próximos pasos."
            ),
            (
                "Le agradezco el tiempo que me dedicó en la entrevista telefónica"
                "{role} del {when}. Mi interés en {company} es ahora aún mayor y "
                "quedo a la espera de los próximos pasos."
            ),
        ),
        topic="Disfruté especialmente de la conversación sobre {topic}.",
        follow_up=(
            (
                "Le escribo en seguimiento a nuestra entrevista telefónica{role} del "
                "{when}. Mi interés en {company} sigue intacto. {reason} {close}"
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
    ),
}


class Style(TypedDict, total=False):
    """How a draft is written: the keywords `draft_thank_you` takes for it."""

    language: str
    locale: str | None
    greeting: Greeting
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

    start = local(interview.at, recipient_zone(interview))
    return _plain_spaces(format_date(start.date(), "long", locale=locale))


def draft_thank_you(  # noqa: PLR0913 - the interview, and how to write to them
    interview: Interview,
    *,
    language: str = "en",
    locale: str | None = None,
    greeting: Greeting = "name",
    title: str | None = None,
    topic: str | None = None,
) -> str:
    """Draft the thank-you email to send right after the call (A3, A4).

    `language` is ``en``, ``de``, ``fr`` or ``es``; `locale` (``en_GB``,
    ``de_AT``, ``fr_CA``...) sets how the date and time are written, by
    default the language in the interviewer's country when known, else
    ``en_US``, ``de_DE``, ``fr_FR``, ``es_ES``.  `greeting` is ``"name"``
    (the full name), ``"title"`` (`title` and surname: "Dear Dr. Hopper")
    or ``"first-name"``; without a name it is the hiring team.  `topic` is
    something discussed on the call, named in a sentence of its own.

    >>> from followup import Contact, Interview
    >>> interview = Interview("Ada Lovelace", "Acme",
    ...                       "2026-11-23T10:00:00-05:00[America/New_York]",
    ...                       interviewer=Contact("Grace Hopper"))
    >>> draft = draft_thank_you(interview, greeting="title", title="Dr.")
    >>> print(draft.splitlines()[0])
    Dear Dr. Hopper,
    >>> "on Monday, November 23, 2026 at 10:00 AM EST." in draft
    True

    Raises:
        InvalidValueError: an unknown `language`, `locale` or `greeting`, a
            `locale` of another language or of a script other than Latin
            (``en_Dsrt``), a ``"title"`` greeting without `title`, or a
            `topic` or `title` that is empty, holds a line break or runs too
            long.
        InvalidTypeError: a `locale` that is not text.
    """
    style = _style(interview, language, locale, greeting, title)
    words = _WORDS[style.language]
    variant = _pick(interview, StepKind.THANK_YOU, len(words.thank_you))
    body = _filled(
        words.thank_you[variant],
        role=_role(interview, words),
        when=written_when(interview, style.locale, words.when),
        company=interview.company,
    )
    if topic is not None:
        topic = single_line(topic, "topic", most=TOPIC_LENGTH)
        body = f"{body} {words.topic.format(topic=_clause(topic))}"
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
    greeting: Greeting = "name",
    title: str | None = None,
) -> str:
    """Draft the follow-up letter for 2 to 3 days after the call (A5, A7-A9).

    `fit` is one sentence on why the candidate fits the job (A8), written as
    it should appear ("I have built payment systems for ten years"); without
    it the draft says so in general words.  Without a `fit`, the draft stays
    under the line limit of the rules (FU004's ``max_lines``) for every
    valid interview whose names are written in words of up to 40
    characters, with the default rules; a longer word (a German compound)
    wraps badly, and under it or much tighter limits the most compact
    variant is returned, and `check_letter` says what is over.
    A `fit` that would push the letter over the limit (long names leave it
    little room) is refused rather than silently dropped.  `language`,
    `locale`, `greeting` and `title` are as for `draft_thank_you`.

    >>> from followup import Interview
    >>> interview = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00",
    ...                       position="data engineer")
    >>> draft = draft_follow_up(interview, fit="I have built pipelines for years")
    >>> draft.splitlines()[0], draft.splitlines()[-1]
    ('Dear hiring team,', 'Ada Lovelace')
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
        reason = words.fit_given.format(fit=_sentence(fit))
    when = written_when(interview, style.locale, words.when)
    close = words.closes[_pick(interview, StepKind.FOLLOW_UP, len(words.closes))]
    full = _filled(
        words.follow_up[0],
        role=_role(interview, words),
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
    greeting: Greeting,
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
            f"is not a language drafts are written in ({', '.join(LANGUAGES)})",
        )
    if greeting not in GREETINGS:
        raise InvalidValueError(
            "greeting", greeting, f"is not a greeting ({', '.join(GREETINGS)})"
        )
    if title is not None:
        title = single_line(title, "title", most=TITLE_LENGTH)
    elif greeting == "title":
        raise InvalidValueError(
            "title", title, "is needed for the 'title' greeting (say 'Dr.' or 'Ms.')"
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
    name = contact.name
    parts = _name_words(name)
    if style.greeting == "title" and parts:
        return words.greet_name.format(name=f"{style.title} {parts[-1]}")
    given = _given_name(parts)
    if style.greeting == "first-name" and given is not None:
        return words.greet_first.format(name=given)
    return words.greet_name.format(name=name)


#: What may follow a name and is no part of it: "Jr.", "III", "Ph.D.".
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})

#: What may come before a name in the four languages, and is no given name:
#: "Dr.", "Frau", "Mme", "Sra.".  A lone initial ("M.") is left alone: it
#: may be the given name's.
_TITLES = frozenset(
    {
        *("mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "dame"),
        *("herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dra", "don", "doña"),
    }
)


def _is_suffix(word: str) -> bool:
    return word.replace(".", "").casefold() in _SUFFIXES


def _is_title(word: str) -> bool:
    return word.replace(".", "").casefold() in _TITLES


def _given_name(words: list[str]) -> str | None:
    """The given name among a name's words (`_name_words`), past any title.

    None when there is none to tell: no words, or a title and a surname
    alone ("Dr. Hopper"), which the greeting then writes as given.
    """
    start = 0
    while start < len(words) - 1 and _is_title(words[start]):
        start += 1
    if not words or (start and len(words) - start < 2):
        return None
    return words[start]


def _name_words(name: str) -> list[str]:
    """The words of `name` in reading order, the given name first, no suffix.

    "Martin Luther King Jr." and "Grace Hopper, PhD" end on the surname
    without what follows it; "Hopper, Grace" is read as "Grace Hopper".
    """
    segments = [segment.split() for segment in name.split(",")]
    while len(segments) > 1 and all(map(_is_suffix, segments[-1])):
        segments.pop()
    if len(segments) == 2:  # the surname first: "Hopper, Grace"
        words = [*segments[1], *segments[0]]
    else:
        words = [word for segment in segments for word in segment]
    while len(words) > 1 and _is_suffix(words[-1]):
        words.pop()
    return words


def _role(interview: Interview, words: _Words) -> str:
    position = interview.position
    return words.role.format(position=position) if position else ""


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
    start = local(interview.at, recipient_zone(interview))
    date, time = _date_and_time(start, locale)
    return form.format(date=date, time=time, zone=unambiguous_label(start))


def _date_and_time(start: dt.datetime, locale: str) -> tuple[str, str]:
    from babel.dates import format_date, format_time  # noqa: PLC0415

    # Babel writes narrow no-break spaces ("10:00 AM"); a plain-text email
    # reads better, and is read back alike, with plain ones.
    date = format_date(start.date(), "full", locale=locale)
    time = format_time(start.time(), "short", locale=locale)
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
