"""editor-app: an editorial assistant for Chinese newsroom staff.

This module holds the version only and imports nothing, so that `--version` and the CLI start fast.
"""

__version__ = "0.1.0"
