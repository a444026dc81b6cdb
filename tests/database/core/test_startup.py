"""The app is fully set up when create_app returns, before any worker is forked or any request comes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

PROBE = """
import json
from dashboard import create_app
app = create_app()
print(json.dumps({"callbacks": sorted(app.callback_map), "setup": app._got_first_request}))
"""


def test_dash_set_up_is_complete_when_create_app_returns(tmp_path: Path) -> None:
    # A fresh interpreter: in this one the session app has long since had its first request.
    env = {
        **os.environ,
        "DASHBOARD_INSTANCE_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
    }
    env.pop("CACHE_REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["setup"] == {"pages": True, "setup_server": True}
    assert any(key.startswith("..overview-map.figure") for key in state["callbacks"])
    assert any(key.startswith(".._pages_content.children") for key in state["callbacks"])
