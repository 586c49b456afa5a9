"""`python -m tui` runs the newsdesk command line."""

from tui.cli.main import main

raise SystemExit(main())
