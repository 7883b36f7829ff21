"""HTML pages to article text plus the structure the markup gives for free.

Markup says some things with certainty that plain text can only guess: the headline (`<h1>`,
`og:title`), the publication time (`article:published_time`, `<time datetime>`, JSON-LD), the
canonical URL, figure captions, and boxes of related links (class names such as `related`,
`tin-lien-quan`, or paragraphs that are nothing but a link). We turn the page into blank-line
separated blocks, like a copied page, and pass those certainties to the zoning step as hints,
so one set of zoning rules serves text and HTML alike.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.metadata import parse_date
from ingest.segment import Hint

__all__ = ["HtmlArticle", "declared_charset", "looks_like_html", "parse_html"]


@dataclass
class HtmlArticle:
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    # Paragraph blocks in page order; each block is its lines, each line with an optional hint.
    blocks: list[list[tuple[str, Hint | None]]] = field(default_factory=list)


_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b",
    re.IGNORECASE | re.DOTALL,
)
_SPACES = re.compile(r"\s+")
_LD_DATE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")

_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg", "button"}
    | {"template", "select", "input", "textarea", "object", "embed", "video", "audio", "canvas"}
    | {"map", "head", "link", "meta", "dialog"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table", "thead"}
    | {"tbody", "tfoot", "tr", "td", "th", "caption", "pre", "address", "details", "summary"}
    | {"center", "hr", "body", "html"}
)
_CAPTION_CLASS = re.compile(
    r"caption|chu-?thich|(?:image|img|photo|pic)[-_]?(?:desc|note|text|cap)|desc[-_]?(?:image|img|photo)",
    re.IGNORECASE,
)
_RELATED_CLASS = re.compile(
    r"relat|lien-?quan|lienquan|xem-?them|doc-?them|see-?also|read-?more|box-?news|news-?relation",
    re.IGNORECASE,
)
_DROP_CLASS = re.compile(
    r"\b(?:share|social|comment|breadcrumbs?|tags?|keywords?|advert\w*|ads?|banner|sponsor\w*|"
    r"most-?read|most-?viewed|popular|trending|newsletter|subscribe|author-box|print|toolbar|font-?size|"
    r"rating|(?:main-?|top-?|sub-?|mega-?)?menu|navbar|navigation|sidebar|side-?bar|footer)\b",
    re.IGNORECASE,
)
_CONTAINERS = (
    '[itemprop="articleBody"]',
    ".detail-content",
    ".article-content",
    ".article__body",
    ".article-body",
    ".content-detail",
    ".detail__content",
    ".detail-content-body",
    ".news-content",
    ".post-content",
    ".entry-content",
    "#content-detail",
    "article",
    "main",
    '[role="main"]',
    "#content",
)
_LEAD_SELECTORS = (
    ".sapo",
    ".detail-sapo",
    ".article__sapo",
    ".article-sapo",
    ".detail__summary",
    ".article-summary",
    ".chapeau",
    "h2.description",
    ".lead",
)
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[property="og:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
)


def declared_charset(data: bytes) -> str | None:
    """The `<meta charset>` a page declares in its first bytes, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:2048]) is not None


def parse_html(html: str) -> HtmlArticle:
    """Metadata and hinted text blocks of the article on an HTML page."""
    tree = LexborHTMLParser(html)
    article = HtmlArticle()
    article.title = _title(tree)
    article.published = _published(tree)
    article.url = _meta(tree, 'link[rel="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]')
    article.outlet = _meta(tree, 'meta[property="og:site_name"]')
    if article.outlet is None and article.url:
        host = urlsplit(article.url).hostname
        article.outlet = host.removeprefix("www.") if host else None
    root = tree.css_first("html")
    lang = root.attributes.get("lang") if root is not None else None
    if lang:
        article.language = lang.split("-")[0].strip().lower() or None
    container = _container(tree)
    if container is not None:
        article.blocks = _blocks(container)
        lead = _lead_outside(tree, container)
        if lead:
            article.blocks.insert(0, [(lead, None)])
    return article


