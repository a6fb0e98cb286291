"""`python -m build` makes a wheel that carries the built admin UI: installed alone in a fresh
venv, `cloudcat dev` serves the app at /admin/ (from the package, no checkout around it)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import requests

from cloudcat.core.testing import TEST_SECRET_KEY
from tests.test_serve_workers import free_port

ROOT = Path(__file__).resolve().parents[1]
UI_INDEX = ROOT / "admin-ui" / "dist" / "index.html"
PACKAGED = "cloudcat/core/web/admin_dist/"

pytestmark = pytest.mark.skipif(
    not UI_INDEX.is_file(), reason="the admin UI is not built (make admin-ui; make test does it)"
)


def run(*command: str | Path, cwd: Path | None = None, timeout: float = 300) -> None:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def test_the_wheel_serves_the_admin_ui_from_a_fresh_venv(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, timeout=600)
    [wheel] = out.glob("cloudcat-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert f"{PACKAGED}index.html" in names
    assert any(n.startswith(f"{PACKAGED}assets/") and n.endswith(".js") for n in names)
    assert any(n.endswith("templates/source/package/provider.py.tmpl") for n in names)

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, timeout=600)

    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "CLOUDCAT_SECRET_KEY": TEST_SECRET_KEY,
        "CLOUDCAT_DATA_DIR": str(tmp_path / "data"),
    }
    log = tmp_path / "dev.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [venv / "bin" / "cloudcat", "dev", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            try:
                page = requests.get(f"http://127.0.0.1:{port}/admin/", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.3)
        assert page.status_code == 200, page.text
        assert page.text == UI_INDEX.read_text()
        script = re.search(r'src="(/admin/assets/[^"]+\.js)"', page.text)
        assert script is not None, page.text
        asset = requests.get(f"http://127.0.0.1:{port}{script.group(1)}", timeout=5)
        assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
