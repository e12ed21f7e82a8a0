"""``python -m dyad.cli``: the `dyad` command."""
import sys

from . import main

sys.exit(main())
