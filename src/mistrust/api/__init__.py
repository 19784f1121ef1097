"""The HTTP edge: a FastAPI app serving the JSON API (``/api/v1``) and the web pages."""

from mistrust.api.app import create_app

__all__ = ["create_app"]
