"""The phrases that thank, show interest and give a reason to fit (A4, A8).

A list of words cannot know what a letter means, so what it finds is only a
warning.  Each language has, for each element, the *phrases* that say it
and the *phrases that look like it but do not*: "finding the right fit" is
said of someone else, "not interested in relocating" is no interest, "a
great experience" is no experience the candidate brings.  The negative
phrases are taken out of the text first; any positive one left counts,
unless a negation word of its language comes a few words before it
("no longer interested", "ya no me interesa") or just after it ("my
experience does not match", "mi experiencia ya no encaja": interest and fit
only).

Entries are regular expressions over the plain text (lower case, no
accents: `followup._languages.plain`), matched at the start of a word; a
stem ("appreciat") matches every word it starts.  Each list gives the
commonest ways first, since they are looked for in that order.  They were
written for the letters of tests/letters and are documented in
docs/letters.md; a plugin rule that wants others reads `Letter.plain`
itself.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, final

import attrs

from followup._languages import starts_a_word

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["ELEMENTS", "LEXICON", "Element", "Phrases", "expresses"]

Element = Literal["thanks", "interest", "fit"]
ELEMENTS: Final[tuple[Element, ...]] = ("thanks", "interest", "fit")


class Phrases(NamedTuple):
    """What says an element, and what only looks as if it did."""

    says: tuple[str, ...]
    not_: tuple[str, ...] = ()


_ARTICLE_EN = r"(?:the|a|an|your|their)"
# Years of doing something are a reason to fit, in any of the four languages.
_YEARS = {
    "en": r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many)\+? (?:full )?years?\b(?! ago)",
    "de": r"(?:\d+|einem|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|mehreren|vielen|uber \w+) jahren?\b",
    "fr": r"(?:\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|plusieurs) (?:annees|ans)\b",
    "es": r"(?:\d+|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|varios) anos\b",
}
# What the candidate did, said in the first person: a result is a reason.
_DID_EN = (
    "built|led|managed|shipped|designed|developed|delivered|worked|spent|run|ran|"
    "grown|grew|launched|taught|written|wrote|write|scaled|automated|reduced|cut|"
    "migrated|coordinated|maintained|maintain|onboarded|trained|created|"
    "implemented|improved|increased|saved|mentored|supervised|handled|organi[sz]ed|"
    "negotiated|sold|closed|planned|analy[sz]ed|optimi[sz]ed|deployed|architected|"
    "owned|oversaw|overseen|produced|published|won|earned|achieved|raised|"
    "established|introduced|streamlined|doubled|tripled|halved|taken|took"
)
_DID_DE = (
    "geplant|gesenkt|ubergeben|geleitet|aufgebaut|entwickelt|verantwortet|umgesetzt|"
    "eingefuhrt|betreut|gefuhrt|gesteigert|optimiert|realisiert|implementiert|"
    "programmiert|verkauft|abgeschlossen|koordiniert|gestaltet|erstellt|konzipiert|"
    "automatisiert|reduziert|verbessert|geschult|migriert|gearbeitet|verdoppelt|"
    "gewonnen|eingefuhrt|betreue|leite|verantworte"
)
_ADJECTIVE_EN = r"(?:right|best|perfect|ideal|good|great|suitable|strongest|top)"

LEXICON: Final[dict[str, dict[Element, Phrases]]] = {
    "en": {
        "thanks": Phrases(
            says=("thank", "grateful", "gratitude", "appreciat", "many thanks"),
            not_=(
                r"thanks to (?!you\b|your\b)",
                r"no,? thanks",
                r"thank(?:s|ing)? (?:my|our|his|her|their) (?!time)",
            ),
        ),
        "interest": Phrases(
            says=(
                "interest",
                "excit",
                "enthusias",
                "keen",
                "eager",
                "look(?:ing)? forward",
                "would love",
                "(?:i'd|i would|i'll|i will) (?:really )?(?:love|like) to",
                "love to",
                "join",
                "passion",
                "thrill",
                "motivat",
                "energi[sz]ed",
                "(?:exactly|precisely|just) the (?:kind|type|sort) of (?:opportunity|role|position|work|team|job)",
                r"(?:exactly|precisely|just) (?:the (?:[\w-]+ ){1,3}|what )(?:i|i'm|i am|i've|i have) (?:want|hope|would|am|'m|have been|'ve been|looking|seeking)",
                "i (?:really )?want to (?:take on|work on|be doing|join|help)",
                "(?:opportunity|role|position|job) (?:that )?i(?:'ve been| have been| am|'m) (?:seeking|looking for|hoping for)",
                "appeal",
                "drawn to",
                "inspir",
                "can't wait",
                "cannot wait",
                "hope to (?:hear|work|be part)",
                "want to (?:work|be part|contribute)",
                "be part of",
                "a great match",
                "(?:would|'d) (?:really |truly )?enjoy",
                "delighted to",
                "where i (?:hope|want|would like) to",
                "glad to (?:join|contribute|be part)",
            ),
            not_=(
                r"(?:not|no longer|never|hardly|less) (?:be |really |very |that |all that |too )?(?:interested|excited|keen|eager|enthusiastic|motivated)",
                # "can't" is no negation word ("I can't wait to join"), so
                # the one way it denies interest is listed whole.
                r"(?:can't|cannot|can not) (?:honestly |really |truly )?say (?:that )?(?:i'm|i am|i'd be|i would be|i've been|i have been) (?:very |really |that |all that |too |particularly |especially |overly )?(?:interested|excited|keen|eager|enthusiastic|motivated)",
                r"lost (?:my |all )?interest",
                r"interest rates?",
                r"conflicts? of interest",
                r"in the interest of",
                r"interests? (?:include|are|outside)",
                r"(?:my|personal|other) interests",
                r"joined",
            ),
        ),
        "fit": Phrases(
            says=(
                r"fit\b",
                "fits",
                "experience",
                "skill",
                "background",
                "qualif",
                "match",
                "suited",
                "strength",
                "bring",
                "contribut",
                "track record",
                "expertise",
                "years of",
                "proficien",
                _YEARS["en"],
                rf"i(?:'ve| have| had)? (?:\w+ly )?(?:also )?(?:{_DID_EN})\b",
                "hit the ground running",
                "maps? (?:closely |directly |well )?(?:to|onto)",
                "the core of the (?:job|role|work)",
                "prepared me",
                "in my (?:current|previous|last) (?:role|job|position)",
                "my work (?:on|at|with)",
                "familiar with",
                "versed in",
                "hands-on",
                "(?:well|uniquely) placed",
                "equipped",
                "align",
            ),
            not_=(
                rf"(?:find|finding|found|identify|identifying|hire|hiring|select|selecting|choose|choosing|pick|picking) {_ARTICLE_EN} {_ADJECTIVE_EN} (?:fit|match|candidate|person|people|profile)",
                rf"{_ADJECTIVE_EN} fit for (?:the|your) (?:team|role|position)(?=[^.]*\b(?:find|search|luck|wish))",
                r"(?:a|an|the|this|such a) (?:great|wonderful|pleasant|positive|good|lovely|nice|fantastic|enjoyable|interesting|valuable|insightful) (?:interview )?experience",
                r"interview experience",
                r"candidate experience",
                r"experience (?:of )?(?:speaking|talking|meeting|chatting)",
                r"bring (?:me|us) (?:up to|back)",
                r"(?:if|whether) (?:i|my \w+) (?:am|is|would be) a (?:good |great )?(?:fit|match)",
                r"match(?:ed|ing)? (?:your|the) (?:schedule|time|calendar|availability)",
            ),
        ),
    },
    "de": {
        "thanks": Phrases(
            says=("dank", "bedank", "schatze (?:es|ihre)", "wertschatz"),
            not_=(r"dank (?:meiner|meinem|meines|der|dem|des|seiner|ihrer eigenen) ",),
        ),
        "interest": Phrases(
            says=(
                "interess",
                "freue mich",
                "freuen (?:mich|uns|wurde)",
                "wurde mich (?:sehr )?freuen",
                "begeister",
                "motiviert",
                "reizt mich",
                "reizvoll",
                "spannend",
                "gerne? (?:bei|fur|teil|mitarbeit|einbringen|zum team|ins team|in ihr team|mitwirken)",
                "mitzuwirken",
                "mitarbeiten",
                "teil (?:ihres|des) teams",
                "uberzeugt mich",
                "genau die (?:art|stelle|position|aufgabe)",
                "wunschstelle",
                r"(?:kann|konnte) ich mir (?:\w+ ){0,3}(?:gut )?vorstellen",
                "lust (?:auf|darauf|hatte|habe)",
                r"(?:grosse|viel) lust",
            ),
            not_=(
                r"(?:kein|keinerlei) interesse",
                r"nicht (?:mehr |sehr |besonders )?(?:interessiert|motiviert|begeistert)",
                r"zinsen",
                r"interessenkonflikt",
            ),
        ),
        "fit": Phrases(
            says=(
                "erfahrung",
                "kenntnis",
                "fahigkeit",
                "kompetenz",
                "qualifik",
                "passe (?:gut|sehr gut|ideal|hervorragend)",
                "passt (?:gut|sehr gut|ideal|hervorragend)",
                "bringe",
                "einbringen",
                "hintergrund",
                "expertise",
                _YEARS["de"],
                rf"(?:habe|hatte) (?:[^\s.!?]+ ){{0,12}}?(?:{_DID_DE})\b",
                rf"ich (?:{_DID_DE})\b",
                r"(?:betreue|leite|verantworte|entwickle|fuhre|manage|koordiniere|plane) ich\b",
                r"seit (?:19|20)\d\d\b",
                "verfuge uber",
                "vertraut mit",
                "staerke",
                "starke",
                "profil",
            ),
            not_=(
                r"(?:die|den|der|eine|einen) (?:passende|passenden|richtige|richtigen|ideale|idealen|geeignete|geeigneten) (?:person|besetzung|kandidat|kandidatin|kandidaten|profil)",
                r"viel erfolg bei der (?:suche|auswahl)",
                r"(?:angenehme|schone|gute|tolle|positive) erfahrung",
                r"(?:ihr|ihrem|ihren|das) profil",
            ),
        ),
    },
    "fr": {
        "thanks": Phrases(
            says=("merci", "remerci", "reconnaissan", "gratitude"),
            not_=(r"grace a (?:mon|ma|mes) ",),
        ),
        "interest": Phrases(
            says=(
                "interess",
                "interet",
                "motiv",
                "enthousias",
                "envie de",
                "ravie? de (?:rejoindre|contribuer|travailler|poursuivre|faire partie)",
                "rejoindre",
                "passionn",
                "impatien",
                "me tient a coeur",
                "attire",
                "souhaite (?:vivement )?(?:integrer|rejoindre|contribuer|travailler)",
                "j'aimerais (?:beaucoup )?(?:rejoindre|contribuer|travailler|integrer)",
                "exactement le (?:type|genre) de",
                "(?:poste|role|opportunite) (?:que je recherche|qui me correspond)",
            ),
            not_=(
                r"(?:ne|n')\s?(?:suis|serais|etais)? ?(?:plus |pas )(?:interesse|motive)",
                r"pas (?:interesse|motive)",
                r"taux d'interet",
                r"conflit d'interets?",
            ),
        ),
        "fit": Phrases(
            says=(
                "experience",
                "competence",
                "parcours",
                "correspond",
                "atout",
                "savoir-faire",
                "maitris",
                "apporter",
                "expertise",
                "formation",
                "qualification",
                _YEARS["fr"],
                "j'ai (?:[\\w'-]+ ){0,6}?(?:mene|dirige|developpe|concu|pilote|gere|encadre|mis en place|lance|construit|cree|reduit|augmente|vendu|coordonne|forme|organise|realise)",
                "m'ont (?:appris|permis|forme)",
                "operationnel",
                "mon profil",
                "adequation",
                "familier",
            ),
            not_=(
                r"(?:trouver|trouviez|trouverez|identifier) (?:le|la|un|une) (?:bon|bonne|meilleur|meilleure|candidat|candidate|personne|profil)(?: \w+)?",
                r"(?:le|la) (?:bon|bonne|meilleur|meilleure) (?:profil|candidat|candidate|personne)",
                r"(?:belle|agreable|bonne|excellente|enrichissante) experience",
            ),
        ),
    },
    "es": {
        "thanks": Phrases(
            says=("gracias", "agradec", "agradezco", "gratitud"),
            not_=(r"gracias a (?:mi|mis) ",),
        ),
        "interest": Phrases(
            says=(
                "interes",
                "entusias",
                "ilusion",
                "motiv",
                "sumarme",
                "encantaria",
                "me gustaria (?:mucho )?(?:formar|unirme|trabajar|incorporarme|contribuir|ser parte)",
                "unirme",
                "formar parte",
                "incorporarme",
                "emocion",
                "con ganas de",
                "deseo (?:de )?(?:formar|unirme|trabajar|contribuir|incorporarme)",
                "exactamente el tipo de",
                "apasion",
            ),
            not_=(
                r"no (?:me )?(?:estoy |sigo |estaria )?(?:interes|motivad)",
                r"tasas? de interes",
                r"conflicto de intereses",
            ),
        ),
        "fit": Phrases(
            says=(
                "experiencia",
                "habilidad",
                "conocimiento",
                "encaj",
                "aportar",
                "trayectoria",
                "competencia",
                "formacion",
                "dominio",
                "mi perfil",
                _YEARS["es"],
                "he (?:\\w+ ){0,3}?(?:liderado|dirigido|desarrollado|disenado|gestionado|implementado|creado|coordinado|trabajado|vendido|reducido|aumentado)",
                "(?:coordine|reduje|lidere|trabaje|dirigi|gestione|desarrolle|implemente|disene|logre|aumente|vendi|ensene|cree|organice|implante|lleve)\\b",
                "cualificad",
                "calificad",
                "fortaleza",
            ),
            not_=(
                r"(?:encontrar|encuentren|encontrando|hallar) (?:al|el|la|a la|un|una) (?:candidato|candidata|perfil|persona)(?: \w+)?",
                r"(?:candidato|candidata|perfil|persona) (?:ideal|idoneo|idonea|adecuado|adecuada)",
                r"(?:buena|grata|excelente|agradable|bonita) experiencia",
            ),
        ),
    },
}


@final
@attrs.frozen
class _Compiled:
    r"""One list of phrases (what says an element, or what only seems to), compiled.

    Every phrase begins with plain text ("thank", "look" of "look(?:ing)?")
    or with a choice of plain texts ("(?:exactly|precisely|just) the ...",
    "(?:\d+|one|two) years").  Those beginnings are found with `str.find`,
    which runs far faster than a regular expression stepping through the
    letter, and the phrases are tried only where one begins a word.
    """

    starts: tuple[str, ...]  # the beginnings, none starting with another
    phrases: re.Pattern[str]  # every phrase, tried where a beginning is

    @classmethod
    def of(cls, phrases: tuple[str, ...]) -> _Compiled:
        """Compile `phrases`; a phrase with no plain beginning is a `ValueError`.

        The beginnings are looked for in the order of the phrases: the lists
        give the commonest ways of saying a thing first, so that a letter
        that says it is found out after a few searches, not all of them.
        """
        beginnings = [start for phrase in phrases for start in _beginnings(phrase)]
        # "look" finds every place "looking" would: keep the shortest, where
        # the first beginning it stands for was.  (Of the beginnings a text
        # starts with, the shortest is also the first in sorted order.)
        shortest = {
            start: min(other for other in beginnings if start.startswith(other))
            for start in beginnings
        }
        starts = dict.fromkeys(shortest[start] for start in beginnings)
        return cls(tuple(starts), re.compile("|".join(phrases)))

    def matches(
        self, folded: str, low: int = 0, high: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The phrases found in `folded` that begin a word in [`low`, `high`)."""
        find = folded.find
        match = self.phrases.match
        for start in self.starts:
            # The whole beginning lies before `high` + its length.
            end = len(folded) if high is None else high + len(start) - 1
            at = find(start, low, end)
            while at >= 0:
                if starts_a_word(folded, at) and (found := match(folded, at)):
                    yield found
                at = find(start, at + 1, end)


