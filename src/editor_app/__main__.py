"""`python -m editor_app` is the same as the `editor-app` command."""

import multiprocessing
import sys

from editor_app.cli import main

if __name__ == "__main__":
    # the deep pass's worker process is started by re-running this program (spawn); in the frozen bundle
    # that must lead here, not to a second window
    multiprocessing.freeze_support()
    sys.exit(main())
