"""Letters and files as Windows, mail programs and phones write them.

A letter piped in reads as the same file named does; a message of HTML
alone, one Thunderbird wrapped (``format=flowed``), one split from an mbox
file, and marks no one sees (a zero-width space, a soft hyphen) are read as
a mail program shows them.  A folder's files are found whatever the case of
their suffixes and however a Mac spelt their accents.
"""

from __future__ import annotations

import codecs
import os
import pathlib
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Contact, Interview, check_letter
from followup._letter_parts import letter_parts
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme Analytics",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact("Grace Hopper", timezone="America/New_York"),
)
FOLLOW_UP = (EXAMPLES / "follow-up.txt").read_text(encoding="utf-8")
SENT = "2026-11-25T09:00:00-05:00"
# A thank-you whose subject names the date and time, and whose body does not.
THANKS = (
    "Subject: Thank you - phone interview on 23 November at 10:00\n\n"
    "Dear Grace,\n\nThank you for the phone interview. I am very interested in\n"
    "working at Acme Analytics.\n\nBest regards,\nAda Lovelace\n"
)


def _messages(text: str, kind: str = "follow-up") -> list[str]:
    return [f.message for f in check_letter(text, INTERVIEW, kind, sent=SENT)]


# -- standard input, as a file ---------------------------------------------------


def test_a_letter_piped_in_with_a_byte_order_mark_reads_as_the_file(tmp_path):
    # The mark stayed in front of "Subject:" on standard input: the subject's
    # date and time counted as the letter's, it was checked as a follow-up,
    # and it passed (status 0) where the file fails (status 1).
    letter = tmp_path / "thanks.txt"
    letter.write_text("\ufeff" + THANKS, encoding="utf-8")
    named = run("check-letter", letter, "--example", "--sent", SENT)
    piped = run(
        "check-letter", "-", "--example", "--sent", SENT, stdin="\ufeff" + THANKS
    )
    assert named.returncode == piped.returncode == 1
    assert piped.stdout == named.stdout.replace(str(letter), "standard input")
    assert "does not name the date of the interview" in piped.stdout


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
def test_a_letter_piped_in_that_is_not_utf8_is_refused_as_a_file_is(locale):
    # UTF-16 (Notepad's "Unicode"): misread under one locale, a traceback
    # under another.
    env = {**os.environ, "LC_ALL": locale, "PYTHONIOENCODING": ""}
    result = subprocess.run(
        [sys.executable, "-m", "followup", "check-letter", "-", "--example"],
        input=FOLLOW_UP.encode("utf-16"),
        capture_output=True,
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "followup: error: standard input: is not UTF-8 text\n",
    )


def test_the_library_reads_a_letter_with_a_byte_order_mark_as_one_without():
    assert _messages("\ufeff" + THANKS, "thank-you") == _messages(THANKS, "thank-you")
    assert letter_parts("\ufeff" + THANKS).subject == letter_parts(THANKS).subject


# -- messages as mail programs save them -----------------------------------------

HEAD = (
    "From: Ada Lovelace <ada@example.com>\nTo: Grace Hopper <grace@example.com>\n"
    "Subject: Following up\nDate: Wed, 25 Nov 2026 09:00:00 -0500\n"
    "MIME-Version: 1.0\n"
)


@pytest.mark.parametrize(
    "before",
    ["From ada@example.com Wed Nov 25 14:00:00 2026\n", "\n", "\n\n"],
    ids=["mbox", "a blank line", "two blank lines"],
)
def test_a_message_after_an_mbox_line_or_blank_lines_is_a_message(before):
    message = HEAD + "Content-Type: text/plain; charset=UTF-8\n\n" + FOLLOW_UP
    assert letter_parts(before + message) == letter_parts(message)
    assert letter_parts(message).subject == "Following up"


