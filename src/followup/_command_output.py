"""The command's output: standard output, or a file replaced whole or not at all.

``--output FILE`` is written to a temporary file beside it, renamed into
place once whole (keeping the mode of the file it replaces), so that an
interrupted run or a batch stopped by a failing rule leaves the old file as
it was; a device or a pipe is written to as a shell's ``>`` would.  No
input is ever written to: an output that is one of the command's inputs,
by name or as the file behind standard output (``>>``), is refused before
anything is planned.  A failed write is one `InputError` naming the
option, the path and the reason, not a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, final

from followup._inputs import InputError, identity, read_by_batch, same_file

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Sink",
    "cannot_write",
    "emit",
    "output_to",
    "refuse_standard_output_onto",
    "refuse_to_overwrite",
    "refuse_to_overwrite_batch",
]


class Sink(Protocol):
    """Where output goes: standard output, or a file for ``--output``."""

    def write(self, data: bytes, /) -> int: ...


def refuse_to_overwrite_batch(
    output: str | None, batch: str, rules: str | None
) -> None:
    # A folder's batch reads every TOML file in it, not only the folder.
    refuse_to_overwrite(output, rules)
    if output is not None and read_by_batch(batch, output):
        raise _an_input(output)
    if output is None and (known := _standard_output_file()) is not None:
        from followup._inputs import batch_file_known_as  # noqa: PLC0415

        # `plan tracker.jsonl >> tracker.jsonl` (or `1<>`, or a folder's
        # file): the plans would be appended to the lines being read.
        name = batch_file_known_as(batch, known)
        if name is not None:
            raise InputError(
                f"standard output is {name}, an input file; it is never overwritten"
            )


def refuse_to_overwrite(output: str | None, *inputs: str | None) -> None:
    if output is None:
        refuse_standard_output_onto(inputs)
        return
    # What no file can be written to is refused now, before any planning.
    _destination(output)
    if any(path and same_file(output, path) for path in inputs):
        raise _an_input(output)


def refuse_standard_output_onto(inputs: tuple[str | None, ...]) -> None:
    """Refuse standard output that is one of the input files (``>>`` or ``1<>``).

    A shell opens the file before the command starts: `plan interview.toml
    >> interview.toml` would append the plan to the interview, as `cat`
    refuses to ("input file is output file").
    """
    known = _standard_output_file()
    if known is None:
        return
    from followup._inputs import batch_file_known_as  # noqa: PLC0415

    for path in inputs:
        # `-`, standard input: the file the shell gave it (``< letter.txt``).
        name = batch_file_known_as("-", known) if path == "-" else None
        if name is None and path and path != "-" and identity(path) == known:
            name = path
        if name is not None:
            raise InputError(
                f"standard output is {name}, an input file; it is never overwritten"
            )


def _standard_output_file() -> tuple[int, int] | None:
    """The device and number of the regular file behind standard output, if any."""
    try:
        status = os.fstat(sys.stdout.fileno())
    # No file behind it: a stream of the caller's own, or closed.
    except (AttributeError, OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_dev, status.st_ino


def _an_input(output: str) -> InputError:
    return InputError(f"--output {output} is an input file; it is never overwritten")


def emit(output: str | None, data: bytes) -> None:
    with output_to(output) as out:
        out.write(data)


@contextlib.contextmanager
def output_to(output: str | None) -> Iterator[Sink]:
    """Standard output, or a temporary file beside `output` renamed into place.

    An interrupted run, or a batch stopped by a failing rule, leaves the old
    file whole, and no temporary file.  A problem with the file is one
    `InputError` naming ``--output``, the path and the reason.
    """
    if output is None:
        out = _StandardOutput()
        yield out
        out.flush()
        return
    target, status = _destination(output)
    if status is not None and not stat.S_ISREG(status.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as
        # a shell's `>` would: a rename would put a plain file in its place,
        # even /dev/null's when run as root.
        with _blamed(output):
            handle: IO[bytes] = Path(output).open("wb")  # noqa: SIM115 - closed below
        try:
            yield _File(output, handle)
            with _blamed(output):
                handle.close()
        except BaseException:
            _close_quietly(handle)
            raise
        return
    with _blamed(output):
        temporary, handle = _create_beside(target, new=status is None)
    try:
        yield _File(output, handle)
        with _blamed(output):
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            if status is not None:
                # Set last: until the file is whole it stays private.
                temporary.chmod(stat.S_IMODE(status.st_mode))
            temporary.replace(target)
    except BaseException:
        _close_quietly(handle)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def _close_quietly(handle: IO[bytes]) -> None:
    # Closing flushes what a failed write left in the buffer, and fails the
    # same way; the error that brought us here is the one to report.
    with contextlib.suppress(OSError):
        handle.close()


def _destination(output: str) -> tuple[Path, os.stat_result | None]:
    """The file `output` leads to, through symbolic links, and its status if any.

    Refuses, with the same reason, what ``open(output, "w")`` would refuse
    for the name alone: a folder, or the empty name.
    """
    if not output:
        # open("") fails so, where Path("") would be the current folder.
        raise cannot_write(output, errno.ENOENT)
    try:
        # Not Path(output).stat(): Path() drops a trailing "/", and "file/"
        # must fail as open() fails.
        status: os.stat_result | None = os.stat(output)  # noqa: PTH116
    except FileNotFoundError:
        status = None  # a new file, or a link to where one is to be
    except OSError as error:  # a link loop, "file/", a folder not searchable
        raise cannot_write(output, error) from None
    # A trailing separator names a folder even where there is none: Path()
    # would drop it and write a file of that name.
    if (status is not None and stat.S_ISDIR(status.st_mode)) or output.endswith(
        _SEPARATORS
    ):
        raise cannot_write(output, errno.EISDIR)
    if (
        status is not None
        and stat.S_ISREG(status.st_mode)
        and not os.access(output, os.W_OK)
    ):
        # Replaced by a rename, a file needs only its folder writable; a
        # shell's `>` refuses a write-protected one, and so does this.
        raise cannot_write(output, errno.EACCES)
    # The link stays a link: the file it leads to is replaced.
    return Path(os.path.realpath(output)), status


_SEPARATORS = tuple(filter(None, (os.sep, os.altsep)))


def _create_beside(target: Path, *, new: bool) -> tuple[Path, IO[bytes]]:
    """A new empty file beside `target`, to be renamed over it, and its path.

    A new target is created as ``open()`` creates one, 0666 less the umask
    (or as a default ACL says), and not tempfile's private 0600.  One that
    is there is replaced by a file created private and given its mode last.
    The name is cut so that a long one still leaves room for the rest.
    """
    # Here, not at the top: it loads OpenSSL's hashes (about 4 ms), which a
    # command that writes no file has no need of.
    import secrets  # noqa: PLC0415

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = target.with_name(f".{target.name[:40]}.{secrets.token_hex(4)}.tmp")
        try:
            # O_EXCL: never a file that is there, nor through a planted link.
            descriptor = os.open(path, flags, 0o666 if new else 0o600)
        except FileExistsError:  # pragma: no cover - 32 random bits, taken
            continue
        return path, os.fdopen(descriptor, "wb", buffering=_BUFFER)
    raise FileExistsError(  # pragma: no cover - a hundred times over
        errno.EEXIST, os.strerror(errno.EEXIST)
    )


#: The buffer of an ``--output`` file.  A batch writes thousands of pieces
#: of a few kilobytes (a plan's JSON line is about 5 kB); with the default
#: 8 kB buffer nearly each one was a system call of its own.
_BUFFER = 1 << 20


@final
class _File:
    """A file written for ``--output``: an `OSError` writing it blames the option.

    Only its own writes are blamed: an `OSError` elsewhere while the output is
    open (reading an input, say) is not about ``--output``.
    """

    def __init__(self, output: str, handle: IO[bytes]) -> None:
        self._output = output
        self._handle = handle

    def write(self, data: bytes, /) -> int:
        try:
            return self._handle.write(data)
        except BrokenPipeError:
            # A pipe's reader that went away (`--output /dev/stdout | head`)
            # is left to `main`, as on standard output.
            raise
        except OSError as error:
            raise cannot_write(self._output, error) from None


@final
class _StandardOutput:
    """Standard output as the commands write it: a failed write is one line.

    A full disk behind ``> file``, or standard output closed (``>&-``),
    is an `InputError` naming standard output, not a traceback.  A reader
    that went away (`BrokenPipeError`) is left to `main`.  The commands
    write UTF-8 to the stream's bytes; a stream of text alone (code that
    calls `main` inside ``contextlib.redirect_stdout(io.StringIO())``) is
    given the text.
    """

    def __init__(self) -> None:
        stream = sys.stdout
        if stream is None:
            # Python gives no stream at all for a descriptor closed at start.
            raise InputError("standard output is closed: nothing can be written")
        self._text = stream
        self._buffer: IO[bytes] | None = getattr(stream, "buffer", None)
        with _standard_output_blamed():
            # Text the stream holds goes first.
            stream.flush()

    def write(self, data: bytes, /) -> int:
        with _standard_output_blamed():
            if self._buffer is None:
                self._text.write(data.decode())
                return len(data)
            return self._buffer.write(data)

    def flush(self) -> None:
        with _standard_output_blamed():
            (self._text if self._buffer is None else self._buffer).flush()


@contextlib.contextmanager
def _standard_output_blamed() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise cannot_write(None, error) from None


@contextlib.contextmanager
def _blamed(output: str) -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise cannot_write(output, error) from None


def cannot_write(output: str | None, error: OSError | int) -> InputError:
    # `output` as `output_to` takes it: None for standard output.
    if isinstance(error, int):
        reason = os.strerror(error)
    else:
        reason = error.strerror or str(error)
    shown = output or "''"
    where = "standard output" if output is None else f"--output {shown}"
    return InputError(f"{where}: cannot write there ({reason})")
