"""Finding a corpus's files and turning their bytes into lines of text.

A file either becomes lines or a `Skipped` with a reason a user can act on; nothing in a
bad file may stop the run.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Skipped

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


@dataclass(frozen=True, slots=True)
class CorpusFile:
    """A file found in the corpus; `rel` is the key used everywhere else."""

    path: Path
    rel: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Text:
    lines: list[str]
    encoding: str
    digest: str


def display_path(rel: str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 and control
    characters (a newline in a name) become visible escapes."""
    raw = os.fsencode(rel)
    shown = raw.decode("utf-8", "backslashreplace")
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode()
        for ch in shown
    )


def _matches(rel: str, name: str, pattern: str) -> bool:
    if "/" in pattern:
        return fnmatch.fnmatchcase(rel.lower(), pattern.lower().removeprefix("**/")) or (
            fnmatch.fnmatchcase(rel.lower(), pattern.lower())
        )
    return fnmatch.fnmatchcase(name.lower(), pattern.lower())


def discover(
    root: Path, pattern: str = DEFAULT_GLOB, follow_links: bool = False
) -> Iterator[CorpusFile | Skipped]:
    """Every file under `root` whose name matches `pattern`, in a stable order, plus a
    `Skipped` for each one that cannot be considered (links not followed, unreadable
    directories). A single file as `root` is a corpus of one."""
    root = Path(os.path.abspath(root))
    if root.is_file():
        st = root.stat()
        yield CorpusFile(root, root.name, st.st_size, st.st_mtime_ns)
        return
    real_root = os.path.realpath(root)
    seen_dirs: set[tuple[int, int]] = set()
    yield from _walk(root, "", pattern, follow_links, real_root, seen_dirs)


def _walk(
    directory: Path,
    prefix: str,
    pattern: str,
    follow_links: bool,
    real_root: str,
    seen_dirs: set[tuple[int, int]],
) -> Iterator[CorpusFile | Skipped]:
    try:
        st = directory.stat()
        if (st.st_dev, st.st_ino) in seen_dirs:
            yield Skipped(
                display_path(prefix.rstrip("/") or "."),
                "directory loop (link to a folder already read)",
            )
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(
            display_path(prefix.rstrip("/") or "."), f"cannot list directory: {_os_reason(exc)}"
        )
        return
    for entry in entries:
        rel = prefix + entry.name
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=follow_links)
        except OSError as exc:
            yield Skipped(display_path(rel), f"cannot stat: {_os_reason(exc)}")
            continue
        if is_dir:
            if entry.name in _IGNORED_DIRS:
                continue
            if is_link and follow_links:
                target = os.path.realpath(entry.path)
                if not _inside(target, real_root):
                    yield Skipped(display_path(rel), "link to a folder outside the corpus")
                    continue
            yield from _walk(
                Path(entry.path), rel + "/", pattern, follow_links, real_root, seen_dirs
            )
            continue
        if not _matches(rel, entry.name, pattern):
            continue
        if is_link:
            if not follow_links:
                yield Skipped(display_path(rel), "symbolic link (not followed; use --follow-links)")
                continue
            target = os.path.realpath(entry.path)
            if not os.path.exists(target):
                yield Skipped(display_path(rel), "broken symbolic link")
                continue
            if not _inside(target, real_root):
                yield Skipped(display_path(rel), "link to a file outside the corpus")
                continue
        try:
            st = entry.stat(follow_symlinks=True)
        except OSError as exc:
            yield Skipped(display_path(rel), f"cannot stat: {_os_reason(exc)}")
            continue
        if not stat.S_ISREG(st.st_mode):
            yield Skipped(display_path(rel), "not a regular file")
            continue
        yield CorpusFile(Path(entry.path), rel, st.st_size, st.st_mtime_ns)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


class Unreadable(Exception):
    """Raised with the reason a file's bytes are not text we can read."""


def read_text(path: Path) -> Text:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"cannot read: {_os_reason(exc)}") from exc
    return decode(data)


def decode(data: bytes) -> Text:
    """Bytes → lines. UTF-8 (with or without BOM) first, then BOM-marked UTF-16/32,
    then charset detection for legacy encodings such as cp1252 and latin-1."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if not data:
        raise Unreadable("empty file")
    text, encoding = _decode(data)
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise Unreadable("no text (only whitespace)")
    return Text(lines, encoding, digest)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {name.upper()} despite its byte order mark") from exc
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind})")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13, 27))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise Unreadable("binary file (control bytes)")
    return _detect(data)


# When the detector finds several code pages equally plausible (cp1250, cp1252 and cp1257
# decode most Western text identically), prefer the one scraped pages use most.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only legacy-encoded files pay for this import

    matches = list(from_bytes(data))
    if not matches:
        # Every byte sequence decodes as cp1252 except five unassigned bytes; when the
        # detector gives up, a Western legacy file is still by far the likeliest.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise Unreadable("undecodable: not UTF-8 and no known encoding fits") from exc
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for name in _PREFERRED:
        for m in tied:
            if m.encoding == name:
                return str(m), name
    return str(best), best.encoding


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them. `str.splitlines` would also split on form feeds,
    U+2028 and friends, and then our line numbers would not match the user's editor."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")
