"""Shared fixtures: paths to the project's seeds, and one Prefect test harness per session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLES = sorted((SEEDS / "articles").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def prefect_harness():
    """Run flows against a temporary Prefect server, started once for the whole session."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=120):
        yield
