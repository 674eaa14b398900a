"""`in_order`: chunks worked in other processes and in this one, results in order.

The processes here are real.  The other process's loop (`_serve`) also runs
in a thread of this one, over a socket pair, where coverage and mutation
testing follow it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import socket
import threading
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from followup._workers import _LENGTH, HELD, SLICE, _Other, _serve, in_order


def tagged(parent, chunk):
    """Each item with the process that worked on it; slow in other processes."""
    if os.getpid() != parent:
        time.sleep(0.05)
    return [(item, os.getpid()) for item in chunk]


def doubled(_, chunk):
    return [item * 2 for item in chunk]


def failing(parent, chunk):
    """Doubles, and fails on the item 13; slow in other processes."""
    if os.getpid() != parent:
        time.sleep(0.05)
    if 13 in chunk:
        raise ValueError(f"no 13 in {os.getpid() == parent}")
    return [item * 2 for item in chunk]


def ending(parent, chunk):
    """Another process that ends, without a word, once it has two chunks."""
    if os.getpid() != parent:
        time.sleep(0.05)
        os._exit(3)
    return list(chunk)


def unpicklable(_, chunk):
    return [lambda item=item: item for item in chunk]


def huge(size, chunk):
    """Items of `size` bytes each: more than a socket holds at once."""
    return [bytes([item % 256]) * size for item in chunk]


def keep(results, taken):
    """Take each result into `taken`, up to an error."""
    for result in results:
        taken.append(result)


def chunks_of(items, size):
    return [items[start : start + size] for start in range(0, len(items), size)]


def test_results_come_in_the_order_of_the_chunks_from_every_process():
    parent = os.getpid()
    chunks = chunks_of(list(range(60)), 3)
    results = list(in_order(tagged, chunks, 2, shared=parent))
    items = [item for result in results for item, _ in result]
    assert items == list(range(60))
    # The other process, slow, was handed two chunks at a time; this one
    # worked on the rest meanwhile.
    by = {pid for result in results for _, pid in result}
    assert parent in by
    assert len(by) == 2
    assert multiprocessing.active_children() == []


def test_this_process_works_with_its_own_function_a_slice_at_a_time():
    seen = []

    def here(shared, chunk):
        seen.append(len(chunk))
        return [("here", shared, item) for item in chunk]

    parent = os.getpid()
    chunk = list(range(SLICE * 2 + 5))
    results = list(in_order(tagged, [chunk] * 4, 2, shared=parent, here=here))
    assert [item for item, _ in results[0]] == chunk
    assert [len(result) for result in results] == [len(chunk)] * 4
    assert results[2] == [("here", parent, item) for item in chunk]
    assert seen == [SLICE, SLICE, 5, SLICE, SLICE, 5]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_results_are_those_of_one_process(workers):
    chunks = chunks_of(list(range(1000)), 7)
    with contextlib.closing(in_order(doubled, chunks, workers, shared=None)) as results:
        first = next(results)
        # One worker is this process alone; the others start as chunks find
        # those started busy, so on a loaded machine the first may keep up.
        started = len(multiprocessing.active_children())
        assert started <= workers - 1
        assert (started == 0) == (workers == 1)
        assert [first, *results] == [doubled(None, chunk) for chunk in chunks]
    assert multiprocessing.active_children() == []


def test_messages_larger_than_a_socket_holds_arrive_whole():
    size = 300_000
    chunks = [[1, 2], [3], [4, 5, 6], [7], [8, 9]]
    results = list(in_order(huge, chunks, 2, shared=size))
    assert results == [huge(size, chunk) for chunk in chunks]
    # Big chunks travel whole too.
    big = [[bytes(size)] * 3, [b"x" * size], [b""]]
    assert list(in_order(doubled, big, 2, shared=None)) == [
        doubled(None, chunk) for chunk in big
    ]


@pytest.mark.parametrize("where", [0, 1, 2, 5])
def test_an_error_is_raised_in_its_turn_after_the_chunks_before_it(where):
    # Chunk `where` holds the 13.  The other process, slow, has chunks 0
    # and 1; this one works on the next six meanwhile.
    chunks = [[index * 20 + 1] for index in range(8)]
    chunks[where] = [13]
    taken = []
    with pytest.raises(ValueError, match="no 13 in") as caught:
        keep(in_order(failing, chunks, 2, shared=os.getpid()), taken)
    assert taken == [doubled(None, chunk) for chunk in chunks[:where]]
    assert str(caught.value) == f"no 13 in {where >= 2}"
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    "chunks",
    [
        pytest.param([[1]], id="all it was sent read"),
        pytest.param([[1], [2], [3]], id="a chunk unread"),
    ],
)
def test_another_process_that_ends_breaks_the_run(chunks):
    with pytest.raises(BrokenProcessPool) as caught:
        list(in_order(ending, chunks, 2, shared=os.getpid()))
    assert "ended before its work was done, with exit code 3" in str(caught.value)
    assert multiprocessing.active_children() == []


def test_a_process_with_many_files_open_waits_on_sockets_numbered_past_1024(
    tmp_path,
):
    # select() takes no file descriptor numbered 1024 or more; a server
    # with many connections open hands out such numbers.
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip(f"this system allows {hard} open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    spare = [os.open(tmp_path, os.O_RDONLY) for _ in range(1100)]
    try:
        chunks = chunks_of(list(range(40)), 4)
        results = list(in_order(tagged, chunks, 2, shared=os.getpid()))
    finally:
        for number in spare:
            os.close(number)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert [item for result in results for item, _ in result] == list(range(40))


def test_another_process_that_ended_takes_nothing_more():
    other = _Other(None)
    try:
        other.process.terminate()
        other.process.join()
        # More than the socket holds: the rest is sent when it can be.
        with pytest.raises(BrokenProcessPool) as caught:
            other.send(doubled, [bytes(1_000_000)])
        assert str(caught.value) == (
            f"a worker process (pid {other.process.pid}) ended before its work "
            "was done, with exit code -15"
        )
    finally:
        other.connection.close()
        other.stop()


def test_results_that_do_not_pickle_come_back_as_an_error():
    with pytest.raises(RuntimeError, match="results could not be sent back"):
        list(in_order(unpicklable, [[1], [2]], 2, shared=None))


def test_a_consumer_that_stops_early_ends_every_other_process():
    endless = ([item] for item in iter(int, 1))
    results = in_order(huge, endless, 3, shared=300_000)
    assert next(results) == [b"\0" * 300_000]
    assert multiprocessing.active_children() != []
    results.close()
    assert multiprocessing.active_children() == []


def test_at_most_held_chunks_a_process_are_taken_while_the_first_is_worked():
    taken = []

    def chunks():
        for index in range(100):
            taken.append(index)
            yield [index]

    results = in_order(tagged, chunks(), 2, shared=os.getpid())
    assert [item for item, _ in next(results)] == [0]
    # Two handed out to the other process, slow, and six worked here while
    # the first is still out.
    assert len(taken) == HELD * 2
    results.close()


# -- the other process's loop, in a thread of this one --------------------


def _speak(connection, message):
    data = pickle.dumps(message)
    connection.sendall(_LENGTH.pack(len(data)) + data)


def _hear(connection):
    head = connection.recv(_LENGTH.size, socket.MSG_WAITALL)
    (length,) = _LENGTH.unpack(head)
    return pickle.loads(connection.recv(length, socket.MSG_WAITALL))


def _loop(shared):
    """A `_serve` loop in a thread; the caller's end of its socket, the thread."""
    mine, theirs = socket.socketpair()
    # The caller's end that a forked process would hold: `_serve` closes it.
    held = mine.dup()
    loop = threading.Thread(target=_serve, args=(theirs, held, shared), daemon=True)
    loop.start()
    return mine, loop, (theirs, held)


