"""A server (or a proxy before it) whose answer is no XML: one line, not a traceback.

Each test starts a small HTTP server of its own that answers PROPFIND as
a broken or hostile calendar server would: an answer cut short, one that
would expand entities a billion times, a proxy's HTML page under status 207.
"""

from __future__ import annotations

import http.server
import threading

import pytest

from followup import plan_followups
from followup.example import example_interview
from followup.sync import SyncError, sync_plan
from shell import run

CUT_SHORT = b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response>'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode()
        for n in range(8)
    )
    + b']><D:multistatus xmlns:D="DAV:">&i;</D:multistatus>'
)
PROXY_PAGE = b"<html><body><h1>502 Bad Gateway</h1></body>"


def _serving(body):
    class Answer(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_PROPFIND(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(207)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(params=[CUT_SHORT, LAUGHS, PROXY_PAGE], ids=["cut", "laughs", "html"])
def broken_url(request):
    server = _serving(request.param)
    yield f"http://127.0.0.1:{server.server_address[1]}/cal/"
    server.shutdown()
    server.server_close()


def test_the_library_raises_a_sync_error_naming_the_url(broken_url):
    plan = plan_followups(example_interview())
    with pytest.raises(SyncError) as raised:
        sync_plan(plan, broken_url, username="ada", password="pw")  # noqa: S106
    message = str(raised.value)
    assert message.startswith(f"{broken_url}: ")
    assert "\n" not in message


def test_the_command_says_it_in_one_line_and_exits_2(broken_url, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_CALDAV_USERNAME", "ada")
    monkeypatch.setenv("FOLLOWUP_CALDAV_PASSWORD", "pw")
    result = run("sync", "--example", "--to", broken_url)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"followup: error: {broken_url}: ")
