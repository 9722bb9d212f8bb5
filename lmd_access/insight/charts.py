"""Charts drawn on the server as SVG: no script, no library, a few hundred bytes each. Every chart
is drawn at the width of a phone (320 units, scaled to the page) and goes with a table of its
numbers (the templates put it right after), which is what screen readers read; the SVG itself
is labelled as one image. Colours come from access.css (classes), not from inline styles."""
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from xblocks.lmd_quiz.grading import percent as as_percent

WIDTH = 320
ROW = 24          # height of one bar's row
LABEL = 92        # room for the bars' labels
VALUE = 44        # room for the value after the longest bar


def _n(number):
    """A coordinate as SVG wants it (format_html escapes its arguments into text first)."""
    return f"{number:.1f}"


def _short(text, limit=14):
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def bar_chart(title, bars, maximum=None, percent=True):
    """Horizontal bars. `bars`: [(label, value or None, kind)]; None draws no bar and the value
    "–" (nothing to show, or suppressed); `kind` "" or a class of access.css ("key": the right
    option, "flag": a question to look at). `maximum` defaults to 1 for shares."""
    maximum = maximum or (1.0 if percent else max([v for _l, v, _h in bars if v] or [1]))
    span = WIDTH - LABEL - VALUE
    height = ROW * len(bars) + 8
    rows = []
    for index, (label, value, kind) in enumerate(bars):
        y = 4 + index * ROW
        width = 0 if value is None else max(1.0, span * min(1.0, value / maximum)) if value else 0
        shown = "–" if value is None else (f"{as_percent(value)} %" if percent else f"{value:g}")
        rows.append(format_html(
            '<text class="label" x="{}" y="{}" text-anchor="end">{}</text>'
            '<rect class="bar{}" x="{}" y="{}" width="{}" height="{}"></rect>'
            '<text class="value" x="{}" y="{}">{}</text>',
            LABEL - 6, y + 15, _short(label), f" {kind}" if kind else "", LABEL, y + 3, _n(width), ROW - 8,
            _n(LABEL + width + 4), y + 15, shown))
    return format_html('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
                       WIDTH, height, title, mark_safe("".join(rows)))


def line_chart(title, points, maximum=None):
    """A line over time. `points`: [(label, value)], in order; the first and last labels and the
    highest value are written on the axes."""
    height, left, bottom, top = 170, 36, 24, 10
    values = [v for _l, v in points]
    maximum = maximum or max(values + [1])
    span_x, span_y = WIDTH - left - 10, height - top - bottom
    step = span_x / max(1, len(points) - 1)
    coords = [(left + i * step, top + span_y * (1 - (v or 0) / maximum)) for i, (_l, v) in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = format_html_join("", '<circle class="dot" cx="{}" cy="{}" r="2.5"></circle>',
                            [(_n(x), _n(y)) for x, y in coords])
    labels = ""
    if points:
        labels = format_html(
            '<text class="label" x="{}" y="{}">{}</text><text class="label" x="{}" y="{}" text-anchor="end">{}</text>',
            left, height - 6, points[0][0], WIDTH - 10, height - 6, points[-1][0])
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">'
        '<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="label" x="{}" y="{}" text-anchor="end">{}</text>'
        '<text class="label" x="{}" y="{}" text-anchor="end">0</text>'
        '<polyline class="line" points="{}"></polyline>{}{}</svg>',
        WIDTH, height, title, left, top, left, top + span_y, left, top + span_y, WIDTH - 10, top + span_y,
        left - 4, top + 8, f"{maximum:g}", left - 4, top + span_y, line, dots, labels)