_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_DIGITS = tuple("0123456789")


def _plain_start(phrase: str) -> str:
    """The plain characters `phrase` must begin with ("look" of "look(?:ing)?")."""
    start = ""
    for character in phrase:
        if character in _SPECIAL:
            break
        start += character
    if len(start) < len(phrase) and phrase[len(start)] in "?*{":
        start = start[:-1]  # "years?": the "s" may be absent
    return start


def _beginnings(phrase: str) -> tuple[str, ...]:
    r"""The plain texts one of which `phrase` begins with.

    >>> _beginnings("look(?:ing)? forward")
    ('look',)
    >>> _beginnings("(?:would|'d) enjoy")
    ('would', "'d")
    >>> _beginnings(r"(?:\d+|one) years?")[-2:]
    ('9', 'one')
    """
    start = _plain_start(phrase)
    if start:
        return (start,)
    choice = _leading_choice(phrase)
    if choice is None:
        # A list entry nobody could find fast is a mistake in the list.
        msg = f"a phrase must begin with plain text or a choice of them: {phrase!r}"
        raise ValueError(msg)
    found: list[str] = []
    for alternative in choice:
        if alternative in {r"\d+", r"\d"}:
            found.extend(_DIGITS)
        else:
            found.extend(_beginnings(alternative))
    return tuple(found)


