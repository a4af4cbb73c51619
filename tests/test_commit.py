"""Moving outputs into place: complete files only, together, and nothing left by a kill or a full
disk once the next build has run."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import docx
import pdfplumber
import pytest

from reportgen import commit
from reportgen.commit import NAME_MAX, Commit, recover
from reportgen.errors import EXIT_IO, ReportError
from reportgen.outputs import write_atomically
from tests.conftest import EXAMPLE
from tests.helpers.faults import KILL, run


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def report(folder: Path, title: str) -> Path:
    path = folder / "r.yaml"
    path.write_text(f"title: {title}\nbody:\n  - 正文。\n", encoding="utf-8")
    return path


def titles(folder: Path) -> tuple[str, str]:
    """The title as a reader sees it in r.docx and in r.pdf."""
    in_docx = docx.Document(str(folder / "r.docx")).paragraphs[0].text
    with pdfplumber.open(folder / "r.pdf") as pdf:
        in_pdf = pdf.pages[0].extract_text().splitlines()[0].replace(" ", "")
    return in_docx, in_pdf


def test_a_commit_moves_every_file_into_place_and_leaves_nothing_else(tmp_path):
    with Commit(tmp_path) as files:
        files.write(tmp_path / "a.docx", b"one")
        files.write(tmp_path / "a.pdf", b"two")
        assert len(leftovers(tmp_path)) == 2  # the temp files, before the renames
        files.finish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"two"


def test_an_unfinished_commit_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError), Commit(tmp_path) as files:
        files.write(tmp_path / "a.docx", b"one")
        raise RuntimeError("the build failed")
    assert list(tmp_path.iterdir()) == []


def test_temp_names_fit_the_file_system_however_long_the_output_name(tmp_path):
    name = "长" * 83 + ".docx"  # 254 bytes: the longest name .docx allows on ext4
    assert len(name.encode()) <= NAME_MAX
    with Commit(tmp_path) as files:
        files.write(tmp_path / name, b"x")
        assert all(len(n.encode()) <= NAME_MAX for n in leftovers(tmp_path))
        files.finish()
    assert (tmp_path / name).read_bytes() == b"x"


def test_recovery_deletes_temp_files_of_dead_builds_and_spares_live_ones(tmp_path):
    live = Commit(tmp_path)
    live.write(tmp_path / "live.pdf", b"being written")
    dead = tmp_path / ".dead.pdf~reportgen-0123abcd.part"
    dead.write_bytes(b"half")
    earlier = tmp_path / ".old.docx.k2j_8x0q.part"  # an earlier version's mkstemp name
    earlier.write_bytes(b"half")
    os.utime(earlier, (0, 0))
    mine = tmp_path / ".notes.part"
    mine.write_bytes(b"a user's file that only looks like a temp file")
    recover(tmp_path)
    assert leftovers(tmp_path) == sorted([".notes.part", live._moves[0][0].path.name])
    live.finish()
    assert (tmp_path / "live.pdf").read_bytes() == b"being written"


def test_recovery_finishes_the_renames_a_journal_lists(tmp_path):
    (tmp_path / ".r.pdf~reportgen-0123abcd.part").write_bytes(b"new pdf")
    (tmp_path / "r.pdf").write_bytes(b"old pdf")
    (tmp_path / "r.docx").write_bytes(b"new docx")  # renamed before the kill
    (tmp_path / ".r~reportgen-89abcdef.journal").write_text(
        '{"moves": [[".r.docx~reportgen-76543210.part", "r.docx"],'
        ' [".r.pdf~reportgen-0123abcd.part", "r.pdf"], [".x~reportgen-0123abcd.part", "../x"]]}')
    recover(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.pdf"]
    assert (tmp_path / "r.pdf").read_bytes() == b"new pdf"


def test_a_full_disk_leaves_no_temp_file_and_names_the_output(tmp_path, monkeypatch):
    """A full disk, simulated: the write of the temp file fails with ENOSPC after 10 bytes."""
    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:10])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(commit, "_write_all", full)
    (tmp_path / "r.pdf").write_bytes(b"earlier")
    with pytest.raises(ReportError) as caught:
        write_atomically({tmp_path / "r.pdf": b"x" * 100})
    assert caught.value.exit_code == EXIT_IO
    message = str(caught.value)
    assert f"{tmp_path / 'r.pdf'}: cannot write: No space left on device" in message
    assert "disk is full" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]
    assert (tmp_path / "r.pdf").read_bytes() == b"earlier"


def test_a_file_size_limit_mid_write_leaves_the_earlier_pair_and_no_temp_file(tmp_path):
    """A real short write: with RLIMIT_FSIZE at 16 KB the kernel takes the DOCX (10 KB) but
    refuses the rest of the PDF (22 KB) with EFBIG, as it would with ENOSPC on a full disk."""
    out = tmp_path / "out"
    assert run("build", report(tmp_path, "第一版"), "-o", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    done = run("build", report(tmp_path, "第二版"), "-o", out, file_size=16 * 1024)
    assert done.returncode == EXIT_IO, done.stderr
    assert "cannot write: File too large" in done.stderr and "Traceback" not in done.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_build_killed_while_writing_leaves_no_temp_file_after_the_next_build(tmp_path):
    out = tmp_path / "out"
    fault = f"""
        from reportgen import commit
        def dying(fd, data):
            os.write(fd, data[:len(data) // 2])
            {KILL}
        commit._write_all = dying
    """
    done = run("build", report(tmp_path, "第一版"), "-o", out, fault=fault)
    assert done.returncode == -9
    assert len(leftovers(out)) >= 1
    invalid = tmp_path / "r.yaml"
    invalid.write_text("title: 第二版\n", encoding="utf-8")  # the next build fails, even
    assert run("build", invalid, "-o", out).returncode == 1
    assert leftovers(out) == []


def test_a_build_killed_between_its_renames_is_completed_by_the_next_build(tmp_path):
    out = tmp_path / "out"
    assert run("build", report(tmp_path, "第一版"), "-o", out).returncode == 0
    fault = f"""
        real = os.replace
        def replace(source, target):
            real(source, target)
            if str(target).endswith(".docx"):
                {KILL}
        os.replace = replace
    """
    done = run("build", report(tmp_path, "第二版"), "-o", out, fault=fault)
    assert done.returncode == -9
    assert titles(out) == ("第二版", "第一版")  # the window: a new DOCX beside the old PDF
    invalid = tmp_path / "r.yaml"
    invalid.write_text("title: 第三版\n", encoding="utf-8")
    assert run("build", invalid, "-o", out).returncode == 1  # it fails, yet repairs first
    assert titles(out) == ("第二版", "第二版")
    assert leftovers(out) == []


def test_the_font_cache_folder_keeps_no_temp_file_of_a_killed_build(tmp_path):
    cache = tmp_path / "cache"
    fault = f"""
        os.environ["REPORTGEN_CACHE_DIR"] = {str(cache)!r}
        from reportgen import commit
        def dying(fd, data):
            os.write(fd, data[:len(data) // 2])
            {KILL}
        commit._write_all = dying
    """
    shutil.copy(EXAMPLE, tmp_path / "r.yaml")
    assert run("build", tmp_path / "r.yaml", "-o", tmp_path / "out", "--format", "pdf",
               fault=fault).returncode == -9
    assert leftovers(cache)
    env_fault = f"os.environ['REPORTGEN_CACHE_DIR'] = {str(cache)!r}"
    assert run("build", tmp_path / "r.yaml", "-o", tmp_path / "out", "--format", "pdf",
               fault=env_fault).returncode == 0
    assert leftovers(cache) == []
    assert list(cache.glob("*.ttfmeta"))
