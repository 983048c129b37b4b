"""Shared fixtures: the repository root, the CLI binary the module is compared with, and a
helper running it.

ctest sets STATECRAFT_CLI and STATECRAFT_SOURCE_DIR (python/CMakeLists.txt); run by hand, the
CLI is looked up in build*/ of the repository, newest first.
"""

import atexit
import glob
import json
import os
import shutil
import subprocess
import tempfile

import pytest

SOURCE_DIR = os.environ.get("STATECRAFT_SOURCE_DIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _find_cli():
    given = os.environ.get("STATECRAFT_CLI")
    if given:
        return given
    candidates = [path for path in glob.glob(os.path.join(SOURCE_DIR, "build*", "statecraft"))
                  if os.access(path, os.X_OK)]
    if not candidates:
        return None
    return max(candidates, key=os.path.getmtime)


CLI = _find_cli()

# The CLI saves runs in its default store under XDG_DATA_HOME: a folder of this session's own,
# so the tests never write into the user's store (nor fail on one a newer statecraft upgraded).
_DATA_HOME = tempfile.mkdtemp(prefix="statecraft-pytest-")
atexit.register(shutil.rmtree, _DATA_HOME, True)


def source_path(*parts):
    return os.path.join(SOURCE_DIR, *parts)


class CliError(Exception):
    def __init__(self, code, stderr):
        super().__init__(stderr)
        self.code = code
        self.stderr = stderr


def run_cli(*args):
    """Runs the CLI from the repository root; returns its standard output."""
    if CLI is None:
        pytest.fail("no statecraft CLI found: set STATECRAFT_CLI or build it")
    completed = subprocess.run([CLI, *args], cwd=SOURCE_DIR, capture_output=True, text=True,
                               timeout=600, env=dict(os.environ, XDG_DATA_HOME=_DATA_HOME))
    if completed.returncode != 0:
        raise CliError(completed.returncode, completed.stderr)
    return completed.stdout


def cli_json(*args):
    return json.loads(run_cli(*args, "--format", "json"))


@pytest.fixture(scope="session", autouse=True)
def _private_run_store(tmp_path_factory):
    """Runs the CLI and the module save go to a run store of the session's own (under
    XDG_DATA_HOME), never to the user's: a store written by another version would fail them."""
    previous = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))
    yield
    if previous is None:
        del os.environ["XDG_DATA_HOME"]
    else:
        os.environ["XDG_DATA_HOME"] = previous


@pytest.fixture(autouse=True)
def _repository_root(monkeypatch):
    """Relative paths in tests (and in expected error messages) are relative to the root, as in
    the CLI cases."""
    monkeypatch.chdir(SOURCE_DIR)


@pytest.fixture(autouse=True)
def _private_run_store(monkeypatch, tmp_path):
    """Runs the CLI saves go to a store of the test's own, never to the user's (which another
    statecraft version may have written)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
