"""Places: an offline gazetteer, ACLED region names, and the event-location helper."""

from .admin1 import normalize_admin1
from .event_location import event_location
from .gazetteer import Gazetteer, Place, get_gazetteer
from .names import fold

__all__ = ["Gazetteer", "Place", "event_location", "fold", "get_gazetteer", "normalize_admin1"]
