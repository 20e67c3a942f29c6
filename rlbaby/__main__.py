"""`python -m rlbaby` entry point."""

import sys

from rlbaby.cli import main

sys.exit(main())
