"""Start rlbaby from a checkout: `python main.py [--data-dir DIR] [--demo]`."""

import sys

from rlbaby.cli import main

if __name__ == "__main__":
    sys.exit(main())
