"""n8n as the peer: its own process (default SQLite, a fresh user folder per bench), the same 5-node flow
imported and published (activated) with its CLI, on a loopback port.

The flow: Webhook (POST, answers at once as our API does) → IF (body.type is appointment.booked) → Set (tag
"booked", recipient, text) → HTTP Request (POST to the counting fake provider) → No-op "End"."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

WORKFLOW_ID = "benchPeer5Nodes1"
WEBHOOK_PATH = "bench-peer-booked"


def workflow(provider_url: str) -> dict[str, Any]:
    """The n8n workflow (export format) equivalent to DoctorsFlow's trigger → condition → tag → SMS → end."""
    return {
        "id": WORKFLOW_ID,
        "name": "bench-peer: 5 nodes",
        "active": False,
        "settings": {"executionOrder": "v1"},
        "nodes": [
            {
                "id": "0b1c0de0-0000-4000-8000-000000000001",
                "name": "Webhook",
                "type": "n8n-nodes-base.webhook",
                "typeVersion": 2,
                "position": [0, 0],
                "webhookId": "0b1c0de0-0000-4000-8000-0000000000aa",
                "parameters": {"httpMethod": "POST", "path": WEBHOOK_PATH, "responseMode": "onReceived", "options": {}},
            },
            {
                "id": "0b1c0de0-0000-4000-8000-000000000002",
                "name": "Is booked",
                "type": "n8n-nodes-base.if",
                "typeVersion": 2,
                "position": [220, 0],
                "parameters": {
                    "conditions": {
                        "options": {"caseSensitive": True, "leftValue": "", "typeValidation": "strict"},
                        "conditions": [
                            {
                                "id": "6f1e0d39-0000-4000-8000-0000000000c1",
                                "leftValue": "={{ $json.body.type }}",
                                "rightValue": "appointment.booked",
                                "operator": {"type": "string", "operation": "equals"},
                            }
                        ],
                        "combinator": "and",
                    },
                    "options": {},
                },
            },
            {
                "id": "0b1c0de0-0000-4000-8000-000000000003",
                "name": "Tag",
                "type": "n8n-nodes-base.set",
                "typeVersion": 3.4,
                "position": [440, 0],
                "parameters": {
                    "assignments": {
                        "assignments": [
                            {"id": "a1", "name": "tag", "value": "booked", "type": "string"},
                            {"id": "a2", "name": "to", "value": "={{ $json.body.patient.phone }}", "type": "string"},
                            {
                                "id": "a3",
                                "name": "text",
                                "value": "={{ $json.body.patient.name }}님 예약되었습니다",
                                "type": "string",
                            },
                        ]
                    },
                    "options": {},
                },
            },
            {
                "id": "0b1c0de0-0000-4000-8000-000000000004",
                "name": "Send SMS",
                "type": "n8n-nodes-base.httpRequest",
                "typeVersion": 4.2,
                "position": [660, 0],
                "parameters": {
                    "method": "POST",
                    "url": f"{provider_url}/peer/send",
                    "sendBody": True,
                    "specifyBody": "json",
                    "jsonBody": "={{ JSON.stringify({ to: $json.to, text: $json.text, tags: [$json.tag] }) }}",
                    "options": {},
                },
            },
            {
                "id": "0b1c0de0-0000-4000-8000-000000000005",
                "name": "End",
                "type": "n8n-nodes-base.noOp",
                "typeVersion": 1,
                "position": [880, 0],
                "parameters": {},
            },
        ],
        "connections": {
            "Webhook": {"main": [[{"node": "Is booked", "type": "main", "index": 0}]]},
            "Is booked": {"main": [[{"node": "Tag", "type": "main", "index": 0}], []]},
            "Tag": {"main": [[{"node": "Send SMS", "type": "main", "index": 0}]]},
            "Send SMS": {"main": [[{"node": "End", "type": "main", "index": 0}]]},
        },
    }


@dataclass
class N8nSide:
    """One ``n8n start`` process, started by :meth:`start` (import + activate first), stopped by :meth:`stop`."""

    n8n_bin: Path
    data: Path
    provider_url: str
    port: int
    name: str = "n8n"
    headers: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _logs: list[IO[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook/{WEBHOOK_PATH}"

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes.values()]

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "N8N_USER_FOLDER": str(self.data),
            "N8N_PORT": str(self.port),
            "N8N_LISTEN_ADDRESS": "127.0.0.1",
            "N8N_HOST": "127.0.0.1",
            "N8N_PROTOCOL": "http",
            "WEBHOOK_URL": f"http://127.0.0.1:{self.port}/",
            "N8N_DIAGNOSTICS_ENABLED": "false",
            "N8N_VERSION_NOTIFICATIONS_ENABLED": "false",
            "N8N_TEMPLATES_ENABLED": "false",
            "N8N_PERSONALIZATION_ENABLED": "false",
            "N8N_HIRING_BANNER_ENABLED": "false",
            "N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS": "false",
            "N8N_LOG_LEVEL": "warn",
            "N8N_SECURE_COOKIE": "false",
            "NODE_ENV": "production",
        }

    def _cli(self, *args: str) -> str:
        done = subprocess.run(
            [str(self.n8n_bin), *args], env=self.env(), capture_output=True, text=True, timeout=300, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"n8n {' '.join(args)} failed ({done.returncode}): {(done.stderr or done.stdout)[-2000:]}"
            )
        return done.stdout

    def start(self) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        flow = self.data / "bench-peer-workflow.json"
        flow.write_text(json.dumps(workflow(self.provider_url), ensure_ascii=False), "utf-8")
        self._cli("import:workflow", f"--input={flow}")
        self._cli("publish:workflow", f"--id={WORKFLOW_ID}")  # n8n 2.x: publish = activate
        log = (self.data / "n8n.log").open("wb")
        self._logs.append(log)
        self.processes["n8n"] = subprocess.Popen([str(self.n8n_bin), "start"], env=self.env(), stdout=log, stderr=log)
        deadline = time.monotonic() + 180
        while not self._ready():
            process = self.processes["n8n"]
            if process.poll() is not None:
                tail = (self.data / "n8n.log").read_text("utf-8", "replace")[-2000:]
                raise RuntimeError(f"n8n exited with {process.returncode}: {tail}")
            if time.monotonic() > deadline:
                raise TimeoutError("n8n did not answer on its webhook within 180 s")
            time.sleep(0.5)

    def _ready(self) -> bool:
        try:
            # The health endpoint answers before workflows are activated; a GET on the POST-only webhook
            # answers 404 "not registered" until then and another status once it is.
            health = httpx.get(f"http://127.0.0.1:{self.port}/healthz/readiness", timeout=2)
            if health.status_code != 200:
                return False
            probe = httpx.get(self.url, timeout=2)
        except httpx.HTTPError:
            return False
        return "not registered" not in probe.text

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self._logs:
            log.close()