def _leading_choice(phrase: str) -> list[str] | None:
    """The alternatives of the group `phrase` must open with, if it opens with one.

    >>> _leading_choice("(?:a|b(?:c|d)) e")
    ['a', 'b(?:c|d)']
    >>> _leading_choice("(?:a|b)? e") is None
    True
    """
    if not phrase.startswith("(?:"):
        return None
    depth = 1
    alternatives = [""]
    at = 3
    while at < len(phrase):
        character = phrase[at]
        if character == "\\":
            alternatives[-1] += phrase[at : at + 2]
            at += 2
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if not depth:
                optional = phrase[at + 1 : at + 2] in {"?", "*", "{"}
                return None if optional else alternatives
        elif character == "|" and depth == 1:
            alternatives.append("")
            at += 1
            continue
        alternatives[-1] += character
        at += 1
    return None


@functools.cache
def _patterns(language: str, element: Element) -> tuple[_Compiled, _Compiled | None]:
    phrases = LEXICON[language][element]
    return (
        _Compiled.of(phrases.says),
        _Compiled.of(phrases.not_) if phrases.not_ else None,
    )


# How far before a phrase a negative phrase holding it can begin: the
# longest negative phrase is shorter.
_REACH = 80


def expresses(folded: str, language: str, element: Element) -> bool:
    """Whether the plain text `folded` says `element` in `language`.

    A phrase counts unless a negative phrase holds it ("the right fit" in
    "finding the right fit") or, for interest and fit, a negation word comes
    a few words before it ("no longer interested", "ya no me interesa") or
    just after it ("my background is not a fit").

    >>> expresses("i wish you the best in finding the right fit.", "en", "fit")
    False
    >>> expresses("my ten years of payments work fit the role.", "en", "fit")
    True
    >>> expresses("le poste ne m'interesse plus.", "fr", "interest")
    False
    >>> expresses("my experience does not match the role.", "en", "fit")
    False
    >>> expresses("je ne pense pas que ce poste m'interesse.", "fr", "interest")
    False
    >>> expresses("je ne souhaite que rejoindre votre equipe.", "fr", "interest")
    True
    >>> expresses("mi experiencia ya no encaja con el puesto.", "es", "fit")
    False
    """
    says, not_ = _patterns(language, element)
    negation = _NEGATIONS[language] if element in _NEGATED else None
    return any(
        (not_ is None or not _held(not_, folded, match))
        and (negation is None or not _negated(negation, folded, match))
        for match in says.matches(folded)
    )


