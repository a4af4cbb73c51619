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


def test_the_body_em_box_is_centred_in_its_grid_line(grid):
    for row in (0, 7, 21):
        em_top = grid.baseline(row) - 0.88 * 16
        assert em_top - grid.boundary(row) == pytest.approx(grid.boundary(row + 1) - em_top - 16)
    assert grid.baseline(1) - grid.baseline(0) == pytest.approx(grid.pitch)
