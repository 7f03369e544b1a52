"""Action `send.friendtalk`: an advertising message to the clinic's Kakao channel friends."""

from collections.abc import Iterator, Mapping
from typing import Any

from nodes.base import ExecutionContext, LintContext, LintIssue, NodeType, Outcome, SendMessage, load_schema
from nodes.summary import Summary, both, clip


def send_friendtalk(ctx: ExecutionContext) -> Outcome:
    buttons = tuple(
        {"name": str(b["name"]), "url": str(b["url"])} for b in ctx.params.get("buttons") or () if isinstance(b, dict)
    )
    image_url = ctx.params.get("image_url")
    message = SendMessage(
        channel="friendtalk",
        purpose="advertising",
        text=ctx.render(str(ctx.params["text"])),
        buttons=buttons,
        image_url=str(image_url) if image_url else None,
    )
    return Outcome(effects=(message,))


def lint_friendtalk(params: Mapping[str, Any], ctx: LintContext) -> Iterator[LintIssue]:
    """The text rules, and an image: the providers take images only as files uploaded to their own storage,
    which the clients do not do yet, so a message with an image would fail at send time — refuse it now."""
    yield from ctx.text_fields()
    if params.get("image_url"):
        yield LintIssue("MSG-IMAGE-UNSUPPORTED", "/params/image_url")


def friendtalk_summary(params: Mapping[str, Any]) -> Summary:
    text = clip(params.get("text") or "")
    buttons = len(params.get("buttons") or [])
    ko_tail, en_tail = (f" · 버튼 {buttons}개", f" · {buttons} button(s)") if buttons else ("", "")
    return both(f"친구톡(광고) · {text}{ko_tail}", f"FriendTalk (ad) · {text}{en_tail}")


NODE = NodeType(
    type="send.friendtalk",
    category="action",
    label={"ko": "친구톡 보내기(광고)", "en": "Send FriendTalk (ad)"},
    description={
        "ko": (
            '채널 친구에게 광고를 보냅니다. "(광고)"로 시작하고 무료수신거부를 넣어야 하며 '
            "20:00–08:00에는 보내지 않습니다."
        ),
        "en": 'Ads to channel friends: start with "(광고)", give a free opt-out; never 20:00–08:00.',
    },
    icon="📣",
    schema=load_schema(__file__),
    execute=send_friendtalk,
    summary=friendtalk_summary,
    lint=lint_friendtalk,
    text_fields=("/text",),
    channel="friendtalk",
    fixed_purpose="advertising",
)
