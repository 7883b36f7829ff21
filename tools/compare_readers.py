"""Score the project's HTML zoning against trafilatura's main text, per input kind.

    .venv/bin/python tools/compare_readers.py [--verbose] [--set html-tests|seeds-page|devset-page]

Issue 10 asks to compare trafilatura (the reference main-text extractor for news pages) with
the project's own zoning and keep what scores better per input kind. Both readers get the same
HTML, the same metadata (title, date, URL, outlet, language from `ingest.html`) and the same
extractor; only the main text differs. The facts are scored with the shared scorer
(`../shared/eval/score.py`), so a reader wins by what the extractor can then find in its text,
not by a text-overlap measure.

Readers:
- `zoning`: what `vlkg ingest` does with an HTML page (`ingest.reading`, selectolax + zoning);
- `trafilatura`: `trafilatura.extract(html)` text, one paragraph a line, then zoned as plain
  text with a blank line between paragraphs (as a `.txt` is);
- `trafilatura-recall`: the same with `favor_recall=True`;
- `trafilatura-body`: the same text with every line taken as body (trafilatura alone).
- `text` (reference, page sets only): the original `.txt` read as plain text.

Sets (input kinds):
- `html-tests`: the repository's HTML test articles (`tests/data/articles/*.html`, real page
  layouts written for the project) with their hand-written `.expected.json`;
- `seeds-page`, `devset-page`: the shared seed and development-set texts wrapped at run time,
  in a temporary folder, into a news-page template (site menu, sidebar of other stories,
  footer, scripts; the captured text as one `<p>` per line inside `<article>`), the title in
  `<h1>` and `<title>` when the gold gives it, the URL and date in `<head>`; the `-divs` sets
  use `<div>`s with class names `ingest.html` does not know instead of semantic elements.
  Nothing of them is written to the repository. The captured text keeps its in-page
  boilerplate (time stamp, inline related headlines, bylines, lists of other stories), which
  is what a copied page holds.
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.document import Document, Segment, content_id  # noqa: E402
from ingest.extract import extract_document  # noqa: E402
from ingest.html import parse_html  # noqa: E402
from ingest.metadata import detect_language  # noqa: E402
from ingest.reading import document_from_bytes, document_from_text  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
ARTICLES = ROOT / "tests" / "data" / "articles"
CATEGORIES = ("partnerships", "officials", "agreements", "projects")
_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s")
_COUNTS = re.compile(r"\((\d+)/(\d+), (\d+)/(\d+)\)")

# Page chrome written for this tool: a menu, a sidebar of other stories (one of them about
# another Vietnam–Laos pair, as real sidebars often are), a footer and a script.
_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">{title}
{head}<meta property="og:site_name" content="Báo Tin Tức Mẫu">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">Báo Tin Tức Mẫu</a>
<nav class="menu"><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/the-gioi">Thế giới</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li>
<li><a href="/van-hoa">Văn hóa</a></li><li><a href="/the-thao">Thể thao</a></li></ul></nav></header>
<div class="container"><div class="main-col">
<article class="story">
{h1}{paragraphs}
</article>
</div>
<aside class="sidebar"><h3>Tin mới nhất</h3><ul>
<li><a href="/a1">Lai Châu và Phông Sa Lỳ ký kết biên bản hợp tác giai đoạn mới</a></li>
<li><a href="/a2">Giá vàng hôm nay tiếp tục tăng mạnh</a></li>
<li><a href="/a3">Thời tiết các tỉnh miền Trung có mưa to</a></li>
</ul></aside></div>
<footer class="site-footer"><p>Bản quyền thuộc Báo Tin Tức Mẫu. Giấy phép số 01/GP-BTTTT.</p>
<p>Địa chỉ: 1 Đường Mẫu, Hà Nội. Điện thoại: 024 0000 0000.</p></footer>
<script src="/static/app.js"></script>
</body></html>
"""


def wrap_page(
    text: str, *, title: str | None, url: str | None, published: str | None, lang: str, divs: bool = False
) -> str:
    """The captured `text` laid out as a news page (see the module docstring); `divs` lays it
    out in `<div>`s with site-specific class names, as many CMSs do, instead of `<header>`,
    `<nav>`, `<article>`, `<aside>` and `<footer>`."""
    esc = html_lib.escape
    lines = text.split("\n")
    if title:
        key = " ".join(title.split())
        lines = [line for line in lines if " ".join(line.split()) != key]
    paragraphs = "\n".join(f"<p>{esc(line.strip())}</p>" for line in lines if line.strip())
    head = ""
    if url:
        head += f'<link rel="canonical" href="{esc(url)}">\n'
    if published:
        head += f'<meta property="article:published_time" content="{esc(published)}">\n'
    page = _PAGE.format(
        lang=lang,
        title=f"<title>{esc(title)} | Báo Tin Tức Mẫu</title>" if title else "",
        head=head,
        h1=f"<h1>{esc(title)}</h1>\n" if title else "",
        paragraphs=paragraphs,
    )
    if divs:
        for old, new in _DIVS:
            page = page.replace(old, new)
    return page


# The same page without semantic elements or class names `ingest.html` knows.
_DIVS = (
    ('<header class="site-header">', '<div class="hd-top">'),
    ("</header>", "</div>"),
    ('<nav class="menu">', '<div class="mnu">'),
    ("</nav>", "</div>"),
    ('<article class="story">', '<div class="fck_detail">'),
    ("</article>", "</div>"),
    ('<aside class="sidebar">', '<div class="col-right">'),
    ("</aside>", "</div>"),
    ('<footer class="site-footer">', '<div class="ft">'),
    ("</footer>", "</div>"),
)


