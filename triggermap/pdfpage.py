"""Lay a handout out on exactly one A4 page: picture column, flowing sections, sources, footer."""

from __future__ import annotations

import copy
import re
import struct
from dataclasses import dataclass, field
from io import BytesIO

from fpdf import FPDF

from . import ASSETS_DIR

FONT_DIR = ASSETS_DIR / "fonts"
FONT = "DejaVu"
MARGIN = 12.0
GUTTER = 6.0
FOOTER_ZONE = 17.0  # mm kept free at the bottom for the footer
READABLE_MIN, SMALLEST = 0.88, 0.72  # type scales; body text is 9.4 pt × scale
MINOR = 1  # items with keep at or below this are cut before the type gets smaller than READABLE_MIN
INK, GREY, ACCENT, RED = (33, 33, 33), (105, 105, 105), (0, 84, 130), (165, 25, 25)
# the figure's essential and spillover fills as they look over the body colour, and its muscle outline
ESSENTIAL_RGB, SPILLOVER_RGB, MUSCLE_RGB = (220, 130, 58), (238, 210, 151), (0, 158, 115)
MUSCLE_FILL_RGB = (141, 200, 170)  # the chosen muscle's 42 % green over the body colour
Key = tuple[int, int, int] | str  # a legend swatch colour, or "x" (trigger point) or "line" (muscle outline)
FOOTER_TEXT = ("This sheet shows where muscles can refer pain, as described in the trigger-point literature. "
               "It cannot tell you what is wrong. See a doctor for new, severe or unexplained pain.")


@dataclass
class Item:
    """A paragraph or bullet: bold lead-in, text, its sources and how readily it is cut (0 first, 3 last)."""

    text: str
    lead: str = ""
    refs: tuple[str, ...] = ()
    keep: int = 2
    bullet: bool = False


@dataclass
class Section:
    """A heading and its items; warn draws it as the red-flag box."""

    heading: str
    items: list[Item]
    warn: bool = False


@dataclass
class Doc:
    """Everything printed on the page, before layout; cite maps source id → citation."""

    title: str
    subtitle: str
    sections: list[Section]
    cite: dict[str, str] = field(default_factory=dict)
    picture: bytes | None = None
    caption: str = ""
    outline: str = ""  # legend text when the picture fills the muscle(s) in green


class _Page(FPDF):
    """A4 portrait page with the embedded font and the fixed footer."""

    def __init__(self) -> None:
        super().__init__(format="A4")
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, FOOTER_ZONE)
        self.top_of_text = MARGIN

    def footer(self) -> None:
        """Education-not-diagnosis line at the bottom of the page."""
        self.set_left_margin(MARGIN)
        self.set_y(-FOOTER_ZONE + 3)
        self.set_draw_color(*GREY)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.ln(1.5)
        self.set_text_color(*INK)
        self.set_font(FONT, "B", 8)
        self.write(3.6, "Education, not diagnosis. ")
        self.set_font(FONT, "", 7.5)
        self.write(3.6, FOOTER_TEXT)

    def check_room(self, lh: float, text: str) -> None:
        """Nothing to check on the real page: it draws all that the trial layouts let through."""


class _Overflow(Exception):
    """A trial layout ran past its one page."""


class _Trial(_Page):
    """Scratch pages for trial layouts: a trial stops at its first page break instead of drawing the rest, so a
    trial that returns fitted on its one page."""

    @property
    def accept_page_break(self) -> bool:
        """Refuse the break: the trial does not fit (an absurdly long text would otherwise fill many pages)."""
        raise _Overflow

    def check_room(self, lh: float, text: str) -> None:
        """Stop before breaking a text into lines (fpdf2's cost grows with its length) that cannot fit: even set
        as one unbroken ribbon across the full width it would run past the page."""
        lines = self.get_string_width(text) / (self.w - self.l_margin - self.r_margin)
        if self.get_y() + (lines - 1) * lh > self.page_break_trigger:
            raise _Overflow


@dataclass
class _Flow:
    """Text runs beside the picture until below it, then across the full width."""

    col_x: float = MARGIN
    until: float = 0.0

    def settle(self, pdf: FPDF, need: float) -> None:
        """Start below the picture rather than squeeze a heading into the last lines beside it."""
        if pdf.get_y() < self.until < pdf.get_y() + need:
            pdf.set_y(self.until)

    def start(self, pdf: FPDF, fixed: float | None = None) -> float:
        """Move to the left edge that fits the current height; return it."""
        x = fixed if fixed is not None else (self.col_x if pdf.get_y() < self.until else MARGIN)
        pdf.set_left_margin(x)
        pdf.set_x(x)
        return x


