"""Size of the editor's production bundle: gzip of builder_ui/dist JS + CSS (what a clinic PC downloads once).

`make bench` builds the editor first; a missing dist/ is reported as an error, not rebuilt here.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

DIST = Path(__file__).resolve().parent.parent / "builder_ui" / "dist"


def bundle_sizes(dist: Path = DIST) -> dict[str, int]:
    """Raw and gzip-9 bytes of every .js and .css file under dist/."""
    files = sorted(p for p in dist.rglob("*") if p.suffix in {".js", ".css"})
    if not files:
        raise FileNotFoundError(f"no built editor in {dist} (run `make ui`)")
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in files)
    js = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in files if p.suffix == ".js")
    return {"files": len(files), "raw": raw, "gzip": gz, "gzip_js": js, "gzip_css": gz - js}


def run(quick: bool) -> list[dict[str, Any]]:
    sizes = bundle_sizes()
    return [
        {
            "bench": "ui.bundle_gzip_kb",
            "value": round(sizes["gzip"] / 1024, 1),
            "unit": "KiB",
            "raw_kb": round(sizes["raw"] / 1024, 1),
            "js_gzip_kb": round(sizes["gzip_js"] / 1024, 1),
            "css_gzip_kb": round(sizes["gzip_css"] / 1024, 1),
            "files": sizes["files"],
        }
    ]
