"""People's names for actor strings (``user:3`` → ``김원장``): every screen shows who, not an id."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ApiToken, User

_FIXED = {
    "cli": "명령줄 / command line",
    "system": "시스템 / system",
    "anonymous": "로그인 전 / anonymous",
    "test": "테스트 / test",
}


def _ids(actors: Iterable[str | None], prefix: str) -> set[int]:
    found = set()
    for actor in actors:
        if actor and actor.startswith(prefix) and actor[len(prefix) :].isdigit():
            found.add(int(actor[len(prefix) :]))
    return found


async def actor_names(session: AsyncSession, actors: Iterable[str | None]) -> dict[str, str]:
    """``{actor: name}`` for every actor given (a user's name, an API token's name, or a fixed label)."""
    actors = list(actors)
    names: dict[str, str] = {a: _FIXED[a] for a in actors if a in _FIXED}
    user_ids = _ids(actors, "user:")
    if user_ids:
        for user_id, name in (await session.execute(select(User.id, User.name).where(User.id.in_(user_ids)))).all():
            names[f"user:{user_id}"] = name
    token_ids = _ids(actors, "token:")
    if token_ids:
        rows = (await session.execute(select(ApiToken.id, ApiToken.name).where(ApiToken.id.in_(token_ids)))).all()
        for token_id, name in rows:
            names[f"token:{token_id}"] = f"API 토큰 {name} / API token {name}"
    return names


async def actor_name(session: AsyncSession, actor: str | None) -> str | None:
    if actor is None:
        return None
    return (await actor_names(session, [actor])).get(actor, actor)
