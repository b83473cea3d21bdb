"""Render the four atlas views to docs/atlas.png from the map's own SVG drawing (resvg, no browser)."""

from __future__ import annotations

import sys
from pathlib import Path

from triggermap.atlas import load_atlas
from triggermap.drawing import draw_view
from triggermap.picture import FONTS
from triggermap.vocab import ViewId

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Draw every view side by side with its regions outlined and R/L marked."""
    import resvg_py

    atlas = load_atlas()
    labels = {r: x.label for r, x in atlas.regions.items()}
    parts, x = [], 0.0
    for i, vid in enumerate(ViewId.values()):
        view = atlas.views[vid]
        (x0, x1), (y0, y1) = view.x_range, view.y_range
        w = 200.0 * (x1 - x0) / (y1 - y0) if vid in ("anterior", "posterior") else 100.0
        # every muscle shape outlined (deep ones dashed), as the map shows them to pick from
        svg = draw_view(view, labels, state={"mode": "muscle"}, prefix=f"v{i}")
        parts.append(f'<text x="{x + w / 2:g}" y="7" class="ttl">{view.title}</text>')
        parts.append(svg.replace("<svg ", f'<svg x="{x:g}" y="10" width="{w:g}" height="200" ', 1))
        x += w + 6
    doc = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {x - 6:g} 212"><style>.ttl{{font-family:'
           "'DejaVu Sans';font-size:6px;font-weight:bold;text-anchor:middle;fill:#222}</style>"
           f'<rect width="{x:g}" height="212" fill="#fff"/>' + "".join(parts) + "</svg>")
    out = ROOT / "docs" / "atlas.png"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(bytes(resvg_py.svg_to_bytes(svg_string=doc, width=1600, font_files=FONTS,
                                                skip_system_fonts=True)))
    sys.stdout.write(f"wrote {out.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
