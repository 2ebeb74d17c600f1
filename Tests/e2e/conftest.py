"""Shared fixtures for the end-to-end tests: the guidegen binary and the repository paths."""
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "Tests" / "GuideGenTests" / "Fixtures" / "sites"


@pytest.fixture(scope="session")
def guidegen():
    binary = os.environ.get("GUIDEGEN") or str(REPO / ".build" / "debug" / "guidegen")
    path = pathlib.Path(binary)
    if not path.is_absolute():
        path = REPO / path
    assert path.exists(), f"build guidegen first: {path}"
    return str(path)


def run(guidegen, *args, cwd=REPO):
    """Runs the CLI and returns (exit code, stdout, stderr)."""
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([guidegen, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def site_copy(tmp_path):
    """Copies a fixture site (content + the default theme) into a temporary project folder."""
    def copy(name):
        project = tmp_path / name
        shutil.copytree(FIXTURES / name / "content", project / "content")
        shutil.copytree(REPO / "site-templates", project / "site-templates")
        return project
    return copy


def tree(folder):
    """Every file under a folder with its bytes, for whole-tree comparisons."""
    folder = pathlib.Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_files(folder, files):
    """Writes {relative path: text} under a folder (UTF-8) and returns the folder."""
    folder = pathlib.Path(folder)
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder
