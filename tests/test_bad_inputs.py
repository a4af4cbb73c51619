"""The catalogue of bad inputs (tests/bad_inputs/): each gets its one-line errors, nothing else.

EXPECTED.tsv lists every case with its exit code, the line the first error must name, and a
substring of the message. Each case is built by the command in a process of its own, limited
to 1 GB of memory and 60 s, so that an input that once more takes gigabytes or hours fails its
test instead of swapping. The build must exit non-zero but never 70 (a bug), print only
`error:` lines that name the file, print no traceback, and leave the output folder exactly as
it was. Large and binary cases are made when the tests run (tests/helpers/bad_files.py).
"""

import re
import shutil
import time
from pathlib import Path

import pytest

from tests.helpers.bad_files import MAKERS
from tests.helpers.faults import run

CATALOGUE = Path(__file__).parent / "bad_inputs"
MEMORY_MB = 1024
SECONDS = 60
HINT = re.compile(r" \(hint: \S.*\)$")


def cases():
    rows = (CATALOGUE / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        name, code, line, expected = row.split("\t")
        yield pytest.param(name, int(code), None if line == "-" else int(line), expected, id=name)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    """The catalogue, with the cases made at test time made."""
    folder = tmp_path_factory.mktemp("catalogue") / "bad_inputs"
    shutil.copytree(CATALOGUE, folder)
    for make in MAKERS.values():
        make(folder)
    return folder


def test_the_catalogue_has_at_least_sixty_cases_and_every_file_is_listed():
    listed = {c.values[0] for c in cases()}
    files = {p.stem for p in CATALOGUE.glob("*.yaml")} | set(MAKERS)
    assert len(listed) >= 60
    assert listed == files


@pytest.mark.parametrize("name, code, line, expected", list(cases()))
def test_a_bad_input_gets_located_one_line_errors_and_writes_nothing(
        name, code, line, expected, catalogue, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    earlier = out_dir / f"{name}.pdf"
    earlier.write_bytes(b"%PDF-1.4 an earlier build by reportgen")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}

    started = time.perf_counter()
    done = run("build", catalogue / f"{name}.yaml", "-o", out_dir, memory_mb=MEMORY_MB,
               timeout=SECONDS)
    took = time.perf_counter() - started

    lines = done.stderr.strip().splitlines()
    assert done.returncode == code, done.stderr
    assert done.returncode != 70 and "internal error" not in done.stderr
    assert took < SECONDS
    assert lines, "no message"
    assert all(x.startswith("error: ") for x in lines), done.stderr
    assert all(HINT.search(x) for x in lines), f"an error without (hint: …): {done.stderr}"
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{name}.yaml" in lines[0] or "templates" in lines[0] or name in lines[0]
    if line is not None:
        assert f":{line}:" in lines[0], lines[0]
    assert any(expected in x for x in lines), done.stderr
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before
