"""HTML to plain text for statements: paragraphs become blank-line breaks, <br> a newline, and
link text is kept whole (Mastodon hides parts of long URLs in `invisible` spans)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "table"}
_SKIP = {"script", "style", "template"}


class _Text(HTMLParser):
    def __init__(self, drop_classes=()):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop_classes = set(drop_classes)
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        dropping = tag in _SKIP or bool(classes & self.drop_classes)
        if tag not in ("br", "img", "hr"):
            self.stack.append((tag, dropping))
            if dropping:
                self.skip_depth += 1
        if self.skip_depth:
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "img":
            alt = attributes.get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, dropping = self.stack.pop()
            if dropping:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if not self.skip_depth and tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str | None, drop_classes=()) -> str:
    """Plain text of an HTML fragment; elements with any of `drop_classes` are left out."""
    if not html:
        return ""
    parser = _Text(drop_classes)
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\r\n", "\n").replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
