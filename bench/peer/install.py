"""n8n installed with npm into a cache folder outside the repository, once (it is ~2.4 GB).

- Folder: ``$DOCTORSFLOW_N8N_CACHE``, else ``~/.cache/doctorsflow/n8n``.
- Version 2.8.4: the newest release found to install and run on Node 20 (newer ones need Node ≥ 24).
- ``xlsx`` is pinned to the npm registry's 0.18.5 by an ``overrides`` entry: n8n declares it as a tarball from
  a website outside the registry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

N8N_VERSION = "2.8.4"
PACKAGE = {
    "name": "doctorsflow-bench-peer-n8n",
    "private": True,
    "dependencies": {"n8n": N8N_VERSION},
    "overrides": {"xlsx": "0.18.5"},
}


class PeerUnavailable(RuntimeError):
    """n8n cannot be installed or run here; the message says why (the tool's own error)."""


def cache_dir() -> Path:
    return Path(os.environ.get("DOCTORSFLOW_N8N_CACHE") or Path.home() / ".cache" / "doctorsflow" / "n8n")


def n8n_bin(folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / "node_modules" / ".bin" / "n8n"


def ensure_n8n(folder: Path | None = None) -> Path:
    """The n8n command, installing it first when the cache folder does not hold this version yet."""
    folder = folder or cache_dir()
    marker = folder / f".installed-{N8N_VERSION}"
    binary = n8n_bin(folder)
    if marker.exists() and binary.exists():
        return binary
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise PeerUnavailable(f"{tool} 없음 / {tool} is not on PATH")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(json.dumps(PACKAGE, indent=2) + "\n", "utf-8")
    print(f"# installing n8n {N8N_VERSION} into {folder} (once; several minutes)", flush=True)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not binary.exists():
        raise PeerUnavailable(
            f"n8n 설치 실패 / npm install of n8n {N8N_VERSION} failed ({done.returncode}): "
            f"{(done.stderr or done.stdout).strip()[-1500:]}"
        )
    marker.write_text(N8N_VERSION + "\n", "utf-8")
    return binary