def test_a_letter_thunderbird_wrapped_is_counted_as_it_is_shown():
    # Ten wrapped lines, one paragraph of four sentences: under ten lines.
    paragraph = (
        "I am writing to follow up on our phone interview on Monday, November 23 "
        "at 10:00. I am still very interested in Acme Analytics: my experience "
        "building data pipelines for six years matches what your team needs, and "
        "I have led the migration of a large warehouse to streaming ingestion "
        "with measurable savings for the business and its users. I would welcome "
        "the chance to talk about the next steps whenever suits you best, and I "
        "am happy to share more."
    )
    words, wrapped, line = paragraph.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > 72:
            wrapped.append(line + " ")
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    body = (
        "Dear Ms. Hopper,\n\n"
        + "\n".join(wrapped)
        + "\n\nBest regards,\nAda Lovelace\n"
    )
    head = HEAD + "Content-Type: text/plain; charset=UTF-8; format=flowed\n\n"
    assert len(body.splitlines()) >= 10
    parts = letter_parts(head + body)
    assert parts.own.splitlines()[2] == paragraph
    assert [m for m in _messages(head + body) if "lines" in m] == []
    fixed = HEAD + "Content-Type: text/plain; charset=UTF-8\n\n" + body
    assert [m for m in _messages(fixed) if "lines" in m] != []


def test_a_message_of_html_alone_is_checked_as_its_text():
    html = (
        "<html><body><p>Dear Grace,</p><p>I am writing to follow up on our phone "
        "interview on 23&nbsp;November at 10:00.<br>I remain very interested in "
        "<b>Acme Analytics</b>: my experience building data pipelines matches "
        "what your team needs.</p><p>Best regards,<br>Ada Lovelace</p>"
        "</body></html>"
    )
    message = (
        HEAD + "Content-Type: text/html; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n\n" + html
    )
    assert _messages(message) == _messages(FOLLOW_UP) == []


# -- marks no one sees -----------------------------------------------------------


@pytest.mark.parametrize(
    ("find", "put"),
    [
        ("23 November", "23\u200b November"),
        ("23 November", "23 No\u00advember"),
        ("Acme Analytics", "Ac\u200dme Analytics"),
        ("Ada Lovelace", "Ada Love\u00adlace"),
    ],
    ids=["zero-width space", "soft hyphen", "zero-width joiner", "in a name"],
)
def test_invisible_marks_in_a_letter_hide_no_word(find, put):
    assert _messages(FOLLOW_UP.replace(find, put)) == []


def test_an_invisible_mark_pasted_into_the_company_s_name_hides_it_not():
    pasted = Interview("Ada Lovelace", "Acme Analytics\u200b", INTERVIEW.at)
    assert check_letter(FOLLOW_UP, pasted, sent=SENT) == ()


def test_a_french_quote_header_with_its_accent_apart_is_a_quote():
    # "a écrit" as a Mac may write it: "e" and a combining acute accent.  The
    # quoted message's time was read as the letter's own.
    letter = (
        "Madame Hopper,\n\nJe reviens vers vous suite à notre entretien "
        "téléphonique de cette semaine.\n\nCordialement,\nAda Lovelace\n\n"
        "Le lun. 23 nov. 2026 à 08:02, Grace Hopper <grace@example.com> "
        "a écrit :\n> Je vous appelle le 23 novembre à 10 h.\n"
    )
    decomposed = unicodedata.normalize("NFD", letter)
    assert letter_parts(decomposed).quoted.startswith("Le lun. 23 nov.")
    assert letter_parts(letter).quoted.startswith("Le lun. 23 nov.")


# -- a folder's files ------------------------------------------------------------


def _interview_toml(company: str) -> str:
    return (
        f'candidate = "Ada Lovelace"\ncompany = "{company}"\n'
        'at = "2026-11-23T10:00:00-05:00[America/New_York]"\n'
    )


HISTORY = '[[events]]\nkind = "thank-you-sent"\nat = "2026-11-23T10:45:00-05:00"\n'


