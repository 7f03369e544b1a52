"""Action `send.alimtalk`: an informational KakaoTalk AlimTalk from an approved template, SMS failover."""

from nodes.base import NodeType, load_schema
from nodes.send_alimtalk.executor import fill_template, send_alimtalk, template_body
from nodes.send_alimtalk.lint import lint_alimtalk
from nodes.send_alimtalk.summary import summary

__all__ = ["NODE", "fill_template", "template_body"]

NODE = NodeType(
    type="send.alimtalk",
    category="action",
    label={"ko": "알림톡 보내기", "en": "Send AlimTalk"},
    description={
        "ko": "카카오 승인 템플릿으로 정보성 알림톡을 보냅니다. 못 받으면 문자로 대체 발송합니다.",
        "en": "Sends an informational AlimTalk with an approved template; falls back to SMS.",
    },
    icon="💬",
    schema=load_schema(__file__),
    execute=send_alimtalk,
    summary=summary,
    text_fields=("/variables/*", "/failover/text"),
    channel="alimtalk",
    fixed_purpose="informational",
    lint=lint_alimtalk,
    ui={"template_picker": "template"},  # the editor picks `template` from the clinic's AlimTalk templates
)
