"""The page grid: GB/T 9704 text block, 22 lines of 28 characters, baselines on grid lines."""

from __future__ import annotations

import pytest

from reportgen.template import load_template
from reportgen.writers.pdf.grid import Grid

MM = 72 / 25.4


@pytest.fixture(scope="module")
def grid() -> Grid:
    return Grid.of(load_template("annual-report"))


def test_the_text_block_is_156_by_225_mm_at_28_and_37(grid):
    assert (grid.left, grid.top) == pytest.approx((28 * MM, 37 * MM))
    assert (grid.width, grid.height) == pytest.approx((156 * MM, 225 * MM))
    assert (grid.right, grid.bottom) == pytest.approx((184 * MM, 262 * MM))
    assert (grid.page_width, grid.page_height) == pytest.approx((210 * MM, 297 * MM))


def test_22_lines_and_28_characters(grid):
    assert grid.pitch == pytest.approx(28.99, abs=0.01)
    assert grid.scale * 16 * 28 == pytest.approx(grid.width)
    assert grid.boundary(22) == pytest.approx(grid.bottom)


def test_every_baseline_sits_four_fifths_down_its_grid_line(grid):
    for row in (0, 7, 21):
        assert grid.baseline(row) - grid.boundary(row) == pytest.approx(0.8 * grid.pitch)
    assert grid.baseline(1) - grid.baseline(0) == pytest.approx(grid.pitch)


def test_the_last_lines_descent_stays_in_the_block(grid):
    # 0.2 of a grid line (5.8 pt) under the baseline: more than any face's descent at 16 pt
    # (the bundled 黑体's, 0.288 em, is 4.6 pt) and the 22 pt title's em box (0.12 em, 2.6 pt)
    assert grid.bottom - grid.baseline(grid.lines - 1) == pytest.approx(0.2 * grid.pitch)
    assert grid.bottom - grid.baseline(grid.lines - 1) > 0.288 * 16
