"""Pipeline machinery: the stage registry and the runner."""

from .registry import Stage, create_stage, register_stage, registered_stages
from .runner import DEFAULT_STAGES, Pipeline

__all__ = ["DEFAULT_STAGES", "Pipeline", "Stage", "create_stage", "register_stage", "registered_stages"]
