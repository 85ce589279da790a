"""HTTP API (FastAPI) over the store, plus the analyst's web page at ``/``.

>>> from wirecoder.api import create_app
>>> app = create_app("wirecoder.db")      # then: uvicorn.run(app)
"""

from .app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
