"""Chunks of a stream worked in several processes, this one among them, in order.

`in_order` is what ``plan_many(..., workers=N)`` and the commands'
``--workers N`` run on: N processes work, the caller's and N - 1 others,
and the results come out in the order of the input.

The caller's process works too, between chunks it hands out: on two cores,
two processes that plan beat a parent that only hands out and takes back.
That is why this is not a `concurrent.futures` pool.  Such a pool moves
results with a thread of the parent, which takes the GIL for every 64 kB it
reads from a pipe; while the parent's own thread plans, each of those takes
up to the switch interval (5 ms), and the worker waits, blocked on a full
pipe (20,000 plans: 1.13 times one process, against 1.32 for a parent that
only waited).  Here the caller's process moves every byte itself, through
sockets that never block it, between slices of its own work.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import pickle
import selectors
import socket
import struct
import threading
import weakref
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar, final

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable

__all__ = ["HELD", "SLICE", "in_order"]

#: What every chunk needs (a rule set, say), an item of a chunk, and what
#: the work makes of an item.
Shared = TypeVar("Shared")
Item = TypeVar("Item")
Made = TypeVar("Made")

#: Chunks each process may hold at once, in hand or done and waiting for
#: their turn: memory stays flat however long the input.
HELD = 4
#: Items this process works on between looks at the others' sockets: about
#: 2 ms of planning, so that a worker's next chunk and its results move
#: while it works on the one before.
SLICE = 16

# A message's length, ahead of it.
_LENGTH = struct.Struct("!Q")

#: The caller's ends of the sockets of every run in progress in this
#: process, and the other processes of those runs.  A process forked while
#: they run (for another run, or by other code) holds copies of them all;
#: it lets go of them first thing (`_forget_runs`).
_CALLERS_ENDS: set[socket.socket] = set()
_OTHERS: weakref.WeakSet[multiprocessing.process.BaseProcess] = weakref.WeakSet()
#: Held while a run opens or closes a socket or starts a process, and by
#: every fork of this process (`_before_fork`): so no thread forks between
#: a socket's opening and its entry in `_CALLERS_ENDS`, or between a
#: process's start and its entry in `_OTHERS`, and no forked process holds
#: a run's socket or process without knowing it.  Reentrant: starting a
#: process forks in the thread that holds it.
_RUNS = threading.RLock()


def _before_fork() -> None:
    _RUNS.acquire()


def _after_fork_in_parent() -> None:
    _RUNS.release()


def _forget_runs() -> None:
    """In a forked process: the runs of the process it was forked from are not its.

    Their sockets are closed, or another run's worker would never see its
    caller close its end, and that run would wait for it in vain.  Their
    processes are dropped from multiprocessing's list of this process's
    children: at exit, multiprocessing ends every daemonic child on that
    list, and a program that forks and exits would end the runs of the one
    it was forked from.
    """
    global _RUNS  # noqa: PLW0603 - this process needs a lock of its own
    # The fork held it in the thread that forked; that thread alone goes on
    # here, and may start runs of its own.
    _RUNS = threading.RLock()
    for end in _CALLERS_ENDS:
        end.close()
    _CALLERS_ENDS.clear()
    # multiprocessing's own list (it has no public way to drop a process).
    children = getattr(multiprocessing.process, "_children", None)
    if isinstance(children, set):
        children.difference_update(_OTHERS)
    _OTHERS.clear()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(
        before=_before_fork,
        after_in_parent=_after_fork_in_parent,
        after_in_child=_forget_runs,
    )


def in_order(
    work: Callable[[Shared, list[Item]], list[Made]],
    chunks: Iterable[list[Item]],
    workers: int,
    *,
    shared: Shared,
    here: Callable[[Shared, list[Item]], list[Made]] | None = None,
) -> Generator[list[Made], None, None]:
    """``work(shared, chunk)`` of each chunk, in `workers` processes, in order.

    Up to `workers` - 1 processes are started, one whenever a chunk comes
    and those started are all busy, so never more than there are chunks;
    `shared` goes to each once, and
    `work`, a module-level function, travels with each chunk by name.  Each
    of them is handed two chunks at a time; whenever they all have two, this
    process works on the next chunk itself, with `here` (`work` by default),
    a slice of items at a time.  Both make a list with an entry per item.
    At most `HELD` chunks a process are held, so memory stays flat.  What a
    chunk raises is raised in its turn, after the results of the chunks
    before it.  A consumer that stops early (or an error) drops the chunks
    still in flight, and every other process has ended when this returns.

    Raises:
        BrokenProcessPool: another process ended before its work was done.
    """
    work_here = work if here is None else here
    others: list[_Other] = []
    pending: collections.deque[Future[list[Made]]] = collections.deque()
    # The process that starts the others is the one to end them: a process
    # forked meanwhile (by this or another run) holds this generator too,
    # and may finish it when it collects its garbage.
    starter = os.getpid()
    try:
        for chunk in chunks:
            _move(others)
            while pending and pending[0].done():
                yield pending.popleft().result()
            other = min(others, key=_Other.load, default=None)
            # Started as chunks come, when every one started is busy: as if
            # all had been started at first and the idle picked in turn,
            # but a short input (or a huge `workers`) starts no more
            # processes than it has chunks for.
            if (other is None or other.load() > 0) and len(others) < workers - 1:
                other = _Other(shared)
                others.append(other)
            # Two: one to work on, the next to start on at once.
            if other is not None and other.load() < 2:
                pending.append(other.send(work, chunk))
            else:
                pending.append(_done_here(work_here, shared, chunk, others))
            # Of the processes at work, this one among them.
            if len(pending) >= HELD * (len(others) + 1):
                yield _first(pending, others)
        while pending:
            yield _first(pending, others)
    finally:
        # All told first: a forked process holds the caller's ends of the
        # sockets of those started before it, so the first ones end only
        # once the later ones have.
        with _RUNS:
            for other in others:
                _CALLERS_ENDS.discard(other.connection)
                other.connection.close()
        if os.getpid() == starter:
            for other in others:
                other.stop()


def _done_here(
    work: Callable[[Shared, list[Item]], list[Made]],
    shared: Shared,
    chunk: list[Item],
    others: list[_Other],
) -> Future[list[Made]]:
    done: Future[list[Made]] = Future()
    made: list[Made] = []
    for start in range(0, len(chunk), SLICE):
        try:
            made.extend(work(shared, chunk[start : start + SLICE]))
        # Raised in its turn, as another process's error is.
        except Exception as error:  # noqa: BLE001
            done.set_exception(error)
            return done
        _move(others)
    done.set_result(made)
    return done


def _first(
    pending: collections.deque[Future[list[Made]]], others: list[_Other]
) -> list[Made]:
    # The first chunk's results, waiting for them if another process has
    # them still.
    while not pending[0].done():
        _wait(others)
    return pending.popleft().result()


def _move(others: list[_Other]) -> None:
    # What each socket takes and has, without waiting.
    for other in others:
        other.write()
        other.read()


def _wait(others: list[_Other]) -> None:
    # Until a socket can take or give something, then as `_move`.  Not
    # select(), which takes no descriptor numbered 1024 or more: a process
    # with many files or connections open has them.
    with selectors.DefaultSelector() as selector:
        for other in others:
            events = (selectors.EVENT_READ if other.held else 0) | (
                selectors.EVENT_WRITE if other.outgoing else 0
            )
            if events:
                selector.register(other.connection, events)
        selector.select()
    _move(others)


@final
class _Other:
    """Another process: its socket, the bytes still to send it, what it sends back.

    `held` are the futures of the chunks sent to it, in order: it answers
    them in that order.
    """

    __slots__ = ("body", "connection", "got", "head", "held", "outgoing", "process")

    def __init__(self, shared: object) -> None:
        with _RUNS:
            mine, theirs = socket.socketpair()
            self.process = multiprocessing.get_context().Process(
                target=_serve, args=(theirs, mine, shared), daemon=True
            )
            _CALLERS_ENDS.add(mine)
            try:
                self.process.start()
            except BaseException:
                _CALLERS_ENDS.discard(mine)
                mine.close()
                raise
            finally:
                theirs.close()
            _OTHERS.add(self.process)
        mine.setblocking(False)  # noqa: FBT003 - the socket's own API
        self.connection = mine
        self.outgoing: collections.deque[memoryview] = collections.deque()
        self.held: collections.deque[Future[Any]] = collections.deque()
        # The message coming in: its length's bytes, then its own.
        self.head = bytearray(_LENGTH.size)
        self.body: bytearray | None = None
        self.got = 0

    def load(self) -> int:
        """How many chunks it holds, unanswered."""
        return len(self.held)

    def send(self, work: Callable[[Any, Any], Any], chunk: object) -> Future[Any]:
        """Hand it a chunk: the future of its answer."""
        message = pickle.dumps((work, chunk), pickle.HIGHEST_PROTOCOL)
        self.outgoing.append(memoryview(_LENGTH.pack(len(message)) + message))
        answer: Future[Any] = Future()
        self.held.append(answer)
        self.write()
        return answer

    def write(self) -> None:
        """Send what the socket takes now."""
        outgoing = self.outgoing
        while outgoing:
            try:
                sent = self.connection.send(outgoing[0])
            except BlockingIOError:
                return
            except OSError as error:
                raise self._lost() from error
            if sent < len(outgoing[0]):
                outgoing[0] = outgoing[0][sent:]
            else:
                outgoing.popleft()

    def read(self) -> None:
        """Take what has come in; each whole answer settles its chunk's future."""
        while self.held:
            into = self.head if self.body is None else self.body
            try:
                count = self.connection.recv_into(memoryview(into)[self.got :])
            except BlockingIOError:
                return
            # A process that ended with a chunk still unread resets the
            # connection; one that had read all it was sent closes it.
            except OSError as error:
                raise self._lost() from error
            if count == 0:
                raise self._lost()
            self.got += count
            if self.got < len(into):
                continue
            self.got = 0
            if self.body is None:
                (length,) = _LENGTH.unpack(self.head)
                self.body = bytearray(length)
                continue
            answered, value = pickle.loads(self.body)  # noqa: S301 - from `_serve`
            self.body = None
            future = self.held.popleft()
            if answered:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _lost(self) -> BrokenProcessPool:
        self.process.join(1)
        return BrokenProcessPool(
            f"a worker process (pid {self.process.pid}) ended before its work "
            f"was done, with exit code {self.process.exitcode}"
        )

    def stop(self) -> None:
        """End the process, whose socket is closed: it finishes its chunk and goes."""
        self.process.join(5)
        if self.process.is_alive():  # pragma: no cover - a stuck worker
            self.process.terminate()
            self.process.join()


