"""Every list answer as CSV: `Accept: text/csv` or `?format=csv`.

A researcher who filtered `/projects?funder=Hà Tĩnh` wants that list in a spreadsheet, not
the whole dataset. Rather than a second code path per endpoint, `CsvMiddleware` asks the
endpoint for its JSON and turns the answer's list (`items`; `links` for `/network`) into
rows the way `vlkg export --format csv` writes its tables (`app/tables`). The list is
`items` (`partners` for `/province/{name}/partners`, `links` for `/network`);
- a province is three columns, `<field>_code` (ISO 3166-2, else the gazetteer id),
  `<field>_name_vi`, `<field>_name_en`; a list of provinces `<field>_codes`, `_vi`, `_en`;
- lists of values are joined with `; `, booleans are `true`/`false`, a missing value is an
  empty cell; other nested objects are flattened as `<field>_<key>`, and lists of them
  (officials, path steps) keep their names or labels;
- with `?sources=true` there is one row per (item, source) with the tables' provenance
  columns (`rule`, `article_id`, `article_url`, `article_title`, `article_published`,
  `article_outlet`, `evidence`), as in the exported tables.
The paging meta goes to headers (`X-Total-Count`, `X-Limit`, `X-Offset`). A CSV asked for
from an answer that is not a list is `406 Not Acceptable` with a JSON error; errors stay JSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.negotiation import negotiate, parse_accept
from app.tables import cell, join

CSV = "text/csv"
JSON = "application/json"
LIST_KEYS = ("items", "partners", "links")
SOURCE_COLUMNS = (
    "rule",
    "article_id",
    "article_url",
    "article_title",
    "article_published",
    "article_outlet",
    "evidence",
)

Row = dict[str, Any]


def _is_province(value: Any) -> bool:
    return isinstance(value, dict) and "country" in value and "name_en" in value and "id" in value


def _province(prefix: str, p: Row | None) -> Row:
    p = p or {}
    return {
        f"{prefix}_code": p.get("iso") or p.get("id"),
        f"{prefix}_name_vi": p.get("name"),
        f"{prefix}_name_en": p.get("name_en"),
    }


def _name(value: Any) -> Any:
    """How a nested object is named in one cell: its name or label, a role by its province."""
    if isinstance(value, dict):
        for key in ("name", "label", "id"):
            if value.get(key) is not None:
                return value[key]
        if _is_province(value.get("province")):
            return value["province"].get("name")
        return None
    return value


def _flatten(prefix: str, value: Any, out: Row) -> None:
    if _is_province(value):
        out.update(_province(prefix, value))
    elif isinstance(value, dict):
        for key, sub in value.items():
            _flatten(f"{prefix}_{key}", sub, out)
    elif isinstance(value, list):
        if value and all(_is_province(v) for v in value):
            out[f"{prefix}_codes"] = join(v.get("iso") or v.get("id") for v in value)
            out[f"{prefix}_vi"] = join(v.get("name") for v in value)
            out[f"{prefix}_en"] = join(v.get("name_en") for v in value)
        else:
            out[prefix] = join(_name(v) for v in value)
    else:
        out[prefix] = value


def _source(source: Row) -> Row:
    article = source.get("article") or {}
    span = source.get("span") or {}
    return {
        "rule": span.get("rule"),
        "article_id": article.get("id"),
        "article_url": article.get("url") or article.get("source"),
        "article_title": article.get("title"),
        "article_published": article.get("published"),
        "article_outlet": article.get("outlet"),
        "evidence": source.get("sentence"),
    }


def rows(items: list[Any]) -> Iterator[Row]:
    """The items of a list answer as flat rows, one per (item, source) when sources are given."""
    for item in items:
        if not isinstance(item, dict):
            yield {"value": item}
            continue
        flat: Row = {}
        sources = item.get("sources")
        for key, value in item.items():
            if key != "sources":
                _flatten(key, value, flat)
        if isinstance(sources, list) and sources:
            for s in sources:
                yield {**flat, **_source(s)}
        elif isinstance(sources, list):
            yield {**flat, **dict.fromkeys(SOURCE_COLUMNS)}
        else:
            yield flat


def to_csv(items: list[Any]) -> str:
    """CSV text with a header row: the columns of every row, in order of first appearance."""
    table = list(rows(items))
    columns: dict[str, None] = {}
    for r in table:
        columns.update(dict.fromkeys(r))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if columns:
        writer.writerow(columns)
    for r in table:
        writer.writerow([cell(r.get(c)) for c in columns])
    return buffer.getvalue()


def _list_of(answer: Any) -> list[Any] | None:
    if isinstance(answer, list):
        return answer
    if isinstance(answer, dict):
        for key in LIST_KEYS:
            if isinstance(answer.get(key), list):
                return list(answer[key])
    return None


def _wants_csv(scope: Scope) -> tuple[bool, bool]:
    """(CSV wanted, asked for with `?format=csv`)."""
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    if query.get("format") == "csv":
        return True, True
    accept = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"accept"), None)
    ranges = parse_accept(accept) if accept else None
    return bool(ranges) and negotiate(ranges or [], [JSON, CSV]) == CSV, False


class CsvMiddleware:
    """Answers list endpoints in CSV when asked (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        wanted, _ = _wants_csv(scope)
        if not wanted:
            await self.app(scope, receive, send)
            return
        # JSON to convert, so no encoding: cached answers are gzipped when asked (answers.py)
        headers = [(k, v) for k, v in scope["headers"] if k not in (b"accept", b"accept-encoding")]
        headers.append((b"accept", JSON.encode()))
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app({**scope, "headers": headers}, receive, capture)
        body = b"".join(chunks)
        media = dict(start.get("headers") or []).get(b"content-type", b"").decode("latin-1")
        if start.get("status") != 200 or not media.startswith(JSON):
            await _replay(send, start, body)
            return
        answer = orjson.loads(body)
        items = _list_of(answer)
        if items is None:
            error = {
                "type": "about:blank",
                "title": "Not Acceptable",
                "status": 406,
                "detail": f"{CSV} is offered for list answers only; this answer is one resource",
                "supported": [JSON],
            }
            await _send(send, 406, orjson.dumps(error), "application/problem+json", [])
            return
        extra = [
            (f"x-{key}".encode(), str(answer[key]).encode())
            for key in ("total", "limit", "offset")
            if isinstance(answer, dict) and isinstance(answer.get(key), int)
        ]
        extra = [(b"x-total-count" if k == b"x-total" else k, v) for k, v in extra]
        await _send(send, 200, to_csv(items).encode("utf-8"), f"{CSV}; charset=utf-8", extra)


async def _send(send: Send, status: int, body: bytes, media: str, extra: list[tuple[bytes, bytes]]) -> None:
    headers = [
        (b"content-type", media.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"vary", b"Accept"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _replay(send: Send, start: Message, body: bytes) -> None:
    await send(start)
    await send({"type": "http.response.body", "body": body})
