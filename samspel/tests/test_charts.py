"""The chart frame shared by the safety chart and the compliance chart: the value scale, and the
SVG frame that templates/charts/_frame.html draws from it (in any language, unlocalised)."""

import re
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from samspel.assessments.chart import FRAME as SAFETY
from samspel.charts import Frame
from samspel.followup.compliance import FRAME as COMPLIANCE

FRAME = Frame("test-chart", 200, 100, 30, 190, 10, 80, 40, (0, 10, 25, 40), unit=" h")


def test_zero_is_at_the_bottom_and_the_maximum_at_the_top():
    assert (FRAME.y_for(0), FRAME.y_for(40)) == (80, 10)
    assert FRAME.y_for(20) == 45
    assert FRAME.y_for(10) == 62.5


def test_a_grid_line_at_each_tick_with_labels_left_of_the_plot():
    assert [(tick.label, tick.position) for tick in FRAME.value_ticks] == [
        (0, 80),
        (10, 62.5),
        (25, 36.2),
        (40, 10),
    ]
    assert FRAME.value_label_x == 22


@given(st.integers(0, 100))
def test_every_value_lands_inside_the_plot(value):
    for frame in (SAFETY, COMPLIANCE):
        capped = min(value, frame.maximum)
        assert frame.top <= frame.y_for(capped) <= frame.bottom


def test_each_chart_keeps_its_own_scale():
    assert [tick.label for tick in SAFETY.value_ticks] == list(range(11))
    assert [tick.label for tick in COMPLIANCE.value_ticks] == [0, 25, 50, 75, 100]
    assert (SAFETY.unit, COMPLIANCE.unit) == ("", "%")


@pytest.mark.parametrize("language", ["en", "sv", "da"])
def test_the_frame_is_a_named_image_with_an_unlocalised_grid(language):
    with translation.override(language):
        svg = render_to_string("charts/_frame.html", {"chart": SimpleNamespace(frame=FRAME)})
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="test-chart" class="test-chart"' in svg
    assert 'viewBox="0 0 200 100" role="img"' in svg
    assert 'aria-labelledby="test-chart-title test-chart-desc"' in svg
    assert '<title id="test-chart-title">' in svg and '<desc id="test-chart-desc">' in svg
    lines = re.findall(r'<line x1="30" x2="190" y1="([\d.]+)" y2="\1"( class="chart-axis")?/>', svg)
    assert lines == [("80.0", ' class="chart-axis"'), ("62.5", ""), ("36.2", ""), ("10.0", "")]
    labels = re.findall(r'<text class="chart-label" x="22" y="[\d.]+"[^>]*>([^<]*)</text>', svg)
    assert labels == ["0 h", "10 h", "25 h", "40 h"]
    assert svg.strip().endswith("</svg>")
