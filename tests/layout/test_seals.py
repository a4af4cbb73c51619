"""The sealed 落款's layout (GB/T 9704 7.3.5.1), as both writers place it."""

from __future__ import annotations

import pytest

from reportgen.layout.seals import SEAL_BELOW_CENTRE, sealed_signature

MM = 72 / 25.4
EM = 156 * MM / 28  # a 3号 character on the 28-character grid
WIDTH = 156 * MM
PITCH = 225 * MM / 22
SEAL = (42 * MM, 42 * MM)
GRID = {"em": EM, "width": WIDTH, "pitch": PITCH, "size": 16.0, "descent": 0.15}
TEXT_BOTTOM = -(PITCH / 5 - 0.15 * 16) / PITCH
"""The em bottom of the text above (仿宋's, 0.15 em below the baseline, which stands 4/5 of the
way down its grid line), in grid lines from the 落款's first line."""


def test_the_date_stands_4_characters_in_and_the_organisation_and_seal_centre_over_it():
    date = 6.22 * EM  # 2026年1月26日 in the bundled 仿宋, whose digits are narrower than ½
    layout = sealed_signature([6 * EM], date, [SEAL], **GRID)
    (seat,) = layout.seats
    assert layout.date_x + date == pytest.approx(WIDTH - 4 * EM)
    assert seat.centre == pytest.approx(layout.date_x + date / 2)
    assert seat.name_x + 3 * EM == pytest.approx(seat.centre)
    assert layout.date_row == seat.row + 1


@pytest.mark.parametrize("diameter_mm", [28, 29, 30, 35.6, 36, 38, 40, 42, 45, 49, 50])
def test_the_seal_top_is_within_one_line_below_the_text_above_and_the_name_below_its_centre(
        diameter_mm):
    height = diameter_mm * MM
    layout = sealed_signature([6 * EM], 6 * EM, [(height, height)], **GRID)
    (seat,) = layout.seats
    top = seat.row + layout.seal_top(height) / PITCH  # grid lines below the 落款's first line
    assert 0 <= top - TEXT_BOTTOM < 1  # below the text above, within one line of it
    centre = top + height / PITCH / 2
    assert seat.row + 0.5 - centre == pytest.approx(SEAL_BELOW_CENTRE)  # 居中偏下


def test_joint_seals_stand_side_by_side_from_the_right_never_touching():
    seal = (38 * MM, 38 * MM)
    layout = sealed_signature([6 * EM, 6.5 * EM, 5 * EM], 6 * EM, [seal] * 3, **GRID)
    centres = [seat.centre for seat in layout.seats]
    assert len({seat.row for seat in layout.seats}) == 1
    assert centres == sorted(centres)
    assert centres[-1] == pytest.approx(layout.date_x + 3 * EM)  # the last one over the date
    for left, right in zip(centres, centres[1:], strict=False):
        assert right - left == pytest.approx(seal[0] + EM)  # a character between the seals
    assert centres[0] - seal[0] / 2 >= 0  # inside the block


def test_names_wider_than_their_seals_set_the_seals_apart():
    layout = sealed_signature([9 * EM, 6 * EM], 6 * EM, [SEAL] * 2, **GRID)
    left, right = (seat.centre for seat in layout.seats)
    assert right - left == pytest.approx(10 * EM)
    assert layout.seats[0].name_x + 4.5 * EM == pytest.approx(left)


def test_seals_that_do_not_fit_a_row_go_on_rows_above_the_last():
    """Two 42 mm seals fit a row beside the date; five take three rows, the first short."""
    layout = sealed_signature([6 * EM] * 5, 6 * EM, [SEAL] * 5, **GRID)
    rows = [seat.row for seat in layout.seats]
    assert rows == sorted(rows) and [rows.count(row) for row in sorted(set(rows))] == [1, 2, 2]
    for upper, lower in zip(sorted(set(rows)), sorted(set(rows))[1:], strict=False):
        assert lower - upper >= SEAL[1] / PITCH  # the rows' seals do not overlap
    assert layout.seats[-1].centre == pytest.approx(layout.date_x + 3 * EM)
    assert layout.date_row == rows[-1] + 1


def test_a_name_wider_than_its_room_stays_inside_the_block():
    layout = sealed_signature([20 * EM], 6 * EM, [SEAL], **GRID)
    (seat,) = layout.seats
    assert seat.name_x + 20 * EM == pytest.approx(WIDTH)