def build_pdf(doc: Doc) -> bytes:
    """PDF bytes of a one-page layout of the document (type shrunk and items cut as needed)."""
    doc = copy.deepcopy(doc)
    scale = _fit(doc, _Trial())
    pdf = _Page()
    _draw(pdf, doc, scale)
    return bytes(pdf.output())


def _fit(doc: Doc, scratch: _Trial) -> float:
    """Largest type scale that fits; minor items go before the type drops below READABLE_MIN.

    Trial layouts go onto pages of one scratch document so that the fonts are parsed once.
    """
    def fits(scale: float) -> bool:
        try:
            _draw(scratch, doc, scale)
        except _Overflow:
            return False
        return True

    if fits(1.0):
        return 1.0
    low = READABLE_MIN
    while not fits(low):
        if not _trim(doc, MINOR):
            low = SMALLEST
            while not fits(low):
                if not _trim(doc, 3):
                    raise RuntimeError("handout header and footer alone do not fit on one page")
            break
    high = 1.0
    for _ in range(4):  # bisect to within about 2 % of the largest scale that fits
        mid = (low + high) / 2
        low, high = (mid, high) if fits(mid) else (low, mid)
    return low


def _trim(doc: Doc, max_keep: int) -> bool:
    """Drop the least important item up to max_keep (the last one among equals); False if none is left."""
    found = [(it.keep, -i, -j) for i, s in enumerate(doc.sections) for j, it in enumerate(s.items)
             if it.keep <= max_keep]
    if not found:
        return False
    _, i, j = min(found)
    del doc.sections[-i].items[-j]
    return True


def _numbers(doc: Doc) -> dict[str, int]:
    """Source id → citation number, in order of first use on the page."""
    ids = [r for s in doc.sections for it in s.items for r in it.refs if r in doc.cite]
    return {sid: n for n, sid in enumerate(dict.fromkeys(ids), start=1)}


def _draw(pdf: _Page, doc: Doc, scale: float) -> None:
    """Draw the whole document on a new page at one type scale (it may spill onto further pages)."""
    pdf.set_title(doc.title)
    pdf.set_creator("Trigger-point explorer")
    pdf.add_page()
    _header(pdf, doc, scale)
    flow = _Flow()
    if doc.picture:
        width = _picture(pdf, doc, doc.picture, scale)
        flow = _Flow(MARGIN + width + GUTTER, pdf.get_y())
        pdf.set_y(pdf.top_of_text)
    numbers = _numbers(doc)
    for section in doc.sections:
        _section(pdf, section, numbers, scale, flow)
    _sources(pdf, doc, numbers, scale, flow)


def _header(pdf: _Page, doc: Doc, scale: float) -> None:
    """Title, subtitle and a rule."""
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FONT, "B", 17 * scale)
    pdf.multi_cell(0, 17 * scale * 0.45, doc.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*GREY)
    pdf.set_font(FONT, "", 8.5)
    pdf.cell(0, 5, doc.subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.5)
    pdf.line(MARGIN, pdf.get_y() + 0.5, pdf.w - MARGIN, pdf.get_y() + 0.5)
    pdf.set_line_width(0.2)
    pdf.ln(2.5)
    pdf.top_of_text = pdf.get_y()


