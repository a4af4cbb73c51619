"""Writing outputs: complete files only, backups on --force, nothing overwritten silently."""

import pytest

from reportgen.errors import EXIT_OUTPUT_PROTECTED, ReportError
from reportgen.fingerprint import stamp
from reportgen.outputs import check_writable, write_atomically
from tests.test_fingerprint import plain_docx


def test_absent_and_own_outputs_may_be_written(tmp_path):
    path = tmp_path / "r.docx"
    assert check_writable(path, force=False) is None
    path.write_bytes(stamp(plain_docx()))
    assert check_writable(path, force=False) is None


def test_a_foreign_docx_is_protected_and_force_names_a_backup(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(plain_docx())
    with pytest.raises(ReportError) as caught:
        check_writable(path, force=False)
    assert caught.value.exit_code == EXIT_OUTPUT_PROTECTED
    assert "--force" in str(caught.value)
    backup = check_writable(path, force=True)
    assert backup.parent == tmp_path and backup.name.startswith("r.backup-")
    assert backup.suffix == ".docx"


def test_a_pdf_we_did_not_write_is_protected(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4 someone else's file")
    with pytest.raises(ReportError):
        check_writable(path, force=False)
    path.write_bytes(b"%PDF-1.4 /Creator (reportgen 0.1.0)")
    assert check_writable(path, force=False) is None


def test_atomic_write_moves_complete_files_and_keeps_backups(tmp_path):
    target = tmp_path / "out" / "r.docx"
    write_atomically({target: b"first"}, {})
    backup = tmp_path / "out" / "r.backup.docx"
    write_atomically({target: b"second"}, {target: backup})
    assert target.read_bytes() == b"second" and backup.read_bytes() == b"first"
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.backup.docx", "r.docx"]


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(ReportError):
        write_atomically({blocker / "r.pdf": b"x"}, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]
