"""Packaging: the wheel carries templates, fonts, schema and docs, and works where pip puts it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_under_src_is_listed_and_every_data_folder_exists():
    found = {".".join(p.parent.relative_to(ROOT / "src").parts)
             for p in (ROOT / "src").rglob("__init__.py")}
    listed = set(SETUPTOOLS["packages"])
    assert found == {p for p in listed if not p.startswith("reportgen._data.")}
    for package, folder in SETUPTOOLS["package-dir"].items():
        if package:
            assert package in listed and (ROOT / folder).is_dir()
            assert any(any((ROOT / folder).glob(pattern))
                       for pattern in PYPROJECT["tool"]["setuptools"]["package-data"][package])


def test_the_licence_is_mit_in_spdx_form_and_ships_with_the_font_licences():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert all(list(ROOT.glob(pattern)) for pattern in project["license-files"])


def _copy_source(target: Path) -> None:
    """What a source distribution holds, copied (hard-linked where possible) to `target`."""
    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, target / name)
    for name in ("src", "templates", "fonts", "schemas", "docs"):
        shutil.copytree(ROOT / name, target / name, copy_function=link,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))


def _user_site_python() -> str:
    """An interpreter outside any virtual environment, where `pip install --user` works."""
    base = getattr(sys, "_base_executable", sys.executable)
    enabled = subprocess.run([base, "-c", "import site; print(site.ENABLE_USER_SITE)"],
                             capture_output=True, text=True)
    if enabled.stdout.strip() != "True":
        pytest.skip("the base interpreter has no user site-packages")
    return base


@pytest.mark.slow
@pytest.mark.install
def test_a_wheel_installed_with_pip_user_builds_a_report_from_another_folder(tmp_path):
    """pip's --user install (its fallback where site-packages is not writable) finds the
    templates, fonts and schema inside the package. The wheel's dependencies are taken from
    this environment (PYTHONPATH) so that the test needs no network."""
    source, dist, base, work = (tmp_path / n for n in ("source", "dist", "userbase", "work"))
    for folder in (source, work):
        folder.mkdir()
    _copy_source(source)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(dist), str(source)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("reportgen-*.whl")
    python = _user_site_python()
    deps = next(p for p in sys.path if p.endswith("site-packages"))
    env = {**os.environ, "PYTHONUSERBASE": str(base), "PYTHONPATH": deps,
           "REPORTGEN_CACHE_DIR": str(tmp_path / "cache"), "PIP_NO_INDEX": "1"}
    for name in ("REPORTGEN_TEMPLATES", "REPORTGEN_FONTS_DIR", "REPORTGEN_SCHEMAS_DIR"):
        env.pop(name, None)
    subprocess.run([python, "-m", "pip", "install", "-q", "--user", "--no-deps", str(wheel)],
                   check=True, capture_output=True, env=env)

    def reportgen(*args):
        done = subprocess.run([str(base / "bin" / "reportgen"), *args], cwd=work, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = subprocess.run([python, "-c", "import reportgen.resources as r; print(r.__file__); "
                            "print(r.resource_dir('fonts', 'UNSET'))"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(base) for p in where), where
    assert "annual-report" in reportgen("templates")
    reportgen("new", "annual-report", "-o", "report.yaml")
    assert "$schema=file://" + str(base) in (work / "report.yaml").read_text(encoding="utf-8")
    reportgen("build", "report.yaml")
    text = PdfReader(work / "output" / "report.pdf").pages[0].extract_text().replace("\n", "")
    assert "某某市图书馆2025年工作总结" in text
    assert (work / "output" / "report.docx").stat().st_size > 0
    docs = reportgen("--help").split("the report format: ")[1].splitlines()[0]
    assert Path(docs).is_relative_to(base) and Path(docs).is_file()