def test_a_folder_s_files_are_found_whatever_the_case_of_their_suffixes(tmp_path):
    # Orbital.TOML was left out of the batch, and acme.history.TOML ignored:
    # the thank-you it records came back as overdue, with status 0.
    (tmp_path / "Orbital.TOML").write_text(_interview_toml("Orbital"))
    (tmp_path / "acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "acme.history.TOML").write_text(HISTORY)
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("Orbital (Orbital)" in line for line in lines)
    assert not any("thank-you" in line and "(acme)" in line for line in lines)
    assert any("thank-you" in line and "(Orbital)" in line for line in lines)


def test_a_history_a_mac_named_with_its_accent_apart_is_the_interview_s(tmp_path):
    composed = unicodedata.normalize("NFC", "Zoë")
    (tmp_path / f"{composed}.toml").write_text(_interview_toml("Acme"))
    apart = unicodedata.normalize("NFD", "Zoë")
    (tmp_path / f"{apart}.history.toml").write_text(HISTORY)
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert (result.returncode, result.stderr) == (0, "")
    assert "thank-you" not in result.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_json_lines_file_powershell_wrote_is_refused_once(tmp_path, encoding):
    # Its first line was "not UTF-8", every other one "not valid JSON", and a
    # phantom line after the last.
    lines = (EXAMPLES / "interviews.jsonl").read_text(encoding="utf-8")
    wide = tmp_path / "ps.jsonl"
    data = lines.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    wide.write_bytes(data)
    for command in (("due", wide, "--on", "2026-12-01"), ("plan", wide)):
        result = run(*command)
        assert result.returncode == 2
        assert result.stderr == (
            f"{wide}: is UTF-16 or UTF-32 text, not UTF-8 (save it as UTF-8: "
            "PowerShell's Out-File -Encoding utf8, say)\n"
        )


def test_a_file_name_holding_a_line_separator_is_refused_in_a_folder(tmp_path):
    # U+2028 is no control character, but ends a line: the name, its id,
    # would have split a line of `due` in two.
    (tmp_path / "acme\u2028corp.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "orbital.toml").write_text(_interview_toml("Orbital"))
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path}/acme\\u2028corp.toml: the file's name is not one line "
        "without control characters\n"
    )
    assert "\u2028" not in result.stdout
    assert "(orbital)" in result.stdout


# -- what the review of the session's own changes found -------------------------


def test_html_the_standard_parser_refuses_is_read_as_text():
    # A marked section html.parser does not know raised AssertionError.
    html = "<p>Thank you</p><![foo[ bar ]]><p>Ada</p><![x<![x"
    message = HEAD + "Content-Type: text/html; charset=UTF-8\n\n" + html
    assert letter_parts(message).own == "Thank you\nAda"
    assert isinstance(check_letter(message, INTERVIEW, sent=SENT), tuple)


def test_html_nested_deep_is_read_in_proportion_to_its_size():
    # Each line was quoted once for every blockquote around it: 260 kB of
    # nesting made 400 million characters.
    from followup._html_text import shown_text  # noqa: PLC0415

    nested = '<blockquote type="cite">x' * 20000
    shown = shown_text(nested)
    assert len(shown) < len(nested)
    assert set(shown.splitlines()) == {"> x", ""}
    # Never closed, a comment or a tag hides the rest, as a browser shows it.
    assert shown_text("Hi <!--x" * 1000) == "Hi"
    assert shown_text("Hi <a" * 1000) == "Hi"


def test_html_keeps_preformatted_lines_and_cells_apart():
    from followup._html_text import shown_text  # noqa: PLC0415

    pre = "<pre>Dear Grace,\nThank you.\n-- \nAda Lovelace</pre>"
    assert shown_text(pre) == "Dear Grace,\nThank you.\n--\nAda Lovelace"
    cells = "<table><tr><td>Ada</td><td>Lovelace</td></tr></table>"
    assert shown_text(cells) == "Ada Lovelace"
    assert shown_text("a < b &amp; c<script>if (a<b) {}</script>") == "a < b & c"


