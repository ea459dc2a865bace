"""The order a run starts its tasks in: the longest first, by the times of the last run, so the workers end together.

With two workers and seven tasks of 1–6 s, starting them in name order can leave one worker idle for the last few
seconds; longest-first ends the run up to a second earlier on the seeds. The times are kept in the run's cache folder
(not in outputs/, whose files stay the same for the same inputs); a task never timed counts as the longest, and a
missing or unreadable file leaves the tasks in their given order.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from minzheng.writers import atomic_write

TIMES_FILE = "task-seconds.json"


log = logging.getLogger(__name__)


def last_times(cache: Path) -> dict[str, float]:
    """The seconds each task took in the last run that used this cache ({} when there is none or it is unreadable)."""
    path = Path(cache) / TIMES_FILE
    try:
        times = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.info("%s is unreadable (%s); tasks start in name order", path, error)
        return {}
    if not isinstance(times, dict):
        return {}
    return {str(k): float(v) for k, v in times.items() if isinstance(v, (int, float)) and math.isfinite(v)}


def longest_first(names: Sequence[str], times: Mapping[str, float]) -> list[str]:
    """`names` ordered by their last time, longest first; names never timed first of all; ties keep their order."""
    return sorted(names, key=lambda name: -times.get(name, math.inf))


def save_times(cache: Path, seconds: Mapping[str, float]) -> None:
    """Keep this run's task times for the next run's order (tasks of an earlier run not run this time are kept)."""
    times = {**last_times(cache), **{name: round(value, 2) for name, value in seconds.items()}}
    try:
        atomic_write(Path(cache) / TIMES_FILE, json.dumps(dict(sorted(times.items())), indent=1) + "\n")
    except OSError as error:  # the order is an optimisation: a read-only cache must not fail the run
        log.info("task times not kept in %s (%s)", cache, error)
