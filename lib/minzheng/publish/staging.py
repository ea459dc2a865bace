"""A run is a transaction: its whole output set is built in a staging folder beside outputs/ and swapped in whole.

A run writes everything into outputs/.staging-<run id>/ (the same filesystem, so every move is a rename). When every
task succeeded the set is swapped in: the entries of the old set are moved aside into outputs/.previous-<run id>/, the
new ones moved in, the set file (.minzheng-set.json: the entries a set owns and the run that made each notebook's
pages) replaced last, and the old set deleted. Files the pipeline does not own (README.md, screens/, anything a user
put there) are never moved. A run with a failed task keeps the last good set whole and leaves its partial set in
outputs/failed-run/ (replacing an earlier one); a run that succeeds removes a stale failed-run/. A run that is stopped
deletes its staging folder; one killed outright leaves it, and the next run finishes the swap or deletes it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minzheng import paths
from minzheng.publish.parameters import PipelineError
from minzheng.writers import atomic_write

SET_FILE = ".minzheng-set.json"


FAILED_RUN = "failed-run"


STAGING_PREFIX = ".staging-"


ASIDE_PREFIX = ".previous-"


# What an outputs folder written before set files existed holds: the pipeline's own folders and the index.
LEGACY_ENTRIES = ("notebooks", "failed", "html", "email", "data", "index.html")


# The files of one notebook in a set (its executed copy, its two pages, its tables), carried over by an --only run.
NOTEBOOK_FILES = ("notebooks/{}.ipynb", "html/{}.html", "email/{}.html", "{}")


SET_FOLDERS = ("notebooks", "html", "email", "data")


RUN_ID_LENGTH = 12


_CHUNK = 1 << 20


@dataclass
class RunSet:
    """One run's output set: its id, the outputs folder it is for, the run that made each notebook's pages, failures."""

    run_id: str
    outputs: Path
    notebooks: dict[str, str] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)

    @property
    def stage(self) -> Path:
        """The staging folder the run writes into: outputs/.staging-<run id>/."""
        return staging_folder(self.outputs, self.run_id)

    def carried(self) -> dict[str, str]:
        """The notebooks whose pages an earlier run made (an --only run carries them over), with that run's id."""
        return {name: made_by for name, made_by in sorted(self.notebooks.items()) if made_by != self.run_id}


def staging_folder(outputs: Path, run_id: str) -> Path:
    """The staging folder of a run."""
    return Path(outputs) / f"{STAGING_PREFIX}{run_id}"


def aside_folder(stage: Path) -> Path:
    """Where a swap moves the entries it replaces: outputs/.previous-<run id>/, beside the staging folder."""
    return stage.parent / f"{ASIDE_PREFIX}{stage.name.removeprefix(STAGING_PREFIX)}"


def _feed_file(digest: Any, path: Path) -> None:
    """Feed a file's bytes into a digest, a chunk at a time."""
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)


def _feed_tree(digest: Any, label: str, folder: Path) -> None:
    """Feed every file under a folder (relative name and bytes, in order; caches left out) into a digest."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(f"\0{label}/{path.relative_to(folder).as_posix()}\0".encode())
        _feed_file(digest, path)


def installed_versions() -> list[str]:
    """Every installed distribution as name==version, sorted."""
    from importlib import metadata

    return sorted({f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()})


def run_id(notebooks: list[Path], corpus_dir: Path, parameters: dict[str, Any]) -> str:
    """A hash of everything a run reads (notebooks, corpus, parameters, the library, installed packages, Python)."""
    digest = hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str, ensure_ascii=False).encode())
    for source in sorted(notebooks):
        digest.update(f"\0notebook/{source.name}\0".encode())
        _feed_file(digest, source)
    _feed_tree(digest, "corpus", Path(corpus_dir))
    _feed_tree(digest, "library", paths.PACKAGE_DIR)
    digest.update("\n".join([sys.version, *installed_versions()]).encode())
    return digest.hexdigest()[:RUN_ID_LENGTH]


def _plain_name(name: object) -> bool:
    """Whether a set file's entry is a plain name inside the folder (no path, not hidden), so it is safe to move."""
    return isinstance(name, str) and bool(name) and not name.startswith(".") and "/" not in name and "\\" not in name


