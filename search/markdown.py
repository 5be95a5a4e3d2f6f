"""A story as a Markdown note: YAML front matter for notes apps, the text read once,
the other outlets' versions, and where it was found."""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from storyreader.search.model import Relation, Story
from storyreader.search.safe import visible

DEFAULT_TEMPLATE = "{title}"
# Names stay well under every file system's 255-byte limit, leaving room for a suffix
# such as " (2)" and the extension.
NAME_MAX_CHARS = 120
_SEPARATORS = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# What opens a block at the start of a line: a heading, quote, list item, table row,
# setext underline or thematic break; the ordered list marker's dot is what gets escaped.
_BLOCK_START = re.compile(r"^([#>+\-=|])|^(\d{1,9})([.)])(?=\s|$)")
# Characters that open inline markup anywhere in a line (emphasis, code, links, images,
# raw HTML, strikethrough, hard breaks), and entity references: escaped so that the
# rendered text is the file's text.
_INLINE = re.compile(r"[\\`*_\[\]<>~]|&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Characters YAML may not hold even in a double-quoted scalar: C0/C1 controls (but tab and
# NEL), surrogates and non-characters. Parsers reject the file; escaped, they are kept.
_YAML_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


class ExportExists(FileExistsError):
    """The target file exists and overwriting was not allowed."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists (use --force to replace it)")
        self.path = path


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    replaced: bool


def _yaml_escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one), read alike by YAML 1.1
    and 1.2 parsers: what YAML forbids is written as an escape."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: _yaml_escape(m.group()), quoted)


def _md_line(text: str) -> str:
    """One paragraph as one Markdown line (no hard wrap), read as text: characters that
    would open a block or inline markup are escaped."""
    text = " ".join(visible(text).split())
    text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
        text,
        count=1,
    )


def to_markdown(story: Story, heading: bool = True) -> str:
    """The note; `heading=False` leaves out the `# title` line, for tools that print the
    front matter's title themselves (pandoc -s)."""
    main = story.main
    lines = ["---", f"title: {_yaml_str(visible(story.title, keep_newlines=False))}"]
    lines.append(f"date: {story.date}" if story.date else "date: null")
    lines.append("sources: [" + ", ".join(_yaml_str(visible(s)) for s in story.sources) + "]")
    lines.append("files:")
    for o in story.occurrences:
        lines.append(f"  - path: {_yaml_str(visible(o.path, keep_newlines=False))}")
        lines.append(f"    start_line: {o.start_line}")
        lines.append(f"    end_line: {o.end_line}")
        lines.append(f"    relation: {o.relation.value}")
        lines.append(f"    similarity: {o.similarity}")
    lines += [f"story_id: {_yaml_str(story.id)}", "---", ""]
    if heading:
        lines += [f"# {_md_line(story.title)}", ""]
    meta = []
    if story.date:
        meta.append(story.date)
    if story.sources:
        meta.append(", ".join(visible(s) for s in story.sources))
    if meta:
        lines += ["*" + " · ".join(_md_line(m) for m in meta) + "*", ""]
    if main.caption:
        for caption in main.caption.split("\n"):
            lines += [f"> {_md_line(caption)}", ""]
    if main.bullets:
        lines += [f"- {_md_line(b)}" for b in main.bullets] + [""]
    for p in main.paragraphs:
        lines += [_md_line(p), ""]
    rewrites = story.versions[1:]
    if rewrites:
        lines += ["## Other versions", ""]
        for v in rewrites:
            by = ", ".join(v.sources) or ", ".join(v.paths[:1])
            lines += [
                f"### {_md_line(v.title)}",
                "",
                f"*{_md_line(by)} · similarity {v.similarity:.2f}*",
                "",
            ]
            for p in v.paragraphs:
                lines += [_md_line(p), ""]
    lines += ["## Found in", ""]
    for o in story.occurrences:
        rel = o.relation.value
        extra = (
            ""
            if o.relation in (Relation.CANONICAL, Relation.EXACT)
            else f", similarity {o.similarity:.2f}"
        )
        path = visible(o.path, keep_newlines=False).replace("`", "'")
        lines.append(f"- `{path}` lines {o.start_line}–{o.end_line} ({rel}{extra})")
    return "\n".join(lines) + "\n"


def safe_name(text: str, fallback: str) -> str:
    """A file name (without extension) that is valid on Windows, macOS and Linux: no
    separators, control characters, reserved names (CON, NUL...) or trailing dots."""
    from pathvalidate import sanitize_filename

    # Bidi controls (`\u202e` shows `…gpj.md` as a picture), other format characters,
    # non-characters and unassigned code points never reach a file name.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cn", "Cs", "Co"))
    name = " ".join(_SEPARATORS.sub(" ", text).split()).strip(" .")
    name = sanitize_filename(
        name, platform="universal", max_len=NAME_MAX_CHARS, replacement_text="_"
    )
    name = name.strip(" .")
    while len(name.encode("utf-8")) > 2 * NAME_MAX_CHARS:
        name = name[:-1].rstrip(" .")
    return name or fallback


def file_name(story: Story, template: str = DEFAULT_TEMPLATE) -> str:
    fields = {
        "title": story.title,
        "date": story.date or "undated",
        "id": story.id,
        "source": story.sources[0] if story.sources else "unknown",
    }
    try:
        _check_template(template, fields)
        stem = template.format(**fields)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        raise ValueError(
            f"bad file name template {template!r}: use {{title}}, {{date}}, {{id}}, {{source}}"
        ) from exc
    return safe_name(stem, story.id) + ".md"


def _temp_file(folder: Path) -> tuple[int, str]:
    """A new file beside the target, created with mode 0666 so that the user's umask
    decides its permissions as for any file they write (mkstemp would make it 0600)."""
    for _ in range(100):
        tmp = os.path.join(folder, f".storyreader-{secrets.token_hex(8)}.md.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file in {folder}")


def _check_template(template: str, fields: dict[str, str]) -> None:
    """Raise ValueError for a field that is not one of `fields` as it is (no `.attr`,
    `[key]`) or a width past a file name's length (`{title:>9999999999}`)."""
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None and name not in fields:
            raise ValueError(name)
        if spec and any(int(n) > NAME_MAX_CHARS for n in re.findall(r"\d+", spec)):
            raise ValueError(spec)


def export(
    story: Story,
    target: Path,
    template: str = DEFAULT_TEMPLATE,
    force: bool = False,
    heading: bool = True,
) -> Exported:
    """Write the story's Markdown to `target` (a file, or a directory to put a file named
    from the template in). Atomic: readers see the old file or the new one, never half.
    An existing file is replaced only with `force`."""
    path = target / file_name(story, template) if target.is_dir() else target
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() or path.is_symlink()
    if existed and not stat.S_ISREG(path.lstat().st_mode):
        # A device, a FIFO, a link: replacing it would destroy what it is, not a note.
        raise ValueError(f"{visible(str(path))} is not a regular file; not replaced")
    if existed and not force:
        raise ExportExists(path)
    data = to_markdown(story, heading=heading).encode("utf-8")
    fd, tmp = _temp_file(path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, path)
        else:
            # link() refuses to replace an existing file: no window in which a file
            # created meanwhile by someone else could be overwritten.
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise ExportExists(path) from exc
            except OSError:
                with open(path, "xb") as f:
                    f.write(data)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return Exported(path, existed)
