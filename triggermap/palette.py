"""The map's colours, colour-vision-deficiency simulation and CIEDE2000 colour difference.

Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
color vision deficiency", IEEE TVCG 15(6), severity 1.0 matrices, applied to linear sRGB.
Colour difference: CIEDE2000 as written out by Sharma, Wu & Dalal (2005), Color Res. Appl. 30(1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations

SELECT = "#0072B2"     # Okabe-Ito blue: the user's pain selection
ESSENTIAL = "#D55E00"  # Okabe-Ito vermillion: essential (main) referral zone
SPILLOVER = "#E69F00"  # Okabe-Ito orange, drawn stippled: spillover zone
# Dark violet, drawn hatched: needling caution zones. A lighter violet (#5A4A8A) was only ΔE00 8.3 from the
# select blue under deuteranopia; this one keeps ≥ 18 from every map colour under all three deficiencies
# (tests/test_palette.py) and has 11.8:1 contrast on the body.
CAUTION = "#3D1F5C"
BODY = "#F3EEE8"       # silhouette fill
PAGE = "#FFFFFF"       # page background around the silhouette
HIGHLIGHT = "#009E73"  # Okabe-Ito bluish green: outlines of highlighted muscles
MUSCLE = HIGHLIGHT     # the chosen muscle's fill and edge
BODY_EDGE = "#6B6058"  # silhouette outline
REGION_EDGE = "#9A8F85"  # thin borders between pain regions
OUTLINE = "#7A6A5C"    # muscle shapes not chosen

MAP_COLOURS = {"select": SELECT, "essential": ESSENTIAL, "spillover": SPILLOVER, "caution": CAUTION}
# fill opacity of each shading in drawing.py; what the eye sees is the colour laid over the body fill
FILL_ALPHA = {"select": 0.55, "essential": 0.75, "spillover": 0.35}

DEFICIENCIES = ("protanopia", "deuteranopia", "tritanopia")
MACHADO = {  # severity 1.0 rows of Machado et al. (2009), table 1
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
RGB = tuple[float, float, float]  # sRGB channels in 0..1


def to_rgb(hex_colour: str) -> RGB:
    """'#RRGGBB' → sRGB floats in 0..1."""
    h = hex_colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #RRGGBB colour: {hex_colour!r}")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def to_hex(rgb: Sequence[float]) -> str:
    """sRGB floats → '#RRGGBB'."""
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in rgb)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def over(colour: str, alpha: float, background: str = BODY) -> str:
    """A translucent fill composited over a background, as the browser blends it (in sRGB)."""
    fg, bg = to_rgb(colour), to_rgb(background)
    return to_hex(tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)))


def rendered() -> dict[str, str]:
    """The colours as drawn: shaded fills over the body; caution hatch and body as they are."""
    out = {name: over(MAP_COLOURS[name], a) for name, a in FILL_ALPHA.items()}
    return {**out, "caution": CAUTION, "body": BODY}


def simulate(colour: str, deficiency: str) -> str:
    """How a colour looks with complete protanopia, deuteranopia or tritanopia (Machado 2009)."""
    lin = [_linear(c) for c in to_rgb(colour)]
    rows = MACHADO[deficiency]
    return to_hex(tuple(_gamma(sum(m * c for m, c in zip(row, lin, strict=True))) for row in rows))


def lab(colour: str) -> RGB:
    """CIELAB (D65 white) of an sRGB colour."""
    r, g, b = (_linear(c) for c in to_rgb(colour))
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b, 0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)
    white = (0.95047, 1.0, 1.08883)
    f = [t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
         for t in (v / w for v, w in zip(xyz, white, strict=True))]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str | RGB, b: str | RGB) -> float:
    """CIEDE2000 difference between two colours (hex strings or Lab triples)."""
    lab1 = lab(a) if isinstance(a, str) else a
    lab2 = lab(b) if isinstance(b, str) else b
    return ciede2000(lab1, lab2)


def _hue(b: float, a: float) -> float:
    return 0.0 if a == 0 and b == 0 else math.degrees(math.atan2(b, a)) % 360


def ciede2000(lab1: RGB, lab2: RGB) -> float:
    """CIEDE2000 with kL = kC = kH = 1 (Sharma et al. 2005, equations 1–22)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = _hue(b1, a1p), _hue(b2, a2p)
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = (-2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2)))))
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                     + r_t * (d_c / s_c) * (d_h / s_h))


def pair_differences(colours: dict[str, str], deficiency: str | None = None) -> dict[tuple[str, str], float]:
    """ΔE00 of every pair of named colours, optionally as seen with a colour-vision deficiency."""
    seen = {k: simulate(v, deficiency) if deficiency else v for k, v in colours.items()}
    return {(a, b): delta_e(seen[a], seen[b]) for a, b in combinations(seen, 2)}


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours."""
    def lum(c: str) -> float:
        r, g, b_ = (_linear(x) for x in to_rgb(c))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
