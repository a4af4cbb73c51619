"""The catalogue of bad inputs (tests/bad_inputs/): each gets its one-line errors, nothing else.

EXPECTED.tsv lists every case with its exit code, the line the first error must name, and a
substring of the message. The build must exit non-zero, print only `error:` lines that name the
file, print no traceback, and leave the output folder exactly as it was.
"""

from pathlib import Path

import pytest

from reportgen.cli import main

CATALOGUE = Path(__file__).parent / "bad_inputs"


def cases():
    rows = (CATALOGUE / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        name, code, line, expected = row.split("\t")
        yield pytest.param(name, int(code), None if line == "-" else int(line), expected, id=name)


def test_the_catalogue_has_at_least_thirty_cases_and_every_file_is_listed():
    listed = {c.values[0] for c in cases()}
    files = {p.stem for p in CATALOGUE.glob("*.yaml")}
    assert len(listed) >= 30
    assert listed == files


@pytest.mark.parametrize("name, code, line, expected", list(cases()))
def test_a_bad_input_gets_located_one_line_errors_and_writes_nothing(
        name, code, line, expected, tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    earlier = out_dir / f"{name}.pdf"
    earlier.write_bytes(b"%PDF-1.4 an earlier build by reportgen")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}

    exit_code = main(["build", str(CATALOGUE / f"{name}.yaml"), "-o", str(out_dir)])

    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert exit_code == code
    assert lines, "no message"
    assert all(x.startswith("error: ") for x in lines), captured.err
    assert "Traceback" not in captured.err + captured.out
    assert f"{name}.yaml" in lines[0] or "templates" in lines[0]
    if line is not None:
        assert f".yaml:{line}:" in lines[0], lines[0]
    assert any(expected in x for x in lines), captured.err
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before
