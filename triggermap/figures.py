"""Plotly figures of the body views: pure functions, data in, lean figure dict out."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .atlas import View, hit_grid
from .palette import BODY as BODY_FILL
from .palette import CAUTION as CAUTION_COLOUR
from .palette import ESSENTIAL as ESSENTIAL_COLOUR
from .palette import FILL_ALPHA
from .palette import HIGHLIGHT as HIGHLIGHT_COLOUR
from .palette import SELECT as SELECT_COLOUR
from .palette import SPILLOVER as SPILLOVER_COLOUR

POINT_COLOUR = "#000000"
LINE_COLOUR = "#9A8F85"
TP_CODE_BASE = 100_000  # customdata codes at or above this are trigger points
OUTLINE_CODE_BASE = 50_000  # codes from here to TP_CODE_BASE are muscle outlines


def _path(rings, flip: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Join rings into one closed x/y path with NaN gaps (float32 arrays validate and ship fast)."""
    if not rings:
        return np.empty(0, np.float32), np.empty(0, np.float32)
    parts = [np.vstack([ring, ring[:1], [[np.nan, np.nan]]]) for ring in rings]
    xy = np.vstack(parts).astype(np.float32)
    x = xy[:, 0] if flip is None else np.float32(flip) - xy[:, 0]
    return x, xy[:, 1]


def _side_of(view: View, side: str, flip: bool) -> str:
    """Side shown by a region after an optional mirror of a single-side view."""
    if flip and side in ("right", "left"):
        return {"right": "left", "left": "right"}[side]
    return side


@lru_cache(maxsize=16)
def _grid(view: View, spacing: float):
    return hit_grid(view, spacing)


def base_traces(view: View, flip: bool = False, scale: float = 1.0) -> list[dict]:
    """Silhouette, region borders and muscle outlines (the parts that never change)."""
    f = sum(view.x_range) if flip else None
    sx, sy = _path(view.silhouette, f)
    rx, ry = _path([r for s in view.regions for r in s.rings], f)
    traces = [
        {"type": "scatter", "x": sx, "y": sy, "mode": "lines", "fill": "toself",
         "fillcolor": BODY_FILL, "line": {"color": "#6B6058", "width": 1.6 * scale}, "hoverinfo": "skip"},
        {"type": "scatter", "x": rx, "y": ry, "mode": "lines",
         "line": {"color": LINE_COLOUR, "width": 0.5 * scale}, "hoverinfo": "skip"},
    ]
    return traces