def test_a_letter_that_starts_with_from_and_a_name_is_no_mbox_message():
    memo = (
        "From Ada Lovelace\nTo: Grace Hopper, Acme Analytics\n"
        "Date: 24 November 2026\n\nDear Grace,\nthank you for the interview.\n"
    )
    assert letter_parts(memo).own == memo.rstrip("\n")


def test_flowed_text_keeps_its_signature_and_quotes_apart():
    head = HEAD + "Content-Type: text/plain; charset=UTF-8; format=flowed\n\n"
    body = (
        "Dear Grace, this is \nlong.\nThanks, \n-- \nAda Lovelace\n\n"
        "On Mon, Grace wrote:\n> see \n> you at 10.\n"
    )
    parts = letter_parts(head + body)
    assert parts.own == "Dear Grace, this is long.\nThanks, "
    assert parts.signature == "Ada Lovelace\n"
    assert parts.quoted == "On Mon, Grace wrote:\n> see you at 10."


def test_interviews_differing_in_case_keep_their_own_histories(tmp_path):
    # ACME.toml took acme.toml's history (a thank-you sent) as its own.
    (tmp_path / "acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "ACME.toml").write_text(_interview_toml("Acme Two"))
    (tmp_path / "acme.history.toml").write_text(HISTORY)
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert (result.returncode, result.stderr) == (0, "")
    thanks = [line for line in result.stdout.splitlines() if "thank-you" in line]
    assert len(thanks) == 1
    assert thanks[0].endswith("Acme Two (ACME)")


def test_of_two_spellings_of_a_history_the_exact_one_serves(tmp_path):
    (tmp_path / "Acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "Acme.history.toml").write_text(HISTORY)
    (tmp_path / "acme.history.toml").write_text("# nothing yet\n")
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert "thank-you" not in result.stdout
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path}/acme.history.toml: another spelling of Acme.history.toml, the "
        "history of Acme.toml, which is read; this one is not\n"
    )


# Markup of the pieces that make readers stumble: tags, comments and marked
# sections left open, entities, quotes nested.
_PIECES = [
    *"<>/!-[]&;# =\"'\n ax",
    '="', "='", "<p>", "<br>", "<blockquote>", '<blockquote type="cite">', "</blockquote>", "<pre>", "</pre>", "<!--",
    "-->", "<td>", "<style>", "</style>", "&amp;", "<![x[", "]]>",
]  # fmt: skip
_MARKUP = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


@given(_MARKUP)
def test_any_html_is_read_into_text_no_longer_than_twice_its_own(markup):
    from followup._html_text import shown_text  # noqa: PLC0415

    shown = shown_text(markup)
    assert len(shown) <= 2 * len(markup)
    # A tag is never shown as text: "<p>" read is a line, not its letters.
    assert "<p>" not in shown


def test_html_the_way_mail_programs_write_it_is_read_as_they_show_it():
    from followup._html_text import shown_text  # noqa: PLC0415

    # Gmail's "Indent more" is a blockquote with no bar: an indented
    # paragraph of the letter, not a quote.
    indented = (
        '<div>Dear Grace,</div><blockquote style="margin:0 0 0 40px;border:none;'
        'padding:0px"><div>I remain very interested.</div></blockquote><div>Ada</div>'
    )
    assert shown_text(indented) == "Dear Grace,\nI remain very interested.\nAda"
    gmail = (
        '<div>Ada</div><div class="gmail_quote"><blockquote class="gmail_quote" '
        'style="border-left:1px solid">Hi</blockquote></div>'
    )
    assert shown_text(gmail) == "Ada\n\n> Hi"
    # The head's end tag may be left out; its title is still no text.
    headless = "<html><head><title>Follow-up</title><body><p>Dear Grace,</p><p>Hi"
    assert shown_text(headless) == "Dear Grace,\nHi"
    # Two breaks leave a blank line, which sets a quote written with
    # "&gt;" apart, as in the same letter's text.
    assert (
        shown_text("Ada<br><br>&gt; Hi Ada<br>&gt; Grace") == "Ada\n\n> Hi Ada\n> Grace"
    )
    # "İ" lowers to two letters: a style after it is skipped all the same.
    assert shown_text("İ<style>p {}</style>Dear Grace") == "İDear Grace"
    # "<!-->" is a comment of its own, ended at once.
    assert shown_text("a<!-->b -->c") == "ab -->c"


