"""Render the four atlas views to docs/atlas.png (kaleido with the system Chromium)."""

from __future__ import annotations

import os
from pathlib import Path

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from triggermap.atlas import load_atlas
from triggermap.figures import body_figure
from triggermap.vocab import ViewId

ROOT = Path(__file__).resolve().parents[1]

os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")


def main():
    """Draw every view side by side with its regions outlined and R/L marked."""
    atlas = load_atlas()
    labels = {r: x.label for r, x in atlas.regions.items()}
    fig = make_subplots(rows=1, cols=4, column_widths=[0.26, 0.26, 0.26, 0.22],
                        subplot_titles=[atlas.views[v].title for v in ViewId.values()], horizontal_spacing=0.02)
    for col, vid in enumerate(ViewId.values(), start=1):
        view = atlas.views[vid]
        single, _ = body_figure(view, labels, clickable=False)
        for trace in single["data"]:
            fig.add_trace(go.Scatter(trace), row=1, col=col)
        axis = "" if col == 1 else str(col)
        fig.update_xaxes(range=list(view.x_range), visible=False, row=1, col=col)
        fig.update_yaxes(range=list(view.y_range), visible=False, scaleanchor=f"x{axis}", row=1, col=col)
        for ann in single["layout"]["annotations"]:
            fig.add_annotation(**ann, xref=f"x{axis}", yref=f"y{axis}")
    fig.update_layout(template="none", showlegend=False, width=1600, height=820,
                      margin={"l": 10, "r": 10, "t": 40, "b": 10})
    out = ROOT / "docs" / "atlas.png"
    out.parent.mkdir(exist_ok=True)
    fig.write_image(out)
    print(f"wrote {out.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