def read_set(folder: Path) -> dict[str, Any]:
    """The set file of a folder ({} when it has none or it cannot be read)."""
    try:
        info = json.loads((Path(folder) / SET_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) and isinstance(info.get("entries"), list) else {}


def owned_entries(outputs: Path) -> set[str]:
    """The entries of outputs/ the current set owns: those its set file names, else the pipeline's usual ones."""
    info = read_set(outputs)
    entries = info["entries"] if info else LEGACY_ENTRIES
    return {name for name in entries if _plain_name(name)}


def begin(outputs: Path, run_id: str, carry: list[str]) -> RunSet:
    """Create the staging folder of a run and copy in the pages of the `carry` notebooks from the current set (an
    --only run runs some notebooks, and its set holds them all)."""
    run_set = RunSet(run_id, Path(outputs))
    stage = run_set.stage
    stage.mkdir(parents=True)
    for folder in SET_FOLDERS:
        (stage / folder).mkdir()
    made_by = read_set(outputs).get("notebooks", {})
    for name in carry:
        if not (outputs / "notebooks" / f"{name}.ipynb").is_file():
            continue
        for pattern in NOTEBOOK_FILES if name not in LEGACY_ENTRIES else NOTEBOOK_FILES[:-1]:
            source, target = outputs / pattern.format(name), stage / pattern.format(name)
            if source.is_dir():
                shutil.copytree(source, target, symlinks=True)
            elif source.is_file():
                shutil.copy2(source, target)
        run_set.notebooks[name] = str(made_by.get(name, "")) if isinstance(made_by, dict) else ""
    return run_set


def seal(run_set: RunSet) -> Path:
    """Write the set file into the staging folder: the set is complete and may be swapped in (or kept as failed)."""
    stage = run_set.stage
    entries = sorted(p.name for p in stage.iterdir() if _plain_name(p.name))
    info = {
        "run": run_set.run_id,
        "entries": entries,
        "notebooks": dict(sorted(run_set.notebooks.items())),
        "failed": sorted(run_set.failed),
    }
    return atomic_write(stage / SET_FILE, json.dumps(info, ensure_ascii=False, indent=1) + "\n")


class SwapError(PipelineError):
    """A finished set could not be put in place (a folder that cannot be moved)."""


def _move(source: Path, target: Path, done: list[tuple[Path, Path]]) -> None:
    """Rename source to target and note it, so that a swap cut short can be undone."""
    os.rename(source, target)
    done.append((source, target))


def _undo(done: list[tuple[Path, Path]], aside: Path, error: OSError) -> SwapError:
    """Move back what a failed swap moved (last first); the error to raise, saying whether outputs/ is as it was."""
    try:
        for source, target in reversed(done):
            os.rename(target, source)
        aside.rmdir()
    except OSError:
        return SwapError(f"the new set could not be put in place ({error}); the next run will finish the swap")
    return SwapError(f"the new set could not be put in place ({error}); {aside.parent} is left as it was")


def swap_in(stage: Path) -> Path:
    """Make a sealed staging folder the current set: old entries aside, new ones in, set file last, old deleted.

    Every step is a rename; a swap cut short by an error is undone, and one cut short by a killed process can be
    repeated (recover does), so outputs/ ends as the old set whole or the new set whole. A stale failed-run/ goes
    with the old set."""
    outputs, aside = stage.parent, aside_folder(stage)
    new = [name for name in read_set(stage)["entries"] if _plain_name(name)]
    done: list[tuple[Path, Path]] = []
    aside.mkdir(exist_ok=True)
    try:
        for name in sorted(owned_entries(outputs) | set(new) | {FAILED_RUN}):
            if name in new and not os.path.lexists(stage / name):
                continue  # moved in by an earlier attempt
            if os.path.lexists(outputs / name):
                _move(outputs / name, aside / name, done)
        for name in new:
            if os.path.lexists(stage / name):
                _move(stage / name, outputs / name, done)
        os.replace(stage / SET_FILE, outputs / SET_FILE)
    except OSError as error:
        raise _undo(done, aside, error) from error
    shutil.rmtree(aside, ignore_errors=True)
    shutil.rmtree(stage, ignore_errors=True)
    return outputs


def keep_failed_run(stage: Path) -> Path:
    """Keep a failed run's sealed partial set as outputs/failed-run/ (replacing an earlier one); outputs/ is untouched."""
    outputs, aside = stage.parent, aside_folder(stage)
    target, done = outputs / FAILED_RUN, []
    aside.mkdir(exist_ok=True)
    try:
        if stage.is_dir():
            if os.path.lexists(target):
                _move(target, aside / FAILED_RUN, done)
            _move(stage, target, done)
    except OSError as error:
        raise _undo(done, aside, error) from error
    shutil.rmtree(aside, ignore_errors=True)
    return target


def finish(run_set: RunSet) -> Path:
    """Seal the set and put it where it belongs: in outputs/ when nothing failed, else in outputs/failed-run/."""
    seal(run_set)
    return keep_failed_run(run_set.stage) if run_set.failed else swap_in(run_set.stage)


def discard(run_set: RunSet) -> bool:
    """Delete a stopped run's staging folder; one whose swap was begun and not undone is left for recover()."""
    stage = run_set.stage
    if not stage.exists() or aside_folder(stage).exists():
        return False
    shutil.rmtree(stage, ignore_errors=True)
    return True


def placement(run_set: RunSet, placed: Path) -> str:
    """The summary's last line: where the run's set went, and for a failed run where the last complete set is."""
    if not run_set.failed:
        return f"outputs in {placed} (run {run_set.run_id})"
    kept = read_set(run_set.outputs).get("run")
    last = "keeps its last complete set" if (run_set.outputs / "index.html").is_file() else "has no complete set yet"
    last += f" (run {kept})" if kept else ""
    return (
        f"the run FAILED ({', '.join(run_set.failed)}): {run_set.outputs} {last}; "
        f"this run's partial set is in {placed} (run {run_set.run_id})"
    )


def recover(outputs: Path) -> list[str]:
    """Tidy what a killed run left: finish a swap it had begun, delete unfinished staging and moved-aside folders."""
    outputs, done = Path(outputs), []
    if not outputs.is_dir():
        return done
    for stage in sorted(outputs.glob(f"{STAGING_PREFIX}*")):
        info = read_set(stage)
        if info and aside_folder(stage).is_dir():  # the swap had begun: finish it, or refuse to run over it
            try:
                (keep_failed_run if info.get("failed") else swap_in)(stage)
            except SwapError as error:
                raise SwapError(f"{outputs}: the swap of run {info.get('run')} was cut short: {error}") from error
            done.append(f"finished the swap of run {info.get('run')} that was cut short")
        else:
            shutil.rmtree(stage, ignore_errors=True)
            done.append(f"removed {stage.name}, left by a run that did not finish")
    for aside in sorted(outputs.glob(f"{ASIDE_PREFIX}*")):
        shutil.rmtree(aside, ignore_errors=True)
    return done


def record_destination(nb: Any, stage: Path, destination: Path) -> Any:
    """Say in an executed notebook (its parameters and injected-parameters cell) where its set ends up, not the
    staging folder it was written in, so the pages of the same inputs are the same bytes."""
    staged, final = str(stage), str(destination)
    parameters = nb.metadata.get("papermill", {}).get("parameters", {})
    for key, value in parameters.items():
        if isinstance(value, str) and (value == staged or value.startswith(staged + os.sep)):
            parameters[key] = final + value[len(staged) :]
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = cell.source.replace(staged, final)
    return nb