def test_a_quoted_attribute_holding_a_closing_bracket_ends_no_tag():
    from followup._html_text import shown_text  # noqa: PLC0415

    # Outlook writes `alt` and `title` texts whole: "a>b" in one is no end
    # of the tag, and its rest no text.
    assert shown_text('<p title="x > y">Dear Grace,</p>') == "Dear Grace,"
    assert shown_text("<img alt = 'me>you'><p>Hi</p>") == "Hi"
    assert shown_text('</p data-x="a>b">Hi') == "Hi"
    # A quote in an unquoted value is a letter of it; one never closed
    # leaves the tag open, as a browser shows it: nothing more.
    assert shown_text('<p class=a"b>Hi</p>') == "Hi"
    assert shown_text('Hi<p title="open>Grace</p>') == "Hi"
    # A quote opens a value only right after "=": a link's unquoted query
    # holding `="` is read to its ">", and the letter after it shown.
    link = '<a href=https://acme.example/?ref="mail>Dear Grace,</a> thank you'
    assert shown_text(link) == "Dear Grace, thank you"
    # A no-break space is no HTML space: the quote after it is a letter.
    assert shown_text('<p title=\u00a0"x>Thank you">Ada</p>') == 'Thank you">Ada'
    assert shown_text('<p a b="x>y" c>Hi</p>') == "Hi"


def test_html_of_many_pieces_on_one_line_is_read_whole():
    from followup._html_text import shown_text  # noqa: PLC0415

    # Each piece of a line was added to a copy of it: quadratic in a long
    # line (a megabyte of "1 < 2 " took six seconds).  Kept as pieces now.
    line = "1 < 2 " * 100000
    assert shown_text(f"<p>{line}</p>") == line.rstrip()


def test_flowed_text_ending_in_a_space_before_a_quote_keeps_the_quote_apart():
    # The blank line after "Ada Lovelace " ended its paragraph, as RFC 3676
    # says, and the quote after it was read as the letter's own: its date
    # and time counted.
    head = HEAD + "Content-Type: text/plain; charset=UTF-8; format=flowed\n\n"
    body = (
        "Dear Grace,\nI remain very interested in Acme Analytics.\n"
        "Ada Lovelace \n\n> Hi Ada, I will call you on 23 November at 10:00.\n"
    )
    parts = letter_parts(head + body)
    assert parts.quoted == "> Hi Ada, I will call you on 23 November at 10:00."
    assert "10:00" not in parts.own


def test_a_history_spelt_for_two_is_read_for_none_and_says_why(tmp_path):
    (tmp_path / "Acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "Acme.history.TOML").write_text(HISTORY)
    (tmp_path / "acme.history.toml").write_text(HISTORY)
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "3d")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path}/{name}: one of 2 histories spelt as Acme.toml's: none is "
        "read; keep one, named Acme.history.toml"
        for name in ("Acme.history.TOML", "acme.history.toml")
    ]
    # Of two interviews spelt alike, neither takes a history spelt as both's.
    other = tmp_path / "two"
    other.mkdir()
    for name in ("ACME.toml", "Acme.toml"):
        (other / name).write_text(_interview_toml("Acme"))
    (other / "acme.history.toml").write_text(HISTORY)
    result = run("due", other, "--on", "2026-11-25", "--within", "3d")
    assert result.stderr == (
        f"{other}/acme.history.toml: spelt as the history of more than one "
        "interview (Acme.toml among them): it is read for none; name it after its "
        "interview exactly\n"
    )
    assert result.stdout.count("thank-you") == 2
