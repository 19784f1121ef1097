"""The API's documentation as one server-rendered page, read from the app's own OpenAPI schema.

FastAPI's interactive pages (Swagger UI, ReDoc) load their scripts and fonts from a CDN, so they
are blank on a machine without internet: the tool runs offline. This page needs nothing from
another host: every route with its parameters, request body and responses, and every schema with
its fields, as plain HTML; ``/openapi.json`` stays for clients that generate code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mistrust.web import render

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Param:
    name: str
    where: str  # query, path, header
    type: str
    required: bool
    description: str = ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    tags: list[str]
    params: list[Param] = field(default_factory=list)
    body: str | None = None
    responses: list[tuple[str, str, str]] = field(default_factory=list)  # (status, description, type)
    anchor: str = ""


def type_name(schema: dict[str, Any] | None) -> str:
    """A schema as a reader says it: "integer (1 to 1000, default 100)", "list of Document", "string or null"."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema or "oneOf" in schema:
        text = " or ".join(type_name(s) for s in schema.get("anyOf") or schema.get("oneOf") or [])
    elif schema.get("type") == "array":
        text = f"list of {type_name(schema.get('items'))}"
    elif schema.get("type") == "object" and isinstance(schema.get("additionalProperties"), dict):
        text = f"map of {type_name(schema['additionalProperties'])}"
    elif "enum" in schema:
        text = "one of " + ", ".join(str(v) for v in schema["enum"])
    else:
        text = str(schema.get("type", "any"))
    limits = []
    if "minimum" in schema or "maximum" in schema:
        limits.append(f"{schema.get('minimum', '…')} to {schema.get('maximum', '…')}")
    if "maxLength" in schema:
        limits.append(f"at most {schema['maxLength']} characters")
    if "default" in schema and schema["default"] is not None:
        limits.append(f"default {schema['default']}")
    return f"{text} ({', '.join(limits)})" if limits else text


def operations(spec: dict[str, Any]) -> list[Operation]:
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [Param(p["name"], p.get("in", ""), type_name(p.get("schema")), bool(p.get("required")),
                            p.get("description", "")) for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = [(status, r.get("description", ""),
                          type_name(r.get("content", {}).get("application/json", {}).get("schema"))
                          if r.get("content") else "")
                         for status, r in op.get("responses", {}).items()]
            out.append(Operation(method.upper(), path, op.get("summary", ""), op.get("description", ""),
                                 list(op.get("tags", [])), params, type_name(body) if body else None, responses,
                                 anchor=op.get("operationId", f"{method}-{path}")))
    return out


def schemas(spec: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, str, bool, str]]]]:
    """(name, description, [(field, type, required, description)]) for every component schema."""
    out = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [(f, type_name(s), f in required, s.get("description", ""))
                  for f, s in schema.get("properties", {}).items()]
        out.append((name, schema.get("description", ""), fields))
    return out


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/docs", response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        spec = request.app.openapi()
        return render(request, "api_docs.html.j2", info=spec.get("info", {}), operations=operations(spec),
                      schemas=schemas(spec))

    @router.get("/redoc")
    def redoc() -> Response:
        return RedirectResponse("/docs", status_code=307)

    return router


__all__ = ["build_router", "operations", "schemas", "type_name"]
