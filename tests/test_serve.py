"""`tuopin serve` registers a scheduled deployment, limited to one run at a time."""
import os
import subprocess
import sys
import time

import yaml

from conftest import ROOT


def test_serve_registers_a_scheduled_deployment(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen([sys.executable, "-m", "tuopin.cli", "serve", "--cron", "15 3 * * *",
                               "seeds/articles", "--db", str(tmp_path / "t.duckdb")],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deployment, deadline = None, time.monotonic() + 90
        with get_client(sync_client=True) as client:
            while deployment is None and time.monotonic() < deadline and server.poll() is None:
                time.sleep(1)
                found = [d for d in client.read_deployments() if d.name == "tuopin-scheduled"]
                deployment = found[0] if found else None
        assert deployment is not None, server.stderr.read() if server.poll() is not None else "timeout"
        assert [s.schedule.cron for s in deployment.schedules] == ["15 3 * * *"]
        assert deployment.global_concurrency_limit.limit == 1
        assert deployment.parameters["sources"] == ["seeds/articles"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # Prefect's graceful shutdown can stall on a loaded machine
            server.kill()
            server.wait()


def test_prefect_yaml_points_at_the_flow():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    module, name = deployment["entrypoint"].split(":")
    assert (ROOT / module).exists()
    from flows import etl
    assert getattr(etl, name).name == "tuopin-etl"
    assert deployment["concurrency_limit"] == 1 and deployment["schedules"][0]["cron"]