def _rgba(hex_colour: str, alpha: float) -> str:
    """CSS rgba() of a #RRGGBB colour."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def pattern_shading(essential, spillover) -> dict:
    """Shading for a referral pattern on the patient's right side (the data's side)."""
    return {**{(r, "right"): "spillover" for r in spillover}, **{(r, "right"): "essential" for r in essential}}


def shade_traces(view: View, shading: dict, flip: bool = False, scale: float = 1.0) -> list[dict]:
    """Filled regions: shading maps (region, side) → 'select' | 'essential' | 'spillover'."""
    f = sum(view.x_range) if flip else None
    styles = {
        "select": {"fillcolor": _rgba(SELECT_COLOUR, FILL_ALPHA["select"]),
                   "line": {"color": SELECT_COLOUR, "width": 1.5 * scale}},
        "essential": {"fillcolor": _rgba(ESSENTIAL_COLOUR, FILL_ALPHA["essential"]),
                      "line": {"color": ESSENTIAL_COLOUR, "width": 1 * scale}},
        "spillover": {"fillcolor": _rgba(SPILLOVER_COLOUR, FILL_ALPHA["spillover"]),
                      "line": {"color": SPILLOVER_COLOUR, "width": 1 * scale},
                      "fillpattern": {"shape": ".", "fgcolor": ESSENTIAL_COLOUR, "size": 6, "solidity": 0.25}},
    }
    groups: dict[str, list] = {k: [] for k in styles}
    for shape in view.regions:
        style = shading.get((shape.id, _side_of(view, shape.side, flip)))
        if style is None and shape.side == "midline":
            style = shading.get((shape.id, "right")) or shading.get((shape.id, "left"))
        if style in groups:
            groups[style] += shape.rings
    traces = []
    for style in ("spillover", "essential", "select"):
        if groups[style]:
            x, y = _path(groups[style], f)
            traces.append({"type": "scatter", "x": x, "y": y, "mode": "lines", "fill": "toself",
                           "hoverinfo": "skip", "name": style, **styles[style]})
    return traces


def caution_traces(view: View, flip: bool = False) -> list[dict]:
    """Hatched needling caution zones (lung fields, major nerves and vessels)."""
    if not view.cautions:
        return []
    f = sum(view.x_range) if flip else None
    x, y = _path([r for c in view.cautions for r in c.rings], f)
    return [{"type": "scatter", "x": x, "y": y, "mode": "lines", "fill": "toself", "hoverinfo": "skip",
             "fillcolor": "rgba(0,0,0,0)", "line": {"color": CAUTION_COLOUR, "width": 1.2, "dash": "dash"},
             "fillpattern": {"shape": "/", "fgcolor": CAUTION_COLOUR, "size": 7, "solidity": 0.18},
             "name": "caution"}]


def muscle_traces(view: View, highlight: set[str], flip: bool = False, scale: float = 1.0) -> list[dict]:
    """Superficial muscle outlines dotted; highlighted ones bold (deep ones dashed, so they read as under)."""
    f = sum(view.x_range) if flip else None
    plain = [r for m in view.muscles if not set(m.muscles) & highlight and m.depth != "deep" for r in m.rings]
    bold = [r for m in view.muscles if set(m.muscles) & highlight and m.depth != "deep" for r in m.rings]
    deep = [r for m in view.muscles if set(m.muscles) & highlight and m.depth == "deep" for r in m.rings]
    out = []
    for rings, width, colour, dash in ((plain, 0.8 * scale, "#8C7B6B", "dot"),
                                       (bold, 2.2 * scale, HIGHLIGHT_COLOUR, "dot"),
                                       (deep, 2.0 * scale, HIGHLIGHT_COLOUR, "dash")):
        if rings:
            x, y = _path(rings, f)
            out.append({"type": "scatter", "x": x, "y": y, "mode": "lines", "hoverinfo": "skip",
                        "line": {"color": colour, "width": width, "dash": dash}})
    return out


def hit_trace(view: View, labels: dict[str, str], flip: bool = False, spacing: float = 2.0) -> tuple[dict, list]:
    """Invisible clickable grid; customdata holds an index into the returned key list."""
    xs, ys, keys = _grid(view, spacing)
    keys = [(r, _side_of(view, s, flip)) for r, s in keys]
    table = sorted(set(keys))
    code = {k: i for i, k in enumerate(table)}
    x = (sum(view.x_range) - xs) if flip else xs
    text = [f"{labels.get(r, r)} ({s})" if s != "midline" else labels.get(r, r) for r, s in table]
    trace = {"type": "scatter", "x": x.astype(np.float32), "y": ys.astype(np.float32), "mode": "markers",
             "marker": {"size": 9, "opacity": 0, "color": SELECT_COLOUR},
             "customdata": np.array([code[k] for k in keys], dtype=np.int32),
             "hovertext": np.array([text[code[k]] for k in keys], dtype=object), "hoverinfo": "text",
             "name": "regions"}
    return trace, table


@lru_cache(maxsize=16)
def _outline_grid(view: View, spacing: float = 2.5):
    """Points inside each muscle outline, tagged with the outline's index."""
    from shapely.geometry import Point, Polygon

    xs, ys, codes = [], [], []
    for i, shape in enumerate(view.muscles):
        for ring in shape.rings:
            poly = Polygon(ring)
            x0, y0, x1, y1 = poly.bounds
            grid = [(x, y) for x in np.arange(x0 + spacing / 2, x1, spacing)
                    for y in np.arange(y0 + spacing / 2, y1, spacing) if poly.contains(Point(x, y))]
            p = poly.representative_point()
            for x, y in grid or [(p.x, p.y)]:
                xs.append(round(float(x), 2)), ys.append(round(float(y), 2)), codes.append(OUTLINE_CODE_BASE + i)
    return np.array(xs), np.array(ys), np.array(codes, dtype=np.int32)


