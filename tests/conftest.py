"""Shared fixtures: paths to the project's seeds, and one Prefect test harness per session."""
import difflib
import os
from pathlib import Path

import pytest

# This machine has no route to Prefect's telemetry endpoint.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

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


def assert_golden(got: str, path: Path) -> None:
    """Compare text with a golden file, showing a unified diff; TUOPIN_UPDATE_GOLDEN=1 rewrites it."""
    if os.environ.get("TUOPIN_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got + "\n", encoding="utf-8")
    expected = path.read_text(encoding="utf-8").rstrip("\n")
    diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), f"golden/{path.name}",
                                f"actual/{path.name}", lineterm="")
    assert got == expected, "\n" + "\n".join(diff)
