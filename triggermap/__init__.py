"""Trigger-point explorer: body atlas, trigger-point data and pain → muscle lookup."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
# An installed wheel carries data/ and assets/ inside the package; a checkout has them beside it.
ROOT_DIR = _BUNDLED if (_BUNDLED / "data").is_dir() else PACKAGE_DIR.parent
DATA_DIR = Path(os.environ.get("TRIGGERMAP_DATA_DIR") or ROOT_DIR / "data")
ASSETS_DIR = Path(os.environ.get("TRIGGERMAP_ASSETS_DIR") or ROOT_DIR / "assets")
