"""The user's defaults: a TOML file in the XDG config folder, then environment variables,
which override it; command-line flags override both.

    # ~/.config/storyreader/config.toml
    glob = "*.txt"                  # STORYREADER_GLOB
    workers = 2                     # STORYREADER_WORKERS
    export_dir = "~/notes/news"     # STORYREADER_EXPORT_DIR
    template = "{date} {title}"     # STORYREADER_TEMPLATE
    theme = "gruvbox"               # STORYREADER_THEME
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

ENV_PREFIX = "STORYREADER_"
# key -> the type its value must have in the file
_KEYS: dict[str, type] = {
    "glob": str,
    "workers": int,
    "export_dir": str,
    "template": str,
    "theme": str,
}


class ConfigError(ValueError):
    """A config file or variable we cannot use, said in one line."""


@dataclass(frozen=True, slots=True)
class Config:
    glob: str | None = None
    workers: int | None = None
    export_dir: Path | None = None
    template: str | None = None
    theme: str | None = None
    # Keys an environment variable set: they win even over what the reader remembered.
    from_env: frozenset[str] = field(default_factory=frozenset)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("storyreader", appauthor=False)) / "config.toml"


def load(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    path = path or config_path()
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: {exc}") from exc
    for key, value in data.items():
        kind = _KEYS.get(key)
        if kind is None:
            raise ConfigError(
                f"config file {path}: unknown key {key!r} (known: {', '.join(_KEYS)})"
            )
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigError(f"config file {path}: {key} must be a {kind.__name__}")
        values[key] = value
    from_env = set()
    for key, kind in _KEYS.items():
        raw = environ.get(ENV_PREFIX + key.upper())
        if not raw:
            continue
        if kind is int:
            try:
                values[key] = int(raw)
            except ValueError as exc:
                raise ConfigError(f"{ENV_PREFIX}{key.upper()} must be a number") from exc
        else:
            values[key] = raw
        from_env.add(key)
    workers = values.get("workers")
    if workers is not None and not 1 <= int(workers) <= 64:  # type: ignore[call-overload]
        raise ConfigError("workers must be between 1 and 64")
    export_dir = values.get("export_dir")
    return Config(
        glob=values.get("glob"),  # type: ignore[arg-type]
        workers=workers,  # type: ignore[arg-type]
        export_dir=Path(str(export_dir)).expanduser() if export_dir else None,
        template=values.get("template"),  # type: ignore[arg-type]
        theme=values.get("theme"),  # type: ignore[arg-type]
        from_env=frozenset(from_env),
    )