def _picture(pdf: FPDF, doc: Doc, png: bytes, scale: float) -> float:
    """Body picture at the top left with its legend; return the column width used."""
    w_px, h_px = struct.unpack(">II", png[16:24])  # PNG IHDR: width, height
    width = 58 * scale
    height = width * h_px / w_px
    if height > 122 * scale:
        height = 122 * scale
        width = height * w_px / h_px
    top = pdf.get_y()
    pdf.image(BytesIO(png), x=MARGIN, y=top, w=width, h=height)
    pdf.set_draw_color(*GREY)
    pdf.rect(MARGIN, top, width, height)
    pdf.set_y(top + height + 1.5)
    size = 7.2 * max(scale, 0.85)
    keys: list[tuple[Key, str]] = [(ESSENTIAL_RGB, "main pain area"), (SPILLOVER_RGB, "spillover area"),
                                   ("x", "trigger point")]
    keys += [("line", doc.outline)] if doc.outline else []
    for key, text in keys:
        _legend_key(pdf, key, pdf.get_y())
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*INK)
        pdf.set_x(MARGIN + 5)
        pdf.cell(width - 5, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")
    if doc.caption:
        pdf.set_text_color(*GREY)
        pdf.multi_cell(width, size * 0.42, doc.caption, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    return width


def _legend_key(pdf: FPDF, key: Key, y: float) -> None:
    """Colour swatch, cross or muscle swatch matching the picture."""
    if key == "x":
        pdf.set_font(FONT, "B", 9)
        pdf.set_text_color(*INK)
        pdf.text(MARGIN + 0.3, y + 3.0, "\u00d7")
    elif key == "line":  # the muscle: light green fill with a green edge, as in the picture
        pdf.set_draw_color(*MUSCLE_RGB)
        pdf.set_fill_color(*MUSCLE_FILL_RGB)
        pdf.set_line_width(0.5)
        pdf.rect(MARGIN + 0.2, y + 0.7, 3.2, 2.2, style="DF")
        pdf.set_line_width(0.2)
    elif not isinstance(key, str):
        pdf.set_fill_color(*key)
        pdf.rect(MARGIN, y + 0.6, 3.6, 2.4, style="F")


def _section(pdf: _Page, section: Section, numbers: dict[str, int], scale: float, flow: _Flow) -> None:
    """Heading with its citation numbers, then the items; warn sections sit in a tinted box."""
    if not section.items:
        return
    size, pad = 9.4 * scale, (2.5 if section.warn else 0.0)
    lh = size * 0.44
    pdf.ln(1.8 * scale)
    flow.settle(pdf, lh * 5)
    x = flow.start(pdf) + pad
    y0 = pdf.get_y()
    pdf.set_right_margin(MARGIN + pad)
    pdf.ln(pad * 0.6)
    flow.start(pdf, x)
    pdf.set_text_color(*(RED if section.warn else ACCENT))
    pdf.set_font(FONT, "B", size * 1.15)
    _write(pdf, lh * 1.2, section.heading)
    refs = sorted({numbers[r] for it in section.items for r in it.refs if r in numbers})
    if refs:
        pdf.set_font(FONT, "", size * 0.75)
        pdf.set_text_color(*GREY)
        _write(pdf, lh * 1.2, "  [" + ", ".join(map(str, refs)) + "]")
    pdf.ln(lh * 1.45)
    for item in section.items:
        _item(pdf, item, flow.start(pdf, x if section.warn else None), size, lh)
    if section.warn:
        _box(pdf, x - pad, y0, pdf.get_y() - y0 + pad * 0.4)
    pdf.set_right_margin(MARGIN)


def _item(pdf: _Page, item: Item, x: float, size: float, lh: float) -> None:
    """One paragraph or bullet with an optional bold lead-in."""
    indent = size * 0.38 if item.bullet else 0.0
    pdf.set_text_color(*INK)
    if item.bullet:
        pdf.set_font(FONT, "", size)
        pdf.cell(indent, lh, "\u2022")
        pdf.set_left_margin(x + indent)
    if item.lead:
        pdf.set_font(FONT, "B", size)
        _write(pdf, lh, item.lead + " ")
    pdf.set_font(FONT, "", size)
    _write(pdf, lh, item.text)
    pdf.ln(lh + size * 0.09)


def _write(pdf: _Page, lh: float, text: str, keep_with: float = 0.0) -> None:
    """pdf.write, but wrap first when the opening word (plus keep_with mm) would not fit; write would split it."""
    opening = re.match(r"\s*\S*", text)
    word = opening.group() if opening else ""
    room = pdf.w - pdf.r_margin - pdf.get_x() - 2 * pdf.c_margin  # write() keeps the cell margins free
    if word.strip() and pdf.get_string_width(word) + keep_with > room:
        pdf.ln(lh)
    pdf.check_room(lh, text)
    pdf.write(lh, text)


def _box(pdf: FPDF, x: float, y: float, height: float) -> None:
    """Tint and outline drawn over a finished red-flag section."""
    width = pdf.w - MARGIN - x
    with pdf.local_context(fill_opacity=0.07):
        pdf.set_fill_color(*RED)
        pdf.rect(x, y, width, height, style="F")
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.4)
    pdf.rect(x, y, width, height)
    pdf.set_line_width(0.2)
    pdf.set_y(y + height)


def _sources(pdf: _Page, doc: Doc, numbers: dict[str, int], scale: float, flow: _Flow) -> None:
    """Numbered citations as one compact flowing paragraph."""
    if not numbers:
        return
    size = max(6.6 * scale, 6.0)
    lh = size * 0.43
    pdf.ln(2 * scale)
    flow.start(pdf)
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FONT, "B", size * 1.25)
    _write(pdf, lh * 1.3, "Sources")
    pdf.ln(lh * 1.5)
    flow.start(pdf)
    pdf.set_text_color(*GREY)
    for sid, n in numbers.items():
        pdf.set_font(FONT, "", size)
        first = pdf.get_string_width(doc.cite[sid].split(" ", 1)[0])
        pdf.set_font(FONT, "B", size)
        _write(pdf, lh, f"[{n}] ", keep_with=first)
        pdf.set_font(FONT, "", size)
        _write(pdf, lh, doc.cite[sid] + "  ")
    pdf.ln(lh)
