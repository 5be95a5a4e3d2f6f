"""How a build tells its progress: the phase, the steps done and the steps in all."""

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
