"""The forked helper: input and results (and exceptions) cross intact; it never outlives its use;
a two-format build made with it gives the same bytes as one made in a single process."""

import os
import time
from dataclasses import replace

import pytest

from reportgen import forked
from reportgen.build import BuildSettings, build
from reportgen.errors import ReportError, fail
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

BIG = b"x" * 300_000  # more than a pipe holds at once, both ways


def no_children_left() -> bool:
    """Whether this process has no child process, running or unreaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_job_gets_its_input_and_the_parent_its_result():
    with forked.Helper(lambda: lambda data: data[::-1] + b"!") as helper:
        helper.send(BIG)
        assert helper.result() == BIG[::-1] + b"!"
    assert no_children_left()


def test_what_prepare_sets_up_is_there_for_the_job():
    def prepare():
        table = {n: n * n for n in range(10)}
        return lambda n: table[n]

    with forked.Helper(prepare) as helper:
        helper.send(7)
        assert helper.result() == 49


def test_a_report_error_in_the_job_is_raised_in_the_parent_intact():
    def job(_):
        raise fail("broken in the child", line=3)

    with forked.Helper(lambda: job) as helper:
        helper.send(None)
        with pytest.raises(ReportError) as caught:
            helper.result()
    assert caught.value.diagnostics[0].message == "broken in the child"
    assert caught.value.diagnostics[0].line == 3


def test_an_error_while_getting_ready_comes_back_too():
    def prepare():
        raise ImportError("no module named nowhere")

    with forked.Helper(prepare) as helper:
        helper.send(None)
        with pytest.raises(ImportError, match="nowhere"):
            helper.result()


def test_an_unpicklable_exception_still_comes_back_as_an_error():
    class Local(Exception):
        pass

    def job(_):
        raise Local("cannot be pickled: defined inside a function")

    with forked.Helper(lambda: job) as helper:
        helper.send(None)
        with pytest.raises(RuntimeError, match="Local"):
            helper.result()


def test_a_helper_let_go_without_input_never_runs_its_job(tmp_path):
    marker = tmp_path / "ran"
    with forked.Helper(lambda: lambda _: marker.write_text("ran")):
        pass
    assert not marker.exists()
    assert no_children_left()


def test_a_helper_let_go_while_getting_ready_is_not_waited_for():
    started = time.monotonic()
    with forked.Helper(lambda: time.sleep(60)):
        pass
    assert time.monotonic() - started < 30
    assert no_children_left()


def test_a_job_whose_result_is_not_wanted_is_stopped_not_waited_for():
    started = time.monotonic()
    with forked.Helper(lambda: lambda _: time.sleep(60)) as helper:
        helper.send(None)
    assert time.monotonic() - started < 30
    assert no_children_left()


def test_a_job_without_a_result_in_time_is_ended_and_said_so():
    started = time.monotonic()
    with forked.Helper(lambda: lambda _: time.sleep(60)) as helper:
        helper.send(None)
        with pytest.raises(forked.HelperTimedOut, match="within 0.5 s"):
            helper.result(timeout=0.5)
    assert time.monotonic() - started < 30
    assert no_children_left()


def test_a_job_done_in_time_gives_its_result():
    with forked.Helper(lambda: lambda value: value * 2) as helper:
        helper.send(21)
        assert helper.result(timeout=30) == 42


def test_result_before_send_is_refused_instead_of_waiting_forever():
    with forked.Helper(lambda: lambda _: None) as helper:
        with pytest.raises(RuntimeError, match="send"):
            helper.result()


def test_the_helper_and_the_single_process_build_give_the_same_bytes(tmp_path):
    together = BuildSettings(out_dir=tmp_path / "a", reproducible=True)
    alone = replace(together, out_dir=tmp_path / "b", parallel_formats=False)
    build(EXAMPLE, together)
    assert no_children_left()
    build(EXAMPLE, alone)
    for name in (f"{EXAMPLE.stem}.docx", f"{EXAMPLE.stem}.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_report_with_errors_leaves_no_helper_and_no_output(write_yaml, tmp_path):
    bad = write_yaml("kind: annual-report\ntitle: 一个标题\nbody: 3\n")
    settings = BuildSettings(out_dir=tmp_path / "out")
    with pytest.raises(ReportError):
        build(bad, settings)
    assert no_children_left()
    assert not (tmp_path / "out").exists()


def test_a_process_pinned_to_one_core_does_not_fork(monkeypatch):
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this system")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert forked.usable_cores() == 1
    assert not forked.available()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert forked.available()
