"""The text a mail program shows of a message written in HTML alone.

Web mail and some clients send a letter as HTML with no plain-text part;
`check_letter` reads it as its reader sees it.  Only what a letter needs:
blocks as lines, a break as a line end (two, a blank line), white space as
HTML shows it (kept inside ``pre``), cells apart, a quoted reply quoted.

The markup is read by a scan of its own, not `html.parser`: that parser
takes time growing with the square of the input on unclosed comments and
tags (400 kB of ``<!--x`` took a minute), and raises on a marked section it
does not know (``<![foo[``).  Here each character is looked at a bounded
number of times, and a line is kept as its pieces until the end, whatever
the markup; what is no tag is text.
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
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tr",
        "ul",
    }
)
_UNSHOWN = frozenset({"script", "style", "template", "title"})
_CELLS = frozenset({"td", "th"})
# A tag's name after "<" or "</"; "<" before anything else is text ("a < b").
_NAME = re.compile(r"/?([a-zA-Z][a-zA-Z0-9-]*)")
# Where an unshown element's content ends, whatever the case of its tag (a
# lower-cased copy of the markup would not do: "İ" lowers to two letters).
_ENDS = {tag: re.compile(f"</{tag}", re.IGNORECASE) for tag in _UNSHOWN}
# A blockquote a mail program shows as a quote, with a bar: a reply's
# (`type="cite"`, Gmail's `gmail_quote`) or one drawn with a left border.
# Gmail's "Indent more" writes a blockquote of neither: an indented paragraph.
_QUOTING = re.compile(r"type\s*=\s*[\"']?cite|quote|border-left", re.IGNORECASE)
# HTML's white space (no-break space is none), and an attribute's name
# with the space around it: a quote opens a value only right after "=".
_SPACE = "\t\n\f\r "
_NAME_AND_SPACE = re.compile(f"[{_SPACE}/]*[^{_SPACE}/>=]*[{_SPACE}]*")
_SPACES = re.compile(f"[{_SPACE}]*")
_UNQUOTED = re.compile(f"[^{_SPACE}>]*")


def shown_text(markup: str) -> str:
    """The text of the HTML `markup`, a block a line.

    Runs of white space are one space, as HTML shows them, but inside
    ``pre``; a paragraph, a break or an item begins a line, two breaks
    leave a blank one; what a quoting ``blockquote`` holds is quoted (``> ``,
    once, however deep), as a plain-text reply quotes it; entities are read.

    >>> print(shown_text("<p>Dear Grace,</p><p>Thank you <b>so</b> much.<br>Ada"
    ...                  '<blockquote type="cite"><p>Hi Ada</p></blockquote>'))
    Dear Grace,
    Thank you so much.
    Ada
    <BLANKLINE>
    > Hi Ada
    """
    page = _Page()
    at, size = 0, len(markup)
    while at < size:
        opens = markup.find("<", at)
        if opens == -1:
            page.text(markup[at:])
            break
        page.text(markup[at:opens])
        if markup.startswith("<!--", opens):
            # A comment, to its end ("<!-->" is one, empty); one never
            # closed hides the rest, as a browser shows it.
            empty = markup.startswith(("<!-->", "<!--->"), opens)
            closes = markup.find("-->", opens + 4) if not empty else opens
            at = size if closes == -1 else markup.find(">", closes) + 1
            continue
        name = _NAME.match(markup, opens + 1)
        if name is None and markup[opens + 1 : opens + 2] not in {"!", "?"}:
            page.text("<")
            at = opens + 1
            continue
        if name is None:
            closes = markup.find(">", opens + 1)
        else:
            closes = _tag_end(markup, name.end())
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
            # Its content unread, to its end tag (or the markup's end).
            ends = _ENDS[tag].search(markup, at)
            at = size if ends is None else ends.start()
        else:
            page.start(tag, markup[name.end() : closes])
    return page.written()


def _tag_end(markup: str, at: int) -> int:
    """Where the tag whose attributes begin at `at` ends (its ">"), or -1.

    Read as a browser reads attributes: a name, and after "=" a value,
    quoted to its closing quote (a ">" inside, `title="a>b"`, ends no tag)
    or unquoted to the next space or ">" (a quote inside, `href=x?a="b`,
    opens nothing).  A quoted value never closed leaves the tag open.  Each
    step reads on from the last, so a tag is read in time linear in it.
    """
    size = len(markup)
    while True:
        at = _NAME_AND_SPACE.match(markup, at).end()  # type: ignore[union-attr]
        if at >= size:
            return -1
        if markup[at] == ">":
            return at
        if markup[at] != "=":
            # The next attribute's name, after a name with no value.
            continue
        at = _SPACES.match(markup, at + 1).end()  # type: ignore[union-attr]
        if at < size and markup[at] in "\"'":
            closes = markup.find(markup[at], at + 1)
            if closes == -1:
                return -1
            at = closes + 1
        else:
            at = _UNQUOTED.match(markup, at).end()  # type: ignore[union-attr]


class _Line:
    """A line shown, kept as its pieces: joined once, at the end."""

    __slots__ = ("pieces", "shown", "spaced")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.shown = False  # some text that is no white space
        self.spaced = False  # ends with a space


class _Page:
    """The lines shown so far, and where the reader is among the blocks."""

    def __init__(self) -> None:
        self.lines = [_Line()]
        # Each blockquote open: whether it quotes.
        self.quotes: list[bool] = []
        self.preformatted = 0

    @property
    def _quoted(self) -> bool:
        return any(self.quotes)

    def _new_line(self) -> None:
        if self.lines[-1].shown:
            self.lines.append(_Line())

    def _break(self) -> None:
        # A break ends the line it is on, an empty one too: two of them
        # leave a blank line, as a mail program shows them.
        self.lines.append(_Line())

    def start(self, tag: str, attributes: str) -> None:
        if tag == "br":
            self._break()
        elif tag == "blockquote":
            quotes = _QUOTING.search(attributes) is not None
            self._new_line()
            if quotes and len(self.lines) > 1 and self.lines[-2].shown:
                # A quoted reply stands apart, after a blank line, as a
                # reader of text quotes it (`_letter_parts._quote_start`).
                self.lines.append(_Line())
            self.quotes.append(quotes)
        elif tag in _BLOCKS:
            self._new_line()
            self.preformatted += tag == "pre"
        elif tag in _CELLS:
            self._space()

    def end(self, tag: str) -> None:
        if tag == "br":
            self._break()
        elif tag in _BLOCKS:
            self._new_line()
            if tag == "blockquote" and self.quotes:
                self.quotes.pop()
            elif tag == "pre":
                self.preformatted = max(0, self.preformatted - 1)
        elif tag in _CELLS:
            self._space()

    def _space(self) -> None:
        line = self.lines[-1]
        if line.pieces and not line.spaced:
            line.pieces.append(" ")
            line.spaced = True

    def text(self, data: str) -> None:
        if not data:
            return
        data = html.unescape(data) if "&" in data else data
        if self.preformatted:
            first, *more = data.split("\n")
            self._add(first, first)
            for line in more:
                self._break()
                self._add(line, line)
            return
        self._add(" ".join(data.split()), data)

    def _add(self, words: str, data: str) -> None:
        line = self.lines[-1]
        keep = bool(self.preformatted)
        if not line.pieces:
            if not words.strip():
                return
            if self._quoted:
                line.pieces.append("> ")
        elif not keep and data[:1].isspace() and not line.spaced:
            line.pieces.append(" ")
            line.spaced = True
        if words:
            line.pieces.append(words)
            line.shown = line.shown or bool(words.strip())
            line.spaced = words.endswith(" ")
            if not keep and data[-1:].isspace() and not line.spaced:
                line.pieces.append(" ")
                line.spaced = True

    def written(self) -> str:
        return "\n".join("".join(line.pieces).rstrip() for line in self.lines).strip(
            "\n"
        )
