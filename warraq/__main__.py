"""`python -m warraq` runs the command line."""

from __future__ import annotations

import sys

from warraq.cli import main

sys.exit(main())
