"""Read the chart and the table back out of a rendered Signs of Safety page."""

from html.parser import HTMLParser

COORDINATES = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r"}


class SafetyPage(HTMLParser):
    """Collects the chart's points and the ratings table's rows as (participant, date, value)."""

    def __init__(self, html: str):
        super().__init__()
        self.chart_points: list[tuple[str, str, int]] = []
        self.table_rows: list[tuple[str, str, int]] = []
        self.polylines: list[str] = []
        self.markers: list[str] = []
        self.coordinates: list[str] = []
        self._series = None
        self._in_table = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._row_date = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("line", "circle", "text"):
            self.coordinates += [v for k, v in attrs.items() if k in COORDINATES]
        if tag == "g" and "chart-series" in attrs.get("class", ""):
            self._series = attrs["data-participant"]
            self.markers.append(attrs["data-marker"])
        elif tag == "g" and attrs.get("class") == "chart-point":
            self.chart_points.append((self._series, attrs["data-date"], int(attrs["data-value"])))
        elif tag == "polyline":
            self.polylines.append(attrs["points"])
        elif tag == "table" and attrs.get("id") == "safety-ratings-table":
            self._in_table = True
        elif self._in_table and tag == "tr":
            self._row, self._row_date = [], ""
        elif self._in_table and tag in ("th", "td") and self._row is not None:
            self._cell = []
        elif self._in_table and tag == "time":
            self._row_date = attrs["datetime"]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag == "table" and self._in_table:
            self._in_table = False
        elif self._in_table and tag in ("th", "td") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif self._in_table and tag == "tr" and self._row and self._row_date:
            self.table_rows.append((self._row[0], self._row_date, int(self._row[2])))
            self._row = None
