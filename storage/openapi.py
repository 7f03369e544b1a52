"""OpenAPI of the HTTP API: request bodies checked by hand shown with their shape, and the one error body.

Many handlers answer their own 4xx problems for bad input (``bad_messages``, ``invalid_event`` …), which
the framework's validation would replace with its generic text. Those take the JSON as sent and say
which shape they expect: ``data: Annotated[Any, BodyShape(LintRequest)]`` — the schema shows
``LintRequest``, the handler still gets the raw value and checks it. Every ``/api`` answer other than
success is ``{"errors": [...]}`` (``storage.errors``); :func:`document_errors` says so in the schema
instead of the framework's default validation-error shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.plugins import OpenAPISchemaPlugin
from litestar.routes import HTTPRoute
from litestar.typing import FieldDefinition

from storage.schemas import ErrorBody

if TYPE_CHECKING:
    from litestar import Litestar
    from litestar._openapi.schema_generation import SchemaCreator
    from litestar.openapi.spec import Schema

ERROR_STATUSES = {
    400: "요청이 올바르지 않습니다 / bad request",
    401: "로그인이 필요합니다 / log-in required",
    403: "권한이 없습니다 / not allowed",
    404: "찾을 수 없습니다 / not found",
    409: "충돌 / conflict",
    422: "내용이 올바르지 않습니다 / invalid content",
}


@dataclass(frozen=True)
class BodyShape:
    """``Annotated`` marker: the request body is documented as ``model`` but reaches the handler as sent."""

    model: Any


class BodyShapePlugin(OpenAPISchemaPlugin):
    """Documents a ``BodyShape``-marked body as its model (a TypedDict, dataclass or Struct)."""

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return any(isinstance(meta, BodyShape) for meta in field_definition.metadata)

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: SchemaCreator) -> Schema:
        shape = next(meta for meta in field_definition.metadata if isinstance(meta, BodyShape))
        # A Reference to the model's component; Litestar places either a Schema or a Reference here.
        return cast("Schema", schema_creator.for_field_definition(FieldDefinition.from_annotation(shape.model)))


def document_errors(app: Litestar) -> None:
    """Every ``/api`` operation's 4xx answers are ``ErrorBody`` (our exception handlers make them so)."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or not route.path.startswith("/api"):
            continue
        for handler in route.route_handlers:
            if not isinstance(handler, HTTPRouteHandler) or not handler.include_in_schema:
                continue
            errors = {
                status: ResponseSpec(data_container=ErrorBody, description=text, generate_examples=False)
                for status, text in ERROR_STATUSES.items()
            }
            handler.responses = {**errors, **(handler.responses or {})}
