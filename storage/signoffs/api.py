"""HTTP API of the review page: what reviewers read before signing (sign-off itself: compliance/api.py).

- ``GET /api/review`` → ``{"workflows": [{"id", "name", "status", "advertising", "published_version",
  "signed_by_name", "signed_at"}]}`` — status ``draft | waiting_signoff | signed | active | paused | archived``
- ``GET /api/workflows/{id}/review`` → every message text and template body with findings in place, who must
  sign, the sign-off of this exact version and a link to the HTML report
"""

from __future__ import annotations

from typing import Any, cast

from litestar import Controller, get
from sqlalchemy.ext.asyncio import AsyncSession

from storage.signoffs.review import review, review_list
from storage.signoffs.schemas import ReviewList, WorkflowReview
from storage.tenancy import Caller


class ReviewController(Controller):
    path = "/api"
    tags = ["compliance"]

    @get("/review", operation_id="ListReviews")
    async def list_reviews(self, db_session: AsyncSession) -> ReviewList:
        return {"workflows": cast(Any, await review_list(db_session))}

    @get("/workflows/{workflow_id:int}/review", operation_id="GetWorkflowReview")
    async def get_review(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowReview:
        return cast(WorkflowReview, await review(db_session, caller.clinic_id, workflow_id))


ROUTE_PERMISSIONS = {"ListReviews": "workflow.read", "GetWorkflowReview": "workflow.read"}
ROUTES: list[Any] = [ReviewController]
