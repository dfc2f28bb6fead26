"""The chart geometry: where each rating lands, and how series are told apart."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samspel.assessments.chart import (
    BOTTOM,
    EDGE,
    LEFT,
    MIN_TICK_GAP,
    RIGHT,
    TOP,
    RatingPoint,
    build_chart,
    style_for,
)

D = dt.date


def point(key, on, value, label=None):
    return RatingPoint(key, label or key, on, value)


def test_no_ratings_give_an_empty_chart_with_the_scale():
    chart = build_chart([])
    assert chart.is_empty
    assert [t.label for t in chart.y_ticks] == list(range(11))


def test_zero_sits_on_the_bottom_and_ten_on_the_top():
    chart = build_chart([point("a", D(2026, 1, 1), 0), point("a", D(2026, 2, 1), 10)])
    first, last = chart.series[0].points
    assert (first.y, last.y) == (BOTTOM, TOP)
    assert (first.x, last.x) == (LEFT + EDGE, RIGHT - EDGE)


def test_time_is_to_scale():
    chart = build_chart(
        [point("a", D(2026, 1, 1), 5), point("a", D(2026, 1, 11), 5), point("a", D(2026, 1, 31), 5)]
    )
    xs = [p.x for p in chart.series[0].points]
    assert abs((xs[1] - xs[0]) * 2 - (xs[2] - xs[1])) < 0.2


def test_a_single_date_sits_in_the_middle():
    chart = build_chart([point("a", D(2026, 1, 1), 4), point("b", D(2026, 1, 1), 6)])
    assert {p.x for s in chart.series for p in s.points} == {(LEFT + RIGHT) / 2}
    assert [t.label for t in chart.x_ticks] == [D(2026, 1, 1)]


def test_one_series_per_participant_in_label_order_with_points_in_date_order():
    chart = build_chart(
        [
            point("p2", D(2026, 3, 1), 6, "Lena (Parent)"),
            point("w", D(2026, 3, 1), 4, "Anna (Worker)"),
            point("p2", D(2026, 1, 1), 3, "Lena (Parent)"),
        ]
    )
    assert [s.label for s in chart.series] == ["Anna (Worker)", "Lena (Parent)"]
    assert [(p.on, p.value) for p in chart.series[1].points] == [
        (D(2026, 1, 1), 3),
        (D(2026, 3, 1), 6),
    ]
    assert chart.series[1].line == " ".join(f"{p.x},{p.y}" for p in chart.series[1].points)


def test_series_differ_by_more_than_colour():
    looks = [(style_for(i).marker, style_for(i).dash) for i in range(36)]
    assert len(set(looks)) == 36
    first_six = [style_for(i) for i in range(6)]
    assert len({s.marker for s in first_six}) == 6
    assert len({s.dash for s in first_six}) == 6
    assert {s.css_class for s in first_six} == {f"series-{n}" for n in range(1, 7)}
    assert style_for(6).css_class == "series-1"


def test_markers_are_drawn_at_the_point():
    chart = build_chart([point(str(i), D(2026, 1, 1), i) for i in range(6)])
    for series in chart.series:
        shape, spot = series.points[0].shape, series.points[0]
        if shape.kind == "circle":
            assert (shape.cx, shape.cy) == (spot.x, spot.y)
        else:
            xs = [float(p.split(",")[0]) for p in shape.points.split()]
            ys = [float(p.split(",")[1]) for p in shape.points.split()]
            assert min(xs) < spot.x < max(xs) and min(ys) < spot.y < max(ys)


dates = st.lists(st.dates(D(2020, 1, 1), D(2030, 1, 1)), min_size=1, max_size=60)


@settings(deadline=None)  # geometry is fast; a busy parallel run is not
@given(dates)
def test_date_labels_never_crowd_and_keep_first_and_last(days):
    chart = build_chart([point("a", day, 5) for day in days])
    ticks = chart.x_ticks
    assert ticks[0].label == min(days) and ticks[-1].label == max(days)
    gaps = [b.position - a.position for a, b in zip(ticks, ticks[1:], strict=False)]
    assert all(gap >= MIN_TICK_GAP for gap in gaps)


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(D(2020, 1, 1), D(2030, 1, 1)), st.integers(0, 10)),
        min_size=1,
        max_size=80,
    )
)
def test_every_point_is_inside_the_plot(ratings):
    chart = build_chart([point("a", on, value) for on, value in ratings])
    for p in chart.series[0].points:
        assert LEFT <= p.x <= RIGHT and TOP <= p.y <= BOTTOM
    assert len(chart.series[0].points) == len(ratings)