class _Negation(NamedTuple):
    """The words of one language that turn a phrase of interest or fit around."""

    # Words that negate a phrase coming a few words after them; a French
    # "n'" stands for every word it elides into ("n'ai", "n'est").
    before: frozenset[str]
    # Words that negate the phrase they follow: German puts "nicht" after
    # the verb ("die Stelle interessiert mich nicht mehr"), English after
    # the phrase's own verb ("my experience does not match"), French and
    # Spanish before it ("mon experience ne correspond plus").
    after: frozenset[str]
    # When given, a word of `after` negates only as one of these verbs
    # ("doesn't") or right after one ("is not"): "experience no one else
    # has" and "excited and not deterred" are no negation.
    verbs: frozenset[str]
    # Verbs of fitting that a word of `after` negates without a verb of
    # `verbs`, standing right before them ("my skills never matched") or
    # "longer" or an "-ly" word before them ("my skills no longer match").
    fitting: frozenset[str]
    # Words that open another clause right before a word of `after`, whose
    # negation is that clause's: "une experience qui ne s'apprend pas",
    # "experiencia que no tiene nadie", "motive et n'hesitez pas".
    opens_clause: frozenset[str]
    # How many words after a word of `after` can turn it back.  French
    # "ne" and Spanish "no" stand before their verb, so one more is read:
    # "mon interet n'a jamais ete aussi fort", "no ha hecho mas que crecer".
    undo_after: int
    # Words of `undo` that mean "no longer" right after the verb a word of
    # `after` negates: "no encaja mas", not "no podria ser mas adecuada".
    longer: frozenset[str]
    # Words that turn a negation back into saying it: "not only", "never
    # been more excited", "no doubt my experience", "je n'ai jamais ete
    # aussi motive", "nicht nur", "no solo".
    undo: frozenset[str]
    # Verbs of hiding or doubting that turn back the negation right after
    # them: German puts "nicht" after the verb ("ich zweifle nicht an meiner
    # Erfahrung"), where a word of `undo` would be read as "nur nicht"
    # ("just not").
    undo_before: frozenset[str]
    # Words that turn a negation back only as the "que" of "ne ... que"
    # (only): "je ne souhaite que rejoindre".  After "ne ... pas" they open
    # a clause that the negation reaches into: "je ne pense pas que ce
    # poste m'interesse" is no interest.
    only: frozenset[str]
    # The words of `before` that "que" can answer: French "ne".  The others
    # ("pas", "jamais") negate in full.
    particle: frozenset[str]
    # Found wherever a word of `before` or `after` starts, and in more
    # places ("not" of "nothing"): most phrases have no negation near them,
    # and one search in C tells so before any word is read.
    hint: re.Pattern[str]


