"""How the editor's files travel: compressed (brotli, gzip for older clients; JSON answers too) and the
hashed ``/assets/*`` cached for a year, since a new build has new names; ``index.html`` is always asked
again so a new build is picked up at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar.config.compression import CompressionConfig
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

# Level 5 brotli / 6 gzip: most of the gain for little CPU on a clinic's small server; tiny bodies as they are.
COMPRESSION = CompressionConfig(
    backend="brotli",
    brotli_gzip_fallback=True,
    brotli_quality=5,
    gzip_compress_level=6,
    minimum_size=500,
)

IMMUTABLE = CacheControlHeader(max_age=365 * 24 * 3600, public=True, immutable=True)
INDEX_HEADERS = {"Cache-Control": "no-cache"}


def assets_router(directory: Path) -> Any:
    """``/assets/*``: Vite's content-hashed build output, cached for a year."""
    return create_static_files_router(path="/assets", directories=[directory], cache_control=IMMUTABLE)
