"""The frame every inline SVG chart is drawn in: the drawing's size, its plot area and the value
axis up the left with a grid line at each tick. Numbers in, coordinates out; no models.

templates/charts/_frame.html draws it: the <svg> as an image named by its title and description
(the page puts a table with the same numbers beside it), and the grid. A chart's own template
extends that one and adds its marks; its geometry keeps a `frame` for the template to read."""

from __future__ import annotations

from dataclasses import dataclass

# Room between the plot's left edge and the right end of the value labels.
LABEL_GAP = 8


@dataclass(frozen=True)
class Tick:
    """A labelled place on an axis: a value on the value axis, a date or month along the other."""

    label: object
    position: float


@dataclass(frozen=True)
class Frame:
    """One chart's drawing: `name` is its id (and CSS class) in the page; the plot spans
    `left`…`right` and `top`…`bottom` of a `width`×`height` drawing, values run from 0 at the
    bottom to `maximum` at the top, with a grid line at each of `ticks`, labelled with `unit`."""

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    maximum: int
    ticks: tuple[int, ...]
    unit: str = ""

    def y_for(self, value: float) -> float:
        """Where `value` (0…maximum) sits, rounded to a tenth of a unit."""
        return round(self.bottom - (self.bottom - self.top) * value / self.maximum, 1)

    @property
    def value_ticks(self) -> list[Tick]:
        return [Tick(value, self.y_for(value)) for value in self.ticks]

    @property
    def value_label_x(self) -> int:
        return self.left - LABEL_GAP
