"""The text a mail program shows of a message written in HTML alone.

Web mail and some clients send a letter as HTML with no plain-text part;
`check_letter` reads it as its reader sees it.  Only what a letter needs:
blocks as lines, white space as HTML shows it, a quoted reply quoted.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["shown_text"]

# The elements that begin a line of their own where a mail program shows
# HTML, and those whose text it does not show.
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


def shown_text(markup: str) -> str:
    """The text of the HTML `markup`, a block a line.

    Runs of white space are one space, as HTML shows them; a paragraph, a
    break or an item begins a line; what a ``blockquote`` holds is quoted
    (``> ``), as a plain-text reply quotes it; entities are read.

    >>> print(shown_text("<p>Dear Grace,</p><p>Thank you <b>so</b> much.<br>Ada"
    ...                  "<blockquote><p>Hi Ada</p></blockquote>"))
    Dear Grace,
    Thank you so much.
    Ada
    <BLANKLINE>
    > Hi Ada
    """
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return "\n".join(line.rstrip() for line in reader.lines).strip("\n")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.quoted = 0
        self.unshown = 0

    def _new_line(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")

    def handle_starttag(self, tag: str, _: list[tuple[str, str | None]]) -> None:
        if tag in _UNSHOWN:
            self.unshown += 1
        elif tag == "blockquote":
            # A quoted reply stands apart, after a blank line, as a reader
            # of text quotes it (`_letter_parts._quote_start`).
            self._new_line()
            if len(self.lines) > 1 and self.lines[-2].strip():
                self.lines.append("")
            self.quoted += 1
        elif tag in _BLOCKS:
            self._new_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNSHOWN:
            self.unshown = max(0, self.unshown - 1)
        elif tag in _BLOCKS:
            self._new_line()
            if tag == "blockquote":
                self.quoted = max(0, self.quoted - 1)

    def handle_data(self, data: str) -> None:
        if self.unshown or not data:
            return
        words = " ".join(data.split())
        line = self.lines[-1]
        if not line:
            # A line begins: quoted as deep as the blockquotes it is in.
            line = "> " * self.quoted if words else ""
        elif data[0].isspace() and not line.endswith(" "):
            line += " "
        if words:
            line += words + (" " if data[-1].isspace() else "")
        self.lines[-1] = line
