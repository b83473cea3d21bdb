"""Pictures of referral patterns from the map's drawing: one muscle, small multiples, SVG and PNG files."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np

from . import ASSETS_DIR
from .drawing import Frame, Mark, draw_view
from .mapstate import best_view, map_state, muscle_elements, pattern_classes, point_elements
from .vocab import BODY_SIDES, Side, ViewId

if TYPE_CHECKING:
    from .atlas import View
    from .data import Dataset
    from .lookup import Ranker

LICENCE = "MIT License; drawn by the Trigger-point explorer (triggermap) from its open data"
FONTS = [str(ASSETS_DIR / "fonts" / f) for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")]
TITLE_H = 9.0  # title band above each panel (picture units)


class PictureError(ValueError):
    """A picture cannot be drawn (unknown muscle or side); the message says what was asked."""


def marks_of(data: Dataset, view_id: str) -> list[Mark]:
    """The trigger points drawn on one view."""
    return [Mark(tp.id, tp.muscle_id, tp.label, tp.x, tp.y) for tp in data.trigger_points.values()
            if tp.view == view_id]


def region_sets(data: Dataset) -> dict[str, set[str]]:
    """Region ids drawn on each view."""
    return {v: set(view.region_ids()) for v, view in data.atlas.views.items()}


def pattern_view(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str]) -> str:
    """The view showing most of the muscles' main zone (then spillover, then trigger points)."""
    ess, spill = ranker.pattern(*muscle_ids)
    points: dict[str, int] = {}
    for m in muscle_ids:
        for tp in data.points_of(m):
            points[tp.view] = points.get(tp.view, 0) + 1
    return best_view(region_sets(data), ess, spill, points)


def pattern_state(data: Dataset, ranker: Ranker, view_id: str, muscle_ids: Sequence[str], side: str = Side.RIGHT,
                  large: bool = False, zoom: bool = False) -> dict[str, Any]:
    """State of a view showing muscles' pattern on one side: zones, filled muscles and their ×
    (zoom: the map zooms onto them, as a chart would show them)."""
    view = data.atlas.views[view_id]
    flip = view.single_side and side == Side.LEFT
    essential, spillover = ranker.pattern(*muscle_ids)
    cls = pattern_classes(view, essential, spillover, side, flip)
    cls["fill"] = muscle_elements(view, muscle_ids, side, flip)
    cls["on"] = point_elements(view, marks_of(data, view_id), muscle_ids, side, flip)
    state = map_state("muscle", cls, large=large, chosen=muscle_ids[0] if len(muscle_ids) == 1 else None)
    if zoom:
        (x0, x1), (y0, y1) = view.x_range, view.y_range
        state["focus"] = [round(v, 1) for v in crop(view, state, flip, (x1 - x0 + 2) / (y1 - y0 + 2), pad=9)]
    return state


def crop(view: View, state: dict[str, Any], flip: bool, aspect: float, pad: float = 7.0,
         min_w: float = 40.0) -> tuple[float, float, float, float]:
    """SVG box (x, y, w, h) around what a state shades, fills or shows, in the given aspect (w / h)."""
    frame, cls = Frame(view, flip), state["cls"]
    shaded = set(cls.get("ess", [])) | set(cls.get("spill", []))
    rings = [r for sh in view.regions if f"r-{sh.id}-{frame.side(sh.side)}" in shaded for r in sh.rings]
    filled = set(cls.get("fill", []))
    rings += [h for sh in view.muscles for r in sh.rings for h in frame.ring_halves(r)
              if f"m-{sh.id}-{frame.ring_side(h)}" in filled]
    pts = [np.column_stack(frame.xy(r[:, 0], r[:, 1])) for r in rings]
    if not pts:
        (x0, x1), (y0, y1) = view.x_range, view.y_range
        return x0, y0, x1 - x0, y1 - y0
    xy = np.vstack(pts)
    (a, b), (c, d) = xy.min(axis=0) - pad, xy.max(axis=0) + pad
    h = max(d - b, max(c - a, min_w) / aspect)
    w = h * aspect
    (x0, x1), (y0, y1) = view.x_range, view.y_range
    w, h = min(w, x1 - x0 + 2), min(h, y1 - y0 + 2)
    x = min(max((a + c) / 2 - w / 2, x0 - 1), x1 + 1 - w)
    y = min(max((b + d) / 2 - h / 2, y0 - 1), y1 + 1 - h)
    return float(x), float(y), float(w), float(h)


