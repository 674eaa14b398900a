"""The text a mail program shows of a message written in HTML alone.

Web mail and some clients send a letter as HTML with no plain-text part;
`check_letter` reads it as its reader sees it.  Only what a letter needs:
blocks as lines, white space as HTML shows it (kept inside ``pre``), cells
apart, a quoted reply quoted.

The markup is read by a scan of its own, not `html.parser`: that parser
takes time growing with the square of the input on unclosed comments and
tags (400 kB of ``<!--x`` took a minute), and raises on a marked section it
does not know (``<![foo[``).  Each character here is looked at a bounded
number of times, whatever the markup; what is no tag is text.
"""

from __future__ import annotations

import html
import re

__all__ = ["shown_text"]

# The elements that begin a line of their own where a mail program shows
# HTML; those whose content it does not show; cells, set apart by a space.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
_UNSHOWN = frozenset({"head", "script", "style", "template", "title"})
_CELLS = frozenset({"td", "th"})
# A tag's name after "<" or "</"; "<" before anything else is text ("a < b").
_NAME = re.compile(r"/?([a-zA-Z][a-zA-Z0-9-]*)")


def shown_text(markup: str) -> str:
    """The text of the HTML `markup`, a block a line.

    Runs of white space are one space, as HTML shows them, but inside
    ``pre``; a paragraph, a break or an item begins a line; what a
    ``blockquote`` holds is quoted (``> ``, once, however deep), as a
    plain-text reply quotes it; entities are read.

    >>> print(shown_text("<p>Dear Grace,</p><p>Thank you <b>so</b> much.<br>Ada"
    ...                  "<blockquote><p>Hi Ada</p></blockquote>"))
    Dear Grace,
    Thank you so much.
    Ada
    <BLANKLINE>
    > Hi Ada
    """
    page = _Page()
    lowered = markup.lower()
    at, size = 0, len(markup)
    while at < size:
        opens = markup.find("<", at)
        if opens == -1:
            page.text(markup[at:])
            break
        page.text(markup[at:opens])
        if markup.startswith("<!--", opens):
            # A comment, to its end; one never closed hides the rest.
            closes = markup.find("-->", opens + 4)
            at = size if closes == -1 else closes + 3
            continue
        name = _NAME.match(markup, opens + 1)
        if name is None and markup[opens + 1 : opens + 2] not in {"!", "?"}:
            page.text("<")
            at = opens + 1
            continue
        closes = markup.find(">", opens + 1)
        if closes == -1:
            # A tag never closed: what follows is no text a reader sees.
            break
        at = closes + 1
        if name is None:
            continue  # a declaration, a marked section, an instruction
        tag = name[1].lower()
        if name[0].startswith("/"):
            page.end(tag)
        elif tag in _UNSHOWN:
            # Its content unread, to the end tag (or of the markup).
            ends = lowered.find(f"</{tag}", at)
            at = size if ends == -1 else ends
        else:
            page.start(tag)
    return page.written()


class _Page:
    """The lines shown so far, and where the reader is among the blocks."""

    def __init__(self) -> None:
        self.lines = [""]
        self.quoted = 0
        self.preformatted = 0

    def _new_line(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")

    def start(self, tag: str) -> None:
        if tag == "blockquote":
            # A quoted reply stands apart, after a blank line, as a reader
            # of text quotes it (`_letter_parts._quote_start`).
            self._new_line()
            if len(self.lines) > 1 and self.lines[-2].strip():
                self.lines.append("")
            self.quoted += 1
        elif tag in _BLOCKS:
            self._new_line()
            self.preformatted += tag == "pre"
        elif tag in _CELLS:
            self._space()

    def end(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._new_line()
            if tag == "blockquote":
                self.quoted = max(0, self.quoted - 1)
            elif tag == "pre":
                self.preformatted = max(0, self.preformatted - 1)
        elif tag in _CELLS:
            self._space()

    def _space(self) -> None:
        if self.lines[-1] and not self.lines[-1].endswith(" "):
            self.lines[-1] += " "

    def text(self, data: str) -> None:
        if not data:
            return
        data = html.unescape(data) if "&" in data else data
        if self.preformatted:
            first, *more = data.split("\n")
            self._words(first, keep=True)
            for line in more:
                self.lines.append("")
                self._words(line, keep=True)
            return
        self._words(data, keep=False)

    def _words(self, data: str, *, keep: bool) -> None:
        words = data if keep else " ".join(data.split())
        line = self.lines[-1]
        if not line:
            # A line begins: quoted when it is inside a blockquote.
            line = "> " if self.quoted and words.strip() else ""
        elif not keep and data[:1].isspace() and not line.endswith(" "):
            line += " "
        if words:
            line += words + (" " if not keep and data[-1:].isspace() else "")
        self.lines[-1] = line

    def written(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines).strip("\n")
