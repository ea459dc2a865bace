"""`python -m minzheng` runs the command line."""

import sys

from minzheng.cli import main

sys.exit(main())
