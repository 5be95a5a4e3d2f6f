"""Finding a corpus's files and turning their bytes into lines of text.

A file either becomes lines or a `Skipped` with a reason a user can act on; nothing in a
bad file may stop the run.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyreader.search.model import Skipped

DEFAULT_GLOB = "*.txt"

# Directories that are never part of a corpus: version control and tool caches.
_IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".storyreader"})

# Recognisable binary formats, so the skip reason can say what the file is.
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# A text file may hold the odd stray control character, but not many: above this share
# of C0 controls (other than tab, newline, carriage return, form feed) it is binary.
_MAX_CONTROL_SHARE = 0.01


# Not frozen: a frozen dataclass is slower to make, and every update makes one per file.
@dataclass(slots=True)
class CorpusFile:
    """A file found in the corpus: `rel` is its path from the corpus root as the file
    system has it, `shown` the same made printable, the key used everywhere else."""

    # A string, not a Path: building 100,000 Path objects took a second of every update.
    path: str | Path
    rel: str
    size: int
    mtime_ns: int
    shown: str = ""

    def __post_init__(self) -> None:
        if not self.shown:
            self.shown = display_path(self.rel)


@dataclass(frozen=True, slots=True)
class Text:
    lines: list[str]
    encoding: str
    digest: str


def display_path(rel: str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 and control
    characters (a newline in a name) become visible escapes."""
    # Nearly every name; undecodable bytes are unprintable surrogates.
    if rel.isprintable() and "\\" not in rel:
        return rel
    # A backslash of the name is doubled, so that no name shows as another's escape:
    # `coll\xff.txt` (a backslash) and `coll<0xff>.txt` (a byte) were one key.
    shown = os.fsencode(rel).decode("utf-8", "surrogateescape")
    return "".join(_shown_char(ch) for ch in shown)


def _shown_char(ch: str) -> str:
    if ch == "\\":
        return "\\\\"
    if "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode()


def _matcher(pattern: str) -> Callable[[str, str], bool]:
    """Whether a file (its path from the root, its name) matches `pattern`, case
    insensitively; compiled once per walk, not by fnmatch for every file."""
    pattern = pattern.lower()
    if "/" in pattern:
        patterns = [
            re.compile(fnmatch.translate(p)) for p in {pattern.removeprefix("**/"), pattern}
        ]
        return lambda rel, name: any(p.match(rel.lower()) for p in patterns)
    compiled = re.compile(fnmatch.translate(pattern))
    return lambda rel, name: compiled.match(name.lower()) is not None


def discover(
    root: Path, pattern: str = DEFAULT_GLOB, follow_links: bool = False
) -> Iterator[CorpusFile | Skipped]:
    """Every file under `root` whose name matches `pattern`, in a stable order, plus a
    `Skipped` for each one that cannot be considered (links not followed, unreadable
    directories, loops). A single file as `root` is a corpus of one. The walk keeps its own
    stack, so no depth of nesting can exhaust Python's recursion limit."""
    root = Path(os.path.abspath(root))
    if root.is_file():
        st = root.stat()
        yield CorpusFile(root, root.name, st.st_size, st.st_mtime_ns)
        return
    real_root = os.path.realpath(root)
    matches = _matcher(pattern)
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        directory, prefix = stack.pop()
        where = display_path(prefix.rstrip("/") or ".")
        try:
            st = os.stat(directory)
            if (st.st_dev, st.st_ino) in seen_dirs:
                yield Skipped(where, "directory loop (link to a folder already read)")
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(where, f"cannot list directory: {_os_reason(exc)}")
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            found = _entry(entry, prefix, matches, follow_links, real_root)
            if isinstance(found, tuple):
                subdirs.append(found)
            elif found is not None:
                yield found
        # Pushed in reverse so that folders come out in name order.
        stack.extend(reversed(subdirs))