def outline_trace(view: View, names: dict[str, str], flip: bool = False) -> dict:
    """Invisible clickable points over the superficial muscle outlines."""
    xs, ys, codes = _outline_grid(view)
    x = (sum(view.x_range) - xs) if flip else xs
    text = np.array([names.get(view.muscles[c - OUTLINE_CODE_BASE].muscles[0], "") for c in codes], dtype=object)
    return {"type": "scatter", "x": x.astype(np.float32), "y": ys.astype(np.float32), "mode": "markers",
            "customdata": codes,
            "marker": {"size": 8, "opacity": 0, "color": "#009E73"}, "hovertext": text,
            "hoverinfo": "text", "name": "muscles"}


def point_trace(points, flip_x: float | None = None) -> dict:
    """Trigger point markers (×), clickable; points are (code, x, y, label)."""
    xs = [(flip_x - p[1]) if flip_x is not None else p[1] for p in points]
    return {"type": "scatter", "x": xs, "y": [p[2] for p in points], "mode": "markers",
            "marker": {"symbol": "x-thin", "size": 13, "color": POINT_COLOUR,
                       "line": {"width": 3, "color": POINT_COLOUR}},
            "customdata": [TP_CODE_BASE + p[0] for p in points],
            "hovertext": [p[3] for p in points], "hoverinfo": "text", "name": "trigger points"}


def side_labels(view: View, flip: bool = False, scale: float = 1.0) -> list[dict]:
    """R and L annotations from the patient's point of view."""
    out = []
    for text, (x, y) in view.labels.items():
        if flip:
            text = {"R": "L", "L": "R"}.get(text, text)
        out.append({"x": x, "y": y, "text": f"<b>{text}</b>", "showarrow": False,
                    "font": {"size": 22 * scale, "color": "#333333"}})
    return out


def layout(view: View, height: int = 640, title: str | None = None) -> dict:
    """Fixed, equal-aspect axes with no chrome."""
    return {"template": "none", "height": height, "margin": {"l": 4, "r": 4, "t": 30 if title else 4, "b": 4},
            "title": {"text": title or "", "x": 0.5, "font": {"size": 15}},
            "xaxis": {"range": list(view.x_range), "visible": False, "fixedrange": True},
            "yaxis": {"range": list(view.y_range), "visible": False, "fixedrange": True,
                      "scaleanchor": "x", "scaleratio": 1},
            "showlegend": False, "dragmode": False, "clickmode": "event+select", "hovermode": "closest",
            "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)"}


def body_figure(view: View, labels: dict[str, str], shading: dict | None = None, points=(),
                highlight: frozenset = frozenset(), flip: bool = False, height: int = 640,
                title: str | None = None, clickable: bool = True,
                muscle_names: dict[str, str] | None = None, cautions: bool = False,
                outlines: bool = True, large: bool = False) -> tuple[dict, list]:
    """Whole figure dict for one view and the key table decoding the hit grid's customdata.

    With clickable=False the region grid is left out, so clicks land on trigger points only;
    muscle_names adds clickable muscle outlines (drawn after the points: plotly gives ties to
    the earlier trace, so a click on a × picks the trigger point).
    """
    scale = 2.0 if large else 1.0  # large print: lines and labels readable at arm's length
    traces = base_traces(view, flip, scale) + shade_traces(view, shading or {}, flip, scale)
    traces += muscle_traces(view, set(highlight), flip, scale) if outlines else []
    traces += caution_traces(view, flip) if cautions else []
    table = []
    if clickable:
        hit, table = hit_trace(view, labels, flip)
        traces.append(hit)
    if points:
        traces.append(point_trace(points, sum(view.x_range) if flip else None))
    if muscle_names and view.muscles:
        traces.append(outline_trace(view, muscle_names, flip))
    height = int(height * 1.3) if large else height
    fig = {"data": traces, "layout": {**layout(view, height, title), "annotations": side_labels(view, flip, scale)}}
    return fig, table
