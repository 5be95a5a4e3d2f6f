"""Decoding files: encodings, line ends, and the reasons given for files we cannot read."""

from __future__ import annotations

import pytest

from storyreader.search.ingest.read import Unreadable, decode, discover, display_path, split_lines
from storyreader.search.model import Skipped

TEXT = "Café owners in Zürich “protest” — naïve rules\nSecond line: 5 € fee"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ],
)
def test_unicode_encodings(data, encoding):
    text = decode(data)
    assert text.encoding == encoding
    assert text.lines == TEXT.split("\n")


def test_cp1252_is_detected():
    data = (
        TEXT
        + "\n"
        + "The minister’s “plan” costs 5 € — a lot of money for everyone involved.\n" * 3
    ).encode("cp1252")
    text = decode(data)
    assert text.lines[0] == TEXT.split("\n")[0]
    assert "’s “plan” costs 5 €" in text.lines[2]


def test_latin1_is_detected():
    sentence = "Les élèves de l'école française ont célébré la fête à Genève avec leurs maîtres.\n"
    data = (sentence * 4).encode("latin-1")
    text = decode(data)
    assert text.lines[0] == sentence.strip()


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\rb\rc", ["a", "b", "c"]),
        ("a\n\nb", ["a", "", "b"]),
        ("a\x0cb\u2028c", ["a\x0cb\u2028c"]),
    ],
)
def test_line_ends(raw, lines):
    assert split_lines(raw) == lines


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n \r\n", "no text (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"some text\x00with a NUL byte", "binary file (contains NUL bytes)"),
        (bytes(range(1, 9)) * 50 + b"\xff\xfe\xfa", "binary file (control bytes)"),
    ],
)
def test_unreadable_files_say_why(data, reason):
    with pytest.raises(Unreadable) as exc:
        decode(data)
    assert str(exc.value) == reason


def test_discover_walks_recursively_in_order_and_reports_links(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("not matched")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("ignored")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    found = list(discover(tmp_path))
    files = [f.rel for f in found if not isinstance(f, Skipped)]
    skipped = [f for f in found if isinstance(f, Skipped)]
    assert files == ["a.txt", "b/z.txt"]
    assert skipped == [Skipped("link.txt", "symbolic link (not followed; use --follow-links)")]
    assert [f.rel for f in discover(tmp_path, "*.md")] == ["notes.md"]


def test_display_path_makes_bad_names_visible():
    assert display_path("ok/name.txt") == "ok/name.txt"
    assert display_path("new\nline.txt") == "new\\nline.txt"
    bad = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    assert display_path(bad) == "caf\\xe9.txt"
