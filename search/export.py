"""A story as a Markdown note: YAML front matter for notes apps, the text read once,
the other outlets' versions, and where it was found."""

from __future__ import annotations

import json
import os
import re
import stat
import string
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Relation, Story
from .safe import visible

DEFAULT_TEMPLATE = "{title}"
# Names stay well under every file system's 255-byte limit, leaving room for a suffix
# such as " (2)" and the extension.
NAME_MAX_CHARS = 120
_SEPARATORS = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_BLOCK_START = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)]\s|```|~~~)")


class ExportExists(FileExistsError):
    """The target file exists and overwriting was not allowed."""


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    replaced: bool


def _yaml_str(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, with every control escaped.
    return json.dumps(value, ensure_ascii=False)


def _md_line(text: str) -> str:
    """One paragraph as one Markdown line (no hard wrap), read as text: characters that
    would open a heading, list, quote, table or HTML tag are escaped."""
    text = " ".join(visible(text).split())
    text = text.replace("<", "\\<")
    # Brackets escaped: `![](http://…)` would load an image, `[x](javascript:…)` be a link.
    text = text.replace("[", "\\[").replace("]", "\\]")
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def to_markdown(story: Story) -> str:
    main = story.main
    lines = ["---", f"title: {_yaml_str(visible(story.title, keep_newlines=False))}"]
    lines.append(f"date: {story.date}" if story.date else "date: null")
    lines.append("sources: [" + ", ".join(_yaml_str(visible(s)) for s in story.sources) + "]")
    lines.append("files:")
    for o in story.occurrences:
        lines.append(f"  - path: {_yaml_str(visible(o.path, keep_newlines=False))}")
        lines.append(f"    lines: {o.start_line}-{o.end_line}")
        lines.append(f"    relation: {o.relation.value}")
        lines.append(f"    similarity: {o.similarity}")
    lines += [f"story_id: {_yaml_str(story.id)}", "---", "", f"# {_md_line(story.title)}", ""]
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


def _check_template(template: str, fields: dict[str, str]) -> None:
    """Raise ValueError for a field that is not one of `fields` as it is (no `.attr`,
    `[key]`) or a width past a file name's length (`{title:>9999999999}`)."""
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None and name not in fields:
            raise ValueError(name)
        if spec and any(int(n) > NAME_MAX_CHARS for n in re.findall(r"\d+", spec)):
            raise ValueError(spec)


def export(
    story: Story, target: Path, template: str = DEFAULT_TEMPLATE, force: bool = False
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
        raise ExportExists(f"{path} exists (use --force to replace it)")
    data = to_markdown(story).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=".storyreader-", suffix=".md.tmp", dir=path.parent)
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
                raise ExportExists(f"{path} exists (use --force to replace it)") from exc
            except OSError:
                with open(path, "xb") as f:
                    f.write(data)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return Exported(path, existed)
