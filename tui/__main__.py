"""`python -m tui` runs the newsdesk command line."""

from tui.cli import main

raise SystemExit(main())
