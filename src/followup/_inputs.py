"""Reading interviews for the command: one file, a JSON Lines file, a folder.

An edge, like the command itself: it opens files.  One interview file is
read whole and any problem ends the command.  A batch is read one entry at a
time, and a bad entry comes out as a problem naming its line (or file), so
the command reports it and goes on with the next:

* a JSON Lines file (``.jsonl``, or ``-`` for standard input) holds one
  object a line, ``{"id": ..., "interview": {...}, "history": [...]}``
  (schema ``batch-line``); only ``interview`` is required;
* a folder holds one interview a TOML file, ``NAME.toml``, and its history,
  if any, beside it as ``NAME.history.toml`` — the same two files that
  ``followup plan NAME.toml --history NAME.history.toml`` reads.  Its id is
  ``NAME``.

Nothing here plans: entries carry checked values, and the command plans them.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple, TextIO

# These load with `import followup`, which the command has done already; the
# heavy readers (cattrs, TOML) load on first use.
import attrs

from followup._contact import Contact
from followup._fields import has_controls
from followup._history import Event
from followup._interview import Interview
from followup._parsing import Unreadable, read_json, read_toml
from followup.errors import FollowUpError, _shown, _shown_key, did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Batch",
    "Entry",
    "InputError",
    "InterviewFile",
    "Job",
    "Line",
    "identity",
    "is_batch",
    "open_batch",
    "read_by_batch",
    "read_document",
    "read_entry",
    "read_history",
    "read_interview",
    "read_standard_input",
    "read_text",
    "same_file",
    "standard_input",
    "structured",
]

#: What names standard input in messages, as a file name would.
STDIN: Final = "<stdin>"
_HISTORY_SUFFIX: Final = ".history.toml"
_BOM: Final = "\ufeff".encode()
_LINE_KEYS: Final = ("id", "interview", "history")
_LINE_KEY_SET: Final = frozenset(_LINE_KEYS)


class InputError(FollowUpError, ValueError):
    """A problem with the command's input: one line, exit status 2."""


#: The largest file read whole: an interview, a history, a rules file, a
#: letter or a netrc file runs to kilobytes.  A larger one is a wrong file
#: (a disk image, /dev/zero), which would fill memory before any check.
MOST_BYTES = 16 * 1024 * 1024


def read_text(path: str) -> str:
    """The whole of a UTF-8 file; a missing or unreadable file is an `InputError`.

    A byte order mark, which some editors on Windows write, is no part of it.
    A file of more than `MOST_BYTES` is refused, unread.
    """
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MOST_BYTES + 1)
        if len(data) > MOST_BYTES:
            raise _too_large(path, "no file it reads here")
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def read_document(path: str) -> Any:
    """A TOML or JSON file, by its suffix, as plain data."""
    text = read_text(path)
    suffix = Path(path).suffix.lower()
    if suffix in {".toml", ".json"}:
        kind = suffix[1:].upper()
        try:
            return read_toml(text) if kind == "TOML" else read_json(text)
        except Unreadable as error:
            raise InputError(
                f"{path}: not valid {kind}: {error.reason}{error.where()}"
            ) from None
    if suffix == ".jsonl":
        raise InputError(
            f"{path}: a JSON Lines file holds many interviews; "
            "give it to 'followup plan' or 'followup due'"
        )
    raise InputError(f"{path}: give a .toml or a .json file")


def structured(path: str, data: object, cls: Any, what: str) -> Any:
    """`data` as a `cls`; every problem at once, after the file's name."""
    from followup.json import InvalidDocumentError, structure  # noqa: PLC0415

    try:
        return structure(data, cls, what=what)
    except InvalidDocumentError as error:
        raise InputError(f"{path}: {'; '.join(error.problems)}") from error