# How many words after a negation that follows a phrase can turn it back:
# "my interest has never been stronger".
_UNDO_AFTER = 2


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _negation(  # noqa: PLR0913 - a list of words a field, all keyword-only
    *,
    before: str,
    after: str = "",
    verbs: str = "",
    fitting: str = "",
    opens_clause: str = "",
    undo_after: int = _UNDO_AFTER,
    longer: str = "",
    undo: str,
    undo_before: str = "",
    only: str = "",
    particle: str = "",
) -> _Negation:
    negating = _words(before) | _words(after)
    hint = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(map(re.escape, sorted(negating, key=len, reverse=True)))
        + ")"
    )
    return _Negation(
        _words(before),
        _words(after),
        _words(verbs),
        _words(fitting),
        _words(opens_clause),
        undo_after,
        _words(longer),
        _words(undo),
        _words(undo_before),
        _words(only),
        _words(particle),
        hint,
    )


# An English verb that says "not" itself: it negates before a phrase ("I
# don't have the experience") and after one ("my skills aren't").
_NEGATED_VERBS_EN = (
    "don't dont doesn't doesnt didn't didnt isn't isnt aren't arent wasn't "
    "wasnt weren't won't wouldn't haven't hasn't hadn't couldn't shouldn't"
)
_NEGATIONS: Final = {
    "en": _negation(
        # "lack": "I lack the experience you need" says no fit.
        before=(
            "not no never hardly nor neither without lack lacks lacked lacking "
            f"{_NEGATED_VERBS_EN}"
        ),
        # "lacks" after a phrase says it is missing: "my background lacks
        # the experience you need" (unless it "lacks nothing").
        after=f"not never no lack lacks lacked lacking {_NEGATED_VERBS_EN}",
        # "be" is left out: "my background would be no obstacle".
        verbs=(
            "is are am was were do does did has have had will would can could "
            f"should may might must lack lacks lacked lacking {_NEGATED_VERBS_EN}"
        ),
        fitting=(
            "match matches matched matching fit fits fitted fitting suit suits "
            "suited align aligns aligned meet meets met correspond corresponds "
            "corresponded"
        ),
        # Besides "not only": a loss, a limit or a secret denied ("my
        # interest has not changed", "is not limited to payments", "is no
        # secret", "I do not hide my enthusiasm") and a comparison ("has
        # never been stronger", "could not be a better fit").
        undo=(
            "only just more less doubt better stronger greater limited changed "
            "fade fades faded wane wanes waned waver wavers wavered diminish "
            "diminishes diminished secret hide hiding nothing "
            # A lack denied is no lack: "I do not lack the experience", "my
            # experience is not lacking"; the "lack" is turned back below.
            "lack lacks lacked lacking"
        ),
        undo_before=f"not never no {_NEGATED_VERBS_EN}",
    ),
    "de": _negation(
        before=(
            "nicht kein keine keinen keinem keiner keines keinerlei nie niemals weder ohne"
        ),
        after="nicht kein keine keinen keinerlei nie niemals",
        # "ich mache keinen Hehl aus meiner Begeisterung" says it.
        # "mein Interesse laesst nicht nach": a loss denied, its verb's
        # particle after the negation.
        undo="nur zuletzt weniger zweifel zweifle hehl nach",
        undo_before=(
            "zweifle zweifele zweifeln zweifelt verheimliche verheimlichen "
            "verheimlicht verberge verbergen verbirgt verstecke verstecken"
        ),
    ),
    "fr": _negation(
        before="ne n' pas jamais aucun aucune guere ni sans",
        # "mon experience ne correspond plus au poste", "mon profil n'est
        # pas adapte": the "ne" of the phrase's own verb.
        after="ne n'",
        opens_clause="qui que qu' dont ou et mais car si",
        undo_after=_UNDO_AFTER + 1,
        # "je ne vous cache pas que ce poste m'interesse" says it, and so
        # does any hiding or doubting denied: "nous ne cachons pas notre
        # enthousiasme", "je ne doute pas de mon experience"; and a limit
        # or a loss denied: "ne se limite pas aux paiements", "mon interet
        # n'a pas change".
        undo=(
            "seulement aussi moins doute doutons doutez cache caches cachons "
            "cachez cacher limite limitee limites limitees change diminue faibli "
            "faiblit faiblissent cesse cessent baisse baissent"
        ),
        only="que qu'",
        particle="ne n'",
    ),
    "es": _negation(
        before="no nunca jamas ni sin tampoco ningun ninguna",
        # "mi experiencia ya no encaja con el puesto": the "no" of the
        # phrase's own verb.
        after="no tampoco",
        opens_clause="que quien quienes donde cual cuales y e o u pero si",
        undo_after=_UNDO_AFTER + 1,
        longer="mas",
        # Hiding or doubting denied: "no oculto mi entusiasmo", "no dudo de
        # mi experiencia"; a limit or a loss denied: "no se limita a
        # pagos", "mi interes no ha cambiado".
        undo=(
            "solo solamente mas menos duda dudo dudamos dudar oculto ocultamos "
            "ocultar escondo escondemos esconder limita limitada limitado "
            "cambiado disminuido disminuye decaido decae flaquea flaqueado "
            "cesa mengua"
        ),
    ),
}
# Thanks are left alone: "I cannot thank you enough" thanks.
_NEGATED: Final = frozenset({"interest", "fit"})
# How many words before a phrase a negation reaches ("not really that
# interested", "no longer interested in joining"), and after it (German,
# English).
_WORDS_BEFORE = 4
_WORDS_AFTER = 2
# How many words before a "que" a full negation opening its clause sits:
# "ne pense pas que", "n'ai jamais pense que".
_WORDS_BEFORE_QUE = 2
# A negation does not reach across these: "No, I am interested" is none.
_CLAUSE_MARKS = ".!?;:,"
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_NEGATION_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _is(word: str, words: frozenset[str]) -> bool:
    # "n'ai" is French "ne" elided: its "n'" is the word looked for.
    return word in words or word[: word.find("'") + 1] in words


