"""The page is self-contained: no CDN or tile server, vendored files small and documented."""

from __future__ import annotations

import re
from pathlib import Path

import wirecoder

STATIC = Path(wirecoder.__file__).parent / "web" / "static"
OWN = [STATIC / "index.html", STATIC / "app.css", *sorted((STATIC / "js").glob("*.js"))]


def test_own_files_load_nothing_from_outside() -> None:
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), path.name


def test_every_local_reference_exists() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    for ref in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert (STATIC / ref).is_file(), ref
    for js in (STATIC / "js").glob("*.js"):
        for ref in re.findall(r'from "\./([^"]+)"', js.read_text(encoding="utf-8")):
            assert (STATIC / "js" / ref).is_file(), f"{js.name} imports {ref}"


def test_static_assets_stay_small_and_vendored_ones_are_documented() -> None:
    total = sum(p.stat().st_size for p in STATIC.rglob("*") if p.is_file())
    assert total < 2_000_000, f"{total} bytes of static assets"
    readme = (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    for pinned in ("leaflet@1.9.4", "world-atlas@2.0.2", "BSD-2-Clause", "Natural Earth"):
        assert pinned in readme
    for vendored in (STATIC / "vendor").iterdir():
        if vendored.is_dir():
            assert (vendored / "LICENSE").is_file(), vendored.name
