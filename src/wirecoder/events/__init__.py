"""Event coding: cue lexicons, the type classifier, casualty tolls, roles and attribution.

The stage ``wirecoder.events.v1`` (``stages/events.py``) strings these together.
"""

from .classifier import EventClassifier, Prediction, default_classifier
from .lexicon import find_cues, taxonomy
from .numbers import Toll, casualty_toll, parse_number

__all__ = [
    "EventClassifier",
    "Prediction",
    "Toll",
    "casualty_toll",
    "default_classifier",
    "find_cues",
    "parse_number",
    "taxonomy",
]
