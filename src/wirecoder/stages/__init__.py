"""The built-in pipeline stages, one module per job, in pipeline order:

normalize → nlp → actors → places → dates → statements → events → arguments → allegations → merge

Importing this package registers them all.
"""

from . import actors, allegations, arguments, dates, events, merge, nlp, normalize, places, statements  # noqa: F401