def read_interview(path: str) -> Interview:
    """One interview from a TOML or JSON file."""
    data = read_document(path)
    if _is_history(data):
        # Read as an interview, it was every missing key and "unknown key
        # 'events'": say what the file is, and where it goes.
        raise InputError(
            f"{path}: holds a history ([[events]]), not an interview: give it "
            "with --history, or, in a folder of interviews, name it "
            "NAME.history.toml beside the interview's NAME.toml"
        )
    interview: Interview = structured(path, data, Interview, "interview")
    return interview


def _is_history(data: object) -> bool:
    # A history's shape in TOML, as `read_history` takes it.
    return isinstance(data, dict) and set(data) == {"events"}


def read_history(path: str) -> tuple[Event, ...]:
    """A history: a JSON list of events, or ``[[events]]`` tables in TOML.

    A TOML file with no table, empty or of comments only, is a history of no
    event: a tracker's first export, before anything has happened.
    """
    data = read_document(path)
    if data == {} and Path(path).suffix.lower() != ".json":
        return ()
    if _is_history(data):
        data = data["events"]
    if not isinstance(data, list):
        raise InputError(
            f"{path}: a history is a list of events (in TOML, [[events]] tables)"
        )
    return tuple(structured(path, data, list[Event], "history"))


class Entry(NamedTuple):
    """One interview of a batch, or why it could not be read.

    `where` names it in messages (``FILE:LINE``, or the TOML file); `size`
    is how far it moves a progress bar (its bytes in a JSON Lines file, one
    a TOML file).  A bad entry has no interview and says why in `problem`,
    a whole line for standard error.  `history_file` is the file its
    history was read from, if it has one of its own (a folder's
    ``NAME.history.toml``): what a problem planning it is blamed on, as
    ``followup plan NAME.toml --history NAME.history.toml`` blames it.
    """

    where: str
    size: int
    tracker_id: str | None = None
    interview: Interview | None = None
    history: tuple[Event, ...] = ()
    problem: str | None = None
    history_file: str | None = None


class Line(NamedTuple):
    """A line of a JSON Lines batch, not yet read: `number` counts from 1."""

    source: str
    number: int
    raw: bytes


class InterviewFile(NamedTuple):
    """A TOML file of a folder batch, not yet read, and its history beside it.

    `history` is the history file the folder holds for it, if its name is
    spelt otherwise than `NAME.history.toml` (see `_folder_files`).
    """

    path: Path
    history: Path | None = None


#: An entry of a batch before it is read: plain values that travel to a
#: worker process, where `read_entry` reads it.  An `Entry` is one known to
#: be bad before anything is read.
Job = Line | InterviewFile | Entry


def read_entry(job: Job) -> Entry:
    """The entry a job of a batch holds: its interview and history, or the problem."""
    if type(job) is Line:
        return _line(job)
    if type(job) is InterviewFile:
        return _interview_file(job.path, job.history)
    return job  # type: ignore[return-value]


class Batch(NamedTuple):
    """Many interviews, read one entry at a time as `entries` is iterated.

    `total` is the sum of the entries' sizes when it is known beforehand (a
    file's size in bytes, a folder's count of interviews), for a progress
    bar counting `unit`.  `jobs` are the entries before they are read, for
    a program that reads them elsewhere (in worker processes): `entries`
    reads them here.
    """

    source: str
    total: int | None
    unit: str
    jobs: Iterator[Job]
    #: The pipe the batch comes through, open from the start (see `open_batch`).
    pipe: IO[bytes] | None = None

    @property
    def entries(self) -> Iterator[Entry]:
        """The entries, each read as it is taken."""
        return map(read_entry, self.jobs)

    def close(self) -> None:
        """Let go of the batch's pipe, read or not: a command that stopped early."""
        if self.pipe is not None:
            self.pipe.close()


def is_batch(path: str) -> bool:
    """Whether `path` names many interviews: ``-``, a ``.jsonl`` file, a folder."""
    return (
        path == "-" or Path(path).suffix.lower() == ".jsonl" or _is_folder(Path(path))
    )


