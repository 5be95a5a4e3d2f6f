"""Regenerate the README screenshots from the demo corpus: `python screenshots/make.py`."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from screenshots.scenes import SCENES, SIZE, demo_app  # noqa: E402


async def shoot(name: str, workdir: Path) -> Path:
    app = demo_app(workdir)
    async with app.run_test(size=SIZE) as pilot:
        await SCENES[name](pilot)
        path = HERE / f"{name}.svg"
        app.save_screenshot(str(path))
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in SCENES:
            print(asyncio.run(shoot(name, Path(tmp) / name)))


if __name__ == "__main__":
    main()
