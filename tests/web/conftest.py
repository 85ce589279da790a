"""Headless Debian Chromium driven by Selenium against a real server over the sample store.

Skips (with the reason) only where no chromium/chromedriver binary exists. Screenshots go
to ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # the shared sample store
from sample_store import build_sample_store  # noqa: E402

from wirecoder.api import ApiSettings, create_app  # noqa: E402
from wirecoder.api.server import serve_in_thread  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


def _binary(*names: str) -> str | None:
    for name in names:
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_sample_store(tmp_path_factory.mktemp("web") / "store.db")
    with serve_in_thread(create_app(ApiSettings(str(db), warm=False))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium = _binary("chromium", "chromium-browser")
    driver_bin = _binary("chromedriver")
    if chromium is None or driver_bin is None:
        pytest.skip("Debian chromium + chromium-driver not installed (apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="wirecoder-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_bin), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def shot(browser: object) -> object:
    """``shot("name")`` saves a screenshot as test-artifacts/web-<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"web-{name}.png"
        browser.save_screenshot(str(path))  # type: ignore[attr-defined]
        return path

    return take
