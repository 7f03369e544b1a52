"""Permissions as data: which role may do which action. Routes name the action they need (``requires``).

Roles (``storage.names.ROLES``):
- ``manager`` — everything inside the clinic;
- ``staff`` — patients, imports, runs and events; no publishing, no sign-off, no tokens, no audit;
- ``reviewer`` — reads workflows and lint reports and signs off; no patient data;
- ``platform_admin`` — creates clinics and their first users; no clinic data at all.
"""

from __future__ import annotations

from collections.abc import Iterable

# Every action a route may require, with what it allows (shown in docs/security.md and the token form).
ACTIONS: dict[str, str] = {
    "workflow.read": "워크플로와 점검 보고서 보기 / read workflows, node catalogue and lint reports",
    "workflow.write": "워크플로 만들기·고치기 / create and edit workflow drafts",
    "workflow.publish": "워크플로 게시 / publish a workflow version",
    "signoff": "준법 검토 승인 / compliance sign-off",
    "patient.read": "환자 정보 보기 / read patient data",
    "patient.write": "환자 정보 고치기 / edit patients and consents",
    "patient.import": "환자 파일 가져오기 / import patient files",
    "patient.export": "환자 정보 내보내기 / export a patient's data",
    "patient.erase": "환자 정보 삭제 / erase a patient",
    "run.read": "실행·발송 기록 보기 / read runs and messages",
    "run.write": "실행 중지·발송 취소·재시도 / stop runs, cancel or retry pending messages",
    "event.write": "이벤트 보내기 / send events that start runs",
    "audit.read": "감사 기록 보기 / read the audit log",
    "clinic.admin": "병원 만들기·관리 / create and manage clinics (platform)",
    "token.manage": "API 토큰 관리 / manage API tokens",
    "user.manage": "사용자 관리 / manage the clinic's users",
    "settings.write": "병원 설정·발송 채널 관리 / clinic settings and sending channels",
}

_CLINIC_ACTIONS = frozenset(a for a in ACTIONS if a != "clinic.admin")

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "manager": _CLINIC_ACTIONS,
    "staff": frozenset(
        {
            "workflow.read",
            "workflow.write",
            "patient.read",
            "patient.write",
            "patient.import",
            "patient.export",
            "run.read",
            "run.write",
            "event.write",
        }
    ),
    "reviewer": frozenset({"workflow.read", "signoff"}),
    "platform_admin": frozenset({"clinic.admin"}),
}


def permissions_of(role: str) -> frozenset[str]:
    """The actions a role may take; an unknown role may take none."""
    return ROLE_PERMISSIONS.get(role, frozenset())


def unknown_actions(actions: Iterable[str]) -> list[str]:
    return sorted(set(actions) - set(ACTIONS))
