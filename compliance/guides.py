"""The compliance guides (``docs/compliance/*.md``) as HTML pages, so the lint report's rule links work.

Rendered with markdown-it-py with raw HTML disabled: everything in the guide is escaped, and only markdown's
own structure (headings, paragraphs, lists, tables, links with safe schemes) becomes HTML. Each heading
gets the GitHub-style anchor the report links to (``### MSA-SUPERLATIVE`` → ``#msa-superlative``).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

GUIDES_DIR = Path(__file__).resolve().parent.parent / "docs" / "compliance"
GUIDES = {"checklist": "checklist.md", "prereview": "prereview.md", "index": "README.md"}
URL_PREFIX = "/docs/compliance"
_GUIDE_LINK = re.compile(r"^(?:\./)?(checklist|prereview|README)\.md(#[\w-]*)?$")

PAGE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; max-width: 52rem;
  margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; }}
h3:target {{ background: #fff3bf; }} code {{ background: #f2f2f2; padding: 0 .2rem; }}
</style></head>
<body>
{body}
</body></html>
"""


def slug(text: str) -> str:
    """GitHub's heading anchor: lower case, punctuation other than ``-``/``_`` dropped, spaces → ``-``."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _guide_href(href: str) -> str:
    """``prereview.md#x`` → ``prereview#x`` (a sibling page on the server); other links stay as they are."""
    found = _GUIDE_LINK.match(href)
    if not found:
        return href
    name = "index" if found.group(1) == "README" else found.group(1)
    return name + (found.group(2) or "")


@cache
def render_guide(name: str) -> str | None:
    """The guide ``name`` (a key of :data:`GUIDES`) as a page, or None if there is no such guide."""
    filename = GUIDES.get(name)
    path = GUIDES_DIR / filename if filename else None
    if path is None or not path.is_file():
        return None
    md = _markdown()
    tokens = md.parse(path.read_text("utf-8"))
    title = name
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = "".join(child.content for child in tokens[index + 1].children or [] if child.type != "softbreak")
            anchor = slug(text)
            seen[anchor] = seen.get(anchor, -1) + 1
            token.attrSet("id", anchor if not seen[anchor] else f"{anchor}-{seen[anchor]}")
            if token.tag == "h1" and title == name:
                title = text
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "link_open":
                    child.attrSet("href", _guide_href(str(child.attrGet("href") or "")))
    body = md.renderer.render(tokens, md.options, {})
    return PAGE.format(title=html.escape(title), body=body)