def _negated(negation: _Negation, folded: str, match: re.Match[str]) -> bool:
    """Whether a negation word near `match` turns it around.

    A few words of the same clause are read on either side, so the time is
    bounded per phrase found, whatever the letter holds.
    """
    start, end = match.span()
    return _negated_before(negation, folded, start) or (
        bool(negation.after) and _negated_after(negation, folded, start, end)
    )


def _negated_before(negation: _Negation, folded: str, start: int) -> bool:
    """Whether a negation word a few words before `start` turns the phrase around."""
    before = folded[max(0, start - _REACH) : start]
    if negation.hint.search(before) is None:
        return False
    before = before[_last_clause_end(before) :]
    words = _NEGATION_WORD.findall(before)
    # A window cut inside a word would show a part of it ("not" of
    # "cannot").
    if start > _REACH and words and folded[start - _REACH - 1].isalpha():
        words = words[1:]
    # The words before the window are still read to turn a negation back:
    # the "ne" of "je ne vous cache pas mon enthousiasme" is five words off.
    return any(
        _is(words[at], negation.before) and not _undone(negation, words, at)
        for at in range(_window_start(negation, words), len(words))
    )


def _window_start(negation: _Negation, words: list[str]) -> int:
    """The first of the `words` before a phrase that a negation is looked for in.

    The last few, unless a "que" among them follows a full negation: then
    the negation's clause is read too, a few words before the "que" ("je ne
    pense pas que ce poste m'interesse").
    """
    start = max(0, len(words) - _WORDS_BEFORE)
    if not negation.only:
        return start
    for at in range(len(words) - 1, start - 1, -1):
        if _is(words[at], negation.only):
            opening = words[max(0, at - _WORDS_BEFORE_QUE) : at]
            if any(_negates_in_full(negation, word) for word in opening):
                return max(0, at - _WORDS_BEFORE)
            break
    return start


