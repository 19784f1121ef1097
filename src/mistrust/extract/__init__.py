"""Extraction engine: entities, links to the lists, attribution, claims, status and event time.

Components operate on a spaCy ``Doc`` produced by :mod:`mistrust.extract.nlp` and return model
objects (:mod:`mistrust.model.documents`). The engine never imports the store or the workspace.
"""