def _entry(
    entry: os.DirEntry,
    prefix: str,
    matches: Callable[[str, str], bool],
    follow_links: bool,
    real_root: str,
) -> CorpusFile | Skipped | tuple[str, str] | None:
    """What one directory entry is: a file to read, a reason to skip it, a folder to walk
    (as (path, prefix)), or nothing of ours."""
    rel = prefix + entry.name
    try:
        is_link = entry.is_symlink()
        is_dir = entry.is_dir(follow_symlinks=follow_links)
    except OSError as exc:
        return Skipped(display_path(rel), f"cannot stat: {_os_reason(exc)}")
    if is_link and not follow_links and _is_dir(entry):
        return Skipped(
            display_path(rel), "symbolic link to a folder (not followed; use --follow-links)"
        )
    if is_dir:
        if entry.name in _IGNORED_DIRS:
            return None
        if is_link and not _inside(os.path.realpath(entry.path), real_root):
            return Skipped(display_path(rel), "link to a folder outside the corpus")
        return (entry.path, rel + "/")
    if not matches(rel, entry.name):
        return None
    if is_link:
        if not follow_links:
            return Skipped(display_path(rel), "symbolic link (not followed; use --follow-links)")
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            return Skipped(display_path(rel), "broken symbolic link")
        if not _inside(target, real_root):
            return Skipped(display_path(rel), "link to a file outside the corpus")
    try:
        st = entry.stat(follow_symlinks=True)
    except OSError as exc:
        return Skipped(display_path(rel), f"cannot stat: {_os_reason(exc)}")
    if not stat.S_ISREG(st.st_mode):
        return Skipped(display_path(rel), "not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        return Skipped(display_path(rel), _too_large(st.st_size))
    return CorpusFile(entry.path, rel, st.st_size, st.st_mtime_ns)


def _too_large(size: int) -> str:
    return f"file too large ({size / 2**20:,.0f} MB; at most {MAX_FILE_BYTES // 2**20:,} MB)"


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


class Unreadable(Exception):
    """Raised with the reason a file's bytes are not text we can read."""


def read_text(path: str | Path) -> Text:
    try:
        with _open_regular(path) as f:
            data = f.read()
    except OSError as exc:
        raise Unreadable(f"cannot read: {_os_reason(exc)}") from exc
    return decode(data)


def _open_regular(path: str | Path) -> BinaryIO:
    """The file opened for reading, if it is still a regular file: one replaced by a FIFO
    since the walk would block the reader forever, a device would never end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise Unreadable("not a regular file")
    return os.fdopen(fd, "rb")


def read_in_corpus(root: Path, path: Path, follow_links: bool = False) -> Text:
    """A corpus file's text read again now, under the walk's rules: a link is followed
    only when links are, and never out of the corpus; only a regular file is read."""
    if os.path.isfile(root) and not os.path.islink(root):
        return read_text(root)
    if os.path.islink(path) and not follow_links:
        raise Unreadable("symbolic link (not followed; use --follow-links)")
    if not _inside(os.path.realpath(path), os.path.realpath(root)):
        raise Unreadable("link to a file outside the corpus")
    return read_text(path)


def decode(data: bytes) -> Text:
    """Bytes → lines. UTF-8 (with or without BOM) first, then BOM-marked UTF-16/32,
    then charset detection for legacy encodings such as cp1252 and latin-1."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if not data:
        raise Unreadable("empty file")
    text, encoding = _decode(data)
    lines = split_lines(text)
    if len(text) > MAX_LINE_CHARS and max(map(len, lines)) > MAX_LINE_CHARS:
        raise Unreadable(_line_too_long())
    if encoding.startswith("utf-8") and _may_hold_mojibake(text) and repair_mojibake(lines):
        encoding += " (mojibake repaired)"
    if not any(line.strip() for line in lines):
        raise Unreadable("no text (only whitespace)")
    return Text(lines, encoding, digest)


# UTF-32 before UTF-16: a UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _refuse_binary(data: bytes) -> None:
    """Raise Unreadable for bytes that are a known binary format or hold NUL bytes."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind})")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {name.upper()} despite its byte order mark") from exc
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A UTF-8 file with a few broken bytes (a truncated download, a bad splice): read
        # as UTF-8 with the broken bytes shown as U+FFFD, rather than as mojibake.
        return data.decode("utf-8", "replace"), "utf-8 (invalid bytes replaced)"
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13, 27))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise Unreadable("binary file (control bytes)")
    return _detect(data)


# A lead byte of UTF-8 read as cp1252/latin-1 (Â Ã â …) followed by a character that a
# continuation byte becomes: the trace of UTF-8 once decoded in a Windows code page.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)


def _may_hold_mojibake(text: str) -> bool:
    """Letters that UTF-8 lead bytes of Latin, Greek, Cyrillic, Arabic and punctuation
    become in cp1252, found by substring search: most files are clean and pay only this."""
    return any(lead in text for lead in "ÂÃÄÅÎÏÐÑØÙâ")


def repair_mojibake(lines: list[str]) -> bool:
    """Repair, in place, lines that show UTF-8 once decoded as cp1252 (`â€™` for `’`).
    ftfy decides; it runs only on lines with the trace, as it is too slow for every line."""
    repaired = False
    for i, line in enumerate(lines):
        if _MOJIBAKE.search(line) is None:
            continue
        import ftfy  # only files with the trace pay for this import

        fixed = ftfy.fix_encoding(line)
        if fixed != line and "\n" not in fixed and "\r" not in fixed:
            lines[i] = fixed
            repaired = True
    return repaired


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the invalid bytes. Text in a legacy
    8-bit code page almost never forms a valid UTF-8 sequence, so any real number of them
    means UTF-8."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - broken
    return valid > broken


# The legacy encodings the web uses (the WHATWG Encoding Standard's list, less the two Mac
# code pages): DOS, mainframe and Mac code pages only ever win a guess by accident.
WEB_ENCODINGS = (
    "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874", "ibm866",
    "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
    "iso-8859-8", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
    "koi8-r", "koi8-u", "gb18030", "gbk", "big5", "euc-jp",
    "iso-2022-jp", "shift_jis", "euc-kr",
)  # fmt: skip

# How much of a file the detector examines: enough text to judge, bounded time.
_DETECT_BYTES = 256 * 1024


def _detect(data: bytes) -> tuple[str, str]:
    import chardet  # only legacy-encoded files pay for this import

    found = chardet.detect(
        data,
        include_encodings=WEB_ENCODINGS,
        max_bytes=_DETECT_BYTES,
        prefer_superset=True,
        compat_names=False,
    )
    name = found["encoding"] or "cp1252"
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        pass
    # Every byte sequence decodes as cp1252 except five unassigned bytes; when the
    # detector's choice fails past the part it examined, a Western file is the likeliest.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise Unreadable("undecodable: not UTF-8 and no known encoding fits") from exc


# --- files too large to hold at once ----------------------------------------------------

# A file or a line past these is not a page of news (a disk image, a log, a dump): read,
# it cost minutes and gigabytes for nothing a reader could use, so it is skipped.
MAX_FILE_BYTES = 256 * 2**20
MAX_LINE_CHARS = 4_000_000


def _line_too_long() -> str:
    return f"a line of more than {MAX_LINE_CHARS:,} characters (not a page of news)"


# Above this size a file is read in parts, so memory stays bounded whatever the file's
# size: about PART_BYTES of text (and what is made of it) at a time.
LARGE_FILE_BYTES = 32 * 2**20
PART_BYTES = 8 * 2**20
_BLOCK_BYTES = 2**20


@dataclass(slots=True)
class Part:
    lines: list[str]
    first_line: int  # the file's line number of lines[0], 1-based


class LargeText:
    """A large file read in parts that end at a blank line (where articles end), with the
    same decoding rules as `decode`. `digest`, `encoding` and `n_lines` are known once
    the parts have been read."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.digest: str | None = None
        self.encoding: str | None = None
        self.repaired = False
        self.n_lines = 0

    def parts(self) -> Iterator[Part]:
        hasher = hashlib.blake2b(digest_size=16)
        try:
            f = _open_regular(self.path)  # closed in the finally below
        except OSError as exc:
            raise Unreadable(f"cannot read: {_os_reason(exc)}") from exc
        try:
            head = f.read(_BLOCK_BYTES)
            if not head:
                raise Unreadable("empty file")
            codec, errors, self.encoding = _stream_codec(head)
            # Outside UTF-16/32 a NUL byte means binary: a download preallocated with zeros
            # past its first megabytes is refused where the zeros begin.
            wide = codec.startswith("utf-16") or codec.startswith("utf-32")
            decoder = codecs.getincrementaldecoder(codec)(errors)
            carry = ""
            pending: list[str] = []
            pending_bytes = 0
            number = 1
            any_text = False
            block = head
            while True:
                hasher.update(block)
                if not wide and b"\x00" in block:
                    raise Unreadable("binary file (contains NUL bytes)")
                final = not block
                try:
                    text = carry + decoder.decode(block, final=final)
                except UnicodeDecodeError as exc:
                    raise Unreadable(f"undecodable {codec} text") from exc
                if not final and text.endswith("\r"):
                    text, carry = text[:-1], "\r"
                else:
                    carry = ""
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                lines = text.split("\n")
                if not final:
                    carry = lines.pop() + carry
                    if len(carry) > MAX_LINE_CHARS:
                        raise Unreadable(_line_too_long())
                elif lines and lines[-1] == "":
                    lines.pop()
                if codec == "utf-8" and _may_hold_mojibake(text) and repair_mojibake(lines):
                    self.repaired = True
                for line in lines:
                    if len(line) > MAX_LINE_CHARS:
                        raise Unreadable(_line_too_long())
                    pending.append(line)
                    pending_bytes += len(line) + 1
                    any_text = any_text or bool(line.strip())
                    if pending_bytes >= PART_BYTES and (
                        not line.strip() or pending_bytes >= 2 * PART_BYTES
                    ):
                        yield Part(pending, number)
                        number += len(pending)
                        pending, pending_bytes = [], 0
                if final:
                    break
                try:
                    block = f.read(_BLOCK_BYTES)
                except OSError as exc:
                    raise Unreadable(f"cannot read: {_os_reason(exc)}") from exc
            if not any_text:
                raise Unreadable("no text (only whitespace)")
            if pending:
                yield Part(pending, number)
                number += len(pending)
            self.n_lines = number - 1
            self.digest = hasher.hexdigest()
            if self.repaired:
                self.encoding = f"{self.encoding} (mojibake repaired)"
        finally:
            f.close()


def _stream_codec(head: bytes) -> tuple[str, str, str]:
    """Codec, error handling and encoding label for a large file, judged from its first
    block. Bytes that do not decode further on are shown as U+FFFD: one bad byte deep in
    a 200 MB file must not cost the whole file."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, "replace", name
    _refuse_binary(head)
    # The block may end inside a character; only the incomplete tail is forgiven.
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
        return "utf-8", "replace", "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(head):
        return "utf-8", "replace", "utf-8 (invalid bytes replaced)"
    _, name = _detect(head)
    return name, "replace", name


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them. `str.splitlines` would also split on form feeds,
    U+2028 and friends, and then our line numbers would not match the user's editor."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")
