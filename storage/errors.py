"""The one error shape of the API and the command line: ``{"errors": [{"code", "node", "path", "message"}]}``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from nodes.particles import with_particle

if TYPE_CHECKING:
    from compliance.findings import Finding


@dataclass(frozen=True)
class Problem:
    code: str
    message: str  # Korean first, then " / " and English
    node: str | None = None
    path: str = ""  # JSON pointer into the request body or document

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def finding_problems(findings: Iterable[Finding]) -> list[Problem]:
    """Compliance findings as problems: the rule id is the code, the finding's field the path."""
    return [Problem(f.rule, f.message, node=f.node, path=f.field or "") for f in findings]


class ApiError(Exception):
    """Raised by handlers and services; turned into a 4xx JSON answer by the app."""

    def __init__(self, status_code: int, problems: Sequence[Any]) -> None:
        self.status_code = status_code
        self.problems = list(problems)
        super().__init__("; ".join(getattr(p, "message", str(p)) for p in self.problems))

    def body(self) -> dict[str, Any]:
        return {"errors": [p.as_dict() if hasattr(p, "as_dict") else dict(p) for p in self.problems]}


def not_found(what_ko: str, what_en: str) -> ApiError:
    return ApiError(
        404, [Problem("not_found", f"{with_particle(what_ko, '을')} 찾을 수 없습니다 / {what_en} not found")]
    )
