"""Set-up: one declaration of dependencies, a conda file that agrees, a self-documenting Makefile, JupyterLab that starts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import tomllib

from minzheng import paths

ROOT = paths.PROJECT_ROOT


def pyproject() -> dict:
    """The parsed pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_named_dependency_is_declared_with_a_version_range():
    declared = {
        d.split(">")[0].split("<")[0].split("=")[0].strip().lower(): d for d in pyproject()["project"]["dependencies"]
    }
    for name in [
        "jupyterlab",
        "pandas",
        "matplotlib",
        "seaborn",
        "jieba",
        "opencc",
        "papermill",
        "noto-cjk-sans-otc",
    ]:
        assert name in declared, name
        assert ">=" in declared[name] and "<" in declared[name], declared[name]


def test_environment_yml_installs_the_same_package_and_python():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert "- -e .[test]" in lines
    python = next(line for line in lines if line.startswith("- python"))
    assert python.removeprefix("- python") == pyproject()["project"]["requires-python"]
    assert sorted(lines) == sorted(
        ["name: minzheng", "channels:", "- conda-forge", "dependencies:", python, "- pip", "- pip:", "- -e .[test]"]
    )


def test_makefile_help_lists_the_targets_the_readme_promises():
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    for target in ["report", "test", "lab", "bench", "setup", "corpus"]:
        assert f"make {target}" in result.stdout


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_section = readme.index("\n## ", readme.index("\n## ") + 1)
    assert readme.index("make report") < first_section and readme.index("make test") < first_section


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_jupyterlab_starts_from_this_environment_and_lists_the_notebooks(tmp_path):
    port, token = free_port(), "minzheng-test"
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--ServerApp.root_dir={ROOT}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
    ] + (["--allow-root"] if os.geteuid() == 0 else [])
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        listing = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and listing is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}", timeout=2
                ) as response:
                    listing = json.load(response)
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode(errors="replace"))
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer within 60 s"
        names = {item["name"] for item in listing["content"]}
        assert "00_corpus_overview.ipynb" in names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=5) as response:
            assert "minzheng" in json.load(response)["kernelspecs"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