def _serve(connection: socket.socket, callers: socket.socket, shared: object) -> None:
    """The other process: each chunk in, its results (or its error) out.

    `callers` is the caller's end of the socket, which a forked process
    holds too: closed here, so that the caller closing it ends this process
    (forked, it has let go of other runs' already: `_forget_runs`).
    """
    callers.close()
    try:
        with connection:
            while (message := _message(connection)) is not None:
                work, chunk = pickle.loads(message)  # noqa: S301 - from `send`
                try:
                    answer = _answer(work(shared, chunk), answered=True)
                # Sent back, to be raised in the caller's process.
                except Exception as error:  # noqa: BLE001
                    answer = _answer(error, answered=False)
                connection.sendall(_LENGTH.pack(len(answer)) + answer)
    # The caller stopped listening (a consumer that stopped early), or was
    # interrupted: so is this process, quietly.
    except (OSError, KeyboardInterrupt):
        return


def _answer(value: object, *, answered: bool) -> bytes:
    try:
        return pickle.dumps((answered, value), pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # noqa: BLE001 - anything that does not pickle
        problem = RuntimeError(
            f"a worker's {'results' if answered else 'error'} could not be "
            f"sent back: {type(error).__name__}: {error}; it was "
            f"{type(value).__name__}: {value!r:.200}"
        )
        return pickle.dumps((False, problem), pickle.HIGHEST_PROTOCOL)


def _message(connection: socket.socket) -> bytearray | None:
    # The next message whole; None once the caller has closed its end.
    head = _exactly(connection, _LENGTH.size)
    if head is None:
        return None
    (length,) = _LENGTH.unpack(head)
    return _exactly(connection, length)


def _exactly(connection: socket.socket, count: int) -> bytearray | None:
    data = bytearray(count)
    view = memoryview(data)
    got = 0
    while got < count:
        more = connection.recv_into(view[got:])
        if more == 0:
            return None
        got += more
    return data