@pytest.fixture
def served():
    """The socket to a `_serve` loop whose shared value is 7."""
    mine, loop, ends = _loop(7)
    yield mine
    mine.close()
    loop.join(5)
    assert not loop.is_alive()
    # The loop closed its own end, and the caller's that it held.
    assert [end.fileno() for end in ends] == [-1, -1]


def test_the_loop_answers_each_chunk_in_turn(served):
    _speak(served, (doubled, [1, 2]))
    _speak(served, (huge, [3]))
    assert _hear(served) == (True, [2, 4])
    assert _hear(served) == (True, [bytes([3]) * 7])


def test_the_loop_sends_an_error_back_and_goes_on(served):
    _speak(served, (failing, [13]))
    answered, error = _hear(served)
    assert (answered, type(error), str(error)) == (False, ValueError, "no 13 in False")
    _speak(served, (unpicklable, [1]))
    answered, error = _hear(served)
    assert answered is False
    # Python's own words for what does not pickle differ between versions.
    assert str(error).startswith("a worker's results could not be sent back: ")
    assert "; it was list: [<function unpicklable.<locals>." in str(error)
    _speak(served, (doubled, [4]))
    assert _hear(served) == (True, [8])


def test_the_loop_ends_when_the_caller_stops_listening():
    mine, loop, _ = _loop(3_000_000)
    # More than the socket holds, and nobody reads it.
    _speak(mine, (huge, [1]))
    time.sleep(0.2)
    mine.close()
    loop.join(5)
    assert not loop.is_alive()


def test_the_loop_ends_on_a_message_cut_short():
    mine, loop, _ = _loop(0)
    mine.sendall(_LENGTH.pack(100) + b"only part")
    mine.close()
    loop.join(5)
    assert not loop.is_alive()
