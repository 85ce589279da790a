"""The built-in pipeline stages, one module per job, in pipeline order:

normalize → nlp → actors → places → dates → statements → events → allegations → merge

Importing this package registers them all.
"""

from . import actors, allegations, dates, events, merge, nlp, normalize, places, statements  # noqa: F401