def _panel(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str], side: str, view_id: str, aspect: float,
           prefix: str, title: str) -> tuple[str, float]:
    """One zoomed view of a pattern, as a nested <svg> (placed later) and its title."""
    view = data.atlas.views[view_id]
    flip = view.single_side and side == Side.LEFT
    state = pattern_state(data, ranker, view_id, muscle_ids, side)
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    names = {m: row.name for m, row in data.muscles.items()}
    box = crop(view, state, flip, aspect)
    svg = draw_view(view, labels, marks_of(data, view_id), names, flip=flip, interactive=False, state=state,
                    prefix=prefix, crop=box, title=title)
    return svg, box[2] / box[3]


def _fit(text: str, width: float, size: float) -> str:
    """A font-size attribute that keeps a title within its width (DejaVu Sans bold: about 0.62 em a letter)."""
    return f' style="font-size:{min(size, width / (0.62 * max(len(text), 1))):.2f}px"'


def _place(svg: str, x: float, y: float, w: float, h: float) -> str:
    """Position a drawn view inside a larger picture."""
    return svg.replace("<svg ", f'<svg x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" ', 1)


def _check(data: Dataset, muscle_ids: Sequence[str], side: str) -> None:
    """Refuse unknown muscles and sides with a message naming them."""
    unknown = [m for m in muscle_ids if m not in data.muscles]
    if unknown or not muscle_ids:
        raise PictureError(f"unknown muscle {unknown[0] if unknown else '(none)'}; pick one from muscles.csv")
    if side not in BODY_SIDES:
        raise PictureError(f"side must be one of {', '.join(BODY_SIDES)}, not {side!r}")


def side_title(view_id: str, side: str) -> str:
    """'Back, right side'."""
    return f"{ViewId.label_for(view_id)}, {side} side"


def small_multiples(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str], side: str = Side.RIGHT, columns: int = 3,
                    heading: str = "") -> str:
    """The patterns of several muscles side by side, each on its best view, zoomed, titled and sourced."""
    _check(data, muscle_ids, side)
    cell_w, cell_h = 60.0, 80.0
    rows = -(-len(muscle_ids) // columns)
    cols = min(columns, len(muscle_ids))
    top = TITLE_H + 2 if heading else 0.0
    parts = []
    for i, m in enumerate(muscle_ids):
        view_id = pattern_view(data, ranker, [m])
        title = f"{data.muscles[m].name} ({side_title(view_id, side).lower()})"
        caption = f"{data.muscles[m].name} ({ViewId.label_for(view_id).lower()})"
        svg, _ = _panel(data, ranker, [m], side, view_id, cell_w / cell_h, f"p{i}", title)
        x, y = (i % cols) * (cell_w + 4), top + (i // cols) * (cell_h + TITLE_H + 4)
        parts.append(f'<text x="{x + cell_w / 2:g}" y="{y + TITLE_H - 3:g}" class="ttl"{_fit(caption, cell_w, 4.2)}>'
                     f"{escape(caption)}</text>")
        parts.append(_place(svg, x, y + TITLE_H, cell_w, cell_h))
    width, height = cols * (cell_w + 4) - 4, top + rows * (cell_h + TITLE_H + 4) - 4
    if heading:
        parts.insert(0, f'<text x="{width / 2:g}" y="{TITLE_H - 2:g}" class="ttl big"{_fit(heading, width, 5.5)}>'
                        f"{escape(heading)}</text>")
    title = heading or "Referral patterns: " + ", ".join(data.muscles[m].name for m in muscle_ids)
    return _document(data, muscle_ids, side, title, width, height, parts)


def muscle_picture(data: Dataset, ranker: Ranker, muscle_id: str, side: str = Side.RIGHT, view_id: str | None = None,
                   aspect: float = 0.75) -> str:
    """One muscle's chart: the muscle filled, × at its trigger points, main zone solid, spillover stippled."""
    return pattern_picture(data, ranker, [muscle_id], side, view_id, aspect)


def picture_views(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str], view_id: str | None = None) -> list[str]:
    """The views a pattern picture draws: its best view, and the trigger points' view when that is another."""
    view_id = view_id or pattern_view(data, ranker, muscle_ids)
    return [view_id, *[v for v in data.point_views(*muscle_ids) if v != view_id][:1]]


def pattern_picture(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str], side: str = Side.RIGHT,
                    view_id: str | None = None, aspect: float = 0.75) -> str:
    """The merged pattern of muscles on their best view, titled and sourced; when their trigger points
    are on another view (infraspinatus: pain in front, points behind), that view is drawn beside it."""
    _check(data, muscle_ids, side)
    views = picture_views(data, ranker, muscle_ids, view_id)
    name = ", ".join(data.muscles[m].name for m in muscle_ids)
    short = name if len(muscle_ids) == 1 else f"{len(muscle_ids)} muscles"
    width, height, gap = 60.0, 60.0 / aspect, 4.0
    total = len(views) * (width + gap) - gap
    top = TITLE_H + 1 if len(views) > 1 else 0.0  # two views: the muscle's name above both
    parts = [f'<text x="{total / 2:g}" y="{TITLE_H - 2:g}" class="ttl big"{_fit(short, total, 5.5)}>'
             f"{escape(short)}</text>"] if top else []
    for i, v in enumerate(views):
        where = side_title(v, side)
        svg, _ = _panel(data, ranker, muscle_ids, side, v, aspect, f"p{i}", f"{name}, {where}")
        x = i * (width + gap)
        label = f"{short}: {where.lower()}" if len(views) == 1 else where
        parts += [f'<text x="{x + width / 2:g}" y="{top + TITLE_H - 3:g}" class="ttl"{_fit(label, width, 4.2)}>'
                  f"{escape(label)}</text>",
                  _place(svg, x, top + TITLE_H, width, height)]
    return _document(data, muscle_ids, side, f"{name}: referral pattern, {side} side", total,
                     top + height + TITLE_H, parts)


