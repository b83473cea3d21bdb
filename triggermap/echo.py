"""Echo untrusted text safely: no control characters on a terminal, nothing active in markdown, no server paths."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from . import ASSETS_DIR, DATA_DIR, ROOT_DIR

# Control, format (bidi overrides, zero-width), surrogate (undecodable argv bytes), private and unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}


def printable(text: object, limit: int = 80) -> str:
    """Text without control, format or surrogate characters, cut to `limit` characters with '...'."""
    kept = "".join(ch for ch in str(text)[: limit * 4] if unicodedata.category(ch) not in _HIDDEN)
    return kept if len(kept) <= limit else kept[: max(limit - 3, 0)] + "..."


def inert(text: object, limit: int = 40) -> str:
    """Markdown inline code that shows text literally: no links, emoji shortcodes or markup."""
    # Inside a code span markdown makes no links, emphasis or :shortcodes:; only a backtick could end it.
    shown = printable(text, limit).replace("`", "'").strip()
    return f"`{shown}`" if shown else "(empty)"


def project_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: relative to the project, never an absolute server path."""
    full = Path(os.path.abspath(path))
    for base in (ROOT_DIR, DATA_DIR.parent, ASSETS_DIR.parent):
        try:
            return full.relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            continue
    return "/".join([p for p in full.parts if p != full.anchor][-2:])  # elsewhere: folder and file name only


def unreadable(path: str | os.PathLike[str], exc: OSError) -> str:
    """Why a file could not be read, naming it relative to the project and without the OS's full path."""
    shown = project_path(path)
    if isinstance(exc, FileNotFoundError):
        return f"{shown}: file not found"
    if isinstance(exc, IsADirectoryError):
        return f"{shown}: is a folder, not a file"
    return f"{shown}: cannot be read ({exc.strerror or type(exc).__name__})"
