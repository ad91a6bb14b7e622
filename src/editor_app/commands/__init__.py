"""One module per CLI subcommand; each exposes `register(subparsers)` and sets `run` on its parser."""