def _is_folder(path: Path) -> bool:
    # Before Python 3.13, is_dir() raises on a name too long for the file
    # system: such a name is no folder, and reading it says why.
    try:
        return path.is_dir()
    except OSError:
        return False


def read_by_batch(batch: str, path: str) -> bool:
    """Whether the batch `batch` (see `is_batch`) reads the file at `path`.

    A folder's batch reads each ``.toml`` file in it (interviews and their
    histories); a file's, the file.  Symbolic links are followed.
    """
    if batch == "-":
        return _behind_standard_input(path)
    with contextlib.suppress(OSError, RuntimeError):
        # Before Python 3.13, resolve() raises RuntimeError on a symlink loop.
        target = Path(path).resolve()
        place = Path(batch).resolve()
        if same_file(target, place):
            return True
        if not _is_folder(place):
            return False
        # A file a link in the folder names (even one not there yet), or
        # another name (a hard link) of one of its files: the batch reads
        # it, or tries to, as it reads the others.
        known = identity(target)
        return any(
            _resolved(file) == target or (known is not None and identity(file) == known)
            for file in place.iterdir()
            if _is_batch_file(file)
        )
    return False


def batch_file_known_as(batch: str, known: tuple[int, int]) -> str | None:
    """The name of a file the batch `batch` reads whose identity is `known`.

    `known` is a device and number (`identity`), of a file that has no name
    here: standard output as a shell opened it.  None: the batch reads no
    such file.
    """
    if batch == "-":
        try:
            given = os.fstat(sys.stdin.fileno())
        except (AttributeError, OSError, ValueError):
            return None
        same = (given.st_dev, given.st_ino) == known
        return "the file standard input reads" if same else None
    if identity(batch) == known:
        return batch
    place = Path(batch)
    if not _is_folder(place):
        return None
    with contextlib.suppress(OSError):
        for file in place.iterdir():
            if _is_batch_file(file) and identity(file) == known:
                return str(file)
    return None


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two names lead to one file: the same path, or the same file there.

    Symbolic links are followed; a hard link is the same file under another
    name, and replacing it would leave the input under its first name only.
    """
    with contextlib.suppress(OSError, RuntimeError):
        # Before Python 3.13, resolve() raises RuntimeError on a symlink loop.
        if Path(first).resolve() == Path(second).resolve():
            return True
    known = identity(first)
    return known is not None and identity(second) == known


def identity(path: str | Path) -> tuple[int, int] | None:
    """The device and number of the file `path` leads to; None if there is none."""
    try:
        status = os.stat(path)  # noqa: PTH116 - Path() would drop a trailing "/"
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def _too_large(source: str, what: str) -> InputError:
    # One message for a file and for standard input: what is refused unread.
    return InputError(
        f"{source}: is larger than {MOST_BYTES // (1024 * 1024)} MiB, which "
        f"{what} comes near"
    )


def read_standard_input() -> str:
    """The whole of standard input, read as a file is (`read_text`).

    UTF-8 whatever the locale, a byte order mark no part of it: a letter
    piped in reads as the same file named does.  More than `MOST_BYTES`, or
    no UTF-8, is an `InputError`.
    """
    stream = standard_input()
    raw = getattr(stream, "buffer", None)
    if raw is None:
        # A text stream with no bytes behind it (one a program set up).
        text = stream.read(MOST_BYTES + 1)
    else:
        data = raw.read(MOST_BYTES + 1)
        if len(data) > MOST_BYTES:
            raise _too_large("standard input", "no letter")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("standard input: is not UTF-8 text") from None
    if len(text) > MOST_BYTES:
        raise _too_large("standard input", "no letter")
    return text.removeprefix("\ufeff")


def standard_input() -> TextIO:
    """Standard input; closed (``<&-``), an `InputError`."""
    stream = sys.stdin
    if stream is None:
        # Python gives no stream at all for a descriptor closed at start.
        raise InputError("standard input is closed: nothing can be read")
    return stream


def _behind_standard_input(path: str) -> bool:
    # `followup plan - --output plans.jsonl < plans.jsonl`: the file a shell
    # gave as standard input is read as one named would be.  It has no name
    # here, only its device and number.
    try:
        given = os.fstat(sys.stdin.fileno())
        there = Path(path).stat()
    except (AttributeError, OSError, ValueError):
        # No standard input, one of Python's own (a test's), or no file there.
        return False
    # A file, or a named pipe: what a name can stand for (a device is no
    # file to lose, and an unnamed pipe has no name).
    kind = stat.S_IFMT(given.st_mode)
    return kind in {stat.S_IFREG, stat.S_IFIFO} and (
        given.st_dev,
        given.st_ino,
    ) == (there.st_dev, there.st_ino)


def _resolved(file: Path) -> Path | None:
    # In a resolved folder, only a link stands for another path.
    if not file.is_symlink():
        return file
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        return None


def _is_batch_file(path: Path) -> bool:
    # What a folder's batch reads: its TOML files, interviews and histories
    # (one that cannot be read is reported as the batch's).  Not a hidden
    # one: an editor's lock or backup (Emacs's ".#acme.toml", a link to
    # nowhere while acme.toml has unsaved changes) is no interview.
    return (
        path.suffix.lower() == ".toml"
        and not path.name.startswith(".")
        and not path.is_dir()
    )


def _spelling(name: str) -> str:
    # A name as a person reads it: "Acme.TOML" is "acme.toml", and so is a
    # name a Mac wrote with its accents apart ("Zoe" and a diaeresis).
    return unicodedata.normalize("NFC", name).casefold()


def open_batch(path: str) -> Batch:
    """The batch at `path`; a file or folder that cannot be read is an `InputError`."""
    if path == "-":
        return Batch(STDIN, None, "B", _lines(standard_input().buffer, STDIN))
    place = Path(path)
    if _is_folder(place):
        interviews, orphans = _folder_files(place)
        if not interviews and not orphans:
            # Most likely the wrong folder: say so rather than plan nothing.
            raise InputError(
                f"{path}: is a directory holding no interview (NAME.toml files)"
            )
        return Batch(path, len(interviews), "file", _folder(interviews, orphans))
    # Tried now, so that a file that cannot be read stops the command before
    # it writes anything; a file is opened again when the entries are read,
    # so that a batch never read (the command stopped by another mistake)
    # holds no open file.
    handle = _opened(path)
    try:
        status = os.fstat(handle.fileno())
    except BaseException:
        handle.close()
        raise
    if stat.S_ISREG(status.st_mode):
        handle.close()
        return Batch(path, status.st_size, "B", _file_lines(path))
    # A named pipe (or /dev/stdin) gives its bytes to one opening: the one
    # made here is the one read, its length unknown, and closed by
    # `Batch.close` if the command stops before reading it.
    return Batch(path, None, "B", _handle_lines(handle, path), handle)


def _opened(path: str) -> IO[bytes]:
    try:
        return Path(path).open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _file_lines(path: str) -> Iterator[Job]:
    # Opened when the first line is asked for.
    yield from _handle_lines(_opened(path), path)


def _handle_lines(handle: IO[bytes], path: str) -> Iterator[Job]:
    with handle:
        yield from _lines(handle, path)


def _lines(handle: IO[bytes], source: str) -> Iterator[Job]:
    for number, raw in enumerate(_bounded_lines(handle), start=1):
        if raw is None:
            yield Entry(
                f"{source}:{number}",
                MOST_BYTES,
                problem=f"{source}:{number}: is a line of more than 16 MiB, "
                "refused unread (an interview with its history runs to "
                "kilobytes; a file with no line breaks is no JSON Lines)",
            )
            continue
        if number == 1 and raw.startswith(_WIDE_MARKS):
            # PowerShell 5's ">" writes UTF-16: read line by line, its
            # first line was "not UTF-8" and every other one "not JSON".
            yield Entry(
                source,
                len(raw),
                problem=f"{source}: is UTF-16 or UTF-32 text, not UTF-8 (save it "
                "as UTF-8: PowerShell's Out-File -Encoding utf8, say)",
            )
            return
        yield Line(source, number, raw)


def _bounded_lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of `handle`; None for one longer than `MOST_BYTES`, skipped.

    A file with no line breaks (/dev/zero, a disk image, a file of another
    kind) would be read whole as its first line, however large: each line
    is read to `MOST_BYTES` at most, and the rest of a longer one passed
    over a piece at a time, so memory stays flat whatever the file holds.
    """
    while True:
        # Room for a line of `MOST_BYTES` and its ending, "\r\n" included.
        raw = handle.readline(MOST_BYTES + 2)
        if not raw:
            return
        whole = raw.endswith(b"\n") or len(raw) < MOST_BYTES + 2
        if whole and len(raw.rstrip(b"\r\n")) <= MOST_BYTES:
            yield raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1024 * 1024)
        yield None