def _negates_in_full(negation: _Negation, word: str) -> bool:
    return _is(word, negation.before) and not _is(word, negation.particle)


def _undone(negation: _Negation, words: list[str], at: int) -> bool:
    """Whether a word after the negation `words[at]` turns it back.

    Or a verb of hiding or doubting right before it: "ich zweifle nicht".
    """
    if at and _is(words[at - 1], negation.undo_before):
        return True
    first = at
    if negation.particle and not _is(words[at], negation.particle):
        # "je ne doute pas": what turns the "ne" back turns its "pas" too.
        for earlier in range(at - 1, -1, -1):
            if _is(words[earlier], negation.before):
                if _is(words[earlier], negation.particle):
                    first = earlier
                break
    # "que" means only right after a bare "ne": "je ne souhaite que".
    only_answers = _is(words[at], negation.particle)
    for other in words[first + 1 :]:
        if _is(other, negation.undo) or (only_answers and _is(other, negation.only)):
            return True
        if only_answers and _negates_in_full(negation, other):
            only_answers = False
    return False


def _negated_after(negation: _Negation, folded: str, start: int, end: int) -> bool:
    """Whether a negation word a few words after the phrase turns it around."""
    after = folded[end : end + _REACH]
    if negation.hint.search(after) is None:
        return False
    if (clause_end := _CLAUSE_END.search(after)) is not None:
        after = after[: clause_end.start()]
    words = _NEGATION_WORD.findall(after)
    own = _NEGATION_WORD.findall(folded, start, end)
    # The phrase's own last word may be the verb a "not" follows: "exactly
    # what I am not looking for".
    last = own[-1] if own and folded[end - 1].isalpha() else ""
    # The phrase may end inside its last word ("interess" of "interessiert").
    if words and end < len(folded) and folded[end].isalpha():
        last += words[0]
        words = words[1:]
    return any(
        _is(word, negation.after)
        and (words[at - 1] if at else last) not in negation.opens_clause
        and (
            not negation.verbs
            or word in negation.verbs
            or (words[at - 1] if at else last) in negation.verbs
            or _fitting_follows(negation, words, at)
        )
        and not _undone_after(negation, words, at)
        for at, word in enumerate(words[:_WORDS_AFTER])
    )


