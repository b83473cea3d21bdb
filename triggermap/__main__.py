"""Entry point for `python -m triggermap`."""

import sys

from .cli import main

sys.exit(main())