# The byte order marks of UTF-32 first: its little-endian one begins with
# UTF-16's.
_WIDE_MARKS: Final = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def _line(line: Line) -> Entry:
    source, number, raw = line
    where = f"{source}:{number}"
    # A byte order mark may open a file that a spreadsheet or an editor
    # wrote, with a line after it or nothing: no part of the first line.
    text = raw.removeprefix(_BOM) if number == 1 else raw
    if not text.strip():
        # A blank line (a trailing one, most often) holds nothing to plan.
        return Entry(where, len(raw))
    try:
        # Without its line break: the parser counts lines, and the column of
        # a line cut short is the one after its last character, not column
        # 1 of the next line.
        data = read_json(text.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError:
        return Entry(where, len(raw), problem=f"{where}: is not UTF-8 text")
    except Unreadable as error:
        problem = f"not valid JSON: {error.reason}{error.where(line=False)}"
        return Entry(where, len(raw), problem=f"{where}: {problem}")
    return _line_entry(data, where, len(raw))


def _line_entry(data: object, where: str, size: int) -> Entry:
    from followup.json import InvalidDocumentError  # noqa: PLC0415

    if not isinstance(data, dict):
        problem = (
            f"$: expected an object with an 'interview' (and 'history', 'id'), "
            f"got {type(data).__name__}"
        )
        return Entry(where, size, problem=f"{where}: {problem}")
    problems = [] if data.keys() <= _LINE_KEY_SET else _unknown_keys(data)
    # null reads as absent, for trackers that write every key.
    tracker_id = data.get("id")
    if tracker_id is not None and not _is_id(tracker_id):
        # One line, and no control character: the id is printed on a line
        # of `followup due`, on a terminal that would obey an escape.
        problems.append(
            "$.id: expected one line of UTF-8 text without control characters, "
            f"got {_shown(tracker_id)}"
        )
    interview = None
    if "interview" not in data:
        problems.append("$.interview: required key is missing")
    else:
        try:
            interview = _interview(data["interview"])
        except InvalidDocumentError as error:
            problems.extend(_under("$.interview", error.problems))
    history: tuple[Event, ...] = ()
    events = data.get("history")
    if events is None:
        events = []
    if isinstance(events, dict) and set(events) == {"events"}:
        events = events["events"]
    if not isinstance(events, list):
        problems.append("$.history: expected a list of events")
    else:
        try:
            history = _events(events)
        except InvalidDocumentError as error:
            problems.extend(_under("$.history", error.problems))
    if problems:
        return Entry(where, size, problem=f"{where}: {'; '.join(problems)}")
    return Entry(where, size, tracker_id, interview, history)


#: The keys of a right document of each kind: see `_interview`.
_INTERVIEW_KEYS: Final = frozenset(field.name for field in attrs.fields(Interview))
_CONTACT_KEYS: Final = frozenset(field.name for field in attrs.fields(Contact))
_EVENT_KEYS: Final = frozenset(field.name for field in attrs.fields(Event))


def _interview(data: object) -> Interview:
    """A line's interview, as `followup.json.structure` reads it; sooner when right.

    An object of an interview's keys alone (its interviewer's, a contact's)
    goes straight to the classes, whose converters check each field: what
    `structure` does with a right document, less the walk through cattrs'
    hooks (2-3 µs a line).  Anything else, or anything the classes refuse,
    is read again by `structure`, which reports every problem with its path.
    """
    if type(data) is dict and data.keys() <= _INTERVIEW_KEYS:
        contact = data.get("interviewer")
        try:
            if contact is None:
                return Interview(**data)
            if type(contact) is dict and contact.keys() <= _CONTACT_KEYS:
                return Interview(**{**data, "interviewer": Contact(**contact)})
        except Exception:  # noqa: BLE001, S110 - read again, and reported
            pass
    from followup.json import structure  # noqa: PLC0415

    return structure(data, Interview, what="interview")


def _events(data: list[Any]) -> tuple[Event, ...]:
    """A line's history, as `followup.json.structure` reads it (see `_interview`)."""
    events: list[Event] = []
    for event in data:
        if type(event) is not dict or not event.keys() <= _EVENT_KEYS:
            break
        try:
            events.append(Event(**event))
        except Exception:  # noqa: BLE001 - read again, and reported
            break
    else:
        return tuple(events)
    from followup.json import structure  # noqa: PLC0415

    return tuple(structure(data, list[Event], what="history"))


def _unknown_keys(data: dict[Any, Any]) -> list[str]:
    return [
        f"$: unknown key {_shown_key(key)}{did_you_mean(key, _LINE_KEYS)}"
        for key in sorted(set(data) - _LINE_KEY_SET)
    ]


def _is_id(tracker_id: object) -> bool:
    """Whether a line's id is one line of UTF-8 text without control characters."""
    if type(tracker_id) is str and tracker_id.isascii() and tracker_id.isprintable():
        # Printable ASCII, as most ids are: all three at once.
        return tracker_id != ""
    return (
        isinstance(tracker_id, str)
        and len(tracker_id.splitlines()) == 1
        and not has_controls(tracker_id)
        and _is_utf8(tracker_id)
    )


def _is_utf8(text: str) -> bool:
    # Not so for a lone surrogate: a JSON escape, or a file name that is not UTF-8.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _under(path: str, problems: list[str]) -> list[str]:
    # The converter names paths from the part it was given ("$.at"); within a
    # line that part sits under a key ("$.interview.at").
    return [
        path + problem[1:] if problem.startswith("$") else problem
        for problem in problems
    ]


def _folder_files(folder: Path) -> tuple[list[InterviewFile], list[Entry]]:
    """A folder's interviews with their histories, and the histories left over.

    A history by its exact name first.  By its spelling (another case,
    accents apart) only where one interview and one history share it:
    `ACME.toml` beside `acme.toml` takes none of the other's, and of two
    spellings of one history the exact one serves.  A history left over is
    reported, saying why.
    """
    try:
        files = sorted(path for path in folder.iterdir() if _is_batch_file(path))
    except OSError as error:
        raise InputError(f"{folder}: cannot be read ({error.strerror})") from None
    # Sets and look-ups by name only: a tracker's folder holds thousands.
    histories = [p for p in files if _spelling(p.name).endswith(_HISTORY_SUFFIX)]
    others = [p for p in files if not _spelling(p.name).endswith(_HISTORY_SUFFIX)]
    names = {path.name for path in files}
    exact = {_history_of(path).name for path in others}
    unmatched = [path for path in others if _history_of(path).name not in names]
    asked = collections.Counter(_spelling(_history_of(p).name) for p in unmatched)
    spelt: dict[str, list[Path]] = {}
    for path in histories:
        if path.name not in exact:
            spelt.setdefault(_spelling(path.name), []).append(path)
    interviews = [
        InterviewFile(path) for path in others if _history_of(path).name in names
    ]
    for path in unmatched:
        key = _spelling(_history_of(path).name)
        found = spelt.get(key, [])
        one = asked[key] == 1 and len(found) == 1
        interviews.append(InterviewFile(path, found.pop() if one else None))
    interviews.sort()
    # Whose spelling each leftover has, to say why it is left.
    spelling_of = {_spelling(_history_of(path).name): path for path in others}
    read = {item.path: item.history or _history_of(item.path) for item in interviews}
    orphans = [
        _left_over(path, spelling_of.get(_spelling(path.name)), read, names, len(paths))
        for paths in spelt.values()
        for path in paths
    ]
    return interviews, sorted(orphans)


def _left_over(
    path: Path,
    interview: Path | None,
    read: dict[Path, Path],
    names: set[str],
    spellings: int,
) -> Entry:
    if interview is None:
        name = path.name[: -len(_HISTORY_SUFFIX)] + ".toml"
        problem = f"a history without its interview ({name})"
    elif read[interview].name in names:
        problem = (
            f"another spelling of {read[interview].name}, the history of "
            f"{interview.name}, which is read; this one is not"
        )
    elif spellings > 1:
        problem = (
            f"one of {spellings} histories spelt as {interview.name}'s: none is "
            f"read; keep one, named {_history_of(interview).name}"
        )
    else:
        problem = (
            f"spelt as the history of more than one interview ({interview.name} "
            "among them): it is read for none; name it after its interview exactly"
        )
    return Entry(str(path), 0, problem=f"{path}: {problem}")


def _not_a_file(path: Path) -> str | None:
    """What `path` is if it is no file (a link: what it leads to), else `None`.

    A path that cannot be looked at is left to reading, which says why.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else None


def _history_of(interview: Path) -> Path:
    return interview.with_name(interview.stem + _HISTORY_SUFFIX)


def _folder(interviews: list[InterviewFile], orphans: list[Entry]) -> Iterator[Job]:
    yield from orphans
    yield from interviews


def _interview_file(path: Path, history: Path | None = None) -> Entry:
    where = str(path)
    if not _is_utf8(where):
        # Its name is its id, printed on every line about it: shown with
        # the bytes that are not UTF-8 escaped, as Python shows them.
        shown = where.encode("utf-8", "backslashreplace").decode()
        return Entry(shown, 1, problem=f"{shown}: the file's name is not UTF-8")
    if len(where.splitlines()) != 1 or has_controls(where):
        # As a JSON Lines id must be: its name is printed on a line of `due`.
        shown = where.encode("unicode_escape").decode("ascii")
        return Entry(
            shown,
            1,
            problem=f"{shown}: the file's name is not one line without control "
            "characters",
        )
    history = _history_of(path) if history is None else history
    for file in (path, history):
        kind = _not_a_file(file)
        if kind is not None:
            # Read, a named pipe would wait for a writer that may never
            # come, and hold up every interview after it.
            return Entry(
                where,
                1,
                problem=f"{file}: is {kind}, not a file; a folder's "
                "interviews and histories are read from files",
            )
    try:
        interview = read_interview(where)
        # A link to nothing, or in a loop, is a history that cannot be read,
        # as it is given to --history; not none at all.
        found = history.is_symlink() or history.exists()
        events = read_history(str(history)) if found else ()
    except InputError as error:
        return Entry(where, 1, problem=str(error))
    return Entry(
        where,
        1,
        path.stem,
        interview,
        events,
        history_file=str(history) if found else None,
    )