def _sources(data: Dataset, muscle_ids: Sequence[str]) -> list[str]:
    """Citations of the trigger-point rows drawn, in first-use order."""
    ids = dict.fromkeys(s for m in muscle_ids for tp in data.points_of(m) for s in tp.sources)
    return [data.sources[s].citation for s in ids if s in data.sources]


def _document(data: Dataset, muscle_ids: Sequence[str], side: str, title: str, width: float, height: float,
              parts: list[str]) -> str:
    """The outer SVG with a white page, title, licence and sources in <title>, <desc> and <metadata>."""
    sources = _sources(data, muscle_ids)
    desc = (f"{title}. Main (essential) zone solid, spillover stippled, trigger points marked with a cross, "
            f"drawn on the patient's {side} side. {LICENCE}. Sources: " + " | ".join(sources))
    dc = "".join(f"<dc:source>{escape(s)}</dc:source>" for s in sources)
    meta = ('<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description>'
            f"<dc:title>{escape(title)}</dc:title><dc:rights>{escape(LICENCE)}</dc:rights>{dc}"
            "</rdf:Description></rdf:RDF></metadata>")
    style = (".ttl{font-family:'DejaVu Sans',sans-serif;font-size:4.2px;font-weight:bold;fill:#222;"
             "text-anchor:middle}.big{font-size:5.5px}")
    scale = 10  # 10 px per picture unit: about 600 px per panel
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            f'width="{width * scale:g}" height="{height * scale:g}" role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{meta}<style>{style}</style>"
            f'<rect width="{width:g}" height="{height:g}" fill="#fff"/>' + "".join(parts) + "</svg>")


def to_png(svg: str, width: int | None = None) -> bytes:
    """Rasterise a picture without a browser (resvg) and carry its title, licence and sources as PNG text."""
    import resvg_py

    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, font_files=FONTS, skip_system_fonts=True))
    title = _between(svg, "<title>", "</title>")
    desc = _between(svg, "<desc>", "</desc>")
    return png_with_text(png, {"Title": title, "Copyright": LICENCE, "Description": desc,
                               "Software": "triggermap (resvg)"})


def _between(text: str, start: str, end: str) -> str:
    """Unescaped text between two markers ('' when absent)."""
    from html import unescape

    i = text.find(start)
    return unescape(text[i + len(start):text.find(end, i)]) if i >= 0 else ""


def png_with_text(png: bytes, items: dict[str, str]) -> bytes:
    """Insert iTXt chunks (UTF-8 keyword/text pairs) right after the PNG header chunk."""
    head = 8 + 4 + 4 + 13 + 4  # signature, IHDR length, type, data, CRC
    chunks = b""
    for key, value in items.items():
        body = key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8")
        chunks += struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    return png[:head] + chunks + png[head:]


def png_text(png: bytes) -> dict[str, str]:
    """Read the iTXt chunks of a PNG back (for tests and the CLI)."""
    out, pos = {}, 8
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"iTXt":
            key, _, rest = png[pos + 8:pos + 8 + length].partition(b"\0")
            out[key.decode("latin-1")] = rest[4:].decode("utf-8")
        pos += 12 + length
    return out

