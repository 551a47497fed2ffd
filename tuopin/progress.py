"""A progress bar on a terminal, nothing elsewhere."""
from __future__ import annotations

import sys
from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress_bar(total: int, enabled: bool, label: str | None = None):
    """Yield a tqdm bar writing to stderr, disabled off a terminal or when not wanted."""
    bar = tqdm(total=total, unit="doc", desc=label, disable=not (enabled and sys.stderr.isatty()), file=sys.stderr)
    try:
        yield bar
    finally:
        bar.close()