def _lead_outside(tree: LexborHTMLParser, container: LexborNode) -> str | None:
    """The lead paragraph (sapo) when the page keeps it outside the body container.

    It usually states the main fact of the article (who visited whom, what was signed), so
    losing it with the header around it would lose the best evidence.
    """
    body_text = _SPACES.sub(" ", container.text(separator=" "))
    for selector in _LEAD_SELECTORS:
        node = tree.css_first(selector)
        if node is None:
            continue
        lead = _SPACES.sub(" ", node.text(separator=" ")).strip()
        if len(lead) >= 40 and lead[:60] not in body_text:
            return lead
    return None


def _meta(tree: LexborHTMLParser, selector: str, attribute: str = "content") -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get(attribute)
    value = _SPACES.sub(" ", value).strip() if value else ""
    return value or None


def _title(tree: LexborHTMLParser) -> str | None:
    for selector in ("article h1", "main h1", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            text = _SPACES.sub(" ", node.text()).strip()
            if text:
                return text
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        value = _meta(tree, selector)
        if value:
            return value
    node = tree.css_first("title")
    if node is not None:
        text = _SPACES.sub(" ", node.text()).strip()
        # "Headline | Site name": the site name is not part of the headline.
        text = text.split(" | ")[0].strip()
        return text or None
    return None


def _published(tree: LexborHTMLParser) -> dt.date | None:
    for selector in _DATE_META:
        value = _meta(tree, selector)
        date = parse_date(value) if value else None
        if date is not None:
            return date
    for script in tree.css('script[type="application/ld+json"]'):
        match = _LD_DATE.search(script.text())
        date = parse_date(match.group(1)) if match else None
        if date is not None:
            return date
    for node in tree.css("time"):
        date = parse_date(node.attributes.get("datetime") or node.text())
        if date is not None:
            return date
    return None


def _container(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in _CONTAINERS:
        for node in tree.css(selector):
            if len(node.text(strip=True)) >= 200:
                return node
    return tree.body


def _class_hint(node: LexborNode) -> Hint | None:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('type') or ''}"
    if node.tag == "figcaption" or (names.strip() and _CAPTION_CLASS.search(names)):
        return "caption"
    if not names.strip():
        return None
    if _RELATED_CLASS.search(names):
        return "related"
    if _DROP_CLASS.search(names):
        return "drop"
    return None


class _Collector:
    """Accumulates the text of the current block and whether all of it sits inside links."""

    def __init__(self) -> None:
        self.blocks: list[list[tuple[str, Hint | None]]] = []
        self.lines: list[tuple[str, Hint | None]] = []
        self.parts: list[str] = []
        self.linked = 0
        self.total = 0
        self.hint: Hint | None = None

    def text(self, value: str, in_link: bool, hint: Hint | None) -> None:
        if not value:
            return
        if not self.parts:
            self.hint = hint
        self.parts.append(value)
        size = len(value.strip())
        self.total += size
        if in_link:
            self.linked += size

    def line_break(self) -> None:
        line = _SPACES.sub(" ", "".join(self.parts)).strip()
        if line:
            hint = self.hint
            words = len(line.split())
            if hint is None and self.linked >= 0.9 * self.total and words >= 3 and not line.endswith("."):
                hint = "related"  # a paragraph that is nothing but a link to another article
            self.lines.append((line, hint))
        self.parts, self.linked, self.total, self.hint = [], 0, 0, None

    def block_break(self) -> None:
        self.line_break()
        if self.lines:
            self.blocks.append(self.lines)
            self.lines = []


def _blocks(container: LexborNode) -> list[list[tuple[str, Hint | None]]]:
    out = _Collector()
    # Explicit stack instead of recursion: real pages nest deeper than Python's limit.
    stack: list[tuple[LexborNode | None, Hint | None, bool]] = [(container, None, False)]
    while stack:
        node, hint, in_link = stack.pop()
        if node is None:  # end of a block element
            out.block_break()
            continue
        tag = node.tag
        if tag == "-text":
            out.text(node.text_content or "", in_link, hint)
            continue
        if tag is None or tag.startswith("-") or tag in _DROP_TAGS:
            continue
        if tag == "br":
            out.line_break()
            continue
        # A bare `<figcaption>` has no attributes but is a caption all the same.
        own = _class_hint(node) if node.attributes or tag == "figcaption" else None
        if own == "drop":
            continue
        child_hint = own or hint
        child_link = in_link or tag == "a"
        if tag in _BLOCK_TAGS:
            out.block_break()
            stack.append((None, None, False))
        children = list(node.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, child_hint, child_link))
    out.block_break()
    return out.blocks
