"""Decoding files: encodings, line ends, and the reasons given for files we cannot read."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252", how mojibake is made
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


# Text in other scripts, in the legacy code pages their sites used.
_RUSSIAN = (
    "Президент России заявил в четверг, что переговоры продолжатся. Министр иностранных "
    "дел сообщил журналистам о новых встречах на следующей неделе.\n"
) * 3
_ARABIC = (
    "قال الرئيس يوم الخميس إن المحادثات ستستمر. وأبلغ وزير الخارجية الصحفيين عن اجتماعات "
    "جديدة الأسبوع المقبل.\n"
) * 3
_GREEK = "Ο πρόεδρος δήλωσε την Πέμπτη ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.\n" * 3


@pytest.mark.parametrize(
    ("sample", "codec"),
    [(_RUSSIAN, "cp1251"), (_RUSSIAN, "koi8_r"), (_ARABIC, "cp1256"), (_GREEK, "cp1253")],
)
def test_legacy_code_pages_of_other_scripts(sample, codec):
    assert decode(sample.encode(codec)).lines == sample.rstrip("\n").split("\n")


def test_seeds_saved_as_windows_1252_decode_exactly(seeds):
    # cp852 and cp866 (DOS code pages no web page uses) used to win the guess for 001 and 002.
    for path in sorted(seeds.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        text = decode(original.encode("cp1252"))
        assert text.lines == split_lines(original), path.name


def test_mojibake_is_repaired(seeds):
    for path in sorted(seeds.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        garbled = original.encode("utf-8").decode("sloppy-windows-1252")
        text = decode(garbled.encode("utf-8"))
        assert text.lines == split_lines(original), path.name
        if garbled != original:
            assert text.encoding == "utf-8 (mojibake repaired)"


def test_text_that_only_looks_like_mojibake_is_kept():
    # An accented letter before a dash or a quote mark has the trace's shape; ftfy keeps it.
    lines = ["Le café—bar de Zürich", "naïve“ and “déjà vu”", "Ô€ and the Côte d’Azur"]
    text = decode("\n".join(lines).encode())
    assert text.lines == lines
    assert text.encoding == "utf-8"


def test_a_garbled_copy_groups_as_an_exact_copy(seeds, tmp_path):
    from storyreader.search.query import Library
    from storyreader.search.update.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = (seeds / "000_97c64e4ec60e59af.txt").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(original, encoding="utf-8")
    garbled = original.encode("utf-8").decode("sloppy-windows-1252")
    (corpus / "b.txt").write_text(garbled, encoding="utf-8")
    (corpus / "c.txt").write_bytes(original.encode("cp1252"))
    build(corpus, tmp_path / "index", workers=1)
    with Library(tmp_path / "index") as lib:
        stories = [lib.story(s.id) for s in lib.stories()]
    iraq = next(s for s in stories if s.title.startswith("Iraq Says"))
    assert iraq.title.endswith("‘As Long as Nothing Disturbs the Peace of the Talks’")
    relations = sorted(o.relation.value for o in iraq.occurrences)
    assert relations == sorted(["canonical", "exact", "exact"])
