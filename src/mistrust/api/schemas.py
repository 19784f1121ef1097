"""Request and response bodies of the JSON API that are not model dataclasses.

Responses that are model objects (Hit, Document, Claim, Story, ListVersion ...) use the
dataclasses themselves as response models, so the OpenAPI schema follows the model.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from mistrust.model import Hit, ListEntity, ListVersion, NameQuery

MAX_NAME = 500
MAX_BATCH = 1000


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str


class ErrorInfo(BaseModel):
    code: str = Field(description="stable error code, e.g. not_found, input, validation")
    message: str = Field(description="what went wrong, for a person")
    details: dict[str, Any] | list[Any] = Field(
        default_factory=dict, description="the error's context; for validation, the faulty fields")


class ErrorBody(BaseModel):
    """The one body of every error answer of the API (``api/errors.py``)."""

    error: ErrorInfo


class QueryIn(BaseModel):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    schema_: str = Field("Any", alias="schema", description="Person, Organization, Vessel, Aircraft or Any",
                         max_length=40)
    birth_date: str | None = Field(None, max_length=40)
    countries: list[str] = Field(default_factory=list, max_length=20)
    identifiers: list[str] = Field(default_factory=list, max_length=20)

    model_config = {"populate_by_name": True}

    def name_query(self) -> NameQuery:
        """The screening query of one batch item (country codes lower-cased, as the lists store them)."""
        return NameQuery(name=self.name, schema=self.schema_, birth_date=self.birth_date,
                         countries=[c.lower() for c in self.countries], identifiers=list(self.identifiers))


class ScreenParams(BaseModel):
    """The query parameters of ``GET /api/v1/screen``, validated once per request as one model
    (``routes.screen_params``) and documented from the same fields (``routes.query_parameters``)."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    schema_: str = Field("Any", alias="schema", max_length=40)
    birth_date: str | None = Field(None, max_length=40)
    country: list[str] | None = Field(None, max_length=20)
    threshold: float | None = Field(None, ge=0.0, le=1.0)
    limit: int | None = Field(None, ge=1, le=100)

    model_config = {"populate_by_name": True}

    def name_query(self) -> NameQuery:
        """The screening query of the route's parameters (no identifiers: the route takes none)."""
        return NameQuery(name=self.name, schema=self.schema_, birth_date=self.birth_date,
                         countries=[c.lower() for c in self.country or ()])


class ScreenResult(BaseModel):
    query: str
    hits: list[Hit]


class BatchIn(BaseModel):
    queries: list[QueryIn] = Field(min_length=1, max_length=MAX_BATCH)
    threshold: float | None = Field(None, ge=0.0, le=1.0)
    limit: int | None = Field(None, ge=1, le=100)


class BatchOut(BaseModel):
    results: list[ScreenResult]


class ListEntityOut(BaseModel):
    entity: ListEntity
    versions: list[ListVersion]


class EntityOut(BaseModel):
    """An actor aggregated over the documents (as the extraction room reports it)."""

    name: str
    label: str | None = None
    canonical: str | None = None
    mentions: int = 0
    documents: list[str] = Field(default_factory=list)
    forms: list[str] = Field(default_factory=list)
    links: list[dict[str, Any]] = Field(default_factory=list)

    model_config = {"extra": "allow"}


class JudgementIn(BaseModel):
    hit_id: str = Field(min_length=1, max_length=100)
    decision: Literal["confirm", "dismiss"]
    note: str | None = Field(None, max_length=2000)
    user: str | None = Field(None, max_length=200)


class Judgement(BaseModel):
    hit_id: str
    decision: str
    entity_id: str | None = None
    query_name: str | None = None
    note: str | None = None
    user: str | None = None
    at: str | None = None

    model_config = {"extra": "allow"}
