"""Geometry of the safety-scale chart: ratings over time, one series per participant. Data in,
coordinates out; the template draws them as inline SVG. Series differ by colour, marker shape
and dash pattern, so that colour is never the only difference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from samspel.charts import Frame, Tick

SCALE_MAX = 10
# Small enough a drawing that its 15-unit text stays readable when a phone shrinks it.
WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 52, 436, 14, 252  # the plot area; room for labels around it
EDGE = 16  # keeps the first and last markers off the axes
MIN_TICK_GAP = 120  # units between date labels, so they never overlap (even at phone size)
MARKER_SIZE = 6.0

MARKERS = ("circle", "square", "triangle", "diamond", "plus", "triangle-down")
DASHES = ("", "8 4", "2 3", "12 4 3 4", "5 5", "14 3")
PALETTE_SIZE = 6  # colours .series-1 … .series-6 in samspel.css
FRAME = Frame(
    "safety-chart", WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, SCALE_MAX, tuple(range(SCALE_MAX + 1))
)


@dataclass(frozen=True)
class RatingPoint:
    """One rating: who (a stable key and a readable label), when, and the value 0–10."""

    key: str
    label: str
    on: dt.date
    value: int


@dataclass(frozen=True)
class Shape:
    kind: str  # "circle" or "polygon"
    cx: float = 0
    cy: float = 0
    r: float = 0
    points: str = ""


@dataclass(frozen=True)
class Style:
    number: int
    marker: str
    dash: str

    @property
    def css_class(self) -> str:
        return f"series-{(self.number - 1) % PALETTE_SIZE + 1}"


@dataclass(frozen=True)
class PlotPoint:
    on: dt.date
    value: int
    x: float
    y: float
    shape: Shape


@dataclass
class Series:
    key: str
    label: str
    style: Style
    points: list[PlotPoint] = field(default_factory=list)

    @property
    def line(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def swatch(self) -> Shape:
        """The marker for the legend, in a 48×16 drawing."""
        return marker_shape(self.style.marker, 24, 8, 4)


@dataclass
class Chart:
    series: list[Series]
    x_ticks: list[Tick]  # dates
    first: dt.date | None
    last: dt.date | None
    frame: Frame = FRAME

    @property
    def is_empty(self) -> bool:
        return not self.series

    @property
    def y_ticks(self) -> list[Tick]:
        """The scale 0–10."""
        return self.frame.value_ticks

    @property
    def scale_title_x(self) -> int:
        """Where the rotated axis title sits: rotation turns x into the vertical position."""
        return -(self.frame.top + self.frame.bottom) // 2

    @property
    def date_label_y(self) -> int:
        return self.frame.bottom + 28

    @property
    def date_tick_end(self) -> int:
        return self.frame.bottom + 6


def style_for(index: int) -> Style:
    """The index-th series' look. Past six series the dashes shift by one, so no two of the
    first 36 series look alike."""
    dash = DASHES[(index + index // len(DASHES)) % len(DASHES)]
    return Style(index + 1, MARKERS[index % len(MARKERS)], dash)


def _polygon(points: Iterable[tuple[float, float]]) -> Shape:
    return Shape("polygon", points=" ".join(f"{round(x, 1)},{round(y, 1)}" for x, y in points))


def marker_shape(marker: str, x: float, y: float, r: float = MARKER_SIZE) -> Shape:
    """The drawing of one marker centred on (x, y)."""
    if marker == "circle":
        return Shape("circle", cx=x, cy=y, r=r)
    if marker == "square":
        return _polygon([(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)])
    if marker == "triangle":
        return _polygon([(x, y - 1.3 * r), (x + 1.2 * r, y + 0.9 * r), (x - 1.2 * r, y + 0.9 * r)])
    if marker == "triangle-down":
        return _polygon([(x, y + 1.3 * r), (x + 1.2 * r, y - 0.9 * r), (x - 1.2 * r, y - 0.9 * r)])
    if marker == "diamond":
        return _polygon([(x, y - 1.4 * r), (x + 1.4 * r, y), (x, y + 1.4 * r), (x - 1.4 * r, y)])
    arm, half = 1.3 * r, 0.45 * r  # a plus sign
    return _polygon(
        [
            (x - half, y - arm), (x + half, y - arm), (x + half, y - half), (x + arm, y - half),
            (x + arm, y + half), (x + half, y + half), (x + half, y + arm), (x - half, y + arm),
            (x - half, y + half), (x - arm, y + half), (x - arm, y - half), (x - half, y - half),
        ]
    )  # fmt: skip


def y_for(value: int) -> float:
    return FRAME.y_for(value)


def _x_scale(first: dt.date, last: dt.date) -> Callable[[dt.date], float]:
    span = (last - first).days
    if span == 0:
        return lambda on: (LEFT + RIGHT) / 2
    width = RIGHT - LEFT - 2 * EDGE
    return lambda on: round(LEFT + EDGE + (on - first).days / span * width, 1)


def _x_ticks(dates: list[dt.date], x_for: Callable[[dt.date], float]) -> list[Tick]:
    """The dates that have ratings, thinned so labels never overlap; first and last stay."""
    ticks: list[Tick] = []
    for on in dates:
        if not ticks or x_for(on) - ticks[-1].position >= MIN_TICK_GAP:
            ticks.append(Tick(on, x_for(on)))
    last = dates[-1]
    if ticks[-1].label != last:
        if len(ticks) > 1 and x_for(last) - ticks[-1].position < MIN_TICK_GAP:
            ticks.pop()
        ticks.append(Tick(last, x_for(last)))
    return ticks


def build_chart(ratings: Iterable[RatingPoint]) -> Chart:
    """One series per participant, ordered by label; points ordered by date."""
    ratings = sorted(ratings, key=lambda r: (r.label.casefold(), r.key, r.on))
    if not ratings:
        return Chart([], [], None, None)
    dates = sorted({r.on for r in ratings})
    x_for = _x_scale(dates[0], dates[-1])
    series: dict[str, Series] = {}
    for rating in ratings:
        if rating.key not in series:
            series[rating.key] = Series(rating.key, rating.label, style_for(len(series)))
        style = series[rating.key].style
        x, y = x_for(rating.on), y_for(rating.value)
        point = PlotPoint(rating.on, rating.value, x, y, marker_shape(style.marker, x, y))
        series[rating.key].points.append(point)
    return Chart(list(series.values()), _x_ticks(dates, x_for), dates[0], dates[-1])
