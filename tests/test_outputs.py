"""Writing outputs: never over a user's work without exit 3 or a backup, even two builds at once."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading

import docx
import pytest

from reportgen.errors import EXIT_OUTPUT_PROTECTED, ReportError
from reportgen.fingerprint import State, stamp
from reportgen.outputs import check_writable, write_atomically, write_outputs
from tests.conftest import EXAMPLE
from tests.test_fingerprint import plain_docx, plain_pdf


def test_absent_and_own_outputs_may_be_written(tmp_path):
    path = tmp_path / "r.docx"
    assert check_writable(path, force=False).state is State.ABSENT
    path.write_bytes(stamp("docx", plain_docx()))
    assert check_writable(path, force=False).state is State.UNCHANGED


def test_a_foreign_docx_is_protected_and_force_keeps_it_as_a_backup(tmp_path):
    path = tmp_path / "r.docx"
    original = plain_docx()
    path.write_bytes(original)
    with pytest.raises(ReportError) as caught:
        check_writable(path, force=False)
    assert caught.value.exit_code == EXIT_OUTPUT_PROTECTED
    assert "--force" in str(caught.value)
    found = check_writable(path, force=True)
    (backup,) = write_outputs({path: b"new"}, {path: found}, force=True)
    assert backup.parent == tmp_path and backup.name.startswith("r.backup-")
    assert backup.suffix == ".docx" and backup.read_bytes() == original
    assert path.read_bytes() == b"new"


def test_a_pdf_we_did_not_write_is_protected(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4 someone else's file, which mentions reportgen")
    with pytest.raises(ReportError):
        check_writable(path, force=False)
    path.write_bytes(stamp("pdf", plain_pdf()))
    assert check_writable(path, force=False).state is State.UNCHANGED


def test_an_earlier_versions_output_is_replaced_and_kept_as_a_backup(tmp_path):
    path = tmp_path / "r.pdf"
    earlier = plain_pdf()  # by reportgen, before its fingerprint covered the file
    path.write_bytes(earlier)
    found = check_writable(path, force=False)
    assert found.state is State.EARLIER
    (backup,) = write_outputs({path: b"new"}, {path: found}, force=False)
    assert backup.read_bytes() == earlier


def test_a_file_edited_after_the_check_is_checked_again_before_it_is_replaced(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(stamp("docx", plain_docx()))
    found = check_writable(path, force=False)
    edited = plain_docx("编辑在构建期间改了它")
    path.write_bytes(edited)  # while the build was rendering
    with pytest.raises(ReportError) as caught:
        write_outputs({path: b"new"}, {path: found}, force=False)
    assert caught.value.exit_code == EXIT_OUTPUT_PROTECTED
    assert path.read_bytes() == edited
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]


def test_backups_take_free_names_and_fall_back_to_a_copy_without_hard_links(tmp_path,
                                                                           monkeypatch):
    path = tmp_path / "r.docx"
    names = set()
    for n in range(3):
        draft = plain_docx(f"第{n}稿")
        path.write_bytes(draft)
        if n == 2:  # a file system without hard links (FAT, some network shares)
            monkeypatch.setattr(os, "link", lambda *_: (_ for _ in ()).throw(
                OSError(errno.EPERM, "Operation not permitted")))
        (backup,) = write_outputs({path: b"new"}, {}, force=True)
        names.add(backup.name)
        assert backup.read_bytes() == draft
    assert len(names) == 3


def test_backup_names_fit_the_file_system_for_the_longest_report_names(tmp_path):
    path = tmp_path / ("长" * 83 + ".docx")
    original = plain_docx()
    path.write_bytes(original)
    (backup,) = write_outputs({path: b"new"}, {}, force=True)
    assert len(backup.name.encode()) <= 255 and backup.name.endswith(".docx")
    assert backup.read_bytes() == original


def test_a_folder_at_an_output_path_is_refused_even_with_force(tmp_path):
    (tmp_path / "r.pdf").mkdir()
    with pytest.raises(ReportError) as caught:
        check_writable(tmp_path / "r.pdf", force=True)
    assert "is a folder" in str(caught.value)


def test_atomic_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "out" / "starter.yaml"
    write_atomically({target: b"first"})
    write_atomically({target: b"second"})
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["starter.yaml"]


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(ReportError) as caught:
        write_atomically({blocker / "r.pdf": b"x"})
    assert "blocked" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]


def test_two_forced_builds_at_once_keep_the_editors_file(tmp_path):
    """Both find the edited DOCX and would back it up under the same name; the second must
    see that the first replaced it, and the editor's file must survive in a backup."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "reportgen", "build", str(EXAMPLE), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    target = out / f"{EXAMPLE.stem}.docx"
    edited = docx.Document(str(target))
    edited.add_paragraph("编辑下午补充的一段话。")
    edited.save(str(target))
    editors = target.read_bytes()
    builds = [subprocess.Popen(command + ["--force"], stdout=subprocess.PIPE, text=True)
              for _ in range(2)]
    said = [build.communicate(timeout=120)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0]
    kept = [p for p in out.iterdir() if p.read_bytes() == editors]
    assert len(kept) == 1 and kept[0] != target
    assert sum(f"kept the old file as {kept[0]}" in text for text in said) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_an_output_path_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "r.pdf")
    caught = []

    def check() -> None:
        try:
            check_writable(tmp_path / "r.pdf", force=False)
        except ReportError as exc:
            caught.append(exc.exit_code)

    thread = threading.Thread(target=check, daemon=True)
    thread.start()
    thread.join(10)
    assert caught == [EXIT_OUTPUT_PROTECTED]
