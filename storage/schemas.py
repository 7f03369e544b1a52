"""The error body every ``/api`` route answers on failure: ``{"errors": [{"code", "node", "path", "message"}]}``.

(``storage/errors.py`` builds it; ``storage/openapi.py`` documents it for every operation.)
"""

from typing import TypedDict

from nodes.schemas import Problem


class ErrorBody(TypedDict):
    errors: list[Problem]