def read_zoning(html: str, source: str) -> Document:
    return document_from_bytes(html.encode("utf-8"), source=source, suffix=".html")


def _main_text(html: str, *, recall: bool = False) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=recall)
    # One line per paragraph; a blank line between them is how plain text marks paragraphs
    # (zoning reads lines run together under one another as inline links).
    return "\n\n".join(line for line in (text or "").split("\n") if line.strip())


def read_trafilatura(html: str, source: str, *, recall: bool = False) -> Document:
    meta = parse_html(html)
    return document_from_text(
        _main_text(html, recall=recall) or " ",
        source=source,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        outlet=meta.outlet,
        language=meta.language if meta.language in {"vi", "en", "lo", "th"} else None,
    )


def read_trafilatura_body(html: str, source: str) -> Document:
    meta = parse_html(html)
    text = ""
    segments: list[Segment] = []
    if meta.title:
        segments.append(Segment(meta.title, 0, "title"))
        text = meta.title + "\n\n"
    for line in _main_text(html).split("\n"):
        if line.strip():
            segments.append(Segment(line, len(text), "body"))
        text += line + "\n"
    return Document(
        source=source,
        id=content_id(text),
        text=text,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        outlet=meta.outlet,
        language=meta.language or detect_language(text),
        segments=segments,
    )


READERS: dict[str, Callable[[str, str], Document]] = {
    "zoning": read_zoning,
    "trafilatura": read_trafilatura,
    "trafilatura-recall": lambda html, source: read_trafilatura(html, source, recall=True),
    "trafilatura-body": read_trafilatura_body,
}


SETS = ("html-tests", "seeds-page", "seeds-divs", "devset-page", "devset-divs")


def _page_set(name: str) -> list[tuple[str, str, str, Path]]:
    """(stem, html, plain text, gold file) for each article of a set."""
    divs = name.endswith("-divs")
    items: list[tuple[str, str, str, Path]] = []
    if name == "html-tests":
        for path in sorted(ARTICLES.glob("*.html")):
            items.append(
                (path.stem, path.read_text(encoding="utf-8"), "", path.with_suffix(".expected.json"))
            )
    elif name in ("seeds-page", "seeds-divs"):
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            gold_path = SHARED / "gold" / f"{path.stem}.json"
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = path.read_text(encoding="utf-8")
            page = wrap_page(
                text, title=gold.get("title"), url=None, published=gold.get("published"), lang="vi", divs=divs
            )
            items.append((path.stem, page, text, gold_path))
    elif name in ("devset-page", "devset-divs"):
        for gold_path in sorted((SHARED / "devset" / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            raw = (SHARED / "devset" / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
            url, _, text = raw.split("\n", 2)
            published = None
            m = re.match(r"\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s)[ \t]*", text)
            if m:
                published, text = m.group(1), text[m.end() :]
            page = wrap_page(
                text,
                title=None,
                url=url.strip(),
                published=published,
                lang=gold.get("language", "vi"),
                divs=divs,
            )
            items.append((gold_path.stem, page, text, gold_path))
    else:
        raise SystemExit(f"unknown set {name}")
    return items


def score(
    items: list[tuple[str, str, str, Path]], read: Callable[[str, str], Document], tmp: Path, verbose: bool
) -> str:
    gold = tmp / "gold"
    gold.mkdir(exist_ok=True)
    facts = []
    for stem, page, _text, gold_path in items:
        (gold / f"{stem}.json").write_text(gold_path.read_text(encoding="utf-8"), encoding="utf-8")
        data = extract_document(read(page, stem + ".html")).model_dump(mode="json")
        data["source"] = stem + ".html"
        facts.append(data)
    out = tmp / "facts.json"
    out.write_text(json.dumps({"articles": facts}, ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, str(SCORER), str(gold), str(out)] + (["--verbose"] if verbose else [])
    run = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return run.stdout


def _summary(report: str) -> str:
    """Micro F1 over the four categories from the scorer's counts (it prints two decimals),
    then precision and recall per category."""
    cells = []
    ok = pred = hit = req = 0
    for line in report.splitlines():
        m = _ROW.match(line)
        c = _COUNTS.search(line)
        if m and c and m.group(1) in CATEGORIES:
            cells.append(f"{m.group(1)[:5]} P {float(m.group(2)):.2f} R {float(m.group(3)):.2f}")
            a, b, h, r = (int(g) for g in c.groups())
            ok, pred, hit, req = ok + a, pred + b, hit + h, req + r
    precision = ok / pred if pred else 1.0
    recall = hit / req if req else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"F1 {f1:.3f} ({ok}/{pred} ok, {hit}/{req} hit) | " + " | ".join(cells)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--set", action="append", choices=SETS)
    ap.add_argument("--verbose", "-v", action="store_true", help="print the scorer's full reports")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"scorer not found at {SCORER}", file=sys.stderr)
        return 2
    sets = args.set or list(SETS)
    for name in sets:
        items = _page_set(name)
        print(f"== {name}: {len(items)} pages")
        readers = dict(READERS)
        if name != "html-tests":
            texts = {stem + ".html": text for stem, _page, text, _gold in items}

            def read_text(_page: str, source: str, texts: dict[str, str] = texts) -> Document:
                return document_from_text(texts[source], source=source)

            readers["text (reference)"] = read_text
        for reader, read in readers.items():
            with tempfile.TemporaryDirectory() as tmp:
                report = score(items, read, Path(tmp), args.verbose)
            print(f"{reader:18} {_summary(report)}")
            if args.verbose:
                print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
