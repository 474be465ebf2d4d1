"""``python -m tradeclaims``: the same command as ``tradeclaims`` (see ``tradeclaims.cli``)."""
from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
