"""Corroboration engine: stories across outlets, claim groups, echoes, origins and contradictions.

Pure: takes Documents and Extractions, returns model objects; never touches the store.
"""

from mistrust.corroborate.claimgroups import build_claim_groups
from mistrust.corroborate.stories import Assignment, StoryClusterer, StoryState, cluster, doc_features

__all__ = ["Assignment", "StoryClusterer", "StoryState", "build_claim_groups", "cluster", "doc_features"]
