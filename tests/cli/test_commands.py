"""The commands as a user meets them: build, validate, new, templates, schema, fonts, safety."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from pypdf import PdfReader

from tests.conftest import DATA, EXAMPLE
from tests.helpers.cli import run
from tests.helpers.fonts import make_font


def test_build_writes_both_formats_into_the_output_folder(tmp_path, capsys):
    code, out, err = run(capsys, "build", EXAMPLE, "-o", tmp_path)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "liuzhou-library-2025.docx", "liuzhou-library-2025.pdf"]
    assert "built" in out and err == ""


def test_validate_writes_nothing_and_reports_warnings(tmp_path, capsys, write_yaml):
    code, out, _ = run(capsys, "validate", EXAMPLE)
    assert code == 0 and "ok:" in out
    report = write_yaml("title: 标题\nbody:\n  - 上午,召开大会。\n")
    code, out, err = run(capsys, "validate", report)
    assert code == 0 and "(1 warning)" in out and "warning:" in err and "，" in err
    code, _, err = run(capsys, "validate", "--strict", report)
    assert code == 4 and err.startswith("error:")


def test_new_writes_a_starter_that_builds(tmp_path, capsys):
    for kind in ("annual-report", "handout", "notice", "minutes", "letter"):
        starter = tmp_path / f"{kind}.yaml"
        assert run(capsys, "new", kind, "-o", starter)[0] == 0
        code, _, err = run(capsys, "build", starter, "-o", tmp_path / "out")
        assert code == 0, err
    code, _, err = run(capsys, "new", "handout", "-o", tmp_path / "handout.yaml")
    assert code == 2 and "exists" in err
    code, _, err = run(capsys, "new", "handot")
    assert code == 2 and "did you mean `handout`?" in err


def test_a_starter_points_its_editor_at_a_schema_file_that_exists(tmp_path, capsys,
                                                                   monkeypatch):
    from urllib.parse import unquote, urlparse

    starter = tmp_path / "a.yaml"
    run(capsys, "new", "notice", "-o", starter)
    first = starter.read_text(encoding="utf-8").splitlines()[0]
    uri = first.split("$schema=")[1]
    assert Path(unquote(urlparse(uri).path)).is_file()
    monkeypatch.setenv("REPORTGEN_SCHEMAS_DIR", str(tmp_path / "none"))
    run(capsys, "new", "notice", "-o", tmp_path / "b.yaml")
    text = (tmp_path / "b.yaml").read_text(encoding="utf-8")
    assert "reportgen schema -o report.schema.json" in text and ".invalid" not in text


def test_templates_lists_each_kind_on_one_line(capsys):
    code, out, _ = run(capsys, "templates")
    lines = out.strip().splitlines()
    assert code == 0 and [line.split()[0] for line in lines] == [
        "annual-report", "handout", "letter", "minutes", "notice"]


def test_schema_prints_the_published_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and out == (DATA.parent / "schemas" / "report.schema.json").read_text("utf-8")


def test_an_edited_docx_is_not_overwritten_until_forced_and_then_kept(tmp_path, capsys):
    assert run(capsys, "build", EXAMPLE, "-o", tmp_path)[0] == 0
    target = tmp_path / "liuzhou-library-2025.docx"
    assert run(capsys, "build", EXAMPLE, "-o", tmp_path)[0] == 0  # our own, unchanged: fine
    edited = docx.Document(str(target))
    edited.add_paragraph("编辑下午补充的一段话。")
    edited.save(str(target))
    before = target.read_bytes()
    pdf_before = (tmp_path / "liuzhou-library-2025.pdf").read_bytes()
    code, _, err = run(capsys, "build", EXAMPLE, "-o", tmp_path)
    assert code == 3 and "edited" in err and "--force" in err
    assert target.read_bytes() == before
    assert (tmp_path / "liuzhou-library-2025.pdf").read_bytes() == pdf_before
    code, out, _ = run(capsys, "build", EXAMPLE, "-o", tmp_path, "--force")
    assert code == 0 and "kept the old file" in out
    (backup,) = tmp_path.glob("liuzhou-library-2025.backup-*.docx")
    assert backup.read_bytes() == before


def test_a_folder_builds_every_report_and_a_failure_does_not_stop_the_others(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.yaml")
    shutil.copy(EXAMPLE, folder / "c.yaml")
    (folder / "b.yaml").write_text("titel: x\nbody: [x]\n", encoding="utf-8")
    code, out, err = run(capsys, "build", folder, "-o", tmp_path / "out", "-j", "2")
    assert code == 6
    assert "2 built, 1 failed" in out and "failed: " in out and "b.yaml" in out
    assert "did you mean `title`?" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.docx", "a.pdf", "c.docx", "c.pdf"]


def test_two_reports_with_one_output_name_are_refused(tmp_path, capsys):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        shutil.copy(EXAMPLE, tmp_path / sub / "r.yaml")
    code, _, err = run(capsys, "build", tmp_path / "x" / "r.yaml", tmp_path / "y" / "r.yaml",
                       "-o", tmp_path / "out")
    assert code == 2 and "would both write" in err


def test_a_user_font_replaces_the_bundled_body_face_in_the_pdf(tmp_path, capsys, write_yaml):
    fonts = tmp_path / "fonts-of-the-office"
    fonts.mkdir()
    make_font(fonts / "fs.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"})
    report = write_yaml("title: 标题\nbody:\n  - 仿宋仿宋仿宋\n")
    code, _, err = run(capsys, "build", report, "-o", tmp_path / "out", "--fonts", fonts)
    assert code == 0, err
    with pdfplumber.open(tmp_path / "out" / "report.pdf") as pdf:
        body = [c for c in pdf.pages[0].chars if c["text"] in "仿宋" and c["size"] == 16]
    assert body and all("TestFont" in c["fontname"] for c in body)


def test_fonts_beside_the_report_are_picked_up(tmp_path, capsys, write_yaml):
    (tmp_path / "fonts").mkdir()
    make_font(tmp_path / "fonts" / "fs.ttf", {"en": "FangSong", "zh-CN": "仿宋"})
    report = write_yaml("title: 标题\nbody:\n  - 仿宋\n")
    assert run(capsys, "build", report, "-o", tmp_path / "out", "--format", "pdf")[0] == 0
    fonts = {f for page in PdfReader(tmp_path / "out" / "report.pdf").pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("TestFont" in str(font.get_object()["/BaseFont"]) for font in fonts)


def test_the_docx_holds_a_fingerprint_and_the_bundled_profile_embeds_fonts(tmp_path, capsys):
    assert run(capsys, "build", EXAMPLE, "-o", tmp_path, "--format", "docx",
               "--docx-fonts", "bundled")[0] == 0
    names = zipfile.ZipFile(tmp_path / "liuzhou-library-2025.docx").namelist()
    assert "docProps/custom.xml" in names
    assert any(n.startswith("word/fonts/") and n.endswith(".odttf") for n in names)


def test_reproducible_builds_give_identical_bytes(tmp_path, capsys):
    for out in ("a", "b"):
        assert run(capsys, "build", EXAMPLE, "-o", tmp_path / out, "--reproducible")[0] == 0
    for name in ("liuzhou-library-2025.pdf", "liuzhou-library-2025.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_font_beside_the_report_draws_characters_no_bundled_font_has(tmp_path, capsys,
                                                                        write_yaml):
    rare = "\U00030000"  # CJK Extension G
    report = write_yaml(f"title: 标题\nbody:\n  - 姓名{rare}\n")
    code, _, err = run(capsys, "build", report, "-o", tmp_path / "before", "--format", "pdf")
    assert code == 0 and "U+30000" in err and "--fonts" in err  # the warning says what to do
    (tmp_path / "fonts").mkdir()
    make_font(tmp_path / "fonts" / "babel.ttf", {"en": "BabelStone Han"}, extra=rare)
    code, _, err = run(capsys, "build", report, "-o", tmp_path / "out", "--format", "pdf")
    assert code == 0 and err == ""
    with pdfplumber.open(tmp_path / "out" / "report.pdf") as pdf:
        [char] = [c for c in pdf.pages[0].chars if c["text"] == rare]
    assert "TestFont" in char["fontname"]


def test_an_unusable_font_file_is_a_warning_and_strict_makes_it_an_error(tmp_path, capsys,
                                                                       write_yaml):
    (tmp_path / "fonts").mkdir()
    make_font(tmp_path / "fonts" / "fs.otf", {"en": "FangSong"}, cff=True)
    report = write_yaml("title: 标题\nbody:\n  - 正文\n")
    code, _, err = run(capsys, "build", report, "-o", tmp_path / "out", "--format", "pdf")
    assert code == 0 and err.count("warning:") == 1 and "fs.otf" in err and "CFF" in err
    code, _, err = run(capsys, "build", "--strict", report, "-o", tmp_path / "out2")
    assert code == 4 and err.startswith("error:") and not (tmp_path / "out2").exists()


def test_schema_and_new_refuse_to_overwrite_without_force_and_name_a_folder(tmp_path, capsys):
    target = tmp_path / "report.schema.json"
    target.write_text("mine", encoding="utf-8")
    for command in ("schema", "new notice"):
        code, _, err = run(capsys, *command.split(), "-o", target)
        assert code == 2 and "file exists; not overwriting it" in err and "--force" in err
        assert target.read_text(encoding="utf-8") == "mine"
        code, _, err = run(capsys, *command.split(), "-o", tmp_path)
        assert code == 2 and "is a folder; -o takes the name of the file to write" in err
    assert run(capsys, "schema", "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("{")


def test_an_empty_body_is_an_error_and_a_long_decimal_a_warning(write_yaml, capsys):
    code, _, err = run(capsys, "validate", write_yaml("title: 标题\nbody: []\n"))
    assert code == 1 and "body: the list is empty (hint: add at least one entry)" in err
    report = write_yaml("title: 标题\nbody:\n  - 人均{{ 10 / 3 }}次\n")
    code, out, err = run(capsys, "validate", report)
    assert code == 0 and err.startswith("warning: ") and "11 decimal places" in err
    assert "(1 warning)" in out


def test_a_batch_survives_a_worker_that_dies_and_names_its_report(tmp_path):
    from tests.helpers.faults import KILL
    from tests.helpers.faults import run as run_child

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a", "b", "c", "d"):
        shutil.copy(EXAMPLE, folder / f"{name}.yaml")
    fault = f"""
        from reportgen import batch
        real = batch.build
        def build(file, settings):
            if file.name == "b.yaml":
                {KILL}
            return real(file, settings)
        batch.build = build
    """
    done = run_child("build", folder, "-o", tmp_path / "out", "-j", "2", fault=fault)
    assert done.returncode == 6, done.stderr
    assert "3 built, 1 failed" in done.stdout
    assert "b.yaml: the process building this report ended abruptly (killed by signal 9 " \
           "(SIGKILL))" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"{n}.{f}" for n in "acd" for f in ("docx", "pdf")]


def test_validate_goes_on_after_an_internal_error_in_one_report(tmp_path, capsys,
                                                                 monkeypatch):
    from reportgen import build

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(EXAMPLE, folder / f"{name}.yaml")
    real = build.check

    def check(file, settings, deadline=None):
        if file.name == "b.yaml":
            raise RuntimeError("a bug")
        return real(file, settings, deadline)

    monkeypatch.setattr(build, "check", check)
    code, out, err = run(capsys, "validate", folder)
    assert code == 70
    assert out.count("ok: ") == 2 and "c.yaml" in out
    assert "b.yaml: internal error: RuntimeError: a bug" in err


def test_schema_into_a_folder_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "schema", "-o", tmp_path)
    assert code == 2 and "is a folder; -o takes the name of the file to write" in err
    assert list(tmp_path.iterdir()) == []


def test_a_report_with_the_longest_name_a_file_system_allows_builds_and_is_kept(tmp_path,
                                                                              capsys):
    report = tmp_path / ("长" * 83 + ".yaml")  # 254 bytes
    shutil.copy(EXAMPLE, report)
    assert run(capsys, "build", report, "-o", tmp_path / "out")[0] == 0
    docx_path = tmp_path / "out" / ("长" * 83 + ".docx")
    edited = docx.Document(str(docx_path))
    edited.add_paragraph("补充。")
    edited.save(str(docx_path))
    code, out, _ = run(capsys, "build", report, "-o", tmp_path / "out", "--force")
    assert code == 0 and "kept the old file" in out
    assert all(len(p.name.encode()) <= 255 for p in (tmp_path / "out").iterdir())
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_a_pdf_helper_that_dies_is_this_reports_error_not_a_bug(tmp_path):
    from reportgen import forked
    from tests.helpers.faults import KILL
    from tests.helpers.faults import run as run_child

    if not forked.available():
        pytest.skip("the PDF is made in a helper only with two usable cores")
    fault = f"""
        from reportgen import build
        real = build.render
        def render(fmt, document, options):
            if fmt == "pdf":
                {KILL}
            return real(fmt, document, options)
        build.render = render
    """
    done = run_child("build", EXAMPLE, "-o", tmp_path / "out", fault=fault)
    assert done.returncode == 6
    assert "the process laying out the PDF ended abruptly (killed by signal 9 (SIGKILL))" \
        in done.stderr
    assert "internal error" not in done.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_of_reports_is_passed_over(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.yaml")
    os.mkfifo(folder / "b.yaml")
    code, out, _ = run(capsys, "validate", folder)
    assert code == 0 and out.count("ok: ") == 1