def _undone_after(negation: _Negation, words: list[str], at: int) -> bool:
    """Whether a word a few words after the negation `words[at]` turns it back.

    As before a phrase, a French "que" right after a bare "ne" means "only":
    "mon interet n'a fait que grandir".
    """
    read = words[: at + 1 + negation.undo_after]
    if len(read) > at + 2 and read[at + 2] in negation.longer:
        read[at + 2] = ""
    return _undone(negation, read, at)


def _fitting_follows(negation: _Negation, words: list[str], at: int) -> bool:
    """Whether a verb of fitting follows the negation `words[at]`, bare or nearly.

    "never matched", "no longer match", "never really suited"; not "no one
    else matches", whose "no" is no verb's.
    """
    following = words[at + 1 : at + 3]
    if following and (following[0] == "longer" or following[0].endswith("ly")):
        following = following[1:]
    return bool(following) and following[0] in negation.fitting


def _last_clause_end(text: str) -> int:
    """Where the last clause of `text` starts (0 when it is all one)."""
    ends = [text.rfind(mark) for mark in _CLAUSE_MARKS]
    return max(ends) + 1


def _held(not_: _Compiled, folded: str, match: re.Match[str]) -> bool:
    """Whether a negative phrase holds `match`: begins before it, ends after."""
    start, end = match.span()
    return any(
        negative.end() >= end
        for negative in not_.matches(folded, max(0, start - _REACH), start + 1)
    )
