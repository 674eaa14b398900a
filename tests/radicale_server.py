"""A real CalDAV server for the tests: Radicale on 127.0.0.1, one user.

The sync tests start it once a run (the ``caldav_server`` fixture of
conftest.py), each with calendars of its own (``calendar_url``), and read
them back through the ``caldav`` client, as another device would.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import caldav

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# No space in the password: Python 3.10's netrc reads no quoted tokens.
USER, PASSWORD = "ada", "correct-horse"

_made = itertools.count()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def radicale(folder: Path) -> Iterator[str]:
    """Run Radicale with its collections and password file in `folder`; its base URL."""
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    port = free_port()
    config = folder / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\n"
        # Radicale waits a second before answering a request without the
        # right credentials, and a client's first request carries none (it
        # learns from the 401 how to log in): a second each sync otherwise.
        "htpasswd_encryption = plain\ndelay = 0\n"
        f"[storage]\nfilesystem_folder = {folder / 'collections'}\n"
        "[logging]\nlevel = warning\n"
    )
    log = folder / "log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", port), timeout=1),
            ):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text())
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def new_calendar(server: str, prefix: str) -> str:
    """A fresh, empty calendar of the user's on `server`; its URL."""
    client = caldav.DAVClient(f"{server}/", username=USER, password=PASSWORD)
    name = f"{prefix}-{next(_made)}"
    calendar = client.principal().make_calendar(name=name, cal_id=name)
    return str(calendar.url)
